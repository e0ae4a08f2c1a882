/*
 * test_pdfobj.c - pdf2text's own PDF reader: tokens, objects, filters,
 * the ciphers of the security handler, cross-references and pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "pdfcrypto.h"
#include "pdfdoc.h"
#include "pdffilter.h"
#include "tap.h"

static const char *
hex(const unsigned char *p, size_t n)
{
	static char s[260];
	size_t i;

	for (i = 0; i < n && i < 128; i++)
		snprintf(s + 2 * i, 3, "%02x", p[i]);
	s[2 * i] = '\0';
	return s;
}

static void
objects_parse(void)
{
	static const char src[] = "<< /Type /Page /Kids [1 0 R 2 0 R] /N 12 "
	    "/R -3.5 /S (a\\(b\\)c\\n\\101) /H <41 42 4> /A#20B true /Z null "
	    "/D << /X [ ] >> >>";
	struct pdf_arena a = { 0 };
	struct pdf_parser ps;
	struct pdf_obj o;
	const struct pdf_obj *kids, *s;
	char deep[400];
	int i;

	pdf_parser_init(&ps, &a, (const unsigned char *)src, strlen(src));
	ok(pdf_parse_object(&ps, &o) == 0 && o.kind == PDF_DICT,
	    "a dictionary parses");
	ok(pdf_is_name(pdf_dict_get(&o, "Type"), "Page"), "a name value");
	kids = pdf_dict_get(&o, "Kids");
	ok(pdf_array_len(kids) == 2 && pdf_array_get(kids, 1)->kind == PDF_REF &&
	    pdf_array_get(kids, 1)->u.ref.num == 2, "references in an array");
	is_int(pdf_int(pdf_dict_get(&o, "N"), 0), 12, "an integer");
	ok(pdf_dict_get(&o, "R")->kind == PDF_REAL &&
	    pdf_dict_get(&o, "R")->u.real == -3.5, "a real");
	s = pdf_dict_get(&o, "S");
	is_str(s->u.str.s, "a(b)c\nA", "string escapes, octal included");
	is_str(pdf_dict_get(&o, "H")->u.str.s, "AB@", "hex string, odd digit");
	ok(pdf_dict_get(&o, "A B")->kind == PDF_BOOL, "#20 in a name");
	ok(pdf_dict_get(&o, "Z")->kind == PDF_NULL, "null");
	ok(pdf_array_len(pdf_dict_get(pdf_dict_get(&o, "D"), "X")) == 0 &&
	    pdf_dict_get(&o, "D")->kind == PDF_DICT, "nested empty array");
	for (i = 0; i < 200; i++) {
		deep[i] = '[';
		deep[200 + i - 1 + 1] = ']';
	}
	pdf_parser_init(&ps, &a, (const unsigned char *)deep, sizeof(deep));
	ok(pdf_parse_object(&ps, &o) == -1, "nesting 200 deep is refused");
	arena_free(&a);
}

static int
decodes(const char *filter, const struct pdf_obj *parms,
    const void *in, size_t len, const void *want, size_t wantlen)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	int r;

	r = pdf_filter(filter, parms, in, len, &out, &err) != FILTER_FAILED &&
	    out.len == wantlen && memcmp(out.s, want, wantlen) == 0;
	buf_free(&out);
	buf_free(&err);
	return r;
}

static void
filters_decode(void)
{
	static const unsigned char lzw_in[] = {
		0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01
	};
	static const unsigned char rl_in[] = {
		2, 'a', 'b', 'c', 254, 'x', 128
	};
	/* Two PNG rows of 3 bytes: None, then Up. */
	static const unsigned char png[] = { 0, 1, 2, 3, 2, 1, 1, 1 };
	static const char parms_src[] = "<< /Predictor 12 /Columns 3 >>";
	unsigned char z[256];
	uLongf zlen = sizeof(z);
	struct pdf_arena a = { 0 };
	struct pdf_parser ps;
	struct pdf_obj parms;
	struct buf out = BUF_INIT, err = BUF_INIT;

	compress(z, &zlen, (const Bytef *)"0 0 m 100 0 l S", 15);
	ok(decodes("FlateDecode", &pdf_null, z, zlen, "0 0 m 100 0 l S", 15),
	    "FlateDecode");
	ok(decodes("FlateDecode", &pdf_null, z, zlen - 4, "0 0 m 100 0 l S",
	    15), "FlateDecode without its checksum still reads");
	ok(pdf_filter("FlateDecode", &pdf_null, (const unsigned char *)
	    "not deflate at all", 18, &out, &err) == FILTER_FAILED,
	    "garbage is not deflate");
	pdf_parser_init(&ps, &a, (const unsigned char *)parms_src,
	    strlen(parms_src));
	pdf_parse_object(&ps, &parms);
	zlen = sizeof(z);
	compress(z, &zlen, png, sizeof(png));
	ok(decodes("FlateDecode", &parms, z, zlen, "\1\2\3\2\3\4", 6),
	    "PNG Up predictor");
	ok(decodes("ASCIIHexDecode", &pdf_null, "48 65 6c6C 6F7>", 15,
	    "Hellop", 6), "ASCIIHexDecode");
	ok(decodes("ASCII85Decode", &pdf_null, "87cURD]i,\"Ebo7~>", 17,
	    "Hello World", 11), "ASCII85Decode");
	ok(decodes("RunLengthDecode", &pdf_null, rl_in, sizeof(rl_in),
	    "abcxxx", 6), "RunLengthDecode");
	ok(decodes("LZWDecode", &pdf_null, lzw_in, sizeof(lzw_in),
	    "\x2d\x2d\x2d\x2d\x2d\x41\x2d\x2d\x2d\x42", 10),
	    "LZWDecode, the example of the PDF reference");
	ok(pdf_filter("DCTDecode", &pdf_null, z, 1, &out, &err) ==
	    FILTER_FAILED && strstr(buf_str(&err), "DCTDecode") != NULL,
	    "an image codec is refused by name");
	buf_free(&out);
	buf_free(&err);
	arena_free(&a);
}

static void
ciphers_match_their_standards(void)
{
	static const unsigned char key[32] = {
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
		18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	};
	static const unsigned char pt[16] = {
		0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99,
		0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
	};
	unsigned char d[64], block[16];
	struct md5 m;
	struct sha256 s;
	struct sha512 s5;
	struct aes aes;
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

	md5_init(&m);
	md5_update(&m, "abc", 3);
	md5_final(&m, d);
	is_str(hex(d, 16), "900150983cd24fb0d6963f7d28e17f72", "MD5 of abc");
	sha256_init(&s);
	sha256_update(&s, two, strlen(two));
	sha256_final(&s, d);
	is_str(hex(d, 32), "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1", "SHA-256, two blocks");
	sha384_init(&s5);
	sha512_update(&s5, "abc", 3);
	sha512_final(&s5, d);
	is_str(hex(d, 48), "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
	    "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7", "SHA-384 of abc");
	sha512_init(&s5);
	sha512_update(&s5, "abc", 3);
	sha512_final(&s5, d);
	is_str(hex(d, 64), "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea2"
	    "0a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e"
	    "2a9ac94fa54ca49f", "SHA-512 of abc");
	memcpy(block, pt, 16);
	aes_init(&aes, key, 16);
	aes_encrypt_block(&aes, block);
	is_str(hex(block, 16), "69c4e0d86a7b0430d8cdb78070b4c55a",
	    "AES-128, FIPS-197 C.1");
	aes_decrypt_block(&aes, block);
	ok(memcmp(block, pt, 16) == 0, "AES-128 decrypts back");
	aes_init(&aes, key, 32);
	aes_encrypt_block(&aes, block);
	is_str(hex(block, 16), "8ea2b7ca516745bfeafc49904b496089",
	    "AES-256, FIPS-197 C.3");
	aes_decrypt_block(&aes, block);
	ok(memcmp(block, pt, 16) == 0, "AES-256 decrypts back");
	memcpy(d, "Plaintext", 9);
	rc4((const unsigned char *)"Key", 3, d, 9);
	is_str(hex(d, 9), "bbf316e8d940af0ad3", "RC4 test vector");
}

/* A two-page PDF; offsets are shifted by skew to test the rebuild. */
static char *
two_pages(long skew, size_t *len)
{
	static const char *objs[] = {
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 "
		    "/MediaBox [0 0 600 800] /Rotate 90 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
		"<< /Length 15 >> stream\n0 0 m 100 0 l S\nendstream",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] "
		    "/Rotate 0 >>",
	};
	struct buf b = BUF_INIT;
	size_t off[5], i, xref;

	buf_adds(&b, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
	for (i = 0; i < 5; i++) {
		off[i] = b.len;
		buf_printf(&b, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	xref = b.len;
	buf_adds(&b, "xref\n0 6\n0000000000 65535 f \n");
	for (i = 0; i < 5; i++)
		buf_printf(&b, "%010ld 00000 n \n", (long)off[i] + skew);
	buf_printf(&b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n"
	    "%%%%EOF\n", xref);
	*len = b.len;
	return buf_detach(&b);
}

static void
documents_open(void)
{
	struct pdf_doc doc;
	struct buf err = BUF_INIT, junk = BUF_INIT;
	char *pdf;
	size_t len;

	pdf = two_pages(0, &len);
	ok(pdf_doc_open(&doc, (unsigned char *)pdf, len, &err) == PDF_OPEN_OK,
	    "a plain PDF opens");
	is_int(doc.npages, 2, "two pages");
	ok(doc.npages == 2 && doc.pages[0].rotate == 90 &&
	    doc.pages[0].media[2] == 600, "rotation and media box inherited");
	ok(doc.npages == 2 && doc.pages[1].rotate == 0 &&
	    doc.pages[1].crop[3] == 400, "a page's own attributes win");
	ok(!doc.repaired, "its table was good");
	pdf_doc_close(&doc);
	free(pdf);

	pdf = two_pages(7, &len);
	ok(pdf_doc_open(&doc, (unsigned char *)pdf, len, &err) == PDF_OPEN_OK &&
	    doc.npages == 2, "wrong offsets: still two pages");
	ok(doc.repaired, "by rebuilding the table");
	pdf_doc_close(&doc);

	ok(pdf_doc_open(&doc, (unsigned char *)pdf, len / 2, &err) ==
	    PDF_OPEN_TRUNCATED, "half a file is truncated");
	pdf_doc_close(&doc);
	free(pdf);
	pdf = two_pages(0, &len);
	buf_add(&junk, pdf, len);
	buf_adds(&junk, "<html><body>Document moved</body></html>\n");
	ok(pdf_doc_open(&doc, (unsigned char *)junk.s, junk.len, &err) ==
	    PDF_OPEN_OK, "junk after %%EOF is harmless");
	pdf_doc_close(&doc);
	buf_adds(&junk, "6 0 obj << /Type /Page /Parent 2 0 R >> endobj\n7 0 ob");
	ok(pdf_doc_open(&doc, (unsigned char *)junk.s, junk.len, &err) ==
	    PDF_OPEN_TRUNCATED, "an update cut off after %%EOF is truncated");
	pdf_doc_close(&doc);
	buf_free(&junk);
	free(pdf);
	ok(pdf_doc_open(&doc, (const unsigned char *)"GIF89a...", 9, &err) ==
	    PDF_OPEN_NOT_PDF, "another format is not a PDF");
	pdf_doc_close(&doc);
	ok(pdf_doc_open(&doc, (const unsigned char *)"", 0, &err) ==
	    PDF_OPEN_EMPTY, "no bytes is empty");
	pdf_doc_close(&doc);
	buf_free(&err);
}

/* Objects 1-3 in an object stream, found through a cross-reference
 * stream (W [1 2 1], no filter). */
static void
compressed_objects_are_found(void)
{
	static const char inner[] = "1 0 2 34 3 98 "
	    "<< /Type /Catalog /Pages 2 0 R >> "
	    "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 10 20] >> "
	    "<< /Type /Page /Parent 2 0 R >>";
	struct buf b = BUF_INIT, err = BUF_INIT;
	struct pdf_doc doc;
	size_t stm, xref;
	unsigned char row[6][4];
	int i;

	buf_adds(&b, "%PDF-1.5\n");
	stm = b.len;
	buf_printf(&b, "4 0 obj\n<< /Type /ObjStm /N 3 /First 14 /Length %zu "
	    ">>\nstream\n%s\nendstream\nendobj\n", strlen(inner), inner);
	xref = b.len;
	memset(row, 0, sizeof(row));
	for (i = 1; i <= 3; i++) {
		row[i][0] = 2;
		row[i][2] = 4;
		row[i][3] = (unsigned char)(i - 1);
	}
	row[4][0] = 1;
	row[4][1] = (unsigned char)(stm >> 8);
	row[4][2] = (unsigned char)stm;
	row[5][0] = 1;
	row[5][1] = (unsigned char)(xref >> 8);
	row[5][2] = (unsigned char)xref;
	buf_printf(&b, "5 0 obj\n<< /Type /XRef /Size 6 /W [1 2 1] /Root 1 0 R "
	    "/Length 24 >>\nstream\n");
	buf_add(&b, (const char *)row, sizeof(row));
	buf_printf(&b, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", xref);
	ok(pdf_doc_open(&doc, (unsigned char *)b.s, b.len, &err) ==
	    PDF_OPEN_OK && doc.npages == 1, "object and xref streams read");
	ok(doc.npages == 1 && doc.pages[0].media[3] == 20 && !doc.repaired,
	    "the page's box from the compressed node");
	pdf_doc_close(&doc);
	buf_free(&b);
	buf_free(&err);
}

int
main(void)
{
	objects_parse();
	filters_decode();
	ciphers_match_their_standards();
	documents_open();
	compressed_objects_are_found();
	return tap_done();
}
