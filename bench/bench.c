/* bench.c - `make bench`: codes a corpus (by default the Reuters-21578 JSON Lines of
 * ../shared) on one core and prints documents/s, sentences/s, MB/s, events and peak memory,
 * beside the cost of reading alone and of tokenizing alone. Skips cleanly when the corpus is
 * absent. Usage: bench [CORPUS] */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

typedef struct stored {
	char *id, *title, *text;
	size_t title_len, text_len;
	int32_t date;
} stored;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *copy_bytes(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p) {
		fprintf(stderr, "bench: out of memory\n");
		exit(1);
	}
	if (n)
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "../shared/corpus/reuters21578.jsonl.gz";
	if (access(path, R_OK) != 0) {
		printf("bench: %s is absent; skipped\n", path);
		return 0;
	}
	/* 1. Dictionary load and the first event. */
	double t0 = now();
	dyad_dict *dict;
	dyad_error err;
	if (dyad_dict_load(NULL, stderr, &dict, &err) != DYAD_OK)
		return 1;
	dyad_coder *coder;
	if (dyad_coder_new(dict, NULL, &coder) != DYAD_OK)
		return 1;
	static const char probe[] = "Israel launched air strikes on Gaza.";
	dyad_doc pd = {.id = "probe", .date = dyad_date_parse("2023-11-14", 10), .text = probe,
	               .text_len = sizeof probe - 1};
	dyad_coder_code(coder, &pd, &err);
	double t_load = now() - t0;
	size_t probe_events = dyad_coder_event_count(coder);

	/* 2. Reading: decompress and parse every record into memory. */
	t0 = now();
	dyad_reader *r;
	if (dyad_reader_new(DYAD_INPUT_AUTO, NULL, &r) != DYAD_OK || dyad_reader_add(r, path))
		return 1;
	size_t n = 0, cap = 1024, bytes = 0;
	stored *docs = malloc(cap * sizeof *docs);
	for (;;) {
		dyad_doc d;
		dyad_status st = dyad_reader_next(r, &d, &err);
		if (st == DYAD_DONE)
			break;
		if (st != DYAD_OK)
			continue;
		if (n == cap) {
			cap *= 2;
			docs = realloc(docs, cap * sizeof *docs);
		}
		if (!docs)
			return 1;
		docs[n].id = copy_bytes(d.id, strlen(d.id));
		docs[n].title = d.title ? copy_bytes(d.title, d.title_len) : NULL;
		docs[n].title_len = d.title ? d.title_len : 0;
		docs[n].text = copy_bytes(d.text, d.text_len);
		docs[n].text_len = d.text_len;
		docs[n].date = d.date;
		bytes += d.text_len + docs[n].title_len;
		n++;
	}
	dyad_reader_free(r);
	double t_read = now() - t0;

	/* 3. Tokenizing and sentence splitting alone: the floor for coding. */
	t0 = now();
	vec toks, sents;
	vec_init(&toks, sizeof(token));
	vec_init(&sents, sizeof(uint32_t));
	size_t tok_sentences = 0, tokens = 0;
	for (size_t i = 0; i < n; i++) {
		const char *fields[2] = {docs[i].title, docs[i].text};
		size_t lens[2] = {docs[i].title_len, docs[i].text_len};
		for (int f = 0; f < 2; f++) {
			if (!lens[f])
				continue;
			toks.len = sents.len = 0;
			size_t bad;
			if (tokenize(&dict->words, fields[f], lens[f], &toks, &bad) != DYAD_OK)
				continue;
			split_sentences(toks.data, toks.len, fields[f], &sents);
			tok_sentences += sents.len / 2;
			tokens += toks.len;
		}
	}
	double t_tok = now() - t0;
	vec_free(&toks);
	vec_free(&sents);

	/* 4. Coding, with events written as JSON Lines to /dev/null. */
	FILE *null = fopen("/dev/null", "w");
	t0 = now();
	size_t sentences = 0, events = 0;
	for (size_t i = 0; i < n; i++) {
		dyad_doc d = {.id = docs[i].id, .date = docs[i].date, .title = docs[i].title,
		              .title_len = docs[i].title_len, .text = docs[i].text,
		              .text_len = docs[i].text_len};
		if (dyad_coder_code(coder, &d, &err) != DYAD_OK)
			continue;
		sentences += dyad_coder_sentence_count(coder);
		for (size_t k = 0; k < dyad_coder_event_count(coder); k++)
			dyad_write_event(null, DYAD_OUTPUT_JSONL, &d, dyad_coder_event(coder, k));
		events += dyad_coder_event_count(coder);
	}
	double t_code = now() - t0;
	fclose(null);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);

	double mb = (double)bytes / 1e6;
	printf("dyad bench: %s, %zu documents, %zu sentences, %.1f MB of text, one core\n", path,
	       n, sentences, mb);
	printf("| stage                     |  seconds |     docs/s |  sentences/s |   MB/s |\n");
	printf("|---------------------------|---------:|-----------:|-------------:|-------:|\n");
	printf("| read (gunzip + JSON)      | %8.3f | %10.0f | %12.0f | %6.1f |\n", t_read,
	       n / t_read, sentences / t_read, mb / t_read);
	printf("| tokenize + split only     | %8.3f | %10.0f | %12.0f | %6.1f |\n", t_tok,
	       n / t_tok, tok_sentences / t_tok, mb / t_tok);
	printf("| code (+ JSON output)      | %8.3f | %10.0f | %12.0f | %6.1f |\n", t_code,
	       n / t_code, sentences / t_code, mb / t_code);
	printf("| end to end (read + code)  | %8.3f | %10.0f | %12.0f | %6.1f |\n",
	       t_read + t_code, n / (t_read + t_code), sentences / (t_read + t_code),
	       mb / (t_read + t_code));
	printf("tokens %zu; events %zu; dictionary load + first event %.1f ms (%zu event%s); "
	       "peak memory %.1f MB (includes the corpus held in memory)\n",
	       tokens, events, t_load * 1e3, probe_events, probe_events == 1 ? "" : "s",
	       ru.ru_maxrss / 1024.0);
	printf("target: >= 35000 sentences/s end to end on one core (TABARI: ~11100)\n");
	for (size_t i = 0; i < n; i++) {
		free(docs[i].id);
		free(docs[i].title);
		free(docs[i].text);
	}
	free(docs);
	dyad_coder_free(coder);
	dyad_dict_free(dict);
	return 0;
}
