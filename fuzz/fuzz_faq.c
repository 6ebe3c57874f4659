/* fuzz_faq.c - libFuzzer target: arbitrary bytes as an article (the first line as its
 * title) answered by the FAQ with the default dictionaries, written in both formats. */
#include "dyad.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_dict *dict;
	static dyad_faq *faq;
	static FILE *null;
	if (!dict) {
		if (dyad_dict_load(NULL, NULL, &dict, NULL) != DYAD_OK ||
		    dyad_faq_new(dict, &faq) != DYAD_OK)
			abort();
		null = fopen("/dev/null", "w");
	}
	const char *text = (const char *)data;
	const char *nl = memchr(text, '\n', size);
	size_t title_len = nl ? (size_t)(nl - text) : 0;
	dyad_doc doc = {.id = "fuzz", .date = 19675, .title = text, .title_len = title_len,
	                .text = nl ? nl + 1 : text, .text_len = nl ? size - title_len - 1 : size};
	if (dyad_faq_answer(faq, &doc, NULL) == DYAD_OK &&
	    (dyad_faq_write(null, DYAD_FAQ_JSONL, faq, &doc) != DYAD_OK ||
	     dyad_faq_write(null, DYAD_FAQ_MARKDOWN, faq, &doc) != DYAD_OK))
		abort();
	return 0;
}
