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
#include "text.h"

static FILE		*log_file;
static log_hook_cb	 log_hook;
static void		*log_hook_arg;
static int		 log_stderr_level = LOG_ERROR + 1;

static const char *const log_level_names[] = {
	"debug", "info", "warning", "error"
};

/*
 * Open the log file for appending, private to the user. It must be a
 * regular file: heed neither follows a symbolic link there (and chmods
 * what it points to) nor waits on a FIFO.
 */
int
log_open(const char *path, char **cause)
{
	struct stat	 sb;
	char		*shown;
	int		 fd, rc = 0;

	log_close();
	shown = text_sanitize_line(path, strlen(path));
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY |
	    O_NOFOLLOW | O_NONBLOCK, 0600);
	if (fd == -1 && errno == ELOOP)
		rc = util_fail(cause, "%s is a symbolic link: heed writes its "
		    "log only to a regular file (set log_file to the real "
		    "path)", shown);
	else if (fd == -1)
		rc = util_fail(cause, "%s: %s", shown, strerror(errno));
	else if (fstat(fd, &sb) != 0)
		rc = util_fail(cause, "%s: %s", shown, strerror(errno));
	else if (!S_ISREG(sb.st_mode))
		rc = util_fail(cause, "%s is not a regular file; heed writes "
		    "its log only to one", shown);
	else if ((sb.st_mode & 077) != 0 && fchmod(fd, 0600) != 0)
		rc = util_fail(cause, "%s: %s", shown, strerror(errno));
	else if ((log_file = fdopen(fd, "a")) == NULL)
		rc = util_fail(cause, "%s: %s", shown, strerror(errno));
	free(shown);
	if (rc != 0) {
		if (fd != -1)
			close(fd);
		return -1;
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
	char		*raw, *msg, when[32];
	time_t		 t;
	struct tm	 tm;

	va_start(ap, fmt);
	raw = xvprintf(fmt, ap);
	va_end(ap);
	/*
	 * One line, with no control character or escape: messages carry
	 * what platforms, commands and files said, and the log is read with
	 * cat or tail -f.
	 */
	msg = text_sanitize_line(raw, strlen(raw));
	free(raw);
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
