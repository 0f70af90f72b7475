/*
 * notify.h -- delivering an alert outside the terminal: a desktop
 * notification through the freedesktop Notifications interface on the
 * session bus (libnotify, loaded only when a notification is shown), and
 * the owner's notify_command. Both run in a child process, so that a
 * slow or absent notification server, or a slow command, never stalls
 * the inbox: the desktop one is heed itself ("heed alert --desktop"), a
 * new process that loads libnotify, shows one notification and exits.
 * alert.c decides what to tell; this file only delivers it.
 */
#ifndef HEED_NOTIFY_H
#define HEED_NOTIFY_H

#include <sys/types.h>

/* Where a child's output goes: the caller's, or nowhere (the screen). */
#define NOTIFY_QUIET	0x1

/*
 * Start a child that shows a desktop notification (urgent: it asks the
 * desktop to keep it up); its pid, or -1 with *cause. Both children run
 * in a process group of their own, whose id is their pid.
 */
pid_t	notify_desktop_start(const char *, const char *, int, int, char **);
/*
 * Start notify_command under /bin/sh with the HEED_* variables of env
 * ("NAME=value", ended by NULL) added to heed's own environment, and no
 * other input; its pid, or -1 with *cause.
 */
pid_t	notify_command_start(const char *, char *const *, int, char **);
/*
 * How long a child may run before it is ended: NOTIFY_LIMIT_MS, which
 * heed.conf(5) promises for notify_command ("longer than 30 seconds").
 * HEED_TEST_HOOK_LIMIT, a number of seconds in heed's environment, makes
 * it shorter; only the tests set it (tests/tui/alerts.sh).
 */
#define NOTIFY_LIMIT_MS	30000
int	notify_limit_ms(void);
/*
 * End a child that ran longer than notify_limit_ms (what it is: "the
 * desktop notification"), and everything it started: SIGTERM to its
 * process group, SIGKILL a second later, and reap it. -1 with *cause
 * saying so; 0 if it had in fact done its work (-1 if it failed).
 */
int	notify_end(pid_t, const char *, char **);
/*
 * Reap a child without waiting: 0 if it is still running, 1 if it did
 * its work, -1 (with *cause) if it failed.
 */
int	notify_poll(pid_t, const char *, char **);
/* Show a desktop notification from this process; 0, or -1 with *cause. */
int	notify_desktop_show(const char *, const char *, int, char **);

#endif
