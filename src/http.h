/*
 * http.h -- the HTTP transport: libcurl's multi interface driven from the
 * one poll loop. Requests run concurrently and never block the loop; each
 * one ends in exactly one callback, called from the loop, unless the
 * caller cancels it first. The answer is a platform_response: how the
 * request failed, if it did, is its error field (enum transport_error).
 *
 * Policy (retries, backoff, rate limits) belongs to the caller; this
 * module only reports what happened, in a form the caller can act on.
 */
#ifndef HEED_HTTP_H
#define HEED_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "platform.h"

struct loop;
struct http;

/* Limits applied to each request sent after they are set. */
struct http_limits {
	int64_t	connect_ms;	/* give up connecting after this (> 0) */
	int64_t	total_ms;	/* give up on the whole request (> 0) */
	long	low_speed_bytes; /* abort below this many bytes/s ... */
	long	low_speed_secs;	/* ... for this long (0: never) */
	size_t	max_body;	/* largest decoded body accepted (> 0) */
};

/* Rate-limit state announced by a server; -1 for what it did not say. */
struct http_ratelimit {
	int64_t	limit;		/* requests allowed in the window */
	int64_t	remaining;	/* requests left in the window */
	int64_t	reset;		/* seconds until the window resets */
	int64_t	window;		/* length of the window in seconds */
};

typedef void (*http_done_cb)(const struct platform_response *, void *);

/* Create a transport on a loop; free it before the loop. */
struct http	*http_new(struct loop *);
/*
 * Free a transport. Requests still in flight end with TRANSPORT_ERR_CANCELLED
 * (so their callbacks can free their arguments); http_send refuses new
 * ones meanwhile. Must not be called from an http callback.
 */
void		 http_free(struct http *);
/* Trust only the CAs in this file (NULL: the system's); copied. */
void		 http_set_ca_file(struct http *, const char *);
void		 http_get_limits(const struct http *, struct http_limits *);
void		 http_set_limits(struct http *, const struct http_limits *);

/*
 * Start a request (copied: the caller keeps req). cb is called once, from
 * the loop, never from inside http_send. Returns the request id (never 0),
 * or 0 while the transport is being freed.
 */
uint64_t	 http_send(struct http *, const struct platform_request *,
		    http_done_cb, void *);
/* Abandon a request; its callback is not called. Unknown ids are fine. */
void		 http_cancel(struct http *, uint64_t);
/* Return the number of requests started and not yet ended. */
int		 http_pending(const struct http *);

/*
 * Return the seconds to wait that Retry-After asks for (seconds or an
 * HTTP date, against the wall-clock time now); -1 if there is none.
 */
int64_t		 http_retry_after(const struct platform_response *, int64_t);
/*
 * Parse RateLimit-Limit/-Remaining/-Reset/-Policy (or the X-RateLimit-*
 * forms); Reset may be seconds, epoch seconds or an ISO-8601 time. Returns
 * 0, or -1 if the response has none of them.
 */
int		 http_ratelimit(const struct platform_response *, int64_t,
		    struct http_ratelimit *);

#endif
