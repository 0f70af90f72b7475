/*
 * store.h -- the SQLite cache: schema, migrations and every query.
 *
 * Only store*.c includes sqlite3. Every statement is prepared once and
 * reused. The queue is read a page at a time with keyset pagination on an
 * index; counts come from counters kept by triggers, never from scans.
 *
 * Functions return 0 on success and -1 on failure with *cause set to a new
 * message for the user (cause may be NULL).
 */
#ifndef HEED_STORE_H
#define HEED_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

#define STORE_SCHEMA_VERSION 14

struct store;

enum store_view {
	VIEW_INBOX,	/* needs the business: not done, not snoozed, not own */
	VIEW_FLAGGED,	/* flagged, not own, any status */
	VIEW_SNOOZED,	/* snoozed, soonest to wake first */
	VIEW_DONE,	/* done, most recent first */
	VIEW_ALL,	/* everything, newest first */
	VIEW_SPAM,	/* spam and scams waiting, kept out of the inbox */
	VIEW_COUNT
};

/* Where a queue page starts: the sort key and id of a row (keyset). */
struct store_key {
	int64_t	sort;
	int64_t	id;
};

/* Narrowing applied to a view (the \ filter); zero fields are unused. */
struct store_filter {
	int64_t		 account_id;
	const char	*platform;	/* platform name */
	const char	*author;	/* substring of name or handle */
	const char	*lang;
	const char	*text;		/* words, as for store_search */
	int64_t		 older_than;	/* created before now - this */
	int64_t		 newer_than;	/* created after now - this */
	int		 kind;		/* enum item_kind + 1; 0 any */
	const char	*tag;		/* carries this tag */
	int		 class;		/* enum classify_kind + 1; 0 any */
};

struct store_counts {
	int64_t	view[VIEW_COUNT];	/* items in each view */
	int64_t	outbox_pending;		/* queued, sending or checking */
	int64_t	outbox_failed;
	int64_t	outbox_checking;	/* its answer lost: being looked for */
};

struct store_account {
	int64_t	 id;
	char	*name;
	char	*platform;
	char	*handle;
	char	*base_url;
};

struct store_sync_state {
	char	*cursor;
	int64_t	 last_success;
	int64_t	 last_attempt;
	char	*last_error;
};

/* A thread: the post, then its items in tree order with depth set. */
struct store_thread {
	struct post		post;
	int			have_post;
	struct item_list	items;
	size_t			selected;	/* index of the item asked for */
};

/* One activity log row. */
struct store_activity {
	int64_t	 id;		/* its place in the log (since, before) */
	int64_t	 time;
	int64_t	 item_id;
	char	*action;
	char	*detail;
	char	*who;		/* the local user; NULL before schema 9 */
	char	*author;	/* of its item (store_activity_since) */
	char	*text;
};

#define STORE_READONLY	0x1	/* open for reading only (heed list) */

/*
 * Open (creating if needed) the cache at path with mode 0600. Refuses a
 * cache whose user_version is newer than STORE_SCHEMA_VERSION without
 * touching it. Runs migrations in one transaction.
 */
struct store	*store_open(const char *, int, char **);
void		 store_close(struct store *);
/* PRAGMA quick_check; 0 when it says ok. */
int		 store_check(struct store *, char **);

/*
 * Keep the page cache to a few dozen pages (small) or give it back its
 * full size: see store.c. Failing costs only speed, so it says nothing.
 */
void		 store_cache_small(struct store *, int);

/* Transactions; begin is BEGIN IMMEDIATE. */
int	store_begin(struct store *, char **);
int	store_commit(struct store *, char **);
void	store_rollback(struct store *);

/* Accounts. */
int	store_account_ensure(struct store *, const char *, const char *,
	    const char *, const char *, int64_t *, char **);
int	store_account_list(struct store *, struct store_account **, size_t *,
	    char **);
void	store_account_list_free(struct store_account *, size_t);

/* What an ingest left out; free first_refused. */
struct store_ingest_stats {
	size_t	 refused;	/* items whose id is another thread's */
	char	*first_refused;	/* the first one's remote id */
};

/*
 * Ingest one parsed page for an account in one transaction: upsert posts
 * and items (keeping triage), mark gone ids deleted, save the stream's
 * cursor, then index the new and changed rows in FTS in one batch.
 * stream and cursor may be NULL (no sync state saved). An item whose
 * remote id is held by an item of another post or parent is left out and
 * counted in stats (if not NULL): ids never move an item.
 */
int	store_ingest(struct store *, int64_t, const struct post *, size_t,
	    const struct item_list *, char *const *, size_t, const char *,
	    const char *, struct store_ingest_stats *, char **);

/*
 * Store each item of an ingest with a statement of its own (on) or runs
 * of them together (off, the default): for tests, which hold the two to
 * the same result.
 */
void	store_ingest_one_by_one(struct store *, int);

/*
 * A sweep read every item of a post on the platform (remote ids in seen,
 * sorted with strcmp): mark the post's customer items that it did not
 * list as deleted there. Items created after before, hidden ones (which
 * a platform may stop listing) and the business's own are left alone.
 * Set *n to how many were marked, if n is not NULL.
 */
int	store_sweep(struct store *, int64_t, const char *, char *const *,
	    size_t, int64_t, size_t *, char **);

/*
 * The remote ids of an account's customer items still waiting for the
 * business (not done, not deleted there), created since a time, newest
 * first, at most limit; the array and each id are new.
 */
int	store_items_waiting(struct store *, int64_t, int64_t, size_t,
	    char ***, size_t *, char **);

/*
 * Upsert single rows (inside a caller's transaction). An item upsert
 * returns 1, changing nothing, when the remote id belongs to an item of
 * another post or parent (see store_ingest).
 */
int	store_post_upsert(struct store *, const struct post *, char **);
int	store_item_upsert(struct store *, const struct item *, int64_t *,
	    char **);
/* Index every row changed since the last flush in FTS, in one batch. */
int	store_fts_flush(struct store *, char **);

/*
 * Read up to limit rows of a view after (or, dir < 0, before) key, in the
 * view's order; key NULL starts at the top (or, dir < 0, the bottom). The
 * rows come in display order either way. Appends to out.
 */
int	store_queue_page(struct store *, enum store_view,
	    const struct store_filter *, const struct store_key *, int,
	    size_t, struct item_list *, char **);
/*
 * Count the rows of a view that a filter lets through, at most limit of
 * them, into *n.
 */
int	store_queue_count(struct store *, enum store_view,
	    const struct store_filter *, int64_t, int64_t *, char **);
/* A view's name ("inbox"), and the view of a name (case ignored) or -1. */
const char	*store_view_word(enum store_view);
int		 store_view_find(const char *);
/* The keyset key of an item as listed in a view. */
void	store_key_of(enum store_view, const struct item *,
	    struct store_key *);
/*
 * The EXPLAIN QUERY PLAN of the statement store_queue_page would run for a
 * view, filter (may be NULL), direction and key or none, one step a line;
 * *plan is new. For tests and heed doctor.
 */
int	store_queue_plan(struct store *, enum store_view,
	    const struct store_filter *, int, int, char **, char **);
/* The views' and the outbox's counts, for the bars. */
int	store_counts(struct store *, struct store_counts *, char **);
/* Wake snoozed items whose time has come; *woken gets how many. */
int	store_wake_snoozed(struct store *, int64_t, int64_t *, char **);

/* One item with triage by local id. */
int	store_item_get(struct store *, int64_t, struct item *, char **);
int	store_item_extra(struct store *, int64_t, char **, char **);
/* Find an item by account and remote id; 0 found, 1 not found, -1 error. */
int	store_item_find(struct store *, int64_t, const char *, int64_t *,
	    char **);
/* The thread around an item. */
int	store_thread_get(struct store *, int64_t, struct store_thread *,
	    char **);
void	store_thread_free(struct store_thread *);

/*
 * Triage. Each records an activity row. set_status with STATUS_SNOOZED
 * takes the wake time; other statuses ignore it.
 */
int	store_set_status(struct store *, int64_t, int, int64_t, char **);
int	store_set_status_by(struct store *, int64_t, int, int64_t,
	    const char *, char **);
int	store_set_flags(struct store *, int64_t, int, const char *, char **);
int	store_set_note(struct store *, int64_t, const char *, char **);
/*
 * Put back the triage states (status, snooze, flags, note, and what the
 * message was said to be) of a number of items as they were, in one
 * transaction.
 */
int	store_restore_triage(struct store *, const struct item *, size_t,
	    char **);
/*
 * Tags (store-tag.c): put one on an item (on) or take it off, logged
 * with why (NULL, or "rule refunds");
 * the tags in use with how many messages carry each (free with
 * store_tag_names_free).
 */
struct store_tag_name {
	char	*name;
	int64_t	 count;
};
int	store_set_tag(struct store *, int64_t, const char *, int,
	    const char *, char **);
int	store_tag_names(struct store *, struct store_tag_name **, size_t *,
	    char **);
void	store_tag_names_free(struct store_tag_name *, size_t);
/* Mark a NEW item READ (no activity row). */
int	store_mark_read(struct store *, int64_t, char **);

/*
 * Conversations (store-conv.c says exactly which messages form one): a
 * customer's messages in one thread until the shop answers them. A view
 * read as conversations has one row per conversation with messages in
 * that view, made of those messages; rows come in the view's order of
 * their first message there, so the inbox is by waiting time since the
 * first unanswered message. Free with store_conv_clear.
 */
struct store_conv {
	struct store_key	 key;	/* keyset key of its first message */
	int64_t			 account_id;
	char			*platform;	/* the account's platform */
	char			*author_name;	/* as its newest message has */
	char			*author_handle;
	char			*text;		/* of its newest message */
	char			*warning;	/* ... and its content warning */
	int64_t			 first;		/* created, oldest message */
	int64_t			 newest;	/* created, newest message */
	int64_t			 last_answer;	/* the shop's answer before; 0 */
	int64_t			*ids;		/* its messages, oldest first */
	size_t			 n;
};

/* A growable list of conversations; free with store_conv_list_free. */
struct store_conv_list {
	struct store_conv	*v;
	size_t			 n;
	size_t			 cap;
};

/*
 * Read up to limit conversations of a view that a filter (or NULL) lets
 * through, after (or, dir < 0, before) key, as store_queue_page reads
 * items; appends to out. A conversation is made of its messages that the
 * view and filter let through, and its key is its first one's (its
 * head). When heads is not NULL, each head item is appended to it too.
 */
int	store_conv_page(struct store *, enum store_view,
	    const struct store_filter *, const struct store_key *, int,
	    size_t, struct item_list *, struct store_conv_list *, char **);
/* The whole conversation of a customer's item: all its messages. */
int	store_conv_get(struct store *, int64_t, struct store_conv *, char **);
/*
 * Triage a whole conversation, given one of its messages: every message
 * not deleted on the platform and created at or before upto (0: all, so
 * that one that arrived after the caller looked can be left alone). Each
 * change is logged for its message. set_status is store_set_status's,
 * set_flags store_set_flags's (the note, when not NULL, on every message).
 */
int	store_conv_set_status(struct store *, int64_t, int, int64_t, int64_t,
	    char **);
int	store_conv_set_flags(struct store *, int64_t, int, const char *,
	    int64_t, char **);
/* Put a tag on a whole conversation (on) or take it off, as set_flags. */
int	store_conv_set_tag(struct store *, int64_t, const char *, int,
	    int64_t, char **);
/*
 * The shop answered the conversation of an item at a time (heed sent a
 * reply to it): its waiting messages created until then are done.
 */
int	store_conv_answered(struct store *, int64_t, int64_t, char **);
void	store_conv_clear(struct store_conv *);
void	store_conv_list_free(struct store_conv_list *);

/*
 * What a message is (store-sort.c). store_lane gives the lane of a kind
 * (enum classify_kind, 4 spam), need (enum classify_reply, 2 yes) and
 * urgency, in the age order or not. sort_followup says
 * whether a message follows one of its author's that still waits in its
 * conversation; item_sort says what a message is and who says so (enum
 * item_kind_by: the owner's word is changed only by the owner) and puts
 * it in its lane; sort_order puts the stored lanes in the need or the
 * age order, and must be called once the cache is open.
 */
int	store_lane(int, int, int, int);
int	store_sort_followup(struct store *, int64_t, int *, char **);
/*
 * Count the threads of its account that a message's author (by handle,
 * or by name when it has none) wrote in lately, its own thread too:
 * within STORE_AUTHOR_WINDOW either side of the message, among the
 * STORE_AUTHOR_ROWS messages of the cache nearest it on each side.
 */
#define STORE_AUTHOR_WINDOW	(7 * 86400)
#define STORE_AUTHOR_ROWS	500
int	store_sort_author_threads(struct store *, const struct item *, int *,
	    char **);
int	store_item_sort(struct store *, int64_t, int, int, int, int, char **);
int	store_sort_order(struct store *, int, char **);
/*
 * The conversations waiting for an answer (spam and those that ask
 * nothing left out), those waiting since before a time, and the time the
 * oldest has waited since (0 if none).
 */
struct store_waiting {
	int64_t	waiting;
	int64_t	overdue;
	int64_t	oldest;
};
int	store_waiting(struct store *, int64_t, struct store_waiting *,
	    char **);
/* Each of those conversations: its account, and when it began. */
typedef void	(*store_waiting_cb)(void *, int64_t, int64_t);
int	store_waiting_each(struct store *, store_waiting_cb, void *, char **);
/*
 * Each of them for alerts (store-alert.c): its account, when it began,
 * and the ids of its first and newest waiting messages in the cache.
 */
struct store_wait {
	int64_t	account_id;
	int64_t	first;
	int64_t	first_id;	/* the lowest id: what the cache had first */
	int64_t	newest_id;	/* the one whose text says the most now */
};
typedef void	(*store_wait_cb)(void *, const struct store_wait *);
int	store_waiting_alert(struct store *, store_wait_cb, void *, char **);
/* The highest item id the cache has given (0 if none). */
int	store_max_item_id(struct store *, int64_t *, char **);
/*
 * A number the cache keeps under a name (meta), or def if it has none;
 * and setting one. 0, or -1 with *cause.
 */
int	store_meta_get(struct store *, const char *, int64_t, int64_t *,
	    char **);
int	store_meta_set(struct store *, const char *, int64_t, char **);
/*
 * An account's length limit for a reply, as its platform last said (an
 * instance of Mastodon sets its own), or def if none was said; and
 * keeping one. 0, or -1 with *cause.
 */
int	store_account_limit(struct store *, int64_t, int64_t, int64_t *,
	    char **);
int	store_account_set_limit(struct store *, int64_t, int64_t, char **);
/*
 * What a login keeps under a name (store-kept.c): get gives a new string,
 * or NULL when nothing is kept; set keeps one, or forgets the name when
 * the value is NULL. 0, or -1 with *cause.
 */
int	store_kept_get(struct store *, const char *, char **, char **);
int	store_kept_set(struct store *, const char *, const char *, char **);

/*
 * Read markers (store-mark.c), in the order of items' marks (by length,
 * then bytes: see struct item). store_marks_read marks read every new
 * item of the account whose mark is at or before mark (read in another
 * app), logging each, and gives how many in *n. store_marks_next gives
 * the newest mark at and before which no item of the account is still
 * new, if it is after the one given (NULL: any): as far as the
 * platform's marker may move now (a new string, or NULL when it may
 * not move).
 */
int	store_marks_read(struct store *, int64_t, const char *, size_t *,
	    char **);
int	store_marks_next(struct store *, int64_t, const char *, char **,
	    char **);
/*
 * Every conversation for statistics (store-stats.c): when its customer's
 * first message came, the shop's first answer after it (0: none yet, in
 * heed or on the platform's own app), its account, and its first
 * message and what it is (enum classify_kind, -1 not sorted: heed sorts
 * what waits, and a message answered as it came in never waited). cb
 * gets each, in no particular order.
 */
struct store_conv_stat {
	int64_t	account_id;
	int64_t	first;
	int64_t	first_id;	/* the first message's id */
	int64_t	answer;
	int	kind;
	int	reply;		/* whether it asks for one; -1 not sorted */
};
typedef void	(*store_stats_cb)(void *, const struct store_conv_stat *);
int	store_conv_stats(struct store *, store_stats_cb, void *, char **);
/* A message's text, language and author's name only (free: item_clear). */
int	store_item_words(struct store *, int64_t, struct item *, char **);
/* Mark the waiting messages unsorted again, but for the owner's word. */
int	store_sort_reset(struct store *, char **);
/*
 * Up to a number of messages (-1: all) waiting in a lane of the inbox,
 * oldest first; LANE_UNSORTED gives those not sorted yet.
 */
int	store_lane_items(struct store *, int, int64_t, struct item_list *,
	    char **);

/* Drafts: one per item; NULL or "" text deletes. get gives NULL if none. */
int	store_draft_set(struct store *, int64_t, const char *, char **);
int	store_draft_get(struct store *, int64_t, char **, char **);

/*
 * Search text and author for every word the user typed (no operators:
 * any input is safe), newest first. Words match whole, ignoring case and
 * accents; Chinese, Japanese, Korean and Thai match as substrings (three
 * characters or more: every two neighbouring ones of them). A last word
 * ending in '*' matches as a prefix (slower on a big cache).
 */
int	store_search(struct store *, const char *, size_t,
	    struct item_list *, char **);

/*
 * The search index's tokenizer on its own, outside any cache, for the
 * tests: whole turns its shortcut for known characters off, so that it
 * reads everything through unicode61 (see store-tok.c). run calls each
 * with every token of text, as the index keeps a document's or, with
 * query, as a search asks for it; each returns 0 to go on. 0 or -1.
 */
struct store_tokenizer;
struct store_tokenizer *store_tokenizer_open(int, char **);
int	store_tokenizer_run(struct store_tokenizer *, const char *, size_t,
	    int, int (*)(void *, const char *, size_t), void *);
void	store_tokenizer_close(struct store_tokenizer *);

/*
 * The longest lease any heed takes, in seconds: two days, as a platform
 * may ask to wait a whole day before the next request. A lease longer
 * than this from now is a damaged or planted row and holds nothing.
 */
#define STORE_LEASE_MOST	(2 * 86400)

/*
 * The outbox. Several heed processes may share a cache: an entry is sent
 * by the one that holds its lease (see store-outbox.c).
 *
 * The name this process goes by there: host, pid and a random part; lent.
 */
const char *store_owner(struct store *);
/*
 * Queue an action; fills in id, created, origin and state. It is due at
 * next_attempt when that is later than now (a reply's send delay), else
 * at once; next_attempt says which.
 */
int	store_outbox_add(struct store *, struct outbox_entry *, char **);
/*
 * The reply that leaves soonest of those still waiting out their send
 * delay (queued, never tried, not yet due at now): when, its item and
 * its entry's id; 0 found, 1 none, -1 error.
 */
int	store_outbox_delayed(struct store *, int64_t, int64_t *, int64_t *,
	    int64_t *, char **);
/*
 * Take an account's oldest entry that is due (queued or checking, and
 * next_attempt has come) or abandoned (SENDING with no live lease: its
 * sender died), leasing it to this process until now + lease seconds;
 * no other process takes it meanwhile. 0 taken, 1 none, -1 error.
 */
int	store_outbox_take(struct store *, int64_t, int64_t, int64_t,
	    struct outbox_entry *, char **);
/* Extend this process's lease to a time; 0, 1 if not held, -1 error. */
int	store_outbox_renew(struct store *, int64_t, int64_t, char **);
/* Give up this process's lease on an entry. */
int	store_outbox_release(struct store *, int64_t, char **);
/*
 * Save an entry (state, result, error, attempts, next attempt, checks);
 * its lease is kept until e->lease_until (0 releases it). Refused while
 * another process holds a live lease on it.
 */
int	store_outbox_update(struct store *, const struct outbox_entry *,
	    char **);
int	store_outbox_get(struct store *, int64_t, struct outbox_entry *,
	    char **);
/* Entries not yet sent (queued, sending, checking, failed), oldest first. */
int	store_outbox_list(struct store *, struct outbox_entry **, size_t *,
	    char **);
void	store_outbox_list_free(struct outbox_entry *, size_t);
/*
 * Whether an item has an entry of a kind that is queued, sending,
 * checking or sent (a failed one does not count); 0 yes, with its state
 * (SENT first) if the int * is not NULL, 1 no, -1 error. add refuses a
 * second private reply.
 */
int	store_outbox_has(struct store *, int64_t, int, int *, char **);
/*
 * The newest entry of a kind for an item that is on its way or was sent
 * at or after a time (any heed on this cache); 0 found, 1 none, -1 error.
 */
int	store_outbox_recent(struct store *, int64_t, int, int64_t,
	    struct outbox_entry *, char **);
/*
 * Whether some heed holds a live lease on an entry at a time: not run out,
 * and its process not gone from this host (store_owner_alive).
 */
int	store_outbox_leased(const struct outbox_entry *, int64_t);
int	store_owner_alive(const char *);
/*
 * When the outbox next needs this process (a due time, or the end of
 * another process's lease); *when 0 if never.
 */
int	store_outbox_next_event(struct store *, int64_t, int64_t *, char **);
/* Delete an entry whatever its state (tests, cleanup). */
int	store_outbox_delete(struct store *, int64_t, char **);
/*
 * The user's own changes, each refused (1) unless the entry is queued or
 * failed and no heed holds it: discard it; take a reply (or a private
 * one) back to edit (its text becomes the item's draft and *body, new);
 * send a failed one again
 * (looked for first if it was tried). 0 done, 1 refused, -1 error.
 */
int	store_outbox_discard(struct store *, int64_t, char **);
int	store_outbox_take_back(struct store *, int64_t, char **, char **);
int	store_outbox_retry(struct store *, int64_t, char **);
/*
 * What the shop said since a time on an account (its own items, and the
 * replies on their way in the outbox), newest first, at most max of them:
 * new strings into *texts (free with store_own_texts_free).
 */
int	store_own_texts(struct store *, int64_t, int64_t, size_t, char ***,
	    size_t *, char **);
void	store_own_texts_free(char **, size_t);
/* The name the shop's newest own item bears; 0 (*name new), 1 none, -1. */
int	store_own_name(struct store *, int64_t, char **, char **);

/* Sync state per account and stream. */
int	store_sync_state_get(struct store *, int64_t, const char *,
	    struct store_sync_state *, char **);
int	store_sync_state_set(struct store *, int64_t, const char *,
	    const struct store_sync_state *, char **);
void	store_sync_state_clear(struct store_sync_state *);

/* Activity log. */
int	store_activity_add(struct store *, int64_t, const char *,
	    const char *, char **);
int	store_activity_recent(struct store *, size_t,
	    struct store_activity **, size_t *, char **);
void	store_activity_free(struct store_activity *, size_t);
/*
 * The activity rows from a time on, oldest first, with the author and
 * text of their items: the newest limit of them (0: all).
 */
int	store_activity_since(struct store *, int64_t, size_t,
	    struct store_activity **, size_t *, char **);
/*
 * A page of the activity log for a screen: the newest limit rows before
 * the row id (0: from the newest), newest first, with the author and
 * text of their items.
 */
int	store_activity_before(struct store *, int64_t, size_t,
	    struct store_activity **, size_t *, char **);

#endif
