/*
 * test-graph-facebook-feed.c -- a Facebook Page's feed: the request and its
 * paging position, the recorded pages, visitors' posts, time paging run by
 * run, and hostile or broken answers.
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

	assert_int_equal(sync_request_at(&facebook_ops, &pa, "posts", NULL,
	    &req, &cause), -1);
	assert_string_equal(cause, "Facebook: no stream \"posts\"");
	free(cause);
	assert_int_equal(sync_request_at(&facebook_ops, &pa, NULL, NULL, &req,
	    NULL), -1);
	pa.user_id = "../me";
	assert_int_equal(sync_request_at(&facebook_ops, &pa, "feed", NULL,
	    &req, &cause), -1);
	assert_string_equal(cause, "Facebook: no session is open");
	free(cause);
	pa.user_id = NULL;
	assert_int_equal(sync_request_at(&facebook_ops, &pa, "feed", NULL,
	    &req, NULL), -1);
	pa.user_id = PAGE_ID;
	pa.access = NULL;
	assert_int_equal(sync_request_at(&facebook_ops, &pa, "feed", NULL,
	    &req, &cause), -1);
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
	struct data_cases	 cs;
	struct sync_page	 page;
	char			*body, *cjk, *url;

	(void)state;
	data_cases_read(&cs, "facebook/feed.cases");
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
	    data_case_body(&cs, "an empty page that names a next one"), &page,
	    NULL), 0);
	assert_int_equal(page.more, 1);
	assert_non_null(strstr(page.next_cursor, "&until=1"));
	sync_page_clear(&page);
	/*
	 * ... but a next naming the page just read stops the run short of
	 * its end: the mark stays where it was (the next run reads what is
	 * beyond), nothing counts as swept, and the user is told.
	 */
	assert_int_equal(stream(&facebook_ops, &pa, "feed", page2_cursor, 200,
	    data_case_body(&cs, "an empty page whose next names the page just "
	    "read"), &page, NULL), 0);
	assert_int_equal(page.more, 0);
	assert_string_equal(page.next_cursor, "mark=0");
	assert_non_null(page.notice);
	assert_non_null(strstr(page.notice, "next sync reads them"));
	sync_page_clear(&page);
	/* An empty last page ends it. */
	assert_int_equal(stream(&facebook_ops, &pa, "feed", page2_cursor, 200,
	    data_case_body(&cs, "an empty last page"), &page, NULL), 0);
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
	    "&until=1624385168", 200, data_case_body(&cs, "an empty last page"),
	    &page, NULL), 0);
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
	data_cases_free(&cs);
	free(cjk);
	free(body);
}

/* user_posts_time_paging_page1_emoji.json with its paging replaced. */
static char *
with_paging(json_t *paging)
{
	json_t	*doc = sample_json("facebook/"
	    "user_posts_time_paging_page1_emoji.json");

	json_object_set_new(doc, "paging", paging);
	return dump(doc);
}

/*
 * paging.next (tests/data/facebook/feed-next.cases) is read for its
 * position only: never its host or token.
 */
static void
test_facebook_feed_foreign_next(void **state)
{
	struct data_cases	 cs;
	const struct data_case	*c;
	const char		*cursor;
	struct sync_page	 page;
	char			*body, *url;
	size_t			 i;

	(void)state;
	data_cases_read(&cs, "facebook/feed-next.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		cursor = data_case_str(c, "cursor");
		body = with_paging(json_of(c->body));
		assert_int_equal(stream(&facebook_ops, &fb_four, "feed", NULL,
		    200, body, &page, NULL), 0);
		if (strcmp(page.next_cursor, cursor) != 0)
			fail_msg("%s: cursor %s", data_case_where(c),
			    page.next_cursor);
		assert_int_equal(page.more, strstr(cursor, "&run=") != NULL);
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
	data_cases_free(&cs);
	/* A 2000-byte position is not kept. */
	url = big_body("https://graph.facebook.com/?until=", '7', 2000, "");
	body = with_paging(json_pack("{s:s}", "next", url));
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

/*
 * Hostile feed entries (tests/data/facebook/feed.cases) are skipped or
 * made safe.
 */
static void
test_facebook_feed_hostile_entries(void **state)
{
	const struct item	*it;
	struct data_cases	 cs;
	struct sync_page	 page;
	struct buf		 b;
	int			 i;

	(void)state;
	data_cases_read(&cs, "facebook/feed.cases");
	assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL, 200,
	    data_case_body(&cs, "hostile entries"), &page, NULL), 0);
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
	data_cases_free(&cs);

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

/*
 * A bad answer (tests/data/facebook/feed-bad.cases) fails the page and
 * moves no cursor.
 */
static void
test_facebook_feed_bad_answers(void **state)
{
	struct data_cases	 cs;
	const struct data_case	*c;
	struct sync_page	 page;
	char			*cause, *big;
	size_t			 i;

	(void)state;
	data_cases_read(&cs, "facebook/feed-bad.cases");
	for (i = 0; i < cs.n; i++) {
		c = &cs.v[i];
		if (stream(&facebook_ops, &fb_page, "feed", NULL,
		    data_case_long(c, "status"), c->body, &page, &cause) != -1)
			fail_msg("%s: read", data_case_where(c));
		assert_refusal_case(c, cause);
		assert_null(page.next_cursor);
		assert_int_equal(page.nposts, 0);
		assert_int_equal(page.nfetch, 0);
		free(cause);
		sync_page_clear(&page);
	}
	data_cases_free(&cs);
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

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_facebook_feed_request),
		T(test_facebook_feed_page_sample),
		T(test_facebook_feed_visitor_posts),
		T(test_facebook_feed_time_paging),
		T(test_facebook_feed_foreign_next),
		T(test_facebook_feed_single_cjk),
		T(test_facebook_feed_hostile_entries),
		T(test_facebook_feed_bad_answers),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
