/*
 * cmd-tui.c -- heed with no command: the inbox in the terminal, with sync
 * running in the same loop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "loop.h"
#include "store.h"
#include "sync.h"
#include "ui.h"
#include "util.h"

/* What the first timer needs, once the first screen is up. */
struct cmd_tui_start {
	struct store	*store;
	struct sync	*sync;
};

/*
 * The first screen is up: give the cache its full size back (it was
 * kept small for reading the first screen) and start the first sync.
 */
static void
cmd_tui_first_sync(void *arg)
{
	struct cmd_tui_start	*start = arg;

	store_cache_small(start->store, 0);
	sync_now(start->sync);
}

/* heed with no command: open the inbox in the terminal. */
int
cmd_tui(struct cmd_env *env, int argc, char **argv)
{
	struct ui_context	 ctx;
	struct cmd_tui_start	 start;
	struct loop		*loop;
	struct sync		*sync;
	char			*cause = NULL;
	int			 rc;

	(void)argc;
	(void)argv;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cmd_print(stderr, "heed: the inbox needs a terminal (for "
		    "scripts, try heed list)\n");
		return 1;
	}
	store_cache_small(env->store, 1);
	loop = loop_new();
	if ((sync = sync_new(loop, env->store, env->cfg, 1, &cause)) == NULL) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		loop_free(loop);
		return 1;
	}
	/*
	 * The cache is shown first; credentials (a keyring round trip, or a
	 * command) and the network come after the first paint.
	 */
	start.store = env->store;
	start.sync = sync;
	loop_timer_add(loop, 0, cmd_tui_first_sync, &start);
	memset(&ctx, 0, sizeof ctx);
	ctx.loop = loop;
	ctx.store = env->store;
	ctx.sync = sync;
	ctx.cfg = env->cfg;
	ctx.demo = env->demo;
	ctx.title = env->demo ? "Tulip & Tea (demo)" : NULL;
	rc = ui_run(&ctx);
	sync_free(sync);
	loop_free(loop);
	return rc;
}
