/* test_faq.c - the article FAQ through the public API with the built-in dictionaries: the
 * answers to who, what, when, where and why, relative dates, durations, "not stated" and
 * follow-ups. */
#include "dyad.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef struct fixture {
	dyad_dict *dict;
	dyad_faq *faq;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (!f || dyad_dict_load(NULL, NULL, &f->dict, NULL) != DYAD_OK ||
	    dyad_faq_new(f->dict, &f->faq) != DYAD_OK) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	dyad_faq_free(f->faq);
	dyad_dict_free(f->dict);
	free(f);
	return 0;
}

static void answer(fixture *f, dyad_doc *doc, const char *date, const char *text)
{
	memset(doc, 0, sizeof *doc);
	doc->id = "t";
	doc->date = dyad_date_parse(date, strlen(date));
	doc->text = text;
	doc->text_len = strlen(text);
	assert_int_equal(dyad_faq_answer(f->faq, doc, NULL), DYAD_OK);
}

static void expect_date(const dyad_faq_item *it, const char *want)
{
	char d[11];
	assert_non_null(it);
	dyad_date_format(it->date, d);
	assert_string_equal(d, want);
}

static void test_event(void **state)
{
	fixture *f = *state;
	dyad_doc doc;
	const char *text = "Iran and Saudi Arabia held talks in Riyadh on Monday.";
	answer(f, &doc, "2023-11-14", text);
	assert_int_equal(dyad_faq_count(f->faq, DYAD_FAQ_WHO), 2);
	assert_string_equal(dyad_faq_get(f->faq, DYAD_FAQ_WHO, 0)->text, "Iran");
	assert_string_equal(dyad_faq_get(f->faq, DYAD_FAQ_WHO, 0)->code, "IRN");
	assert_string_equal(dyad_faq_get(f->faq, DYAD_FAQ_WHO, 1)->text, "Saudi Arabia");
	const dyad_faq_item *what = dyad_faq_get(f->faq, DYAD_FAQ_WHAT, 0);
	assert_non_null(what);
	assert_memory_equal(what->code, "04", 2); /* a consultation (root 04) */
	assert_int_equal(what->evidence.start, 0);
	assert_int_equal(what->evidence.end, strlen(text));
	const dyad_faq_item *when = dyad_faq_get(f->faq, DYAD_FAQ_WHEN, 0);
	expect_date(when, "2023-11-13");
	assert_string_equal(when->text, "on Monday");
	assert_int_equal(when->span.start, strlen(text) - 10);
	const dyad_faq_item *where = dyad_faq_get(f->faq, DYAD_FAQ_WHERE, 0);
	assert_non_null(where);
	assert_string_equal(where->text, "Riyadh");
	assert_string_equal(where->country, "SAU");
	assert_true(where->has_coords);
	assert_int_equal(dyad_faq_count(f->faq, DYAD_FAQ_WHY), 0);
}

static void test_relative_dates(void **state)
{
	fixture *f = *state;
	dyad_doc doc;
	answer(f, &doc, "2023-11-14", "Talks ended yesterday.");
	expect_date(dyad_faq_get(f->faq, DYAD_FAQ_WHEN, 0), "2023-11-13");
	answer(f, &doc, "2023-11-14", "Talks ended last week.");
	expect_date(dyad_faq_get(f->faq, DYAD_FAQ_WHEN, 0), "2023-11-06");
	assert_string_equal(dyad_faq_get(f->faq, DYAD_FAQ_WHEN, 0)->grain, "week");
	answer(f, &doc, "2023-11-14", "Talks ended in March.");
	expect_date(dyad_faq_get(f->faq, DYAD_FAQ_WHEN, 0), "2023-03-01");
	assert_string_equal(dyad_faq_get(f->faq, DYAD_FAQ_WHEN, 0)->grain, "month");
	answer(f, &doc, "2016-11-06", "The race was won on Sunday.");
	expect_date(dyad_faq_get(f->faq, DYAD_FAQ_WHEN, 0), "2016-11-06");
}

static void test_duration(void **state)
{
	fixture *f = *state;
	dyad_doc doc;
	answer(f, &doc, "2023-11-14", "The deal ended seven years of animosity.");
	assert_int_equal(dyad_faq_duration_count(f->faq), 1);
	assert_string_equal(dyad_faq_duration(f->faq, 0)->text, "seven years of animosity");
	assert_string_equal(dyad_faq_duration(f->faq, 0)->duration, "P7Y");
	/* no date in the text: the article date, with an empty span and a rule saying so */
	const dyad_faq_item *when = dyad_faq_get(f->faq, DYAD_FAQ_WHEN, 0);
	expect_date(when, "2023-11-14");
	assert_int_equal(when->span.start, when->span.end);
}

static void test_followups(void **state)
{
	fixture *f = *state;
	dyad_doc doc;
	answer(f, &doc, "2023-11-14",
	       "Iran and Saudi Arabia held talks. They discussed the resumption of ties between "
	       "Saudi Arabia and Iran, achieved through negotiations mediated by China.");
	size_t n = dyad_faq_followup_count(f->faq);
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(dyad_faq_followup_question(f->faq, i),
		            "Who mediated the resumption of ties between Saudi Arabia and Iran?")) {
			assert_string_equal(dyad_faq_followup_answer(f->faq, i)->text, "China");
			found = 1;
		}
	assert_true(found);
	assert_null(dyad_faq_followup_question(f->faq, n));
}

/* The top "why" answer's text, or "" when not stated. */
static const char *why(fixture *f, const char *text)
{
	dyad_doc doc;
	answer(f, &doc, "2016-11-09", text);
	const dyad_faq_item *it = dyad_faq_get(f->faq, DYAD_FAQ_WHY, 0);
	return it ? it->text : "";
}

static void test_why(void **state)
{
	fixture *f = *state;
	/* a clause of purpose: "to" and a verb, not "to" after a verb that takes an infinitive
	 * nor before a noun */
	assert_string_equal(why(f, "Donald Trump flew to Washington to meet Barack Obama."),
	                    "to meet Barack Obama");
	assert_string_equal(why(f, "Donald Trump wants to meet Barack Obama."), "");
	assert_string_equal(why(f, "The driver was taken to hospital."), "");
	assert_string_equal(why(f, "Clinton spoke to donors on Saturday."), "");
	/* a clause of cause: "as" with its subject; a spokesman's employer is no cause */
	assert_string_equal(why(f, "The tram overturned as it entered a bend at high speed."),
	                    "as it entered a bend at high speed");
	assert_string_equal(why(f, "A spokesman for the police confirmed the deaths."), "");
	assert_string_equal(why(f, "The driver was arrested on suspicion of manslaughter."),
	                    "on suspicion of manslaughter");
	/* the lead's cause before a weaker cue further down */
	assert_string_equal(why(f, "Fans were angry because the bars shrank. The firm cut costs "
	                           "to keep prices down."),
	                    "because the bars shrank");
}

/* Web page furniture answers nothing and does not push the story's sentences down. */
static void test_boilerplate(void **state)
{
	fixture *f = *state;
	assert_string_equal(why(f, "Get daily updates directly to your inbox + Subscribe. "
	                           "Thank you for subscribing!"),
	                    "");
	/* the story's sentence the page ran its furniture into still counts */
	assert_string_equal(why(f, "Could not subscribe, try again later Invalid Email The FBI "
	                           "cleared Clinton after it found no evidence of a crime."),
	                    "after it found no evidence of a crime");
}

static void test_errors(void **state)
{
	fixture *f = *state;
	dyad_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.id = "bad";
	doc.date = 0;
	doc.text = "\xff\xfe";
	doc.text_len = 2;
	assert_int_equal(dyad_faq_answer(f->faq, &doc, NULL), DYAD_EUTF8);
	assert_int_equal(dyad_faq_count(f->faq, DYAD_FAQ_WHO), 0);
	assert_int_equal(dyad_faq_answer(NULL, &doc, NULL), DYAD_EINVAL);
	assert_int_equal(dyad_faq_new(NULL, NULL), DYAD_EINVAL);
	dyad_faq_free(NULL);
	assert_string_equal(dyad_faq_question_name(DYAD_FAQ_HOW), "how");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_event),     cmocka_unit_test(test_relative_dates),
	    cmocka_unit_test(test_duration),  cmocka_unit_test(test_followups),
	    cmocka_unit_test(test_why),       cmocka_unit_test(test_boilerplate),
	    cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
