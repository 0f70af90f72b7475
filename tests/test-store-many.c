/*
 * test-store-many.c -- an ingest stores a run of customers' items with one
 * statement (store-ingest.c, STORE_MANY): what it stores is what storing
 * each item on its own stores, whatever the pages hold (items read again,
 * changed or not, twice in one page, moved to another post, deleted, gone,
 * answered before or after they come, with read markers).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "model.h"
#include "store.h"
#include "util.h"
#include "lib/tmpdir.h"

/* Two caches alike at the start: a by runs, b one by one. */
struct fx {
	char		 dir[256];
	char		 path_a[512];
	char		 path_b[512];
	struct store	*a;
	struct store	*b;
	int64_t		 acct;
	uint32_t	 rng;
	int64_t		 start;		/* util_now() before the first page */
};

/* Copy a file whole. */
static void
copy_file(const char *from, const char *to)
{
	FILE	*in, *out;
	char	 buf[8192];
	size_t	 n;

	assert_non_null(in = fopen(from, "rb"));
	assert_non_null(out = fopen(to, "wb"));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static int
fx_setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof *fx);
	struct store	*s;
	char		*cause = NULL;

	tmpdir_make(fx->dir, sizeof fx->dir, "store-many");
	snprintf(fx->path_a, sizeof fx->path_a, "%s/a.db", fx->dir);
	snprintf(fx->path_b, sizeof fx->path_b, "%s/b.db", fx->dir);
	/* One cache copied: the same accounts and conversation key. */
	if ((s = store_open(fx->path_a, 0, &cause)) == NULL)
		fail_msg("%s", cause);
	assert_int_equal(store_account_ensure(s, "shop", "mastodon", "@shop",
	    "https://m.example", &fx->acct, &cause), 0);
	store_close(s);
	copy_file(fx->path_a, fx->path_b);
	if ((fx->a = store_open(fx->path_a, 0, &cause)) == NULL ||
	    (fx->b = store_open(fx->path_b, 0, &cause)) == NULL)
		fail_msg("%s", cause);
	store_ingest_one_by_one(fx->b, 1);
	fx->rng = 2463534242u;
	fx->start = util_now();
	*state = fx;
	return 0;
}

static int
fx_teardown(void **state)
{
	struct fx	*fx = *state;

	store_close(fx->a);
	store_close(fx->b);
	tmpdir_remove(fx->dir);
	free(fx);
	return 0;
}

/* The next number of a small fixed sequence (xorshift), below n. */
static uint32_t
below(struct fx *fx, uint32_t n)
{
	fx->rng ^= fx->rng << 13;
	fx->rng ^= fx->rng >> 17;
	fx->rng ^= fx->rng << 5;
	return fx->rng % n;
}

/* What the pages have made so far. */
#define NCUST	4000

struct made {
	int	 n;			/* customers' items made */
	int	 post[NCUST];		/* the post each hangs on */
	int	 nown;			/* the shop's replies made */
};

/* Fill a customer's item number k. */
static void
customer(struct made *m, struct item *it, int k, int changed)
{
	static const char *const authors[] = {
		"ann", "bob", "cas", "dirk", "eva", "fen"
	};
	static const char *const words[] = {
		"thee", "pot", "bestelling", "waar", "blijft", "dank", "茶壶",
		"mooi", "kapot", "retour"
	};

	it->remote_id = xprintf("c%04d", k);
	it->post_remote_id = xprintf("p%d", m->post[k]);
	it->author_name = xstrdup(authors[k % nitems(authors)]);
	it->author_handle = xprintf("@%s", it->author_name);
	it->text = xprintf("%s %s %s%s", words[k % nitems(words)],
	    words[(k / 3) % nitems(words)], words[(k / 7) % nitems(words)],
	    changed ? " (bewerkt)" : "");
	it->lang = xstrdup("nl");
	it->created = 1000 + 10 * (int64_t)k;
	it->kind = ITEM_COMMENT;
	if (k % 5 == 1 && k > 0) {
		it->kind = ITEM_REPLY;
		it->parent_remote_id = xprintf("c%04d", k - 1);
	}
	it->deleted = k % 29 == 3;
	it->like_count = k % 4;
}

/* Add the shop's reply to customer's item k, created after it by d. */
static void
reply(struct made *m, struct item_list *l, int k, int64_t d)
{
	struct item	*it = item_list_add(l);

	it->remote_id = xprintf("r%04d", m->nown++);
	it->post_remote_id = xprintf("p%d", m->post[k]);
	it->parent_remote_id = xprintf("c%04d", k);
	it->author_name = xstrdup("Shop");
	it->author_handle = xstrdup("@shop");
	it->text = xstrdup("dank je, we kijken ernaar");
	it->created = 1000 + 10 * (int64_t)k + d;
	it->kind = ITEM_REPLY;
	it->own = 1;
}

/* Make one page of about n items, with what may come in one. */
static void
page(struct fx *fx, struct made *m, struct item_list *l, int n)
{
	struct item	*it;
	int		 i, r, k;

	for (i = 0; i < n && m->n < NCUST - 4; i++) {
		r = (int)below(fx, 100);
		if (r < 55 || m->n < 4) {		/* a new one */
			k = m->n++;
			m->post[k] = (int)below(fx, 5);
			customer(m, item_list_add(l), k, 0);
		} else if (r < 67) {			/* read again */
			k = (int)below(fx, (uint32_t)m->n);
			customer(m, item_list_add(l), k, below(fx, 2));
		} else if (r < 72 && l->n > 0) {	/* twice in a page */
			it = &l->v[below(fx, (uint32_t)l->n)];
			if (it->own || it->remote_id[0] != 'c')
				continue;
			k = atoi(it->remote_id + 1);
			customer(m, item_list_add(l), k, 1);
		} else if (r < 76) {			/* moved: refused */
			k = (int)below(fx, (uint32_t)m->n);
			it = item_list_add(l);
			customer(m, it, k, 0);
			free(it->post_remote_id);
			it->post_remote_id = xstrdup("p9");
		} else if (r < 90) {			/* answered */
			reply(m, l, (int)below(fx, (uint32_t)m->n),
			    below(fx, 3) == 0 ? -5 : 5 + (int64_t)below(fx, 400));
		} else if (r < 94) {			/* answered first */
			m->post[m->n] = (int)below(fx, 5);
			reply(m, l, m->n, 30);
		} else {				/* with a marker */
			k = m->n++;
			m->post[k] = (int)below(fx, 5);
			it = item_list_add(l);
			customer(m, it, k, 0);
			it->mark = xprintf("%06d", k);
		}
	}
}

/* Ingest a page into both caches, each a copy, and compare their stats. */
static void
ingest_both(struct fx *fx, const struct item_list *l, const struct post *p,
    size_t np, char **gone, size_t ngone)
{
	struct store_ingest_stats	 sa, sb;
	char				*cause = NULL;

	if (store_ingest(fx->a, fx->acct, p, np, l, gone, ngone, "notif",
	    "cursor", &sa, &cause) != 0 ||
	    store_ingest(fx->b, fx->acct, p, np, l, gone, ngone, "notif",
	    "cursor", &sb, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(sa.refused, sb.refused);
	if (sa.refused > 0)
		assert_string_equal(sa.first_refused, sb.first_refused);
	free(sa.first_refused);
	free(sb.first_refused);
}

/*
 * Everything a cache holds of its items, as text: each by remote id, its
 * post by remote id, every column but its local id, and a time from now
 * (this test's clock, not the pages') as "now", which the two caches may
 * read a second apart.
 */
static char *
dump(const char *path, int64_t start)
{
	static const char sql[] =
	    "SELECT i.remote_id, p.remote_id, i.post_remote_id, "
	    "i.parent_remote_id, i.kind, i.author_name, i.text, i.created, "
	    "i.own, i.hidden, i.deleted, i.like_count, i.status, "
	    "iif(i.done_at >= ?1, 'now', i.done_at), i.ckey, i.gone_status, "
	    "i.lane, t.first_response, r.mark "
	    "FROM items AS i LEFT JOIN posts AS p ON p.id = i.post_id "
	    "LEFT JOIN triage AS t ON t.item_id = i.id "
	    "LEFT JOIN read_marks AS r ON r.item_id = i.id "
	    "ORDER BY i.remote_id";
	sqlite3		*db;
	sqlite3_stmt	*st;
	struct buf	 b;
	int		 i;

	buf_init(&b, 0);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT id, n FROM counters "
	    "ORDER BY id", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&b, "counter %d %d\n", sqlite3_column_int(st, 0),
		    sqlite3_column_int(st, 1));
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(db));
	sqlite3_bind_int64(st, 1, start);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++) {
			buf_printf(&b, "%s|", sqlite3_column_type(st, i) ==
			    SQLITE_NULL ? "-" : (const char *)
			    sqlite3_column_text(st, i));
		}
		buf_addch(&b, '\n');
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return buf_steal(&b);
}

/* The remote ids a search finds, in order; a new string. */
static char *
found(struct store *s, const char *q)
{
	struct item_list	 l;
	struct buf		 b;
	char			*cause = NULL;
	size_t			 i;

	memset(&l, 0, sizeof l);
	if (store_search(s, q, 5000, &l, &cause) != 0)
		fail_msg("search \"%s\": %s", q, cause);
	buf_init(&b, 0);
	buf_addstr(&b, "");
	for (i = 0; i < l.n; i++)
		buf_printf(&b, "%s ", l.v[i].remote_id);
	item_list_free(&l);
	return buf_steal(&b);
}

/*
 * Pages of every kind, stored by runs and one by one, give the same
 * items, posts, conversations, answers, markers, counts and search.
 */
static void
test_runs_store_what_one_by_one_does(void **state)
{
	struct fx	*fx = *state;
	static struct made m;
	struct item_list l;
	struct post	 p[2];
	char		*gone[1], *da, *db_;
	size_t		 np;
	int		 pg;

	memset(&m, 0, sizeof m);
	for (pg = 0; pg < 60; pg++) {
		memset(&l, 0, sizeof l);
		page(fx, &m, &l, 10 + (int)below(fx, 40));
		/* Posts come now and then, some after their comments. */
		memset(p, 0, sizeof p);
		np = 0;
		if (below(fx, 3) == 0) {
			p[np].remote_id = xprintf("p%u", below(fx, 5));
			p[np].author_name = xstrdup("Shop");
			p[np].text = xprintf("post %d", pg);
			p[np++].created = 500;
		}
		gone[0] = xprintf("c%04u", below(fx, (uint32_t)m.n));
		ingest_both(fx, &l, p, np, gone, below(fx, 4) == 0);
		free(gone[0]);
		while (np > 0)
			post_clear(&p[--np]);
		item_list_free(&l);
	}
	da = dump(fx->path_a, fx->start);
	db_ = dump(fx->path_b, fx->start);
	assert_true(strlen(da) > 20000);	/* it stored a lot */
	assert_string_equal(da, db_);
	free(da);
	free(db_);
	da = found(fx->a, "bewerkt");
	db_ = found(fx->b, "bewerkt");
	assert_true(strlen(da) > 100);
	assert_string_equal(da, db_);
	free(da);
	free(db_);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_runs_store_what_one_by_one_does, fx_setup,
		    fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
