/*
 * alert.c -- what to tell the owner and when; see alert.h. The cache
 * keeps three numbers in meta: alert_seen (the highest item id looked at:
 * a conversation whose every message is newer is new), alert_checked (the
 * last look: a conversation whose target fell between it and now, plus
 * alert_before, is due) and alert_told (the last alert, for alert_every).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alert.h"
#include "classify.h"
#include "clock.h"
#include "config-alert.h"
#include "config.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* The longest text an alert carries, in columns. */
#define ALERT_TEXT_WIDTH	200
/* The conversations an alert names; the rest are counted. */
#define ALERT_NAMED		3

/* Read alert_before, alert_every and quiet_hours. */
int
alert_conf_read(struct alert_conf *ac, const struct config *cfg,
    char **cause)
{
	int	rc;

	memset(ac, 0, sizeof *ac);
	ac->before = config_int(cfg, NULL, OPT_ALERT_BEFORE);
	ac->every = config_int(cfg, NULL, OPT_ALERT_EVERY);
	if ((rc = config_quiet(cfg, &ac->quiet, cause)) == -1)
		return -1;
	ac->have_quiet = rc == 0;
	return 0;
}

void
alert_conf_free(struct alert_conf *ac)
{
	if (ac->have_quiet)
		hours_free(&ac->quiet);
	memset(ac, 0, sizeof *ac);
}

/* What a walk over the waiting conversations gathers. */
struct alert_walk {
	const struct clock	*clock;
	int64_t			 seen, checked, now, before;
	struct alert_batch	*b;
	size_t			 cap;
};

/* Take a waiting conversation if it is new, due or late. */
static void
alert_walk_one(void *arg, const struct store_wait *w)
{
	struct alert_walk	*aw = arg;
	struct alert_event	*e;
	int64_t			 due;
	int			 what;

	due = clock_due(aw->clock, w->account_id, w->first);
	if (w->first_id > aw->seen)
		what = ALERT_NEW;
	else if (due > aw->checked + aw->before && due <= aw->now + aw->before)
		what = due <= aw->now ? ALERT_LATE : ALERT_DUE;
	else
		return;
	if (aw->b->n == aw->cap) {
		aw->cap = aw->cap == 0 ? 16 : aw->cap * 2;
		aw->b->v = xreallocarray(aw->b->v, aw->cap, sizeof *aw->b->v);
	}
	e = &aw->b->v[aw->b->n++];
	memset(e, 0, sizeof *e);
	e->what = what;
	e->account_id = w->account_id;
	e->item_id = w->newest_id;
	e->first_id = w->first_id;
	e->first = w->first;
	e->due = due;
	e->kind = -1;
	aw->b->count[what]++;
}

/* Most pressing first: late, then due (soonest first), then new. */
static int
alert_cmp(const void *a, const void *b)
{
	const struct alert_event	*x = a, *y = b;

	if (x->what != y->what)
		return x->what < y->what ? -1 : 1;
	if (x->what == ALERT_NEW && x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->item_id < y->item_id ? -1 : x->item_id > y->item_id;
}

/*
 * Fill in who wrote the named conversations and what they say, where it
 * is not there yet (a merged batch has some already).
 */
static void
alert_details(struct store *s, struct alert_batch *b)
{
	struct store_account	*acc = NULL;
	struct alert_event	*e;
	struct item		 it;
	size_t			 nacc = 0, i, j;
	char			*line;
	const char		*who;

	if (store_account_list(s, &acc, &nacc, NULL) != 0)
		nacc = 0;
	for (i = 0; i < b->n && i < ALERT_NAMED; i++) {
		e = &b->v[i];
		if (e->account != NULL || e->author != NULL)
			continue;
		for (j = 0; j < nacc; j++) {
			if (acc[j].id == e->account_id) {
				e->account = xstrdup(acc[j].name);
				e->platform = xstrdup(acc[j].platform);
			}
		}
		if (store_item_get(s, e->item_id, &it, NULL) != 0)
			continue;
		who = it.author_name != NULL && *it.author_name != '\0' ?
		    it.author_name : it.author_handle != NULL ?
		    it.author_handle : "someone";
		e->author = text_sanitize_line(who, strlen(who));
		e->kind = it.ckind;
		line = text_sanitize_line(it.text != NULL ? it.text : "",
		    it.text != NULL ? strlen(it.text) : 0);
		e->text = text_first_line(line, ALERT_TEXT_WIDTH);
		free(line);
		item_clear(&it);
	}
	if (nacc > 0)
		store_account_list_free(acc, nacc);
}

/*
 * Fill in the named conversations: their details, and how long each has
 * waited by the batch's now as the response clock counts it (business
 * time where hours are set). Only for those: it walks the hours.
 */
static void
alert_fill(struct store *s, const struct clock *clock, struct alert_batch *b)
{
	struct alert_event	*e;
	size_t			 i;

	alert_details(s, b);
	for (i = 0; i < b->n && i < ALERT_NAMED; i++) {
		e = &b->v[i];
		e->waited = clock_waited(clock, e->account_id, e->first,
		    b->now);
	}
}

/*
 * Whether alerts are held at now, and until when: in quiet hours until
 * they end, else until alert_every has passed since the last one.
 */
static int64_t
alert_held(const struct alert_conf *ac, int64_t told, int64_t now)
{
	if (ac->have_quiet && hours_open_at(&ac->quiet, now))
		return hours_open_until(&ac->quiet, now);
	if (told > 0 && now < told + ac->every)
		return told + ac->every;
	return 0;
}

/* Note what the cache holds at the first look, telling nothing. */
static int
alert_first_look(struct store *s, int64_t now, char **cause)
{
	int64_t	max;

	if (store_max_item_id(s, &max, cause) != 0 ||
	    store_meta_set(s, "alert_seen", max, cause) != 0 ||
	    store_meta_set(s, "alert_checked", now, cause) != 0)
		return -1;
	return 0;
}

/* Walk what waits, and note the look (and the alert) in the cache. */
static int
alert_look(struct store *s, struct alert_walk *aw, char **cause)
{
	int64_t	max;

	if (store_max_item_id(s, &max, cause) != 0 ||
	    store_waiting_alert(s, alert_walk_one, aw, cause) != 0)
		return -1;
	if (store_meta_set(s, "alert_seen", max, cause) != 0 ||
	    store_meta_set(s, "alert_checked", aw->now, cause) != 0)
		return -1;
	if (aw->b->n > 0 && store_meta_set(s, "alert_told", aw->now,
	    cause) != 0)
		return -1;
	return 0;
}

/* Find what to tell at now; see alert.h. */
int
alert_collect(struct store *s, const struct clock *clock,
    const struct alert_conf *ac, int64_t now, struct alert_batch *b,
    char **cause)
{
	struct alert_walk	aw;
	int64_t			told;
	int			rc;

	memset(b, 0, sizeof *b);
	b->now = now;
	memset(&aw, 0, sizeof aw);
	aw.clock = clock;
	aw.now = now;
	aw.before = ac->before;
	aw.b = b;
	if (store_begin(s, cause) != 0)
		return -1;
	if (store_meta_get(s, "alert_seen", -1, &aw.seen, cause) != 0 ||
	    store_meta_get(s, "alert_checked", now, &aw.checked, cause) != 0 ||
	    store_meta_get(s, "alert_told", 0, &told, cause) != 0)
		rc = -1;
	else if (aw.seen == -1)
		rc = alert_first_look(s, now, cause);
	else if ((b->held = alert_held(ac, told, now)) != 0)
		rc = 0;
	else
		rc = alert_look(s, &aw, cause);
	if (rc == 0)
		rc = store_commit(s, cause);
	if (rc != 0) {
		store_rollback(s);
		alert_batch_free(b);
		return -1;
	}
	if (b->n > 1)
		qsort(b->v, b->n, sizeof *b->v, alert_cmp);
	alert_fill(s, clock, b);
	return 0;
}

/* Free what an event holds. */
static void
alert_event_clear(struct alert_event *e)
{
	free(e->account);
	free(e->platform);
	free(e->author);
	free(e->text);
	memset(e, 0, sizeof *e);
}

void
alert_batch_free(struct alert_batch *b)
{
	size_t	i;

	for (i = 0; i < b->n; i++)
		alert_event_clear(&b->v[i]);
	free(b->v);
	memset(b, 0, sizeof *b);
}

/* Add a later batch to an earlier one; see alert.h. */
void
alert_batch_merge(struct store *s, const struct clock *clock,
    struct alert_batch *into, struct alert_batch *from)
{
	struct alert_event	*e;
	size_t			 i, j, n = into->n;

	into->v = xreallocarray(into->v, n + from->n + 1, sizeof *into->v);
	for (i = 0; i < from->n; i++) {
		e = &from->v[i];
		for (j = 0; j < n; j++) {
			if (into->v[j].first_id == e->first_id)
				break;
		}
		if (j < n) {
			into->count[into->v[j].what]--;
			alert_event_clear(&into->v[j]);
		} else
			j = into->n++;
		into->v[j] = *e;
		into->count[e->what]++;
	}
	if (from->now > into->now)
		into->now = from->now;
	into->held = 0;
	free(from->v);
	memset(from, 0, sizeof *from);
	if (into->n > 1)
		qsort(into->v, into->n, sizeof *into->v, alert_cmp);
	alert_fill(s, clock, into);
}

/* What a conversation is, in a word: "question", "complaint", "message". */
static const char *
alert_kind_word(int kind)
{
	if (kind == CLASSIFY_QUESTION || kind == CLASSIFY_COMPLAINT)
		return classify_kind_name(kind);
	return "message";
}

/* One line that says the whole batch; see alert.h. */
char *
alert_title(const struct alert_batch *b)
{
	static const char *const words[] = {
		[ALERT_LATE] = "past the target",
		[ALERT_DUE] = "due soon",
		[ALERT_NEW] = "new"
	};
	const struct alert_event	*e = b->v;
	const char			*who;
	struct buf			 t;
	char				 age[16];
	size_t				 i;

	if (b->n == 0)
		return xstrdup("Nothing new");
	who = e->author != NULL ? e->author : "A customer";
	if (b->n == 1 && e->what == ALERT_NEW)
		return xprintf("New %s from %s", alert_kind_word(e->kind), who);
	if (b->n == 1) {
		/* The wait as the response clock counts it (see alert_fill). */
		util_format_age(e->what == ALERT_DUE ? e->due - b->now :
		    e->waited, age, sizeof age);
		return e->what == ALERT_DUE ? xprintf("%s waits: answer due in "
		    "%s", who, age) : xprintf("%s has waited %s, past the "
		    "target", who, age);
	}
	buf_init(&t, 0);
	for (i = 0; i < nitems(b->count); i++) {
		if (b->count[i] > 0)
			buf_printf(&t, "%s%zu %s", t.len > 0 ? ", " : "",
			    b->count[i], words[i]);
	}
	buf_addstr(&t, b->n == b->count[ALERT_NEW] ? " conversations to answer" :
	    "");
	return buf_steal(&t);
}

/* A few lines of what the conversations say; see alert.h. */
char *
alert_body(const struct alert_batch *b)
{
	const struct alert_event	*e;
	struct buf			 t;
	size_t				 i;

	buf_init(&t, 0);
	for (i = 0; i < b->n && i < ALERT_NAMED; i++) {
		e = &b->v[i];
		if (b->n > 1)
			buf_printf(&t, "%s%s (%s): ", i > 0 ? "\n" : "",
			    e->author != NULL ? e->author : "someone",
			    alert_kind_word(e->kind));
		buf_addstr(&t, e->text != NULL ? e->text : "");
	}
	if (b->n > ALERT_NAMED)
		buf_printf(&t, "\nand %zu more", b->n - ALERT_NAMED);
	return buf_steal(&t);
}

/* Add "NAME=value" to a growing environment. */
static void
alert_env_add(char ***env, size_t *n, const char *name, const char *value)
{
	*env = xreallocarray(*env, *n + 2, sizeof **env);
	(*env)[(*n)++] = xprintf("%s=%s", name, value != NULL ? value : "");
	(*env)[*n] = NULL;
}

/* The HEED_* variables of notify_command; see alert.h. */
char **
alert_env(const struct alert_batch *b)
{
	static const char *const whats[] = {
		[ALERT_LATE] = "late", [ALERT_DUE] = "due", [ALERT_NEW] = "new"
	};
	const struct alert_event	*e = b->n > 0 ? b->v : NULL;
	char				**env = NULL, num[32], age[16], *s;
	size_t				  n = 0;

	alert_env_add(&env, &n, "HEED_TITLE", s = alert_title(b));
	free(s);
	snprintf(num, sizeof num, "%zu", b->n);
	alert_env_add(&env, &n, "HEED_COUNT", num);
	snprintf(num, sizeof num, "%zu", b->count[ALERT_NEW]);
	alert_env_add(&env, &n, "HEED_NEW", num);
	snprintf(num, sizeof num, "%zu", b->count[ALERT_DUE]);
	alert_env_add(&env, &n, "HEED_DUE", num);
	snprintf(num, sizeof num, "%zu", b->count[ALERT_LATE]);
	alert_env_add(&env, &n, "HEED_LATE", num);
	if (e == NULL)
		return env;
	alert_env_add(&env, &n, "HEED_ALERT", whats[e->what]);
	alert_env_add(&env, &n, "HEED_ACCOUNT", e->account);
	alert_env_add(&env, &n, "HEED_PLATFORM", e->platform);
	alert_env_add(&env, &n, "HEED_AUTHOR", e->author);
	alert_env_add(&env, &n, "HEED_KIND", e->kind >= 0 ?
	    classify_kind_name(e->kind) : "unsorted");
	/* As the response clock counts it, and on the wall clock. */
	util_format_age(e->waited, age, sizeof age);
	alert_env_add(&env, &n, "HEED_WAITING", age);
	snprintf(num, sizeof num, "%lld", (long long)e->waited);
	alert_env_add(&env, &n, "HEED_WAITING_SECONDS", num);
	util_format_age(b->now - e->first, age, sizeof age);
	alert_env_add(&env, &n, "HEED_WAITING_WALL", age);
	snprintf(num, sizeof num, "%lld", (long long)(b->now - e->first));
	alert_env_add(&env, &n, "HEED_WAITING_WALL_SECONDS", num);
	snprintf(num, sizeof num, "%lld", (long long)(e->due - b->now));
	alert_env_add(&env, &n, "HEED_DUE_SECONDS", num);
	snprintf(num, sizeof num, "%lld", (long long)e->item_id);
	alert_env_add(&env, &n, "HEED_ITEM", num);
	alert_env_add(&env, &n, "HEED_TEXT", e->text);
	return env;
}

void
alert_env_free(char **env)
{
	size_t	i;

	for (i = 0; env != NULL && env[i] != NULL; i++)
		free(env[i]);
	free(env);
}
