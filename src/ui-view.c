/*
 * ui-view.c -- the views the title bar lists and Tab goes through:
 * heed's own (Inbox, Flagged, Snoozed, Done, All, Spam), then the saved
 * views of the config ([view NAME]: a filter expression over one of
 * them). A view is its place in that order. The counts of the title
 * are read here too. The saved views' filters are
 * read once, when the interface starts; one that cannot be read shows a
 * "?" for its count and says why when chosen. Their counts are taken
 * after the first frame, never before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "filter.h"
#include "log.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

/* The most saved views the title and the commands know. */
#define UI_SAVED_MAX	20

/* A saved view as the interface keeps it. */
struct ui_saved {
	const struct config_view *cv;	/* the config's; lent */
	struct store_filter	 f;	/* its filter, parsed */
	char			*error;	/* why it could not be; or NULL */
	int64_t			 count;	/* its rows, up to UI_FILTER_COUNT */
	int			 counted;
};

/* The saved views, in the order of the config. */
struct ui_views {
	struct ui_saved	v[UI_SAVED_MAX];
	size_t		n;
};

static const char *const ui_view_titles[VIEW_COUNT] = {
	"Inbox", "Flagged", "Snoozed", "Done", "All", "Spam"
};

/*
 * The names of the views for commands, in their order: heed's own, then
 * the saved ones (filled by ui_views_init); NULL ends them.
 */
const char *ui_view_words[VIEW_COUNT + UI_SAVED_MAX + 1];

/* Read the saved views of the config; say what cannot be read. */
void
ui_views_init(struct ui *ui)
{
	const struct config	*cfg = ui->ctx.cfg;
	struct ui_saved		*sv;
	char			*cause = NULL;
	size_t			 i;

	/* The response clock the rows and the status bar are read on. */
	if (clock_open(&ui->clock, cfg, ui->ctx.store, &cause) != 0) {
		log_error("the response clock: %s", cause);
		free(cause);
	} else
		ui->clock_ok = 1;

	ui->views = xcalloc(1, sizeof *ui->views);
	for (i = 0; i < VIEW_COUNT; i++)
		ui_view_words[i] = store_view_word((enum store_view)i);
	for (i = 0; i < cfg->nviews && i < UI_SAVED_MAX; i++) {
		sv = &ui->views->v[ui->views->n++];
		sv->cv = &cfg->views[i];
		if (filter_parse(ui->ctx.store, sv->cv->filter, &sv->f,
		    &sv->error) != 0)
			log_error("view %s: %s", sv->cv->name, sv->error);
		ui_view_words[VIEW_COUNT + i] = sv->cv->name;
	}
	ui_view_words[VIEW_COUNT + ui->views->n] = NULL;
}

/* Free the saved views. */
void
ui_views_free(struct ui *ui)
{
	size_t	i;

	if (ui->clock_ok)
		clock_close(&ui->clock);
	ui->clock_ok = 0;
	if (ui->views == NULL)
		return;
	for (i = 0; i < ui->views->n; i++) {
		filter_clear(&ui->views->v[i].f);
		free(ui->views->v[i].error);
	}
	free(ui->views);
	ui->views = NULL;
	ui_view_words[VIEW_COUNT] = NULL;
}

/* How many views there are, heed's own and the saved ones. */
int
ui_views_count(const struct ui *ui)
{
	return VIEW_COUNT + (ui->views != NULL ? (int)ui->views->n : 0);
}

/* The saved view at a place, or NULL for one of heed's own. */
static const struct ui_saved *
ui_views_saved(const struct ui *ui, int v)
{
	if (v < VIEW_COUNT || ui->views == NULL || v >= ui_views_count(ui))
		return NULL;
	return &ui->views->v[v - VIEW_COUNT];
}

/* A view's name as the title shows it ("Inbox", "refunds"). */
const char *
ui_view_title(const struct ui *ui, int v)
{
	const struct ui_saved	*sv;

	if (v >= 0 && v < VIEW_COUNT)
		return ui_view_titles[v];
	if ((sv = ui_views_saved(ui, v)) != NULL)
		return sv->cv->name;
	return "?";
}

/*
 * What a view shows: which of heed's views (*from), and for a saved view
 * its filter expression (NULL for heed's own). -1 with *error (lent)
 * when the saved view's filter cannot be read.
 */
int
ui_view_of(const struct ui *ui, int v, enum store_view *from,
    const char **filter, const char **error)
{
	const struct ui_saved	*sv;

	*filter = NULL;
	if ((sv = ui_views_saved(ui, v)) == NULL) {
		*from = (enum store_view)v;
		return 0;
	}
	*from = (enum store_view)sv->cv->from;
	*filter = sv->cv->filter;
	if (sv->error != NULL) {
		*error = sv->error;
		return -1;
	}
	return 0;
}

/*
 * A view's count for the title: heed's own from the counters, a saved
 * one as last counted; UI_COUNT_FAILED when it could not be read,
 * UI_COUNT_PENDING before the counts are read (as the first frame goes
 * up).
 */
int64_t
ui_view_count(const struct ui *ui, int v)
{
	const struct ui_saved	*sv;

	if (!ui->counts_known && !ui->counts_failed)
		return UI_COUNT_PENDING;
	if (v >= 0 && v < VIEW_COUNT)
		return ui->counts_failed ? UI_COUNT_FAILED : ui->counts.view[v];
	if ((sv = ui_views_saved(ui, v)) == NULL || !sv->counted)
		return UI_COUNT_FAILED;
	return sv->count;
}

/* Count one waiting conversation on the clock (store's callback). */
static void
ui_views_overdue_one(void *arg, int64_t account, int64_t first)
{
	struct ui	*ui = arg;

	ui->conv_waiting++;
	ui->conv_overdue += clock_overdue(&ui->clock, account, first,
	    ui->now);
}

/*
 * Count the conversations waiting for an answer and those past their
 * target, for the status bar and the window's title, as heed status
 * counts them: on the clock when there are opening hours, else in one
 * read of the inbox's index. A few milliseconds on a large cache: done
 * once the first frame is up, never on the way to it.
 */
static void
ui_views_waiting(struct ui *ui)
{
	struct store_waiting	 w;
	char			*cause = NULL;
	int			 rc;

	if (!ui->painted)
		return;
	ui->conv_waiting = ui->conv_overdue = 0;
	if (ui->clock_ok && !ui->clock.simple)
		rc = store_waiting_each(ui->ctx.store, ui_views_overdue_one,
		    ui, &cause);
	else if ((rc = store_waiting(ui->ctx.store, ui->now -
	    config_int(ui->ctx.cfg, NULL, OPT_RESPONSE_TARGET), &w,
	    &cause)) == 0) {
		ui->conv_waiting = w.waiting;
		ui->conv_overdue = w.overdue;
	}
	if (rc != 0) {
		log_error("%s", cause);
		free(cause);
		ui->counts_failed = 1;
		return;
	}
	ui->conv_counted = 1;
}

/*
 * Count the saved views again (once the first frame is up: each is a
 * count of a filtered view, up to UI_FILTER_COUNT rows).
 */
static void
ui_views_refresh(struct ui *ui)
{
	struct ui_saved	*sv;
	char		*cause = NULL;
	size_t		 i;

	if (ui->views == NULL || !ui->painted)
		return;
	for (i = 0; i < ui->views->n; i++) {
		sv = &ui->views->v[i];
		if (sv->error != NULL)
			continue;
		sv->counted = store_queue_count(ui->ctx.store,
		    (enum store_view)sv->cv->from, &sv->f, UI_FILTER_COUNT,
		    &sv->count, &cause) == 0;
		if (!sv->counted) {
			log_error("counting view %s: %s", sv->cv->name, cause);
			free(cause);
			cause = NULL;
		}
	}
}

/*
 * Read which reply waits out its send delay, soonest first, for the
 * status bar's countdown (and to whom it goes).
 */
void
ui_delay_read(struct ui *ui)
{
	struct item	 it;
	int64_t		 item;
	char		*who;

	ui->delay_until = ui->delay_id = 0;
	if (store_outbox_delayed(ui->ctx.store, util_now(), &ui->delay_until,
	    &item, &ui->delay_id, NULL) != 0) {
		ui->delay_until = ui->delay_id = 0;
		return;
	}
	snprintf(ui->delay_who, sizeof ui->delay_who, "a customer");
	if (item != 0 && store_item_get(ui->ctx.store, item, &it, NULL) == 0) {
		/* Cut whole characters, to a width that leaves the rest. */
		who = text_first_line(ui_name_of(&it), 24);
		snprintf(ui->delay_who, sizeof ui->delay_who, "%s", who);
		free(who);
		item_clear(&it);
	}
}

/* Reload the counts for the bars. */
void
ui_refresh_counts(struct ui *ui)
{
	char	*cause = NULL;

	if (store_counts(ui->ctx.store, &ui->counts, &cause) != 0) {
		/* No number is better than a wrong one: the bars say "?". */
		if (!ui->counts_failed)
			ui_message(ui, 1, "The counts could not be read: %s",
			    cause);
		ui->counts_failed = 1;
		free(cause);
		return;
	}
	ui->counts_failed = 0;
	ui->counts_known = 1;
	ui_views_refresh(ui);
	ui_views_waiting(ui);
	ui_delay_read(ui);
}

/* A view's name for commands: heed's own, or a saved view's. */
static const char *
ui_view_word(const struct ui *ui, int v)
{
	const struct ui_saved	*sv;

	if (v < VIEW_COUNT)
		return store_view_word((enum store_view)v);
	sv = ui_views_saved(ui, v);
	return sv != NULL ? sv->cv->name : "?";
}

/* The view a command names ("inbox", a saved view's); -1 (said) if none. */
int
ui_view_arg(struct ui *ui, const char *arg)
{
	struct buf	b;
	int		v, n = ui_views_count(ui);

	for (v = 0; v < n; v++) {
		if (arg != NULL && strcmp(arg, ui_view_word(ui, v)) == 0)
			return v;
	}
	buf_init(&b, 0);
	for (v = 0; v < n; v++)
		buf_printf(&b, "%s%s", v == 0 ? "" : v == n - 1 ? " or " :
		    ", ", ui_view_word(ui, v));
	if (arg == NULL)
		ui_message(ui, 1, "view takes the name of a view: %s", b.data);
	else
		ui_message(ui, 1, "There is no view \"%s\": the views are %s.",
		    arg, b.data);
	buf_free(&b);
	return -1;
}
