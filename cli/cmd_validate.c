/* cmd_validate.c - `dyad validate`: PETRARCH and TABARI validation suites (issue 4), and the
 * foreign-dictionary options shared with `dyad code`. */
#include "dyad.h"
#include "commands.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char validate_usage[] =
    "usage: dyad validate [options] FILE...\n"
    "\n"
    "Runs a PETRARCH validation-records XML file or a TABARI .project with dyad's own\n"
    "analysis, prints each failing record (id, category, expected and produced events) and\n"
    "ends with a line `N passed, M failed, K skipped`.\n"
    "\n"
    "options (each replaces the dictionary the suite names):\n"
    "      --verbs FILE         TABARI or PETRARCH verb dictionary\n"
    "      --actors F[,F...]    actor dictionaries\n"
    "      --agents FILE        agent dictionary\n"
    "      --discards FILE      PETRARCH discard list\n"
    "      --config INI         a PETRARCH config file naming all of these\n"
    "      --dialect D          whose formats and coding rules: auto (the default), tabari,\n"
    "                           petrarch1 or petrarch2\n"
    "      --explain            why each failing record was coded as it was\n"
    "  -q, --quiet              only the summary line\n"
    "\n"
    "exit status: 0 every record passed; 1 some failed; 2 usage error; 3 dictionary or\n"
    "suite could not be read.\n";

void compat_opts_free(compat_opts *o)
{
	free(o->actor_list);
	o->actor_list = NULL;
	free(o->cfg);
	o->cfg = NULL;
}

/* Splits a comma-separated list of actor files into o->actors. */
static int add_actors(compat_opts *o, const char *v)
{
	free(o->actor_list);
	o->actor_list = strdup(v);
	if (!o->actor_list)
		return -1;
	o->nactors = 0;
	char *p = o->actor_list;
	while (*p && o->nactors < DYAD_COMPAT_MAX_ACTORS) {
		size_t k = strcspn(p, ",");
		bool last = p[k] == 0;
		p[k] = 0;
		if (*p)
			o->actors[o->nactors++] = p;
		if (last)
			break;
		p += k + 1;
	}
	return 0;
}

int compat_option(compat_opts *o, const char *a, const char *v)
{
	bool known = !strcmp(a, "--verbs") || !strcmp(a, "--actors") || !strcmp(a, "--agents") ||
	             !strcmp(a, "--discards") || !strcmp(a, "--config") || !strcmp(a, "--dialect");
	if (!known)
		return 0;
	if (!v) {
		fprintf(stderr, "dyad: %s needs a value\n", a);
		return -1;
	}
	if (!strcmp(a, "--dialect")) {
		static const char *const names[] = {"auto", "tabari", "petrarch1", "petrarch2"};
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (!strcmp(v, names[i])) {
				o->files.dialect = (dyad_compat_dialect)i;
				return 2;
			}
		fprintf(stderr, "dyad: unknown dialect '%s' (auto, tabari, petrarch1, petrarch2)\n", v);
		return -1;
	}
	o->any = true;
	if (!strcmp(a, "--verbs"))
		o->files.verbs = v;
	else if (!strcmp(a, "--agents"))
		o->files.agents = v;
	else if (!strcmp(a, "--discards"))
		o->files.discards = v;
	else if (!strcmp(a, "--actors")) {
		if (add_actors(o, v))
			return -1;
	} else {
		free(o->cfg);
		o->cfg = calloc(1, sizeof *o->cfg);
		dyad_error err;
		if (!o->cfg || dyad_compat_read_config(v, o->cfg, &err) != DYAD_OK) {
			fprintf(stderr, "dyad: %s: cannot read the config file\n", v);
			return -1;
		}
		/* Explicit options given before or after --config win over it. */
		if (!o->files.verbs && o->cfg->verbs[0])
			o->files.verbs = o->cfg->verbs;
		if (!o->files.agents && o->cfg->agents[0])
			o->files.agents = o->cfg->agents;
		if (!o->files.discards && o->cfg->discards[0])
			o->files.discards = o->cfg->discards;
		if (!o->nactors)
			for (size_t i = 0; i < o->cfg->nactors; i++)
				o->actors[o->nactors++] = o->cfg->actors[i];
	}
	o->files.actors = o->actors;
	o->files.nactors = o->nactors;
	return 2;
}

int compat_load_dict(const compat_opts *o, dyad_dict **dict)
{
	dyad_error err;
	memset(&err, 0, sizeof err);
	dyad_status st = dyad_compat_load(&o->files, stderr, dict, &err, NULL);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: dictionaries did not load: %s%s%s\n",
		        err.file[0] ? err.file : "", err.file[0] ? ": " : "",
		        err.message[0] ? err.message : dyad_strerror(st));
		return 3;
	}
	return 0;
}

int cmd_validate(int argc, char **argv)
{
	compat_opts co;
	memset(&co, 0, sizeof co);
	bool quiet = false, explain = false;
	int first = argc;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-') {
			first = i;
			break;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(validate_usage, stdout);
			compat_opts_free(&co);
			return 0;
		}
		if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			quiet = true;
			continue;
		}
		if (!strcmp(a, "--explain")) {
			explain = true;
			continue;
		}
		int k = compat_option(&co, a, i + 1 < argc ? argv[i + 1] : NULL);
		if (k <= 0) {
			if (k == 0)
				fprintf(stderr, "dyad: unknown option '%s'\n", a);
			fputs(validate_usage, stderr);
			compat_opts_free(&co);
			return 2;
		}
		i++;
	}
	if (first >= argc) {
		fputs(validate_usage, stderr);
		compat_opts_free(&co);
		return 2;
	}
	int rc = 0;
	for (int i = first; i < argc; i++) {
		dyad_validate_options opt;
		memset(&opt, 0, sizeof opt);
		opt.dicts = co.files;
		opt.out = quiet ? NULL : stdout;
		opt.report = quiet ? NULL : stderr;
		opt.explain = explain;
		dyad_validate_summary sum;
		dyad_error err;
		memset(&err, 0, sizeof err);
		dyad_status st = dyad_validate(argv[i], &opt, &sum, &err);
		if (st != DYAD_OK) {
			fprintf(stderr, "dyad: %s%s%s\n", err.file[0] ? err.file : argv[i],
			        err.message[0] ? ": " : ": ", err.message[0] ? err.message : dyad_strerror(st));
			rc = 3;
			continue;
		}
		if (argc - first > 1)
			printf("%s: ", argv[i]);
		printf("%zu passed, %zu failed", sum.passed, sum.failed);
		if (sum.skipped)
			printf(", %zu skipped", sum.skipped);
		printf("\n");
		if (sum.failed && rc == 0)
			rc = 1;
	}
	compat_opts_free(&co);
	return rc;
}
