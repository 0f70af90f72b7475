/*
 * graph-cases.c -- the Graph API adapter's answers read from files of
 * cases (see graph-cases.h), and checks of what the adapter gives back
 * against what a case says.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "platform.h"
#include "util.h"

#include "data.h"
#include "graph-cases.h"
#include "graph-fixture.h"

/* The answer a case gives: its "status" and its payload, lent. */
struct platform_response
case_answer(const struct data_case *c)
{
	struct platform_response	res;

	res = answer(data_case_long(c, "status"), NULL);
	res.body = c->body;
	res.len = c->body != NULL ? c->len : 0;
	return res;
}

/* The platform a case names ("platform: facebook"). */
const struct platform_ops *
case_ops(const struct data_case *c)
{
	const char			*name = data_case_str(c, "platform");
	const struct platform_ops	*ops;

	if (name == NULL || (ops = platform_find(name)) == NULL)
		fail_msg("%s: no platform", data_case_where(c));
	return ops;
}

/* The action a key of a case names ("reply", "delete"); def if none. */
int
case_action(const struct data_case *c, const char *key, int def)
{
	static const char *const names[] = {
		[ACTION_REPLY] = "reply",
		[ACTION_LIKE] = "like",
		[ACTION_UNLIKE] = "unlike",
		[ACTION_HIDE] = "hide",
		[ACTION_UNHIDE] = "unhide",
		[ACTION_DELETE] = "delete",
		[ACTION_PRIVATE_REPLY] = "private-reply",
	};
	const char	*s = data_case_str(c, key);
	size_t		 i;

	if (s == NULL)
		return def;
	for (i = 0; i < nitems(names); i++) {
		if (strcmp(names[i], s) == 0)
			return (int)i;
	}
	fail_msg("%s: %s: not an action: %s", data_case_where(c), key, s);
	return -1;
}

/* The names of the kinds of item, as files of cases write them. */
static const char *const item_kinds[] = {
	[ITEM_COMMENT] = "comment",
	[ITEM_REPLY] = "reply",
	[ITEM_MENTION] = "mention",
	[ITEM_QUOTE] = "quote",
};

/* Check a key of a case that names a string or "none" (NULL). */
static void
case_check_str(const struct data_case *c, const char *key, const char *got)
{
	const char	*want = data_case_str(c, key);

	if (want == NULL)
		return;
	if (strcmp(want, "none") == 0 ? got != NULL : (got == NULL ||
	    strcmp(got, want) != 0))
		fail_msg("%s: %s \"%s\", want \"%s\"", data_case_where(c), key,
		    got != NULL ? got : "none", want);
}

/* Check a key of a case that names a number. */
static void
case_check_long(const struct data_case *c, const char *key, long long got)
{
	if (data_case_str(c, key) != NULL && data_case_long(c, key) != got)
		fail_msg("%s: %s %lld, want %ld", data_case_where(c), key, got,
		    data_case_long(c, key));
}

/* Check a key of a case that lists words, one a space ("none": NULL). */
static void
case_check_list(const struct data_case *c, const char *key,
    const char *const *v, size_t n)
{
	struct buf	b;
	size_t		i;

	if (data_case_str(c, key) == NULL)
		return;
	buf_init(&b, 0);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i > 0 ? " " : "",
		    v[i] != NULL ? v[i] : "none");
	buf_addch(&b, '\0');
	case_check_str(c, key, b.data);
	buf_free(&b);
}

/*
 * Check an item against a case's keys of one: "kind", "parent", "own",
 * "hidden", "liked", "like-count", "created", "author", "handle", "text",
 * "permalink", "attachment", "extra".
 */
void
assert_item_case(const struct data_case *c, const struct item *it)
{
	assert_in_range(it->kind, 0, nitems(item_kinds) - 1);
	case_check_str(c, "kind", item_kinds[it->kind]);
	case_check_str(c, "parent", it->parent_remote_id);
	case_check_long(c, "own", it->own);
	case_check_long(c, "hidden", it->hidden);
	case_check_long(c, "liked", it->liked);
	case_check_long(c, "like-count", it->like_count);
	case_check_long(c, "created", it->created);
	case_check_str(c, "author", it->author_name);
	case_check_str(c, "handle", it->author_handle);
	case_check_str(c, "text", it->text);
	case_check_str(c, "permalink", it->permalink);
	case_check_str(c, "attachment", it->attachment);
	case_check_str(c, "extra", it->extra);
}

/* Check the items of a page against a case's "ids", "parents", "kinds". */
static void
case_check_items(const struct data_case *c, const struct sync_page *page)
{
	const char	**ids, **parents, **kind;
	size_t		  i, n = page->items.n;

	ids = calloc(n + 1, sizeof *ids);
	parents = calloc(n + 1, sizeof *parents);
	kind = calloc(n + 1, sizeof *kind);
	assert_true(ids != NULL && parents != NULL && kind != NULL);
	for (i = 0; i < n; i++) {
		ids[i] = page->items.v[i].remote_id;
		parents[i] = page->items.v[i].parent_remote_id;
		assert_in_range(page->items.v[i].kind, 0,
		    nitems(item_kinds) - 1);
		kind[i] = item_kinds[page->items.v[i].kind];
	}
	case_check_long(c, "items", (long long)n);
	case_check_list(c, "ids", ids, n);
	case_check_list(c, "parents", parents, n);
	case_check_list(c, "kinds", kind, n);
	free(ids);
	free(parents);
	free(kind);
}

/*
 * Check a page against what a case says of it: its items ("items", "ids",
 * "parents", "kinds"), "posts", "fetch" (the keys, one a space), "more",
 * "cursor", "sweep", "sweep-first" and "notice"; the keys of an item
 * (assert_item_case) check its first item. A key the case leaves out is
 * not checked; every page must be clean.
 */
void
assert_page_case(const struct data_case *c, const struct sync_page *page)
{
	static const char *const item_keys[] = {
		"kind", "parent", "own", "hidden", "liked", "like-count",
		"created", "author", "handle", "text", "permalink",
		"attachment", "extra",
	};
	size_t	i;

	case_check_items(c, page);
	if (page->items.n > 0)
		assert_item_case(c, &page->items.v[0]);
	for (i = 0; page->items.n == 0 && i < nitems(item_keys); i++) {
		if (data_case_str(c, item_keys[i]) != NULL)
			fail_msg("%s: %s, but no item", data_case_where(c),
			    item_keys[i]);
	}
	case_check_long(c, "posts", (long long)page->nposts);
	case_check_list(c, "fetch", (const char *const *)page->fetch,
	    page->nfetch);
	case_check_long(c, "more", page->more);
	case_check_str(c, "cursor", page->next_cursor);
	case_check_str(c, "sweep", page->sweep);
	case_check_long(c, "sweep-first", page->sweep_first);
	case_check_str(c, "notice", page->notice);
	assert_page_clean(page);
}

/*
 * The outbox entry of a case: its "kind" (reply if none), "target",
 * "extra" and "text", each the given one if the case has none; lent.
 */
struct outbox_entry
case_entry(const struct data_case *c, const char *target, const char *extra,
    const char *text, int64_t created)
{
	const char	*s;

	if ((s = data_case_str(c, "target")) != NULL)
		target = s;
	if ((s = data_case_str(c, "extra")) != NULL)
		extra = s;
	if ((s = data_case_str(c, "text")) != NULL)
		text = s;
	return entry(case_action(c, "kind", ACTION_REPLY), target, text,
	    extra, created);
}

/* Check what an action's answer gave against a case's "created". */
static void
case_check_created(const struct data_case *c, const struct action_result *r)
{
	if (data_case_str(c, "created") == NULL) {
		if (r->have_created)
			fail_msg("%s: an item made", data_case_where(c));
		return;
	}
	if (!r->have_created)
		fail_msg("%s: no item made", data_case_where(c));
	case_check_str(c, "id", r->created.remote_id);
	case_check_long(c, "created", r->created.created);
	if (data_case_str(c, "parent") == NULL)
		fail_msg("%s: no \"parent\" (\"none\" if none): it is %s",
		    data_case_where(c), r->created.parent_remote_id != NULL ?
		    r->created.parent_remote_id : "none");
	case_check_str(c, "parent", r->created.parent_remote_id);
	assert_int_equal(r->created.own, 1);
}

/* Check the words a parse gave against a case's "cause" (none: NULL). */
static void
case_check_cause(const struct data_case *c, const char *cause)
{
	const char	*want = data_case_str(c, "cause");

	if (want == NULL && cause != NULL)
		fail_msg("%s: cause \"%s\"", data_case_where(c), cause);
	case_check_str(c, "cause", cause);
	assert_true(clean_line(cause));
}

/*
 * Parse a case's answer to an action: "result" (ok or refused), "id" (the
 * id it names, none if absent), "created" (the item it made: its time;
 * none if absent) and "parent", "cause" (none if absent).
 */
void
assert_action_case(const struct platform_ops *ops,
    const struct platform_account *pa, const struct outbox_entry *e,
    const struct data_case *c)
{
	struct platform_response	res = case_answer(c);
	struct action_result		r;
	char				*cause = NULL;
	int				 got;

	memset(&r, 0, sizeof r);
	if ((got = ops->action_parse(pa, e, &res, &r, &cause)) !=
	    data_case_result(c, "result"))
		fail_msg("%s: result %d (%s)", data_case_where(c), got,
		    cause != NULL ? cause : "no cause");
	case_check_str(c, "id", r.remote_id);
	if (data_case_str(c, "id") == NULL)
		assert_null(r.remote_id);
	case_check_created(c, &r);
	case_check_cause(c, cause);
	free(cause);
	action_result_clear(&r);
}

/*
 * Parse a case's answer to the reconcile of an action: "result" (done,
 * not-done or unknown), "id" (the item found, none if absent), "created"
 * and "parent" (the item made of it; none if absent), "next" (the page to
 * read first, none if absent) and "cause" (none if absent).
 */
void
assert_reconcile_case(const struct platform_ops *ops,
    const struct platform_account *pa, const struct outbox_entry *e,
    const struct data_case *c)
{
	static const char *const results[] = { "done", "not-done" };
	struct platform_response	 res = case_answer(c);
	struct action_result		 r;
	const char			*want = data_case_str(c, "result");
	char				*cause = NULL;
	int				 got;

	memset(&r, 0, sizeof r);
	got = ops->reconcile_parse(pa, e, &res, &r, &cause);
	if (want == NULL || strcmp(got == -1 ? "unknown" : got >= 0 &&
	    got <= 1 ? results[got] : "?", want) != 0)
		fail_msg("%s: result %d (%s)", data_case_where(c), got,
		    cause != NULL ? cause : "no cause");
	case_check_str(c, "id", r.remote_id);
	if (data_case_str(c, "id") == NULL)
		assert_null(r.remote_id);
	case_check_created(c, &r);
	case_check_str(c, "next", r.next);
	if (data_case_str(c, "next") == NULL)
		assert_null(r.next);
	case_check_cause(c, cause);
	free(cause);
	action_result_clear(&r);
}

/*
 * Check the words a refused answer gave: a case's "cause", or if it has
 * none, words that start "malformed response: " (the JSON parser's).
 */
void
assert_refusal_case(const struct data_case *c, const char *cause)
{
	if (cause == NULL)
		fail_msg("%s: no cause", data_case_where(c));
	if (data_case_str(c, "cause") != NULL)
		case_check_str(c, "cause", cause);
	else if (strncmp(cause, "malformed response: ", 20) != 0)
		fail_msg("%s: cause \"%s\"", data_case_where(c), cause);
	assert_true(clean_line(cause));
}
