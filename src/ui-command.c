/*
 * ui-command.c -- the command line (":"): quit, a command of the screen
 * on top (the queue's view, search, filter; snooze with a time), or the
 * name of any action that screen has. It reaches the screens only
 * through their operations.
 */
#include <stdlib.h>
#include <string.h>

#include "ui-private.h"
#include "util.h"

/* Run a command line; 0, or -1 when it names nothing here (said). */
static int
ui_command(struct ui *ui, const char *line)
{
	struct ui_screen	*s = ui_screen_top(ui);
	char			*copy, *name, *arg;
	int			 action, keys = ui_screen_keys(ui), rc = 0;

	copy = xstrdup(line);
	name = util_trim(copy);
	if ((arg = strchr(name, ' ')) != NULL) {
		*arg++ = '\0';
		arg = util_trim(arg);
	}
	if (s->ops->command != NULL && s->ops->command(ui, s->data, name,
	    arg))
		;
	else if (strcmp(name, "q") == 0 || strcmp(name, "quit") == 0)
		ui_quit(ui);
	else if ((action = keys_action_from_name(name)) > 0 &&
	    keys_action_on(action, keys))
		s->ops->key(ui, s->data, action, 0);
	else {
		ui_message(ui, 1, "unknown command \"%s\" here (? lists what "
		    "this screen does)", name);
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

/* Ask for a command line. */
void
ui_command_ask(struct ui *ui)
{
	ui_ask_line(ui, ":", NULL, ui_command_entered);
}
