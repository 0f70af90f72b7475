/*
 * edit.c -- a UTF-8 text buffer with a cursor.
 */
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "keys.h"
#include "text.h"
#include "util.h"

/* Start an empty buffer. */
void
edit_init(struct edit *e, int multiline)
{
	memset(e, 0, sizeof *e);
	e->cap = 64;
	e->text = xcalloc(1, e->cap);
	e->multiline = multiline;
}

/* Free the buffer. */
void
edit_free(struct edit *e)
{
	free(e->text);
	memset(e, 0, sizeof *e);
}

/* Make room for n more bytes. */
static int
edit_grow(struct edit *e, size_t n)
{
	if (n > EDIT_MAX || e->len + n > EDIT_MAX)
		return -1;
	if (e->len + n + 1 > e->cap) {
		while (e->len + n + 1 > e->cap)
			e->cap *= 2;
		e->text = xrealloc(e->text, e->cap);
	}
	return 0;
}

/* Insert bytes at the cursor. */
static int
edit_insert_bytes(struct edit *e, const char *s, size_t n)
{
	if (edit_grow(e, n) != 0)
		return -1;
	memmove(e->text + e->cursor + n, e->text + e->cursor,
	    e->len - e->cursor + 1);
	memcpy(e->text + e->cursor, s, n);
	e->len += n;
	e->cursor += n;
	e->changed = 1;
	return 0;
}

/* Remove the bytes between two offsets. */
static void
edit_remove(struct edit *e, size_t from, size_t to)
{
	if (from >= to)
		return;
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
	e->changed = 1;
}

/* Replace the text; the cursor goes to the end. */
void
edit_set(struct edit *e, const char *s)
{
	e->len = e->cursor = 0;
	e->text[0] = '\0';
	if (s != NULL)
		edit_insert_str(e, s);
	e->changed = 1;
}

/* Insert one code point; newlines only in a multi-line buffer. */
int
edit_insert(struct edit *e, uint32_t cp)
{
	char	buf[4];

	if (cp == '\n' && !e->multiline)
		return -1;
	if ((cp < 0x20 && cp != '\n') || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xa0) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	return edit_insert_bytes(e, buf, text_encode(cp, buf));
}

/* Insert a string; in a one-line buffer newlines become spaces. */
int
edit_insert_str(struct edit *e, const char *s)
{
	size_t		off = 0, len = strlen(s), n;
	uint32_t	cp;

	while (off < len) {
		n = text_decode(s + off, len - off, &cp);
		if (cp == '\n' && !e->multiline)
			cp = ' ';
		if (edit_insert(e, cp) != 0 && cp != '\n' && cp >= 0x20)
			return -1;
		off += n;
	}
	return 0;
}

/* Delete the character before the cursor. */
void
edit_backspace(struct edit *e)
{
	if (e->cursor > 0)
		edit_remove(e, text_prev(e->text, e->cursor), e->cursor);
}

/* Delete the character under the cursor. */
void
edit_delete(struct edit *e)
{
	if (e->cursor < e->len)
		edit_remove(e, e->cursor, text_next(e->text, e->len,
		    e->cursor));
}

/* Move one character left. */
void
edit_left(struct edit *e)
{
	if (e->cursor > 0)
		e->cursor = text_prev(e->text, e->cursor);
}

/* Move one character right. */
void
edit_right(struct edit *e)
{
	if (e->cursor < e->len)
		e->cursor = text_next(e->text, e->len, e->cursor);
}

/* The offset where the cursor's line starts. */
static size_t
edit_line_start(const struct edit *e, size_t off)
{
	while (off > 0 && e->text[off - 1] != '\n')
		off--;
	return off;
}

/* The offset where the line at off ends (its newline or the end). */
static size_t
edit_line_end(const struct edit *e, size_t off)
{
	while (off < e->len && e->text[off] != '\n')
		off++;
	return off;
}

/* Move to the start of the line. */
void
edit_home(struct edit *e)
{
	e->cursor = edit_line_start(e, e->cursor);
}

/* Move to the end of the line. */
void
edit_end(struct edit *e)
{
	e->cursor = edit_line_end(e, e->cursor);
}

/* Display columns between two offsets on one line. */
static size_t
edit_columns(const struct edit *e, size_t from, size_t to)
{
	char	*s;
	size_t	 w;

	s = xstrndup(e->text + from, to - from);
	w = text_width(s);
	free(s);
	return w;
}

/* Put the cursor at a column of the line starting at start. */
static void
edit_to_column(struct edit *e, size_t start, size_t col)
{
	size_t	end = edit_line_end(e, start), off = start, next;

	while (off < end) {
		next = text_next(e->text, end, off);
		if (edit_columns(e, start, next) > col)
			break;
		off = next;
	}
	e->cursor = off;
}

/* Move up a line, keeping the column. */
void
edit_up(struct edit *e)
{
	size_t	start = edit_line_start(e, e->cursor), col;

	if (start == 0) {
		e->cursor = 0;
		return;
	}
	col = edit_columns(e, start, e->cursor);
	edit_to_column(e, edit_line_start(e, start - 1), col);
}

/* Move down a line, keeping the column. */
void
edit_down(struct edit *e)
{
	size_t	start = edit_line_start(e, e->cursor), end, col;

	end = edit_line_end(e, e->cursor);
	if (end == e->len) {
		e->cursor = e->len;
		return;
	}
	col = edit_columns(e, start, e->cursor);
	edit_to_column(e, end + 1, col);
}

/* Delete the word before the cursor, and the spaces after it. */
void
edit_kill_word(struct edit *e)
{
	size_t	off = e->cursor;

	while (off > 0 && (e->text[off - 1] == ' ' || e->text[off - 1] ==
	    '\n'))
		off--;
	while (off > 0 && e->text[off - 1] != ' ' && e->text[off - 1] != '\n')
		off = text_prev(e->text, off);
	edit_remove(e, off, e->cursor);
}

/* Delete from the start of the line to the cursor. */
void
edit_kill_line(struct edit *e)
{
	size_t	start = edit_line_start(e, e->cursor);

	if (start == e->cursor && start > 0)
		start--;	/* at a line start: join with the line above */
	edit_remove(e, start, e->cursor);
}

/* Apply one editing key; see edit.h. */
int
edit_key(struct edit *e, uint32_t key)
{
	switch (key) {
	case KEYC_BACKSPACE:
		edit_backspace(e);
		return 0;
	case KEYC_DC:
	case KEYC_CTRL('d'):
		edit_delete(e);
		return 0;
	case KEYC_LEFT:
	case KEYC_CTRL('b'):
		edit_left(e);
		return 0;
	case KEYC_RIGHT:
	case KEYC_CTRL('f'):
		edit_right(e);
		return 0;
	case KEYC_UP:
		edit_up(e);
		return 0;
	case KEYC_DOWN:
		edit_down(e);
		return 0;
	case KEYC_HOME:
	case KEYC_CTRL('a'):
		edit_home(e);
		return 0;
	case KEYC_END:
		edit_end(e);
		return 0;
	}
	if (key < 0x20 || key >= KEYC_BASE)
		return 1;
	return edit_insert(e, key) == 0 ? 0 : -1;
}

/* Return 1 if the buffer holds nothing but white space. */
int
edit_blank(const struct edit *e)
{
	size_t	i;

	for (i = 0; i < e->len; i++) {
		if (e->text[i] != ' ' && e->text[i] != '\n')
			return 0;
	}
	return 1;
}
