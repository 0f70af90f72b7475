/*
 * transport.h -- the one interface through which the engine sends a
 * request and gets its answer: send, cancel, free. Behind it stand HTTP
 * (libcurl, for the real platforms) and the in-process demo server (for
 * URLs the demo server serves); tests put a fake in their place.
 *
 * How a request failed to get an answer at all is a value of its own
 * (enum transport_error in the response), never a made-up HTTP status.
 */
#ifndef HEED_TRANSPORT_H
#define HEED_TRANSPORT_H

#include <stdint.h>

struct config;
struct loop;
struct platform_request;
struct platform_response;
struct transport;

/* How a request failed. Only TRANSPORT_OK carries an answer (any status). */
enum transport_error {
	TRANSPORT_OK,
	TRANSPORT_ERR_DNS,		/* the host name did not resolve */
	TRANSPORT_ERR_CONNECT,		/* no connection */
	TRANSPORT_ERR_TLS,		/* handshake or certificate failed */
	TRANSPORT_ERR_TIMEOUT,		/* connect, total or low-speed limit */
	TRANSPORT_ERR_DROPPED,		/* closed before an answer */
	TRANSPORT_ERR_PARTIAL,		/* the answer broke off midway */
	TRANSPORT_ERR_TOO_LARGE,	/* body or headers over the limit */
	TRANSPORT_ERR_CANCELLED,	/* the transport was freed first */
	TRANSPORT_ERR_PROTOCOL,		/* bad URL, scheme, redirect, answer */
	TRANSPORT_ERR_UNAVAILABLE,	/* no way to send (libcurl missing) */
	TRANSPORT_ERR_OTHER
};

/* Called once with a request's answer; the response is lent. */
typedef void (*transport_done_cb)(const struct platform_response *, void *);

/* What a transport implements. */
struct transport_ops {
	/*
	 * Start a request (copied: the caller keeps req), giving up after
	 * timeout_ms. cb is called once, from the loop, never from inside
	 * send. Returns the request's id (never 0).
	 */
	uint64_t (*send)(struct transport *, const struct platform_request *,
		    int64_t, transport_done_cb, void *);
	/* Abandon a request; its callback is not called. */
	void	 (*cancel)(struct transport *, uint64_t);
	void	 (*free)(struct transport *);
};

/* A transport: its ops, then whatever state its implementation keeps. */
struct transport {
	const struct transport_ops	*ops;
};

/*
 * Create heed's transport: the demo server for the URLs it serves (its
 * held-back comments arrive over time when live is set), HTTP for the
 * rest, created when first needed.
 */
struct transport	*transport_new(struct loop *, const struct config *,
			    int);
uint64_t		 transport_send(struct transport *,
			    const struct platform_request *, int64_t,
			    transport_done_cb, void *);
void			 transport_cancel(struct transport *, uint64_t);
/* Free a transport; what is in flight is dropped, its callbacks not called. */
void			 transport_free(struct transport *);
/* Name a transport error in a few words. */
const char		*transport_error_name(enum transport_error);

#endif
