/*
 * store.c -- opening the cache, errors, statements, transactions, accounts,
 * sync state and the activity log.
 *
 * The other store-*.c files hold the schema, ingest and FTS, the queue,
 * triage, threads and the outbox; they share store-private.h.
 */
/* O_PATH (Linux), for store_private_file. */
#define _GNU_SOURCE

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-private.h"
#include "util.h"

/* Describe a SQLite failure in words a user can act on. */
static const char *
store_reason(struct store *s, sqlite3 *db, int rc, char *tmp, size_t len)
{
	int	err;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "database is locked by another process";
	case SQLITE_FULL:
		return "disk full";
	case SQLITE_READONLY:
		if (s->readonly)
			return "cache was opened read-only";
		return "cache file or its directory is read-only";
	case SQLITE_CORRUPT:
		return "database file is damaged";
	case SQLITE_NOTADB:
		return "file is not a database";
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return "permission denied";
	case SQLITE_NOMEM:
		return "out of memory";
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		err = db != NULL ? sqlite3_system_errno(db) : 0;
		if (err != 0) {
			snprintf(tmp, len, "%s (%s)", (rc & 0xff) ==
			    SQLITE_IOERR ? "I/O error" : "cannot open the file",
			    strerror(err));
			return tmp;
		}
		return (rc & 0xff) == SQLITE_IOERR ? "I/O error" :
		    "cannot open the file";
	}
	if (db != NULL)
		return sqlite3_errmsg(db);
	return sqlite3_errstr(rc);
}

/* Set cause for a failed operation on a given connection; return -1. */
static int
store_fail_db(struct store *s, sqlite3 *db, int rc, const char *op,
    char **cause)
{
	char	tmp[256];

	return util_fail(cause, "cache %s: %s: %s", s->path, op,
	    store_reason(s, db, rc, tmp, sizeof tmp));
}

/* Set cause for a failed operation on the store; return -1. */
int
store_fail(struct store *s, int rc, const char *op, char **cause)
{
	return store_fail_db(s, s->db, rc, op, cause);
}

/* Prepare a statement that lives until the store is closed. */
sqlite3_stmt *
store_prepare(struct store *s, const char *sql, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "preparing a query", cause);
		return NULL;
	}
	return st;
}

/* Return the cached statement in a slot, preparing sql the first time. */
sqlite3_stmt *
store_stmt(struct store *s, enum store_stmt_id id, const char *sql,
    char **cause)
{
	if (s->st[id] == NULL)
		s->st[id] = store_prepare(s, sql, cause);
	return s->st[id];
}

/* Reset a statement and drop its bindings so it is ready for reuse. */
void
store_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Step a statement that returns no rows (or ignore them) and reset it. */
int
store_step_done(struct store *s, sqlite3_stmt *st, const char *op,
    char **cause)
{
	int	rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	store_done(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, rc, op, cause);
	return 0;
}

/* Run a cached statement that takes no parameters. */
int
store_run(struct store *s, enum store_stmt_id id, const char *sql,
    const char *op, char **cause)
{
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, id, sql, cause)) == NULL)
		return -1;
	return store_step_done(s, st, op, cause);
}

/* Bind an id, or NULL for 0. */
int
store_bind_id(sqlite3_stmt *st, int idx, int64_t id)
{
	if (id == 0)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_int64(st, idx, id);
}

/* Return a new copy of a text column, or NULL if it is NULL. */
char *
store_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char	*p;

	if ((p = sqlite3_column_text(st, col)) == NULL)
		return NULL;
	return xstrdup((const char *)p);
}

/* Fill an item from a row selected with STORE_ITEM_COLS. */
void
store_row_item(sqlite3_stmt *st, struct item *it)
{
	it->id = sqlite3_column_int64(st, 0);
	it->account_id = sqlite3_column_int64(st, 1);
	it->remote_id = store_col_text(st, 2);
	it->post_remote_id = store_col_text(st, 3);
	it->parent_remote_id = store_col_text(st, 4);
	it->author_name = store_col_text(st, 5);
	it->author_handle = store_col_text(st, 6);
	it->text = store_col_text(st, 7);
	it->lang = store_col_text(st, 8);
	it->permalink = store_col_text(st, 9);
	it->attachment = store_col_text(st, 10);
	it->created = sqlite3_column_int64(st, 11);
	it->edited = sqlite3_column_int64(st, 12);
	it->kind = sqlite3_column_int(st, 13);
	it->own = sqlite3_column_int(st, 14);
	it->hidden = sqlite3_column_int(st, 15);
	it->deleted = sqlite3_column_int(st, 16);
	it->liked = sqlite3_column_int(st, 17);
	it->like_count = sqlite3_column_int64(st, 18);
	it->status = sqlite3_column_int(st, 19);
	it->snooze_until = sqlite3_column_int64(st, 20);
	it->flags = sqlite3_column_int(st, 21);
	it->done_at = sqlite3_column_int64(st, 22);
	it->note = store_col_text(st, 23);
	it->has_draft = sqlite3_column_int(st, 24);
	it->replied = sqlite3_column_int(st, 25);
	it->depth = 0;
}

/*
 * Start a transaction, or a savepoint when the caller already has one, so
 * that every multi-statement change is atomic either way.
 */
int
store_tx_begin(struct store *s, int *outer, const char *op, char **cause)
{
	*outer = sqlite3_get_autocommit(s->db);
	if (*outer)
		return store_run(s, ST_BEGIN, "BEGIN IMMEDIATE", op, cause);
	return store_run(s, ST_SAVEPOINT, "SAVEPOINT store", op, cause);
}

/* Commit (ok) or roll back what store_tx_begin started; 0 if committed. */
int
store_tx_end(struct store *s, int outer, int ok, const char *op,
    char **cause)
{
	if (ok && outer) {
		if (store_run(s, ST_COMMIT, "COMMIT", op, cause) == 0)
			return 0;
	} else if (ok)
		return store_run(s, ST_RELEASE, "RELEASE store", op, cause);
	/* A failed statement may already have rolled everything back. */
	if (sqlite3_get_autocommit(s->db))
		return -1;
	if (outer)
		store_run(s, ST_ROLLBACK, "ROLLBACK", op, NULL);
	else {
		store_run(s, ST_ROLLBACK_TO, "ROLLBACK TO store", op, NULL);
		store_run(s, ST_RELEASE, "RELEASE store", op, NULL);
	}
	return -1;
}

/* The message for a cache file that is not a regular file; returns -1. */
static int
store_not_regular(const char *path, mode_t mode, char **cause)
{
	if (S_ISLNK(mode))
		return util_fail(cause, "cache %s is a symbolic link: heed "
		    "opens only a regular file there, and never changes a "
		    "file a link points to (give the real path with --cache "
		    "or the cache option)", path);
	return util_fail(cause, "cache %s is not a regular file (%s); move "
	    "it away", path, util_file_type(mode));
}

/*
 * Check that the cache and its -wal, -shm and -journal files are regular
 * files where they exist: SQLite would follow a symbolic link and write
 * into (and heed chmod) whatever it points to, and would wait forever on
 * a FIFO.
 */
static int
store_check_files(struct store *s, char **cause)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	struct stat		 st;
	char			*p;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; i < nitems(suffix) && rc == 0; i++) {
		p = xprintf("%s%s", s->path, suffix[i]);
		if (lstat(p, &st) == 0 && !S_ISREG(st.st_mode))
			rc = store_not_regular(p, st.st_mode, cause);
		free(p);
	}
	return rc;
}

/*
 * Make one of the cache's files private (mode 0600), creating it if asked,
 * without following a link or waiting on a FIFO; 0, or -1 with a cause.
 *
 * An existing file is reached through an O_PATH descriptor: it opens
 * nothing for reading or writing, and closing it, unlike closing any
 * other descriptor of a file, leaves the POSIX locks this process holds
 * on it alone (SQLite's, when the cache is open here already). Closing
 * the one that creates a file drops nothing, since nothing can hold a
 * lock on a file that did not exist.
 */
static int
store_private_file(const char *path, int create, char **cause)
{
	struct stat	st;
	char		proc[64];
	int		fd;

	fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 && errno == ENOENT && create) {
		fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC | O_NOCTTY, 0600);
		if (fd != -1) {
			close(fd);
			return 0;
		}
		if (errno == EEXIST)	/* made meanwhile: look again */
			return store_private_file(path, 0, cause);
	}
	if (fd == -1) {
		if (errno == ENOENT && !create)
			return 0;
		return util_fail(cause, "cache %s: %s", path,
		    strerror(errno));
	}
	if (fstat(fd, &st) != 0) {
		close(fd);
		return util_fail(cause, "cache %s: %s", path,
		    strerror(errno));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return store_not_regular(path, st.st_mode, cause);
	}
	if ((st.st_mode & 077) != 0) {
		/* An O_PATH descriptor takes no fchmod; its /proc name does. */
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		(void)chmod(proc, 0600);
	}
	close(fd);
	return 0;
}

/* Create the cache file private to its user, or make an existing one so. */
static int
store_create_file(struct store *s, char **cause)
{
	return store_private_file(s->path, 1, cause);
}

/* Make the WAL and shared-memory files private too, if they exist. */
static void
store_chmod_aux(struct store *s)
{
	static const char *const suffix[] = { "-wal", "-shm", "-journal" };
	char			*p;
	size_t			 i;

	for (i = 0; i < nitems(suffix); i++) {
		p = xprintf("%s%s", s->path, suffix[i]);
		(void)store_private_file(p, 0, NULL);
		free(p);
	}
}

/* Read one integer from a one-shot query on a connection. */
static int
store_query_int(sqlite3 *db, const char *sql, int *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	*out = 0;
	if ((rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return rc;
}

/*
 * Read the schema version of a connection and refuse a cache that is newer
 * than this heed or that belongs to some other program.
 */
static int
store_check_version(struct store *s, sqlite3 *db, int *version,
    char **cause)
{
	int	rc, appid, ntables;

	if ((rc = store_query_int(db, "PRAGMA user_version", version)) != 0)
		return store_fail_db(s, db, rc, "reading the schema", cause);
	if ((rc = store_query_int(db, "PRAGMA application_id", &appid)) != 0)
		return store_fail_db(s, db, rc, "reading the schema", cause);
	rc = store_query_int(db, "SELECT count(*) FROM sqlite_schema",
	    &ntables);
	if (rc != 0)
		return store_fail_db(s, db, rc, "reading the schema", cause);
	if (*version > STORE_SCHEMA_VERSION) {
		return util_fail(cause, "cache %s was written by a newer heed "
		    "(schema %d, this heed knows %d); not touching it",
		    s->path, *version, STORE_SCHEMA_VERSION);
	}
	if ((appid != 0 && appid != STORE_APPLICATION_ID) ||
	    (appid == 0 && ntables != 0)) {
		return util_fail(cause, "cache %s is not a heed cache; not "
		    "touching it", s->path);
	}
	return 0;
}

/*
 * Open the one connection heed uses for the cache. Nothing is written
 * yet: store_setup does that, after store_check_version has looked at
 * the file, so a file of some other program is never touched.
 */
static int
store_connect(struct store *s, char **cause)
{
	int	rc, flags;

	/* One thread uses a connection: no mutexes needed. */
	flags = (s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
	    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;
	rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "opening", cause);
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	return 0;
}

/*
 * Set the connection up once the file is known to be a heed cache.
 * temp_store = MEMORY keeps statement journals off the disk: every upsert
 * inside an ingest transaction needs one (it fires triggers), and on file
 * they cost about twenty writes per item and doubled the ingest time.
 */
static int
store_setup(struct store *s, char **cause)
{
	static const char	*setup = "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
	    "PRAGMA temp_store = MEMORY;";
	int			 rc;

	if (!s->readonly) {
		rc = sqlite3_exec(s->db, setup, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return store_fail(s, rc, "setting up", cause);
		store_chmod_aux(s);
	}
	if (store_outbox_register(s, cause) != 0)
		return -1;
	return store_fts_register(s, cause);
}

/*
 * Set SQLite up for the process before its first use: no memory
 * statistics, which heed never reads and which cost a lock around every
 * allocation (a tenth of the time of an ingest). Once SQLite is in use it
 * is too late, and sqlite3_config refuses; that only costs the speed.
 */
static void
store_setup_library(void)
{
	static int	done;

	if (!done) {
		(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		done = 1;
	}
}

/* Open the cache at path; see store.h. */
struct store *
store_open(const char *path, int flags, char **cause)
{
	struct store	*s;
	int		 version;

	store_setup_library();
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->readonly = (flags & STORE_READONLY) != 0;
	if (store_check_files(s, cause) != 0)
		goto fail;
	if (!s->readonly && store_create_file(s, cause) != 0)
		goto fail;
	/* One connection, whose first statement reads the schema once. */
	if (store_connect(s, cause) != 0 ||
	    store_check_version(s, s->db, &version, cause) != 0 ||
	    store_setup(s, cause) != 0)
		goto fail;
	if (s->readonly && version < STORE_SCHEMA_VERSION) {
		util_fail(cause, "cache %s has schema %d but this heed needs "
		    "%d; open it once without read-only to create or upgrade "
		    "it", path, version, STORE_SCHEMA_VERSION);
		goto fail;
	}
	if (!s->readonly && store_migrate(s, version, cause) != 0)
		goto fail;
	s->ready = 1;
	return s;

fail:
	store_close(s);
	return NULL;
}

/* Finalize every statement and close the cache; NULL does nothing. */
void
store_close(struct store *s)
{
	size_t	i, j, k;

	if (s == NULL)
		return;
	/* Leave nothing unindexed for the next reader (heed list). */
	if (s->ready && !s->readonly && store_fts_flush(s, NULL) != 0) {
		/* It is done the next time the cache opens for writing. */
	}
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	for (i = 0; i < VIEW_COUNT; i++) {
		for (j = 0; j < 2; j++) {
			for (k = 0; k < 2; k++)
				sqlite3_finalize(s->queue[i][j][k]);
		}
	}
	for (i = 0; i < STORE_QCACHE_SIZE; i++)
		sqlite3_finalize(s->qcache[i].st);
	sqlite3_close(s->db);
	free(s->owner);
	free(s->path);
	free(s);
}

/* Run PRAGMA quick_check; 0 when it says ok. */
int
store_check(struct store *s, char **cause)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	const char	*line;
	int		 rc, bad = 0;

	if ((st = store_stmt(s, ST_CHECK, "PRAGMA quick_check(5)",
	    cause)) == NULL)
		return -1;
	buf_init(&b, 4096);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		line = (const char *)sqlite3_column_text(st, 0);
		if (line == NULL || strcmp(line, "ok") == 0)
			continue;
		buf_printf(&b, "%s%s", bad++ ? "; " : "", line);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return store_fail(s, rc, "checking", cause);
	}
	if (bad) {
		util_fail(cause, "cache %s is damaged: %s", s->path, b.data);
		buf_free(&b);
		return -1;
	}
	buf_free(&b);
	return 0;
}

/* Begin a write transaction (BEGIN IMMEDIATE). */
int
store_begin(struct store *s, char **cause)
{
	return store_run(s, ST_BEGIN, "BEGIN IMMEDIATE",
	    "starting a transaction", cause);
}

/* Commit the current transaction. */
int
store_commit(struct store *s, char **cause)
{
	return store_run(s, ST_COMMIT, "COMMIT", "saving changes", cause);
}

/* Roll back the current transaction, if there is one. */
void
store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		store_run(s, ST_ROLLBACK, "ROLLBACK", "rolling back", NULL);
}

/* Add an account or update the one of the same name; give its id. */
int
store_account_ensure(struct store *s, const char *name, const char *platform,
    const char *handle, const char *base_url, int64_t *id, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = store_stmt(s, ST_ACCOUNT_UPSERT, "INSERT INTO accounts (name, "
	    "platform, handle, base_url) VALUES (?1, ?2, ?3, ?4) "
	    "ON CONFLICT (name) DO UPDATE SET platform = excluded.platform, "
	    "handle = excluded.handle, base_url = excluded.base_url "
	    "RETURNING id", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, platform, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, handle, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, base_url, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	store_done(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, rc, "saving the account", cause);
	return 0;
}

/* List every account, oldest first; free with store_account_list_free. */
int
store_account_list(struct store *s, struct store_account **out, size_t *n,
    char **cause)
{
	sqlite3_stmt		*st;
	struct store_account	*a;
	size_t			 cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, ST_ACCOUNT_LIST, "SELECT id, name, platform, "
	    "handle, base_url FROM accounts ORDER BY id", cause);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 4 : cap * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		a = &(*out)[(*n)++];
		a->id = sqlite3_column_int64(st, 0);
		a->name = store_col_text(st, 1);
		a->platform = store_col_text(st, 2);
		a->handle = store_col_text(st, 3);
		a->base_url = store_col_text(st, 4);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		store_account_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "listing accounts", cause);
	}
	return 0;
}

/* Free an account list. */
void
store_account_list_free(struct store_account *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].platform);
		free(v[i].handle);
		free(v[i].base_url);
	}
	free(v);
}

/* Read the sync state of a stream; all zero if there is none yet. */
int
store_sync_state_get(struct store *s, int64_t account, const char *stream,
    struct store_sync_state *ss, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(ss, 0, sizeof *ss);
	st = store_stmt(s, ST_SYNC_GET, "SELECT cursor, last_success, "
	    "last_attempt, last_error FROM sync_state WHERE account_id = ?1 "
	    "AND stream = ?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, stream, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ss->cursor = store_col_text(st, 0);
		ss->last_success = sqlite3_column_int64(st, 1);
		ss->last_attempt = sqlite3_column_int64(st, 2);
		ss->last_error = store_col_text(st, 3);
	}
	store_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, rc, "reading the sync state", cause);
	return 0;
}

/* Save the sync state of a stream. */
int
store_sync_state_set(struct store *s, int64_t account, const char *stream,
    const struct store_sync_state *ss, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_SYNC_SET, "INSERT INTO sync_state (account_id, "
	    "stream, cursor, last_success, last_attempt, last_error) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (account_id, stream) "
	    "DO UPDATE SET cursor = excluded.cursor, last_success = "
	    "excluded.last_success, last_attempt = excluded.last_attempt, "
	    "last_error = excluded.last_error", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_text(st, 2, stream, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, ss->cursor, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, ss->last_success);
	sqlite3_bind_int64(st, 5, ss->last_attempt);
	sqlite3_bind_text(st, 6, ss->last_error, -1, SQLITE_STATIC);
	return store_step_done(s, st, "saving the sync state", cause);
}

/* Free the strings of a sync state and zero it. */
void
store_sync_state_clear(struct store_sync_state *ss)
{
	free(ss->cursor);
	free(ss->last_error);
	memset(ss, 0, sizeof *ss);
}

/* Append a row to the activity log (item 0 for none). */
int
store_activity_add(struct store *s, int64_t item, const char *action,
    const char *detail, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_ACTIVITY_ADD, "INSERT INTO activity (time, "
	    "item_id, action, detail) VALUES (?1, ?2, ?3, ?4)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, util_now());
	store_bind_id(st, 2, item);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, detail, -1, SQLITE_STATIC);
	return store_step_done(s, st, "logging the action", cause);
}

/* Read the newest activity rows, newest first; free with store_activity_free. */
int
store_activity_recent(struct store *s, size_t limit,
    struct store_activity **out, size_t *n, char **cause)
{
	sqlite3_stmt		*st;
	struct store_activity	*a;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, ST_ACTIVITY_RECENT, "SELECT time, item_id, action, "
	    "detail FROM activity ORDER BY id DESC LIMIT ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (int64_t)limit);
	if (limit != 0)
		*out = xreallocarray(NULL, limit, sizeof **out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < limit) {
		a = &(*out)[(*n)++];
		a->time = sqlite3_column_int64(st, 0);
		a->item_id = sqlite3_column_int64(st, 1);
		a->action = store_col_text(st, 2);
		a->detail = store_col_text(st, 3);
	}
	store_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_activity_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "reading the activity log", cause);
	}
	return 0;
}

/* Free activity rows. */
void
store_activity_free(struct store_activity *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].action);
		free(v[i].detail);
	}
	free(v);
}
