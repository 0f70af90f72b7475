/*
 * guard-word.c -- the words of a reply for the guard: where each is (in
 * bytes), its letters folded to lower case (Latin, Greek and Cyrillic)
 * or to one form of each letter (Arabic, whose vowel marks are left
 * out), its script, and whether it is an @handle, begins with a capital
 * or holds digits.
 *
 * An apostrophe or a hyphen ends a word ("Burberry's" is "Burberry" and
 * "s"), and so does a change of script ("感谢Tulip" is two words).
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "text.h"
#include "util.h"

/* Return the script of a code point (GUARD_SCRIPT_NONE: no letter). */
int
guard_script(uint32_t c)
{
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			return GUARD_SCRIPT_LATIN;
		return c >= '0' && c <= '9' ? GUARD_SCRIPT_DIGIT :
		    GUARD_SCRIPT_NONE;
	}
	if (c == 0xd7 || c == 0xf7 || c < 0xc0)
		return GUARD_SCRIPT_NONE;
	if (c <= 0x24f || (c >= 0x1e00 && c <= 0x1eff))
		return GUARD_SCRIPT_LATIN;
	if (c >= 0x300 && c <= 0x36f)
		return GUARD_SCRIPT_LATIN;	/* combining marks */
	if (c >= 0x370 && c <= 0x3ff)
		return c == 0x37e || c == 0x387 ? GUARD_SCRIPT_NONE :
		    GUARD_SCRIPT_GREEK;
	if (c >= 0x400 && c <= 0x52f)
		return GUARD_SCRIPT_CYRILLIC;
	if (c >= 0x660 && c <= 0x669)
		return GUARD_SCRIPT_DIGIT;
	if (c == 0x60c || c == 0x61b || c == 0x61f || c == 0x6d4 ||
	    (c >= 0x66a && c <= 0x66d))
		return GUARD_SCRIPT_NONE;	/* Arabic punctuation */
	if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) ||
	    (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc))
		return GUARD_SCRIPT_ARABIC;
	if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff))
		return GUARD_SCRIPT_CJK;
	if (c >= 0x530 && c <= 0x1fff)
		return GUARD_SCRIPT_OTHER;
	return GUARD_SCRIPT_NONE;
}

/* Fold a Latin-1 or Latin Extended-A capital; c itself if none. */
static uint32_t
guard_fold_latin(uint32_t c)
{
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return c + 0x20;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177) ||
	    (c >= 0x218 && c <= 0x21b))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
		return (c & 1) ? c + 1 : c;
	if (c == 0x178)
		return 0xff;
	return c;
}

/*
 * Fold an Arabic letter to the form it is compared in: alef with a hamza
 * or a madda (أ إ آ ٱ) to alef, alef maksura (ى) and the Persian ya (ی)
 * to ya, the Persian kaf (ک) to kaf. People write them either way.
 */
static uint32_t
guard_fold_arabic(uint32_t c)
{
	if (c == 0x622 || c == 0x623 || c == 0x625 || c == 0x671)
		return 0x627;
	if (c == 0x649 || c == 0x6cc)
		return 0x64a;
	if (c == 0x6a9)
		return 0x643;
	return c;
}

/*
 * Whether a code point is an Arabic vowel mark or the tatweel that
 * stretches a word: written or not, the word is the same.
 */
static int
guard_arabic_mark(uint32_t c)
{
	return (c >= 0x610 && c <= 0x61a) || (c >= 0x64b && c <= 0x65f) ||
	    c == 0x670 || c == 0x640 || (c >= 0x6d6 && c <= 0x6dc) ||
	    (c >= 0x6df && c <= 0x6e4) || c == 0x6e7 || c == 0x6e8 ||
	    (c >= 0x6ea && c <= 0x6ed);
}

/*
 * Fold a code point to lower case, for Latin, Greek and Cyrillic, and an
 * Arabic letter to its plain form. The Romanian s and t with a cedilla
 * (as old keyboards type them) fold to the ones with a comma below, and
 * a final sigma to a sigma.
 */
uint32_t
guard_fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 0x20;
	if (c < 0x80)
		return c;
	if (c >= 0x600 && c <= 0x6ff)
		return guard_fold_arabic(c);
	c = guard_fold_latin(c);
	if (c == 0x15f)
		return 0x219;
	if (c == 0x163)
		return 0x21b;
	if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2)
		return c + 0x20;
	if (c == 0x386)
		return 0x3ac;
	if (c >= 0x388 && c <= 0x38a)
		return c + 37;
	if (c == 0x38c)
		return 0x3cc;
	if (c == 0x38e || c == 0x38f)
		return c + 63;
	if (c == 0x3c2)
		return 0x3c3;
	if (c >= 0x410 && c <= 0x42f)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	return c;
}

/* Whether a code point is a capital letter (one that folds to another). */
int
guard_is_upper(uint32_t c)
{
	return c < 0x600 && guard_fold(c) != c && c != 0x3c2 && c != 0x15f &&
	    c != 0x163;
}

/* Start a word at byte off of the given script. */
static struct guard_word *
guard_word_start(struct guard_words *w, size_t *cap, size_t off, int script)
{
	struct guard_word	*g;

	if (w->n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		w->v = xreallocarray(w->v, *cap, sizeof *w->v);
	}
	g = &w->v[w->n++];
	memset(g, 0, sizeof *g);
	g->start = off;
	g->script = script;
	return g;
}

/* Add a code point to a word. */
static void
guard_word_add(struct guard_word *g, uint32_t c, int script)
{
	if (script == GUARD_SCRIPT_DIGIT)
		g->digits = 1;
	else {
		if (g->letters == 0 && !g->handle && guard_is_upper(c))
			g->upper = 1;
		g->letters++;
		if (g->script == GUARD_SCRIPT_DIGIT)
			g->script = script;
	}
	if (g->n < GUARD_WORD_MAX)
		g->cp[g->n++] = guard_fold(c);
}

/* Make a word's key: its folded code points as UTF-8. */
static void
guard_word_key(struct guard_word *g)
{
	size_t	i, o = 0;

	for (i = 0; i < g->n; i++)
		o += text_encode(g->cp[i], g->key + o);
	g->key[o] = '\0';
}

/* Whether a word of one script may go on with a code point of another. */
static int
guard_same_word(const struct guard_word *g, int script)
{
	if (script == GUARD_SCRIPT_DIGIT || g->script == GUARD_SCRIPT_DIGIT)
		return g->script != GUARD_SCRIPT_CJK &&
		    script != GUARD_SCRIPT_CJK;
	return script == g->script;
}

/* Split a text into its words (free with guard_words_free). */
void
guard_words_split(const char *text, struct guard_words *w)
{
	struct guard_word	*g = NULL;
	size_t			 len = strlen(text), off = 0, used, cap = 0;
	uint32_t		 c;
	int			 script;

	memset(w, 0, sizeof *w);
	while (off < len) {
		used = text_decode(text + off, len - off, &c);
		script = guard_script(c);
		if (script == GUARD_SCRIPT_NONE && c == '@' && off + 1 < len &&
		    guard_script((unsigned char)text[off + 1]) !=
		    GUARD_SCRIPT_NONE) {
			g = guard_word_start(w, &cap, off, GUARD_SCRIPT_DIGIT);
			g->handle = 1;
		} else if (script == GUARD_SCRIPT_NONE && g != NULL &&
		    g->handle && (c == '.' || c == '_') && off + 1 < len &&
		    guard_script((unsigned char)text[off + 1]) !=
		    GUARD_SCRIPT_NONE)
			g->cp[g->n < GUARD_WORD_MAX ? g->n++ : g->n - 1] = c;
		else if (script == GUARD_SCRIPT_NONE)
			g = NULL;
		else if (g != NULL && g->script == GUARD_SCRIPT_ARABIC &&
		    guard_arabic_mark(c))
			;	/* in the word's bytes, not in its letters */
		else {
			if (g == NULL || !guard_same_word(g, script))
				g = guard_word_start(w, &cap, off, script);
			guard_word_add(g, c, script);
		}
		off += used;
		if (g != NULL)
			g->len = off - g->start;
	}
	for (off = 0; off < w->n; off++)
		guard_word_key(&w->v[off]);
}

/* Free the words of a text. */
void
guard_words_free(struct guard_words *w)
{
	free(w->v);
	w->v = NULL;
	w->n = 0;
}

/*
 * Whether text[from, to) between two words holds only what may join the
 * words of a name: spaces, "&", "+", "-", "/", a middle dot.
 */
int
guard_gap_joins(const char *text, size_t from, size_t to)
{
	size_t		off = from;
	uint32_t	c;

	while (off < to) {
		off += text_decode(text + off, to - off, &c);
		if (c != ' ' && c != '&' && c != '+' && c != '-' && c != '/' &&
		    c != 0xb7 && c != 0xa0)
			return 0;
	}
	return 1;
}

/* Write the folded key of a one-word string into key (size bytes). */
void
guard_key(const char *s, char *key, size_t size)
{
	struct guard_words	w;

	guard_words_split(s, &w);
	if (w.n > 0 && strlen(w.v[0].key) < size)
		memcpy(key, w.v[0].key, strlen(w.v[0].key) + 1);
	else if (size > 0)
		*key = '\0';
	guard_words_free(&w);
}

/*
 * The optimal string alignment distance of a and b (a swap of neighbours
 * is one edit), or more than most if it passes most.
 */
size_t
guard_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    size_t most)
{
	size_t	r[3][GUARD_WORD_MAX + 1], i, j, cost, v, low;

	if ((na > nb ? na - nb : nb - na) > most)
		return most + 1;
	for (j = 0; j <= nb; j++)
		r[0][j] = j;
	for (i = 1; i <= na; i++) {
		size_t	*cur = r[i % 3], *prev = r[(i - 1) % 3];
		size_t	*prev2 = r[(i + 1) % 3];

		cur[0] = i;
		low = i;
		for (j = 1; j <= nb; j++) {
			cost = a[i - 1] != b[j - 1];
			v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < low)
				low = v;
		}
		if (low > most)
			return most + 1;
	}
	return r[na % 3][nb];
}

/*
 * The letters of Latin-1 Supplement from U+00E0 and of Latin Extended-A
 * (U+0100 to U+017F) without their accents; '/' for the sign of division.
 */
static const char guard_base_latin1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
static const char guard_base_latin_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggg"
    "hhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttu"
    "uuuuuuuuuuuwwyyyzzzzzzs";
_Static_assert(sizeof guard_base_latin1 == 32 + 1, "U+00E0 to U+00FF");
_Static_assert(sizeof guard_base_latin_a == 128 + 1, "U+0100 to U+017F");

/*
 * The base of a folded code point, for comparing texts whatever their
 * accents: a Latin letter without its accent ("ș", "ñ", "é" are "s",
 * "n", "e"; "ß" is "s"), a Greek one without its tonos, "ё" as "е", the
 * forms of the Arabic alef as one, "ة" as "ه" and "ى" as "ي". 0 for what
 * is dropped: a combining mark, an Arabic vowel mark or a tatweel.
 */
uint32_t
guard_base(uint32_t c)
{
	static const uint32_t	greek[][2] = {
		{ 0x3ac, 0x3b1 }, { 0x3ad, 0x3b5 }, { 0x3ae, 0x3b7 },
		{ 0x3af, 0x3b9 }, { 0x3cc, 0x3bf }, { 0x3cd, 0x3c5 },
		{ 0x3ce, 0x3c9 }, { 0x3ca, 0x3b9 }, { 0x3cb, 0x3c5 },
		{ 0x390, 0x3b9 }, { 0x3b0, 0x3c5 }
	};
	size_t			i;

	if (c == 0xdf)
		return 's';
	if (c >= 0xe0 && c <= 0xff && c != 0xf7)
		return (unsigned char)guard_base_latin1[c - 0xe0];
	if (c >= 0x100 && c <= 0x17f)
		return (unsigned char)guard_base_latin_a[c - 0x100];
	if (c == 0x219 || c == 0x21b)
		return c == 0x219 ? 's' : 't';
	if ((c >= 0x300 && c <= 0x36f) || (c >= 0x64b && c <= 0x652) ||
	    c == 0x670 || c == 0x640)
		return 0;
	for (i = 0; i < nitems(greek); i++) {
		if (greek[i][0] == c)
			return greek[i][1];
	}
	if (c == 0x451)
		return 0x435;
	if (c == 0x622 || c == 0x623 || c == 0x625 || c == 0x671)
		return 0x627;
	if (c == 0x629)
		return 0x647;
	return c == 0x649 ? 0x64a : c;
}

/* Write a word's letters through guard_base into key, as big as g->key. */
void
guard_base_key(const struct guard_word *g, char *key)
{
	size_t		i, o = 0;
	uint32_t	c;

	for (i = 0; i < g->n; i++) {
		if ((c = guard_base(g->cp[i])) != 0)
			o += text_encode(c, key + o);
	}
	key[o] = '\0';
}
