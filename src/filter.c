/*
 * filter.c -- the queue's filter expressions. An expression is words and
 * name:value terms separated by blanks; the words are searched for as
 * text, each term narrows the view. A term given twice keeps the last.
 */
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "filter.h"
#include "rules.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* Take a new copy of value for a string field, freeing the old one. */
static void
filter_set(const char **field, const char *value)
{
	free((char *)*field);
	*field = xstrdup(value);
}

/*
 * Set the kind from its name: what the message is on the platform
 * (comment, reply...) or what it says (complaint, question...); 0, or -1
 * with *cause.
 */
static int
filter_kind(struct store_filter *f, const char *value, char **cause)
{
	static const char *const kinds[] = {
		"comment", "reply", "mention", "quote"
	};
	size_t	i;

	for (i = 0; i < nitems(kinds); i++) {
		if (strcmp(kinds[i], value) == 0) {
			f->kind = (int)i + 1;
			return 0;
		}
	}
	for (i = 0; i < CLASSIFY_KIND_COUNT; i++) {
		if (strcmp(classify_kind_name((enum classify_kind)i),
		    value) == 0) {
			f->class = (int)i + 1;
			return 0;
		}
	}
	return util_fail(cause, "kind: complaint, question, praise, spam, "
	    "other, comment, reply, mention or quote");
}

/* Set the tag; 0, or -1 with *cause when it cannot be one. */
static int
filter_tag(struct store_filter *f, const char *value, char **cause)
{
	char	*shown;

	if (!rule_tag_valid(value)) {
		shown = text_sanitize_line(value, strlen(value));
		util_fail(cause, "tag:%s is not a tag (one word of letters, "
		    "digits, - and _)", shown);
		free(shown);
		return -1;
	}
	filter_set(&f->tag, value);
	return 0;
}

/* Set the account from its name in the cache; 0, or -1 with *cause. */
static int
filter_account(struct store *store, struct store_filter *f,
    const char *value, char **cause)
{
	struct store_account	*acc;
	size_t			 n, i;
	char			*shown;
	int			 rc = -1;

	if (store_account_list(store, &acc, &n, cause) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (strcmp(acc[i].name, value) == 0) {
			f->account_id = acc[i].id;
			rc = 0;
		}
	}
	store_account_list_free(acc, n);
	if (rc != 0) {
		/* What was typed goes back to the screen: clean it. */
		shown = text_sanitize_line(value, strlen(value));
		util_fail(cause, "no account named %s", shown);
		free(shown);
	}
	return rc;
}

/* Apply one "name:value" term to a filter; 0 or -1 with *cause. */
static int
filter_term(struct store *store, struct store_filter *f, const char *name,
    const char *value, char **cause)
{
	char	*shown;

	if (strcmp(name, "author") == 0)
		filter_set(&f->author, value);
	else if (strcmp(name, "lang") == 0)
		filter_set(&f->lang, value);
	else if (strcmp(name, "platform") == 0)
		filter_set(&f->platform, value);
	else if (strcmp(name, "older") == 0 || strcmp(name, "newer") == 0) {
		if (util_parse_duration(value, name[0] == 'o' ?
		    &f->older_than : &f->newer_than) != 0)
			return util_fail(cause, "%s: expected a duration "
			    "such as 4h or 2d", name);
	} else if (strcmp(name, "kind") == 0)
		return filter_kind(f, value, cause);
	else if (strcmp(name, "tag") == 0)
		return filter_tag(f, value, cause);
	else if (strcmp(name, "account") == 0)
		return filter_account(store, f, value, cause);
	else {
		shown = text_sanitize_line(name, strlen(name));
		util_fail(cause, "unknown filter term %s: (author, lang, "
		    "account, platform, kind, tag, older, newer)", shown);
		free(shown);
		return -1;
	}
	return 0;
}

/* Free the strings of a filter and zero it. */
void
filter_clear(struct store_filter *f)
{
	free((char *)f->platform);
	free((char *)f->author);
	free((char *)f->lang);
	free((char *)f->text);
	free((char *)f->tag);
	memset(f, 0, sizeof *f);
}

/*
 * Parse a filter expression into f (free with filter_clear), looking
 * account names up in store; 0, or -1 with *cause.
 */
int
filter_parse(struct store *store, const char *expr, struct store_filter *f,
    char **cause)
{
	struct buf	 words;
	char		*copy, *p, *term, *colon;
	int		 rc = 0;

	memset(f, 0, sizeof *f);
	buf_init(&words, 0);
	copy = xstrdup(expr);
	for (p = copy; rc == 0 && (term = strsep(&p, " \t")) != NULL;) {
		if (*term == '\0')
			continue;
		if ((colon = strchr(term, ':')) != NULL && colon != term) {
			*colon = '\0';
			rc = filter_term(store, f, term, colon + 1, cause);
		} else
			buf_printf(&words, "%s%s", words.len ? " " : "", term);
	}
	free(copy);
	if (rc != 0)
		filter_clear(f);
	else if (words.len != 0)
		f->text = buf_steal(&words);
	buf_free(&words);
	return rc;
}
