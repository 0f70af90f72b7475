/*
 * classify-stat.c -- the learned part of the classifier: a text read as
 * features, and the kind those features speak for, by weights learned
 * from labelled comments (src/classify-weights.c, written by
 * tests/tools/classify-learn.c; make classify-weights).
 *
 * The lexicons know the phrases someone thought of; the weights know
 * every word of the labelled comments, and the small words around them:
 * "the box was", "after one", "do the", "¿se puede", "能...不". A feature
 * is the beginning of a word (its first five letters, so that "shipped",
 * "shipping" and "verzending" "verzendt" meet), a pair of such
 * beginnings, the word that opens a clause (Dutch and German questions
 * open with their verb), a Chinese character and a pair of them, the
 * character that ends a clause ("吗", "吧", "不"), and marks that are not
 * words: a question mark, "!", a link, capitals, emoji by what they say,
 * a short or a long text. Each counts once a text.
 *
 * The weights are those of a naive Bayes model, the simplest that learns
 * well from a few hundred comments a language: for each kind, the log of
 * how likely each feature is in a comment of that kind (counted once a
 * comment, smoothed), less the mean over the kinds. Their sum over a
 * text's features, with the kind's prior, gives the log-odds of each
 * kind; classify.c turns them into a few points beside the lexicons'.
 */
#include <stdlib.h>
#include <string.h>

#include "classify-private.h"
#include "text.h"
#include "util.h"

#define STAT_STEM	5	/* letters of a word kept */
#define STAT_PAIR_STEM	4	/* letters of each word of a pair */
#define STAT_FEAT_MAX	64	/* bytes of a feature */
#define STAT_SEEN_MAX	512	/* features a text counts once each */
#define STAT_SHORT	3	/* tokens of a short text */
#define STAT_LONG	15	/* tokens of a long one */

/* The features of one text, each once. */
struct stat_feats {
	classify_feature_fn	 fn;
	void			*arg;
	uint32_t		 seen[STAT_SEEN_MAX];
	size_t			 nseen;
};

/* Hash a feature (FNV-1a, never 0). */
uint32_t
classify_feature_hash(const char *s, size_t n)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h != 0 ? h : 1;
}

/* Count feature s (n bytes) unless it was counted for this text. */
static void
stat_emit(struct stat_feats *f, const char *s, size_t n)
{
	uint32_t	h = classify_feature_hash(s, n);
	size_t		i;

	for (i = 0; i < f->nseen; i++) {
		if (f->seen[i] == h)
			return;
	}
	if (f->nseen < STAT_SEEN_MAX)
		f->seen[f->nseen++] = h;
	f->fn(s, n, h, f->arg);
}

/* Return the bytes of the first max code points of s (n bytes). */
static size_t
stat_prefix(const char *s, size_t n, size_t max)
{
	size_t	off = 0;

	while (off < n && max-- > 0) {
		off++;
		while (off < n && ((unsigned char)s[off] & 0xc0) == 0x80)
			off++;
	}
	return off;
}

/*
 * Return the stem of token t: its first letters, behind the Arabic
 * article ("ال", "وال", "بال", "لل"), which the folded text keeps.
 */
static const char *
stat_stem(const struct classify_doc *d, const struct classify_tok *t,
    size_t max, size_t *len)
{
	static const char *const	 article[] = {
		"\xd9\x88\xd8\xa7\xd9\x84", "\xd8\xa8\xd8\xa7\xd9\x84",
		"\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84"
	};
	const char			*s = d->fold + t->off;
	size_t				 n = t->len, i, a;

	if (t->flags & TOK_ARABIC) {
		for (i = 0; i < nitems(article); i++) {
			a = strlen(article[i]);
			if (n >= a + 4 && memcmp(s, article[i], a) == 0) {
				s += a;
				n -= a;
				break;
			}
		}
	}
	*len = stat_prefix(s, n, max);
	return s;
}

/* Count a feature of a tag character and a token's stem. */
static void
stat_emit_tok(struct stat_feats *f, char tag, const struct classify_doc *d,
    const struct classify_tok *t)
{
	char		 b[STAT_FEAT_MAX];
	const char	*s;
	size_t		 n;

	if (t->flags & TOK_DIGITS) {
		s = "#";
		n = 1;
	} else
		s = stat_stem(d, t, STAT_STEM, &n);
	b[0] = tag;
	memcpy(b + 1, s, n);
	stat_emit(f, b, n + 1);
}

/* Count the feature of two tokens side by side. */
static void
stat_emit_pair(struct stat_feats *f, const struct classify_doc *d,
    const struct classify_tok *t, const struct classify_tok *u)
{
	char		 b[STAT_FEAT_MAX];
	const char	*s;
	size_t		 n, m, max;

	max = (t->flags & TOK_HAN) ? 1 : STAT_PAIR_STEM;
	s = (t->flags & TOK_DIGITS) ? "#" : stat_stem(d, t, max, &n);
	if (t->flags & TOK_DIGITS)
		n = 1;
	b[0] = (t->flags & TOK_HAN) ? 'H' : 'b';
	memcpy(b + 1, s, n);
	b[n + 1] = ' ';
	s = (u->flags & TOK_DIGITS) ? "#" : stat_stem(d, u, max, &m);
	if (u->flags & TOK_DIGITS)
		m = 1;
	memcpy(b + n + 2, s, m);
	stat_emit(f, b, n + m + 2);
}

/* Count the features of the words: stems, pairs, clause openers and
 * the Chinese characters that end a clause. */
static void
stat_words(struct stat_feats *f, const struct classify_doc *d)
{
	const struct classify_tok	*t, *prev = NULL;
	size_t				 i;

	for (i = 0; i < d->ntok; i++) {
		t = &d->tok[i];
		if (t->flags & (TOK_LINK | TOK_MENTION | TOK_QUOTED |
		    TOK_NOTHING)) {
			prev = NULL;
			continue;
		}
		stat_emit_tok(f, (t->flags & TOK_HAN) ? 'h' : 'w', d, t);
		if (prev == NULL || prev->clause != t->clause)
			stat_emit_tok(f, 's', d, t);
		if (prev != NULL && prev->clause == t->clause &&
		    !(prev->flags & TOK_HAN) == !(t->flags & TOK_HAN))
			stat_emit_pair(f, d, prev, t);
		if ((t->flags & TOK_HAN) && (i + 1 == d->ntok ||
		    d->tok[i + 1].clause != t->clause))
			stat_emit_tok(f, 'e', d, t);
		prev = t;
	}
}

/* Count the features that are not words. */
static void
stat_marks(struct stat_feats *f, const struct classify_doc *d)
{
	char	b[4];
	int	e;

	if (d->qmarks > 0)
		stat_emit(f, "?q", 2);
	if (d->excl > 0)
		stat_emit(f, "?!", 2);
	if (d->punct_run >= 3)
		stat_emit(f, "?r", 2);
	if (d->caps_words >= 2 || (d->upper >= 8 && d->upper * 4 >=
	    (d->upper + d->lower) * 3))
		stat_emit(f, "?C", 2);
	if (d->links > 0)
		stat_emit(f, "?L", 2);
	if (d->mentions > 0)
		stat_emit(f, "?@", 2);
	if (d->phone)
		stat_emit(f, "?P", 2);
	for (e = 0; e < EMOJI_COUNT; e++) {
		if (d->emoji[e] > 0) {
			b[0] = '?';
			b[1] = 'E';
			b[2] = (char)('0' + e);
			stat_emit(f, b, 3);
		}
	}
	if (d->ntok <= STAT_SHORT)
		stat_emit(f, "?s", 2);
	else if (d->ntok >= STAT_LONG)
		stat_emit(f, "?l", 2);
}

/* Call fn with each feature of the text read into d, once. */
void
classify_stat_features(const struct classify_doc *d, classify_feature_fn fn,
    void *arg)
{
	struct stat_feats	f;

	f.fn = fn;
	f.arg = arg;
	f.nseen = 0;
	stat_words(&f, d);
	stat_marks(&f, d);
}

/* Compare a hash with the hash of a weight, for bsearch. */
static int
stat_cmp(const void *key, const void *elem)
{
	uint32_t				 h = *(const uint32_t *)key;
	const struct classify_weight		*w = elem;

	return h < w->hash ? -1 : h > w->hash;
}

/* Add the weights of one feature to the sums. */
static void
stat_add(const char *s, size_t n, uint32_t h, void *arg)
{
	const struct classify_weight	*w;
	int				*sum = arg;
	int				 k;

	(void)s;
	(void)n;
	w = bsearch(&h, classify_weights, classify_nweights,
	    sizeof *classify_weights, stat_cmp);
	if (w == NULL)
		return;
	for (k = 0; k < CLASSIFY_KIND_COUNT; k++)
		sum[k] += w->w[k];
}

/*
 * Write the learned log-odds of each kind for the text read into d into
 * out (hundredths, by enum classify_kind).
 */
void
classify_stat_score(const struct classify_doc *d,
    int out[CLASSIFY_KIND_COUNT])
{
	int	k;

	for (k = 0; k < CLASSIFY_KIND_COUNT; k++)
		out[k] = classify_weight_prior[k];
	classify_stat_features(d, stat_add, out);
}
