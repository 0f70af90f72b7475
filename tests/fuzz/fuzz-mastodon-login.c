/*
 * fuzz-mastodon-login.c -- what heed login, heed logout and heed doctor
 * read from a Mastodon instance (src/platform/mastodon-login.c,
 * mastodon-oauth.c, mastodon-doctor.c), through a host and a checker that
 * give the input's answer to every request. The input is an adapter input
 * (see fuzz.h) whose first line is login, loopback, logout, doctor, query
 * or error:
 *
 *	login		the whole login, the code pasted (@code, default
 *			CODE) and the app kept in the cache (@kept, none
 *			by default)
 *	loopback	the same, the browser coming back with @query
 *	logout		revoking the token with the app @kept
 *	doctor		the checks of the token
 *
 * and @account N picks the account's handle and url (see fuzz_account).
 *	query		the parameters state, code and error of the body
 *	error		an OAuth error answer
 *
 * A login that succeeds gives a token that can be sent in a header and a
 * message; one that fails says why in one clean line and gives nothing;
 * everything said to the person or reported is clean.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "platform/mastodon-private.h"
#include "platform/platforms.h"
#include "util.h"

/* The fake host and checker, answering from one input. */
struct fuzz_host {
	const struct fuzz_input	*in;
	int			 requests;
};

/* Answer a request with the input's answer, or not at all. */
static int
fuzz_send(void *arg, struct platform_request *req, long *status, char **body,
    char **cause)
{
	struct fuzz_host	*fh = arg;

	if (req->url == NULL || !fuzz_valid_utf8(req->url, strlen(req->url)))
		fuzz_fail("a request without a printable URL");
	fuzz_check("request url", req->url, FUZZ_LINE);
	fh->requests++;
	if (!fh->in->answered || fh->requests > 16) {
		*cause = xstrdup("could not reach the instance");
		return -1;
	}
	*status = fh->in->res.status;
	*body = xstrndup(fh->in->body != NULL ? fh->in->body : "",
	    fh->in->res.len);
	return 0;
}

/* The login reads no clock. */
static int64_t
fuzz_now(void *arg)
{
	(void)arg;
	fuzz_fail("the Mastodon login read the clock");
}

/* The login never waits. */
static void
fuzz_sleep(void *arg, int64_t secs)
{
	(void)arg;
	(void)secs;
	fuzz_fail("the Mastodon login slept");
}

/* What the login says must be clean text. */
static void
fuzz_say(void *arg, int trouble, const char *msg)
{
	(void)arg;
	(void)trouble;
	fuzz_check("said", msg, FUZZ_TEXT);
}

/* The person pastes @code. */
static char *
fuzz_ask(void *arg, const char *prompt, int secret)
{
	struct fuzz_host	*fh = arg;

	(void)prompt;
	(void)secret;
	return xstrdup(fuzz_param(fh->in, "code", "CODE"));
}

/* The cache keeps @kept under every name. */
static char *
fuzz_recall(void *arg, const char *key)
{
	struct fuzz_host	*fh = arg;
	const char		*kept = fuzz_param(fh->in, "kept", NULL);

	fuzz_check("cache key", key, FUZZ_LINE);
	return kept != NULL ? xstrdup(kept) : NULL;
}

/* What the login keeps must be a line of JSON, or nothing. */
static int
fuzz_remember(void *arg, const char *key, const char *value, char **cause)
{
	(void)arg;
	(void)cause;
	fuzz_check("cache key", key, FUZZ_LINE);
	fuzz_check("kept", value, FUZZ_LINE);
	return 0;
}

/* Listen on a port, for the loopback op. */
static int
fuzz_redirect_open(void *arg, int *port, char **cause)
{
	(void)arg;
	(void)cause;
	*port = 45678;
	return 0;
}

/* The browser comes back with @query. */
static int
fuzz_redirect_wait(void *arg, const char *path, int64_t secs, char **query,
    char **cause)
{
	struct fuzz_host	*fh = arg;

	(void)path;
	(void)secs;
	(void)cause;
	*query = xstrdup(fuzz_param(fh->in, "query", ""));
	return 0;
}

/* The page the browser is shown must be a clean line. */
static void
fuzz_redirect_answer(void *arg, const char *text)
{
	(void)arg;
	fuzz_check("browser page", text, FUZZ_LINE);
}

/*
 * The account: its handle and url come from the config, which checks
 * them, so @account N picks one of a few written as people write them.
 */
static struct platform_account
fuzz_account(const struct fuzz_input *in)
{
	static const char *const handles[] = {
		"@halcy@mastodon.social", "@shop", "", "Halcy",
		"@shop@other.example"
	};
	static const char *const urls[] = {
		"https://mastodon.social", "https://Mastodon.Social//",
		"http://127.0.0.1:3000", "https://mastodon.social/@shop", "",
		"mastodon.social"
	};
	struct platform_account	pa;
	int64_t			n = fuzz_param_int(in, "account", 0);

	if (n < 0)
		n = -(n + 1);
	memset(&pa, 0, sizeof pa);
	pa.id = 1;
	pa.name = "shop";
	pa.handle = handles[n % (int64_t)nitems(handles)];
	pa.base_url = urls[n / (int64_t)nitems(handles) %
	    (int64_t)nitems(urls)];
	pa.secret = "access-token";
	return pa;
}

/* Run a whole login (or a logout) against the input's answer. */
static void
fuzz_login(const struct fuzz_input *in, int loopback, int logout)
{
	struct fuzz_host	 fh = { in, 0 };
	struct platform_host	 h;
	struct platform_account	 pa = fuzz_account(in);
	struct platform_login	 pl;
	char			*cause = NULL;
	int			 rc;

	memset(&h, 0, sizeof h);
	h.arg = &fh;
	h.send = fuzz_send;
	h.now = fuzz_now;
	h.sleep = fuzz_sleep;
	h.say = fuzz_say;
	h.ask = fuzz_ask;
	h.recall = fuzz_recall;
	h.remember = fuzz_remember;
	if (loopback) {
		h.redirect_open = fuzz_redirect_open;
		h.redirect_wait = fuzz_redirect_wait;
		h.redirect_answer = fuzz_redirect_answer;
	}
	memset(&pl, 0, sizeof pl);
	if (logout)
		rc = mastodon_ops.logout(&pa, &h, &cause);
	else
		rc = mastodon_ops.login(&pa, NULL, 0, &h, &pl, &cause);
	if (rc == 0 && !logout && (!mastodon_valid_token(pl.secret) ||
	    pl.said == NULL))
		fuzz_fail("a login without a token to send, or without words");
	if (rc != 0 && (cause == NULL || pl.secret != NULL))
		fuzz_fail("a failed login without a cause, or with a token");
	fuzz_check("login said", pl.said, FUZZ_TEXT);
	fuzz_check("login cause", cause, FUZZ_LINE);
	platform_login_clear(&pl);
	free(cause);
}

/* Report a check of doctor's: clean lines. */
static void
fuzz_report(void *arg, enum platform_mark m, const char *fix, const char *msg)
{
	(void)arg;
	if (m > PLATFORM_MARK_WAIT)
		fuzz_fail("a report marked %d", (int)m);
	fuzz_check("report", msg, FUZZ_LINE);
	fuzz_check("report fix", fix, FUZZ_LINE);
}

/* Judge a check's answer as heed doctor does. */
static int
fuzz_check_send(void *arg, struct platform_request *req, const char *what,
    int quiet, long *status, char **body)
{
	char	*cause = NULL;

	fuzz_check("what", what, FUZZ_LINE);
	if (fuzz_send(arg, req, status, body, &cause) != 0) {
		free(cause);
		return -1;
	}
	if (*status >= 200 && *status <= 299)
		return 0;
	free(*body);
	*body = NULL;
	return quiet ? 1 : -1;
}

/* Run doctor's checks against the input's answer. */
static void
fuzz_doctor(const struct fuzz_input *in)
{
	struct fuzz_host	fh = { in, 0 };
	struct platform_account	pa = fuzz_account(in);
	struct platform_checker	ck;

	ck.arg = &fh;
	ck.relogin = "heed login shop";
	ck.report = fuzz_report;
	ck.send = fuzz_check_send;
	mastodon_ops.check(&pa, &ck);
}

/* Read a browser's query and an OAuth error answer. */
static void
fuzz_readers(const struct fuzz_input *in, int query)
{
	static const char *const names[] = { "state", "code", "error" };
	char	*v, *code, *said, *q;
	size_t	 i;

	if (query) {
		/* A query comes as a string, as heed's listener gives it. */
		q = xstrndup(in->body != NULL ? in->body : "", in->res.len);
		for (i = 0; i < nitems(names); i++) {
			v = mastodon_query_get(q, names[i]);
			if (v != NULL && strlen(v) > MASTODON_MAX_URL)
				fuzz_fail("a parameter longer than a URL");
			free(v);
		}
		free(q);
		return;
	}
	mastodon_oauth_error(&in->res, &code, &said);
	if (code != NULL && !mastodon_valid_token(code))
		fuzz_fail("an error name that is not a token");
	fuzz_check("oauth error", said, FUZZ_LINE);
	free(code);
	free(said);
}

/* Feed one input to the login, logout or doctor part it names. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input	in;

	fuzz_input_read(&in, data, size);
	if (strcmp(in.op, "login") == 0 || strcmp(in.op, "loopback") == 0)
		fuzz_login(&in, strcmp(in.op, "loopback") == 0, 0);
	else if (strcmp(in.op, "logout") == 0)
		fuzz_login(&in, 0, 1);
	else if (strcmp(in.op, "doctor") == 0)
		fuzz_doctor(&in);
	else
		fuzz_readers(&in, strcmp(in.op, "query") == 0);
	fuzz_input_free(&in);
	return 0;
}
