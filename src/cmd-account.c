/*
 * cmd-account.c -- heed accounts, heed login and heed logout.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "creds.h"
#include "http.h"
#include "loop.h"
#include "platform.h"
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

/* Sanitize a value to quote and cut it to width columns; new string. */
char *
cmd_quote(const char *s, size_t width)
{
	char	*clean, *out;

	clean = text_sanitize_line(s, strnlen(s, 8 * width));
	out = text_first_line(clean, width);
	if (strlen(s) > 8 * width && strcmp(out, clean) == 0) {
		free(out);
		out = xprintf("%s\xe2\x80\xa6", clean);
	}
	free(clean);
	return out;
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

/* Find the named account and its platform, or say what is wrong. */
static const struct config_account *
cmd_account(struct config *cfg, const char *verb, int argc, char **argv,
    const struct platform_ops **ops)
{
	const struct config_account	*a;

	if (argc != 2) {
		cmd_print(stderr, "usage: heed %s ACCOUNT\n", verb);
		return NULL;
	}
	if ((a = config_account_find(cfg, argv[1])) == NULL) {
		cmd_print(stderr, "heed %s: no account named %s in %s%s\n",
		    verb, argv[1], cfg->path != NULL ? cfg->path : "the config",
		    cfg->naccounts == 0 ? " (it has no [account NAME] "
		    "sections yet; see heed.conf(5))" : "");
		return NULL;
	}
	*ops = platform_find(config_str(cfg, a, OPT_PLATFORM));
	if ((*ops)->secret_kind == NULL) {
		cmd_print(stderr, "heed %s: %s (%s) needs no credential\n",
		    verb, a->name, (*ops)->label);
		return NULL;
	}
	return a;
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

/*
 * Log in with the password just typed and keep the session the platform
 * gives in the keyring; the password itself is never kept.
 */
static int
cmd_login_session(const struct config *cfg, const struct config_account *a,
    const struct platform_ops *ops, const char *password)
{
	struct platform_account		 pa;
	struct platform_request		 req;
	struct platform_response	 resp;
	struct platform_session		 ps;
	enum creds_result		 r;
	char				*body = NULL, *cause = NULL;
	long				 status = 0;
	int				 rc = 1;

	memset(&pa, 0, sizeof pa);
	memset(&req, 0, sizeof req);
	memset(&ps, 0, sizeof ps);
	memset(&resp, 0, sizeof resp);
	pa.name = a->name;
	pa.handle = config_str(cfg, a, OPT_HANDLE);
	pa.base_url = config_str(cfg, a, OPT_URL);
	pa.now = util_now();
	if (*pa.handle == '\0' || *pa.base_url == '\0') {
		cmd_print(stderr, "heed login: %s needs handle and url in its "
		    "[account %s] section (see heed.conf(5))\n", a->name,
		    a->name);
		return 1;
	}
	if (ops->login_request(&pa, password, &req, &cause) != 0 ||
	    cmd_http_once(cfg, &req, &status, &body, &cause) != 0)
		goto out;
	resp.status = status;
	resp.body = body;
	resp.len = strlen(body);
	if (status < 200 || status >= 300) {
		ops->classify(&resp, &cause);
		goto out;
	}
	if (ops->session_parse(&pa, &resp, &ps, &cause) != 0)
		goto out;
	r = creds_store(a->name, ops->name, ops->secret_kind, ps.refresh,
	    &cause);
	if (r != CREDS_OK) {
		if (cause == NULL)
			cause = xstrdup(creds_result_name(r));
		goto out;
	}
	cmd_print(stdout, "Logged in to %s as %s%s: the session is in the "
	    "system keyring (the app password is not kept).\n", ops->label,
	    ps.handle != NULL ? "@" : "", ps.handle != NULL ? ps.handle :
	    pa.handle);
	rc = 0;
out:
	if (rc != 0)
		cmd_print(stderr, "heed login: %s: %s; nothing changed\n",
		    a->name, cause != NULL ? cause : "the login failed");
	free(cause);
	util_free_secret(body);
	platform_request_clear(&req);
	platform_session_clear(&ps);
	return rc;
}

/* heed login ACCOUNT: ask for the secret and keep it in the keyring. */
int
cmd_login(struct config *cfg, int argc, char **argv)
{
	const struct config_account	*a, *owner;
	const char			*platform;
	const struct platform_ops	*ops;
	char				*secret, *prompt, *cause = NULL;
	enum creds_result		 r;
	int				 rc;

	if ((a = cmd_account(cfg, "login", argc, argv, &ops)) == NULL)
		return argc != 2 ? 2 : 1;
	if (strcmp(ops->name, "instagram") == 0) {
		/* Instagram is reached through its Facebook Page's login. */
		owner = config_secret_owner(cfg, a, &platform);
		if (owner == a || strcmp(platform, "facebook") != 0) {
			cmd_print(stderr, "heed login: %s is an Instagram "
			    "account: set facebook_account to the [account] "
			    "section of the Facebook Page it is linked to, and "
			    "log in to that one (see heed.conf(5))\n", a->name);
			return 1;
		}
		cmd_print(stdout, "%s uses the login of %s; logging in to "
		    "%s.\n", a->name, owner->name, owner->name);
		a = owner;
		ops = platform_find("facebook");
	}
	if (*config_str(cfg, a, OPT_CREDENTIAL_COMMAND) != '\0') {
		cmd_print(stderr, "heed login: %s gets its secret from its "
		    "credential_command; there is nothing to store (remove "
		    "credential_command to use the keyring instead)\n",
		    a->name);
		return 1;
	}
	if (strcmp(ops->name, "facebook") == 0)
		return cmd_meta_login(cfg, a);
	prompt = xprintf("%s for %s (%s): ", ops->secret_prompt, a->name,
	    ops->label);
	secret = cmd_ask_secret(prompt);
	free(prompt);
	if (*secret == '\0') {
		util_free_secret(secret);
		cmd_print(stderr, "heed login: nothing entered; nothing "
		    "changed\n");
		return 1;
	}
	if (ops->login_request != NULL) {
		rc = cmd_login_session(cfg, a, ops, secret);
		util_free_secret(secret);
		return rc;
	}
	r = creds_store(a->name, ops->name, ops->secret_kind, secret, &cause);
	util_free_secret(secret);
	if (r != CREDS_OK) {
		cmd_print(stderr, "heed login: %s\n", cause != NULL ? cause :
		    creds_result_name(r));
		free(cause);
		return 1;
	}
	cmd_print(stdout, "Logged in: the %s of %s is in the system keyring.\n",
	    ops->secret_prompt, a->name);
	return 0;
}

/* heed logout ACCOUNT: delete the secret from the keyring. */
int
cmd_logout(struct config *cfg, int argc, char **argv)
{
	const struct config_account	*a;
	const char			*platform;
	const struct platform_ops	*ops;
	char				*cause = NULL;
	enum creds_result		 r;

	if ((a = cmd_account(cfg, "logout", argc, argv, &ops)) == NULL)
		return argc != 2 ? 2 : 1;
	if (config_secret_owner(cfg, a, &platform) != a) {
		cmd_print(stdout, "%s has no secret of its own: it uses the "
		    "login of %s. Run heed logout %s to end both.\n", a->name,
		    config_secret_owner(cfg, a, &platform)->name,
		    config_secret_owner(cfg, a, &platform)->name);
		return 0;
	}
	r = creds_delete(a->name, ops->name, ops->secret_kind, &cause);
	if (r == CREDS_MISSING) {
		cmd_print(stdout, "Nothing stored for %s: already logged "
		    "out.\n", a->name);
		return 0;
	}
	if (r != CREDS_OK) {
		cmd_print(stderr, "heed logout: %s\n", cause != NULL ? cause :
		    creds_result_name(r));
		free(cause);
		return 1;
	}
	cmd_print(stdout, "Logged out: the secret of %s is gone from the "
	    "keyring.\n", a->name);
	return 0;
}

/* Describe where an account's credential stands, without revealing it. */
static char *
cmd_credential_state(struct config *cfg, const struct config_account *a,
    const struct platform_ops *ops)
{
	const struct config_account	*owner;
	const char			*platform;
	char				*secret = NULL, *cause = NULL;
	enum creds_result		 r;

	if (ops->secret_kind == NULL)
		return xstrdup("not needed");
	/* An Instagram account may use its Facebook account's login. */
	owner = config_secret_owner(cfg, a, &platform);
	if (*config_str(cfg, owner, OPT_CREDENTIAL_COMMAND) != '\0')
		return owner == a ? xstrdup("from credential_command (not run "
		    "here)") : xprintf("the login of %s, from its "
		    "credential_command (not run here)", owner->name);
	r = creds_lookup(owner->name, platform, ops->secret_kind, &secret,
	    &cause);
	util_free_secret(secret);
	free(cause);
	switch (r) {
	case CREDS_OK:
		return owner == a ? xstrdup("present (keyring)") :
		    xprintf("the login of %s, present (keyring)", owner->name);
	case CREDS_MISSING:
		return xprintf("missing: run heed login %s", owner->name);
	default:
		return xstrdup(creds_result_name(r));
	}
}

/* heed accounts: each account with the state of its credential. */
int
cmd_accounts(struct config *cfg, int argc, char **argv)
{
	const struct config_account	*a;
	const struct platform_ops	*ops;
	size_t				 i;
	char				*state;

	(void)argv;
	if (argc != 1) {
		cmd_print(stderr, "usage: heed accounts\n");
		return 2;
	}
	if (cfg->naccounts == 0) {
		cmd_print(stdout, "No accounts in %s yet: add an [account "
		    "NAME] section (see heed.conf(5)).\n", cfg->path != NULL ?
		    cfg->path : "the config");
		return 0;
	}
	for (i = 0; i < cfg->naccounts; i++) {
		a = &cfg->accounts[i];
		ops = platform_find(config_str(cfg, a, OPT_PLATFORM));
		state = cmd_credential_state(cfg, a, ops);
		cmd_print(stdout, "%-16s %-12s %-24s credential: %s\n", a->name,
		    ops->name, *config_str(cfg, a, OPT_HANDLE) != '\0' ?
		    config_str(cfg, a, OPT_HANDLE) : "-", state);
		free(state);
	}
	return 0;
}
