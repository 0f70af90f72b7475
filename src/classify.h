/*
 * classify.h -- what a customer's message is (a complaint, a question,
 * praise, spam or something else) and whether it needs a reply, worked out
 * locally from the text and a few facts about its author and conversation:
 * no network, no model to download, no clock, no cache.
 *
 * The classifier reads lexicons of phrases per language (en, nl, de, fr,
 * es, ro, ar, zh; src/classify-lex-*.c) and signals that are not words:
 * question marks in every script, repeated punctuation, capitals, emoji,
 * links, and names that imitate the shop's; and weights learned from
 * labelled comments (src/classify-weights.c) for what the lexicons have
 * no words for. It is meant to be called at
 * ingest; the owner's own rules and overrides come after it.
 */
#ifndef HEED_CLASSIFY_H
#define HEED_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

enum classify_kind {
	CLASSIFY_OTHER,
	CLASSIFY_QUESTION,
	CLASSIFY_COMPLAINT,
	CLASSIFY_PRAISE,
	CLASSIFY_SPAM
};
#define CLASSIFY_KIND_COUNT	5

/*
 * Whether a message needs a reply. UNCLEAR sits between: a queue shows it
 * after the messages that need one and before those that do not.
 */
enum classify_reply {
	CLASSIFY_REPLY_NO,
	CLASSIFY_REPLY_UNCLEAR,
	CLASSIFY_REPLY_YES
};
#define CLASSIFY_REPLY_COUNT	3

/* What the caller knows besides the text; every member may be 0 or NULL. */
struct classify_signals {
	const char	*lang;		/* the platform's language tag ("en",
					   "zh-Hant"); NULL or unknown: the
					   script and the words decide */
	const char	*author_name;	/* the author's display name or handle */
	const char	*shop_name;	/* the business's own name on the
					   account, to spot names imitating it */
	int		 followup;	/* the author wrote before in this
					   conversation and is still waiting
					   for the shop's answer */
	int		 author_threads; /* the threads this author wrote in
					   lately (links from an author in
					   many threads are spam) */
	int		 has_link;	/* the platform says the message
					   carries a link (besides any URL in
					   the text, which is found anyway) */
};

#define CLASSIFY_WHY_MAX	128

/* What classify_text found. */
struct classify_result {
	enum classify_kind	 kind;
	enum classify_reply	 reply;
	int			 urgency;	/* 0 (none) to 3 (answer first) */
	const char		*lang;		/* the lexicon that was read: a
						   code, or "all" when every
						   lexicon of the script was */
	char			 why[CLASSIFY_WHY_MAX];	/* for the user, such as
						   "complaint: 'still waiting',
						   follow-up" */
};

/*
 * Classify one message (UTF-8; bytes that are not are read as U+FFFD, and
 * only the first CLASSIFY_TEXT_MAX bytes are read). It cannot fail: every
 * text has a kind, "other" when nothing speaks for another. sig may be
 * NULL.
 */
#define CLASSIFY_TEXT_MAX	8192
void		 classify_text(const char *, const struct classify_signals *,
		     struct classify_result *);

/*
 * Write the folded form of s[0..len) to a new string: lower case, Latin
 * letters without accents, Arabic letters in one form, traditional
 * Chinese characters as simplified, apostrophes dropped, words parted by
 * one space. What the lexicons are written in, and what the owner's rules
 * match words in (rules.c).
 */
char		*classify_fold(const char *, size_t);

/*
 * Return 1 if the text holds a link as the classifier counts them (a URL,
 * "www." or a bare domain such as "bit.ly/x"), without reading it
 * further: for callers who look up more about a message with a link.
 */
int		 classify_has_link(const char *);

/*
 * Whether a message of a kind needs a reply, from the kind alone (when a
 * rule or the owner said what it is): "other" is unclear.
 */
enum classify_reply classify_kind_reply(enum classify_kind);

/* The name of a kind ("complaint") or a reply ("yes", "no", "unclear"). */
const char	*classify_kind_name(enum classify_kind);
const char	*classify_reply_name(enum classify_reply);
/* Read a kind or a reply from its name; 0, or -1 if it is none. */
int		 classify_kind_parse(const char *, enum classify_kind *);
int		 classify_reply_parse(const char *, enum classify_reply *);

/*
 * Return 1 if the language tag (its first subtag) has a lexicon of its
 * own; the codes that do, for a message, in classify_lang_list().
 */
int		 classify_lang_known(const char *);
const char	*classify_lang_list(void);

/*
 * Check that every lexicon is well formed: each phrase written as the
 * classifier reads text (lower case, no accents, one space between words)
 * and none twice. 0, or -1 with every fault, a line each, in *cause. For
 * tests.
 */
int		 classify_lexicon_check(char **);

/*
 * The learned part of the classifier reads a text as features (the
 * beginnings of its words and pairs of them, Chinese characters, marks
 * such as "?"; src/classify-stat.c) and looks up a weight for each by its
 * hash. Call fn with each feature of the text (in the language of the
 * tag, which may be NULL) once, its length and its hash, and arg. For
 * the tool that learns the weights (tests/tools/classify-learn.c).
 */
typedef void	(*classify_feature_fn)(const char *, size_t, uint32_t, void *);
void		 classify_features(const char *, const char *,
		     classify_feature_fn, void *);
uint32_t	 classify_feature_hash(const char *, size_t);

/* Counts of expected against found kinds and replies, for measuring. */
struct classify_tally {
	unsigned	kind[CLASSIFY_KIND_COUNT][CLASSIFY_KIND_COUNT];
	unsigned	reply[CLASSIFY_REPLY_COUNT][CLASSIFY_REPLY_COUNT];
};
/* Count one message: the kind and reply expected, then those found. */
void		 classify_tally_add(struct classify_tally *,
		     enum classify_kind, enum classify_reply,
		     enum classify_kind, enum classify_reply);
/* Precision and recall of a kind (-1 when nothing was found or expected),
 * the share of kinds found right (-1 when nothing was counted). */
double		 classify_tally_precision(const struct classify_tally *,
		     enum classify_kind);
double		 classify_tally_recall(const struct classify_tally *,
		     enum classify_kind);
double		 classify_tally_accuracy(const struct classify_tally *);
unsigned	 classify_tally_total(const struct classify_tally *);

#endif
