/* gazetteer.c - the index of place names behind the FAQ's "where": the GeoNames cities and
 * regions of the generated table by normalised name, and their countries' alpha-3 codes. */
#include "gazetteer.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The normalised form of text[0..len): its words, lower case, joined with nothing between
 * them, so that "Mazar-i-Sharif" finds GeoNames' "Mazari Sharif". */
static size_t normalise_phrase(const dyad_dict *d, const char *text, size_t len, vec *toks,
                               char *out, size_t cap)
{
	size_t bad = 0, n = 0;
	toks->len = 0;
	if (tokenize(&d->words, text, len, toks, &bad) != DYAD_OK)
		return 0;
	for (size_t i = 0; i < toks->len; i++) {
		const token *t = &VEC_AT(*toks, token, i);
		char w[DYAD_MAX_WORD];
		size_t k = (t->flags & TF_WORD) ? normalize_word(text + t->start, t->end - t->start, w) : 0;
		if (!k)
			continue;
		if (n + k + 1 > cap)
			return 0;
		memcpy(out + n, w, k);
		n += k;
	}
	out[n] = 0;
	return n;
}

static size_t slot(const gazetteer *g, const char *key, size_t n)
{
	size_t mask = g->nslots - 1;
	size_t i = (size_t)hash_bytes(key, n) & mask;
	while (g->keys[i] && (strlen(g->keys[i]) != n || memcmp(g->keys[i], key, n)))
		i = (i + 1) & mask;
	return i;
}

uint32_t gazetteer_find(const gazetteer *g, const char *key, size_t n)
{
	if (!g->nslots)
		return 0;
	size_t i = slot(g, key, n);
	return g->keys[i] ? g->vals[i] : 0;
}

const char *gazetteer_iso3(const gazetteer *g, const char *cc)
{
	int a = cc[0] - 'A', b = cc[0] ? cc[1] - 'A' : -1;
	if (a < 0 || a >= 26 || b < 0 || b >= 26)
		return "";
	return g->iso3[a * 26 + b];
}

/* Adds a name; a city keeps its name against a region, the bigger city against a smaller. */
static dyad_status add(gazetteer *g, const char *key, size_t n, uint32_t val, bool admin)
{
	size_t i = slot(g, key, n);
	if (g->keys[i]) {
		uint32_t old = g->vals[i];
		if (admin || (old & 0x80000000u))
			return DYAD_OK;
		if (dyad_gaz_cities[old - 1].population >= dyad_gaz_cities[val - 1].population)
			return DYAD_OK;
		g->vals[i] = val;
		return DYAD_OK;
	}
	g->keys[i] = strpool_add(&g->pool, key, n);
	if (!g->keys[i])
		return DYAD_ENOMEM;
	g->vals[i] = val | (admin ? 0x80000000u : 0);
	return DYAD_OK;
}

const actor_entry *gazetteer_dict_phrase(const dyad_dict *d, const uint32_t *ids,
                                         const uint16_t *flags, size_t n, unsigned kinds,
                                         size_t *end)
{
	const trie *t = &d->actor_trie;
	uint32_t node = 0;
	const actor_entry *best = NULL;
	for (size_t q = 0; q < n && ids[q]; q++) {
		node = trie_child(t, node, ids[q]);
		if (!node)
			break;
		uint32_t h = VEC_AT(t->hit, uint32_t, node);
		if (!h)
			continue;
		const actor_hit *hit = &VEC_AT(d->actor_hits, actor_hit, h - 1);
		if (!(kinds & (1u << hit->kind)))
			continue;
		if (hit->caps && flags && !(flags[0] & (TF_CAP | TF_ALLCAPS)))
			continue;
		best = &VEC_AT(d->actors, actor_entry, hit->entry);
		*end = q + 1;
	}
	return best;
}

dyad_status gazetteer_build(gazetteer *g, const dyad_dict *dict)
{
	memset(g, 0, sizeof *g);
	size_t n = dyad_gaz_city_count;
	g->nslots = 1;
	while (g->nslots < 4 * (n + 16))
		g->nslots *= 2;
	g->keys = calloc(g->nslots, sizeof *g->keys);
	g->vals = calloc(g->nslots, sizeof *g->vals);
	if (!g->keys || !g->vals)
		return DYAD_ENOMEM;
	vec toks;
	vec_init(&toks, sizeof(token));
	char key[256];
	dyad_status st = DYAD_OK;
	for (int pass = 0; pass < 2 && st == DYAD_OK; pass++)
		for (size_t i = 0; i < n && st == DYAD_OK; i++) {
			const gaz_city *c = &dyad_gaz_cities[i];
			const char *name = pass ? c->admin1 : c->name;
			size_t k = normalise_phrase(dict, name, strlen(name), &toks, key, sizeof key);
			if (k)
				st = add(g, key, k, (uint32_t)(i + 1), pass == 1);
			int a = c->cc[0] - 'A', b = c->cc[0] ? c->cc[1] - 'A' : -1;
			if (pass || a < 0 || a >= 26 || b < 0 || b >= 26 || g->iso3[a * 26 + b][0])
				continue;
			toks.len = 0;
			size_t bad;
			if (tokenize(&dict->words, c->country, strlen(c->country), &toks, &bad) != DYAD_OK)
				continue;
			uint32_t ids[16];
			size_t m = toks.len < 16 ? toks.len : 16, end = 0;
			for (size_t q = 0; q < m; q++)
				ids[q] = VEC_AT(toks, token, q).id;
			const actor_entry *e = gazetteer_dict_phrase(dict, ids, NULL, m, 1u << ATOM_COUNTRY, &end);
			if (e && end == m && strlen(e->code) >= 3)
				memcpy(g->iso3[a * 26 + b], e->code, 3);
		}
	vec_free(&toks);
	return st;
}

void gazetteer_free(gazetteer *g)
{
	if (!g)
		return;
	free(g->keys);
	free(g->vals);
	strpool_free(&g->pool);
	memset(g, 0, sizeof *g);
}
