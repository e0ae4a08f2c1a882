/*
 * number.h - amounts as printed in reports, read exactly.
 *
 * A report's numbers are decimals ("7,702.57", "(12.30)", "-0.5", "23%")
 * and must come out digit for digit: they are kept as a scaled integer
 * (mantissa and number of decimals), never as a double.
 */
#ifndef RETABLE_NUMBER_H
#define RETABLE_NUMBER_H

#include <stddef.h>

#define NUM_MAXTEXT	40

struct num {
	long long	 mant;		/* value * 10^decimals */
	int		 decimals;	/* digits printed after the point */
	int		 percent;	/* printed with a trailing % */
	int		 grouped;	/* printed with thousands separators */
	char		 text[NUM_MAXTEXT]; /* canonical: "-7702.57", "23%" */
};

int	 num_parse(const char *, size_t, struct num *);
int	 num_is_int_code(const char *, size_t);
long long num_scale(const struct num *, int decimals);
int	 num_equal_within(long long, long long, long long tolerance);
void	 num_format_scaled(char *, size_t, long long, int decimals);

#endif
