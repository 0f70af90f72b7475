/*
 * classify-index.c -- the phrases of every lexicon indexed by their first
 * word, so that a text is read in one pass over its tokens instead of
 * trying every phrase at every token. Built once, on first use, and kept
 * until the process ends: a hash table of first words (and of the first
 * character of Chinese phrases), the first words that end with "*" by
 * their first byte, and the few phrases that begin with "#" or "*".
 *
 * For a token it gives every phrase that may begin there: those whose
 * first word is the token, begins it, or is the token without an ending
 * of its language or an intensifier ("superlekker"), behind any Arabic
 * clitic. classify-match.c then checks each as before, so the index
 * only makes the search shorter, never its outcome different.
 */
#include <stdlib.h>
#include <string.h>

#include "classify-private.h"
#include "text.h"
#include "util.h"

/* How an entry is found. */
#define KEY_EXACT	0	/* its first word is the key */
#define KEY_PREFIX	1	/* its first word, less the "*", begins it */
#define KEY_DIGITS	2	/* "#": any number */
#define KEY_SUFFIX	3	/* "*word": tried at every token */

#define BASE_MAX	64	/* bytes of a word without its ending */

/* One entry while the index is built: how it is found, and by what. */
struct index_key {
	int			 function;	/* a common word */
	int			 kind;
	const char		*key;
	size_t			 keylen;
	struct classify_entry	 e;
};

/* A slot of the hash table: a first word and its entries. */
struct index_slot {
	const char	*key;
	uint32_t	 keylen;
	uint32_t	 start, count;
};

/* An ending of a lexicon's words, read from its endings ("o>a"): the
 * bytes a word ends with (cut) and what the ending puts there (add). */
#define ENDINGS_MAX	8
struct index_ending {
	const char	*cut, *add;
	size_t		 ncut, nadd;
};

/*
 * A table of the index: entries in the order of their kinds and keys.
 * seen[] holds, for each entry, the number of the last search that kept
 * it, so that a search keeps an entry once however many ways it finds
 * it.
 */
struct index_table {
	struct classify_entry	*entry;
	size_t			 nentry;
	uint32_t		*seen;
	struct index_slot	*slot;
	size_t			 mask;		/* slots - 1 */
	uint32_t		 prefix[257];	/* by first byte: [b, b+1) */
	uint32_t		 digits, suffix, end;	/* their ranges */
};

/* A common word of some lexicons, to tell languages apart, or a word
 * that phrases let in between their own. */
struct index_common {
	const char	*word;
	uint32_t	 len;
	unsigned	 lexmask;	/* 1 << lexno of those that have it */
	unsigned	 fillmask;	/* and of those that let it in */
};

/* The index: a table of the phrases, and a hash table of the common
 * words and fillers (CUE_FUNCTION, CUE_FILLER), which are single words. */
static struct {
	int			 built;
	uint32_t		 search;
	struct index_table	 table;
	struct index_common	*common;
	size_t			 cmask;		/* slots - 1 */
	struct index_ending	 ending[CLASSIFY_LEXICONS][ENDINGS_MAX];
	size_t			 nending[CLASSIFY_LEXICONS];
} classify_idx;

/* Hash a word (FNV-1a). */
static uint32_t
classify_index_hash(const char *s, size_t n)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* Return the lexicon of number lexno: 0 the shared one, then those of
 * classify_lexicon_at. */
static const struct classify_lexicon *
classify_index_lexicon(size_t lexno)
{
	return lexno == 0 ? &classify_lex_any : classify_lexicon_at(lexno - 1);
}

/* Return the number of a lexicon (see classify_index_lexicon). */
int
classify_index_lexno(const struct classify_lexicon *lex)
{
	static const struct classify_lexicon	*known[CLASSIFY_LEXICONS];
	size_t					 i;

	if (known[0] == NULL) {
		for (i = 0; i < CLASSIFY_LEXICONS; i++)
			known[i] = classify_index_lexicon(i);
	}
	for (i = 0; i < CLASSIFY_LEXICONS; i++) {
		if (known[i] == lex)
			return (int)i;
	}
	fatal("a lexicon not in the table");
}

/* Work out how phrase p (n bytes) is found: its kind, and its key. */
static void
classify_index_key_of(const char *p, size_t n, struct index_key *k)
{
	size_t		 w, used;
	uint32_t	 cp;

	for (w = 0; w < n && p[w] != ' '; w++)
		;
	k->e.wlen = (uint16_t)w;
	used = text_decode(p, w, &cp);
	k->key = p;
	k->keylen = w;
	if (w + 1 < n)
		k->e.next = (unsigned char)p[w + 1];
	if (classify_cp_han(cp)) {
		k->kind = KEY_EXACT;
		k->keylen = used;
		if (used < w)
			k->e.next = (unsigned char)p[used];
	} else if (w == 1 && p[0] == '#')
		k->kind = KEY_DIGITS;
	else if (w > 1 && p[0] == '*')
		k->kind = KEY_SUFFIX;
	else if (w > 1 && p[w - 1] == '*') {
		k->kind = KEY_PREFIX;
		k->keylen = w - 1;
	} else
		k->kind = KEY_EXACT;
}

/* Order keys: by kind, then key (a prefix by its first byte alone, so
 * that each byte's prefixes are together), then lexicon and place. */
static int
classify_index_cmp(const void *a, const void *b)
{
	const struct index_key	*x = a, *y = b;
	size_t			 n;
	int			 c;

	if (x->function != y->function)
		return x->function - y->function;
	if (x->kind != y->kind)
		return x->kind - y->kind;
	if (x->kind == KEY_EXACT) {
		n = x->keylen < y->keylen ? x->keylen : y->keylen;
		if ((c = memcmp(x->key, y->key, n)) != 0)
			return c;
		if (x->keylen != y->keylen)
			return x->keylen < y->keylen ? -1 : 1;
	} else if (x->kind == KEY_PREFIX && x->key[0] != y->key[0])
		return (unsigned char)x->key[0] < (unsigned char)y->key[0] ?
		    -1 : 1;
	if (x->e.lexno != y->e.lexno)
		return x->e.lexno - y->e.lexno;
	return x->e.ordinal < y->e.ordinal ? -1 : x->e.ordinal > y->e.ordinal;
}

/* Add the phrases of one lexicon to keys (grown as needed). */
static void
classify_index_collect(size_t lexno, struct index_key **keys, size_t *n,
    size_t *cap)
{
	const struct classify_lexicon	*lex = classify_index_lexicon(lexno);
	const struct classify_group	*g;
	const char			*p, *bar;
	struct index_key		*k;
	size_t				 gi;
	uint32_t			 ordinal = 0;

	for (gi = 0; gi < lex->ngroups; gi++) {
		g = &lex->groups[gi];
		for (p = g->phrases;; p = bar + 1) {
			if (*n == *cap) {
				*cap = *cap == 0 ? 4096 : *cap * 2;
				*keys = xreallocarray(*keys, *cap,
				    sizeof **keys);
			}
			k = &(*keys)[(*n)++];
			bar = strchr(p, '|');
			memset(k, 0, sizeof *k);
			k->e.lex = lex;
			k->e.group = g;
			k->e.phrase = p;
			k->e.len = (uint16_t)(bar != NULL ? (size_t)(bar - p) :
			    strlen(p));
			k->e.lexno = (uint8_t)lexno;
			k->e.intense = g->cue == CUE_PRAISE ||
			    g->cue == CUE_NEGATIVE;
			classify_index_key_of(p, k->e.len, k);
			/* Words that may match other than as written. */
			if (k->e.intense || k->e.next == '#' ||
			    k->e.next == '*')
				k->e.next = 0;
			k->e.ordinal = ordinal++;
			k->function = g->cue == CUE_FUNCTION ||
			    g->cue == CUE_FILLER;
			if (bar == NULL)
				break;
		}
	}
}

/* Put the first word of entries [start, start + count) into the hash
 * table of tb. */
static void
classify_index_slot(struct index_table *tb, const struct index_key *k,
    uint32_t start, uint32_t count)
{
	struct index_slot	*s;
	size_t			 h;

	h = classify_index_hash(k->key, k->keylen) & tb->mask;
	while (tb->slot[h].key != NULL)
		h = (h + 1) & tb->mask;
	s = &tb->slot[h];
	s->key = k->key;
	s->keylen = (uint32_t)k->keylen;
	s->start = start;
	s->count = count;
}

/* Return 1 if keys a and b are the same first word. */
static int
classify_index_same(const struct index_key *a, const struct index_key *b)
{
	return a->kind == KEY_EXACT && b->kind == KEY_EXACT &&
	    a->keylen == b->keylen && memcmp(a->key, b->key, a->keylen) == 0;
}

/* Build table tb from n keys, sorted. */
static void
classify_index_table(struct index_table *tb, const struct index_key *keys,
    size_t n)
{
	size_t		i, j, words = 0, size = 16;
	unsigned	b;

	tb->entry = xreallocarray(NULL, n, sizeof *tb->entry);
	tb->seen = xcalloc(n, sizeof *tb->seen);
	for (i = 0; i < n; i++) {
		tb->entry[i] = keys[i].e;
		if (keys[i].kind == KEY_EXACT && (i == 0 ||
		    !classify_index_same(&keys[i - 1], &keys[i])))
			words++;
	}
	tb->nentry = n;
	while (size < words * 2)
		size *= 2;
	tb->slot = xcalloc(size, sizeof *tb->slot);
	tb->mask = size - 1;
	for (i = 0; i < n && keys[i].kind == KEY_EXACT; i = j) {
		for (j = i + 1; j < n && classify_index_same(&keys[i],
		    &keys[j]); j++)
			;
		classify_index_slot(tb, &keys[i], (uint32_t)i,
		    (uint32_t)(j - i));
	}
	for (b = 0; b <= 256; b++) {
		while (i < n && keys[i].kind == KEY_PREFIX &&
		    (unsigned char)keys[i].key[0] < b)
			i++;
		tb->prefix[b] = (uint32_t)i;
	}
	for (; i < n && keys[i].kind == KEY_PREFIX; i++)
		;
	tb->digits = (uint32_t)i;
	for (; i < n && keys[i].kind == KEY_DIGITS; i++)
		;
	tb->suffix = (uint32_t)i;
	tb->end = (uint32_t)n;
}

/* Build the hash table of common words from n keys (sorted, so that
 * each word's lexicons are together). */
static void
classify_index_commons(const struct index_key *keys, size_t n)
{
	struct index_common	*c;
	size_t			 i, h, size = 16;

	while (size < n * 2)
		size *= 2;
	classify_idx.common = xcalloc(size, sizeof *classify_idx.common);
	classify_idx.cmask = size - 1;
	for (i = 0; i < n; i++) {
		h = classify_index_hash(keys[i].key, keys[i].keylen) &
		    classify_idx.cmask;
		for (;; h = (h + 1) & classify_idx.cmask) {
			c = &classify_idx.common[h];
			if (c->word == NULL || (c->len == keys[i].keylen &&
			    memcmp(c->word, keys[i].key, c->len) == 0))
				break;
		}
		c->word = keys[i].key;
		c->len = (uint32_t)keys[i].keylen;
		if (keys[i].e.group->cue == CUE_FILLER)
			c->fillmask |= 1u << keys[i].e.lexno;
		else
			c->lexmask |= 1u << keys[i].e.lexno;
	}
}

/* Read the endings of lexicon lexno ("|"-parted; "o>a" replaces a last
 * "o"). */
static void
classify_index_endings(size_t lexno)
{
	const char		*e, *bar, *gt;
	struct index_ending	*x;
	size_t			 en;

	e = classify_index_lexicon(lexno)->endings;
	for (; e != NULL && classify_idx.nending[lexno] < ENDINGS_MAX;
	    e = bar != NULL ? bar + 1 : NULL) {
		bar = strchr(e, '|');
		en = bar != NULL ? (size_t)(bar - e) : strlen(e);
		gt = memchr(e, '>', en);
		x = &classify_idx.ending[lexno][classify_idx.nending[lexno]++];
		x->cut = e;
		x->ncut = gt != NULL ? (size_t)(gt - e) : 0;
		x->add = gt != NULL ? gt + 1 : e;
		x->nadd = gt != NULL ? en - x->ncut - 1 : en;
	}
}

/* Build the index once. */
static void
classify_index_build(void)
{
	struct index_key	*keys = NULL;
	size_t			 n = 0, cap = 0, i;

	if (classify_idx.built)
		return;
	for (i = 0; i < CLASSIFY_LEXICONS; i++) {
		classify_index_collect(i, &keys, &n, &cap);
		classify_index_endings(i);
	}
	qsort(keys, n, sizeof *keys, classify_index_cmp);
	for (i = 0; i < n && !keys[i].function; i++)
		;
	classify_index_table(&classify_idx.table, keys, i);
	classify_index_commons(keys + i, n - i);
	free(keys);
	classify_idx.built = 1;
}

/* Return the lexicons (1 << lexno) that have word w (n bytes) among
 * their common words, and in *fill those that let it in between the
 * words of a phrase. */
unsigned
classify_index_common(const char *w, size_t n, unsigned *fill)
{
	const struct index_common	*c;
	size_t				 h;

	classify_index_build();
	*fill = 0;
	h = classify_index_hash(w, n) & classify_idx.cmask;
	for (; (c = &classify_idx.common[h])->word != NULL;
	    h = (h + 1) & classify_idx.cmask) {
		if (c->len == n && memcmp(c->word, w, n) == 0) {
			*fill = c->fillmask;
			return c->lexmask;
		}
	}
	return 0;
}

/* What one search for the phrases of a token gathers. */
struct index_search {
	const struct index_table	*tb;
	unsigned			 lexmask;	/* 1 << lexno */
	int				 intense_only;
	const struct classify_entry	**out;
	size_t				 n, max;
};

/* Keep entry e if the search wants it and has not got it yet. */
static void
classify_index_keep(struct index_search *s, const struct classify_entry *e)
{
	uint32_t	*seen = &s->tb->seen[e - s->tb->entry];

	if (!(s->lexmask & (1u << e->lexno)) ||
	    (s->intense_only && !e->intense) || *seen == classify_idx.search)
		return;
	*seen = classify_idx.search;
	if (s->n < s->max)
		s->out[s->n++] = e;
}

/* Keep the entries whose first word is w (n bytes). */
static void
classify_index_exact(struct index_search *s, const char *w, size_t n)
{
	const struct index_table	*tb = s->tb;
	const struct index_slot		*slot;
	size_t				 h, i;

	h = classify_index_hash(w, n) & tb->mask;
	for (; (slot = &tb->slot[h])->key != NULL; h = (h + 1) & tb->mask) {
		if (slot->keylen != n || memcmp(slot->key, w, n) != 0)
			continue;
		for (i = slot->start; i < slot->start + slot->count; i++)
			classify_index_keep(s, &tb->entry[i]);
		return;
	}
}

/* Keep the entries whose first word, less its "*", begins w. */
static void
classify_index_prefix(struct index_search *s, const char *w, size_t n)
{
	const struct classify_entry	*e;
	unsigned char			 b = (unsigned char)w[0];
	size_t				 i, k;

	for (i = s->tb->prefix[b]; i < s->tb->prefix[b + 1]; i++) {
		e = &s->tb->entry[i];
		k = e->wlen - 1u;	/* less the "*" */
		if (k <= n && (s->lexmask & (1u << e->lexno)) &&
		    memcmp(e->phrase, w, k) == 0)
			classify_index_keep(s, e);
	}
}

/*
 * Keep the entries of praise and discontent whose first word is w (n
 * bytes) without one of the endings of its lexicon ("|"-parted; "o>a"
 * replaces a last "o"): "lekkere" finds "lekker", "rica" finds "rico".
 */
static void
classify_index_inflected(struct index_search *s, const char *w, size_t n)
{
	const struct index_ending	*x;
	char				 base[BASE_MAX];
	size_t				 lexno, k, len;
	unsigned			 mask = s->lexmask;

	if (n < 4)
		return;
	s->intense_only = 1;
	for (lexno = 0; lexno < CLASSIFY_LEXICONS; lexno++) {
		if (!(mask & (1u << lexno)))
			continue;
		s->lexmask = 1u << lexno;
		for (k = 0; k < classify_idx.nending[lexno]; k++) {
			x = &classify_idx.ending[lexno][k];
			len = n - x->nadd + x->ncut;
			if (n <= x->nadd || memcmp(w + n - x->nadd, x->add,
			    x->nadd) != 0 || len < 4 || len > sizeof base)
				continue;
			memcpy(base, w, n - x->nadd);
			memcpy(base + (n - x->nadd), x->cut, x->ncut);
			classify_index_exact(s, base, len);
		}
	}
	s->lexmask = mask;
	s->intense_only = 0;
}

/* Keep the entries that may begin at word w (n bytes): whole, begun,
 * inflected, or after an intensifier. */
static void
classify_index_word(struct index_search *s, const char *w, size_t n,
    int intense)
{
	size_t	k;

	classify_index_exact(s, w, n);
	classify_index_prefix(s, w, n);
	classify_index_inflected(s, w, n);
	if (intense && (k = classify_intense_len(w, n)) > 0) {
		s->intense_only = 1;
		classify_index_exact(s, w + k, n - k);
		s->intense_only = 0;
		classify_index_inflected(s, w + k, n - k);
	}
}

/* Keep, for an Arabic verb in the second person or the feminine (its
 * "ت" first), the entries written in the third masculine ("ي"):
 * "ما تشتغل" finds "ما يشتغل". */
static void
classify_index_person(struct index_search *s, const char *w, size_t n)
{
	char	base[BASE_MAX];

	if (n < 4 || n > sizeof base || memcmp(w, ARABIC_TEH, 2) != 0)
		return;
	memcpy(base, ARABIC_YEH, 2);
	memcpy(base + 2, w + 2, n - 2);
	classify_index_word(s, base, n, 0);
}

/* Find the phrases that may begin at token i; see classify-private.h. */
size_t
classify_index_at(const struct classify_doc *d, size_t i, unsigned lexmask,
    const struct classify_entry **out, size_t max)
{
	const struct classify_tok	*t = &d->tok[i];
	const char			*s = d->fold + t->off;
	const struct classify_entry	*e;
	const struct index_table	*tb;
	struct index_search		 search;
	size_t				 k, n;

	classify_index_build();
	tb = &classify_idx.table;
	if (++classify_idx.search == 0) {
		memset(tb->seen, 0, tb->nentry * sizeof *tb->seen);
		classify_idx.search = 1;
	}
	memset(&search, 0, sizeof search);
	search.tb = tb;
	search.lexmask = lexmask;
	search.out = out;
	search.max = max;
	if ((t->flags & TOK_ARABIC) && t->nstem > 0) {
		for (k = 0; k < t->nstem; k++) {
			classify_index_word(&search, s + t->stem[k], t->len -
			    t->stem[k], 0);
			classify_index_person(&search, s + t->stem[k],
			    t->len - t->stem[k]);
		}
	} else
		classify_index_word(&search, s, t->len,
		    (t->flags & TOK_INTENSE) != 0);
	if (t->flags & TOK_DIGITS) {
		for (k = tb->digits; k < tb->suffix; k++)
			classify_index_keep(&search, &tb->entry[k]);
	}
	for (k = tb->suffix; k < tb->end; k++) {
		e = &tb->entry[k];
		n = e->wlen - 1u;	/* less the "*" */
		if (t->len >= n && (lexmask & (1u << e->lexno)) &&
		    memcmp(s + t->len - n, e->phrase + 1, n) == 0)
			classify_index_keep(&search, e);
	}
	return search.n;
}

/* Words that intensify the word they begin ("superlekker", "megagut"). */
static const char *const classify_intense[] = {
	"super", "mega", "hyper", "ultra", "uber", "extra", "hiper"
};

/* Return the length of the intensifier word s (n bytes) begins with;
 * see classify-private.h. */
size_t
classify_intense_len(const char *s, size_t n)
{
	size_t	i, k;

	if (n < 6)
		return 0;
	for (i = 0; i < nitems(classify_intense); i++) {
		k = strlen(classify_intense[i]);
		if (s[0] == classify_intense[i][0] && n >= k + 3 &&
		    memcmp(s, classify_intense[i], k) == 0)
			return k;
	}
	return 0;
}
