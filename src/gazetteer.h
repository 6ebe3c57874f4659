/* gazetteer.h - place names for the FAQ's "where": the GeoNames cities table generated at build
 * time (tools/gazgen.c) and a lookup by normalised name. */
#ifndef DYAD_GAZETTEER_H
#define DYAD_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

typedef struct gaz_city {
	const char *name;     /* "Mazari Sharif" */
	const char *admin1;   /* "Balkh", may be "" */
	const char *cc;       /* ISO 3166-1 alpha-2 */
	const char *country;  /* "Afghanistan" */
	uint32_t population;
	double lat, lon;
} gaz_city;

extern const gaz_city dyad_gaz_cities[];
extern const size_t dyad_gaz_city_count;

#endif
