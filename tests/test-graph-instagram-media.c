/*
 * test-graph-instagram-media.c -- an Instagram account's streams: the media
 * and tags requests, the recorded media pages, carousels, tags, and broken
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
#include "lib/request.h"

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
	assert_int_equal(sync_request_at(&instagram_ops, &pa, "stories", NULL,
	    &req, &cause), -1);
	assert_string_equal(cause, "Instagram: no stream \"stories\"");
	free(cause);
	assert_int_equal(sync_request_at(&instagram_ops, &pa, NULL, NULL, &req,
	    NULL), -1);
	pa.user_id = "../me";
	assert_int_equal(sync_request_at(&instagram_ops, &pa, "media", NULL,
	    &req, &cause), -1);
	assert_string_equal(cause, "Instagram: no session is open");
	free(cause);
	pa = ig_acct;
	pa.access = NULL;
	assert_int_equal(sync_request_at(&instagram_ops, &pa, "media", NULL,
	    &req, NULL), -1);
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
	struct data_cases	 cs;
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
	data_cases_read(&cs, "instagram/media.cases");
	assert_int_equal(stream(&instagram_ops, &ig_acct, "media", "counts="
	    MEDIA_A ".0&run=1628899190&after=before", 200, data_case_body(&cs,
	    "an empty page with a next one"), &page, NULL), 0);
	data_cases_free(&cs);
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

/*
 * Bad media answers (tests/data/instagram/media-bad.cases) fail and move
 * no cursor.
 */
static void
test_instagram_stream_bad_answers(void **state)
{
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct sync_page		 page;
	char				*cause, *big;
	size_t				 i;

	(void)state;
	data_cases_read(&cs, "instagram/media-bad.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		res = case_answer(c);
		if (stream(&instagram_ops, &ig_acct, data_case_str(c, "stream"),
		    NULL, res.status, res.body, &page, &cause) != -1)
			fail_msg("%s: read", data_case_where(c));
		assert_refusal_case(c, cause);
		assert_null(page.next_cursor);
		assert_int_equal(page.nposts, 0);
		free(cause);
		sync_page_clear(&page);
	}
	data_cases_free(&cs);
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

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_instagram_stream_requests),
		T(test_instagram_media_sample),
		T(test_instagram_media_carousel),
		T(test_instagram_tags),
		T(test_instagram_stream_bad_answers),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
