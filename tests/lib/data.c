/*
 * data.c -- read the files under tests/data (see data.h).
 *
 * The files are found relative to $SRCDIR, or the current directory.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "util.h"

#include "data.h"

#define DATA_MAX	(1024 * 1024)

/* Read the file PATH of the source tree whole into a new string. */
char *
data_read_source(const char *name, size_t *lenp)
{
	const char	*dir = getenv("SRCDIR");
	char		 path[4096];
	char		*text;
	size_t		 len = 0, n;
	FILE		*f;

	if (dir == NULL || *dir == '\0')
		dir = ".";
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((f = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s", path);
	text = malloc(DATA_MAX + 1);
	assert_non_null(text);
	while ((n = fread(text + len, 1, DATA_MAX - len, f)) > 0)
		len += n;
	fclose(f);
	assert_true(len < DATA_MAX);
	text[len] = '\0';
	if (lenp != NULL)
		*lenp = len;
	return text;
}

/* Read tests/data/NAME whole into a new string; its length in *lenp. */
char *
data_read(const char *name, size_t *lenp)
{
	char	path[4096];

	snprintf(path, sizeof path, "tests/data/%s", name);
	return data_read_source(path, lenp);
}

/* Count the newlines in [p, end). */
static int
data_lines(const char *p, const char *end)
{
	int	n = 0;

	for (; p < end; p++)
		n += *p == '\n';
	return n;
}

/*
 * Cut the payload that starts at p (the line after "--"); return where the
 * next case starts, and in *nlines how many lines the payload spans. No
 * line of it may start with "#": that is a comment misplaced.
 */
static char *
data_case_cut(struct data_case *c, char *p, int *nlines)
{
	char	*q, *nl;

	for (q = p; *q != '\0' && strncmp(q, "== ", 3) != 0; q = nl + 1) {
		/* A comment here would be read as the payload's. */
		if (*q == '#')
			fail_msg("%s: a line of the payload starts with '#' "
			    "(comments go before \"--\")", data_case_where(c));
		if ((nl = strchr(q, '\n')) == NULL) {
			q += strlen(q);
			break;
		}
	}
	*nlines = data_lines(p, q);
	c->body = q == p ? "" : p;
	c->len = (size_t)(q - p);
	while (c->len > 0 && p[c->len - 1] == '\n')
		p[--c->len] = '\0';
	return q;
}

/* Read one "key: value" line of a case (NUL-terminated already). */
static void
data_case_key(struct data_cases *cs, struct data_case *c, char *line,
    int lineno)
{
	char	*colon = strchr(line, ':');

	if (colon == NULL)
		fail_msg("%s:%d: not \"key: value\", \"--\" or \"== name\"",
		    cs->file, lineno);
	if (c->nkeys == DATA_CASE_KEYS)
		fail_msg("%s:%d: more than %d keys", cs->file, lineno,
		    DATA_CASE_KEYS);
	*colon = '\0';
	if (colon[1] == ' ')
		colon++;
	c->keys[c->nkeys] = line;
	c->values[c->nkeys++] = colon + 1;
}

/* The value of a hex digit; -1 if it is none. */
static int
data_hex(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Read "\xHH" in a case's payload as the byte HH, in place. */
static void
data_case_bytes(struct data_case *c)
{
	char		*p = (char *)c->body, *q = p;
	const char	*end = c->body + c->len;
	int		 hi, lo;

	if (c->len == 0)
		return;
	while (p < end) {
		if (end - p < 2 || p[0] != '\\' || p[1] != 'x') {
			*q++ = *p++;
			continue;
		}
		hi = end - p >= 4 ? data_hex(p[2]) : -1;
		lo = end - p >= 4 ? data_hex(p[3]) : -1;
		if (hi == -1 || lo == -1)
			fail_msg("%s: a \\x without two hex digits",
			    data_case_where(c));
		*q++ = (char)(hi << 4 | lo);
		p += 4;
	}
	*q = '\0';
	c->len = (size_t)(q - c->body);
}

/* Give a case the file a "file" key names as its payload. */
static void
data_case_file(struct data_cases *cs, struct data_case *c, const char *path)
{
	char	*text;
	size_t	 len;

	if (c->body != NULL || data_case_str(c, "payload") != NULL ||
	    data_case_str(c, "bytes") != NULL)
		fail_msg("%s: a file and a payload", data_case_where(c));
	text = data_read(path, &len);
	cs->files = realloc(cs->files, (cs->nfiles + 1) * sizeof *cs->files);
	assert_non_null(cs->files);
	cs->files[cs->nfiles++] = text;
	c->body = text;
	c->len = len;
}

/*
 * Give a case the payload a "payload" or "file" key names; read "bytes:
 * hex".
 */
static void
data_case_finish(struct data_cases *cs, struct data_case *c)
{
	const char	*name = data_case_str(c, "payload");
	const char	*bytes = data_case_str(c, "bytes");
	const char	*path = data_case_str(c, "file");
	size_t		 i;

	if (path != NULL)
		data_case_file(cs, c, path);
	if (name != NULL) {
		if (c->body != NULL)
			fail_msg("%s: a payload and a \"payload\" key",
			    data_case_where(c));
		for (i = 0; &cs->v[i] != c; i++) {
			if (strcmp(cs->v[i].name, name) == 0)
				break;
		}
		if (&cs->v[i] == c || cs->v[i].body == NULL)
			fail_msg("%s: no payload before it called %s",
			    data_case_where(c), name);
		c->body = cs->v[i].body;
		c->len = cs->v[i].len;
	}
	if (bytes != NULL) {
		if (strcmp(bytes, "hex") != 0 || c->body == NULL ||
		    name != NULL)
			fail_msg("%s: \"bytes: hex\" needs a payload of its "
			    "own", data_case_where(c));
		data_case_bytes(c);
	}
}

/* Read every case of tests/data/NAME (fails the test if malformed). */
void
data_cases_read(struct data_cases *cs, const char *name)
{
	struct data_case	*c = NULL;
	char			*p, *eol;
	int			 lineno = 1, nlines;
	size_t			 i;

	memset(cs, 0, sizeof *cs);
	cs->file = xstrdup(name);
	cs->text = data_read(name, NULL);
	for (p = cs->text; *p != '\0'; lineno++) {
		if ((eol = strchr(p, '\n')) != NULL)
			*eol = '\0';
		if (strncmp(p, "== ", 3) == 0) {
			cs->v = realloc(cs->v, (cs->n + 1) * sizeof *cs->v);
			assert_non_null(cs->v);
			c = &cs->v[cs->n++];
			memset(c, 0, sizeof *c);
			c->file = cs->file;
			c->name = p + 3;
			c->line = lineno;
		} else if (*p == '#' || *p == '\0')
			;	/* a comment, or a blank line */
		else if (c == NULL)
			fail_msg("%s:%d: text before the first case", cs->file,
			    lineno);
		else if (strcmp(p, "--") == 0) {
			if (eol == NULL) {
				c->body = "";
				break;
			}
			p = data_case_cut(c, eol + 1, &nlines);
			lineno += nlines;
			c = NULL;
			continue;
		} else
			data_case_key(cs, c, p, lineno);
		p = eol != NULL ? eol + 1 : p + strlen(p);
	}
	if (cs->n == 0)
		fail_msg("%s: no cases", cs->file);
	for (i = 0; i < cs->n; i++)
		data_case_finish(cs, &cs->v[i]);
}

/* Free what data_cases_read made. */
void
data_cases_free(struct data_cases *cs)
{
	size_t	i;

	for (i = 0; i < cs->nfiles; i++)
		free(cs->files[i]);
	free(cs->files);
	free(cs->v);
	free(cs->text);
	free(cs->file);
	memset(cs, 0, sizeof *cs);
}

/* The first case called NAME of a file (the file must have it). */
const struct data_case *
data_case_find(const struct data_cases *cs, const char *name)
{
	size_t	i;

	for (i = 0; i < cs->n; i++) {
		if (strcmp(cs->v[i].name, name) == 0)
			return &cs->v[i];
	}
	fail_msg("%s: no case called %s", cs->file, name);
	return NULL;
}

/* The payload of the case called NAME of a file, lent (it must have one). */
const char *
data_case_body(const struct data_cases *cs, const char *name)
{
	const struct data_case	*c = data_case_find(cs, name);

	if (c->body == NULL)
		fail_msg("%s: no payload", data_case_where(c));
	return c->body;
}

/* The value of a key of a case, lent; NULL if the case has none. */
const char *
data_case_str(const struct data_case *c, const char *key)
{
	size_t	i;

	for (i = 0; i < c->nkeys; i++) {
		if (strcmp(c->keys[i], key) == 0)
			return c->values[i];
	}
	return NULL;
}

/* The value of a key of a case as a number (the case must have it). */
long
data_case_long(const struct data_case *c, const char *key)
{
	const char	*s = data_case_str(c, key);
	char		*end;
	long		 n;

	if (s == NULL)
		fail_msg("%s: no %s", data_case_where(c), key);
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0')
		fail_msg("%s: %s: not a number: %s", data_case_where(c), key,
		    s);
	return n;
}

/* The value of a key of a case as a result: "ok" 0, "refused" -1. */
int
data_case_result(const struct data_case *c, const char *key)
{
	const char	*s = data_case_str(c, key);

	if (s != NULL && strcmp(s, "ok") == 0)
		return 0;
	if (s != NULL && strcmp(s, "refused") == 0)
		return -1;
	fail_msg("%s: %s: not \"ok\" or \"refused\": %s", data_case_where(c),
	    key, s != NULL ? s : "(none)");
	return -1;
}

/* The value of a key of a case as a PLATFORM_OK or PLATFORM_ERR_*. */
int
data_case_err(const struct data_case *c, const char *key)
{
	static const struct {
		const char	*name;
		int		 err;
	} errs[] = {
		{ "ok", PLATFORM_OK },
		{ "auth", PLATFORM_ERR_AUTH },
		{ "rate", PLATFORM_ERR_RATE },
		{ "temporary", PLATFORM_ERR_TEMPORARY },
		{ "permanent", PLATFORM_ERR_PERMANENT },
		{ "duplicate", PLATFORM_ERR_DUPLICATE },
		{ "session", PLATFORM_ERR_SESSION },
		{ "gone", PLATFORM_ERR_GONE },
		{ "denied", PLATFORM_ERR_DENIED },
	};
	const char	*s = data_case_str(c, key);
	size_t		 i;

	for (i = 0; s != NULL && i < nitems(errs); i++) {
		if (strcmp(errs[i].name, s) == 0)
			return errs[i].err;
	}
	fail_msg("%s: %s: not a class of error: %s", data_case_where(c), key,
	    s != NULL ? s : "(none)");
	return -1;
}

/* Where a case is, for a failure's message ("file:line (name)"); lent. */
const char *
data_case_where(const struct data_case *c)
{
	static char	where[512];

	snprintf(where, sizeof where, "%s:%d (%s)", c->file, c->line, c->name);
	return where;
}
