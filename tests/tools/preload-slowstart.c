/*
 * preload-slowstart.c -- a slow start, at a test's command: loaded with
 * LD_PRELOAD, it holds the program for $HEED_SLOW_START_MS milliseconds
 * just after ncurses has set the terminal up (when initscr returns),
 * where a loaded machine stretches heed's start. It creates the file
 * $HEED_SLOW_START_FLAG when the hold begins, so that the test knows when
 * to resize the window: a resize then comes after ncurses read the size
 * and before heed listens for SIGWINCH.
 */
#define _GNU_SOURCE

#include <curses.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

WINDOW *
initscr(void)
{
	WINDOW		*(*real)(void);
	WINDOW		*w;
	const char	*ms = getenv("HEED_SLOW_START_MS");
	const char	*flag = getenv("HEED_SLOW_START_FLAG");
	struct timespec	 ts;
	long		 n;
	int		 fd;

	real = (WINDOW *(*)(void))dlsym(RTLD_NEXT, "initscr");
	if (real == NULL)
		abort();
	w = real();
	n = ms != NULL ? strtol(ms, NULL, 10) : 0;
	if (n <= 0)
		return w;
	if (flag != NULL && (fd = open(flag, O_WRONLY | O_CREAT | O_CLOEXEC,
	    0600)) != -1)
		close(fd);
	ts.tv_sec = n / 1000;
	ts.tv_nsec = (n % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) != 0)
		continue;
	return w;
}
