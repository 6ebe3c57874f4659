/* actors.c - actor recognition: dictionary phrases (longest match in the actor trie), merged
 * into noun-phrase chunks ("Iranian state media", "the president of Iran", "Israel's
 * military") whose code is resolved on the document date, then joined into compound groups
 * ("A and B", "A, B and C"). Linear in the number of tokens. */
#include "analysis.h"

#include <string.h>


void sentence_ctx_init(sentence_ctx *s)
{
	memset(s, 0, sizeof *s);
	vec_init(&s->chunks, sizeof(chunk));
	vec_init(&s->groups, sizeof(group));
	vec_init(&s->group_of, sizeof(int32_t));
	vec_init(&s->blocked, sizeof(uint8_t));
	vec_init(&s->paren, sizeof(uint8_t));
	vec_init(&s->atoms, sizeof(atom));
}

void sentence_ctx_free(sentence_ctx *s)
{
	vec_free(&s->chunks);
	vec_free(&s->groups);
	vec_free(&s->group_of);
	vec_free(&s->blocked);
	vec_free(&s->paren);
	vec_free(&s->atoms);
}

static dyad_status reset(vec *v, size_t n, int byte)
{
	v->len = 0;
	if (n && !vec_push(v, n))
		return DYAD_ENOMEM;
	memset(v->data, byte, n * v->size);
	return DYAD_OK;
}

/* Longest discard phrase at p: marks its tokens blocked; returns its end or p. */
static uint32_t match_discard(sentence_ctx *s, uint32_t p)
{
	const trie *t = &s->dict->discard_trie;
	uint32_t node = 0, best = p;
	if (!(word_flags(s->dict, s->tok[p].id) & WF_DISCARD_START))
		return p;
	/* PETRARCH-2 matches discards against the sentence split at white space: a phrase is
	 * whole words between spaces ("years ago," with its comma is no "YEARS AGO"), and one
	 * that ends the sentence is not seen. */
	bool spaced = s->dict->petrarch2;
	if (spaced && p > s->a && !(s->tok[p].flags & TF_SPACE))
		return p;
	for (uint32_t q = p; q < s->b; q++) {
		if (spaced && q > p && !(s->tok[q].flags & TF_SPACE))
			break;
		node = trie_child(t, node, s->tok[q].id);
		if (!node)
			break;
		uint32_t h = VEC_AT(t->hit, uint32_t, node);
		if (h && spaced && (q + 1 >= s->b || !(s->tok[q + 1].flags & TF_SPACE)))
			h = 0;
		if (h) {
			best = q + 1;
			if (h > s->discard)
				s->discard = (uint8_t)h;
		}
	}
	if (best > p)
		memset((uint8_t *)s->blocked.data + (p - s->a), 1, best - p);
	return best;
}

/* A word of two or more bytes in capitals: evidence that the text is set in capitals. */
static bool shouting(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	return (t->flags & TF_ALLCAPS) && t->end - t->start >= 2;
}

/* An acronym such as "US" or "WHO" only counts when the text around it is not all in
 * capitals ("WHO IS MAX VERSTAPPEN" is a headline, not the World Health Organization). */
static bool caps_trusted(const sentence_ctx *s, uint32_t start, uint32_t end)
{
	uint32_t p = start, q = end;
	while (p > s->a && !(s->tok[p - 1].flags & TF_WORD))
		p--;
	while (q < s->b && !(s->tok[q].flags & TF_WORD))
		q++;
	bool before = p > s->a, after = q < s->b;
	if (!before && !after)
		return true;
	return !((!before || shouting(s, p - 1)) && (!after || shouting(s, q)));
}

/* Depth-first walk of the actor trie from node at token q for a phrase that started at p;
 * keeps the longest hit in *out. A `*` in a phrase ("prince * dol amroth") skips up to three
 * lower-case words ("Prince of Dol Amroth", "Ithilen state-run television"). */
static void actor_walk(const sentence_ctx *s, uint32_t node, uint32_t p, uint32_t q, bool caps,
                       atom *out, bool *found)
{
	const dyad_dict *d = s->dict;
	const trie *t = &d->actor_trie;
	uint32_t h = q > p ? VEC_AT(t->hit, uint32_t, node) : 0;
	if (h) {
		const actor_hit *hit = &VEC_AT(d->actor_hits, actor_hit, h - 1);
		if (!(hit->caps && (!caps || !caps_trusted(s, p, q))) && (!*found || q > out->end)) {
			out->start = p;
			out->end = q;
			out->hit = hit;
			*found = true;
		}
	}
	if (q >= s->b || ((const uint8_t *)s->blocked.data)[q - s->a])
		return;
	/* PETRARCH-1's texts may join the words of a name with '_' ("Grand_Fenwick"). */
	if (q > p && d->petrarch1 && s->tok[q].punct == '_' && !(s->tok[q].flags & TF_SPACE) &&
	    q + 1 < s->b && !(s->tok[q + 1].flags & TF_SPACE))
		actor_walk(s, node, p, q + 1, caps, out, found);
	/* TABARI reads a hyphen in the text as a blank ("Al-Gore" is AL_GORE). */
	if (q > p && d->tabari_coding && s->tok[q].punct == '-' && !(s->tok[q].flags & TF_SPACE) &&
	    q + 1 < s->b && !(s->tok[q + 1].flags & TF_SPACE) && (s->tok[q + 1].flags & TF_WORD))
		actor_walk(s, node, p, q + 1, caps, out, found);
	if (s->tok[q].id) {
		uint32_t next = trie_child(t, node, s->tok[q].id);
		if (next)
			actor_walk(s, next, p, q + 1,
			           caps && ((s->tok[q].flags & TF_ALLCAPS) || !(s->tok[q].flags & TF_WORD)),
			           out, found);
	}
	if (q > p && (VEC_AT(t->has_gap, uint8_t, node) & 1)) {
		uint32_t next = trie_child(t, node, WORD_GAP);
		uint32_t words = 0;
		if (next)
			actor_walk(s, next, p, q, caps, out, found);
		for (uint32_t r = q; next && r < s->b && words < 3; r++) {
			const token *tr = &s->tok[r];
			bool hyphen = tr->punct == '-' && !(tr->flags & TF_SPACE);
			/* TABARI: a quoted nickname is one word of the gap ("Al "The Fox" Gore"). */
			uint32_t close = r + 1;
			while (d->tabari_coding && tr->punct == '"' && close < s->b && close - r <= 6 &&
			       s->tok[close].punct != '"' &&
			       !((const uint8_t *)s->blocked.data)[close - s->a])
				close++;
			if (d->tabari_coding && tr->punct == '"' && close < s->b &&
			    s->tok[close].punct == '"' && close > r + 1) {
				words++;
				actor_walk(s, next, p, close + 1, caps, out, found);
				r = close;
				continue;
			}
			if (((const uint8_t *)s->blocked.data)[r - s->a] ||
			    (!hyphen && (!(tr->flags & TF_WORD) || (tr->flags & TF_CAP))))
				break;
			if (!hyphen && !(r > q && s->tok[r - 1].punct == '-'))
				words++;
			actor_walk(s, next, p, r + 1, caps, out, found);
		}
	}
}

/* Longest actor phrase at p whose capitals requirement holds. */
static bool match_actor(const sentence_ctx *s, uint32_t p, atom *out)
{
	if (!(word_flags(s->dict, s->tok[p].id) & WF_ACTOR_START))
		return false;
	bool found = false;
	actor_walk(s, 0, p, p, true, out, &found);
	return found;
}

static bool all_flags(const sentence_ctx *s, uint32_t from, uint32_t to, uint32_t any)
{
	for (uint32_t q = from; q < to; q++)
		if (!(word_flags(s->dict, s->tok[q].id) & any))
			return false;
	return true;
}

/* The word "in" at token q. With TABARI's and PETRARCH's conventions (`agent-in`,
 * `agent-alone`), an agent takes the actor after "in" as after "of" ("a court in Guyana"). */
static bool is_in(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	return t->end - t->start == 2 && (s->text[t->start] | 0x20) == 'i' &&
	       (s->text[t->start + 1] | 0x20) == 'n';
}

/* Whether an agent takes the actor after "in" (`agent-in`, or `agent-alone`). */
static bool agent_in(const sentence_ctx *s)
{
	return s->agent_alone[0] || s->dict->agent_in;
}

/* Whether atom b may join the chunk ending with atom a, given the tokens between them. */
static bool joins(const sentence_ctx *s, const atom *a, const atom *b)
{
	uint8_t ka = a->hit->kind, kb = b->hit->kind;
	uint32_t gap = b->start - a->end;
	if (ka == ATOM_PLACE || kb == ATOM_PLACE)
		return false;
	if (gap == 0) {
		/* "Iran Iraq" is two actors; anything else adjacent is one phrase. */
		bool ca = ka == ATOM_COUNTRY || ka == ATOM_GOV;
		bool cb = kb == ATOM_COUNTRY || kb == ATOM_GOV || kb == ATOM_ADJ;
		return !(ca && cb);
	}
	const token *t = s->tok;
	uint32_t f0 = word_flags(s->dict, t[a->end].id);
	if (gap == 1 && (f0 & WF_POSS))
		return (ka == ATOM_COUNTRY || ka == ATOM_GOV || ka == ATOM_ORG || ka == ATOM_ADJ ||
		        (ka == ATOM_PERSON && kb == ATOM_AGENT)) &&
		       (kb == ATOM_AGENT || kb == ATOM_ORG || kb == ATOM_PERSON);
	if ((f0 & WF_OF || (agent_in(s) && is_in(s, a->end))) && gap <= 2 &&
	    ka == ATOM_AGENT && (kb == ATOM_COUNTRY || kb == ATOM_GOV || kb == ATOM_ORG ||
	                         (kb == ATOM_PERSON && s->agent_alone[0])) &&
	    all_flags(s, a->end + 1, b->start, WF_DET))
		return true;
	/* `petrarch2-coding`: PETRARCH-2 gives a noun phrase with an agent and no actor the
	 * actor of its "of" phrase, across a name the dictionaries do not know ("an Islamic
	 * State target southwest of Baghdad": the agent of "Islamic" and Baghdad's country). */
	if (s->dict->petrarch2 && ka == ATOM_AGENT && kb != ATOM_AGENT && kb != ATOM_ADJ &&
	    (t[a->end].flags & TF_CAP) && !(t[a->end].flags & TF_ALLCAPS)) {
		uint32_t q = a->end, words = 0;
		while (q < b->start && words < 4 && (t[q].flags & TF_WORD) &&
		       !(word_flags(s->dict, t[q].id) &
		         ~(uint32_t)(WF_ACTOR_START | WF_EVENT_START | WF_DISCARD_START)))
			q++, words++;
		if (q < b->start && words <= 3 && (word_flags(s->dict, t[q].id) & WF_OF) &&
		    all_flags(s, q + 1, b->start, WF_DET))
			return true;
	}
	/* ... and across determiners and up to two plain lower-case words after "of" ("the
	 * mayor of the northern West Bank city"). */
	if (s->dict->petrarch2 && ka == ATOM_AGENT && kb != ATOM_AGENT && kb != ATOM_ADJ &&
	    (f0 & WF_OF) && gap <= 5) {
		uint32_t q = a->end + 1, plain = 0;
		while (q < b->start && (word_flags(s->dict, t[q].id) & WF_DET))
			q++;
		while (q < b->start && plain < 2 && (t[q].flags & TF_WORD) && !(t[q].flags & TF_CAP) &&
		       !(word_flags(s->dict, t[q].id) &
		         ~(uint32_t)(WF_ACTOR_START | WF_EVENT_START | WF_DISCARD_START)))
			q++, plain++;
		if (q == b->start)
			return true;
	}
	/* "Saudi senior officials", "his Russian counterpart Sergei Lavrov": one or two plain
	 * lower-case words between. */
	if (gap <= 2 && ka == ATOM_ADJ && (kb == ATOM_AGENT || kb == ATOM_PERSON)) {
		for (uint32_t q = a->end; q < b->start; q++)
			if (!(t[q].flags & TF_WORD) || (t[q].flags & TF_CAP) ||
			    word_flags(s->dict, t[q].id))
				return false;
		return true;
	}
	return false;
}

/* The actor code base qualified by an agent code: appended ("GOV", "GOVPRS"), or put first
 * when the agent code ends in `~` ("NGO~"). Writes at most 15 characters into out[16]. */
static void with_agent(char out[16], const char *base, size_t baselen, const char *agent)
{
	size_t al = strlen(agent);
	bool before = al && agent[al - 1] == '~';
	if (before)
		al--;
	char tmp[40];
	if (before) {
		memcpy(tmp, agent, al);
		memcpy(tmp + al, base, baselen);
	} else {
		memcpy(tmp, base, baselen);
		memcpy(tmp + baselen, agent, al);
	}
	size_t n = baselen + al > 15 ? 15 : baselen + al;
	memset(out, 0, 16);
	memcpy(out, tmp, n);
}

/* Adds further agents of one chunk to code, skipping a segment the code already has
 * ("Gondor main opposition party": GON + MOP + OPP). */
static void stack_agents(char code[16], const actor_entry *const *more, int n)
{
	for (int i = 0; i < n; i++) {
		size_t al = strlen(more[i]->code);
		if (al && more[i]->code[al - 1] == '~')
			al--;
		bool dup = false;
		for (size_t k = 0; k + al <= strlen(code) && !dup; k += 3)
			dup = !memcmp(code + k, more[i]->code, al);
		if (!dup) {
			char base[16];
			memcpy(base, code, 16);
			with_agent(code, base, strlen(base), more[i]->code);
		}
	}
}

/* Resolves a chunk made of atoms [first, last] to its code on the document date. */
static void resolve(const sentence_ctx *s, const atom *atoms, size_t first, size_t last,
                    chunk *c)
{
	const dyad_dict *d = s->dict;
	const actor_entry *person = NULL, *org = NULL, *country = NULL, *agent = NULL;
	bool gov = false, titled = false; /* an agent before the person: "President X" */
	const actor_entry *more[3]; /* further agents, stacked in text order ("GONMOPOPP") */
	int nmore = 0;
	for (size_t i = first; i <= last; i++) {
		const actor_entry *e = &VEC_AT(d->actors, actor_entry, atoms[i].hit->entry);
		switch (atoms[i].hit->kind) {
		case ATOM_PERSON:
			person = e;
			titled = agent != NULL;
			break;
		case ATOM_ORG: org = e; break;
		case ATOM_AGENT:
			if (!agent)
				agent = e;
			else if (nmore < 3)
				more[nmore++] = e;
			for (int k = 0; k < 2 && atoms[i].inner[k] && nmore < 3; k++)
				more[nmore++] = &VEC_AT(d->actors, actor_entry, atoms[i].inner[k]->entry);
			break;
		case ATOM_GOV: gov = true; country = e; break;
		case ATOM_PLACE: break; /* no actor: the chunk is dropped */
		default:
			if (!country)
				country = e;
			break;
		}
	}
	memset(c->code, 0, sizeof c->code);
	c->entry = NULL;
	c->person = 0;
	if (person) {
		actor_code_on(d, person, s->date, c->code);
		c->entry = person->where;
		c->person = 1;
		/* A dated entry whose code on the date is a country's (TABARI and PETRARCH date
		 * countries too: "Ukrainian" is USRUKR before 1991) takes agents like a country. */
		if (strlen(c->code) == 3 && agent) {
			char base[16];
			memcpy(base, c->code, 16);
			with_agent(c->code, base, 3, agent->code);
			stack_agents(c->code, more, nmore);
			c->person = titled; /* "President X" is a person, "Ukrainian officials" not */
		}
	} else if (org) {
		memcpy(c->code, org->code, sizeof c->code - 1);
		c->entry = org->where;
		/* PETRARCH-2 and PETRARCH-1 add the agent to any organisation ("UN troops":
		 * IGOUNOMIL). */
		if ((strlen(org->code) == 3 || d->petrarch2 || d->petrarch1) && agent) {
			/* An agent the org already is adds nothing ("activists Amnesty": NGM). */
			stack_agents(c->code, &agent, 1);
			stack_agents(c->code, more, nmore);
		}
	} else if (country) {
		memcpy(c->code, country->code, 3);
		c->entry = country->where;
		c->adj_only = first == last && atoms[first].hit->kind == ATOM_ADJ;
		if (agent) {
			stack_agents(c->code, &agent, 1); /* not repeated: NGM + NGM~ is NGM */
			stack_agents(c->code, more, nmore);
			memcpy(c->agent, agent->code, 3);
		} else if (gov) {
			memcpy(c->code + 3, "GOV", 3);
		}
	} else if (agent) {
		c->agent_only = 1;
		c->entry = agent->where;
		snprintf(c->agent, sizeof c->agent, "%s", agent->code);
	}
}

/* The one country the sentence's actors belong to, or NULL when there are none or several
 * (international codes such as IGO... do not count). */
static const char *single_country(const sentence_ctx *s)
{
	const char *found = NULL;
	for (size_t i = 0; i < s->chunks.len; i++) {
		const chunk *c = &VEC_AT(s->chunks, chunk, i);
		if (c->agent_only || !c->code[0] || !strncmp(c->code, "IGO", 3) ||
		    !strncmp(c->code, "NGO", 3) || !strncmp(c->code, "IMG", 3))
			continue;
		if (found && strncmp(found, c->code, 3))
			return NULL;
		found = c->code;
	}
	return found;
}

/* "Israelis protested against the government": an agent alone takes the sentence's one
 * country; without one it is not an actor. */
static void resolve_agents(sentence_ctx *s)
{
	const char *country = s->agent_alone[0] ? NULL : single_country(s);
	char cc[4] = {0};
	if (country)
		memcpy(cc, country, 3);
	else
		memcpy(cc, s->agent_alone, sizeof cc);
	size_t k = 0;
	for (size_t i = 0; i < s->chunks.len; i++) {
		chunk c = VEC_AT(s->chunks, chunk, i);
		if (c.agent_only) {
			if (!cc[0])
				continue;
			with_agent(c.code, cc, strlen(cc), c.agent);
			c.agent_only = 0;
			c.inherited = country != NULL;
		}
		VEC_AT(s->chunks, chunk, k++) = c;
	}
	s->chunks.len = k;
}

/* A compound code ("FRO/BIL/SAM", TABARI's and PETRARCH's `THE_SHIRE [FRO/BIL/SAM]`) names
 * several actors: chunk i becomes one chunk per member, over the same tokens, each with the
 * chunk's agent ("the Shire's government": FROGOV, BILGOV, SAMGOV). */
static dyad_status split_compound(sentence_ctx *s, size_t i)
{
	chunk c = VEC_AT(s->chunks, chunk, i);
	char raw[16];
	snprintf(raw, sizeof raw, "%s", c.code);
	size_t al = strlen(c.agent), rl = strlen(raw);
	bool before = al && c.agent[al - 1] == '~';
	size_t sl = before ? al - 1 : al;
	bool strip = al && rl > sl &&
	             !memcmp(before ? raw : raw + rl - sl, c.agent, sl);
	if (strip && before)
		memmove(raw, raw + sl, rl - sl + 1);
	else if (strip)
		raw[rl - sl] = 0;
	size_t n = 1;
	for (const char *p = raw; *p; p++)
		n += *p == '/';
	if (!vec_push(&s->chunks, n - 1))
		return DYAD_ENOMEM;
	chunk *all = s->chunks.data;
	memmove(all + i + n, all + i + 1, (s->chunks.len - (n - 1) - i - 1) * sizeof(chunk));
	const char *p = raw;
	for (size_t k = 0; k < n; k++) {
		const char *e = strchr(p, '/');
		size_t pl = e ? (size_t)(e - p) : strlen(p);
		all[i + k] = c;
		if (strip)
			with_agent(all[i + k].code, p, pl, c.agent);
		else
			snprintf(all[i + k].code, sizeof all[i + k].code, "%.*s", (int)pl, p);
		p += pl + (e != NULL);
	}
	return DYAD_OK;
}

/* The word "nor" at token q: PETRARCH-1's parses join "neither A nor B" as "A and B". */
static bool is_nor(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	const char *w = s->text + t->start;
	return t->end - t->start == 3 && (w[0] | 0x20) == 'n' && (w[1] | 0x20) == 'o' &&
	       (w[2] | 0x20) == 'r';
}

/* Whether tokens [from, to) between two chunks separate items of a list: "and", commas,
 * determiners, "both", and up to two plain lower-case words after "and" or a comma ("A, the
 * awful B and the evil C"). *and tells whether an "and" is among them. */
static bool list_gap(const sentence_ctx *s, uint32_t from, uint32_t to, bool *and)
{
	const dyad_dict *d = s->dict;
	const token *t = s->tok;
	bool sep = false;
	int adjectives = 0;
	*and = false;
	for (uint32_t q = from; q < to; q++) {
		uint32_t f = word_flags(d, t[q].id);
		uint32_t plain = f & ~(uint32_t)(WF_ACTOR_START | WF_DISCARD_START);
		if ((f & WF_AND) || (d->petrarch1 && is_nor(s, q)))
			*and = sep = true;
		else if (t[q].punct == ',')
			sep = true;
		else if (sep && !plain && (t[q].flags & TF_WORD) && !(t[q].flags & TF_CAP) &&
		         ++adjectives <= 2)
			continue;
		else if (!(f & (WF_DET | WF_BOTH)))
			return false;
	}
	return sep;
}

/* `petrarch1-coding`: "A's sheep and goats of B" joins two noun phrases, each with an
 * actor, which PETRARCH-1's parse makes a compound: tokens [from, to) are a possessive,
 * one or two plain words, "and", one or two plain words and "of" (and a determiner). */
static bool p1_np_coordination(const sentence_ctx *s, uint32_t from, uint32_t to)
{
	const dyad_dict *d = s->dict;
	uint32_t q = from;
	if (!d->petrarch1 || q >= to || !(word_flags(d, s->tok[q].id) & WF_POSS))
		return false;
	q++;
	for (int part = 0; part < 2; part++) {
		int words = 0;
		while (q < to && words < 2) {
			const token *t = &s->tok[q];
			uint32_t f = word_flags(d, t->id) &
			             ~(uint32_t)(WF_ACTOR_START | WF_DISCARD_START);
			if (f || !(t->flags & TF_WORD) || (t->flags & TF_CAP))
				break;
			words++;
			q++;
		}
		uint32_t want = part ? WF_OF : WF_AND;
		if (!words || q >= to || !(word_flags(d, s->tok[q].id) & want))
			return false;
		q++;
	}
	while (q < to && (word_flags(d, s->tok[q].id) & WF_DET))
		q++;
	return q == to;
}

/* ", and Israel launched air strikes": a comma and "and" before an actor that a verb
 * follows join two clauses, not two members of a list. */
static bool clause_after(const sentence_ctx *s, const chunk *a, const chunk *b)
{
	bool comma = false;
	for (uint32_t q = a->end; q < b->start; q++)
		comma |= s->tok[q].punct == ',';
	if (!comma || b->end >= s->b)
		return false;
	return (word_flags(s->dict, s->tok[b->end].id) & (WF_EVENT_START | WF_REPORT)) != 0;
}

/* Under `agent-alone`, chunk c is an agent without an actor ("---LEG"). */
static bool alone(const sentence_ctx *s, const chunk *c)
{
	return c->agent[0] && !c->person && !strncmp(c->code, s->agent_alone, strlen(s->agent_alone));
}

/* The length of chunk c's actor code without its agent ("DNK" of "DNKMED"), 0 if none. */
static size_t base_len(const chunk *c)
{
	size_t cl = strlen(c->code), al = strlen(c->agent);
	if (!al || c->agent[al - 1] == '~' || cl <= al || strcmp(c->code + cl - al, c->agent))
		return 0;
	return cl - al;
}

/* PETRARCH's agent lists (only under `agent-alone`, which its translated dictionaries
 * set): "Danish media and government" is DNKMED and DNKGOV; "lawmakers and officials in A
 * and B" crosses the agents with the countries (ALEG, BLEG, AGOV, BGOV). */
static dyad_status agent_lists(sentence_ctx *s)
{
	const dyad_dict *d = s->dict;
	for (size_t g = 0; g < s->groups.len; g++) {
		group *G = &VEC_AT(s->groups, group, g);
		chunk *c = &VEC_AT(s->chunks, chunk, G->first);
		if (G->n < 2)
			continue;
		/* PETRARCH's parses differ with an article: "the Danish media and government" is
		 * DNKMED and ---GOV. */
		uint32_t q0 = c[0].start;
		bool det = q0 > s->a && (word_flags(d, s->tok[q0 - 1].id) & WF_DET);
		size_t b0 = alone(s, &c[0]) || det ? 0 : base_len(&c[0]);
		if (b0) { /* "Danish media and government" */
			for (uint32_t k = 1; k < G->n; k++)
				if (alone(s, &c[k]))
					with_agent(c[k].code, c[0].code, b0, c[k].agent);
			continue;
		}
		uint32_t m = 0;
		while (m < G->n && alone(s, &c[m]))
			m++;
		if (m == 0 || m >= G->n || !base_len(&c[m]))
			continue;
		bool in = false;
		for (uint32_t q = c[m].start + 1; q < c[m].end && !in; q++)
			in = (word_flags(d, s->tok[q].id) & WF_OF) || is_in(s, q);
		if (!in)
			continue;
		for (uint32_t k = m + 1; k < G->n; k++)
			if (strlen(c[k].code) == 3 && !c[k].agent[0] && !c[k].person) {
				with_agent(c[k].code, c[k].code, 3, c[m].agent);
				memcpy(c[k].agent, c[m].agent, sizeof c[k].agent);
			}
		for (uint32_t k = m; k < G->n; k++)
			if (!base_len(&c[k]))
				goto next;
		/* Each agent before takes the first country; the others are new chunks after the
		 * group. */
		uint32_t nk = G->n - m, extra = m * (nk - 1);
		size_t pos = G->first + G->n, old = s->chunks.len;
		if (extra) {
			if (!vec_push(&s->chunks, extra))
				return DYAD_ENOMEM;
			c = &VEC_AT(s->chunks, chunk, G->first);
			chunk *all = s->chunks.data;
			memmove(all + pos + extra, all + pos, (old - pos) * sizeof *all);
		}
		uint32_t w = G->n;
		for (uint32_t j = 0; j < m; j++) {
			chunk a = c[j];
			for (uint32_t k = m; k < G->n; k++) {
				chunk *o = k == m ? &c[j] : &c[w++];
				*o = a;
				with_agent(o->code, c[k].code, base_len(&c[k]), a.agent);
			}
		}
		for (size_t h = 0; h < s->groups.len; h++) {
			group *H = &VEC_AT(s->groups, group, h);
			if (H->first >= pos)
				H->first += extra;
		}
		G->n += extra;
	next:;
	}
	return DYAD_OK;
}

/* A plain lower-case word between two chunks: no word class, not a verb ("cruel"). */
static bool adjective(const sentence_ctx *s, uint32_t q)
{
	const token *t = &s->tok[q];
	uint32_t f = word_flags(s->dict, t->id) & ~(uint32_t)(WF_ACTOR_START | WF_DISCARD_START);
	return (t->flags & TF_WORD) && !(t->flags & TF_CAP) && !f;
}

/* `petrarch1-coding`: PETRARCH-1 codes a noun phrase with its first actor and its agents, so
 * chunks in one noun phrase - after a possessive ("Sylvania's harsh and cruel official
 * Gloriana", with Gloriana coded GFW: SYLGOV) or after a determiner ("the cruel Sylvania
 * harsh Freedonia": SYL), with only adjectives (and "and" between two of them) between - are
 * one chunk. */
static void merge_noun_phrases(sentence_ctx *s)
{
	const dyad_dict *d = s->dict;
	chunk *c = s->chunks.data;
	size_t k = 0;
	for (size_t i = 0; i < s->chunks.len; i++) {
		chunk *a = k ? &c[k - 1] : NULL, *b = &c[i];
		bool merge = a && b->start > a->end;
		uint32_t q = a ? a->end : 0;
		bool poss = merge && (word_flags(d, s->tok[q].id) & WF_POSS);
		if (poss)
			q++;
		uint32_t r = a ? a->start : 0;
		bool det = false;
		while (merge && r > s->a && !det && adjective(s, r - 1))
			r--;
		det = merge && r > s->a && (word_flags(d, s->tok[r - 1].id) & WF_DET);
		merge = merge && (poss || det) && !a->person && q < b->start;
		for (; merge && q < b->start; q++)
			merge = adjective(s, q) ||
			        ((word_flags(d, s->tok[q].id) & WF_AND) && q > a->end + poss &&
			         q + 1 < b->start && adjective(s, q - 1) && adjective(s, q + 1));
		if (!merge) {
			c[k++] = *b;
			continue;
		}
		if (!a->agent[0] && b->agent[0] && strlen(a->code) == 3) {
			with_agent(a->code, a->code, 3, b->agent);
			memcpy(a->agent, b->agent, sizeof a->agent);
		}
		a->end = b->end;
	}
	s->chunks.len = k;
}

/* "a former Russian intelligence officer", "former officials": a role the actor no longer
 * holds makes it one of the country's elites (ELI), as a dated person's past role does. */
static void former_elite(const sentence_ctx *s, chunk *c)
{
	if (c->person || !c->agent[0] || c->start == s->a)
		return;
	uint32_t q = c->start;
	while (q > s->a && (word_flags(s->dict, s->tok[q - 1].id) & WF_DET))
		q--;
	if (q == s->a || !s->tok[q - 1].id ||
	    strcmp(VEC_AT(s->dict->words.words, const char *, s->tok[q - 1].id), "former"))
		return;
	size_t cl = strlen(c->code), al = strlen(c->agent);
	if (c->agent_only) {
		memcpy(c->agent, "ELI", 4);
	} else if (cl == 3 + al && !memcmp(c->code + 3, c->agent, al)) {
		memcpy(c->code + 3, "ELI", 4);
		memcpy(c->agent, "ELI", 4);
	}
}

dyad_status analyse_actors(sentence_ctx *s)
{
	uint32_t n = s->b - s->a;
	if (reset(&s->group_of, n, 0xff) || reset(&s->blocked, n, 0) || reset(&s->paren, n, 0))
		return DYAD_ENOMEM;
	s->chunks.len = 0;
	s->groups.len = 0;
	const dyad_dict *d = s->dict;
	const token *t = s->tok;
	s->discard = 0;
	if (d->discard_trie.nedges)
		for (uint32_t p = s->a; p < s->b;) {
			uint32_t e = match_discard(s, p);
			p = e > p ? e : p + 1;
		}
	/* Atoms: dictionary phrases, longest match first. */
	s->atoms.len = 0;
	for (uint32_t p = s->a; p < s->b;) {
		atom a;
		if (!match_actor(s, p, &a)) {
			p++;
			continue;
		}
		memset(a.inner, 0, sizeof a.inner);
		/* "main opposition group" is MOP, and "opposition group" in it OPP. */
		for (uint32_t q = a.start + 1, k = 0; d->nested_agents && a.hit->kind == ATOM_AGENT &&
		                                      q < a.end && k < 2;
		     q++) {
			atom b;
			if (match_actor(s, q, &b) && b.hit->kind == ATOM_AGENT && b.end <= a.end)
				a.inner[k++] = b.hit;
		}
		atom *ap = vec_push(&s->atoms, 1);
		if (!ap)
			return DYAD_ENOMEM;
		*ap = a;
		p = a.end;
	}
	/* Chunks: runs of atoms that join ("Iranian" "President" "Ebrahim Raisi"; "the
	 * president" "of" "Iran"; "Israel" "'s" "military"). */
	const atom *at = s->atoms.data;
	for (size_t i = 0; i < s->atoms.len;) {
		size_t j = i;
		while (j + 1 < s->atoms.len && j - i < 15 && joins(s, &at[j], &at[j + 1]))
			j++;
		chunk c;
		memset(&c, 0, sizeof c);
		c.start = at[i].start;
		c.end = at[j].end;
		resolve(s, at, i, j, &c);
		former_elite(s, &c);
		i = j + 1;
		/* `role discard`: a discard phrase on the date (TABARI's `[USR <911226] [###]`). */
		if (!strcmp(c.code, "discard")) {
			memset(c.code, 0, sizeof c.code);
			if (s->discard < 2)
				s->discard = 2;
		}
		if (!c.code[0] && !c.agent_only)
			continue;
		uint32_t q = c.start;
		while (q > s->a && (word_flags(d, t[q - 1].id) & WF_DET))
			q--;
		c.prep = q > s->a && (word_flags(d, t[q - 1].id) & WF_PREP);

		chunk *cp = vec_push(&s->chunks, 1);
		if (!cp)
			return DYAD_ENOMEM;
		*cp = c;
	}
	resolve_agents(s);
	if (d->petrarch1)
		merge_noun_phrases(s);
	for (size_t i = 0; i < s->chunks.len; i++)
		if (strchr(VEC_AT(s->chunks, chunk, i).code, '/') && split_compound(s, i))
			return DYAD_ENOMEM;
	/* "Hungarian and Romanian officials": the agent after the last adjective qualifies
	 * every adjective of the list. */
	chunk *c = s->chunks.data;
	size_t nc = s->chunks.len;
	for (size_t i = nc; i-- > 1;) {
		chunk *a = &c[i - 1], *b = &c[i];
		if (!a->adj_only || !b->agent[0] || strlen(a->code) != 3)
			continue;
		bool list = a->end < b->start;
		for (uint32_t q = a->end; q < b->start; q++)
			if (!(word_flags(d, t[q].id) & WF_AND) && t[q].punct != ',')
				list = false;
		if (list) {
			with_agent(a->code, a->code, 3, b->agent);
			memcpy(a->agent, b->agent, sizeof a->agent);
			a->adj_only = 0;
		}
	}
	/* Compound groups: "A and B", "A, B and C", "both A and B". */
	for (size_t i = 0; i < nc;) {
		size_t j = i;
		bool joined = false; /* an "and" without a comma joined members already */
		while (j + 1 < nc) {
			bool and = false, next_and = false;
			if (c[j + 1].start == c[j].start) { /* members of a compound code */
				j++;
				continue;
			}
			if (p1_np_coordination(s, c[j].end, c[j + 1].start)) {
				j++;
				continue;
			}
			if (c[j].end == c[j + 1].start || !list_gap(s, c[j].end, c[j + 1].start, &and))
				break;
			/* `petrarch1-coding`: "A and B, and C and D" is two lists, the first
			 * of them the phrase (PETRARCH-1's parse). */
			bool comma = false;
			for (uint32_t q = c[j].end; q < c[j + 1].start; q++)
				comma |= t[q].punct == ',';
			if (d->petrarch1 && comma && joined)
				break;
			joined |= and && !comma;
			/* ... unless a list with commas is under way ("A, the awful B, and C said"). */
			if (and && j == i && clause_after(s, &c[j], &c[j + 1]))
				break;
			/* A comma joins only a list that ends with "and". */
			size_t k = j + 2;
			while (k < nc && c[k].start == c[j + 1].start)
				k++;
			if (!and && !(k < nc && list_gap(s, c[j + 1].end, c[k].start, &next_and)))
				break;
			j++;
		}
		group *g = vec_push(&s->groups, 1);
		if (!g)
			return DYAD_ENOMEM;
		g->first = (uint32_t)i;
		g->n = (uint32_t)(j - i + 1);
		g->start = c[i].start;
		g->end = c[j].end;
		g->prep = c[i].prep;
		g->person = 0;
		for (size_t k = i; k <= j; k++) {
			c[k].group = (uint32_t)(s->groups.len - 1);
			g->person |= c[k].person;
		}
		for (uint32_t q = g->start; q < g->end; q++)
			VEC_AT(s->group_of, int32_t, q - s->a) = (int32_t)(s->groups.len - 1);
		i = j + 1;
	}
	/* "The ambassadors of Arnor, Osgiliath and Gondor": an agent before "of" (or "in", under
	 * `agent-alone`: "lawmakers in A and B") qualifies every country of the list after it;
	 * under `tabari-coding` only the first (TABARI joins the agent to one phrase). */
	for (size_t g = 0; g < s->groups.len && !d->tabari_coding; g++) {
		const group *G = &VEC_AT(s->groups, group, g);
		const chunk *first = &c[G->first];
		bool of = false;
		for (uint32_t q = first->start; q < first->end && !of; q++)
			of = ((word_flags(d, t[q].id) & WF_OF) || (agent_in(s) && is_in(s, q))) &&
			     q > first->start;
		if (G->n < 2 || !of || !first->agent[0] || strlen(first->code) <= 3 ||
		    (word_flags(d, t[first->start].id) & WF_ACTOR_START) == 0)
			continue;
		for (uint32_t k = 1; k < G->n; k++) {
			chunk *o = &c[G->first + k];
			if (strlen(o->code) == 3 && !o->agent[0] && !o->person) {
				with_agent(o->code, o->code, 3, first->agent);
				memcpy(o->agent, first->agent, sizeof o->agent);
			}
		}
	}
	if (s->agent_alone[0] && agent_lists(s) != DYAD_OK)
		return DYAD_ENOMEM;
	/* Parentheticals: ", which ... ,", "( ... )" and appositions after an actor ("Pakistan,
	 * a key U.S. ally, has refused") are skipped when looking for a subject. */
	uint8_t *paren = s->paren.data;
	for (uint32_t p = s->a; p < s->b; p++) {
		bool apposition = t[p].punct == ',' && p > s->a && p + 1 < s->b &&
		                  VEC_AT(s->group_of, int32_t, p - 1 - s->a) >= 0 &&
		                  (word_flags(d, t[p + 1].id) & WF_DET) &&
		                  VEC_AT(s->group_of, int32_t, p + 1 - s->a) < 0;
		bool open = (t[p].punct == ',' && p + 1 < s->b &&
		             (word_flags(d, t[p + 1].id) & WF_REL)) ||
		            t[p].punct == '(' || apposition;
		if (!open)
			continue;
		char close = t[p].punct == '(' ? ')' : ',';
		uint32_t q = p + 1;
		while (q < s->b && t[q].punct != close && t[q].punct != ';' &&
		       !((t[q].flags & TF_TERM) && !(t[q].flags & TF_WORD)))
			q++;
		if (close == ',' && (q >= s->b || t[q].punct != ','))
			continue; /* ", which ..." to the end of the sentence is a clause, not an aside */
		memset(paren + (p - s->a), 1, q - p + (q < s->b));
		p = q;
	}
	return DYAD_OK;
}
