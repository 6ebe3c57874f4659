/* fuzz_compat.c - libFuzzer target: arbitrary bytes as a TABARI and a PETRARCH file of each
 * kind (verbs, actors, agents, discards) through the translators. */
#include "dyad.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The translators read files: the input goes to one under both kinds of name. */
	char tab[] = "/tmp/dyad-fuzz-XXXXXX";
	int fd = mkstemp(tab);
	if (fd < 0)
		return 0;
	FILE *f = fdopen(fd, "wb");
	if (!f) {
		close(fd);
		unlink(tab);
		return 0;
	}
	fwrite(data, 1, size, f);
	fclose(f);
	char txt[64];
	snprintf(txt, sizeof txt, "%s.txt", tab);
	if (link(tab, txt) != 0) {
		unlink(tab);
		return 0;
	}
	const char *names[2] = {tab, txt};
	for (int i = 0; i < 2; i++) {
		const char *actors[1] = {names[i]};
		dyad_compat_files cf = {.verbs = names[i],
		                        .actors = actors,
		                        .nactors = 1,
		                        .agents = names[i],
		                        .discards = names[i]};
		dyad_dict *d = NULL;
		if (dyad_compat_load(&cf, NULL, &d, NULL, NULL) == DYAD_OK)
			dyad_dict_free(d);
	}
	unlink(txt);
	unlink(tab);
	return 0;
}
