/*
 * pdfsource.c - the bytes of an input PDF: mapped, or read whole.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "lineio.h"
#include "pdfsource.h"

static int
is_gzip(int fd)
{
	unsigned char magic[2];

	return pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f &&
	    magic[1] == 0x8b;
}

static int
read_whole(struct pdf_source *src, const char *path, struct buf *err)
{
	if (lineio_slurp(path, &src->copy, err) == -1)
		return -1;
	src->data = (const unsigned char *)src->copy.s;
	src->len = src->copy.len;
	return 0;
}

/*
 * Get the bytes of path ("-" for standard input).  Returns -1 with the
 * reason in err when the input cannot be read; an empty input is not an
 * error here (len is 0).
 */
int
pdf_source_open(struct pdf_source *src, const char *path, struct buf *err)
{
	struct stat st;
	int fd, r;

	memset(src, 0, sizeof(*src));
	if (strcmp(path, "-") == 0)
		return read_whole(src, path, err);
	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &st) == -1) {
		buf_adds(err, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		buf_adds(err, "is a directory");
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0 || is_gzip(fd)) {
		/* Pipes, devices, compressed files: read them whole. */
		close(fd);
		return read_whole(src, path, err);
	}
	src->map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0);
	r = errno;
	close(fd);
	if (src->map == MAP_FAILED) {
		src->map = NULL;
		buf_adds(err, strerror(r));
		return -1;
	}
	src->data = src->map;
	src->len = (size_t)st.st_size;
	return 0;
}

/*
 * Drop the mapped pages from the resident set.  They stay valid and come
 * back from the file on the next touch; a 1,000-page document then costs
 * one page's worth of its bytes, not all of them.
 */
void
pdf_source_forget(struct pdf_source *src)
{
	if (src->map != NULL)
		(void)madvise(src->map, src->len, MADV_DONTNEED);
}

void
pdf_source_close(struct pdf_source *src)
{
	if (src->map != NULL)
		munmap(src->map, src->len);
	buf_free(&src->copy);
	memset(src, 0, sizeof(*src));
}
