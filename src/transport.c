/*
 * transport.c -- heed's transport: the demo server answers the URLs it
 * serves (demo_server_serves) in-process, after a short delay as the network would; HTTP carries the
 * rest. When libcurl cannot be loaded, a request is answered, a moment
 * later from the loop, with TRANSPORT_ERR_UNAVAILABLE and the reason.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "http.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "platform/platforms.h"
#include "transport.h"
#include "util.h"

#define DEMO_RELEASE_MS		(90 * 1000)
#define DEMO_LATENCY_MS		120	/* and up to 250 more */

/* A request in flight. */
struct transport_call {
	struct heed_transport	*t;
	uint64_t		 id;
	uint64_t		 http_id;	/* over HTTP; or 0 */
	uint64_t		 timer;		/* answered here; or 0 */
	struct platform_request	 req;		/* the demo server's copy */
	transport_done_cb	 cb;
	void			*arg;
	struct transport_call	*next;
};

struct heed_transport {
	struct transport	 base;		/* first: the ops */
	struct loop		*loop;
	const struct config	*cfg;
	struct http		*http;		/* created when needed */
	struct demo_server	*demo;		/* if an account is a demo */
	uint64_t		 demo_timer;
	struct transport_call	*calls;
	uint64_t		 next_id;
};

/* Start a request; see transport_ops. */
uint64_t
transport_send(struct transport *t, const struct platform_request *req,
    int64_t timeout_ms, transport_done_cb cb, void *arg)
{
	return t->ops->send(t, req, timeout_ms, cb, arg);
}

/* Abandon a request; unknown ids are fine. */
void
transport_cancel(struct transport *t, uint64_t id)
{
	if (t != NULL && id != 0)
		t->ops->cancel(t, id);
}

/* Free a transport. */
void
transport_free(struct transport *t)
{
	if (t != NULL)
		t->ops->free(t);
}

/* Name a transport error. */
const char *
transport_error_name(enum transport_error e)
{
	static const char *const names[] = {
		"ok", "dns", "connect", "tls", "timeout", "dropped",
		"partial", "too large", "cancelled", "protocol",
		"unavailable", "other"
	};

	if ((size_t)e >= sizeof names / sizeof names[0])
		return "?";
	return names[e];
}

/* Take a call off the list and free it. */
static void
heed_call_free(struct heed_transport *t, struct transport_call *c)
{
	struct transport_call	**pp;

	for (pp = &t->calls; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	}
	platform_request_clear(&c->req);
	free(c);
}

/* Find a call by id. */
static struct transport_call *
heed_call_find(struct heed_transport *t, uint64_t id)
{
	struct transport_call	*c;

	for (c = t->calls; c != NULL; c = c->next) {
		if (c->id == id)
			return c;
	}
	return NULL;
}

/* Hand a call's answer to its owner, after the call is gone. */
static void
heed_call_done(struct transport_call *c, struct platform_response *resp)
{
	transport_done_cb	 cb = c->cb;
	void			*arg = c->arg;

	resp->id = c->id;
	heed_call_free(c->t, c);
	cb(resp, arg);
}

/* Copy a request, for an answer made later. */
static void
heed_request_copy(struct platform_request *dst,
    const struct platform_request *src)
{
	dst->method = src->method != NULL ? xstrdup(src->method) : NULL;
	dst->url = src->url != NULL ? xstrdup(src->url) : NULL;
	dst->body = src->body != NULL ? xstrdup(src->body) : NULL;
	dst->content_type = src->content_type != NULL ?
	    xstrdup(src->content_type) : NULL;
	dst->idempotency_key = src->idempotency_key != NULL ?
	    xstrdup(src->idempotency_key) : NULL;
	dst->authorization = src->authorization != NULL ?
	    xstrdup(src->authorization) : NULL;
}

/* Answer a demo request from the demo server. */
static void
heed_demo_answer(void *arg)
{
	struct transport_call		*c = arg;
	struct platform_response	 resp;
	char				*body = NULL;
	long				 status = 0;

	c->timer = 0;
	demo_server_handle(c->t->demo, &c->req, loop_now(c->t->loop), &status,
	    &body);
	memset(&resp, 0, sizeof resp);
	resp.status = status;
	resp.body = body;
	resp.len = strlen(body);
	resp.message = "";
	resp.request_sent = 1;
	heed_call_done(c, &resp);
	free(body);
}

/* Answer a request that HTTP could not carry: libcurl is missing. */
static void
heed_unavailable_answer(void *arg)
{
	struct transport_call		*c = arg;
	struct platform_response	 resp;

	c->timer = 0;
	memset(&resp, 0, sizeof resp);
	resp.error = TRANSPORT_ERR_UNAVAILABLE;
	resp.message = "libcurl could not be loaded; install libcurl4 (heed "
	    "doctor says more)";
	resp.body = "";
	heed_call_done(c, &resp);
}

/* Hand an HTTP answer on. */
static void
heed_http_answer(const struct platform_response *hr, void *arg)
{
	struct transport_call		*c = arg;
	struct platform_response	 resp = *hr;

	c->http_id = 0;
	if (hr->error == TRANSPORT_ERR_CANCELLED) {
		/* The transport is being freed: nobody waits any more. */
		heed_call_free(c->t, c);
		return;
	}
	if (hr->error != TRANSPORT_OK) {
		/* An answer cut short is no answer, whatever its status. */
		resp.status = 0;
		resp.body = "";
		resp.len = 0;
	}
	heed_call_done(c, &resp);
}

/* Get the HTTP transport, creating it; NULL when libcurl is missing. */
static struct http *
heed_http(struct heed_transport *t, int64_t timeout_ms)
{
	struct http_limits	 limits;
	const char		*ca;

	if (t->http == NULL && (t->http = http_new(t->loop)) != NULL) {
		ca = config_str(t->cfg, NULL, OPT_CA_FILE);
		if (*ca != '\0')
			http_set_ca_file(t->http, ca);
	}
	if (t->http == NULL)
		return NULL;
	http_get_limits(t->http, &limits);
	limits.total_ms = timeout_ms;
	if (limits.connect_ms > limits.total_ms)
		limits.connect_ms = limits.total_ms;
	http_set_limits(t->http, &limits);
	return t->http;
}

/* Send a request: to the demo server, or over HTTP. */
static uint64_t
heed_send(struct transport *base, const struct platform_request *req,
    int64_t timeout_ms, transport_done_cb cb, void *arg)
{
	struct heed_transport	*t = (struct heed_transport *)base;
	struct transport_call	*c;
	struct http		*h;

	c = xcalloc(1, sizeof *c);
	c->t = t;
	c->id = t->next_id++;
	c->cb = cb;
	c->arg = arg;
	c->next = t->calls;
	t->calls = c;
	if (t->demo != NULL && demo_server_serves(req->url)) {
		heed_request_copy(&c->req, req);
		c->timer = loop_timer_add(t->loop, DEMO_LATENCY_MS +
		    random() % 250, heed_demo_answer, c);
		return c->id;
	}
	if ((h = heed_http(t, timeout_ms)) != NULL)
		c->http_id = http_send(h, req, heed_http_answer, c);
	if (c->http_id == 0)
		c->timer = loop_timer_add(t->loop, 0, heed_unavailable_answer,
		    c);
	return c->id;
}

/* Abandon a request. */
static void
heed_cancel(struct transport *base, uint64_t id)
{
	struct heed_transport	*t = (struct heed_transport *)base;
	struct transport_call	*c;

	if ((c = heed_call_find(t, id)) == NULL)
		return;
	if (c->timer != 0)
		loop_timer_cancel(t->loop, c->timer);
	if (c->http_id != 0)
		http_cancel(t->http, c->http_id);
	heed_call_free(t, c);
}

/* Free the transport and every call still in flight. */
static void
heed_free(struct transport *base)
{
	struct heed_transport	*t = (struct heed_transport *)base;

	while (t->calls != NULL)
		heed_cancel(base, t->calls->id);
	if (t->demo_timer != 0)
		loop_timer_cancel(t->loop, t->demo_timer);
	demo_server_free(t->demo);
	http_free(t->http);
	free(t);
}

/* Let the demo server's next held-back comment arrive. */
static int64_t
heed_demo_release(void *arg)
{
	struct heed_transport	*t = arg;

	if (demo_server_release(t->demo, loop_now(t->loop)))
		return DEMO_RELEASE_MS;
	t->demo_timer = 0;
	return -1;
}

static const struct transport_ops heed_transport_ops = {
	.send = heed_send,
	.cancel = heed_cancel,
	.free = heed_free
};

/* Create heed's transport for the configured accounts. */
struct transport *
transport_new(struct loop *loop, const struct config *cfg, int live)
{
	struct heed_transport	*t;
	const char		*url;
	size_t			 i;

	t = xcalloc(1, sizeof *t);
	t->base.ops = &heed_transport_ops;
	t->loop = loop;
	t->cfg = cfg;
	t->next_id = 1;
	for (i = 0; i < cfg->naccounts && t->demo == NULL; i++) {
		url = config_str(cfg, &cfg->accounts[i], OPT_URL);
		if (demo_server_serves(url))
			t->demo = demo_server_new(loop_now(loop));
	}
	if (t->demo != NULL && live)
		t->demo_timer = loop_every(loop, DEMO_RELEASE_MS,
		    heed_demo_release, t);
	return &t->base;
}
