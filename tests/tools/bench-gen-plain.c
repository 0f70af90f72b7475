/*
 * bench-gen-plain.c -- the floor of the ingest benchmark: the same rows
 * written by plain SQLite, as the least any cache of them would do.
 *
 * One table of posts and one of items with the same columns as heed's,
 * each keyed by (account, remote id) so that a page read again replaces
 * its rows, and a contentless FTS5 index of each item's text and author
 * (name and handle, the text heed indexes) with SQLite's own tokenizer
 * folding case and diacritics as heed's does, but without heed's
 * characters and pairs of Chinese and the other unspaced scripts (that
 * is heed's cost); WAL with synchronous =
 * NORMAL, as heed runs; one transaction per page, as sync writes;
 * prepared statements. No triggers, no counters, no triage state, no
 * checks of the rows: what heed does beyond this is its cost.
 */
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "bench-gen.h"
#include "util.h"

struct plain {
	sqlite3		*db;
	sqlite3_stmt	*post;
	sqlite3_stmt	*item;
	sqlite3_stmt	*fts;
};

static const char plain_schema[] =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
    "CREATE TABLE posts (id INTEGER PRIMARY KEY, account_id INTEGER, "
    "remote_id TEXT, author_name TEXT, author_handle TEXT, text TEXT, "
    "permalink TEXT, created INTEGER, own INTEGER, "
    "UNIQUE (account_id, remote_id));"
    "CREATE TABLE items (id INTEGER PRIMARY KEY, account_id INTEGER, "
    "remote_id TEXT, post_remote_id TEXT, parent_remote_id TEXT, "
    "author_name TEXT, author_handle TEXT, text TEXT, lang TEXT, "
    "permalink TEXT, attachment TEXT, created INTEGER, kind INTEGER, "
    "own INTEGER, UNIQUE (account_id, remote_id));"
    "CREATE VIRTUAL TABLE items_fts USING fts5 (text, author, "
    "content = '', columnsize = 0, detail = none, "
    "tokenize = 'unicode61 remove_diacritics 2');";

/* Fail with SQLite's message; -1. */
static int
plain_fail(struct plain *p, const char *what, char **cause)
{
	return util_fail(cause, "plain ingest: %s: %s", what,
	    sqlite3_errmsg(p->db));
}

/* Create a fresh database at path; see bench-gen.h. */
struct plain *
plain_open(const char *path, char **cause)
{
	struct plain	*p;

	p = xcalloc(1, sizeof *p);
	if (sqlite3_open(path, &p->db) != SQLITE_OK ||
	    sqlite3_exec(p->db, plain_schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(p->db, "INSERT OR REPLACE INTO posts "
	    "(account_id, remote_id, author_name, author_handle, text, "
	    "permalink, created, own) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	    -1, &p->post, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(p->db, "INSERT OR REPLACE INTO items "
	    "(account_id, remote_id, post_remote_id, parent_remote_id, "
	    "author_name, author_handle, text, lang, permalink, attachment, "
	    "created, kind, own) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "?10, ?11, ?12, ?13)", -1, &p->item, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(p->db, "INSERT INTO items_fts (rowid, text, "
	    "author) VALUES (last_insert_rowid(), ?1, coalesce(?2, '') || "
	    "' ' || coalesce(?3, ''))", -1, &p->fts, NULL) != SQLITE_OK) {
		plain_fail(p, "creating", cause);
		plain_close(p);
		return NULL;
	}
	return p;
}

/* Bind a string that may be NULL. */
static void
plain_text(sqlite3_stmt *st, int col, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}

/* Run a bound statement and reset it; 0 or -1. */
static int
plain_step(struct plain *p, sqlite3_stmt *st, char **cause)
{
	int	rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : plain_fail(p, "inserting", cause);
}

/* Insert one post. */
static int
plain_post(struct plain *p, int64_t acct, const struct post *o, char **cause)
{
	sqlite3_bind_int64(p->post, 1, acct);
	plain_text(p->post, 2, o->remote_id);
	plain_text(p->post, 3, o->author_name);
	plain_text(p->post, 4, o->author_handle);
	plain_text(p->post, 5, o->text);
	plain_text(p->post, 6, o->permalink);
	sqlite3_bind_int64(p->post, 7, o->created);
	sqlite3_bind_int(p->post, 8, o->own);
	return plain_step(p, p->post, cause);
}

/* Insert one item. */
static int
plain_item(struct plain *p, int64_t acct, const struct item *it, char **cause)
{
	sqlite3_bind_int64(p->item, 1, acct);
	plain_text(p->item, 2, it->remote_id);
	plain_text(p->item, 3, it->post_remote_id);
	plain_text(p->item, 4, it->parent_remote_id);
	plain_text(p->item, 5, it->author_name);
	plain_text(p->item, 6, it->author_handle);
	plain_text(p->item, 7, it->text);
	plain_text(p->item, 8, it->lang);
	plain_text(p->item, 9, it->permalink);
	plain_text(p->item, 10, it->attachment);
	sqlite3_bind_int64(p->item, 11, it->created);
	sqlite3_bind_int(p->item, 12, it->kind);
	sqlite3_bind_int(p->item, 13, it->own);
	if (plain_step(p, p->item, cause) != 0)
		return -1;
	plain_text(p->fts, 1, it->text);
	plain_text(p->fts, 2, it->author_name);
	plain_text(p->fts, 3, it->author_handle);
	return plain_step(p, p->fts, cause);
}

/* Insert one page in one transaction; see bench-gen.h. */
int
plain_page(struct plain *p, int64_t acct, const struct post *posts,
    size_t nposts, const struct item_list *items, char **cause)
{
	size_t	i;
	int	rc = 0;

	if (sqlite3_exec(p->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return plain_fail(p, "BEGIN", cause);
	for (i = 0; i < nposts && rc == 0; i++)
		rc = plain_post(p, acct, &posts[i], cause);
	for (i = 0; i < items->n && rc == 0; i++)
		rc = plain_item(p, acct, &items->v[i], cause);
	if (sqlite3_exec(p->db, rc == 0 ? "COMMIT" : "ROLLBACK", NULL, NULL,
	    NULL) != SQLITE_OK && rc == 0)
		return plain_fail(p, "COMMIT", cause);
	return rc;
}

/* Close the database; see bench-gen.h. */
void
plain_close(struct plain *p)
{
	if (p == NULL)
		return;
	sqlite3_finalize(p->post);
	sqlite3_finalize(p->item);
	sqlite3_finalize(p->fts);
	sqlite3_close(p->db);
	free(p);
}
