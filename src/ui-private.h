/*
 * ui-private.h -- what the ui*.c files share: the terminal, the bars and
 * the message line, prompts, and the stack of screens. Each screen keeps
 * its own state in its own file, behind a table of operations. A screen
 * opens another by its open function (downwards only, as drawn below);
 * it reaches the screens under it only through the stack.
 *
 * The files call downwards only, never in a circle:
 *
 *   ui.c (the loop, keys, painting)  -> ui-queue.c, ui-command.c,
 *                                       ui-bar.c (the bars), ui-undo.c
 *                                       (to free it)
 *   ui-command.c (an action from a   -> ui-help.c, ui-undo.c, and the
 *   key or the command line)            screen on top through its ops
 *   ui-queue.c                       -> ui-thread.c, ui-action.c
 *   ui-thread.c                      -> ui-action.c
 *   ui-action.c (what u, d, s... do) -> ui-triage.c (done, snooze,
 *                                       flag, note, kind, tags), ui-reply.c,
 *                                       ui-outbox.c, ui-stats.c (the
 *                                       charts), ui-log.c (the activity
 *                                       log)
 *   ui-log.c                         -> ui-thread.c (Enter on a row)
 *   ui-triage.c, ui-action.c         -> ui-undo.c (what u takes back)
 *   ui-reply.c, ui-outbox.c          -> ui-compose.c -> ui-check.c
 *   ui-compose.c                     -> ui-spell.c (the underlines and
 *                                       the word list's key)
 *   ui-reply.c, ui-outbox.c, ui-check.c -> ui-sent.c
 *   the list-shaped screens (queue,  -> ui-list.c (the list of rows:
 *   thread, outbox, help, stats, log)   selection, scrolling, marks),
 *                                       which calls back only the
 *                                       screen that owns the list
 *   all of them                      -> ui-draw.c -> ui-screen.c (the
 *                                       stack), which call no screen
 *
 * Going back (Esc, q) pops the screen on top and reloads the one below.
 */
#ifndef HEED_UI_PRIVATE_H
#define HEED_UI_PRIVATE_H

#include "clock.h"

#include <stddef.h>
#include <stdint.h>

#include "edit.h"
#include "keys.h"
#include "model.h"
#include "store.h"
#include "ui.h"

#define UI_STACK_MAX	8
#define UI_MIN_COLS	40
#define UI_MIN_ROWS	10
#define UI_RECENT_REPLY	3600	/* a reply sent this lately is asked about */
#define UI_NO_ANSWER_MS	3000	/* a send waits this long: "no answer yet" */

enum ui_pair {
	PAIR_TITLE = 1,
	PAIR_SELECTED,
	PAIR_OK,
	PAIR_WARN,
	PAIR_LATE,
	PAIR_OWN,
	PAIR_DIM,
	PAIR_STATUS,
	PAIR_ERROR,
	PAIR_FLAG,
	PAIR_TAG
};

struct ui;
typedef void (*ui_answer_cb)(struct ui *, const char *);
/* Complete what a line prompt holds (Tab). */
typedef void (*ui_complete_cb)(struct ui *);

/* A question at the bottom line (line input) or in a box (choice). */
struct ui_prompt {
	int		 active;
	int		 choice;	/* 1: a key from choices answers */
	char		*label;
	char		*body;		/* text shown in the box, or above
					   a line (what Tab can complete) */
	char		*choices;	/* keys that answer a choice */
	struct edit	 ed;
	ui_answer_cb	 done;
	ui_complete_cb	 complete;	/* Tab in a line; NULL: none */
};

/* A mark a screen's rows carry, and what it means (short and long). */
struct ui_mark {
	char		 mark;
	const char	*word;		/* for a legend on one line */
	const char	*meaning;	/* for the help */
};

/*
 * A command of the command line that takes an argument, which the
 * screen's command op runs; the names of its actions are commands too.
 */
struct ui_cmd {
	const char		*name;
	const char		*arg;		/* what it takes, for the help */
	const char		*help;
	const char *const	*words;		/* what arg may be; NULL: any */
};

/* Text a screen holds that the cache could not take (all lent). */
struct ui_unsaved {
	const char	*to;		/* whom it was written to */
	const char	*error;		/* why the cache refused it */
	const char	*text;
};

/*
 * What a screen does. draw, key and free are required; the rest may be
 * NULL. Each gets the screen's own state as its second argument.
 */
struct ui_screen_ops {
	const char	*name;
	int		 keys;		/* enum key_screen; -1: the below's */
	int		 overlay;	/* drawn over the screen below it */
	/*
	 * C-c is a key of this screen, looked up in its keymap and given to
	 * key (the composer, where it may be bound); elsewhere it quits.
	 */
	int		 own_ctrl_c;
	const char	*hint;		/* the bottom line; NULL: the usual */
	/* The bottom line as the screen's state makes it (lent); or NULL. */
	const char	*(*hint_now)(struct ui *, void *);
	const struct ui_mark *marks;	/* of its rows, ended by a 0 mark */
	void		(*draw)(struct ui *, void *);
	/* An action from the keymap, and the key itself. */
	void		(*key)(struct ui *, void *, int, uint32_t);
	void		(*free)(struct ui *, void *);
	/* Read again from the cache (something changed). */
	void		(*reload)(struct ui *, void *);
	/* The terminal changed size. */
	void		(*resize)(struct ui *, void *);
	/*
	 * A command of cmds (ended by a NULL name), with its argument; 1 if
	 * this screen ran it. Without an argument, a command that is also
	 * an action runs as the action.
	 */
	const struct ui_cmd *cmds;
	int		(*command)(struct ui *, void *, const char *,
			    const char *);
	/* Take every mark off its rows (a change was made to them). */
	void		(*unmark)(struct ui *, void *);
	/* Bring an item into view (after undo). */
	void		(*show)(struct ui *, void *, int64_t);
	/* Save what can be saved; 1 and *u if text is still unsaved. */
	int		(*unsaved)(struct ui *, void *, struct ui_unsaved *);
};

/*
 * A list of rows on a screen (ui-list.c): which row is selected, which
 * line is shown first, and the marks. The screen keeps the rows and
 * draws each line shown through draw; it reads the fields, and changes
 * them only through the ui_list_* functions.
 */
#define UI_LIST_SCROLL	0x1	/* no selection: moving scrolls (help) */
#define UI_LIST_SNAP	0x2	/* the first line shown is a row's first */
#define UI_LIST_HEAD	SIZE_MAX	/* a line above the first row */

/* One line of a list to draw. */
struct ui_list_line {
	size_t		line;		/* the line of the list, from 0 */
	size_t		row;		/* its row, or UI_LIST_HEAD */
	size_t		part;		/* the line within the row, from 0 */
	int		y;		/* the line of the screen */
	int		selected;	/* its row is the selected one */
	int		marked;		/* its row is marked */
};
typedef void	(*ui_list_draw_cb)(struct ui *, void *,
		    const struct ui_list_line *);
/* The key that marks a row by (an item's id); NULL: the row's index. */
typedef int64_t	(*ui_list_key_cb)(void *, size_t);

struct ui_list {
	int		 flags;		/* UI_LIST_* */
	size_t		 n;		/* rows */
	size_t		 head;		/* lines above the first row */
	size_t		*start;		/* first line of each row, and the end;
					   NULL: one line a row */
	size_t		 sel;		/* the selected row */
	size_t		 top;		/* the first line shown */
	size_t		 height;	/* lines the screen has room for */
	ui_list_draw_cb	 draw;
	ui_list_key_cb	 key;
	void		*arg;		/* the screen's, for draw and key */

	int64_t		*marks;		/* keys of the marked rows, sorted */
	size_t		 nmarks;
	size_t		 capmarks;
	int		 visual;	/* a range is being marked */
	int64_t		 anchor;	/* the key of the row it started on */
	int		 anchor_side;	/* that row: -1 above, 1 below */
	int64_t		*vkeys;		/* what the range marked, sorted */
	size_t		 nvkeys;
	size_t		 capvkeys;
};

/*
 * A conversation an action is about: one of its messages, and the newest
 * of it the user saw (created; 0: all of it).
 */
struct ui_target {
	int64_t	id;
	int64_t	upto;
};

struct ui_screen {
	const struct ui_screen_ops	*ops;
	void				*data;	/* owned by the screen */
};

/* How far the rows a filter lets through are counted for the title. */
#define UI_FILTER_COUNT	10000

/* What ui_view_count gives for a count it cannot give. */
#define UI_COUNT_FAILED		(-1)	/* could not be read: "?" */
#define UI_COUNT_PENDING	(-2)	/* not read yet: "..." */

struct ui {
	struct ui_context	 ctx;
	int			 rows;
	int			 cols;
	int			 color;
	int			 ascii;		/* charts in ASCII, not blocks */
	int			 dirty;
	int			 quit;
	int			 quit_asked;	/* a signal was held back */
	int			 locale_part;	/* the rest after the first paint */
	int64_t			 now;
	int			 cur_show;	/* where the cursor goes */
	int			 cur_y;
	int			 cur_x;

	/* The screens, the queue at the bottom; the last one is on top. */
	struct ui_screen	 stack[UI_STACK_MAX];
	size_t			 nstack;

	/* The bars. */
	int			 bar_view;	/* view marked in the title (its
						   place: ui-view.c) */
	struct ui_views		*views;		/* the saved views */
	struct clock		 clock;		/* targets and business hours */
	struct ui_alerts	*alerts;	/* ui-alert.c's */
	/*
	 * Screens that other screens open, set by ui.c: through these a
	 * screen opens the thread or the composer without calling into
	 * their files, so that no two screen files call each other.
	 */
	void			(*open_thread)(struct ui *, int64_t);
	int			(*open_compose)(struct ui *,
				    const struct item *, const char *, int);
	int			 clock_ok;
	int64_t			 conv_waiting;	/* the conversations waiting
						   for an answer, */
	int64_t			 conv_overdue;	/* and those overdue (in
						   opening hours if set) */
	int			 conv_counted;	/* ... once the first frame
						   is up */
	int			 painted;	/* the first frame is up */
	char			 bar_why[160];	/* why the selected row is
						   where it is; "" none */
	const char		*bar_filter;	/* the view's filter; lent */
	int64_t			 bar_filtered;	/* its rows the filter lets
						   through, up to UI_FILTER_COUNT */
	struct store_counts	 counts;
	int			 counts_failed;	/* counts unknown: shown as ? */
	int			 counts_known;	/* read once: the first frame
						   goes up without them */
	uint64_t		 settle_timer;	/* the work after the first
						   frame, until it runs */
	char			*wake_error;	/* why snoozed items stay asleep */
	int64_t			 seen_changes;
	uint64_t		 bar_timer;	/* paints a send's wait */
	int64_t			 delay_until;	/* a reply leaves then (its send
						   delay); 0 none */
	char			 delay_who[64];	/* to whom */
	int64_t			 delay_id;	/* its outbox entry */

	/* Messages and prompts. */
	char			*msg;
	int			 msg_error;
	int			 msg_logged;	/* written to the log whole */
	unsigned int		 msg_serial;	/* counts the messages */

	/* A sync asked for ($), said until it ends. */
	unsigned int		 sync_msg;	/* its message's serial; 0 */
	int			 sync_ran;	/* an account ran it */
	int64_t			 sync_items;	/* items before it */
	struct ui_prompt	 prompt;

	/* What a prompt is about, for the item actions of any screen. */
	int64_t			 act_item;	/* the item */
	int64_t			 act_upto;	/* the newest message of its
						   conversation the user saw
						   (created); 0: all */
	int			 act_kind;	/* the action asked about */
	struct ui_target	*act_marks;	/* the marked conversations
						   it is about; NULL: act_item */
	size_t			 nact_marks;
	struct ui_undo		*undo;		/* ui-undo.c's, or NULL */
};

/* ui-draw.c: what every screen uses; it calls no screen. */
void	ui_message(struct ui *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	ui_ask_line(struct ui *, const char *, const char *, ui_answer_cb);
void	ui_ask_choice(struct ui *, const char *, const char *, const char *,
	    ui_answer_cb);
void	ui_prompt_key(struct ui *, uint32_t);
void	ui_prompt_clear(struct ui *);
char	*ui_complete_word(struct ui *, const char *, const char *const *,
	    size_t);
void	ui_draw_text(int, int, const char *, size_t);
int	ui_draw_wrapped(int, int, const char *, size_t, int);
void	ui_draw_fill(int, int, int);
int	ui_attr(struct ui *, int, int);
void	ui_suspend(struct ui *);
void	ui_resume(struct ui *);
const struct platform_ops *ui_platform(struct ui *, const struct item *);
size_t	 ui_text_limit(struct ui *, const struct item *,
	    const struct platform_ops *);
const struct config_account *ui_account_config(struct ui *, int64_t);
char	*ui_text_length(struct ui *, const struct item *, const char *,
	    size_t, int *);
const char *ui_name_of(const struct item *);
char	*ui_name_handle(const struct item *);
int	ui_act_item(struct ui *, struct item *);
int	ui_view_arg(struct ui *, const char *);

void	ui_quit(struct ui *);
void	ui_sync_now(struct ui *);

/* ui-list.c: the list of rows of a screen. */
void	ui_list_init(struct ui_list *, int, ui_list_draw_cb, ui_list_key_cb,
	    void *);
void	ui_list_free(struct ui_list *);
void	ui_list_set_rows(struct ui_list *, size_t, size_t, const size_t *);
void	ui_list_resize(struct ui_list *, size_t);
void	ui_list_set_top(struct ui_list *, size_t);
size_t	ui_list_lines(const struct ui_list *);
long	ui_list_move(struct ui_list *, long);
void	ui_list_page(struct ui_list *, int);
void	ui_list_end(struct ui_list *, int);
void	ui_list_jump(struct ui_list *, size_t);
void	ui_list_draw(struct ui *, const struct ui_list *, int);
int	ui_list_marked(const struct ui_list *, size_t);
void	ui_list_mark(struct ui_list *, size_t, int);
void	ui_list_toggle(struct ui_list *);
void	ui_list_unmark_all(struct ui_list *);
const int64_t *ui_list_marks(const struct ui_list *, size_t *);
void	ui_list_visual(struct ui_list *, int);

/* ui-view.c: the reply waiting out its send delay, for the countdown. */
void	ui_delay_read(struct ui *);

/* ui-alert.c: alerts in the open inbox, and the window's title. */
struct ui_alerts;
void	ui_alert_start(struct ui *);
void	ui_alert_check(struct ui *, int);
void	ui_alert_title(struct ui *);
void	ui_alert_end(struct ui *);

/* ui-screen.c: the stack of screens. */

/* ui-view.c: heed's views and the saved ones (see there). */
extern const char *ui_view_words[];
void		 ui_views_init(struct ui *);
void		 ui_views_free(struct ui *);
int		 ui_views_count(const struct ui *);
void		 ui_refresh_counts(struct ui *);
const char	*ui_view_title(const struct ui *, int);
int		 ui_view_of(const struct ui *, int, enum store_view *,
		     const char **, const char **);
int64_t		 ui_view_count(const struct ui *, int);

/* ui-bar.c: the title, status and bottom bars. */
void	ui_draw_title(struct ui *);
void	ui_sync_watch(struct ui *);
void	ui_draw_status(struct ui *, int);
size_t	ui_message_lines(struct ui *, char ***);
void	ui_draw_bottom(struct ui *, char **, size_t);
void	ui_bar_ticks(struct ui *);
void	ui_screen_push(struct ui *, const struct ui_screen_ops *, void *);
void	ui_screen_pop(struct ui *, void *);
void	ui_screen_drop(struct ui *, void *);
struct ui_screen *ui_screen_top(struct ui *);
struct ui_screen *ui_screen_main(struct ui *);
int	ui_screen_keys(struct ui *);
void	ui_screen_reload(struct ui *);
void	*ui_screen_find(struct ui *, const struct ui_screen_ops *);
int	ui_screen_unsaved(struct ui *, struct ui_unsaved *);

/* ui-sent.c: what was sent, or is on its way. */
char	*ui_sent_owner(struct ui *, const char *);
char	*ui_sent_said(struct ui *, const struct outbox_entry *,
	    const char *);
int	ui_sent_recent(struct ui *, const struct item *, int,
	    struct outbox_entry *);

/* The screens, and what opens them. */
void	ui_queue_open(struct ui *);
void	ui_thread_open(struct ui *, int64_t);
int	ui_compose_open(struct ui *, const struct item *, const char *, int);
void	ui_compose_saved(struct ui *, const struct item *);
/* What the check screen does with a reply: send it, or go back to it. */
struct ui_check_to {
	void	(*send)(struct ui *, void *);
	void	(*jump)(struct ui *, void *, size_t);	/* a byte offset */
};
void	ui_check_open(struct ui *, const struct item *, const char *, int,
	    const struct ui_check_to *, void *);
void	ui_outbox_open(struct ui *);
void	ui_help_open(struct ui *);

/* ui-spell.c: the composer's spelling (see there). */
struct ui_spell;
struct ui_spell	*ui_spell_new(struct ui *, const struct edit *,
		    const struct item *);
void		 ui_spell_free(struct ui_spell *);
void		 ui_spell_touch(struct ui_spell *);
void		 ui_spell_draw_row(struct ui_spell *, int, int, const char *,
		     size_t, size_t, size_t);
const char	*ui_spell_note(const struct ui_spell *);
void		 ui_spell_add_word(struct ui_spell *);
void	ui_stats_open(struct ui *);
void	ui_log_open(struct ui *);

/* ui-action.c, ui-reply.c, ui-command.c, ui-help.c */
int	ui_action_item(struct ui *, int, struct item *);
void	ui_action_sort_rest(struct ui *);
void	ui_action_snooze(struct ui *, const struct item *, const char *);
int	ui_action_marked(struct ui *, int, struct item *,
	    const struct ui_target *, size_t);

/* ui-triage.c: done, snooze, flag, note, kind and tags (see there). */
void	ui_targets_clear(struct ui *);
void	ui_triage_done(struct ui *, const struct item *);
void	ui_triage_snooze(struct ui *, const struct item *);
void	ui_triage_snooze_typed(struct ui *, const char *);
void	ui_triage_flag(struct ui *, const struct item *);
void	ui_triage_note(struct ui *, const struct item *);
void	ui_triage_kind(struct ui *, const struct item *);
void	ui_triage_tag(struct ui *, const struct item *);
void	ui_triage_done_lane(struct ui *);

/* ui-undo.c: what u takes back (see there). */
void	ui_undo_begin(struct ui *);
size_t	ui_undo_add(struct ui *, const struct item *, int);
size_t	ui_undo_push(struct ui *, const struct item *, int);
void	ui_undo_says(struct ui *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	ui_undo_set_says(struct ui *, const char *);
void	ui_undo_drop(struct ui *);
void	ui_undo_size(struct ui *, size_t *, size_t *);
void	ui_undo_free(struct ui *);
void	ui_undo_ask(struct ui *, const struct item *);
void	ui_undo_reply(struct ui *, const struct item *, int64_t, int);
void	ui_action_moved(struct ui *);
void	ui_reply_start(struct ui *, int, struct item *,
	    const struct platform_ops *);
void	ui_command_action(struct ui *, int, uint32_t);
size_t	ui_command_names(struct ui *, const char ***);

#endif
