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
#define FIND_MAX	1024	/* phrases that may begin at one token */
#define SORT_INSERTION_MAX 64	/* phrases found, to sort by insertion */
#define FILL_MAX	2	/* fillers let in between two words */

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

/* Return 1 if Arabic token bytes s (len) are word w (n) in another
 * person: "تشتغل" for "يشتغل" (the index finds them alike). */
static int
classify_arabic_person(const char *s, size_t len, const char *w, size_t n,
    int prefix)
{
	return len >= 4 && n >= 4 && memcmp(s, ARABIC_TEH, 2) == 0 &&
	    memcmp(w, ARABIC_YEH, 2) == 0 && classify_word_eq(s + 2, len - 2,
	    w + 2, n - 2, prefix);
}

/* Match an Arabic word at any place its token's stem may begin, in any
 * person. */
static int
classify_arabic_eq(const char *s, const struct classify_tok *t,
    const char *w, size_t n, int prefix)
{
	size_t	k;

	for (k = 0; k < t->nstem; k++) {
		if (classify_word_eq(s + t->stem[k], t->len - t->stem[k], w, n,
		    prefix) || classify_arabic_person(s + t->stem[k],
		    t->len - t->stem[k], w, n, prefix))
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

/* Return 1 if a token matches one word of a phrase (not Chinese): "*" at
 * its end matches any ending, "*" at its start any beginning; a word of
 * praise or discontent also matches inflected and after an intensifier. */
static int
classify_word_match(const struct classify_doc *d,
    const struct classify_tok *t, const char *w, size_t n, int how,
    const char *endings)
{
	const char	*s = d->fold + t->off;
	int		 prefix = n > 1 && w[n - 1] == '*';
	size_t		 k;

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
	if (classify_word_eq(s, t->len, w, n, prefix) ||
	    ((t->flags & TOK_ARABIC) && classify_arabic_person(s, t->len, w,
	    n, prefix)))
		return 1;
	if (!(how & WORD_INTENSE) || prefix)
		return 0;
	if (classify_inflected(s, t->len, w, n, endings))
		return 1;
	if ((t->flags & TOK_INTENSE) && (k = classify_intense_len(s,
	    t->len)) > 0)
		return classify_word_eq(s + k, t->len - k, w, n, 0) ||
		    classify_inflected(s + k, t->len - k, w, n, endings);
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
	size_t				 k = 0, e, used, at = i, fill;

	while (k < n) {
		for (e = k; e < n && p[e] != ' '; e++)
			;
		/* Chinese characters begin with a byte of 0xe3 or more. */
		if ((unsigned char)p[k] >= 0xe3 &&
		    classify_cp_han(classify_first_cp(p + k, e - k, &used))) {
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
			/* A filler may come between two words ("not
			 * really received"), one or two of them. */
			for (fill = 0; at != i && fill < FILL_MAX &&
			    at + 1 < d->ntok && (d->tok[at].flags &
			    TOK_FILLER) && !classify_word_match(d,
			    &d->tok[at], p + k, e - k, how & ~WORD_FIRST,
			    endings); fill++)
				at++;
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

/* Add phrase e, found at token i (ntok tokens), to the state. */
static void
classify_add_match(struct classify_state *st, const struct classify_entry *e,
    size_t lexpos, size_t i, size_t ntok)
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
	m->cue = e->group->cue;
	m->weight = e->group->weight;
	m->tok = i;
	m->ntok = ntok;
	m->bytes = e->len;
	m->after = e->lex->negation_after;
	m->lexpos = lexpos;
	m->ordinal = e->ordinal;
}

/* Note where the stems of Arabic tokens may begin, and the tokens that
 * begin with an intensifier. */
static void
classify_index_tokens(struct classify_state *st)
{
	struct classify_doc	*d = &st->doc;
	struct classify_tok	*t;
	size_t			 i;

	for (i = 0; i < d->ntok; i++) {
		t = &d->tok[i];
		if (t->flags & TOK_ARABIC)
			t->nstem = (uint8_t)classify_arabic_stems(d->fold +
			    t->off, t->len, t->stem);
		if (classify_intense_len(d->fold + t->off, t->len) > 0)
			t->flags |= TOK_INTENSE;
	}
}

/* Mark the tokens that the lexicons of mask let in between the words of
 * a phrase (TOK_FILLER). */
static void
classify_mark_fillers(struct classify_state *st, unsigned mask)
{
	struct classify_doc	*d = &st->doc;
	size_t			 i;
	unsigned		 fill;

	for (i = 0; i < d->ntok; i++) {
		if (d->tok[i].flags & (TOK_HAN | TOK_DIGITS))
			continue;
		classify_index_common(d->fold + d->tok[i].off, d->tok[i].len,
		    &fill);
		if (fill & mask)
			d->tok[i].flags |= TOK_FILLER;
	}
}

/*
 * Find the phrases of the lexicons picked (but their common words) in
 * the text: at each token, those the index says may begin there, each
 * checked word by word. No phrase begins inside quotation marks, nor at
 * the "不" of "好不好" ("不好" is no complaint there).
 */
void
classify_find(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_entry	*cand[FIND_MAX], *e;
	size_t				 lexpos[CLASSIFY_LEXICONS];
	size_t				 i, j, n, k;
	unsigned			 mask = 0;
	int				 no;

	for (i = 0; i < st->nlex; i++) {
		no = classify_index_lexno(st->lex[i]);
		mask |= 1u << no;
		lexpos[no] = i;
	}
	classify_mark_fillers(st, mask);
	for (i = 0; i < d->ntok; i++) {
		if ((d->tok[i].flags & TOK_QUOTED) || classify_a_not_a(d, i))
			continue;
		n = classify_index_at(d, i, mask, cand, nitems(cand));
		for (j = 0; j < n; j++) {
			e = cand[j];
			/* The second token must begin as the phrase's does,
			 * unless it is a filler. */
			if (e->next != 0 && (i + 1 == d->ntok ||
			    ((unsigned char)d->fold[d->tok[i + 1].off] !=
			    e->next && !(d->tok[i + 1].flags & TOK_FILLER))))
				continue;
			k = classify_phrase_at(d, i, e->phrase, e->len,
			    WORD_FIRST | (e->intense ? WORD_INTENSE : 0),
			    e->lex->endings);
			if (k > 0)
				classify_add_match(st, e, lexpos[e->lexno], i,
				    k);
		}
	}
}

/* Count, for every lexicon of Latin script, the tokens of the text that
 * are among its common words, but those of links. */
static void
classify_count_common(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_lexicon	*lex;
	size_t				 i, no;
	unsigned			 mask = 0, has, fill;

	if (st->counted)
		return;
	st->counted = 1;
	for (i = 0; (lex = classify_lexicon_at(i)) != NULL; i++) {
		if (lex->script == CLASSIFY_LATIN)
			mask |= 1u << classify_index_lexno(lex);
	}
	for (i = 0; i < d->ntok; i++) {
		if (d->tok[i].flags & TOK_LINK)
			continue;	/* "de" in "shop.de" */
		has = classify_index_common(d->fold + d->tok[i].off,
		    d->tok[i].len, &fill) & mask;
		for (no = 0; has != 0; no++, has >>= 1)
			st->common[no] += has & 1;
	}
}

/* Return how many tokens of the text are common words of lex. */
static size_t
classify_common_words(struct classify_state *st,
    const struct classify_lexicon *lex)
{
	classify_count_common(st);
	return st->common[classify_index_lexno(lex)];
}

/* The language of a text in Latin script, or NULL when unsure. */
static const struct classify_lexicon *
classify_detect(struct classify_state *st)
{
	const struct classify_lexicon	*lex, *best = NULL;
	size_t				 i, n, most = 0, second = 0;

	for (i = 0; (lex = classify_lexicon_at(i)) != NULL; i++) {
		if (lex->script != CLASSIFY_LATIN)
			continue;
		n = classify_common_words(st, lex);
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
 * Add the lexicon of a second language when the text, in the script of
 * the language given, has more of that one's common words than of its
 * own: a comment that mixes languages ("Me encanta!! do you have it in
 * black?") is read in both.
 */
static void
classify_pick_second(struct classify_state *st,
    const struct classify_lexicon *given, int script)
{
	const struct classify_lexicon	*other;

	if (script != CLASSIFY_LATIN || st->sig->lang == NULL ||
	    (other = classify_detect(st)) == NULL || other == given ||
	    classify_common_words(st, other) <=
	    classify_common_words(st, given))
		return;
	st->lex[st->nlex++] = other;
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

	classify_index_tokens(st);
	if (d->han > 0 && d->han * 3 >= d->latin && d->han >= d->arabic)
		script = CLASSIFY_HAN;
	else if (d->arabic > 0 && d->arabic >= d->latin)
		script = CLASSIFY_ARABIC;
	st->lex[st->nlex++] = &classify_lex_any;
	given = classify_lexicon_find(st->sig->lang);
	if (given == NULL || given->script != script)
		given = script == CLASSIFY_HAN ? &classify_lex_zh :
		    script == CLASSIFY_ARABIC ? &classify_lex_ar :
		    classify_detect(st);
	if (given != NULL) {
		st->lex[st->nlex++] = given;
		st->lang = given->code;
		classify_pick_second(st, given, script);
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
	if (x->cue != y->cue)
		return x->cue - y->cue;
	/* Then as if each lexicon's phrases were tried in turn. */
	if (x->lexpos != y->lexpos)
		return x->lexpos < y->lexpos ? -1 : 1;
	if (x->ordinal != y->ordinal)
		return x->ordinal < y->ordinal ? -1 : 1;
	return x->tok < y->tok ? -1 : x->tok > y->tok;
}

/* Sort found phrases with classify_match_cmp: by insertion, as a text
 * has few and finds them nearly in order. */
static void
classify_sort_matches(struct classify_match *m, size_t n)
{
	struct classify_match	 x;
	size_t			 i, j;

	if (n > SORT_INSERTION_MAX) {
		qsort(m, n, sizeof *m, classify_match_cmp);
		return;
	}
	for (i = 1; i < n; i++) {
		x = m[i];
		for (j = i; j > 0 && classify_match_cmp(&m[j - 1], &x) > 0; j--)
			m[j] = m[j - 1];
		m[j] = x;
	}
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
 * Return which of the marks in bits (CUE_BIT) the accepted phrase m
 * takes from its tokens: those it holds with words of its own around
 * them ("more or less", "لو سمحت"), not those it only repeats (the
 * question "can i" is still a condition "can i").
 */
static uint64_t
classify_marks_inside(const struct classify_state *st,
    const struct classify_match *m, uint64_t bits)
{
	uint64_t	take = 0, b;
	size_t		j;

	for (b = 1; b != 0 && b <= bits; b <<= 1) {
		if (!(bits & b))
			continue;
		for (j = m->tok; j < m->tok + m->ntok; j++) {
			if (!(st->doc.tok[j].cues & b)) {
				take |= b;
				break;
			}
		}
	}
	return take;
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
	uint64_t		 take;
	size_t			 i, j;

	classify_sort_matches(st->m, st->nm);
	for (i = 0; i < st->nm; i++) {
		m = &st->m[i];
		if (!classify_cue_scores(m->cue)) {
			for (j = m->tok; j < m->tok + m->ntok; j++)
				d->tok[j].cues |= CUE_BIT(m->cue);
			continue;
		}
		if (!classify_covered(st, m->tok, m->tok + m->ntok) &&
		    !classify_greeting_covers(st, m->tok, m->ntok))
			m->accepted = 1;
	}
	for (i = 0; i < st->nm; i++) {
		m = &st->m[i];
		if (!m->accepted)
			continue;
		take = CUE_BIT(CUE_NEGATOR) | classify_marks_inside(st, m,
		    CUE_BIT(CUE_COND) | CUE_BIT(CUE_OR));
		for (j = m->tok; j < m->tok + m->ntok; j++)
			d->tok[j].cues &= ~take;
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
