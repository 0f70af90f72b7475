/*
 * classify-form.c -- what the shape of a text says, beyond its phrases:
 * a choice offered in a clause ("soy or paraffin") asks which; two sizes
 * compared ("the L fits like an S") complain that sizes are off, and so
 * do an answer denied, a long wait since ordering, and a product unlike
 * its photo; and a text that opens or ends by tagging someone speaks to
 * them, not to the shop ("@jen remember this place?").
 */
#include <stdlib.h>
#include <string.h>

#include "classify-private.h"
#include "util.h"

#define NO_ANSWER_WINDOW	3	/* words from a negation to "answer" */
#define SHOWN_WINDOW		5	/* words from "photo" to "not" */
#define KEY_MAX			96	/* bytes of a name run together */

/* Count w for kind sc, keeping tokens [from, to) as its reason if it is
 * the heaviest so far. */
void
classify_score_add(struct classify_state *st, int sc, int w, size_t from,
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

/* Results a Chinese verb may fail to reach: "打不开", "按不出来". */
#define HAN_RESULTS		"出开上动下进了掉住起"

/* The sizes of clothes, folded; an Arabic one may carry "ال" (the). */
#define SIZE_NAME_MAX	10	/* bytes of the longest */
static const char *const classify_sizes[] = {
	"xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl",
	"سمول", "ميديم", "مديم", "لارج", "اكس"
};

/* Return 1 if token t of d is the name of a size of clothes. */
static int
classify_size_token(const struct classify_doc *d,
    const struct classify_tok *t)
{
	const char	*s = d->fold + t->off;
	size_t		 len = t->len, i;

	if ((t->flags & TOK_ARABIC) && len > 4 && memcmp(s, "ال", 4) == 0) {
		s += 4;
		len -= 4;
	}
	if (len > ((t->flags & TOK_ARABIC) ? SIZE_NAME_MAX : 4) ||
	    strchr("xsml234\xd8\xd9", s[0]) == NULL)
		return 0;
	for (i = 0; i < nitems(classify_sizes); i++) {
		if (classify_sizes[i][0] == s[0] &&
		    strlen(classify_sizes[i]) == len &&
		    memcmp(classify_sizes[i], s, len) == 0)
			return 1;
	}
	return 0;
}

/*
 * Count two sizes compared in one clause ("the L fits like an S", "de L
 * valt als een S", "L码穿起来像S码"): the sizes are off, a complaint.
 */
static void
classify_size_mismatch(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	size_t				 i, j, k;

	for (i = 0; i < d->ntok; i++) {
		if (!classify_size_token(d, &d->tok[i]))
			continue;
		for (j = i + 1; j < d->ntok && j <= i + 6 &&
		    d->tok[j].clause == d->tok[i].clause; j++) {
			if (!(d->tok[j].cues & (CUE_BIT(CUE_LIKE))))
				continue;
			for (k = j + 1; k < d->ntok && k <= j + 3 &&
			    d->tok[k].clause == d->tok[i].clause; k++) {
				if (classify_size_token(d, &d->tok[k])) {
					classify_score_add(st, SC_C, 3, i,
					    k + 1);
					st->hard = 1;
					return;
				}
			}
		}
	}
}

/*
 * Count a choice offered in a clause, "or" between two words ("soy or
 * paraffin", "大豆蜡还是石蜡", "de soja o de parafina"), as a question
 * that needs no mark: weakly, so that what else the text says comes
 * first. Not when the words before are read in every lexicon at once,
 * where "of" and "o" are not "or", nor before a negation ("还是没到":
 * still not here).
 */
static void
classify_either_or(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_tok	*t = d->tok;
	size_t				 i;

	if (st->lang != NULL && strcmp(st->lang, "all") == 0)
		return;
	for (i = 1; i + 1 < d->ntok; i++) {
		if (!(t[i].cues & (CUE_BIT(CUE_OR))) || (t[i].flags &
		    TOK_QUOTED) || t[i - 1].clause != t[i].clause ||
		    t[i + 1].clause != t[i].clause ||
		    (t[i + 1].cues & (CUE_BIT(CUE_NEGATOR))) ||
		    (t[i - 1].cues & (CUE_BIT(CUE_OR))))
			continue;
		classify_score_add(st, SC_Q, 2, i - 1, i + 2);
		return;
	}
}

/*
 * Count an answer denied: a word of answering with a negation just
 * before it in its clause ("not one single answer", "keine einzige
 * Antwort", "niemand terugbelt", "没人回复"), unless a condition supposes
 * it. The phrases that say so word for word ("no reply") took their
 * negation already.
 */
static void
classify_no_answer(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_tok	*t = d->tok;
	uint64_t			 neg = CUE_BIT(CUE_NEGATOR);
	size_t				 i, j;

	for (i = 1; i < d->ntok; i++) {
		if (!(t[i].cues & (CUE_BIT(CUE_ANSWER))) ||
		    (t[i].flags & TOK_QUOTED))
			continue;
		for (j = i; j > 0 && i - j < NO_ANSWER_WINDOW;) {
			j--;
			if (t[j].clause != t[i].clause ||
			    (t[j].cues & (CUE_BIT(CUE_COND))))
				break;
			if (t[j].cues & neg) {
				classify_score_add(st, SC_C, 3, j, i + 1);
				st->hard = 1;
				return;
			}
		}
	}
}

/* Return the first token from i on (i included) marked with cue, or
 * SIZE_MAX. */
static size_t
classify_next_cue(const struct classify_doc *d, size_t i, int cue)
{
	for (; i < d->ntok; i++) {
		if ((d->tok[i].cues & CUE_BIT(cue)) &&
		    !(d->tok[i].flags & TOK_QUOTED))
			return i;
	}
	return SIZE_MAX;
}

/*
 * Count an order and a span of time together ("ordered two weeks ago",
 * "seit 10 Tagen bestellt", "两周前下的单"): telling how long ago one
 * ordered is telling how long one has waited. Weakly: a question or
 * praise beside it comes first.
 */
static void
classify_order_waited(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	size_t				 o, s;

	if ((o = classify_next_cue(d, 0, CUE_ORDERED)) == SIZE_MAX ||
	    (s = classify_next_cue(d, 0, CUE_SPAN)) == SIZE_MAX)
		return;
	classify_score_add(st, SC_C, 2, o < s ? o : s, (o < s ? s : o) + 1);
}

/*
 * Count what was shown denied in a clause: a word for the photo or the
 * description near a negation or a word of difference ("nothing like the
 * photo", "lijkt niet op de foto", "和图片不一样"), unless a condition
 * supposes it.
 */
static void
classify_not_as_shown(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_tok	*t = d->tok;
	uint64_t			 not = CUE_BIT(CUE_NEGATOR) |
					    CUE_BIT(CUE_DIFFERENT);
	size_t				 p, j, from, to;

	for (p = 0; (p = classify_next_cue(d, p, CUE_PICTURE)) != SIZE_MAX;
	    p++) {
		from = p > SHOWN_WINDOW ? p - SHOWN_WINDOW : 0;
		to = p + SHOWN_WINDOW < d->ntok ? p + SHOWN_WINDOW :
		    d->ntok - 1;
		for (j = from; j <= to; j++) {
			if (t[j].clause != t[p].clause)
				continue;
			if (t[j].cues & CUE_BIT(CUE_COND))
				break;
			if (t[j].cues & not) {
				classify_score_add(st, SC_C, 3, j < p ? j : p,
				    (j < p ? p : j) + 1);
				st->hard = 1;
				return;
			}
		}
	}
}

/*
 * Count an order set against what came ("paid for a kilo, got 250 g
 * instead", "betaald terwijl...", "付的是...却"): weakly, as a wait is.
 */
static void
classify_order_contrast(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	size_t				 o, c;

	if ((o = classify_next_cue(d, 0, CUE_ORDERED)) == SIZE_MAX ||
	    (c = classify_next_cue(d, 0, CUE_CONTRAST)) == SIZE_MAX)
		return;
	classify_score_add(st, SC_C, 2, o < c ? o : c, (o < c ? c : o) + 1);
}

/* Return 1 if token t of d is one of the Chinese characters of s (each
 * three bytes). */
static int
classify_han_in(const struct classify_doc *d, const struct classify_tok *t,
    const char *s)
{
	size_t	n = strlen(s), k;

	if (!(t->flags & TOK_HAN) || t->len != 3)
		return 0;
	for (k = 0; k + 3 <= n; k += 3) {
		if (memcmp(s + k, d->fold + t->off, 3) == 0)
			return 1;
	}
	return 0;
}

/*
 * Count what cannot be done in Chinese: a verb, "不", and a result
 * ("按不出来", "打不开", "关不上", "受不了"), unless a phrase read there
 * says otherwise ("对不起", "忍不住").
 */
static void
classify_han_cannot(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_tok	*t = d->tok;
	size_t				 i, k;

	for (i = 1; i + 1 < d->ntok; i++) {
		if (!classify_han_in(d, &t[i], "不") ||
		    !(t[i - 1].flags & TOK_HAN) ||
		    t[i - 1].clause != t[i].clause ||
		    t[i + 1].clause != t[i].clause ||
		    !classify_han_in(d, &t[i + 1], HAN_RESULTS) ||
		    classify_han_in(d, &t[i - 1], "对"))
			continue;
		for (k = 0; k < st->nm; k++) {
			if (st->m[k].accepted && st->m[k].tok <= i &&
			    st->m[k].tok + st->m[k].ntok > i)
				break;
		}
		if (k == st->nm) {
			classify_score_add(st, SC_C, 2, i - 1, i + 2);
			return;
		}
	}
}

/*
 * Count a message that opens on a verb said to "you" in the plural, the
 * way Arabic customers ask the shop without a question mark ("تشحنون
 * للرياض": do you ship to Riyadh, "تصلحون", "تفتحون"): a word of five
 * letters or more, ta- before and -un after. Weakly, as the same verb
 * also reproaches ("تتجاهلون رسائلي"), which the lexicon weighs more.
 */
#define AR_TA		"\xd8\xaa"	/* ت */
#define AR_UN		"\xd9\x88\xd9\x86"	/* ون */
static void
classify_ar_you_ask(struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_tok	*t = d->tok;
	const char			*w;

	if (st->lang == NULL || strcmp(st->lang, "ar") != 0 || d->ntok < 2 ||
	    !(t[0].flags & TOK_ARABIC) || t[0].len < 10)
		return;
	w = d->fold + t[0].off;
	if (memcmp(w, AR_TA, 2) == 0 && memcmp(w + t[0].len - 4, AR_UN,
	    4) == 0)
		classify_score_add(st, SC_Q, 2, 0, 1);
}

/* Count what the shape of the text says; see the top of the file. */
void
classify_form_scores(struct classify_state *st)
{
	classify_ar_you_ask(st);
	classify_size_mismatch(st);
	classify_either_or(st);
	classify_no_answer(st);
	classify_order_waited(st);
	classify_order_contrast(st);
	classify_not_as_shown(st);
	classify_han_cannot(st);
}

/*
 * Write into key (KEY_MAX bytes) the folded words of s (n bytes) run
 * together; with joins 0, without the words that join a name's parts
 * ("Tulip and Tea" is "tuliptea"). Return its length.
 */
static size_t
classify_handle_key(const char *s, size_t n, int joins, char *key)
{
	static const char *const join[] = { "and", "en", "und", "et", "y" };
	char	*f = classify_fold(s, n), *w, *save = NULL;
	size_t	 len = 0, k, j;

	for (w = f; w != NULL && *w != '\0'; w = save) {
		for (k = 0; w[k] != '\0' && w[k] != ' '; k++)
			;
		save = w[k] == ' ' ? w + k + 1 : NULL;
		for (j = 0; !joins && j < nitems(join); j++) {
			if (strlen(join[j]) == k && memcmp(join[j], w, k) == 0)
				break;
		}
		if ((joins || j == nitems(join)) && len + k < KEY_MAX) {
			memcpy(key + len, w, k);
			len += k;
		}
	}
	key[len] = '\0';
	free(f);
	return len;
}

/*
 * Return 1 if the mention that starts at token i names the shop: its
 * handle holds the shop's name run together, with or without "and"
 * ("@tulipandtea", "@tuliptea_shop"), or imitates it.
 */
static int
classify_mention_is_shop(const struct classify_state *st, size_t i)
{
	const struct classify_doc	*d = &st->doc;
	const char			*shop = st->sig->shop_name;
	size_t				 from = d->tok[i].raw_off, to = from;
	char				 handle[KEY_MAX], key[KEY_MAX], *name;
	char				*and;
	int				 is, joins;

	if (shop == NULL || *shop == '\0')
		return 0;
	while (to < d->rawlen && d->raw[to] != ' ' && d->raw[to] != '\n')
		to++;
	classify_handle_key(d->raw + from, to - from, 1, handle);
	for (joins = 0; joins < 2; joins++) {
		if (classify_handle_key(shop, strlen(shop), joins, key) >= 4 &&
		    strstr(handle, key) != NULL)
			return 1;
	}
	/* "Tulip & Tea" as "@tulipandtea". */
	while ((and = strstr(handle, "and")) != NULL)
		memmove(and, and + 3, strlen(and + 3) + 1);
	if (classify_handle_key(shop, strlen(shop), 0, key) >= 4 &&
	    strstr(handle, key) != NULL)
		return 1;
	name = xstrndup(d->raw + from, to - from);
	is = classify_name_imitates(name, shop);
	free(name);
	return is;
}

/*
 * Return 1 if the text speaks to someone tagged rather than to the shop:
 * it opens with a mention ("@jen remember this place?"), or ends with
 * mentions after words of its own ("who's coming? @sam @lou"), and the
 * name tagged is not the shop's.
 */
int
classify_form_addressed(const struct classify_state *st)
{
	const struct classify_doc	*d = &st->doc;
	size_t				 i;

	if (d->mentions == 0 || d->ntok < 2)
		return 0;
	if (d->tok[0].flags & TOK_MENTION)
		return !classify_mention_is_shop(st, 0);
	for (i = d->ntok; i > 0 && !(d->tok[i - 1].flags & TOK_MENTION) &&
	    d->ntok - i < 1; i--)
		;
	/* The name tagged may be two tokens: "@tom.baker", "@Jen Smith". */
	if (i == 0 || !(d->tok[i - 1].flags & TOK_MENTION))
		return 0;
	return i > 1 && !classify_mention_is_shop(st, i - 1);
}
