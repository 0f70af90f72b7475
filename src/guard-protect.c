/*
 * guard-protect.c -- the shop's protected words (its name, its products,
 * its staff) written nearly but not quite: a letter missing, doubled or
 * replaced, two letters swapped ("Bubrerry" for "Burberry", and
 * "Bubrerrys"), the same letters in another order, a name of several
 * words with one of them wrong ("Tulip & Tae", "Fleurs du Lune"), run
 * together ("TulipTea"), split ("Tu lip & Tea"), or split and misspelt
 * ("Lulu lemmon"); in Arabic with the usual variants of its letters
 * folded; in Chinese or Japanese, written without spaces, a character
 * off ("郁金茶馆"). How near a word is: guard-near.c.
 *
 * What keeps ordinary words from being flagged. The caller's dictionary
 * (known_word): a word near a protected word of one word that is an
 * ordinary word of the reply's language, spelled right ("channel" beside
 * "Chanel", "Sommerwinde"), is let be. A name the dictionary knows (with
 * its capital only) a vowel away from a protected one ("Sandra" beside
 * "Sandro", "Marlies" beside "Marloes") may be another person as well as
 * a slip: it warns without blocking. Without a dictionary, a short list
 * of common words (guard-lang.c) does what it can. Always: a word under
 * five letters is flagged only for a swap or a doubled letter; a plural
 * or possessive is the word itself; a name of someone in the thread is
 * theirs; a word of a name of several is flagged only beside the others,
 * and then whatever the dictionary says ("Tae" in "Tulip & Tae").
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "text.h"
#include "util.h"

/* A protected word or name, split into its words. */
struct guard_name {
	const char		*orig;		/* as configured; lent */
	struct guard_words	 w;
	uint32_t		 joined[GUARD_WORD_MAX];
	size_t			 njoined;
	int			 exact;		/* handles, other scripts */
	int			 unspaced;	/* Chinese, Japanese: scanned */
};

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
		if (s == GUARD_SCRIPT_CJK || s == GUARD_SCRIPT_OTHER ||
		    nm->w.v[i].handle)
			nm->exact = 1;
		for (j = 0; j < nm->w.v[i].n && nm->njoined < GUARD_WORD_MAX;
		    j++)
			nm->joined[nm->njoined++] = nm->w.v[i].cp[j];
	}
	/*
	 * A name of Chinese or Japanese alone is looked for within the runs
	 * of text, which have no spaces between their words; whole, so not
	 * one too long to keep.
	 */
	if (nm->w.n == 1 && nm->w.v[0].script == GUARD_SCRIPT_CJK &&
	    nm->w.v[0].n >= 3 && nm->w.v[0].letters == (int)nm->w.v[0].n)
		nm->unspaced = 1;
}

/* Whether a word may be flagged at all (not a handle, a number, a name). */
static int
guard_candidate(const struct guard_input *in, const struct guard_word *g)
{
	if (g->handle || g->digits || g->letters < 2)
		return 0;
	if (g->script != GUARD_SCRIPT_LATIN &&
	    g->script != GUARD_SCRIPT_GREEK &&
	    g->script != GUARD_SCRIPT_CYRILLIC &&
	    g->script != GUARD_SCRIPT_ARABIC)
		return 0;
	return !guard_common(g->key) && !guard_known_name(in, g);
}

/* What the caller's dictionary says of a word: 1, 0, or -1 (none). */
static int
guard_known(const struct guard_input *in, const char *word, size_t len)
{
	if (in->known_word == NULL || len == 0)
		return -1;
	return in->known_word(in->known_arg, word, len);
}

/* What the dictionary says of a word of the reply, as it is written. */
static int
guard_word_known(const struct guard_input *in, const struct guard_word *g)
{
	return guard_known(in, in->text + g->start, g->len);
}

/*
 * Whether a word the dictionary knows is a name rather than an ordinary
 * word: written with a capital, and no word in lower case ("Sandra";
 * and the nouns of German, which are known only with their capital).
 */
static int
guard_known_as_name(const struct guard_input *in, const struct guard_word *g)
{
	return g->upper && guard_known(in, g->key, strlen(g->key)) == 0;
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

/* Report a finding on the bytes [start, end) of the reply. */
static void
guard_protect_span(const struct guard_input *in, size_t start, size_t end,
    int severity, const char *how, const struct guard_name *nm,
    struct guard_report *r)
{
	char	*msg;

	msg = xprintf("\"%.*s\" %s the protected name \"%s\"",
	    (int)(end - start), in->text + start, how, nm->orig);
	guard_add(r, GUARD_PROTECTED, severity, start, end - start, msg,
	    nm->orig);
	free(msg);
}

/* Report a finding that blocks on words [i, i + n) and mark them taken. */
static void
guard_protect_found(const struct guard_input *in, const struct guard_words *w,
    size_t i, size_t n, const char *how, const struct guard_name *nm,
    struct guard_report *r, char *taken)
{
	guard_protect_span(in, w->v[i].start, w->v[i + n - 1].start +
	    w->v[i + n - 1].len, GUARD_BLOCK, how, nm, r);
	memset(taken + i, 1, n);
}

/*
 * A name of several words with one or more of them nearly right beside
 * one that is right ("Tulip & Tae"), at word i. A word of two letters
 * ("du" for "de") counts only between two that are right.
 */
static int
guard_protect_window(const struct guard_input *in,
    const struct guard_words *w, size_t i, const struct guard_name *nm,
    struct guard_report *r, char *taken)
{
	size_t	k, exact = 0, near = 0, brief = 0;
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
		    GUARD_NEAR_NO && !guard_known_name(in, a)) {
			near++;
			brief += b->n < 3;
		}
	}
	if (exact == 0 || near == 0 || exact + near != nm->w.n ||
	    (brief > 0 && exact < 2))
		return 0;
	guard_protect_found(in, w, i, nm->w.n, "is nearly", nm, r, taken);
	return 1;
}

/*
 * Whether words [i, i + n), whose letters put together are cat (m code
 * points), are a protected name split and misspelt ("Lulu lemmon"): the
 * first begins the name, and one at least is no ordinary word (not
 * "Sommer wird" for "Sommerwind").
 */
static int
guard_split_near(const struct guard_input *in, const struct guard_words *w,
    size_t i, size_t n, const struct guard_name *nm, const uint32_t *cat,
    size_t m)
{
	const struct guard_word	*first = &w->v[i];
	size_t			 k;

	if (nm->njoined < 6 || first->n > nm->njoined ||
	    memcmp(first->cp, nm->joined, first->n * sizeof *cat) != 0 ||
	    guard_near(cat, m, nm->joined, nm->njoined, 0) == GUARD_NEAR_NO)
		return 0;
	for (k = i; k < i + n; k++) {
		if (w->v[k].digits || w->v[k].script != first->script)
			return 0;
	}
	for (k = i; k < i + n; k++) {
		if (guard_word_known(in, &w->v[k]) != 1 &&
		    !guard_common(w->v[k].key) && !guard_known_name(in,
		    &w->v[k]))
			return 1;
	}
	return 0;
}

/*
 * Words from i whose letters put together are the protected name, but
 * cut in other places ("Tu lip & Tea", "Bur berry"), or nearly so ("Lulu
 * lemmon"); or one word that is a name of several run together
 * ("TulipTea"), or nearly so.
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
		    nm->joined, nm->njoined, 0) != GUARD_NEAR_NO &&
		    guard_word_known(in, &w->v[i]) != 1) {
			guard_protect_found(in, w, i, 1, "runs together and "
			    "misspells", nm, r, taken);
			return 1;
		}
		/* Cut as many times as the name is: see the window. */
		if (n > 1 && n != nm->w.n &&
		    guard_split_near(in, w, i, n, nm, cat, m)) {
			guard_protect_found(in, w, i, n, "splits and misspells",
			    nm, r, taken);
			return 1;
		}
	}
	return 0;
}

/*
 * How a word is near a protected word of one word: itself, or with its
 * plural ending taken off ("Bubrerrys").
 */
static int
guard_near_word(const struct guard_word *a, const struct guard_word *b)
{
	size_t	n = a->n;
	int	near;

	near = guard_near(a->cp, n, b->cp, b->n, 0);
	if (near != GUARD_NEAR_NO || n < 4 || a->cp[n - 1] != 's' ||
	    b->cp[b->n - 1] == 's')
		return near;
	near = guard_near(a->cp, n - 1, b->cp, b->n, 0);
	if (near == GUARD_NEAR_NO && a->cp[n - 2] == 'e')
		near = guard_near(a->cp, n - 2, b->cp, b->n, 0);
	return near;
}

/*
 * One word nearly a protected word of one word ("Bubrerry"), unless the
 * dictionary knows it: then it is let be, or, a name a vowel away, warns.
 */
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
	if ((near = guard_near_word(a, b)) == GUARD_NEAR_NO)
		return 0;
	if (guard_word_known(in, a) == 1) {
		if (!guard_known_as_name(in, a) ||
		    !guard_vowel_changed(a->cp, a->n, b->cp, b->n))
			return 0;
		guard_protect_span(in, a->start, a->start + a->len, GUARD_WARN,
		    "is a name the dictionary knows, but nearly", nm, r);
		taken[i] = 1;
		return 1;
	}
	guard_protect_found(in, w, i, 1, near == GUARD_NEAR_ANAGRAM ?
	    "has the letters of" : "is nearly", nm, r, taken);
	return 1;
}

/*
 * A name of Chinese or Japanese written a character off within a run of
 * text without spaces ("郁金茶馆" in "欢迎光临郁金茶馆"), at word i.
 */
static int
guard_protect_unspaced(const struct guard_input *in,
    const struct guard_words *w, size_t i, const struct guard_name *nm,
    struct guard_report *r, char *taken)
{
	const struct guard_word	*g = &w->v[i];
	uint32_t		*cp;
	size_t			*off, n = 0, o, end = g->start + g->len;
	size_t			 s = 0, l;
	int			 found = 0;

	if (taken[i] || g->script != GUARD_SCRIPT_CJK)
		return 0;
	/* The run whole: a word keeps only its first GUARD_WORD_MAX. */
	cp = xcalloc(g->len + 1, sizeof *cp);
	off = xcalloc(g->len + 1, sizeof *off);
	for (o = g->start; o < end; n++) {
		off[n] = o;
		o += text_decode(in->text + o, end - o, &cp[n]);
	}
	off[n] = end;
	while (guard_near_unspaced(cp, n, nm->w.v[0].cp, nm->w.v[0].n, &s,
	    &l)) {
		guard_protect_span(in, off[s], off[s + l], GUARD_BLOCK,
		    "is nearly", nm, r);
		s += l;
		found = 1;
	}
	free(cp);
	free(off);
	if (found)
		taken[i] = 1;
	return found;
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
			if (names[j].unspaced) {
				if (guard_protect_unspaced(in, w, i, &names[j],
				    r, taken))
					break;
				continue;
			}
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
