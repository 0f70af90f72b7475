/*
 * json-read.c -- a reader for well-formed JSON that builds the tree
 * jansson's parser would build, in a fraction of its time.
 *
 * jansson reads a document a byte at a time through a callback, saves
 * every byte of a token, then copies each string again to decode it. For
 * a large sync that was a third of heed's time. This reader walks the
 * buffer directly: a string without escapes (nearly all of them) goes
 * from the answer into the tree in one copy. It builds the tree with
 * jansson's own functions, in the order jansson's parser calls them, so
 * members, their order, duplicates and values come out the same.
 *
 * It reads only what json_loadb(JSON_ALLOW_NUL) reads, and declines the
 * rest: anything malformed, a key with a NUL in it, nesting deeper than
 * JREAD_MAX_DEPTH. Then jdoc_parse asks jansson, which also words the
 * error. A number that is not a plain integer in range is handed to
 * jansson alone, so that it is read (or refused) exactly as jansson
 * reads it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json-private.h"
#include "util.h"

/* Containers nested deeper are left to jansson (its own limit is 2048). */
#define JREAD_MAX_DEPTH	512

_Static_assert(sizeof(json_int_t) >= sizeof(int64_t),
    "json_int_t holds every int64_t");

/* Where a read stands. */
struct jread {
	const unsigned char	*p;		/* the next byte */
	const unsigned char	*end;
	int			 depth;
	char			*scratch;	/* the last string decoded */
	size_t			 cap;
};

static json_t	*jread_value(struct jread *);

/* Skip white space as JSON defines it. */
static void
jread_space(struct jread *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' ||
	    *r->p == '\r' || *r->p == '\t'))
		r->p++;
}

/*
 * Return the length of the UTF-8 sequence of two to four bytes at p, or
 * 0 if it is not one jansson takes: cut short, overlong, a surrogate, or
 * past U+10FFFF.
 */
static size_t
jread_utf8(const unsigned char *p, const unsigned char *end)
{
	uint32_t	v;
	size_t		n, i;

	if (*p >= 0xC2 && *p <= 0xDF) {
		n = 2;
		v = *p & 0x1F;
	} else if (*p >= 0xE0 && *p <= 0xEF) {
		n = 3;
		v = *p & 0x0F;
	} else if (*p >= 0xF0 && *p <= 0xF4) {
		n = 4;
		v = *p & 0x07;
	} else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (p[i] & 0x3F);
	}
	if (n == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)))
		return 0;
	if (n == 4 && (v < 0x10000 || v > 0x10FFFF))
		return 0;
	return n;
}

/* Make room in the scratch buffer for n bytes after the first used. */
static void
jread_room(struct jread *r, size_t used, size_t n)
{
	if (used + n <= r->cap)
		return;
	if (r->cap == 0)
		r->cap = 256;
	while (r->cap < used + n)
		r->cap *= 2;
	r->scratch = xrealloc(r->scratch, r->cap);
}

/* Read the four hex digits at p (after "\u"); -1 if they are not. */
static int32_t
jread_hex4(const unsigned char *p, const unsigned char *end)
{
	int32_t	v = 0;
	int	i, d;

	if (end - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if ((d = util_hex((char)p[i])) < 0)
			return -1;
		v = v << 4 | d;
	}
	return v;
}

/* Write code point u as UTF-8 at out; return its length. */
static size_t
jread_put(char *out, uint32_t u)
{
	if (u < 0x80) {
		out[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		out[0] = (char)(0xC0 | u >> 6);
		out[1] = (char)(0x80 | (u & 0x3F));
		return 2;
	}
	if (u < 0x10000) {
		out[0] = (char)(0xE0 | u >> 12);
		out[1] = (char)(0x80 | (u >> 6 & 0x3F));
		out[2] = (char)(0x80 | (u & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | u >> 18);
	out[1] = (char)(0x80 | (u >> 12 & 0x3F));
	out[2] = (char)(0x80 | (u >> 6 & 0x3F));
	out[3] = (char)(0x80 | (u & 0x3F));
	return 4;
}

/*
 * Decode the escape at *pp (its backslash) into out, moving *pp past it;
 * return the bytes written, or 0 if jansson refuses it. A \u escape of a
 * high surrogate must be followed by one of a low surrogate.
 */
static size_t
jread_escape(const unsigned char **pp, const unsigned char *end, char *out)
{
	static const char	from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const unsigned char	*p = *pp + 1;
	const char		*c;
	int32_t			 u, low;

	if (p == end)
		return 0;
	if (*p != 'u') {
		if (*p == '\0' || (c = strchr(from, *p)) == NULL)
			return 0;
		*out = to[c - from];
		*pp = p + 1;
		return 1;
	}
	if ((u = jread_hex4(p + 1, end)) < 0)
		return 0;
	p += 5;
	if (u >= 0xDC00 && u <= 0xDFFF)
		return 0;
	if (u >= 0xD800 && u <= 0xDBFF) {
		if (end - p < 2 || p[0] != '\\' || p[1] != 'u' ||
		    (low = jread_hex4(p + 2, end)) < 0xDC00 || low > 0xDFFF)
			return 0;
		u = ((u - 0xD800) << 10) + (low - 0xDC00) + 0x10000;
		p += 6;
	}
	*pp = p;
	return jread_put(out, (uint32_t)u);
}

/*
 * Decode a string with escapes into the scratch buffer, from start (just
 * after its opening quote); 0, or -1 if jansson refuses it.
 */
static int
jread_escaped(struct jread *r, const unsigned char *start, const char **s,
    size_t *len)
{
	const unsigned char	*p = start;
	size_t			 used = 0, n;

	while (p < r->end && *p != '"') {
		jread_room(r, used, 4);
		if (*p == '\\') {
			if ((n = jread_escape(&p, r->end, r->scratch + used)) ==
			    0)
				return -1;
			used += n;
		} else if (*p < 0x20)
			return -1;
		else if (*p < 0x80)
			r->scratch[used++] = (char)*p++;
		else if ((n = jread_utf8(p, r->end)) == 0)
			return -1;
		else {
			memcpy(r->scratch + used, p, n);
			used += n;
			p += n;
		}
	}
	if (p == r->end)
		return -1;
	jread_room(r, used, 1);
	*s = r->scratch;
	*len = used;
	r->p = p + 1;
	return 0;
}

/*
 * Read the string whose opening quote is at r->p: *s and *len are its
 * bytes, in the input itself or, when it has escapes, in the scratch
 * buffer until the next string is read. 0, or -1 if jansson refuses it.
 */
static int
jread_string(struct jread *r, const char **s, size_t *len)
{
	const unsigned char	*start = r->p + 1, *p = start;
	size_t			 n;

	while (p < r->end) {
		if (*p == '"') {
			*s = (const char *)start;
			*len = (size_t)(p - start);
			r->p = p + 1;
			return 0;
		}
		if (*p == '\\')
			return jread_escaped(r, start, s, len);
		if (*p < 0x20)
			return -1;
		if (*p < 0x80)
			p++;
		else if ((n = jread_utf8(p, r->end)) == 0)
			return -1;
		else
			p += n;
	}
	return -1;
}

/* Skip the digits at p; return where they end. */
static const unsigned char *
jread_digits(const unsigned char *p, const unsigned char *end)
{
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	return p;
}

/*
 * Read a number. An integer that fits is made here; any other number
 * that is well formed (a fraction, an exponent, an integer too large) is
 * given alone to jansson, which reads it as it would in the document, or
 * refuses it. NULL if it is not one.
 */
static json_t *
jread_number(struct jread *r)
{
	const unsigned char	*start = r->p, *p = r->p, *digits;
	uint64_t		 v = 0;
	int			 plain = 1;

	if (*p == '-')
		p++;
	digits = p;
	if (p == r->end || *p < '0' || *p > '9')
		return NULL;
	p = *p == '0' ? p + 1 : jread_digits(p, r->end);
	if (p < r->end && *p >= '0' && *p <= '9')
		return NULL;	/* a leading zero */
	if (p < r->end && *p == '.') {
		plain = 0;
		if (p + 1 == r->end || p[1] < '0' || p[1] > '9')
			return NULL;
		p = jread_digits(p + 1, r->end);
	}
	if (p < r->end && (*p == 'e' || *p == 'E')) {
		plain = 0;
		if (++p < r->end && (*p == '+' || *p == '-'))
			p++;
		if (p == r->end || *p < '0' || *p > '9')
			return NULL;
		p = jread_digits(p, r->end);
	}
	r->p = p;
	/* Eighteen digits always fit in an int64_t; more go to jansson. */
	if (!plain || p - digits > 18)
		return json_loadb((const char *)start, (size_t)(p - start),
		    JSON_DECODE_ANY, NULL);
	for (; digits < p; digits++)
		v = v * 10 + (uint64_t)(*digits - '0');
	return json_integer(*start == '-' ? -(json_int_t)v : (json_int_t)v);
}

/* Read the literal word at r->p, which stands for v; NULL if it is not. */
static json_t *
jread_word(struct jread *r, const char *word, json_t *v)
{
	size_t	n = strlen(word);

	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return NULL;
	r->p += n;
	return v;
}

/*
 * Read one member of an object ("key": value) into o, and what follows
 * it: 1 if another member follows, 0 at the end of the object, -1 if
 * the input is not one jansson reads.
 */
static int
jread_member(struct jread *r, json_t *o)
{
	const char	*key;
	char		*copy = NULL;
	json_t		*v;
	size_t		 len;
	int		 rc = -1;

	if (r->p == r->end || *r->p != '"' || jread_string(r, &key, &len) != 0)
		return -1;
	if (key == r->scratch) {
		/* The value's strings would overwrite it. */
		if (memchr(key, '\0', len) != NULL)
			return -1;	/* jansson refuses NUL in a key */
		copy = xmalloc(len + 1);
		memcpy(copy, key, len);
		key = copy;
	}
	jread_space(r);
	if (r->p < r->end && *r->p == ':') {
		r->p++;
		jread_space(r);
		if ((v = jread_value(r)) != NULL &&
		    json_object_setn_new_nocheck(o, key, len, v) == 0) {
			jread_space(r);
			if (r->p < r->end && (*r->p == ',' || *r->p == '}'))
				rc = *r->p++ == ',';
		}
	}
	free(copy);
	return rc;
}

/* Read the object whose "{" is at r->p; NULL if jansson would not. */
static json_t *
jread_object(struct jread *r)
{
	json_t	*o = json_object();
	int	 rc;

	r->p++;
	jread_space(r);
	if (r->p < r->end && *r->p == '}') {
		r->p++;
		return o;
	}
	while ((rc = jread_member(r, o)) == 1)
		jread_space(r);
	if (rc == 0)
		return o;
	json_decref(o);
	return NULL;
}

/* Read the array whose "[" is at r->p; NULL if jansson would not. */
static json_t *
jread_array(struct jread *r)
{
	json_t	*a = json_array(), *v;

	r->p++;
	jread_space(r);
	if (r->p < r->end && *r->p == ']') {
		r->p++;
		return a;
	}
	for (;;) {
		if ((v = jread_value(r)) == NULL ||
		    json_array_append_new(a, v) != 0)
			break;
		jread_space(r);
		if (r->p == r->end || (*r->p != ',' && *r->p != ']'))
			break;
		if (*r->p++ == ']')
			return a;
		jread_space(r);
	}
	json_decref(a);
	return NULL;
}

/* Read the value at r->p; NULL if it is not one jansson reads. */
static json_t *
jread_value(struct jread *r)
{
	const char	*s;
	json_t		*v;
	size_t		 len;

	if (r->p == r->end)
		return NULL;
	switch (*r->p) {
	case '{':
	case '[':
		if (r->depth >= JREAD_MAX_DEPTH)
			return NULL;
		r->depth++;
		v = *r->p == '{' ? jread_object(r) : jread_array(r);
		r->depth--;
		return v;
	case '"':
		if (jread_string(r, &s, &len) != 0)
			return NULL;
		return json_stringn_nocheck(s, len);
	case 't':
		return jread_word(r, "true", json_true());
	case 'f':
		return jread_word(r, "false", json_false());
	case 'n':
		return jread_word(r, "null", json_null());
	case '-':
		return jread_number(r);
	default:
		if (*r->p >= '0' && *r->p <= '9')
			return jread_number(r);
		return NULL;
	}
}

/* Read a whole document, an object or an array; see json-private.h. */
json_t *
jdoc_read(const char *buf, size_t len)
{
	struct jread	 r;
	json_t		*doc = NULL;

	memset(&r, 0, sizeof r);
	r.p = (const unsigned char *)buf;
	r.end = r.p + len;
	jread_space(&r);
	if (r.p < r.end && (*r.p == '{' || *r.p == '['))
		doc = jread_value(&r);
	jread_space(&r);
	if (doc != NULL && r.p != r.end) {
		json_decref(doc);
		doc = NULL;
	}
	free(r.scratch);
	return doc;
}
