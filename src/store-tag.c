/*
 * store-tag.c -- tags on messages (schema 8): the words the owner puts on
 * a conversation with the # key and a rule's tag = puts on what it
 * matches. Each is a row of item_tags; an item is read with its tags
 * (STORE_ITEM_COLS), the filter tag:NAME reads the index by tag, and the
 * names in use are listed for completion.
 *
 * A tag is one word (rule_tag_valid says which): heed keeps an item's
 * tags as one string of words separated by single spaces, in the order
 * of their bytes, which is what is read and what undo writes back.
 */
#include <stdlib.h>
#include <string.h>

#include "store-private.h"
#include "util.h"

/* Put a tag on an item (on) or take it off; *changed if that did. */
static int
store_tag_one(struct store *s, int64_t id, const char *tag, int on,
    int *changed, char **cause)
{
	sqlite3_stmt	*st;

	if (on)
		st = store_stmt(s, ST_TAG_ADD, "INSERT OR IGNORE INTO item_tags "
		    "(item_id, tag) VALUES (?1, ?2)", cause);
	else
		st = store_stmt(s, ST_TAG_DEL, "DELETE FROM item_tags WHERE "
		    "item_id = ?1 AND tag = ?2", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, tag, -1, SQLITE_STATIC);
	if (store_step_done(s, st, "saving a tag", cause) != 0)
		return -1;
	*changed = sqlite3_changes(s->db) > 0;
	return 0;
}

/*
 * Put a tag on an item or take it off, and log it when that changed
 * something (detail: the tag, and what else the caller says).
 */
int
store_tag_write(struct store *s, int64_t id, const char *tag, int on,
    const char *why, char **cause)
{
	char	*detail;
	int	 changed = 0, rc;

	if (store_tag_one(s, id, tag, on, &changed, cause) != 0)
		return -1;
	if (!changed)
		return 0;
	detail = why != NULL ? xprintf("%s, %s", tag, why) : xstrdup(tag);
	rc = store_activity_add(s, id, on ? "tagged" : "untagged", detail,
	    cause);
	free(detail);
	return rc;
}

/*
 * Give an item exactly the tags of a string of words (NULL or "": none),
 * as they were read (for undo); no activity row, the caller logs.
 */
int
store_tags_restore(struct store *s, int64_t id, const char *tags,
    char **cause)
{
	sqlite3_stmt	*st;
	char		*copy, *p, *word;
	int		 changed, rc = 0;

	st = store_stmt(s, ST_TAGS_CLEAR, "DELETE FROM item_tags WHERE "
	    "item_id = ?1", cause);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (store_step_done(s, st, "saving tags", cause) != 0)
		return -1;
	if (tags == NULL)
		return 0;
	copy = xstrdup(tags);
	for (p = copy; rc == 0 && (word = strsep(&p, " ")) != NULL;) {
		if (*word != '\0')
			rc = store_tag_one(s, id, word, 1, &changed, cause);
	}
	free(copy);
	return rc;
}

/* The tags in use, by name, with how many messages carry each. */
int
store_tag_names(struct store *s, struct store_tag_name **out, size_t *n,
    char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*out = NULL;
	*n = 0;
	st = store_stmt(s, ST_TAG_NAMES, "SELECT tag, count(*) FROM item_tags "
	    "INDEXED BY item_tags_tag GROUP BY tag ORDER BY tag", cause);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[*n].name = store_col_text(st, 0);
		(*out)[(*n)++].count = sqlite3_column_int64(st, 1);
	}
	store_done(st);
	if (rc != SQLITE_DONE) {
		store_tag_names_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, rc, "reading the tags", cause);
	}
	return 0;
}

/* Free what store_tag_names gave. */
void
store_tag_names_free(struct store_tag_name *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
