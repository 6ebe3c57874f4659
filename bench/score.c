/* score.c - `make score`: codes the gold sets of ../shared/gold/cameo_gsr with the default
 * dictionaries and prints category and category+actors accuracy. PLOVER records are scored
 * through the CAMEO->PLOVER table read from the same folder (2021 names mapped to the 2016
 * names the records use); PETRARCH GSR records by exact CAMEO events. Skips cleanly when the
 * gold folder is absent. Usage: score [GOLD_DIR] [-v] */
#include "dyad.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXMAP 512

static struct {
	char code[8];
	char plover[24];
} map[MAXMAP];
static int nmap;
static bool verbose;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = 0;
	fclose(f);
	return s;
}

/* Reads "CODE: PLOVER, MODE, CONTEXT # name" lines. */
static bool load_map(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	char line[512];
	while (fgets(line, sizeof line, f) && nmap < MAXMAP) {
		char *colon = strchr(line, ':');
		if (line[0] < '0' || line[0] > '9' || !colon || colon - line >= 8)
			continue;
		char *p = colon + 1;
		while (*p == ' ')
			p++;
		size_t k = strcspn(p, ", #\n");
		if (!k || k >= sizeof map[0].plover)
			continue;
		memcpy(map[nmap].code, line, (size_t)(colon - line));
		map[nmap].code[colon - line] = 0;
		memcpy(map[nmap].plover, p, k);
		map[nmap].plover[k] = 0;
		nmap++;
	}
	fclose(f);
	return nmap > 0;
}

/* The PLOVER category of a CAMEO code in the names of the gold records (PLOVER 0.5, 2016). */
static const char *plover_of(const char *code)
{
	if (!strncmp(code, "09", 2))
		return "INVESTIGATE";
	if (!strncmp(code, "19", 2))
		return "FIGHT";
	if (!strncmp(code, "02", 2))
		return "DEMAND";
	for (size_t len = strlen(code); len >= 2; len--)
		for (int i = 0; i < nmap; i++)
			if (strlen(map[i].code) == len && !strncmp(map[i].code, code, len)) {
				const char *p = map[i].plover;
				if (!strcmp(p, "REQUEST"))
					return "DEMAND";
				if (!strcmp(p, "ACCUSE"))
					return "DISAPPROVE";
				return p;
			}
	return "";
}

static bool actor_in(const cJSON *list, const char *code)
{
	if (!cJSON_IsArray(list))
		return false;
	const cJSON *a;
	cJSON_ArrayForEach(a, list)
	{
		const cJSON *c = cJSON_GetObjectItemCaseSensitive(a, "code");
		if (cJSON_IsString(c) && c->valuestring[0] && !strncmp(code, c->valuestring, 3))
			return true;
	}
	return false;
}

static int32_t date_of(const cJSON *rec, const char *fallback)
{
	const cJSON *d = cJSON_GetObjectItemCaseSensitive(rec, "date");
	if (cJSON_IsString(d) && dyad_date_parse(d->valuestring, strlen(d->valuestring)) != INT32_MIN)
		return dyad_date_parse(d->valuestring, strlen(d->valuestring));
	return dyad_date_parse(fallback, strlen(fallback));
}

static void score_plover(dyad_coder *coder, const char *dir)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/CAMEO2PLOVER-2021.txt", dir);
	if (!load_map(path)) {
		printf("score: %s is absent; PLOVER records skipped\n", path);
		return;
	}
	snprintf(path, sizeof path, "%s/PLOVER_GSR_CAMEO.json", dir);
	char *text = slurp(path);
	cJSON *all = text ? cJSON_Parse(text) : NULL;
	free(text);
	if (!cJSON_IsArray(all)) {
		printf("score: cannot read %s\n", path);
		cJSON_Delete(all);
		return;
	}
	int n = 0, cat = 0, cat_actors = 0, any = 0;
	const cJSON *rec;
	cJSON_ArrayForEach(rec, all)
	{
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(rec, "text");
		const cJSON *ev = cJSON_GetObjectItemCaseSensitive(rec, "event");
		if (!cJSON_IsString(t) || !cJSON_IsString(ev))
			continue;
		const cJSON *src = cJSON_GetObjectItemCaseSensitive(rec, "source");
		const cJSON *tgt = cJSON_GetObjectItemCaseSensitive(rec, "target");
		bool has_target = cJSON_IsArray(tgt) && cJSON_GetArraySize(tgt) > 0;
		n++;
		dyad_doc doc = {.id = "gold", .date = date_of(rec, "2000-01-01"),
		                .text = t->valuestring, .text_len = strlen(t->valuestring)};
		dyad_error err;
		if (dyad_coder_code(coder, &doc, &err) != DYAD_OK)
			continue;
		bool c1 = false, c2 = false;
		size_t ne = dyad_coder_event_count(coder);
		any += ne > 0;
		for (size_t i = 0; i < ne; i++) {
			const dyad_event *e = dyad_coder_event(coder, i);
			if (strcmp(plover_of(e->code), ev->valuestring))
				continue;
			c1 = true;
			if (actor_in(src, e->source) && (!has_target || actor_in(tgt, e->target)))
				c2 = true;
		}
		cat += c1;
		cat_actors += c2;
		if (verbose && !c2) {
			printf("MISS %s [%s] %s\n", cJSON_GetObjectItemCaseSensitive(rec, "id")->valuestring,
			       ev->valuestring, t->valuestring);
			for (size_t i = 0; i < ne; i++) {
				const dyad_event *e = dyad_coder_event(coder, i);
				printf("     got %s %s %s (%s)\n", e->source, e->target, e->code,
				       plover_of(e->code));
			}
		}
	}
	cJSON_Delete(all);
	printf("| PLOVER gold records (CAMEO manual)  | %3d | %3d (%4.1f%%) | %3d (%4.1f%%) | %3d |\n", n,
	       cat, 100.0 * cat / n, cat_actors, 100.0 * cat_actors / n, any);
	printf("| TABARI, full CAMEO dictionaries     | 322 |  99 (30.7%%) |  72 (22.4%%) |     |\n");
}

static void score_petrarch(dyad_coder *coder, const char *dir)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/PETR2_GSR_validation.jsonl", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("score: %s is absent; PETRARCH GSR records skipped\n", path);
		return;
	}
	char *line = NULL;
	size_t cap = 0;
	int n = 0, exact = 0, root = 0;
	while (getline(&line, &cap, f) > 0) {
		cJSON *rec = cJSON_Parse(line);
		const cJSON *t = cJSON_GetObjectItemCaseSensitive(rec, "text");
		const cJSON *evalu = cJSON_GetObjectItemCaseSensitive(rec, "evaluate");
		if (!cJSON_IsString(t) || (cJSON_IsString(evalu) && strcmp(evalu->valuestring, "true"))) {
			cJSON_Delete(rec);
			continue;
		}
		n++;
		dyad_doc doc = {.id = "gold", .date = date_of(rec, "2015-06-09"),
		                .text = t->valuestring, .text_len = strlen(t->valuestring)};
		dyad_error err;
		if (dyad_coder_code(coder, &doc, &err) != DYAD_OK) {
			cJSON_Delete(rec);
			continue;
		}
		const cJSON *events = cJSON_GetObjectItemCaseSensitive(rec, "events");
		size_t ne = dyad_coder_event_count(coder);
		bool all_exact = true, all_root = true;
		int ngold = 0;
		const cJSON *g;
		cJSON_ArrayForEach(g, events)
		{
			const char *gs = cJSON_GetObjectItemCaseSensitive(g, "source")->valuestring;
			const char *gt = cJSON_GetObjectItemCaseSensitive(g, "target")->valuestring;
			const char *gc = cJSON_GetObjectItemCaseSensitive(g, "eventcode")->valuestring;
			bool ex = false, rt = false;
			for (size_t i = 0; i < ne; i++) {
				const dyad_event *e = dyad_coder_event(coder, i);
				bool same_actors = !strncmp(e->source, gs, 3) && !strncmp(e->target, gt, 3);
				if (same_actors && !strcmp(e->code, gc) && !strcmp(e->source, gs) &&
				    !strcmp(e->target, gt))
					ex = true;
				if (same_actors && !strncmp(e->code, gc, 2))
					rt = true;
			}
			all_exact &= ex;
			all_root &= rt;
			ngold++;
		}
		if (!ngold) {
			all_exact = all_root = ne == 0;
		}
		exact += all_exact;
		root += all_root;
		if (verbose && !all_root) {
			printf("MISS-GSR %s\n", t->valuestring);
			for (size_t i = 0; i < ne; i++) {
				const dyad_event *e = dyad_coder_event(coder, i);
				printf("     got %s %s %s\n", e->source, e->target, e->code);
			}
		}
		cJSON_Delete(rec);
	}
	free(line);
	fclose(f);
	printf("| PETRARCH GSR records (exact / root + countries) | %d | %d exact (%.1f%%) | %d (%.1f%%) |\n",
	       n, exact, 100.0 * exact / n, root, 100.0 * root / n);
}

/* tests/accuracy/news.tsv: sentences written by a team member who had not seen the
 * dictionaries; a hit is an event with the gold root and source and target countries. */
static void score_news(dyad_coder *coder, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("score: %s is absent; skipped\n", path);
		return;
	}
	char *line = NULL;
	size_t cap = 0;
	int n = 0, hits = 0, free_n = 0, spurious = 0;
	bool header = true;
	while (getline(&line, &cap, f) > 0) {
		if (header) {
			header = false;
			continue;
		}
		line[strcspn(line, "\r\n")] = 0;
		char *field[6] = {0};
		char *p = line;
		for (int i = 0; i < 6 && p; i++) {
			field[i] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = 0;
		}
		if (!field[2])
			continue;
		dyad_doc doc = {.id = field[0], .date = dyad_date_parse(field[1], strlen(field[1])),
		                .text = field[2], .text_len = strlen(field[2])};
		dyad_error err;
		if (doc.date == INT32_MIN || dyad_coder_code(coder, &doc, &err) != DYAD_OK)
			continue;
		size_t ne = dyad_coder_event_count(coder);
		bool event_free = !field[5] || !field[5][0];
		if (event_free) {
			free_n++;
			spurious += ne > 0;
			if (verbose && ne)
				printf("SPURIOUS %s %s\n", field[0], field[2]);
			continue;
		}
		n++;
		bool hit = false;
		for (size_t i = 0; i < ne; i++) {
			const dyad_event *e = dyad_coder_event(coder, i);
			if (!strncmp(e->root, field[5], 2) && !strncmp(e->source, field[3], 3) &&
			    !strncmp(e->target, field[4], 3))
				hit = true;
		}
		hits += hit;
		if (verbose && !hit) {
			printf("MISS-NEWS %s %s %s %s: %s\n", field[0], field[3], field[4], field[5],
			       field[2]);
			for (size_t i = 0; i < ne; i++) {
				const dyad_event *e = dyad_coder_event(coder, i);
				printf("     got %s %s %s\n", e->source, e->target, e->code);
			}
		}
	}
	free(line);
	fclose(f);
	printf("| unseen news sentences (tests/accuracy) | %d | %d right root + countries (%.1f%%) | "
	       "%d of %d event-free with an event |\n",
	       n, hits, n ? 100.0 * hits / n : 0, spurious, free_n);
}

int main(int argc, char **argv)
{
	const char *dir = "../shared/gold/cameo_gsr";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = true;
		else
			dir = argv[i];
	}
	char probe[1024];
	snprintf(probe, sizeof probe, "%s/PLOVER_GSR_CAMEO.json", dir);
	FILE *f = fopen(probe, "r");
	if (!f) {
		printf("score: %s is absent; skipped\n", dir);
		return 0;
	}
	fclose(f);
	dyad_dict *dict;
	dyad_coder *coder;
	dyad_error err;
	if (dyad_dict_load(NULL, stderr, &dict, &err) != DYAD_OK ||
	    dyad_coder_new(dict, NULL, &coder) != DYAD_OK)
		return 1;
	printf("| gold set                            |   n | category     | category + actors | with any event |\n");
	printf("|-------------------------------------|----:|-------------:|------------------:|----:|\n");
	score_plover(coder, dir);
	score_petrarch(coder, dir);
	score_news(coder, "tests/accuracy/news.tsv");
	dyad_coder_free(coder);
	dyad_dict_free(dict);
	return 0;
}
