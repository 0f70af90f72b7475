/*
 * ui-private.h -- what the ui*.c files share.
 */
#ifndef HEED_UI_PRIVATE_H
#define HEED_UI_PRIVATE_H

#include <stdint.h>

#include "edit.h"
#include "keys.h"
#include "model.h"
#include "store.h"
#include "ui.h"

#define UI_UNDO_MAX	64
#define UI_MIN_COLS	40
#define UI_MIN_ROWS	10
#define UI_RECENT_REPLY	3600	/* a reply sent this lately is asked about */

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

/* A question at the bottom line (line input) or in a box (choice). */
struct ui_prompt {
	int		 active;
	int		 choice;	/* 1: a key from choices answers */
	char		*label;
	char		*body;		/* text shown in the box */
	char		*choices;	/* keys that answer a choice */
	struct edit	 ed;
	ui_answer_cb	 done;
};

/* One drawn line of the thread view. */
struct ui_tline {
	char	*text;
	size_t	 item;		/* index into thread items; SIZE_MAX: post */
	int	 indent;
	int	 header;	/* the author line of an item */
};

struct ui {
	struct ui_context	 ctx;
	int			 rows;
	int			 cols;
	int			 color;
	int			 screen;	/* enum key_screen */
	int			 dirty;
	int			 help;
	size_t			 help_scroll;
	int			 quit;
	int64_t			 now;
	int			 cur_show;	/* where the cursor goes */
	int			 cur_y;
	int			 cur_x;

	/* Queue. */
	enum store_view		 view;
	struct store_filter	 filter;
	char			*filter_text;
	char			*search;	/* a search replaces the view */
	struct item_list	 q;
	char			*q_error;	/* why the rows could not be read */
	size_t			 qsel;
	int64_t			 sel_id;
	struct store_counts	 counts;
	int			 counts_failed;	/* counts unknown: shown as ? */
	char			*wake_error;	/* why snoozed items stay asleep */
	int			 have_top;
	struct store_key	 top;

	/* Thread. */
	int64_t			 thread_id;
	struct store_thread	 th;
	int			 have_thread;
	struct ui_tline		*lines;
	size_t			 nlines;
	size_t			 tsel;
	size_t			 tscroll;
	int			 tlines_cols;

	/* Composer. */
	struct edit		 ed;
	struct item		 reply;		/* the item answered */
	int			 checking;	/* the check screen is up */
	char			*check_note;	/* a reply already on its way */
	int			 reply_private;	/* a private reply */
	int			 compose_back;	/* screen to go back to */
	uint64_t		 draft_timer;
	int			 draft_unsaved;	/* the cache lacks the text */
	char			*draft_error;	/* why it was not saved */
	int			 quit_asked;	/* a signal was held back */
	size_t			 escroll;

	/* Outbox. */
	struct outbox_entry	*ob;
	size_t			 nob;
	char			*ob_error;	/* why it could not be read */
	char			**ob_who;	/* whom each entry is about */
	char			**ob_acct;	/* each entry's account name */
	size_t			 obsel;
	size_t			 obtop;		/* the first entry drawn */
	int			 ob_back;

	/* Messages, prompts, undo. */
	char			*msg;
	int			 msg_error;
	int			 msg_logged;	/* written to the log whole */
	struct ui_prompt	 prompt;
	int64_t			 act_item;	/* the item a prompt is about */
	int64_t			 act_entry;	/* the outbox entry, likewise */
	int			 act_kind;
	struct item		 undo[UI_UNDO_MAX];
	size_t			 nundo;
	int64_t			 seen_changes;
};

/* ui.c */
void	ui_message(struct ui *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	ui_ask_line(struct ui *, const char *, const char *, ui_answer_cb);
void	ui_ask_choice(struct ui *, const char *, const char *, const char *,
	    ui_answer_cb);
void	ui_draw_text(int, int, const char *, size_t);
void	ui_draw_fill(int, int, int);
int	ui_attr(struct ui *, int, int);
void	ui_refresh_counts(struct ui *);
void	ui_suspend(struct ui *);
void	ui_resume(struct ui *);
const struct platform_ops *ui_platform(struct ui *, const struct item *);
void	ui_quit(struct ui *);

/* ui-queue.c */
void	ui_queue_reload(struct ui *);
void	ui_queue_draw(struct ui *);
void	ui_queue_key(struct ui *, int);
struct item *ui_queue_current(struct ui *);
void	ui_queue_set_view(struct ui *, enum store_view);
void	ui_queue_show(struct ui *, int64_t);
void	ui_queue_search(struct ui *, const char *);
int	ui_queue_filter(struct ui *, const char *, char **);

/* ui-thread.c */
void	ui_thread_open(struct ui *, int64_t);
void	ui_thread_reload(struct ui *);
void	ui_thread_draw(struct ui *);
void	ui_thread_key(struct ui *, int);
struct item *ui_thread_current(struct ui *);
void	ui_thread_free(struct ui *);

/* ui-compose.c */
void	ui_compose_open(struct ui *, const struct item *, const char *);
void	ui_compose_draw(struct ui *);
void	ui_compose_key(struct ui *, int, uint32_t);
int	ui_compose_save(struct ui *);
int	ui_compose_unsaved(const struct ui *);
const char *ui_compose_to(const struct item *);
void	ui_compose_free(struct ui *);

/* ui-outbox.c */
void	ui_outbox_open(struct ui *);
void	ui_outbox_reload(struct ui *);
void	ui_outbox_draw(struct ui *);
void	ui_outbox_key(struct ui *, int);
void	ui_outbox_free(struct ui *);
char	*ui_outbox_who(struct ui *, const char *);

/* ui-action.c */
int	ui_act_item(struct ui *, struct item *);
int	ui_action_item(struct ui *, int, struct item *);
void	ui_action_undo(struct ui *);
int	ui_command(struct ui *, const char *);
void	ui_help_draw(struct ui *);

/* ui-reply.c */
void	ui_reply_start(struct ui *, int, struct item *,
	    const struct platform_ops *);
void	ui_reply_saved(struct ui *, struct item *);
char	*ui_reply_said(struct ui *, const struct outbox_entry *,
	    const char *);
int	ui_reply_recent(struct ui *, const struct item *, int,
	    struct outbox_entry *);

#endif
