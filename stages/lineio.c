/*
 * lineio.c - reading input line by line, gzip or not.
 *
 * zlib's gz* functions read plain files unchanged ("transparent" mode), so
 * one code path serves compressed and uncompressed input alike.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lineio.h"
#include "utf8.h"

#define CHUNK	(256 * 1024)

int
lineio_open(struct lineio *in, const char *path)
{
	int fd;

	memset(in, 0, sizeof(*in));
	in->maxline = LINEIO_MAXLINE;
	in->check_utf8 = 1;
	in->name = path && strcmp(path, "-") != 0 ? path : "-";
	if (strcmp(in->name, "-") == 0)
		fd = dup(STDIN_FILENO);
	else
		fd = open(path, O_RDONLY);
	if (fd == -1) {
		buf_printf(&in->err, "%s", strerror(errno));
		return -1;
	}
	in->gz = gzdopen(fd, "rb");
	if (in->gz == NULL) {
		close(fd);
		buf_printf(&in->err, "cannot read: out of memory");
		return -1;
	}
	gzbuffer(in->gz, CHUNK);
	in->chunk = xmalloc(CHUNK);
	in->spare = xmalloc(CHUNK);
	return 0;
}

/*
 * Read the next piece of input into the spare buffer, then swap: a line
 * returned from the current buffer stays valid while lineio_peek_byte or
 * lineio_buffered_has look ahead.
 */
static int
fill(struct lineio *in)
{
	int n, errnum;
	const char *msg;
	char *t;

	if (in->eof)
		return 0;
	n = gzread(in->gz, in->spare, CHUNK);
	if (n < 0) {
		msg = gzerror(in->gz, &errnum);
		if (errnum == Z_ERRNO)
			msg = strerror(errno);
		buf_printf(&in->err, "read error: %s", msg);
		return -1;
	}
	if (n == 0) {
		/* gzread returns 0 with an error set on a truncated gzip. */
		msg = gzerror(in->gz, &errnum);
		if (errnum != Z_OK && errnum != Z_BUF_ERROR) {
			buf_printf(&in->err, "corrupt compressed input: %s",
			    msg);
			return -1;
		}
		if (errnum == Z_BUF_ERROR) {
			buf_printf(&in->err, "truncated compressed input");
			return -1;
		}
		in->eof = 1;
		return 0;
	}
	t = in->chunk;
	in->chunk = in->spare;
	in->spare = t;
	in->chunk_len = (size_t)n;
	in->chunk_pos = 0;
	in->bytes += (unsigned long long)n;
	return 1;
}

static int
too_long(struct lineio *in)
{
	buf_clear(&in->err);
	buf_printf(&in->err, "line %lu is longer than %zu bytes",
	    in->lineno + 1, in->maxline);
	return -1;
}

/* Count the line, drop a CR before its LF, check its UTF-8. */
static int
finish_line(struct lineio *in, char *s, size_t n, const char **line,
    size_t *len)
{
	size_t bad;

	in->lineno++;
	if (n && s[n - 1] == '\r')
		s[--n] = '\0';
	if (in->check_utf8 && !utf8_valid(s, n, &bad)) {
		buf_clear(&in->err);
		buf_printf(&in->err, "invalid UTF-8 at line %lu, byte %zu",
		    in->lineno, bad + 1);
		return -1;
	}
	*line = s;
	*len = n;
	return 1;
}

/* A line that the end of the buffer cuts: gathered piece by piece. */
static int
read_across(struct lineio *in, const char **line, size_t *len)
{
	const char *p, *nl;
	size_t n;
	int r;

	buf_clear(&in->line);
	if (in->line.s == NULL)
		buf_add(&in->line, "", 0);
	for (;;) {
		if (in->chunk_pos == in->chunk_len) {
			if ((r = fill(in)) < 0)
				return -1;
			if (r == 0) {
				if (in->line.len == 0)
					return 0;
				return finish_line(in, in->line.s,
				    in->line.len, line, len);
			}
		}
		p = in->chunk + in->chunk_pos;
		n = in->chunk_len - in->chunk_pos;
		nl = memchr(p, '\n', n);
		if (nl != NULL)
			n = (size_t)(nl - p);
		if (in->line.len + n > in->maxline)
			return too_long(in);
		buf_add(&in->line, p, n);
		in->chunk_pos += n;
		if (nl != NULL) {
			in->chunk_pos++;
			return finish_line(in, in->line.s, in->line.len, line,
			    len);
		}
	}
}

/*
 * Read the next line, without its newline.  Returns 1 with a line, 0 at
 * the end of input, -1 on error (message in in->err).  The line stays
 * valid until the next call.  A line whole in the buffer is handed out
 * where it lies, its newline turned into the NUL; only a line the
 * buffer's end cuts is copied.
 */
int
lineio_read(struct lineio *in, const char **line, size_t *len)
{
	char *p, *nl;
	size_t n;

	if (in->chunk_pos < in->chunk_len) {
		p = in->chunk + in->chunk_pos;
		n = in->chunk_len - in->chunk_pos;
		if ((nl = memchr(p, '\n', n)) != NULL) {
			n = (size_t)(nl - p);
			if (n > in->maxline)
				return too_long(in);
			*nl = '\0';
			in->chunk_pos += n + 1;
			return finish_line(in, p, n, line, len);
		}
	}
	return read_across(in, line, len);
}

/* The next byte without consuming it, or -1 at the end or on error. */
int
lineio_peek_byte(struct lineio *in)
{
	if (in->chunk_pos == in->chunk_len && fill(in) <= 0)
		return -1;
	return (unsigned char)in->chunk[in->chunk_pos];
}

/*
 * Whether c occurs in the input read ahead but not yet returned: enough
 * to tell, near the start, if a dump marks its pages with form feeds.
 */
int
lineio_buffered_has(struct lineio *in, char c)
{
	if (in->chunk_pos == in->chunk_len && fill(in) <= 0)
		return 0;
	return memchr(in->chunk + in->chunk_pos, c,
	    in->chunk_len - in->chunk_pos) != NULL;
}

void
lineio_close(struct lineio *in)
{
	if (in->gz)
		gzclose(in->gz);
	free(in->chunk);
	free(in->spare);
	buf_free(&in->line);
	buf_free(&in->err);
	memset(in, 0, sizeof(*in));
}

/* Read a whole (possibly compressed) file, for inputs that need random
 * access, such as a PDF arriving on standard input. */
int
lineio_slurp(const char *path, struct buf *out, struct buf *err)
{
	struct lineio in;
	int r;

	if (lineio_open(&in, path) == -1) {
		buf_adds(err, buf_str(&in.err));
		lineio_close(&in);
		return -1;
	}
	for (;;) {
		if (in.chunk_pos < in.chunk_len) {
			buf_add(out, in.chunk + in.chunk_pos,
			    in.chunk_len - in.chunk_pos);
			in.chunk_pos = in.chunk_len;
		}
		if ((r = fill(&in)) <= 0)
			break;
	}
	if (r < 0)
		buf_adds(err, buf_str(&in.err));
	lineio_close(&in);
	return r < 0 ? -1 : 0;
}
