/*
 * test_core.c - the shared core: numbers, UTF-8, the record stream.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "number.h"
#include "stream.h"
#include "utf8.h"
#include "tap.h"

static const char *
num_text(const char *s)
{
	static struct num n;

	return num_parse(s, strlen(s), &n) ? n.text : NULL;
}

static void
numbers_are_read_exactly(void)
{
	is_str(num_text("7,702.57"), "7702.57", "thousands separators removed");
	is_str(num_text("0.00"), "0.00", "zero keeps its printed decimals");
	is_str(num_text("14.7"), "14.7", "one decimal stays one decimal");
	is_str(num_text("(12.30)"), "-12.30", "parentheses mean negative");
	is_str(num_text("-5"), "-5", "leading minus");
	is_str(num_text("\xe2\x88\x92" "3.5"), "-3.5", "U+2212 minus sign");
	is_str(num_text("23.12%"), "23.12%", "percent kept");
	is_str(num_text("1\xef\xbc\x8c" "234"), "1234",
	    "full-width comma as separator");
	ok(num_text("1,23") == NULL, "misplaced separator is not a number");
	ok(num_text("12.") == NULL, "a bare point is not a number");
	ok(num_text("2230. 80") == NULL, "a split number is not one number");
	ok(num_text("208 05") == NULL, "space-separated codes are not a number");
	ok(num_text("") == NULL, "empty is not a number");
	ok(num_text("-") == NULL, "a dash alone is not a number");
	ok(num_text("99999999999999999999") == NULL, "overflow is rejected");
}

static void
scaled_sums_are_exact(void)
{
	struct num a, b;

	num_parse("0.1", 3, &a);
	num_parse("0.20", 4, &b);
	is_int(num_scale(&a, 2) + num_scale(&b, 2), 30,
	    "0.1 + 0.20 is exactly 30 hundredths");
	ok(num_equal_within(13557, 13558, 1), "one hundredth apart is within 1");
	ok(!num_equal_within(13557, 13560, 1), "three hundredths is not");
}

static void
utf8_is_validated(void)
{
	size_t bad = 99;

	ok(utf8_valid("\xe9\xa2\x84\xe7\xae\x97", 6, &bad), "Han text is valid");
	ok(!utf8_valid("ab\xff", 3, &bad) && bad == 2, "0xff rejected at 2");
	ok(!utf8_valid("\xc0\xaf", 2, &bad), "overlong slash rejected");
	ok(!utf8_valid("\xed\xa0\x80", 3, &bad), "surrogate rejected");
	ok(!utf8_valid("\xe9\xa2", 2, &bad), "truncated sequence rejected");
	ok(utf8_valid("", 0, &bad), "empty is valid");
}

static void
normalization_folds_digits_keeps_brackets(void)
{
	struct buf b = BUF_INIT;

	uc_normalize(&b, "\xef\xbc\x91\xef\xbc\x92.5", 8);	/* １２.5 */
	is_str(buf_str(&b), "12.5", "full-width digits become ASCII");
	buf_clear(&b);
	uc_normalize(&b, "\xef\xbc\x88\xe5\xa2\x83\xef\xbc\x89", 9);
	is_str(buf_str(&b), "\xef\xbc\x88\xe5\xa2\x83\xef\xbc\x89",
	    "full-width brackets kept as printed");
	buf_clear(&b);
	uc_normalize(&b, "\xe2\xbc\x80", 3);	/* KANGXI RADICAL ONE */
	is_str(buf_str(&b), "\xe4\xb8\x80", "Kangxi radical becomes the ideograph");
	buf_clear(&b);
	uc_normalize(&b, "a\xe3\x80\x80" "b", 5);
	is_str(buf_str(&b), "a b", "ideographic space becomes a space");
	buf_free(&b);
}

static void
records_round_trip(void)
{
	struct buf b = BUF_INIT;
	struct rec r;

	rec_init(&r);
	rec_begin(&b, "span");
	rec_text(&b, "a\tb\\c\nd");
	rec_kv(&b, "code", "预算03表");
	rec_parse(&r, b.s, b.len);
	is_int(r.nf, 3, "three fields");
	is_str(rec_field(&r, 1), "a\tb\\c\nd", "tab, backslash, newline survive");
	is_str(rec_attr(&r, "code"), "预算03表", "key=value attribute read back");
	ok(rec_attr(&r, "cod") == NULL, "attribute keys match whole");
	is_int(stream_header_version("retable\t1", 9), 1, "header version 1");
	is_int(stream_header_version("retable 1", 9), 0, "space is not a header");
	is_int(stream_header_version("预算01表", 11), 0, "text is not a header");
	rec_free(&r);
	buf_free(&b);
}

int
main(void)
{
	numbers_are_read_exactly();
	scaled_sums_are_exact();
	utf8_is_validated();
	normalization_folds_digits_keeps_brackets();
	records_round_trip();
	return tap_done();
}
