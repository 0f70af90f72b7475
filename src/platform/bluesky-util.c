/*
 * bluesky-util.c -- the small pieces the Bluesky adapter is built from:
 * RFC 3339 times, checks of the identifiers that come from the network
 * (at:// URIs, CIDs, DIDs, handles, language tags, cursors), JSON access
 * that refuses the wrong type, and request and URL building.
 *
 * Every identifier is checked against a strict alphabet and a length
 * bound before it goes into a URL, the store or a request body. This is
 * the lowest of the adapter's files: it calls none of the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/bluesky-private.h"
#include "platform/platforms.h"
#include "text.h"
#include "util.h"


/* Return 1 if every byte of s[0..n) is in the given set or alphanumeric. */
static int
bluesky_alnum_or(const char *s, size_t n, const char *set)
{
	size_t	i;
	char	c;

	for (i = 0; i < n; i++) {
		c = s[i];
		if ((c < 'a' || c > 'z') && (c < 'A' || c > 'Z') &&
		    (c < '0' || c > '9') && (c == '\0' ||
		    strchr(set, c) == NULL))
			return 0;
	}
	return 1;
}

/*
 * Find the parts of an at:// URI naming a record ("at://did/collection/
 * rkey"): the authority at *a (*alen bytes), the collection at *c (*clen
 * bytes) and the record key at *r, to the end; 0, or -1 if it is not one.
 * Only the characters DIDs, NSIDs and record keys use are let through:
 * no spaces, quotes, slashes within a part, "?" or "#".
 */
static int
bluesky_uri_parts(const char *s, const char **a, size_t *alen,
    const char **c, size_t *clen, const char **r)
{
	size_t	rlen;

	if (s == NULL || strncmp(s, "at://", 5) != 0 ||
	    strlen(s) > BLUESKY_MAX_URI)
		return -1;
	*a = s + 5;
	if ((*c = strchr(*a, '/')) == NULL ||
	    (*r = strchr(*c + 1, '/')) == NULL)
		return -1;
	*alen = *c - *a;
	(*c)++;
	*clen = *r - *c;
	(*r)++;
	rlen = strlen(*r);
	if (*alen == 0 || *clen == 0 || rlen == 0 ||
	    !bluesky_alnum_or(*a, *alen, ".:_%-") ||
	    !bluesky_alnum_or(*c, *clen, ".-") ||
	    !bluesky_alnum_or(*r, rlen, "._:~-") ||
	    strcmp(*r, ".") == 0 || strcmp(*r, "..") == 0)
		return -1;
	return 0;
}

/*
 * Split an at:// URI naming a record into its parts (see
 * bluesky_uri_parts); 0, or -1 (nothing allocated) if it is not one.
 */
int
bluesky_split_uri(const char *s, struct bluesky_uri *u)
{
	const char	*a, *c, *r;
	size_t		 alen, clen;

	memset(u, 0, sizeof *u);
	if (bluesky_uri_parts(s, &a, &alen, &c, &clen, &r) != 0)
		return -1;
	u->authority = xstrndup(a, alen);
	u->collection = xstrndup(c, clen);
	u->rkey = xstrdup(r);
	return 0;
}

/* Free the parts of a split URI. */
void
bluesky_uri_clear(struct bluesky_uri *u)
{
	free(u->authority);
	free(u->collection);
	free(u->rkey);
	memset(u, 0, sizeof *u);
}

/* Return 1 if s is an at:// URI naming a record. */
int
bluesky_valid_uri(const char *s)
{
	const char	*a, *c, *r;
	size_t		 alen, clen;

	return bluesky_uri_parts(s, &a, &alen, &c, &clen, &r) == 0;
}

/* Return 1 if s looks like a CID (base32 or base58, bounded). */
int
bluesky_valid_cid(const char *s)
{
	size_t	len;

	return s != NULL && (len = strlen(s)) >= 8 &&
	    len <= BLUESKY_MAX_CID && bluesky_alnum_or(s, len, "");
}

/* Return 1 if s looks like a DID ("did:plc:...", "did:web:..."). */
int
bluesky_valid_did(const char *s)
{
	const char	*id;
	size_t		 len;

	if (s == NULL || strncmp(s, "did:", 4) != 0 ||
	    (len = strlen(s)) > BLUESKY_MAX_DID ||
	    (id = strchr(s + 4, ':')) == NULL || id == s + 4 ||
	    !bluesky_alnum_or(s + 4, id - (s + 4), "") ||
	    id[1] == '\0' || s[len - 1] == ':' || s[len - 1] == '%')
		return 0;
	return bluesky_alnum_or(id + 1, strlen(id + 1), "._:%-");
}

/* Return 1 if s is a handle: dot-separated labels of [A-Za-z0-9-]. */
int
bluesky_valid_handle(const char *s)
{
	size_t	len, i;

	if (s == NULL || (len = strlen(s)) == 0 || len > BLUESKY_MAX_HANDLE ||
	    strchr(s, '.') == NULL || s[0] == '.' || s[len - 1] == '.' ||
	    strstr(s, "..") != NULL || !bluesky_alnum_or(s, len, ".-"))
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '-' && (i == 0 || s[i - 1] == '.' ||
		    s[i + 1] == '.' || s[i + 1] == '\0'))
			return 0;
	}
	return 1;
}

/* Return 1 if s is a plausible BCP 47 tag: "en", "pt-BR", "zh-Hant-TW". */
int
bluesky_valid_lang(const char *s)
{
	size_t	len, i, run = 0;

	if (s == NULL || (len = strlen(s)) < 2 || len > BLUESKY_MAX_LANG)
		return 0;
	for (i = 0; i < len && s[i] != '-'; i++) {
		if ((s[i] < 'a' || s[i] > 'z') && (s[i] < 'A' || s[i] > 'Z'))
			return 0;
	}
	if (i < 2 || i > 3)
		return 0;
	for (; i < len; i++) {
		if (s[i] == '-') {
			if (i + 1 == len || (i > 0 && s[i - 1] == '-'))
				return 0;
			run = 0;
		} else if (!bluesky_alnum_or(s + i, 1, "") || ++run > 8)
			return 0;
	}
	return 1;
}

/* Return 1 if s is a server cursor heed will pass back: printable ASCII. */
int
bluesky_valid_cursor(const char *s)
{
	size_t	len, i;

	if (s == NULL || (len = strlen(s)) == 0 || len > BLUESKY_MAX_CURSOR)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] <= ' ' || s[i] > '~')
			return 0;
	}
	return 1;
}

/* Return a string member without NUL bytes inside; NULL otherwise. */
const char *
bluesky_str(const json_t *o, const char *key)
{
	return jdoc_str(o, key);
}

/* Return the string member b of the object member a of o; or NULL. */
const char *
bluesky_path(const json_t *o, const char *a, const char *b)
{
	return bluesky_str(json_object_get(o, a), b);
}

/*
 * Return the web address of a post, "https://bsky.app/profile/HANDLE/
 * post/RKEY", or NULL if uri does not name a post. The DID stands in for
 * a handle that is missing, malformed or "handle.invalid".
 */
char *
bluesky_permalink(const char *handle, const char *uri)
{
	struct bluesky_uri	 u;
	const char		*who;
	char			*link = NULL;

	if (bluesky_split_uri(uri, &u) != 0)
		return NULL;
	who = bluesky_valid_handle(handle) &&
	    strcmp(handle, "handle.invalid") != 0 ? handle : u.authority;
	if (strcmp(u.collection, BLUESKY_POST) == 0)
		link = xprintf("https://bsky.app/profile/%s/post/%s", who,
		    u.rkey);
	bluesky_uri_clear(&u);
	return link;
}

/* Return the account's handle without a leading "@"; NULL if none. */
char *
bluesky_own_handle(const struct platform_account *pa)
{
	const char	*h = pa->handle;

	if (h == NULL)
		return NULL;
	if (*h == '@')
		h++;
	return *h == '\0' ? NULL : xstrdup(h);
}

/*
 * Return the URL requests go to, without one trailing slash: the PDS the
 * session named (when service is set and asked for), else the configured
 * URL. NULL if there is none.
 */
char *
bluesky_base(const struct platform_account *pa, int service)
{
	const char	*s;
	size_t		 len;

	s = service && pa->service != NULL && *pa->service != '\0' ?
	    pa->service : pa->base_url;
	if (s == NULL || (len = strlen(s)) == 0)
		return NULL;
	if (s[len - 1] == '/')
		len--;
	return len == 0 ? NULL : xstrndup(s, len);
}

/*
 * Start an authenticated XRPC request to the account's PDS: method,
 * "{base}/xrpc/{nsid}{query}" and the access token. 0, or -1 with *cause
 * when there is no session or no URL.
 */
int
bluesky_start(const struct platform_account *pa, const char *method,
    const char *nsid, const char *query, struct platform_request *req,
    char **cause)
{
	char	*base;

	if (pa->access == NULL)
		return util_fail(cause, "Bluesky: no session is open (log in "
		    "with heed login)");
	if ((base = bluesky_base(pa, 1)) == NULL)
		return util_fail(cause, "Bluesky: the account has no URL");
	memset(req, 0, sizeof *req);
	req->method = xstrdup(method);
	req->url = xprintf("%s/xrpc/%s%s", base, nsid,
	    query != NULL ? query : "");
	req->authorization = xprintf("Bearer %s", pa->access);
	free(base);
	return 0;
}

/*
 * Load a response body as a JSON object, to be released with jdoc_free;
 * NULL with *cause on failure.
 */
json_t *
bluesky_load(const struct platform_response *res, char **cause)
{
	return jdoc_object(res != NULL ? res->body : NULL, res != NULL ?
	    res->len : 0, BLUESKY_MAX_RESPONSE, "Bluesky: ", cause);
}

/* Set a string member if the value is not NULL. */
static void
bluesky_set_str(json_t *o, const char *key, const char *value)
{
	if (value != NULL)
		json_object_set_new(o, key, json_string(value));
}

/* Return 1 if s (or NULL) goes into JSON as it is: printable ASCII. */
static int
bluesky_plain(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	for (; p != NULL && *p != '\0'; p++) {
		if (*p < 0x20 || *p > 0x7e || *p == '"' || *p == '\\')
			return 0;
	}
	return 1;
}

/*
 * Append "key":"value" to the JSON object opened at offset open of b,
 * after a comma unless it is the first member; nothing if value is NULL.
 */
static void
bluesky_put_str(struct buf *b, size_t open, const char *key,
    const char *value)
{
	if (value == NULL)
		return;
	if (b->len > open + 1)
		buf_addch(b, ',');
	buf_addch(b, '"');
	buf_addstr(b, key);
	buf_addstr(b, "\":\"");
	buf_addstr(b, value);
	buf_addch(b, '"');
}

/* Build an item's extra data with jansson; see bluesky_extra. */
static char *
bluesky_extra_json(const char *cid, const char *root_uri,
    const char *root_cid, const char *did, const char *handle,
    const char *lang, const char *like)
{
	json_t	*o, *root;
	char	*s;

	o = json_object();
	bluesky_set_str(o, "cid", cid);
	if (root_uri != NULL) {
		root = json_object();
		bluesky_set_str(root, "uri", root_uri);
		bluesky_set_str(root, "cid", root_cid);
		json_object_set_new(o, "root", root);
	}
	bluesky_set_str(o, "did", did);
	bluesky_set_str(o, "handle", handle);
	bluesky_set_str(o, "lang", lang);
	bluesky_set_str(o, "like", like);
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (s == NULL)
		fatal("cannot encode an item's extra data");
	return s;
}

/*
 * Return an item's extra data, compact JSON only this adapter reads:
 * {"cid":..,"root":{"uri":..,"cid":..},"did":..,"handle":..,"lang":..,
 * "like":..}, like being the address of the account's like of the post.
 * Members given as NULL are left out (root when the item is its own
 * root). The values must be checked identifiers already.
 *
 * A sync makes one for every item it reads, and building a jansson
 * object only to write it out was a tenth of the adapter's time: values
 * that need no escaping (checked identifiers always) are written
 * directly, in the order and form json_dumps gives; anything else still
 * goes through jansson.
 */
char *
bluesky_extra(const char *cid, const char *root_uri, const char *root_cid,
    const char *did, const char *handle, const char *lang, const char *like)
{
	struct buf	b;
	size_t		root;

	if (!bluesky_plain(cid) || !bluesky_plain(root_uri) ||
	    !bluesky_plain(root_cid) || !bluesky_plain(did) ||
	    !bluesky_plain(handle) || !bluesky_plain(lang) ||
	    !bluesky_plain(like))
		return bluesky_extra_json(cid, root_uri, root_cid, did, handle,
		    lang, like);
	buf_init(&b, 0);
	buf_addch(&b, '{');
	bluesky_put_str(&b, 0, "cid", cid);
	if (root_uri != NULL) {
		if (b.len > 1)
			buf_addch(&b, ',');
		buf_addstr(&b, "\"root\":");
		root = b.len;
		buf_addch(&b, '{');
		bluesky_put_str(&b, root, "uri", root_uri);
		bluesky_put_str(&b, root, "cid", root_cid);
		buf_addch(&b, '}');
	}
	bluesky_put_str(&b, 0, "did", did);
	bluesky_put_str(&b, 0, "handle", handle);
	bluesky_put_str(&b, 0, "lang", lang);
	bluesky_put_str(&b, 0, "like", like);
	buf_addch(&b, '}');
	return buf_steal(&b);
}

/* Return 1 if uri is a record of the account's own in a collection. */
int
bluesky_own_record(const struct platform_account *pa, const char *uri,
    const char *collection)
{
	struct bluesky_uri	u;
	int			own;

	if (pa->user_id == NULL || bluesky_split_uri(uri, &u) != 0)
		return 0;
	own = strcmp(u.authority, pa->user_id) == 0 &&
	    strcmp(u.collection, collection) == 0;
	bluesky_uri_clear(&u);
	return own;
}

/* Read a time member into milliseconds; 0 or -1. */
int
bluesky_get_time(const json_t *o, const char *key, int64_t *ms)
{
	return util_parse_time_ms(bluesky_str(o, key), ms);
}
