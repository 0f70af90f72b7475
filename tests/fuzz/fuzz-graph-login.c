/*
 * fuzz-graph-login.c -- the Graph API answers heed login and heed doctor
 * read (src/platform/graph-login.c, graph-doctor.c): a device login's codes, its polls,
 * the Pages a person manages, who a token is, what debug_token says, and
 * failed answers; and heed doctor's probe of the Moderate task. The input
 * is an adapter input (see fuzz.h) whose first line is device, poll,
 * pages, me, debug, tasks or ids; anything else is classified.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "platform/graph.h"
#include "util.h"

/* Check a Page from an answer. */
static void
fuzz_check_graph_page(const struct graph_page *p)
{
	if (p->id == NULL || p->name == NULL || p->token == NULL)
		fuzz_fail("a Page without an id, a name or a token");
	fuzz_check("page id", p->id, FUZZ_LINE);
	fuzz_check("page name", p->name, FUZZ_LINE);
	fuzz_check("page token", p->token, FUZZ_LINE);
	fuzz_check("page ig_id", p->ig_id, FUZZ_LINE);
	fuzz_check("page ig_username", p->ig_username, FUZZ_LINE);
}

/* Read a device login's codes. */
static void
fuzz_device(const struct platform_response *res)
{
	struct graph_device	 d;
	char			*cause = NULL;

	if (graph_device_parse(res, &d, &cause) == 0) {
		fuzz_check("device code", d.code, FUZZ_LINE);
		fuzz_check("device user_code", d.user_code, FUZZ_LINE);
		fuzz_check("device uri", d.uri, FUZZ_LINE);
		if (d.interval < 1 || d.expires_in < 1)
			fuzz_fail("a device login that waits %lld s for %lld s",
			    (long long)d.interval, (long long)d.expires_in);
	} else if (cause == NULL)
		fuzz_fail("graph_device_parse failed without saying why");
	fuzz_check("device cause", cause, FUZZ_LINE);
	graph_device_clear(&d);
	free(cause);
}

/* Read a poll's answer. */
static void
fuzz_poll(const struct platform_response *res)
{
	enum graph_poll	 r;
	char		*token = NULL, *cause = NULL;

	r = graph_poll_parse(res, &token, &cause);
	if ((r == GRAPH_POLL_DONE) != (token != NULL))
		fuzz_fail("a poll done without a token, or the reverse");
	if (r == GRAPH_POLL_ERROR && cause == NULL)
		fuzz_fail("a poll failed without saying why");
	fuzz_check("poll token", token, FUZZ_LINE);
	fuzz_check("poll cause", cause, FUZZ_LINE);
	free(token);
	free(cause);
}

/* Read a page of the Pages a person manages. */
static void
fuzz_pages(const struct platform_response *res)
{
	struct graph_page	*pages = NULL;
	size_t			 n = 0, i;
	char			*after = NULL, *cause = NULL;

	if (graph_pages_parse(res, &pages, &n, &after, &cause) == 0) {
		for (i = 0; i < n; i++)
			fuzz_check_graph_page(&pages[i]);
		fuzz_check("pages after", after, FUZZ_LINE);
	} else if (cause == NULL)
		fuzz_fail("graph_pages_parse failed without saying why");
	fuzz_check("pages cause", cause, FUZZ_LINE);
	graph_pages_free(pages, n);
	free(after);
	free(cause);
}

/* Read who a token is, as a Page. */
static void
fuzz_me(const struct platform_response *res, const char *token)
{
	struct graph_page	 p, *one;
	char			*cause = NULL;

	if (graph_me_page_parse(res, token, &p, &cause) == 0) {
		fuzz_check_graph_page(&p);
		one = xmalloc(sizeof *one);
		*one = p;
		graph_pages_free(one, 1);
	} else if (cause == NULL)
		fuzz_fail("graph_me_page_parse failed without saying why");
	fuzz_check("me cause", cause, FUZZ_LINE);
	free(cause);
}

/* Read what debug_token says. */
static void
fuzz_debug(const struct platform_response *res)
{
	struct graph_token_info	 ti;
	char			*cause = NULL;
	size_t			 i;

	if (graph_debug_parse(res, &ti, &cause) == 0) {
		fuzz_check("debug type", ti.type, FUZZ_LINE);
		fuzz_check("debug error", ti.error, FUZZ_LINE);
		for (i = 0; i < ti.nscopes; i++)
			fuzz_check("debug scope", ti.scopes[i], FUZZ_LINE);
	} else if (cause == NULL)
		fuzz_fail("graph_debug_parse failed without saying why");
	fuzz_check("debug cause", cause, FUZZ_LINE);
	graph_token_info_clear(&ti);
	free(cause);
}

/* Read the tasks of a token's person, and the comments' ids probe. */
static void
fuzz_doctor(const struct platform_response *res, int ids)
{
	enum graph_tasks	 t;
	size_t			 with, without;
	char			*list = NULL, *cause = NULL;

	if (ids) {
		if (graph_ids_parse(res, &with, &without, &cause) != 0 &&
		    cause == NULL)
			fuzz_fail("graph_ids_parse failed without saying why");
		fuzz_check("ids cause", cause, FUZZ_LINE);
		free(cause);
		return;
	}
	t = graph_tasks_parse(res, &list);
	if (t != GRAPH_TASKS_MODERATE && t != GRAPH_TASKS_LACKING &&
	    t != GRAPH_TASKS_UNSAID)
		fuzz_fail("graph_tasks_parse gave %d", (int)t);
	fuzz_check("tasks list", list, FUZZ_LINE);
	free(list);
}

/*
 * Return the token heed holds when it asks who a token is: the input's if
 * it is one (printable ASCII, as a pasted token or a poll's must be).
 */
static const char *
fuzz_token(const struct fuzz_input *in)
{
	const char	*t = fuzz_param(in, "token", NULL), *p;

	if (t == NULL || *t == '\0')
		return "pasted-token";
	for (p = t; *p != '\0'; p++) {
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7F)
			return "pasted-token";
	}
	return t;
}

/* Feed one input to the login or doctor reader it names. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input		 in;
	const struct platform_response	*res;
	char				*cause = NULL;

	fuzz_input_read(&in, data, size);
	res = in.answered ? &in.res : NULL;
	if (strcmp(in.op, "device") == 0)
		fuzz_device(res);
	else if (strcmp(in.op, "poll") == 0)
		fuzz_poll(res);
	else if (strcmp(in.op, "pages") == 0)
		fuzz_pages(res);
	else if (strcmp(in.op, "me") == 0)
		fuzz_me(res, fuzz_token(&in));
	else if (strcmp(in.op, "debug") == 0)
		fuzz_debug(res);
	else if (strcmp(in.op, "tasks") == 0 || strcmp(in.op, "ids") == 0)
		fuzz_doctor(res, in.op[0] == 'i');
	else if (graph_error(res, &cause) != PLATFORM_OK || cause != NULL) {
		if (cause == NULL)
			fuzz_fail("graph_error without saying why");
		fuzz_check("graph_error cause", cause, FUZZ_LINE);
	}
	free(cause);
	fuzz_input_free(&in);
	return 0;
}
