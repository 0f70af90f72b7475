/*
 * graph.c -- the Graph API adapter's common part: building requests,
 * reading answers (their error envelope is read in graph-error.c), the
 * usage headers, sessions and the two ops tables (Facebook Pages and
 * Instagram business accounts).
 *
 * The secret heed keeps is a Page access token. Opening a "session" asks
 * the Graph API who that token is (GET /me): the Page's id and name, and
 * the Instagram business account linked to it. Nothing is renewed: a
 * Page token from a long-lived login does not expire by itself, and when
 * it stops working (error 190) the account needs heed login.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph-private.h"
#include "platforms.h"
#include "text.h"

#define GRAPH_REGAIN_MAX	(24 * 60)	/* minutes */

/* Return 1 if s is a Graph object id: digits and underscores. */
int
graph_valid_id(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0' || *s == '_')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= GRAPH_MAX_ID || ((s[i] < '0' || s[i] > '9') &&
		    s[i] != '_'))
			return 0;
	}
	return 1;
}

/* Read a string of decimal digits (at most 18); -1 if it is not one. */
int64_t
graph_number(const char *s)
{
	int64_t	n = 0;

	if (s == NULL || *s == '\0' || strlen(s) > 18)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n;
}

/*
 * Return 1 if a paging value from an answer is safe to send back and to
 * keep in a fetch key: short, printable, without spaces or colons.
 */
int
graph_valid_value(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= 1024 || (unsigned char)s[i] <= 0x20 ||
		    (unsigned char)s[i] >= 0x7f || s[i] == ':')
			return 0;
	}
	return 1;
}

/* A string member, or NULL. */
const char *
graph_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* An id member (a string of digits and underscores), or NULL. */
const char *
graph_id(const json_t *o, const char *key)
{
	const char	*s = graph_str(o, key);

	return graph_valid_id(s) ? s : NULL;
}

/* Read a time member ("2021-08-10T18:45:03+0000") into seconds. */
int
graph_time(const json_t *o, const char *key, int64_t *out)
{
	int64_t	ms;

	if (util_parse_time_ms(graph_str(o, key), &ms) != 0)
		return -1;
	*out = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
	return 0;
}

/* A text member, sanitized and cut at GRAPH_MAX_TEXT bytes; "" if none. */
char *
graph_text(const json_t *o, const char *key)
{
	const json_t	*t = json_object_get(o, key);
	const char	*s;
	size_t		 len;

	if (!json_is_string(t))
		return xstrdup("");
	s = json_string_value(t);
	len = json_string_length(t);
	if (len > GRAPH_MAX_TEXT) {
		len = GRAPH_MAX_TEXT;
		while (len > 0 && (s[len] & 0xC0) == 0x80)
			len--;
	}
	return text_sanitize(s, len);
}

/* A one-line member, sanitized and cut at width columns; NULL if none. */
char *
graph_line(const json_t *o, const char *key, size_t width)
{
	const json_t	*t = json_object_get(o, key);
	char		*s;

	if (!json_is_string(t) || json_string_length(t) == 0)
		return NULL;
	s = text_sanitize_line(json_string_value(t), strnlen(
	    json_string_value(t), json_string_length(t) > GRAPH_MAX_TEXT ?
	    GRAPH_MAX_TEXT : json_string_length(t)));
	s[text_fit(s, width, NULL)] = '\0';
	return s;
}

/* A boolean member: 1 only for true. */
int
graph_bool(const json_t *o, const char *key)
{
	return json_is_true(json_object_get(o, key));
}

void
graph_query_int(struct buf *q, const char *key, int64_t v)
{
	char	n[32];

	snprintf(n, sizeof n, "%lld", (long long)v);
	util_query(q, key, n);
}

/* Percent-decode n bytes ('+' is a space); a new string. */
static char *
graph_unescape(const char *s, size_t n)
{
	char	*out = xmalloc(n + 1), *o = out;
	size_t	 i;
	int	 hi, lo;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n &&
		    (hi = util_hex(s[i + 1])) >= 0 &&
		    (lo = util_hex(s[i + 2])) >= 0) {
			*o++ = (char)(hi * 16 + lo);
			i += 2;
		} else
			*o++ = s[i] == '+' ? ' ' : s[i];
	}
	*o = '\0';
	return out;
}

/* Split "a=1&b=2" (or a URL's query after '?') into decoded pairs. */
void
graph_params_parse(const char *s, struct graph_params *p)
{
	const char	*end, *eq;
	char		*k, *v;

	memset(p, 0, sizeof *p);
	if (s == NULL)
		return;
	if ((end = strchr(s, '?')) != NULL)
		s = end + 1;
	if ((end = strchr(s, '#')) == NULL)
		end = s + strlen(s);
	while (s < end) {
		const char *amp = memchr(s, '&', (size_t)(end - s));

		if (amp == NULL)
			amp = end;
		eq = memchr(s, '=', (size_t)(amp - s));
		if (amp > s && p->n < 256) {
			k = graph_unescape(s, (size_t)((eq != NULL ? eq : amp) -
			    s));
			v = eq != NULL ? graph_unescape(eq + 1,
			    (size_t)(amp - eq - 1)) : xstrdup("");
			p->keys = xreallocarray(p->keys, p->n + 1,
			    sizeof *p->keys);
			p->values = xreallocarray(p->values, p->n + 1,
			    sizeof *p->values);
			p->keys[p->n] = k;
			p->values[p->n++] = v;
		}
		s = amp + 1;
	}
}

/* The value of a parameter, or NULL. */
const char *
graph_params_get(const struct graph_params *p, const char *key)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		if (strcmp(p->keys[i], key) == 0)
			return p->values[i];
	}
	return NULL;
}

void
graph_params_clear(struct graph_params *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		free(p->keys[i]);
		free(p->values[i]);
	}
	free(p->keys);
	free(p->values);
	memset(p, 0, sizeof *p);
}

/*
 * Read the parameters of an answer's paging.next URL. heed never follows
 * that URL as it is (it names a host, and maybe a token): it takes the
 * paging parameters and builds its own request.
 */
void
graph_params_from_next(const json_t *doc, struct graph_params *p)
{
	const json_t	*paging = json_object_get(doc, "paging");

	graph_params_parse(graph_str(paging, "next"), p);
}

/*
 * The cursor of an answer's next page, if it has one that differs from
 * the page just read (prev); a new string, or NULL. When the paging is
 * not what a whole read ends with, *why (if why is not NULL) says how: a
 * next page that repeats this one's cursor or names none (the read stops
 * there, short of the end), or an empty page that says more follow (the
 * read goes on, but no page of it may be taken as the whole list).
 */
char *
graph_next_after(const json_t *doc, const char *prev, const char **why)
{
	struct graph_params	 p;
	const json_t		*paging = json_object_get(doc, "paging");
	const json_t		*data = json_object_get(doc, "data");
	const char		*after;
	char			*out = NULL;
	int			 valid;

	if (why != NULL)
		*why = NULL;
	graph_params_from_next(doc, &p);
	after = graph_params_get(&p, "after");
	valid = graph_valid_value(after);
	if (valid && (prev == NULL || strcmp(after, prev) != 0))
		out = xstrdup(after);
	graph_params_clear(&p);		/* after points into it */
	if (why == NULL || graph_str(paging, "next") == NULL)
		return out;
	if (out == NULL && valid)
		*why = "the platform named the same page as the next one";
	else if (out == NULL)
		*why = "the platform named a next page without a cursor";
	else if (json_is_array(data) && json_array_size(data) == 0)
		*why = "the platform sent an empty page that said more follow";
	return out;
}

/* Copy the base URL without a trailing slash. */
static char *
graph_base(const struct platform_account *pa)
{
	const char	*s = pa->base_url;
	size_t		 len;

	if (s == NULL || *s == '\0')
		s = GRAPH_DEFAULT_URL;
	len = strlen(s);
	while (len > 0 && s[len - 1] == '/')
		len--;
	return xstrndup(s, len);
}

/* Return 1 if a version reads "vNN.N". */
static int
graph_valid_version(const char *v)
{
	size_t	i, dots = 0;

	if (v == NULL || v[0] != 'v' || v[1] < '0' || v[1] > '9' ||
	    strlen(v) > 10)
		return 0;
	for (i = 1; v[i] != '\0'; i++) {
		if (v[i] == '.')
			dots++;
		else if (v[i] < '0' || v[i] > '9')
			return 0;
	}
	return dots == 1 && v[i - 1] != '.';
}

/* Start a request with a token: "{base}/{version}/{path}{query}". */
int
graph_start_token(const struct platform_account *pa, const char *token,
    const char *method, const char *path, const char *query,
    struct platform_request *req, char **cause)
{
	const char	*version = pa->version;
	char		*base;

	if (version == NULL || *version == '\0')
		version = GRAPH_DEFAULT_VERSION;
	if (!graph_valid_version(version))
		return util_fail(cause, "graph_version \"%s\" is not a Graph "
		    "API version (like %s)", version, GRAPH_DEFAULT_VERSION);
	base = graph_base(pa);
	memset(req, 0, sizeof *req);
	req->method = xstrdup(method);
	req->url = xprintf("%s/%s/%s%s", base, version, path,
	    query != NULL ? query : "");
	req->authorization = xprintf("Bearer %s", token);
	free(base);
	return 0;
}

/* Start a request with the open session's token. */
int
graph_start(const struct platform_account *pa, const char *method,
    const char *path, const char *query, struct platform_request *req,
    char **cause)
{
	if (pa->access == NULL || pa->user_id == NULL)
		return util_fail(cause, "no session is open (log in with heed "
		    "login)");
	return graph_start_token(pa, pa->access, method, path, query, req,
	    cause);
}

/* Make a form the request's body ("message=..."), taken from a query. */
void
graph_set_form(struct platform_request *req, const char *query)
{
	req->body = xstrdup(query[0] == '?' ? query + 1 : query);
	req->content_type = xstrdup("application/x-www-form-urlencoded");
}

/* Load an answer's body as a JSON object; release with jdoc_free. */
json_t *
graph_load(const struct platform_response *res, char **cause)
{
	return jdoc_object(res != NULL ? res->body : NULL, res != NULL ?
	    res->len : 0, GRAPH_MAX_RESPONSE, "", cause);
}

/* The highest percentage in a usage object, and its regain minutes. */
static void
graph_usage_one(const json_t *o, int64_t *pct, int64_t *regain)
{
	static const char *const keys[] = {
		"call_count", "total_cputime", "total_time", "acc_id_util_pct",
		NULL
	};
	const json_t	*v;
	size_t		 i;
	double		 d;
	int64_t		 m;

	for (i = 0; keys[i] != NULL; i++) {
		v = json_object_get(o, keys[i]);
		if (json_is_number(v) && json_number_value(v) > *pct &&
		    json_number_value(v) < 1e6)
			*pct = (int64_t)json_number_value(v);
	}
	/* Minutes; a wild value is held to a day, the longest window. */
	v = json_object_get(o, "estimated_time_to_regain_access");
	if (json_is_number(v) && json_number_value(v) > 0) {
		d = json_number_value(v);
		m = GRAPH_REGAIN_MAX;
		if (d < GRAPH_REGAIN_MAX && (m = (int64_t)d) < d)
			m++;
		if (m > *regain)
			*regain = m;
	}
}

/*
 * Read X-App-Usage and X-Business-Use-Case-Usage: percentages of the
 * window used, per app or per Page, and the minutes until access comes
 * back. Return the milliseconds to hold the next request: the whole wait
 * when Facebook names one, and from 75% on an ever longer pause, so the
 * limit is not reached while the queue still syncs.
 */
int64_t
graph_pace(const struct platform_response *res, int64_t now)
{
	const char	*h;
	json_t		*doc, *list, *e;
	const char	*key;
	int64_t		 pct = 0, regain = 0;
	size_t		 i;

	(void)now;
	if ((h = platform_header(res, "X-App-Usage")) != NULL &&
	    (doc = jdoc_parse(h, strlen(h), NULL)) != NULL) {
		graph_usage_one(doc, &pct, &regain);
		jdoc_free(doc);
	}
	if ((h = platform_header(res, "X-Business-Use-Case-Usage")) != NULL &&
	    (doc = jdoc_parse(h, strlen(h), NULL)) != NULL) {
		json_object_foreach(doc, key, list) {
			json_array_foreach(list, i, e)
				graph_usage_one(e, &pct, &regain);
		}
		jdoc_free(doc);
	}
	if ((h = platform_header(res, "X-Ad-Account-Usage")) != NULL &&
	    (doc = jdoc_parse(h, strlen(h), NULL)) != NULL) {
		graph_usage_one(doc, &pct, &regain);
		jdoc_free(doc);
	}
	if (regain > 0)
		return regain * 60 * 1000;
	/*
	 * Refused for the limit with no time named (no regain time, no
	 * Retry-After, which the engine honours itself): a minute at least.
	 */
	if (pct >= 100 || (res != NULL && res->status >= 400 &&
	    res->error == TRANSPORT_OK && platform_header(res, "Retry-After") ==
	    NULL && graph_classify(res, NULL) == PLATFORM_ERR_RATE))
		return 60 * 1000;
	if (pct >= 75)
		return (pct - 74) * 1000;	/* 1 s at 75%, 25 s at 99% */
	return 0;
}

/* The start of the history window, in seconds. */
int64_t
graph_window_start(const struct platform_account *pa)
{
	int64_t	days = pa->history_days > 0 && pa->history_days < 100000 ?
	    pa->history_days : 14;

	return pa->now - days * 86400;
}

/*
 * The adapter's data kept with an item: the post it hangs on, the
 * top-level comment of its thread, and whether a private reply can be
 * sent (Facebook). The outbox reads it back when acting on the item.
 */
char *
graph_extra(const char *post, const char *top, int can_private,
    int private_sent)
{
	json_t	*o = json_object();
	char	*s;

	if (post != NULL)
		json_object_set_new(o, "post", json_string(post));
	if (top != NULL)
		json_object_set_new(o, "top", json_string(top));
	if (can_private)
		json_object_set_new(o, "private", json_true());
	if (private_sent)
		json_object_set_new(o, "private_sent", json_true());
	s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	if (s == NULL)
		fatal("cannot encode an item's data");
	return s;
}

/* A string of an item's extra data that is a Graph id; a new string. */
char *
graph_extra_get(const char *extra, const char *key)
{
	json_t		*doc;
	const char	*v;
	char		*out = NULL;

	if (extra == NULL || (doc = jdoc_parse(extra, strlen(extra),
	    NULL)) == NULL)
		return NULL;
	if ((v = graph_id(doc, key)) != NULL)
		out = xstrdup(v);
	jdoc_free(doc);
	return out;
}

/*
 * The comment a reply goes under and is read back from: the top of the
 * target's thread (both platforms attach a reply to a reply there).
 */
char *
graph_thread_top(const struct outbox_entry *e)
{
	char	*top = graph_extra_get(e->target_extra, "top");

	return top != NULL ? top : xstrdup(e->target_remote_id);
}

/* Whether two optional values are the same (both absent counts). */
int
graph_same_value(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* A flag of an item's extra data. */
int
graph_extra_flag(const char *extra, const char *key)
{
	json_t	*doc;
	int	 v;

	if (extra == NULL || (doc = jdoc_parse(extra, strlen(extra),
	    NULL)) == NULL)
		return 0;
	v = graph_bool(doc, key);
	jdoc_free(doc);
	return v;
}

/*
 * Return 1 if a text on the platform is the reply heed sent: the same
 * once both are sanitized and blank space is folded (the Graph API may
 * trim or turn line ends).
 */
int
graph_same_text(const char *a, const char *b)
{
	char	*x, *y;
	int	 same;

	if (a == NULL || b == NULL)
		return 0;
	x = text_sanitize_line(a, strlen(a));
	y = text_sanitize_line(b, strlen(b));
	same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* Add a post to a page (copied). */
void
graph_page_post(struct sync_page *page, const struct post *p)
{
	page->posts = xreallocarray(page->posts, page->nposts + 1,
	    sizeof *page->posts);
	page->posts[page->nposts++] = *p;
}

/* Add a key to a list unless it is there already. */
static void
graph_page_key(char ***list, size_t *n, const char *key)
{
	size_t	i;

	for (i = 0; i < *n; i++) {
		if (strcmp((*list)[i], key) == 0)
			return;
	}
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrdup(key);
}

void
graph_page_fetch(struct sync_page *page, const char *key)
{
	graph_page_key(&page->fetch, &page->nfetch, key);
}

void
graph_page_gone(struct sync_page *page, const char *id)
{
	graph_page_key(&page->gone, &page->ngone, id);
}

/* Return 1 if a message id can be kept: printable ASCII, no spaces. */
static int
graph_valid_message_id(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= GRAPH_MAX_ID * 2 || s[i] <= ' ' || s[i] > '~')
			return 0;
	}
	return 1;
}

/*
 * Read the answer to a write that creates something: {"id": ...}. Set
 * *id; 0, or -1 with *cause.
 */
int
graph_written(const struct platform_response *res, char **id, char **cause)
{
	json_t		*doc;
	const char	*v;

	*id = NULL;
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	v = graph_id(doc, "id");
	if (v == NULL && graph_valid_message_id(graph_str(doc, "message_id")))
		v = graph_str(doc, "message_id");	/* private replies */
	if (v == NULL) {
		jdoc_free(doc);
		return util_fail(cause, "malformed response: no id");
	}
	*id = xstrdup(v);
	jdoc_free(doc);
	return 0;
}

/* Read the answer to a write that says {"success": true}. */
int
graph_success(const struct platform_response *res, char **cause)
{
	json_t	*doc;
	int	 ok;

	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	/* "success" is true, or the string "true" in some answers. */
	ok = graph_bool(doc, "success") || (graph_str(doc, "success") !=
	    NULL && strcmp(graph_str(doc, "success"), "true") == 0);
	jdoc_free(doc);
	if (!ok)
		return util_fail(cause, "Facebook did not say it was done");
	return 0;
}

/* Ask who a token is: the Page, and its Instagram business account. */
static int
graph_me_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	if (token == NULL || *token == '\0')
		return util_fail(cause, "no token (run heed login)");
	buf_init(&q, 0);
	util_query(&q, "fields",
	    "id,name,instagram_business_account{id,username}");
	rc = graph_start_token(pa, token, "GET", "me", q.data, req, cause);
	buf_free(&q);
	return rc;
}

static int
graph_login_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	return graph_me_request(pa, token, req, cause);
}

static int
graph_session_request(const struct platform_account *pa,
    struct platform_request *req, char **cause)
{
	return graph_me_request(pa, pa->secret, req, cause);
}

/* Read who the token is; for Instagram, the linked account. */
static int
graph_session_read(const struct platform_account *pa,
    const struct platform_response *res, struct platform_session *ps,
    int instagram, char **cause)
{
	const json_t	*ig;
	json_t		*doc;
	const char	*id;
	char		*name;
	int		 rc = 0;

	memset(ps, 0, sizeof *ps);
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if (pa->secret == NULL)
		return util_fail(cause, "no token");
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	id = graph_id(doc, "id");
	name = graph_line(doc, "name", 100);	/* sanitized: it is shown */
	ig = json_object_get(doc, "instagram_business_account");
	if (id == NULL)
		rc = util_fail(cause, "malformed response: the token's "
		    "Page has no id");
	else if (!instagram) {
		ps->user_id = xstrdup(id);
		ps->handle = name;
		name = NULL;
	} else if (graph_id(ig, "id") == NULL)
		rc = util_fail(cause, "the Page %s has no Instagram business "
		    "account linked (link it in Meta Business Suite: "
		    "Settings > Linked accounts)", name != NULL ? name : id);
	else {
		ps->user_id = xstrdup(graph_id(ig, "id"));
		ps->handle = graph_line(ig, "username", 100);
	}
	if (rc == 0)
		ps->access = xstrdup(pa->secret);
	free(name);
	jdoc_free(doc);
	if (rc != 0)
		platform_session_clear(ps);
	return rc;
}

static int
facebook_session_parse(const struct platform_account *pa,
    const struct platform_response *res, struct platform_session *ps,
    char **cause)
{
	return graph_session_read(pa, res, ps, 0, cause);
}

static int
instagram_session_parse(const struct platform_account *pa,
    const struct platform_response *res, struct platform_session *ps,
    char **cause)
{
	return graph_session_read(pa, res, ps, 1, cause);
}

static const char *const facebook_streams[] = { "feed", NULL };
static const char *const instagram_streams[] = { "media", "tags", NULL };
static const char *const facebook_stream_labels[] = {
	"the Page's posts and their comments", NULL
};
static const char *const instagram_stream_labels[] = {
	"the account's posts and their comments",
	"the posts the account is tagged in", NULL
};

const struct platform_ops facebook_ops = {
	.name = "facebook",
	.label = "Facebook",
	.tag = "fb",
	.caps = PLATFORM_CAN_LIKE | PLATFORM_CAN_UNLIKE | PLATFORM_CAN_HIDE |
	    PLATFORM_CAN_DELETE | PLATFORM_CAN_PRIVATE_REPLY |
	    PLATFORM_NO_IDEMPOTENCY,
	.text_limit = GRAPH_FB_TEXT_LIMIT,
	.count = COUNT_UTF16,
	.no_hide_why = NULL,
	.secret_kind = "page-token",
	.secret_prompt = "Facebook access token (a User or Page token)",
	.streams = facebook_streams,
	.stream_labels = facebook_stream_labels,
	.sync_request = facebook_sync_request,
	.sync_parse = facebook_sync_parse,
	.action_request = facebook_action_request,
	.action_parse = facebook_action_parse,
	.classify = graph_classify,
	.login_request = graph_login_request,
	.session_request = graph_session_request,
	.session_parse = facebook_session_parse,
	.fetch_request = facebook_fetch_request,
	.fetch_parse = facebook_fetch_parse,
	.reconcile_request = facebook_reconcile_request,
	.reconcile_parse = facebook_reconcile_parse,
	.pace = graph_pace,
	.login = graph_login,
	.check = facebook_check
};

const struct platform_ops instagram_ops = {
	.name = "instagram",
	.label = "Instagram",
	.tag = "ig",
	.caps = PLATFORM_CAN_HIDE | PLATFORM_CAN_DELETE |
	    PLATFORM_NO_IDEMPOTENCY | PLATFORM_NO_MENTION_REPLY,
	.text_limit = GRAPH_IG_TEXT_LIMIT,
	.count = COUNT_CODEPOINTS,
	.no_hide_why = NULL,
	.secret_kind = "page-token",
	.secret_prompt = "Facebook access token (a User or Page token)",
	.streams = instagram_streams,
	.stream_labels = instagram_stream_labels,
	.sync_request = instagram_sync_request,
	.sync_parse = instagram_sync_parse,
	.action_request = instagram_action_request,
	.action_parse = instagram_action_parse,
	.classify = instagram_classify,
	.login_request = graph_login_request,
	.session_request = graph_session_request,
	.session_parse = instagram_session_parse,
	.fetch_request = instagram_fetch_request,
	.fetch_parse = instagram_fetch_parse,
	.reconcile_request = instagram_reconcile_request,
	.reconcile_parse = instagram_reconcile_parse,
	.pace = graph_pace,
	.login_via = "facebook",
	.login_via_why = "is an Instagram account: set facebook_account to "
	    "the [account] section of the Facebook Page it is linked to, and "
	    "log in to that one (see heed.conf(5))",
	.check = instagram_check
};
