/*
 * fuzz-json.c -- JSON documents parsed into arenas (src/json.c), built with
 * HEED_FUZZ so that every node is its own malloc under ASan. The input is
 * parsed whole; a second, overlapping document is parsed while the first
 * is alive, so that frees find the right arena; both are walked, and
 * freed in either order. The fast reader (src/json-read.c) is held to
 * jansson's parser: it reads only what jansson reads, into the same tree,
 * and declines nothing jansson reads unless it is nested too deep or
 * holds a NUL byte.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fuzz.h"
#include "json.h"
#include "json-private.h"
#include "util.h"

#define FUZZ_MAX_DEPTH	64
#define FUZZ_READ_DEPTH	512	/* the nesting json-read.c takes */

/* Walk a document: every string is valid UTF-8 of its stated length. */
static void
fuzz_walk(const json_t *v, int depth)
{
	const json_t	*e;
	const char	*key;
	size_t		 i, len;

	if (depth > FUZZ_MAX_DEPTH)
		return;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		json_object_foreach((json_t *)v, key, e) {
			if (!fuzz_valid_utf8(key, strlen(key)))
				fuzz_fail("a key that is not UTF-8");
			fuzz_walk(e, depth + 1);
		}
		break;
	case JSON_ARRAY:
		json_array_foreach(v, i, e)
			fuzz_walk(e, depth + 1);
		break;
	case JSON_STRING:
		len = json_string_length(v);
		if (!fuzz_valid_utf8(json_string_value(v), len))
			fuzz_fail("a string that is not UTF-8");
		if (json_string_value(v)[len] != '\0')
			fuzz_fail("a string not NUL-terminated at its length");
		break;
	default:
		break;
	}
}

/* Parse a slice, check the message of a failure, walk the document. */
static json_t *
fuzz_parse(const uint8_t *data, size_t size)
{
	json_t	*doc;
	char	*why, *copy;

	/* Exactly size bytes, so that reading past them is caught. */
	copy = xmalloc(size > 0 ? size : 1);
	memcpy(copy, data, size);
	doc = jdoc_parse(copy, size, &why);
	free(copy);
	if (doc == NULL) {
		if (why == NULL)
			fuzz_fail("jdoc_parse failed without saying why");
		fuzz_check("jdoc_parse why", why, FUZZ_LINE);
		free(why);
		return NULL;
	}
	if (why != NULL)
		fuzz_fail("jdoc_parse succeeded with a message");
	fuzz_walk(doc, 0);
	return doc;
}

/* Return how deep containers nest in a value (0 for a scalar). */
static size_t
fuzz_depth(const json_t *v)
{
	const json_t	*e;
	const char	*key;
	size_t		 i, d, most = 0;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, e) {
			if ((d = fuzz_depth(e)) > most)
				most = d;
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e) {
			if ((d = fuzz_depth(e)) > most)
				most = d;
		}
	} else
		return 0;
	return most + 1;
}

/* Hold the fast reader to jansson's parser on one input. */
static void
fuzz_read_like_jansson(const uint8_t *data, size_t size)
{
	json_t	*fast, *ref;
	char	*copy, *a, *b;

	copy = xmalloc(size > 0 ? size : 1);
	memcpy(copy, data, size);
	fast = jdoc_read(copy, size);
	ref = json_loadb(copy, size, JSON_ALLOW_NUL, NULL);
	free(copy);
	if (fast != NULL && ref == NULL)
		fuzz_fail("the reader read what jansson refuses");
	/*
	 * A decline costs only speed (jansson reads the input then), so it
	 * is allowed where jansson's reading is its own: nesting too deep,
	 * and a NUL byte, which jansson takes in places JSON has none.
	 */
	if (fast == NULL && ref != NULL && fuzz_depth(ref) <= FUZZ_READ_DEPTH &&
	    memchr(data, 0, size) == NULL)
		fuzz_fail("the reader declined what jansson reads");
	if (fast != NULL) {
		a = json_dumps(fast, JSON_COMPACT | JSON_ENCODE_ANY);
		b = json_dumps(ref, JSON_COMPACT | JSON_ENCODE_ANY);
		if (a == NULL || b == NULL || strcmp(a, b) != 0)
			fuzz_fail("the reader read %s, jansson %s",
			    a != NULL ? a : "?", b != NULL ? b : "?");
		free(a);
		free(b);
	}
	json_decref(fast);
	json_decref(ref);
}

/* Parse one input whole and in part, and free it in either order. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t	*a, *b, *o;
	char	*cause = NULL, *dump;

	fuzz_read_like_jansson(data, size);
	a = fuzz_parse(data, size);
	b = fuzz_parse(data + size / 2, size - size / 2);
	if (a != NULL && (dump = json_dumps(a, JSON_COMPACT |
	    JSON_ENCODE_ANY)) != NULL) {
		/* What jansson wrote out, it reads back. */
		if ((o = fuzz_parse((const uint8_t *)dump, strlen(dump))) ==
		    NULL)
			fuzz_fail("a document does not read back: %s", dump);
		jdoc_free(o);
		free(dump);
	}
	if (size % 2)
		jdoc_free(a);
	jdoc_free(b);
	if (size % 2 == 0)
		jdoc_free(a);
	o = jdoc_object((const char *)data, size, 4096, "fuzz: ", &cause);
	if (o == NULL) {
		if (cause == NULL)
			fuzz_fail("jdoc_object failed without saying why");
		fuzz_check("jdoc_object cause", cause, FUZZ_LINE);
		free(cause);
	} else if (!json_is_object(o) || size > 4096)
		fuzz_fail("jdoc_object let through what it must refuse");
	jdoc_free(o);
	if (jdoc_live() != 0)
		fuzz_fail("%zu documents left alive", jdoc_live());
	return 0;
}
