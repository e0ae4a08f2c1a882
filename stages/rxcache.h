/*
 * rxcache.h - compiled patterns kept between runs.
 *
 * A stage of a pipeline run once per document compiles the same 50 to
 * 180 patterns every time, and on a small document that is a third of
 * its work.  The cache keeps them compiled (pcre2_serialize) in a file
 * per program and rules hash under $XDG_CACHE_HOME/retable (else
 * ~/.cache/retable); the 32 files a program used last are kept, so rules
 * versions used side by side (a batch, the tests) do not evict each
 * other, and old ones go.
 *
 * Within its file a compiled pattern is looked up by its exact text and
 * compile options, so it is never answered with another pattern's code;
 * one compiled in a run (an alternation first used) is added to the file
 * at exit.  The file records the PCRE2 version that made it and a
 * checksum of its contents; a file that is missing, unreadable, corrupt
 * or from another PCRE2 is ignored, and a cache directory that cannot be
 * written only means compiling every time.  Nothing here ever fails a
 * stage.
 */
#ifndef RETABLE_RXCACHE_H
#define RETABLE_RXCACHE_H

#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

void	 rxcache_open(const char *name, const char *rules_hash);
void	 rxcache_close(void);
pcre2_code *rxcache_compile(const char *pattern, uint32_t options,
	    int *errcode, PCRE2_SIZE *erroffset);
void	 rxcache_counts(int *hits, int *misses);
const char *rxcache_file(void);

#endif
