/* test_dict.c - unit tests of the dictionary loader: valid dictionaries, the codebook, and the
 * golden diagnostics of every bad fixture in tests/fixtures/dict (run from the repository
 * root). Fixture names say the verdict: y_ loads, n_ is rejected. */
#include "dyad.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#define FIXTURES "tests/fixtures/dict/"

/* ---------------------------------------------------------------- helpers */

/* A report stream in memory; report_text closes it and returns the text (caller frees). */
typedef struct report {
	FILE *f;
	char *text;
	size_t len;
} report;

static void report_open(report *r)
{
	r->text = NULL;
	r->len = 0;
	r->f = open_memstream(&r->text, &r->len);
	assert_non_null(r->f);
}

static char *report_text(report *r)
{
	assert_int_equal(fclose(r->f), 0);
	assert_non_null(r->text);
	return r->text;
}

static dyad_dict *load_text(const char *name, const char *text)
{
	const char *names[1] = {name};
	const char *texts[1] = {text};
	size_t lens[1] = {strlen(text)};
	dyad_dict *d = NULL;
	dyad_error err;

	assert_int_equal(dyad_dict_load_buffers(1, names, texts, lens, NULL, &d, &err), DYAD_OK);
	assert_non_null(d);
	return d;
}

/* ---------------------------------------------------------------- valid dictionaries */

static const char small_actors[] =
    "country IRN Iran; Islamic Republic of Iran\n"
    "  name Persia\n"
    "  adj Iranian; Iranians\n"
    "  gov Tehran\n"
    "country ISR Israel\n"
    "  adj Israeli; Israelis\n"
    "person Ebrahim Raisi; Raisi\n"
    "  base IRNJUD\n"
    "  role IRNGOV 2021-08-03 2024-05-19\n"
    "org IGOUNO United Nations; UN\n"
    "agent MIL military; soldier\n"
    "discard Attack on Titan\n";

static const char small_codes[] =
    "code 04 1.0 CONSULT Consult\n"
    "code 040 1.0 CONSULT Consult, not specified\n"
    "code 19 -10.0 ASSAULT Fight\n"
    "code 190 -10.0 ASSAULT Use conventional military force\n"
    "verb 040 MEET; HOLD * talks with +\n"
    "noun 190 air strike\n"
    "inflect meet meets; met; meeting\n"
    "inflect hold holds; held; holding\n";

static void test_buffers_stats(void **state)
{
	const char *names[2] = {"actors.txt", "codes.txt"};
	const char *texts[2] = {small_actors, small_codes};
	size_t lens[2] = {sizeof small_actors - 1, sizeof small_codes - 1};
	dyad_dict *d = NULL, *empty;
	dyad_dict_stats st, es;
	report r;

	(void)state;
	report_open(&r);
	assert_int_equal(dyad_dict_load_buffers(2, names, texts, lens, r.f, &d, NULL), DYAD_OK);
	assert_string_equal(report_text(&r), "");
	free(r.text);
	assert_non_null(d);
	dyad_dict_get_stats(d, &st);
	assert_int_equal(st.codes, 4);
	assert_int_equal(st.countries, 2);
	assert_int_equal(st.persons, 1);
	assert_int_equal(st.roles, 1);
	assert_int_equal(st.orgs, 1);
	assert_int_equal(st.agents, 1);
	/* Iran, Islamic Republic of Iran, Persia, Iranian, Iranians, Tehran, Israel, Israeli,
	 * Israelis, Ebrahim Raisi, Raisi, United Nations, UN, military, militaries, soldier,
	 * soldiers (agent nouns get their regular plural). */
	assert_int_equal(st.phrases, 17);
	assert_int_equal(st.verb_patterns, 2);
	assert_int_equal(st.noun_patterns, 1);
	assert_int_equal(st.inflections, 2);
	assert_int_equal(st.discards, 1);
	/* The vocabulary holds more than the function words every dictionary has. */
	empty = load_text("empty.txt", "# nothing\n");
	dyad_dict_get_stats(empty, &es);
	assert_int_equal(es.codes + es.countries + es.persons + es.roles + es.orgs + es.agents +
	                     es.phrases + es.verb_patterns + es.noun_patterns + es.inflections +
	                     es.discards,
	                 0);
	assert_true(es.words > 50);
	assert_true(st.words > es.words + 20);
	dyad_dict_free(empty);
	dyad_dict_free(d);
}

static void test_code_lookup(void **state)
{
	static const char codes[] =
	    "code 01 0.0 - Make a public statement\n"
	    "code 051 3.4 COOPERATE Praise or endorse\n"
	    "code 0511 3.5 COOPERATE Praise warmly\n"
	    "code 06 6.0 COOPERATE Engage in material cooperation\n"
	    "code 08 5.0 CONCEDE Yield\n"
	    "code 09 -2.0 INVESTIGATE Investigate\n"
	    "code 138 -7.0 THREATEN Threaten with military force\n"
	    "code 14 -6.5 PROTEST Protest\n"
	    "code 204 -10 ASSAULT Use weapons of mass destruction\n";
	static const struct {
		const char *code, *name, *plover;
		double goldstein;
		int quad;
	} want[] = {
	    {"01", "Make a public statement", "-", 0.0, 1},
	    {"051", "Praise or endorse", "COOPERATE", 3.4, 1},
	    {"0511", "Praise warmly", "COOPERATE", 3.5, 1},
	    {"06", "Engage in material cooperation", "COOPERATE", 6.0, 2},
	    {"08", "Yield", "CONCEDE", 5.0, 2},
	    {"09", "Investigate", "INVESTIGATE", -2.0, 3},
	    {"138", "Threaten with military force", "THREATEN", -7.0, 3},
	    {"14", "Protest", "PROTEST", -6.5, 4},
	    {"204", "Use weapons of mass destruction", "ASSAULT", -10.0, 4},
	};
	dyad_dict *d = load_text("codes.txt", codes);

	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const dyad_code_info *c = dyad_dict_code(d, want[i].code);

		assert_non_null(c);
		assert_string_equal(c->code, want[i].code);
		assert_string_equal(c->name, want[i].name);
		assert_string_equal(c->plover, want[i].plover);
		assert_true(c->goldstein == want[i].goldstein);
		assert_int_equal(c->quad, want[i].quad);
	}
	assert_null(dyad_dict_code(d, "05"));
	assert_null(dyad_dict_code(d, "0512"));
	assert_null(dyad_dict_code(d, "1380"));
	assert_null(dyad_dict_code(d, ""));
	assert_null(dyad_dict_code(d, NULL));
	assert_null(dyad_dict_code(NULL, "01"));
	dyad_dict_free(d);
}

/* `set NAME MEMBER; ...` and `&NAME` in patterns: each member, a `word~` member also in the
 * plural; a phrase not in the set does not match. */
static void test_sets(void **state)
{
	static const char text[] =
	    "code 19 -10.0 ASSAULT Fight\n"
	    "code 194 -10.0 ASSAULT Fight with artillery and tanks\n"
	    "country ISR Israel\n"
	    "country PSE Gaza\n"
	    "verb 194 FIRE * &HEAVY at +\n"
	    "set HEAVY rocket~; artillery; mortar shell~\n"
	    "inflect fire fires; fired; firing\n";
	static const struct {
		const char *text;
		int events;
	} cases[] = {
	    {"Israel fired rockets at Gaza.", 1},   {"Israel fired a rocket at Gaza.", 1},
	    {"Israel fired artillery at Gaza.", 1}, {"Israel fired mortar shells at Gaza.", 1},
	    {"Israel fired stones at Gaza.", 0},    {"Israel fired artilleries at Gaza.", 0},
	};
	dyad_dict *d = load_text("sets.txt", text);
	dyad_coder *c = NULL;

	(void)state;
	assert_int_equal(dyad_coder_new(d, NULL, &c), DYAD_OK);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		dyad_doc doc = {.id = "t", .date = 19000, .text = cases[i].text,
		                .text_len = strlen(cases[i].text)};
		assert_int_equal(dyad_coder_code(c, &doc, NULL), DYAD_OK);
		assert_int_equal(dyad_coder_event_count(c), (size_t)cases[i].events);
		if (cases[i].events)
			assert_string_equal(dyad_coder_event(c, 0)->code, "194");
	}
	dyad_coder_free(c);
	dyad_dict_free(d);
}

/* Every code of the built-in codebook, found by trying every possible code string. */
static void test_defaults(void **state)
{
	dyad_dict *d = NULL;
	dyad_dict_stats st;
	dyad_error err;
	const dyad_code_info *c;
	size_t found = 0;
	report r;

	(void)state;
	report_open(&r);
	assert_int_equal(dyad_dict_load(NULL, r.f, &d, &err), DYAD_OK);
	assert_string_equal(report_text(&r), "");
	free(r.text);
	assert_non_null(d);
	dyad_dict_get_stats(d, &st);
	assert_true(st.codes >= 300);
	assert_true(st.countries >= 200);
	for (int root = 1; root <= 20; root++) {
		int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;

		for (int sub = -1; sub < 110; sub++) {
			char code[32];

			if (sub < 0)
				snprintf(code, sizeof code, "%02d", root);
			else if (sub < 10)
				snprintf(code, sizeof code, "%02d%d", root, sub);
			else
				snprintf(code, sizeof code, "%02d%02d", root, sub - 10);
			c = dyad_dict_code(d, code);
			if (!c)
				continue;
			found++;
			assert_string_equal(c->code, code);
			assert_int_equal(c->quad, quad);
			assert_true(c->goldstein >= -10 && c->goldstein <= 10);
			assert_non_null(c->plover);
			assert_true(c->name[0] != 0);
		}
		/* Every root is in the codebook. */
		{
			char code[32];

			snprintf(code, sizeof code, "%02d", root);
			assert_non_null(dyad_dict_code(d, code));
		}
	}
	assert_int_equal(found, st.codes);
	c = dyad_dict_code(d, "041");
	assert_non_null(c);
	assert_string_equal(c->name, "Discuss by telephone");
	assert_string_equal(c->plover, "CONSULT");
	assert_true(c->goldstein == 1.0);
	assert_int_equal(c->quad, 1);
	c = dyad_dict_code(d, "195");
	assert_non_null(c);
	assert_string_equal(c->plover, "ASSAULT");
	assert_true(c->goldstein == -10.0);
	assert_int_equal(c->quad, 4);
	dyad_dict_free(d);
}

/* ---------------------------------------------------------------- golden diagnostics */

typedef struct bad_case {
	const char *dir;     /* under FIXTURES */
	long line;           /* err->line: the first error */
	const char *file;    /* err->file: its file, under the fixture directory */
	const char *report;  /* the whole report, "%s" standing for the fixture directory */
} bad_case;

static const bad_case bad_cases[] = {
    {"n_unknown_entry", 3, "actors.txt", "%s/actors.txt:3: unknown entry 'countri'\n"},
    {"n_bad_cameo_code", 2, "codes.txt", "%s/codes.txt:2: bad CAMEO code '04a'\n"},
    {"n_goldstein_range", 2, "codes.txt",
     "%s/codes.txt:2: code 195: bad Goldstein value '-10.5'\n"},
    {"n_code_twice", 5, "codes.txt", "%s/codes.txt:5: code 041 defined twice\n"},
    {"n_verb_unknown_code", 3, "events.txt",
     "%s/events.txt:3: unknown CAMEO code '041' (no `code` line defines it)\n"},
    {"n_roles_overlap", 3, "people.txt",
     "%s/people.txt:3: role IRNGOV overlaps role IRNJUD\n"},
    {"n_roles_order", 3, "people.txt", "%s/people.txt:3: roles must be listed in date order\n"},
    {"n_role_backwards", 2, "people.txt", "%s/people.txt:2: role ends before it starts\n"},
    {"n_bad_date", 3, "people.txt",
     "%s/people.txt:3: bad date '2021-13-01' (want YYYY-MM-DD)\n"},
    {"n_indent_outside", 2, "actors.txt",
     "%s/actors.txt:2: indented line outside a country or person entry\n"},
    {"n_country_subline", 3, "actors.txt",
     "%s/actors.txt:3: unknown country line 'capital' (want name, adj or gov)\n"},
    {"n_empty_phrase", 1, "actors.txt", "%s/actors.txt:1: empty phrase in list\n"},
    {"n_pattern_star", 2, "events.txt",
     "%s/events.txt:2: pattern '* HOLD talks' is empty or starts or ends with '*'\n"},
    {"n_two_plus", 2, "events.txt", "%s/events.txt:2: pattern 'DETAIN + and +' has two '+'\n"},
    {"n_rules", 2, "codes.txt",
     "%s/codes.txt:2: unknown rule 'frobnicate'\n"
     "%s/codes.txt:3: rule ultimatum: too many codes\n"
     "%s/codes.txt:4: rule violent: bad code prefix '1x'\n"},
    {"n_sets", 2, "events.txt",
     "%s/events.txt:2: set wants NAME (capitals, digits, _) and members\n"
     "%s/events.txt:4: set WEAPON is already defined at %s/events.txt:3\n"
     "%s/events.txt:5: pattern 'FIRE * &WEAPONS at +': no set &WEAPONS\n"},
    /* Every error of every file is reported, one line each; patterns are checked after all
     * files are read, so their errors come last. */
    {"n_several_errors", 3, "actors.txt",
     "%s/actors.txt:3: unknown country line 'capital' (want name, adj or gov)\n"
     "%s/actors.txt:4: code 190 defined twice\n"
     "%s/actors.txt:6: unknown entry 'frobnicate'\n"
     "%s/people.txt:2: role wants CODE FROM TO\n"
     "%s/actors.txt:5: unknown CAMEO code '199' (no `code` line defines it)\n"},
};

#define NBAD (sizeof bad_cases / sizeof bad_cases[0])

/* The expected report: every "%s" replaced by dir. */
static char *expand(const char *tmpl, const char *dir)
{
	size_t cap = strlen(tmpl) * 2 + 16 * strlen(dir) + 1, k = 0;
	char *out = malloc(cap);

	assert_non_null(out);
	for (const char *p = tmpl; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			memcpy(out + k, dir, strlen(dir));
			k += strlen(dir);
			p++;
		} else {
			out[k++] = *p;
		}
		assert_true(k + strlen(dir) < cap);
	}
	out[k] = 0;
	return out;
}

static void check_bad(const bad_case *bc)
{
	char dir[256], file[512];
	char *want, *first;
	dyad_dict *d = NULL;
	dyad_error err;
	report r;

	snprintf(dir, sizeof dir, FIXTURES "%s", bc->dir);
	snprintf(file, sizeof file, "%s/%s", dir, bc->file);
	want = expand(bc->report, dir);
	memset(&err, 0x55, sizeof err);
	report_open(&r);
	assert_int_equal(dyad_dict_load(dir, r.f, &d, &err), DYAD_EPARSE);
	assert_string_equal(report_text(&r), want);
	assert_null(d);
	assert_string_equal(err.file, file);
	assert_int_equal(err.line, bc->line);
	/* err->message is the first report line without its "file:line: " prefix. */
	first = strchr(want, '\n');
	assert_non_null(first);
	*first = 0;
	first = strstr(want, ": ");
	assert_non_null(first);
	assert_string_equal(err.message, first + 2);
	free(want);
	free(r.text);
	/* Without a report or an error struct the status is the same. */
	assert_int_equal(dyad_dict_load(dir, NULL, &d, NULL), DYAD_EPARSE);
	assert_null(d);
}

static void test_golden_diagnostics(void **state)
{
	(void)state;
	for (size_t i = 0; i < NBAD; i++)
		check_bad(&bad_cases[i]);
}

/* Every n_ fixture has a golden report above and every y_ fixture loads cleanly. */
static void test_fixture_verdicts(void **state)
{
	DIR *dp = opendir(FIXTURES);
	struct dirent *de;
	size_t nyes = 0, nno = 0;

	(void)state;
	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL) {
		char dir[512];

		snprintf(dir, sizeof dir, FIXTURES "%s", de->d_name);
		if (strncmp(de->d_name, "n_", 2) == 0) {
			size_t i = 0;

			while (i < NBAD && strcmp(bad_cases[i].dir, de->d_name) != 0)
				i++;
			if (i == NBAD)
				fail_msg("fixture %s has no golden report", de->d_name);
			nno++;
		} else if (strncmp(de->d_name, "y_", 2) == 0) {
			dyad_dict *d = NULL;
			dyad_error err;
			report r;

			report_open(&r);
			assert_int_equal(dyad_dict_load(dir, r.f, &d, &err), DYAD_OK);
			assert_string_equal(report_text(&r), "");
			free(r.text);
			assert_non_null(d);
			dyad_dict_free(d);
			nyes++;
		}
	}
	closedir(dp);
	assert_int_equal(nno, NBAD);
	assert_true(nyes >= 3);
}

static void test_fixture_small(void **state)
{
	dyad_dict *d = NULL;
	dyad_dict_stats st;

	(void)state;
	assert_int_equal(dyad_dict_load(FIXTURES "y_small", NULL, &d, NULL), DYAD_OK);
	dyad_dict_get_stats(d, &st);
	/* The same dictionary as test_buffers_stats, read from two files. */
	assert_int_equal(st.codes, 4);
	assert_int_equal(st.countries, 2);
	assert_int_equal(st.persons, 1);
	assert_int_equal(st.roles, 1);
	assert_int_equal(st.phrases, 17);
	assert_int_equal(st.verb_patterns, 2);
	assert_int_equal(st.noun_patterns, 1);
	assert_int_equal(st.inflections, 2);
	assert_int_equal(st.discards, 1);
	dyad_dict_free(d);
	/* CRLF line endings, tabs, a trailing ';' and a comment inside an entry. */
	assert_int_equal(dyad_dict_load(FIXTURES "y_crlf_tabs", NULL, &d, NULL), DYAD_OK);
	dyad_dict_get_stats(d, &st);
	assert_int_equal(st.countries, 1);
	assert_int_equal(st.persons, 1);
	assert_int_equal(st.roles, 1);
	/* Saudi Arabia, Kingdom of Saudi Arabia, Saudi, Saudis, Riyadh, Mohammed bin Salman,
	 * MBS. */
	assert_int_equal(st.phrases, 7);
	dyad_dict_free(d);
}

static void test_buffers_diagnostics(void **state)
{
	static const char text[] =
	    "code 01 0.0 - Make a public statement\n"
	    "code 21 -1.0 - No such root\n"
	    "verb 01 SAY; ; STATE\n"
	    "  adj Iranian\n";
	const char *names[1] = {"inline"};
	const char *texts[1] = {text};
	size_t lens[1] = {sizeof text - 1};
	dyad_dict *d = NULL;
	dyad_error err;
	report r;

	(void)state;
	report_open(&r);
	assert_int_equal(dyad_dict_load_buffers(1, names, texts, lens, r.f, &d, &err),
	                 DYAD_EPARSE);
	assert_string_equal(report_text(&r),
	                    "inline:2: code 21: root must be 01 to 20\n"
	                    "inline:3: empty pattern in list\n"
	                    "inline:4: indented line outside a country or person entry\n");
	free(r.text);
	assert_null(d);
	assert_string_equal(err.file, "inline");
	assert_int_equal(err.line, 2);
	assert_string_equal(err.message, "code 21: root must be 01 to 20");
	assert_int_equal(dyad_dict_load_buffers(1, names, texts, lens, NULL, NULL, NULL),
	                 DYAD_EINVAL);
}

/* ---------------------------------------------------------------- directories */

static void test_missing_directory(void **state)
{
	const char *dir = FIXTURES "no_such_directory";
	dyad_dict *d = NULL;
	dyad_error err;
	report r;

	(void)state;
	report_open(&r);
	assert_int_equal(dyad_dict_load(dir, r.f, &d, &err), DYAD_EIO);
	assert_string_equal(report_text(&r), FIXTURES "no_such_directory: cannot open dictionary "
	                                              "directory: No such file or directory\n");
	free(r.text);
	assert_null(d);
	assert_string_equal(err.file, dir);
	assert_int_equal(err.line, 0);
	assert_string_equal(err.message,
	                    "cannot open dictionary directory: No such file or directory");
}

static void test_empty_directory(void **state)
{
	char dir[64], path[128], want[160];
	dyad_dict *d = NULL;
	dyad_error err;
	report r;
	FILE *f;

	(void)state;
	snprintf(dir, sizeof dir, "%s", "/tmp/dyad-dict-XXXXXX");
	assert_non_null(mkdtemp(dir));
	/* Files not named *.txt are not dictionaries. */
	snprintf(path, sizeof path, "%s/README", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("code 01 0.0 - Make a public statement\n", f);
	assert_int_equal(fclose(f), 0);
	report_open(&r);
	assert_int_equal(dyad_dict_load(dir, r.f, &d, &err), DYAD_ENOTFOUND);
	snprintf(want, sizeof want, "%s: no *.txt dictionary files\n", dir);
	assert_string_equal(report_text(&r), want);
	free(r.text);
	assert_null(d);
	assert_string_equal(err.file, dir);
	assert_string_equal(err.message, "no *.txt dictionary files");
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_buffers_stats),
	    cmocka_unit_test(test_code_lookup),
	    cmocka_unit_test(test_sets),
	    cmocka_unit_test(test_defaults),
	    cmocka_unit_test(test_golden_diagnostics),
	    cmocka_unit_test(test_fixture_verdicts),
	    cmocka_unit_test(test_fixture_small),
	    cmocka_unit_test(test_buffers_diagnostics),
	    cmocka_unit_test(test_missing_directory),
	    cmocka_unit_test(test_empty_directory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
