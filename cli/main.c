/* main.c - the dyad command: a thin user of libdyad (include/dyad.h). */
#include "dyad.h"
#include "commands.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>


static const char usage[] =
    "usage: dyad code [options] [FILE|DIR|-]...\n"
    "       dyad faq [options] [FILE|DIR|-]...\n"
    "       dyad dict check [DIR]\n"
    "       dyad dict stats [DIR]\n"
    "       dyad dict lookup PHRASE... [--date YYYY-MM-DD] [--dict DIR]\n"
    "       dyad validate [options] FILE...   (see dyad validate --help)\n"
    "       dyad --help | --version\n"
    "\n"
    "dyad codes dated news articles into CAMEO events (who did what to whom, when).\n"
    "\n"
    "code options:\n"
    "  -d, --dict DIR           dictionaries to use instead of the built-in defaults\n"
    "      --verbs FILE         TABARI or PETRARCH verbs (with the options below, instead\n"
    "                           of dyad's dictionaries; see dyad validate --help)\n"
    "      --actors F[,F...]    TABARI or PETRARCH actor files\n"
    "      --agents FILE        TABARI or PETRARCH agents\n"
    "      --discards FILE      PETRARCH discards\n"
    "      --config INI         a PETRARCH config file naming all of these\n"
    "      --dialect D          whose formats and coding rules: auto (the default), tabari,\n"
    "                           petrarch1 or petrarch2\n"
    "  -i, --input-format FMT   auto (default), plain or jsonl\n"
    "  -f, --format FMT         output format: jsonl (default) or tsv\n"
    "      --date YYYY-MM-DD    date for plain files without a date header\n"
    "      --explain            print, for each sentence, the actors found and why each\n"
    "                           event was or was not coded, before its events\n"
    "  -q, --quiet              no progress report on standard error\n"
    "\n"
    "faq options (the article FAQ: who, what, when, where, why, how, follow-ups; each answer\n"
    "cites its sentence): -d, -i and --date as for code, and\n"
    "  -f, --format FMT         markdown (default) or jsonl (one object per article)\n"
    "\n"
    "Inputs are plain article files (`date YYYY-MM-DD` then the text), JSON Lines\n"
    "({\"id\",\"date\",\"text\",\"title\"}), directories (walked in sorted order), - for standard\n"
    "input, and gzip files of these. With no input, standard input is read.\n"
    "\n"
    "exit status: 0 all coded; 1 some records rejected (each reported on standard error);\n"
    "2 usage error; 3 dictionary error; 4 output error or out of memory.\n";

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}


static int load_dict(const char *dir, dyad_dict **dict)
{
	dyad_error err;
	dyad_status st = dyad_dict_load(dir, stderr, dict, &err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: dictionaries did not load: %s\n", dyad_strerror(st));
		return CLI_DICT;
	}
	return CLI_OK;
}

/* The state of one `dyad code` run, for code_one. */
typedef struct code_run {
	dyad_reader *reader;
	dyad_coder *coder;
	dyad_output_format format;
	bool explain, progress;
	double t0, last;
	unsigned long docs, sentences;
} code_run;

/* Codes one document and writes its events (and explanation); reports progress. */
static dyad_status code_one(void *ctx, const dyad_doc *doc, dyad_error *err)
{
	code_run *r = ctx;
	dyad_status st = dyad_coder_code(r->coder, doc, err);
	if (st != DYAD_OK)
		return st;
	r->docs++;
	r->sentences += dyad_coder_sentence_count(r->coder);
	if (r->explain)
		printf("# %s\n%s", doc->id, dyad_coder_explain(r->coder));
	for (size_t i = 0; i < dyad_coder_event_count(r->coder); i++)
		if (dyad_write_event(stdout, r->format, doc, dyad_coder_event(r->coder, i)) != DYAD_OK)
			return DYAD_EIO;
	if (r->progress && now() - r->last >= 0.5) {
		uint64_t done, total;
		dyad_reader_progress(r->reader, &done, &total);
		r->last = now();
		fprintf(stderr, "\r%lu documents, %lu sentences, %.0f sentences/s", r->docs,
		        r->sentences, r->sentences / (r->last - r->t0));
		if (total)
			fprintf(stderr, ", %.0f%%", 100.0 * (double)done / (double)total);
		fflush(stderr);
	}
	return DYAD_OK;
}

/* The options only `dyad code` has. */
typedef struct code_opts {
	compat_opts co;
	bool explain, quiet;
} code_opts;

static int code_option(void *ctx, const char *a, const char *v)
{
	code_opts *o = ctx;
	int ck = compat_option(&o->co, a, v);
	if (ck)
		return ck < 0 ? CLI_USAGE : 1;
	if (!strcmp(a, "--explain"))
		o->explain = true;
	else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
		o->quiet = true;
	else
		return -1;
	return 0;
}

static int cmd_code(int argc, char **argv)
{
	code_opts o;
	memset(&o, 0, sizeof o);
	cli_doc_opts d;
	int prc = cli_parse_doc_opts(argc, argv, usage, code_option, &o, &d);
	dyad_output_format outf = DYAD_OUTPUT_JSONL;
	if (prc == CLI_OK && d.format) {
		if (!strcmp(d.format, "tsv"))
			outf = DYAD_OUTPUT_TSV;
		else if (strcmp(d.format, "jsonl")) {
			fprintf(stderr, "dyad: unknown output format '%s' (jsonl, tsv)\n", d.format);
			prc = CLI_USAGE;
		}
	}
	if (prc != CLI_OK) {
		compat_opts_free(&o.co);
		return prc;
	}
	dyad_dict *dict = NULL;
	int rc = o.co.any ? compat_load_dict(&o.co, &dict) : load_dict(d.dict_dir, &dict);
	compat_opts_free(&o.co);
	if (rc)
		return rc;
	dyad_reader *reader = NULL;
	dyad_coder *coder = NULL;
	dyad_coder_options opt = {0};
	opt.explain = o.explain;
	if (dyad_reader_new(d.in, d.date, &reader) != DYAD_OK ||
	    dyad_coder_new(dict, &opt, &coder) != DYAD_OK) {
		fprintf(stderr, "dyad: out of memory\n");
		dyad_reader_free(reader);
		dyad_dict_free(dict);
		return CLI_FATAL;
	}
	code_run run = {.reader = reader, .coder = coder, .format = outf, .explain = o.explain,
	                .progress = !o.quiet && isatty(STDERR_FILENO)};
	run.t0 = run.last = now();
	if (outf == DYAD_OUTPUT_TSV)
		dyad_write_tsv_header(stdout);
	rc = cli_each_doc(reader, argc - d.first_path, argv + d.first_path, code_one, &run);
	if (run.progress && run.last > run.t0)
		fprintf(stderr, "\r%lu documents, %lu sentences in %.1f s\n", run.docs, run.sentences,
		        now() - run.t0);
	dyad_coder_free(coder);
	dyad_reader_free(reader);
	dyad_dict_free(dict);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "%s", usage);
		return CLI_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage, stdout);
		return CLI_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("dyad %s\n", DYAD_VERSION);
		return CLI_OK;
	}
	if (!strcmp(argv[1], "code"))
		return cmd_code(argc - 2, argv + 2);
	if (!strcmp(argv[1], "dict"))
		return cmd_dict(argc - 2, argv + 2);
	if (!strcmp(argv[1], "faq"))
		return cmd_faq(argc - 2, argv + 2);
	if (!strcmp(argv[1], "validate"))
		return cmd_validate(argc - 2, argv + 2);
	fprintf(stderr, "dyad: unknown command '%s'\n%s", argv[1], usage);
	return CLI_USAGE;
}
