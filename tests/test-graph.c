/*
 * test-graph.c -- the Graph API adapter (Facebook Pages and Instagram
 * business accounts) as a whole: what each platform can do, the limits on
 * ids and texts, the pages of a sweep, and the recorded samples under
 * tests/data/facebook and tests/data/instagram (real Graph API payloads,
 * see tests/data/facebook/SOURCES.md).
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

#include "lib/data.h"
#include "lib/graph-cases.h"
#include "lib/graph-fixture.h"

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
	struct data_cases	 cs;
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
	data_cases_read(&cs, "facebook/feed.cases");
	assert_int_equal(stream(&facebook_ops, &fb_page, "feed", NULL, 200,
	    data_case_body(&cs, "posts with ids of 128 digits and of 129"),
	    &page, NULL), 0);
	assert_int_equal(page.nposts, 1);
	assert_string_equal(page.posts[0].remote_id, id);
	assert_int_equal(page.nfetch, 1);
	assert_int_equal(strlen(page.fetch[0]), 2 + 128 + 1 + 10);
	sync_page_clear(&page);
	data_cases_free(&cs);

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

/*
 * Sweeps (tests/data/facebook/sweep.cases, tests/data/instagram/
 * sweep.cases): a read of every comment of a post (Facebook "s:") or media
 * (Instagram "i:", with its "r:" pages) says so on each page, so the
 * engine can tell what was deleted; a page with an entry it could not
 * read says nothing, and a read since a time is never one.
 */
static void
test_graph_sweep_pages(void **state)
{
	static const struct {
		const char			*file;
		const struct platform_account	*pa;
	} files[] = {
		{ "facebook/sweep.cases", &fb_page },
		{ "instagram/sweep.cases", &ig_acct },
	};
	const struct platform_ops	*ops;
	struct data_cases		 cs;
	const struct data_case		*c;
	struct platform_response	 res;
	struct sync_page		 page;
	size_t				 i, j;

	(void)state;
	for (i = 0; i < nitems(files); i++) {
		data_cases_read(&cs, files[i].file);
		for (j = 0; j < cs.n; j++) {
			c = &cs.v[j];
			ops = case_ops(c);
			res = case_answer(c);
			if (fetch(ops, files[i].pa, data_case_str(c, "key"),
			    res.status, res.body, &page, NULL) != 0)
				fail_msg("%s: not read", data_case_where(c));
			assert_page_case(c, &page);
			sync_page_clear(&page);
		}
		data_cases_free(&cs);
	}
}

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
			for (j = 0, found = 0; j < graph_nsamples; j++) {
				if (strcmp(graph_samples[j].file, name) == 0)
					found = 1;
			}
			if (!found)
				fail_msg("%s is not in the samples table", name);
			nfiles++;
		}
		closedir(dp);
	}
	/* Nothing listed that is not there; each one is a JSON object. */
	assert_int_equal(nfiles, graph_nsamples);
	for (j = 0; j < graph_nsamples; j++) {
		doc = sample_json(graph_samples[j].file);
		assert_true(json_is_object(doc));
		json_decref(doc);
	}
}

int
main(void)
{
#define T(f)	cmocka_unit_test_teardown(f, no_live_documents)
	const struct CMUnitTest tests[] = {
		T(test_graph_ops_tables),
		T(test_graph_id_and_text_limits),
		T(test_graph_sweep_pages),
		/* Last: every file was listed, and each one is an object. */
		T(test_graph_every_sample_is_listed),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
