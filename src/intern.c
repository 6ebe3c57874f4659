/* intern.c - the vocabulary: normalised words interned to integer ids, so that matching
 * compares integers. Open addressing with linear probing; the table is read-only while
 * coding, so coders on several threads may share it. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

dyad_status wordtab_init(wordtab *t)
{
	memset(t, 0, sizeof *t);
	vec_init(&t->words, sizeof(const char *));
	vec_init(&t->lens, sizeof(uint32_t));
	vec_init(&t->flags, sizeof(uint32_t));
	t->nslots = 1024;
	t->slots = calloc(t->nslots, sizeof *t->slots);
	if (!t->slots)
		return DYAD_ENOMEM;
	/* Ids 0 (unknown) and 1 (gap) have no text. */
	for (int i = 0; i < WORD_FIRST; i++) {
		const char **w = vec_push(&t->words, 1);
		uint32_t *l = vec_push(&t->lens, 1);
		uint32_t *f = vec_push(&t->flags, 1);
		if (!w || !l || !f)
			return DYAD_ENOMEM;
		*w = "";
		*l = 0;
		*f = 0;
	}
	return DYAD_OK;
}

void wordtab_free(wordtab *t)
{
	free(t->slots);
	vec_free(&t->words);
	vec_free(&t->lens);
	vec_free(&t->flags);
	strpool_free(&t->pool);
	memset(t, 0, sizeof *t);
}

uint32_t wordtab_find(const wordtab *t, const char *s, size_t n, uint64_t h)
{
	size_t mask = t->nslots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t id = t->slots[i];
		if (!id)
			return 0;
		if (VEC_AT(t->lens, uint32_t, id) == n &&
		    memcmp(VEC_AT(t->words, const char *, id), s, n) == 0)
			return id;
	}
}

static dyad_status grow(wordtab *t)
{
	size_t nslots = t->nslots * 2;
	uint32_t *slots = calloc(nslots, sizeof *slots);
	if (!slots)
		return DYAD_ENOMEM;
	for (uint32_t id = WORD_FIRST; id < t->words.len; id++) {
		const char *w = VEC_AT(t->words, const char *, id);
		uint64_t h = hash_bytes(w, VEC_AT(t->lens, uint32_t, id));
		size_t i = h & (nslots - 1);
		while (slots[i])
			i = (i + 1) & (nslots - 1);
		slots[i] = id;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	return DYAD_OK;
}

uint32_t wordtab_intern(wordtab *t, const char *s, size_t n)
{
	uint64_t h = hash_bytes(s, n);
	uint32_t id = wordtab_find(t, s, n, h);
	if (id)
		return id;
	if ((t->words.len + 1) * 2 > t->nslots && grow(t) != DYAD_OK)
		return 0;
	const char *copy = strpool_add(&t->pool, s, n);
	const char **w = vec_push(&t->words, 1);
	uint32_t *l = vec_push(&t->lens, 1);
	uint32_t *f = vec_push(&t->flags, 1);
	if (!copy || !w || !l || !f)
		return 0;
	*w = copy;
	*l = (uint32_t)n;
	*f = 0;
	id = (uint32_t)(t->words.len - 1);
	size_t mask = t->nslots - 1;
	size_t i = h & mask;
	while (t->slots[i])
		i = (i + 1) & mask;
	t->slots[i] = id;
	return id;
}
