/* tabari.c - TABARI's shallow coding rules, for dictionaries translated from TABARI
 * (`tabari-coding`): comma-delimited clauses are deleted, the sentence is split into clauses
 * at conjunctions, the first verb of each clause with a pattern codes an event whose source is
 * the first actor before the verb (kept across clauses) and whose target is the first actor
 * after it with another code, else the first such actor before it; passives swap the two,
 * pronouns stand for the actors they refer to (TABARI manual, chapters 5.8, 7 and 8). */
#include "tabari.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* An actor of the sentence as TABARI sees it: a compound group, or a pronoun standing for
 * one (group is then its referent; -1 for the previous sentence's first actor). */
typedef struct item {
	uint32_t start, end;
	int32_t group;
	uint8_t pronoun;
} item;

/* A found verb pattern and the clause it is in. */
typedef struct found {
	match m;
	uint32_t clause;
} found;

/* A subordinate event, coded only if the sentence has no other. */
typedef struct deferred {
	match m;
	int32_t src, tgt;      /* items */
	unsigned mode;
} deferred;

enum {
	MODE_PAIRS,
	MODE_RECIPROCAL,
	MODE_FIRST_TO_REST,
	MODE_TO_MISSING,
	MODE_MISSING_TO,
	MODE_MISSING_BOTH
};

typedef struct run {
	const tabari_env *E;
	sentence_ctx *s;
	uint8_t *del;          /* deleted comma clause, by token - a */
	uint8_t *saved;        /* the sentence's own blocked tokens */
	uint32_t *clause_of;   /* clause index by token - a, UINT32_MAX for a conjunction */
	uint32_t *stem;        /* by token - a: the id of its longest stem, 0 none */
	item *items;
	uint32_t nitems;
	uint32_t nclauses;
	int32_t skip;          /* the group the current pattern's `^` skips, -1 none */
	vec *found;            /* found */
	vec *defer;            /* deferred */
} run;

void tabari_state_init(tabari_state *t)
{
	memset(t, 0, sizeof *t);
	static const int comma[6] = {2, 10, 2, 10, 128, 0};
	memcpy(t->opt.comma, comma, sizeof comma);
	vec_init(&t->bytes, 1);
	vec_init(&t->items, sizeof(item));
	vec_init(&t->found, sizeof(found));
	vec_init(&t->defer, sizeof(deferred));
}

void tabari_state_free(tabari_state *t)
{
	if (!t)
		return;
	vec_free(&t->bytes);
	vec_free(&t->items);
	vec_free(&t->found);
	vec_free(&t->defer);
}

/* ---------------------------------------------------------------- options */

/* The number after name= in s, or keep. */
static int number_after(const char *s, const char *name, int keep)
{
	const char *p = s;
	size_t k = strlen(name);
	while ((p = strstr(p, name)) != NULL) {
		/* "MIN" must not be the end of "EMIN" or "BMIN". */
		if (p > s && isalpha((unsigned char)p[-1])) {
			p += k;
			continue;
		}
		const char *q = p + k;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q != '=') {
			p += k;
			continue;
		}
		char *e;
		long v = strtol(q + 1, &e, 10);
		return e != q + 1 && v >= 0 && v < 100000 ? (int)v : keep;
	}
	return keep;
}

void tabari_option(tabari_opts *o, const char *text)
{
	const char *cm = strstr(text, "COMMA:");
	if (cm) {
		o->comma_off = strstr(cm, "OFF") != NULL;
		static const char *const names[6] = {"MIN", "MAX", "EMIN", "EMAX", "BMIN", "BMAX"};
		for (int i = 0; i < 6; i++)
			o->comma[i] = number_after(cm, names[i], o->comma[i]);
	}
	const char *cb = strstr(text, "CODE ");
	if (cb && !strncmp(cb, "CODE ALL", 8))
		o->code_by = TABARI_ALL;
	else if (cb && !strncmp(cb, "CODE BY SENTENCE", 16))
		o->code_by = TABARI_BY_SENTENCE;
	else if (cb && !strncmp(cb, "CODE BY CLAUSE", 14))
		o->code_by = TABARI_BY_CLAUSE;
	const char *cx = strstr(text, "COMPLEX:");
	if (cx)
		o->noactprior = strstr(cx, "NOACTPRIOR") != NULL;
}

/* ---------------------------------------------------------------- helpers */

static int32_t group_at(const sentence_ctx *s, uint32_t q)
{
	return VEC_AT(s->group_of, int32_t, q - s->a);
}

static const group *grp(const sentence_ctx *s, int32_t g)
{
	return &VEC_AT(s->groups, group, g);
}

/* Whether token q is one of the words of list, in any case (from the text: a word outside
 * the dictionaries has no id). */
static bool word_is(const sentence_ctx *s, uint32_t q, const char *const *list)
{
	const token *t = &s->tok[q];
	size_t n = t->end - t->start;
	const char *w = s->text + t->start;
	for (size_t i = 0; list[i]; i++) {
		size_t k = 0;
		while (k < n && list[i][k] && tolower((unsigned char)w[k]) == list[i][k])
			k++;
		if (k == n && !list[i][k])
			return true;
	}
	return false;
}

static const char *const conjunctions[] = {"and", "but", "or", "nor", NULL};
static const char *const determiners[] = {"the", "a", "an", NULL};
static const char *const auxiliaries[] = {"was", "were", "been", NULL};
static const char *const first_pronouns[] = {"he", "she", "it", "him", NULL};
static const char *const prior_pronouns[] = {"its", "his", "her", NULL};
static const char *const plural_pronouns[] = {"they", "them", "their", NULL};

static bool is_comma(const sentence_ctx *s, uint32_t q)
{
	return s->tok[q].punct == ',' || s->tok[q].punct == ';';
}

static void explain(const run *R, const char *fmt, const char *a, const char *b)
{
	if (R->E->explain)
		buf_printf(R->E->explain, fmt, a ? a : "", b ? b : "");
}

static void explain_span(const run *R, const char *label, uint32_t from, uint32_t to)
{
	const sentence_ctx *s = R->s;
	if (R->E->explain && from < to)
		buf_printf(R->E->explain, "%s\"%.*s\"", label,
		           (int)(s->tok[to - 1].end - s->tok[from].start), s->text + s->tok[from].start);
}

/* The code of an item's first actor. */
static const char *item_code(const run *R, const item *it)
{
	if (it->group < 0)
		return R->E->last[0];
	return VEC_AT(R->s->chunks, chunk, grp(R->s, it->group)->first).code;
}

static uint32_t item_count(const run *R, const item *it)
{
	return it->group < 0 ? (uint32_t)*R->E->nlast : grp(R->s, it->group)->n;
}

/* The i-th actor of an item; a forwarded actor is built in tmp. */
static const chunk *item_chunk(const run *R, const item *it, uint32_t i, chunk *tmp)
{
	if (it->group >= 0)
		return &VEC_AT(R->s->chunks, chunk, grp(R->s, it->group)->first + i);
	memset(tmp, 0, sizeof *tmp);
	memcpy(tmp->code, R->E->last[i], sizeof tmp->code);
	tmp->entry = "pronoun (previous sentence)";
	tmp->start = it->start;
	tmp->end = it->end;
	return tmp;
}

static bool distinct(const run *R, int32_t a, int32_t b)
{
	return a != b && strcmp(item_code(R, &R->items[a]), item_code(R, &R->items[b])) != 0;
}

/* ---------------------------------------------------------------- the sentence */

/* Deletes the comma-delimited clauses whose length in words is within the COMMA: limits:
 * the first (before the first comma), inner ones, and the last (to the sentence's end). */
static void delete_comma_clauses(run *R)
{
	const sentence_ctx *s = R->s;
	const tabari_opts *o = &R->E->t->opt;
	if (o->comma_off)
		return;
	uint32_t end = s->b;
	while (end > s->a && (s->tok[end - 1].flags & TF_TERM) && !(s->tok[end - 1].flags & TF_WORD))
		end--;
	uint32_t from = s->a; /* start of the current segment */
	bool first = true, opened = true; /* the segment's opening comma is still there */
	for (uint32_t q = s->a; q <= end; q++) {
		bool last = q == end;
		if (!last && !(is_comma(s, q) && group_at(s, q) < 0))
			continue;
		if (first && last)
			break; /* no comma at all */
		uint32_t words = 0;
		for (uint32_t r = from; r < q; r++)
			words += (s->tok[r].flags & TF_WORD) != 0;
		int lo = first ? o->comma[COMMA_BMIN] : last ? o->comma[COMMA_EMIN] : o->comma[COMMA_MIN];
		int hi = first ? o->comma[COMMA_BMAX] : last ? o->comma[COMMA_EMAX] : o->comma[COMMA_MAX];
		bool gone = false;
		if (opened && (int)words > lo && (int)words <= hi) {
			/* The clause and the comma that opens it (or, for the first, closes it); an
			 * inner clause also takes the comma that closes it. */
			uint32_t a = first ? from : from - 1, b = q < end ? q + 1 : q;
			memset(R->del + (a - s->a), 1, b - a);
			explain_span(R, "  comma clause deleted: ", a, b);
			explain(R, "\n", NULL, NULL);
			gone = !first; /* an inner clause takes its closing comma with it */
		}
		opened = !gone;
		first = false;
		from = q + 1;
	}
}

/* The actors and pronouns of the sentence, in text order, outside deleted clauses. */
static dyad_status find_items(run *R)
{
	const sentence_ctx *s = R->s;
	const tabari_env *E = R->E;
	uint32_t n = s->b - s->a;
	vec *v = &E->t->items;
	v->len = 0;
	if (!vec_push(v, n + 1))
		return DYAD_ENOMEM;
	v->len = 0;
	item *items = v->data;
	int32_t first = -1, compound = -1;
	uint32_t k = 0;
	for (uint32_t q = s->a; q < s->b; q++) {
		if (R->del[q - s->a])
			continue;
		int32_t g = group_at(s, q);
		if (g >= 0) {
			if (grp(s, g)->start == q) {
				items[k++] = (item){q, grp(s, g)->end, g, 0};
				if (first < 0)
					first = g;
				if (compound < 0 && grp(s, g)->n > 1)
					compound = g;
			}
			continue;
		}
		if (!(s->tok[q].flags & TF_WORD))
			continue;
		bool he = word_is(s, q, first_pronouns), its = word_is(s, q, prior_pronouns);
		bool they = word_is(s, q, plural_pronouns);
		if (!he && !its && !they)
			continue;
		/* HE, SHE, IT: the first actor of the sentence; ITS, HIS, HER: the first actor
		 * before the pronoun (the same, as both come before it here); THEY, THEM, THEIR: the
		 * first compound, else the first actor. Before any actor, with FORWARD, the previous
		 * sentence's first actor (for THEY only a compound one). */
		int32_t ref = they && compound >= 0 ? compound : first;
		if (ref >= 0) {
			items[k++] = (item){q, q + 1, ref, 1};
		} else if (*E->nlast > 0) {
			items[k++] = (item){q, q + 1, -1, 1};
		}
	}
	R->items = items;
	R->nitems = k;
	return DYAD_OK;
}

/* TABARI's stems: a verb or pattern word without `_` matches every word it begins
 * ("RESUM": "resumption"); each token gets its longest prefix that is one. */
static void find_stems(run *R)
{
	const sentence_ctx *s = R->s;
	const dyad_dict *d = s->dict;
	for (uint32_t q = s->a; q < s->b; q++) {
		const token *t = &s->tok[q];
		R->stem[q - s->a] = 0;
		char w[DYAD_MAX_WORD + 1];
		size_t n = (t->flags & TF_WORD) ? normalize_word(s->text + t->start, t->end - t->start, w)
		                                : 0;
		/* The stem "abc" of a pattern or verb is the word "abc~" (dict.c). The word itself
		 * is matched by its own id (a stem's word is one of its forms), so the slot holds the
		 * longest shorter stem: "recently" matches both RECENTLY and RECENT~. */
		for (size_t k = n ? n - 1 : 0; k >= 2; k--) {
			char c = w[k];
			w[k] = '~';
			uint32_t id = wordtab_find(&d->words, w, k + 1, hash_bytes(w, k + 1));
			w[k] = c;
			if (id) {
				R->stem[q - s->a] = id;
				break;
			}
		}
	}
}

/* Whether token q is a word of the dictionary's plain nouns (mark 'n', also with the
 * plural S) or plain adjectives ('a'): TABARI's <NOUN> and <ADJECTIVE> lists. */
static bool plain_word(const sentence_ctx *s, uint32_t q, char mark)
{
	const token *t = &s->tok[q];
	if (q < s->a || q >= s->b || !(t->flags & TF_WORD))
		return false;
	char w[DYAD_MAX_WORD + 3];
	size_t n = normalize_word(s->text + t->start, t->end - t->start, w);
	if (!n || n >= DYAD_MAX_WORD)
		return false;
	for (int plural = 0; plural < 2; plural++) {
		if (plural && (mark != 'n' || n < 3 || w[n - 1] != 's'))
			break;
		size_t k = n - (size_t)plural;
		w[k] = '^';
		w[k + 1] = mark;
		if (wordtab_find(&s->dict->words, w, k + 2, hash_bytes(w, k + 2)))
			return true;
	}
	return false;
}

/* Whether the conjunction at q joins a compound noun phrase (noun CONJ adjective* noun:
 * "sheep and evil goats") or adjective phrase (adjective CONJ adjective), which does not
 * end a clause (manual 7.5.1). */
static bool compound_phrase(const sentence_ctx *s, uint32_t q)
{
	if (q <= s->a)
		return false;
	if (plain_word(s, q - 1, 'a') && plain_word(s, q + 1, 'a'))
		return true;
	if (!plain_word(s, q - 1, 'n'))
		return false;
	uint32_t r = q + 1;
	while (r < s->b && plain_word(s, r, 'a') && !plain_word(s, r, 'n'))
		r++;
	return plain_word(s, r, 'n');
}

/* Clauses: the stretches between conjunctions that are not inside an actor phrase or a
 * compound noun or adjective phrase. */
static void find_clauses(run *R)
{
	const sentence_ctx *s = R->s;
	uint32_t c = 0;
	for (uint32_t q = s->a; q < s->b; q++) {
		if ((s->tok[q].flags & TF_WORD) && group_at(s, q) < 0 && !R->del[q - s->a] &&
		    word_is(s, q, conjunctions) && q > s->a && !compound_phrase(s, q)) {
			R->clause_of[q - s->a] = UINT32_MAX;
			c++;
			continue;
		}
		R->clause_of[q - s->a] = c;
	}
	R->nclauses = c + 1;
}

/* Whether token q is a possessive 's (or ’s) joined to the word before it. */
static bool possessive(const sentence_ctx *s, uint32_t q)
{
	if (q >= s->b || (s->tok[q].flags & (TF_SPACE | TF_NL)))
		return false;
	const token *t = &s->tok[q];
	const char *w = s->text + t->start;
	size_t n = t->end - t->start;
	return (n == 2 && w[0] == '\'' && (w[1] == 's' || w[1] == 'S')) ||
	       (n == 4 && !memcmp(w, "\xe2\x80\x99", 3) && (w[3] == 's' || w[3] == 'S'));
}

/* TABARI's nouns: a verb right after THE, A or AN, or capitalised inside a sentence that is
 * not all in capitals, is a noun; so is one with a possessive 's ("donate's": the regular
 * noun endings are not verb endings, manual 5.2.3). */
static bool noun(const run *R, uint32_t lemma, bool all_caps)
{
	const sentence_ctx *s = R->s;
	if (lemma > s->a && word_is(s, lemma - 1, determiners))
		return true;
	if (possessive(s, lemma + 1))
		return true;
	const token *t = &s->tok[lemma];
	return !all_caps && lemma > s->a && (t->flags & TF_CAP) && !(s->tok[lemma - 1].flags & TF_TERM) &&
	       s->tok[lemma - 1].punct != '"';
}

/* The verb patterns of each clause, left to right, with the sentence's blocked tokens, the
 * deleted clauses and the other clauses unusable. */
static dyad_status find_verbs(run *R, bool all_caps)
{
	sentence_ctx *s = R->s;
	uint8_t *blocked = s->blocked.data;
	R->found->len = 0;
	for (uint32_t c = 0; c < R->nclauses; c++) {
		for (uint32_t q = s->a; q < s->b; q++)
			blocked[q - s->a] = R->saved[q - s->a] ||
			                    (R->clause_of[q - s->a] != c && !R->del[q - s->a]);
		s->hidden = R->del;
		s->stem = R->stem;
		for (uint32_t p = s->a; p < s->b;) {
			match m;
			if (blocked[p - s->a] || R->del[p - s->a] || !coder_match_at(s, p, &m)) {
				p++;
				continue;
			}
			if (noun(R, m.lemma, all_caps)) {
				explain_span(R, "  noun, not a verb: ", m.lemma, m.lemma + 1);
				explain(R, "\n", NULL, NULL);
				p++;
				continue;
			}
			/* TABARI finds the verb first and then its patterns: a pattern whose words
			 * before its verb pass over another verb ("NO * [MEET]": "now to attend
			 * meetings") yields to that verb. */
			for (uint32_t r = p + 1; r < m.lemma; r++) {
				match m2;
				if (!blocked[r - s->a] && !R->del[r - s->a] && coder_match_at(s, r, &m2) &&
				    m2.lemma < m.lemma && !noun(R, m2.lemma, all_caps)) {
					m = m2;
					p = r;
				}
			}
			found *f = vec_push(R->found, 1);
			if (!f)
				return DYAD_ENOMEM;
			f->m = m;
			f->clause = c;
			p = m.end > p ? m.end : p + 1;
		}
	}
	memcpy(blocked, R->saved, s->b - s->a);
	s->hidden = NULL;
	s->stem = NULL;
	return DYAD_OK;
}

/* The verbs of the whole sentence, comma clauses included (for COMPLEX: VERBS[n]). */
static int count_verbs(run *R, bool all_caps)
{
	sentence_ctx *s = R->s;
	int n = 0;
	s->stem = R->stem;
	for (uint32_t p = s->a; p < s->b;) {
		match m;
		if (!coder_match_at(s, p, &m)) {
			p++;
			continue;
		}
		if (!noun(R, m.lemma, all_caps))
			n += VEC_AT(s->dict->patterns, pattern, m.hit->pattern).kind == PAT_VERB;
		p = m.end > p ? m.end : p + 1;
	}
	s->stem = NULL;
	return n;
}

/* The item of a slot's group, or of its pronoun (-2 - token). */
static int32_t item_of_group(const run *R, int32_t g)
{
	for (uint32_t i = 0; i < R->nitems; i++)
		if (g >= 0 ? !R->items[i].pronoun && R->items[i].group == g
		           : R->items[i].pronoun && R->items[i].start == (uint32_t)(-2 - g))
			return (int32_t)i;
	return -1;
}

static bool in_clause(const run *R, const item *it, uint32_t c)
{
	return R->clause_of[it->start - R->s->a] == c;
}

static dyad_status emit_pairs(const run *R, const match *m, const code_entry *ce, int32_t src,
                              int32_t tgt, unsigned mode, unsigned flags)
{
	const tabari_env *E = R->E;
	chunk ta, tb, miss;
	const item *S = src >= 0 ? &R->items[src] : NULL, *T = tgt >= 0 ? &R->items[tgt] : NULL;
	uint32_t ns = S ? item_count(R, S) : 0, nt = T ? item_count(R, T) : 0;
	bool paired = VEC_AT(R->s->dict->patterns, pattern, m->hit->pattern).pair != 0;
	dyad_status st = DYAD_OK;
	memset(&miss, 0, sizeof miss);
	snprintf(miss.code, sizeof miss.code, "%s", E->missing[mode == MODE_TO_MISSING]);
	miss.entry = "missing actor";
	miss.start = m->start;
	miss.end = m->start + 1;
	if (ns > 1 || nt > 1)
		flags |= DYAD_EVENT_COMPOUND;
	switch (mode) {
	case MODE_PAIRS:
		for (uint32_t i = 0; i < ns && !st; i++)
			for (uint32_t j = 0; j < nt && !st; j++)
				st = coder_emit(E->coder, E->first_event, m, ce, item_chunk(R, S, i, &ta),
				                item_chunk(R, T, j, &tb), flags);
		break;
	case MODE_RECIPROCAL:
		/* A paired code gives the reverse events itself. */
		for (uint32_t i = 0; i < ns && !st; i++)
			for (uint32_t j = 0; j < ns && !st; j++)
				if (paired ? i < j : i != j)
					st = coder_emit(E->coder, E->first_event, m, ce, item_chunk(R, S, i, &ta),
					                item_chunk(R, S, j, &tb), flags | DYAD_EVENT_RECIPROCAL);
		break;
	case MODE_FIRST_TO_REST:
		for (uint32_t j = 1; j < ns && !st; j++)
			st = coder_emit(E->coder, E->first_event, m, ce, item_chunk(R, S, 0, &ta),
			                item_chunk(R, S, j, &tb), flags);
		break;
	case MODE_TO_MISSING:
		for (uint32_t i = 0; i < ns && !st; i++)
			st = coder_emit(E->coder, E->first_event, m, ce, item_chunk(R, S, i, &ta), &miss,
			                flags);
		break;
	case MODE_MISSING_BOTH:
		tb = miss;
		snprintf(tb.code, sizeof tb.code, "%s", E->missing[1]);
		st = coder_emit(E->coder, E->first_event, m, ce, &miss, &tb, flags);
		break;
	default: /* MODE_MISSING_TO */
		for (uint32_t j = 0; j < nt && !st; j++)
			st = coder_emit(E->coder, E->first_event, m, ce, &miss, item_chunk(R, T, j, &tb),
			                flags);
		break;
	}
	return st;
}

/* The first item of clause c in tokens [from, to) other than not, with a code distinct from
 * that of unlike (if not -1); -1 if none. */
static int32_t first_item(const run *R, uint32_t c, uint32_t from, uint32_t to, int32_t not,
                          int32_t unlike)
{
	for (uint32_t i = 0; i < R->nitems; i++) {
		const item *it = &R->items[i];
		if (it->start < from || it->start >= to || !in_clause(R, it, c) || (int32_t)i == not)
			continue;
		if (R->skip >= 0 && !it->pronoun && it->group == R->skip)
			continue; /* skipped by the pattern's `^` */
		if (unlike >= 0 && !distinct(R, (int32_t)i, unlike))
			continue;
		return (int32_t)i;
	}
	return -1;
}

/* Whether the verb at lemma is passive: WAS, WERE or BEEN one or two words before it and BY
 * after it or after the match (one word, "opposed earlier by", may come between). */
static bool passive(const run *R, const match *m)
{
	const sentence_ctx *s = R->s;
	bool aux = false;
	for (uint32_t k = 1; k <= 2 && m->lemma >= s->a + k && !aux; k++)
		aux = word_is(s, m->lemma - k, auxiliaries);
	static const char *const by[] = {"by", NULL};
	for (uint32_t k = 1; aux && k <= 2; k++)
		if ((m->lemma + k < s->b && word_is(s, m->lemma + k, by)) ||
		    (m->end + k - 1 < s->b && word_is(s, m->end + k - 1, by)))
			return true;
	return false;
}

/* Codes one verb pattern; *coded is set when it gave (or deferred) an event. */
static dyad_status code_verb(run *R, const found *f, int32_t *source, int32_t clause_src,
                             bool *coded)
{
	const tabari_env *E = R->E;
	const sentence_ctx *s = R->s;
	const dyad_dict *d = s->dict;
	const match *m = &f->m;
	const pattern *p = &VEC_AT(d->patterns, pattern, m->hit->pattern);
	uint32_t c = f->clause;
	*coded = false;
	R->skip = m->skip;
	if (E->explain) {
		explain_span(R, "  event ", m->start, m->end);
		buf_printf(E->explain, " pattern \"%s\" (%s)", p->text, p->where);
	}
	if (p->null) {
		explain(R, ": null pattern, not coded\n", NULL, NULL);
		return DYAD_OK;
	}
	const code_entry *ce = &VEC_AT(d->codes, code_entry, p->code);
	explain(R, " %s%s", ce->code, p->subordinate ? " (subordinate)" : "");
	uint32_t ca = s->a;
	while (ca < m->start && R->clause_of[ca - s->a] != c)
		ca++;
	int32_t tgt = m->target != -1 ? item_of_group(R, m->target) : -1;
	int32_t src = m->source != -1 ? item_of_group(R, m->source) : -1;
	if (p->both && tgt >= 0) {
		/* `%`: a compound that is source and target, the first compound on the slot's side
		 * of the verb; without one, the default rules. */
		bool before = R->items[tgt].start < m->lemma;
		for (uint32_t k = 0; k < R->nitems && item_count(R, &R->items[tgt]) < 2; k++)
			if (item_count(R, &R->items[k]) > 1 && in_clause(R, &R->items[k], c) &&
			    (R->items[k].start < m->lemma) == before)
				tgt = (int32_t)k;
		if (item_count(R, &R->items[tgt]) > 1) {
			explain(R, ": compound source and target\n", NULL, NULL);
			*source = tgt;
			*coded = true;
			return emit_pairs(R, m, ce, tgt, -1, MODE_RECIPROCAL, 0);
		}
		tgt = -1;
	}
	bool slots = src >= 0 || tgt >= 0;
	if (src < 0) {
		if (clause_src >= 0 && R->items[clause_src].start < m->lemma)
			src = clause_src;
		else if (*source >= 0 && c > 0)
			src = *source;
		else
			src = first_item(R, c, ca, m->lemma, tgt, tgt);
		/* A target from the pattern: the source is the first other actor, wherever. */
		if (src < 0 && tgt >= 0)
			src = first_item(R, c, ca, s->b, tgt, tgt);
	}
	unsigned mode = MODE_PAIRS;
	unsigned flags = 0;
	if (src < 0 && E->missing[0][0] && E->missing_loose[0]) {
		/* DEFAULT: SOURCE without PRIOR: the first actor after the verb is the source, the
		 * other actors of its compound (else the stand-in target) the targets. */
		int32_t a = tgt >= 0 ? tgt : first_item(R, c, m->end, s->b, -1, -1);
		if (a >= 0) {
			explain(R, ": no source, the first actor after the verb", NULL, NULL);
			src = a;
			tgt = -1;
			mode = item_count(R, &R->items[a]) > 1 ? MODE_FIRST_TO_REST : MODE_TO_MISSING;
			if (mode == MODE_TO_MISSING && !E->missing[1][0])
				src = -1;
		}
	} else if (src < 0 && E->missing[0][0]) {
		mode = MODE_MISSING_TO;
	}
	if (src < 0 && mode != MODE_MISSING_TO) {
		explain(R, ": no source\n", NULL, NULL);
		return DYAD_OK;
	}
	if (mode == MODE_PAIRS || mode == MODE_MISSING_TO) {
		if (tgt < 0) {
			uint32_t after = m->lemma + 1 > m->start ? m->lemma + 1 : m->end;
			tgt = first_item(R, c, after, s->b, src, src);
		}
		bool after_only = E->missing[1][0] && !E->missing_loose[1];
		if (tgt < 0 && !after_only && src >= 0)
			tgt = first_item(R, c, ca, m->lemma, src, src);
		if (mode == MODE_MISSING_TO && tgt < 0 && !E->missing[1][0]) {
			explain(R, ": no source or target\n", NULL, NULL);
			return DYAD_OK;
		}
		if (mode == MODE_MISSING_TO && tgt < 0)
			mode = MODE_MISSING_BOTH;
		if (!slots && src >= 0 && tgt >= 0 && mode == MODE_PAIRS && passive(R, m)) {
			/* The subject of later verbs stays the sentence's own. */
			*source = src;
			int32_t x = src;
			src = tgt;
			tgt = x;
			flags |= DYAD_EVENT_PASSIVE;
			explain(R, " [passive]", NULL, NULL);
		}
		if (tgt < 0 && mode == MODE_PAIRS) {
			uint32_t ns = item_count(R, &R->items[src]);
			if (ns > 1 && E->missing[1][0] && E->missing_loose[1])
				mode = MODE_FIRST_TO_REST;
			else if (ns > 1 && !E->missing[1][0])
				mode = MODE_RECIPROCAL;
			else if (E->missing[1][0])
				mode = MODE_TO_MISSING;
			else {
				explain(R, ": no target\n", NULL, NULL);
				*source = src;
				return DYAD_OK;
			}
		}
	}
	if (mode != MODE_MISSING_TO && mode != MODE_MISSING_BOTH && !(flags & DYAD_EVENT_PASSIVE))
		*source = src;
	explain(R, "\n", NULL, NULL);
	*coded = true;
	if (p->subordinate) {
		deferred *x = vec_push(R->defer, 1);
		if (!x)
			return DYAD_ENOMEM;
		*x = (deferred){*m, src, tgt, mode};
		return DYAD_OK;
	}
	return emit_pairs(R, m, ce, src, tgt, mode, flags);
}

/* Whether every letter of the sentence is upper case (TABARI's capitalisation rule for nouns
 * is then off). */
static bool all_caps(const sentence_ctx *s)
{
	for (uint32_t q = s->a; q < s->b; q++)
		if ((s->tok[q].flags & TF_WORD) && !(s->tok[q].flags & TF_ALLCAPS) &&
		    isalpha((unsigned char)s->text[s->tok[q].start]))
			return false;
	return true;
}

dyad_status tabari_code_sentence(const tabari_env *E)
{
	sentence_ctx *s = E->s;
	uint32_t n = s->b - s->a;
	run R;
	memset(&R, 0, sizeof R);
	R.E = E;
	R.skip = -1;
	R.s = s;
	vec *bytes = &E->t->bytes;
	size_t need = (size_t)n * (2 + 2 * sizeof(uint32_t)) + sizeof(uint32_t);
	bytes->len = 0;
	if (!vec_push(bytes, need))
		return DYAD_ENOMEM;
	uint8_t *mem = bytes->data;
	memset(mem, 0, need);
	R.del = mem;
	R.saved = mem + n;
	R.clause_of = (uint32_t *)(void *)(mem + ((2 * (size_t)n + 3) & ~(size_t)3));
	R.stem = R.clause_of + n;
	memcpy(R.saved, s->blocked.data, n);
	R.found = &E->t->found;
	R.defer = &E->t->defer;
	R.found->len = 0;
	R.defer->len = 0;
	bool caps = all_caps(s);
	delete_comma_clauses(&R);
	dyad_status st = find_items(&R);
	if (!st) {
		find_stems(&R);
		find_clauses(&R);
		st = find_verbs(&R, caps);
	}
	const found *fv = R.found->data;
	size_t nf = R.found->len;
	/* The first actor before the first verb stands for pronouns in the next sentence. */
	uint32_t first_verb = nf ? fv[0].m.lemma : s->b;
	for (size_t i = 1; i < nf; i++)
		if (fv[i].m.lemma < first_verb)
			first_verb = fv[i].m.lemma;
	bool actor_prior = R.nitems && R.items[0].start < first_verb;
	/* COMPLEX: too many verbs (deleted comma clauses count) or conjunctions, or no actor
	 * before the first verb. */
	int nverbs = E->complex_verbs ? count_verbs(&R, caps) : 0, nconj = 0;
	for (uint32_t q = s->a; q < s->b; q++)
		nconj += R.clause_of[q - s->a] == UINT32_MAX;
	bool complex = (E->complex_verbs && nverbs >= E->complex_verbs) ||
	               (E->complex_conj && nconj >= E->complex_conj) ||
	               (E->t->opt.noactprior && nf && !actor_prior && !E->missing[0][0]);
	if (complex && E->explain)
		buf_printf(E->explain, "  too complex (%d verbs, %d conjunctions%s): not coded\n",
		           nverbs, nconj, actor_prior ? "" : ", no actor before the first verb");
	/* A dominant pattern with an actor after it in its clause: only the dominant ones
	 * code. */
	bool dominant = false;
	for (size_t k = 0; k < nf; k++)
		if (VEC_AT(s->dict->patterns, pattern, fv[k].m.hit->pattern).dominant)
			dominant |= first_item(&R, fv[k].clause, fv[k].m.end, s->b, -1, -1) >= 0;
	int32_t source = -1;
	bool stop = complex;
	size_t i = 0;
	for (uint32_t c = 0; !st && c < R.nclauses && !stop; c++) {
		/* An actor right after the conjunction (after determiners) is the clause's own
		 * source; otherwise the source of the clause before carries over. */
		int32_t clause_src = -1;
		if (c > 0) {
			uint32_t q = s->a;
			while (q < s->b && R.clause_of[q - s->a] != c)
				q++;
			while (q < s->b && word_is(s, q, determiners))
				q++;
			for (uint32_t k = 0; k < R.nitems && clause_src < 0; k++)
				if (R.items[k].start == q)
					clause_src = (int32_t)k;
			/* After clauses without a verb ("Ithilen's sheep and pigs of Gondor warned")
			 * the clause's own first actor is the source. */
			for (uint32_t k = 0; k < R.nitems && clause_src < 0 && i == 0; k++)
				if (in_clause(&R, &R.items[k], c))
					clause_src = (int32_t)k;
		}
		bool clause_done = false, any = false;
		for (; i < nf && fv[i].clause == c && !st; i++) {
			if (clause_done ||
			    (dominant && !VEC_AT(s->dict->patterns, pattern, fv[i].m.hit->pattern).dominant))
				continue;
			bool coded;
			st = code_verb(&R, &fv[i], &source, clause_src, &coded);
			R.skip = -1;
			const pattern *p = &VEC_AT(s->dict->patterns, pattern, fv[i].m.hit->pattern);
			if (coded)
				any = true;
			if (coded && !p->subordinate && E->t->opt.code_by != TABARI_ALL) {
				clause_done = true;
				stop = E->t->opt.code_by == TABARI_BY_SENTENCE;
			}
		}
		while (i < nf && fv[i].clause == c)
			i++;
		/* No event in the first clause: its first actor is the source of the next. */
		if (!any && source < 0) {
			int32_t k = first_item(&R, c, s->a, s->b, -1, -1);
			if (k >= 0)
				source = k;
		}
	}
	/* Subordinate events stand only if the sentence has no other. */
	if (!st && !complex && dyad_coder_event_count(E->coder) == E->first_event) {
		const deferred *x = R.defer->data;
		for (size_t k = 0; k < R.defer->len && !st; k++) {
			const pattern *p = &VEC_AT(s->dict->patterns, pattern, x[k].m.hit->pattern);
			st = emit_pairs(&R, &x[k].m, &VEC_AT(s->dict->codes, code_entry, p->code),
			                x[k].src, x[k].tgt, x[k].mode, 0);
		}
	} else if (R.defer->len && E->explain) {
		buf_printf(E->explain, "  %zu subordinate event(s) dropped\n", R.defer->len);
	}
	if (!st) {
		/* FORWARD: the actor code (without agents) of the first actor that is not a
		 * pronoun; TABARI forwards neither the rest of a compound nor a forwarded actor. */
		for (uint32_t k = 0; k < R.nitems; k++)
			if (!R.items[k].pronoun) {
				const chunk *first = &VEC_AT(s->chunks, chunk, grp(s, R.items[k].group)->first);
				memset(E->last[0], 0, 16);
				memcpy(E->last[0], first->code, 3);
				*E->nlast = 1;
				break;
			}
	}
	return st;
}
