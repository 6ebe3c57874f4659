/* fuzz_code.c - libFuzzer target: arbitrary bytes as an article coded with the default
 * dictionaries, events written as JSON Lines. */
#include "dyad.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_dict *dict;
	static dyad_coder *coder;
	static FILE *null;
	if (!dict) {
		if (dyad_dict_load(NULL, NULL, &dict, NULL) != DYAD_OK ||
		    dyad_coder_new(dict, &(dyad_coder_options){.explain = 1}, &coder) != DYAD_OK)
			abort();
		null = fopen("/dev/null", "w");
	}
	dyad_doc doc = {.id = "fuzz", .date = 19675, .text = (const char *)data, .text_len = size};
	if (dyad_coder_code(coder, &doc, NULL) == DYAD_OK)
		for (size_t i = 0; i < dyad_coder_event_count(coder); i++)
			if (dyad_write_event(null, DYAD_OUTPUT_JSONL, &doc, dyad_coder_event(coder, i)))
				abort();
	return 0;
}
