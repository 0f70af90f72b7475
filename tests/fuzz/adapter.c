/*
 * adapter.c -- the driver of the adapter targets: one input (see fuzz.h)
 * goes to the parser its first line names, with an account and an outbox
 * entry as heed would hold them; whatever comes out is held to the
 * contract, and every key, cursor or page it names for later must be one
 * the adapter's own request builders accept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util.h"

#define FUZZ_MAX_IDS	64
#define FUZZ_YEAR_2001	INT64_C(1000000000)
#define FUZZ_YEAR_2100	INT64_C(4102444800)
#define FUZZ_NOW	INT64_C(1795400000)	/* 2026-11-22 */

/*
 * With HEED_FUZZ_SHOW set, say what a parser made of an input, to check
 * that a seed reaches as far as it should.
 */
static void
fuzz_show(const char *what, int rc, const struct sync_page *page,
    const char *cause)
{
	if (getenv("HEED_FUZZ_SHOW") == NULL)
		return;
	fprintf(stderr, "%s: %d", what, rc);
	if (page != NULL)
		fprintf(stderr, ", %zu posts, %zu items, %zu gone, %zu fetch, "
		    "more %d, next %s", page->nposts, page->items.n,
		    page->ngone, page->nfetch, page->more,
		    page->next_cursor != NULL ? page->next_cursor : "none");
	fprintf(stderr, "%s%s\n", cause != NULL ? ": " : "",
	    cause != NULL ? cause : "");
}

/* Return a parameter as a number held to [lo, hi]. */
static int64_t
fuzz_bounded(const struct fuzz_input *in, const char *name, int64_t def,
    int64_t lo, int64_t hi)
{
	int64_t	v = fuzz_param_int(in, name, def);

	return v < lo ? lo : v > hi ? hi : v;
}

/* Return the n-th user id a session may give, or the first. */
static const char *
fuzz_user(const struct fuzz_adapter *fa, int64_t n)
{
	int64_t	i;

	if (fa->users == NULL)
		return NULL;
	for (i = 0; fa->users[i] != NULL; i++) {
		if (i == n)
			return fa->users[i];
	}
	return fa->users[0];
}

/*
 * Fill an account as sync would: the handle and URL from the config, the
 * user id from the session, the numbers within the bounds the config table
 * and the clock give them, the cursor and page from the input.
 */
static void
fuzz_account(const struct fuzz_adapter *fa, const struct fuzz_input *in,
    struct platform_account *pa)
{
	memset(pa, 0, sizeof *pa);
	pa->id = 1;
	pa->name = "shop";
	pa->handle = fa->handle;
	pa->base_url = fa->base_url;
	pa->history_days = fuzz_bounded(in, "history", 365, 1, 365);
	pa->recheck = fuzz_bounded(in, "recheck", 3600, 0, 7 * 86400);
	pa->now = fuzz_bounded(in, "now", FUZZ_NOW, FUZZ_YEAR_2001,
	    FUZZ_YEAR_2100);
	pa->cursor = fuzz_param(in, "cursor", NULL);
	pa->secret = "secret-token";
	pa->access = "access-token";
	pa->user_id = fuzz_user(fa, fuzz_param_int(in, "user", 0));
	pa->reconcile_page = fuzz_param(in, "page", NULL);
}

/* Fill an outbox entry of the given kind from the input. */
static void
fuzz_entry(const struct fuzz_adapter *fa, const struct fuzz_input *in,
    const struct platform_account *pa, struct outbox_entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = fuzz_bounded(in, "id", 7, 1, INT64_C(1) << 53);
	e->account_id = pa->id;
	e->item_id = 3;
	e->kind = action_kind_from_name(in->arg);
	e->state = OUTBOX_SENDING;
	e->target_remote_id = (char *)fuzz_param(in, "target", fa->target);
	e->body = (char *)fuzz_param(in, "text", "Thank you, we are on it.");
	e->idem_key = (char *)fuzz_param(in, "idem", "a1b2c3d4");
	e->target_extra = (char *)fuzz_param(in, "extra", NULL);
	e->attempts = 1;
	e->created = fuzz_bounded(in, "created", pa->now - 60, FUZZ_YEAR_2001,
	    FUZZ_YEAR_2100);
	e->next_attempt = e->created;
}

/* Check a request an adapter built: a URL and headers safe to send. */
static void
fuzz_check_request(const char *what, const struct platform_request *req)
{
	const char	*p;

	if (req->method == NULL || req->url == NULL)
		fuzz_fail("%s: a request without a method or URL", what);
	for (p = req->url; *p != '\0'; p++) {
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7F)
			fuzz_fail("%s: byte 0x%02x in the URL %s", what,
			    (unsigned char)*p, req->url);
	}
	fuzz_check("request authorization", req->authorization, FUZZ_LINE);
	fuzz_check("request content_type", req->content_type, FUZZ_LINE);
}

/* Fail unless a parser that failed said why; check what it said. */
static void
fuzz_check_cause(const char *what, int failed, const char *cause)
{
	if (failed && cause == NULL)
		fuzz_fail("%s failed without saying why", what);
	fuzz_check(what, cause, FUZZ_LINE);
}

/*
 * Build the requests a page asks for next: each fetch key, and the next
 * page of the stream. The adapter named them, so it must accept them.
 */
static void
fuzz_follow(const struct fuzz_adapter *fa, struct platform_account *pa,
    const char *stream, const struct sync_page *page)
{
	const struct platform_ops	*ops = fa->ops;
	struct platform_request		 req;
	char				*cause = NULL;
	size_t				 i;

	for (i = 0; i < page->nfetch && ops->fetch_request != NULL; i++) {
		if (ops->fetch_request(pa, page->fetch[i], &req, &cause) != 0)
			fuzz_fail("fetch_request refuses the key \"%s\" that "
			    "a page named: %s", page->fetch[i], cause);
		fuzz_check_request("fetch_request", &req);
		platform_request_clear(&req);
	}
	if (stream != NULL && page->more && page->next_cursor != NULL) {
		pa->cursor = page->next_cursor;
		if (ops->sync_request(pa, stream, &req, &cause) != 0)
			fuzz_fail("sync_request refuses the cursor \"%s\" "
			    "that a page named: %s", page->next_cursor, cause);
		fuzz_check_request("sync_request", &req);
		platform_request_clear(&req);
	}
}

/* Parse a page of a stream, or of a fetch when key is not NULL. */
static void
fuzz_page(const struct fuzz_adapter *fa, struct platform_account *pa,
    const char *stream, const char *key, const struct platform_response *res)
{
	const struct platform_ops	*ops = fa->ops;
	struct sync_page		 page;
	char				*cause = NULL;
	int				 rc;

	if (key != NULL && ops->fetch_parse == NULL)
		return;
	memset(&page, 0, sizeof page);
	if (key != NULL)
		rc = ops->fetch_parse(pa, key, res, &page, &cause);
	else
		rc = ops->sync_parse(pa, stream, res, &page, &cause);
	fuzz_show(key != NULL ? "fetch_parse" : "sync_parse", rc, &page,
	    cause);
	fuzz_check_cause(key != NULL ? "fetch_parse" : "sync_parse", rc != 0,
	    cause);
	if (rc == 0) {
		fuzz_check_page(&page);
		fuzz_follow(fa, pa, stream, &page);
	}
	sync_page_clear(&page);
	free(cause);
}

/* Check what an action or a reconcile gave back. */
static void
fuzz_check_result(const struct action_result *r)
{
	fuzz_check("result remote_id", r->remote_id, FUZZ_LINE);
	fuzz_check("result next", r->next, FUZZ_LINE);
	fuzz_check("result target_extra", r->target_extra, FUZZ_LINE);
	if (r->have_created)
		fuzz_check_item(&r->created);
}

/* Parse the answer to an action, or to a reconcile. */
static void
fuzz_action(const struct fuzz_adapter *fa, struct platform_account *pa,
    const struct fuzz_input *in, const struct platform_response *res,
    int reconcile)
{
	const struct platform_ops	*ops = fa->ops;
	struct outbox_entry		 e;
	struct action_result		 r;
	struct platform_request		 req;
	char				*cause = NULL;
	int				 rc;

	if (reconcile && ops->reconcile_parse == NULL)
		return;
	fuzz_entry(fa, in, pa, &e);
	memset(&r, 0, sizeof r);
	if (reconcile)
		rc = ops->reconcile_parse(pa, &e, res, &r, &cause);
	else
		rc = ops->action_parse(pa, &e, res, &r, &cause);
	fuzz_show(reconcile ? "reconcile_parse" : "action_parse", rc, NULL,
	    cause != NULL ? cause : r.have_created ? "created an item" : NULL);
	if (rc < -1 || rc > (reconcile ? 1 : 0))
		fuzz_fail("%s_parse returned %d", reconcile ? "reconcile" :
		    "action", rc);
	fuzz_check_cause(reconcile ? "reconcile_parse" : "action_parse",
	    rc < 0, cause);
	if (rc >= 0)
		fuzz_check_result(&r);
	if (reconcile && rc == 1 && r.next != NULL) {
		pa->reconcile_page = r.next;
		if (ops->reconcile_request(pa, &e, &req, &cause) != 0)
			fuzz_fail("reconcile_request refuses the page \"%s\" "
			    "that an answer named: %s", r.next, cause);
		fuzz_check_request("reconcile_request", &req);
		platform_request_clear(&req);
	}
	action_result_clear(&r);
	free(cause);
}

/* Parse the answer to a recheck of the ids in @ids (spaces between). */
static void
fuzz_recheck(const struct fuzz_adapter *fa, struct platform_account *pa,
    const struct fuzz_input *in, const struct platform_response *res)
{
	const struct platform_ops	*ops = fa->ops;
	struct sync_page		 page;
	char				*ids[FUZZ_MAX_IDS], *copy, *p, *id;
	char				*cause = NULL;
	size_t				 n = 0, i, j;
	int				 rc;

	if (ops->recheck_parse == NULL)
		return;
	copy = xstrdup(fuzz_param(in, "ids", fa->target));
	for (p = copy; (id = strsep(&p, " ")) != NULL && n < FUZZ_MAX_IDS;) {
		if (*id != '\0')
			ids[n++] = id;
	}
	memset(&page, 0, sizeof page);
	rc = ops->recheck_parse(pa, ids, n, res, &page, &cause);
	fuzz_show("recheck_parse", rc, &page, cause);
	fuzz_check_cause("recheck_parse", rc != 0, cause);
	if (rc == 0) {
		fuzz_check_page(&page);
		fuzz_follow(fa, pa, NULL, &page);
	}
	for (i = 0; rc == 0 && i < page.ngone; i++) {
		for (j = 0; j < n && strcmp(ids[j], page.gone[i]) != 0; j++)
			/* nothing */;
		if (j == n)
			fuzz_fail("recheck_parse calls %s gone, which it was "
			    "not asked about", page.gone[i]);
	}
	sync_page_clear(&page);
	free(cause);
	free(copy);
}

/*
 * Parse the answer about a read marker: a marker it gives is one that the
 * engine may compare and send back, so marker_request must take it.
 */
static void
fuzz_marker(const struct fuzz_adapter *fa, struct platform_account *pa,
    const struct platform_response *res)
{
	struct platform_request	 req;
	char			*mark = NULL, *cause = NULL;
	int			 rc;

	if (fa->ops->marker_parse == NULL)
		return;
	rc = fa->ops->marker_parse(pa, res, &mark, &cause);
	fuzz_show("marker_parse", rc, NULL, cause != NULL ? cause : mark);
	fuzz_check_cause("marker_parse", rc != 0, cause);
	if (rc != 0 && mark != NULL)
		fuzz_fail("marker_parse failed and gave a marker");
	if (rc == 0 && mark != NULL) {
		fuzz_check("marker", mark, FUZZ_LINE);
		if (fa->ops->marker_request(pa, mark, &req, &cause) != 0)
			fuzz_fail("marker_request refuses the marker \"%s\" "
			    "an answer gave: %s", mark, cause);
		fuzz_check_request("marker_request", &req);
		platform_request_clear(&req);
	}
	free(mark);
	free(cause);
}

/* Build the first request of a session: where it goes must be sendable. */
static void
fuzz_session_use(const struct fuzz_adapter *fa, struct platform_account *pa,
    const struct platform_session *ps)
{
	struct platform_request	 req;
	char			*cause = NULL;

	pa->access = ps->access;
	pa->user_id = ps->user_id;
	pa->service = ps->service;
	pa->cursor = NULL;
	if (fa->ops->sync_request(pa, fa->ops->streams[0], &req, &cause) ==
	    0) {
		fuzz_check_request("sync_request in a session", &req);
		platform_request_clear(&req);
	}
	free(cause);
}

/* Parse the answer that opens a session. */
static void
fuzz_session(const struct fuzz_adapter *fa, struct platform_account *pa,
    const struct platform_response *res)
{
	struct platform_session	 ps;
	char			*cause = NULL;
	int			 rc;

	if (fa->ops->session_parse == NULL)
		return;
	rc = fa->ops->session_parse(pa, res, &ps, &cause);
	fuzz_show("session_parse", rc, NULL, cause != NULL ? cause : ps.handle);
	fuzz_check_cause("session_parse", rc != 0, cause);
	if (rc == 0) {
		if (ps.access == NULL || ps.user_id == NULL)
			fuzz_fail("a session without a token or a user id");
		fuzz_check("session access", ps.access, FUZZ_LINE);
		fuzz_check("session refresh", ps.refresh, FUZZ_LINE);
		fuzz_check("session user_id", ps.user_id, FUZZ_LINE);
		fuzz_check("session handle", ps.handle, FUZZ_LINE);
		fuzz_check("session service", ps.service, FUZZ_LINE);
		fuzz_session_use(fa, pa, &ps);
	}
	platform_session_clear(&ps);
	free(cause);
}

/* Classify a failed answer, and read its pacing headers. */
static void
fuzz_classify(const struct fuzz_adapter *fa, struct platform_account *pa,
    const struct platform_response *res)
{
	enum platform_error	 e;
	char			*cause = NULL;
	int64_t			 ms;

	e = fa->ops->classify(res, &cause);
	fuzz_show("classify", (int)e, NULL, cause);
	fuzz_check_cause("classify", e != PLATFORM_OK, cause);
	free(cause);
	fa->ops->classify(res, NULL);
	if (fa->ops->pace != NULL && res != NULL) {
		ms = fa->ops->pace(res, pa->now);
		if (ms < 0 || ms > INT64_C(86400000))
			fuzz_fail("pace asks for a wait of %lld ms",
			    (long long)ms);
	}
}

/*
 * Return the stream an input names, among the adapter's own: heed asks
 * for no other (an unknown name gives the first).
 */
static const char *
fuzz_stream(const struct fuzz_adapter *fa, const char *name)
{
	const char *const	*s;

	for (s = fa->ops->streams; *s != NULL; s++) {
		if (strcmp(*s, name) == 0)
			return *s;
	}
	return fa->ops->streams[0];
}

/* Feed one input to the parser its first line names. */
int
fuzz_adapter_run(const struct fuzz_adapter *fa, const uint8_t *data,
    size_t size)
{
	struct fuzz_input		 in;
	struct platform_account		 pa;
	const struct platform_response	*res;

	fuzz_input_read(&in, data, size);
	fuzz_account(fa, &in, &pa);
	res = in.answered ? &in.res : NULL;
	if (strcmp(in.op, "sync") == 0)
		fuzz_page(fa, &pa, fuzz_stream(fa, in.arg), NULL, res);
	else if (strcmp(in.op, "fetch") == 0)
		fuzz_page(fa, &pa, NULL, in.arg, res);
	else if (strcmp(in.op, "action") == 0)
		fuzz_action(fa, &pa, &in, res, 0);
	else if (strcmp(in.op, "reconcile") == 0)
		fuzz_action(fa, &pa, &in, res, 1);
	else if (strcmp(in.op, "recheck") == 0)
		fuzz_recheck(fa, &pa, &in, res);
	else if (strcmp(in.op, "session") == 0)
		fuzz_session(fa, &pa, res);
	else if (strcmp(in.op, "marker") == 0)
		fuzz_marker(fa, &pa, res);
	else if (strcmp(in.op, "classify") == 0)
		fuzz_classify(fa, &pa, res);
	fuzz_input_free(&in);
	return 0;
}
