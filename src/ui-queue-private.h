/*
 * ui-queue-private.h -- the queue screen's own state, shared by its two
 * files: ui-queue.c (reading the view a page at a time, moving, keys,
 * filters and views) and ui-queue-row.c (drawing a row, its marks, and
 * what the screen says when it has no rows).
 */
#ifndef HEED_UI_QUEUE_PRIVATE_H
#define HEED_UI_QUEUE_PRIVATE_H

/* The queue screen's own state. */
struct ui_queue {
	struct ui		*ui;
	enum store_view		 view;		/* what the store reads */
	int			 place;		/* the view's place in the
						   title: heed's own or a
						   saved view (ui-view.c) */
	struct store_filter	 filter;
	char			*filter_text;
	char			*search;	/* a search replaces the view */
	struct item_list	 items;		/* the rows read: each head */
	struct store_conv_list	 convs;		/* their conversations; none
						   for a search */
	struct ui_list		 list;		/* the rows on the screen */
	char			*error;		/* why they could not be read */
	int64_t			 sel_id;
	int			 have_top;
	int			 at_start;	/* the first row is the view's
						   first: rows that come to
						   sort before it show */
	int			 touched;	/* a key came: the selection
						   stays on its item; until
						   then, on the first row */
	struct store_key	 top;		/* the first row */
};

/* ui-queue-row.c */
extern const struct ui_mark ui_queue_marks[];
void	ui_queue_row(struct ui *, void *, const struct ui_list_line *);
void	ui_queue_legend(struct ui *);
void	ui_queue_empty(struct ui_queue *);
void	ui_queue_why(struct ui_queue *);

#endif
