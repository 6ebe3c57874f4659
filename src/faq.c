/* faq.c - the article FAQ: who, what, when, where, why and how, and follow-up questions from
 * the coded events, each answer citing the sentence it comes from. */
#include "faq.h"
#include "gazetteer.h"
#include "internal.h"
#include "timex.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A token of the document with its normalised word (NULL for punctuation). */
typedef struct ftok {
	uint32_t start, end;   /* bytes in its field */
	uint32_t id;           /* dictionary word id */
	uint32_t norm;         /* offset of the normalised word in faq.norm */
	uint16_t flags;        /* TF_* */
	char punct;
	uint8_t field;
	int32_t sent;          /* index into faq.sents */
} ftok;

typedef struct fsent {
	int field;
	uint32_t a, b;         /* tokens [a, b) */
	dyad_span span;
	int index;             /* coder sentence index */
	int rank;              /* 0 for the title and lead, growing through the text */
	bool title_case;       /* a headline in Title Case (capitals say nothing) */
	bool headline;         /* the title, or a plain file's first line standing alone */
	bool boiler;           /* web page furniture ("Thank you for subscribing!"): no answers */
} fsent;

/* An answer while it is built: its text lives in faq.text until the pointers are fixed. */
typedef struct fitem {
	dyad_faq_item it;
	size_t toff;
	size_t qoff;           /* follow-ups: the question in faq.text */
	int has;               /* follow-ups: an answer is stated */
} fitem;

struct dyad_faq {
	const dyad_dict *dict;
	dyad_coder *coder;
	gazetteer gaz;
	/* per document */
	const dyad_doc *doc;
	vec toks, sents, words, puncts, timexes;
	buf norm, text;
	vec items[DYAD_FAQ_QUESTIONS], durations, followups;
	vec scratch;
	int main_event;        /* index of the main event, -1 if none */
	size_t main_sent;      /* its fsent */
	size_t title_toks, title_sents; /* the title's tokens and sentences come first */
	vec in_event;          /* uint8_t by token: inside the source or target of an event */
	vec surnames;          /* surname_memo: words already checked by surname() */
};

typedef struct surname_memo {
	const char *word;
	bool is;
} surname_memo;

/* Bounds that keep answering linear on pathological input (a 1 MB sentence, 50,000 events):
 * the FAQ lists at most this many follow-ups, distinct places and candidate actors. */
enum { MAX_FOLLOWUPS = 32, MAX_PLACES = 256, MAX_CANDIDATES = 256, SURNAME_SCAN = 20000 };

static const char *const question_names[DYAD_FAQ_QUESTIONS] = {"who", "what", "when",
                                                               "where", "why", "how"};

const char *dyad_faq_question_name(dyad_faq_question q)
{
	return (unsigned)q < DYAD_FAQ_QUESTIONS ? question_names[q] : "";
}

/* ---------------------------------------------------------------- life cycle */

dyad_status dyad_faq_new(const dyad_dict *dict, dyad_faq **out)
{
	if (!dict || !out)
		return DYAD_EINVAL;
	dyad_faq *f = calloc(1, sizeof *f);
	if (!f)
		return DYAD_ENOMEM;
	f->dict = dict;
	vec_init(&f->toks, sizeof(ftok));
	vec_init(&f->sents, sizeof(fsent));
	vec_init(&f->words, sizeof(const char *));
	vec_init(&f->puncts, sizeof(char));
	vec_init(&f->timexes, sizeof(timex));
	vec_init(&f->scratch, sizeof(token));
	vec_init(&f->in_event, sizeof(uint8_t));
	vec_init(&f->surnames, sizeof(surname_memo));
	for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++)
		vec_init(&f->items[q], sizeof(fitem));
	vec_init(&f->durations, sizeof(fitem));
	vec_init(&f->followups, sizeof(fitem));
	dyad_coder_options opt = {0};
	dyad_status st = dyad_coder_new(dict, &opt, &f->coder);
	if (st == DYAD_OK)
		st = gazetteer_build(&f->gaz, dict);
	if (st != DYAD_OK) {
		dyad_faq_free(f);
		return st;
	}
	*out = f;
	return DYAD_OK;
}

void dyad_faq_free(dyad_faq *f)
{
	if (!f)
		return;
	dyad_coder_free(f->coder);
	gazetteer_free(&f->gaz);
	vec_free(&f->toks);
	vec_free(&f->sents);
	vec_free(&f->words);
	vec_free(&f->puncts);
	vec_free(&f->timexes);
	vec_free(&f->scratch);
	vec_free(&f->in_event);
	vec_free(&f->surnames);
	for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++)
		vec_free(&f->items[q]);
	vec_free(&f->durations);
	vec_free(&f->followups);
	buf_free(&f->norm);
	buf_free(&f->text);
	free(f);
}

/* ---------------------------------------------------------------- document model */

static const char *field_text(const dyad_faq *f, int field)
{
	return field ? f->doc->title : f->doc->text;
}

static const ftok *T(const dyad_faq *f, size_t i)
{
	return &VEC_AT(f->toks, ftok, i);
}

static const char *W(const dyad_faq *f, size_t i)
{
	return i < f->words.len ? VEC_AT(f->words, const char *, i) : NULL;
}

static bool is(const dyad_faq *f, size_t i, const char *s)
{
	const char *w = W(f, i);
	return w && !strcmp(w, s);
}

static bool is_any(const dyad_faq *f, size_t i, const char *const *list)
{
	const char *w = W(f, i);
	if (!w)
		return false;
	for (size_t k = 0; list[k]; k++)
		if (!strcmp(w, list[k]))
			return true;
	return false;
}

static const fsent *S(const dyad_faq *f, size_t s)
{
	return &VEC_AT(f->sents, fsent, s);
}

/* How much a sentence's position says it holds the main event: the title and lead most. */
static double position_weight(const dyad_faq *f, size_t s)
{
	return 1.0 / (1.0 + 0.35 * S(f, s)->rank);
}

static dyad_status add_field(dyad_faq *f, int field, const char *text, size_t len,
                             dyad_error *err)
{
	size_t bad = 0;
	f->scratch.len = 0;
	dyad_status st = tokenize(&f->dict->words, text, len, &f->scratch, &bad);
	if (st != DYAD_OK) {
		if (err && st == DYAD_EUTF8)
			snprintf(err->message, sizeof err->message, "invalid UTF-8 at byte %zu of the %s",
			         bad, field ? "title" : "text");
		return st;
	}
	for (size_t i = 0; i < f->scratch.len; i++) {
		const token *t = &VEC_AT(f->scratch, token, i);
		ftok *o = vec_push(&f->toks, 1);
		char *p = vec_push(&f->puncts, 1);
		if (!o || !p)
			return DYAD_ENOMEM;
		o->start = t->start;
		o->end = t->end;
		o->id = t->id;
		o->flags = t->flags;
		o->punct = t->punct;
		o->field = (uint8_t)field;
		o->sent = -1;
		*p = t->punct;
		o->norm = UINT32_MAX;
		if (t->flags & TF_WORD) {
			char w[DYAD_MAX_WORD];
			size_t k = normalize_word(text + t->start, t->end - t->start, w);
			while (k > 1 && w[k - 1] == '.')
				k--;
			if (k) {
				o->norm = (uint32_t)f->norm.len;
				if (buf_append(&f->norm, w, k) != DYAD_OK || buf_append(&f->norm, "", 1) != DYAD_OK)
					return DYAD_ENOMEM;
			}
		}
	}
	return DYAD_OK;
}

/* Whether tokens [a, b) are web page furniture: subscription boxes, share buttons, video
 * players ("Get daily updates directly to your inbox + Subscribe", "Click to share on
 * Twitter (Opens in new window)", "Video Loading"). Furniture that the page runs into the
 * story's sentence ("... try again later Invalid Email Hillary Clinton received a major
 * boost ...", "Advertisement Continue reading the main story Newt Gingrich laments ...") is
 * not: the sentence goes on after its last marker. */
static bool boilerplate(const dyad_faq *f, size_t a, size_t b)
{
	static const char *const one[] = {"subscribe", "subscribing", "newsletter", "newsletters",
	                                  "inbox", "advertisement", "iframes", "unsubscribe", NULL};
	/* the first two are the page's last words before the story */
	static const char *const two[][2] = {
	    {"invalid", "email"}, {"continue", "reading"},
	    {"sign", "up"},       {"click", "to"},     {"click", "here"}, {"try", "again"},
	    {"new", "window"},    {"video", "loading"}, {"share", "this"}, {NULL, NULL}};
	size_t last = SIZE_MAX, after = 0;
	bool prefix = false;
	for (size_t i = a; i < b; i++) {
		if (is_any(f, i, one)) {
			last = i;
			prefix = false;
		}
		for (size_t k = 0; two[k][0]; k++)
			if (i + 1 < b && is(f, i, two[k][0]) && is(f, i + 1, two[k][1])) {
				last = ++i;
				prefix = k < 2;
				break;
			}
	}
	if (last == SIZE_MAX)
		return false;
	for (size_t i = last + 1; i < b; i++)
		after += W(f, i) != NULL;
	return !(prefix && after >= 6);
}

static dyad_status build_model(dyad_faq *f, dyad_error *err)
{
	const dyad_doc *doc = f->doc;
	f->toks.len = f->sents.len = f->words.len = f->puncts.len = f->timexes.len = 0;
	f->title_sents = 0;
	f->surnames.len = 0;
	f->norm.len = 0;
	dyad_status st = DYAD_OK;
	size_t title_toks = 0;
	if (doc->title && doc->title_len) {
		st = add_field(f, 1, doc->title, doc->title_len, err);
		title_toks = f->toks.len;
	}
	f->title_toks = title_toks;
	if (st == DYAD_OK)
		st = add_field(f, 0, doc->text, doc->text_len, err);
	if (st != DYAD_OK)
		return st;
	const char **w = vec_push(&f->words, f->toks.len);
	if (!w && f->toks.len)
		return DYAD_ENOMEM;
	for (size_t i = 0; i < f->toks.len; i++) {
		const ftok *t = T(f, i);
		w[i] = t->norm == UINT32_MAX ? NULL : f->norm.data + t->norm;
	}
	/* Sentences in coder order (title first); each token joins the sentence holding it. */
	size_t ns = dyad_coder_sentence_count(f->coder), p = 0;
	int rank = 0;
	for (size_t s = 0; s < ns; s++) {
		const dyad_sentence *cs = dyad_coder_sentence(f->coder, s);
		size_t lo = cs->field ? 0 : title_toks, hi = cs->field ? title_toks : f->toks.len;
		if (p < lo || p > hi)
			p = lo;
		while (p < hi && T(f, p)->start < cs->span.start)
			p++;
		size_t a = p;
		while (p < hi && T(f, p)->start < cs->span.end)
			p++;
		fsent *o = vec_push(&f->sents, 1);
		if (!o)
			return DYAD_ENOMEM;
		o->field = cs->field;
		o->a = (uint32_t)a;
		o->b = (uint32_t)p;
		o->span = cs->span;
		o->index = (int)s;
		size_t caps = 0, words = 0;
		for (size_t i = a; i < p; i++) {
			VEC_AT(f->toks, ftok, i).sent = (int32_t)(f->sents.len - 1);
			if (T(f, i)->flags & TF_WORD) {
				words++;
				caps += (T(f, i)->flags & (TF_CAP | TF_ALLCAPS)) != 0;
			}
		}
		o->title_case = words >= 3 && caps * 10 >= words * 7;
		/* furniture does not count in the position of the sentences after it */
		o->boiler = !cs->field && words <= 30 && boilerplate(f, a, p);
		o->rank = cs->field ? 0 : o->boiler ? rank : rank++;
		f->title_sents += cs->field == 1;
		o->headline = cs->field == 1 ||
		              (o->rank == 0 && p > a && !(T(f, p - 1)->flags & TF_TERM) &&
		               (p == hi || (T(f, p)->flags & TF_PARA)));
	}
	return DYAD_OK;
}

/* ---------------------------------------------------------------- answers */

static fitem *add_item(dyad_faq *f, vec *v, size_t sent, size_t start, size_t end,
                       const char *rule, double score)
{
	const fsent *s = S(f, sent);
	const char *text = field_text(f, s->field);
	fitem *o = vec_push(v, 1);
	if (!o)
		return NULL;
	memset(o, 0, sizeof *o);
	o->it.field = s->field;
	o->it.sentence = s->index;
	o->it.span.start = start;
	o->it.span.end = end;
	o->it.evidence = s->span;
	o->it.rule = rule;
	o->it.date = INT32_MIN;
	o->it.score = score;
	o->toff = f->text.len;
	if (buf_append(&f->text, text + start, end - start) != DYAD_OK ||
	    buf_append(&f->text, "", 1) != DYAD_OK) {
		v->len--;
		return NULL;
	}
	return o;
}

/* Appends text to the text arena; returns its offset or SIZE_MAX. */
static size_t add_text(dyad_faq *f, const char *s, size_t n)
{
	size_t off = f->text.len;
	if (buf_append(&f->text, s, n) != DYAD_OK || buf_append(&f->text, "", 1) != DYAD_OK)
		return SIZE_MAX;
	return off;
}

static int cmp_items(const void *a, const void *b)
{
	double x = ((const fitem *)a)->it.score, y = ((const fitem *)b)->it.score;
	if (x != y)
		return x < y ? 1 : -1;
	return ((const fitem *)a)->it.span.start < ((const fitem *)b)->it.span.start ? -1 : 1;
}

static void sort_items(vec *v)
{
	if (v->len > 1)
		qsort(v->data, v->len, sizeof(fitem), cmp_items);
}

/* The sentence holding byte start of field, as an fsent index; -1 if none. Sentences are
 * the title's, then the text's, each in order, so this is a binary search. */
static int sent_of_bytes(const dyad_faq *f, int field, size_t start)
{
	size_t lo = field ? 0 : f->title_sents, hi = field ? f->title_sents : f->sents.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (S(f, mid)->span.end <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->sents.len && S(f, lo)->field == field && S(f, lo)->span.start <= start &&
	    start < S(f, lo)->span.end)
		return (int)lo;
	return -1;
}

/* The first token of field that ends after byte at (binary search). */
static size_t tok_of_bytes(const dyad_faq *f, int field, size_t at)
{
	size_t lo = field ? 0 : f->title_toks, hi = field ? f->title_toks : f->toks.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (T(f, mid)->end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Marks the tokens of every event's source and target (for event_actor). */
static dyad_status mark_event_actors(dyad_faq *f)
{
	f->in_event.len = 0;
	uint8_t *mark = vec_push(&f->in_event, f->toks.len);
	if (!mark && f->toks.len)
		return DYAD_ENOMEM;
	if (f->toks.len)
		memset(mark, 0, f->toks.len);
	for (size_t i = 0; i < dyad_coder_event_count(f->coder); i++) {
		const dyad_event *e = dyad_coder_event(f->coder, i);
		const dyad_span spans[2] = {e->source_span, e->target_span};
		size_t lim = e->field ? f->title_toks : f->toks.len;
		for (int k = 0; k < 2; k++)
			for (size_t t = tok_of_bytes(f, e->field, spans[k].start);
			     t < lim && T(f, t)->start < spans[k].end && !mark[t]; t++)
				mark[t] = 1;
	}
	return DYAD_OK;
}

/* The main event: the coded event of the highest position weight, direct speech preferred. */
static void pick_main_event(dyad_faq *f)
{
	size_t n = dyad_coder_event_count(f->coder);
	double best = 0;
	f->main_event = -1;
	for (size_t i = 0; i < n; i++) {
		const dyad_event *e = dyad_coder_event(f->coder, i);
		int s = sent_of_bytes(f, e->field, e->sentence_span.start);
		if (s < 0)
			continue;
		double w = position_weight(f, (size_t)s) * (e->flags & DYAD_EVENT_REPORTED ? 0.7 : 1.0);
		if (w > best + 1e-9) {
			best = w;
			f->main_event = (int)i;
			f->main_sent = (size_t)s;
		}
	}
	if (best < 0.45)
		f->main_event = -1;
}

static const char *const function_words[] = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "when", "while", "as",
    "after", "before", "this", "that", "these", "those", "it", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "its", "our", "my", "there", "here", "what", "who",
    "how", "why", "where", "for", "from", "with", "by", "of", "to", "so", "yet", "not", "no",
    "mr", "mrs", "ms", "dr", "some", "all", "one", "two", "three", "many", "more", "most",
    "new", "breaking", "watch", "video", "photos", "update", "live", "exclusive", "read",
    "now", "today", "yesterday", "last", "next", "then", "also", "meanwhile", "however",
    NULL};
static const char *const calendar_words[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", NULL};
static const char *const name_joiners[] = {"bin", "al", "de", "van", "von", "da", "la", "le",
                                           "del", "di", "du", "el", "ibn", "abu", NULL};

/* A place named at token p: a country of the dictionary or a place of the gazetteer, by
 * longest match; fills *end, *city (-1 for a country) and iso3. */
static bool place_at(dyad_faq *f, size_t p, size_t lim, size_t *end, long *city, char iso3[4],
                     bool *admin)
{
	const ftok *t = T(f, p);
	if (!(t->flags & TF_WORD) || !(t->flags & (TF_CAP | TF_ALLCAPS)))
		return false;
	size_t best_end = 0;
	*admin = false;
	uint32_t ids[8] = {0};
	uint16_t fl[8] = {0};
	size_t m = 0;
	for (size_t q = p; q < lim && m < 8; q++, m++) {
		ids[m] = T(f, q)->id;
		fl[m] = T(f, q)->flags;
	}
	size_t dend = 0;
	const actor_entry *e = gazetteer_dict_phrase(
	    f->dict, ids, fl, m, (1u << ATOM_COUNTRY) | (1u << ATOM_GOV), &dend);
	if (e && strlen(e->code) >= 3) {
		best_end = p + dend;
		*city = -1;
		memcpy(iso3, e->code, 3);
		iso3[3] = 0;
	}
	char key[256];
	size_t k = 0;
	for (size_t q = p; q < lim && q < p + 5; q++) {
		const char *w = W(f, q);
		const ftok *u = T(f, q);
		if (!w) {
			if (u->punct == '-' && q > p)
				continue;
			break;
		}
		if (q > p && !(u->flags & (TF_CAP | TF_ALLCAPS)) && !is_any(f, q, name_joiners) &&
		    strlen(w) > 2)
			break;
		size_t wl = strlen(w);
		if (k + wl + 1 > sizeof key)
			break;
		memcpy(key + k, w, wl);
		k += wl;
		uint32_t v = gazetteer_find(&f->gaz, key, k);
		if (v && q + 1 >= best_end && (T(f, q)->flags & (TF_CAP | TF_ALLCAPS))) {
			best_end = q + 1;
			*city = (long)(GAZ_CITY(v));
			*admin = GAZ_ADMIN(v);
			memcpy(iso3, gazetteer_iso3(&f->gaz, dyad_gaz_cities[*city].cc), 4);
		}
	}
	if (!best_end)
		return false;
	*end = best_end;
	return true;
}

/* Whether token p lies in the source or target of a coded event. */
static bool event_actor(const dyad_faq *f, size_t p)
{
	return p < f->in_event.len && VEC_AT(f->in_event, uint8_t, p);
}

/* Whether the word at p is used as a surname somewhere in the document ("Hillary Clinton",
 * "Felipe Massa"): then the one-word place of that name is a person. */
static bool surname_scan(const dyad_faq *f, size_t p)
{
	static const char *const directions[] = {
	    "north", "south", "east", "west", "central", "greater", "northern", "southern",
	    "eastern", "western", "new", "old", "upper", "lower", "downtown", "inner", NULL};
	const char *w = W(f, p);
	for (size_t j = 1; w && j < f->toks.len && j < SURNAME_SCAN; j++) {
		const ftok *prev = T(f, j - 1);
		if (!is(f, j, w) || !(prev->flags & TF_WORD) || !(prev->flags & TF_CAP) ||
		    (prev->flags & TF_ALLCAPS) || prev->sent != T(f, j)->sent ||
		    S(f, (size_t)prev->sent)->title_case)
			continue;
		if (is_any(f, j - 1, function_words) || is_any(f, j - 1, directions) ||
		    is_any(f, j - 1, calendar_words))
			continue;
		if (S(f, (size_t)prev->sent)->a == j - 1 && is_any(f, j - 1, function_words))
			continue;
		return true;
	}
	return false;
}

/* surname_scan, remembered per word (a document names few places, often). */
static bool surname(dyad_faq *f, size_t p)
{
	const char *w = W(f, p);
	for (size_t i = 0; w && i < f->surnames.len; i++)
		if (!strcmp(VEC_AT(f->surnames, surname_memo, i).word, w))
			return VEC_AT(f->surnames, surname_memo, i).is;
	bool is = surname_scan(f, p);
	if (w && f->surnames.len < MAX_PLACES) {
		surname_memo *m = vec_push(&f->surnames, 1);
		if (m) {
			m->word = w;
			m->is = is;
		}
	}
	return is;
}

static const char *const locative[] = {"in", "at", "near", "outside", "inside", "across",
                                       "into", "throughout", "within", "around", NULL};

static dyad_status answer_where(dyad_faq *f)
{
	vec *v = &f->items[DYAD_FAQ_WHERE];
	for (size_t s = 0; s < f->sents.len; s++) {
		const fsent *se = S(f, s);
		if (se->rank > 12)
			break;
		for (size_t p = se->a; p < se->b; p++) {
			size_t end;
			long city;
			char iso3[4];
			bool admin;
			if (!place_at(f, p, se->b, &end, &city, iso3, &admin))
				continue;
			bool prev_name = p > se->a && (T(f, p - 1)->flags & (TF_CAP | TF_ALLCAPS)) &&
			                 (T(f, p - 1)->flags & TF_WORD) && !se->title_case &&
			                 !is_any(f, p - 1, function_words) && !is_any(f, p - 1, locative);
			bool next_name = end < se->b && (T(f, end)->flags & TF_CAP) && !se->title_case &&
			                 city >= 0 && !is_any(f, end, function_words);
			if (prev_name || next_name) {
				p = end - 1;
				continue;
			}
			if (end == p + 1 && (is_any(f, p, calendar_words) || surname(f, p))) {
				p = end - 1;
				continue;
			}
			bool initial = p == se->a;
			/* a dateline: "WASHINGTON (Reuters) -", "LONDON, Nov 8 -" */
			bool dateline = initial && !se->headline && (T(f, p)->flags & TF_ALLCAPS) &&
			                end < se->b && (T(f, end)->punct == '(' || T(f, end)->punct == ',' ||
			                                T(f, end)->punct == '-' || T(f, end)->punct == ':');
			double score = position_weight(f, s);
			if (p > se->a && is_any(f, p - 1, locative))
				score *= 1.6;
			else if (p > se->a + 1 && is_any(f, p - 2, locative) && is(f, p - 1, "the"))
				score *= 1.6;
			else if (p > se->a && is(f, p - 1, "from"))
				score *= 1.2;
			else if (city < 0 && event_actor(f, p))
				score = 0; /* a country acting in a coded event is an actor, not a place */
			else if (city < 0)
				score *= 0.6;
			else if (p > se->a && (is(f, p - 1, "by") || is(f, p - 1, "with")))
				score *= 0.4;
			if (score <= 0) {
				p = end - 1;
				continue;
			}
			if (dateline)
				score *= 3.0;
			else if (initial && !se->title_case && city >= 0)
				score *= 0.5;
			if (city >= 0 && !admin)
				score *= 1.0 + 0.05 * log10(1.0 + dyad_gaz_cities[city].population);
			if (f->main_event >= 0 && s == f->main_sent)
				score *= 1.3;
			const ftok *a = T(f, p), *b = T(f, end - 1);
			/* the same place again adds to its first mention */
			fitem *same = NULL;
			for (size_t i = 0; i < v->len; i++) {
				fitem *o = &VEC_AT(*v, fitem, i);
				const char *ot = f->text.data + o->toff;
				if (strlen(ot) == b->end - a->start &&
				    !memcmp(ot, field_text(f, se->field) + a->start, b->end - a->start))
					same = o;
			}
			if (same || v->len >= MAX_PLACES) {
				if (same)
					same->it.score += 0.3 * score;
				p = end - 1;
				continue;
			}
			fitem *o = add_item(f, v, s, a->start, b->end,
			                    city < 0 ? "country or capital named in the text"
			                    : admin  ? "region of the gazetteer named in the text"
			                             : "place of the gazetteer named in the text",
			                    score);
			if (!o)
				return DYAD_ENOMEM;
			memcpy(o->it.country, iso3, 4);
			if (city >= 0 && !admin) {
				o->it.has_coords = 1;
				o->it.lat = dyad_gaz_cities[city].lat;
				o->it.lon = dyad_gaz_cities[city].lon;
			}
			p = end - 1;
		}
	}
	sort_items(v);
	return DYAD_OK;
}

static size_t lead_sentence(const dyad_faq *f);

static dyad_status answer_when(dyad_faq *f)
{
	vec *v = &f->items[DYAD_FAQ_WHEN];
	const char *const *words = (const char *const *)f->words.data;
	dyad_status st = DYAD_OK;
	if (f->toks.len)
		st = timex_find(words, (const char *)f->puncts.data, f->toks.len, f->doc->date,
		                &f->timexes);
	if (st != DYAD_OK)
		return st;
	for (size_t i = 0; i < f->timexes.len; i++) {
		const timex *t = &VEC_AT(f->timexes, timex, i);
		const ftok *a = T(f, t->a), *b = T(f, t->b - 1);
		if (a->sent < 0 || a->sent != b->sent)
			continue;
		if (t->b == t->a + 1 && (a->flags & TF_ALLCAPS) && is(f, t->a, "today"))
			continue; /* USA TODAY, the paper */
		size_t s = (size_t)a->sent;
		bool dur = t->kind == TIMEX_DURATION;
		if (!dur && S(f, s)->rank > 15)
			continue;
		double score = dur ? 0 : t->weight * position_weight(f, s);
		if (!dur && f->main_event >= 0 && s == f->main_sent)
			score *= 1.3;
		fitem *o = add_item(f, dur ? &f->durations : v, s, a->start, b->end, t->rule, score);
		if (!o)
			return DYAD_ENOMEM;
		o->it.date = t->date;
		static const char *const grains[] = {"day", "week", "month", "year", NULL};
		o->it.grain = t->date == INT32_MIN ? NULL : grains[t->grain];
		memcpy(o->it.duration, t->value, sizeof o->it.duration);
	}
	sort_items(v);
	if (!v->len && f->sents.len) {
		/* Not stated: the article's own date, citing the main event (or the lead). */
		size_t s = f->main_event >= 0 ? f->main_sent : lead_sentence(f);
		size_t at = S(f, s)->span.start;
		fitem *o = add_item(f, v, s, at, at, "not stated in the text: the date of the article",
		                    0.0);
		if (!o)
			return DYAD_ENOMEM;
		o->toff = add_text(f, "the article date", 16);
		if (o->toff == SIZE_MAX)
			return DYAD_ENOMEM;
		o->it.date = f->doc->date;
		o->it.grain = "day";
	}
	return DYAD_OK;
}

/* The span of a name-like chunk starting at p: capitalised words and name joiners. */
static size_t name_end(const dyad_faq *f, size_t p, size_t lim)
{
	size_t q = p;
	while (q < lim) {
		const ftok *t = T(f, q);
		if ((t->flags & TF_WORD) && (t->flags & (TF_CAP | TF_ALLCAPS)) &&
		    !is_any(f, q, calendar_words))
			q++;
		else if (q > p && q + 1 < lim && is_any(f, q, name_joiners) &&
		         (T(f, q + 1)->flags & TF_CAP))
			q++;
		else if (q > p && t->punct == '-' && q + 1 < lim && (T(f, q + 1)->flags & TF_CAP))
			q++;
		else
			break;
	}
	return q;
}

typedef struct cand {
	size_t sent, a, b;     /* the best mention */
	const char *key;       /* last word */
	double score;
	char code[32];
} cand;

/* The candidate whose mentions end in key, or a new one for the mention [a, b) of sentence
 * sent (*created says which). NULL when the table is full, or with *st = DYAD_ENOMEM. */
static cand *candidate(vec *cands, const char *key, size_t sent, size_t a, size_t b,
                       bool *created, dyad_status *st)
{
	*created = false;
	cand *c = NULL;
	for (size_t i = 0; i < cands->len; i++)
		if (!strcmp(VEC_AT(*cands, cand, i).key, key))
			c = &VEC_AT(*cands, cand, i);
	if (c || cands->len >= MAX_CANDIDATES)
		return c;
	c = vec_push(cands, 1);
	if (!c) {
		*st = DYAD_ENOMEM;
		return NULL;
	}
	memset(c, 0, sizeof *c);
	c->sent = sent;
	c->a = a;
	c->b = b;
	c->key = key;
	*created = true;
	return c;
}

static dyad_status answer_who(dyad_faq *f)
{
	vec *v = &f->items[DYAD_FAQ_WHO];
	if (f->main_event >= 0) {
		const dyad_event *m = dyad_coder_event(f->coder, (size_t)f->main_event);
		for (size_t i = 0; i < dyad_coder_event_count(f->coder); i++) {
			const dyad_event *e = dyad_coder_event(f->coder, i);
			if (e->sentence != m->sentence || e->verb_span.start != m->verb_span.start)
				continue;
			if (i != (size_t)f->main_event && !(m->flags & DYAD_EVENT_RECIPROCAL) &&
			    !(e->flags & DYAD_EVENT_COMPOUND))
				continue;
			bool dup = false;
			for (size_t k = 0; k < v->len; k++)
				if (VEC_AT(*v, fitem, k).it.span.start == e->source_span.start)
					dup = true;
			if (dup)
				continue;
			fitem *o = add_item(f, v, f->main_sent, e->source_span.start, e->source_span.end,
			                    "the source of the main event", 1.0 - 0.01 * (double)v->len);
			if (!o)
				return DYAD_ENOMEM;
			snprintf(o->it.code, sizeof o->it.code, "%s", e->source);
		}
		return DYAD_OK;
	}
	/* No coded event in the lead: the actor the lead is most about, by named mentions
	 * weighted by position and subject place. */
	vec cands;
	vec_init(&cands, sizeof(cand));
	dyad_status st = DYAD_OK;
	for (size_t s = 0; s < f->sents.len && st == DYAD_OK; s++) {
		const fsent *se = S(f, s);
		if (se->rank > 20 || se->title_case || se->boiler)
			continue;
		for (size_t p = se->a; p < se->b; p++) {
			size_t q = name_end(f, p, se->b);
			if (q == p)
				continue;
			size_t a = p;
			while (a < q && is_any(f, a, function_words))
				a++;
			size_t pe;
			long city;
			char iso3[4];
			bool admin;
			bool place = a < q && place_at(f, a, q, &pe, &city, iso3, &admin) && pe == q;
			if (a == q || place || !W(f, q - 1)) {
				p = q - 1;
				continue;
			}
			double w = position_weight(f, s);
			size_t lead = se->a;
			while (lead < a && is_any(f, lead, function_words))
				lead++;
			if (lead == a)
				w *= 2.0;
			bool created;
			cand *c = candidate(&cands, W(f, q - 1), s, a, q, &created, &st);
			if (st != DYAD_OK)
				break;
			if (c && !created && q - a > c->b - c->a && s == c->sent) {
				c->a = a;
				c->b = q;
			}
			if (c)
				c->score += w;
			p = q - 1;
		}
	}
	/* Coder actors (agents such as "police", "militants") count too. */
	for (size_t i = 0; i < dyad_coder_actor_count(f->coder) && st == DYAD_OK; i++) {
		const dyad_actor *ac = dyad_coder_actor(f->coder, i);
		int s = sent_of_bytes(f, ac->field, ac->span.start);
		if (s < 0 || S(f, s)->rank > 20 || S(f, s)->boiler)
			continue;
		size_t a = S(f, (size_t)s)->a, b = S(f, (size_t)s)->b, p = a, q;
		while (p < b && T(f, p)->start < ac->span.start)
			p++;
		q = p;
		while (q < b && T(f, q)->end <= ac->span.end)
			q++;
		if (q == p || !W(f, q - 1))
			continue;
		bool created;
		cand *c = candidate(&cands, W(f, q - 1), (size_t)s, p, q, &created, &st);
		if (st != DYAD_OK)
			break;
		if (!c)
			continue;
		if (created)
			c->score += position_weight(f, (size_t)s);
		snprintf(c->code, sizeof c->code, "%s", ac->code);
	}
	for (size_t i = 0; i < cands.len && st == DYAD_OK; i++) {
		const cand *c = &VEC_AT(cands, cand, i);
		fitem *o = add_item(f, v, c->sent, T(f, c->a)->start, T(f, c->b - 1)->end,
		                    "the actor the lead names most", c->score);
		if (!o)
			st = DYAD_ENOMEM;
		else
			snprintf(o->it.code, sizeof o->it.code, "%s", c->code);
	}
	vec_free(&cands);
	sort_items(v);
	if (v->len > 3)
		v->len = 3;
	return st;
}

/* The lead sentence: the title, else the first sentence of the text. */
static size_t lead_sentence(const dyad_faq *f)
{
	for (size_t s = 0; s < f->sents.len; s++)
		if (S(f, s)->b > S(f, s)->a)
			return s;
	return 0;
}

static dyad_status answer_what(dyad_faq *f)
{
	vec *v = &f->items[DYAD_FAQ_WHAT];
	if (!f->sents.len)
		return DYAD_OK;
	/* a main event past the lead (no event of the title or lead was coded) is the story's
	 * main event less often than the headline is */
	if (f->main_event >= 0 && S(f, f->main_sent)->rank <= 1) {
		const dyad_event *e = dyad_coder_event(f->coder, (size_t)f->main_event);
		fitem *o = add_item(f, v, f->main_sent, e->verb_span.start, e->verb_span.end,
		                    "the main event: the coded event of the lead", 1.0);
		if (!o)
			return DYAD_ENOMEM;
		snprintf(o->it.code, sizeof o->it.code, "%s", e->code);
		return DYAD_OK;
	}
	size_t s = lead_sentence(f);
	const fsent *se = S(f, s);
	if (se->b == se->a)
		return DYAD_OK;
	size_t a = se->a;
	/* the predicate: what follows the lead's subject when who names it */
	if (f->items[DYAD_FAQ_WHO].len) {
		const fitem *w = &VEC_AT(f->items[DYAD_FAQ_WHO], fitem, 0);
		if ((size_t)w->it.sentence == (size_t)se->index)
			while (a < se->b && T(f, a)->start < w->it.span.end)
				a++;
	}
	if (a >= se->b)
		a = se->a;
	size_t b = se->b;
	while (b > a + 1 && !W(f, b - 1))
		b--;
	if (!add_item(f, v, s, T(f, a)->start, T(f, b - 1)->end,
	              "the lead sentence (no event of the lead was coded)", 0.5))
		return DYAD_ENOMEM;
	return DYAD_OK;
}

typedef struct cue {
	const char *words[4];
	double weight;
} cue;




/* Why: a cue in the body's first sentences counts double, a weak cue in a headline less
 * (headlines compress; their "for" and "after" are rarely the cause). Chosen on the
 * training split of the Giveme5W1H gold set. */
static const double why_body_lead = 2.0, why_headline = 0.25;
static const cue why_cues[] = {
    {{"because", "of"}, 1.0},        {{"because"}, 1.0},
    {{"due", "to"}, 1.0},            {{"owing", "to"}, 1.0},
    {{"as", "a", "result", "of"}, 1.0}, {{"in", "response", "to"}, 1.0},
    {{"in", "retaliation", "for"}, 1.0}, {{"in", "protest"}, 1.0},
    {{"in", "order", "to"}, 1.0},    {{"in", "a", "bid", "to"}, 1.0},
    {{"so", "that"}, 0.8},           {{"aimed", "at"}, 0.8},
    {{"caused", "by"}, 1.0},         {{"sparked", "by"}, 1.0},
    {{"blamed", "on"}, 1.0},         {{"to", "protest"}, 1.0},
    {{"following"}, 0.7},            {{"after"}, 0.5},
    {{"amid"}, 0.6},                 {{"over"}, 0.4},
    {{"to", "deescalate"}, 0.8},     {{"to", "de-escalate"}, 0.8},
    {{"to", "ensure"}, 0.6},         {{"to", "prevent"}, 0.6},
    {{"to", "stop"}, 0.6},           {{"to", "help"}, 0.5},
    {{"blamed"}, 0.7},               {{"blames"}, 0.7},
    {{"blaming"}, 0.7},              {{"reprisal"}, 1.0},
    {{"revenge"}, 1.0},              {{"cause", "of"}, 1.0},
    {{"thanks", "to"}, 0.8},         {{"in", "the", "wake", "of"}, 0.8},
    {{"prompted"}, 0.6},             {{"led", "to"}, 0.6},
    {{"in", "an", "attempt", "to"}, 1.0}, {{"in", "an", "effort", "to"}, 1.0},
    {{"in", "a", "move", "to"}, 0.8}, {{"on", "suspicion", "of"}, 1.0},
    {{"on", "charges", "of"}, 0.8},  {{"caused"}, 0.6},
    {{"to", "<verb>"}, 0.45},        {{"as", "<subj>"}, 0.35},
    {{"while", "<ing>"}, 0.35},
    {{"for"}, 0.2},
    {{NULL}, 0}};

static const cue how_cues[] = {
    {{"by", "telephone"}, 1.0},      {{"by", "phone"}, 1.0},
    {{"telephone", "conversation"}, 1.0}, {{"telephone", "call"}, 1.0},
    {{"phone", "call"}, 1.0},        {{"video", "call"}, 1.0},
    {{"through"}, 0.8},              {{"via"}, 0.8},
    {{"using"}, 0.8},                {{"by", "means", "of"}, 1.0},
    {{"with", "the", "help", "of"}, 1.0}, {{"mediated", "by"}, 0.9},
    {{"by"}, 0.5},                   {{"with", "a"}, 0.4},
    {{"with", "an"}, 0.4},           {{NULL}, 0}};

/* Whether a time expression (or a duration) starts at token p. */
static bool time_at(const dyad_faq *f, size_t p)
{
	for (size_t i = 0; i < f->timexes.len; i++) {
		const timex *t = &VEC_AT(f->timexes, timex, i);
		if (t->a <= p + 1 && p < t->b)
			return true;
	}
	const char *w = W(f, p);
	if (w && w[0] >= '0' && w[0] <= '9')
		return true; /* "after 20 of 71 laps": a count */
	return is(f, p, "years") || is(f, p, "decades") || is(f, p, "months") ||
	       (is(f, p, "the") && (is(f, p + 1, "first") || is(f, p + 1, "second")) &&
	        (is(f, p + 2, "time")));
}

/* Whether the word at p belongs to the class a cue names in angle brackets: "<verb>" a
 * lower-case word that can open an infinitive's verb phrase (not a determiner, pronoun,
 * number or a noun that usually follows "to"), "<subj>" a subject pronoun, "<ing>" a
 * participle or gerund. */
static bool word_class(const dyad_faq *f, size_t p, const char *cls)
{
	static const char *const subj[] = {"he", "she", "it", "they", "we", "i", "you", NULL};
	static const char *const not_verb[] = {
	    "power", "hospital", "death", "prison", "jail", "court", "office", "date", "school",
	    "work", "life", "bed", "victory", "war", "trial", "safety", "light", "home", "hand",
	    "be", "have", "do", "become", "what", "which", "whom", "this", "that", "these",
	    "those", "each", "all", "both", "some", "any", "many", "more", "most", "one", "two",
	    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "around", "about",
	    "nearly", "almost", "just", "only", "and", "or", "first", "second", "third",
	    "fourth", "fifth", "last", NULL};
	const char *w = W(f, p);
	if (!w)
		return false;
	size_t n = strlen(w);
	if (!strcmp(cls, "<subj>"))
		return is_any(f, p, subj);
	if (!strcmp(cls, "<ing>"))
		return n > 4 && !strcmp(w + n - 3, "ing");
	/* <verb> */
	uint32_t wf = VEC_AT(f->dict->words.flags, uint32_t, T(f, p)->id);
	if ((T(f, p)->flags & (TF_CAP | TF_ALLCAPS)) || (w[0] >= '0' && w[0] <= '9'))
		return false;
	if (wf & (WF_DET | WF_PRON | WF_PRONPOSS | WF_POSS | WF_PREP | WF_BE | WF_NEG))
		return false;
	/* plural nouns ("to donors") and adjectives ("to congressional leaders") are not verbs;
	 * "discuss", "focus", "reveal", "appeal" are */
	bool plural = n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u';
	bool adjective = n > 4 && !strcmp(w + n - 2, "al") && w[n - 3] != 'e';
	return !is_any(f, p, not_verb) && !(n > 4 && !strcmp(w + n - 3, "ing")) && !plural &&
	       !adjective;
}

/* The length of cue c at token p (0 when it does not match). */
static size_t cue_at(const dyad_faq *f, size_t p, size_t lim, const cue *c)
{
	size_t k = 0;
	while (k < 4 && c->words[k]) {
		if (p + k >= lim)
			return 0;
		if (c->words[k][0] == '<' ? !word_class(f, p + k, c->words[k])
		                          : !is(f, p + k, c->words[k]))
			return 0;
		k++;
	}
	return k;
}

/* The clause starting at p: to the next clause punctuation or max tokens. */
static size_t clause_end(const dyad_faq *f, size_t p, size_t lim, size_t max)
{
	size_t q = p;
	while (q < lim && q < p + max) {
		char c = T(f, q)->punct;
		if (q > p && (c == ',' || c == ';' || c == '.' || c == ':' || c == '!' || c == '?' ||
		              c == '(' || c == '"'))
			break;
		if (q > p + 2 && (is(f, q, "which") || is(f, q, "who") || is(f, q, "while")))
			break;
		q++;
	}
	return q;
}

/* Nouns of a post held for someone: "for" after them names an employer, not a cause. */
static const char *const roles[] = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "director", "head",
    "chief", "correspondent", "editor", "reporter", "officer", "official", "candidate",
    "nominee", "manager", "ambassador", "envoy", "commissioner", "lawyer", "attorney",
    "adviser", "advisor", "analyst", "president", "chairman", "member", "writer", NULL};

/* Whether the word at p takes an infinitive as its complement ("wants to go", "is able to
 * go"), so that the "to" after it opens no clause of purpose. */
static bool controls_infinitive(const dyad_faq *f, size_t p)
{
	static const char *const control[] = {
	    "want", "wants", "wanted", "plan", "plans", "planned", "going", "trying", "tried",
	    "try", "tries", "able", "unable", "expected", "expect", "expects", "likely",
	    "unlikely", "has", "have", "had", "having", "used", "about", "set", "seek", "seeks",
	    "sought", "agreed", "agree", "decided", "decide", "hope", "hopes", "hoped", "need",
	    "needs", "needed", "due", "according", "up", "close", "next", "prior", "thanks",
	    "appears", "appeared", "seems", "seemed", "began", "begin", "begins", "started",
	    "start", "continue", "continues", "continued", "vowed", "vows", "promised",
	    "promises", "pledged", "threatened", "threatens", "chose", "managed", "ought",
	    "supposed", "meant", "is", "was", "are", "were", "be", "been", "first", "last",
	    "only", "order", "bid", "attempt", "effort", "move", "way", "time", "right",
	    "failed", "refused", "declined", "ready", "willing", "allowed", "forced", "asked",
	    "urged", "told", "helped", "help", "hard", "easy", "difficult", "impossible",
	    "enough", "too", "so", "click", "tap", NULL};
	uint32_t wf = VEC_AT(f->dict->words.flags, uint32_t, T(f, p)->id);
	return (wf & (WF_INTEND | WF_NEGVERB | WF_MODAL | WF_BE)) || is_any(f, p, control);
}

static dyad_status answer_cue(dyad_faq *f, dyad_faq_question q, const cue *cues,
                              const char *rule)
{
	vec *v = &f->items[q];
	for (size_t s = 0; s < f->sents.len; s++) {
		const fsent *se = S(f, s);
		if (se->rank > 12)
			break;
		if (se->boiler)
			continue;
		for (size_t p = se->a; p < se->b; p++) {
			for (const cue *c = cues; c->words[0]; c++) {
				size_t k = cue_at(f, p, se->b, c);
				if (!k)
					continue;
				if (q == DYAD_FAQ_WHY && !strcmp(c->words[0], "due") && is(f, p + k, "be"))
					break;
				if (c->words[1] && !strcmp(c->words[1], "<verb>") && p > se->a &&
				    controls_infinitive(f, p - 1))
					continue; /* "wants to", "has to": no purpose */
				if (!c->words[1] && !strcmp(c->words[0], "for") && p > se->a &&
				    is_any(f, p - 1, roles))
					break; /* "a spokesman for the police": whom he works for */
				if (q == DYAD_FAQ_HOW && !strcmp(c->words[0], "by") && k == 1) {
					/* "by" + -ing or a means, not the agent of a passive */
					const char *w = W(f, p + 1);
					size_t wl = w ? strlen(w) : 0;
					if (!(wl > 4 && !strcmp(w + wl - 3, "ing")))
						break;
				}
				size_t e = clause_end(f, p, se->b, 25);
				if (e < p + k || (e == p + k && q == DYAD_FAQ_WHY))
					break; /* a means ("telephone call") may be the whole answer */
				double pw = position_weight(f, s);
				double score = c->weight * (q == DYAD_FAQ_WHY ? pw * pw * pw : pw);
				if (q == DYAD_FAQ_WHY && !se->headline && se->rank <= 1)
					score *= why_body_lead;
				if (q == DYAD_FAQ_WHY && se->headline && c->weight < 1.0)
					score *= why_headline;
				if (q == DYAD_FAQ_WHY && k == 1 && time_at(f, p + 1))
					break; /* "after two days", "for years", "over an hour": time, not cause */
				if (f->main_event >= 0 && s == f->main_sent)
					score *= 1.5;
				if (!add_item(f, v, s, T(f, p)->start, T(f, e - 1)->end, rule, score))
					return DYAD_ENOMEM;
				p = e - 1;
				break;
			}
		}
	}
	sort_items(v);
	if (v->len > 3)
		v->len = 3;
	return DYAD_OK;
}

/* How: a phrase of manner or means in the lead; else the lead's own account of the action
 * (the main event's phrase or the lead's predicate), which is how the text says it happened. */
static dyad_status answer_how_lead(dyad_faq *f)
{
	vec *v = &f->items[DYAD_FAQ_HOW];
	size_t keep = 0;
	for (size_t i = 0; i < v->len; i++) {
		fitem *o = &VEC_AT(*v, fitem, i);
		int s = sent_of_bytes(f, o->it.field, o->it.evidence.start);
		bool lead = s >= 0 && (S(f, (size_t)s)->rank <= 0 ||
		                       (f->main_event >= 0 && (size_t)s == f->main_sent));
		if (lead)
			VEC_AT(*v, fitem, keep++) = *o;
	}
	v->len = keep;
	if (keep || !f->items[DYAD_FAQ_WHAT].len)
		return DYAD_OK;
	/* the first sentence of the body, which tells the event in full */
	size_t s = 0;
	while (s < f->sents.len && (S(f, s)->headline || S(f, s)->b == S(f, s)->a))
		s++;
	if (s >= f->sents.len) {
		fitem *o = vec_push(v, 1);
		if (!o)
			return DYAD_ENOMEM;
		*o = VEC_AT(f->items[DYAD_FAQ_WHAT], fitem, 0);
		o->it.code[0] = 0;
		o->it.rule = "no manner or means is stated: the action as the lead tells it";
		o->it.score = 0.1;
		return DYAD_OK;
	}
	const fsent *se = S(f, s);
	size_t a = se->a, b = se->b;
	/* the predicate: what follows the actor who names in this sentence */
	for (size_t i = 0; i < f->items[DYAD_FAQ_WHO].len; i++) {
		const fitem *w = &VEC_AT(f->items[DYAD_FAQ_WHO], fitem, i);
		if (w->it.sentence == se->index && w->it.field == se->field)
			while (a < b && T(f, a)->start < w->it.span.end)
				a++;
	}
	while (b > se->a + 1 && !W(f, b - 1))
		b--;
	if (a + 2 > b)
		a = se->a;
	if (!add_item(f, v, s, T(f, a)->start, T(f, b - 1)->end,
	              "no manner or means is stated: the action as the lead tells it", 0.1))
		return DYAD_ENOMEM;
	return DYAD_OK;
}

/* ---------------------------------------------------------------- follow-up questions */

/* A readable name for an actor code: the dictionary's name for its country, with "the"
 * where English wants it; NULL when the code names no country. */
static const char *country_name(const dyad_faq *f, const char *code, bool *the)
{
	for (size_t i = 0; i < f->dict->actors.len; i++) {
		const actor_entry *e = &VEC_AT(f->dict->actors, actor_entry, i);
		if (e->kind == ATOM_COUNTRY && !strncmp(e->code, code, 3) && strlen(e->code) == 3) {
			size_t n = strlen(e->name);
			*the = !strncmp(e->name, "United ", 7) || (n > 1 && e->name[n - 1] == 's' &&
			                                          strcmp(e->name, "Laos"));
			return e->name;
		}
	}
	return NULL;
}

static dyad_status add_followup(dyad_faq *f, const char *question, size_t qlen, size_t sent,
                                size_t start, size_t end, const char *rule, const char *code)
{
	if (f->followups.len >= MAX_FOLLOWUPS)
		return DYAD_OK;
	for (size_t i = 0; i < f->followups.len; i++) {
		const fitem *o = &VEC_AT(f->followups, fitem, i);
		if (strlen(f->text.data + o->qoff) == qlen &&
		    !memcmp(f->text.data + o->qoff, question, qlen))
			return DYAD_OK;
	}
	size_t qoff = add_text(f, question, qlen);
	if (qoff == SIZE_MAX)
		return DYAD_ENOMEM;
	fitem *o = add_item(f, &f->followups, sent, start, end, rule, 1.0);
	if (!o)
		return DYAD_ENOMEM;
	o->qoff = qoff;
	o->has = 1;
	if (code)
		snprintf(o->it.code, sizeof o->it.code, "%s", code);
	return DYAD_OK;
}

/* Appends s[0..n) to b unless an earlier append failed; *st keeps the first failure. */
static void app(buf *b, const char *s, size_t n, dyad_status *st)
{
	if (*st == DYAD_OK)
		*st = buf_append(b, s, n);
}

static void span_text(const dyad_faq *f, int field, dyad_span sp, buf *b, dyad_status *st)
{
	app(b, field_text(f, field) + sp.start, sp.end - sp.start, st);
}

/* "Who mediated the resumption of ties ...?", "Who maintains regular communication with
 * Saudi leaders?", "Who carried out the air strikes?": one question per coded event phrase
 * that is not the main event, answered by its source. */
static dyad_status event_followups(dyad_faq *f)
{
	size_t n = dyad_coder_event_count(f->coder);
	buf q = {0};
	dyad_status st = DYAD_OK;
	const dyad_event *m = f->main_event >= 0 ? dyad_coder_event(f->coder, (size_t)f->main_event)
	                                         : NULL;
	for (size_t i = 0; i < n && st == DYAD_OK && f->followups.len < MAX_FOLLOWUPS; i++) {
		const dyad_event *e = dyad_coder_event(f->coder, i);
		if (m && e->sentence == m->sentence && e->verb_span.start == m->verb_span.start)
			continue;
		if ((e->flags & DYAD_EVENT_RECIPROCAL) && (e->flags & DYAD_EVENT_NOUN))
			continue;
		int s = sent_of_bytes(f, e->field, e->sentence_span.start);
		if (s < 0)
			continue;
		q.len = 0;
		if (e->flags & DYAD_EVENT_NOUN) {
			const char *text = field_text(f, e->field);
			size_t vl = e->verb_span.end - e->verb_span.start, k = vl;
			while (k > 0 && text[e->verb_span.start + k - 1] != ' ')
				k--;
			bool ends_prep = vl - k == 4 && !strncmp(text + e->verb_span.start + k, "with", 4);
			app(&q, ends_prep ? "Who held the " : "Who carried out the ", ends_prep ? 13 : 20,
			    &st);
			span_text(f, e->field, e->verb_span, &q, &st);
			if (ends_prep && e->target_span.start >= e->verb_span.end) {
				app(&q, " ", 1, &st);
				span_text(f, e->field, e->target_span, &q, &st);
			}
		} else if (e->flags & DYAD_EVENT_PASSIVE) {
			/* the thing the participle describes: a noun event just before it */
			const dyad_event *obj = NULL;
			for (size_t k = i; k-- > 0 && i - k <= 64;) {
				const dyad_event *o = dyad_coder_event(f->coder, k);
				if (o->sentence != e->sentence)
					break;
				if ((o->flags & DYAD_EVENT_NOUN) && o->verb_span.end <= e->verb_span.start) {
					obj = o;
					break;
				}
			}
			app(&q, "Who ", 4, &st);
			span_text(f, e->field, e->verb_span, &q, &st);
			if (obj) {
				app(&q, " the ", 5, &st);
				span_text(f, e->field, obj->verb_span, &q, &st);
			} else {
				app(&q, " ", 1, &st);
				span_text(f, e->field, e->target_span, &q, &st);
			}
		} else {
			app(&q, "Who ", 4, &st);
			span_text(f, e->field, e->verb_span, &q, &st);
			if (e->target_span.start >= e->verb_span.end) {
				app(&q, " ", 1, &st);
				span_text(f, e->field, e->target_span, &q, &st);
			}
		}
		app(&q, "?", 1, &st);
		if (st != DYAD_OK)
			break;
		st = add_followup(f, q.data, q.len, (size_t)s, e->source_span.start, e->source_span.end,
		                  "the source of the coded event", e->source);
	}
	buf_free(&q);
	return st;
}

static const cue topic_cues[] = {
    {{"centered", "around"}, 1}, {{"centered", "on"}, 1}, {{"centred", "on"}, 1},
    {{"centred", "around"}, 1},  {{"focused", "on"}, 1},  {{"focussed", "on"}, 1},
    {{"discussed"}, 1},          {{"about"}, 1},          {{"regarding"}, 1},
    {{"concerning"}, 1},         {{NULL}, 0}};

/* "What was the telephone conversation about?": the topic named in the main event's sentence
 * or the two after it. */
static dyad_status topic_followup(dyad_faq *f)
{
	if (f->main_event < 0)
		return DYAD_OK;
	const dyad_event *m = dyad_coder_event(f->coder, (size_t)f->main_event);
	if (m->flags & DYAD_EVENT_NOUN)
		return DYAD_OK;
	/* the event's noun: the last two words of its phrase ("telephone conversation") */
	const fsent *ms = S(f, f->main_sent);
	size_t a = ms->a, b;
	while (a < ms->b && T(f, a)->start < m->verb_span.start)
		a++;
	b = a;
	while (b < ms->b && T(f, b)->end <= m->verb_span.end)
		b++;
	if (b < a + 2 || !W(f, b - 1) || !W(f, b - 2) || (VEC_AT(f->dict->words.flags, uint32_t, T(f, b - 1)->id) & WF_PREP))
		return DYAD_OK;
	for (size_t s = f->main_sent; s < f->sents.len && s < f->main_sent + 3; s++) {
		const fsent *se = S(f, s);
		for (size_t p = s == f->main_sent ? b : se->a; p < se->b; p++)
			for (const cue *c = topic_cues; c->words[0]; c++) {
				size_t k = cue_at(f, p, se->b, c);
				if (!k)
					continue;
				size_t e = clause_end(f, p + k, se->b, 20);
				if (e <= p + k)
					continue;
				buf q = {0};
				const char *text = field_text(f, ms->field);
				dyad_status st = DYAD_OK;
				app(&q, "What was the ", 13, &st);
				app(&q, text + T(f, b - 2)->start, T(f, b - 1)->end - T(f, b - 2)->start, &st);
				app(&q, " about?", 7, &st);
				if (st == DYAD_OK)
					st = add_followup(f, q.data, q.len, s, T(f, p + k)->start, T(f, e - 1)->end,
					                  "the topic named after the main event", NULL);
				buf_free(&q);
				return st;
			}
	}
	return DYAD_OK;
}

static const cue goal_cues[] = {
    {{"objective", "is", "to"}, 1}, {{"aim", "is", "to"}, 1}, {{"goal", "is", "to"}, 1},
    {{"wants", "to"}, 1},           {{"seeks", "to"}, 1},     {{"demanded", "that"}, 1},
    {{"demands", "that"}, 1},       {{"calls", "for"}, 1},    {{"called", "for"}, 1},
    {{"urged"}, 1},                 {{NULL}, 0}};

/* The first actor of sentence s that opens a clause (at the start or after a comma), as
 * the subject the next sentence's "the objective is" refers to. */
static const dyad_actor *clause_subject(const dyad_faq *f, size_t s, size_t before)
{
	const fsent *se = S(f, s);
	const dyad_actor *best = NULL;
	for (size_t i = 0; i < dyad_coder_actor_count(f->coder); i++) {
		const dyad_actor *ac = dyad_coder_actor(f->coder, i);
		if (ac->field != se->field || ac->span.start < se->span.start ||
		    ac->span.start >= se->span.end || ac->span.start >= before)
			continue;
		size_t p = se->a;
		while (p < se->b && T(f, p)->start < ac->span.start)
			p++;
		size_t k = p;
		while (k > se->a && is(f, k - 1, "the"))
			k--;
		if (k == se->a || T(f, k - 1)->punct == ',') {
			best = ac;
			break;
		}
	}
	return best;
}

/* "What does the United States want?": goals stated for an actor. */
static dyad_status goal_followup(dyad_faq *f)
{
	size_t tries = 0;
	for (size_t s = 0; s < f->sents.len && tries < MAX_FOLLOWUPS; s++) {
		const fsent *se = S(f, s);
		for (size_t p = se->a; p < se->b; p++)
			for (const cue *c = goal_cues; c->words[0]; c++) {
				size_t k = cue_at(f, p, se->b, c);
				if (!k)
					continue;
				if (++tries > MAX_FOLLOWUPS)
					return DYAD_OK;
				const dyad_actor *who = clause_subject(f, s, T(f, p)->start);
				if (!who && s > 0 && S(f, s - 1)->field == se->field)
					who = clause_subject(f, s - 1, SIZE_MAX);
				if (!who)
					continue;
				bool the = false;
				const char *name = country_name(f, who->code, &the);
				buf q = {0};
				dyad_status st = DYAD_OK;
				app(&q, "What does ", 10, &st);
				if (name) {
					if (the)
						app(&q, "the ", 4, &st);
					app(&q, name, strlen(name), &st);
				} else {
					span_text(f, who->field, who->span, &q, &st);
				}
				app(&q, " want?", 6, &st);
				size_t a = c->words[k - 1] && !strcmp(c->words[k - 1], "to") ? p + k - 1 : p + k;
				size_t e = se->b;
				while (e > a + 1 && !W(f, e - 1))
					e--;
				if (st == DYAD_OK && e > a)
					st = add_followup(f, q.data, q.len, s, T(f, a)->start, T(f, e - 1)->end,
					                  "a goal stated for the actor", who->code);
				buf_free(&q);
				if (st != DYAD_OK)
					return st;
				p = se->b;
				break;
			}
	}
	return DYAD_OK;
}

/* ---------------------------------------------------------------- entry point */

static void fix_pointers(dyad_faq *f, vec *v)
{
	for (size_t i = 0; i < v->len; i++) {
		fitem *o = &VEC_AT(*v, fitem, i);
		o->it.text = f->text.data + o->toff;
	}
}

dyad_status dyad_faq_answer(dyad_faq *f, const dyad_doc *doc, dyad_error *err)
{
	if (!f || !doc)
		return DYAD_EINVAL;
	f->doc = doc;
	f->text.len = 0;
	for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++)
		f->items[q].len = 0;
	f->durations.len = f->followups.len = 0;
	f->main_event = -1;
	dyad_status st = dyad_coder_code(f->coder, doc, err);
	if (st == DYAD_OK)
		st = build_model(f, err);
	if (st == DYAD_OK)
		st = mark_event_actors(f);
	if (st == DYAD_OK) {
		pick_main_event(f);
		st = answer_who(f);
	}
	if (st == DYAD_OK)
		st = answer_what(f);
	if (st == DYAD_OK)
		st = answer_when(f);
	if (st == DYAD_OK)
		st = answer_where(f);
	if (st == DYAD_OK)
		st = answer_cue(f, DYAD_FAQ_WHY, why_cues, "a clause of cause or purpose");
	if (st == DYAD_OK)
		st = answer_cue(f, DYAD_FAQ_HOW, how_cues, "a phrase of manner or means");
	if (st == DYAD_OK)
		st = answer_how_lead(f);
	if (st == DYAD_OK)
		st = event_followups(f);
	if (st == DYAD_OK)
		st = topic_followup(f);
	if (st == DYAD_OK)
		st = goal_followup(f);
	if (st != DYAD_OK) {
		for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++)
			f->items[q].len = 0;
		f->durations.len = f->followups.len = 0;
		return st;
	}
	for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++)
		fix_pointers(f, &f->items[q]);
	fix_pointers(f, &f->durations);
	fix_pointers(f, &f->followups);
	return DYAD_OK;
}

size_t dyad_faq_count(const dyad_faq *f, dyad_faq_question q)
{
	return f && (unsigned)q < DYAD_FAQ_QUESTIONS ? f->items[q].len : 0;
}

const dyad_faq_item *dyad_faq_get(const dyad_faq *f, dyad_faq_question q, size_t i)
{
	if (i >= dyad_faq_count(f, q))
		return NULL;
	return &VEC_AT(f->items[q], fitem, i).it;
}

size_t dyad_faq_duration_count(const dyad_faq *f)
{
	return f ? f->durations.len : 0;
}

const dyad_faq_item *dyad_faq_duration(const dyad_faq *f, size_t i)
{
	return i < dyad_faq_duration_count(f) ? &VEC_AT(f->durations, fitem, i).it : NULL;
}

size_t dyad_faq_followup_count(const dyad_faq *f)
{
	return f ? f->followups.len : 0;
}

const char *dyad_faq_followup_question(const dyad_faq *f, size_t i)
{
	if (i >= dyad_faq_followup_count(f))
		return NULL;
	return f->text.data + VEC_AT(f->followups, fitem, i).qoff;
}

const dyad_faq_item *dyad_faq_followup_answer(const dyad_faq *f, size_t i)
{
	if (i >= dyad_faq_followup_count(f) || !VEC_AT(f->followups, fitem, i).has)
		return NULL;
	return &VEC_AT(f->followups, fitem, i).it;
}

const dyad_dict *faq_dict(const dyad_faq *f)
{
	return f->dict;
}
