/*
 * store-fts.c -- full-text search: the tokenizer's registration, batch
 * indexing and the search query. The tokenizer is store-tok.c.
 *
 * The index keeps no positions (detail = none): they cost indexing time
 * and room, and bigrams make them unneeded. A search for a run of a
 * script written without spaces (Chinese, say) asks for all of its
 * bigrams, so "茶壶" is a substring search,
 * and a single character for itself. (Bigrams alone would do, with the
 * last character of a run a token too and a single character searched as
 * the prefix of a bigram; but such a search merges the doclists of every
 * bigram the character starts, and took 25 to 70 ms on a million items
 * against 0.2 ms for one term. The characters add about a twentieth to
 * the time of an ingest.) Words of other scripts are matched whole.
 *
 * Ordering. The table is contentless (content = ''): items already holds
 * the text, and a second copy would double the cache. Its rowid is not the
 * item id but items.skey = created << 31 | id (id < 2^31, created clamped
 * to [0, 2^32)): unique, and ordered by creation time. Search wants the
 * newest matches first, and FTS5 walks a doclist backwards cheaply, so
 * "ORDER BY rowid DESC LIMIT n" gives exactly the n newest matches without
 * looking at the others, however common the word. Ordering by item id
 * instead would be ingest order, which is oldest-first during a backfill;
 * sorting every match by created would read every match.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

/* Register the heed tokenizer on the store's connection. */
int
store_fts_register(struct store *s, char **cause)
{
	sqlite3_stmt		*st;
	fts5_api		*api = NULL;
	int			 rc;

	rc = sqlite3_prepare_v2(s->db, "SELECT fts5(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "setting up search", cause);
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->iVersion < 2) {
		return util_fail(cause, "cache %s: this SQLite has no FTS5",
		    s->path);
	}
	if ((rc = store_tok_add(api)) != SQLITE_OK)
		return store_fail(s, rc, "setting up search", cause);
	s->fts5 = api;
	return 0;
}

/*
 * The query being built from what the user typed, and where its last
 * token ends in the input and how many characters it has.
 */
struct store_fts_q {
	struct buf	 b;
	int		 last_end;
	int		 last_chars;
};

/* Count the characters of a UTF-8 string of n bytes. */
static int
store_fts_chars(const char *w, int n)
{
	int	i, chars = 0;

	for (i = 0; i < n; i++) {
		if (((unsigned char)w[i] & 0xc0) != 0x80)
			chars++;
	}
	return chars;
}

/* Append one term to the query as a quoted string, '*' for a prefix. */
static void
store_fts_term(struct store_fts_q *q, const char *w, int n, int star)
{
	int	i;

	if (q->b.len != 0)
		buf_addch(&q->b, ' ');
	buf_addch(&q->b, '"');
	for (i = 0; i < n; i++) {
		if (w[i] == '"')
			buf_addch(&q->b, '"');
		buf_addch(&q->b, w[i]);
	}
	buf_addch(&q->b, '"');
	if (star)
		buf_addch(&q->b, '*');
}

/*
 * Add one token of what the user typed (STORE_TOK_RUNS) to the query: a
 * word or a single character as it is, a longer run of an unspaced script
 * as its bigrams.
 */
static int
store_fts_token(void *arg, int tflags, const char *tok, int ntok, int start,
    int end)
{
	struct store_fts_q	*q = arg;
	const unsigned char	*p = (const unsigned char *)tok;
	int			 i, len, next, len2;

	(void)tflags;
	(void)start;
	q->last_end = end;
	q->last_chars = store_fts_chars(tok, ntok);
	if (!store_tok_unspaced(store_tok_utf8(p, ntok, &len)) ||
	    len == ntok) {
		store_fts_term(q, tok, ntok, 0);
		return SQLITE_OK;
	}
	for (i = 0; i + len < ntok; i = next) {
		next = i + len;
		store_tok_utf8(p + next, ntok - next, &len2);
		store_fts_term(q, tok + i, len + len2, 0);
		len = len2;
	}
	return SQLITE_OK;
}

/*
 * Turn what the user typed into a safe FTS5 query: each term a quoted
 * string (so no character is an operator), all of them required. Words
 * match whole (FTS5 walks one term's doclist newest first and stops after
 * the limit). With prefix, a last word typed with a trailing '*' matches as
 * a prefix, when at least two characters are left: a prefix query merges
 * the doclists of every matching term, which costs time in proportion to
 * the matches, so it is only done when asked for. *out gets a new string,
 * or NULL if nothing but spaces was typed; typing only punctuation gives
 * "", which finds nothing.
 */
int
store_fts_query(struct store *s, const char *in, int prefix, char **out,
    char **cause)
{
	struct store_fts_q	 q;
	size_t			 n = strlen(in);
	int			 rc;

	*out = NULL;
	if (strspn(in, " \t\r\n") == n)
		return 0;
	if (n > INT_MAX)
		return util_fail(cause, "search text is too long");
	memset(&q, 0, sizeof q);
	buf_init(&q.b, 0);
	q.last_end = -1;
	if ((rc = store_tok_runs(s->fts5, in, (int)n, &q,
	    store_fts_token)) != SQLITE_OK) {
		buf_free(&q.b);
		return store_fail(s, rc, "searching", cause);
	}
	if (q.b.len == 0)
		buf_addstr(&q.b, "\"\"");
	else if (prefix && (size_t)q.last_end + 1 == n && in[n - 1] == '*' &&
	    q.last_chars >= 2)
		buf_addch(&q.b, '*');
	*out = buf_steal(&q.b);
	return 0;
}

/* Read one integer from a cached statement without parameters. */
static int
store_fts_int(struct store *s, enum store_stmt_id id, const char *sql,
    int64_t *out, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, id, sql, cause)) == NULL)
		return -1;
	*out = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "indexing", cause);
	return 0;
}

/* Index rows edited or deleted since they were indexed. */
static int
store_fts_dirty(struct store *s, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 any;

	/* Even an empty DELETE FROM rewrites the table's root page. */
	if (store_fts_int(s, ST_FTS_DIRTY_ANY, "SELECT EXISTS (SELECT 1 FROM "
	    "fts_dirty)", &any, cause) != 0)
		return -1;
	if (!any)
		return 0;
	st = store_stmt(s, ST_FTS_DIRTY_DELETE, "INSERT INTO items_fts "
	    "(items_fts, rowid, text, author) SELECT 'delete', skey, text, "
	    "author FROM fts_dirty ORDER BY skey", cause);
	if (st == NULL || store_step_done(s, st, "indexing", cause) != 0)
		return -1;
	st = store_stmt(s, ST_FTS_DIRTY_INSERT, "INSERT INTO items_fts "
	    "(rowid, text, author) SELECT i.skey, i.text, i.author FROM "
	    "fts_dirty d JOIN items i ON i.id = d.id ORDER BY i.skey", cause);
	if (st == NULL || store_step_done(s, st, "indexing", cause) != 0)
		return -1;
	return store_run(s, ST_FTS_DIRTY_CLEAR, "DELETE FROM fts_dirty",
	    "indexing", cause);
}

/*
 * Index the new rows with ids in (done, top], at most STORE_FTS_CHUNK ids
 * a statement, so that a big backlog (the whole cache, after an upgrade
 * made the index anew) is never sorted at once.
 */
static int
store_fts_new(struct store *s, int64_t done, int64_t top, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 to;

	/*
	 * FTS5 writes out its pending terms whenever a rowid is not above
	 * the last one, so rows go in ascending skey order: in a backfill
	 * (newest fetched first) id order would make a segment per row.
	 */
	st = store_stmt(s, ST_FTS_NEW, "INSERT INTO items_fts (rowid, text, "
	    "author) SELECT skey, text, author FROM items WHERE id > ?1 AND "
	    "id <= ?2 ORDER BY skey", cause);
	if (st == NULL)
		return -1;
	for (; done < top; done = to) {
		to = top - done > STORE_FTS_CHUNK ? done + STORE_FTS_CHUNK :
		    top;
		sqlite3_bind_int64(st, 1, done);
		sqlite3_bind_int64(st, 2, to);
		if (store_step_done(s, st, "indexing", cause) != 0)
			return -1;
	}
	return 0;
}

/* Index new rows (above the watermark) and changed ones in one batch. */
static int
store_fts_flush_locked(struct store *s, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 done, top;

	if (store_fts_dirty(s, cause) != 0)
		return -1;
	if (store_fts_int(s, ST_FTS_WATERMARK, "SELECT value FROM meta "
	    "WHERE key = 'fts_done'", &done, cause) != 0)
		return -1;
	if (store_fts_int(s, ST_FTS_MAXID, "SELECT max(id) FROM items", &top,
	    cause) != 0)
		return -1;
	if (top <= done)
		return 0;
	if (store_fts_new(s, done, top, cause) != 0)
		return -1;
	st = store_stmt(s, ST_FTS_SET_WATERMARK, "UPDATE meta SET value = ?1 "
	    "WHERE key = 'fts_done'", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, top);
	return store_step_done(s, st, "indexing", cause);
}

/*
 * Index in FTS once enough new rows have piled up, or at once when rows
 * changed (edits are rare and must not be found by their old text). A
 * sync page is small; indexing a few thousand rows at a time costs far
 * less per row, and a search first indexes whatever is still pending.
 */
int
store_fts_flush_due(struct store *s, char **cause)
{
	int64_t	done, top, any;

	if (store_fts_int(s, ST_FTS_DIRTY_ANY, "SELECT EXISTS (SELECT 1 FROM "
	    "fts_dirty)", &any, cause) != 0 ||
	    store_fts_int(s, ST_FTS_WATERMARK, "SELECT value FROM meta "
	    "WHERE key = 'fts_done'", &done, cause) != 0 ||
	    store_fts_int(s, ST_FTS_MAXID, "SELECT max(id) FROM items", &top,
	    cause) != 0)
		return -1;
	if (!any && top - done < STORE_FTS_BATCH)
		return 0;
	return store_fts_flush_locked(s, cause);
}

/* Index every row changed since the last flush in FTS, in one batch. */
int
store_fts_flush(struct store *s, char **cause)
{
	int	outer, ok;

	if (store_tx_begin(s, &outer, "indexing", cause) != 0)
		return -1;
	ok = store_fts_flush_locked(s, cause) == 0;
	return store_tx_end(s, outer, ok, "indexing", cause);
}

/* Search text and authors for what the user typed; newest first. */
int
store_search(struct store *s, const char *text, size_t limit,
    struct item_list *out, char **cause)
{
	sqlite3_stmt	*st;
	char		*q;
	int		 rc;

	if (limit == 0)
		return 0;
	if (store_fts_query(s, text, 1, &q, cause) != 0)
		return -1;
	if (q == NULL)
		return 0;
	if (!s->readonly && store_fts_flush(s, cause) != 0) {
		free(q);
		return -1;
	}
	st = store_stmt(s, ST_SEARCH, "SELECT " STORE_ITEM_COLS " FROM "
	    "(SELECT rowid AS k FROM items_fts WHERE items_fts MATCH ?1 "
	    "ORDER BY rowid DESC LIMIT ?2) AS f CROSS JOIN items AS i "
	    "ON i.id = (f.k & " STORE_SKEY_ID_MASK ") ORDER BY f.k DESC",
	    cause);
	if (st == NULL) {
		free(q);
		return -1;
	}
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_item(st, item_list_add(out));
	store_done(st);
	free(q);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "searching", cause);
	return 0;
}
