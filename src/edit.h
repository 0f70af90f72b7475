/*
 * edit.h -- a UTF-8 text buffer with a cursor, the model behind the
 * composer and every prompt. No curses here: the UI draws it.
 */
#ifndef HEED_EDIT_H
#define HEED_EDIT_H

#include <stddef.h>
#include <stdint.h>

#define EDIT_MAX	(64 * 1024)	/* bytes; longer input is refused */

struct edit {
	char	*text;		/* always NUL-terminated, valid UTF-8 */
	size_t	 len;
	size_t	 cap;
	size_t	 cursor;	/* byte offset, on a character boundary */
	int	 multiline;
	int	 changed;	/* set on every change; the owner clears it */
};

void	edit_init(struct edit *, int);
void	edit_free(struct edit *);
/* Replace the whole text; the cursor goes to the end. */
void	edit_set(struct edit *, const char *);
/* Insert a code point at the cursor; -1 if it would pass EDIT_MAX. */
int	edit_insert(struct edit *, uint32_t);
/* Insert a string (sanitized by the caller) at the cursor. */
int	edit_insert_str(struct edit *, const char *);
void	edit_backspace(struct edit *);
void	edit_delete(struct edit *);
void	edit_left(struct edit *);
void	edit_right(struct edit *);
void	edit_home(struct edit *);
void	edit_end(struct edit *);
/* Move to the previous / next line, keeping the column if possible. */
void	edit_up(struct edit *);
void	edit_down(struct edit *);
/* Delete the word before the cursor (Ctrl-W). */
void	edit_kill_word(struct edit *);
/* Delete from the start of the line to the cursor (Ctrl-U). */
void	edit_kill_line(struct edit *);
/*
 * Apply a cursor or editing key (heed key codes, keys.h): arrows, Home,
 * End, Backspace, Delete and their Emacs Ctrl forms, or a printable
 * character. Returns 0 when handled, 1 when the key is not an editing key,
 * -1 when the buffer is full.
 */
int	edit_key(struct edit *, uint32_t);
/* Return 1 if the text is empty or only white space. */
int	edit_blank(const struct edit *);

#endif
