/* cmd_faq.c - `dyad faq`: the article FAQ (who, what, when, where, why, how and follow-ups). */
#include "commands.h"
#include "dyad.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exit statuses, as for `dyad code` (see main.c and dyad(1)). */
enum { FAQ_OK = 0, FAQ_REJECTED = 1, FAQ_USAGE = 2, FAQ_DICT = 3, FAQ_FATAL = 4 };

static const char faq_usage[] =
    "usage: dyad faq [options] [FILE|DIR|-]...\n"
    "  -d, --dict DIR           dictionaries to use instead of the built-in defaults\n"
    "  -i, --input-format FMT   auto (default), plain or jsonl\n"
    "  -f, --format FMT         markdown (default) or jsonl\n"
    "      --date YYYY-MM-DD    date for plain files without a date header\n";

static void report(dyad_status st, const dyad_error *err)
{
	fprintf(stderr, "dyad: %s", err->file[0] ? err->file : "");
	if (err->line)
		fprintf(stderr, ":%ld", err->line);
	if (err->id[0])
		fprintf(stderr, "%srecord %s", err->file[0] ? ": " : "", err->id);
	fprintf(stderr, "%s%s (skipped)\n", err->file[0] || err->id[0] ? ": " : "",
	        err->message[0] ? err->message : dyad_strerror(st));
}

int cmd_faq(int argc, char **argv)
{
	const char *dict_dir = NULL, *date = NULL;
	dyad_input_format in = DYAD_INPUT_AUTO;
	dyad_faq_format outf = DYAD_FAQ_MARKDOWN;
	int first_path = argc;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--")) {
			first_path = i + 1;
			break;
		}
		if (a[0] != '-' || !strcmp(a, "-")) {
			first_path = i;
			break;
		}
		bool takes = !strcmp(a, "-d") || !strcmp(a, "--dict") || !strcmp(a, "-i") ||
		             !strcmp(a, "--input-format") || !strcmp(a, "-f") ||
		             !strcmp(a, "--format") || !strcmp(a, "--date");
		if (takes && !v) {
			fprintf(stderr, "dyad: %s needs a value\n%s", a, faq_usage);
			return FAQ_USAGE;
		}
		if (!strcmp(a, "-d") || !strcmp(a, "--dict"))
			dict_dir = v;
		else if (!strcmp(a, "-i") || !strcmp(a, "--input-format")) {
			if (!strcmp(v, "auto"))
				in = DYAD_INPUT_AUTO;
			else if (!strcmp(v, "plain"))
				in = DYAD_INPUT_PLAIN;
			else if (!strcmp(v, "jsonl"))
				in = DYAD_INPUT_JSONL;
			else {
				fprintf(stderr, "dyad: unknown input format '%s' (auto, plain, jsonl)\n", v);
				return FAQ_USAGE;
			}
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			if (!strcmp(v, "markdown") || !strcmp(v, "md"))
				outf = DYAD_FAQ_MARKDOWN;
			else if (!strcmp(v, "jsonl"))
				outf = DYAD_FAQ_JSONL;
			else {
				fprintf(stderr, "dyad: unknown output format '%s' (markdown, jsonl)\n", v);
				return FAQ_USAGE;
			}
		} else if (!strcmp(a, "--date")) {
			if (dyad_date_parse(v, strlen(v)) == INT32_MIN) {
				fprintf(stderr, "dyad: --date wants YYYY-MM-DD, not '%s'\n", v);
				return FAQ_USAGE;
			}
			date = v;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(faq_usage, stdout);
			return FAQ_OK;
		} else {
			fprintf(stderr, "dyad: unknown option '%s'\n%s", a, faq_usage);
			return FAQ_USAGE;
		}
		if (takes)
			i++;
	}
	dyad_dict *dict = NULL;
	dyad_error err;
	memset(&err, 0, sizeof err);
	if (dyad_dict_load(dict_dir, stderr, &dict, &err) != DYAD_OK) {
		fprintf(stderr, "dyad: dictionaries did not load\n");
		return FAQ_DICT;
	}
	dyad_reader *reader = NULL;
	dyad_faq *faq = NULL;
	if (dyad_reader_new(in, date, &reader) != DYAD_OK || dyad_faq_new(dict, &faq) != DYAD_OK) {
		fprintf(stderr, "dyad: out of memory\n");
		dyad_reader_free(reader);
		dyad_dict_free(dict);
		return FAQ_FATAL;
	}
	int rc = FAQ_OK;
	if (first_path >= argc && dyad_reader_add(reader, "-") != DYAD_OK)
		rc = FAQ_FATAL;
	for (int i = first_path; i < argc; i++)
		if (dyad_reader_add(reader, argv[i]) != DYAD_OK)
			rc = FAQ_FATAL;
	unsigned long rejected = 0;
	while (rc == FAQ_OK || rc == FAQ_REJECTED) {
		dyad_doc doc;
		memset(&err, 0, sizeof err);
		dyad_status st = dyad_reader_next(reader, &doc, &err);
		if (st == DYAD_DONE)
			break;
		if (st == DYAD_ENOMEM) {
			rc = FAQ_FATAL;
			break;
		}
		if (st != DYAD_OK) {
			report(st, &err);
			rejected++;
			rc = FAQ_REJECTED;
			continue;
		}
		memset(&err, 0, sizeof err);
		st = dyad_faq_answer(faq, &doc, &err);
		if (st == DYAD_ENOMEM) {
			rc = FAQ_FATAL;
			break;
		}
		if (st != DYAD_OK) {
			if (!err.file[0] && doc.source)
				snprintf(err.file, sizeof err.file, "%s", doc.source);
			if (!err.line)
				err.line = doc.line;
			report(st, &err);
			rejected++;
			rc = FAQ_REJECTED;
			continue;
		}
		if (dyad_faq_write(stdout, outf, faq, &doc) != DYAD_OK)
			rc = FAQ_FATAL;
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "dyad: cannot write output: %s\n", strerror(errno));
		rc = FAQ_FATAL;
	}
	if (rejected)
		fprintf(stderr, "dyad: %lu record%s rejected\n", rejected, rejected == 1 ? "" : "s");
	dyad_faq_free(faq);
	dyad_reader_free(reader);
	dyad_dict_free(dict);
	return rc;
}
