/*
 * store-stats.c -- the conversations as statistics see them: when each
 * began (its customer's first message) and when the shop first answered
 * it (0 if it has not), whether the answer was made in heed or in the
 * platform's own app, sync brings both back as the shop's own items.
 *
 * A customer's messages and the shop's answers to them share a key
 * (items.ckey, store-conv-key.c). Read in the key's order, each key's
 * messages and answers make its conversations: one begins at the first
 * message after the last answer, and the first answer made after that
 * message, in a later second, is its response (an answer of the same
 * second may have come before it: see store-conv.c). A message deleted
 * on the platform begins nothing; an answer deleted since still answered.
 * One read of items_ckey, however large the cache.
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

/* One key's messages and answers as they are read. */
struct store_stats_key {
	int64_t		 ckey;
	int64_t		 account_id;
	int64_t		*msg;		/* the customer's, oldest first */
	int64_t		*id;		/* each one's id */
	int		*kind;		/* each one's ckind, or -1 */
	int		*reply;		/* ... and creply, or -1 */
	size_t		 nmsg, capmsg;
	int64_t		*ans;		/* the shop's, oldest first */
	size_t		 nans, capans;
};

/* Add a message (own 0) or an answer (own 1) to a key's. */
static void
store_stats_add(struct store_stats_key *k, int own, int64_t t, int kind,
    int reply, int64_t id)
{
	if (own) {
		if (k->nans == k->capans) {
			k->capans = k->capans == 0 ? 8 : k->capans * 2;
			k->ans = xreallocarray(k->ans, k->capans,
			    sizeof *k->ans);
		}
		k->ans[k->nans++] = t;
		return;
	}
	if (k->nmsg == k->capmsg) {
		k->capmsg = k->capmsg == 0 ? 8 : k->capmsg * 2;
		k->msg = xreallocarray(k->msg, k->capmsg, sizeof *k->msg);
		k->kind = xreallocarray(k->kind, k->capmsg, sizeof *k->kind);
		k->reply = xreallocarray(k->reply, k->capmsg,
		    sizeof *k->reply);
		k->id = xreallocarray(k->id, k->capmsg, sizeof *k->id);
	}
	k->kind[k->nmsg] = kind;
	k->reply[k->nmsg] = reply;
	k->id[k->nmsg] = id;
	k->msg[k->nmsg++] = t;
}

/*
 * Hand each conversation of a key to cb: where it begins, its response
 * (0 none), its account and the kind of its first message, and whether
 * that asks for an answer.
 */
static void
store_stats_flush(struct store_stats_key *k, store_stats_cb cb, void *arg)
{
	struct store_conv_stat	c;
	size_t			i = 0, j = 0;

	while (i < k->nmsg) {
		memset(&c, 0, sizeof c);
		c.account_id = k->account_id;
		c.first = k->msg[i];
		c.kind = k->kind[i];
		c.reply = k->reply[i];
		c.first_id = k->id[i];
		while (j < k->nans && k->ans[j] <= c.first)
			j++;
		c.answer = j < k->nans ? k->ans[j] : 0;
		cb(arg, &c);
		if (c.answer == 0)
			break;
		/* The next one begins at a message of the answer's second on. */
		while (i < k->nmsg && k->msg[i] < c.answer)
			i++;
	}
	k->nmsg = k->nans = 0;
}

/* Read every conversation and hand it to cb; see store.h. */
int
store_conv_stats(struct store *s, store_stats_cb cb, void *arg, char **cause)
{
	struct store_stats_key	 k;
	sqlite3_stmt		*st;
	int64_t			 ckey;
	int			 rc, have = 0;

	st = store_stmt(s, ST_CONV_STATS, "SELECT ckey, own, created, "
	    "account_id, coalesce(ckind, -1), id, coalesce(creply, -1) FROM "
	    "items INDEXED BY items_ckey WHERE ckey IS NOT NULL AND (own = 1 OR "
	    "deleted = 0) ORDER BY ckey, own, created", cause);
	if (st == NULL)
		return -1;
	memset(&k, 0, sizeof k);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ckey = sqlite3_column_int64(st, 0);
		if (have && ckey != k.ckey)
			store_stats_flush(&k, cb, arg);
		if (!have || ckey != k.ckey) {
			k.ckey = ckey;
			k.account_id = sqlite3_column_int64(st, 3);
			have = 1;
		}
		store_stats_add(&k, sqlite3_column_int(st, 1),
		    sqlite3_column_int64(st, 2), sqlite3_column_int(st, 4),
		    sqlite3_column_int(st, 6), sqlite3_column_int64(st, 5));
	}
	store_done(st);
	if (rc == SQLITE_DONE && have)
		store_stats_flush(&k, cb, arg);
	free(k.msg);
	free(k.kind);
	free(k.reply);
	free(k.id);
	free(k.ans);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the conversations", cause);
	return 0;
}

/*
 * Read what the classifier needs of a message (text, language, author's
 * name) into it, and nothing else: statistics read many.
 */
int
store_item_words(struct store *s, int64_t id, struct item *it, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(it, 0, sizeof *it);
	st = store_stmt(s, ST_ITEM_WORDS, "SELECT text, lang, author_name "
	    "FROM items WHERE id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		it->id = id;
		it->text = store_col_text(st, 0);
		it->lang = store_col_text(st, 1);
		it->author_name = store_col_text(st, 2);
	}
	store_done(st);
	if (rc == SQLITE_DONE)
		return util_fail(cause, "no item %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading an item", cause);
	return 0;
}
