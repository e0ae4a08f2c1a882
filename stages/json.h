/*
 * json.h - writing JSON text.
 *
 * Only writing: retable emits JSON and never reads it.  Strings are UTF-8
 * already validated upstream, so only quotes, backslashes and control
 * characters need escaping.
 */
#ifndef RETABLE_JSON_H
#define RETABLE_JSON_H

#include <stddef.h>

#include "buf.h"

void	 json_str(struct buf *, const char *);
void	 json_strn(struct buf *, const char *, size_t);
void	 json_key(struct buf *, const char *, int *first);
void	 json_number_text(struct buf *, const char *);

#endif
