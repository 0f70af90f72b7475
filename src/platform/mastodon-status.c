/*
 * mastodon-status.c -- a Mastodon status read into heed's model: the
 * checks on its members, its text (from sanitized HTML), its author, what
 * it carries, and the adapter's own data a reply to it needs later (its
 * visibility, content warning, author and the others it names).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "text.h"
#include "util.h"

#define MASTODON_MAX_HTML	(256 * 1024)	/* bytes of content read */
#define MASTODON_MAX_TEXT	10000		/* bytes of text kept */
#define MASTODON_MAX_NAME	100		/* columns of a name */
#define MASTODON_MAX_ALT	120		/* columns of a description */

/* Return 1 if v is one of Mastodon's four visibilities. */
static int
mastodon_valid_visibility(const char *v)
{
	return v != NULL && (strcmp(v, "public") == 0 ||
	    strcmp(v, "unlisted") == 0 || strcmp(v, "private") == 0 ||
	    strcmp(v, "direct") == 0);
}

/*
 * Read a status's members, checked, into st (all lent from the JSON);
 * 0, or -1 if it cannot be an item (no id, author or time). A visibility
 * the adapter does not know is taken as "direct": the strictest, so a
 * reply to it never reaches more people than it did.
 */
int
mastodon_status_read(const json_t *o, struct mastodon_status *st)
{
	const json_t	*account = json_object_get(o, "account");
	const char	*s;

	memset(st, 0, sizeof *st);
	if (!json_is_object(o) || !json_is_object(account))
		return -1;
	st->json = o;
	st->id = mastodon_id(o, "id");
	st->account_id = mastodon_id(account, "id");
	st->acct = jdoc_str(account, "acct");
	if (st->id == NULL || st->account_id == NULL ||
	    !mastodon_valid_acct(st->acct) ||
	    mastodon_get_time(o, "created_at", &st->created) != 0)
		return -1;
	if ((s = jdoc_str(account, "display_name")) != NULL && *s != '\0')
		st->display_name = s;
	if (mastodon_valid_url(s = jdoc_str(o, "url")))
		st->url = s;
	st->reply_to = mastodon_id(o, "in_reply_to_id");
	st->reply_to_account = mastodon_id(o, "in_reply_to_account_id");
	st->visibility = jdoc_str(o, "visibility");
	if (!mastodon_valid_visibility(st->visibility))
		st->visibility = "direct";
	if ((s = jdoc_str(o, "spoiler_text")) != NULL && *s != '\0')
		st->spoiler = s;
	if (mastodon_valid_lang(s = jdoc_str(o, "language")))
		st->lang = s;
	if (mastodon_get_time(o, "edited_at", &st->edited) != 0)
		st->edited = 0;
	st->favourited = json_is_true(json_object_get(o, "favourited"));
	if (json_is_integer(json_object_get(o, "favourites_count")) &&
	    json_integer_value(json_object_get(o, "favourites_count")) > 0)
		st->favourites = json_integer_value(json_object_get(o,
		    "favourites_count"));
	return 0;
}

/* Return 1 if the account wrote the status. */
int
mastodon_is_ours(const struct platform_account *pa,
    const struct mastodon_status *st)
{
	return pa->user_id != NULL && strcmp(st->account_id, pa->user_id) == 0;
}

/* Return 1 if the status names the account among its mentions. */
int
mastodon_mentions_us(const struct platform_account *pa,
    const struct mastodon_status *st)
{
	const json_t	*m;
	const char	*id;
	size_t		 i;

	if (pa->user_id == NULL)
		return 0;
	json_array_foreach(json_object_get(st->json, "mentions"), i, m) {
		if ((id = mastodon_id(m, "id")) != NULL &&
		    strcmp(id, pa->user_id) == 0)
			return 1;
	}
	return 0;
}

/*
 * Return the text of a status: its HTML content as the apps show it,
 * each mention as the whole "@user@server" of the account it names (the
 * HTML shows only "@user"), sanitized and cut to MASTODON_MAX_TEXT bytes.
 * A new string.
 */
char *
mastodon_status_text(const struct mastodon_status *st)
{
	const json_t	*c = json_object_get(st->json, "content"), *m;
	const char	*hrefs[MASTODON_MAX_MENTIONS];
	const char	*url, *acct;
	char		*shows[MASTODON_MAX_MENTIONS], *html, *text, *clean;
	size_t		 len, n = 0, i;

	if (!json_is_string(c))
		return xstrdup("");
	json_array_foreach(json_object_get(st->json, "mentions"), i, m) {
		url = jdoc_str(m, "url");
		acct = jdoc_str(m, "acct");
		if (n < MASTODON_MAX_MENTIONS && mastodon_valid_url(url) &&
		    mastodon_valid_acct(acct)) {
			hrefs[n] = url;
			shows[n++] = xprintf("@%s", acct);
		}
	}
	len = json_string_length(c);
	if (len > MASTODON_MAX_HTML)
		len = MASTODON_MAX_HTML;
	html = xstrndup(json_string_value(c), len);
	text = text_from_html_map(html, hrefs, (const char *const *)shows, n);
	free(html);
	for (i = 0; i < n; i++)
		free(shows[i]);
	len = strlen(text);
	if (len > MASTODON_MAX_TEXT) {
		len = MASTODON_MAX_TEXT;
		while (len > 0 && (text[len] & 0xC0) == 0x80)
			len--;
	}
	clean = text_sanitize(text, len);
	free(text);
	return clean;
}

/* Set the author's name (display name, else acct) and "@acct". */
static void
mastodon_status_author(const struct mastodon_status *st, char **name,
    char **handle)
{
	*handle = xprintf("@%s", st->acct);
	*name = NULL;
	if (st->display_name != NULL) {
		*name = text_sanitize_line(st->display_name,
		    strlen(st->display_name));
		(*name)[text_fit(*name, MASTODON_MAX_NAME, NULL)] = '\0';
		if (**name == '\0') {
			free(*name);
			*name = NULL;
		}
	}
	if (*name == NULL)
		*name = xstrdup(st->acct);
}

/*
 * Say in one line what a status carries: "image: a red mug" for one
 * attachment with a description, "2 images, 1 video" for more; or NULL.
 */
static char *
mastodon_status_media(const struct mastodon_status *st)
{
	const json_t	*list = json_object_get(st->json, "media_attachments");
	const json_t	*m;
	const char	*type, *alt;
	char		*line, *clean;
	size_t		 i, n = json_array_size(list);

	if (n == 0)
		return NULL;
	m = json_array_get(list, 0);
	type = jdoc_str(m, "type");
	if (type == NULL || strlen(type) > 20 || strchr(type, ' ') != NULL)
		type = "attachment";
	alt = jdoc_str(m, "description");
	if (n == 1 && alt != NULL && *alt != '\0') {
		clean = text_sanitize_line(alt, strlen(alt));
		clean[text_fit(clean, MASTODON_MAX_ALT, NULL)] = '\0';
		line = xprintf("%s: %s", type, clean);
		free(clean);
		return line;
	}
	for (i = 1; i < n; i++) {
		m = json_array_get(list, i);
		if (jdoc_str(m, "type") == NULL ||
		    strcmp(jdoc_str(m, "type"), type) != 0)
			return xprintf("%zu attachments", n);
	}
	return n == 1 ? xstrdup(type) : xprintf("%zu %ss", n, type);
}

/*
 * The adapter's own data of a status, for a reply to it and for muting,
 * blocking or reporting its author: {"vis", "cw", "acct", "aid" (the
 * author's account id), "mentions": [acct, ...], "lang", "root"}, root
 * being the
 * status its thread starts from, when known. A new string.
 */
static char *
mastodon_extra(const struct mastodon_status *st, const char *root)
{
	const json_t	*m;
	const char	*acct;
	json_t		*o, *list, *cw;
	size_t		 i;
	char		*s;

	o = json_object();
	json_object_set_new(o, "vis", json_string(st->visibility));
	/* A warning that is not valid UTF-8 gives no string: none is kept. */
	if (st->spoiler != NULL && strlen(st->spoiler) <= MASTODON_MAX_CW &&
	    (cw = json_string(st->spoiler)) != NULL)
		json_object_set_new(o, "cw", cw);
	json_object_set_new(o, "acct", json_string(st->acct));
	json_object_set_new(o, "aid", json_string(st->account_id));
	list = json_array();
	json_array_foreach(json_object_get(st->json, "mentions"), i, m) {
		acct = jdoc_str(m, "acct");
		if (i < MASTODON_MAX_MENTIONS && mastodon_valid_acct(acct))
			json_array_append_new(list, json_string(acct));
	}
	json_object_set_new(o, "mentions", list);
	if (st->lang != NULL)
		json_object_set_new(o, "lang", json_string(st->lang));
	if (root != NULL)
		json_object_set_new(o, "root", json_string(root));
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (s == NULL)
		fatal("cannot encode a status's data");
	return s;
}

/*
 * Return the kind of a status in a thread whose root is known: one that
 * answers the shop's own root is a comment on a post, one that answers
 * someone else while naming the shop a mention, the rest replies.
 */
int
mastodon_thread_kind(const struct platform_account *pa,
    const struct mastodon_status *st, const char *root, int root_ours)
{
	if (st->reply_to == NULL)
		return ITEM_MENTION;
	if (root_ours && strcmp(st->reply_to, root) == 0)
		return ITEM_COMMENT;
	if (pa->user_id != NULL && (st->reply_to_account == NULL ||
	    strcmp(st->reply_to_account, pa->user_id) != 0) &&
	    mastodon_mentions_us(pa, st))
		return ITEM_MENTION;
	return ITEM_REPLY;
}

/*
 * Fill an item from a checked status. root is the status its thread
 * starts from, when known (NULL: not known yet, and the thread fetched
 * next places it); root_ours says the shop wrote it. A reply straight to
 * the shop's own root is a comment on a post, with no parent item;
 * anything deeper keeps its parent.
 */
void
mastodon_status_item(const struct platform_account *pa,
    const struct mastodon_status *st, const char *root, int root_ours,
    int kind, struct item *it)
{
	memset(it, 0, sizeof *it);
	it->account_id = pa->id;
	it->remote_id = xstrdup(st->id);
	if (st->reply_to == NULL)
		it->post_remote_id = xstrdup(st->id);
	else if (root != NULL) {
		it->post_remote_id = xstrdup(root);
		if (!root_ours || strcmp(st->reply_to, root) != 0)
			it->parent_remote_id = xstrdup(st->reply_to);
	}
	mastodon_status_author(st, &it->author_name, &it->author_handle);
	it->text = mastodon_status_text(st);
	if (st->lang != NULL)
		it->lang = xstrdup(st->lang);
	if (st->url != NULL)
		it->permalink = xstrdup(st->url);
	it->attachment = mastodon_status_media(st);
	if (st->spoiler != NULL) {
		it->warning = text_sanitize_line(st->spoiler,
		    strlen(st->spoiler));
		it->warning[text_fit(it->warning, MASTODON_MAX_ALT, NULL)] =
		    '\0';
	}
	it->extra = mastodon_extra(st, it->post_remote_id);
	it->created = st->created;
	it->edited = st->edited;
	it->kind = kind;
	it->own = mastodon_is_ours(pa, st);
	it->liked = st->favourited;
	it->like_count = st->favourites;
}

/* Add a post made from a checked status to the page. */
void
mastodon_page_post(const struct platform_account *pa, struct sync_page *page,
    const struct mastodon_status *st)
{
	struct post	*p = sync_page_post(page);

	p->account_id = pa->id;
	p->remote_id = xstrdup(st->id);
	mastodon_status_author(st, &p->author_name, &p->author_handle);
	p->text = mastodon_status_text(st);
	if (st->url != NULL)
		p->permalink = xstrdup(st->url);
	p->created = st->created;
	p->own = mastodon_is_ours(pa, st);
}
