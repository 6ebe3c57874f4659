/* fuzz_dict.c - libFuzzer target: arbitrary bytes as a dictionary file. */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *name = "fuzz.txt";
	const char *text = (const char *)data;
	dyad_dict *d = NULL;
	if (dyad_dict_load_buffers(1, &name, &text, &size, NULL, &d, NULL) == DYAD_OK)
		dyad_dict_free(d);
	return 0;
}
