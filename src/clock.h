/*
 * clock.h -- the response clock: for each account of the cache, its
 * response target and its business hours (config.h's response_target,
 * hours, closed and time_zone, an account's own or the top of the
 * file's), and from them how long a customer has waited in business time
 * and whether that is past the target. heed status, heed stats and the
 * queue all read waiting through it.
 */
#ifndef HEED_CLOCK_H
#define HEED_CLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "hours.h"

struct config;
struct store;

/* One account's target and hours. */
struct clock_account {
	int64_t		id;		/* the cache's; 0 for the default */
	int64_t		target;
	struct hours	h;
};

struct clock {
	struct clock_account	 dflt;	/* for an account the config lacks */
	struct clock_account	*v;
	size_t			 n;
	int			 simple;	/* every account always open,
						   with the default's target */
};

/* Read the accounts' targets and hours; 0, or -1 with *cause. */
int	clock_open(struct clock *, const struct config *, struct store *,
	    char **);
void	clock_close(struct clock *);
/* The target of an account's conversations. */
int64_t	clock_target(const struct clock *, int64_t);
/* Business seconds an account's customer waited from one time to another. */
int64_t	clock_waited(const struct clock *, int64_t, int64_t, int64_t);
/* Whether more than secs business seconds passed from a time to now. */
int	clock_reached(const struct clock *, int64_t, int64_t, int64_t, int64_t);
/* Whether a wait from a time is past the account's target at now. */
int	clock_overdue(const struct clock *, int64_t, int64_t, int64_t);

/* The moment an account's wait from a time reaches its target. */
int64_t	clock_due(const struct clock *, int64_t, int64_t);
/*
 * What a row says of a wait from a time at now: "in 40m", or in words
 * where it has room, "due in 40m"; "2h over", "due now".
 */
void	clock_say_due(const struct clock *, int64_t, int64_t, int64_t, int,
	    char *, size_t);
/* What the thread says of it, in a sentence (the caller frees it). */
char	*clock_say_wait(const struct clock *, int64_t, int64_t, int64_t);

#endif
