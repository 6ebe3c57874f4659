/* faq_output.c - FAQ writers: a readable Markdown `FAQ` section and one JSON object per
 * document (JSON Lines). The fields are documented in doc/faq.md. */
#include "faq.h"

#include <stdbool.h>
#include <string.h>

static const char *field_text(const dyad_doc *doc, int field)
{
	return field ? doc->title : doc->text;
}

/* Writes s with its white space runs (newlines too) folded to single spaces. */
static void put_folded(FILE *out, const char *s, size_t n)
{
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			space = true;
			continue;
		}
		if (space)
			fputc(' ', out);
		space = false;
		fputc(c, out);
	}
}

static void json_item(FILE *out, const dyad_faq *faq, const dyad_doc *doc, dyad_faq_question q,
                      const dyad_faq_item *it)
{
	fputs("{\"text\":", out);
	json_cstr(out, it->text);
	fputs(",\"evidence\":", out);
	json_str(out, field_text(doc, it->field) + it->evidence.start,
	         it->evidence.end - it->evidence.start);
	fprintf(out, ",\"field\":\"%s\",\"sentence\":%d,\"start\":%zu,\"end\":%zu",
	        it->field ? "title" : "text", it->sentence, it->span.start, it->span.end);
	if (it->code[0]) {
		fputs(",\"code\":", out);
		json_cstr(out, it->code);
		const dyad_code_info *ci = q == DYAD_FAQ_WHAT ? dyad_dict_code(faq_dict(faq), it->code)
		                                              : NULL;
		if (ci) {
			fputs(",\"event\":", out);
			json_cstr(out, ci->name);
		}
	}
	if (it->date != INT32_MIN) {
		char d[11];
		dyad_date_format(it->date, d);
		fprintf(out, ",\"date\":\"%s\",\"grain\":\"%s\"", d, it->grain ? it->grain : "day");
	}
	if (it->duration[0])
		fprintf(out, ",\"duration\":\"%s\"", it->duration);
	if (it->country[0])
		fprintf(out, ",\"country\":\"%s\"", it->country);
	if (it->has_coords)
		fprintf(out, ",\"lat\":%.4f,\"lon\":%.4f", it->lat, it->lon);
	fputs(",\"rule\":", out);
	json_cstr(out, it->rule);
	fputc('}', out);
}

static void write_jsonl(FILE *out, const dyad_faq *faq, const dyad_doc *doc)
{
	char date[11];
	dyad_date_format(doc->date, date);
	fputs("{\"doc\":", out);
	json_cstr(out, doc->id);
	fprintf(out, ",\"date\":\"%s\"", date);
	if (doc->title && doc->title_len) {
		fputs(",\"title\":", out);
		json_str(out, doc->title, doc->title_len);
	}
	fputs(",\"answers\":{", out);
	for (int q = 0; q < DYAD_FAQ_QUESTIONS; q++) {
		fprintf(out, "%s\"%s\":[", q ? "," : "", dyad_faq_question_name((dyad_faq_question)q));
		for (size_t i = 0; i < dyad_faq_count(faq, (dyad_faq_question)q); i++) {
			if (i)
				fputc(',', out);
			json_item(out, faq, doc, (dyad_faq_question)q,
			          dyad_faq_get(faq, (dyad_faq_question)q, i));
		}
		fputc(']', out);
	}
	fputs("},\"durations\":[", out);
	for (size_t i = 0; i < dyad_faq_duration_count(faq); i++) {
		if (i)
			fputc(',', out);
		json_item(out, faq, doc, DYAD_FAQ_WHEN, dyad_faq_duration(faq, i));
	}
	fputs("],\"questions\":[", out);
	for (size_t i = 0; i < dyad_faq_followup_count(faq); i++) {
		fprintf(out, "%s{\"question\":", i ? "," : "");
		json_cstr(out, dyad_faq_followup_question(faq, i));
		fputs(",\"answers\":[", out);
		const dyad_faq_item *it = dyad_faq_followup_answer(faq, i);
		if (it)
			json_item(out, faq, doc, DYAD_FAQ_WHO, it);
		fputs("]}", out);
	}
	fputs("]}\n", out);
}

static const char *const titles[DYAD_FAQ_QUESTIONS] = {"Who?", "What?", "When?",
                                                       "Where?", "Why?", "How?"};

static void md_evidence(FILE *out, const dyad_doc *doc, const dyad_faq_item *it)
{
	fputs("> ", out);
	put_folded(out, field_text(doc, it->field) + it->evidence.start,
	           it->evidence.end - it->evidence.start);
	fprintf(out, " (%s, sentence %d)\n\n", it->field ? "title" : "text", it->sentence);
}

static void md_answer(FILE *out, const dyad_faq *faq, dyad_faq_question q,
                      const dyad_faq_item *it)
{
	put_folded(out, it->text, strlen(it->text));
	if (q == DYAD_FAQ_WHAT && it->code[0]) {
		const dyad_code_info *ci = dyad_dict_code(faq_dict(faq), it->code);
		fprintf(out, " (CAMEO %s%s%s)", it->code, ci ? ", " : "", ci ? ci->name : "");
	} else if (it->code[0]) {
		fprintf(out, " (%s)", it->code);
	}
	if (it->date != INT32_MIN && q == DYAD_FAQ_WHEN) {
		char d[11];
		dyad_date_format(it->date, d);
		fprintf(out, " → %s%s%s", d, it->grain && strcmp(it->grain, "day") ? ", a " : "",
		        it->grain && strcmp(it->grain, "day") ? it->grain : "");
	}
	if (it->country[0])
		fprintf(out, " (%s%s", it->country, it->has_coords ? "" : ")");
	if (it->country[0] && it->has_coords)
		fprintf(out, ", %.2f, %.2f)", it->lat, it->lon);
}

static void write_markdown(FILE *out, const dyad_faq *faq, const dyad_doc *doc)
{
	char date[11];
	dyad_date_format(doc->date, date);
	fprintf(out, "## FAQ: %s (%s)\n\n", doc->id, date);
	for (int qi = 0; qi < DYAD_FAQ_QUESTIONS; qi++) {
		dyad_faq_question q = (dyad_faq_question)qi;
		fprintf(out, "**%s** ", titles[qi]);
		const dyad_faq_item *it = dyad_faq_get(faq, q, 0);
		if (!it) {
			fputs("Not stated.\n\n", out);
			continue;
		}
		if (q == DYAD_FAQ_WHEN && it->span.start == it->span.end) {
			dyad_date_format(it->date, date);
			fprintf(out, "Not stated in the text; the article is dated %s.\n\n", date);
			continue;
		}
		md_answer(out, faq, q, it);
		/* several actors of one event are one answer */
		size_t n = 1;
		if (q == DYAD_FAQ_WHO)
			while (n < dyad_faq_count(faq, q) && dyad_faq_get(faq, q, n)->sentence == it->sentence &&
			       !strcmp(dyad_faq_get(faq, q, n)->rule, it->rule) &&
			       !strcmp(it->rule, "the source of the main event")) {
				fputs(" and ", out);
				md_answer(out, faq, q, dyad_faq_get(faq, q, n));
				n++;
			}
		fputs("\n\n", out);
		md_evidence(out, doc, it);
	}
	for (size_t i = 0; i < dyad_faq_duration_count(faq); i++) {
		const dyad_faq_item *it = dyad_faq_duration(faq, i);
		fputs("**For how long?** ", out);
		put_folded(out, it->text, strlen(it->text));
		fprintf(out, " (a duration, %s)\n\n", it->duration);
		md_evidence(out, doc, it);
	}
	for (size_t i = 0; i < dyad_faq_followup_count(faq); i++) {
		const dyad_faq_item *it = dyad_faq_followup_answer(faq, i);
		fputs("**", out);
		const char *qt = dyad_faq_followup_question(faq, i);
		put_folded(out, qt, strlen(qt));
		fputs("** ", out);
		if (!it) {
			fputs("Not stated.\n\n", out);
			continue;
		}
		md_answer(out, faq, DYAD_FAQ_WHO, it);
		fputs("\n\n", out);
		md_evidence(out, doc, it);
	}
}

dyad_status dyad_faq_write(FILE *out, dyad_faq_format format, const dyad_faq *faq,
                           const dyad_doc *doc)
{
	if (!out || !faq || !doc)
		return DYAD_EINVAL;
	if (format == DYAD_FAQ_JSONL)
		write_jsonl(out, faq, doc);
	else
		write_markdown(out, faq, doc);
	return ferror(out) ? DYAD_EIO : DYAD_OK;
}
