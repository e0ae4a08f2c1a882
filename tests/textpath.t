#!/bin/sh
# textpath.t - rebuilding tables from dumps without geometry: the solver's
# choices, ambiguity, arithmetic checks, continued and two-sided tables.
. "$(dirname "$0")/lib.sh"

header03='科目编码
单位代码
单位（科目名称） 合计
基本支出 项目支出
小计
人员经费
公用经费 小计 其他运转类 特定目标类
类 款 项 工资福利支出
对个人和家庭的补助'

# (jq prints numbers its own way, 150.00 as 150: exactness is checked on
# the raw output, below.)
# The value goes where the column totals need it, not where it would
# first fit: leftmost would put both project rows under 其他运转类.
cat > "$TMP/a.txt" <<EOF
预算03表
2022年部门支出预算表
部门名称：测试局 单位：万元
$header03
合计 300.00 100.00 90.00 10.00 200.00 50.00 150.00
208 01 07 社会保险业务管理事务 50.00 50.00 50.00
208 01 08 信息化建设 150.00 150.00 150.00
210 15 01 行政运行 100.00 100.00 90.00 10.00
EOF
text_pipeline "$TMP/a.txt" > "$TMP/a.jsonl"
ok $? "a budget table goes through the text path"
is "$(jq -r 'select(.type=="row" and .cells[4]=="信息化建设") | .values["项目支出/特定目标类"]' "$TMP/a.jsonl")" \
    "150" "a value goes to the column whose total needs it"
is "$(jq -r 'select(.type=="row" and .cells[4]=="社会保险业务管理事务") | .values["项目支出/其他运转类"]' "$TMP/a.jsonl")" \
    "50" "the other project row takes the other column"
is "$(jq -r 'select(.type=="row" and .cells[4]=="行政运行") | .values["基本支出/人员经费/对个人和家庭的补助"]' "$TMP/a.jsonl")" \
    "10" "a part goes where the total row has that part"
is "$(jq -r 'select(.type=="table") | .checks.failed' "$TMP/a.jsonl")" "0" \
    "a consistent table fails no check"
is "$(jq -r 'select(.type=="row" and .cells[4]=="合计") | .kind' "$TMP/a.jsonl")" \
    "total" "the 合计 row is a total"
is "$(jq -c 'select(.type=="table") | .columns[0:3]' "$TMP/a.jsonl")" \
    '["科目编码/类","科目编码/款","科目编码/项"]' "header paths join merged cells"
is "$(grep -c '"合计":300.00' "$TMP/a.jsonl")" "1" \
    "amounts are written exactly as printed, 300.00 not 300"

# When more than one placement fits everything, the row says how many.
cat > "$TMP/b.txt" <<'EOF'
预算02表
2022年部门收入预算表
部门名称：测试局 单位：万元
部门（单位）代码 部门（单位）名称 总计 本年收入 上年结转结余 合计 一般公共预算
政府性基金预算 国有资本经营预算 财政专户管理资金收入 事业收入 事业单位经营收入
上级补助收入 附属单位上缴收入 其他收入 合计 一般公共预算 政府性基金预算
国有资本经营预算 财政专户管理资金 单位资金 小计 其中：财政拨款
合计 100.00 100.00 80.00 80.00 20.00
001 测试局 100.00 100.00 80.00 80.00 20.00
EOF
text_pipeline "$TMP/b.txt" > "$TMP/b.jsonl"
amb=$(jq -r 'select(.type=="row" and .cells[0]=="001") | .ambiguous' "$TMP/b.jsonl")
[ "$amb" -gt 1 ] 2>/dev/null
ok $? "a row whose 20.00 fits several income columns is ambiguous ($amb)"
is "$(jq -r 'select(.type=="row" and .cells[0]=="001") | .values["本年收入/政府性基金预算"]' "$TMP/b.jsonl")" \
    "20" "the likeliest placement is given: the leftmost that fits"
is "$(jq -r 'select(.type=="table") | .ambiguous' "$TMP/b.jsonl")" "2" \
    "the table counts its ambiguous rows"

# A printed 0.00 goes where the total prints 0.00; a blank stays null.
cat > "$TMP/c.txt" <<'EOF'
支出决算表
公开03表
部门：测试局 金额单位：万元
项目
科目代码 科目名称
本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出
栏次 1 2 3 4 5 6
合计 30.00 10.00 20.00 0.00 0.00
208 社会保障和就业支出 10.00 10.00 0.00 0.00
210 卫生健康支出 20.00 20.00 0.00 0.00
EOF
text_pipeline "$TMP/c.txt" > "$TMP/c.jsonl"
is "$(jq -c 'select(.type=="row" and .cells[0]=="208") | .cells[2:]' "$TMP/c.jsonl")" \
    '[10,10,null,0,0,null]' "zeros to the zero columns, blanks null"
grep -q '"cells":\["208","社会保障和就业支出",10.00,10.00,null,0.00,0.00,null\]' "$TMP/c.jsonl"
ok $? "a zero is written 0.00 as printed, a blank null"
is "$(jq -c 'select(.type=="row" and .cells[0]=="210") | .cells[2:]' "$TMP/c.jsonl")" \
    '[20,null,20,0,0,null]' "the basic total leaves 20.00 to projects"
is "$(jq -r 'select(.type=="table") | .header_rows' "$TMP/c.jsonl")" "3" \
    "the 栏次 row is a header row"

# A value that fits no placement is left out, and the row says so.
cat > "$TMP/d.txt" <<EOF
预算03表
2022年部门支出预算表
部门名称：测试局 单位：万元
$header03
合计 100.00 100.00 100.00
210 15 99 其他医疗保障管理事务支出 100.00 60.30 100.00 100.00
EOF
text_pipeline "$TMP/d.txt" > "$TMP/d.jsonl"
is "$(jq -r 'select(.type=="row" and .cells[0]=="210") | .check' "$TMP/d.jsonl")" \
    "failed" "a row with a stray value fails its check"
jq -e 'select(.type=="row" and .cells[0]=="210") | .failures[] | select(test("left out"))' \
    "$TMP/d.jsonl" >/dev/null
ok $? "the failure says a value was left out"
grep -q '60.30' "$TMP/d.jsonl"
ok $((1 - $?)) "the stray value is not put in a column"

# A table continued under a repeated caption and header is one table.
cat > "$TMP/e.txt" <<EOF
预算03表
2022年部门支出预算表
部门名称：测试局 单位：万元
$header03
合计 300.00 100.00 90.00 10.00 200.00 50.00 150.00
208 01 07 社会保险业务管理事务 50.00 50.00 50.00
18 / 54
预算03表
2022年部门支出预算表
部门名称：测试局 单位：万元
$header03
208 01 08 信息化建设 150.00 150.00 150.00
210 15 01 行政运行 100.00 100.00 90.00 10.00
EOF
text_pipeline "$TMP/e.txt" > "$TMP/e.jsonl"
is "$(jq -r 'select(.type=="table") | .rows' "$TMP/e.jsonl")" "4" \
    "a continued table is joined into one with all its rows"
is "$(grep -c '"type":"table"' "$TMP/e.jsonl")" "1" "no second table"
is "$(jq -r 'select(.type=="row" and .cells[4]=="行政运行") | .page' "$TMP/e.jsonl")" \
    "19" "the page number printed as \"18 / 54\" dates the rows after it"

# Two-sided tables: each label to its side, a lone label by its words.
cat > "$TMP/f.txt" <<'EOF'
预算01表
2023年部门收支预算表
部门名称：测试局 单位：万元
收入 支出
项目 金额 项目 金额
一、一般公共预算 100.00 一、一般公共服务
其中：财政拨款 100.00 二、外交
二、政府性基金预算拨款收入 三、国防
十一、节能环保 100.00
本 年 收 入 合 计 100.00 本 年 支 出 合 计 100.00
EOF
text_pipeline "$TMP/f.txt" > "$TMP/f.jsonl"
is "$(jq -c 'select(.type=="row" and .cells[2]=="十一、节能环保") | .cells' "$TMP/f.jsonl")" \
    '[null,null,"十一、节能环保",100]' "a lone expenditure label goes right"
is "$(jq -c 'select(.type=="row" and .cells[0]=="本年收入合计") | .cells' "$TMP/f.jsonl")" \
    '["本年收入合计",100,"本年支出合计",100]' "a letter-spaced total on both sides"

# Unknown families still come out, by count.
printf '某某情况表\n单位：元\n项目 数量 金额\n甲 1 10.50\n乙 2 20.25\n' > "$TMP/g.txt"
text_pipeline "$TMP/g.txt" > "$TMP/g.jsonl"
is "$(jq -r 'select(.type=="table") | .family' "$TMP/g.jsonl")" "null" \
    "a table no family knows has family null"
is "$(jq -r 'select(.type=="table") | .rows' "$TMP/g.jsonl")" "2" \
    "and its rows are still there"

# Side-by-side blocks are checked block by block, and blocks under one
# heading share one total (公用经费 printed in two blocks, one 公用经费合计).
T=$(printf '\t')
cat > "$TMP/h.txt" <<EOF
一般公共预算财政拨款基本支出决算明细表
公开06表
单位:万元
人员经费${T}${T}${T}公用经费${T}${T}${T}${T}${T}
经济分类科目编码${T}科目名称${T}决算数${T}经济分类科目编码${T}科目名称${T}决算数${T}经济分类科目编码${T}科目名称${T}决算数
301${T}工资福利支出${T}40.00${T}302${T}商品和服务支出${T}7.00${T}310${T}资本性支出${T}3.00
30101${T}基本工资${T}30.00${T}30201${T}办公费${T}5.00${T}31002${T}办公设备购置${T}3.00
30102${T}津贴补贴${T}10.00${T}30202${T}印刷费${T}2.00${T}31003${T}专用设备购置${T}
人员经费合计${T}${T}40.00${T}公用经费合计${T}${T}${T}${T}${T}10.00
EOF
text_pipeline "$TMP/h.txt" > "$TMP/h.jsonl"
is "$(jq -r 'select(.type=="table") | [.checks.passed, .checks.failed] | @tsv' "$TMP/h.jsonl")" \
    "$(printf '5\t0')" "three blocks add up each on its own, 公用经费合计 over two"
sed "s/30202${T}印刷费${T}2.00/30202${T}印刷费${T}2.50/" "$TMP/h.txt" > "$TMP/h2.txt"
text_pipeline "$TMP/h2.txt" > "$TMP/h2.jsonl"
is "$(jq -r 'select(.type=="row" and .check=="failed") | .cells[3]' "$TMP/h2.jsonl" | tr '\n' ' ')" \
    "302 " "a wrong sub-item fails its own block's parent only"
sed "s/公用经费合计\(.*\)10.00/公用经费合计\111.00/" "$TMP/h.txt" > "$TMP/h3.txt"
text_pipeline "$TMP/h3.txt" > "$TMP/h3.jsonl"
is "$(jq -r 'select(.type=="row" and .check=="failed") | .failures[]' "$TMP/h3.jsonl")" \
    "公用经费/决算数: is not the sum of the rows above it, off by 1.00" \
    "a wrong shared total fails once, against both blocks"

# An of-which (其中) amount is printed only under the column it is part
# of: four equal values are 总计, 合计, 小计 and 其中, not 总计, 合计,
# 其中 and the next column.
cat > "$TMP/i.txt" <<'EOF'
预算02表
2022年部门收入预算表
部门名称：测试局 单位：万元
部门（单位）代码 部门（单位）名称 总计
本年收入 上年结转结余
合计 一般公共预算 政府性基金 国有资本经营预算 财政专户管理资金收入 事业收入 事业单位经营收入 上级补助收入 附属单位上缴收入 其他收入
合计 一般公共预算 政府性基金 国有资本经营预算 财政专户管理资金 单位资金
小计 其中：财政拨款
合计 5.00 5.00 5.00 5.00
001 测试局 5.00 5.00 5.00 5.00
EOF
text_pipeline "$TMP/i.txt" > "$TMP/i.jsonl"
is "$(jq -c 'select(.type=="row" and .cells[0]=="001") | .cells[2:6]' "$TMP/i.jsonl")" \
    '[5,5,5,5]' "其中：财政拨款 comes with its 小计"

# The rounding tail is half a unit of each term's own printed place: 1.2
# printed in a table of hundredths may hide up to 0.05.
cat > "$TMP/j.txt" <<EOF
预算03表
2022年部门支出预算表
部门名称：测试局 单位：万元
$header03
合计 3.34 3.34 3.34
208 01 07 社会保险业务管理事务 1.2 1.2 1.2
208 01 08 信息化建设 2.11 2.11 2.11
EOF
text_pipeline "$TMP/j.txt" > "$TMP/j.jsonl"
is "$(jq -r 'select(.type=="table") | .checks.failed' "$TMP/j.jsonl")" "0" \
    "a sum within its terms' rounding tails passes"
sed 's/^合计 3.34 3.34 3.34/合计 3.40 3.40 3.40/' "$TMP/j.txt" > "$TMP/j2.txt"
text_pipeline "$TMP/j2.txt" > "$TMP/j2.jsonl"
[ "$(jq -r 'select(.type=="table") | .checks.failed' "$TMP/j2.jsonl")" -gt 0 ]
ok $? "a sum off by more than its rounding tails fails"

# Cells printed one per line (pdftotext without -raw): the amounts join
# their row one by one, the 栏次 numbers printed below their marker and
# the total's label printed among them come back where they belong.
printf '%s\n\n' 一般公共预算财政拨款支出决算表 '公开 05 表' '单位：万元' 项目 科目编码 本年支出 科目名称 小计 \
    栏次 1 合计 '基本支出 项目支出' 2 3 30.00 20.00 10.00 204 公共安全支出 30.00 20.00 10.00 \
    2040601 行政运行 20.00 20.00 2040604 基层司法业务 10.00 10.00 > "$TMP/k.txt"
text_pipeline "$TMP/k.txt" > "$TMP/k.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/k.jsonl" | tr '\n' ' ')" \
    '["合计",null,30,20,10] ["204","公共安全支出",30,20,10] ["2040601","行政运行",20,20,null] ["2040604","基层司法业务",10,null,10] ' \
    "one amount per line: rows rebuilt, the total's label recovered"
is "$("$RETABLE_BIN/dehyphenate" "$TMP/k.txt" | "$RETABLE_BIN/table-segment" | "$RETABLE_BIN/row-align" | "$RETABLE_BIN/to-jsonl" --cells |
    jq -r 'select(.row==2 and .header) | .text' | tr '\n' ' ')" \
    "栏次 1 2 3 " "the 栏次 numbers printed below their marker"

# A page that opens with the rest of the table before, closed by its note,
# then a new caption: the rows stay with the table they continue (a page
# drawn caption-last opens with its own entity line instead).
cat > "$TMP/l.txt" <<EOF
预算03表
2022年部门支出预算表
部门名称：测试局 单位：万元
$header03
合计 300.00 100.00 90.00 10.00 200.00 50.00 150.00
208 01 07 社会保险业务管理事务 50.00 50.00 50.00
1 / 2
208 01 08 信息化建设 150.00 150.00 150.00
210 15 01 行政运行 100.00 100.00 90.00 10.00
注：本表反映部门支出预算情况。
二、部门收入预算表
本部门收入预算表如下表所示，合计 300.00 万元，各栏数据之间的关系见表内合计行。
预算04表
2022年财政拨款收支预算表
2 / 2
EOF
text_pipeline "$TMP/l.txt" > "$TMP/l.jsonl"
is "$(jq -r 'select(.type=="table" and .code=="预算03表") | [.rows, .checks.failed] | @tsv' "$TMP/l.jsonl")" \
    "$(printf '4\t0')" "rows closed by a note before the next caption end the table before"

# Three blocks side by side, space-separated: a row with no amounts at all
# ends where the next line's first block begins.
cat > "$TMP/m.txt" <<'EOF'
一般公共预算财政拨款基本支出决算明细表
公开06表
单位：万元
人员经费 公用经费
科目编码 科目名称 决算数 科目编码 科目名称 决算数 科目编码 科目名称 决算数
301 工资福利支出 40.00 302 商品和服务支出 7.00 310 资本性支出 3.00
30101 基本工资 40.00 30201 办公费 7.00 31002 办公设备购置 3.00
30102 津贴补贴 30202 印刷费 31003 专用设备购置
30103 奖金 30203 咨询费 31005 基础设施建设
人员经费合计 40.00 公用经费合计 10.00
EOF
text_pipeline "$TMP/m.txt" > "$TMP/m.jsonl"
is "$(jq -r 'select(.type=="row") | .cells[0]' "$TMP/m.jsonl" | tr '\n' ' ')" \
    "301 30101 30102 30103 人员经费合计 " "a block's code after another block's label starts no new row"

is "$(jq -c 'select(.type=="row" and .kind=="total") | .cells' "$TMP/m.jsonl")" \
    '["人员经费合计",null,40,"公用经费合计",null,null,null,null,10]' \
    "a total names its blocks: 公用经费合计's amount under the last of its two"

# Columns numbered under the header without a 栏次 label: a header row.
cat > "$TMP/n.txt" <<'EOF'
一般公共预算财政拨款“三公”经费支出决算表
公开09表
单位：万元
预算数 决算数
合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费 合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费
小计 公务用车购置费 公务用车运行维护费 小计 公务用车购置费 公务用车运行维护费
1 2 3 4 5 6 7 8 9 10 11 12
0.10 0.00 0.00 0.00 0.00 0.10 0.10 0.00 0.00 0.00 0.00 0.10
EOF
"$RETABLE_BIN/dehyphenate" "$TMP/n.txt" | "$RETABLE_BIN/table-segment" |
    "$RETABLE_BIN/row-align" | "$RETABLE_BIN/to-jsonl" --cells > "$TMP/n.cells"
is "$(jq -r 'select(.row==3) | [.header, .text] | @tsv' "$TMP/n.cells" | head -2 | tr '\n\t' ' :')" \
    "true:1 true:2 " "a line numbering the columns 1 to 12 is a header row"

# Variants with the same header words in another order: the order the
# header prints them chooses; a word a text column prints (特定目标类)
# goes there, not to an empty label.
cat > "$TMP/o.txt" <<'EOF'
预算10表
2024年项目支出预算表
部门名称：测试局 单位：万元
部门（单位）代码 部门（项目）名称 项目类型 合计 本年拨款 财政拨款结转结余 财政专户管理资金 单位资金
一般公共预算 政府性基金预算 国有资本经营预算 一般公共预算 政府性基金预算 国有资本经营预算
合计 30.00 30.00
001001 农产品质量安全检测 特定目标类 20.00 20.00
001001 特定目标类 10.00 10.00
EOF
text_pipeline "$TMP/o.txt" > "$TMP/o.jsonl"
is "$(jq -c 'select(.type=="table") | .columns[0:3]' "$TMP/o.jsonl")" \
    '["部门（单位）代码","部门（项目）名称","项目类型"]' "the variant printing 名称 before 项目类型"
is "$(jq -c 'select(.type=="row" and .cells[3]==10) | .cells[0:3]' "$TMP/o.jsonl")" \
    '["001001",null,"特定目标类"]' "特定目标类 without a name stays the type"

# A table without a family, in English: its title is the line over its
# unit line, its header is rebuilt from the words printed over the rows.
cat > "$TMP/p.txt" <<'EOF'
City of Riverton
Operating Expenses by Program
(in thousands of dollars)
Program FY 2023 Variance
Budget Actual
Public safety 4,008 4,049 (41)
Parks and recreation 8,346 7,762 584
Total 12,354 11,811 543
EOF
text_pipeline "$TMP/p.txt" > "$TMP/p.jsonl"
is "$(jq -r 'select(.type=="table") | [.title, .unit] | @tsv' "$TMP/p.jsonl")" \
    "$(printf 'Operating Expenses by Program\tthousands of dollars')" \
    "the line over a unit line is the table's title"
is "$(jq -c 'select(.type=="table") | .columns' "$TMP/p.jsonl")" \
    '["Program","FY 2023/Budget","FY 2023/Actual","Variance"]' \
    "the header's words make the column paths"
is "$(jq -c 'select(.type=="row" and .kind=="total") | .values' "$TMP/p.jsonl")" \
    '{"Program":"Total","FY 2023/Budget":12354,"FY 2023/Actual":11811,"Variance":543}' \
    "the amounts under them"

# Blocks side by side printed a cell a line: the row goes on through the
# other blocks and ends at the next code of the first; a first row left
# among the header lines comes back.
printf '%s\n\n' 一般公共预算财政拨款基本支出决算明细表 公开06表 '单位：万元' 人员经费 公用经费 \
    经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 决算数 \
    301 工资福利支出 '40.00 302' 商品和服务支出 '7.00 310' 资本性支出 3.00 \
    30101 基本工资 '40.00 30201' 办公费 '7.00 31002' 办公设备购置 3.00 \
    30102 津贴补贴 30202 印刷费 31003 专用设备购置 > "$TMP/q.txt"
text_pipeline "$TMP/q.txt" > "$TMP/q.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/q.jsonl" | tr '\n' ' ')" \
    '["301","工资福利支出",40,"302","商品和服务支出",7,"310","资本性支出",3] ["30101","基本工资",40,"30201","办公费",7,"31002","办公设备购置",3] ["30102","津贴补贴",null,"30202","印刷费",null,"31003","专用设备购置",null] ' \
    "three blocks a cell a line make one row per first-block code"

# A code whose 类 and 款 cells a dump joined (301 + 01 -> 30101) is cut
# back where the family's code columns fit.
cat > "$TMP/r.txt" <<'EOF'
预算07表
2022年支出经济分类汇总表
单位：万元
部门预算经济分类 政府预算经济分类 总计 一般公共预算
类 款 科目名称 类 款 科目名称 小计 其中：财政拨款
合计 10.00 10.00 10.00
30101 基本工资 501 01 工资奖金津补贴 10.00 10.00 10.00
EOF
text_pipeline "$TMP/r.txt" > "$TMP/r.jsonl"
is "$(jq -c 'select(.type=="row" and .kind=="data") | .cells[0:6]' "$TMP/r.jsonl")" \
    '["301","01","基本工资","501","01","工资奖金津补贴"]' "a joined 类款 code cut back into its columns"

# Two sides a cell a line: each side's label, 行次 and amount come one by
# one; a row ends where the first side begins again, by its words or by
# its 行次 counting on.
printf '%s\n\n' 收入支出决算总表 '公开 01 表' '单位：万元' 收入 项目 支出 行次 栏次 金额 项目 1 栏次 行次 金额 2 \
    一、一般公共预算财政拨款收入 1 '1,993.14 一、一般公共服务支出' 31 二、政府性基金预算财政拨款收入 2 二、外交支出 32 \
    八、其他收入 8 八、社会保障和就业支出 38 134.74 9 九、卫生健康支出 39 36.80 > "$TMP/s.txt"
text_pipeline "$TMP/s.txt" > "$TMP/s.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/s.jsonl" | tr '\n' ' ')" \
    '["一、一般公共预算财政拨款收入","1",1993.14,"一、一般公共服务支出","31",null] ["二、政府性基金预算财政拨款收入","2",null,"二、外交支出","32",null] ["八、其他收入","8",null,"八、社会保障和就业支出","38",134.74] [null,"9",null,"九、卫生健康支出","39",36.8] ' \
    "two sides a cell a line make their rows again"

# A page drawn caption-last whose labels come after everything: the rows
# of amounts take the leftover labels in order; the running head that
# opens every page is furniture.
cat > "$TMP/t.txt" <<'EOF'
测试局2024年部门预算
第 1 页，共 3 页
本部门2024年“三公”经费预算2.80万元。
测试局2024年部门预算
第 2 页，共 3 页
部门名称：测试局 单位：万元
项目 增减额 增减率
合计 3.07 2.80 (0.27) -8.79%
0.00 0.00 0.00 -
2.33 2.01 (0.32) -13.73%
0.74 0.79 0.05 6.75%
预算09表
2024年“三公”经费支出预算增减情况表
上年预算数
本年预算数
1.因公出国（境）费
2.公务用车购置及运行费
3.公务接待费
测试局2024年部门预算
第 3 页，共 3 页
EOF
text_pipeline "$TMP/t.txt" > "$TMP/t.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/t.jsonl" | tr '\n' ' ')" \
    '["合计",3.07,2.8,-0.27,"-8.79%"] ["1.因公出国（境）费",0,0,0,"-"] ["2.公务用车购置及运行费",2.33,2.01,-0.32,"-13.73%"] ["3.公务接待费",0.74,0.79,0.05,"6.75%"] ' \
    "labels drawn after the rows go to the rows without, in order"
is "$(jq -r 'select(.type=="table") | .checks.failed' "$TMP/t.jsonl")" "0" \
    "上年 + 增减额 = 本年 holds, (0.32) read as -0.32"

# One form per project under one title: a first key given another value
# begins the next form; pages repeating the same key and value go on.
cat > "$TMP/u.txt" <<'EOF'
项目支出绩效自评表
（2023年度）
项目名称 防汛抗旱应急演练
年初预算数 全年预算数 全年执行数 执行率 得分
年度资金总额 643.13 669.93 602.93 90.00% 9.00
项目支出绩效自评表
（2023年度）
项目名称 防汛抗旱应急演练
总分 100 97.17
项目支出绩效自评表
（2023年度）
项目名称 基本公共卫生服务项目
年初预算数 全年预算数 全年执行数 执行率 得分
年度资金总额 100.00 100.00 100.00 100.00% 10.00
EOF
"$RETABLE_BIN/dehyphenate" "$TMP/u.txt" | "$RETABLE_BIN/table-segment" > "$TMP/u.seg"
is "$(grep -c '^table' "$TMP/u.seg")" "2" "a form repeated for another project is a table of its own"

# A page drawn caption-last whose table has one row: the entity line that
# opens the page says the row is the coming caption's.
cat > "$TMP/v.txt" <<'EOF'
预算07表
2022年支出经济分类汇总表
部门预算经济分类 政府预算经济分类 总计 一般公共预算
类 款 科目名称 类 款 科目名称 小计 其中：财政拨款
310 99 其他资本性支出 503 99 其他资本性支出 88.19 88.19
12 / 18
部门名称：测试局 单位：万元
“三公”经费合计 因公出国（境）费 公务用车购置及运行费 公务接待费
小计 公务用车购置费 公务用车运行费
9.38 2.08 7.30 0.00 7.30 0.00
预算 08 表
2022 年一般公共预算“三公”经费预算表
13 / 18
EOF
text_pipeline "$TMP/v.txt" > "$TMP/v.jsonl"
is "$(jq -c 'select(.type=="row" and .table==2) | .cells' "$TMP/v.jsonl")" \
    '[9.38,2.08,7.3,0,7.3,0]' "a one-row table drawn before its caption is the caption's"

# A 类 code alone heads the codes below it: it fills 类 only, not the
# unit's code column that would also take three digits.
cat > "$TMP/w.txt" <<EOF
预算03表
2022年部门支出预算表
部门名称：测试局 单位：万元
$header03
合计 150.00 150.00 150.00
001 测试局 150.00 150.00 150.00
208 社会保障和就业支出 150.00 150.00 150.00
208 05 行政事业单位养老支出 150.00 150.00 150.00
208 05 05 机关事业单位基本养老保险缴费支出 150.00 150.00 150.00
EOF
text_pipeline "$TMP/w.txt" > "$TMP/w.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:4]' "$TMP/w.jsonl" | tr '\n' ' ')" \
    '[null,null,null,null] [null,null,null,"001"] ["208",null,null,null] ["208","05",null,null] ["208","05","05",null] ' \
    "a parent code is a 类, a unit's code is the unit's"

# A table without a family printed a cell a line: words begin a row,
# the numbers after them are its; the first row's label, left last in
# the header, comes back.
printf '%s\n\n' 'Operating Expenses by Program' '(in thousands of dollars)' Program Amount Share \
    'Public safety' 4,008 40% 'Parks and recreation' 6,012 60% > "$TMP/x.txt"
text_pipeline "$TMP/x.txt" > "$TMP/x.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/x.jsonl" | tr '\n' ' ')" \
    '["Public safety",4008,"40%"] ["Parks and recreation",6012,"60%"] ' \
    "a cell a line: a table without a family has its rows again"

# A 栏次 printed after the rows (a text box drawn last) still heads the
# numbering row, whose numbers the header printed a line each.
printf '%s\n\n' 一般公共预算财政拨款支出决算表 '公开 05 表' '单位：万元' 项目 科目编码 本年支出 科目名称 \
    小计 基本支出 项目支出 1 2 3 合计 30.00 10.00 20.00 205 教育支出 30.00 10.00 20.00 栏次 > "$TMP/y.txt"
text_pipeline "$TMP/y.txt" > "$TMP/y.jsonl"
is "$(jq -c 'select(.type=="table") | .header_rows' "$TMP/y.jsonl")" "3" \
    "a 栏次 after the rows makes the numbering row"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/y.jsonl" | tr '\n' ' ')" \
    '["合计",null,30,10,20] ["205","教育支出",30,10,20] ' \
    "and is no row of its own"

# A dump a cell a line cuts a narrow column's words into pieces, one a
# line, glued to their neighbours' (商品和 / 服务支 / 支出 / 出助), and
# leaves header lines below the first rows: the family's words are found
# again from their pieces, and their columns kept.
printf '%s\n\n' 预算03表 2022年部门支出预算表 '单位：万元' 科目编码 类 款 项 单位代码 \
    '单位（科目名称）' 合计 100.00 60.00 60.00 40.00 基本支出 人员经费 公用经费 小计 \
    工资福利 '对个 商品和' '人和 服务支' '家庭 资本' 支出 '的补出 性支' '出助 出' \
    项目支出 其他运转类 特定目标类 \
    '208 05 05' 行政运行 100.00 60.00 60.00 40.00 > "$TMP/z.txt"
text_pipeline "$TMP/z.txt" > "$TMP/z.jsonl"
is "$(jq -c 'select(.type=="table") | .columns[7:11]' "$TMP/z.jsonl")" \
    '["基本支出/人员经费/工资福利支出","基本支出/人员经费/对个人和家庭的补助","基本支出/公用经费/商品和服务支出","基本支出/公用经费/资本性支出"]' \
    "header words cut into pieces over lines make their columns"

# A table of amounts only, a cell a line: the numbering comes a number a
# line, the rest of the header's words among the row's amounts.
printf '%s\n\n' 一般公共预算财政拨款“三公”经费支出决算表 公开09表 '单位：万元' 预算数 合计 因公出国（境）费 1 2 \
    3.00 0 决算数 公务用车购置及运行维护费 小计 公务用车购置费 公务用车运行维护费 公务接待费 \
    合计 因公出国（境）费 3 4 5 6 7 8 0 0 0 3.00 2.00 0 \
    公务用车购置及运行维护费 小计 公务用车购置费 公务用车运行维护费 公务接待费 9 10 11 12 0 0 0 2.00 > "$TMP/za.txt"
text_pipeline "$TMP/za.txt" > "$TMP/za.jsonl"
is "$(jq -c 'select(.type=="table") | .header_rows' "$TMP/za.jsonl")" "4" \
    "a numbering a number a line is a header row"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/za.jsonl" | tr '\n' ' ')" \
    '[3,0,0,0,0,3,2,0,0,0,0,2] ' "the header's words among the amounts leave the row whole"

# A dump a cell a line may print a row's right-hand amounts before its
# code, with a cell of the row below, and a cell after the last row: the
# row identities put each back in the row it makes whole.
printf '%s\n\n' 预算03表 2022年部门支出预算表 '单位：万元' 科目编码 类 款 项 单位代码 \
    '单位（科目名称）' 合计 基本支出 人员经费 工资福利支出 对个人和家庭的补助 \
    项目支出 小计 其他运转类 特定目标类 \
    合计 160.00 110.00 90.00 20.00 50.00 50.00 0.00 \
    100.00 90.00 10.00 50.00 '208 05 05' 行政运行 100.00 \
    '208 05 06' 一般行政管理事务 50.00 50.00 \
    '208 05 07' 离退休 10.00 10.00 \
    '208 05 08' 住房公积金 0.00 0.00 0.00 10.00 > "$TMP/zb.txt"
text_pipeline "$TMP/zb.txt" > "$TMP/zb.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[4:]' "$TMP/zb.jsonl" | tr '\n' ' ')" \
    '["合计",160,110,90,20,50,50,0] ["行政运行",100,100,90,10,null,null,null] ["一般行政管理事务",50,null,null,null,50,50,null] ["离退休",10,10,null,10,null,null,null] ["住房公积金",0,0,null,null,null,null,0] ' \
    "amounts printed out of their rows go back where the arithmetic says"

# A table printed block after block (pdftotext without -raw): the labels
# a line each, then the rest of the header, then the numbers alone; they
# share out evenly over the labels, row by row as printed.
printf '%s\n\n' 'City of Elmford' 'Operating Expenses by Program' \
    '(in thousands of dollars)' Program 'Public safety' 'Parks and recreation' \
    Libraries Total 'FY 2023' 'Budget Actual Variance' 4,008 4,049 '(41)' \
    8,346 7,762 584 1,000 900 100 13,354 12,711 643 > "$TMP/zc.txt"
text_pipeline "$TMP/zc.txt" > "$TMP/zc.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/zc.jsonl" | tr '\n' ' ')" \
    '["Public safety",4008,4049,-41] ["Parks and recreation",8346,7762,584] ["Libraries",1000,900,100] ["Total",13354,12711,643] ' \
    "labels printed before the numbers get their share row by row"
# Column by column, where only that order makes the total the sum.
printf '%s\n\n' 'City of Elmford' 'Operating Expenses by Program' \
    '(in thousands of dollars)' Program 'Public safety' 'Parks and recreation' \
    Libraries Total 'FY 2023' 'Budget Actual Variance' 4,008 8,346 1,000 \
    13,354 4,049 7,762 900 12,711 '(41)' 584 100 643 > "$TMP/zd.txt"
text_pipeline "$TMP/zd.txt" > "$TMP/zd.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/zd.jsonl" | tr '\n' ' ')" \
    '["Public safety",4008,4049,-41] ["Parks and recreation",8346,7762,584] ["Libraries",1000,900,100] ["Total",13354,12711,643] ' \
    "numbers printed column by column go down the columns the total adds up"

# A header printed a cell a line: headings differing by their year stand
# over the leaves printed again under each; the label's heading and a
# wrapped cell stand alone.
printf '%s\n\n' 'City of Elmford' \
    'Expenditure by Function, Fiscal Years 2023 and 2024' \
    '(in thousands of dollars)' 'FY 2023' Function Budget 'FY 2024' Actual \
    Budget Actual Change 'in actual' '(%)' 'Public safety' 1,000 1,090 1,100 \
    1,199 10.0% Libraries 5,000 4,500 5,500 5,000 11.1% Total 6,000 5,590 \
    6,600 6,199 10.9% > "$TMP/ze.txt"
text_pipeline "$TMP/ze.txt" > "$TMP/ze.jsonl"
is "$(jq -c 'select(.type=="table") | .columns' "$TMP/ze.jsonl")" \
    '["Function","FY 2023/Budget","FY 2023/Actual","FY 2024/Budget","FY 2024/Actual","Change in actual (%)"]' \
    "a cell-a-line header: year headings over their repeated leaves"
# One group heading, printed first: the cells before the label's heading
# span both rows, the one-line cells after it are the group's leaves, a
# cell wrapped over lines after them spans both rows at the right.
printf '%s\n\n' 'City of Elmford' \
    'Statement of Revenues and Expenditures - Budget and Actual,' \
    'General Fund' '(in thousands of dollars)' 'Budgeted amounts' Actual \
    amounts Account Original Final Variance 'with final' budget positive \
    '(negative)' 'Property taxes' 5,320 5,054 5,003 '(51)' Fees 1,000 1,100 \
    1,200 100 'Total revenues' 6,320 6,154 6,203 49 > "$TMP/zf.txt"
text_pipeline "$TMP/zf.txt" > "$TMP/zf.jsonl"
is "$(jq -c 'select(.type=="table") | .columns' "$TMP/zf.jsonl")" \
    '["Account","Budgeted amounts/Original","Budgeted amounts/Final","Actual amounts","Variance with final budget positive (negative)"]' \
    "a cell-a-line header: one group heading over the one-line cells after the label's"

# A dump a cell a line printing the total row's amounts first, then the
# rest of the header with the row's label (合计) among its words: the
# label goes back before its amounts, the header's words are no rows.
printf '%s\n\n' 预算03表 2024年部门支出预算表 '部门名称：测试局' '单位：万元' 基本支出 项目 \
    人员经费 小计 工资福利 支出 150.00 100.00 100.00 50.00 50.00 科目名称 合计 \
    公用经费 对个人和家庭的补助 合计 科目编码 项目支出 商品和服务支出 资本性支出 \
    小计 其他运转类 特定目标 类 2050101 行政运行 100.00 100.00 100.00 \
    2050102 一般行政管理事务 50.00 50.00 50.00 > "$TMP/zg.txt"
text_pipeline "$TMP/zg.txt" > "$TMP/zg.jsonl"
is "$(jq -c 'select(.type=="row") | [.kind, .cells[0], .cells[2]]' "$TMP/zg.jsonl" | tr '\n' ' ')" \
    '["total","合计",150] ["data","2050101",100] ["data","2050102",50] ' \
    "a total row's amounts printed before its label among the header's words"

# Two sides a cell a line, 栏次 printed alone on each and the numbers a
# line each: they number the amount columns over both sides, the first
# side's first, and each side's 栏次 heads its numbers.
printf '%s\n\n' 财政拨款收入支出决算总表 公开04表 '部门：测试局' '单位：万元' 收入 项目 \
    支出 行次 栏次 金额 项目 1 栏次 行次 合计 一般公共预算财政拨款 \
    政府性基金预算财政拨款 国有资本经营预算财政拨款 2 3 4 5 \
    一、一般公共预算财政拨款 1 '100.00 一、一般公共服务支出' 33 100.00 100.00 \
    二、政府性基金预算财政拨款 2 二、外交支出 34 本年收入合计 3 \
    '100.00 本年支出合计' 35 100.00 100.00 > "$TMP/zi.txt"
"$RETABLE_BIN/dehyphenate" "$TMP/zi.txt" | "$RETABLE_BIN/table-segment" |
    "$RETABLE_BIN/row-align" | "$RETABLE_BIN/to-jsonl" --cells > "$TMP/zi.jsonl"
is "$(jq -c 'select(.header and .row==2) | [.col, .text]' "$TMP/zi.jsonl" | tr '\n' ' ')" \
    '[0,"栏次"] [2,"1"] [3,"栏次"] [5,"2"] [6,"3"] [7,"4"] [8,"5"] ' \
    "a lone 栏次 per side: its numbers go on over both sides' amount columns"

# A table continued on a page that prints its header again, a cell a
# line, the next row's code and name among the header's words: the
# header's lines are no rows, the row is whole.
{ printf '%s\n\n' 预算03表 2024年部门支出预算表 '部门名称：测试局' '单位：万元' 科目编码 \
    科目名称 合计 基本支出 小计 工资福利支出 项目支出 小计 其他运转类 合计 150.00 \
    100.00 100.00 50.00 50.00 2050101 行政运行 100.00 100.00 100.00
  printf '\f'
  printf '%s\n\n' 科目编码 2050102 科目名称 合计 基本支出 一般行政管理事务 小计 \
    工资福利支出 项目支出 50.00 50.00 50.00; } > "$TMP/zj.txt"
text_pipeline "$TMP/zj.txt" > "$TMP/zj.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/zj.jsonl" | tr '\n' ' ')" \
    '["合计",null,150,100,100,null,50,50,null] ["2050101","行政运行",100,100,100,null,null,null,null] ["2050102","一般行政管理事务",50,null,null,null,50,50,null] ' \
    "a header printed again on a continued page makes no rows"

# A table printed block after block, a cell a line: the rows' codes and
# labels, then the first column a line each, then the other amounts row
# by row, wrapped.  The only way to share the lines out in order with
# every row whole under the family's identities is taken.
printf '%s\n\n' 预算03表 2022年部门支出预算表 '部门名称：测试局' 科目编码 单位 '类 款 项 代码' \
    '单位（科目名称）' 合计 合计 '208 05 05' 机关事业单位基本养老保险缴费支出 '210 01 01' \
    行政运行 '221 02 01' 住房公积金 300.00 50.00 200.00 50.00 '单位：万元' 基本支出 \
    项目支出 人员经费 公用经费 '小计 工资福利 对个人 其他运' 转类 \
    '250.00 240.00 10.00' '50.00 50.00' '50.00 50.00' '150.00 140.00 10.00' \
    '50.00 50.00' '50.00 50.00' > "$TMP/zk.txt"
text_pipeline "$TMP/zk.txt" > "$TMP/zk.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[4:9]' "$TMP/zk.jsonl" | tr '\n' ' ')" \
    '["合计",300,250,240,10] ["机关事业单位基本养老保险缴费支出",50,50,50,null] ["行政运行",200,150,140,10] ["住房公积金",50,50,50,null] ' \
    "labels first, then a column, then the amounts: each row gets the lines that make it whole"

# Two sides without 行次, a cell a line: a row runs from its first side's
# label, through the amount, to the second side's label; amounts alone
# go with a second side that has none yet.
printf '%s\n\n' 预算01表 2023年部门收支预算表 '部门名称：测试局' '单位：万元' 收入 项目 支出 金额 \
    项目 一、一般公共预算 '100.00 一、一般公共服务' 其中：财政拨款 '100.00 二、外交' \
    二、政府性基金预算拨款收入 三、国防 四、公共安全 100.00 本年收入合计 \
    '100.00 本年支出合计' 100.00 > "$TMP/zl.txt"
text_pipeline "$TMP/zl.txt" > "$TMP/zl.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/zl.jsonl" | tr '\n' ' ')" \
    '["一、一般公共预算",100,"一、一般公共服务",null] ["其中：财政拨款",100,"二、外交",null] ["二、政府性基金预算拨款收入",null,"三、国防",null] [null,null,"四、公共安全",100] ["本年收入合计",100,"本年支出合计",100] ' \
    "two sides a cell a line: each row from its first side's label to its second's"

# Codes a dump printed away from their rows: the parents' codes printed
# with their child's go to the rows of a label and amounts just above it
# that lack one; a total takes none.
printf '%s\n\n' 预算03表 2022年部门支出预算表 '部门名称：测试局' '单位：万元' 科目编码 类 款 项 \
    单位代码 '单位（科目名称）' 合计 基本支出 小计 工资福利支出 合计 '150.00 150.00 150.00' \
    社会保障和就业支出 '100.00 100.00 100.00' 行政事业单位养老支出 '100.00 100.00 100.00' \
    208 05 208 05 05 机关事业单位基本养老保险缴费支出 '100.00 100.00 100.00' \
    221 02 01 住房公积金 '50.00 50.00 50.00' > "$TMP/zm.txt"
text_pipeline "$TMP/zm.txt" > "$TMP/zm.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:5]' "$TMP/zm.jsonl" | tr '\n' ' ')" \
    '[null,null,null,null,"合计"] [null,null,null,null,"社会保障和就业支出"] ["208","05",null,null,"行政事业单位养老支出"] ["208","05","05",null,"机关事业单位基本养老保险缴费支出"] ["221","02","01",null,"住房公积金"] ' \
    "a parent's code printed before its child's goes back to the parent's row"

# Blocks side by side a cell a line with the header's cells printed among
# the first rows (决算数, 科目名称): a line of whole header cells joins no
# row's label, and a first row's code before them still begins the body.
printf '%s\n\n' 一般公共预算财政拨款基本支出决算明细表 公开06表 '单位：万元' 人员经费 \
    经济分类科目编码 科目名称 301 工资福利支出 公用经费 决算数 '40.00 302' 科目名称 决算数 \
    经济分类科目编码 商品和服务支出 '7.00 310' 资本性支出 3.00 30101 基本工资 \
    '40.00 30201' 办公费 '7.00 31002' 办公设备购置 3.00 > "$TMP/zn.txt"
text_pipeline "$TMP/zn.txt" > "$TMP/zn.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/zn.jsonl" | tr '\n' ' ')" \
    '["301","工资福利支出",40,"302","商品和服务支出",7,"310","资本性支出",3] ["30101","基本工资",40,"30201","办公费",7,"31002","办公设备购置",3] ' \
    "header cells printed among the first rows of blocks join no label"

# A header cell printed between a row's words and its amounts (一般公共预算
# under 本年拨款, a cell a line) is no row: the amounts stay the row's.
printf '%s\n\n' 预算12表 2025年项目支出预算表 '部门名称：测试局' '单位：万元' 本年拨款 类型 \
    项目名称 项目单位 合计 '50.00 50.00' 特定目标类 药品流通环节监督检查 一般公共预算 \
    '50.00 50.00' > "$TMP/zo.txt"
text_pipeline "$TMP/zo.txt" > "$TMP/zo.jsonl"
is "$(jq -c 'select(.type=="row" and .cells[3]!=null) | .cells[1:5]' "$TMP/zo.jsonl" | tr '\n' ' ')" \
    '["合计",null,50,50] ["药品流通环节监督检查",null,50,50] ' \
    "a header cell among the rows of a one-sided table is no row"

# A row begun by the word of its first text column (项目支出预算表, a cell a
# line: 类型, then the project's name and unit, then the amounts) goes on
# through its words to its amounts.
printf '%s\n\n' 预算12表 2025年项目支出预算表 '部门名称：测试局' '单位：万元' 本年拨款 类型 \
    项目名称 项目单位 合计 一般公共预算 '80.00 80.00' 其他运转类 市场主体信用监管平台运维 \
    云川市永宁县市场监督管理局 30.00 30.00 特定目标类 食品安全监督抽检 云川市永宁县市场监测站 \
    50.00 50.00 > "$TMP/zp.txt"
text_pipeline "$TMP/zp.txt" > "$TMP/zp.jsonl"
is "$(jq -c 'select(.type=="row" and .cells[0]=="特定目标类") | .cells[0:5]' "$TMP/zp.jsonl")" \
    '["特定目标类","食品安全监督抽检","云川市永宁县市场监测站",50,50]' \
    "a row begun by its type goes on through its name and unit"

# Two schemes of codes, a cell a line (预算06表: 部门 3xxxx, 政府 5xxxx): a
# code only the first scheme takes begins the next row, not this row's
# second code; a second-scheme code left at a row's end is no amount.
printf '%s\n\n' 预算06表 2022年一般公共预算基本支出预算表 '部门名称：测试局' '单位：万元' \
    部门预算支出经济分类科目 科目编码 科目名称 政府预算支出经济分类科目 科目编码 科目名称 \
    本年一般公共预算基本支出 合计 人员经费 公用经费 301 工资福利支出 30101 基本工资 50101 \
    工资奖金津补贴 100.00 100.00 30201 办公费 50201 10.00 10.00 > "$TMP/zq.txt"
text_pipeline "$TMP/zq.txt" > "$TMP/zq.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:4]' "$TMP/zq.jsonl" | tr '\n' ' ')" \
    '["301","工资福利支出",null,null] ["30101","基本工资","50101","工资奖金津补贴"] ["30201","办公费","50201",null] ' \
    "a first-scheme code begins a row; a second-scheme code is a code"

# The total row's label among the header's lines (合计 printed once more
# than the header's cells print it), its amounts first in the body, the
# next row's amounts before that row's code: each goes back to its row.
printf '%s\n\n' 预算06表 2022年一般公共预算基本支出预算表 '部门名称：测试局' '单位：万元' \
    部门预算支出经济分类科目 科目编码 科目名称 政府预算支出经济分类科目 科目编码 科目名称 合计 \
    本年一般公共预算基本支出 合计 人员经费 公用经费 110.00 100.00 10.00 100.00 100.00 301 \
    工资福利支出 30101 基本工资 50101 工资奖金津补贴 100.00 100.00 30201 办公费 50201 \
    10.00 10.00 > "$TMP/zr.txt"
text_pipeline "$TMP/zr.txt" > "$TMP/zr.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/zr.jsonl" | head -2 | tr '\n' ' ')" \
    '["合计",null,null,null,110,100,10] ["301","工资福利支出",null,null,100,100,null] ' \
    "a total's label among the header's lines goes to the first row of amounts"

# A section heading a dump glued to the first label under it
# ("Revenues:Public safety") is a row of its own, without amounts.
printf '%s\n' 'City of Elmford' 'Operating Expenses by Program' '(in thousands of dollars)' \
    'Program FY 2023 Variance' 'Budget Actual' 'Revenues:Public safety 4,008 4,049 (41)' \
    'Parks and recreation 8,346 7,762 584' 'Total 12,354 11,811 543' > "$TMP/zs.txt"
text_pipeline "$TMP/zs.txt" > "$TMP/zs.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/zs.jsonl" | head -2 | tr '\n' ' ')" \
    '["Revenues:",null,null,null] ["Public safety",4008,4049,-41] ' \
    "a heading glued to the label under it is a row of its own"

# Two sides with 行次, a cell a line: 结余分配 and 年末结转和结余 are the
# second side's (families.rules); one first-side label before two 行次
# ("一般公共预算财政拨款 4 36"): the second 行次 is the second side's.
printf '%s\n\n' 收入支出决算总表 公开01表 '部门：测试局' '单位：万元' 收入 项目 支出 行次 金额 \
    项目 栏次 1 栏次 行次 金额 2 一、一般公共预算财政拨款收入 1 '100.00 一、一般公共服务支出' \
    31 100.00 本年收入合计 2 '100.00 本年支出合计' 32 100.00 使用非财政拨款结余 3 结余分配 \
    33 年初结转和结余 4 年末结转和结余 34 > "$TMP/zu.txt"
text_pipeline "$TMP/zu.txt" > "$TMP/zu.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:5]' "$TMP/zu.jsonl" | tail -2 | tr '\n' ' ')" \
    '["使用非财政拨款结余","3",null,"结余分配","33"] ["年初结转和结余","4",null,"年末结转和结余","34"] ' \
    "结余分配 and 年末结转和结余 close the rows their first side began"
printf '%s\n\n' 财政拨款收入支出决算总表 公开04表 '部门：测试局' '单位：万元' 收入 项目 \
    支出 行次 栏次 金额 项目 1 栏次 行次 合计 一般公共预算财政拨款 \
    政府性基金预算财政拨款 国有资本经营预算财政拨款 2 3 4 5 \
    一、一般公共预算财政拨款 1 '100.00 一、一般公共服务支出' 33 100.00 100.00 \
    一般公共预算财政拨款 2 34 > "$TMP/zt.txt"
text_pipeline "$TMP/zt.txt" > "$TMP/zt.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:5]' "$TMP/zt.jsonl" | tail -1)" \
    '["一般公共预算财政拨款","2",null,null,"34"]' \
    "one first-side label and two 行次: the second is the second side's"

# A word of a text column right of the label (项目类型) printed after its
# row's amounts goes back to that row.
printf '%s\n\n' 预算12表 2024年项目支出预算表 '部门名称：测试局' '单位：万元' 本年拨款 \
    '部门（单位）代码' '部门（项目）名称' 项目类型 合计 合计 '80.00 80.00' 143001 \
    城乡公交运营补贴 其他运转类 '30.00 30.00' 143002 公路安全生命防护工程 '50.00 50.00' \
    其他运转类 > "$TMP/zv.txt"
text_pipeline "$TMP/zv.txt" > "$TMP/zv.jsonl"
is "$(jq -c 'select(.type=="row" and .cells[0]=="143002") | .cells[0:5]' "$TMP/zv.jsonl")" \
    '["143002","公路安全生命防护工程","其他运转类",50,50]' \
    "a project's type printed after its amounts goes back to its row"

# Pieces of header cells printed among the rows, joined by the dump
# ("一般公共 基金预"), are no row's words.
printf '%s\n\n' 预算12表 2024年项目支出预算表 '部门名称：测试局' '单位：万元' 本年拨款 \
    '部门（单位）代码' '部门（项目）名称' 项目类型 合计 '80.00 80.00' 143001 城乡公交运营补贴 \
    其他运转类 '30.00 30.00' '一般公共 基金预' 143002 公路安全生命防护工程 其他运转类 \
    '50.00 50.00' > "$TMP/zw.txt"
text_pipeline "$TMP/zw.txt" > "$TMP/zw.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[1]' "$TMP/zw.jsonl" | tr '\n' ' ')" \
    '"合计" "城乡公交运营补贴" "公路安全生命防护工程" ' \
    "pieces of header cells among the rows are no row's words"

# Two codes printed before one label ("303 05 310 02 生活补助"), the next
# row begun by its label alone: the second code is that row's.
printf '%s\n\n' 预算08表 2024年支出经济分类汇总表 '部门名称：测试局' '单位：万元' 部门预算经济分类 \
    类 款 科目名称 政府预算经济分类 类 款 科目名称 总计 一般公共预算 小计 '其中：财政拨款' \
    '合计 60.00 60.00 60.00' '303 05' '310 02' 生活补助 '509 01' 社会福利和救助 \
    '50.00 50.00 50.00' 办公设备购置 '503 06' 设备购置 '10.00 10.00 10.00' > "$TMP/zx.txt"
text_pipeline "$TMP/zx.txt" > "$TMP/zx.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:3]' "$TMP/zx.jsonl" | sed -n 2,3p | tr '\n' ' ')" \
    '["303","05","生活补助"] ["310","02","办公设备购置"] ' \
    "a second code printed before a row's label is the next row's"

# A row begun by its label alone (its first code printed elsewhere) goes
# on through the second scheme's code and label to its amounts.
text_pipeline "$TMP/zx.txt" > "$TMP/zx.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:7]' "$TMP/zx.jsonl" | tail -1)" \
    '["310","02","办公设备购置","503","06","设备购置",10]' \
    "a label, then the second scheme's code and label, make one row"

# The next row's 类 printed after this row's code, before its label
# ("301 13 301 住房公积金", then "99 其他工资福利支出"): it goes to the
# next row, which prints its 款 alone.
printf '%s\n\n' 预算08表 2024年支出经济分类汇总表 '部门名称：测试局' '单位：万元' 部门预算经济分类 \
    类 款 科目名称 政府预算经济分类 类 款 科目名称 总计 一般公共预算 小计 '其中：财政拨款' \
    '合计 60.00 60.00 60.00' '301 13' 301 住房公积金 '505 01' 工资福利支出 \
    '50.00 50.00 50.00' '99' 其他工资福利支出 '501 99' 其他工资福利支出 \
    '10.00 10.00 10.00' > "$TMP/zy.txt"
text_pipeline "$TMP/zy.txt" > "$TMP/zy.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:3]' "$TMP/zy.jsonl" | sed -n 2,3p | tr '\n' ' ')" \
    '["301","13","住房公积金"] ["301","99","其他工资福利支出"] ' \
    "the next row's 类 printed before this row's label goes to the row of its 款"

# An amount a row has one too many of, printed at its end, goes to the
# one other row it makes whole, wherever the row it left stands.
printf '%s\n\n' 预算03表 2022年部门支出预算表 '部门名称：测试局' '单位：万元' 科目编码 类 款 项 \
    单位代码 '单位（科目名称）' 合计 基本支出 小计 工资福利支出 项目支出 小计 其他运转类 合计 \
    150.00 100.00 100.00 50.00 50.00 50.00 '210 01 01' 行政运行 100.00 100.00 100.00 \
    '210 01 02' 一般行政管理事务 50.00 50.00 > "$TMP/zz.txt"
text_pipeline "$TMP/zz.txt" > "$TMP/zz.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[4:]' "$TMP/zz.jsonl" | sed -n '1p;3p' | tr '\n' ' ')" \
    '["合计",150,100,100,null,50,50,null] ["一般行政管理事务",50,null,null,null,50,50,null] ' \
    "an amount printed a row early goes to the row it makes whole"

# The numbers of a lone 栏次 printed a line each among the first rows
# ("2 / 3 / 4" before the first label) are no rows' 行次: they no longer
# shift the 行次 of the rows after them to the other side.
printf '%s\n\n' 财政拨款收入支出决算总表 公开04表 '部门：测试局' '单位：万元' 收入 项目 \
    支出 行次 栏次 金额 项目 1 栏次 行次 合计 一般公共预算财政拨款 \
    政府性基金预算财政拨款 国有资本经营预算财政拨款 '100.00 一、一般公共服务支出' 2 3 4 5 \
    一、一般公共预算财政拨款 1 33 100.00 100.00 二、政府性基金预算财政拨款 2 二、外交支出 34 \
    三、国有资本经营预算财政拨款 3 三、国防支出 35 > "$TMP/zaa.txt"
text_pipeline "$TMP/zaa.txt" > "$TMP/zaa.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:5]' "$TMP/zaa.jsonl" | tail -2 | tr '\n' ' ')" \
    '["二、政府性基金预算财政拨款","2",null,"二、外交支出","34"] ["三、国有资本经营预算财政拨款","3",null,"三、国防支出","35"] ' \
    "a 栏次's numbers among the first rows are no rows' 行次"

# 公开07表: where the arithmetic cannot tell 年初结转 from 本年收入, nor
# 基本支出 from 项目支出, the family's hint takes this year's income spent
# on projects, and the row still says it was ambiguous.
printf '%s\n\n' 政府性基金预算财政拨款收入支出决算表 公开07表 '单位：万元' 科目编码 科目名称 栏次 \
    合计 年初结转和结余 本年收入 本年支出 小计 基本支出 项目支出 年末结转和结余 1 2 3 4 5 6 \
    '合计 10.00 10.00 10.00' '2296002 用于社会福利的彩票公益金支出 10.00 10.00 10.00' > "$TMP/zab.txt"
text_pipeline "$TMP/zab.txt" > "$TMP/zab.jsonl"
is "$(jq -c 'select(.type=="row" and .cells[0]=="2296002") | [.values["本年收入"], .values["本年支出/项目支出"], (.ambiguous > 0)]' "$TMP/zab.jsonl")" \
    '[10,10,true]' "a government fund's amounts go to this year's income and projects, marked ambiguous"

# Labels first, the first column's heading (合计) atop its block, the
# column a line each, then the rest that cannot be shared out (a block
# leaving rows out): the rows keep their first column.
printf '%s\n\n' 预算03表 2022年部门支出预算表 '部门名称：测试局' 科目编码 单位 '类 款 项 代码' \
    '单位（科目名称）' 合计 合计 '208 05 05' 机关事业单位基本养老保险缴费支出 '210 01 01' 行政运行 \
    合计 100.00 60.00 40.00 '单位：万元' 基本支出 项目支出 '小计 工资福利 对个人 其他运' 转类 \
    '40.00 40.00' '40.00 40.00' > "$TMP/zae.txt"
text_pipeline "$TMP/zae.txt" > "$TMP/zae.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[4:6]' "$TMP/zae.jsonl" | head -3 | tr '\n' ' ')" \
    '["合计",100] ["机关事业单位基本养老保险缴费支出",60] ["行政运行",40] ' \
    "the first column printed after the labels stays with the rows"
# The total's label among the header's lines, a 合计 alone after the
# labels: heading or total row, the rows are not known, and nothing is
# shared out by guess.
printf '%s\n\n' 预算03表 2022年部门支出预算表 '部门名称：测试局' 科目编码 单位 '类 款 项 代码' \
    '单位（科目名称）' 合计 '208 05 05' 机关事业单位基本养老保险缴费支出 '210 01 01' 行政运行 \
    '221 02 01' 住房公积金 合计 300.00 50.00 200.00 50.00 '单位：万元' 基本支出 项目支出 \
    '小计 工资福利 对个人 其他运' 转类 '250.00 240.00 10.00' 50.00 50.00 50.00 50.00 \
    '150.00 140.00 10.00' '50.00 50.00' 50.00 50.00 > "$TMP/zac.txt"
text_pipeline "$TMP/zac.txt" > "$TMP/zac.jsonl"
is "$(jq -c 'select(.type=="row" and .cells[0]=="208") | .cells[5]' "$TMP/zac.jsonl")" "null" \
    "labels that may end in the column's heading or the total row share nothing out"

# A row holding after its own amounts the first of the next row's, the
# rest of them in a row without a label, the next row printing its 合计
# after its label: they go to the next row, whole with them.
printf '%s\n\n' 预算03表 2022年部门支出预算表 '部门名称：测试局' '单位：万元' 科目编码 类 款 项 \
    单位代码 '单位（科目名称）' 合计 基本支出 小计 工资福利支出 项目支出 小计 其他运转类 合计 \
    150.00 100.00 100.00 50.00 50.00 '220 01' 自然资源事务 150.00 100.00 100.00 50.00 50.00 \
    100.00 100.00 '50.00 50.00' '220 01 01' 行政运行 150.00 > "$TMP/zaf.txt"
text_pipeline "$TMP/zaf.txt" > "$TMP/zaf.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[4:]' "$TMP/zaf.jsonl" | tail -2 | tr '\n' ' ')" \
    '["自然资源事务",150,100,100,null,50,50,null] ["行政运行",150,100,100,null,50,50,null] ' \
    "the next row's amounts read down into a row go back to it"

# Two sides printed one after the other, a cell a line: the first side's
# labels left among the header's lines, the body holding the second
# side's rows: the run of them from the first item on goes to the rows.
printf '%s\n\n' 预算04表 2023年财政拨款收支预算表 '部门名称：测试局' 收入 项目 一、本年收入 \
    '（一）一般公共预算拨款' 其中：财政拨款 '（二）政府性基金预算拨款' '单位：万元' 支出 金额 项目 \
    '100.00 一、本年支出' '100.00 （一）一般公共服务支出' '100.00 （二）外交支出' \
    '（三）国防支出' '（四）公共安全支出' > "$TMP/zag.txt"
text_pipeline "$TMP/zag.txt" > "$TMP/zag.jsonl"
is "$(jq -c 'select(.type=="row") | .cells[0:3]' "$TMP/zag.jsonl" | sed -n '3p;5p' | tr '\n' ' ')" \
    '["其中：财政拨款",100,"（二）外交支出"] [null,null,"（四）公共安全支出"] ' \
    "the first side's labels left in the header go to the rows in order"

# Blocks side by side a cell a line: a name printed after the table,
# among the blocks' totals, is the name of the one code printed without
# its own.
printf '%s\n\n' 一般公共预算财政拨款基本支出决算明细表 公开06表 '单位：万元' 人员经费 公用经费 \
    经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 \
    决算数 301 工资福利支出 '40.00 302' 商品和服务支出 '7.00 310' 资本性支出 3.00 30101 \
    基本工资 '40.00 30201' 办公费 '7.00 31002' 30102 津贴补贴 30202 印刷费 31003 专用设备购置 \
    人员经费合计 '40.00 公用经费合计' 办公设备购置 10.00 > "$TMP/zah.txt"
text_pipeline "$TMP/zah.txt" > "$TMP/zah.jsonl"
is "$(jq -c 'select(.type=="row") | .cells' "$TMP/zah.jsonl" | sed -n '2p;4p' | tr '\n' ' ')" \
    '["30101","基本工资",40,"30201","办公费",7,"31002","办公设备购置",null] ["人员经费合计",null,40,"公用经费合计",null,null,null,null,10] ' \
    "a name printed after the blocks' totals goes to the code without one"

done_testing
