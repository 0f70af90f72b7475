/*
 * test-loopback.c -- the loopback redirect of heed login (cmd-loopback.c)
 * over real sockets on 127.0.0.1: the one request to the path is found
 * among a connection that sends nothing (as browsers open ahead), a
 * favicon, a POST and an oversized request, each of which gets its own
 * answer; the page goes back on the request's connection; nothing is
 * waited for past the time given.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "util.h"

/* Connect to the listener on port and send what is given (may be ""). */
static int
client(int port, const char *send)
{
	struct sockaddr_in	sin;
	int			fd;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd != -1);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons((uint16_t)port);
	assert_int_equal(connect(fd, (struct sockaddr *)&sin, sizeof sin), 0);
	if (*send != '\0')
		assert_int_equal(write(fd, send, strlen(send)),
		    (ssize_t)strlen(send));
	return fd;
}

/* Read what the listener answered a client, up to its close. */
static char *
answer_of(int fd)
{
	struct buf	b;
	char		c[512];
	ssize_t		n;

	buf_init(&b, 0);
	buf_addstr(&b, "");
	while ((n = read(fd, c, sizeof c)) > 0)
		buf_add(&b, c, (size_t)n);
	close(fd);
	return buf_steal(&b);
}

/* The request to the path is the one, whatever comes with it. */
static void
test_loopback_takes_the_one_request(void **state)
{
	struct cmd_loopback	*lb;
	char			*query = NULL, *cause = NULL, *got, *big;
	int			 port = 0, idle, icon, post, huge, cb;

	(void)state;
	lb = cmd_loopback_open(&port, &cause);
	assert_non_null(lb);
	assert_true(port > 0 && port < 65536);
	idle = client(port, "");
	icon = client(port, "GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n");
	post = client(port, "POST /callback?code=no HTTP/1.1\r\n\r\n");
	/* Exactly the limit: nothing is left unread to reset the line. */
	big = xmalloc(8193);
	memset(big, 'a', 8192);
	big[8192] = '\0';
	memcpy(big, "GET /callback?", 14);
	huge = client(port, big);
	free(big);
	cb = client(port, "GET /callback?code=abc&state=x%2By HTTP/1.1\r\n"
	    "Host: 127.0.0.1\r\n\r\n");
	assert_int_equal(cmd_loopback_wait(lb, "/callback", 10, &query,
	    &cause), 0);
	assert_string_equal(query, "code=abc&state=x%2By");
	free(query);
	/* Only one answer is taken. */
	assert_int_equal(cmd_loopback_wait(lb, "/callback", 1, &query,
	    &cause), -1);
	assert_null(query);
	free(cause);
	cause = NULL;
	cmd_loopback_answer(lb, "heed is logged in; you may close this tab.");

	got = answer_of(cb);
	assert_true(strncmp(got, "HTTP/1.1 200 OK\r\n", 17) == 0);
	assert_non_null(strstr(got, "Content-Type: text/plain; "
	    "charset=utf-8\r\n"));
	assert_non_null(strstr(got, "\r\n\r\nheed is logged in; you may close "
	    "this tab.\n"));
	free(got);
	got = answer_of(icon);
	assert_true(strncmp(got, "HTTP/1.1 404 Not Found\r\n", 24) == 0);
	free(got);
	got = answer_of(post);
	assert_true(strncmp(got, "HTTP/1.1 404 Not Found\r\n", 24) == 0);
	free(got);
	got = answer_of(huge);
	assert_true(strncmp(got, "HTTP/1.1 431 ", 13) == 0);
	free(got);
	/* The idle one is closed, unanswered; the listener is gone. */
	got = answer_of(idle);
	assert_string_equal(got, "");
	free(got);
	cmd_loopback_free(lb);
}

/* A request without a query gives ""; one that never comes, a cause. */
static void
test_loopback_waits_no_longer_than_asked(void **state)
{
	struct cmd_loopback	*lb;
	char			*query = NULL, *cause = NULL, *got;
	int64_t			 t0;
	int			 port = 0, cb;

	(void)state;
	lb = cmd_loopback_open(&port, &cause);
	assert_non_null(lb);
	t0 = util_mono_ms();
	assert_int_equal(cmd_loopback_wait(lb, "/callback", 1, &query,
	    &cause), -1);
	assert_true(util_mono_ms() - t0 < 3000);
	assert_null(query);
	assert_string_equal(cause, "no answer came from the browser within 1 "
	    "second");
	free(cause);
	cb = client(port, "GET /callback HTTP/1.0\n\n");
	assert_int_equal(cmd_loopback_wait(lb, "/callback", 5, &query,
	    &cause), 0);
	assert_string_equal(query, "");
	free(query);
	/* Freed without an answer: the browser is told heed stopped. */
	cmd_loopback_free(lb);
	got = answer_of(cb);
	assert_non_null(strstr(got, "heed stopped waiting"));
	free(got);
	cmd_loopback_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loopback_takes_the_one_request),
		cmocka_unit_test(test_loopback_waits_no_longer_than_asked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
