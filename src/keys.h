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
	SCREEN_CHECK,
	SCREEN_STATS,
	SCREEN_LOG,
	SCREEN_COUNT
};

enum action {
	ACT_NONE,
	ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_TOP, ACT_BOTTOM,
	ACT_OPEN, ACT_BACK, ACT_QUIT,
	ACT_REPLY, ACT_SAVED_REPLY, ACT_PRIVATE_REPLY,
	ACT_DONE, ACT_UNDO, ACT_SNOOZE, ACT_FLAG, ACT_NOTE,
	ACT_LIKE, ACT_HIDE, ACT_DELETE,
	ACT_SEARCH, ACT_FILTER, ACT_NEXT_VIEW, ACT_PREV_VIEW,
	ACT_OPEN_LINK, ACT_SYNC, ACT_HELP, ACT_COMMAND, ACT_OUTBOX, ACT_REDRAW,
	ACT_LEGEND, ACT_KIND, ACT_DONE_LANE, ACT_TAG,
	ACT_MARK, ACT_MARK_RANGE, ACT_UNMARK,
	ACT_RETRY, ACT_DISCARD, ACT_EDIT,
	ACT_STATS, ACT_LOG, ACT_PERIOD, ACT_ACCOUNT, ACT_REVEAL,
	/* Composer. */
	ACT_SEND, ACT_NEWLINE, ACT_EDITOR, ACT_CANCEL, ACT_KILL_WORD, ACT_KILL_LINE,
	ACT_ADD_WORD,
	/* The check screen. */
	ACT_SEND_ANYWAY, ACT_FINDING,
	ACT_COUNT
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

/* The name, screens and one-line help of an action (on a screen). */
const char	*keys_action_name(int);
const char	*keys_action_help(int);
const char	*keys_action_help_on(int, int);
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
/* Bind (or with ACT_NONE unbind) a key on a screen. */
void		 keymap_bind(struct keymap *, int, uint32_t, int);
/* The action of a key on a screen, ACT_NONE if unbound. */
int		 keymap_lookup(const struct keymap *, int, uint32_t);
/* The keys bound to an action on a screen, as "j, Down" into buf. */
void		 keymap_keys_of(const struct keymap *, int, int, char *,
		     size_t);
void		 keymap_free(struct keymap *);

#endif
