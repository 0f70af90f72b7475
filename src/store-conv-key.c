/*
 * store-conv-key.c -- the conversation key of an item, and what ingest
 * does for conversations (store-conv.c says what a conversation is).
 *
 * The key of a customer's item (items.ckey) is SipHash-2-4 of its
 * account, thread and author under a secret made once per cache (meta
 * conv_key0 and conv_key1), computed here in C as the item is stored; a
 * function of SQL would have to exist on every connection that writes
 * items, the sqlite3 shell's too. The secret matters: with a plain hash,
 * someone could pick a name whose key is another customer's, and the
 * shop's answer to them would take that customer's messages out of the
 * inbox.
 *
 * Where its keys sit. They are looked up in items_ckey by equality
 * only, but where they sit in it decides what an ingest writes: each
 * index page that a page of comments touches is written out again. With
 * keys all over the index, a page of 100 comments dirtied an index page
 * for nearly every one, and ingest wrote a third more. So the top of a
 * key places it, the rest (STORE_CONV_AUTHOR_BITS of the hash of
 * account, thread and author) tells the authors of a thread apart:
 *
 *   bit 62 set: the thread's post is stored, and bits 39-61 are its row
 *   id (modulo 2^23): posts are numbered as they come, so the recent
 *   threads, which a sync mostly reads, sit together at the end;
 *
 *   bit 62 clear: no post is stored for the thread (a post that
 *   mentions the shop, or comments read before their post), and bits
 *   39-61 are a hash of account and thread.
 *
 * When a thread's post comes after items of it, linking them to it
 * (store_post_upsert) moves their keys to the post's (store_conv_thread
 * gives the old top to look for), so the messages of one customer in one
 * thread always share one key. Two keys of different customers in one
 * thread are equal with a chance of one in 2^39 for each pair; in
 * different threads, far less.
 *
 * Ingest. An answer of the shop's settles what it answers when it is
 * stored (store_answered in store-ingest.c). What depends on the order
 * things arrive is settled once a page is stored, by one statement over
 * the page's new items (store_conv_ingested): a message read after an
 * answer made after it, and the message an answer replies to read after
 * the answer (which could then take no key from it). Ingest so pays one
 * integer, one index entry and a hash per item, and one look at the
 * author's later items in the thread per new item.
 */
#include <sys/random.h>

#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"


/* Rotate a 64-bit word left by b bits. */
static uint64_t
store_conv_rotl(uint64_t x, int b)
{
	return (x << b) | (x >> (64 - b));
}

/* One SipRound over the state v. */
static void
store_conv_round(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = store_conv_rotl(v[1], 13) ^ v[0];
	v[0] = store_conv_rotl(v[0], 32);
	v[2] += v[3];
	v[3] = store_conv_rotl(v[3], 16) ^ v[2];
	v[0] += v[3];
	v[3] = store_conv_rotl(v[3], 21) ^ v[0];
	v[2] += v[1];
	v[1] = store_conv_rotl(v[1], 17) ^ v[2];
	v[2] = store_conv_rotl(v[2], 32);
}

/* Read up to 8 bytes as a little-endian word. */
static uint64_t
store_conv_word(const unsigned char *p, size_t n)
{
	uint64_t	w = 0;

	while (n-- > 0)
		w = (w << 8) | p[n];
	return w;
}

/* SipHash-2-4 of n bytes under the key k. */
static uint64_t
store_conv_siphash(const uint64_t k[2], const unsigned char *p, size_t n)
{
	uint64_t	v[4], m;
	size_t		i, left = n;

	v[0] = k[0] ^ 0x736f6d6570736575ULL;
	v[1] = k[1] ^ 0x646f72616e646f6dULL;
	v[2] = k[0] ^ 0x6c7967656e657261ULL;
	v[3] = k[1] ^ 0x7465646279746573ULL;
	for (; left >= 8; p += 8, left -= 8) {
		m = store_conv_word(p, 8);
		v[3] ^= m;
		store_conv_round(v);
		store_conv_round(v);
		v[0] ^= m;
	}
	m = store_conv_word(p, left) | (uint64_t)n << 56;
	v[3] ^= m;
	store_conv_round(v);
	store_conv_round(v);
	v[0] ^= m;
	v[2] ^= 0xff;
	for (i = 0; i < 4; i++)
		store_conv_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/*
 * Hash a word, then n bytes: the account and thread, or the thread's
 * hash and the author. Most fit the buffer on the stack.
 */
static uint64_t
store_conv_hash2(const uint64_t k[2], uint64_t w, const char *p, size_t n)
{
	unsigned char	 small[256], *b = small;
	uint64_t	 h;
	size_t		 i;

	if (8 + n > sizeof small)
		b = xmalloc(8 + n);
	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(w >> (8 * i));
	memcpy(b + 8, p, n);
	h = store_conv_siphash(k, b, 8 + n);
	if (b != small)
		free(b);
	return h;
}

/*
 * Give the key of a customer's messages in a thread whose post is not
 * stored: the account, the thread (the post, or the item itself when it
 * has none) and the author (the handle, or the name when there is no
 * handle). The thread is hashed with the account, the author with that
 * hash, so no two triples read alike.
 */
static int64_t
store_conv_hash(const uint64_t k[2], int64_t account, const char *post,
    const char *remote, const char *handle, const char *name)
{
	const char	*thread, *author;
	uint64_t	 ht, h;

	thread = post != NULL ? post : remote != NULL ? remote : "";
	author = handle != NULL && *handle != '\0' ? handle :
	    name != NULL ? name : "";
	ht = store_conv_hash2(k, (uint64_t)account, thread, strlen(thread));
	h = store_conv_hash2(k, ht, author, strlen(author));
	return (int64_t)((ht >> (64 - STORE_CONV_THREAD_BITS)) <<
	    STORE_CONV_AUTHOR_BITS | (h & STORE_CONV_AUTHOR_MASK));
}

/* Read the cache's conversation secret, once per open store. */
static int
store_conv_secret(struct store *s, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (s->have_conv_secret)
		return 0;
	st = store_stmt(s, ST_CONV_SECRET, "SELECT (SELECT value FROM meta "
	    "WHERE key = 'conv_key0'), (SELECT value FROM meta WHERE key = "
	    "'conv_key1')", cause);
	if (st == NULL)
		return -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) == SQLITE_INTEGER &&
	    sqlite3_column_type(st, 1) == SQLITE_INTEGER) {
		s->conv_secret[0] = (uint64_t)sqlite3_column_int64(st, 0);
		s->conv_secret[1] = (uint64_t)sqlite3_column_int64(st, 1);
		s->have_conv_secret = 1;
	}
	store_done(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading the conversation key", cause);
	if (!s->have_conv_secret)
		return util_fail(cause, "cache %s is damaged: its conversation "
		    "key is missing", s->path);
	return 0;
}

/*
 * Give the conversation key of a customer's item as if its post were not
 * stored (STORE_CONV_ON_POST makes it the key on the post); see
 * store-private.h.
 */
int
store_conv_ckey(struct store *s, const struct item *it, int64_t *ckey,
    char **cause)
{
	if (store_conv_secret(s, cause) != 0)
		return -1;
	*ckey = store_conv_hash(s->conv_secret, it->account_id,
	    it->post_remote_id, it->remote_id, it->author_handle,
	    it->author_name);
	return 0;
}

/*
 * Give the key on its stored post (row id pid) of a customer's item whose
 * key as for a thread without its post is key: STORE_CONV_ON_POST in C.
 */
int64_t
store_conv_on_post(int64_t key, int64_t pid)
{
	return (int64_t)(STORE_CONV_POSTED | ((uint64_t)pid &
	    STORE_CONV_POST_MASK) << STORE_CONV_AUTHOR_BITS | ((uint64_t)key &
	    STORE_CONV_AUTHOR_MASK));
}

/*
 * Give the top of the keys of a thread whose post is not stored (key >>
 * STORE_CONV_AUTHOR_BITS), to find them when the post comes.
 */
int
store_conv_thread(struct store *s, int64_t account, const char *thread,
    int64_t *top, char **cause)
{
	if (store_conv_secret(s, cause) != 0)
		return -1;
	*top = store_conv_hash(s->conv_secret, account, thread, NULL, NULL,
	    NULL) >> STORE_CONV_AUTHOR_BITS;
	return 0;
}

/*
 * The SQL function heed_conv_key(account, post id, post, remote, handle,
 * name): the key of a customer's item, on its post if it has one.
 */
static void
store_conv_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store	*s = sqlite3_user_data(ctx);
	int64_t		 key;

	(void)argc;
	key = store_conv_hash(s->conv_secret, sqlite3_value_int64(argv[0]),
	    (const char *)sqlite3_value_text(argv[2]),
	    (const char *)sqlite3_value_text(argv[3]),
	    (const char *)sqlite3_value_text(argv[4]),
	    (const char *)sqlite3_value_text(argv[5]));
	if (sqlite3_value_type(argv[1]) != SQLITE_NULL)
		key = store_conv_on_post(key, sqlite3_value_int64(argv[1]));
	sqlite3_result_int64(ctx, key);
}

/* Make the cache's secret and keep it in meta and in the store. */
static int
store_conv_new_secret(struct store *s, char **cause)
{
	sqlite3_stmt	*st;
	unsigned char	 r[16];
	size_t		 i;
	int		 rc;

	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		for (i = 0; i < sizeof r; i++)
			r[i] = (unsigned char)(random() ^ util_mono_ms());
	}
	s->conv_secret[0] = store_conv_word(r, 8);
	s->conv_secret[1] = store_conv_word(r + 8, 8);
	rc = sqlite3_prepare_v2(s->db, "INSERT INTO meta (key, value) VALUES "
	    "('conv_key0', ?1), ('conv_key1', ?2)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 6", cause);
	sqlite3_bind_int64(st, 1, (int64_t)s->conv_secret[0]);
	sqlite3_bind_int64(st, 2, (int64_t)s->conv_secret[1]);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "upgrading the schema to 6", cause);
	s->have_conv_secret = 1;
	return 0;
}

/*
 * Run an UPDATE of items for the ids in (?1, ?2], STORE_CONV_BATCH ids at
 * a time: a statement inside a transaction keeps the old content of every
 * page it changes until it ends (in memory here), and one statement that
 * keyed a million items held more than half a gigabyte. An SQLite code.
 */
#define STORE_CONV_BATCH	50000

static int
store_conv_batched(struct store *s, const char *sql)
{
	sqlite3_stmt	*st;
	int64_t		 last = 0, from;
	int		 rc;

	rc = sqlite3_prepare_v2(s->db, "SELECT max(id) FROM items", -1, &st,
	    NULL);
	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		last = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc;
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	for (from = 0; rc == SQLITE_OK && from < last;
	    from += STORE_CONV_BATCH) {
		sqlite3_bind_int64(st, 1, from);
		sqlite3_bind_int64(st, 2, from + STORE_CONV_BATCH);
		if ((rc = sqlite3_step(st)) == SQLITE_DONE)
			rc = SQLITE_OK;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * Give the cache its conversation secret, every customer item its key,
 * then every answer the key of what it answers, through a reply to an
 * answer one level deep (schema 6, in the migration's transaction). The
 * function that computes the keys in SQL lives only as long as this.
 */
int
store_conv_migrate(struct store *s, char **cause)
{
	int	rc;

	if (store_conv_new_secret(s, cause) != 0)
		return -1;
	rc = sqlite3_create_function_v2(s->db, "heed_conv_key", 6,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, s, store_conv_fn, NULL, NULL,
	    NULL);
	if (rc == SQLITE_OK)
		rc = store_conv_batched(s, "UPDATE items SET ckey = "
		    "heed_conv_key(account_id, post_id, post_remote_id, "
		    "remote_id, author_handle, author_name) WHERE id > ?1 AND "
		    "id <= ?2 AND own = 0");
	(void)sqlite3_create_function_v2(s->db, "heed_conv_key", 6,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = store_conv_batched(s, "UPDATE items SET ckey = coalesce("
		    "(SELECT p.ckey FROM items AS p WHERE p.account_id = "
		    "items.account_id AND p.remote_id = coalesce("
		    "items.parent_remote_id, items.post_remote_id) AND "
		    "p.own = 0), (SELECT q.ckey FROM items AS p JOIN items AS q "
		    "ON q.account_id = p.account_id AND q.remote_id = coalesce("
		    "p.parent_remote_id, p.post_remote_id) AND q.own = 0 WHERE "
		    "p.account_id = items.account_id AND p.remote_id = coalesce("
		    "items.parent_remote_id, items.post_remote_id) AND "
		    "p.own = 1)) WHERE id > ?1 AND id <= ?2 AND own = 1");
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "upgrading the schema to 6", cause);
	return 0;
}

/*
 * Give the shop's answers that replied to items of an ingest (ids above
 * last, begun at time since) before they were stored the key of what
 * they answer, and settle what those answers answer. A new item that such
 * an answer replies to was settled by its upsert, done at the time of
 * the ingest, so the few are found in a short range of items_done rather
 * than among all the new items.
 */
static int
store_conv_orphans(struct store *s, int64_t last, int64_t since,
    char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_CONV_ORPHANS, "UPDATE items SET ckey = (SELECT "
	    "c.ckey FROM items AS c WHERE c.account_id = items.account_id AND "
	    "c.remote_id = items.parent_remote_id AND c.own = 0) WHERE id IN "
	    "(SELECT r.id FROM items AS c INDEXED BY items_done CROSS JOIN "
	    "items AS r ON r.account_id = c.account_id AND r.parent_remote_id "
	    "= c.remote_id WHERE c.queue = 2 AND c.done_at >= ?2 AND "
	    "c.id > ?1 AND c.own = 0 AND c.deleted = 0 AND r.own = 1 AND "
	    "r.ckey IS NULL)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, last);
	sqlite3_bind_int64(st, 2, since);
	if (store_step_done(s, st, "saving fetched items", cause) != 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	st = store_stmt(s, ST_CONV_RESETTLE, "UPDATE items SET status = 2, "
	    "done_at = max(created, (SELECT min(a.created) FROM items AS a "
	    "WHERE a.ckey = items.ckey AND a.own = 1 AND a.created > "
	    "items.created)) WHERE ckey IN (SELECT c.ckey FROM items AS c "
	    "WHERE c.id > ?1 AND c.own = 0 AND c.status = 2 AND c.deleted = 0) "
	    "AND own = 0 AND status IN (0, 1) AND EXISTS (SELECT 1 FROM items "
	    "AS a WHERE a.ckey = items.ckey AND a.own = 1 AND a.created > "
	    "items.created)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, last);
	return store_step_done(s, st, "saving fetched items", cause);
}

/*
 * Settle what an ingest's new items (ids above last; the ingest began at
 * time since) are answered by or answer (see the top of this file). One
 * statement over the page, not one per item in the upsert: a look for a
 * later answer is then made once per new item, and none for an item
 * read again.
 */
int
store_conv_ingested(struct store *s, int64_t last, int64_t since,
    char **cause)
{
	sqlite3_stmt	*st;

	if (store_conv_orphans(s, last, since, cause) != 0)
		return -1;
	st = store_stmt(s, ST_CONV_SETTLE_NEW, "UPDATE items SET status = 2, "
	    "done_at = max(created, (SELECT min(a.created) FROM items AS a "
	    "WHERE a.ckey = items.ckey AND a.own = 1 AND a.created > "
	    "items.created)) WHERE id > ?1 AND own = 0 AND status IN (0, 1) "
	    "AND EXISTS (SELECT 1 FROM items AS a WHERE a.ckey = items.ckey "
	    "AND a.own = 1 AND a.created > items.created)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, last);
	return store_step_done(s, st, "saving fetched items", cause);
}
