/*
 * classify.c -- the classifier: find the phrases of the lexicons in a
 * text, weigh them with the signals that are not words, and decide the
 * kind, whether it needs a reply, how urgent it is, and why.
 *
 * Every phrase found adds its weight to a kind: complaint (C), question
 * (Q), praise (P) or spam (S). Where found phrases overlap, the longest
 * counts, so "not received" is one complaint and not a negated "received".
 * A word of praise after a negation ("not happy", "niet tevreden", "pas
 * content", "不满意") counts for the complaint; a word of discontent after
 * one ("not bad", "no problem") for neither. A complaint that a question
 * only supposes ("can I return it if it doesn't fit?") weighs little.
 * Sarcasm ("thanks for nothing", 🙄, "/s") turns praise into complaint.
 * Then the kind with the strongest evidence wins, in this order: spam,
 * a complaint (even one asked as a question: "where is my order?"), a
 * question, praise; "other" when nothing speaks.
 */
#include <stdlib.h>
#include <string.h>

#include "classify-private.h"
#include "text.h"
#include "util.h"

/* The kinds that phrases add weight to. */
#define SC_C	0
#define SC_Q	1
#define SC_P	2
#define SC_S	3
#define SC_COUNT 4

/* A phrase found in a text. */
struct classify_match {
	int		 cue;
	int		 weight;
	size_t		 tok;		/* its first token */
	size_t		 ntok;
	size_t		 bytes;		/* of the phrase, to order */
	int		 after;		/* its language negates after too */
	int		 accepted;	/* not overlapped by a longer one */
};

/* The best reason found for a kind: the tokens to quote. */
struct classify_reason {
	int		 weight;
	size_t		 from, to;	/* tokens [from, to) */
	const char	*signal;	/* or a signal that is not words */
	int		 set;
};

/* Everything worked out about one text. */
struct classify_state {
	struct classify_doc		 doc;
	const struct classify_signals	*sig;
	const struct classify_lexicon	*lex[16];
	size_t				 nlex;
	const char			*lang;
	struct classify_match		*m;
	size_t				 nm, cap;
	size_t				*cstart;	/* per clause */
	int				 score[SC_COUNT];
	struct classify_reason		 why[SC_COUNT];
	int				 hard;		/* a plain complaint */
	int				 supposed;	/* complaints after "if" */
	int				 nsupposed;
	int				 sarcasm, sarcasm_weak;
	int				 urgent, thanks, scam, imitates;
	int				 own_fault;
	int				 praise_last;	/* "... Lovely." */
	int				 links;
};

#define NEGATION_WINDOW		3	/* words before a negated one */
#define NEGATION_WINDOW_HAN	4	/* characters */
#define NEGATION_AFTER		2	/* words after, where it may follow */
#define MATCH_MAX		2048

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
 * Match an Arabic word behind the clitics a token may begin with: و or ف
 * (and), then ب ل ك (with, for, like), then ال (the). Behind a clitic the
 * stem has three letters at least: "لكم" (to you) is not "كم" (how many).
 */
static int
classify_arabic_eq(const char *s, size_t len, const char *w, size_t n,
    int prefix)
{
	static const char *const conj[] = { "", "و", "ف" };
	static const char *const prep[] = { "", "ب", "ل", "ك" };
	static const char *const art[] = { "", "ال" };
	size_t	a, b, c, off;

	for (a = 0; a < nitems(conj); a++) {
		for (b = 0; b < nitems(prep); b++) {
			for (c = 0; c < nitems(art); c++) {
				off = 0;
				if (!classify_clitic(s, len, &off, conj[a]) ||
				    !classify_clitic(s, len, &off, prep[b]) ||
				    !classify_clitic(s, len, &off, art[c]) ||
				    (off > 0 && len - off < 6))
					continue;
				if (classify_word_eq(s + off, len - off, w, n,
				    prefix))
					return 1;
			}
		}
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

/* Return 1 if a token matches one word of a phrase (not Chinese): "*" at
 * its end matches any ending, "*" at its start any beginning; a word of
 * praise or discontent also matches inflected and after an intensifier. */
static int
classify_word_match(const struct classify_doc *d,
    const struct classify_tok *t, const char *w, size_t n, int how,
    const char *endings)
{
	static const char *const intense[] = {
		"super", "mega", "hyper", "ultra", "uber", "extra", "hiper"
	};
	const char	*s = d->fold + t->off;
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
		return classify_arabic_eq(s, t->len, w, n, prefix);
	if (classify_word_eq(s, t->len, w, n, prefix))
		return 1;
	if (!(how & WORD_INTENSE) || prefix)
		return 0;
	if (classify_inflected(s, t->len, w, n, endings))
		return 1;
	for (i = 0; i < nitems(intense); i++) {
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
static int
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
	char				 c;

	if (g->cue == CUE_PRAISE || g->cue == CUE_NEGATIVE)
		how |= WORD_INTENSE;
	for (;;) {
		bar = strchr(p, '|');
		n = bar != NULL ? (size_t)(bar - p) : strlen(p);
		any_first = p[0] == '#' || p[0] == '*' ||
		    ((unsigned char)p[0] >= 0xd8 && (unsigned char)p[0] <= 0xdb);
		for (i = 0; i < d->ntok; i++) {
			c = d->fold[d->tok[i].off];
			if (!any_first && c != p[0] && !((how & WORD_INTENSE) &&
			    strchr("smhue", c) != NULL))
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
		p = bar + 1;
	}
}

/* Find the phrases of a lexicon (but its common words) in the text. */
static void
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
 * Pick the lexicons to read: the one of the language given when the text
 * is in its script; else by script; in Latin script, the language whose
 * common words the text has, or every one when that is unclear.
 */
static void
classify_pick(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_lexicon	*given, *lex;
	int				 script = CLASSIFY_LATIN;
	size_t				 i;

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
static void
classify_resolve(struct classify_state *st)
{
	struct classify_doc	*d = &st->doc;
	struct classify_match	*m;
	size_t			 i, j;

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

/* Count w for kind sc, keeping tokens [from, to) as its reason if it is
 * the heaviest so far. */
static void
classify_add(struct classify_state *st, int sc, int w, size_t from,
    size_t to)
{
	st->score[sc] += w;
	if (w > st->why[sc].weight || !st->why[sc].set) {
		st->why[sc].weight = w;
		st->why[sc].from = from;
		st->why[sc].to = to;
		st->why[sc].signal = NULL;
		st->why[sc].set = 1;
	}
}

/* Count w for kind sc for a signal that is not words. */
static void
classify_add_signal(struct classify_state *st, int sc, int w,
    const char *signal)
{
	st->score[sc] += w;
	if (w > st->why[sc].weight || !st->why[sc].set) {
		st->why[sc].weight = w;
		st->why[sc].signal = signal;
		st->why[sc].set = 1;
	}
}

/* Return 1 if "never" at token j and "so" after it before token i make
 * praise of a negation: "never had such good coffee", "nog nooit zo
 * lekker", "niciodată așa de bine". */
static int
classify_never_so(const struct classify_doc *d, size_t j, size_t i)
{
	size_t	k;

	if (!(d->tok[j].cues & (1u << CUE_NEVER)))
		return 0;
	for (k = j + 1; k < i; k++) {
		if (d->tok[k].cues & (1u << CUE_SO))
			return 1;
	}
	return 0;
}

/*
 * Return 1 + the token of a negation of the phrase m: a negator a few
 * words before it in its clause, or, for praise in a language that may
 * put it after ("bevalt niet", "plaît pas"), just after it; 0 if there
 * is none.
 */
static size_t
classify_negator(const struct classify_state *st,
    const struct classify_match *m)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_tok	*t = d->tok;
	size_t				 i = m->tok, j, win;
	unsigned			 neg = 1u << CUE_NEGATOR;

	win = (t[i].flags & TOK_HAN) ? NEGATION_WINDOW_HAN : NEGATION_WINDOW;
	for (j = i; j > 0 && i - j < win;) {
		j--;
		if (t[j].clause != t[i].clause)
			break;
		if ((t[j].cues & neg) && classify_never_so(d, j, i))
			return 0;
		if (t[j].cues & neg)
			return j + 1;
	}
	if (!m->after || m->cue != CUE_PRAISE)
		return 0;
	for (j = i + m->ntok; j < d->ntok && j < i + m->ntok + NEGATION_AFTER &&
	    t[j].clause == t[i].clause; j++) {
		if (t[j].cues & neg)
			return j + 1;
	}
	return 0;
}

/* Return 1 if a condition ("if", "als", "wenn") opens m's clause before
 * it: what it says is supposed, not found. */
static int
classify_supposed(const struct classify_state *st,
    const struct classify_match *m)
{
	const struct classify_tok	*t = st->doc.tok;
	size_t				 j;

	for (j = m->tok; j > 0;) {
		j--;
		if (t[j].clause != t[m->tok].clause)
			break;
		if (t[j].cues & (1u << CUE_COND))
			return 1;
	}
	return 0;
}

/* Return 1 if an accepted phrase of discontent starts at token i. */
static int
classify_discontent_at(const struct classify_state *st, size_t i)
{
	size_t	k;

	for (k = 0; k < st->nm; k++) {
		if (st->m[k].accepted && st->m[k].tok == i &&
		    (st->m[k].cue == CUE_NEGATIVE ||
		    st->m[k].cue == CUE_COMPLAINT))
			return 1;
	}
	return 0;
}

/* Count a complaint of weight w; one supposed by a condition is kept
 * apart, to weigh little if the text asks. */
static void
classify_complain(struct classify_state *st, const struct classify_match *m,
    int w)
{
	if (classify_supposed(st, m)) {
		st->supposed += w;
		st->nsupposed++;
		return;
	}
	classify_add(st, SC_C, w, m->tok, m->tok + m->ntok);
	if (w >= 3)
		st->hard = 1;
}

/*
 * Return 1 if phrase m is the last clause of a text of several, of two
 * words at most: "Cancelled without a word. Lovely." reads as sarcasm
 * when what comes before complains.
 */
static int
classify_last_word_clause(const struct classify_doc *d,
    const struct classify_match *m)
{
	const struct classify_tok	*t = d->tok;
	size_t				 first = m->tok;
	int				 c = t[m->tok].clause;

	while (first > 0 && t[first - 1].clause == c)
		first--;
	return first > 0 && m->tok + m->ntok == d->ntok &&
	    d->ntok - first <= 2;
}

/* Count what a phrase of praise says, negated or not. */
static void
classify_praise(struct classify_state *st, const struct classify_match *m)
{
	size_t	neg = classify_negator(st, m), end = m->tok + m->ntok;

	if (neg > 0 && m->cue == CUE_THANKS)
		return;		/* "no thanks" */
	if (neg > 0) {
		classify_add(st, SC_C, m->weight + 1, neg - 1 < m->tok ?
		    neg - 1 : m->tok, neg > end ? neg : end);
		return;
	}
	/* "super slow", "really bad": an intensifier, not praise. */
	if (end < st->doc.ntok && st->doc.tok[end].clause ==
	    st->doc.tok[m->tok].clause && classify_discontent_at(st, end))
		return;
	if (m->cue == CUE_THANKS)
		st->thanks = 1;
	else if (classify_last_word_clause(&st->doc, m))
		st->praise_last = 1;
	classify_add(st, SC_P, m->weight, m->tok, end);
}

/* Count what an accepted phrase says. */
static void
classify_score_match(struct classify_state *st,
    const struct classify_match *m)
{
	size_t	neg, end = m->tok + m->ntok;

	switch (m->cue) {
	case CUE_COMPLAINT:
		classify_complain(st, m, m->weight);
		break;
	case CUE_NEGATIVE:
		if ((neg = classify_negator(st, m)) == 0)
			classify_complain(st, m, m->weight);
		else if (m->weight >= 2)
			classify_add(st, SC_P, 2, neg - 1 < m->tok ? neg - 1 :
			    m->tok, end);
		break;
	case CUE_PRAISE:
	case CUE_THANKS:
		classify_praise(st, m);
		break;
	case CUE_QUESTION:
	case CUE_REQUEST:
		classify_add(st, SC_Q, m->weight, m->tok, end);
		break;
	case CUE_SCAM:
		st->scam += m->weight;
		/* FALLTHROUGH */
	case CUE_SPAM:
		classify_add(st, SC_S, m->weight, m->tok, end);
		break;
	case CUE_SARCASM:
		if (m->weight >= 3) {
			st->sarcasm = 1;
			classify_add(st, SC_C, m->weight, m->tok, end);
		} else
			st->sarcasm_weak = 1;
		break;
	case CUE_URGENT:
		st->urgent = 1;
		break;
	default:
		break;
	}
}

/*
 * Count the Chinese questions of the form "A不A" ("好不好", "有没有",
 * "是不是"): the "不" in them negates nothing.
 */
static void
classify_a_not_a_questions(struct classify_state *st)
{
	struct classify_doc	*d = &st->doc;
	size_t			 i;

	for (i = 1; i + 1 < d->ntok; i++) {
		if (classify_a_not_a(d, i)) {
			d->tok[i].cues &= ~(1u << CUE_NEGATOR);
			classify_add(st, SC_Q, 3, i - 1, i + 2);
		}
	}
}

/* Return the accepted or marking phrase of cue starting at token i with
 * the most weight, or NULL. */
static const struct classify_match *
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

/*
 * Work out where each clause really starts: after a greeting ("hi,",
 * "hallo", "bonjour") and the names it tags ("@anna").
 */
static void
classify_clause_starts(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_match	*g;
	size_t				 i, s;
	int				 c;

	st->cstart = xreallocarray(NULL, d->nclause + 1, sizeof *st->cstart);
	for (c = 0; c <= d->nclause; c++)
		st->cstart[c] = SIZE_MAX;
	for (i = d->ntok; i > 0; i--)
		st->cstart[d->tok[i - 1].clause] = i - 1;
	for (c = 0; c <= d->nclause; c++) {
		while ((s = st->cstart[c]) < d->ntok && d->tok[s].clause == c) {
			if (d->tok[s].flags & TOK_MENTION)
				st->cstart[c] = s + 1;
			else if ((g = classify_match_at(st, CUE_GREETING,
			    s)) != NULL)
				st->cstart[c] = s + g->ntok;
			else
				break;
		}
	}
}

/* Return 1 if a scoring phrase of two words or more, other than a
 * question, covers token i: "kann ich nur empfehlen", "how are you". */
static int
classify_in_phrase(const struct classify_state *st, size_t i)
{
	const struct classify_match	*m;
	size_t				 k;

	for (k = 0; k < st->nm; k++) {
		m = &st->m[k];
		if (m->accepted && m->ntok >= 2 && m->tok <= i &&
		    m->tok + m->ntok > i && m->cue != CUE_QUESTION &&
		    m->cue != CUE_REQUEST)
			return 1;
	}
	return 0;
}

/*
 * Count a question that opens with "why" and holds a negation or
 * discontent as a reproach: "why has nobody answered", "waarom duurt het
 * zo lang", "为什么没人回复".
 */
static void
classify_reproach(struct classify_state *st, int c, size_t s)
{
	const struct classify_doc	*d = &st->doc;
	unsigned			 neg = 1u << CUE_NEGATOR;
	size_t				 j, k;

	for (j = s; j < d->ntok && d->tok[j].clause == c; j++) {
		for (k = 0; !(d->tok[j].cues & neg) && k < st->nm; k++) {
			if (st->m[k].accepted && st->m[k].tok == j &&
			    (st->m[k].cue == CUE_NEGATIVE ||
			    st->m[k].cue == CUE_COMPLAINT))
				break;
		}
		if ((d->tok[j].cues & neg) || k < st->nm) {
			classify_add(st, SC_C, 3, s, j + 1);
			return;
		}
	}
}

/* Count a clause that ends with an interrogative ("c'est quand", "ça
 * coûte combien", "العرض لين متى"). */
static void
classify_question_end(struct classify_state *st, int c, size_t s)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_match	*m;
	size_t				 e = s, k;

	while (e + 1 < d->ntok && d->tok[e + 1].clause == c)
		e++;
	for (k = 0; k < st->nm; k++) {
		m = &st->m[k];
		if (m->cue == CUE_QEND && m->tok + m->ntok == e + 1 &&
		    m->tok > s) {
			classify_add(st, SC_Q, m->weight, m->tok, e + 1);
			return;
		}
	}
}

/*
 * Count the clauses that open as questions: with an interrogative ("how",
 * "waarom", "¿dónde", "هل") that does not open an exclamation ("how
 * lovely", "wat een"), or with a verb before its subject ("do you",
 * "heb je", "avez vous", "gibt es"), which weighs as much as its
 * language says: in Dutch and German that is a question, in English a
 * subject may be left out ("was the best tea ever").
 */
static void
classify_clause_questions(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_match	*q;
	unsigned			 subj = 1u << CUE_SUBJECT;
	size_t				 s;
	int				 c;

	for (c = 0; c <= d->nclause; c++) {
		s = st->cstart[c];
		if (s >= d->ntok || d->tok[s].clause != c)
			continue;
		if (d->tok[s].cues & (1u << CUE_WHY))
			classify_reproach(st, c, s);
		classify_question_end(st, c, s);
		if (classify_match_at(st, CUE_NOTQ, s) != NULL ||
		    classify_in_phrase(st, s))
			continue;
		if ((q = classify_match_at(st, CUE_QSTART, s)) != NULL)
			classify_add(st, SC_Q, q->weight, s, s + q->ntok);
		else if ((q = classify_match_at(st, CUE_AUX, s)) != NULL &&
		    s + 1 < d->ntok && d->tok[s + 1].clause == c &&
		    (d->tok[s + 1].cues & subj))
			classify_add(st, SC_Q, q->weight, s, s + 2);
	}
}

/* Return 1 if the text is written in capitals, as if shouted. */
static int
classify_shouts(const struct classify_doc *d)
{
	return (d->upper >= 8 && d->upper * 4 >= (d->upper + d->lower) * 3) ||
	    d->caps_words >= 3;
}

/* Return 1 if a token of the text is marked with cue. */
static int
classify_has_cue(const struct classify_doc *d, int cue)
{
	size_t	i;

	for (i = 0; i < d->ntok; i++) {
		if (d->tok[i].cues & (1u << cue))
			return 1;
	}
	return 0;
}

/* Count the signals that are not words: marks, emoji, links, names. */
static void
classify_signal_scores(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_signals	*sig = st->sig;
	int				 e;

	if (d->qmarks > 0)
		classify_add_signal(st, SC_Q, 3, "'?'");
	if ((e = d->emoji[EMOJI_PRAISE] + d->emoji[EMOJI_PLEAD]) > 0)
		classify_add_signal(st, SC_P, e > 2 ? 2 : e, "emoji");
	if ((e = d->emoji[EMOJI_SAD]) > 0)
		classify_add_signal(st, SC_C, e > 2 ? 2 : e, "emoji");
	if (d->emoji[EMOJI_QUESTION] > 0)
		classify_add_signal(st, SC_Q, 2, "🤔");
	if ((e = d->emoji[EMOJI_MONEY]) > 0)
		classify_add_signal(st, SC_S, e > 2 ? 2 : e, "emoji");
	if (d->emoji[EMOJI_EYEROLL] > 0 || d->slash_s)
		st->sarcasm = 1;
	st->links = d->links + (sig->has_link != 0);
	if (st->links > 0)
		classify_add_signal(st, SC_S, 1, "a link");
	if (st->links > 0 && sig->author_threads >= 5)
		classify_add_signal(st, SC_S, 4, "a link from an author in "
		    "many threads");
	if (d->phone)
		classify_add_signal(st, SC_S, 1, "a phone number");
	/* Writing again to ask for an answer is a complaint by now, and so
	 * is asking anyone at all to answer. */
	if (classify_has_cue(d, CUE_ANSWER) && (sig->followup ||
	    classify_has_cue(d, CUE_SOMEONE)))
		classify_add_signal(st, SC_C, 3, "chasing an answer");
	st->own_fault = classify_has_cue(d, CUE_OWNFAULT);
	if (classify_name_imitates(sig->author_name, sig->shop_name)) {
		st->imitates = 1;
		classify_add_signal(st, SC_S, st->scam > 0 || st->links > 0 ?
		    5 : 2, "a name like the shop's");
	}
	if (d->mentions >= 3 && st->score[SC_S] > 0)
		classify_add_signal(st, SC_S, 1, "many tagged");
}

/* Weigh sarcasm and supposed complaints into the scores. */
static void
classify_weigh(struct classify_state *st)
{
	int	*sc = st->score;

	/* A complaint that a question only supposes weighs 1 a phrase. */
	sc[SC_C] += sc[SC_Q] >= 3 ? st->nsupposed : st->supposed;
	/* "I chose the wrong colour by mistake, can I change it?" */
	if (st->own_fault && sc[SC_Q] >= 3 && sc[SC_C] > 2) {
		sc[SC_C] = 2;
		st->hard = 0;
	}
	if (sc[SC_P] > 0 && (st->sarcasm || ((st->sarcasm_weak ||
	    st->praise_last) && sc[SC_C] >= 2))) {
		classify_add_signal(st, SC_C, sc[SC_P], "sarcasm");
		sc[SC_P] = 0;
	} else if (st->sarcasm && sc[SC_C] == 0)
		classify_add_signal(st, SC_C, 2, "sarcasm");
}

/* Decide the kind from the scores. */
static enum classify_kind
classify_kind_of(const struct classify_state *st)
{
	const int	*sc = st->score;

	if (sc[SC_S] >= 4 && sc[SC_S] >= sc[SC_C])
		return CLASSIFY_SPAM;
	if (sc[SC_C] >= 3 && (sc[SC_C] >= sc[SC_P] || st->hard))
		return CLASSIFY_COMPLAINT;
	if (sc[SC_Q] >= 3)
		return CLASSIFY_QUESTION;
	if (sc[SC_C] >= 2 && sc[SC_C] > sc[SC_P])
		return CLASSIFY_COMPLAINT;
	/* Mild praise does not outweigh a question's form: "is the shop
	 * dog friendly". */
	if (sc[SC_P] > 0 && sc[SC_P] >= sc[SC_C] && (sc[SC_P] >= 2 ||
	    sc[SC_Q] < 2))
		return CLASSIFY_PRAISE;
	if (sc[SC_Q] >= 2)
		return CLASSIFY_QUESTION;
	return CLASSIFY_OTHER;
}

/* Decide whether a message of this kind needs a reply. */
static enum classify_reply
classify_reply_of(const struct classify_state *st, enum classify_kind kind)
{
	const struct classify_doc	*d = &st->doc;

	switch (kind) {
	case CLASSIFY_COMPLAINT:
	case CLASSIFY_QUESTION:
		return CLASSIFY_REPLY_YES;
	case CLASSIFY_PRAISE:
	case CLASSIFY_SPAM:
		return CLASSIFY_REPLY_NO;
	default:
		break;
	}
	if (st->sig->followup)
		return CLASSIFY_REPLY_YES;
	/* Tagging a friend, an emoji, a word: nothing to answer. */
	if (d->ntok <= 2 || (d->mentions > 0 && d->ntok <= (size_t)
	    d->mentions + 4))
		return CLASSIFY_REPLY_NO;
	return CLASSIFY_REPLY_UNCLEAR;
}

/* Decide how urgent it is, 0 to 3. */
static int
classify_urgency(const struct classify_state *st, enum classify_kind kind)
{
	const struct classify_doc	*d = &st->doc;
	int				 u;

	if (kind == CLASSIFY_SPAM || kind == CLASSIFY_PRAISE)
		return 0;
	u = kind == CLASSIFY_OTHER ? 0 : 1;
	u += st->sig->followup != 0;
	if (kind != CLASSIFY_OTHER && (classify_shouts(d) ||
	    d->punct_run >= 3 || st->urgent))
		u++;
	if (kind == CLASSIFY_COMPLAINT && st->score[SC_C] >= 8)
		u++;
	return u > 3 ? 3 : u;
}

/* Append the quoted reason of kind sc to b. */
static void
classify_why_reason(const struct classify_state *st, int sc, struct buf *b)
{
	const struct classify_reason	*r = &st->why[sc];
	const struct classify_doc	*d = &st->doc;
	char				*span, *quoted;
	size_t				 from, to;

	if (!r->set)
		return;
	if (r->signal != NULL) {
		buf_addstr(b, r->signal);
		return;
	}
	from = d->tok[r->from].raw_off;
	to = d->tok[r->to - 1].raw_end;
	span = xstrndup(d->raw + from, to - from);
	quoted = text_quote(span, 40);
	buf_printf(b, "'%s'", quoted);
	free(quoted);
	free(span);
}

/* Write why into res->why, cut on a character boundary. */
static void
classify_why(const struct classify_state *st, struct classify_result *res)
{
	static const int	 sc_of[CLASSIFY_KIND_COUNT] = {
		-1, SC_Q, SC_C, SC_P, SC_S
	};
	const struct classify_doc *d = &st->doc;
	struct buf		 b;
	int			 sc = sc_of[res->kind];
	size_t			 n;

	buf_init(&b, 0);
	buf_printf(&b, "%s: ", classify_kind_name(res->kind));
	if (sc >= 0 && st->why[sc].set)
		classify_why_reason(st, sc, &b);
	else
		buf_addstr(&b, d->ntok == 0 ? "no words" : "nothing to go by");
	if (res->kind == CLASSIFY_SPAM && st->imitates &&
	    st->why[SC_S].signal == NULL)
		buf_addstr(&b, ", a name like the shop's");
	if (res->kind == CLASSIFY_COMPLAINT && st->sarcasm &&
	    st->why[SC_C].signal == NULL)
		buf_addstr(&b, ", sarcasm");
	if (st->sig->followup && res->kind != CLASSIFY_SPAM)
		buf_addstr(&b, ", follow-up");
	if (res->urgency > 0 && classify_shouts(d))
		buf_addstr(&b, ", capitals");
	if (res->urgency > 0 && d->punct_run >= 3)
		buf_addstr(&b, ", repeated ! or ?");
	n = b.len < sizeof res->why ? b.len : sizeof res->why - 1;
	while (n > 0 && n < b.len && ((unsigned char)b.data[n] & 0xc0) == 0x80)
		n--;
	memcpy(res->why, b.data, n);
	res->why[n] = '\0';
	buf_free(&b);
}

/* Classify one message; see classify.h. */
void
classify_text(const char *text, const struct classify_signals *sig,
    struct classify_result *res)
{
	static const struct classify_signals	 none;
	struct classify_state			 st;
	size_t					 len, i;

	memset(&st, 0, sizeof st);
	st.sig = sig != NULL ? sig : &none;
	len = strlen(text);
	if (len > CLASSIFY_TEXT_MAX) {
		len = CLASSIFY_TEXT_MAX;
		while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--;
	}
	classify_doc_read(&st.doc, text, len);
	classify_pick(&st);
	for (i = 0; i < st.nlex; i++)
		classify_find(&st, st.lex[i]);
	classify_resolve(&st);
	classify_a_not_a_questions(&st);
	for (i = 0; i < st.nm; i++) {
		if (st.m[i].accepted)
			classify_score_match(&st, &st.m[i]);
	}
	classify_clause_starts(&st);
	classify_clause_questions(&st);
	classify_signal_scores(&st);
	classify_weigh(&st);
	memset(res, 0, sizeof *res);
	res->kind = classify_kind_of(&st);
	res->reply = classify_reply_of(&st, res->kind);
	res->urgency = classify_urgency(&st, res->kind);
	res->lang = st.lang;
	classify_why(&st, res);
	free(st.m);
	free(st.cstart);
	classify_doc_free(&st.doc);
}

static const char *const classify_kind_names[CLASSIFY_KIND_COUNT] = {
	"other", "question", "complaint", "praise", "spam"
};
static const char *const classify_reply_names[CLASSIFY_REPLY_COUNT] = {
	"no", "unclear", "yes"
};

/* The name of a kind. */
const char *
classify_kind_name(enum classify_kind kind)
{
	if ((unsigned)kind >= CLASSIFY_KIND_COUNT)
		fatal("classify: no kind %d", (int)kind);
	return classify_kind_names[kind];
}

/* The name of a reply. */
const char *
classify_reply_name(enum classify_reply reply)
{
	if ((unsigned)reply >= CLASSIFY_REPLY_COUNT)
		fatal("classify: no reply %d", (int)reply);
	return classify_reply_names[reply];
}

/* Read a kind from its name; 0, or -1 if it is none. */
int
classify_kind_parse(const char *s, enum classify_kind *kind)
{
	int	i;

	for (i = 0; s != NULL && i < CLASSIFY_KIND_COUNT; i++) {
		if (strcmp(s, classify_kind_names[i]) == 0) {
			*kind = (enum classify_kind)i;
			return 0;
		}
	}
	return -1;
}

/* Read a reply from its name; 0, or -1 if it is none. */
int
classify_reply_parse(const char *s, enum classify_reply *reply)
{
	int	i;

	for (i = 0; s != NULL && i < CLASSIFY_REPLY_COUNT; i++) {
		if (strcmp(s, classify_reply_names[i]) == 0) {
			*reply = (enum classify_reply)i;
			return 0;
		}
	}
	return -1;
}

/* Count one message: expected kind and reply, then those found. */
void
classify_tally_add(struct classify_tally *t, enum classify_kind want,
    enum classify_reply want_reply, enum classify_kind got,
    enum classify_reply got_reply)
{
	t->kind[want][got]++;
	t->reply[want_reply][got_reply]++;
}

/* The share of messages found to be of a kind that are; -1: none found. */
double
classify_tally_precision(const struct classify_tally *t,
    enum classify_kind kind)
{
	unsigned	found = 0;
	int		i;

	for (i = 0; i < CLASSIFY_KIND_COUNT; i++)
		found += t->kind[i][kind];
	return found == 0 ? -1 : (double)t->kind[kind][kind] / found;
}

/* The share of messages of a kind found to be; -1: none expected. */
double
classify_tally_recall(const struct classify_tally *t,
    enum classify_kind kind)
{
	unsigned	expected = 0;
	int		i;

	for (i = 0; i < CLASSIFY_KIND_COUNT; i++)
		expected += t->kind[kind][i];
	return expected == 0 ? -1 : (double)t->kind[kind][kind] / expected;
}

/* The number of messages counted. */
unsigned
classify_tally_total(const struct classify_tally *t)
{
	unsigned	n = 0;
	int		i, j;

	for (i = 0; i < CLASSIFY_KIND_COUNT; i++) {
		for (j = 0; j < CLASSIFY_KIND_COUNT; j++)
			n += t->kind[i][j];
	}
	return n;
}

/* The share of messages whose kind was found right; -1: none counted. */
double
classify_tally_accuracy(const struct classify_tally *t)
{
	unsigned	right = 0, n = classify_tally_total(t);
	int		i;

	for (i = 0; i < CLASSIFY_KIND_COUNT; i++)
		right += t->kind[i][i];
	return n == 0 ? -1 : (double)right / n;
}
