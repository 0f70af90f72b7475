/*
 * json-private.h -- what the two files of the JSON module share: json.c
 * (documents in arenas) and json-read.c (the reader that takes the common
 * case of a well-formed answer faster than jansson's own parser).
 */
#ifndef HEED_JSON_PRIVATE_H
#define HEED_JSON_PRIVATE_H

#include <stddef.h>

#include <jansson.h>

/*
 * Read len bytes of JSON into a new jansson tree, the very tree that
 * json_loadb(JSON_ALLOW_NUL) would build; NULL (with nothing left
 * allocated) for anything it does not read, which includes every input
 * jansson refuses. The caller then asks jansson.
 */
json_t	*jdoc_read(const char *, size_t);

#endif
