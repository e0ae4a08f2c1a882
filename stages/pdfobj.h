/*
 * pdfobj.h - PDF objects: the tokenizer, the object parser, and the arena
 * the objects live in.
 *
 * pdf2text reads the text of a page through poppler, but poppler-glib has
 * no way to hand out the page's vector paths, and rendering the page to
 * find its ruling lines costs more than the whole text extraction.  So
 * pdf2text reads the few objects it needs for the rulings itself: the
 * cross-reference table, the page tree, content streams, form XObjects.
 * These are the building blocks.
 *
 * Objects are allocated in an arena and freed all at once, page by page,
 * so no object is ever freed on its own and none can leak.
 */
#ifndef RETABLE_PDFOBJ_H
#define RETABLE_PDFOBJ_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct pdf_arena {
	struct pdf_chunk *chunks;
};

void	*arena_alloc(struct pdf_arena *, size_t);
char	*arena_strndup(struct pdf_arena *, const char *, size_t);
void	 arena_free(struct pdf_arena *);

enum pdf_kind {
	PDF_NULL,
	PDF_BOOL,
	PDF_INT,
	PDF_REAL,
	PDF_NAME,
	PDF_STRING,
	PDF_ARRAY,
	PDF_DICT,
	PDF_STREAM,
	PDF_REF
};

struct pdf_dictent;

struct pdf_obj {
	enum pdf_kind	 kind;
	union {
		int		 boolean;
		long long	 integer;
		double		 real;
		struct {	/* PDF_NAME, PDF_STRING: decoded, NUL-terminated */
			const char	*s;
			size_t		 len;
		} str;
		struct {
			struct pdf_obj	*item;
			size_t		 n;
		} array;
		struct {	/* PDF_DICT, and PDF_STREAM's dictionary */
			struct pdf_dictent *ent;
			size_t		 n;
			const unsigned char *data;	/* PDF_STREAM: raw bytes */
			size_t		 len;
			uint32_t	 num;		/* owner, for decryption */
			uint16_t	 gen;
		} dict;
		struct {
			uint32_t	 num;
			uint16_t	 gen;
		} ref;
	} u;
};

struct pdf_dictent {
	const char	*key;
	struct pdf_obj	 val;
};

extern const struct pdf_obj pdf_null;

const struct pdf_obj *pdf_dict_get(const struct pdf_obj *, const char *key);
const struct pdf_obj *pdf_array_get(const struct pdf_obj *, size_t);
size_t	 pdf_array_len(const struct pdf_obj *);
int	 pdf_is_name(const struct pdf_obj *, const char *);
int	 pdf_number(const struct pdf_obj *, double *);
long long pdf_int(const struct pdf_obj *, long long dflt);

/* Tokens.  A token points into the bytes being read; nothing is copied. */
enum pdf_tok {
	TOK_EOF,
	TOK_INT,
	TOK_REAL,
	TOK_NAME,		/* s, len: without the slash, #xx not decoded */
	TOK_STRING,		/* s, len: inside the parentheses, raw */
	TOK_HEXSTRING,		/* s, len: inside the angle brackets */
	TOK_ARRAY_OPEN,
	TOK_ARRAY_CLOSE,
	TOK_DICT_OPEN,
	TOK_DICT_CLOSE,
	TOK_KEYWORD		/* operators, true, obj, R, {, }... */
};

struct pdf_token {
	enum pdf_tok	 kind;
	const unsigned char *s;
	size_t		 len;
	long long	 integer;
	double		 real;	/* set for TOK_INT too */
};

struct pdf_lexer {
	const unsigned char *start;
	const unsigned char *p;
	const unsigned char *end;
};

void	 pdf_lex_init(struct pdf_lexer *, const unsigned char *, size_t);
void	 pdf_lex(struct pdf_lexer *, struct pdf_token *);
int	 pdf_tok_is(const struct pdf_token *, const char *keyword);
int	 pdf_is_space(int);
int	 pdf_is_delim(int);
void	 pdf_skip_space(struct pdf_lexer *);
size_t	 pdf_decode_name(char *, const unsigned char *, size_t);
size_t	 pdf_decode_string(char *, const unsigned char *, size_t);
size_t	 pdf_decode_hexstring(char *, const unsigned char *, size_t);

/*
 * The parser reads one object from a lexer.  "N G R" is recognised with
 * two tokens of look-ahead, which the parser keeps.  Nesting deeper than
 * PDF_MAX_DEPTH is an error: hostile files nest arrays a million deep.
 */
#define PDF_MAX_DEPTH	64

struct pdf_parser {
	struct pdf_lexer lex;
	struct pdf_token ahead[2];
	int		 nahead;
	struct pdf_arena *arena;
	int		 error;
};

void	 pdf_parser_init(struct pdf_parser *, struct pdf_arena *,
	    const unsigned char *, size_t);
int	 pdf_parse_object(struct pdf_parser *, struct pdf_obj *);
void	 pdf_next_token(struct pdf_parser *, struct pdf_token *);

#endif
