/*
 * sync-private.h -- what the parts of the sync engine share: sync.c (the
 * accounts, their streams, fetches, sessions and transports),
 * sync-outbox.c (sending what the outbox holds, once) and sync-sweep.c
 * (the bookkeeping of sweeps, which find what was deleted on a platform).
 */
#ifndef HEED_SYNC_PRIVATE_H
#define HEED_SYNC_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "platform.h"
#include "sync.h"

struct config;
struct config_account;
struct loop;
struct store;
struct transport;

#define SYNC_BACKOFF_BASE	5	/* seconds before the first retry */
#define SYNC_BACKOFF_MAX	3600
#define SYNC_MAX_ATTEMPTS	8	/* then the entry is failed */
#define SYNC_LEASE_MARGIN	60	/* a lease outlives its request by */

/*
 * One sweep: a chain of fetches that lists every item of a post. It ends
 * when none of its fetches is queued or in flight; it proves something
 * only if every one of them was read whole, and the paging ended as it
 * should. why says what spoiled it.
 */
struct sync_sweep {
	char	 *post;
	char	**seen;		/* remote ids its pages listed */
	size_t	  nseen;
	size_t	  pending;	/* fetches queued or in flight */
	int	  broken;	/* a fetch failed, or was not made */
	int	  used;		/* applied already */
	char	 *why;		/* why it broke, for the log */
	int64_t	  started;	/* when its first page came */
};

/* The sweeps of one account's sync run. */
struct sync_sweeps {
	struct sync_sweep *v;
	size_t		   n;
};

#define SYNC_NO_SWEEP	((size_t)-1)

enum sync_job {
	JOB_NONE,
	JOB_STREAM,
	JOB_ACTION,
	JOB_SESSION,	/* open or renew a session */
	JOB_FETCH,	/* fill in a thread a page named */
	JOB_RECONCILE,	/* look for what became of an action */
	JOB_TARGET,	/* ask whether a reply's target still exists */
	JOB_RECHECK	/* ask whether waiting items still exist */
};

struct sync_account {
	struct sync			*sync;
	const struct platform_ops	*ops;
	const struct config_account	*cfg;
	struct platform_account		 pa;
	struct sync_account_status	 status;
	char				*error;
	int				 want_sync;	/* a sync was asked */
	size_t				 stream;	/* next stream index */
	int				 pages;
	int				 job;		/* in flight */
	struct outbox_entry		 entry;		/* its outbox entry */
	char				*secret;	/* wiped on free */
	int				 secret_is_password;
	char				*notice;	/* said when the run ends */
	int				 secret_reread;	/* once per refusal */
	struct platform_session		 session;	/* when open */
	int				 session_tries;
	int				 blocked;	/* until heed login */
	int				 held;		/* for a long wait */
	char				**fetch;	/* threads to fill in */
	size_t				 nfetch;
	char				**fetched;	/* ... done this sync */
	size_t				 nfetched;
	size_t				*fetch_sweep;	/* each one's sweep */
	char				*fetch_key;	/* JOB_FETCH */
	size_t				 fetch_key_sweep; /* ... and its sweep */
	struct sync_sweeps		 sweeps;	/* this sync's */
	char				**run_cursors;	/* each stream's, as the
							   run found it */
	int				 have_run_cursors;
	size_t				 lost_threads;	/* fetches that failed */
	char				*lost_why;	/* ... the last's cause */
	char				**recheck;	/* ids left to recheck */
	size_t				 nrecheck;
	size_t				 recheck_sent;	/* in JOB_RECHECK */
	int				 recheck_run;	/* 1 once loaded */
	char				*reconcile_page; /* JOB_RECONCILE's */
	int				 reconcile_pages; /* ... read so far */
	int				 check_failures; /* in a row */
	char				*cursor;	/* JOB_STREAM's */
	int				 tries;		/* of the current page */
	uint64_t			 call;		/* in flight */
	struct platform_request		 req;
	uint64_t			 interval_timer;
	uint64_t			 pace_timer;	/* a request held back */
	uint64_t			 retry_timer;	/* a page tried again */
	int64_t				 not_before;	/* monotonic ms */
};

struct sync {
	struct loop		*loop;
	struct store		*store;
	const struct config	*cfg;
	struct sync_account	*accounts;
	struct sync_account_status *statuses;
	size_t			 naccounts;
	struct transport	*transport;
	int			 own_transport;
	uint64_t		 retry_timer;
	int64_t			 retry_at;	/* when retry_timer fires */
	int64_t			 check_at;	/* a look at a lost reply
						   due then (heed sync waits) */
	int			 periodic;
	int64_t			 changes;
	sync_changed_cb		 changed;
	void			*changed_arg;
};

/* sync.c */
void	sync_notify(struct sync *);
void	sync_set_error(struct sync_account *, int, const char *);
void	sync_note(struct sync_account *, const char *);
int64_t	sync_backoff(int);
void	sync_retry_later(struct sync *, int64_t);
void	sync_look_at(struct sync *, int64_t);
void	sync_send(struct sync_account *);
int	sync_secret(struct sync_account *);
int	sync_needs_session(const struct sync_account *);
int	sync_start_session(struct sync_account *);
void	sync_auth_failed(struct sync_account *, const char *);
int	sync_session_expired(struct sync_account *, const char *);
void	sync_format_wait(int64_t, char *, size_t);

/* sync-outbox.c */
int	sync_start_action(struct sync_account *);
void	sync_action_response(struct sync_account *,
	    const struct platform_response *);
void	sync_reconcile_response(struct sync_account *,
	    const struct platform_response *);
void	sync_target_response(struct sync_account *,
	    const struct platform_response *);
void	sync_action_hold(struct sync_account *, int, const char *);
void	sync_entry_drop(struct sync_account *);
int	sync_entry_renew(struct sync_account *);

/* sync-sweep.c */
size_t	sync_sweep_start(struct sync_sweeps *, const char *, int64_t);
void	sync_sweep_seen(struct sync_sweeps *, size_t,
	    const struct item_list *);
void	sync_sweep_queued(struct sync_sweeps *, size_t);
void	sync_sweep_spoil(struct sync_sweeps *, size_t, const char *);
int	sync_sweep_finish(struct sync_sweeps *, size_t, int, const char *);
void	sync_sweeps_clear(struct sync_sweeps *);

#endif
