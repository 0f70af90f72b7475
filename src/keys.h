/*
 * keys.h -- key codes, key names, actions and the bindings between them.
 *
 * Key codes are heed's own, independent of curses: a Unicode code point, a
 * control character (1-31), or one of the KEYC_* specials; KEYC_META marks
 * Alt. The UI maps curses key codes onto these.
 */
#ifndef HEED_KEYS_H
#define HEED_KEYS_H

#include <stddef.h>
#include <stdint.h>

#define KEYC_BASE	0x110000
enum {
	KEYC_UP = KEYC_BASE,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PPAGE,
	KEYC_NPAGE,
	KEYC_HOME,
	KEYC_END,
	KEYC_DC,
	KEYC_IC,
	KEYC_BTAB,
	KEYC_BACKSPACE,
	KEYC_RESIZE,
	KEYC_F1,
	KEYC_F12 = KEYC_F1 + 11,
	KEYC_LAST
};
#define KEYC_ENTER	'\r'
#define KEYC_TAB	'\t'
#define KEYC_ESC	0x1b
#define KEYC_META	0x40000000
#define KEYC_CTRL(c)	((c) & 0x1f)

enum key_screen {
	SCREEN_QUEUE,
	SCREEN_THREAD,
	SCREEN_COMPOSE,
	SCREEN_OUTBOX,
	SCREEN_COUNT
};

enum action {
	A_NONE,
	A_DOWN, A_UP, A_PAGE_DOWN, A_PAGE_UP, A_TOP, A_BOTTOM,
	A_OPEN, A_BACK, A_QUIT,
	A_REPLY, A_SAVED_REPLY,
	A_DONE, A_UNDO, A_SNOOZE, A_FLAG, A_NOTE,
	A_LIKE, A_HIDE, A_DELETE,
	A_SEARCH, A_FILTER, A_NEXT_VIEW, A_PREV_VIEW,
	A_OPEN_LINK, A_SYNC, A_HELP, A_COMMAND, A_OUTBOX, A_REDRAW,
	A_RETRY, A_DISCARD, A_EDIT,
	/* Composer. */
	A_SEND, A_NEWLINE, A_EDITOR, A_CANCEL, A_KILL_WORD, A_KILL_LINE,
	A_COUNT
};

/* One binding: a key on a screen runs an action. */
struct key_binding {
	int		screen;		/* enum key_screen */
	uint32_t	key;
	int		action;		/* enum action */
};

struct keymap {
	struct key_binding	*v;
	size_t			 n;
	size_t			 cap;
};

/* The name, screens and one-line help of an action. */
const char	*keys_action_name(int);
const char	*keys_action_help(int);
int		 keys_action_from_name(const char *);
/* Return 1 if the action makes sense on the screen. */
int		 keys_action_on(int, int);
const char	*keys_screen_name(int);
int		 keys_screen_from_name(const char *);

/* Parse a key name ("j", "C-w", "M-Enter", "PgDn", "F1"); 0 or -1. */
int		 keys_parse(const char *, uint32_t *);
/* Name a key into buf. */
void		 keys_name(uint32_t, char *, size_t);

void		 keymap_init_defaults(struct keymap *);
/* Bind (or with A_NONE unbind) a key on a screen. */
void		 keymap_bind(struct keymap *, int, uint32_t, int);
/* The action of a key on a screen, A_NONE if unbound. */
int		 keymap_lookup(const struct keymap *, int, uint32_t);
/* The keys bound to an action on a screen, as "j, Down" into buf. */
void		 keymap_keys_of(const struct keymap *, int, int, char *,
		     size_t);
void		 keymap_free(struct keymap *);

#endif
