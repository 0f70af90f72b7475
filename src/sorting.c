/*
 * sorting.c -- sort the messages that came in: what the classifier makes
 * of each, what the owner's rules say, and the lane that puts it in
 * (store-sort.c keeps it). It runs right after each page of a sync is
 * stored, and on what the cache holds unsorted when heed opens it, so a
 * message is in its lane by the time a screen lists it.
 *
 * Who has the last word: the owner's own choice of kind (kind_by owner)
 * is never overwritten; a rule's set_kind beats the classifier. A rule's
 * priority high puts the message among those to answer (urgency 3),
 * low among those that ask nothing. A rule that flags, snoozes or marks
 * done does it only to a message the owner has not opened, and heed
 * never hides, deletes, likes or replies because of a rule. A rule's
 * tags go on the message (logged as the rule's); its suggestions (hide,
 * delete) are shown by heed rules --dry-run and never done.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "log.h"
#include "sorting.h"
#include "store.h"
#include "util.h"

/* How many messages one transaction sorts. */
#define SORTING_PAGE	200

/* Read the accounts into a context; see sorting.h. */
int
sorting_begin(struct sorting_ctx *c, struct store *s,
    const struct config *cfg, int64_t now, char **cause)
{
	memset(c, 0, sizeof *c);
	c->store = s;
	c->cfg = cfg;
	c->now = now;
	return store_account_list(s, &c->accounts, &c->naccounts, cause);
}

/* Free what a context holds. */
void
sorting_end(struct sorting_ctx *c)
{
	store_account_list_free(c->accounts, c->naccounts);
	memset(c, 0, sizeof *c);
}

/* The account of a message, or NULL. */
static const struct store_account *
sorting_account(const struct sorting_ctx *c, int64_t id)
{
	size_t	i;

	for (i = 0; i < c->naccounts; i++) {
		if (c->accounts[i].id == id)
			return &c->accounts[i];
	}
	return NULL;
}

/* Decide what a message is; see sorting.h. */
int
sorting_decide(struct sorting_ctx *c, const struct item *it,
    struct sorting_decision *d, char **cause)
{
	const struct store_account	*acct;
	const struct config		*cfg = c->cfg;
	struct classify_signals		 sig;
	struct rule_message		 m;
	size_t				 i;
	int				 followup = 0;

	memset(d, 0, sizeof *d);
	rule_actions_init(&d->actions);
	if (store_sort_followup(c->store, it->id, &followup, cause) != 0)
		return -1;
	acct = sorting_account(c, it->account_id);
	memset(&sig, 0, sizeof sig);
	/* Links from an author in many threads are spam; the count is read
	 * only for a message with a link. */
	if (it->text != NULL && classify_has_link(it->text) &&
	    store_sort_author_threads(c->store, it, &sig.author_threads,
	    cause) != 0)
		return -1;
	sig.lang = it->lang;
	sig.author_name = it->author_name;
	sig.shop_name = acct != NULL ? acct->handle : NULL;
	sig.followup = followup;
	classify_text(it->text != NULL ? it->text : "", &sig, &d->res);
	d->ckind = (int)d->res.kind;
	d->creply = (int)d->res.reply;
	d->urgency = d->res.urgency;
	d->by = KIND_BY_CLASSIFIER;

	memset(&m, 0, sizeof m);
	m.text = it->text;
	m.author_name = it->author_name;
	m.author_handle = it->author_handle;
	m.platform = acct != NULL ? acct->platform : NULL;
	m.account = acct != NULL ? acct->name : NULL;
	m.lang = it->lang;
	m.kind = d->ckind;
	m.has_link = -1;
	m.followup = followup;
	for (i = 0; cfg != NULL && i < cfg->nrules; i++) {
		if (!rule_match(cfg->rules[i].rule, &m))
			continue;
		rule_apply(cfg->rules[i].rule, &d->actions);
		if (d->actions.kind != -1)
			m.kind = d->actions.kind;
	}
	if (d->actions.kind != -1) {
		d->ckind = d->actions.kind;
		d->creply = (int)classify_kind_reply(
		    (enum classify_kind)d->ckind);
		d->by = KIND_BY_RULE;
	}
	if (d->actions.priority == RULE_PRIORITY_HIGH) {
		d->urgency = 3;
		d->by = KIND_BY_RULE;
	} else if (d->actions.priority == RULE_PRIORITY_LOW) {
		d->urgency = 0;
		d->creply = CLASSIFY_REPLY_NO;
		d->by = KIND_BY_RULE;
	}
	/* The owner's word stands. */
	if (it->kind_by == KIND_BY_OWNER && it->ckind >= 0) {
		d->ckind = it->ckind;
		d->creply = it->creply;
		d->urgency = it->urgency;
		d->by = KIND_BY_OWNER;
	}
	return 0;
}

/* Free what a decision holds. */
void
sorting_decision_free(struct sorting_decision *d)
{
	rule_actions_free(&d->actions);
	memset(d, 0, sizeof *d);
}

/*
 * Do what the rules said to a message the owner has not opened (flag,
 * snooze, done), then put it in its lane.
 */
static int
sorting_apply(struct sorting_ctx *c, const struct item *it,
    const struct sorting_decision *d, char **cause)
{
	const struct rule_actions	*a = &d->actions;
	char				*note, *why;
	size_t				 i;
	int				 rc = 0;

	why = a->nmatched == 1 ? xprintf("rule %s", a->matched[0]) :
	    xstrdup("rules");
	for (i = 0; i < a->ntags && rc == 0; i++)
		rc = store_set_tag(c->store, it->id, a->tags[i], 1, why, cause);
	if (rc == 0 && a->kind != -1 && d->by == KIND_BY_RULE &&
	    it->ckind != a->kind) {
		/* What a rule says a message is, logged as the rule's. */
		note = xprintf("%s, %s", classify_kind_name((enum classify_kind)
		    a->kind), why);
		rc = store_activity_add(c->store, it->id, "kind", note, cause);
		free(note);
	}
	if (rc == 0 && a->flag && it->flags == 0) {
		note = it->note == NULL && a->nmatched > 0 ?
		    xprintf("rule %s", a->matched[a->nmatched - 1]) : NULL;
		rc = store_set_flags(c->store, it->id, ITEM_FLAG_ESCALATED,
		    note != NULL ? note : it->note, cause);
		free(note);
	}
	if (rc == 0 && it->status == STATUS_NEW) {
		/* Logged as the rule's, like its tags and kind. */
		if (a->done)
			rc = store_set_status_by(c->store, it->id, STATUS_DONE,
			    0, why, cause);
		else if (a->snooze > 0)
			rc = store_set_status_by(c->store, it->id,
			    STATUS_SNOOZED, c->now + a->snooze, why, cause);
	}
	free(why);
	if (rc != 0)
		return -1;
	return store_item_sort(c->store, it->id, d->ckind, d->creply,
	    d->urgency, d->by, cause);
}

/* Sort one page of waiting messages in one transaction; 0 or -1. */
static int
sorting_page(struct sorting_ctx *c, const struct item_list *l,
    char **cause)
{
	struct sorting_decision	d;
	size_t			i;
	int			rc = 0;

	if (store_begin(c->store, cause) != 0)
		return -1;
	for (i = 0; i < l->n && rc == 0; i++) {
		rc = sorting_decide(c, &l->v[i], &d, cause);
		if (rc == 0)
			rc = sorting_apply(c, &l->v[i], &d, cause);
		sorting_decision_free(&d);
	}
	if (rc != 0) {
		store_rollback(c->store);
		return -1;
	}
	return store_commit(c->store, cause);
}

/* Sort every waiting message not sorted yet; see sorting.h. */
int
sorting_run(struct store *s, const struct config *cfg, int64_t now,
    size_t *n, char **cause)
{
	struct sorting_ctx	c;
	struct item_list	l;
	int64_t			first = 0;
	int			rc;

	if (n != NULL)
		*n = 0;
	if (store_sort_order(s, config_int(cfg, NULL, OPT_INBOX_ORDER) ==
	    INBOX_ORDER_AGE, cause) != 0)
		return -1;
	if (sorting_begin(&c, s, cfg, now, cause) != 0)
		return -1;
	for (rc = 0; rc == 0;) {
		memset(&l, 0, sizeof l);
		if ((rc = store_lane_items(s, LANE_UNSORTED, SORTING_PAGE,
		    &l, cause)) != 0 || l.n == 0) {
			item_list_free(&l);
			break;
		}
		/* Each page leaves the unsorted range: never the same twice. */
		if (l.v[0].id == first) {
			rc = util_fail(cause, "message %lld could not be sorted",
			    (long long)first);
		} else {
			first = l.v[0].id;
			rc = sorting_page(&c, &l, cause);
		}
		if (rc == 0 && n != NULL)
			*n += l.n;
		item_list_free(&l);
	}
	sorting_end(&c);
	return rc;
}
