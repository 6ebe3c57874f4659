/* dict.c - the dictionary loader: dyad's plain-text format (doc/dictionaries.md) into the
 * interned vocabulary, the codebook, actor entries with dated roles, and the actor, event
 * and discard tries. Patterns are expanded after every file is read, so entries may refer to
 * codes and inflections defined in any file. */
#include "internal.h"
#include "petrarch2.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Function words and the classes the coder gives them. */
static const struct {
	const char *word;
	uint32_t flags;
} function_words[] = {
    {"is", WF_BE}, {"are", WF_BE}, {"was", WF_BE}, {"were", WF_BE}, {"be", WF_BE},
    {"been", WF_BE}, {"being", WF_BE}, {"get", WF_BE}, {"got", WF_BE}, {"gets", WF_BE},
    {"not", WF_NEG}, {"n't", WF_NEG}, {"never", WF_NEG}, {"no", WF_NEG}, {"neither", WF_NEG},
    {"nor", WF_NEG}, {"without", WF_NEG},
    {"refused", WF_NEGVERB}, {"refuses", WF_NEGVERB}, {"refuse", WF_NEGVERB},
    {"declined", WF_NEGVERB}, {"declines", WF_NEGVERB}, {"decline", WF_NEGVERB},
    {"failed", WF_NEGVERB}, {"fails", WF_NEGVERB}, {"fail", WF_NEGVERB},
    {"denied", WF_NEGVERB}, {"denies", WF_NEGVERB}, {"deny", WF_NEGVERB},
    {"in", WF_PREP}, {"on", WF_PREP}, {"at", WF_PREP}, {"with", WF_PREP},
    {"between", WF_PREP}, {"against", WF_PREP}, {"into", WF_PREP}, {"over", WF_PREP},
    {"near", WF_PREP}, {"across", WF_PREP}, {"toward", WF_PREP}, {"towards", WF_PREP},
    {"for", WF_PREP}, {"about", WF_PREP}, {"among", WF_PREP}, {"upon", WF_PREP},
    {"inside", WF_PREP}, {"within", WF_PREP}, {"through", WF_PREP}, {"via", WF_PREP},
    {"along", WF_PREP}, {"outside", WF_PREP}, {"amid", WF_PREP}, {"amidst", WF_PREP},
    {"throughout", WF_PREP}, {"beyond", WF_PREP}, {"behind", WF_PREP}, {"alongside", WF_PREP},
    {"under", WF_PREP}, {"than", WF_PREP}, {"like", WF_PREP}, {"including", WF_PREP},
    {"of", WF_PREP | WF_OF}, {"from", WF_PREP | WF_OF}, {"by", WF_PREP | WF_BY},
    {"to", WF_PREP | WF_TO},
    {"and", WF_AND}, {"&", WF_AND},
    {"while", WF_SUBORD}, {"whereas", WF_SUBORD}, {"although", WF_SUBORD},
    {"though", WF_SUBORD}, {"because", WF_SUBORD}, {"since", WF_SUBORD},
    {"after", WF_SUBORD}, {"before", WF_SUBORD}, {"when", WF_SUBORD}, {"as", WF_SUBORD},
    {"if", WF_SUBORD}, {"unless", WF_SUBORD}, {"until", WF_SUBORD}, {"but", WF_SUBORD},
    {"following", WF_SUBORD}, {"amid", WF_SUBORD}, {"despite", WF_SUBORD},
    {"where", WF_REL}, {"which", WF_REL}, {"who", WF_REL}, {"whom", WF_REL},
    {"whose", WF_REL},
    {"that", WF_THAT},
    {"said", WF_REPORT}, {"says", WF_REPORT}, {"say", WF_REPORT}, {"told", WF_REPORT},
    {"tells", WF_REPORT}, {"added", WF_REPORT}, {"stated", WF_REPORT},
    {"announced", WF_REPORT}, {"reported", WF_REPORT}, {"claimed", WF_REPORT},
    {"affirmed", WF_REPORT}, {"noted", WF_REPORT}, {"insisted", WF_REPORT},
    {"stressed", WF_REPORT}, {"emphasized", WF_REPORT}, {"emphasised", WF_REPORT},
    {"believes", WF_REPORT}, {"believed", WF_REPORT}, {"argued", WF_REPORT},
    {"confirmed", WF_REPORT}, {"according", WF_REPORT}, {"explained", WF_REPORT},
    {"declared", WF_REPORT}, {"reiterated", WF_REPORT}, {"concluded", WF_REPORT},
    {"the", WF_DET}, {"a", WF_DET}, {"an", WF_DET}, {"this", WF_DET}, {"these", WF_DET},
    {"those", WF_DET}, {"its", WF_PRONPOSS}, {"their", WF_PRONPOSS},
    {"his", WF_PRONPOSS | WF_PERSONPRON}, {"her", WF_PRONPOSS | WF_PERSONPRON},
    {"'s", WF_POSS}, {"'", WF_POSS},
    {"he", WF_PRON | WF_PERSONPRON}, {"she", WF_PRON | WF_PERSONPRON}, {"it", WF_PRON},
    {"they", WF_PRON},
    {"both", WF_BOTH},
    {"countries", WF_GROUPNOUN}, {"nations", WF_GROUPNOUN}, {"sides", WF_GROUPNOUN},
    {"governments", WF_GROUPNOUN}, {"leaders", WF_GROUPNOUN}, {"states", WF_GROUPNOUN},
    {"neighbours", WF_GROUPNOUN}, {"neighbors", WF_GROUPNOUN}, {"allies", WF_GROUPNOUN},
    {"rivals", WF_GROUPNOUN}, {"parties", WF_GROUPNOUN}, {"presidents", WF_GROUPNOUN},
    {"ministers", WF_GROUPNOUN}, {"delegations", WF_GROUPNOUN},
    {"will", WF_MODAL}, {"would", WF_MODAL}, {"shall", WF_MODAL}, {"'ll", WF_MODAL},
    {"willing", WF_INTEND}, {"ready", WF_INTEND}, {"prepared", WF_INTEND},
    {"plans", WF_INTEND}, {"planned", WF_INTEND}, {"plan", WF_INTEND},
    {"intends", WF_INTEND}, {"intend", WF_INTEND}, {"intended", WF_INTEND},
    {"promised", WF_INTEND}, {"promises", WF_INTEND}, {"pledged", WF_INTEND},
    {"pledges", WF_INTEND}, {"vowed", WF_INTEND}, {"vows", WF_INTEND},
    {"offered", WF_INTEND}, {"offers", WF_INTEND}, {"agreed", WF_INTEND},
    {"agrees", WF_INTEND}, {"decided", WF_INTEND}, {"expects", WF_INTEND},
    {"hopes", WF_INTEND}, {"wants", WF_INTEND},
};

#define MAX_FORMS 32
#define MAX_ITEMS 24
#define MAX_EXPANSIONS 256

struct item;

/* One parsed pattern line item awaiting expansion (after all files are read). */
typedef struct pending {
	char code[8];
	char pair[8];      /* `verb 032:033`: the code of the reverse event, "" none */
	char passive[8];   /* `verb 111/112`: the code in the passive, "" none */
	uint32_t passive_index; /* 1 + its index, set in finish() */
	uint32_t pair_index; /* 1 + its index, set in finish() */
	uint8_t subordinate; /* `verb 023?` */
	uint8_t dominant;    /* `verb 031!` */
	uint8_t kind;
	const char *text;  /* pooled */
	const char *where; /* pooled "file:line" */
	const char *file;
	long line;
} pending;

typedef struct pending_obligation {
	char word[32], code[8];
	const char *where;
	const char *file;
	long line;
} pending_obligation;

typedef struct pending_intent {
	char prefix[8], code[8];
	const char *file;
	long line;
} pending_intent;

typedef struct inflection {
	uint32_t lemma;     /* interned lemma */
	const char *forms;  /* pooled, "; "-separated as written */
} inflection;

typedef struct loader {
	dyad_dict *d;
	FILE *report;
	dyad_error *err;
	dyad_status status;
	const char *file;
	long line;
	int entry;          /* last entry keyword seen: for continuation lines */
	uint32_t actor;     /* index of the current actor entry */
	vec pending;        /* pending */
	vec inflections;    /* inflection */
	vec intents;        /* pending_intent */
	vec obligations;    /* pending_obligation */
	vec sets;           /* word_set: `set NAME MEMBER; ...` */
	vec scratch;        /* token */
	vec ids;            /* uint32_t */
	size_t nerrors;
	struct item *items; /* MAX_ITEMS scratch items for pattern expansion */
	bool xcode;         /* reading an `xcode` line: any root, quad 0 */
	size_t *nfile_patterns; /* verb and noun patterns of the file being read */
	const char *where;      /* where()'s last string, for where_file:where_line */
	const char *where_file;
	long where_line;
} loader;

enum { E_NONE, E_COUNTRY, E_PERSON, E_OTHER };

/* `set NAME MEMBER; ...`: words that `&NAME` in a pattern stands for (TABARI's synonym sets). */
typedef struct word_set {
	const char *name;    /* pooled, without the `&` */
	const char *members; /* pooled: the members as written, `;`-separated */
	const char *where;
} word_set;

static void fail(loader *L, dyad_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#include <stdarg.h>

static void fail(loader *L, dyad_status st, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (L->report)
		fprintf(L->report, "%s:%ld: %s\n", L->file, L->line, msg);
	/* Out of memory ends the load (its state may be half-built), so it wins over any
	 * earlier parse error. */
	if (L->status == DYAD_OK || (st == DYAD_ENOMEM && L->status != DYAD_ENOMEM)) {
		L->status = st;
		if (L->err) {
			memset(L->err, 0, sizeof *L->err);
			snprintf(L->err->file, sizeof L->err->file, "%s", L->file);
			L->err->line = L->line;
			snprintf(L->err->message, sizeof L->err->message, "%s", msg);
		}
	}
	L->nerrors++;
}

static void warn(loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A lint finding: loading goes on, `dyad dict check` reports it. */
static void warn(loader *L, const char *fmt, ...)
{
	char msg[700];
	int n = snprintf(msg, sizeof msg, "%s:%ld: ", L->file, L->line);
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof msg)
		vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	const char *copy = strpool_add(&L->d->pool, msg, strlen(msg));
	const char **w = vec_push(&L->d->warnings, 1);
	if (!copy || !w) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	*w = copy;
}

static const char *where(loader *L)
{
	/* Entries of one line share one string (a translated foreign line gives many). */
	if (L->where && L->where_file == L->file && L->where_line == L->line)
		return L->where;
	char w[600];
	int n = snprintf(w, sizeof w, "%s:%ld", L->file, L->line);
	L->where = strpool_add(&L->d->pool, w, n < 0 ? 0 : (size_t)n);
	L->where_file = L->file;
	L->where_line = L->line;
	return L->where;
}


/* Splits off the next white-space separated word of *s (advancing it). */
static size_t next_word(const char **s, size_t *n, const char **word)
{
	while (*n && isspace((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	*word = *s;
	size_t k = 0;
	while (k < *n && !isspace((unsigned char)(*s)[k]))
		k++;
	*s += k;
	*n -= k;
	return k;
}

static bool valid_code(const char *s, size_t n, size_t min, size_t max)
{
	if (n < min || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* An org code may be compound, "FRO/BIL/SAM": several actors of three or more letters each. */
static bool valid_compound_code(const char *s, size_t n)
{
	if (n > 15 || !memchr(s, '/', n))
		return false;
	size_t from = 0;
	for (size_t i = 0; i <= n; i++)
		if (i == n || s[i] == '/') {
			if (!valid_code(s + from, i - from, 3, 15))
				return false;
			from = i + 1;
		}
	return true;
}

/* Tokenizes a phrase into L->ids with interning; with gaps, a `*` between words is WORD_GAP. */
static dyad_status phrase_ids(loader *L, const char *s, size_t n, bool gaps)
{
	L->scratch.len = 0;
	L->ids.len = 0;
	size_t bad = 0;
	dyad_status st = tokenize_impl(NULL, &L->d->words, s, n, &L->scratch, &bad);
	if (st != DYAD_OK)
		return st;
	for (size_t i = 0; i < L->scratch.len; i++) {
		uint32_t *p = vec_push(&L->ids, 1);
		if (!p)
			return DYAD_ENOMEM;
		const token *t = &VEC_AT(L->scratch, token, i);
		/* `*` in an actor phrase: up to three lower-case words (TABARI's blank). */
		bool gap = gaps && t->end - t->start == 1 && s[t->start] == '*' && i > 0 &&
		           i + 1 < L->scratch.len;
		*p = gap ? WORD_GAP : t->id;
	}
	return DYAD_OK;
}

/* True when the phrase is an acronym in capitals of at most four letters ("US", "U.N."). */
static bool caps_phrase(const char *s, size_t n)
{
	size_t letters = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isupper(c))
			letters++;
		else if (c != '.')
			return false;
	}
	return letters >= 2 && letters <= 4;
}

static void add_actor_phrase(loader *L, const char *s, size_t n, uint8_t kind)
{
	s = trim_space(s, &n);
	if (!n) {
		fail(L, DYAD_EPARSE, "empty phrase in list");
		return;
	}
	dyad_status st = phrase_ids(L, s, n, true);
	if (st != DYAD_OK) {
		fail(L, st, "cannot read phrase '%.*s': %s", (int)n, s, dyad_strerror(st));
		return;
	}
	uint32_t node;
	if (trie_add(&L->d->actor_trie, L->ids.data, L->ids.len, &node) != DYAD_OK) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	uint32_t *hit = &VEC_AT(L->d->actor_trie.hit, uint32_t, node);
	if (*hit) {
		/* The first entry of a phrase wins; `dyad dict check` reports the rest. */
		const actor_hit *old = &VEC_AT(L->d->actor_hits, actor_hit, *hit - 1);
		if (old->entry != L->actor) {
			const actor_entry *e = &VEC_AT(L->d->actors, actor_entry, old->entry);
			const actor_entry *me = &VEC_AT(L->d->actors, actor_entry, L->actor);
			bool same = old->kind == kind && !strcmp(e->code, me->code) &&
			            e->kind != ATOM_PERSON;
			warn(L, "%s phrase '%.*s': already %s (%s), this one is ignored",
			     same ? "duplicate" : "conflicting", (int)n, s, e->name ? e->name : e->code,
			     e->where);
		}
		return;
	}
	actor_hit *h = vec_push(&L->d->actor_hits, 1);
	if (!h) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	h->entry = L->actor;
	h->kind = kind;
	h->caps = caps_phrase(s, n);
	*hit = (uint32_t)L->d->actor_hits.len;
	L->d->stats.phrases++;
}

/* Calls fn for each ';'-separated item of s[0..n). */
static void each_item(loader *L, const char *s, size_t n, uint8_t kind,
                      void (*fn)(loader *, const char *, size_t, uint8_t))
{
	while (n) {
		size_t k = 0;
		while (k < n && s[k] != ';')
			k++;
		fn(L, s, k, kind);
		if (k == n)
			break;
		s += k + 1;
		n -= k + 1;
		if (!n)
			break;
	}
}

static bool ends_with(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Regular plural (nouns) or third person singular (verbs) of w into out. */
static size_t plural(const char *w, size_t n, char *out, size_t cap, bool verb)
{
	if (n + 3 > cap || n == 0)
		return 0;
	memcpy(out, w, n);
	if (n > 1 && w[n - 1] == 'y' && !is_vowel(w[n - 2])) {
		memcpy(out + n - 1, "ies", 3);
		return n + 2;
	}
	if (ends_with(w, n, "s") || ends_with(w, n, "x") || ends_with(w, n, "z") ||
	    ends_with(w, n, "ch") || ends_with(w, n, "sh") || (verb && ends_with(w, n, "o"))) {
		memcpy(out + n, "es", 2);
		return n + 2;
	}
	out[n] = 's';
	return n + 1;
}

static void add_agent_phrase(loader *L, const char *s, size_t n, uint8_t kind)
{
	s = trim_space(s, &n);
	/* "police=": the phrase without its plural (PETRARCH's and TABARI's `{}`). */
	bool exact = n > 1 && s[n - 1] == '=';
	add_actor_phrase(L, s, n - exact, kind);
	if (!n || exact)
		return;
	/* The regular plural of the last word. */
	char pl[256];
	if (n + 3 > sizeof pl || !isalpha((unsigned char)s[n - 1]))
		return;
	size_t start = n;
	while (start && !isspace((unsigned char)s[start - 1]))
		start--;
	memcpy(pl, s, start);
	size_t k = plural(s + start, n - start, pl + start, sizeof pl - start, false);
	if (k)
		add_actor_phrase(L, pl, start + k, kind);
}

static actor_entry *new_actor(loader *L, uint8_t kind, const char *code, size_t codelen)
{
	actor_entry *e = vec_push(&L->d->actors, 1);
	if (!e) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return NULL;
	}
	memset(e, 0, sizeof *e);
	e->kind = kind;
	if (codelen >= sizeof e->code)
		codelen = sizeof e->code - 1;
	memcpy(e->code, code, codelen);
	e->where = where(L);
	e->first_role = (uint32_t)L->d->roles.len;
	L->actor = (uint32_t)(L->d->actors.len - 1);
	return e;
}

static void set_name(loader *L, actor_entry *e, const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && s[k] != ';')
		k++;
	s = trim_space(s, &k);
	e->name = strpool_add(&L->d->pool, s, k);
}

static void add_code(loader *L, const char *rest, size_t n)
{
	const char *w;
	size_t k = next_word(&rest, &n, &w);
	if (!valid_code(w, k, 2, 4)) {
		fail(L, DYAD_EPARSE, "bad CAMEO code '%.*s'", (int)k, w);
		return;
	}
	char code[8];
	memcpy(code, w, k);
	code[k] = 0;
	const char *g;
	size_t gl = next_word(&rest, &n, &g);
	char num[32];
	if (!gl || gl >= sizeof num) {
		fail(L, DYAD_EPARSE, "code %s: missing Goldstein value", code);
		return;
	}
	memcpy(num, g, gl);
	num[gl] = 0;
	char *end;
	errno = 0;
	double gold = strtod(num, &end);
	if (*end || errno || gold < -10 || gold > 10) {
		fail(L, DYAD_EPARSE, "code %s: bad Goldstein value '%s'", code, num);
		return;
	}
	const char *pl;
	size_t pll = next_word(&rest, &n, &pl);
	if (!pll) {
		fail(L, DYAD_EPARSE, "code %s: missing PLOVER category", code);
		return;
	}
	rest = trim_space(rest, &n);
	if (!n) {
		fail(L, DYAD_EPARSE, "code %s: missing name", code);
		return;
	}
	int root = (code[0] - '0') * 10 + (code[1] - '0');
	if ((root < 1 || root > 20) && !L->xcode) {
		fail(L, DYAD_EPARSE, "code %s: root must be 01 to 20", code);
		return;
	}
	if (dict_find_code(L->d, code, k)) {
		fail(L, DYAD_EPARSE, "code %s defined twice", code);
		return;
	}
	code_entry *c = vec_push(&L->d->codes, 1);
	if (!c) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	memset(c, 0, sizeof *c);
	memcpy(c->code, code, k + 1);
	c->info.goldstein = gold;
	c->info.plover = strpool_add(&L->d->pool, pl, pll);
	c->info.name = strpool_add(&L->d->pool, rest, n);
	c->info.quad = root < 1 || root > 20 ? 0 : root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
	/* Rebuild the code index (codes are few; a rebuild per insert keeps this simple). */
	free(L->d->code_index);
	size_t slots = 64;
	while (slots < L->d->codes.len * 2)
		slots *= 2;
	L->d->code_index = calloc(slots, sizeof(uint32_t));
	L->d->code_slots = slots;
	if (!L->d->code_index) {
		L->d->code_slots = 0;
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	for (size_t i = 0; i < L->d->codes.len; i++) {
		code_entry *ci = &VEC_AT(L->d->codes, code_entry, i);
		size_t h = hash_bytes(ci->code, strlen(ci->code)) & (slots - 1);
		while (L->d->code_index[h])
			h = (h + 1) & (slots - 1);
		L->d->code_index[h] = (uint32_t)i + 1;
	}
	L->d->stats.codes++;
}

static int32_t parse_date(loader *L, const char *s, size_t n, bool open_end)
{
	if (n == 1 && s[0] == '-')
		return open_end ? INT32_MAX : INT32_MIN;
	int32_t d = dyad_date_parse(s, n);
	if (d == INT32_MIN)
		fail(L, DYAD_EPARSE, "bad date '%.*s' (want YYYY-MM-DD)", (int)n, s);
	return d;
}

static void add_role(loader *L, const char *rest, size_t n)
{
	actor_entry *e = &VEC_AT(L->d->actors, actor_entry, L->actor);
	const char *code, *from, *to;
	size_t cl = next_word(&rest, &n, &code);
	size_t fl = next_word(&rest, &n, &from);
	size_t tl = next_word(&rest, &n, &to);
	rest = trim_space(rest, &n);
	/* `---`: not an actor then; `discard`: a sentence naming it is not coded then. */
	bool null = (cl == 3 && !memcmp(code, "---", 3)) || (cl == 7 && !memcmp(code, "discard", 7));
	if (!(valid_code(code, cl, 3, 15) || null) || !fl || !tl || n) {
		fail(L, DYAD_EPARSE, "role wants CODE FROM TO");
		return;
	}
	int32_t a = parse_date(L, from, fl, false);
	int32_t b = parse_date(L, to, tl, true);
	if (a == INT32_MIN || b == INT32_MIN)
		return;
	if (a > b) {
		fail(L, DYAD_EPARSE, "role ends before it starts");
		return;
	}
	role *roles = L->d->roles.data;
	for (uint32_t i = e->first_role; i < e->first_role + e->nroles; i++) {
		if (a <= roles[i].to && roles[i].from <= b) {
			fail(L, DYAD_EPARSE, "role %.*s overlaps role %s", (int)cl, code,
			     roles[i].code);
			return;
		}
		if (a < roles[i].from) {
			fail(L, DYAD_EPARSE, "roles must be listed in date order");
			return;
		}
	}
	role *r = vec_push(&L->d->roles, 1);
	if (!r) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	/* vec_push may move the entry array's neighbour, not the entry: re-fetch anyway. */
	e = &VEC_AT(L->d->actors, actor_entry, L->actor);
	r->from = a;
	r->to = b;
	memset(r->code, 0, sizeof r->code);
	memcpy(r->code, code, cl);
	e->nroles++;
	L->d->stats.roles++;
}

static void add_pending(loader *L, const char *rest, size_t n, uint8_t kind)
{
	const char *code;
	size_t cl = next_word(&rest, &n, &code);
	/* `CODE?`: a subordinate pattern (TABARI's `[023?]`), coded only without other events. */
	bool subordinate = cl > 1 && code[cl - 1] == '?';
	if (subordinate)
		cl--;
	/* `CODE!`: a dominant pattern (TABARI's `[031!]`): under `tabari-coding`, a sentence
	 * with one codes only its dominant patterns. */
	bool dominant = !subordinate && cl > 1 && code[cl - 1] == '!';
	if (dominant)
		cl--;
	/* `CODE/PASSIVE`: another code when the verb is in the passive (PETRARCH-2's
	 * [active:passive]; the active code may be `---`). */
	const char *slash = kind == PAT_VERB ? memchr(code, '/', cl) : NULL;
	size_t sl = 0;
	if (slash) {
		sl = cl - (size_t)(slash + 1 - code);
		cl = (size_t)(slash - code);
		slash++;
		if (!valid_code(slash, sl, 2, 4)) {
			fail(L, DYAD_EPARSE, "bad passive CAMEO code '%.*s'", (int)sl, slash);
			return;
		}
	}
	/* `CODE:PAIR`: a paired event, A -> B coded CODE and B -> A coded PAIR. */
	const char *pair = memchr(code, ':', cl);
	size_t pl = 0;
	if (pair && kind == PAT_VERB) {
		pl = cl - (size_t)(pair + 1 - code);
		cl = (size_t)(pair - code);
		pair++;
		if (!valid_code(pair, pl, 2, 4)) {
			fail(L, DYAD_EPARSE, "bad paired CAMEO code '%.*s'", (int)pl, pair);
			return;
		}
	}
	bool null = cl == 3 && !memcmp(code, "---", 3) && !pl;
	if (!null && !valid_code(code, cl, 2, 4)) {
		fail(L, DYAD_EPARSE, "bad CAMEO code '%.*s'", (int)cl, code);
		return;
	}
	rest = trim_space(rest, &n);
	if (!n)
		fail(L, DYAD_EPARSE, "entry has no patterns");
	while (n) {
		size_t k = 0;
		while (k < n && rest[k] != ';')
			k++;
		size_t m = k;
		const char *item = trim_space(rest, &m);
		if (!m) {
			fail(L, DYAD_EPARSE, "empty pattern in list");
		} else {
			pending *p = vec_push(&L->pending, 1);
			if (!p) {
				fail(L, DYAD_ENOMEM, "out of memory");
				return;
			}
			memset(p, 0, sizeof *p);
			memcpy(p->code, code, cl);
			if (pl)
				memcpy(p->pair, pair, pl);
			if (sl)
				memcpy(p->passive, slash, sl);
			p->kind = kind;
			p->subordinate = subordinate;
			p->dominant = dominant;
			p->text = strpool_add(&L->d->pool, item, m);
			p->where = where(L);
			p->file = L->file;
			p->line = L->line;
			if (L->nfile_patterns)
				(*(kind == PAT_VERB ? &L->nfile_patterns[0] : &L->nfile_patterns[1]))++;
		}
		if (k == n)
			break;
		rest += k + 1;
		n -= k + 1;
	}
}

static void add_inflect(loader *L, const char *rest, size_t n)
{
	const char *lemma;
	size_t ll = next_word(&rest, &n, &lemma);
	rest = trim_space(rest, &n);
	if (!ll || !n) {
		fail(L, DYAD_EPARSE, "inflect wants LEMMA FORM; FORM ...");
		return;
	}
	char low[DYAD_MAX_WORD];
	size_t k = normalize_word(lemma, ll, low);
	inflection *f = vec_push(&L->inflections, 1);
	if (!f || !k) {
		fail(L, f ? DYAD_EPARSE : DYAD_ENOMEM, "bad lemma '%.*s'", (int)ll, lemma);
		return;
	}
	f->lemma = wordtab_intern(&L->d->words, low, k);
	f->forms = strpool_add(&L->d->pool, rest, n);
	L->d->stats.inflections++;
}

static void add_intent(loader *L, const char *rest, size_t n)
{
	const char *a, *b;
	size_t al = next_word(&rest, &n, &a);
	size_t bl = next_word(&rest, &n, &b);
	rest = trim_space(rest, &n);
	if (!valid_code(a, al, 2, 4) || !valid_code(b, bl, 2, 4) || n) {
		fail(L, DYAD_EPARSE, "intent wants CODE-PREFIX CODE");
		return;
	}
	pending_intent *p = vec_push(&L->intents, 1);
	if (!p) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	memset(p, 0, sizeof *p);
	memcpy(p->prefix, a, al);
	memcpy(p->code, b, bl);
	p->file = L->file;
	p->line = L->line;
}

/* Interns each word of rest in lower case with the marker appended ("ban" -> "ban="): how
 * `stem` and `exact` lines mark their words for the pattern expansion. */
static void mark_words(loader *L, const char *rest, size_t rn, char marker)
{
	while (rn) {
		const char *sw;
		size_t sk = next_word(&rest, &rn, &sw);
		char st[DYAD_MAX_WORD + 1];
		if (!sk || sk >= DYAD_MAX_WORD)
			break;
		for (size_t i = 0; i < sk; i++)
			st[i] = (char)tolower((unsigned char)sw[i]);
		st[sk] = marker;
		if (!wordtab_intern(&L->d->words, st, sk + 1))
			fail(L, DYAD_ENOMEM, "out of memory");
	}
}

static const word_set *find_set(const loader *L, const char *name, size_t n)
{
	for (size_t i = 0; i < L->sets.len; i++) {
		const word_set *ws = &VEC_AT(L->sets, word_set, i);
		if (strlen(ws->name) == n && !memcmp(ws->name, name, n))
			return ws;
	}
	return NULL;
}

static void add_set(loader *L, const char *rest, size_t n)
{
	const char *name;
	size_t nl = next_word(&rest, &n, &name);
	rest = trim_space(rest, &n);
	bool ok = nl > 0;
	for (size_t i = 0; i < nl; i++)
		ok &= isupper((unsigned char)name[i]) || isdigit((unsigned char)name[i]) ||
		      name[i] == '_';
	if (!ok || !n) {
		fail(L, DYAD_EPARSE, "set wants NAME (capitals, digits, _) and members");
		return;
	}
	const word_set *old = find_set(L, name, nl);
	if (old) {
		fail(L, DYAD_EPARSE, "set %.*s is already defined at %s", (int)nl, name, old->where);
		return;
	}
	word_set *ws = vec_push(&L->sets, 1);
	if (!ws) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	ws->name = strpool_add(&L->d->pool, name, nl);
	ws->members = strpool_add(&L->d->pool, rest, n);
	ws->where = where(L);
	if (!ws->name || !ws->members) {
		L->sets.len--;
		fail(L, DYAD_ENOMEM, "out of memory");
	}
}

/* kind: 1 `discard` (the phrase), 2 `discard-sentence`, 3 `discard-document`. */
static void add_obligation(loader *L, const char *rest, size_t n)
{
	const char *a, *b;
	size_t al = next_word(&rest, &n, &a);
	size_t bl = next_word(&rest, &n, &b);
	rest = trim_space(rest, &n);
	pending_obligation *p = NULL;
	if (!al || al >= sizeof p->word || !valid_code(b, bl, 2, 4) || n) {
		fail(L, DYAD_EPARSE, "obligation wants WORD CODE");
		return;
	}
	p = vec_push(&L->obligations, 1);
	if (!p) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	memset(p, 0, sizeof *p);
	memcpy(p->word, a, al);
	memcpy(p->code, b, bl);
	p->where = where(L);
	p->file = L->file;
	p->line = L->line;
}

static void add_discard(loader *L, const char *s, size_t n, uint8_t kind)
{
	s = trim_space(s, &n);
	if (!n) {
		fail(L, DYAD_EPARSE, "empty phrase in list");
		return;
	}
	if (phrase_ids(L, s, n, false) != DYAD_OK) {
		fail(L, DYAD_EPARSE, "cannot read phrase '%.*s'", (int)n, s);
		return;
	}
	uint32_t node;
	if (trie_add(&L->d->discard_trie, L->ids.data, L->ids.len, &node) != DYAD_OK) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	uint32_t *hit = &VEC_AT(L->d->discard_trie.hit, uint32_t, node);
	if (*hit < kind)
		*hit = kind;
	L->d->stats.discards++;
}

static bool keyword(const char *w, size_t k, const char *kw)
{
	return strlen(kw) == k && memcmp(w, kw, k) == 0;
}

/* The keywords that switch on a coding rule of the dictionary, each a bool of dyad_dict
 * (doc/dictionaries.md, "Extensions for translated dictionaries"). */
static const struct dict_switch {
	const char *name;
	size_t offset;
} dict_switches[] = {
    {"target-across-that", offsetof(dyad_dict, target_across_that)},
    {"no-nested-events", offsetof(dyad_dict, no_nested_events)},
    {"nested-agents", offsetof(dyad_dict, nested_agents)},
    {"agent-in", offsetof(dyad_dict, agent_in)},
    {"passive-needs-by", offsetof(dyad_dict, passive_by)},
    {"petrarch1-coding", offsetof(dyad_dict, petrarch1)},
    {"petrarch2-coding", offsetof(dyad_dict, petrarch2)},
    {"tabari-coding", offsetof(dyad_dict, tabari_coding)},
};

static const struct dict_switch *switch_keyword(const char *w, size_t k)
{
	for (size_t i = 0; i < sizeof dict_switches / sizeof dict_switches[0]; i++)
		if (keyword(w, k, dict_switches[i].name))
			return &dict_switches[i];
	return NULL;
}

/* An actor entry without a code of its own (`person`, whose codes are its roles, and
 * `place`) named by the `;` list rest; NULL after reporting when there is none. */
static actor_entry *uncoded_entry(loader *L, uint8_t kind, const char *rest, size_t rn,
                                  const char *no_names)
{
	if (!rn) {
		fail(L, DYAD_EPARSE, "%s", no_names);
		return NULL;
	}
	actor_entry *e = new_actor(L, kind, "", 0);
	if (!e)
		return NULL;
	set_name(L, e, rest, rn);
	each_item(L, rest, rn, kind, add_actor_phrase);
	return e;
}

static const char *const rule_names[RULE_COUNT] = {
    "ultimatum",         "condition-target", "that-target",
    "domestic-dissent",  "domestic-curb",    "violent",
};

/* `rule NAME PREFIX...`: the codes a coding rule applies to (dict_rule). */
static void add_rule(loader *L, const char *rest, size_t n)
{
	const char *name;
	size_t nl = next_word(&rest, &n, &name);
	int r = 0;
	while (r < RULE_COUNT && !keyword(name, nl, rule_names[r]))
		r++;
	if (r == RULE_COUNT) {
		fail(L, DYAD_EPARSE, "unknown rule '%.*s'", (int)nl, name);
		return;
	}
	int k = 0;
	while (L->d->rules[r][k][0] && k < RULE_MAX_PREFIXES)
		k++;
	while (n) {
		const char *code;
		size_t cl = next_word(&rest, &n, &code);
		if (!cl)
			break;
		if (!valid_code(code, cl, 2, 4)) {
			fail(L, DYAD_EPARSE, "rule %s: bad code prefix '%.*s'", rule_names[r], (int)cl,
			     code);
			return;
		}
		if (k == RULE_MAX_PREFIXES || (r == RULE_ULTIMATUM && k == 1)) {
			fail(L, DYAD_EPARSE, "rule %s: too many codes", rule_names[r]);
			return;
		}
		memcpy(L->d->rules[r][k++], code, cl);
	}
}

bool dict_rule(const dyad_dict *d, int r, const char *code)
{
	for (int k = 0; k < RULE_MAX_PREFIXES && d->rules[r][k][0]; k++)
		if (!strncmp(code, d->rules[r][k], strlen(d->rules[r][k])))
			return true;
	return false;
}

static void parse_line(loader *L, const char *s, size_t n)
{
	/* Strip a comment: '#' at the start or after white space (`\#` is a plain '#'). */
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '#' && (i == 0 || isspace((unsigned char)s[i - 1]))) {
			n = i;
			break;
		}
	}
	bool cont = n && (s[0] == ' ' || s[0] == '\t');
	const char *rest = s;
	size_t rn = n;
	rest = trim_space(rest, &rn);
	if (!rn)
		return;
	const char *w;
	size_t k = next_word(&rest, &rn, &w);
	rest = trim_space(rest, &rn);
	const struct dict_switch *sw;
	if (cont) {
		if (L->entry == E_COUNTRY) {
			if (keyword(w, k, "name"))
				each_item(L, rest, rn, ATOM_COUNTRY, add_actor_phrase);
			else if (keyword(w, k, "adj"))
				each_item(L, rest, rn, ATOM_ADJ, add_actor_phrase);
			else if (keyword(w, k, "gov"))
				each_item(L, rest, rn, ATOM_GOV, add_actor_phrase);
			else
				fail(L, DYAD_EPARSE, "unknown country line '%.*s' (want name, adj or gov)",
				     (int)k, w);
		} else if (L->entry == E_PERSON) {
			if (keyword(w, k, "role"))
				add_role(L, rest, rn);
			else if (keyword(w, k, "base")) {
				actor_entry *e = &VEC_AT(L->d->actors, actor_entry, L->actor);
				if (!valid_code(rest, rn, 3, 15))
					fail(L, DYAD_EPARSE, "bad base code '%.*s'", (int)rn, rest);
				else {
					memset(e->code, 0, sizeof e->code);
					memcpy(e->code, rest, rn);
				}
			} else
				fail(L, DYAD_EPARSE, "unknown person line '%.*s' (want role or base)",
				     (int)k, w);
		} else {
			fail(L, DYAD_EPARSE, "indented line outside a country or person entry");
		}
		return;
	}
	/* `line N`: the next line is line N (translated foreign dictionaries keep their own
	 * line numbers); the entry being continued stays open. */
	if (keyword(w, k, "line")) {
		char num[16];
		char *end;
		if (rn && rn < sizeof num) {
			memcpy(num, rest, rn);
			num[rn] = 0;
			errno = 0;
			long v = strtol(num, &end, 10);
			if (!*end && !errno && v >= 1 && v < LONG_MAX) {
				L->line = v - 1;
				return;
			}
		}
		fail(L, DYAD_EPARSE, "line wants a line number");
		return;
	}
	L->entry = E_OTHER;
	if (keyword(w, k, "code")) {
		add_code(L, rest, rn);
	} else if (keyword(w, k, "xcode")) {
		L->xcode = true;
		add_code(L, rest, rn);
		L->xcode = false;
	} else if (keyword(w, k, "rule")) {
		add_rule(L, rest, rn);
		L->entry = E_NONE;
	} else if (keyword(w, k, "set")) {
		add_set(L, rest, rn);
		L->entry = E_NONE;
	} else if (keyword(w, k, "place")) {
		/* `place NAME; ...`: a place whose name holds an actor's and is no actor. */
		uncoded_entry(L, ATOM_PLACE, rest, rn, "entry has no names");
		L->entry = E_NONE;
	} else if (keyword(w, k, "country") || keyword(w, k, "org") || keyword(w, k, "agent")) {
		bool country = w[0] == 'c', agent = w[0] == 'a';
		const char *code;
		size_t cl = next_word(&rest, &rn, &code);
		rest = trim_space(rest, &rn);
		/* `org \#\#\#`: PETRARCH-1's actor code "###" (an org code may be '#'s). */
		char hashes[16];
		if (!country && !agent && cl >= 2 && cl < 2 * sizeof hashes && code[0] == '\\') {
			size_t h = 0;
			for (size_t i = 0; i + 1 < cl && code[i] == '\\' && code[i + 1] == '#';
			     i += 2)
				hashes[h++] = '#';
			if (2 * h == cl) {
				code = hashes;
				cl = h;
			}
		}
		bool hash_code = cl && code == hashes;
		size_t hi = country ? 3 : 15;
		/* An agent code may be several segments; a trailing `~` puts it before the actor's
		 * code instead of after it (`NGO~`: "human rights body" of X is NGOX). */
		size_t vl = agent && cl > 1 && code[cl - 1] == '~' ? cl - 1 : cl;
		if (!valid_code(code, vl, 3, hi) &&
		    !(!country && !agent && valid_compound_code(code, cl)) && !(hash_code && cl >= 3)) {
			fail(L, DYAD_EPARSE, "bad %s code '%.*s'", country ? "country" : agent ? "agent" : "org",
			     (int)cl, code);
			return;
		}
		if (!rn) {
			fail(L, DYAD_EPARSE, "entry has no names");
			return;
		}
		uint8_t kind = country ? ATOM_COUNTRY : agent ? ATOM_AGENT : ATOM_ORG;
		actor_entry *e = new_actor(L, kind, code, cl);
		if (!e)
			return;
		set_name(L, e, rest, rn);
		each_item(L, rest, rn, kind, agent ? add_agent_phrase : add_actor_phrase);
		if (country) {
			L->entry = E_COUNTRY;
			L->d->stats.countries++;
		} else if (agent)
			L->d->stats.agents++;
		else
			L->d->stats.orgs++;
	} else if (keyword(w, k, "person")) {
		if (!uncoded_entry(L, ATOM_PERSON, rest, rn, "person has no names"))
			return;
		L->entry = E_PERSON;
		L->d->stats.persons++;
	} else if ((sw = switch_keyword(w, k)) != NULL) {
		if (rn)
			fail(L, DYAD_EPARSE, "%s takes nothing after it", sw->name);
		else
			*(bool *)((char *)L->d + sw->offset) = true;
	} else if (keyword(w, k, "verb")) {
		add_pending(L, rest, rn, PAT_VERB);
	} else if (keyword(w, k, "noun")) {
		add_pending(L, rest, rn, PAT_NOUN);
	} else if (keyword(w, k, "transform")) {
		p2_transform t;
		const char *msg = p2_transform_parse(rest, rn, &t);
		p2_transform *slot = msg ? NULL : vec_push(&L->d->p2_transforms, 1);
		if (msg)
			fail(L, DYAD_EPARSE, "transform: %s", msg);
		else if (!slot)
			fail(L, DYAD_ENOMEM, "out of memory");
		else
			*slot = t;
	} else if (keyword(w, k, "agent-alone")) {
		/* PETRARCH codes an agent without an actor as `---` + the agent's code. */
		if (rn != 3 || !(valid_code(rest, rn, 3, 3) || !memcmp(rest, "---", 3)))
			fail(L, DYAD_EPARSE, "agent-alone wants a three-character code");
		else
			memcpy(L->d->agent_alone, rest, 3);
	} else if (keyword(w, k, "inflect")) {
		add_inflect(L, rest, rn);
	} else if (keyword(w, k, "stem")) {
		/* `stem WORD ...`: verbs that are TABARI stems (written without `_`): the lemma
		 * also matches, under `tabari-coding`, every word it begins. The word "WORD~"
		 * stands for the stem in the event trie. */
		mark_words(L, rest, rn, '~');
	} else if (keyword(w, k, "exact")) {
		/* `exact WORD ...`: verbs that match only as written, without the regular forms
		 * (TABARI's `BAN=`). The word "WORD=" marks them. */
		mark_words(L, rest, rn, '=');
	} else if (keyword(w, k, "plain-noun") || keyword(w, k, "plain-adjective")) {
		/* Uncoded nouns and adjectives (TABARI's <NOUN>, <ADJECTIVE>): the word "WORD^n"
		 * (or "WORD^a") marks each word of them for tabari.c. */
		char mark = keyword(w, k, "plain-noun") ? 'n' : 'a';
		while (rn) {
			const char *sw;
			size_t sk = next_word(&rest, &rn, &sw);
			char st[DYAD_MAX_WORD + 3];
			while (sk && sw[sk - 1] == ';')
				sk--;
			if (!sk || sk >= DYAD_MAX_WORD)
				continue;
			size_t nk = normalize_word(sw, sk, st);
			if (!nk || nk >= DYAD_MAX_WORD)
				continue;
			st[nk] = '^';
			st[nk + 1] = mark;
			if (!wordtab_intern(&L->d->words, st, nk + 2))
				fail(L, DYAD_ENOMEM, "out of memory");
		}
	} else if (keyword(w, k, "intent")) {
		add_intent(L, rest, rn);
	} else if (keyword(w, k, "obligation")) {
		add_obligation(L, rest, rn);
	} else if (keyword(w, k, "discard")) {
		each_item(L, rest, rn, 1, add_discard);
	} else if (keyword(w, k, "discard-sentence")) {
		each_item(L, rest, rn, 2, add_discard);
	} else if (keyword(w, k, "discard-document")) {
		each_item(L, rest, rn, 3, add_discard);
	} else {
		fail(L, DYAD_EPARSE, "unknown entry '%.*s'", (int)k, w);
	}
}

static void parse_text(loader *L, const char *name, const char *text, size_t len)
{
	L->file = name;
	L->line = 0;
	L->entry = E_NONE;
	size_t i = 0;
	while (i < len && L->status != DYAD_ENOMEM) {
		size_t j = i;
		while (j < len && text[j] != '\n')
			j++;
		L->line++;
		size_t n = j - i;
		if (n && text[i + n - 1] == '\r')
			n--;
		parse_line(L, text + i, n);
		i = j + 1;
	}
}

/* ---------------------------------------------------------------- pattern expansion */

struct item {
	uint32_t ids[MAX_FORMS][8]; /* each form tokenized (usually one word) */
	uint8_t lens[MAX_FORMS];
	uint8_t form[MAX_FORMS];
	bool covered[MAX_FORMS]; /* a plural a `tabari-coding` stem also matches */
	int nforms;
	bool lemma;
	const char *w;   /* the item as written */
	size_t wl;
};
typedef struct item item;

static bool is_lemma(const char *w, size_t n)
{
	if (n < 2)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)w[i]))
			return false;
	return true;
}

static void add_form(loader *L, item *it, const char *w, size_t n, uint8_t form)
{
	if (it->nforms >= MAX_FORMS)
		return;
	if (phrase_ids(L, w, n, false) != DYAD_OK || L->ids.len == 0 || L->ids.len > 8)
		return;
	for (int f = 0; f < it->nforms; f++)
		if (it->lens[f] == L->ids.len &&
		    memcmp(it->ids[f], L->ids.data, L->ids.len * sizeof(uint32_t)) == 0)
			return;
	memcpy(it->ids[it->nforms], L->ids.data, L->ids.len * sizeof(uint32_t));
	it->lens[it->nforms] = (uint8_t)L->ids.len;
	it->form[it->nforms] = form;
	it->nforms++;
}

/* The stem "word~" (w[0..n) with its `~`) as a form: with `tabari-coding` a token that it
 * begins matches it (coder.c). Only for a stem the dictionary declares (`stem`, `word~`). */
static void add_stem_form(loader *L, item *it, const char *w, size_t n)
{
	if (it->nforms >= MAX_FORMS || n > DYAD_MAX_WORD)
		return;
	uint32_t id = wordtab_intern(&L->d->words, w, n);
	if (!id) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	it->ids[it->nforms][0] = id;
	it->lens[it->nforms] = 1;
	it->form[it->nforms] = FORM_OTHER;
	it->nforms++;
}

static void expand_lemma(loader *L, item *it, const char *w, size_t n, uint8_t kind)
{
	char low[64], out[80];
	if (n >= sizeof low)
		return;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	add_form(L, it, low, n, FORM_BASE);
	low[n] = '~';
	if (wordtab_find(&L->d->words, low, n + 1, hash_bytes(low, n + 1)))
		add_stem_form(L, it, low, n + 1);
	low[n] = '=';
	bool exact = kind == PAT_VERB &&
	             wordtab_find(&L->d->words, low, n + 1, hash_bytes(low, n + 1)) != 0;
	size_t k = exact ? 0 : plural(low, n, out, sizeof out, kind == PAT_VERB);
	if (k)
		add_form(L, it, out, k, FORM_S);
	if (kind != PAT_VERB)
		return;
	char s3[80];
	size_t s3n = k;
	memcpy(s3, out, k);
	if (exact)
		goto forms;
	/* past: -d after e, -ied after consonant + y, else -ed */
	memcpy(out, low, n);
	if (low[n - 1] == 'e')
		k = n, out[k++] = 'd';
	else if (n > 1 && low[n - 1] == 'y' && !is_vowel(low[n - 2]))
		k = n - 1, memcpy(out + k, "ied", 3), k += 3;
	else
		k = n, memcpy(out + k, "ed", 2), k += 2;
	add_form(L, it, out, k, FORM_PAST);
	/* -ing: -ying after ie, drop a final e (not ee, ye, oe) */
	memcpy(out, low, n);
	if (n > 2 && low[n - 2] == 'i' && low[n - 1] == 'e')
		k = n - 2, memcpy(out + k, "ying", 4), k += 4;
	else if (n > 2 && low[n - 1] == 'e' && low[n - 2] != 'e' && low[n - 2] != 'y' &&
	         low[n - 2] != 'o')
		k = n - 1, memcpy(out + k, "ing", 3), k += 3;
	else
		k = n, memcpy(out + k, "ing", 3), k += 3;
	add_form(L, it, out, k, FORM_ING);
forms:;
	/* Forms from `inflect` lines; a form declared a stem (`stem`) is one here too. */
	uint32_t lemma = wordtab_find(&L->d->words, low, n, hash_bytes(low, n));
	for (size_t i = 0; lemma && i < L->inflections.len; i++) {
		inflection *f = &VEC_AT(L->inflections, inflection, i);
		if (f->lemma != lemma)
			continue;
		const char *s = f->forms;
		while (*s) {
			size_t m = 0;
			while (s[m] && s[m] != ';')
				m++;
			size_t mm = m;
			const char *form = trim_space(s, &mm);
			uint8_t fk = FORM_PAST;
			if (mm >= 3 && memcmp(form + mm - 3, "ing", 3) == 0)
				fk = FORM_ING;
			else if (mm == s3n && memcmp(form, s3, mm) == 0)
				fk = FORM_S;
			else if (mm && form[mm - 1] == 's' && mm > n)
				fk = FORM_S;
			else if (mm == n + 1 && form[n] == 'e' && !memcmp(form, low, n))
				fk = FORM_BASE; /* a stem's base form: "restore" of TABARI's RESTOR */
			if (mm)
				add_form(L, it, form, mm, fk);
			char st[DYAD_MAX_WORD + 1];
			if (mm && mm < DYAD_MAX_WORD) {
				memcpy(st, form, mm);
				st[mm] = '~';
				if (wordtab_find(&L->d->words, st, mm + 1, hash_bytes(st, mm + 1)))
					add_stem_form(L, it, st, mm + 1);
			}
			s += m;
			if (*s == ';')
				s++;
		}
	}
}

static bool function_word(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof function_words / sizeof function_words[0]; i++)
		if (strlen(function_words[i].word) == n && memcmp(function_words[i].word, w, n) == 0)
			return true;
	return false;
}

/* A plain pattern word or phrase as written, or `word~`: the word or its plural (TABARI's
 * pattern words are stems). */
static void add_word_forms(loader *L, item *it, const char *w, size_t k)
{
	if (k > 2 && w[k - 1] == '~' && isalpha((unsigned char)w[k - 2])) {
		add_form(L, it, w, k - 1, FORM_OTHER);
		add_stem_form(L, it, w, k);
		char pl[80];
		size_t pk = function_word(w, k - 1) ? 0 : plural(w, k - 1, pl, sizeof pl, false);
		int had = it->nforms;
		if (pk)
			add_form(L, it, pl, pk, FORM_OTHER);
		/* `tabari-coding` matches a stem against every word it begins: a plural that it
		 * begins may be dropped (expand_pattern). */
		if (it->nforms > had && L->d->tabari_coding && !memcmp(pl, w, k - 1))
			it->covered[had] = true;
	} else {
		add_form(L, it, w, k, FORM_OTHER);
	}
}

/* In a noun pattern the head - the last word that is not a slot, gap or function word -
 * also matches its plural ("air strike on +" matches "air strikes on"). */
static void pluralise_head(loader *L, item *items, int nitems)
{
	for (int i = nitems - 1; i >= 0; i--) {
		item *it = &items[i];
		if (it->ids[0][0] < WORD_FIRST || function_word(it->w, it->wl))
			continue;
		if (it->lemma || it->wl < 2 || !isalpha((unsigned char)it->w[it->wl - 1]))
			return;
		char pl[80];
		size_t k = plural(it->w, it->wl, pl, sizeof pl, false);
		if (k)
			add_form(L, it, pl, k, FORM_OTHER);
		return;
	}
}

static void expand_pattern(loader *L, const pending *p, uint32_t code_index)
{
	L->file = p->file;
	L->line = p->line;
	item *items = L->items;
	int nitems = 0, lemma_at = 255;
	bool has_target = false, has_source = false, both = false;
	const char *s = p->text;
	size_t n = strlen(s);
	while (n) {
		const char *w;
		size_t k = next_word(&s, &n, &w);
		if (!k)
			break;
		if (nitems >= MAX_ITEMS) {
			fail(L, DYAD_EPARSE, "pattern '%s' is too long", p->text);
			return;
		}
		item *it = &items[nitems];
		memset(it, 0, sizeof *it);
		it->w = w;
		it->wl = k;
		if (k == 1 && (w[0] == '*' || w[0] == '+' || w[0] == '$' || w[0] == '%')) {
			/* `%` is a `+` whose compound is source and target too (TABARI's). */
			it->ids[0][0] = w[0] == '*' ? WORD_GAP : w[0] == '$' ? WORD_SOURCE : WORD_TARGET;
			it->lens[0] = 1;
			it->nforms = 1;
			both |= w[0] == '%';
			if (w[0] == '+' || w[0] == '%') {
				if (has_target)
					fail(L, DYAD_EPARSE, "pattern '%s' has two '+'", p->text);
				has_target = true;
			}
			if (w[0] == '$') {
				if (has_source)
					fail(L, DYAD_EPARSE, "pattern '%s' has two '$'", p->text);
				has_source = true;
			}
		} else if (k == 1 && w[0] == '^') {
			it->ids[0][0] = WORD_SKIP;
			it->lens[0] = 1;
			it->nforms = 1;
		} else if (k == 3 && !memcmp(w, "...", 3)) {
			it->ids[0][0] = WORD_LONGGAP;
			it->lens[0] = 1;
			it->nforms = 1;
		} else if (k > 1 && w[0] == '&') {
			/* `&NAME`: any member of the set, a `word~` member also in the plural. */
			const word_set *ws = find_set(L, w + 1, k - 1);
			if (!ws) {
				fail(L, DYAD_EPARSE, "pattern '%s': no set %.*s", p->text, (int)k, w);
				return;
			}
			const char *m = ws->members;
			size_t mn = strlen(m);
			while (mn) {
				size_t j = 0;
				while (j < mn && m[j] != ';')
					j++;
				size_t ml = j;
				const char *mw = trim_space(m, &ml);
				add_word_forms(L, it, mw, ml);
				m += j < mn ? j + 1 : j;
				mn -= j < mn ? j + 1 : j;
			}
			if (it->nforms >= MAX_FORMS) {
				fail(L, DYAD_EPARSE, "pattern '%s': set %.*s has more than %d forms",
				     p->text, (int)k, w, MAX_FORMS - 1);
				return;
			}
		} else if (is_lemma(w, k)) {
			it->lemma = true;
			expand_lemma(L, it, w, k, p->kind);
			if (lemma_at == 255)
				lemma_at = nitems;
		} else {
			add_word_forms(L, it, w, k);
		}
		if (!it->nforms) {
			fail(L, DYAD_EPARSE, "pattern '%s': cannot read '%.*s'", p->text, (int)k, w);
			return;
		}
		nitems++;
	}
	if (p->kind == PAT_NOUN)
		pluralise_head(L, items, nitems);
	uint32_t first = nitems ? items[0].ids[0][0] : 0;
	uint32_t last = nitems ? items[nitems - 1].ids[0][0] : 0;
	if (!nitems || first == WORD_GAP || last == WORD_GAP || first == WORD_LONGGAP ||
	    last == WORD_LONGGAP) {
		fail(L, DYAD_EPARSE, "pattern '%s' is empty or starts or ends with '*'", p->text);
		return;
	}
	pattern *pat = vec_push(&L->d->patterns, 1);
	if (!pat) {
		fail(L, DYAD_ENOMEM, "out of memory");
		return;
	}
	pat->code = code_index;
	pat->pair = p->pair_index;
	pat->null = !strcmp(p->code, "---");
	pat->passive = p->passive_index;
	pat->subordinate = p->subordinate;
	pat->dominant = p->dominant;
	pat->kind = p->kind;
	pat->has_target = has_target;
	pat->has_source = has_source;
	pat->both = both;
	pat->text = p->text;
	pat->where = p->where;
	uint32_t pindex = (uint32_t)L->d->patterns.len - 1;
	if (p->kind == PAT_VERB)
		L->d->stats.verb_patterns++;
	else
		L->d->stats.noun_patterns++;
	if (!pat->null) {
		const char *code = VEC_AT(L->d->codes, code_entry, code_index).code;
		int root = (code[0] - '0') * 10 + (code[1] - '0');
		if (root >= 1 && root <= 20)
			L->d->root_patterns[root]++;
	}
	/* A `tabari-coding` pattern with more expansions than MAX_EXPANSIONS drops the plurals
	 * its stems match anyway ("* RESIST TO THE END OF THE EARTH"). */
	long product = 1;
	for (int i = 0; i < nitems && product <= MAX_EXPANSIONS; i++)
		product *= items[i].nforms;
	for (int i = 0; i < nitems && product > MAX_EXPANSIONS && L->d->tabari_coding; i++) {
		item *it = &items[i];
		int k = 0;
		for (int f = 0; f < it->nforms; f++) {
			if (it->covered[f] && it->nforms > 1)
				continue;
			memcpy(it->ids[k], it->ids[f], sizeof it->ids[f]);
			it->lens[k] = it->lens[f];
			it->form[k] = it->form[f];
			it->covered[k] = false;
			k++;
		}
		it->nforms = k;
	}
	product = 1;
	for (int i = 0; i < nitems && product <= MAX_EXPANSIONS; i++)
		product *= items[i].nforms;
	if (product > MAX_EXPANSIONS)
		warn(L, "pattern '%s' has more than %d combinations of word forms; only the first %d "
		     "are matched", p->text, MAX_EXPANSIONS, MAX_EXPANSIONS);
	/* Cartesian product of the forms, odometer style. */
	int choice[MAX_ITEMS] = {0};
	/* Indices, not pointers: event_hits may move as this pattern's expansions are added. */
	uint32_t clash = 0, first_clash = 0; /* 1 + index into event_hits, 0 none */
	bool added = false;
	/* The odometer turns its last items fastest, so expansions share prefixes: the trie node
	 * after each item is kept, and a path is added from the first item that changed. */
	uint32_t node_after[MAX_ITEMS];
	int same_items = 0; /* items unchanged since the previous expansion */
	for (int expansions = 0; expansions < MAX_EXPANSIONS; expansions++) {
		uint32_t path[MAX_ITEMS * 8];
		size_t len = 0;
		uint8_t form = FORM_OTHER;
		int lemma_pos = 255;
		uint32_t node = 0;
		for (int i = 0; i < nitems; i++) {
			if (i == lemma_at) {
				form = items[i].form[choice[i]];
				lemma_pos = (int)len;
			}
			memcpy(path + len, items[i].ids[choice[i]],
			       items[i].lens[choice[i]] * sizeof(uint32_t));
			size_t from = len;
			len += items[i].lens[choice[i]];
			if (i < same_items) {
				node = node_after[i];
			} else {
				if (trie_add_from(&L->d->event_trie, node, path + from, len - from, &node) !=
				    DYAD_OK) {
					fail(L, DYAD_ENOMEM, "out of memory");
					return;
				}
				node_after[i] = node;
			}
		}
		if (L->d->petrarch2 && form == FORM_PAST && lemma_pos != 255 && p->kind == PAT_VERB) {
			vec *v = &L->d->p2_past;
			uint32_t w = path[lemma_pos];
			if (w >= v->len) {
				size_t had = v->len;
				uint8_t *grown = vec_push(v, w + 1 - had);
				if (!grown) {
					fail(L, DYAD_ENOMEM, "out of memory");
					return;
				}
				memset(grown, 0, w + 1 - had);
			}
			VEC_AT(*v, uint8_t, w) = 1;
		}
		uint32_t *hit = &VEC_AT(L->d->event_trie.hit, uint32_t, node);
		if (*hit) {
			const event_hit *old = &VEC_AT(L->d->event_hits, event_hit, *hit - 1);
			if (old->pattern != pindex && !clash)
				clash = *hit;
			if (old->pattern != pindex && expansions == 0)
				first_clash = *hit;
		} else {
			added = true;
		}
		if (!*hit) {
			event_hit *h = vec_push(&L->d->event_hits, 1);
			if (!h) {
				fail(L, DYAD_ENOMEM, "out of memory");
				return;
			}
			h->pattern = pindex;
			h->form = form;
			h->lemma_at = (uint8_t)lemma_pos;
			*hit = (uint32_t)L->d->event_hits.len;
		} else if (form == FORM_BASE && lemma_pos != 255) {
			/* A lemma as written beats an inflection of another lemma ("LEFT" over the past
			 * of LEAVE). */
			event_hit *h = &VEC_AT(L->d->event_hits, event_hit, *hit - 1);
			if (h->form == FORM_S || h->form == FORM_PAST || h->form == FORM_ING) {
				h->pattern = pindex;
				h->form = form;
				h->lemma_at = (uint8_t)lemma_pos;
			}
		}
		int i = nitems - 1;
		while (i >= 0 && ++choice[i] >= items[i].nforms)
			choice[i--] = 0;
		if (i < 0)
			break;
		same_items = i;
	}
	/* Lint: a pattern that adds no word sequence is a duplicate; one whose own form is
	 * another code's pattern conflicts with it (the first loaded wins). Overlaps between
	 * inflected forms of different lemmas are expected and not reported. */
	uint32_t oi = !added ? clash : first_clash;
	if (oi) {
		const event_hit *o = &VEC_AT(L->d->event_hits, event_hit, oi - 1);
		const pattern *op = &VEC_AT(L->d->patterns, pattern, o->pattern);
		const char *oc = op->null ? "---" : VEC_AT(L->d->codes, code_entry, op->code).code;
		bool same = op->null == !strcmp(p->code, "---") && op->code == code_index;
		if (!added || !same)
			warn(L, "%s pattern '%s': already pattern '%s' (%s, %s)",
			     same ? "duplicate" : "conflicting", p->text, op->text, oc, op->where);
	}
}

static void finish(loader *L)
{
	for (size_t i = 0; i < L->pending.len && L->status != DYAD_ENOMEM; i++) {
		pending *p = &VEC_AT(L->pending, pending, i);
		if (p->passive[0]) {
			const code_entry *pc = dict_find_code(L->d, p->passive, strlen(p->passive));
			if (!pc) {
				L->file = p->file;
				L->line = p->line;
				fail(L, DYAD_EPARSE, "unknown CAMEO code '%s' (no `code` line defines it)",
				     p->passive);
				continue;
			}
			p->passive_index = 1 + (uint32_t)(pc - (const code_entry *)L->d->codes.data);
		}
		if (!strcmp(p->code, "---")) {
			expand_pattern(L, p, 0); /* a null pattern: no code */
			continue;
		}
		const code_entry *c = dict_find_code(L->d, p->code, strlen(p->code));
		if (!c) {
			L->file = p->file;
			L->line = p->line;
			fail(L, DYAD_EPARSE, "unknown CAMEO code '%s' (no `code` line defines it)",
			     p->code);
			continue;
		}
		if (p->pair[0]) {
			const code_entry *pc = dict_find_code(L->d, p->pair, strlen(p->pair));
			if (!pc) {
				L->file = p->file;
				L->line = p->line;
				fail(L, DYAD_EPARSE, "unknown CAMEO code '%s' (no `code` line defines it)",
				     p->pair);
				continue;
			}
			p->pair_index = 1 + (uint32_t)(pc - (const code_entry *)L->d->codes.data);
		}
		expand_pattern(L, p, (uint32_t)(c - (const code_entry *)L->d->codes.data));
	}
	for (size_t i = 0; i < L->intents.len && L->status != DYAD_ENOMEM; i++) {
		pending_intent *p = &VEC_AT(L->intents, pending_intent, i);
		const code_entry *c = dict_find_code(L->d, p->code, strlen(p->code));
		L->file = p->file;
		L->line = p->line;
		if (!c) {
			fail(L, DYAD_EPARSE, "unknown CAMEO code '%s' (no `code` line defines it)",
			     p->code);
			continue;
		}
		intent_entry *e = vec_push(&L->d->intents, 1);
		if (!e) {
			fail(L, DYAD_ENOMEM, "out of memory");
			return;
		}
		memcpy(e->prefix, p->prefix, sizeof e->prefix);
		e->code = (uint32_t)(c - (const code_entry *)L->d->codes.data);
	}
	for (size_t i = 0; i < L->obligations.len && L->status != DYAD_ENOMEM; i++) {
		pending_obligation *o = &VEC_AT(L->obligations, pending_obligation, i);
		const code_entry *c = dict_find_code(L->d, o->code, strlen(o->code));
		L->file = o->file;
		L->line = o->line;
		char low[DYAD_MAX_WORD];
		size_t k = normalize_word(o->word, strlen(o->word), low);
		if (!c || !k) {
			fail(L, DYAD_EPARSE, c ? "bad obligation word '%s'" : "unknown CAMEO code '%s'",
			     c ? o->word : o->code);
			continue;
		}
		pattern *pat = vec_push(&L->d->patterns, 1);
		event_hit *h = vec_push(&L->d->event_hits, 1);
		obligation *ob = vec_push(&L->d->obligations, 1);
		uint32_t word = wordtab_intern(&L->d->words, low, k);
		if (!pat || !h || !ob || !word) {
			fail(L, DYAD_ENOMEM, "out of memory");
			return;
		}
		memset(pat, 0, sizeof *pat);
		pat->code = (uint32_t)(c - (const code_entry *)L->d->codes.data);
		pat->kind = PAT_VERB;
		pat->text = strpool_add(&L->d->pool, o->word, strlen(o->word));
		pat->where = o->where;
		memset(h, 0, sizeof *h);
		h->pattern = (uint32_t)L->d->patterns.len - 1;
		h->form = FORM_OTHER;
		h->lemma_at = 255;
		ob->word = word;
		ob->hit = (uint32_t)L->d->event_hits.len - 1;
	}
	/* Function words: interned so the coder can classify them by id. */
	for (size_t i = 0; i < sizeof function_words / sizeof function_words[0]; i++) {
		const char *w = function_words[i].word;
		uint32_t id = wordtab_intern(&L->d->words, w, strlen(w));
		if (!id) {
			fail(L, DYAD_ENOMEM, "out of memory");
			return;
		}
		VEC_AT(L->d->words.flags, uint32_t, id) |= function_words[i].flags;
	}
	trie_mark_starts(&L->d->actor_trie, &L->d->words, WF_ACTOR_START);
	trie_mark_starts(&L->d->event_trie, &L->d->words, WF_EVENT_START);
	trie_mark_starts(&L->d->discard_trie, &L->d->words, WF_DISCARD_START);
	/* Codebook info points into code entries: fix the code strings now that the vector is
	 * final. */
	for (size_t i = 0; i < L->d->codes.len; i++) {
		code_entry *c = &VEC_AT(L->d->codes, code_entry, i);
		c->info.code = c->code;
	}
	L->d->stats.words = L->d->words.words.len - WORD_FIRST;
}

static dyad_dict *dict_new(void)
{
	dyad_dict *d = calloc(1, sizeof *d);
	if (!d)
		return NULL;
	vec_init(&d->codes, sizeof(code_entry));
	vec_init(&d->actors, sizeof(actor_entry));
	vec_init(&d->roles, sizeof(role));
	vec_init(&d->actor_hits, sizeof(actor_hit));
	vec_init(&d->patterns, sizeof(pattern));
	vec_init(&d->event_hits, sizeof(event_hit));
	vec_init(&d->intents, sizeof(intent_entry));
	vec_init(&d->obligations, sizeof(obligation));
	vec_init(&d->p2_transforms, sizeof(p2_transform));
	vec_init(&d->p2_past, sizeof(uint8_t));
	vec_init(&d->warnings, sizeof(const char *));
	vec_init(&d->files, sizeof(file_stats));
	if (wordtab_init(&d->words) != DYAD_OK || trie_init(&d->actor_trie) != DYAD_OK ||
	    trie_init(&d->event_trie) != DYAD_OK || trie_init(&d->discard_trie) != DYAD_OK) {
		dyad_dict_free(d);
		return NULL;
	}
	return d;
}

void dyad_dict_free(dyad_dict *d)
{
	if (!d)
		return;
	wordtab_free(&d->words);
	strpool_free(&d->pool);
	vec_free(&d->codes);
	vec_free(&d->actors);
	vec_free(&d->roles);
	vec_free(&d->actor_hits);
	vec_free(&d->patterns);
	vec_free(&d->event_hits);
	vec_free(&d->intents);
	vec_free(&d->obligations);
	vec_free(&d->p2_transforms);
	vec_free(&d->p2_past);
	vec_free(&d->warnings);
	vec_free(&d->files);
	trie_free(&d->actor_trie);
	trie_free(&d->event_trie);
	trie_free(&d->discard_trie);
	free(d->code_index);
	free(d);
}

dyad_status dyad_dict_load_buffers(size_t n, const char *const *names, const char *const *texts,
                                   const size_t *lens, FILE *report, dyad_dict **out,
                                   dyad_error *err)
{
	if (!out || (n && (!names || !texts || !lens)))
		return DYAD_EINVAL;
	*out = NULL;
	loader L;
	memset(&L, 0, sizeof L);
	L.report = report;
	L.err = err;
	vec_init(&L.pending, sizeof(pending));
	vec_init(&L.inflections, sizeof(inflection));
	vec_init(&L.intents, sizeof(pending_intent));
	vec_init(&L.obligations, sizeof(pending_obligation));
	vec_init(&L.sets, sizeof(word_set));
	vec_init(&L.scratch, sizeof(token));
	vec_init(&L.ids, sizeof(uint32_t));
	L.d = dict_new();
	L.items = calloc(MAX_ITEMS, sizeof *L.items);
	if (!L.d || !L.items) {
		dyad_dict_free(L.d);
		free(L.items);
		return DYAD_ENOMEM;
	}
	for (size_t i = 0; i < n && L.status != DYAD_ENOMEM; i++) {
		const char *name = strpool_add(&L.d->pool, names[i], strlen(names[i]));
		if (!name) {
			L.status = DYAD_ENOMEM;
			break;
		}
		dyad_dict_stats before = L.d->stats;
		size_t np[2] = {0, 0};
		L.nfile_patterns = np;
		parse_text(&L, name, texts[i], lens[i]);
		L.nfile_patterns = NULL;
		file_stats *fs = vec_push(&L.d->files, 1);
		if (!fs) {
			L.status = DYAD_ENOMEM;
			break;
		}
		fs->name = name;
		dyad_dict_stats *a = &fs->stats, *b = &L.d->stats;
		a->codes = b->codes - before.codes;
		a->countries = b->countries - before.countries;
		a->persons = b->persons - before.persons;
		a->roles = b->roles - before.roles;
		a->orgs = b->orgs - before.orgs;
		a->agents = b->agents - before.agents;
		a->phrases = b->phrases - before.phrases;
		a->verb_patterns = np[0];
		a->noun_patterns = np[1];
		a->inflections = b->inflections - before.inflections;
		a->discards = b->discards - before.discards;
		a->words = 0;
	}
	if (L.status != DYAD_ENOMEM)
		finish(&L);
	vec_free(&L.pending);
	vec_free(&L.inflections);
	vec_free(&L.intents);
	vec_free(&L.obligations);
	vec_free(&L.sets);
	vec_free(&L.scratch);
	vec_free(&L.ids);
	free(L.items);
	if (L.status != DYAD_OK) {
		dyad_dict_free(L.d);
		return L.status;
	}
	*out = L.d;
	return DYAD_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}


dyad_status dyad_dict_load(const char *dir, FILE *report, dyad_dict **out, dyad_error *err)
{
	if (!dir)
		return dyad_dict_load_buffers(dyad_default_dict_count, dyad_default_dict_names,
		                              dyad_default_dict_texts, dyad_default_dict_lens, report,
		                              out, err);
	DIR *dp = opendir(dir);
	if (!dp) {
		if (err) {
			memset(err, 0, sizeof *err);
			snprintf(err->file, sizeof err->file, "%s", dir);
			snprintf(err->message, sizeof err->message, "cannot open dictionary directory: %s",
			         strerror(errno));
		}
		if (report)
			fprintf(report, "%s: cannot open dictionary directory: %s\n", dir,
			        strerror(errno));
		return DYAD_EIO;
	}
	vec names;
	vec_init(&names, sizeof(char *));
	dyad_status st = DYAD_OK;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		size_t k = strlen(de->d_name);
		if (k < 5 || de->d_name[0] == '.' || strcmp(de->d_name + k - 4, ".txt") != 0)
			continue;
		char **p = vec_push(&names, 1);
		size_t plen = strlen(dir) + k + 2;
		char *path = malloc(plen);
		if (!p || !path) {
			free(path);
			if (p)
				names.len--;
			st = DYAD_ENOMEM;
			break;
		}
		snprintf(path, plen, "%s/%s", dir, de->d_name);
		*p = path;
	}
	closedir(dp);
	if (names.len > 1)
		qsort(names.data, names.len, sizeof(char *), cmp_str);
	char **texts = calloc(names.len + 1, sizeof *texts);
	size_t *lens = calloc(names.len + 1, sizeof *lens);
	if (!texts || !lens)
		st = DYAD_ENOMEM;
	for (size_t i = 0; st == DYAD_OK && i < names.len; i++) {
		const char *path = VEC_AT(names, char *, i);
		st = read_whole_file(path, &texts[i], &lens[i]);
		if (st != DYAD_OK) {
			if (err) {
				memset(err, 0, sizeof *err);
				snprintf(err->file, sizeof err->file, "%s", path);
				snprintf(err->message, sizeof err->message, "cannot read: %s",
				         strerror(errno));
			}
			if (report)
				fprintf(report, "%s: cannot read: %s\n", path, strerror(errno));
		}
	}
	if (st == DYAD_OK && names.len == 0) {
		st = DYAD_ENOTFOUND;
		if (err) {
			memset(err, 0, sizeof *err);
			snprintf(err->file, sizeof err->file, "%s", dir);
			snprintf(err->message, sizeof err->message, "no *.txt dictionary files");
		}
		if (report)
			fprintf(report, "%s: no *.txt dictionary files\n", dir);
	}
	if (st == DYAD_OK)
		st = dyad_dict_load_buffers(names.len, (const char *const *)names.data,
		                            (const char *const *)texts, lens, report, out, err);
	for (size_t i = 0; i < names.len; i++) {
		free(VEC_AT(names, char *, i));
		if (texts)
			free(texts[i]);
	}
	free(texts);
	free(lens);
	vec_free(&names);
	return st;
}

const code_entry *dict_find_code(const dyad_dict *d, const char *code, size_t len)
{
	if (!d->code_slots)
		return NULL;
	size_t mask = d->code_slots - 1;
	for (size_t h = hash_bytes(code, len) & mask;; h = (h + 1) & mask) {
		uint32_t i = d->code_index[h];
		if (!i)
			return NULL;
		const code_entry *c = &VEC_AT(d->codes, code_entry, i - 1);
		if (strlen(c->code) == len && memcmp(c->code, code, len) == 0)
			return c;
	}
}

const dyad_code_info *dyad_dict_code(const dyad_dict *d, const char *code)
{
	if (!d || !code)
		return NULL;
	const code_entry *c = dict_find_code(d, code, strlen(code));
	return c ? &c->info : NULL;
}

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *out)
{
	*out = d->stats;
}

void actor_code_on(const dyad_dict *d, const actor_entry *e, int32_t date, char out[16])
{
	memset(out, 0, 16);
	if (e->kind != ATOM_PERSON || !e->nroles) {
		memcpy(out, e->code, 15);
		return;
	}
	const role *r = &VEC_AT(d->roles, role, e->first_role);
	const role *before = NULL;
	for (uint32_t i = 0; i < e->nroles; i++) {
		if (date >= r[i].from && date <= r[i].to) {
			/* `role --- FROM TO`: not an actor then. */
			if (strcmp(r[i].code, "---"))
				memcpy(out, r[i].code, 15);
			return;
		}
		if (r[i].to < date)
			before = &r[i];
	}
	if (before && (!strcmp(before->code, "---") || !strcmp(before->code, "discard")))
		return;
	if (!before && !e->code[0] && !strcmp(r[0].code, "---"))
		return;
	if (before) {
		/* A former official: the ended role's country, then ELI. */
		memcpy(out, before->code, 3);
		memcpy(out + 3, "ELI", 3);
		return;
	}
	if (e->code[0])
		memcpy(out, e->code, 15);
	else
		memcpy(out, r[0].code, 3);
}

const code_entry *dict_intent_of(const dyad_dict *d, const char *code)
{
	const intent_entry *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < d->intents.len; i++) {
		const intent_entry *e = &VEC_AT(d->intents, intent_entry, i);
		size_t k = strlen(e->prefix);
		if (k > best_len && !strncmp(code, e->prefix, k)) {
			best = e;
			best_len = k;
		}
	}
	return best ? &VEC_AT(d->codes, code_entry, best->code) : NULL;
}

size_t dyad_dict_warning_count(const dyad_dict *d)
{
	return d ? d->warnings.len : 0;
}

const char *dyad_dict_warning(const dyad_dict *d, size_t i)
{
	return d && i < d->warnings.len ? VEC_AT(d->warnings, const char *, i) : NULL;
}

size_t dyad_dict_file_count(const dyad_dict *d)
{
	return d ? d->files.len : 0;
}

const char *dyad_dict_file_stats(const dyad_dict *d, size_t i, dyad_dict_stats *out)
{
	if (!d || i >= d->files.len)
		return NULL;
	const file_stats *f = &VEC_AT(d->files, file_stats, i);
	if (out)
		*out = f->stats;
	return f->name;
}

size_t dyad_dict_root_patterns(const dyad_dict *d, int root)
{
	return d && root >= 1 && root <= 20 ? d->root_patterns[root] : 0;
}
