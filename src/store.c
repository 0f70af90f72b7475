/*
 * store.c -- opening, checking and closing the cache, and the caller's
 * own transactions. It sits at the top of the store: opening registers
 * the tokenizer and the outbox's functions and migrates the schema,
 * closing indexes what is left.
 *
 * Below it, store-db.c holds what every store file uses (errors,
 * statements, rows, transactions); store-account.c accounts, sync state
 * and the activity log; the other store-*.c files the schema, ingest and
 * FTS, the queue, triage, threads and the outbox. They share
 * store-private.h.
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
	/* Only a file without heed's id needs its tables counted. */
	ntables = 0;
	if (appid == 0 && (rc = store_query_int(db, "SELECT count(*) FROM "
	    "sqlite_schema", &ntables)) != 0)
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
	    "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;";
	int			 rc, on;

	if (!s->readonly) {
		rc = sqlite3_exec(s->db, setup, NULL, NULL, NULL);
		/* PRAGMA foreign_keys = ON, without a statement to compile. */
		if (rc == SQLITE_OK)
			rc = sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_FKEY,
			    1, &on);
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
	size_t	i;

	if (s == NULL)
		return;
	/* Leave nothing unindexed for the next reader (heed list). */
	if (s->ready && !s->readonly && store_fts_flush(s, NULL) != 0) {
		/* It is done the next time the cache opens for writing. */
	}
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	for (i = 0; i < STORE_QCACHE_SIZE; i++)
		sqlite3_finalize(s->qcache[i].st);
	sqlite3_close(s->db);
	free(s->owner);
	free(s->who);
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

/*
 * Keep the page cache small, or give it back its full size. The first
 * screen reads a hundred pages or so, each once, while it needs only a
 * few at a time: the path down each B-tree it reads. A cache that grows
 * by a page for every page read puts each in memory the process has not
 * touched before, and the page faults of that memory cost more than the
 * reads themselves (half the time of reading the first screen, measured
 * on a million items); a small one reuses its pages. Writing and
 * searching want the full cache, so the caller gives it back once the
 * first screen is up.
 */
void
store_cache_small(struct store *s, int small)
{
	char	*sql;

	/* The full size is read the first time, to be given back. */
	if (!s->cache_shrunk) {
		if (!small || store_query_int(s->db, "PRAGMA cache_size",
		    &s->cache_size) != SQLITE_OK)
			return;
		s->cache_shrunk = 1;
	}
	sql = xprintf("PRAGMA cache_size = %d", small ? STORE_CACHE_SMALL :
	    s->cache_size);
	(void)sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	free(sql);
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
