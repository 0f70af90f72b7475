/*
 * sync-sweep.c -- the bookkeeping of sweeps.
 *
 * A platform that only lists what exists (the Graph API) says nothing of
 * a comment deleted there: it is simply missing from the next answer. An
 * adapter that reads every comment of a post, over one or more pages,
 * calls that a sweep. The engine counts the fetches of each sweep, keeps
 * the ids they listed, and once the last one is in, the store marks what
 * it holds of that post and no page listed as gone. A sweep that lost a
 * page on the way, or whose paging did not end as it should (a cursor
 * repeated, an empty page that says more follow), proves nothing: it
 * marks nothing, and the log says why.
 */
#include <stdlib.h>
#include <string.h>

#include "sync-private.h"
#include "util.h"

/* Start a sweep of a post whose first page is in flight; its index. */
size_t
sync_sweep_start(struct sync_sweeps *ss, const char *post, int64_t started)
{
	struct sync_sweep	*w;

	ss->v = xreallocarray(ss->v, ss->n + 1, sizeof *ss->v);
	w = &ss->v[ss->n];
	memset(w, 0, sizeof *w);
	w->post = xstrdup(post);
	w->pending = 1;
	w->started = started;
	return ss->n++;
}

/* Note the items a page of a sweep listed. */
void
sync_sweep_seen(struct sync_sweeps *ss, size_t i, const struct item_list *l)
{
	struct sync_sweep	*w = &ss->v[i];
	size_t			 k;

	w->seen = xreallocarray(w->seen, w->nseen + l->n + 1,
	    sizeof *w->seen);
	for (k = 0; k < l->n; k++)
		w->seen[w->nseen++] = xstrdup(l->v[k].remote_id);
}

/* Count one more fetch of a sweep as queued. */
void
sync_sweep_queued(struct sync_sweeps *ss, size_t i)
{
	ss->v[i].pending++;
}

static int
sync_sweep_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Spoil a sweep: it will mark nothing deleted; the first reason is kept. */
void
sync_sweep_spoil(struct sync_sweeps *ss, size_t i, const char *why)
{
	struct sync_sweep	*w = &ss->v[i];

	w->broken = 1;
	if (w->why == NULL && why != NULL)
		w->why = xstrdup(why);
}

/*
 * Count a fetch of a sweep as done, read whole (ok) or not (why says what
 * went wrong). Return 1 if that was its last and the sweep holds: its
 * seen ids are then sorted, ready for store_sweep. Return -1 if it was
 * its last and the sweep is spoiled (w->why says why), 0 while fetches
 * remain or once it was used.
 */
int
sync_sweep_finish(struct sync_sweeps *ss, size_t i, int ok, const char *why)
{
	struct sync_sweep	*w = &ss->v[i];

	if (!ok)
		sync_sweep_spoil(ss, i, why != NULL ? why : "a page of it "
		    "could not be read");
	if (w->pending > 0)
		w->pending--;
	if (w->pending > 0 || w->used)
		return 0;
	w->used = 1;		/* it is not applied (or reported) twice */
	if (w->broken)
		return -1;
	qsort(w->seen, w->nseen, sizeof *w->seen, sync_sweep_cmp);
	return 1;
}

/* Forget every sweep of a run. */
void
sync_sweeps_clear(struct sync_sweeps *ss)
{
	size_t	i, k;

	for (i = 0; i < ss->n; i++) {
		free(ss->v[i].post);
		for (k = 0; k < ss->v[i].nseen; k++)
			free(ss->v[i].seen[k]);
		free(ss->v[i].seen);
		free(ss->v[i].why);
	}
	free(ss->v);
	ss->v = NULL;
	ss->n = 0;
}
