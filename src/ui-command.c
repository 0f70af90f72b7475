/*
 * ui-command.c -- actions and the command line (":"). A key and a command
 * run an action the same way, through ui_command_action: the help, a
 * redraw and the command line itself for every screen, the rest by the
 * screen on top. The commands of a screen are the names of its actions
 * (from the table of keys.c, so the two cannot drift), the commands with
 * an argument its ops list (the queue's view, search, filter, snooze),
 * and quit. Tab completes a command's name, and the words its argument
 * may be. It reaches the screens only through their operations.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui-private.h"
#include "util.h"

static void	ui_command_ask(struct ui *);

/* Run an action on the screen on top, from a key or a command. */
void
ui_command_action(struct ui *ui, int action, uint32_t key)
{
	struct ui_screen	*top = ui_screen_top(ui);

	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
	case ACT_TOP:
	case ACT_BOTTOM:
	case ACT_OPEN:
	case ACT_BACK:
	case ACT_NEXT_VIEW:
	case ACT_PREV_VIEW:
	case ACT_SEARCH:
	case ACT_FILTER:
		/* The selection moves on: u asks before reaching back. */
		ui_action_moved(ui);
		break;
	case ACT_HELP:
		if (!top->ops->overlay) {
			ui_help_open(ui);
			return;
		}
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		ui->dirty = 1;
		return;
	case ACT_COMMAND:
		ui_command_ask(ui);
		return;
	}
	top->ops->key(ui, top->data, action, key);
}

/* Find a command with an argument of the screen in view, or NULL. */
static const struct ui_cmd *
ui_command_find(struct ui *ui, const char *name)
{
	const struct ui_cmd	*c = ui_screen_main(ui)->ops->cmds;

	for (; c != NULL && c->name != NULL; c++) {
		if (strcmp(c->name, name) == 0)
			return c;
	}
	return NULL;
}

/* Add a name to a list unless it is there. */
static void
ui_command_add(const char ***v, size_t *n, const char *name)
{
	size_t	i;

	for (i = 0; i < *n; i++) {
		if (strcmp((*v)[i], name) == 0)
			return;
	}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = name;
}

/* Order names for qsort. */
static int
ui_command_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The commands of the screen in view, sorted: its actions, its commands
 * with an argument, and quit. The array is new; the names are lent.
 */
size_t
ui_command_names(struct ui *ui, const char ***names)
{
	const struct ui_cmd	*c = ui_screen_main(ui)->ops->cmds;
	int			 keys = ui_screen_keys(ui), a;
	size_t			 n = 0;

	*names = NULL;
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		if (keys_action_on(a, keys))
			ui_command_add(names, &n, keys_action_name(a));
	}
	for (; c != NULL && c->name != NULL; c++)
		ui_command_add(names, &n, c->name);
	ui_command_add(names, &n, "quit");
	qsort(*names, n, sizeof **names, ui_command_cmp);
	return n;
}

/* Run a command line; 0, or -1 when it names nothing here (said). */
static int
ui_command(struct ui *ui, const char *line)
{
	struct ui_screen	*s = ui_screen_main(ui);
	const struct ui_cmd	*c;
	char			*copy, *name, *arg;
	int			 action, keys = ui_screen_keys(ui), rc = 0;

	copy = xstrdup(line);
	name = util_trim(copy);
	if ((arg = strchr(name, ' ')) != NULL) {
		*arg++ = '\0';
		if (*(arg = util_trim(arg)) == '\0')
			arg = NULL;
	}
	action = keys_action_from_name(name);
	if (action > 0 && !keys_action_on(action, keys))
		action = -1;
	c = ui_command_find(ui, name);
	if (c != NULL && (arg != NULL || action <= 0) &&
	    s->ops->command(ui, s->data, name, arg))
		;
	else if (strcmp(name, "q") == 0 || strcmp(name, "quit") == 0)
		ui_quit(ui);
	else if (action > 0 && arg != NULL) {
		ui_message(ui, 1, "%s takes nothing after it: type :%s alone.",
		    name, name);
		rc = -1;
	} else if (action > 0)
		ui_command_action(ui, action, 0);
	else {
		ui_message(ui, 1, "There is no command \"%s\" on the %s screen: "
		    "Tab after : lists its commands, ? its keys.", name,
		    keys_screen_name(keys));
		rc = -1;
	}
	free(copy);
	return rc;
}

/* Answer of the command line. */
static void
ui_command_entered(struct ui *ui, const char *line)
{
	if (line != NULL && *line != '\0')
		ui_command(ui, line);
}

/* Put a, sep and b on the command line in place of what it holds. */
static void
ui_command_set(struct ui *ui, const char *a, const char *sep, const char *b)
{
	char	*text = xprintf("%s%s%s", a, sep, b);

	edit_set(&ui->prompt.ed, text);
	free(text);
}

/* Tab on the command line: complete the name, or a word its command takes. */
static void
ui_command_complete(struct ui *ui)
{
	const struct ui_cmd	*c;
	const char		**names;
	char			*line, *arg, *done;
	size_t			 n;

	line = xstrdup(ui->prompt.ed.text);
	if ((arg = strchr(line, ' ')) == NULL) {
		n = ui_command_names(ui, &names);
		done = ui_complete_word(ui, line, names, n);
		free(names);
		if (done == NULL)
			ui->prompt.body = xprintf("no command of the %s screen "
			    "starts with \"%s\"", keys_screen_name(
			    ui_screen_keys(ui)), line);
		else if (ui->prompt.body == NULL && ui_command_find(ui, done))
			ui_command_set(ui, done, " ", "");
		else
			ui_command_set(ui, done, "", "");
	} else {
		*arg++ = '\0';
		arg += strspn(arg, " ");
		done = NULL;
		c = ui_command_find(ui, line);
		for (n = 0; c != NULL && c->words != NULL && c->words[n]; n++)
			;
		if (c == NULL)
			ui->prompt.body = xprintf("%s takes nothing after it",
			    line);
		else if (c->words == NULL)
			ui->prompt.body = xprintf("%s %s: %s", line, c->arg,
			    c->help);
		else if ((done = ui_complete_word(ui, arg, c->words,
		    n)) != NULL)
			ui_command_set(ui, line, " ", done);
		else
			ui->prompt.body = xprintf("no %s starts with \"%s\"",
			    c->arg, arg);
	}
	free(done);
	free(line);
}

/* Ask for a command line. */
static void
ui_command_ask(struct ui *ui)
{
	ui_ask_line(ui, ":", NULL, ui_command_entered);
	ui->prompt.complete = ui_command_complete;
}
