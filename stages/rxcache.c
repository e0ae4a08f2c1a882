/*
 * rxcache.c - compiled patterns kept between runs (see rxcache.h).
 *
 * The file: one header line,
 *
 *	retable-rxcache TAB 1 TAB pcre2-version TAB newline TAB bsr TAB
 *	    rules-hash TAB entries TAB body-bytes TAB checksum LF
 *
 * then the body: for each entry its compile options and the length of its
 * text (two native uint32), the text, and after the last entry the
 * codes of them all as pcre2_serialize_encode wrote them.  The checksum
 * covers the body: pcre2_serialize_decode checks its own header only,
 * and a damaged code would be run, not refused.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "rxcache.h"

#define MAGIC		"retable-rxcache\t1"
#define MAX_FILE	(64u << 20)
#define KEEP_FILES	32	/* per program: rules versions in use at once */
#define TOUCH_AFTER	60	/* seconds: a file in use is dated again */

struct entry {
	const char	*text;		/* into the file, or owned */
	uint32_t	 len;
	uint32_t	 options;
	pcre2_code	*code;		/* the cache's own copy */
	int		 owned;		/* text was allocated here */
	int		 loaded;	/* code came from the file */
};

static struct {
	int		 open;
	char		*path;		/* NULL: nowhere to keep it */
	char		 hash[32];	/* the rules these are for */
	char		*name;		/* the program's */
	unsigned char	*file;		/* the file's bytes, kept */
	struct entry	*e;
	int		 n, cap;
	int		*slot;		/* open addressing, -1 empty */
	size_t		 nslot;
	int		 hits, misses;
} rc;

/*
 * A hash of bytes, eight at a time: the checksum of the body and the
 * key of the table.  FNV-1a, a byte at a time, would cost a stage more
 * than reading the file.
 */
static uint64_t
hash_bytes(const void *v, size_t n, uint64_t h)
{
	const unsigned char *p = v;
	uint64_t w;

	h ^= n * 0x9e3779b97f4a7c15ULL;
	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	while (n-- > 0)
		h = (h ^ *p++) * 0x100000001b3ULL;
	h ^= h >> 29;
	return h;
}

static size_t
key_of(const char *text, size_t len, uint32_t options)
{
	return (size_t)hash_bytes(text, len, options);
}

static void
table_grow(void)
{
	size_t i, h;
	int k;

	free(rc.slot);
	rc.nslot = rc.nslot ? rc.nslot * 2 : 256;
	rc.slot = xreallocarray(NULL, rc.nslot, sizeof(int));
	for (i = 0; i < rc.nslot; i++)
		rc.slot[i] = -1;
	for (k = 0; k < rc.n; k++) {
		h = key_of(rc.e[k].text, rc.e[k].len, rc.e[k].options);
		while (rc.slot[h & (rc.nslot - 1)] != -1)
			h++;
		rc.slot[h & (rc.nslot - 1)] = k;
	}
}

static struct entry *
find(const char *text, size_t len, uint32_t options)
{
	size_t h;
	int k;

	if (rc.nslot == 0)
		return NULL;
	h = key_of(text, len, options);
	while ((k = rc.slot[h & (rc.nslot - 1)]) != -1) {
		if (rc.e[k].len == len && rc.e[k].options == options &&
		    memcmp(rc.e[k].text, text, len) == 0)
			return &rc.e[k];
		h++;
	}
	return NULL;
}

static void
add(const char *text, uint32_t len, uint32_t options, pcre2_code *code,
    int loaded)
{
	struct entry *e;
	size_t h;

	if (rc.n == rc.cap) {
		rc.cap = rc.cap ? rc.cap * 2 : 64;
		rc.e = xreallocarray(rc.e, (size_t)rc.cap, sizeof(*rc.e));
	}
	e = &rc.e[rc.n++];
	memset(e, 0, sizeof(*e));
	e->text = text;
	e->len = len;
	e->options = options;
	e->code = code;
	e->loaded = loaded;
	if ((size_t)rc.n * 2 > rc.nslot) {
		/* It places every entry, the new one included. */
		table_grow();
		return;
	}
	h = key_of(text, len, options);
	while (rc.slot[h & (rc.nslot - 1)] != -1)
		h++;
	rc.slot[h & (rc.nslot - 1)] = rc.n - 1;
}

/* What PCRE2 the codes were made by: a file from another is not read. */
static void
pcre2_identity(struct buf *b)
{
	char version[64];
	uint32_t nl = 0, bsr = 0;

	if (pcre2_config(PCRE2_CONFIG_VERSION, version) < 0)
		strcpy(version, "?");
	pcre2_config(PCRE2_CONFIG_NEWLINE, &nl);
	pcre2_config(PCRE2_CONFIG_BSR, &bsr);
	buf_printf(b, "%s\t%s\t%u\t%u", MAGIC, version, nl, bsr);
}

/* The cache directory, or NULL. */
static char *
cache_dir(void)
{
	struct buf b = BUF_INIT;
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg && *xdg == '/')
		buf_printf(&b, "%s/retable", xdg);
	else if (home && *home == '/')
		buf_printf(&b, "%s/.cache/retable", home);
	else
		return NULL;
	return buf_detach(&b);
}

/*
 * One file per program and rules: pipelines run with two versions of the
 * rules at once (a batch, the tests) each keep theirs.
 */
static char *
cache_path(const char *name, const char *hash)
{
	struct buf b = BUF_INIT;
	char *dir;

	if ((dir = cache_dir()) == NULL)
		return NULL;
	buf_printf(&b, "%s/%s-%s.pcre2", dir, name, hash);
	free(dir);
	return buf_detach(&b);
}

/* The whole file, or NULL. */
static unsigned char *
slurp(const char *path, size_t *len, time_t *mtime)
{
	struct stat st;
	unsigned char *p;
	ssize_t r;
	size_t got = 0;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (unsigned long long)st.st_size > MAX_FILE) {
		close(fd);
		return NULL;
	}
	p = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size &&
	    (r = read(fd, p + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)r;
	close(fd);
	if (got != (size_t)st.st_size) {
		free(p);
		return NULL;
	}
	p[got] = '\0';
	*len = got;
	*mtime = st.st_mtime;
	return p;
}

/*
 * The header's fields after the PCRE2 identity: the rules hash, the
 * number of entries, the body's length and checksum.  Returns where the
 * body begins, or NULL.
 */
static unsigned char *
parse_header(unsigned char *p, size_t len, char *hash, size_t hashsz,
    unsigned long *n, unsigned long long *bodylen, unsigned long long *sum)
{
	struct buf id = BUF_INIT;
	unsigned char *nl = memchr(p, '\n', len);
	char *s, *end;
	size_t k;

	pcre2_identity(&id);
	if (nl == NULL || (size_t)(nl - p) <= id.len ||
	    memcmp(p, id.s, id.len) != 0 || p[id.len] != '\t') {
		buf_free(&id);
		return NULL;
	}
	s = (char *)p + id.len + 1;
	buf_free(&id);
	*nl = '\0';
	k = strcspn(s, "\t");
	if (k == 0 || k >= hashsz || s[k] != '\t')
		return NULL;
	memcpy(hash, s, k);
	hash[k] = '\0';
	s += k + 1;
	*n = strtoul(s, &end, 10);
	if (end == s || *end != '\t')
		return NULL;
	*bodylen = strtoull(s = end + 1, &end, 16);
	if (end == s || *end != '\t')
		return NULL;
	*sum = strtoull(s = end + 1, &end, 16);
	if (end == s || *end != '\0')
		return NULL;
	return nl + 1;
}

/* The entries' texts, in order; where the codes begin, or NULL. */
static const unsigned char *
read_entries(const unsigned char *p, const unsigned char *end,
    unsigned long n, struct entry *tmp)
{
	uint32_t w[2];
	unsigned long i;

	for (i = 0; i < n; i++) {
		if ((size_t)(end - p) < sizeof(w))
			return NULL;
		memcpy(w, p, sizeof(w));
		p += sizeof(w);
		if ((size_t)(end - p) < w[1])
			return NULL;
		tmp[i].options = w[0];
		tmp[i].len = w[1];
		tmp[i].text = (const char *)p;
		p += w[1];
	}
	return p;
}

/* Decode the codes; each entry gets its own. */
static int
decode(const unsigned char *blob, size_t len, unsigned long n,
    struct entry *tmp)
{
	pcre2_code **codes;
	unsigned char *aligned;
	unsigned long i;
	int r;

	if (n == 0 || n > INT_MAX || len == 0)
		return -1;
	/* The serialized header is read as a struct: give it alignment. */
	aligned = xmalloc(len);
	memcpy(aligned, blob, len);
	codes = xcalloc(n, sizeof(*codes));
	r = -1;
	if (pcre2_serialize_get_number_of_codes(aligned) == (int32_t)n &&
	    pcre2_serialize_decode(codes, (int32_t)n, aligned, NULL) ==
	    (int32_t)n) {
		for (i = 0; i < n; i++)
			tmp[i].code = codes[i];
		r = 0;
	}
	free(codes);
	free(aligned);
	return r;
}

static void
load(void)
{
	unsigned char *p, *body;
	const unsigned char *blob;
	unsigned long n, i;
	unsigned long long bodylen, sum;
	struct entry *tmp;
	char hash[32];
	size_t len;
	time_t mtime;

	if ((p = slurp(rc.path, &len, &mtime)) == NULL)
		return;
	if ((body = parse_header(p, len, hash, sizeof(hash), &n, &bodylen,
	    &sum)) == NULL || strcmp(hash, rc.hash) != 0 ||
	    bodylen != len - (size_t)(body - p) ||
	    hash_bytes(body, (size_t)bodylen, 0) != sum ||
	    n > bodylen / 8) {
		free(p);
		return;
	}
	tmp = xcalloc(n ? n : 1, sizeof(*tmp));
	if ((blob = read_entries(body, body + bodylen, n, tmp)) == NULL ||
	    decode(blob, (size_t)(body + bodylen - blob), n, tmp) == -1) {
		free(tmp);
		free(p);
		return;
	}
	for (i = 0; i < n; i++)
		add(tmp[i].text, tmp[i].len, tmp[i].options, tmp[i].code, 1);
	free(tmp);
	rc.file = p;
	/*
	 * Files are dropped oldest first: one read again and again must
	 * look new, or the tests' passing rules versions would push out the
	 * one every run uses.  Once a minute is enough.
	 */
	if (time(NULL) - mtime > TOUCH_AFTER)
		utimensat(AT_FDCWD, rc.path, NULL, 0);
}

void
rxcache_open(const char *name, const char *rules_hash)
{
	rxcache_close();
	rc.open = 1;
	snprintf(rc.hash, sizeof(rc.hash), "%s", rules_hash);
	rc.name = xstrdup(name);
	if ((rc.path = cache_path(name, rc.hash)) != NULL)
		load();
}

pcre2_code *
rxcache_compile(const char *pattern, uint32_t options, int *errcode,
    PCRE2_SIZE *erroffset)
{
	struct entry *e;
	pcre2_code *code;
	size_t len = strlen(pattern);
	char *text;

	if (rc.open && (e = find(pattern, len, options)) != NULL) {
		rc.hits++;
		return pcre2_code_copy(e->code);
	}
	code = pcre2_compile((PCRE2_SPTR)pattern, len, options, errcode,
	    erroffset, NULL);
	if (code == NULL || !rc.open || len > UINT32_MAX)
		return code;
	rc.misses++;
	text = xstrndup(pattern, len);
	add(text, (uint32_t)len, options, pcre2_code_copy(code), 0);
	rc.e[rc.n - 1].owned = 1;
	return code;
}

/*
 * Codes decoded from a file carry their own copy of the character
 * tables, and pcre2_serialize_encode takes only codes sharing one: those
 * kept are compiled again, as a run without the cache would have.
 */
static pcre2_code *
fresh(struct entry *e)
{
	char *text;
	pcre2_code *code;
	PCRE2_SIZE off;
	int err;

	if (!e->loaded)
		return e->code;
	text = xstrndup(e->text, e->len);
	code = pcre2_compile((PCRE2_SPTR)text, e->len, e->options, &err,
	    &off, NULL);
	free(text);
	if (code != NULL) {
		pcre2_code_free(e->code);
		e->code = code;
		e->loaded = 0;
	}
	return code;
}

/* The entries, in the order they were added, and their codes. */
static int
gather(struct buf *body, pcre2_code ***codesp)
{
	pcre2_code **codes = xcalloc((size_t)rc.n + 1, sizeof(*codes));
	uint32_t w[2];
	int k, n = 0;

	for (k = 0; k < rc.n; k++) {
		if ((codes[n] = fresh(&rc.e[k])) == NULL)
			continue;
		w[0] = rc.e[k].options;
		w[1] = rc.e[k].len;
		buf_add(body, (const char *)w, sizeof(w));
		buf_add(body, rc.e[k].text, rc.e[k].len);
		n++;
	}
	*codesp = codes;
	return n;
}

static int
mkdirs(char *path)
{
	char *s;

	for (s = path + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(path, 0700) == -1 && errno != EEXIST) {
			*s = '/';
			return -1;
		}
		*s = '/';
	}
	return 0;
}

/* Written beside, then renamed: a reader sees the old file or the new. */
static void
write_file(int fd, const char *tmp, const struct buf *head,
    const struct buf *body)
{
	int ok;

	ok = write(fd, head->s, head->len) == (ssize_t)head->len &&
	    write(fd, body->s, body->len) == (ssize_t)body->len;
	if (close(fd) == -1 || !ok || rename(tmp, rc.path) == -1)
		unlink(tmp);
}

struct aged {
	char		*name;
	struct timespec	 mtime;
};

static int
newest_first(const void *a, const void *b)
{
	const struct aged *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? 1 : -1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? 1 : -1;
	return strcmp(x->name, y->name);
}

/* This program's files in dir, newest first; how many. */
static int
list_files(DIR *d, const char *dir, struct aged **out)
{
	struct buf path = BUF_INIT;
	struct dirent *de;
	struct aged *a = NULL;
	struct stat st;
	size_t plen = strlen(rc.name);
	int n = 0;

	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, rc.name, plen) != 0 ||
		    de->d_name[plen] != '-' ||
		    strstr(de->d_name, ".pcre2") == NULL)
			continue;
		buf_clear(&path);
		buf_printf(&path, "%s/%s", dir, de->d_name);
		if (stat(path.s, &st) == -1)
			continue;
		a = xreallocarray(a, (size_t)n + 1, sizeof(*a));
		a[n].name = xstrdup(path.s);
		a[n++].mtime = st.st_mtim;
	}
	buf_free(&path);
	qsort(a, (size_t)n, sizeof(*a), newest_first);
	*out = a;
	return n;
}

/*
 * Each rules edit makes new files: only the KEEP_FILES this program
 * wrote or read last stay (a half-written one left by a killed run goes
 * too).
 */
static void
prune(void)
{
	struct aged *a;
	char *dir;
	DIR *d;
	int i, n;

	if ((dir = cache_dir()) == NULL)
		return;
	if ((d = opendir(dir)) != NULL) {
		n = list_files(d, dir, &a);
		closedir(d);
		for (i = 0; i < n; i++) {
			if (i >= KEEP_FILES && strcmp(a[i].name, rc.path) != 0)
				unlink(a[i].name);
			free(a[i].name);
		}
		free(a);
	}
	free(dir);
}

static void
save(void)
{
	struct buf head = BUF_INIT, body = BUF_INIT, tmp = BUF_INIT;
	pcre2_code **codes;
	uint8_t *blob;
	PCRE2_SIZE bloblen;
	int n, fd;

	/* Where nothing can be written, nothing is encoded. */
	buf_printf(&tmp, "%s.XXXXXX", rc.path);
	if (mkdirs(tmp.s) == -1 || (fd = mkstemp(tmp.s)) == -1) {
		buf_free(&tmp);
		return;
	}
	n = gather(&body, &codes);
	if (n > 0 && pcre2_serialize_encode((const pcre2_code **)codes, n,
	    &blob, &bloblen, NULL) == n) {
		buf_add(&body, (const char *)blob, bloblen);
		pcre2_serialize_free(blob);
		pcre2_identity(&head);
		buf_printf(&head, "\t%s\t%d\t%zx\t%llx\n", rc.hash, n,
		    body.len, (unsigned long long)hash_bytes(body.s,
		    body.len, 0));
		write_file(fd, tmp.s, &head, &body);
		prune();
	} else {
		close(fd);
		unlink(tmp.s);
	}
	free(codes);
	buf_free(&tmp);
	buf_free(&head);
	buf_free(&body);
}

/* Write the file if this run compiled anything, then forget it all. */
void
rxcache_close(void)
{
	int k;

	if (!rc.open)
		return;
	if (rc.misses > 0 && rc.path != NULL)
		save();
	for (k = 0; k < rc.n; k++) {
		pcre2_code_free(rc.e[k].code);
		if (rc.e[k].owned)
			free((char *)rc.e[k].text);
	}
	free(rc.e);
	free(rc.slot);
	free(rc.file);
	free(rc.path);
	free(rc.name);
	memset(&rc, 0, sizeof(rc));
}

/* For the tests: how many patterns came from the cache, how many not. */
void
rxcache_counts(int *hits, int *misses)
{
	*hits = rc.hits;
	*misses = rc.misses;
}

const char *
rxcache_file(void)
{
	return rc.path;
}
