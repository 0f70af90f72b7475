/*
 * test-demo.c -- the demo adapter alone: its ops tables, the requests it
 * builds, how it classifies errors, and how it parses hand-written answers,
 * hostile ones above all. test-demo-server.c runs it against the server.
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

#include "model.h"
#include "platform.h"
#include "platform/platforms.h"
#include "util.h"
#include "lib/request.h"

/* The account the adapter works for in these tests. */
static const struct platform_account page_acct = {
	.id = 1,
	.name = "page",
	.handle = "tulipandtea",
	.base_url = "demo://page",
	.history_days = 0,
	.now = 1795166100,
	.secret = "test-token"
};

/* Parse a hand-written answer as an inbox page; return what parse does. */
static int
parse(const char *body, size_t len, long status, struct sync_page *page,
    char **cause)
{
	struct platform_response	res = { .status = status, .body = body,
	    .len = len };

	memset(page, 0, sizeof *page);
	if (cause != NULL)
		*cause = NULL;
	return demo_page_ops.sync_parse(&page_acct, "inbox", &res, page,
	    cause);
}

/* The ops tables say what each flavour can do. */
static void
test_demo_ops_tables_describe_the_flavours(void **state)
{
	(void)state;
	assert_ptr_equal(platform_find("demo-page"), &demo_page_ops);
	assert_ptr_equal(platform_find("demo-social"), &demo_social_ops);
	assert_string_equal(demo_page_ops.tag, "fb");
	assert_string_equal(demo_social_ops.tag, "bs");
	assert_int_equal(demo_page_ops.caps, PLATFORM_CAN_LIKE |
	    PLATFORM_CAN_UNLIKE | PLATFORM_CAN_HIDE | PLATFORM_CAN_DELETE);
	assert_int_equal(demo_social_ops.caps, PLATFORM_CAN_LIKE |
	    PLATFORM_CAN_UNLIKE | PLATFORM_CAN_DELETE);
	assert_int_equal(demo_page_ops.text_limit, 8000);
	assert_int_equal(demo_page_ops.count, COUNT_CODEPOINTS);
	assert_int_equal(demo_social_ops.text_limit, 300);
	assert_int_equal(demo_social_ops.count, COUNT_GRAPHEMES);
	assert_null(demo_page_ops.no_hide_why);
	assert_string_equal(demo_social_ops.no_hide_why,
	    "this platform cannot hide replies to your posts");
	assert_string_equal(demo_page_ops.streams[0], "inbox");
	assert_null(demo_page_ops.streams[1]);
}

/* The adapter builds the requests the API expects. */
static void
test_demo_requests_are_built_right(void **state)
{
	const struct platform_account	*acct = &page_acct;
	const struct platform_ops	*ops = &demo_page_ops;
	struct platform_request		 req;
	struct outbox_entry		 e;
	json_t				*doc;

	(void)state;
	assert_int_equal(sync_request_at(ops, acct, "inbox", "42", &req, NULL),
	    0);
	assert_string_equal(req.method, "GET");
	assert_string_equal(req.url, "demo://page/v1/inbox?after=42&limit=100");
	assert_null(req.body);
	platform_request_clear(&req);
	assert_int_equal(sync_request_at(ops, acct, "inbox", "../x", &req,
	    NULL), -1);
	assert_int_equal(sync_request_at(ops, acct, "dms", NULL, &req, NULL),
	    -1);

	memset(&e, 0, sizeof e);
	e.kind = ACTION_REPLY;
	e.target_remote_id = (char *)"c-012";
	e.body = (char *)"She said \"hi\"\n\\o/";
	e.idem_key = (char *)"k\"1";
	assert_int_equal(ops->action_request(acct, &e, &req, NULL), 0);
	assert_string_equal(req.method, "POST");
	assert_string_equal(req.url, "demo://page/v1/comments/c-012/replies");
	assert_string_equal(req.content_type, "application/json");
	assert_non_null(doc = json_loads(req.body, 0, NULL));
	assert_string_equal(json_string_value(json_object_get(doc, "text")),
	    e.body);
	assert_string_equal(json_string_value(json_object_get(doc,
	    "client_key")), e.idem_key);
	json_decref(doc);
	platform_request_clear(&req);

	e.kind = ACTION_DELETE;
	assert_int_equal(ops->action_request(acct, &e, &req, NULL), 0);
	assert_string_equal(req.method, "DELETE");
	assert_string_equal(req.url, "demo://page/v1/comments/c-012");
	assert_null(req.body);
	platform_request_clear(&req);

	e.kind = ACTION_REPLY;
	e.body = (char *)"bad \xff byte";
	assert_int_equal(ops->action_request(acct, &e, &req, NULL), -1);
	e.kind = ACTION_LIKE;
	e.target_remote_id = (char *)"c-1/../../inbox";
	assert_int_equal(ops->action_request(acct, &e, &req, NULL), -1);
	e.target_remote_id = (char *)"c-1";
	e.kind = 99;
	assert_int_equal(ops->action_request(acct, &e, &req, NULL), -1);
}

/* Statuses map to the error classes, with the server's message. */
static void
test_demo_classify_maps_statuses(void **state)
{
	static const struct {
		long		 status;
		const char	*body;
		int		 want;
		const char	*cause;
	} cases[] = {
		{ 200, "{\"ok\":true}", PLATFORM_OK, NULL },
		{ 401, "{\"error\":{\"code\":\"auth\",\"message\":\"token "
		    "expired\"}}", PLATFORM_ERR_AUTH, "demo: token expired" },
		{ 403, "", PLATFORM_ERR_AUTH, "demo: HTTP 403" },
		{ 429, "{}", PLATFORM_ERR_RATE, "demo: HTTP 429" },
		{ 500, "<html>oops</html>", PLATFORM_ERR_TEMPORARY,
		    "demo: HTTP 500" },
		{ 503, "{\"error\":{\"message\":5}}", PLATFORM_ERR_TEMPORARY,
		    "demo: HTTP 503" },
		{ 404, "{\"error\":{\"message\":\"no such comment\"}}",
		    PLATFORM_ERR_PERMANENT, "demo: no such comment" },
		{ 410, "{\"error\":{\"message\":\"the comment was deleted\"}}",
		    PLATFORM_ERR_PERMANENT, "demo: the comment was deleted" },
		{ 400, "{\"error\":{\"message\":\"\\u001b[31mred\\u001b]0;x"
		    "\\u0007 text\\nline\"}}", PLATFORM_ERR_PERMANENT,
		    "demo: red text line" },
		{ 400, "{\"error\":[]}", PLATFORM_ERR_PERMANENT,
		    "demo: HTTP 400" },
	};
	struct platform_response	res = { .status = 0 };
	char				*cause;
	size_t				 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		res.status = cases[i].status;
		res.body = cases[i].body;
		res.len = strlen(cases[i].body);
		cause = NULL;
		assert_int_equal(demo_page_ops.classify(&res, &cause),
		    cases[i].want);
		if (cases[i].cause == NULL)
			assert_null(cause);
		else
			assert_string_equal(cause, cases[i].cause);
		free(cause);
	}
}

/* Hostile or broken pages: a clear error, or the bad items skipped. */
static void
test_demo_parse_survives_hostile_pages(void **state)
{
#define OK_ITEM(extra) "{\"id\":\"c-1\",\"post\":\"p-1\"," \
	"\"created_at\":\"2026-11-20T09:15:00Z\"" extra "}"
	static const struct {
		const char	*body;
		int		 rc;
		size_t		 nitems;
		size_t		 ngone;
	} cases[] = {
		{ "", -1, 0, 0 },
		{ "not json", -1, 0, 0 },
		{ "[]", -1, 0, 0 },
		{ "null", -1, 0, 0 },
		{ "\"items\"", -1, 0, 0 },
		{ "{}", -1, 0, 0 },
		{ "{\"items\":{}}", -1, 0, 0 },
		{ "{\"items\":null}", -1, 0, 0 },
		{ "{\"items\":[],\"posts\":{}}", -1, 0, 0 },
		{ "{\"items\":[],\"next\":5}", -1, 0, 0 },
		{ "{\"items\":[],\"next\":\"../x\"}", -1, 0, 0 },
		{ "{\"items\":[],\"more\":\"yes\"}", -1, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"like_count\":"
		    "99999999999999999999999999") "]}", -1, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"like_count\":1e999") "]}",
		    -1, 0, 0 },
		{ "{\"items\":[\"x\xff\"]}", -1, 0, 0 },
		{ "{\"items\":[]}", 0, 0, 0 },
		{ "{\"items\":[1,\"x\",null,[],{},true]}", 0, 0, 0 },
		{ "{\"items\":[" OK_ITEM("") "]}", 0, 1, 0 },
		{ "{\"items\":[{\"id\":\"c-1\",\"post\":\"p-1\"}]}", 0, 0, 0 },
		{ "{\"items\":[{\"post\":\"p-1\",\"created_at\":"
		    "\"2026-11-20T09:15:00Z\"}]}", 0, 0, 0 },
		{ "{\"items\":[{\"id\":7,\"post\":\"p-1\",\"created_at\":"
		    "\"2026-11-20T09:15:00Z\"}]}", 0, 0, 0 },
		{ "{\"items\":[{\"id\":\"a/b\",\"post\":\"p-1\","
		    "\"created_at\":\"2026-11-20T09:15:00Z\"}]}", 0, 0, 0 },
		{ "{\"items\":[{\"id\":\"c\\u00001\",\"post\":\"p-1\","
		    "\"created_at\":\"2026-11-20T09:15:00Z\"}]}", 0, 0, 0 },
		{ "{\"items\":[{\"id\":\"c-1\",\"post\":\"p-1\","
		    "\"created_at\":\"yesterday\"}]}", 0, 0, 0 },
		{ "{\"items\":[{\"id\":\"c-1\",\"post\":\"p-1\","
		    "\"created_at\":\"2026-02-30T09:15:00Z\"}]}", 0, 0, 0 },
		{ "{\"items\":[{\"id\":\"c-1\",\"post\":\"p-1\","
		    "\"created_at\":1795166100}]}", 0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"text\":5") "]}", 0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"deleted\":\"yes\"") "]}",
		    0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"author\":\"bob\"") "]}", 0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"author\":{\"name\":[]}") "]}",
		    0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"own\":1") "]}", 0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"like_count\":1.5") "]}", 0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"parent\":5") "]}", 0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"parent\":\"x y\"") "]}", 0, 0, 0 },
		{ "{\"items\":[" OK_ITEM(",\"parent\":null,\"text\":null,"
		    "\"author\":null,\"like_count\":-5") "]}", 0, 1, 0 },
		{ "{\"items\":[" OK_ITEM(",\"lang\":\"en; rm -rf\","
		    "\"permalink\":\"javascript:alert(1)\"") "]}", 0, 1, 0 },
		{ "{\"items\":[{\"id\":\"c-9\",\"deleted\":true},"
		    "{\"id\":\"../x\",\"deleted\":true}," OK_ITEM("") "],"
		    "\"next\":\"12\",\"more\":false}", 0, 1, 1 },
		{ "{\"posts\":[1,{},{\"id\":\"p-1\"}],\"items\":[],"
		    "\"next\":null}", 0, 0, 0 },
	};
	struct sync_page	 page;
	char			*cause;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		print_message("case %zu: %s\n", i, cases[i].body);
		assert_int_equal(parse(cases[i].body,
		    strlen(cases[i].body), 200, &page, &cause), cases[i].rc);
		assert_int_equal(page.items.n, cases[i].nitems);
		assert_int_equal(page.ngone, cases[i].ngone);
		assert_int_equal(page.nposts, 0);
		if (cases[i].rc == -1)
			assert_non_null(strstr(cause,
			    "demo: malformed response: "));
		else
			assert_null(cause);
		free(cause);
		sync_page_clear(&page);
	}
#undef OK_ITEM
}

/*
 * Found by fuzzing: an inbox page answered with a 2xx status other than
 * 200 failed with no reason given.
 */
static void
test_demo_parse_takes_any_success_status(void **state)
{
	static const char	 body[] = "{\"items\":[],\"next\":\"12\"}";
	struct sync_page	 page;
	char			*cause;

	(void)state;
	assert_int_equal(parse(body, strlen(body), 201, &page, &cause), 0);
	assert_null(cause);
	assert_string_equal(page.next_cursor, "12");
	sync_page_clear(&page);
	assert_int_equal(parse("", 0, 204, &page, &cause), -1);
	assert_non_null(strstr(cause, "demo: malformed response: "));
	free(cause);
	sync_page_clear(&page);
}

/* The fields of a hand-written item are read and cleaned exactly. */
static void
test_demo_parse_reads_fields_exactly(void **state)
{
	static const char	body[] = "{\"posts\":[{\"id\":\"p-1\","
	    "\"created_at\":\"2026-11-20T08:00:00+01:00\",\"text\":\"Hi\","
	    "\"own\":true}],\"items\":[{\"id\":\"c-1\",\"post\":\"p-1\","
	    "\"parent\":\"c-0\",\"author\":{\"name\":\"Eve\\u001b[2J\\n"
	    "Mallory\",\"handle\":\"eve\\u202e\"},\"lang\":\"nl\","
	    "\"created_at\":\"2026-11-20T09:15:00.123456z\",\"text\":"
	    "\"a\\u0000b\\r\\nc\",\"own\":false,\"hidden\":true,\"liked\":"
	    "true,\"like_count\":3,\"permalink\":\"https://x.example/1\"},"
	    "{\"id\":\"c-2\",\"post\":\"p-1\",\"own\":true,"
	    "\"created_at\":\"2026-11-20T04:15:00-0500\"}],"
	    "\"next\":\"77\",\"more\":true}";
	struct sync_page	 page;
	const struct item	*it;

	(void)state;
	assert_int_equal(parse(body, sizeof body - 1, 200, &page, NULL), 0);
	assert_int_equal(page.nposts, 1);
	assert_int_equal(page.posts[0].created, 1795166100 - 8100);
	assert_int_equal(page.posts[0].own, 1);
	assert_int_equal(page.items.n, 2);
	it = &page.items.v[0];
	assert_string_equal(it->remote_id, "c-1");
	assert_string_equal(it->parent_remote_id, "c-0");
	assert_int_equal(it->kind, ITEM_REPLY);
	assert_int_equal(it->created, 1795166100);
	assert_null(strchr(it->author_name, '\x1b'));
	assert_null(strchr(it->author_name, '\n'));
	assert_null(strstr(it->author_handle, "\u202e"));
	assert_null(strchr(it->text, '\r'));
	assert_string_equal(it->lang, "nl");
	assert_int_equal(it->hidden, 1);
	assert_int_equal(it->liked, 1);
	assert_int_equal(it->like_count, 3);
	assert_string_equal(it->permalink, "https://x.example/1");
	it = &page.items.v[1];
	assert_int_equal(it->created, 1795166100);
	assert_int_equal(it->own, 1);
	assert_int_equal(it->kind, ITEM_REPLY);
	assert_null(it->parent_remote_id);
	assert_string_equal(it->text, "");
	assert_string_equal(page.next_cursor, "77");
	assert_int_equal(page.more, 1);
	sync_page_clear(&page);
}

/* Deep nesting, no NUL terminator and a huge body do no harm. */
static void
test_demo_parse_survives_odd_buffers(void **state)
{
	static const char	 empty[] = "{\"items\":[]}{garbage";
	struct sync_page	 page;
	char			*deep, *cause;
	size_t			 n = 100000;

	(void)state;
	deep = xmalloc(n);
	memset(deep, '[', n);
	assert_int_equal(parse(deep, n, 200, &page, &cause), -1);
	free(cause);
	free(deep);
	/* Only len bytes are read, whatever follows. */
	assert_int_equal(parse(empty, 12, 200, &page, NULL), 0);
	sync_page_clear(&page);
	assert_int_equal(parse(NULL, 0, 200, &page, &cause), -1);
	free(cause);
	/* Too large to be read at all. */
	assert_int_equal(parse(empty, (size_t)64 << 20, 200, &page,
	    &cause), -1);
	free(cause);
	/* The parser's message quotes the input: never its escapes. */
	assert_int_equal(parse("{\x1b[2J\x1b]0;x\a", 9, 200, &page, &cause),
	    -1);
	assert_non_null(strstr(cause, "demo: malformed response: "));
	assert_null(strchr(cause, '\x1b'));
	assert_null(strchr(cause, '\a'));
	free(cause);
	assert_int_equal(parse(empty, 12, 503, &page, &cause), -1);
	assert_string_equal(cause, "demo: HTTP 503");
	free(cause);
}

/* RFC 3339 times are read exactly, and impossible ones refused. */
static void
test_demo_parse_reads_rfc3339_times(void **state)
{
	static const struct {
		const char	*at;
		int		 ok;	/* 0: the item is skipped */
		int64_t		 want;
	} cases[] = {
		{ "2026-11-20T09:15:00Z", 1, 1795166100 },
		{ "2026-11-20t09:15:00.5z", 1, 1795166100 },
		{ "2026-11-20T10:45:00+01:30", 1, 1795166100 },
		{ "2026-11-20T04:15:00-0500", 1, 1795166100 },
		{ "1970-01-01T00:00:00Z", 1, 0 },
		{ "1969-12-31T23:59:59Z", 1, -1 },
		{ "2024-02-29T00:00:00Z", 1, 1709164800 },
		{ "2000-02-29T12:00:00Z", 1, 951825600 },
		{ "2023-02-29T00:00:00Z", 0, 0 },
		{ "1900-02-29T00:00:00Z", 0, 0 },
		{ "2026-11-20T24:00:00Z", 0, 0 },
		{ "2026-11-20T09:60:00Z", 0, 0 },
		{ "2026-13-20T09:15:00Z", 0, 0 },
		{ "2026-00-20T09:15:00Z", 0, 0 },
		{ "2026-11-20T09:15:00", 1, 1795166100 },	/* UTC */
		{ "2026-11-20T09:15:00.Z", 0, 0 },
		{ "2026-11-20T09:15:00+24:00", 0, 0 },
		{ "2026-11-20T09:15:00+0100x", 0, 0 },
		{ "2026-11-20 09:15:00Z", 1, 1795166100 },
		{ "2026-1-20T09:15:00Z", 0, 0 },
		{ "+026-11-20T09:15:00Z", 0, 0 },
		{ "", 0, 0 },
	};
	struct sync_page	 page;
	char			*body;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		body = xprintf("{\"items\":[{\"id\":\"c-1\",\"post\":"
		    "\"p-1\",\"created_at\":\"%s\"}]}", cases[i].at);
		print_message("case %zu: %s\n", i, cases[i].at);
		assert_int_equal(parse(body, strlen(body), 200, &page, NULL),
		    0);
		assert_int_equal(page.items.n, cases[i].ok);
		if (cases[i].ok)
			assert_int_equal(page.items.v[0].created,
			    cases[i].want);
		sync_page_clear(&page);
		free(body);
	}
}

/* Parse an action's hand-written answer; return what action_parse does. */
static int
parse_action(int kind, long status, const char *body,
    struct action_result *result, char **cause)
{
	struct platform_response	res = { .status = status, .body = body,
	    .len = strlen(body) };
	struct outbox_entry		e;

	memset(&e, 0, sizeof e);
	e.kind = kind;
	e.target_remote_id = (char *)"c-1";
	memset(result, 0, sizeof *result);
	*cause = NULL;
	return demo_page_ops.action_parse(&page_acct, &e, &res, result, cause);
}

/* Answers to actions: the created reply is read, odd answers refused. */
static void
test_demo_action_parse_reads_answers(void **state)
{
	struct action_result	 r;
	char			*cause;

	(void)state;
	assert_int_equal(parse_action(ACTION_REPLY, 201, "{\"id\":\"r-1\","
	    "\"item\":{\"id\":\"r-1\",\"post\":\"p-1\",\"parent\":\"c-9\","
	    "\"created_at\":\"2026-11-20T09:15:00Z\",\"text\":\"Hi\"}}",
	    &r, &cause), 0);
	assert_string_equal(r.remote_id, "r-1");
	assert_true(r.have_created);
	assert_string_equal(r.created.parent_remote_id, "c-1");
	assert_int_equal(r.created.own, 1);
	assert_int_equal(r.created.kind, ITEM_REPLY);
	action_result_clear(&r);
	/* The reply exists even when its item is not readable. */
	assert_int_equal(parse_action(ACTION_REPLY, 201, "{\"id\":\"r-2\","
	    "\"item\":{\"id\":\"r-2\"}}", &r, &cause), 0);
	assert_string_equal(r.remote_id, "r-2");
	assert_false(r.have_created);
	action_result_clear(&r);
	assert_int_equal(parse_action(ACTION_REPLY, 201, "{\"id\":7}", &r,
	    &cause), -1);
	assert_string_equal(cause, "demo: malformed response: no reply id");
	free(cause);
	assert_int_equal(parse_action(ACTION_LIKE, 200, "{\"ok\":true}", &r,
	    &cause), 0);
	assert_int_equal(parse_action(ACTION_LIKE, 200, "{\"ok\":1}", &r,
	    &cause), -1);
	free(cause);
	assert_int_equal(parse_action(ACTION_LIKE, 200, "OK", &r, &cause), -1);
	free(cause);
	assert_int_equal(parse_action(ACTION_HIDE, 429, "{\"error\":{"
	    "\"message\":\"slow down\"}}", &r, &cause), -1);
	assert_string_equal(cause, "demo: slow down");
	free(cause);
	assert_null(r.remote_id);
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_ops_tables_describe_the_flavours),
		cmocka_unit_test(test_demo_requests_are_built_right),
		cmocka_unit_test(test_demo_classify_maps_statuses),
		cmocka_unit_test(test_demo_parse_takes_any_success_status),
		cmocka_unit_test(test_demo_parse_survives_hostile_pages),
		cmocka_unit_test(test_demo_parse_reads_fields_exactly),
		cmocka_unit_test(test_demo_parse_survives_odd_buffers),
		cmocka_unit_test(test_demo_parse_reads_rfc3339_times),
		cmocka_unit_test(test_demo_action_parse_reads_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
