/*
 * bluesky-view.c -- a post as the Bluesky API shows it (a notification,
 * a post view, a post of a thread): reading and checking its members, and
 * making an item or a post of it, with the kind of item it is to the
 * account. Both bluesky-sync.c (streams, threads) and bluesky-recheck.c
 * (views of quotes) read posts here; it calls only bluesky-embed.c and
 * bluesky-util.c.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/bluesky-private.h"
#include "text.h"
#include "util.h"

#define BLUESKY_MAX_TEXT	10000	/* bytes of a post's text kept */
#define BLUESKY_MAX_NAME	100	/* columns of a display name */

/* Read the reply reference of a record into v; 0, or -1 if malformed. */
static int
bluesky_view_reply(const json_t *record, struct bluesky_view *v)
{
	const json_t	*reply = json_object_get(record, "reply");
	const json_t	*root, *parent;

	if (reply == NULL || json_is_null(reply))
		return 0;
	root = json_object_get(reply, "root");
	parent = json_object_get(reply, "parent");
	v->root_uri = bluesky_str(root, "uri");
	v->parent_uri = bluesky_str(parent, "uri");
	if (!bluesky_valid_uri(v->root_uri) ||
	    !bluesky_valid_uri(v->parent_uri))
		return -1;
	v->root_cid = bluesky_str(root, "cid");
	v->parent_cid = bluesky_str(parent, "cid");
	if (!bluesky_valid_cid(v->root_cid))
		v->root_cid = NULL;
	if (!bluesky_valid_cid(v->parent_cid))
		v->parent_cid = NULL;
	return 0;
}

/*
 * Read and check a post: o holds uri, cid and indexedAt (a notification
 * or a post view), with its author and record. 0, or -1 to skip it. The
 * time is createdAt unless that is missing, malformed or later than
 * indexedAt (createdAt is whatever the client wrote).
 */
int
bluesky_view_read(const json_t *o, const json_t *author,
    const json_t *record, struct bluesky_view *v)
{
	const json_t	*langs;
	int64_t		 indexed, created;
	int		 have_indexed;

	memset(v, 0, sizeof *v);
	v->uri = bluesky_str(o, "uri");
	v->did = bluesky_str(author, "did");
	if (!bluesky_valid_uri(v->uri) || !bluesky_valid_did(v->did) ||
	    !json_is_object(record) || bluesky_view_reply(record, v) != 0)
		return -1;
	v->author = author;
	v->record = record;
	v->embed = json_object_get(o, "embed");
	if (!bluesky_valid_cid(v->cid = bluesky_str(o, "cid")))
		v->cid = NULL;
	if (!bluesky_valid_handle(v->handle = bluesky_str(author, "handle")))
		v->handle = NULL;
	have_indexed = bluesky_get_time(o, "indexedAt", &indexed) == 0;
	if (bluesky_get_time(record, "createdAt", &created) != 0 ||
	    (have_indexed && created > indexed)) {
		if (!have_indexed)
			return -1;
		created = indexed;
	}
	v->created = created / 1000 - (created % 1000 < 0);
	langs = json_object_get(record, "langs");
	if (json_is_array(langs) && json_array_size(langs) > 0 &&
	    json_is_string(json_array_get(langs, 0)) &&
	    bluesky_valid_lang(json_string_value(json_array_get(langs, 0))))
		v->lang = json_string_value(json_array_get(langs, 0));
	return 0;
}

/*
 * Read what a post view says of the account's own dealings with the post:
 * its like (viewer.like, kept when it is a like record of the account's
 * own, so that it can be taken back) and the like count.
 */
void
bluesky_view_viewer(const struct platform_account *pa, const json_t *post,
    struct bluesky_view *v)
{
	const json_t	*likes = json_object_get(post, "likeCount");
	const char	*like = bluesky_path(post, "viewer", "like");

	v->liked = like != NULL;
	if (bluesky_own_record(pa, like, BLUESKY_LIKE))
		v->like = like;
	if (json_is_integer(likes) && json_integer_value(likes) >= 0)
		v->likes = json_integer_value(likes);
}

/* Return the post's text, sanitized and bounded ("" if none). */
static char *
bluesky_view_text(const struct bluesky_view *v)
{
	return jdoc_text(v->record, "text", BLUESKY_MAX_TEXT);
}

/* Set the author's name (display name, else handle) and "@handle". */
static void
bluesky_view_author(const struct bluesky_view *v, char **name,
    char **handle)
{
	const json_t	*dn = json_object_get(v->author, "displayName");

	*handle = v->handle != NULL ? xprintf("@%s", v->handle) :
	    xstrdup(v->did);
	*name = NULL;
	if (json_is_string(dn)) {
		*name = text_sanitize_line(json_string_value(dn),
		    json_string_length(dn));
		(*name)[text_fit(*name, BLUESKY_MAX_NAME, NULL)] = '\0';
		if (**name == '\0') {
			free(*name);
			*name = NULL;
		}
	}
	if (*name == NULL)
		*name = xstrdup(v->handle != NULL ? v->handle : v->did);
}

/* Return 1 if uri is a record in the account's own repository. */
int
bluesky_is_ours(const struct platform_account *pa, const char *uri)
{
	struct bluesky_uri	u;
	int			ours;

	if (pa->user_id == NULL || bluesky_split_uri(uri, &u) != 0)
		return 0;
	ours = strcmp(u.authority, pa->user_id) == 0;
	bluesky_uri_clear(&u);
	return ours;
}

/*
 * Return 1 if a reply hangs directly on one of the account's own posts:
 * a comment on a post, in heed's model, with no parent item. A reply to
 * someone else's root (a post that mentioned the shop, say) answers that
 * post, which is an item of its own: it keeps the post as its parent.
 */
static int
bluesky_on_own_post(const struct platform_account *pa,
    const struct bluesky_view *v)
{
	return v->root_uri != NULL && strcmp(v->parent_uri, v->root_uri) == 0 &&
	    bluesky_is_ours(pa, v->root_uri);
}

/* Return the kind of a reply by where it hangs: on a post or deeper. */
int
bluesky_reply_kind(const struct platform_account *pa,
    const struct bluesky_view *v)
{
	return bluesky_on_own_post(pa, v) ? ITEM_COMMENT : ITEM_REPLY;
}

/* Fill an item from a checked post view. */
void
bluesky_view_item(const struct platform_account *pa,
    const struct bluesky_view *v, int kind, struct item *it)
{
	memset(it, 0, sizeof *it);
	it->account_id = pa->id;
	it->remote_id = xstrdup(v->uri);
	it->post_remote_id = xstrdup(v->root_uri != NULL ? v->root_uri :
	    v->uri);
	if (v->root_uri != NULL && !bluesky_on_own_post(pa, v))
		it->parent_remote_id = xstrdup(v->parent_uri);
	bluesky_view_author(v, &it->author_name, &it->author_handle);
	it->text = bluesky_view_text(v);
	if (v->lang != NULL)
		it->lang = xstrdup(v->lang);
	it->permalink = bluesky_permalink(v->handle, v->uri);
	it->attachment = bluesky_embed_line(pa, v->record, v->embed);
	it->extra = bluesky_extra(v->cid, v->root_uri, v->root_cid, v->did,
	    v->handle, v->lang, v->like);
	it->created = v->created;
	it->kind = kind;
	it->own = pa->user_id != NULL && strcmp(v->did, pa->user_id) == 0;
	it->liked = v->liked;
	it->like_count = v->likes;
}

/* Add a post made from a checked post view to the page. */
void
bluesky_page_post(const struct platform_account *pa, struct sync_page *page,
    const struct bluesky_view *v)
{
	struct post	*p = sync_page_post(page);

	p->account_id = pa->id;
	p->remote_id = xstrdup(v->uri);
	bluesky_view_author(v, &p->author_name, &p->author_handle);
	p->text = bluesky_view_text(v);
	p->permalink = bluesky_permalink(v->handle, v->uri);
	p->created = v->created;
	p->own = pa->user_id != NULL && strcmp(v->did, pa->user_id) == 0;
}

/* Return 1 if a post's facets mention the account. */
int
bluesky_mentions(const struct platform_account *pa, const json_t *record)
{
	const json_t	*facet, *feature;
	const char	*type, *did;
	size_t		 i, j;

	json_array_foreach(json_object_get(record, "facets"), i, facet) {
		json_array_foreach(json_object_get(facet, "features"), j,
		    feature) {
			type = bluesky_str(feature, "$type");
			did = bluesky_str(feature, "did");
			if (type != NULL && did != NULL && strcmp(type,
			    "app.bsky.richtext.facet#mention") == 0 &&
			    pa->user_id != NULL &&
			    strcmp(did, pa->user_id) == 0)
				return 1;
		}
	}
	return 0;
}

/* Return 1 if a post quotes one of the account's posts. */
int
bluesky_quotes(const struct platform_account *pa, const json_t *record)
{
	const json_t	*embed = json_object_get(record, "embed");
	const char	*type = bluesky_str(embed, "$type");

	if (type == NULL)
		return 0;
	if (strcmp(type, "app.bsky.embed.recordWithMedia") == 0)
		embed = json_object_get(embed, "record");
	else if (strcmp(type, "app.bsky.embed.record") != 0)
		return 0;
	return bluesky_is_ours(pa, bluesky_path(embed, "record", "uri"));
}

/*
 * Return the kind of a post found in a thread, as the notification for it
 * would have said: an answer to the account is a reply; otherwise a post
 * that mentions or quotes it is a mention or a quote.
 */
int
bluesky_thread_kind(const struct platform_account *pa,
    const struct bluesky_view *v)
{
	if (pa->user_id != NULL && !bluesky_is_ours(pa, v->parent_uri)) {
		if (bluesky_mentions(pa, v->record))
			return ITEM_MENTION;
		if (bluesky_quotes(pa, v->record))
			return ITEM_QUOTE;
	}
	return bluesky_reply_kind(pa, v);
}

/*
 * Read a post view (getPosts) into an item, as its thread would show it;
 * 0, or -1 if the view cannot be read.
 */
int
bluesky_post_item(const struct platform_account *pa, const json_t *post,
    struct item *it)
{
	struct bluesky_view	v;

	if (bluesky_view_read(post, json_object_get(post, "author"),
	    json_object_get(post, "record"), &v) != 0)
		return -1;
	bluesky_view_viewer(pa, post, &v);
	bluesky_view_item(pa, &v, bluesky_thread_kind(pa, &v), it);
	return 0;
}
