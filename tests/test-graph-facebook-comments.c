/*
 * test-graph-facebook-comments.c -- the comments of a Facebook post: the
 * request, comments without ids, every field of a comment, paging, and
 * hostile or broken answers.
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
	free(body);
}

/*
 * The recorded comment with members changed (tests/data/facebook/
 * comment-variants.cases): replies, the Page's own, hostile text.
 */
static void
test_facebook_comment_variants(void **state)
{
	struct data_cases	 cs;
	const struct data_case	*c;
	struct sync_page	 page;
	char			*body;
	size_t			 i;

	(void)state;
	data_cases_read(&cs, "facebook/comment-variants.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		body = comment_variant(c->body);
		if (fetch(&facebook_ops, &fb_mylife, "c:" CAR_POST ":0", 200,
		    body, &page, NULL) != 0 || page.items.n != 1)
			fail_msg("%s: not one comment", data_case_where(c));
		assert_item_case(c, &page.items.v[0]);
		assert_page_clean(&page);
		sync_page_clear(&page);
		free(body);
	}
	data_cases_free(&cs);
}

/*
 * Comments' paging, and hostile entries of a comments page (the rest in
 * tests/data/facebook/comments.cases).
 */
static void
test_facebook_comments_paging_and_hostile(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_request		 req;
	struct platform_response	 res;
	struct sync_page		 page;
	json_t				*doc;
	char				*body;
	size_t				 i;

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

	data_cases_read(&cs, "facebook/comments.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		res = case_answer(c);
		if (fetch(&facebook_ops, &fb_mylife, data_case_str(c, "key"),
		    res.status, res.body, &page, NULL) != 0)
			fail_msg("%s: not read", data_case_where(c));
		assert_page_case(c, &page);
		sync_page_clear(&page);
	}
	data_cases_free(&cs);
}

/*
 * A bad comments answer (tests/data/facebook/comments-bad.cases) fails,
 * and so does a bad key.
 */
static void
test_facebook_comments_bad_answers(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct sync_page		 page;
	char				*cause, *big;
	size_t				 i;

	(void)state;
	data_cases_read(&cs, "facebook/comments-bad.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		res = case_answer(c);
		if (fetch(&facebook_ops, &fb_page, "c:1_2:0", res.status,
		    res.body, &page, &cause) != -1)
			fail_msg("%s: read", data_case_where(c));
		assert_refusal_case(c, cause);
		assert_int_equal(page.items.n, 0);
		free(cause);
		sync_page_clear(&page);
	}
	data_cases_free(&cs);
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

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_facebook_comments_request),
		T(test_facebook_comments_without_ids),
		T(test_facebook_comment_fields),
		T(test_facebook_comment_variants),
		T(test_facebook_comments_paging_and_hostile),
		T(test_facebook_comments_bad_answers),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
