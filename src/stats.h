/*
 * stats.h -- how fast the shop answers, worked out once for heed stats
 * and the statistics screen. stats-load.c reads the conversations of a
 * span from the cache and measures each on its account's clock (clock.h);
 * stats.c, which reads nothing and prints nothing, makes the figures of
 * them: how many began, were answered and still wait, the median and
 * 90th percentile of the first response, the share answered within the
 * target, how many waited how long, for all of them and per platform,
 * account, kind and period.
 *
 * The share within the target is of the conversations whose fate is
 * known: those answered, and those still waiting longer than the target.
 * One still within its target has not failed it yet, and is not counted.
 */
#ifndef HEED_STATS_H
#define HEED_STATS_H

#include <stddef.h>
#include <stdint.h>

struct clock;
struct store;
struct store_account;

/* The periods figures can be given by. */
enum stats_by {
	STATS_BY_NONE,
	STATS_BY_DAY,
	STATS_BY_WEEK,
	STATS_BY_MONTH
};

/* Where a conversation stands against its account's target. */
enum stats_fate {
	STATS_OPEN,		/* waiting, and not past the target yet */
	STATS_WITHIN,		/* answered within the target */
	STATS_LATE		/* answered late, or waiting past it */
};

/* How long the first response took, in the buckets of a histogram. */
enum stats_bucket {
	STATS_UNDER_1H,
	STATS_UNDER_4H,
	STATS_UNDER_8H,
	STATS_UNDER_1D,
	STATS_UNDER_3D,
	STATS_OVER_3D,
	STATS_UNANSWERED,
	STATS_NBUCKETS
};

/* One conversation, measured on its account's clock. */
struct stats_conv {
	int64_t	account_id;
	int64_t	first;		/* when its customer's first message came */
	int64_t	waited;		/* until the first response; -1: none yet */
	int	fate;		/* enum stats_fate */
	int	kind;		/* enum classify_kind */
};

/* The figures of a group of conversations. */
struct stats_row {
	int64_t	begun;
	int64_t	answered;
	int64_t	waiting;	/* no answer yet */
	int64_t	median;		/* of the first responses; -1: none */
	int64_t	p90;
	int64_t	known;		/* whose fate is known */
	int64_t	within;		/* answered within the target */
	int64_t	buckets[STATS_NBUCKETS];
};

/* A group and its figures: "all", "platform", "account", "kind", "week"... */
struct stats_group {
	const char		*group;
	char			*key;		/* its name; owned */
	struct stats_row	 row;
};

/* The conversations of a span. */
struct stats {
	int64_t			 since;		/* begun from, */
	int64_t			 until;		/* and before */
	int64_t			 now;		/* what still waits, waits to */
	int64_t			 account_id;	/* only this account's; 0 all */
	struct stats_conv	*v;
	size_t			 n;
	size_t			 cap;
};

/* stats.c */
void		 stats_init(struct stats *, int64_t, int64_t, int64_t);
void		 stats_add(struct stats *, const struct stats_conv *);
void		 stats_free(struct stats *);
int64_t		 stats_rank(const int64_t *, size_t, int);
int		 stats_bucket(int64_t);
const char	*stats_bucket_name(int);
void		 stats_sum(const struct stats_conv *, size_t,
		     struct stats_row *);
int		 stats_share(const struct stats_row *);
void		 stats_age(int64_t, char *, size_t);
const char	*stats_by_name(int);
void		 stats_period(int, int64_t, char *, size_t);
size_t		 stats_groups(const struct stats *,
		     const struct store_account *, size_t, int,
		     struct stats_group **);
void		 stats_groups_free(struct stats_group *, size_t);

/* stats-load.c */
int		 stats_load(struct stats *, struct store *,
		     const struct clock *, char **);

#endif
