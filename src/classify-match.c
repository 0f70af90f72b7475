/*
 * classify-match.c -- finding the phrases of the lexicons in a text: the
 * choice of lexicons (the language given, else the script and the common
 * words), the matching of a phrase's words against tokens (endings,
 * intensifiers, Arabic clitics, Chinese characters one by one, compound
 * endings), and which of the phrases found count where they overlap.
 */
#include <stdlib.h>
#include <string.h>

#include "classify-private.h"
#include "text.h"
#include "util.h"

#define MATCH_MAX	2048	/* phrases kept of one text */

/* Decode the first code point of s (n > 0 bytes). */
static uint32_t
classify_first_cp(const char *s, size_t n, size_t *used)
{
	uint32_t	cp;

	*used = text_decode(s, n, &cp);
	return cp;
}

/* Return 1 if token bytes s (len) equal word w (n), or begin with it. */
static int
classify_word_eq(const char *s, size_t len, const char *w, size_t n,
    int prefix)
{
	if (prefix)
		return len >= n && memcmp(s, w, n) == 0;
	return len == n && memcmp(s, w, n) == 0;
}

/* Step *off over clitic c if the token s (len) has it there; 1 if so. */
static int
classify_clitic(const char *s, size_t len, size_t *off, const char *c)
{
	size_t	n = strlen(c);

	if (len - *off < n || memcmp(s + *off, c, n) != 0)
		return 0;
	*off += n;
	return 1;
}

/*
 * Write into stem where the stem of an Arabic token s (len bytes) may
 * begin: at 0, and behind the clitics a word may begin with: و or ف
 * (and), then ب ل ك (with, for, like), then ال (the). Behind a clitic the
 * stem has three letters at least: "لكم" (to you) is not "كم" (how many).
 * Return how many places there are (5 at most).
 */
static size_t
classify_arabic_stems(const char *s, size_t len, uint8_t *stem)
{
	static const char *const conj[] = { "", "و", "ف" };
	static const char *const prep[] = { "", "ب", "ل", "ك" };
	static const char *const art[] = { "", "ال" };
	size_t	a, b, c, off, k, n = 0;

	for (a = 0; a < nitems(conj); a++) {
		for (b = 0; b < nitems(prep); b++) {
			for (c = 0; c < nitems(art); c++) {
				off = 0;
				if (!classify_clitic(s, len, &off, conj[a]) ||
				    !classify_clitic(s, len, &off, prep[b]) ||
				    !classify_clitic(s, len, &off, art[c]) ||
				    (off > 0 && len - off < 6) || off > 255)
					continue;
				for (k = 0; k < n && stem[k] != off; k++)
					;
				if (k == n && n < 5)
					stem[n++] = (uint8_t)off;
			}
		}
	}
	return n;
}

/* Match an Arabic word at any place its token's stem may begin. */
static int
classify_arabic_eq(const char *s, const struct classify_tok *t,
    const char *w, size_t n, int prefix)
{
	size_t	k;

	for (k = 0; k < t->nstem; k++) {
		if (classify_word_eq(s + t->stem[k], t->len - t->stem[k], w, n,
		    prefix))
			return 1;
	}
	return 0;
}

/* How a word of a phrase may match (classify_word_match). */
#define WORD_FIRST	0x1	/* the first word: Arabic clitics may lead */
#define WORD_INTENSE	0x2	/* a word of praise or discontent: "super",
				   "mega" and the like may lead ("superlekker",
				   "megagut") */

/*
 * Return 1 if token bytes s (len) are word w (n bytes) with one of the
 * endings of its language ("|"-parted; "o>a" replaces a last "o").
 */
static int
classify_inflected(const char *s, size_t len, const char *w, size_t n,
    const char *endings)
{
	const char	*e = endings, *bar, *gt;
	size_t		 en, cut, add;

	for (; e != NULL && n >= 4; e = bar != NULL ? bar + 1 : NULL) {
		bar = strchr(e, '|');
		en = bar != NULL ? (size_t)(bar - e) : strlen(e);
		gt = memchr(e, '>', en);
		cut = gt != NULL ? (size_t)(gt - e) : 0;
		add = gt != NULL ? en - cut - 1 : en;
		if (gt != NULL && (cut > n || memcmp(w + n - cut, e, cut) != 0))
			continue;
		if (len == n - cut + add && memcmp(s, w, n - cut) == 0 &&
		    memcmp(s + n - cut, gt != NULL ? gt + 1 : e, add) == 0)
			return 1;
	}
	return 0;
}

/* Words that intensify the word they begin ("superlekker", "megagut"). */
static const char *const classify_intense[] = {
	"super", "mega", "hyper", "ultra", "uber", "extra", "hiper"
};

/* Return 1 if a token matches one word of a phrase (not Chinese): "*" at
 * its end matches any ending, "*" at its start any beginning; a word of
 * praise or discontent also matches inflected and after an intensifier. */
static int
classify_word_match(const struct classify_doc *d,
    const struct classify_tok *t, const char *w, size_t n, int how,
    const char *endings)
{
	const char *const	*intense = classify_intense;
	const char		*s = d->fold + t->off;
	int		 prefix = n > 1 && w[n - 1] == '*';
	size_t		 i, k;

	if (prefix)
		n--;
	if (n == 1 && w[0] == '#')
		return (t->flags & TOK_DIGITS) != 0;
	if (n > 1 && w[0] == '*')
		return t->len >= n - 1 && memcmp(s + t->len - (n - 1), w + 1,
		    n - 1) == 0;
	if ((how & WORD_FIRST) && (t->flags & TOK_ARABIC) &&
	    (unsigned char)w[0] >= 0xd8 && (unsigned char)w[0] <= 0xdb)
		return classify_arabic_eq(s, t, w, n, prefix);
	if (classify_word_eq(s, t->len, w, n, prefix))
		return 1;
	if (!(how & WORD_INTENSE) || prefix)
		return 0;
	if (classify_inflected(s, t->len, w, n, endings))
		return 1;
	for (i = 0; (t->flags & TOK_INTENSE) && i < nitems(classify_intense);
	    i++) {
		k = strlen(intense[i]);
		if (t->len >= k + 3 && memcmp(s, intense[i], k) == 0)
			return classify_word_eq(s + k, t->len - k, w, n, 0) ||
			    classify_inflected(s + k, t->len - k, w, n,
			    endings);
	}
	return 0;
}

/*
 * Return how many tokens phrase p (n bytes) matches from token i, within
 * i's clause; 0 if it does not match there. how: WORD_*, of which
 * WORD_FIRST only counts for the phrase's first word.
 */
static size_t
classify_phrase_at(const struct classify_doc *d, size_t i, const char *p,
    size_t n, int how, const char *endings)
{
	const struct classify_tok	*t;
	size_t				 k = 0, e, used, at = i;

	while (k < n) {
		for (e = k; e < n && p[e] != ' '; e++)
			;
		if (classify_cp_han(classify_first_cp(p + k, e - k, &used))) {
			while (k < e) {
				classify_first_cp(p + k, e - k, &used);
				if (at >= d->ntok)
					return 0;
				t = &d->tok[at];
				if (!(t->flags & TOK_HAN) || t->clause !=
				    d->tok[i].clause || t->len != used ||
				    memcmp(d->fold + t->off, p + k, used) != 0)
					return 0;
				at++;
				k += used;
			}
		} else {
			if (at >= d->ntok || d->tok[at].clause !=
			    d->tok[i].clause || (d->tok[at].flags & TOK_LINK) ||
			    !classify_word_match(d, &d->tok[at], p + k, e - k,
			    at == i ? how : how & ~WORD_FIRST, endings))
				return 0;
			at++;
			k = e;
		}
		if (k < n)
			k++;
	}
	return at - i;
}

/* Return 1 if token i is "不" or "没" between two same characters. */
int
classify_a_not_a(const struct classify_doc *d, size_t i)
{
	const struct classify_tok	*t = d->tok;
	const char			*s = d->fold + t[i].off;

	if (i == 0 || i + 1 >= d->ntok || !(t[i].flags & TOK_HAN) ||
	    t[i - 1].clause != t[i].clause || t[i + 1].clause != t[i].clause)
		return 0;
	if (!(t[i].len == 3 && (memcmp(s, "不", 3) == 0 ||
	    memcmp(s, "没", 3) == 0)))
		return 0;
	return t[i - 1].len == t[i + 1].len && memcmp(d->fold + t[i - 1].off,
	    d->fold + t[i + 1].off, t[i - 1].len) == 0;
}

/* Add a phrase found at token i (ntok tokens) to the state. */
static void
classify_add_match(struct classify_state *st, const struct classify_group *g,
    const struct classify_lexicon *lex, size_t i, size_t ntok, size_t bytes)
{
	struct classify_match	*m;

	if (st->nm == MATCH_MAX)
		return;
	if (st->nm == st->cap) {
		st->cap = st->cap == 0 ? 32 : st->cap * 2;
		st->m = xreallocarray(st->m, st->cap, sizeof *st->m);
	}
	m = &st->m[st->nm++];
	memset(m, 0, sizeof *m);
	m->cue = g->cue;
	m->weight = g->weight;
	m->tok = i;
	m->ntok = ntok;
	m->bytes = bytes;
	m->after = lex->negation_after;
}

/* Return 0 if phrase p (n bytes) cannot begin at token t: its first two
 * bytes differ from the token's, or from those of every place an Arabic
 * stem may begin (the cheap test before a real match). */
static int
classify_may_begin(const struct classify_doc *d,
    const struct classify_tok *t, const char *p, size_t n)
{
	const char	*s = d->fold + t->off;
	size_t		 k, len;

	if (!(t->flags & TOK_ARABIC) || t->nstem == 0)
		return s[0] == p[0] && (n < 2 || t->len < 2 || p[1] == ' ' ||
		    p[1] == '*' || s[1] == p[1]);
	for (k = 0; k < t->nstem; k++) {
		len = t->len - t->stem[k];
		if (len >= 1 && s[t->stem[k]] == p[0] && (n < 2 || len < 2 ||
		    s[t->stem[k] + 1] == p[1]))
			return 1;
	}
	return 0;
}

/*
 * Find every phrase of group g in the text. A phrase is only tried where
 * its first byte is the token's, but for Arabic (clitics come first) and
 * "#".
 */
static void
classify_find_group(struct classify_state *st,
    const struct classify_lexicon *lex, const struct classify_group *g)
{
	const struct classify_doc	*d = &st->doc;
	const char			*p = g->phrases, *bar;
	size_t				 n, i, k;
	int				 any_first, how = WORD_FIRST;

	if (g->cue == CUE_PRAISE || g->cue == CUE_NEGATIVE)
		how |= WORD_INTENSE;
	for (;; p = bar + 1) {
		bar = strchr(p, '|');
		n = bar != NULL ? (size_t)(bar - p) : strlen(p);
		any_first = p[0] == '#' || p[0] == '*';
		/* Most phrases begin with a byte no token of the text does. */
		if (!any_first && !st->first[(unsigned char)p[0]] &&
		    !((how & WORD_INTENSE) && st->intense)) {
			if (bar == NULL)
				break;
			continue;
		}
		for (i = 0; i < d->ntok; i++) {
			if (!any_first && !classify_may_begin(d, &d->tok[i],
			    p, n) && !((how & WORD_INTENSE) &&
			    (d->tok[i].flags & TOK_INTENSE)))
				continue;
			/* "不好" is no complaint in "好不好" */
			if (classify_a_not_a(d, i))
				continue;
			if ((k = classify_phrase_at(d, i, p, n, how,
			    lex->endings)) > 0)
				classify_add_match(st, g, lex, i, k, n);
		}
		if (bar == NULL)
			break;
	}
}

/* Note the bytes that begin tokens, and the tokens that begin with an
 * intensifier, so that most phrases are passed over at once. */
static void
classify_index(struct classify_state *st)
{
	struct classify_doc	*d = &st->doc;
	struct classify_tok	*t;
	size_t			 i, j, k;

	for (i = 0; i < d->ntok; i++) {
		t = &d->tok[i];
		if (t->flags & TOK_ARABIC) {
			t->nstem = (uint8_t)classify_arabic_stems(d->fold +
			    t->off, t->len, t->stem);
			for (k = 0; k < t->nstem; k++)
				st->first[(unsigned char)d->fold[t->off +
				    t->stem[k]]] = 1;
		}
		st->first[(unsigned char)d->fold[t->off]] = 1;
		for (j = 0; j < nitems(classify_intense); j++) {
			k = strlen(classify_intense[j]);
			if (t->len >= k + 3 && memcmp(d->fold + t->off,
			    classify_intense[j], k) == 0) {
				t->flags |= TOK_INTENSE;
				st->intense = 1;
			}
		}
	}
}

/* Find the phrases of a lexicon (but its common words) in the text. */
void
classify_find(struct classify_state *st, const struct classify_lexicon *lex)
{
	size_t	g;

	for (g = 0; g < lex->ngroups; g++) {
		if (lex->groups[g].cue != CUE_FUNCTION)
			classify_find_group(st, lex, &lex->groups[g]);
	}
}

/* Count the tokens that are common words of a lexicon. */
static size_t
classify_common_words(const struct classify_doc *d,
    const struct classify_lexicon *lex)
{
	const struct classify_group	*g;
	const char			*p, *bar;
	size_t				 i, k, n, count = 0;

	for (i = 0; i < d->ntok; i++) {
		for (k = 0; k < lex->ngroups; k++) {
			g = &lex->groups[k];
			if (g->cue != CUE_FUNCTION)
				continue;
			for (p = g->phrases;; p = bar + 1) {
				bar = strchr(p, '|');
				n = bar != NULL ? (size_t)(bar - p) : strlen(p);
				if (classify_phrase_at(d, i, p, n, 0, NULL) > 0) {
					count++;
					break;
				}
				if (bar == NULL)
					break;
			}
		}
	}
	return count;
}

/* The language of a text in Latin script, or NULL when unsure. */
static const struct classify_lexicon *
classify_detect(const struct classify_doc *d)
{
	const struct classify_lexicon	*lex, *best = NULL;
	size_t				 i, n, most = 0, second = 0;

	for (i = 0; (lex = classify_lexicon_at(i)) != NULL; i++) {
		if (lex->script != CLASSIFY_LATIN)
			continue;
		n = classify_common_words(d, lex);
		if (n > most) {
			second = most;
			most = n;
			best = lex;
		} else if (n > second)
			second = n;
	}
	return most >= 2 && most > second ? best : NULL;
}

/*
 * Index the text's tokens, and pick the lexicons to read: the one of the
 * language given when the text
 * is in its script; else by script; in Latin script, the language whose
 * common words the text has, or every one when that is unclear.
 */
void
classify_pick(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_lexicon	*given, *lex;
	int				 script = CLASSIFY_LATIN;
	size_t				 i;

	classify_index(st);
	if (d->han > 0 && d->han * 3 >= d->latin && d->han >= d->arabic)
		script = CLASSIFY_HAN;
	else if (d->arabic > 0 && d->arabic >= d->latin)
		script = CLASSIFY_ARABIC;
	st->lex[st->nlex++] = &classify_lex_any;
	given = classify_lexicon_find(st->sig->lang);
	if (given == NULL || given->script != script)
		given = script == CLASSIFY_HAN ? &classify_lex_zh :
		    script == CLASSIFY_ARABIC ? &classify_lex_ar :
		    classify_detect(d);
	if (given != NULL) {
		st->lex[st->nlex++] = given;
		st->lang = given->code;
		return;
	}
	for (i = 0; (lex = classify_lexicon_at(i)) != NULL; i++) {
		if (lex->script == CLASSIFY_LATIN && st->nlex < nitems(st->lex))
			st->lex[st->nlex++] = lex;
	}
	st->lang = "all";
}

/* Order found phrases: more tokens first, then more bytes, then weight. */
static int
classify_match_cmp(const void *a, const void *b)
{
	const struct classify_match	*x = a, *y = b;

	if (x->ntok != y->ntok)
		return x->ntok > y->ntok ? -1 : 1;
	if (x->bytes != y->bytes)
		return x->bytes > y->bytes ? -1 : 1;
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->cue - y->cue;
}

/* Return 1 if a cue scores (and so takes its tokens from shorter ones). */
static int
classify_cue_scores(int cue)
{
	return cue < CUE_NEGATOR;
}

/* Return 1 if an accepted phrase covers tokens [from, to) whole; a mere
 * marker of sarcasm ("yet again", "又一次") covers nothing. */
static int
classify_covered(const struct classify_state *st, size_t from, size_t to)
{
	size_t	k;

	for (k = 0; k < st->nm; k++) {
		if (st->m[k].accepted && st->m[k].tok <= from &&
		    st->m[k].tok + st->m[k].ntok >= to &&
		    !(st->m[k].cue == CUE_SARCASM && st->m[k].weight < 3))
			return 1;
	}
	return 0;
}

/* Return 1 if a greeting opens a clause at token i for n tokens: a
 * greeting there is no praise ("Bună,", "Buenas"). */
static int
classify_greeting_covers(const struct classify_state *st, size_t i,
    size_t n)
{
	const struct classify_tok	*t = st->doc.tok;
	const struct classify_match	*m;
	size_t				 k;

	for (k = 0; k < st->nm; k++) {
		m = &st->m[k];
		if (m->cue == CUE_GREETING && m->tok <= i && m->tok + m->ntok >=
		    i + n && (m->tok == 0 || t[m->tok - 1].clause !=
		    t[m->tok].clause))
			return 1;
	}
	return 0;
}

/*
 * Mark the tokens of the marking cues, then accept the scoring phrases,
 * longest first: a phrase inside one accepted ("received" inside "not
 * received", "problem" inside "no problem") is not counted; phrases that
 * only overlap both count. A negation or condition inside a phrase that
 * counts ("no reply", "not only", "لو سمحت") negates or supposes nothing
 * else.
 */
void
classify_resolve(struct classify_state *st)
{
	struct classify_doc	*d = &st->doc;
	struct classify_match	*m;
	size_t			 i, j;

	if (st->nm > 0)
		qsort(st->m, st->nm, sizeof *st->m, classify_match_cmp);
	for (i = 0; i < st->nm; i++) {
		m = &st->m[i];
		if (!classify_cue_scores(m->cue)) {
			for (j = m->tok; j < m->tok + m->ntok; j++)
				d->tok[j].cues |= 1u << m->cue;
			continue;
		}
		if (!classify_covered(st, m->tok, m->tok + m->ntok) &&
		    !classify_greeting_covers(st, m->tok, m->ntok))
			m->accepted = 1;
	}
	for (i = 0; i < st->nm; i++) {
		m = &st->m[i];
		for (j = m->tok; m->accepted && j < m->tok + m->ntok; j++)
			d->tok[j].cues &= ~(1u << CUE_NEGATOR | 1u << CUE_COND);
	}
}

/* Return the accepted or marking phrase of cue starting at token i with
 * the most weight, or NULL. */
const struct classify_match *
classify_match_at(const struct classify_state *st, int cue, size_t i)
{
	const struct classify_match	*best = NULL;
	size_t				 k;

	for (k = 0; k < st->nm; k++) {
		if (st->m[k].cue == cue && st->m[k].tok == i &&
		    (best == NULL || st->m[k].weight > best->weight))
			best = &st->m[k];
	}
	return best;
}
