/*
 * spell-private.h -- what the files of the spelling module share: the
 * language tables (spell-lang.c) and the personal word list as read
 * (spell-words.c). Nothing outside spell*.c includes it.
 */
#ifndef HEED_SPELL_PRIVATE_H
#define HEED_SPELL_PRIVATE_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

#define SPELL_TAG_LEN	16
#define SPELL_TAGS_MAX	6
/* The longest word the list takes, in bytes. */
#define SPELL_WORD_MAX	100

int		 spell_lang_split(const char *, char[4], char[4]);
const char	*spell_lang_package(const char *);
size_t		 spell_lang_tags(const char *, const char *,
		     char [][SPELL_TAG_LEN]);

/* The personal word list as last read, and the file it was read from. */
struct spell_words {
	char	**v;		/* the words, as written */
	size_t	  n;
	int	  read;		/* 1 once read (the file may not exist) */
	dev_t	  dev;
	ino_t	  ino;
	off_t	  size;
	int64_t	  mtime_ns;
};

/*
 * Read the word list at path again if the file changed since it was
 * last read (or was never read): 1 if the words changed, 0 if not. A
 * file that cannot be read counts as empty; the log says why.
 */
int		 spell_words_refresh(struct spell_words *, const char *);
void		 spell_words_clear(struct spell_words *);

#endif
