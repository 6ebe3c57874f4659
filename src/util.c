/* util.c - status strings, growable arrays and buffers, the string pool and hashing. */
#include "internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *dyad_strerror(dyad_status status)
{
	switch (status) {
	case DYAD_OK: return "success";
	case DYAD_DONE: return "no more input";
	case DYAD_ENOMEM: return "out of memory";
	case DYAD_EIO: return "cannot read input";
	case DYAD_EPARSE: return "malformed dictionary";
	case DYAD_EUTF8: return "invalid UTF-8";
	case DYAD_EDATE: return "missing or invalid date";
	case DYAD_EJSON: return "malformed JSON";
	case DYAD_ELIMIT: return "size limit exceeded";
	case DYAD_EINVAL: return "invalid argument";
	case DYAD_ENOTFOUND: return "not found";
	case DYAD_ERECORD: return "record lacks a required field";
	}
	return "unknown status";
}

void vec_init(vec *v, size_t item_size)
{
	v->data = NULL;
	v->len = v->cap = 0;
	v->size = item_size;
}

void vec_free(vec *v)
{
	free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}

void *vec_push(vec *v, size_t n)
{
	if (v->len + n > v->cap || !v->data) {
		size_t cap = v->cap ? v->cap : 16;
		while (cap < v->len + n)
			cap *= 2;
		void *p = realloc(v->data, cap * v->size);
		if (!p)
			return NULL;
		v->data = p;
		v->cap = cap;
	}
	void *at = (char *)v->data + v->len * v->size;
	v->len += n;
	return at;
}

#define POOL_BLOCK 65536

const char *strpool_add(strpool *p, const char *s, size_t len)
{
	if (len + 1 > POOL_BLOCK) {
		/* A large string gets a block of its own, kept in the block list. */
		char **blocks = realloc(p->blocks, (p->nblocks + 1) * sizeof *blocks);
		if (!blocks)
			return NULL;
		p->blocks = blocks;
		char *big = malloc(len + 1);
		if (!big)
			return NULL;
		memcpy(big, s, len);
		big[len] = 0;
		/* Keep the current block last so that allocation continues in it. */
		if (p->nblocks) {
			p->blocks[p->nblocks] = p->blocks[p->nblocks - 1];
			p->blocks[p->nblocks - 1] = big;
		} else {
			p->blocks[0] = big;
			p->used = p->cap = 0;
		}
		p->nblocks++;
		return big;
	}
	if (!p->nblocks || p->used + len + 1 > p->cap) {
		char **blocks = realloc(p->blocks, (p->nblocks + 1) * sizeof *blocks);
		if (!blocks)
			return NULL;
		p->blocks = blocks;
		char *b = malloc(POOL_BLOCK);
		if (!b)
			return NULL;
		p->blocks[p->nblocks++] = b;
		p->used = 0;
		p->cap = POOL_BLOCK;
	}
	char *at = p->blocks[p->nblocks - 1] + p->used;
	memcpy(at, s, len);
	at[len] = 0;
	p->used += len + 1;
	return at;
}

void strpool_free(strpool *p)
{
	for (size_t i = 0; i < p->nblocks; i++)
		free(p->blocks[i]);
	free(p->blocks);
	p->blocks = NULL;
	p->nblocks = p->used = p->cap = 0;
}

dyad_status buf_append(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->data, cap);
		if (!p)
			return DYAD_ENOMEM;
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
	return DYAD_OK;
}

dyad_status buf_printf(buf *b, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return DYAD_EINVAL;
	if ((size_t)n < sizeof small)
		return buf_append(b, small, (size_t)n);
	char *big = malloc((size_t)n + 1);
	if (!big)
		return DYAD_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	dyad_status st = buf_append(b, big, (size_t)n);
	free(big);
	return st;
}

void buf_free(buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* FNV-1a, 64 bit: words are short, so a simple byte hash is fast enough. */
uint64_t hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* Reads a whole file into a NUL-terminated buffer the caller frees. */
dyad_status read_whole_file(const char *path, char **text, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return DYAD_EIO;
	buf b = {0};
	char chunk[65536];
	size_t k;
	dyad_status st = DYAD_OK;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
		st = buf_append(&b, chunk, k);
		if (st != DYAD_OK)
			break;
	}
	if (st == DYAD_OK && ferror(f))
		st = DYAD_EIO;
	fclose(f);
	if (st != DYAD_OK) {
		buf_free(&b);
		return st;
	}
	*text = b.data ? b.data : calloc(1, 1);
	*len = b.len;
	return *text ? DYAD_OK : DYAD_ENOMEM;
}

const char *trim_space(const char *s, size_t *n)
{
	while (*n && isspace((unsigned char)*s)) {
		s++;
		(*n)--;
	}
	while (*n && isspace((unsigned char)s[*n - 1]))
		(*n)--;
	return s;
}
