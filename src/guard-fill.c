/*
 * guard-fill.c -- the words of protect, and the placeholders of a saved
 * reply that heed fills from the item: {name} and {first_name} (the
 * customer's first name) and {shop}.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "guard.h"
#include "util.h"

/* The most protected words, and the longest one, in bytes. */
#define GUARD_PROTECT_MOST	100
#define GUARD_PROTECT_LONGEST	100

/* Add one word of protect (trimmed, unquoted) to the list. */
static int
guard_protect_one(char *s, char ***words, size_t *n, char **cause)
{
	size_t	len;

	s = util_trim(s);
	len = strlen(s);
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		s[len - 1] = '\0';
		s = util_trim(s + 1);
		len = strlen(s);
	}
	if (len == 0)
		return 0;
	if (strchr(s, '"') != NULL)
		return util_fail(cause, "a quote inside a protected word "
		    "(quote a whole name: \"Tulip & Tea\")");
	if (len > GUARD_PROTECT_LONGEST)
		return util_fail(cause, "a protected word longer than %d "
		    "bytes", GUARD_PROTECT_LONGEST);
	if (*n >= GUARD_PROTECT_MOST)
		return util_fail(cause, "more than %d protected words",
		    GUARD_PROTECT_MOST);
	*words = xreallocarray(*words, *n + 1, sizeof **words);
	(*words)[(*n)++] = xstrdup(s);
	return 0;
}

/* Split the value of protect into its words; see guard.h. */
int
guard_protect_parse(const char *value, char ***words, size_t *n,
    char **cause)
{
	char	*copy, *p, *start;
	int	 quoted = 0, rc = 0;

	*words = NULL;
	*n = 0;
	copy = xstrdup(value);
	for (p = start = copy; rc == 0; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if ((*p == ',' && !quoted) || *p == '\0') {
			if (*p == '\0' && quoted) {
				rc = util_fail(cause, "a quote is not closed");
				break;
			}
			if (*p == '\0') {
				rc = guard_protect_one(start, words, n, cause);
				break;
			}
			*p = '\0';
			rc = guard_protect_one(start, words, n, cause);
			start = p + 1;
		}
	}
	free(copy);
	if (rc != 0) {
		guard_protect_free(*words, *n);
		*words = NULL;
		*n = 0;
	}
	return rc;
}

/* Free the words of protect. */
void
guard_protect_free(char **words, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

/*
 * The first name in a display name: its first word. A name that reads as
 * a handle (an @, or one word with dots, underscores or digits) has none:
 * NULL. Returns a new string.
 */
static char *
guard_first_name(const char *name)
{
	size_t	len;

	if (name == NULL)
		return NULL;
	while (*name == ' ')
		name++;
	len = strcspn(name, " \t\n");
	if (len == 0 || *name == '@' || (name[len] == '\0' &&
	    strpbrk(name, "._0123456789") != NULL))
		return NULL;
	if (len > 0 && name[len - 1] == ',')
		len--;
	return xstrndup(name, len);
}

/* Fill the placeholders heed knows; see guard.h. */
char *
guard_fill(const char *text, const char *customer, const char *shop)
{
	struct buf	 b;
	const char	*p = text, *close, *value;
	char		*first;
	size_t		 len;

	first = guard_first_name(customer);
	buf_init(&b, 0);
	while (*p != '\0') {
		value = NULL;
		if (*p == '{' && (close = strchr(p, '}')) != NULL) {
			len = (size_t)(close - p - 1);
			if ((len == 4 && strncasecmp(p + 1, "name", 4) == 0) ||
			    (len == 10 && strncasecmp(p + 1, "first_name",
			    10) == 0))
				value = first;
			else if (len == 4 && strncasecmp(p + 1, "shop", 4) == 0)
				value = shop != NULL && *shop != '\0' ? shop :
				    NULL;
			if (value != NULL) {
				buf_addstr(&b, value);
				p = close + 1;
				continue;
			}
		}
		buf_addch(&b, *p++);
	}
	free(first);
	return buf_steal(&b);
}
