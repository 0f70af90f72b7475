/*
 * http-limits.c -- what a server says of its limits in the headers of an
 * answer: the wait Retry-After asks for and the RateLimit-* (or
 * X-RateLimit-*) headers. Nothing here sends or waits; the engine and the
 * commands read an answer with these.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http-private.h"
#include "http.h"
#include "platform.h"
#include "util.h"

/* Parse a non-negative decimal number with optional spaces around it. */
static int
http_parse_number(const char *s, int64_t *out)
{
	int64_t	v = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!isdigit((unsigned char)*s))
		return -1;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0')
		return -1;
	*out = v;
	return 0;
}

/* Parse an ISO-8601 UTC time ("2026-08-01T15:00:00.754Z"); 0 or -1. */
static int
http_parse_iso8601(const char *s, int64_t *out)
{
	struct tm	tm;
	int		y, mo, d, hh, mm, ss, n = 0, oh, om, sign;
	time_t		t;

	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &hh, &mm, &ss,
	    &n) != 6 || n == 0)
		return -1;
	s += n;
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++)
			;
	sign = 0;
	oh = om = 0;
	if (*s == 'Z')
		s++;
	else if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		if (sscanf(s + 1, "%2d:%2d%n", &oh, &om, &n) != 2)
			return -1;
		s += 1 + n;
	} else
		return -1;
	if (*s != '\0' || mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 ||
	    mm > 59 || ss > 60)
		return -1;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_sec = ss;
	if ((t = timegm(&tm)) == (time_t)-1)
		return -1;
	*out = (int64_t)t - sign * (oh * 3600 + om * 60);
	return 0;
}

/* Return the seconds Retry-After asks to wait, or -1. */
int64_t
http_retry_after(const struct platform_response *r, int64_t now)
{
	const char	*v;
	int64_t		 secs;
	time_t		 t;

	if ((v = platform_header(r, "Retry-After")) == NULL)
		return -1;
	if (http_parse_number(v, &secs) == 0)
		return secs;
	if ((t = http_getdate(v)) == -1)
		return -1;
	return (int64_t)t > now ? (int64_t)t - now : 0;
}

/*
 * Turn a reset value into seconds from now. Servers disagree: the IETF
 * draft says seconds, Bluesky sends epoch seconds and Mastodon an ISO-8601
 * time. No window is 30 years long, so a big number is a time.
 */
static int64_t
http_parse_reset(const char *v, int64_t now)
{
	int64_t	n;

	if (http_parse_number(v, &n) == 0) {
		if (n < 1000000000)
			return n;
	} else if (http_parse_iso8601(v, &n) != 0)
		return -1;
	return n > now ? n - now : 0;
}

/* Read a "30;w=300" policy (its first entry) into rl. */
static void
http_parse_policy(const char *v, struct http_ratelimit *rl)
{
	const char	*p, *end;
	char		*num;
	int64_t		 n;

	end = v + strcspn(v, ",");
	num = xstrndup(v, strcspn(v, ";,"));
	if (rl->limit == -1 && http_parse_number(num, &n) == 0)
		rl->limit = n;
	free(num);
	for (p = v; (p = strchr(p, ';')) != NULL && p < end; p++) {
		while (p[1] == ' ')
			p++;
		if (p[1] == 'w' && p[2] == '=') {
			num = xstrndup(p + 3, strcspn(p + 3, ";,"));
			if (http_parse_number(num, &n) == 0)
				rl->window = n;
			free(num);
			return;
		}
	}
}

/* Find the header prefix + suffix ("X-RateLimit-" "Reset"). */
static const char *
http_rl_header(const struct platform_response *r, const char *prefix,
    const char *suffix, int *found)
{
	char		 name[32];
	const char	*v;

	snprintf(name, sizeof name, "%s%s", prefix, suffix);
	if ((v = platform_header(r, name)) != NULL)
		*found = 1;
	return v;
}

/* Parse the rate-limit headers of a response. */
int
http_ratelimit(const struct platform_response *r, int64_t now,
    struct http_ratelimit *rl)
{
	static const char *const prefixes[] = { "RateLimit-", "X-RateLimit-" };
	const char	*v, *pre;
	size_t		 i;
	int		 found = 0;
	int64_t		 n;

	rl->limit = rl->remaining = rl->reset = rl->window = -1;
	for (i = 0; i < nitems(prefixes) && !found; i++) {
		pre = prefixes[i];
		v = http_rl_header(r, pre, "Limit", &found);
		if (v != NULL && http_parse_number(v, &n) == 0)
			rl->limit = n;
		v = http_rl_header(r, pre, "Remaining", &found);
		if (v != NULL && http_parse_number(v, &n) == 0)
			rl->remaining = n;
		if ((v = http_rl_header(r, pre, "Reset", &found)) != NULL)
			rl->reset = http_parse_reset(v, now);
		if ((v = http_rl_header(r, pre, "Policy", &found)) != NULL)
			http_parse_policy(v, rl);
	}
	return found ? 0 : -1;
}
