/* trie.c - tries over word ids for actor phrases, event patterns and discards. Edges of all
 * nodes share one hash table keyed by (node, word), so a step costs one probe whatever the
 * fan-out and matching is linear in the number of tokens. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t edge_key(uint32_t node, uint32_t word)
{
	return (((uint64_t)node << 32) | word) + 1;
}

/* The splitmix64 finaliser: every bit of the key (the node sits in the high half) reaches
 * the slot bits, so edges of one word from many nodes do not pile into one probe run. */
static size_t edge_slot(uint64_t key, size_t nslots)
{
	uint64_t h = key;
	h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
	h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
	h ^= h >> 31;
	return (size_t)h & (nslots - 1);
}

dyad_status trie_init(trie *t)
{
	memset(t, 0, sizeof *t);
	vec_init(&t->hit, sizeof(uint32_t));
	vec_init(&t->has_gap, sizeof(uint8_t));
	t->nslots = 1024;
	t->keys = calloc(t->nslots, sizeof *t->keys);
	t->vals = calloc(t->nslots, sizeof *t->vals);
	uint32_t *h = vec_push(&t->hit, 1);
	uint8_t *g = vec_push(&t->has_gap, 1);
	if (!t->keys || !t->vals || !h || !g)
		return DYAD_ENOMEM;
	*h = 0;
	*g = 0;
	t->nnodes = 1; /* node 0 is the root */
	return DYAD_OK;
}

void trie_free(trie *t)
{
	free(t->keys);
	free(t->vals);
	vec_free(&t->hit);
	vec_free(&t->has_gap);
	memset(t, 0, sizeof *t);
}

uint32_t trie_child(const trie *t, uint32_t node, uint32_t word)
{
	uint64_t key = edge_key(node, word);
	size_t mask = t->nslots - 1;
	for (size_t i = edge_slot(key, t->nslots);; i = (i + 1) & mask) {
		if (t->keys[i] == key)
			return t->vals[i];
		if (!t->keys[i])
			return 0;
	}
}

static dyad_status grow(trie *t)
{
	size_t nslots = t->nslots * 2;
	uint64_t *keys = calloc(nslots, sizeof *keys);
	uint32_t *vals = calloc(nslots, sizeof *vals);
	if (!keys || !vals) {
		free(keys);
		free(vals);
		return DYAD_ENOMEM;
	}
	for (size_t i = 0; i < t->nslots; i++) {
		if (!t->keys[i])
			continue;
		size_t j = edge_slot(t->keys[i], nslots);
		while (keys[j])
			j = (j + 1) & (nslots - 1);
		keys[j] = t->keys[i];
		vals[j] = t->vals[i];
	}
	free(t->keys);
	free(t->vals);
	t->keys = keys;
	t->vals = vals;
	t->nslots = nslots;
	return DYAD_OK;
}

dyad_status trie_add(trie *t, const uint32_t *words, size_t n, uint32_t *node)
{
	return trie_add_from(t, 0, words, n, node);
}

dyad_status trie_add_from(trie *t, uint32_t from, const uint32_t *words, size_t n,
                          uint32_t *node)
{
	uint32_t at = from;
	for (size_t k = 0; k < n; k++) {
		uint32_t next = trie_child(t, at, words[k]);
		if (!next) {
			if ((t->nedges + 1) * 10 > t->nslots * 7 && grow(t) != DYAD_OK)
				return DYAD_ENOMEM;
			uint32_t *h = vec_push(&t->hit, 1);
			uint8_t *g = vec_push(&t->has_gap, 1);
			if (!h || !g)
				return DYAD_ENOMEM;
			*h = 0;
			*g = 0;
			next = t->nnodes++;
			uint64_t key = edge_key(at, words[k]);
			size_t mask = t->nslots - 1;
			size_t i = edge_slot(key, t->nslots);
			while (t->keys[i])
				i = (i + 1) & mask;
			t->keys[i] = key;
			t->vals[i] = next;
			t->nedges++;
			if (words[k] == WORD_GAP)
				VEC_AT(t->has_gap, uint8_t, at) |= 1;
			if (words[k] == WORD_LONGGAP)
				VEC_AT(t->has_gap, uint8_t, at) |= 4;
			if (words[k] == WORD_SKIP)
				VEC_AT(t->has_gap, uint8_t, at) |= 8;
			if (words[k] == WORD_TARGET || words[k] == WORD_SOURCE)
				VEC_AT(t->has_gap, uint8_t, at) |= 2;
		}
		at = next;
	}
	*node = at;
	return DYAD_OK;
}

void trie_mark_starts(const trie *t, wordtab *words, uint32_t flag)
{
	for (size_t i = 0; i < t->nslots; i++) {
		if (!t->keys[i] || ((t->keys[i] - 1) >> 32) != 0)
			continue;
		uint32_t word = (uint32_t)((t->keys[i] - 1) & 0xffffffffu);
		if (word < words->flags.len)
			VEC_AT(words->flags, uint32_t, word) |= flag;
	}
}
