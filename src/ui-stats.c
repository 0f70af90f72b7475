/*
 * ui-stats.c -- the statistics screen: how fast the shop answers, as
 * charts drawn in the terminal with their figures beside them. A summary
 * (all, each platform, each account, each kind: begun, answered, unanswered, the
 * median and p90 of the first response, the share within the target),
 * then per period the median and p90 of the first response, the share
 * answered within the target, and a histogram of how long the first
 * response took. The figures are stats.c's, the same as heed stats
 * prints for the same span.
 *
 * The span follows the period: the last 30 days by day, 12 weeks by
 * week, a year by month; p changes it, a narrows it to one account and
 * the next. The lines scroll when they do not fit. Bars are Unicode
 * blocks, or ASCII when ui->ascii says so (ui.c).
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "stats.h"
#include "text.h"
#include "ui-private.h"
#include "util.h"

#define UI_STATS_BAR_MAX	60	/* a bar is no longer than this */
#define UI_STATS_LABEL		10	/* the periods' and buckets' column */

/* What a line of the screen is, for its attributes. */
enum ui_stats_kind {
	UI_STATS_TEXT,
	UI_STATS_HEAD,		/* a chart's title */
	UI_STATS_NOTE,		/* a legend or a column heading */
	UI_STATS_ERROR
};

/* One line: its text, and the bar drawn after it in colour, if any. */
struct ui_stats_line {
	char	*text;
	char	*bar;		/* or NULL */
	int	 kind;		/* enum ui_stats_kind */
	int	 pair;		/* the bar's colour */
};

/* The statistics screen's own state. */
struct ui_stats {
	struct ui_list		 list;
	int			 by;		/* enum stats_by, never NONE */
	size_t			 account;	/* 0 all, else acc[account-1] */
	struct store_account	*acc;
	size_t			 nacc;
	struct stats		 set;
	struct stats_group	*g;
	size_t			 ng;
	char			*error;		/* why nothing could be read */
	struct ui_stats_line	*lines;
	size_t			 n;
	int			 cols;		/* laid out for; 0 again */
};

static const struct ui_screen_ops ui_stats_ops;

/* Free the lines laid out. */
static void
ui_stats_lines_free(struct ui_stats *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		free(s->lines[i].text);
		free(s->lines[i].bar);
	}
	free(s->lines);
	s->lines = NULL;
	s->n = 0;
}

/* Add a line; it takes text and bar. */
static void
ui_stats_add(struct ui_stats *s, int kind, char *text, char *bar, int pair)
{
	struct ui_stats_line	*l;

	s->lines = xreallocarray(s->lines, s->n + 1, sizeof *s->lines);
	l = &s->lines[s->n++];
	l->text = text;
	l->bar = bar;
	l->kind = kind;
	l->pair = pair;
}

/* Free what was read. */
static void
ui_stats_clear(struct ui_stats *s)
{
	stats_groups_free(s->g, s->ng);
	s->g = NULL;
	s->ng = 0;
	stats_free(&s->set);
	free(s->error);
	s->error = NULL;
}

/* The days of the span of a period: 30 days, 12 weeks or a year. */
static int64_t
ui_stats_span(int by)
{
	if (by == STATS_BY_DAY)
		return 30 * 86400;
	if (by == STATS_BY_WEEK)
		return 84 * 86400;
	return 365 * 86400;
}

/* Read the conversations of the span again, and make their groups. */
static void
ui_stats_reload(struct ui *ui, void *data)
{
	struct ui_stats	*s = data;
	char		*cause = NULL;

	ui_stats_clear(s);
	stats_init(&s->set, ui->now - ui_stats_span(s->by), ui->now, ui->now);
	if (s->account > 0)
		s->set.account_id = s->acc[s->account - 1].id;
	if (!ui->clock_ok)
		s->error = xstrdup("the response clock could not be read (see "
		    "the log file)");
	else if (stats_load(&s->set, ui->ctx.store, &ui->clock, &cause) != 0)
		s->error = cause;
	else
		s->ng = stats_groups(&s->set, s->acc, s->nacc, s->by, &s->g);
	s->cols = 0;
	ui->dirty = 1;
}

/* The summary's columns after the label, and its heading. */
#define UI_STATS_SUMMARY_COLS	56
static void
ui_stats_summary_row(struct ui_stats *s, size_t label, const char *name,
    const struct stats_row *r)
{
	char	med[32], p90[32], share[16], *cell;

	stats_age(r->median, med, sizeof med);
	stats_age(r->p90, p90, sizeof p90);
	if (stats_share(r) >= 0)
		snprintf(share, sizeof share, "%d%%", stats_share(r));
	else
		snprintf(share, sizeof share, "-");
	cell = text_pad(name, label);
	ui_stats_add(s, UI_STATS_TEXT, xprintf("%s %6lld %9lld %11lld %7s "
	    "%7s %10s", cell, (long long)r->begun, (long long)r->answered,
	    (long long)r->waiting, med, p90, share), NULL, 0);
	free(cell);
}

/* Lay out the summary: all, each platform, each account, each kind. */
static void
ui_stats_summary(struct ui *ui, struct ui_stats *s, size_t width)
{
	size_t	 label, i;
	char	 target[16], *cell, *name;

	label = width > UI_STATS_SUMMARY_COLS + 12 ? width -
	    UI_STATS_SUMMARY_COLS : 12;
	if (label > 24)
		label = 24;
	util_format_age(ui->clock.dflt.target, target, sizeof target);
	ui_stats_add(s, UI_STATS_HEAD, xprintf("Summary: the response target "
	    "is %s%s", target, ui->clock.simple ? "" : " (an account's own "
	    "where it has one), counted in opening hours"), NULL, 0);
	cell = text_pad("", label);
	ui_stats_add(s, UI_STATS_NOTE, xprintf("%s %6s %9s %11s %7s %7s %10s",
	    cell, "begun", "answered", "unanswered", "median", "p90",
	    "in target"), NULL, 0);
	free(cell);
	for (i = 0; i < s->ng; i++) {
		if (strcmp(s->g[i].group, "all") == 0)
			name = xstrdup("all");
		else if (strcmp(s->g[i].group, "platform") == 0 ||
		    strcmp(s->g[i].group, "account") == 0 ||
		    strcmp(s->g[i].group, "kind") == 0)
			name = xprintf("%s %s", s->g[i].group, s->g[i].key);
		else
			continue;
		ui_stats_summary_row(s, label, name, &s->g[i].row);
		free(name);
	}
}

/*
 * The names of the periods of the span, in order, those without a
 * conversation too (a week nobody wrote is a week). New array of new
 * strings.
 */
static size_t
ui_stats_periods(const struct ui_stats *s, char ***out)
{
	char	name[32];
	size_t	n = 0;
	int64_t	t;

	*out = NULL;
	for (t = s->set.since; t < s->set.until; t += 86400) {
		stats_period(s->by, t, name, sizeof name);
		if (n > 0 && strcmp((*out)[n - 1], name) == 0)
			continue;
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = xstrdup(name);
	}
	stats_period(s->by, s->set.until, name, sizeof name);
	if (n == 0 || strcmp((*out)[n - 1], name) != 0) {
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = xstrdup(name);
	}
	return n;
}

/*
 * Leave out the periods before the first that has a conversation (most
 * often before the cache's history begins); the number left, and the
 * note that says so in *note (new, or NULL).
 */
static size_t
ui_stats_trim(struct ui_stats *s, char **names, size_t n, char **note)
{
	size_t	i, j, k;

	for (i = 0; i + 1 < n; i++) {
		for (j = 0; j < s->ng; j++) {
			if (strcmp(s->g[j].group, stats_by_name(s->by)) == 0 &&
			    strcmp(s->g[j].key, names[i]) == 0)
				break;
		}
		if (j < s->ng)
			break;
	}
	*note = NULL;
	if (i == 0)
		return n;
	*note = xprintf("Nothing began in the %zu %s%s before %s.", i,
	    stats_by_name(s->by), i == 1 ? "" : "s", names[i]);
	for (k = 0; k < i; k++)
		free(names[k]);
	memmove(names, names + i, (n - i) * sizeof *names);
	return n - i;
}

/* The figures of a period (its group), or an empty row. */
static struct stats_row
ui_stats_period_row(const struct ui_stats *s, const char *name)
{
	struct stats_row	r;
	size_t			i;

	for (i = 0; i < s->ng; i++) {
		if (strcmp(s->g[i].group, stats_by_name(s->by)) == 0 &&
		    strcmp(s->g[i].key, name) == 0)
			return s->g[i].row;
	}
	stats_sum(NULL, 0, &r);
	return r;
}

/* The width of a bar after cols columns of figures, within width. */
static size_t
ui_stats_bar_width(size_t width, size_t cols)
{
	size_t	w = width > cols + 4 ? width - cols : 4;

	return w > UI_STATS_BAR_MAX ? UI_STATS_BAR_MAX : w;
}

/* Lay out the chart of the first response's median and p90 by period. */
static void
ui_stats_times(struct ui *ui, struct ui_stats *s, char **names, size_t n,
    size_t width)
{
	struct stats_row	 r;
	size_t			 i, bw = ui_stats_bar_width(width, 29);
	int64_t			 most = 1;
	char			 med[32], p90[32], scale[32], *cell;

	for (i = 0; i < n; i++) {
		r = ui_stats_period_row(s, names[i]);
		if (r.p90 > most)
			most = r.p90;
	}
	stats_age(most, scale, sizeof scale);
	ui_stats_add(s, UI_STATS_HEAD, xprintf("First response by %s: median "
	    "and 90th percentile", stats_by_name(s->by)), NULL, 0);
	cell = text_pad(stats_by_name(s->by), UI_STATS_LABEL);
	ui_stats_add(s, UI_STATS_NOTE, xprintf("%s  %7s  %7s  %s median  %s "
	    "to p90  (full bar %s)", cell, "median", "p90",
	    chart_solid(ui->ascii), chart_light(CHART_SHADE, ui->ascii),
	    scale), NULL, 0);
	free(cell);
	for (i = 0; i < n; i++) {
		r = ui_stats_period_row(s, names[i]);
		stats_age(r.median, med, sizeof med);
		stats_age(r.p90, p90, sizeof p90);
		cell = text_pad(names[i], UI_STATS_LABEL);
		ui_stats_add(s, UI_STATS_TEXT, xprintf("%s  %7s  %7s  ", cell,
		    med, p90), chart_bar(r.median, r.p90, most, bw, ui->ascii,
		    CHART_SHADE), PAIR_WARN);
		free(cell);
	}
}

/* Lay out the chart of the share answered within the target by period. */
static void
ui_stats_shares(struct ui *ui, struct ui_stats *s, char **names, size_t n,
    size_t width)
{
	struct stats_row	 r;
	size_t			 i, bw = ui_stats_bar_width(width, 28);
	char			 share[16], of[32], *cell;

	ui_stats_add(s, UI_STATS_HEAD, xprintf("Answered within the target by "
	    "%s (of those answered or waiting past it)", stats_by_name(s->by)),
	    NULL, 0);
	cell = text_pad(stats_by_name(s->by), UI_STATS_LABEL);
	ui_stats_add(s, UI_STATS_NOTE, xprintf("%s  %5s  %11s  %s within  %s "
	    "late", cell, "share", "in time", chart_solid(ui->ascii),
	    chart_light(CHART_TRACK, ui->ascii)), NULL, 0);
	free(cell);
	for (i = 0; i < n; i++) {
		r = ui_stats_period_row(s, names[i]);
		if (stats_share(&r) >= 0)
			snprintf(share, sizeof share, "%d%%", stats_share(&r));
		else
			snprintf(share, sizeof share, "-");
		snprintf(of, sizeof of, "%lld of %lld", (long long)r.within,
		    (long long)r.known);
		cell = text_pad(names[i], UI_STATS_LABEL);
		ui_stats_add(s, UI_STATS_TEXT, xprintf("%s  %5s  %11s  ", cell,
		    share, r.known > 0 ? of : ""), r.known > 0 ? chart_bar(
		    r.within, 0, r.known, bw, ui->ascii, CHART_TRACK) : NULL,
		    PAIR_OK);
		free(cell);
	}
}

/* Lay out the histogram of how long the first response took. */
static void
ui_stats_histogram(struct ui *ui, struct ui_stats *s, size_t width)
{
	const struct stats_row	*r = s->ng > 0 ? &s->g[0].row : NULL;
	size_t			 bw = ui_stats_bar_width(width, 27);
	int64_t			 most = 1;
	char			*cell, pct[16];
	int			 b;

	if (r == NULL)
		return;
	for (b = 0; b < STATS_NBUCKETS; b++) {
		if (r->buckets[b] > most)
			most = r->buckets[b];
	}
	ui_stats_add(s, UI_STATS_HEAD, xprintf("How long the first response "
	    "took: the %lld conversations begun", (long long)r->begun), NULL,
	    0);
	cell = text_pad("waited", UI_STATS_LABEL);
	ui_stats_add(s, UI_STATS_NOTE, xprintf("%s  %6s  %5s  %s "
	    "conversations", cell, "number", "share", chart_solid(ui->ascii)),
	    NULL, 0);
	free(cell);
	for (b = 0; b < STATS_NBUCKETS; b++) {
		snprintf(pct, sizeof pct, "%lld%%", r->begun > 0 ? (long long)
		    ((r->buckets[b] * 100 + r->begun / 2) / r->begun) : 0);
		cell = text_pad(stats_bucket_name(b), UI_STATS_LABEL);
		ui_stats_add(s, UI_STATS_TEXT, xprintf("%s  %6lld  %5s  ", cell,
		    (long long)r->buckets[b], pct), chart_bar(r->buckets[b], 0,
		    most, bw, ui->ascii, CHART_SHADE), b == STATS_UNANSWERED ?
		    PAIR_LATE : PAIR_TAG);
		free(cell);
	}
}

/* Lay every line out for the width of the window. */
static void
ui_stats_lay_out(struct ui *ui, struct ui_stats *s)
{
	char	**names, *note;
	size_t	  n, i, width = ui->cols > 2 ? (size_t)ui->cols - 2 : 1;

	ui_stats_lines_free(s);
	s->cols = ui->cols;
	if (s->error != NULL)
		ui_stats_add(s, UI_STATS_ERROR, xprintf("The statistics could "
		    "not be read: %s.", s->error), NULL, 0);
	else {
		ui_stats_summary(ui, s, width);
		n = ui_stats_periods(s, &names);
		ui_stats_add(s, UI_STATS_TEXT, xstrdup(""), NULL, 0);
		n = ui_stats_trim(s, names, n, &note);
		ui_stats_times(ui, s, names, n, width);
		if (note != NULL)
			ui_stats_add(s, UI_STATS_NOTE, note, NULL, 0);
		ui_stats_add(s, UI_STATS_TEXT, xstrdup(""), NULL, 0);
		ui_stats_shares(ui, s, names, n, width);
		ui_stats_add(s, UI_STATS_TEXT, xstrdup(""), NULL, 0);
		ui_stats_histogram(ui, s, width);
		for (i = 0; i < n; i++)
			free(names[i]);
		free(names);
	}
	ui_list_resize(&s->list, ui->rows > 5 ? (size_t)ui->rows - 5 : 1);
	ui_list_set_rows(&s->list, s->n, 0, NULL);
}

/* Draw a line of the screen (the list's callback). */
static void
ui_stats_line(struct ui *ui, void *arg, const struct ui_list_line *ln)
{
	struct ui_stats		*s = arg;
	struct ui_stats_line	*l = &s->lines[ln->line];
	size_t			 width = (size_t)ui->cols - 2, w;

	switch (l->kind) {
	case UI_STATS_HEAD:
		attrset(A_BOLD);
		break;
	case UI_STATS_NOTE:
		attrset(ui_attr(ui, PAIR_DIM, 0));
		break;
	case UI_STATS_ERROR:
		attrset(ui_attr(ui, PAIR_LATE, A_BOLD));
		break;
	}
	ui_draw_text(ln->y, 1, l->text, width);
	attrset(A_NORMAL);
	w = text_width(l->text);
	if (l->bar != NULL && w < width) {
		if (ui->color)
			attrset(ui_attr(ui, l->pair, 0));
		ui_draw_text(ln->y, 1 + (int)w, l->bar, width - w);
		attrset(A_NORMAL);
	}
}

/* Draw the heading: what is counted. */
static void
ui_stats_heading(struct ui *ui, struct ui_stats *s)
{
	char	from[16], to[16], *head;
	time_t	t;

	t = (time_t)s->set.since;
	strftime(from, sizeof from, "%Y-%m-%d", localtime(&t));
	t = (time_t)s->set.until;
	strftime(to, sizeof to, "%Y-%m-%d", localtime(&t));
	head = xprintf("Statistics by %s, %s to %s, %s%s; spam and unanswered "
	    "thanks left out",
	    stats_by_name(s->by), from, to, s->account > 0 ? "account " :
	    "all accounts", s->account > 0 ? s->acc[s->account - 1].name : "");
	attrset(A_BOLD);
	ui_draw_text(1, 1, head, (size_t)ui->cols - 2);
	attrset(A_NORMAL);
	free(head);
}

/* Draw the statistics screen. */
static void
ui_stats_draw(struct ui *ui, void *data)
{
	struct ui_stats	*s = data;

	if (s->cols != ui->cols || s->lines == NULL)
		ui_stats_lay_out(ui, s);
	ui_stats_heading(ui, s);
	ui_list_draw(ui, &s->list, 3);
}

/* Count by another period, or narrow to another account, and say so. */
static void
ui_stats_change(struct ui *ui, struct ui_stats *s)
{
	ui_stats_reload(ui, s);
	ui_list_set_top(&s->list, 0);
	ui_message(ui, 0, "By %s, %s%s.", stats_by_name(s->by),
	    s->account > 0 ? "account " : "all accounts", s->account > 0 ?
	    s->acc[s->account - 1].name : "");
}

/* Handle an action on the statistics screen. */
static void
ui_stats_key(struct ui *ui, void *data, int action, uint32_t key)
{
	struct ui_stats	*s = data;

	(void)key;
	switch (action) {
	case ACT_DOWN:
	case ACT_UP:
		ui_list_move(&s->list, action == ACT_DOWN ? 1 : -1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		ui_list_page(&s->list, action == ACT_PAGE_DOWN);
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		ui_list_end(&s->list, action == ACT_BOTTOM);
		break;
	case ACT_BACK:
	case ACT_QUIT:
		ui_screen_pop(ui, s);
		break;
	case ACT_PERIOD:
		s->by = s->by == STATS_BY_DAY ? STATS_BY_WEEK :
		    s->by == STATS_BY_WEEK ? STATS_BY_MONTH : STATS_BY_DAY;
		ui_stats_change(ui, s);
		break;
	case ACT_ACCOUNT:
		if (s->nacc < 2) {
			ui_message(ui, 0, "There is only one account to count.");
			break;
		}
		s->account = (s->account + 1) % (s->nacc + 1);
		ui_stats_change(ui, s);
		break;
	}
}

static const char *const ui_stats_periods_words[] = {
	"day", "week", "month", NULL
};

static const struct ui_cmd ui_stats_cmds[] = {
	{ "period", "day|week|month", "count by day, week or month",
	    ui_stats_periods_words },
	{ NULL, NULL, NULL, NULL }
};

/* The command "period WORD": count by that period. */
static int
ui_stats_command(struct ui *ui, void *data, const char *name,
    const char *arg)
{
	struct ui_stats	*s = data;

	if (strcmp(name, "period") != 0 || arg == NULL)
		return 0;
	if (strcmp(arg, "day") == 0)
		s->by = STATS_BY_DAY;
	else if (strcmp(arg, "week") == 0)
		s->by = STATS_BY_WEEK;
	else if (strcmp(arg, "month") == 0)
		s->by = STATS_BY_MONTH;
	else {
		ui_message(ui, 1, "period takes day, week or month.");
		return 1;
	}
	ui_stats_change(ui, s);
	return 1;
}

/* Lay the lines out again for the new size of the window. */
static void
ui_stats_resize(struct ui *ui, void *data)
{
	struct ui_stats	*s = data;

	(void)ui;
	s->cols = 0;
}

/* Free the statistics screen. */
static void
ui_stats_free(struct ui *ui, void *data)
{
	struct ui_stats	*s = data;

	(void)ui;
	ui_stats_clear(s);
	ui_stats_lines_free(s);
	store_account_list_free(s->acc, s->nacc);
	ui_list_free(&s->list);
	free(s);
}

static const struct ui_screen_ops ui_stats_ops = {
	.name = "stats",
	.keys = SCREEN_STATS,
	.hint = "? help  p day/week/month  a account  j/k PgDn scroll  q back",
	.draw = ui_stats_draw,
	.key = ui_stats_key,
	.free = ui_stats_free,
	.reload = ui_stats_reload,
	.resize = ui_stats_resize,
	.cmds = ui_stats_cmds,
	.command = ui_stats_command,
};

/* Show the statistics, by week, in place of a thread. */
void
ui_stats_open(struct ui *ui)
{
	struct ui_stats	*s = xcalloc(1, sizeof *s);

	ui_list_init(&s->list, UI_LIST_SCROLL, ui_stats_line, NULL, s);
	s->by = STATS_BY_WEEK;
	if (store_account_list(ui->ctx.store, &s->acc, &s->nacc, NULL) != 0) {
		s->acc = NULL;
		s->nacc = 0;
	}
	while (ui->nstack > 1)
		ui_screen_drop(ui, ui_screen_top(ui)->data);
	ui_screen_push(ui, &ui_stats_ops, s);
	ui_stats_reload(ui, s);
}
