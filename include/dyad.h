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
	DYAD_EVENT_REPORTED = 1u << 4     /**< inside reported speech ("X said that ...") */
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

/* ---------------------------------------------------------------- faq (issue 5) */

#ifdef __cplusplus
}
#endif
#endif
