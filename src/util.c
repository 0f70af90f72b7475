/*
 * util.c -- allocation, growable buffers, time and small string helpers.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

static void (*fatal_hook)(void);

/* Die because memory ran out. */
static noreturn_fn void
util_oom(void)
{
	if (fatal_hook != NULL)
		fatal_hook();
	fputs("heed: out of memory\n", stderr);
	abort();
}

/* Allocate or die. */
void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		util_oom();
	return p;
}

/* Allocate zeroed memory or die. */
void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		util_oom();
	return p;
}

/* Resize or die. */
void *
xrealloc(void *p, size_t size)
{
	if (size == 0)
		size = 1;
	if ((p = realloc(p, size)) == NULL)
		util_oom();
	return p;
}

/* Resize an array, checking the multiplication. */
void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		util_oom();
	return xrealloc(p, n * size);
}

/* Duplicate a string or die. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Duplicate at most n bytes of a string or die. */
char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len;

	len = strnlen(s, n);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Format into a new string. */
char *
xvprintf(const char *fmt, va_list ap)
{
	va_list	 ap2;
	char	*p;
	int	 n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("bad format \"%s\"", fmt);
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

/* Format into a new string. */
char *
xprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* Set the hook run before fatal() prints (to restore the terminal). */
void
util_set_fatal_hook(void (*fn)(void))
{
	fatal_hook = fn;
}

/* Report a bug with file and line, then abort. */
void
fatal_at(const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	if (fatal_hook != NULL)
		fatal_hook();
	fprintf(stderr, "heed: internal error at %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* Reverse an array of n elements of size bytes each, in place. */
void
util_reverse(void *v, size_t n, size_t size)
{
	unsigned char	*a, *b, t;
	size_t		 i, k;

	if (n < 2)
		return;
	for (i = 0; i < n / 2; i++) {
		a = (unsigned char *)v + i * size;
		b = (unsigned char *)v + (n - 1 - i) * size;
		for (k = 0; k < size; k++) {
			t = a[k];
			a[k] = b[k];
			b[k] = t;
		}
	}
}

/* Set *cause to a new message (when cause is not NULL); return -1. */
int
util_fail(char **cause, const char *fmt, ...)
{
	va_list	ap;

	if (cause == NULL)
		return -1;
	va_start(ap, fmt);
	*cause = xvprintf(fmt, ap);
	va_end(ap);
	return -1;
}

/* Start an empty buffer that may grow to limit bytes (0: no limit). */
void
buf_init(struct buf *b, size_t limit)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->limit = limit == 0 ? SIZE_MAX - 1 : limit;
}

/* Append bytes; -1 (buffer unchanged) if the limit would be passed. */
int
buf_add(struct buf *b, const void *p, size_t n)
{
	size_t	cap;

	if (n > b->limit || b->len > b->limit - n)
		return -1;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap == 0 ? 64 : b->cap;
		while (cap < b->len + n + 1)
			cap = cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	if (n != 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

/* Append a string. */
int
buf_addstr(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

/* Append one byte. */
int
buf_addch(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

/* Append formatted text. */
int
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 rc;

	va_start(ap, fmt);
	s = xvprintf(fmt, ap);
	va_end(ap);
	rc = buf_addstr(b, s);
	free(s);
	return rc;
}

/* Empty the buffer, keeping its memory. */
void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Take the contents as a new string (never NULL) and empty the buffer. */
char *
buf_steal(struct buf *b)
{
	char	*s;

	s = b->data != NULL ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

/* Free the buffer's memory. */
void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* The value of a hexadecimal digit, or -1. */
int
util_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Name a file's type (one that is not a plain file) for a message. */
const char *
util_file_type(unsigned int mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISLNK(mode))
		return "a symbolic link";
	return "not a plain file";
}

/* Return the wall-clock time in seconds. */
int64_t
util_now(void)
{
	return (int64_t)time(NULL);
}

/* Return a monotonic clock in milliseconds. */
int64_t
util_mono_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Parse a decimal integer within [min, max]. */
int
util_parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Parse a duration such as "90s", "15m", "4h", "2d" or "1w". */
int
util_parse_duration(const char *s, int64_t *out)
{
	static const struct {
		char	unit;
		int64_t	secs;
	} units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 },
		{ 'w', 604800 }
	};
	char		*end;
	long long	 v;
	size_t		 i;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || v < 0 || v > 100LL * 365 * 86400)
		return -1;
	if (*end == '\0') {
		*out = v;
		return 0;
	}
	if (end[1] != '\0')
		return -1;
	for (i = 0; i < nitems(units); i++) {
		if (units[i].unit == *end) {
			*out = v * units[i].secs;
			return 0;
		}
	}
	return -1;
}

/* Format an age compactly: "now", "12m", "3h", "2d", "5w", "2y". */
void
util_format_age(int64_t secs, char *out, size_t len)
{
	if (secs < 60)
		snprintf(out, len, "now");
	else if (secs < 3600)
		snprintf(out, len, "%lldm", (long long)(secs / 60));
	else if (secs < 86400)
		snprintf(out, len, "%lldh", (long long)(secs / 3600));
	else if (secs < 14 * 86400)
		snprintf(out, len, "%lldd", (long long)(secs / 86400));
	else if (secs < 365 * 86400)
		snprintf(out, len, "%lldw", (long long)(secs / 604800));
	else
		snprintf(out, len, "%lldy", (long long)(secs / (365 * 86400)));
}

/* Strip white space at both ends, in place. */
char *
util_trim(char *s)
{
	char	*end;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r' || end[-1] == '\n'))
		*--end = '\0';
	return s;
}

/*
 * Create a directory and its missing parents with the given mode. The
 * directory is usually there already: one mkdir says so, and only a
 * missing parent makes it go down the path.
 */
int
util_mkdirs(const char *path, unsigned int mode)
{
	char	*copy, *p;
	int	 rc = 0;

	if (mkdir(path, mode) == 0 || errno == EEXIST)
		return 0;
	copy = xstrdup(path);
	for (p = copy + 1; rc == 0 && *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, mode) != 0 && errno != EEXIST)
			rc = -1;
		*p = '/';
	}
	if (rc == 0 && mkdir(copy, mode) != 0 && errno != EEXIST)
		rc = -1;
	free(copy);
	return rc;
}

/*
 * Return the path of a file in an XDG base directory: kind "config" uses
 * $XDG_CONFIG_HOME or ~/.config, "data" $XDG_DATA_HOME or ~/.local/share,
 * "state" $XDG_STATE_HOME or ~/.local/state; always under "heed/".
 */
char *
util_xdg_path(const char *kind, const char *file)
{
	const char	*env, *home, *fallback;

	if (strcmp(kind, "config") == 0) {
		env = getenv("XDG_CONFIG_HOME");
		fallback = ".config";
	} else if (strcmp(kind, "state") == 0) {
		env = getenv("XDG_STATE_HOME");
		fallback = ".local/state";
	} else {
		env = getenv("XDG_DATA_HOME");
		fallback = ".local/share";
	}
	if (env != NULL && *env == '/')
		return xprintf("%s/heed/%s", env, file);
	if ((home = getenv("HOME")) == NULL || *home == '\0')
		home = "/";
	return xprintf("%s/%s/heed/%s", home, fallback, file);
}

/* Overwrite a secret with zeros, in a way the compiler keeps, and free it. */
void
util_free_secret(char *s)
{
	volatile char	*p;

	if (s == NULL)
		return;
	for (p = s; *p != '\0'; p++)
		*p = '\0';
	free(s);
}

/* Read n decimal digits at s into *out; 0, or -1 if one is not a digit. */
static int
util_digits(const char *s, size_t n, int *out)
{
	size_t	i;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*out = *out * 10 + (s[i] - '0');
	}
	return 0;
}

/* Count days from 1970-01-01 to a proleptic Gregorian date. */
int64_t
util_days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Turn days since 1970-01-01 into a year, month and day. */
void
util_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Return the number of days in a month. */
int
util_month_days(int y, int m)
{
	static const int	days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Parse the zone of a time ("Z", "+01:00", "-0500", or none: UTC). */
static int
util_parse_zone(const char *s, int64_t *offset)
{
	size_t	len = strlen(s);
	int	h, m, sign;

	*offset = 0;
	if (len == 0 || ((s[0] == 'Z' || s[0] == 'z') && len == 1))
		return 0;
	if ((s[0] != '+' && s[0] != '-') || (len != 6 && len != 5) ||
	    (len == 6 && s[3] != ':'))
		return -1;
	sign = s[0] == '-' ? -1 : 1;
	if (util_digits(s + 1, 2, &h) != 0 ||
	    util_digits(s + len - 2, 2, &m) != 0 || h > 23 || m > 59)
		return -1;
	*offset = sign * (h * 3600 + m * 60);
	return 0;
}

/*
 * Parse an RFC 3339 time into milliseconds since the epoch. Platforms
 * and their clients write times loosely, so this is lenient: any number of
 * fraction digits, "Z" or an offset with or without a colon, a lower-case
 * "t" or a space between date and time, and no zone at all (UTC).
 */
int
util_parse_time_ms(const char *s, int64_t *out)
{
	int	y, mo, d, h, mi, sec, ms = 0, scale = 100;
	int64_t	offset;
	size_t	i;

	if (s == NULL || strlen(s) < 19 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    s[13] != ':' || s[16] != ':')
		return -1;
	if (util_digits(s, 4, &y) != 0 ||
	    util_digits(s + 5, 2, &mo) != 0 ||
	    util_digits(s + 8, 2, &d) != 0 ||
	    util_digits(s + 11, 2, &h) != 0 ||
	    util_digits(s + 14, 2, &mi) != 0 ||
	    util_digits(s + 17, 2, &sec) != 0)
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > util_month_days(y, mo) ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	i = 19;
	if (s[i] == '.' || s[i] == ',') {
		for (i++; s[i] >= '0' && s[i] <= '9'; i++) {
			ms += (s[i] - '0') * scale;
			scale /= 10;
		}
		if (i == 20)
			return -1;
	}
	if (util_parse_zone(s + i, &offset) != 0)
		return -1;
	*out = (util_days_from_civil(y, mo, d) * 86400 + h * 3600 +
	    mi * 60 + sec - offset) * 1000 + ms;
	return 0;
}

/* Write milliseconds since the epoch as "2026-11-23T06:30:12.106Z". */
void
util_format_time_ms(int64_t ms, char *out, size_t len)
{
	int64_t	days, secs, y;
	int	m, d;

	days = ms / 86400000;
	if (ms % 86400000 < 0)
		days--;
	ms -= days * 86400000;
	secs = ms / 1000;
	util_civil_from_days(days, &y, &m, &d);
	snprintf(out, len, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ",
	    (long long)y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
	    (int)(secs % 60), (int)(ms % 1000));
}

/*
 * The site of url, scheme and host only ("https://graph.facebook.com"),
 * to name it in a message: a path or query may carry a token, and a
 * user:password@ part a password.
 */
char *
util_url_site(const char *url)
{
	const char	*host, *end, *at;

	host = strstr(url, "://");
	host = host != NULL ? host + 3 : url;
	end = host + strcspn(host, "/?#");
	at = memchr(host, '@', (size_t)(end - host));
	if (at != NULL)
		return xprintf("%.*s%.*s", (int)(host - url), url,
		    (int)(end - at - 1), at + 1);
	return xprintf("%.*s", (int)(end - url), url);
}

/* Append "?key=value" (or "&key=value") with the value percent-encoded. */
void
util_query(struct buf *q, const char *key, const char *value)
{
	static const char	hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			 enc[3];

	buf_addch(q, q->len == 0 ? '?' : '&');
	buf_addstr(q, key);
	buf_addch(q, '=');
	for (p = (const unsigned char *)value; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			buf_addch(q, (char)*p);
		else {
			enc[0] = '%';
			enc[1] = hex[*p >> 4];
			enc[2] = hex[*p & 0xf];
			buf_add(q, enc, 3);
		}
	}
}

/*
 * Open a web address with a browser, without waiting for it: browser
 * (a command; empty means $BROWSER, else xdg-open) runs in a grandchild
 * of its own session, its output to /dev/null, so that no zombie is left
 * and nothing it says reaches the terminal. The address goes to it as one
 * argument, never through a shell's words. Return the command used, or
 * NULL with errno when it could not be started.
 */
const char *
util_open_url(const char *browser, const char *url)
{
	pid_t	pid;
	int	fd;

	if (browser == NULL || *browser == '\0')
		browser = getenv("BROWSER");
	if (browser == NULL || *browser == '\0')
		browser = "xdg-open";
	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (fork() != 0)
			_exit(0);
		setsid();
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", browser, url,
		    (char *)NULL);
		_exit(127);
	}
	if (pid == -1)
		return NULL;
	waitpid(pid, NULL, 0);
	return browser;
}
