/* test_coder.c - end-to-end checks of event coding through the public API, with a small
 * dictionary written inline: exact event sets (source, target, code, flags) and byte spans. */
#include "dyad.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define DICT_NAME "coder.txt"

static const char dict_text[] =
    "# codes\n"
    "code 01 0.0 - Make a public statement\n"
    "code 010 0.0 - Make a statement, not specified\n"
    "code 03 4.0 - Express intent to cooperate\n"
    "code 036 4.0 CONSULT Express intent to meet or negotiate\n"
    "code 04 1.0 CONSULT Consult\n"
    "code 040 1.0 CONSULT Consult, not specified\n"
    "code 042 1.9 CONSULT Make a visit\n"
    "code 11 -2.0 ACCUSE Disapprove\n"
    "code 112 -2.0 ACCUSE Accuse\n"
    "code 19 -10.0 ASSAULT Fight\n"
    "code 190 -10.0 ASSAULT Use conventional military force\n"
    "code 195 -10.0 ASSAULT Employ aerial weapons\n"
    "code 20 -10.0 ASSAULT Use unconventional mass violence\n"
    "code 200 -10.0 ASSAULT Use unconventional mass violence, not specified\n"
    "\n"
    "country IRN Iran\n"
    "  adj Iranian; Iranians\n"
    "  gov Tehran\n"
    "country ISR Israel\n"
    "  adj Israeli; Israelis\n"
    "country SAU Saudi Arabia\n"
    "  adj Saudi; Saudis\n"
    "  gov Riyadh\n"
    "country IRQ Iraq\n"
    "  adj Iraqi; Iraqis\n"
    "country USA United States; US; U.S.\n"
    "  adj American; Americans\n"
    "  gov Washington\n"
    "\n"
    "person Ebrahim Raisi; Raisi\n"
    "  base IRNJUD\n"
    "  role IRNGOV 2021-08-03 2024-05-19\n"
    "person Mohammed bin Salman; bin Salman\n"
    "  role SAUGOV 2017-06-21 -\n"
    "\n"
    "agent GOV president; government\n"
    "agent MIL military; army\n"
    "agent MED state media\n"
    "org IGOUNO United Nations; UN\n"
    "org PSEHMS Hamas\n"
    "\n"
    "verb 040 MEET; HOLD * talks\n"
    "verb 112 ACCUSE + of; publicly ACCUSE + of\n"
    "verb 190 ATTACK\n"
    "verb 195 BOMB\n"
    "noun 042 VISIT by $ to +\n"
    "noun 195 air strike\n"
    "inflect meet meets; met; meeting\n"
    "inflect hold holds; held; holding\n"
    "discard Israel Museum\n";

static dyad_dict *dict;

static int setup(void **state)
{
	const char *names[1] = {DICT_NAME};
	const char *texts[1] = {dict_text};
	size_t lens[1] = {sizeof dict_text - 1};
	dyad_error err;

	(void)state;
	if (dyad_dict_load_buffers(1, names, texts, lens, stderr, &dict, &err) != DYAD_OK)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dyad_dict_free(dict);
	dict = NULL;
	return 0;
}

/* ---------------------------------------------------------------- helpers */

/* "coder.txt:N" for the dictionary line that starts with prefix. */
static void entry_of(const char *prefix, char *out, size_t size)
{
	const char *p = dict_text;
	long line = 1;

	while (strncmp(p, prefix, strlen(prefix)) != 0) {
		p = strchr(p, '\n');
		assert_non_null(p);
		p++;
		line++;
	}
	snprintf(out, size, "%s:%ld", DICT_NAME, line);
}

static dyad_coder *new_coder(int explain)
{
	dyad_coder_options opt;
	dyad_coder *c = NULL;

	memset(&opt, 0, sizeof opt);
	opt.explain = explain;
	assert_int_equal(dyad_coder_new(dict, &opt, &c), DYAD_OK);
	assert_non_null(c);
	return c;
}

static void make_doc(dyad_doc *doc, const char *date, const char *title, const char *text)
{
	memset(doc, 0, sizeof *doc);
	doc->id = "doc-1";
	doc->date = dyad_date_parse(date, strlen(date));
	assert_true(doc->date != INT32_MIN);
	doc->title = title;
	doc->title_len = title ? strlen(title) : 0;
	doc->text = text;
	doc->text_len = strlen(text);
}

/* Codes text on date with coder c, which must succeed. */
static void code_on(dyad_coder *c, const char *date, const char *text)
{
	dyad_doc doc;
	dyad_error err;

	make_doc(&doc, date, NULL, text);
	assert_int_equal(dyad_coder_code(c, &doc, &err), DYAD_OK);
}

typedef struct want_event {
	const char *source, *target, *code;
	size_t src_start, src_end, tgt_start, tgt_end, verb_start, verb_end;
	unsigned flags;
} want_event;

#define NWANT(a) (sizeof(a) / sizeof((a)[0]))

/* The coder's events are exactly want, in any order. */
static void expect_events(const dyad_coder *c, const want_event *want, size_t n)
{
	assert_int_equal(dyad_coder_event_count(c), n);
	for (size_t i = 0; i < n; i++) {
		const want_event *w = &want[i];
		size_t hits = 0;

		for (size_t k = 0; k < n; k++) {
			const dyad_event *e = dyad_coder_event(c, k);

			assert_non_null(e);
			if (strcmp(e->source, w->source) || strcmp(e->target, w->target) ||
			    strcmp(e->code, w->code))
				continue;
			hits++;
			assert_int_equal(e->source_span.start, w->src_start);
			assert_int_equal(e->source_span.end, w->src_end);
			assert_int_equal(e->target_span.start, w->tgt_start);
			assert_int_equal(e->target_span.end, w->tgt_end);
			assert_int_equal(e->verb_span.start, w->verb_start);
			assert_int_equal(e->verb_span.end, w->verb_end);
			assert_int_equal(e->flags, w->flags);
		}
		if (hits != 1)
			fail_msg("event %s -> %s %s found %zu times", w->source, w->target, w->code,
			         hits);
	}
	assert_null(dyad_coder_event(c, n));
}

static void expect_none(dyad_coder *c, const char *date, const char *text)
{
	code_on(c, date, text);
	if (dyad_coder_event_count(c) != 0) {
		const dyad_event *e = dyad_coder_event(c, 0);

		fail_msg("\"%s\" coded %s -> %s %s", text, e->source, e->target, e->code);
	}
}

#define DAY "2023-11-14"

/* ---------------------------------------------------------------- compounds */

static void test_compound_subject_reciprocal(void **state)
{
	/* Iran | and | Saudi Arabia | held talks: "HOLD * talks" with an empty gap. */
	static const want_event want[] = {
	    {"IRN", "SAU", "040", 0, 4, 9, 21, 22, 32,
	     DYAD_EVENT_RECIPROCAL | DYAD_EVENT_COMPOUND},
	    {"SAU", "IRN", "040", 9, 21, 0, 4, 22, 32,
	     DYAD_EVENT_RECIPROCAL | DYAD_EVENT_COMPOUND},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	code_on(c, DAY, "Iran and Saudi Arabia held talks.");
	expect_events(c, want, NWANT(want));
	dyad_coder_free(c);
}

static void test_compound_target(void **state)
{
	static const want_event want[] = {
	    {"ISR", "IRN", "190", 0, 6, 16, 20, 7, 15, DYAD_EVENT_COMPOUND},
	    {"ISR", "IRQ", "190", 0, 6, 25, 29, 7, 15, DYAD_EVENT_COMPOUND},
	};
	const char *text = "Israel attacked Iran and Iraq.";
	dyad_coder *c = new_coder(0);
	char entry[64];

	(void)state;
	code_on(c, DAY, text);
	expect_events(c, want, NWANT(want));
	/* The rest of an event: codebook values, provenance, sentence and document. */
	for (size_t i = 0; i < 2; i++) {
		const dyad_event *e = dyad_coder_event(c, i);

		assert_string_equal(e->doc, "doc-1");
		assert_int_equal(e->date, dyad_date_parse(DAY, 10));
		assert_int_equal(e->field, 0);
		assert_int_equal(e->sentence, 0);
		assert_int_equal(e->sentence_span.start, 0);
		assert_int_equal(e->sentence_span.end, strlen(text));
		assert_string_equal(e->root, "19");
		assert_int_equal(e->quad, 4);
		assert_true(e->goldstein == -10.0);
		assert_string_equal(e->plover, "ASSAULT");
		assert_string_equal(e->pattern, "ATTACK");
		entry_of("verb 190 ATTACK", entry, sizeof entry);
		assert_string_equal(e->pattern_entry, entry);
		entry_of("country ISR", entry, sizeof entry);
		assert_string_equal(e->source_entry, entry);
		entry_of(e->target[2] == 'N' ? "country IRN" : "country IRQ", entry, sizeof entry);
		assert_string_equal(e->target_entry, entry);
	}
	dyad_coder_free(c);
}

/* ---------------------------------------------------------------- clause roles */

static void test_passive_by(void **state)
{
	static const want_event want[] = {
	    {"ISR", "IRN", "190", 21, 27, 0, 4, 9, 17, DYAD_EVENT_PASSIVE},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	code_on(c, DAY, "Iran was attacked by Israel.");
	expect_events(c, want, NWANT(want));
	/* A passive without "by": Iran is the target, the attacker is unknown, and Iraq (after
	 * "in") is no actor of the event. */
	expect_none(c, DAY, "Iran was attacked in Iraq.");
	dyad_coder_free(c);
}

static void test_reported_speech(void **state)
{
	/* Only the reported event is coded: "said" has no pattern and ends the clause. */
	static const want_event want[] = {
	    {"ISR", "IRQ", "190", 15, 21, 31, 35, 22, 30, DYAD_EVENT_REPORTED},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	code_on(c, DAY, "Iran said that Israel attacked Iraq.");
	expect_events(c, want, NWANT(want));
	dyad_coder_free(c);
}

static void test_negation(void **state)
{
	static const want_event want[] = {
	    {"IRN", "SAU", "040", 0, 4, 9, 21, 5, 8, 0},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	expect_none(c, DAY, "Israel did not attack Iran.");
	expect_none(c, DAY, "Israel didn't attack Iran.");
	expect_none(c, DAY, "Israel never attacked Iran.");
	expect_none(c, DAY, "Iran refused to meet Saudi Arabia.");
	expect_none(c, DAY, "Iran declined to meet Saudi Arabia.");
	code_on(c, DAY, "Iran met Saudi Arabia.");
	expect_events(c, want, NWANT(want));
	dyad_coder_free(c);
}

static void test_no_target(void **state)
{
	dyad_coder *c = new_coder(1);

	(void)state;
	expect_none(c, DAY, "Israel attacked.");
	assert_non_null(strstr(dyad_coder_explain(c), "not coded, no target in the clause"));
	expect_none(c, DAY, "Israel attacked yesterday.");
	dyad_coder_free(c);
}

/* ---------------------------------------------------------------- actors */

static void test_dated_person(void **state)
{
	static const struct {
		const char *date, *code;
	} days[] = {
	    {"2019-01-01", "IRNJUD"}, /* before the first role: base */
	    {"2021-08-02", "IRNJUD"},
	    {"2021-08-03", "IRNGOV"}, /* role, both ends inclusive */
	    {DAY, "IRNGOV"},
	    {"2024-05-19", "IRNGOV"},
	    {"2024-05-20", "IRNELI"}, /* after the role: former official */
	    {"2025-01-01", "IRNELI"},
	};
	dyad_coder *c = new_coder(0);
	char entry[64];

	(void)state;
	entry_of("person Ebrahim Raisi", entry, sizeof entry);
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		want_event want[] = {
		    {days[i].code, "ISR", "112", 0, 5, 14, 20, 6, 23, 0},
		};

		code_on(c, days[i].date, "Raisi accused Israel of spying.");
		expect_events(c, want, NWANT(want));
		assert_string_equal(dyad_coder_event(c, 0)->source_entry, entry);
	}
	dyad_coder_free(c);
}

static void test_dated_person_without_base(void **state)
{
	/* Before the first role the person is that role's country; "-" leaves a role open. */
	static const want_event before[] = {
	    {"SAU", "IRQ", "112", 0, 19, 28, 32, 20, 35, 0},
	};
	static const want_event during[] = {
	    {"SAUGOV", "IRQ", "112", 0, 19, 28, 32, 20, 35, 0},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	code_on(c, "2015-01-01", "Mohammed bin Salman accused Iraq of spying.");
	expect_events(c, before, NWANT(before));
	code_on(c, "2099-12-31", "Mohammed bin Salman accused Iraq of spying.");
	expect_events(c, during, NWANT(during));
	dyad_coder_free(c);
}

static void test_agent_and_country(void **state)
{
	static const want_event media[] = {
	    {"IRNMED", "ISR", "112", 0, 19, 28, 34, 20, 37, 0},
	};
	static const want_event capital[] = {
	    {"IRNGOV", "ISR", "112", 0, 6, 15, 21, 7, 24, 0},
	};
	dyad_coder *c = new_coder(0);
	const dyad_actor *a;

	(void)state;
	code_on(c, DAY, "Iranian state media accused Israel of spying.");
	expect_events(c, media, NWANT(media));
	assert_int_equal(dyad_coder_actor_count(c), 2);
	a = dyad_coder_actor(c, 0);
	assert_string_equal(a->code, "IRNMED");
	assert_int_equal(a->span.start, 0);
	assert_int_equal(a->span.end, 19);
	a = dyad_coder_actor(c, 1);
	assert_string_equal(a->code, "ISR");
	assert_int_equal(a->span.start, 28);
	assert_int_equal(a->span.end, 34);
	assert_null(dyad_coder_actor(c, 2));
	/* A seat of government is the country's government. */
	code_on(c, DAY, "Tehran accused Israel of spying.");
	expect_events(c, capital, NWANT(capital));
	dyad_coder_free(c);
}

static void test_caps_acronym(void **state)
{
	static const want_event us[] = {
	    {"USA", "IRN", "190", 0, 2, 12, 16, 3, 11, 0},
	};
	static const want_event dotted[] = {
	    {"USA", "IRN", "190", 4, 8, 18, 22, 9, 17, 0},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	code_on(c, DAY, "US attacked Iran.");
	expect_events(c, us, NWANT(us));
	code_on(c, DAY, "The U.S. attacked Iran.");
	expect_events(c, dotted, NWANT(dotted));
	/* "us" in lower case is the pronoun, not the United States. */
	expect_none(c, DAY, "Iran attacked us.");
	dyad_coder_free(c);
}

static void test_discard(void **state)
{
	static const want_event want[] = {
	    {"IRN", "ISR", "190", 0, 4, 14, 20, 5, 13, 0},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	expect_none(c, DAY, "Iran attacked the Israel Museum.");
	code_on(c, DAY, "Iran attacked Israel.");
	expect_events(c, want, NWANT(want));
	dyad_coder_free(c);
}

/* ---------------------------------------------------------------- patterns */

static void test_gap_pattern(void **state)
{
	/* "HOLD * talks": the gap takes up to three words. Patterns may start with a plain word. */
	static const want_event want[] = {
	    {"IRN", "IRQ", "040", 0, 4, 37, 41, 5, 31, 0},
	};
	/* The match starts before its lemma; a `+` slot's actor is part of the match. */
	static const want_event lead[] = {
	    {"IRN", "ISR", "112", 0, 4, 22, 28, 5, 31, 0},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	code_on(c, DAY, "Iran publicly accused Israel of spying.");
	expect_events(c, lead, NWANT(lead));
	assert_string_equal(dyad_coder_event(c, 0)->pattern, "publicly ACCUSE + of");
	/* "ACCUSE + of" wants its "of". */
	expect_none(c, DAY, "Iran accused Israel.");
	code_on(c, DAY, "Iran held three rounds of talks with Iraq.");
	expect_events(c, want, NWANT(want));
	expect_none(c, DAY, "Iran held three long rounds of talks with Iraq.");
	dyad_coder_free(c);
}

static void test_source_slot_pattern(void **state)
{
	/* "VISIT by $ to +": both actors come from the slots; the noun lemma takes plurals. */
	static const want_event one[] = {
	    {"IRNGOV", "SAUGOV", "042", 11, 16, 20, 26, 2, 26, DYAD_EVENT_NOUN},
	};
	static const want_event plural[] = {
	    {"IRNGOV", "SAUGOV", "042", 10, 15, 19, 25, 0, 25, DYAD_EVENT_NOUN},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	code_on(c, DAY, "A visit by Raisi to Riyadh was announced.");
	expect_events(c, one, NWANT(one));
	assert_string_equal(dyad_coder_event(c, 0)->pattern, "VISIT by $ to +");
	code_on(c, DAY, "Visits by Raisi to Riyadh were announced.");
	expect_events(c, plural, NWANT(plural));
	dyad_coder_free(c);
}

static void test_noun_pattern(void **state)
{
	/* "air strike" also matches its plural; the adjective before it is the source. */
	static const want_event want[] = {
	    {"ISR", "IRN", "195", 0, 7, 23, 27, 8, 19, DYAD_EVENT_NOUN},
	};
	dyad_coder *c = new_coder(0);

	(void)state;
	code_on(c, DAY, "Israeli air strikes on Iran killed ten.");
	expect_events(c, want, NWANT(want));
	dyad_coder_free(c);
}

/* ---------------------------------------------------------------- documents */

static void test_title_field(void **state)
{
	static const char title[] = "Israel attacks Iran";
	static const char text[] = "Iran met Saudi Arabia.";
	dyad_coder *c = new_coder(0);
	const dyad_sentence *s;
	const dyad_event *e;
	dyad_doc doc;
	dyad_error err;

	(void)state;
	make_doc(&doc, DAY, title, text);
	assert_int_equal(dyad_coder_code(c, &doc, &err), DYAD_OK);
	assert_int_equal(dyad_coder_sentence_count(c), 2);
	s = dyad_coder_sentence(c, 0);
	assert_int_equal(s->field, 1);
	assert_int_equal(s->span.start, 0);
	assert_int_equal(s->span.end, strlen(title));
	s = dyad_coder_sentence(c, 1);
	assert_int_equal(s->field, 0);
	assert_int_equal(s->span.start, 0);
	assert_int_equal(s->span.end, strlen(text));
	assert_null(dyad_coder_sentence(c, 2));
	assert_int_equal(dyad_coder_event_count(c), 2);
	e = dyad_coder_event(c, 0);
	assert_int_equal(e->field, 1);
	assert_int_equal(e->sentence, 0);
	assert_string_equal(e->source, "ISR");
	assert_string_equal(e->target, "IRN");
	assert_string_equal(e->code, "190");
	assert_int_equal(e->source_span.start, 0);
	assert_int_equal(e->source_span.end, 6);
	assert_int_equal(e->target_span.start, 15);
	assert_int_equal(e->target_span.end, 19);
	assert_int_equal(e->verb_span.start, 7);
	assert_int_equal(e->verb_span.end, 14);
	e = dyad_coder_event(c, 1);
	assert_int_equal(e->field, 0);
	assert_int_equal(e->sentence, 1);
	assert_string_equal(e->source, "IRN");
	assert_string_equal(e->target, "SAU");
	assert_string_equal(e->code, "040");
	assert_int_equal(e->source_span.start, 0);
	assert_int_equal(e->target_span.start, 9);
	assert_int_equal(e->target_span.end, 21);
	dyad_coder_free(c);
}

static void test_explain(void **state)
{
	const char *text = "Israel did not attack Iran.";
	dyad_coder *quiet = new_coder(0), *c = new_coder(1);
	const char *x;

	(void)state;
	code_on(quiet, DAY, text);
	assert_string_equal(dyad_coder_explain(quiet), "");
	code_on(c, DAY, text);
	x = dyad_coder_explain(c);
	assert_true(strlen(x) > 0);
	assert_non_null(strstr(x, "\"Israel did not attack Iran.\""));
	assert_non_null(strstr(x, "not coded, negated"));
	assert_null(strstr(x, "coded ISR -> IRN"));
	/* A coded event is explained too, and the trace is reset per document. */
	code_on(c, DAY, "Iran attacked Israel.");
	x = dyad_coder_explain(c);
	assert_non_null(strstr(x, "coded IRN -> ISR 190"));
	assert_null(strstr(x, "not coded, negated"));
	dyad_coder_free(quiet);
	dyad_coder_free(c);
}

static void test_invalid_utf8(void **state)
{
	dyad_coder *c = new_coder(0);
	dyad_doc doc;
	dyad_error err;

	(void)state;
	make_doc(&doc, DAY, NULL, "Iran attacked \xff Israel.");
	memset(&err, 0, sizeof err);
	assert_int_equal(dyad_coder_code(c, &doc, &err), DYAD_EUTF8);
	assert_string_equal(err.id, "doc-1");
	assert_string_equal(err.message, "invalid UTF-8 in text at byte 14");
	make_doc(&doc, DAY, "Bad \xc3(", "Iran attacked Israel.");
	memset(&err, 0, sizeof err);
	assert_int_equal(dyad_coder_code(c, &doc, &err), DYAD_EUTF8);
	assert_string_equal(err.message, "invalid UTF-8 in title at byte 4");
	/* The coder goes on with the next document. */
	code_on(c, DAY, "Iran attacked Israel.");
	assert_int_equal(dyad_coder_event_count(c), 1);
	dyad_coder_free(c);
}

static void same_events(const dyad_coder *a, const dyad_coder *b)
{
	assert_int_equal(dyad_coder_event_count(a), dyad_coder_event_count(b));
	for (size_t i = 0; i < dyad_coder_event_count(a); i++) {
		const dyad_event *x = dyad_coder_event(a, i), *y = dyad_coder_event(b, i);

		assert_string_equal(x->source, y->source);
		assert_string_equal(x->target, y->target);
		assert_string_equal(x->code, y->code);
		assert_int_equal(x->field, y->field);
		assert_int_equal(x->sentence, y->sentence);
		assert_int_equal(x->flags, y->flags);
		assert_int_equal(x->source_span.start, y->source_span.start);
		assert_int_equal(x->source_span.end, y->source_span.end);
		assert_int_equal(x->target_span.start, y->target_span.start);
		assert_int_equal(x->target_span.end, y->target_span.end);
		assert_int_equal(x->verb_span.start, y->verb_span.start);
		assert_int_equal(x->verb_span.end, y->verb_span.end);
		assert_string_equal(x->pattern_entry, y->pattern_entry);
	}
}

static void test_determinism(void **state)
{
	static const char text[] =
	    "Iran and Saudi Arabia held talks. Israel attacked Iran and Iraq.\n\n"
	    "Iran said that Israel attacked Iraq. Raisi accused Israel of spying.";
	dyad_coder *a = new_coder(1), *b = new_coder(1);
	dyad_doc doc;
	dyad_error err;
	char *first;

	(void)state;
	make_doc(&doc, DAY, "Israel attacks Iran", text);
	assert_int_equal(dyad_coder_code(a, &doc, &err), DYAD_OK);
	/* 1 (title) + 2 + 2 + 1 + 1 events. */
	assert_int_equal(dyad_coder_event_count(a), 7);
	assert_int_equal(dyad_coder_sentence_count(a), 5);
	first = strdup(dyad_coder_explain(a));
	assert_non_null(first);
	assert_int_equal(dyad_coder_code(b, &doc, &err), DYAD_OK);
	same_events(a, b);
	/* The same coder again, after coding something else in between. */
	code_on(a, DAY, "Iran met Saudi Arabia.");
	assert_int_equal(dyad_coder_code(a, &doc, &err), DYAD_OK);
	same_events(a, b);
	assert_string_equal(dyad_coder_explain(a), first);
	assert_string_equal(dyad_coder_explain(b), first);
	free(first);
	dyad_coder_free(a);
	dyad_coder_free(b);
}

static void test_bad_arguments(void **state)
{
	dyad_coder *c = NULL;
	dyad_doc doc;

	(void)state;
	assert_int_equal(dyad_coder_new(NULL, NULL, &c), DYAD_EINVAL);
	assert_int_equal(dyad_coder_new(dict, NULL, NULL), DYAD_EINVAL);
	assert_int_equal(dyad_coder_new(dict, NULL, &c), DYAD_OK);
	make_doc(&doc, DAY, NULL, "");
	doc.text = NULL;
	doc.text_len = 3;
	assert_int_equal(dyad_coder_code(c, &doc, NULL), DYAD_EINVAL);
	assert_int_equal(dyad_coder_code(c, NULL, NULL), DYAD_EINVAL);
	/* An empty document has no sentences and no events. */
	doc.text = "";
	doc.text_len = 0;
	assert_int_equal(dyad_coder_code(c, &doc, NULL), DYAD_OK);
	assert_int_equal(dyad_coder_sentence_count(c), 0);
	assert_int_equal(dyad_coder_event_count(c), 0);
	dyad_coder_free(c);
	dyad_coder_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_compound_subject_reciprocal),
	    cmocka_unit_test(test_compound_target),
	    cmocka_unit_test(test_passive_by),
	    cmocka_unit_test(test_reported_speech),
	    cmocka_unit_test(test_negation),
	    cmocka_unit_test(test_no_target),
	    cmocka_unit_test(test_dated_person),
	    cmocka_unit_test(test_dated_person_without_base),
	    cmocka_unit_test(test_agent_and_country),
	    cmocka_unit_test(test_caps_acronym),
	    cmocka_unit_test(test_discard),
	    cmocka_unit_test(test_gap_pattern),
	    cmocka_unit_test(test_source_slot_pattern),
	    cmocka_unit_test(test_noun_pattern),
	    cmocka_unit_test(test_title_field),
	    cmocka_unit_test(test_explain),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_determinism),
	    cmocka_unit_test(test_bad_arguments),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
