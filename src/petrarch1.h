/* petrarch1.h - PETRARCH-1's clause rules (`petrarch1-coding`), approximated without its
 * parse trees: used by the coder for dictionaries translated from PETRARCH-1's format. */
#ifndef DYAD_PETRARCH1_H
#define DYAD_PETRARCH1_H

#include "analysis.h"

/* The coder's PETRARCH state: comma-clause limits and the scratch copy of a sentence's
 * tokens without its dropped clauses (grown once, reused). */
typedef struct p1_state {
	dyad_comma_limits comma;
	bool comma_set;        /* dyad_coder_set_comma_clauses was called */
	int new_actor_len;     /* dyad_coder_set_new_actor_length: 0 off */
	vec tokens;            /* token */
	vec drop;              /* uint8_t by token - a */
} p1_state;

DYAD_HIDDEN void p1_state_init(p1_state *p);
DYAD_HIDDEN void p1_state_free(p1_state *p);

/* Drops the comma-delimited clauses of sentence s (analysed by analyse_actors) whose lengths
 * fall within the limits. When some are dropped the kept tokens are copied to p->tokens,
 * s->tok, s->a and s->b point at them and *changed is set; the caller analyses again. */
DYAD_HIDDEN dyad_status p1_drop_comma_clauses(sentence_ctx *s, p1_state *p, bool *changed);

/* Whether token q, which ends a clause for dyad, stays inside the verb phrase in which
 * PETRARCH-1 looks for a verb's target: a subordinate clause ("denounced the decision after
 * X attacked"), "that", a form of "be" in a chain of verbs ("is said to be ready to restore
 * ties with X"), a comma that starts no new clause. */
DYAD_HIDDEN bool p1_lower_continues(const sentence_ctx *s, uint32_t q);

/* Whether token q, which is no clause boundary for dyad, ends the verb phrase in which
 * PETRARCH-1 looks for a target: "and" before another verb. */
DYAD_HIDDEN bool p1_phrase_ends(const sentence_ctx *s, uint32_t q);

/* Whether tokens [from, to) hold a noun phrase (a determiner or possessive, a name, a
 * number, a word after a preposition): PETRARCH-1's parse makes it an actor phrase with no
 * code, which takes require_dyad = false's stand-in target ("said on Tuesday"; not "said
 * today"). */
DYAD_HIDDEN bool p1_noun_phrase(const sentence_ctx *s, uint32_t from, uint32_t to);

/* Where a pattern's actor slot at token q may find its actor: after determiners,
 * prepositions, "that" and plain words, at most three ("noticed that X", "Harvest Day with
 * X"). */
DYAD_HIDDEN uint32_t p1_slot_start(const sentence_ctx *s, uint32_t q);

/* How far after an actor ending at e a slot's noun phrase and the auxiliaries after it go
 * ("X's ferry crew was", "X will be"): the last token the pattern may go on at. */
DYAD_HIDDEN uint32_t p1_slot_end(const sentence_ctx *s, uint32_t e);

/* PETRARCH's new actors (`new_actor_length`): the noun phrase without an actor that ends
 * right before the verb at token verb (across auxiliaries), or the first one after token
 * from (past a preposition), of 1..max words. On success out spans it, its code is the
 * new-actor mark P1_NEW_ACTOR and its entry "new actor". */
#define P1_NEW_ACTOR "\""
DYAD_HIDDEN bool p1_new_actor_before(const sentence_ctx *s, uint32_t verb, int max, chunk *out);
/* "X's death and injury toll rose": the noun phrase without an actor after "and" that
 * ends at the verb, joined to the phrase of the actor ending at actor_end (PETRARCH-1's
 * parse makes them a compound). */
DYAD_HIDDEN bool p1_new_actor_member(const sentence_ctx *s, uint32_t actor_end, uint32_t verb,
                                     int max, chunk *out);
DYAD_HIDDEN bool p1_new_actor_after(const sentence_ctx *s, uint32_t from, int max, chunk *out);

/* The code of chunk k into out[32]: its code, or for a new actor its text in capitals and
 * double quotes (cut at 31 bytes). */
DYAD_HIDDEN void p1_chunk_code(const sentence_ctx *s, const chunk *k, char out[32]);

#endif
