/*
 * test-mastodon-login.c -- heed login, heed logout and heed doctor for a
 * Mastodon account (mastodon-login.c, mastodon-doctor.c), through a fake
 * host that answers each request from a script and keeps what was sent,
 * said, asked and kept: the app registered once per instance and reused,
 * PKCE when the instance offers it and not otherwise, the code pasted or
 * brought back by the browser, a state that is not this login's refused,
 * the permissions narrowed to what the instance offers, refused and
 * hostile answers, revoking, and doctor's reports.
 *
 * The answers are the recorded samples of tests/data/mastodon and the
 * cases of tests/data/mastodon/login.cases.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json.h"
#include "platform.h"
#include "platform/mastodon-private.h"
#include "platform/platforms.h"
#include "util.h"

#include "lib/data.h"

#define BASE		"https://mastodon.social"
#define DISCOVERY	BASE "/.well-known/oauth-authorization-server"
#define APPS		BASE "/api/v1/apps"
#define TOKEN		BASE "/oauth/token"
#define REVOKE		BASE "/oauth/revoke"
#define VERIFY		BASE "/api/v1/accounts/verify_credentials"
#define APP_VERIFY	BASE "/api/v1/apps/verify_credentials"
#define INSTANCE	BASE "/api/v2/instance"
#define APP_KEY		"mastodon-app " BASE
/* The instance's address as someone may write it. */
#define MIXED		"https://Mastodon.Social"
/* The samples' app and token. */
#define CLIENT_ID	"dSqEHsXYueL3gn3LbghhdtDXqqa9es7Ydchk8qWmIA0"
#define CLIENT_SECRET	"nUEMHt2lM0OT2tPILQfrX10Wn9NAsH86FdIHwJmqCyg"
#define ACCESS		"qLFk5fQZHZfAWvjsVWMJZRH2K9coa_1JOCpbMwOlPbM"
#define ALL_SCOPES	"read%3Aaccounts%20read%3Anotifications%20" \
			"read%3Astatuses%20write%3Astatuses%20" \
			"write%3Afavourites%20write%3Amutes%20" \
			"write%3Ablocks%20write%3Areports"
#define REDIRECTS	"urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob%20" \
			"http%3A%2F%2F127.0.0.1%2Fcallback"
#define OOB_Q		"urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob"
#define PORT		45678
#define MAX_STEPS	12
#define MAX_KEPT	4

/* One request expected, and the answer the instance gives. */
struct step {
	const char	*method;
	const char	*url;
	long		 status;	/* -1: the instance is not reached */
	const char	*body;
};

/* How the fake host offers the loopback redirect. */
enum fake_redirect {
	REDIRECT_NONE,		/* no such operation */
	REDIRECT_DECLINED,	/* the person chose to paste a code */
	REDIRECT_LISTENS,	/* listens on PORT */
	REDIRECT_BROKEN		/* cannot listen */
};

/* The fake host: its script, and all it was sent, told and asked. */
struct fake {
	const struct step	*steps;
	size_t			 nsteps;
	size_t			 at;
	struct platform_request	 sent[MAX_STEPS];
	struct buf		 said;
	const char		*typed;		/* what the person pastes */
	int			 asked;
	char			*keys[MAX_KEPT];
	char			*values[MAX_KEPT];
	size_t			 nkept;
	int			 remember_fails;
	enum fake_redirect	 redirect;
	const char		*query;		/* {state}: this login's */
	char			*page;		/* what the browser was shown */
	char			*browsed;
	struct buf		 reports;	/* the checker's */
};

static struct data_cases	cases;
static char			*apps_sample, *token_sample, *verify_sample;

/* The payload of a case of login.cases. */
static const char *
body_of(const char *name)
{
	return data_case_body(&cases, name);
}

/* The status of a case of login.cases. */
static long
status_of(const char *name)
{
	return data_case_long(data_case_find(&cases, name), "status");
}

/* Read the samples and the cases once. */
static int
setup(void **state)
{
	(void)state;
	data_cases_read(&cases, "mastodon/login.cases");
	apps_sample = data_read("mastodon/apps_create_response.json", NULL);
	token_sample = data_read("mastodon/oauth_token_response.json", NULL);
	verify_sample = data_read("mastodon/"
	    "accounts_verify_credentials_mastodon_social.json", NULL);
	return 0;
}

/* Free them. */
static int
teardown(void **state)
{
	(void)state;
	data_cases_free(&cases);
	free(apps_sample);
	free(token_sample);
	free(verify_sample);
	return 0;
}

/* The account the tests log in to. */
static struct platform_account
account(const char *url, const char *handle)
{
	struct platform_account	pa;

	memset(&pa, 0, sizeof pa);
	pa.id = 1;
	pa.name = "shop";
	pa.handle = handle;
	pa.base_url = url;
	return pa;
}

/* Answer a request from the script, keeping a copy of it. */
static int
fake_send(void *arg, struct platform_request *req, long *status, char **body,
    char **cause)
{
	struct fake		*f = arg;
	const struct step	*s;
	struct platform_request	*c;

	if (f->at >= f->nsteps)
		fail_msg("unexpected request %s %s", req->method, req->url);
	s = &f->steps[f->at];
	if (strcmp(req->method, s->method) != 0 ||
	    strcmp(req->url, s->url) != 0)
		fail_msg("request %zu: %s %s, not %s %s", f->at, req->method,
		    req->url, s->method, s->url);
	c = &f->sent[f->at++];
	c->method = xstrdup(req->method);
	c->url = xstrdup(req->url);
	c->body = req->body != NULL ? xstrdup(req->body) : NULL;
	c->content_type = req->content_type != NULL ?
	    xstrdup(req->content_type) : NULL;
	c->authorization = req->authorization != NULL ?
	    xstrdup(req->authorization) : NULL;
	platform_request_clear(req);
	if (s->status == -1) {
		*cause = xstrdup("could not reach mastodon.social: Could not "
		    "resolve host");
		return -1;
	}
	*status = s->status;
	*body = xstrdup(s->body);
	return 0;
}

/* The clock of a login; the Mastodon login never waits. */
static int64_t
fake_now(void *arg)
{
	(void)arg;
	return 1785592219;
}

/* No login of Mastodon's sleeps. */
static void
fake_sleep(void *arg, int64_t secs)
{
	(void)arg;
	(void)secs;
	fail_msg("the login slept");
}

/* Keep what is said; trouble starts with "!". */
static void
fake_say(void *arg, int trouble, const char *msg)
{
	struct fake	*f = arg;

	buf_printf(&f->said, "%s%s", trouble ? "!" : "", msg);
}

/* The person pastes what the test says. */
static char *
fake_ask(void *arg, const char *prompt, int secret)
{
	struct fake	*f = arg;

	assert_string_equal(prompt, "Authorization code: ");
	assert_int_equal(secret, 0);
	f->asked++;
	if (f->typed == NULL)
		fail_msg("the person was asked for a code");
	return xstrdup(f->typed);
}

/* What the fake cache keeps under a name; a new string, or NULL. */
static char *
fake_recall(void *arg, const char *key)
{
	struct fake	*f = arg;
	size_t		 i;

	for (i = 0; i < f->nkept; i++) {
		if (strcmp(f->keys[i], key) == 0)
			return f->values[i] != NULL ? xstrdup(f->values[i]) :
			    NULL;
	}
	return NULL;
}

/* Keep a value (or forget it) in the fake cache. */
static int
fake_remember(void *arg, const char *key, const char *value, char **cause)
{
	struct fake	*f = arg;
	size_t		 i;

	if (f->remember_fails)
		return util_fail(cause, "the cache is read-only");
	for (i = 0; i < f->nkept && strcmp(f->keys[i], key) != 0; i++)
		;
	if (i == f->nkept) {
		assert_true(f->nkept < MAX_KEPT);
		f->keys[f->nkept++] = xstrdup(key);
	} else
		free(f->values[i]);
	f->values[i] = value != NULL ? xstrdup(value) : NULL;
	return 0;
}

/* Listen, or not, as the test says. */
static int
fake_redirect_open(void *arg, int *port, char **cause)
{
	struct fake	*f = arg;

	switch (f->redirect) {
	case REDIRECT_LISTENS:
		*port = PORT;
		return 0;
	case REDIRECT_BROKEN:
		return util_fail(cause, "cannot listen on 127.0.0.1: Address "
		    "family not supported");
	default:
		return 1;
	}
}

/* The value of a parameter of the authorization's address, said. */
static char *
said_param(const struct fake *f, const char *name)
{
	const char	*url, *p;
	char		*want;
	size_t		 n;

	assert_non_null(f->said.data);
	url = strstr(f->said.data, BASE "/oauth/authorize?");
	assert_non_null(url);
	want = xprintf("%s=", name);
	p = strstr(url, want);
	free(want);
	if (p == NULL || p > url + strcspn(url, "\n"))
		return NULL;
	p += strlen(name) + 1;
	n = strcspn(p, "&\n");
	return xstrndup(p, n);
}

/* The browser comes back with the test's query, {state} filled in. */
static int
fake_redirect_wait(void *arg, const char *path, int64_t secs, char **query,
    char **cause)
{
	struct fake	*f = arg;
	const char	*mark;
	char		*state;

	assert_string_equal(path, "/callback");
	assert_true(secs >= 60);
	if (f->query == NULL)
		return util_fail(cause, "no answer came from the browser "
		    "within 10 minutes");
	if ((mark = strstr(f->query, "{state}")) == NULL) {
		*query = xstrdup(f->query);
		return 0;
	}
	state = said_param(f, "state");
	*query = xprintf("%.*s%s%s", (int)(mark - f->query), f->query, state,
	    mark + 7);
	free(state);
	return 0;
}

/* Keep the page the browser is shown. */
static void
fake_redirect_answer(void *arg, const char *text)
{
	struct fake	*f = arg;

	assert_null(f->page);
	f->page = xstrdup(text);
}

/* Keep the address the browser is opened at. */
static void
fake_browse(void *arg, const char *url)
{
	struct fake	*f = arg;

	free(f->browsed);
	f->browsed = xstrdup(url);
}

/* Make the host for a fake. */
static struct platform_host
host_of(struct fake *f)
{
	struct platform_host	h;

	memset(&h, 0, sizeof h);
	h.arg = f;
	h.send = fake_send;
	h.now = fake_now;
	h.sleep = fake_sleep;
	h.say = fake_say;
	h.ask = fake_ask;
	h.recall = fake_recall;
	h.remember = fake_remember;
	if (f->redirect != REDIRECT_NONE) {
		h.redirect_open = fake_redirect_open;
		h.redirect_wait = fake_redirect_wait;
		h.redirect_answer = fake_redirect_answer;
	}
	return h;
}

/* Start a script, keeping the fake's cache. */
static void
script(struct fake *f, const struct step *steps, size_t n)
{
	size_t	i;

	for (i = 0; i < f->at; i++)
		platform_request_clear(&f->sent[i]);
	buf_free(&f->said);
	buf_init(&f->said, 0);
	free(f->page);
	f->page = NULL;
	f->steps = steps;
	f->nsteps = n;
	f->at = 0;
	f->asked = 0;
}

/* Free all a fake holds. */
static void
fake_free(struct fake *f)
{
	size_t	i;

	script(f, NULL, 0);
	buf_free(&f->said);
	buf_free(&f->reports);
	for (i = 0; i < f->nkept; i++) {
		free(f->keys[i]);
		free(f->values[i]);
	}
	free(f->browsed);
	memset(f, 0, sizeof *f);
}

/* Return 1 if a form body has the field "name=value" (as encoded). */
static int
form_has(const char *body, const char *field)
{
	size_t		 n = strlen(field);
	const char	*p;

	for (p = body; p != NULL && (p = strstr(p, field)) != NULL; p += n) {
		if ((p == body || p[-1] == '&') && (p[n] == '&' ||
		    p[n] == '\0'))
			return 1;
	}
	return 0;
}

/* Return 1 if a message has no control character (one line, or any). */
static int
clean(const char *s, int lines)
{
	for (; s != NULL && *s != '\0'; s++) {
		if ((unsigned char)*s < ' ' && !(lines && *s == '\n'))
			return 0;
		if (*s == 0x7f)
			return 0;
	}
	return 1;
}

/* Log in; the result, the login and the cause checked for cleanliness. */
static int
login(struct fake *f, const struct platform_account *pa,
    struct platform_login *pl, char **cause)
{
	struct platform_host	h = host_of(f);
	int			rc;

	*cause = NULL;
	rc = mastodon_ops.login(pa, NULL, 0, &h, pl, cause);
	if (rc == 0) {
		assert_null(*cause);
		assert_non_null(pl->secret);
	} else {
		assert_null(pl->secret);
		assert_null(pl->said);
		assert_non_null(*cause);
		assert_true(clean(*cause, 0));
	}
	assert_true(clean(f->said.data, 1));
	assert_int_equal(f->at, f->nsteps);
	return rc;
}

/* The challenge of RFC 7636's appendix B, from its verifier. */
static void
test_pkce_challenge_of_rfc_7636(void **state)
{
	char	*c;

	(void)state;
	c = mastodon_pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gF"
	    "WFOEjXk", NULL);
	assert_string_equal(c, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
	free(c);
}

/*
 * The first login registers heed on the instance and keeps the app; the
 * code is pasted; PKCE is used, its challenge that of the verifier sent.
 */
static void
first_login(struct fake *f)
{
	const struct step steps[] = {
		{ "GET", DISCOVERY, 200, body_of("the OAuth description of a "
		    "Mastodon 4.3 instance") },
		{ "POST", APPS, 200, apps_sample },
		{ "POST", TOKEN, 200, token_sample },
		{ "GET", VERIFY, 200, verify_sample },
	};
	struct platform_account	 pa = account(BASE "/",
				     "@halcy@mastodon.social");
	struct platform_login	 pl;
	char			*cause, *challenge, *verifier, *want, *v;

	script(f, steps, nitems(steps));
	f->typed = "  CODE-123_x  ";
	assert_int_equal(login(f, &pa, &pl, &cause), 0);
	assert_string_equal(pl.secret, ACCESS);
	assert_string_equal(pl.said, "Logged in to Mastodon as @halcy on "
	    "mastodon.social. The access token is in the system keyring "
	    "(heed logout shop revokes it).\n");
	assert_int_equal(f->asked, 1);
	/* No token goes to the discovery nor the registration. */
	assert_null(f->sent[0].authorization);
	assert_null(f->sent[1].authorization);
	assert_string_equal(f->sent[1].content_type,
	    "application/x-www-form-urlencoded");
	assert_string_equal(f->sent[1].body, "client_name=heed&redirect_uris="
	    REDIRECTS "&scopes=" ALL_SCOPES);
	/* The authorization: said, with the code to paste. */
	assert_non_null(strstr(f->said.data, "\n  " BASE "/oauth/authorize?"
	    "response_type=code&client_id=" CLIENT_ID "&redirect_uri=" OOB_Q
	    "&scope=" ALL_SCOPES "&state="));
	assert_non_null(strstr(f->said.data, "Choose \"Authorize\""));
	assert_non_null(strstr(f->said.data, "then shows an authorization "
	    "code: copy it, and paste it here."));
	v = said_param(f, "code_challenge_method");
	assert_string_equal(v, "S256");
	free(v);
	v = said_param(f, "state");
	assert_true(strlen(v) >= 22);
	free(v);
	/* The exchange: the code as pasted, the verifier of the challenge. */
	assert_true(form_has(f->sent[2].body, "grant_type=authorization_code"));
	assert_true(form_has(f->sent[2].body, "code=CODE-123_x"));
	assert_true(form_has(f->sent[2].body, "client_id=" CLIENT_ID));
	assert_true(form_has(f->sent[2].body, "client_secret=" CLIENT_SECRET));
	assert_true(form_has(f->sent[2].body, "redirect_uri=" OOB_Q));
	verifier = strstr(f->sent[2].body, "code_verifier=");
	assert_non_null(verifier);
	verifier = xstrndup(verifier + 14, strcspn(verifier + 14, "&"));
	assert_true(strlen(verifier) >= 43 && strlen(verifier) <= 128);
	challenge = mastodon_pkce_challenge(verifier, NULL);
	want = said_param(f, "code_challenge");
	assert_string_equal(challenge, want);
	free(want);
	free(challenge);
	free(verifier);
	/* The token checked is the one given. */
	assert_string_equal(f->sent[3].authorization, "Bearer " ACCESS);
	/* The app is kept for the instance. */
	assert_int_equal(f->nkept, 1);
	assert_string_equal(f->keys[0], APP_KEY);
	assert_non_null(strstr(f->values[0], "\"client_id\":\"" CLIENT_ID
	    "\""));
	assert_non_null(strstr(f->values[0], "\"client_secret\":\""
	    CLIENT_SECRET "\""));
	platform_login_clear(&pl);
}

/*
 * A second login on the instance asks after the kept app, and uses it,
 * however the address is written.
 */
static void
second_login(struct fake *f)
{
	const struct step steps[] = {
		{ "GET", MIXED "/.well-known/oauth-authorization-server", 200,
		    body_of("the OAuth description of a Mastodon 4.3 "
		    "instance") },
		{ "POST", MIXED "/oauth/token", 400, body_of("the kept app is "
		    "known (a code that cannot be valid is refused)") },
		{ "POST", MIXED "/oauth/token", 200, token_sample },
		{ "GET", MIXED "/api/v1/accounts/verify_credentials", 200,
		    verify_sample },
	};
	struct platform_account	 pa = account(MIXED "//", NULL);
	struct platform_login	 pl;
	char			*cause;

	script(f, steps, nitems(steps));
	f->typed = "CODE-456";
	assert_int_equal(login(f, &pa, &pl, &cause), 0);
	assert_true(form_has(f->sent[1].body, "client_id=" CLIENT_ID));
	assert_true(form_has(f->sent[1].body, "code=heed-checks-its-app"));
	assert_true(form_has(f->sent[2].body, "code=CODE-456"));
	assert_true(form_has(f->sent[2].body, "client_secret=" CLIENT_SECRET));
	assert_null(strstr(f->said.data, "registering"));
	assert_int_equal(f->nkept, 1);
	platform_login_clear(&pl);
}

/* heed registers once per instance; another instance has its own app. */
static void
test_login_registers_once_per_instance(void **state)
{
	const struct step other[] = {
		{ "GET", "https://fosstodon.org/.well-known/"
		    "oauth-authorization-server", 404, "{}" },
		{ "POST", "https://fosstodon.org/api/v1/apps", 200,
		    apps_sample },
		{ "POST", "https://fosstodon.org/oauth/token", 200,
		    token_sample },
		{ "GET", "https://fosstodon.org/api/v1/accounts/"
		    "verify_credentials", 200, verify_sample },
	};
	struct platform_account	 pa = account("https://fosstodon.org", "");
	struct platform_login	 pl;
	struct fake		 f;
	char			*cause;

	(void)state;
	memset(&f, 0, sizeof f);
	first_login(&f);
	second_login(&f);
	script(&f, other, nitems(other));
	f.typed = "CODE";
	assert_int_equal(login(&f, &pa, &pl, &cause), 0);
	assert_int_equal(f.nkept, 2);
	assert_string_equal(f.keys[1], "mastodon-app https://fosstodon.org");
	platform_login_clear(&pl);
	fake_free(&f);
}

/* A kept app the instance no longer knows is registered again. */
static void
test_login_registers_again_when_the_app_is_refused(void **state)
{
	const struct step steps[] = {
		{ "GET", DISCOVERY, 404, "{}" },
		{ "POST", TOKEN, 401, body_of("the kept app is unknown") },
		{ "POST", APPS, 200, apps_sample },
		{ "POST", TOKEN, 200, token_sample },
		{ "GET", VERIFY, 200, verify_sample },
	};
	struct platform_account	 pa = account(BASE, "halcy");
	struct platform_login	 pl;
	struct fake		 f;
	char			*cause;

	(void)state;
	memset(&f, 0, sizeof f);
	f.nkept = 1;
	f.keys[0] = xstrdup(APP_KEY);
	f.values[0] = xstrdup("{\"client_id\":\"old\",\"client_secret\":"
	    "\"gone\",\"scopes\":\"read:accounts read:notifications "
	    "read:statuses write:statuses write:favourites write:mutes "
	    "write:blocks write:reports\",\"redirect_uris\":"
	    "\"urn:ietf:wg:oauth:2.0:oob http://127.0.0.1/callback\"}");
	script(&f, steps, nitems(steps));
	f.typed = "CODE";
	assert_int_equal(login(&f, &pa, &pl, &cause), 0);
	assert_true(form_has(f.sent[1].body, "client_id=old"));
	assert_non_null(strstr(f.said.data, "(mastodon.social no longer knows "
	    "the app heed registered there; registering it again.)"));
	assert_non_null(strstr(f.values[0], CLIENT_ID));
	platform_login_clear(&pl);

	/* A kept app registered with fewer permissions is not used. */
	free(f.values[0]);
	f.values[0] = xstrdup("{\"client_id\":\"old\",\"client_secret\":"
	    "\"gone\",\"scopes\":\"read:accounts\",\"redirect_uris\":"
	    "\"urn:ietf:wg:oauth:2.0:oob http://127.0.0.1/callback\"}");
	script(&f, (const struct step[]){ steps[0], steps[2], steps[3],
	    steps[4] }, 4);
	assert_int_equal(login(&f, &pa, &pl, &cause), 0);
	assert_true(form_has(f.sent[1].body, "scopes=" ALL_SCOPES));
	platform_login_clear(&pl);
	fake_free(&f);
}

/* Without the instance's description (before 4.3): no PKCE. */
static void
test_login_without_discovery_has_no_pkce(void **state)
{
	const struct step steps[] = {
		{ "GET", DISCOVERY, 404, body_of("no OAuth description: an "
		    "instance older than 4.3") },
		{ "POST", APPS, 200, apps_sample },
		{ "POST", TOKEN, 200, token_sample },
		{ "GET", VERIFY, 200, verify_sample },
	};
	const char *const unreadable[] = {
		"an OAuth description that is not JSON",
		"an OAuth description without reports or blocks, and without "
		    "PKCE",
	};
	struct platform_account	 pa = account(BASE, "");
	struct platform_login	 pl;
	struct fake		 f;
	struct step		 s[nitems(steps)];
	char			*cause, *v;
	size_t			 i;

	(void)state;
	memset(&f, 0, sizeof f);
	script(&f, steps, nitems(steps));
	f.typed = "CODE";
	assert_int_equal(login(&f, &pa, &pl, &cause), 0);
	assert_null(said_param(&f, "code_challenge"));
	assert_null(strstr(f.sent[2].body, "code_verifier"));
	assert_true(form_has(f.sent[1].body, "scopes=" ALL_SCOPES));
	v = said_param(&f, "scope");
	assert_string_equal(v, ALL_SCOPES);
	free(v);
	platform_login_clear(&pl);
	fake_free(&f);

	/* A description that cannot be read, or offers no S256: the same. */
	for (i = 0; i < nitems(unreadable); i++) {
		memcpy(s, steps, sizeof s);
		s[0].status = 200;
		s[0].body = body_of(unreadable[i]);
		memset(&f, 0, sizeof f);
		script(&f, s, nitems(s));
		f.typed = "CODE";
		assert_int_equal(login(&f, &pa, &pl, &cause), 0);
		assert_null(said_param(&f, "code_challenge"));
		assert_null(strstr(f.sent[2].body, "code_verifier"));
		platform_login_clear(&pl);
		fake_free(&f);
	}
}

/* Only the permissions the instance offers are asked for, and it is said. */
static void
test_login_narrows_the_permissions(void **state)
{
	const struct step steps[] = {
		{ "GET", DISCOVERY, 200, body_of("an OAuth description without "
		    "reports or blocks, and without PKCE") },
		{ "POST", APPS, 200, apps_sample },
		{ "POST", TOKEN, 200, token_sample },
		{ "GET", VERIFY, 200, verify_sample },
	};
	struct platform_account	 pa = account(BASE, "");
	struct platform_login	 pl;
	struct fake		 f;
	char			*cause, *v;

	(void)state;
	memset(&f, 0, sizeof f);
	script(&f, steps, nitems(steps));
	f.typed = "CODE";
	assert_int_equal(login(&f, &pa, &pl, &cause), 0);
	assert_string_equal(f.sent[1].body, "client_name=heed&redirect_uris="
	    REDIRECTS "&scopes=read%3Aaccounts%20read%3Anotifications%20"
	    "read%3Astatuses%20write%3Astatuses%20write%3Afavourites%20"
	    "write%3Amutes");
	v = said_param(&f, "scope");
	assert_string_equal(v, "read%3Aaccounts%20read%3Anotifications%20"
	    "read%3Astatuses%20write%3Astatuses%20write%3Afavourites%20"
	    "write%3Amutes");
	free(v);
	assert_non_null(strstr(f.said.data, "(mastodon.social does not offer "
	    "the permission write:blocks, to block an account: heed does not "
	    "ask for it.)\n"));
	assert_non_null(strstr(f.said.data, "the permission write:reports, to "
	    "report to the instance's moderators"));
	/* Without blocks, the browser's list is not said to have them. */
	assert_null(strstr(f.said.data, "mute, block"));
	platform_login_clear(&pl);
	fake_free(&f);
}

/* The steps of a loopback login up to the browser's return. */
static void
loopback_steps(struct step *s)
{
	s[0] = (struct step){ "GET", DISCOVERY, 200, body_of("the OAuth "
	    "description of a Mastodon 4.3 instance") };
	s[1] = (struct step){ "POST", APPS, 200, apps_sample };
	s[2] = (struct step){ "POST", TOKEN, 200, token_sample };
	s[3] = (struct step){ "GET", VERIFY, 200, verify_sample };
}

/* The browser comes back to heed on 127.0.0.1 with the code. */
static void
test_login_loopback_takes_the_code(void **state)
{
	struct platform_account	 pa = account(BASE, "@halcy");
	struct platform_host	 h;
	struct platform_login	 pl;
	struct step		 s[4];
	struct fake		 f;
	char			*cause, *v;

	(void)state;
	loopback_steps(s);
	memset(&f, 0, sizeof f);
	f.redirect = REDIRECT_LISTENS;
	f.query = "code=LOOP%2DCODE&state={state}";
	script(&f, s, 4);
	h = host_of(&f);
	h.browse = fake_browse;
	cause = NULL;
	assert_int_equal(mastodon_ops.login(&pa, NULL, 0, &h, &pl, &cause), 0);
	assert_int_equal(f.asked, 0);
	v = said_param(&f, "redirect_uri");
	assert_string_equal(v, "http%3A%2F%2F127.0.0.1%3A45678%2Fcallback");
	free(v);
	assert_true(form_has(f.sent[2].body, "code=LOOP-CODE"));
	assert_true(form_has(f.sent[2].body, "redirect_uri=http%3A%2F%2F"
	    "127.0.0.1%3A45678%2Fcallback"));
	assert_string_equal(f.page, "heed is logged in to mastodon.social as "
	    "@halcy; you may close this tab.");
	assert_non_null(strstr(f.said.data, "comes back to heed by itself"));
	assert_non_null(strstr(f.said.data, "heed login --paste shop"));
	/* Opened only because the person asked: the address said. */
	assert_non_null(f.browsed);
	assert_non_null(strstr(f.said.data, f.browsed));
	platform_login_clear(&pl);
	fake_free(&f);

	/* A person who chose to paste, or a host that cannot listen. */
	memset(&f, 0, sizeof f);
	f.redirect = REDIRECT_BROKEN;
	f.typed = "CODE";
	script(&f, s, 4);
	assert_int_equal(login(&f, &pa, &pl, &cause), 0);
	assert_int_equal(f.asked, 1);
	assert_null(f.page);
	assert_non_null(strstr(f.said.data, "!(heed cannot wait for the "
	    "browser here: cannot listen on 127.0.0.1: Address family not "
	    "supported; you paste a code instead.)"));
	assert_true(form_has(f.sent[2].body, "redirect_uri=" OOB_Q));
	platform_login_clear(&pl);
	fake_free(&f);
	memset(&f, 0, sizeof f);
	f.redirect = REDIRECT_DECLINED;
	f.typed = "https://mastodon.social/oauth/authorize/native?code=PASTED";
	script(&f, s, 4);
	assert_int_equal(login(&f, &pa, &pl, &cause), 0);
	assert_true(form_has(f.sent[2].body, "code=PASTED"));
	platform_login_clear(&pl);
	fake_free(&f);
}

/*
 * A browser that comes back with another login's state, an error, no
 * code, or not at all: nothing is exchanged, and the browser is told.
 */
static void
test_login_loopback_refuses_a_foreign_state(void **state)
{
	static const struct {
		const char	*query;
		const char	*cause;
	} cases_[] = {
		{ "code=STOLEN&state=another-login", "the browser came back "
		    "with an answer that is not this login's (its state does "
		    "not match), so heed refused it" },
		{ "code=STOLEN", "not this login's" },
		{ "code=STOLEN&state={state}x", "not this login's" },
		{ "error=access_denied&error_description=The+resource+owner"
		    "&state={state}", "the authorization was declined on "
		    "mastodon.social" },
		{ "error=server_error&error_description=Bad%1B%5B31m+thing"
		    "&state={state}", "mastodon.social did not authorize heed: "
		    "Bad thing" },
		{ "state={state}", "the browser came back without a code" },
		{ "code=a%20b&state={state}", "without a code" },
		{ NULL, "no answer came from the browser within 10 minutes" },
	};
	struct platform_account	 pa = account(BASE, "");
	struct platform_login	 pl;
	struct step		 s[4];
	struct fake		 f;
	char			*cause;
	size_t			 i;

	(void)state;
	loopback_steps(s);
	for (i = 0; i < nitems(cases_); i++) {
		memset(&f, 0, sizeof f);
		f.redirect = REDIRECT_LISTENS;
		f.query = cases_[i].query;
		script(&f, s, 2);
		assert_int_equal(login(&f, &pa, &pl, &cause), -1);
		if (strstr(cause, cases_[i].cause) == NULL)
			fail_msg("%s: %s", cases_[i].query, cause);
		assert_non_null(f.page);
		assert_true(strncmp(f.page, "heed could not log in: ", 23) ==
		    0);
		free(cause);
		fake_free(&f);
	}
}

/* The exchange's refusals and hostile answers: said, nothing kept. */
static void
test_login_token_errors_and_hostile_answers(void **state)
{
	struct platform_account	 pa = account(BASE, "");
	struct platform_login	 pl;
	const struct data_case	*c;
	struct step		 s[3];
	struct fake		 f;
	char			*cause;
	size_t			 i, n = 0;

	(void)state;
	for (i = 0; i < cases.n; i++) {
		c = &cases.v[i];
		if (data_case_str(c, "says") == NULL)
			continue;
		n++;
		s[0] = (struct step){ "GET", DISCOVERY, 404, "{}" };
		s[1] = (struct step){ "POST", APPS, 200, apps_sample };
		s[2] = (struct step){ "POST", TOKEN, data_case_long(c,
		    "status"), c->body };
		memset(&f, 0, sizeof f);
		script(&f, s, 3);
		f.typed = "CODE";
		if (login(&f, &pa, &pl, &cause) != -1)
			fail_msg("%s: logged in", data_case_where(c));
		if (strstr(cause, data_case_str(c, "says")) == NULL)
			fail_msg("%s: %s", data_case_where(c), cause);
		free(cause);
		fake_free(&f);
	}
	assert_true(n >= 10);
}

/* The refusals of the app by the exchange: a refused code, a lost app. */
static void
test_login_token_refusals(void **state)
{
	const struct step steps[] = {
		{ "GET", DISCOVERY, 404, "{}" },
		{ "POST", APPS, 200, apps_sample },
		{ "POST", TOKEN, 401, body_of("the kept app is unknown") },
	};
	struct platform_account	 pa = account(BASE, "");
	struct platform_login	 pl;
	struct fake		 f;
	char			*cause, *big;

	(void)state;
	memset(&f, 0, sizeof f);
	script(&f, steps, nitems(steps));
	f.typed = "CODE";
	assert_int_equal(login(&f, &pa, &pl, &cause), -1);
	assert_string_equal(cause, "mastodon.social no longer knows heed's app "
	    "(Client authentication failed due to unknown client, no client "
	    "authentication included, or unsupported authentication method.); "
	    "the next login registers it again");
	free(cause);
	/* Forgotten: the next login registers again. */
	assert_null(fake_recall(&f, APP_KEY));
	fake_free(&f);

	/* A token too long to send again, and an answer too big to read. */
	big = xmalloc(MASTODON_MAX_TOKEN + 64);
	snprintf(big, MASTODON_MAX_TOKEN + 64, "{\"access_token\":\"%0*d\"}",
	    MASTODON_MAX_TOKEN + 1, 7);
	memset(&f, 0, sizeof f);
	script(&f, (const struct step[]){ steps[0], steps[1], { "POST", TOKEN,
	    200, big } }, 3);
	f.typed = "CODE";
	assert_int_equal(login(&f, &pa, &pl, &cause), -1);
	assert_string_equal(cause, "mastodon.social gave no usable access "
	    "token");
	free(cause);
	fake_free(&f);
	free(big);
	big = xmalloc(MASTODON_MAX_RESPONSE + 64);
	memset(big, ' ', MASTODON_MAX_RESPONSE + 63);
	big[MASTODON_MAX_RESPONSE + 63] = '\0';
	big[0] = '{';
	big[MASTODON_MAX_RESPONSE + 62] = '}';
	memset(&f, 0, sizeof f);
	script(&f, (const struct step[]){ steps[0], steps[1], { "POST", TOKEN,
	    200, big } }, 3);
	f.typed = "CODE";
	assert_int_equal(login(&f, &pa, &pl, &cause), -1);
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	fake_free(&f);
	free(big);
}

/* Registrations refused or unusable: said, nothing kept, nothing asked. */
static void
test_login_registration_refusals(void **state)
{
	static const struct {
		const char	*name;
		const char	*cause;
	} cases_[] = {
		{ "a registration refused", "mastodon.social refused to "
		    "register heed: Validation failed: Redirect URI must be an "
		    "absolute URI." },
		{ "a registration without a client secret", "mastodon.social "
		    "registered heed but gave no usable client id and secret" },
		{ "a registration whose client id has a line end in it",
		    "gave no usable client id" },
	};
	struct platform_account	 pa = account(BASE, "");
	struct platform_login	 pl;
	struct step		 s[2];
	struct fake		 f;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases_); i++) {
		s[0] = (struct step){ "GET", DISCOVERY, 404, "{}" };
		s[1] = (struct step){ "POST", APPS,
		    status_of(cases_[i].name), body_of(cases_[i].name) };
		memset(&f, 0, sizeof f);
		script(&f, s, 2);
		assert_int_equal(login(&f, &pa, &pl, &cause), -1);
		assert_non_null(strstr(cause, cases_[i].cause));
		assert_int_equal(f.nkept, 0);
		assert_int_equal(f.asked, 0);
		free(cause);
		fake_free(&f);
	}
	/* An instance not reached: the host's words. */
	memset(&f, 0, sizeof f);
	script(&f, (const struct step[]){ { "GET", DISCOVERY, -1, NULL } }, 1);
	assert_int_equal(login(&f, &pa, &pl, &cause), -1);
	assert_string_equal(cause, "could not reach mastodon.social: Could not "
	    "resolve host");
	free(cause);
	fake_free(&f);
	/* A cache that keeps nothing: the login goes on, and says so. */
	memset(&f, 0, sizeof f);
	f.remember_fails = 1;
	f.typed = "CODE";
	script(&f, (const struct step[]){ { "GET", DISCOVERY, 404, "{}" },
	    { "POST", APPS, 200, apps_sample }, { "POST", TOKEN, 200,
	    token_sample }, { "GET", VERIFY, 200, verify_sample } }, 4);
	assert_int_equal(login(&f, &pa, &pl, &cause), 0);
	assert_non_null(strstr(f.said.data, "!(heed's app could not be kept in "
	    "the cache: the cache is read-only; the next login registers it "
	    "again.)"));
	platform_login_clear(&pl);
	fake_free(&f);
}

/*
 * A token that is another account's than the config names, or whose
 * owner cannot be read, is revoked, and nothing is kept.
 */
static void
test_login_revokes_a_token_it_does_not_keep(void **state)
{
	struct platform_account	 pa = account(BASE, "@shop@mastodon.social");
	struct platform_login	 pl;
	struct step		 s[5];
	struct fake		 f;
	char			*cause;

	(void)state;
	s[0] = (struct step){ "GET", DISCOVERY, 404, "{}" };
	s[1] = (struct step){ "POST", APPS, 200, apps_sample };
	s[2] = (struct step){ "POST", TOKEN, 200, token_sample };
	s[3] = (struct step){ "GET", VERIFY, 200, verify_sample };
	s[4] = (struct step){ "POST", REVOKE, 200, body_of("a revoked "
	    "token") };
	memset(&f, 0, sizeof f);
	f.typed = "CODE";
	script(&f, s, 5);
	assert_int_equal(login(&f, &pa, &pl, &cause), -1);
	assert_string_equal(cause, "mastodon.social authorized @halcy, but "
	    "[account shop] is for @shop@mastodon.social: log out of "
	    "mastodon.social in the browser (or switch accounts there), log "
	    "in as @shop@mastodon.social, and run heed login shop again; or "
	    "correct handle in the config");
	free(cause);
	assert_string_equal(f.sent[4].body, "client_id=" CLIENT_ID
	    "&client_secret=" CLIENT_SECRET "&token=" ACCESS);
	assert_null(f.sent[4].authorization);
	fake_free(&f);

	pa.handle = "";
	s[3].body = body_of("an account without its acct");
	memset(&f, 0, sizeof f);
	f.typed = "CODE";
	script(&f, s, 5);
	assert_int_equal(login(&f, &pa, &pl, &cause), -1);
	assert_string_equal(cause, "Mastodon: malformed response: no account");
	free(cause);
	assert_true(form_has(f.sent[4].body, "token=" ACCESS));
	fake_free(&f);
}

/* An account's url must be the instance's address: said before asking. */
static void
test_login_wants_the_instance_address(void **state)
{
	static const struct {
		const char	*url;
		const char	*cause;
	} cases_[] = {
		{ "https://mastodon.social/@shop", "url in [account shop] is "
		    "https://mastodon.social/@shop, a profile's address: heed "
		    "needs the instance's address alone, "
		    "https://mastodon.social" },
		{ "https://mastodon.social/about", "an address with a path" },
		{ "mastodon.social", "url in [account shop] must be the "
		    "instance's address, starting with https:// (like "
		    "https://mastodon.social)" },
		{ "http://mastodon.social", "starting with https://" },
		{ "http://127.0.0.1.example.com", "starting with https://" },
		{ "https://shop@mastodon.social", "not an instance's address" },
		{ "", "[account shop] has no url" },
	};
	struct platform_account	 pa;
	struct platform_login	 pl;
	struct fake		 f;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases_); i++) {
		pa = account(cases_[i].url, "");
		memset(&f, 0, sizeof f);
		script(&f, NULL, 0);
		assert_int_equal(login(&f, &pa, &pl, &cause), -1);
		if (strstr(cause, cases_[i].cause) == NULL)
			fail_msg("%s: %s", cases_[i].url, cause);
		free(cause);
		fake_free(&f);
	}
	/* A test instance on this computer may speak plain HTTP. */
	pa = account("http://127.0.0.1:3000", "");
	memset(&f, 0, sizeof f);
	script(&f, (const struct step[]){ { "GET", "http://127.0.0.1:3000/"
	    ".well-known/oauth-authorization-server", -1, NULL } }, 1);
	assert_int_equal(login(&f, &pa, &pl, &cause), -1);
	free(cause);
	fake_free(&f);
}

/* Log out through the fake host. */
static int
logout(struct fake *f, const char *token, char **cause)
{
	struct platform_account	pa = account(BASE, "");
	struct platform_host	h = host_of(f);
	int			rc;

	pa.secret = token;
	*cause = NULL;
	rc = mastodon_ops.logout(&pa, &h, cause);
	assert_int_equal(f->at, f->nsteps);
	if (rc == 0)
		assert_null(*cause);
	else
		assert_true(clean(*cause, 0));
	return rc;
}

/* heed logout revokes the token with the kept app, or says how to. */
static void
test_logout_revokes_the_token(void **state)
{
	struct fake	 f;
	char		*cause;

	(void)state;
	memset(&f, 0, sizeof f);
	first_login(&f);
	script(&f, (const struct step[]){ { "POST", REVOKE, 200,
	    body_of("a revoked token") } }, 1);
	assert_int_equal(logout(&f, ACCESS, &cause), 0);
	assert_string_equal(f.sent[0].body, "client_id=" CLIENT_ID
	    "&client_secret=" CLIENT_SECRET "&token=" ACCESS);
	assert_string_equal(f.sent[0].content_type,
	    "application/x-www-form-urlencoded");

	/* Refused: the instance's words, and how to revoke it by hand. */
	script(&f, (const struct step[]){ { "POST", REVOKE, 403,
	    body_of("a revoke refused") } }, 1);
	assert_int_equal(logout(&f, ACCESS, &cause), -1);
	assert_string_equal(cause, "the token could not be revoked on "
	    "mastodon.social (You are not authorized to revoke this token). "
	    "To revoke it yourself, open https://mastodon.social/oauth/"
	    "authorized_applications (Preferences > Account > Authorized "
	    "apps) and revoke heed");
	free(cause);
	/* Not reached. */
	script(&f, (const struct step[]){ { "POST", REVOKE, -1, NULL } }, 1);
	assert_int_equal(logout(&f, ACCESS, &cause), -1);
	assert_non_null(strstr(cause, "(could not reach mastodon.social: "
	    "Could not resolve host). To revoke it yourself"));
	free(cause);
	fake_free(&f);

	/* No app kept: nothing is sent, and the way by hand is said. */
	memset(&f, 0, sizeof f);
	script(&f, NULL, 0);
	assert_int_equal(logout(&f, ACCESS, &cause), -1);
	assert_string_equal(cause, "the token could not be revoked on "
	    "mastodon.social (heed's cache no longer holds the app it logged "
	    "in with on mastodon.social). To revoke it yourself, open "
	    "https://mastodon.social/oauth/authorized_applications "
	    "(Preferences > Account > Authorized apps) and revoke heed");
	free(cause);
	fake_free(&f);
}

/* Without an instance's address there is no address to give. */
static void
test_logout_without_an_address(void **state)
{
	struct platform_account	 pa = account("", "");
	struct platform_host	 h;
	struct fake		 f;
	char			*cause = NULL;

	(void)state;
	memset(&f, 0, sizeof f);
	script(&f, NULL, 0);
	h = host_of(&f);
	pa.secret = ACCESS;
	assert_int_equal(mastodon_ops.logout(&pa, &h, &cause), -1);
	assert_string_equal(cause, "the token could not be revoked ([account "
	    "shop] has no url: set it to the instance's address (like "
	    "https://mastodon.social)). To revoke it yourself, open the "
	    "instance's Preferences > Account > Authorized apps, and revoke "
	    "heed");
	free(cause);
	fake_free(&f);
}

/* Report a check as a line: mark, words, and the fix unless it passed. */
static void
fake_report(void *arg, enum platform_mark m, const char *fix, const char *msg)
{
	static const char *const marks[] = { "ok", "note", "FAIL", "WAIT" };
	struct fake	*f = arg;

	buf_printf(&f->reports, "%s %s", marks[m], msg);
	if (m != PLATFORM_MARK_OK && fix != NULL)
		buf_printf(&f->reports, " | fix: %s", fix);
	buf_addstr(&f->reports, "\n");
}

/* Send a request of the checks, judged as heed doctor judges it. */
static int
fake_check_send(void *arg, struct platform_request *req, const char *what,
    int quiet, long *status, char **body)
{
	struct fake	*f = arg;
	char		*cause = NULL;

	if (fake_send(f, req, status, body, &cause) != 0) {
		buf_printf(&f->reports, "FAIL %s: %s\n", what, cause);
		free(cause);
		return -1;
	}
	if (*status >= 200 && *status <= 299)
		return 0;
	free(*body);
	*body = NULL;
	if (quiet)
		return 1;
	buf_printf(&f->reports, "FAIL %s: HTTP %ld\n", what, *status);
	return -1;
}

/* Run heed doctor's checks; what they reported. */
static const char *
check(struct fake *f, const char *handle, const struct step *steps,
    size_t n)
{
	struct platform_account	pa = account(BASE, handle);
	struct platform_checker	ck;

	pa.secret = ACCESS;
	script(f, steps, n);
	buf_free(&f->reports);
	buf_init(&f->reports, 0);
	buf_addstr(&f->reports, "");
	ck.arg = f;
	ck.relogin = "heed login shop";
	ck.report = fake_report;
	ck.send = fake_check_send;
	mastodon_ops.check(&pa, &ck);
	assert_int_equal(f->at, f->nsteps);
	assert_true(clean(f->reports.data, 1));
	return f->reports.data;
}

/* heed doctor: whose the token is, the app's permissions, the instance. */
static void
test_doctor_reports(void **state)
{
	struct step	 s[3];
	struct fake	 f;

	(void)state;
	memset(&f, 0, sizeof f);
	s[0] = (struct step){ "GET", VERIFY, 200, verify_sample };
	s[1] = (struct step){ "GET", APP_VERIFY, 200, body_of("heed's app with "
	    "every permission (Mastodon 4.3)") };
	s[2] = (struct step){ "GET", INSTANCE, 200, body_of("an instance on "
	    "Mastodon 4.3.2") };
	assert_string_equal(check(&f, "@halcy@mastodon.social", s, 3),
	    "ok account shop (mastodon): the token works: it is @halcy's on "
	    "mastodon.social\n"
	    "ok account shop (mastodon): the app heed may do all that heed "
	    "does\n"
	    "ok account shop (mastodon): mastodon.social runs Mastodon 4.3.2; "
	    "a post there may have 500 characters\n");
	assert_string_equal(f.sent[1].authorization, "Bearer " ACCESS);

	/* Another account's token; an app short of permissions; long posts. */
	s[1].body = body_of("an app with read and statuses only");
	s[2].body = body_of("an instance that allows long posts");
	assert_string_equal(check(&f, "@shop", s, 3),
	    "FAIL account shop (mastodon): the token is @halcy's on "
	    "mastodon.social, but the config names @shop | fix: log in to "
	    "mastodon.social as @shop in the browser, then heed login shop "
	    "(or correct handle in the config)\n"
	    "FAIL account shop (mastodon): the login lacks write:favourites, "
	    "needed to favourite | fix: log in again to grant it: heed login "
	    "shop\n"
	    "note account shop (mastodon): the login lacks write:reports, "
	    "needed to report to the instance's moderators (optional) | fix: "
	    "log in again to grant it: heed login shop\n"
	    "note account shop (mastodon): mastodon.social runs Mastodon "
	    "4.2.10+glitch; a post there may have 5000 characters (heed holds "
	    "replies to the default, 500)\n");

	/* An instance older than 4.3 (and than 4.0) says less. */
	s[1] = (struct step){ "GET", APP_VERIFY, 403, "{\"error\":\"This "
	    "action is outside the authorized scopes\"}" };
	s[2] = (struct step){ "GET", INSTANCE, 404, "{}" };
	assert_string_equal(check(&f, "", s, 3),
	    "ok account shop (mastodon): the token works: it is @halcy's on "
	    "mastodon.social\n"
	    "note account shop (mastodon): mastodon.social does not say which "
	    "permissions the login has (Mastodon before 4.3); heed sync says "
	    "when one is missing\n"
	    "note account shop (mastodon): mastodon.social does not say which "
	    "version of Mastodon it runs (api/v2/instance came with Mastodon "
	    "4.0)\n");
	s[1].status = 200;
	s[1].body = body_of("an app of an instance older than 4.3");
	assert_non_null(strstr(check(&f, "", s, 3), "does not say which "
	    "permissions"));

	/* A refused token: said once, and nothing more is asked. */
	s[0] = (struct step){ "GET", VERIFY, 401, "{\"error\":\"The access "
	    "token is invalid\"}" };
	assert_string_equal(check(&f, "", s, 1), "FAIL the token could not "
	    "be checked: HTTP 401\n");
	s[0] = (struct step){ "GET", VERIFY, 200, body_of("an account without "
	    "its acct") };
	assert_string_equal(check(&f, "", s, 1), "FAIL account shop "
	    "(mastodon): the token could not be checked: Mastodon: malformed "
	    "response: no account\n");
	fake_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pkce_challenge_of_rfc_7636),
		cmocka_unit_test(test_login_registers_once_per_instance),
		cmocka_unit_test(
		    test_login_registers_again_when_the_app_is_refused),
		cmocka_unit_test(test_login_without_discovery_has_no_pkce),
		cmocka_unit_test(test_login_narrows_the_permissions),
		cmocka_unit_test(test_login_loopback_takes_the_code),
		cmocka_unit_test(test_login_loopback_refuses_a_foreign_state),
		cmocka_unit_test(test_login_token_errors_and_hostile_answers),
		cmocka_unit_test(test_login_token_refusals),
		cmocka_unit_test(test_login_registration_refusals),
		cmocka_unit_test(test_login_revokes_a_token_it_does_not_keep),
		cmocka_unit_test(test_login_wants_the_instance_address),
		cmocka_unit_test(test_logout_revokes_the_token),
		cmocka_unit_test(test_logout_without_an_address),
		cmocka_unit_test(test_doctor_reports),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
