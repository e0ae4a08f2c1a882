/*
 * tojsonl.h - the last stage: grid records to JSON Lines.
 */
#ifndef RETABLE_TOJSONL_H
#define RETABLE_TOJSONL_H

#include "cli.h"

enum tojsonl_form {
	TOJSONL_RECORDS,	/* a table record, then one record per row */
	TOJSONL_CELLS		/* one record per grid cell (the scorer's form) */
};

int	 tojsonl_run(struct cli *, enum tojsonl_form);

#endif
