/*
 * sync-private.h -- what the parts of the sync engine share. From the
 * top down (each calls only those below it):
 *
 *   sync.c          the engine and its API: picks each account's next
 *                   job, sends it through the transport, hands the answer
 *                   to the part whose job it was
 *   sync-outbox.c   sending what the outbox holds, once: actions, leases,
 *                   reconcile
 *   sync-stream.c   streams, fetches, rechecks: what a sync run reads
 *   sync-marker.c   what was read, shared through a read marker
 *   sync-session.c  secrets and sessions
 *   sync-sweep.c    the bookkeeping of sweeps (what was deleted)
 *   sync-account.c  the account's state and its timers, messages, clock
 *
 * A part below starts a job by building a->req and calling sync_ready;
 * the engine sends it. Timers wake the engine through sync->wake.
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

/*
 * Where an account is. Only sync_set_state changes it, and logs each
 * change. IDLE, HELD and BLOCKED have no job; READY, PACED and SENT have
 * one (enum sync_job), whose request is in a->req.
 */
enum sync_state {
	SYNC_ST_IDLE,		/* nothing to wait for: the next job may start */
	SYNC_ST_READY,		/* a request is built, to send now */
	SYNC_ST_PACED,		/* ... held back for the platform's limits */
	SYNC_ST_SENT,		/* ... in flight */
	SYNC_ST_HELD,		/* heed sync stopped for a long wait */
	SYNC_ST_BLOCKED		/* the login was refused: until heed login */
};

enum sync_job {
	JOB_NONE,
	JOB_STREAM,
	JOB_ACTION,
	JOB_SESSION,	/* open or renew a session */
	JOB_FETCH,	/* fill in a thread a page named */
	JOB_RECONCILE,	/* look for what became of an action */
	JOB_TARGET,	/* ask whether a reply's target still exists */
	JOB_RECHECK,	/* ask whether waiting items still exist */
	JOB_MARKER	/* read or move the read marker */
};

/* Where a run stands with the read marker (sync-marker.c). */
enum sync_marker {
	SYNC_MARKER_UNREAD,	/* not read yet in this run */
	SYNC_MARKER_READING,
	SYNC_MARKER_TO_MOVE,	/* to marker_to */
	SYNC_MARKER_MOVING,
	SYNC_MARKER_DONE	/* until the next run */
};

struct sync_account {
	struct sync			*sync;
	const struct platform_ops	*ops;
	const struct config_account	*cfg;
	struct platform_account		 pa;
	struct sync_account_status	 status;
	char				*error;
	enum sync_state			 state;
	enum sync_job			 job;		/* while it has one */
	int				 want_sync;	/* a sync was asked */
	size_t				 stream;	/* next stream index */
	int				 pages;
	struct outbox_entry		 entry;		/* its outbox entry */
	char				*secret;	/* wiped on free */
	int				 secret_is_password;
	char				*notice;	/* said when the run ends */
	int				 secret_reread;	/* once per refusal */
	struct platform_session		 session;	/* when open */
	int				 session_tries;
	int				 deprecation_told; /* logged once */
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
	enum sync_marker		 marker;	/* this run's */
	char				*marker_to;	/* ... where to move it */
	char				*reconcile_page; /* JOB_RECONCILE's */
	int				 reconcile_pages; /* ... read so far */
	int				 check_failures; /* in a row */
	char				*cursor;	/* JOB_STREAM's */
	int				 tries;		/* of the current page */
	struct platform_request		 req;		/* the job's */
	uint64_t			 call;		/* SENT: its id */
	int64_t				 sent_ms;	/* ... since then */
	uint64_t			 pace_timer;	/* PACED: until then */
	uint64_t			 retry_timer;	/* a page tried again */
	uint64_t			 interval_timer; /* repeating */
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
	/* Called by a timer that wakes an account, or the outbox (NULL). */
	void			(*wake)(struct sync *, struct sync_account *);
	sync_changed_cb		 changed;
	void			*changed_arg;
};

/* sync-account.c */
void	sync_set_state(struct sync_account *, enum sync_state, const char *);
void	sync_ready(struct sync_account *, enum sync_job);
int64_t	sync_time(const struct sync_account *);
int64_t	sync_mono(const struct sync_account *);
void	sync_notify(struct sync *);
void	sync_set_error(struct sync_account *, int, const char *);
void	sync_note(struct sync_account *, const char *);
int64_t	sync_backoff(int);
void	sync_format_wait(int64_t, char *, size_t);
void	sync_retry_later(struct sync *, int64_t);
void	sync_outbox_schedule(struct sync *);
void	sync_look_at(struct sync *, int64_t);
void	sync_arm_retry(struct sync_account *, int64_t);

/* sync-session.c */
int	sync_secret(struct sync_account *);
int	sync_needs_session(const struct sync_account *);
int	sync_start_session(struct sync_account *);
void	sync_auth_failed(struct sync_account *, const char *);
int	sync_session_expired(struct sync_account *, const char *);
enum platform_error sync_session_response(struct sync_account *,
	    const struct platform_response *, char **);

/* sync-stream.c */
int64_t	sync_last_complete(struct sync *, int64_t);
int	sync_start_fetch(struct sync_account *);
int	sync_start_stream(struct sync_account *);
void	sync_page_failed(struct sync_account *, enum platform_error, int,
	    const char *);
void	sync_stream_response(struct sync_account *,
	    const struct platform_response *);
void	sync_fetch_response(struct sync_account *,
	    const struct platform_response *);
void	sync_recheck_response(struct sync_account *,
	    const struct platform_response *);
void	sync_run_end(struct sync_account *);
void	sync_fetch_clear(struct sync_account *);
void	sync_run_clear(struct sync_account *);

/* sync-marker.c */
int	sync_start_marker(struct sync_account *);
void	sync_marker_response(struct sync_account *,
	    const struct platform_response *);

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
int	sync_entry_renew(struct sync_account *, int64_t);

/* sync-sweep.c */
size_t	sync_sweep_start(struct sync_sweeps *, const char *, int64_t);
void	sync_sweep_seen(struct sync_sweeps *, size_t,
	    const struct item_list *);
void	sync_sweep_queued(struct sync_sweeps *, size_t);
void	sync_sweep_spoil(struct sync_sweeps *, size_t, const char *);
int	sync_sweep_finish(struct sync_sweeps *, size_t, int, const char *);
void	sync_sweeps_clear(struct sync_sweeps *);

#endif
