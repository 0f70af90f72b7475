/*
 * test-http.c -- the HTTP transport against a fake server over loopback
 * (tests/fake/server.py, HTTP and HTTPS with a throwaway CA made by
 * tests/fake/ca/mkcert.sh), each request driven by a real loop: the exact
 * request sent, TLS verification, decoding, timeouts, resets, drops, size
 * limits, Retry-After and RateLimit-*, redirects, cancel and free with
 * requests in flight, a loop that keeps ticking while a request hangs, and
 * a log without secrets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "http.h"
#include "log.h"
#include "loop.h"
#include "platform.h"
#include "util.h"

#define DEADLINE_MS	15000
#define MiB		(1024 * 1024)

/* The fake server, shared by every test of the group. */
static struct {
	char	 dir[64];	/* temporary: certificates and the log */
	char	 ca[128];
	pid_t	 pid;
	int	 stdin_fd;	/* closing it makes the fake exit */
	int	 port;
	int	 tls_port;
} fake = { .pid = -1, .stdin_fd = -1 };

/* What one callback saw, copied out of the lent response. */
struct result {
	struct fx		*f;
	int			 calls;
	uint64_t		 id;
	enum transport_error		 error;
	char			*message;
	long			 status;
	char			*body;
	size_t			 len;
	int			 request_sent;
	int64_t			 elapsed_ms;
	int64_t			 retry_after;
	int			 have_rl;
	struct http_ratelimit	 rl;
	char			**names;
	char			**values;
	struct platform_header	*hv;
	struct platform_response	 view;	/* for http_header on the copy */
	int64_t			 done_ms;
};

/* One test's loop, transport and strings to free. */
struct fx {
	struct loop	*loop;
	struct http	*http;
	int		 pending;	/* callbacks still expected */
	int		 timed_out;
	char		*strs[64];
	size_t		 nstrs;
};

/* Format a string that lives until the end of the test. */
static const char *
S(struct fx *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvprintf(fmt, ap);
	va_end(ap);
	assert_true(f->nstrs < nitems(f->strs));
	f->strs[f->nstrs++] = s;
	return s;
}

/* Percent-encode a query value. */
static const char *
Q(struct fx *f, const char *v)
{
	struct buf	b;
	char		hex[4];

	buf_init(&b, 0);
	for (; *v != '\0'; v++) {
		if ((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
		    (*v >= '0' && *v <= '9') || strchr("-._~", *v) != NULL)
			buf_addch(&b, *v);
		else {
			snprintf(hex, sizeof hex, "%%%02X", (unsigned char)*v);
			buf_addstr(&b, hex);
		}
	}
	assert_true(f->nstrs < nitems(f->strs));
	f->strs[f->nstrs++] = buf_steal(&b);
	return f->strs[f->nstrs - 1];
}

/* A URL on the plain fake. */
static const char *
U(struct fx *f, const char *path)
{
	return S(f, "http://127.0.0.1:%d%s", fake.port, path);
}

/* A URL on the TLS fake. */
static const char *
US(struct fx *f, const char *path)
{
	return S(f, "https://127.0.0.1:%d%s", fake.tls_port, path);
}

/* Start a child with stdin and stdout on pipes; return its pid. */
static pid_t
spawn(const char *const argv[], int *in, int *out)
{
	int	p_in[2], p_out[2];
	pid_t	pid;

	if (pipe(p_in) != 0 || pipe(p_out) != 0)
		return -1;
	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		dup2(p_in[0], 0);
		dup2(p_out[1], 1);
		close(p_in[0]);
		close(p_in[1]);
		close(p_out[0]);
		close(p_out[1]);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(p_in[0]);
	close(p_out[1]);
	fcntl(p_in[1], F_SETFD, FD_CLOEXEC);
	fcntl(p_out[0], F_SETFD, FD_CLOEXEC);
	*in = p_in[1];
	*out = p_out[0];
	return pid;
}

/* Read the fake's "http=P https=P" line, waiting at most 10 s. */
static int
read_ports(int fd)
{
	char		line[128];
	size_t		len = 0;
	struct pollfd	pfd = { .fd = fd, .events = POLLIN };
	ssize_t		n;

	while (len < sizeof line - 1 && memchr(line, '\n', len) == NULL) {
		if (poll(&pfd, 1, 10000) != 1)
			return -1;
		if ((n = read(fd, line + len, sizeof line - 1 - len)) <= 0)
			return -1;
		len += (size_t)n;
	}
	line[len] = '\0';
	if (sscanf(line, "http=%d https=%d", &fake.port, &fake.tls_port) != 2)
		return -1;
	return fake.port > 0 && fake.tls_port > 0 ? 0 : -1;
}

/* Make the certificates and start the fake server. */
static int
group_setup(void **state)
{
	const char	*src = getenv("SRCDIR");
	char		 script[4096], server[4096], cert[160], key[160];
	const char	*mk[] = { "sh", script, fake.dir, NULL };
	const char	*py[] = { "python3", server, "--cert", cert, "--key",
			    key, NULL };
	int		 in, out, status;
	pid_t		 pid;

	(void)state;
	if (src == NULL || *src == '\0')
		src = ".";
	snprintf(script, sizeof script, "%s/tests/fake/ca/mkcert.sh", src);
	snprintf(server, sizeof server, "%s/tests/fake/server.py", src);
	snprintf(fake.dir, sizeof fake.dir, "/tmp/heed-http-XXXXXX");
	if (mkdtemp(fake.dir) == NULL)
		return -1;
	snprintf(fake.ca, sizeof fake.ca, "%s/ca.pem", fake.dir);
	snprintf(cert, sizeof cert, "%s/server.pem", fake.dir);
	snprintf(key, sizeof key, "%s/server.key", fake.dir);
	/* Requests to loopback must not go through a proxy from the env. */
	setenv("no_proxy", "127.0.0.1,localhost", 1);
	setenv("NO_PROXY", "127.0.0.1,localhost", 1);
	if ((pid = spawn(mk, &in, &out)) == -1)
		return -1;
	close(in);
	close(out);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "test-http: %s failed\n", script);
		return -1;
	}
	if ((fake.pid = spawn(py, &fake.stdin_fd, &out)) == -1)
		return -1;
	if (read_ports(out) != 0) {
		fprintf(stderr, "test-http: the fake server did not start\n");
		close(out);
		return -1;
	}
	close(out);
	/* The fake holds its key in memory now: none stays on disk. */
	unlink(cert);
	unlink(key);
	return 0;
}

/* Stop the fake server (by its pid) and remove the certificates. */
static int
group_teardown(void **state)
{
	const char	*files[] = { "ca.pem", "server.pem", "server.key",
			    "http.log" };
	char		 path[160];
	size_t		 i;

	(void)state;
	if (fake.stdin_fd != -1)
		close(fake.stdin_fd);
	if (fake.pid > 0) {
		kill(fake.pid, SIGTERM);
		waitpid(fake.pid, NULL, 0);
	}
	for (i = 0; i < nitems(files); i++) {
		snprintf(path, sizeof path, "%s/%s", fake.dir, files[i]);
		unlink(path);
	}
	rmdir(fake.dir);
	return 0;
}

/* A fresh loop and transport that trusts the test CA. */
static int
setup(void **state)
{
	struct fx	*f;

	f = xcalloc(1, sizeof *f);
	f->loop = loop_new();
	f->http = http_new(f->loop);
	http_set_ca_file(f->http, fake.ca);
	*state = f;
	return 0;
}

/* Free the results of a request. */
static void
result_clear(struct result *r)
{
	size_t	i;

	for (i = 0; i < r->view.nheaders; i++) {
		free(r->names[i]);
		free(r->values[i]);
	}
	free(r->names);
	free(r->values);
	free(r->hv);
	free(r->message);
	free(r->body);
	memset(r, 0, sizeof *r);
}

static int
teardown(void **state)
{
	struct fx	*f = *state;
	size_t		 i;

	http_free(f->http);
	loop_free(f->loop);
	for (i = 0; i < f->nstrs; i++)
		free(f->strs[i]);
	free(f);
	return 0;
}

/* Copy a response out of the callback; stop the loop when all are in. */
static void
on_done(const struct platform_response *r, void *arg)
{
	struct result	*res = arg;
	size_t		 i;

	res->calls++;
	if (res->calls > 1)
		return;
	res->id = r->id;
	res->error = r->error;
	res->message = xstrdup(r->message);
	res->status = r->status;
	res->body = xmalloc(r->len + 1);
	memcpy(res->body, r->body, r->len + 1);
	res->len = r->len;
	res->request_sent = r->request_sent;
	res->elapsed_ms = r->elapsed_ms;
	res->retry_after = http_retry_after(r, util_now());
	res->have_rl = http_ratelimit(r, util_now(), &res->rl) == 0;
	res->names = xcalloc(r->nheaders, sizeof *res->names);
	res->values = xcalloc(r->nheaders, sizeof *res->values);
	res->hv = xcalloc(r->nheaders, sizeof *res->hv);
	for (i = 0; i < r->nheaders; i++) {
		res->names[i] = xstrdup(r->headers[i].name);
		res->values[i] = xstrdup(r->headers[i].value);
		res->hv[i].name = res->names[i];
		res->hv[i].value = res->values[i];
	}
	res->view.headers = res->hv;
	res->view.nheaders = r->nheaders;
	res->done_ms = util_mono_ms();
	if (res->f != NULL && --res->f->pending == 0)
		loop_stop(res->f->loop, 0);
}

/* Give up on a test that hangs. */
static void
on_deadline(void *arg)
{
	struct fx	*f = arg;

	f->timed_out = 1;
	loop_stop(f->loop, 1);
}

/* Run the loop until every expected callback came, or fail. */
static void
run(struct fx *f)
{
	uint64_t	t;

	t = loop_timer_add(f->loop, DEADLINE_MS, on_deadline, f);
	loop_run(f->loop);
	loop_timer_cancel(f->loop, t);
	if (f->timed_out)
		fail_msg("no callback within %d ms", DEADLINE_MS);
}

/* Start a request whose result goes to res. */
static uint64_t
start(struct fx *f, const char *method, const char *url, const char *body,
    const char *ctype, const char *auth, struct result *res)
{
	struct platform_request	 req;
	uint64_t		 id;

	memset(&req, 0, sizeof req);
	req.method = xstrdup(method);
	req.url = xstrdup(url);
	req.body = body != NULL ? xstrdup(body) : NULL;
	req.content_type = ctype != NULL ? xstrdup(ctype) : NULL;
	req.authorization = auth != NULL ? xstrdup(auth) : NULL;
	res->f = f;
	f->pending++;
	id = http_send(f->http, &req, on_done, res);
	platform_request_clear(&req);	/* http_send copied it */
	assert_true(id != 0);
	return id;
}

/* Make one request and wait for its result. */
static void
fetch(struct fx *f, const char *method, const char *url, const char *body,
    const char *ctype, const char *auth, struct result *res)
{
	start(f, method, url, body, ctype, auth, res);
	run(f);
	assert_int_equal(res->calls, 1);
}

/* GET a URL with no body or headers. */
static void
get(struct fx *f, const char *url, struct result *res)
{
	fetch(f, "GET", url, NULL, NULL, NULL, res);
}

/* Parse the fake's echo of a request. */
static json_t *
echo_parse(const struct result *res)
{
	json_t		*j;
	json_error_t	 e;

	assert_int_equal(res->error, TRANSPORT_OK);
	assert_int_equal(res->status, 200);
	j = json_loadb(res->body, res->len, 0, &e);
	if (j == NULL)
		fail_msg("echo is not JSON: %s", e.text);
	return j;
}

/* A string field of the echo ("method", "path", "body"). */
static const char *
echo_str(json_t *j, const char *key)
{
	return json_string_value(json_object_get(j, key));
}

/* A request header as the fake received it; NULL if absent. */
static const char *
echo_header(json_t *j, const char *name)
{
	return json_string_value(json_object_get(json_object_get(j,
	    "headers"), name));
}

/* Fetch the fake's records of requests tagged tag. */
static json_t *
fake_log(struct fx *f, const char *tag)
{
	struct result	 res = { 0 };
	json_t		*j;

	get(f, U(f, S(f, "/_log?tag=%s", tag)), &res);
	j = json_loadb(res.body, res.len, 0, NULL);
	assert_non_null(j);
	assert_true(json_is_array(j));
	result_clear(&res);
	return j;
}

/* Set limits for the requests that follow. */
static void
set_limits(struct fx *f, int64_t connect_ms, int64_t total_ms,
    long low_bytes, long low_secs, size_t max_body)
{
	struct http_limits	l;

	http_get_limits(f->http, &l);
	if (connect_ms)
		l.connect_ms = connect_ms;
	if (total_ms)
		l.total_ms = total_ms;
	if (low_bytes) {
		l.low_speed_bytes = low_bytes;
		l.low_speed_secs = low_secs;
	}
	if (max_body)
		l.max_body = max_body;
	http_set_limits(f->http, &l);
}

static void
test_get_sends_exactly_the_request(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	json_t		*j;
	const char	*ae;

	fetch(f, "GET", U(f, "/echo?tag=get&x=1"), NULL, NULL,
	    "Bearer tok-123", &res);
	j = echo_parse(&res);
	assert_string_equal(echo_str(j, "method"), "GET");
	assert_string_equal(echo_str(j, "path"), "/echo?tag=get&x=1");
	assert_string_equal(echo_header(j, "authorization"), "Bearer tok-123");
	assert_string_equal(echo_header(j, "user-agent"),
	    "heed/" HEED_VERSION);
	assert_non_null(ae = echo_header(j, "accept-encoding"));
	assert_non_null(strstr(ae, "gzip"));
	assert_null(echo_header(j, "content-type"));
	assert_null(echo_header(j, "expect"));
	assert_int_equal(json_integer_value(json_object_get(j, "body_len")),
	    0);
	assert_string_equal(platform_header(&res.view, "Content-Type"),
	    "application/json");
	assert_int_equal(res.request_sent, 1);
	assert_string_equal(res.message, "");
	json_decref(j);
	result_clear(&res);
}

static void
test_post_sends_body_and_content_type(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	const char	*body = "{\"text\":\"h\xc3\xa9llo, \\\"world\\\"\"}";
	json_t		*j;

	fetch(f, "POST", U(f, "/echo"), body, "application/json",
	    "Bearer p0st", &res);
	j = echo_parse(&res);
	assert_string_equal(echo_str(j, "method"), "POST");
	assert_string_equal(echo_str(j, "path"), "/echo");
	assert_string_equal(echo_str(j, "body"), body);
	assert_int_equal(json_integer_value(json_object_get(j, "body_len")),
	    strlen(body));
	assert_string_equal(echo_header(j, "content-type"),
	    "application/json");
	assert_string_equal(echo_header(j, "content-length"),
	    S(f, "%zu", strlen(body)));
	assert_string_equal(echo_header(j, "authorization"), "Bearer p0st");
	assert_string_equal(echo_header(j, "user-agent"),
	    "heed/" HEED_VERSION);
	assert_null(echo_header(j, "expect"));
	json_decref(j);
	result_clear(&res);
}

static void
test_other_methods_are_sent_as_asked(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	json_t		*j;

	fetch(f, "DELETE", U(f, "/echo?id=7"), NULL, NULL, "Bearer d", &res);
	j = echo_parse(&res);
	assert_string_equal(echo_str(j, "method"), "DELETE");
	assert_string_equal(echo_str(j, "path"), "/echo?id=7");
	assert_int_equal(json_integer_value(json_object_get(j, "body_len")),
	    0);
	json_decref(j);
	result_clear(&res);

	fetch(f, "PUT", U(f, "/echo"), "a=1&b=2",
	    "application/x-www-form-urlencoded", NULL, &res);
	j = echo_parse(&res);
	assert_string_equal(echo_str(j, "method"), "PUT");
	assert_string_equal(echo_str(j, "body"), "a=1&b=2");
	assert_null(echo_header(j, "authorization"));
	json_decref(j);
	result_clear(&res);

	/* A token with a line break cannot smuggle in a header. */
	fetch(f, "GET", U(f, "/echo"), NULL, "text/plain\r\nX-Evil: 1",
	    "Bearer tok\n", &res);
	j = echo_parse(&res);
	assert_string_equal(echo_header(j, "authorization"), "Bearer tok");
	assert_string_equal(echo_header(j, "content-type"), "text/plain");
	assert_null(echo_header(j, "x-evil"));
	json_decref(j);
	result_clear(&res);

	fetch(f, "HEAD", U(f, "/echo"), NULL, NULL, NULL, &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_int_equal(res.status, 200);
	assert_int_equal(res.len, 0);
	result_clear(&res);
}

static void
test_https_with_the_test_ca_works(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	json_t		*j;

	fetch(f, "POST", US(f, "/echo?tag=tls"), "over tls", "text/plain",
	    "Bearer tls-tok", &res);
	j = echo_parse(&res);
	assert_string_equal(echo_str(j, "body"), "over tls");
	assert_string_equal(echo_header(j, "authorization"),
	    "Bearer tls-tok");
	json_decref(j);
	result_clear(&res);

	/* The certificate is for localhost too: the name is checked. */
	get(f, S(f, "https://localhost:%d/echo", fake.tls_port), &res);
	j = echo_parse(&res);
	json_decref(j);
	result_clear(&res);
}

static void
test_https_without_the_ca_is_a_tls_error(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	json_t		*log;

	/* A transport with the system's CAs only does not trust the fake. */
	http_free(f->http);
	f->http = http_new(f->loop);
	fetch(f, "POST", US(f, "/echo?tag=untrusted"), "secret body", NULL,
	    "Bearer never-sent", &res);
	assert_int_equal(res.error, TRANSPORT_ERR_TLS);
	assert_int_equal(res.status, 0);
	assert_int_equal(res.len, 0);
	assert_int_equal(res.request_sent, 0);
	assert_non_null(strstr(res.message, "secure connection to 127.0.0.1"));
	assert_non_null(strstr(res.message, "certificate"));
	result_clear(&res);
	http_set_ca_file(f->http, fake.ca);
	log = fake_log(f, "untrusted");
	assert_int_equal(json_array_size(log), 0);
	json_decref(log);
}

static void
test_gzip_response_is_decoded(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	get(f, U(f, "/gzip?body=hello%20gzip%20world"), &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_string_equal(platform_header(&res.view, "content-encoding"),
	    "gzip");
	assert_int_equal(res.len, strlen("hello gzip world"));
	assert_string_equal(res.body, "hello gzip world");
	result_clear(&res);
}

static void
test_slow_answer_past_total_timeout_is_a_timeout(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	set_limits(f, 0, 500, 0, 0, 0);
	get(f, U(f, "/sleep?ms=3000"), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_TIMEOUT);
	assert_int_equal(res.len, 0);
	assert_int_equal(res.request_sent, 1);
	assert_true(res.elapsed_ms >= 450 && res.elapsed_ms < 2000);
	assert_string_equal(res.message,
	    S(f, "no complete answer from 127.0.0.1:%d within 500 ms",
	    fake.port));
	result_clear(&res);
}

static void
test_trickling_answer_hits_the_low_speed_limit(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	set_limits(f, 0, 0, 100, 1, 0);
	get(f, U(f, "/trickle?bytes=100&every_ms=200"), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_TIMEOUT);
	assert_int_equal(res.len, 0);
	assert_non_null(strstr(res.message, "answered too slowly"));
	assert_true(res.elapsed_ms < 5000);
	result_clear(&res);
}

/* Return a loopback port nothing listens on. */
static int
closed_port(void)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof sin;
	int			s, port;

	s = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(s >= 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&sin, sizeof sin), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&sin, &len), 0);
	port = ntohs(sin.sin_port);
	close(s);
	return port;
}

static void
test_refused_connection_is_a_connect_error(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	fetch(f, "POST", S(f, "http://127.0.0.1:%d/x", closed_port()), "b",
	    NULL, NULL, &res);
	assert_int_equal(res.error, TRANSPORT_ERR_CONNECT);
	assert_int_equal(res.request_sent, 0);
	assert_int_equal(res.status, 0);
	assert_non_null(strstr(res.message, "could not connect to 127.0.0.1"));
	result_clear(&res);
}

/* A loopback listener whose accept queue is full: SYNs go unanswered. */
static int
full_listener(int *port, int *conns, size_t nconns)
{
	struct sockaddr_in	sin;
	socklen_t		len = sizeof sin;
	size_t			i;
	int			s;

	s = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(s >= 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(s, (struct sockaddr *)&sin, sizeof sin), 0);
	assert_int_equal(listen(s, 0), 0);
	assert_int_equal(getsockname(s, (struct sockaddr *)&sin, &len), 0);
	*port = ntohs(sin.sin_port);
	for (i = 0; i < nconns; i++) {
		conns[i] = socket(AF_INET, SOCK_STREAM, 0);
		fcntl(conns[i], F_SETFL, O_NONBLOCK);
		connect(conns[i], (struct sockaddr *)&sin, sizeof sin);
	}
	usleep(100 * 1000);
	return s;
}

static void
test_unanswered_connect_hits_the_connect_timeout(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	int		 s, port, conns[3];
	size_t		 i;

	s = full_listener(&port, conns, nitems(conns));
	set_limits(f, 300, 0, 0, 0, 0);
	fetch(f, "POST", S(f, "http://127.0.0.1:%d/x", port), "b", NULL,
	    NULL, &res);
	assert_int_equal(res.error, TRANSPORT_ERR_TIMEOUT);
	assert_int_equal(res.request_sent, 0);
	assert_string_equal(res.message, S(f, "timed out connecting to "
	    "127.0.0.1:%d after 300 ms", port));
	assert_true(res.elapsed_ms >= 250 && res.elapsed_ms < 2000);
	result_clear(&res);
	for (i = 0; i < nitems(conns); i++)
		close(conns[i]);
	close(s);

	/* TCP connects but TLS is never answered: still connecting. */
	s = full_listener(&port, conns, 0);
	fetch(f, "GET", S(f, "https://127.0.0.1:%d/x", port), NULL, NULL,
	    "Bearer x", &res);
	assert_int_equal(res.error, TRANSPORT_ERR_TIMEOUT);
	assert_int_equal(res.request_sent, 0);
	assert_string_equal(res.message, S(f, "timed out connecting to "
	    "127.0.0.1:%d after 300 ms", port));
	result_clear(&res);
	close(s);
}

static void
test_unknown_host_is_a_dns_error(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	get(f, "http://heed-test.invalid/x", &res);
	assert_int_equal(res.error, TRANSPORT_ERR_DNS);
	assert_int_equal(res.request_sent, 0);
	assert_string_equal(res.message,
	    "could not find the host heed-test.invalid");
	result_clear(&res);
}

static void
test_reset_mid_body_is_an_error_not_a_short_success(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	get(f, U(f, "/reset?bytes=1000"), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_PARTIAL);
	assert_int_equal(res.len, 0);
	assert_string_equal(res.body, "");
	assert_int_equal(res.request_sent, 1);
	assert_non_null(strstr(res.message, "broke off midway"));
	result_clear(&res);

	/* The same over TLS. */
	get(f, US(f, "/reset?bytes=1000"), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_PARTIAL);
	assert_int_equal(res.len, 0);
	result_clear(&res);
}

static void
test_request_accepted_then_dropped_differs_from_refused(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	json_t		*log, *rec;

	/*
	 * A read first leaves a connection to reuse: the POST must not go out
	 * on it, or libcurl would quietly send it again when it dies.
	 */
	get(f, U(f, "/echo"), &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	result_clear(&res);
	fetch(f, "POST", U(f, "/drop?tag=dropped"), "the reply text",
	    "text/plain", "Bearer drop", &res);
	assert_int_equal(res.error, TRANSPORT_ERR_DROPPED);
	assert_int_equal(res.status, 0);
	assert_int_equal(res.len, 0);
	assert_int_equal(res.request_sent, 1);
	assert_non_null(strstr(res.message,
	    "closed the connection before answering"));
	result_clear(&res);
	/* The fake got the whole request, exactly once (no silent retry). */
	log = fake_log(f, "dropped");
	assert_int_equal(json_array_size(log), 1);
	rec = json_array_get(log, 0);
	assert_string_equal(echo_str(rec, "method"), "POST");
	assert_string_equal(echo_str(rec, "body"), "the reply text");
	json_decref(log);

	/* Over TLS too. */
	fetch(f, "POST", US(f, "/drop?tag=dropped-tls"), "again", NULL, NULL,
	    &res);
	assert_int_equal(res.error, TRANSPORT_ERR_DROPPED);
	assert_int_equal(res.request_sent, 1);
	result_clear(&res);
	log = fake_log(f, "dropped-tls");
	assert_int_equal(json_array_size(log), 1);
	json_decref(log);
}

static void
test_503_with_retry_after_seconds(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	get(f, U(f, "/respond?status=503&h=Retry-After:120&body=busy"), &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_int_equal(res.status, 503);
	assert_string_equal(res.body, "busy");
	assert_int_equal(res.retry_after, 120);
	assert_false(res.have_rl);
	result_clear(&res);
}

static void
test_429_with_retry_after_http_date(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	int64_t		 t0, slack;

	/*
	 * The server dates its answer 90 s ahead of its clock and heed
	 * counts from its own, both to the second: each second the
	 * exchange takes (a loaded machine) moves the answer by one.
	 */
	t0 = util_now();
	get(f, U(f, "/respond?status=429&retry_date=90"), &res);
	slack = util_now() - t0 + 1;
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_int_equal(res.status, 429);
	assert_true(res.retry_after >= 90 - slack &&
	    res.retry_after <= 90 + slack);
	result_clear(&res);
}

static void
test_bluesky_ratelimit_headers_parsed(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	int64_t		 t0 = util_now(), reset = t0 + 280, slack;

	/* The headers of a recorded Bluesky 429 (api-samples). */
	get(f, U(f, S(f, "/respond?status=429&h=RateLimit-Limit:30"
	    "&h=RateLimit-Reset:%lld&h=RateLimit-Remaining:0&h=%s"
	    "&h=Retry-After:280&h=Content-Type:%s&body=%s", (long long)reset,
	    Q(f, "RateLimit-Policy:30;w=300"),
	    Q(f, "application/json; charset=utf-8"),
	    Q(f, "{\"error\":\"RateLimitExceeded\"}"))), &res);
	/* Each second the exchange took shortens the window heed sees. */
	slack = util_now() - t0 + 1;
	assert_int_equal(res.status, 429);
	assert_true(res.have_rl);
	assert_int_equal(res.rl.limit, 30);
	assert_int_equal(res.rl.remaining, 0);
	assert_true(res.rl.reset >= 280 - slack && res.rl.reset <= 280);
	assert_int_equal(res.rl.window, 300);
	assert_int_equal(res.retry_after, 280);
	assert_string_equal(platform_header(&res.view, "content-type"),
	    "application/json; charset=utf-8");
	assert_string_equal(res.body, "{\"error\":\"RateLimitExceeded\"}");
	result_clear(&res);
}

static void
test_graph_usage_headers_kept_raw(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	const char	*app = "{\"call_count\":91,\"total_cputime\":15,"
			    "\"total_time\":12}";
	const char	*buc = "{\"1234\":[{\"type\":\"pages\",\"call_count\":1,"
			    "\"estimated_time_to_regain_access\":0}]}";

	get(f, U(f, S(f, "/respond?h=%s&h=%s",
	    Q(f, S(f, "X-App-Usage:%s", app)),
	    Q(f, S(f, "X-Business-Use-Case-Usage:%s", buc)))), &res);
	assert_int_equal(res.status, 200);
	assert_string_equal(platform_header(&res.view, "x-app-usage"), app);
	assert_string_equal(platform_header(&res.view, "X-APP-USAGE"), app);
	assert_string_equal(platform_header(&res.view,
	    "X-Business-Use-Case-Usage"), buc);
	assert_null(platform_header(&res.view, "X-Page-Usage"));
	result_clear(&res);
}

/* A response view over name/value pairs (no network). */
static struct platform_response *
fake_response(struct platform_response *r, struct platform_header *hv,
    const char *const *pairs)
{
	size_t	n;

	memset(r, 0, sizeof *r);
	for (n = 0; pairs[2 * n] != NULL; n++) {
		hv[n].name = pairs[2 * n];
		hv[n].value = pairs[2 * n + 1];
	}
	r->headers = hv;
	r->nheaders = n;
	r->body = "";
	return r;
}

static void
test_retry_after_values(void **state)
{
	static const struct {
		const char	*value;
		int64_t		 want;
	} cases[] = {
		{ "120", 120 },
		{ " 7 ", 7 },
		{ "0", 0 },
		{ "-5", -1 },
		{ "1.5", -1 },
		{ "soon", -1 },
		{ "", -1 },
		{ "99999999999999999999999", -1 },
		/* now is 2026-11-23 06:22:00 UTC (1795414920) */
		{ "Mon, 23 Nov 2026 06:23:30 GMT", 90 },
		{ "Monday, 23-Nov-26 06:23:30 GMT", 90 },
		{ "Mon Nov 23 06:23:30 2026", 90 },
		{ "Sun, 22 Nov 2026 06:22:00 GMT", 0 },
		{ NULL, -1 }
	};
	const int64_t		now = 1795414920;
	struct platform_response	r;
	struct platform_header	hv[4];
	size_t			i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		const char	*pairs[] = { "X-Other", "1", "retry-after",
				    cases[i].value, NULL, NULL };

		if (cases[i].value == NULL)
			pairs[2] = NULL;
		fake_response(&r, hv, pairs);
		if (http_retry_after(&r, now) != cases[i].want)
			fail_msg("Retry-After \"%s\": got %lld, want %lld",
			    cases[i].value ? cases[i].value : "(none)",
			    (long long)http_retry_after(&r, now),
			    (long long)cases[i].want);
	}
}

static void
test_ratelimit_values(void **state)
{
	static const struct {
		const char		*pairs[10];
		int			 rc;
		struct http_ratelimit	 want;
	} cases[] = {
		/* Bluesky: reset in epoch seconds. */
		{ { "ratelimit-limit", "3000", "ratelimit-remaining", "2999",
		    "ratelimit-reset", "1795415200", "ratelimit-policy",
		    "3000;w=300", NULL }, 0, { 3000, 2999, 280, 300 } },
		/* The IETF draft: reset in seconds from now. */
		{ { "RateLimit-Limit", "100", "RateLimit-Remaining", "5",
		    "RateLimit-Reset", "30", NULL }, 0, { 100, 5, 30, -1 } },
		/* Mastodon: X-RateLimit-*, reset an ISO-8601 time. */
		{ { "X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "299",
		    "X-RateLimit-Reset", "2026-11-23T06:27:00.618774Z", NULL },
		    0, { 300, 299, 300, -1 } },
		{ { "X-RateLimit-Reset", "2026-11-23T07:27:00+01:00", NULL },
		    0, { -1, -1, 300, -1 } },
		/* A reset in the past is now. */
		{ { "RateLimit-Reset", "1795414000", NULL }, 0,
		    { -1, -1, 0, -1 } },
		/* Only a policy, with several windows: the first counts. */
		{ { "RateLimit-Policy", "100;w=60, 1000;w=3600", NULL }, 0,
		    { 100, -1, -1, 60 } },
		{ { "RateLimit-Policy", "\"default\";q=50;w=10", NULL }, 0,
		    { -1, -1, -1, 10 } },
		/* Present but garbage: known to be there, values unknown. */
		{ { "RateLimit-Limit", "lots", "RateLimit-Remaining", "-1",
		    "RateLimit-Reset", "tomorrow", NULL }, 0,
		    { -1, -1, -1, -1 } },
		{ { "Content-Type", "text/plain", NULL }, -1,
		    { -1, -1, -1, -1 } },
	};
	const int64_t		now = 1795414920;
	struct platform_response	r;
	struct platform_header	hv[8];
	struct http_ratelimit	rl;
	size_t			i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		fake_response(&r, hv, cases[i].pairs);
		assert_int_equal(http_ratelimit(&r, now, &rl), cases[i].rc);
		if (rl.limit != cases[i].want.limit ||
		    rl.remaining != cases[i].want.remaining ||
		    rl.reset != cases[i].want.reset ||
		    rl.window != cases[i].want.window)
			fail_msg("case %zu: got %lld/%lld/%lld/%lld", i,
			    (long long)rl.limit, (long long)rl.remaining,
			    (long long)rl.reset, (long long)rl.window);
	}
}

static void
test_malformed_json_is_just_bytes(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	const char	*junk = "{\"data\": [{\"id\": \"1\", \"message\":";

	get(f, U(f, S(f, "/respond?h=Content-Type:application/json&body=%s",
	    Q(f, junk))), &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_int_equal(res.status, 200);
	assert_int_equal(res.len, strlen(junk));
	assert_string_equal(res.body, junk);
	result_clear(&res);
}

static void
test_invalid_utf8_and_nul_bytes_pass_through_exactly(void **state)
{
	struct fx		*f = *state;
	struct result		 res = { 0 };
	static const char	 want[] = "\xff\xfe\xc3\x28\x00\x41\xe2\x82"
				    "\xed\xa0\x80\x1b[2J";

	get(f, U(f, "/respond?hex=fffec3280041e282eda0801b5b324a"), &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_int_equal(res.len, sizeof want - 1);
	assert_memory_equal(res.body, want, sizeof want - 1);
	assert_int_equal(res.body[res.len], '\0');
	result_clear(&res);
}

/* Wait until the fake's handler for tag finished; return its record. */
static json_t *
fake_wait_finished(struct fx *f, const char *tag)
{
	json_t	*log;
	int64_t	 until = util_mono_ms() + 10000;

	for (;;) {
		log = fake_log(f, tag);
		assert_int_equal(json_array_size(log), 1);
		if (json_is_true(json_object_get(json_array_get(log, 0),
		    "finished")))
			return log;
		json_decref(log);
		if (util_mono_ms() > until)
			fail_msg("the fake never finished %s", tag);
		usleep(50 * 1000);
	}
}

static void
test_oversized_body_stops_the_transfer_early(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	json_t		*log;
	json_int_t	 sent;
	int64_t		 t0 = util_mono_ms(), took;

	set_limits(f, 0, 0, 0, 0, 1 * MiB);
	/* Chunked: the size is only known by counting. */
	get(f, U(f, S(f, "/big?bytes=%d&chunked=1&tag=big", 256 * MiB)),
	    &res);
	took = util_mono_ms() - t0;
	assert_int_equal(res.error, TRANSPORT_ERR_TOO_LARGE);
	assert_string_equal(res.message, "response larger than 1048576 bytes");
	assert_int_equal(res.len, 0);
	assert_int_equal(res.status, 200);
	log = fake_wait_finished(f, "big");
	sent = json_integer_value(json_object_get(json_array_get(log, 0),
	    "sent"));
	print_message("oversized body: stopped after %lld ms; the fake sent "
	    "%lld of %d bytes\n", (long long)took, (long long)sent,
	    256 * MiB);
	assert_true(sent >= 1 * MiB);
	assert_true(sent < 64 * MiB);
	json_decref(log);
	result_clear(&res);

	/* With a Content-Length, it stops before reading the body at all. */
	get(f, U(f, S(f, "/big?bytes=%d&tag=big-cl", 256 * MiB)), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_TOO_LARGE);
	assert_string_equal(res.message, "response larger than 1048576 bytes");
	result_clear(&res);
	log = fake_wait_finished(f, "big-cl");
	sent = json_integer_value(json_object_get(json_array_get(log, 0),
	    "sent"));
	assert_true(sent < 64 * MiB);
	json_decref(log);

	/* Within the limit is fine, to the byte. */
	get(f, U(f, S(f, "/big?bytes=%d&chunked=1", 1 * MiB)), &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_int_equal(res.len, 1 * MiB);
	result_clear(&res);
}

static void
test_gzip_bomb_is_too_large(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	set_limits(f, 0, 0, 0, 0, 1 * MiB);
	get(f, U(f, S(f, "/gzip?zeros=%d", 32 * MiB)), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_TOO_LARGE);
	assert_int_equal(res.len, 0);
	result_clear(&res);
}

static void
test_too_many_headers_is_too_large(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	get(f, U(f, "/headers?count=500"), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_TOO_LARGE);
	assert_non_null(strstr(res.message, "response headers"));
	result_clear(&res);

	get(f, U(f, "/headers?count=20"), &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_string_equal(platform_header(&res.view, "X-Fake-19"),
	    "vvvvvvvvvvvvvvvvvvvv");
	result_clear(&res);
}

/* The ticking timer of the responsiveness test. */
struct ticker {
	struct loop	*loop;
	int		 ticks;
	int64_t		 last;
	int64_t		 max_gap;
	int		 stop;
};

/* Count a tick and ask for the next one in 10 ms. */
static void
on_tick(void *arg)
{
	struct ticker	*t = arg;
	int64_t		 now = util_mono_ms();

	if (t->stop)
		return;
	t->ticks++;
	if (now - t->last > t->max_gap)
		t->max_gap = now - t->last;
	t->last = now;
	loop_timer_add(t->loop, 10, on_tick, t);
}

static void
test_loop_keeps_ticking_while_a_request_hangs(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	struct ticker	 t = { 0 };

	t.loop = f->loop;
	t.last = util_mono_ms();
	loop_timer_add(f->loop, 10, on_tick, &t);
	get(f, U(f, "/sleep?ms=3000"), &res);
	t.stop = 1;
	assert_int_equal(res.error, TRANSPORT_OK);
	assert_string_equal(res.body, "slept");
	print_message("a 3 s request: %d ticks of a 10 ms timer in %lld ms, "
	    "longest gap %lld ms\n", t.ticks, (long long)res.elapsed_ms,
	    (long long)t.max_gap);
	assert_true(res.elapsed_ms >= 2900);
	assert_true(t.ticks >= 150);
	assert_true(t.max_gap < 250);
	result_clear(&res);
}

/* Cancel the request whose id arg points to. */
struct canceller {
	struct fx	*f;
	uint64_t	 id;
};

static void
on_cancel(void *arg)
{
	struct canceller	*c = arg;

	http_cancel(c->f->http, c->id);
	http_cancel(c->f->http, c->id);		/* twice is harmless */
	http_cancel(c->f->http, 999999);	/* so is a stranger */
	assert_int_equal(http_pending(c->f->http), 0);
}

/* Stop the loop. */
static void
on_stop(void *arg)
{
	struct fx	*f = arg;

	loop_stop(f->loop, 0);
}

static void
test_cancelled_request_never_calls_back(void **state)
{
	struct fx		*f = *state;
	struct result		 res = { 0 };
	struct canceller	 c = { f, 0 };

	c.id = start(f, "GET", U(f, "/sleep?ms=800"), NULL, NULL, "Bearer c",
	    &res);
	assert_int_equal(http_pending(f->http), 1);
	loop_timer_add(f->loop, 100, on_cancel, &c);
	loop_timer_add(f->loop, 1500, on_stop, f);
	run(f);
	assert_int_equal(res.calls, 0);
	assert_int_equal(http_pending(f->http), 0);

	/* The transport still works afterwards. */
	f->pending = 0;
	get(f, U(f, "/respond?body=after"), &res);
	assert_string_equal(res.body, "after");
	result_clear(&res);
}

static void
test_callback_comes_from_the_loop_never_from_send(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	start(f, "GET", "http://[::1", NULL, NULL, NULL, &res);
	assert_int_equal(res.calls, 0);
	run(f);
	assert_int_equal(res.calls, 1);
	assert_int_equal(res.error, TRANSPORT_ERR_PROTOCOL);
	result_clear(&res);

	start(f, "GET", "file:///etc/passwd", NULL, NULL, NULL, &res);
	assert_int_equal(res.calls, 0);
	run(f);
	assert_int_equal(res.error, TRANSPORT_ERR_PROTOCOL);
	assert_int_equal(res.len, 0);
	assert_non_null(strstr(res.message, "only http and https"));
	result_clear(&res);
}

static void
test_free_with_requests_in_flight(void **state)
{
	struct fx	*f = *state;
	struct result	 res[3];
	size_t		 i;

	memset(res, 0, sizeof res);
	start(f, "GET", U(f, "/sleep?ms=5000"), NULL, NULL, "Bearer a",
	    &res[0]);
	start(f, "POST", US(f, "/sleep?ms=5000"), "body", "text/plain",
	    "Bearer b", &res[1]);
	start(f, "GET", U(f, "/trickle?bytes=50&every_ms=100"), NULL, NULL,
	    NULL, &res[2]);
	loop_timer_add(f->loop, 300, on_stop, f);
	run(f);
	assert_int_equal(http_pending(f->http), 3);
	for (i = 0; i < 3; i++)
		res[i].f = NULL;
	http_free(f->http);
	f->http = NULL;
	for (i = 0; i < 3; i++) {
		assert_int_equal(res[i].calls, 1);
		assert_int_equal(res[i].error, TRANSPORT_ERR_CANCELLED);
		assert_int_equal(res[i].request_sent, 1);
		assert_int_equal(res[i].len, 0);
		result_clear(&res[i]);
	}
	/* Nothing of the transport is left on the loop to fire. */
	loop_timer_add(f->loop, 300, on_stop, f);
	run(f);
}

static void
test_requests_run_concurrently(void **state)
{
	struct fx	*f = *state;
	struct result	 res[4];
	int64_t		 t0 = util_mono_ms(), took;
	size_t		 i;

	memset(res, 0, sizeof res);
	for (i = 0; i < 4; i++) {
		start(f, "GET", i % 2 ? US(f, "/sleep?ms=600") :
		    U(f, "/sleep?ms=600"), NULL, NULL, NULL, &res[i]);
	}
	assert_int_equal(http_pending(f->http), 4);
	run(f);
	took = util_mono_ms() - t0;
	assert_int_equal(http_pending(f->http), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(res[i].calls, 1);
		assert_int_equal(res[i].error, TRANSPORT_OK);
		assert_string_equal(res[i].body, "slept");
		result_clear(&res[i]);
	}
	assert_true(took < 1500);
}

static void
test_redirect_keeps_auth_on_the_same_host_only(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	json_t		*j;

	fetch(f, "GET", U(f, "/redirect?to=/echo%3Fhop%3D1"), NULL, NULL,
	    "Bearer same-host", &res);
	j = echo_parse(&res);
	assert_string_equal(echo_str(j, "path"), "/echo?hop=1");
	assert_string_equal(echo_header(j, "authorization"),
	    "Bearer same-host");
	/* Only the final answer's headers are kept. */
	assert_null(platform_header(&res.view, "Location"));
	json_decref(j);
	result_clear(&res);

	fetch(f, "GET", U(f, S(f, "/redirect?to=%s", Q(f, S(f,
	    "http://localhost:%d/echo?hop=2", fake.port)))), NULL, NULL,
	    "Bearer other-host", &res);
	j = echo_parse(&res);
	assert_string_equal(echo_str(j, "path"), "/echo?hop=2");
	assert_string_equal(echo_header(j, "host"),
	    S(f, "localhost:%d", fake.port));
	assert_null(echo_header(j, "authorization"));
	json_decref(j);
	result_clear(&res);
}

static void
test_redirects_to_other_schemes_or_in_loops_fail(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };

	get(f, U(f, "/redirect?to=file:///etc/passwd"), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_PROTOCOL);
	assert_int_equal(res.len, 0);
	result_clear(&res);

	get(f, U(f, "/redirect?to=ftp://127.0.0.1/x"), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_PROTOCOL);
	result_clear(&res);

	get(f, U(f, "/redirect"), &res);
	assert_int_equal(res.error, TRANSPORT_ERR_PROTOCOL);
	assert_non_null(strstr(res.message, "too many redirects"));
	result_clear(&res);
}

/* Read a whole small file into a new string. */
static char *
slurp(const char *path)
{
	struct buf	 b;
	char		 chunk[4096];
	size_t		 n;
	FILE		*fp;

	assert_non_null(fp = fopen(path, "r"));
	buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	return buf_steal(&b);
}

static void
test_log_names_method_host_path_and_no_secret(void **state)
{
	struct fx	*f = *state;
	struct result	 res = { 0 };
	char		*path, *cause = NULL, *text;

	path = xprintf("%s/http.log", fake.dir);
	if (log_open(path, &cause) != 0)
		fail_msg("log_open: %s", cause);
	fetch(f, "POST", U(f, "/echo?access_token=SECRET-Q&x=1"),
	    "password=SECRET-B", "application/x-www-form-urlencoded",
	    "Bearer SECRET-A", &res);
	assert_int_equal(res.error, TRANSPORT_OK);
	result_clear(&res);
	fetch(f, "POST", U(f, "/drop?access_token=SECRET-Q"),
	    "password=SECRET-B", NULL, "Bearer SECRET-A", &res);
	assert_int_equal(res.error, TRANSPORT_ERR_DROPPED);
	assert_null(strstr(res.message, "SECRET"));
	result_clear(&res);
	log_close();
	text = slurp(path);
	assert_non_null(strstr(text, S(f, "POST http://127.0.0.1:%d/echo: "
	    "200", fake.port)));
	assert_non_null(strstr(text, S(f, "POST http://127.0.0.1:%d/drop: "
	    "127.0.0.1:%d closed the connection", fake.port, fake.port)));
	assert_null(strstr(text, "SECRET"));
	free(text);
	unlink(path);
	free(path);
}

/* A URL named in a message keeps its scheme and host, never a secret. */
static void
test_url_site_drops_path_query_and_password(void **state)
{
	static const struct {
		const char	*url, *site;
	} cases[] = {
		{ "https://graph.facebook.com/v21.0/me?access_token=EAAX",
		    "https://graph.facebook.com" },
		{ "http://127.0.0.1:8080/debug_token?input_token=T&a=b",
		    "http://127.0.0.1:8080" },
		{ "https://user:pass@host.example/x", "https://host.example" },
		{ "https://host.example?access_token=T", "https://host.example" },
		{ "https://host.example#frag", "https://host.example" },
		{ "https://host.example", "https://host.example" },
		{ "host.example/path", "host.example" },
		{ "", "" },
	};
	char	*site;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		site = util_url_site(cases[i].url);
		assert_string_equal(site, cases[i].site);
		free(site);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_get_sends_exactly_the_request),
		T(test_post_sends_body_and_content_type),
		T(test_other_methods_are_sent_as_asked),
		T(test_https_with_the_test_ca_works),
		T(test_https_without_the_ca_is_a_tls_error),
		T(test_gzip_response_is_decoded),
		T(test_slow_answer_past_total_timeout_is_a_timeout),
		T(test_trickling_answer_hits_the_low_speed_limit),
		T(test_refused_connection_is_a_connect_error),
		T(test_unanswered_connect_hits_the_connect_timeout),
		T(test_unknown_host_is_a_dns_error),
		T(test_reset_mid_body_is_an_error_not_a_short_success),
		T(test_request_accepted_then_dropped_differs_from_refused),
		T(test_503_with_retry_after_seconds),
		T(test_429_with_retry_after_http_date),
		T(test_bluesky_ratelimit_headers_parsed),
		T(test_graph_usage_headers_kept_raw),
		cmocka_unit_test(test_retry_after_values),
		cmocka_unit_test(test_ratelimit_values),
		cmocka_unit_test(test_url_site_drops_path_query_and_password),
		T(test_malformed_json_is_just_bytes),
		T(test_invalid_utf8_and_nul_bytes_pass_through_exactly),
		T(test_oversized_body_stops_the_transfer_early),
		T(test_gzip_bomb_is_too_large),
		T(test_too_many_headers_is_too_large),
		T(test_loop_keeps_ticking_while_a_request_hangs),
		T(test_cancelled_request_never_calls_back),
		T(test_callback_comes_from_the_loop_never_from_send),
		T(test_free_with_requests_in_flight),
		T(test_requests_run_concurrently),
		T(test_redirect_keeps_auth_on_the_same_host_only),
		T(test_redirects_to_other_schemes_or_in_loops_fail),
		T(test_log_names_method_host_path_and_no_secret),
#undef T
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
