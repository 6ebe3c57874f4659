/* validate.c - runs the validation suites of TABARI (a .project and its records with
 * {SRC / TGT / CODE} comments) and PETRARCH (validation-records XML, read with libxml2) with
 * dyad's own analysis of each record's text, and reads PETRARCH configuration files. */
#include "internal.h"
#include "tabari.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define MAX_EXPECTED 64

typedef struct triple {
	char src[32], tgt[32], code[16];
} triple;

typedef struct record {
	char id[128];
	char category[64];
	int32_t date;
	const char *text;
	size_t len;
	triple want[MAX_EXPECTED];
	int nwant;
} record;

typedef struct runner {
	const dyad_validate_options *opt;
	dyad_validate_summary *sum;
	dyad_dict *dict;
	dyad_coder *coder;
	long min_words;      /* TABARI's SET: MINIMUM WORDS (records with fewer code nothing) */
	bool forward;        /* TABARI's FORWARD: pronouns carry across the records of a story */
	char story[64];      /* the story of the last record: its id up to the last '-' */
	dyad_comma_limits comma; /* PETRARCH's comma_* options so far (from its defaults) */
} runner;

/* ---------------------------------------------------------------- paths */

/* Writes dir-of(base)/name into out, or name itself when it is absolute. */
static void beside(const char *base, const char *name, char *out, size_t cap)
{
	const char *slash = strrchr(base, '/');
	if (name[0] == '/' || !slash)
		snprintf(out, cap, "%s", name);
	else
		snprintf(out, cap, "%.*s/%s", (int)(slash - base), base, name);
}

static bool exists(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f)
		fclose(f);
	return f != NULL;
}

static char *trim_inplace(char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = 0;
	return s;
}

/* ---------------------------------------------------------------- PETRARCH config */

/* A dictionary named in a config file: beside it, else in ../dictionaries (PETRARCH's
 * data/config and data/dictionaries layout). */
static void config_path(const char *ini, const char *name, char *out, size_t cap)
{
	beside(ini, name, out, cap);
	if (exists(out))
		return;
	char alt[1100];
	snprintf(alt, sizeof alt, "../dictionaries/%s", name);
	char p[1100];
	beside(ini, alt, p, sizeof p);
	size_t k = strlen(p);
	if (k < cap && exists(p))
		memcpy(out, p, k + 1);
}

dyad_status dyad_compat_read_config(const char *ini, dyad_compat_config *out, dyad_error *err)
{
	if (!ini || !out)
		return DYAD_EINVAL;
	memset(out, 0, sizeof *out);
	FILE *f = fopen(ini, "r");
	if (!f) {
		if (err) {
			memset(err, 0, sizeof *err);
			snprintf(err->file, sizeof err->file, "%s", ini);
			snprintf(err->message, sizeof err->message, "cannot read: %s", strerror(errno));
		}
		return DYAD_EIO;
	}
	char line[4096];
	bool dicts = false;
	while (fgets(line, sizeof line, f)) {
		char *s = trim_inplace(line);
		if (s[0] == '[') {
			dicts = !strncmp(s, "[Dictionaries]", 14);
			continue;
		}
		char *eq = strchr(s, '=');
		if (!dicts || !eq || s[0] == '#' || s[0] == ';')
			continue;
		*eq = 0;
		char *key = trim_inplace(s), *val = trim_inplace(eq + 1);
		if (!strcmp(key, "verbfile_name"))
			config_path(ini, val, out->verbs, sizeof out->verbs);
		else if (!strcmp(key, "agentfile_name"))
			config_path(ini, val, out->agents, sizeof out->agents);
		else if (!strcmp(key, "discardfile_name"))
			config_path(ini, val, out->discards, sizeof out->discards);
		else if (!strcmp(key, "actorfile_list")) {
			char *p = val;
			while (*p && out->nactors < DYAD_COMPAT_MAX_ACTORS) {
				size_t k = strcspn(p, ",");
				char name[1024];
				snprintf(name, sizeof name, "%.*s", (int)k, p);
				char *t = trim_inplace(name);
				if (*t)
					config_path(ini, t, out->actors[out->nactors++], sizeof out->actors[0]);
				p += k;
				if (*p == ',')
					p++;
			}
		}
	}
	fclose(f);
	return DYAD_OK;
}

/* ---------------------------------------------------------------- coding a record */

static void print_triples(FILE *out, const triple *t, int n)
{
	if (!n)
		fprintf(out, "(none)");
	for (int i = 0; i < n; i++)
		fprintf(out, "%s%s/%s/%s", i ? "; " : "", t[i].src, t[i].tgt, t[i].code);
}

static bool has(const triple *t, int n, const triple *x)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(t[i].src, x->src) && !strcmp(t[i].tgt, x->tgt) &&
		    !strcmp(t[i].code, x->code))
			return true;
	return false;
}

static dyad_status run_record(runner *R, const record *r)
{
	dyad_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.id = r->id;
	doc.date = r->date;
	doc.text = r->text;
	doc.text_len = r->len;
	dyad_error e;
	dyad_status st = dyad_coder_code(R->coder, &doc, &e);
	triple got[MAX_EXPECTED];
	int ngot = 0;
	if (st == DYAD_OK)
		for (size_t i = 0; i < dyad_coder_event_count(R->coder) && ngot < MAX_EXPECTED; i++) {
			const dyad_event *ev = dyad_coder_event(R->coder, i);
			triple t;
			snprintf(t.src, sizeof t.src, "%s", ev->source);
			snprintf(t.tgt, sizeof t.tgt, "%s", ev->target);
			snprintf(t.code, sizeof t.code, "%s", ev->code);
			if (!has(got, ngot, &t))
				got[ngot++] = t;
		}
	else if (st == DYAD_ENOMEM)
		return st;
	triple want[MAX_EXPECTED];
	int nwant = 0;
	for (int i = 0; i < r->nwant; i++)
		if (!has(want, nwant, &r->want[i]))
			want[nwant++] = r->want[i];
	bool ok = st == DYAD_OK && ngot == nwant;
	for (int i = 0; ok && i < nwant; i++)
		ok = has(got, ngot, &want[i]);
	if (ok) {
		R->sum->passed++;
		return DYAD_OK;
	}
	R->sum->failed++;
	FILE *out = R->opt->out;
	if (out) {
		fprintf(out, "%s %s: expected ", r->id, r->category[0] ? r->category : "-");
		print_triples(out, want, nwant);
		fprintf(out, "; produced ");
		if (st != DYAD_OK)
			fprintf(out, "error: %s", dyad_strerror(st));
		else
			print_triples(out, got, ngot);
		fprintf(out, "\n");
		if (R->opt->explain)
			fprintf(out, "%s", dyad_coder_explain(R->coder));
	}
	return DYAD_OK;
}

static dyad_status load(runner *R, const dyad_compat_files *suite, dyad_error *err)
{
	dyad_compat_files f = *suite;
	const dyad_compat_files *o = &R->opt->dicts;
	if (o->verbs)
		f.verbs = o->verbs;
	if (o->nactors) {
		f.actors = o->actors;
		f.nactors = o->nactors;
	}
	if (o->agents)
		f.agents = o->agents;
	if (o->discards)
		f.discards = o->discards;
	if (o->dialect)
		f.dialect = o->dialect;
	dyad_status st = dyad_compat_load(&f, R->opt->report, &R->dict, err, NULL);
	if (st)
		return st;
	dyad_coder_options co;
	memset(&co, 0, sizeof co);
	co.explain = R->opt->explain;
	return dyad_coder_new(R->dict, &co, &R->coder);
}

/* ---------------------------------------------------------------- PETRARCH XML */

static char *attr(xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static bool named(xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static bool word_in(const char *list, const char *w)
{
	size_t wl = strlen(w);
	const char *p = list;
	while (*p) {
		while (*p && isspace((unsigned char)*p))
			p++;
		size_t k = 0;
		while (p[k] && !isspace((unsigned char)p[k]))
			k++;
		if (k == wl && !strncmp(p, w, k))
			return true;
		p += k;
	}
	return false;
}

/* YYYYMMDD, or YYMMDD with 00-30 as 20YY (PETRARCH and TABARI dates). */
static int32_t xml_date(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n != 8 && n != 6)
		return INT32_MIN;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return INT32_MIN;
	char iso[11];
	if (n == 8)
		snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
	else
		snprintf(iso, sizeof iso, "%s%.2s-%.2s-%.2s",
		         (s[0] - '0') * 10 + (s[1] - '0') <= 30 ? "20" : "19", s, s + 2, s + 4);
	return dyad_date_parse(iso, 10);
}

static dyad_status run_sentence(runner *R, xmlNode *sn, const char *include)
{
	record *r = calloc(1, sizeof *r);
	if (!r)
		return DYAD_ENOMEM;
	char *id = attr(sn, "id"), *cat = attr(sn, "category"), *valid = attr(sn, "valid"),
	     *date = attr(sn, "date");
	snprintf(r->id, sizeof r->id, "%s", id ? id : "?");
	snprintf(r->category, sizeof r->category, "%s", cat ? cat : "");
	r->date = xml_date(date);
	bool skip = false;
	/* As PETRARCH-1 runs its suite: with `valid` in <Include>, the records marked
	 * valid="true" (whatever their category); otherwise those of the categories listed. */
	if (include) {
		if (word_in(include, "valid"))
			skip = !(valid && !strcmp(valid, "true"));
		else if (cat && !word_in(include, cat))
			skip = true;
	}
	xmlChar *text = NULL;
	bool bad_parse = false;
	for (xmlNode *c = sn->children; c; c = c->next) {
		if (named(c, "Text")) {
			xmlFree(text);
			text = xmlNodeGetContent(c);
		} else if (named(c, "EventCoding")) {
			char *s = attr(c, "sourcecode"), *t = attr(c, "targetcode"),
			     *e = attr(c, "eventcode");
			if (s && t && e && r->nwant < MAX_EXPECTED) {
				triple *w = &r->want[r->nwant++];
				snprintf(w->src, sizeof w->src, "%s", s);
				snprintf(w->tgt, sizeof w->tgt, "%s", t);
				snprintf(w->code, sizeof w->code, "%s", e);
			}
			char *why = attr(c, "error");
			bad_parse |= why && !strcmp(why, "bad_input_parse");
			xmlFree(why);
			xmlFree(s);
			xmlFree(t);
			xmlFree(e);
		}
	}
	dyad_status st = DYAD_OK;
	/* A record without <EventCoding> expects no events, as noevents="True" says. One that
	 * expects error="bad_input_parse" tests PETRARCH's reader of the <Parse> tree (which is
	 * malformed there), not coding: its text is fine, and dyad, which reads no tree, can
	 * neither pass nor fail it. It is skipped, with a line saying so. */
	if (bad_parse && !skip && R->opt->out)
		fprintf(R->opt->out,
		        "%s %s: skipped: expects a parse-tree error (bad_input_parse)\n", r->id,
		        r->category[0] ? r->category : "-");
	if (skip || bad_parse || !text || r->date == INT32_MIN) {
		R->sum->skipped++;
	} else {
		r->text = (const char *)text;
		r->len = strlen(r->text);
		st = run_record(R, r);
	}
	xmlFree(text);
	xmlFree(id);
	xmlFree(cat);
	xmlFree(valid);
	xmlFree(date);
	free(r);
	return st;
}

/* <Config option="..." value="..."/>: the options that change coding, from here on.
 * require_dyad, new_actor_length and the comma_* lengths of comma-delimited clauses are
 * applied; the others (stop_on_error, ...) do not change coding. */
static void apply_config(runner *R, xmlNode *n)
{
	char *opt = attr(n, "option"), *val = attr(n, "value");
	if (opt && val && !strcmp(opt, "require_dyad") && R->coder) {
		bool off = val[0] == 'f' || val[0] == 'F';
		dyad_coder_set_missing_actors(R->coder, off ? "---" : NULL, off ? "---" : NULL);
	}
	if (opt && val && !strcmp(opt, "new_actor_length") && R->coder) {
		char *e;
		long v = strtol(val, &e, 10);
		if (e != val && v >= 0 && v <= 1000)
			dyad_coder_set_new_actor_length(R->coder, (int)v);
	}
	static const char *const comma[] = {"comma_min",  "comma_max",  "comma_bmin",
	                                    "comma_bmax", "comma_emin", "comma_emax"};
	for (size_t i = 0; opt && val && R->coder && i < sizeof comma / sizeof *comma; i++) {
		char *e;
		long v = strtol(val, &e, 10);
		if (strcmp(opt, comma[i]) || e == val || v < 0 || v > 1000)
			continue;
		int *field[] = {&R->comma.min,  &R->comma.max,  &R->comma.bmin,
		                &R->comma.bmax, &R->comma.emin, &R->comma.emax};
		*field[i] = (int)v;
		dyad_coder_set_comma_clauses(R->coder, &R->comma);
	}
	xmlFree(opt);
	xmlFree(val);
}

static dyad_status run_petrarch(runner *R, const char *path, dyad_error *err)
{
	xmlDoc *doc = xmlReadFile(path, NULL,
	                          XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	                              XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		xmlFreeDoc(doc);
		if (err) {
			memset(err, 0, sizeof *err);
			snprintf(err->file, sizeof err->file, "%s", path);
			snprintf(err->message, sizeof err->message, "not a validation-records XML file");
		}
		return DYAD_EPARSE;
	}
	char verbs[1024] = "", agents[1024] = "", discards[1024] = "";
	char actors[DYAD_COMPAT_MAX_ACTORS][1024];
	const char *actor_ptr[DYAD_COMPAT_MAX_ACTORS];
	size_t nactors = 0;
	char *include = NULL;
	bool oom = false;
	xmlNode *sentences = NULL;
	for (xmlNode *c = root->children; c; c = c->next) {
		if (named(c, "Sentences"))
			sentences = c;
		if (!named(c, "Environment"))
			continue;
		for (xmlNode *e = c->children; e; e = e->next) {
			if (e->type != XML_ELEMENT_NODE)
				continue;
			xmlChar *v = xmlNodeGetContent(e);
			char *val = v ? trim_inplace((char *)v) : NULL;
			if (val && *val) {
				if (named(e, "Verbfile"))
					beside(path, val, verbs, sizeof verbs);
				else if (named(e, "Agentfile"))
					beside(path, val, agents, sizeof agents);
				else if (named(e, "Discardfile"))
					beside(path, val, discards, sizeof discards);
				else if (named(e, "Actorfile")) {
					char *p = val;
					while (*p && nactors < DYAD_COMPAT_MAX_ACTORS) {
						size_t k = strcspn(p, ",");
						char name[1024];
						snprintf(name, sizeof name, "%.*s", (int)k, p);
						char *t = trim_inplace(name);
						if (*t) {
							beside(path, t, actors[nactors], sizeof actors[0]);
							actor_ptr[nactors] = actors[nactors];
							nactors++;
						}
						p += k;
						if (*p == ',')
							p++;
					}
				} else if (named(e, "Include")) {
					free(include);
					include = strdup(val);
					if (!include)
						oom = true;
				}
			}
			xmlFree(v);
		}
	}
	dyad_compat_files f = {.verbs = verbs[0] ? verbs : NULL,
	                       .actors = actor_ptr,
	                       .nactors = nactors,
	                       .agents = agents[0] ? agents : NULL,
	                       .discards = discards[0] ? discards : NULL};
	dyad_status st = oom ? DYAD_ENOMEM : load(R, &f, err);
	/* PETRARCH's defaults for the comma_* options (its PETR_config.ini). */
	R->comma = (dyad_comma_limits){2, 8, 0, 0, 2, 8};
	for (xmlNode *c = root->children; !st && c; c = c->next)
		if (named(c, "Environment"))
			for (xmlNode *e = c->children; e; e = e->next)
				if (named(e, "Config"))
					apply_config(R, e);
	for (xmlNode *c = sentences ? sentences->children : NULL; !st && c; c = c->next) {
		if (named(c, "Config"))
			apply_config(R, c);
		if (named(c, "Sentence"))
			st = run_sentence(R, c, include);
	}
	free(include);
	xmlFreeDoc(doc);
	return st;
}

/* ---------------------------------------------------------------- TABARI */

static dyad_status slurp(const char *path, buf *b)
{
	char *text;
	size_t len;
	dyad_status st = read_whole_file(path, &text, &len);
	if (st)
		return st;
	st = buf_append(b, text, len + 1); /* with its NUL, as callers expect */
	free(text);
	return st;
}

/* Reads the {...} expectations of a record's comment. Returns false for an option record. */
static bool tabari_expect(record *r, const char *c, size_t n)
{
	bool option = false;
	for (size_t i = 0; i < n; i++) {
		if (c[i] != '{')
			continue;
		size_t j = i + 1;
		while (j < n && c[j] != '}')
			j++;
		char g[256];
		snprintf(g, sizeof g, "%.*s", (int)(j - i - 1), c + i + 1);
		char *t = trim_inplace(g);
		if (!strncmp(t, "OPTION", 6))
			option = true;
		else if (strchr(t, '/') && r->nwant < MAX_EXPECTED) {
			char *a = t, *b = strchr(a, '/');
			*b = 0;
			char *cc = strchr(b + 1, '/');
			if (cc) {
				*cc = 0;
				triple *w = &r->want[r->nwant++];
				snprintf(w->src, sizeof w->src, "%s", trim_inplace(a));
				snprintf(w->tgt, sizeof w->tgt, "%s", trim_inplace(b + 1));
				snprintf(w->code, sizeof w->code, "%s", trim_inplace(cc + 1));
			}
		}
		i = j;
	}
	return !option;
}

/* A record header: digits (the date), white space, an id. TABARI starts a record at any
 * line whose first character is a digit; text lines such as "50,000 tonnes" are not
 * headers here. */
static bool tabari_header(const char *s, size_t n)
{
	size_t d = 0;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	if (d < 6 || d >= n || (s[d] != ' ' && s[d] != '\t'))
		return false;
	while (d < n && isspace((unsigned char)s[d]))
		d++;
	return d < n;
}

/* Copies the code in brackets after word (`SOURCE [DEFSRC]`) into out, "" if none. */
static void bracket_after(const char *s, const char *word, char *out, size_t cap)
{
	out[0] = 0;
	const char *w = strstr(s, word);
	const char *open = w ? strchr(w, '[') : NULL;
	const char *close = open ? strchr(open, ']') : NULL;
	if (close && (size_t)(close - open) < cap)
		snprintf(out, cap, "%.*s", (int)(close - open - 1), open + 1);
}

/* The number in COMPLEX:'s VERBS[n] (s after the bracket), 0 if none or out of range. */
static int bracket_number(const char *s)
{
	char *e;
	long v = strtol(s, &e, 10);
	return e != s && *e == ']' && v > 0 && v < 1000 ? (int)v : 0;
}

/* The settings of an option record's { OPTION: ... } groups that change coding:
 * SET: MINIMUM WORDS = N, SET: CONVERT AGENT = TRUE|FALSE, FORWARD: (OFF), DEFAULT: SOURCE
 * [S] PRIOR TARGET [T] AFTER (PRIOR and AFTER optional), DEFAULT: OFF, SET: CODE ALL and
 * SET: CODE BY ..., COMPLEX: VERBS[v] CONJ[n]. Others (COMMA, COMPLEX's ACTORS[] and
 * NOACTPRIOR, TIME SHIFT, ...) tune TABARI's own heuristics. */
static void tabari_options(runner *R, const char *c, size_t n)
{
	char text[4096];
	snprintf(text, sizeof text, "%.*s", (int)(n < sizeof text ? n : sizeof text - 1), c);
	for (char *o = strstr(text, "OPTION:"); o; o = strstr(o + 7, "OPTION:")) {
		char *end = strchr(o, '}');
		char save = 0;
		if (end) {
			save = *end;
			*end = 0;
		}
		char *mw = strstr(o, "MINIMUM WORDS");
		char *eq = mw ? strchr(mw, '=') : NULL;
		if (eq) {
			char *e;
			long v = strtol(eq + 1, &e, 10);
			if (e != eq + 1 && v >= 0 && v < 10000)
				R->min_words = v;
		}
		/* SET: CODE ALL codes every verb; CODE BY CLAUSE (the default) and CODE BY
		 * SENTENCE end it (dyad has no one-event-per-sentence mode). */
		char *cb = strstr(o, "CODE ");
		if (cb && R->coder && (!strncmp(cb, "CODE ALL", 8) || !strncmp(cb, "CODE BY", 7)))
			dyad_coder_set_code_all(R->coder, !strncmp(cb, "CODE ALL", 8));
		/* COMPLEX: VERBS[v] CONJ[n]: sentences too complex to code (ACTORS[], NOACTPRIOR
		 * and the rest are not applied). */
		char *cx = strstr(o, "COMPLEX:");
		if (cx && R->coder) {
			char *v = strstr(cx, "VERBS["), *k = strstr(cx, "CONJ[");
			dyad_coder_set_complexity(R->coder, v ? bracket_number(v + 6) : 0,
			                          k ? bracket_number(k + 5) : 0);
		}
		char *fw = strstr(o, "FORWARD:");
		if (fw)
			R->forward = !strstr(fw, "OFF");
		char *conv = strstr(o, "CONVERT AGENT");
		char *ceq = conv ? strchr(conv, '=') : NULL;
		if (ceq && R->coder) {
			while (isspace((unsigned char)*++ceq))
				;
			dyad_coder_set_agent_alone(R->coder, !strncmp(ceq, "TRUE", 4) ? "~" : NULL);
		}
		/* COMMA:, CODE BY ... and COMPLEX: NOACTPRIOR for `tabari-coding`. */
		if (R->coder)
			tabari_option(coder_tabari_options(R->coder), o);
		char *def = strstr(o, "DEFAULT:");
		if (def && R->coder) {
			char src[16], tgt[16];
			bracket_after(def, "SOURCE", src, sizeof src);
			bracket_after(def, "TARGET", tgt, sizeof tgt);
			dyad_coder_set_missing_actors(R->coder, src, tgt);
			/* PRIOR: the stand-in source only for a verb with no actor before it;
			 * AFTER: the stand-in target only for one with no actor after it. */
			dyad_coder_set_missing_placement(R->coder, strstr(def, "PRIOR") != NULL,
			                                 strstr(def, "AFTER") != NULL);
		}
		if (end)
			*end = save;
	}
}

static long word_count(const char *s, size_t n)
{
	long words = 0;
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
			words++;
	return words;
}

static dyad_status run_tabari_text(runner *R, const char *path, dyad_error *err)
{
	buf b = {0};
	dyad_status st = slurp(path, &b);
	if (st) {
		if (err) {
			memset(err, 0, sizeof *err);
			snprintf(err->file, sizeof err->file, "%s", path);
			snprintf(err->message, sizeof err->message, "cannot read: %s", strerror(errno));
		}
		buf_free(&b);
		return st;
	}
	const char *t = b.data;
	size_t len = b.len - 1, i = 0;
	buf text = {0}, comment = {0};
	record *r = calloc(1, sizeof *r);
	if (!r) {
		buf_free(&b);
		return DYAD_ENOMEM;
	}
	bool done = false;
	while (!st && !done && i < len) {
		size_t j = i;
		while (j < len && t[j] != '\n')
			j++;
		/* A record: a line starting with a digit, text, a comment; a blank line ends it. */
		if (!tabari_header(t + i, j - i)) {
			i = j + 1;
			continue;
		}
		memset(r, 0, sizeof *r);
		char head[256];
		snprintf(head, sizeof head, "%.*s", (int)(j - i), t + i);
		char *h = trim_inplace(head);
		size_t dl = strspn(h, "0123456789");
		int32_t date = INT32_MIN;
		if (dl == 6 || dl == 8) {
			char iso[11];
			if (dl == 6) {
				int yy = (h[0] - '0') * 10 + (h[1] - '0');
				snprintf(iso, sizeof iso, "%s%.2s-%.2s-%.2s", yy <= 30 ? "20" : "19", h,
				         h + 2, h + 4);
			} else {
				snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", h, h + 4, h + 6);
			}
			date = dyad_date_parse(iso, 10);
		}
		r->date = date;
		snprintf(r->id, sizeof r->id, "%s", trim_inplace(h + dl));
		size_t dash = strcspn(r->id, "-");
		snprintf(r->category, sizeof r->category, "%.*s", (int)dash, r->id);
		text.len = 0;
		comment.len = 0;
		bool in_comment = false;
		i = j + 1;
		while (i < len) {
			j = i;
			while (j < len && t[j] != '\n')
				j++;
			size_t n = j - i;
			const char *line = t + i;
			size_t blank = 0;
			while (blank < n && isspace((unsigned char)line[blank]))
				blank++;
			if (blank == n && !in_comment)
				break;
			if (!in_comment && tabari_header(line, n))
				break;
			i = j + 1;
			for (size_t q = 0; q < n; q++) {
				if (!in_comment && q + 1 < n && line[q] == '/' && line[q + 1] == '*') {
					in_comment = true;
					q++;
					continue;
				}
				if (in_comment && q + 1 < n && line[q] == '*' && line[q + 1] == '/') {
					in_comment = false;
					q++;
					continue;
				}
				/* An underscore joins words in TABARI's texts as in its dictionaries
				 * ("Dol_Amroth" is the actor DOL_AMROTH). */
				const char *ch = !in_comment && line[q] == '_' ? " " : line + q;
				st = buf_append(in_comment ? &comment : &text, ch, 1);
				if (st)
					break;
			}
			if (!st)
				st = buf_append(in_comment ? &comment : &text, " ", 1);
			if (st)
				break;
		}
		if (st)
			break;
		bool evaluated = tabari_expect(r, comment.data ? comment.data : "", comment.len);
		if (!evaluated)
			tabari_options(R, comment.data ? comment.data : "", comment.len);
		if (!evaluated || date == INT32_MIN) {
			R->sum->skipped++;
		} else {
			r->text = text.data ? text.data : "";
			r->len = text.len;
			if (word_count(r->text, r->len) < R->min_words)
				r->len = 0; /* too short for TABARI to code */
			/* FORWARD: records whose ids differ only after the last '-' are one story. */
			const char *dash = strrchr(r->id, '-');
			char story[64];
			snprintf(story, sizeof story, "%.*s", dash ? (int)(dash - r->id) : 0, r->id);
			if (R->forward && story[0] && !strcmp(story, R->story))
				dyad_coder_continue(R->coder, 1);
			memcpy(R->story, story, sizeof story);
			st = run_record(R, r);
		}
		if (!strcmp(r->id, "FINAL-01"))
			done = true;
	}
	free(r);
	buf_free(&text);
	buf_free(&comment);
	buf_free(&b);
	return st;
}

static dyad_status run_tabari(runner *R, const char *path, dyad_error *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (err) {
			memset(err, 0, sizeof *err);
			snprintf(err->file, sizeof err->file, "%s", path);
			snprintf(err->message, sizeof err->message, "cannot read: %s", strerror(errno));
		}
		return DYAD_EIO;
	}
	char verbs[1024] = "", agents[1024] = "", textfile[1024] = "", options[1024] = "";
	char actors[DYAD_COMPAT_MAX_ACTORS][1024];
	const char *actor_ptr[DYAD_COMPAT_MAX_ACTORS];
	size_t nactors = 0;
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		char *s = trim_inplace(line);
		if (s[0] != '<')
			continue;
		char *close = strchr(s, '>');
		if (!close)
			continue;
		*close = 0;
		char *val = trim_inplace(close + 1);
		/* Only the first word: project lines may carry comments after the name. */
		val[strcspn(val, " \t")] = 0;
		if (!*val)
			continue;
		const char *key = s + 1;
		if (!strcmp(key, "verbsfile") && !verbs[0])
			beside(path, val, verbs, sizeof verbs);
		else if (!strcmp(key, "agentsfile") && !agents[0])
			beside(path, val, agents, sizeof agents);
		else if (!strcmp(key, "textfile") && !textfile[0])
			beside(path, val, textfile, sizeof textfile);
		else if (!strcmp(key, "optionsfile") && !options[0])
			beside(path, val, options, sizeof options);
		else if (!strcmp(key, "actorsfile") && nactors < DYAD_COMPAT_MAX_ACTORS) {
			beside(path, val, actors[nactors], sizeof actors[0]);
			actor_ptr[nactors] = actors[nactors];
			nactors++;
		}
	}
	fclose(f);
	dyad_compat_files cf = {.verbs = verbs[0] ? verbs : NULL,
	                        .actors = actor_ptr,
	                        .nactors = nactors,
	                        .agents = agents[0] ? agents : NULL,
	                        .dialect = DYAD_DIALECT_TABARI};
	dyad_status st = load(R, &cf, err);
	R->min_words = 8; /* TABARI's default */
	/* The options file: each line not commented out (//) is an option, as in a record. */
	FILE *of = !st && options[0] ? fopen(options, "r") : NULL;
	while (of && fgets(line, sizeof line, of)) {
		char *s = trim_inplace(line);
		if (!*s || !strncmp(s, "//", 2))
			continue;
		char opt[sizeof line + 16];
		snprintf(opt, sizeof opt, "OPTION: %s }", s);
		tabari_options(R, opt, strlen(opt));
	}
	if (of)
		fclose(of);
	if (!st && textfile[0])
		st = run_tabari_text(R, textfile, err);
	return st;
}

dyad_status dyad_validate(const char *path, const dyad_validate_options *opt,
                          dyad_validate_summary *sum, dyad_error *err)
{
	if (!path || !opt || !sum)
		return DYAD_EINVAL;
	memset(sum, 0, sizeof *sum);
	runner R;
	memset(&R, 0, sizeof R);
	R.opt = opt;
	R.sum = sum;
	size_t n = strlen(path);
	dyad_status st;
	if (n > 8 && !strcmp(path + n - 8, ".project"))
		st = run_tabari(&R, path, err);
	else
		st = run_petrarch(&R, path, err);
	dyad_coder_free(R.coder);
	dyad_dict_free(R.dict);
	return st;
}
