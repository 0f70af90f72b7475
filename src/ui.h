/*
 * ui.h -- the terminal interface (ncursesw). The only module with curses.
 */
#ifndef HEED_UI_H
#define HEED_UI_H

struct config;
struct loop;
struct store;
struct sync;

struct ui_context {
	struct loop	*loop;
	struct store	*store;
	struct sync	*sync;
	struct config	*cfg;
	const char	*title;		/* shown at the top left */
	int		 demo;
};

/* Run the interface until the user quits; returns the exit status. */
int	ui_run(const struct ui_context *);

#endif
