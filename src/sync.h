/*
 * sync.h -- the engine that keeps the cache in step with the platforms:
 * it pulls each account's streams page by page and drains the outbox,
 * inside the one poll loop, never blocking the UI.
 */
#ifndef HEED_SYNC_H
#define HEED_SYNC_H

#include <stdint.h>

struct config;
struct platform_ops;
struct loop;
struct store;
struct sync;
struct transport;

enum sync_account_state {
	SYNC_IDLE,
	SYNC_RUNNING,
	SYNC_FAILED,
	SYNC_AUTH,		/* needs heed login */
	SYNC_NO_KEYRING,	/* the keyring or credential command failed */
	SYNC_OFFLINE		/* the platform cannot be reached */
};

/* What an account's request in flight does for the outbox. */
enum sync_outbox_doing {
	SYNC_OUTBOX_NONE,
	SYNC_OUTBOX_SENDING,	/* an action is on its way, no answer yet */
	SYNC_OUTBOX_CHECKING	/* looking whether a lost one went out */
};

/* What the status bar shows of one account. */
struct sync_account_status {
	const char	*name;
	const char	*tag;
	int		 state;		/* enum sync_account_state */
	int64_t		 last_success;
	const char	*last_error;	/* lent; NULL if none */
	int		 outbox;	/* enum sync_outbox_doing */
	int64_t		 outbox_ms;	/* how long it has waited for the
					   answer */
};

/* Called whenever sync changed the store, so the UI can refresh. */
typedef void (*sync_changed_cb)(void *);

/*
 * Start the engine for the configured accounts (registering them in the
 * store). Background syncs run every sync_interval when periodic is set.
 */
struct sync	*sync_new(struct loop *, struct store *, const struct config *,
		    int, char **);
/* The same on a transport of the caller's, which outlives the engine. */
struct sync	*sync_new_on(struct loop *, struct store *,
		    const struct config *, int, struct transport *, char **);
void		 sync_free(struct sync *);
void		 sync_set_changed(struct sync *, sync_changed_cb, void *);
/* Sync every account now (if one is already running, it goes on). */
void		 sync_now(struct sync *);
/* Something was queued in the outbox: send it soon. */
void		 sync_kick(struct sync *);
/* Return 1 while any request is in flight or queued work remains. */
int		 sync_busy(const struct sync *);
/* Per-account status; returns the count and lends the array. */
size_t		 sync_status(const struct sync *,
		    const struct sync_account_status **);
/* The capabilities table of an account (by local id); NULL if unknown. */
const struct platform_ops *sync_platform_of(const struct sync *, int64_t);
/* The number of items the last syncs added or changed. */
int64_t		 sync_changes(const struct sync *);

#endif
