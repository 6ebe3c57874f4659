/* score_faq.c - `make score-faq`: the article FAQ measured on the Giveme5W1H gold set.
 * Usage: score_faq GOLD_DIR (holding derived/gold.jsonl and derived/articles/<id>.txt).
 * who, when, where: a hit when the top answer's tokens match a gold phrase with F1 >= 0.5;
 * what, why, how: a hit when the top answer's cited sentence holds more than half of a gold
 * phrase's tokens. Tokens are [a-z0-9]+ runs of the lower-cased text without stop words; an
 * article counts for a question when it has a gold phrase for it. */
#include "dyad.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAXTOK 4096

static const char *const stop[] = {"a", "an", "the", "of", "in", "on", "at", "to", "and",
                                   "or", "for", "by", "with", "from", "is", "was", "are",
                                   "were", "be", "been", "as", "that", "this", "it", "its",
                                   "his", "her", "their", "s", NULL};

typedef struct toks {
	char *w[MAXTOK];
	size_t n;
	char store[1 << 16];
} toks;

static void tokenize_text(const char *s, size_t len, toks *t)
{
	size_t used = 0;
	t->n = 0;
	for (size_t i = 0; i < len && t->n < MAXTOK;) {
		if (!isalnum((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && isalnum((unsigned char)s[j]))
			j++;
		if (used + (j - i) + 1 > sizeof t->store)
			break;
		char *w = t->store + used;
		for (size_t k = i; k < j; k++)
			w[k - i] = (char)tolower((unsigned char)s[k]);
		w[j - i] = 0;
		bool skip = false;
		for (int k = 0; stop[k]; k++)
			if (!strcmp(w, stop[k]))
				skip = true;
		if (!skip) {
			t->w[t->n++] = w;
			used += j - i + 1;
		}
		i = j;
	}
}

/* Token F1 of a and b (multisets). */
static double f1(const toks *a, const toks *b)
{
	if (!a->n || !b->n)
		return 0;
	static char used[MAXTOK];
	memset(used, 0, b->n);
	size_t common = 0;
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++)
			if (!used[j] && !strcmp(a->w[i], b->w[j])) {
				used[j] = 1;
				common++;
				break;
			}
	if (!common)
		return 0;
	double p = (double)common / (double)a->n, r = (double)common / (double)b->n;
	return 2 * p * r / (p + r);
}

/* The share of gold's tokens found in sentence. */
static double held(const toks *sentence, const toks *gold)
{
	if (!gold->n)
		return 0;
	size_t in = 0;
	for (size_t i = 0; i < gold->n; i++)
		for (size_t j = 0; j < sentence->n; j++)
			if (!strcmp(gold->w[i], sentence->w[j])) {
				in++;
				break;
			}
	return (double)in / (double)gold->n;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

enum { ALL, TEST, TRAIN, SPLITS };

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: score_faq GOLD_DIR\n");
		return 2;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/derived/gold.jsonl", argv[1]);
	FILE *gold = fopen(path, "r");
	if (!gold) {
		printf("score-faq: %s not found; skipped\n", path);
		return 0;
	}
	dyad_dict *dict = NULL;
	dyad_faq *faq = NULL;
	dyad_reader *reader = NULL;
	if (dyad_dict_load(NULL, stderr, &dict, NULL) != DYAD_OK || dyad_faq_new(dict, &faq) != DYAD_OK) {
		fprintf(stderr, "score-faq: cannot start\n");
		return 1;
	}
	static toks ta, tb;
	long hits[SPLITS][DYAD_FAQ_QUESTIONS] = {{0}}, total[SPLITS][DYAD_FAQ_QUESTIONS] = {{0}};
	long none_ok[SPLITS][DYAD_FAQ_QUESTIONS] = {{0}}, none[SPLITS][DYAD_FAQ_QUESTIONS] = {{0}};
	long docs[SPLITS] = {0}, cited = 0, answers = 0;
	double seconds = 0;
	char *line = NULL;
	size_t cap = 0;
	bool verbose = getenv("SCORE_FAQ_VERBOSE") != NULL;
	while (getline(&line, &cap, gold) > 0) {
		cJSON *g = cJSON_Parse(line);
		const cJSON *id = cJSON_GetObjectItem(g, "id"), *split = cJSON_GetObjectItem(g, "split");
		const cJSON *ans = cJSON_GetObjectItem(g, "answers");
		if (!cJSON_IsString(id) || !ans) {
			cJSON_Delete(g);
			continue;
		}
		int sp = cJSON_IsString(split) && !strcmp(split->valuestring, "test") ? TEST : TRAIN;
		snprintf(path, sizeof path, "%s/derived/articles/%s.txt", argv[1], id->valuestring);
		dyad_reader_free(reader);
		reader = NULL;
		dyad_doc doc;
		if (dyad_reader_new(DYAD_INPUT_PLAIN, NULL, &reader) != DYAD_OK ||
		    dyad_reader_add(reader, path) != DYAD_OK ||
		    dyad_reader_next(reader, &doc, NULL) != DYAD_OK) {
			fprintf(stderr, "score-faq: cannot read %s\n", path);
			cJSON_Delete(g);
			continue;
		}
		double t0 = now();
		dyad_status st = dyad_faq_answer(faq, &doc, NULL);
		seconds += now() - t0;
		if (st != DYAD_OK) {
			fprintf(stderr, "score-faq: %s: %s\n", path, dyad_strerror(st));
			cJSON_Delete(g);
			continue;
		}
		docs[ALL]++;
		docs[sp]++;
		for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++) {
			for (size_t i = 0; i < dyad_faq_count(faq, (dyad_faq_question)q); i++) {
				const dyad_faq_item *it = dyad_faq_get(faq, (dyad_faq_question)q, i);
				answers++;
				cited += it->evidence.end > it->evidence.start;
			}
			const cJSON *a = cJSON_GetObjectItem(ans, dyad_faq_question_name((dyad_faq_question)q));
			const cJSON *phrases = cJSON_GetObjectItem(a, "phrases");
			const dyad_faq_item *top = dyad_faq_get(faq, (dyad_faq_question)q, 0);
			bool stated = top && top->span.end > top->span.start;
			if (cJSON_IsTrue(cJSON_GetObjectItem(a, "agreed_none"))) {
				none[ALL][q]++;
				none[sp][q]++;
				none_ok[ALL][q] += !stated;
				none_ok[sp][q] += !stated;
			}
			if (!cJSON_GetArraySize(phrases))
				continue;
			total[ALL][q]++;
			total[sp][q]++;
			if (!stated)
				continue;
			bool sentence_based = q == DYAD_FAQ_WHAT || q == DYAD_FAQ_WHY || q == DYAD_FAQ_HOW;
			if (sentence_based) {
				const char *text = top->field ? doc.title : doc.text;
				tokenize_text(text + top->evidence.start, top->evidence.end - top->evidence.start,
				              &ta);
			} else {
				tokenize_text(top->text, strlen(top->text), &ta);
			}
			double best = 0;
			const cJSON *p;
			cJSON_ArrayForEach(p, phrases)
			{
				const cJSON *t = cJSON_GetObjectItem(p, "text");
				if (!cJSON_IsString(t))
					continue;
				tokenize_text(t->valuestring, strlen(t->valuestring), &tb);
				double v = sentence_based ? held(&ta, &tb) : f1(&ta, &tb);
				if (v > best)
					best = v;
			}
			bool hit = sentence_based ? best > 0.5 : best >= 0.5;
			hits[ALL][q] += hit;
			hits[sp][q] += hit;
			if (verbose && !hit && sp == TRAIN) {
				printf("MISS %s %.8s: [%s] gold:", dyad_faq_question_name((dyad_faq_question)q),
				       id->valuestring, top->text);
				cJSON_ArrayForEach(p, phrases)
				{
					const cJSON *t = cJSON_GetObjectItem(p, "text");
					if (cJSON_IsString(t))
						printf(" [%s]", t->valuestring);
				}
				printf("\n");
			}
		}
		cJSON_Delete(g);
	}
	free(line);
	fclose(gold);
	static const double targets[DYAD_FAQ_QUESTIONS] = {0.60, 0.80, 0.60, 0.55, 0.50, 0.50};
	static const double giveme[DYAD_FAQ_QUESTIONS] = {0.24, 0.05, 0.17, 0.31, 0.01, 0.06};
	printf("Giveme5W1H gold set: who/when/where = top answer token F1 >= 0.5 with a gold phrase;\n"
	       "what/why/how = cited sentence holds most of a gold phrase. n = articles with gold.\n\n");
	printf("| question | all (100) | test split (20) | training (80) | target | Giveme5W1H stored top-1, all (answer F1 >= 0.5) |\n");
	printf("|---|---:|---:|---:|---:|---:|\n");
	for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++) {
		printf("| %s |", dyad_faq_question_name((dyad_faq_question)q));
		for (int s = 0; s < SPLITS; s++)
			printf(" %.2f (n=%ld) |", total[s][q] ? (double)hits[s][q] / (double)total[s][q] : 0,
			       total[s][q]);
		printf(" %.2f |", targets[q]);
		if (giveme[q] >= 0)
			printf(" %.2f |\n", giveme[q]);
		else
			printf(" — |\n");
	}
	printf("\n\"not stated\" where the coders agreed there is no answer (all):");
	for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++)
		if (none[ALL][q])
			printf(" %s %ld/%ld", dyad_faq_question_name((dyad_faq_question)q), none_ok[ALL][q],
			       none[ALL][q]);
	printf("\nanswers citing a sentence: %ld of %ld\n", cited, answers);
	printf("documents: %ld (%ld test); %.3f ms an article (dyad_faq_answer, after start-up)\n",
	       docs[ALL], docs[TEST], docs[ALL] ? 1000.0 * seconds / (double)docs[ALL] : 0);
	dyad_reader_free(reader);
	dyad_faq_free(faq);
	dyad_dict_free(dict);
	return 0;
}
