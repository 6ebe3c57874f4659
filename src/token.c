/* token.c - the tokenizer: UTF-8 bytes to tokens with offsets into the original text, each
 * normalised (case folded, accents stripped, typographic punctuation mapped to ASCII) and
 * looked up in the vocabulary. ASCII takes a table-driven fast path; other code points go
 * through utf8proc one at a time, so nothing is allocated per token. */
#include "internal.h"

#include <string.h>
#include <utf8proc.h>

enum cls { C_SPACE, C_NL, C_ALNUM, C_APOS, C_HYPHEN, C_PERIOD, C_PUNCT, C_COMMA };

/* Decodes the code point at s[i..n); returns its length, 0 on invalid UTF-8. */
static size_t decode(const unsigned char *s, size_t i, size_t n, int32_t *cp)
{
	if (s[i] < 0x80) {
		*cp = s[i];
		return 1;
	}
	utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), cp);
	return k > 0 ? (size_t)k : 0;
}

static enum cls classify(int32_t cp)
{
	if (cp < 0x80) {
		if (cp == '\n')
			return C_NL;
		if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v')
			return C_SPACE;
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
			return C_ALNUM;
		if (cp == '\'')
			return C_APOS;
		if (cp == '-')
			return C_HYPHEN;
		if (cp == '.')
			return C_PERIOD;
		if (cp == ',')
			return C_COMMA;
		return cp < 0x20 ? C_SPACE : C_PUNCT;
	}
	switch (cp) {
	case 0x2018: case 0x2019: case 0x02BC: case 0x2032:
		return C_APOS;
	case 0x2010: case 0x2011:
		return C_HYPHEN;
	case 0x2028: case 0x2029: case 0x85:
		return C_NL;
	case 0xFEFF: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
		return C_SPACE;
	}
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	switch (p->category) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return C_ALNUM;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return C_NL;
	default:
		return C_PUNCT;
	}
}

/* ASCII form of a punctuation code point. */
static char punct_of(int32_t cp)
{
	if (cp < 0x80)
		return (char)cp;
	switch (cp) {
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
	case 0x2033:
		return '"';
	case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0x2010: case 0x2011:
		return '-';
	case 0x2026:
		return '.';
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
		return '\'';
	default:
		return '#';
	}
}

static bool is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_LU;
}

static bool is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	utf8proc_category_t c = utf8proc_get_property(cp)->category;
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

size_t normalize_word(const char *text, size_t n, char *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			if (k >= DYAD_MAX_WORD)
				return 0;
			unsigned char c = s[i++];
			out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		int32_t cp;
		size_t len = decode(s, i, n, &cp);
		if (!len)
			return 0;
		i += len;
		enum cls c = classify(cp);
		if (c == C_APOS || c == C_HYPHEN || c == C_PUNCT) {
			char p = punct_of(cp);
			if (c == C_APOS)
				p = '\'';
			if (c == C_HYPHEN)
				p = '-';
			if (k >= DYAD_MAX_WORD)
				return 0;
			out[k++] = p;
			continue;
		}
		utf8proc_int32_t dst[8];
		int last = 0;
		utf8proc_ssize_t m = utf8proc_decompose_char(
		    cp, dst, 8,
		    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE,
		    &last);
		if (m < 0 || m > 8)
			return 0;
		for (utf8proc_ssize_t j = 0; j < m; j++) {
			if (k + 4 > DYAD_MAX_WORD)
				return 0;
			k += (size_t)utf8proc_encode_char(dst[j], (utf8proc_uint8_t *)out + k);
		}
	}
	return k;
}

/* Abbreviations whose period never ends a sentence by itself (titles, months, Latin), with
 * their lengths. */
#define ABBR(s) {s, sizeof s - 1}
static const struct abbrev {
	const char *s;
	size_t n;
} abbrevs[] = {
    ABBR("mr"),    ABBR("mrs"),  ABBR("ms"),     ABBR("dr"),   ABBR("gen"),  ABBR("sen"),
    ABBR("rep"),   ABBR("gov"),  ABBR("lt"),     ABBR("col"),  ABBR("maj"),  ABBR("capt"),
    ABBR("sgt"),   ABBR("adm"),  ABBR("prof"),   ABBR("st"),   ABBR("jr"),   ABBR("sr"),
    ABBR("jan"),   ABBR("feb"),  ABBR("mar"),    ABBR("apr"),  ABBR("jun"),  ABBR("jul"),
    ABBR("aug"),   ABBR("sep"),  ABBR("sept"),   ABBR("oct"),  ABBR("nov"),  ABBR("dec"),
    ABBR("corp"),  ABBR("inc"),  ABBR("ltd"),    ABBR("co"),   ABBR("vs"),   ABBR("mt"),
    ABBR("ft"),    ABBR("rev"),  ABBR("pres"),   ABBR("amb"),  ABBR("cmdr"), ABBR("brig"),
    ABBR("gens"),  ABBR("messrs"), ABBR("atty"), ABBR("supt"), ABBR("cpl"),  ABBR("pvt"),
    ABBR("lieut"), ABBR("hon"),  ABBR("approx"), ABBR("dept"), ABBR("est"),  ABBR("fig"),
    ABBR("e.g"),   ABBR("i.e"),  ABBR("etc"),    ABBR("al"),
};
#undef ABBR

static bool is_abbrev(const char *norm, size_t n)
{
	for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++)
		if (abbrevs[i].n == n && memcmp(abbrevs[i].s, norm, n) == 0)
			return true;
	return false;
}

static uint32_t lookup(const wordtab *find, wordtab *intern, const char *text, size_t n,
                       bool *ok)
{
	char norm[DYAD_MAX_WORD];
	size_t k = normalize_word(text, n, norm);
	if (!k)
		return 0;
	if (intern) {
		uint32_t id = wordtab_intern(intern, norm, k);
		if (!id)
			*ok = false;
		return id;
	}
	return wordtab_find(find, norm, k, hash_bytes(norm, k));
}

dyad_status tokenize(const wordtab *words, const char *text, size_t len, vec *out, size_t *bad)
{
	return tokenize_impl(words, NULL, text, len, out, bad);
}

/* Tokenizes with interning (dictionary phrases) or lookup (documents). */
dyad_status tokenize_impl(const wordtab *find, wordtab *intern, const char *text, size_t len,
                          vec *out, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	uint16_t pending = 0; /* TF_NL / TF_PARA / TF_SPACE before the next token */
	int newlines = 0;
	bool ok = true;
	while (i < len) {
		int32_t cp;
		size_t cl = decode(s, i, len, &cp);
		if (!cl) {
			if (bad)
				*bad = i;
			return DYAD_EUTF8;
		}
		enum cls c = classify(cp);
		if (c == C_SPACE || c == C_NL) {
			if (c == C_NL && ++newlines >= 2)
				pending |= TF_PARA;
			pending |= c == C_NL ? TF_NL : TF_SPACE;
			i += cl;
			continue;
		}
		newlines = 0;
		token *t = vec_push(out, 1);
		if (!t)
			return DYAD_ENOMEM;
		t->start = (uint32_t)i;
		t->flags = pending;
		t->punct = 0;
		pending = 0;
		if (c != C_ALNUM) {
			/* One punctuation mark a token ("..." is three). */
			size_t j = i + cl;
			t->punct = c == C_APOS ? '\'' : c == C_HYPHEN ? '-' : punct_of(cp);
			t->flags |= TF_PUNCT;
			/* Possessive or contraction: 's and 't after a word. */
			if (c == C_APOS && j < len && (s[j] == 's' || s[j] == 'S') &&
			    (j + 1 >= len || classify(s[j + 1]) != C_ALNUM) && out->len > 1 &&
			    (VEC_AT(*out, token, out->len - 2).flags & TF_WORD) &&
			    VEC_AT(*out, token, out->len - 2).end == i) {
				j++;
				t->flags = (uint16_t)((t->flags & ~TF_PUNCT) | TF_WORD);
				t->punct = 0;
			}
			if (t->punct == '.' || t->punct == '!' || t->punct == '?')
				t->flags |= TF_TERM;
			t->end = (uint32_t)j;
			t->id = lookup(find, intern, text + i, j - i, &ok);
			i = j;
			continue;
		}
		/* A word: letters and digits, with inner periods of abbreviations (U.S., a.m.),
		 * inner digits separators (1,000 and 3.5) and inner apostrophes (O'Brien). */
		size_t j = i;
		if ((cp == 'n' || cp == 'N') && i + 1 < len) {
			/* "n't" left over from a contraction ("did" + "n't") is one token. */
			int32_t e;
			size_t el = decode(s, i + 1, len, &e);
			if (el && classify(e) == C_APOS && i + 1 + el < len &&
			    (s[i + 1 + el] == 't' || s[i + 1 + el] == 'T') &&
			    (i + 2 + el >= len || classify(s[i + 2 + el]) != C_ALNUM) && out->len > 1 &&
			    VEC_AT(*out, token, out->len - 2).end == i) {
				t->end = (uint32_t)(i + 2 + el);
				t->flags |= TF_WORD;
				t->id = lookup(find, intern, text + i, t->end - i, &ok);
				i = t->end;
				continue;
			}
		}
		bool upper_first = is_upper(cp), all_upper = true, has_letter = false, dots = false;
		size_t letters_since_dot = 0;
		while (j < len) {
			int32_t d;
			size_t dl = decode(s, j, len, &d);
			if (!dl) {
				if (bad)
					*bad = j;
				return DYAD_EUTF8;
			}
			enum cls dc = classify(d);
			if (dc == C_ALNUM) {
				if (is_letter(d)) {
					has_letter = true;
					if (!is_upper(d))
						all_upper = false;
				}
				letters_since_dot++;
				j += dl;
				continue;
			}
			if ((dc == C_PERIOD || dc == C_COMMA) && j + 1 < len) {
				int32_t e;
				size_t el = decode(s, j + 1, len, &e);
				if (el && classify(e) == C_ALNUM) {
					bool digits = s[j - 1] >= '0' && s[j - 1] <= '9' && e >= '0' &&
					              e <= '9';
					bool abbr = dc == C_PERIOD && letters_since_dot <= 2 && is_letter(e);
					if (digits || abbr) {
						if (abbr)
							dots = true;
						letters_since_dot = 0;
						j += 1;
						continue;
					}
				}
			}
			if (dc == C_APOS && j + dl < len) {
				int32_t e;
				size_t el = decode(s, j + dl, len, &e);
				/* 's and n't become tokens of their own; O'Brien stays whole. */
				bool poss = el && (e == 's' || e == 'S') &&
				            (j + dl + 1 >= len || classify(s[j + dl + 1]) != C_ALNUM);
				bool nt = el && (e == 't' || e == 'T') && j > i &&
				          (s[j - 1] == 'n' || s[j - 1] == 'N') &&
				          (j + dl + 1 >= len || classify(s[j + dl + 1]) != C_ALNUM);
				if (el && classify(e) == C_ALNUM && !poss && !nt) {
					j += dl;
					continue;
				}
				if (nt && j - 1 > i)
					j -= 1; /* didn't -> did + n't */
			}
			break;
		}
		/* A trailing period belongs to abbreviations and initials. */
		uint16_t flags = TF_WORD;
		if (j < len && s[j] == '.') {
			char norm[DYAD_MAX_WORD];
			size_t k = normalize_word(text + i, j - i, norm);
			bool initial = j - i == 1 && upper_first;
			/* "No. 10" but not "said no." */
			bool number = k >= 2 && k <= 3 && memcmp(norm, "no", 2) == 0 &&
			              (k == 2 || norm[2] == 's') && j + 2 < len && s[j + 1] == ' ' &&
			              s[j + 2] >= '0' && s[j + 2] <= '9';
			if (dots || initial || number || (k && is_abbrev(norm, k))) {
				j++;
				flags |= TF_ABBR;
			}
		}
		if (upper_first)
			flags |= TF_CAP;
		if (has_letter && all_upper)
			flags |= TF_ALLCAPS;
		t->flags |= flags;
		t->end = (uint32_t)j;
		t->id = lookup(find, intern, text + i, j - i, &ok);
		i = j;
	}
	return ok ? DYAD_OK : DYAD_ENOMEM;
}
