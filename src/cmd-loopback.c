/*
 * cmd-loopback.c -- the loopback redirect of a login in a browser: heed
 * listens on 127.0.0.1, on a port the kernel chooses, for the one request
 * the browser makes when the platform sends it back to heed with the
 * login's answer in the query, and answers it with a short plain page.
 *
 * Browsers open connections they may never use (to be quick on the next
 * click) and ask for a favicon, so the listener serves several connections
 * at once in one poll(2): each is read until its request is whole, a
 * request for anything but the path asked for gets "404 Not Found", and
 * the first request for that path is the one. Nothing is ever read past a
 * small limit, and nothing is listened to but the loopback address.
 */
#include <sys/socket.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "util.h"

#define LOOPBACK_CONNS		8		/* connections served at once */
#define LOOPBACK_REQUEST_MAX	(8 * 1024)	/* bytes of a request */

/* One connection and what it sent so far. */
struct loopback_conn {
	int	fd;		/* -1: free */
	char	buf[LOOPBACK_REQUEST_MAX + 1];
	size_t	len;
};

/* A listener and its connections. */
struct cmd_loopback {
	int			 fd;
	int			 chosen;	/* the request's connection */
	struct loopback_conn	 conns[LOOPBACK_CONNS];
};

/* Listen on 127.0.0.1 on a port the kernel chooses; see cmd.h. */
struct cmd_loopback *
cmd_loopback_open(int *port, char **cause)
{
	struct cmd_loopback	*lb;
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof sin;
	size_t			 i;
	int			 fd;

	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd == -1) {
		util_fail(cause, "cannot listen on 127.0.0.1: %s",
		    strerror(errno));
		return NULL;
	}
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = 0;
	if (bind(fd, (struct sockaddr *)&sin, sizeof sin) != 0 ||
	    listen(fd, LOOPBACK_CONNS) != 0 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) != 0) {
		util_fail(cause, "cannot listen on 127.0.0.1: %s",
		    strerror(errno));
		close(fd);
		return NULL;
	}
	lb = xcalloc(1, sizeof *lb);
	lb->fd = fd;
	lb->chosen = -1;
	for (i = 0; i < LOOPBACK_CONNS; i++)
		lb->conns[i].fd = -1;
	*port = ntohs(sin.sin_port);
	return lb;
}

/* Close a connection and free its slot. */
static void
loopback_drop(struct loopback_conn *c)
{
	if (c->fd != -1)
		close(c->fd);
	c->fd = -1;
	c->len = 0;
}

/* Write all of a short answer, giving up on a connection that blocks. */
static void
loopback_write(int fd, const char *s, size_t len)
{
	struct pollfd	pfd;
	ssize_t		n;

	while (len > 0) {
		n = write(fd, s, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN) {
			pfd.fd = fd;
			pfd.events = POLLOUT;
			if (poll(&pfd, 1, 2000) <= 0)
				return;
			continue;
		}
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

/* Answer a connection with a status and one line of plain text. */
static void
loopback_reply(int fd, const char *status, const char *text)
{
	char	*msg;

	msg = xprintf("HTTP/1.1 %s\r\nContent-Type: text/plain; "
	    "charset=utf-8\r\nContent-Length: %zu\r\nCache-Control: no-store"
	    "\r\nConnection: close\r\n\r\n%s\n", status, strlen(text) + 1,
	    text);
	loopback_write(fd, msg, strlen(msg));
	free(msg);
}

/* Take a new connection into a free slot (the oldest goes if none is). */
static void
loopback_accept(struct cmd_loopback *lb)
{
	struct loopback_conn	*c = NULL;
	size_t			 i;
	int			 fd;

	if ((fd = accept(lb->fd, NULL, NULL)) == -1)
		return;
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(fd, F_SETFL, O_NONBLOCK) == -1) {
		close(fd);
		return;
	}
	for (i = 0; i < LOOPBACK_CONNS && c == NULL; i++) {
		if (lb->conns[i].fd == -1)
			c = &lb->conns[i];
	}
	if (c == NULL) {
		/* Every slot holds an idle connection: the first gives way. */
		c = &lb->conns[0];
		loopback_drop(c);
	}
	c->fd = fd;
	c->len = 0;
}

/*
 * Read what a connection sent: 1 once its request is whole, 0 while it is
 * not, -1 when the connection is done with (closed, or too much).
 */
static int
loopback_read(struct loopback_conn *c)
{
	ssize_t	n;

	n = read(c->fd, c->buf + c->len, LOOPBACK_REQUEST_MAX - c->len);
	if (n == -1 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0)
		return -1;
	c->len += (size_t)n;
	c->buf[c->len] = '\0';
	if (strstr(c->buf, "\r\n\r\n") != NULL || strstr(c->buf, "\n\n") !=
	    NULL)
		return 1;
	if (c->len == LOOPBACK_REQUEST_MAX) {
		loopback_reply(c->fd, "431 Request Header Fields Too Large",
		    "The request is too large.");
		return -1;
	}
	return 0;
}

/*
 * Look at a whole request: the query (a new string, "" if none) when it
 * is a GET of path, else NULL once it is answered "404 Not Found".
 */
static char *
loopback_request(struct loopback_conn *c, const char *path)
{
	const char	*target, *end, *q;
	size_t		 plen = strlen(path);

	if (strncmp(c->buf, "GET ", 4) == 0) {
		target = c->buf + 4;
		end = target + strcspn(target, " \r\n");
		q = memchr(target, '?', (size_t)(end - target));
		if ((size_t)((q != NULL ? q : end) - target) == plen &&
		    strncmp(target, path, plen) == 0)
			return q != NULL ? xstrndup(q + 1,
			    (size_t)(end - q - 1)) : xstrdup("");
	}
	loopback_reply(c->fd, "404 Not Found", "Not found.");
	return NULL;
}

/* Serve the connections poll found ready; the query once one came. */
static char *
loopback_serve(struct cmd_loopback *lb, struct pollfd *pfd, const char *path)
{
	struct loopback_conn	*c;
	char			*query;
	size_t			 i;
	int			 rc;

	for (i = 0; i < LOOPBACK_CONNS; i++) {
		c = &lb->conns[i];
		if (c->fd == -1 || pfd[i + 1].fd != c->fd ||
		    pfd[i + 1].revents == 0)
			continue;
		if ((rc = loopback_read(c)) == 0)
			continue;
		if (rc == 1 && (query = loopback_request(c, path)) != NULL) {
			lb->chosen = (int)i;
			return query;
		}
		loopback_drop(c);
	}
	if (pfd[0].revents & POLLIN)
		loopback_accept(lb);
	return NULL;
}

/* Wait for one request to a path and give its query; see cmd.h. */
int
cmd_loopback_wait(struct cmd_loopback *lb, const char *path, int64_t secs,
    char **query, char **cause)
{
	struct pollfd	pfd[LOOPBACK_CONNS + 1];
	int64_t		deadline = util_mono_ms() + secs * 1000, left;
	size_t		i;

	*query = NULL;
	if (lb->chosen != -1)
		return util_fail(cause, "the browser's answer was taken "
		    "already");
	while ((left = deadline - util_mono_ms()) > 0) {
		pfd[0].fd = lb->fd;
		pfd[0].events = POLLIN;
		for (i = 0; i < LOOPBACK_CONNS; i++) {
			pfd[i + 1].fd = lb->conns[i].fd;
			pfd[i + 1].events = POLLIN;
			pfd[i + 1].revents = 0;
		}
		if (poll(pfd, LOOPBACK_CONNS + 1, left > 1000 ? 1000 :
		    (int)left) == -1) {
			if (errno == EINTR)
				continue;
			return util_fail(cause, "waiting for the browser: %s",
			    strerror(errno));
		}
		if ((*query = loopback_serve(lb, pfd, path)) != NULL)
			return 0;
	}
	if (secs < 120)
		return util_fail(cause, "no answer came from the browser "
		    "within %lld second%s", (long long)secs, secs == 1 ? "" :
		    "s");
	return util_fail(cause, "no answer came from the browser within %lld "
	    "minutes", (long long)(secs + 59) / 60);
}

/* Answer the chosen request and stop listening; see cmd.h. */
void
cmd_loopback_answer(struct cmd_loopback *lb, const char *text)
{
	size_t	i;

	if (lb->chosen != -1 && lb->conns[lb->chosen].fd != -1)
		loopback_reply(lb->conns[lb->chosen].fd, "200 OK", text);
	for (i = 0; i < LOOPBACK_CONNS; i++)
		loopback_drop(&lb->conns[i]);
	if (lb->fd != -1)
		close(lb->fd);
	lb->fd = -1;
}

/* Stop listening, if not done yet, and free the listener. */
void
cmd_loopback_free(struct cmd_loopback *lb)
{
	if (lb == NULL)
		return;
	cmd_loopback_answer(lb, "heed stopped waiting; go back to the "
	    "terminal.");
	free(lb);
}
