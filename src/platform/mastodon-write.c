/*
 * mastodon-write.c -- what the Mastodon adapter sends: replies (the
 * parent's visibility and content warning kept, its author named, an
 * Idempotency-Key the same on every attempt), favourites, deletes of the
 * shop's own statuses, muting, blocking and reporting the author of a
 * status (Mastodon has no hiding), and the reads that tell whether an
 * attempt whose answer was lost went through.
 *
 * Mastodon keeps an Idempotency-Key for an hour only, so the adapter
 * says it has none (PLATFORM_NO_IDEMPOTENCY): after an attempt whose
 * outcome is unknown, the engine asks first (the context of the parent,
 * or the status itself) and sends again only when it is not there.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "text.h"
#include "util.h"

#define MASTODON_MAX_EXTRA	(16 * 1024)
#define MASTODON_MAX_IDEM	128	/* bytes of an Idempotency-Key */
#define MASTODON_CLOCK_SKEW	600	/* seconds a server's clock may be off */

/*
 * Read an item's extra data into t; 0, or -1 if there is none that can
 * be read. Members that fail their checks are left NULL.
 */
int
mastodon_target_read(const char *extra, struct mastodon_target *t)
{
	const char	*s;

	memset(t, 0, sizeof *t);
	if (extra == NULL || strlen(extra) > MASTODON_MAX_EXTRA ||
	    (t->doc = json_loads(extra, 0, NULL)) == NULL)
		return -1;
	if (!json_is_object(t->doc)) {
		mastodon_target_clear(t);
		return -1;
	}
	s = jdoc_str(t->doc, "vis");
	if (s != NULL && (strcmp(s, "public") == 0 ||
	    strcmp(s, "unlisted") == 0 || strcmp(s, "private") == 0 ||
	    strcmp(s, "direct") == 0))
		t->visibility = s;
	if ((s = jdoc_str(t->doc, "cw")) != NULL && *s != '\0' &&
	    strlen(s) <= MASTODON_MAX_CW)
		t->spoiler = s;
	if (mastodon_valid_acct(s = jdoc_str(t->doc, "acct")))
		t->acct = s;
	if (mastodon_valid_lang(s = jdoc_str(t->doc, "lang")))
		t->lang = s;
	t->root = mastodon_id(t->doc, "root");
	t->aid = mastodon_id(t->doc, "aid");
	t->mentions = json_object_get(t->doc, "mentions");
	return 0;
}

/* Free what a target holds. */
void
mastodon_target_clear(struct mastodon_target *t)
{
	json_decref(t->doc);
	memset(t, 0, sizeof *t);
}

/*
 * Return 1 if text names "@acct" as a word of its own (what follows is
 * not part of a handle), ignoring ASCII case.
 */
static int
mastodon_names(const char *text, const char *acct)
{
	size_t		 n = strlen(acct);
	const char	*p;

	for (p = text; (p = strchr(p, '@')) != NULL; p++) {
		if ((p == text || isspace((unsigned char)p[-1]) ||
		    p[-1] == '(') && strncasecmp(p + 1, acct, n) == 0 &&
		    (isspace((unsigned char)p[1 + n]) || p[1 + n] == '\0' ||
		    strchr(".,:;!?)", p[1 + n]) != NULL))
			return 1;
	}
	return 0;
}

/*
 * The text a reply goes out with: the body as written, after "@acct "
 * of the author it answers when the body does not name them (the apps
 * put it there, and a private or direct reply reaches only those it
 * names). A new string.
 */
static char *
mastodon_reply_text(const char *body, const char *acct)
{
	if (acct == NULL || mastodon_names(body, acct))
		return xstrdup(body);
	return xprintf("@%s %s", acct, body);
}

/* Return 1 if an Idempotency-Key can go into a header. */
static int
mastodon_valid_idem(const char *s)
{
	return mastodon_valid_token(s) && strlen(s) <= MASTODON_MAX_IDEM;
}

/* Build the body of a reply; NULL with *cause if it cannot be sent. */
static json_t *
mastodon_reply_body(const struct outbox_entry *e, char **cause)
{
	struct mastodon_target	 t;
	json_t			*o;
	char			*text;

	if (mastodon_target_read(e->target_extra, &t) != 0 ||
	    t.visibility == NULL) {
		mastodon_target_clear(&t);
		util_fail(cause, "Mastodon: heed does not know who may read "
		    "the message this answers, so the reply could reach "
		    "more people than it should; sync, then send again");
		return NULL;
	}
	if (e->body == NULL || *e->body == '\0') {
		mastodon_target_clear(&t);
		util_fail(cause, "Mastodon: the reply is empty");
		return NULL;
	}
	text = mastodon_reply_text(e->body, t.acct);
	o = json_object();
	json_object_set_new(o, "status", json_string(text));
	json_object_set_new(o, "in_reply_to_id",
	    json_string(e->target_remote_id));
	json_object_set_new(o, "visibility", json_string(t.visibility));
	if (t.spoiler != NULL)
		json_object_set_new(o, "spoiler_text", json_string(t.spoiler));
	if (t.lang != NULL)
		json_object_set_new(o, "language", json_string(t.lang));
	free(text);
	mastodon_target_clear(&t);
	if (json_object_get(o, "status") == NULL) {
		json_decref(o);
		util_fail(cause, "Mastodon: the reply is not valid text");
		return NULL;
	}
	return o;
}

/* Check what every action needs: a kind Mastodon has, and a target. */
static int
mastodon_action_check(const struct platform_account *pa,
    const struct outbox_entry *e, char **cause)
{
	switch (e->kind) {
	case ACTION_REPLY:
	case ACTION_LIKE:
	case ACTION_UNLIKE:
	case ACTION_DELETE:
	case ACTION_MUTE:
	case ACTION_BLOCK:
	case ACTION_REPORT:
		break;
	case ACTION_HIDE:
	case ACTION_UNHIDE:
		return util_fail(cause, "Mastodon cannot hide a reply: mute or "
		    "block its author instead (the reply stays visible to "
		    "others)");
	default:
		return util_fail(cause, "Mastodon: heed cannot do that here");
	}
	if (!mastodon_valid_id(e->target_remote_id))
		return util_fail(cause, "Mastodon: not a status id");
	if (e->kind == ACTION_DELETE && !mastodon_valid_id(pa->user_id))
		return util_fail(cause, "Mastodon: the account's id is not "
		    "known yet");
	return 0;
}

/* Return 1 for the actions on a status's author rather than the status. */
static int
mastodon_on_author(int kind)
{
	return kind == ACTION_MUTE || kind == ACTION_BLOCK ||
	    kind == ACTION_REPORT;
}

/*
 * The author of the status an entry acts on, from the item's data; NULL
 * with *cause when it is not known. A new string.
 */
static char *
mastodon_author(const struct outbox_entry *e, char **cause)
{
	struct mastodon_target	 t;
	char			*aid = NULL;

	if (mastodon_target_read(e->target_extra, &t) == 0 && t.aid != NULL)
		aid = xstrdup(t.aid);
	else
		util_fail(cause, "Mastodon: heed does not know who wrote this "
		    "yet; sync, then try again");
	mastodon_target_clear(&t);
	return aid;
}

/*
 * Build the request of an action on a status's author: muting (their
 * notifications too), blocking, or a report of the status to the
 * instance's moderators (not forwarded to the author's own instance).
 */
static int
mastodon_author_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req, char **cause)
{
	json_t	*body, *ids;
	char	*aid, *path;
	int	 rc;

	if ((aid = mastodon_author(e, cause)) == NULL)
		return -1;
	if (e->kind == ACTION_REPORT) {
		ids = json_array();
		json_array_append_new(ids, json_string(e->target_remote_id));
		body = json_pack("{s:s,s:o,s:s,s:b}", "account_id", aid,
		    "status_ids", ids, "category", "other", "forward", 0);
		path = xstrdup("/api/v1/reports");
	} else {
		body = e->kind == ACTION_MUTE ? json_pack("{s:b}",
		    "notifications", 1) : json_object();
		path = xprintf("/api/v1/accounts/%s/%s", aid,
		    e->kind == ACTION_MUTE ? "mute" : "block");
	}
	free(aid);
	if ((rc = mastodon_start(pa, "POST", path, NULL, req, cause)) == 0)
		platform_request_json(req, body);
	else
		json_decref(body);
	free(path);
	return rc;
}

/* Build the request that carries out an outbox entry. */
int
mastodon_action_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req, char **cause)
{
	json_t	*body;
	char	*path;
	int	 rc;

	if (mastodon_action_check(pa, e, cause) != 0)
		return -1;
	if (mastodon_on_author(e->kind))
		return mastodon_author_request(pa, e, req, cause);
	if (e->kind == ACTION_REPLY) {
		if ((body = mastodon_reply_body(e, cause)) == NULL)
			return -1;
		if (mastodon_start(pa, "POST", "/api/v1/statuses", NULL, req,
		    cause) != 0) {
			json_decref(body);
			return -1;
		}
		platform_request_json(req, body);
		if (mastodon_valid_idem(e->idem_key))
			req->idempotency_key = xstrdup(e->idem_key);
		return 0;
	}
	if (e->kind == ACTION_DELETE)
		path = xprintf("/api/v1/statuses/%s", e->target_remote_id);
	else
		path = xprintf("/api/v1/statuses/%s/%s", e->target_remote_id,
		    e->kind == ACTION_LIKE ? "favourite" : "unfavourite");
	rc = mastodon_start(pa, e->kind == ACTION_DELETE ? "DELETE" : "POST",
	    path, NULL, req, cause);
	free(path);
	return rc;
}

/* Fill the result of a reply that was made, as the store will keep it. */
static void
mastodon_reply_result(const struct platform_account *pa,
    const struct outbox_entry *e, const struct mastodon_status *st,
    struct action_result *result)
{
	struct mastodon_target	t;
	const char		*root;

	mastodon_target_read(e->target_extra, &t);
	/* The parent's root, or the parent itself when it starts one. */
	root = t.root != NULL ? t.root : e->target_remote_id;
	mastodon_status_item(pa, st, root, 0, ITEM_REPLY, &result->created);
	result->created.own = 1;
	result->have_created = 1;
	mastodon_target_clear(&t);
}

/* Read a status an action answered with into result; 0 or -1. */
static int
mastodon_written(const struct platform_account *pa,
    const struct outbox_entry *e, const json_t *doc,
    struct action_result *result, char **cause)
{
	struct mastodon_status	st;

	if (mastodon_status_read(doc, &st) != 0)
		return util_fail(cause, "Mastodon: malformed response: not a "
		    "status");
	if (e->kind == ACTION_REPLY) {
		result->remote_id = xstrdup(st.id);
		mastodon_reply_result(pa, e, &st, result);
	}
	return 0;
}

/* Parse the answer to an action into result. */
int
mastodon_action_parse(const struct platform_account *pa,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *result, char **cause)
{
	json_t	*doc;
	int	 rc;

	if (res == NULL || res->status < 200 || res->status > 299)
		return mastodon_fail_status(res, cause);
	if (e->kind != ACTION_REPLY)
		return 0;
	if ((doc = mastodon_load(res, cause)) == NULL)
		return -1;
	rc = mastodon_written(pa, e, doc, result, cause);
	jdoc_free(doc);
	return rc;
}

/*
 * Build the request that asks whether an entry went through: the context
 * of the status a reply answers, the shop's relationship with an author
 * it muted, blocked or reported, or the status acted on.
 */
int
mastodon_reconcile_request(const struct platform_account *pa,
    const struct outbox_entry *e, struct platform_request *req, char **cause)
{
	struct buf	 q;
	char		*path, *aid;
	int		 rc;

	if (mastodon_action_check(pa, e, cause) != 0)
		return -1;
	if (mastodon_on_author(e->kind)) {
		if ((aid = mastodon_author(e, cause)) == NULL)
			return -1;
		buf_init(&q, 0);
		util_query(&q, "id[]", aid);
		rc = mastodon_start(pa, "GET", "/api/v1/accounts/relationships",
		    q.data, req, cause);
		buf_free(&q);
		free(aid);
		return rc;
	}
	if (e->kind == ACTION_REPLY && !mastodon_valid_id(pa->user_id))
		return util_fail(cause, "Mastodon: the account's id is not "
		    "known yet");
	path = xprintf("/api/v1/statuses/%s%s", e->target_remote_id,
	    e->kind == ACTION_REPLY ? "/context" : "");
	rc = mastodon_start(pa, "GET", path, NULL, req, cause);
	free(path);
	return rc;
}

/*
 * Return 1 if a word of n bytes is a link as written or as shown: with a
 * '/' or the shown link's '…' in it, or a bare domain ("example.com").
 * The server shows a link shorter than it was written, so links are left
 * out when a reply is compared with what the server shows of it.
 */
static int
mastodon_link_word(const char *w, size_t n)
{
	size_t	i, dots = 0;

	for (i = 0; i < n; i++) {
		if (w[i] == '/' || (n - i >= 3 && memcmp(w + i, "\xe2\x80\xa6",
		    3) == 0))
			return 1;	/* a path, or the '…' of a cut link */
	}
	for (i = 0; i < n; i++) {
		if (w[i] == '.') {
			if (i == 0 || i + 1 == n || w[i + 1] == '.')
				return 0;
			dots++;
		} else if (!isalnum((unsigned char)w[i]) && w[i] != '-')
			return 0;
	}
	return dots > 0;
}

/*
 * Fold a text for comparing a reply with what the server shows of it:
 * the leading "@acct" words dropped (the server may show them shorter),
 * links dropped, blank space folded to one space. A new string.
 */
static char *
mastodon_fold(const char *s)
{
	struct buf	 b;
	char		*clean;
	const char	*p;
	size_t		 n;

	clean = text_sanitize(s, strlen(s));
	p = clean;
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '@')
			break;
		p += strcspn(p, " \t\n");
	}
	buf_init(&b, strlen(p) + 1);
	for (; *p != '\0'; p += n) {
		if (isspace((unsigned char)*p)) {
			n = 1;
			continue;
		}
		n = strcspn(p, " \t\n\r\f\v");
		if (mastodon_link_word(p, n))
			continue;
		if (b.len > 0)
			buf_addch(&b, ' ');
		buf_add(&b, p, n);
	}
	free(clean);
	return buf_steal(&b);
}

/*
 * Find the entry's reply among the descendants of its parent: the shop's
 * own status that answers the parent with the same words, made no earlier
 * than the entry (give or take a server's clock). 0 and the result if it
 * is there, 1 if not.
 */
static int
mastodon_find_reply(const struct platform_account *pa,
    const struct outbox_entry *e, const json_t *down,
    struct action_result *result)
{
	struct mastodon_status	 st;
	const json_t		*o;
	char			*want, *have, *text;
	size_t			 i;
	int			 found = 0;

	want = mastodon_fold(e->body != NULL ? e->body : "");
	json_array_foreach(down, i, o) {
		if (mastodon_status_read(o, &st) != 0 ||
		    !mastodon_is_ours(pa, &st) || st.reply_to == NULL ||
		    strcmp(st.reply_to, e->target_remote_id) != 0 ||
		    st.created + MASTODON_CLOCK_SKEW < e->created)
			continue;
		text = mastodon_status_text(&st);
		have = mastodon_fold(text);
		found = strcmp(have, want) == 0;
		free(text);
		free(have);
		if (found) {
			result->remote_id = xstrdup(st.id);
			mastodon_reply_result(pa, e, &st, result);
			break;
		}
	}
	free(want);
	return found ? 0 : 1;
}

/*
 * Read the shop's relationship with an author: a mute or a block is done
 * when the relationship says so. A report leaves no trace the shop can
 * read, so it is sent again (a second report of the same status is the
 * lesser harm: a lost one would let the owner believe it was made).
 */
static int
mastodon_relationship(const struct outbox_entry *e,
    const struct platform_response *res, char **cause)
{
	const json_t	*r;
	json_t		*doc;
	int		 rc;

	if ((doc = mastodon_load_array(res, cause)) == NULL)
		return -1;
	r = json_array_get(doc, 0);
	if (!json_is_object(r))
		rc = util_fail(cause, "Mastodon: malformed response: no "
		    "relationship");
	else if (e->kind == ACTION_MUTE)
		rc = json_is_true(json_object_get(r, "muting")) ? 0 : 1;
	else if (e->kind == ACTION_BLOCK)
		rc = json_is_true(json_object_get(r, "blocking")) ? 0 : 1;
	else
		rc = 1;
	jdoc_free(doc);
	return rc;
}

/*
 * Read what the instance says of an entry: 0 and the result when the
 * action is done, 1 when it is not (send again), -1 on anything else.
 * A delete is done when the status is gone; a favourite when the status
 * says favourited, and taking it back when it does not.
 */
int
mastodon_reconcile_parse(const struct platform_account *pa,
    const struct outbox_entry *e, const struct platform_response *res,
    struct action_result *result, char **cause)
{
	struct mastodon_status	 st;
	json_t			*doc;
	const json_t		*down;
	int			 rc;

	if (res == NULL)
		return util_fail(cause, "Mastodon: no answer");
	if (e->kind == ACTION_DELETE && (res->status == 404 ||
	    res->status == 410))
		return 0;
	if (res->status < 200 || res->status > 299)
		return mastodon_fail_status(res, cause);
	if (mastodon_on_author(e->kind))
		return mastodon_relationship(e, res, cause);
	if ((doc = mastodon_load(res, cause)) == NULL)
		return -1;
	if (e->kind == ACTION_REPLY) {
		down = json_object_get(doc, "descendants");
		rc = json_is_array(down) ? mastodon_find_reply(pa, e, down,
		    result) : util_fail(cause, "Mastodon: malformed response: "
		    "no descendants");
	} else if (mastodon_status_read(doc, &st) != 0)
		rc = util_fail(cause, "Mastodon: malformed response: not a "
		    "status");
	else if (e->kind == ACTION_DELETE)
		rc = 1;
	else
		rc = st.favourited == (e->kind == ACTION_LIKE) ? 0 : 1;
	jdoc_free(doc);
	return rc;
}
