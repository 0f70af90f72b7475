/*
 * loop.h -- the one poll() loop: file events, timers, signals and a
 * before-sleep hook. Signal handlers only write to a pipe; the work happens
 * here, in the loop.
 */
#ifndef HEED_LOOP_H
#define HEED_LOOP_H

#include <stdint.h>

struct loop;

typedef void (*loop_fd_cb)(int, short, void *);
typedef void (*loop_timer_cb)(void *);
typedef void (*loop_signal_cb)(int, void *);
typedef void (*loop_hook_cb)(void *);

struct loop	*loop_new(void);
void		 loop_free(struct loop *);

/* Watch fd for events (POLLIN, POLLOUT); replaces an earlier watch. */
void		 loop_fd_set(struct loop *, int, short, loop_fd_cb, void *);
void		 loop_fd_clear(struct loop *, int);

/* Call fn once after ms milliseconds; returns an id for cancelling. */
uint64_t	 loop_timer_add(struct loop *, int64_t, loop_timer_cb, void *);
void		 loop_timer_cancel(struct loop *, uint64_t);

/* Catch a signal and call fn for it from the loop. */
int		 loop_signal(struct loop *, int, loop_signal_cb, void *);
/* Call fn before every sleep (the UI paints there). */
void		 loop_before_sleep(struct loop *, loop_hook_cb, void *);

/* Run until loop_stop; returns the value given to loop_stop. */
int		 loop_run(struct loop *);
void		 loop_stop(struct loop *, int);

#endif
