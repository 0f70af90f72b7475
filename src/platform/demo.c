/*
 * demo.c -- the demo platform adapter, in two flavours: a Facebook-like
 * page and a Bluesky-like social account.
 *
 * Like every adapter it does no I/O: it builds requests for the demo
 * server's API (see demo-server-api.c) and parses its JSON answers into
 * model structs. Answers are treated as hostile: every field is
 * type-checked, a bad item is skipped, every string is sanitized, and ids
 * are checked against a strict alphabet before they go anywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/platforms.h"
#include "text.h"
#include "util.h"

#define DEMO_MAX_RESPONSE	(8 * 1024 * 1024)
#define DEMO_MAX_ID		128
#define DEMO_MAX_LANG		35
#define DEMO_MAX_CAUSE		200	/* columns of a server message */
#define DEMO_PAGE_SIZE		100

static const char *const demo_streams[] = { "inbox", NULL };

/* Return 1 if s (len bytes) is a plausible remote id: [A-Za-z0-9._:-]. */
static int
demo_valid_id(const char *s, size_t len)
{
	size_t	i;
	char	c;

	if (len == 0 || len > DEMO_MAX_ID)
		return 0;
	for (i = 0; i < len; i++) {
		c = s[i];
		if ((c < 'a' || c > 'z') && (c < 'A' || c > 'Z') &&
		    (c < '0' || c > '9') && c != '.' && c != '_' &&
		    c != ':' && c != '-')
			return 0;
	}
	return 1;
}


/* Return a string member without NUL bytes inside; NULL otherwise. */
static const char *
demo_get_str(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);

	if (!json_is_string(v) ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return NULL;
	return json_string_value(v);
}

/* Return a new copy of an id member, or NULL if absent or not an id. */
static char *
demo_get_id(const json_t *o, const char *key)
{
	const char	*s = demo_get_str(o, key);

	if (s == NULL || !demo_valid_id(s, strlen(s)))
		return NULL;
	return xstrdup(s);
}

/* Return a sanitized one-line copy of a string member ("" if absent). */
static char *
demo_get_line(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);

	if (!json_is_string(v))
		return xstrdup("");
	return text_sanitize_line(json_string_value(v), json_string_length(v));
}

/* Return a sanitized copy of a text member ("" if absent). */
static char *
demo_get_text(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);

	if (!json_is_string(v))
		return xstrdup("");
	return text_sanitize(json_string_value(v), json_string_length(v));
}

/* Return 1 if a boolean member is true (anything else is false). */
static int
demo_get_bool(const json_t *o, const char *key)
{
	return json_is_true(json_object_get(o, key));
}

/* Return a language tag member if it looks like BCP 47; else NULL. */
static char *
demo_get_lang(const json_t *o)
{
	const char	*s = demo_get_str(o, "lang");
	size_t		 i, len;

	if (s == NULL || (len = strlen(s)) == 0 || len > DEMO_MAX_LANG)
		return NULL;
	for (i = 0; i < len; i++) {
		if ((s[i] < 'a' || s[i] > 'z') && (s[i] < 'A' || s[i] > 'Z') &&
		    (s[i] < '0' || s[i] > '9') && s[i] != '-')
			return NULL;
	}
	return xstrdup(s);
}

/* Return a permalink member if it is a web address; else NULL. */
static char *
demo_get_link(const json_t *o)
{
	const char	*s = demo_get_str(o, "permalink");

	if (s == NULL || (strncmp(s, "https://", 8) != 0 &&
	    strncmp(s, "http://", 7) != 0))
		return NULL;
	return text_sanitize_line(s, strlen(s));
}

/* Read the created_at member; 0, or -1 if missing or malformed. */
static int
demo_get_time(const json_t *o, int64_t *out)
{
	const char	*s = demo_get_str(o, "created_at");
	int64_t		 ms;

	if (s == NULL || util_parse_time_ms(s, &ms) != 0)
		return -1;
	*out = ms / 1000;
	return 0;
}

/*
 * Read an author object into name and handle ("" when missing). The
 * handle is kept as it is shown, with its "@".
 */
static void
demo_get_author(const json_t *o, char **name, char **handle)
{
	const json_t	*a = json_object_get(o, "author");
	char		*h;

	*name = demo_get_line(a, "name");	/* NULL object: "" */
	h = demo_get_line(a, "handle");
	if (*h == '\0' || *h == '@')
		*handle = h;
	else {
		*handle = xprintf("@%s", h);
		free(h);
	}
}

/* Return 1 if a member is absent, null, or of the wanted JSON type. */
static int
demo_type_ok(const json_t *o, const char *key, json_type type)
{
	const json_t	*v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return 1;
	if (type == JSON_TRUE)	/* stands for "a boolean" */
		return json_is_boolean(v);
	return json_typeof(v) == type;
}

/* Return 1 if every optional member of an item or post is well typed. */
static int
demo_item_shape_ok(const json_t *o)
{
	const json_t	*a = json_object_get(o, "author");

	return demo_type_ok(o, "text", JSON_STRING) &&
	    demo_type_ok(o, "deleted", JSON_TRUE) &&
	    demo_type_ok(o, "lang", JSON_STRING) &&
	    demo_type_ok(o, "permalink", JSON_STRING) &&
	    demo_type_ok(o, "like_count", JSON_INTEGER) &&
	    demo_type_ok(o, "own", JSON_TRUE) &&
	    demo_type_ok(o, "hidden", JSON_TRUE) &&
	    demo_type_ok(o, "liked", JSON_TRUE) &&
	    demo_type_ok(o, "author", JSON_OBJECT) &&
	    demo_type_ok(a, "name", JSON_STRING) &&
	    demo_type_ok(a, "handle", JSON_STRING);
}

/* Parse one item; 0, or -1 (with nothing allocated) to skip it. */
static int
demo_parse_item(const struct platform_account *acct, const json_t *o,
    struct item *it)
{
	const json_t	*parent = json_object_get(o, "parent");
	const json_t	*likes = json_object_get(o, "like_count");

	memset(it, 0, sizeof *it);
	if (!json_is_object(o) || !demo_item_shape_ok(o) ||
	    demo_get_time(o, &it->created) != 0)
		return -1;
	it->remote_id = demo_get_id(o, "id");
	it->post_remote_id = demo_get_id(o, "post");
	if (parent != NULL && !json_is_null(parent))
		it->parent_remote_id = demo_get_id(o, "parent");
	if (it->remote_id == NULL || it->post_remote_id == NULL ||
	    (parent != NULL && !json_is_null(parent) &&
	    it->parent_remote_id == NULL)) {
		item_clear(it);
		return -1;
	}
	it->account_id = acct->id;
	demo_get_author(o, &it->author_name, &it->author_handle);
	it->text = demo_get_text(o, "text");
	it->lang = demo_get_lang(o);
	it->permalink = demo_get_link(o);
	it->own = demo_get_bool(o, "own");
	it->hidden = demo_get_bool(o, "hidden");
	it->liked = demo_get_bool(o, "liked");
	if (json_is_integer(likes) && json_integer_value(likes) >= 0)
		it->like_count = json_integer_value(likes);
	it->kind = it->own || it->parent_remote_id != NULL ? ITEM_REPLY :
	    ITEM_COMMENT;
	return 0;
}

/* Parse one post; 0, or -1 (with nothing allocated) to skip it. */
static int
demo_parse_post(const struct platform_account *acct, const json_t *o,
    struct post *p)
{
	memset(p, 0, sizeof *p);
	if (!json_is_object(o) || !demo_item_shape_ok(o) ||
	    demo_get_time(o, &p->created) != 0 ||
	    (p->remote_id = demo_get_id(o, "id")) == NULL)
		return -1;
	p->account_id = acct->id;
	demo_get_author(o, &p->author_name, &p->author_handle);
	p->text = demo_get_text(o, "text");
	p->permalink = demo_get_link(o);
	p->own = demo_get_bool(o, "own");
	return 0;
}

/* Load a response body as JSON; NULL with *cause on failure. */
static json_t *
demo_load(const struct platform_response *res, char **cause)
{
	json_error_t	 err;
	json_t		*doc;
	char		*why;

	if (res == NULL || res->body == NULL) {
		util_fail(cause, "demo: malformed response: no body");
		return NULL;
	}
	if (res->len > DEMO_MAX_RESPONSE) {
		util_fail(cause, "demo: malformed response: too large");
		return NULL;
	}
	doc = json_loadb(res->body, res->len, JSON_ALLOW_NUL, &err);
	if (doc == NULL) {
		/* jansson's message may quote the hostile input. */
		why = text_sanitize_line(err.text, strnlen(err.text,
		    sizeof err.text));
		util_fail(cause, "demo: malformed response: %s (line %d)",
		    why, err.line);
		free(why);
		return NULL;
	}
	if (!json_is_object(doc)) {
		json_decref(doc);
		util_fail(cause, "demo: malformed response: not an object");
		return NULL;
	}
	return doc;
}

/* Check the top-level shape of an inbox page; 0 or -1 with *cause. */
static int
demo_check_page(const json_t *doc, char **cause)
{
	const json_t	*posts = json_object_get(doc, "posts");
	const json_t	*next = json_object_get(doc, "next");
	const json_t	*more = json_object_get(doc, "more");
	const char	*s;

	if (!json_is_array(json_object_get(doc, "items")))
		return util_fail(cause,
		    "demo: malformed response: \"items\" is not an array");
	if (posts != NULL && !json_is_array(posts))
		return util_fail(cause,
		    "demo: malformed response: \"posts\" is not an array");
	if (next != NULL && !json_is_null(next) &&
	    ((s = demo_get_str(doc, "next")) == NULL ||
	    !demo_valid_id(s, strlen(s))))
		return util_fail(cause,
		    "demo: malformed response: bad \"next\" cursor");
	if (more != NULL && !json_is_boolean(more))
		return util_fail(cause,
		    "demo: malformed response: \"more\" is not a boolean");
	return 0;
}

/* Add a deleted item's id to the page's gone list. */
static void
demo_page_gone(struct sync_page *page, const json_t *o)
{
	char	*id;

	if ((id = demo_get_id(o, "id")) == NULL)
		return;
	page->gone = xreallocarray(page->gone, page->ngone + 1,
	    sizeof *page->gone);
	page->gone[page->ngone++] = id;
}

/* Parse the posts and items of a checked page into page. */
static void
demo_fill_page(const struct platform_account *acct, const json_t *doc,
    struct sync_page *page)
{
	const json_t	*posts = json_object_get(doc, "posts"), *o;
	struct item	 it;
	struct post	 p;
	size_t		 i;

	json_array_foreach(posts, i, o) {
		if (demo_parse_post(acct, o, &p) != 0)
			continue;
		*sync_page_post(page) = p;
	}
	json_array_foreach(json_object_get(doc, "items"), i, o) {
		if (json_is_object(o) && demo_get_bool(o, "deleted"))
			demo_page_gone(page, o);
		else if (demo_parse_item(acct, o, &it) == 0)
			*item_list_add(&page->items) = it;
	}
	/* Without a cursor the next sync starts over; never loop on one. */
	if (demo_get_str(doc, "next") != NULL)
		page->next_cursor = xstrdup(demo_get_str(doc, "next"));
	page->more = page->next_cursor != NULL && demo_get_bool(doc, "more");
}

/* Say why an answer is an error, from its status and error message. */
static char *
demo_error_message(const struct platform_response *res)
{
	json_error_t	 err;
	json_t		*doc = NULL;
	const char	*msg = NULL;
	char		*clean, *out;

	if (res->body != NULL && res->len <= DEMO_MAX_RESPONSE)
		doc = json_loadb(res->body, res->len, JSON_ALLOW_NUL, &err);
	if (json_is_object(doc))
		msg = demo_get_str(json_object_get(doc, "error"), "message");
	if (msg == NULL || *msg == '\0') {
		json_decref(doc);
		return xprintf("demo: HTTP %ld", res->status);
	}
	clean = text_sanitize_line(msg, strlen(msg));
	clean[text_fit(clean, DEMO_MAX_CAUSE, NULL)] = '\0';
	out = xprintf("demo: %s", clean);
	free(clean);
	json_decref(doc);
	return out;
}

/* Classify a failed answer; *cause gets the server's message. */
static enum platform_error
demo_classify(const struct platform_response *res, char **cause)
{
	enum platform_error	e;
	char			*why;

	if (res != NULL && res->error != TRANSPORT_OK) {
		if (cause != NULL) {
			why = platform_unreached(res, DEMO_MAX_CAUSE,
			    "no answer");
			*cause = xprintf("demo: %s", why);
			free(why);
		}
		return PLATFORM_ERR_TEMPORARY;
	}
	if (res == NULL)
		e = PLATFORM_ERR_TEMPORARY;
	else if (res->status >= 200 && res->status <= 299)
		return PLATFORM_OK;
	else if (res->status == 401 || res->status == 403)
		e = PLATFORM_ERR_AUTH;
	else if (res->status == 429)
		e = PLATFORM_ERR_RATE;
	else if (res->status == 408 || res->status >= 500 || res->status < 100)
		e = PLATFORM_ERR_TEMPORARY;
	else
		e = PLATFORM_ERR_PERMANENT;
	if (cause != NULL)
		*cause = res != NULL ? demo_error_message(res) :
		    xstrdup("demo: no answer");
	return e;
}

/* Fail with the classified error of a non-2xx answer; return -1. */
static int
demo_fail_status(const struct platform_response *res, char **cause)
{
	char	*why = NULL;

	demo_classify(res, &why);
	if (cause != NULL)
		*cause = why;
	else
		free(why);
	return -1;
}

/* Return the account's base URL without a trailing slash; NULL if none. */
static char *
demo_base(const struct platform_account *acct)
{
	size_t	len;

	if (acct == NULL || acct->base_url == NULL)
		return NULL;
	len = strlen(acct->base_url);
	while (len > 0 && acct->base_url[len - 1] == '/')
		len--;
	return len == 0 ? NULL : xstrndup(acct->base_url, len);
}

/* Carry the account's access token, as a bearer token. */
static void
demo_authorize(const struct platform_account *acct,
    struct platform_request *req)
{
	if (acct->secret != NULL)
		req->authorization = xprintf("Bearer %s", acct->secret);
}

/* Build the request for the next page of the inbox. */
static int
demo_sync_request(const struct platform_account *acct, const char *stream,
    struct platform_request *req, char **cause)
{
	const char	*cursor = acct->cursor;
	char		*base;
	int64_t		 since;

	if (stream == NULL || strcmp(stream, "inbox") != 0)
		return util_fail(cause, "demo: no stream \"%s\"",
		    stream != NULL ? stream : "");
	if (cursor != NULL && !demo_valid_id(cursor, strlen(cursor)))
		return util_fail(cause, "demo: bad sync cursor");
	if ((base = demo_base(acct)) == NULL)
		return util_fail(cause, "demo: the account has no URL");
	memset(req, 0, sizeof *req);
	req->method = xstrdup("GET");
	if (cursor != NULL)
		req->url = xprintf("%s/v1/inbox?after=%s&limit=%d", base,
		    cursor, DEMO_PAGE_SIZE);
	else if (acct->history_days > 0 && acct->history_days < 100000) {
		since = acct->now - acct->history_days * 86400;
		req->url = xprintf("%s/v1/inbox?since=%lld&limit=%d", base,
		    (long long)since, DEMO_PAGE_SIZE);
	} else
		req->url = xprintf("%s/v1/inbox?limit=%d", base,
		    DEMO_PAGE_SIZE);
	demo_authorize(acct, req);
	free(base);
	return 0;
}

/* Parse one page of the inbox into page. */
static int
demo_sync_parse(const struct platform_account *acct, const char *stream,
    const struct platform_response *res, struct sync_page *page,
    char **cause)
{
	json_t	*doc;

	if (stream == NULL || strcmp(stream, "inbox") != 0)
		return util_fail(cause, "demo: no stream \"%s\"",
		    stream != NULL ? stream : "");
	if (res != NULL && (res->status < 200 || res->status > 299))
		return demo_fail_status(res, cause);
	if ((doc = demo_load(res, cause)) == NULL)
		return -1;
	if (demo_check_page(doc, cause) != 0) {
		json_decref(doc);
		return -1;
	}
	demo_fill_page(acct, doc, page);
	json_decref(doc);
	return 0;
}

/* Build the JSON body of a reply; NULL with *cause if it cannot be. */
static char *
demo_reply_body(const struct outbox_entry *e, char **cause)
{
	json_t	*o, *text;
	char	*body;

	if (e->body == NULL ||
	    (text = json_stringn(e->body, strlen(e->body))) == NULL) {
		util_fail(cause, "demo: the reply is not valid UTF-8 text");
		return NULL;
	}
	o = json_object();
	json_object_set_new(o, "text", text);
	if (e->idem_key != NULL &&
	    json_object_set_new(o, "client_key",
	    json_stringn(e->idem_key, strlen(e->idem_key))) != 0) {
		json_decref(o);
		util_fail(cause, "demo: bad idempotency key");
		return NULL;
	}
	body = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (body == NULL)
		fatal("cannot encode a reply");
	return body;
}

/* Build the request that carries out an outbox entry. */
static int
demo_action_request(const struct platform_account *acct,
    const struct outbox_entry *e, struct platform_request *req, char **cause)
{
	static const char *const verbs[] = {
		[ACTION_REPLY] = "replies", [ACTION_LIKE] = "like",
		[ACTION_UNLIKE] = "unlike", [ACTION_HIDE] = "hide",
		[ACTION_UNHIDE] = "unhide", [ACTION_DELETE] = NULL
	};
	char	*base, *body = NULL;

	if (e->kind < 0 || e->kind > ACTION_DELETE)
		return util_fail(cause, "demo: unknown action %d", e->kind);
	if (e->target_remote_id == NULL || !demo_valid_id(e->target_remote_id,
	    strlen(e->target_remote_id)))
		return util_fail(cause, "demo: bad comment id");
	if (e->kind == ACTION_REPLY && (body = demo_reply_body(e, cause)) ==
	    NULL)
		return -1;
	if ((base = demo_base(acct)) == NULL) {
		free(body);
		return util_fail(cause, "demo: the account has no URL");
	}
	memset(req, 0, sizeof *req);
	req->method = xstrdup(e->kind == ACTION_DELETE ? "DELETE" : "POST");
	if (e->kind == ACTION_DELETE)
		req->url = xprintf("%s/v1/comments/%s", base,
		    e->target_remote_id);
	else
		req->url = xprintf("%s/v1/comments/%s/%s", base,
		    e->target_remote_id, verbs[e->kind]);
	if (body != NULL) {
		req->body = body;
		req->content_type = xstrdup("application/json");
	}
	demo_authorize(acct, req);
	free(base);
	return 0;
}

/* Fill result from the answer to a reply; 0 or -1 with *cause. */
static int
demo_parse_created(const struct platform_account *acct,
    const struct outbox_entry *e, const json_t *doc,
    struct action_result *result, char **cause)
{
	struct item	it;
	char		*id;

	if ((id = demo_get_id(doc, "id")) == NULL)
		return util_fail(cause,
		    "demo: malformed response: no reply id");
	result->remote_id = id;
	if (demo_parse_item(acct, json_object_get(doc, "item"), &it) != 0 ||
	    strcmp(it.remote_id, id) != 0) {
		item_clear(&it);
		return 0;	/* the reply exists; sync will bring it */
	}
	free(it.parent_remote_id);
	it.parent_remote_id = xstrdup(e->target_remote_id);
	it.own = 1;
	it.kind = ITEM_REPLY;
	result->created = it;
	result->have_created = 1;
	return 0;
}

/* Parse the answer to an action into result. */
static int
demo_action_parse(const struct platform_account *acct,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *result, char **cause)
{
	json_t	*doc;
	int	 rc = 0;

	if (res == NULL || res->status < 200 || res->status > 299)
		return demo_fail_status(res, cause);
	if ((doc = demo_load(res, cause)) == NULL)
		return -1;
	if (e->kind == ACTION_REPLY)
		rc = demo_parse_created(acct, e, doc, result, cause);
	else if (!demo_get_bool(doc, "ok"))
		rc = util_fail(cause, "demo: malformed response: no \"ok\"");
	json_decref(doc);
	return rc;
}

const struct platform_ops demo_page_ops = {
	.name = "demo-page",
	.label = "Demo page (Facebook-like)",
	.tag = "fb",
	.caps = PLATFORM_CAN_LIKE | PLATFORM_CAN_UNLIKE | PLATFORM_CAN_HIDE |
	    PLATFORM_CAN_DELETE,
	.text_limit = 8000,
	.count = COUNT_CODEPOINTS,
	.no_hide_why = NULL,
	.secret_kind = "token",
	.secret_prompt = "Access token",
	.streams = demo_streams,
	.sync_request = demo_sync_request,
	.sync_parse = demo_sync_parse,
	.action_request = demo_action_request,
	.action_parse = demo_action_parse,
	.classify = demo_classify
};

const struct platform_ops demo_social_ops = {
	.name = "demo-social",
	.label = "Demo social (Bluesky-like)",
	.tag = "bs",
	.caps = PLATFORM_CAN_LIKE | PLATFORM_CAN_UNLIKE | PLATFORM_CAN_DELETE,
	.text_limit = 300,
	.count = COUNT_GRAPHEMES,
	.no_hide_why = "this platform cannot hide replies to your posts",
	.secret_kind = "token",
	.secret_prompt = "Access token",
	.streams = demo_streams,
	.sync_request = demo_sync_request,
	.sync_parse = demo_sync_parse,
	.action_request = demo_action_request,
	.action_parse = demo_action_parse,
	.classify = demo_classify
};
