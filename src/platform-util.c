/*
 * platform-util.c -- what the adapters and the engine share about
 * requests and answers: finding a header, the words of an answer that
 * never came, the length of a text as a platform counts it, and freeing
 * the structs of platform.h. It calls no adapter, so the adapters may
 * call it without a circle through the table in platform.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "platform.h"
#include "text.h"
#include "util.h"

/* Find a response header by name, ignoring case; NULL if absent. */
const char *
platform_header(const struct platform_response *res, const char *name)
{
	size_t	i;

	if (res == NULL || res->headers == NULL)
		return NULL;
	for (i = 0; i < res->nheaders; i++) {
		if (strcasecmp(res->headers[i].name, name) == 0)
			return res->headers[i].value;
	}
	return NULL;
}

/*
 * Say in one clean line why a request got no answer: the transport's
 * words, cut to max columns, or dflt when it has none. A new string.
 */
char *
platform_unreached(const struct platform_response *res, size_t max,
    const char *dflt)
{
	char	*line;

	if (res == NULL || res->message == NULL || *res->message == '\0')
		return xstrdup(dflt);
	line = text_sanitize_line(res->message, strlen(res->message));
	line[text_fit(line, max, NULL)] = '\0';
	if (*line == '\0') {
		free(line);
		return xstrdup(dflt);
	}
	return line;
}

/* Count UTF-16 code units, as some platforms limit text. */
static size_t
platform_utf16_length(const char *s)
{
	size_t		n = 0, len = strlen(s), off = 0;
	uint32_t	cp;

	while (off < len) {
		off += text_decode(s + off, len - off, &cp);
		n += cp >= 0x10000 ? 2 : 1;
	}
	return n;
}

/* Return the length of a word that begins a link, or 0 if it is none. */
static size_t
platform_link_at(const char *s)
{
	size_t	n;

	if (strncmp(s, "https://", 8) == 0)
		n = 8;
	else if (strncmp(s, "http://", 7) == 0)
		n = 7;
	else
		return 0;
	if (s[n] == '\0' || isspace((unsigned char)s[n]))
		return 0;
	return n + strcspn(s + n, " \t\n\r\f\v");
}

/*
 * Count as Mastodon does: characters, a link as PLATFORM_URL_LENGTH, and
 * a mention "@user@domain" as "@user" (the domain is free).
 */
static size_t
platform_mastodon_length(const char *s)
{
	size_t	n = 0, len, user;
	char	*part;

	while (*s != '\0') {
		if ((len = platform_link_at(s)) > 0) {
			n += PLATFORM_URL_LENGTH;
			s += len;
			continue;
		}
		if (*s == '@' && (s[1] == '_' || isalnum((unsigned char)s[1]))) {
			user = 1 + strspn(s + 1, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");
			len = user + strcspn(s + user, " \t\n\r\f\v");
			if (s[user] == '@' && len > user + 1) {
				n += user;
				s += len;
				continue;
			}
		}
		len = strcspn(s + 1, " \t\n\r\f\v@h") + 1;
		part = xstrndup(s, len);
		n += text_codepoints(part);
		free(part);
		s += len;
	}
	return n;
}

/* Measure a reply the way the platform counts its limit. */
size_t
platform_text_length(const struct platform_ops *ops, const char *s)
{
	switch (ops->count) {
	case COUNT_MASTODON:
		return platform_mastodon_length(s);
	case COUNT_GRAPHEMES:
		return text_graphemes(s);
	case COUNT_UTF16:
		return platform_utf16_length(s);
	default:
		return text_codepoints(s);
	}
}

/* Make a JSON object a request's body; the object is consumed. */
void
platform_request_json(struct platform_request *req, json_t *o)
{
	req->body = o != NULL ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (req->body == NULL)
		fatal("cannot encode a request body");
	req->content_type = xstrdup("application/json");
}

/* Free a request's strings. */
void
platform_request_clear(struct platform_request *r)
{
	free(r->method);
	free(r->url);
	free(r->body);
	free(r->content_type);
	free(r->idempotency_key);
	util_free_secret(r->authorization);
	memset(r, 0, sizeof *r);
}

/* Add a key to a list of a page unless it is there already. */
void
sync_page_key(char ***list, size_t *n, const char *key)
{
	size_t	i;

	for (i = 0; i < *n; i++) {
		if (strcmp((*list)[i], key) == 0)
			return;
	}
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = xstrdup(key);
}

/* Add a zeroed post to a page and return it. */
struct post *
sync_page_post(struct sync_page *page)
{
	struct post	*p;

	page->posts = xreallocarray(page->posts, page->nposts + 1,
	    sizeof *page->posts);
	p = &page->posts[page->nposts++];
	memset(p, 0, sizeof *p);
	return p;
}

/* Free everything a parsed page holds. */
void
sync_page_clear(struct sync_page *p)
{
	size_t	i;

	for (i = 0; i < p->nposts; i++)
		post_clear(&p->posts[i]);
	free(p->posts);
	item_list_free(&p->items);
	free(p->next_cursor);
	for (i = 0; i < p->ngone; i++)
		free(p->gone[i]);
	free(p->gone);
	for (i = 0; i < p->nfetch; i++)
		free(p->fetch[i]);
	free(p->fetch);
	free(p->notice);
	free(p->sweep);
	free(p->incomplete);
	memset(p, 0, sizeof *p);
}

/* Free an action result. */
void
action_result_clear(struct action_result *r)
{
	free(r->remote_id);
	free(r->next);
	free(r->target_extra);
	item_clear(&r->created);
	memset(r, 0, sizeof *r);
}

/* Free a session, wiping its tokens. */
void
platform_session_clear(struct platform_session *ps)
{
	util_free_secret(ps->access);
	util_free_secret(ps->refresh);
	free(ps->user_id);
	free(ps->handle);
	free(ps->service);
	memset(ps, 0, sizeof *ps);
}

/* Free what a login gave, wiping its secret. */
void
platform_login_clear(struct platform_login *pl)
{
	util_free_secret(pl->secret);
	free(pl->said);
	memset(pl, 0, sizeof *pl);
}

/* Say a formatted line through a login's host. */
void
platform_say(const struct platform_host *h, int trouble, const char *fmt,
    ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	h->say(h->arg, trouble, msg);
	free(msg);
}

/* Lay an answer a host or checker gave out as a response. */
static void
platform_answer(struct platform_response *res, long status, char *body)
{
	memset(res, 0, sizeof *res);
	res->status = status;
	res->body = body;
	res->len = strlen(body);
}

/* Send a login's request through its host; see platform.h. */
int
platform_host_call(const struct platform_host *h, struct platform_request *req,
    struct platform_response *res, char **body, char **cause)
{
	long	status = 0;
	int	rc;

	*body = NULL;
	rc = h->send(h->arg, req, &status, body, cause);
	platform_request_clear(req);
	memset(res, 0, sizeof *res);
	if (rc != 0)
		return -1;
	platform_answer(res, status, *body);
	return 0;
}

/* Send a check's request through its checker; see platform.h. */
int
platform_checker_call(const struct platform_checker *ck,
    struct platform_request *req, const char *what, int quiet,
    struct platform_response *res, char **body)
{
	long	status = 0;
	int	rc;

	*body = NULL;
	rc = ck->send(ck->arg, req, what, quiet, &status, body);
	platform_request_clear(req);
	memset(res, 0, sizeof *res);
	if (rc == 0)
		platform_answer(res, status, *body);
	return rc;
}
