/*
 * guard-protect.c -- the shop's protected words (its name, its products,
 * its staff) written nearly but not quite: a letter missing, doubled or
 * replaced, two letters swapped ("Bubrerry" for "Burberry"), the same
 * letters in another order, a name of several words with one of them
 * wrong ("Tulip & Tae"), run together ("TulipTea") or split ("Tu lip &
 * Tea").
 *
 * What keeps ordinary words from being flagged: a word under five letters
 * is flagged only for a swap or a doubled letter; a plural ("tulips") or
 * possessive ("Burberry's") is the word itself; a common word of a
 * language heed knows ("tulp" is Dutch for tulip) and a name of someone
 * in the thread are never flagged; one word of a name of several is
 * flagged only beside the others. Scripts without case (Chinese, Arabic)
 * are compared exactly, which never makes a finding.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "util.h"

/* A protected word or name, split into its words. */
struct guard_name {
	const char		*orig;		/* as configured; lent */
	struct guard_words	 w;
	uint32_t		 joined[GUARD_WORD_MAX];
	size_t			 njoined;
	int			 exact;		/* CJK, Arabic: exact only */
};

/* How a word is near a protected one. */
enum guard_near {
	GUARD_NEAR_NO,
	GUARD_NEAR_EDIT,	/* one edit (two for long words) */
	GUARD_NEAR_ANAGRAM	/* the same letters in another order */
};

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
static int
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
 * How a word is near a protected word, not being it. In a name beside its
 * other words (anchored), one edit is enough however short the word.
 */
static int
guard_near(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    int anchored)
{
	size_t	most = nb >= 9 ? 2 : 1;

	if (guard_same_or_plural(a, na, b, nb) || nb < 3 || na < 2)
		return GUARD_NEAR_NO;
	if (nb < 5 && !anchored)
		return guard_swapped(a, na, b, nb) ||
		    guard_doubled(a, na, b, nb) ? GUARD_NEAR_EDIT :
		    GUARD_NEAR_NO;
	if (guard_distance(a, na, b, nb, most) <= most)
		return GUARD_NEAR_EDIT;
	if (nb >= 5 && guard_anagram(a, na, b, nb))
		return GUARD_NEAR_ANAGRAM;
	return GUARD_NEAR_NO;
}

/* Build a protected name from its configured string. */
static void
guard_name_init(struct guard_name *nm, const char *orig)
{
	size_t	i, j;
	int	s;

	memset(nm, 0, sizeof *nm);
	nm->orig = orig;
	guard_words_split(orig, &nm->w);
	for (i = 0; i < nm->w.n; i++) {
		s = nm->w.v[i].script;
		if (s == GUARD_SCRIPT_CJK || s == GUARD_SCRIPT_ARABIC ||
		    s == GUARD_SCRIPT_OTHER || nm->w.v[i].handle)
			nm->exact = 1;
		for (j = 0; j < nm->w.v[i].n && nm->njoined < GUARD_WORD_MAX;
		    j++)
			nm->joined[nm->njoined++] = nm->w.v[i].cp[j];
	}
}

/* Whether a word may be flagged at all (not a handle, a number, a name). */
static int
guard_candidate(const struct guard_input *in, const struct guard_word *g)
{
	if (g->handle || g->digits || g->letters < 2)
		return 0;
	if (g->script != GUARD_SCRIPT_LATIN && g->script != GUARD_SCRIPT_GREEK &&
	    g->script != GUARD_SCRIPT_CYRILLIC)
		return 0;
	return !guard_common(g->key) && !guard_known_name(in, g);
}

/* Whether a word is a protected word of one word, plural or not. */
static int
guard_is_protected(const struct guard_name *names, size_t nnames,
    const struct guard_word *g)
{
	size_t	i;

	for (i = 0; i < nnames; i++) {
		if (names[i].w.n == 1 && guard_same_or_plural(g->cp, g->n,
		    names[i].w.v[0].cp, names[i].w.v[0].n))
			return 1;
	}
	return 0;
}

/* Whether words [i, i + n) are one run: nothing but joiners between. */
static int
guard_run(const char *text, const struct guard_words *w, size_t i, size_t n)
{
	size_t	k;

	if (i + n > w->n)
		return 0;
	for (k = i + 1; k < i + n; k++) {
		if (!guard_gap_joins(text, w->v[k - 1].start +
		    w->v[k - 1].len, w->v[k].start))
			return 0;
	}
	return 1;
}

/* Report a finding on words [i, i + n) and mark them taken. */
static void
guard_protect_found(const struct guard_input *in, const struct guard_words *w,
    size_t i, size_t n, const char *how, const struct guard_name *nm,
    struct guard_report *r, char *taken)
{
	size_t	start = w->v[i].start, end = w->v[i + n - 1].start +
	    w->v[i + n - 1].len;
	char	*msg;

	msg = xprintf("\"%.*s\" %s the protected name \"%s\"",
	    (int)(end - start), in->text + start, how, nm->orig);
	guard_add(r, GUARD_PROTECTED, GUARD_BLOCK, start, end - start, msg,
	    nm->orig);
	free(msg);
	memset(taken + i, 1, n);
}

/*
 * A name of several words with one or more of them nearly right beside
 * one that is right ("Tulip & Tae"), at word i.
 */
static int
guard_protect_window(const struct guard_input *in,
    const struct guard_words *w, size_t i, const struct guard_name *nm,
    struct guard_report *r, char *taken)
{
	size_t	k, exact = 0, near = 0;
	const struct guard_word *a, *b;

	if (nm->w.n < 2 || !guard_run(in->text, w, i, nm->w.n))
		return 0;
	for (k = 0; k < nm->w.n; k++) {
		a = &w->v[i + k];
		b = &nm->w.v[k];
		if (taken[i + k] || a->handle || a->digits)
			return 0;
		if (guard_same_or_plural(a->cp, a->n, b->cp, b->n))
			exact++;
		else if (guard_near(a->cp, a->n, b->cp, b->n, 1) !=
		    GUARD_NEAR_NO && !guard_known_name(in, a))
			near++;
	}
	if (exact == 0 || near == 0 || exact + near != nm->w.n)
		return 0;
	guard_protect_found(in, w, i, nm->w.n, "is nearly", nm, r, taken);
	return 1;
}

/*
 * Words from i whose letters put together are the protected name, but
 * cut in other places ("Tu lip & Tea", "Bur berry"); or one word that is
 * a name of several run together ("TulipTea"), or nearly so.
 */
static int
guard_protect_split(const struct guard_input *in,
    const struct guard_words *w, size_t i, const struct guard_name *nm,
    struct guard_report *r, char *taken)
{
	uint32_t	cat[GUARD_WORD_MAX];
	size_t		n, k, m = 0;

	for (n = 1; n <= nm->w.n + 2 && guard_run(in->text, w, i, n); n++) {
		if (taken[i + n - 1] || w->v[i + n - 1].handle ||
		    m + w->v[i + n - 1].n > GUARD_WORD_MAX)
			return 0;
		memcpy(cat + m, w->v[i + n - 1].cp,
		    w->v[i + n - 1].n * sizeof *cat);
		m += w->v[i + n - 1].n;
		if (n == nm->w.n) {
			for (k = 0; k < n && w->v[i + k].n ==
			    nm->w.v[k].n; k++)
				;
			if (k == n)
				continue;	/* cut where the name is */
		}
		if (m == nm->njoined && memcmp(cat, nm->joined,
		    m * sizeof *cat) == 0) {
			guard_protect_found(in, w, i, n, n == 1 ? "runs "
			    "together" : "splits", nm, r, taken);
			return 1;
		}
		if (n == 1 && nm->w.n > 1 && nm->njoined >= 6 &&
		    guard_candidate(in, &w->v[i]) && guard_near(cat, m,
		    nm->joined, nm->njoined, 0) != GUARD_NEAR_NO) {
			guard_protect_found(in, w, i, 1, "runs together and "
			    "misspells", nm, r, taken);
			return 1;
		}
	}
	return 0;
}

/* One word nearly a protected word of one word ("Bubrerry"). */
static int
guard_protect_word(const struct guard_input *in, const struct guard_words *w,
    size_t i, const struct guard_name *nm, struct guard_report *r,
    char *taken)
{
	const struct guard_word	*a = &w->v[i];
	const struct guard_word	*b = &nm->w.v[0];
	int			 near;

	if (nm->w.n != 1 || taken[i] || a->script != b->script ||
	    !guard_candidate(in, a))
		return 0;
	near = guard_near(a->cp, a->n, b->cp, b->n, 0);
	if (near == GUARD_NEAR_NO)
		return 0;
	guard_protect_found(in, w, i, 1, near == GUARD_NEAR_ANAGRAM ?
	    "has the letters of" : "is nearly", nm, r, taken);
	return 1;
}

/* Mark the words that are protected words, or exact runs of a name. */
static void
guard_protect_exact(const struct guard_input *in, const struct guard_words *w,
    const struct guard_name *names, size_t nnames, char *taken)
{
	size_t	i, j, k;

	for (i = 0; i < w->n; i++) {
		if (guard_is_protected(names, nnames, &w->v[i]))
			taken[i] = 2;
	}
	for (j = 0; j < nnames; j++) {
		for (i = 0; names[j].w.n > 1 && i + names[j].w.n <= w->n;
		    i++) {
			for (k = 0; k < names[j].w.n &&
			    guard_same_or_plural(w->v[i + k].cp,
			    w->v[i + k].n, names[j].w.v[k].cp,
			    names[j].w.v[k].n); k++)
				;
			if (k == names[j].w.n &&
			    guard_run(in->text, w, i, k))
				memset(taken + i, 1, k);
		}
	}
}

/* Check the protected words (and the shop's name) against the reply. */
void
guard_check_protect(const struct guard_input *in, const struct guard_words *w,
    struct guard_report *r)
{
	struct guard_name	*names;
	size_t			 nnames = 0, i, j;
	char			*taken;

	names = xcalloc(in->nprotect + 1, sizeof *names);
	for (i = 0; i < in->nprotect; i++)
		guard_name_init(&names[nnames++], in->protect[i]);
	if (in->shop_name != NULL && *in->shop_name != '\0')
		guard_name_init(&names[nnames++], in->shop_name);
	taken = xcalloc(w->n + 1, 1);
	guard_protect_exact(in, w, names, nnames, taken);
	for (i = 0; i < w->n; i++) {
		for (j = 0; j < nnames; j++) {
			if (names[j].exact || names[j].w.n == 0)
				continue;
			if (guard_protect_window(in, w, i, &names[j], r,
			    taken) || guard_protect_split(in, w, i, &names[j],
			    r, taken) || guard_protect_word(in, w, i, &names[j],
			    r, taken))
				break;
		}
	}
	for (i = 0; i < nnames; i++)
		guard_words_free(&names[i].w);
	free(names);
	free(taken);
}
