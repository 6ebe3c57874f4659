/* test_alloc.c - fault injection: every allocation of loading a dictionary and of coding a
 * document is made to fail in turn (the Nth malloc, calloc or realloc returns NULL); each
 * run must end with DYAD_OK or DYAD_ENOMEM, never a crash, and under ASan never a leak.
 * Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (see the Makefile). */
#include "dyad.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static long fail_at = -1;
static long calls;

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);

static int should_fail(void)
{
	return fail_at >= 0 && calls++ == fail_at;
}

void *__wrap_malloc(size_t n)
{
	return should_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return should_fail() ? NULL : __real_realloc(p, n);
}

static const char dict_text[] =
    "code 04 1 CONSULT Consult\n"
    "code 041 1 CONSULT Discuss by telephone\n"
    "code 19 -10 ASSAULT Fight\n"
    "code 190 -10 ASSAULT Use conventional military force\n"
    "code 195 -10 ASSAULT Employ aerial weapons\n"
    "code 03 4 AGREE Express intent to cooperate\n"
    "code 036 4 AGREE Express intent to meet\n"
    "intent 04 036\n"
    "country IRN Iran; Islamic Republic of Iran\n"
    "  adj Iranian; Iranians\n"
    "  gov Tehran\n"
    "country SAU Saudi Arabia\n"
    "  adj Saudi; Saudis\n"
    "  gov Riyadh\n"
    "country ISR Israel\n  adj Israeli\n"
    "country PSE Palestine; Gaza; Gaza Strip\n  adj Palestinian\n"
    "person Ebrahim Raisi; Raisi\n  role IRNGOV 2021-08-03 2024-05-19\n"
    "agent GOV president; crown prince; government\n"
    "agent MIL military; aircraft\n"
    "org PSEHMS Hamas\n"
    "verb 041 SPEAK by telephone with; HOLD * telephone TALK\n"
    "noun 041 telephone conversation\n"
    "verb 190 ATTACK; ATTACK * +\n"
    "noun 195 air strike\n"
    "inflect speak speaks; spoke; spoken; speaking\n"
    "discard Attack on Titan\n";

static const char doc_text[] =
    "Iranian President Ebrahim Raisi spoke by telephone with the Saudi crown prince. "
    "Gaza was bombarded by Israeli aircraft. Israel launched air strikes on Gaza. "
    "Iran said it would hold telephone talks with Saudi Arabia. Attack on Titan is an "
    "anime.\n\nHamas attacked Israel.";

static dyad_status load(dyad_dict **d)
{
	const char *name = "fault.txt";
	const char *text = dict_text;
	size_t len = sizeof dict_text - 1;
	return dyad_dict_load_buffers(1, &name, &text, &len, NULL, d, NULL);
}

static void test_dict_load_failures(void **state)
{
	(void)state;
	long n;
	for (n = 0; n < 100000; n++) {
		dyad_dict *d = NULL;
		fail_at = n;
		calls = 0;
		dyad_status st = load(&d);
		fail_at = -1;
		if (st == DYAD_OK) {
			assert_non_null(d);
			dyad_dict_free(d);
			break;
		}
		assert_int_equal(st, DYAD_ENOMEM);
		assert_null(d);
	}
	assert_true(n > 10); /* the load does allocate, so failures were injected */
}

static void test_coding_failures(void **state)
{
	(void)state;
	dyad_dict *d = NULL;
	assert_int_equal(load(&d), DYAD_OK);
	dyad_doc doc = {.id = "doc", .date = dyad_date_parse("2023-11-14", 10), .text = doc_text,
	                .text_len = sizeof doc_text - 1};
	long n;
	size_t events = 0;
	for (n = 0; n < 100000; n++) {
		dyad_coder *c = NULL;
		dyad_coder_options opt = {.explain = 1};
		fail_at = n;
		calls = 0;
		dyad_status st = dyad_coder_new(d, &opt, &c);
		if (st == DYAD_OK) {
			dyad_error err;
			st = dyad_coder_code(c, &doc, &err);
		}
		fail_at = -1;
		if (st == DYAD_OK)
			events = dyad_coder_event_count(c);
		dyad_coder_free(c);
		if (st == DYAD_OK)
			break;
		assert_int_equal(st, DYAD_ENOMEM);
	}
	assert_true(n > 5);
	assert_true(events >= 4);
	dyad_dict_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dict_load_failures),
	    cmocka_unit_test(test_coding_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
