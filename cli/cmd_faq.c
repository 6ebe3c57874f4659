/* cmd_faq.c - `dyad faq`: the article FAQ (who, what, when, where, why, how and follow-ups). */
#include "commands.h"
#include "dyad.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char faq_usage[] =
    "usage: dyad faq [options] [FILE|DIR|-]...\n"
    "  -d, --dict DIR           dictionaries to use instead of the built-in defaults\n"
    "  -i, --input-format FMT   auto (default), plain or jsonl\n"
    "  -f, --format FMT         markdown (default) or jsonl\n"
    "      --date YYYY-MM-DD    date for plain files without a date header\n";


typedef struct faq_run {
	dyad_faq *faq;
	dyad_faq_format format;
} faq_run;

/* Answers one document's questions and writes them. */
static dyad_status faq_one(void *ctx, const dyad_doc *doc, dyad_error *err)
{
	faq_run *r = ctx;
	dyad_status st = dyad_faq_answer(r->faq, doc, err);
	if (st != DYAD_OK)
		return st;
	return dyad_faq_write(stdout, r->format, r->faq, doc) == DYAD_OK ? DYAD_OK : DYAD_EIO;
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
			return CLI_USAGE;
		}
		if (!strcmp(a, "-d") || !strcmp(a, "--dict"))
			dict_dir = v;
		else if (!strcmp(a, "-i") || !strcmp(a, "--input-format")) {
			if (cli_input_format(v, &in) != CLI_OK)
				return CLI_USAGE;
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			if (!strcmp(v, "markdown") || !strcmp(v, "md"))
				outf = DYAD_FAQ_MARKDOWN;
			else if (!strcmp(v, "jsonl"))
				outf = DYAD_FAQ_JSONL;
			else {
				fprintf(stderr, "dyad: unknown output format '%s' (markdown, jsonl)\n", v);
				return CLI_USAGE;
			}
		} else if (!strcmp(a, "--date")) {
			if (dyad_date_parse(v, strlen(v)) == INT32_MIN) {
				fprintf(stderr, "dyad: --date wants YYYY-MM-DD, not '%s'\n", v);
				return CLI_USAGE;
			}
			date = v;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(faq_usage, stdout);
			return CLI_OK;
		} else {
			fprintf(stderr, "dyad: unknown option '%s'\n%s", a, faq_usage);
			return CLI_USAGE;
		}
		if (takes)
			i++;
	}
	dyad_dict *dict = NULL;
	dyad_error err;
	memset(&err, 0, sizeof err);
	if (dyad_dict_load(dict_dir, stderr, &dict, &err) != DYAD_OK) {
		fprintf(stderr, "dyad: dictionaries did not load\n");
		return CLI_DICT;
	}
	dyad_reader *reader = NULL;
	dyad_faq *faq = NULL;
	if (dyad_reader_new(in, date, &reader) != DYAD_OK || dyad_faq_new(dict, &faq) != DYAD_OK) {
		fprintf(stderr, "dyad: out of memory\n");
		dyad_reader_free(reader);
		dyad_dict_free(dict);
		return CLI_FATAL;
	}
	faq_run run = {.faq = faq, .format = outf};
	int rc = cli_each_doc(reader, argc - first_path, argv + first_path, faq_one, &run);
	dyad_faq_free(faq);
	dyad_reader_free(reader);
	dyad_dict_free(dict);
	return rc;
}
