/*
 * mastodon-util.c -- the small things every part of the Mastodon adapter
 * needs: checking identifiers, handles, tokens and languages from the
 * wire; reading JSON members and times; the instance's address and the
 * start of an authenticated request; the Link header of a page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "util.h"

/*
 * Return 1 if s can be an identifier: 1 to MASTODON_MAX_ID letters,
 * digits, '-' or '_'. Mastodon's are digits, but they are opaque.
 */
int
mastodon_valid_id(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= MASTODON_MAX_ID || !((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-' || s[i] == '_'))
			return 0;
	}
	return 1;
}

/*
 * Order two identifiers as the server does: the shorter first, then byte
 * by byte. Snowflake ids grow in length over the years, so a plain string
 * comparison would put "99" after "100".
 */
int
mastodon_id_cmp(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b);

	if (la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

/*
 * Return 1 if s is an acct: "user" or "user@domain", the user of letters,
 * digits and '_' (with '.' and '-' inside, as other servers allow), the
 * domain printable ASCII without spaces or '@'.
 */
int
mastodon_valid_acct(const char *s)
{
	const char	*at;
	size_t		 i, n;

	if (s == NULL || *s == '\0' || strlen(s) > MASTODON_MAX_ACCT)
		return 0;
	at = strchr(s, '@');
	n = at != NULL ? (size_t)(at - s) : strlen(s);
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    s[i] == '_' || ((s[i] == '.' || s[i] == '-') && i > 0 &&
		    i + 1 < n)))
			return 0;
	}
	if (at == NULL)
		return 1;
	for (i = 1; at[i] != '\0'; i++) {
		if ((unsigned char)at[i] <= ' ' ||
		    (unsigned char)at[i] >= 0x7f || at[i] == '@' ||
		    at[i] == '/')
			return 0;
	}
	return i > 1;
}

/*
 * Return 1 if s is a web address to show and open: https://, bounded,
 * printable ASCII without spaces (a host in another script is punycode).
 */
int
mastodon_valid_url(const char *s)
{
	size_t	i;

	if (s == NULL || strncmp(s, "https://", 8) != 0 || s[8] == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= MASTODON_MAX_URL || (unsigned char)s[i] <= ' ' ||
		    (unsigned char)s[i] >= 0x7f)
			return 0;
	}
	return 1;
}

/* Return 1 if a token can go into a header: printable ASCII, bounded. */
int
mastodon_valid_token(const char *s)
{
	size_t	len, i;

	if (s == NULL || (len = strlen(s)) == 0 || len > MASTODON_MAX_TOKEN)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] <= ' ' || s[i] > '~')
			return 0;
	}
	return 1;
}

/* Return 1 if s looks like a language tag ("de", "pt-BR"). */
int
mastodon_valid_lang(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0' || strlen(s) > MASTODON_MAX_LANG)
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    (s[i] == '-' && i > 0)))
			return 0;
	}
	return 1;
}

/*
 * Return the identifier member key of o, or NULL. Only strings count: a
 * number where an id belongs (v2's most_recent_notification_id) has
 * already lost digits in a double, so it is never taken for one.
 */
const char *
mastodon_id(const json_t *o, const char *key)
{
	const char	*s = jdoc_str(o, key);

	return mastodon_valid_id(s) ? s : NULL;
}

/* Return the instance's address without a final '/', or NULL. */
char *
mastodon_base(const struct platform_account *pa)
{
	const char	*s = pa->base_url;
	size_t		 len;

	if (s == NULL || (len = strlen(s)) == 0)
		return NULL;
	while (len > 0 && s[len - 1] == '/')
		len--;
	return len == 0 ? NULL : xstrndup(s, len);
}

/* The token requests go with: the session's, else the stored one. */
const char *
mastodon_token(const struct platform_account *pa)
{
	return pa->access != NULL ? pa->access : pa->secret;
}

/*
 * Start an authenticated request to the instance: method, "{base}{path}
 * {query}" and the token. 0, or -1 with *cause when there is no token or
 * no address.
 */
int
mastodon_start(const struct platform_account *pa, const char *method,
    const char *path, const char *query, struct platform_request *req,
    char **cause)
{
	const char	*token = mastodon_token(pa);
	char		*base;

	if (!mastodon_valid_token(token))
		return util_fail(cause, "Mastodon: not logged in (run heed "
		    "login %s)", pa->name != NULL ? pa->name : "");
	if ((base = mastodon_base(pa)) == NULL)
		return util_fail(cause, "Mastodon: the account has no url "
		    "(the instance's address, e.g. https://mastodon.social)");
	memset(req, 0, sizeof *req);
	req->method = xstrdup(method);
	req->url = xprintf("%s%s%s", base, path, query != NULL ? query : "");
	req->authorization = xprintf("Bearer %s", token);
	free(base);
	return 0;
}

/* Load an answer as a JSON object (jdoc_free it); NULL with *cause. */
json_t *
mastodon_load(const struct platform_response *res, char **cause)
{
	return jdoc_object(res != NULL ? res->body : NULL, res != NULL ?
	    res->len : 0, MASTODON_MAX_RESPONSE, "Mastodon: ", cause);
}

/* Load an answer as a JSON array (jdoc_free it); NULL with *cause. */
json_t *
mastodon_load_array(const struct platform_response *res, char **cause)
{
	json_t	*doc;

	if (res == NULL || res->body == NULL || res->len == 0) {
		util_fail(cause, "Mastodon: malformed response: empty");
		return NULL;
	}
	if (res->len > MASTODON_MAX_RESPONSE) {
		util_fail(cause, "Mastodon: response too large");
		return NULL;
	}
	if ((doc = jdoc_parse(res->body, res->len, cause)) == NULL)
		return NULL;
	if (!json_is_array(doc)) {
		jdoc_free(doc);
		util_fail(cause, "Mastodon: malformed response: not a list");
		return NULL;
	}
	return doc;
}

/* Read a time member ("2026-08-01T15:00:00.000Z") in seconds; 0 or -1. */
int
mastodon_get_time(const json_t *o, const char *key, int64_t *out)
{
	int64_t	ms;

	if (util_parse_time_ms(jdoc_str(o, key), &ms) != 0)
		return -1;
	*out = ms / 1000;
	return 0;
}

/* Return the value of query parameter name in a URL, or NULL; new. */
static char *
mastodon_url_param(const char *url, size_t len, const char *name)
{
	const char	*q, *end = url + len, *p, *v;
	size_t		 n = strlen(name);

	if ((q = memchr(url, '?', len)) == NULL)
		return NULL;
	for (p = q + 1; p < end; p = v + 1) {
		if ((v = memchr(p, '&', (size_t)(end - p))) == NULL)
			v = end;
		if ((size_t)(v - p) > n && strncmp(p, name, n) == 0 &&
		    p[n] == '=')
			return xstrndup(p + n + 1, (size_t)(v - p) - n - 1);
	}
	return NULL;
}

/*
 * Read the Link header of a page ("<URL>; rel=\"next\", <URL>; rel=
 * \"prev\"") and return the value of param in the link of relation rel,
 * if it is a valid identifier; NULL otherwise. A new string.
 */
char *
mastodon_link(const struct platform_response *res, const char *rel,
    const char *param)
{
	const char	*h = platform_header(res, "Link"), *p, *lt, *gt, *next;
	char		*want, *v = NULL;
	size_t		 wlen;

	if (h == NULL || strlen(h) > 8192)
		return NULL;
	want = xprintf("rel=\"%s\"", rel);
	wlen = strlen(want);
	for (p = h; (lt = strchr(p, '<')) != NULL; p = next) {
		if ((gt = strchr(lt, '>')) == NULL)
			break;
		if ((next = strchr(gt, ',')) == NULL)
			next = gt + strlen(gt);
		for (p = gt + 1; p + wlen <= next; p++) {
			if (strncmp(p, want, wlen) == 0) {
				v = mastodon_url_param(lt + 1,
				    (size_t)(gt - lt - 1), param);
				break;
			}
		}
		if (v != NULL || *next == '\0')
			break;
	}
	free(want);
	if (v != NULL && !mastodon_valid_id(v)) {
		free(v);
		v = NULL;
	}
	return v;
}
