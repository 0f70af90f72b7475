/*
 * json.h -- reading whole JSON answers from the platforms.
 *
 * An answer is parsed into an arena: every node of the document comes out
 * of a few large blocks that are released together, instead of one malloc
 * and one free per string, object and hash bucket. Nothing taken from a
 * document may outlive it: copy strings out, never keep a node.
 */
#ifndef HEED_JSON_H
#define HEED_JSON_H

#include <stddef.h>

#include <jansson.h>

/*
 * Parse len bytes of JSON. Invalid UTF-8 costs only the broken characters
 * (each becomes U+FFFD). On failure return NULL and, if why is not NULL,
 * set *why to jansson's message made safe to show, with its line.
 */
json_t	*jdoc_parse(const char *, size_t, char **);

/* Load an answer that must be an object; see json.c. */
json_t	*jdoc_object(const char *, size_t, size_t, const char *, char **);

/* Release a document from jdoc_parse and everything in it; NULL is fine. */
void	 jdoc_free(json_t *);
/*
 * Give a new copy of the string member key of o, cut at max bytes on a
 * character boundary and sanitized (text_sanitize); "" if there is none.
 */
char	*jdoc_text(const json_t *, const char *, size_t);
/* A string member that holds no NUL (lent), or NULL. */
const char *jdoc_str(const json_t *, const char *);

/* The number of documents not yet released (for tests). */
size_t	 jdoc_live(void);

#endif
