/*
 * guard-name.c -- whether a word of a reply is somebody's name: the
 * customer's, anyone's in the thread, or the shop's own; a name matches
 * whole, by its start, or one edit away for a long one.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "util.h"

/* Whether a name word a matches a word b of someone's name. */
static int
guard_name_match(const struct guard_word *a, const struct guard_word *b)
{
	size_t	n = a->n < b->n ? a->n : b->n;

	if (a->n == b->n && memcmp(a->cp, b->cp, n * sizeof *a->cp) == 0)
		return 1;
	if (n >= 3 && memcmp(a->cp, b->cp, n * sizeof *a->cp) == 0)
		return 1;
	if (a->script == GUARD_SCRIPT_CJK && b->script == GUARD_SCRIPT_CJK &&
	    strstr(b->key, a->key) != NULL)
		return 1;
	return n >= 5 && guard_distance(a->cp, a->n, b->cp, b->n, 1) <= 1;
}

/* Whether a word matches a word of one name (a display name or handle). */
int
guard_name_has(const char *name, const struct guard_word *g)
{
	struct guard_words	 w;
	char			*copy, *p;
	size_t			 i;
	int			 found = 0;

	if (name == NULL)
		return 0;
	copy = xstrdup(name);
	for (p = copy; *p != '\0'; p++) {
		if (*p == '@' || *p == '.' || *p == '_' || *p == '-' ||
		    (*p >= '0' && *p <= '9'))
			*p = ' ';
	}
	guard_words_split(copy, &w);
	for (i = 0; i < w.n && !found; i++)
		found = guard_name_match(g, &w.v[i]);
	guard_words_free(&w);
	free(copy);
	return found;
}

/* Whether a word is a name of the customer or of anyone in the thread. */
int
guard_known_name(const struct guard_input *in, const struct guard_word *g)
{
	struct guard_word	 h;
	size_t			 i;

	if (g->handle) {
		/* "@bob.smith": its first part, as a name. */
		memcpy(&h, g, sizeof h);
		for (i = 0; i < h.n && h.cp[i] != '.' && h.cp[i] != '_'; i++)
			;
		h.n = i;
		h.handle = 0;
		g = &h;
	}
	if (g->n == 0)
		return 0;
	if (guard_name_has(in->customer_name, g) ||
	    guard_name_has(in->customer_handle, g))
		return 1;
	for (i = 0; i < in->nthread_names; i++) {
		if (guard_name_has(in->thread_names[i], g))
			return 1;
	}
	return 0;
}
