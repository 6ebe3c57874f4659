/* cmd_dict.c - `dyad dict check|stats|lookup`: lint, coverage counts and what a phrase
 * resolves to on a date. */
#include "commands.h"
#include "dyad.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int load(const char *dir, dyad_dict **dict)
{
	dyad_error err;
	dyad_status st = dyad_dict_load(dir, stderr, dict, &err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: dictionaries did not load: %s\n", dyad_strerror(st));
		return 3;
	}
	return 0;
}

static void print_stats(const char *name, const dyad_dict_stats *s)
{
	printf("%-28s %6zu %9zu %7zu %6zu %6zu %6zu %8zu %8zu %8zu %7zu\n", name, s->codes,
	       s->countries, s->persons, s->roles, s->orgs, s->agents, s->phrases,
	       s->verb_patterns, s->noun_patterns, s->discards);
}

static int stats(const dyad_dict *dict)
{
	printf("%-28s %6s %9s %7s %6s %6s %6s %8s %8s %8s %7s\n", "file", "codes", "countries",
	       "persons", "roles", "orgs", "agents", "phrases", "verbs", "nouns", "discard");
	dyad_dict_stats s;
	for (size_t i = 0; i < dyad_dict_file_count(dict); i++) {
		const char *name = dyad_dict_file_stats(dict, i, &s);
		print_stats(name, &s);
	}
	dyad_dict_get_stats(dict, &s);
	print_stats("total", &s);
	printf("\nevent patterns by CAMEO root:\n");
	for (int root = 1; root <= 20; root++) {
		char code[3] = {(char)('0' + root / 10), (char)('0' + root % 10), 0};
		const dyad_code_info *c = dyad_dict_code(dict, code);
		printf("%s %-42s %6zu\n", code, c ? c->name : "?", dyad_dict_root_patterns(dict, root));
	}
	return 0;
}

static int check(const dyad_dict *dict)
{
	size_t n = dyad_dict_warning_count(dict);
	for (size_t i = 0; i < n; i++)
		printf("%s\n", dyad_dict_warning(dict, i));
	dyad_dict_stats s;
	dyad_dict_get_stats(dict, &s);
	if (n) {
		printf("%zu finding%s\n", n, n == 1 ? "" : "s");
		return 1;
	}
	printf("ok: %zu codes, %zu actor phrases, %zu event patterns\n", s.codes, s.phrases,
	       s.verb_patterns + s.noun_patterns);
	return 0;
}

/* Codes the phrase as a one-sentence document and prints the coder's explanation. */
static int lookup(const dyad_dict *dict, const char *phrase, const char *date)
{
	dyad_coder *coder;
	dyad_coder_options opt = {.explain = 1};
	if (dyad_coder_new(dict, &opt, &coder) != DYAD_OK)
		return 4;
	dyad_doc doc = {.id = "lookup", .date = dyad_date_parse(date, strlen(date)),
	                .text = phrase, .text_len = strlen(phrase)};
	dyad_error err;
	dyad_status st = dyad_coder_code(coder, &doc, &err);
	if (st != DYAD_OK) {
		fprintf(stderr, "dyad: %s\n", err.message[0] ? err.message : dyad_strerror(st));
		dyad_coder_free(coder);
		return 1;
	}
	printf("on %s:\n%s", date, dyad_coder_explain(coder));
	if (!dyad_coder_actor_count(coder) && !dyad_coder_event_count(coder))
		printf("  no actor or event pattern matches\n");
	dyad_coder_free(coder);
	return 0;
}

int cmd_dict(int argc, char **argv)
{
	const char *sub = argc > 0 ? argv[0] : "";
	const char *dir = NULL, *date = NULL;
	char today[11];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	char phrase[4096] = "";
	size_t plen = 0;
	for (int i = 1; i < argc; i++) {
		if ((!strcmp(argv[i], "--date") || !strcmp(argv[i], "--dict") ||
		     !strcmp(argv[i], "-d")) && i + 1 < argc) {
			if (!strcmp(argv[i], "--date"))
				date = argv[++i];
			else
				dir = argv[++i];
		} else if (!strcmp(sub, "lookup")) {
			int n = snprintf(phrase + plen, sizeof phrase - plen, "%s%s", plen ? " " : "",
			                 argv[i]);
			if (n < 0 || (size_t)n >= sizeof phrase - plen) {
				fprintf(stderr, "dyad: phrase too long\n");
				return 2;
			}
			plen += (size_t)n;
		} else if (!dir && argv[i][0] != '-') {
			dir = argv[i];
		} else {
			fprintf(stderr, "dyad: unexpected argument '%s'\n", argv[i]);
			return 2;
		}
	}
	if (date && dyad_date_parse(date, strlen(date)) == INT32_MIN) {
		fprintf(stderr, "dyad: --date wants YYYY-MM-DD, not '%s'\n", date);
		return 2;
	}
	bool known = !strcmp(sub, "check") || !strcmp(sub, "stats") || !strcmp(sub, "lookup");
	if (!known || (!strcmp(sub, "lookup") && !plen)) {
		fprintf(stderr, "usage: dyad dict check [DIR]\n"
		                "       dyad dict stats [DIR]\n"
		                "       dyad dict lookup PHRASE... [--date YYYY-MM-DD] [--dict DIR]\n");
		return 2;
	}
	dyad_dict *dict = NULL;
	int rc = load(dir, &dict);
	if (rc)
		return rc;
	if (!strcmp(sub, "stats"))
		rc = stats(dict);
	else if (!strcmp(sub, "check"))
		rc = check(dict);
	else
		rc = lookup(dict, phrase, date ? date : today);
	dyad_dict_free(dict);
	return rc;
}
