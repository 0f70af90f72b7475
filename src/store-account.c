/*
 * store-account.c -- accounts (and the length limit each one's platform
 * says for a reply), the sync state of each stream and the
 * activity log.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store-private.h"
#include "util.h"

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

/*
 * The local user's name, as the log keeps it: the account's login name,
 * else $USER, else the user id.
 */
static const char *
store_who(struct store *s)
{
	struct passwd	*pw;
	const char	*user;

	if (s->who != NULL)
		return s->who;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_name != NULL &&
	    *pw->pw_name != '\0')
		s->who = xstrdup(pw->pw_name);
	else if ((user = getenv("USER")) != NULL && *user != '\0')
		s->who = xstrdup(user);
	else
		s->who = xprintf("uid %ld", (long)getuid());
	return s->who;
}

/* Append a row to the activity log (item 0 for none). */
int
store_activity_add(struct store *s, int64_t item, const char *action,
    const char *detail, char **cause)
{
	sqlite3_stmt	*st;

	st = store_stmt(s, ST_ACTIVITY_ADD, "INSERT INTO activity (time, "
	    "item_id, action, detail, who) VALUES (?1, ?2, ?3, ?4, ?5)", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, util_now());
	store_bind_id(st, 2, item);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, detail, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, store_who(s), -1, SQLITE_STATIC);
	return store_step_done(s, st, "logging the action", cause);
}


/* Read the newest activity rows first; free with store_activity_free. */
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
	    "detail, who FROM activity ORDER BY id DESC LIMIT ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (int64_t)limit);
	if (limit != 0)
		*out = xreallocarray(NULL, limit, sizeof **out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < limit) {
		a = &(*out)[(*n)++];
		memset(a, 0, sizeof *a);
		a->time = sqlite3_column_int64(st, 0);
		a->item_id = sqlite3_column_int64(st, 1);
		a->action = store_col_text(st, 2);
		a->detail = store_col_text(st, 3);
		a->who = store_col_text(st, 4);
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
		free(v[i].who);
		free(v[i].author);
		free(v[i].text);
	}
	free(v);
}

/*
 * Read a row of the activity log with its item's author and text: time,
 * item, action, detail, who, author, text, id.
 */
static void
store_activity_row(sqlite3_stmt *st, struct store_activity *a)
{
	a->time = sqlite3_column_int64(st, 0);
	a->item_id = sqlite3_column_int64(st, 1);
	a->action = store_col_text(st, 2);
	a->detail = store_col_text(st, 3);
	a->who = store_col_text(st, 4);
	a->author = store_col_text(st, 5);
	a->text = store_col_text(st, 6);
	a->id = sqlite3_column_int64(st, 7);
}

/* Read the activity rows from a time on; see store.h. */
int
store_activity_since(struct store *s, int64_t since, size_t limit,
    struct store_activity **out, size_t *n, char **cause)
{
	sqlite3_stmt		*st;
	struct store_activity	*a;
	size_t			 cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	/* The newest limit rows from since, then put oldest first. */
	st = store_stmt(s, ST_ACTIVITY_SINCE, "SELECT * FROM (SELECT a.time, "
	    "a.item_id, a.action, a.detail, a.who, coalesce(i.author_name, "
	    "i.author_handle), i.text, a.id FROM activity AS a LEFT JOIN items "
	    "AS i ON i.id = a.item_id WHERE a.time >= ?1 ORDER BY a.time DESC, "
	    "a.id DESC LIMIT ?2) ORDER BY 1, 8", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, since);
	sqlite3_bind_int64(st, 2, limit != 0 ? (int64_t)limit : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		a = &(*out)[(*n)++];
		store_activity_row(st, a);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		store_activity_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "reading the activity log", cause);
	}
	return 0;
}

/* Read a page of the activity log before a row, newest first; store.h. */
int
store_activity_before(struct store *s, int64_t before, size_t limit,
    struct store_activity **out, size_t *n, char **cause)
{
	sqlite3_stmt		*st;
	int			 rc = SQLITE_DONE;

	*out = NULL;
	*n = 0;
	/* By id, the log's own order: one look-up in its rowid, no sort. */
	st = store_stmt(s, ST_ACTIVITY_BEFORE, "SELECT a.time, a.item_id, "
	    "a.action, a.detail, a.who, coalesce(i.author_name, "
	    "i.author_handle), i.text, a.id FROM activity AS a LEFT JOIN items "
	    "AS i ON i.id = a.item_id WHERE a.id < ?1 ORDER BY a.id DESC "
	    "LIMIT ?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, before > 0 ? before : INT64_MAX);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	if (limit != 0)
		*out = xcalloc(limit, sizeof **out);
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		store_activity_row(st, &(*out)[(*n)++]);
	if (*n == limit)
		rc = SQLITE_DONE;
	store_done(st);
	if (rc != SQLITE_DONE) {
		store_activity_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "reading the activity log", cause);
	}
	return 0;
}

/* The meta name of an account's length limit for a reply. */
static void
store_limit_key(int64_t account, char *buf, size_t len)
{
	snprintf(buf, len, "text_limit:%lld", (long long)account);
}

/* An account's length limit for a reply, or def; see store.h. */
int
store_account_limit(struct store *s, int64_t account, int64_t def,
    int64_t *out, char **cause)
{
	char	key[48];

	store_limit_key(account, key, sizeof key);
	return store_meta_get(s, key, def, out, cause);
}

/* Keep an account's length limit for a reply. */
int
store_account_set_limit(struct store *s, int64_t account, int64_t limit,
    char **cause)
{
	char	key[48];

	store_limit_key(account, key, sizeof key);
	return store_meta_set(s, key, limit, cause);
}
