/* petrarch1.c - PETRARCH-1's clause rules (`petrarch1-coding`), approximated from the text:
 * PETRARCH-1 drops comma-delimited clauses by length and reads a verb's target from the
 * whole verb phrase of its parse tree. */
#include "petrarch1.h"

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

uint32_t p1_slot_start(const sentence_ctx *s, uint32_t q)
{
	uint32_t r = q;
	while (r < s->b && r - q < 3 && group_of(s, r) < 0 &&
	       ((word_flags(s->dict, s->tok[r].id) & (WF_DET | WF_PRONPOSS | WF_THAT | WF_PREP)) ||
	        plain_word(s, r)))
		r++;
	return r;
}

uint32_t p1_slot_end(const sentence_ctx *s, uint32_t e)
{
	uint32_t r = e;
	while (r < s->b && r - e < 5 && group_of(s, r) < 0 &&
	       ((word_flags(s->dict, s->tok[r].id) & (WF_POSS | WF_BE | WF_MODAL)) ||
	        plain_word(s, r)))
		r++;
	return r;
}
