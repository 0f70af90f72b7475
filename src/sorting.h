/*
 * sorting.h -- what heed works out about a customer's message before the
 * owner reads it: what it is (the classifier), what the owner's rules
 * say of it, and so the lane of the inbox it waits in. Nothing here acts
 * in public: a rule may sort, flag, snooze or mark done, never more.
 */
#ifndef HEED_SORTING_H
#define HEED_SORTING_H

#include <stddef.h>
#include <stdint.h>

#include "classify.h"
#include "rules.h"

struct config;
struct item;
struct store;
struct store_account;

/* What is known around the messages being sorted. */
struct sorting_ctx {
	struct store		*store;
	const struct config	*cfg;
	struct store_account	*accounts;
	size_t			 naccounts;
	int64_t			 now;
};

/* What sorting decided for one message. */
struct sorting_decision {
	struct classify_result	 res;		/* the classifier's word */
	struct rule_actions	 actions;	/* the rules' */
	int			 ckind;		/* what it is, all said */
	int			 creply;
	int			 urgency;
	int			 by;		/* enum item_kind_by */
};

/* Read the accounts into a context; 0, or -1 with *cause. */
int	sorting_begin(struct sorting_ctx *, struct store *,
	    const struct config *, int64_t, char **);
void	sorting_end(struct sorting_ctx *);
/*
 * Decide what a message is, as the rules see it too (the rules' matched
 * counts are in the decision's actions). Free with sorting_decision_free.
 */
int	sorting_decide(struct sorting_ctx *, const struct item *,
	    struct sorting_decision *, char **);
void	sorting_decision_free(struct sorting_decision *);
/*
 * Sort every waiting message not sorted yet, and put the lanes in the
 * order the config asks for; *n (if not NULL) gets how many were sorted.
 * 0, or -1 with *cause (what was sorted until then stays sorted).
 */
int	sorting_run(struct store *, const struct config *, int64_t, size_t *,
	    char **);

#endif
