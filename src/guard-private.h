/*
 * guard-private.h -- what the parts of the guard share: the words of a
 * text, folded for comparing, and the per-language lists.
 */
#ifndef HEED_GUARD_PRIVATE_H
#define HEED_GUARD_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "guard.h"

/* The code points of a word kept for comparing; longer ones are cut. */
#define GUARD_WORD_MAX	48

/* The script of a letter; a word never mixes two (digits go with any). */
enum guard_script {
	GUARD_SCRIPT_NONE,	/* not a letter: space, punctuation, emoji */
	GUARD_SCRIPT_DIGIT,
	GUARD_SCRIPT_LATIN,
	GUARD_SCRIPT_GREEK,
	GUARD_SCRIPT_CYRILLIC,
	GUARD_SCRIPT_ARABIC,
	GUARD_SCRIPT_CJK,	/* Han, kana, hangul */
	GUARD_SCRIPT_OTHER	/* other letters: compared exactly */
};

/* One word of a text. */
struct guard_word {
	size_t		 start;		/* bytes in the text */
	size_t		 len;
	uint32_t	 cp[GUARD_WORD_MAX];	/* folded */
	size_t		 n;
	char		 key[GUARD_WORD_MAX * 4 + 1];	/* cp as UTF-8 */
	int		 script;	/* enum guard_script of its letters */
	int		 upper;		/* begins with a capital */
	int		 handle;	/* an @handle */
	int		 digits;	/* holds a digit */
	int		 letters;	/* how many letters */
};

/* The words of a text, in order. */
struct guard_words {
	struct guard_word	*v;
	size_t			 n;
};

/* guard-word.c */
void		 guard_words_split(const char *, struct guard_words *);
void		 guard_words_free(struct guard_words *);
uint32_t	 guard_fold(uint32_t);
int		 guard_script(uint32_t);
int		 guard_is_upper(uint32_t);
/* Whether the bytes between two words hold only what joins a name. */
int		 guard_gap_joins(const char *, size_t, size_t);
/* The folded key of a string of one word (for comparing with lists). */
void		 guard_key(const char *, char *, size_t);
/* A folded letter without its accent (0: dropped); a word's so. */
uint32_t	 guard_base(uint32_t);
void		 guard_base_key(const struct guard_word *, char *);

/* The edit distance of two words (a swap is one), or most + 1 past it. */
size_t		 guard_distance(const uint32_t *, size_t, const uint32_t *,
		     size_t, size_t);

/* guard-near.c: how near a word is to a protected word. */
enum guard_near {
	GUARD_NEAR_NO,
	GUARD_NEAR_EDIT,	/* one edit (two for long words) */
	GUARD_NEAR_ANAGRAM	/* the same letters in another order */
};
int		 guard_same_or_plural(const uint32_t *, size_t,
		     const uint32_t *, size_t);
int		 guard_near(const uint32_t *, size_t, const uint32_t *,
		     size_t, int);
int		 guard_vowel_changed(const uint32_t *, size_t,
		     const uint32_t *, size_t);
int		 guard_near_unspaced(const uint32_t *, size_t,
		     const uint32_t *, size_t, size_t *, size_t *);

/* guard-slot.c: the placeholders of a saved reply left in the text. */
void		 guard_check_placeholders(const struct guard_input *,
		     const struct guard_words *, struct guard_report *);

/* guard-alike.c: the same reply to many customers, names aside. */
void		 guard_check_automated(const struct guard_input *,
		     struct guard_report *);

/* guard-protect.c */
void		 guard_check_protect(const struct guard_input *,
		     const struct guard_words *, struct guard_report *);

/* guard-greet.c */
void		 guard_check_greeting(const struct guard_input *,
		     const struct guard_words *, struct guard_report *);
/*
 * guard-greet-list.c: the words around a greeting, in every language
 * heed knows: whether a word begins a greeting before a time of day
 * ("good"), lets a greeting go on before its name ("morning", "ziua"),
 * is nobody's name ("team"), makes a sign-off ("Grüße"), is a given name
 * as well as a word ("Rose"); whether Han characters are clearly a name
 * (and where the name is in them).
 */
int		 guard_greet_opens(const char *);
int		 guard_greet_goes_on(const char *);
int		 guard_greet_no_name(const char *);
int		 guard_greet_signoff(const char *);
int		 guard_greet_given(const char *);
int		 guard_greet_zh_name(const char *, size_t, size_t *, size_t *);
/*
 * guard-name.c: whether a word matches a word of one name (a display
 * name or a handle); whether it is a name of the customer or of anyone
 * in the thread; whether anyone's name is written in a script. Names are
 * compared folded (guard_name_base): no case, no accents.
 */
int		 guard_name_has(const char *, const struct guard_word *);
int		 guard_near_name(const struct guard_input *,
		     const struct guard_word *);
int		 guard_known_name(const struct guard_input *,
		     const struct guard_word *);
int		 guard_names_script(const struct guard_input *, int);
uint32_t	 guard_name_base(uint32_t);
void		 guard_name_key(const char *, char *, size_t);

/* guard-lang.c */
/* Whether a folded word is a common word of a language heed knows. */
int		 guard_common(const char *);
/* Whether a folded word greets (1), or is a title after a greeting (2). */
int		 guard_greeting_word(const char *);
/* Whether a folded word after a greeting is no name ("there", "all"). */
int		 guard_greeting_not_name(const char *);
/* The name of a language code in words ("Dutch"), or the code itself. */
const char	*guard_lang_name(const char *);

#endif
