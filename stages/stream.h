/*
 * stream.h - the record stream between stages.
 *
 * One record per line: a kind tag, then fields separated by tabs.  Text
 * fields escape backslash, tab, newline and carriage return as \\ \t \n \r,
 * so a record never spans lines and awk -F'\t' sees the fields as they are.
 * Optional fields are key=value pairs after the positional ones.  The first
 * line of a stream is the header "retable<TAB>1".  README.md documents the
 * kinds; a stage passes any record it does not know on unchanged.
 */
#ifndef RETABLE_STREAM_H
#define RETABLE_STREAM_H

#include <stddef.h>
#include <zlib.h>

#include "buf.h"

#define STREAM_MAGIC	"retable"
#define STREAM_VERSION	1

struct rec {
	int	 nf;		/* fields, including the kind in f[0] */
	char	**f;		/* unescaped, NUL-terminated */
	int	 cap;
	struct buf store;	/* backing bytes of f[] */
};

void	 rec_init(struct rec *);
void	 rec_parse(struct rec *, const char *, size_t);
void	 rec_free(struct rec *);
int	 rec_is(const struct rec *, const char *);
const char *rec_field(const struct rec *, int);
const char *rec_attr(const struct rec *, const char *key);
double	 rec_double(const struct rec *, int);
long	 rec_long(const struct rec *, int);
long	 stream_long(const char *);
double	 stream_double(const char *);

void	 rec_begin(struct buf *, const char *kind);
void	 rec_text(struct buf *, const char *);
void	 rec_textn(struct buf *, const char *, size_t);
void	 rec_long_field(struct buf *, long);
void	 rec_coord(struct buf *, double);
void	 rec_kv(struct buf *, const char *key, const char *value);
void	 rec_end(struct buf *);
void	 stream_escape(struct buf *, const char *, size_t);

int	 stream_header_version(const char *, size_t);

/* Where a stage writes: standard output, plain or gzip-compressed. */
struct out {
	gzFile	 gz;
	int	 failed;
	struct buf pending;
};

void	 out_init(struct out *, int gzip);
void	 out_put(struct out *, const struct buf *);
void	 out_putn(struct out *, const char *, size_t);
void	 out_line(struct out *, const char *, size_t);
void	 out_header(struct out *);
int	 out_finish(struct out *);

#endif
