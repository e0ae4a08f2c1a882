/*
 * pdfsource.h - the bytes of an input PDF.
 *
 * A PDF is read at random, so it must be whole in memory: a named plain
 * file is mapped, which costs no copy and lets the pages already read be
 * dropped from the resident set; standard input and gzip-compressed files
 * are read into a buffer.
 */
#ifndef RETABLE_PDFSOURCE_H
#define RETABLE_PDFSOURCE_H

#include <stddef.h>

#include "buf.h"

struct pdf_source {
	const unsigned char *data;
	size_t		 len;
	void		*map;		/* the mapping, when mapped */
	struct buf	 copy;		/* the bytes, when read */
};

int	 pdf_source_open(struct pdf_source *, const char *path,
	    struct buf *err);
void	 pdf_source_forget(struct pdf_source *);
void	 pdf_source_close(struct pdf_source *);

#endif
