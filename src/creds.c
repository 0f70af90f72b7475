/*
 * creds.c -- secrets from a command the user names, and what the two
 * ways of keeping secrets share (the keyring is creds-keyring.c).
 *
 * The credential_command runs through /bin/sh with a time limit and its
 * first line is the secret.
 *
 * No secret ever goes into a message. Buffers that held one are wiped.
 */
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "creds.h"
#include "creds-private.h"
#include "util.h"

/* The most a credential command may print, and its time limit. */
#define CREDS_OUTPUT_MAX	(64 * 1024)
#define CREDS_STDERR_MAX	4096
#define CREDS_TIMEOUT_MS	30000

extern char **environ;

/* For tests only: change the command's time limit (milliseconds). */
void	creds_set_command_timeout(int);

static int creds_timeout_ms = CREDS_TIMEOUT_MS;

/* Set *cause (if cause is not NULL) to a new message and return r. */
enum creds_result
creds_fail(char **cause, enum creds_result r, const char *fmt, ...)
{
	va_list	ap;

	if (cause != NULL) {
		va_start(ap, fmt);
		*cause = xvprintf(fmt, ap);
		va_end(ap);
	}
	return r;
}

/* Say how to do without the keyring; the result is lent. */
const char *
creds_advice(const char *account, char *out, size_t size)
{
	snprintf(out, size, "run heed inside your desktop session, or set "
	    "credential_command for this account (for example: "
	    "credential_command = pass show heed/%s)",
	    account != NULL ? account : "ACCOUNT");
	return out;
}

/* For tests only: change the command's time limit (milliseconds). */
void
creds_set_command_timeout(int ms)
{
	creds_timeout_ms = ms > 0 ? ms : CREDS_TIMEOUT_MS;
}

/* One run of a credential command. */
struct creds_run {
	const char	*cmdline;
	pid_t		 pid;
	int		 out;		/* the child's stdout, or -1 */
	int		 err;		/* the child's stderr, or -1 */
	char		*data;		/* CREDS_OUTPUT_MAX + 1 bytes, wiped */
	size_t		 len;
	char		 errdata[CREDS_STDERR_MAX];
	size_t		 errlen;
	int64_t		 deadline;	/* in util_mono_ms() time */
	int		 too_big;
	int		 timed_out;
	int		 killed;
	int		 status;	/* from waitpid, or -1 if lost */
};

/* Move a new descriptor above stderr, close-on-exec; -1 on failure. */
static int
creds_high_fd(int fd)
{
	int	nfd;

	if (fd == -1)
		return -1;
	nfd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	close(fd);
	return nfd;
}

/* In the child: set up stdin, stdout and stderr and run the shell. */
static void noreturn_fn
creds_child(int null, int out, int err, char **argv, long maxfd)
{
	struct sigaction	sa;
	sigset_t		none;
	long			fd;

	/* Only async-signal-safe calls here: heed may have threads. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPIPE, &sa, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (dup2(null, 0) == -1 || dup2(out, 1) == -1 || dup2(err, 2) == -1)
		_exit(126);
#ifdef SYS_close_range
	if (syscall(SYS_close_range, 3U, ~0U, 0U) == 0)
		maxfd = 0;
#endif
	for (fd = 3; fd < maxfd; fd++)
		close((int)fd);
	execve("/bin/sh", argv, environ);
	_exit(127);
}

/* Start /bin/sh -c CMDLINE with its output on pipes; 0 or -1. */
static int
creds_spawn(struct creds_run *run, char **cause)
{
	int	 out[2] = { -1, -1 }, err[2] = { -1, -1 }, null, saved;
	char	*argv[4];
	long	 maxfd;

	argv[0] = (char *)"sh";
	argv[1] = (char *)"-c";
	argv[2] = (char *)run->cmdline;
	argv[3] = NULL;
	if ((maxfd = sysconf(_SC_OPEN_MAX)) <= 0 || maxfd > 65536)
		maxfd = 65536;
	null = creds_high_fd(open("/dev/null", O_RDONLY));
	if (pipe(out) == 0 && pipe(err) == 0) {
		out[0] = creds_high_fd(out[0]);
		out[1] = creds_high_fd(out[1]);
		err[0] = creds_high_fd(err[0]);
		err[1] = creds_high_fd(err[1]);
	}
	run->pid = -1;
	if (null != -1 && out[0] != -1 && out[1] != -1 && err[0] != -1 &&
	    err[1] != -1 && (run->pid = fork()) == 0)
		creds_child(null, out[1], err[1], argv, maxfd);
	saved = errno;
	if (null != -1)
		close(null);
	if (out[1] != -1)
		close(out[1]);
	if (err[1] != -1)
		close(err[1]);
	run->out = out[0];
	run->err = err[0];
	if (run->pid > 0)
		return 0;
	if (run->out != -1)
		close(run->out);
	if (run->err != -1)
		close(run->err);
	return util_fail(cause, "cannot start the credential command: %s",
	    strerror(saved));
}

/* Read what is there of the child's stdout; -1 once it is too much. */
static int
creds_read_out(struct creds_run *run)
{
	ssize_t	n;

	n = read(run->out, run->data + run->len, CREDS_OUTPUT_MAX + 1 -
	    run->len);
	if (n == -1 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0) {
		close(run->out);
		run->out = -1;
		return 0;
	}
	run->len += (size_t)n;
	if (run->len > CREDS_OUTPUT_MAX) {
		run->too_big = 1;
		return -1;
	}
	return 0;
}

/* Read what is there of the child's stderr, keeping only the start. */
static void
creds_read_err(struct creds_run *run)
{
	char	tmp[512];
	ssize_t	n;
	size_t	keep;

	n = read(run->err, tmp, sizeof tmp);
	if (n == -1 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		close(run->err);
		run->err = -1;
		return;
	}
	keep = sizeof run->errdata - run->errlen;
	if (keep > (size_t)n)
		keep = (size_t)n;
	memcpy(run->errdata + run->errlen, tmp, keep);
	run->errlen += keep;
	explicit_bzero(tmp, sizeof tmp);
}

/* Read both pipes until both end, the output is too big or time is up. */
static void
creds_collect(struct creds_run *run)
{
	struct pollfd	pfd[2];
	int64_t		left;

	while (run->out != -1 || run->err != -1) {
		if ((left = run->deadline - util_mono_ms()) <= 0) {
			run->timed_out = 1;
			return;
		}
		pfd[0].fd = run->out;
		pfd[1].fd = run->err;
		pfd[0].events = pfd[1].events = POLLIN;
		pfd[0].revents = pfd[1].revents = 0;
		if (poll(pfd, 2, left > INT_MAX ? INT_MAX : (int)left) == -1) {
			if (errno == EINTR)
				continue;
			run->timed_out = 1;	/* cannot wait: give up */
			return;
		}
		if (pfd[0].revents != 0 && creds_read_out(run) == -1)
			return;
		if (pfd[1].revents != 0)
			creds_read_err(run);
	}
}

/* Wait for the child until the deadline, then kill it; always reap it. */
static void
creds_reap(struct creds_run *run)
{
	struct timespec	ts = { 0, 10 * 1000 * 1000 };
	pid_t		r;

	if (run->timed_out || run->too_big) {
		kill(run->pid, SIGKILL);
		run->killed = 1;
	}
	for (;;) {
		r = waitpid(run->pid, &run->status, run->killed ? 0 : WNOHANG);
		if (r == run->pid)
			break;
		if (r == -1 && errno != EINTR) {
			run->status = -1;
			break;
		}
		if (r == 0 && util_mono_ms() >= run->deadline) {
			run->timed_out = run->killed = 1;
			kill(run->pid, SIGKILL);
		} else if (r == 0)
			nanosleep(&ts, NULL);
	}
	if (run->out != -1)
		close(run->out);
	if (run->err != -1)
		close(run->err);
	run->out = run->err = -1;
}

/* Put ": " and the first line of stderr, made safe to show, in out. */
static void
creds_err_line(const struct creds_run *run, char *out, size_t size)
{
	size_t	n, i, o;

	n = 0;
	while (n < run->errlen && run->errdata[n] != '\n')
		n++;
	while (n > 0 && run->errdata[n - 1] == '\r')
		n--;
	if (n == 0 || size < 8) {
		*out = '\0';
		return;
	}
	if (n > 200)
		n = 200;
	while (n > 0 && n < run->errlen &&
	    ((unsigned char)run->errdata[n] & 0xc0) == 0x80)
		n--;		/* do not cut a UTF-8 character in two */
	o = 0;
	out[o++] = ':';
	out[o++] = ' ';
	for (i = 0; i < n && o + 1 < size; i++) {
		unsigned char c = (unsigned char)run->errdata[i];

		out[o++] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	out[o] = '\0';
}

/* Decide what the finished run gave: the first line, or why not. */
static enum creds_result
creds_judge(const struct creds_run *run, char **secret, char **cause)
{
	char	why[256];
	size_t	n;

	creds_err_line(run, why, sizeof why);
	if (run->timed_out)
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "did not finish within its time limit (%d s) and was "
		    "stopped: does it wait for a passphrase or a prompt? It "
		    "gets no input from heed", (creds_timeout_ms + 999) / 1000);
	if (run->too_big)
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "printed more than 64 KiB");
	if (run->status == -1)
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "ended but its exit status was lost");
	if (WIFSIGNALED(run->status))
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "was killed by signal %d%s", WTERMSIG(run->status), why);
	if (WEXITSTATUS(run->status) != 0)
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "failed (exit %d)%s", WEXITSTATUS(run->status), why);
	if (run->len == 0)
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "printed nothing");
	for (n = 0; n < run->len && run->data[n] != '\n'; n++)
		;
	while (n > 0 && run->data[n - 1] == '\r')
		n--;
	if (n == 0)
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "printed an empty first line");
	if (memchr(run->data, '\0', n) != NULL)
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "printed a NUL byte in its first line");
	*secret = xmalloc(n + 1);
	memcpy(*secret, run->data, n);
	(*secret)[n] = '\0';
	return CREDS_OK;
}

/* Run the user's credential command; its first line is the secret. */
enum creds_result
creds_command(const char *cmdline, char **secret, char **cause)
{
	struct creds_run	run;
	enum creds_result	r;

	if (cmdline == NULL)
		fatal("creds: no command");
	if (*cmdline == '\0')
		return creds_fail(cause, CREDS_FAILED, "the credential command "
		    "is empty");
	memset(&run, 0, sizeof run);
	run.cmdline = cmdline;
	if (creds_spawn(&run, cause) != 0)
		return CREDS_FAILED;
	run.data = xmalloc(CREDS_OUTPUT_MAX + 1);	/* never moved */
	run.deadline = util_mono_ms() + creds_timeout_ms;
	creds_collect(&run);
	creds_reap(&run);
	r = creds_judge(&run, secret, cause);
	explicit_bzero(run.data, CREDS_OUTPUT_MAX + 1);
	explicit_bzero(run.errdata, sizeof run.errdata);
	free(run.data);
	return r;
}

/* Say in plain words what a result means. */
const char *
creds_result_name(enum creds_result r)
{
	switch (r) {
	case CREDS_OK:
		return "present";
	case CREDS_MISSING:
		return "missing";
	case CREDS_UNREACHABLE:
		return "keyring unreachable";
	case CREDS_LOCKED:
		return "keyring locked";
	case CREDS_FAILED:
		return "failed";
	}
	return "unknown";
}
