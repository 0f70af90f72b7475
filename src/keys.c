/*
 * keys.c -- key names, actions and the default bindings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "keys.h"
#include "text.h"
#include "util.h"

#define ON_Q	(1 << SCREEN_QUEUE)
#define ON_T	(1 << SCREEN_THREAD)
#define ON_C	(1 << SCREEN_COMPOSE)
#define ON_O	(1 << SCREEN_OUTBOX)
#define ON_K	(1 << SCREEN_CHECK)
#define ON_S	(1 << SCREEN_STATS)
#define ON_L	(1 << SCREEN_LOG)
/* The screens one reads and moves about in. */
#define ON_READ	(ON_Q | ON_T | ON_O | ON_S | ON_L)

static const struct {
	const char	*name;
	int		 screens;
	const char	*help;
} key_actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", ON_READ | ON_C | ON_K,
	    "do nothing" },
	[ACT_DOWN] = { "down", ON_READ, "move down" },
	[ACT_UP] = { "up", ON_READ, "move up" },
	[ACT_PAGE_DOWN] = { "page-down", ON_READ, "next page" },
	[ACT_PAGE_UP] = { "page-up", ON_READ, "previous page" },
	[ACT_TOP] = { "top", ON_READ, "go to the first row" },
	[ACT_BOTTOM] = { "bottom", ON_READ, "go to the last row" },
	[ACT_OPEN] = { "open", ON_Q | ON_L, "open the thread" },
	[ACT_BACK] = { "back", ON_T | ON_O | ON_S | ON_L, "back to the queue" },
	[ACT_QUIT] = { "quit", ON_READ, "back; quit from the queue" },
	[ACT_REPLY] = { "reply", ON_Q | ON_T, "write a reply" },
	[ACT_SAVED_REPLY] = { "saved-reply", ON_Q | ON_T | ON_C,
	    "start from a saved reply" },
	[ACT_PRIVATE_REPLY] = { "private-reply", ON_Q | ON_T,
	    "reply in private (Facebook, once per comment)" },
	[ACT_DONE] = { "done", ON_Q | ON_T, "mark done (leaves the inbox)" },
	[ACT_UNDO] = { "undo", ON_Q | ON_T, "undo the last triage action" },
	[ACT_SNOOZE] = { "snooze", ON_Q | ON_T, "snooze until later" },
	[ACT_FLAG] = { "flag", ON_Q | ON_T, "flag / escalate, with a note" },
	[ACT_NOTE] = { "note", ON_Q | ON_T, "internal note (never sent)" },
	[ACT_LIKE] = { "like", ON_Q | ON_T, "like on the platform" },
	[ACT_HIDE] = { "hide", ON_Q | ON_T, "hide or unhide on the platform" },
	[ACT_DELETE] = { "delete", ON_Q | ON_T, "delete on the platform" },
	[ACT_SEARCH] = { "search", ON_Q, "search all text and authors" },
	[ACT_FILTER] = { "filter", ON_Q, "narrow the view by an expression" },
	[ACT_NEXT_VIEW] = { "next-view", ON_Q, "next view" },
	[ACT_PREV_VIEW] = { "prev-view", ON_Q, "previous view" },
	[ACT_OPEN_LINK] = { "open-link", ON_Q | ON_T,
	    "open the permalink in a browser" },
	[ACT_SYNC] = { "sync", ON_Q | ON_T | ON_O, "sync now" },
	[ACT_HELP] = { "help", ON_READ | ON_C | ON_K, "this help" },
	[ACT_COMMAND] = { "command", ON_READ | ON_C | ON_K,
	    "run a command by name" },
	[ACT_OUTBOX] = { "outbox", ON_Q | ON_T, "show pending and failed sends" },
	[ACT_REDRAW] = { "redraw", ON_READ | ON_C | ON_K,
	    "redraw the screen" },
	[ACT_LEGEND] = { "legend", ON_Q, "say what the marks of a row mean" },
	[ACT_KIND] = { "kind", ON_Q | ON_T,
	    "say what it is (complaint, question, praise, spam, other)" },
	[ACT_DONE_LANE] = { "done-thanks", ON_Q,
	    "mark every \"no reply needed?\" conversation done" },
	[ACT_TAG] = { "tag", ON_Q | ON_T,
	    "tag the conversation (-name takes a tag off)" },
	[ACT_MARK] = { "mark", ON_Q,
	    "mark the row for d, s, f, K or # on all marked, and move down" },
	[ACT_MARK_RANGE] = { "mark-range", ON_Q,
	    "start or stop marking every row the selection moves over" },
	[ACT_UNMARK] = { "unmark", ON_Q, "take every mark off" },
	[ACT_RETRY] = { "retry", ON_O, "send a failed entry again" },
	[ACT_DISCARD] = { "discard", ON_O, "discard an unsent entry" },
	[ACT_EDIT] = { "edit", ON_O, "take a queued or failed reply back to edit" },
	[ACT_STATS] = { "stats", ON_Q | ON_T,
	    "statistics: how fast the shop answers, in charts" },
	[ACT_LOG] = { "log", ON_Q | ON_T,
	    "the activity log: every action, when and by whom" },
	[ACT_PERIOD] = { "period", ON_S, "by day, week or month, in turn" },
	[ACT_ACCOUNT] = { "account", ON_S, "one account, the next, or all" },
	[ACT_REVEAL] = { "reveal", ON_T,
	    "show or hide what a content warning warns about" },
	[ACT_SEND] = { "send", ON_C | ON_K, "check and send" },
	[ACT_NEWLINE] = { "newline", ON_C, "insert a new line" },
	[ACT_EDITOR] = { "editor", ON_C, "edit in $EDITOR" },
	[ACT_CANCEL] = { "cancel", ON_C | ON_K, "close, keeping the draft" },
	[ACT_KILL_WORD] = { "kill-word", ON_C, "delete the word before" },
	[ACT_KILL_LINE] = { "kill-line", ON_C, "delete to the line start" },
	[ACT_ADD_WORD] = { "add-word", ON_C,
	    "add the word at the cursor to your word list" },
	[ACT_SEND_ANYWAY] = { "send-anyway", ON_K,
	    "send it although a finding blocks it" },
	[ACT_FINDING] = { "finding", ON_K,
	    "back to editing at that finding (0: the tenth)" },
};

/* What an action does on one screen, where it differs from its help. */
static const struct {
	int		 action;
	int		 screen;
	const char	*help;
} key_helps_on[] = {
	{ ACT_SEND, SCREEN_CHECK, "send it now" },
	{ ACT_CANCEL, SCREEN_CHECK, "back to editing it" },
};

static const char *const key_screens[SCREEN_COUNT] = {
	"queue", "thread", "compose", "outbox", "check", "stats", "log"
};

static const struct {
	const char	*name;
	uint32_t	 key;
} key_names[] = {
	{ "Up", KEYC_UP }, { "Down", KEYC_DOWN }, { "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT }, { "PgUp", KEYC_PPAGE },
	{ "PgDn", KEYC_NPAGE }, { "Home", KEYC_HOME }, { "End", KEYC_END },
	{ "Delete", KEYC_DC }, { "Insert", KEYC_IC }, { "BTab", KEYC_BTAB },
	{ "Backspace", KEYC_BACKSPACE }, { "Enter", KEYC_ENTER },
	{ "Tab", KEYC_TAB }, { "Esc", KEYC_ESC }, { "Space", ' ' },
	{ "PageUp", KEYC_PPAGE }, { "PageDown", KEYC_NPAGE },
	{ "S-Tab", KEYC_BTAB }, { "Escape", KEYC_ESC }, { "Return", '\r' },
};

/* Default bindings: (screens, key, action). */
static const struct {
	int		screens;
	uint32_t	key;
	int		action;
} key_defaults[] = {
	{ ON_READ, 'j', ACT_DOWN },
	{ ON_READ, KEYC_DOWN, ACT_DOWN },
	{ ON_READ, 'k', ACT_UP },
	{ ON_READ, KEYC_UP, ACT_UP },
	{ ON_READ, KEYC_NPAGE, ACT_PAGE_DOWN },
	{ ON_T | ON_O | ON_S | ON_L, ' ', ACT_PAGE_DOWN },
	{ ON_Q, ' ', ACT_MARK },
	{ ON_Q, 'V', ACT_MARK_RANGE },
	{ ON_Q, KEYC_ESC, ACT_UNMARK },
	{ ON_Q | ON_T, '#', ACT_TAG },
	{ ON_READ, KEYC_PPAGE, ACT_PAGE_UP },
	{ ON_READ, 'g', ACT_TOP },
	{ ON_READ, KEYC_HOME, ACT_TOP },
	{ ON_READ, 'G', ACT_BOTTOM },
	{ ON_READ, KEYC_END, ACT_BOTTOM },
	{ ON_Q | ON_L, KEYC_ENTER, ACT_OPEN },
	{ ON_Q | ON_L, KEYC_RIGHT, ACT_OPEN },
	{ ON_T | ON_O | ON_S | ON_L, KEYC_ESC, ACT_BACK },
	{ ON_T | ON_O | ON_S | ON_L, KEYC_LEFT, ACT_BACK },
	{ ON_READ, 'q', ACT_QUIT },
	{ ON_Q | ON_T, 'r', ACT_REPLY },
	{ ON_Q | ON_T, 't', ACT_SAVED_REPLY },
	{ ON_Q | ON_T, 'P', ACT_PRIVATE_REPLY },
	{ ON_Q | ON_T, 'd', ACT_DONE },
	{ ON_Q | ON_T, 'u', ACT_UNDO },
	{ ON_Q | ON_T, 's', ACT_SNOOZE },
	{ ON_Q | ON_T, 'f', ACT_FLAG },
	{ ON_Q | ON_T, 'n', ACT_NOTE },
	{ ON_Q | ON_T, 'l', ACT_LIKE },
	{ ON_Q | ON_T, 'h', ACT_HIDE },
	{ ON_Q | ON_T, 'D', ACT_DELETE },
	{ ON_Q, '/', ACT_SEARCH },
	{ ON_Q, '\\', ACT_FILTER },
	{ ON_Q, KEYC_TAB, ACT_NEXT_VIEW },
	{ ON_Q, KEYC_BTAB, ACT_PREV_VIEW },
	{ ON_Q | ON_T, 'o', ACT_OPEN_LINK },
	{ ON_Q | ON_T | ON_O, '$', ACT_SYNC },
	{ ON_READ | ON_K, '?', ACT_HELP },
	{ ON_READ | ON_K, ':', ACT_COMMAND },
	{ ON_Q | ON_T, 'O', ACT_OUTBOX },
	{ ON_Q | ON_T, 'S', ACT_STATS },
	{ ON_Q | ON_T, 'H', ACT_LOG },
	{ ON_S, 'p', ACT_PERIOD },
	{ ON_S, 'a', ACT_ACCOUNT },
	{ ON_T, 'z', ACT_REVEAL },
	{ ON_READ | ON_C | ON_K, KEYC_CTRL('l'), ACT_REDRAW },
	{ ON_Q, 'L', ACT_LEGEND },
	{ ON_Q | ON_T, 'K', ACT_KIND },
	{ ON_Q, 'A', ACT_DONE_LANE },
	{ ON_O, 'R', ACT_RETRY },
	{ ON_O, 'x', ACT_DISCARD },
	{ ON_O, 'e', ACT_EDIT },
	{ ON_K, 'y', ACT_SEND },
	{ ON_K, '!', ACT_SEND_ANYWAY },
	{ ON_K, '1', ACT_FINDING },
	{ ON_K, '2', ACT_FINDING },
	{ ON_K, '3', ACT_FINDING },
	{ ON_K, '4', ACT_FINDING },
	{ ON_K, '5', ACT_FINDING },
	{ ON_K, '6', ACT_FINDING },
	{ ON_K, '7', ACT_FINDING },
	{ ON_K, '8', ACT_FINDING },
	{ ON_K, '9', ACT_FINDING },
	{ ON_K, '0', ACT_FINDING },
	{ ON_C | ON_K, KEYC_ENTER, ACT_SEND },
	{ ON_C, KEYC_META | KEYC_ENTER, ACT_NEWLINE },
	{ ON_C, KEYC_CTRL('e'), ACT_EDITOR },
	{ ON_K, 'e', ACT_CANCEL },
	{ ON_C | ON_K, KEYC_ESC, ACT_CANCEL },
	{ ON_C, KEYC_CTRL('w'), ACT_KILL_WORD },
	{ ON_C, KEYC_CTRL('u'), ACT_KILL_LINE },
	{ ON_C, KEYC_CTRL('t'), ACT_SAVED_REPLY },
	{ ON_C, KEYC_META | 'a', ACT_ADD_WORD },
	{ ON_C | ON_K, KEYC_F1, ACT_HELP },
	/* In the composer : is text; Alt and : opens the command line. */
	{ ON_C, KEYC_META | ':', ACT_COMMAND },
};

/* Name an action. */
const char *
keys_action_name(int a)
{
	if (a < 0 || a >= ACT_COUNT)
		return "none";
	return key_actions[a].name;
}

/* One line of help for an action. */
const char *
keys_action_help(int a)
{
	if (a < 0 || a >= ACT_COUNT)
		return "";
	return key_actions[a].help;
}

/* One line of help for an action as it works on a screen. */
const char *
keys_action_help_on(int a, int screen)
{
	size_t	i;

	for (i = 0; i < nitems(key_helps_on); i++) {
		if (key_helps_on[i].action == a &&
		    key_helps_on[i].screen == screen)
			return key_helps_on[i].help;
	}
	return keys_action_help(a);
}

/* Find an action by name; -1 if there is none. */
int
keys_action_from_name(const char *name)
{
	int	a;

	for (a = 0; a < ACT_COUNT; a++) {
		if (strcmp(key_actions[a].name, name) == 0)
			return a;
	}
	return -1;
}

/* Return 1 if an action belongs on a screen. */
int
keys_action_on(int action, int screen)
{
	if (action < 0 || action >= ACT_COUNT)
		return 0;
	return (key_actions[action].screens & (1 << screen)) != 0;
}

/* Name a screen. */
const char *
keys_screen_name(int s)
{
	if (s < 0 || s >= SCREEN_COUNT)
		return "?";
	return key_screens[s];
}

/* Find a screen by name; -1 if there is none. */
int
keys_screen_from_name(const char *name)
{
	int	s;

	for (s = 0; s < SCREEN_COUNT; s++) {
		if (strcmp(key_screens[s], name) == 0)
			return s;
	}
	return -1;
}

/* Parse the part of a key name after any C- or M- prefix. */
static int
keys_parse_base(const char *s, uint32_t *key)
{
	int64_t	 n;
	size_t	 i, len;
	uint32_t cp;

	for (i = 0; i < nitems(key_names); i++) {
		if (strcasecmp(key_names[i].name, s) == 0) {
			*key = key_names[i].key;
			return 0;
		}
	}
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9' &&
	    util_parse_int(s + 1, 1, 12, &n) == 0) {
		*key = KEYC_F1 + (uint32_t)n - 1;
		return 0;
	}
	len = strlen(s);
	if (len == 0 || text_decode(s, len, &cp) != len || cp < 0x20 ||
	    cp == 0x7f || cp == 0xfffd)
		return -1;
	*key = cp;
	return 0;
}

/* Parse a key name such as "j", "C-w", "M-Enter", "PgDn" or "F1". */
int
keys_parse(const char *s, uint32_t *key)
{
	uint32_t	base, meta = 0;

	if (strncmp(s, "M-", 2) == 0 && s[2] != '\0') {
		meta = KEYC_META;
		s += 2;
	}
	if (strncmp(s, "C-", 2) == 0 && s[2] != '\0' && s[3] == '\0') {
		if (s[2] >= 'a' && s[2] <= 'z')
			base = KEYC_CTRL((uint32_t)s[2]);
		else if (s[2] >= 'A' && s[2] <= 'Z')
			base = KEYC_CTRL((uint32_t)s[2]);
		else
			return -1;
		/* These are Tab, Enter and Backspace to the terminal. */
		if (base == '\t' || base == '\r' || base == '\n' ||
		    base == 0x08)
			return -1;
		*key = base | meta;
		return 0;
	}
	if (keys_parse_base(s, &base) != 0)
		return -1;
	*key = base | meta;
	return 0;
}

/* Name a key into buf, the inverse of keys_parse. */
void
keys_name(uint32_t key, char *buf, size_t len)
{
	const char	*meta = (key & KEYC_META) ? "M-" : "";
	char		 utf8[5];
	size_t		 i, n;

	key &= ~(uint32_t)KEYC_META;
	for (i = 0; i < nitems(key_names); i++) {
		if (key_names[i].key == key) {
			snprintf(buf, len, "%s%s", meta, key_names[i].name);
			return;
		}
	}
	if (key >= KEYC_F1 && key <= KEYC_F12)
		snprintf(buf, len, "%sF%u", meta, key - KEYC_F1 + 1);
	else if (key < 0x20)
		snprintf(buf, len, "%sC-%c", meta, (char)(key + 'a' - 1));
	else if (key < KEYC_BASE) {
		n = text_encode(key, utf8);
		utf8[n] = '\0';
		snprintf(buf, len, "%s%s", meta, utf8);
	} else
		snprintf(buf, len, "?");
}

/* Fill a keymap with the default bindings. */
void
keymap_init_defaults(struct keymap *km)
{
	size_t	i;
	int	s;

	memset(km, 0, sizeof *km);
	for (i = 0; i < nitems(key_defaults); i++) {
		for (s = 0; s < SCREEN_COUNT; s++) {
			if (key_defaults[i].screens & (1 << s))
				keymap_bind(km, s, key_defaults[i].key,
				    key_defaults[i].action);
		}
	}
}

/* Bind a key on a screen to an action, replacing any earlier binding. */
void
keymap_bind(struct keymap *km, int screen, uint32_t key, int action)
{
	size_t	i;

	for (i = 0; i < km->n; i++) {
		if (km->v[i].screen == screen && km->v[i].key == key) {
			km->v[i].action = action;
			return;
		}
	}
	if (km->n == km->cap) {
		km->cap = km->cap == 0 ? 64 : km->cap * 2;
		km->v = xreallocarray(km->v, km->cap, sizeof *km->v);
	}
	km->v[km->n].screen = screen;
	km->v[km->n].key = key;
	km->v[km->n].action = action;
	km->n++;
}

/* Find the action bound to a key on a screen. */
int
keymap_lookup(const struct keymap *km, int screen, uint32_t key)
{
	size_t	i;

	for (i = 0; i < km->n; i++) {
		if (km->v[i].screen == screen && km->v[i].key == key)
			return km->v[i].action;
	}
	return ACT_NONE;
}

/* List the keys bound to an action on a screen, comma-separated. */
void
keymap_keys_of(const struct keymap *km, int screen, int action, char *buf,
    size_t len)
{
	char	name[32];
	size_t	i, used = 0;
	int	n;

	buf[0] = '\0';
	for (i = 0; i < km->n; i++) {
		if (km->v[i].screen != screen || km->v[i].action != action)
			continue;
		keys_name(km->v[i].key, name, sizeof name);
		n = snprintf(buf + used, len - used, "%s%s",
		    used == 0 ? "" : ", ", name);
		if (n < 0 || (size_t)n >= len - used)
			break;
		used += (size_t)n;
	}
}

/* Free a keymap's bindings. */
void
keymap_free(struct keymap *km)
{
	free(km->v);
	memset(km, 0, sizeof *km);
}
