/*
 * graph-json.c -- the small readers of the Graph adapter, the lowest of
 * its files: members of an answer's JSON (strings, ids, times, texts,
 * one-line texts, booleans) and checks of the values it sends back.
 */
#include <string.h>

#include "graph-private.h"
#include "text.h"

/* Return 1 if s is a Graph object id: digits and underscores. */
int
graph_valid_id(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0' || *s == '_')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= GRAPH_MAX_ID || ((s[i] < '0' || s[i] > '9') &&
		    s[i] != '_'))
			return 0;
	}
	return 1;
}

/* Read a string of decimal digits (at most 18); -1 if it is not one. */
int64_t
graph_number(const char *s)
{
	int64_t	n = 0;

	if (s == NULL || *s == '\0' || strlen(s) > 18)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n;
}

/*
 * Return 1 if a paging value from an answer is safe to send back and to
 * keep in a fetch key: short, printable, without spaces or colons.
 */
int
graph_valid_value(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= 1024 || (unsigned char)s[i] <= 0x20 ||
		    (unsigned char)s[i] >= 0x7f || s[i] == ':')
			return 0;
	}
	return 1;
}

/* A string member, or NULL. */
const char *
graph_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* An id member (a string of digits and underscores), or NULL. */
const char *
graph_id(const json_t *o, const char *key)
{
	const char	*s = graph_str(o, key);

	return graph_valid_id(s) ? s : NULL;
}

/* Read a time member ("2021-08-10T18:45:03+0000") into seconds. */
int
graph_time(const json_t *o, const char *key, int64_t *out)
{
	int64_t	ms;

	if (util_parse_time_ms(graph_str(o, key), &ms) != 0)
		return -1;
	*out = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
	return 0;
}

/* A text member, sanitized and cut at GRAPH_MAX_TEXT bytes; "" if none. */
char *
graph_text(const json_t *o, const char *key)
{
	return jdoc_text(o, key, GRAPH_MAX_TEXT);
}

/* A one-line member, sanitized and cut at width columns; NULL if none. */
char *
graph_line(const json_t *o, const char *key, size_t width)
{
	const json_t	*t = json_object_get(o, key);
	char		*s;

	if (!json_is_string(t) || json_string_length(t) == 0)
		return NULL;
	s = text_sanitize_line(json_string_value(t), strnlen(
	    json_string_value(t), json_string_length(t) > GRAPH_MAX_TEXT ?
	    GRAPH_MAX_TEXT : json_string_length(t)));
	s[text_fit(s, width, NULL)] = '\0';
	return s;
}

/* A boolean member: 1 only for true. */
int
graph_bool(const json_t *o, const char *key)
{
	return json_is_true(json_object_get(o, key));
}
