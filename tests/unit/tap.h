/*
 * tap.h - the Test Anything Protocol, enough for prove(1).
 *
 * Each unit test is a program: a series of ok() checks, then
 * return tap_done().  Names say what behaviour a check holds.
 */
#ifndef RETABLE_TAP_H
#define RETABLE_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

__attribute__((format(printf, 4, 5)))
static int
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!pass) {
		tap_failed++;
		printf("#   failed at %s:%d\n", file, line);
	}
	return pass;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Compare strings and show both when they differ. */
#define is_str(got, want, ...) do {					\
	const char *tap_g = (got), *tap_w = (want);			\
	if (!tap_ok(tap_g && tap_w && strcmp(tap_g, tap_w) == 0,	\
	    __FILE__, __LINE__, __VA_ARGS__))				\
		printf("#   got:  '%s'\n#   want: '%s'\n",		\
		    tap_g ? tap_g : "(null)", tap_w ? tap_w : "(null)"); \
} while (0)

#define is_int(got, want, ...) do {					\
	long long tap_g = (got), tap_w = (want);			\
	if (!tap_ok(tap_g == tap_w, __FILE__, __LINE__, __VA_ARGS__))	\
		printf("#   got:  %lld\n#   want: %lld\n", tap_g, tap_w); \
} while (0)

static int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
