/*
 * rowalign.h - the stage that turns each table into a grid.
 */
#ifndef RETABLE_ROWALIGN_H
#define RETABLE_ROWALIGN_H

#include "cli.h"

int	 rowalign_run(struct cli *);

#endif
