/* commands.h - the dyad subcommands, one file each under cli/; main.c dispatches. Each takes
 * the arguments after its name and returns the exit status (see main.c). */
#ifndef DYAD_COMMANDS_H
#define DYAD_COMMANDS_H

#include "dyad.h"

/* Exit statuses of every command (dyad(1), EXIT STATUS). */
enum {
	CLI_OK = 0,       /* every record done */
	CLI_REJECTED = 1, /* some records or files were rejected, the rest done */
	CLI_USAGE = 2,    /* bad command line */
	CLI_DICT = 3,     /* the dictionaries did not load */
	CLI_FATAL = 4     /* output error or out of memory */
};

/* Reports a rejected record or file on standard error: "dyad: FILE:LINE: record ID: ...". */
void cli_report_error(dyad_status st, const dyad_error *err);
/* Parses auto, plain or jsonl; CLI_USAGE (with a message) for anything else. */
int cli_input_format(const char *name, dyad_input_format *out);

/* The options every document command takes: -d/--dict DIR, -i/--input-format F,
 * -f/--format F (its value left to the command) and --date YYYY-MM-DD. */
typedef struct cli_doc_opts {
	const char *dict_dir;
	const char *date;
	const char *format; /* -f value, NULL when not given */
	dyad_input_format in;
	int first_path; /* index of the first path operand (argc when none) */
} cli_doc_opts;

/* Called by cli_parse_doc_opts for an option it does not know; returns 0 when the option
 * was taken alone, 1 when it also took v, CLI_USAGE (reported) when it is bad, and -1 when
 * it is unknown. */
typedef int (*cli_opt_fn)(void *ctx, const char *a, const char *v);
/* Parses argv up to the first path operand (or "--"), giving unknown options to fn; returns
 * CLI_OK, or CLI_USAGE after printing a message followed by usage. */
int cli_parse_doc_opts(int argc, char **argv, const char *usage, cli_opt_fn fn, void *ctx,
                       cli_doc_opts *o);

/* Called for each document; returns DYAD_OK, DYAD_ENOMEM or DYAD_EIO (fatal), or another
 * status with err filled to reject the record. */
typedef dyad_status (*cli_doc_fn)(void *ctx, const dyad_doc *doc, dyad_error *err);
/* Reads paths (standard input when npaths is 0) and calls fn for each document; reports
 * rejected records, flushes standard output and returns the exit status. */
int cli_each_doc(dyad_reader *reader, int npaths, char **paths, cli_doc_fn fn, void *ctx);

#include "dyad.h"

#include <stdbool.h>

int cmd_dict(int argc, char **argv);
int cmd_faq(int argc, char **argv);
int cmd_validate(int argc, char **argv);

/* The foreign-dictionary options of `dyad code` and `dyad validate` (cmd_validate.c):
 * --verbs, --actors F[,F], --agents, --discards, --config INI. */
typedef struct compat_opts {
	dyad_compat_files files;
	const char *actors[DYAD_COMPAT_MAX_ACTORS];
	size_t nactors;
	char *actor_list;          /* owned copy of the --actors value */
	dyad_compat_config *cfg;   /* owned, from --config */
	bool any;                  /* some option was given */
} compat_opts;

/* 0: a is not one of these options; 2: it was, and took v; -1: error (reported). */
int compat_option(compat_opts *o, const char *a, const char *v);
void compat_opts_free(compat_opts *o);
/* Loads the dictionaries the options name; 0, or 3 (reported) when they do not load. */
int compat_load_dict(const compat_opts *o, dyad_dict **dict);

#endif
