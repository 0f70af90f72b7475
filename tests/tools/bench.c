/*
 * bench.c -- measure heed against its performance budgets.
 *
 *	bench --heed HEED --cache FILE --gen BENCH-GEN --floor BENCH-FLOOR
 *	    --tmp DIR [--only PART]
 *
 * Runs the real heed binary in a pseudo-terminal for the start-up, memory
 * and key measurements, calls the store in-process for search and queue
 * pages, and has bench-gen time an ingest. Prints one table row per
 * measurement: what, median, p95 or max, budget, OK / OVER (or "info" for
 * numbers without a budget). Timing never makes it fail: it exits 0 when
 * everything ran, 1 when something could not be measured.
 */
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define BENCH_COLS	120
#define BENCH_ROWS	40
#define BENCH_TIMEOUT	10000	/* ms to wait for heed before giving up */

/*
 * What the first complete frame of the queue screen ends with: ui_paint
 * draws the title, the rows, the status bar (" N waiting, N over 1h | ")
 * and last the bottom line, whose hint ends "Tab view  q quit"; curses
 * sends the lines top to bottom.
 */
static const char *const bench_frame_end[] = {
	"waiting, ", " over ", "q quit"
};

struct bench_opts {
	const char	*heed;
	const char	*cache;
	const char	*gen;
	const char	*floor;		/* bench-floor */
	const char	*tmp;
	const char	*only;		/* run one part: first, keys, store, ingest */
	char		*config;	/* an empty config file */
	char		*env[16];
	int		 failures;	/* measurements that could not run */
};

/* heed running in a pseudo-terminal, and what it has written so far. */
struct bench_pty {
	pid_t		 pid;
	int		 fd;
	struct buf	 out;
};

/* A set of samples in milliseconds (or MB). */
struct bench_samples {
	double	*v;
	size_t	 n;
	size_t	 cap;
};

/* Give the monotonic clock in milliseconds. */
static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Add a sample. */
static void
bench_add(struct bench_samples *s, double v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = v;
}

/* Free samples and zero them. */
static void
bench_clear(struct bench_samples *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* Order doubles for qsort. */
static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Give the p-th percentile (0..100) of the samples; 0 for none. */
static double
bench_pct(const struct bench_samples *s, double p)
{
	double	*v, r;
	size_t	 i;

	if (s->n == 0)
		return 0;
	v = xreallocarray(NULL, s->n, sizeof *v);
	memcpy(v, s->v, s->n * sizeof *v);
	qsort(v, s->n, sizeof *v, bench_cmp);
	if (p >= 100)
		r = v[s->n - 1];
	else if (p == 50 && s->n % 2 == 0)
		r = (v[s->n / 2 - 1] + v[s->n / 2]) / 2;
	else {
		i = (size_t)(p / 100 * (double)s->n + 0.999999);
		r = v[i > 0 ? i - 1 : 0];
	}
	free(v);
	return r;
}

/* Give the median of the samples. */
static double
bench_median(const struct bench_samples *s)
{
	return bench_pct(s, 50);
}

/* Print what, padded to the first column's width in display columns. */
static void
bench_what(const char *what)
{
	size_t	w = text_width(what);

	fputs(what, stdout);
	for (; w < 44; w++)
		putchar(' ');
}

/* Print the table header. */
static void
bench_header(void)
{
	printf("\n%-44s %10s %14s %10s  %s\n", "what", "median", "p95 / max",
	    "budget", "verdict");
	printf("%-44s %10s %14s %10s  %s\n", "----", "------", "---------",
	    "------", "-------");
}

/*
 * Print one row. extra is printed after its label (e.g. "p95") unless
 * label is NULL; budget <= 0 makes an informational row.
 */
static void
bench_row(const char *what, double median, const char *label, double extra,
    double budget, const char *unit)
{
	char	m[32], e[32], b[32];

	snprintf(m, sizeof m, "%.2f %s", median, unit);
	if (label != NULL)
		snprintf(e, sizeof e, "%s %.2f", label, extra);
	else
		snprintf(e, sizeof e, "-");
	if (budget > 0)
		snprintf(b, sizeof b, "%.3g %s", budget, unit);
	else
		snprintf(b, sizeof b, "-");
	bench_what(what);
	printf(" %10s %14s %10s  %s\n", m, e, b, budget <= 0 ?
	    "info" : median <= budget ? "OK" : "OVER");
	fflush(stdout);
}

/* Print a row for a measurement that could not be made. */
static void
bench_row_failed(struct bench_opts *o, const char *what, const char *why)
{
	bench_what(what);
	printf(" %10s %14s %10s  FAILED (%s)\n", "-", "-", "-", why);
	fflush(stdout);
	o->failures++;
}

/* Find needle in the first n bytes of hay from offset from; -1 if not. */
static long
bench_find(const char *hay, size_t n, const char *needle, size_t from)
{
	size_t	len = strlen(needle), i;

	for (i = from; len <= n && i <= n - len; i++) {
		if (memcmp(hay + i, needle, len) == 0)
			return (long)i;
	}
	return -1;
}

/* Make the private environment heed runs in. */
static void
bench_env(struct bench_opts *o)
{
	static const char *const dirs[] = {
		"home", "config", "data", "state", "cache", "run"
	};
	static const char *const vars[] = {
		"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
		"XDG_CACHE_HOME", "XDG_RUNTIME_DIR"
	};
	char	*d;
	size_t	 i, n = 0;
	int	 fd;

	for (i = 0; i < nitems(dirs); i++) {
		d = xprintf("%s/%s", o->tmp, dirs[i]);
		util_mkdirs(d, 0700);
		o->env[n++] = xprintf("%s=%s", vars[i], d);
		free(d);
	}
	o->env[n++] = xstrdup("TERM=xterm-256color");
	o->env[n++] = xstrdup("LANG=C.UTF-8");
	o->env[n++] = xstrdup("PATH=/usr/bin:/bin");
	o->env[n++] = xprintf("TMPDIR=%s", o->tmp);
	o->env[n] = NULL;
	o->config = xprintf("%s/empty.conf", o->tmp);
	if ((fd = open(o->config, O_WRONLY | O_CREAT | O_TRUNC, 0600)) != -1)
		close(fd);
}

/* Start argv[0] in a 120x40 pseudo-terminal; 0 or -1. */
static int
bench_pty_spawn(struct bench_opts *o, struct bench_pty *p, char **argv)
{
	struct winsize	 ws;

	memset(&ws, 0, sizeof ws);
	ws.ws_row = BENCH_ROWS;
	ws.ws_col = BENCH_COLS;
	buf_init(&p->out, 64 * 1024 * 1024);
	p->pid = forkpty(&p->fd, NULL, NULL, &ws);
	if (p->pid == -1) {
		buf_free(&p->out);
		return -1;
	}
	if (p->pid == 0) {
		execve(argv[0], argv, o->env);
		_exit(127);
	}
	fcntl(p->fd, F_SETFL, fcntl(p->fd, F_GETFL) | O_NONBLOCK);
	return 0;
}

/* Start heed on the cache; 0 or -1. */
static int
bench_pty_start(struct bench_opts *o, struct bench_pty *p)
{
	char	*argv[6];

	argv[0] = (char *)o->heed;
	argv[1] = (char *)"--config";
	argv[2] = o->config;
	argv[3] = (char *)"--cache";
	argv[4] = (char *)o->cache;
	argv[5] = NULL;
	return bench_pty_spawn(o, p, argv);
}

/*
 * Wait up to timeout ms for output and read what is there. Returns the
 * bytes read (0 on timeout, -1 when heed has gone); *when gets the time
 * poll saw the output.
 */
static ssize_t
bench_pty_read(struct bench_pty *p, int timeout, double *when)
{
	struct pollfd	pfd;
	char		tmp[65536];
	ssize_t		n, total = 0;

	pfd.fd = p->fd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, timeout) <= 0)
		return 0;
	if (when != NULL)
		*when = bench_now();
	while ((n = read(p->fd, tmp, sizeof tmp)) > 0) {
		buf_add(&p->out, tmp, (size_t)n);
		total += n;
	}
	if (total == 0 && (n == 0 || (errno != EAGAIN && errno != EINTR)))
		return -1;
	return total;
}

/*
 * Read until the output holds every marker, in order; give the time the
 * read that completed them was seen. 0 or -1 (timeout, heed gone).
 */
static int
bench_pty_wait(struct bench_pty *p, const char *const *marks, size_t nmarks,
    double *when)
{
	double	deadline = bench_now() + BENCH_TIMEOUT, t = 0;
	size_t	i, at;
	long	found;

	for (;;) {
		for (i = 0, at = 0; i < nmarks; i++) {
			found = bench_find(p->out.data, p->out.len, marks[i],
			    at);
			if (found < 0)
				break;
			at = (size_t)found + strlen(marks[i]);
		}
		if (i == nmarks) {
			*when = t;
			return 0;
		}
		if (bench_now() > deadline ||
		    bench_pty_read(p, 100, &t) < 0)
			return -1;
	}
}

/* Read until heed is quiet for quiet ms; *last gets the last output time. */
static void
bench_pty_drain(struct bench_pty *p, int quiet, double *last)
{
	double	t;

	while (bench_pty_read(p, quiet, &t) > 0) {
		if (last != NULL)
			*last = t;
	}
}

/* Send q, read to the end and reap heed; *rss_kb gets its peak RSS. */
static int
bench_pty_quit(struct bench_pty *p, long *rss_kb)
{
	struct rusage	ru;
	double		deadline = bench_now() + BENCH_TIMEOUT;
	int		status, rc = 0;

	if (write(p->fd, "q", 1) != 1)
		rc = -1;
	while (bench_now() < deadline && bench_pty_read(p, 100, NULL) >= 0)
		;
	if (bench_now() >= deadline) {
		kill(p->pid, SIGKILL);
		rc = -1;
	}
	if (wait4(p->pid, &status, 0, &ru) != p->pid ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		rc = -1;
	if (rss_kb != NULL)
		*rss_kb = ru.ru_maxrss;
	close(p->fd);
	buf_free(&p->out);
	return rc;
}

/* Kill and reap heed after a failure. */
static void
bench_pty_kill(struct bench_pty *p)
{
	kill(p->pid, SIGKILL);
	waitpid(p->pid, NULL, 0);
	close(p->fd);
	buf_free(&p->out);
}

/*
 * Drop the cache file from the kernel's page cache, as after a reboot or
 * a while unused (this machine's kernel reclaims idle file pages).
 */
static void
bench_evict(const char *path)
{
	char	*wal;
	int	 fd;

	if ((fd = open(path, O_RDONLY)) != -1) {
		posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
		close(fd);
	}
	wal = xprintf("%s-wal", path);
	if ((fd = open(wal, O_RDONLY)) != -1) {
		posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
		close(fd);
	}
	free(wal);
}

/*
 * Time a byte's round trip through a pseudo-terminal and a process that
 * echoes it (cat on a raw terminal): the floor under every key time.
 */
static void
bench_floor(struct bench_opts *o, int runs)
{
	static const char *const ready[] = { "ready" };
	struct bench_samples	 s;
	struct bench_pty	 p;
	struct winsize		 ws;
	char			*argv[4];
	double			 t0, t1 = 0;
	int			 i;

	memset(&s, 0, sizeof s);
	memset(&ws, 0, sizeof ws);
	ws.ws_row = BENCH_ROWS;
	ws.ws_col = BENCH_COLS;
	argv[0] = (char *)"/bin/sh";
	argv[1] = (char *)"-c";
	argv[2] = (char *)"stty raw -echo && echo ready && exec cat";
	argv[3] = NULL;
	buf_init(&p.out, 1024 * 1024);
	if ((p.pid = forkpty(&p.fd, NULL, NULL, &ws)) == 0) {
		execve(argv[0], argv, o->env);
		_exit(127);
	}
	if (p.pid == -1) {
		buf_free(&p.out);
		bench_row_failed(o, "pty round trip", strerror(errno));
		return;
	}
	fcntl(p.fd, F_SETFL, fcntl(p.fd, F_GETFL) | O_NONBLOCK);
	if (bench_pty_wait(&p, ready, nitems(ready), &t1) == 0) {
		bench_pty_drain(&p, 50, NULL);
		for (i = 0; i < runs; i++) {
			t0 = bench_now();
			if (write(p.fd, "x", 1) != 1 ||
			    bench_pty_read(&p, 1000, &t1) <= 0)
				break;
			bench_add(&s, t1 - t0);
		}
	}
	bench_pty_kill(&p);
	if (s.n == 0) {
		bench_row_failed(o, "pty round trip", "cat did not echo");
		return;
	}
	bench_row("pty round trip floor (raw cat echo)", bench_median(&s),
	    "p95", bench_pct(&s, 95), 0, "ms");
	bench_clear(&s);
}

/* Time heed --version: the cost of exec and dynamic linking alone. */
static void
bench_exec(struct bench_opts *o, int runs)
{
	struct bench_samples	 s;
	char			*argv[3];
	double			 t0;
	pid_t			 pid;
	int			 i, fd;

	memset(&s, 0, sizeof s);
	argv[0] = (char *)o->heed;
	argv[1] = (char *)"--version";
	argv[2] = NULL;
	for (i = 0; i < runs; i++) {
		t0 = bench_now();
		if ((pid = fork()) == 0) {
			if ((fd = open("/dev/null", O_WRONLY)) != -1)
				dup2(fd, STDOUT_FILENO);
			execve(o->heed, argv, o->env);
			_exit(127);
		}
		if (pid == -1 || waitpid(pid, NULL, 0) != pid)
			break;
		bench_add(&s, bench_now() - t0);
	}
	if (s.n == 0)
		bench_row_failed(o, "exec + link only (heed --version)", "fork");
	else {
		bench_row("exec + link only (heed --version)", bench_median(&s),
		    "max", bench_pct(&s, 100), 0, "ms");
	}
	bench_clear(&s);
}

/*
 * Launch heed (floor 0) or the floor program (floor 1), wait for the
 * first complete queue screen and quit it: *ms gets the time to that
 * screen, *kb the peak RSS. 0 or -1.
 */
static int
bench_launch(struct bench_opts *o, int floor, int cold, double *ms, long *kb)
{
	struct bench_pty	 p;
	char			*argv[3];
	double			 t0, t1 = 0;
	int			 rc;

	if (cold)
		bench_evict(o->cache);
	argv[0] = (char *)o->floor;
	argv[1] = (char *)o->cache;
	argv[2] = NULL;
	t0 = bench_now();
	rc = floor ? bench_pty_spawn(o, &p, argv) : bench_pty_start(o, &p);
	if (rc != 0)
		return -1;
	if (bench_pty_wait(&p, bench_frame_end, nitems(bench_frame_end),
	    &t1) != 0) {
		fprintf(stderr, "bench: no first screen; %s wrote:\n%.*s\n",
		    floor ? o->floor : o->heed, (int)(p.out.len < 2000 ?
		    p.out.len : 2000), p.out.data != NULL ? p.out.data : "");
		bench_pty_kill(&p);
		return -1;
	}
	*ms = t1 - t0;
	return bench_pty_quit(&p, kb);
}

/* The samples of heed and of its floor, taken turn about. */
struct bench_pair {
	struct bench_samples	 t[2];		/* ms: heed, floor */
	struct bench_samples	 ratio;		/* heed / floor, run by run */
	struct bench_samples	 rss[2];	/* MB */
	double			 first;		/* heed's first run */
};

/* Print the rows of a first-screen pair: heed, the floor, the ratio. */
static void
bench_pair_rows(struct bench_pair *pr, int runs, int cold)
{
	double	heed = bench_median(&pr->t[0]), floor = bench_median(&pr->t[1]);
	char	what[64];

	if (cold) {
		bench_row("  same, cold file cache (5 runs)", heed, "max",
		    bench_pct(&pr->t[0], 100), 0, "ms");
		bench_row("  floor, cold file cache", floor, "max",
		    bench_pct(&pr->t[1], 100), 0, "ms");
		return;
	}
	printf("  first screen, run 1 (may be cold): %.2f ms\n", pr->first);
	snprintf(what, sizeof what, "launch to first queue screen (%d runs)",
	    runs);
	bench_row(what, heed, "max", bench_pct(&pr->t[0], 100), 1.2 * floor,
	    "ms");
	bench_row("  floor: SQLite + ncurses, 38 rows", floor, "max",
	    bench_pct(&pr->t[1], 100), 0, "ms");
	bench_row("  heed / floor (first screen)", floor > 0 ? heed / floor :
	    0, NULL, 0, 1.2, "x");
	/*
	 * Each pair's own ratio, for how far one launch is from the next:
	 * on a shared machine a pair's two runs differ by a third either
	 * way as often as not, so the medians above are the measure.
	 */
	bench_row("  same, pair by pair", bench_median(&pr->ratio), "p75",
	    bench_pct(&pr->ratio, 75), 0, "x");
	bench_row("peak RSS at first screen", bench_median(&pr->rss[0]), "max",
	    bench_pct(&pr->rss[0], 100), 6, "MB");
	bench_row("  floor", bench_median(&pr->rss[1]), "max",
	    bench_pct(&pr->rss[1], 100), 0, "MB");
}

/*
 * Time the launch to the first complete queue screen and the peak RSS,
 * heed and the floor program turn about so that both see the same
 * machine (and each goes first in every other pair, so that neither
 * always follows the other's exit); with cold, from a cache file
 * evicted before each launch.
 */
static void
bench_first_screen(struct bench_opts *o, int runs, int cold)
{
	struct bench_pair	 pr;
	double			 ms = 0, pair[2];
	long			 kb = 0;
	int			 i, j, f;

	memset(&pr, 0, sizeof pr);
	for (i = 0; i < runs; i++) {
		for (j = 0; j < 2; j++) {
			f = j ^ (i & 1);
			if (bench_launch(o, f, cold, &ms, &kb) != 0)
				break;
			if (i == 0 && f == 0)
				pr.first = ms;
			pair[f] = ms;
			bench_add(&pr.t[f], ms);
			bench_add(&pr.rss[f], (double)kb / 1024);
		}
		if (j < 2)
			break;
		if (pair[1] > 0)
			bench_add(&pr.ratio, pair[0] / pair[1]);
	}
	if (pr.t[1].n < (size_t)runs)
		bench_row_failed(o, "first screen", pr.t[0].n > pr.t[1].n ?
		    "the floor program did not draw it" :
		    "heed did not draw it");
	else
		bench_pair_rows(&pr, runs, cold);
	for (f = 0; f < 2; f++) {
		bench_clear(&pr.t[f]);
		bench_clear(&pr.rss[f]);
	}
	bench_clear(&pr.ratio);
}

/* One kind of key to press: its bytes, how often, its samples. */
struct bench_key {
	const char		*name;
	const char		*bytes;
	int			 count;
	struct bench_samples	 first;		/* to the first output byte */
	struct bench_samples	 full;		/* to the last byte of the frame */
	int			 silent;	/* presses with no output */
};

/* Press a key and time its repaint; drain the frame. 0 or -1 (gone). */
static int
bench_press(struct bench_pty *p, struct bench_key *k)
{
	size_t	len = strlen(k->bytes);
	double	t0, t1 = 0, t2 = 0;
	ssize_t	n;

	t0 = bench_now();
	if (write(p->fd, k->bytes, len) != (ssize_t)len)
		return -1;
	if ((n = bench_pty_read(p, 1000, &t1)) < 0)
		return -1;
	if (n == 0) {
		k->silent++;
		return 0;
	}
	t2 = t1;
	bench_pty_drain(p, 15, &t2);
	bench_add(&k->first, t1 - t0);
	bench_add(&k->full, t2 - t0);
	return 0;
}

/*
 * Print the rows of a set of key measurements, against the budget or,
 * for a cold run, for information and to the first byte only.
 */
static void
bench_key_rows(struct bench_key *keys, size_t n, const char *view, int cold)
{
	char	what[64];
	size_t	i;

	for (i = 0; i < n; i++) {
		snprintf(what, sizeof what, "key %s x%d (%s)%s", keys[i].name,
		    keys[i].count, view, cold ? "" : ", to first byte");
		bench_row(what, bench_median(&keys[i].first), "p95",
		    bench_pct(&keys[i].first, 95), cold ? 0 : 2, "ms");
		if (!cold) {
			bench_row("  same, to end of frame",
			    bench_median(&keys[i].full), "p95",
			    bench_pct(&keys[i].full, 95), 0, "ms");
		}
		if (keys[i].silent != 0)
			printf("  (%d presses of %s drew nothing)\n",
			    keys[i].silent, keys[i].name);
		bench_clear(&keys[i].first);
		bench_clear(&keys[i].full);
		keys[i].silent = 0;
	}
}

/* Press j, PgDn, then G and g in turn, as many times as asked. */
static int
bench_key_series(struct bench_pty *p, struct bench_key *keys)
{
	int	i;

	for (i = 0; i < keys[0].count; i++) {
		if (bench_press(p, &keys[0]) != 0)
			return -1;
	}
	for (i = 0; i < keys[1].count; i++) {
		if (bench_press(p, &keys[1]) != 0)
			return -1;
	}
	for (i = 0; i < keys[2].count; i++) {
		if (bench_press(p, &keys[2]) != 0 ||
		    bench_press(p, &keys[3]) != 0)
			return -1;
	}
	return 0;
}

/*
 * Time navigation keys in the inbox and in the view of everything; with
 * cold, in the inbox only, from a cache file evicted from the page cache.
 */
static void
bench_keys(struct bench_opts *o, int cold)
{
	struct bench_key	 keys[] = {
		{ "j", "j", 200, { 0 }, { 0 }, 0 },
		{ "PgDn", "\033[6~", 50, { 0 }, { 0 }, 0 },
		{ "G", "G", 20, { 0 }, { 0 }, 0 },
		{ "g", "g", 20, { 0 }, { 0 }, 0 },
	};
	struct bench_pty	 p;
	double			 t;
	long			 kb = 0;
	int			 i;

	if (cold)
		bench_evict(o->cache);
	if (bench_pty_start(o, &p) != 0 ||
	    bench_pty_wait(&p, bench_frame_end, nitems(bench_frame_end),
	    &t) != 0) {
		bench_row_failed(o, "keys", "heed did not start");
		return;
	}
	bench_pty_drain(&p, 100, NULL);
	if (bench_key_series(&p, keys) != 0)
		goto fail;
	bench_key_rows(keys, nitems(keys), cold ? "inbox, cold file cache" :
	    "inbox", cold);
	/* Tab four times: flagged, snoozed, done, all. */
	for (i = 0; !cold && i < 4; i++) {
		if (write(p.fd, "\t", 1) != 1)
			goto fail;
		bench_pty_drain(&p, 100, NULL);
	}
	if (!cold && bench_key_series(&p, keys) != 0)
		goto fail;
	if (!cold)
		bench_key_rows(keys, nitems(keys), "all", 0);
	if (bench_pty_quit(&p, &kb) != 0)
		bench_row_failed(o, "keys", "heed did not quit");
	else if (!cold) {
		bench_row("peak RSS after all the keys", (double)kb / 1024,
		    NULL, 0, 12, "MB");
	}
	return;
fail:
	bench_pty_kill(&p);
	bench_row_failed(o, "keys", "heed went away");
}

/* Time store_search for a few kinds of query. */
static void
bench_search(struct bench_opts *o, struct store *s)
{
	static const struct {
		const char	*what;
		const char	*query;
	} q[] = {
		{ "common English word", "order" },
		{ "rare word", "zeppelin" },
		{ "Dutch word", "bestelling" },
		{ "Chinese word (2 characters)", "茶壶" },
		{ "author name", "Jansen" },
	};
	struct bench_samples	 all, one;
	struct item_list	 l;
	char			*cause = NULL, what[80];
	double			 t0;
	size_t			 i, found;
	int			 run;

	memset(&all, 0, sizeof all);
	for (i = 0; i < nitems(q); i++) {
		memset(&one, 0, sizeof one);
		found = 0;
		for (run = 0; run < 8; run++) {
			memset(&l, 0, sizeof l);
			t0 = bench_now();
			if (store_search(s, q[i].query, 50, &l, &cause) != 0) {
				bench_row_failed(o, q[i].what, cause);
				free(cause);
				cause = NULL;
				break;
			}
			if (run > 0) {	/* the first run warms up */
				bench_add(&one, bench_now() - t0);
				bench_add(&all, bench_now() - t0);
			}
			found = l.n;
			item_list_free(&l);
		}
		if (one.n == 0)
			continue;
		snprintf(what, sizeof what, "search %s \"%s\" (%zu hits)",
		    q[i].what, q[i].query, found);
		bench_row(what, bench_median(&one), "max", bench_pct(&one, 100),
		    15, "ms");
		bench_clear(&one);
	}
	bench_row("search, all queries", bench_median(&all), "p95",
	    bench_pct(&all, 95), 15, "ms");
	bench_clear(&all);
}

/* Time one store call a hundred times and print its row. */
static void
bench_page(struct bench_opts *o, struct store *s, const char *what,
    enum store_view v, const struct store_key *key)
{
	struct bench_samples	 t;
	struct item_list	 l;
	char			*cause = NULL;
	double			 t0;
	int			 i;

	memset(&t, 0, sizeof t);
	for (i = 0; i < 101; i++) {
		memset(&l, 0, sizeof l);
		t0 = bench_now();
		if (store_queue_page(s, v, NULL, key, 1, 40, &l, &cause) != 0) {
			bench_row_failed(o, what, cause);
			free(cause);
			bench_clear(&t);
			return;
		}
		if (i > 0)
			bench_add(&t, bench_now() - t0);
		item_list_free(&l);
	}
	bench_row(what, bench_median(&t), "p95", bench_pct(&t, 95), 0, "ms");
	bench_clear(&t);
}

/*
 * Find the key of the row about depth rows down a view by walking pages of
 * 1,000; *reached gets the depth found. 0 or -1 (empty view).
 */
static int
bench_deep_key(struct store *s, enum store_view v, size_t depth,
    struct store_key *key, size_t *reached)
{
	struct item_list	l;
	size_t			want;
	int			have = 0;

	*reached = 0;
	while (*reached < depth) {
		memset(&l, 0, sizeof l);
		want = depth - *reached < 1000 ? depth - *reached : 1000;
		if (store_queue_page(s, v, NULL, have ? key : NULL, 1, want,
		    &l, NULL) != 0 || l.n == 0) {
			item_list_free(&l);
			break;
		}
		store_key_of(v, &l.v[l.n - 1], key);
		have = 1;
		*reached += l.n;
		item_list_free(&l);
	}
	return have ? 0 : -1;
}

/* Time store_counts and queue pages at the top and halfway down views. */
static void
bench_queue(struct bench_opts *o, struct store *s)
{
	static const struct {
		enum store_view	 v;
		const char	*name;
	} views[] = {
		{ VIEW_INBOX, "inbox" },
		{ VIEW_ALL, "all" },
		{ VIEW_DONE, "done" },
	};
	struct bench_samples	 t;
	struct store_counts	 c;
	struct store_key	 key;
	char			*cause = NULL, what[80];
	double			 t0;
	size_t			 i, depth;

	memset(&t, 0, sizeof t);
	for (i = 0; i < 101; i++) {
		t0 = bench_now();
		if (store_counts(s, &c, &cause) != 0) {
			bench_row_failed(o, "store_counts", cause);
			free(cause);
			return;
		}
		if (i > 0)
			bench_add(&t, bench_now() - t0);
	}
	printf("  views: inbox %lld, flagged %lld, snoozed %lld, done %lld, "
	    "all %lld\n", (long long)c.view[VIEW_INBOX],
	    (long long)c.view[VIEW_FLAGGED], (long long)c.view[VIEW_SNOOZED],
	    (long long)c.view[VIEW_DONE], (long long)c.view[VIEW_ALL]);
	bench_row("store_counts", bench_median(&t), "p95", bench_pct(&t, 95),
	    0, "ms");
	bench_clear(&t);
	for (i = 0; i < nitems(views); i++) {
		snprintf(what, sizeof what, "queue page of 40, %s, top",
		    views[i].name);
		bench_page(o, s, what, views[i].v, NULL);
		if (bench_deep_key(s, views[i].v, (size_t)c.view[views[i].v] /
		    2, &key, &depth) != 0)
			continue;
		snprintf(what, sizeof what, "queue page of 40, %s, %zu down",
		    views[i].name, depth);
		bench_page(o, s, what, views[i].v, &key);
	}
}

/*
 * The samples of the ingest benchmark: heed's times and the floor's, and
 * the ratio of each run's pair, for the time and for the CPU time.
 */
enum bench_ingest_sample {
	BENCH_I_HEED,
	BENCH_I_PLAIN,
	BENCH_I_RATIO,
	BENCH_I_CPU_RATIO,
	BENCH_I_COUNT
};

/*
 * Print the rows of the ingest: heed, the plain SQLite floor, and the
 * median of the runs' ratios. Each run times heed and the floor one after
 * the other, so a ratio compares two ingests that met the same machine;
 * the median of the pairs is steadier on a busy machine than the ratio
 * of two medians taken apart.
 */
static void
bench_ingest_rows(struct bench_samples *t)
{
	double	heed = bench_median(&t[BENCH_I_HEED]) / 1e3;
	double	plain = bench_median(&t[BENCH_I_PLAIN]) / 1e3;

	bench_row("ingest 100,000 items + FTS, pages of 100", heed, "max",
	    bench_pct(&t[BENCH_I_HEED], 100) / 1e3, 0, "s");
	bench_row("  floor: plain SQLite, same rows and pages", plain, "max",
	    bench_pct(&t[BENCH_I_PLAIN], 100) / 1e3, 0, "s");
	bench_row("  heed / floor (ingest), median of the runs",
	    bench_median(&t[BENCH_I_RATIO]), "max",
	    bench_pct(&t[BENCH_I_RATIO], 100), 1.3, "x");
	bench_row("  same, CPU time (user + system)",
	    bench_median(&t[BENCH_I_CPU_RATIO]), "max",
	    bench_pct(&t[BENCH_I_CPU_RATIO], 100), 0, "x");
}

/* Run bench-gen with argv, reading its output; 0 or -1. */
static int
bench_gen_run(char **argv, struct bench_samples *t)
{
	char	 line[256];
	FILE	*f;
	pid_t	 pid;
	int	 fds[2], status;
	double	 ms, cpu, heed = 0, heed_cpu = 0;

	if (pipe(fds) != 0 || (pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	f = fdopen(fds[0], "r");
	while (f != NULL && fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "ingest_ms %lf %lf", &heed, &heed_cpu) ==
		    2) {
			printf("  ingest run %zu: %.0f ms (CPU %.0f)",
			    t[BENCH_I_HEED].n + 1, heed, heed_cpu);
			bench_add(&t[BENCH_I_HEED], heed);
		} else if (sscanf(line, "plain_ms %lf %lf", &ms, &cpu) == 2 &&
		    ms > 0 && cpu > 0) {
			printf(", plain SQLite %.0f ms (CPU %.0f): %.2fx\n",
			    ms, cpu, heed / ms);
			bench_add(&t[BENCH_I_PLAIN], ms);
			bench_add(&t[BENCH_I_RATIO], heed / ms);
			bench_add(&t[BENCH_I_CPU_RATIO], heed_cpu / cpu);
		}
		fflush(stdout);
	}
	if (f != NULL)
		fclose(f);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	return 0;
}

/*
 * Have bench-gen time an ingest of 100,000 items in pages of 100, five
 * times, each run beside the plain SQLite ingest of the same rows.
 */
static void
bench_ingest(struct bench_opts *o)
{
	struct bench_samples	 t[BENCH_I_COUNT];
	char			*argv[10], *dir;
	const char		*slash;
	size_t			 i;
	int			 rc;

	memset(t, 0, sizeof t);
	/* Beside the big cache: the same file system as a real cache. */
	slash = strrchr(o->cache, '/');
	dir = xprintf("%.*s/ingest", slash != NULL ? (int)(slash - o->cache) :
	    1, slash != NULL ? o->cache : ".");
	util_mkdirs(dir, 0700);
	argv[0] = (char *)o->gen;
	argv[1] = (char *)"--ingest-bench";
	argv[2] = dir;
	argv[3] = (char *)"--items";
	argv[4] = (char *)"100000";
	argv[5] = (char *)"--page";
	argv[6] = (char *)"100";
	argv[7] = (char *)"--runs";
	argv[8] = (char *)"5";
	argv[9] = NULL;
	rc = bench_gen_run(argv, t);
	rmdir(dir);
	free(dir);
	if (rc != 0 || t[BENCH_I_HEED].n == 0 ||
	    t[BENCH_I_PLAIN].n != t[BENCH_I_HEED].n)
		bench_row_failed(o, "ingest", "bench-gen --ingest-bench failed");
	else
		bench_ingest_rows(t);
	for (i = 0; i < BENCH_I_COUNT; i++)
		bench_clear(&t[i]);
}

/* Run the in-process measurements on the big cache. */
static void
bench_store(struct bench_opts *o)
{
	struct store		*s;
	struct store_counts	 c;
	struct stat		 sb;
	char			*cause = NULL, what[64];

	if ((s = store_open(o->cache, 0, &cause)) == NULL) {
		bench_row_failed(o, "store", cause);
		free(cause);
		return;
	}
	if (stat(o->cache, &sb) == 0 && store_counts(s, &c, NULL) == 0) {
		snprintf(what, sizeof what, "cache file size (%lld items)",
		    (long long)c.view[VIEW_ALL]);
		bench_row(what, (double)sb.st_size / 1e6, NULL, 0, 0, "MB");
	}
	bench_search(o, s);
	bench_queue(o, s);
	store_close(s);
}

/* Tell whether a part of the benchmark is to run. */
static int
bench_part(const struct bench_opts *o, const char *name)
{
	return o->only == NULL || strcmp(o->only, name) == 0;
}

/* Print usage and exit. */
static void
bench_usage(void)
{
	fprintf(stderr, "usage: bench --heed HEED --cache FILE --gen BENCH-GEN "
	    "--floor BENCH-FLOOR --tmp DIR [--only first|keys|store|ingest]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct bench_opts	o;
	int			i;

	memset(&o, 0, sizeof o);
	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--heed") == 0)
			o.heed = argv[i + 1];
		else if (strcmp(argv[i], "--cache") == 0)
			o.cache = argv[i + 1];
		else if (strcmp(argv[i], "--gen") == 0)
			o.gen = argv[i + 1];
		else if (strcmp(argv[i], "--floor") == 0)
			o.floor = argv[i + 1];
		else if (strcmp(argv[i], "--tmp") == 0)
			o.tmp = argv[i + 1];
		else if (strcmp(argv[i], "--only") == 0)
			o.only = argv[i + 1];
		else
			bench_usage();
	}
	if (i != argc || o.heed == NULL || o.cache == NULL || o.gen == NULL ||
	    o.floor == NULL || o.tmp == NULL)
		bench_usage();
	signal(SIGPIPE, SIG_IGN);
	bench_env(&o);
	bench_header();
	if (bench_part(&o, "first")) {
		bench_first_screen(&o, 31, 0);
		bench_first_screen(&o, 5, 1);
		bench_exec(&o, 15);
	}
	if (bench_part(&o, "keys")) {
		bench_floor(&o, 200);
		bench_keys(&o, 1);
		bench_keys(&o, 0);
	}
	if (bench_part(&o, "store"))
		bench_store(&o);
	if (bench_part(&o, "ingest"))
		bench_ingest(&o);
	for (i = 0; o.env[i] != NULL; i++)
		free(o.env[i]);
	free(o.config);
	return o.failures == 0 ? 0 : 1;
}
