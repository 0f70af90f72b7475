/*
 * http.h -- the HTTP transport: libcurl's multi interface driven from the
 * one poll loop. Requests run concurrently and never block the loop; each
 * one ends in exactly one callback, called from the loop, unless the
 * caller cancels it first.
 *
 * Policy (retries, backoff, rate limits) belongs to the caller; this
 * module only reports what happened, in a form the caller can act on.
 */
#ifndef HEED_HTTP_H
#define HEED_HTTP_H

#include <stddef.h>
#include <stdint.h>

struct loop;
struct platform_request;
struct http;

/* How a request failed. Only HTTP_OK carries an answer (of any status). */
enum http_error {
	HTTP_OK,
	HTTP_ERR_DNS,		/* the host name did not resolve */
	HTTP_ERR_CONNECT,	/* no connection (refused, unreachable) */
	HTTP_ERR_TLS,		/* handshake or certificate check failed */
	HTTP_ERR_TIMEOUT,	/* connect, total or low-speed limit hit */
	HTTP_ERR_DROPPED,	/* closed after the request, before an answer */
	HTTP_ERR_PARTIAL,	/* the answer broke off midway */
	HTTP_ERR_TOO_LARGE,	/* body or headers over the limit */
	HTTP_ERR_CANCELLED,	/* http_free ended it */
	HTTP_ERR_PROTOCOL,	/* bad URL, scheme, redirect or answer */
	HTTP_ERR_OTHER
};

/* Limits applied to each request sent after they are set. */
struct http_limits {
	int64_t	connect_ms;	/* give up connecting after this (> 0) */
	int64_t	total_ms;	/* give up on the whole request (> 0) */
	long	low_speed_bytes; /* abort below this many bytes/s ... */
	long	low_speed_secs;	/* ... for this long (0: never) */
	size_t	max_body;	/* largest decoded body accepted (> 0) */
};

/* One response header; both strings are lent with the response. */
struct http_header {
	const char	*name;
	const char	*value;
};

/* What a request produced; lent to the callback, gone when it returns. */
struct http_response {
	uint64_t		 id;
	enum http_error		 error;
	const char		*message;	/* plain words; "" if HTTP_OK */
	long			 status;	/* last status seen; 0 if none */
	const char		*body;		/* NUL-terminated; "" on error */
	size_t			 len;
	const struct http_header *headers;	/* the final answer's */
	size_t			 nheaders;
	/*
	 * 1 if the request may have reached the server (it was written to
	 * the connection), so a non-idempotent action must not simply be
	 * sent again; 0 if it certainly did not (DNS, connect, TLS).
	 */
	int			 request_sent;
	int64_t			 elapsed_ms;
};

/* Rate-limit state announced by a server; -1 for what it did not say. */
struct http_ratelimit {
	int64_t	limit;		/* requests allowed in the window */
	int64_t	remaining;	/* requests left in the window */
	int64_t	reset;		/* seconds until the window resets */
	int64_t	window;		/* length of the window in seconds */
};

typedef void (*http_done_cb)(const struct http_response *, void *);

/* Create a transport on a loop; free it before the loop. */
struct http	*http_new(struct loop *);
/*
 * Free a transport. Requests still in flight end with HTTP_ERR_CANCELLED
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

/* Find a response header by name, ignoring case; NULL if absent. */
const char	*http_header(const struct http_response *, const char *);
/*
 * Return the seconds to wait that Retry-After asks for (seconds or an
 * HTTP date, against the wall-clock time now); -1 if there is none.
 */
int64_t		 http_retry_after(const struct http_response *, int64_t);
/*
 * Parse RateLimit-Limit/-Remaining/-Reset/-Policy (or the X-RateLimit-*
 * forms); Reset may be seconds, epoch seconds or an ISO-8601 time. Returns
 * 0, or -1 if the response has none of them.
 */
int		 http_ratelimit(const struct http_response *, int64_t,
		    struct http_ratelimit *);

#endif
