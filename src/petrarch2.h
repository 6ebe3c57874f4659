/* petrarch2.h - PETRARCH-2's verb combinations (its internal coding ontology) and its
 * transformations of nested events, for dictionaries translated from PETRARCH-2. */
#ifndef DYAD_PETRARCH2_H
#define DYAD_PETRARCH2_H

#include "internal.h"

/* PETRARCH-2's internal value of a CAMEO code (its "PICO" value): a code missing from the
 * ontology takes its root's value ("0874" has its own, "0876" would be "080"'s). Returns
 * false for a code whose root is not in it either. */
DYAD_HIDDEN bool p2_value(const char *code, int32_t *out);
/* The code of d with an internal value, NULL when none (PETRARCH-2 then codes nothing). */
DYAD_HIDDEN const code_entry *p2_code(const dyad_dict *d, int32_t value);
/* An upper verb's value combined with its complement's ("will help": 030 + 070 = 033). */
DYAD_HIDDEN int32_t p2_combine(int32_t upper, int32_t lower);

/* `transform A ( B C LOWER ) UPPER = X Y CODE`: an event B -> C (LOWER) nested under an
 * upper verb of A (UPPER) is the event X -> Y CODE. Letters are actors, `.` any actor, `_`
 * no actor; LOWER may be `Q` (any code) and CODE `Q` (the lower event's code). */
typedef struct p2_transform {
	char src, lsrc, ltgt, osrc, otgt;
	int32_t upper, lower;  /* internal values; lower -1 for Q */
	char code[8];          /* "Q" for the lower event's code */
} p2_transform;

/* Parses the text after `transform`; returns NULL when it is valid, else a message. */
DYAD_HIDDEN const char *p2_transform_parse(const char *s, size_t n, p2_transform *out);

/* The actors of a nested event: 0 none, else any nonzero id that equal actors share. */
typedef struct p2_nest {
	uint32_t a, b, c;      /* upper source, lower source, lower target */
	int32_t upper, lower;  /* internal values */
} p2_nest;

/* Applies the first transformation of d that fits (specific lower codes before `Q`, a lower
 * source that is the upper one before others). Writes the actors of the result as 'a', 'b'
 * or 'c' (which of n's they are, 0 for none) and its code; false when none fits. */
DYAD_HIDDEN bool p2_transform_apply(const dyad_dict *d, const p2_nest *n, char *src, char *tgt,
                                    char code[8]);

#endif
