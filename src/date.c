/* date.c - strict YYYY-MM-DD dates as days since 1970-01-01 (proleptic Gregorian calendar). */
#include "dyad.h"

/* The day-number conversions are Howard Hinnant's days_from_civil / civil_from_days: exact for
 * every proleptic Gregorian date, with eras of 400 years (146097 days) so that leap years need
 * no special cases. */

static int is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int64_t y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && is_leap(y))
		return 29;
	return days[m - 1];
}

static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *year, int *month, int *day)
{
	int64_t era, doe, yoe, doy, mp, y;
	int m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*day = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*month = m;
	*year = y + (m <= 2);
}

/* Reads n decimal digits; -1 if any of them is not a digit. */
static int read_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int32_t dyad_date_parse(const char *text, size_t len)
{
	int y, m, d;

	if (text == NULL || len != 10 || text[4] != '-' || text[7] != '-')
		return INT32_MIN;
	y = read_digits(text, 4);
	m = read_digits(text + 5, 2);
	d = read_digits(text + 8, 2);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return INT32_MIN;
	return (int32_t)days_from_civil(y, m, d);
}

static void write_digits(char *out, int64_t v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Days outside years 0001-9999 (which dyad_date_parse never returns) give "0000-00-00". */
void dyad_date_format(int32_t days, char out[11])
{
	int64_t y;
	int m, d;

	civil_from_days(days, &y, &m, &d);
	if (y < 1 || y > 9999) {
		y = 0;
		m = 0;
		d = 0;
	}
	write_digits(out, y, 4);
	out[4] = '-';
	write_digits(out + 5, m, 2);
	out[7] = '-';
	write_digits(out + 8, d, 2);
	out[10] = '\0';
}
