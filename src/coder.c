/* coder.c - event coding: for each sentence, event patterns are matched (longest match in the
 * event trie, with `*` gaps and `+`/`$` actor slots), then each match takes its source and
 * target from the clause: the subject before it, the first actor after it, swapped in the
 * passive; negated, complement and actor-less matches are explained and dropped. */
#include "analysis.h"
#include "tabari.h"
#include "petrarch1.h"

#include "petrarch2.h"

#include <stdlib.h>
#include <string.h>

#define MAX_GAP 3
#define MAX_LONG_GAP 8

struct dyad_coder {
	const dyad_dict *dict;
	dyad_coder_options opt;
	const dyad_doc *doc;
	vec tokens;            /* token, for the field being coded */
	vec sentences;         /* uint32_t[2] token ranges */
	vec out_sentences;     /* dyad_sentence */
	vec events;            /* dyad_event */
	vec actors;            /* dyad_actor */
	buf explain;
	sentence_ctx ctx;
	int sentence;          /* index of the sentence being coded in the document */
	int field;
	/* The last subject group of the document, for pronouns: codes kept by value. */
	char last_subject[4][16];
	char last_pair[2][16];  /* the document's last subject of two actors or more (the first
	                          two), for "the two countries"; "" none */
	int nlast_subject;
	bool last_subject_person;
	bool discard_document; /* a `discard-document` phrase was seen */
	char missing[2][16];   /* dyad_coder_set_missing_actors: source, target ("" none) */
	bool missing_loose[2]; /* dyad_coder_set_missing_placement: no PRIOR, no AFTER */
	bool code_all;         /* dyad_coder_set_code_all (TABARI's SET: CODE ALL) */
	int complex_verbs;     /* dyad_coder_set_complexity (TABARI's COMPLEX:), 0 none */
	int complex_conj;
	int32_t prev_source;   /* source group of the sentence's last coded match, -1 none */
	/* `petrarch2-coding` (petrarch2.c): the upper verb whose events a nested verb replaces. */
	const code_entry *match_code; /* code of the match being coded, NULL if none */
	const code_entry *prev_code;  /* ... of the previous match */
	size_t prev_events;    /* events.len before the previous match was coded */
	bool rep;              /* a reporting verb ("said", "claimed") was matched */
	const code_entry *rep_code;
	int32_t rep_src;       /* its source group */
	uint32_t rep_end;      /* token after it */
	size_t rep_from, rep_to; /* its events */
	int continue_doc;      /* dyad_coder_continue: 0 no, 1 yes, 2 actors only */
	bool agent_alone_set;  /* dyad_coder_set_agent_alone replaces the dictionary's */
	char agent_alone[4];
	tabari_state tabari;   /* `tabari-coding`: TABARI's options and scratch (tabari.c) */
	p1_state p1;           /* comma clauses and PETRARCH-1's scratch (petrarch1.c) */
};

dyad_status dyad_coder_new(const dyad_dict *dict, const dyad_coder_options *options,
                           dyad_coder **out)
{
	if (!dict || !out)
		return DYAD_EINVAL;
	dyad_coder *c = calloc(1, sizeof *c);
	if (!c)
		return DYAD_ENOMEM;
	c->dict = dict;
	if (options)
		c->opt = *options;
	vec_init(&c->tokens, sizeof(token));
	vec_init(&c->sentences, sizeof(uint32_t));
	vec_init(&c->out_sentences, sizeof(dyad_sentence));
	vec_init(&c->events, sizeof(dyad_event));
	vec_init(&c->actors, sizeof(dyad_actor));
	sentence_ctx_init(&c->ctx);
	tabari_state_init(&c->tabari);
	p1_state_init(&c->p1);
	c->ctx.dict = dict;
	*out = c;
	return DYAD_OK;
}

void dyad_coder_free(dyad_coder *c)
{
	if (!c)
		return;
	vec_free(&c->tokens);
	vec_free(&c->sentences);
	vec_free(&c->out_sentences);
	vec_free(&c->events);
	vec_free(&c->actors);
	buf_free(&c->explain);
	sentence_ctx_free(&c->ctx);
	tabari_state_free(&c->tabari);
	p1_state_free(&c->p1);
	free(c);
}

size_t dyad_coder_event_count(const dyad_coder *c) { return c->events.len; }
const dyad_event *dyad_coder_event(const dyad_coder *c, size_t i)
{
	return i < c->events.len ? &VEC_AT(c->events, dyad_event, i) : NULL;
}
size_t dyad_coder_sentence_count(const dyad_coder *c) { return c->out_sentences.len; }
const dyad_sentence *dyad_coder_sentence(const dyad_coder *c, size_t i)
{
	return i < c->out_sentences.len ? &VEC_AT(c->out_sentences, dyad_sentence, i) : NULL;
}
size_t dyad_coder_actor_count(const dyad_coder *c) { return c->actors.len; }
const dyad_actor *dyad_coder_actor(const dyad_coder *c, size_t i)
{
	return i < c->actors.len ? &VEC_AT(c->actors, dyad_actor, i) : NULL;
}
const char *dyad_coder_explain(const dyad_coder *c)
{
	return c->explain.data ? c->explain.data : "";
}

/* ---------------------------------------------------------------- helpers */

static uint32_t flags_at(const sentence_ctx *s, uint32_t q)
{
	return word_flags(s->dict, s->tok[q].id);
}

static int32_t group_at(const sentence_ctx *s, uint32_t q)
{
	return VEC_AT(s->group_of, int32_t, q - s->a);
}

static const group *grp(const sentence_ctx *s, int32_t g)
{
	return &VEC_AT(s->groups, group, g);
}

static const chunk *chk(const sentence_ctx *s, uint32_t i)
{
	return &VEC_AT(s->chunks, chunk, i);
}

/* A token that ends a clause for the purpose of finding a verb's arguments. */
static bool boundary(const sentence_ctx *s, uint32_t q, bool comma)
{
	const token *t = &s->tok[q];
	if (t->flags & TF_PUNCT) {
		if (t->punct == ';' || t->punct == ':' || t->punct == '(' || t->punct == ')' ||
		    t->punct == '"' || ((t->flags & TF_TERM)))
			return true;
		if (t->punct == ',' && comma && group_at(s, q) < 0)
			return true;
		return t->punct == '-' && (t->flags & TF_SPACE);
	}
	return (flags_at(s, q) & (WF_SUBORD | WF_REL | WF_THAT | WF_REPORT)) != 0;
}

static void explain_text(dyad_coder *c, const char *label, uint32_t from, uint32_t to)
{
	if (!c->opt.explain || from >= to)
		return;
	const token *t = c->ctx.tok;
	buf_printf(&c->explain, "%s\"%.*s\"", label, (int)(t[to - 1].end - t[from].start),
	           c->ctx.text + t[from].start);
}

/* ---------------------------------------------------------------- pattern matching */

typedef struct search {
	const sentence_ctx *s;
	const trie *t;
	match best;
	bool found;
	bool tabari;           /* `tabari-coding`: a `*` gap takes up to MAX_LONG_GAP words of its
	                          clause, actors too (TABARI's blank between pattern words) */
	uint32_t at[48];       /* token where each item of the current path begins */
	uint8_t slot[48];      /* tabari: the item at this depth is a `+`/`$` slot */
	int32_t skip[48];      /* tabari: the group a `^` at this depth skips, -1 none */
} search;

static bool usable(const sentence_ctx *s, uint32_t q)
{
	return !((const uint8_t *)s->blocked.data)[q - s->a];
}

/* A token TABARI's coding has deleted (a comma clause): gaps pass over it uncounted. */
static bool hidden(const sentence_ctx *s, uint32_t q)
{
	return s->hidden && s->hidden[q - s->a];
}

/* A group of agents without an actor (`agent-alone`, "---MIL"): its words may also be words
 * of an event pattern ("conducting military exercises"). */
static bool soft_group(const sentence_ctx *s, uint32_t q)
{
	int32_t g = group_at(s, q);
	if (g < 0 || !s->dict->agent_alone[0])
		return false;
	const group *G = grp(s, g);
	for (uint32_t i = 0; i < G->n; i++)
		if (strncmp(chk(s, G->first + i)->code, s->dict->agent_alone, 3))
			return false;
	return true;
}

/* PETRARCH-2 (`petrarch2-coding`): a word that may start an event right after "to" is the
 * verb of an infinitive ("agreed to lift"), another verb's phrase, which the patterns of the
 * verb before it do not reach into. */
static bool infinitive_verb(const sentence_ctx *s, uint32_t q)
{
	return s->dict->petrarch2 && q > s->a && (flags_at(s, q - 1) & WF_TO) &&
	       (flags_at(s, q) & WF_EVENT_START) && group_at(s, q) < 0;
}

/* `petrarch2-coding`: whether the gap word at w begins another clause, which PETRARCH-2's
 * patterns do not reach into: "that" ("the conflict that X ignited with Y"), or the past
 * form of a verb of the dictionary after a noun ("said such a step enjoyed support"; not
 * after the verb or a determiner: "offered a revised plan"). */
static bool p2_clause_start(const sentence_ctx *s, uint32_t w, uint32_t start, bool that)
{
	if (!s->dict->petrarch2 || group_at(s, w) >= 0)
		return false;
	if (that && (flags_at(s, w) & WF_THAT))
		return true;
	if (w <= start + 1 || !(flags_at(s, w) & WF_EVENT_START))
		return false;
	const token *b = &s->tok[w - 1];
	if (!(b->flags & TF_WORD) || (flags_at(s, w - 1) & (WF_DET | WF_PRONPOSS | WF_PREP)) ||
	    group_at(s, w - 1) >= 0)
		return false;
	const vec *past = &s->dict->p2_past;
	uint32_t id = s->tok[w].id;
	return id < past->len && VEC_AT(*past, uint8_t, id);
}

/* Depth-first walk of the event trie from node at token q; depth counts pattern items. */
static void walk(search *S, uint32_t node, uint32_t q, uint32_t start, int depth,
                 int32_t target, int32_t source)
{
	const sentence_ctx *s = S->s;
	const trie *t = S->t;
	uint32_t h = VEC_AT(t->hit, uint32_t, node);
	if (h && q > start) {
		const event_hit *hit = &VEC_AT(s->dict->event_hits, event_hit, h - 1);
		if (!S->found || q > S->best.end) {
			S->found = true;
			S->best.start = start;
			S->best.end = q;
			S->best.hit = hit;
			S->best.lemma = hit->lemma_at < depth ? S->at[hit->lemma_at] : start;
			S->best.target = target;
			S->best.source = source;
			S->best.skip = -1;
			for (int i = 0; S->tabari && i < depth && S->best.skip < 0; i++)
				S->best.skip = S->skip[i];
		}
	}
	if (q >= s->b || depth >= 47)
		return;
	S->at[depth] = q;
	uint8_t special = VEC_AT(t->has_gap, uint8_t, node);
	if ((s->tok[q].id || (s->stem && s->stem[q - s->a])) && usable(s, q) && !hidden(s, q) &&
	    (group_at(s, q) < 0 || soft_group(s, q)) &&
	    (q == start || !infinitive_verb(s, q))) {
		uint32_t next = trie_child(t, node, s->tok[q].id);
		if (next)
			walk(S, next, q + 1, start, depth + 1, target, source);
		/* `tabari-coding`: a stem matches the words it begins ("resum": "resumption"). */
		uint32_t stem = s->stem ? s->stem[q - s->a] : 0;
		next = stem ? trie_child(t, node, stem) : 0;
		if (next)
			walk(S, next, q + 1, start, depth + 1, target, source);
	}
	if (special & 2) {
		S->slot[depth] = 1;
		/* A slot takes one actor, after at most two determiners ("the", "its"). */
		uint32_t r = q;
		while (r < s->b && r - q < 2 && (flags_at(s, r) & (WF_DET | WF_PRONPOSS)))
			r++;
		/* PETRARCH-1 matches a slot to the next noun phrase, across a few words ("noticed
		 * that X", "Harvest Day with X"). */
		if (s->dict->petrarch1)
			r = p1_slot_start(s, q);
		int32_t g = r < s->b ? group_at(s, r) : -1;
		if (g >= 0 && grp(s, g)->start == r) {
			uint32_t nt = trie_child(t, node, WORD_TARGET);
			uint32_t ns = trie_child(t, node, WORD_SOURCE);
			/* ... and takes the rest of its noun phrase and the auxiliaries after it
			 * ("X's ferry crew was freed"). */
			uint32_t e = grp(s, g)->end;
			uint32_t last = s->dict->petrarch1 ? p1_slot_end(s, e) : e;
			for (uint32_t k = e; k <= last; k++) {
				if (nt)
					walk(S, nt, k, start, depth + 1, g, source);
				if (ns)
					walk(S, ns, k, start, depth + 1, target, g);
			}
		} else if (S->tabari && g < 0 && r < s->b && (flags_at(s, r) & WF_PRON)) {
			/* TABARI's pronouns are actors: the slot holds -2 - the pronoun's token. */
			uint32_t nt = trie_child(t, node, WORD_TARGET);
			uint32_t ns = trie_child(t, node, WORD_SOURCE);
			if (nt)
				walk(S, nt, r + 1, start, depth + 1, -2 - (int32_t)r, source);
			if (ns)
				walk(S, ns, r + 1, start, depth + 1, target, -2 - (int32_t)r);
		}
		S->slot[depth] = 0;
	}
	if (special & 1) {
		uint32_t next = trie_child(t, node, WORD_GAP);
		/* Up to MAX_GAP words; a hyphenated compound ("two-week") counts as one. */
		uint32_t words = 0, max = S->tabari ? MAX_LONG_GAP : MAX_GAP;
		for (uint32_t k = 0; next && words <= max && q + k <= s->b; k++) {
			if (k > 0 && hidden(s, q + k - 1)) {
				walk(S, next, q + k, start, depth + 1, target, source);
				continue;
			}
			if (k > 0) {
				uint32_t w = q + k - 1;
				/* PETRARCH-1 matches the words before a verb over its whole phrase, actors
				 * included ("+ INVITING * ...": "X is inviting Y to celebrate"). */
				/* TABARI: the words right after a slot are no actor ("$ HOSTING": the
				 * actor nearest HOSTING). */
				if (!usable(s, w) ||
				    (S->tabari && depth > 0 && S->slot[depth - 1] && group_at(s, w) >= 0) ||
				    (!S->tabari &&
				     ((group_at(s, w) >= 0 && !soft_group(s, w) && !s->dict->petrarch1) ||
				      boundary(s, w, true))))
					break;
				bool joined = s->tok[w].punct == '-' && !(s->tok[w].flags & TF_SPACE);
				bool joined_next = w + 1 < s->b && s->tok[w + 1].punct == '-' &&
				                   !(s->tok[w + 1].flags & TF_SPACE);
				if (!joined && !joined_next)
					words++;
				if (words > max)
					break;
			}
			walk(S, next, q + k, start, depth + 1, target, source);
		}
	}
	if (special & 8) {
		/* `^`: words up to the next actor, the actor (not coded), and words up to the actor
		 * after it (TABARI's "IFTAR AT ^ ^ +": "at Osgiliath with the leaders of Gondor in
		 * Eriador" targets Eriador). */
		uint32_t next = trie_child(t, node, WORD_SKIP);
		uint32_t r = q;
		while (next && r < s->b && r - q <= MAX_LONG_GAP && group_at(s, r) < 0 &&
		       usable(s, r) && !boundary(s, r, false))
			r++;
		int32_t g = next && r < s->b ? group_at(s, r) : -1;
		if (g >= 0 && grp(s, g)->start == r) {
			uint32_t e = grp(s, g)->end;
			S->skip[depth] = g;
			for (uint32_t k = e; k <= s->b && k - e <= MAX_LONG_GAP; k++) {
				if (k > e && (group_at(s, k - 1) >= 0 || !usable(s, k - 1) ||
				              boundary(s, k - 1, false)))
					break;
				walk(S, next, k, start, depth + 1, target, source);
			}
			S->skip[depth] = -1;
		}
		/* PETRARCH-1 skips any noun phrase, one without an actor too ("warned their
		 * citizens about X": `WARN their ^ +`): the words before the next actor. */
		for (uint32_t k = q + 1; next && s->dict->petrarch1 && k <= r && k <= s->b; k++)
			walk(S, next, k, start, depth + 1, target, source);
	}
	if (special & 4) {
		/* `...`: words in between may be actors; the first actor skipped after the verb is
		 * the target unless a `+` gives one ("accused Iran of spying"). */
		uint32_t next = trie_child(t, node, WORD_LONGGAP);
		int32_t tgt = target;
		bool prep = false;
		for (uint32_t k = 0; next && k <= MAX_LONG_GAP && q + k <= s->b; k++) {
			if (k > 0) {
				uint32_t w = q + k - 1;
				const token *tw = &s->tok[w];
				if (!usable(s, w) || tw->punct == ';' || tw->punct == ':' ||
				    tw->punct == '"' || ((tw->flags & TF_TERM) && !(tw->flags & TF_WORD)) ||
				    infinitive_verb(s, w) || p2_clause_start(s, w, start, true) ||
				    (s->dict->petrarch2 && group_at(s, w) < 0 &&
				     (flags_at(s, w) & (WF_SUBORD | WF_REL | WF_REPORT))))
					break;
				int32_t g = group_at(s, w);
				if (g >= 0 && tgt < 0 && g != source)
					tgt = g;
				prep |= s->dict->petrarch2 && g < 0 && (flags_at(s, w) & WF_PREP);
			}
			/* PETRARCH-2's pattern nouns head the verb's object or follow a preposition of
			 * the pattern: words up to a noun of the pattern hold no other preposition
			 * ("expressed appreciation for X's assistance" is not "- * ASSISTANCE"). */
			if (prep && (q + k >= s->b || !(flags_at(s, q + k) & WF_PREP)))
				continue;
			walk(S, next, q + k, start, depth + 1, tgt, source);
		}
	}
}

/* ---------------------------------------------------------------- arguments */

/* "The International Labour Office (ILO) said": an actor alone in parentheses right after
 * a name the dictionaries do not know is that name's acronym, and stands for it. q is the
 * closing parenthesis; returns the actor's group or -1. */
static int32_t acronym_apposition(const sentence_ctx *s, uint32_t q)
{
	if (s->tok[q].punct != ')' || q < s->a + 3)
		return -1;
	int32_t g = group_at(s, q - 1);
	if (g < 0 || grp(s, g)->end != q)
		return -1;
	uint32_t open = grp(s, g)->start - 1;
	if (open <= s->a || s->tok[open].punct != '(')
		return -1;
	const token *name = &s->tok[open - 1];
	if (!(name->flags & TF_WORD) || !(name->flags & TF_CAP) || group_at(s, open - 1) >= 0)
		return -1;
	return g;
}

/* "A member of the Syrian parliament, Mohammed Mamoun, started": a name the dictionaries do
 * not know, set off by commas right after an actor, is the subject in person; the actor
 * stands for it. q is the closing comma; returns the opening comma, or q. */
static uint32_t name_apposition(const sentence_ctx *s, uint32_t q)
{
	uint32_t r = q, words = 0;
	while (r > s->a && words <= 4) {
		const token *t = &s->tok[r - 1];
		if (!(t->flags & TF_WORD) || !(t->flags & TF_CAP) || group_at(s, r - 1) >= 0)
			break;
		r--;
		words++;
	}
	if (!words || words > 4 || r < s->a + 2 || s->tok[r - 1].punct != ',' ||
	    group_at(s, r - 2) < 0)
		return q;
	return r - 1;
}

/* One code is part of the other ("France" and "the French government": FRA, FRAGOV). With
 * `no-nested-events` (TABARI's and PETRARCH's convention) that is no event; by default only
 * identical codes are, so "Israelis protested against the government" is ISR -> ISRGOV. */
static bool nested(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (!strncmp(a, "---", 3) || !strncmp(b, "---", 3))
		return !strcmp(a, b) && strcmp(a, "---"); /* unknown actors are not one actor */
	return !strncmp(a, b, la < lb ? la : lb);
}

/* "the two countries", "both sides": a plural noun after "two" or "both" that stands for the
 * two actors named before, as a pronoun does. */
static bool pair_pronoun(const sentence_ctx *s, uint32_t q)
{
	if (!(flags_at(s, q) & WF_GROUPNOUN) || q <= s->a || group_at(s, q) >= 0)
		return false;
	if (flags_at(s, q - 1) & WF_BOTH)
		return true;
	const char *w = VEC_AT(s->dict->words.words, const char *, s->tok[q - 1].id);
	return !strcmp(w, "two");
}

/* "they" or "the two countries". */
static bool plural_pronoun(const sentence_ctx *s, uint32_t q)
{
	return pair_pronoun(s, q) ||
	       !strcmp(VEC_AT(s->dict->words.words, const char *, s->tok[q].id), "they");
}

/* The subject of the clause ending before token q: the nearest group to the left that is not
 * the object of a preposition (or, failing that, the nearest such object - not behind a
 * comma unless across_commas, as for the target of a passive: "ties between A and B,
 * achieved through talks mediated by C"). */
static int32_t subject_before(const sentence_ctx *s, uint32_t q, uint32_t *pronoun,
                              bool across_commas)
{
	int32_t fallback = -1;
	bool comma = false; /* a prepositional object behind a comma is another phrase's */
	*pronoun = UINT32_MAX;
	bool inside = q > s->a && ((const uint8_t *)s->paren.data)[q - 1 - s->a];
	/* "The European Union (EU) criticized": a parenthesis closed right before the verb is
	 * skipped, not a clause the verb is in. */
	if (inside && s->tok[q - 1].punct == ')')
		inside = false;
	/* `petrarch2-coding`: "X, a group that tracks the war, said": the comma closing an
	 * apposition right before a finite verb leaves the verb outside it (an -ing form
	 * there starts a clause of its own: ", the army said, expanding ..."). */
	if (inside && s->dict->petrarch2 && s->tok[q - 1].punct == ',' && q - 1 > s->a &&
	    ((const uint8_t *)s->paren.data)[q - 2 - s->a] && q < s->b) {
		const char *w = VEC_AT(s->dict->words.words, const char *, s->tok[q].id);
		size_t wl = strlen(w);
		inside = wl > 4 && !strcmp(w + wl - 3, "ing");
	}
	while (q > s->a) {
		q--;
		int32_t a = acronym_apposition(s, q);
		if (a >= 0)
			return a;
		if (!inside && ((const uint8_t *)s->paren.data)[q - s->a])
			continue;
		int32_t g = group_at(s, q);
		if (g >= 0) {
			const group *G = grp(s, g);
			if (!G->prep)
				return g;
			if (fallback < 0 && !comma)
				fallback = g;
			q = G->start;
			continue;
		}
		if (s->tok[q].punct == ',' && !across_commas) {
			uint32_t open = name_apposition(s, q);
			if (open != q) {
				q = open;
				continue;
			}
			comma = true;
		}
		if (boundary(s, q, false))
			break;
		if (((flags_at(s, q) & WF_PRON) || pair_pronoun(s, q)) && fallback < 0) {
			*pronoun = q;
			return -1;
		}
	}
	return fallback;
}

/* "President Laurent Gbagbo": a single actor followed by capitalised words that are no actor
 * is a title before a name the dictionaries do not know - a person. */
static bool titled_name(const sentence_ctx *s, const group *G)
{
	if (G->n != 1 || G->end >= s->b || group_at(s, G->end) >= 0)
		return false;
	const token *t = &s->tok[G->end];
	return (t->flags & TF_WORD) && (t->flags & TF_CAP);
}

/* The antecedent of the pronoun at q in its own sentence: the nearest free-standing group
 * before it ("Iran said it would attack" - it is Iran); he and she want a person, "the two
 * countries" a compound. */
static int32_t antecedent(const sentence_ctx *s, uint32_t q)
{
	bool person = flags_at(s, q) & WF_PERSONPRON;
	bool pair = pair_pronoun(s, q); /* "the two countries" wants a compound */
	while (q > s->a) {
		q--;
		int32_t g = group_at(s, q);
		if (g < 0)
			continue;
		const group *G = grp(s, g);
		if (!G->prep && (!person || G->person || titled_name(s, G)) &&
		    (!pair || (G->n > 1 && !nested(chk(s, G->first)->code, chk(s, G->first + 1)->code))))
			return g;
		q = G->start;
	}
	return -1;
}

/* Whether the group starting at q follows "in" or "at" (and determiners). */
static bool venue_before(const sentence_ctx *s, uint32_t q)
{
	while (q > s->a && (flags_at(s, q - 1) & WF_DET))
		q--;
	if (q == s->a)
		return false;
	const char *w = VEC_AT(s->dict->words.words, const char *, s->tok[q - 1].id);
	return !strcmp(w, "in") || !strcmp(w, "at");
}

/* The first group after token q in the same clause; a form of "be" starts another
 * predicate ("talks between A and B were mediated by C": C is not the talks' target). */
static int32_t object_after(const sentence_ctx *s, uint32_t q, bool skip_venues)
{
	uint32_t start = q > s->a ? q - 1 : q;
	for (; q < s->b; q++) {
		int32_t g = group_at(s, q);
		if (g >= 0) {
			/* "A and B signed an agreement at the White House": a place after "in" or
			 * "at" is where it happened, not who it was with. */
			if (skip_venues && venue_before(s, grp(s, g)->start)) {
				q = grp(s, g)->end - 1;
				continue;
			}
			return g;
		}
		/* "agreed to a ceasefire brokered by X": a participle of cooperation with "by"
		 * after it starts a reduced passive about the object, and X is a third party, not
		 * the verb's target ("crimes committed by X" keeps X). */
		if (q + 1 < s->b && (flags_at(s, q + 1) & WF_BY) && (s->tok[q].flags & TF_WORD) &&
		    !s->dict->tabari_coding && !s->dict->petrarch1 && !s->dict->petrarch2) {
			match pm;
			if (coder_match_at(s, q, &pm) && pm.end == q + 1 && !pm.hit->lemma_at &&
			    pm.hit->form == FORM_PAST) {
				const pattern *pp = &VEC_AT(s->dict->patterns, pattern, pm.hit->pattern);
				if (!pp->null &&
				    VEC_AT(s->dict->codes, code_entry, pp->code).info.quad <= 2)
					break;
			}
		}
		/* TABARI's target is the first actor after the verb, across "that" ("allowed
		 * that Mordor ..."), in dictionaries that say so (`target-across-that`). */
		if (s->dict->target_across_that && (flags_at(s, q) & WF_THAT))
			continue;
		if ((boundary(s, q, true) || (flags_at(s, q) & WF_BE)) &&
		    !(s->dict->petrarch1 && p1_lower_continues(s, q)))
			break;
		if (s->dict->petrarch1 && p1_phrase_ends(s, q))
			break;
		/* "said such a step enjoyed support from Y": Y is in another clause. */
		if (p2_clause_start(s, q, start, false))
			break;
	}
	return -1;
}

/* The end of the verb phrase that begins at q under `petrarch1-coding`: where the search
 * for a target (object_after) stops. */
static uint32_t lower_end(const sentence_ctx *s, uint32_t q)
{
	for (; q < s->b; q++)
		if (((boundary(s, q, true) || (flags_at(s, q) & WF_BE)) && group_at(s, q) < 0 &&
		     !p1_lower_continues(s, q)) ||
		    p1_phrase_ends(s, q))
			break;
	return q;
}

/* "by" + group right after the match: the agent of a passive or of a noun event. */
static int32_t by_agent(const sentence_ctx *s, uint32_t q)
{
	if (q < s->b && (flags_at(s, q) & WF_BY)) {
		uint32_t r = q + 1;
		while (r < s->b && (flags_at(s, r) & WF_DET))
			r++;
		if (r < s->b && group_at(s, r) >= 0 && grp(s, group_at(s, r))->start == r)
			return group_at(s, r);
	}
	return -1;
}

/* Whether "unless" follows token q in its sentence, before a semicolon or colon. */
static bool unless_after(const sentence_ctx *s, uint32_t q)
{
	for (; q < s->b; q++) {
		const token *t = &s->tok[q];
		if (t->punct == ';' || t->punct == ':' ||
		    ((t->flags & TF_TERM) && !(t->flags & TF_WORD)))
			break;
		if ((flags_at(s, q) & WF_SUBORD) &&
		    !strcmp(VEC_AT(s->dict->words.words, const char *, t->id), "unless"))
			return true;
	}
	return false;
}

/* The subject of a clause that begins at q: a free-standing group within three tokens, after
 * determiners and lower-case words only. */
static int32_t clause_subject(const sentence_ctx *s, uint32_t q)
{
	for (uint32_t r = q; r < s->b && r <= q + 2; r++) {
		int32_t g = group_at(s, r);
		if (g >= 0)
			return grp(s, g)->prep ? -1 : g;
		if (!(flags_at(s, r) & WF_DET) &&
		    ((s->tok[r].flags & TF_CAP) || !(s->tok[r].flags & TF_WORD)))
			return -1;
	}
	return -1;
}

/* The subject of the condition of a threat ("threatened to strike if Hamas ran", "will
 * boycott the talks unless Israel withdraws"): a threat is aimed at whoever must act to
 * avert it. The first free-standing group after "if" or "unless", within a few words, in
 * the rest of the sentence up to a semicolon or colon. */
static int32_t condition_subject(const sentence_ctx *s, uint32_t q)
{
	for (; q < s->b; q++) {
		const token *t = &s->tok[q];
		if (t->punct == ';' || t->punct == ':' ||
		    ((t->flags & TF_TERM) && !(t->flags & TF_WORD)))
			break;
		if (!(flags_at(s, q) & WF_SUBORD) || group_at(s, q) >= 0)
			continue;
		const char *w = VEC_AT(s->dict->words.words, const char *, t->id);
		if (strcmp(w, "if") && strcmp(w, "unless"))
			continue;
		return clause_subject(s, q + 1);
	}
	return -1;
}

/* "demanded (on Friday) that Israel ease ...": the target of a demand or an appeal is the
 * subject of the "that" clause after it, across up to three words. */
static int32_t that_subject(const sentence_ctx *s, uint32_t q)
{
	for (uint32_t k = 0; q < s->b && k <= 3; q++, k++) {
		if (flags_at(s, q) & WF_THAT)
			return clause_subject(s, q + 1);
		if (group_at(s, q) >= 0 || boundary(s, q, true) || !(s->tok[q].flags & TF_WORD))
			return -1;
	}
	return -1;
}

static bool is_place_prep(const sentence_ctx *s, uint32_t q)
{
	static const char *const preps[] = {"in", "at", "near", "during", "outside", NULL};
	const char *w = VEC_AT(s->dict->words.words, const char *, s->tok[q].id);
	for (int i = 0; preps[i]; i++)
		if (!strcmp(w, preps[i]))
			return true;
	return false;
}

static bool passive(const sentence_ctx *s, const match *m)
{
	if (m->hit->form != FORM_PAST && m->hit->form != FORM_OTHER)
		return false;
	/* A pattern without a verb ("in contact with") has no voice: "were in contact with". */
	if (m->hit->lemma_at == 255)
		return false;
	const pattern *p = &VEC_AT(s->dict->patterns, pattern, m->hit->pattern);
	if (p->kind != PAT_VERB)
		return false;
	for (uint32_t k = 1; k <= 3 && m->lemma >= s->a + k; k++) {
		uint32_t q = m->lemma - k;
		uint32_t f = flags_at(s, q);
		if (f & WF_BE)
			return true;
		if (group_at(s, q) >= 0 || boundary(s, q, true))
			break;
	}
	/* `petrarch2-coding`: "warrants for two men sought in the killing": a participle right
	 * after the object of a preposition, which cannot be its subject, and before another
	 * preposition is a reduced relative clause, passive. */
	if (s->dict->petrarch2 && m->hit->form == FORM_PAST && m->lemma == m->start &&
	    m->start > s->a && m->end < s->b && (flags_at(s, m->end) & WF_PREP)) {
		int32_t g = group_at(s, m->start - 1);
		uint32_t r = g >= 0 && grp(s, g)->end == m->start ? grp(s, g)->start : s->a;
		/* ... across determiners and plain words ("for two Brazilian men") */
		for (int k = 0; k < 3 && r > s->a && !(flags_at(s, r - 1) & WF_PREP); k++, r--) {
			const token *t = &s->tok[r - 1];
			uint32_t f = flags_at(s, r - 1) & ~(uint32_t)(WF_ACTOR_START | WF_EVENT_START |
			                                              WF_DISCARD_START);
			if (!(t->flags & TF_WORD) || (t->flags & TF_CAP) || (f & ~(uint32_t)WF_DET))
				break;
		}
		/* ... but "hundreds of troops withdrew": "of" makes them the subject. */
		if (r > s->a && (flags_at(s, r - 1) & WF_PREP) && group_at(s, r - 1) < 0 &&
		    strcmp(VEC_AT(s->dict->words.words, const char *, s->tok[r - 1].id), "of"))
			return true;
	}
	/* "negotiations mediated by China": the participle itself must end the match. */
	if (m->hit->form == FORM_PAST && m->lemma + 1 == m->end && by_agent(s, m->end) >= 0)
		return true;
	/* "ten soldiers killed in Ukraine": a participle of coercion or violence (roots 17-20)
	 * right after people (one actor with an agent: soldiers, civilians) and followed by a
	 * place, not by an object, is a reduced passive; "Israelis protested in Tel Aviv" and
	 * "Israel and Hamas clashed in Gaza" are not. */
	const pattern *pp = &VEC_AT(s->dict->patterns, pattern, m->hit->pattern);
	const char *code = VEC_AT(s->dict->codes, code_entry,
	                          pp->null && pp->passive ? pp->passive - 1 : pp->code).code;
	bool violent = dict_rule(s->dict, RULE_VIOLENT, code);
	int32_t before = m->start > s->a ? group_at(s, m->start - 1) : -1;
	if (violent && m->hit->form == FORM_PAST && m->lemma + 1 == m->end && before >= 0 &&
	    m->start == grp(s, before)->end && grp(s, before)->n == 1) {
		const chunk *k = chk(s, grp(s, before)->first);
		if ((k->agent[0] || k->agent_only) && m->end < s->b && is_place_prep(s, m->end))
			return true;
	}
	return false;
}

static const char *negated(const sentence_ctx *s, const match *m)
{
	for (uint32_t k = 1; k <= 4 && m->start >= s->a + k; k++) {
		uint32_t q = m->start - k;
		uint32_t f = flags_at(s, q);
		if (f & WF_NEG)
			return "negated";
		if (f & WF_NEGVERB)
			return "refused or denied";
		if (group_at(s, q) >= 0 || boundary(s, q, true))
			break;
	}
	/* "denied reports that it had shot down a drone": a clause that its subject denies. */
	static const char *const deny[] = {"deny", "denies", "denied", "denying", "dismissed",
	                                   "rejected", "refuted", NULL};
	for (uint32_t q = m->start; q > s->a && m->start - q < 10; q--) {
		if (!(flags_at(s, q - 1) & WF_THAT))
			continue;
		for (uint32_t r = q - 1; r > s->a && q - 1 - r < 3; r--) {
			const token *t = &s->tok[r - 1];
			if (!t->id)
				continue;
			const char *w = VEC_AT(s->dict->words.words, const char *, t->id);
			for (int i = 0; deny[i]; i++)
				if (!strcmp(w, deny[i]))
					return "a denied claim";
		}
		break;
	}
	return NULL;
}

/* A verb pattern whose verb follows a determiner, perhaps across one or two plain lower-case
 * words, names a thing and not an act ("during a brief private visit", "an anti-Gondor
 * parade"): TABARI's rule for telling nouns from verbs without a parser. */
static bool after_determiner(const sentence_ctx *s, const match *m)
{
	const pattern *p = &VEC_AT(s->dict->patterns, pattern, m->hit->pattern);
	/* The match must begin with a word, not an actor slot ("an anti-Gondor parade" begins
	 * with "anti-"). */
	if (p->kind != PAT_VERB || group_at(s, m->start) >= 0)
		return false;
	/* `petrarch2-coding`: "a mortar bomb was fired" (`- MORTAR * ...`): the words before
	 * the verb are its subject's, and the determiner is theirs. */
	if (s->dict->petrarch2 && m->lemma > m->start)
		return false;
	/* A capitalised verb inside a sentence in lower case is a name ("the US State
	 * department"): TABARI's other noun test. A title in capitals ("Iran Attacks on Iraq")
	 * is told apart by the plain lower-case word that must follow. */
	const token *lt = &s->tok[m->lemma];
	if ((lt->flags & TF_CAP) && !(lt->flags & TF_ALLCAPS) && m->lemma > s->a &&
	    m->lemma + 1 < s->b) {
		const token *nt = &s->tok[m->lemma + 1];
		uint32_t nf = flags_at(s, m->lemma + 1) &
		              ~(uint32_t)(WF_ACTOR_START | WF_EVENT_START | WF_DISCARD_START);
		if ((nt->flags & TF_WORD) && !(nt->flags & TF_CAP) && !nf &&
		    group_at(s, m->lemma + 1) < 0)
			return true;
	}
	/* "a declaration demanding that ...", "a rally calling for ...": an -ing form after a
	 * noun, taking "that" or "for", is a participle clause about that noun, not a noun. */
	if (m->hit->form == FORM_ING && m->lemma == m->start && m->start > s->a &&
	    m->lemma + 1 < s->b && !(flags_at(s, m->start - 1) & (WF_DET | WF_PRONPOSS))) {
		const char *w = VEC_AT(s->dict->words.words, const char *, s->tok[m->lemma + 1].id);
		if (!strcmp(w, "that") || !strcmp(w, "for"))
			return false;
	}
	/* `petrarch1-coding`: a verb after a preposition and a determiner that the pattern's
	 * own words take in ("in an accord" with `IN * ACCORD`) is the noun of a prepositional
	 * phrase in PETRARCH-1's parse. */
	if (s->dict->petrarch1 && m->lemma >= m->start + 2 &&
	    (flags_at(s, m->lemma - 1) & (WF_DET | WF_PRONPOSS)) &&
	    (flags_at(s, m->lemma - 2) & WF_PREP) && group_at(s, m->lemma - 2) < 0)
		return true;
	for (uint32_t k = 1, words = 1; words <= 3 && m->start >= s->a + k; k++, words++) {
		uint32_t q = m->start - k;
		uint32_t f = flags_at(s, q);
		if (f & (WF_DET | WF_PRONPOSS))
			return !(f & WF_PERSONPRON) || k > 1;
		const token *t = &s->tok[q];
		/* `petrarch2-coding`: a hyphenated compound ("10-month-old") is one word. */
		if (s->dict->petrarch2 && q > s->a && !(t->flags & TF_SPACE) &&
		    (t->punct == '-' || s->tok[q - 1].punct == '-')) {
			words--;
			continue;
		}
		if ((f & ~(uint32_t)(WF_ACTOR_START | WF_EVENT_START | WF_DISCARD_START)) ||
		    group_at(s, q) >= 0 || !(t->flags & TF_WORD) || (t->flags & TF_CAP))
			return false;
	}
	return false;
}

/* A verb right after a preposition other than "to" is a noun: its base form ("advised
 * against travel to Tunisia"), and under `petrarch2-coding` any form ("by promoting"). */
static bool after_prep(const sentence_ctx *s, const match *m)
{
	const pattern *p = &VEC_AT(s->dict->patterns, pattern, m->hit->pattern);
	if (p->kind != PAT_VERB || m->lemma != m->start || m->start == s->a)
		return false;
	if (!s->dict->petrarch2 && m->hit->form != FORM_BASE)
		return false;
	uint32_t f = flags_at(s, m->start - 1);
	return (f & WF_PREP) && !(f & WF_TO) && group_at(s, m->start - 1) < 0;
}

/* `petrarch2-coding`: a verb joined by a hyphen to the word before it ("Qaeda-linked
 * rebels", "a government-held part") is part of an adjective: not coded. */
static bool p2_hyphenated(const sentence_ctx *s, const match *m)
{
	const pattern *p = &VEC_AT(s->dict->patterns, pattern, m->hit->pattern);
	return s->dict->petrarch2 && p->kind == PAT_VERB && m->lemma == m->start &&
	       m->start > s->a + 1 && s->tok[m->start - 1].punct == '-' &&
	       !(s->tok[m->start - 1].flags & TF_SPACE) && !(s->tok[m->start].flags & TF_SPACE);
}

/* Whether a reporting verb ("said", "told") comes before token q in its sentence. */
static bool reported(const sentence_ctx *s, uint32_t q)
{
	for (uint32_t r = s->a; r < q; r++)
		if (flags_at(s, r) & WF_REPORT)
			return true;
	return false;
}

/* A modal or a verb of intent before the match: "will meet", "is ready to meet". */
static bool modal(const sentence_ctx *s, const match *m)
{
	for (uint32_t k = 1; k <= 4 && m->start >= s->a + k; k++) {
		uint32_t q = m->start - k;
		uint32_t f = flags_at(s, q);
		if (f & WF_MODAL)
			return true;
		if ((f & WF_INTEND) && q + 1 < m->start && (flags_at(s, q + 1) & WF_TO))
			return true;
		if (group_at(s, q) >= 0 || boundary(s, q, true))
			break;
	}
	return false;
}

/* ---------------------------------------------------------------- events */

static dyad_status push_actor_list(dyad_coder *c)
{
	const sentence_ctx *s = &c->ctx;
	for (size_t i = 0; i < s->chunks.len; i++) {
		const chunk *k = chk(s, (uint32_t)i);
		dyad_actor *a = vec_push(&c->actors, 1);
		if (!a)
			return DYAD_ENOMEM;
		a->sentence = c->sentence;
		a->field = c->field;
		a->span.start = s->tok[k->start].start;
		a->span.end = s->tok[k->end - 1].end;
		memcpy(a->code, k->code, sizeof k->code);
		memset(a->code + sizeof k->code, 0, sizeof a->code - sizeof k->code);
		a->entry = k->entry;
		if (c->opt.explain) {
			explain_text(c, "  actor ", k->start, k->end);
			buf_printf(&c->explain, " -> %s (%s)\n", k->code, k->entry ? k->entry : "");
		}
	}
	return DYAD_OK;
}

static bool duplicate(const dyad_coder *c, size_t from, const char *src, const char *tgt,
                      const char *code)
{
	for (size_t i = from; i < c->events.len; i++) {
		const dyad_event *e = &VEC_AT(c->events, dyad_event, i);
		if (!strcmp(e->source, src) && !strcmp(e->target, tgt) && !strcmp(e->code, code))
			return true;
	}
	return false;
}

static dyad_status emit(dyad_coder *c, size_t first_event, const match *m, const code_entry *ce,
                        const chunk *src, const chunk *tgt, unsigned flags)
{
	const sentence_ctx *s = &c->ctx;
	const dyad_dict *d = c->dict;
	const pattern *p = &VEC_AT(d->patterns, pattern, m->hit->pattern);
	/* The codes, a new actor's as its text (`petrarch1-coding`'s new_actor_length). */
	char sc[32], tc[32];
	p1_chunk_code(s, src, sc);
	p1_chunk_code(s, tgt, tc);
	if (d->no_nested_events && !d->petrarch1 ? nested(sc, tc) : !strcmp(sc, tc)) {
		if (c->opt.explain)
			buf_printf(&c->explain, "    not coded %s -> %s: the same actor\n", sc, tc);
		return DYAD_OK;
	}
	/* "Leaders criticized Venezuela": an agent alone that took the sentence's one country
	 * from this very target (named on its own, not as "Venezuela's") is no actor of it. */
	if (src->inherited && !tgt->inherited && !tgt->agent[0] && !tgt->prep && !tgt->adj_only &&
	    strlen(tgt->code) == 3 && !strncmp(src->code, tgt->code, 3) &&
	    !(tgt->end < s->b && (flags_at(s, tgt->end) & WF_POSS))) {
		if (c->opt.explain)
			buf_printf(&c->explain, "    not coded %s -> %s: the source took the target's "
			                        "country\n", sc, tc);
		return DYAD_OK;
	}
	if (duplicate(c, first_event, sc, tc, ce->code))
		return DYAD_OK;
	dyad_event *e = vec_push(&c->events, 1);
	if (!e)
		return DYAD_ENOMEM;
	memset(e, 0, sizeof *e);
	e->doc = c->doc->id;
	e->date = c->doc->date;
	e->field = c->field;
	e->sentence = c->sentence;
	e->sentence_span.start = s->tok[s->a].start;
	e->sentence_span.end = s->tok[s->b - 1].end;
	memcpy(e->source, sc, sizeof e->source);
	memcpy(e->target, tc, sizeof e->target);
	memcpy(e->code, ce->code, sizeof e->code);
	memcpy(e->root, ce->code, 2);
	e->quad = ce->info.quad;
	e->goldstein = ce->info.goldstein;
	e->plover = ce->info.plover;
	e->source_span.start = s->tok[src->start].start;
	e->source_span.end = s->tok[src->end - 1].end;
	e->target_span.start = s->tok[tgt->start].start;
	e->target_span.end = s->tok[tgt->end - 1].end;
	e->verb_span.start = s->tok[m->start].start;
	e->verb_span.end = s->tok[m->end - 1].end;
	e->source_entry = src->entry;
	e->target_entry = tgt->entry;
	e->pattern = p->text;
	e->pattern_entry = p->where;
	e->flags = flags | (p->kind == PAT_NOUN ? DYAD_EVENT_NOUN : 0) |
	           (p->subordinate ? DYAD_EVENT_SUBORDINATE : 0);
	if (c->opt.explain)
		buf_printf(&c->explain, "    coded %s -> %s %s\n", sc, tc, ce->code);
	/* A paired pattern (`verb 032:033`) also codes the reverse event with its second code. */
	if (p->pair && ce == &VEC_AT(d->codes, code_entry, p->code))
		return emit(c, first_event, m, &VEC_AT(d->codes, code_entry, p->pair - 1), tgt, src,
		            flags);
	return DYAD_OK;
}

static void remember_subject(dyad_coder *c, int32_t g)
{
	const sentence_ctx *s = &c->ctx;
	const group *G = grp(s, g);
	c->nlast_subject = 0;
	for (uint32_t i = 0; i < G->n && i < 4; i++)
		memcpy(c->last_subject[c->nlast_subject++], chk(s, G->first + i)->code, 16);
	c->last_subject_person = G->person;
	if (G->n > 1 && !nested(c->last_subject[0], c->last_subject[1])) {
		memcpy(c->last_pair[0], c->last_subject[0], 16);
		memcpy(c->last_pair[1], c->last_subject[1], 16);
	}
}

/* The actors for which a pronoun subject at q stands when its own sentence names none: the
 * document's last subject; for "the two countries" a compound one (the last subject, else the
 * last compound subject before it), or else the two actors of the document's last event.
 * Returns how many were written to pron. */
static uint32_t pronoun_actors(const dyad_coder *c, uint32_t q, chunk pron[4])
{
	const sentence_ctx *s = &c->ctx;
	const char *codes[4];
	uint32_t n = 0;
	bool pair = pair_pronoun(s, q);
	if (!pair || (c->nlast_subject > 1 && !nested(c->last_subject[0], c->last_subject[1]))) {
		for (int i = 0; i < c->nlast_subject; i++)
			codes[n++] = c->last_subject[i];
	} else if (c->last_pair[0][0]) {
		/* "Raisi and Mohammed bin Salman spoke. ... Israel struck Gaza ... both leaders
		 * expressed concern": the last compound subject, however far back. */
		codes[n++] = c->last_pair[0];
		codes[n++] = c->last_pair[1];
	} else {
		/* Two actors, not one and a part of it ("Japan" and its government). */
		for (size_t i = c->events.len; i-- > 0 && !n;) {
			const dyad_event *e = &VEC_AT(c->events, dyad_event, i);
			if (e->source[0] && e->target[0] && strncmp(e->source, "---", 3) &&
			    strncmp(e->target, "---", 3) && !nested(e->source, e->target)) {
				codes[n++] = e->source;
				codes[n++] = e->target;
			}
		}
	}
	for (uint32_t i = 0; i < n; i++) {
		memset(&pron[i], 0, sizeof pron[i]);
		snprintf(pron[i].code, sizeof pron[i].code, "%s", codes[i]);
		pron[i].entry = "pronoun";
		pron[i].start = q;
		pron[i].end = q + 1;
	}
	return n;
}

/* Whether token q is the lower-case word w as written (for words the dictionaries need not
 * know). */
static bool text_is(const sentence_ctx *s, uint32_t q, const char *w)
{
	size_t n = s->tok[q].end - s->tok[q].start;
	return strlen(w) == n && !memcmp(s->text + s->tok[q].start, w, n);
}

/* Whether the conflict verb of match m has an object that is no actor: "A and B condemned the
 * strikes" is no event between A and B; "A and B clashed" (on Saturday, fiercely) and "A and
 * B blamed one another for ..." are. */
static bool object_follows(const sentence_ctx *s, const match *m)
{
	/* "blamed one another", "accused each other": the object is themselves. */
	for (uint32_t q = m->lemma + 1; q + 1 < s->b && q <= m->end; q++)
		if ((text_is(s, q, "each") && text_is(s, q + 1, "other")) ||
		    (text_is(s, q, "one") && text_is(s, q + 1, "another")))
			return false;
	uint32_t q = m->end;
	if (q < s->b && (s->tok[q].flags & TF_WORD)) {
		const char *w = s->text + s->tok[q].start;
		size_t wl = s->tok[q].end - s->tok[q].start;
		if (wl > 3 && w[wl - 2] == 'l' && w[wl - 1] == 'y') /* an adverb */
			q++;
	}
	if (q >= s->b || !(s->tok[q].flags & TF_WORD) || group_at(s, q) >= 0)
		return false;
	uint32_t f = flags_at(s, q);
	return !(f & (WF_PREP | WF_AND | WF_SUBORD | WF_REL | WF_THAT | WF_TO | WF_BY)) &&
	       !boundary(s, q, true);
}

/* Codes each actor of the source group src (or, when src < 0, each of the npron actors a
 * pronoun stands for) against one target. */
static dyad_status emit_each_source(dyad_coder *c, size_t first_event, const match *m,
                                    const code_entry *ce, int32_t src, const chunk *pron,
                                    uint32_t npron, const chunk *tgt, unsigned flags)
{
	const sentence_ctx *s = &c->ctx;
	uint32_t n = src >= 0 ? grp(s, src)->n : npron;
	for (uint32_t i = 0; i < n; i++) {
		const chunk *sc = src >= 0 ? chk(s, grp(s, src)->first + i) : &pron[i];
		dyad_status st = emit(c, first_event, m, ce, sc, tgt, flags);
		if (st)
			return st;
	}
	return DYAD_OK;
}

/* The actor standing for a missing source or target (dyad_coder_set_missing_actors). */
static void null_chunk(chunk *k, const char *code, uint32_t at)
{
	memset(k, 0, sizeof *k);
	snprintf(k->code, sizeof k->code, "%s", code);
	k->entry = "missing actor";
	k->start = at;
	k->end = at + 1;
}

void dyad_coder_set_missing_actors(dyad_coder *c, const char *source, const char *target)
{
	if (!c)
		return;
	snprintf(c->missing[0], sizeof c->missing[0], "%s", source ? source : "");
	snprintf(c->missing[1], sizeof c->missing[1], "%s", target ? target : "");
}

void dyad_coder_set_missing_placement(dyad_coder *c, int source_prior, int target_after)
{
	if (!c)
		return;
	c->missing_loose[0] = !source_prior;
	c->missing_loose[1] = !target_after;
}

void dyad_coder_set_code_all(dyad_coder *c, int on)
{
	if (c)
		c->code_all = on != 0;
}

void dyad_coder_set_complexity(dyad_coder *c, int verbs, int conjunctions)
{
	if (!c)
		return;
	c->complex_verbs = verbs > 0 ? verbs : 0;
	c->complex_conj = conjunctions > 0 ? conjunctions : 0;
}

/* TABARI's COMPLEX: filter: conjunctions ("and", "or", "but") outside actor phrases. */
static int conjunctions(const sentence_ctx *s)
{
	int n = 0;
	for (uint32_t q = s->a; q < s->b; q++) {
		if (!(s->tok[q].flags & TF_WORD) || group_at(s, q) >= 0)
			continue;
		const token *t = &s->tok[q];
		size_t len = t->end - t->start;
		const char *w = s->text + t->start;
		static const char *const conj[] = {"and", "or", "but"};
		for (size_t i = 0; i < 3; i++) {
			size_t k = 0;
			while (k < len && conj[i][k] && (w[k] | 0x20) == conj[i][k])
				k++;
			n += k == len && !conj[i][k];
		}
	}
	return n;
}

/* The chunk of the sentence an event's actor came from (for its span), else a stand-in. */
static chunk chunk_of(const sentence_ctx *s, const char *code, const char *entry, uint32_t at)
{
	for (size_t i = 0; i < s->chunks.len; i++) {
		const chunk *k = chk(s, (uint32_t)i);
		if (k->entry == entry && !strcmp(k->code, code))
			return *k;
	}
	chunk k;
	null_chunk(&k, code, at);
	return k;
}

/* TABARI's SET: CODE ALL: a verb left without a source ("after crowds burned down its
 * embassy") or as the complement of the event before it ("urged Bree to assist") is coded
 * with the actors of the sentence's first coded verb (each of its pairs, not the reversed
 * pairs of a paired code). Nothing without SET: CODE ALL or before the first event. */
static dyad_status code_all_events(dyad_coder *c, size_t first_event, const match *m,
                                   const code_entry *ce, unsigned flags)
{
	dyad_status st = DYAD_OK;
	if (!c->code_all || c->events.len <= first_event)
		return st;
	const sentence_ctx *s = &c->ctx;
	size_t n = c->events.len;
	for (size_t i = first_event; i < n && !st; i++) {
		const dyad_event *f = &VEC_AT(c->events, dyad_event, first_event);
		const dyad_event *e = &VEC_AT(c->events, dyad_event, i);
		if (strcmp(e->code, f->code) || e->verb_span.start != f->verb_span.start)
			continue;
		chunk sc = chunk_of(s, e->source, e->source_entry, m->start);
		chunk tc = chunk_of(s, e->target, e->target_entry, m->start);
		st = emit(c, first_event, m, ce, &sc, &tc, flags); /* may move c->events */
	}
	if (c->opt.explain)
		buf_printf(&c->explain, "    (CODE ALL: the actors of the sentence's first event)\n");
	return st;
}

void dyad_coder_continue(dyad_coder *c, int actors_only)
{
	if (c)
		c->continue_doc = actors_only ? 2 : 1;
}

void dyad_coder_set_comma_clauses(dyad_coder *c, const dyad_comma_limits *limits)
{
	if (!c || !limits)
		return;
	c->p1.comma = *limits;
	c->p1.comma_set = true;
}

void dyad_coder_set_new_actor_length(dyad_coder *c, int words)
{
	if (c)
		c->p1.new_actor_len = words > 0 ? words : 0;
}

void dyad_coder_set_agent_alone(dyad_coder *c, const char *prefix)
{
	if (!c)
		return;
	c->agent_alone_set = prefix != NULL;
	snprintf(c->agent_alone, sizeof c->agent_alone, "%s", prefix ? prefix : "");
}

/* "Italy announced a suspension of air links with Serbia": a noun event that is the object
 * of "announce" or "declare" (after a determiner and at most two plain words) is the
 * speaker's act.
 * q is the start of the match; returns the speaker's group or -1. */
static int32_t announced_by(const sentence_ctx *s, uint32_t q, uint32_t *pronoun)
{
	uint32_t r = q;
	while (r > s->a && q - r < 3 && group_at(s, r - 1) < 0 && (s->tok[r - 1].flags & TF_WORD) &&
	       !(s->tok[r - 1].flags & TF_CAP) && !(flags_at(s, r - 1) & WF_REPORT))
		r--;
	if (r == q || r == s->a || !(flags_at(s, r) & WF_DET) || !(flags_at(s, r - 1) & WF_REPORT))
		return -1;
	/* "said the tariffs could be modified" reports a clause; "announced" takes an object. */
	const char *w = VEC_AT(s->dict->words.words, const char *, s->tok[r - 1].id);
	if (strncmp(w, "announc", 7) && strncmp(w, "declar", 6) && strncmp(w, "unveil", 6))
		return -1;
	return subject_before(s, r - 1, pronoun, false);
}

/* PETRARCH-2's source of a passive: an actor after "by", "from" or "in" after the verb, in
 * its clause ("killed in an air strike by government forces", "killed in Ukraine"). */
static int32_t p2_passive_agent(const sentence_ctx *s, uint32_t q)
{
	for (uint32_t k = 0; q < s->b && k <= MAX_LONG_GAP; q++, k++) {
		int32_t g = group_at(s, q);
		if (g >= 0) {
			uint32_t r = grp(s, g)->start;
			while (r > s->a && (flags_at(s, r - 1) & WF_DET))
				r--;
			const char *w = r > s->a ? VEC_AT(s->dict->words.words, const char *,
			                                  s->tok[r - 1].id) : "";
			if (!strcmp(w, "by") || !strcmp(w, "from") || !strcmp(w, "in"))
				return g;
			q = grp(s, g)->end - 1;
			continue;
		}
		if (boundary(s, q, true) || (flags_at(s, q) & WF_BE))
			break;
	}
	return -1;
}

/* Removes the events [from, to) of the sentence (an upper verb's, taken over by a nested
 * one). */
static void drop_events(dyad_coder *c, size_t from, size_t to)
{
	if (to <= from || to > c->events.len)
		return;
	dyad_event *e = c->events.data;
	memmove(e + from, e + to, (c->events.len - to) * sizeof *e);
	c->events.len -= to - from;
}

/* `petrarch2-coding`: the event of a verb nested under an upper one - an infinitive
 * ("wants Putin to attack X", "agreed to lift the sanctions") or a reported clause ("claimed
 * that Y attacked X") - as PETRARCH-2 codes it: by a `transform` rule, else the upper's
 * source with the lower's code combined into the upper's (petrarch2.c). Only this event
 * stands; the upper verb's own events were dropped by the caller. */
static dyad_status p2_code_nested(dyad_coder *c, size_t first_event, const match *m,
                                  const code_entry *upper, const code_entry *lower,
                                  int32_t a, int32_t b, int32_t t, bool report)
{
	const sentence_ctx *s = &c->ctx;
	const dyad_dict *d = c->dict;
	p2_nest n;
	memset(&n, 0, sizeof n);
	if (!p2_value(lower->code, &n.lower) || !(upper ? p2_value(upper->code, &n.upper) : true))
		return DYAD_OK;
	if (b == a && !report)
		b = -1; /* "wants to help": the infinitive has no subject of its own */
	n.a = a >= 0 ? (uint32_t)a + 1 : 0;
	n.b = b >= 0 ? (uint32_t)b + 1 : 0;
	n.c = t >= 0 && t != b ? (uint32_t)t + 1 : 0;
	char xs, xt, code[8];
	const code_entry *ce = NULL;
	int32_t src = -1, tgt = -1;
	if (p2_transform_apply(d, &n, &xs, &xt, code)) {
		ce = !strcmp(code, "Q") ? lower : dict_find_code(d, code, strlen(code));
		src = xs == 'a' ? a : xs == 'b' ? b : xs == 'c' ? t : -1;
		tgt = xt == 'a' ? a : xt == 'b' ? b : xt == 'c' ? t : -1;
		if (c->opt.explain)
			buf_printf(&c->explain, " [nested: transformed]");
	} else if (n.b && n.lower < 0x1000) {
		/* "X said Y attacked Z": X -> Y, the lower code added to the upper's the other way
		 * round (PETRARCH-2's order: the upper's meaning stands). */
		ce = p2_code(d, p2_combine(n.lower, n.upper));
		src = a;
		tgt = b;
	} else if (!n.b) {
		ce = p2_code(d, p2_combine(n.upper, n.lower));
		src = a;
		tgt = t;
	}
	if (c->opt.explain)
		buf_printf(&c->explain, " [nested under %s: %s]\n", upper ? upper->code : "---",
		           ce ? ce->code : "none");
	if (ce && src >= 0 && (tgt < 0 || tgt == src) && grp(s, src)->n > 1 &&
	    ce->code[0] == '0' && ce->code[1] >= '3' && ce->code[1] <= '6') {
		/* "A and B seek to deepen their partnership": cooperation (03-06) is reciprocal
		 * within the compound. */
		const group *G = grp(s, src);
		for (uint32_t i = 0; i < G->n; i++)
			for (uint32_t j = 0; j < G->n; j++) {
				dyad_status st = i == j ? DYAD_OK
				                        : emit(c, first_event, m, ce, chk(s, G->first + i),
				                               chk(s, G->first + j),
				                               DYAD_EVENT_RECIPROCAL | DYAD_EVENT_COMPOUND);
				if (st)
					return st;
			}
		return DYAD_OK;
	}
	if (!ce || src < 0 || tgt < 0 || src == tgt)
		return DYAD_OK;
	const group *S = grp(s, src), *T = grp(s, tgt);
	for (uint32_t i = 0; i < S->n; i++)
		for (uint32_t j = 0; j < T->n; j++) {
			dyad_status st = emit(c, first_event, m, ce, chk(s, S->first + i),
			                      chk(s, T->first + j), 0);
			if (st)
				return st;
		}
	return DYAD_OK;
}

static dyad_status code_match(dyad_coder *c, size_t first_event, const match *m,
                              const match *prev)
{
	const sentence_ctx *s = &c->ctx;
	const dyad_dict *d = c->dict;
	const pattern *p = &VEC_AT(d->patterns, pattern, m->hit->pattern);
	c->match_code = NULL;
	/* PETRARCH-2 codes a passive verb with the active code, its subject the target; a
	 * passive-only code (`[:100]`, "faces pressure from X") is coded whatever the voice,
	 * the same way round (p2_reversed). */
	bool p2_reversed = d->petrarch2 && p->null && p->passive;
	bool passive_code = p->passive && (d->petrarch2 ? p2_reversed : passive(s, m));
	if (p->null && !passive_code) {
		/* A null pattern (`verb --- ...`) holds its words so that nothing shorter codes. */
		if (c->opt.explain) {
			explain_text(c, "  event ", m->start, m->end);
			buf_printf(&c->explain, " null pattern \"%s\" (%s): not coded\n", p->text,
			           p->where);
		}
		return DYAD_OK;
	}
	const code_entry *ce = &VEC_AT(d->codes, code_entry,
	                               passive_code ? p->passive - 1 : p->code);
	if (c->opt.explain) {
		explain_text(c, "  event ", m->start, m->end);
		buf_printf(&c->explain, " %s (%s) pattern \"%s\" (%s)", ce->code, ce->info.name,
		           p->text, p->where);
	}
	const char *neg = negated(s, m);
	if (!neg && after_determiner(s, m))
		neg = "a noun after a determiner (\"a brief visit\")";
	if (!neg && after_prep(s, m))
		neg = "a verb after a preposition (\"against travel\")";
	if (!neg && p2_hyphenated(s, m))
		neg = "part of a hyphenated adjective (\"rebel-held\")";
	if (neg) {
		if (c->opt.explain)
			buf_printf(&c->explain, ": not coded, %s\n", neg);
		return DYAD_OK;
	}
	/* "urged Iraq to attack": an infinitive right after another event is its complement. */
	bool infinitive = prev && m->start > s->a && (flags_at(s, m->start - 1) & WF_TO) &&
	                  m->start - prev->end <= 4 && p->kind == PAT_VERB;
	/* PETRARCH-2 combines the complement with the verb above it, and the verb of a reported
	 * clause with the reporting verb (p2_code_nested). */
	int nest = 0; /* 1 an infinitive, 2 a reported clause */
	if (d->petrarch2 && infinitive && c->prev_source >= 0)
		nest = 1;
	else if (d->petrarch2 && c->rep && m->start >= c->rep_end && c->rep_src >= 0 &&
	         !(flags_at(s, m->lemma) & WF_REPORT))
		nest = 2;
	if (infinitive && !nest) {
		if (c->opt.explain)
			buf_printf(&c->explain, ": not coded, complement of the event before it\n");
		return code_all_events(c, first_event, m, ce, 0);
	}
	/* "will attack", "ready to meet": a stated intent is its own code (138, 036 ...). */
	if (modal(s, m)) {
		const code_entry *ie = dict_intent_of(d, ce->code);
		if (ie && ie != ce) {
			if (c->opt.explain)
				buf_printf(&c->explain, " [intent: %s]", ie->code);
			ce = ie;
		}
		/* "will pull out its troops unless X agrees to a ceasefire": an intent under a
		 * condition with "unless" is an ultimatum, a threat. */
		const char *u = d->rules[RULE_ULTIMATUM][0];
		const code_entry *threat = u[0] ? dict_find_code(d, u, strlen(u)) : NULL;
		if (threat && strncmp(ce->code, u, 2) && unless_after(s, m->end)) {
			if (c->opt.explain)
				buf_printf(&c->explain, " [ultimatum: %s]", threat->code);
			ce = threat;
		}
	}
	c->match_code = ce;
	bool pass = p2_reversed || passive(s, m);
	int32_t src = m->source, tgt = m->target;
	/* `passive-needs-by` (PETRARCH): "X was criticized over its dispute with Y" is coded as
	 * active; "X was opposed earlier by Y" skips one word before "by". */
	uint32_t by_at = m->end;
	if (d->passive_by && pass && by_agent(s, by_at) < 0 && by_at + 1 < s->b &&
	    by_agent(s, by_at + 1) >= 0 && group_at(s, by_at) < 0 && (s->tok[by_at].flags & TF_WORD))
		by_at++;
	if (d->petrarch2 && pass && src < 0 && by_agent(s, by_at) < 0)
		src = p2_passive_agent(s, m->end);
	if (d->passive_by && pass && src < 0 && by_agent(s, by_at) < 0 && !d->petrarch2) {
		/* ... but not "to be allowed to leave": an infinitive stays passive. */
		bool inf = false;
		for (uint32_t k = 1; k <= 3 && m->lemma >= s->a + k + 1 && !inf; k++)
			if (flags_at(s, m->lemma - k) & WF_BE) {
				inf = !strcmp(VEC_AT(d->words.words, const char *,
				                     s->tok[m->lemma - k - 1].id), "to");
				break;
			}
		pass = inf;
	}
	uint32_t pronoun = UINT32_MAX;
	unsigned flags = 0;
	if (pass) {
		flags |= DYAD_EVENT_PASSIVE;
		if (src < 0)
			src = by_agent(s, by_at);
		if (tgt < 0)
			tgt = subject_before(s, m->start, &pronoun, true);
	} else {
		bool src_slot = src >= 0;
		if (src < 0 && p->kind == PAT_NOUN) {
			src = by_agent(s, m->end);
			/* "received a phone call from X": X is the source, the subject the target. */
			if (src < 0 && m->end < s->b &&
			    !strcmp(VEC_AT(d->words.words, const char *, s->tok[m->end].id), "from")) {
				uint32_t r = m->end + 1;
				while (r < s->b && (flags_at(s, r) & WF_DET))
					r++;
				int32_t g = r < s->b ? group_at(s, r) : -1;
				if (g >= 0 && grp(s, g)->start == r) {
					src = g;
					src_slot = true;
				}
			}
		}
		/* "X condemned the attack in south Y and promised aid": a verb right after "and"
		 * shares the subject of the verb before it. */
		if (src < 0 && prev && c->prev_source >= 0 && m->start > s->a &&
		    (flags_at(s, m->start - 1) & WF_AND) && group_at(s, m->start - 1) < 0 &&
		    grp(s, c->prev_source)->end <= prev->start)
			src = c->prev_source;
		bool from_subject = src < 0;
		if (src < 0)
			src = subject_before(s, m->start, &pronoun, false);
		/* "Israel condemned the attack on its embassy": a noun event in the object of a
		 * verbal reaction coded before it (praise, criticism, concern) is someone else's
		 * act; the subject reacts to it. */
		if (from_subject && src >= 0 && p->kind == PAT_NOUN && prev && !d->tabari_coding &&
		    !d->petrarch1 && !d->petrarch2 && grp(s, src)->end <= prev->start &&
		    prev->end <= m->start) {
			const pattern *pp = &VEC_AT(d->patterns, pattern, prev->hit->pattern);
			if (pp->kind == PAT_VERB && !pp->null &&
			    VEC_AT(d->codes, code_entry, pp->code).info.quad != 2 &&
			    VEC_AT(d->codes, code_entry, pp->code).info.quad != 4) {
				if (c->opt.explain)
					buf_printf(&c->explain, " [the object of a reaction]");
				src = -1;
			}
		}
		/* PETRARCH-1: a pattern's words before its verb may span the subject ("NEITHER *":
		 * "Neither A nor B denounced"). */
		if (src < 0 && pronoun == UINT32_MAX && d->petrarch1 && m->lemma > m->start) {
			uint32_t ignored;
			int32_t g = subject_before(s, m->lemma, &ignored, false);
			if (g >= 0 && grp(s, g)->start >= m->start)
				src = g;
		}
		if (src < 0 && pronoun == UINT32_MAX && p->kind == PAT_NOUN)
			src = announced_by(s, m->start, &pronoun);
		/* "the agreement between $" holding a compound: reciprocal within it. */
		bool between = m->source >= 0 && grp(s, m->source)->n > 1 &&
		               grp(s, m->source)->start > s->a &&
		               text_is(s, grp(s, m->source)->start - 1, "between");
		if (tgt < 0 && src_slot && !p->has_target && !between) {
			/* "X received a call from $": the subject is the target. */
			uint32_t ignored;
			tgt = subject_before(s, m->start, &ignored, false);
		}
		if (tgt < 0) {
			uint32_t from = m->end;
			if (src >= 0 && grp(s, src)->start >= m->end)
				from = grp(s, src)->end;
			/* Venues are skipped only for compound sources, which then act reciprocally
			 * ("A and B signed a treaty in C"); "X arrived in C" keeps C. */
			bool venues = ce->info.quad <= 2 && src >= 0 && grp(s, src)->n > 1;
			tgt = object_after(s, from, venues);
			if (tgt < 0 && dict_rule(d, RULE_CONDITION_TARGET, ce->code))
				tgt = condition_subject(s, m->end);
			if (tgt < 0 && dict_rule(d, RULE_THAT_TARGET, ce->code))
				tgt = that_subject(s, m->end);
		}
	}
	if (c->opt.explain && pass)
		buf_printf(&c->explain, " [passive]");
	/* A pronoun subject takes its antecedent in the sentence, else the document's last
	 * subject. */
	if (src < 0 && pronoun != UINT32_MAX && !pass) {
		src = antecedent(s, pronoun);
		if (src >= 0 && src == tgt)
			src = -1;
	}
	if (nest == 1) {
		int32_t a = c->prev_source;
		c->prev_source = src;
		drop_events(c, c->prev_events, c->events.len);
		return p2_code_nested(c, first_event, m, c->prev_code, ce, a, src, tgt, false);
	}
	if (nest == 2) {
		/* Nested only when its subject (or, in the passive, its target) stands after the
		 * reporting verb: "X said Y attacked Z", "X said Z was attacked by Y". */
		int32_t subj = pass && tgt >= 0 ? tgt : src;
		bool inside = subj >= 0 && (grp(s, subj)->start >= c->rep_end || subj == c->rep_src);
		/* ... and the clause is the reporting verb's object: nothing but "that" and plain
		 * words between them ("said, two weeks after ..." is not). */
		for (uint32_t q = c->rep_end; inside && q < m->start; q++)
			if (group_at(s, q) < 0 && !(flags_at(s, q) & WF_THAT) &&
			    (boundary(s, q, true) || !(s->tok[q].flags & TF_WORD)))
				inside = false;
		if (inside) {
			c->prev_source = src;
			drop_events(c, c->rep_from, c->rep_to);
			c->rep_to = c->rep_from;
			return p2_code_nested(c, first_event, m, c->rep_code, ce, c->rep_src, src, tgt,
			                      true);
		}
	}
	c->prev_source = pass ? -1 : src;
	chunk pron[4];
	uint32_t npron = 0;
	if (src < 0 && pronoun != UINT32_MAX && !pass)
		npron = pronoun_actors(c, pronoun, pron);
	if (src < 0 && !npron && c->missing[0][0] && c->missing_loose[0] && tgt >= 0) {
		/* TABARI's DEFAULT: SOURCE without PRIOR: the first actor, even after the verb, is
		 * the source ("Fxrnost restored ties with Gondor and Bree": GON -> BRE); the
		 * stand-in target takes the place it leaves. */
		const group *T = grp(s, tgt);
		const chunk *sc = chk(s, T->first);
		chunk none;
		null_chunk(&none, c->missing[1], m->start);
		if (c->opt.explain)
			buf_printf(&c->explain, ": no source, the first actor after the verb\n");
		if (T->n == 1)
			return none.code[0] ? emit(c, first_event, m, ce, sc, &none, flags) : DYAD_OK;
		for (uint32_t j = 1; j < T->n; j++) {
			dyad_status st = emit(c, first_event, m, ce, sc, chk(s, T->first + j), flags);
			if (st)
				return st;
		}
		return DYAD_OK;
	}
	/* PETRARCH's new_actor_length: the noun phrase before the verb is a new actor. */
	if (src < 0 && !npron && !pass && d->petrarch1 && c->p1.new_actor_len > 0 &&
	    p1_new_actor_before(s, m->start, c->p1.new_actor_len, &pron[0]))
		npron = 1;
	if (src < 0 && !npron && c->missing[0][0]) {
		null_chunk(&pron[0], c->missing[0], m->start);
		npron = 1;
	}
	if (src < 0 && !npron) {
		if (c->opt.explain)
			buf_printf(&c->explain, ": not coded, no source in the clause\n");
		return code_all_events(c, first_event, m, ce, flags);
	}
	if (src >= 0 && !pass && tgt != src)
		remember_subject(c, src);
	/* "threatened a curfew in Algiers": a capital standing for the source's own government
	 * is where a curfew falls, not whom it is aimed at. */
	if (tgt >= 0 && src >= 0 && tgt != src && dict_rule(d, RULE_DOMESTIC_CURB, ce->code) &&
	    grp(s, src)->n == 1 && grp(s, tgt)->n == 1 &&
	    !strcmp(chk(s, grp(s, src)->first)->code, chk(s, grp(s, tgt)->first)->code))
		tgt = -1;
	chunk fresh;
	if (tgt < 0 && d->petrarch1 && c->p1.new_actor_len > 0 &&
	    p1_new_actor_after(s, m->end, c->p1.new_actor_len, &fresh)) {
		/* PETRARCH's new_actor_length: the first noun phrase after the verb. */
		if (c->opt.explain)
			buf_printf(&c->explain, ": a new actor as target\n");
		return emit_each_source(c, first_event, m, ce, src, pron, npron, &fresh, flags);
	}
	if (tgt < 0 || tgt == src) {
		/* "A and B held talks": reciprocal within a compound source, unless a stand-in
		 * target is set (TABARI's DEFAULT: TARGET, which codes "A and B" -> DEFTAR). */
		if (src >= 0 && grp(s, src)->n > 1 && c->missing[1][0] && c->missing_loose[1]) {
			/* TABARI's DEFAULT: TARGET without AFTER: the actor after the source, even
			 * before the verb, is the target ("Bree and Arnor restored ...": BRE -> ARN). */
			const group *G = grp(s, src);
			if (c->opt.explain)
				buf_printf(&c->explain, ": no target, the source's next actor\n");
			for (uint32_t j = 1; j < G->n; j++) {
				dyad_status st = emit(c, first_event, m, ce, chk(s, G->first),
				                      chk(s, G->first + j), flags | DYAD_EVENT_COMPOUND);
				if (st)
					return st;
			}
			return DYAD_OK;
		}
		bool mutual = ce->info.quad <= 2 || !object_follows(s, m);
		if (src >= 0 && grp(s, src)->n > 1 && !c->missing[1][0] && mutual) {
			if (c->opt.explain)
				buf_printf(&c->explain, ": reciprocal\n");
			const group *G = grp(s, src);
			for (uint32_t i = 0; i < G->n; i++)
				for (uint32_t j = 0; j < G->n; j++)
					if (i != j) {
						dyad_status st = emit(c, first_event, m, ce, chk(s, G->first + i),
						                      chk(s, G->first + j),
						                      flags | DYAD_EVENT_RECIPROCAL |
						                          DYAD_EVENT_COMPOUND);
						if (st)
							return st;
					}
			return DYAD_OK;
		}
		/* "They signed an agreement", "the two countries agreed": reciprocal between the
		 * actors a plural pronoun stands for. */
		if (src < 0 && npron > 1 && !c->missing[1][0] && plural_pronoun(s, pronoun) && mutual) {
			if (c->opt.explain)
				buf_printf(&c->explain, ": reciprocal, between the pronoun's actors\n");
			for (uint32_t i = 0; i < npron; i++)
				for (uint32_t j = 0; j < npron; j++)
					if (i != j) {
						dyad_status st = emit(c, first_event, m, ce, &pron[i], &pron[j],
						                      flags | DYAD_EVENT_RECIPROCAL |
						                          DYAD_EVENT_COMPOUND);
						if (st)
							return st;
					}
			return DYAD_OK;
		}
		/* PETRARCH-1 puts the stand-in target on a noun phrase of the verb's phrase: "said
		 * on Tuesday" has one, "said today" none. */
		if (c->missing[1][0] && d->petrarch1 &&
		    !p1_noun_phrase(s, m->end, lower_end(s, m->end))) {
			if (c->opt.explain)
				buf_printf(&c->explain, ": not coded, no noun phrase after the verb\n");
			return DYAD_OK;
		}
		if (c->missing[1][0]) {
			/* PETRARCH's require_dyad = false, TABARI's DEFAULT: a stand-in target. */
			if (c->opt.explain)
				buf_printf(&c->explain, ": no target, coded with %s\n", c->missing[1]);
			chunk none;
			null_chunk(&none, c->missing[1], m->start);
			return emit_each_source(c, first_event, m, ce, src, pron, npron, &none, flags);
		}
		/* "Kenyan teachers went on strike": dissent with no target, and demands for political
		 * change ("demanded immediate elections", 104...), by people of a country who are
		 * not its state, are aimed at their own country (CAMEO's domestic protest); a
		 * government's protest is diplomatic and needs its target. Conversely,
		 * "the government imposed martial law": curbs, curfews and emergency rule by a
		 * state's own organs are aimed at its population. */
		bool curb = dict_rule(d, RULE_DOMESTIC_CURB, ce->code);
		bool dissent = dict_rule(d, RULE_DOMESTIC_DISSENT, ce->code);
		if (src >= 0 && grp(s, src)->n == 1 && (dissent || curb)) {
			const chunk *sc = chk(s, grp(s, src)->first);
			static const char *const state[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"};
			bool national = strlen(sc->code) > 3 && strncmp(sc->code, "IGO", 3) &&
			                strncmp(sc->code, "NGO", 3) && strncmp(sc->code, "IMG", 3) &&
			                strncmp(sc->code, "---", 3);
			bool civil = national;
			for (size_t i = 0; civil && i < sizeof state / sizeof *state; i++)
				civil = strncmp(sc->code + 3, state[i], 3) != 0;
			if (curb ? national && !civil : civil) {
				chunk home = *sc;
				memset(home.code + 3, 0, sizeof home.code - 3);
				if (reported(s, sc->start))
					flags |= DYAD_EVENT_REPORTED;
				if (c->opt.explain)
					buf_printf(&c->explain, ": no target, the source's country\n");
				return emit(c, first_event, m, ce, sc, &home, flags);
			}
		}
		if (c->opt.explain)
			buf_printf(&c->explain, ": not coded, no target in the clause\n");
		return DYAD_OK;
	}
	if (reported(s, src >= 0 ? grp(s, src)->start : m->start))
		flags |= DYAD_EVENT_REPORTED;
	if (c->opt.explain)
		buf_printf(&c->explain, "%s\n", flags & DYAD_EVENT_REPORTED ? " [reported]" : "");
	const group *T = grp(s, tgt);
	uint32_t ns = src >= 0 ? grp(s, src)->n : npron;
	if (ns > 1 || T->n > 1)
		flags |= DYAD_EVENT_COMPOUND;
	/* PETRARCH's new_actor_length: "X's death and injury toll" is X and a new actor. */
	chunk member;
	bool more = src >= 0 && d->petrarch1 && c->p1.new_actor_len > 0 &&
	            p1_new_actor_member(s, grp(s, src)->end, m->lemma, c->p1.new_actor_len,
	                                &member);
	for (uint32_t i = 0; i < ns + more; i++) {
		const chunk *sc = i == ns    ? &member
		                  : src >= 0 ? chk(s, grp(s, src)->first + i)
		                             : &pron[i];
		for (uint32_t j = 0; j < T->n; j++) {
			dyad_status st = emit(c, first_event, m, ce, sc, chk(s, T->first + j), flags);
			if (st)
				return st;
		}
	}
	return DYAD_OK;
}

/* `obligation` words: "Britain said (that) Sudan must reach an agreement" is a demand of
 * the speaker on the actor right before the word. */
static dyad_status code_obligations(dyad_coder *c, size_t first_event)
{
	const sentence_ctx *s = &c->ctx;
	const dyad_dict *d = c->dict;
	for (uint32_t q = s->a + 1; q < s->b; q++) {
		const obligation *ob = NULL;
		for (size_t i = 0; i < d->obligations.len && !ob; i++)
			if (VEC_AT(d->obligations, obligation, i).word == s->tok[q].id)
				ob = &VEC_AT(d->obligations, obligation, i);
		int32_t g = ob ? group_at(s, q - 1) : -1;
		if (g < 0 || grp(s, g)->end != q)
			continue;
		/* The reporting verb before the obliged actor, and its subject. */
		uint32_t r = grp(s, g)->start;
		while (r > s->a && !(flags_at(s, r - 1) & WF_REPORT))
			r--;
		if (r == s->a)
			continue;
		uint32_t pron;
		int32_t speaker = subject_before(s, r - 1, &pron, false);
		if (speaker < 0 || speaker == g || grp(s, speaker)->prep)
			continue;
		match m;
		memset(&m, 0, sizeof m);
		m.start = q;
		m.end = q + 1;
		m.lemma = q;
		m.hit = &VEC_AT(d->event_hits, event_hit, ob->hit);
		m.target = m.source = -1;
		const pattern *p = &VEC_AT(d->patterns, pattern, m.hit->pattern);
		const code_entry *ce = &VEC_AT(d->codes, code_entry, p->code);
		if (c->opt.explain) {
			explain_text(c, "  obligation ", q, q + 1);
			buf_printf(&c->explain, " %s (%s)\n", ce->code, p->where);
		}
		const group *S = grp(s, speaker), *T = grp(s, g);
		for (uint32_t i = 0; i < S->n; i++)
			for (uint32_t j = 0; j < T->n; j++) {
				dyad_status st = emit(c, first_event, &m, ce, chk(s, S->first + i),
				                      chk(s, T->first + j), DYAD_EVENT_REPORTED);
				if (st)
					return st;
			}
	}
	return DYAD_OK;
}

/* "V1 and (adverb) V2": the token of V2 when the word at p is followed by "and", perhaps a
 * lower-case adverb in -ly, and another lower-case word that may start an event; else 0. */
static uint32_t coordinated_verb(const sentence_ctx *s, uint32_t p)
{
	uint32_t r = p + 1;
	if (r + 1 >= s->b || !(flags_at(s, r) & WF_AND) || group_at(s, r) >= 0)
		return 0;
	r++;
	const token *t = &s->tok[r];
	size_t len = t->end - t->start;
	if ((t->flags & TF_WORD) && !(t->flags & TF_CAP) && len > 4 && r + 1 < s->b &&
	    !memcmp(s->text + t->end - 2, "ly", 2) && group_at(s, r) < 0)
		r++;
	t = &s->tok[r];
	if (!(t->flags & TF_WORD) || (t->flags & TF_CAP) || group_at(s, r) >= 0 ||
	    !(flags_at(s, r) & WF_EVENT_START))
		return 0;
	return r;
}

/* `petrarch2-coding`: "evidence against X was presented by Y": PETRARCH-2 finds the nouns
 * of a verb's pattern (`- * EVIDENCE`) in the subject of its passive. A pattern of the
 * passive participle at p and one noun before its "be", in its clause; false when none. */
static bool p2_subject_pattern(const sentence_ctx *s, uint32_t p, match *out)
{
	const dyad_dict *d = s->dict;
	const trie *t = &d->event_trie;
	uint32_t id = s->tok[p].id;
	if (!d->petrarch2 || id >= d->p2_past.len || !VEC_AT(d->p2_past, uint8_t, id))
		return false;
	uint32_t be = p;
	while (be > s->a && p - be < 2 && !(flags_at(s, be - 1) & WF_BE) &&
	       group_at(s, be - 1) < 0 && (s->tok[be - 1].flags & TF_WORD))
		be--;
	if (be == s->a || !(flags_at(s, be - 1) & WF_BE))
		return false;
	uint32_t node = trie_child(t, 0, id);
	uint32_t gap = node ? trie_child(t, node, WORD_LONGGAP) : 0;
	if (!gap)
		gap = node ? trie_child(t, node, WORD_GAP) : 0;
	for (uint32_t q = be - 1, k = 0; gap && q > s->a && k < 8; k++) {
		q--;
		if (group_at(s, q) >= 0) {
			q = grp(s, group_at(s, q))->start;
			continue;
		}
		if (boundary(s, q, true))
			break;
		uint32_t n2 = trie_child(t, gap, s->tok[q].id);
		uint32_t h = n2 ? VEC_AT(t->hit, uint32_t, n2) : 0;
		if (!h)
			continue;
		const event_hit *hit = &VEC_AT(d->event_hits, event_hit, h - 1);
		if (VEC_AT(d->patterns, pattern, hit->pattern).null)
			continue;
		memset(out, 0, sizeof *out);
		out->start = p;
		out->end = p + 1;
		out->lemma = p;
		out->hit = hit;
		out->target = out->source = -1;
		return true;
	}
	return false;
}

/* ---------------------------------------------------------------- TABARI (tabari.c) */

bool coder_match_at(const sentence_ctx *s, uint32_t p, match *out)
{
	search S;
	S.s = s;
	S.t = &s->dict->event_trie;
	int32_t g = group_at(s, p);
	bool slot_start = g >= 0 && grp(s, g)->start == p && (VEC_AT(S.t->has_gap, uint8_t, 0) & 2);
	bool soft = g >= 0 && soft_group(s, p);
	uint32_t stem = s->stem ? s->stem[p - s->a] : 0;
	uint32_t f = flags_at(s, p) | (stem ? word_flags(s->dict, stem) : 0);
	if (!usable(s, p) || (g >= 0 && !slot_start && !soft) ||
	    ((g < 0 || soft) && !slot_start && !(f & WF_EVENT_START)))
		return false;
	S.found = false;
	S.tabari = true;
	memset(S.slot, 0, sizeof S.slot);
	for (int i = 0; i < 48; i++)
		S.skip[i] = -1;
	walk(&S, 0, p, p, 0, -1, -1);
	if (S.found)
		*out = S.best;
	return S.found;
}

dyad_status coder_emit(dyad_coder *c, size_t first_event, const match *m, const code_entry *ce,
                       const chunk *src, const chunk *tgt, unsigned flags)
{
	return emit(c, first_event, m, ce, src, tgt, flags);
}

tabari_opts *coder_tabari_options(dyad_coder *c)
{
	return c ? &c->tabari.opt : NULL;
}

static dyad_status code_sentence(dyad_coder *c)
{
	sentence_ctx *s = &c->ctx;
	memcpy(s->agent_alone, c->agent_alone_set ? c->agent_alone : c->dict->agent_alone,
	       sizeof s->agent_alone);
	dyad_status st = analyse_actors(s);
	if (st)
		return st;
	/* PETRARCH's comma-delimited clauses of some lengths are not coded. */
	bool dropped = false;
	st = p1_drop_comma_clauses(s, &c->p1, &dropped);
	if (!st && dropped)
		st = analyse_actors(s);
	if (st)
		return st;
	if (c->opt.explain) {
		buf_printf(&c->explain, "[%d] ", c->sentence);
		explain_text(c, "", s->a, s->b);
		buf_printf(&c->explain, "\n");
		if (dropped) {
			buf_printf(&c->explain, "  comma clauses dropped, coding");
			for (uint32_t q = s->a; q < s->b; q++)
				explain_text(c, " ", q, q + 1);
			buf_printf(&c->explain, "\n");
		}
	}
	st = push_actor_list(c);
	if (st)
		return st;
	/* PETRARCH's discards: the sentence (or the whole document) codes nothing. */
	if (s->discard >= 2) {
		if (s->discard == 3)
			c->discard_document = true;
		if (c->opt.explain)
			buf_printf(&c->explain, "  discarded (a discard-%s phrase)\n",
			           s->discard == 3 ? "document" : "sentence");
		return DYAD_OK;
	}
	size_t first_event = c->events.len;
	if (c->dict->tabari_coding) {
		tabari_env E = {c, s, &c->tabari, c->opt.explain ? &c->explain : NULL, first_event,
		                {c->missing[0], c->missing[1]},
		                {c->missing_loose[0], c->missing_loose[1]}, c->complex_verbs,
		                c->complex_conj, c->last_subject, &c->nlast_subject};
		return tabari_code_sentence(&E);
	}
	c->prev_source = -1;
	c->rep = false;
	c->match_code = c->prev_code = NULL;
	search S;
	S.s = s;
	S.t = &c->dict->event_trie;
	S.tabari = false;
	match prev;
	bool have_prev = false;
	int32_t first_subject = -1;
	int nverbs = 0;
	uint32_t p1_cover = 0; /* `petrarch1-coding`: end of the last coded verb's phrase */
	for (uint32_t p = s->a; p < s->b;) {
		/* A match starts at a word outside actors, or at an actor for a `+`/`$` slot. */
		int32_t g = group_at(s, p);
		bool slot_start = g >= 0 && grp(s, g)->start == p &&
		                  (VEC_AT(S.t->has_gap, uint8_t, 0) & 2);
		bool soft = g >= 0 && soft_group(s, p);
		if (!usable(s, p) || (g >= 0 && !slot_start && !soft) ||
		    ((g < 0 || soft) && !slot_start && !(flags_at(s, p) & WF_EVENT_START))) {
			p++;
			continue;
		}
		S.found = false;
		walk(&S, 0, p, p, 0, -1, -1);
		/* "donated and delivered aid to X": a verb whose own pattern needs words that follow a
		 * second verb shares them; matching resumes at the second verb. */
		uint32_t second = S.found ? 0 : coordinated_verb(s, p);
		if (second) {
			uint32_t child = trie_child(S.t, 0, s->tok[p].id);
			S.at[0] = p;
			if (child)
				walk(&S, child, second + 1, p, 1, -1, -1);
		}
		if ((!S.found || S.best.end == p + 1) && p2_subject_pattern(s, p, &S.best))
			S.found = true;
		if (!S.found) {
			p++;
			continue;
		}
		match m = S.best;
		if (c->complex_verbs && !after_determiner(s, &m) &&
		    VEC_AT(c->dict->patterns, pattern, m.hit->pattern).kind == PAT_VERB)
			nverbs++;
		/* PETRARCH-1 codes no verb inside the verb phrase of a verb it has coded. */
		if (c->dict->petrarch1 && m.start < p1_cover) {
			if (c->opt.explain) {
				explain_text(c, "  event ", m.start, m.end);
				buf_printf(&c->explain, ": not coded, inside the verb phrase of an event\n");
			}
			p = m.end;
			continue;
		}
		size_t before = c->events.len;
		st = code_match(c, first_event, &m, have_prev ? &prev : NULL);
		if (st)
			return st;
		if (c->dict->petrarch1 && c->events.len > before)
			p1_cover = lower_end(s, m.end);
		c->prev_events = before;
		c->prev_code = c->match_code;
		/* `petrarch2-coding`: a reporting verb, or a verb with a "that" clause, takes the
		 * verbs of the clause after it (p2_code_nested). */
		if (c->dict->petrarch2 && c->match_code &&
		    ((flags_at(s, m.lemma) & WF_REPORT) ||
		     (m.end < s->b && (flags_at(s, m.end) & WF_THAT))) &&
		    VEC_AT(c->dict->patterns, pattern, m.hit->pattern).kind == PAT_VERB) {
			c->rep = true;
			c->rep_code = c->match_code;
			c->rep_src = c->prev_source;
			c->rep_end = m.end;
			c->rep_from = before;
			c->rep_to = c->events.len;
		}
		prev = m;
		have_prev = true;
		p = second ? second : m.end;
	}
	if (c->dict->obligations.len) {
		st = code_obligations(c, first_event);
		if (st)
			return st;
	}
	/* TABARI's COMPLEX: a sentence with too many verbs or conjunctions codes nothing. */
	if ((c->complex_verbs && nverbs >= c->complex_verbs) ||
	    (c->complex_conj && conjunctions(s) >= c->complex_conj)) {
		if (c->opt.explain)
			buf_printf(&c->explain, "  too complex (%d verbs): not coded\n", nverbs);
		c->events.len = first_event;
	}
	/* Subordinate events (`verb 023?`, TABARI's "said") stand only when nothing else was
	 * coded in the sentence. */
	size_t nev = c->events.len - first_event, kept = 0;
	dyad_event *ev = nev ? (dyad_event *)c->events.data + first_event : NULL;
	bool other = false;
	for (size_t i = 0; i < nev; i++)
		other |= !(ev[i].flags & DYAD_EVENT_SUBORDINATE);
	for (size_t i = 0; i < nev; i++)
		if (!other || !(ev[i].flags & DYAD_EVENT_SUBORDINATE))
			ev[kept++] = ev[i];
	if (kept < nev && c->opt.explain)
		buf_printf(&c->explain, "  %zu subordinate event(s) dropped: the sentence has others\n",
		           nev - kept);
	c->events.len = first_event + kept;
	/* The sentence's first free-standing group becomes the antecedent of later pronouns. */
	for (size_t g = 0; g < s->groups.len; g++)
		if (!grp(s, (int32_t)g)->prep) {
			first_subject = (int32_t)g;
			break;
		}
	if (first_subject >= 0 && c->events.len == first_event)
		remember_subject(c, first_subject);
	return DYAD_OK;
}

static dyad_status code_field(dyad_coder *c, const char *text, size_t len, int field,
                              dyad_error *err)
{
	c->tokens.len = 0;
	c->sentences.len = 0;
	size_t bad = 0;
	dyad_status st = tokenize(&c->dict->words, text, len, &c->tokens, &bad);
	if (st == DYAD_EUTF8 && err) {
		memset(err, 0, sizeof *err);
		snprintf(err->id, sizeof err->id, "%s", c->doc->id ? c->doc->id : "");
		snprintf(err->message, sizeof err->message, "invalid UTF-8 in %s at byte %zu",
		         field ? "title" : "text", bad);
	}
	if (st)
		return st;
	st = split_sentences(c->tokens.data, c->tokens.len, text, &c->sentences);
	if (st)
		return st;
	c->field = field;
	c->ctx.text = text;
	c->ctx.tok = c->tokens.data;
	for (size_t i = 0; i < c->sentences.len; i += 2) {
		uint32_t a = VEC_AT(c->sentences, uint32_t, i);
		uint32_t b = VEC_AT(c->sentences, uint32_t, i + 1);
		dyad_sentence *os = vec_push(&c->out_sentences, 1);
		if (!os)
			return DYAD_ENOMEM;
		c->ctx.tok = c->tokens.data; /* code_sentence may point it at a shorter copy */
		os->field = field;
		os->span.start = c->ctx.tok[a].start;
		os->span.end = c->ctx.tok[b - 1].end;
		c->ctx.a = a;
		c->ctx.b = b;
		st = code_sentence(c);
		if (st)
			return st;
		c->sentence++;
	}
	return DYAD_OK;
}

dyad_status dyad_coder_code(dyad_coder *c, const dyad_doc *doc, dyad_error *err)
{
	if (!c || !doc || (!doc->text && doc->text_len))
		return DYAD_EINVAL;
	c->doc = doc;
	c->events.len = 0;
	c->actors.len = 0;
	c->out_sentences.len = 0;
	c->explain.len = 0;
	if (c->explain.data)
		c->explain.data[0] = 0;
	c->sentence = 0;
	c->discard_document = false;
	if (!c->continue_doc) {
		c->nlast_subject = 0;
		c->last_pair[0][0] = 0;
	}
	for (int i = 0; c->continue_doc == 2 && i < c->nlast_subject; i++)
		memset(c->last_subject[i] + 3, 0, sizeof c->last_subject[i] - 3);
	c->continue_doc = 0;
	c->ctx.date = doc->date;
	if (doc->text_len > DYAD_MAX_DOC_BYTES || doc->title_len > DYAD_MAX_DOC_BYTES) {
		if (err) {
			memset(err, 0, sizeof *err);
			snprintf(err->id, sizeof err->id, "%s", doc->id ? doc->id : "");
			snprintf(err->message, sizeof err->message, "document larger than %u bytes",
			         DYAD_MAX_DOC_BYTES);
		}
		return DYAD_ELIMIT;
	}
	dyad_status st = DYAD_OK;
	if (doc->title && doc->title_len)
		st = code_field(c, doc->title, doc->title_len, 1, err);
	if (!st && doc->text_len)
		st = code_field(c, doc->text, doc->text_len, 0, err);
	if (!st && c->discard_document)
		c->events.len = 0;
	return st;
}
