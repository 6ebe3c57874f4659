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

/* Exit statuses (also in dyad(1) and the README). */
enum {
	EXIT_OK = 0,       /* every record coded */
	EXIT_REJECTED = 1, /* some records or files were rejected, the rest coded */
	EXIT_USAGE = 2,    /* bad command line */
	EXIT_DICT = 3,     /* the dictionaries did not load */
	EXIT_FATAL = 4     /* output error or out of memory */
};

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

static void report_error(dyad_status st, const dyad_error *err)
{
	if (err->file[0])
		fprintf(stderr, "dyad: %s", err->file);
	else
		fprintf(stderr, "dyad: ");
	if (err->line)
		fprintf(stderr, ":%ld", err->line);
	if (err->column)
		fprintf(stderr, ":%ld", err->column);
	if (err->id[0])
		fprintf(stderr, "%srecord %s", err->file[0] ? ": " : "", err->id);
	fprintf(stderr, "%s%s (%s)\n", err->file[0] || err->id[0] ? ": " : "",
	        err->message[0] ? err->message : dyad_strerror(st), "skipped");
}

static int load_dict(const char *dir, dyad_dict **dict)
{
	dyad_error err;
	dyad_status st = dyad_dict_load(dir, stderr, dict, &err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: dictionaries did not load: %s\n", dyad_strerror(st));
		return EXIT_DICT;
	}
	return EXIT_OK;
}

static int cmd_code(int argc, char **argv)
{
	const char *dict_dir = NULL, *date = NULL;
	dyad_input_format in = DYAD_INPUT_AUTO;
	dyad_output_format outf = DYAD_OUTPUT_JSONL;
	bool explain = false, quiet = false;
	int first_path = argc;
	compat_opts co;
	memset(&co, 0, sizeof co);
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
		int ck = compat_option(&co, a, v);
		if (ck < 0) {
			compat_opts_free(&co);
			return EXIT_USAGE;
		}
		if (ck > 0) {
			i++;
			continue;
		}
		bool takes = !strcmp(a, "-d") || !strcmp(a, "--dict") || !strcmp(a, "-i") ||
		             !strcmp(a, "--input-format") || !strcmp(a, "-f") ||
		             !strcmp(a, "--format") || !strcmp(a, "--date");
		if (takes && !v) {
			fprintf(stderr, "dyad: %s needs a value\n%s", a, usage);
			return EXIT_USAGE;
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
				return EXIT_USAGE;
			}
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			if (!strcmp(v, "jsonl"))
				outf = DYAD_OUTPUT_JSONL;
			else if (!strcmp(v, "tsv"))
				outf = DYAD_OUTPUT_TSV;
			else {
				fprintf(stderr, "dyad: unknown output format '%s' (jsonl, tsv)\n", v);
				return EXIT_USAGE;
			}
		} else if (!strcmp(a, "--date")) {
			if (dyad_date_parse(v, strlen(v)) == INT32_MIN) {
				fprintf(stderr, "dyad: --date wants YYYY-MM-DD, not '%s'\n", v);
				return EXIT_USAGE;
			}
			date = v;
		} else if (!strcmp(a, "--explain"))
			explain = true;
		else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
			quiet = true;
		else {
			fprintf(stderr, "dyad: unknown option '%s'\n%s", a, usage);
			return EXIT_USAGE;
		}
		if (takes)
			i++;
	}
	dyad_dict *dict = NULL;
	int rc = co.any ? compat_load_dict(&co, &dict) : load_dict(dict_dir, &dict);
	compat_opts_free(&co);
	if (rc)
		return rc;
	dyad_reader *reader = NULL;
	dyad_coder *coder = NULL;
	dyad_coder_options opt = {0};
	opt.explain = explain;
	if (dyad_reader_new(in, date, &reader) != DYAD_OK ||
	    dyad_coder_new(dict, &opt, &coder) != DYAD_OK) {
		fprintf(stderr, "dyad: out of memory\n");
		dyad_reader_free(reader);
		dyad_dict_free(dict);
		return EXIT_FATAL;
	}
	if (first_path >= argc)
		dyad_reader_add(reader, "-");
	for (int i = first_path; i < argc; i++)
		if (dyad_reader_add(reader, argv[i]) != DYAD_OK) {
			fprintf(stderr, "dyad: out of memory\n");
			rc = EXIT_FATAL;
		}
	bool progress = !quiet && isatty(STDERR_FILENO);
	double t0 = now(), last = t0;
	unsigned long docs = 0, sentences = 0, rejected = 0;
	if (outf == DYAD_OUTPUT_TSV)
		dyad_write_tsv_header(stdout);
	while (rc == EXIT_OK || rc == EXIT_REJECTED) {
		dyad_doc doc;
		dyad_error err;
		memset(&err, 0, sizeof err);
		dyad_status st = dyad_reader_next(reader, &doc, &err);
		if (st == DYAD_DONE)
			break;
		if (st == DYAD_ENOMEM) {
			rc = EXIT_FATAL;
			break;
		}
		if (st != DYAD_OK) {
			report_error(st, &err);
			rejected++;
			rc = EXIT_REJECTED;
			continue;
		}
		memset(&err, 0, sizeof err);
		st = dyad_coder_code(coder, &doc, &err);
		if (st == DYAD_ENOMEM) {
			rc = EXIT_FATAL;
			break;
		}
		if (st != DYAD_OK) {
			if (!err.file[0] && doc.source)
				snprintf(err.file, sizeof err.file, "%s", doc.source);
			if (!err.line)
				err.line = doc.line;
			report_error(st, &err);
			rejected++;
			rc = EXIT_REJECTED;
			continue;
		}
		docs++;
		sentences += dyad_coder_sentence_count(coder);
		if (explain)
			printf("# %s\n%s", doc.id, dyad_coder_explain(coder));
		for (size_t i = 0; i < dyad_coder_event_count(coder); i++)
			if (dyad_write_event(stdout, outf, &doc, dyad_coder_event(coder, i)) != DYAD_OK) {
				rc = EXIT_FATAL;
				break;
			}
		if (progress && now() - last >= 0.5) {
			uint64_t done, total;
			dyad_reader_progress(reader, &done, &total);
			last = now();
			fprintf(stderr, "\r%lu documents, %lu sentences, %.0f sentences/s", docs,
			        sentences, sentences / (last - t0));
			if (total)
				fprintf(stderr, ", %.0f%%", 100.0 * (double)done / (double)total);
			fflush(stderr);
		}
	}
	if (progress && last > t0)
		fprintf(stderr, "\r%lu documents, %lu sentences in %.1f s\n", docs, sentences,
		        now() - t0);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "dyad: cannot write output: %s\n", strerror(errno));
		rc = EXIT_FATAL;
	}
	if (rejected)
		fprintf(stderr, "dyad: %lu record%s rejected\n", rejected, rejected == 1 ? "" : "s");
	dyad_coder_free(coder);
	dyad_reader_free(reader);
	dyad_dict_free(dict);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "%s", usage);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(usage, stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("dyad %s\n", DYAD_VERSION);
		return EXIT_OK;
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
	return EXIT_USAGE;
}
