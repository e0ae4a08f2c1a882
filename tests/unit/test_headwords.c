/*
 * test_headwords.c - headers rebuilt from their words, without a family.
 */
#include <stdlib.h>

#include "buf.h"
#include "headwords.h"
#include "tap.h"

/* The column paths joined by " | ", or "-" when the words did not fit. */
static const char *
paths(const char *const *lines, int nlines, int namounts)
{
	static struct buf out;
	struct headwords h;
	int i;

	buf_clear(&out);
	if (!headwords_build(&h, lines, nlines, 1, namounts))
		return "-";
	for (i = 0; i < h.ncols; i++) {
		if (i)
			buf_adds(&out, " | ");
		buf_adds(&out, h.paths[i] ? h.paths[i] : "(none)");
	}
	headwords_free(&h);
	return buf_str(&out);
}

static void
a_group_stands_over_the_leaves_below_it(void)
{
	const char *basic[] = { "Program FY2023 Variance", "Budget Actual" };
	const char *two[] = { "Function", "FY 2023 FY 2024 Change",
	    "in actual", "(%)", "Budget Actual Budget Actual" };

	is_str(paths(basic, 2, 3), "Program | FY2023/Budget | FY2023/Actual | "
	    "Variance", "one group over two leaves, a single column after");
	is_str(paths(two, 5, 5), "Function | FY 2023/Budget | FY 2023/Actual | "
	    "FY 2024/Budget | FY 2024/Actual | Change in actual (%)",
	    "two groups; a year goes with its word; lower-case lines wrap on");
}

static void
words_are_cut_into_cells_by_case(void)
{
	const char *flat[] = { "Item Total cost Share" };
	const char *glued[] = { "Account", "Budgetedamounts", "Actualam",
	    "ounts", "Variance", "withfinal", "Original Final" };

	is_str(paths(flat, 1, 2), "Item | Total cost | Share",
	    "a lower-case word goes on with the cell before");
	is_str(paths(glued, 7, 4), "Account | Budgetedamounts/Original | "
	    "Budgetedamounts/Final | Actualam ounts | Variance withfinal",
	    "a word cut by a line break goes on with its cell");
}

static void
words_that_do_not_fit_give_no_header(void)
{
	const char *few[] = { "Item Amount" };
	const char *odd[] = { "Item A B", "C D" };

	is_str(paths(few, 1, 3), "-", "too few words for the columns");
	is_str(paths(odd, 2, 5), "-", "too few cells above and below");
}

int
main(void)
{
	a_group_stands_over_the_leaves_below_it();
	words_are_cut_into_cells_by_case();
	words_that_do_not_fit_give_no_header();
	return tap_done();
}
