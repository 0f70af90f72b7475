/*
 * guard-name.c -- whether a word of a reply is somebody's name: the
 * customer's, anyone's in the thread, or the shop's own.
 *
 * Names are compared folded: without case, without accents ("Hélène" is
 * "Helene", "Ștefan" is "Stefan"), and in Arabic without the short
 * vowels, with one alef for the alefs with a hamza, ya for alef maqsura
 * and ha for ta marbuta, as people type them. A word is a word of a name
 * when it is the same, a short form of it or it of the word (see
 * guard_name_short). Nothing merely near a name is taken for it: a wrong
 * name close to the customer's ("Karen" to Karin) is the very mistake the
 * greeting check is there to catch.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "text.h"
#include "util.h"

/*
 * The base letters of the Latin-1 and Latin Extended-A letters from
 * U+00E0 to U+017F, or '?' for one that is kept as it is (æ, œ, ß, þ).
 */
static const char guard_name_latin[] =
    "aaaaaa?ceeeeiiiidnooooo?ouuuuy?y"
    "aaaaaaccccccccddddeeeeeeeeeegggg"
    "gggghhhhiiiiiiiiii??jjkk?lllllll"
    "lllnnnnnnnnnoooooo??rrrrrrssssss"
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/*
 * Endings that make another name of a whole one rather than a longer
 * form of a short one: "Anton" and "Antonia", "Paul" and "Paulina".
 */
static const char *const guard_name_ends[] = {
	"ia", "ie", "na", "ne", "la", "le", "ica", "ina", "ine", "ita",
	"ella", "elle", "ette", NULL
};

/*
 * Return the letter a folded code point stands for when names are
 * compared, or 0 for a mark that is left out (a combining accent, an
 * Arabic short vowel or the tatweel).
 */
uint32_t
guard_name_base(uint32_t c)
{
	if (c >= 0xe0 && c < 0x180 && guard_name_latin[c - 0xe0] != '?')
		return (unsigned char)guard_name_latin[c - 0xe0];
	if (c >= 0x218 && c <= 0x21b)
		return c < 0x21a ? 's' : 't';
	if ((c >= 0x300 && c <= 0x36f) || (c >= 0x610 && c <= 0x61a) ||
	    (c >= 0x64b && c <= 0x65f) || c == 0x670 || c == 0x640)
		return 0;
	if (c == 0x622 || c == 0x623 || c == 0x625 || c == 0x671)
		return 0x627;
	if (c == 0x649)
		return 0x64a;
	if (c == 0x629)
		return 0x647;
	return c;
}

/* Fold a word's letters for comparing into v; return how many. */
static size_t
guard_name_fold(const struct guard_word *g, uint32_t *v)
{
	size_t		i, n = 0;
	uint32_t	c;

	for (i = 0; i < g->n; i++) {
		if ((c = guard_name_base(g->cp[i])) != 0)
			v[n++] = c;
	}
	return n;
}

/* Write s folded as names are compared into out (size bytes), as UTF-8. */
void
guard_name_key(const char *s, char *out, size_t size)
{
	size_t		len = strlen(s), off = 0, o = 0;
	uint32_t	c;

	while (off < len && o + 5 <= size) {
		off += text_decode(s + off, len - off, &c);
		if ((c = guard_name_base(guard_fold(c))) != 0)
			o += text_encode(c, out + o);
	}
	if (size > 0)
		out[o] = '\0';
}

/* Whether a folded letter is a vowel (Latin, Greek or Cyrillic). */
static int
guard_name_vowel(uint32_t c)
{
	if (c < 0x80)
		return c != 0 && strchr("aeiouy", (int)c) != NULL;
	if ((c >= 0x3ac && c <= 0x3af) || (c >= 0x3cc && c <= 0x3ce))
		return 1;
	switch (c) {
	case 0x3b1: case 0x3b5: case 0x3b7: case 0x3b9: case 0x3bf:
	case 0x3c5: case 0x3c9:				/* α ε η ι ο υ ω */
	case 0x430: case 0x435: case 0x438: case 0x43e: case 0x443:
	case 0x44b: case 0x44d: case 0x44e: case 0x44f: case 0x451:
	case 0x454: case 0x456: case 0x457:		/* а е и о у ... */
		return 1;
	}
	return 0;
}

/*
 * Whether s is a short form of the longer name l: its first three
 * letters or more, stopping where a syllable may end (not between two
 * vowels), with at least two letters left over that are not only an
 * ending making another name of it. So "Sam" is Samantha's, "Alex"
 * Alexandra's and "Chris" Christina's; but "Ioan" is not Ioana's, nor
 * "Sara" Sarah's, "Paul" Paulina's or "Dani" Daniela's. A name that
 * misses only its last letter is another name (Carl and Carla, Ioan and
 * Ioana, Daniel and Daniela) far more often than a short form of it.
 */
static int
guard_name_short(const uint32_t *s, size_t ns, const uint32_t *l, size_t nl)
{
	char	rest[8];
	size_t	i;

	if (ns < 3 || nl < ns + 2 || memcmp(s, l, ns * sizeof *s) != 0)
		return 0;
	if (guard_name_vowel(s[ns - 1]) && guard_name_vowel(l[ns]))
		return 0;
	if (nl - ns >= sizeof rest)
		return 1;
	for (i = ns; i < nl; i++) {
		if (l[i] >= 0x80)
			return 1;
		rest[i - ns] = (char)l[i];
	}
	rest[nl - ns] = '\0';
	for (i = 0; guard_name_ends[i] != NULL; i++) {
		if (strcmp(rest, guard_name_ends[i]) == 0)
			return 0;
	}
	return 1;
}

/* Whether a name word a is a word b of someone's name. */
static int
guard_name_match(const struct guard_word *a, const struct guard_word *b)
{
	uint32_t	fa[GUARD_WORD_MAX], fb[GUARD_WORD_MAX];
	size_t		na, nb;

	if (a->script == GUARD_SCRIPT_CJK && b->script == GUARD_SCRIPT_CJK)
		return strstr(b->key, a->key) != NULL;
	na = guard_name_fold(a, fa);
	nb = guard_name_fold(b, fb);
	if (na == 0 || nb == 0)
		return 0;
	if (na == nb && memcmp(fa, fb, na * sizeof *fa) == 0)
		return 1;
	if (a->script != b->script || (a->script != GUARD_SCRIPT_LATIN &&
	    a->script != GUARD_SCRIPT_GREEK &&
	    a->script != GUARD_SCRIPT_CYRILLIC))
		return 0;
	return guard_name_short(fa, na, fb, nb) ||
	    guard_name_short(fb, nb, fa, na);
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

/* Whether an @handle is the whole of a handle ("@sarah_m88"), folded. */
static int
guard_name_handle(const char *name, const struct guard_word *g)
{
	struct guard_words	 w;
	char			*h;
	int			 found;

	if (name == NULL || *name == '\0')
		return 0;
	h = xprintf("%s%s", *name == '@' ? "" : "@", name);
	guard_words_split(h, &w);
	found = w.n == 1 && w.v[0].handle && strcmp(w.v[0].key, g->key) == 0;
	guard_words_free(&w);
	free(h);
	return found;
}

/*
 * Whether has(name, g) holds of the customer's name or handle, or of the
 * name of anyone else in the thread.
 */
static int
guard_names_any(const struct guard_input *in,
    int (*has)(const char *, const struct guard_word *),
    const struct guard_word *g)
{
	size_t	i;

	if (has(in->customer_name, g) || has(in->customer_handle, g))
		return 1;
	for (i = 0; i < in->nthread_names; i++) {
		if (has(in->thread_names[i], g))
			return 1;
	}
	return 0;
}

/* Whether a word is a name of the customer or of anyone in the thread. */
int
guard_known_name(const struct guard_input *in, const struct guard_word *g)
{
	struct guard_word	 h;
	size_t			 i;

	if (g->handle) {
		if (guard_name_handle(in->customer_handle, g))
			return 1;
		for (i = 0; i < in->nthread_names; i++) {
			if (guard_name_handle(in->thread_names[i], g))
				return 1;
		}
		/* "@bob.smith", "@bob_88": its first letters, as a name. */
		memcpy(&h, g, sizeof h);
		for (i = 0; i < h.n && guard_script(h.cp[i]) !=
		    GUARD_SCRIPT_NONE && guard_script(h.cp[i]) !=
		    GUARD_SCRIPT_DIGIT; i++)
			;
		h.n = i;
		h.handle = 0;
		g = &h;
	}
	if (g->n == 0)
		return 0;
	return guard_names_any(in, guard_name_has, g);
}

/* Whether one name has a word at most two edits from g's. */
static int
guard_name_near(const char *name, const struct guard_word *g)
{
	struct guard_words	w;
	size_t			i;
	int			found = 0;

	if (name == NULL)
		return 0;
	guard_words_split(name, &w);
	for (i = 0; i < w.n && !found; i++)
		found = w.v[i].n >= 3 && guard_distance(w.v[i].cp, w.v[i].n,
		    g->cp, g->n, 2) <= 2;
	guard_words_free(&w);
	return found;
}

/*
 * Whether a word is close to a name of the customer's or of anyone's in
 * the thread (two edits at most: "Karen" to Karin): an attempt at that
 * name, whatever else the word may mean.
 */
int
guard_near_name(const struct guard_input *in, const struct guard_word *g)
{
	return g->n >= 3 && guard_names_any(in, guard_name_near, g);
}

/* Whether one name has a word in a script. */
static int
guard_name_in_script(const char *name, int script)
{
	struct guard_words	w;
	size_t			i;
	int			found = 0;

	if (name == NULL)
		return 0;
	guard_words_split(name, &w);
	for (i = 0; i < w.n && !found; i++)
		found = w.v[i].script == script;
	guard_words_free(&w);
	return found;
}

/*
 * Whether the customer or anyone in the thread has a name (or handle)
 * written in a script: a name in another script cannot be compared
 * ("周女士" with "Zhou Min").
 */
int
guard_names_script(const struct guard_input *in, int script)
{
	size_t	i;

	if (guard_name_in_script(in->customer_name, script) ||
	    guard_name_in_script(in->customer_handle, script))
		return 1;
	for (i = 0; i < in->nthread_names; i++) {
		if (guard_name_in_script(in->thread_names[i], script))
			return 1;
	}
	return 0;
}
