/* sentence.c - the sentence splitter: sentence ends from terminal punctuation, paragraph
 * breaks and the token limit, keeping abbreviations (U.S., Gen., a.m.), initials, decimals
 * and closing quotes inside their sentence. */
#include "internal.h"

static bool opens_sentence(const token *t)
{
	if (t->flags & TF_CAP)
		return true;
	if (t->flags & TF_WORD)
		return false;
	/* A quote or parenthesis, or a digit-led token, may open a sentence. */
	return t->punct == '"' || t->punct == '(' || t->punct == '\'' || t->punct == '[';
}

dyad_status split_sentences(const token *tok, size_t n, const char *text, vec *out)
{
	(void)text;
	size_t first = 0;
	for (size_t i = 0; i < n; i++) {
		bool end = false;
		size_t last = i; /* last token of the sentence if it ends here */
		if (i + 1 < n && (tok[i + 1].flags & TF_PARA))
			end = true;
		else if ((tok[i].flags & TF_TERM) && !(tok[i].flags & TF_WORD)) {
			/* Swallow closing quotes and brackets, and runs of terminal marks. */
			while (last + 1 < n && !(tok[last + 1].flags & (TF_SPACE | TF_NL)) &&
			       (tok[last + 1].punct == '"' || tok[last + 1].punct == ')' ||
			        tok[last + 1].punct == '\'' || (tok[last + 1].flags & TF_TERM)))
				last++;
			if (last + 1 >= n || opens_sentence(&tok[last + 1]) ||
			    (tok[last + 1].flags & TF_NL))
				end = true;
			else if (tok[last + 1].flags & TF_WORD) {
				/* "... 5 percent. 2023 was" : digits after a space open a sentence. */
				const unsigned char c = (unsigned char)text[tok[last + 1].start];
				end = c >= '0' && c <= '9';
			}
		} else if ((tok[i].flags & TF_ABBR) && i + 1 < n &&
		           (tok[i + 1].flags & TF_NL) && opens_sentence(&tok[i + 1])) {
			end = true; /* "... the U.S.\nThe next" */
		}
		if (last + 1 - first >= DYAD_MAX_SENTENCE_TOKENS)
			end = true;
		if (end || last + 1 >= n) {
			uint32_t *p = vec_push(out, 2);
			if (!p)
				return DYAD_ENOMEM;
			p[0] = (uint32_t)first;
			p[1] = (uint32_t)(last + 1);
			first = last + 1;
			i = last;
		}
	}
	return DYAD_OK;
}
