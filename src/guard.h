/*
 * guard.h -- read a reply before it goes: the shop's protected words
 * misspelled, split or run together, a placeholder of a saved reply left
 * in, a greeting to someone who is not in the thread, a reply in another
 * language than the customer's, the same text sent to many customers, a
 * parent deleted or hidden since it was read.
 *
 * The guard is pure: no curses, no I/O, no clock. The caller gathers what
 * it needs (the item, the thread, the account's settings, the shop's
 * recent replies) and passes it in; findings come back in order of
 * weight. Nothing here changes the text: it finds and explains.
 */
#ifndef HEED_GUARD_H
#define HEED_GUARD_H

#include <stddef.h>
#include <stdint.h>

/* What a finding is about; guard_kind_name gives each a stable word. */
enum guard_kind {
	GUARD_PLACEHOLDER,	/* {name}, [Customer Name], %NAME%, XXX */
	GUARD_PROTECTED,	/* a protected word nearly, not quite */
	GUARD_GREETING,		/* greets a name nobody in the thread has */
	GUARD_LANGUAGE,		/* not in the customer's language */
	GUARD_AUTOMATED,	/* the same text to many customers today */
	GUARD_PARENT_DELETED,	/* the comment answered is gone */
	GUARD_PARENT_HIDDEN,	/* the comment answered is hidden */
	GUARD_SPELLING,		/* a misspelling: added by the spell module */
	GUARD_KIND_COUNT
};

/* How much a finding weighs: BLOCK stops sending until confirmed. */
enum guard_severity {
	GUARD_WARN,
	GUARD_BLOCK
};

/* One finding. start and len are bytes of the reply; len 0: the whole. */
struct guard_finding {
	int	 kind;		/* enum guard_kind */
	int	 severity;	/* enum guard_severity */
	size_t	 start;
	size_t	 len;
	char	*message;	/* plain words for the shop's owner */
	char	*suggestion;	/* what was probably meant, or NULL */
};

/* The findings of one reply, in order of weight after guard_sort. */
struct guard_report {
	struct guard_finding	*v;
	size_t			 n;
	size_t			 cap;
};

/*
 * What the guard reads. Every pointer but text may be NULL (or a count
 * 0): what is not known is not checked. The strings are lent.
 */
struct guard_input {
	const char		*text;		/* the reply, UTF-8 */
	const char		*customer_name;	/* display name */
	const char		*customer_handle;
	const char *const	*thread_names;	/* everyone else in it */
	size_t			 nthread_names;
	const char		*customer_lang;	/* "en", ... or NULL */
	const char		*platform;
	const char *const	*protect;	/* protected words and names */
	size_t			 nprotect;
	const char		*shop_name;	/* the account's display name */
	const char *const	*recent;	/* the shop's texts of a day */
	size_t			 nrecent;
	int			 parent_deleted;
	int			 parent_hidden;
	/*
	 * Whether a word (its bytes, not terminated) is an ordinary word of
	 * the reply's language, spelled right: 1 yes, 0 no, -1 not known (no
	 * dictionary for the language). The guard lets such a word be where
	 * it would take it for a protected word misspelt, or for a name.
	 * NULL: never known. The caller's, with its argument.
	 */
	int			(*known_word)(void *, const char *, size_t);
	void			*known_arg;
};

/*
 * More than this many of the shop's texts of the last day alike, and a
 * reply "reads as automated".
 */
#define GUARD_AUTOMATED_MORE	3

/* Check a reply into r (initialised here; free with guard_free). */
void	 guard_check(const struct guard_input *, struct guard_report *);
/*
 * Add a finding (the spell module adds its own this way), then guard_sort
 * to put them back in order. message and suggestion are copied.
 */
void	 guard_add(struct guard_report *, int, int, size_t, size_t,
	     const char *, const char *);
/*
 * Order by weight: blocks first (by place); then the warnings about the
 * whole reply or whom it answers: the parent deleted or hidden, the same
 * text to many, the language, a greeting; then the other spans, spelling
 * last. Of the same weight, by place, whole-text ones last.
 */
void	 guard_sort(struct guard_report *);
void	 guard_free(struct guard_report *);
/* Whether anything in the report blocks sending. */
int	 guard_blocks(const struct guard_report *);
/* The stable names of kinds ("protected-word") and severities ("BLOCK"). */
const char	*guard_kind_name(int);
const char	*guard_severity_name(int);

/*
 * Split the value of protect ("Burberry, \"Tulip & Tea\", Marloes": words
 * and names between commas, quotes for a name holding a comma) into new
 * strings; 0, or -1 with *cause.
 */
int	 guard_protect_parse(const char *, char ***, size_t *, char **);
void	 guard_protect_free(char **, size_t);

/*
 * Fill a saved reply's placeholders heed knows: {name} and {first_name}
 * with the customer's first name (from the display name, never a handle),
 * {shop} with the shop's name; any other is left for the person, and so
 * is one whose value is not known. Returns a new string.
 */
char	*guard_fill(const char *, const char *, const char *);

/*
 * guard-lang.c: the language of a text ("en", "nl", "ro", "de", "fr",
 * "es", "ar", "zh"), or NULL when it cannot be told with confidence.
 */
const char	*guard_lang_guess(const char *);

#endif
