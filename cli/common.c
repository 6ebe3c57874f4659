/* common.c - what the document commands (`dyad code`, `dyad faq`) share: error reports,
 * format names and the loop over documents with per-record errors. */
#include "commands.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void cli_report_error(dyad_status st, const dyad_error *err)
{
	fprintf(stderr, "dyad: %s", err->file);
	if (err->line)
		fprintf(stderr, ":%ld", err->line);
	if (err->column)
		fprintf(stderr, ":%ld", err->column);
	if (err->id[0])
		fprintf(stderr, "%srecord %s", err->file[0] ? ": " : "", err->id);
	fprintf(stderr, "%s%s (skipped)\n", err->file[0] || err->id[0] ? ": " : "",
	        err->message[0] ? err->message : dyad_strerror(st));
}

int cli_input_format(const char *name, dyad_input_format *out)
{
	if (!strcmp(name, "auto"))
		*out = DYAD_INPUT_AUTO;
	else if (!strcmp(name, "plain"))
		*out = DYAD_INPUT_PLAIN;
	else if (!strcmp(name, "jsonl"))
		*out = DYAD_INPUT_JSONL;
	else {
		fprintf(stderr, "dyad: unknown input format '%s' (auto, plain, jsonl)\n", name);
		return CLI_USAGE;
	}
	return CLI_OK;
}

int cli_parse_doc_opts(int argc, char **argv, const char *usage, cli_opt_fn fn, void *ctx,
                       cli_doc_opts *o)
{
	memset(o, 0, sizeof *o);
	o->in = DYAD_INPUT_AUTO;
	o->first_path = argc;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--")) {
			o->first_path = i + 1;
			break;
		}
		if (a[0] != '-' || !strcmp(a, "-")) {
			o->first_path = i;
			break;
		}
		bool takes = !strcmp(a, "-d") || !strcmp(a, "--dict") || !strcmp(a, "-i") ||
		             !strcmp(a, "--input-format") || !strcmp(a, "-f") ||
		             !strcmp(a, "--format") || !strcmp(a, "--date");
		if (!takes) {
			int rc = fn ? fn(ctx, a, v) : -1;
			if (rc < 0) {
				fprintf(stderr, "dyad: unknown option '%s'\n%s", a, usage);
				return CLI_USAGE;
			}
			if (rc == CLI_USAGE)
				return CLI_USAGE;
			i += rc;
			continue;
		}
		if (!v) {
			fprintf(stderr, "dyad: %s needs a value\n%s", a, usage);
			return CLI_USAGE;
		}
		i++;
		if (!strcmp(a, "-d") || !strcmp(a, "--dict"))
			o->dict_dir = v;
		else if (!strcmp(a, "-i") || !strcmp(a, "--input-format")) {
			if (cli_input_format(v, &o->in) != CLI_OK)
				return CLI_USAGE;
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format"))
			o->format = v;
		else {
			if (dyad_date_parse(v, strlen(v)) == INT32_MIN) {
				fprintf(stderr, "dyad: --date wants YYYY-MM-DD, not '%s'\n", v);
				return CLI_USAGE;
			}
			o->date = v;
		}
	}
	return CLI_OK;
}

int cli_each_doc(dyad_reader *reader, int npaths, char **paths, cli_doc_fn fn, void *ctx)
{
	int rc = CLI_OK;
	if (!npaths && dyad_reader_add(reader, "-") != DYAD_OK)
		rc = CLI_FATAL;
	for (int i = 0; i < npaths; i++)
		if (dyad_reader_add(reader, paths[i]) != DYAD_OK)
			rc = CLI_FATAL;
	unsigned long rejected = 0;
	while (rc == CLI_OK || rc == CLI_REJECTED) {
		dyad_doc doc;
		dyad_error err;
		memset(&err, 0, sizeof err);
		dyad_status st = dyad_reader_next(reader, &doc, &err);
		if (st == DYAD_DONE)
			break;
		if (st == DYAD_OK) {
			memset(&err, 0, sizeof err);
			st = fn(ctx, &doc, &err);
			if (st != DYAD_OK && st != DYAD_ENOMEM && st != DYAD_EIO) {
				if (!err.file[0] && doc.source)
					snprintf(err.file, sizeof err.file, "%s", doc.source);
				if (!err.line)
					err.line = doc.line;
			}
			if (st == DYAD_EIO) {
				fprintf(stderr, "dyad: cannot write output: %s\n", strerror(errno));
				rc = CLI_FATAL;
				break;
			}
		}
		if (st == DYAD_ENOMEM) {
			fprintf(stderr, "dyad: out of memory\n");
			rc = CLI_FATAL;
			break;
		}
		if (st != DYAD_OK) {
			cli_report_error(st, &err);
			rejected++;
			rc = CLI_REJECTED;
		}
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "dyad: cannot write output: %s\n", strerror(errno));
		rc = CLI_FATAL;
	}
	if (rejected)
		fprintf(stderr, "dyad: %lu record%s rejected\n", rejected, rejected == 1 ? "" : "s");
	return rc;
}
