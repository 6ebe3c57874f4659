/* internal.h - shared internals of libdyad: growable buffers, the word table, tokens, the
 * loaded dictionary and the matching tries. Not installed; the public API is dyad.h. */
#ifndef DYAD_INTERNAL_H
#define DYAD_INTERNAL_H

#include "dyad.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DYAD_HIDDEN __attribute__((visibility("hidden")))

/* ---------------------------------------------------------------- memory */

/* A growable array of fixed-size items. Grows by doubling; DYAD_ENOMEM on failure. */
typedef struct vec {
	void *data;
	size_t len, cap, size;
} vec;

DYAD_HIDDEN void vec_init(vec *v, size_t item_size);
DYAD_HIDDEN void vec_free(vec *v);
/* Makes room for n more items; returns a pointer to the first new item or NULL. */
DYAD_HIDDEN void *vec_push(vec *v, size_t n);
#define VEC_AT(v, type, i) (((type *)(v).data)[i])

/* A string pool: NUL-terminated copies that live as long as the pool. */
typedef struct strpool {
	char **blocks;
	size_t nblocks, used, cap;
} strpool;
DYAD_HIDDEN const char *strpool_add(strpool *p, const char *s, size_t len);
DYAD_HIDDEN void strpool_free(strpool *p);

/* A growable byte buffer with an optional limit. */
typedef struct buf {
	char *data;
	size_t len, cap;
} buf;
DYAD_HIDDEN dyad_status buf_append(buf *b, const char *s, size_t n);
DYAD_HIDDEN dyad_status buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
DYAD_HIDDEN void buf_free(buf *b);
/* Trims white space at both ends of s[0..*n): returns the new start, updates *n. */
DYAD_HIDDEN const char *trim_space(const char *s, size_t *n);
/* Reads path into *text (NUL-terminated, freed by the caller) and its length into *len;
 * DYAD_EIO when it cannot be read. */
DYAD_HIDDEN dyad_status read_whole_file(const char *path, char **text, size_t *len);

DYAD_HIDDEN uint64_t hash_bytes(const void *p, size_t n);

/* Writes s[0..n) as a JSON string (quoted and escaped); json_cstr writes null for NULL. */
DYAD_HIDDEN void json_str(FILE *out, const char *s, size_t n);
DYAD_HIDDEN void json_cstr(FILE *out, const char *s);

/* ---------------------------------------------------------------- words */

/* Word ids: 0 is "not in the vocabulary"; GAP is the `*` pattern item; TARGET and SOURCE
 * are the `+` and `$` slots, each matching one actor phrase. */
enum {
	WORD_UNKNOWN = 0,
	WORD_GAP = 1,
	WORD_TARGET = 2,
	WORD_SOURCE = 3,
	WORD_LONGGAP = 4, /* `...`: up to 8 words, actors included (TABARI's free word order) */
	WORD_SKIP = 5,    /* `^`: an actor that is not coded, with words before and after it */
	WORD_FIRST = 6
};

/* The interned vocabulary: normalised word -> id. */
typedef struct wordtab {
	uint32_t *slots; /* open addressing: id or 0 */
	size_t nslots;
	vec words;       /* const char * by id */
	vec lens;        /* uint32_t by id */
	vec flags;       /* uint32_t WF_* by id */
	strpool pool;
} wordtab;

/* Word classes the coder uses for clause analysis (bits in wordtab.flags). */
enum {
	WF_BE = 1u << 0,         /* is, was, been ... (passive) */
	WF_NEG = 1u << 1,        /* not, n't, never, no */
	WF_PREP = 1u << 2,       /* in, on, with, between ... */
	WF_AND = 1u << 3,        /* and, & */
	WF_SUBORD = 1u << 4,     /* while, because, after ... (clause boundary) */
	WF_REL = 1u << 5,        /* which, who, whom, whose */
	WF_REPORT = 1u << 6,     /* said, told, affirmed ... */
	WF_THAT = 1u << 7,       /* that */
	WF_DET = 1u << 8,        /* the, a, an */
	WF_POSS = 1u << 9,       /* 's, ' */
	WF_PRON = 1u << 10,      /* he, she, it, they */
	WF_OF = 1u << 11,        /* of, from (agent "of" country) */
	WF_BY = 1u << 12,        /* by */
	WF_TO = 1u << 13,        /* to (infinitive) */
	WF_NEGVERB = 1u << 14,   /* refused, declined, failed (to ...) */
	WF_BOTH = 1u << 15,      /* both */
	WF_PRONPOSS = 1u << 16,  /* its, their, his, her */
	WF_PERSONPRON = 1u << 17, /* he, she, his, her */
	WF_ACTOR_START = 1u << 18, /* first word of an actor phrase */
	WF_EVENT_START = 1u << 19, /* first word of an event pattern */
	WF_DISCARD_START = 1u << 20, /* first word of a discard phrase */
	WF_MODAL = 1u << 21,       /* will, would, shall, 'll: a stated intent */
	WF_INTEND = 1u << 22,      /* willing, ready, prepared, plans ... (+ to): an intent */
	WF_GROUPNOUN = 1u << 23    /* countries, sides ...: after "two" or "both", a pronoun */
};

DYAD_HIDDEN dyad_status wordtab_init(wordtab *t);
DYAD_HIDDEN void wordtab_free(wordtab *t);
/* Id of the normalised word s[0..n), 0 when absent. */
DYAD_HIDDEN uint32_t wordtab_find(const wordtab *t, const char *s, size_t n, uint64_t h);
/* Id of s[0..n), added when absent; 0 on allocation failure. */
DYAD_HIDDEN uint32_t wordtab_intern(wordtab *t, const char *s, size_t n);

/* ---------------------------------------------------------------- tokens */

enum {
	TF_CAP = 1u << 0,      /* first letter upper case */
	TF_ALLCAPS = 1u << 1,  /* every letter upper case, at least one letter */
	TF_WORD = 1u << 2,     /* letters or digits */
	TF_PUNCT = 1u << 3,
	TF_TERM = 1u << 4,     /* . ! ? ... ending a sentence */
	TF_NL = 1u << 5,       /* a newline precedes the token */
	TF_PARA = 1u << 6,     /* a blank line precedes the token */
	TF_ABBR = 1u << 7,     /* word ending in a period that is not a sentence end */
	TF_SPACE = 1u << 8     /* white space precedes the token */
};

typedef struct token {
	uint32_t start, end;   /* byte offsets in the original text */
	uint32_t id;           /* interned normalised form, 0 if unknown */
	uint16_t flags;        /* TF_* */
	char punct;            /* ASCII punctuation after normalisation, else 0 */
} token;

#define DYAD_MAX_WORD 64   /* longer normalised words are never in the vocabulary */

/* Splits text[0..len) into tokens appended to out (vec of token), normalising each word to
 * its matching form and looking it up in words. Returns DYAD_EUTF8 (with *bad set to the
 * offset) on invalid UTF-8. Allocates only when out must grow. */
DYAD_HIDDEN dyad_status tokenize(const wordtab *words, const char *text, size_t len, vec *out,
                                 size_t *bad);
/* As tokenize, but interning every word into intern (for dictionary phrases). */
DYAD_HIDDEN dyad_status tokenize_impl(const wordtab *find, wordtab *intern, const char *text,
                                      size_t len, vec *out, size_t *bad);
/* Normalises one word into out[DYAD_MAX_WORD]; returns its length, or 0 if too long. */
DYAD_HIDDEN size_t normalize_word(const char *s, size_t n, char *out);
/* Splits tokens into sentences: appends [first, last) token index pairs (uint32_t[2]). */
DYAD_HIDDEN dyad_status split_sentences(const token *tok, size_t n, const char *text,
                                        vec *out);

/* ---------------------------------------------------------------- dictionary */

/* ATOM_PLACE: a place name that holds an actor's name but is no actor ("Sea of Japan"). */
enum atom_kind { ATOM_COUNTRY, ATOM_ADJ, ATOM_GOV, ATOM_PERSON, ATOM_ORG, ATOM_AGENT, ATOM_PLACE };

typedef struct role {
	int32_t from, to;      /* inclusive days; to = INT32_MAX while ongoing */
	char code[16];
} role;

/* An actor dictionary entry: one country, person, org or agent. */
typedef struct actor_entry {
	uint8_t kind;          /* enum atom_kind of its names (adj/gov phrases use ATOM_ADJ/GOV) */
	char code[16];         /* fixed code; for persons the base code ("" if none) */
	const char *name;      /* first name listed */
	const char *where;     /* "file:line" */
	uint32_t first_role, nroles; /* into dict.roles */
} actor_entry;

/* What a phrase in the actor trie resolves to. */
typedef struct actor_hit {
	uint32_t entry;        /* index into dict.actors */
	uint8_t kind;          /* enum atom_kind of this phrase */
	uint8_t caps;          /* phrase requires capitals in the text */
} actor_hit;

enum pattern_kind { PAT_VERB, PAT_NOUN };

typedef struct pattern {
	uint32_t code;         /* index into dict.codes */
	uint8_t kind;          /* enum pattern_kind */
	uint8_t has_target;    /* the pattern has a `+` slot */
	uint8_t has_source;    /* the pattern has a `$` slot */
	uint32_t pair;         /* 1 + index of the paired code (`verb 032:033`: B -> A), 0 none */
	uint8_t null;          /* `verb --- PATTERN`: matches (so a shorter pattern does not) and
	                          codes nothing */
	uint32_t passive;      /* `verb A/B`: 1 + index of the code B used in the passive, 0 none */
	uint8_t subordinate;   /* `verb A?`: coded only when the sentence has no other event */
	uint8_t dominant;      /* `verb A!`: with `tabari-coding`, only dominant patterns code */
	uint8_t both;          /* its `+` was written `%`: a compound that is source and target */
	const char *text;      /* the pattern as written */
	const char *where;     /* "file:line" */
} pattern;

/* What a phrase in the event trie resolves to: a pattern and which form of its lemma. */
enum { FORM_BASE, FORM_S, FORM_PAST, FORM_ING, FORM_OTHER };
typedef struct event_hit {
	uint32_t pattern;
	uint8_t form;
	uint8_t lemma_at;      /* item index of the lemma word, 255 if none */
} event_hit;

/* A trie over word ids: edges live in one hash table keyed by (node, word). */
typedef struct trie {
	uint64_t *keys;        /* (node << 32 | word) + 1, 0 = empty */
	uint32_t *vals;        /* child node */
	size_t nslots, nedges;
	vec hit;               /* uint32_t by node: 1 + index of its payload, 0 = none */
	vec has_gap;           /* uint8_t by node: bit 0 GAP edge, bit 1 a slot edge, bit 2 a
	                          LONGGAP edge, bit 3 a SKIP edge */
	uint32_t nnodes;
} trie;

DYAD_HIDDEN dyad_status trie_init(trie *t);
DYAD_HIDDEN void trie_free(trie *t);
DYAD_HIDDEN uint32_t trie_child(const trie *t, uint32_t node, uint32_t word);
/* Adds the path; returns its end node in *node. */
DYAD_HIDDEN dyad_status trie_add(trie *t, const uint32_t *words, size_t n, uint32_t *node);
/* The same from node `from` (a node trie_add returned for a prefix of the path). */
DYAD_HIDDEN dyad_status trie_add_from(trie *t, uint32_t from, const uint32_t *words, size_t n,
                                      uint32_t *node);
/* Sets flag on every word that leaves the root, so matchers skip other words at once. */
DYAD_HIDDEN void trie_mark_starts(const trie *t, wordtab *words, uint32_t flag);

/* `obligation WORD CODE`: "X said Y must ..." codes X -> Y with the pattern's code. */
typedef struct obligation {
	uint32_t word;         /* the modal's word id */
	uint32_t hit;          /* index into dict.event_hits of its synthetic pattern */
} obligation;

/* `intent PREFIX CODE`: an event under a modal ("will attack") becomes CODE. */
typedef struct intent_entry {
	char prefix[8];
	uint32_t code;         /* index into dict.codes */
} intent_entry;

typedef struct file_stats {
	const char *name;
	dyad_dict_stats stats;
} file_stats;

typedef struct code_entry {
	dyad_code_info info;
	char code[8];
} code_entry;

/* `rule NAME PREFIX...` (dict/cameo.txt): which codes a coding rule of coder.c applies to,
 * so that the rules name no CAMEO code themselves. */
enum {
	RULE_ULTIMATUM,        /* the code of an intent under "unless" (one code: 130) */
	RULE_CONDITION_TARGET, /* codes whose target may be a condition's subject ("if X") */
	RULE_THAT_TARGET,      /* codes whose target may be a "that" clause's subject */
	RULE_DOMESTIC_DISSENT, /* dissent with no target is aimed at the source's country */
	RULE_DOMESTIC_CURB,    /* a state's curbs with no target fall on its own country */
	RULE_VIOLENT,          /* coercion and violence: "soldiers killed in X" is passive */
	RULE_COUNT
};
#define RULE_MAX_PREFIXES 16

struct dyad_dict {
	wordtab words;
	strpool pool;
	vec codes;             /* code_entry */
	vec actors;            /* actor_entry */
	vec roles;             /* role */
	vec actor_hits;        /* actor_hit; trie payloads index this */
	vec patterns;          /* pattern */
	vec event_hits;        /* event_hit */
	vec intents;           /* intent_entry */
	vec obligations;       /* obligation: "X said Y must ..." is X -> Y with its code */
	vec p2_transforms;     /* p2_transform (petrarch2.h): `transform` lines */
	vec p2_past;           /* uint8_t by word id under `petrarch2-coding`: 1 for the past
	                          form of a verb of a verb pattern ("enjoyed") */
	vec warnings;          /* const char *: "file:line: message" for `dyad dict check` */
	vec files;             /* file_stats */
	size_t root_patterns[21]; /* event patterns by CAMEO root */
	trie actor_trie, event_trie, discard_trie;
	uint32_t *code_index;  /* open addressing over codes: 1 + index */
	size_t code_slots;
	dyad_dict_stats stats;
	char agent_alone[4];   /* `agent-alone CODE`: an agent with no actor is CODE + agent */
	bool target_across_that; /* `target-across-that`: "that" does not end the target's clause */
	bool no_nested_events; /* `no-nested-events`: FRA and FRAGOV make no event together */
	bool nested_agents;    /* `nested-agents`: an agent phrase inside a longer one applies too */
	bool agent_in;         /* `agent-in`: an agent takes the actor after "in" as after "of" */
	bool passive_by;       /* `passive-needs-by`: a passive without a "by" agent is active */
	bool petrarch2;        /* `petrarch2-coding`: PETRARCH-2's rules (petrarch2.c) */
	bool petrarch1;        /* `petrarch1-coding`: PETRARCH-1's clause rules (petrarch1.c) */
	bool tabari_coding;    /* `tabari-coding`: TABARI's shallow coding rules (tabari.c) */
	char rules[RULE_COUNT][RULE_MAX_PREFIXES][5]; /* `rule` code prefixes, "" ends a list */
};

/* The code of actor entry e on day date ("" if none). Writes into out[16]. */
DYAD_HIDDEN void actor_code_on(const dyad_dict *d, const actor_entry *e, int32_t date,
                               char out[16]);
DYAD_HIDDEN const code_entry *dict_find_code(const dyad_dict *d, const char *code,
                                             size_t len);
/* Whether code begins with one of the prefixes of `rule` r. */
DYAD_HIDDEN bool dict_rule(const dyad_dict *d, int r, const char *code);
/* The intent code of code (longest `intent` prefix), or NULL when there is none. */
DYAD_HIDDEN const code_entry *dict_intent_of(const dyad_dict *d, const char *code);

/* The default dictionaries compiled into the library (generated at build time). */
extern const size_t dyad_default_dict_count;
extern const char *const dyad_default_dict_names[];
extern const char *const dyad_default_dict_texts[];
extern const size_t dyad_default_dict_lens[];

#endif
