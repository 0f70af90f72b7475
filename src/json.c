/*
 * json.c -- JSON documents parsed into arenas.
 *
 * A page of notifications or a thread is tens of thousands of small
 * allocations, and for a large sync jansson's own parsing is half of
 * heed's time, a third of that in malloc and free. jansson lets the
 * program choose its allocator, globally: while jdoc_parse runs, the
 * allocator hands out memory from the document's arena; at any other time
 * it is malloc. The matching free does nothing for memory inside a live
 * arena (jansson frees its scratch buffers and, on an error, the half-built
 * tree) and calls free for the rest, so it is safe to install at any time,
 * even after jansson has allocated with plain malloc.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "text.h"
#include "util.h"

#define JDOC_ALIGN	16
#define JDOC_FIRST	(64 * 1024)
#define JDOC_MOST	(4 * 1024 * 1024)

struct jchunk {
	struct jchunk	*next;
	char		*start;
	char		*end;
	char		*used;
};

struct jarena {
	json_t		*root;
	struct jchunk	*chunks;
	size_t		 next_size;
	struct jarena	*next;
};

static struct jarena	*jdoc_arenas;	/* every live arena */
static struct jarena	*jdoc_filling;	/* the arena jdoc_parse fills */
static int		 jdoc_installed;

/* Take size bytes from the filling arena; NULL if out of memory. */
static void *
jdoc_take(struct jarena *a, size_t size)
{
	struct jchunk	*c = a->chunks;
	size_t		 want, n;
	void		*p;

	size = (size + JDOC_ALIGN - 1) & ~(size_t)(JDOC_ALIGN - 1);
	if (c == NULL || (size_t)(c->end - c->used) < size) {
		want = sizeof *c + JDOC_ALIGN + size;
		n = a->next_size > want ? a->next_size : want;
		if ((c = malloc(n)) == NULL)
			return NULL;
		c->start = (char *)(((uintptr_t)(c + 1) + JDOC_ALIGN - 1) &
		    ~(uintptr_t)(JDOC_ALIGN - 1));
		c->used = c->start;
		c->end = (char *)c + n;
		c->next = a->chunks;
		a->chunks = c;
		if (a->next_size < JDOC_MOST)
			a->next_size *= 2;
	}
	p = c->used;
	c->used += size;
	return p;
}

static void *
jdoc_malloc(size_t size)
{
	if (jdoc_filling != NULL)
		return jdoc_take(jdoc_filling, size);
	return malloc(size);
}

/* Return 1 if p lies in a live arena. */
static int
jdoc_owned(const void *p)
{
	const struct jarena	*a;
	const struct jchunk	*c;
	const char		*q = p;

	for (a = jdoc_arenas; a != NULL; a = a->next) {
		for (c = a->chunks; c != NULL; c = c->next) {
			if (q >= c->start && q < c->end)
				return 1;
		}
	}
	return 0;
}

static void
jdoc_release(void *p)
{
	if (p != NULL && (jdoc_arenas == NULL || !jdoc_owned(p)))
		free(p);
}

/* Unlink an arena from the live list and free its chunks. */
static void
jdoc_drop(struct jarena *a)
{
	struct jarena	**pp;
	struct jchunk	 *c, *next;

	for (pp = &jdoc_arenas; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == a) {
			*pp = a->next;
			break;
		}
	}
	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/* Parse into a new arena; see json.h. */
static json_t *
jdoc_load(const char *buf, size_t len, json_error_t *err)
{
	struct jarena	*a;
	json_t		*doc;

	if (!jdoc_installed) {
		json_set_alloc_funcs(jdoc_malloc, jdoc_release);
		jdoc_installed = 1;
	}
	a = xcalloc(1, sizeof *a);
	a->next_size = JDOC_FIRST;
	a->next = jdoc_arenas;
	jdoc_arenas = a;
	jdoc_filling = a;
	doc = json_loadb(buf, len, JSON_ALLOW_NUL, err);
	jdoc_filling = NULL;
	if (doc == NULL) {
		jdoc_drop(a);
		return NULL;
	}
	a->root = doc;
	return doc;
}

json_t *
jdoc_parse(const char *buf, size_t len, char **why)
{
	json_error_t	 err;
	json_t		*doc;
	char		*fixed, *msg;
	size_t		 flen;

	if (why != NULL)
		*why = NULL;
	if (buf == NULL) {
		buf = "";
		len = 0;
	}
	doc = jdoc_load(buf, len, &err);
	if (doc == NULL && !text_valid_utf8(buf, len)) {
		/* One broken string must not cost the whole answer. */
		fixed = text_repair_utf8(buf, len, &flen);
		doc = jdoc_load(fixed, flen, &err);
		free(fixed);
	}
	if (doc == NULL && why != NULL) {
		/* jansson's message may quote the hostile input. */
		msg = text_sanitize_line(err.text, strnlen(err.text,
		    sizeof err.text));
		*why = xprintf("%s (line %d)", msg, err.line);
		free(msg);
	}
	return doc;
}

void
jdoc_free(json_t *doc)
{
	struct jarena	*a;

	if (doc == NULL)
		return;
	for (a = jdoc_arenas; a != NULL; a = a->next) {
		if (a->root == doc) {
			/* Every node is in the arena: no need to walk them. */
			jdoc_drop(a);
			return;
		}
	}
	fatal("jdoc_free: not a parsed document");
}

size_t
jdoc_live(void)
{
	const struct jarena	*a;
	size_t			 n = 0;

	for (a = jdoc_arenas; a != NULL; a = a->next)
		n++;
	return n;
}

/*
 * Load a platform's answer that must be a JSON object of at most max
 * bytes; release it with jdoc_free. On failure set *cause to what is
 * wrong, after who ("Bluesky: ", or ""), and return NULL.
 */
json_t *
jdoc_object(const char *body, size_t len, size_t max, const char *who,
    char **cause)
{
	json_t	*doc;
	char	*why;

	if (body == NULL) {
		util_fail(cause, "%smalformed response: no body", who);
		return NULL;
	}
	if (len > max) {
		util_fail(cause, "%smalformed response: too large", who);
		return NULL;
	}
	if ((doc = jdoc_parse(body, len, &why)) == NULL) {
		util_fail(cause, "%smalformed response: %s", who, why);
		free(why);
		return NULL;
	}
	if (!json_is_object(doc)) {
		jdoc_free(doc);
		util_fail(cause, "%smalformed response: not an object", who);
		return NULL;
	}
	return doc;
}
