/*
 * guard-near.c -- how near a word of a reply is to a protected word: the
 * word itself or its plural, one edit away (two for a long word), two
 * letters swapped, one doubled, the same letters in another order, a y
 * for the Dutch ij; and where, in a run of Chinese or Japanese without
 * spaces, a protected name is written one character off.
 *
 * Some words begin or end with the whole protected word and are still
 * not it: the word with an ending ("Patagonian", "natural" beside
 * "Natura", "Sommerwinde"), and in Arabic the word with a particle
 * written onto its front ("بالشاي", with tea). A slip of the finger adds
 * a letter at the end far less often than a language adds an ending, so
 * these are let be; a doubled last letter ("Burberryy") is not.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "util.h"

/* Whether a is b with two neighbouring letters swapped. */
static int
guard_swapped(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t	i;

	if (na != nb)
		return 0;
	for (i = 0; i < na && a[i] == b[i]; i++)
		;
	if (i + 1 >= na || a[i] != b[i + 1] || a[i + 1] != b[i])
		return 0;
	return memcmp(a + i + 2, b + i + 2, (na - i - 2) * sizeof *a) == 0;
}

/* Whether a is b with one of its letters doubled. */
static int
guard_doubled(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t	i;

	if (na != nb + 1)
		return 0;
	for (i = 0; i < nb && a[i] == b[i]; i++)
		;
	if (i == 0 || a[i] != a[i - 1])
		return 0;
	return memcmp(a + i + 1, b + i, (nb - i) * sizeof *a) == 0;
}

/* Compare two code points for qsort. */
static int
guard_cp_cmp(const void *x, const void *y)
{
	uint32_t	a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* Whether a and b hold the same letters, the first or last in place. */
static int
guard_anagram(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	uint32_t	sa[GUARD_WORD_MAX], sb[GUARD_WORD_MAX];

	if (na != nb || na == 0 || (a[0] != b[0] && a[na - 1] != b[nb - 1]))
		return 0;
	memcpy(sa, a, na * sizeof *a);
	memcpy(sb, b, nb * sizeof *b);
	qsort(sa, na, sizeof *sa, guard_cp_cmp);
	qsort(sb, nb, sizeof *sb, guard_cp_cmp);
	return memcmp(sa, sb, na * sizeof *sa) == 0;
}

/* Whether a is b itself or b with a plural ending ("tulips", "boxes"). */
int
guard_same_or_plural(const uint32_t *a, size_t na, const uint32_t *b,
    size_t nb)
{
	if (na < nb || memcmp(a, b, nb * sizeof *a) != 0)
		return 0;
	if (na == nb)
		return 1;
	if (nb > 0 && b[nb - 1] == 's')
		return 0;	/* "Fleurss" is no plural of "Fleurs" */
	if (na == nb + 1)
		return a[nb] == 's';
	return na == nb + 2 && a[nb] == 'e' && a[nb + 1] == 's';
}

/*
 * Whether a is b of five letters or more with an ending of one or two
 * letters that does not begin by doubling b's last ("Patagonian",
 * "Sommerwinde"; not "Burberryy").
 */
static int
guard_derived(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	if (nb < 5 || na <= nb || na > nb + 2 ||
	    memcmp(a, b, nb * sizeof *a) != 0)
		return 0;
	return a[nb] != b[nb - 1];
}

/*
 * Whether an Arabic word a is b with particles written onto its front:
 * and, so, with, for, like, the (و ف ب ل ك ال), up to three letters.
 */
static int
guard_clitic(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t	i, k = na - nb;

	if (na <= nb || k > 3 || guard_script(b[0]) != GUARD_SCRIPT_ARABIC ||
	    memcmp(a + k, b, nb * sizeof *a) != 0)
		return 0;
	for (i = 0; i < k; i++) {
		if (a[i] != 0x648 && a[i] != 0x641 && a[i] != 0x628 &&
		    a[i] != 0x644 && a[i] != 0x643 && a[i] != 0x627)
			return 0;
	}
	return 1;
}

/* Copy a word with each "ij" made "y"; the new length. */
static size_t
guard_ij_fold(const uint32_t *a, size_t na, uint32_t *out)
{
	size_t	i, n = 0;

	for (i = 0; i < na; i++) {
		if (a[i] == 'i' && i + 1 < na && a[i + 1] == 'j') {
			out[n++] = 'y';
			i++;
		} else
			out[n++] = a[i];
	}
	return n;
}

/*
 * Whether a is within most edits of b when a y for the Dutch ij ("Heyn"
 * for "Heijn") counts as one edit.
 */
static int
guard_near_ij(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    size_t most)
{
	uint32_t	fa[GUARD_WORD_MAX], fb[GUARD_WORD_MAX];
	size_t		nfa, nfb;

	nfa = guard_ij_fold(a, na, fa);
	nfb = guard_ij_fold(b, nb, fb);
	if (nfa == na && nfb == nb)
		return 0;	/* no ij on either side */
	return guard_distance(fa, nfa, fb, nfb, most) + 1 <= most;
}

/*
 * How a word is near a protected word, not being it. In a name beside its
 * other words (anchored), one edit is enough however short the word, and
 * a word of two letters may have one replaced.
 */
int
guard_near(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    int anchored)
{
	size_t	most = nb >= 9 ? 2 : 1;

	if (guard_same_or_plural(a, na, b, nb) || na < 2 || nb < 2 ||
	    (nb < 3 && !anchored))
		return GUARD_NEAR_NO;
	if (nb < 3)
		return na == nb && guard_distance(a, na, b, nb, 1) <= 1 ?
		    GUARD_NEAR_EDIT : GUARD_NEAR_NO;
	if (!anchored && (guard_derived(a, na, b, nb) ||
	    guard_clitic(a, na, b, nb)))
		return GUARD_NEAR_NO;
	if (nb < 5 && !anchored)
		return guard_swapped(a, na, b, nb) ||
		    guard_doubled(a, na, b, nb) ? GUARD_NEAR_EDIT :
		    GUARD_NEAR_NO;
	if (guard_distance(a, na, b, nb, most) <= most ||
	    guard_near_ij(a, na, b, nb, most))
		return GUARD_NEAR_EDIT;
	if (nb >= 5 && guard_anagram(a, na, b, nb))
		return GUARD_NEAR_ANAGRAM;
	return GUARD_NEAR_NO;
}

/* Whether a folded letter is a vowel (with or without its accents). */
static int
guard_vowel(uint32_t c)
{
	static const uint32_t	ext[] = {
		0x101, 0x103, 0x105, 0x113, 0x115, 0x117, 0x119, 0x11b,
		0x129, 0x12b, 0x12d, 0x12f, 0x131, 0x14d, 0x14f, 0x151,
		0x153, 0x169, 0x16b, 0x16d, 0x16f, 0x171, 0x173, 0x177
	};
	size_t			i;

	if (c < 0x80)
		return strchr("aeiouy", (int)c) != NULL && c != '\0';
	if (c >= 0xe0 && c <= 0xff)
		return c != 0xe7 && c != 0xf0 && c != 0xf1 && c != 0xf7 &&
		    c != 0xfe;
	for (i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		if (ext[i] == c)
			return 1;
	}
	return 0;
}

/* Whether a is b with one vowel replaced by another ("Sandra", "Sandro"). */
int
guard_vowel_changed(const uint32_t *a, size_t na, const uint32_t *b,
    size_t nb)
{
	size_t	i, diff = 0, at = 0;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++) {
		if (a[i] != b[i]) {
			diff++;
			at = i;
		}
	}
	return diff == 1 && guard_vowel(a[at]) && guard_vowel(b[at]);
}

/* Whether name (nn code points) is written exactly at t[at]. */
static int
guard_at(const uint32_t *t, size_t nt, size_t at, const uint32_t *name,
    size_t nn)
{
	return at + nn <= nt && memcmp(t + at, name, nn * sizeof *t) == 0;
}

/*
 * Whether the l code points at t are the name one edit off with its
 * first and last characters in place, or its last two swapped.
 */
static int
guard_near_window(const uint32_t *t, size_t l, const uint32_t *name,
    size_t nn)
{
	int	last = t[l - 1] == name[nn - 1];
	int	swap = l == nn && t[l - 1] == name[nn - 2] &&
	    t[l - 2] == name[nn - 1];

	return t[0] == name[0] && (last || swap) &&
	    guard_distance(t, l, name, nn, 1) == 1;
}

/*
 * Find in t (nt code points of a script without spaces) the first place
 * from *start where the name is written one edit off: a character
 * missing, added or replaced between its first and its last, which stay,
 * or its last two swapped; of the same length as the name first. 1 with
 * the place in *start and *len, or 0. The name written right is passed
 * over, and so is what overlaps it.
 */
int
guard_near_unspaced(const uint32_t *t, size_t nt, const uint32_t *name,
    size_t nn, size_t *start, size_t *len)
{
	static const size_t	 grow[] = { 1, 0, 2 };	/* nn, nn-1, nn+1 */
	size_t			 s, k, l, p;

	if (nn < 3)
		return 0;
	for (s = *start; s < nt; s++) {
		if (guard_at(t, nt, s, name, nn)) {
			s += nn - 1;
			continue;
		}
		for (k = 0; k < nitems(grow); k++) {
			l = nn - 1 + grow[k];
			if (s + l > nt || !guard_near_window(t + s, l, name,
			    nn))
				continue;
			for (p = s + 1; p < s + l && !guard_at(t, nt, p, name,
			    nn); p++)
				;
			if (p < s + l)
				continue;
			*start = s;
			*len = l;
			return 1;
		}
	}
	return 0;
}
