/* analysis.h - the per-sentence analysis shared by the actor finder (actors.c) and the event
 * coder (coder.c): tokens, actor chunks and compound groups, in arrays reused across
 * sentences so that coding allocates nothing once they have grown. */
#ifndef DYAD_ANALYSIS_H
#define DYAD_ANALYSIS_H

#include "internal.h"

/* A dictionary phrase found in the text. */
typedef struct atom {
	uint32_t start, end;   /* token range [start, end) */
	const actor_hit *hit;
	const actor_hit *inner[2]; /* `nested-agents`: agents ending inside an agent atom */
} atom;

/* An actor chunk: a noun phrase naming one actor ("Iranian President Ebrahim Raisi"). */
typedef struct chunk {
	uint32_t start, end;   /* token range [start, end) */
	char code[16];         /* resolved code on the document date */
	const char *entry;     /* "file:line" of the entry that decided the code */
	uint8_t person;        /* a dated person decided the code */
	uint8_t prep;          /* preceded by a preposition ("in Gaza") */
	uint8_t adj_only;      /* a lone country adjective ("Hungarian") */
	uint8_t agent_only;    /* an agent without a country ("the government"), resolved
	                        * from the sentence's one country if it has one */
	uint8_t inherited;     /* ... and so resolved: its country is another chunk's */
	char agent[16];        /* the agent code that qualified the country, "" if none */
	uint32_t group;        /* index of its compound group */
} chunk;

/* A compound group: chunks joined by "and" ("Raisi and Mohammed bin Salman"). */
typedef struct group {
	uint32_t first, n;     /* chunks [first, first + n) */
	uint32_t start, end;   /* token range */
	uint8_t prep;          /* first chunk preceded by a preposition */
	uint8_t person;        /* any chunk is a person */
} group;

typedef struct sentence_ctx {
	const dyad_dict *dict;
	const char *text;      /* the field's text */
	const token *tok;      /* the field's tokens */
	uint32_t a, b;         /* this sentence's tokens [a, b) */
	int32_t date;
	vec chunks;            /* chunk */
	vec groups;            /* group */
	vec group_of;          /* int32_t by token - a: group containing the token, -1 */
	vec blocked;           /* uint8_t by token - a: inside a discard phrase */
	vec paren;             /* uint8_t by token - a: inside a parenthetical */
	vec atoms;             /* atom */
	char agent_alone[4];   /* the code before an agent with no actor ("---", "~"), "" none:
	                          the dictionary's `agent-alone` or dyad_coder_set_agent_alone */
	uint8_t discard;       /* 2: a `discard-sentence` phrase is in the sentence, 3: a
	                          `discard-document` phrase */
	const uint8_t *hidden; /* by token - a: deleted by TABARI's coding (tabari.c), or NULL */
	const uint32_t *stem;  /* by token - a: the word id of its longest TABARI stem, 0 none
	                          (tabari.c), or NULL */
} sentence_ctx;

/* A matched event pattern. */
typedef struct match {
	uint32_t start, end;   /* token range of the whole match */
	uint32_t lemma;        /* token of the lemma word, or start */
	const event_hit *hit;
	int32_t target, source;/* group of a `+` / `$` slot, -1 if none */
	int32_t skip;          /* the group the first `^` skipped (`tabari-coding`), -1 none */
} match;

DYAD_HIDDEN void sentence_ctx_init(sentence_ctx *s);
DYAD_HIDDEN void sentence_ctx_free(sentence_ctx *s);
/* Finds discards, actor chunks, groups and parentheticals of tokens [a, b). */
DYAD_HIDDEN dyad_status analyse_actors(sentence_ctx *s);

static inline uint32_t word_flags(const dyad_dict *d, uint32_t id)
{
	return VEC_AT(d->words.flags, uint32_t, id);
}

#endif
