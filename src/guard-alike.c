/*
 * guard-alike.c -- whether a reply "reads as automated": the same text,
 * but for the customer's name, went to more than GUARD_AUTOMATED_MORE
 * customers in the last day.
 *
 * Both texts are made into words compared whatever their case, accents
 * and Arabic vowel marks, without their punctuation, @handles, links and
 * anything holding a digit; Chinese and Japanese, which put no spaces
 * between words, are compared a character at a time. The words are then
 * lined up (their longest common subsequence) and what is left over on
 * each side must be a name: at most GUARD_ALIKE_NAME words (particles
 * such as "de" or "van" aside; GUARD_ALIKE_HAN Han characters) within
 * one clause, at no more than GUARD_ALIKE_GAPS places, and the same name
 * wherever it is ("Hi Anna ... love to you, Anna"). So "Hi Anna, thanks
 * for your order" is alike "Bob de Vries, thanks for your order", and
 * no list of names is needed; but "Hi Anna, thank you! Love, Tulip" is
 * not alike "Hi Bob, so sorry! Love, Tulip": what differs there runs
 * past the comma after the name.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "text.h"
#include "util.h"

/* The most words of a name, and of Han characters. */
#define GUARD_ALIKE_NAME	3
#define GUARD_ALIKE_HAN		4
/* The most places the names may be at. */
#define GUARD_ALIKE_GAPS	4
/* The fewest words two texts must share to be alike. */
#define GUARD_ALIKE_LEAST	4
/* How far the two texts may drift apart: all their names' words. */
#define GUARD_ALIKE_BAND	(GUARD_ALIKE_GAPS * (GUARD_ALIKE_NAME + 2))

/* One word of a text, or one Han character. */
struct guard_tok {
	uint64_t	 hash;		/* of its letters' bases */
	size_t		 start;		/* bytes in the text */
	size_t		 end;
	int		 han;
	int		 particle;	/* "de", "van", "bin": of a name */
};

/* A text made ready for comparing. */
struct guard_alike {
	char			*text;	/* the text, links blanked */
	struct guard_tok	*v;
	size_t			 n;
};

/* Where the words left over of each text are, between two shared. */
struct guard_gap {
	size_t	a, na;		/* from word a of one text, na of them */
	size_t	b, nb;		/* of the other */
};

/* The small words inside names: "Bob de Vries", "Jan van der Berg". */
static const char *const guard_alike_particles[] = {
	"de", "da", "das", "do", "dos", "du", "del", "della", "di", "la",
	"le", "van", "von", "der", "den", "ten", "ter", "zu", "y", "e",
	"bin", "ibn", "al", "el", "mac", "st", "بن", "ابن", "بنت", "ال", NULL
};

/* Fold a code point into a hash (FNV-1a over its four bytes). */
static uint64_t
guard_alike_mix(uint64_t h, uint32_t c)
{
	int	i;

	for (i = 0; i < 4; i++) {
		h ^= (c >> (8 * i)) & 0xff;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Blank the links of a text: from "http://", "https://" or "www.". */
static void
guard_alike_blank_links(char *t)
{
	static const char *const starts[] = { "http://", "https://", "www." };
	size_t			 i, k, n;

	for (i = 0; t[i] != '\0'; i++) {
		for (k = 0; k < nitems(starts); k++) {
			n = strlen(starts[k]);
			if (strncmp(t + i, starts[k], n) == 0 && (i == 0 ||
			    t[i - 1] == ' ' || t[i - 1] == '\n' ||
			    t[i - 1] == '(' || t[i - 1] == '<'))
				break;
		}
		if (k == nitems(starts))
			continue;
		while (t[i] != '\0' && t[i] != ' ' && t[i] != '\n' &&
		    t[i] != '\t') {
			t[i++] = ' ';
		}
		if (t[i] == '\0')
			break;
	}
}

/* Add a word or character to a text's list. */
static struct guard_tok *
guard_alike_add(struct guard_alike *x, size_t *cap, size_t start,
    size_t end)
{
	struct guard_tok	*k;

	if (x->n == *cap) {
		*cap = *cap == 0 ? 32 : *cap * 2;
		x->v = xreallocarray(x->v, *cap, sizeof *x->v);
	}
	k = &x->v[x->n++];
	memset(k, 0, sizeof *k);
	k->start = start;
	k->end = end;
	k->hash = 0xcbf29ce484222325ULL;
	return k;
}

/* Add each Han character of a word (all of them, however long). */
static void
guard_alike_han(struct guard_alike *x, size_t *cap,
    const struct guard_word *g)
{
	struct guard_tok	*k;
	size_t			 off = g->start, end = g->start + g->len, used;
	uint32_t		 c;

	while (off < end) {
		used = text_decode(x->text + off, end - off, &c);
		k = guard_alike_add(x, cap, off, off + used);
		k->hash = guard_alike_mix(k->hash, c);
		k->han = 1;
		off += used;
	}
}

/* Make a text ready for comparing (free with guard_alike_free). */
static void
guard_alike_init(struct guard_alike *x, const char *text)
{
	struct guard_words	 w;
	struct guard_tok	*k;
	char			 base[sizeof w.v[0].key];
	size_t			 i, j, cap = 0;
	uint32_t		 c;

	memset(x, 0, sizeof *x);
	x->text = xstrdup(text);
	guard_alike_blank_links(x->text);
	guard_words_split(x->text, &w);
	for (i = 0; i < w.n; i++) {
		if (w.v[i].handle || w.v[i].digits)
			continue;
		if (w.v[i].script == GUARD_SCRIPT_CJK) {
			guard_alike_han(x, &cap, &w.v[i]);
			continue;
		}
		k = guard_alike_add(x, &cap, w.v[i].start, w.v[i].start +
		    w.v[i].len);
		for (j = 0; j < w.v[i].n; j++) {
			if ((c = guard_base(w.v[i].cp[j])) != 0)
				k->hash = guard_alike_mix(k->hash, c);
		}
		guard_base_key(&w.v[i], base);
		for (j = 0; guard_alike_particles[j] != NULL; j++)
			k->particle |= strcmp(guard_alike_particles[j],
			    base) == 0;
	}
	guard_words_free(&w);
}

/* Free a text made ready for comparing. */
static void
guard_alike_free(struct guard_alike *x)
{
	free(x->text);
	free(x->v);
}

/* The length of the common subsequence up to a[i], b[j]; -1 off the band. */
static int
guard_alike_at(const int *dp, size_t i, size_t j)
{
	size_t	d = j + GUARD_ALIKE_BAND - i;

	if (j + GUARD_ALIKE_BAND < i || d > 2 * GUARD_ALIKE_BAND)
		return -1;
	return dp[i * (2 * GUARD_ALIKE_BAND + 1) + d];
}

/*
 * The table of the longest common subsequence of the two texts, only
 * near its diagonal (texts further apart are not alike anyway); new.
 */
static int *
guard_alike_table(const struct guard_alike *a, const struct guard_alike *b)
{
	const size_t	 w = 2 * GUARD_ALIKE_BAND + 1;
	int		*dp, v;
	size_t		 i, j, lo, hi;

	dp = xcalloc((a->n + 1) * w, sizeof *dp);
	for (i = 0; i <= a->n; i++) {
		lo = i > GUARD_ALIKE_BAND ? i - GUARD_ALIKE_BAND : 0;
		hi = i + GUARD_ALIKE_BAND < b->n ? i + GUARD_ALIKE_BAND : b->n;
		for (j = lo; j <= hi; j++) {
			v = 0;
			if (i > 0 && j > 0) {
				v = guard_alike_at(dp, i - 1, j);
				if (guard_alike_at(dp, i, j - 1) > v)
					v = guard_alike_at(dp, i, j - 1);
				if (a->v[i - 1].hash == b->v[j - 1].hash &&
				    guard_alike_at(dp, i - 1, j - 1) + 1 > v)
					v = guard_alike_at(dp, i - 1, j - 1) +
					    1;
			}
			dp[i * w + j + GUARD_ALIKE_BAND - i] = v;
		}
	}
	return dp;
}

/*
 * Walk the table back from its end to find the places where the texts
 * differ, and put them in gaps (at most max) first to last; the number
 * of words shared in *same. Returns the number of gaps, or max + 1 for
 * more.
 */
static size_t
guard_alike_gaps(const struct guard_alike *a, const struct guard_alike *b,
    const int *dp, struct guard_gap *gaps, size_t max, size_t *same)
{
	struct guard_gap	t;
	size_t			i = a->n, j = b->n, n = 0, ei = a->n, ej = b->n;

	*same = 0;
	while (i > 0 || j > 0) {
		if (i > 0 && j > 0 && a->v[i - 1].hash == b->v[j - 1].hash &&
		    guard_alike_at(dp, i, j) ==
		    guard_alike_at(dp, i - 1, j - 1) + 1) {
			if (ei != i || ej != j) {
				if (n == max)
					return max + 1;
				gaps[n++] = (struct guard_gap){ i, ei - i, j,
				    ej - j };
			}
			i--;
			j--;
			ei = i;
			ej = j;
			(*same)++;
		} else if (j == 0 || (i > 0 && guard_alike_at(dp, i - 1, j) >=
		    guard_alike_at(dp, i, j - 1)))
			i--;
		else
			j--;
	}
	if (ei != 0 || ej != 0) {
		if (n == max)
			return max + 1;
		gaps[n++] = (struct guard_gap){ 0, ei, 0, ej };
	}
	for (i = 0; i < n / 2; i++) {
		t = gaps[i];
		gaps[i] = gaps[n - 1 - i];
		gaps[n - 1 - i] = t;
	}
	return n;
}

/*
 * Join a gap with the next where one shared particle is all that parts
 * them ("Bob de Vries" and "Anna de Wit" share the "de"), in place;
 * returns the number of gaps left.
 */
static size_t
guard_alike_join(const struct guard_alike *a, struct guard_gap *g, size_t n)
{
	size_t	i, k;

	for (i = 0; i + 1 < n;) {
		if (g[i + 1].a == g[i].a + g[i].na + 1 &&
		    g[i + 1].b == g[i].b + g[i].nb + 1 &&
		    a->v[g[i].a + g[i].na].particle) {
			g[i].na = g[i + 1].a + g[i + 1].na - g[i].a;
			g[i].nb = g[i + 1].b + g[i + 1].nb - g[i].b;
			for (k = i + 1; k + 1 < n; k++)
				g[k] = g[k + 1];
			n--;
		} else
			i++;
	}
	return n;
}

/*
 * Whether text[from, to) between two words of a name holds only what
 * joins them: spaces, a hyphen, an apostrophe, "&" or a middle dot.
 */
static int
guard_alike_joins(const char *text, size_t from, size_t to)
{
	uint32_t	c;

	while (from < to) {
		from += text_decode(text + from, to - from, &c);
		if (c != ' ' && c != '\t' && c != 0xa0 && c != '-' &&
		    c != '\'' && c != 0x2019 && c != '&' && c != 0xb7)
			return 0;
	}
	return 1;
}

/* Whether n words of a text from word at may be a name. */
static int
guard_alike_name(const struct guard_alike *x, size_t at, size_t n)
{
	size_t	i, words = 0, han = 0;

	for (i = at; i < at + n; i++) {
		if (x->v[i].han)
			han++;
		else if (!x->v[i].particle)
			words++;
		if (i > at && !guard_alike_joins(x->text, x->v[i - 1].end,
		    x->v[i].start))
			return 0;
	}
	return words <= GUARD_ALIKE_NAME && han <= GUARD_ALIKE_HAN;
}

/* Whether n words of a text from at are found in order in the name. */
static int
guard_alike_in(const struct guard_alike *x, size_t at, size_t n,
    size_t name, size_t nname)
{
	size_t	i, k;

	for (i = name; i + n <= name + nname; i++) {
		for (k = 0; k < n && x->v[i + k].hash == x->v[at + k].hash; k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

/*
 * Whether what one text has over at the gaps is one name: each a name,
 * all found in the longest of them.
 */
static int
guard_alike_one_name(const struct guard_alike *x, const struct guard_gap *g,
    size_t n, int other)
{
	size_t	i, at, len, name = 0, nname = 0;

	for (i = 0; i < n; i++) {
		at = other ? g[i].b : g[i].a;
		len = other ? g[i].nb : g[i].na;
		if (!guard_alike_name(x, at, len))
			return 0;
		if (len > nname) {
			name = at;
			nname = len;
		}
	}
	for (i = 0; i < n; i++) {
		if (!guard_alike_in(x, other ? g[i].b : g[i].a, other ?
		    g[i].nb : g[i].na, name, nname))
			return 0;
	}
	return 1;
}

/* Whether two texts are the same but for a name. */
static int
guard_alike_same(const struct guard_alike *a, const struct guard_alike *b)
{
	struct guard_gap	 g[GUARD_ALIKE_GAPS];
	size_t			 n, same;
	int			*dp;

	if (a->n < GUARD_ALIKE_LEAST || b->n < GUARD_ALIKE_LEAST ||
	    (a->n > b->n ? a->n - b->n : b->n - a->n) > GUARD_ALIKE_BAND)
		return 0;
	dp = guard_alike_table(a, b);
	n = guard_alike_gaps(a, b, dp, g, GUARD_ALIKE_GAPS, &same);
	free(dp);
	if (n > GUARD_ALIKE_GAPS || same < GUARD_ALIKE_LEAST)
		return 0;
	n = guard_alike_join(a, g, n);
	return guard_alike_one_name(a, g, n, 0) &&
	    guard_alike_one_name(b, g, n, 1);
}

/* Warn when the same reply, names aside, went to many customers today. */
void
guard_check_automated(const struct guard_input *in, struct guard_report *r)
{
	struct guard_alike	 mine, theirs;
	char			*msg;
	size_t			 i, same = 0;

	if (in->nrecent <= GUARD_AUTOMATED_MORE)
		return;
	guard_alike_init(&mine, in->text);
	for (i = 0; i < in->nrecent && mine.n >= GUARD_ALIKE_LEAST; i++) {
		if (in->recent[i] == NULL)
			continue;
		guard_alike_init(&theirs, in->recent[i]);
		same += guard_alike_same(&mine, &theirs);
		guard_alike_free(&theirs);
	}
	guard_alike_free(&mine);
	if (same <= GUARD_AUTOMATED_MORE)
		return;
	msg = xprintf("the same words (but for a name, and links and numbers "
	    "aside) went to %zu customers in the last day: this reads as "
	    "automated", same);
	guard_add(r, GUARD_AUTOMATED, GUARD_WARN, 0, 0, msg, NULL);
	free(msg);
}
