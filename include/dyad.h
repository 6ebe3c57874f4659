/* dyad.h - the public API of libdyad, a political event coder: dated news in, CAMEO events out.
 *
 * Ownership: every object made by a dyad_*_new or dyad_*_load call is freed by the matching
 * dyad_*_free, and every free function accepts NULL. Pointers returned by accessors are borrowed:
 * they stay valid until the object they came from is freed or, where said, until the next call
 * that changes it. Text enters as (pointer, length) and need not be NUL-terminated. */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(DYAD_BUILDING)
#define DYAD_API __attribute__((visibility("default")))
#else
#define DYAD_API
#endif

#define DYAD_VERSION "0.1.0"

/** Status codes. Stable: values are never renumbered, new ones are appended. */
typedef enum dyad_status {
	DYAD_OK = 0,     /**< success */
	DYAD_DONE,       /**< no more items (end of input) */
	DYAD_ENOMEM,     /**< out of memory */
	DYAD_EIO,        /**< a file could not be opened or read */
	DYAD_EPARSE,     /**< malformed dictionary line */
	DYAD_EUTF8,      /**< invalid UTF-8 */
	DYAD_EDATE,      /**< missing or invalid date */
	DYAD_EJSON,      /**< malformed JSON record */
	DYAD_ELIMIT,     /**< a documented size limit was exceeded */
	DYAD_EINVAL,     /**< invalid argument */
	DYAD_ENOTFOUND,  /**< no such item */
	DYAD_ERECORD     /**< a record lacks a required field */
} dyad_status;

/** A static, human-readable description of status (never NULL). */
DYAD_API const char *dyad_strerror(dyad_status status);

/** Where an error happened. Filled by loaders and readers when the caller passes one. */
typedef struct dyad_error {
	char file[512];    /**< file name ("-" for standard input), "" if none */
	long line;         /**< 1-based line, 0 if unknown */
	long column;       /**< 1-based byte column, 0 if unknown */
	char id[128];      /**< record id, "" if unknown */
	char message[512]; /**< what went wrong */
} dyad_error;

/** Days since 1970-01-01 of a valid proleptic Gregorian date, or INT32_MIN when text[0..len)
 *  is not a valid `YYYY-MM-DD`. */
DYAD_API int32_t dyad_date_parse(const char *text, size_t len);
/** Writes `YYYY-MM-DD` and a NUL into out[11]. */
DYAD_API void dyad_date_format(int32_t days, char out[11]);

/* ---------------------------------------------------------------- dictionaries */

typedef struct dyad_dict dyad_dict;

/** Loads every `*.txt` file of dir (sorted by name); dir NULL loads the built-in defaults.
 *  On error returns the first error status, fills err (if not NULL) with the first error,
 *  and, when report is not NULL, writes every error to it as `file:line: message`.
 *  *out is set only on success; the caller frees it with dyad_dict_free. */
DYAD_API dyad_status dyad_dict_load(const char *dir, FILE *report, dyad_dict **out,
                                    dyad_error *err);
/** Loads one dictionary from memory: name is used in messages and provenance. */
DYAD_API dyad_status dyad_dict_load_buffers(size_t n, const char *const *names,
                                            const char *const *texts, const size_t *lens,
                                            FILE *report, dyad_dict **out, dyad_error *err);
DYAD_API void dyad_dict_free(dyad_dict *dict);

/** Counts for `dyad dict stats` and tests. */
typedef struct dyad_dict_stats {
	size_t codes, countries, persons, roles, orgs, agents, phrases, verb_patterns,
	    noun_patterns, inflections, discards, words;
} dyad_dict_stats;
DYAD_API void dyad_dict_get_stats(const dyad_dict *dict, dyad_dict_stats *out);

/** Lint findings of the last load (duplicate or conflicting phrases and patterns: the first
 *  wins), each "file:line: message". Borrowed from dict. */
DYAD_API size_t dyad_dict_warning_count(const dyad_dict *dict);
DYAD_API const char *dyad_dict_warning(const dyad_dict *dict, size_t i);

/** Per-file counts: the name of file i (NULL past the end) and its counts in *out.
 *  Event patterns are counted as written, before inflection. */
DYAD_API size_t dyad_dict_file_count(const dyad_dict *dict);
DYAD_API const char *dyad_dict_file_stats(const dyad_dict *dict, size_t i,
                                          dyad_dict_stats *out);
/** Event patterns (as written) whose code has the CAMEO root 1..20. */
DYAD_API size_t dyad_dict_root_patterns(const dyad_dict *dict, int root);

/** A CAMEO code's codebook entry; NULL when the code is unknown. Borrowed from dict. */
typedef struct dyad_code_info {
	const char *code;    /**< "041" */
	const char *name;    /**< "Discuss by telephone" */
	const char *plover;  /**< "CONSULT", or "-" */
	double goldstein;
	int quad;            /**< 1..4 */
} dyad_code_info;
DYAD_API const dyad_code_info *dyad_dict_code(const dyad_dict *dict, const char *code);

/* ---------------------------------------------------------------- documents */

/** A dated document. All pointers are borrowed. Offsets in events are byte offsets into
 *  title or text (see dyad_event.field); text_offset locates text inside its source file. */
typedef struct dyad_doc {
	const char *id;        /**< NUL-terminated document id */
	int32_t date;          /**< days since 1970-01-01 (see dyad_date_parse) */
	const char *title;     /**< may be NULL */
	size_t title_len;
	const char *text;
	size_t text_len;
	const char *source;    /**< file it came from, "-" for standard input; may be NULL */
	long line;             /**< line of the record in source (1-based), 0 if none */
	size_t text_offset;    /**< byte offset of text in its source file (plain files), else 0 */
} dyad_doc;

typedef enum dyad_input_format {
	DYAD_INPUT_AUTO = 0,  /**< detect from content: '{' first means JSON Lines */
	DYAD_INPUT_PLAIN,     /**< `date YYYY-MM-DD` header, then the article */
	DYAD_INPUT_JSONL      /**< one {"id","date","text","title"} object per line */
} dyad_input_format;

typedef struct dyad_reader dyad_reader;

/** A reader of documents from files, directories (walked recursively in sorted order), "-"
 *  (standard input) and gzip-compressed files of these. default_date (may be NULL) is the
 *  `YYYY-MM-DD` date given to plain files without a date header. */
DYAD_API dyad_status dyad_reader_new(dyad_input_format format, const char *default_date,
                                     dyad_reader **out);
/** Queues a path. Nothing is opened until dyad_reader_next. */
DYAD_API dyad_status dyad_reader_add(dyad_reader *reader, const char *path);
/** Reads the next document into *doc (valid until the next call or dyad_reader_free).
 *  Returns DYAD_OK, DYAD_DONE at the end, or an error for one bad record or unreadable file,
 *  with err filled (file, line, id, message); call again to go on with the rest. */
DYAD_API dyad_status dyad_reader_next(dyad_reader *reader, dyad_doc *doc, dyad_error *err);
/** Bytes consumed so far and the total size of the queued regular files (0 when unknown,
 *  e.g. standard input), for progress reports. Compressed files count compressed bytes. */
DYAD_API void dyad_reader_progress(const dyad_reader *reader, uint64_t *done, uint64_t *total);
DYAD_API void dyad_reader_free(dyad_reader *reader);

/* ---------------------------------------------------------------- coding */

typedef struct dyad_span {
	size_t start, end;     /**< byte offsets [start, end) */
} dyad_span;

enum {
	DYAD_EVENT_PASSIVE = 1u << 0,     /**< source and target came from a passive clause */
	DYAD_EVENT_RECIPROCAL = 1u << 1,  /**< "A and B held talks": each is the other's target */
	DYAD_EVENT_COMPOUND = 1u << 2,    /**< one of several actors of a compound phrase */
	DYAD_EVENT_NOUN = 1u << 3,        /**< coded from a noun pattern ("air strikes") */
	DYAD_EVENT_REPORTED = 1u << 4,    /**< inside reported speech ("X said that ...") */
	DYAD_EVENT_SUBORDINATE = 1u << 5  /**< from a subordinate pattern (`verb 023?`): the
	                                       sentence has no other event */
};

/** One coded event. Strings are borrowed from the coder (valid until its next call) or the
 *  dictionary. */
typedef struct dyad_event {
	const char *doc;          /**< document id */
	int32_t date;             /**< document date */
	int field;                /**< 0: text, 1: title */
	int sentence;             /**< sentence index in the document (title sentences first) */
	dyad_span sentence_span;
	char source[32];          /**< actor code, e.g. "IRNGOV" */
	char target[32];
	char code[8];             /**< CAMEO code, e.g. "041" */
	char root[3];             /**< "04" */
	int quad;
	double goldstein;
	const char *plover;
	dyad_span source_span, target_span, verb_span;
	const char *source_entry; /**< dictionary entry that gave the source: "file:line" */
	const char *target_entry;
	const char *pattern;      /**< the event pattern as written */
	const char *pattern_entry;/**< "file:line" of the pattern */
	unsigned flags;           /**< DYAD_EVENT_* bits */
} dyad_event;

/** An actor found in a sentence (for explanations and the FAQ). */
typedef struct dyad_actor {
	int sentence;
	int field;
	dyad_span span;
	char code[32];
	const char *entry;        /**< "file:line" of the deciding entry */
} dyad_actor;

typedef struct dyad_sentence {
	int field;                /**< 0: text, 1: title */
	dyad_span span;
} dyad_sentence;

typedef struct dyad_coder dyad_coder;

/** Coder options. Zero-initialise, then set what you need. */
typedef struct dyad_coder_options {
	int explain;              /**< keep a readable trace (dyad_coder_explain) */
} dyad_coder_options;

/** A coder borrows dict, which must outlive it. One coder per thread. */
DYAD_API dyad_status dyad_coder_new(const dyad_dict *dict, const dyad_coder_options *options,
                                    dyad_coder **out);
DYAD_API void dyad_coder_free(dyad_coder *coder);

/** Codes one document. Results stay in the coder until the next call. Returns DYAD_EUTF8 for
 *  invalid UTF-8 (err says where), DYAD_ELIMIT past the limits of dyad_coder_limits. */
DYAD_API dyad_status dyad_coder_code(dyad_coder *coder, const dyad_doc *doc, dyad_error *err);

DYAD_API size_t dyad_coder_event_count(const dyad_coder *coder);
DYAD_API const dyad_event *dyad_coder_event(const dyad_coder *coder, size_t i);
DYAD_API size_t dyad_coder_sentence_count(const dyad_coder *coder);
DYAD_API const dyad_sentence *dyad_coder_sentence(const dyad_coder *coder, size_t i);
DYAD_API size_t dyad_coder_actor_count(const dyad_coder *coder);
DYAD_API const dyad_actor *dyad_coder_actor(const dyad_coder *coder, size_t i);
/** The explanation of the last document (NUL-terminated), or "" when options.explain is 0. */
DYAD_API const char *dyad_coder_explain(const dyad_coder *coder);

/** Limits: a document larger than DYAD_MAX_DOC_BYTES or a sentence with more than
 *  DYAD_MAX_SENTENCE_TOKENS tokens is rejected with DYAD_ELIMIT (long sentences are split
 *  at the limit instead when they have no other boundary). */
#define DYAD_MAX_DOC_BYTES (64u << 20)
#define DYAD_MAX_SENTENCE_TOKENS 4096

/* ---------------------------------------------------------------- output */

typedef enum dyad_output_format {
	DYAD_OUTPUT_JSONL = 0,
	DYAD_OUTPUT_TSV
} dyad_output_format;

/** Writes the TSV header line (column names) to out. */
DYAD_API void dyad_write_tsv_header(FILE *out);
/** Writes one event as a line in the given format; doc gives the text for the *_text fields. */
DYAD_API dyad_status dyad_write_event(FILE *out, dyad_output_format format, const dyad_doc *doc,
                                      const dyad_event *event);

/* ---------------------------------------------------------------- compat (issue 4) */

/** Foreign dictionaries for dyad_compat_load: TABARI (.actors, .agents, .verbs) or PETRARCH
 *  (CAMEO.2.0-style or PETRARCH-1 verbs, Phoenix actors, agents, discards) files; the
 *  dialect is recognised from the content. Paths are borrowed for the call. */
/** Whose formats the foreign files are in, and so whose coding rules apply. */
typedef enum dyad_compat_dialect {
	DYAD_DIALECT_AUTO = 0, /**< PETRARCH-2 if the verbs file has a VERB PATTERNS section,
	                            else TABARI unless the file name ends in .txt (PETRARCH-1) */
	DYAD_DIALECT_TABARI,
	DYAD_DIALECT_PETRARCH1,
	DYAD_DIALECT_PETRARCH2
} dyad_compat_dialect;

typedef struct dyad_compat_files {
	const char *verbs;             /**< verb dictionary, or NULL */
	const char *const *actors;     /**< actor dictionaries, in priority order */
	size_t nactors;
	const char *agents;            /**< agent dictionary, or NULL */
	const char *discards;          /**< discard list, or NULL */
	dyad_compat_dialect dialect;   /**< DYAD_DIALECT_AUTO (0) guesses from the files */
} dyad_compat_files;

/** Loads foreign dictionaries translated into dyad's format (doc/dictionaries.md, "TABARI and
 *  PETRARCH dictionaries"), together with the codebook and inflections of the built-in
 *  dictionaries. A foreign line that cannot be translated is reported to report (if not
 *  NULL) as `file:line: message` and skipped; *nerrors (if not NULL) counts them. Returns
 *  DYAD_EIO when a file cannot be read (err says which); *out is set only on success and is
 *  freed with dyad_dict_free. */
DYAD_API dyad_status dyad_compat_load(const dyad_compat_files *files, FILE *report,
                                      dyad_dict **out, dyad_error *err, size_t *nerrors);

/** Codes for a missing source or target (copied; NULL or "" restores the default, under
 *  which an event without one of them is not coded). PETRARCH's `require_dyad = false` is
 *  ("---", "---"); TABARI's `DEFAULT: SOURCE [S] TARGET [T]` is (S, T). With a target set,
 *  a compound source without a target ("A and B met") takes it instead of being coded
 *  reciprocally. */
DYAD_API void dyad_coder_set_missing_actors(dyad_coder *coder, const char *source,
                                            const char *target);

/** Where the missing actors of dyad_coder_set_missing_actors apply (both non-zero by
 *  default, as TABARI's `DEFAULT: SOURCE [S] PRIOR TARGET [T] AFTER`). With source_prior
 *  zero (no `PRIOR`) a verb without an actor before it takes the first actor after it as
 *  source and the next one (or the stand-in target) as target; with target_after zero (no
 *  `AFTER`) a compound source without a target is coded from its first actor to the
 *  others instead of to the stand-in target. */
DYAD_API void dyad_coder_set_missing_placement(dyad_coder *coder, int source_prior,
                                               int target_after);

/** With on non-zero, a verb that would not be coded for want of a source, or as the
 *  complement of the verb before it ("urged Bree to assist"), takes the actors of the
 *  sentence's first coded verb (TABARI's `SET: CODE ALL`; off by default). */
DYAD_API void dyad_coder_set_code_all(dyad_coder *coder, int on);

/** TABARI's `COMPLEX: VERBS[v] CONJ[n]` filter: a sentence with v or more verbs (verb
 *  patterns not after a determiner) or n or more conjunctions ("and", "or", "but" outside
 *  actor phrases) codes nothing. Zero turns a limit off (the default). */
DYAD_API void dyad_coder_set_complexity(dyad_coder *coder, int verbs, int conjunctions);

/** The code put before an agent that has no actor of its own (at most three characters,
 *  copied): "~" codes "security forces" as `~MIL` (TABARI's `SET: CONVERT AGENT = TRUE`);
 *  NULL restores the dictionary's `agent-alone` (none: such an agent takes the sentence's
 *  one country or is not an actor). */
DYAD_API void dyad_coder_set_agent_alone(dyad_coder *coder, const char *prefix);

/** Makes the next dyad_coder_code continue the document coded last (one call only): a
 *  pronoun with no antecedent in its own sentence takes that document's last subject, as in
 *  TABARI's `FORWARD:` across the records of a story. With actors_only non-zero only the
 *  first three letters of its code are carried ("He" after "Fornost President ..." is
 *  `FOR`: TABARI forwards the actor, not its agents). */
DYAD_API void dyad_coder_continue(dyad_coder *coder, int actors_only);

/** PETRARCH's comma-delimited clauses, dropped before a sentence is coded: a clause between
 *  two commas of min..max words, the sentence's first clause (up to its first comma) of
 *  bmin..bmax words and its last (after its last comma) of emin..emax words. A max of zero
 *  turns that kind off. Commas inside a list of actors or between two adjectives ("full,
 *  formal ties") do not delimit clauses. Until this is called, dictionaries translated from
 *  PETRARCH-1 (`petrarch1-coding`) use PETRARCH-1's defaults (2, 8, 0, 0, 2, 8) and others
 *  drop nothing. */
typedef struct dyad_comma_limits {
	int min, max, bmin, bmax, emin, emax;
} dyad_comma_limits;
DYAD_API void dyad_coder_set_comma_clauses(dyad_coder *coder, const dyad_comma_limits *limits);

/** PETRARCH's `new_actor_length`: under `petrarch1-coding`, a verb without an actor for its
 *  source (the noun phrase before it) or its target (the first noun phrase after it, past
 *  a preposition) takes that noun phrase as a new actor when it has at most words words:
 *  its text in capitals and double quotes, without "'s" (`"THE MINISTRY OF MAGIC"`; an
 *  event's code fields keep 31 bytes of it). Zero (the default) turns it off. */
DYAD_API void dyad_coder_set_new_actor_length(dyad_coder *coder, int words);

#define DYAD_COMPAT_MAX_ACTORS 16

/** The dictionaries a PETRARCH configuration file names in its [Dictionaries] section
 *  (verbfile_name, actorfile_list, agentfile_name, discardfile_name), each resolved beside
 *  the file, else in ../dictionaries beside it (PETRARCH's data/config layout). */
typedef struct dyad_compat_config {
	char verbs[1024], agents[1024], discards[1024]; /**< "" when not named */
	char actors[DYAD_COMPAT_MAX_ACTORS][1024];
	size_t nactors;
} dyad_compat_config;
DYAD_API dyad_status dyad_compat_read_config(const char *ini, dyad_compat_config *out,
                                             dyad_error *err);

/** Options of dyad_validate. Zero-initialise, then set what you need. */
typedef struct dyad_validate_options {
	dyad_compat_files dicts;  /**< each field set replaces the dictionary the suite names */
	FILE *out;                /**< failing records, one line each: id, category, expected
	                               and produced events; NULL for none */
	FILE *report;             /**< dictionary diagnostics (`file:line: message`), or NULL */
	int explain;              /**< write the coder's explanation of each failing record */
} dyad_validate_options;

typedef struct dyad_validate_summary {
	size_t passed, failed, skipped;
} dyad_validate_summary;

/** Runs a validation suite with dyad's own analysis of each record's text (a parse in the
 *  file is ignored). A PETRARCH validation-records XML file: its <Environment> names the
 *  dictionaries, resolved beside the file; with `valid` in <Include> the records marked
 *  valid="true" are evaluated, otherwise those whose category <Include> lists; a record
 *  without <EventCoding> expects no events; <Config option="require_dyad"> applies from
 *  where it stands. A TABARI .project: its actors, agents and verbs files and the records of
 *  its textfile up to FINAL-01, with {SRC / TGT / CODE}, {---}, {+++} or {###}
 *  expectations; option records are counted as skipped and their SET: MINIMUM WORDS,
 *  SET: CONVERT AGENT, FORWARD: (records whose ids differ only after the last '-' are one
 *  story) and DEFAULT: settings applied. A record passes when the set of coded events equals the set
 *  expected. Returns an error when the suite or its dictionaries cannot be read. */
DYAD_API dyad_status dyad_validate(const char *path, const dyad_validate_options *options,
                                   dyad_validate_summary *summary, dyad_error *err);

/* ---------------------------------------------------------------- faq (issue 5) */

/** The questions of the article FAQ, in the order they are written. */
typedef enum dyad_faq_question {
	DYAD_FAQ_WHO = 0, DYAD_FAQ_WHAT, DYAD_FAQ_WHEN, DYAD_FAQ_WHERE, DYAD_FAQ_WHY, DYAD_FAQ_HOW,
	DYAD_FAQ_QUESTIONS
} dyad_faq_question;

/** One answer, grounded in one sentence of the document. Strings are borrowed from the FAQ
 *  (valid until its next dyad_faq_answer call or dyad_faq_free) or are static. */
typedef struct dyad_faq_item {
	const char *text;       /**< the answer as the text words it */
	int field;              /**< 0: text, 1: title */
	int sentence;           /**< cited sentence (index as in dyad_coder_sentence) */
	dyad_span span;         /**< the answer's bytes in the field */
	dyad_span evidence;     /**< the whole cited sentence */
	const char *rule;       /**< how it was found or resolved, e.g. "yesterday: the day before
	                             the article date" */
	char code[32];          /**< actor codes (who, follow-ups), CAMEO code (what), else "" */
	int32_t date;           /**< when: the resolved first day, INT32_MIN if none */
	const char *grain;      /**< when: "day", "week", "month" or "year"; NULL if none */
	char duration[16];      /**< durations: ISO 8601 ("P7Y"), else "" */
	char country[4];        /**< where: ISO 3166-1 alpha-3 country, else "" */
	int has_coords;         /**< where: lat and lon are set */
	double lat, lon;
	double score;           /**< ranking score, higher is better */
} dyad_faq_item;

typedef struct dyad_faq dyad_faq;

/** Makes an FAQ engine borrowing dict (which must outlive it); *out is freed with
 *  dyad_faq_free. Builds the gazetteer index (a few milliseconds). One engine per thread. */
DYAD_API dyad_status dyad_faq_new(const dyad_dict *dict, dyad_faq **out);
DYAD_API void dyad_faq_free(dyad_faq *faq);

/** Codes doc and answers its questions; results stay in faq until the next call. Errors as
 *  dyad_coder_code (DYAD_EUTF8, DYAD_ELIMIT with err filled), or DYAD_ENOMEM. */
DYAD_API dyad_status dyad_faq_answer(dyad_faq *faq, const dyad_doc *doc, dyad_error *err);

/** The answers to question q, best first; 0 means "not stated". */
DYAD_API size_t dyad_faq_count(const dyad_faq *faq, dyad_faq_question q);
DYAD_API const dyad_faq_item *dyad_faq_get(const dyad_faq *faq, dyad_faq_question q, size_t i);
/** Durations ("seven years of animosity"), kept apart from the dates that answer "when". */
DYAD_API size_t dyad_faq_duration_count(const dyad_faq *faq);
DYAD_API const dyad_faq_item *dyad_faq_duration(const dyad_faq *faq, size_t i);
/** Follow-up questions generated from the coded events ("Who mediated ...?"), each with its
 *  answer (NULL when the text does not state one). */
DYAD_API size_t dyad_faq_followup_count(const dyad_faq *faq);
DYAD_API const char *dyad_faq_followup_question(const dyad_faq *faq, size_t i);
DYAD_API const dyad_faq_item *dyad_faq_followup_answer(const dyad_faq *faq, size_t i);
/** The question's word: "who", "what", ... */
DYAD_API const char *dyad_faq_question_name(dyad_faq_question q);

typedef enum dyad_faq_format {
	DYAD_FAQ_MARKDOWN = 0,  /**< a readable `FAQ` section: question, answer, cited sentence */
	DYAD_FAQ_JSONL          /**< one JSON object per document (doc/faq.md) */
} dyad_faq_format;

/** Writes the FAQ of the last dyad_faq_answer call for doc (the same document). Returns
 *  DYAD_EIO when out reports a write error. */
DYAD_API dyad_status dyad_faq_write(FILE *out, dyad_faq_format format, const dyad_faq *faq,
                                    const dyad_doc *doc);

#ifdef __cplusplus
}
#endif
#endif
