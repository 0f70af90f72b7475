/*
 * bluesky-write.c -- what heed does on Bluesky: reply, like and take a
 * like back, delete, and find out afterwards whether an attempt whose
 * answer was lost went through.
 *
 * Every record is written with putRecord under a record key chosen from
 * the outbox entry itself, with "swapRecord": null, so a second attempt
 * can never make a second post. The reference PDS, observed on loopback:
 * the same record again under the same key is a 200 with the same uri and
 * cid (and no "commit": nothing was written); a different record there is
 * 400 InvalidSwap, after which getRecord with the same key tells what the
 * first attempt made. The record is built only from the entry (its text,
 * its creation time), so a retry sends it byte for byte. createRecord with
 * a fixed key is no use for this: a repeat gets an untyped 500.
 *
 * A like is a record in the account's own repository; taking it back is
 * deleting that record, as the Bluesky app does. heed keeps the like's
 * address in the item's extra data: from the answer when heed likes a
 * post, or from viewer.like when it reads the post.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "platform/bluesky-private.h"
#include "text.h"
#include "util.h"

#define BLUESKY_TID_LEN		13
#define BLUESKY_MAX_EXTRA	4096
#define BLUESKY_MAX_TAG		64	/* graphemes of a hashtag */

#define BLUESKY_FACET		"app.bsky.richtext.facet"

/* What an outbox entry acts on, read from the target item's extra. */
struct bluesky_target {
	json_t		*doc;		/* owns the strings below */
	const char	*uri;		/* the target itself */
	const char	*cid;
	const char	*root_uri;	/* the root; NULL: the target is */
	const char	*root_cid;
	const char	*did;		/* the target's author */
	const char	*handle;
	const char	*lang;
	const char	*like;		/* the account's like of it */
};

/* A handle whose DID is known, so that a mention of it can be linked. */
struct bluesky_known {
	const char	*handle;
	const char	*did;
};

/*
 * Choose the record key of an entry: a TID (13 characters of
 * base32-sortable over 64 bits: a zero bit, 53 bits of microseconds and
 * 10 bits of clock id) made from the entry alone, so that every attempt
 * uses the same key. The microseconds are the entry's creation time plus
 * its id, the clock id a hash of its idempotency key.
 */
static void
bluesky_tid(const struct outbox_entry *e, char *out)
{
	static const char	 alphabet[] =
	    "234567abcdefghijklmnopqrstuvwxyz";
	const unsigned char	*p;
	uint64_t		 micros, sub, v;
	uint32_t		 hash = 2166136261U;
	int			 i;

	sub = (uint64_t)(e->id < 0 ? -(e->id % 1000000) : e->id % 1000000);
	micros = (uint64_t)e->created * 1000000 + sub;
	micros &= (UINT64_C(1) << 53) - 1;
	if (e->idem_key != NULL) {
		for (p = (const unsigned char *)e->idem_key; *p != '\0'; p++) {
			hash ^= *p;
			hash *= 16777619U;
		}
	}
	v = micros << 10 | (hash & 0x3ff);
	for (i = BLUESKY_TID_LEN - 1; i >= 0; i--) {
		out[i] = alphabet[v & 31];
		v >>= 5;
	}
	out[BLUESKY_TID_LEN] = '\0';
}

/* Free what a target holds. */
static void
bluesky_target_clear(struct bluesky_target *t)
{
	json_decref(t->doc);
	memset(t, 0, sizeof *t);
}

/* Return a member of the extra data if it passes check; else NULL. */
static const char *
bluesky_target_str(const json_t *o, const char *key,
    int (*check)(const char *))
{
	const char	*s = bluesky_str(o, key);

	return check(s) ? s : NULL;
}

/* Read the target of an entry from its URI and its item's extra data. */
static int
bluesky_target_read(const struct outbox_entry *e, struct bluesky_target *t,
    char **cause)
{
	const json_t	*root;

	memset(t, 0, sizeof *t);
	if (!bluesky_valid_uri(e->target_remote_id))
		return util_fail(cause, "Bluesky: the post's address is not "
		    "valid");
	t->uri = e->target_remote_id;
	if (e->target_extra == NULL ||
	    strlen(e->target_extra) > BLUESKY_MAX_EXTRA ||
	    (t->doc = json_loads(e->target_extra, 0, NULL)) == NULL)
		return 0;
	t->cid = bluesky_target_str(t->doc, "cid", bluesky_valid_cid);
	root = json_object_get(t->doc, "root");
	t->root_uri = bluesky_target_str(root, "uri", bluesky_valid_uri);
	t->root_cid = bluesky_target_str(root, "cid", bluesky_valid_cid);
	t->did = bluesky_target_str(t->doc, "did", bluesky_valid_did);
	t->handle = bluesky_target_str(t->doc, "handle",
	    bluesky_valid_handle);
	t->lang = bluesky_target_str(t->doc, "lang", bluesky_valid_lang);
	t->like = bluesky_target_str(t->doc, "like", bluesky_valid_uri);
	if (root != NULL && t->root_uri == NULL)
		t->root_uri = "";	/* named but unreadable */
	return 0;
}

/* Return a strong reference {"uri":..,"cid":..}. */
static json_t *
bluesky_ref(const char *uri, const char *cid)
{
	json_t	*o = json_object();

	json_object_set_new(o, "uri", json_string(uri));
	json_object_set_new(o, "cid", json_string(cid));
	return o;
}

/* Return 1 if the code point is white space, as facets end or begin. */
static int
bluesky_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0x0b || cp == 0x0c || cp == 0xa0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

/* Return the code point before byte offset i of s (0 at the start). */
static uint32_t
bluesky_before(const char *s, size_t i)
{
	uint32_t	cp;
	size_t		p;

	if (i == 0)
		return 0;
	p = i - 1;
	while (p > 0 && i - p < 4 && (s[p] & 0xC0) == 0x80)
		p--;
	text_decode(s + p, i - p, &cp);
	return cp;
}

/* Return the end of the run of non-space characters at s[i]. */
static size_t
bluesky_word_end(const char *s, size_t i, size_t len)
{
	uint32_t	cp;
	size_t		n;

	while (i < len) {
		n = text_decode(s + i, len - i, &cp);
		if (bluesky_space(cp))
			break;
		i += n;
	}
	return i;
}

/*
 * Drop trailing punctuation from s[start..end): ASCII .,;:!?"' and
 * closing quotation marks, and ")" unless the word opened one.
 */
static size_t
bluesky_trim_end(const char *s, size_t start, size_t end)
{
	static const char *const	 closers[] = {
		"\xe2\x80\x99", "\xe2\x80\x9d", "\xc2\xbb"	/* ’ ” » */
	};
	size_t				 i, n;
	int				 again = 1;

	while (again && end > start) {
		again = 0;
		if (strchr(".,;:!?\"'", s[end - 1]) != NULL ||
		    (s[end - 1] == ')' &&
		    memchr(s + start, '(', end - start) == NULL)) {
			end--;
			again = 1;
			continue;
		}
		for (i = 0; i < nitems(closers); i++) {
			n = strlen(closers[i]);
			if (end - start >= n &&
			    memcmp(s + end - n, closers[i], n) == 0) {
				end -= n;
				again = 1;
				break;
			}
		}
	}
	return end;
}

/* Add a facet over s[start..end) with one feature to the array. */
static void
bluesky_facet_add(json_t *facets, size_t start, size_t end,
    const char *type, const char *key, const char *value, size_t vlen)
{
	json_t	*facet, *index, *feature, *features;

	index = json_object();
	json_object_set_new(index, "byteStart",
	    json_integer((json_int_t)start));
	json_object_set_new(index, "byteEnd", json_integer((json_int_t)end));
	feature = json_object();
	json_object_set_new(feature, "$type", json_string(type));
	json_object_set_new(feature, key, json_stringn(value, vlen));
	features = json_array();
	json_array_append_new(features, feature);
	facet = json_object();
	json_object_set_new(facet, "index", index);
	json_object_set_new(facet, "features", features);
	json_array_append_new(facets, facet);
}

/* Link the URL at s[i] if there is one; return where it ends, or i. */
static size_t
bluesky_facet_link(json_t *facets, const char *s, size_t i, size_t len)
{
	size_t	scheme, end;

	if (strncmp(s + i, "https://", 8) == 0)
		scheme = 8;
	else if (strncmp(s + i, "http://", 7) == 0)
		scheme = 7;
	else
		return i;
	end = bluesky_trim_end(s, i, bluesky_word_end(s, i, len));
	if (end <= i + scheme)
		return i;
	bluesky_facet_add(facets, i, end, BLUESKY_FACET "#link", "uri", s + i,
	    end - i);
	return end;
}

/* Tag the hashtag at s[i] if there is one; return where it ends, or i. */
static size_t
bluesky_facet_tag(json_t *facets, const char *s, size_t i, size_t len)
{
	size_t	end, j;
	char	*tag;
	int	digits = 1;

	end = bluesky_trim_end(s, i + 1, bluesky_word_end(s, i + 1, len));
	if (end <= i + 1)
		return i;
	for (j = i + 1; j < end; j++)
		digits = digits && s[j] >= '0' && s[j] <= '9';
	tag = xstrndup(s + i + 1, end - i - 1);
	if (!digits && text_graphemes(tag) <= BLUESKY_MAX_TAG)
		bluesky_facet_add(facets, i, end, BLUESKY_FACET "#tag", "tag",
		    tag, strlen(tag));
	else
		end = i;
	free(tag);
	return end;
}

/*
 * Link the mention at s[i] if its handle's DID is known; return where it
 * ends, or i. A mention of an unknown handle stays plain text: heed does
 * not look handles up.
 */
static size_t
bluesky_facet_mention(json_t *facets, const char *s, size_t i, size_t len,
    const struct bluesky_known *known, size_t nknown)
{
	size_t	end = i + 1, k;
	char	*handle;

	while (end < len && ((s[end] >= 'a' && s[end] <= 'z') ||
	    (s[end] >= 'A' && s[end] <= 'Z') ||
	    (s[end] >= '0' && s[end] <= '9') || s[end] == '.' ||
	    s[end] == '-'))
		end++;
	while (end > i + 1 && (s[end - 1] == '.' || s[end - 1] == '-'))
		end--;
	handle = xstrndup(s + i + 1, end - i - 1);
	for (k = 0; k < nknown; k++) {
		if (known[k].handle != NULL && known[k].did != NULL &&
		    bluesky_valid_handle(handle) &&
		    strcasecmp(handle, known[k].handle) == 0) {
			bluesky_facet_add(facets, i, end,
			    BLUESKY_FACET "#mention", "did", known[k].did,
			    strlen(known[k].did));
			free(handle);
			return end;
		}
	}
	free(handle);
	return i;
}

/*
 * Find the rich text of a post: links, hashtags and mentions of known
 * handles, with offsets in UTF-8 bytes as Bluesky counts them. Returns a
 * JSON array, or NULL if there is none.
 */
static json_t *
bluesky_facets(const char *s, const struct bluesky_known *known,
    size_t nknown)
{
	json_t		*facets = json_array();
	size_t		 len = strlen(s), i = 0, next;
	uint32_t	 prev;
	int		 start;

	while (i < len) {
		prev = bluesky_before(s, i);
		start = i == 0 || bluesky_space(prev);
		next = i;
		if (s[i] == 'h' && (start || prev == '('))
			next = bluesky_facet_link(facets, s, i, len);
		else if (s[i] == '#' && start)
			next = bluesky_facet_tag(facets, s, i, len);
		else if (s[i] == '@' && (start || prev == '('))
			next = bluesky_facet_mention(facets, s, i, len, known,
			    nknown);
		if (next == i)
			next = i + text_decode(s + i, len - i, &prev);
		i = next;
	}
	if (json_array_size(facets) == 0) {
		json_decref(facets);
		return NULL;
	}
	return facets;
}

/* Check a reply's text against Bluesky's limits; 0 or -1 with *cause. */
static int
bluesky_check_text(const char *body, char **cause)
{
	size_t	len, n;

	if (body == NULL || *body == '\0')
		return util_fail(cause, "Bluesky: the reply is empty");
	len = strlen(body);
	if (!text_valid_utf8(body, len))
		return util_fail(cause, "Bluesky: the reply is not valid "
		    "UTF-8 text");
	if (len > BLUESKY_MAX_BYTES)
		return util_fail(cause, "Bluesky: the reply is %zu bytes; "
		    "Bluesky takes at most %d", len, BLUESKY_MAX_BYTES);
	/* Graphemes, as the ops table counts (bluesky.c, above this file). */
	if ((n = text_graphemes(body)) > BLUESKY_MAX_GRAPHEMES)
		return util_fail(cause, "Bluesky: the reply is %zu characters; "
		    "Bluesky takes at most %d", n, BLUESKY_MAX_GRAPHEMES);
	return 0;
}

/* Return the putRecord body for a record; the record is consumed. */
static json_t *
bluesky_put(const struct platform_account *pa, const char *collection,
    const char *rkey, json_t *record)
{
	json_t	*o = json_object();

	json_object_set_new(o, "repo", json_string(pa->user_id));
	json_object_set_new(o, "collection", json_string(collection));
	json_object_set_new(o, "rkey", json_string(rkey));
	json_object_set_new(o, "swapRecord", json_null());
	json_object_set_new(o, "record", record);
	return o;
}

/* Build the record of a reply; NULL with *cause if it cannot be. */
static json_t *
bluesky_reply_record(const struct platform_account *pa,
    const struct outbox_entry *e, const struct bluesky_target *t,
    char **cause)
{
	struct bluesky_known	 known[2];
	json_t			*r, *reply, *langs, *facets;
	char			 when[40], *own;

	if (bluesky_check_text(e->body, cause) != 0)
		return NULL;
	if (t->cid == NULL || (t->root_uri != NULL &&
	    (*t->root_uri == '\0' || t->root_cid == NULL))) {
		util_fail(cause, "Bluesky: the post to answer is not fully "
		    "known yet; sync and try again");
		return NULL;
	}
	own = bluesky_own_handle(pa);
	known[0].handle = t->handle;
	known[0].did = t->did;
	known[1].handle = own;
	known[1].did = pa->user_id;
	util_format_time_ms(e->created * 1000, when, sizeof when);
	r = json_object();
	json_object_set_new(r, "$type", json_string(BLUESKY_POST));
	json_object_set_new(r, "text", json_string(e->body));
	json_object_set_new(r, "createdAt", json_string(when));
	reply = json_object();
	json_object_set_new(reply, "root", t->root_uri != NULL ?
	    bluesky_ref(t->root_uri, t->root_cid) :
	    bluesky_ref(t->uri, t->cid));
	json_object_set_new(reply, "parent", bluesky_ref(t->uri, t->cid));
	json_object_set_new(r, "reply", reply);
	if (t->lang != NULL) {
		langs = json_array();
		json_array_append_new(langs, json_string(t->lang));
		json_object_set_new(r, "langs", langs);
	}
	if ((facets = bluesky_facets(e->body, known, nitems(known))) != NULL)
		json_object_set_new(r, "facets", facets);
	free(own);
	return r;
}

/* Build the record of a like. */
static json_t *
bluesky_like_record(const struct outbox_entry *e,
    const struct bluesky_target *t)
{
	json_t	*r = json_object();
	char	 when[40];

	util_format_time_ms(e->created * 1000, when, sizeof when);
	json_object_set_new(r, "$type", json_string(BLUESKY_LIKE));
	json_object_set_new(r, "subject", bluesky_ref(t->uri, t->cid));
	json_object_set_new(r, "createdAt", json_string(when));
	return r;
}

/*
 * Return the record key of a post of the account's own, from its URI;
 * NULL with *cause if the post is someone else's.
 */
static char *
bluesky_own_rkey(const struct platform_account *pa, const char *uri,
    char **cause)
{
	struct bluesky_uri	 u;
	char			*rkey;

	if (bluesky_split_uri(uri, &u) != 0) {
		util_fail(cause, "Bluesky: the post's address is not valid");
		return NULL;
	}
	if (strcmp(u.authority, pa->user_id) != 0 ||
	    strcmp(u.collection, BLUESKY_POST) != 0) {
		bluesky_uri_clear(&u);
		util_fail(cause, "Bluesky lets you delete only your own posts");
		return NULL;
	}
	rkey = u.rkey;
	u.rkey = NULL;
	bluesky_uri_clear(&u);
	return rkey;
}

/* Return the deleteRecord body for a record of the account's own. */
static json_t *
bluesky_delete_of(const struct platform_account *pa, const char *collection,
    const char *rkey)
{
	json_t	*o = json_object();

	json_object_set_new(o, "repo", json_string(pa->user_id));
	json_object_set_new(o, "collection", json_string(collection));
	json_object_set_new(o, "rkey", json_string(rkey));
	return o;
}

/* Build the body of a delete; NULL with *cause if not allowed. */
static json_t *
bluesky_delete_body(const struct platform_account *pa,
    const struct outbox_entry *e, char **cause)
{
	json_t	*o;
	char	*rkey;

	if ((rkey = bluesky_own_rkey(pa, e->target_remote_id, cause)) == NULL)
		return NULL;
	o = bluesky_delete_of(pa, BLUESKY_POST, rkey);
	free(rkey);
	return o;
}

/*
 * Return the record key of the account's like of the target, from the
 * like's address kept with the item; NULL with *cause when heed does not
 * know it (a like made before heed kept it, and not seen since).
 */
static char *
bluesky_like_rkey(const struct platform_account *pa,
    const struct bluesky_target *t, char **cause)
{
	struct bluesky_uri	 u;
	char			*rkey;

	if (t->like == NULL || !bluesky_own_record(pa, t->like, BLUESKY_LIKE) ||
	    bluesky_split_uri(t->like, &u) != 0) {
		util_fail(cause, "Bluesky: heed does not know the record of "
		    "this like (it was made before heed kept it); take it back "
		    "in the Bluesky app, or try again once heed has read the "
		    "post again");
		return NULL;
	}
	rkey = u.rkey;
	u.rkey = NULL;
	bluesky_uri_clear(&u);
	return rkey;
}

/* Build the body that takes a like back; NULL with *cause if unknown. */
static json_t *
bluesky_unlike_body(const struct platform_account *pa,
    const struct bluesky_target *t, char **cause)
{
	json_t	*o;
	char	*rkey;

	if ((rkey = bluesky_like_rkey(pa, t, cause)) == NULL)
		return NULL;
	o = bluesky_delete_of(pa, BLUESKY_LIKE, rkey);
	free(rkey);
	return o;
}

/* Say why an action kind cannot be done on Bluesky; -1. */
static int
bluesky_no_action(int kind, char **cause)
{
	switch (kind) {
	case ACTION_HIDE:
	case ACTION_UNHIDE:
		return util_fail(cause, "Bluesky cannot hide someone else's "
		    "reply");
	default:
		return util_fail(cause, "Bluesky: unknown action %d", kind);
	}
}

/* Check what every action needs: a known account and a kind we do. */
static int
bluesky_action_check(const struct platform_account *pa,
    const struct outbox_entry *e, char **cause)
{
	if (e->kind != ACTION_REPLY && e->kind != ACTION_LIKE &&
	    e->kind != ACTION_UNLIKE && e->kind != ACTION_DELETE)
		return bluesky_no_action(e->kind, cause);
	if (!bluesky_valid_did(pa->user_id))
		return util_fail(cause, "Bluesky: the account's DID is not "
		    "known yet");
	return 0;
}

/* Build the request that carries out an outbox entry. */
int
bluesky_action_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req, char **cause)
{
	struct bluesky_target	 t;
	json_t			*body = NULL, *record;
	char			 rkey[BLUESKY_TID_LEN + 1];

	if (bluesky_action_check(pa, e, cause) != 0 ||
	    bluesky_target_read(e, &t, cause) != 0)
		return -1;
	bluesky_tid(e, rkey);
	if (e->kind == ACTION_DELETE)
		body = bluesky_delete_body(pa, e, cause);
	else if (e->kind == ACTION_UNLIKE)
		body = bluesky_unlike_body(pa, &t, cause);
	else if (t.cid == NULL)
		util_fail(cause, "Bluesky: the post is not fully known yet; "
		    "sync and try again");
	else if (e->kind == ACTION_LIKE)
		body = bluesky_put(pa, BLUESKY_LIKE, rkey,
		    bluesky_like_record(e, &t));
	else if ((record = bluesky_reply_record(pa, e, &t, cause)) != NULL)
		body = bluesky_put(pa, BLUESKY_POST, rkey, record);
	bluesky_target_clear(&t);
	if (body == NULL)
		return -1;
	if (bluesky_start(pa, "POST", e->kind == ACTION_DELETE ||
	    e->kind == ACTION_UNLIKE ? "com.atproto.repo.deleteRecord" :
	    "com.atproto.repo.putRecord",
	    NULL, req, cause) != 0) {
		json_decref(body);
		return -1;
	}
	platform_request_json(req, body);
	return 0;
}

/* Fill the result of a reply that was made, as the store will keep it. */
static void
bluesky_reply_result(const struct platform_account *pa,
    const struct outbox_entry *e, const char *uri, const char *cid,
    struct action_result *result)
{
	struct bluesky_target	 t;
	struct item		*it = &result->created;
	char			*handle;

	bluesky_target_read(e, &t, NULL);
	handle = bluesky_own_handle(pa);
	if (handle != NULL && !bluesky_valid_handle(handle)) {
		free(handle);
		handle = NULL;
	}
	memset(it, 0, sizeof *it);
	it->account_id = pa->id;
	it->remote_id = xstrdup(uri);
	it->post_remote_id = xstrdup(t.root_uri != NULL && *t.root_uri !=
	    '\0' ? t.root_uri : e->target_remote_id);
	it->parent_remote_id = xstrdup(e->target_remote_id);
	it->author_name = xstrdup(handle != NULL ? handle : pa->user_id);
	it->author_handle = handle != NULL ? xprintf("@%s", handle) :
	    xstrdup(pa->user_id);
	it->text = text_sanitize(e->body, strlen(e->body));
	if (t.lang != NULL)
		it->lang = xstrdup(t.lang);
	it->permalink = bluesky_permalink(handle, uri);
	it->extra = bluesky_extra(cid, it->post_remote_id,
	    t.root_uri != NULL ? t.root_cid : t.cid, pa->user_id, handle,
	    t.lang, NULL);
	it->created = e->created;
	it->kind = ITEM_REPLY;
	it->own = 1;
	result->have_created = 1;
	free(handle);
	bluesky_target_clear(&t);
}

/*
 * Return the target item's extra data as it is after a like (like, the
 * like's address) or after taking it back (like NULL): its own, with the
 * "like" member set or removed. NULL when it has none that can be read.
 */
static char *
bluesky_liked_extra(const struct outbox_entry *e, const char *like)
{
	json_t	*doc;
	char	*s;

	if (e->target_extra == NULL ||
	    strlen(e->target_extra) > BLUESKY_MAX_EXTRA ||
	    (doc = json_loads(e->target_extra, 0, NULL)) == NULL)
		return NULL;
	if (!json_is_object(doc)) {
		json_decref(doc);
		return NULL;
	}
	if (like != NULL)
		json_object_set_new(doc, "like", json_string(like));
	else
		json_object_del(doc, "like");
	s = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (s == NULL)
		fatal("cannot encode an item's extra data");
	return s;
}

/* Read {uri, cid} of a written record into result; 0 or -1. */
static int
bluesky_written(const struct platform_account *pa,
    const struct outbox_entry *e, const json_t *doc,
    struct action_result *result, char **cause)
{
	const char	*uri = bluesky_str(doc, "uri");
	const char	*cid = bluesky_str(doc, "cid");

	if (!bluesky_valid_uri(uri))
		return util_fail(cause, "Bluesky: malformed response: no "
		    "record address");
	if (!bluesky_valid_cid(cid))
		cid = NULL;
	result->remote_id = xstrdup(uri);
	if (e->kind == ACTION_LIKE && bluesky_own_record(pa, uri, BLUESKY_LIKE))
		result->target_extra = bluesky_liked_extra(e, uri);
	if (e->kind == ACTION_REPLY && e->body != NULL &&
	    bluesky_valid_uri(e->target_remote_id) &&
	    bluesky_valid_did(pa->user_id))
		bluesky_reply_result(pa, e, uri, cid, result);
	return 0;
}

/* Parse the answer to an action into result. */
int
bluesky_action_parse(const struct platform_account *pa,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *result, char **cause)
{
	json_t	*doc;
	int	 rc;

	if (res == NULL || res->status < 200 || res->status > 299)
		return bluesky_fail_status(res, cause);
	if (e->kind == ACTION_UNLIKE)
		result->target_extra = bluesky_liked_extra(e, NULL);
	if (e->kind == ACTION_DELETE || e->kind == ACTION_UNLIKE)
		return 0;
	if ((doc = bluesky_load(res, cause)) == NULL)
		return -1;
	rc = bluesky_written(pa, e, doc, result, cause);
	jdoc_free(doc);
	return rc;
}

/* Build the request that asks whether an entry's record exists. */
int
bluesky_reconcile_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req, char **cause)
{
	struct bluesky_target	 t;
	struct buf		 q;
	char			 tid[BLUESKY_TID_LEN + 1], *rkey;
	int			 rc;

	if (bluesky_action_check(pa, e, cause) != 0)
		return -1;
	if (e->kind == ACTION_DELETE) {
		if ((rkey = bluesky_own_rkey(pa, e->target_remote_id,
		    cause)) == NULL)
			return -1;
	} else if (e->kind == ACTION_UNLIKE) {
		if (bluesky_target_read(e, &t, cause) != 0)
			return -1;
		rkey = bluesky_like_rkey(pa, &t, cause);
		bluesky_target_clear(&t);
		if (rkey == NULL)
			return -1;
	} else {
		bluesky_tid(e, tid);
		rkey = xstrdup(tid);
	}
	buf_init(&q, 0);
	util_query(&q, "repo", pa->user_id);
	util_query(&q, "collection", e->kind == ACTION_LIKE ||
	    e->kind == ACTION_UNLIKE ? BLUESKY_LIKE : BLUESKY_POST);
	util_query(&q, "rkey", rkey);
	rc = bluesky_start(pa, "GET", "com.atproto.repo.getRecord", q.data,
	    req, cause);
	buf_free(&q);
	free(rkey);
	return rc;
}

/* Return 1 if an answer says the record does not exist. */
static int
bluesky_not_found(const struct platform_response *res)
{
	json_t	*doc;
	int	 found;

	if (res->status == 404)
		return 1;
	if (res->status != 400 || res->body == NULL ||
	    res->len > BLUESKY_MAX_ERROR_BODY ||
	    (doc = json_loadb(res->body, res->len, 0, NULL)) == NULL)
		return 0;
	found = bluesky_str(doc, "error") != NULL &&
	    strcmp(bluesky_str(doc, "error"), "RecordNotFound") == 0;
	json_decref(doc);
	return found;
}

/*
 * Read what getRecord says of an entry's record: 0 and the result when
 * the action is done, 1 when it is not (send again), -1 on anything else.
 * For a delete, and for taking a like back, done means the record is gone.
 */
int
bluesky_reconcile_parse(const struct platform_account *pa,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *result, char **cause)
{
	json_t	*doc;
	int	 rc;

	if (res == NULL)
		return util_fail(cause, "Bluesky: no answer");
	if (bluesky_not_found(res)) {
		if (e->kind == ACTION_UNLIKE)
			result->target_extra = bluesky_liked_extra(e, NULL);
		return e->kind == ACTION_DELETE || e->kind == ACTION_UNLIKE ?
		    0 : 1;
	}
	if (res->status < 200 || res->status > 299)
		return bluesky_fail_status(res, cause);
	if ((doc = bluesky_load(res, cause)) == NULL)
		return -1;
	if (!bluesky_valid_cid(bluesky_str(doc, "cid")))
		rc = util_fail(cause, "Bluesky: malformed response: no "
		    "record");
	else if (e->kind == ACTION_DELETE || e->kind == ACTION_UNLIKE)
		rc = 1;
	else
		rc = bluesky_written(pa, e, doc, result, cause);
	jdoc_free(doc);
	return rc;
}
