/*
 * test-demo-server.c -- the simulated platform behind the demo adapter,
 * driven through the adapter as the sync engine drives it (request,
 * answer, parse): the seeded inbox, paging, the history window, replies
 * exactly once, actions seen by the next incremental sync, "live"
 * arrivals, and any odd request answered with a JSON error.
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

#include "platform.h"
#include "platform/demo-data.h"
#include "platform/platforms.h"
#include "text.h"
#include "util.h"
#include "lib/request.h"

#define DAY	86400

/* One account on the demo server, with the adapter that serves it. */
struct side {
	const struct platform_ops	*ops;
	struct platform_account		 a;
};

/* The server and the two accounts a test works with. */
struct fx {
	struct demo_server	*srv;
	int64_t			 now;
	struct side		 page;
	struct side		 social;
};

/* Everything a whole sync (every page) produced, deep-copied. */
struct synced {
	struct item_list	 items;
	char			**gone;
	size_t			 ngone;
	struct post		*posts;
	size_t			 nposts;
	char			*cursor;
	size_t			 pages;
};

/* Describe one account of the fixture. */
static void
side_init(struct side *sd, const struct platform_ops *ops, int64_t id,
    const char *name, const char *handle, const char *url, int64_t now)
{
	sd->ops = ops;
	sd->a.id = id;
	sd->a.name = name;
	sd->a.handle = handle;
	sd->a.base_url = url;
	sd->a.now = now;
	sd->a.secret = "test-token";
}

/* Set up a fresh server and both accounts. */
static int
setup(void **state)
{
	struct fx	*f;

	f = xcalloc(1, sizeof *f);
	f->now = util_now();
	f->srv = demo_server_new(f->now);
	side_init(&f->page, &demo_page_ops, 1, "page", "tulipandtea",
	    "demo://page", f->now);
	side_init(&f->social, &demo_social_ops, 2, "social",
	    "tulipandtea.example", "demo://social", f->now);
	*state = f;
	return 0;
}

/* Free the server and the fixture. */
static int
teardown(void **state)
{
	struct fx	*f = *state;

	demo_server_free(f->srv);
	free(f);
	return 0;
}

/* Free what a sync collected. */
static void
synced_free(struct synced *r)
{
	size_t	i;

	item_list_free(&r->items);
	for (i = 0; i < r->ngone; i++)
		free(r->gone[i]);
	free(r->gone);
	for (i = 0; i < r->nposts; i++)
		post_clear(&r->posts[i]);
	free(r->posts);
	free(r->cursor);
	memset(r, 0, sizeof *r);
}

/* Send a request to the server as the transport would. */
static long
transport(struct demo_server *srv, const struct platform_request *req,
    char **body)
{
	long	status = -1;

	*body = NULL;
	demo_server_handle(srv, req, util_now(), &status, body);
	assert_non_null(*body);
	return status;
}

/* Keep what one parsed page holds in r. */
static void
synced_take(struct synced *r, struct sync_page *page)
{
	size_t	i;

	for (i = 0; i < page->items.n; i++)
		item_copy(item_list_add(&r->items), &page->items.v[i]);
	for (i = 0; i < page->ngone; i++) {
		r->gone = xreallocarray(r->gone, r->ngone + 1,
		    sizeof *r->gone);
		r->gone[r->ngone++] = xstrdup(page->gone[i]);
	}
	for (i = 0; i < page->nposts; i++) {
		r->posts = xreallocarray(r->posts, r->nposts + 1,
		    sizeof *r->posts);
		r->posts[r->nposts++] = page->posts[i];
		memset(&page->posts[i], 0, sizeof page->posts[i]);
	}
	free(r->cursor);
	r->cursor = page->next_cursor;
	page->next_cursor = NULL;
	r->pages++;
}

/*
 * Run one whole sync of an account from a cursor (NULL: the first), as
 * the sync engine does: request, answer, parse, until "more" is off.
 * A limit other than 0 replaces the adapter's page size, to page by hand.
 */
static void
sync_all(struct fx *f, const struct side *sd, const char *cursor,
    size_t limit, struct synced *r)
{
	struct platform_request		req;
	struct platform_response	res = { .status = 0 };
	struct sync_page		page;
	char				*body;
	int				 more;

	memset(r, 0, sizeof *r);
	r->cursor = cursor != NULL ? xstrdup(cursor) : NULL;
	do {
		memset(&req, 0, sizeof req);
		assert_int_equal(sync_request_at(sd->ops, &sd->a, "inbox",
		    r->cursor, &req, NULL), 0);
		if (limit != 0) {
			free(req.url);
			req.url = xprintf("%s/v1/inbox?limit=%zu%s%s",
			    sd->a.base_url, limit, r->cursor != NULL ?
			    "&after=" : "", r->cursor != NULL ? r->cursor : "");
		}
		res.status = transport(f->srv, &req, &body);
		res.body = body;
		res.len = strlen(body);
		assert_int_equal(res.status, 200);
		memset(&page, 0, sizeof page);
		assert_int_equal(sd->ops->sync_parse(&sd->a, "inbox", &res,
		    &page, NULL), 0);
		assert_non_null(page.next_cursor);
		more = page.more;
		synced_take(r, &page);
		sync_page_clear(&page);
		platform_request_clear(&req);
		free(body);
		assert_true(r->pages < 1000);
	} while (more);
}

/* Find an item by remote id; NULL if absent. */
static const struct item *
find_item(const struct synced *r, const char *id)
{
	size_t	i;

	for (i = 0; i < r->items.n; i++) {
		if (strcmp(r->items.v[i].remote_id, id) == 0)
			return &r->items.v[i];
	}
	return NULL;
}

/* Return the demo_account name a comment belongs to (through its post). */
static const char *
comment_account(const struct demo_comment *c)
{
	size_t	i;

	for (i = 0; i < demo_nposts; i++) {
		if (strcmp(demo_posts[i].id, c->post) == 0)
			return demo_posts[i].account;
	}
	return NULL;
}

/* Count the table's comments on an account's posts. */
static size_t
table_count(const char *account)
{
	size_t	i, n = 0;

	for (i = 0; i < demo_ncomments; i++) {
		if (strcmp(comment_account(&demo_comments[i]), account) == 0)
			n++;
	}
	return n;
}

/* Find a table comment by id. */
static const struct demo_comment *
table_comment(const char *id)
{
	size_t	i;

	for (i = 0; i < demo_ncomments; i++) {
		if (strcmp(demo_comments[i].id, id) == 0)
			return &demo_comments[i];
	}
	return NULL;
}

/* Return 1 if a string is printable ASCII only. */
static int
plain_ascii(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s < ' ' || *s > '~')
			return 0;
	}
	return 1;
}

/*
 * Carry out one action through adapter and server; return the status.
 * A failure must parse as an error and classify as permanent; its message
 * goes to *cause. result and cause may be NULL when not wanted.
 */
static long
act(struct fx *f, const struct side *sd, int kind, const char *target,
    const char *text, const char *key, struct action_result *result,
    char **cause)
{
	struct outbox_entry		e;
	struct platform_request		req;
	struct platform_response	res = { .status = 0 };
	struct action_result		mine;
	char				*body, *why = NULL;
	int				 rc;

	memset(&e, 0, sizeof e);
	e.kind = kind;
	e.target_remote_id = (char *)target;
	e.body = (char *)text;
	e.idem_key = (char *)key;
	assert_int_equal(sd->ops->action_request(&sd->a, &e, &req, NULL), 0);
	res.status = transport(f->srv, &req, &body);
	res.body = body;
	res.len = strlen(body);
	memset(&mine, 0, sizeof mine);
	rc = sd->ops->action_parse(&sd->a, &e, &res, &mine, &why);
	assert_int_equal(rc, res.status >= 200 && res.status <= 299 ? 0 : -1);
	if (rc != 0) {
		free(why);
		assert_int_equal(sd->ops->classify(&res, &why),
		    PLATFORM_ERR_PERMANENT);
	}
	if (result != NULL)
		*result = mine;
	else
		action_result_clear(&mine);
	if (cause != NULL)
		*cause = why;
	else
		free(why);
	platform_request_clear(&req);
	free(body);
	return res.status;
}

/* Carry out an action with no text; return the status. */
static long
act_on(struct fx *f, const struct side *sd, int kind, const char *target)
{
	return act(f, sd, kind, target, NULL, NULL, NULL, NULL);
}

/* Release every held-back comment; return how many arrived. */
static int
release_all(struct fx *f)
{
	int	n = 0;

	while (demo_server_release(f->srv, f->now))
		n++;
	return n;
}

/* A first sync returns the seeded comments, fields intact, round trip. */
static void
test_demo_first_sync_round_trips_the_data(void **state)
{
	struct fx			*f = *state;
	struct synced			 r;
	const struct demo_comment	*c;
	const struct item		*it;
	char				*link;
	size_t				 i, j, checked = 0;

	sync_all(f, &f->page, NULL, 0, &r);
	assert_int_equal(r.pages, 1);
	assert_int_equal(r.ngone, 0);
	assert_true(r.items.n > 0);
	for (i = 0; i < r.items.n; i++) {
		it = &r.items.v[i];
		assert_non_null(c = table_comment(it->remote_id));
		assert_string_equal(comment_account(c), "page");
		assert_string_equal(it->post_remote_id, c->post);
		if (c->parent != NULL)
			assert_string_equal(it->parent_remote_id, c->parent);
		else
			assert_null(it->parent_remote_id);
		assert_int_equal(it->created, f->now - c->age);
		assert_int_equal(it->own, c->own);
		assert_int_equal(it->kind, c->own || c->parent != NULL ?
		    ITEM_REPLY : ITEM_COMMENT);
		assert_int_equal(it->account_id, 1);
		if (c->lang != NULL)
			assert_string_equal(it->lang, c->lang);
		link = xprintf("https://demo.example/tulipandtea/posts/%s"
		    "?comment=%s", c->post, c->id);
		assert_string_equal(it->permalink, link);
		free(link);
		if (plain_ascii(c->author)) {
			assert_string_equal(it->author_name, c->author);
			checked++;
		}
		for (j = 0; j < r.nposts; j++) {
			if (strcmp(r.posts[j].remote_id, c->post) == 0)
				break;
		}
		assert_true(j < r.nposts);	/* its post came along */
		assert_int_equal(r.posts[j].own, 1);
		assert_string_equal(r.posts[j].author_handle, "@tulipandtea");
	}
	assert_true(checked > 0);
	synced_free(&r);
}

/* Each account sees its own comments, all of them once all arrived. */
static void
test_demo_counts_per_account_match_the_table(void **state)
{
	struct fx	*f = *state;
	struct synced	 rp, rs;

	sync_all(f, &f->page, NULL, 0, &rp);
	sync_all(f, &f->social, NULL, 0, &rs);
	assert_int_equal(rp.items.n + rs.items.n, demo_ncomments - 3);
	synced_free(&rp);
	synced_free(&rs);
	assert_int_equal(release_all(f), 3);
	sync_all(f, &f->page, NULL, 0, &rp);
	sync_all(f, &f->social, NULL, 0, &rs);
	assert_int_equal(rp.items.n, table_count("page"));
	assert_int_equal(rs.items.n, table_count("social"));
	synced_free(&rp);
	synced_free(&rs);
}

/* The comment full of terminal escapes arrives without them. */
static void
test_demo_hostile_comment_is_sanitized(void **state)
{
	struct fx			*f = *state;
	const struct demo_comment	*c = table_comment("c-hostile");
	const struct item		*it;
	struct synced			 r;

	assert_non_null(c);
	assert_non_null(strchr(c->text, '\x1b'));
	sync_all(f, strcmp(comment_account(c), "page") == 0 ? &f->page :
	    &f->social, NULL, 0, &r);
	assert_non_null(it = find_item(&r, "c-hostile"));
	assert_null(strchr(it->text, '\x1b'));
	assert_null(strchr(it->text, '\a'));
	assert_null(strchr(it->author_name, '\x1b'));
	assert_true(text_valid_utf8(it->text, strlen(it->text)));
	assert_non_null(strstr(it->text, "Congratulations"));
	synced_free(&r);
}

/* Paging with a small limit returns every item exactly once. */
static void
test_demo_paging_returns_each_item_once(void **state)
{
	struct fx	*f = *state;
	struct synced	 all, paged;
	size_t		 i, j, limit;

	sync_all(f, &f->page, NULL, 0, &all);
	for (limit = 1; limit <= 13; limit += 4) {
		sync_all(f, &f->page, NULL, limit, &paged);
		assert_int_equal(paged.items.n, all.items.n);
		assert_int_equal(paged.pages, (all.items.n + limit - 1) /
		    limit);
		for (i = 0; i < paged.items.n; i++) {
			assert_non_null(find_item(&all,
			    paged.items.v[i].remote_id));
			for (j = i + 1; j < paged.items.n; j++)
				assert_string_not_equal(
				    paged.items.v[i].remote_id,
				    paged.items.v[j].remote_id);
		}
		assert_string_equal(paged.cursor, all.cursor);
		synced_free(&paged);
	}
	synced_free(&all);
}

/* An incremental sync with nothing changed is one empty page. */
static void
test_demo_incremental_sync_without_changes_is_empty(void **state)
{
	struct fx	*f = *state;
	struct synced	 first, again;

	sync_all(f, &f->social, NULL, 0, &first);
	sync_all(f, &f->social, first.cursor, 0, &again);
	assert_int_equal(again.items.n, 0);
	assert_int_equal(again.ngone, 0);
	assert_int_equal(again.pages, 1);
	assert_string_equal(again.cursor, first.cursor);
	synced_free(&first);
	synced_free(&again);
}

/* The first sync asks only for the history window, and gets only that. */
static void
test_demo_history_window_excludes_old_items(void **state)
{
	struct fx		*f = *state;
	struct side		 recent = f->page;
	struct platform_request	 req;
	struct synced		 all, got;
	char			*want;
	size_t			 i, old = 0;

	recent.a.history_days = 3;
	assert_int_equal(sync_request_at(recent.ops, &recent.a, "inbox", NULL,
	    &req, NULL), 0);
	want = xprintf("since=%lld", (long long)(f->now - 3 * DAY));
	assert_non_null(strstr(req.url, want));
	free(want);
	platform_request_clear(&req);

	sync_all(f, &f->page, NULL, 0, &all);
	sync_all(f, &recent, NULL, 0, &got);
	for (i = 0; i < all.items.n; i++) {
		if (all.items.v[i].created < f->now - 3 * DAY) {
			old++;
			assert_null(find_item(&got, all.items.v[i].remote_id));
		} else
			assert_non_null(find_item(&got,
			    all.items.v[i].remote_id));
	}
	assert_true(old > 0);
	assert_int_equal(got.items.n, all.items.n - old);
	synced_free(&all);
	synced_free(&got);
}

/* Return the id of the first comment from a customer in a sync. */
static const char *
first_customer_comment(const struct synced *r)
{
	size_t	i;

	for (i = 0; i < r->items.n; i++) {
		if (r->items.v[i].kind == ITEM_COMMENT && !r->items.v[i].own &&
		    strcmp(r->items.v[i].remote_id, "c-hostile") != 0)
			return r->items.v[i].remote_id;
	}
	fail();
	return NULL;
}

/* A reply comes back created, and then in the next incremental page. */
static void
test_demo_reply_appears_in_next_page(void **state)
{
	struct fx		*f = *state;
	struct synced		 first, next;
	struct action_result	 res;
	const struct item	*target, *got;
	const char		*text = "Thank you! \"Yes\", on Saturday.\n"
				    "— Marloes";

	sync_all(f, &f->page, NULL, 0, &first);
	target = find_item(&first, first_customer_comment(&first));
	assert_int_equal(act(f, &f->page, ACTION_REPLY, target->remote_id,
	    text, "key-1", &res, NULL), 201);
	assert_non_null(res.remote_id);
	assert_true(res.have_created);
	assert_string_equal(res.created.remote_id, res.remote_id);
	assert_string_equal(res.created.parent_remote_id, target->remote_id);
	assert_string_equal(res.created.post_remote_id,
	    target->post_remote_id);
	assert_string_equal(res.created.text, text);
	assert_string_equal(res.created.author_handle, "@tulipandtea");
	assert_int_equal(res.created.own, 1);
	assert_int_equal(res.created.kind, ITEM_REPLY);
	assert_true(res.created.created >= f->now);

	sync_all(f, &f->page, first.cursor, 0, &next);
	assert_int_equal(next.items.n, 1);
	got = &next.items.v[0];
	assert_string_equal(got->remote_id, res.remote_id);
	assert_int_equal(got->own, 1);
	assert_int_equal(got->kind, ITEM_REPLY);
	assert_string_equal(got->parent_remote_id, target->remote_id);
	assert_string_equal(got->text, text);
	action_result_clear(&res);
	synced_free(&first);
	synced_free(&next);
}

/* The same client key twice makes one reply, and says so. */
static void
test_demo_reply_with_same_key_is_created_once(void **state)
{
	struct fx		*f = *state;
	struct synced		 first, next;
	struct action_result	 r1, r2;
	const char		*target, *other;

	sync_all(f, &f->social, NULL, 0, &first);
	target = first_customer_comment(&first);
	assert_int_equal(act(f, &f->social, ACTION_REPLY, target, "Thanks!",
	    "idem-7", &r1, NULL), 201);
	assert_int_equal(act(f, &f->social, ACTION_REPLY, target, "Thanks!",
	    "idem-7", &r2, NULL), 200);
	assert_string_equal(r1.remote_id, r2.remote_id);
	assert_true(r2.have_created);
	sync_all(f, &f->social, first.cursor, 0, &next);
	assert_int_equal(next.items.n, 1);
	action_result_clear(&r1);
	action_result_clear(&r2);
	synced_free(&next);

	/* The key reused for another comment is refused. */
	other = first.items.v[0].remote_id;
	if (strcmp(other, target) == 0)
		other = first.items.v[1].remote_id;
	assert_int_equal(act(f, &f->social, ACTION_REPLY, other, "Thanks!",
	    "idem-7", NULL, NULL), 409);
	synced_free(&first);
}

/* Like, hide, unlike and delete each show up in the next page. */
static void
test_demo_actions_show_in_next_page(void **state)
{
	struct fx		*f = *state;
	struct synced		 first, next;
	const struct item	*before, *after;
	char			*id, *cursor, *cause;

	sync_all(f, &f->page, NULL, 0, &first);
	id = xstrdup(first_customer_comment(&first));
	before = find_item(&first, id);
	assert_int_equal(act_on(f, &f->page, ACTION_LIKE, id), 200);
	assert_int_equal(act_on(f, &f->page, ACTION_LIKE, id), 200);
	assert_int_equal(act_on(f, &f->page, ACTION_HIDE, id), 200);
	sync_all(f, &f->page, first.cursor, 0, &next);
	assert_int_equal(next.items.n, 1);
	assert_non_null(after = find_item(&next, id));
	assert_int_equal(after->liked, 1);
	assert_int_equal(after->hidden, 1);
	assert_int_equal(after->like_count, before->like_count + 1);
	cursor = xstrdup(next.cursor);
	synced_free(&next);

	assert_int_equal(act_on(f, &f->page, ACTION_UNLIKE, id), 200);
	assert_int_equal(act_on(f, &f->page, ACTION_UNHIDE, id), 200);
	sync_all(f, &f->page, cursor, 0, &next);
	assert_non_null(after = find_item(&next, id));
	assert_int_equal(after->liked, 0);
	assert_int_equal(after->hidden, 0);
	assert_int_equal(after->like_count, before->like_count);
	free(cursor);
	cursor = xstrdup(next.cursor);
	synced_free(&next);

	assert_int_equal(act_on(f, &f->page, ACTION_DELETE, id), 200);
	sync_all(f, &f->page, cursor, 0, &next);
	assert_null(find_item(&next, id));
	assert_true(next.ngone >= 1);
	assert_string_equal(next.gone[0], id);
	synced_free(&next);

	/* A deleted comment is gone for good: 410, a permanent error. */
	assert_int_equal(act(f, &f->page, ACTION_LIKE, id, NULL, NULL, NULL,
	    &cause), 410);
	assert_string_equal(cause, "demo: the comment was deleted");
	free(cause);
	assert_int_equal(act(f, &f->page, ACTION_REPLY, id, "Hello", "k-9",
	    NULL, NULL), 410);
	free(cursor);
	free(id);
	synced_free(&first);
}

/* Hiding on the social flavour is refused with the reason. */
static void
test_demo_hide_on_social_is_a_permanent_error(void **state)
{
	struct fx	*f = *state;
	struct synced	 first;
	char		*cause;

	sync_all(f, &f->social, NULL, 0, &first);
	assert_int_equal(act(f, &f->social, ACTION_HIDE,
	    first_customer_comment(&first), NULL, NULL, NULL, &cause), 400);
	assert_string_equal(cause,
	    "demo: this platform cannot hide replies to your posts");
	free(cause);
	synced_free(&first);
}

/* Bad replies get the right status and message. */
static void
test_demo_bad_replies_are_refused(void **state)
{
	struct fx	*f = *state;
	struct synced	 first;
	struct buf	 b;
	const char	*target;
	char		*cause;
	int		 i;

	sync_all(f, &f->social, NULL, 0, &first);
	target = first_customer_comment(&first);
	assert_int_equal(act(f, &f->social, ACTION_REPLY, target, " \n ",
	    "k-1", NULL, &cause), 400);
	assert_string_equal(cause, "demo: the reply is empty");
	free(cause);
	buf_init(&b, 0);
	for (i = 0; i < 301; i++)
		buf_addstr(&b, "🫖");
	assert_int_equal(act(f, &f->social, ACTION_REPLY, target, b.data,
	    "k-2", NULL, &cause), 400);
	assert_string_equal(cause,
	    "demo: the reply is longer than 300 characters");
	free(cause);
	b.data[b.len - strlen("🫖")] = '\0';	/* 300 teapots fit */
	assert_int_equal(act(f, &f->social, ACTION_REPLY, target, b.data,
	    "k-3", NULL, NULL), 201);
	buf_free(&b);
	assert_int_equal(act(f, &f->social, ACTION_REPLY, "c-no-such", "Hi",
	    "k-4", NULL, &cause), 404);
	assert_string_equal(cause, "demo: no such comment");
	free(cause);
	/* A comment of the other account does not exist here. */
	assert_int_equal(act_on(f, &f->page, ACTION_LIKE, target), 404);
	synced_free(&first);
}

/* A released comment arrives in the next page, created now. */
static void
test_demo_release_adds_an_item(void **state)
{
	struct fx		*f = *state;
	struct synced		 rp, rs, np, ns;
	const struct item	*it;

	sync_all(f, &f->page, NULL, 0, &rp);
	sync_all(f, &f->social, NULL, 0, &rs);
	assert_int_equal(demo_server_release(f->srv, f->now + 60), 1);
	sync_all(f, &f->page, rp.cursor, 0, &np);
	sync_all(f, &f->social, rs.cursor, 0, &ns);
	assert_int_equal(np.items.n + ns.items.n, 1);
	it = np.items.n == 1 ? &np.items.v[0] : &ns.items.v[0];
	assert_null(find_item(np.items.n == 1 ? &rp : &rs, it->remote_id));
	assert_true(it->created >= f->now + 60);
	assert_int_equal(it->own, 0);
	assert_int_equal(release_all(f), 2);
	assert_int_equal(demo_server_release(f->srv, f->now), 0);
	synced_free(&rp);
	synced_free(&rs);
	synced_free(&np);
	synced_free(&ns);
}

/* The server answers any request, however odd, with a JSON status. */
static void
test_demo_server_survives_odd_requests(void **state)
{
	static const struct {
		const char	*method;
		const char	*url;
		long		 status;
	} cases[] = {
		{ NULL, "demo://page/v1/inbox", 400 },
		{ "GET", NULL, 400 },
		{ "GET", "", 400 },
		{ "GET", "http://page/v1/inbox", 400 },
		{ "GET", "demo://", 400 },
		{ "GET", "demo://page", 400 },
		{ "GET", "demo:///v1/inbox", 400 },
		{ "GET", "demo://page/", 400 },
		{ "GET", "demo://page/v1/inbox/", 400 },
		{ "GET", "demo://page//inbox", 400 },
		{ "GET", "demo://page/v1/inbox?x=\n", 400 },
		{ "GET", "demo://page/v1/in box", 400 },
		{ "GET", "demo://page/v1/\xc3\xa9", 400 },
		{ "GET", "demo://page/a/b/c/d/e/f", 400 },
		{ "GET", "demo://nobody/v1/inbox", 404 },
		{ "GET", "demo://page/v2/inbox", 404 },
		{ "GET", "demo://page/v1/outbox", 404 },
		{ "GET", "demo://page/v1/inbox?limit=0", 400 },
		{ "GET", "demo://page/v1/inbox?limit=101", 400 },
		{ "GET", "demo://page/v1/inbox?limit=abc", 400 },
		{ "GET", "demo://page/v1/inbox?limit=", 400 },
		{ "GET", "demo://page/v1/inbox?after=-1", 400 },
		{ "GET", "demo://page/v1/inbox?after=99999999999999999999",
		    400 },
		{ "GET", "demo://page/v1/inbox?since=1e9", 400 },
		{ "GET", "demo://page/v1/inbox?&&=&limit", 200 },
		{ "GET", "demo://page/v1/inbox?after=999999", 200 },
		{ "POST", "demo://page/v1/inbox", 405 },
		{ "GET", "demo://page/v1/comments/c-x", 405 },
		{ "GET", "demo://page/v1/comments/c-x/like", 405 },
		{ "POST", "demo://page/v1/comments/c-x/like", 404 },
		{ "POST", "demo://page/v1/comments/c-x/poke", 404 },
		{ "POST", "demo://page/v1/comments/c-x/replies/x", 404 },
		{ "PATCH", "demo://page/v1/comments/c-x", 405 },
		{ "", "demo://page/v1/inbox", 405 },
	};
	struct fx			*f = *state;
	struct platform_request		 req;
	struct buf			 b;
	json_t				*doc;
	char				*body;
	size_t				 i;
	long				 status;

	for (i = 0; i < nitems(cases); i++) {
		req.method = (char *)cases[i].method;
		req.url = (char *)cases[i].url;
		req.body = NULL;
		req.content_type = NULL;
		req.authorization = (char *)"Bearer test-token";
		print_message("case %zu: %s\n", i, cases[i].url ?
		    cases[i].url : "(null)");
		status = transport(f->srv, &req, &body);
		assert_int_equal(status, cases[i].status);
		assert_non_null(doc = json_loads(body, 0, NULL));
		assert_true(json_is_object(doc));
		if (status >= 400)
			assert_true(json_is_string(json_object_get(
			    json_object_get(doc, "error"), "message")));
		json_decref(doc);
		free(body);
	}

	/* A URL too long, and a body too large. */
	buf_init(&b, 0);
	buf_addstr(&b, "demo://page/v1/inbox?");
	while (b.len < 5000)
		buf_addstr(&b, "limit=1&");
	req.method = (char *)"GET";
	req.url = b.data;
	req.body = NULL;
	assert_int_equal(transport(f->srv, &req, &body), 400);
	free(body);
	buf_free(&b);
	buf_init(&b, 0);
	buf_addstr(&b, "{\"text\":\"");
	while (b.len < 100000)
		buf_addstr(&b, "aaaaaaaaaaaaaaaa");
	buf_addstr(&b, "\"}");
	req.method = (char *)"POST";
	req.url = (char *)"demo://page/v1/comments/c-x/replies";
	req.body = b.data;
	assert_int_equal(transport(f->srv, &req, &body), 413);
	free(body);
	buf_free(&b);
	demo_server_handle(NULL, &req, util_now(), &status, &body);
	assert_int_equal(status, 400);
	free(body);
}

/* A request without a token, or with a revoked one, gets a 401. */
static void
test_demo_server_wants_a_valid_token(void **state)
{
	static const char *const bad[] = {
		NULL, "", "Bearer ", "Basic dXNlcg==", "bearer x",
		"Bearer revoked-1234"
	};
	struct fx		*f = *state;
	struct platform_request	 req;
	char			*body;
	size_t			 i;

	memset(&req, 0, sizeof req);
	req.method = (char *)"GET";
	req.url = (char *)"demo://page/v1/inbox";
	for (i = 0; i < nitems(bad); i++) {
		req.authorization = (char *)bad[i];
		assert_int_equal(transport(f->srv, &req, &body), 401);
		assert_int_equal(demo_page_ops.classify(&(struct
		    platform_response){ .status = 401, .body = body,
		    .len = strlen(body) }, NULL),
		    PLATFORM_ERR_AUTH);
		free(body);
	}
	req.authorization = (char *)"Bearer any-other-token";
	assert_int_equal(transport(f->srv, &req, &body), 200);
	free(body);
}

/* Reply bodies that are not what the API takes get a 400. */
static void
test_demo_server_refuses_bad_reply_bodies(void **state)
{
	static const char *const bodies[] = {
		NULL, "", "not json", "[]", "\"text\"", "{}",
		"{\"text\":5}", "{\"text\":null}", "{\"text\":\"hi\","
		"\"client_key\":5}", "{\"text\":\"hi\",\"client_key\":\"\"}",
		"{\"text\":\"hi\"", "{\"text\":\"\xff\"}",
	};
	struct fx		*f = *state;
	struct synced		 first;
	struct platform_request	 req;
	char			*body;
	size_t			 i;

	sync_all(f, &f->page, NULL, 0, &first);
	req.method = (char *)"POST";
	req.url = xprintf("demo://page/v1/comments/%s/replies",
	    first_customer_comment(&first));
	req.content_type = NULL;
	req.authorization = (char *)"Bearer test-token";
	for (i = 0; i < nitems(bodies); i++) {
		req.body = (char *)bodies[i];
		assert_int_equal(transport(f->srv, &req, &body), 400);
		assert_non_null(strstr(body, "invalid_body"));
		free(body);
	}
	free(req.url);
	synced_free(&first);
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_demo_first_sync_round_trips_the_data),
		T(test_demo_counts_per_account_match_the_table),
		T(test_demo_hostile_comment_is_sanitized),
		T(test_demo_paging_returns_each_item_once),
		T(test_demo_incremental_sync_without_changes_is_empty),
		T(test_demo_history_window_excludes_old_items),
		T(test_demo_reply_appears_in_next_page),
		T(test_demo_reply_with_same_key_is_created_once),
		T(test_demo_actions_show_in_next_page),
		T(test_demo_hide_on_social_is_a_permanent_error),
		T(test_demo_bad_replies_are_refused),
		T(test_demo_release_adds_an_item),
		T(test_demo_server_survives_odd_requests),
		T(test_demo_server_wants_a_valid_token),
		T(test_demo_server_refuses_bad_reply_bodies),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
