/* timex.c - time expressions ("on Monday", "yesterday", "Nov. 10", "at around 6am", "seven
 * years") found in normalised words and resolved against the article date. */
#include "timex.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static const char *const weekdays[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                         "thursday", "friday", "saturday"};
static const char *const months[12] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};
static const char *const month_abbr[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                           "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const numbers[] = {"zero", "one", "two",   "three", "four",   "five",
                                      "six",  "seven", "eight", "nine", "ten",   "eleven",
                                      "twelve", NULL};

int32_t timex_days(int y, int m, int d)
{
	char s[16];
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return INT32_MIN;
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
	return dyad_date_parse(s, 10);
}

/* The value of n decimal digits; -1 when there are none, other characters or more than nine. */
static int digits(const char *s, size_t n)
{
	int v = 0;
	if (n > 9)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return n ? v : -1;
}

static void ymd(int32_t days, int *y, int *m, int *d)
{
	char s[11];
	dyad_date_format(days, s);
	*y = digits(s, 4);
	*m = digits(s + 5, 2);
	*d = digits(s + 8, 2);
}

static int weekday_of(int32_t days)
{
	return (int)(((int64_t)days % 7 + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
}

static bool eq(const char *w, const char *s)
{
	return w && !strcmp(w, s);
}

static int find_in(const char *w, const char *const *list, int n)
{
	if (!w)
		return -1;
	for (int i = 0; i < n; i++)
		if (!strcmp(w, list[i]))
			return i;
	return -1;
}

static int day_number(const char *w);
static int year_number(const char *w);

/* Month index 0..11 of words[i] ("november", "nov" of "Nov."), or -1. Abbreviations, "may"
 * and "march" are months only next to a day number or a year (or after "in" for full names). */
static int month_at(const char *const *words, size_t n, size_t i)
{
	int m = find_in(words[i], months, 12);
	bool full = m >= 0;
	if (m < 0) {
		m = find_in(words[i], month_abbr, 12);
		if (m < 0 && eq(words[i], "sept"))
			m = 8;
	}
	if (m < 0)
		return -1;
	if (full && m != 2 && m != 4)
		return m;
	size_t j = i + 1;
	if (j < n && !words[j])
		j++;
	bool near = (j < n && (day_number(words[j]) > 0 || year_number(words[j]) > 0)) ||
	            (i > 0 && day_number(words[i - 1]) > 0) ||
	            (full && i > 0 && eq(words[i - 1], "in"));
	return near ? m : -1;
}

/* A day of month: "10", "10th", "1st". */
static int day_number(const char *w)
{
	if (!w)
		return -1;
	size_t n = strlen(w), k = 0;
	while (k < n && w[k] >= '0' && w[k] <= '9')
		k++;
	if (k == 0 || k > 2)
		return -1;
	if (k < n && strcmp(w + k, "st") && strcmp(w + k, "nd") && strcmp(w + k, "rd") &&
	    strcmp(w + k, "th"))
		return -1;
	int d = digits(w, k);
	return d >= 1 && d <= 31 ? d : -1;
}

static int year_number(const char *w)
{
	if (!w || strlen(w) != 4)
		return -1;
	int y = digits(w, 4);
	return y >= 1900 && y <= 2100 ? y : -1;
}

/* A count: digits or a number word; "a"/"an" count 1. */
static int count_number(const char *w)
{
	if (!w)
		return -1;
	if (!strcmp(w, "a") || !strcmp(w, "an"))
		return 1;
	for (int i = 0; numbers[i]; i++)
		if (!strcmp(w, numbers[i]))
			return i;
	int v = digits(w, strlen(w));
	return v >= 0 && v < 10000 ? v : -1;
}

static int unit_of(const char *w, char *letter)
{
	static const char *const units[] = {"second", "minute", "hour",   "day",    "week",
	                                    "month",  "year",   "decade", "century"};
	static const char letters[] = "SMHDWMYYY";
	if (!w)
		return -1;
	size_t n = strlen(w);
	if (!strcmp(w, "centuries")) {
		*letter = 'Y';
		return 8;
	}
	for (int i = 0; i < 9; i++) {
		size_t u = strlen(units[i]);
		if (!strncmp(w, units[i], u) && (n == u || (n == u + 1 && w[u] == 's'))) {
			*letter = letters[i];
			return i;
		}
	}
	return -1;
}

/* A clock time in one word ("6am", "6.10am", "11:30") or two ("6", "am"/"pm"/"a.m"). */
static size_t clock_at(const char *const *words, size_t n, size_t i)
{
	const char *w = words[i];
	if (eq(w, "noon") || eq(w, "midnight"))
		return i > 0 && (eq(words[i - 1], "at") || eq(words[i - 1], "around") ||
		                 eq(words[i - 1], "before") || eq(words[i - 1], "after") ||
		                 eq(words[i - 1], "by"));
	if (!w || w[0] < '0' || w[0] > '9')
		return 0;
	size_t k = 0, len = strlen(w);
	while (k < len && ((w[k] >= '0' && w[k] <= '9') || w[k] == '.' || w[k] == ':'))
		k++;
	const char *rest = w + k;
	if (k < len) {
		if (!strcmp(rest, "am") || !strcmp(rest, "pm") || !strcmp(rest, "a.m") ||
		    !strcmp(rest, "p.m") || !strcmp(rest, "a.m.") || !strcmp(rest, "p.m."))
			return 1;
		return 0;
	}
	if (i + 1 < n && words[i + 1] &&
	    (eq(words[i + 1], "am") || eq(words[i + 1], "pm") || eq(words[i + 1], "a.m") ||
	     eq(words[i + 1], "p.m") || eq(words[i + 1], "a.m.") || eq(words[i + 1], "p.m.") ||
	     eq(words[i + 1], "gmt") || eq(words[i + 1], "bst") || eq(words[i + 1], "et")))
		return 2;
	if (strchr(w, ':') && k >= 4)
		return 1;
	return 0;
}

static dyad_status push(vec *out, size_t a, size_t b, int kind, int grain, int32_t date,
                        double weight, const char *rule)
{
	timex *t = vec_push(out, 1);
	if (!t)
		return DYAD_ENOMEM;
	memset(t, 0, sizeof *t);
	t->a = (uint32_t)a;
	t->b = (uint32_t)b;
	t->kind = (uint8_t)kind;
	t->grain = (uint8_t)grain;
	t->date = date;
	t->weight = weight;
	t->rule = rule;
	return DYAD_OK;
}

/* The latest day-month on or before date (the previous year's when it is later). */
static int32_t latest_day(int32_t date, int m, int d)
{
	int y, mm, dd;
	ymd(date, &y, &mm, &dd);
	int32_t t = timex_days(y, m, d);
	if (t != INT32_MIN && t > date)
		t = timex_days(y - 1, m, d);
	return t;
}

/* Modifiers kept in the answer: "late Thursday", "at around 6am", "early on Monday". */
static size_t extend_left(const char *const *words, size_t i, size_t floor)
{
	static const char *const mods[] = {"late", "early", "on", "at", "around", "about",
	                                   "just", "after", "before", "since", "until", "by",
	                                   "shortly", "approximately", "last", "this", "next",
	                                   "in", "from", "during", "the", "of", "hours", "morning",
	                                   "evening", "night", "afternoon", NULL};
	while (i > floor && words[i - 1]) {
		bool found = false;
		for (int k = 0; mods[k]; k++)
			if (!strcmp(words[i - 1], mods[k]))
				found = true;
		if (!found)
			break;
		i--;
	}
	return i;
}

/* Whether words[a..b) only join two parts of one expression: "11am local time on Sunday",
 * "Sunday, Nov. 13", "Nov 9, 2016 at 1:57am". */
static bool joiners_only(const char *const *words, const char *punct, size_t a, size_t b)
{
	if (b - a > 3)
		return false;
	for (size_t i = a; i < b; i++) {
		if (!words[i] && punct && punct[i] == ',')
			continue;
		if (!(eq(words[i], "on") || eq(words[i], "at") || eq(words[i], "local") ||
		      eq(words[i], "time") || eq(words[i], "gmt") || eq(words[i], "et")))
			return false;
	}
	return true;
}

/* Merges each time of day with a date next to it, and a weekday with the date after it,
 * into one expression dated by its finer date part. */
static void merge_adjacent(const char *const *words, const char *punct, vec *out, size_t first)
{
	size_t w = first;
	for (size_t r = first; r < out->len; r++) {
		timex *t = &VEC_AT(*out, timex, r);
		if (w > first) {
			timex *p = &VEC_AT(*out, timex, w - 1);
			if (p->kind != TIMEX_DURATION && t->kind != TIMEX_DURATION &&
			    !(p->kind == TIMEX_TIME && t->kind == TIMEX_TIME) &&
			    joiners_only(words, punct, p->b, t->a)) {
				bool take_t = p->kind == TIMEX_TIME ||
				              (t->kind == TIMEX_DATE && t->grain == GRAIN_DAY &&
				               t->rule && !strcmp(t->rule, "explicit date"));
				if (take_t) {
					p->date = t->date;
					p->grain = t->grain;
					p->rule = t->rule;
				}
				p->kind = TIMEX_DATE;
				p->b = t->b;
				p->weight = p->weight > t->weight ? p->weight : t->weight;
				continue;
			}
		}
		VEC_AT(*out, timex, w++) = *t;
	}
	out->len = w;
}

dyad_status timex_find(const char *const *words, const char *punct, size_t n, int32_t date,
                       vec *out)
{
	size_t first = out->len;
	int y0, m0, d0;
	ymd(date, &y0, &m0, &d0);
	size_t floor = 0;
	for (size_t i = 0; i < n; i++) {
		const char *w = words[i];
		if (!w)
			continue;
		size_t before = out->len;
		dyad_status st = DYAD_OK;
		int wd = find_in(w, weekdays, 7);
		int m = month_at(words, n, i);
		size_t c = clock_at(words, n, i);
		if (wd >= 0) {
			bool last = i > 0 && eq(words[i - 1], "last");
			bool next = i > 0 && (eq(words[i - 1], "next") || eq(words[i - 1], "coming"));
			int back = (weekday_of(date) - wd + 7) % 7;
			int32_t t = date - back;
			const char *rule = "weekday: the latest such day on or before the article date";
			if (last && back == 0) {
				t -= 7;
				rule = "last weekday: the latest such day before the article date";
			}
			if (next) {
				t = date + ((wd - weekday_of(date) + 7) % 7 ? (wd - weekday_of(date) + 7) % 7 : 7);
				rule = "next weekday: the first such day after the article date";
			}
			size_t b = i + 1;
			if (b < n && (eq(words[b], "night") || eq(words[b], "morning") ||
			              eq(words[b], "afternoon") || eq(words[b], "evening")))
				b++;
			st = push(out, extend_left(words, i, floor), b, TIMEX_DATE, GRAIN_DAY, t, 1.0,
			          rule);
			i = b - 1;
		} else if (eq(w, "yesterday") || eq(w, "today") || eq(w, "tonight") ||
		           eq(w, "tomorrow")) {
			int32_t t = eq(w, "yesterday") ? date - 1 : eq(w, "tomorrow") ? date + 1 : date;
			const char *rule = eq(w, "yesterday") ? "yesterday: the day before the article date"
			                   : eq(w, "tomorrow") ? "tomorrow: the day after the article date"
			                                       : "today: the article date";
			size_t b = i + 1;
			if (b < n && (eq(words[b], "morning") || eq(words[b], "afternoon") ||
			              eq(words[b], "evening")))
				b++;
			st = push(out, extend_left(words, i, floor), b, TIMEX_DATE, GRAIN_DAY, t, 0.9,
			          rule);
			i = b - 1;
		} else if ((eq(w, "last") || eq(w, "this")) && i + 1 < n &&
		           (eq(words[i + 1], "night") || eq(words[i + 1], "morning") ||
		            eq(words[i + 1], "afternoon") || eq(words[i + 1], "evening"))) {
			bool lastnight = eq(w, "last");
			st = push(out, extend_left(words, i, floor), i + 2, TIMEX_DATE, GRAIN_DAY,
			          lastnight ? date - 1 : date, 0.9,
			          lastnight ? "last night: the evening before the article date"
			                    : "this morning: the article date");
			i++;
		} else if ((eq(w, "last") || eq(w, "this") || eq(w, "next")) && i + 1 < n &&
		           (eq(words[i + 1], "week") || eq(words[i + 1], "month") ||
		            eq(words[i + 1], "year") || eq(words[i + 1], "weekend"))) {
			int dir = eq(w, "last") ? -1 : eq(w, "next") ? 1 : 0;
			const char *u = words[i + 1];
			int32_t t;
			int grain;
			const char *rule;
			if (eq(u, "week") || eq(u, "weekend")) {
				int32_t monday = date - (weekday_of(date) + 6) % 7;
				t = monday + 7 * dir;
				if (eq(u, "weekend"))
					t += 5;
				grain = GRAIN_WEEK;
				rule = dir < 0 ? "last week: the week before the article's week (its Monday)"
				               : "this or next week: the week of the article date or after";
			} else if (eq(u, "month")) {
				int yy = y0, mm = m0 + dir;
				if (mm < 1) {
					mm = 12;
					yy--;
				} else if (mm > 12) {
					mm = 1;
					yy++;
				}
				t = timex_days(yy, mm, 1);
				grain = GRAIN_MONTH;
				rule = "last, this or next month: counted from the article date";
			} else {
				t = timex_days(y0 + dir, 1, 1);
				grain = GRAIN_YEAR;
				rule = "last, this or next year: counted from the article date";
			}
			st = push(out, extend_left(words, i, floor), i + 2, TIMEX_DATE, grain, t, 0.7,
			          rule);
			i++;
		} else if (m >= 0) {
			size_t a = i, b = i + 1;
			if (b < n && !words[b] && punct && punct[b] == '.')
				b++;
			int d = b < n ? day_number(words[b]) : -1;
			int y = -1;
			if (d > 0) {
				b++;
			} else if (i > 0 && day_number(words[i - 1]) > 0) {
				d = day_number(words[i - 1]);
				a = i - 1;
				if (a > 0 && eq(words[a - 1], "the"))
					a--;
			}
			size_t yb = b;
			if (yb < n && !words[yb] && punct && punct[yb] == ',')
				yb++;
			if (yb < n && year_number(words[yb]) > 0) {
				y = year_number(words[yb]);
				b = yb + 1;
			}
			int32_t t;
			const char *rule;
			int grain = d > 0 ? GRAIN_DAY : GRAIN_MONTH;
			if (y > 0) {
				t = timex_days(y, m + 1, d > 0 ? d : 1);
				rule = "explicit date";
			} else if (d > 0) {
				t = latest_day(date, m + 1, d);
				rule = "day and month: the latest such day on or before the article date";
			} else {
				t = latest_day(date, m + 1, 1);
				rule = "month: the latest such month not after the article date";
			}
			st = push(out, extend_left(words, a, floor), b, TIMEX_DATE, grain, t,
			          d > 0 ? 1.0 : 0.5, rule);
			i = b - 1;
		} else if (year_number(w) > 0 && i > 0 &&
		           (eq(words[i - 1], "in") || eq(words[i - 1], "since") ||
		            eq(words[i - 1], "during"))) {
			bool since = eq(words[i - 1], "since"); /* the start of a period, seldom the event */
			st = push(out, i - 1, i + 1, TIMEX_DATE, GRAIN_YEAR,
			          timex_days(year_number(w), 1, 1), since ? 0.1 : 0.3, "explicit year");
		} else if (c > 0) {
			size_t a = i;
			if (i >= floor + 2 && !words[i - 1] && punct && punct[i - 1] == ':' &&
			    words[i - 2] && digits(words[i - 2], strlen(words[i - 2])) >= 0)
				a = i - 2; /* "11:30pm" */
			st = push(out, extend_left(words, a, floor), i + c, TIMEX_TIME, GRAIN_DAY, date,
			          0.8, "time of day: on the article date");
			i += c - 1;
		} else if (count_number(w) >= 0 && i + 1 < n) {
			size_t j = i + 1;
			if (j < n && (eq(words[j], "more") || eq(words[j], "full") || eq(words[j], "long")))
				j++;
			char letter = 0;
			int unit = j < n ? unit_of(words[j], &letter) : -1;
			bool age = j + 1 < n && (eq(words[j + 1], "old") || eq(words[j + 1], "-"));
			if (unit >= 0 && !age) {
				int k = count_number(w);
				if (unit == 7)
					k *= 10;
				if (unit == 8)
					k *= 100;
				if (j + 1 < n && eq(words[j + 1], "ago")) {
					int32_t t = date;
					int grain = GRAIN_DAY;
					if (letter == 'D')
						t = date - k;
					else if (letter == 'W' && unit == 4) {
						t = date - 7 * k;
						grain = GRAIN_WEEK;
					} else if (unit == 5) {
						int mm = m0 - k % 12, yy = y0 - k / 12;
						if (mm < 1) {
							mm += 12;
							yy--;
						}
						t = timex_days(yy, mm, 1);
						grain = GRAIN_MONTH;
					} else if (unit >= 6) {
						t = timex_days(y0 - k, 1, 1);
						grain = GRAIN_YEAR;
					}
					st = push(out, i, j + 2, TIMEX_DATE, grain, t, 0.6,
					          "ago: counted back from the article date");
					i = j + 1;
				} else {
					size_t b = j + 1;
					if (b + 1 < n && eq(words[b], "of") && words[b + 1])
						b += 2; /* "seven years of animosity" */
					st = push(out, i > 0 && (eq(words[i - 1], "for") || eq(words[i - 1], "after"))
					                   ? i - 1
					                   : i,
					          b, TIMEX_DURATION, GRAIN_NONE, INT32_MIN, 0.0,
					          "duration: an amount of time, not a date");
					timex *t = &VEC_AT(*out, timex, out->len - 1);
					if (st == DYAD_OK) {
						bool time = letter == 'H' || unit == 0 || unit == 1;
						snprintf(t->value, sizeof t->value, "P%s%d%c", time ? "T" : "", k,
						         letter);
					}
					i = b - 1;
				}
			}
		}
		if (st != DYAD_OK)
			return st;
		if (out->len > before)
			floor = VEC_AT(*out, timex, out->len - 1).b;
	}
	merge_adjacent(words, punct, out, first);
	return DYAD_OK;
}
