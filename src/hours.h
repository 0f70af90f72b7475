/*
 * hours.h -- a shop's business hours: opening hours per weekday, closed
 * dates and a time zone, and the business seconds between two times.
 *
 * The base of a response clock: a comment that came at 22:00 and was
 * answered at 09:30 the next day waited 30 minutes of business time when
 * the shop opens at 09:00. Pure: libc only, no configuration file.
 */
#ifndef HEED_HOURS_H
#define HEED_HOURS_H

#include <stddef.h>
#include <stdint.h>

/* Open spans a day may have ("10:00-12:30 13:30-18:00" is two). */
#define HOURS_SPANS 4

/* Seconds in a day without a clock change; a span closes at most then. */
#define HOURS_DAY 86400

/* The folder of the zone files a time_zone names. */
#define HOURS_ZONEINFO "/usr/share/zoneinfo"

/* One open span of a day, in seconds since local midnight. */
struct hours_span {
	int	open;		/* 0 to 86399 */
	int	close;		/* after open, up to HOURS_DAY (24:00) */
};

/* The spans of one weekday, sorted and apart; none: closed. */
struct hours_day {
	int			nspans;
	struct hours_span	span[HOURS_SPANS];
};

/* Closed dates first to last, in days since 1970-01-01. */
struct hours_closed {
	int64_t	first;
	int64_t	last;
};

/*
 * Business hours as hours_parse makes them. always is set when neither
 * hours nor closed dates are: then business time is wall time.
 */
struct hours {
	int			 always;
	struct hours_day	 day[7];	/* tm_wday order: 0 is Sunday */
	int64_t			 week;		/* open seconds in a plain week */
	struct hours_closed	*closed;	/* sorted, merged */
	size_t			 nclosed;
	char			*zone;		/* TZ to set, NULL: the system's */
};

/*
 * Parse the three settings, each NULL or "" when unset: hours ("mon-fri
 * 09:00-17:30, sat 10:00-16:00"; unset: open all day every day), closed
 * ("2026-12-25, 2026-12-24..2026-12-31") and tz (an IANA name under
 * HOURS_ZONEINFO; unset: the system's local time). 0, or -1 with *cause
 * set to one line that says what is wrong (the caller frees it); h is then
 * empty. hours_free frees what a parse gave.
 */
int	 hours_parse(struct hours *, const char *, const char *, const char *,
	     char **);
void	 hours_free(struct hours *);

/* Whether neither hours nor closed dates are set: all is wall time. */
int	 hours_always(const struct hours *);
/* Business seconds in [from, to); 0 if to <= from. */
int64_t	 hours_between(const struct hours *, int64_t, int64_t);
/* The time at which secs business seconds have passed since from. */
int64_t	 hours_due(const struct hours *, int64_t, int64_t);
/* Whether the shop is open at t (the opening second is, closing not). */
int	 hours_open_at(const struct hours *, int64_t);
/* The first moment from t on when the shop is closed (t if it is). */
int64_t	 hours_open_until(const struct hours *, int64_t);

#endif
