/*
 * classify.c -- the classifier: weigh the phrases of the lexicons found in
 * a text (classify-match.c) with the signals that are not words, and
 * decide the kind, whether it needs a reply, how urgent it is, and why.
 *
 * Every phrase found adds its weight to a kind: complaint (C), question
 * (Q), praise (P) or spam (S). Where found phrases overlap, the longest
 * counts, so "not received" is one complaint and not a negated "received".
 * A word of praise after a negation ("not happy", "niet tevreden", "pas
 * content", "不满意") counts for the complaint; a word of discontent after
 * one ("not bad", "no problem") for neither. A complaint that a question
 * only supposes ("can I return it if it doesn't fit?") weighs little.
 * Sarcasm ("thanks for nothing", 🙄, "/s") turns praise into complaint.
 * Weights learned from labelled comments (classify-stat.c) add a few
 * points to the kind they find likeliest, fewer the more the lexicons
 * found, so that they decide what the lexicons have no words for.
 * Then the kind with the strongest evidence wins, in this order: spam,
 * a complaint (even one asked as a question: "where is my order?"), a
 * question, praise; "other" when nothing speaks.
 */
#include <stdlib.h>
#include <string.h>

#include "classify-private.h"
#include "text.h"
#include "util.h"

#define NEGATION_WINDOW		3	/* words before a negated one */
#define NEGATION_WINDOW_HAN	4	/* characters */
#define NEGATION_AFTER		2	/* words after, where it may follow */
#define WHY_QUOTE_WIDTH		40	/* columns of the words quoted */

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

	if (!(d->tok[j].cues & (CUE_BIT(CUE_NEVER))))
		return 0;
	for (k = j + 1; k < i; k++) {
		if (d->tok[k].cues & (CUE_BIT(CUE_SO)))
			return 1;
	}
	return 0;
}

/*
 * Return 1 + the token of a negation of the phrase m: a negator a few
 * words before it in its clause, or, for praise or discontent in a
 * language that may put it after ("bevalt niet", "enttäuscht nie"), just
 * after it; 0 if there is none.
 */
static size_t
classify_negator(const struct classify_state *st,
    const struct classify_match *m)
{
	const struct classify_doc	*d = &st->doc;
	const struct classify_tok	*t = d->tok;
	size_t				 i = m->tok, j, win;
	uint64_t			 neg = CUE_BIT(CUE_NEGATOR);

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
	/* Only a strong word of discontent: "leider nicht" is no praise. */
	if (!m->after || !(m->cue == CUE_PRAISE || (m->cue == CUE_NEGATIVE &&
	    m->weight >= 3)))
		return 0;
	for (j = i + m->ntok; j < d->ntok && j < i + m->ntok + NEGATION_AFTER &&
	    t[j].clause == t[i].clause; j++) {
		if (t[j].cues & neg)
			return j + 1;
	}
	return 0;
}

/* Return 1 if a condition ("if", "als", "wenn") opens m's clause before
 * it, or m is one side of a choice ("runs small or large"): what it says
 * is supposed, not found. */
static int
classify_supposed(const struct classify_state *st,
    const struct classify_match *m)
{
	const struct classify_tok	*t = st->doc.tok;
	uint64_t			 or = CUE_BIT(CUE_OR);
	size_t				 j, end = m->tok + m->ntok;

	if ((m->tok > 0 && (t[m->tok - 1].cues & or) &&
	    t[m->tok - 1].clause == t[m->tok].clause) || (end < st->doc.ntok &&
	    (t[end].cues & or) && t[end].clause == t[m->tok].clause))
		return 1;

	for (j = m->tok; j > 0;) {
		j--;
		if (t[j].clause != t[m->tok].clause)
			break;
		if (t[j].cues & (CUE_BIT(CUE_COND)))
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

/* Return 1 if an accepted phrase of discontent ends just before token i,
 * in its clause. */
static int
classify_discontent_ends(const struct classify_state *st, size_t i)
{
	const struct classify_match	*m;
	size_t				 k;

	for (k = 0; i > 0 && k < st->nm; k++) {
		m = &st->m[k];
		if (m->accepted && m->tok + m->ntok == i &&
		    st->doc.tok[m->tok].clause == st->doc.tok[i].clause &&
		    (m->cue == CUE_NEGATIVE || m->cue == CUE_COMPLAINT))
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
		/* Its words are the reason, should it count after all. */
		classify_score_add(st, SC_C, 0, m->tok, m->tok + m->ntok);
		return;
	}
	classify_score_add(st, SC_C, w, m->tok, m->tok + m->ntok);
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
		classify_score_add(st, SC_C, m->weight + 1, neg - 1 < m->tok ?
		    neg - 1 : m->tok, neg > end ? neg : end);
		return;
	}
	/* "super slow", "une impolitesse incroyable": an intensifier beside
	 * discontent, not praise. */
	if (m->cue == CUE_PRAISE && ((end < st->doc.ntok &&
	    st->doc.tok[end].clause == st->doc.tok[m->tok].clause &&
	    classify_discontent_at(st, end)) || classify_discontent_ends(st,
	    m->tok)))
		return;
	if (m->cue == CUE_THANKS)
		st->thanks = 1;
	else if (classify_last_word_clause(&st->doc, m))
		st->praise_last = 1;
	classify_score_add(st, SC_P, m->weight, m->tok, end);
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
			classify_score_add(st, SC_P, 2, neg - 1 < m->tok ?
			    neg - 1 : m->tok, end);
		break;
	case CUE_PRAISE:
	case CUE_THANKS:
		classify_praise(st, m);
		break;
	case CUE_QUESTION:
	case CUE_REQUEST:
		classify_score_add(st, SC_Q, m->weight, m->tok, end);
		break;
	case CUE_SCAM:
		st->scam += m->weight;
		/* FALLTHROUGH */
	case CUE_SPAM:
		classify_score_add(st, SC_S, m->weight, m->tok, end);
		break;
	case CUE_SARCASM:
		if (m->weight >= 3) {
			st->sarcasm = 1;
			classify_score_add(st, SC_C, m->weight, m->tok, end);
		} else
			st->sarcasm_weak = 1;
		break;
	case CUE_URGENT:
		st->urgent = 1;
		break;
	case CUE_REPAIRED:
		if (classify_negator(st, m) > 0)
			classify_complain(st, m, 2);	/* "not fixed" */
		else
			st->repaired = 1;
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
			d->tok[i].cues &= ~(CUE_BIT(CUE_NEGATOR));
			classify_score_add(st, SC_Q, 3, i - 1, i + 2);
		}
	}
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
	uint64_t			 neg = CUE_BIT(CUE_NEGATOR);
	size_t				 j, k;

	for (j = s; j < d->ntok && d->tok[j].clause == c; j++) {
		for (k = 0; !(d->tok[j].cues & neg) && k < st->nm; k++) {
			if (st->m[k].accepted && st->m[k].tok == j &&
			    (st->m[k].cue == CUE_NEGATIVE ||
			    st->m[k].cue == CUE_COMPLAINT))
				break;
		}
		if ((d->tok[j].cues & neg) || k < st->nm) {
			classify_score_add(st, SC_C, 3, s, j + 1);
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
			classify_score_add(st, SC_Q, m->weight, m->tok, e + 1);
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
	uint64_t			 subj = CUE_BIT(CUE_SUBJECT);
	size_t				 s;
	int				 c;

	for (c = 0; c <= d->nclause; c++) {
		s = st->cstart[c];
		if (s >= d->ntok || d->tok[s].clause != c)
			continue;
		if (d->tok[s].cues & (CUE_BIT(CUE_WHY)))
			classify_reproach(st, c, s);
		classify_question_end(st, c, s);
		if (classify_match_at(st, CUE_NOTQ, s) != NULL ||
		    classify_in_phrase(st, s))
			continue;
		if ((q = classify_match_at(st, CUE_QSTART, s)) != NULL)
			classify_score_add(st, SC_Q, q->weight, s, s + q->ntok);
		else if ((q = classify_match_at(st, CUE_AUX, s)) != NULL &&
		    s + 1 < d->ntok && d->tok[s + 1].clause == c &&
		    (d->tok[s + 1].cues & subj))
			classify_score_add(st, SC_Q, q->weight, s, s + 2);
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
		if (d->tok[i].cues & CUE_BIT(cue))
			return 1;
	}
	return 0;
}

/*
 * Return 1 if an author's name poses as the platform's staff: the name
 * of a platform ("Meta", "Facebook", "Instagram") with a word of a
 * service desk in any of the languages ("Support", "Sicherheit",
 * "Soporte", "客服"). The platforms do not write in a shop's comments.
 */
static int
classify_name_platform(const char *name)
{
	static const char *const platforms[] = {
		"meta", "facebook", "fb", "instagram", "insta", "ig", "bluesky",
		"whatsapp", "messenger"
	};
	static const char *const desks[] = {
		"support", "team", "security", "secure", "help", "service",
		"center", "centre", "official", "verif", "admin", "care",
		"appeal", "sicherheit", "hilfe", "soporte", "ayuda", "seguridad",
		"assistance", "securite", "suporte", "ondersteuning",
		"beveiliging", "klantenservice", "asistenta", "securitate",
		"دعم", "فريق", "امان", "客服", "安全", "中心", "官方"
	};
	char	*f;
	size_t	 i, n;
	int	 platform = 0, desk = 0;

	if (name == NULL || *name == '\0')
		return 0;
	f = classify_fold(name, strnlen(name, 256));
	for (i = 0; i < nitems(platforms) && !platform; i++) {
		n = strlen(platforms[i]);
		platform = strncmp(f, platforms[i], n) == 0 && (f[n] == ' ' ||
		    f[n] == '\0' || (unsigned char)f[n] >= 0x80);
	}
	for (i = 0; i < nitems(desks) && platform && !desk; i++)
		desk = strstr(f, desks[i]) != NULL;
	free(f);
	return platform && desk;
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
	 * is asking anyone at all to answer, or whether the shop even
	 * reads its messages. */
	if (classify_has_cue(d, CUE_ANSWER) && (sig->followup ||
	    classify_has_cue(d, CUE_SOMEONE) || (classify_has_cue(d,
	    CUE_EVEN) && (d->qmarks > 0 || st->score[SC_Q] >= 3))))
		classify_add_signal(st, SC_C, 3, "chasing an answer");
	st->own_fault = classify_has_cue(d, CUE_OWNFAULT);
	if (classify_name_imitates(sig->author_name, sig->shop_name)) {
		st->imitates = 1;
		classify_add_signal(st, SC_S, st->scam > 0 || st->links > 0 ?
		    5 : 2, "a name like the shop's");
	} else if (classify_name_platform(sig->author_name)) {
		st->imitates = 1;
		classify_add_signal(st, SC_S, st->scam > 0 || st->links > 0 ?
		    5 : 3, "a name like the platform's");
	}
	if (d->mentions >= 3 && st->score[SC_S] > 0)
		classify_add_signal(st, SC_S, 1, "many tagged");
}

/*
 * Count what the learned weights say (classify-stat.c): the kind they
 * find likeliest gets a point for every LEARNED_STEP hundredths of
 * log-odds it leads the next by, up to LEARNED_MAX. "Other" gets
 * nothing, as it has no score: when the weights find it likeliest, the
 * lexicons decide alone. Nor do they speak for a text with no word of
 * its own (laughter, emoji, a name tagged): there is nothing in it to
 * learn from but its shortness.
 */
#define LEARNED_STEP	50
#define LEARNED_MAX	4
#define LEARNED_SPAM	1
static void
classify_learned(struct classify_state *st)
{
	static const int	 sc_of[CLASSIFY_KIND_COUNT] = {
		-1, SC_Q, SC_C, SC_P, SC_S
	};
	int			 lo[CLASSIFY_KIND_COUNT], best = 0, next = -1;
	int			 k, pts, cap, top = 0, sc;
	size_t			 i;

	for (i = 0; i < st->doc.ntok; i++) {
		if (!(st->doc.tok[i].flags & (TOK_NOTHING | TOK_MENTION |
		    TOK_LINK)))
			break;
	}
	if (i == st->doc.ntok)
		return;
	classify_stat_score(&st->doc, lo);
	for (k = 1; k < CLASSIFY_KIND_COUNT; k++) {
		if (lo[k] > lo[best]) {
			next = best;
			best = k;
		} else if (next < 0 || lo[k] > lo[next])
			next = k;
	}
	if ((sc = sc_of[best]) < 0)
		return;
	for (k = 0; k < SC_COUNT; k++)
		top = st->score[k] > top ? st->score[k] : top;
	cap = LEARNED_MAX - top;
	if (sc == SC_S && cap > LEARNED_SPAM)
		cap = LEARNED_SPAM;
	pts = 1 + (lo[best] - lo[next]) / LEARNED_STEP;
	if (pts > cap)
		pts = cap;
	/* A tie with what the lexicons found goes to the lexicons. */
	if (st->score[sc] + pts == top && st->score[sc] < top)
		pts--;
	if (pts <= 0)
		return;
	st->score[sc] += pts;
	if (!st->why[sc].set) {
		st->why[sc].weight = pts;
		st->why[sc].signal = "its words, by learned weights";
		st->why[sc].set = 1;
	}
}

/* Weigh sarcasm and supposed complaints into the scores. */
static void
classify_weigh(struct classify_state *st)
{
	int	*sc = st->score;

	/* A question to a friend tagged is not one for the shop, nor is
	 * praise of how a thing would suit the friend. */
	if (st->addressed) {
		sc[SC_Q] = 0;
		sc[SC_P] = 0;
	}
	/* A complaint that a question only supposes weighs 1 a phrase, and
	 * those phrases together never make a complaint of it. */
	sc[SC_C] += sc[SC_Q] >= 3 ? (st->nsupposed < 2 ? st->nsupposed : 2) :
	    st->supposed;
	/* "I chose the wrong colour by mistake, can I change it?" */
	if (st->own_fault && sc[SC_Q] >= 3 && sc[SC_C] > 2) {
		sc[SC_C] = 2;
		st->hard = 0;
	}
	/* "The brakes squealed for weeks and you fixed them, thanks": the
	 * trouble told of is over, and the praise is for putting it right. */
	if (st->repaired && sc[SC_P] > 0 && !st->sarcasm) {
		sc[SC_C] = sc[SC_C] > 4 ? sc[SC_C] - 4 : 0;
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

/* Return 1 if the text holds a link; see classify.h. */
int
classify_has_link(const char *s)
{
	size_t	len, i;

	len = strnlen(s, CLASSIFY_TEXT_MAX);
	for (i = 0; i < len; i++) {
		if (s[i] != '.' && s[i] != 'h' && s[i] != 'H' && s[i] != 'w' &&
		    s[i] != 'W')
			continue;
		if (classify_link_start(s, len, i) ||
		    classify_link_dot(s, len, i))
			return 1;
	}
	return 0;
}

/*
 * Whether a message of a kind needs a reply, from the kind alone; "other"
 * is unclear (see classify.h).
 */
enum classify_reply
classify_kind_reply(enum classify_kind kind)
{
	switch (kind) {
	case CLASSIFY_COMPLAINT:
	case CLASSIFY_QUESTION:
		return CLASSIFY_REPLY_YES;
	case CLASSIFY_PRAISE:
	case CLASSIFY_SPAM:
		return CLASSIFY_REPLY_NO;
	default:
		return CLASSIFY_REPLY_UNCLEAR;
	}
}

/* Decide whether a message of this kind needs a reply. */
static enum classify_reply
classify_reply_of(const struct classify_state *st, enum classify_kind kind)
{
	const struct classify_doc	*d = &st->doc;

	if (kind != CLASSIFY_OTHER)
		return classify_kind_reply(kind);
	if (st->sig->followup)
		return CLASSIFY_REPLY_YES;
	/* Tagging a friend, an emoji, a word: nothing to answer. */
	if (d->ntok <= 2 || st->addressed || (d->mentions > 0 &&
	    d->ntok <= (size_t)d->mentions + 4))
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
	size_t				 from, to, i;

	if (!r->set)
		return;
	if (r->signal != NULL) {
		buf_addstr(b, r->signal);
		return;
	}
	from = d->tok[r->from].raw_off;
	to = d->tok[r->to - 1].raw_end;
	buf_addch(b, '\'');
	/* Plain ASCII that fits is quoted as it is, as text_quote would. */
	for (i = from; i < to && d->raw[i] >= ' ' && d->raw[i] <= '~'; i++)
		;
	if (i == to && to - from <= WHY_QUOTE_WIDTH)
		buf_add(b, d->raw + from, to - from);
	else {
		span = xstrndup(d->raw + from, to - from);
		quoted = text_quote(span, WHY_QUOTE_WIDTH);
		buf_addstr(b, quoted);
		free(quoted);
		free(span);
	}
	buf_addch(b, '\'');
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
	buf_addstr(&b, classify_kind_name(res->kind));
	buf_addstr(&b, ": ");
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

/*
 * Read text into st and find its phrases: what classify_text and
 * classify_features share. Free with classify_state_free.
 */
static void
classify_state_read(struct classify_state *st, const char *text,
    const struct classify_signals *sig)
{
	static const struct classify_signals	 none;
	size_t					 len, i, k;

	memset(st, 0, sizeof *st);
	st->sig = sig != NULL ? sig : &none;
	len = strlen(text);
	if (len > CLASSIFY_TEXT_MAX) {
		len = CLASSIFY_TEXT_MAX;
		while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--;
	}
	classify_doc_read(&st->doc, text, len);
	classify_pick(st);
	classify_find(st);
	classify_resolve(st);
	/* The words of a phrase that means nothing ("more or less") say
	 * nothing to the learned weights either, nor does a greeting, which
	 * opens questions and everything else alike, nor the opening of an
	 * exclamation ("what a", "wat een"), whose "what" is no question. */
	for (i = 0; i < st->nm; i++) {
		if ((st->m[i].accepted && st->m[i].cue == CUE_NONE) ||
		    st->m[i].cue == CUE_GREETING || st->m[i].cue == CUE_NOTQ) {
			for (k = 0; k < st->m[i].ntok; k++)
				st->doc.tok[st->m[i].tok + k].flags |=
				    TOK_NOTHING;
		}
	}
}

/* Free what classify_state_read and the steps after it made. */
static void
classify_state_free(struct classify_state *st)
{
	free(st->m);
	free(st->cstart);
	classify_doc_free(&st->doc);
}

/* Call fn with each feature of text once; see classify.h. */
void
classify_features(const char *text, const char *lang, classify_feature_fn fn,
    void *arg)
{
	struct classify_signals	sig;
	struct classify_state	st;

	memset(&sig, 0, sizeof sig);
	sig.lang = lang;
	classify_state_read(&st, text, &sig);
	classify_stat_features(&st.doc, fn, arg);
	classify_state_free(&st);
}

/* Classify one message; see classify.h. */
void
classify_text(const char *text, const struct classify_signals *sig,
    struct classify_result *res)
{
	struct classify_state	st;
	size_t			i;

	classify_state_read(&st, text, sig);
	classify_a_not_a_questions(&st);
	for (i = 0; i < st.nm; i++) {
		if (st.m[i].accepted)
			classify_score_match(&st, &st.m[i]);
	}
	classify_clause_starts(&st);
	classify_clause_questions(&st);
	classify_form_scores(&st);
	st.addressed = classify_form_addressed(&st);
	classify_signal_scores(&st);
	classify_learned(&st);
	classify_weigh(&st);
	memset(res, 0, sizeof *res);
	res->kind = classify_kind_of(&st);
	res->reply = classify_reply_of(&st, res->kind);
	res->urgency = classify_urgency(&st, res->kind);
	res->lang = st.lang;
	classify_why(&st, res);
	classify_state_free(&st);
}
