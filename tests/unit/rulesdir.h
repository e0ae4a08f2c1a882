/*
 * rulesdir.h - the rules the unit tests run against: the source tree's.
 */
#ifndef RETABLE_TEST_RULESDIR_H
#define RETABLE_TEST_RULESDIR_H

#include <stdio.h>
#include <stdlib.h>

#include "rules.h"
#include "textrules.h"

static void
load_test_rules(struct rules *r, struct textrules *tr)
{
	struct buf err = BUF_INIT;
	const char *dir = getenv("RETABLE_RULES");

	if (dir == NULL)
		dir = "rules";
	if (rules_load(r, dir, &err) == -1 ||
	    (tr && textrules_load(tr, r, &err) == -1)) {
		printf("Bail out! cannot load rules from %s: %s\n", dir,
		    buf_str(&err));
		exit(1);
	}
	buf_free(&err);
}

#endif
