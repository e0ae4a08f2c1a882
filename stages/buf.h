/*
 * buf.h - growable byte strings.
 *
 * A buf owns a NUL-terminated heap string and its length, so it can hold
 * any bytes and still be handed to functions that want a C string.  Every
 * stage builds its output and its scratch text in these; allocation failure
 * aborts the program, because a stage that cannot allocate a few kilobytes
 * has no sensible way to go on and must not emit a partial record.
 */
#ifndef RETABLE_BUF_H
#define RETABLE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char	*s;	/* always NUL-terminated once anything was added */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_grow(struct buf *, size_t);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_add_long(struct buf *, long long);
void	 buf_add_fixed2(struct buf *, double);
void	 buf_clear(struct buf *);
void	 buf_free(struct buf *);
char	*buf_detach(struct buf *);
const char *buf_str(const struct buf *);

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

/*
 * Appending sits under every byte every stage writes, so the common case
 * (room already there) is inline; buf_grow stays out of line.
 */
static inline void
buf_add(struct buf *b, const char *p, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->cap - b->len <= 1)
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

#endif
