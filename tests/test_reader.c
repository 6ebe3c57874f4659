/* test_reader.c - unit tests of dates and the document reader (run from the repository root). */
#include "dyad.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#define FIXTURES "tests/fixtures/reader/"
#define EXAMPLE "examples/raisi-mbs-2023-11-14.txt"

/* ---------------------------------------------------------------- helpers */

static int32_t date_of(const char *s)
{
	return dyad_date_parse(s, strlen(s));
}

static dyad_reader *reader_with(dyad_input_format format, const char *default_date,
                                const char *path)
{
	dyad_reader *r = NULL;

	assert_int_equal(dyad_reader_new(format, default_date, &r), DYAD_OK);
	assert_non_null(r);
	if (path != NULL)
		assert_int_equal(dyad_reader_add(r, path), DYAD_OK);
	return r;
}

static void assert_text(const dyad_doc *doc, const char *text)
{
	assert_int_equal(doc->text_len, strlen(text));
	assert_memory_equal(doc->text, text, doc->text_len);
}

static int starts_with(const char *s, size_t n, const char *prefix)
{
	size_t p = strlen(prefix);

	return n >= p && memcmp(s, prefix, p) == 0;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
	size_t p = strlen(suffix);

	return n >= p && memcmp(s + n - p, suffix, p) == 0;
}

static void expect_done(dyad_reader *r)
{
	dyad_doc doc;
	dyad_error err;

	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_DONE);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_DONE);
}

/* A temporary directory for files made by a test; remove_tree empties and removes it. */
static void make_temp_dir(char *dir, size_t size)
{
	snprintf(dir, size, "%s", "/tmp/dyad-reader-XXXXXX");
	assert_non_null(mkdtemp(dir));
}

static void path_in(char *out, size_t size, const char *dir, const char *name)
{
	int n = snprintf(out, size, "%s/%s", dir, name);

	assert_true(n > 0 && (size_t)n < size);
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char path[512];
	FILE *f;

	path_in(path, sizeof(path), dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void write_gzip(const char *dir, const char *name, const char *data, size_t len)
{
	char path[512];
	gzFile gz;

	path_in(path, sizeof(path), dir, name);
	gz = gzopen(path, "wb1");
	assert_non_null(gz);
	while (len > 0) {
		unsigned n = len > (1u << 20) ? (1u << 20) : (unsigned)len;

		assert_int_equal(gzwrite(gz, data, n), (int)n);
		data += n;
		len -= n;
	}
	assert_int_equal(gzclose(gz), Z_OK);
}

static void remove_in(const char *dir, const char *name, int is_dir)
{
	char path[512];

	path_in(path, sizeof(path), dir, name);
	assert_int_equal(is_dir ? rmdir(path) : unlink(path), 0);
}

static uint64_t file_size(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return (uint64_t)st.st_size;
}

/* ---------------------------------------------------------------- dates */

static void test_date_valid(void **state)
{
	char out[11];

	(void)state;
	assert_int_equal(date_of("1970-01-01"), 0);
	assert_int_equal(date_of("1970-01-02"), 1);
	assert_int_equal(date_of("1969-12-31"), -1);
	assert_int_equal(date_of("2000-03-01"), 11017);
	assert_int_equal(date_of("2023-11-14"), 19675);
	assert_int_equal(date_of("0001-01-01"), -719162);
	assert_int_equal(date_of("9999-12-31"), 2932896);
	dyad_date_format(19675, out);
	assert_string_equal(out, "2023-11-14");
	dyad_date_format(-719162, out);
	assert_string_equal(out, "0001-01-01");
	dyad_date_format(2932897, out);
	assert_string_equal(out, "0000-00-00");
	dyad_date_format(INT32_MIN, out);
	assert_string_equal(out, "0000-00-00");
	/* Only the first 10 bytes are read: the text need not be NUL-terminated. */
	assert_int_equal(dyad_date_parse("2023-11-14T10:00", 10), 19675);
}

static void test_date_leap_days(void **state)
{
	(void)state;
	assert_int_equal(date_of("2024-02-29") + 1, date_of("2024-03-01"));
	assert_int_equal(date_of("2000-02-29") + 1, date_of("2000-03-01"));
	assert_int_equal(date_of("2023-02-29"), INT32_MIN);
	assert_int_equal(date_of("1900-02-29"), INT32_MIN);
	assert_int_equal(date_of("2100-02-29"), INT32_MIN);
	assert_int_equal(date_of("2023-02-28") + 1, date_of("2023-03-01"));
}

static void test_date_bad_format(void **state)
{
	static const char *const bad[] = {
	    "",           "2023-11-1",  "2023-11-140", "2023/11/14", "2023-1-014", "23-11-2014",
	    "2023-13-01", "2023-00-10", "2023-11-00",  "2023-04-31", "2023-11-32", "0000-01-01",
	    "+023-11-14", " 023-11-14", "2023-11-1a",  "2023-11-14 ", "abcd-ef-gh",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(date_of(bad[i]), INT32_MIN);
	assert_int_equal(dyad_date_parse(NULL, 10), INT32_MIN);
}

static void test_date_round_trip(void **state)
{
	int32_t first = date_of("0001-01-01"), last = date_of("9999-12-31");
	char out[11];

	(void)state;
	for (int32_t d = first; d <= last; d++) {
		dyad_date_format(d, out);
		assert_int_equal(dyad_date_parse(out, 10), d);
	}
}

/* ---------------------------------------------------------------- plain articles */

static void test_example_file(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_AUTO, NULL, EXAMPLE);
	dyad_doc doc;
	dyad_error err;
	char file[8192];
	FILE *f;
	size_t n;

	(void)state;
	f = fopen(EXAMPLE, "rb");
	assert_non_null(f);
	n = fread(file, 1, sizeof(file), f);
	fclose(f);
	assert_true(n > 0 && n < sizeof(file));

	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, EXAMPLE);
	assert_string_equal(doc.source, EXAMPLE);
	assert_int_equal(doc.date, date_of("2023-11-14"));
	assert_null(doc.title);
	assert_int_equal(doc.line, 1);
	assert_true(starts_with(doc.text, doc.text_len, "In a groundbreaking"));
	assert_true(ends_with(doc.text, doc.text_len, "against civilians."));
	assert_int_equal(doc.text_offset, strlen(" date 2023-11-14 "));
	assert_memory_equal(file + doc.text_offset, doc.text, doc.text_len);
	/* What was cut is the heading and the white space before it. */
	assert_memory_equal(file + doc.text_offset + doc.text_len, "\n\nFAQ",
	                    n - doc.text_offset - doc.text_len);
	expect_done(r);
	dyad_reader_free(r);
}

static void test_date_own_line(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_AUTO, "2000-01-01", FIXTURES "y_date_own_line.txt");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_int_equal(doc.date, date_of("2023-11-14"));
	assert_text(&doc, "Iranian President Ebrahim Raisi spoke by telephone with Saudi Crown "
	                  "Prince\nMohammed bin Salman on Tuesday.");
	assert_int_equal(doc.text_offset, strlen("date 2023-11-14\n\n"));
	expect_done(r);
	dyad_reader_free(r);
}

static void test_bom_leading_space(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_AUTO, NULL, FIXTURES "y_bom_leap_day.txt");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_int_equal(doc.date, date_of("2024-02-29"));
	assert_text(&doc, "Leap day text.");
	assert_int_equal(doc.text_offset, strlen("\xef\xbb\xbf\n  date 2024-02-29   "));
	expect_done(r);
	dyad_reader_free(r);
}

static void test_no_date(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_AUTO, NULL, FIXTURES "n_no_date.txt");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EDATE);
	assert_string_equal(err.file, FIXTURES "n_no_date.txt");
	assert_string_equal(err.id, FIXTURES "n_no_date.txt");
	assert_int_equal(err.line, 1);
	assert_string_equal(err.message, "no date header (use --date)");
	expect_done(r);
	dyad_reader_free(r);

	r = reader_with(DYAD_INPUT_AUTO, "2023-03-10", FIXTURES "n_no_date.txt");
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_int_equal(doc.date, date_of("2023-03-10"));
	assert_text(&doc, "Saudi Arabia and Iran restored diplomatic ties in March.");
	assert_int_equal(doc.text_offset, 0);
	expect_done(r);
	dyad_reader_free(r);
}

static void test_bad_date_header(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_AUTO, "2023-03-10", FIXTURES "n_bad_date.txt");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	/* A header with an invalid date is an error even when a default date is given. */
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EDATE);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 6);
	assert_string_equal(err.message, "bad date '2023-02-29'");
	expect_done(r);
	dyad_reader_free(r);
}

static void test_bad_utf8_plain(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_AUTO, NULL, FIXTURES "n_bad_utf8.txt");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EUTF8);
	assert_string_equal(err.file, FIXTURES "n_bad_utf8.txt");
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 7);
	expect_done(r);
	dyad_reader_free(r);
}

static void test_trailing_headings(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_PLAIN, NULL, FIXTURES "y_wrapped_last_line.txt");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	assert_int_equal(dyad_reader_add(r, FIXTURES "y_heading_after_sentence.txt"), DYAD_OK);
	assert_int_equal(dyad_reader_add(r, FIXTURES "y_heading_not_cut.txt"), DYAD_OK);
	/* A short last line after an unfinished one ends a wrapped paragraph. */
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_text(&doc, "The two leaders agreed to meet\nagain next week");
	/* A heading right after a finished sentence is cut. */
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_text(&doc, "The two leaders talked by telephone.");
	/* A colon ends a sentence: the line is text. */
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_text(&doc, "The two leaders talked by telephone.\n\nWhat comes next for the region:");
	expect_done(r);
	dyad_reader_free(r);
}

static void test_missing_file_then_next(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_AUTO, NULL, FIXTURES "does-not-exist.txt");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	assert_int_equal(dyad_reader_add(r, FIXTURES "y_date_own_line.txt"), DYAD_OK);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EIO);
	assert_string_equal(err.file, FIXTURES "does-not-exist.txt");
	assert_non_null(strstr(err.message, "cannot open"));
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, FIXTURES "y_date_own_line.txt");
	expect_done(r);
	dyad_reader_free(r);
}

/* ---------------------------------------------------------------- JSON Lines */

static void expect_error(dyad_reader *r, dyad_status status, long line, const char *id)
{
	dyad_doc doc;
	dyad_error err;

	assert_int_equal(dyad_reader_next(r, &doc, &err), status);
	assert_string_equal(err.file, FIXTURES "records.jsonl");
	assert_int_equal(err.line, line);
	assert_string_equal(err.id, id);
	assert_true(err.message[0] != '\0');
}

static void test_jsonl_records(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_AUTO, "2000-01-01", FIXTURES "records.jsonl");
	int32_t day = date_of("2023-11-14");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "a1");
	assert_int_equal(doc.date, day);
	assert_text(&doc, "Raisi called bin Salman.");
	assert_null(doc.title);
	assert_int_equal(doc.line, 1);
	assert_string_equal(doc.source, FIXTURES "records.jsonl");
	assert_int_equal(doc.text_offset, 0);

	expect_error(r, DYAD_EJSON, 3, "");
	expect_error(r, DYAD_EDATE, 4, "no-date");
	expect_error(r, DYAD_EDATE, 5, "bad-date");
	expect_error(r, DYAD_ERECORD, 6, "no-text");

	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EUTF8);
	assert_int_equal(err.line, 7);
	assert_int_equal(err.column, 49);
	assert_string_equal(err.id, "bad-utf8");

	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "42");
	assert_int_equal(doc.date, day);
	assert_int_equal(doc.line, 8);
	assert_text(&doc, "Number id.");
	assert_int_equal(doc.title_len, strlen("A title"));
	assert_memory_equal(doc.title, "A title", doc.title_len);

	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, FIXTURES "records.jsonl:9");
	assert_int_equal(doc.date, day);
	assert_null(doc.title);
	assert_text(&doc, "No id.");

	/* The date part is taken as written, whatever the time zone. */
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, FIXTURES "records.jsonl:10");
	assert_int_equal(doc.date, day);
	assert_text(&doc, "Empty id.");

	expect_error(r, DYAD_ERECORD, 11, "text-num");
	expect_error(r, DYAD_EDATE, 12, "bad-time");

	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "esc");
	assert_text(&doc, "caf\xc3\xa9 \xf0\x9f\x98\x80");
	assert_int_equal(doc.title_len, strlen("T\xc3\xadtulo"));
	assert_memory_equal(doc.title, "T\xc3\xadtulo", doc.title_len);

	expect_error(r, DYAD_EJSON, 14, "");

	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "last");
	assert_int_equal(doc.line, 15);
	expect_done(r);
	dyad_reader_free(r);
}

static void test_jsonl_messages(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_JSONL, NULL, FIXTURES "records.jsonl");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EJSON);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EDATE);
	assert_string_equal(err.message, "missing date");
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EDATE);
	assert_string_equal(err.message, "bad date '2023-02-29'");
	dyad_reader_free(r);
}

static void test_iso_date_times(void **state)
{
	static const char *const good[] = {
	    "2023-11-14",         "2023-11-14T10:00:00Z",   "2023-11-14 10:00:00",
	    "2023-11-14T10:00",   "2023-11-14T23:59:60.123", "2023-11-14T10:00:00+02:00",
	    "2023-11-14t10:00-0500", "2023-11-14T10:00:00,5-05",
	};
	static const char *const bad[] = {
	    "2023-11-14T",          "2023-11-14T10",         "2023-11-14T24:00:00Z",
	    "2023-11-14T10:60",     "2023-11-14T10:00:00ZZ", "2023-11-14T10:00:00+2",
	    "2023-11-14X10:00",     "2023-11-14T10:00:00.",  "2023-02-29T10:00:00Z",
	    "2023-11-14T10:00:00+02:0", "2023-11-14 ",
	};
	char dir[64], line[256], data[4096];
	size_t used = 0;
	dyad_reader *r;
	dyad_doc doc;
	dyad_error err;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		int k = snprintf(data + used, sizeof(data) - used,
		                 "{\"id\":\"g%zu\",\"date\":\"%s\",\"text\":\"t\"}\n", i, good[i]);

		assert_true(k > 0 && (size_t)k < sizeof(data) - used);
		used += (size_t)k;
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int k = snprintf(data + used, sizeof(data) - used,
		                 "{\"id\":\"b%zu\",\"date\":\"%s\",\"text\":\"t\"}\n", i, bad[i]);

		assert_true(k > 0 && (size_t)k < sizeof(data) - used);
		used += (size_t)k;
	}
	make_temp_dir(dir, sizeof(dir));
	write_file(dir, "dates.jsonl", data, used);

	path_in(line, sizeof(line), dir, "dates.jsonl");
	r = reader_with(DYAD_INPUT_AUTO, NULL, line);
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
		assert_int_equal(doc.date, date_of("2023-11-14"));
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char id[16];

		snprintf(id, sizeof(id), "b%zu", i);
		assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EDATE);
		assert_string_equal(err.id, id);
	}
	expect_done(r);
	dyad_reader_free(r);
	remove_in(dir, "dates.jsonl", 0);
	assert_int_equal(rmdir(dir), 0);
}

static void test_forced_formats(void **state)
{
	dyad_reader *r = reader_with(DYAD_INPUT_PLAIN, NULL, FIXTURES "records.jsonl");
	dyad_doc doc;
	dyad_error err;

	(void)state;
	/* As one article the file fails on its first ill-formed byte. */
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EUTF8);
	assert_int_equal(err.line, 7);
	assert_int_equal(err.column, 49);
	expect_done(r);
	dyad_reader_free(r);

	r = reader_with(DYAD_INPUT_JSONL, NULL, FIXTURES "y_date_own_line.txt");
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EJSON);
	assert_int_equal(err.line, 1);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EJSON);
	assert_int_equal(err.line, 3);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EJSON);
	assert_int_equal(err.line, 4);
	expect_done(r);
	dyad_reader_free(r);
}

/* ---------------------------------------------------------------- gzip, directories */

static void test_gzip(void **state)
{
	static const char jsonl[] =
	    "{\"id\":\"z1\",\"date\":\"2023-11-14\",\"text\":\"Compressed one.\"}\n"
	    "{\"id\":\"z2\",\"date\":\"2023-11-15\",\"text\":\"Compressed two.\",\"title\":\"T\"}\n";
	static const char plain[] = "date 2023-11-14\nA compressed article.\n\nFAQ\n";
	char dir[64], p1[512], p2[512];
	dyad_reader *r;
	dyad_doc doc;
	dyad_error err;
	uint64_t done, total;

	(void)state;
	make_temp_dir(dir, sizeof(dir));
	write_gzip(dir, "a.jsonl.gz", jsonl, sizeof(jsonl) - 1);
	write_gzip(dir, "b.txt.gz", plain, sizeof(plain) - 1);
	path_in(p1, sizeof(p1), dir, "a.jsonl.gz");
	path_in(p2, sizeof(p2), dir, "b.txt.gz");

	r = reader_with(DYAD_INPUT_AUTO, NULL, p1);
	assert_int_equal(dyad_reader_add(r, p2), DYAD_OK);
	dyad_reader_progress(r, &done, &total);
	assert_int_equal(done, 0);
	assert_int_equal(total, file_size(p1) + file_size(p2));

	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "z1");
	assert_text(&doc, "Compressed one.");
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "z2");
	assert_int_equal(doc.date, date_of("2023-11-15"));
	assert_int_equal(doc.line, 2);
	assert_int_equal(doc.title_len, 1);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, p2);
	assert_text(&doc, "A compressed article.");
	assert_int_equal(doc.text_offset, strlen("date 2023-11-14\n"));
	expect_done(r);
	/* Compressed files count compressed bytes. */
	dyad_reader_progress(r, &done, &total);
	assert_int_equal(done, total);
	dyad_reader_free(r);

	remove_in(dir, "a.jsonl.gz", 0);
	remove_in(dir, "b.txt.gz", 0);
	assert_int_equal(rmdir(dir), 0);
}

static void test_truncated_gzip(void **state)
{
	char dir[64], path[512], *data;
	size_t n = 1u << 20;
	dyad_reader *r;
	dyad_doc doc;
	dyad_error err;

	(void)state;
	data = malloc(n);
	assert_non_null(data);
	memcpy(data, "date 2023-11-14\n", 16);
	for (size_t i = 16; i < n; i++)
		data[i] = (char)('a' + (i * 7919 % 26));
	make_temp_dir(dir, sizeof(dir));
	write_gzip(dir, "cut.txt.gz", data, n);
	free(data);
	path_in(path, sizeof(path), dir, "cut.txt.gz");
	assert_int_equal(truncate(path, (off_t)(file_size(path) / 2)), 0);

	r = reader_with(DYAD_INPUT_AUTO, NULL, path);
	assert_int_equal(dyad_reader_add(r, FIXTURES "y_date_own_line.txt"), DYAD_OK);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_EIO);
	assert_string_equal(err.file, path);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, FIXTURES "y_date_own_line.txt");
	expect_done(r);
	dyad_reader_free(r);
	remove_in(dir, "cut.txt.gz", 0);
	assert_int_equal(rmdir(dir), 0);
}

static void test_directory_walk(void **state)
{
	static const char *const expected[] = {"A.txt", "a/c/d.txt", "a/z.txt", "b.txt"};
	char dir[64], sub[512], want[512];
	dyad_reader *r;
	dyad_doc doc;
	dyad_error err;
	uint64_t done, total;
	static const char article[] = "date 2023-11-14\nText.\n";
	static const char records[] =
	    "{\"id\":\"r1\",\"date\":\"2023-11-14\",\"text\":\"One.\"}\n\n"
	    "{\"id\":\"r2\",\"date\":\"2023-11-14\",\"text\":\"Two.\"}\n";

	(void)state;
	make_temp_dir(dir, sizeof(dir));
	path_in(sub, sizeof(sub), dir, "a");
	assert_int_equal(mkdir(sub, 0700), 0);
	path_in(sub, sizeof(sub), dir, "a/c");
	assert_int_equal(mkdir(sub, 0700), 0);
	path_in(sub, sizeof(sub), dir, ".git");
	assert_int_equal(mkdir(sub, 0700), 0);
	write_file(dir, "b.txt", article, sizeof(article) - 1);
	write_file(dir, "A.txt", article, sizeof(article) - 1);
	write_file(dir, "a/z.txt", article, sizeof(article) - 1);
	write_file(dir, "a/c/d.txt", article, sizeof(article) - 1);
	write_file(dir, "c.jsonl", records, sizeof(records) - 1);
	write_file(dir, ".hidden.txt", "not read", 8);
	write_file(dir, ".git/e.txt", "not read", 8);

	r = reader_with(DYAD_INPUT_AUTO, NULL, dir);
	for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
		assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
		path_in(want, sizeof(want), dir, expected[i]);
		assert_string_equal(doc.id, want);
		assert_string_equal(doc.source, want);
		assert_text(&doc, "Text.");
	}
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "r1");
	path_in(want, sizeof(want), dir, "c.jsonl");
	assert_string_equal(doc.source, want);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "r2");
	assert_int_equal(doc.line, 3);
	expect_done(r);
	dyad_reader_progress(r, &done, &total);
	assert_int_equal(total, 4 * (sizeof(article) - 1) + sizeof(records) - 1);
	assert_int_equal(done, total);
	dyad_reader_free(r);

	remove_in(dir, "A.txt", 0);
	remove_in(dir, "b.txt", 0);
	remove_in(dir, "c.jsonl", 0);
	remove_in(dir, ".hidden.txt", 0);
	remove_in(dir, ".git/e.txt", 0);
	remove_in(dir, ".git", 1);
	remove_in(dir, "a/z.txt", 0);
	remove_in(dir, "a/c/d.txt", 0);
	remove_in(dir, "a/c", 1);
	remove_in(dir, "a", 1);
	assert_int_equal(rmdir(dir), 0);
}

/* A line longer than DYAD_MAX_DOC_BYTES is skipped, not held: the records after it are read. */
static void test_line_limit(void **state)
{
	static const char head[] = "{\"id\":\"ok1\",\"date\":\"2023-11-14\",\"text\":\"Before.\"}\n"
	                           "{\"id\":\"big\",\"date\":\"2023-11-14\",\"text\":\"";
	static const char tail[] = "\"}\n"
	                           "{\"id\":\"ok2\",\"date\":\"2023-11-14\",\"text\":\"After.\"}\n";
	size_t fill = (size_t)DYAD_MAX_DOC_BYTES + 10, n = sizeof(head) - 1 + fill + sizeof(tail) - 1;
	char dir[64], path[512], *data;
	dyad_reader *r;
	dyad_doc doc;
	dyad_error err;

	(void)state;
	data = malloc(n);
	assert_non_null(data);
	memcpy(data, head, sizeof(head) - 1);
	memset(data + sizeof(head) - 1, 'a', fill);
	memcpy(data + sizeof(head) - 1 + fill, tail, sizeof(tail) - 1);
	make_temp_dir(dir, sizeof(dir));
	write_gzip(dir, "big.jsonl.gz", data, n);
	write_gzip(dir, "big.txt.gz", data + sizeof(head) - 1, fill);
	free(data);

	path_in(path, sizeof(path), dir, "big.jsonl.gz");
	r = reader_with(DYAD_INPUT_AUTO, "2023-11-14", path);
	path_in(path, sizeof(path), dir, "big.txt.gz");
	assert_int_equal(dyad_reader_add(r, path), DYAD_OK);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "ok1");
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_ELIMIT);
	assert_int_equal(err.line, 2);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_OK);
	assert_string_equal(doc.id, "ok2");
	assert_int_equal(doc.line, 3);
	assert_int_equal(dyad_reader_next(r, &doc, &err), DYAD_ELIMIT);
	assert_string_equal(err.file, path);
	expect_done(r);
	dyad_reader_free(r);
	remove_in(dir, "big.jsonl.gz", 0);
	remove_in(dir, "big.txt.gz", 0);
	assert_int_equal(rmdir(dir), 0);
}

static void test_bad_arguments(void **state)
{
	dyad_reader *r = NULL;
	dyad_doc doc;

	(void)state;
	assert_int_equal(dyad_reader_new(DYAD_INPUT_AUTO, "2023-02-29", &r), DYAD_EDATE);
	assert_null(r);
	assert_int_equal(dyad_reader_new((dyad_input_format)7, NULL, &r), DYAD_EINVAL);
	assert_int_equal(dyad_reader_new(DYAD_INPUT_AUTO, NULL, NULL), DYAD_EINVAL);
	assert_int_equal(dyad_reader_add(NULL, "x"), DYAD_EINVAL);
	assert_int_equal(dyad_reader_next(NULL, &doc, NULL), DYAD_EINVAL);
	dyad_reader_free(NULL);

	/* err may be NULL, and an empty reader is done at once. */
	r = reader_with(DYAD_INPUT_AUTO, NULL, FIXTURES "n_no_date.txt");
	assert_int_equal(dyad_reader_next(r, &doc, NULL), DYAD_EDATE);
	assert_int_equal(dyad_reader_next(r, &doc, NULL), DYAD_DONE);
	dyad_reader_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_valid),
	    cmocka_unit_test(test_date_leap_days),
	    cmocka_unit_test(test_date_bad_format),
	    cmocka_unit_test(test_date_round_trip),
	    cmocka_unit_test(test_example_file),
	    cmocka_unit_test(test_date_own_line),
	    cmocka_unit_test(test_bom_leading_space),
	    cmocka_unit_test(test_no_date),
	    cmocka_unit_test(test_bad_date_header),
	    cmocka_unit_test(test_bad_utf8_plain),
	    cmocka_unit_test(test_trailing_headings),
	    cmocka_unit_test(test_missing_file_then_next),
	    cmocka_unit_test(test_jsonl_records),
	    cmocka_unit_test(test_jsonl_messages),
	    cmocka_unit_test(test_iso_date_times),
	    cmocka_unit_test(test_forced_formats),
	    cmocka_unit_test(test_gzip),
	    cmocka_unit_test(test_truncated_gzip),
	    cmocka_unit_test(test_directory_walk),
	    cmocka_unit_test(test_line_limit),
	    cmocka_unit_test(test_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
