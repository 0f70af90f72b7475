/*
 * demo-server.c -- the simulated platform behind the demo adapter: the
 * demo inbox it holds in memory.
 *
 * It lays the demo data out relative to now and holds back the youngest
 * few comments, so that they "arrive" during the session; the requests it
 * answers are in demo-server-api.c.
 *
 * Every item carries a change sequence number; any change gives it a new,
 * higher one, so "after=SEQ" returns exactly what changed since SEQ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/demo-data.h"
#include "platform/demo-server-private.h"
#include "platform/platforms.h"
#include "util.h"

/* Return the server's clock: the latest time it was told. */
int64_t
demo_server_now(const struct demo_server *s)
{
	return s->now;
}

/* Give an item the next sequence number, marking it changed. */
void
demo_server_touch(struct demo_server *s, struct srv_item *it)
{
	it->seq = ++s->seq;
}

/* Find an account by name; SIZE_MAX if none. */
size_t
demo_server_find_account(const char *name, size_t len)
{
	size_t	i;

	for (i = 0; i < demo_naccounts; i++) {
		if (strlen(demo_accounts[i].name) == len &&
		    memcmp(demo_accounts[i].name, name, len) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* Find a post by id; SIZE_MAX if none. */
static size_t
srv_find_post(const struct demo_server *s, const char *id)
{
	size_t	i;

	for (i = 0; i < s->nposts; i++) {
		if (strcmp(s->posts[i].id, id) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* Find a visible (released) item of an account by id; NULL if none. */
struct srv_item *
demo_server_find_item(struct demo_server *s, size_t account, const char *id)
{
	size_t	i;

	for (i = 0; i < s->nitems; i++) {
		if (s->items[i].seq != 0 &&
		    s->posts[s->items[i].post].account == account &&
		    strcmp(s->items[i].id, id) == 0)
			return &s->items[i];
	}
	return NULL;
}

/* Append a zeroed item and return it. */
struct srv_item *
demo_server_add_item(struct demo_server *s)
{
	struct srv_item	*it;

	if (s->nitems == s->capitems) {
		s->capitems = s->capitems == 0 ? 64 : s->capitems * 2;
		s->items = xreallocarray(s->items, s->capitems,
		    sizeof *s->items);
	}
	it = &s->items[s->nitems++];
	memset(it, 0, sizeof *it);
	return it;
}

/* Duplicate a string that may be NULL. */
char *
demo_server_dup(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

/* Return a small, stable like count for a seeded comment. */
static int64_t
srv_seed_likes(const char *id)
{
	unsigned int	h = 5381;

	while (*id != '\0')
		h = h * 33 + (unsigned char)*id++;
	return (int64_t)(h % 5);
}

/* Copy the posts of the demo data. */
static void
srv_load_posts(struct demo_server *s, int64_t now)
{
	size_t	i, a;

	s->posts = xcalloc(demo_nposts, sizeof *s->posts);
	for (i = 0; i < demo_nposts; i++) {
		if (demo_posts[i].account == NULL || demo_posts[i].id == NULL)
			continue;
		a = demo_server_find_account(demo_posts[i].account,
		    strlen(demo_posts[i].account));
		if (a == SIZE_MAX)
			continue;	/* a post of no account: not served */
		s->posts[s->nposts].id = xstrdup(demo_posts[i].id);
		s->posts[s->nposts].text = xstrdup(demo_posts[i].text != NULL ?
		    demo_posts[i].text : "");
		s->posts[s->nposts].account = a;
		s->posts[s->nposts].created = now - demo_posts[i].age;
		s->nposts++;
	}
}

/* Copy the comments of the demo data. */
static void
srv_load_comments(struct demo_server *s, int64_t now)
{
	const struct demo_comment	*c;
	struct srv_item			*it;
	size_t				 i, p;

	for (i = 0; i < demo_ncomments; i++) {
		c = &demo_comments[i];
		if (c->id == NULL || c->post == NULL ||
		    (p = srv_find_post(s, c->post)) == SIZE_MAX)
			continue;
		it = demo_server_add_item(s);
		it->id = xstrdup(c->id);
		it->parent = demo_server_dup(c->parent);
		it->author = xstrdup(c->author != NULL ? c->author : "");
		it->handle = xstrdup(c->handle != NULL ? c->handle : "");
		it->lang = demo_server_dup(c->lang);
		it->text = xstrdup(c->text != NULL ? c->text : "");
		it->post = p;
		it->created = now - c->age;
		it->own = c->own;
		it->like_count = c->own ? 0 : srv_seed_likes(c->id);
	}
}

/* Return 1 if some item names this one as its parent. */
static int
srv_is_parent(const struct demo_server *s, const char *id)
{
	size_t	i;

	for (i = 0; i < s->nitems; i++) {
		if (s->items[i].parent != NULL &&
		    strcmp(s->items[i].parent, id) == 0)
			return 1;
	}
	return 0;
}

/* Return 1 if an item may be held back for "live" arrival. */
static int
srv_can_hold(const struct demo_server *s, const struct srv_item *it)
{
	return !it->own && strcmp(it->id, "c-hostile") != 0 &&
	    !srv_is_parent(s, it->id);
}

static const struct srv_item *srv_sort_items;	/* qsort has no context */

/* Compare two item indices by creation time, then position, for qsort. */
static int
srv_qsort_created(const void *a, const void *b)
{
	const struct srv_item	*v = srv_sort_items;
	size_t			 i = *(const size_t *)a;
	size_t			 j = *(const size_t *)b;

	if (v[i].created != v[j].created)
		return v[i].created < v[j].created ? -1 : 1;
	return i < j ? -1 : (i > j);
}

/* Return 1 if an item is held back. */
static int
srv_is_held(const struct demo_server *s, size_t i)
{
	size_t	j;

	for (j = 0; j < s->nheld; j++) {
		if (s->held[j] == i)
			return 1;
	}
	return 0;
}

/*
 * Number the items in order of creation, as the initial load, but hold
 * back the youngest few comments that nothing depends on, so that they
 * can "arrive" during the session (oldest first).
 */
static void
srv_number(struct demo_server *s)
{
	size_t	*order, i, tmp;

	order = xcalloc(s->nitems, sizeof *order);
	for (i = 0; i < s->nitems; i++)
		order[i] = i;
	srv_sort_items = s->items;
	qsort(order, s->nitems, sizeof *order, srv_qsort_created);
	srv_sort_items = NULL;
	for (i = s->nitems; i > 0 && s->nheld < SRV_HOLD; i--) {
		if (srv_can_hold(s, &s->items[order[i - 1]]))
			s->held[s->nheld++] = order[i - 1];
	}
	for (i = 0; i < s->nheld / 2; i++) {
		tmp = s->held[i];
		s->held[i] = s->held[s->nheld - 1 - i];
		s->held[s->nheld - 1 - i] = tmp;
	}
	for (i = 0; i < s->nitems; i++) {
		if (!srv_is_held(s, order[i]))
			demo_server_touch(s, &s->items[order[i]]);
	}
	free(order);
}

/* Say whether the demo server answers a URL; see platforms.h. */
int
demo_server_serves(const char *url)
{
	return url != NULL && strncmp(url, DEMO_SERVER_SCHEME,
	    strlen(DEMO_SERVER_SCHEME)) == 0;
}

/* Create the server with the demo inbox laid out relative to now. */
struct demo_server *
demo_server_new(int64_t now)
{
	struct demo_server	*s;

	static unsigned	 made;

	s = xcalloc(1, sizeof *s);
	s->now = now;
	/*
	 * The server starts afresh in every process, but the cache it fills
	 * lives on: the ids of the replies it makes must differ from those
	 * of every earlier server, or a reply of this run would take the
	 * place of one of an earlier run.
	 */
	s->run = xprintf("%llx%lx%x", (long long)now, (long)getpid(), ++made);
	srv_load_posts(s, now);
	srv_load_comments(s, now);
	srv_number(s);
	return s;
}

/* Free the server and everything it holds; NULL does nothing. */
void
demo_server_free(struct demo_server *s)
{
	size_t	i;

	if (s == NULL)
		return;
	free(s->run);
	for (i = 0; i < s->nposts; i++) {
		free(s->posts[i].id);
		free(s->posts[i].text);
	}
	for (i = 0; i < s->nitems; i++) {
		free(s->items[i].id);
		free(s->items[i].parent);
		free(s->items[i].author);
		free(s->items[i].handle);
		free(s->items[i].lang);
		free(s->items[i].text);
		free(s->items[i].client_key);
	}
	free(s->posts);
	free(s->items);
	free(s);
}

/* Let the next held-back comment arrive now; 1 if one did. */
int
demo_server_release(struct demo_server *s, int64_t now)
{
	struct srv_item	*it;

	if (s == NULL)
		return 0;
	if (now > s->now)
		s->now = now;
	if (s->released >= s->nheld)
		return 0;
	it = &s->items[s->held[s->released++]];
	it->created = demo_server_now(s);
	demo_server_touch(s, it);
	return 1;
}
