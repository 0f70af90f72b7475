/*
 * store-outbox.c -- actions bound for a platform.
 *
 * A reply is written here before any network call, so nothing typed is
 * lost. The store chooses nothing: the caller sets the idempotency key,
 * and sync moves entries through QUEUED, SENDING, CHECKING, SENT or
 * FAILED.
 *
 * Several heed processes may share the cache. An entry is sent by one of
 * them only: store_outbox_take leases it (this process's name and an
 * expiry, written by the same statement that picks it), every change
 * after that is refused to a process that does not hold the lease, and
 * the other processes leave it alone until the lease is released or runs
 * out. An entry whose sender died mid-send comes back from take still
 * SENDING, for the caller to look for before anything is sent again.
 */
#include <sys/random.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-private.h"
#include "util.h"

#define STORE_OUTBOX_COLS \
	"id, account_id, item_id, kind, state, target_remote_id, body, " \
	"idem_key, remote_id, last_error, attempts, created, next_attempt, " \
	"updated, origin, lease_owner, lease_until, unknown_at, checks"

/* The states in which an entry is still on its way (not sent, not failed). */
#define STORE_OUTBOX_PENDING	"(0, 1, 4)"

/*
 * Whether no process holds an entry (?1 is now): no lease, one that ran
 * out, one whose process is gone from this host, or one longer than any
 * heed takes (a damaged or planted row, which would hold it forever).
 */
#define STORE_OUTBOX_FREE \
	"(lease_owner IS NULL OR lease_until < ?1 OR lease_until > ?1 + " \
	STORE_LEASE_MOST_SQL " OR NOT heed_alive(lease_owner))"

/* STORE_LEASE_MOST as SQL text. */
#define STORE_LEASE_MOST_SQL	"172800"
_Static_assert(STORE_LEASE_MOST == 172800, "STORE_LEASE_MOST_SQL");

/* Fill an outbox entry from a row selected with STORE_OUTBOX_COLS. */
static void
store_row_outbox(sqlite3_stmt *st, struct outbox_entry *e)
{
	e->id = sqlite3_column_int64(st, 0);
	e->account_id = sqlite3_column_int64(st, 1);
	e->item_id = sqlite3_column_int64(st, 2);
	e->kind = sqlite3_column_int(st, 3);
	e->state = sqlite3_column_int(st, 4);
	e->target_remote_id = store_col_text(st, 5);
	e->body = store_col_text(st, 6);
	e->idem_key = store_col_text(st, 7);
	e->remote_id = store_col_text(st, 8);
	e->last_error = store_col_text(st, 9);
	e->attempts = sqlite3_column_int(st, 10);
	e->created = sqlite3_column_int64(st, 11);
	e->next_attempt = sqlite3_column_int64(st, 12);
	e->updated = sqlite3_column_int64(st, 13);
	e->origin = store_col_text(st, 14);
	e->lease_owner = store_col_text(st, 15);
	e->lease_until = sqlite3_column_int64(st, 16);
	e->unknown_at = sqlite3_column_int64(st, 17);
	e->checks = sqlite3_column_int(st, 18);
}

/*
 * The name this process goes by in the outbox: host, process id and a
 * random part (a process id is reused; the random part is not). Made
 * once per open store; lent.
 */
const char *
store_owner(struct store *s)
{
	unsigned char	r[6];
	char		host[64];
	size_t		i;

	if (s->owner != NULL)
		return s->owner;
	if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
		for (i = 0; i < sizeof r; i++)
			r[i] = (unsigned char)random();
	}
	if (gethostname(host, sizeof host) != 0)
		snprintf(host, sizeof host, "localhost");
	host[sizeof host - 1] = '\0';
	s->owner = xprintf("%s:%ld:%02x%02x%02x%02x%02x%02x", host,
	    (long)getpid(), r[0], r[1], r[2], r[3], r[4], r[5]);
	return s->owner;
}

/*
 * Read the first line of /proc/PID/NAME (PID 0: self) into buf; 0, or -1
 * if it cannot be read.
 */
static int
store_proc_read(long pid, const char *name, char *buf, size_t len)
{
	char	 path[64];
	FILE	*f;
	int	 ok;

	if (pid == 0)
		snprintf(path, sizeof path, "/proc/self/%s", name);
	else
		snprintf(path, sizeof path, "/proc/%ld/%s", pid, name);
	if ((f = fopen(path, "re")) == NULL)
		return -1;
	ok = fgets(buf, (int)len, f) != NULL;
	fclose(f);
	if (!ok)
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

/*
 * Whether a process of this host is gone: it does not exist, it is a
 * zombie not yet reaped (killed, its parent not told yet), or its id now
 * belongs to another program. 1 gone, 0 maybe alive.
 */
static int
store_proc_gone(long pid)
{
	char		 stat[512], comm[64], self[64];
	const char	*p;

	if (kill((pid_t)pid, 0) == -1)
		return errno == ESRCH;
	if (store_proc_read(pid, "stat", stat, sizeof stat) == 0 &&
	    (p = strrchr(stat, ')')) != NULL && (p[1] == ' ') &&
	    (p[2] == 'Z' || p[2] == 'X'))
		return 1;
	if (store_proc_read(pid, "comm", comm, sizeof comm) == 0 &&
	    store_proc_read(0, "comm", self, sizeof self) == 0 &&
	    strcmp(comm, self) != 0)
		return 1;
	return 0;
}

/*
 * Whether the owner of a lease may still run: 0 when it is a process of
 * this host that is gone (killed mid-send), so its lease need not be
 * waited out; 1 otherwise (another host's, or a process that may still
 * run, which errs on the safe side).
 */
int
store_owner_alive(const char *owner)
{
	const char	*colon;
	char		 host[64];
	long		 pid;
	size_t		 hlen;

	if (owner != NULL && (colon = strchr(owner, ':')) != NULL &&
	    gethostname(host, sizeof host) == 0) {
		host[sizeof host - 1] = '\0';
		hlen = (size_t)(colon - owner);
		pid = strtol(colon + 1, NULL, 10);
		if (hlen == strlen(host) && strncmp(owner, host, hlen) == 0 &&
		    pid > 0 && pid != (long)getpid() && store_proc_gone(pid))
			return 0;
	}
	return 1;
}

/* SQL function heed_alive(owner): store_owner_alive. */
static void
store_outbox_alive(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(ctx, store_owner_alive((const char *)
	    sqlite3_value_text(argv[0])));
}

/*
 * Whether some process holds a live lease on an entry at a time, by the
 * rule of STORE_OUTBOX_FREE (for the UI, which says who is at it).
 */
int
store_outbox_leased(const struct outbox_entry *e, int64_t now)
{
	return e->lease_owner != NULL && e->lease_until >= now &&
	    e->lease_until <= now + STORE_LEASE_MOST &&
	    store_owner_alive(e->lease_owner);
}

/* Give a connection the outbox's SQL function (heed_alive). */
int
store_outbox_register(struct store *s, char **cause)
{
	int	rc;

	rc = sqlite3_create_function(s->db, "heed_alive", 1, SQLITE_UTF8,
	    NULL, store_outbox_alive, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "setting up", cause);
	return 0;
}

/*
 * Queue an action; fills in id, created, origin and state; it is due at
 * next_attempt if that is later than now (a reply's send delay). A
 * comment has at most one private reply, so a second one is refused
 * while another is queued, sending, checking or sent; the check is part
 * of the INSERT, so that nothing can come between them.
 */
int
store_outbox_add(struct store *s, struct outbox_entry *e, char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 now = util_now();
	int		 rc;

	if (e->idem_key == NULL || *e->idem_key == '\0')
		return util_fail(cause, "outbox entry without idempotency key");
	st = store_stmt(s, ST_OUTBOX_ADD, "INSERT INTO outbox (account_id, "
	    "item_id, kind, state, target_remote_id, body, idem_key, "
	    "remote_id, last_error, attempts, created, next_attempt, updated, "
	    "origin) "
	    "SELECT ?1, ?2, ?3, 0, ?4, ?5, ?6, NULL, NULL, 0, ?7, max(?7, ?10), "
	    "?7, ?9 "
	    "WHERE ?3 <> ?8 OR ?2 IS NULL OR NOT EXISTS (SELECT 1 FROM outbox "
	    "WHERE item_id = ?2 AND kind = ?3 AND state IN (0, 1, 2, 4)) "
	    "RETURNING id", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->account_id);
	store_bind_id(st, 2, e->item_id);
	sqlite3_bind_int(st, 3, e->kind);
	sqlite3_bind_text(st, 4, e->target_remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->idem_key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, now);
	sqlite3_bind_int(st, 8, ACTION_PRIVATE_REPLY);
	sqlite3_bind_text(st, 9, store_owner(s), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, e->next_attempt);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		e->id = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc == SQLITE_DONE) {
		return util_fail(cause, "this comment already has a private "
		    "reply, in the outbox or sent; it can have only one");
	}
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "queueing an action", cause);
	e->state = OUTBOX_QUEUED;
	e->attempts = 0;
	e->created = e->updated = now;
	if (e->next_attempt < now)
		e->next_attempt = now;
	free(e->origin);
	e->origin = xstrdup(store_owner(s));
	return 0;
}

/* The reply that leaves soonest after its send delay; see store.h. */
int
store_outbox_delayed(struct store *s, int64_t now, int64_t *when,
    int64_t *item, int64_t *id, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*when = *item = *id = 0;
	st = store_stmt(s, ST_OUTBOX_DELAYED, "SELECT next_attempt, item_id, "
	    "id FROM outbox WHERE state = 0 AND attempts = 0 AND kind IN (?2, ?3) "
	    "AND next_attempt > ?1 ORDER BY next_attempt LIMIT 1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, ACTION_REPLY);
	sqlite3_bind_int(st, 3, ACTION_PRIVATE_REPLY);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*when = sqlite3_column_int64(st, 0);
		*item = sqlite3_column_int64(st, 1);
		*id = sqlite3_column_int64(st, 2);
	}
	store_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(s, rc, "reading the outbox", cause);
}

/*
 * Take an account's oldest entry that is due, leasing it to this process
 * until now + lease seconds; see store.h. The choice and the lease are
 * one UPDATE, which SQLite runs under the database's write lock: two
 * processes cannot take the same entry.
 */
int
store_outbox_take(struct store *s, int64_t account, int64_t now,
    int64_t lease, struct outbox_entry *e, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(e, 0, sizeof *e);
	st = store_stmt(s, ST_OUTBOX_TAKE, "UPDATE outbox SET lease_owner = "
	    "?3, lease_until = ?4 WHERE id = (SELECT id FROM outbox WHERE "
	    "account_id = ?2 AND " STORE_OUTBOX_FREE " AND "
	    "(state = 1 OR (state IN (0, 4) AND next_attempt <= ?1)) "
	    "ORDER BY id LIMIT 1) RETURNING " STORE_OUTBOX_COLS, cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, account);
	sqlite3_bind_text(st, 3, store_owner(s), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, now + lease);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_outbox(st, e);
	store_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(s, rc, "taking an outbox entry", cause);
}

/* Extend this process's lease on an entry; 0, 1 if it is not ours, -1. */
int
store_outbox_renew(struct store *s, int64_t id, int64_t until, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_OUTBOX_RENEW, "UPDATE outbox SET lease_until = "
	    "?2 WHERE id = ?1 AND lease_owner = ?3", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, until);
	sqlite3_bind_text(st, 3, store_owner(s), -1, SQLITE_STATIC);
	if (store_step_done(s, st, "keeping an outbox entry", cause) != 0)
		return -1;
	return sqlite3_changes(s->db) == 0 ? 1 : 0;
}

/* Give up this process's lease on an entry (if it holds one). */
int
store_outbox_release(struct store *s, int64_t id, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_OUTBOX_RELEASE, "UPDATE outbox SET lease_owner = "
	    "NULL, lease_until = 0 WHERE id = ?1 AND lease_owner = ?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, store_owner(s), -1, SQLITE_STATIC);
	return store_step_done(s, st, "releasing an outbox entry", cause);
}

/*
 * Save an entry's state, result, error, attempts, next attempt and check
 * record. The lease stays as e->lease_until says (0 releases it). Refused
 * when another process holds a live lease on the entry, or it is gone.
 */
int
store_outbox_update(struct store *s, const struct outbox_entry *e,
    char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 now = util_now();

	st = store_stmt(s, ST_OUTBOX_UPDATE, "UPDATE outbox SET state = ?2, "
	    "target_remote_id = ?3, body = ?4, remote_id = ?5, last_error = "
	    "?6, attempts = ?7, next_attempt = ?8, updated = ?9, unknown_at = "
	    "?10, checks = ?11, lease_owner = iif(?12 > 0, ?13, NULL), "
	    "lease_until = ?12 WHERE id = ?1 AND (lease_owner IS NULL OR "
	    "lease_owner = ?13 OR lease_until < ?9 OR lease_until > ?9 + "
	    STORE_LEASE_MOST_SQL " OR NOT heed_alive(lease_owner))", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, e->id);
	sqlite3_bind_int(st, 2, e->state);
	sqlite3_bind_text(st, 3, e->target_remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->remote_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->last_error, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, e->attempts);
	sqlite3_bind_int64(st, 8, e->next_attempt);
	sqlite3_bind_int64(st, 9, now);
	sqlite3_bind_int64(st, 10, e->unknown_at);
	sqlite3_bind_int(st, 11, e->checks);
	sqlite3_bind_int64(st, 12, e->lease_until);
	sqlite3_bind_text(st, 13, store_owner(s), -1, SQLITE_STATIC);
	if (store_step_done(s, st, "saving an outbox entry", cause) != 0)
		return -1;
	if (sqlite3_changes(s->db) == 0) {
		return util_fail(cause, "outbox entry %lld is gone or being "
		    "sent by another heed", (long long)e->id);
	}
	return 0;
}

/*
 * Find an item's entry of a kind that is queued, sending, checking or
 * sent (not a failed one, which may be tried again); 0 found, with its
 * state in *state (SENT before the others) if state is not NULL, 1 none,
 * -1 error.
 */
int
store_outbox_has(struct store *s, int64_t item, int kind, int *state,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc, found;

	st = store_stmt(s, ST_OUTBOX_HAS, "SELECT state FROM outbox WHERE "
	    "item_id = ?1 AND kind = ?2 AND state IN (0, 1, 2, 4) ORDER BY "
	    "state = 2 DESC LIMIT 1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item);
	sqlite3_bind_int(st, 2, kind);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && state != NULL)
		*state = sqlite3_column_int(st, 0);
	store_done(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		found = rc == SQLITE_ROW ? 0 : 1;
	else
		found = store_fail(s, rc, "reading the outbox", cause);
	return found;
}

/*
 * The newest entry of a kind for an item that is on its way (queued,
 * sending, checking) or was sent since a time; 0 found (e filled), 1
 * none, -1 error. Whether it came from this process: e->origin against
 * store_owner.
 */
int
store_outbox_recent(struct store *s, int64_t item, int kind, int64_t since,
    struct outbox_entry *e, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(e, 0, sizeof *e);
	st = store_stmt(s, ST_OUTBOX_RECENT, "SELECT " STORE_OUTBOX_COLS
	    " FROM outbox WHERE item_id = ?1 AND kind = ?2 AND (state IN "
	    STORE_OUTBOX_PENDING " OR (state = 2 AND updated >= ?3)) "
	    "ORDER BY id DESC LIMIT 1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item);
	sqlite3_bind_int(st, 2, kind);
	sqlite3_bind_int64(st, 3, since);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_outbox(st, e);
	store_done(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(s, rc, "reading the outbox", cause);
}

/* Read one outbox entry by id. */
int
store_outbox_get(struct store *s, int64_t id, struct outbox_entry *e,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(e, 0, sizeof *e);
	st = store_stmt(s, ST_OUTBOX_GET, "SELECT " STORE_OUTBOX_COLS " FROM "
	    "outbox WHERE id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_row_outbox(st, e);
	store_done(st);
	if (rc == SQLITE_DONE)
		return util_fail(cause, "no outbox entry %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "reading the outbox", cause);
	return 0;
}

/* List entries not yet sent, oldest first; free with the list free. */
int
store_outbox_list(struct store *s, struct outbox_entry **out, size_t *n,
    char **cause)
{
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, ST_OUTBOX_LIST, "SELECT " STORE_OUTBOX_COLS " FROM "
	    "outbox WHERE state IN (0, 1, 3, 4) ORDER BY id", cause);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		memset(&(*out)[*n], 0, sizeof **out);
		store_row_outbox(st, &(*out)[(*n)++]);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		store_outbox_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "reading the outbox", cause);
	}
	return 0;
}

/* Free an outbox list. */
void
store_outbox_list_free(struct outbox_entry *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		outbox_entry_clear(&v[i]);
	free(v);
}

/*
 * Delete an outbox entry, whatever its state (tests and cleanup; the
 * user's discard is store_outbox_discard).
 */
int
store_outbox_delete(struct store *s, int64_t id, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_OUTBOX_DELETE, "DELETE FROM outbox WHERE id = ?1",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return store_step_done(s, st, "deleting an outbox entry", cause);
}

/*
 * The condition under which the user may take an entry back (discard or
 * edit it): it is queued or failed, and no heed holds it.
 */
#define STORE_OUTBOX_MINE_AGAIN \
	"state IN (0, 3) AND (lease_owner IS NULL OR lease_until < ?2 OR " \
	"lease_until > ?2 + " STORE_LEASE_MOST_SQL " OR NOT " \
	"heed_alive(lease_owner))"

/*
 * Run one of the user's changes to an entry (a statement whose ?1 is the
 * entry and ?2 now); 0 done, 1 refused (it changed nothing), -1 error.
 */
static int
store_outbox_user(struct store *s, enum store_stmt_id id, const char *sql,
    const char *op, int64_t entry, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, id, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, entry);
	sqlite3_bind_int64(st, 2, util_now());
	if (store_step_done(s, st, op, cause) != 0)
		return -1;
	return sqlite3_changes(s->db) == 0 ? 1 : 0;
}

/*
 * Discard an entry the user no longer wants sent: one that is queued or
 * failed and that no heed is sending; 0 done, 1 refused (it is being
 * sent, checked, or already went), -1 error.
 */
int
store_outbox_discard(struct store *s, int64_t id, char **cause)
{
	return store_outbox_user(s, ST_OUTBOX_DISCARD, "DELETE FROM outbox "
	    "WHERE id = ?1 AND " STORE_OUTBOX_MINE_AGAIN, "discarding an "
	    "outbox entry", id, cause);
}

/*
 * Take a queued or failed reply back out of the outbox to edit it: the
 * entry goes and its text becomes the item's draft, in one transaction;
 * 0 done (*body gets the text, new), 1 refused as by discard, -1 error.
 */
int
store_outbox_take_back(struct store *s, int64_t id, char **body,
    char **cause)
{
	sqlite3_stmt	*st;
	int64_t		 item = 0;
	int		 outer, rc, ok, kind = ACTION_REPLY;

	*body = NULL;
	if (store_tx_begin(s, &outer, "editing a queued reply", cause) != 0)
		return -1;
	st = store_stmt(s, ST_OUTBOX_TAKE_BACK, "DELETE FROM outbox WHERE id = "
	    "?1 AND kind IN (?3, ?4) AND " STORE_OUTBOX_MINE_AGAIN " RETURNING "
	    "item_id, body, kind", cause);
	if (st == NULL) {
		store_tx_end(s, outer, 0, "editing a queued reply", NULL);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, util_now());
	sqlite3_bind_int(st, 3, ACTION_REPLY);
	sqlite3_bind_int(st, 4, ACTION_PRIVATE_REPLY);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		item = sqlite3_column_int64(st, 0);
		*body = store_col_text(st, 1);
		kind = sqlite3_column_int(st, 2);
	}
	store_done(st);
	if (rc == SQLITE_DONE) {
		store_tx_end(s, outer, 1, "editing a queued reply", NULL);
		return 1;
	}
	ok = rc == SQLITE_ROW;
	if (!ok)
		store_fail(s, rc, "editing a queued reply", cause);
	if (ok && *body == NULL)
		*body = xstrdup("");
	if (ok && item != 0)
		ok = store_draft_set(s, item, *body, cause) == 0 &&
		    store_activity_add(s, item, action_kind_name(kind),
		    "taken back into the composer, not sent", cause) == 0;
	if (store_tx_end(s, outer, ok, "editing a queued reply", cause) != 0) {
		free(*body);
		*body = NULL;
		return -1;
	}
	return 0;
}

/*
 * Send a failed entry again at the user's word; 0 done, 1 refused (it is
 * no longer failed: another heed took it meanwhile), -1 error. One that
 * was tried before is looked for first (CHECKING): when its failure was
 * a clear refusal, no earlier attempt is unaccounted for and one check
 * settles it; after a lost answer, the checks are as patient as ever.
 */
int
store_outbox_retry(struct store *s, int64_t id, char **cause)
{
	return store_outbox_user(s, ST_OUTBOX_RETRY, "UPDATE outbox SET "
	    "state = iif(attempts > 0, 4, 0), next_attempt = 0, checks = 0, "
	    "updated = ?2 WHERE id = ?1 AND " STORE_OUTBOX_MINE_AGAIN " AND "
	    "state = 3", "retrying an outbox entry", id, cause);
}

/*
 * When the outbox next needs a look from this process: the soonest
 * next_attempt of an entry that is queued or checking and held by no
 * process, now for one abandoned mid-send, or the end of a lease (its
 * holder may die); *when 0 if nothing waits.
 */
int
store_outbox_next_event(struct store *s, int64_t now, int64_t *when,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*when = 0;
	st = store_stmt(s, ST_OUTBOX_NEXT, "SELECT CASE WHEN NOT "
	    STORE_OUTBOX_FREE " THEN lease_until + 1 WHEN state = 1 THEN ?1 "
	    "ELSE next_attempt END AS t FROM outbox "
	    "WHERE state IN " STORE_OUTBOX_PENDING " ORDER BY t LIMIT 1",
	    cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*when = sqlite3_column_int64(st, 0);
		if (*when <= 0)
			*when = now;
	}
	store_done(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return 0;
	return store_fail(s, rc, "reading the outbox", cause);
}

/* What the shop said on an account since a time; see store.h. */
int
store_own_texts(struct store *s, int64_t account, int64_t since, size_t max,
    char ***texts, size_t *n, char **cause)
{
	sqlite3_stmt	*st;
	const char	*t;
	int		 rc;

	*texts = NULL;
	*n = 0;
	st = store_stmt(s, ST_OWN_TEXTS, "SELECT text, created FROM items "
	    "WHERE account_id = ?1 AND own != 0 AND created >= ?2 AND text "
	    "IS NOT NULL UNION ALL SELECT body, created FROM outbox WHERE "
	    "account_id = ?1 AND kind IN (0, 6) AND state IN "
	    STORE_OUTBOX_PENDING " AND created >= ?2 AND body IS NOT NULL "
	    "ORDER BY 2 DESC LIMIT ?3", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_int64(st, 2, since);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((t = (const char *)sqlite3_column_text(st, 0)) == NULL)
			continue;
		*texts = xreallocarray(*texts, *n + 1, sizeof **texts);
		(*texts)[(*n)++] = xstrdup(t);
	}
	store_done(st);
	if (rc == SQLITE_DONE)
		return 0;
	store_own_texts_free(*texts, *n);
	*texts = NULL;
	*n = 0;
	return store_fail(s, rc, "reading the shop's replies", cause);
}

/* Free what store_own_texts gave. */
void
store_own_texts_free(char **texts, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

/* The name the shop's newest own item on an account bears; see store.h. */
int
store_own_name(struct store *s, int64_t account, char **name, char **cause)
{
	sqlite3_stmt	*st;
	const char	*t = NULL;
	int		 rc;

	*name = NULL;
	st = store_stmt(s, ST_OWN_NAME, "SELECT author_name FROM items WHERE "
	    "account_id = ?1 AND own != 0 AND author_name IS NOT NULL AND "
	    "author_name != '' ORDER BY created DESC LIMIT 1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    (t = (const char *)sqlite3_column_text(st, 0)) != NULL)
		*name = xstrdup(t);
	store_done(st);
	if (rc == SQLITE_ROW)
		return *name != NULL ? 0 : 1;
	if (rc == SQLITE_DONE)
		return 1;
	return store_fail(s, rc, "reading the shop's name", cause);
}
