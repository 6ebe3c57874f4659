/* commands.h - the dyad subcommands, one file each under cli/; main.c dispatches. Each takes
 * the arguments after its name and returns the exit status (see main.c). */
#ifndef DYAD_COMMANDS_H
#define DYAD_COMMANDS_H

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
