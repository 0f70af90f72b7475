/*
 * store-private.h -- what the store*.c files share and nobody else sees.
 *
 * Only store*.c include this header (and so sqlite3.h). Calls go one way:
 * store.c (open, close) at the top, store-db.c (statements, rows,
 * transactions) at the bottom, the other store files between.
 */
#ifndef HEED_STORE_PRIVATE_H
#define HEED_STORE_PRIVATE_H

#include <sqlite3.h>

#include "store.h"

/* The application_id written in the header of every heed cache ("heed"). */
#define STORE_APPLICATION_ID	0x68656564

/*
 * The queue bucket of an item, kept in the generated column items.queue.
 * Own items get a bucket of their own so that no customer view has to skip
 * them.
 */
#define STORE_Q_INBOX	0
#define STORE_Q_SNOOZED	1
#define STORE_Q_DONE	2
#define STORE_Q_OWN	3
/* The counters row that holds the flagged count (0-3 are the buckets). */
#define STORE_C_FLAGGED	4

/*
 * The FTS5 rowid of an item is its search key: created in the high bits,
 * the item id in the low 31 (see store-fts.c for why).
 */
#define STORE_SKEY_ID_MASK	"2147483647"

/* Every cached statement with a fixed text has a slot here. */
enum store_stmt_id {
	ST_BEGIN,
	ST_COMMIT,
	ST_ROLLBACK,
	ST_SAVEPOINT,
	ST_RELEASE,
	ST_ROLLBACK_TO,
	ST_CHECK,
	ST_ACCOUNT_UPSERT,
	ST_ACCOUNT_LIST,
	ST_SYNC_GET,
	ST_SYNC_SET,
	ST_ACTIVITY_ADD,
	ST_ACTIVITY_RECENT,
	ST_POST_UPSERT,
	ST_POST_LINK,
	ST_ITEM_INSERT,
	ST_ITEM_MANY_2,		/* store_items_many: 2, 4, 8, 16 rows */
	ST_ITEM_MANY_4,
	ST_ITEM_MANY_8,
	ST_ITEM_MANY_16,
	ST_ITEM_UPSERT,
	ST_ITEM_POST_ID,
	ST_ITEM_REPLIED,
	ST_ITEM_ANSWER_CKEY,
	ST_ITEM_GONE,
	ST_ITEM_MOVED,
	ST_ITEM_OPEN,
	ST_ITEM_SWEEP,
	ST_FIRST_RESPONSE,
	ST_ANSWERED,
	ST_SETTLE,
	ST_FTS_MAXID,
	ST_FTS_WATERMARK,
	ST_FTS_DIRTY_ANY,
	ST_FTS_DIRTY_DELETE,
	ST_FTS_DIRTY_INSERT,
	ST_FTS_DIRTY_CLEAR,
	ST_FTS_NEW,
	ST_FTS_SET_WATERMARK,
	ST_SEARCH,
	ST_COUNTS,
	ST_COUNTS_NEW,
	ST_COUNTS_SETTLE,
	ST_COUNTS_MARK,
	ST_ITEM_GET,
	ST_ITEM_FIND,
	ST_TRIAGE_GET,
	ST_SET_STATUS,
	ST_SET_FLAGS,
	ST_NOTE_SET,
	ST_MARK_READ,
	ST_WAKE_LOG,
	ST_WAKE,
	ST_DRAFT_SET,
	ST_DRAFT_DELETE,
	ST_DRAFT_GET,
	ST_THREAD_ITEMS,
	ST_THREAD_POST,
	ST_OUTBOX_ADD,
	ST_OUTBOX_DUE,
	ST_OUTBOX_UPDATE,
	ST_OUTBOX_GET,
	ST_OUTBOX_HAS,
	ST_OUTBOX_LIST,
	ST_OUTBOX_DELETE,
	ST_OUTBOX_TAKE,
	ST_OUTBOX_RENEW,
	ST_OUTBOX_RELEASE,
	ST_OUTBOX_RECENT,
	ST_OUTBOX_DISCARD,
	ST_OUTBOX_TAKE_BACK,
	ST_OUTBOX_RETRY,
	ST_OUTBOX_NEXT,
	ST_OWN_TEXTS,
	ST_OWN_NAME,
	ST_ITEM_EXTRA,
	ST_CONV_SECRET,
	ST_CONV_ITEM,
	ST_CONV_BOUNDS,
	ST_CONV_ONE,
	ST_CONV_ANSWERED,
	ST_CONV_ORPHANS,
	ST_CONV_RESETTLE,
	ST_CONV_SETTLE_NEW,
	ST_SORT_FOLLOWUP,
	ST_SORT_AUTHOR_THREADS,
	ST_ITEM_SORT,
	ST_SORT_ORDER_GET,
	ST_SORT_ORDER_SET,
	ST_SORT_ORDER_MARK,
	ST_LANE_ITEMS,
	ST_WRITE_SORTED,
	ST_SORT_RESET,
	ST_TAG_ADD,
	ST_TAG_DEL,
	ST_TAGS_CLEAR,
	ST_TAG_NAMES,
	ST_WAITING,
	ST_ACTIVITY_SINCE,
	ST_CONV_STATS,
	ST_ITEM_WORDS,
	ST_WAITING_EACH,
	ST_WAITING_ALERT,
	ST_META_GET,
	ST_META_SET,
	ST_KEPT_GET,
	ST_KEPT_SET,
	ST_KEPT_DEL,
	ST_MARK_SET,
	ST_MARKS_UNREAD,
	ST_MARK_FIRST_NEW,
	ST_MARK_LAST_READ,
	ST_MAX_ID,
	ST_ACTIVITY_BEFORE,
	ST_OUTBOX_DELAYED,
	ST_COUNT
};

/* Queue statements are cached in a small ring keyed by shape. */
#define STORE_QCACHE_SIZE	32

/* What a queue statement reads (store_queue_stmt). */
enum {
	STORE_READ_ITEMS,	/* a view's items */
	STORE_READ_HEADS,	/* the head of each conversation, and its key */
	STORE_READ_MEMBERS	/* one conversation's messages in the view */
};

struct store_qcache {
	unsigned	 key;
	sqlite3_stmt	*st;
};

struct store {
	sqlite3			*db;
	char			*path;
	int			 readonly;
	int			 ready;		/* opened and migrated */
	sqlite3_stmt		*st[ST_COUNT];
	struct store_qcache	 qcache[STORE_QCACHE_SIZE];
	unsigned		 qcache_next;
	fts5_api		*fts5;		/* for the query builder */
	char			*owner;		/* see store_owner */
	char			*who;		/* the local user, for the log */
	uint64_t		 conv_secret[2];	/* the key of ckey */
	int			 have_conv_secret;
	int			 ingesting;	/* store_ingest has run */
	int			 one_by_one;	/* see store_ingest_one_by_one */
	int			 inbox_age;	/* the lanes are in the age
						   order (meta inbox_age) */
	int			 cache_shrunk;	/* cache_size has been read */
	int			 cache_size;	/* full, as PRAGMA cache_size */
};

/* The pages store_cache_small keeps: see store.c. */
#define STORE_CACHE_SMALL	32

/*
 * The columns every item query selects, in the order store_row_item reads
 * them; the item table is aliased i.
 */
#define STORE_ITEM_COLS \
	"i.id, i.account_id, i.remote_id, i.post_remote_id, " \
	"i.parent_remote_id, i.author_name, i.author_handle, i.text, " \
	"i.lang, i.permalink, i.attachment, i.created, i.edited, i.kind, " \
	"i.own, i.hidden, i.deleted, i.liked, i.like_count, i.status, " \
	"i.snooze_until, i.flags, i.done_at, " \
	"(SELECT note FROM triage WHERE item_id = i.id), " \
	"EXISTS (SELECT 1 FROM drafts WHERE item_id = i.id), " \
	"EXISTS (SELECT 1 FROM items r WHERE r.own = 1 AND " \
	"r.account_id = i.account_id AND r.parent_remote_id = i.remote_id " \
	"AND r.deleted = 0), i.lane, coalesce(i.ckind, -1), " \
	"coalesce(i.creply, -1), i.urgency, i.kind_by, i.rank, " \
	"(SELECT group_concat(tag, ' ') FROM item_tags WHERE item_id = i.id), " \
	"i.warning"

/* The columns STORE_ITEM_COLS names. */
#define STORE_ITEM_NCOLS	34

/*
 * The rank (lane << 36 | created, see schema 7) where the spam lane
 * starts, and where the lane after it starts.
 */
#define STORE_RANK_SPAM		"206158430208"
#define STORE_RANK_AFTER_SPAM	"274877906944"

/* What no answer before or after a message is: beyond every time. */
#define STORE_CONV_LO	(-INT64_MAX)
#define STORE_CONV_HI	INT64_MAX
#define STORE_CONV_LO_SQL "-9223372036854775807"
#define STORE_CONV_HI_SQL "9223372036854775807"

/*
 * The time of the shop's last answer to i's author in i's thread at or
 * before i, and of its first answer after i: i's conversation is the
 * messages of its key created in [LO, HI). Times are whole seconds, so a
 * message of the answer's second may have come after it, and belongs to
 * the next conversation (see store-conv.c).
 */
#define STORE_CONV_LO_OF_I \
	"coalesce((SELECT a.created FROM items AS a WHERE a.ckey = i.ckey " \
	"AND a.own = 1 AND a.created <= i.created ORDER BY a.created DESC " \
	"LIMIT 1), " STORE_CONV_LO_SQL ")"
#define STORE_CONV_HI_OF_I \
	"coalesce((SELECT a.created FROM items AS a WHERE a.ckey = i.ckey " \
	"AND a.own = 1 AND a.created > i.created ORDER BY a.created LIMIT " \
	"1), " STORE_CONV_HI_SQL ")"

/* The columns a conversation's messages are read with, the item as o. */
#define STORE_CONV_COLS \
	"o.id, o.created, o.account_id, o.author_name, o.author_handle, " \
	"o.text, (SELECT platform FROM accounts WHERE id = o.account_id), " \
	"o.status, o.deleted, o.warning"

/*
 * The columns STORE_CONV_COLS names; a conversation read in a view
 * (STORE_READ_MEMBERS) has each message's key in the view's order after
 * them.
 */
#define STORE_CONV_NCOLS	10

/* store-triage.c */
int		 store_status_of(struct store *, int64_t, int *, char **);

/* store-tag.c */
int		 store_tag_write(struct store *, int64_t, const char *, int,
		    const char *, char **);
int		 store_tags_restore(struct store *, int64_t, const char *,
		    char **);

/* store-queue.c */
unsigned	 store_filter_mask(const struct store_filter *);
int		 store_filter_fts(struct store *, const struct store_filter *,
		    char **, char **);
void		 store_bind_filter(sqlite3_stmt *, const struct store_filter *,
		    const char *);
void		 store_bind_named(sqlite3_stmt *, const char *, int64_t);
sqlite3_stmt	*store_queue_stmt(struct store *, enum store_view, int, int,
		    unsigned, int, char **);
int		 store_view_asc(enum store_view);

/* store-sort.c */
int		 store_write_sorted(struct store *, const struct item *,
		    char **);

/* store-outbox.c */
int		 store_outbox_register(struct store *, char **);

/* store-db.c */
/*
 * What the conversations that wait for an answer are made of: the inbox
 * but spam and what asks nothing, grouped by key (the waiting messages of
 * one customer in one thread); the SELECT of a row each goes before it.
 */
#define STORE_WAITING_FROM \
	"FROM items INDEXED BY items_inbox WHERE queue = 0 AND own = 0 AND " \
	"coalesce(ckind, -1) != 4 AND coalesce(creply, 1) != 0 GROUP BY ckey"

sqlite3_stmt	*store_stmt(struct store *, enum store_stmt_id, const char *,
		    char **);
sqlite3_stmt	*store_prepare(struct store *, const char *, char **);
void		 store_done(sqlite3_stmt *);
int		 store_fail_db(struct store *, sqlite3 *, int, const char *,
		    char **);
int		 store_fail(struct store *, int, const char *, char **);
int		 store_query_int(sqlite3 *, const char *, int *);
int		 store_step_done(struct store *, sqlite3_stmt *, const char *,
		    char **);
int		 store_run(struct store *, enum store_stmt_id, const char *,
		    const char *, char **);
int		 store_tx_begin(struct store *, int *, const char *, char **);
int		 store_tx_end(struct store *, int, int, const char *, char **);
char		*store_col_text(sqlite3_stmt *, int);
void		 store_row_item(sqlite3_stmt *, struct item *);
int		 store_bind_id(sqlite3_stmt *, int, int64_t);

/*
 * store-fts.c. New rows are indexed STORE_FTS_BATCH at a time; FTS5 holds
 * them in memory (up to the table's hashsize, see store-schema.c) and
 * writes them out as one segment. Indexing a batch takes a few tenths of
 * a second; smaller batches cost more in all, in merging segments. One
 * statement indexes at most STORE_FTS_CHUNK rows (it sorts them).
 */
#define STORE_FTS_BATCH	16000	/* new rows indexed together */
#define STORE_FTS_CHUNK	32000	/* most rows indexed by one statement */
int		 store_fts_flush_due(struct store *, char **);

/* store-mark.c: keep an item's read mark (in ingest's transaction). */
int		 store_mark_set(struct store *, const struct item *, char **);

/* store-schema.c */
int		 store_migrate(struct store *, int, char **);

/* store-triage.c: the writes triage makes, in a caller's transaction. */
int		 store_write_status(struct store *, int64_t, int, int64_t,
		    int64_t, char **);
int		 store_write_flags(struct store *, int64_t, int, char **);
int		 store_write_note(struct store *, int64_t, const char *,
		    char **);
const char	*store_status_action(int, int);

/*
 * store-conv-key.c. The conversation key of a customer's item (see
 * there), as for a thread whose post is not stored, and what
 * STORE_CONV_ON_POST makes of it when the post is (pid, its row id); the
 * top of a thread's keys without its post; the last item id before an
 * ingest, and what the items it added answer or are answered by; the
 * migration that gives an older cache its keys.
 */
#define STORE_CONV_AUTHOR_BITS	39
#define STORE_CONV_THREAD_BITS	23
#define STORE_CONV_AUTHOR_MASK	((UINT64_C(1) << STORE_CONV_AUTHOR_BITS) - 1)
#define STORE_CONV_POST_MASK	((UINT64_C(1) << STORE_CONV_THREAD_BITS) - 1)
#define STORE_CONV_POSTED	(UINT64_C(1) << 62)
/* SQL's <<, & and | bind alike, left to right: every step is bracketed. */
#define STORE_CONV_ON_POST(pid, key) \
	"((4611686018427387904 | (((" pid ") & 8388607) << 39)) | " \
	"((" key ") & 549755813887))"
int		 store_conv_ckey(struct store *, const struct item *, int64_t *,
		    char **);
int64_t		 store_conv_on_post(int64_t, int64_t);
int		 store_conv_thread(struct store *, int64_t, const char *,
		    int64_t *, char **);
int		 store_conv_ingested(struct store *, int64_t, int64_t,
		    char **);
int		 store_conv_migrate(struct store *, char **);

/* store-queue.c */
int		 store_counts_settle(struct store *, char **);

/* store-fts.c */
int		 store_fts_register(struct store *, char **);
int		 store_fts_query(struct store *, const char *, int, char **,
		    char **);

/* store-tok.c */
int		 store_tok_add(fts5_api *);
int		 store_tok_runs(fts5_api *, const char *, int, void *,
		    int (*)(void *, int, const char *, int, int, int));
uint32_t	 store_tok_utf8(const unsigned char *, int, int *);
int		 store_tok_unspaced(uint32_t);

#endif
