/* output.c - event writers: JSON Lines (one object per event) and TSV (a header line, then
 * one row per event). Field names and columns are documented in doc/output.md. */
#include "internal.h"

#include <string.h>

void json_str(FILE *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	fputc('"', out);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(s + run, 1, i - run, out);
		run = i + 1;
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		default:
			fputs("\\u00", out);
			fputc(hex[c >> 4], out);
			fputc(hex[c & 15], out);
		}
	}
	fwrite(s + run, 1, n - run, out);
	fputc('"', out);
}

void json_cstr(FILE *out, const char *s)
{
	if (!s)
		fputs("null", out);
	else
		json_str(out, s, strlen(s));
}

static void tsv_str(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, out);
	}
}

static void tsv_cstr(FILE *out, const char *s)
{
	if (s)
		tsv_str(out, s, strlen(s));
}

static const char *field_text(const dyad_doc *doc, int field, size_t *len)
{
	*len = field ? doc->title_len : doc->text_len;
	return field ? doc->title : doc->text;
}

static const char *const columns[] = {
    "doc", "date", "sentence", "field", "source", "target", "code", "root", "quad",
    "goldstein", "plover", "source_text", "target_text", "verb_text", "sentence_start",
    "sentence_end", "source_start", "source_end", "target_start", "target_end",
    "verb_start", "verb_end", "source_entry", "target_entry", "pattern", "pattern_entry",
    "passive", "reciprocal", "compound", "noun", "reported", NULL};

void dyad_write_tsv_header(FILE *out)
{
	for (int i = 0; columns[i]; i++) {
		if (i)
			fputc('\t', out);
		fputs(columns[i], out);
	}
	fputc('\n', out);
}

dyad_status dyad_write_event(FILE *out, dyad_output_format format, const dyad_doc *doc,
                             const dyad_event *e)
{
	if (!out || !doc || !e)
		return DYAD_EINVAL;
	size_t tlen;
	const char *text = field_text(doc, e->field, &tlen);
	if (!text || e->sentence_span.end > tlen || e->source_span.end > tlen ||
	    e->target_span.end > tlen || e->verb_span.end > tlen)
		return DYAD_EINVAL;
	char date[11];
	dyad_date_format(e->date, date);
	const dyad_span spans[4] = {e->sentence_span, e->source_span, e->target_span, e->verb_span};
	unsigned bits[5] = {DYAD_EVENT_PASSIVE, DYAD_EVENT_RECIPROCAL, DYAD_EVENT_COMPOUND,
	                    DYAD_EVENT_NOUN, DYAD_EVENT_REPORTED};
	if (format == DYAD_OUTPUT_TSV) {
		tsv_cstr(out, e->doc);
		fprintf(out, "\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\t", date, e->sentence,
		        e->field ? "title" : "text", e->source, e->target, e->code, e->root, e->quad,
		        e->goldstein, e->plover ? e->plover : "-");
		for (int i = 1; i < 4; i++) {
			tsv_str(out, text + spans[i].start, spans[i].end - spans[i].start);
			fputc('\t', out);
		}
		for (int i = 0; i < 4; i++)
			fprintf(out, "%zu\t%zu\t", spans[i].start, spans[i].end);
		tsv_cstr(out, e->source_entry);
		fputc('\t', out);
		tsv_cstr(out, e->target_entry);
		fputc('\t', out);
		tsv_cstr(out, e->pattern);
		fputc('\t', out);
		tsv_cstr(out, e->pattern_entry);
		for (int i = 0; i < 5; i++)
			fprintf(out, "\t%d", (e->flags & bits[i]) ? 1 : 0);
		fputc('\n', out);
		return ferror(out) ? DYAD_EIO : DYAD_OK;
	}
	fputs("{\"doc\":", out);
	json_cstr(out, e->doc);
	fprintf(out,
	        ",\"date\":\"%s\",\"sentence\":%d,\"field\":\"%s\",\"source\":\"%s\","
	        "\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%s\",\"quad\":%d,\"goldstein\":%.1f,"
	        "\"plover\":",
	        date, e->sentence, e->field ? "title" : "text", e->source, e->target, e->code,
	        e->root, e->quad, e->goldstein);
	json_cstr(out, e->plover);
	static const char *const names[4] = {"sentence", "source", "target", "verb"};
	for (int i = 1; i < 4; i++) {
		fprintf(out, ",\"%s_text\":", names[i]);
		json_str(out, text + spans[i].start, spans[i].end - spans[i].start);
	}
	for (int i = 0; i < 4; i++)
		fprintf(out, ",\"%s_start\":%zu,\"%s_end\":%zu", names[i], spans[i].start, names[i],
		        spans[i].end);
	fputs(",\"source_entry\":", out);
	json_cstr(out, e->source_entry);
	fputs(",\"target_entry\":", out);
	json_cstr(out, e->target_entry);
	fputs(",\"pattern\":", out);
	json_cstr(out, e->pattern);
	fputs(",\"pattern_entry\":", out);
	json_cstr(out, e->pattern_entry);
	static const char *const flagnames[5] = {"passive", "reciprocal", "compound", "noun",
	                                         "reported"};
	for (int i = 0; i < 5; i++)
		fprintf(out, ",\"%s\":%s", flagnames[i], (e->flags & bits[i]) ? "true" : "false");
	fputs("}\n", out);
	return ferror(out) ? DYAD_EIO : DYAD_OK;
}
