/*
 * sync-private.h -- what the parts of the sync engine share: sync.c (the
 * jobs, their requests and answers) and sync-sweep.c (the bookkeeping of
 * sweeps, which find what was deleted on a platform).
 */
#ifndef HEED_SYNC_PRIVATE_H
#define HEED_SYNC_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/*
 * One sweep: a chain of fetches that lists every item of a post. It ends
 * when none of its fetches is queued or in flight; it proves something
 * only if every one of them was read whole.
 */
struct sync_sweep {
	char	 *post;
	char	**seen;		/* remote ids its pages listed */
	size_t	  nseen;
	size_t	  pending;	/* fetches queued or in flight */
	int	  broken;	/* a fetch failed, or was not made */
	int64_t	  started;	/* when its first page came */
};

/* The sweeps of one account's sync run. */
struct sync_sweeps {
	struct sync_sweep *v;
	size_t		   n;
};

#define SYNC_NO_SWEEP	((size_t)-1)

size_t	sync_sweep_start(struct sync_sweeps *, const char *, int64_t);
void	sync_sweep_seen(struct sync_sweeps *, size_t,
	    const struct item_list *);
void	sync_sweep_queued(struct sync_sweeps *, size_t);
int	sync_sweep_finish(struct sync_sweeps *, size_t, int);
void	sync_sweeps_clear(struct sync_sweeps *);

#endif
