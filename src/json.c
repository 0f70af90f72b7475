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
 *
 * The tree itself is built by json-read.c, which reads well-formed JSON
 * several times faster than jansson's parser and builds the same tree;
 * what it declines (anything malformed, mostly) goes to json_loadb.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "json-private.h"
#include "text.h"
#include "util.h"

#define JDOC_ALIGN	16
#define JDOC_FIRST	(64 * 1024)
#define JDOC_MOST	(4 * 1024 * 1024)

#ifndef HEED_FUZZ
struct jchunk {
	struct jchunk	*next;
	char		*start;
	char		*end;
	char		*used;
};
#else
/*
 * The fuzz build (HEED_FUZZ) gives every allocation its own malloc, so that
 * ASan sees a read past the end of a string or node: inside a chunk it
 * would only land on the next one. Each arena keeps its blocks in a set
 * (open addressing, linear probing) instead of chunks.
 */
struct jset {
	void	**slot;
	size_t	  cap;		/* a power of two, or 0 */
	size_t	  n;
};
#endif

struct jarena {
	json_t		*root;
#ifndef HEED_FUZZ
	struct jchunk	*chunks;
	size_t		 next_size;
#else
	struct jset	 blocks;
#endif
	struct jarena	*next;
};

static struct jarena	*jdoc_arenas;	/* every live arena */
static struct jarena	*jdoc_filling;	/* the arena jdoc_parse fills */
static int		 jdoc_installed;

#ifndef HEED_FUZZ
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

/* Free the memory of an arena, leaving it empty. */
static void
jdoc_blocks_free(struct jarena *a)
{
	struct jchunk	*c, *next;

	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->chunks = NULL;
	a->next_size = JDOC_FIRST;
}
#else
/* Return the slot of p in a set, or the empty slot where it would go. */
static size_t
jset_find(const struct jset *s, const void *p)
{
	size_t	i;

	i = (size_t)(((uint64_t)(uintptr_t)p * UINT64_C(0x9E3779B97F4A7C15))
	    >> 32) & (s->cap - 1);
	while (s->slot[i] != NULL && s->slot[i] != p)
		i = (i + 1) & (s->cap - 1);
	return i;
}

/* Add p to a set, growing it to stay at most half full. */
static void
jset_add(struct jset *s, void *p)
{
	struct jset	old = *s;
	size_t		i;

	if (2 * (s->n + 1) > s->cap) {
		s->cap = old.cap == 0 ? 64 : old.cap * 2;
		s->slot = xcalloc(s->cap, sizeof *s->slot);
		for (i = 0; i < old.cap; i++) {
			if (old.slot[i] != NULL)
				s->slot[jset_find(s, old.slot[i])] = old.slot[i];
		}
		free(old.slot);
	}
	s->slot[jset_find(s, p)] = p;
	s->n++;
}

/* Remove p from a set; 1 if it was there. */
static int
jset_remove(struct jset *s, const void *p)
{
	size_t	i, j, k;

	if (s->cap == 0 || s->slot[i = jset_find(s, p)] == NULL)
		return 0;
	s->slot[i] = NULL;
	s->n--;
	/* Move back what probed past the freed slot. */
	for (j = (i + 1) & (s->cap - 1); s->slot[j] != NULL;
	    j = (j + 1) & (s->cap - 1)) {
		k = jset_find(s, s->slot[j]);
		if (k != j) {
			s->slot[k] = s->slot[j];
			s->slot[j] = NULL;
		}
	}
	return 1;
}

/* Give the filling arena a block of its own; NULL if out of memory. */
static void *
jdoc_take(struct jarena *a, size_t size)
{
	void	*p;

	if ((p = malloc(size == 0 ? 1 : size)) != NULL)
		jset_add(&a->blocks, p);
	return p;
}

/*
 * Free a block at once, in an arena or not: a freed node is never read
 * again by jansson, and ASan catches whoever else does.
 */
static void
jdoc_release(void *p)
{
	struct jarena	*a;

	if (p == NULL)
		return;
	for (a = jdoc_arenas; a != NULL; a = a->next) {
		if (jset_remove(&a->blocks, p))
			break;
	}
	free(p);
}

/* Free the memory of an arena, leaving it empty. */
static void
jdoc_blocks_free(struct jarena *a)
{
	size_t	i;

	for (i = 0; i < a->blocks.cap; i++)
		free(a->blocks.slot[i]);
	free(a->blocks.slot);
	memset(&a->blocks, 0, sizeof a->blocks);
}
#endif

static void *
jdoc_malloc(size_t size)
{
	if (jdoc_filling != NULL)
		return jdoc_take(jdoc_filling, size);
	return malloc(size);
}

/* Unlink an arena from the live list and free it. */
static void
jdoc_drop(struct jarena *a)
{
	struct jarena	**pp;

	for (pp = &jdoc_arenas; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == a) {
			*pp = a->next;
			break;
		}
	}
	jdoc_blocks_free(a);
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
#ifndef HEED_FUZZ
	a->next_size = JDOC_FIRST;
#endif
	a->next = jdoc_arenas;
	jdoc_arenas = a;
	jdoc_filling = a;
	if ((doc = jdoc_read(buf, len)) == NULL) {
		/*
		 * What the fast reader declines, jansson reads, or says what
		 * is wrong with; it starts again on an empty arena.
		 */
		jdoc_blocks_free(a);
		doc = json_loadb(buf, len, JSON_ALLOW_NUL, err);
	}
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

/* A string member that holds no NUL, or NULL; see json.h. */
const char *
jdoc_str(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);

	if (!json_is_string(v) ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return NULL;
	return json_string_value(v);
}

/* Copy a string member, cut and sanitized; see json.h. */
char *
jdoc_text(const json_t *o, const char *key, size_t max)
{
	const json_t	*t = json_object_get(o, key);
	const char	*s;
	size_t		 len;

	if (!json_is_string(t))
		return xstrdup("");
	s = json_string_value(t);
	if ((len = json_string_length(t)) > max) {
		/* Cut at a character boundary. */
		len = max;
		while (len > 0 && (s[len] & 0xC0) == 0x80)
			len--;
	}
	return text_sanitize(s, len);
}
