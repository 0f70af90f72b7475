/*
 * model.c -- helpers for the model structs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model.h"
#include "text.h"
#include "util.h"

static const char *const status_names[] = {
	"new", "read", "done", "snoozed"
};

static const char *const action_names[] = {
	"reply", "like", "unlike", "hide", "unhide", "delete", "private-reply",
	"mute", "block", "report"
};

static const char *const outbox_state_names[] = {
	"queued", "sending", "sent", "failed", "checking"
};

/* Append a zeroed item to a list and return it. */
struct item *
item_list_add(struct item_list *l)
{
	struct item	*it;

	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 16 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	return it;
}

/* Free every item of a list and the list's array. */
void
item_list_free(struct item_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		item_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* Free the strings of an item and zero it. */
void
item_clear(struct item *it)
{
	free(it->remote_id);
	free(it->post_remote_id);
	free(it->parent_remote_id);
	free(it->author_name);
	free(it->author_handle);
	free(it->text);
	free(it->lang);
	free(it->permalink);
	free(it->attachment);
	free(it->warning);
	free(it->extra);
	free(it->mark);
	free(it->note);
	free(it->tags);
	memset(it, 0, sizeof *it);
}

/* Duplicate a string that may be NULL. */
static char *
model_dup(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

/* Deep-copy an item into dst (which is overwritten, not freed). */
void
item_copy(struct item *dst, const struct item *src)
{
	*dst = *src;
	dst->remote_id = model_dup(src->remote_id);
	dst->post_remote_id = model_dup(src->post_remote_id);
	dst->parent_remote_id = model_dup(src->parent_remote_id);
	dst->author_name = model_dup(src->author_name);
	dst->author_handle = model_dup(src->author_handle);
	dst->text = model_dup(src->text);
	dst->lang = model_dup(src->lang);
	dst->permalink = model_dup(src->permalink);
	dst->attachment = model_dup(src->attachment);
	dst->warning = model_dup(src->warning);
	dst->extra = model_dup(src->extra);
	dst->mark = model_dup(src->mark);
	dst->note = model_dup(src->note);
	dst->tags = model_dup(src->tags);
}

/* Free the strings of a post and zero it. */
void
post_clear(struct post *p)
{
	free(p->remote_id);
	free(p->author_name);
	free(p->author_handle);
	free(p->text);
	free(p->permalink);
	memset(p, 0, sizeof *p);
}

/* Free the strings of an outbox entry and zero it. */
void
outbox_entry_clear(struct outbox_entry *e)
{
	free(e->target_remote_id);
	free(e->body);
	free(e->idem_key);
	free(e->remote_id);
	free(e->last_error);
	free(e->target_extra);
	free(e->origin);
	free(e->lease_owner);
	memset(e, 0, sizeof *e);
}

/* Name an item status. */
const char *
item_status_name(int s)
{
	if (s < 0 || (size_t)s >= nitems(status_names))
		return "?";
	return status_names[s];
}

/* Name a lane of the inbox ("answer", "no-reply"...). */
const char *
item_lane_name(int lane)
{
	switch (lane) {
	case LANE_ANSWER:
		return "answer";
	case LANE_UNCLEAR:
		return "unclear";
	case LANE_NO_REPLY:
		return "no-reply";
	case LANE_SPAM:
		return "spam";
	case LANE_UNSORTED:
		return "unsorted";
	}
	return "?";
}

/* Name an action kind. */
const char *
action_kind_name(int k)
{
	if (k < 0 || (size_t)k >= nitems(action_names))
		return "?";
	return action_names[k];
}

/* Find an action kind by name; -1 if unknown. */
int
action_kind_from_name(const char *name)
{
	size_t	i;

	for (i = 0; i < nitems(action_names); i++) {
		if (strcmp(action_names[i], name) == 0)
			return (int)i;
	}
	return -1;
}

/* Name an outbox state. */
const char *
outbox_state_name(int s)
{
	if (s < 0 || (size_t)s >= nitems(outbox_state_names))
		return "?";
	return outbox_state_names[s];
}

/*
 * What an activity row's detail says, for people, on one line that is
 * safe to show: a snooze's wake time as a date rather than the number
 * the log keeps. A new string, or NULL when there is no detail.
 */
char *
activity_detail(const char *action, const char *detail)
{
	char		 when[32], *end, *rest, *out;
	const char	*more;
	long long	 t;
	time_t		 tt;
	struct tm	 tm;

	if (detail == NULL || *detail == '\0')
		return NULL;
	if (strcmp(action, "snoozed") == 0) {
		errno = 0;
		t = strtoll(detail, &end, 10);
		if (errno == 0 && end != detail && t > 0) {
			tt = (time_t)t;
			localtime_r(&tt, &tm);
			strftime(when, sizeof when, "%a %d %b %H:%M", &tm);
			/* What else the detail says ("conversation", a rule). */
			for (more = end; *more == ' '; more++)
				;
			rest = text_sanitize_line(more, strlen(more));
			out = xprintf("until %s%s%s", when, *rest != '\0' ?
			    ", " : "", rest);
			free(rest);
			return out;
		}
	}
	return text_sanitize_line(detail, strlen(detail));
}

/*
 * Whether an item waits for the shop's answer, so that its clock runs:
 * a customer's, neither done nor snoozed, in the lane of what needs an
 * answer or not sorted yet.
 */
int
item_waits_for_answer(const struct item *it)
{
	return !it->own && it->status != STATUS_DONE &&
	    it->status != STATUS_SNOOZED &&
	    (it->lane == LANE_ANSWER || it->lane == LANE_UNSORTED);
}
