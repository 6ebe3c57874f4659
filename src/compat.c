/* compat.c - TABARI and PETRARCH dictionaries (actors, agents, verbs with synsets and
 * patterns, discards) translated into dyad's dictionary format in memory, line numbers kept
 * with `line` directives, then loaded with dyad's built-in codebook and inflections. */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ALTS 128      /* expansions of one foreign pattern (synsets, alternatives) */
#define MAX_LINE_PATTERNS 384 /* dyad patterns from one foreign line (alternatives x verbs):
                               * bounds the event trie, and so the load time, of dictionaries
                               * whose blocks have dozens of verbs */
#define MAX_VERBS 64      /* verbs of one verb block */
#define MAX_RESTRICT 64   /* dated codes of one actor */
#define MAX_DYAD_ITEMS 24 /* dict.c's MAX_ITEMS */

typedef struct synset {
	char name[64];
	buf members;       /* "\n"-separated members as written */
	bool noplural;
} synset;

struct actor_state;
struct verb_state;
struct subst;

typedef struct tr {
	buf out;           /* the dyad text being written */
	FILE *report;
	const char *file;
	long line;
	size_t nerrors;
	vec synsets;       /* synset */
	vec codes;         /* char *: event codes used */
	char verbs[MAX_VERBS][96]; /* dyad forms of the current block's verbs */
	char root_code[MAX_VERBS][12]; /* code of each verb alone, "" for none */
	long root_line[MAX_VERBS];
	int nverbs;
	char block_code[12];/* default code of the current verb block, "" for none */
	buf deferred;       /* the block's patterns with a synonym set, written after the others */
	buf plain;          /* PETRARCH-2: the block's other patterns, written at its end */
	vec plain_at, deferred_at; /* PETRARCH-2: size_t start of each entry in plain, deferred */
	char last_lemma[64];
	dyad_status oom;
	struct actor_state *as; /* while reading an actor file */
	struct verb_state *vs;  /* while reading a verb file */
	struct subst *subs;     /* while reading an agent file: !NAME! sets */
	int nsubs;
	bool p2;                /* PETRARCH-2 verbs: `[A:B]` is active:passive */
	size_t ncapped;         /* pattern lines of this file whose expansions were capped */
	bool tabari;            /* a TABARI file (not *.txt): words are stems */
	dyad_compat_dialect dialect; /* as given; AUTO guesses per file */
	bool any_tabari;        /* some file was a TABARI file */
	bool tabari_verbs;      /* the verbs file was a TABARI file: TABARI's coding rules */
	bool any_p2;            /* some verb file was a PETRARCH-2 file */
	vec verb_codes;         /* PETRARCH-2: verb_code of each verb, for its transformations */
	bool any_p1;            /* some verb file was a PETRARCH-1 file */
	bool p1_actors;         /* the verbs file is PETRARCH-1's: so are the actor files */
} tr;

static void warn(tr *T, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void warn(tr *T, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (T->report)
		fprintf(T->report, "%s:%ld: %s\n", T->file, T->line, msg);
	T->nerrors++;
}

static void emit(tr *T, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void emit(tr *T, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *tmp = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (tmp)
		vsnprintf(tmp, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	if (!tmp || buf_append(&T->out, tmp, (size_t)n) != DYAD_OK)
		T->oom = DYAD_ENOMEM;
	free(tmp);
}

/* ---------------------------------------------------------------- lexical helpers */


/* Copies s[0..n) into out[cap] lower-cased, `_` and runs of white space as one blank,
 * without a trailing `_` or `=`; returns the length (0 when it does not fit). */
static size_t phrase_text(const char *s, size_t n, char *out, size_t cap)
{
	s = trim_space(s, &n);
	while (n && (s[n - 1] == '_' || s[n - 1] == '=' || s[n - 1] == '~'))
		n--;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '_' || isspace((unsigned char)c) || c == ';' || c == '#')
			c = ' ';
		if (c == ' ' && (k == 0 || out[k - 1] == ' '))
			continue;
		if (k + 1 >= cap)
			return 0;
		out[k++] = (char)tolower((unsigned char)c);
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = 0;
	return k;
}

/* Removes comments from line[0..*n): `<!-- ... -->` (which may span lines: *in_comment
 * carries the state), and from `#` or, when semicolon, `;` to the end of the line. */
static void strip_comments(char *line, size_t *n, bool *in_comment, bool semicolon)
{
	size_t k = 0;
	int depth = 0; /* inside [...]: `[###]` is a code, not a comment */
	for (size_t i = 0; i < *n;) {
		if (*in_comment) {
			if (i + 3 <= *n && memcmp(line + i, "-->", 3) == 0) {
				*in_comment = false;
				i += 3;
			} else {
				i++;
			}
			continue;
		}
		if (i + 4 <= *n && memcmp(line + i, "<!--", 4) == 0) {
			*in_comment = true;
			i += 4;
			continue;
		}
		if (line[i] == '[')
			depth++;
		else if (line[i] == ']' && depth)
			depth--;
		if ((line[i] == '#' && !depth) || (semicolon && line[i] == ';') ||
		    (line[i] == '/' && i + 1 < *n && line[i + 1] == '/'))
			break;
		line[k++] = line[i++];
	}
	*n = k;
}

/* Calls fn(T, line, len) for each line of text with comments removed. */
static void each_line(tr *T, const char *text, size_t len, bool semicolon,
                      void (*fn)(tr *, char *, size_t))
{
	bool in_comment = false;
	char *line = malloc(len + 1);
	if (!line) {
		T->oom = DYAD_ENOMEM;
		return;
	}
	T->line = 0;
	size_t i = 0;
	while (i < len && !T->oom) {
		size_t j = i;
		while (j < len && text[j] != '\n')
			j++;
		T->line++;
		size_t n = j - i;
		memcpy(line, text + i, n);
		if (n && line[n - 1] == '\r')
			n--;
		/* A NUL byte ends the line. */
		for (size_t q = 0; q < n; q++)
			if (!line[q]) {
				n = q;
				break;
			}
		strip_comments(line, &n, &in_comment, semicolon);
		line[n] = 0;
		fn(T, line, n);
		i = j + 1;
	}
	free(line);
}

/* Parses a date written YYMMDD (00-30 are 20YY) or YYYYMMDD into days; INT32_MIN if bad. */
static int32_t foreign_date(const char *s, size_t n)
{
	char iso[11];
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return INT32_MIN;
	if (n == 6) {
		int yy = (s[0] - '0') * 10 + (s[1] - '0');
		snprintf(iso, sizeof iso, "%s%.2s-%.2s-%.2s", yy <= 30 ? "20" : "19", s, s + 2, s + 4);
	} else if (n == 8) {
		snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
	} else {
		return INT32_MIN;
	}
	return dyad_date_parse(iso, 10);
}

/* ---------------------------------------------------------------- event codes */

static int event_code_pair(tr *T, const char *pair, char *out, char sep);
static int remember_code(tr *T, const char *out);

/* Normalises a foreign event code ("064", "032:033", "111!", "023?") to the dyad code in
 * out[12]: the active code of a pair. Returns 1 for a code, 0 for a null code (`---`, or a
 * passive-only `:173`), -1 when malformed. */
static int event_code(tr *T, const char *s, size_t n, char out[12])
{
	s = trim_space(s, &n);
	char tmp[32];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof tmp; i++)
		if (!isspace((unsigned char)s[i]))
			tmp[k++] = s[i];
	tmp[k] = 0;
	/* TABARI and PETRARCH-1 `A:B` is a paired event (B -> A coded B), `A:B` in dyad;
	 * PETRARCH-2's is active:passive, `A/B` in dyad. */
	char *colon = strchr(tmp, ':');
	char pair[16] = "", passive[16] = "";
	if (colon) {
		*colon = 0;
		snprintf(T->p2 ? passive : pair, sizeof pair, "%s", colon + 1);
		size_t vk = strlen(passive);
		while (vk && (passive[vk - 1] == '!' || passive[vk - 1] == '?'))
			passive[--vk] = 0;
		if (!strcmp(passive, "---"))
			passive[0] = 0;
		size_t pk = strlen(pair);
		while (pk && (pair[pk - 1] == '!' || pair[pk - 1] == '?'))
			pair[--pk] = 0;
		if (!strcmp(pair, "---"))
			pair[0] = 0;
	}
	k = strlen(tmp);
	bool subordinate = false, dominant = false;
	while (k && (tmp[k - 1] == '!' || tmp[k - 1] == '?')) {
		subordinate |= tmp[k - 1] == '?';
		dominant |= tmp[--k] == '!';
	}
	tmp[k] = 0;
	if ((k == 0 || strcmp(tmp, "---") == 0) && passive[0]) {
		/* PETRARCH-2's `[:173]`: coded only in the passive. */
		out[0] = 0;
		if (event_code_pair(T, passive, out, '/'))
			return -1;
		memmove(out + 3, out, strlen(out) + 1);
		memcpy(out, "---", 3);
		return 1;
	}
	if (k == 0 || strcmp(tmp, "---") == 0)
		return 0;
	bool ok = k >= 2 && k <= 4 && isdigit((unsigned char)tmp[0]) && isdigit((unsigned char)tmp[1]);
	for (size_t i = 0; ok && i < k; i++)
		if (!isdigit((unsigned char)tmp[i]) && !isupper((unsigned char)tmp[i]))
			ok = false;
	if (!ok) {
		warn(T, "bad event code '%.*s'", (int)n, s);
		return -1;
	}
	memcpy(out, tmp, k + 1);
	if (remember_code(T, out) < 0)
		return -1;
	if (pair[0] && event_code_pair(T, pair, out, ':'))
		return -1;
	if (passive[0] && event_code_pair(T, passive, out, '/'))
		return -1;
	size_t ol = strlen(out);
	if (subordinate && ol + 1 < 12) {
		out[ol] = '?';
		out[ol + 1] = 0;
	} else if (dominant && T->tabari && ol + 1 < 12) {
		/* TABARI's dominant code (`tabari-coding`). */
		out[ol] = '!';
		out[ol + 1] = 0;
	}
	return 1;
}

/* Appends sep and pair (":PAIR", "/PASSIVE") to out[12] when pair is a good code, or to ""
 * when out is empty. Returns non-zero when it is not. */
static int event_code_pair(tr *T, const char *pair, char *out, char sep)
{
	size_t k = strlen(pair), ok = k >= 2 && k <= 4 && isdigit((unsigned char)pair[0]) &&
	                              isdigit((unsigned char)pair[1]);
	for (size_t i = 0; ok && i < k; i++)
		if (!isdigit((unsigned char)pair[i]) && !isupper((unsigned char)pair[i]))
			ok = 0;
	if (!ok) {
		warn(T, "bad %s event code '%s'", sep == ':' ? "paired" : "passive", pair);
		return 1;
	}
	if (remember_code(T, pair) < 0)
		return 1;
	size_t ol = strlen(out);
	if (ol + 1 + k >= 12)
		return 1;
	out[ol] = sep;
	memcpy(out + ol + 1, pair, k + 1);
	return 0;
}

static int remember_code(tr *T, const char *out)
{
	size_t k = strlen(out);
	for (size_t i = 0; i < T->codes.len; i++)
		if (!strcmp(VEC_AT(T->codes, char *, i), out))
			return 1;
	char **p = vec_push(&T->codes, 1);
	char *copy = malloc(k + 1);
	if (!p || !copy) {
		free(copy);
		if (p)
			T->codes.len--;
		T->oom = DYAD_ENOMEM;
		return -1;
	}
	memcpy(copy, out, k + 1);
	*p = copy;
	return 1;
}

/* ---------------------------------------------------------------- actors */

typedef struct restriction {
	int32_t lo, hi;    /* inclusive days */
	char code[16];     /* "" for a null or discard code */
	bool dated;
	bool discard;      /* `[###]`: a sentence naming the actor is not coded */
} restriction;

typedef struct actor_acc {
	long line;
	buf names;         /* "; "-separated dyad phrases */
	restriction r[MAX_RESTRICT];
	int nr;
	bool open;
} actor_acc;

/* Reads one `[CODE]`, `[CODE <D]`, `[CODE >D]` or `[CODE D1-D2]` body into the entry. */
static void add_restriction(tr *T, actor_acc *a, const char *s, size_t n)
{
	s = trim_space(s, &n);
	char code[32];
	size_t cl = 0, i = 0;
	while (i < n && !isspace((unsigned char)s[i]) && s[i] != '<' && s[i] != '>' &&
	       !isdigit((unsigned char)s[i]) && cl + 1 < sizeof code)
		code[cl++] = s[i++];
	/* Codes may contain digits after letters ("AR1"): take digits glued to letters. */
	while (i < n && cl && isalnum((unsigned char)s[i]) && cl + 1 < sizeof code)
		code[cl++] = s[i++];
	code[cl] = 0;
	char date[40];
	size_t dl = 0;
	for (; i < n && dl + 1 < sizeof date; i++)
		if (!isspace((unsigned char)s[i]))
			date[dl++] = s[i];
	date[dl] = 0;
	if (a->nr >= MAX_RESTRICT) {
		warn(T, "too many codes for one actor");
		return;
	}
	restriction *r = &a->r[a->nr];
	memset(r, 0, sizeof *r);
	r->lo = INT32_MIN + 1;
	r->hi = INT32_MAX;
	/* A compound code (A/B/C) is several actors (`org A/B/C`) when it is undated, has no
	 * member shorter than three letters and fits in 15 characters; else it keeps its first
	 * member. */
	char *slash = strchr(code, '/');
	bool compound = slash && !dl && strlen(code) <= 15;
	for (char *p = code, *e; compound && p; p = e ? e + 1 : NULL) {
		e = strchr(p, '/');
		compound = (e ? (size_t)(e - p) : strlen(p)) >= 3;
	}
	if (slash && !compound)
		*slash = 0;
	cl = strlen(code);
	bool null = cl == 0 || strspn(code, "-#+") == cl;
	r->discard = cl && strspn(code, "#") == cl;
	if (!null) {
		for (size_t q = 0; q < cl; q++) {
			code[q] = (char)toupper((unsigned char)code[q]);
			if (!isupper((unsigned char)code[q]) && !isdigit((unsigned char)code[q]) &&
			    code[q] != '/')
				null = true;
		}
		if (null || cl < 3 || cl > 15) {
			warn(T, "bad actor code '%.*s'", (int)n, s);
			return;
		}
		memcpy(r->code, code, cl + 1);
	}
	if (dl) {
		r->dated = true;
		if (date[0] == '<' || date[0] == '>') {
			int32_t d = foreign_date(date + 1, dl - 1);
			if (d == INT32_MIN) {
				warn(T, "bad date '%s' (want YYMMDD or YYYYMMDD)", date + 1);
				return;
			}
			if (date[0] == '<')
				r->hi = d - 1;
			else
				r->lo = d;
		} else {
			char *dash = strchr(date, '-');
			if (!dash) {
				warn(T, "bad date restriction '%s' (want <D, >D or D1-D2)", date);
				return;
			}
			int32_t d1 = dash ? foreign_date(date, (size_t)(dash - date)) : INT32_MIN;
			int32_t d2 = dash ? foreign_date(dash + 1, strlen(dash + 1)) : INT32_MIN;
			if (d1 == INT32_MIN || d2 == INT32_MIN || d1 > d2) {
				warn(T, "bad date range '%s' (want D1-D2)", date);
				return;
			}
			r->lo = d1;
			r->hi = d2;
		}
	}
	a->nr++;
}

/* Reads every `[...]` group of s[0..n). */
static void add_restrictions(tr *T, actor_acc *a, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		while (i < n && s[i] != '[')
			i++;
		if (i >= n)
			break;
		size_t j = i + 1;
		while (j < n && s[j] != ']')
			j++;
		if (j >= n) {
			warn(T, "'[' without ']'");
			return;
		}
		add_restriction(T, a, s + i + 1, j - i - 1);
		i = j + 1;
	}
}

static void date_iso(int32_t d, char out[11])
{
	if (d <= INT32_MIN + 1) {
		memcpy(out, "0001-01-01", 11);
		return;
	}
	dyad_date_format(d, out);
}

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return x < y ? -1 : x > y;
}

/* The code restriction list as dated roles: each stretch of time takes the first dated code
 * that covers it, else the undated default. */
static void emit_person(tr *T, actor_acc *a, const char *deflt)
{
	int32_t cut[2 * MAX_RESTRICT + 2];
	int nc = 0;
	cut[nc++] = INT32_MIN + 1;
	for (int i = 0; i < a->nr; i++) {
		if (!a->r[i].dated)
			continue;
		cut[nc++] = a->r[i].lo;
		if (a->r[i].hi != INT32_MAX)
			cut[nc++] = a->r[i].hi + 1;
	}
	qsort(cut, (size_t)nc, sizeof cut[0], cmp_i32);
	emit(T, "line %ld\nperson %s\n", a->line, a->names.data);
	const char *prev = NULL;
	int32_t from = 0;
	for (int k = 0; k < nc; k++) {
		if (k + 1 < nc && cut[k + 1] == cut[k])
			continue;
		int32_t lo = cut[k];
		const char *code = deflt;
		for (int i = 0; i < a->nr; i++)
			if (a->r[i].dated && a->r[i].lo <= lo && lo <= a->r[i].hi) {
				/* A dated null code (`[--- <950630]`): not an actor then. */
				code = a->r[i].discard ? "discard" : a->r[i].code[0] ? a->r[i].code : "---";
				break;
			}
		if (prev && strcmp(prev, code) == 0)
			continue;
		if (prev && prev[0]) {
			char f[11], t[11];
			date_iso(from, f);
			date_iso(lo - 1, t);
			emit(T, "  role %s %s %s\n", prev, f, t);
		}
		prev = code;
		from = lo;
	}
	if (prev && prev[0]) {
		char f[11];
		date_iso(from, f);
		emit(T, "  role %s %s -\n", prev, f);
	}
}

static void plural_of(const char *s, char *out, size_t cap);

static void flush_actor(tr *T, actor_acc *a)
{
	if (!a->open)
		return;
	a->open = false;
	long saved = T->line;
	T->line = a->line;
	const char *deflt = "";
	bool dated = false, discard = false;
	for (int i = 0; i < a->nr; i++) {
		if (a->r[i].dated)
			dated = true;
		else if (!deflt[0])
			deflt = a->r[i].discard ? "discard" : a->r[i].code;
		if (!a->r[i].dated && a->r[i].discard)
			discard = true;
	}
	/* `###` is TABARI's discard code; PETRARCH-1 has a discard file instead and codes the
	 * phrase as the actor "###". */
	if (!dated && discard && a->names.len && T->p1_actors) {
		emit(T, "line %ld\norg \\#\\#\\# %s\n", a->line, a->names.data);
		T->line = saved;
		return;
	}
	if (!dated && discard && a->names.len) {
		emit(T, "line %ld\ndiscard-sentence %s\n", a->line, a->names.data);
		T->line = saved;
		return;
	}
	if (!a->names.len || (!dated && !deflt[0])) {
		T->line = saved;
		return; /* an uncoded, null or discard phrase */
	}
	if (dated) {
		char first[32]; /* a role is one actor: a compound default keeps its first member */
		snprintf(first, sizeof first, "%.*s", (int)strcspn(deflt, "/"), deflt);
		emit_person(T, a, first);
	} else {
		size_t cl = strlen(deflt);
		bool country = cl == 3;
		for (size_t i = 0; i < cl; i++)
			if (!isupper((unsigned char)deflt[i]))
				country = false;
		emit(T, "line %ld\n%s %s %s\n", a->line, country ? "country" : "org", deflt,
		     a->names.data);
	}
	T->line = saved;
}

static void add_name(tr *T, actor_acc *a, const char *s, size_t n)
{
	char p[512], gapped[512];
	/* In a TABARI phrase a blank (not `_`) lets other words come between ("PRINCE
	 * DOL_AMROTH": "Prince of Dol Amroth"): dyad's `*`. PETRARCH-1 matches its actor
	 * phrases so too ("SYLVANIA RADIO": "Sylvania state-run radio"). */
	size_t gn = n;
	const char *graw = trim_space(s, &gn);
	if ((T->tabari || T->p1_actors) && gn < sizeof gapped / 3) {
		size_t g = 0;
		for (size_t i = 0; i < gn; i++) {
			if (isspace((unsigned char)graw[i])) {
				while (i + 1 < gn && isspace((unsigned char)graw[i + 1]))
					i++;
				memcpy(gapped + g, " * ", 3);
				g += 3;
			} else {
				gapped[g++] = graw[i];
			}
		}
		s = gapped;
		n = g;
	}
	size_t k = phrase_text(s, n, p, sizeof p);
	if (!k) {
		warn(T, "empty or too long phrase");
		return;
	}
	if ((a->names.len && buf_append(&a->names, "; ", 2) != DYAD_OK) ||
	    buf_append(&a->names, p, k) != DYAD_OK)
		T->oom = DYAD_ENOMEM;
	/* TABARI adds regular endings to a phrase unless it ends in `_` or `=`: the plural
	 * ("Goodlanders") is the one that names actors. */
	size_t m = n;
	const char *raw = trim_space(s, &m);
	char pl[520];
	bool stem = m && raw[m - 1] != '_' && raw[m - 1] != '=' && isalpha((unsigned char)p[k - 1]);
	/* A TABARI phrase is a stem: "ARGENTIN" is Argentina and Argentine, "ENT" Entian. The
	 * common endings of names and demonyms stand in for prefix matching. */
	static const char *const endings[] = {"a", "an", "ans", "ia", "ian", "ians", "e", "es",
	                                      "i", "is", "ese", "ish", "n", "ns"};
	for (size_t e = 0; T->tabari && stem && e < sizeof endings / sizeof endings[0]; e++) {
		size_t el = strlen(endings[e]);
		if (k + el + 1 >= sizeof pl)
			break;
		memcpy(pl, p, k);
		memcpy(pl + k, endings[e], el + 1);
		if (buf_append(&a->names, "; ", 2) != DYAD_OK ||
		    buf_append(&a->names, pl, k + el) != DYAD_OK)
			T->oom = DYAD_ENOMEM;
	}
	/* With `_` TABARI still adds the plural S ("Libyas"); with `=` nothing (manual 5.2.3). */
	if (T->tabari && m && raw[m - 1] == '_' && isalpha((unsigned char)p[k - 1]) &&
	    k + 2 < sizeof pl) {
		memcpy(pl, p, k);
		memcpy(pl + k, "s", 2);
		if (buf_append(&a->names, "; ", 2) != DYAD_OK ||
		    buf_append(&a->names, pl, k + 1) != DYAD_OK)
			T->oom = DYAD_ENOMEM;
	}
	if (stem && k >= 3) {
		plural_of(p, pl, sizeof pl);
		for (char *c = pl; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		if (pl[0] && (buf_append(&a->names, "; ", 2) != DYAD_OK ||
		              buf_append(&a->names, pl, strlen(pl)) != DYAD_OK))
			T->oom = DYAD_ENOMEM;
	}
}

typedef struct actor_state {
	actor_acc acc;
	int section;       /* 1 inside <NOUN>, 3 inside <ADJECTIVE>, 2 after ~FINISH */
} actor_state;

static void actor_line(tr *T, char *s, size_t n)
{
	actor_acc *a = &T->as->acc;
	size_t m = n;
	const char *t = trim_space(s, &m);
	if (!m || T->as->section == 2)
		return;
	if (t[0] == '<') {
		if (!strncmp(t, "<NOUN>", 6))
			T->as->section = 1;
		else if (!strncmp(t, "<ADJECTIVE>", 11))
			T->as->section = 3;
		else if (!strncmp(t, "</NOUN>", 7) || !strncmp(t, "</ADJECTIVE>", 12))
			T->as->section = 0;
		return;
	}
	if (T->as->section == 1 || T->as->section == 3) {
		/* TABARI's uncoded nouns and adjectives, which join compound phrases. */
		char w[256];
		size_t k = 0;
		for (size_t i = 0; i < m && k + 1 < sizeof w && !isspace((unsigned char)t[i]); i++)
			if (isalnum((unsigned char)t[i]) || t[i] == '_' || t[i] == '-' || t[i] == '\'')
				w[k++] = t[i] == '_' ? ' ' : t[i];
		w[k] = 0;
		if (T->tabari && k)
			emit(T, "line %ld\n%s %s\n", T->line,
			     T->as->section == 1 ? "plain-noun" : "plain-adjective", w);
		return;
	}
	if (!strncmp(t, "~FINISH", 7)) {
		flush_actor(T, a);
		T->as->section = 2;
		return;
	}
	if (t[0] == '[') {
		if (!a->open) {
			warn(T, "code line without an actor");
			return;
		}
		add_restrictions(T, a, t, m);
		return;
	}
	if (t[0] == '+') {
		if (!a->open) {
			warn(T, "synonym without an actor");
			return;
		}
		const char *br = memchr(t, '[', m);
		size_t pl = br ? (size_t)(br - t) : m;
		add_name(T, a, t + 1, pl - 1);
		if (br)
			add_restrictions(T, a, br, m - pl);
		return;
	}
	flush_actor(T, a);
	a->open = true;
	a->line = T->line;
	a->names.len = 0;
	if (a->names.data)
		a->names.data[0] = 0;
	a->nr = 0;
	const char *br = memchr(t, '[', m);
	size_t pl = br ? (size_t)(br - t) : m;
	add_name(T, a, t, pl);
	if (br)
		add_restrictions(T, a, br, m - pl);
}

/* ---------------------------------------------------------------- agents */

typedef struct subst {
	char name[32];
	char items[512];   /* "," separated */
} subst;

static void agent_emit(tr *T, const char *code, const char *phrase, size_t pn, const char *plural,
                       size_t pln)
{
	char p[512], q[512];
	size_t k = phrase_text(phrase, pn, p, sizeof p);
	if (!k) {
		warn(T, "empty or too long phrase");
		return;
	}
	size_t k2 = pln ? phrase_text(plural, pln, q, sizeof q) : 0;
	/* Braces give the plural, and `{}` none: no regular plural is added (`=`). */
	if (k2)
		emit(T, "agent %s %s=; %s=\n", code, p, q);
	else
		emit(T, "agent %s %s%s\n", code, p, plural ? "=" : "");
}

static void agent_line(tr *T, char *s, size_t n)
{
	size_t m = n;
	const char *t = trim_space(s, &m);
	if (!m)
		return;
	/* "!NAME! = A, B" defines a set; "!NAME!_OF_X [~GOV]" is an agent that uses one. */
	const char *open = t[0] == '!' ? memchr(t, '[', m) : NULL;
	const char *setend = t[0] == '!' ? memchr(t + 1, '!', m - 1) : NULL;
	bool uses_set = open && setend && setend < open && !memchr(t, '=', (size_t)(open - t));
	if (t[0] == '!' && !uses_set) {
		const char *eq = memchr(t, '=', m);
		const char *bang = setend;
		if (!eq || !bang || bang > eq || T->nsubs >= 64 || (size_t)(bang - t) >= 32) {
			warn(T, "bad substitution set (want !NAME! = A, B)");
			return;
		}
		subst *sb = &T->subs[T->nsubs++];
		memset(sb, 0, sizeof *sb);
		memcpy(sb->name, t, (size_t)(bang - t) + 1);
		size_t il = m - (size_t)(eq + 1 - t);
		if (il >= sizeof sb->items)
			il = sizeof sb->items - 1;
		memcpy(sb->items, eq + 1, il);
		return;
	}
	const char *br = memchr(t, '[', m);
	const char *close = br ? memchr(br, ']', m - (size_t)(br - t)) : NULL;
	if (!br || !close) {
		warn(T, "agent without a [CODE]");
		return;
	}
	char code[24];
	size_t cl = 0;
	for (const char *c = br + 1; c < close && cl + 1 < sizeof code; c++)
		if (!isspace((unsigned char)*c))
			code[cl++] = (char)toupper((unsigned char)*c);
	code[cl] = 0;
	char dcode[24];
	if (cl > 1 && code[0] == '~')
		snprintf(dcode, sizeof dcode, "%s", code + 1);
	else if (cl > 1 && code[cl - 1] == '~')
		snprintf(dcode, sizeof dcode, "%s", code);
	else {
		warn(T, "agent code '%s' wants ~ before or after it", code);
		return;
	}
	size_t dl = strlen(dcode) - (dcode[strlen(dcode) - 1] == '~');
	bool ok = dl >= 3 && dl <= 15;
	for (size_t i = 0; ok && i < dl; i++)
		if (!isupper((unsigned char)dcode[i]) && !isdigit((unsigned char)dcode[i]))
			ok = false;
	if (!ok) {
		warn(T, "bad agent code '%s'", code);
		return;
	}
	const char *phrase = t;
	size_t pn = (size_t)(br - t);
	const char *plural = NULL;
	size_t pln = 0;
	const char *ob = memchr(t, '{', pn);
	if (ob) {
		const char *cb = memchr(ob, '}', (size_t)(br - ob));
		if (!cb) {
			warn(T, "'{' without '}'");
			return;
		}
		plural = ob + 1;
		pln = (size_t)(cb - ob - 1);
		pn = (size_t)(ob - t);
	}
	/* !NAME! substitution: one agent line per member. */
	const char *b1 = memchr(phrase, '!', pn);
	if (b1) {
		const char *b2 = memchr(b1 + 1, '!', pn - (size_t)(b1 + 1 - phrase));
		subst *sb = NULL;
		for (int i = 0; b2 && i < T->nsubs; i++)
			if (strlen(T->subs[i].name) == (size_t)(b2 - b1 + 1) &&
			    !memcmp(T->subs[i].name, b1, (size_t)(b2 - b1 + 1)))
				sb = &T->subs[i];
		if (!sb) {
			size_t tn = pn;
			const char *tp = trim_space(phrase, &tn);
			warn(T, "unknown substitution set in '%.*s'", (int)tn, tp);
			return;
		}
		const char *it = sb->items;
		while (*it) {
			size_t il = strcspn(it, ",");
			char full[512];
			size_t inn = il;
			const char *item = trim_space(it, &inn);
			int fl = snprintf(full, sizeof full, "%.*s%.*s%.*s", (int)(b1 - phrase), phrase,
			                  (int)inn, item, (int)(phrase + pn - b2 - 1), b2 + 1);
			if (fl > 0 && (size_t)fl < sizeof full)
				agent_emit(T, dcode, full, (size_t)fl, NULL, 0);
			it += il;
			if (*it == ',')
				it++;
		}
		return;
	}
	emit(T, "line %ld\n", T->line);
	agent_emit(T, dcode, phrase, pn, plural, pln);
}

/* ---------------------------------------------------------------- discards */

static void discard_line(tr *T, char *s, size_t n)
{
	size_t m = n;
	const char *t = trim_space(s, &m);
	if (!m)
		return;
	bool story = t[0] == '+';
	if (story) {
		t++;
		m--;
	}
	char p[512];
	if (!phrase_text(t, m, p, sizeof p)) {
		warn(T, "empty or too long phrase");
		return;
	}
	emit(T, "line %ld\ndiscard-%s %s\n", T->line, story ? "document" : "sentence", p);
}

/* ---------------------------------------------------------------- verbs */

typedef struct verb_code {
	char lemma[32];
	char code[12];
} verb_code;

typedef struct verb_state {
	int synset;        /* index of the synset being read, -1 when none */
	int section;       /* 1 inside <TIME>/<ATTRIB>/transformations */
	bool petrarch;     /* `--- VERB [CODE] ---` block headers seen */
	bool in_synsets;   /* inside <SYNSETS> */
} verb_state;

static synset *find_synset(tr *T, const char *name, size_t n)
{
	for (size_t i = 0; i < T->synsets.len; i++) {
		synset *s = &VEC_AT(T->synsets, synset, i);
		size_t k = strlen(s->name);
		if (k == n && !memcmp(s->name, name, n))
			return s;
		/* "&CURRENCY_" is the no-plural spelling of "&CURRENCY". */
		if (k == n + 1 && s->name[n] == '_' && !memcmp(s->name, name, n))
			return s;
	}
	return NULL;
}

typedef struct strlist {
	char *s[MAX_ALTS];
	int n;
	bool overflow;
	bool bad;          /* an unknown synset (reported) */
} strlist;

static void strlist_free(strlist *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->s[i]);
	l->n = 0;
}

static void strlist_add(tr *T, strlist *l, const char *s, size_t n)
{
	if (l->n >= MAX_ALTS) {
		l->overflow = true;
		return;
	}
	char *c = malloc(n + 1);
	if (!c) {
		T->oom = DYAD_ENOMEM;
		return;
	}
	memcpy(c, s, n);
	c[n] = 0;
	l->s[l->n++] = c;
}

/* Regular plural of the last word of s into out (upper case input). */
static void plural_of(const char *s, char *out, size_t cap)
{
	size_t n = strlen(s);
	if (n + 3 >= cap) {
		out[0] = 0;
		return;
	}
	memcpy(out, s, n + 1);
	char last = n ? (char)toupper((unsigned char)s[n - 1]) : 0;
	char prev = n > 1 ? (char)toupper((unsigned char)s[n - 2]) : 0;
	if (!isalpha((unsigned char)last)) {
		out[0] = 0;
		return;
	}
	if (last == 'Y' && prev && !strchr("AEIOU", prev)) {
		memcpy(out + n - 1, "IES", 4);
	} else if (last == 'S' || last == 'X' || last == 'Z' ||
	           (last == 'H' && (prev == 'C' || prev == 'S'))) {
		memcpy(out + n, "ES", 3);
	} else {
		memcpy(out + n, "S", 2);
	}
}

/* Expands synsets (`&NAME`) and alternatives (`{ A | B }`) of pattern text into plain
 * pattern texts. depth bounds nested synsets. */
static void expand_alts(tr *T, const char *pat, strlist *out, int depth)
{
	if (depth > 6 || out->overflow || out->bad) {
		out->overflow = true;
		return;
	}
	const char *amp = strchr(pat, '&');
	const char *brace = NULL;
	for (const char *b = strchr(pat, '{'); b; b = strchr(b + 1, '{')) {
		const char *e = strchr(b, '}');
		if (e && memchr(b, '|', (size_t)(e - b))) {
			brace = b;
			break;
		}
	}
	if (!amp && !brace) {
		strlist_add(T, out, pat, strlen(pat));
		return;
	}
	char tmp[2048];
	if (brace && (!amp || brace < amp)) {
		const char *e = strchr(brace, '}');
		const char *a = brace + 1;
		while (a < e) {
			const char *bar = memchr(a, '|', (size_t)(e - a));
			const char *end = bar ? bar : e;
			size_t an = (size_t)(end - a);
			const char *alt = trim_space(a, &an);
			int k = snprintf(tmp, sizeof tmp, "%.*s%.*s%s", (int)(brace - pat), pat, (int)an,
			                 alt, e + 1);
			if (k > 0 && (size_t)k < sizeof tmp)
				expand_alts(T, tmp, out, depth + 1);
			a = end + 1;
		}
		return;
	}
	size_t nl = 1;
	while (isalnum((unsigned char)amp[nl]) || amp[nl] == '-')
		nl++;
	/* `_` after a synset name joins the next word, unless the name itself ends in `_`
	 * ("&CURRENCY_": members without plurals). */
	synset *sy = NULL;
	if (amp[nl] == '_') {
		sy = find_synset(T, amp, nl + 1);
		if (sy && strlen(sy->name) == nl + 1)
			nl++;
		else
			sy = NULL;
	}
	if (!sy)
		sy = find_synset(T, amp, nl);
	if (!sy) {
		if (!out->bad)
			warn(T, "unknown synset '%.*s'", (int)nl, amp);
		out->bad = true;
		return;
	}
	const char *m = sy->members.data ? sy->members.data : "";
	while (*m) {
		size_t ml = strcspn(m, "\n");
		char member[256];
		if (ml < sizeof member) {
			memcpy(member, m, ml);
			member[ml] = 0;
			bool noplural = sy->noplural || (ml && member[ml - 1] == '_');
			/* Before the verb TABARI leaves the `_` after a synset open: "&NEG_EVER *"
			 * matches "did not even ever". */
			bool open = T->tabari && amp[nl] == '_' && strchr(amp + nl, '*');
			int k = snprintf(tmp, sizeof tmp, "%.*s%s%s%s", (int)(amp - pat), pat, member,
			                 open ? " " : "", amp + nl + open);
			if (k > 0 && (size_t)k < sizeof tmp)
				expand_alts(T, tmp, out, depth + 1);
			char pl[256];
			plural_of(member, pl, sizeof pl);
			if (!noplural && pl[0] && !strchr(member, '&')) {
				k = snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)(amp - pat), pat, pl, amp + nl);
				if (k > 0 && (size_t)k < sizeof tmp)
					expand_alts(T, tmp, out, depth + 1);
			}
		}
		m += ml;
		if (*m == '\n')
			m++;
	}
}

/* One plain foreign pattern (no synsets or alternatives) as a dyad pattern with the verb
 * form verb put where `*` stands; returns false when it cannot be expressed. With stems
 * (TABARI), a word not ending in `_` also matches its plural (`word~`). */
static bool dyad_pattern(const char *pat, const char *verb, bool stems, char *out, size_t cap)
{
	struct {
		char w[96];
		bool adj;    /* joined to the previous item by `_` */
	} it[48];
	int n = 0;
	bool verb_seen = false;
	int verb_at = -1;
	const char *p = pat;
	while (*p) {
		while (*p && isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		bool first = true;
		while (*p && !isspace((unsigned char)*p)) {
			size_t k = 0;
			char w[96];
			while (p[k] && !isspace((unsigned char)p[k]) && p[k] != '_')
				k++;
			size_t wk = 0;
			for (size_t i = 0; i < k && wk + 1 < sizeof w; i++)
				if (!strchr("(){}~@^=", p[i]) || (p[i] == '^' && k == 1))
					w[wk++] = p[i];
			w[wk] = 0;
			bool adj = !first;
			/* "XXXX~_YYYY": XXXX is a stem though YYYY must follow it. */
			bool tilde = k > 0 && p[k - 1] == '~';
			p += k;
			bool stem = stems && (*p != '_' || tilde) && wk >= 2 &&
			            isalpha((unsigned char)w[wk - 1]);
			if (*p == '_') {
				p++;
				first = false;
			} else {
				first = false;
			}
			if (!wk)
				continue;
			if (n >= 48)
				return false;
			if (!strcmp(w, "*")) {
				snprintf(it[n].w, sizeof it[n].w, "%s", verb);
				verb_seen = true;
				verb_at = n;
			} else if (!strcmp(w, "$") && !verb_seen && !stems) {
				continue; /* the source before the verb is the subject, as dyad codes it */
			} else if (!strcmp(w, "$") || !strcmp(w, "+") || !strcmp(w, "^")) {
				snprintf(it[n].w, sizeof it[n].w, "%s", w);
			} else if (!strcmp(w, "%")) {
				/* A compound subject: the coder makes it reciprocal; in a TABARI file the
				 * slot stays, its compound source and target. */
				if (!verb_seen && !stems)
					continue;
				snprintf(it[n].w, sizeof it[n].w, "%s", stems ? "%" : "+");
			} else {
				for (size_t i = 0; i < wk; i++)
					w[i] = (char)tolower((unsigned char)w[i]);
				if (strchr(w, '$') || strchr(w, '+') || strchr(w, '*') || strchr(w, '%'))
					return false;
				/* Treebank splits "didn't" as DID N'T: glue the clitic back on, as dyad's
				 * tokenizer reads "didn't" in text and in patterns alike. */
				bool clitic = w[0] == '\'' || !strncmp(w, "n't", 3);
				if (clitic && n > 0 && verb_at != n - 1 && strcmp(it[n - 1].w, "+") &&
				    strcmp(it[n - 1].w, "$") && strlen(it[n - 1].w) + wk < sizeof it[n].w) {
					memcpy(it[n - 1].w + strlen(it[n - 1].w), w, wk + 1);
					continue;
				}
				snprintf(it[n].w, sizeof it[n].w, "%s%s", w, stem ? "~" : "");
			}
			it[n].adj = adj;
			n++;
		}
	}
	if (!verb_seen)
		return false;
	size_t k = 0;
	int items = 0;
	bool src = false, tgt = false;
	for (int i = 0; i < n; i++) {
		if (!strcmp(it[i].w, "$")) {
			if (src)
				return false;
			src = true;
		}
		if (!strcmp(it[i].w, "+") || !strcmp(it[i].w, "%")) {
			if (tgt)
				return false;
			tgt = true;
		}
		/* `^` (an actor skipped) takes the words around it itself. */
		bool slot = !strcmp(it[i].w, "+") || !strcmp(it[i].w, "$") || !strcmp(it[i].w, "^") ||
		            !strcmp(it[i].w, "%");
		bool prev_slot = i && (!strcmp(it[i - 1].w, "+") || !strcmp(it[i - 1].w, "$") ||
		                       !strcmp(it[i - 1].w, "^"));
		/* In a TABARI file a blank next to a slot is a gap too ("+ HAS *": the target is
		 * the first actor before HAS, not right before it). */
		bool caret = !strcmp(it[i].w, "^") || (i && !strcmp(it[i - 1].w, "^"));
		if (i && !it[i].adj && (stems ? !caret : !slot && !prev_slot)) {
			/* Words may come between pattern words: after the verb actors too (`...`). */
			const char *gap = i > verb_at ? " ... " : " * ";
			size_t gl = strlen(gap);
			if (k + gl >= cap)
				return false;
			memcpy(out + k, gap, gl);
			k += gl;
			items++;
		} else if (i) {
			out[k++] = ' ';
		}
		size_t wl = strlen(it[i].w);
		if (k + wl + 2 >= cap)
			return false;
		memcpy(out + k, it[i].w, wl);
		k += wl;
		items++;
		for (const char *c = it[i].w; *c; c++)
			if (*c == ' ')
				items++;
	}
	out[k] = 0;
	return items <= MAX_DYAD_ITEMS;
}

/* A verb as written ("ABANDON", "KLM_NOP_+RST", "+ASK_FOR", "BAN=") as a dyad pattern: the
 * inflected word (marked `+`, else the first) as an UPPERCASE lemma, the rest lower case. */
static bool verb_form(const char *s, size_t n, char *out, size_t cap, char *lemma, size_t lcap,
                      bool gaps)
{
	s = trim_space(s, &n);
	bool marked = memchr(s, '+', n) != NULL;
	size_t k = 0;
	int word = 0;
	lemma[0] = 0;
	size_t i = 0;
	while (i < n) {
		bool blank = false;
		while (i < n && (s[i] == '_' || isspace((unsigned char)s[i])))
			blank |= s[i++] != '_';
		bool after_lemma = lemma[0] != 0;
		if (i >= n)
			break;
		bool plus = s[i] == '+';
		if (plus)
			i++;
		size_t j = i;
		while (j < n && s[j] != '_' && !isspace((unsigned char)s[j]))
			j++;
		char w[64];
		size_t wl = 0;
		for (size_t q = i; q < j && wl + 1 < sizeof w; q++)
			if (s[q] != '=' && s[q] != '~')
				w[wl++] = s[q];
		w[wl] = 0;
		i = j;
		if (!wl)
			continue;
		bool inflected = marked ? plus : word == 0;
		bool letters = wl >= 2;
		for (size_t q = 0; q < wl; q++)
			if (!isalpha((unsigned char)w[q]))
				letters = false;
		for (size_t q = 0; q < wl; q++)
			w[q] = inflected && letters ? (char)toupper((unsigned char)w[q])
			                            : (char)tolower((unsigned char)w[q]);
		if (inflected && letters && !lemma[0] && wl < lcap)
			for (size_t q = 0; q <= wl; q++)
				lemma[q] = (char)tolower((unsigned char)w[q]);
		/* In a TABARI file a blank between the words of a verb lets others come between
		 * ("DEATH TOLL RISEN": "death toll has risen"). */
		const char *sep = !k ? "" : !gaps || !blank ? " " : after_lemma ? " ... " : " * ";
		size_t sl = strlen(sep);
		if (k + sl + wl + 2 >= cap)
			return false;
		memcpy(out + k, sep, sl);
		k += sl;
		memcpy(out + k, w, wl);
		k += wl;
		word++;
	}
	out[k] = 0;
	return k > 0;
}

/* `{FORM FORM ...}` after a verb: irregular forms as an `inflect` line. */
static void verb_forms(tr *T, const char *lemma, const char *s, size_t n)
{
	if (!lemma[0])
		return;
	char forms[1024];
	size_t k = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && (isspace((unsigned char)s[i]) || s[i] == ','))
			i++;
		size_t j = i;
		while (j < n && !isspace((unsigned char)s[j]) && s[j] != ',')
			j++;
		if (j > i) {
			/* The inflected word of a multi-word form: the one marked `+`, else the first. */
			const char *w = s + i;
			size_t wl = j - i;
			const char *plus = memchr(w, '+', wl);
			if (plus) {
				wl -= (size_t)(plus + 1 - w);
				w = plus + 1;
			}
			size_t u = 0;
			while (u < wl && w[u] != '_')
				u++;
			/* A TABARI form without `_` is a stem ("ACTUALITY": "actualities"). */
			if (T->tabari && u == wl && u >= 3 && isalpha((unsigned char)w[u - 1]))
				emit(T, "stem %.*s\n", (int)u, w);
			if (u && k + u + 3 < sizeof forms) {
				if (k) {
					memcpy(forms + k, "; ", 2);
					k += 2;
				}
				for (size_t q = 0; q < u; q++)
					forms[k++] = (char)tolower((unsigned char)w[q]);
			}
		}
		i = j;
	}
	forms[k] = 0;
	if (k)
		emit(T, "inflect %s %s\n", lemma, forms);
}

/* Reads `[CODE]` at the end of s; returns the text before it in *n. 1 code, 0 null, -1 none
 * or bad. */
static int trailing_code(tr *T, const char *s, size_t *n, char code[12])
{
	const char *open = NULL;
	for (size_t i = *n; i > 0; i--)
		if (s[i - 1] == '[') {
			open = s + i - 1;
			break;
		}
	if (!open)
		return -1;
	const char *close = memchr(open, ']', *n - (size_t)(open - s));
	if (!close) {
		warn(T, "'[' without ']'");
		return -1;
	}
	*n = (size_t)(open - s);
	return event_code(T, open + 1, (size_t)(close - open - 1), code);
}

/* PETRARCH-2 reads a pattern's words outside parentheses as the head nouns of the verb's
 * noun phrases, and a preposition heads none: a pattern with a bare preposition ("- * FROM
 * +", "- * WITH") never matches there. */
static bool p2_bare_preposition(const char *pat)
{
	static const char *const preps[] = {
	    "OF", "FROM", "TO", "WITH", "IN", "ON", "AT", "BY", "FOR", "AGAINST", "INTO",
	    "OVER", "SINCE", "BETWEEN", "ABOUT", "TOWARD", "TOWARDS", "UPON", "UNDER", "THROUGH",
	    "AFTER", "BEFORE", "ACROSS", "AMONG", "WITHIN", "WITHOUT", "DURING", "ONTO", NULL};
	int depth = 0;
	for (const char *q = pat; *q;) {
		if (*q == '(' || *q == '{') {
			depth++;
			q++;
			continue;
		}
		if (*q == ')' || *q == '}') {
			depth -= depth > 0;
			q++;
			continue;
		}
		if (*q == ' ' || *q == '\t') {
			q++;
			continue;
		}
		size_t k = 0;
		while (q[k] && !strchr(" \t(){}", q[k]))
			k++;
		char w[12];
		for (size_t i = 0; i < k && i < sizeof w - 1; i++)
			w[i] = (char)toupper((unsigned char)q[i]);
		w[k < sizeof w - 1 ? k : sizeof w - 1] = 0;
		for (int i = 0; !depth && k < sizeof w && preps[i]; i++)
			if (!strcmp(w, preps[i]))
				return true;
		q += k;
	}
	return false;
}

static void verb_pattern(tr *T, const char *s, size_t n)
{
	char code[12];
	size_t pn = n;
	int c = trailing_code(T, s, &pn, code);
	if (c < 0) {
		if (c == -1 && !memchr(s, '[', n))
			warn(T, "pattern without a [CODE]");
		return;
	}
	if (c == 0 && pn < n && strstr(s + pn, "---")) {
		/* `[---]`: a null pattern, which keeps a shorter pattern from coding its words. */
		memcpy(code, "---", 4);
	} else if (c == 0) {
		return; /* a passive-only code (`[:173]`): not coded */
	}
	if (!T->nverbs) {
		warn(T, "pattern outside a verb block");
		return;
	}
	char pat[2048];
	size_t m = pn;
	const char *p = trim_space(s, &m);
	if (m >= sizeof pat) {
		warn(T, "pattern too long");
		return;
	}
	memcpy(pat, p, m);
	pat[m] = 0;
	if (T->p2 && p2_bare_preposition(pat))
		return;
	strlist alts = {0};
	expand_alts(T, pat, &alts, 0);
	if (alts.bad) {
		strlist_free(&alts);
		return;
	}
	if (alts.overflow)
		T->ncapped++;
	buf line = {0};
	int count = 0;
	bool capped = false;
	for (int a = 0; a < alts.n && !T->oom && !capped; a++)
		for (int v = 0; v < T->nverbs; v++) {
			if (count >= MAX_LINE_PATTERNS) {
				capped = true;
				break;
			}
			char dp[2048];
			if (!dyad_pattern(alts.s[a], T->verbs[v], T->tabari, dp, sizeof dp))
				continue;
			if ((count && buf_append(&line, "; ", 2) != DYAD_OK) ||
			    buf_append(&line, dp, strlen(dp)) != DYAD_OK)
				T->oom = DYAD_ENOMEM;
			count++;
		}
	if (capped && !alts.overflow)
		T->ncapped++;
	if (count) {
		/* A pattern with a synonym set yields to one with the same words written out
		 * (TABARI's `- * DOLLAR [071]` over `- * &CURRENCY [903]`): it is written after
		 * the block's other patterns. */
		buf *dst = strchr(pat, '&') ? &T->deferred : &T->out;
		if (T->p2) {
			/* PETRARCH-2 reads a block's patterns into a tree where a later line with the
			 * same words replaces an earlier one: the entries are written last first. */
			vec *at = dst == &T->deferred ? &T->deferred_at : &T->plain_at;
			if (dst == &T->out)
				dst = &T->plain;
			size_t *o = vec_push(at, 1);
			if (!o)
				T->oom = DYAD_ENOMEM;
			else
				*o = dst->len;
		}
		char dir[32];
		int dn = snprintf(dir, sizeof dir, "line %ld\nverb ", T->line);
		if (buf_append(dst, dir, (size_t)dn) != DYAD_OK || buf_append(dst, code, strlen(code)) ||
		    buf_append(dst, " ", 1) || buf_append(dst, line.data, line.len) ||
		    buf_append(dst, "\n", 1))
			T->oom = DYAD_ENOMEM;
	} else if (alts.n) {
		warn(T, "pattern cannot be expressed (no '*', or more than %d words)", MAX_DYAD_ITEMS);
	}
	buf_free(&line);
	strlist_free(&alts);
}

/* The verbs of the block alone, written after the block's patterns so that a pattern that
 * comes down to the same words ("- $ *" is the verb with its subject) wins over them. */
/* Writes the entries of b (starting at the offsets in at) to the output, last first. */
static void flush_reversed(tr *T, buf *b, vec *at)
{
	size_t end = b->len;
	for (size_t i = at->len; i > 0; i--) {
		size_t from = VEC_AT(*at, size_t, i - 1);
		if (buf_append(&T->out, b->data + from, end - from) != DYAD_OK)
			T->oom = DYAD_ENOMEM;
		end = from;
	}
	b->len = 0;
	at->len = 0;
}

static void flush_roots(tr *T)
{
	if (T->p2) {
		flush_reversed(T, &T->plain, &T->plain_at);
		flush_reversed(T, &T->deferred, &T->deferred_at);
	}
	if (T->deferred.len && buf_append(&T->out, T->deferred.data, T->deferred.len) != DYAD_OK)
		T->oom = DYAD_ENOMEM;
	T->deferred.len = 0;
	for (int v = 0; v < T->nverbs; v++)
		if (T->root_code[v][0]) {
			emit(T, "line %ld\nverb %s %s\n", T->root_line[v], T->root_code[v], T->verbs[v]);
			T->root_code[v][0] = 0;
		}
}

/* A verb line: "VERB", "VERB {FORMS}", "+VERB_PHRASE {..} [CODE]", TABARI "VERB [CODE]". */
static void verb_verb(tr *T, const char *s, size_t n, bool new_block)
{
	char code[12] = "";
	size_t vn = n;
	int c = memchr(s, '[', n) ? trailing_code(T, s, &vn, code) : 0;
	if (c < 0)
		return;
	const char *ob = memchr(s, '{', vn);
	size_t wn = ob ? (size_t)(ob - s) : vn;
	char form[96], lemma[64];
	if (!verb_form(s, wn, form, sizeof form, lemma, sizeof lemma, T->tabari)) {
		warn(T, "cannot read verb");
		return;
	}
	if (new_block) {
		flush_roots(T);
		T->nverbs = 0;
		snprintf(T->block_code, sizeof T->block_code, "%s", c == 1 ? code : "");
	}
	int v = T->nverbs < MAX_VERBS ? T->nverbs++ : -1;
	if (v >= 0) {
		snprintf(T->verbs[v], sizeof T->verbs[0], "%s", form);
		T->root_code[v][0] = 0;
		T->root_line[v] = T->line;
	}
	snprintf(T->last_lemma, sizeof T->last_lemma, "%s", lemma);
	emit(T, "line %ld\n", T->line);
	if (ob) {
		const char *cb = memchr(ob, '}', vn - (size_t)(ob - s));
		if (!cb) {
			warn(T, "'{' without '}'");
			return;
		}
		verb_forms(T, lemma, ob + 1, (size_t)(cb - ob - 1));
	}
	/* A TABARI verb is a stem ("RESTOR" is restore, restores, restored, restoring): the
	 * forms with an `e` stand in for prefix matching. */
	size_t ll = strlen(lemma);
	size_t rn = wn;
	const char *rw = trim_space(s, &rn);
	bool exact = rn && (rw[rn - 1] == '_' || rw[rn - 1] == '=');
	if (T->tabari && !exact && ll >= 3 && !strchr("aeiouy", lemma[ll - 1]))
		emit(T, "inflect %s %se; %ses\n", lemma, lemma, lemma);
	/* ... and under `tabari-coding` it matches every word it begins ("resumption"). */
	if (T->tabari && !exact && ll >= 3)
		emit(T, "stem %s\n", lemma);
	/* A one-word TABARI verb with `_` also takes the endings ES and EN ("departes"); with
	 * `=` none (manual 5.2.3). */
	if (T->tabari && exact && rn == ll + 1 && rw[rn - 1] == '_')
		emit(T, "inflect %s %ses; %sen\n", lemma, lemma, lemma);
	else if (T->tabari && exact && rn == ll + 1)
		emit(T, "exact %s\n", lemma);
	const char *own = c == 1 ? code : new_block ? "" : T->block_code;
	if (v >= 0)
		snprintf(T->root_code[v], sizeof T->root_code[v], "%s", own);
	if (T->p2 && own[0] && ll < sizeof ((verb_code *)0)->lemma) {
		verb_code *vc = vec_push(&T->verb_codes, 1);
		if (!vc) {
			T->oom = DYAD_ENOMEM;
			return;
		}
		memcpy(vc->lemma, lemma, ll + 1);
		snprintf(vc->code, sizeof vc->code, "%s", own);
	}
}

/* A PETRARCH-2 transformation, `~ a (b . ATTACK) SAY = a b 112`, as a `transform` line: its
 * verbs are verbs of the file, which stand for their codes (`Q`, any code, stays). */
static void transformation(tr *T, const char *t, size_t m)
{
	buf b = {0};
	size_t i = 1;
	bool ok = true;
	while (i < m && ok) {
		size_t j = i;
		while (j < m && !strchr(" \t()=", t[j]))
			j++;
		if (j == i) {
			ok = buf_append(&b, t + i, 1) == DYAD_OK;
			i++;
			continue;
		}
		const char *w = t + i;
		size_t wl = j - i;
		if (wl > 1) {
			/* A verb: its code. */
			char lw[32];
			const char *code = NULL;
			if (wl < sizeof lw) {
				for (size_t q = 0; q <= wl; q++)
					lw[q] = (char)tolower((unsigned char)(q < wl ? w[q] : 0));
				for (size_t q = 0; q < T->verb_codes.len && !code; q++)
					if (!strcmp(VEC_AT(T->verb_codes, verb_code, q).lemma, lw))
						code = VEC_AT(T->verb_codes, verb_code, q).code;
			}
			bool digits = true;
			for (size_t q = 0; q < wl; q++)
				digits &= isdigit((unsigned char)w[q]) != 0;
			if (!code && !digits) {
				warn(T, "transformation verb '%.*s' is not a verb of the file", (int)wl, w);
				ok = false;
				break;
			}
			ok = code ? buf_append(&b, code, strlen(code)) == DYAD_OK
			          : buf_append(&b, w, wl) == DYAD_OK;
		} else {
			ok = buf_append(&b, w, wl) == DYAD_OK;
		}
		i = j;
	}
	if (ok && b.len) {
		emit(T, "line %ld\ntransform %.*s\n", T->line, (int)b.len, b.data);
	}
	buf_free(&b);
}

static void verb_line(tr *T, char *s, size_t n)
{
	size_t m = n;
	const char *t = trim_space(s, &m);
	if (!m)
		return;
	if (t[0] == '<') {
		if (!strncmp(t, "<TIME>", 6) || !strncmp(t, "<ATTRIB>", 8))
			T->vs->section = 1;
		else if (!strncmp(t, "</TIME>", 7) || !strncmp(t, "</ATTRIB>", 9))
			T->vs->section = 0;
		else if (!strncmp(t, "<SYNSETS>", 9))
			T->vs->in_synsets = true;
		else if (!strncmp(t, "</SYNSETS>", 10))
			T->vs->in_synsets = false;
		return;
	}
	if (T->p2 && !T->vs->section && t[0] == '~' && strncmp(t, "~FINISH", 7)) {
		transformation(T, t, m);
		return;
	}
	/* A TABARI <TIME> phrase coded `###` (discard) or `+++` (complex): the sentence is not
	 * coded ("KAN_WA_MA_KAN [###]"); the time shifts themselves are not applied. */
	const char *br = T->vs->section && T->tabari && t[0] != '-' ? memchr(t, '[', m) : NULL;
	if (br && (size_t)(t + m - br) >= 5 &&
	    (!memcmp(br, "[###]", 5) || !memcmp(br, "[+++]", 5))) {
		char p[256];
		size_t k = phrase_text(t, (size_t)(br - t), p, sizeof p);
		if (k)
			emit(T, "line %ld\ndiscard-sentence %s\n", T->line, p);
		return;
	}
	if (T->vs->section || t[0] == '~')
		return;
	if (t[0] == '&') {
		size_t k = 0;
		while (k < m && !isspace((unsigned char)t[k]))
			k++;
		synset *sy = vec_push(&T->synsets, 1);
		if (!sy || k >= sizeof sy->name) {
			if (!sy)
				T->oom = DYAD_ENOMEM;
			else {
				T->synsets.len--;
				warn(T, "synset name too long");
			}
			return;
		}
		memset(sy, 0, sizeof *sy);
		memcpy(sy->name, t, k);
		sy->noplural = t[k - 1] == '_';
		T->vs->synset = (int)T->synsets.len - 1;
		return;
	}
	if (t[0] == '+' && T->vs->synset >= 0) {
		synset *sy = &VEC_AT(T->synsets, synset, T->vs->synset);
		size_t k = m - 1;
		const char *w = trim_space(t + 1, &k);
		if (!k)
			return;
		for (size_t i = 0; i < k; i++)
			if (w[i] == '\n')
				return;
		if ((sy->members.len && buf_append(&sy->members, "\n", 1) != DYAD_OK) ||
		    buf_append(&sy->members, w, k) != DYAD_OK)
			T->oom = DYAD_ENOMEM;
		return;
	}
	T->vs->synset = -1;
	if (m >= 3 && !strncmp(t, "---", 3)) {
		/* --- VERB [CODE] --- */
		T->vs->petrarch = true;
		flush_roots(T);
		T->nverbs = 0;
		T->block_code[0] = 0;
		size_t k = m;
		while (k && t[k - 1] == '-')
			k--;
		const char *br = memchr(t, '[', k);
		if (br) {
			const char *cb = memchr(br, ']', k - (size_t)(br - t));
			char code[12];
			if (cb && event_code(T, br + 1, (size_t)(cb - br - 1), code) == 1)
				snprintf(T->block_code, sizeof T->block_code, "%s", code);
		}
		return;
	}
	if (t[0] == '-' && m > 1 && isspace((unsigned char)t[1])) {
		verb_pattern(T, t + 2, m - 2);
		return;
	}
	if (t[0] == '{') {
		/* TABARI: the irregular forms of the verb above. */
		const char *cb = memchr(t, '}', m);
		if (!cb) {
			warn(T, "'{' without '}'");
			return;
		}
		verb_forms(T, T->last_lemma, t + 1, (size_t)(cb - t - 1));
		return;
	}
	if (t[0] == '+') {
		verb_verb(T, t, m, false);
		return;
	}
	verb_verb(T, t, m, !T->vs->petrarch);
}

/* ---------------------------------------------------------------- loading */


typedef struct outfile {
	char *name;
	char *text;
	size_t len;
} outfile;

static dyad_status add_out(vec *files, const char *name, buf *b)
{
	outfile *o = vec_push(files, 1);
	if (!o)
		return DYAD_ENOMEM;
	size_t nl = strlen(name);
	o->name = malloc(nl + 1);
	if (!o->name) {
		files->len--;
		return DYAD_ENOMEM;
	}
	memcpy(o->name, name, nl + 1);
	o->text = b->data ? b->data : calloc(1, 1);
	o->len = b->len;
	memset(b, 0, sizeof *b);
	if (!o->text) {
		free(o->name);
		files->len--;
		return DYAD_ENOMEM;
	}
	return DYAD_OK;
}

/* The `code` and `inflect` lines of the built-in dictionaries, other lines left blank so
 * that line numbers stay those of the built-in files. */
static dyad_status codebook(vec *files, vec *known)
{
	for (size_t f = 0; f < dyad_default_dict_count; f++) {
		const char *t = dyad_default_dict_texts[f];
		size_t len = dyad_default_dict_lens[f], i = 0;
		buf b = {0};
		while (i < len) {
			size_t j = i;
			while (j < len && t[j] != '\n')
				j++;
			bool keep = (j - i > 5 && !memcmp(t + i, "code ", 5)) ||
			            (j - i > 8 && !memcmp(t + i, "inflect ", 8)) ||
			            (j - i > 5 && !memcmp(t + i, "rule ", 5));
			if ((keep && buf_append(&b, t + i, j - i) != DYAD_OK) ||
			    buf_append(&b, "\n", 1) != DYAD_OK) {
				buf_free(&b);
				return DYAD_ENOMEM;
			}
			if (keep && t[i] == 'c') {
				size_t k = 5;
				while (i + k < j && t[i + k] != ' ')
					k++;
				char **p = vec_push(known, 1);
				char *c = p ? malloc(k - 4) : NULL;
				if (!c) {
					if (p)
						known->len--;
					buf_free(&b);
					return DYAD_ENOMEM;
				}
				memcpy(c, t + i + 5, k - 5);
				c[k - 5] = 0;
				*p = c;
			}
			i = j + 1;
		}
		dyad_status st = add_out(files, dyad_default_dict_names[f], &b);
		if (st)
			return st;
	}
	return DYAD_OK;
}

static void io_error(FILE *report, dyad_error *err, const char *path)
{
	if (report)
		fprintf(report, "%s: cannot read: %s\n", path, strerror(errno));
	if (err) {
		memset(err, 0, sizeof *err);
		snprintf(err->file, sizeof err->file, "%s", path);
		snprintf(err->message, sizeof err->message, "cannot read: %s", strerror(errno));
	}
}

static bool contains(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what);
	for (size_t i = 0; i + k <= n; i++)
		if (s[i] == what[0] && !memcmp(s + i, what, k))
			return true;
	return false;
}

static dyad_status translate(tr *T, vec *files, const char *path, int kind)
{
	char *text = NULL;
	size_t len = 0;
	dyad_status st = read_whole_file(path, &text, &len);
	if (st)
		return st;
	T->file = path;
	memset(&T->out, 0, sizeof T->out);
	/* PETRARCH-2 verb files mark their pattern section; PETRARCH-1 and TABARI files do not. */
	size_t pl = strlen(path);
	switch (T->dialect) {
	case DYAD_DIALECT_TABARI:
		T->p2 = false;
		T->tabari = true;
		break;
	case DYAD_DIALECT_PETRARCH1:
	case DYAD_DIALECT_PETRARCH2:
		T->p2 = kind == 0 && T->dialect == DYAD_DIALECT_PETRARCH2;
		T->tabari = false;
		break;
	default:
		T->p2 = kind == 0 && contains(text, len, "VERB PATTERNS");
		T->tabari = !T->p2 && !(pl > 4 && !strcmp(path + pl - 4, ".txt"));
	}
	T->any_p2 |= T->p2;
	T->any_tabari |= T->tabari;
	T->tabari_verbs |= kind == 0 && T->tabari && !T->p2;
	T->any_p1 |= kind == 0 && !T->p2 && !T->tabari;
	actor_state as;
	verb_state vs;
	subst subs[64];
	switch (kind) {
	case 0:
		memset(&vs, 0, sizeof vs);
		vs.synset = -1;
		T->vs = &vs;
		T->nverbs = 0;
		each_line(T, text, len, true, verb_line);
		flush_roots(T);
		T->vs = NULL;
		break;
	case 1:
		memset(&as, 0, sizeof as);
		T->as = &as;
		each_line(T, text, len, true, actor_line);
		flush_actor(T, &as.acc);
		buf_free(&as.acc.names);
		T->as = NULL;
		break;
	case 2:
		T->subs = subs;
		T->nsubs = 0;
		each_line(T, text, len, true, agent_line);
		T->subs = NULL;
		break;
	default:
		each_line(T, text, len, true, discard_line);
		break;
	}
	free(text);
	/* A limit, not an error in the file: one line for the file, not one per pattern. */
	if (T->ncapped && T->report)
		fprintf(T->report,
		        "%s: %zu pattern lines have more than %d synonym-set combinations or give more "
		        "than %d patterns for the verbs of their block; the first of each are used\n",
		        path, T->ncapped, MAX_ALTS, MAX_LINE_PATTERNS);
	T->ncapped = 0;
	buf_free(&T->deferred);
	buf_free(&T->plain);
	if (T->oom) {
		buf_free(&T->out);
		return T->oom;
	}
	return add_out(files, path, &T->out);
}

/* Whether the verbs file is PETRARCH-1's, as translate() will find (read ahead for the
 * actor files, which are translated first). */
static bool p1_verbs(const dyad_compat_files *cf)
{
	if (!cf->verbs || cf->dialect == DYAD_DIALECT_TABARI ||
	    cf->dialect == DYAD_DIALECT_PETRARCH2)
		return false;
	if (cf->dialect == DYAD_DIALECT_PETRARCH1)
		return true;
	size_t pl = strlen(cf->verbs);
	if (pl <= 4 || strcmp(cf->verbs + pl - 4, ".txt"))
		return false;
	char *text = NULL;
	size_t len = 0;
	if (read_whole_file(cf->verbs, &text, &len) != DYAD_OK)
		return false;
	bool p2 = contains(text, len, "VERB PATTERNS");
	free(text);
	return !p2;
}

dyad_status dyad_compat_load(const dyad_compat_files *cf, FILE *report, dyad_dict **out,
                             dyad_error *err, size_t *nerrors)
{
	if (!cf || !out)
		return DYAD_EINVAL;
	*out = NULL;
	tr T;
	memset(&T, 0, sizeof T);
	T.report = report;
	T.dialect = cf->dialect;
	vec_init(&T.synsets, sizeof(synset));
	vec_init(&T.codes, sizeof(char *));
	vec_init(&T.plain_at, sizeof(size_t));
	vec_init(&T.verb_codes, sizeof(verb_code));
	vec_init(&T.deferred_at, sizeof(size_t));
	vec files, known;
	vec_init(&files, sizeof(outfile));
	vec_init(&known, sizeof(char *));
	dyad_status st = codebook(&files, &known);
	const char *path = NULL;
	T.p1_actors = p1_verbs(cf);
	for (size_t i = 0; !st && i < cf->nactors; i++) {
		path = cf->actors[i];
		st = translate(&T, &files, path, 1);
	}
	if (!st && cf->agents) {
		path = cf->agents;
		st = translate(&T, &files, path, 2);
	}
	if (!st && cf->discards) {
		path = cf->discards;
		st = translate(&T, &files, path, 3);
	}
	if (!st && cf->verbs) {
		path = cf->verbs;
		st = translate(&T, &files, path, 0);
	}
	if (st == DYAD_EIO)
		io_error(report, err, path);
	/* Codes the foreign patterns use that dyad's codebook lacks (WEIS codes, variants). */
	if (!st) {
		buf b = {0};
		for (size_t i = 0; i < T.codes.len && !st; i++) {
			const char *c = VEC_AT(T.codes, char *, i);
			bool have = false;
			for (size_t k = 0; k < known.len && !have; k++)
				have = !strcmp(VEC_AT(known, char *, k), c);
			if (!have)
				st = buf_printf(&b, "xcode %s 0 - %s (from a foreign dictionary)\n", c, c);
		}
		/* PETRARCH codes an agent without an actor as an unknown actor; TABARI does not
		 * code it (unless told to convert agents). */
		if (!st && !T.any_tabari)
			st = buf_printf(&b, "agent-alone ---\n");
		/* PETRARCH-1 codes a passive without a "by" agent as active. */
		if (!st && !T.any_tabari)
			st = buf_printf(&b, "passive-needs-by\n");
		/* TABARI's target is the first actor after the verb, across "that"; PETRARCH's
		 * parse trees give the same for "X said that Y ..." objects of the verb. */
		if (!st)
			st = buf_printf(&b, "target-across-that\n");
		/* An agent attaches through "in" as through "of" ("activists in Arnor"). */
		if (!st)
			st = buf_printf(&b, "agent-in\n");
		/* Both apply every agent phrase of a noun phrase, also one inside a longer one
		 * ("main opposition group": MOP and OPP). */
		if (!st)
			st = buf_printf(&b, "nested-agents\n");
		/* Neither codes an event between an actor and a part of it (FRA, FRAGOV). */
		if (!st)
			st = buf_printf(&b, "no-nested-events\n");
		/* A TABARI verbs file: TABARI's clauses, sources and targets (tabari.c). */
		if (!st && T.tabari_verbs)
			st = buf_printf(&b, "tabari-coding\n");
		/* PETRARCH-2's rules read from its parse trees, approximated (petrarch2.c). */
		if (!st && T.any_p2)
			st = buf_printf(&b, "petrarch2-coding\n");
		/* PETRARCH-1's clause rules read from its parse trees, approximated (petrarch1.c). */
		if (!st && T.any_p1)
			st = buf_printf(&b, "petrarch1-coding\n");
		if (!st)
			st = add_out(&files, "compat-codes", &b);
		buf_free(&b);
	}
	if (!st) {
		size_t n = files.len;
		const char **names = calloc(n + 1, sizeof *names);
		const char **texts = calloc(n + 1, sizeof *texts);
		size_t *lens = calloc(n + 1, sizeof *lens);
		if (!names || !texts || !lens)
			st = DYAD_ENOMEM;
		for (size_t i = 0; !st && i < n; i++) {
			outfile *o = &VEC_AT(files, outfile, i);
			names[i] = o->name;
			texts[i] = o->text;
			lens[i] = o->len;
		}
		if (!st)
			st = dyad_dict_load_buffers(n, names, texts, lens, report, out, err);
		free(names);
		free(texts);
		free(lens);
	}
	for (size_t i = 0; i < files.len; i++) {
		outfile *o = &VEC_AT(files, outfile, i);
		free(o->name);
		free(o->text);
	}
	vec_free(&files);
	for (size_t i = 0; i < known.len; i++)
		free(VEC_AT(known, char *, i));
	vec_free(&known);
	for (size_t i = 0; i < T.codes.len; i++)
		free(VEC_AT(T.codes, char *, i));
	vec_free(&T.codes);
	vec_free(&T.plain_at);
	vec_free(&T.verb_codes);
	vec_free(&T.deferred_at);
	for (size_t i = 0; i < T.synsets.len; i++)
		buf_free(&VEC_AT(T.synsets, synset, i).members);
	vec_free(&T.synsets);
	if (nerrors)
		*nerrors = T.nerrors;
	return st;
}
