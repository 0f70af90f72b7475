/*
 * graph-util.c -- what the Graph adapter's files share above its readers
 * and errors: query strings and paging parameters, building requests,
 * loading answers, an item's extra data, pages, and reading the answer
 * to a write.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph-private.h"
#include "text.h"

/* Add an integer parameter to a query. */
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

/* Free the pairs of a parameter list and zero it. */
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
	*sync_page_post(page) = *p;
}

/* Name a fetch on a page, once. */
void
graph_page_fetch(struct sync_page *page, const char *key)
{
	sync_page_key(&page->fetch, &page->nfetch, key);
}

/* Name an id on a page as gone, once. */
void
graph_page_gone(struct sync_page *page, const char *id)
{
	sync_page_key(&page->gone, &page->ngone, id);
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

/*
 * Read the answer to a write that says {"success": true}; who names the
 * platform (Facebook, Instagram) in the message when it does not.
 */
int
graph_success(const struct platform_response *res, const char *who,
    char **cause)
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
		return util_fail(cause, "%s did not say it was done", who);
	return 0;
}

