/*
 * lineio.h - reading input line by line, gzip or not.
 *
 * Every program reads its input through this: a named file or standard
 * input, gzip-compressed or plain (zlib tells them apart), split into lines
 * of bounded length.  A line longer than the bound is an error, not a
 * truncation, so a 10 MB line of garbage costs a clear message and at most
 * the bound in memory.
 */
#ifndef RETABLE_LINEIO_H
#define RETABLE_LINEIO_H

#include <stddef.h>
#include <zlib.h>

#include "buf.h"

#define LINEIO_MAXLINE	(1024 * 1024)

struct lineio {
	gzFile		 gz;
	const char	*name;		/* as the user named it; "-" for stdin */
	char		*chunk;		/* bytes read but not yet split */
	char		*spare;		/* the other buffer, filled next */
	size_t		 chunk_len;
	size_t		 chunk_pos;
	struct buf	 line;		/* the current line, NUL-terminated */
	unsigned long	 lineno;
	unsigned long long bytes;	/* bytes of (uncompressed) input seen */
	size_t		 maxline;
	int		 eof;
	int		 check_utf8;	/* reject invalid UTF-8 line by line */
	struct buf	 err;		/* what went wrong, when a call fails */
};

int	 lineio_open(struct lineio *, const char *path);
int	 lineio_read(struct lineio *, const char **, size_t *);
int	 lineio_peek_byte(struct lineio *);
int	 lineio_buffered_has(struct lineio *, char);
void	 lineio_close(struct lineio *);
int	 lineio_slurp(const char *path, struct buf *out, struct buf *err);

#endif
