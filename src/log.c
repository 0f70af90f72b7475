/*
 * log.c -- the log file, and the hook through which the UI shows messages.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static FILE		*log_file;
static log_hook_cb	 log_hook;
static void		*log_hook_arg;
static int		 log_stderr_level = LOG_ERROR + 1;

static const char *const log_level_names[] = {
	"debug", "info", "warning", "error"
};

/* Open the log file for appending, private to the user. */
int
log_open(const char *path, char **cause)
{
	int	fd;

	log_close();
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd == -1)
		return util_fail(cause, "%s: %s", path, strerror(errno));
	if (fchmod(fd, 0600) != 0) {
		close(fd);
		return util_fail(cause, "%s: %s", path, strerror(errno));
	}
	if ((log_file = fdopen(fd, "a")) == NULL) {
		close(fd);
		return util_fail(cause, "%s: %s", path, strerror(errno));
	}
	setvbuf(log_file, NULL, _IOLBF, 0);
	return 0;
}

/* Close the log file. */
void
log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
}

/* Copy messages at or above level to stderr. */
void
log_set_stderr(enum log_level level)
{
	log_stderr_level = (int)level;
}

/* Set the function that sees every message of level info and above. */
void
log_set_hook(log_hook_cb fn, void *arg)
{
	log_hook = fn;
	log_hook_arg = arg;
}

/* Log a message. */
void
log_msg(enum log_level level, const char *fmt, ...)
{
	va_list		 ap;
	char		*msg, when[32];
	time_t		 t;
	struct tm	 tm;

	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	if (log_file != NULL) {
		t = time(NULL);
		localtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
		fprintf(log_file, "%s %s: %s\n", when,
		    log_level_names[level], msg);
	}
	if ((int)level >= log_stderr_level)
		fprintf(stderr, "heed: %s\n", msg);
	if (level >= LOG_INFO && log_hook != NULL)
		log_hook(level, msg, log_hook_arg);
	free(msg);
}
