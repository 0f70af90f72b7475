/*
 * hours-parse.c -- the settings of a shop's business hours: opening hours
 * per weekday, closed dates and a time zone, each refused with one line
 * that says what is wrong and what is expected.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "hours.h"
#include "util.h"

/* Bytes of a setting a message quotes. */
#define HOURS_QUOTE	40
/* The longest zone name taken. */
#define HOURS_ZONE_MAX	128

#define HOURS_DAYS_LIST	"(mon, tue, wed, thu, fri, sat, sun)"
#define HOURS_SPAN_HINT	"(a span such as 09:00-17:30, 24h or closed)"
#define HOURS_TIME_HINT	"(hh:mm from 00:00 to 24:00)"
#define HOURS_DATE_HINT	"(yyyy-mm-dd, such as 2026-12-25)"
#define HOURS_ZONE_HINT	"(an IANA name such as Europe/Amsterdam)"

/* Day names in tm_wday order, short and long. */
static const char *hours_day_short[] = {
	"sun", "mon", "tue", "wed", "thu", "fri", "sat"
};
static const char *hours_day_long[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday"
};

/*
 * Quote n bytes of s for a message into out (HOURS_QUOTE + 1 bytes): any
 * byte that is not printable ASCII becomes '?', so what a setting holds
 * cannot move the cursor or turn text around; a long one is cut short.
 */
static void
hours_quote(char *out, const char *s, size_t n)
{
	size_t		keep = n > HOURS_QUOTE ? HOURS_QUOTE - 3 : n, i;
	unsigned char	ch;

	for (i = 0; i < keep; i++) {
		ch = (unsigned char)s[i];
		out[i] = ch >= 0x20 && ch < 0x7f ? (char)ch : '?';
	}
	if (keep < n) {
		memcpy(out + i, "...", 3);
		i += 3;
	}
	out[i] = '\0';
}

/* Fail with "setting: "what was given": why", what quoted; -1. */
static int printflike(5, 6)
hours_fail(char **cause, const char *setting, const char *s, size_t n,
    const char *fmt, ...)
{
	char	 q[HOURS_QUOTE + 1], *why;
	va_list	 ap;

	if (cause == NULL)
		return -1;
	va_start(ap, fmt);
	why = xvprintf(fmt, ap);
	va_end(ap);
	hours_quote(q, s, n);
	util_fail(cause, "%s: \"%s\": %s", setting, q, why);
	free(why);
	return -1;
}

/* Whether a setting is unset: NULL or nothing but spaces. */
static int
hours_blank(const char *s)
{
	if (s == NULL)
		return 1;
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

/* The next word at *p and its length in *n; NULL when none is left. */
static const char *
hours_word(const char **p, size_t *n)
{
	const char	*s = *p, *start;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		*p = s;
		return NULL;
	}
	start = s;
	while (*s != '\0' && !isspace((unsigned char)*s))
		s++;
	*n = (size_t)(s - start);
	*p = s;
	return start;
}

/* The weekday (0 is Sunday) of a name of n bytes in any case, or -1. */
static int
hours_day_name(const char *s, size_t n)
{
	int	i;

	for (i = 0; i < 7; i++) {
		if (n == 3 && strncasecmp(s, hours_day_short[i], 3) == 0)
			return i;
		if (n == strlen(hours_day_long[i]) &&
		    strncasecmp(s, hours_day_long[i], n) == 0)
			return i;
	}
	return -1;
}

/* Parse the days word of an entry ("mon", "fri-mon") into a range. */
static int
hours_parse_days(const char *entry, const char *w, size_t n, int *first,
    int *last, char **cause)
{
	const char	*dash = memchr(w, '-', n), *part;
	size_t		 len;
	char		 q[HOURS_QUOTE + 1];

	if (isdigit((unsigned char)w[0]))
		return hours_fail(cause, "hours", entry, strlen(entry),
		    "no days (days such as mon-fri before the hours)");
	part = w;
	len = dash != NULL ? (size_t)(dash - w) : n;
	if ((*first = hours_day_name(part, len)) == -1)
		goto unknown;
	*last = *first;
	if (dash == NULL)
		return 0;
	part = dash + 1;
	len = n - (size_t)(part - w);
	if ((*last = hours_day_name(part, len)) == -1)
		goto unknown;
	return 0;

unknown:
	hours_quote(q, part, len);
	return hours_fail(cause, "hours", entry, strlen(entry),
	    "unknown day \"%s\" " HOURS_DAYS_LIST, q);
}

/* Parse "9", "09", "9:30" or "09:30" (n bytes) into seconds; 0 or -1. */
static int
hours_parse_time(const char *s, size_t n, int *out)
{
	size_t	i = 0;
	int	hh = 0, mm = 0;

	while (i < n && i < 2 && isdigit((unsigned char)s[i]))
		hh = hh * 10 + (s[i++] - '0');
	if (i == 0)
		return -1;
	if (i < n) {
		if (s[i] != ':' || n - i != 3 ||
		    !isdigit((unsigned char)s[i + 1]) ||
		    !isdigit((unsigned char)s[i + 2]))
			return -1;
		mm = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	}
	if (hh > 24 || mm > 59 || (hh == 24 && mm != 0))
		return -1;
	*out = hh * 3600 + mm * 60;
	return 0;
}

/* Write a span as "09:00-17:30" into out. */
static void
hours_span_text(char *out, size_t len, const struct hours_span *sp)
{
	snprintf(out, len, "%02d:%02d-%02d:%02d", sp->open / 3600,
	    sp->open / 60 % 60, sp->close / 3600, sp->close / 60 % 60);
}

/* Parse a span word of an entry ("09:00-17:30", "24h"). */
static int
hours_parse_span(const char *entry, const char *w, size_t n,
    struct hours_span *sp, char **cause)
{
	const char	*dash = memchr(w, '-', n), *bad;
	size_t		 len;
	char		 q[HOURS_QUOTE + 1], text[32];

	if (n == 3 && strncasecmp(w, "24h", 3) == 0) {
		sp->open = 0;
		sp->close = HOURS_DAY;
		return 0;
	}
	if (dash == NULL) {
		hours_quote(q, w, n);
		return hours_fail(cause, "hours", entry, strlen(entry),
		    "bad hours \"%s\" " HOURS_SPAN_HINT, q);
	}
	bad = w;
	len = (size_t)(dash - w);
	if (hours_parse_time(bad, len, &sp->open) != 0)
		goto bad_time;
	bad = dash + 1;
	len = n - len - 1;
	if (hours_parse_time(bad, len, &sp->close) != 0)
		goto bad_time;
	if (sp->close <= sp->open) {
		hours_span_text(text, sizeof text, sp);
		return hours_fail(cause, "hours", entry, strlen(entry),
		    "span %s is empty or crosses midnight (spans lie within "
		    "a day, such as 09:00-17:30)", text);
	}
	return 0;

bad_time:
	hours_quote(q, bad, len);
	return hours_fail(cause, "hours", entry, strlen(entry),
	    "bad time \"%s\" " HOURS_TIME_HINT, q);
}

/* Sort a day's spans by opening and refuse two that overlap. */
static int
hours_sort_spans(const char *entry, struct hours_day *day, char **cause)
{
	struct hours_span	sp;
	char			a[32], b[32];
	int			i, j;

	for (i = 1; i < day->nspans; i++) {
		sp = day->span[i];
		for (j = i; j > 0 && day->span[j - 1].open > sp.open; j--)
			day->span[j] = day->span[j - 1];
		day->span[j] = sp;
	}
	for (i = 1; i < day->nspans; i++) {
		if (day->span[i].open >= day->span[i - 1].close)
			continue;
		hours_span_text(a, sizeof a, &day->span[i - 1]);
		hours_span_text(b, sizeof b, &day->span[i]);
		return hours_fail(cause, "hours", entry, strlen(entry),
		    "spans %s and %s overlap", a, b);
	}
	return 0;
}

/*
 * Parse one entry of the hours setting ("mon-fri 09:00-17:30",
 * "sun closed") into the days it names, replacing what an earlier entry
 * gave them.
 */
static int
hours_parse_entry(struct hours *h, const char *entry, char **cause)
{
	struct hours_day	 day;
	struct hours_span	 sp;
	const char		*p = entry, *w;
	size_t			 n;
	int			 first = 0, last = 0, closed = 0, d;

	memset(&day, 0, sizeof day);
	if ((w = hours_word(&p, &n)) == NULL)
		return util_fail(cause, "hours: an empty entry");
	if (hours_parse_days(entry, w, n, &first, &last, cause) != 0)
		return -1;
	while ((w = hours_word(&p, &n)) != NULL) {
		if (n == 6 && strncasecmp(w, "closed", 6) == 0) {
			closed = 1;
			continue;
		}
		if (hours_parse_span(entry, w, n, &sp, cause) != 0)
			return -1;
		if (day.nspans == HOURS_SPANS)
			return hours_fail(cause, "hours", entry, strlen(entry),
			    "more than %d spans in a day", HOURS_SPANS);
		day.span[day.nspans++] = sp;
	}
	if (closed && day.nspans > 0)
		return hours_fail(cause, "hours", entry, strlen(entry),
		    "closed and hours together (one or the other)");
	if (!closed && day.nspans == 0)
		return hours_fail(cause, "hours", entry, strlen(entry),
		    "no hours " HOURS_SPAN_HINT);
	if (hours_sort_spans(entry, &day, cause) != 0)
		return -1;
	for (d = first;; d = (d + 1) % 7) {
		h->day[d] = day;
		if (d == last)
			break;
	}
	return 0;
}

/*
 * Call fn on each entry of a comma-separated setting, spaces trimmed; an
 * empty entry is refused with an example of the setting.
 */
static int
hours_each(struct hours *h, const char *s, const char *setting,
    const char *example, int (*fn)(struct hours *, const char *, char **),
    char **cause)
{
	const char	*p = s, *comma;
	char		*entry, *t;
	size_t		 n;
	int		 rc;

	for (;;) {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		entry = xstrndup(p, n);
		t = util_trim(entry);
		/* Blank as the words are read: any white space, \v too. */
		if (hours_blank(t))
			rc = util_fail(cause, "%s: empty entry between commas "
			    "(%s)", setting, example);
		else
			rc = fn(h, t, cause);
		free(entry);
		if (rc != 0)
			return -1;
		if (comma == NULL)
			return 0;
		p = comma + 1;
	}
}

/*
 * Parse the hours setting into h's week. Unset, every day is open all
 * day; set, a day no entry names is closed, and one day must be open.
 */
static int
hours_parse_hours(struct hours *h, const char *s, char **cause)
{
	int	d, i;

	h->week = 0;
	if (hours_blank(s)) {
		for (d = 0; d < 7; d++) {
			h->day[d].nspans = 1;
			h->day[d].span[0].open = 0;
			h->day[d].span[0].close = HOURS_DAY;
		}
		h->week = 7 * HOURS_DAY;
		return 0;
	}
	if (hours_each(h, s, "hours", "entries such as \"mon-fri "
	    "09:00-17:30, sat 10:00-16:00\"", hours_parse_entry, cause) != 0)
		return -1;
	for (d = 0; d < 7; d++) {
		for (i = 0; i < h->day[d].nspans; i++)
			h->week += h->day[d].span[i].close -
			    h->day[d].span[i].open;
	}
	if (h->week == 0)
		return util_fail(cause, "hours: no day is open (leave hours "
		    "unset to be open all the time)");
	return 0;
}

/* Parse a date "2026-12-25" of n bytes into days since 1970-01-01. */
static int
hours_parse_date(const char *s, size_t n, int64_t *day, char **cause)
{
	int	y = 0, m, d;
	size_t	i;

	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n != 10 || s[4] != '-' || s[7] != '-')
		goto bad;
	for (i = 0; i < n; i++) {
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			goto bad;
	}
	for (i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > util_month_days(y, m))
		goto bad;
	*day = util_days_from_civil(y, m, d);
	return 0;

bad:
	return hours_fail(cause, "closed", s, n, "not a date "
	    HOURS_DATE_HINT);
}

/* Parse one entry of closed dates ("2026-12-25" or "a..b") into h. */
static int
hours_parse_closed(struct hours *h, const char *entry, char **cause)
{
	const char		*dots = strstr(entry, "..");
	struct hours_closed	 c;

	if (dots == NULL) {
		if (hours_parse_date(entry, strlen(entry), &c.first,
		    cause) != 0)
			return -1;
		c.last = c.first;
	} else {
		if (hours_parse_date(entry, (size_t)(dots - entry), &c.first,
		    cause) != 0 || hours_parse_date(dots + 2, strlen(dots + 2),
		    &c.last, cause) != 0)
			return -1;
		if (c.last < c.first)
			return hours_fail(cause, "closed", entry,
			    strlen(entry), "ends before it starts (a range "
			    "such as 2026-12-24..2026-12-31)");
	}
	h->closed = xreallocarray(h->closed, h->nclosed + 1,
	    sizeof *h->closed);
	h->closed[h->nclosed++] = c;
	return 0;
}

/* Order two closed ranges by their first day, for qsort. */
static int
hours_closed_cmp(const void *a, const void *b)
{
	const struct hours_closed	*ca = a, *cb = b;

	if (ca->first != cb->first)
		return ca->first < cb->first ? -1 : 1;
	return 0;
}

/* Sort the closed ranges and merge those that overlap or touch. */
static void
hours_merge_closed(struct hours *h)
{
	size_t	i, n = 0;

	if (h->nclosed == 0)
		return;
	qsort(h->closed, h->nclosed, sizeof *h->closed, hours_closed_cmp);
	for (i = 1; i < h->nclosed; i++) {
		if (h->closed[i].first <= h->closed[n].last + 1) {
			if (h->closed[i].last > h->closed[n].last)
				h->closed[n].last = h->closed[i].last;
		} else
			h->closed[++n] = h->closed[i];
	}
	h->nclosed = n + 1;
}

/* Whether a zone name is a plain relative path of [A-Za-z0-9_+-/]. */
static int
hours_zone_name(const char *s)
{
	size_t	n = strlen(s), i;
	char	c;

	if (n == 0 || n > HOURS_ZONE_MAX || s[0] == '/' || s[n - 1] == '/' ||
	    strstr(s, "//") != NULL || strstr(s, "..") != NULL)
		return 0;
	for (i = 0; i < n; i++) {
		c = s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '+' ||
		    c == '-' || c == '/')
			continue;
		return 0;
	}
	return 1;
}

/* Whether path is a readable zone file: a plain file that says "TZif". */
static int
hours_zone_file(const char *path)
{
	struct stat	sb;
	char		magic[4];
	ssize_t		got;
	int		fd;

	if (access(path, R_OK) != 0 || stat(path, &sb) != 0 ||
	    !S_ISREG(sb.st_mode))
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	got = read(fd, magic, sizeof magic);
	close(fd);
	return got == (ssize_t)sizeof magic &&
	    memcmp(magic, "TZif", sizeof magic) == 0;
}

/* Check a time_zone setting and keep the TZ that selects it in h. */
static int
hours_parse_zone(struct hours *h, const char *tz, char **cause)
{
	char	*path;
	int	 found;

	if (hours_blank(tz))
		return 0;
	if (!hours_zone_name(tz))
		return hours_fail(cause, "time_zone", tz, strlen(tz),
		    "not a zone name " HOURS_ZONE_HINT);
	path = xprintf("%s/%s", HOURS_ZONEINFO, tz);
	found = hours_zone_file(path);
	free(path);
	if (!found)
		return hours_fail(cause, "time_zone", tz, strlen(tz),
		    "no such zone in " HOURS_ZONEINFO " " HOURS_ZONE_HINT);
	h->zone = xprintf(":%s/%s", HOURS_ZONEINFO, tz);
	return 0;
}

/*
 * Parse the settings of a shop's hours into h: hours per weekday, closed
 * dates and the time zone, each NULL or blank when unset. On failure h is
 * left empty and *cause says what is wrong in one line.
 */
int
hours_parse(struct hours *h, const char *hours, const char *closed,
    const char *tz, char **cause)
{
	memset(h, 0, sizeof *h);
	if (hours_parse_hours(h, hours, cause) != 0)
		goto fail;
	if (!hours_blank(closed) && hours_each(h, closed, "closed",
	    "dates such as \"2026-12-25, 2026-12-26\"", hours_parse_closed,
	    cause) != 0)
		goto fail;
	if (hours_parse_zone(h, tz, cause) != 0)
		goto fail;
	hours_merge_closed(h);
	h->always = hours_blank(hours) && h->nclosed == 0;
	return 0;

fail:
	hours_free(h);
	return -1;
}
