/*
 * classify-private.h -- what the files of the classifier share: the cues
 * of the lexicons, the tables of phrases (classify-lex-*.c), a text read
 * into tokens and signals (classify-doc.c), and the state of one text
 * whose phrases classify-match.c finds and classify.c weighs.
 * Nothing outside src/classify*.c includes it.
 */
#ifndef HEED_CLASSIFY_PRIVATE_H
#define HEED_CLASSIFY_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "classify.h"

/*
 * What a phrase of a lexicon says. The first group scores: each match
 * adds its weight to a kind, and where matches overlap the longest wins
 * (NONE wins without scoring, so "best regards" is not praise). The
 * second group marks tokens for the rules of classify.c.
 */
enum classify_cue {
	CUE_COMPLAINT,	/* a phrase that complains as it stands ("still
			   waiting", "not received"): never negated */
	CUE_NEGATIVE,	/* a word of discontent ("broken", "late"); after
			   a negation it complains no more ("not bad") */
	CUE_PRAISE,	/* a word of praise; after a negation it is a
			   complaint ("not happy", "niet tevreden") */
	CUE_THANKS,	/* thanks: praise that asks for nothing */
	CUE_QUESTION,	/* a phrase that asks, wherever it is ("does
			   anyone know", "is it possible", "吗") */
	CUE_REQUEST,	/* asks the shop to do something ("please send",
			   "thanks in advance", "I want to order") */
	CUE_SPAM,	/* giveaways, crypto, "follow me", "link in bio" */
	CUE_SCAM,	/* what an impostor of the shop asks ("DM us your
			   card", "verify your account", "you have won") */
	CUE_SARCASM,	/* weight 3: sarcasm as it stands ("thanks for
			   nothing"); 1: a marker that turns praise into a
			   complaint beside other discontent ("as usual") */
	CUE_URGENT,	/* "asap", "immediately" */
	CUE_REPAIRED,	/* a thing put right ("fixed it", "opgelost",
			   "修好"): beside praise, the trouble it tells
			   of is over; negated, it complains */
	CUE_NONE,	/* a phrase that means none of these ("best
			   regards", "not only", "no problem") */
	CUE_NEGATOR,	/* "not", "niet", "kein", "pas", "لا", "不" */
	CUE_QSTART,	/* asks when it opens a clause ("how", "wie",
			   "quand", "¿cuándo", "هل") */
	CUE_NOTQ,	/* opens an exclamation, not a question ("what a",
			   "wat een", "que bonito") */
	CUE_AUX,	/* a verb that asks when a subject follows it at the
			   start of a clause ("do you", "heb je", "avez
			   vous"); the weight is how much that asks */
	CUE_SUBJECT,	/* a subject for CUE_AUX */
	CUE_COND,	/* "if", "als", "wenn", "si": a complaint after it
			   in a question is only supposed */
	CUE_GREETING,	/* "hi", "hallo", "bonjour": a clause starts after
			   it */
	CUE_WHY,	/* "why", "waarom", "为什么": a question that opens
			   with it and negates reproaches ("why has nobody
			   answered") */
	CUE_ANSWER,	/* "answer", "reply", "antwoord", "回复": in a
			   follow-up, the customer chases the shop */
	CUE_OWNFAULT,	/* "by mistake", "per ongeluk", "不小心": the
			   customer's own mistake, no complaint */
	CUE_SOMEONE,	/* "anyone", "iemand", "quelqu'un", "有人": asking
			   anyone for an answer is chasing one */
	CUE_QEND,	/* asks when it ends a clause: "c'est quand",
			   "ça coûte combien", "la promo dura hasta cuándo" */
	CUE_NEVER,	/* "never", "nooit", "jamais": with CUE_SO before
			   the praise it praises ("never so good") */
	CUE_SO,		/* "so", "such", "zo", "aussi", "tan", "这么" */
	CUE_FUNCTION,	/* a common word of the language, to tell the
			   languages of one script apart */
	CUE_FILLER,	/* a word a phrase lets in between its own: "not
			   really received", "funktioniert überhaupt nicht"
			   */
	CUE_OR,		/* "or", "of", "oder", "ou", "sau", "还是": between
			   two choices in a clause, it asks which */
	CUE_EVEN,	/* "even", "actually", "uberhaupt", "meme": in a
			   question about answers, a reproach */
	CUE_LIKE,	/* "like", "als", "comme", "像": "the L fits like
			   an S" */
	CUE_ORDERED,	/* "ordered", "besteld", "下单": with a span of
			   time, the wait is the complaint */
	CUE_SPAN,	/* "two weeks", "# dagen", "seit Montag" */
	CUE_PICTURE,	/* "photo", "description": what was shown */
	CUE_DIFFERENT,	/* "different", "anders", "不一样" */
	CUE_CONTRAST,	/* "instead of", "terwijl", "au lieu de", "却": with
			   an order, what came is not what was paid for */
	CUE_COUNT
};
#define CUE_BIT(c)	((uint64_t)1 << (c))

/*
 * One group of a lexicon: a cue, a weight, and phrases parted by "|".
 * A phrase is words parted by one space, written as classify_fold writes
 * text. A word ending in "*" matches any word it begins, one beginning
 * with "*" any word it ends (German compounds: "*verzogerung"); "#"
 * matches a number. A single word of praise or discontent also matches
 * after "super", "mega" and the like ("superlekker"). Chinese characters match one by one, with or without spaces
 * between them; an Arabic word also matches behind the clitics و ف ب ل ك
 * and ال.
 */
struct classify_group {
	enum classify_cue	 cue;
	int			 weight;
	const char		*phrases;
};

/*
 * A language: its code, script, groups, whether negation may follow the
 * word it negates ("werkt niet", "marche pas", "gefällt mir nicht"), and
 * the endings its adjectives take ("|"-parted; "o>a" replaces a last
 * "o"), so that a word of praise or discontent of four letters or more
 * matches inflected ("adorable" "adorables", "rico" "rica").
 */
#define CLASSIFY_LATIN	0
#define CLASSIFY_ARABIC	1
#define CLASSIFY_HAN	2
struct classify_lexicon {
	const char			*code;
	int				 script;
	int				 negation_after;
	const char			*endings;
	const struct classify_group	*groups;
	size_t				 ngroups;
};

extern const struct classify_lexicon classify_lex_any;	/* every text */
extern const struct classify_lexicon classify_lex_en;
extern const struct classify_lexicon classify_lex_nl;
extern const struct classify_lexicon classify_lex_de;
extern const struct classify_lexicon classify_lex_fr;
extern const struct classify_lexicon classify_lex_es;
extern const struct classify_lexicon classify_lex_ro;
extern const struct classify_lexicon classify_lex_ar;
extern const struct classify_lexicon classify_lex_zh;

/* A token of a text: a word, a number, or one Chinese character. */
#define TOK_HAN		0x01
#define TOK_ARABIC	0x02
#define TOK_DIGITS	0x04
#define TOK_CAPS	0x08	/* three or more letters, all capitals */
#define TOK_MENTION	0x10	/* after an "@" */
#define TOK_LINK	0x20	/* part of a link: no phrase matches it */
#define TOK_INTENSE	0x40	/* begins with "super", "mega" and the like */
#define TOK_FILLER	0x100	/* a word phrases let in (CUE_FILLER) */
#define TOK_NOTHING	0x200	/* in a phrase that means nothing
				   (CUE_NONE: "more or less"), a
				   greeting or what opens an
				   exclamation: the learned weights
				   leave it out */
#define TOK_QUOTED	0x80	/* inside quotation marks: words quoted
				   ("the cake said 'Happy birthday'") are
				   not the writer's own */
struct classify_tok {
	size_t		 off;		/* in the folded text */
	size_t		 len;
	size_t		 raw_off;	/* in the text as given */
	size_t		 raw_end;
	int		 clause;	/* punctuation and emoji part clauses */
	int		 flags;		/* TOK_* */
	uint64_t	 cues;		/* CUE_BIT of the marking cues */
	uint8_t		 stem[5];	/* Arabic: where a stem may begin,
					   behind clitics (classify-match.c) */
	uint8_t		 nstem;
};

/* Emoji by what they mostly say. */
enum classify_emoji {
	EMOJI_PRAISE,		/* ❤️ 😍 👍 🎉 */
	EMOJI_SAD,		/* 😡 😢 👎 💔 */
	EMOJI_EYEROLL,		/* 🙄 😒 🙃 🤡: sarcasm */
	EMOJI_QUESTION,		/* 🤔 ❓ */
	EMOJI_MONEY,		/* 💰 🤑 🎁 👉 */
	EMOJI_PLEAD,		/* 🙏 */
	EMOJI_OTHER,
	EMOJI_COUNT
};

/* A text read for classifying. */
struct classify_doc {
	const char		*raw;
	size_t			 rawlen;
	char			*fold;		/* the folded words */
	size_t			 foldlen;
	struct classify_tok	*tok;
	size_t			 ntok;
	int			 nclause;
	int			 qmarks;	/* ? ？ ؟ ¿ */
	int			 qmark_end;	/* the text ends asking */
	int			 inverted_q;	/* ¿ */
	int			 excl;		/* ! ！ ¡ */
	int			 punct_run;	/* the longest run of ! and ? */
	int			 upper, lower;	/* letters with a case */
	int			 caps_words;
	int			 latin, arabic, han;	/* letters by script */
	int			 links;
	int			 mentions;
	int			 phone;		/* a long run of digits */
	int			 slash_s;	/* "/s" */
	int			 emoji[EMOJI_COUNT];
};

/*
 * Read text (its first len bytes) into doc: fold it, cut it into tokens
 * and clauses, count its signals. Free with classify_doc_free.
 */
void	classify_doc_read(struct classify_doc *, const char *, size_t);
void	classify_doc_free(struct classify_doc *);
/* Return 1 for a Chinese character (or Japanese kana, read alike). */
int	classify_cp_han(uint32_t);
/*
 * Return 1 if a link starts at s[i] of s[0..len) ("http://", "www."), or
 * if the dot at s[i] ends a bare domain ("bit.ly/x").
 */
int	classify_link_start(const char *, size_t, size_t);
int	classify_link_dot(const char *, size_t, size_t);
/*
 * Return 1 if an author's name imitates the shop's (its name with
 * "support", "help desk", "official" and the like, or one letter off),
 * or is made of such words alone when the shop's is unknown.
 */
int	classify_name_imitates(const char *, const char *);

/* The lexicons: the shared one and the eight of classify_lexicon_at. */
#define CLASSIFY_LEXICONS	9

/*
 * A phrase of a lexicon, as the index finds it (classify-index.c): where
 * it is, and its place, to order what is found as if every phrase had
 * been tried in turn.
 */
struct classify_entry {
	const struct classify_lexicon	*lex;
	const struct classify_group	*group;
	const char			*phrase;
	uint16_t			 len;
	uint16_t			 wlen;		/* its first word */
	uint8_t				 lexno;		/* see below */
	uint8_t				 intense;	/* praise or
							   discontent */
	uint8_t				 next;		/* the first byte
							   of the token after
							   the first, or 0 */
	uint32_t			 ordinal;	/* in its lexicon */
};

/*
 * Write into out (at most max) each phrase that may begin at token i of
 * d, once, from the lexicons of lexmask (1 << lexno), but their common
 * words (CUE_FUNCTION). Return how many. The caller checks each with the
 * matcher; the index is built on first use.
 */
size_t	classify_index_at(const struct classify_doc *, size_t, unsigned,
	    const struct classify_entry **, size_t);
/* Return the lexicons (1 << lexno) that have the word (bytes) among
 * their common words, which are single words; and those that let it in
 * between the words of a phrase (CUE_FILLER). */
unsigned classify_index_common(const char *, size_t, unsigned *);

/* The first letter of an Arabic verb in the third person masculine, and
 * in the second or the feminine (UTF-8). */
#define ARABIC_YEH	"\xd9\x8a"
#define ARABIC_TEH	"\xd8\xaa"
/* The number of a lexicon: 0 the shared one, 1 + i for
 * classify_lexicon_at(i). */
int	classify_index_lexno(const struct classify_lexicon *);
/* Return the length of the intensifier ("super", "mega") word s (n
 * bytes) begins with, leaving three bytes or more; 0 if none. */
size_t	classify_intense_len(const char *, size_t);

/* The lexicon of a language tag, or NULL. */
const struct classify_lexicon *classify_lexicon_find(const char *);
/* Every lexicon but the shared one, in order; NULL after the last. */
const struct classify_lexicon *classify_lexicon_at(size_t);

/*
 * The kinds that phrases add weight to, and what classify.c and
 * classify-match.c work out about one text.
 */
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
	size_t		 lexpos;	/* its lexicon's place in st->lex */
	uint32_t	 ordinal;	/* its place in its lexicon */
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
	size_t				 common[CLASSIFY_LEXICONS];
	int				 counted;	/* common[] is */
	int				 score[SC_COUNT];
	struct classify_reason		 why[SC_COUNT];
	int				 hard;		/* a plain complaint */
	int				 supposed;	/* complaints after "if" */
	int				 nsupposed;
	int				 sarcasm, sarcasm_weak;
	int				 urgent, thanks, scam, imitates;
	int				 own_fault;
	int				 repaired;	/* "fixed it" */
	int				 praise_last;	/* "... Lovely." */
	int				 addressed;	/* to someone tagged */
	int				 links;
};

/* Count w for kind sc (SC_*), with tokens [from, to) as its reason if
 * it is the heaviest so far (classify-form.c). */
void	classify_score_add(struct classify_state *, int, int, size_t, size_t);
/* Count what the shape of the text says: choices, sizes compared
 * (classify-form.c). */
void	classify_form_scores(struct classify_state *);
/* Return 1 if the text speaks to someone it tags, not to the shop. */
int	classify_form_addressed(const struct classify_state *);

/*
 * The learned weights of a feature by its hash (classify-weights.c, made
 * by tests/tools/classify-learn.c): hundredths of the log of how likely
 * it is in a comment of each kind (by enum classify_kind), less their
 * mean. Sorted by hash.
 */
struct classify_weight {
	uint32_t	 hash;
	int16_t		 w[CLASSIFY_KIND_COUNT];
};
extern const struct classify_weight	classify_weights[];
extern const size_t			classify_nweights;
extern const int16_t			classify_weight_prior[CLASSIFY_KIND_COUNT];
/* Call fn with each feature of the text of d, once (see classify.h). */
void	classify_stat_features(const struct classify_doc *,
	    classify_feature_fn, void *);
/* Write the learned log-odds of each kind for the text of d into out, in
 * hundredths (classify-stat.c). */
void	classify_stat_score(const struct classify_doc *,
	    int [CLASSIFY_KIND_COUNT]);

/* Finding phrases (classify-match.c). */
/* Pick the lexicons to read for the text of st (st->lex, st->lang). */
void	classify_pick(struct classify_state *);
/* Find the phrases of the lexicons picked, but their common words. */
void	classify_find(struct classify_state *);
/* Accept the phrases that count and mark tokens with the marking cues. */
void	classify_resolve(struct classify_state *);
/* Return 1 if token i is "不" or "没" between two same characters. */
int	classify_a_not_a(const struct classify_doc *, size_t);
/* The phrase of cue starting at token i with the most weight, or NULL. */
const struct classify_match *classify_match_at(const struct classify_state *,
	    int, size_t);

#endif
