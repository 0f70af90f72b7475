/*
 * bluesky-embed.c -- what a Bluesky post carries besides its text, said
 * in one line for the thread: pictures, a video, a link card, or another
 * post it quotes.
 *
 * A post's record names what it embeds (images with their alt text, a
 * link, the address of a quoted post). The views the AppView makes of a
 * post (in threads and getPosts, not in notifications) add what the
 * record cannot: the quoted post's author and text, or that it is gone
 * or hidden from the viewer. The record says what is there; the view, when
 * it is about the same quoted post, says what it shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/bluesky-private.h"
#include "text.h"
#include "util.h"

#define BLUESKY_MAX_ATTACH	480	/* columns of an attachment line */
#define BLUESKY_MAX_QUOTED	300	/* ... of the quoted text in it */
#define BLUESKY_MAX_NAME	100	/* ... of a display name */

#define BLUESKY_EMBED_RECORD	"app.bsky.embed.record"
#define BLUESKY_EMBED_MEDIA	"app.bsky.embed.recordWithMedia"
#define BLUESKY_VIEW_RECORD	"app.bsky.embed.record#viewRecord"

/* Return a sanitized one-line copy of a string member, or NULL. */
static char *
bluesky_line(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);
	char		*s;

	if (!json_is_string(v))
		return NULL;
	s = text_sanitize_line(json_string_value(v), json_string_length(v));
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Cut a line to a number of columns, in place; return it. */
static char *
bluesky_cut(char *s, size_t columns)
{
	size_t	end = text_fit(s, columns, NULL);

	if (s[end] != '\0') {
		s[end] = '\0';
		s = xprintf("%s...", s);
	} else
		s = xstrdup(s);
	return s;
}

/* Describe images or a video: "2 images: alt of the first", "video". */
static char *
bluesky_media_line(const json_t *embed, const char *type)
{
	const json_t	*images = json_object_get(embed, "images");
	size_t		 n;
	char		*alt, *s;

	if (strcmp(type, "app.bsky.embed.video") == 0) {
		alt = bluesky_line(embed, "alt");
		s = alt != NULL ? xprintf("video: %s", alt) : xstrdup("video");
		free(alt);
		return s;
	}
	if (strcmp(type, "app.bsky.embed.images") != 0 ||
	    !json_is_array(images) || (n = json_array_size(images)) == 0)
		return NULL;
	alt = bluesky_line(json_array_get(images, 0), "alt");
	s = xprintf("%zu image%s%s%s", n, n == 1 ? "" : "s",
	    alt != NULL ? ": " : "", alt != NULL ? alt : "");
	free(alt);
	return s;
}

/* Describe a link card: "link: title <uri>". */
static char *
bluesky_external_line(const json_t *embed)
{
	const json_t	*ext = json_object_get(embed, "external");
	char		*title, *uri, *s;

	title = bluesky_line(ext, "title");
	uri = bluesky_line(ext, "uri");
	if (title == NULL && uri == NULL)
		s = xstrdup("link");
	else if (title == NULL)
		s = xprintf("link: <%s>", uri);
	else if (uri == NULL)
		s = xprintf("link: %s", title);
	else
		s = xprintf("link: %s <%s>", title, uri);
	free(title);
	free(uri);
	return s;
}

/* Describe the media of a post that quotes another with pictures. */
static char *
bluesky_with_media_line(const json_t *media)
{
	const char	*type = bluesky_str(media, "$type");

	if (type == NULL)
		return NULL;
	if (strcmp(type, "app.bsky.embed.external") == 0)
		return bluesky_external_line(media);
	return bluesky_media_line(media, type);
}

/*
 * Return who wrote a quoted post as a thread shows it ("Name @handle",
 * "@handle", or the DID when the handle is not one), or NULL.
 */
static char *
bluesky_quoted_author(const json_t *author)
{
	const char	*did = bluesky_str(author, "did");
	const char	*handle = bluesky_str(author, "handle");
	char		*name, *who, *s;

	if (!bluesky_valid_did(did))
		return NULL;
	if (bluesky_valid_handle(handle) &&
	    strcmp(handle, "handle.invalid") != 0)
		who = xprintf("@%s", handle);
	else
		who = xstrdup(did);
	if ((name = bluesky_line(author, "displayName")) == NULL)
		return who;
	s = bluesky_cut(name, BLUESKY_MAX_NAME);
	free(name);
	name = xprintf("%s %s", s, who);
	free(s);
	free(who);
	return name;
}

/* Describe a quoted post the AppView shows whole: its author and text. */
static char *
bluesky_quoted_post(const json_t *view)
{
	char	*who, *text, *cut, *s;

	if ((who = bluesky_quoted_author(json_object_get(view,
	    "author"))) == NULL)
		return NULL;
	text = bluesky_line(json_object_get(view, "value"), "text");
	if (text == NULL) {
		s = xprintf("quotes a post by %s", who);
		free(who);
		return s;
	}
	cut = bluesky_cut(text, BLUESKY_MAX_QUOTED);
	s = xprintf("quotes %s: \"%s\"", who, cut);
	free(cut);
	free(text);
	free(who);
	return s;
}

/*
 * Describe a quoted record from the AppView's view of it (one of the
 * union record#view holds), or NULL when the view says nothing usable.
 */
static char *
bluesky_quoted_view(const json_t *view)
{
	const char	*type = bluesky_str(view, "$type");

	if (type == NULL)
		return NULL;
	if (strcmp(type, BLUESKY_VIEW_RECORD) == 0)
		return bluesky_quoted_post(view);
	if (strcmp(type, BLUESKY_EMBED_RECORD "#viewNotFound") == 0)
		return xstrdup("quotes a post that was deleted");
	if (strcmp(type, BLUESKY_EMBED_RECORD "#viewBlocked") == 0)
		return xstrdup("quotes a post hidden by a block");
	if (strcmp(type, BLUESKY_EMBED_RECORD "#viewDetached") == 0)
		return xstrdup("quotes a post whose author detached it");
	if (strcmp(type, "app.bsky.feed.defs#generatorView") == 0)
		return xstrdup("quotes a feed");
	if (strcmp(type, "app.bsky.graph.defs#listView") == 0)
		return xstrdup("quotes a list");
	return NULL;
}

/*
 * Describe the quoted record of an embed: from the view when it is about
 * the same record, else from the record's address alone ("quotes your
 * post" when it is one of the account's).
 */
static char *
bluesky_quote_line(const struct platform_account *pa, const json_t *ref,
    const json_t *view)
{
	struct bluesky_uri	 u;
	const char		*uri = bluesky_str(ref, "uri");
	const char		*seen = bluesky_str(view, "uri");
	char			*s;
	int			 ours;

	if (uri != NULL && seen != NULL && strcmp(uri, seen) == 0 &&
	    (s = bluesky_quoted_view(view)) != NULL)
		return s;
	if (bluesky_split_uri(uri, &u) != 0)
		return xstrdup("quotes a post");
	ours = pa != NULL && pa->user_id != NULL &&
	    strcmp(u.authority, pa->user_id) == 0;
	if (strcmp(u.collection, BLUESKY_POST) != 0)
		s = xstrdup("quotes a record");
	else
		s = xstrdup(ours ? "quotes your post" : "quotes a post");
	bluesky_uri_clear(&u);
	return s;
}

/*
 * Describe what a post embeds in one line, or NULL if nothing known:
 * from its record, and from view (the post view's "embed"; NULL when the
 * answer had none, as notifications do) for what a quote shows.
 */
char *
bluesky_embed_line(const struct platform_account *pa, const json_t *record,
    const json_t *view)
{
	const json_t	*embed = json_object_get(record, "embed"), *vrec;
	const char	*type = bluesky_str(embed, "$type");
	char		*s, *q, *m, *line;

	if (type == NULL)
		return NULL;
	if (strcmp(type, "app.bsky.embed.external") == 0)
		s = bluesky_external_line(embed);
	else if (strcmp(type, BLUESKY_EMBED_RECORD) == 0)
		s = bluesky_quote_line(pa, json_object_get(embed, "record"),
		    json_object_get(view, "record"));
	else if (strcmp(type, BLUESKY_EMBED_MEDIA) == 0) {
		vrec = json_object_get(json_object_get(view, "record"),
		    "record");
		q = bluesky_quote_line(pa, json_object_get(json_object_get(
		    embed, "record"), "record"), vrec);
		m = bluesky_with_media_line(json_object_get(embed, "media"));
		s = m != NULL ? xprintf("%s; %s", q, m) : xstrdup(q);
		free(q);
		free(m);
	} else
		s = bluesky_media_line(embed, type);
	if (s == NULL)
		return NULL;
	line = bluesky_cut(s, BLUESKY_MAX_ATTACH);
	free(s);
	return line;
}
