/*
 * segment.h - the stage that finds where each table begins and ends.
 */
#ifndef RETABLE_SEGMENT_H
#define RETABLE_SEGMENT_H

#include "cli.h"

int	 segment_run(struct cli *);

#endif
