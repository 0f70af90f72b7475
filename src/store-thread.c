/*
 * store-thread.c -- the thread around an item: its post and every item on
 * the same post, in tree order.
 *
 * Remote data is not trusted to form a tree: a parent may be missing (the
 * item then starts at depth 0), and hostile or buggy data may make a cycle.
 * The tree is walked without recursion, every item is listed exactly once,
 * and depth stops growing at STORE_THREAD_MAX_DEPTH.
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

#define STORE_THREAD_MAX_DEPTH	64
#define STORE_THREAD_MAX_ITEMS	10000
#define STORE_NONE		((size_t)-1)

/* A remote id and the index of its item, for lookups by remote id. */
struct store_rid {
	const char	*rid;
	size_t		 i;
};

/* Order remote id entries by remote id. */
static int
store_rid_cmp(const void *a, const void *b)
{
	const struct store_rid	*x = a, *y = b;

	return strcmp(x->rid, y->rid);
}

/* The links of a thread being ordered. */
struct store_tree {
	size_t	*parent, *first, *last, *next;
};

/* Find each item's parent in the list and link the children in order. */
static void
store_tree_link(const struct item_list *l, struct store_tree *t)
{
	struct store_rid	*ids, key, *hit;
	size_t			 i, p;

	ids = xreallocarray(NULL, l->n, sizeof *ids);
	for (i = 0; i < l->n; i++) {
		ids[i].rid = l->v[i].remote_id != NULL ? l->v[i].remote_id : "";
		ids[i].i = i;
		t->parent[i] = t->first[i] = t->last[i] = t->next[i] =
		    STORE_NONE;
	}
	qsort(ids, l->n, sizeof *ids, store_rid_cmp);
	for (i = 0; i < l->n; i++) {
		if (l->v[i].parent_remote_id == NULL)
			continue;
		key.rid = l->v[i].parent_remote_id;
		key.i = 0;
		hit = bsearch(&key, ids, l->n, sizeof *ids, store_rid_cmp);
		if (hit == NULL || (p = hit->i) == i)
			continue;
		t->parent[i] = p;
		if (t->last[p] == STORE_NONE)
			t->first[p] = i;
		else
			t->next[t->last[p]] = i;
		t->last[p] = i;
	}
	free(ids);
}

/* Walk from root depth-first, appending unvisited items to order. */
static void
store_tree_walk(struct store_tree *t, size_t root, size_t *stack,
    int *depth, unsigned char *seen, size_t *order, size_t *norder)
{
	size_t	sp = 0, c, n, j, k;

	stack[sp++] = root;
	depth[root] = 0;
	while (sp > 0) {
		c = stack[--sp];
		if (seen[c])
			continue;
		seen[c] = 1;
		order[(*norder)++] = c;
		/* Push the children last first so the first pops first. */
		n = 0;
		for (j = t->first[c]; j != STORE_NONE; j = t->next[j]) {
			if (!seen[j])
				n++;
		}
		k = sp + n;
		for (j = t->first[c]; j != STORE_NONE; j = t->next[j]) {
			if (seen[j])
				continue;
			stack[--k] = j;
			depth[j] = depth[c] < STORE_THREAD_MAX_DEPTH ?
			    depth[c] + 1 : STORE_THREAD_MAX_DEPTH;
		}
		sp += n;
	}
}

/* Put a thread's items (sorted by created) in tree order with depth. */
static void
store_tree_order(struct item_list *l)
{
	struct store_tree	 t;
	struct item		*v;
	size_t			*stack, *order, norder = 0, i;
	int			*depth;
	unsigned char		*seen;

	if (l->n == 0)
		return;
	t.parent = xreallocarray(NULL, l->n, sizeof *t.parent);
	t.first = xreallocarray(NULL, l->n, sizeof *t.first);
	t.last = xreallocarray(NULL, l->n, sizeof *t.last);
	t.next = xreallocarray(NULL, l->n, sizeof *t.next);
	stack = xreallocarray(NULL, l->n + 1, sizeof *stack);
	order = xreallocarray(NULL, l->n, sizeof *order);
	depth = xcalloc(l->n, sizeof *depth);
	seen = xcalloc(l->n, 1);
	store_tree_link(l, &t);
	for (i = 0; i < l->n; i++) {
		if (t.parent[i] == STORE_NONE)
			store_tree_walk(&t, i, stack, depth, seen, order, &norder);
	}
	/* What is left hangs off a cycle: start it at depth 0. */
	for (i = 0; i < l->n; i++) {
		if (!seen[i])
			store_tree_walk(&t, i, stack, depth, seen, order, &norder);
	}
	v = xreallocarray(NULL, l->cap, sizeof *v);
	for (i = 0; i < norder; i++) {
		v[i] = l->v[order[i]];
		v[i].depth = depth[order[i]];
	}
	free(l->v);
	l->v = v;
	free(t.parent);
	free(t.first);
	free(t.last);
	free(t.next);
	free(stack);
	free(order);
	free(depth);
	free(seen);
}

/* Read the post of a thread, if it is known. */
static int
store_thread_post(struct store *s, int64_t account, const char *root,
    struct store_thread *t, char **cause)
{
	sqlite3_stmt	*st;
	struct post	*p = &t->post;
	int		 rc;

	st = store_stmt(s, ST_THREAD_POST, "SELECT id, account_id, remote_id, "
	    "author_name, author_handle, text, permalink, created, own FROM "
	    "posts WHERE account_id = ?1 AND remote_id = ?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, root, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		p->account_id = sqlite3_column_int64(st, 1);
		p->remote_id = store_col_text(st, 2);
		p->author_name = store_col_text(st, 3);
		p->author_handle = store_col_text(st, 4);
		p->text = store_col_text(st, 5);
		p->permalink = store_col_text(st, 6);
		p->created = sqlite3_column_int64(st, 7);
		p->own = sqlite3_column_int(st, 8);
		t->have_post = 1;
	}
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading a thread", cause);
	return 0;
}

/* Read the items hanging on a post, oldest first. */
static int
store_thread_items(struct store *s, int64_t account, const char *root,
    struct item_list *l, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, ST_THREAD_ITEMS, "SELECT " STORE_ITEM_COLS " FROM "
	    "items AS i WHERE i.account_id = ?1 AND i.post_remote_id = ?2 "
	    "ORDER BY i.created, i.id LIMIT ?3", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, root, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, STORE_THREAD_MAX_ITEMS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_item(st, item_list_add(l));
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading a thread", cause);
	return 0;
}

/*
 * Read the thread around an item. A mention with no post is the root of
 * its own thread: the items whose post is the mention hang on it.
 */
int
store_thread_get(struct store *s, int64_t id, struct store_thread *t,
    char **cause)
{
	struct item	 it;
	const char	*root;
	size_t		 i;

	memset(t, 0, sizeof *t);
	if (store_item_get(s, id, &it, cause) != 0)
		return -1;
	root = it.post_remote_id != NULL ? it.post_remote_id : it.remote_id;
	if (store_thread_post(s, it.account_id, root, t, cause) != 0 ||
	    store_thread_items(s, it.account_id, root, &t->items, cause) != 0) {
		item_clear(&it);
		store_thread_free(t);
		return -1;
	}
	for (i = 0; i < t->items.n && t->items.v[i].id != id; i++)
		;
	if (i == t->items.n)
		*item_list_add(&t->items) = it;
	else
		item_clear(&it);
	store_tree_order(&t->items);
	for (i = 0; i < t->items.n && t->items.v[i].id != id; i++)
		;
	t->selected = i;
	return 0;
}

/* Free a thread's post and items; the struct itself is the caller's. */
void
store_thread_free(struct store_thread *t)
{
	post_clear(&t->post);
	item_list_free(&t->items);
	t->have_post = 0;
	t->selected = 0;
}
