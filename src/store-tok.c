/*
 * store-tok.c -- the tokenizer of the search index, "heed".
 *
 * FTS5's unicode61 splits words at spaces and punctuation and folds case
 * and diacritics ("cafe" finds "Café"), which suits Dutch, English and the
 * other languages written with spaces. Chinese and Japanese have no
 * spaces, so unicode61 makes one token of a whole sentence and "茶壶"
 * would never find "这个茶壶很漂亮". The trigram tokenizer finds
 * substrings but not those shorter than three characters, and most
 * Chinese words are two. So heed registers its own tokenizer, "heed":
 * unicode61 with remove_diacritics 2, except that in a run of characters
 * of a script written without spaces (Han, kana, Hangul, Thai, Lao,
 * Khmer, Myanmar) each character and each pair of neighbouring characters
 * (bigram) is a token: "茶壶很" gives 茶, 茶壶, 壶, 壶很 and 很; a document
 * gives each once (store_tok_seen). It must be registered on every
 * connection that reads or writes items_fts (store_fts_register).
 *
 * The known characters. unicode61 reads every character through its
 * tables (its class, its folded form), and on an ingest of comments in
 * Chinese and Arabic that cost more than indexing the tokens it gave. Most
 * characters need none of it: an ASCII letter or digit is part of a word
 * and folds to lower case; the letters of Chinese, Japanese, Korean,
 * Arabic and Hebrew are part of a word and fold to themselves; ASCII
 * punctuation and the common punctuation of those scripts (store_tok_sep)
 * end a word. So the text is cut at those separators here, and a piece of
 * known characters only (store_tok_word) is one token at once, ASCII
 * capitals folded. Only a piece with another character in it goes through
 * unicode61. The tokens are exactly those of unicode61 on the whole text:
 * unicode61 ends a word at each of those separators as well, so it would
 * have made the same pieces, and of a piece of known characters the same
 * one token. test-store-tok holds every character of the two tables to
 * that against unicode61, and fuzz-tok any text: "heed whole", the same
 * tokenizer without the shortcut, is what they compare with.
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "text.h"
#include "util.h"

/*
 * The tokens of unspaced scripts a document has given so far. A Chinese
 * comment repeats its common characters and pairs: about half of the
 * tokens of its runs are ones it gave before. The index keeps no
 * positions (detail = none), so FTS5 makes nothing of a token its row
 * has already, but it looks each one up all the same, at several times
 * the cost of finding it here. A slot is in use when its generation is
 * the document's; the table takes at most STORE_TOK_SEEN_MAX tokens, and
 * those of a document with more are passed on, repeated or not.
 */
#define STORE_TOK_SEEN		1024	/* slots, a power of two */
#define STORE_TOK_SEEN_MAX	768

struct store_tok_slot {
	uint64_t	key;		/* see store_tok_seen */
	uint32_t	gen;
};

struct store_tok_seen {
	struct store_tok_slot	slot[STORE_TOK_SEEN];
	uint32_t		gen;	/* the document's */
	int			n;	/* slots it fills */
};

/* A heed tokenizer: a unicode61 tokenizer and the methods to drive it. */
struct store_tok {
	fts5_tokenizer		 api;
	Fts5Tokenizer		*inner;
	int			 whole;	/* no shortcut: all through unicode61 */
	struct store_tok_seen	 seen;
};

/* What a run of an unspaced script becomes. */
enum store_tok_mode {
	STORE_TOK_DOCUMENT,	/* its characters and bigrams */
	STORE_TOK_QUERY,	/* its bigrams, or a lone character */
	STORE_TOK_RUNS		/* itself (for the query builder) */
};

/* What the heed tokenizer passes on, through unicode61 or not. */
struct store_tok_ctx {
	void			*ctx;
	int			(*token)(void *, int, const char *, int, int,
				    int);
	enum store_tok_mode	 mode;
	int			 base;	/* where unicode61's text starts */
	struct store_tok_seen	*seen;	/* a document's (NULL: a query's) */
};

/* Scripts written without spaces between words. */
static const struct text_range store_unspaced[] = {
	{ 0x0e00, 0x0eff },	/* Thai, Lao */
	{ 0x1000, 0x109f },	/* Myanmar */
	{ 0x1100, 0x11ff },	/* Hangul Jamo */
	{ 0x1780, 0x17ff },	/* Khmer */
	{ 0x2e80, 0x2fdf },	/* CJK radicals */
	{ 0x3040, 0x31ff },	/* kana, Bopomofo, Hangul compatibility */
	{ 0x3400, 0x4dbf },	/* CJK extension A */
	{ 0x4e00, 0x9fff },	/* CJK unified ideographs */
	{ 0xa960, 0xa97f },	/* Hangul Jamo extended A */
	{ 0xac00, 0xd7ff },	/* Hangul syllables */
	{ 0xf900, 0xfaff },	/* CJK compatibility ideographs */
	{ 0xff66, 0xff9f },	/* halfwidth kana */
	{ 0x20000, 0x3ffff }	/* CJK extensions B and later */
};

/*
 * Characters beyond ASCII that unicode61 keeps in a word as they are (a
 * letter or a digit with no case and no diacritic to take off).
 */
static const struct text_range store_tok_word[] = {
	{ 0x05d0, 0x05ea },	/* Hebrew letters */
	{ 0x0621, 0x064a },	/* Arabic letters */
	{ 0x0660, 0x0669 },	/* Arabic-Indic digits */
	{ 0x0671, 0x06d3 },	/* Arabic letters for other languages */
	{ 0x3041, 0x3096 },	/* hiragana */
	{ 0x30a1, 0x30fa },	/* katakana */
	{ 0x30fc, 0x30ff },	/* katakana marks */
	{ 0x3400, 0x4db5 },	/* CJK extension A */
	{ 0x4e00, 0x9fff },	/* CJK unified ideographs */
	{ 0xac00, 0xd7a3 }	/* Hangul syllables */
};

/*
 * Characters beyond ASCII that unicode61 takes as the end of a word.
 * unicode61 knows the characters of Unicode 6.1: one assigned since (an
 * emoji newer than 2012, a skin tone) is a letter to it, so these are
 * the runs of symbols it knows, as it reads them.
 */
static const struct text_range store_tok_sep[] = {
	{ 0x0080, 0x00a9 },	/* controls, no-break space, ¡ ¢ £ § © */
	{ 0x00ab, 0x00b1 },	/* « ¬ ® ¯ ° ± */
	{ 0x00bb, 0x00bb },	/* » */
	{ 0x00bf, 0x00bf },	/* ¿ */
	{ 0x00d7, 0x00d7 },	/* × */
	{ 0x00f7, 0x00f7 },	/* ÷ */
	{ 0x060c, 0x060c },	/* Arabic comma */
	{ 0x061b, 0x061b },	/* Arabic semicolon */
	{ 0x061e, 0x061f },	/* Arabic question mark */
	{ 0x2000, 0x2064 },	/* spaces, dashes, quotes, joiners, … */
	{ 0x2190, 0x23f3 },	/* arrows, mathematical operators, ⌚ */
	{ 0x2400, 0x2426 },	/* control pictures */
	{ 0x249c, 0x24e9 },	/* parenthesized and circled letters */
	{ 0x2500, 0x26ff },	/* box drawing, shapes, symbols (☕) */
	{ 0x2701, 0x2775 },	/* dingbats (✨ ❤; the numbers are words) */
	{ 0x2794, 0x2b4c },	/* dingbat arrows, braille, arrows */
	{ 0x2b50, 0x2b59 },	/* ⭐ and the like */
	{ 0x3000, 0x3004 },	/* ideographic space, 、 。 */
	{ 0x3008, 0x3020 },	/* CJK brackets */
	{ 0xfe00, 0xfe0f },	/* variation selectors (❤️) */
	{ 0xff01, 0xff0f },	/* fullwidth ！ ， and the like */
	{ 0xff1a, 0xff20 },	/* fullwidth ： ； ？ */
	{ 0xff3b, 0xff40 },
	{ 0xff5b, 0xff65 },
	{ 0x1f1e6, 0x1f202 },	/* regional indicators (flags) */
	{ 0x1f300, 0x1f320 },	/* emoji of Unicode 6.1 (see above) */
	{ 0x1f337, 0x1f37c },
	{ 0x1f380, 0x1f393 },
	{ 0x1f3a0, 0x1f3c4 },
	{ 0x1f3e0, 0x1f3f0 },
	{ 0x1f400, 0x1f43e },
	{ 0x1f442, 0x1f4f7 },
	{ 0x1f500, 0x1f53d },
	{ 0x1f550, 0x1f567 },
	{ 0x1f5fb, 0x1f640 },
	{ 0x1f645, 0x1f64f },
	{ 0x1f680, 0x1f6c5 }
};

/* Decode one UTF-8 character at p (n bytes left); give its length. */
uint32_t
store_tok_utf8(const unsigned char *p, int n, int *len)
{
	int		need, i;
	uint32_t	c;

	if (p[0] < 0x80 || n < 2) {
		*len = 1;
		return p[0];
	}
	need = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2;
	if (need > n) {
		*len = 1;
		return p[0];
	}
	c = p[0] & (0x7f >> need);
	for (i = 1; i < need; i++)
		c = (c << 6) | (p[i] & 0x3f);
	*len = need;
	return c;
}

/* Tell whether an ASCII byte is a letter or a digit. */
#define STORE_TOK_ALNUM(b) \
	((unsigned)((b) - '0') < 10 || (unsigned)(((b) | 0x20) - 'a') < 26)

/* What a character beyond ASCII is to the shortcut. */
enum store_tok_class {
	STORE_TOK_SEP,		/* it ends a word */
	STORE_TOK_WIDE,		/* in store_tok_word */
	STORE_TOK_OTHER		/* anything else: unicode61 must read it */
};

/*
 * What each character of the first plane beyond ASCII is: its class (the
 * low two bits) and STORE_TOK_UNSPACED when its script is written
 * without spaces, filled in from the tables above when the first
 * tokenizer is made (store_tok_bmp_fill). Looking a character up here
 * rather than searching two tables for it took a tenth of the cost of
 * tokenizing a comment.
 */
#define STORE_TOK_UNSPACED	0x04

static unsigned char	store_tok_bmp[0x10000];
static int		store_tok_bmp_filled;

/* An ASCII byte as it is in a word, folded; 0 for one that ends a word. */
static char		store_tok_fold[0x80];

/* Tell whether a character belongs to a script without spaces. */
int
store_tok_unspaced(uint32_t c)
{
	if (c < 0x0e00)
		return 0;
	if (c < 0x10000 && store_tok_bmp_filled)
		return (store_tok_bmp[c] & STORE_TOK_UNSPACED) != 0;
	return text_in_ranges(store_unspaced, nitems(store_unspaced), c);
}

/* The class of a character beyond ASCII, from the tables. */
static enum store_tok_class
store_tok_class_of(uint32_t c)
{
	if (text_in_ranges(store_tok_word, nitems(store_tok_word), c))
		return STORE_TOK_WIDE;
	if (text_in_ranges(store_tok_sep, nitems(store_tok_sep), c))
		return STORE_TOK_SEP;
	return STORE_TOK_OTHER;
}

/*
 * Give the characters of the first plane in n ranges the entry they have
 * and keep, with bits added.
 */
static void
store_tok_bmp_mark(const struct text_range *t, size_t n, unsigned char keep,
    unsigned char bits)
{
	size_t		i;
	uint32_t	c;

	for (i = 0; i < n; i++) {
		for (c = t[i].lo; c <= t[i].hi && c < 0x10000; c++)
			store_tok_bmp[c] = (unsigned char)((store_tok_bmp[c] &
			    keep) | bits);
	}
}

/*
 * Fill store_tok_fold and, a range at a time, store_tok_bmp, once: a
 * word's characters win over separators, as in store_tok_class_of.
 */
static void
store_tok_bmp_fill(void)
{
	uint32_t	c;

	if (store_tok_bmp_filled)
		return;
	for (c = 0; c < 0x80; c++) {
		if (STORE_TOK_ALNUM(c))
			store_tok_fold[c] = (char)(c >= 'A' && c <= 'Z' ?
			    c + ('a' - 'A') : c);
	}
	memset(store_tok_bmp, STORE_TOK_OTHER, sizeof store_tok_bmp);
	store_tok_bmp_mark(store_tok_sep, nitems(store_tok_sep),
	    STORE_TOK_UNSPACED, STORE_TOK_SEP);
	store_tok_bmp_mark(store_tok_word, nitems(store_tok_word),
	    STORE_TOK_UNSPACED, STORE_TOK_WIDE);
	store_tok_bmp_mark(store_unspaced, nitems(store_unspaced), 0xff,
	    STORE_TOK_UNSPACED);
	store_tok_bmp_filled = 1;
}

/*
 * Pass bytes [i, j) of a token on as a token. Offsets are exact when the
 * folded token has the length of the original text, else each piece gets
 * the whole span (they only matter to highlight(), which heed does not
 * use).
 */
static int
store_tok_emit(struct store_tok_ctx *tc, const char *tok, int ntok, int i,
    int j, int start, int end)
{
	if (end - start == ntok) {
		end = start + j;
		start += i;
	}
	return tc->token(tc->ctx, 0, tok + i, j - i, start, end);
}

/* Start the tokens of a new document. */
static void
store_tok_seen_start(struct store_tok_seen *sn)
{
	if (++sn->gen == 0) {	/* wrapped: no slot may look in use */
		memset(sn->slot, 0, sizeof sn->slot);
		sn->gen = 1;
	}
	sn->n = 0;
}

/*
 * Tell whether the document has given a token before, and remember it if
 * not. The key of a character is its code point, that of a pair the code
 * points of both (the first shifted past any code point): the text of
 * a run is well formed (unicode61 writes what it folds out again, and the
 * shortcut passes on only characters it decoded whole), so one key is
 * one string of bytes.
 */
static int
store_tok_seen(struct store_tok_seen *sn, uint64_t key)
{
	struct store_tok_slot	*sl;
	size_t			 h;

	if (sn == NULL)
		return 0;
	h = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 54);
	for (;; h = (h + 1) % STORE_TOK_SEEN) {
		sl = &sn->slot[h];
		if (sl->gen != sn->gen)
			break;
		if (sl->key == key)
			return 1;
	}
	if (sn->n < STORE_TOK_SEEN_MAX) {
		sl->key = key;
		sl->gen = sn->gen;
		sn->n++;
	}
	return 0;
}

/* Pass on the tokens of a run [a, b) of an unspaced script; see the mode. */
static int
store_tok_run(struct store_tok_ctx *tc, const char *tok, int ntok, int a,
    int b, int start, int end)
{
	const unsigned char	*p = (const unsigned char *)tok;
	uint64_t		 c, prev = 0;
	int			 i, len, last = -1, rc;

	if (tc->mode == STORE_TOK_RUNS)
		return store_tok_emit(tc, tok, ntok, a, b, start, end);
	for (i = a; i < b; i += len, prev = c) {
		c = store_tok_utf8(p + i, b - i, &len);
		if (tc->mode == STORE_TOK_DOCUMENT &&
		    !store_tok_seen(tc->seen, c)) {
			rc = store_tok_emit(tc, tok, ntok, i, i + len, start,
			    end);
			if (rc != SQLITE_OK)
				return rc;
		}
		if (last != -1 && !store_tok_seen(tc->seen, prev << 21 | c)) {
			rc = store_tok_emit(tc, tok, ntok, last, i + len,
			    start, end);
			if (rc != SQLITE_OK)
				return rc;
		}
		last = i;
	}
	if (tc->mode == STORE_TOK_QUERY && last == a)
		return store_tok_emit(tc, tok, ntok, last, b, start, end);
	return SQLITE_OK;
}

/*
 * Split one word (a token of unicode61's, its offsets from tc->base on)
 * into runs of unspaced scripts and the rest.
 */
static int
store_tok_split(void *arg, int tflags, const char *tok, int ntok, int start,
    int end)
{
	struct store_tok_ctx	*tc = arg;
	const unsigned char	*p = (const unsigned char *)tok;
	int			 i, len, from = 0, unspaced = 0, now, rc;

	(void)tflags;
	start += tc->base;
	end += tc->base;
	/* Unspaced scripts start at U+0E00, three bytes in UTF-8. */
	for (i = 0; i < ntok && p[i] < 0xe0; i++)
		;
	if (i == ntok)
		return store_tok_emit(tc, tok, ntok, 0, ntok, start, end);
	for (i = 0; i < ntok; i += len) {
		now = store_tok_unspaced(store_tok_utf8(p + i, ntok - i,
		    &len));
		if (now == unspaced || i == 0) {
			unspaced = now;
			continue;
		}
		rc = unspaced ? store_tok_run(tc, tok, ntok, from, i, start,
		    end) : store_tok_emit(tc, tok, ntok, from, i, start, end);
		if (rc != SQLITE_OK)
			return rc;
		from = i;
		unspaced = now;
	}
	if (unspaced)
		return store_tok_run(tc, tok, ntok, from, ntok, start, end);
	return store_tok_emit(tc, tok, ntok, from, ntok, start, end);
}

/*
 * Read one character beyond ASCII at p (n bytes left) as unicode61 reads
 * it: a byte of 0xc0 or more takes every continuation byte after it. Give
 * its length and its class. One that is not well formed (a stray or a
 * missing continuation byte, an overlong form, which unicode61 writes out
 * short) decodes to U+FFFD or leaves bytes over, and is STORE_TOK_OTHER.
 */
static enum store_tok_class
store_tok_class(const unsigned char *p, int n, int *len)
{
	uint32_t	c;
	int		i;

	for (i = 1; p[0] >= 0xc0 && i < n && (p[i] & 0xc0) == 0x80; i++)
		;
	*len = i;
	/*
	 * Most are two or three bytes whose lead byte allows none of the
	 * forms to refuse: store_tok_utf8 reads them as they are.
	 */
	if ((i == 3 && p[0] >= 0xe1 && p[0] != 0xed && p[0] <= 0xef) ||
	    (i == 2 && p[0] >= 0xc2 && p[0] <= 0xdf))
		c = store_tok_utf8(p, i, &i);
	else if (text_decode((const char *)p, (size_t)i, &c) != (size_t)i)
		return STORE_TOK_OTHER;
	if (c < 0x10000)
		return (enum store_tok_class)(store_tok_bmp[c] & 3);
	return store_tok_class_of(c);
}

/*
 * The longest piece the shortcut folds; longer ones go to unicode61. The
 * folded copy is made in a buffer of twice that, around which a longer
 * one wraps (no byte is written past it; the copy is not used): the
 * separator after a piece of the longest kind is written past its end,
 * not over its start.
 */
#define STORE_TOK_PIECE	128
#define STORE_TOK_WRAP	(2 * STORE_TOK_PIECE - 1)

/*
 * Pass on the tokens of bytes [a, b) of text, a piece between separators:
 * known characters only (other is 0) as one token, word (the piece with
 * ASCII capitals folded, when it is not longer than STORE_TOK_PIECE);
 * else through unicode61.
 */
static int
store_tok_piece(struct store_tok *t, struct store_tok_ctx *tc, int flags,
    const char *text, int a, int b, int other, int wide, char *word)
{
	if (other || b - a > STORE_TOK_PIECE) {
		tc->base = a;
		return t->api.xTokenize(t->inner, tc, flags, text + a, b - a,
		    store_tok_split);
	}
	if (!wide)
		return tc->token(tc->ctx, 0, word, b - a, a, b);
	tc->base = 0;
	return store_tok_split(tc, 0, word, b - a, a, b);
}

/*
 * Tokenize a document or a query term (xTokenize); see the top. Each
 * piece is copied to word as it is read, its ASCII folded.
 */
static int
store_tok_tokenize(Fts5Tokenizer *arg, void *ctx, int flags, const char *text,
    int ntext, int (*token)(void *, int, const char *, int, int, int))
{
	struct store_tok	*t = (struct store_tok *)arg;
	struct store_tok_ctx	 tc;
	const unsigned char	*p = (const unsigned char *)text;
	enum store_tok_class	 c;
	char			 word[2 * STORE_TOK_PIECE];
	int			 i = 0, a, w, k, len, other, wide, rc;

	memset(&tc, 0, sizeof tc);
	tc.ctx = ctx;
	tc.token = token;
	if (flags & FTS5_TOKENIZE_QUERY)
		tc.mode = STORE_TOK_QUERY;
	else {
		tc.mode = STORE_TOK_DOCUMENT;
		tc.seen = &t->seen;
		store_tok_seen_start(tc.seen);
	}
	if (t->whole) {
		return t->api.xTokenize(t->inner, &tc, flags, text, ntext,
		    store_tok_split);
	}
	while (i < ntext) {
		a = i;
		other = wide = w = 0;
		for (len = 0; i < ntext; i += len, w += len) {
			if (p[i] < 0x80) {	/* most of it: at once */
				len = 1;
				if ((word[w & STORE_TOK_WRAP] =
				    store_tok_fold[p[i]]) == '\0')
					break;
				continue;
			}
			if ((c = store_tok_class(p + i, ntext - i, &len)) ==
			    STORE_TOK_SEP)
				break;
			other |= c == STORE_TOK_OTHER;
			wide |= c == STORE_TOK_WIDE;
			for (k = 0; k < len && w + k < STORE_TOK_PIECE; k++)
				word[w + k] = text[i + k];
		}
		if (i > a && (rc = store_tok_piece(t, &tc, flags, text, a, i,
		    other, wide, word)) != SQLITE_OK)
			return rc;
		i += len;	/* the separator */
	}
	return SQLITE_OK;
}

/*
 * Create a heed tokenizer (xCreate); its context is the fts5_api. The
 * argument "whole" turns the shortcut off.
 */
static int
store_tok_create(void *arg, const char **argv, int argc, Fts5Tokenizer **out)
{
	static const char	*args[] = { "remove_diacritics", "2" };
	fts5_api		*api = arg;
	struct store_tok	*t;
	void			*ud;
	int			 rc, i;

	store_tok_bmp_fill();
	t = xcalloc(1, sizeof *t);
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "whole") != 0) {
			free(t);
			return SQLITE_ERROR;
		}
		t->whole = 1;
	}
	rc = api->xFindTokenizer(api, "unicode61", &ud, &t->api);
	if (rc == SQLITE_OK)
		rc = t->api.xCreate(ud, args, (int)nitems(args), &t->inner);
	if (rc != SQLITE_OK) {
		free(t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

/* Free a heed tokenizer (xDelete). */
static void
store_tok_delete(Fts5Tokenizer *arg)
{
	struct store_tok	*t = (struct store_tok *)arg;

	t->api.xDelete(t->inner);
	free(t);
}

/* Register the heed tokenizer with an fts5_api; an SQLite result code. */
int
store_tok_add(fts5_api *api)
{
	static fts5_tokenizer	 methods = {
		store_tok_create, store_tok_delete, store_tok_tokenize
	};

	return api->xCreateTokenizer(api, "heed", api, &methods, NULL);
}

/*
 * Pass what the user typed (n bytes) to token, a word or a run of an
 * unspaced script at a time, as a document's text would be cut; an SQLite
 * result code.
 */
int
store_tok_runs(fts5_api *api, const char *in, int n, void *ctx,
    int (*token)(void *, int, const char *, int, int, int))
{
	struct store_tok_ctx	 tc;
	struct store_tok	*t;
	Fts5Tokenizer		*ft;
	int			 rc;

	if ((rc = store_tok_create(api, NULL, 0, &ft)) != SQLITE_OK)
		return rc;
	t = (struct store_tok *)ft;
	memset(&tc, 0, sizeof tc);
	tc.ctx = ctx;
	tc.token = token;
	tc.mode = STORE_TOK_RUNS;
	rc = t->api.xTokenize(t->inner, &tc, FTS5_TOKENIZE_QUERY, in, n,
	    store_tok_split);
	store_tok_delete(ft);
	return rc;
}

/* A tokenizer on its own, for tests: see store.h. */
struct store_tokenizer {
	sqlite3		*db;
	fts5_api	*api;
	fts5_tokenizer	 methods;
	Fts5Tokenizer	*tok;
};

/* Open a heed tokenizer outside any cache; see store.h. */
struct store_tokenizer *
store_tokenizer_open(int whole, char **cause)
{
	struct store_tokenizer	*st;
	sqlite3_stmt		*q;
	const char		*args[] = { "whole" };
	void			*ud;

	st = xcalloc(1, sizeof *st);
	if (sqlite3_open(":memory:", &st->db) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &q,
	    NULL) != SQLITE_OK)
		goto fail;
	sqlite3_bind_pointer(q, 1, &st->api, "fts5_api_ptr", NULL);
	sqlite3_step(q);
	sqlite3_finalize(q);
	if (st->api == NULL || store_tok_add(st->api) != SQLITE_OK ||
	    st->api->xFindTokenizer(st->api, "heed", &ud,
	    &st->methods) != SQLITE_OK ||
	    st->methods.xCreate(ud, args, whole ? 1 : 0, &st->tok) !=
	    SQLITE_OK)
		goto fail;
	return st;

fail:
	util_fail(cause, "tokenizer: %s", st->db != NULL ?
	    sqlite3_errmsg(st->db) : "out of memory");
	store_tokenizer_close(st);
	return NULL;
}

/* What store_tokenizer_run hands each token on to. */
struct store_tokenizer_each {
	int	(*each)(void *, const char *, size_t);
	void	*arg;
};

/* Pass one token on (an FTS5 token callback). */
static int
store_tokenizer_token(void *arg, int tflags, const char *tok, int ntok,
    int start, int end)
{
	struct store_tokenizer_each	*e = arg;

	(void)tflags;
	(void)start;
	(void)end;
	return e->each(e->arg, tok, (size_t)ntok) == 0 ? SQLITE_OK :
	    SQLITE_ABORT;
}

/* Tokenize text as a document or, with query, a search; see store.h. */
int
store_tokenizer_run(struct store_tokenizer *st, const char *text, size_t n,
    int query, int (*each)(void *, const char *, size_t), void *arg)
{
	struct store_tokenizer_each	e = { each, arg };

	if (n > INT32_MAX)
		return -1;
	return st->methods.xTokenize(st->tok, &e, query ?
	    FTS5_TOKENIZE_QUERY : FTS5_TOKENIZE_DOCUMENT, text, (int)n,
	    store_tokenizer_token) == SQLITE_OK ? 0 : -1;
}

/* Close a tokenizer from store_tokenizer_open. */
void
store_tokenizer_close(struct store_tokenizer *st)
{
	if (st == NULL)
		return;
	if (st->tok != NULL)
		st->methods.xDelete(st->tok);
	sqlite3_close(st->db);
	free(st);
}
