/*
 * stats-load.c -- read the conversations of a span for statistics
 * (stats.h): those begun in it, spam left out and so is what asked
 * nothing and was not answered (thanks, praise), each measured on its
 * account's clock (in business time when it has hours) and judged
 * against its account's target. An answer made in heed and one made in
 * the platform's own app both count: sync brings both back as the shop's
 * own items (store-stats.c).
 */
#include <string.h>

#include "classify.h"
#include "clock.h"
#include "stats.h"
#include "store.h"

/* What the store's callback needs besides the set. */
struct stats_reading {
	struct stats		*st;
	struct store		*store;
	const struct clock	*clock;
};

/*
 * What a message that was never sorted is (answered as it came in), and
 * whether it asks for an answer: read now, as the classifier reads a
 * message that waits; -1 if it cannot be read.
 */
static int
stats_load_kind(struct store *s, int64_t id, int *reply)
{
	struct classify_signals	sig;
	struct classify_result	res;
	struct item		it;

	*reply = -1;
	if (store_item_words(s, id, &it, NULL) != 0)
		return -1;
	memset(&sig, 0, sizeof sig);
	sig.lang = it.lang;
	sig.author_name = it.author_name;
	classify_text(it.text != NULL ? it.text : "", &sig, &res);
	item_clear(&it);
	*reply = (int)res.reply;
	return (int)res.kind;
}

/* Measure and keep a conversation of the span (the store's callback). */
static void
stats_load_keep(void *arg, const struct store_conv_stat *c)
{
	struct stats_reading	*r = arg;
	struct stats		*st = r->st;
	struct stats_conv	 v;
	int			 reply = c->reply;

	if (c->first < st->since || c->first >= st->until ||
	    c->kind == CLASSIFY_SPAM || (st->account_id != 0 &&
	    c->account_id != st->account_id))
		return;
	memset(&v, 0, sizeof v);
	v.account_id = c->account_id;
	v.first = c->first;
	v.kind = c->kind >= 0 ? c->kind : stats_load_kind(r->store,
	    c->first_id, &reply);
	/* What asked nothing and got nothing was left as it should be. */
	if (v.kind == CLASSIFY_SPAM || (c->answer == 0 &&
	    reply == CLASSIFY_REPLY_NO))
		return;
	if (c->answer != 0) {
		v.waited = clock_waited(r->clock, c->account_id, c->first,
		    c->answer);
		v.fate = v.waited <= clock_target(r->clock, c->account_id) ?
		    STATS_WITHIN : STATS_LATE;
	} else {
		v.waited = -1;
		v.fate = clock_overdue(r->clock, c->account_id, c->first,
		    st->now) ? STATS_LATE : STATS_OPEN;
	}
	stats_add(st, &v);
}

/*
 * Read the conversations begun from st->since to st->until (of
 * st->account_id, when it is not 0) into st; 0, or -1 with *cause.
 */
int
stats_load(struct stats *st, struct store *s, const struct clock *clock,
    char **cause)
{
	struct stats_reading	r;

	r.st = st;
	r.store = s;
	r.clock = clock;
	return store_conv_stats(s, stats_load_keep, &r, cause);
}
