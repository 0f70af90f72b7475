/*
 * alert.h -- what heed tells the owner, and when: a new conversation that
 * waits for an answer, and one about to pass its response target (or
 * past it since the last look). The cache keeps what was seen, looked at
 * and told (meta), so that the open inbox and heed sync --notify from a
 * timer tell each thing once between them. Quiet hours and alert_every
 * hold alerts back; what comes meanwhile is told together after them.
 * This file decides and words; notify.c delivers.
 */
#ifndef HEED_ALERT_H
#define HEED_ALERT_H

#include <stddef.h>
#include <stdint.h>

#include "hours.h"

struct clock;
struct config;
struct store;

enum alert_what {
	ALERT_LATE,		/* passed its target since the last look */
	ALERT_DUE,		/* passes it within alert_before */
	ALERT_NEW		/* a new conversation to answer */
};

/*
 * One conversation to tell of, and what its newest message says; the
 * names, text and wait only of the first few (alert_body names them).
 */
struct alert_event {
	int	 what;		/* enum alert_what */
	int64_t	 account_id;
	int64_t	 item_id;	/* its newest waiting message */
	int64_t	 first_id;	/* its first: which conversation it is */
	int64_t	 first;		/* when its customer began to wait */
	int64_t	 due;		/* when it reaches (reached) its target */
	int64_t	 waited;	/* business seconds by the batch's now */
	char	*account;	/* the account's name */
	char	*platform;
	char	*author;	/* the name, else the handle */
	int	 kind;		/* enum classify_kind, -1 unknown */
	char	*text;		/* one line, safe to show */
};

/* What to tell now, most pressing first. */
struct alert_batch {
	struct alert_event	*v;
	size_t			 n;
	size_t			 count[3];	/* by enum alert_what */
	int64_t			 now;
	int64_t			 held;	/* not told before this (quiet hours
					   or alert_every); 0 if not held */
};

/* The settings alerts read from the config. */
struct alert_conf {
	int64_t		before;		/* alert_before */
	int64_t		every;		/* alert_every */
	int		have_quiet;
	struct hours	quiet;		/* "open" while alerts keep quiet */
};

int	alert_conf_read(struct alert_conf *, const struct config *, char **);
void	alert_conf_free(struct alert_conf *);
/*
 * Find what to tell at now and mark it told in the cache, in one write
 * transaction. The first look at a cache tells nothing: it only notes
 * what is there. 0, or -1 with *cause.
 */
int	alert_collect(struct store *, const struct clock *,
	    const struct alert_conf *, int64_t, struct alert_batch *, char **);
void	alert_batch_free(struct alert_batch *);
/*
 * Add what a later batch tells to an earlier one, to be told together,
 * and leave the later one empty. A conversation in both is told as the
 * later batch has it. The earlier may be empty (all zero).
 */
void	alert_batch_merge(struct store *, const struct clock *,
	    struct alert_batch *, struct alert_batch *);
/* One line that says the whole batch ("New question from Ana Pop"). */
char	*alert_title(const struct alert_batch *);
/* A few lines of what the conversations say (at most 3, then "and N more"). */
char	*alert_body(const struct alert_batch *);
/*
 * The HEED_* variables notify_command gets, as "NAME=value" strings ended
 * by NULL (free with alert_env_free).
 */
char	**alert_env(const struct alert_batch *);
void	alert_env_free(char **);

/*
 * alert-send.c: deliver a batch outside the terminal, as the config says
 * (a desktop notification if alert has desktop, notify_command if set),
 * each in a child; flags are notify.h's. The children started, or -1.
 */
struct alert_sending {
	int	desktop;	/* pid_t, or -1: not started */
	int	command;
	int64_t	started;	/* util_mono_ms() when they were */
};
void	alert_send_start(const struct config *, const struct alert_batch *,
	    int, struct alert_sending *, char **);
/* Whether a child still runs. */
int	alert_send_busy(const struct alert_sending *);
/* Whether one still runs past notify_limit_ms from the start. */
int	alert_send_overdue(const struct alert_sending *);
/* End what still runs: -1 with *cause if anything had to be. */
int	alert_send_end(struct alert_sending *, char **);
/*
 * Wait for both, ending what still runs at the limit; 0 if all did their
 * work, else -1 with *cause saying what failed (several lines).
 */
int	alert_send_wait(struct alert_sending *, char **);
/* Reap without waiting: 0 running, 1 all done well, -1 with *cause. */
int	alert_send_poll(struct alert_sending *, char **);

#endif
