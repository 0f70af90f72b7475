/*
 * mastodon.c -- the top of the Mastodon adapter: its ops table, the
 * session (the account's id and handle, read with the stored token from
 * verify_credentials at the start of every run), and the words a reply
 * starts with.
 *
 * heed keeps one OAuth token per account; Mastodon's tokens do not
 * expire, so there is nothing to renew: the "session" only proves the
 * token still works and says who the account is. The streams and threads
 * are in mastodon-sync.c, the actions in mastodon-write.c, what an error
 * answer means in mastodon-error.c. Like every adapter it does no I/O,
 * and treats every answer as hostile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "platform/platforms.h"
#include "util.h"

static const char *const mastodon_streams[] = {
	"notifications", "posts", NULL
};
static const char *const mastodon_stream_labels[] = {
	"mentions and replies", "the account's own posts", NULL
};

/* Build the request that checks a token and says whose it is. */
static int
mastodon_check_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct platform_account	with = *pa;

	if (!mastodon_valid_token(token))
		return util_fail(cause, "Mastodon: the access token is empty "
		    "or not valid text");
	with.access = token;
	return mastodon_start(&with, "GET",
	    "/api/v1/accounts/verify_credentials", NULL, req, cause);
}

/* A credential_command's token: check it as a session is checked. */
static int
mastodon_login_request(const struct platform_account *pa,
    const char *token, struct platform_request *req, char **cause)
{
	return mastodon_check_request(pa, token, req, cause);
}

/* The stored token: check it at the start of a run. */
static int
mastodon_session_request(const struct platform_account *pa,
    struct platform_request *req, char **cause)
{
	if (pa->secret == NULL || *pa->secret == '\0')
		return util_fail(cause, "Mastodon: not logged in; run heed "
		    "login");
	return mastodon_check_request(pa, pa->secret, req, cause);
}

/*
 * Read verify_credentials into a session: the token stays the one sent
 * (there is no other), the account's id and acct are learnt.
 */
static int
mastodon_session_parse(const struct platform_account *pa,
    const struct platform_response *res, struct platform_session *ps,
    char **cause)
{
	const char	*id, *acct, *token = mastodon_token(pa);
	json_t		*doc;

	memset(ps, 0, sizeof *ps);
	if (res == NULL || res->status < 200 || res->status > 299)
		return mastodon_fail_status(res, cause);
	if (!mastodon_valid_token(token))
		return util_fail(cause, "Mastodon: no token to keep");
	if ((doc = mastodon_load(res, cause)) == NULL)
		return -1;
	id = mastodon_id(doc, "id");
	acct = jdoc_str(doc, "acct");
	if (id == NULL || !mastodon_valid_acct(acct)) {
		util_fail(cause, "Mastodon: malformed response: no account %s",
		    id == NULL ? "id" : "name");
		jdoc_free(doc);
		return -1;
	}
	ps->access = xstrdup(token);
	ps->refresh = xstrdup(token);	/* the same: it never changes */
	ps->user_id = xstrdup(id);
	ps->handle = xstrdup(acct);
	jdoc_free(doc);
	return 0;
}

/* Return 1 if acct is the account's own (as the config names it). */
static int
mastodon_is_self(const struct platform_account *pa, const char *acct)
{
	const char	*h = pa->handle;
	size_t		 n;

	if (h == NULL || *h == '\0')
		return 0;
	if (*h == '@')
		h++;
	if (strcasecmp(h, acct) == 0)
		return 1;
	/* "shop@example.social" in the config, "shop" from its instance. */
	n = strcspn(h, "@");
	return h[n] == '@' && strchr(acct, '@') == NULL && strlen(acct) == n &&
	    strncasecmp(h, acct, n) == 0;
}

/*
 * The words a reply starts with, as Mastodon's apps write them: "@acct "
 * of the author, then of everyone else the message names, the shop left
 * out. A new string, or NULL when the item's data cannot be read.
 */
static char *
mastodon_reply_prefix(const struct platform_account *pa, const char *extra)
{
	struct mastodon_target	 t;
	struct buf		 b;
	const json_t		*m;
	const char		*acct;
	size_t			 i;

	if (mastodon_target_read(extra, &t) != 0)
		return NULL;
	buf_init(&b, 0);
	if (t.acct != NULL && !mastodon_is_self(pa, t.acct))
		buf_printf(&b, "@%s ", t.acct);
	json_array_foreach(t.mentions, i, m) {
		acct = json_string_value(m);
		if (i >= MASTODON_MAX_MENTIONS || !mastodon_valid_acct(acct) ||
		    mastodon_is_self(pa, acct) || (t.acct != NULL &&
		    strcasecmp(acct, t.acct) == 0))
			continue;
		buf_printf(&b, "@%s ", acct);
	}
	mastodon_target_clear(&t);
	return buf_steal(&b);
}

const struct platform_ops mastodon_ops = {
	.name = "mastodon",
	.label = "Mastodon",
	.tag = "md",
	.caps = PLATFORM_CAN_LIKE | PLATFORM_CAN_UNLIKE | PLATFORM_CAN_DELETE |
	    PLATFORM_DELETE_OWN_ONLY | PLATFORM_NO_IDEMPOTENCY |
	    PLATFORM_CAN_MUTE | PLATFORM_CAN_BLOCK | PLATFORM_CAN_REPORT,
	.text_limit = MASTODON_CHARACTERS,
	.count = COUNT_MASTODON,
	.no_hide_why = "Mastodon cannot hide a reply; mute or block its "
	    "author instead (the reply stays visible to others)",
	.secret_kind = "access-token",
	/* Only for the name of the secret: heed login has a conversation. */
	.secret_prompt = "Access token",
	.streams = mastodon_streams,
	.stream_labels = mastodon_stream_labels,
	.sync_request = mastodon_sync_request,
	.sync_parse = mastodon_sync_parse,
	.action_request = mastodon_action_request,
	.action_parse = mastodon_action_parse,
	.classify = mastodon_classify,
	.login_request = mastodon_login_request,
	.session_request = mastodon_session_request,
	.session_parse = mastodon_session_parse,
	.fetch_request = mastodon_fetch_request,
	.fetch_parse = mastodon_fetch_parse,
	.reconcile_request = mastodon_reconcile_request,
	.reconcile_parse = mastodon_reconcile_parse,
	.recheck_max = MASTODON_RECHECK_MAX,
	.recheck_request = mastodon_recheck_request,
	.recheck_parse = mastodon_recheck_parse,
	.marker_request = mastodon_marker_request,
	.marker_parse = mastodon_marker_parse,
	.login = mastodon_login,
	.check = mastodon_check,
	.logout = mastodon_logout,
	.reply_prefix = mastodon_reply_prefix
};
