/* petrarch2.c - PETRARCH-2's verb combinations and transformations: the code of an upper verb
 * combined with its complement's ("agreed to lift the sanctions") through PETRARCH-2's
 * internal coding ontology, and the `transform` rules of nested events ("X claimed that Y
 * attacked Z" is an accusation of X against Y). Used with `petrarch2-coding`. */
#include "petrarch2.h"

#include <stdio.h>
#include <string.h>

/* PETRARCH-2 gives every CAMEO code a 16-bit value: a verbal class in the top hex digit
 * (say, appeal, intend, demand, protest, threaten, disapprove, posture, coerce, investigate,
 * consult) and an act in the low twelve bits (cooperation, aid, yielding, cuts in relations,
 * assault, fight ...). An intent, appeal or demand is its class plus the act it is about
 * (033, intend to give aid, is "intend" + "aid", 070), a rejection the negation -0xFFFF plus
 * the act refused; adding an upper verb's value to its complement's composes them. The
 * values below are facts of that scheme (PETRARCH-2's `utilities.convert_code`), written as
 * classes, acts and the few irregular codes, with the composite codes derived. */

#define NEG 0xFFFF /* the "not" of the scheme: reject = -NEG + the act */

typedef struct val {
	const char *code;
	int32_t v;
} val;

/* Acts: codes of material action, with their own values. */
static const val acts[] = {
    {"050", 0x080}, {"051", 0x081}, {"052", 0x082}, {"053", 0x083}, {"054", 0x084},
    {"055", 0x085}, {"056", 0x086}, {"057", 0x087},
    {"060", 0x070}, {"061", 0x075}, {"062", 0x076}, {"063", 0x078}, {"064", 0x07A},
    {"070", 0x040}, {"071", 0x045}, {"072", 0x046}, {"073", 0x047}, {"074", 0x049},
    {"075", 0x04E},
    {"080", 0x200}, {"081", 0x20B}, {"0811", 0x203}, {"0812", 0x201}, {"0813", 0x204},
    {"0814", 0x206}, {"082", 0x20C}, {"083", 0x260}, {"0831", 0x261}, {"0832", 0x262},
    {"0833", 0x263}, {"0834", 0x264}, {"084", 0x250}, {"0841", 0x20C}, {"0842", 0x20C},
    {"085", 0x205}, {"086", 0x20E}, {"0861", 0x209}, {"0862", 0x20A}, {"0863", 0x207},
    {"087", 0x2C0}, {"0871", 0x2C9}, {"0872", 0x2C1}, {"0873", 0x2C6}, {"0874", 0x2C2},
    {"160", 0x100}, {"161", 0x180}, {"162", 0x140}, {"1621", 0x145}, {"1622", 0x146},
    {"1623", 0x147}, {"163", 0x00B}, {"164", 0x110}, {"165", 0x130}, {"166", 0x150},
    {"1661", 0x159}, {"1662", 0x15A}, {"1663", 0x15E},
    {"180", 0x090}, {"181", 0x091}, {"182", 0x092}, {"1821", 0x093}, {"1822", 0x094},
    {"1823", 0x095}, {"1824", 0x096}, {"183", 0x097}, {"1831", 0x098}, {"1832", 0x099},
    {"1833", 0x09A}, {"1834", 0x09B}, {"184", 0x09C}, {"185", 0x09D}, {"186", 0x09E},
    {"190", 0x0A0}, {"191", 0x0A1}, {"192", 0x0A2}, {"193", 0x0A3}, {"194", 0x0A4},
    {"195", 0x0A5}, {"1951", 0x0A6}, {"1952", 0x0A7}, {"196", 0x0A8},
    {"200", 0x0B0},
};

/* Verbal classes by root. */
static const val classes[] = {
    {"01", 0x1000}, {"02", 0x2000}, {"03", 0x3000}, {"04", 0xB000}, {"09", 0xA000},
    {"10", 0x4000}, {"11", 0x7000}, {"12", -NEG}, {"13", 0x6000}, {"14", 0x5000},
    {"15", 0x8000}, {"17", 0x9000},
};

/* Codes of the verbal classes other than intents, appeals, demands and rejections: the
 * value added to the class. */
static const val verbal[] = {
    {"011", -NEG}, {"012", 0xC}, {"013", 0x1}, {"014", 0x2}, {"015", 0xA0},
    {"016", 0xA0 - NEG}, {"017", 0x3}, {"018", 0x4}, {"019", 0x5},
    {"041", 0x1}, {"042", 0x2}, {"043", 0x3}, {"044", 0x10}, {"045", 0x30}, {"046", 0x10},
    {"091", 0x1}, {"092", 0x2}, {"093", 0x3}, {"094", 0x4},
    {"111", 0x1}, {"112", 0xA0}, {"1121", 0xA1}, {"1122", 0xA2}, {"1123", 0xA3},
    {"1124", 0xA4}, {"1125", 0xA5}, {"113", 0x2}, {"114", 0x3}, {"115", 0x8}, {"116", 0x5},
    {"131", 0x100}, {"1311", 0x140}, {"1312", 0x105}, {"1313", 0x180}, {"132", 0xB},
    {"1321", 0x3}, {"1322", 0x1}, {"1323", 0x4}, {"1324", 0x6}, {"133", 0xC}, {"134", 0x10},
    {"135", 0x30}, {"136", 0xE}, {"137", 0x4}, {"138", 0xA0}, {"1381", 0xA1},
    {"1382", 0xA2}, {"1383", 0xA3}, {"1384", 0xA4}, {"1385", 0xB0}, {"139", 0x5},
    {"145", 0xA0},
    {"151", 0x1}, {"152", 0x2}, {"153", 0x3}, {"154", 0x4},
    {"171", 0x10}, {"1711", 0x11}, {"1712", 0x12}, {"172", 0xB}, {"1721", 0x3},
    {"1722", 0x1}, {"1723", 0x4}, {"1724", 0x6}, {"173", 0x20}, {"174", 0x30},
    {"175", 0x40},
};

static bool find(const val *t, size_t n, const char *code, int32_t *out)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].code, code)) {
			*out = t[i].v;
			return true;
		}
	return false;
}

#define FIND(t, code, out) find(t, sizeof t / sizeof *t, code, out)

/* The act an intent, appeal or demand (x1..x8: material cooperation, diplomatic
 * cooperation, aid, political reform, yielding, meeting, settling, mediating) or a rejection
 * is about; e is the fourth digit ('0' without one). */
static bool act_of(char d, char e, bool reject, int32_t *out)
{
	char c[5] = {0};
	int k = e - '0';
	switch (d) {
	case '1': /* 0x1e: material cooperation (06e) */
		c[0] = '0', c[1] = '6', c[2] = e;
		return k <= 4 && FIND(acts, c, out);
	case '2': /* 022: diplomatic cooperation; 122: a request refused */
		if (!reject)
			return k == 0 && FIND(acts, "050", out);
		/* fall through */
	case '3':
		if (reject) { /* 122e: a refused appeal for aid, 123e: for reform */
			if (k > 4)
				return false;
			if (d == '2') {
				c[0] = '0', c[1] = '7', c[2] = (char)('0' + k);
				if (!FIND(acts, c, out))
					return false;
			} else {
				*out = 0x060 + k;
			}
			*out += 0x2000 + 0x300; /* the mask keeps them apart from "refused to ask" */
			return true;
		}
		c[0] = '0', c[1] = '7', c[2] = e; /* 0x3e: aid (07e) */
		return k <= 4 && FIND(acts, c, out);
	case '4':
		if (reject) { /* 124e: yielding refused */
			static const int32_t yield[] = {0x200, 0x20B, 0x20C, 0x20D, 0x205, 0x20E, 0x2C0};
			if (k > 6)
				return false;
			*out = yield[k];
			return true;
		}
		*out = 0x060 + k; /* political reform: leadership, policy, rights, regime */
		return k <= 4;
	case '5':
		if (reject) {
			*out = 0x010;
			return k == 0;
		} else {
			static const int32_t yield[] = {0x200, 0x20B, 0x20C, 0x20D, 0x205, 0x20E, 0x20F};
			if (k > 6)
				return false;
			*out = yield[k];
			return true;
		}
	case '6':
		*out = reject ? 0x030 : 0x010; /* meet (126: mediation refused) */
		return k == 0;
	case '7':
		*out = 0x020; /* settle */
		return k == 0;
	case '8':
		*out = reject ? 0x002 : 0x030; /* mediate (128: policy change refused) */
		return k == 0;
	case '9':
		*out = reject ? 0x001 : 0x030;
		return k == 0;
	default:
		return false;
	}
}

/* The value of code itself, false when the scheme has none of its own. */
static bool own_value(const char *code, int32_t *out)
{
	size_t n = strlen(code);
	if (n < 3 || n > 4)
		return false;
	if (FIND(acts, code, out))
		return true;
	char root[3] = {code[0], code[1], 0};
	int32_t cls;
	if (!FIND(classes, root, &cls))
		return false;
	if (code[2] == '0' && n == 3) {
		*out = cls;
		return true;
	}
	int32_t v;
	bool composite = !strcmp(root, "02") || !strcmp(root, "03") || !strcmp(root, "10") ||
	                 !strcmp(root, "12");
	if (composite) {
		/* 038 and 039 (intents to mediate, to settle) are the exceptions of the family. */
		if (!strcmp(code, "038")) {
			*out = cls + 0x230;
			return true;
		}
		if (!strcmp(root, "12") && code[2] == '1' && n == 4 && code[3] > '2')
			return false;
		if (!act_of(code[2], n == 4 ? code[3] : '0', root[0] == '1' && root[1] == '2', &v))
			return false;
		if (n == 4 && code[3] == '0')
			return false;
	} else if (!FIND(verbal, code, &v)) {
		return false;
	}
	*out = cls + v;
	return true;
}

bool p2_value(const char *code, int32_t *out)
{
	if (own_value(code, out))
		return true;
	char root[4] = {code[0], code[1], '0', 0};
	return code[0] && code[1] && own_value(root, out);
}

const code_entry *p2_code(const dyad_dict *d, int32_t value)
{
	/* PETRARCH-2's one addition to the inverse: "want" + "attack" is a threat. */
	if (value == 0x3000 + 0x0A0)
		return dict_find_code(d, "138", 3);
	for (size_t i = 0; i < d->codes.len; i++) {
		const code_entry *c = &VEC_AT(d->codes, code_entry, i);
		int32_t v;
		if (own_value(c->code, &v) && v == value)
			return c;
	}
	return NULL;
}

int32_t p2_combine(int32_t upper, int32_t lower)
{
	if (lower < 0)
		return lower + upper;
	if (upper >= 0x1000 && lower >= 0x1000)
		return lower; /* both verbal: the inner verb says what is meant */
	if (lower >= upper)
		return lower;
	return upper + lower;
}

/* ---------------------------------------------------------------- transformations */

static bool var_ok(char c)
{
	return c == '.' || c == '_' || (c >= 'a' && c <= 'z');
}

const char *p2_transform_parse(const char *s, size_t n, p2_transform *out)
{
	char tok[12][16];
	int nt = 0;
	size_t i = 0;
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		size_t j = i;
		if (s[i] == '(' || s[i] == ')' || s[i] == '=')
			j++;
		else
			while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '(' && s[j] != ')' &&
			       s[j] != '=')
				j++;
		if (nt >= 12 || j - i >= sizeof tok[0])
			return "want A ( B C LOWER ) UPPER = X Y CODE";
		memcpy(tok[nt], s + i, j - i);
		tok[nt++][j - i] = 0;
		i = j;
	}
	if (nt != 11 || strcmp(tok[1], "(") || strcmp(tok[5], ")") || strcmp(tok[7], "="))
		return "want A ( B C LOWER ) UPPER = X Y CODE";
	const int vars[] = {0, 2, 3, 8, 9};
	for (int k = 0; k < 5; k++)
		if (strlen(tok[vars[k]]) != 1 || !var_ok(tok[vars[k]][0]))
			return "actors are letters, '.' (any) or '_' (none)";
	memset(out, 0, sizeof *out);
	out->src = tok[0][0];
	out->lsrc = tok[2][0];
	out->ltgt = tok[3][0];
	out->osrc = tok[8][0];
	out->otgt = tok[9][0];
	out->lower = -1;
	if (strcmp(tok[4], "Q") && !p2_value(tok[4], &out->lower))
		return "unknown lower code";
	if (!p2_value(tok[6], &out->upper))
		return "unknown upper code";
	if (strcmp(tok[10], "Q")) {
		int32_t v;
		if (!p2_value(tok[10], &v))
			return "unknown code";
	}
	snprintf(out->code, sizeof out->code, "%s", tok[10]);
	return NULL;
}

/* Whether an event of value v fits a rule's value r, at any level of detail (PETRARCH-2
 * masks the lower hex digits: 195 fits a rule on 190). */
static bool fits(int32_t v, int32_t r)
{
	if (v == r)
		return true;
	if (v < 0)
		return false;
	return r == v - v % 0x10 || r == v - v % 0x100 || r == v - v % 0x1000;
}

/* Binds variable x to actor id (0 none; which is 'a', 'b' or 'c'): '_' wants no actor, '.'
 * any, a letter the same actor as before or one not yet bound. */
static bool bind(char x, uint32_t id, char which, char vars[26], uint32_t ids[26])
{
	if (x == '.')
		return true;
	if (x == '_')
		return !id;
	if (!id)
		return false;
	int k = x - 'a';
	if (vars[k])
		return ids[k] == id;
	for (int j = 0; j < 26; j++)
		if (vars[j] && ids[j] == id)
			return false; /* the same actor as another variable */
	vars[k] = which;
	ids[k] = id;
	return true;
}

static char out_actor(char x, const char vars[26])
{
	return x >= 'a' && x <= 'z' ? vars[x - 'a'] : 0;
}

bool p2_transform_apply(const dyad_dict *d, const p2_nest *n, char *src, char *tgt,
                        char code[8])
{
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < d->p2_transforms.len; i++) {
			const p2_transform *t = &VEC_AT(d->p2_transforms, p2_transform, i);
			if ((pass == 0) != (t->lower >= 0) || !fits(n->upper, t->upper) ||
			    (t->lower >= 0 && !fits(n->lower, t->lower)))
				continue;
			char vars[26] = {0};
			uint32_t ids[26] = {0};
			if (!bind(t->src, n->a, 'a', vars, ids) || !bind(t->lsrc, n->b, 'b', vars, ids) ||
			    (n->c && !bind(t->ltgt, n->c, 'c', vars, ids)) || (!n->c && t->ltgt != '_' &&
			                                                        t->ltgt != '.'))
				continue;
			*src = out_actor(t->osrc, vars);
			*tgt = out_actor(t->otgt, vars);
			snprintf(code, 8, "%s", t->code);
			return true;
		}
	return false;
}
