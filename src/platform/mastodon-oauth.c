/*
 * mastodon-oauth.c -- the pieces of Mastodon's OAuth that heed login,
 * heed logout and heed doctor share (mastodon-login.c, mastodon-doctor.c):
 * the permissions heed asks for, the app heed registers on an instance as
 * the cache keeps it, OAuth's forms and error answers, PKCE's challenge,
 * the query a browser comes back with, and whose a token is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "text.h"
#include "util.h"

/*
 * The narrowest permissions that do what heed does: no read of the home
 * timeline, follows, lists or direct conversations, no change to the
 * profile. The moderation ones let the owner mute, block and report from
 * heed.
 */
const struct mastodon_scope mastodon_scopes[] = {
	{ "read:accounts", "to know whose the login is", 1 },
	{ "read:notifications", "to read mentions and replies", 1 },
	{ "read:statuses", "to read threads and the account's own posts", 1 },
	{ "write:statuses", "to reply, and to delete the account's own replies",
	    1 },
	{ "write:favourites", "to favourite", 1 },
	{ "write:mutes", "to mute an account", 0 },
	{ "write:blocks", "to block an account", 0 },
	{ "write:reports", "to report to the instance's moderators", 0 },
};
const size_t mastodon_nscopes = nitems(mastodon_scopes);

/* Build a form POST to the instance, with no token (OAuth's own). */
void
mastodon_form(const char *base, const char *path, const struct buf *form,
    struct platform_request *req)
{
	memset(req, 0, sizeof *req);
	req->method = xstrdup("POST");
	req->url = xprintf("%s%s", base, path);
	req->body = xstrdup(form->len > 0 ? form->data + 1 : "");
	req->content_type = xstrdup("application/x-www-form-urlencoded");
}

/* Return 1 if a value from an answer can be sent again and kept. */
int
mastodon_valid_value(const char *s, size_t max)
{
	return mastodon_valid_token(s) && strlen(s) <= max;
}

/*
 * Read an OAuth error answer ({"error", "error_description"}): *code the
 * error's name when it is one (a new string), *said its words for people,
 * sanitized and cut short (a new string, or NULL).
 */
void
mastodon_oauth_error(const struct platform_response *res, char **code,
    char **said)
{
	const char	*e, *d;
	json_t		*doc = NULL;

	*code = *said = NULL;
	if (res->body != NULL && res->len <= MASTODON_MAX_ERROR_BODY)
		doc = json_loadb(res->body, res->len, JSON_ALLOW_NUL, NULL);
	if (!json_is_object(doc)) {
		json_decref(doc);
		return;
	}
	e = jdoc_str(doc, "error");
	d = jdoc_str(doc, "error_description");
	if (mastodon_valid_value(e, 64))
		*code = xstrdup(e);
	if (d == NULL || *d == '\0')
		d = e;
	if (d != NULL && *d != '\0') {
		*said = text_sanitize_line(d, strlen(d));
		(*said)[text_fit(*said, MASTODON_MAX_CAUSE, NULL)] = '\0';
	}
	json_decref(doc);
}

/* Return 1 if a JSON array holds the string s. */
int
mastodon_listed(const json_t *list, const char *s)
{
	const json_t	*v;
	size_t		 i;

	json_array_foreach(list, i, v) {
		if (i >= MASTODON_MAX_SCOPES)
			break;
		if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
			return 1;
	}
	return 0;
}

/* Return 1 if the permissions (space-separated) list one by name. */
int
mastodon_has_scope(const char *list, const char *name)
{
	size_t		 n = strlen(name);
	const char	*p;

	for (p = list; (p = strstr(p, name)) != NULL; p += n) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
	}
	return 0;
}

/* Free an app's strings. */
void
mastodon_app_clear(struct mastodon_app *app)
{
	free(app->client_id);
	util_free_secret(app->client_secret);
	free(app->scopes);
	memset(app, 0, sizeof *app);
}

/*
 * The challenge of a PKCE verifier: base64url of its SHA-256, without
 * padding (RFC 7636, S256). A new string, or NULL with a cause.
 */
char *
mastodon_pkce_challenge(const char *verifier, char **cause)
{
	unsigned char	d[32];

	if (util_sha256(verifier, strlen(verifier), d, cause) != 0)
		return NULL;
	return util_base64url(d, sizeof d);
}

/*
 * Return the value of a parameter of a query ("a=1&b=x%20y"), decoded
 * ('+' is a space); a new string, or NULL if it is absent or not text.
 */
char *
mastodon_query_get(const char *query, const char *name)
{
	const char	*p, *end;
	size_t		 n = strlen(name);
	struct buf	 b;
	int		 hi, lo;

	for (p = query; *p != '\0'; p = end + (*end == '&')) {
		end = p + strcspn(p, "&");
		if ((size_t)(end - p) < n + 1 || strncmp(p, name, n) != 0 ||
		    p[n] != '=')
			continue;
		buf_init(&b, MASTODON_MAX_URL);
		for (p += n + 1; p < end; p++) {
			if (*p == '%' && end - p > 2 &&
			    (hi = util_hex(p[1])) != -1 &&
			    (lo = util_hex(p[2])) != -1) {
				buf_addch(&b, (char)(hi << 4 | lo));
				p += 2;
			} else
				buf_addch(&b, *p == '+' ? ' ' : *p);
		}
		if (b.data != NULL && strlen(b.data) != b.len) {
			buf_free(&b);
			return NULL;
		}
		return buf_steal(&b);
	}
	return NULL;
}

/*
 * Return 1 if an acct (from the instance) is the account the config's
 * handle names: the same user, whatever domain the handle adds. An empty
 * handle names anyone.
 */
int
mastodon_handle_is(const struct platform_account *pa, const char *acct)
{
	const char	*h = pa->handle != NULL ? pa->handle : "";
	size_t		 n;

	if (*h == '@')
		h++;
	if (*h == '\0')
		return 1;
	n = strcspn(h, "@");
	return strcspn(acct, "@") == n && strncasecmp(h, acct, n) == 0;
}

/* Ask whose a token is (verify_credentials). */
int
mastodon_whose_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct platform_account	with = *pa;

	with.access = token;
	return mastodon_start(&with, "GET",
	    "/api/v1/accounts/verify_credentials", NULL, req, cause);
}

/* Read whose a token is: the acct, a new string; or NULL with a cause. */
char *
mastodon_whose_parse(const struct platform_response *res, char **cause)
{
	const char	*acct;
	json_t		*doc;
	char		*out = NULL;

	if (res->status < 200 || res->status > 299) {
		mastodon_fail_status(res, cause);
		return NULL;
	}
	if ((doc = mastodon_load(res, cause)) == NULL)
		return NULL;
	acct = jdoc_str(doc, "acct");
	if (mastodon_valid_acct(acct) && mastodon_id(doc, "id") != NULL)
		out = xstrdup(acct);
	else
		util_fail(cause, "Mastodon: malformed response: no account");
	jdoc_free(doc);
	return out;
}
