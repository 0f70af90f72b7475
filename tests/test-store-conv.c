/*
 * test-store-conv.c -- conversations in the store: which messages form
 * one, what an answer from the shop settles, reading a view as
 * conversations, triage of a whole conversation, and the migration that
 * gives an older cache its conversations. Real SQLite files in a temp dir.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "clock.h"
#include "model.h"
#include "stats.h"
#include "store.h"
#include "util.h"
#include "lib/tmpdir.h"

struct fx {
	char		 dir[256];
	char		 path[512];
	struct store	*s;
	int64_t		 acct;		/* a Bluesky-like account: handles */
	int64_t		 fb;		/* a Facebook-like one: names only */
};

/* Make a fresh temp dir with an opened cache and two accounts. */
static int
fx_setup(void **state)
{
	struct fx	*fx;
	char		*cause = NULL;

	fx = xcalloc(1, sizeof *fx);
	tmpdir_make(fx->dir, sizeof fx->dir, "conv");
	snprintf(fx->path, sizeof fx->path, "%s/cache.db", fx->dir);
	if ((fx->s = store_open(fx->path, 0, &cause)) == NULL)
		fail_msg("%s", cause);
	assert_int_equal(store_account_ensure(fx->s, "social", "bluesky",
	    "shop.example", "https://bsky.example", &fx->acct, &cause), 0);
	assert_int_equal(store_account_ensure(fx->s, "page", "facebook",
	    "shop", "https://graph.example", &fx->fb, &cause), 0);
	*state = fx;
	return 0;
}

/* Close the cache and remove the temp dir with everything in it. */
static int
fx_teardown(void **state)
{
	struct fx	*fx = *state;

	store_close(fx->s);
	tmpdir_remove(fx->dir);
	free(fx);
	return 0;
}

/*
 * Append a message to a list: by author (a handle, and a name made from
 * it), or the shop's own when author is NULL.
 */
static struct item *
msg(struct item_list *l, const char *rid, const char *post,
    const char *parent, int64_t created, const char *author)
{
	struct item	*it = item_list_add(l);

	it->remote_id = xstrdup(rid);
	it->post_remote_id = post != NULL ? xstrdup(post) : NULL;
	it->parent_remote_id = parent != NULL ? xstrdup(parent) : NULL;
	it->created = created;
	it->own = author == NULL;
	it->author_name = xprintf("%s name", author != NULL ? author : "Shop");
	it->author_handle = xstrdup(author != NULL ? author : "shop.example");
	it->text = xprintf("text of %s", rid);
	it->kind = parent != NULL ? ITEM_REPLY : ITEM_COMMENT;
	return it;
}

/* The inbox rank of a message of a lane created at a time. */
#define RANK(lane, t)	((int64_t)(lane) << 36 | (t))

/* Ingest a list for an account and free it. */
static void
ingest(struct fx *fx, int64_t acct, struct item_list *l)
{
	char	*cause = NULL;

	if (store_ingest(fx->s, acct, NULL, 0, l, NULL, 0, NULL, NULL, NULL,
	    &cause) != 0)
		fail_msg("%s", cause);
	item_list_free(l);
}

/* Store a post of the shop's on the first account. */
static void
post(struct fx *fx, const char *rid, int64_t created)
{
	struct post	p;
	char		*cause = NULL;

	memset(&p, 0, sizeof p);
	p.remote_id = xstrdup(rid);
	p.author_name = xstrdup("Shop");
	p.text = xstrdup("a post");
	p.created = created;
	p.own = 1;
	if (store_ingest(fx->s, fx->acct, &p, 1, NULL, NULL, 0, NULL, NULL,
	    NULL, &cause) != 0)
		fail_msg("%s", cause);
	post_clear(&p);
}

/* Ingest one message on the first account. */
static void
one(struct fx *fx, const char *rid, const char *post, const char *parent,
    int64_t created, const char *author)
{
	struct item_list	l = { NULL, 0, 0 };

	msg(&l, rid, post, parent, created, author);
	ingest(fx, fx->acct, &l);
}

/* An item's local id on an account, by remote id (it must exist). */
static int64_t
id_on(struct fx *fx, int64_t acct, const char *rid)
{
	int64_t	 id = 0;
	char	*cause = NULL;

	if (store_item_find(fx->s, acct, rid, &id, &cause) != 0)
		fail_msg("no item %s: %s", rid, cause);
	return id;
}

/* An item's local id on the first account. */
static int64_t
id_of(struct fx *fx, const char *rid)
{
	return id_on(fx, fx->acct, rid);
}

/* The status of an item on the first account, by remote id. */
static int
status_of(struct fx *fx, const char *rid)
{
	struct item	it;
	int		status;

	assert_int_equal(store_item_get(fx->s, id_of(fx, rid), &it, NULL), 0);
	status = it.status;
	item_clear(&it);
	return status;
}

/* Read every conversation of a view, in order. */
static void
convs(struct fx *fx, enum store_view v, struct store_conv_list *out)
{
	char	*cause = NULL;

	memset(out, 0, sizeof *out);
	if (store_conv_page(fx->s, v, NULL, NULL, 1, 1000, NULL, out,
	    &cause) != 0)
		fail_msg("%s", cause);
}

/*
 * Check that a conversation is made of exactly the messages named in a
 * space-separated list of remote ids of the first account, oldest first.
 */
static void
assert_msgs(struct fx *fx, const struct store_conv *c, const char *rids)
{
	const char	*p = rids;
	char		*rid;
	size_t		 n = 0, len;

	while (*p != '\0') {
		len = strcspn(p, " ");
		rid = xstrndup(p, len);
		if (n >= c->n)
			fail_msg("conversation has %zu messages, not %s", c->n,
			    rids);
		if (c->ids[n] != id_of(fx, rid))
			fail_msg("message %zu is item %lld, not %s", n,
			    (long long)c->ids[n], rid);
		free(rid);
		n++;
		p += len + (p[len] == ' ');
	}
	if (n != c->n)
		fail_msg("conversation has %zu messages, not %s", c->n, rids);
}

/* The whole conversation of a message of the first account. */
static void
conv_of(struct fx *fx, const char *rid, struct store_conv *c)
{
	char	*cause = NULL;

	if (store_conv_get(fx->s, id_of(fx, rid), c, &cause) != 0)
		fail_msg("%s", cause);
}

/*
 * A customer's follow-ups in a thread, whatever they reply to, join their
 * first message: one row, waiting since the first, with the newest text.
 */
static void
test_followups_join_one_conversation(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_conv_list	 cl;
	struct store_conv	*c;

	msg(&l, "m1", "p1", NULL, 100, "ann");
	msg(&l, "m2", "p1", "m1", 200, "ann");
	msg(&l, "m3", "p1", NULL, 300, "ann");
	ingest(fx, fx->acct, &l);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 1);
	c = &cl.v[0];
	assert_msgs(fx, c, "m1 m2 m3");
	assert_int_equal(c->first, 100);
	assert_int_equal(c->newest, 300);
	assert_int_equal(c->last_answer, 0);
	assert_int_equal(c->account_id, fx->acct);
	assert_string_equal(c->platform, "bluesky");
	assert_string_equal(c->author_handle, "ann");
	assert_string_equal(c->author_name, "ann name");
	assert_string_equal(c->text, "text of m3");
	/* The inbox's key is the rank: the lane, then the time. */
	assert_int_equal(c->key.sort, RANK(LANE_UNSORTED, 100));
	assert_int_equal(c->key.id, id_of(fx, "m1"));
	store_conv_list_free(&cl);
}

/*
 * The shop's answer to the first message answers the follow-up written
 * before it too: "still no answer, by the way" leaves the inbox with it.
 * A reply made in the platform's own app comes in through sync like any
 * other item, and counts the same.
 */
static void
test_answer_settles_the_whole_conversation(void **state)
{
	struct fx		*fx = *state;
	struct store_conv_list	 cl;
	struct store_counts	 c;

	one(fx, "m1", "p1", NULL, 100, "ann");
	one(fx, "m2", "p1", "m1", 200, "ann");
	assert_int_equal(status_of(fx, "m2"), STATUS_NEW);
	one(fx, "r1", "p1", "m1", 250, NULL);
	assert_int_equal(status_of(fx, "m1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m2"), STATUS_DONE);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 0);
	store_conv_list_free(&cl);
	assert_int_equal(store_counts(fx->s, &c, NULL), 0);
	assert_int_equal(c.view[VIEW_INBOX], 0);
	assert_int_equal(c.view[VIEW_DONE], 2);
	/* Read again by the next sync, nothing changes. */
	one(fx, "r1", "p1", "m1", 250, NULL);
	one(fx, "m2", "p1", "m1", 200, "ann");
	assert_int_equal(status_of(fx, "m2"), STATUS_DONE);
}

/*
 * An answer to the follow-up answers the first message too; so does one
 * that Facebook files under the top comment whichever message it meant.
 * Snoozed messages are left to wake, as for a single reply.
 */
static void
test_answer_to_any_message_answers_all_before_it(void **state)
{
	struct fx	*fx = *state;

	one(fx, "m1", "p1", NULL, 100, "ann");
	one(fx, "m2", "p1", "m1", 200, "ann");
	one(fx, "r1", "p1", "m2", 250, NULL);
	assert_int_equal(status_of(fx, "m1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m2"), STATUS_DONE);

	one(fx, "b1", "p2", NULL, 100, "bob");
	one(fx, "b2", "p2", "b1", 200, "bob");
	one(fx, "b3", "p2", "b1", 300, "bob");
	assert_int_equal(store_set_status(fx->s, id_of(fx, "b2"),
	    STATUS_SNOOZED, 5000, NULL), 0);
	one(fx, "r2", "p2", "b1", 350, NULL);
	assert_int_equal(status_of(fx, "b1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "b2"), STATUS_SNOOZED);
	assert_int_equal(status_of(fx, "b3"), STATUS_DONE);
}

/*
 * A message after the shop's answer starts a new conversation, waiting
 * since that message; the answered one stays done and apart.
 */
static void
test_message_after_answer_opens_a_new_conversation(void **state)
{
	struct fx		*fx = *state;
	struct store_conv_list	 cl;
	struct store_conv	 c;

	one(fx, "m1", "p1", NULL, 100, "ann");
	one(fx, "r1", "p1", "m1", 150, NULL);
	one(fx, "m2", "p1", "r1", 200, "ann");
	one(fx, "m3", "p1", NULL, 300, "ann");
	assert_int_equal(status_of(fx, "m1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m2"), STATUS_NEW);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m2 m3");
	assert_int_equal(cl.v[0].first, 200);
	assert_int_equal(cl.v[0].last_answer, 150);
	store_conv_list_free(&cl);
	/* Newest first, the new conversation is on top of the old one. */
	convs(fx, VIEW_ALL, &cl);
	assert_int_equal(cl.n, 2);
	assert_msgs(fx, &cl.v[0], "m2 m3");
	assert_msgs(fx, &cl.v[1], "m1");
	store_conv_list_free(&cl);
	conv_of(fx, "m1", &c);
	assert_msgs(fx, &c, "m1");
	store_conv_clear(&c);
	conv_of(fx, "m3", &c);
	assert_msgs(fx, &c, "m2 m3");
	store_conv_clear(&c);
	/* A second answer closes the second conversation only. */
	one(fx, "r2", "p1", "m3", 400, NULL);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 0);
	store_conv_list_free(&cl);
	convs(fx, VIEW_DONE, &cl);
	assert_int_equal(cl.n, 2);
	store_conv_list_free(&cl);
}

/*
 * Two authors in one thread are two conversations, even when one replies
 * to the other; the same author in another thread, or the same ids on
 * another account, are others again. An answer to one leaves the others.
 */
static void
test_two_authors_in_one_thread_are_two_conversations(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_conv_list	 cl;

	msg(&l, "m1", "p1", NULL, 100, "ann");
	msg(&l, "b1", "p1", "m1", 150, "bob");
	msg(&l, "m2", "p1", "b1", 200, "ann");
	msg(&l, "m3", "p2", NULL, 250, "ann");
	ingest(fx, fx->acct, &l);
	msg(&l, "m1", "p1", NULL, 120, "ann");
	msg(&l, "m2", "p1", NULL, 220, "ann");
	ingest(fx, fx->fb, &l);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 4);
	assert_msgs(fx, &cl.v[0], "m1 m2");
	assert_int_equal(cl.v[1].account_id, fx->fb);
	assert_int_equal(cl.v[1].n, 2);
	assert_msgs(fx, &cl.v[2], "b1");
	assert_msgs(fx, &cl.v[3], "m3");
	store_conv_list_free(&cl);

	one(fx, "r1", "p1", "b1", 300, NULL);
	assert_int_equal(status_of(fx, "b1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m1"), STATUS_NEW);
	assert_int_equal(status_of(fx, "m2"), STATUS_NEW);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 3);
	store_conv_list_free(&cl);
}

/*
 * Where the platform gives no handle (Facebook), the name stands for the
 * author: two names are two people, one name one person. Where it gives
 * one, the handle decides: two people of one name are two.
 */
static void
test_name_stands_for_a_missing_handle(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_conv_list	 cl;
	struct item		*it;
	size_t			 i;

	msg(&l, "f1", "p1", NULL, 100, "Ann");
	msg(&l, "f2", "p1", NULL, 200, "Bob");
	msg(&l, "f3", "p1", "f1", 300, "Ann");
	for (i = 0; i < l.n; i++) {
		free(l.v[i].author_handle);
		l.v[i].author_handle = i == 2 ? NULL : xstrdup("");
	}
	ingest(fx, fx->fb, &l);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 2);
	assert_int_equal(cl.v[0].n, 2);
	assert_int_equal(cl.v[0].ids[0], id_on(fx, fx->fb, "f1"));
	assert_int_equal(cl.v[0].ids[1], id_on(fx, fx->fb, "f3"));
	assert_int_equal(cl.v[1].ids[0], id_on(fx, fx->fb, "f2"));
	store_conv_list_free(&cl);

	it = msg(&l, "h1", "p1", NULL, 400, "jan.example");
	free(it->author_name);
	it->author_name = xstrdup("Jan");
	it = msg(&l, "h2", "p1", NULL, 500, "jan.other.example");
	free(it->author_name);
	it->author_name = xstrdup("Jan");
	ingest(fx, fx->acct, &l);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 4);
	assert_msgs(fx, &cl.v[2], "h1");
	assert_msgs(fx, &cl.v[3], "h2");
	store_conv_list_free(&cl);
}

/*
 * A message deleted on the platform stays in its conversation but never
 * waits; an answer to it still answers the rest.
 */
static void
test_deleted_messages_stay_but_never_wait(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_conv_list	 cl;
	struct store_conv	 c;
	char			*gone[] = { (char *)"m2" };
	char			*cause = NULL;

	msg(&l, "m1", "p1", NULL, 100, "ann");
	msg(&l, "m2", "p1", NULL, 200, "ann");
	msg(&l, "m3", "p1", NULL, 300, "ann");
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_ingest(fx->s, fx->acct, NULL, 0, NULL, gone, 1,
	    NULL, NULL, NULL, &cause), 0);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m1 m3");
	store_conv_list_free(&cl);
	conv_of(fx, "m3", &c);
	assert_msgs(fx, &c, "m1 m2 m3");
	store_conv_clear(&c);
	/* Its own deletion is already done: the conversation's done skips it. */
	assert_int_equal(store_conv_set_status(fx->s, id_of(fx, "m1"),
	    STATUS_READ, 0, 0, &cause), 0);
	assert_int_equal(status_of(fx, "m2"), STATUS_DONE);

	one(fx, "r1", "p1", "m2", 400, NULL);
	assert_int_equal(status_of(fx, "m1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m3"), STATUS_DONE);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 0);
	store_conv_list_free(&cl);
}

/*
 * Order of arrival does not matter: a follow-up read before the message it
 * follows, or the answer read before the message it answers, give the
 * same conversations as the other order.
 */
static void
test_out_of_order_arrivals(void **state)
{
	struct fx		*fx = *state;
	struct store_conv_list	 cl;

	one(fx, "m2", "p1", "m1", 200, "ann");
	one(fx, "m1", "p1", NULL, 100, "ann");
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m1 m2");
	assert_int_equal(cl.v[0].first, 100);
	store_conv_list_free(&cl);

	/* Bob's later message, then the answer, then what it answered. */
	one(fx, "b3", "p2", NULL, 300, "bob");
	one(fx, "r1", "p2", "b1", 250, NULL);
	one(fx, "b2", "p2", NULL, 200, "bob");
	one(fx, "b1", "p2", NULL, 100, "bob");
	assert_int_equal(status_of(fx, "b1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "b2"), STATUS_DONE);
	assert_int_equal(status_of(fx, "b3"), STATUS_NEW);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 2);
	assert_msgs(fx, &cl.v[1], "b3");
	assert_int_equal(cl.v[1].last_answer, 250);
	store_conv_list_free(&cl);

	/* A follow-up read after the answer that came after it. */
	one(fx, "c1", "p3", NULL, 100, "cat");
	one(fx, "r2", "p3", "c1", 300, NULL);
	one(fx, "c2", "p3", "c1", 200, "cat");
	assert_int_equal(status_of(fx, "c2"), STATUS_DONE);
	one(fx, "c3", "p3", "c1", 400, "cat");
	assert_int_equal(status_of(fx, "c3"), STATUS_NEW);
}

/*
 * Whether a thread's post is stored before its comments, after some, or
 * never, a customer's messages there are one conversation, and an
 * answer answers them all.
 */
static void
test_post_stored_before_after_or_never(void **state)
{
	struct fx		*fx = *state;
	struct store_conv_list	 cl;
	int			 i;

	post(fx, "p1", 10);
	one(fx, "a1", "p1", NULL, 100, "ann");
	one(fx, "b1", "p2", NULL, 100, "bob");
	one(fx, "c1", "p3", NULL, 100, "cat");
	post(fx, "p2", 10);
	for (i = 0; i < 2; i++) {
		one(fx, "a2", "p1", NULL, 200, "ann");
		one(fx, "b2", "p2", NULL, 200, "bob");
		one(fx, "c2", "p3", NULL, 200, "cat");
	}
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 3);
	assert_msgs(fx, &cl.v[0], "a1 a2");
	assert_msgs(fx, &cl.v[1], "b1 b2");
	assert_msgs(fx, &cl.v[2], "c1 c2");
	store_conv_list_free(&cl);

	/* An answer read before its thread's post moves with the thread. */
	one(fx, "d1", "p4", NULL, 100, "dan");
	one(fx, "r4", "p4", "d1", 150, NULL);
	post(fx, "p4", 10);
	one(fx, "d0", "p4", NULL, 120, "dan");
	one(fx, "d2", "p4", NULL, 200, "dan");
	assert_int_equal(status_of(fx, "d0"), STATUS_DONE);
	assert_int_equal(status_of(fx, "d2"), STATUS_NEW);
	one(fx, "r1", "p1", "a1", 300, NULL);
	one(fx, "r2", "p2", "b2", 300, NULL);
	one(fx, "r3", "p3", "c1", 300, NULL);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "d2");
	assert_int_equal(cl.v[0].last_answer, 150);
	store_conv_list_free(&cl);
}

/* The number of items on an account whose post_id is not their post's. */
static int
items_off_their_post(struct fx *fx)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 n = -1;

	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM items "
	    "AS i WHERE i.post_id IS NOT (SELECT p.id FROM posts AS p WHERE "
	    "p.account_id = i.account_id AND p.remote_id = i.post_remote_id)",
	    -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/*
 * One page whose comments hang on many posts, in turn: posts of the page,
 * posts stored before, and posts never stored, more of them than ingest
 * keeps the ids of at once. Each comment is linked to its own post, and
 * each customer's two messages in a thread are one conversation.
 */
static void
test_page_of_many_threads_links_each_to_its_post(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_conv_list	 cl;
	struct store_conv	 c;
	struct post		 p[20];
	char			*cause = NULL, rid[32], pr[32], who[32];
	size_t			 np = 0;
	int			 i, round;

	for (i = 0; i < 40; i += 4) {
		snprintf(pr, sizeof pr, "p%02d", i);
		post(fx, pr, 10);		/* stored before */
	}
	memset(p, 0, sizeof p);
	for (i = 1; i < 40; i += 2) {
		snprintf(pr, sizeof pr, "p%02d", i);
		p[np].remote_id = xstrdup(pr);	/* stored with the page */
		p[np].author_name = xstrdup("Shop");
		p[np].created = 10;
		p[np++].own = 1;
	}
	for (round = 0; round < 2; round++) {
		for (i = 0; i < 40; i++) {
			snprintf(rid, sizeof rid, "m%d-%02d", round, i);
			snprintf(pr, sizeof pr, "p%02d", i);
			snprintf(who, sizeof who, "u%02d", i);
			msg(&l, rid, pr, NULL, 100 + round * 100 + i, who);
		}
	}
	if (store_ingest(fx->s, fx->acct, p, np, &l, NULL, 0, NULL, NULL,
	    NULL, &cause) != 0)
		fail_msg("%s", cause);
	item_list_free(&l);
	for (i = 0; i < (int)np; i++)
		post_clear(&p[i]);
	assert_int_equal(items_off_their_post(fx), 0);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 40);
	for (i = 0; i < 40; i++)
		assert_int_equal(cl.v[i].n, 2);
	store_conv_list_free(&cl);
	/* Threads whose posts were missing join them when they come. */
	post(fx, "p02", 10);
	one(fx, "m2-02", "p02", NULL, 400, "u02");
	conv_of(fx, "m2-02", &c);
	assert_msgs(fx, &c, "m0-02 m1-02 m2-02");
	store_conv_clear(&c);
	assert_int_equal(items_off_their_post(fx), 0);
}

/*
 * On a post that is itself a customer's (a visitor's post on a Facebook
 * Page), the shop's top-level comment answers the post's author; on the
 * shop's own post, a top-level comment answers no one.
 */
static void
test_comment_on_a_visitors_post_answers_its_author(void **state)
{
	struct fx	*fx = *state;

	one(fx, "v1", "v1", NULL, 100, "ann");
	one(fx, "v2", "v1", NULL, 150, "ann");
	one(fx, "x1", "v1", NULL, 160, "bob");
	one(fx, "r1", "v1", NULL, 200, NULL);
	assert_int_equal(status_of(fx, "v1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "v2"), STATUS_DONE);
	assert_int_equal(status_of(fx, "x1"), STATUS_NEW);

	one(fx, "m1", "p1", NULL, 100, "ann");
	one(fx, "r2", "p1", NULL, 200, NULL);
	one(fx, "r3", "p1", "p1", 210, NULL);
	assert_int_equal(status_of(fx, "m1"), STATUS_NEW);
}

/*
 * The shop's reply to its own answer answers whom that one answered: a
 * follow-up between the two is answered by the second.
 */
static void
test_reply_to_own_answer_answers_the_same_customer(void **state)
{
	struct fx	*fx = *state;

	one(fx, "m1", "p1", NULL, 100, "ann");
	one(fx, "r1", "p1", "m1", 150, NULL);
	one(fx, "m2", "p1", "r1", 200, "ann");
	assert_int_equal(status_of(fx, "m2"), STATUS_NEW);
	one(fx, "r2", "p1", "r1", 250, NULL);
	assert_int_equal(status_of(fx, "m2"), STATUS_DONE);
}

/*
 * Done, snooze and flags act on the whole conversation, each message's
 * change logged; a message newer than upto is left alone, and one from
 * another conversation of the same customer too.
 */
static void
test_triage_acts_on_the_whole_conversation(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_activity	*a;
	char			*detail;
	struct item		 it;
	size_t			 n, i;
	char			*cause = NULL;

	msg(&l, "m0", "p1", NULL, 50, "ann");
	msg(&l, "r0", "p1", "m0", 60, NULL);
	msg(&l, "m1", "p1", NULL, 100, "ann");
	msg(&l, "m2", "p1", "m1", 200, "ann");
	msg(&l, "m3", "p1", "m1", 300, "ann");
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_conv_set_status(fx->s, id_of(fx, "m2"),
	    STATUS_DONE, 0, 200, &cause), 0);
	assert_int_equal(status_of(fx, "m1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m2"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m3"), STATUS_NEW);
	assert_int_equal(store_activity_recent(fx->s, 10, &a, &n, &cause), 0);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		assert_string_equal(a[i].action, "done");
		assert_string_equal(a[i].detail, "conversation");
	}
	assert_true((a[0].item_id == id_of(fx, "m1") &&
	    a[1].item_id == id_of(fx, "m2")) ||
	    (a[1].item_id == id_of(fx, "m1") &&
	    a[0].item_id == id_of(fx, "m2")));
	store_activity_free(a, n);

	assert_int_equal(store_conv_set_status(fx->s, id_of(fx, "m3"),
	    STATUS_SNOOZED, 9000, 0, &cause), 0);
	assert_int_equal(status_of(fx, "m1"), STATUS_SNOOZED);
	assert_int_equal(status_of(fx, "m2"), STATUS_SNOOZED);
	assert_int_equal(status_of(fx, "m3"), STATUS_SNOOZED);
	assert_int_equal(status_of(fx, "m0"), STATUS_DONE);
	assert_int_equal(store_activity_recent(fx->s, 1, &a, &n, &cause), 0);
	assert_string_equal(a[0].action, "snoozed");
	assert_string_equal(a[0].detail, "9000 conversation");
	/* For people: the date, then what it was about. */
	detail = activity_detail(a[0].action, a[0].detail);
	assert_int_equal(strncmp(detail, "until ", 6), 0);
	assert_true(strlen(detail) > 20);
	assert_string_equal(detail + strlen(detail) - 14, ", conversation");
	free(detail);
	store_activity_free(a, n);

	assert_int_equal(store_conv_set_flags(fx->s, id_of(fx, "m1"),
	    ITEM_FLAG_ESCALATED, "ask Marloes", 0, &cause), 0);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "m3"), &it, NULL), 0);
	assert_int_equal(it.flags, ITEM_FLAG_ESCALATED);
	assert_string_equal(it.note, "ask Marloes");
	item_clear(&it);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "m0"), &it, NULL), 0);
	assert_int_equal(it.flags, 0);
	item_clear(&it);
	assert_int_equal(store_activity_recent(fx->s, 3, &a, &n, &cause), 0);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		assert_string_equal(a[i].action, "flagged");
		assert_string_equal(a[i].detail, "ask Marloes");
	}
	store_activity_free(a, n);

	/* The shop's own item is no conversation. */
	assert_int_equal(store_conv_set_status(fx->s, id_of(fx, "r0"),
	    STATUS_DONE, 0, 0, &cause), -1);
	assert_non_null(cause);
	free(cause);
}

/*
 * Conversations are read a page at a time with a keyset key, both ways,
 * and a page never splits a conversation.
 */
static void
test_pages_of_conversations(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_conv_list	 cl;
	struct store_key	 key;
	char			 rid[16], who[16];
	int			 i;

	/* Five customers, each with a first message and a follow-up. */
	for (i = 0; i < 5; i++) {
		snprintf(rid, sizeof rid, "a%d", i);
		snprintf(who, sizeof who, "user%d", i);
		msg(&l, rid, "p1", NULL, 100 + i, who);
		snprintf(rid, sizeof rid, "b%d", i);
		msg(&l, rid, "p1", NULL, 200 - i, who);
	}
	ingest(fx, fx->acct, &l);
	memset(&cl, 0, sizeof cl);
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, NULL, NULL, 1, 2, NULL, &cl,
	    NULL), 0);
	assert_int_equal(cl.n, 2);
	assert_msgs(fx, &cl.v[0], "a0 b0");
	assert_msgs(fx, &cl.v[1], "a1 b1");
	key = cl.v[1].key;
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, NULL, &key, 1, 10, NULL, &cl,
	    NULL), 0);
	assert_int_equal(cl.n, 5);
	assert_msgs(fx, &cl.v[2], "a2 b2");
	assert_msgs(fx, &cl.v[4], "a4 b4");
	key = cl.v[4].key;
	store_conv_list_free(&cl);
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, NULL, &key, -1, 2, NULL, &cl,
	    NULL), 0);
	assert_int_equal(cl.n, 2);
	assert_msgs(fx, &cl.v[0], "a2 b2");
	assert_msgs(fx, &cl.v[1], "a3 b3");
	store_conv_list_free(&cl);
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, NULL, NULL, -1, 1, NULL, &cl,
	    NULL), 0);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "a4 b4");
	store_conv_list_free(&cl);
}

/*
 * Newest first (the view of everything), a conversation is listed at its
 * newest message, and a page that starts below that message does not
 * list it again for an older one.
 */
static void
test_pages_of_conversations_newest_first(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 };
	struct store_conv_list	 cl;
	struct store_key	 key;

	msg(&l, "a1", "p1", NULL, 100, "ann");
	msg(&l, "b1", "p1", NULL, 200, "bob");
	msg(&l, "a2", "p1", NULL, 300, "ann");
	ingest(fx, fx->acct, &l);
	memset(&cl, 0, sizeof cl);
	assert_int_equal(store_conv_page(fx->s, VIEW_ALL, NULL, NULL, 1, 1,
	    NULL, &cl, NULL), 0);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "a1 a2");
	assert_int_equal(cl.v[0].key.sort, 300);
	key = cl.v[0].key;
	store_conv_list_free(&cl);
	/* Below a2: bob's, and a1 only as ann's, which was listed above. */
	assert_int_equal(store_conv_page(fx->s, VIEW_ALL, NULL, &key, 1, 10,
	    NULL, &cl, NULL), 0);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "b1");
	key = cl.v[0].key;
	store_conv_list_free(&cl);
	/* And back up from bob's: ann's, once. */
	assert_int_equal(store_conv_page(fx->s, VIEW_ALL, NULL, &key, -1, 10,
	    NULL, &cl, NULL), 0);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "a1 a2");
	store_conv_list_free(&cl);
}

/*
 * Other views group their own messages: a conversation with messages
 * snoozed and waiting is a row of the snoozed view with the snoozed ones
 * and one of the inbox with the rest.
 */
static void
test_views_list_their_own_messages(void **state)
{
	struct fx		*fx = *state;
	struct store_conv_list	 cl;

	one(fx, "m1", "p1", NULL, 100, "ann");
	one(fx, "m2", "p1", NULL, 200, "ann");
	assert_int_equal(store_conv_set_status(fx->s, id_of(fx, "m1"),
	    STATUS_SNOOZED, 7000, 0, NULL), 0);
	one(fx, "m3", "p1", NULL, 300, "ann");
	convs(fx, VIEW_SNOOZED, &cl);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m1 m2");
	assert_int_equal(cl.v[0].key.sort, 7000);
	store_conv_list_free(&cl);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m3");
	store_conv_list_free(&cl);
	assert_int_equal(store_conv_set_flags(fx->s, id_of(fx, "m3"),
	    ITEM_FLAG_STARRED, NULL, 0, NULL), 0);
	convs(fx, VIEW_FLAGGED, &cl);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m1 m2 m3");
	store_conv_list_free(&cl);
}

/*
 * A reply heed sent answers the conversation of the message it was
 * written to, wherever the platform filed it (Facebook puts a reply to
 * a reply under the thread's top comment, someone else's).
 */
static void
test_sent_reply_answers_its_conversation(void **state)
{
	struct fx	*fx = *state;
	char		*cause = NULL;

	one(fx, "c1", "p1", NULL, 100, "cat");
	one(fx, "m1", "p1", "c1", 200, "ann");
	one(fx, "m2", "p1", "c1", 300, "ann");
	one(fx, "m3", "p1", "c1", 500, "ann");
	assert_int_equal(store_conv_answered(fx->s, id_of(fx, "m2"), 400,
	    &cause), 0);
	assert_int_equal(status_of(fx, "m1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m2"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m3"), STATUS_NEW);
	assert_int_equal(status_of(fx, "c1"), STATUS_NEW);
}

/*
 * Times are whole seconds, so a message written in the second of the
 * shop's answer may have come after it: the owner cannot have read it. It
 * keeps waiting, in a conversation of its own, whichever arrives first;
 * only the message the answer replies to is answered at the same second.
 */
static void
test_message_in_the_answers_second_keeps_waiting(void **state)
{
	struct fx		*fx = *state;
	struct store_conv_list	 cl;
	struct store_conv	 c;
	char			*cause = NULL;

	one(fx, "m1", "p1", NULL, 100, "ann");
	one(fx, "r1", "p1", "m1", 150, NULL);
	one(fx, "m2", "p1", NULL, 150, "ann");
	assert_int_equal(status_of(fx, "m1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m2"), STATUS_NEW);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m2");
	assert_int_equal(cl.v[0].last_answer, 150);
	store_conv_list_free(&cl);
	conv_of(fx, "m1", &c);
	assert_msgs(fx, &c, "m1");
	store_conv_clear(&c);

	/* The same, the follow-up read before the answer. */
	one(fx, "b1", "p2", NULL, 100, "bob");
	one(fx, "b2", "p2", NULL, 150, "bob");
	one(fx, "r2", "p2", "b1", 150, NULL);
	assert_int_equal(status_of(fx, "b1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "b2"), STATUS_NEW);

	/* Answered in its own second, the message replied to is done. */
	one(fx, "c1", "p3", NULL, 100, "cat");
	one(fx, "c2", "p3", NULL, 100, "cat");
	one(fx, "r3", "p3", "c1", 100, NULL);
	assert_int_equal(status_of(fx, "c1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "c2"), STATUS_NEW);
	/* Read before its answer, too. */
	one(fx, "r4", "p4", "d1", 100, NULL);
	one(fx, "d1", "p4", NULL, 100, "dan");
	one(fx, "d2", "p4", NULL, 100, "dan");
	assert_int_equal(status_of(fx, "d1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "d2"), STATUS_NEW);

	/* A reply heed sent, made in the second of another message. */
	one(fx, "e1", "p5", NULL, 100, "eve");
	one(fx, "e2", "p5", NULL, 200, "eve");
	assert_int_equal(store_conv_answered(fx->s, id_of(fx, "e1"), 200,
	    &cause), 0);
	assert_int_equal(status_of(fx, "e1"), STATUS_DONE);
	assert_int_equal(status_of(fx, "e2"), STATUS_NEW);
}

/*
 * A filter reads a view's conversations made of the messages it lets
 * through: the author's finds the whole conversation, a word only the
 * messages that hold it, headed by the first of those.
 */
static void
test_filtered_conversations(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 }, heads = { NULL, 0, 0 };
	struct store_filter	 f;
	struct store_conv_list	 cl = { NULL, 0, 0 };
	char			*cause = NULL;

	msg(&l, "m1", "p1", NULL, 100, "ann");
	msg(&l, "m2", "p1", "m1", 200, "ann");
	msg(&l, "m3", "p1", "m1", 300, "ann");
	msg(&l, "b1", "p2", NULL, 150, "bob");
	ingest(fx, fx->acct, &l);
	memset(&f, 0, sizeof f);
	f.author = "ann";
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, &f, NULL, 1, 10,
	    &heads, &cl, &cause), 0);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m1 m2 m3");
	assert_int_equal(heads.n, 1);
	assert_int_equal(heads.v[0].id, id_of(fx, "m1"));
	store_conv_list_free(&cl);
	item_list_free(&heads);

	memset(&f, 0, sizeof f);
	f.text = "m2";
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, &f, NULL, 1, 10,
	    &heads, &cl, &cause), 0);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m2");
	assert_int_equal(heads.v[0].id, id_of(fx, "m2"));
	assert_int_equal(cl.v[0].key.sort, RANK(LANE_UNSORTED, 200));
	store_conv_list_free(&cl);
	item_list_free(&heads);

	/* Backwards from the end, as the queue pages up. */
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, NULL, NULL, -1, 1,
	    &heads, &cl, &cause), 0);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "b1");
	assert_string_equal(heads.v[0].remote_id, "b1");
	store_conv_list_free(&cl);
	item_list_free(&heads);
}

/*
 * Tags go on a whole conversation, are read with each message, filter a
 * view by an index, are listed with their counts, and undo (restore)
 * puts back exactly the tags a message had.
 */
static void
test_tags_on_conversations(void **state)
{
	struct fx		*fx = *state;
	struct item_list	 l = { NULL, 0, 0 }, heads = { NULL, 0, 0 };
	struct store_filter	 f;
	struct store_conv_list	 cl = { NULL, 0, 0 };
	struct store_tag_name	*names;
	struct store_activity	*a;
	struct item		 it, before;
	size_t			 n;
	char			*cause = NULL;

	msg(&l, "m1", "p1", NULL, 100, "ann");
	msg(&l, "m2", "p1", "m1", 200, "ann");
	msg(&l, "b1", "p2", NULL, 150, "bob");
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "m1"), &before,
	    NULL), 0);
	assert_null(before.tags);
	assert_int_equal(store_conv_set_tag(fx->s, id_of(fx, "m1"), "refunds",
	    1, 0, &cause), 0);
	assert_int_equal(store_conv_set_tag(fx->s, id_of(fx, "m2"), "asked",
	    1, 0, &cause), 0);
	/* Twice is once, and logs nothing more. */
	assert_int_equal(store_conv_set_tag(fx->s, id_of(fx, "m2"), "asked",
	    1, 0, &cause), 0);
	assert_int_equal(store_set_tag(fx->s, id_of(fx, "b1"), "refunds", 1,
	    NULL, &cause), 0);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "m2"), &it, NULL), 0);
	assert_string_equal(it.tags, "asked refunds");
	item_clear(&it);
	assert_int_equal(store_activity_recent(fx->s, 10, &a, &n, &cause), 0);
	assert_int_equal(n, 5);
	assert_string_equal(a[0].action, "tagged");
	assert_string_equal(a[0].detail, "refunds");
	store_activity_free(a, n);

	memset(&f, 0, sizeof f);
	f.tag = "asked";
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, &f, NULL, 1, 10,
	    &heads, &cl, &cause), 0);
	assert_int_equal(cl.n, 1);
	assert_msgs(fx, &cl.v[0], "m1 m2");
	store_conv_list_free(&cl);
	item_list_free(&heads);
	f.tag = "refunds";
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, &f, NULL, 1, 10,
	    &heads, &cl, &cause), 0);
	assert_int_equal(cl.n, 2);
	store_conv_list_free(&cl);
	item_list_free(&heads);
	f.tag = "nothing";
	assert_int_equal(store_conv_page(fx->s, VIEW_INBOX, &f, NULL, 1, 10,
	    &heads, &cl, &cause), 0);
	assert_int_equal(cl.n, 0);
	store_conv_list_free(&cl);
	item_list_free(&heads);

	assert_int_equal(store_tag_names(fx->s, &names, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(names[0].name, "asked");
	assert_int_equal(names[0].count, 2);
	assert_string_equal(names[1].name, "refunds");
	assert_int_equal(names[1].count, 3);
	store_tag_names_free(names, n);

	/* Off the conversation again; then undo puts m1 back as it was. */
	assert_int_equal(store_conv_set_tag(fx->s, id_of(fx, "m1"), "asked",
	    0, 0, &cause), 0);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "m2"), &it, NULL), 0);
	assert_string_equal(it.tags, "refunds");
	item_clear(&it);
	assert_int_equal(store_restore_triage(fx->s, &before, 1, &cause), 0);
	assert_int_equal(store_item_get(fx->s, id_of(fx, "m1"), &it, NULL), 0);
	assert_null(it.tags);
	item_clear(&it);
	item_clear(&before);
}

/* Collect the conversations store_conv_stats gives, as "first-answer". */
static void
stats_collect(void *arg, const struct store_conv_stat *c)
{
	struct buf	*b = arg;

	buf_printf(b, "%s%lld-%lld", b->len > 0 ? " " : "",
	    (long long)c->first, (long long)c->answer);
}

/*
 * Statistics see each conversation with the shop's first answer after
 * it: a follow-up before the answer is the same conversation, one after
 * it (or in its very second) a new one; the shop's answer on the
 * platform's own app counts as any other; a deleted message begins
 * nothing.
 */
static void
test_conversations_for_statistics(void **state)
{
	struct fx	*fx = *state;
	struct item_list l = { NULL, 0, 0 };
	struct buf	 b;
	char		*cause = NULL;
	const char	*got;

	msg(&l, "m1", "p1", NULL, 100, "ann");
	msg(&l, "m2", "p1", "m1", 200, "ann");
	msg(&l, "r1", "p1", "m1", 250, NULL);
	msg(&l, "m3", "p1", NULL, 300, "ann");
	msg(&l, "r2", "p1", "m3", 1000, NULL);
	msg(&l, "m4", "p1", NULL, 1000, "ann");
	msg(&l, "b1", "p2", NULL, 150, "bob");
	msg(&l, "c1", "p3", NULL, 400, "cat");
	l.v[l.n - 1].deleted = 1;
	ingest(fx, fx->acct, &l);
	buf_init(&b, 0);
	assert_int_equal(store_conv_stats(fx->s, stats_collect, &b, &cause), 0);
	got = b.data != NULL ? b.data : "";
	/* Keys come in their own order: look for each. */
	assert_non_null(strstr(got, "100-250"));
	assert_non_null(strstr(got, "300-1000"));
	assert_non_null(strstr(got, "1000-0"));
	assert_non_null(strstr(got, "150-0"));
	assert_null(strstr(got, "200-"));
	assert_null(strstr(got, "400-"));
	assert_int_equal(strlen(got), strlen("100-250 300-1000 1000-0 150-0"));
	buf_free(&b);
}

/*
 * Statistics leave out what asked nothing and was never answered (a
 * thank-you note is no conversation left unanswered), as heed status
 * does; one the shop answered all the same counts, and what was never
 * sorted is read on the spot.
 */
static void
test_statistics_leave_out_what_asked_nothing(void **state)
{
	struct fx	*fx = *state;
	struct item_list l = { NULL, 0, 0 };
	struct stats	 st;
	struct clock	 c;
	char		*cause = NULL;
	size_t		 i, open = 0, answered = 0;

	msg(&l, "t1", "p1", NULL, 1000, "ann");		/* thanks, left */
	msg(&l, "t2", "p2", NULL, 1100, "bob");		/* thanks, answered */
	msg(&l, "r2", "p2", "t2", 1200, NULL);
	msg(&l, "q1", "p3", NULL, 1300, "cat");		/* a question */
	msg(&l, "u1", "p4", NULL, 1400, "dan");		/* never sorted */
	free(l.v[l.n - 1].text);
	l.v[l.n - 1].text = xstrdup("Thank you so much, lovely!");
	ingest(fx, fx->acct, &l);
	assert_int_equal(store_item_sort(fx->s, id_of(fx, "t1"), 0,
	    0 /* no reply */, 0, 0, &cause), 0);
	assert_int_equal(store_item_sort(fx->s, id_of(fx, "t2"), 0, 0, 0, 0,
	    &cause), 0);
	assert_int_equal(store_item_sort(fx->s, id_of(fx, "q1"), 1,
	    2 /* yes */, 0, 0, &cause), 0);
	memset(&c, 0, sizeof c);
	c.dflt.target = 4 * 3600;
	c.dflt.h.always = 1;				/* no hours */
	c.simple = 1;
	stats_init(&st, 0, 100000, 100000);
	assert_int_equal(stats_load(&st, fx->s, &c, &cause), 0);
	for (i = 0; i < st.n; i++) {
		if (st.v[i].waited < 0)
			open++;
		else
			answered++;
	}
	assert_int_equal(answered, 1);			/* t2 */
	assert_int_equal(open, 1);			/* q1 */
	assert_int_equal(st.n, 2);
	stats_free(&st);
}

/* What schema 12 to 6 added, taken away again: a cache of schema 5. */
static const char schema_6_undo[] =
"DROP TABLE read_marks;"
"DROP TABLE kept;"
"ALTER TABLE items DROP COLUMN warning;"
"DROP INDEX activity_time;"
"ALTER TABLE activity DROP COLUMN who;"
"DROP TABLE item_tags;"
"DROP INDEX items_inbox;"
"ALTER TABLE items DROP COLUMN rank;"
"ALTER TABLE items DROP COLUMN kind_by;"
"ALTER TABLE items DROP COLUMN urgency;"
"ALTER TABLE items DROP COLUMN creply;"
"ALTER TABLE items DROP COLUMN ckind;"
"ALTER TABLE items DROP COLUMN lane;"
"CREATE INDEX items_inbox ON items (created, id) WHERE queue = 0;"
"DELETE FROM meta WHERE key = 'inbox_age';"
"DROP INDEX items_ckey;"
"ALTER TABLE items DROP COLUMN ckey;"
"DELETE FROM meta WHERE key IN ('conv_key0', 'conv_key1');"
"PRAGMA user_version = 5;";

/*
 * A cache of schema 5 gets its conversations: follow-ups join, and one
 * that the shop's answer to the first message would have answered (the
 * old heed left it waiting) leaves the inbox; so does one that the
 * shop's reply to its own answer answers.
 */
static void
test_schema_5_cache_gets_conversations(void **state)
{
	struct fx		*fx = *state;
	struct store_conv_list	 cl;
	sqlite3			*db;
	char			*cause = NULL;

	post(fx, "p1", 10);
	one(fx, "m1", "p1", NULL, 100, "ann");
	one(fx, "m2", "p1", NULL, 200, "ann");
	one(fx, "r1", "p1", "m1", 250, NULL);
	one(fx, "m3", "p1", NULL, 300, "ann");
	one(fx, "m4", "p1", "m3", 400, "ann");
	one(fx, "b1", "p1", NULL, 150, "bob");
	one(fx, "r2", "p2", NULL, 150, NULL);
	one(fx, "c1", "p3", NULL, 100, "cat");
	one(fx, "rc1", "p3", "c1", 150, NULL);
	one(fx, "c2", "p3", "rc1", 200, "cat");
	one(fx, "rc2", "p3", "rc1", 250, NULL);
	store_close(fx->s);
	assert_int_equal(sqlite3_open(fx->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, schema_6_undo, NULL, NULL, NULL),
	    SQLITE_OK);
	/* What the old heed left waiting. */
	assert_int_equal(sqlite3_exec(db, "UPDATE items SET status = 1, "
	    "done_at = 0 WHERE remote_id IN ('m2', 'c2')", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);

	if ((fx->s = store_open(fx->path, 0, &cause)) == NULL)
		fail_msg("%s", cause);
	assert_int_equal(store_check(fx->s, &cause), 0);
	assert_int_equal(status_of(fx, "m2"), STATUS_DONE);
	assert_int_equal(status_of(fx, "c2"), STATUS_DONE);
	convs(fx, VIEW_INBOX, &cl);
	assert_int_equal(cl.n, 2);
	assert_msgs(fx, &cl.v[0], "b1");
	assert_msgs(fx, &cl.v[1], "m3 m4");
	assert_int_equal(cl.v[1].last_answer, 250);
	store_conv_list_free(&cl);
	/* New items join the conversations the migration found. */
	one(fx, "m5", "p1", NULL, 500, "ann");
	one(fx, "r3", "p1", "m5", 600, NULL);
	assert_int_equal(status_of(fx, "m3"), STATUS_DONE);
	assert_int_equal(status_of(fx, "m4"), STATUS_DONE);
	assert_int_equal(status_of(fx, "b1"), STATUS_NEW);
	one(fx, "c3", "p3", NULL, 300, "cat");
	one(fx, "rc3", "p3", "c3", 350, NULL);
	assert_int_equal(status_of(fx, "c3"), STATUS_DONE);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(test_followups_join_one_conversation),
		T(test_answer_settles_the_whole_conversation),
		T(test_answer_to_any_message_answers_all_before_it),
		T(test_message_after_answer_opens_a_new_conversation),
		T(test_two_authors_in_one_thread_are_two_conversations),
		T(test_name_stands_for_a_missing_handle),
		T(test_deleted_messages_stay_but_never_wait),
		T(test_out_of_order_arrivals),
		T(test_post_stored_before_after_or_never),
		T(test_page_of_many_threads_links_each_to_its_post),
		T(test_comment_on_a_visitors_post_answers_its_author),
		T(test_reply_to_own_answer_answers_the_same_customer),
		T(test_triage_acts_on_the_whole_conversation),
		T(test_pages_of_conversations),
		T(test_pages_of_conversations_newest_first),
		T(test_views_list_their_own_messages),
		T(test_sent_reply_answers_its_conversation),
		T(test_message_in_the_answers_second_keeps_waiting),
		T(test_filtered_conversations),
		T(test_tags_on_conversations),
		T(test_conversations_for_statistics),
		T(test_statistics_leave_out_what_asked_nothing),
		T(test_schema_5_cache_gets_conversations),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
