/*
 * rules.h -- the owner's rules: "[rule NAME]" sections of the config that
 * sort, tag, flag, snooze or mark done the messages they match, or
 * suggest hiding or deleting one. A rule never acts in public: heed
 * hides, deletes, likes or replies only when the owner says so, whatever
 * a rule says.
 *
 * A rule has conditions and actions, a "key = value" line each:
 *
 *	words = refund, money back	the text holds one of these words or
 *					phrases (case and accents ignored)
 *	pattern = order ?#?[0-9]{5}	the text matches this POSIX extended
 *					regular expression (case ignored)
 *	author = shopname_help		the author's name or handle holds it
 *	platform = facebook, bluesky	the message is on one of these
 *	account = shop-fb		... or on one of these accounts
 *	lang = nl, de			... or in one of these languages
 *	kind = complaint, question	the classifier (or an override) says so
 *	has_link = yes			the message holds a link (or not)
 *	followup = yes			a follow-up in an unanswered
 *					conversation (or not)
 *
 *	set_kind = complaint		what the message is, from now on
 *	priority = high			high, normal or low
 *	tag = refunds			a tag (several lines: several tags)
 *	flag = yes			flag it for attention
 *	snooze = 4h			snooze it this long
 *	done = yes			mark it done
 *	suggest = hide			suggest hiding (or deleting) it: the
 *					owner decides
 *
 * Every condition of a rule must hold; a list in one condition holds
 * when any entry does. Rules run in the order written: where two set the
 * same thing the later wins, and tags add up. The module is pure: no
 * config, store or clock; the caller says what it knows of a message.
 */
#ifndef HEED_RULES_H
#define HEED_RULES_H

#include <stddef.h>
#include <stdint.h>

enum rule_priority {
	RULE_PRIORITY_LOW,
	RULE_PRIORITY_NORMAL,
	RULE_PRIORITY_HIGH
};

enum rule_suggest {
	RULE_SUGGEST_NONE,
	RULE_SUGGEST_HIDE,
	RULE_SUGGEST_DELETE
};

/* What a rule reads of a message; every pointer may be NULL. */
struct rule_message {
	const char	*text;
	const char	*author_name;
	const char	*author_handle;
	const char	*platform;
	const char	*account;
	const char	*lang;
	int		 kind;		/* enum classify_kind */
	int		 has_link;	/* -1: look for one in the text */
	int		 followup;
};

/* What the rules that matched a message say, all together. */
struct rule_actions {
	int		 kind;		/* enum classify_kind; -1 unchanged */
	int		 priority;	/* enum rule_priority; -1 unchanged */
	char		**tags;
	size_t		 ntags;
	int		 flag;		/* 1 flag it */
	int64_t		 snooze;	/* seconds; 0 none */
	int		 done;		/* 1 mark it done */
	int		 suggest;	/* enum rule_suggest */
	const char	**matched;	/* the names of the rules, lent */
	size_t		 nmatched;
};

struct rule;

/* A new rule with no conditions and no actions. */
struct rule	*rule_new(const char *);
void		 rule_free(struct rule *);
const char	*rule_name(const struct rule *);
/*
 * Add one "key = value" line to a rule; 0, or -1 with a message for the
 * user in *cause ("words: ..."). A condition given twice is an error;
 * tag may be given more than once.
 */
int		 rule_set(struct rule *, const char *, const char *, char **);
/* Tell whether a tag is a name heed accepts (tag = and tag:NAME). */
int		 rule_tag_valid(const char *);
/* Check a rule once all its lines are read: a condition and an action. */
int		 rule_check(const struct rule *, char **);
/* Return 1 if every condition of the rule holds for the message. */
int		 rule_match(const struct rule *, const struct rule_message *);
/* Add what the rule does to actions (after the earlier rules' own). */
void		 rule_apply(const struct rule *, struct rule_actions *);
/* Describe the rule's actions in one line, for a dry run ("tag refunds"). */
char		*rule_describe(const struct rule *);

void		 rule_actions_init(struct rule_actions *);
void		 rule_actions_free(struct rule_actions *);
/* Describe what actions do in one line ("kind complaint, tag refunds"). */
char		*rule_actions_describe(const struct rule_actions *);

/*
 * Run rules in order over a message into actions (initialised here);
 * return how many matched.
 */
size_t		 rules_run(struct rule *const *, size_t,
		     const struct rule_message *, struct rule_actions *);

#endif
