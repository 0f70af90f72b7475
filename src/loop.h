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
/* A repeating timer's callback: the next delay in ms, or -1 to stop. */
typedef int64_t (*loop_every_cb)(void *);
/* A clock: monotonic milliseconds. */
typedef int64_t (*loop_clock_cb)(void *);

struct loop	*loop_new(void);
void		 loop_free(struct loop *);

/* Watch fd for events (POLLIN, POLLOUT); replaces an earlier watch. */
void		 loop_fd_set(struct loop *, int, short, loop_fd_cb, void *);
void		 loop_fd_clear(struct loop *, int);

/* Call fn once after ms milliseconds; returns an id for cancelling. */
uint64_t	 loop_timer_add(struct loop *, int64_t, loop_timer_cb, void *);
/* Call fn after ms milliseconds, then again after each delay it returns. */
uint64_t	 loop_every(struct loop *, int64_t, loop_every_cb, void *);
void		 loop_timer_cancel(struct loop *, uint64_t);

/*
 * The loop's clocks: monotonic milliseconds and wall-clock seconds. Code
 * that runs in the loop reads the time here, so that a test can set a
 * fake clock (loop_set_clock) and run the timers due (loop_run_due)
 * without waiting.
 */
int64_t		 loop_mono_ms(const struct loop *);
int64_t		 loop_now(const struct loop *);
void		 loop_set_clock(struct loop *, loop_clock_cb, void *);
/* Run the timers due now; return when the next is due (ms), or -1. */
int64_t		 loop_run_due(struct loop *);

/* Catch a signal and call fn for it from the loop. */
int		 loop_signal(struct loop *, int, loop_signal_cb, void *);
/* Call fn before every sleep (the UI paints there). */
void		 loop_before_sleep(struct loop *, loop_hook_cb, void *);

/* Run until loop_stop; returns the value given to loop_stop. */
int		 loop_run(struct loop *);
void		 loop_stop(struct loop *, int);

#endif
