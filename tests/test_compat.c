/* test_compat.c - unit tests of the TABARI and PETRARCH dictionary translators, the config
 * reader and `dyad validate` on the fixtures in tests/fixtures/compat. */
#include "dyad.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define FX "tests/fixtures/compat/"

/* Everything written to f, as a NUL-terminated string the caller frees. */
static char *contents(FILE *f)
{
	long n = ftell(f);
	assert_true(n >= 0);
	char *s = calloc(1, (size_t)n + 1);
	assert_non_null(s);
	rewind(f);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	return s;
}

static void test_bad_lines_golden(void **state)
{
	(void)state;
	const char *actors[] = {FX "n_bad.actors.txt"};
	dyad_compat_files f = {
	    .verbs = FX "n_bad.verbs.txt", .actors = actors, .nactors = 1, .agents = FX "n_bad.agents.txt"};
	FILE *rep = tmpfile();
	assert_non_null(rep);
	dyad_dict *d = NULL;
	dyad_error err;
	size_t nerrors = 0;
	/* Bad lines are reported and skipped; the rest loads. */
	assert_int_equal(dyad_compat_load(&f, rep, &d, &err, &nerrors), DYAD_OK);
	assert_non_null(d);
	char *got = contents(rep);
	assert_string_equal(
	    got,
	    FX "n_bad.actors.txt:1: code line without an actor\n"
	    FX "n_bad.actors.txt:2: synonym without an actor\n"
	    FX "n_bad.actors.txt:5: bad date restriction '19991345' (want <D, >D or D1-D2)\n"
	    FX "n_bad.actors.txt:6: bad date range '20200101-20100101' (want D1-D2)\n"
	    FX "n_bad.actors.txt:7: bad actor code 'A$B'\n"
	    FX "n_bad.actors.txt:8: '[' without ']'\n"
	    FX "n_bad.agents.txt:1: agent code 'GOV' wants ~ before or after it\n"
	    FX "n_bad.agents.txt:2: bad substitution set (want !NAME! = A, B)\n"
	    FX "n_bad.agents.txt:3: agent without a [CODE]\n"
	    FX "n_bad.agents.txt:4: unknown substitution set in 'CLERK!NOSUCH!'\n"
	    FX "n_bad.verbs.txt:7: bad event code 'abc'\n"
	    FX "n_bad.verbs.txt:8: unknown synset '&NOSUCH'\n"
	    FX "n_bad.verbs.txt:9: pattern cannot be expressed (no '*', or more than 24 words)\n"
	    FX "n_bad.verbs.txt:11: '[' without ']'\n"
	    FX "n_bad.verbs.txt:12: bad event code '4x'\n"
	    FX "n_bad.verbs.txt:14: bad paired event code 'zz'\n");
	assert_int_equal(nerrors, 16);
	free(got);
	fclose(rep);
	/* What did load still codes, with provenance in the foreign file. */
	dyad_coder *c = NULL;
	assert_int_equal(dyad_coder_new(d, NULL, &c), DYAD_OK);
	const char *text = "Goodland met Goodlanders at the capital.";
	dyad_doc doc = {"t", dyad_date_parse("2020-01-01", 10), NULL, 0, text, strlen(text),
	                NULL, 0, 0};
	assert_int_equal(dyad_coder_code(c, &doc, NULL), DYAD_OK);
	assert_int_equal(dyad_coder_actor_count(c), 2);
	assert_string_equal(dyad_coder_actor(c, 0)->code, "GDL");
	assert_string_equal(dyad_coder_actor(c, 0)->entry, FX "n_bad.actors.txt:3");
	dyad_coder_free(c);
	dyad_dict_free(d);
}

static void test_missing_file(void **state)
{
	(void)state;
	dyad_compat_files f = {.verbs = FX "no-such.verbs"};
	dyad_dict *d = NULL;
	dyad_error err;
	assert_int_equal(dyad_compat_load(&f, NULL, &d, &err, NULL), DYAD_EIO);
	assert_null(d);
	assert_string_equal(err.file, FX "no-such.verbs");
}

/* Codes text on date with the PETRARCH fixture dictionaries; returns "SRC TGT CODE;..." */
static void code_one(const char *text, const char *date, char *out, size_t cap)
{
	const char *actors[] = {FX "y_petrarch.actors.txt"};
	dyad_compat_files f = {.verbs = FX "y_petrarch.verbs.txt",
	                       .actors = actors,
	                       .nactors = 1,
	                       .agents = FX "y_petrarch.agents.txt",
	                       .discards = FX "y_petrarch.discards.txt"};
	dyad_dict *d = NULL;
	size_t nerrors = 1;
	assert_int_equal(dyad_compat_load(&f, stderr, &d, NULL, &nerrors), DYAD_OK);
	assert_int_equal(nerrors, 0);
	dyad_coder *c = NULL;
	assert_int_equal(dyad_coder_new(d, NULL, &c), DYAD_OK);
	dyad_doc doc = {"t", dyad_date_parse(date, 10), NULL, 0, text, strlen(text), NULL, 0, 0};
	assert_int_equal(dyad_coder_code(c, &doc, NULL), DYAD_OK);
	size_t k = 0;
	out[0] = 0;
	for (size_t i = 0; i < dyad_coder_event_count(c); i++) {
		const dyad_event *e = dyad_coder_event(c, i);
		int n = snprintf(out + k, cap - k, "%s%s %s %s", i ? ";" : "", e->source, e->target,
		                 e->code);
		assert_true(n > 0 && (size_t)n < cap - k);
		k += (size_t)n;
	}
	dyad_coder_free(c);
	dyad_dict_free(d);
}

static void test_dated_codes(void **state)
{
	(void)state;
	char got[256];
	code_one("Rufus Firefly condemned Sylvania.", "1920-05-01", got, sizeof got);
	assert_string_equal(got, "FRD SYL 122");
	code_one("Rufus Firefly condemned Sylvania.", "1933-01-01", got, sizeof got);
	assert_string_equal(got, "FRDGOV SYL 122");
	code_one("Rufus Firefly condemned Sylvania.", "1934-12-31", got, sizeof got);
	assert_string_equal(got, "FRDGOV SYL 122");
	code_one("Rufus Firefly condemned Sylvania.", "1935-01-01", got, sizeof got);
	assert_string_equal(got, "FRDOPP SYL 122");
}

static void test_agents_paired_and_discards(void **state)
{
	(void)state;
	char got[256];
	code_one("The Sylvanian air force attacked Freedonia.", "2020-01-01", got, sizeof got);
	assert_string_equal(got, "SYLMIL FRD 190");
	code_one("Sylvania visited Freedonia.", "2020-01-01", got, sizeof got);
	assert_string_equal(got, "SYL FRD 032;FRD SYL 033");
	/* A null pattern (`- NOT * [---]`) codes nothing; a determiner makes a verb a noun. */
	code_one("Freedonia condemned a Sylvanian visit.", "2020-01-01", got, sizeof got);
	assert_string_equal(got, "FRD SYL 122");
}

/* PETRARCH-2's [active:passive] codes and `+` in multi-word verbs. */
static void test_petrarch2_passive(void **state)
{
	(void)state;
	const char *actors[] = {FX "y_petrarch.actors.txt"};
	dyad_compat_files f = {.verbs = FX "y_petrarch2.verbs.txt", .actors = actors, .nactors = 1};
	dyad_dict *d = NULL;
	size_t nerrors = 1;
	assert_int_equal(dyad_compat_load(&f, stderr, &d, NULL, &nerrors), DYAD_OK);
	assert_int_equal(nerrors, 0);
	dyad_coder *c = NULL;
	assert_int_equal(dyad_coder_new(d, NULL, &c), DYAD_OK);
	static const struct {
		const char *text, *want;
	} cases[] = {
	    {"Freedonia censured Sylvania.", "FRD SYL 111"},
	    /* PETRARCH-2 codes a passive with the active code; [:B] alone is B, either voice. */
	    {"Sylvania was censured by Freedonia.", "FRD SYL 111"},
	    {"Freedonia criticized the Sylvanian ambassador.", "FRD SYL 1121"},
	    {"Freedonia locked up Sylvania.", ""},
	    {"Sylvania was locked up by Freedonia.", "FRD SYL 173"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		dyad_doc doc = {"t", dyad_date_parse("2020-01-01", 10), NULL, 0, cases[i].text,
		                strlen(cases[i].text), NULL, 0, 0};
		assert_int_equal(dyad_coder_code(c, &doc, NULL), DYAD_OK);
		char got[64] = "";
		if (dyad_coder_event_count(c)) {
			const dyad_event *e = dyad_coder_event(c, 0);
			snprintf(got, sizeof got, "%s %s %s", e->source, e->target, e->code);
		}
		assert_string_equal(got, cases[i].want);
		assert_true(dyad_coder_event_count(c) <= 1);
	}
	dyad_coder_free(c);
	dyad_dict_free(d);
}

static void test_validate_petrarch(void **state)
{
	(void)state;
	dyad_validate_options opt;
	memset(&opt, 0, sizeof opt);
	dyad_validate_summary sum;
	assert_int_equal(dyad_validate(FX "y_petrarch.records.xml", &opt, &sum, NULL), DYAD_OK);
	assert_int_equal(sum.passed, 25);
	assert_int_equal(sum.failed, 0);
	assert_int_equal(sum.skipped, 1);
}

static void test_validate_tabari(void **state)
{
	(void)state;
	dyad_validate_options opt;
	memset(&opt, 0, sizeof opt);
	dyad_validate_summary sum;
	assert_int_equal(dyad_validate(FX "y_tabari.project", &opt, &sum, NULL), DYAD_OK);
	assert_int_equal(sum.passed, 56);
	assert_int_equal(sum.failed, 0);
	assert_int_equal(sum.skipped, 14); /* the option records */
}

static void test_validate_failure_lines(void **state)
{
	(void)state;
	FILE *out = tmpfile();
	assert_non_null(out);
	dyad_validate_options opt;
	memset(&opt, 0, sizeof opt);
	opt.out = out;
	/* The TABARI verbs with the PETRARCH records: other codes, so records fail. */
	opt.dicts.verbs = FX "y_tabari.verbs";
	dyad_validate_summary sum;
	assert_int_equal(dyad_validate(FX "y_petrarch.records.xml", &opt, &sum, NULL), DYAD_OK);
	assert_true(sum.failed > 0);
	char *got = contents(out);
	assert_non_null(strstr(got, "BASIC-01 BASIC: expected FRD/SYL/064; produced (none)\n"));
	free(got);
	fclose(out);
}

static void test_config(void **state)
{
	(void)state;
	dyad_compat_config cfg;
	assert_int_equal(dyad_compat_read_config(FX "y_petrarch.ini", &cfg, NULL), DYAD_OK);
	assert_string_equal(cfg.verbs, FX "y_petrarch.verbs.txt");
	assert_int_equal(cfg.nactors, 1);
	assert_string_equal(cfg.actors[0], FX "y_petrarch.actors.txt");
	assert_string_equal(cfg.agents, FX "y_petrarch.agents.txt");
	assert_string_equal(cfg.discards, FX "y_petrarch.discards.txt");
	assert_int_equal(dyad_compat_read_config(FX "no-such.ini", &cfg, NULL), DYAD_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bad_lines_golden),
	    cmocka_unit_test(test_missing_file),
	    cmocka_unit_test(test_dated_codes),
	    cmocka_unit_test(test_agents_paired_and_discards),
	    cmocka_unit_test(test_petrarch2_passive),
	    cmocka_unit_test(test_validate_petrarch),
	    cmocka_unit_test(test_validate_tabari),
	    cmocka_unit_test(test_validate_failure_lines),
	    cmocka_unit_test(test_config),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
