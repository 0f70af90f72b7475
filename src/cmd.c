/*
 * cmd.c -- what the commands share: printing made safe for a terminal,
 * asking the person at the terminal, and one request sent and waited for.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "creds.h"
#include "http.h"
#include "loop.h"
#include "platform.h"
#include "sync.h"
#include "text.h"
#include "util.h"

#define CMD_SECRET_MAX	(64 * 1024)
#define CMD_HTTP_DEADLINE_MS	(60 * 1000)

static int		cmd_tty_fd = -1;
static struct termios	cmd_tty_saved;

/* Print what a command says, made safe for a terminal; see cmd.h. */
void
cmd_print(FILE *f, const char *fmt, ...)
{
	va_list		 ap;
	char		*text, *line, *next, *clean;
	size_t		 indent;

	va_start(ap, fmt);
	text = xvprintf(fmt, ap);
	va_end(ap);
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '\0' && next == NULL)
			break;
		indent = strspn(line, " ");
		line += indent;
		clean = text_sanitize_line(line, strlen(line));
		fprintf(f, "%*s%s%s", (int)indent, "", clean,
		    next != NULL ? "\n" : "");
		free(clean);
	}
	free(text);
}

/* Put the terminal's echo back if a signal comes while it is off. */
static void
cmd_on_signal(int signo)
{
	if (cmd_tty_fd != -1)
		tcsetattr(cmd_tty_fd, TCSAFLUSH, &cmd_tty_saved);
	signal(signo, SIG_DFL);
	raise(signo);
}

/* Read one line into a new string, at most CMD_SECRET_MAX bytes. */
static char *
cmd_read_line(int fd)
{
	struct buf	b;
	char		c;
	ssize_t		n;

	buf_init(&b, CMD_SECRET_MAX);
	while ((n = read(fd, &c, 1)) == 1 || (n == -1 && errno == EINTR)) {
		if (n != 1)
			continue;
		if (c == '\n' || c == '\r' || buf_addch(&b, c) != 0)
			break;
	}
	if (b.data != NULL)
		return buf_steal(&b);
	return xstrdup("");
}

/*
 * Ask for a line on the terminal, echoed or not; from standard input when
 * there is no terminal (scripts). Returns a new string to wipe.
 */
static char *
cmd_ask(const char *prompt, int echo)
{
	struct termios	 t;
	char		*s;
	int		 fd;

	if ((fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) == -1 ||
	    tcgetattr(fd, &cmd_tty_saved) != 0) {
		if (fd != -1)
			close(fd);
		return cmd_read_line(STDIN_FILENO);
	}
	cmd_tty_fd = fd;
	signal(SIGINT, cmd_on_signal);
	signal(SIGTERM, cmd_on_signal);
	signal(SIGHUP, cmd_on_signal);
	t = cmd_tty_saved;
	if (!echo)
		t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	t.c_lflag |= ICANON;
	tcsetattr(fd, TCSAFLUSH, &t);
	if (write(fd, prompt, strlen(prompt)) < 0) {
		/* Nothing to do: the read below still works. */
	}
	s = cmd_read_line(fd);
	tcsetattr(fd, TCSAFLUSH, &cmd_tty_saved);
	if (!echo && write(fd, "\n", 1) < 0) {
		/* As above. */
	}
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	cmd_tty_fd = -1;
	close(fd);
	return s;
}

/* Ask for a secret on the terminal without echoing it; see cmd_ask. */
char *
cmd_ask_secret(const char *prompt)
{
	return cmd_ask(prompt, 0);
}

/* Ask for an answer that may be seen (a choice); see cmd_ask. */
char *
cmd_ask_line(const char *prompt)
{
	return cmd_ask(prompt, 1);
}

/* The answer to the one request a command waits for. */
struct cmd_http_wait {
	struct loop			*loop;
	const struct platform_ops	*ops;		/* for its pace */
	struct cmd_answer		*ans;
	char				*message;	/* why not reached */
	int				 done;
};

/*
 * How many seconds the answer asks heed to wait before the next request:
 * Retry-After, a rate-limit window with nothing left, or what the
 * platform's own headers say (the Graph API's usage); 0 if none.
 */
static int64_t
cmd_http_wait_secs(const struct platform_response *hr,
    const struct platform_ops *ops)
{
	struct http_ratelimit		 rl;
	int64_t				 now = util_now(), secs = 0, ms;

	if ((hr->status == 429 || hr->status == 503) &&
	    (secs = http_retry_after(hr, now)) > 0)
		return secs;
	if (http_ratelimit(hr, now, &rl) == 0 && rl.remaining == 0 &&
	    rl.reset > 0)
		secs = rl.reset;
	if (ops == NULL || ops->pace == NULL)
		return secs;
	if ((ms = ops->pace(hr, now)) > secs * 1000)
		secs = (ms + 999) / 1000;
	return secs;
}

/* Keep the answer (a network failure keeps the transport's words). */
static void
cmd_http_done(const struct platform_response *hr, void *arg)
{
	struct cmd_http_wait	*w = arg;

	w->done = 1;
	if (hr->error == TRANSPORT_ERR_CANCELLED)
		return;
	if (hr->error != TRANSPORT_OK) {
		w->ans->status = 0;
		w->message = xstrdup(hr->message);
	} else {
		w->ans->status = hr->status;
		w->ans->body = xstrdup(hr->body);
		if (hr->status < 200 || hr->status > 299)
			w->ans->wait = cmd_http_wait_secs(hr, w->ops);
	}
	loop_stop(w->loop, 0);
}

/* Give up waiting. */
static void
cmd_http_deadline(void *arg)
{
	struct cmd_http_wait	*w = arg;

	loop_stop(w->loop, 0);
}

/*
 * Send one request and wait for its answer, for a command that has
 * nothing else to do meanwhile; ops (or NULL) reads the platform's own
 * limit headers. Returns 0 with the answer in *ans (its body to free), or
 * -1 with a cause when the platform was not reached.
 */
int
cmd_http_ask(const struct config *cfg, const struct platform_ops *ops,
    const struct platform_request *req, struct cmd_answer *ans, char **cause)
{
	struct cmd_http_wait	 w;
	struct http		*h;
	const char		*ca = config_str(cfg, NULL, OPT_CA_FILE);
	char			*site;

	memset(ans, 0, sizeof *ans);
	memset(&w, 0, sizeof w);
	w.loop = loop_new();
	w.ops = ops;
	w.ans = ans;
	if ((h = http_new(w.loop)) == NULL) {
		loop_free(w.loop);
		return util_fail(cause, "libcurl could not be loaded; install "
		    "libcurl4");
	}
	if (*ca != '\0')
		http_set_ca_file(h, ca);
	if (http_send(h, req, cmd_http_done, &w) != 0) {
		loop_timer_add(w.loop, CMD_HTTP_DEADLINE_MS, cmd_http_deadline,
		    &w);
		loop_run(w.loop);
	}
	http_free(h);
	loop_free(w.loop);
	if (w.message != NULL || !w.done || ans->body == NULL) {
		site = util_url_site(req->url);
		if (w.message != NULL)
			util_fail(cause, "could not reach %s: %s", site,
			    w.message);
		else
			util_fail(cause, "no answer from %s within %d "
			    "seconds", site, CMD_HTTP_DEADLINE_MS / 1000);
		free(site);
		free(w.message);
		free(ans->body);
		memset(ans, 0, sizeof *ans);
		return -1;
	}
	return 0;
}

/* The same, with only the status and the body; see cmd_http_ask. */
int
cmd_http_once(const struct config *cfg, const struct platform_request *req,
    long *status, char **body, char **cause)
{
	struct cmd_answer	ans;

	if (cmd_http_ask(cfg, NULL, req, &ans, cause) != 0)
		return -1;
	*status = ans.status;
	*body = ans.body;
	return 0;
}

/* Stop the loop once sync has nothing left to do. */
static void
cmd_demo_wait_sync(void *arg)
{
	struct loop	*loop = ((void **)arg)[0];
	struct sync	*sync = ((void **)arg)[1];

	if (!sync_busy(sync))
		loop_stop(loop, 0);
	else
		loop_timer_add(loop, 20, cmd_demo_wait_sync, arg);
}

/* Run sync in the foreground until it is done (the demo's list). */
static void
cmd_demo_sync_once(struct loop *loop, struct sync *sync)
{
	void	*arg[2] = { loop, sync };

	sync_now(sync);
	loop_timer_add(loop, 20, cmd_demo_wait_sync, arg);
	loop_run(loop);
}

/*
 * Sync the demo's accounts into its fresh cache before a command reads
 * them (heed --demo list, heed --demo rules); 0, or -1 once said why not.
 */
int
cmd_demo_sync(struct cmd_env *env)
{
	struct loop	*loop;
	struct sync	*sync;
	char		*cause = NULL;

	loop = loop_new();
	if ((sync = sync_new(loop, env->store, env->cfg, 0, &cause)) ==
	    NULL) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		loop_free(loop);
		return -1;
	}
	cmd_demo_sync_once(loop, sync);
	sync_free(sync);
	loop_free(loop);
	return 0;
}

/*
 * Parse a time of --since or --until: a date ("2026-12-01", its
 * midnight, local time) or a time back from now ("30d"); 0, or -1.
 */
int
cmd_parse_when(const char *s, int64_t now, int64_t *t)
{
	struct tm	tm;
	int64_t		secs;
	int		y, m, d;
	char		rest;

	if (util_parse_duration(s, &secs) == 0 && secs > 0) {
		*t = now - secs;
		return 0;
	}
	if (sscanf(s, "%d-%d-%d%c", &y, &m, &d, &rest) != 3 || y < 1970 ||
	    y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_isdst = -1;
	*t = (int64_t)mktime(&tm);
	return 0;
}

/*
 * A string from the cache made safe to print: one line, or text with its
 * lines (what an older heed, or someone else, wrote there may hold
 * escapes or bytes that are not UTF-8). NULL stays NULL.
 */
char *
cmd_clean(const char *s, int lines)
{
	if (s == NULL)
		return NULL;
	return lines ? text_sanitize(s, strlen(s)) :
	    text_sanitize_line(s, strlen(s));
}
