#!/bin/sh
# forms.t - forms (绩效目标表, 绩效自评表) from text dumps: key rows, section
# labels over their rows, indicator levels printed once, wrapped texts,
# laid out on the grid rules/forms.rules describes.
. "$(dirname "$0")/lib.sh"

cells() {
	"$RETABLE_BIN/dehyphenate" "$@" | "$RETABLE_BIN/table-segment" |
	    "$RETABLE_BIN/row-align" | "$RETABLE_BIN/to-jsonl" --cells
}

# cell FILE ROW COL: "rowspan colspan text" of the cell there
cell() {
	jq -r --argjson r "$2" --argjson c "$3" \
	    'select(.type=="cell" and .row==$r and .col==$c) | "\(.rowspan) \(.colspan) \(.text)"' "$1"
}

cat > "$TMP/self.txt" <<'EOF'
部门整体支出绩效自评表
（2023年度）
部门（单位）名称 测试市测试局
部门整体支出情况（万元）
项目 年初预算数 全年预算数 全年执行数 执行率 得分
部门预算总额 100.00 120.00 110.00 91.67% 10
其中：财政拨款 100.00 120.00 110.00 91.67% —
年度总体目标
预期目标 实际完成情况
全面完成测试工作，加强预算管理。
已全面完成测试工作，预算管理
得到加强。
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
绩效指标
预算和财务管理 政府采购执行率 ≥90% 90% 2 2
工作目标管理 工作任务科学性 科学 科学 8 7
总分 100 99.00
EOF
cells "$TMP/self.txt" > "$TMP/self.jsonl"
ok $? "a 部门整体支出绩效自评表 goes through the text path"
text_pipeline "$TMP/self.txt" > "$TMP/self.records.jsonl"
is "$(jq -c 'select(.type=="table") | [.family, .header_rows, (.columns | join(","))]' "$TMP/self.records.jsonl")" \
    '["部门整体支出绩效自评表",0,"1,2,3,4,5,6,7,8"]' \
    "a form names its family, has no header row, numbers its columns"
is "$(jq -c 'select(.type=="cell" and .header) | .text' "$TMP/self.jsonl")" "" \
    "no cell of a form is a header cell"
is "$(cell "$TMP/self.jsonl" 0 1)" "1 7 测试市测试局" \
    "the key row printed in the caption: its value spans the form"
is "$(cell "$TMP/self.jsonl" 1 0)" "3 1 部门整体支出情况（万元）" \
    "a section label spans the rows it heads"
is "$(cell "$TMP/self.jsonl" 2 6)" "1 1 91.67%" "amounts and rates in their columns"
is "$(cell "$TMP/self.jsonl" 5 4)" "1 4 已全面完成测试工作，预算管理得到加强。" \
    "the second of two texts side by side, its wrapped lines rejoined"
is "$(cell "$TMP/self.jsonl" 7 0)" "2 1 绩效指标" \
    "a label alone on its line goes on the row below, spanning its rows"
is "$(cell "$TMP/self.jsonl" 8 6)" "1 1 7" "a score in the 得分 column"
is "$(cell "$TMP/self.jsonl" 9 0)$(cell "$TMP/self.jsonl" 9 6)" "1 5 总分1 1 99.00" \
    "总分 spans five columns, the score goes under 得分"

# The 2022 budget's form prints no code: the form gives it; its levels
# of indicators are printed once over their rows.
cat > "$TMP/target.txt" <<'EOF'
部门整体绩效目标表
（2024年度）
部门名称 测试市测试局
年度履职目标
认真贯彻落实上级决策部署，提高资金使用效益，确保各项工作任务按期完成。
年度主要任务
任务名称 主要内容
测试项目
按计划推进测试项目，做好资金拨付和绩效评价。
预算情况
部门预算总额（万元） 300.00
1、资金来源：（1）政府预算资金 300.00
（2）财政专户管理资金
一级指标 二级指标 三级指标 指标值 指标值说明
投入管理指标
预算和财务管理 结转结余率 ≤10%
结转结余率=结转结余总额/预算数×100%。
预算执行率 ≥90% 反映预算执行情况。
产出指标 重点工作任务完成
完成率 ≥95% 反映完成情况。
EOF
text_pipeline "$TMP/target.txt" > "$TMP/target.records.jsonl"
is "$(jq -r 'select(.type=="table") | .code + " " + .code_from' "$TMP/target.records.jsonl")" \
    "预算14表 family" "an unprinted code comes from the form"
cells "$TMP/target.txt" > "$TMP/target.jsonl"
is "$(cell "$TMP/target.jsonl" 2 0)" "2 1 年度主要任务" "the tasks' label spans the task rows"
is "$(cell "$TMP/target.jsonl" 3 2)" "1 3 按计划推进测试项目，做好资金拨付和绩效评价。" \
    "a task's content on the line below its name"
is "$(cell "$TMP/target.jsonl" 5 1)$(cell "$TMP/target.jsonl" 5 3)" \
    "1 2 1、资金来源：（1）政府预算资金1 2 300.00" "a budget line and its amount"
is "$(cell "$TMP/target.jsonl" 6 3)" "" "a budget line without an amount leaves it blank"
is "$(cell "$TMP/target.jsonl" 8 0)" "2 1 投入管理指标" \
    "a first-level indicator printed once spans its rows"
is "$(cell "$TMP/target.jsonl" 8 1)" "2 1 预算和财务管理" \
    "so does a second-level one"
is "$(cell "$TMP/target.jsonl" 10 1)" "1 1 重点工作任务完成" \
    "two levels on one line take both columns"

done_testing
