/* tabari.h - TABARI's shallow coding rules (the `tabari-coding` keyword): the interface
 * between the event coder (coder.c), which finds actors and matches patterns, and tabari.c,
 * which decides clauses, sources and targets the way TABARI does. */
#ifndef DYAD_TABARI_H
#define DYAD_TABARI_H

#include "analysis.h"

/* SET: CODE BY ... : which events of a sentence are coded. */
enum { TABARI_BY_CLAUSE, TABARI_BY_SENTENCE, TABARI_ALL };

/* COMMA: limits, in words, of the comma-delimited clauses deleted before coding. */
enum { COMMA_MIN, COMMA_MAX, COMMA_EMIN, COMMA_EMAX, COMMA_BMIN, COMMA_BMAX };

/* The options of a TABARI project that tabari.c applies (the rest stay with the coder). */
typedef struct tabari_opts {
	int code_by;           /* TABARI_BY_CLAUSE (the default), _BY_SENTENCE or TABARI_ALL */
	bool comma_off;        /* COMMA: OFF */
	int comma[6];          /* COMMA: MIN= MAX= EMIN= EMAX= BMIN= BMAX= */
	bool noactprior;       /* COMPLEX: NOACTPRIOR: no actor before the first verb, no events */
} tabari_opts;

/* The coder's TABARI state: options and per-sentence scratch arrays, reused. */
typedef struct tabari_state {
	tabari_opts opt;
	vec bytes;             /* uint8_t: masks by token */
	vec items;             /* the sentence's actors and pronouns (tabari.c) */
	vec found;             /* its verb patterns */
	vec defer;             /* its subordinate events */
} tabari_state;

/* What tabari_code_sentence needs from the coder for one sentence. */
typedef struct tabari_env {
	dyad_coder *coder;
	sentence_ctx *s;       /* analysed by analyse_actors */
	tabari_state *t;
	buf *explain;          /* NULL unless explaining */
	size_t first_event;    /* the sentence's first event in the coder */
	const char *missing[2];/* DEFAULT: SOURCE and TARGET stand-ins, "" none */
	bool missing_loose[2]; /* DEFAULT without PRIOR, without AFTER */
	int complex_verbs, complex_conj; /* COMPLEX: VERBS[n] CONJ[n], 0 none */
	char (*last)[16];      /* the previous sentence's first actor (FORWARD), by value */
	int *nlast;
} tabari_env;

DYAD_HIDDEN void tabari_state_init(tabari_state *t);
DYAD_HIDDEN void tabari_state_free(tabari_state *t);
/* Applies the text of one TABARI option ("COMMA: MIN = 4 MAX = 6", "SET: CODE BY
 * SENTENCE", "COMPLEX: ... NOACTPRIOR") to o; options it does not know change nothing. */
DYAD_HIDDEN void tabari_option(tabari_opts *o, const char *text);
/* Codes the sentence of E->s with TABARI's rules through coder_emit. */
DYAD_HIDDEN dyad_status tabari_code_sentence(const tabari_env *E);

/* From coder.c. The longest event pattern that starts at token p (false if none). */
DYAD_HIDDEN bool coder_match_at(const sentence_ctx *s, uint32_t p, match *out);
/* Adds the event src -> tgt with code ce for match m (and its pair), unless the actors are
 * one or it is a duplicate of an event since first_event. */
DYAD_HIDDEN dyad_status coder_emit(dyad_coder *c, size_t first_event, const match *m,
                                   const code_entry *ce, const chunk *src, const chunk *tgt,
                                   unsigned flags);
/* The coder's TABARI options, for dyad validate. */
DYAD_HIDDEN tabari_opts *coder_tabari_options(dyad_coder *c);

#endif
