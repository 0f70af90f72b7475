/*
 * mastodon-login.c -- heed login and heed logout for a Mastodon account:
 * registering heed as an app on the instance (once per instance), OAuth's
 * authorization in a browser (the code pasted back, or the browser sent
 * back to heed on 127.0.0.1), with PKCE where the instance offers it, the
 * token that comes of it, and revoking it.
 *
 * Everything goes through the host (the command's): requests, the person,
 * the cache, the loopback listener. Every answer is read as hostile: a
 * value heed sends again or keeps must be printable ASCII without spaces,
 * and what is shown to the person is sanitized and cut short.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "text.h"
#include "util.h"

#define MASTODON_APP_KEY	"mastodon-app "	/* + the instance's address */
#define MASTODON_WAIT		(10 * 60)	/* seconds for the browser */
#define MASTODON_PROBE_CODE	"heed-checks-its-app"

/* One login in progress: what its steps share. */
struct mastodon_talk {
	const struct platform_account	*pa;
	const struct platform_host	*h;
	char				*base;		/* https://host */
	char				*instance;	/* host, for people */
	char				*key;		/* of the app kept */
	struct mastodon_app		 app;
	char				*scopes;	/* asked for */
	int				 pkce;		/* S256 offered */
	char				*verifier;	/* PKCE's; a secret */
	char				*state;
	char				*redirect;	/* of this login */
	int				 loopback;	/* redirect is one */
	int				 answered;	/* the browser was */
};



/*
 * Say why an OAuth request was refused, in a cause: the instance's own
 * words, else what the status means. Returns -1.
 */
static int
mastodon_oauth_fail(const struct mastodon_talk *t,
    const struct platform_response *res, const char *what, char **cause)
{
	char	*code, *said;

	mastodon_oauth_error(res, &code, &said);
	if (said == NULL) {
		free(code);
		return mastodon_fail_status(res, cause);
	}
	util_fail(cause, "%s refused %s: %s", t->instance, what, said);
	free(code);
	free(said);
	return -1;
}

/*
 * Check the account's url: the instance's own address, https (or http
 * to this computer, for a test instance), with nothing after the host.
 */
static int
mastodon_check_url(const struct platform_account *pa, const char *base,
    char **cause)
{
	static const char *const here[] = {
		"127.0.0.1", "localhost", "[::1]"
	};
	const char	*host = NULL, *slash;
	size_t		 i, n;

	if (strncmp(base, "https://", 8) == 0)
		host = base + 8;
	for (i = 0; host == NULL && i < nitems(here); i++) {
		n = strlen(here[i]);
		if (strncmp(base, "http://", 7) == 0 &&
		    strncmp(base + 7, here[i], n) == 0 &&
		    strchr(":/", base[7 + n]) != NULL)
			host = base + 7;
	}
	if (host == NULL)
		return util_fail(cause, "url in [account %s] must be the "
		    "instance's address, starting with https:// (like "
		    "https://mastodon.social)", pa->name);
	if ((slash = strchr(host, '/')) != NULL)
		return util_fail(cause, "url in [account %s] is %s, %s: heed "
		    "needs the instance's address alone, %.*s", pa->name, base,
		    strstr(slash, "@") != NULL ? "a profile's address" :
		    "an address with a path", (int)(slash - base), base);
	if (*host == '\0' || strcspn(host, " ?#@") != strlen(host))
		return util_fail(cause, "url in [account %s] is not an "
		    "instance's address (like https://mastodon.social)",
		    pa->name);
	return 0;
}

/* Start a login: the instance's address, its name, the app's key. */
static int
mastodon_talk_start(struct mastodon_talk *t, const struct platform_account *pa,
    const struct platform_host *h, char **cause)
{
	char	*p;

	memset(t, 0, sizeof *t);
	t->pa = pa;
	t->h = h;
	if ((t->base = mastodon_base(pa)) == NULL)
		return util_fail(cause, "[account %s] has no url: set it to "
		    "the instance's address (like https://mastodon.social)",
		    pa->name);
	if (mastodon_check_url(pa, t->base, cause) != 0)
		return -1;
	/* The app is the instance's, however its address is written. */
	t->key = xprintf("%s%s", MASTODON_APP_KEY, t->base);
	for (p = t->key; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	}
	t->instance = xstrdup(strstr(t->key, "://") + 3);
	return 0;
}

/* End a login, wiping its secrets. */
static void
mastodon_talk_clear(struct mastodon_talk *t)
{
	free(t->base);
	free(t->instance);
	free(t->key);
	mastodon_app_clear(&t->app);
	free(t->scopes);
	util_free_secret(t->verifier);
	util_free_secret(t->state);
	free(t->redirect);
	memset(t, 0, sizeof *t);
}

/*
 * Choose the permissions to ask for: heed's, less those the instance's
 * description does not list (supported, when it lists any), each said.
 */
static void
mastodon_choose_scopes(struct mastodon_talk *t, const json_t *supported)
{
	const struct mastodon_scope	*s;
	struct buf			 b;
	size_t				 i;

	buf_init(&b, 0);
	for (i = 0; i < mastodon_nscopes; i++) {
		s = &mastodon_scopes[i];
		if (json_array_size(supported) > 0 &&
		    !mastodon_listed(supported, s->name)) {
			platform_say(t->h, 0, "(%s does not offer the "
			    "permission %s, %s: heed does not ask for it%s.)\n",
			    t->instance, s->name, s->why, s->required ?
			    ", and cannot do that there" : "");
			continue;
		}
		buf_printf(&b, "%s%s", b.len > 0 ? " " : "", s->name);
	}
	t->scopes = buf_steal(&b);
}

/*
 * Read the instance's OAuth description (Mastodon 4.3 and newer): whether
 * it takes PKCE's S256, and which permissions it offers. An instance
 * without one (404: an older Mastodon) is logged in to without PKCE and
 * asked for all of heed's permissions.
 */
static int
mastodon_discover(struct mastodon_talk *t, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	json_t				*doc = NULL;
	char				*body;
	int				 rc = 0;

	memset(&req, 0, sizeof req);
	req.method = xstrdup("GET");
	req.url = xprintf("%s/.well-known/oauth-authorization-server",
	    t->base);
	if (platform_host_call(t->h, &req, &res, &body, cause) != 0)
		return -1;
	if (res.status == 200) {
		if ((doc = mastodon_load(&res, NULL)) == NULL)
			platform_say(t->h, 1, "(The OAuth description of %s "
			    "could not be read; going on without it.)\n",
			    t->instance);
		t->pkce = mastodon_listed(json_object_get(doc,
		    "code_challenge_methods_supported"), "S256");
	} else if (res.status == 429 || res.status >= 500 ||
	    res.status < 200)
		rc = mastodon_fail_status(&res, cause);
	if (rc == 0)
		mastodon_choose_scopes(t, json_object_get(doc,
		    "scopes_supported"));
	jdoc_free(doc);
	util_free_secret(body);
	return rc;
}

/*
 * Read the app the cache keeps for the instance: 0 when there is one that
 * was registered with every permission asked for now and with both ways
 * back, 1 when there is none to use.
 */
static int
mastodon_app_recall(struct mastodon_talk *t)
{
	const char	*id, *secret, *scopes, *redirects, *p, *end;
	json_t		*doc;
	char		*kept, *one;
	int		 ok = 1;

	if ((kept = t->h->recall(t->h->arg, t->key)) == NULL)
		return 1;
	doc = json_loads(kept, 0, NULL);
	util_free_secret(kept);
	id = jdoc_str(doc, "client_id");
	secret = jdoc_str(doc, "client_secret");
	scopes = jdoc_str(doc, "scopes");
	redirects = jdoc_str(doc, "redirect_uris");
	if (!mastodon_valid_value(id, MASTODON_MAX_TOKEN) ||
	    !mastodon_valid_value(secret, MASTODON_MAX_TOKEN) ||
	    scopes == NULL || redirects == NULL ||
	    strcmp(redirects, MASTODON_REDIRECTS) != 0)
		ok = 0;
	for (p = t->scopes; ok && *p != '\0'; p = end + (*end == ' ')) {
		end = p + strcspn(p, " ");
		one = xstrndup(p, (size_t)(end - p));
		ok = mastodon_has_scope(scopes, one);
		free(one);
	}
	if (ok) {
		t->app.client_id = xstrdup(id);
		t->app.client_secret = xstrdup(secret);
		t->app.scopes = xstrdup(scopes);
	}
	json_decref(doc);
	return ok ? 0 : 1;
}

/*
 * Ask the instance whether it still knows the kept app, without making
 * anything: a code that cannot be valid is refused as invalid_grant when
 * the app is known, and as invalid_client when it is not. 0 known, 1
 * unknown, -1 with a cause when the instance cannot tell now.
 */
static int
mastodon_app_probe(struct mastodon_talk *t, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	struct buf			 f;
	char				*body, *code, *said;
	int				 rc;

	buf_init(&f, 0);
	util_query(&f, "grant_type", "authorization_code");
	util_query(&f, "code", MASTODON_PROBE_CODE);
	util_query(&f, "client_id", t->app.client_id);
	util_query(&f, "client_secret", t->app.client_secret);
	util_query(&f, "redirect_uri", MASTODON_OOB);
	mastodon_form(t->base, "/oauth/token", &f, &req);
	buf_free(&f);
	if (platform_host_call(t->h, &req, &res, &body, cause) != 0)
		return -1;
	mastodon_oauth_error(&res, &code, &said);
	if ((code != NULL && strcmp(code, "invalid_client") == 0) ||
	    res.status == 401)
		rc = 1;
	else if (res.status == 429 || res.status >= 500 || res.status < 200)
		rc = mastodon_fail_status(&res, cause);
	else
		rc = 0;
	free(code);
	free(said);
	util_free_secret(body);
	return rc;
}

/* Read a registration's answer into the app, and keep it in the cache. */
static int
mastodon_app_read(struct mastodon_talk *t, const struct platform_response *res,
    char **cause)
{
	const char	*id, *secret;
	json_t		*doc, *kept;
	char		*s, *why = NULL;

	if (res->status < 200 || res->status > 299)
		return mastodon_oauth_fail(t, res, "to register heed", cause);
	if ((doc = mastodon_load(res, cause)) == NULL)
		return -1;
	id = jdoc_str(doc, "client_id");
	secret = jdoc_str(doc, "client_secret");
	if (!mastodon_valid_value(id, MASTODON_MAX_TOKEN) ||
	    !mastodon_valid_value(secret, MASTODON_MAX_TOKEN)) {
		jdoc_free(doc);
		return util_fail(cause, "%s registered heed but gave no usable "
		    "client id and secret", t->instance);
	}
	t->app.client_id = xstrdup(id);
	t->app.client_secret = xstrdup(secret);
	t->app.scopes = xstrdup(t->scopes);
	jdoc_free(doc);
	kept = json_pack("{s:s, s:s, s:s, s:s}", "client_id", t->app.client_id,
	    "client_secret", t->app.client_secret, "scopes", t->app.scopes,
	    "redirect_uris", MASTODON_REDIRECTS);
	s = json_dumps(kept, JSON_COMPACT);
	json_decref(kept);
	if (s == NULL)
		fatal("cannot encode the app to keep");
	if (t->h->remember(t->h->arg, t->key, s, &why) != 0) {
		platform_say(t->h, 1, "(heed's app could not be kept in the "
		    "cache: %s; the next login registers it again.)\n", why);
		free(why);
	}
	util_free_secret(s);
	return 0;
}

/* Register heed as an app on the instance, and keep the app. */
static int
mastodon_app_register(struct mastodon_talk *t, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	struct buf			 f;
	char				*body;
	int				 rc;

	/* heed has no website of its own to name, so it names none. */
	buf_init(&f, 0);
	util_query(&f, "client_name", "heed");
	util_query(&f, "redirect_uris", MASTODON_REDIRECTS);
	util_query(&f, "scopes", t->scopes);
	mastodon_form(t->base, "/api/v1/apps", &f, &req);
	buf_free(&f);
	if (platform_host_call(t->h, &req, &res, &body, cause) != 0)
		return -1;
	rc = mastodon_app_read(t, &res, cause);
	util_free_secret(body);
	return rc;
}

/*
 * Find heed's app on the instance: the one the cache keeps, or a new
 * one. An app is registered once per instance and kept, rather than once
 * per login: every login would otherwise leave an app behind. Before
 * Mastodon 4.3 an instance could also delete ("vacuum") an app that no
 * token used any more, so a kept app is asked after first, and registered
 * again only when the instance no longer knows it.
 */
static int
mastodon_app(struct mastodon_talk *t, char **cause)
{
	int	rc;

	if (mastodon_app_recall(t) == 0) {
		if ((rc = mastodon_app_probe(t, cause)) <= 0)
			return rc;
		platform_say(t->h, 0, "(%s no longer knows the app heed "
		    "registered there; registering it again.)\n", t->instance);
		mastodon_app_clear(&t->app);
		t->h->remember(t->h->arg, t->key, NULL, NULL);
	}
	return mastodon_app_register(t, cause);
}

/* Make a random value: n random bytes in base64url; NULL with a cause. */
static char *
mastodon_random(size_t n, char **cause)
{
	unsigned char	b[64];
	char		*s;

	if (n > sizeof b || util_random(b, n, cause) != 0)
		return NULL;
	s = util_base64url(b, n);
	memset(b, 0, sizeof b);
	return s;
}

/*
 * Choose how the browser comes back: to heed on 127.0.0.1 when the host
 * listens there (the person's choice, or a desktop here), else with a code
 * to paste.
 */
static void
mastodon_choose_redirect(struct mastodon_talk *t)
{
	const struct platform_host	*h = t->h;
	char				*why = NULL;
	int				 port = 0, rc = 1;

	if (h->redirect_open != NULL)
		rc = h->redirect_open(h->arg, &port, &why);
	if (rc == 0 && port > 0 && port < 65536) {
		t->redirect = xprintf("http://127.0.0.1:%d%s", port,
		    MASTODON_CALLBACK);
		t->loopback = 1;
		return;
	}
	if (rc == -1)
		platform_say(h, 1, "(heed cannot wait for the browser here: "
		    "%s; you paste a code instead.)\n", why);
	free(why);
	t->redirect = xstrdup(MASTODON_OOB);
}

/* The address of the authorization, for the browser; a new string. */
static char *
mastodon_authorize_url(const struct mastodon_talk *t, const char *challenge)
{
	struct buf	q;
	char		*url;

	buf_init(&q, 0);
	util_query(&q, "response_type", "code");
	util_query(&q, "client_id", t->app.client_id);
	util_query(&q, "redirect_uri", t->redirect);
	util_query(&q, "scope", t->scopes);
	util_query(&q, "state", t->state);
	if (challenge != NULL) {
		util_query(&q, "code_challenge", challenge);
		util_query(&q, "code_challenge_method", "S256");
	}
	url = xprintf("%s/oauth/authorize%s", t->base, q.data);
	buf_free(&q);
	return url;
}

/* Tell the person what to do in the browser. */
static void
mastodon_instruct(const struct mastodon_talk *t, const char *url)
{
	const char	*handle = t->pa->handle != NULL ? t->pa->handle : "";

	platform_say(t->h, 0, "To let heed answer for %s, open this address "
	    "in a web browser:\n\n  %s\n\n"
	    "%s asks you to log in (as %s), then lists what heed\n"
	    "may do: read notifications and posts, post replies and "
	    "favourite%s.\nChoose \"Authorize\".\n", t->pa->name, url,
	    t->instance, *handle != '\0' ? handle : "the account heed is for",
	    mastodon_has_scope(t->scopes, "write:blocks") ? ", mute, block "
	    "and report" : "");
	if (t->loopback)
		platform_say(t->h, 0, "The browser then comes back to heed by "
		    "itself. (The browser must run on\nthis computer; if it "
		    "does not, press Ctrl-C and run: heed login --paste %s)\n"
		    "Waiting for the browser (up to %d minutes; Ctrl-C "
		    "cancels)...\n", t->pa->name, MASTODON_WAIT / 60);
	else
		platform_say(t->h, 0, "%s then shows an authorization code: "
		    "copy it, and paste it here.\n", t->instance);
}

/*
 * Start the authorization: PKCE's verifier and challenge when the
 * instance takes them, the state, the way back; then tell the person, and
 * open the browser if they asked heed to.
 */
static int
mastodon_authorize_start(struct mastodon_talk *t, char **cause)
{
	char	*challenge = NULL, *why = NULL, *url;

	if ((t->state = mastodon_random(16, cause)) == NULL)
		return -1;
	if (t->pkce) {
		if ((t->verifier = mastodon_random(32, cause)) == NULL)
			return -1;
		if ((challenge = mastodon_pkce_challenge(t->verifier,
		    &why)) == NULL) {
			platform_say(t->h, 1, "(Going on without PKCE: %s.)\n",
			    why);
			free(why);
			util_free_secret(t->verifier);
			t->verifier = NULL;
		}
	}
	mastodon_choose_redirect(t);
	url = mastodon_authorize_url(t, challenge);
	mastodon_instruct(t, url);
	if (t->h->browse != NULL)
		t->h->browse(t->h->arg, url);
	free(url);
	free(challenge);
	return 0;
}

/*
 * Read the browser's way back (its query): the code, once the state is
 * this login's and the instance gave no error. A new string, or NULL with
 * a cause.
 */
static char *
mastodon_redirect_code(const struct mastodon_talk *t, const char *query,
    char **cause)
{
	char	*state, *code, *error, *said, *clean;

	state = mastodon_query_get(query, "state");
	code = mastodon_query_get(query, "code");
	error = mastodon_query_get(query, "error");
	if (state == NULL || strcmp(state, t->state) != 0)
		util_fail(cause, "the browser came back with an answer that is "
		    "not this login's (its state does not match), so heed "
		    "refused it");
	else if (error != NULL && strcmp(error, "access_denied") == 0)
		util_fail(cause, "the authorization was declined on %s",
		    t->instance);
	else if (error != NULL) {
		said = mastodon_query_get(query, "error_description");
		clean = text_sanitize_line(said != NULL ? said : error,
		    strlen(said != NULL ? said : error));
		clean[text_fit(clean, MASTODON_MAX_CAUSE, NULL)] = '\0';
		util_fail(cause, "%s did not authorize heed: %s",
		    t->instance, clean);
		free(clean);
		free(said);
	} else if (!mastodon_valid_value(code, MASTODON_MAX_CODE))
		util_fail(cause, "the browser came back without a code");
	else {
		free(state);
		free(error);
		return code;
	}
	free(state);
	util_free_secret(code);
	free(error);
	return NULL;
}

/* Ask the person for the code the instance showed; NULL with a cause. */
static char *
mastodon_pasted_code(const struct mastodon_talk *t, char **cause)
{
	char	*line, *code, *got;

	line = t->h->ask(t->h->arg, "Authorization code: ", 0);
	code = util_trim(line);
	/* The whole address of a page that came back, pasted: its code. */
	if ((got = strstr(code, "code=")) != NULL && strchr(code, '?') != NULL)
		got = mastodon_query_get(strchr(code, '?') + 1, "code");
	else
		got = xstrdup(code);
	util_free_secret(line);
	if (got == NULL || *got == '\0') {
		util_free_secret(got);
		util_fail(cause, "no code entered");
		return NULL;
	}
	if (!mastodon_valid_value(got, MASTODON_MAX_CODE)) {
		util_free_secret(got);
		util_fail(cause, "that is not an authorization code (copy the "
		    "code %s shows after \"Authorize\")", t->instance);
		return NULL;
	}
	return got;
}

/* Get the authorization's code: pasted, or from the browser; or NULL. */
static char *
mastodon_authorize(struct mastodon_talk *t, char **cause)
{
	char	*query = NULL, *code;

	if (mastodon_authorize_start(t, cause) != 0)
		return NULL;
	if (!t->loopback)
		return mastodon_pasted_code(t, cause);
	if (t->h->redirect_wait(t->h->arg, MASTODON_CALLBACK, MASTODON_WAIT,
	    &query, cause) != 0)
		return NULL;
	code = mastodon_redirect_code(t, query, cause);
	util_free_secret(query);
	return code;
}

/* Say what a refused exchange of the code means; returns -1. */
static int
mastodon_exchange_fail(struct mastodon_talk *t,
    const struct platform_response *res, char **cause)
{
	char	*code, *said;

	mastodon_oauth_error(res, &code, &said);
	if (code != NULL && strcmp(code, "invalid_grant") == 0)
		util_fail(cause, "%s refused the code (%s); a code works once, "
		    "for a few minutes", t->instance, said != NULL ? said :
		    code);
	else if (code != NULL && strcmp(code, "invalid_client") == 0) {
		/* Forgotten, so that the next login registers again. */
		t->h->remember(t->h->arg, t->key, NULL, NULL);
		util_fail(cause, "%s no longer knows heed's app (%s); the next "
		    "login registers it again", t->instance, said != NULL ?
		    said : code);
	} else
		mastodon_oauth_fail(t, res, "the login", cause);
	free(code);
	free(said);
	return -1;
}

/* Say the permissions asked for that the token did not get. */
static void
mastodon_granted(const struct mastodon_talk *t, const char *granted)
{
	size_t	i;

	if (granted == NULL || strlen(granted) > 4096)
		return;
	for (i = 0; i < mastodon_nscopes; i++) {
		if (mastodon_has_scope(t->scopes, mastodon_scopes[i].name) &&
		    !mastodon_has_scope(granted, mastodon_scopes[i].name) &&
		    !mastodon_has_scope(granted, mastodon_scopes[i].name[0] ==
		    'r' ? "read" : "write"))
			platform_say(t->h, 1, "(%s did not grant %s, needed "
			    "%s.)\n", t->instance, mastodon_scopes[i].name,
			    mastodon_scopes[i].why);
	}
}

/* Read the token of an exchange; a new string, or NULL with a cause. */
static char *
mastodon_token_read(struct mastodon_talk *t,
    const struct platform_response *res, char **cause)
{
	const char	*token, *type;
	json_t		*doc;
	char		*out = NULL;

	if (res->status < 200 || res->status > 299) {
		mastodon_exchange_fail(t, res, cause);
		return NULL;
	}
	if ((doc = mastodon_load(res, cause)) == NULL)
		return NULL;
	token = jdoc_str(doc, "access_token");
	type = jdoc_str(doc, "token_type");
	if (!mastodon_valid_token(token))
		util_fail(cause, "%s gave no usable access token", t->instance);
	else if (type != NULL && strcasecmp(type, "Bearer") != 0)
		util_fail(cause, "%s gave a token of a kind heed cannot use",
		    t->instance);
	else {
		out = xstrdup(token);
		mastodon_granted(t, jdoc_str(doc, "scope"));
	}
	jdoc_free(doc);
	return out;
}

/* Exchange the code for the access token; a new string, or NULL. */
static char *
mastodon_exchange(struct mastodon_talk *t, const char *code, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	struct buf			 f;
	char				*body, *token;

	buf_init(&f, 0);
	util_query(&f, "grant_type", "authorization_code");
	util_query(&f, "code", code);
	util_query(&f, "client_id", t->app.client_id);
	util_query(&f, "client_secret", t->app.client_secret);
	util_query(&f, "redirect_uri", t->redirect);
	if (t->verifier != NULL)
		util_query(&f, "code_verifier", t->verifier);
	mastodon_form(t->base, "/oauth/token", &f, &req);
	buf_free(&f);
	if (platform_host_call(t->h, &req, &res, &body, cause) != 0)
		return NULL;
	token = mastodon_token_read(t, &res, cause);
	util_free_secret(body);
	return token;
}

/* Revoke a token with the app; 0, or -1 with a cause. */
static int
mastodon_revoke(const struct platform_host *h, const char *base,
    const struct mastodon_app *app, const char *token, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	struct buf			 f;
	char				*body, *code, *said;
	int				 rc = 0;

	buf_init(&f, 0);
	util_query(&f, "client_id", app->client_id);
	util_query(&f, "client_secret", app->client_secret);
	util_query(&f, "token", token);
	mastodon_form(base, "/oauth/revoke", &f, &req);
	buf_free(&f);
	if (platform_host_call(h, &req, &res, &body, cause) != 0)
		return -1;
	if (res.status < 200 || res.status > 299) {
		mastodon_oauth_error(&res, &code, &said);
		if (said != NULL)
			rc = util_fail(cause, "%s", said);
		else
			rc = mastodon_fail_status(&res, cause);
		free(code);
		free(said);
	}
	util_free_secret(body);
	return rc;
}

/*
 * Check whose the new token is: the account the config names, if it
 * names one (heed would otherwise answer as the wrong account). A new
 * acct, or NULL with a cause.
 */
static char *
mastodon_whose(struct mastodon_talk *t, const char *token, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	char				*body, *acct;

	if (mastodon_whose_request(t->pa, token, &req, cause) != 0 ||
	    platform_host_call(t->h, &req, &res, &body, cause) != 0)
		return NULL;
	acct = mastodon_whose_parse(&res, cause);
	util_free_secret(body);
	if (acct == NULL || mastodon_handle_is(t->pa, acct))
		return acct;
	util_fail(cause, "%s authorized @%s, but [account %s] is for %s: log "
	    "out of %s in the browser (or switch accounts there), log in as "
	    "%s, and run heed login %s again; or correct handle in the "
	    "config", t->instance, acct, t->pa->name, t->pa->handle,
	    t->instance, t->pa->handle, t->pa->name);
	free(acct);
	return NULL;
}

/* Answer the browser, if it is waiting, with the login's outcome. */
static void
mastodon_answer(struct mastodon_talk *t, const char *acct, const char *why)
{
	char	*page;

	if (!t->loopback || t->answered || t->h->redirect_answer == NULL)
		return;
	t->answered = 1;
	if (acct != NULL)
		page = xprintf("heed is logged in to %s as @%s; you may close "
		    "this tab.", t->instance, acct);
	else
		page = xprintf("heed could not log in: %s. Go back to the "
		    "terminal.", why != NULL ? why : "it failed");
	t->h->redirect_answer(t->h->arg, page);
	free(page);
}

/*
 * heed login for a Mastodon account, as a conversation through the host:
 * the instance's OAuth description, heed's app there, the authorization
 * in a browser, the code exchanged for a token, and whose the token is.
 * The token is what the keyring keeps; nothing else is, and a token that
 * is not kept (it is not the account's, or cannot be checked) is revoked.
 */
int
mastodon_login(const struct platform_account *pa,
    const struct platform_link *links, size_t nlinks,
    const struct platform_host *h, struct platform_login *pl, char **cause)
{
	struct mastodon_talk	 t;
	char			*code = NULL, *token = NULL, *acct = NULL;

	(void)links;
	(void)nlinks;
	memset(pl, 0, sizeof *pl);
	if (mastodon_talk_start(&t, pa, h, cause) != 0 ||
	    mastodon_discover(&t, cause) != 0 ||
	    mastodon_app(&t, cause) != 0 ||
	    (code = mastodon_authorize(&t, cause)) == NULL ||
	    (token = mastodon_exchange(&t, code, cause)) == NULL ||
	    (acct = mastodon_whose(&t, token, cause)) == NULL) {
		mastodon_answer(&t, NULL, cause != NULL ? *cause : NULL);
		/* A token given but not kept is ended there too. */
		if (token != NULL)
			mastodon_revoke(h, t.base, &t.app, token, NULL);
		util_free_secret(code);
		util_free_secret(token);
		mastodon_talk_clear(&t);
		return -1;
	}
	mastodon_answer(&t, acct, NULL);
	pl->secret = token;
	pl->said = xprintf("Logged in to Mastodon as @%s on %s. The access "
	    "token is in the system keyring (heed logout %s revokes it).\n",
	    acct, t.instance, pa->name);
	util_free_secret(code);
	free(acct);
	mastodon_talk_clear(&t);
	return 0;
}

/*
 * heed logout for a Mastodon account: revoke the token on the instance
 * with heed's app there, which the cache keeps. When that cannot be done,
 * the cause says how to revoke it by hand.
 */
int
mastodon_logout(const struct platform_account *pa,
    const struct platform_host *h, char **cause)
{
	struct mastodon_talk	 t;
	char			*why = NULL;
	int			 rc = -1;

	if (mastodon_talk_start(&t, pa, h, &why) == 0) {
		t.scopes = xstrdup("");
		if (mastodon_app_recall(&t) != 0)
			why = xprintf("heed's cache no longer holds the app it "
			    "logged in with on %s", t.instance);
		else if (mastodon_revoke(h, t.base, &t.app, pa->secret,
		    &why) == 0)
			rc = 0;
	}
	if (rc != 0 && t.base != NULL)
		util_fail(cause, "the token could not be revoked on %s (%s). "
		    "To revoke it yourself, open %s/oauth/"
		    "authorized_applications (Preferences > Account > "
		    "Authorized apps) and revoke heed", t.instance, why,
		    t.base);
	else if (rc != 0)
		util_fail(cause, "the token could not be revoked (%s). To "
		    "revoke it yourself, open the instance's Preferences > "
		    "Account > Authorized apps, and revoke heed", why);
	free(why);
	mastodon_talk_clear(&t);
	return rc;
}
