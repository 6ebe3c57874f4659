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

/* The options only `dyad faq` has. */
static int faq_option(void *ctx, const char *a, const char *v)
{
	(void)v;
	if (strcmp(a, "-h") && strcmp(a, "--help"))
		return -1;
	*(bool *)ctx = true;
	return 0;
}

int cmd_faq(int argc, char **argv)
{
	bool help = false;
	cli_doc_opts d;
	if (cli_parse_doc_opts(argc, argv, faq_usage, faq_option, &help, &d) != CLI_OK)
		return CLI_USAGE;
	if (help) {
		fputs(faq_usage, stdout);
		return CLI_OK;
	}
	dyad_faq_format outf = DYAD_FAQ_MARKDOWN;
	if (d.format) {
		if (!strcmp(d.format, "jsonl"))
			outf = DYAD_FAQ_JSONL;
		else if (strcmp(d.format, "markdown") && strcmp(d.format, "md")) {
			fprintf(stderr, "dyad: unknown output format '%s' (markdown, jsonl)\n", d.format);
			return CLI_USAGE;
		}
	}
	dyad_dict *dict = NULL;
	dyad_error err;
	memset(&err, 0, sizeof err);
	if (dyad_dict_load(d.dict_dir, stderr, &dict, &err) != DYAD_OK) {
		fprintf(stderr, "dyad: dictionaries did not load\n");
		return CLI_DICT;
	}
	dyad_reader *reader = NULL;
	dyad_faq *faq = NULL;
	if (dyad_reader_new(d.in, d.date, &reader) != DYAD_OK || dyad_faq_new(dict, &faq) != DYAD_OK) {
		fprintf(stderr, "dyad: out of memory\n");
		dyad_reader_free(reader);
		dyad_dict_free(dict);
		return CLI_FATAL;
	}
	faq_run run = {.faq = faq, .format = outf};
	int rc = cli_each_doc(reader, argc - d.first_path, argv + d.first_path, faq_one, &run);
	dyad_faq_free(faq);
	dyad_reader_free(reader);
	dyad_dict_free(dict);
	return rc;
}
