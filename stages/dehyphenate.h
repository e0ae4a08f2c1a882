/*
 * dehyphenate.h - the stage that rejoins what line breaks split.
 */
#ifndef RETABLE_DEHYPHENATE_H
#define RETABLE_DEHYPHENATE_H

#include "cli.h"

int	 dehyphenate_run(struct cli *);

#endif
