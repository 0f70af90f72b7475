/*
 * ui-sent.c -- what the interface knows of replies sent or on their way:
 * which heed sends an outbox entry, a reply described in words, and the
 * newest reply to an item from any heed on the cache. The check screen,
 * the outbox and the way to the composer all say these the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui-private.h"
#include "util.h"

/*
 * Name the heed that owns an outbox name (host:pid:random, see
 * store_owner): this one, another on this computer, or one elsewhere on
 * a shared cache; new string.
 */
char *
ui_sent_owner(struct ui *ui, const char *owner)
{
	char		 host[256];
	const char	*colon, *pid;
	size_t		 hl;

	if (owner == NULL)
		return xstrdup("an older heed");
	if (strcmp(owner, store_owner(ui->ctx.store)) == 0)
		return xstrdup("this window");
	if ((colon = strchr(owner, ':')) == NULL)
		return xstrdup("another heed");
	hl = (size_t)(colon - owner);
	pid = colon + 1;
	if (gethostname(host, sizeof host) == 0 &&
	    (host[sizeof host - 1] = '\0', strlen(host) == hl) &&
	    strncmp(host, owner, hl) == 0)
		return xprintf("another heed (process %.*s)",
		    (int)strcspn(pid, ":"), pid);
	return xprintf("a heed on %.*s", (int)hl, owner);
}

/*
 * Describe a reply to an item that is on its way or went lately, from
 * whichever heed on this cache: "A reply to Anna was sent 3m ago from
 * another heed (process 4242)."; new string.
 */
char *
ui_sent_said(struct ui *ui, const struct outbox_entry *e, const char *to)
{
	const char	*what;
	char		*from, *s, age[16], ago[32];

	what = e->kind == ACTION_PRIVATE_REPLY ? "A private reply" : "A reply";
	from = ui_sent_owner(ui, e->origin);
	util_format_age(ui->now - (e->state == OUTBOX_SENT ? e->updated :
	    e->created), age, sizeof age);
	if (strcmp(age, "now") == 0)
		snprintf(ago, sizeof ago, "just now");
	else
		snprintf(ago, sizeof ago, "%s ago", age);
	switch (e->state) {
	case OUTBOX_SENT:
		s = xprintf("%s to %s was sent %s from %s.", what, to, ago,
		    from);
		break;
	case OUTBOX_SENDING:
		if (store_outbox_leased(e, ui->now))
			s = xprintf("%s to %s is being sent right now (queued %s "
			    "from %s).", what, to, ago, from);
		else
			s = xprintf("%s to %s may have gone out already: the heed "
			    "sending it stopped in the middle, and it is looked "
			    "for on the platform before anything is sent again "
			    "(queued %s from %s).", what, to, ago, from);
		break;
	case OUTBOX_CHECKING:
		s = xprintf("%s to %s may have gone out already: the answer to "
		    "its last try was lost, and heed is checking whether it is "
		    "there (queued %s from %s).", what, to, ago, from);
		break;
	default:
		if (store_outbox_leased(e, ui->now))
			s = xprintf("%s to %s is being sent right now (queued %s "
			    "from %s).", what, to, ago, from);
		else
			s = xprintf("%s to %s is waiting in the outbox (queued %s "
			    "from %s).", what, to, ago, from);
		break;
	}
	free(from);
	return s;
}

/*
 * The newest reply (public, or also private when both is set) to one item
 * that is on its way, or was sent lately; as ui_sent_recent.
 */
static int
ui_sent_recent_one(struct ui *ui, int64_t id, int both,
    struct outbox_entry *e)
{
	struct outbox_entry	 p;
	char			*cause = NULL;
	int			 rc, rp = 1;

	rc = store_outbox_recent(ui->ctx.store, id, ACTION_REPLY,
	    ui->now - UI_RECENT_REPLY, e, &cause);
	if (rc != -1 && both)
		rp = store_outbox_recent(ui->ctx.store, id,
		    ACTION_PRIVATE_REPLY, ui->now - UI_RECENT_REPLY, &p, &cause);
	if (rc == -1 || rp == -1) {
		ui_message(ui, 1, "The outbox could not be read to see whether "
		    "this comment was answered already: %s", cause);
		free(cause);
		if (rc == 0)
			outbox_entry_clear(e);
		return -1;
	}
	if (rp == 0 && (rc != 0 || p.id > e->id)) {
		if (rc == 0)
			outbox_entry_clear(e);
		*e = p;
		rc = 0;
	} else if (rp == 0)
		outbox_entry_clear(&p);
	return rc;
}

/*
 * The newest reply (public, or also private when both is set) to an item,
 * or to any message of its conversation (a reply to one answers them
 * all), that is on its way, or was sent in the last UI_RECENT_REPLY
 * seconds, from any heed on this cache; 0 found, 1 none, -1 error (said).
 */
int
ui_sent_recent(struct ui *ui, const struct item *it, int both,
    struct outbox_entry *e)
{
	struct store_conv	 c;
	struct outbox_entry	 o;
	size_t			 i;
	int			 rc, ro;

	rc = ui_sent_recent_one(ui, it->id, both, e);
	if (rc == -1 || it->own || store_conv_get(ui->ctx.store, it->id, &c,
	    NULL) != 0)
		return rc;
	for (i = 0; i < c.n && rc != -1; i++) {
		if (c.ids[i] == it->id)
			continue;
		if ((ro = ui_sent_recent_one(ui, c.ids[i], both, &o)) == -1) {
			if (rc == 0)
				outbox_entry_clear(e);
			rc = -1;
		} else if (ro == 0 && (rc != 0 || o.id > e->id)) {
			if (rc == 0)
				outbox_entry_clear(e);
			*e = o;
			rc = 0;
		} else if (ro == 0)
			outbox_entry_clear(&o);
	}
	store_conv_clear(&c);
	return rc;
}
