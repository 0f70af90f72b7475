/*
 * guard.c -- the guard's report: its findings, their names and their
 * order of weight (blocks first; then the warnings about the whole reply
 * or whom it answers; then the others, spelling last). The checks are in
 * guard-check.c and the files it calls; see guard.h.
 */
#include <stdlib.h>
#include <string.h>

#include "guard-private.h"
#include "util.h"

static const char *const guard_kind_names[GUARD_KIND_COUNT] = {
	[GUARD_PLACEHOLDER] = "placeholder",
	[GUARD_PROTECTED] = "protected-word",
	[GUARD_GREETING] = "greeting",
	[GUARD_LANGUAGE] = "language",
	[GUARD_AUTOMATED] = "automated",
	[GUARD_PARENT_DELETED] = "parent-deleted",
	[GUARD_PARENT_HIDDEN] = "parent-hidden",
	[GUARD_SPELLING] = "spelling",
};

/* Return the stable name of a kind of finding. */
const char *
guard_kind_name(int kind)
{
	if (kind < 0 || kind >= GUARD_KIND_COUNT)
		return "unknown";
	return guard_kind_names[kind];
}

/* Return the name of a severity. */
const char *
guard_severity_name(int severity)
{
	return severity == GUARD_BLOCK ? "BLOCK" : "WARN";
}

/* Add a finding to a report; message and suggestion are copied. */
void
guard_add(struct guard_report *r, int kind, int severity, size_t start,
    size_t len, const char *message, const char *suggestion)
{
	struct guard_finding	*f;

	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 8 : r->cap * 2;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	f = &r->v[r->n++];
	f->kind = kind;
	f->severity = severity;
	f->start = start;
	f->len = len;
	f->message = xstrdup(message);
	f->suggestion = suggestion != NULL && *suggestion != '\0' ?
	    xstrdup(suggestion) : NULL;
}

/*
 * The weight of a finding, heaviest 0: what blocks; then what is about
 * the whole reply or whom it answers (the comment gone, the same text to
 * many, the language, a greeting to a stranger), which a long list of
 * spans must not push off the screen; then other spans; spelling last.
 */
static int
guard_weight(const struct guard_finding *f)
{
	if (f->severity == GUARD_BLOCK)
		return 0;
	switch (f->kind) {
	case GUARD_PARENT_DELETED:
	case GUARD_PARENT_HIDDEN:
		return 1;
	case GUARD_AUTOMATED:
		return 2;
	case GUARD_LANGUAGE:
		return 3;
	case GUARD_GREETING:
		return 4;
	case GUARD_SPELLING:
		return 6;
	default:
		return 5;
	}
}

/*
 * Compare two findings for qsort: by weight, then by place, a finding
 * about the whole text after those of spans of the same weight.
 */
static int
guard_cmp(const void *x, const void *y)
{
	const struct guard_finding	*a = x, *b = y;
	int				 wa = guard_weight(a), wb = guard_weight(b);

	if (wa != wb)
		return wa < wb ? -1 : 1;
	if ((a->len == 0) != (b->len == 0))
		return a->len == 0 ? 1 : -1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->kind < b->kind ? -1 : a->kind > b->kind;
}

/* Put a report in order of weight. */
void
guard_sort(struct guard_report *r)
{
	if (r->n > 1)
		qsort(r->v, r->n, sizeof *r->v, guard_cmp);
}

/* Free a report's findings (the report itself is the caller's). */
void
guard_free(struct guard_report *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].message);
		free(r->v[i].suggestion);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* Whether anything in a report blocks sending. */
int
guard_blocks(const struct guard_report *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].severity == GUARD_BLOCK)
			return 1;
	}
	return 0;
}
