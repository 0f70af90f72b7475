/*
 * store-ingest.c -- writing what sync fetched: posts, items, gone ids and
 * the stream cursor, one transaction per page.
 *
 * Upserts change only what the platform owns. Triage (status, snooze,
 * flags, done time, note, drafts) is the business's and is never touched
 * here. Sanitising remote text is the caller's job (text.h).
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

/*
 * Add or update a post by account and remote id. A post read again
 * unchanged is left alone; one that is new or changed takes in the items
 * that arrived before it.
 */
int
store_post_upsert(struct store *s, const struct post *p, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 top;

	st = store_stmt(s, ST_POST_UPSERT, "INSERT INTO posts (account_id, "
	    "remote_id, author_name, author_handle, text, permalink, created, "
	    "own) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
	    "ON CONFLICT (account_id, remote_id) DO UPDATE SET "
	    "author_name = excluded.author_name, author_handle = "
	    "excluded.author_handle, text = excluded.text, permalink = "
	    "excluded.permalink, created = excluded.created, own = excluded.own "
	    "WHERE excluded.author_name IS NOT posts.author_name OR "
	    "excluded.author_handle IS NOT posts.author_handle OR "
	    "excluded.text IS NOT posts.text OR excluded.permalink IS NOT "
	    "posts.permalink OR excluded.created IS NOT posts.created OR "
	    "excluded.own IS NOT posts.own", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->account_id);
	sqlite3_bind_text(st, 2, p->remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->author_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->author_handle, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->permalink, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, p->created);
	sqlite3_bind_int(st, 8, p->own != 0);
	if (store_step_done(s, st, "saving a post", cause) != 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return 0;

	/*
	 * Items that arrived before their post now point at it, and their
	 * conversation keys move to the post's (see store-conv-key.c).
	 */
	if (store_conv_thread(s, p->account_id, p->remote_id, &top,
	    cause) != 0)
		return -1;
	st = store_stmt(s, ST_POST_LINK, "UPDATE items SET post_id = (SELECT "
	    "id FROM posts WHERE account_id = ?1 AND remote_id = ?2), ckey = "
	    "iif(ckey >> 39 = ?3, " STORE_CONV_ON_POST("SELECT id FROM posts "
	    "WHERE account_id = ?1 AND remote_id = ?2", "ckey") ", ckey) "
	    "WHERE account_id = ?1 AND post_remote_id = ?2 AND post_id IS NULL",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, p->account_id);
	sqlite3_bind_text(st, 2, p->remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, top);
	return store_step_done(s, st, "saving a post", cause);
}

/* Record when the business first answered the item an own reply answers. */
static int
store_first_response(struct store *s, const struct item *it, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_FIRST_RESPONSE, "INSERT INTO triage (item_id, "
	    "first_response, updated) SELECT id, ?3, ?4 FROM items WHERE "
	    "account_id = ?1 AND remote_id = ?2 AND own = 0 "
	    "ON CONFLICT (item_id) DO UPDATE SET first_response = "
	    "min(coalesce(first_response, excluded.first_response), "
	    "excluded.first_response)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->account_id);
	sqlite3_bind_text(st, 2, it->parent_remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, it->created);
	sqlite3_bind_int64(st, 4, util_now());
	return store_step_done(s, st, "saving an item", cause);
}

/* Settle a customer's item answered at a time. */
static int
store_settle(struct store *s, int64_t id, int64_t when, char **cause)
{
	sqlite3_stmt	*st;

	/* No journal of its own: see STORE_ITEM_INTO. */
	st = store_stmt(s, ST_SETTLE, "UPDATE OR FAIL items SET status = 2, "
	    "done_at = CASE WHEN ?2 > created THEN ?2 ELSE created END "
	    "WHERE id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, when);
	return store_step_done(s, st, "saving an item", cause);
}

/*
 * An item the business has answered on the platform, or that is deleted
 * there, no longer waits for anyone: take it out of the inbox. A reply
 * typed elsewhere (the platform's own app) counts as an answer too. This
 * settles what an own reply answers: every message of the conversation
 * it answers, and of any before it (the author's messages in the thread
 * written before the reply, found by the key the reply took from what it
 * answers: see store-conv.c). Until the reply, or until the item it
 * replies to when that says it is younger (a clock set wrong), so that
 * the item answered is always settled. A customer's item that is deleted
 * or already answered is settled by the upsert itself.
 */
static int
store_answered(struct store *s, const struct item *it, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 ids[8];
	size_t		 n = 0, i;
	int		 rc;

	/*
	 * The messages are found first and settled one by one: an update
	 * of a range of rows of a table with triggers collects them in a
	 * temporary table first, which took more than updating them.
	 */
	st = store_stmt(s, ST_ANSWERED, "SELECT id FROM items WHERE ckey = "
	    "(SELECT ckey FROM items WHERE account_id = ?1 AND remote_id = ?4) "
	    "AND own = 0 AND (remote_id = ?2 OR created < max(?3, coalesce("
	    "(SELECT created FROM items WHERE account_id = ?1 AND remote_id = "
	    "?2), ?3))) AND status IN (0, 1)", cause);
	if (st == NULL)
		return -1;
	do {
		sqlite3_bind_int64(st, 1, it->account_id);
		sqlite3_bind_text(st, 2, it->parent_remote_id, -1,
		    SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, it->created);
		sqlite3_bind_text(st, 4, it->remote_id, -1, SQLITE_STATIC);
		for (n = 0; n < nitems(ids) &&
		    (rc = sqlite3_step(st)) == SQLITE_ROW; n++)
			ids[n] = sqlite3_column_int64(st, 0);
		store_done(st);
		if (n < nitems(ids) && rc != SQLITE_DONE)
			return store_fail(s, rc, "saving an item", cause);
		for (i = 0; i < n; i++) {
			if (store_settle(s, ids[i], it->created, cause) != 0)
				return -1;
		}
	} while (n == nitems(ids));	/* those settled are not found again */
	return 0;
}

/*
 * Bind the remote fields of an item to the upsert statement, or to the
 * parameters from off + 1 on of a row of store_items_many.
 */
static void
store_bind_item(sqlite3_stmt *st, const struct item *it, int off)
{
	int64_t	now = util_now();

	sqlite3_bind_int64(st, off + 1, it->account_id);
	sqlite3_bind_text(st, off + 2, it->remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, off + 3, it->post_remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, off + 4, it->parent_remote_id, -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, off + 5, it->kind);
	sqlite3_bind_text(st, off + 6, it->author_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, off + 7, it->author_handle, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, off + 8, it->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, off + 9, it->lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, off + 10, it->permalink, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, off + 11, it->attachment, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, off + 12, it->created);
	sqlite3_bind_int64(st, off + 13, it->edited);
	sqlite3_bind_int(st, off + 14, it->own != 0);
	sqlite3_bind_int(st, off + 15, it->hidden != 0);
	sqlite3_bind_int(st, off + 16, it->deleted != 0);
	sqlite3_bind_int(st, off + 17, it->liked != 0);
	sqlite3_bind_int64(st, off + 18, it->like_count);
	sqlite3_bind_text(st, off + 19, it->extra, -1, SQLITE_STATIC);
	/* When it is settled: now, or its own time if that is later. */
	sqlite3_bind_int64(st, off + 20, now > it->created ? now : it->created);
	sqlite3_bind_text(st, off + 24, it->warning, -1, SQLITE_STATIC);
}

/*
 * The row ids of the posts an ingest's items hang on, as they are found:
 * the items of a page mostly hang on a few posts, and a post's row id
 * does not change while the page is stored (its posts are stored first).
 * Looking each up once in C, rather than in the insert of every item
 * (which needed it twice, for post_id and for the key), spares a search
 * of posts per item. remote ids are lent by the page's items.
 */
#define STORE_POSTS_KEPT	16

struct store_posts {
	const char	*remote_id[STORE_POSTS_KEPT];
	int64_t		 id[STORE_POSTS_KEPT];	/* 0: no such post stored */
	size_t		 n;			/* entries filled */
	size_t		 next;			/* the entry to reuse next */
};

/*
 * Give the row id of the post an item hangs on, 0 when it has none or
 * the post is not stored; through kept when it is not NULL.
 */
static int
store_item_post_id(struct store *s, const struct item *it,
    struct store_posts *kept, int64_t *pid, char **cause)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	*pid = 0;
	if (it->post_remote_id == NULL)
		return 0;
	for (i = 0; kept != NULL && i < kept->n; i++) {
		if (strcmp(kept->remote_id[i], it->post_remote_id) == 0) {
			*pid = kept->id[i];
			return 0;
		}
	}
	st = store_stmt(s, ST_ITEM_POST_ID, "SELECT id FROM posts WHERE "
	    "account_id = ?1 AND remote_id = ?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->account_id);
	sqlite3_bind_text(st, 2, it->post_remote_id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*pid = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "saving an item", cause);
	if (kept != NULL) {
		kept->remote_id[kept->next] = it->post_remote_id;
		kept->id[kept->next] = *pid;
		kept->next = (kept->next + 1) % STORE_POSTS_KEPT;
		if (kept->n < STORE_POSTS_KEPT)
			kept->n++;
	}
	return 0;
}

/*
 * What C finds of an item before it is stored, for the statements that
 * store it: its post's row id (0: none stored), its conversation key (a
 * customer's own, see store_conv_ckey; the shop's that of what it
 * answers, its parent or else its post, see store-conv.c and
 * store-conv-key.c; ckey_null: none) and whether a customer's item is
 * settled at once. Found by statements of their own rather than by
 * subqueries of the insert, which ran the same search twice for every
 * item (once for its status, once for its done time): a tenth of the
 * cost of an ingest.
 */
struct store_found {
	int64_t	pid;
	int64_t	ckey;
	int	ckey_null;
	int	settle;
};

/*
 * Bind what C found of an item (struct store_found): its post's row id
 * (?22, NULL when it is not stored), its conversation key (?21; a
 * customer's on its post when that is stored) and whether it is settled
 * at once (?23, see STORE_SETTLE_IF).
 */
static void
store_bind_found(sqlite3_stmt *st, const struct item *it,
    const struct store_found *fd, int off)
{
	if (fd->pid != 0)
		sqlite3_bind_int64(st, off + 22, fd->pid);
	else
		sqlite3_bind_null(st, off + 22);
	if (fd->ckey_null)
		sqlite3_bind_null(st, off + 21);
	else if (!it->own && fd->pid != 0)
		sqlite3_bind_int64(st, off + 21, store_conv_on_post(fd->ckey,
		    fd->pid));
	else
		sqlite3_bind_int64(st, off + 21, fd->ckey);
	sqlite3_bind_int(st, off + 23, fd->settle);
}

/*
 * Tell whether a customer's item is settled as it is stored: it is
 * deleted, or an own reply to it is stored already. (One that an answer
 * to another message of its conversation answers is settled with the
 * rest of its page: see store_conv_ingested.)
 */
static int
store_item_settles(struct store *s, const struct item *it, int *settle,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*settle = !it->own && it->deleted;
	if (it->own || it->deleted)
		return 0;
	st = store_stmt(s, ST_ITEM_REPLIED, "SELECT 1 FROM items WHERE "
	    "account_id = ?1 AND parent_remote_id = ?2 AND own = 1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->account_id);
	sqlite3_bind_text(st, 2, it->remote_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "saving an item", cause);
	*settle = rc == SQLITE_ROW;
	return 0;
}

/*
 * Find the conversation key of an answer of the shop's: that of what it
 * answers, its parent or else its post, when that is stored with one.
 */
static int
store_item_answer_ckey(struct store *s, const struct item *it,
    struct store_found *fd, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	fd->ckey_null = 1;
	st = store_stmt(s, ST_ITEM_ANSWER_CKEY, "SELECT ckey FROM items "
	    "WHERE account_id = ?1 AND remote_id = coalesce(?2, ?3)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->account_id);
	sqlite3_bind_text(st, 2, it->parent_remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, it->post_remote_id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL) {
		fd->ckey = sqlite3_column_int64(st, 0);
		fd->ckey_null = 0;
	}
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "saving an item", cause);
	return 0;
}

/*
 * Whether an upserted customer's item is settled at once (?23: see
 * store_item_settles).
 */
#define STORE_SETTLE_IF	"?23"

/*
 * Whether an upserted item is one the platform had stopped listing (so it
 * was marked deleted, and settled) and now lists again, its triage not
 * changed since: it gets back the status it had (see store_item_gone).
 */
#define STORE_BACK_IF \
	"(items.deleted != 0 AND ?16 = 0 AND items.gone_status >= 0 AND " \
	"items.status = 2)"

/*
 * Whether an upserted item would move the stored one to another post or
 * another parent: a platform that gives one id to two comments (a bug, or
 * a demo restarted). The first keeps its place; the second is refused.
 */
#define STORE_MOVED_IF \
	"((items.post_remote_id IS NOT NULL AND ?3 IS NOT NULL AND " \
	"items.post_remote_id != ?3) OR (items.parent_remote_id IS NOT NULL " \
	"AND ?4 IS NOT NULL AND items.parent_remote_id != ?4))"

/*
 * Whether an upsert changes the stored row. A sync reads most items twice
 * (in the notifications and again in the thread around them), and every
 * later sync reads the recent ones again: a row that would be written
 * unchanged is left alone, which spares its page, its indexes and its
 * triggers.
 */
#define STORE_CHANGED_IF \
	"(excluded.post_id IS NOT NULL AND excluded.post_id IS NOT " \
	"items.post_id) OR excluded.post_remote_id IS NOT " \
	"items.post_remote_id OR excluded.parent_remote_id IS NOT " \
	"items.parent_remote_id OR excluded.kind IS NOT items.kind OR " \
	"excluded.author_name IS NOT items.author_name OR " \
	"excluded.author_handle IS NOT items.author_handle OR " \
	"excluded.text IS NOT items.text OR excluded.lang IS NOT items.lang " \
	"OR excluded.permalink IS NOT items.permalink OR " \
	"excluded.attachment IS NOT items.attachment OR excluded.created IS " \
	"NOT items.created OR excluded.edited IS NOT items.edited OR " \
	"excluded.own IS NOT items.own OR excluded.hidden IS NOT " \
	"items.hidden OR excluded.deleted IS NOT items.deleted OR " \
	"excluded.liked IS NOT items.liked OR excluded.like_count IS NOT " \
	"items.like_count OR excluded.warning IS NOT items.warning OR " \
	"(excluded.extra IS NOT NULL AND excluded.extra " \
	"IS NOT items.extra) OR (items.status IN (0, 1) AND " \
	STORE_SETTLE_IF ") OR (excluded.ckey IS NOT NULL AND excluded.ckey " \
	"IS NOT items.ckey)"

/*
 * Whether an upsert that changed nothing was refused because the item
 * would have moved (STORE_MOVED_IF); 1 yes, 0 no, -1 error.
 */
static int
store_item_moved(struct store *s, const struct item *it, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, ST_ITEM_MOVED, "SELECT 1 FROM items WHERE "
	    "account_id = ?1 AND remote_id = ?2 AND " STORE_MOVED_IF, cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->account_id);
	sqlite3_bind_text(st, 2, it->remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, it->post_remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, it->parent_remote_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_done(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(s, rc, "saving an item", cause);
}

/*
 * The insert of an item, its remote fields bound by store_bind_item (?1
 * to ?19, and ?24), ?20 when it is settled if it is (the time now, or its
 * own when that is later), and what C found of it (store_bind_found): ?21
 * its conversation key, ?22 its post's row id and ?23 whether it is
 * settled from the start (a customer's item that is deleted, or that an
 * own reply answers). The start of both statements of store_item_upsert.
 * Settling is part of the insert rather than a statement of its own:
 * ingest runs one per item, and a statement costs more than the little
 * work that one did.
 *
 * OR FAIL, and no SQL function in it or in the table's generated columns
 * (schema 14): a statement that writes several rows (these do, with a
 * run's rows, AUTOINCREMENT's and the counters') and may abort half way
 * keeps a journal of every page it changes, to undo itself, and that
 * copying was a twentieth of an ingest. A function may fail, and so may
 * a NOT NULL column under the default ABORT. Under FAIL a failed insert
 * keeps what it wrote before it failed: nothing for one row (the checks
 * come before the write), and for a run the rows before, which the
 * ingest's transaction then rolls back (store_tx_end).
 */
#define STORE_ITEM_INTO \
	"INSERT OR FAIL INTO items (account_id, post_id, remote_id, " \
	"post_remote_id, " \
	"parent_remote_id, kind, author_name, author_handle, text, lang, " \
	"permalink, attachment, created, edited, own, hidden, deleted, " \
	"liked, like_count, extra, status, done_at, ckey, warning) VALUES "
#define STORE_ITEM_ROW \
	"(?1, ?22, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, " \
	"?15, ?16, ?17, ?18, ?19, iif(" STORE_SETTLE_IF ", 2, 0), " \
	"iif(" STORE_SETTLE_IF ", ?20, 0), ?21, ?24)"
#define STORE_ITEM_PARAMS	24	/* of a row */
#define STORE_ITEM_INSERT	STORE_ITEM_INTO STORE_ITEM_ROW " "

/*
 * Update an item that is stored already from what the platform says now,
 * keeping its triage; 1 if the update was refused because the item would
 * move (STORE_MOVED_IF), 0 if done or nothing changed, -1 on error.
 */
static int
store_item_update(struct store *s, const struct item *it,
    const struct store_found *fd, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_ITEM_UPSERT, STORE_ITEM_INSERT
	    "ON CONFLICT (account_id, remote_id) DO UPDATE "
	    "SET post_id = coalesce(excluded.post_id, items.post_id), "
	    "post_remote_id = coalesce(excluded.post_remote_id, "
	    "items.post_remote_id), parent_remote_id = "
	    "coalesce(excluded.parent_remote_id, items.parent_remote_id), "
	    "kind = excluded.kind, author_name = "
	    "excluded.author_name, author_handle = excluded.author_handle, "
	    "text = excluded.text, lang = excluded.lang, permalink = "
	    "excluded.permalink, attachment = excluded.attachment, created = "
	    "excluded.created, edited = excluded.edited, own = excluded.own, "
	    "hidden = excluded.hidden, deleted = excluded.deleted, liked = "
	    "excluded.liked, like_count = excluded.like_count, extra = "
	    "coalesce(excluded.extra, items.extra), warning = "
	    "excluded.warning, "
	    "status = CASE WHEN " STORE_BACK_IF " AND NOT (" STORE_SETTLE_IF
	    ") THEN items.gone_status WHEN items.status IN (0, 1) AND "
	    STORE_SETTLE_IF " THEN 2 ELSE items.status END, "
	    "done_at = CASE WHEN " STORE_BACK_IF " AND NOT (" STORE_SETTLE_IF
	    ") THEN 0 WHEN items.status IN (0, 1) AND " STORE_SETTLE_IF
	    " THEN ?20 ELSE items.done_at END, "
	    "gone_status = iif(?16 = 0, -1, items.gone_status), "
	    "ckey = coalesce(excluded.ckey, items.ckey) "
	    "WHERE NOT " STORE_MOVED_IF " AND (" STORE_CHANGED_IF ")", cause);
	if (st == NULL)
		return -1;
	store_bind_item(st, it, 0);
	store_bind_found(st, it, fd, 0);
	if (store_step_done(s, st, "saving an item", cause) != 0)
		return -1;
	if (sqlite3_changes(s->db) != 0)
		return 0;
	return store_item_moved(s, it, cause);
}

/* Find what C finds of an item before it is stored (struct store_found). */
static int
store_item_found(struct store *s, const struct item *it,
    struct store_posts *posts, struct store_found *fd, char **cause)
{
	memset(fd, 0, sizeof *fd);
	if ((!it->own && store_conv_ckey(s, it, &fd->ckey, cause) != 0) ||
	    (it->own && store_item_answer_ckey(s, it, fd, cause) != 0) ||
	    store_item_settles(s, it, &fd->settle, cause) != 0 ||
	    store_item_post_id(s, it, posts, &fd->pid, cause) != 0)
		return -1;
	return 0;
}

/*
 * Add or update an item by account and remote id, keeping its triage, as
 * store_item_upsert does; posts gives the row ids of the posts found so
 * far in this ingest (NULL: none kept).
 */
static int
store_item_put(struct store *s, const struct item *it,
    struct store_posts *posts, int64_t *id, char **cause)
{
	struct store_found	 fd;
	sqlite3_stmt		*st;
	int			 rc;

	if (id != NULL)
		*id = 0;
	if (store_item_found(s, it, posts, &fd, cause) != 0)
		return -1;
	st = store_stmt(s, ST_ITEM_INSERT, STORE_ITEM_INSERT
	    "ON CONFLICT (account_id, remote_id) DO NOTHING", cause);
	if (st == NULL)
		return -1;
	store_bind_item(st, it, 0);
	store_bind_found(st, it, &fd, 0);
	if (store_step_done(s, st, "saving an item", cause) != 0)
		return -1;
	if (sqlite3_changes(s->db) == 0 &&
	    (rc = store_item_update(s, it, &fd, cause)) != 0)
		return rc;
	if (it->mark != NULL && store_mark_set(s, it, cause) != 0)
		return -1;
	if (it->own && store_answered(s, it, cause) != 0)
		return -1;
	if (it->own && it->parent_remote_id != NULL &&
	    store_first_response(s, it, cause) != 0)
		return -1;
	/* Only now, and only when asked: RETURNING costs every upsert. */
	if (id != NULL && store_item_find(s, it->account_id, it->remote_id, id,
	    cause) == -1)
		return -1;
	return 0;
}

/* Count an item left out because its id is another thread's. */
static void
store_ingest_refused(struct store_ingest_stats *stats, const struct item *it)
{
	if (stats != NULL && stats->refused++ == 0)
		stats->first_refused = xstrdup(it->remote_id);
}

/*
 * Items stored by one statement. Each statement has costs of its own
 * (its program, its cursors on the table and its indexes, the row of
 * AUTOINCREMENT), and those were a fifth of the cost of storing an item
 * on its own: a run of items that an ingest stores together is one
 * insert of 2, 4, 8 or 16 rows. Only customers' items without a read
 * marker go in a run, none twice: nothing an own reply stores or settles
 * comes between them, so what C finds of each (store_found) is what it
 * would be one by one. One that is stored already is left by the insert
 * and takes the upsert after it, in its order, as in store_item_put.
 */
#define STORE_MANY	16

/* Append a row of STORE_ITEM_ROW with its parameters off further on. */
static void
store_many_row(struct buf *b, int off)
{
	const char	*p;
	char		*end;

	for (p = STORE_ITEM_ROW; *p != '\0'; p++) {
		buf_addch(b, *p);
		if (*p == '?') {
			buf_printf(b, "%ld", strtol(p + 1, &end, 10) + off);
			p = end - 1;
		}
	}
}

/* The insert of a run of n items (2, 4, 8 or 16). */
static sqlite3_stmt *
store_many_stmt(struct store *s, size_t n, char **cause)
{
	enum store_stmt_id	 id;
	sqlite3_stmt		*st;
	struct buf		 b;
	size_t			 i;

	id = n == 2 ? ST_ITEM_MANY_2 : n == 4 ? ST_ITEM_MANY_4 : n == 8 ?
	    ST_ITEM_MANY_8 : ST_ITEM_MANY_16;
	if (s->st[id] != NULL)
		return s->st[id];
	buf_init(&b, 0);
	buf_addstr(&b, STORE_ITEM_INTO);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addstr(&b, ", ");
		store_many_row(&b, (int)i * STORE_ITEM_PARAMS);
	}
	buf_addstr(&b, " ON CONFLICT (account_id, remote_id) DO NOTHING");
	st = store_stmt(s, id, b.data, cause);
	buf_free(&b);
	return st;
}

/*
 * The length of the run of items that starts at v[i] (of n): 1 when they
 * are stored one by one, else the most of 2, 4, 8 and 16 that fit.
 */
static size_t
store_many_run(const struct store *s, const struct item *v, size_t i,
    size_t n)
{
	size_t	j, k, len;

	for (len = 0; !s->one_by_one && i + len < n && len < STORE_MANY;
	    len++) {
		if (v[i + len].own || v[i + len].mark != NULL ||
		    v[i + len].remote_id == NULL)
			break;
		for (j = 0; j < len && strcmp(v[i + j].remote_id,
		    v[i + len].remote_id) != 0; j++)
			;
		if (j < len)
			break;
	}
	for (k = 1; k * 2 <= len; k *= 2)
		;
	return k;
}

/* Store a run of n items of an account (see STORE_MANY); 0 or -1. */
static int
store_items_many(struct store *s, int64_t account, const struct item *from,
    size_t n, struct store_posts *posts, struct store_ingest_stats *stats,
    char **cause)
{
	struct store_found	 fd[STORE_MANY];
	struct item		 v[STORE_MANY];
	sqlite3_stmt		*st;
	int64_t			 prev, id = 0;
	size_t			 i;

	for (i = 0; i < n; i++) {
		v[i] = from[i];
		v[i].account_id = account;
		if (store_item_found(s, &v[i], posts, &fd[i], cause) != 0)
			return -1;
	}
	if (store_max_item_id(s, &prev, cause) != 0 ||
	    (st = store_many_stmt(s, n, cause)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		store_bind_item(st, &v[i], (int)i * STORE_ITEM_PARAMS);
		store_bind_found(st, &v[i], &fd[i], (int)i * STORE_ITEM_PARAMS);
	}
	if (store_step_done(s, st, "saving an item", cause) != 0)
		return -1;
	if ((size_t)sqlite3_changes(s->db) == n)
		return 0;
	for (i = 0; i < n; i++) {
		switch (store_item_find(s, account, v[i].remote_id, &id,
		    cause)) {
		case -1:
			return -1;
		case 0:
			if (id > prev)
				continue;	/* the insert stored it */
			break;
		}
		switch (store_item_update(s, &v[i], &fd[i], cause)) {
		case -1:
			return -1;
		case 1:
			store_ingest_refused(stats, &v[i]);
			break;
		}
	}
	return 0;
}

/*
 * Add or update an item by account and remote id, keeping its triage; give
 * its local id if id is not NULL. The FTS index catches up at the next
 * store_fts_flush, the counters at the next store_counts_settle. Most
 * items are new, and a plain insert (its conflict ignored) needs no
 * statement journal, which an upsert's update does: an item that is
 * stored already takes the upsert after it.
 */
int
store_item_upsert(struct store *s, const struct item *it, int64_t *id,
    char **cause)
{
	return store_item_put(s, it, NULL, id, cause);
}

/* Mark an item that the platform says is gone as deleted. */
static int
store_item_gone(struct store *s, int64_t account, const char *remote_id,
    char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_ITEM_GONE, "UPDATE items SET deleted = 1, "
	    "gone_status = iif(status IN (0, 1) AND own = 0 AND deleted = 0, "
	    "status, gone_status), "
	    "status = CASE WHEN status IN (0, 1) AND own = 0 THEN 2 ELSE "
	    "status END, done_at = CASE WHEN status IN (0, 1) AND own = 0 "
	    "THEN ?3 ELSE done_at END WHERE account_id = ?1 AND remote_id = "
	    "?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, util_now());
	return store_step_done(s, st, "marking an item deleted", cause);
}

/* Do the work of store_ingest inside its transaction. */
static int
store_ingest_locked(struct store *s, int64_t account, const struct post *posts,
    size_t nposts, const struct item_list *items, char *const *gone,
    size_t ngone, const char *stream, const char *cursor,
    struct store_ingest_stats *stats, char **cause)
{
	struct store_sync_state	 ss;
	struct store_posts	 kept;
	struct post		 p;
	struct item		 it;
	size_t			 i, run;
	int64_t			 last, since = util_now();

	if (store_max_item_id(s, &last, cause) != 0)
		return -1;
	for (i = 0; i < nposts; i++) {
		p = posts[i];
		p.account_id = account;
		if (store_post_upsert(s, &p, cause) != 0)
			return -1;
	}
	/* Kept only for the items of this page, which lend the ids. */
	memset(&kept, 0, sizeof kept);
	for (i = 0; items != NULL && i < items->n; i += run) {
		if ((run = store_many_run(s, items->v, i, items->n)) > 1) {
			if (store_items_many(s, account, items->v + i, run,
			    &kept, stats, cause) != 0)
				return -1;
			continue;
		}
		it = items->v[i];
		it.account_id = account;
		switch (store_item_put(s, &it, &kept, NULL, cause)) {
		case -1:
			return -1;
		case 1:
			store_ingest_refused(stats, &it);
			break;
		}
	}
	for (i = 0; i < ngone; i++) {
		if (store_item_gone(s, account, gone[i], cause) != 0)
			return -1;
	}
	if (store_conv_ingested(s, last, since, cause) != 0)
		return -1;
	if (stream != NULL) {
		memset(&ss, 0, sizeof ss);
		ss.cursor = (char *)cursor;
		ss.last_success = ss.last_attempt = util_now();
		if (store_sync_state_set(s, account, stream, &ss, cause) != 0)
			return -1;
	}
	if (store_counts_settle(s, cause) != 0)
		return -1;
	return store_fts_flush_due(s, cause);
}

/* Ingest one parsed page for an account in one transaction; see store.h. */
int
store_ingest(struct store *s, int64_t account, const struct post *posts,
    size_t nposts, const struct item_list *items, char *const *gone,
    size_t ngone, const char *stream, const char *cursor,
    struct store_ingest_stats *stats, char **cause)
{
	int	outer, ok;

	if (stats != NULL)
		memset(stats, 0, sizeof *stats);
	/*
	 * The WAL is copied into the file every 4,000 pages rather than
	 * 1,000: each copy syncs the file twice, and storing a page of 100
	 * comments writes about 60 pages of the table and its indexes, so an
	 * ingest of 100,000 items made 194 syncs and now makes 59. Set by the
	 * first ingest rather than at open, off the way to the first screen.
	 * (A page cache of 16 MiB rather than 2 spared that ingest 24,000
	 * reads of 4 KiB, but the inbox then grew to 24 MB as it was used,
	 * against a budget of 12.)
	 */
	if (!s->ingesting) {
		(void)sqlite3_exec(s->db, "PRAGMA wal_autocheckpoint = 4000",
		    NULL, NULL, NULL);
		s->ingesting = 1;
	}
	if (store_tx_begin(s, &outer, "saving fetched items", cause) != 0)
		return -1;
	ok = store_ingest_locked(s, account, posts, nposts, items, gone, ngone,
	    stream, cursor, stats, cause) == 0;
	return store_tx_end(s, outer, ok, "saving fetched items", cause);
}

/* Store an ingest's items one by one, or in runs; see store.h. */
void
store_ingest_one_by_one(struct store *s, int on)
{
	s->one_by_one = on != 0;
}

/* Compare two strings through pointers, for bsearch. */
static int
store_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Do the work of store_sweep inside its transaction. */
static int
store_sweep_locked(struct store *s, int64_t account, const char *post,
    char *const *seen, size_t nseen, int64_t before, size_t *n,
    char **cause)
{
	sqlite3_stmt	*st;
	char		**gone = NULL, *id;
	size_t		 ngone = 0, i;
	int		 rc, ok = 0;

	st = store_stmt(s, ST_ITEM_SWEEP, "SELECT remote_id FROM items WHERE "
	    "account_id = ?1 AND post_remote_id = ?2 AND created < ?3 AND "
	    "remote_id != ?2 AND own = 0 AND hidden = 0 AND deleted = 0",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, post, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, before);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = store_col_text(st, 0);
		if (bsearch(&id, seen, nseen, sizeof *seen,
		    store_cmp_str) != NULL) {
			free(id);
			continue;
		}
		gone = xreallocarray(gone, ngone + 1, sizeof *gone);
		gone[ngone++] = id;
	}
	store_done(st);
	if (rc != SQLITE_DONE)
		ok = store_fail(s, rc, "reading a post's items", cause);
	for (i = 0; ok == 0 && i < ngone; i++)
		ok = store_item_gone(s, account, gone[i], cause);
	for (i = 0; i < ngone; i++)
		free(gone[i]);
	free(gone);
	if (ok == 0 && n != NULL)
		*n = ngone;
	return ok;
}

/* Mark a post's items that a sweep did not list as gone; see store.h. */
int
store_sweep(struct store *s, int64_t account, const char *post,
    char *const *seen, size_t nseen, int64_t before, size_t *n, char **cause)
{
	int	outer, ok;

	if (n != NULL)
		*n = 0;
	if (store_tx_begin(s, &outer, "marking deleted items", cause) != 0)
		return -1;
	ok = store_sweep_locked(s, account, post, seen, nseen, before, n,
	    cause) == 0;
	return store_tx_end(s, outer, ok, "marking deleted items", cause);
}

/*
 * The remote ids of an account's customer items that still wait for the
 * business (new, read or snoozed; not deleted there), created since a
 * time, newest first, at most limit of them; free each and the array.
 */
int
store_items_waiting(struct store *s, int64_t account, int64_t since,
    size_t limit, char ***ids, size_t *n, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*ids = NULL;
	*n = 0;
	st = store_stmt(s, ST_ITEM_OPEN, "SELECT remote_id FROM items WHERE "
	    "account_id = ?1 AND own = 0 AND deleted = 0 AND status IN (0, 1, "
	    "3) AND created >= ?2 ORDER BY created DESC LIMIT ?3", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_int64(st, 2, since);
	sqlite3_bind_int64(st, 3, (int64_t)limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = store_col_text(st, 0);
	}
	store_done(st);
	if (rc == SQLITE_DONE)
		return 0;
	while (*n > 0)
		free((*ids)[--*n]);
	free(*ids);
	*ids = NULL;
	return store_fail(s, rc, "reading waiting items", cause);
}
