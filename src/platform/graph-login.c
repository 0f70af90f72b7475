/*
 * graph-login.c -- heed login for a Facebook Page, and the Graph API
 * requests of heed login and heed doctor: Facebook Login for Devices, the
 * Pages a person manages, and debug_token.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "graph-private.h"
#include "text.h"

/*
 * Return 1 if a token from an answer can be kept and sent in a header:
 * printable ASCII without spaces, and not too long.
 */
static int
graph_valid_token(const char *t)
{
	size_t	i;

	if (t == NULL || *t == '\0')
		return 0;
	for (i = 0; t[i] != '\0'; i++) {
		if (i >= 4096 || t[i] <= ' ' || t[i] > '~')
			return 0;
	}
	return 1;
}

/* Build a form POST to path with the app token as access_token. */
static int
graph_app_post(const struct platform_account *pa, const char *app_token,
    const char *path, struct buf *form, struct platform_request *req,
    char **cause)
{
	struct buf	q;
	int		rc;

	if (app_token == NULL || strchr(app_token, '|') == NULL)
		return util_fail(cause, "device login needs app_id and "
		    "client_token in the account's section");
	buf_init(&q, 0);
	util_query(&q, "access_token", app_token);
	if (form != NULL && form->len > 0)
		buf_addstr(&q, form->data);
	rc = graph_start_token(pa, app_token, "POST", path, NULL, req, cause);
	if (rc == 0) {
		/* The app token goes in the form, as the flow asks. */
		free(req->authorization);
		req->authorization = NULL;
		graph_set_form(req, q.data);
	}
	buf_free(&q);
	return rc;
}

/* Start a device login asking for GRAPH_LOGIN_SCOPE. */
int
graph_device_request(const struct platform_account *pa,
    const char *app_token, struct platform_request *req, char **cause)
{
	struct buf	f;
	int		rc;

	buf_init(&f, 0);
	util_query(&f, "scope", GRAPH_LOGIN_SCOPE);
	f.data[0] = '&';
	rc = graph_app_post(pa, app_token, "device/login", &f, req, cause);
	buf_free(&f);
	return rc;
}

static int64_t
graph_seconds(const json_t *o, const char *key, int64_t def, int64_t lo,
    int64_t hi)
{
	const json_t	*v = json_object_get(o, key);
	int64_t		 n;

	if (json_is_integer(v))
		n = json_integer_value(v);
	else if (!json_is_string(v) || util_parse_int(json_string_value(v),
	    lo, hi, &n) != 0)
		return def;
	return n < lo ? lo : n > hi ? hi : n;
}

/* Read the codes of a device login. */
int
graph_device_parse(const struct platform_response *res,
    struct graph_device *d, char **cause)
{
	json_t		*doc;
	const char	*code, *user, *uri;

	memset(d, 0, sizeof *d);
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	code = graph_str(doc, "code");
	user = graph_str(doc, "user_code");
	uri = graph_str(doc, "verification_uri");
	if (!graph_valid_token(code) || strlen(code) > 512 ||
	    user == NULL || *user == '\0' || strlen(user) > 64) {
		jdoc_free(doc);
		return util_fail(cause, "malformed response: no device code");
	}
	d->code = xstrdup(code);
	d->user_code = text_sanitize_line(user, strlen(user));
	if (uri != NULL && strncmp(uri, "https://", 8) == 0 &&
	    strlen(uri) < 200)
		d->uri = text_sanitize_line(uri, strlen(uri));
	else
		d->uri = xstrdup("https://www.facebook.com/device");
	d->interval = graph_seconds(doc, "interval", 5, 1, 60);
	d->expires_in = graph_seconds(doc, "expires_in", 420, 10, 3600);
	jdoc_free(doc);
	return 0;
}

void
graph_device_clear(struct graph_device *d)
{
	util_free_secret(d->code);
	free(d->user_code);
	free(d->uri);
	memset(d, 0, sizeof *d);
}

/* Ask whether the person has approved the login yet. */
int
graph_poll_request(const struct platform_account *pa, const char *app_token,
    const char *code, struct platform_request *req, char **cause)
{
	struct buf	f;
	int		rc;

	buf_init(&f, 0);
	util_query(&f, "code", code);
	f.data[0] = '&';
	rc = graph_app_post(pa, app_token, "device/login_status", &f, req,
	    cause);
	buf_free(&f);
	return rc;
}

/*
 * Read a poll's answer: DONE with *token, or what the subcode says
 * (1349174 pending, 1349172 slow down, 1349152 expired, 1349173
 * declined), or ERROR with *cause.
 */
enum graph_poll
graph_poll_parse(const struct platform_response *res, char **token,
    char **cause)
{
	struct graph_error	 e;
	json_t			*doc;
	const char		*t;
	enum graph_poll		 r = GRAPH_POLL_ERROR;

	*token = NULL;
	if (res != NULL && res->status >= 200 && res->status <= 299) {
		if ((doc = graph_load(res, cause)) == NULL)
			return GRAPH_POLL_ERROR;
		t = graph_str(doc, "access_token");
		if (graph_valid_token(t)) {
			*token = xstrdup(t);
			r = GRAPH_POLL_DONE;
		} else
			util_fail(cause, "malformed response: no token");
		jdoc_free(doc);
		return r;
	}
	graph_error_read(res, &e);
	switch (e.subcode) {
	case 1349174:
		r = GRAPH_POLL_PENDING;
		break;
	case 1349172:
		r = GRAPH_POLL_SLOW_DOWN;
		break;
	case 1349152:
		r = GRAPH_POLL_EXPIRED;
		break;
	case 1349173:
		r = GRAPH_POLL_DECLINED;
		break;
	default:
		graph_classify(res, cause);
		break;
	}
	graph_error_clear(&e);
	return r;
}

/* Ask for the Pages a person manages (a page of them, after after). */
int
graph_pages_request(const struct platform_account *pa, const char *token,
    const char *after, struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	buf_init(&q, 0);
	util_query(&q, "fields", "id,name,access_token,tasks,"
	    "instagram_business_account{id,username}");
	util_query(&q, "limit", "100");
	if (after != NULL)
		util_query(&q, "after", after);
	rc = graph_start_token(pa, token, "GET", "me/accounts", q.data, req,
	    cause);
	buf_free(&q);
	return rc;
}

/* Read one Page entry; 0, or -1 if it lacks what heed needs. */
static int
graph_page_read(const json_t *e, const char *token, struct graph_page *p)
{
	const json_t	*ig = json_object_get(e, "instagram_business_account");
	const json_t	*task;
	const char	*id = graph_id(e, "id");
	size_t		 i;

	memset(p, 0, sizeof *p);
	if (token == NULL)
		token = graph_str(e, "access_token");
	if (id == NULL || !graph_valid_token(token))
		return -1;
	p->id = xstrdup(id);
	p->name = graph_line(e, "name", 80);
	if (p->name == NULL)
		p->name = xstrdup(id);
	p->token = xstrdup(token);
	if (graph_id(ig, "id") != NULL) {
		p->ig_id = xstrdup(graph_id(ig, "id"));
		p->ig_username = graph_line(ig, "username", 60);
	}
	json_array_foreach(json_object_get(e, "tasks"), i, task) {
		if (json_is_string(task) && (strcmp(json_string_value(task),
		    "MODERATE") == 0 || strcmp(json_string_value(task),
		    "MANAGE") == 0))
			p->moderate = 1;
	}
	if (json_object_get(e, "tasks") == NULL)
		p->moderate = -1;	/* not said */
	return 0;
}

/* Add the Pages of an answer to a list; *after for the next page. */
int
graph_pages_parse(const struct platform_response *res,
    struct graph_page **pages, size_t *n, char **after, char **cause)
{
	struct graph_params	 next;
	struct graph_page	 p;
	const json_t		*list, *e;
	json_t			*doc;
	const char		*a;
	size_t			 i;

	*after = NULL;
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	list = json_object_get(doc, "data");
	if (!json_is_array(list)) {
		jdoc_free(doc);
		return util_fail(cause, "malformed response: no data");
	}
	json_array_foreach(list, i, e) {
		if (*n >= 1000 || graph_page_read(e, NULL, &p) != 0)
			continue;
		*pages = xreallocarray(*pages, *n + 1, sizeof **pages);
		(*pages)[(*n)++] = p;
	}
	graph_params_from_next(doc, &next);
	a = graph_params_get(&next, "after");
	/* An empty page may still name a next one. */
	if (graph_valid_value(a))
		*after = xstrdup(a);
	graph_params_clear(&next);
	jdoc_free(doc);
	return 0;
}

void
graph_pages_free(struct graph_page *pages, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(pages[i].id);
		free(pages[i].name);
		util_free_secret(pages[i].token);
		free(pages[i].ig_id);
		free(pages[i].ig_username);
	}
	free(pages);
}

/* Ask who a token is, when it may be a Page's own. */
int
graph_me_page_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	buf_init(&q, 0);
	util_query(&q, "fields",
	    "id,name,instagram_business_account{id,username}");
	rc = graph_start_token(pa, token, "GET", "me", q.data, req, cause);
	buf_free(&q);
	return rc;
}

/* Read that answer as a Page with the token. */
int
graph_me_page_parse(const struct platform_response *res, const char *token,
    struct graph_page *p, char **cause)
{
	json_t	*doc;
	int	 rc;

	memset(p, 0, sizeof *p);
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	rc = graph_page_read(doc, token, p);
	jdoc_free(doc);
	if (rc != 0)
		return util_fail(cause, "malformed response: no Page");
	p->moderate = -1;
	return 0;
}

/* Ask what a token may do. */
int
graph_debug_request(const struct platform_account *pa, const char *auth,
    const char *token, struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	buf_init(&q, 0);
	util_query(&q, "input_token", token);
	rc = graph_start_token(pa, auth, "GET", "debug_token", q.data, req,
	    cause);
	buf_free(&q);
	return rc;
}

/* Read debug_token's answer. */
int
graph_debug_parse(const struct platform_response *res,
    struct graph_token_info *ti, char **cause)
{
	const json_t	*data, *s;
	json_t		*doc;
	size_t		 i;

	memset(ti, 0, sizeof *ti);
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	data = json_object_get(doc, "data");
	if (!json_is_object(data)) {
		jdoc_free(doc);
		return util_fail(cause, "malformed response: no data");
	}
	ti->valid = graph_bool(data, "is_valid");
	ti->type = graph_line(data, "type", 20);
	ti->error = graph_line(json_object_get(data, "error"), "message",
	    GRAPH_MAX_CAUSE);
	ti->expires_at = graph_seconds(data, "expires_at", 0, 0,
	    INT64_MAX / 2);
	ti->data_access_expires_at = graph_seconds(data,
	    "data_access_expires_at", 0, 0, INT64_MAX / 2);
	json_array_foreach(json_object_get(data, "scopes"), i, s) {
		if (!json_is_string(s) || ti->nscopes >= 200)
			continue;
		ti->scopes = xreallocarray(ti->scopes, ti->nscopes + 1,
		    sizeof *ti->scopes);
		ti->scopes[ti->nscopes++] = text_sanitize_line(
		    json_string_value(s), strnlen(json_string_value(s), 80));
	}
	jdoc_free(doc);
	return 0;
}

void
graph_token_info_clear(struct graph_token_info *ti)
{
	size_t	i;

	free(ti->type);
	free(ti->error);
	for (i = 0; i < ti->nscopes; i++)
		free(ti->scopes[i]);
	free(ti->scopes);
	memset(ti, 0, sizeof *ti);
}

/* Classify a failed answer for a command, with plain words. */
enum platform_error
graph_error(const struct platform_response *res, char **cause)
{
	return graph_classify(res, cause);
}

/*
 * heed login for a Facebook Page (and the Instagram account linked to
 * it), as a conversation through the caller's host.
 *
 * A person logs in, with Facebook Login for Devices when the account names
 * its app (app_id and client_token), or by pasting a token. heed lists the
 * Pages that person manages, takes one, and keeps only that Page's token:
 * the person's own token is dropped. The Page token also serves the
 * Instagram business account linked to the Page.
 */

#define GRAPH_MAX_PAGES_ASKED	10	/* pages of /me/accounts read */



/*
 * Wait for the person to approve a device login; the user token, or NULL.
 * A poll that gets no answer, or one it cannot read, is only said: the
 * person may be approving meanwhile, so heed polls on until the code
 * expires.
 */
static char *
graph_device_wait(const struct platform_host *h,
    const struct platform_account *pa, const char *app_token,
    const struct graph_device *d, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	enum graph_poll			 r = GRAPH_POLL_ERROR;
	enum platform_error		 e;
	char				*body = NULL, *token = NULL, *why = NULL;
	int64_t				 deadline, interval;
	int				 passing;

	deadline = h->now(h->arg) + d->expires_in;
	interval = d->interval;
	for (;;) {
		h->sleep(h->arg, interval);
		if (h->now(h->arg) > deadline + interval) {
			r = GRAPH_POLL_EXPIRED;
			break;
		}
		if (graph_poll_request(pa, app_token, d->code, &req,
		    cause) != 0)
			break;
		passing = 1;
		if (platform_host_call(h, &req, &res, &body, &why) != 0)
			r = GRAPH_POLL_ERROR;
		else if ((r = graph_poll_parse(&res, &token, &why)) ==
		    GRAPH_POLL_ERROR && res.status >= 300) {
			e = graph_error(&res, NULL);
			passing = e == PLATFORM_ERR_TEMPORARY ||
			    e == PLATFORM_ERR_RATE;
		}
		free(body);
		body = NULL;
		if (r == GRAPH_POLL_ERROR && !passing) {
			*cause = why != NULL ? why : xstrdup("Facebook "
			    "refused the login");
			why = NULL;
			break;
		}
		if (r == GRAPH_POLL_SLOW_DOWN)
			interval += 5;
		else if (r == GRAPH_POLL_ERROR) {
			/* Passing trouble: say it, and go on waiting. */
			platform_say(h, 1, "(Could not ask Facebook: %s; still "
			    "waiting.)\n", why != NULL ? why : "no answer");
			interval += interval < 30 ? interval : 0;
		}
		free(why);
		why = NULL;
		if (r != GRAPH_POLL_PENDING && r != GRAPH_POLL_SLOW_DOWN &&
		    r != GRAPH_POLL_ERROR)
			break;
	}
	if (r == GRAPH_POLL_EXPIRED)
		util_fail(cause, "the code expired before the login was "
		    "approved on Facebook");
	else if (r == GRAPH_POLL_DECLINED)
		util_fail(cause, "the login was declined on Facebook");
	return token;
}

/* Log in with Facebook Login for Devices; a new user token, or NULL. */
static char *
graph_device_login(const struct platform_host *h,
    const struct platform_account *pa, const char *app_token, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	struct graph_device		 d;
	char				*body = NULL, *token;

	memset(&d, 0, sizeof d);
	if (graph_device_request(pa, app_token, &req, cause) != 0)
		return NULL;
	if (platform_host_call(h, &req, &res, &body, cause) != 0)
		return NULL;
	if (graph_device_parse(&res, &d, cause) != 0) {
		free(body);
		return NULL;
	}
	free(body);
	platform_say(h, 0, "To let heed in, open %s on any phone or computer\n"
	    "and enter the code:  %s\n"
	    "Then approve the permissions Facebook lists. Waiting "
	    "(Ctrl-C cancels)...\n", d.uri, d.user_code);
	token = graph_device_wait(h, pa, app_token, &d, cause);
	graph_device_clear(&d);
	return token;
}

/* Read the Pages the token's person manages; a Page token is its Page. */
static int
graph_pages_all(const struct platform_host *h,
    const struct platform_account *pa, const char *token,
    struct graph_page **pages, size_t *n, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	struct graph_page		 p;
	char				*body = NULL, *after = NULL, *next;
	int				 i, rc = 0, again;

	*pages = NULL;
	*n = 0;
	for (i = 0; i < GRAPH_MAX_PAGES_ASKED; i++) {
		if (graph_pages_request(pa, token, after, &req, cause) != 0 ||
		    platform_host_call(h, &req, &res, &body, cause) != 0) {
			rc = -1;
			break;
		}
		if (res.status == 400 && i == 0) {
			/* No "accounts" edge: perhaps a Page's own token. */
			free(body);
			body = NULL;
			if (graph_me_page_request(pa, token, &req, cause) != 0 ||
			    platform_host_call(h, &req, &res, &body,
			    cause) != 0 || graph_me_page_parse(&res, token, &p,
			    cause) != 0) {
				rc = -1;
				break;
			}
			*pages = xreallocarray(NULL, 1, sizeof **pages);
			(*pages)[(*n)++] = p;
			break;
		}
		rc = graph_pages_parse(&res, pages, n, &next, cause);
		free(body);
		body = NULL;
		/* A next page that is this one again ends the list. */
		again = next != NULL && after != NULL &&
		    strcmp(next, after) == 0;
		free(after);
		after = next;
		if (rc != 0 || after == NULL || again)
			break;
	}
	free(body);
	free(after);
	return rc;
}

/* Choose the Page: the one the account names, the only one, or ask. */
static struct graph_page *
graph_choose(const struct platform_host *h, const struct platform_account *pa,
    struct graph_page *pages, size_t n, char **cause)
{
	const char	*want = pa->page != NULL ? pa->page : "";
	char		*line, *end, *shown;
	size_t		 i;
	long		 k;

	if (*want != '\0') {
		for (i = 0; i < n; i++) {
			if (strcmp(pages[i].id, want) == 0 ||
			    strcasecmp(pages[i].name, want) == 0)
				return &pages[i];
		}
		util_fail(cause, "this login does not manage the Page \"%s\" "
		    "(page in [account %s]); it manages %zu other%s", want,
		    pa->name, n, n == 1 ? "" : "s");
		return NULL;
	}
	if (n == 1)
		return &pages[0];
	platform_say(h, 0, "This login manages %zu Pages:\n", n);
	for (i = 0; i < n; i++)
		platform_say(h, 0, "  %2zu  %s (%s)%s%s\n", i + 1, pages[i].name,
		    pages[i].id, pages[i].ig_username != NULL ?
		    ", Instagram @" : "", pages[i].ig_username != NULL ?
		    pages[i].ig_username : "");
	line = h->ask(h->arg, "Which one is this account's? Number: ", 0);
	k = strtol(line, &end, 10);
	if (end == line || *end != '\0' || k < 1 || (size_t)k > n) {
		shown = text_quote(line, 40);
		util_fail(cause, "no Page chosen (\"%s\"); to choose without "
		    "asking, set page in [account %s]", shown, pa->name);
		free(shown);
		free(line);
		return NULL;
	}
	free(line);
	return &pages[k - 1];
}

/*
 * What to say once the Page's token is kept: which Page, and what became
 * of the Instagram account linked to it. A new string.
 */
static char *
graph_said(const struct platform_account *pa,
    const struct platform_link *links, size_t nlinks,
    const struct graph_page *p)
{
	struct buf	 b;
	size_t		 i, users = 0;

	buf_init(&b, 0);
	buf_printf(&b, "Logged in to the Facebook Page %s (%s): its token is "
	    "in the system keyring (the personal login is not kept).\n",
	    p->name, p->id);
	for (i = 0; i < nlinks; i++) {
		if (strcmp(links[i].platform, "instagram") != 0)
			continue;
		users++;
		if (p->ig_id != NULL)
			buf_printf(&b, "Instagram: @%s is linked to this Page; "
			    "account %s answers it.\n", p->ig_username !=
			    NULL ? p->ig_username : p->ig_id, links[i].name);
		else
			buf_printf(&b, "Instagram: account %s uses this login, "
			    "but the Page has no Instagram business account "
			    "linked: link it in Meta Business Suite (Settings "
			    "> Linked accounts).\n", links[i].name);
	}
	if (users == 0 && p->ig_id != NULL)
		buf_printf(&b, "Instagram: @%s is linked to this Page. To answer "
		    "its comments too, add to the config:\n\n"
		    "  [account %s-instagram]\n  platform = instagram\n"
		    "  facebook_account = %s\n\n", p->ig_username != NULL ?
		    p->ig_username : p->ig_id, pa->name, pa->name);
	return buf_steal(&b);
}

/* Get a person's token: by a device login, or pasted; or NULL. */
static char *
graph_person_token(const struct platform_host *h,
    const struct platform_account *pa, char **cause)
{
	const char	*app_id = pa->app_id != NULL ? pa->app_id : "";
	const char	*client = pa->client_token != NULL ?
			    pa->client_token : "";
	char		*token, *app_token, *prompt;

	if (*app_id != '\0' && *client != '\0') {
		app_token = xprintf("%s|%s", app_id, client);
		token = graph_device_login(h, pa, app_token, cause);
		util_free_secret(app_token);
		return token;
	}
	if (*app_id != '\0' || *client != '\0')
		platform_say(h, 0, "(Device login needs both app_id and "
		    "client_token; asking for a token instead.)\n");
	prompt = xprintf("Facebook access token for %s (a User or Page "
	    "token): ", pa->name);
	token = h->ask(h->arg, prompt, 1);
	free(prompt);
	if (*token == '\0') {
		util_free_secret(token);
		*cause = xstrdup("nothing entered");
		return NULL;
	}
	return token;
}

/* heed login for a Facebook Page; see above. */
int
graph_login(const struct platform_account *pa,
    const struct platform_link *links, size_t nlinks,
    const struct platform_host *h, struct platform_login *pl, char **cause)
{
	struct graph_page	*pages = NULL, *p;
	char			*token;
	size_t			 n = 0;
	int			 rc = -1;

	memset(pl, 0, sizeof *pl);
	if ((token = graph_person_token(h, pa, cause)) == NULL)
		return -1;
	if (graph_pages_all(h, pa, token, &pages, &n, cause) != 0)
		goto out;
	if (n == 0) {
		*cause = xstrdup("this login manages no Facebook Page (was "
		    "pages_show_list allowed, and does the person have a role "
		    "on the Page?)");
		goto out;
	}
	if ((p = graph_choose(h, pa, pages, n, cause)) == NULL)
		goto out;
	if (p->moderate == 0)
		platform_say(h, 0, "Note: the person who logged in lacks the "
		    "Moderate task on %s: Facebook then sends comments without "
		    "ids, and heed cannot answer them. Give that person the "
		    "Moderate task (Page settings > Page access) and log in "
		    "again.\n", p->name);
	pl->secret = xstrdup(p->token);
	pl->said = graph_said(pa, links, nlinks, p);
	rc = 0;
out:
	util_free_secret(token);
	graph_pages_free(pages, n);
	return rc;
}
