/* faq.h - what the FAQ writer (faq_output.c) needs from the FAQ engine (faq.c). */
#ifndef DYAD_FAQ_INTERNAL_H
#define DYAD_FAQ_INTERNAL_H

#include "internal.h"

/* The dictionary the FAQ engine borrows (for code names in the output). */
DYAD_HIDDEN const dyad_dict *faq_dict(const dyad_faq *faq);

#endif
