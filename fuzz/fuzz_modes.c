/* fuzz_modes.c - libFuzzer target: arbitrary bytes as an article coded with the team's
 * TABARI, PETRARCH-1 and PETRARCH-2 fixture dictionaries, so that each foreign coding mode
 * (tabari-coding, petrarch1-coding, petrarch2-coding) and its options see every input.
 * Run from the top of the tree (make fuzz). */
#include "dyad.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FX "tests/fixtures/compat/"

static dyad_coder *mode_coder(const char *verbs, const char *actors, const char *agents,
                              const char *discards, dyad_compat_dialect dialect)
{
	const char *list[1] = {actors};
	dyad_compat_files f = {.verbs = verbs,
	                       .actors = list,
	                       .nactors = 1,
	                       .agents = agents,
	                       .discards = discards,
	                       .dialect = dialect};
	dyad_dict *d = NULL;
	dyad_coder *c = NULL;
	if (dyad_compat_load(&f, NULL, &d, NULL, NULL) != DYAD_OK ||
	    dyad_coder_new(d, &(dyad_coder_options){.explain = 1}, &c) != DYAD_OK)
		abort(); /* the fixtures load in make test; the dictionary lives as long as the run */
	return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static dyad_coder *coders[4];
	if (!coders[0]) {
		coders[0] = mode_coder(FX "y_tabari.verbs", FX "y_tabari.actors", FX "y_tabari.agents",
		                       NULL, DYAD_DIALECT_AUTO);
		coders[1] = mode_coder(FX "y_tabari.verbs", FX "y_tabari.actors", FX "y_tabari.agents",
		                       NULL, DYAD_DIALECT_TABARI);
		dyad_coder_set_missing_actors(coders[1], "DEFSRC", "DEFTAR");
		dyad_coder_set_code_all(coders[1], 1);
		coders[2] = mode_coder(FX "y_petrarch1.verbs.txt", FX "y_petrarch1.actors.txt",
		                       FX "y_petrarch1.agents.txt", NULL, DYAD_DIALECT_PETRARCH1);
		dyad_coder_set_missing_actors(coders[2], "---", "---");
		dyad_coder_set_comma_clauses(coders[2], &(dyad_comma_limits){2, 8, 2, 8, 1, 6});
		dyad_coder_set_new_actor_length(coders[2], 4);
		coders[3] = mode_coder(FX "y_petrarch2.nest.verbs.txt", FX "y_petrarch2.actors.txt",
		                       FX "y_petrarch2.agents.txt", FX "y_petrarch2.discards.txt",
		                       DYAD_DIALECT_PETRARCH2);
	}
	dyad_doc doc = {.id = "fuzz", .date = 9000, .text = (const char *)data, .text_len = size};
	for (int i = 0; i < 4; i++)
		if (dyad_coder_code(coders[i], &doc, NULL) == DYAD_OK)
			(void)dyad_coder_explain(coders[i]);
	return 0;
}
