/* timex.h - time expressions for the FAQ's "when": dates, times of day and durations found in a
 * run of normalised words and resolved against the article date. */
#ifndef DYAD_TIMEX_H
#define DYAD_TIMEX_H

#include "internal.h"

enum timex_kind { TIMEX_DATE, TIMEX_TIME, TIMEX_DURATION };
enum timex_grain { GRAIN_DAY, GRAIN_WEEK, GRAIN_MONTH, GRAIN_YEAR, GRAIN_NONE };

typedef struct timex {
	uint32_t a, b;          /* word range [a, b) */
	uint8_t kind;           /* enum timex_kind */
	uint8_t grain;          /* enum timex_grain of date */
	int32_t date;           /* resolved first day, INT32_MIN when not resolved */
	double weight;          /* how good an answer to "when" it is, 0..1 */
	const char *rule;       /* static text: how it was resolved */
	char value[16];         /* ISO 8601 duration ("P7Y") for durations, else "" */
} timex;

/* Finds the time expressions of words[0..n) (normalised, lower case; NULL for punctuation,
 * whose character is in punct[i]) and appends them (vec of timex) in order. date is the
 * article date. Allocates only when out grows. */
DYAD_HIDDEN dyad_status timex_find(const char *const *words, const char *punct, size_t n,
                                   int32_t date, vec *out);
/* Days of y-m-d, INT32_MIN when invalid. */
DYAD_HIDDEN int32_t timex_days(int y, int m, int d);

#endif
