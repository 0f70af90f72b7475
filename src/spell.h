/*
 * spell.h -- spelling: the misspelled words of a reply, with suggestions,
 * through enchant-2 and the hunspell dictionaries installed.
 *
 * enchant is loaded with dlopen the first time a checker is opened, never
 * at start. No curses and no enchant type appear here: the composer
 * underlines what spell_check finds, the check screen lists it. A
 * misspelling is a warning; nothing here blocks a reply.
 */
#ifndef HEED_SPELL_H
#define HEED_SPELL_H

#include <stddef.h>

#define SPELL_SUGGEST_MAX	5

enum spell_status {
	SPELL_OK,		/* the checker is open */
	SPELL_NO_LANG,		/* no language was given */
	SPELL_NO_DICT,		/* no dictionary for the language */
	SPELL_NO_LIBRARY	/* enchant cannot be loaded */
};

/* One misspelled word: a span of bytes of the text, and suggestions. */
struct spell_miss {
	size_t	 start;
	size_t	 len;
	char	*suggest[SPELL_SUGGEST_MAX];
	size_t	 nsuggest;
};

/* What spell_check found, in the order of the text. */
struct spell_misses {
	struct spell_miss	*v;
	size_t			 n;
};

struct spell;

/*
 * Open a checker for a language code ("en", "nl", "pt-BR", "de_AT"): the
 * dictionary of that region if one is installed, else the usual one of
 * the language (en_US or en_GB, de_DE, nl_NL, ...), else any of it.
 * SPELL_OK with *out; otherwise *cause (new) says plainly why spelling is
 * not checked, as in "Spelling is not checked in Chinese: no dictionary".
 */
enum spell_status spell_open(const char *, struct spell **, char **);
void		 spell_free(struct spell *);
/* The dictionary's tag ("en_US"), and the language's name ("English"). */
const char	*spell_dict_tag(const struct spell *);
const char	*spell_lang_name(const char *);

/*
 * Check a UTF-8 text and put its misspelled words in *out (cleared
 * first). Accepted besides the dictionary's words: the words of protect
 * (a NULL-terminated list of names, such as the shop's, "Tulip & Tea";
 * may be NULL), those of the personal word list, @handles, #tags, URLs,
 * e-mail addresses, numbers and words with digits, and short words in
 * capitals (order codes). With SPELL_SUGGEST each miss has up to
 * SPELL_SUGGEST_MAX suggestions, which take a few milliseconds a word.
 */
#define SPELL_SUGGEST	0x1
void		 spell_check(struct spell *, const char *,
		     const char *const *, int, struct spell_misses *);
void		 spell_misses_clear(struct spell_misses *);
/*
 * Whether the dictionary, or the personal word list, knows one word (its
 * len bytes, not terminated), as it is written: "Channel" and "CHANNEL"
 * are the word "channel", while "brian" is not the name "Brian". 1 or 0.
 * The guard asks it through guard_input's known_word.
 */
int		 spell_known_word(struct spell *, const char *, size_t);
/*
 * Find the word that a byte offset of a text is in or just after, as
 * spell_check reads words; 0 with its bytes [*start, *end), or -1.
 */
int		 spell_word_at(const struct spell *, const char *, size_t,
		     size_t *, size_t *);

/*
 * The personal word list, $XDG_DATA_HOME/heed/words, one word a line
 * (new string). spell_word_add appends a word to it, creating it with
 * mode 0600: 0 when added, 1 when it was there already, -1 with *cause
 * (a full disk, say) and the file as it was.
 */
char		*spell_words_path(void);
int		 spell_word_add(const char *, char **);

/*
 * Choose the language to check a reply in: the reply's own when it can be
 * told, else the customer's, else the account's. Each may be NULL or "";
 * returns one of them (lent), or NULL when none is known.
 */
const char	*spell_lang_choose(const char *, const char *, const char *);
/*
 * The account's language, for spell_lang_choose: the value of the
 * language option when it is set (lent), else the language of the
 * locale in the environment (LC_ALL, then LC_MESSAGES, then LANG: "nl"
 * of "nl_NL.UTF-8") written into buf of len bytes; NULL for none, C or
 * POSIX.
 */
const char	*spell_lang_default(const char *, char *, size_t);

#endif
