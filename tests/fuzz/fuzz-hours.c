/*
 * fuzz-hours.c -- the business-hours settings (hours, closed, time_zone
 * of the config) and the clock they make. The input is the three values,
 * a line each, then two times. A setting refused must say why in one
 * line; one taken must give business time that never runs backwards,
 * never exceeds the wall time between two times, that hours_due
 * reaches no later than the end it was measured to, and that
 * hours_open_until gives a moment the shop is closed.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "hours.h"
#include "util.h"

/* Check what a parsed clock says of two times drawn from the input. */
static void
fuzz_hours_times(const struct hours *h, int64_t a, int64_t b)
{
	int64_t	from = a < b ? a : b, to = a < b ? b : a, in, due, until;

	in = hours_between(h, from, to);
	if (in < 0 || in > to - from)
		fuzz_fail("hours_between(%lld, %lld) = %lld, outside 0..%lld",
		    (long long)from, (long long)to, (long long)in,
		    (long long)(to - from));
	if (hours_between(h, to, from) != 0)
		fuzz_fail("hours_between ran backwards");
	if (in > 0 && (due = hours_due(h, from, in)) > to)
		fuzz_fail("hours_due(%lld, %lld) = %lld, after %lld",
		    (long long)from, (long long)in, (long long)due,
		    (long long)to);
	/* The shop closes no earlier than now, and is closed then. */
	until = hours_open_until(h, from);
	if (until < from || (hours_open_at(h, from) ? until == from :
	    until != from))
		fuzz_fail("hours_open_until(%lld) = %lld, open %d",
		    (long long)from, (long long)until, hours_open_at(h, from));
	if (until > from && until < from + 7 * 86400 && !hours_always(h) &&
	    hours_open_at(h, until))
		fuzz_fail("hours_open_until(%lld) = %lld, still open then",
		    (long long)from, (long long)until);
}

/* One input: three settings and two times. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hours	 h;
	char		*copy, *p, *hours, *closed, *tz, *cause = NULL;
	uint64_t	 hash = 0;
	int64_t		 a, b;
	size_t		 i;

	copy = xmalloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	p = copy;
	hours = fuzz_next_line(&p);
	closed = fuzz_next_line(&p);
	tz = fuzz_next_line(&p);
	/* The times: the bytes after the settings, folded into 2026. */
	for (i = 0; p != NULL && p[i] != '\0'; i++)
		hash = hash * 31 + (unsigned char)p[i];
	a = 1767225600 + (int64_t)(hash % (400 * 86400));
	b = 1767225600 + (int64_t)(hash / 7 % (400 * 86400));
	if (hours_parse(&h, hours, closed, tz != NULL && *tz != '\0' ? tz :
	    NULL, &cause) != 0) {
		if (cause == NULL)
			fuzz_fail("hours_parse refused without a reason");
		if (strchr(cause, '\n') != NULL)
			fuzz_fail("a reason of two lines: %s", cause);
		free(cause);
	} else {
		fuzz_hours_times(&h, a, b);
		hours_free(&h);
	}
	free(copy);
	return 0;
}
