/*
 * test-graph-instagram-comments.c -- the comments of Instagram media: the
 * fetch requests, media comments, threads of replies, and hostile
 * answers.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

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

#include "lib/data.h"
#include "lib/graph-cases.h"
#include "lib/graph-fixture.h"

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

/*
 * Hostile comments (tests/data/instagram/comments.cases): skipped or made
 * safe.
 */
static void
test_instagram_comments_hostile(void **state)
{
	struct data_cases	 cs;
	struct sync_page	 page;
	size_t			 i;
	struct buf		 b;

	(void)state;
	data_cases_read(&cs, "instagram/comments.cases");
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "i:" IG_MEDIA, 200,
	    data_case_body(&cs, "hostile comments"), &page, NULL), 0);
	data_cases_free(&cs);
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

}

/*
 * Bad comments answers (tests/data/instagram/comments-bad.cases) fail, and
 * so do a bad key and a body too large.
 */
static void
test_instagram_comments_bad_answers(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct sync_page		 page;
	char				*cause, *big;
	size_t				 i;

	(void)state;
	data_cases_read(&cs, "instagram/comments-bad.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		res = case_answer(c);
		if (fetch(&instagram_ops, &ig_acct, data_case_str(c, "key"),
		    res.status, res.body, &page, &cause) != -1)
			fail_msg("%s: read", data_case_where(c));
		assert_refusal_case(c, cause);
		assert_int_equal(page.items.n, 0);
		free(cause);
		sync_page_clear(&page);
	}
	data_cases_free(&cs);
	big = big_body("{\"data\":[", ' ', 20 << 20, "]}");
	assert_int_equal(fetch(&instagram_ops, &ig_acct, "r:1:2", 200, big,
	    &page, &cause), -1);
	assert_string_equal(cause, "malformed response: too large");
	free(cause);
	free(big);
	memset(&page, 0, sizeof page);
	assert_int_equal(instagram_ops.fetch_parse(&ig_acct, "i:../me", NULL,
	    &page, &cause), -1);
	assert_string_equal(cause, "Instagram: not a comments key");
	free(cause);
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_instagram_fetch_requests),
		T(test_instagram_media_comments),
		T(test_instagram_threads),
		T(test_instagram_comments_hostile),
		T(test_instagram_comments_bad_answers),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
