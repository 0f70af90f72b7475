/*
 * notify.c -- delivering alerts outside the terminal; see notify.h.
 *
 * libnotify (Debian's libnotify4), the freedesktop library made for
 * desktop notifications, is loaded with dlopen only in the child that
 * shows one, never in heed's own process: it brings GLib and a D-Bus
 * connection, which an inbox that is mostly idle has no use for.
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libnotify/notify.h>

#include "notify.h"
#include "util.h"

#define NOTIFY_LIB	"libnotify.so.4"
/* How long a child ended with SIGTERM has before SIGKILL (ms). */
#define NOTIFY_GRACE_MS	1000

extern char **environ;

/* Point a child's input, and its output if quiet, at /dev/null. */
static void
notify_child_io(int flags)
{
	int	fd;

	if ((fd = open("/dev/null", O_RDWR)) == -1)
		return;
	dup2(fd, 0);
	if (flags & NOTIFY_QUIET) {
		dup2(fd, 1);
		dup2(fd, 2);
	}
	if (fd > 2)
		close(fd);
}

/*
 * Fork a child in a process group of its own, so that it can be ended
 * with whatever it starts (notify_end). Its pid in the parent, 0 in the
 * child, or -1 with *cause.
 */
static pid_t
notify_fork(const char *what, int flags, char **cause)
{
	pid_t	pid;

	if ((pid = fork()) == -1) {
		*cause = xprintf("cannot start %s: %s", what, strerror(errno));
		return -1;
	}
	if (pid == 0) {
		setpgid(0, 0);
		notify_child_io(flags);
		return 0;
	}
	/* Set on both sides: it is set before the parent can signal it. */
	setpgid(pid, pid);
	return pid;
}

/* Start the child that shows a desktop notification; see notify.h. */
pid_t
notify_desktop_start(const char *title, const char *body, int urgent,
    int flags, char **cause)
{
	char	*argv[8];
	int	 n = 0;
	pid_t	 pid;

	argv[n++] = (char *)"heed";
	argv[n++] = (char *)"alert";
	argv[n++] = (char *)"--desktop";
	if (urgent)
		argv[n++] = (char *)"--urgent";
	/* The title may begin with a customer's "-Bob": never an option. */
	argv[n++] = (char *)"--";
	argv[n++] = (char *)title;
	argv[n++] = (char *)body;
	argv[n] = NULL;
	if ((pid = notify_fork("the desktop notification", flags,
	    cause)) == 0) {
		/* heed itself, new: the text goes as arguments, no shell. */
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	return pid;
}

/* The environment of notify_command: heed's, its HEED_* replaced. */
static char **
notify_env(char *const *add)
{
	char	**env;
	size_t	  n = 0, i, j;

	for (i = 0; environ[i] != NULL; i++)
		;
	for (j = 0; add[j] != NULL; j++)
		;
	env = xcalloc(i + j + 1, sizeof *env);
	for (i = 0; environ[i] != NULL; i++) {
		if (strncmp(environ[i], "HEED_", 5) != 0)
			env[n++] = environ[i];
	}
	for (j = 0; add[j] != NULL; j++)
		env[n++] = add[j];
	env[n] = NULL;
	return env;
}

/* Start notify_command; see notify.h. */
pid_t
notify_command_start(const char *command, char *const *add, int flags,
    char **cause)
{
	char	**env;
	pid_t	  pid;

	/* Made before the fork: the child only execs. */
	env = notify_env(add);
	if ((pid = notify_fork("notify_command", flags, cause)) == 0) {
		execle("/bin/sh", "sh", "-c", command, (char *)NULL, env);
		_exit(127);
	}
	free(env);
	return pid;
}

/* Say how a child ended: 1 if it did its work, else -1 with *cause. */
static int
notify_status(int status, const char *what, char **cause)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		*cause = xprintf("%s could not be run (exit 127)", what);
	else if (WIFEXITED(status))
		*cause = xprintf("%s failed (exit %d)", what,
		    WEXITSTATUS(status));
	else
		*cause = xprintf("%s was ended by signal %d", what,
		    WTERMSIG(status));
	return -1;
}

/* Reap a child without waiting; see notify.h. */
int
notify_poll(pid_t pid, const char *what, char **cause)
{
	int	status;
	pid_t	r;

	while ((r = waitpid(pid, &status, WNOHANG)) == -1 && errno == EINTR)
		;
	if (r == 0)
		return 0;
	if (r == -1) {
		*cause = xprintf("%s: %s", what, strerror(errno));
		return -1;
	}
	return notify_status(status, what, cause);
}

/* How long a child may run; see notify.h. */
int
notify_limit_ms(void)
{
	int64_t	secs;

	/* Only the tests set it, to wait seconds rather than half a minute. */
	if (util_parse_int(getenv("HEED_TEST_HOOK_LIMIT"), 1, 3600,
	    &secs) != 0)
		return NOTIFY_LIMIT_MS;
	return (int)secs * 1000;
}

/* Send a signal to a child's process group (or, if it has none, to it). */
static void
notify_signal(pid_t pid, int sig)
{
	if (pid <= 0)
		return;
	if (kill(-pid, sig) == -1)
		kill(pid, sig);
}

/* Whether a child has ended, without reaping it. */
static int
notify_ended(pid_t pid)
{
	siginfo_t	info;

	memset(&info, 0, sizeof info);
	if (waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) == -1)
		return errno != EINTR;
	return info.si_pid != 0;
}

/* End a child that ran too long, and all it started; see notify.h. */
int
notify_end(pid_t pid, const char *what, char **cause)
{
	struct timespec	tick = { 0, 20 * 1000 * 1000 };
	int		waited, status;

	/* It may have ended on its own since it was last looked at. */
	if (notify_ended(pid))
		return notify_poll(pid, what, cause) > 0 ? 0 : -1;
	notify_signal(pid, SIGTERM);
	for (waited = 0; waited < NOTIFY_GRACE_MS && !notify_ended(pid);
	    waited += 20)
		nanosleep(&tick, NULL);
	/*
	 * What ignored SIGTERM is killed. The child is not reaped yet, so
	 * the id of its group cannot have gone to another meanwhile.
	 */
	notify_signal(pid, SIGKILL);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	*cause = xprintf("%s took longer than %d seconds and was ended", what,
	    notify_limit_ms() / 1000);
	return -1;
}

/* The part of libnotify (and of the GLib under it) heed calls. */
static struct {
	void		*dl;
	gboolean	(*notify_init)(const char *);
	void		(*notify_uninit)(void);
	GList		*(*notify_get_server_caps)(void);
	NotifyNotification *(*notify_notification_new)(const char *,
			    const char *, const char *);
	void		(*notify_notification_set_urgency)(
			    NotifyNotification *, NotifyUrgency);
	void		(*notify_notification_set_category)(
			    NotifyNotification *, const char *);
	gboolean	(*notify_notification_show)(NotifyNotification *,
			    GError **);
	void		(*g_object_unref)(gpointer);
	void		(*g_error_free)(GError *);
	void		(*g_list_free_full)(GList *, GDestroyNotify);
	void		(*g_free)(gpointer);
	guint		(*g_log_set_handler)(const char *, GLogLevelFlags,
			    GLogFunc, gpointer);
} nl;

/* Load libnotify; 0, or -1 with *cause. */
static int
notify_load(char **cause)
{
	void	*dl;

	if (nl.dl != NULL)
		return 0;
	if ((dl = dlopen(NOTIFY_LIB, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		*cause = xprintf("cannot load %s (%s): install the libnotify4 "
		    "package", NOTIFY_LIB, dlerror());
		return -1;
	}
	/* dlsym on the handle also searches GLib, which libnotify needs. */
#define NOTIFY_LOAD(name)						\
	if ((*(void **)&nl.name = dlsym(dl, #name)) == NULL) {		\
		*cause = xprintf("%s has no %s: it is too old",	\
		    NOTIFY_LIB, #name);					\
		dlclose(dl);						\
		return -1;						\
	}
	NOTIFY_LOAD(notify_init)
	NOTIFY_LOAD(notify_uninit)
	NOTIFY_LOAD(notify_get_server_caps)
	NOTIFY_LOAD(notify_notification_new)
	NOTIFY_LOAD(notify_notification_set_urgency)
	NOTIFY_LOAD(notify_notification_set_category)
	NOTIFY_LOAD(notify_notification_show)
	NOTIFY_LOAD(g_object_unref)
	NOTIFY_LOAD(g_error_free)
	NOTIFY_LOAD(g_list_free_full)
	NOTIFY_LOAD(g_free)
	NOTIFY_LOAD(g_log_set_handler)
#undef NOTIFY_LOAD
	nl.dl = dl;
	return 0;
}

/* Whether the notification server reads markup in a body. */
static int
notify_server_markup(void)
{
	GList	*caps, *l;
	int	 markup = 0;

	caps = nl.notify_get_server_caps();
	for (l = caps; l != NULL; l = l->next) {
		if (l->data != NULL && strcmp(l->data, "body-markup") == 0)
			markup = 1;
	}
	nl.g_list_free_full(caps, nl.g_free);
	return markup;
}

/* A body for a server that reads markup: &, < and > as entities. */
static char *
notify_escape(const char *s)
{
	struct buf	b;

	buf_init(&b, 0);
	for (; *s != '\0'; s++) {
		if (*s == '&')
			buf_addstr(&b, "&amp;");
		else if (*s == '<')
			buf_addstr(&b, "&lt;");
		else if (*s == '>')
			buf_addstr(&b, "&gt;");
		else
			buf_addch(&b, *s);
	}
	return buf_steal(&b);
}

/* GLib's own warnings: heed says what went wrong itself, once. */
static void
notify_glib_quiet(const char *domain, GLogLevelFlags level,
    const char *message, gpointer arg)
{
	(void)domain;
	(void)level;
	(void)message;
	(void)arg;
}

/* Whether there is a session bus to reach; if not, *cause says so. */
static int
notify_have_bus(char **cause)
{
	const char	*addr = getenv("DBUS_SESSION_BUS_ADDRESS");
	const char	*run = getenv("XDG_RUNTIME_DIR");
	char		*path;
	int		 have;

	if (addr != NULL && *addr != '\0')
		return 1;
	if (run == NULL || *run == '\0')
		have = 0;
	else {
		path = xprintf("%s/bus", run);
		have = access(path, F_OK) == 0;
		free(path);
	}
	if (!have)
		*cause = xstrdup("no desktop session to notify "
		    "(DBUS_SESSION_BUS_ADDRESS is not set and there is no "
		    "$XDG_RUNTIME_DIR/bus)");
	return have;
}

/* Show a desktop notification from this process; see notify.h. */
int
notify_desktop_show(const char *title, const char *body, int urgent,
    char **cause)
{
	NotifyNotification	*n;
	GError			*error = NULL;
	char			*text;
	int			 rc = 0;

	if (!notify_have_bus(cause) || notify_load(cause) != 0)
		return -1;
	nl.g_log_set_handler("libnotify", G_LOG_LEVEL_WARNING |
	    G_LOG_LEVEL_MESSAGE, notify_glib_quiet, NULL);
	if (!nl.notify_init("heed")) {
		*cause = xstrdup("libnotify could not start");
		return -1;
	}
	/* Remote text is never markup: escaped where the server reads it. */
	text = notify_server_markup() ? notify_escape(body) : xstrdup(body);
	n = nl.notify_notification_new(title, text, "mail-message-new");
	nl.notify_notification_set_category(n, "im.received");
	nl.notify_notification_set_urgency(n, urgent ? NOTIFY_URGENCY_CRITICAL :
	    NOTIFY_URGENCY_NORMAL);
	if (!nl.notify_notification_show(n, &error)) {
		*cause = xprintf("the desktop did not take the notification: "
		    "%s", error != NULL && error->message != NULL ?
		    error->message : "no reason given");
		if (error != NULL)
			nl.g_error_free(error);
		rc = -1;
	}
	nl.g_object_unref(n);
	nl.notify_uninit();
	free(text);
	return rc;
}
