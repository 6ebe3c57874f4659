/* petrarch1.c - PETRARCH-1's clause rules (`petrarch1-coding`), approximated from the text:
 * PETRARCH-1 drops comma-delimited clauses by length and reads a verb's target from the
 * whole verb phrase of its parse tree. */
#include "petrarch1.h"

#include <stdio.h>
#include <string.h>

/* PETRARCH-1's defaults (its PETR_config.ini): internal 2-8 words, initial off, final 2-8. */
static const dyad_comma_limits p1_defaults = {2, 8, 0, 0, 2, 8};

void p1_state_init(p1_state *p)
{
	memset(p, 0, sizeof *p);
	vec_init(&p->tokens, sizeof(token));
	vec_init(&p->drop, sizeof(uint8_t));
}

void p1_state_free(p1_state *p)
{
	vec_free(&p->tokens);
	vec_free(&p->drop);
}

static int32_t group_of(const sentence_ctx *s, uint32_t q)
{
	return VEC_AT(s->group_of, int32_t, q - s->a);
}

/* A plain lower-case word: no word class the coder knows, not a verb of a pattern. */
static bool plain_word(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	uint32_t f = word_flags(s->dict, t->id) & ~(uint32_t)(WF_ACTOR_START | WF_DISCARD_START);
	return (t->flags & TF_WORD) && !(t->flags & TF_CAP) && !f && group_of(s, q) < 0;
}

/* A comma that delimits clauses: not inside a list of actors, not between two adjectives
 * ("long, warm ties", which the parser keeps in one noun phrase). */
static bool clause_comma(const sentence_ctx *s, uint32_t q)
{
	if (s->tok[q].punct != ',' || group_of(s, q) >= 0)
		return false;
	return !(q > s->a && q + 1 < s->b && plain_word(s, q - 1) && plain_word(s, q + 1));
}

/* PETRARCH-1 counts the words that begin with a letter (not "'s", not "12"). */
static int words_in(const sentence_ctx *s, uint32_t from, uint32_t to)
{
	int n = 0;
	for (uint32_t q = from; q < to; q++) {
		unsigned char c = (unsigned char)s->text[s->tok[q].start];
		n += (s->tok[q].flags & TF_WORD) && (c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u);
	}
	return n;
}

static bool within(int n, int lo, int hi)
{
	return hi > 0 && n >= lo && n <= hi;
}

dyad_status p1_drop_comma_clauses(sentence_ctx *s, p1_state *p, bool *changed)
{
	*changed = false;
	const dyad_comma_limits *L = p->comma_set ? &p->comma : &p1_defaults;
	if (!p->comma_set && !s->dict->petrarch1)
		return DYAD_OK;
	uint32_t n = s->b - s->a, first = UINT32_MAX, last = UINT32_MAX;
	for (uint32_t q = s->a; q < s->b; q++)
		if (clause_comma(s, q)) {
			if (first == UINT32_MAX)
				first = q;
			last = q;
		}
	if (first == UINT32_MAX)
		return DYAD_OK;
	p->drop.len = 0;
	uint8_t *drop = vec_push(&p->drop, n);
	if (!drop)
		return DYAD_ENOMEM;
	memset(drop, 0, n);
	/* The end of the last clause: before the sentence's final punctuation. */
	uint32_t end = s->b;
	while (end > s->a && !(s->tok[end - 1].flags & TF_WORD))
		end--;
	bool any = false;
	if (within(words_in(s, s->a, first), L->bmin, L->bmax)) {
		memset(drop, 1, first + 1 - s->a);
		any = true;
	}
	if (last < end && within(words_in(s, last + 1, end), L->emin, L->emax)) {
		memset(drop + (last - s->a), 1, end - last);
		any = true;
	}
	/* Each clause between two commas: the clause and its opening comma. */
	for (uint32_t q = first; L->max > 0 && q < last;) {
		uint32_t r = q + 1;
		while (!clause_comma(s, r))
			r++;
		if (within(words_in(s, q + 1, r), L->min, L->max)) {
			memset(drop + (q - s->a), 1, r - q);
			any = true;
		}
		q = r;
	}
	if (!any)
		return DYAD_OK;
	p->tokens.len = 0;
	for (uint32_t q = s->a; q < s->b; q++) {
		if (drop[q - s->a])
			continue;
		token *t = vec_push(&p->tokens, 1);
		if (!t)
			return DYAD_ENOMEM;
		*t = s->tok[q];
	}
	if (!p->tokens.len)
		return DYAD_OK;
	s->tok = p->tokens.data;
	s->a = 0;
	s->b = (uint32_t)p->tokens.len;
	*changed = true;
	return DYAD_OK;
}

/* A word that may be part of a noun phrase before its verb: a determiner, a plain word, a
 * name the dictionaries do not know ("the news agency KLP"). */
static bool np_word(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	uint32_t f = word_flags(s->dict, t->id) & ~(uint32_t)(WF_ACTOR_START | WF_DISCARD_START);
	return (t->flags & TF_WORD) && (!f || f == WF_DET);
}

/* Whether a new clause starts after the comma at q: a noun phrase with an actor, or one
 * that begins with a determiner, followed by a verb ("..., a senior Sylvanian official said",
 * "..., the news agency KLP said"). */
static bool clause_after_comma(const sentence_ctx *s, uint32_t q)
{
	uint32_t r = q + 1;
	bool det = r < s->b && (word_flags(s->dict, s->tok[r].id) & WF_DET);
	bool actor = false;
	for (int words = 0; r < s->b && words < 8; r++, words++) {
		int32_t g = group_of(s, r);
		if (g >= 0) {
			actor = true;
			r = VEC_AT(s->groups, group, g).end - 1;
			continue;
		}
		if (!np_word(s, r))
			break;
	}
	return r < s->b && (actor || det) && r > q + 1 &&
	       (word_flags(s->dict, s->tok[r].id) & (WF_REPORT | WF_EVENT_START)) &&
	       !(s->tok[r].flags & TF_CAP);
}

/* "denounced Sylvania and attacked Marxland": "and" before a verb starts another verb
 * phrase. */
static bool and_verb(const sentence_ctx *s, uint32_t q)
{
	if (!(word_flags(s->dict, s->tok[q].id) & WF_AND) || group_of(s, q) >= 0 || q + 1 >= s->b)
		return false;
	const token *t = &s->tok[q + 1];
	return (t->flags & TF_WORD) && !(t->flags & TF_CAP) && group_of(s, q + 1) < 0 &&
	       (word_flags(s->dict, t->id) & (WF_EVENT_START | WF_REPORT));
}

bool p1_phrase_ends(const sentence_ctx *s, uint32_t q)
{
	return and_verb(s, q);
}

bool p1_lower_continues(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	if (t->punct == ',')
		return !clause_after_comma(s, q);
	if (t->flags & TF_PUNCT)
		return false;
	uint32_t f = word_flags(s->dict, t->id);
	return (f & (WF_SUBORD | WF_BE | WF_REPORT | WF_THAT)) && !(f & WF_REL);
}

bool p1_noun_phrase(const sentence_ctx *s, uint32_t from, uint32_t to)
{
	for (uint32_t q = from; q < to; q++) {
		const token *t = &s->tok[q];
		if (!(t->flags & TF_WORD))
			continue;
		uint32_t f = word_flags(s->dict, t->id);
		if ((f & (WF_DET | WF_PRONPOSS)) || (t->flags & TF_CAP) ||
		    (s->text[t->start] >= '0' && s->text[t->start] <= '9') ||
		    (q > from && (word_flags(s->dict, s->tok[q - 1].id) & WF_PREP)))
			return true;
	}
	return false;
}

/* "anti-" in "an anti- Sylvania march": a lower-case word and the hyphen that ends it. */
static bool prefix_word(const sentence_ctx *s, uint32_t q)
{
	if (s->tok[q].punct == '-' && q == s->a)
		return false;
	uint32_t w = s->tok[q].punct == '-' ? q - 1 : q;
	if (w + 1 >= s->b || s->tok[w + 1].punct != '-' ||
	    (s->tok[w + 1].flags & TF_SPACE))
		return false;
	const token *t = &s->tok[w];
	return (t->flags & TF_WORD) && !(t->flags & TF_CAP) && group_of(s, w) < 0;
}

/* "has", "have", "had": an auxiliary before the verb ("X has received"). */
static bool have_aux(const sentence_ctx *s, uint32_t q)
{
	static const char *const have[] = {"has", "have", "had"};
	const char *w = VEC_AT(s->dict->words.words, const char *, s->tok[q].id);
	for (size_t i = 0; w && i < sizeof have / sizeof *have; i++)
		if (!strcmp(w, have[i]))
			return true;
	return false;
}

/* "was seen to", "is expected to": a lower-case verb of a chain of verbs before "to". */
static bool verb_before_to(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	return (t->flags & TF_WORD) && !(t->flags & TF_CAP) && q + 1 < s->b &&
	       (word_flags(s->dict, t->id) & (WF_EVENT_START | WF_REPORT)) &&
	       (word_flags(s->dict, s->tok[q + 1].id) & WF_TO) && group_of(s, q + 1) < 0;
}

uint32_t p1_slot_start(const sentence_ctx *s, uint32_t q)
{
	uint32_t r = q;
	while (r < s->b && r - q < 3 && group_of(s, r) < 0 &&
	       ((word_flags(s->dict, s->tok[r].id) & (WF_DET | WF_PRONPOSS | WF_THAT | WF_PREP)) ||
	        plain_word(s, r) || prefix_word(s, r)))
		r++;
	return r;
}

uint32_t p1_slot_end(const sentence_ctx *s, uint32_t e)
{
	uint32_t r = e;
	while (r < s->b && r - e < 5 && group_of(s, r) < 0 &&
	       ((word_flags(s->dict, s->tok[r].id) & (WF_POSS | WF_BE | WF_MODAL | WF_TO)) ||
	        plain_word(s, r) || have_aux(s, r) || verb_before_to(s, r)))
		r++;
	return r;
}

/* A word of a new actor's noun phrase: a determiner, a possessive, a name or a plain word
 * (one that begins a pattern too: "head"), not inside an actor. */
static bool new_actor_word(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	uint32_t f = word_flags(s->dict, t->id) &
	             ~(uint32_t)(WF_ACTOR_START | WF_EVENT_START | WF_DISCARD_START);
	if (group_of(s, q) >= 0 || !(t->flags & TF_WORD))
		return false;
	return !f || f == WF_DET || f == WF_POSS || ((t->flags & TF_CAP) && !(f & ~WF_DET));
}

static bool is_of(const sentence_ctx *s, uint32_t q)
{
	const char *w = VEC_AT(s->dict->words.words, const char *, s->tok[q].id);
	return w && !strcmp(w, "of");
}

static bool new_actor(const sentence_ctx *s, uint32_t from, uint32_t to, int max, chunk *out)
{
	int n = words_in(s, from, to);
	if (from >= to || n < 1 || n > max)
		return false;
	memset(out, 0, sizeof *out);
	out->start = from;
	out->end = to;
	memcpy(out->code, P1_NEW_ACTOR, sizeof P1_NEW_ACTOR);
	out->entry = "new actor";
	return true;
}

/* The start of the noun phrase without an actor that ends at the verb at token verb
 * (across auxiliaries); *end is set to its end. */
static uint32_t phrase_before(const sentence_ctx *s, uint32_t verb, uint32_t *end)
{
	uint32_t e = verb;
	while (e > s->a && group_of(s, e - 1) < 0 &&
	       ((word_flags(s->dict, s->tok[e - 1].id) & (WF_BE | WF_MODAL)) ||
	        have_aux(s, e - 1)))
		e--;
	uint32_t start = e;
	while (start > s->a && new_actor_word(s, start - 1))
		start--;
	*end = e;
	return start;
}

bool p1_new_actor_member(const sentence_ctx *s, uint32_t actor_end, uint32_t verb, int max,
                         chunk *out)
{
	uint32_t end, start = phrase_before(s, verb, &end);
	if (start <= actor_end || !(word_flags(s->dict, s->tok[start - 1].id) & WF_AND))
		return false;
	for (uint32_t q = actor_end; q < start - 1; q++)
		if (!new_actor_word(s, q) || (word_flags(s->dict, s->tok[q].id) & WF_DET))
			return false;
	return new_actor(s, start, end, max, out);
}

bool p1_new_actor_before(const sentence_ctx *s, uint32_t verb, int max, chunk *out)
{
	uint32_t end = verb;
	while (end > s->a && group_of(s, end - 1) < 0 &&
	       ((word_flags(s->dict, s->tok[end - 1].id) & (WF_BE | WF_MODAL)) || have_aux(s, end - 1)))
		end--;
	uint32_t start = end;
	while (start > s->a && new_actor_word(s, start - 1))
		start--;
	/* The phrase begins the sentence or a clause. */
	if (start > s->a) {
		const token *b = &s->tok[start - 1];
		uint32_t f = word_flags(s->dict, b->id);
		if (group_of(s, start - 1) >= 0 ||
		    !(b->punct == ',' || b->punct == ';' || (f & (WF_THAT | WF_SUBORD))))
			return false;
	}
	return new_actor(s, start, end, max, out);
}

bool p1_new_actor_after(const sentence_ctx *s, uint32_t from, int max, chunk *out)
{
	uint32_t q = from;
	if (q < s->b && group_of(s, q) < 0 && (word_flags(s->dict, s->tok[q].id) & WF_PREP) &&
	    !is_of(s, q))
		q++;
	uint32_t start = q;
	while (q < s->b && (new_actor_word(s, q) || (q > start && is_of(s, q))))
		q++;
	while (q > start && is_of(s, q - 1))
		q--;
	if (q < s->b && group_of(s, q) >= 0)
		return false; /* "the ministry of X": X's noun phrase */
	return new_actor(s, start, q, max, out);
}

void p1_chunk_code(const sentence_ctx *s, const chunk *k, char out[32])
{
	if (strcmp(k->code, P1_NEW_ACTOR)) {
		snprintf(out, 32, "%s", k->code);
		return;
	}
	size_t n = 0;
	out[n++] = '"';
	for (uint32_t q = k->start; q < k->end && n < 31; q++) {
		const token *t = &s->tok[q];
		if (!(t->flags & TF_WORD) || (word_flags(s->dict, t->id) & WF_POSS))
			continue;
		if (n > 1 && n < 31)
			out[n++] = ' ';
		for (uint32_t i = t->start; i < t->end && n < 31; i++) {
			unsigned char c = (unsigned char)s->text[i];
			out[n++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
		}
	}
	if (n < 31)
		out[n++] = '"';
	out[n] = 0;
}
