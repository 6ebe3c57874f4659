/* spec.c - runs the plain-text spec files of tests/spec: each example gives an input, a line
 * with ".", and the expected output of one stage (tokens, sentences, actors or events), with
 * prose between examples explaining the rule. Prints failures and "N passed, M failed". */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FENCE "````````````````````````````````"

static dyad_dict *dict;
static int passed, failed;

static void run_tokens(const char *in, size_t n, buf *out)
{
	vec toks;
	vec_init(&toks, sizeof(token));
	size_t bad = 0;
	if (tokenize(&dict->words, in, n, &toks, &bad) != DYAD_OK) {
		buf_printf(out, "invalid UTF-8 at %zu\n", bad);
	} else {
		for (size_t i = 0; i < toks.len; i++) {
			token *t = &VEC_AT(toks, token, i);
			char norm[DYAD_MAX_WORD];
			size_t k = normalize_word(in + t->start, t->end - t->start, norm);
			buf_printf(out, "%.*s|%.*s\n", (int)(t->end - t->start), in + t->start, (int)k,
			           norm);
		}
	}
	vec_free(&toks);
}

static void run_sentences(const char *in, size_t n, buf *out)
{
	vec toks, sents;
	vec_init(&toks, sizeof(token));
	vec_init(&sents, sizeof(uint32_t));
	size_t bad = 0;
	if (tokenize(&dict->words, in, n, &toks, &bad) == DYAD_OK &&
	    split_sentences(toks.data, toks.len, in, &sents) == DYAD_OK) {
		for (size_t i = 0; i < sents.len; i += 2) {
			token *a = &VEC_AT(toks, token, VEC_AT(sents, uint32_t, i));
			token *b = &VEC_AT(toks, token, VEC_AT(sents, uint32_t, i + 1) - 1);
			buf_printf(out, "%.*s\n", (int)(b->end - a->start), in + a->start);
		}
	}
	vec_free(&toks);
	vec_free(&sents);
}

static void run_coder(const char *in, size_t n, buf *out, bool events)
{
	int32_t date = dyad_date_parse("2023-11-14", 10);
	if (n > 16 && memcmp(in, "date ", 5) == 0 && dyad_date_parse(in + 5, 10) != INT32_MIN) {
		date = dyad_date_parse(in + 5, 10);
		in += 15;
		n -= 15;
		while (n && (*in == '\n' || *in == ' ')) {
			in++;
			n--;
		}
	}
	dyad_coder *c;
	if (dyad_coder_new(dict, NULL, &c) != DYAD_OK)
		return;
	dyad_doc doc = {0};
	doc.id = "spec";
	doc.date = date;
	doc.text = in;
	doc.text_len = n;
	dyad_error err;
	if (dyad_coder_code(c, &doc, &err) != DYAD_OK) {
		buf_printf(out, "error: %s\n", err.message);
	} else if (events) {
		for (size_t i = 0; i < dyad_coder_event_count(c); i++) {
			const dyad_event *e = dyad_coder_event(c, i);
			buf_printf(out, "%s %s %s\n", e->source, e->target, e->code);
		}
	} else {
		for (size_t i = 0; i < dyad_coder_actor_count(c); i++) {
			const dyad_actor *a = dyad_coder_actor(c, i);
			buf_printf(out, "%s %.*s\n", a->code, (int)(a->span.end - a->span.start),
			           in + a->span.start);
		}
	}
	dyad_coder_free(c);
}

static void run_file(const char *path)
{
	size_t len;
	char *text = NULL;
	if (read_whole_file(path, &text, &len) != DYAD_OK) {
		fprintf(stderr, "%s: cannot read\n", path);
		failed++;
		return;
	}
	long line = 0;
	char *p = text;
	while (*p) {
		char *eol = strchr(p, '\n');
		size_t ll = eol ? (size_t)(eol - p) : strlen(p);
		line++;
		if (ll > strlen(FENCE) && memcmp(p, FENCE " example ", strlen(FENCE) + 9) == 0) {
			long start_line = line;
			char mode[32] = {0};
			size_t ml = ll - strlen(FENCE) - 9;
			memcpy(mode, p + strlen(FENCE) + 9, ml < sizeof mode - 1 ? ml : sizeof mode - 1);
			buf input = {0}, expect = {0}, got = {0};
			bool in_expect = false;
			p = eol ? eol + 1 : p + ll;
			while (*p) {
				eol = strchr(p, '\n');
				ll = eol ? (size_t)(eol - p) : strlen(p);
				line++;
				if (ll == strlen(FENCE) && memcmp(p, FENCE, ll) == 0) {
					p = eol ? eol + 1 : p + ll;
					break;
				}
				if (ll == 1 && p[0] == '.' && !in_expect)
					in_expect = true;
				else
					buf_append(in_expect ? &expect : &input, p, ll + (eol ? 1 : 0));
				p = eol ? eol + 1 : p + ll;
			}
			/* The input's final newline belongs to the fence layout, not the text. */
			if (input.len && input.data[input.len - 1] == '\n')
				input.data[--input.len] = 0;
			const char *in = input.data ? input.data : "";
			if (!strcmp(mode, "tokens"))
				run_tokens(in, input.len, &got);
			else if (!strcmp(mode, "sentences"))
				run_sentences(in, input.len, &got);
			else if (!strcmp(mode, "actors"))
				run_coder(in, input.len, &got, false);
			else if (!strcmp(mode, "events"))
				run_coder(in, input.len, &got, true);
			else
				buf_printf(&got, "unknown example kind '%s'\n", mode);
			const char *e = expect.data ? expect.data : "", *g = got.data ? got.data : "";
			if (!strcmp(e, g)) {
				passed++;
			} else {
				failed++;
				printf("FAIL %s:%ld (%s)\n--- input\n%s\n--- expected\n%s--- got\n%s\n", path,
				       start_line, mode, in, e, g);
			}
			buf_free(&input);
			buf_free(&expect);
			buf_free(&got);
			continue;
		}
		p = eol ? eol + 1 : p + ll;
	}
	free(text);
}

int main(int argc, char **argv)
{
	dyad_error err;
	if (dyad_dict_load(NULL, stderr, &dict, &err) != DYAD_OK) {
		fprintf(stderr, "spec: default dictionaries did not load\n");
		return 1;
	}
	for (int i = 1; i < argc; i++)
		run_file(argv[i]);
	dyad_dict_free(dict);
	printf("spec: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
