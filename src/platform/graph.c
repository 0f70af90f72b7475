/*
 * graph.c -- the top of the Graph API adapter: the usage headers,
 * sessions and the two ops tables (Facebook Pages and Instagram business
 * accounts). The other graph files are below it, and each calls only
 * files below itself: graph-facebook.c, graph-instagram.c and
 * graph-doctor.c (which calls graph-login.c), then graph-util.c
 * (requests, paging, answers to writes), graph-error.c (the error
 * envelope) and at the bottom graph-json.c (the small readers).
 *
 * The secret heed keeps is a Page access token. Opening a "session" asks
 * the Graph API who that token is (GET /me): the Page's id and name, and
 * the Instagram business account linked to it. Nothing is renewed: a
 * Page token from a long-lived login does not expire by itself, and when
 * it stops working (error 190) the account needs heed login.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph-private.h"
#include "platforms.h"

#define GRAPH_REGAIN_MAX	(24 * 60)	/* minutes */

/* The highest percentage in a usage object, and its regain minutes. */
static void
graph_usage_one(const json_t *o, int64_t *pct, int64_t *regain)
{
	static const char *const keys[] = {
		"call_count", "total_cputime", "total_time", "acc_id_util_pct",
		NULL
	};
	const json_t	*v;
	size_t		 i;
	double		 d;
	int64_t		 m;

	for (i = 0; keys[i] != NULL; i++) {
		v = json_object_get(o, keys[i]);
		if (json_is_number(v) && json_number_value(v) > *pct &&
		    json_number_value(v) < 1e6)
			*pct = (int64_t)json_number_value(v);
	}
	/* Minutes; a wild value is held to a day, the longest window. */
	v = json_object_get(o, "estimated_time_to_regain_access");
	if (json_is_number(v) && json_number_value(v) > 0) {
		d = json_number_value(v);
		m = GRAPH_REGAIN_MAX;
		if (d < GRAPH_REGAIN_MAX && (m = (int64_t)d) < d)
			m++;
		if (m > *regain)
			*regain = m;
	}
}

/*
 * Read X-App-Usage and X-Business-Use-Case-Usage: percentages of the
 * window used, per app or per Page, and the minutes until access comes
 * back. Return the milliseconds to hold the next request: the whole wait
 * when Facebook names one, and from 75% on an ever longer pause, so the
 * limit is not reached while the queue still syncs.
 */
int64_t
graph_pace(const struct platform_response *res, int64_t now)
{
	const char	*h;
	json_t		*doc, *list, *e;
	const char	*key;
	int64_t		 pct = 0, regain = 0;
	size_t		 i;

	(void)now;
	if ((h = platform_header(res, "X-App-Usage")) != NULL &&
	    (doc = jdoc_parse(h, strlen(h), NULL)) != NULL) {
		graph_usage_one(doc, &pct, &regain);
		jdoc_free(doc);
	}
	if ((h = platform_header(res, "X-Business-Use-Case-Usage")) != NULL &&
	    (doc = jdoc_parse(h, strlen(h), NULL)) != NULL) {
		json_object_foreach(doc, key, list) {
			json_array_foreach(list, i, e)
				graph_usage_one(e, &pct, &regain);
		}
		jdoc_free(doc);
	}
	if ((h = platform_header(res, "X-Ad-Account-Usage")) != NULL &&
	    (doc = jdoc_parse(h, strlen(h), NULL)) != NULL) {
		graph_usage_one(doc, &pct, &regain);
		jdoc_free(doc);
	}
	if (regain > 0)
		return regain * 60 * 1000;
	/*
	 * Refused for the limit with no time named (no regain time, no
	 * Retry-After, which the engine honours itself): a minute at least.
	 */
	if (pct >= 100 || (res != NULL && res->status >= 400 &&
	    res->error == TRANSPORT_OK && platform_header(res, "Retry-After") ==
	    NULL && graph_classify(res, NULL) == PLATFORM_ERR_RATE))
		return 60 * 1000;
	if (pct >= 75)
		return (pct - 74) * 1000;	/* 1 s at 75%, 25 s at 99% */
	return 0;
}

/* Ask who a token is: the Page, and its Instagram business account. */
static int
graph_me_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	if (token == NULL || *token == '\0')
		return util_fail(cause, "no token (run heed login)");
	buf_init(&q, 0);
	util_query(&q, "fields",
	    "id,name,instagram_business_account{id,username}");
	rc = graph_start_token(pa, token, "GET", "me", q.data, req, cause);
	buf_free(&q);
	return rc;
}

/* Build heed login's request: who the token given is. */
static int
graph_login_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	return graph_me_request(pa, token, req, cause);
}

/* Build the request that opens a session: who the kept token is. */
static int
graph_session_request(const struct platform_account *pa,
    struct platform_request *req, char **cause)
{
	return graph_me_request(pa, pa->secret, req, cause);
}

/* Read who the token is; for Instagram, the linked account. */
static int
graph_session_read(const struct platform_account *pa,
    const struct platform_response *res, struct platform_session *ps,
    int instagram, char **cause)
{
	const json_t	*ig;
	json_t		*doc;
	const char	*id;
	char		*name;
	int		 rc = 0;

	memset(ps, 0, sizeof *ps);
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if (pa->secret == NULL)
		return util_fail(cause, "no token");
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	id = graph_id(doc, "id");
	name = graph_line(doc, "name", 100);	/* sanitized: it is shown */
	ig = json_object_get(doc, "instagram_business_account");
	if (id == NULL)
		rc = util_fail(cause, "malformed response: the token's "
		    "Page has no id");
	else if (!instagram) {
		ps->user_id = xstrdup(id);
		ps->handle = name;
		name = NULL;
	} else if (graph_id(ig, "id") == NULL)
		rc = util_fail(cause, "the Page %s has no Instagram business "
		    "account linked (link it in Meta Business Suite: "
		    "Settings > Linked accounts)", name != NULL ? name : id);
	else {
		ps->user_id = xstrdup(graph_id(ig, "id"));
		ps->handle = graph_line(ig, "username", 100);
	}
	if (rc == 0)
		ps->access = xstrdup(pa->secret);
	free(name);
	jdoc_free(doc);
	if (rc != 0)
		platform_session_clear(ps);
	return rc;
}

/* Read a Facebook session: the Page the token is. */
static int
facebook_session_parse(const struct platform_account *pa,
    const struct platform_response *res, struct platform_session *ps,
    char **cause)
{
	return graph_session_read(pa, res, ps, 0, cause);
}

/* Read an Instagram session: the account linked to the token's Page. */
static int
instagram_session_parse(const struct platform_account *pa,
    const struct platform_response *res, struct platform_session *ps,
    char **cause)
{
	return graph_session_read(pa, res, ps, 1, cause);
}

static const char *const facebook_streams[] = { "feed", NULL };
static const char *const instagram_streams[] = { "media", "tags", NULL };
static const char *const facebook_stream_labels[] = {
	"the Page's posts and their comments", NULL
};
static const char *const instagram_stream_labels[] = {
	"the account's posts and their comments",
	"the posts the account is tagged in", NULL
};

const struct platform_ops facebook_ops = {
	.name = "facebook",
	.label = "Facebook",
	.tag = "fb",
	.caps = PLATFORM_CAN_LIKE | PLATFORM_CAN_UNLIKE | PLATFORM_CAN_HIDE |
	    PLATFORM_CAN_DELETE | PLATFORM_CAN_PRIVATE_REPLY |
	    PLATFORM_NO_IDEMPOTENCY,
	.text_limit = GRAPH_FB_TEXT_LIMIT,
	.count = COUNT_UTF16,
	.no_hide_why = NULL,
	.secret_kind = "page-token",
	.secret_prompt = "Facebook access token (a User or Page token)",
	.streams = facebook_streams,
	.stream_labels = facebook_stream_labels,
	.sync_request = facebook_sync_request,
	.sync_parse = facebook_sync_parse,
	.action_request = facebook_action_request,
	.action_parse = facebook_action_parse,
	.classify = graph_classify,
	.login_request = graph_login_request,
	.session_request = graph_session_request,
	.session_parse = facebook_session_parse,
	.fetch_request = facebook_fetch_request,
	.fetch_parse = facebook_fetch_parse,
	.reconcile_request = facebook_reconcile_request,
	.reconcile_parse = facebook_reconcile_parse,
	.pace = graph_pace,
	.login = graph_login,
	.check = facebook_check
};

const struct platform_ops instagram_ops = {
	.name = "instagram",
	.label = "Instagram",
	.tag = "ig",
	.caps = PLATFORM_CAN_HIDE | PLATFORM_CAN_DELETE |
	    PLATFORM_NO_IDEMPOTENCY | PLATFORM_NO_MENTION_REPLY,
	.text_limit = GRAPH_IG_TEXT_LIMIT,
	.count = COUNT_CODEPOINTS,
	.no_hide_why = NULL,
	.secret_kind = "page-token",
	.secret_prompt = "Facebook access token (a User or Page token)",
	.streams = instagram_streams,
	.stream_labels = instagram_stream_labels,
	.sync_request = instagram_sync_request,
	.sync_parse = instagram_sync_parse,
	.action_request = instagram_action_request,
	.action_parse = instagram_action_parse,
	.classify = instagram_classify,
	.login_request = graph_login_request,
	.session_request = graph_session_request,
	.session_parse = instagram_session_parse,
	.fetch_request = instagram_fetch_request,
	.fetch_parse = instagram_fetch_parse,
	.reconcile_request = instagram_reconcile_request,
	.reconcile_parse = instagram_reconcile_parse,
	.pace = graph_pace,
	.login_via = "facebook",
	.login_via_why = "is an Instagram account: set facebook_account to "
	    "the [account] section of the Facebook Page it is linked to, and "
	    "log in to that one (see heed.conf(5))",
	.check = instagram_check
};
