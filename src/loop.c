/*
 * loop.c -- the one poll() loop.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "loop.h"
#include "util.h"

#define LOOP_MAX_SIGNALS 8

struct loop_fd {
	int		 fd;
	short		 events;
	loop_fd_cb	 fn;
	void		*arg;
};

struct loop_timer {
	uint64_t	 id;
	int64_t		 when;		/* monotonic ms */
	loop_timer_cb	 fn;
	loop_every_cb	 every;		/* or this, for a repeating one */
	void		*arg;
};

struct loop {
	struct loop_fd		*fds;
	size_t			 nfds;
	struct loop_timer	*timers;
	size_t			 ntimers;
	uint64_t		 next_id;
	struct {
		int		 signo;
		loop_signal_cb	 fn;
		void		*arg;
	}			 signals[LOOP_MAX_SIGNALS];
	size_t			 nsignals;
	loop_hook_cb		 before;
	void			*before_arg;
	loop_clock_cb		 clock;		/* NULL: the system's */
	void			*clock_arg;
	int64_t			 wall_base;	/* seconds at clock 0 */
	uint64_t		 firing;	/* the timer being run */
	int			 firing_cancelled;
	int			 stop;
	int			 rc;
};

static int loop_pipe[2] = { -1, -1 };

static int	loop_timeout(struct loop *);

/* Note a signal by writing its number to the pipe; nothing else. */
static void
loop_on_signal(int signo)
{
	unsigned char	c = (unsigned char)signo;
	int		saved = errno;

	if (write(loop_pipe[1], &c, 1) == -1) {
		/* The pipe is full: the loop will see the others. */
	}
	errno = saved;
}

/* Create a loop. */
struct loop *
loop_new(void)
{
	struct loop	*l;
	int		 i;

	l = xcalloc(1, sizeof *l);
	l->next_id = 1;
	if (loop_pipe[0] == -1) {
		if (pipe(loop_pipe) != 0)
			fatal("pipe: %s", strerror(errno));
		for (i = 0; i < 2; i++) {
			fcntl(loop_pipe[i], F_SETFL, O_NONBLOCK);
			fcntl(loop_pipe[i], F_SETFD, FD_CLOEXEC);
		}
	}
	return l;
}

/* Free a loop; its signals go back to their defaults. */
void
loop_free(struct loop *l)
{
	size_t	i;

	if (l == NULL)
		return;
	for (i = 0; i < l->nsignals; i++)
		signal(l->signals[i].signo, SIG_DFL);
	free(l->fds);
	free(l->timers);
	free(l);
}

/* Watch a file descriptor. */
void
loop_fd_set(struct loop *l, int fd, short events, loop_fd_cb fn, void *arg)
{
	size_t	i;

	for (i = 0; i < l->nfds; i++) {
		if (l->fds[i].fd == fd)
			break;
	}
	if (i == l->nfds) {
		l->fds = xreallocarray(l->fds, l->nfds + 1, sizeof *l->fds);
		l->nfds++;
	}
	l->fds[i].fd = fd;
	l->fds[i].events = events;
	l->fds[i].fn = fn;
	l->fds[i].arg = arg;
}

/* Stop watching a file descriptor. */
void
loop_fd_clear(struct loop *l, int fd)
{
	size_t	i;

	for (i = 0; i < l->nfds; i++) {
		if (l->fds[i].fd == fd) {
			l->fds[i] = l->fds[--l->nfds];
			return;
		}
	}
}

/* Add a timer that fires ms from now; id 0 takes a new id. */
static uint64_t
loop_timer_put(struct loop *l, uint64_t id, int64_t ms, loop_timer_cb fn,
    loop_every_cb every, void *arg)
{
	struct loop_timer	*t;

	l->timers = xreallocarray(l->timers, l->ntimers + 1,
	    sizeof *l->timers);
	t = &l->timers[l->ntimers++];
	t->id = id != 0 ? id : l->next_id++;
	t->when = loop_mono_ms(l) + (ms < 0 ? 0 : ms);
	t->fn = fn;
	t->every = every;
	t->arg = arg;
	return t->id;
}

/* Add a one-shot timer. */
uint64_t
loop_timer_add(struct loop *l, int64_t ms, loop_timer_cb fn, void *arg)
{
	return loop_timer_put(l, 0, ms, fn, NULL, arg);
}

/* Add a repeating timer: it keeps its id for as long as it repeats. */
uint64_t
loop_every(struct loop *l, int64_t ms, loop_every_cb fn, void *arg)
{
	return loop_timer_put(l, 0, ms, NULL, fn, arg);
}

/* Cancel a timer; an id that already fired is ignored. */
void
loop_timer_cancel(struct loop *l, uint64_t id)
{
	size_t	i;

	if (id != 0 && id == l->firing)
		l->firing_cancelled = 1;
	for (i = 0; i < l->ntimers; i++) {
		if (l->timers[i].id == id) {
			l->timers[i] = l->timers[--l->ntimers];
			return;
		}
	}
}

/* Return the monotonic clock in milliseconds. */
int64_t
loop_mono_ms(const struct loop *l)
{
	return l->clock != NULL ? l->clock(l->clock_arg) : util_mono_ms();
}

/* Return the wall clock in seconds. */
int64_t
loop_now(const struct loop *l)
{
	return l->clock != NULL ? l->wall_base + l->clock(l->clock_arg) /
	    1000 : util_now();
}

/* Read the time from fn from now on; the wall clock goes on from now. */
void
loop_set_clock(struct loop *l, loop_clock_cb fn, void *arg)
{
	l->clock = fn;
	l->clock_arg = arg;
	l->wall_base = util_now() - (fn != NULL ? fn(arg) / 1000 : 0);
}

/* Catch a signal; its callback runs in the loop. */
int
loop_signal(struct loop *l, int signo, loop_signal_cb fn, void *arg)
{
	struct sigaction	sa;

	if (l->nsignals == LOOP_MAX_SIGNALS)
		return -1;
	l->signals[l->nsignals].signo = signo;
	l->signals[l->nsignals].fn = fn;
	l->signals[l->nsignals].arg = arg;
	l->nsignals++;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = loop_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	return sigaction(signo, &sa, NULL);
}

/* Set the hook called before every sleep. */
void
loop_before_sleep(struct loop *l, loop_hook_cb fn, void *arg)
{
	l->before = fn;
	l->before_arg = arg;
}

/* Make loop_run return rc after the current event. */
void
loop_stop(struct loop *l, int rc)
{
	l->stop = 1;
	l->rc = rc;
}

/* Run the timers that are due, earliest first. */
static void
loop_run_timers(struct loop *l)
{
	int64_t			now = loop_mono_ms(l), next;
	struct loop_timer	t;
	size_t			i, best;

	while (!l->stop) {
		best = l->ntimers;
		for (i = 0; i < l->ntimers; i++) {
			if (l->timers[i].when <= now && (best == l->ntimers ||
			    l->timers[i].when < l->timers[best].when))
				best = i;
		}
		if (best == l->ntimers)
			return;
		t = l->timers[best];
		l->timers[best] = l->timers[--l->ntimers];
		if (t.fn != NULL) {
			t.fn(t.arg);
			continue;
		}
		l->firing = t.id;
		l->firing_cancelled = 0;
		next = t.every(t.arg);
		if (next >= 0 && !l->firing_cancelled)
			loop_timer_put(l, t.id, next, NULL, t.every, t.arg);
		l->firing = 0;
	}
}

/* Run the timers due now; return the ms until the next, or -1. */
int64_t
loop_run_due(struct loop *l)
{
	l->stop = 0;
	loop_run_timers(l);
	return l->ntimers > 0 ? loop_timeout(l) : -1;
}

/* Milliseconds until the next timer, or -1 for none. */
static int
loop_timeout(struct loop *l)
{
	int64_t	now = loop_mono_ms(l), best = -1, d;
	size_t	i;

	for (i = 0; i < l->ntimers; i++) {
		d = l->timers[i].when - now;
		if (d < 0)
			d = 0;
		if (best == -1 || d < best)
			best = d;
	}
	if (best > 60000)
		best = 60000;
	return (int)best;
}

/* Read the signal pipe and call the callbacks. */
static void
loop_dispatch_signals(struct loop *l)
{
	unsigned char	buf[64];
	ssize_t		n, i;
	size_t		j;

	while ((n = read(loop_pipe[0], buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++) {
			for (j = 0; j < l->nsignals; j++) {
				if (l->signals[j].signo == buf[i])
					l->signals[j].fn(buf[i],
					    l->signals[j].arg);
			}
		}
	}
}

/* Run one round: sleep in poll, then dispatch what happened. */
static void
loop_once(struct loop *l)
{
	struct pollfd	*pfd;
	struct loop_fd	 f;
	size_t		 i, n = l->nfds;
	int		 rc;

	if (l->before != NULL)
		l->before(l->before_arg);
	if (l->stop)
		return;
	pfd = xcalloc(n + 1, sizeof *pfd);
	pfd[0].fd = loop_pipe[0];
	pfd[0].events = POLLIN;
	for (i = 0; i < n; i++) {
		pfd[i + 1].fd = l->fds[i].fd;
		pfd[i + 1].events = l->fds[i].events;
	}
	rc = poll(pfd, n + 1, loop_timeout(l));
	if (rc == -1 && errno != EINTR)
		fatal("poll: %s", strerror(errno));
	if (rc > 0 && (pfd[0].revents & POLLIN))
		loop_dispatch_signals(l);
	for (i = 0; rc > 0 && i < n && !l->stop; i++) {
		if (pfd[i + 1].revents == 0)
			continue;
		/* A callback may change the fd table: look it up again. */
		if (i >= l->nfds || l->fds[i].fd != pfd[i + 1].fd)
			continue;
		f = l->fds[i];
		f.fn(f.fd, pfd[i + 1].revents, f.arg);
	}
	free(pfd);
	loop_run_timers(l);
}

/* Run until stopped. */
int
loop_run(struct loop *l)
{
	l->stop = 0;
	while (!l->stop)
		loop_once(l);
	return l->rc;
}
