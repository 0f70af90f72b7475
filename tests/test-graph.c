/*
 * test-graph.c -- the Graph API adapter alone (Facebook Pages and
 * Instagram business accounts): the requests it builds, every recorded
 * answer under tests/data/facebook and tests/data/instagram (real Graph API
 * payloads, see tests/data/facebook/SOURCES.md), and hostile answers built
 * here from them.
 *
 * The samples are read relative to $SRCDIR, or the current directory.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json.h"
#include "model.h"
#include "platform.h"
#include "platform/graph-private.h"
#include "platform/platforms.h"
#include "text.h"
#include "util.h"

#define SAMPLE_MAX	(1024 * 1024)

#define GRAPH		"https://graph.facebook.com/v26.0/"
#define FB_POST_Q	"fields=id%2Cmessage%2Ccreated_time%2Cupdated_time" \
			"%2Cpermalink_url%2Cfrom%7Bid%2Cname%7D%2Cattachments" \
			"%7Btype%2Ctitle%2Curl%7D"
#define FB_COMMENT_Q	"fields=id%2Cmessage%2Cfrom%7Bid%2Cname%7D" \
			"%2Ccreated_time%2Cparent%7Bid%7D%2Cis_hidden" \
			"%2Ccan_reply_privately%2Clike_count%2Cuser_likes" \
			"%2Cpermalink_url%2Cattachment%7Btype%2Ctitle%2Curl%7D" \
			"%2Cprivate_reply_conversation"
#define IG_REPLY_F	"id%2Ctext%2Cusername%2Cfrom%7Bid%2Cusername%7D" \
			"%2Ctimestamp%2Clike_count%2Chidden%2Cparent_id"
#define IG_MEDIA_Q	"fields=id%2Ccaption%2Ccomments_count%2Clike_count" \
			"%2Cmedia_type%2Cpermalink%2Ctimestamp%2Cusername"
#define ME_Q		"me?fields=id%2Cname%2Cinstagram_business_account" \
			"%7Bid%2Cusername%7D"

/* The Page of the feed samples ("Facebook for Developers"). */
#define PAGE_ID		"19292868552"
#define FEED_POST1	PAGE_ID "_10158349356748553"
#define FEED_POST2	PAGE_ID "_10158347294088553"
#define FEED_POST3	PAGE_ID "_10158345715593553"
#define FEED_POST4	PAGE_ID "_10158343840773553"
#define FEED_POST5	PAGE_ID "_10158333323653553"
#define STREAM_POST	PAGE_ID "_10158407654328553"

/* The Page of comment_node_all_fields.json ("MyLife"). */
#define MYLIFE_ID	"2121008874780932"
#define CAR_POST	MYLIFE_ID "_2954961744718970"
#define CAR_COMMENT	"2954961744718970_2966313500250461"

/* The Instagram account of the samples, and its media. */
#define IG_ID		"17841406338772941"
#define IG_MEDIA	"17846368219941692"
#define IG_TOP		"17892250648466172"
#define IG_REPLY	"17845747489952795"

/* The Page, with a session open, the day after the feed sample. */
static const struct platform_account fb_page = {
	.id = 3,
	.name = "devs-fb",
	.handle = "Facebook for Developers",
	.base_url = NULL,
	.version = NULL,
	.history_days = 30,
	.recheck = 3600,
	.now = 1626091200,		/* 2021-07-12T12:00:00Z */
	.secret = "page-token",
	.access = "page-token",
	.user_id = PAGE_ID,
	.service = NULL
};

/* The Page "4" of user_posts_time_paging_page1_emoji.json, a day on. */
static const struct platform_account fb_four = {
	.id = 5,
	.name = "four",
	.handle = "Four",
	.history_days = 30,
	.recheck = 3600,
	.now = 1625443200,		/* 2021-07-05T00:00:00Z */
	.secret = "page-token",
	.access = "page-token",
	.user_id = "4"
};

/* The Page "MyLife", two days after the comment with every field. */
static const struct platform_account fb_mylife = {
	.id = 6,
	.name = "mylife",
	.handle = "MyLife",
	.base_url = "https://graph.facebook.com/",
	.version = "v26.0",
	.history_days = 0,
	.recheck = 3600,
	.now = 1627171200,		/* 2021-07-25T00:00:00Z */
	.secret = "page-token",
	.access = "page-token",
	.user_id = MYLIFE_ID
};

/* The Instagram account, the day after the media sample. */
static const struct platform_account ig_acct = {
	.id = 4,
	.name = "devs-ig",
	.handle = "ikroskun",
	.history_days = 30,
	.recheck = 3600,
	.now = 1628899200,		/* 2021-08-14T00:00:00Z */
	.secret = "page-token",
	.access = "page-token",
	.user_id = IG_ID
};

/*
 * Every recorded sample, and what reads it. sample() refuses a file that
 * is not listed here, and test_graph_every_sample_is_listed_and_read
 * fails if a file of the directories is missing from the table, or if a
 * listed file was never read by a test.
 */
static const struct {
	const char	*file;
	const char	*read_by;
} samples[] = {
	{ "facebook/comment_create_response.json", "facebook_action_parse" },
	{ "facebook/comment_node_all_fields.json", "facebook_fetch_parse" },
	{ "facebook/debug_token_response.json", "graph_debug_parse" },
	{ "facebook/error_100_missing_pages_read_engagement.json",
	    "classify" },
	{ "facebook/error_190_463_session_expired.json", "classify" },
	{ "facebook/error_190_493_not_engaged_90_days.json", "classify" },
	{ "facebook/error_200_permissions_error.json", "classify" },
	{ "facebook/error_283_requires_pages_read_engagement.json",
	    "classify" },
	{ "facebook/error_368_abusive_content_converted.json", "classify" },
	{ "facebook/error_4_application_request_limit.json", "classify" },
	{ "facebook/header_x_app_usage.json", "graph_pace" },
	{ "facebook/header_x_business_use_case_usage_messenger.json",
	    "graph_pace" },
	{ "facebook/header_x_business_use_case_usage_pages.json",
	    "graph_pace" },
	{ "facebook/me_accounts_page_tokens_cjk.json", "graph_pages_parse" },
	{ "facebook/oauth_long_lived_token_response.json",
	    "graph_poll_parse" },
	{ "facebook/page_feed_attachments_cursor_page1.json",
	    "facebook_sync_parse" },
	{ "facebook/page_post_single_cjk.json", "facebook_sync_parse" },
	{ "facebook/post_comments_stream_summary_page1.json",
	    "facebook_fetch_parse" },
	{ "facebook/post_comments_stream_summary_page2_last.json",
	    "facebook_fetch_parse" },
	{ "facebook/user_posts_time_paging_page1_emoji.json",
	    "facebook_sync_parse" },
	{ "instagram/comment_node_fields.json", "instagram_fetch_parse" },
	{ "instagram/comment_node_with_replies.json",
	    "instagram_fetch_parse" },
	{ "instagram/comment_replies.json", "instagram_fetch_parse, "
	    "instagram_reconcile_parse" },
	{ "instagram/comment_reply_create_response_docs.json",
	    "instagram_action_parse" },
	{ "instagram/media_comments_page1.json", "instagram_fetch_parse" },
	{ "instagram/media_comments_page2_last.json",
	    "instagram_fetch_parse" },
	{ "instagram/media_node_carousel.json", "instagram_sync_parse" },
	{ "instagram/user_fields.json", "session_parse" },
	{ "instagram/user_media_page1.json", "instagram_sync_parse" },
	{ "instagram/user_mentioned_comment.json", "instagram_fetch_parse" },
	{ "instagram/user_mentioned_media.json", "instagram_sync_parse" },
	{ "instagram/user_tags.json", "instagram_sync_parse" },
};
static int	sample_read[nitems(samples)];

/* Read a sample ("facebook/x.json") into a new string. */
static char *
sample(const char *name, size_t *lenp)
{
	const char	*dir = getenv("SRCDIR");
	char		 path[4096];
	char		*text;
	size_t		 len = 0, n, i;
	FILE		*f;

	for (i = 0; i < nitems(samples); i++) {
		if (strcmp(samples[i].file, name) == 0)
			break;
	}
	if (i == nitems(samples))
		fail_msg("%s is not in the samples table", name);
	sample_read[i] = 1;
	if (dir == NULL || *dir == '\0')
		dir = ".";
	snprintf(path, sizeof path, "%s/tests/data/%s", dir, name);
	if ((f = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s", path);
	text = malloc(SAMPLE_MAX + 1);
	assert_non_null(text);
	while ((n = fread(text + len, 1, SAMPLE_MAX - len, f)) > 0)
		len += n;
	fclose(f);
	assert_true(len < SAMPLE_MAX);
	text[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return text;
}

/* Parse a JSON text (asserts it parses). */
static json_t *
json_of(const char *text)
{
	json_t	*doc = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

	assert_non_null(doc);
	return doc;
}

/* A sample as a JSON document. */
static json_t *
sample_json(const char *name)
{
	char	*text = sample(name, NULL);
	json_t	*doc = json_of(text);

	free(text);
	return doc;
}

/* Dump a document compactly and release it; a new string. */
static char *
dump(json_t *doc)
{
	char	*s = json_dumps(doc, JSON_COMPACT | JSON_ENCODE_ANY);

	assert_non_null(s);
	json_decref(doc);
	return s;
}

/* {"data":[o]}, taking o. */
static char *
wrap_data(json_t *o)
{
	return dump(json_pack("{s:[o]}", "data", o));
}

/* A single-object sample wrapped as a one-entry list: {"data":[...]}. */
static char *
sample_in_data(const char *name)
{
	return wrap_data(sample_json(name));
}

/* The member of a sample wrapped as a one-entry list. */
static char *
sample_member_in_data(const char *name, const char *member)
{
	json_t	*doc = sample_json(name), *o;

	o = json_object_get(doc, member);
	assert_non_null(o);
	json_incref(o);
	json_decref(doc);
	return wrap_data(o);
}

/* A response, lent. */
static struct platform_response
answer(long status, const char *body)
{
	struct platform_response	res;

	memset(&res, 0, sizeof res);
	res.status = status;
	res.body = body;
	res.len = body != NULL ? strlen(body) : 0;
	return res;
}

/* Return 1 if s holds nothing a terminal would act on. */
static int
clean(const char *s)
{
	const unsigned char	*p;

	if (s == NULL)
		return 1;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			return 0;
	}
	return strstr(s, "\xe2\x80\xae") == NULL &&	/* RLO */
	    strstr(s, "\xe2\x81\xa6") == NULL &&	/* LRI */
	    strstr(s, "\xe2\x80\x8f") == NULL &&	/* RLM */
	    strstr(s, "\xc2\x9b") == NULL &&		/* CSI */
	    strstr(s, "\xc2\x9d") == NULL &&		/* OSC */
	    text_valid_utf8(s, strlen(s));
}

/* Return 1 if s holds no newline either (one-line fields, causes). */
static int
clean_line(const char *s)
{
	return clean(s) && (s == NULL || strchr(s, '\n') == NULL);
}

/* Every text of a page is clean; names and causes are one line. */
static void
assert_page_clean(const struct sync_page *page)
{
	const struct item	*it;
	size_t			 i;

	for (i = 0; i < page->items.n; i++) {
		it = &page->items.v[i];
		assert_true(clean(it->text));
		assert_true(clean_line(it->author_name));
		assert_true(clean_line(it->author_handle));
		assert_true(clean_line(it->permalink));
		assert_true(clean_line(it->attachment));
		assert_true(graph_valid_id(it->remote_id));
		assert_true(graph_valid_id(it->post_remote_id));
		if (it->parent_remote_id != NULL)
			assert_true(graph_valid_id(it->parent_remote_id));
	}
	for (i = 0; i < page->nposts; i++) {
		assert_true(clean(page->posts[i].text));
		assert_true(clean_line(page->posts[i].author_name));
		assert_true(graph_valid_id(page->posts[i].remote_id));
	}
	assert_true(clean_line(page->next_cursor));
	assert_true(clean_line(page->notice));
}

/* Check a built request member by member (NULL: must be absent). */
static void
assert_request(const struct platform_request *req, const char *method,
    const char *url, const char *body, const char *content_type)
{
	assert_string_equal(req->method, method);
	assert_string_equal(req->url, url);
	if (body == NULL)
		assert_null(req->body);
	else
		assert_string_equal(req->body, body);
	if (content_type == NULL)
		assert_null(req->content_type);
	else
		assert_string_equal(req->content_type, content_type);
	assert_string_equal(req->authorization, "Bearer page-token");
}

/* Find an item of a page by its remote id; NULL if absent. */
static const struct item *
find_item(const struct sync_page *page, const char *id)
{
	size_t	i;

	for (i = 0; i < page->items.n; i++) {
		if (strcmp(page->items.v[i].remote_id, id) == 0)
			return &page->items.v[i];
	}
	return NULL;
}

/* Run a stream's request with a cursor, then parse an answer to it. */
static int
stream(const struct platform_ops *ops, const struct platform_account *pa,
    const char *name, const char *cursor, long status, const char *body,
    struct sync_page *page, char **cause)
{
	struct platform_account		at = *pa;
	struct platform_request		req;
	struct platform_response	res = answer(status, body);

	memset(page, 0, sizeof *page);
	if (cause != NULL)
		*cause = NULL;
	at.cursor = cursor;	/* as the engine hands it to both */
	assert_int_equal(ops->sync_request(&at, name, cursor, &req, NULL), 0);
	platform_request_clear(&req);
	return ops->sync_parse(&at, name, &res, page, cause);
}

/* Parse a fetch key's answer. */
static int
fetch(const struct platform_ops *ops, const struct platform_account *pa,
    const char *key, long status, const char *body, struct sync_page *page,
    char **cause)
{
	struct platform_request		req;
	struct platform_response	res = answer(status, body);

	memset(page, 0, sizeof *page);
	if (cause != NULL)
		*cause = NULL;
	assert_int_equal(ops->fetch_request(pa, key, &req, NULL), 0);
	platform_request_clear(&req);
	return ops->fetch_parse(pa, key, &res, page, cause);
}

/* The request of a stream, for a cursor; its URL as a new string. */
static char *
stream_url(const struct platform_ops *ops, const struct platform_account *pa,
    const char *name, const char *cursor)
{
	struct platform_account	at = *pa;
	struct platform_request	req;
	char			*url;

	at.cursor = cursor;
	assert_int_equal(ops->sync_request(&at, name, cursor, &req, NULL), 0);
	assert_string_equal(req.method, "GET");
	assert_null(req.body);
	assert_string_equal(req.authorization, "Bearer page-token");
	url = xstrdup(req.url);
	platform_request_clear(&req);
	return url;
}

/* An outbox entry acting on a target, with its stored extra data. */
static struct outbox_entry
entry(int kind, const char *target, const char *body, const char *extra,
    int64_t created)
{
	struct outbox_entry	e;

	memset(&e, 0, sizeof e);
	e.id = 42;
	e.account_id = 3;
	e.item_id = 5;
	e.kind = kind;
	e.target_remote_id = (char *)target;
	e.body = (char *)body;
	e.idem_key = (char *)"idem-1";
	e.target_extra = (char *)extra;
	e.created = created;
	return e;
}

/* A body of n bytes: prefix, filler, suffix. */
static char *
big_body(const char *prefix, char fill, size_t n, const char *suffix)
{
	size_t	 p = strlen(prefix), s = strlen(suffix);
	char	*b;

	assert_true(n > p + s);
	b = malloc(n + 1);
	assert_non_null(b);
	memcpy(b, prefix, p);
	memset(b + p, fill, n - p - s);
	memcpy(b + n - s, suffix, s);
	b[n] = '\0';
	return b;
}

/* No JSON document may outlive a test. */
static int
no_live_documents(void **state)
{
	(void)state;
	return jdoc_live() == 0 ? 0 : -1;
}

/* ------------------------------------------------------------------ */

/* Every file of the sample directories is listed, and every one read. */
static void
test_graph_every_sample_is_listed(void **state)
{
	static const char *const dirs[] = { "facebook", "instagram" };
	const char	*src = getenv("SRCDIR");
	char		 path[4096], name[512];
	struct dirent	*d;
	DIR		*dp;
	size_t		 i, j, found, nfiles = 0;
	json_t		*doc;

	(void)state;
	if (src == NULL || *src == '\0')
		src = ".";
	for (i = 0; i < nitems(dirs); i++) {
		snprintf(path, sizeof path, "%s/tests/data/%s", src, dirs[i]);
		assert_non_null(dp = opendir(path));
		while ((d = readdir(dp)) != NULL) {
			size_t len = strlen(d->d_name);

			if (len < 5 || strcmp(d->d_name + len - 5, ".json") != 0)
				continue;
			snprintf(name, sizeof name, "%s/%s", dirs[i],
			    d->d_name);
			for (j = 0, found = 0; j < nitems(samples); j++) {
				if (strcmp(samples[j].file, name) == 0)
					found = 1;
			}
			if (!found)
				fail_msg("%s is not in the samples table", name);
			nfiles++;
		}
		closedir(dp);
	}
	/* Nothing listed that is not there; each one is a JSON object. */
	assert_int_equal(nfiles, nitems(samples));
	for (j = 0; j < nitems(samples); j++) {
		doc = sample_json(samples[j].file);
		assert_true(json_is_object(doc));
		json_decref(doc);
	}
}

/* Ids: digits and underscores, at most 128; texts cut at 64 KiB. */
static void
test_graph_id_and_text_limits(void **state)
{
	static const char *const good[] = {
		"1", "4", "1_2", FEED_POST1, "17841406338772941", "1__2", "1_",
	};
	static const char *const bad[] = {
		"", "_1", "1a", "../me", "1/2", "1 2", "-1", "+1", "1\n", "1.5",
		"me", "0x1F", "\xd9\xa1", "1%2F", "1?x=1", "1#", "\xef\xbc\x91",
	};
	struct sync_page	 page;
	char			 id[200], *body;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(good); i++)
		assert_int_equal(graph_valid_id(good[i]), 1);
	for (i = 0; i < nitems(bad); i++)
		assert_int_equal(graph_valid_id(bad[i]), 0);
	assert_int_equal(graph_valid_id(NULL), 0);
	memset(id, '7', sizeof id);
	id[128] = '\0';
	assert_int_equal(graph_valid_id(id), 1);
	id[128] = '7';
	id[129] = '\0';
	assert_int_equal(graph_valid_id(id), 0);

	/* Through the feed: a 128-digit post is read, 129 is not. */
	id[128] = '\0';
	body = xprintf("{\"data\":[{\"id\":\"%s\",\"created_time\":"
	    "\"2021-07-10T00:00:00+0000\"},{\"id\":\"%s9\","
	    "\"created_time\":\"2021-07-10T00:00:00+0000\"}]}", id, id);
	assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.nposts, 1);
	assert_string_equal(page.posts[0].remote_id, id);
	assert_int_equal(page.nfetch, 1);
	assert_int_equal(strlen(page.fetch[0]), 2 + 128 + 1 + 10);
	sync_page_clear(&page);
	free(body);

	/* 70,000 bytes of text keep 65,536; 65,536 keep them all. */
	body = big_body("{\"data\":[{\"id\":\"1_2\",\"created_time\":"
	    "\"2021-07-10T00:00:00+0000\",\"message\":\"", 'a', 70000 + 81,
	    "\"}]}");
	assert_int_equal(strlen(body), 70000 + 81);
	assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL, 200,
	    body, &page, NULL), 0);
	assert_int_equal(strlen(page.posts[0].text), 65536);
	sync_page_clear(&page);
	free(body);
	/* A 2-byte character across the cut goes whole; inside, it stays. */
	for (i = 0; i < 2; i++) {
		body = big_body("{\"data\":[{\"id\":\"1_2\",\"created_time\":"
		    "\"2021-07-10T00:00:00+0000\",\"message\":\"", 'a',
		    74 + 65535 - i + 10, "\\u00e9\"}]}");
		assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL,
		    200, body, &page, NULL), 0);
		if (i == 0) {
			assert_int_equal(strlen(page.posts[0].text), 65535);
			assert_int_equal(page.posts[0].text[65534], 'a');
		} else {
			assert_int_equal(strlen(page.posts[0].text), 65536);
			assert_string_equal(page.posts[0].text + 65534,
			    "\xc3\xa9");
		}
		sync_page_clear(&page);
		free(body);
	}
}

/* The ops tables say what each platform can do. */
static void
test_graph_ops_tables(void **state)
{
	(void)state;
	assert_ptr_equal(platform_find("facebook"), &facebook_ops);
	assert_ptr_equal(platform_find("instagram"), &instagram_ops);
	assert_string_equal(facebook_ops.label, "Facebook");
	assert_string_equal(facebook_ops.tag, "fb");
	assert_int_equal(facebook_ops.caps, PLATFORM_CAN_LIKE |
	    PLATFORM_CAN_UNLIKE | PLATFORM_CAN_HIDE | PLATFORM_CAN_DELETE |
	    PLATFORM_CAN_PRIVATE_REPLY | PLATFORM_NO_IDEMPOTENCY);
	assert_int_equal(facebook_ops.text_limit, 8000);
	assert_int_equal(facebook_ops.count, COUNT_UTF16);
	assert_string_equal(facebook_ops.secret_kind, "page-token");
	assert_string_equal(facebook_ops.streams[0], "feed");
	assert_null(facebook_ops.streams[1]);
	assert_ptr_equal(facebook_ops.sync_parse, facebook_sync_parse);
	assert_ptr_equal(facebook_ops.fetch_parse, facebook_fetch_parse);
	assert_ptr_equal(facebook_ops.action_request, facebook_action_request);
	assert_ptr_equal(facebook_ops.reconcile_parse,
	    facebook_reconcile_parse);
	assert_ptr_equal(facebook_ops.pace, graph_pace);
	assert_ptr_equal(facebook_ops.classify, graph_classify);

	assert_string_equal(instagram_ops.label, "Instagram");
	assert_string_equal(instagram_ops.tag, "ig");
	assert_int_equal(instagram_ops.caps, PLATFORM_CAN_HIDE |
	    PLATFORM_CAN_DELETE | PLATFORM_NO_IDEMPOTENCY |
	    PLATFORM_NO_MENTION_REPLY);
	assert_int_equal(instagram_ops.text_limit, 2200);
	assert_int_equal(instagram_ops.count, COUNT_CODEPOINTS);
	assert_string_equal(instagram_ops.secret_kind, "page-token");
	assert_string_equal(instagram_ops.streams[0], "media");
	assert_string_equal(instagram_ops.streams[1], "tags");
	assert_null(instagram_ops.streams[2]);
	/* Each stream has words for the messages that name it. */
	assert_string_equal(facebook_ops.stream_labels[0],
	    "the Page's posts and their comments");
	assert_null(facebook_ops.stream_labels[1]);
	assert_string_equal(instagram_ops.stream_labels[1],
	    "the posts the account is tagged in");
	assert_null(instagram_ops.stream_labels[2]);
	assert_ptr_equal(instagram_ops.sync_parse, instagram_sync_parse);
	assert_ptr_equal(instagram_ops.fetch_parse, instagram_fetch_parse);
	assert_ptr_equal(instagram_ops.pace, graph_pace);
	assert_non_null(instagram_ops.classify);
}

/* Both platforms ask GET /me with the Page token, at the right version. */
static void
test_graph_session_requests(void **state)
{
	static const struct platform_ops *const ops[] = {
		&facebook_ops, &instagram_ops
	};
	static const char *const bad_versions[] = {
		"v26", "26.0", "v26.0.1", "v2a.0", "v26.0/../../me", "v26.",
		"v.26", "V26.0", "v26.0?x=1", "v123456789.0", "v26.0 "
	};
	struct platform_account	 pa;
	struct platform_request	 req;
	char			*cause;
	size_t			 i, j;

	(void)state;
	for (i = 0; i < nitems(ops); i++) {
		pa = fb_page;
		assert_int_equal(ops[i]->login_request(&pa, "TOKEN", &req,
		    NULL), 0);
		assert_string_equal(req.method, "GET");
		assert_string_equal(req.url, GRAPH ME_Q);
		assert_string_equal(req.authorization, "Bearer TOKEN");
		assert_null(req.body);
		assert_null(req.content_type);
		platform_request_clear(&req);

		assert_int_equal(ops[i]->session_request(&pa, &req, NULL), 0);
		assert_request(&req, "GET", GRAPH ME_Q, NULL, NULL);
		platform_request_clear(&req);

		/* A configured URL (slashes trimmed) and version. */
		pa.base_url = "http://127.0.0.1:8089///";
		pa.version = "v19.0";
		assert_int_equal(ops[i]->session_request(&pa, &req, NULL), 0);
		assert_string_equal(req.url, "http://127.0.0.1:8089/v19.0/"
		    ME_Q);
		platform_request_clear(&req);
		pa.base_url = "";
		pa.version = "";
		assert_int_equal(ops[i]->session_request(&pa, &req, NULL), 0);
		assert_string_equal(req.url, GRAPH ME_Q);
		platform_request_clear(&req);

		for (j = 0; j < nitems(bad_versions); j++) {
			pa.version = bad_versions[j];
			cause = NULL;
			memset(&req, 0, sizeof req);
			assert_int_equal(ops[i]->session_request(&pa, &req,
			    &cause), -1);
			assert_null(req.url);
			assert_non_null(strstr(cause, "is not a Graph API "
			    "version (like v26.0)"));
			assert_true(strncmp(cause, "graph_version \"", 15) == 0);
			free(cause);
		}
		pa.version = NULL;

		cause = NULL;
		assert_int_equal(ops[i]->login_request(&pa, "", &req, &cause),
		    -1);
		assert_string_equal(cause, "no token (run heed login)");
		free(cause);
		assert_int_equal(ops[i]->login_request(&pa, NULL, &req, NULL),
		    -1);
		pa.secret = NULL;
		assert_int_equal(ops[i]->session_request(&pa, &req, NULL), -1);
	}
}

/* The Page answer opens a session on either platform. */
static void
test_graph_session_parse_page_answer(void **state)
{
	static const char body[] = "{\"id\":\"" PAGE_ID "\",\"name\":"
	    "\"Facebook for Developers\",\"instagram_business_account\":"
	    "{\"id\":\"" IG_ID "\",\"username\":\"ikroskun\"}}";
	struct platform_response	 res = answer(200, body);
	struct platform_session		 ps;

	(void)state;
	assert_int_equal(facebook_ops.session_parse(&fb_page, &res, &ps, NULL),
	    0);
	assert_string_equal(ps.user_id, PAGE_ID);
	assert_string_equal(ps.handle, "Facebook for Developers");
	assert_string_equal(ps.access, "page-token");
	assert_null(ps.refresh);
	assert_null(ps.service);
	platform_session_clear(&ps);

	assert_int_equal(instagram_ops.session_parse(&fb_page, &res, &ps,
	    NULL), 0);
	assert_string_equal(ps.user_id, IG_ID);
	assert_string_equal(ps.handle, "ikroskun");
	assert_string_equal(ps.access, "page-token");
	assert_null(ps.refresh);
	assert_null(ps.service);
	platform_session_clear(&ps);
}

/* user_fields.json (an account without a linked one) and hostile ones. */
static void
test_graph_session_parse_refusals(void **state)
{
	static const struct {
		long		 status;
		const char	*body;
		int		 fb, ig;	/* expected results */
		const char	*fb_handle;
		const char	*ig_cause;
	} cases[] = {
		{ 200, "{\"id\":\"" PAGE_ID "\",\"name\":\"Shop\"}", 0, -1,
		    "Shop", "the Page Shop has no Instagram business account "
		    "linked (link it in Meta Business Suite: Settings > "
		    "Linked accounts)" },
		{ 200, "{\"id\":\"" PAGE_ID "\"}", 0, -1, NULL, "the Page "
		    PAGE_ID " has no Instagram business account linked (link "
		    "it in Meta Business Suite: Settings > Linked accounts)" },
		{ 200, "{\"id\":\"" PAGE_ID "\",\"name\":\"Evil\\u001b]0;pwn"
		    "\\u0007 Page\\u202e\\u009b31m\\n!\","
		    "\"instagram_business_account\":null}", 0, -1, "Evil Page !",
		    "the Page Evil Page ! has no Instagram business account "
		    "linked (link it in Meta Business Suite: Settings > Linked "
		    "accounts)" },
		{ 200, "{\"id\":\"" PAGE_ID "\",\"name\":\"S\","
		    "\"instagram_business_account\":{\"id\":\"1/../me\"}}", 0,
		    -1, "S", NULL },
		{ 200, "{\"id\":\"" PAGE_ID "\",\"name\":\"S\","
		    "\"instagram_business_account\":{\"id\":17841406338772941}}",
		    0, -1, "S", NULL },
		{ 200, "{\"id\":\"../me\",\"name\":\"S\"}", -1, -1, NULL,
		    "malformed response: the token's Page has no id" },
		{ 200, "{\"id\":19292868552}", -1, -1, NULL, NULL },
		{ 200, "{\"id\":\"abc\"}", -1, -1, NULL, NULL },
		{ 200, "{\"id\":null}", -1, -1, NULL, NULL },
		{ 200, "[{\"id\":\"1\"}]", -1, -1, NULL,
		    "malformed response: not an object" },
		{ 200, "\"19292868552\"", -1, -1, NULL, NULL },
		{ 200, "{\"id\":\"1\"", -1, -1, NULL, NULL },
		{ 200, "", -1, -1, NULL, NULL },
		{ 400, "{\"error\":{\"message\":\"Error validating access "
		    "token\",\"code\":190,\"error_subcode\":463}}", -1, -1,
		    NULL, "Facebook says the login has expired (error "
		    "190/463)" },
		{ 502, "<html>Bad gateway</html>", -1, -1, NULL,
		    "Facebook answered 502" },
	};
	struct platform_response	 res;
	struct platform_session		 ps;
	struct platform_account		 pa = fb_page;
	char				*cause, *body, *big;
	size_t				 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		res = answer(cases[i].status, cases[i].body);
		cause = NULL;
		assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps,
		    &cause), cases[i].fb);
		if (cases[i].fb == 0) {
			assert_string_equal(ps.user_id, PAGE_ID);
			if (cases[i].fb_handle == NULL)
				assert_null(ps.handle);
			else
				assert_string_equal(ps.handle,
				    cases[i].fb_handle);
			platform_session_clear(&ps);
		} else {
			assert_null(ps.user_id);
			assert_null(ps.access);
			assert_true(clean_line(cause));
		}
		free(cause);
		cause = NULL;
		assert_int_equal(instagram_ops.session_parse(&pa, &res, &ps,
		    &cause), cases[i].ig);
		assert_null(ps.user_id);
		assert_null(ps.access);
		assert_non_null(cause);
		assert_true(clean_line(cause));
		if (cases[i].ig_cause != NULL)
			assert_string_equal(cause, cases[i].ig_cause);
		free(cause);
	}

	/* user_fields.json: an Instagram user as a Page-shaped answer. */
	body = sample("instagram/user_fields.json", NULL);
	res = answer(200, body);
	assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps, NULL), 0);
	assert_string_equal(ps.user_id, "17841407673135339");
	assert_string_equal(ps.handle, "Facebook for Developers");
	platform_session_clear(&ps);
	assert_int_equal(instagram_ops.session_parse(&pa, &res, &ps, &cause),
	    -1);
	assert_string_equal(cause, "the Page Facebook for Developers has no "
	    "Instagram business account linked (link it in Meta Business "
	    "Suite: Settings > Linked accounts)");
	free(cause);
	free(body);

	/* A huge name is cut to a line; a 20 MiB answer is not read. */
	big = big_body("{\"id\":\"" PAGE_ID "\",\"name\":\"", 'n', 1 << 20,
	    "\"}");
	res = answer(200, big);
	assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps, NULL), 0);
	assert_int_equal(strlen(ps.handle), 100);
	platform_session_clear(&ps);
	free(big);
	big = big_body("{\"id\":\"" PAGE_ID "\",\"name\":\"", 'n', 20 << 20,
	    "\"}");
	res = answer(200, big);
	assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps, &cause),
	    -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(big);

	/* Without a token to keep, there is no session. */
	pa.secret = NULL;
	res = answer(200, "{\"id\":\"" PAGE_ID "\"}");
	assert_int_equal(facebook_ops.session_parse(&pa, &res, &ps, &cause),
	    -1);
	assert_string_equal(cause, "no token");
	free(cause);
	assert_int_equal(facebook_ops.session_parse(&pa, NULL, &ps, &cause),
	    -1);
	free(cause);
}

/* Every recorded error answer gets the right class and plain words. */
static void
test_graph_classify_recorded_errors(void **state)
{
	static const struct {
		const char	*file;
		long		 status;
		int		 want;
		const char	*cause;		/* exact */
		const char	*start;		/* or its start */
	} cases[] = {
		{ "facebook/error_190_463_session_expired.json", 400,
		    PLATFORM_ERR_AUTH, "Facebook says the login has expired "
		    "(error 190/463)", NULL },
		{ "facebook/error_190_493_not_engaged_90_days.json", 401,
		    PLATFORM_ERR_AUTH, "Facebook says the login expired after "
		    "90 days without use (error 190/493)", NULL },
		{ "facebook/error_4_application_request_limit.json", 403,
		    PLATFORM_ERR_RATE, "the app's request limit is reached "
		    "(error 4)", NULL },
		{ "facebook/error_200_permissions_error.json", 403,
		    PLATFORM_ERR_DENIED, NULL, "the login lacks a permission "
		    "for this (error 200: (#200) Permissions error); " },
		{ "facebook/error_283_requires_pages_read_engagement.json",
		    403, PLATFORM_ERR_DENIED, "the login lacks the "
		    "pages_read_engagement permission (error 283); run heed "
		    "login again and allow it", NULL },
		{ "facebook/error_100_missing_pages_read_engagement.json", 400,
		    PLATFORM_ERR_DENIED, "the login lacks the "
		    "pages_read_engagement permission (error 100); run heed "
		    "login again and allow it", NULL },
		/* Refusals name the platform asked (the login Facebook). */
		{ "facebook/error_368_abusive_content_converted.json", 400,
		    PLATFORM_ERR_TEMPORARY, "@ blocks this for now "
		    "(error 368: Your message couldn't be sent because it "
		    "includes content that other people on Facebook have "
		    "reported as abusive.); heed tries again later", NULL },
	};
	static const struct platform_ops *const ops[] = {
		&facebook_ops, &instagram_ops
	};
	struct platform_response	 res;
	char				*body, *cause, *want;
	size_t				 i, j;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		body = sample(cases[i].file, NULL);
		res = answer(cases[i].status, body);
		for (j = 0; j < nitems(ops); j++) {
			cause = NULL;
			assert_int_equal(ops[j]->classify(&res, &cause),
			    cases[i].want);
			assert_non_null(cause);
			if (cases[i].cause != NULL && *cases[i].cause == '@') {
				want = xprintf("%s%s", ops[j]->label,
				    cases[i].cause + 1);
				assert_string_equal(cause, want);
				free(want);
			} else if (cases[i].cause != NULL)
				assert_string_equal(cause, cases[i].cause);
			else
				assert_true(strncmp(cause, cases[i].start,
				    strlen(cases[i].start)) == 0);
			assert_true(clean_line(cause));
			free(cause);
		}
		/* The same answer fails a parse with the same words. */
		cause = NULL;
		assert_int_equal(graph_fail_status(&res, &cause), -1);
		assert_non_null(cause);
		free(cause);
		free(body);
	}
}

/* Errors built here: every code heed knows, and hostile envelopes. */
static void
test_graph_classify_hostile_errors(void **state)
{
	static const struct {
		long		 status;
		const char	*body;
		int		 want;
		const char	*cause;
	} cases[] = {
		{ 400, "{\"error\":{\"code\":368,\"message\":\"You already "
		    "posted this\"}}", PLATFORM_ERR_DUPLICATE,
		    "already posted (error 368)" },
		{ 400, "{\"error\":{\"code\":368,\"message\":\"ALREADY sent\"}}",
		    PLATFORM_ERR_DUPLICATE, "already posted (error 368)" },
		{ 400, "{\"error\":{\"code\":368}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook blocks this for now (error 368: a policy block); "
		    "heed tries again later" },
		{ 400, "{\"error\":{\"code\":506,\"message\":\"Duplicate status "
		    "message\"}}", PLATFORM_ERR_DUPLICATE,
		    "already done (error 506)" },
		{ 400, "{\"error\":{\"code\":10900}}", PLATFORM_ERR_DUPLICATE,
		    "already done (error 10900)" },
		{ 400, "{\"error\":{\"message\":\"Unsupported get request. "
		    "Object with ID '1_2' does not exist, cannot be loaded due "
		    "to missing permissions, or does not support this "
		    "operation.\",\"type\":\"GraphMethodException\","
		    "\"code\":100,\"error_subcode\":33}}", PLATFORM_ERR_GONE,
		    "it is no longer there (error 100/33)" },
		{ 400, "{\"error\":{\"code\":\"100\",\"error_subcode\":\"33\"}}",
		    PLATFORM_ERR_GONE, "it is no longer there (error 100/33)" },
		{ 400, "{\"error\":{\"code\":100,\"message\":\"(#100) Tried "
		    "accessing nonexisting field (feed) on node type (User)\"}}",
		    PLATFORM_ERR_AUTH, "this is a person's token, not a Page's" },
		{ 400, "{\"error\":{\"code\":100,\"message\":\"(#100) Invalid "
		    "parameter\"}}", PLATFORM_ERR_PERMANENT, "Facebook refused "
		    "it (error 100: (#100) Invalid parameter)" },
		{ 400, "{\"error\":{\"code\":100,\"message\":\"needs "
		    "pages_manage_engagement.\"}}", PLATFORM_ERR_DENIED,
		    "the login lacks the pages_manage_engagement permission "
		    "(error 100); run heed login again and allow it" },
		{ 403, "{\"error\":{\"code\":10,\"message\":\"(#10) Requires "
		    "instagram_manage_comments\"}}", PLATFORM_ERR_DENIED,
		    "the login lacks the instagram_manage_comments permission "
		    "(error 10); run heed login again and allow it" },
		{ 403, "{\"error\":{\"code\":230,\"message\":\"Requires "
		    "pages_messaging permission to manage the object\"}}",
		    PLATFORM_ERR_DENIED, "the login lacks the pages_messaging "
		    "permission (error 230); run heed login again and allow "
		    "it" },
		{ 401, "{\"error\":{\"code\":190}}", PLATFORM_ERR_AUTH,
		    "Facebook says the login is no longer valid (error 190)" },
		{ 401, "{\"error\":{\"code\":102,\"message\":\"Session key "
		    "invalid\"}}", PLATFORM_ERR_AUTH,
		    "Facebook says the login is no longer valid (error 102)" },
		{ 401, "{\"error\":{\"code\":190,\"error_subcode\":460}}",
		    PLATFORM_ERR_AUTH, "Facebook says the password was changed "
		    "(error 190/460)" },
		{ 401, "{\"error\":{\"code\":190,\"error_subcode\":492}}",
		    PLATFORM_ERR_AUTH, "Facebook says the person who logged in "
		    "no longer has a role on the Page (error 190/492)" },
		{ 401, "{\"error\":{\"code\":190,\"error_subcode\":459}}",
		    PLATFORM_ERR_PERMANENT, "Facebook holds the account at a "
		    "security check: log in at facebook.com once" },
		{ 401, "{\"error\":{\"code\":190,\"message\":\"Invalid OAuth "
		    "access token - Cannot parse access token\"}}",
		    PLATFORM_ERR_AUTH,
		    "Facebook says the login is no longer valid (error 190)" },
		{ 400, "{\"error\":{\"code\":\"4\"}}", PLATFORM_ERR_RATE,
		    "the app's request limit is reached (error 4)" },
		{ 400, "{\"error\":{\"code\":17}}", PLATFORM_ERR_RATE,
		    "the account's request limit is reached (error 17)" },
		{ 400, "{\"error\":{\"code\":32}}", PLATFORM_ERR_RATE,
		    "the Page's request limit is reached (error 32)" },
		{ 400, "{\"error\":{\"code\":613}}", PLATFORM_ERR_RATE,
		    "the app's request limit is reached (error 613)" },
		{ 400, "{\"error\":{\"code\":80001}}", PLATFORM_ERR_RATE,
		    "the Page's request limit is reached (error 80001)" },
		{ 500, "{\"error\":{\"code\":1,\"message\":\"An unknown error "
		    "occurred\"}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook had a passing problem (error 1)" },
		{ 500, "{\"error\":{\"code\":2}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook had a passing problem (error 2)" },
		{ 400, "{\"error\":{\"code\":10903}}", PLATFORM_ERR_PERMANENT,
		    "a private reply is no longer possible for this comment "
		    "(error 10903)" },
		{ 400, "{\"error\":{\"code\":999,\"is_transient\":true,"
		    "\"message\":\"x\"}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook answered 400: x" },
		{ 400, "{\"error\":{\"code\":999,\"is_transient\":\"true\"}}",
		    PLATFORM_ERR_PERMANENT, "Facebook refused it (error 999)" },
		/* Status 0: no answer came; the body is the transport's words. */
		{ 0, "Could not resolve host: graph.facebook.com",
		    PLATFORM_ERR_TEMPORARY,
		    "Could not resolve host: graph.facebook.com" },
		{ 0, "", PLATFORM_ERR_TEMPORARY,
		    "cannot reach the Graph API" },
		{ 0, "a\x1b[2Jb\r\nc",
		    PLATFORM_ERR_TEMPORARY, "ab c" },
		{ 502, "<html><body>Bad gateway</body></html>",
		    PLATFORM_ERR_TEMPORARY, "Facebook answered 502" },
		{ 429, "", PLATFORM_ERR_RATE, "Facebook answered 429" },
		{ 408, "", PLATFORM_ERR_TEMPORARY, "Facebook answered 408" },
		{ 400, "{}", PLATFORM_ERR_PERMANENT, "Facebook answered 400" },
		{ 400, "{\"error\":\"bad\"}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":[1]}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":-4}}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":4.5}}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":10000000000}}",
		    PLATFORM_ERR_PERMANENT, "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":\"4x\"}}", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":null,\"message\":null}}",
		    PLATFORM_ERR_PERMANENT, "Facebook answered 400" },
		{ 400, "[\"error\"]", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":", PLATFORM_ERR_PERMANENT,
		    "Facebook answered 400" },
		{ 400, "{\"error\":{\"code\":999,\"message\":\"a\\u001b[31mred"
		    "\\u202eb\\u009b1mc\\u200f\\nd\\td\"}}",
		    PLATFORM_ERR_PERMANENT,
		    "Facebook refused it (error 999: aredbc d d)" },
		/* A one-line field ends at a NUL. */
		{ 400, "{\"error\":{\"code\":999,\"message\":\"a\\u001b[31mred"
		    "\\u0000\\u001b[2J\"}}", PLATFORM_ERR_PERMANENT,
		    "Facebook refused it (error 999: ared)" },
		{ 400, "{\"error\":{\"code\":999,\"message\":\"\xff\xfe bad "
		    "\xc3\"}}", PLATFORM_ERR_PERMANENT, "Facebook refused it "
		    "(error 999: \xef\xbf\xbd\xef\xbf\xbd bad \xef\xbf\xbd)" },
		{ 400, "{\"error\":{\"code\":368,\"message\":\"\\u009d8;;"
		    "https://evil\\u009cclick\"}}", PLATFORM_ERR_TEMPORARY,
		    "Facebook blocks this for now (error 368: click); heed "
		    "tries again later" },
		{ 200, "{\"error\":{\"code\":190}}", PLATFORM_OK, NULL },
		{ 204, "", PLATFORM_OK, NULL },
	};
	struct platform_response	 res;
	struct buf			 b;
	char				*cause, *big;
	size_t				 i;
	int				 j;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		res = answer(cases[i].status, cases[i].body);
		res.error = cases[i].status == 0 ? TRANSPORT_ERR_DNS : 0;
		res.message = cases[i].status == 0 ? cases[i].body : "";
		cause = NULL;
		assert_int_equal(facebook_ops.classify(&res, &cause),
		    cases[i].want);
		if (cases[i].cause == NULL)
			assert_null(cause);
		else
			assert_string_equal(cause, cases[i].cause);
		assert_true(clean_line(cause));
		free(cause);
	}

	/* A long message is cut to a line of 200 columns. */
	buf_init(&b, 0);
	buf_addstr(&b, "{\"error\":{\"code\":999,\"message\":\"");
	for (j = 0; j < 5000; j++)
		buf_addstr(&b, "ab\xe2\x80\x99\xe4\xb8\xad");
	buf_addstr(&b, "\"}}");
	res = answer(400, b.data);
	assert_int_equal(graph_classify(&res, &cause), PLATFORM_ERR_PERMANENT);
	assert_true(strncmp(cause, "Facebook refused it (error 999: ab\xe2\x80"
	    "\x99\xe4\xb8\xad", 40) == 0);
	assert_int_equal(text_width(cause), 32 + 200 + 1);
	assert_true(clean_line(cause));
	free(cause);
	buf_free(&b);

	/* Instagram's refusals name Instagram, its logins Facebook's. */
	res = answer(400, "{\"error\":{\"code\":999,\"message\":\"x\"}}");
	assert_int_equal(instagram_ops.classify(&res, &cause),
	    PLATFORM_ERR_PERMANENT);
	assert_string_equal(cause, "Instagram refused it (error 999: x)");
	free(cause);
	res = answer(502, "");
	assert_int_equal(instagram_ops.classify(&res, &cause),
	    PLATFORM_ERR_TEMPORARY);
	assert_string_equal(cause, "Instagram answered 502");
	free(cause);
	res = answer(400, "{\"error\":{\"code\":190,\"error_subcode\":463}}");
	assert_int_equal(instagram_ops.classify(&res, &cause),
	    PLATFORM_ERR_AUTH);
	assert_string_equal(cause, "Facebook says the login has expired "
	    "(error 190/463)");
	free(cause);

	/* A body over 64 KiB is not read, let alone 20 MiB. */
	big = big_body("{\"error\":{\"code\":506,\"message\":\"", 'x',
	    70 * 1024, "\"}}");
	res = answer(400, big);
	assert_int_equal(graph_classify(&res, &cause), PLATFORM_ERR_PERMANENT);
	assert_string_equal(cause, "Facebook answered 400");
	free(cause);
	free(big);
	big = big_body("{\"error\":{\"code\":1,\"message\":\"", 'x', 20 << 20,
	    "\"}}");
	res = answer(500, big);
	assert_int_equal(graph_classify(&res, &cause), PLATFORM_ERR_TEMPORARY);
	assert_string_equal(cause, "Facebook answered 500");
	free(cause);
	free(big);

	/* No answer at all; a body with no bytes. */
	assert_int_equal(graph_classify(NULL, &cause), PLATFORM_ERR_TEMPORARY);
	assert_string_equal(cause, "no answer");
	free(cause);
	res = answer(403, NULL);
	assert_int_equal(graph_classify(&res, &cause), PLATFORM_ERR_PERMANENT);
	assert_string_equal(cause, "Facebook answered 403");
	free(cause);
	res = answer(400, "{\"error\":{\"code\":4}}");
	assert_int_equal(graph_classify(&res, NULL), PLATFORM_ERR_RATE);
}

/* The error envelope as it is read: code, subcode, transient, words. */
static void
test_graph_error_envelope(void **state)
{
	struct platform_response	 res;
	struct graph_error		 e;
	char				*body;

	(void)state;
	body = sample("facebook/error_368_abusive_content_converted.json",
	    NULL);
	res = answer(400, body);
	graph_error_read(&res, &e);
	assert_int_equal(e.code, 368);
	assert_int_equal(e.subcode, 1346003);
	assert_int_equal(e.transient, 0);
	assert_string_equal(e.message, "Your message couldn't be sent because "
	    "it includes content that other people on Facebook have reported "
	    "as abusive.");
	assert_null(e.user_msg);		/* "" */
	graph_error_clear(&e);
	free(body);

	body = sample("facebook/error_4_application_request_limit.json", NULL);
	res = answer(400, body);
	graph_error_read(&res, &e);
	assert_int_equal(e.code, 4);
	assert_int_equal(e.subcode, -1);
	assert_int_equal(e.transient, 1);
	assert_string_equal(e.message, "(#4) Application request limit "
	    "reached");
	graph_error_clear(&e);
	free(body);

	res = answer(400, "not json");
	graph_error_read(&res, &e);
	assert_int_equal(e.code, -1);
	assert_int_equal(e.subcode, -1);
	assert_null(e.message);
	graph_error_clear(&e);
	graph_error_read(NULL, &e);
	assert_int_equal(e.code, -1);
	graph_error_clear(&e);
}

/* A header answer with one usage header. */
static int64_t
pace_with(const char *name, const char *value)
{
	struct platform_header		h;
	struct platform_response	res = answer(200, "{}");

	h.name = name;
	h.value = value;
	res.headers = &h;
	res.nheaders = 1;
	return facebook_ops.pace(&res, fb_page.now);
}

/* Usage headers: nothing below 75%, longer pauses above, named waits. */
static void
test_graph_pace(void **state)
{
	static const struct {
		const char	*name;
		const char	*value;
		int64_t		 ms;
	} cases[] = {
		{ "X-App-Usage", "{\"call_count\":74,\"total_cputime\":10}", 0 },
		{ "X-App-Usage", "{\"call_count\":75}", 1000 },
		{ "x-app-usage", "{\"call_count\":10,\"total_time\":80}", 6000 },
		{ "X-APP-USAGE", "{\"total_cputime\":99.9}", 25000 },
		{ "X-App-Usage", "{\"call_count\":100}", 60000 },
		{ "X-App-Usage", "{\"call_count\":250}", 60000 },
		{ "X-Ad-Account-Usage", "{\"acc_id_util_pct\":90}", 16000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"type\":\"pages\","
		    "\"call_count\":20,\"estimated_time_to_regain_access\":5}]}",
		    300000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"call_count\":20}],"
		    "\"2\":[{\"call_count\":1},{\"total_time\":96}]}", 22000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"call_count\":100,"
		    "\"estimated_time_to_regain_access\":2}]}", 120000 },
		/* Garbage counts as nothing. */
		{ "X-App-Usage", "", 0 },
		{ "X-App-Usage", "not json", 0 },
		{ "X-App-Usage", "{\"call_count\":", 0 },
		{ "X-App-Usage", "[99]", 0 },
		{ "X-App-Usage", "{\"call_count\":\"99\"}", 0 },
		{ "X-App-Usage", "{\"call_count\":-99}", 0 },
		{ "X-App-Usage", "{\"call_count\":1e300}", 0 },
		{ "X-App-Usage", "{\"call_count\":null}", 0 },
		{ "X-Business-Use-Case-Usage", "{\"1\":5}", 0 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[5,\"x\",null]}", 0 },
		{ "X-Business-Use-Case-Usage", "[{\"call_count\":99}]", 0 },
		/* A wild wait is held to a day; part of a minute is one. */
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"estimated_time_to_"
		    "regain_access\":100000}]}", 86400000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"estimated_time_to_"
		    "regain_access\":2.5}]}", 180000 },
		{ "X-App-Usage", "{\"estimated_time_to_regain_access\":0.1}",
		    60000 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"estimated_time_to_"
		    "regain_access\":-5}]}", 0 },
		{ "X-Business-Use-Case-Usage", "{\"1\":[{\"estimated_time_to_"
		    "regain_access\":\"5\"}]}", 0 },
		{ "X-Other-Usage", "{\"call_count\":99}", 0 },
	};
	struct platform_header		 h[2];
	struct platform_response	 res;
	char				*app, *pages, *messenger;
	size_t				 i;
	int64_t				 got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		if ((got = pace_with(cases[i].name, cases[i].value)) !=
		    cases[i].ms)
			fail_msg("%s: %s: want %lld, got %lld", cases[i].name,
			    cases[i].value, (long long)cases[i].ms,
			    (long long)got);
	}

	/* The recorded header values. */
	app = sample("facebook/header_x_app_usage.json", NULL);
	pages = sample("facebook/header_x_business_use_case_usage_pages.json",
	    NULL);
	messenger = sample("facebook/"
	    "header_x_business_use_case_usage_messenger.json", NULL);
	assert_int_equal(pace_with("X-App-Usage", app), 17000);	/* 91% */
	assert_int_equal(pace_with("X-Business-Use-Case-Usage", pages), 0);
	assert_int_equal(pace_with("X-Business-Use-Case-Usage", messenger), 0);
	/* Read as the wrong header, they still mean little. */
	assert_int_equal(pace_with("X-App-Usage", pages), 0);
	assert_int_equal(pace_with("X-Business-Use-Case-Usage", app), 0);

	/* Both at once: the higher use counts. */
	res = answer(200, "{}");
	h[0].name = "X-Business-Use-Case-Usage";
	h[0].value = pages;
	h[1].name = "X-App-Usage";
	h[1].value = app;
	res.headers = h;
	res.nheaders = 2;
	assert_int_equal(instagram_ops.pace(&res, 0), 17000);
	res.nheaders = 1;
	assert_int_equal(graph_pace(&res, 0), 0);

	/* No headers at all. */
	res = answer(200, "{}");
	assert_int_equal(graph_pace(&res, 0), 0);
	assert_int_equal(graph_pace(NULL, 0), 0);
	/* Refused for the limit with no time named: a minute. */
	res = answer(400, "{\"error\":{\"code\":32,\"message\":\"(#32) Page "
	    "request limit reached\"}}");
	assert_int_equal(graph_pace(&res, 0), 60000);
	/* ... but a Retry-After names one, which the engine honours. */
	h[0].name = "Retry-After";
	h[0].value = "1";
	res.headers = h;
	res.nheaders = 1;
	assert_int_equal(graph_pace(&res, 0), 0);
	res = answer(400, "{\"error\":{\"code\":100}}");
	assert_int_equal(graph_pace(&res, 0), 0);
	res = answer(0, "");
	res.error = TRANSPORT_ERR_CONNECT;
	res.message = "offline";
	assert_int_equal(graph_pace(&res, 0), 0);
	free(app);
	free(pages);
	free(messenger);
}

/* The feed's request: the window, and a paging position while fresh. */
static void
test_facebook_feed_request(void **state)
{
	static const struct {
		const char	*cursor;
		const char	*tail;		/* after "since=..." */
	} cases[] = {
		{ NULL, "" },
		{ "", "" },
		{ "garbage&&==&", "" },
		{ "mark=1626000000", "" },
		/* Fresh: the position goes on. */
		{ "mark=0&next_mark=5&run=1626091000&until=1624385168"
		    "&__paging_token=enc_AdB", "&until=1624385168"
		    "&__paging_token=enc_AdB" },
		{ "mark=0&next_mark=5&run=1626090601&until=1624385168",
		    "&until=1624385168" },
		{ "mark=0&next_mark=5&run=1626091200&after=QVFIUm%3D%3D",
		    "&after=QVFIUm%3D%3D" },
		/* Values that decode to query syntax stay one value. */
		{ "mark=0&run=1626091000&until=1%26access_token%3Dx%23y",
		    "&until=1%26access_token%3Dx%23y" },
		/* Stale (601 s), from the future, or no run: a new run. */
		{ "mark=0&next_mark=5&run=1626090599&until=1624385168"
		    "&__paging_token=enc_AdB", "" },
		{ "mark=0&next_mark=5&run=1626091201&until=1624385168", "" },
		{ "mark=0&until=1624385168&__paging_token=enc_AdB", "" },
		/* Values unsafe to send back are dropped. */
		{ "mark=0&run=1626091000&until=1%20day", "" },
		{ "mark=0&run=1626091000&until=%1B%5B2J", "" },
		{ "mark=0&run=1626091000&until=%E2%80%AE1", "" },
		{ "mark=0&run=1626091000&until=", "" },
		{ "mark=0&run=1626091000&__paging_token=abc", "" },
	};
	struct platform_account	 pa = fb_page;
	struct platform_request	 req;
	char			*url, *want, *cause = NULL;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		url = stream_url(&facebook_ops, &pa, "feed", cases[i].cursor);
		want = xprintf("%s%s", GRAPH PAGE_ID "/feed?" FB_POST_Q
		    "&limit=25&since=1623499200", cases[i].tail);
		assert_string_equal(url, want);
		free(url);
		free(want);
	}
	/* The window follows history_days (14 when unset). */
	pa.history_days = 0;
	url = stream_url(&facebook_ops, &pa, "feed", NULL);
	assert_string_equal(url, GRAPH PAGE_ID "/feed?" FB_POST_Q "&limit=25"
	    "&since=1624881600");
	free(url);

	assert_int_equal(facebook_ops.sync_request(&pa, "posts", NULL, &req,
	    &cause), -1);
	assert_string_equal(cause, "Facebook: no stream \"posts\"");
	free(cause);
	assert_int_equal(facebook_ops.sync_request(&pa, NULL, NULL, &req,
	    NULL), -1);
	pa.user_id = "../me";
	assert_int_equal(facebook_ops.sync_request(&pa, "feed", NULL, &req,
	    &cause), -1);
	assert_string_equal(cause, "Facebook: no session is open");
	free(cause);
	pa.user_id = NULL;
	assert_int_equal(facebook_ops.sync_request(&pa, "feed", NULL, &req,
	    NULL), -1);
	pa.user_id = PAGE_ID;
	pa.access = NULL;
	assert_int_equal(facebook_ops.sync_request(&pa, "feed", NULL, &req,
	    &cause), -1);
	assert_string_equal(cause, "no session is open (log in with heed "
	    "login)");
	free(cause);
}

/* page_feed_attachments_cursor_page1.json: the Page's own posts. */
static void
test_facebook_feed_page_sample(void **state)
{
	static const char *const ids[] = {
		FEED_POST1, FEED_POST2, FEED_POST3, FEED_POST4, FEED_POST5
	};
	static const int64_t created[] = {
		1625857792, 1625758219, 1625677379, 1625596273, 1625088078
	};
	struct platform_account	 pa = fb_page;
	struct sync_page	 page;
	json_t			*doc;
	char			*body, *url, key[128], link[128];
	size_t			 i;

	(void)state;
	body = sample("facebook/page_feed_attachments_cursor_page1.json", NULL);
	doc = json_of(body);
	assert_int_equal(stream(&facebook_ops, &pa, "feed", NULL, 200, body,
	    &page, NULL), 0);
	assert_int_equal(page.nposts, 5);
	assert_int_equal(page.items.n, 0);	/* no "from": all the Page's */
	assert_int_equal(page.nfetch, 5);
	assert_int_equal(page.ngone, 0);
	assert_null(page.notice);
	for (i = 0; i < 5; i++) {
		assert_string_equal(page.posts[i].remote_id, ids[i]);
		assert_int_equal(page.posts[i].account_id, 3);
		assert_int_equal(page.posts[i].created, created[i]);
		assert_int_equal(page.posts[i].own, 1);
		assert_string_equal(page.posts[i].author_name,
		    "Facebook for Developers");
		assert_string_equal(page.posts[i].author_handle, "");
		assert_string_equal(page.posts[i].text, json_string_value(
		    json_object_get(json_array_get(json_object_get(doc,
		    "data"), i), "message")));
		snprintf(link, sizeof link, "https://www.facebook.com/"
		    PAGE_ID "/posts/%s/", ids[i] + strlen(PAGE_ID "_"));
		assert_string_equal(page.posts[i].permalink, link);
		/* No mark yet: every post's comments, since the window. */
		snprintf(key, sizeof key, "c:%s:1623499200", ids[i]);
		assert_string_equal(page.fetch[i], key);
	}
	assert_true(strncmp(page.posts[0].text, "Singaporean logistics "
	    "company Ninja Van Singapore provides", 58) == 0);
	assert_int_equal(strlen(page.posts[0].text), 514);
	/* The answer pages by cursor: the run goes on after it. */
	assert_int_equal(page.more, 1);
	assert_string_equal(page.next_cursor, "mark=0&next_mark=1626051803"
	    "&run=1626091200&after=after");
	assert_page_clean(&page);

	/* The next request carries the cursor, and nothing of its URL. */
	url = stream_url(&facebook_ops, &pa, "feed", page.next_cursor);
	assert_string_equal(url, GRAPH PAGE_ID "/feed?" FB_POST_Q "&limit=25"
	    "&since=1623499200&after=after");
	assert_null(strstr(url, "access_token"));
	assert_null(strstr(url, "v10.0"));
	free(url);
	sync_page_clear(&page);

	/* With a week of history, the oldest post is out, and so is paging. */
	pa.history_days = 7;
	assert_int_equal(stream(&facebook_ops, &pa, "feed", NULL, 200, body,
	    &page, NULL), 0);
	assert_int_equal(page.nposts, 4);
	assert_string_equal(page.posts[3].remote_id, FEED_POST4);
	assert_int_equal(page.nfetch, 4);
	assert_string_equal(page.fetch[3], "c:" FEED_POST4 ":1625486400");
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "mark=1626051803&swept=1626091200");
	sync_page_clear(&page);
	json_decref(doc);
	free(body);
}

/* Give entry i of a feed's data a "from". */
static void
set_from(json_t *doc, size_t i, const char *id, const char *name)
{
	json_t	*e = json_array_get(json_object_get(doc, "data"), i);

	assert_non_null(e);
	json_object_set_new(e, "from", json_pack("{s:s,s:s}", "id", id,
	    "name", name));
}

/* Visitors' posts on the Page wait for an answer; the Page's do not. */
static void
test_facebook_feed_visitor_posts(void **state)
{
	const struct item	*it;
	struct sync_page	 page;
	json_t			*doc, *att;
	char			*body, *want;
	const char		*share;

	(void)state;
	doc = sample_json("facebook/page_feed_attachments_cursor_page1.json");
	set_from(doc, 0, "100004", "Visitor \x1b[31mEvil\xe2\x80\xae");
	set_from(doc, 1, "100005", "Ann");
	set_from(doc, 2, PAGE_ID, "Facebook for Developers");
	set_from(doc, 4, "../me", "X");
	att = json_array_get(json_object_get(json_object_get(json_array_get(
	    json_object_get(doc, "data"), 1), "attachments"), "data"), 0);
	share = json_string_value(json_object_get(att, "url"));
	assert_non_null(share);
	want = xprintf("Peering automation at Facebook - Facebook "
	    "Engineering: %s", share);
	body = dump(doc);
	assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.nposts, 5);
	assert_int_equal(page.items.n, 3);
	assert_int_equal(page.posts[0].own, 0);
	assert_int_equal(page.posts[1].own, 0);
	assert_int_equal(page.posts[2].own, 1);
	assert_int_equal(page.posts[3].own, 1);
	assert_int_equal(page.posts[4].own, 0);
	assert_string_equal(page.posts[0].author_name, "Visitor Evil");
	assert_string_equal(page.posts[3].author_name,
	    "Facebook for Developers");

	assert_non_null(it = find_item(&page, FEED_POST1));
	assert_int_equal(it->kind, ITEM_MENTION);
	assert_int_equal(it->account_id, 3);
	assert_string_equal(it->post_remote_id, FEED_POST1);
	assert_null(it->parent_remote_id);
	assert_string_equal(it->author_name, "Visitor Evil");
	assert_string_equal(it->author_handle, "");
	assert_string_equal(it->text, page.posts[0].text);
	assert_string_equal(it->permalink, page.posts[0].permalink);
	assert_string_equal(it->attachment, "photo: https://www.facebook.com/"
	    "FacebookforDevelopers/photos/a.441861428552/10158349355013553/"
	    "?type=3");
	assert_int_equal(it->created, 1625857792);
	assert_int_equal(it->own, 0);
	assert_int_equal(it->hidden, 0);
	assert_string_equal(it->extra, "{\"post\":\"" FEED_POST1 "\"}");

	assert_non_null(it = find_item(&page, FEED_POST2));
	assert_string_equal(it->author_name, "Ann");
	assert_string_equal(it->attachment, want);
	assert_null(find_item(&page, FEED_POST3));
	assert_null(find_item(&page, FEED_POST4));
	assert_non_null(it = find_item(&page, FEED_POST5));
	assert_string_equal(it->author_name, "X");
	assert_string_equal(it->attachment, "iCook Success Story: "
	    "https://www.facebook.com/FacebookforDevelopers/videos/"
	    "1192957457884299/");
	assert_int_equal(page.nfetch, 5);
	assert_page_clean(&page);
	sync_page_clear(&page);
	free(want);
	free(body);
}

/* user_posts_time_paging_page1_emoji.json: time paging, run by run. */
static void
test_facebook_feed_time_paging(void **state)
{
	static const char page2_cursor[] = "mark=0&next_mark=1625428258"
	    "&run=1625443200&until=1624385168&__paging_token=__paging_token";
	struct platform_account	 pa = fb_four;
	struct sync_page	 page;
	char			*body, *cjk, *url;

	(void)state;
	body = sample("facebook/user_posts_time_paging_page1_emoji.json",
	    NULL);
	assert_int_equal(stream(&facebook_ops, &pa, "feed", NULL, 200, body,
	    &page, NULL), 0);
	assert_int_equal(page.nposts, 5);
	assert_int_equal(page.items.n, 0);
	assert_string_equal(page.posts[0].remote_id, "4_10113477241177441");
	assert_string_equal(page.posts[0].text,
	    "Happy July 4th! \xf0\x9f\x87\xba\xf0\x9f\x87\xb8");
	assert_int_equal(page.posts[0].created, 1625428258);
	assert_string_equal(page.posts[0].author_name, "Four");
	assert_null(page.posts[0].permalink);
	assert_string_equal(page.posts[4].remote_id, "4_10113319652002411");
	assert_int_equal(page.posts[4].created, 1624385168);
	assert_int_equal(page.nfetch, 5);
	assert_string_equal(page.fetch[0], "c:4_10113477241177441:1622851200");
	assert_string_equal(page.fetch[4], "c:4_10113319652002411:1622851200");
	assert_int_equal(page.more, 1);
	assert_string_equal(page.next_cursor, page2_cursor);
	sync_page_clear(&page);

	/* The next page is asked of graph.facebook.com with heed's token. */
	url = stream_url(&facebook_ops, &pa, "feed", page2_cursor);
	assert_string_equal(url, GRAPH "4/feed?" FB_POST_Q "&limit=25"
	    "&since=1622851200&until=1624385168"
	    "&__paging_token=__paging_token");
	assert_null(strstr(url, "access_token"));
	assert_null(strstr(url, "pretty"));
	free(url);

	/* It ends the run when a post is older than the window. */
	pa.now += 30;
	cjk = sample_in_data("facebook/page_post_single_cjk.json");
	assert_int_equal(stream(&facebook_ops, &pa, "feed", page2_cursor, 200,
	    cjk, &page, NULL), 0);
	assert_int_equal(page.nposts, 0);
	assert_int_equal(page.nfetch, 0);
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "mark=1625428258&swept=1625443200");
	sync_page_clear(&page);
	/* An empty page that names a next one goes on to it... */
	assert_int_equal(stream(&facebook_ops, &pa, "feed", page2_cursor, 200,
	    "{\"data\":[],\"paging\":{\"next\":\"https://graph.facebook.com/"
	    "v26.0/4/feed?until=1\"}}", &page, NULL), 0);
	assert_int_equal(page.more, 1);
	assert_non_null(strstr(page.next_cursor, "&until=1"));
	sync_page_clear(&page);
	/*
	 * ... but a next naming the page just read stops the run short of
	 * its end: the mark stays where it was (the next run reads what is
	 * beyond), nothing counts as swept, and the user is told.
	 */
	assert_int_equal(stream(&facebook_ops, &pa, "feed", page2_cursor, 200,
	    "{\"data\":[],\"paging\":{\"next\":\"https://graph.facebook.com/"
	    "v26.0/4/feed?until=1624385168&__paging_token=__paging_token\"}}",
	    &page, NULL), 0);
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "mark=0");
	assert_non_null(page.notice);
	assert_non_null(strstr(page.notice, "next sync reads them"));
	sync_page_clear(&page);
	/* An empty last page ends it. */
	assert_int_equal(stream(&facebook_ops, &pa, "feed", page2_cursor, 200,
	    "{\"data\":[]}", &page, NULL), 0);
	assert_int_equal(page.more, 0);
	sync_page_clear(&page);

	/* An hour on: only what was updated since the mark, less 300 s. */
	pa.now = fb_four.now + 3600;
	assert_int_equal(stream(&facebook_ops, &pa, "feed", "mark=1625428258"
	    "&swept=1625446000", 200, body, &page, NULL), 0);
	assert_int_equal(page.nposts, 5);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "c:4_10113477241177441:1625427958");
	assert_string_equal(page.next_cursor, "mark=1625428258"
	    "&swept=1625446000&next_mark=1625428258&run=1625446800"
	    "&until=1624385168&__paging_token=__paging_token");
	sync_page_clear(&page);

	/* The last sweep an hour old: every post's comments, all of them. */
	assert_int_equal(stream(&facebook_ops, &pa, "feed", "mark=1625428258"
	    "&swept=1625443200", 200, body, &page, NULL), 0);
	assert_int_equal(page.nfetch, 5);
	assert_string_equal(page.fetch[0], "s:4_10113477241177441");
	assert_string_equal(page.fetch[4], "s:4_10113319652002411");
	assert_string_equal(page.next_cursor, "mark=1625428258"
	    "&swept=1625443200&next_mark=1625428258&run=1625446800&sweep=1"
	    "&until=1624385168&__paging_token=__paging_token");
	sync_page_clear(&page);
	/* Its last page notes when the sweep began; a clock gone back
	 * sweeps too. */
	pa.now += 60;
	assert_int_equal(stream(&facebook_ops, &pa, "feed", "mark=1625428258"
	    "&swept=1625443200&next_mark=1625428258&run=1625446800&sweep=1"
	    "&until=1624385168", 200, "{\"data\":[]}", &page, NULL), 0);
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "mark=1625428258"
	    "&swept=1625446800");
	sync_page_clear(&page);
	assert_int_equal(stream(&facebook_ops, &pa, "feed", "mark=1625428258"
	    "&swept=1725446800", 200, body, &page, NULL), 0);
	assert_string_equal(page.fetch[0], "s:4_10113477241177441");
	sync_page_clear(&page);

	/* A stale position (601 s) starts a new run... */
	pa.now = fb_four.now;
	url = stream_url(&facebook_ops, &pa, "feed", "mark=1625428258&swept=1625443000"
	    "&next_mark=1625430000&run=1625442599&until=1624385168"
	    "&__paging_token=__paging_token");
	assert_string_equal(url, GRAPH "4/feed?" FB_POST_Q "&limit=25"
	    "&since=1622851200");
	free(url);
	assert_int_equal(stream(&facebook_ops, &pa, "feed", "mark=1625428258&swept=1625443000"
	    "&next_mark=1625430000&run=1625442599&until=1624385168"
	    "&__paging_token=__paging_token", 200, body, &page, NULL), 0);
	assert_string_equal(page.next_cursor, "mark=1625428258"
	    "&swept=1625443000&next_mark=1625428258&run=1625443200&until=1624385168"
	    "&__paging_token=__paging_token");
	sync_page_clear(&page);
	/* ... and so does one from the future; a fresh one goes on. */
	assert_int_equal(stream(&facebook_ops, &pa, "feed", "mark=1625428258&swept=1625443000"
	    "&next_mark=1625430000&run=1625443201&until=1624385168", 200,
	    body, &page, NULL), 0);
	assert_string_equal(page.next_cursor, "mark=1625428258"
	    "&swept=1625443000&next_mark=1625428258&run=1625443200&until=1624385168"
	    "&__paging_token=__paging_token");
	sync_page_clear(&page);
	assert_int_equal(stream(&facebook_ops, &pa, "feed", "mark=1625428258&swept=1625443000"
	    "&next_mark=1625430000&run=1625442601&until=1624385168", 200,
	    body, &page, NULL), 0);
	assert_string_equal(page.next_cursor, "mark=1625428258&swept=1625443000"
	    "&next_mark=1625430000&run=1625442601&until=1624385168"
	    "&__paging_token=__paging_token");
	sync_page_clear(&page);
	free(cjk);
	free(body);
}

/* Replace a feed answer's paging.next (NULL: a non-string). */
static char *
with_next(const char *file, const char *next)
{
	json_t	*doc = sample_json(file);

	json_object_set_new(doc, "paging", json_pack("{s:o}", "next",
	    next != NULL ? json_string(next) : json_integer(5)));
	return dump(doc);
}

/* paging.next is read for its position only: never its host or token. */
static void
test_facebook_feed_foreign_next(void **state)
{
	static const struct {
		const char	*next;
		const char	*cursor;
	} cases[] = {
		{ "https://evil.example/v26.0/4/posts?access_token=STOLEN"
		    "&until=1624385168&__paging_token=tok%26access_token%3DX"
		    "&since=1#frag&until=2", "mark=0&next_mark=1625428258"
		    "&run=1625443200&until=1624385168"
		    "&__paging_token=tok%26access_token%3DX" },
		{ "http://127.0.0.1:1/?until=99&after=zz", "mark=0"
		    "&next_mark=1625428258&run=1625443200&until=99" },
		{ "javascript:alert(1)//?after=a%2Fb", "mark=0"
		    "&next_mark=1625428258&run=1625443200&after=a%2Fb" },
		/* Nothing usable: the run is complete. */
		{ "https://graph.facebook.com/v26.0/4/feed?until=1%20day",
		    "mark=1625428258&swept=1625443200" },
		{ "https://graph.facebook.com/v26.0/4/feed?until=", 
		    "mark=1625428258&swept=1625443200" },
		{ "https://graph.facebook.com/v26.0/4/feed?until=%0D%0AX",
		    "mark=1625428258&swept=1625443200" },
		{ "https://graph.facebook.com/v26.0/4/feed?until", 
		    "mark=1625428258&swept=1625443200" },
		{ "", "mark=1625428258&swept=1625443200" },
		{ NULL, "mark=1625428258&swept=1625443200" },
	};
	struct sync_page	 page;
	char			*body, *url;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		body = with_next("facebook/user_posts_time_paging_page1_emoji."
		    "json", cases[i].next);
		assert_int_equal(stream(&facebook_ops, &fb_four, "feed", NULL,
		    200, body, &page, NULL), 0);
		assert_string_equal(page.next_cursor, cases[i].cursor);
		assert_int_equal(page.more, strstr(cases[i].cursor, "&run=") !=
		    NULL);
		url = stream_url(&facebook_ops, &fb_four, "feed",
		    page.next_cursor);
		assert_true(strncmp(url, GRAPH "4/feed?" FB_POST_Q, strlen(GRAPH
		    "4/feed?" FB_POST_Q)) == 0);
		assert_null(strstr(url, "evil"));
		assert_null(strstr(url, "STOLEN"));
		assert_null(strstr(url, "&access_token"));
		assert_null(strstr(url, "127.0.0.1"));
		free(url);
		sync_page_clear(&page);
		free(body);
	}
	/* A 2000-byte position is not kept. */
	url = big_body("https://graph.facebook.com/?until=", '7', 2000, "");
	body = with_next("facebook/user_posts_time_paging_page1_emoji.json",
	    url);
	assert_int_equal(stream(&facebook_ops, &fb_four, "feed", NULL, 200,
	    body, &page, NULL), 0);
	assert_string_equal(page.next_cursor, "mark=1625428258"
	    "&swept=1625443200");
	sync_page_clear(&page);
	free(body);
	free(url);
}

/* page_post_single_cjk.json, as a feed of one post. */
static void
test_facebook_feed_single_cjk(void **state)
{
	struct platform_account	 pa = fb_four;
	struct sync_page	 page;
	char			*body;

	(void)state;
	pa.now = 1565654400;			/* 2019-08-13T00:00:00Z */
	pa.history_days = 0;
	pa.user_id = "175154750010052";
	pa.handle = "MyLife";
	body = sample_in_data("facebook/page_post_single_cjk.json");
	assert_int_equal(stream(&facebook_ops, &pa, "feed", NULL, 200, body,
	    &page, NULL), 0);
	assert_int_equal(page.nposts, 1);
	assert_string_equal(page.posts[0].remote_id,
	    "175154750010052_424924701699721");
	assert_string_equal(page.posts[0].text,
	    "\xe6\x88\x91\xe6\xb5\x8b\xe8\xaf\x95\xe4\xb8\x80\xe4\xb8\x8b "
	    "MyLife");
	assert_int_equal(page.posts[0].created, 1565581511);
	assert_int_equal(page.posts[0].own, 1);
	assert_string_equal(page.posts[0].author_name, "MyLife");
	assert_int_equal(page.items.n, 0);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0],
	    "c:175154750010052_424924701699721:1564444800");
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "mark=1565581511&swept=1565654400");
	sync_page_clear(&page);
	free(body);
}

/* Hostile feed entries are skipped or made safe. */
static void
test_facebook_feed_hostile_entries(void **state)
{
	static const char body[] = "{\"data\":[null,1,\"x\",[],{},"
	    "{\"id\":\"../me\",\"created_time\":\"2021-07-10T00:00:00+0000\"},"
	    "{\"id\":\"" PAGE_ID "_1/../../me\",\"created_time\":"
	    "\"2021-07-10T00:00:00+0000\"},"
	    "{\"id\":19292868552,\"created_time\":\"2021-07-10T00:00:00Z\"},"
	    "{\"id\":\"" PAGE_ID "_abc\",\"created_time\":"
	    "\"2021-07-10T00:00:00+0000\"},"
	    "{\"id\":\"" PAGE_ID "_2\",\"message\":\"no time\"},"
	    "{\"id\":\"" PAGE_ID "_3\",\"created_time\":\"yesterday\"},"
	    "{\"id\":\"" PAGE_ID "_4\",\"created_time\":"
	    "\"2021-07-10T00:00:00+0000\",\"updated_time\":\"garbage\","
	    "\"message\":\"ok \\u001b[31mred\\u202e\\u0000x\\u009b2Jy \xff "
	    "end\\r\\n\",\"from\":{\"id\":\"100007\",\"name\":\"\\u009d0;t"
	    "\\u009cMal\\u2066lory\\n\"},\"permalink_url\":"
	    "\"javascript:alert(1)\",\"attachments\":{\"data\":[{\"type\":"
	    "\"\\u001b[5mphoto\",\"title\":null,\"url\":"
	    "\"http://insecure.example/x\"}]}},"
	    "{\"id\":\"" PAGE_ID "_5\",\"created_time\":"
	    "\"2021-07-10T00:00:00+0000\",\"message\":123,\"from\":\"100008\","
	    "\"updated_time\":\"2030-01-01T00:00:00+0000\",\"attachments\":"
	    "{\"data\":[{\"url\":\"https://example.com/a\"}]}},"
	    "{\"id\":\"" PAGE_ID "_6\",\"created_time\":"
	    "\"2021-07-09T23:00:00-0100\",\"message\":null,\"from\":{\"id\":"
	    "\"" PAGE_ID "\"},\"permalink_url\":\"https://x\\u001b[2J\"}"
	    "]}";
	const struct item	*it;
	struct sync_page	 page;
	struct buf		 b;
	int			 i;

	(void)state;
	assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.nposts, 3);
	assert_string_equal(page.posts[0].remote_id, PAGE_ID "_4");
	assert_string_equal(page.posts[0].text,
	    "ok redxy \xef\xbf\xbd end");
	assert_string_equal(page.posts[0].author_name, "Mallory");
	assert_null(page.posts[0].permalink);
	assert_int_equal(page.posts[0].created, 1625875200);
	assert_string_equal(page.posts[1].remote_id, PAGE_ID "_5");
	assert_string_equal(page.posts[1].text, "");
	assert_string_equal(page.posts[1].author_name, "");
	assert_string_equal(page.posts[2].remote_id, PAGE_ID "_6");
	assert_int_equal(page.posts[2].created, 1625875200);
	assert_int_equal(page.posts[2].own, 1);
	assert_string_equal(page.posts[2].text, "");
	assert_string_equal(page.posts[2].permalink, "https://x");
	assert_int_equal(page.items.n, 2);
	assert_non_null(it = find_item(&page, PAGE_ID "_4"));
	assert_string_equal(it->attachment, "photo");
	assert_non_null(it = find_item(&page, PAGE_ID "_5"));
	assert_string_equal(it->attachment, "https://example.com/a");
	assert_int_equal(page.nfetch, 3);
	/* A time far ahead does not move the mark. */
	assert_string_equal(page.next_cursor, "mark=1625875200&swept=1626091200");
	assert_page_clean(&page);
	sync_page_clear(&page);

	/* A 1 MB message is cut at 64 KiB, on a character boundary. */
	buf_init(&b, 0);
	buf_addstr(&b, "{\"data\":[{\"id\":\"" PAGE_ID "_7\",\"created_time\":"
	    "\"2021-07-10T00:00:00+0000\",\"message\":\"");
	for (i = 0; i < 350000; i++)
		buf_addstr(&b, "\xe2\x82\xac");		/* EURO SIGN */
	buf_addstr(&b, "\",\"from\":{\"id\":\"9\",\"name\":\"");
	for (i = 0; i < 300000; i++)
		buf_addstr(&b, "\\u0007N");
	buf_addstr(&b, "\"}}]}");
	assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL, 200,
	    b.data, &page, NULL), 0);
	assert_int_equal(page.nposts, 1);
	assert_int_equal(strlen(page.posts[0].text), 65535);
	assert_true(text_valid_utf8(page.posts[0].text, 65535));
	assert_int_equal(strlen(page.posts[0].author_name), 100);
	assert_int_equal(page.items.n, 1);
	assert_int_equal(strlen(page.items.v[0].text), 65535);
	assert_page_clean(&page);
	sync_page_clear(&page);
	buf_free(&b);
}

/* A bad answer fails the page and moves no cursor. */
static void
test_facebook_feed_bad_answers(void **state)
{
	static const struct {
		long		 status;
		const char	*body;
		const char	*cause;
	} cases[] = {
		{ 200, "", NULL },
		{ 200, "<html>", NULL },
		{ 200, "[]", "malformed response: not an object" },
		{ 200, "null", NULL },
		{ 200, "\"data\"", NULL },
		{ 200, "{}", "Facebook: malformed response: no data" },
		{ 200, "{\"data\":{}}", "Facebook: malformed response: no data" },
		{ 200, "{\"data\":null}",
		    "Facebook: malformed response: no data" },
		{ 200, "{\"data\":[{\"id\":\"1_2\",\"created_time\":", NULL },
		{ 200, "{\"data\":[]} trailing", NULL },
		{ 500, "{\"data\":[]}", "Facebook answered 500" },
		{ 400, "{\"error\":{\"code\":190,\"error_subcode\":463}}",
		    "Facebook says the login has expired (error 190/463)" },
	};
	struct sync_page	 page;
	char			*cause, *big;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL,
		    cases[i].status, cases[i].body, &page, &cause), -1);
		assert_non_null(cause);
		if (cases[i].cause != NULL)
			assert_string_equal(cause, cases[i].cause);
		else
			assert_true(strncmp(cause, "malformed response: ", 20)
			    == 0);
		assert_true(clean_line(cause));
		assert_null(page.next_cursor);
		assert_int_equal(page.nposts, 0);
		assert_int_equal(page.nfetch, 0);
		free(cause);
		sync_page_clear(&page);
	}
	big = big_body("{\"data\":[],\"x\":\"", 'x', 20 << 20, "\"}");
	assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL, 200,
	    big, &page, &cause), -1);
	assert_string_equal(cause, "malformed response: too large");
	assert_null(page.next_cursor);
	free(cause);
	free(big);
	assert_int_equal(facebook_ops.sync_parse(&fb_page, "media", NULL,
	    &page, &cause), -1);
	assert_string_equal(cause, "Facebook: no stream \"media\"");
	free(cause);
}

#define NO_ID_NOTICE	" came without an id: the person who logged in " \
	"needs the Moderate task on the Page (Page settings > Page access), " \
	"then heed login again"

/* The comments request: filter=stream, newest first, since, after. */
static void
test_facebook_comments_request(void **state)
{
	static const struct {
		const char	*key;
		const char	*url;
	} good[] = {
		{ "c:" STREAM_POST ":1628553600", GRAPH STREAM_POST
		    "/comments?" FB_COMMENT_Q "&filter=stream"
		    "&order=reverse_chronological&limit=100&since=1628553600" },
		{ "c:" STREAM_POST ":1628553600:after", GRAPH STREAM_POST
		    "/comments?" FB_COMMENT_Q "&filter=stream"
		    "&order=reverse_chronological&limit=100&since=1628553600"
		    "&after=after" },
		{ "c:" STREAM_POST ":0", GRAPH STREAM_POST "/comments?"
		    FB_COMMENT_Q "&filter=stream&order=reverse_chronological"
		    "&limit=100" },
		{ "c:" STREAM_POST ":5:QVF/ab==&x", GRAPH STREAM_POST
		    "/comments?" FB_COMMENT_Q "&filter=stream"
		    "&order=reverse_chronological&limit=100&since=5"
		    "&after=QVF%2Fab%3D%3D%26x" },
		/* A sweep reads every comment, from the newest. */
		{ "s:" STREAM_POST, GRAPH STREAM_POST "/comments?"
		    FB_COMMENT_Q "&filter=stream&order=reverse_chronological"
		    "&limit=100" },
		{ "s:" STREAM_POST ":QVF", GRAPH STREAM_POST "/comments?"
		    FB_COMMENT_Q "&filter=stream&order=reverse_chronological"
		    "&limit=100&after=QVF" },
	};
	static const char *const bad[] = {
		"", "c:", "c:" STREAM_POST, "x:" STREAM_POST ":0",
		"i:" STREAM_POST, "c::0", "c:../me:0", "c:me:0",
		"c:" STREAM_POST "/comments:0", "c:_1:0", "c:1_2%2F:0",
		"c:" STREAM_POST ":0:a b", "c:" STREAM_POST ":0:\x1b[A",
		"c:" STREAM_POST ":0:", "c:" STREAM_POST ":0:\xc3\xa9",
		"c:" STREAM_POST ":5:a:b", "c:" CAR_COMMENT ":abc",
		"c:" STREAM_POST ":-5", "s:", "s:" STREAM_POST ":",
		"s:" STREAM_POST ":a b", "s:../me", "s:" STREAM_POST ":a:b",
	};
	struct platform_account	 pa = fb_page;
	struct platform_request	 req;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(good); i++) {
		assert_int_equal(facebook_ops.fetch_request(&pa, good[i].key,
		    &req, NULL), 0);
		assert_request(&req, "GET", good[i].url, NULL, NULL);
		platform_request_clear(&req);
	}
	for (i = 0; i < nitems(bad); i++) {
		cause = NULL;
		assert_int_equal(facebook_ops.fetch_request(&pa, bad[i], &req,
		    &cause), -1);
		assert_string_equal(cause, "Facebook: not a comments key");
		free(cause);
	}
	assert_int_equal(facebook_ops.fetch_request(&pa, NULL, &req, NULL),
	    -1);
	pa.access = NULL;
	assert_int_equal(facebook_ops.fetch_request(&pa, "c:1_2:0", &req,
	    NULL), -1);
}

/* Comments read without the Moderate task come without ids. */
static void
test_facebook_comments_without_ids(void **state)
{
	struct sync_page	 page;
	char			*p1, *p2;

	(void)state;
	p1 = sample("facebook/post_comments_stream_summary_page1.json", NULL);
	p2 = sample("facebook/post_comments_stream_summary_page2_last.json",
	    NULL);
	assert_int_equal(fetch(&facebook_ops, &fb_page, "c:" STREAM_POST
	    ":1628553600", 200, p1, &page, NULL), 0);
	assert_int_equal(page.items.n, 0);
	assert_int_equal(page.nposts, 0);
	assert_string_equal(page.notice, "10 comments" NO_ID_NOTICE);
	/* They are new: the next page of them is fetched too. */
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "c:" STREAM_POST
	    ":1628553600:after");
	assert_int_equal(page.more, 0);
	assert_null(page.next_cursor);
	sync_page_clear(&page);

	/* All older than since: no further page. */
	assert_int_equal(fetch(&facebook_ops, &fb_page, "c:" STREAM_POST
	    ":1628899200", 200, p1, &page, NULL), 0);
	assert_int_equal(page.items.n, 0);
	assert_string_equal(page.notice, "10 comments" NO_ID_NOTICE);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);

	/* The last page: no "next". */
	assert_int_equal(fetch(&facebook_ops, &fb_page, "c:" STREAM_POST
	    ":1628553600:after", 200, p2, &page, NULL), 0);
	assert_int_equal(page.items.n, 0);
	assert_string_equal(page.notice, "5 comments" NO_ID_NOTICE);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);

	assert_int_equal(fetch(&facebook_ops, &fb_page, "c:" STREAM_POST ":0",
	    200, "{\"data\":[{\"message\":\"hi\",\"created_time\":"
	    "\"2021-08-10T18:45:03+0000\"}]}", &page, NULL), 0);
	assert_int_equal(page.items.n, 0);
	assert_string_equal(page.notice, "1 comment" NO_ID_NOTICE);
	sync_page_clear(&page);
	free(p1);
	free(p2);
}

/* Set members of the one comment of {"data":[c]} and dump it. */
static char *
comment_variant(const char *set)
{
	json_t	*doc = sample_json("facebook/comment_node_all_fields.json");
	json_t	*upd = json_of(set);

	assert_int_equal(json_object_update(doc, upd), 0);
	json_decref(upd);
	return wrap_data(doc);
}

/* comment_node_all_fields.json: every field heed reads of a comment. */
static void
test_facebook_comment_fields(void **state)
{
	struct platform_account	 pa = fb_mylife;
	const struct item	*it;
	struct sync_page	 page;
	char			*body;

	(void)state;
	body = sample_in_data("facebook/comment_node_all_fields.json");
	assert_int_equal(fetch(&facebook_ops, &pa, "c:" CAR_POST ":0", 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	it = &page.items.v[0];
	assert_int_equal(it->account_id, 6);
	assert_string_equal(it->remote_id, CAR_COMMENT);
	assert_string_equal(it->post_remote_id, CAR_POST);
	assert_null(it->parent_remote_id);
	assert_int_equal(it->kind, ITEM_COMMENT);
	assert_int_equal(it->own, 0);
	assert_string_equal(it->author_name, "Kun Liu");
	assert_string_equal(it->author_handle, "");
	assert_string_equal(it->text, "My Nice Car");
	assert_int_equal(it->created, 1627029318);
	assert_int_equal(it->hidden, 0);
	assert_int_equal(it->liked, 0);
	assert_int_equal(it->like_count, 0);
	assert_int_equal(it->deleted, 0);
	assert_string_equal(it->permalink, "https://www.facebook.com/"
	    "2121008874780932/posts/2954961744718970/?comment_id="
	    "2966313500250461");
	assert_string_equal(it->attachment, "photo: https://www.facebook.com/"
	    "photo.php?fbid=909150133277173&set=p.909150133277173&type=3");
	/* Two days old: a private reply is still possible. */
	assert_string_equal(it->extra, "{\"post\":\"" CAR_POST "\","
	    "\"private\":true,\"top\":\"" CAR_COMMENT "\"}");
	assert_null(page.notice);
	assert_int_equal(page.nfetch, 0);
	assert_page_clean(&page);
	sync_page_clear(&page);

	/* Eight days on, it is not. */
	pa.now += 6 * 86400;
	assert_int_equal(fetch(&facebook_ops, &pa, "c:" CAR_POST ":0", 200,
	    body, &page, NULL), 0);
	assert_string_equal(page.items.v[0].extra, "{\"post\":\"" CAR_POST
	    "\",\"top\":\"" CAR_COMMENT "\"}");
	sync_page_clear(&page);
	pa.now = fb_mylife.now;
	free(body);

	/* A reply, hidden, liked by the Page, private reply sent. */
	body = comment_variant("{\"parent\":{\"id\":\"2954961744718970_1111\"},"
	    "\"is_hidden\":true,\"user_likes\":true,\"like_count\":7,"
	    "\"private_reply_conversation\":{\"id\":\"t_1\"}}");
	assert_int_equal(fetch(&facebook_ops, &pa, "c:" CAR_POST ":0", 200,
	    body, &page, NULL), 0);
	it = &page.items.v[0];
	assert_int_equal(it->kind, ITEM_REPLY);
	assert_string_equal(it->parent_remote_id, "2954961744718970_1111");
	assert_int_equal(it->hidden, 1);
	assert_int_equal(it->liked, 1);
	assert_int_equal(it->like_count, 7);
	assert_string_equal(it->extra, "{\"post\":\"" CAR_POST "\","
	    "\"private\":true,\"private_sent\":true,\"top\":"
	    "\"2954961744718970_1111\"}");
	sync_page_clear(&page);
	free(body);

	/* The Page's own comment: never a private reply to itself. */
	body = comment_variant("{\"from\":{\"id\":\"" MYLIFE_ID "\"},"
	    "\"like_count\":-3}");
	assert_int_equal(fetch(&facebook_ops, &pa, "c:" CAR_POST ":0", 200,
	    body, &page, NULL), 0);
	it = &page.items.v[0];
	assert_int_equal(it->own, 1);
	assert_string_equal(it->author_name, "MyLife");
	assert_int_equal(it->like_count, 0);
	assert_string_equal(it->extra, "{\"post\":\"" CAR_POST "\",\"top\":\""
	    CAR_COMMENT "\"}");
	sync_page_clear(&page);
	free(body);

	/* Parents that are not a thread's top: itself, or not an id. */
	body = comment_variant("{\"parent\":{\"id\":\"" CAR_COMMENT "\"},"
	    "\"like_count\":\"7\",\"is_hidden\":\"true\"}");
	assert_int_equal(fetch(&facebook_ops, &pa, "c:" CAR_POST ":0", 200,
	    body, &page, NULL), 0);
	it = &page.items.v[0];
	assert_int_equal(it->kind, ITEM_COMMENT);
	assert_null(it->parent_remote_id);
	assert_int_equal(it->like_count, 0);
	assert_int_equal(it->hidden, 0);
	sync_page_clear(&page);
	free(body);
	body = comment_variant("{\"parent\":{\"id\":\"../me\"},\"message\":"
	    "\"a\\u001b]8;;https://evil\\u0007link\\u001b]8;;\\u0007 "
	    "\\u2067b\\u0000c\",\"from\":{\"id\":\"1\",\"name\":"
	    "\"\\u202eKun\\u001b[8m\"},\"attachment\":{\"type\":\"photo\","
	    "\"title\":\"T\\u001b[1m\\ni\",\"url\":\"https://x/\\u0085y\"}}");
	assert_int_equal(fetch(&facebook_ops, &pa, "c:" CAR_POST ":0", 200,
	    body, &page, NULL), 0);
	it = &page.items.v[0];
	assert_int_equal(it->kind, ITEM_COMMENT);
	assert_null(it->parent_remote_id);
	assert_string_equal(it->text, "alink bc");
	assert_string_equal(it->author_name, "Kun");
	assert_string_equal(it->attachment, "T i: https://x/ y");
	assert_page_clean(&page);
	sync_page_clear(&page);
	free(body);
}

/* Comments' paging, and hostile entries of a comments page. */
static void
test_facebook_comments_paging_and_hostile(void **state)
{
	struct platform_request	 req;
	struct sync_page	 page;
	json_t			*doc;
	char			*body;

	(void)state;
	/* paging.next elsewhere, with a token: only "after" is kept. */
	doc = json_pack("{s:[o],s:{s:s}}", "data",
	    sample_json("facebook/comment_node_all_fields.json"), "paging",
	    "next", "https://evil.example/v1/x/comments?access_token=SECRET"
	    "&after=QVFIU%3D");
	body = dump(doc);
	assert_int_equal(fetch(&facebook_ops, &fb_mylife, "c:" CAR_POST ":0",
	    200, body, &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "c:" CAR_POST ":0:QVFIU=");
	assert_int_equal(facebook_ops.fetch_request(&fb_mylife, page.fetch[0],
	    &req, NULL), 0);
	assert_string_equal(req.url, GRAPH CAR_POST "/comments?" FB_COMMENT_Q
	    "&filter=stream&order=reverse_chronological&limit=100"
	    "&after=QVFIU%3D");
	assert_string_equal(req.authorization, "Bearer page-token");
	platform_request_clear(&req);
	sync_page_clear(&page);

	/* Nothing newer than since on this page: stop there. */
	assert_int_equal(fetch(&facebook_ops, &fb_mylife, "c:" CAR_POST
	    ":1627100000:QQ", 200, body, &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);
	free(body);

	/* An empty page with a next one goes on. */
	assert_int_equal(fetch(&facebook_ops, &fb_mylife, "c:" CAR_POST
	    ":1627100000", 200, "{\"data\":[],\"paging\":{\"next\":"
	    "\"https://graph.facebook.com/x?after=Q2\"}}", &page, NULL), 0);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "c:" CAR_POST ":1627100000:Q2");
	sync_page_clear(&page);
	/* An after unsafe to send back is not. */
	assert_int_equal(fetch(&facebook_ops, &fb_mylife, "c:" CAR_POST ":0",
	    200, "{\"data\":[],\"paging\":{\"next\":\"https://graph.facebook."
	    "com/x?after=a%20b\"}}", &page, NULL), 0);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);

	/* Ids with letters or slashes, no time: skipped, not counted. */
	assert_int_equal(fetch(&facebook_ops, &fb_mylife, "c:" CAR_POST ":0",
	    200, "{\"data\":[{\"id\":\"../me\",\"created_time\":"
	    "\"2021-07-23T08:35:18+0000\"},{\"id\":123,\"created_time\":"
	    "\"2021-07-23T08:35:18+0000\"},{\"id\":\"1_2x\",\"created_time\":"
	    "\"2021-07-23T08:35:18+0000\"},{\"id\":\"1_3\"},{\"id\":null},"
	    "{\"id\":\"1_4\",\"created_time\":\"2021-07-23T08:35:18+0000\","
	    "\"from\":[],\"message\":{\"x\":1}},{\"created_time\":"
	    "\"2021-07-23T08:35:18+0000\"}]}", &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	assert_string_equal(page.items.v[0].remote_id, "1_4");
	assert_string_equal(page.items.v[0].author_name, "");
	assert_string_equal(page.items.v[0].text, "");
	assert_string_equal(page.notice, "1 comment" NO_ID_NOTICE);
	sync_page_clear(&page);
}

/* A bad comments answer fails, and so does a bad key. */
static void
test_facebook_comments_bad_answers(void **state)
{
	static const char *const bodies[] = {
		"", "[]", "{}", "{\"data\":{}}", "{\"data\":\"x\"}",
		"{\"data\":[", "\xff\xfe",
	};
	struct platform_response	 res;
	struct sync_page		 page;
	char				*cause, *big;
	size_t				 i;

	(void)state;
	for (i = 0; i < nitems(bodies); i++) {
		assert_int_equal(fetch(&facebook_ops, &fb_page, "c:1_2:0", 200,
		    bodies[i], &page, &cause), -1);
		assert_non_null(cause);
		assert_true(clean_line(cause));
		assert_int_equal(page.items.n, 0);
		free(cause);
		sync_page_clear(&page);
	}
	assert_int_equal(fetch(&facebook_ops, &fb_page, "c:1_2:0", 400,
	    "{\"error\":{\"code\":100,\"error_subcode\":33}}", &page, &cause),
	    -1);
	assert_string_equal(cause, "it is no longer there (error 100/33)");
	free(cause);
	big = big_body("{\"data\":[", ' ', 20 << 20, "]}");
	assert_int_equal(fetch(&facebook_ops, &fb_page, "c:1_2:0", 200, big,
	    &page, &cause), -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(big);
	res = answer(200, "{\"data\":[]}");
	memset(&page, 0, sizeof page);
	assert_int_equal(facebook_ops.fetch_parse(&fb_page, "c:../me:0", &res,
	    &page, &cause), -1);
	assert_string_equal(cause, "Facebook: not a comments key");
	free(cause);
	assert_int_equal(facebook_ops.fetch_parse(&fb_page, "c:1_2:0", NULL,
	    &page, &cause), -1);
	assert_string_equal(cause, "no answer");
	free(cause);
}

/* What the Page does: the requests for every action. */
static void
test_facebook_action_requests(void **state)
{
	static const char extra[] = "{\"post\":\"" CAR_POST "\",\"private\":"
	    "true,\"top\":\"" CAR_COMMENT "\"}";
	static const struct {
		int		 kind;
		const char	*body;
		const char	*method;
		const char	*url;
		const char	*form;
	} cases[] = {
		{ ACTION_REPLY, "Thanks! \xc3\x9cn\xc3\xaf & co = 100% "
		    "\xe2\x9c\x93\n+1", "POST", GRAPH CAR_COMMENT "/comments",
		    "message=Thanks%21%20%C3%9Cn%C3%AF%20%26%20co%20%3D%20100%25"
		    "%20%E2%9C%93%0A%2B1" },
		{ ACTION_LIKE, NULL, "POST", GRAPH CAR_COMMENT "/likes", NULL },
		{ ACTION_UNLIKE, NULL, "DELETE", GRAPH CAR_COMMENT "/likes",
		    NULL },
		{ ACTION_HIDE, NULL, "POST", GRAPH CAR_COMMENT,
		    "is_hidden=true" },
		{ ACTION_UNHIDE, NULL, "POST", GRAPH CAR_COMMENT,
		    "is_hidden=false" },
		{ ACTION_DELETE, NULL, "DELETE", GRAPH CAR_COMMENT, NULL },
	};
	struct outbox_entry	 e;
	struct platform_request	 req;
	json_t			*doc;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		e = entry(cases[i].kind, CAR_COMMENT, cases[i].body, extra,
		    1627171000);
		assert_int_equal(facebook_ops.action_request(&fb_page, &e,
		    &req, NULL), 0);
		assert_request(&req, cases[i].method, cases[i].url,
		    cases[i].form, cases[i].form != NULL ?
		    "application/x-www-form-urlencoded" : NULL);
		platform_request_clear(&req);
	}

	/* A private reply: a message to the comment's author. */
	e = entry(ACTION_PRIVATE_REPLY, CAR_COMMENT, "Hi \"Kun\" \xf0\x9f\x9a"
	    "\x97", extra, 1627171000);
	assert_int_equal(facebook_ops.action_request(&fb_page, &e, &req, NULL),
	    0);
	assert_string_equal(req.method, "POST");
	assert_string_equal(req.url, GRAPH PAGE_ID "/messages");
	assert_string_equal(req.content_type, "application/json");
	assert_string_equal(req.authorization, "Bearer page-token");
	doc = json_of(req.body);
	assert_int_equal(json_object_size(doc), 3);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    doc, "recipient"), "comment_id")), CAR_COMMENT);
	assert_int_equal(json_object_size(json_object_get(doc, "recipient")),
	    1);
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    doc, "message"), "text")), "Hi \"Kun\" \xf0\x9f\x9a\x97");
	assert_string_equal(json_string_value(json_object_get(doc,
	    "messaging_type")), "RESPONSE");
	json_decref(doc);
	platform_request_clear(&req);
}

/* Actions heed refuses to build. */
static void
test_facebook_action_refusals(void **state)
{
	static const struct {
		int		 kind;
		const char	*target;
		const char	*body;
		const char	*cause;
	} cases[] = {
		{ ACTION_REPLY, CAR_COMMENT, "", "Facebook: an empty reply" },
		{ ACTION_REPLY, CAR_COMMENT, NULL, "Facebook: an empty reply" },
		{ ACTION_PRIVATE_REPLY, CAR_COMMENT, "",
		    "Facebook: an empty message" },
		{ ACTION_REPLY, CAR_COMMENT, "a\xff\xfe",
		    "Facebook: the reply is not valid UTF-8 text" },
		{ ACTION_PRIVATE_REPLY, CAR_COMMENT, "\xc3(",
		    "Facebook: the reply is not valid UTF-8 text" },
		{ ACTION_REPLY, "../me", "hi",
		    "Facebook: not a comment's id" },
		{ ACTION_LIKE, "me", NULL, "Facebook: not a comment's id" },
		{ ACTION_DELETE, "1_2/likes", NULL,
		    "Facebook: not a comment's id" },
		{ ACTION_HIDE, "1_2?is_hidden=false", NULL,
		    "Facebook: not a comment's id" },
		{ ACTION_HIDE, "", NULL, "Facebook: not a comment's id" },
		{ ACTION_HIDE, NULL, NULL, "Facebook: not a comment's id" },
		{ ACTION_DELETE, "1_2%2F..", NULL,
		    "Facebook: not a comment's id" },
		{ 99, CAR_COMMENT, "x", "Facebook cannot ?" },
	};
	struct platform_account	 pa = fb_page;
	struct outbox_entry	 e;
	struct platform_request	 req;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		e = entry(cases[i].kind, cases[i].target, cases[i].body, NULL,
		    0);
		cause = NULL;
		memset(&req, 0, sizeof req);
		assert_int_equal(facebook_ops.action_request(&pa, &e, &req,
		    &cause), -1);
		assert_string_equal(cause, cases[i].cause);
		assert_null(req.url);
		free(cause);
	}
	/* Without a session, nothing is sent. */
	pa.access = NULL;
	e = entry(ACTION_LIKE, CAR_COMMENT, NULL, NULL, 0);
	assert_int_equal(facebook_ops.action_request(&pa, &e, &req, NULL), -1);
	pa = fb_page;
	pa.user_id = NULL;
	e = entry(ACTION_PRIVATE_REPLY, CAR_COMMENT, "hi", NULL, 0);
	assert_int_equal(facebook_ops.action_request(&pa, &e, &req, NULL), -1);
}

/* The answer to an action: the created reply, or success. */
static void
test_facebook_action_parse(void **state)
{
	static const char extra[] = "{\"post\":\"" CAR_POST "\",\"private\":"
	    "true,\"top\":\"" CAR_COMMENT "\"}";
	struct platform_response	 res;
	struct action_result		 r;
	struct outbox_entry		 e;
	const struct item		*it;
	char				*body, *cause;

	(void)state;
	body = sample("facebook/comment_create_response.json", NULL);
	res = answer(200, body);
	e = entry(ACTION_REPLY, CAR_COMMENT, "  Thank you\x1b[1m!\r\n",
	    extra, 1627171000);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "245778718206154_229887283291835");
	assert_int_equal(r.have_created, 1);
	it = &r.created;
	assert_string_equal(it->remote_id, "245778718206154_229887283291835");
	assert_string_equal(it->post_remote_id, CAR_POST);
	assert_string_equal(it->parent_remote_id, CAR_COMMENT);
	assert_int_equal(it->kind, ITEM_REPLY);
	assert_int_equal(it->own, 1);
	assert_string_equal(it->author_name, "Facebook for Developers");
	assert_string_equal(it->author_handle, "");
	assert_string_equal(it->text, "Thank you!");
	assert_int_equal(it->created, fb_page.now);
	assert_string_equal(it->extra, "{\"post\":\"" CAR_POST "\",\"top\":\""
	    CAR_COMMENT "\"}");
	action_result_clear(&r);

	/*
	 * A reply to a reply: under the thread's top, where Facebook lists
	 * it; no extra: the target.
	 */
	e = entry(ACTION_REPLY, "2954961744718970_2222", "ok", extra, 0);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.created.parent_remote_id, CAR_COMMENT);
	assert_string_equal(r.created.extra, "{\"post\":\"" CAR_POST "\","
	    "\"top\":\"" CAR_COMMENT "\"}");
	action_result_clear(&r);
	e = entry(ACTION_REPLY, CAR_COMMENT, "ok", "{\"top\":\"../me\"}", 0);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.created.post_remote_id, CAR_COMMENT);
	assert_string_equal(r.created.extra, "{\"post\":\"" CAR_COMMENT "\","
	    "\"top\":\"" CAR_COMMENT "\"}");
	action_result_clear(&r);
	free(body);

	/* Likes, hides and deletes say {"success":true}. */
	e = entry(ACTION_LIKE, CAR_COMMENT, NULL, extra, 0);
	res = answer(200, "{\"success\":true}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_null(r.remote_id);
	assert_int_equal(r.have_created, 0);
	action_result_clear(&r);
	res = answer(200, "{\"success\":\"true\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	res = answer(200, "{\"success\":false}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Facebook did not say it was done");
	free(cause);
	res = answer(200, "{\"success\":1}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	res = answer(400, "{\"error\":{\"code\":100,\"error_subcode\":33}}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "it is no longer there (error 100/33)");
	free(cause);

	/* A private reply's answer names a message. */
	e = entry(ACTION_PRIVATE_REPLY, CAR_COMMENT, "hi", extra, 0);
	res = answer(200, "{\"recipient_id\":\"1254477777772919\","
	    "\"message_id\":\"m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjS"
	    "yHnWq8ArhPtbrOz6qnpSRUXWYFXQ-Gc4uN2Eg\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5j"
	    "dCK48PnKAjSyHnWq8ArhPtbrOz6qnpSRUXWYFXQ-Gc4uN2Eg");
	assert_int_equal(r.have_created, 0);
	action_result_clear(&r);
	/* Found by fuzzing: a message id with controls in it was kept. */
	res = answer(200, "{\"message_id\":\"m_\\u001b[31mx\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: no id");
	assert_null(r.remote_id);
	free(cause);
	res = answer(200, "{\"message_id\":\"m_a b\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), -1);

	/* Answers without a usable id. */
	e = entry(ACTION_REPLY, CAR_COMMENT, "ok", extra, 0);
	res = answer(200, "{\"id\":\"../me\"}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: no id");
	assert_null(r.remote_id);
	assert_int_equal(r.have_created, 0);
	free(cause);
	res = answer(200, "{\"id\":12}");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	res = answer(200, "[\"1_2\"]");
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	body = big_body("{\"id\":\"1_2\",\"x\":\"", 'x', 20 << 20, "\"}");
	res = answer(200, body);
	assert_int_equal(facebook_ops.action_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(body);
}

/* Whether a reply went through, when its first answer was lost. */
static void
test_facebook_reconcile(void **state)
{
	static const char extra[] = "{\"post\":\"" CAR_POST "\",\"top\":\""
	    CAR_COMMENT "\"}";
#define UNDER_CAR "\"parent\":{\"id\":\"" CAR_COMMENT "\"},"
	static const char other_author[] = "{\"id\":\"2954961744718970_9001\"," UNDER_CAR
	    "\"message\":\"Thanks!\",\"from\":{\"id\":\"100004\"},"
	    "\"created_time\":\"2021-07-24T23:50:00+0000\"}";
	static const char other_text[] = "{\"id\":\"2954961744718970_9002\"," UNDER_CAR
	    "\"message\":\"Thanks!!\",\"from\":{\"id\":\"" PAGE_ID "\"},"
	    "\"created_time\":\"2021-07-24T23:50:00+0000\"}";
	static const char old_same[] = "{\"id\":\"2954961744718970_9003\"," UNDER_CAR
	    "\"message\":\"Thanks!\",\"from\":{\"id\":\"" PAGE_ID "\"},"
	    "\"created_time\":\"2021-07-24T23:46:39+0000\"}";
	static const char the_one[] = "{\"id\":\"2954961744718970_9004\"," UNDER_CAR
	    "\"message\":\"  Thanks!\\r\\n\",\"from\":{\"id\":\"" PAGE_ID
	    "\"},\"created_time\":\"2021-07-24T23:46:41+0000\"}";
	static const char no_time[] = "{\"id\":\"2954961744718970_9005\"," UNDER_CAR
	    "\"message\":\"Thanks!\",\"from\":{\"id\":\"" PAGE_ID "\"}}";
	static const char no_from[] = "{\"id\":\"2954961744718970_9006\"," UNDER_CAR
	    "\"message\":\"Thanks!\",\"created_time\":"
	    "\"2021-07-24T23:50:00+0000\"}";
	static const char next[] = "\"paging\":{\"cursors\":{\"after\":"
	    "\"QVFpage2\"},\"next\":\"https://graph.facebook.com/v26.0/"
	    CAR_POST "/comments?after=QVFpage2\"}";
	struct platform_account		 pa;
	struct platform_response	 res;
	struct platform_request		 req;
	struct action_result		 r;
	struct outbox_entry		 e;
	char				*body, *cause = NULL;

	(void)state;
	/* The requests: a post's comments, the comment itself. */
	e = entry(ACTION_REPLY, "2954961744718970_2222", "Thanks!", extra,
	    1627171000);
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    NULL), 0);
	/* The post's comments, all levels, since the entry less 600 s. */
	assert_request(&req, "GET", GRAPH CAR_POST "/comments?fields=id"
	    "%2Cmessage%2Cfrom%7Bid%7D%2Ccreated_time%2Cparent%7Bid%7D"
	    "&filter=stream"
	    "&order=reverse_chronological&limit=100&since=1627170400", NULL,
	    NULL);
	platform_request_clear(&req);
	/* The next page of them, when the first did not have it. */
	pa = fb_page;
	pa.reconcile_page = "QVFpage2";
	assert_int_equal(facebook_ops.reconcile_request(&pa, &e, &req, NULL),
	    0);
	assert_request(&req, "GET", GRAPH CAR_POST "/comments?fields=id"
	    "%2Cmessage%2Cfrom%7Bid%7D%2Ccreated_time%2Cparent%7Bid%7D"
	    "&filter=stream"
	    "&order=reverse_chronological&limit=100&since=1627170400"
	    "&after=QVFpage2", NULL, NULL);
	platform_request_clear(&req);
	/* Without the post known, the thread's top comment. */
	e.target_extra = (char *)"{\"top\":\"" CAR_COMMENT "\"}";
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH CAR_COMMENT "/comments?fields=id"
	    "%2Cmessage%2Cfrom%7Bid%7D%2Ccreated_time%2Cparent%7Bid%7D"
	    "&filter=stream"
	    "&order=reverse_chronological&limit=100&since=1627170400", NULL,
	    NULL);
	platform_request_clear(&req);
	e.target_extra = (char *)extra;
	e.kind = ACTION_PRIVATE_REPLY;
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH "2954961744718970_2222?fields=id"
	    "%2Cprivate_reply_conversation", NULL, NULL);
	platform_request_clear(&req);
	e.kind = ACTION_DELETE;
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH "2954961744718970_2222?fields=id"
	    "%2Cis_hidden%2Cuser_likes", NULL, NULL);
	platform_request_clear(&req);
	e.target_remote_id = (char *)"../me";
	assert_int_equal(facebook_ops.reconcile_request(&fb_page, &e, &req,
	    &cause), -1);
	assert_string_equal(cause, "Facebook: not a comment's id");
	free(cause);

	/* The Page's reply, same text, after the entry was made: found. */
	e = entry(ACTION_REPLY, CAR_COMMENT, "Thanks!", extra, 1627171000);
	body = xprintf("{\"data\":[%s,%s,%s,%s]}", other_author, other_text,
	    old_same, the_one);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9004");
	assert_int_equal(r.have_created, 1);
	assert_string_equal(r.created.remote_id, "2954961744718970_9004");
	assert_string_equal(r.created.parent_remote_id, CAR_COMMENT);
	assert_int_equal(r.created.created, 1627170401);
	assert_int_equal(r.created.own, 1);
	action_result_clear(&r);
	free(body);

	/* Another author, other text, an old identical one: not sent. */
	body = xprintf("{\"data\":[%s,%s,%s]}", other_author, other_text,
	    old_same);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	assert_null(r.remote_id);
	assert_int_equal(r.have_created, 0);
	free(body);
	res = answer(200, "{\"data\":[]}");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	assert_null(r.next);

	/* Not on this page, and there is a next one: read it first. */
	body = xprintf("{\"data\":[%s,%s],%s}", other_author, old_same, next);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	assert_string_equal(r.next, "QVFpage2");
	action_result_clear(&r);
	/*
	 * ... unless it names the page just read again: the replies cannot
	 * be read to the end, so nothing is decided (never "not there").
	 */
	pa = fb_page;
	pa.reconcile_page = "QVFpage2";
	assert_int_equal(facebook_ops.reconcile_parse(&pa, &e, &res, &r,
	    &cause), -1);
	assert_null(r.next);
	assert_non_null(strstr(cause, "could not be read to the end"));
	free(cause);
	cause = NULL;
	free(body);

	/* No author at all (the answer left "from" out): the text decides. */
	body = xprintf("{\"data\":[%s],%s}", no_from, next);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9006");
	assert_null(r.next);
	action_result_clear(&r);
	free(body);

	/* Without a time, the same text by the Page counts, as of now. */
	body = xprintf("{\"data\":[%s]}", no_time);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9005");
	assert_int_equal(r.created.created, fb_page.now);
	action_result_clear(&r);
	free(body);

		/*
	 * The same words by the Page under another comment of the post are
	 * another reply, and a top-level comment is none; a reply to a reply
	 * may sit under the thread's top comment.
	 */
	body = xprintf("{\"data\":[{\"id\":\"2954961744718970_9007\","
	    "\"parent\":{\"id\":\"2954961744718970_3333\"},\"message\":"
	    "\"Thanks!\",\"from\":{\"id\":\"" PAGE_ID "\"}},{\"id\":"
	    "\"2954961744718970_9008\",\"message\":\"Thanks!\",\"from\":"
	    "{\"id\":\"" PAGE_ID "\"}}]}");
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	assert_null(r.remote_id);
	e.target_remote_id = (char *)"2954961744718970_3333_reply";
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	e.target_extra = (char *)"{\"top\":\"2954961744718970_3333\"}";
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9007");
	action_result_clear(&r);
	/* The answer to a visitor's post is a comment on it, no parent. */
	e = entry(ACTION_REPLY, CAR_POST, "Thanks!", "{\"post\":\"" CAR_POST
	    "\"}", 1627171000);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "2954961744718970_9008");
	action_result_clear(&r);
	free(body);
	e = entry(ACTION_REPLY, CAR_COMMENT, "Thanks!", extra, 1627171000);

	/*
	 * Without the Moderate task the comments come without ids: heed
	 * cannot tell, so it neither sends again nor calls it sent.
	 */
	body = xprintf("{\"data\":[{\"message\":\"Thanks!\",\"parent\":{},"
	    "\"created_time\":\"2021-07-24T23:50:00+0000\"}],%s}", next);
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_non_null(strstr(cause, "without their ids"));
	assert_non_null(strstr(cause, "Moderate task"));
	assert_null(r.next);
	free(cause);
	free(body);
	body = xprintf("{\"data\":[{\"message\":\"Thanks!\"," UNDER_CAR
	    "\"created_time\":\"2021-07-24T23:50:00+0000\"}]}");
	res = answer(200, body);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	free(body);
	/* ... but other words without an id say nothing of it. */
	res = answer(200, "{\"data\":[{\"message\":\"Is it open?\"}]}");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);

/* Bad answers. */
	res = answer(200, "{\"data\":{}}");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Facebook: malformed response: no data");
	free(cause);
	res = answer(200, "[]");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), -1);
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, NULL, &r,
	    NULL), -1);
	res = answer(500, "");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Facebook answered 500");
	free(cause);

	/* The comment is gone: a delete is done, a reply cannot be. */
	res = answer(400, "{\"error\":{\"message\":\"Unsupported get "
	    "request.\",\"code\":100,\"error_subcode\":33}}");
	e.kind = ACTION_DELETE;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	assert_null(r.remote_id);
	e.kind = ACTION_REPLY;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Facebook: the comment is gone");
	free(cause);

	/* Still there: delete again. Likes and hides may be repeated. */
	res = answer(200, "{\"id\":\"" CAR_COMMENT "\",\"is_hidden\":false}");
	e.kind = ACTION_DELETE;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	e.kind = ACTION_HIDE;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	e.kind = ACTION_LIKE;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
	/* A private reply is there once the comment has its conversation. */
	e.kind = ACTION_PRIVATE_REPLY;
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 1);
	res = answer(200, "{\"id\":\"" CAR_COMMENT "\","
	    "\"private_reply_conversation\":{\"id\":\"t_10\"}}");
	assert_int_equal(facebook_ops.reconcile_parse(&fb_page, &e, &res, &r,
	    NULL), 0);
}

#define IG_COMMENT_Q	"fields=" IG_REPLY_F "%2Creplies%7B" IG_REPLY_F "%7D"
#define MEDIA_A		"17895731045244887"
#define MEDIA_B		"17896622936197745"

/* The media and tags requests, with a paging position while fresh. */
static void
test_instagram_stream_requests(void **state)
{
	static const struct {
		const char	*stream;
		const char	*cursor;
		const char	*tail;
	} cases[] = {
		{ "media", NULL, "" },
		{ "tags", NULL, "" },
		{ "media", "counts=" MEDIA_A ".0", "" },
		{ "media", "seen=1.2&run=1628899190&after=QVFI%3D",
		    "&after=QVFI%3D" },
		{ "tags", "seen=&run=1628898601&after=QVFI", "&after=QVFI" },
		{ "media", "seen=&run=1628899200&after=a%26access_token%3Dx",
		    "&after=a%26access_token%3Dx" },
		{ "media", "seen=&run=1628898599&after=QVFI", "" },
		{ "media", "seen=&run=1628899201&after=QVFI", "" },
		{ "media", "seen=&after=QVFI", "" },
		{ "media", "seen=&run=x&after=QVFI", "" },
		{ "media", "seen=&run=1628899190&after=a%3Ab", "" },
		{ "media", "seen=&run=1628899190&after=a%20b", "" },
		{ "media", "seen=&run=1628899190&after=%C3%A9", "" },
		{ "media", "seen=&run=1628899190&after=", "" },
	};
	struct platform_account	 pa = ig_acct;
	struct platform_request	 req;
	char			*url, *want, *cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		url = stream_url(&instagram_ops, &pa, cases[i].stream,
		    cases[i].cursor);
		want = xprintf("%s%s?%s&limit=50%s", GRAPH IG_ID "/",
		    cases[i].stream, IG_MEDIA_Q, cases[i].tail);
		assert_string_equal(url, want);
		free(url);
		free(want);
	}
	assert_int_equal(instagram_ops.sync_request(&pa, "stories", NULL, &req,
	    &cause), -1);
	assert_string_equal(cause, "Instagram: no stream \"stories\"");
	free(cause);
	assert_int_equal(instagram_ops.sync_request(&pa, NULL, NULL, &req,
	    NULL), -1);
	pa.user_id = "../me";
	assert_int_equal(instagram_ops.sync_request(&pa, "media", NULL, &req,
	    &cause), -1);
	assert_string_equal(cause, "Instagram: no session is open");
	free(cause);
	pa = ig_acct;
	pa.access = NULL;
	assert_int_equal(instagram_ops.sync_request(&pa, "media", NULL, &req,
	    NULL), -1);
}

/* Drop an answer's paging: the last page of a run. */
static char *
without_paging(const char *file)
{
	json_t	*doc = sample_json(file);

	assert_int_equal(json_object_del(doc, "paging"), 0);
	return dump(doc);
}

/* user_media_page1.json: the account's media, and whose comments moved. */
static void
test_instagram_media_sample(void **state)
{
	static const char both[] = MEDIA_A ".0%2C" MEDIA_B ".6";
	struct sync_page	 page;
	char			*body, *last, *url, *want;

	(void)state;
	body = sample("instagram/user_media_page1.json", NULL);
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", NULL, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.nposts, 2);
	assert_int_equal(page.items.n, 0);
	assert_string_equal(page.posts[0].remote_id, MEDIA_A);
	assert_int_equal(page.posts[0].account_id, 4);
	assert_int_equal(page.posts[0].created, 1628843128);
	assert_int_equal(page.posts[0].own, 1);
	assert_string_equal(page.posts[0].author_handle, "ikroskun");
	assert_string_equal(page.posts[0].author_name, "ikroskun");
	assert_string_equal(page.posts[0].text, "");
	assert_string_equal(page.posts[0].permalink,
	    "https://www.instagram.com/p/CSgf9BChwVq/");
	assert_string_equal(page.posts[1].remote_id, MEDIA_B);
	assert_int_equal(page.posts[1].created, 1628841760);
	assert_string_equal(page.posts[1].permalink,
	    "https://www.instagram.com/p/CSgdWACBeKr/");
	/* No counts yet: every media's comments are read. */
	assert_int_equal(page.nfetch, 2);
	assert_string_equal(page.fetch[0], "i:" MEDIA_A);
	assert_string_equal(page.fetch[1], "i:" MEDIA_B);
	assert_int_equal(page.more, 1);
	want = xprintf("seen=%s&run=1628899200&after=after", both);
	assert_string_equal(page.next_cursor, want);
	free(want);
	url = stream_url(&instagram_ops, &ig_acct, "media", page.next_cursor);
	assert_string_equal(url, GRAPH IG_ID "/media?" IG_MEDIA_Q "&limit=50"
	    "&after=after");
	free(url);
	assert_page_clean(&page);
	sync_page_clear(&page);

	/* Counts as the last run left them: nothing to read again. */
	want = xprintf("counts=%s&swept=1628899000", both);
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", want, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.nfetch, 0);
	free(want);
	want = xprintf("counts=%s&swept=1628899000&seen=%s&run=1628899200"
	    "&after=after", both, both);
	assert_string_equal(page.next_cursor, want);
	free(want);
	sync_page_clear(&page);

	/* An hour after the last sweep: every media is read again. */
	want = xprintf("counts=%s&swept=1628895600", both);
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", want, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.nfetch, 2);
	free(want);
	want = xprintf("counts=%s&swept=1628895600&seen=%s&run=1628899200"
	    "&sweep=1&after=after", both, both);
	assert_string_equal(page.next_cursor, want);
	free(want);
	sync_page_clear(&page);
	/* A cursor without a sweep's time (or one ahead) sweeps too. */
	want = xprintf("counts=%s&swept=1728895600", both);
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", want, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.nfetch, 2);
	free(want);
	sync_page_clear(&page);

	/* One count moved, one media unknown (an id's prefix is not it). */
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    MEDIA_A ".0%2C" MEDIA_B ".5&swept=1628899000", 200, body, &page,
	    NULL), 0);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "i:" MEDIA_B);
	sync_page_clear(&page);
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    MEDIA_A "0.0%2C1" MEDIA_B ".6%2C" MEDIA_B ".x&swept=1628899000",
	    200, body, &page, NULL), 0);
	assert_int_equal(page.nfetch, 2);
	sync_page_clear(&page);

	/* Paging on within a run: seen grows, counts stay. */
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    MEDIA_A ".0&seen=17800000000000001.3&run=1628899190&after=before",
	    200, body, &page, NULL), 0);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "i:" MEDIA_B);
	assert_string_equal(page.next_cursor, "counts=" MEDIA_A ".0"
	    "&seen=17800000000000001.3%2C" MEDIA_A ".0%2C" MEDIA_B ".6"
	    "&run=1628899190&after=after");
	assert_int_equal(page.more, 1);
	sync_page_clear(&page);
	/* A next that names the page just read ends the run. */
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    MEDIA_A ".0&seen=17800000000000001.3&run=1628899190&after=after",
	    200, body, &page, NULL), 0);
	assert_int_equal(page.more, 0);
	sync_page_clear(&page);
	/* An empty page with a next goes on. */
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    MEDIA_A ".0&run=1628899190&after=before", 200, "{\"data\":[],"
	    "\"paging\":{\"cursors\":{\"after\":\"QVFz\"},\"next\":"
	    "\"https://graph.facebook.com/v26.0/1/media?after=QVFz\"}}", &page,
	    NULL), 0);
	assert_int_equal(page.more, 1);
	assert_non_null(strstr(page.next_cursor, "after=QVFz"));
	sync_page_clear(&page);
	/* The run's last page: what was seen becomes the counts. */
	last = without_paging("instagram/user_media_page1.json");
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    MEDIA_A ".0&seen=17800000000000001.3&run=1628899190&after=after",
	    200, last, &page, NULL), 0);
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "counts=17800000000000001.3"
	    "%2C" MEDIA_A ".0%2C" MEDIA_B ".6&swept=1628899190");
	sync_page_clear(&page);
	/* A stale run forgets what it had seen. */
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    MEDIA_A ".0&seen=17800000000000001.3&run=1628898599&after=after",
	    200, last, &page, NULL), 0);
	assert_string_equal(page.next_cursor, "counts=" MEDIA_A ".0%2C"
	    MEDIA_B ".6&swept=1628899200");
	sync_page_clear(&page);
	free(last);
	free(body);
}

/* media_node_carousel.json as a page of one media. */
static void
test_instagram_media_carousel(void **state)
{
	struct sync_page	 page;
	json_t			*doc;
	char			*body;

	(void)state;
	body = sample_in_data("instagram/media_node_carousel.json");
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", NULL, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.nposts, 1);
	assert_string_equal(page.posts[0].remote_id, "17896129349106152");
	assert_string_equal(page.posts[0].text, "ALBUM");
	assert_int_equal(page.posts[0].created, 1627296320);
	assert_int_equal(page.posts[0].own, 1);
	assert_string_equal(page.posts[0].permalink,
	    "https://www.instagram.com/p/CRyZpmrjYC4/");
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "i:17896129349106152");
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "counts=17896129349106152.0"
	    "&swept=1628899200");
	sync_page_clear(&page);
	free(body);

	/* Someone else's media; no count; outside the window; bad ids. */
	doc = sample_json("instagram/media_node_carousel.json");
	json_object_set_new(doc, "username", json_string("some\x1b[1mone"));
	json_object_set_new(doc, "comments_count", json_string("3"));
	body = dump(json_pack("{s:[o,{s:s,s:s},{s:s,s:s},{s:i,s:s},{s:s}]}",
	    "data", doc, "id", "17800000000000009", "timestamp",
	    "2021-07-14T23:59:59+0000", "id", "../me", "timestamp",
	    "2021-08-01T00:00:00+0000", "id", 1789, "timestamp",
	    "2021-08-01T00:00:00+0000", "id", "17800000000000010"));
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    "17896129349106152.3", 200, body, &page, NULL), 0);
	assert_int_equal(page.nposts, 1);
	assert_int_equal(page.posts[0].own, 0);
	assert_string_equal(page.posts[0].author_handle, "someone");
	assert_int_equal(page.nfetch, 1);	/* a count it cannot read */
	assert_string_equal(page.next_cursor, "counts=&swept=1628899200");
	assert_page_clean(&page);
	sync_page_clear(&page);
	free(body);
}

/* user_tags.json and user_mentioned_media.json: media the account is in. */
static void
test_instagram_tags(void **state)
{
	static const struct {
		const char	*id;
		const char	*text;
		int64_t		 created;
		int64_t		 likes;
		const char	*permalink;
	} want[] = {
		{ "17892354025952911", "publish test", 1615896134, 2,
		    "https://www.instagram.com/p/CMeo7rcJvTi/" },
		{ "17997587032316367", "Cat test", 1615882582, 0,
		    "https://www.instagram.com/p/CMePrHWHOtz/" },
		{ "17846368219941692", "Cute.. #cute #loveyou  @ikroskun",
		    1581590140, 3, "https://www.instagram.com/p/B8gQCApHMT-/" },
		{ "17913531439230186", "The Weather is great", 1538962889, 5,
		    "https://www.instagram.com/p/Bop3AGOASfY/" },
		{ "17978630677077508", "", 1539077707, 7,
		    "https://www.instagram.com/p/BotSABoAn8E/" },
	};
	struct platform_account	 pa = ig_acct;
	const struct item	*it;
	struct sync_page	 page;
	json_t			*doc;
	char			*body, *extra;
	size_t			 i;

	(void)state;
	pa.now = 1616198400;			/* 2021-03-20T00:00:00Z */
	pa.history_days = 1200;
	body = sample("instagram/user_tags.json", NULL);
	assert_int_equal(stream(&instagram_ops, &pa, "tags", NULL, 200, body,
	    &page, NULL), 0);
	assert_int_equal(page.items.n, 5);
	assert_int_equal(page.nposts, 5);
	for (i = 0; i < nitems(want); i++) {
		it = &page.items.v[i];
		assert_string_equal(it->remote_id, want[i].id);
		assert_string_equal(it->post_remote_id, want[i].id);
		assert_null(it->parent_remote_id);
		assert_int_equal(it->kind, ITEM_MENTION);
		assert_int_equal(it->own, 0);
		/* Someone's media without a username: not the account's. */
		assert_string_equal(it->author_handle, "");
		assert_string_equal(it->author_name, "");
		assert_string_equal(it->text, want[i].text);
		assert_int_equal(it->created, want[i].created);
		assert_int_equal(it->like_count, want[i].likes);
		assert_string_equal(it->permalink, want[i].permalink);
		assert_string_equal(it->attachment, "IMAGE");
		extra = xprintf("{\"post\":\"%s\"}", want[i].id);
		assert_string_equal(it->extra, extra);
		free(extra);
		assert_string_equal(page.posts[i].remote_id, want[i].id);
		assert_int_equal(page.posts[i].own, 0);
		assert_string_equal(page.posts[i].author_handle, "");
	}
	assert_int_equal(page.nfetch, 0);
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "counts=&swept=1616198400");
	assert_page_clean(&page);
	sync_page_clear(&page);

	/* A month of history: the two newest. */
	pa.history_days = 30;
	assert_int_equal(stream(&instagram_ops, &pa, "tags", NULL, 200, body,
	    &page, NULL), 0);
	assert_int_equal(page.items.n, 2);
	assert_int_equal(page.more, 0);
	sync_page_clear(&page);
	free(body);

	/* With a username, it is the author's. */
	doc = sample_json("instagram/user_tags.json");
	json_object_set_new(json_array_get(json_object_get(doc, "data"), 0),
	    "username", json_string("\xe2\x80\xaeshopper"));
	json_object_set_new(json_array_get(json_object_get(doc, "data"), 1),
	    "username", json_string("ikroskun"));
	body = dump(doc);
	assert_int_equal(stream(&instagram_ops, &pa, "tags", NULL, 200, body,
	    &page, NULL), 0);
	assert_string_equal(page.items.v[0].author_handle, "shopper");
	assert_string_equal(page.items.v[0].author_name, "shopper");
	assert_string_equal(page.items.v[1].author_handle, "ikroskun");
	assert_int_equal(page.items.v[1].own, 0);
	sync_page_clear(&page);
	free(body);

	/* The mentioned_media of a mention webhook's lookup. */
	pa = ig_acct;
	pa.now = 1629417600;			/* 2021-08-20T00:00:00Z */
	body = sample_member_in_data("instagram/user_mentioned_media.json",
	    "mentioned_media");
	assert_int_equal(stream(&instagram_ops, &pa, "tags", NULL, 200, body,
	    &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	it = &page.items.v[0];
	assert_string_equal(it->remote_id, "17889114512354744");
	assert_int_equal(it->kind, ITEM_MENTION);
	assert_string_equal(it->text, "@ikroskun hey");
	assert_string_equal(it->attachment, "CAROUSEL_ALBUM");
	assert_int_equal(it->created, 1629363622);
	assert_int_equal(it->like_count, 0);
	assert_null(it->permalink);
	sync_page_clear(&page);
	free(body);
}

/* Bad media answers fail and move no cursor. */
static void
test_instagram_stream_bad_answers(void **state)
{
	static const char *const bodies[] = {
		"", "[]", "{}", "{\"data\":{}}", "{\"data\":[", "null",
	};
	struct sync_page	 page;
	char			*cause, *big;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(bodies); i++) {
		assert_int_equal(stream(&instagram_ops, &ig_acct, "media", NULL,
		    200, bodies[i], &page, &cause), -1);
		assert_non_null(cause);
		assert_true(clean_line(cause));
		assert_null(page.next_cursor);
		free(cause);
		sync_page_clear(&page);
	}
	assert_int_equal(stream(&instagram_ops, &ig_acct, "tags", NULL, 403,
	    "{\"error\":{\"code\":10,\"message\":\"(#10) Application does "
	    "not have permission for this action\"}}", &page, &cause), -1);
	assert_true(strncmp(cause, "the login lacks a permission for this "
	    "(error 10: (#10) Application does not have permission for this "
	    "action); ", 106) == 0);
	free(cause);
	big = big_body("{\"data\":[", ' ', 20 << 20, "]}");
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", NULL, 200,
	    big, &page, &cause), -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(big);
	assert_int_equal(instagram_ops.sync_parse(&ig_acct, "feed", NULL,
	    &page, &cause), -1);
	assert_string_equal(cause, "Instagram: no stream \"feed\"");
	free(cause);
}

/* The comments and replies requests. */
static void
test_instagram_fetch_requests(void **state)
{
	static const struct {
		const char	*key;
		const char	*url;
	} good[] = {
		{ "i:" IG_MEDIA, GRAPH IG_MEDIA "/comments?" IG_COMMENT_Q
		    "&limit=50" },
		{ "i:" IG_MEDIA ":after", GRAPH IG_MEDIA "/comments?"
		    IG_COMMENT_Q "&limit=50&after=after" },
		{ "r:" IG_MEDIA ":" IG_TOP, GRAPH IG_TOP "/replies?fields="
		    IG_REPLY_F "&limit=50" },
		{ "r:" IG_MEDIA ":" IG_TOP ":QVF/=&", GRAPH IG_TOP
		    "/replies?fields=" IG_REPLY_F "&limit=50"
		    "&after=QVF%2F%3D%26" },
	};
	static const char *const bad[] = {
		"", "i:", "i:../me", "i:1/2", "i:me", "i:_1", "r:" IG_MEDIA,
		"r:" IG_MEDIA ":", "r::1", "r:1:2:3:4", "i:1:2:3", "x:1",
		"c:1:0", "i:1:a b", "i:1:", "r:1:2:\x1b", "r:1:../me",
		"r:1:2:\xc3\xa9", "I:1",
	};
	struct platform_request	 req;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(good); i++) {
		assert_int_equal(instagram_ops.fetch_request(&ig_acct,
		    good[i].key, &req, NULL), 0);
		assert_request(&req, "GET", good[i].url, NULL, NULL);
		platform_request_clear(&req);
	}
	for (i = 0; i < nitems(bad); i++) {
		cause = NULL;
		assert_int_equal(instagram_ops.fetch_request(&ig_acct, bad[i],
		    &req, &cause), -1);
		assert_string_equal(cause, "Instagram: not a comments key");
		free(cause);
	}
	assert_int_equal(instagram_ops.fetch_request(&ig_acct, NULL, &req,
	    NULL), -1);
}

/* media_comments_page1/2: a media's comments, page by page. */
static void
test_instagram_media_comments(void **state)
{
	const struct item	*it;
	struct sync_page	 page;
	char			*p1, *p2;

	(void)state;
	p1 = sample("instagram/media_comments_page1.json", NULL);
	p2 = sample("instagram/media_comments_page2_last.json", NULL);
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    p1, &page, NULL), 0);
	assert_int_equal(page.items.n, 2);
	it = &page.items.v[0];
	assert_string_equal(it->remote_id, "17858154961981086");
	assert_string_equal(it->post_remote_id, IG_MEDIA);
	assert_null(it->parent_remote_id);
	assert_int_equal(it->kind, ITEM_COMMENT);
	assert_int_equal(it->account_id, 4);
	assert_int_equal(it->own, 0);
	assert_string_equal(it->author_handle, "");
	assert_string_equal(it->author_name, "");
	assert_string_equal(it->text, "Beautiful!");
	assert_int_equal(it->created, 1591009012);
	assert_int_equal(it->hidden, 0);
	assert_int_equal(it->like_count, 0);
	assert_null(it->permalink);
	assert_string_equal(it->extra, "{\"post\":\"" IG_MEDIA "\",\"top\":"
	    "\"17858154961981086\"}");
	assert_string_equal(page.items.v[1].remote_id, "17874875428706419");
	assert_int_equal(page.items.v[1].created, 1591006599);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "i:" IG_MEDIA ":after");
	assert_int_equal(page.more, 0);
	assert_null(page.notice);
	assert_page_clean(&page);
	sync_page_clear(&page);

	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA
	    ":after", 200, p2, &page, NULL), 0);
	assert_int_equal(page.items.n, 2);
	assert_string_equal(page.items.v[0].remote_id, IG_TOP);
	assert_string_equal(page.items.v[0].text, "@ikroskun  Hey, guys");
	assert_string_equal(page.items.v[1].remote_id, "17914413430382429");
	assert_string_equal(page.items.v[1].text, "@ikroskun");
	assert_int_equal(page.items.v[1].created, 1582535460);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);
	free(p1);
	free(p2);
}

/* Two levels: a comment with its replies, and a comment's replies. */
static void
test_instagram_threads(void **state)
{
	static const char extra[] = "{\"post\":\"" IG_MEDIA "\",\"top\":\""
	    IG_TOP "\"}";
	const struct item	*it;
	struct sync_page	 page;
	json_t			*doc, *replies;
	char			*body;

	(void)state;
	body = sample_in_data("instagram/comment_node_with_replies.json");
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.items.n, 2);
	it = &page.items.v[0];
	assert_string_equal(it->remote_id, IG_TOP);
	assert_int_equal(it->kind, ITEM_COMMENT);
	assert_null(it->parent_remote_id);
	assert_int_equal(it->own, 1);		/* the account's username */
	assert_string_equal(it->author_handle, "ikroskun");
	assert_string_equal(it->author_name, "ikroskun");
	assert_string_equal(it->text, "@ikroskun  Hey, guys");
	assert_int_equal(it->like_count, 1);
	assert_int_equal(it->created, 1582535716);
	assert_string_equal(it->extra, extra);
	it = &page.items.v[1];
	assert_string_equal(it->remote_id, IG_REPLY);
	assert_int_equal(it->kind, ITEM_REPLY);
	assert_string_equal(it->parent_remote_id, IG_TOP);
	assert_string_equal(it->post_remote_id, IG_MEDIA);
	assert_int_equal(it->own, 0);
	assert_string_equal(it->author_handle, "");
	assert_string_equal(it->text, "@ikroskun Nice");
	assert_int_equal(it->created, 1582535888);
	assert_string_equal(it->extra, extra);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);
	free(body);

	/* More replies than came along: a key for the rest of them. */
	doc = sample_json("instagram/comment_node_with_replies.json");
	replies = json_object_get(doc, "replies");
	json_object_set_new(replies, "paging", json_pack("{s:s}", "next",
	    "https://evil.example/x?access_token=SECRET&after=QVFI"));
	body = dump(json_pack("{s:[o],s:{s:s}}", "data", doc, "paging", "next",
	    "https://graph.facebook.com/v26.0/x/comments?after=QQ"));
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.items.n, 2);
	assert_int_equal(page.nfetch, 2);
	assert_string_equal(page.fetch[0], "r:" IG_MEDIA ":" IG_TOP ":QVFI");
	assert_string_equal(page.fetch[1], "i:" IG_MEDIA ":QQ");
	sync_page_clear(&page);
	free(body);

	/* comment_replies.json: the page of one comment's replies. */
	body = sample("instagram/comment_replies.json", NULL);
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "r:" IG_MEDIA ":"
	    IG_TOP, 200, body, &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	it = &page.items.v[0];
	assert_string_equal(it->remote_id, "17847314687296283");
	assert_int_equal(it->kind, ITEM_REPLY);
	assert_string_equal(it->parent_remote_id, IG_TOP);
	assert_string_equal(it->post_remote_id, IG_MEDIA);
	assert_string_equal(it->text, "@lixiangguodu123 nihao");
	assert_int_equal(it->created, 1596771006);
	assert_string_equal(it->extra, extra);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);
	free(body);
	doc = sample_json("instagram/comment_replies.json");
	json_object_set_new(doc, "paging", json_pack("{s:s}", "next",
	    "https://graph.facebook.com/v26.0/1/replies?after=AFT"));
	body = dump(doc);
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "r:" IG_MEDIA ":"
	    IG_TOP ":BEF", 200, body, &page, NULL), 0);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "r:" IG_MEDIA ":" IG_TOP ":AFT");
	sync_page_clear(&page);
	free(body);
	/* A position with ':' would break the key: dropped. */
	doc = sample_json("instagram/comment_replies.json");
	json_object_set_new(doc, "paging", json_pack("{s:s}", "next",
	    "https://graph.facebook.com/v26.0/1/replies?after=A%3AB"));
	body = dump(doc);
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "r:" IG_MEDIA ":"
	    IG_TOP, 200, body, &page, NULL), 0);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);
	free(body);

	/* comment_node_fields.json and a mentioned_comment. */
	body = sample_in_data("instagram/comment_node_fields.json");
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	assert_string_equal(page.items.v[0].remote_id, IG_TOP);
	assert_string_equal(page.items.v[0].text, "@ikroskun Hey, guys");
	assert_int_equal(page.items.v[0].like_count, 1);
	assert_int_equal(page.items.v[0].own, 1);
	sync_page_clear(&page);
	free(body);
	body = sample_member_in_data("instagram/user_mentioned_comment.json",
	    "mentioned_comment");
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:17889114512354744",
	    200, body, &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	it = &page.items.v[0];
	assert_string_equal(it->remote_id, "17967008497439572");
	assert_string_equal(it->post_remote_id, "17889114512354744");
	assert_string_equal(it->text, "@ikroskun good");
	assert_int_equal(it->created, 1629364456);
	assert_string_equal(it->author_handle, "ikroskun");
	sync_page_clear(&page);
	free(body);
}

/* Hostile comments: skipped or made safe; bad pages fail. */
static void
test_instagram_comments_hostile(void **state)
{
	static const char body[] = "{\"data\":[null,{\"id\":\"../me\","
	    "\"timestamp\":\"2020-06-01T10:56:52+0000\"},{\"id\":\"1a\","
	    "\"timestamp\":\"2020-06-01T10:56:52+0000\"},{\"id\":\"17\","
	    "\"text\":\"no time\"},{\"id\":\"18\",\"timestamp\":"
	    "\"2020-06-01T10:56:52+0000\",\"text\":\"\\u001b]52;c;ZXZpbA=="
	    "\\u0007hi\\u202e\",\"username\":\"\\u001b[31mmallory\\u009b\","
	    "\"from\":{\"id\":\"" IG_ID "\"},\"hidden\":\"true\","
	    "\"like_count\":-1,\"replies\":{\"data\":[{\"id\":\"19\","
	    "\"timestamp\":\"2020-06-01T10:57:00+0000\",\"text\":\"r\","
	    "\"from\":{\"id\":\"5\",\"username\":\"bob\"}},{\"id\":\"../x\"}],"
	    "\"paging\":{\"next\":5}}},{\"id\":\"20\",\"timestamp\":"
	    "\"2020-06-01T10:58:00+0000\",\"replies\":\"x\",\"hidden\":true,"
	    "\"like_count\":4}]}";
	static const char *const bad[] = {
		"", "[]", "{}", "{\"data\":5}", "{\"data\":[", "\xff",
	};
	struct sync_page	 page;
	char			*cause, *big;
	size_t			 i;
	struct buf		 b;

	(void)state;
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    body, &page, NULL), 0);
	assert_int_equal(page.items.n, 3);
	assert_string_equal(page.items.v[0].remote_id, "18");
	assert_string_equal(page.items.v[0].text, "hi");
	assert_string_equal(page.items.v[0].author_handle, "mallory");
	assert_int_equal(page.items.v[0].own, 1);	/* from.id */
	assert_int_equal(page.items.v[0].hidden, 0);
	assert_int_equal(page.items.v[0].like_count, 0);
	assert_string_equal(page.items.v[1].remote_id, "19");
	assert_int_equal(page.items.v[1].kind, ITEM_REPLY);
	assert_string_equal(page.items.v[1].parent_remote_id, "18");
	assert_string_equal(page.items.v[1].author_handle, "bob");
	assert_int_equal(page.items.v[1].own, 0);
	assert_string_equal(page.items.v[2].remote_id, "20");
	assert_int_equal(page.items.v[2].kind, ITEM_COMMENT);
	assert_string_equal(page.items.v[2].text, "");
	assert_int_equal(page.items.v[2].hidden, 1);
	assert_int_equal(page.items.v[2].like_count, 4);
	assert_int_equal(page.nfetch, 0);
	assert_page_clean(&page);
	sync_page_clear(&page);

	/* A 1 MB comment is cut at 64 KiB. */
	buf_init(&b, 0);
	buf_addstr(&b, "{\"data\":[{\"id\":\"21\",\"timestamp\":"
	    "\"2020-06-01T10:58:00+0000\",\"text\":\"");
	for (i = 0; i < (1 << 20) / 64; i++) {	/* lines of 64 bytes */
		buf_addstr(&b, "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww"
		    "wwwwwwwwwwwwwww\\n");
	}
	buf_addstr(&b, "\"}]}");
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    b.data, &page, NULL), 0);
	assert_int_equal(page.items.n, 1);
	/* 1024 lines, without the last line's end. */
	assert_int_equal(strlen(page.items.v[0].text), 65536 - 1);
	assert_int_equal(page.items.v[0].text[63], '\n');
	sync_page_clear(&page);
	buf_free(&b);

	for (i = 0; i < nitems(bad); i++) {
		assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA,
		    200, bad[i], &page, &cause), -1);
		assert_non_null(cause);
		assert_true(clean_line(cause));
		assert_int_equal(page.items.n, 0);
		free(cause);
		sync_page_clear(&page);
	}
	big = big_body("{\"data\":[", ' ', 20 << 20, "]}");
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "r:1:2", 200, big,
	    &page, &cause), -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(big);
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:1", 400,
	    "{\"error\":{\"code\":100,\"error_subcode\":33}}", &page, &cause),
	    -1);
	assert_string_equal(cause, "it is no longer there (error 100/33)");
	free(cause);
	memset(&page, 0, sizeof page);
	assert_int_equal(instagram_ops.fetch_parse(&ig_acct, "i:../me", NULL,
	    &page, &cause), -1);
	assert_string_equal(cause, "Instagram: not a comments key");
	free(cause);
}

/* What the account does: replies under the thread's top, hide, delete. */
static void
test_instagram_actions(void **state)
{
	static const char extra[] = "{\"post\":\"" IG_MEDIA "\",\"top\":\""
	    IG_TOP "\"}";
	static const struct {
		int		 kind;
		const char	*target;
		const char	*extra;
		const char	*body;
		const char	*method;
		const char	*url;
		const char	*form;
	} cases[] = {
		{ ACTION_REPLY, IG_REPLY, extra, "Thanks @ikroskun "
		    "\xf0\x9f\x98\x8a", "POST", GRAPH IG_TOP "/replies",
		    "message=Thanks%20%40ikroskun%20%F0%9F%98%8A" },
		{ ACTION_REPLY, IG_TOP, NULL, "a&b=c", "POST",
		    GRAPH IG_TOP "/replies", "message=a%26b%3Dc" },
		{ ACTION_REPLY, IG_REPLY, "{\"top\":\"../me\"}", "x", "POST",
		    GRAPH IG_REPLY "/replies", "message=x" },
		{ ACTION_REPLY, IG_REPLY, "not json", "x", "POST",
		    GRAPH IG_REPLY "/replies", "message=x" },
		{ ACTION_HIDE, IG_REPLY, extra, NULL, "POST", GRAPH IG_REPLY,
		    "hide=true" },
		{ ACTION_UNHIDE, IG_REPLY, extra, NULL, "POST", GRAPH IG_REPLY,
		    "hide=false" },
		{ ACTION_DELETE, IG_REPLY, extra, NULL, "DELETE",
		    GRAPH IG_REPLY, NULL },
	};
	static const struct {
		int		 kind;
		const char	*target;
		const char	*body;
		const char	*cause;
	} refused[] = {
		{ ACTION_LIKE, IG_TOP, NULL,
		    "Instagram cannot like a comment through its API" },
		{ ACTION_UNLIKE, IG_TOP, NULL,
		    "Instagram cannot unlike a comment through its API" },
		{ ACTION_PRIVATE_REPLY, IG_TOP, "hi",
		    "Instagram cannot private-reply a comment through its API" },
		{ ACTION_REPLY, IG_TOP, "", "Instagram: an empty reply" },
		{ ACTION_REPLY, IG_TOP, NULL, "Instagram: an empty reply" },
		{ ACTION_REPLY, IG_TOP, "\xed\xa0\x80",
		    "Instagram: the reply is not valid UTF-8 text" },
		{ ACTION_REPLY, "../me", "hi", "Instagram: not a comment's id" },
		/* The media itself: a post the account is tagged in. */
		{ ACTION_REPLY, IG_MEDIA, "hi", "Instagram lets heed answer "
		    "comments only, not a post the account is tagged in; "
		    "answer it in the Instagram app" },
		{ ACTION_HIDE, "17/replies", NULL,
		    "Instagram: not a comment's id" },
		{ ACTION_DELETE, NULL, NULL, "Instagram: not a comment's id" },
	};
	struct platform_request	 req;
	struct outbox_entry	 e;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		e = entry(cases[i].kind, cases[i].target, cases[i].body,
		    cases[i].extra, 1628898000);
		assert_int_equal(instagram_ops.action_request(&ig_acct, &e,
		    &req, NULL), 0);
		assert_request(&req, cases[i].method, cases[i].url,
		    cases[i].form, cases[i].form != NULL ?
		    "application/x-www-form-urlencoded" : NULL);
		platform_request_clear(&req);
	}
	for (i = 0; i < nitems(refused); i++) {
		e = entry(refused[i].kind, refused[i].target, refused[i].body,
		    extra, 0);
		cause = NULL;
		memset(&req, 0, sizeof req);
		assert_int_equal(instagram_ops.action_request(&ig_acct, &e,
		    &req, &cause), -1);
		assert_string_equal(cause, refused[i].cause);
		assert_null(req.url);
		free(cause);
	}
}

/* The answers to actions, and reconciling a lost reply. */
static void
test_instagram_action_parse_and_reconcile(void **state)
{
	static const char extra[] = "{\"post\":\"" IG_MEDIA "\",\"top\":\""
	    IG_TOP "\"}";
	static const char others[] = "{\"id\":\"17900000000000001\","
	    "\"text\":\"Thanks!\",\"username\":\"someone\",\"timestamp\":"
	    "\"2021-08-13T23:50:01+0000\"},{\"id\":\"17900000000000002\","
	    "\"text\":\"Thanks!\",\"username\":\"ikroskun\",\"timestamp\":"
	    "\"2021-08-13T23:23:20+0000\"},{\"id\":\"17900000000000003\","
	    "\"text\":\"Thanks!!\",\"from\":{\"id\":\"" IG_ID "\"},"
	    "\"timestamp\":\"2021-08-13T23:50:01+0000\"}";
	static const char mine[] = "{\"id\":\"17900000000000004\","
	    "\"text\":\"Thanks!\\n\",\"from\":{\"id\":\"" IG_ID "\"},"
	    "\"timestamp\":\"2021-08-13T23:50:01+0000\"}";
	struct platform_response	 res;
	struct platform_request		 req;
	struct action_result		 r;
	struct outbox_entry		 e;
	char				*body, *cause;

	(void)state;
	body = sample("instagram/comment_reply_create_response_docs.json",
	    NULL);
	res = answer(200, body);
	e = entry(ACTION_REPLY, IG_REPLY, "Thanks!\x1b[2J", extra,
	    1628898000);
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "17873440459141021");
	assert_int_equal(r.have_created, 1);
	assert_string_equal(r.created.remote_id, "17873440459141021");
	assert_string_equal(r.created.post_remote_id, IG_MEDIA);
	assert_string_equal(r.created.parent_remote_id, IG_TOP);
	assert_int_equal(r.created.kind, ITEM_REPLY);
	assert_int_equal(r.created.own, 1);
	assert_string_equal(r.created.author_handle, "ikroskun");
	assert_string_equal(r.created.author_name, "ikroskun");
	assert_string_equal(r.created.text, "Thanks!");
	assert_int_equal(r.created.created, ig_acct.now);
	assert_string_equal(r.created.extra, extra);
	action_result_clear(&r);
	free(body);
	res = answer(200, "{\"id\":\"1/../2\"}");
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "malformed response: no id");
	free(cause);

	e = entry(ACTION_HIDE, IG_REPLY, NULL, extra, 1628898000);
	res = answer(200, "{\"success\":true}");
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_int_equal(r.have_created, 0);
	res = answer(200, "{\"success\":false}");
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    NULL), -1);
	res = answer(400, "{\"error\":{\"code\":4}}");
	assert_int_equal(instagram_ops.action_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "the app's request limit is reached "
	    "(error 4)");
	free(cause);

	/* Reconcile requests: the thread's replies, or the comment. */
	e = entry(ACTION_REPLY, IG_REPLY, "Thanks!", extra, 1628898000);
	assert_int_equal(instagram_ops.reconcile_request(&ig_acct, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH IG_TOP "/replies?fields=id%2Ctext"
	    "%2Cusername%2Cfrom%7Bid%7D%2Ctimestamp&limit=100", NULL, NULL);
	platform_request_clear(&req);
	e.kind = ACTION_HIDE;
	assert_int_equal(instagram_ops.reconcile_request(&ig_acct, &e, &req,
	    NULL), 0);
	assert_request(&req, "GET", GRAPH IG_REPLY "?fields=id%2Chidden", NULL,
	    NULL);
	platform_request_clear(&req);
	e.target_remote_id = (char *)"../me";
	assert_int_equal(instagram_ops.reconcile_request(&ig_acct, &e, &req,
	    &cause), -1);
	assert_string_equal(cause, "Instagram: not a comment's id");
	free(cause);

	/* Among the replies: by id or by username, same text, recent. */
	e = entry(ACTION_REPLY, IG_REPLY, "Thanks!", extra, 1628898000);
	body = sample("instagram/comment_replies.json", NULL);
	res = answer(200, body);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	free(body);
	body = xprintf("{\"data\":[%s,%s]}", others, mine);
	res = answer(200, body);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "17900000000000004");
	assert_string_equal(r.created.parent_remote_id, IG_TOP);
	assert_int_equal(r.created.created, 1628898601);
	action_result_clear(&r);
	free(body);
	body = xprintf("{\"data\":[%s]}", others);
	res = answer(200, body);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	assert_null(r.remote_id);
	assert_null(r.next);
	free(body);
	/* Not on this page of many: the next one is read first. */
	body = xprintf("{\"data\":[%s],\"paging\":{\"next\":\"https://"
	    "graph.facebook.com/v26.0/" IG_TOP "/replies?after=R2\"}}",
	    others);
	res = answer(200, body);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	assert_string_equal(r.next, "R2");
	action_result_clear(&r);
	free(body);
	{
		struct platform_account	pa = ig_acct;

		pa.reconcile_page = "R2";
		assert_int_equal(instagram_ops.reconcile_request(&pa, &e, &req,
		    NULL), 0);
		assert_request(&req, "GET", GRAPH IG_TOP "/replies?fields=id"
		    "%2Ctext%2Cusername%2Cfrom%7Bid%7D%2Ctimestamp&limit=100"
		    "&after=R2", NULL, NULL);
		platform_request_clear(&req);
	}
	/* A reply that names no author at all: the text and time decide. */
	res = answer(200, "{\"data\":[{\"id\":\"17900000000000006\","
	    "\"text\":\"Thanks!\",\"timestamp\":\"2021-08-13T23:50:01"
	    "+0000\"}]}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "17900000000000006");
	action_result_clear(&r);
	/* One by an unknown username, or another id, is someone else's. */
	res = answer(200, "{\"data\":[{\"id\":\"17900000000000007\","
	    "\"text\":\"Thanks!\",\"from\":{\"id\":\"17800000000000001\"},"
	    "\"timestamp\":\"2021-08-13T23:50:01+0000\"}]}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	action_result_clear(&r);
	res = answer(200, "{\"data\":[{\"id\":\"17900000000000005\","
	    "\"text\":\"Thanks!\",\"username\":\"ikroskun\"}]}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	assert_string_equal(r.remote_id, "17900000000000005");
	assert_int_equal(r.created.created, ig_acct.now);
	action_result_clear(&r);
	res = answer(200, "{\"data\":{}}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Instagram: malformed response: no data");
	free(cause);
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, NULL, &r,
	    NULL), -1);

	/* Gone: a delete is done; a reply cannot be. */
	res = answer(400, "{\"error\":{\"code\":100,\"error_subcode\":33}}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Instagram: the comment is gone");
	free(cause);
	e.kind = ACTION_DELETE;
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	res = answer(200, "{\"id\":\"" IG_REPLY "\",\"hidden\":false}");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 1);
	e.kind = ACTION_HIDE;
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    NULL), 0);
	res = answer(503, "");
	assert_int_equal(instagram_ops.reconcile_parse(&ig_acct, &e, &res, &r,
	    &cause), -1);
	assert_string_equal(cause, "Instagram answered 503");
	free(cause);
}

/* The login and doctor samples, through graph-login.c's readers. */
static void
test_graph_login_samples(void **state)
{
	struct platform_response	 res;
	struct graph_token_info		 ti;
	struct graph_page		*pages = NULL;
	size_t				 n = 0;
	char				*body, *after, *token, *cause;

	(void)state;
	body = sample("facebook/debug_token_response.json", NULL);
	res = answer(200, body);
	assert_int_equal(graph_debug_parse(&res, &ti, NULL), 0);
	assert_int_equal(ti.valid, 1);
	assert_string_equal(ti.type, "USER");
	assert_null(ti.error);
	assert_int_equal(ti.expires_at, 1577347200);
	assert_int_equal(ti.data_access_expires_at, 1585040349);
	assert_int_equal(ti.nscopes, 5);
	assert_string_equal(ti.scopes[0], "email");
	assert_string_equal(ti.scopes[2], "manage_pages");
	assert_string_equal(ti.scopes[4], "public_profile");
	graph_token_info_clear(&ti);
	free(body);

	body = sample("facebook/me_accounts_page_tokens_cjk.json", NULL);
	res = answer(200, body);
	assert_int_equal(graph_pages_parse(&res, &pages, &n, &after, NULL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(pages[0].id, MYLIFE_ID);
	assert_string_equal(pages[0].name, "MyLife");
	assert_string_equal(pages[0].token, "access_token");
	assert_null(pages[0].ig_id);
	assert_int_equal(pages[0].moderate, 1);
	assert_null(after);		/* cursors, but no next page */
	graph_pages_free(pages, n);
	free(body);

	body = sample("facebook/oauth_long_lived_token_response.json", NULL);
	res = answer(200, body);
	assert_int_equal(graph_poll_parse(&res, &token, NULL), GRAPH_POLL_DONE);
	assert_string_equal(token, "token");
	free(token);
	free(body);

	/* A token-less answer is no login. */
	res = answer(200, "{\"token_type\":\"bearer\"}");
	assert_int_equal(graph_poll_parse(&res, &token, &cause),
	    GRAPH_POLL_ERROR);
	assert_null(token);
	assert_string_equal(cause, "malformed response: no token");
	free(cause);
}

/*
 * Found by fuzzing: a token in an answer (a poll's, a Page's) went as it
 * was into the keyring and the Authorization header, controls and line
 * ends included. Only printable ASCII without spaces is a token, or a
 * device login's code.
 */
static void
test_graph_login_refuses_unsendable_tokens(void **state)
{
	struct platform_response	 res;
	struct graph_page		*pages = NULL;
	struct graph_device		 d;
	size_t				 n = 0;
	char				*after, *token, *cause = NULL;

	(void)state;
	res = answer(200, "{\"access_token\":\"EAAB\\r\\nX-Evil: 1\"}");
	assert_int_equal(graph_poll_parse(&res, &token, &cause),
	    GRAPH_POLL_ERROR);
	assert_null(token);
	assert_string_equal(cause, "malformed response: no token");
	free(cause);
	res = answer(200, "{\"access_token\":\"EAAB \\u001b[31m\"}");
	assert_int_equal(graph_poll_parse(&res, &token, NULL),
	    GRAPH_POLL_ERROR);
	assert_null(token);

	res = answer(200, "{\"data\":[{\"id\":\"1\",\"name\":\"A\","
	    "\"access_token\":\"ac\\u001b[31m\"},{\"id\":\"2\","
	    "\"name\":\"B\",\"access_token\":\"caf\\u00e9\"},{\"id\":"
	    "\"3\",\"name\":\"C\",\"access_token\":\"EAAB3\"}]}");
	assert_int_equal(graph_pages_parse(&res, &pages, &n, &after, NULL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(pages[0].id, "3");
	assert_string_equal(pages[0].token, "EAAB3");
	graph_pages_free(pages, n);
	free(after);

	/* A next page whose cursor has controls in it is no next page. */
	pages = NULL;
	n = 0;
	res = answer(200, "{\"data\":[],\"paging\":{\"next\":\"https://"
	    "graph.facebook.com/v26.0/me/accounts?after=a%1Bb\"}}");
	assert_int_equal(graph_pages_parse(&res, &pages, &n, &after, NULL), 0);
	assert_null(after);
	res = answer(200, "{\"data\":[],\"paging\":{\"next\":\"https://"
	    "graph.facebook.com/v26.0/me/accounts?after=QVFIUk\"}}");
	assert_int_equal(graph_pages_parse(&res, &pages, &n, &after, NULL), 0);
	assert_string_equal(after, "QVFIUk");
	free(after);
	graph_pages_free(pages, n);

	/* A device login's code is sent back in a form: the same holds. */
	res = answer(200, "{\"code\":\"92a2\\u001b[31m\",\"user_code\":"
	    "\"A1NWZ9\"}");
	assert_int_equal(graph_device_parse(&res, &d, &cause), -1);
	assert_string_equal(cause, "malformed response: no device code");
	free(cause);
	graph_device_clear(&d);
}

/*
 * Sweeps: a read of every comment of a post (Facebook "s:") or media
 * (Instagram "i:", with its "r:" pages) says so on each page, so the
 * engine can tell what was deleted; a page with an entry it could not
 * read says nothing, and a read since a time is never one.
 */
static void
test_graph_sweep_pages(void **state)
{
	static const char fb_two[] = "{\"data\":[{\"id\":\"" STREAM_POST
	    "_1\",\"message\":\"a\",\"created_time\":"
	    "\"2021-07-01T00:00:00+0000\"},{\"id\":\"" STREAM_POST "_2\","
	    "\"message\":\"b\",\"created_time\":\"2021-06-01T00:00:00"
	    "+0000\"}],\"paging\":{\"next\":\"https://graph.facebook.com/"
	    "v26.0/x/comments?after=QVF2\"}}";
	static const char fb_noid[] = "{\"data\":[{\"message\":\"a\","
	    "\"created_time\":\"2021-07-01T00:00:00+0000\"}]}";
	static const char fb_bad[] = "{\"data\":[{\"id\":\"" STREAM_POST
	    "_1\",\"message\":\"a\"}]}";
	static const char ig_flat[] = "{\"data\":[{\"id\":\"" IG_TOP "\","
	    "\"text\":\"top\",\"timestamp\":\"2021-08-01T00:00:00+0000\"},"
	    "{\"id\":\"" IG_REPLY "\",\"text\":\"reply\",\"parent_id\":"
	    "\"" IG_TOP "\",\"timestamp\":\"2021-08-01T00:01:00+0000\"}],"
	    "\"paging\":{\"cursors\":{\"after\":\"E1\"},\"next\":"
	    "\"https://graph.facebook.com/v26.0/m/comments?after=E1\"}}";
	static const char ig_empty_next[] = "{\"data\":[],\"paging\":"
	    "{\"next\":\"https://graph.facebook.com/v26.0/m/comments?"
	    "after=E2\"}}";
	struct sync_page	 page;

	(void)state;
	/* Facebook: the first page of a sweep, which reads on though every
	 * comment on it is old. */
	assert_int_equal(fetch(&facebook_ops, &fb_page, "s:" STREAM_POST, 200,
	    fb_two, &page, NULL), 0);
	assert_int_equal(page.items.n, 2);
	assert_string_equal(page.sweep, STREAM_POST);
	assert_int_equal(page.sweep_first, 1);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "s:" STREAM_POST ":QVF2");
	sync_page_clear(&page);
	/* A later page of it; a next that names it again is not followed. */
	assert_int_equal(fetch(&facebook_ops, &fb_page, "s:" STREAM_POST
	    ":QVF2", 200, fb_two, &page, NULL), 0);
	assert_string_equal(page.sweep, STREAM_POST);
	assert_int_equal(page.sweep_first, 0);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);
	/* Comments without ids, or without a time: no sweep. */
	assert_int_equal(fetch(&facebook_ops, &fb_page, "s:" STREAM_POST, 200,
	    fb_noid, &page, NULL), 0);
	assert_null(page.sweep);
	assert_non_null(page.notice);
	sync_page_clear(&page);
	assert_int_equal(fetch(&facebook_ops, &fb_page, "s:" STREAM_POST, 200,
	    fb_bad, &page, NULL), 0);
	assert_int_equal(page.items.n, 0);
	assert_null(page.sweep);
	sync_page_clear(&page);
	/* A read since a time is no sweep, and stops at what is old. */
	assert_int_equal(fetch(&facebook_ops, &fb_page, "c:" STREAM_POST
	    ":1626000000", 200, fb_two, &page, NULL), 0);
	assert_null(page.sweep);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);

	/* Instagram: a reply listed among the comments hangs on its
	 * parent; the first page begins the sweep. */
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    ig_flat, &page, NULL), 0);
	assert_int_equal(page.items.n, 2);
	assert_null(page.items.v[0].parent_remote_id);
	assert_int_equal(page.items.v[1].kind, ITEM_REPLY);
	assert_string_equal(page.items.v[1].parent_remote_id, IG_TOP);
	assert_string_equal(page.sweep, IG_MEDIA);
	assert_int_equal(page.sweep_first, 1);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "i:" IG_MEDIA ":E1");
	sync_page_clear(&page);
	/* An empty page with a next is read on (a page can be empty). */
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA ":E1",
	    200, ig_empty_next, &page, NULL), 0);
	assert_string_equal(page.sweep, IG_MEDIA);
	assert_int_equal(page.sweep_first, 0);
	assert_int_equal(page.nfetch, 1);
	assert_string_equal(page.fetch[0], "i:" IG_MEDIA ":E2");
	sync_page_clear(&page);
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA ":E2",
	    200, ig_empty_next, &page, NULL), 0);
	assert_int_equal(page.nfetch, 0);
	sync_page_clear(&page);
	/* A page of one comment's replies belongs to the media's sweep. */
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "r:" IG_MEDIA ":"
	    IG_TOP ":E1", 200, ig_flat, &page, NULL), 0);
	assert_string_equal(page.sweep, IG_MEDIA);
	assert_int_equal(page.sweep_first, 0);
	sync_page_clear(&page);
	/* An entry it cannot read spoils the sweep. */
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    "{\"data\":[{\"id\":\"" IG_TOP "\",\"text\":\"no time\"}]}",
	    &page, NULL), 0);
	assert_int_equal(page.items.n, 0);
	assert_null(page.sweep);
	sync_page_clear(&page);
}

/* heed doctor's Moderate check: the tasks named, or the comments' ids. */
static void
test_graph_doctor_moderate(void **state)
{
	static const struct {
		long			 status;
		const char		*body;
		enum graph_tasks	 want;
		const char		*list;
	} cases[] = {
		{ 200, "{\"id\":\"1\",\"tasks\":[\"ANALYZE\",\"ADVERTISE\"]}",
		    GRAPH_TASKS_LACKING, "ANALYZE, ADVERTISE" },
		{ 200, "{\"id\":\"1\",\"tasks\":[]}", GRAPH_TASKS_LACKING,
		    NULL },
		{ 200, "{\"id\":\"1\",\"tasks\":[\"MANAGE\"]}",
		    GRAPH_TASKS_MODERATE, "MANAGE" },
		{ 200, "{\"id\":\"1\",\"tasks\":[\"X\\u001b]0;HACKED\\u0007\","
		    "\"MODERATE\"]}", GRAPH_TASKS_MODERATE, "X, MODERATE" },
		{ 200, "{\"id\":\"1\"}", GRAPH_TASKS_UNSAID, NULL },
		{ 200, "{\"id\":\"1\",\"tasks\":\"MODERATE\"}",
		    GRAPH_TASKS_UNSAID, NULL },
		{ 400, "{\"error\":{\"message\":\"(#100) Tried accessing "
		    "nonexisting field (tasks) on node type (Page)\",\"code\":"
		    "100}}", GRAPH_TASKS_UNSAID, NULL },
		{ 200, "not json", GRAPH_TASKS_UNSAID, NULL },
	};
	struct platform_request		 req;
	struct platform_response	 res;
	json_t				*doc, *o;
	char				*body, *list, *cause = NULL;
	size_t				 i, with, without;

	(void)state;
	assert_int_equal(graph_tasks_request(&fb_page, "TOK", &req, NULL), 0);
	assert_string_equal(req.method, "GET");
	assert_non_null(strstr(req.url, "/me?fields=id%2Ctasks"));
	assert_string_equal(req.authorization, "Bearer TOK");
	platform_request_clear(&req);
	for (i = 0; i < nitems(cases); i++) {
		res = answer(cases[i].status, cases[i].body);
		if (graph_tasks_parse(&res, &list) != cases[i].want)
			fail_msg("case %zu: wrong verdict", i);
		if (cases[i].list == NULL)
			assert_true(list == NULL || *list == '\0');
		else
			assert_string_equal(list, cases[i].list);
		free(list);
	}
	/* The recorded /me/accounts entry names MODERATE (and MANAGE). */
	doc = sample_json("facebook/me_accounts_page_tokens_cjk.json");
	o = json_array_get(json_object_get(doc, "data"), 0);
	json_incref(o);
	json_decref(doc);
	body = dump(o);
	res = answer(200, body);
	assert_int_equal(graph_tasks_parse(&res, &list), GRAPH_TASKS_MODERATE);
	assert_non_null(strstr(list, "MODERATE"));
	free(list);
	free(body);

	assert_int_equal(graph_ids_request(&fb_page, "TOK", &req, NULL), 0);
	assert_non_null(strstr(req.url, "/me/feed?"));
	assert_non_null(strstr(req.url, "comments.limit%2825%29%7Bid%2Cmessage%7D"));
	platform_request_clear(&req);
	/* The recorded comments without ids (no Moderate task), as a post's. */
	o = sample_json("facebook/post_comments_stream_summary_page1.json");
	body = dump(json_pack("{s:[{s:s, s:o}, {s:s, s:{s:[{s:s}]}}, {s:s}]}",
	    "data", "id", "p1", "comments", o, "id", "p2", "comments", "data",
	    "id", "104_201", "id", "p3"));
	res = answer(200, body);
	assert_int_equal(graph_ids_parse(&res, &with, &without, NULL), 0);
	assert_int_equal(with, 1);
	assert_int_equal(without, 10);
	free(body);
	res = answer(200, "{\"data\":[]}");
	assert_int_equal(graph_ids_parse(&res, &with, &without, NULL), 0);
	assert_int_equal(with + without, 0);
	res = answer(200, "{\"nodata\":1}");
	assert_int_equal(graph_ids_parse(&res, &with, &without, &cause), -1);
	assert_non_null(cause);
	free(cause);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_graph_ops_tables),
		T(test_graph_id_and_text_limits),
		T(test_graph_session_requests),
		T(test_graph_session_parse_page_answer),
		T(test_graph_session_parse_refusals),
		T(test_graph_classify_recorded_errors),
		T(test_graph_classify_hostile_errors),
		T(test_graph_error_envelope),
		T(test_graph_pace),
		T(test_facebook_feed_request),
		T(test_facebook_feed_page_sample),
		T(test_facebook_feed_visitor_posts),
		T(test_facebook_feed_time_paging),
		T(test_facebook_feed_foreign_next),
		T(test_facebook_feed_single_cjk),
		T(test_facebook_feed_hostile_entries),
		T(test_facebook_feed_bad_answers),
		T(test_facebook_comments_request),
		T(test_facebook_comments_without_ids),
		T(test_facebook_comment_fields),
		T(test_facebook_comments_paging_and_hostile),
		T(test_facebook_comments_bad_answers),
		T(test_facebook_action_requests),
		T(test_facebook_action_refusals),
		T(test_facebook_action_parse),
		T(test_facebook_reconcile),
		T(test_instagram_stream_requests),
		T(test_instagram_media_sample),
		T(test_instagram_media_carousel),
		T(test_instagram_tags),
		T(test_instagram_stream_bad_answers),
		T(test_instagram_fetch_requests),
		T(test_instagram_media_comments),
		T(test_instagram_threads),
		T(test_instagram_comments_hostile),
		T(test_instagram_actions),
		T(test_instagram_action_parse_and_reconcile),
		T(test_graph_sweep_pages),
		T(test_graph_login_samples),
		T(test_graph_login_refuses_unsendable_tokens),
		T(test_graph_doctor_moderate),
		/* Last: every file was listed, and read by the tests above. */
		T(test_graph_every_sample_is_listed),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
