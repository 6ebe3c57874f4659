/* gazetteer.h - place names for the FAQ's "where": the GeoNames cities table generated at build
 * time from Debian's libgeonames0 (tools/gazgen.c) and an index by normalised name. */
#ifndef DYAD_GAZETTEER_H
#define DYAD_GAZETTEER_H

#include "internal.h"

typedef struct gaz_city {
	const char *name;     /* "Mazari Sharif" */
	const char *admin1;   /* "Balkh", may be "" */
	const char *cc;       /* ISO 3166-1 alpha-2 */
	const char *country;  /* "Afghanistan" */
	uint32_t population;
	double lat, lon;
} gaz_city;

/* The generated table (empty when the package was missing at build time). */
extern const gaz_city dyad_gaz_cities[];
extern const size_t dyad_gaz_city_count;

/* The index: normalised name (words folded and joined without spaces) -> 1 + city index,
 * bit 31 set when the name is the city's region (admin1) rather than the city. */
typedef struct gazetteer {
	const char **keys;
	uint32_t *vals;
	size_t nslots;
	strpool pool;
	char iso3[26 * 26][4]; /* ISO alpha-2 -> alpha-3, through the dictionary's country names */
} gazetteer;

#define GAZ_CITY(v) ((size_t)((v) & 0x7fffffffu) - 1)
#define GAZ_ADMIN(v) (((v) & 0x80000000u) != 0)

/* Builds the index (a few milliseconds); g is zeroed first and freed with gazetteer_free. */
DYAD_HIDDEN dyad_status gazetteer_build(gazetteer *g, const dyad_dict *dict);
DYAD_HIDDEN void gazetteer_free(gazetteer *g);
/* The value of normalised key[0..n), 0 when absent. */
DYAD_HIDDEN uint32_t gazetteer_find(const gazetteer *g, const char *key, size_t n);
/* The alpha-3 code of an alpha-2 country code ("" when unknown); static storage in g. */
DYAD_HIDDEN const char *gazetteer_iso3(const gazetteer *g, const char *cc);
/* The actor entry that a dictionary phrase starting at ids[0] names, by longest match in the
 * actor trie, accepting the atom kinds in the kinds mask (1 << atom_kind); *end is its
 * length. flags (may be NULL) are the tokens' TF_* for phrases that need capitals. */
DYAD_HIDDEN const actor_entry *gazetteer_dict_phrase(const dyad_dict *d, const uint32_t *ids,
                                                     const uint16_t *flags, size_t n,
                                                     unsigned kinds, size_t *end);

#endif
