/*
 * formrows.h - a form's rows whose cells run on over the dump's lines,
 * under the header the form describes (项目绩效目标表).
 */
#ifndef RETABLE_FORMROWS_H
#define RETABLE_FORMROWS_H

#include "formlay.h"
#include "formwords.h"
#include "tinput.h"

void	 formrows_line(struct lay *, const struct fline *,
	    const struct fwords *);
void	 formrows_flush(struct lay *, const struct fline *);
char	*formhead_text(const struct form *);
int	 formhead_is_line(const struct lay *, const struct fwords *, int);
void	 formhead_place(struct lay *, const struct tline *const *, int);

#endif
