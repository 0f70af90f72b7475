/*
 * graph-login.c -- the Graph API requests of heed login and heed doctor:
 * Facebook Login for Devices, the Pages a person manages, and debug_token.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
