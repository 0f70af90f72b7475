/*
 * http.c -- the HTTP transport: libcurl's multi interface on the poll loop.
 *
 * libcurl tells us which sockets to watch (http_on_socket) and when to wake
 * it (http_on_timer); the loop calls back into curl_multi_socket_action
 * when a socket is ready or the timer is due, and finished transfers are
 * collected right after and handed to their callbacks. Nothing here ever
 * waits for the network. What an answer's headers say of the server's
 * limits is read in http-limits.c.
 */
#include <ctype.h>
#include <dlfcn.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * libcurl is loaded with dlopen the first time heed needs the network,
 * not linked: with its TLS, Kerberos, LDAP and SSH libraries it adds some
 * 6 MB and a few milliseconds to every start, and heed shows its cache
 * (the first screen, heed list) without it. The calls below go through
 * a table of pointers filled from the library; curl.h's compile-time
 * type checks of setopt arguments are macros that cannot wrap a pointer,
 * so they are off here.
 */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

static struct {
	void	*dl;
	char	*error;
	__typeof__(curl_global_init)		*global_init;
	__typeof__(curl_global_cleanup)		*global_cleanup;
	__typeof__(curl_easy_init)		*easy_init;
	__typeof__(curl_easy_setopt)		*easy_setopt;
	__typeof__(curl_easy_getinfo)		*easy_getinfo;
	__typeof__(curl_easy_cleanup)		*easy_cleanup;
	__typeof__(curl_easy_strerror)		*easy_strerror;
	__typeof__(curl_free)			*free;
	__typeof__(curl_getdate)		*getdate;
	__typeof__(curl_multi_init)		*multi_init;
	__typeof__(curl_multi_setopt)		*multi_setopt;
	__typeof__(curl_multi_add_handle)	*multi_add_handle;
	__typeof__(curl_multi_remove_handle)	*multi_remove_handle;
	__typeof__(curl_multi_cleanup)		*multi_cleanup;
	__typeof__(curl_multi_info_read)	*multi_info_read;
	__typeof__(curl_multi_socket_action)	*multi_socket_action;
	__typeof__(curl_slist_append)		*slist_append;
	__typeof__(curl_slist_free_all)		*slist_free_all;
	__typeof__(curl_url)			*url;
	__typeof__(curl_url_cleanup)		*url_cleanup;
	__typeof__(curl_url_get)		*url_get;
	__typeof__(curl_url_set)		*url_set;
} curl;

/* curl.h makes these three-argument macros; the table replaces them. */
#undef curl_easy_setopt
#undef curl_easy_getinfo
#undef curl_multi_setopt
#define curl_global_init	curl.global_init
#define curl_global_cleanup	curl.global_cleanup
#define curl_easy_init		curl.easy_init
#define curl_easy_setopt	curl.easy_setopt
#define curl_easy_getinfo	curl.easy_getinfo
#define curl_easy_cleanup	curl.easy_cleanup
#define curl_easy_strerror	curl.easy_strerror
#define curl_free		curl.free
#define curl_getdate		curl.getdate
#define curl_multi_init		curl.multi_init
#define curl_multi_setopt	curl.multi_setopt
#define curl_multi_add_handle	curl.multi_add_handle
#define curl_multi_remove_handle curl.multi_remove_handle
#define curl_multi_cleanup	curl.multi_cleanup
#define curl_multi_info_read	curl.multi_info_read
#define curl_multi_socket_action curl.multi_socket_action
#define curl_slist_append	curl.slist_append
#define curl_slist_free_all	curl.slist_free_all
#define curl_url		curl.url
#define curl_url_cleanup	curl.url_cleanup
#define curl_url_get		curl.url_get
#define curl_url_set		curl.url_set

#include "http-private.h"
#include "http.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "util.h"

#define HTTP_MAX_REDIRS		5
#define HTTP_HOST_CONNS		4
#define HTTP_TOTAL_CONNS	16
#define HTTP_MAX_HEADERS	100
#define HTTP_MAX_HEADER_BYTES	(64 * 1024)

static const struct http_limits http_default_limits = {
	.connect_ms = 10 * 1000,
	.total_ms = 60 * 1000,
	.low_speed_bytes = 1,
	.low_speed_secs = 30,
	.max_body = 16 * 1024 * 1024
};

/* One request in flight. */
struct http_req {
	struct http		*h;
	uint64_t		 id;
	CURL			*easy;
	struct curl_slist	*hdrs;		/* holds the Authorization */
	char			*body;		/* a copy; may be a secret */
	char			*what;		/* "GET https://host/path" */
	char			*host;
	http_done_cb		 cb;
	void			*arg;
	struct http_limits	 limits;
	struct buf		 resp;		/* the body so far */
	struct buf		 hbuf;		/* "name\0value\0" pairs */
	size_t			 nheaders;
	int			 too_large;	/* 1: body, 2: headers */
	int64_t			 start_ms;
	char			 errbuf[CURL_ERROR_SIZE];
	struct http_req		*next;
};

struct http {
	struct loop		*loop;
	CURLM			*multi;
	uint64_t		 timer;		/* loop timer id; 0: none */
	int			*fds;		/* sockets watched on the loop */
	size_t			 nfds;
	char			*ca_file;
	struct http_limits	 limits;
	struct http_req		*reqs;
	uint64_t		 next_id;
	int			 delivering;	/* inside a callback */
	int			 freeing;
};

static void	http_on_fd(int, short, void *);
static void	http_on_timer(void *);

/* Forget a watched socket. */
static void
http_unwatch(struct http *h, int fd)
{
	size_t	i;

	loop_fd_clear(h->loop, fd);
	for (i = 0; i < h->nfds; i++) {
		if (h->fds[i] == fd) {
			h->fds[i] = h->fds[--h->nfds];
			return;
		}
	}
}

/* Watch a socket for the events libcurl asks for (CURLMOPT_SOCKETFUNCTION). */
static int
http_on_socket(CURL *easy, curl_socket_t s, int what, void *userp,
    void *socketp)
{
	struct http	*h = userp;
	short		 events = 0;
	size_t		 i;

	(void)easy;
	(void)socketp;
	if (what == CURL_POLL_REMOVE) {
		http_unwatch(h, s);
		return 0;
	}
	if (what == CURL_POLL_IN || what == CURL_POLL_INOUT)
		events |= POLLIN;
	if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT)
		events |= POLLOUT;
	loop_fd_set(h->loop, s, events, http_on_fd, h);
	for (i = 0; i < h->nfds; i++) {
		if (h->fds[i] == s)
			return 0;
	}
	h->fds = xreallocarray(h->fds, h->nfds + 1, sizeof *h->fds);
	h->fds[h->nfds++] = s;
	return 0;
}

/* Set or clear the one loop timer libcurl wants (CURLMOPT_TIMERFUNCTION). */
static int
http_on_timeout(CURLM *multi, long ms, void *userp)
{
	struct http	*h = userp;

	(void)multi;
	if (h->timer != 0) {
		loop_timer_cancel(h->loop, h->timer);
		h->timer = 0;
	}
	if (ms >= 0)
		h->timer = loop_timer_add(h->loop, ms, http_on_timer, h);
	return 0;
}

/* Find one symbol of libcurl; 0 or -1. */
static int
http_sym(void **fn, const char *name)
{
	if ((*fn = dlsym(curl.dl, name)) != NULL)
		return 0;
	free(curl.error);
	curl.error = xprintf("libcurl has no %s: it is too old (heed needs "
	    "7.80 or newer)", name);
	return -1;
}

/* Load libcurl the first time it is needed; 0 or -1 with curl.error. */
static int
http_load(void)
{
	static const char *const names[] = {
		"curl_global_init", "curl_global_cleanup", "curl_easy_init",
		"curl_easy_setopt", "curl_easy_getinfo", "curl_easy_cleanup",
		"curl_easy_strerror", "curl_free", "curl_getdate",
		"curl_multi_init", "curl_multi_setopt", "curl_multi_add_handle",
		"curl_multi_remove_handle", "curl_multi_cleanup",
		"curl_multi_info_read", "curl_multi_socket_action",
		"curl_slist_append", "curl_slist_free_all", "curl_url",
		"curl_url_cleanup", "curl_url_get", "curl_url_set"
	};
	void	**fns[nitems(names)];
	size_t	  i;

	if (curl.dl != NULL)
		return 0;
	fns[0] = (void **)&curl.global_init;
	fns[1] = (void **)&curl.global_cleanup;
	fns[2] = (void **)&curl.easy_init;
	fns[3] = (void **)&curl.easy_setopt;
	fns[4] = (void **)&curl.easy_getinfo;
	fns[5] = (void **)&curl.easy_cleanup;
	fns[6] = (void **)&curl.easy_strerror;
	fns[7] = (void **)&curl.free;
	fns[8] = (void **)&curl.getdate;
	fns[9] = (void **)&curl.multi_init;
	fns[10] = (void **)&curl.multi_setopt;
	fns[11] = (void **)&curl.multi_add_handle;
	fns[12] = (void **)&curl.multi_remove_handle;
	fns[13] = (void **)&curl.multi_cleanup;
	fns[14] = (void **)&curl.multi_info_read;
	fns[15] = (void **)&curl.multi_socket_action;
	fns[16] = (void **)&curl.slist_append;
	fns[17] = (void **)&curl.slist_free_all;
	fns[18] = (void **)&curl.url;
	fns[19] = (void **)&curl.url_cleanup;
	fns[20] = (void **)&curl.url_get;
	fns[21] = (void **)&curl.url_set;
	if ((curl.dl = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL)) ==
	    NULL) {
		free(curl.error);
		curl.error = xprintf("cannot load libcurl (%s): install the "
		    "libcurl4 package", dlerror());
		return -1;
	}
	for (i = 0; i < nitems(names); i++) {
		if (http_sym(fns[i], names[i]) != 0) {
			dlclose(curl.dl);
			curl.dl = NULL;
			return -1;
		}
	}
	return 0;
}

/* Create a transport. */
struct http *
http_new(struct loop *loop)
{
	struct http	*h;

	if (http_load() != 0) {
		log_error("http: %s", curl.error);
		return NULL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		fatal("curl_global_init failed");
	h = xcalloc(1, sizeof *h);
	h->loop = loop;
	h->limits = http_default_limits;
	h->next_id = 1;
	if ((h->multi = curl_multi_init()) == NULL)
		fatal("curl_multi_init failed");
	curl_multi_setopt(h->multi, CURLMOPT_SOCKETFUNCTION, http_on_socket);
	curl_multi_setopt(h->multi, CURLMOPT_SOCKETDATA, h);
	curl_multi_setopt(h->multi, CURLMOPT_TIMERFUNCTION, http_on_timeout);
	curl_multi_setopt(h->multi, CURLMOPT_TIMERDATA, h);
	curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)HTTP_HOST_CONNS);
	curl_multi_setopt(h->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)HTTP_TOTAL_CONNS);
	return h;
}

/* Free a request and wipe the secrets it held. */
static void
http_req_free(struct http_req *rq)
{
	struct curl_slist	*l;

	if (rq->easy != NULL)
		curl_easy_cleanup(rq->easy);
	for (l = rq->hdrs; l != NULL; l = l->next) {
		util_free_secret(l->data);	/* the Authorization line */
		l->data = NULL;
	}
	curl_slist_free_all(rq->hdrs);
	util_free_secret(rq->body);
	free(rq->what);
	free(rq->host);
	buf_free(&rq->resp);
	buf_free(&rq->hbuf);
	free(rq);
}

/* Take a request off the list and out of the multi handle. */
static void
http_req_detach(struct http_req *rq)
{
	struct http	 *h = rq->h;
	struct http_req **pp;

	for (pp = &h->reqs; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == rq) {
			*pp = rq->next;
			break;
		}
	}
	rq->next = NULL;
	curl_multi_remove_handle(h->multi, rq->easy);
}

/* Hand a finished request to its callback, then free it. */
static void
http_deliver(struct http_req *rq, struct platform_response *r)
{
	struct http		*h = rq->h;
	struct platform_header	*hv;
	const char		*p;
	size_t			 i;

	hv = xcalloc(rq->nheaders, sizeof *hv);
	p = rq->hbuf.data;
	for (i = 0; i < rq->nheaders; i++) {
		hv[i].name = p;
		p += strlen(p) + 1;
		hv[i].value = p;
		p += strlen(p) + 1;
	}
	r->id = rq->id;
	r->headers = hv;
	r->nheaders = rq->nheaders;
	r->elapsed_ms = util_mono_ms() - rq->start_ms;
	if (r->error == TRANSPORT_OK) {
		log_debug("http: %s: %ld, %zu bytes in %lld ms", rq->what,
		    r->status, r->len, (long long)r->elapsed_ms);
	} else {
		log_debug("http: %s: %s (after %lld ms)", rq->what, r->message,
		    (long long)r->elapsed_ms);
	}
	h->delivering++;
	rq->cb(r, rq->arg);
	h->delivering--;
	free(hv);
	http_req_free(rq);
}

/* Free a transport; requests in flight end as cancelled. */
void
http_free(struct http *h)
{
	struct http_req		*rq;
	struct platform_response	 r;
	long			 sent;

	if (h == NULL)
		return;
	if (h->delivering)
		fatal("http_free called from an http callback");
	h->freeing = 1;
	while ((rq = h->reqs) != NULL) {
		sent = 0;
		curl_easy_getinfo(rq->easy, CURLINFO_REQUEST_SIZE, &sent);
		http_req_detach(rq);
		memset(&r, 0, sizeof r);
		r.error = TRANSPORT_ERR_CANCELLED;
		r.message = "cancelled";
		r.body = "";
		r.request_sent = sent > 0;
		http_deliver(rq, &r);
	}
	curl_multi_cleanup(h->multi);
	while (h->nfds > 0)
		http_unwatch(h, h->fds[0]);
	if (h->timer != 0)
		loop_timer_cancel(h->loop, h->timer);
	free(h->fds);
	free(h->ca_file);
	free(h);
	curl_global_cleanup();
}

/* Set the CA file used to verify servers (NULL: the system's). */
void
http_set_ca_file(struct http *h, const char *path)
{
	free(h->ca_file);
	h->ca_file = path != NULL ? xstrdup(path) : NULL;
}

/* Copy out the limits new requests get. */
void
http_get_limits(const struct http *h, struct http_limits *l)
{
	*l = h->limits;
}

/* Set the limits for requests sent from now on. */
void
http_set_limits(struct http *h, const struct http_limits *l)
{
	if (l->connect_ms <= 0 || l->total_ms <= 0 || l->max_body == 0 ||
	    l->low_speed_bytes < 0 || l->low_speed_secs < 0)
		fatal("bad http limits");
	h->limits = *l;
}

/* Return the number of requests in flight. */
int
http_pending(const struct http *h)
{
	const struct http_req	*rq;
	int			 n = 0;

	for (rq = h->reqs; rq != NULL; rq = rq->next)
		n++;
	return n;
}

/* Keep a response body, up to the limit (CURLOPT_WRITEFUNCTION). */
static size_t
http_on_body(char *p, size_t size, size_t n, void *arg)
{
	struct http_req	*rq = arg;

	n *= size;	/* size is always 1 */
	if (buf_add(&rq->resp, p, n) != 0) {
		rq->too_large = 1;
		return 0;	/* curl stops the transfer */
	}
	return n;
}

/* Keep one response header line (CURLOPT_HEADERFUNCTION). */
static size_t
http_on_header(char *p, size_t size, size_t n, void *arg)
{
	struct http_req	*rq = arg;
	size_t		 nlen, vlen, len;
	const char	*colon, *v;

	n *= size;	/* size is always 1 */
	len = n;
	while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == '\n'))
		len--;
	if (len >= 5 && memcmp(p, "HTTP/", 5) == 0) {
		/* A new answer (a redirect or 1xx came first): start over. */
		buf_reset(&rq->hbuf);
		rq->nheaders = 0;
		return n;
	}
	if ((colon = memchr(p, ':', len)) == NULL || colon == p ||
	    p[0] == ' ' || p[0] == '\t')
		return n;	/* the blank line, folds and junk */
	nlen = (size_t)(colon - p);
	v = colon + 1;
	vlen = len - nlen - 1;
	while (vlen > 0 && (*v == ' ' || *v == '\t'))
		v++, vlen--;
	while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
		vlen--;
	if (memchr(p, '\0', len) != NULL)
		return n;	/* would cut the pair short */
	if (rq->nheaders == HTTP_MAX_HEADERS ||
	    buf_add(&rq->hbuf, p, nlen) != 0 || buf_addch(&rq->hbuf, 0) != 0 ||
	    buf_add(&rq->hbuf, v, vlen) != 0 || buf_addch(&rq->hbuf, 0) != 0) {
		rq->too_large = 2;
		return 0;
	}
	rq->nheaders++;
	return n;
}

/* Describe a URL for the log: scheme, host, port and path, no query. */
static void
http_describe(struct http_req *rq, const char *method, const char *url)
{
	CURLU	*u;
	char	*scheme = NULL, *host = NULL, *port = NULL, *path = NULL;

	if ((u = curl_url()) == NULL)
		fatal("curl_url failed");
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		curl_url_get(u, CURLUPART_PORT, &port, 0);
		curl_url_get(u, CURLUPART_PATH, &path, 0);
		rq->host = port != NULL ? xprintf("%s:%s", host, port) :
		    xstrdup(host);
		rq->what = xprintf("%s %s://%s%s", method, scheme, rq->host,
		    path != NULL ? path : "/");
	} else {
		rq->host = xstrdup("(bad URL)");
		rq->what = xprintf("%s (bad URL)", method);
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(path);
	curl_url_cleanup(u);
}

/* Set the options every request gets: safety first, then the limits. */
static void
http_setopt_common(struct http_req *rq)
{
	CURL			*e = rq->easy;
	const struct http_limits *l = &rq->limits;

	curl_easy_setopt(e, CURLOPT_PRIVATE, rq);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, rq->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
	if (curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https") !=
	    CURLE_OK || curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR,
	    "http,https") != CURLE_OK)
		fatal("libcurl refused the protocol list");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	if (rq->h->ca_file != NULL)
		curl_easy_setopt(e, CURLOPT_CAINFO, rq->h->ca_file);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)HTTP_MAX_REDIRS);
	/* Never send the Authorization header to another host. */
	curl_easy_setopt(e, CURLOPT_UNRESTRICTED_AUTH, 0L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, "heed/" HEED_VERSION);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)l->connect_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)l->total_ms);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, l->low_speed_bytes);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, l->low_speed_secs);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)(l->max_body > INT64_MAX ? INT64_MAX : l->max_body));
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, http_on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, rq);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, http_on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, rq);
}

/* Add a header line to the request's list. */
static void
http_add_header(struct http_req *rq, const char *name, const char *value)
{
	struct curl_slist	*l;
	char			*line;
	size_t			 n;

	/*
	 * A line break would start a header of its own. The likely source is
	 * a token read with its trailing newline, so cut it there.
	 */
	n = strcspn(value, "\r\n");
	if (value[n] != '\0')
		log_warn("http: %s header cut at a line break", name);
	line = xprintf("%s: %.*s", name, (int)n, value);
	if ((l = curl_slist_append(rq->hdrs, line)) == NULL)
		fatal("curl_slist_append failed");
	rq->hdrs = l;
	util_free_secret(line);
}

/* Set the method, body and headers of a request. */
static void
http_setopt_request(struct http_req *rq, const struct platform_request *req)
{
	CURL		*e = rq->easy;
	const char	*m = req->method;
	size_t		 i;

	for (i = 0; m[i] != '\0'; i++) {
		if (i == 16 || !isupper((unsigned char)m[i]))
			fatal("bad HTTP method \"%s\"", m);
	}
	if (req->body != NULL)
		rq->body = xstrdup(req->body);
	if (strcmp(m, "HEAD") == 0)
		curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
	else if (strcmp(m, "GET") == 0 && rq->body == NULL)
		curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
	else if (rq->body != NULL || strcmp(m, "POST") == 0) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)(rq->body != NULL ? strlen(rq->body) : 0));
		curl_easy_setopt(e, CURLOPT_POSTFIELDS,
		    rq->body != NULL ? rq->body : "");
	}
	if (strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0 &&
	    strcmp(m, "POST") != 0)
		curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m);
	/*
	 * libcurl silently resends a request once when a reused connection
	 * turns out dead. That is harmless for reads but could repeat an
	 * action, so anything but GET and HEAD gets a connection of its own.
	 */
	if (strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0)
		curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
	if (req->content_type != NULL)
		http_add_header(rq, "Content-Type", req->content_type);
	if (req->authorization != NULL)
		http_add_header(rq, "Authorization", req->authorization);
	if (req->idempotency_key != NULL)
		http_add_header(rq, "Idempotency-Key", req->idempotency_key);
	http_add_header(rq, "Expect", "");	/* no 100-continue wait */
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, rq->hdrs);
}

/* Start a request. */
uint64_t
http_send(struct http *h, const struct platform_request *req,
    http_done_cb cb, void *arg)
{
	struct http_req	*rq;

	if (req->method == NULL || req->url == NULL || cb == NULL)
		fatal("http_send without a method, URL or callback");
	if (h->freeing)
		return 0;
	rq = xcalloc(1, sizeof *rq);
	rq->h = h;
	rq->id = h->next_id++;
	rq->cb = cb;
	rq->arg = arg;
	rq->limits = h->limits;
	rq->start_ms = util_mono_ms();
	buf_init(&rq->resp, rq->limits.max_body);
	buf_init(&rq->hbuf, HTTP_MAX_HEADER_BYTES);
	if ((rq->easy = curl_easy_init()) == NULL)
		fatal("curl_easy_init failed");
	http_describe(rq, req->method, req->url);
	http_setopt_common(rq);
	http_setopt_request(rq, req);
	curl_easy_setopt(rq->easy, CURLOPT_URL, req->url);
	rq->next = h->reqs;
	h->reqs = rq;
	/* The transfer starts from the timer libcurl sets: never from here. */
	if (curl_multi_add_handle(h->multi, rq->easy) != CURLM_OK)
		fatal("curl_multi_add_handle failed");
	log_debug("http: %s: started as #%llu", rq->what,
	    (unsigned long long)rq->id);
	return rq->id;
}

/* Abandon a request without calling its callback. */
void
http_cancel(struct http *h, uint64_t id)
{
	struct http_req	*rq;

	for (rq = h->reqs; rq != NULL; rq = rq->next) {
		if (rq->id == id)
			break;
	}
	if (rq == NULL)
		return;
	log_debug("http: %s: cancelled", rq->what);
	http_req_detach(rq);
	http_req_free(rq);
}

/* Say in plain words why a transfer timed out. */
static char *
http_timeout_message(struct http_req *rq)
{
	curl_off_t	 tcp = 0, tls = 0;
	char		*scheme = NULL;

	/* Connected means the TLS handshake too, for https. */
	curl_easy_getinfo(rq->easy, CURLINFO_CONNECT_TIME_T, &tcp);
	curl_easy_getinfo(rq->easy, CURLINFO_APPCONNECT_TIME_T, &tls);
	curl_easy_getinfo(rq->easy, CURLINFO_SCHEME, &scheme);
	if (tcp == 0 || (scheme != NULL && strcasecmp(scheme, "https") == 0 &&
	    tls == 0)) {
		return xprintf("timed out connecting to %s after %lld ms",
		    rq->host, (long long)rq->limits.connect_ms);
	}
	if (strstr(rq->errbuf, "too slow") != NULL) {
		return xprintf("%s answered too slowly (under %ld bytes/s "
		    "for %ld s)", rq->host, rq->limits.low_speed_bytes,
		    rq->limits.low_speed_secs);
	}
	return xprintf("no complete answer from %s within %lld ms", rq->host,
	    (long long)rq->limits.total_ms);
}

/* Return 1 for the results that mean the TLS handshake failed. */
static int
http_is_tls(CURLcode code)
{
	switch (code) {
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_USE_SSL_FAILED:
		return 1;
	default:
		return 0;
	}
}

/* Classify a curl result; return the message (given). */
static char *
http_classify(struct http_req *rq, CURLcode code, long status,
    enum transport_error *err)
{
	const char	*host = rq->host, *why = rq->errbuf;

	if (*why == '\0')
		why = curl_easy_strerror(code);
	if (http_is_tls(code)) {
		*err = TRANSPORT_ERR_TLS;
		return xprintf("secure connection to %s failed: %s", host,
		    why);
	}
	switch (code) {
	case CURLE_OK:
		*err = TRANSPORT_OK;
		return xstrdup("");
	case CURLE_WRITE_ERROR:
	case CURLE_FILESIZE_EXCEEDED:
		if (rq->too_large == 2) {
			*err = TRANSPORT_ERR_TOO_LARGE;
			return xprintf("response headers larger than %d bytes "
			    "or more than %d of them", HTTP_MAX_HEADER_BYTES,
			    HTTP_MAX_HEADERS);
		}
		if (rq->too_large == 1 || code == CURLE_FILESIZE_EXCEEDED) {
			*err = TRANSPORT_ERR_TOO_LARGE;
			return xprintf("response larger than %zu bytes",
			    rq->limits.max_body);
		}
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		*err = TRANSPORT_ERR_DNS;
		return xprintf("could not find the host %s", host);
	case CURLE_COULDNT_CONNECT:
		*err = TRANSPORT_ERR_CONNECT;
		return xprintf("could not connect to %s", host);
	case CURLE_OPERATION_TIMEDOUT:
		*err = TRANSPORT_ERR_TIMEOUT;
		return http_timeout_message(rq);
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
		if (status == 0) {
			*err = TRANSPORT_ERR_DROPPED;
			return xprintf("%s closed the connection before "
			    "answering", host);
		}
		*err = TRANSPORT_ERR_PARTIAL;
		return xprintf("the answer from %s broke off midway", host);
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		*err = TRANSPORT_ERR_PROTOCOL;
		return xprintf("refused URL (only http and https are allowed): "
		    "%s", why);
	case CURLE_TOO_MANY_REDIRECTS:
		*err = TRANSPORT_ERR_PROTOCOL;
		return xprintf("too many redirects from %s", host);
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_BAD_CONTENT_ENCODING:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		*err = TRANSPORT_ERR_PROTOCOL;
		return xprintf("bad answer from %s: %s", host, why);
	default:
		break;
	}
	*err = TRANSPORT_ERR_OTHER;
	return xprintf("request to %s failed: %s", host, why);
}

/* Report a finished transfer to its owner. */
static void
http_finish(struct http_req *rq, CURLcode code)
{
	struct platform_response	 r;
	long			 status = 0, sent = 0;
	char			*msg;

	curl_easy_getinfo(rq->easy, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(rq->easy, CURLINFO_REQUEST_SIZE, &sent);
	memset(&r, 0, sizeof r);
	msg = http_classify(rq, code, status, &r.error);
	r.message = msg;
	r.status = status;
	r.request_sent = sent > 0 || r.error == TRANSPORT_OK;
	if (r.error == TRANSPORT_OK) {
		r.body = rq->resp.data != NULL ? rq->resp.data : "";
		r.len = rq->resp.len;
	} else
		r.body = "";
	http_req_detach(rq);
	http_deliver(rq, &r);
	free(msg);
}

/* Hand every finished transfer to its callback. */
static void
http_collect(struct http *h)
{
	CURLMsg		*m;
	CURLcode	 code;
	void		*p;
	int		 left;

	/* A callback may send or cancel: read one message at a time. */
	while ((m = curl_multi_info_read(h->multi, &left)) != NULL) {
		if (m->msg != CURLMSG_DONE)
			continue;
		code = m->data.result;
		p = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &p);
		http_finish(p, code);
	}
}

/* Let libcurl work on a socket the loop found ready. */
static void
http_on_fd(int fd, short revents, void *arg)
{
	struct http	*h = arg;
	int		 mask = 0, running;

	if (revents & (POLLIN | POLLHUP))
		mask |= CURL_CSELECT_IN;
	if (revents & POLLOUT)
		mask |= CURL_CSELECT_OUT;
	if (revents & POLLERR)
		mask |= CURL_CSELECT_ERR;
	if (revents & POLLNVAL) {
		/* Closed behind our back: stop the loop spinning on it. */
		http_unwatch(h, fd);
		return;
	}
	curl_multi_socket_action(h->multi, fd, mask, &running);
	http_collect(h);
}

/* Let libcurl do its timed work. */
static void
http_on_timer(void *arg)
{
	struct http	*h = arg;
	int		 running;

	h->timer = 0;
	curl_multi_socket_action(h->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	http_collect(h);
}

/* Read an HTTP date with libcurl; -1 if it is not one. */
time_t
http_getdate(const char *s)
{
	return curl_getdate(s, NULL);
}
