/* test_token.c - unit tests of the tokenizer, word normalisation and the sentence splitter. */
#include "internal.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* ---------------------------------------------------------------- helpers */

/* One expected token: byte range, exact TF_* flags, ASCII punctuation (0 for words) and the
 * normalised form it must be looked up as (interned into the table before tokenizing). */
typedef struct want_tok {
	uint32_t start, end;
	unsigned flags;
	char punct;
	const char *norm;
} want_tok;

#define NWANT(a) (sizeof(a) / sizeof((a)[0]))

static void tokens_of(wordtab *tab, const char *text, vec *out)
{
	size_t bad = 12345;

	vec_init(out, sizeof(token));
	assert_int_equal(tokenize(tab, text, strlen(text), out, &bad), DYAD_OK);
	assert_int_equal(bad, 12345); /* untouched on success */
}

static void check_tokens(const char *text, const want_tok *want, size_t n)
{
	wordtab tab;
	vec toks;

	assert_int_equal(wordtab_init(&tab), DYAD_OK);
	for (size_t i = 0; i < n; i++)
		assert_true(wordtab_intern(&tab, want[i].norm, strlen(want[i].norm)) >= WORD_FIRST);
	tokens_of(&tab, text, &toks);
	assert_int_equal(toks.len, n);
	for (size_t i = 0; i < n; i++) {
		const token *t = &VEC_AT(toks, token, i);
		const char *w = want[i].norm;

		assert_int_equal(t->start, want[i].start);
		assert_int_equal(t->end, want[i].end);
		assert_int_equal(t->flags, want[i].flags);
		assert_int_equal(t->punct, want[i].punct);
		assert_int_equal(t->id, wordtab_find(&tab, w, strlen(w), hash_bytes(w, strlen(w))));
	}
	vec_free(&toks);
	wordtab_free(&tab);
}

#define W TF_WORD
#define P TF_PUNCT
#define S TF_SPACE
#define CAP TF_CAP
#define ALL TF_ALLCAPS

/* ---------------------------------------------------------------- tokens */

static void test_abbreviation_us(void **state)
{
	static const want_tok want[] = {
	    {0, 4, W | CAP | ALL | TF_ABBR, 0, "u.s."},
	    {5, 11, S | W, 0, "forces"},
	    {12, 14, S | W | CAP | ALL, 0, "us"},
	    {14, 15, P | TF_TERM, '.', "."},
	};

	(void)state;
	check_tokens("U.S. forces US.", want, NWANT(want));
}

static void test_title_abbreviation(void **state)
{
	static const want_tok want[] = {
	    {0, 4, W | CAP | TF_ABBR, 0, "gen."},
	    {5, 10, S | W | CAP, 0, "smith"},
	};

	(void)state;
	check_tokens("Gen. Smith", want, NWANT(want));
}

static void test_initials(void **state)
{
	static const want_tok want[] = {
	    {0, 6, W | CAP, 0, "george"},
	    {7, 9, S | W | CAP | ALL | TF_ABBR, 0, "w."},
	    {10, 14, S | W | CAP, 0, "bush"},
	};

	(void)state;
	check_tokens("George W. Bush", want, NWANT(want));
}

static void test_numbers(void **state)
{
	static const want_tok want[] = {
	    {0, 4, W, 0, "rose"},
	    {5, 8, S | W, 0, "3.5"},
	    {9, 16, S | W, 0, "percent"},
	    {17, 19, S | W, 0, "to"},
	    {20, 25, S | W, 0, "1,000"},
	    {25, 26, P | TF_TERM, '.', "."},
	};

	(void)state;
	check_tokens("rose 3.5 percent to 1,000.", want, NWANT(want));
}

static void test_time_abbreviation(void **state)
{
	static const want_tok want[] = {
	    {0, 2, W, 0, "at"},
	    {3, 4, S | W, 0, "9"},
	    {5, 9, S | W | TF_ABBR, 0, "a.m."},
	    {10, 12, S | W, 0, "on"},
	};

	(void)state;
	check_tokens("at 9 a.m. on", want, NWANT(want));
}

static void test_possessive(void **state)
{
	static const want_tok ascii[] = {
	    {0, 6, W | CAP, 0, "israel"},
	    {6, 8, W, 0, "'s"},
	    {9, 13, S | W, 0, "army"},
	};
	/* U+2019 is three bytes and normalises to the ASCII apostrophe. */
	static const want_tok typo[] = {
	    {0, 6, W | CAP, 0, "israel"},
	    {6, 10, W, 0, "'s"},
	    {11, 15, S | W, 0, "army"},
	};
	static const want_tok name[] = {
	    {0, 7, W | CAP, 0, "o'brien"},
	    {8, 12, S | W, 0, "said"},
	};

	(void)state;
	check_tokens("Israel's army", ascii, NWANT(ascii));
	check_tokens("Israel\xe2\x80\x99s army", typo, NWANT(typo));
	check_tokens("O'Brien said", name, NWANT(name));
}

static void test_contraction(void **state)
{
	static const want_tok ascii[] = {
	    {0, 3, W, 0, "did"},
	    {3, 6, W, 0, "n't"},
	    {7, 9, S | W, 0, "go"},
	};
	static const want_tok typo[] = {
	    {0, 3, W, 0, "did"},
	    {3, 8, W, 0, "n't"},
	    {9, 11, S | W, 0, "go"},
	};

	(void)state;
	check_tokens("didn't go", ascii, NWANT(ascii));
	check_tokens("didn\xe2\x80\x99t go", typo, NWANT(typo));
}

static void test_hyphen_split(void **state)
{
	static const want_tok want[] = {
	    {0, 11, W | CAP, 0, "palestinian"},
	    {11, 12, P, '-', "-"},
	    {12, 19, W | CAP, 0, "israeli"},
	    {20, 25, S | W, 0, "talks"},
	};

	(void)state;
	check_tokens("Palestinian-Israeli talks", want, NWANT(want));
}

static void test_typographic_quotes(void **state)
{
	/* U+201C No , U+201D he said . */
	static const want_tok want[] = {
	    {0, 3, P, '"', "\""},
	    {3, 5, W | CAP, 0, "no"},
	    {5, 6, P, ',', ","},
	    {6, 9, P, '"', "\""},
	    {10, 12, S | W, 0, "he"},
	    {13, 17, S | W, 0, "said"},
	    {17, 18, P | TF_TERM, '.', "."},
	};

	(void)state;
	check_tokens("\xe2\x80\x9cNo,\xe2\x80\x9d he said.", want, NWANT(want));
}

static void test_newline_flags(void **state)
{
	static const want_tok want[] = {
	    {0, 4, W | CAP, 0, "iran"},
	    {5, 11, TF_NL | W | CAP, 0, "israel"},
	    {14, 18, TF_NL | TF_PARA | S | W | CAP, 0, "iraq"},
	};

	(void)state;
	check_tokens("Iran\nIsrael\n\n Iraq", want, NWANT(want));
}

static void test_normalize_word(void **state)
{
	char out[DYAD_MAX_WORD];
	char long_word[DYAD_MAX_WORD + 2];

	(void)state;
	assert_int_equal(normalize_word("Erdo\xc4\x9f" "an", 8, out), 7);
	assert_memory_equal(out, "erdogan", 7);
	assert_int_equal(normalize_word("\xc3\x89TATS", 6, out), 5);
	assert_memory_equal(out, "etats", 5);
	assert_int_equal(normalize_word("Stra\xc3\x9f" "e", 7, out), 7);
	assert_memory_equal(out, "strasse", 7);
	assert_int_equal(normalize_word("Israel\xe2\x80\x99s", 10, out), 8);
	assert_memory_equal(out, "israel's", 8);
	/* Too long: 0. Exactly DYAD_MAX_WORD bytes still fits. */
	memset(long_word, 'A', sizeof long_word);
	assert_int_equal(normalize_word(long_word, DYAD_MAX_WORD + 1, out), 0);
	assert_int_equal(normalize_word(long_word, DYAD_MAX_WORD, out), DYAD_MAX_WORD);
	assert_int_equal(out[DYAD_MAX_WORD - 1], 'a');
}

static void test_accented_ids(void **state)
{
	static const want_tok want[] = {
	    {0, 8, W | CAP, 0, "erdogan"},
	    {9, 15, S | W | CAP | ALL, 0, "etats"},
	};

	(void)state;
	check_tokens("Erdo\xc4\x9f" "an \xc3\x89TATS", want, NWANT(want));
}

static void test_long_token(void **state)
{
	char text[2 * DYAD_MAX_WORD + 3];
	wordtab tab;
	vec toks;
	uint32_t id64, id65;

	(void)state;
	/* "aaa...a" (65 bytes), a space, "aaa...a" (64 bytes). Both are in the table, but a word
	 * longer than DYAD_MAX_WORD is never looked up. */
	memset(text, 'a', sizeof text);
	text[DYAD_MAX_WORD + 1] = ' ';
	text[sizeof text - 1] = 0;
	assert_int_equal(strlen(text), 2 * DYAD_MAX_WORD + 2);
	assert_int_equal(wordtab_init(&tab), DYAD_OK);
	id65 = wordtab_intern(&tab, text, DYAD_MAX_WORD + 1);
	id64 = wordtab_intern(&tab, text, DYAD_MAX_WORD);
	assert_true(id65 >= WORD_FIRST);
	assert_true(id64 >= WORD_FIRST);
	assert_int_not_equal(id64, id65);
	tokens_of(&tab, text, &toks);
	assert_int_equal(toks.len, 2);
	assert_int_equal(VEC_AT(toks, token, 0).start, 0);
	assert_int_equal(VEC_AT(toks, token, 0).end, DYAD_MAX_WORD + 1);
	assert_int_equal(VEC_AT(toks, token, 0).id, 0);
	assert_int_equal(VEC_AT(toks, token, 1).start, DYAD_MAX_WORD + 2);
	assert_int_equal(VEC_AT(toks, token, 1).end, 2 * DYAD_MAX_WORD + 2);
	assert_int_equal(VEC_AT(toks, token, 1).id, id64);
	vec_free(&toks);
	wordtab_free(&tab);
}

static void expect_bad_utf8(const char *text, size_t len, size_t where)
{
	wordtab tab;
	vec toks;
	size_t bad = 9999;

	assert_int_equal(wordtab_init(&tab), DYAD_OK);
	vec_init(&toks, sizeof(token));
	assert_int_equal(tokenize(&tab, text, len, &toks, &bad), DYAD_EUTF8);
	assert_int_equal(bad, where);
	vec_free(&toks);
	wordtab_free(&tab);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* A stray continuation byte between words. */
	expect_bad_utf8("Iran \x80 Iraq", 11, 5);
	/* A byte that never occurs in UTF-8, inside a word. */
	expect_bad_utf8("Ira\xffn", 5, 3);
	/* A sequence cut short by the end of the text, after a valid multi-byte letter. */
	expect_bad_utf8("Erdo\xc4\x9f" "an \xc4", 10, 9);
	/* A lead byte followed by ASCII. */
	expect_bad_utf8("ab \xe2\x80(", 6, 3);
	/* An overlong encoding of '/' and a UTF-16 surrogate. */
	expect_bad_utf8("x \xc0\xaf", 4, 2);
	expect_bad_utf8("x \xed\xa0\x80", 5, 2);
}

/* ---------------------------------------------------------------- sentences */

/* Splits text and checks the sentence token ranges (first, last) pairs. */
static void check_sentences(const char *text, const uint32_t *want, size_t npairs)
{
	wordtab tab;
	vec toks, sents;

	assert_int_equal(wordtab_init(&tab), DYAD_OK);
	tokens_of(&tab, text, &toks);
	vec_init(&sents, sizeof(uint32_t));
	assert_int_equal(split_sentences(toks.data, toks.len, text, &sents), DYAD_OK);
	assert_int_equal(sents.len, 2 * npairs);
	for (size_t i = 0; i < 2 * npairs; i++)
		assert_int_equal(VEC_AT(sents, uint32_t, i), want[i]);
	vec_free(&sents);
	vec_free(&toks);
	wordtab_free(&tab);
}

static void test_split_abbreviation(void **state)
{
	/* The | U.S. | and | Iran | met | . || Then | they | left | . */
	static const uint32_t want[] = {0, 6, 6, 10};

	(void)state;
	check_sentences("The U.S. and Iran met. Then they left.", want, 2);
}

static void test_split_title(void **state)
{
	static const uint32_t want[] = {0, 4};

	(void)state;
	check_sentences("Gen. Smith arrived.", want, 1);
}

static void test_split_closing_quote(void **state)
{
	/* He | said | " | yes | . | " || Then */
	static const uint32_t want[] = {0, 6, 6, 7};
	/* Typographic quotes behave the same. */
	static const uint32_t typo[] = {0, 6, 6, 7};

	(void)state;
	check_sentences("He said \"yes.\" Then", want, 2);
	check_sentences("He said \xe2\x80\x9cyes.\xe2\x80\x9d Then", typo, 2);
}

static void test_split_paragraph(void **state)
{
	static const uint32_t para[] = {0, 2, 2, 4};
	static const uint32_t line[] = {0, 4};

	(void)state;
	check_sentences("Iran protested\n\nIsrael responded", para, 2);
	/* A single line break without a period does not end a sentence. */
	check_sentences("Iran protested\nIsrael responded", line, 1);
}

static void test_split_digits(void **state)
{
	/* It | rose | 3.5 | percent | . || 2023 | was */
	static const uint32_t want[] = {0, 5, 5, 7};
	/* A lower-case word after a period does not open a sentence. */
	static const uint32_t lower[] = {0, 7};

	(void)state;
	check_sentences("It rose 3.5 percent. 2023 was", want, 2);
	check_sentences("It rose 3.5 percent. and then", lower, 1);
}

static void test_split_abbreviation_at_line_end(void **state)
{
	/* talks | with | the | U.S. || The | next */
	static const uint32_t want[] = {0, 4, 4, 6};

	(void)state;
	check_sentences("talks with the U.S.\nThe next", want, 2);
}

static void test_split_empty(void **state)
{
	(void)state;
	check_sentences("", NULL, 0);
	check_sentences("  \n\n ", NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_abbreviation_us),
	    cmocka_unit_test(test_title_abbreviation),
	    cmocka_unit_test(test_initials),
	    cmocka_unit_test(test_numbers),
	    cmocka_unit_test(test_time_abbreviation),
	    cmocka_unit_test(test_possessive),
	    cmocka_unit_test(test_contraction),
	    cmocka_unit_test(test_hyphen_split),
	    cmocka_unit_test(test_typographic_quotes),
	    cmocka_unit_test(test_newline_flags),
	    cmocka_unit_test(test_normalize_word),
	    cmocka_unit_test(test_accented_ids),
	    cmocka_unit_test(test_long_token),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_split_abbreviation),
	    cmocka_unit_test(test_split_title),
	    cmocka_unit_test(test_split_closing_quote),
	    cmocka_unit_test(test_split_paragraph),
	    cmocka_unit_test(test_split_digits),
	    cmocka_unit_test(test_split_abbreviation_at_line_end),
	    cmocka_unit_test(test_split_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
