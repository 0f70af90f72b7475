/*
 * reply-check.h -- what the guard needs to read a reply, gathered from
 * the cache and the config: the item answered and everyone in its
 * thread, the account's protected words and display name, and what the
 * shop sent in the last day. heed check-reply and the check screen both
 * read a reply through it, so that they find the same.
 */
#ifndef HEED_REPLY_CHECK_H
#define HEED_REPLY_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "guard.h"
#include "model.h"
#include "store.h"

struct config;
struct config_account;

struct reply_check {
	const struct config_account	*account;
	int64_t				 account_id;	/* 0: not in the cache */
	struct item			 item;
	int				 have_item;
	struct store_thread		 thread;
	int				 have_thread;
	const char			**names;	/* lent from thread */
	size_t				 nnames;
	char				**protect;
	size_t				 nprotect;
	char				*shop;
	char				**recent;
	size_t				 nrecent;
};

/*
 * Gather it for an account (its config section, and its id in the cache
 * or 0) and an item answered (0: none); 0, or -1 with *cause.
 */
int	reply_check_load(struct reply_check *, struct store *,
	    const struct config *, const struct config_account *, int64_t,
	    int64_t, char **);
/* Check a text with it into r (free with guard_free), in order. */
void	reply_check_run(const struct reply_check *, const struct config *,
	    const char *, struct guard_report *);
void	reply_check_free(struct reply_check *);

#endif
