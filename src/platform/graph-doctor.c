/*
 * graph-doctor.c -- heed doctor's checks of a Facebook or Instagram
 * account, and what it asks the Graph API beyond the token: whether the
 * person behind a Page token has the Moderate task. Without it Facebook
 * sends comments without their ids, and none can be answered.
 *
 * The tasks are asked first; a Page's own token may not be told them, and
 * then the comments of the Page's newest posts show it: ids, or none.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "graph-private.h"
#include "text.h"

#define GRAPH_PROBE_POSTS	"10"	/* newest posts looked at */
#define GRAPH_PROBE_COMMENTS	"25"	/* comments of each */

/* Ask which tasks the token's person has on the Page. */
int
graph_tasks_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	buf_init(&q, 0);
	util_query(&q, "fields", "id,tasks");
	rc = graph_start_token(pa, token, "GET", "me", q.data, req, cause);
	buf_free(&q);
	return rc;
}

/*
 * Read the tasks: GRAPH_TASKS_MODERATE when MODERATE (or MANAGE, which
 * holds it) is among them, GRAPH_TASKS_LACKING when not, GRAPH_TASKS_UNSAID
 * when the answer names none. *list gets the tasks named, comma-separated
 * and sanitized (a new string), or NULL.
 */
enum graph_tasks
graph_tasks_parse(const struct platform_response *res, char **list)
{
	const json_t		*tasks, *t;
	json_t			*doc;
	enum graph_tasks	 r = GRAPH_TASKS_LACKING;
	struct buf		 b;
	const char		*s;
	size_t			 i;

	*list = NULL;
	if (res == NULL || res->status < 200 || res->status > 299 ||
	    (doc = graph_load(res, NULL)) == NULL)
		return GRAPH_TASKS_UNSAID;
	tasks = json_object_get(doc, "tasks");
	if (!json_is_array(tasks)) {
		jdoc_free(doc);
		return GRAPH_TASKS_UNSAID;
	}
	buf_init(&b, 4096);
	json_array_foreach(tasks, i, t) {
		if ((s = json_string_value(t)) == NULL)
			continue;
		if (strcmp(s, "MODERATE") == 0 || strcmp(s, "MANAGE") == 0)
			r = GRAPH_TASKS_MODERATE;
		buf_printf(&b, "%s%.40s", b.len > 0 ? ", " : "", s);
	}
	jdoc_free(doc);
	if (b.data != NULL)
		*list = text_sanitize_line(b.data, b.len);
	buf_free(&b);
	return r;
}

/* Ask for the comments of the Page's newest posts, with their ids. */
int
graph_ids_request(const struct platform_account *pa, const char *token,
    struct platform_request *req, char **cause)
{
	struct buf	q;
	int		rc;

	buf_init(&q, 0);
	util_query(&q, "fields", "id,comments.limit(" GRAPH_PROBE_COMMENTS
	    "){id,message}");
	util_query(&q, "limit", GRAPH_PROBE_POSTS);
	rc = graph_start_token(pa, token, "GET", "me/feed", q.data, req,
	    cause);
	buf_free(&q);
	return rc;
}

/*
 * Count the comments of that answer that came with an id (*with) and
 * without one (*without); 0, or -1 with a cause.
 */
int
graph_ids_parse(const struct platform_response *res, size_t *with,
    size_t *without, char **cause)
{
	const json_t	*posts, *p, *list, *c;
	json_t		*doc;
	size_t		 i, j;

	*with = *without = 0;
	if (res == NULL || res->status < 200 || res->status > 299)
		return graph_fail_status(res, cause);
	if ((doc = graph_load(res, cause)) == NULL)
		return -1;
	posts = json_object_get(doc, "data");
	if (!json_is_array(posts)) {
		jdoc_free(doc);
		return util_fail(cause, "malformed response: no data");
	}
	json_array_foreach(posts, i, p) {
		list = json_object_get(json_object_get(p, "comments"), "data");
		json_array_foreach(list, j, c) {
			if (graph_id(c, "id") != NULL)
				(*with)++;
			else
				(*without)++;
		}
	}
	jdoc_free(doc);
	return 0;
}

/*
 * heed doctor's checks of a Facebook or Instagram account's token, made
 * through the checker heed doctor lends: the Page the token opens (and for
 * Instagram the business account linked to it), what debug_token says of
 * the token, and for Facebook the Moderate task.
 */

/* A permission a Graph account needs, and what for. */
struct graph_perm {
	const char	*platform;
	const char	*scope;
	const char	*why;
	int		 required;
};

static const struct graph_perm graph_perms[] = {
	{ "facebook", "pages_read_engagement", "to read the Page's posts and "
	    "comments", 1 },
	{ "facebook", "pages_read_user_content", "to read visitors' posts and "
	    "comments", 1 },
	{ "facebook", "pages_manage_engagement", "to reply, like, hide and "
	    "delete", 1 },
	{ "facebook", "pages_messaging", "for private replies", 0 },
	{ "instagram", "instagram_basic", "to read the account's media and "
	    "comments", 1 },
	{ "instagram", "instagram_manage_comments", "to reply, hide and "
	    "delete", 1 },
	{ "instagram", "pages_read_engagement", "to reach Instagram through "
	    "the Page", 1 },
};

/* One account being checked, and what its checks share. */
struct graph_check {
	const struct platform_account	*pa;
	const struct platform_checker	*ck;
	const char			*platform;	/* "facebook", ... */
};

/* Report one check through the checker. */
static void printflike(4, 5)
graph_report(const struct graph_check *gc, enum platform_mark m,
    const char *fix, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	gc->ck->report(gc->ck->arg, m, fix, msg);
	free(msg);
}


/* Write a time as a date for people, or "never". */
static void
graph_date(int64_t t, char *buf, size_t len)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (t == 0 || gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, len, "never");
	else
		strftime(buf, len, "%Y-%m-%d", &tm);
}

/*
 * Ask Facebook who the token is: the Page it opens, and for Instagram
 * the business account linked to that Page. 0 when the account's other
 * checks may go on.
 */
static int
graph_check_page(const struct graph_check *gc, struct graph_page *p)
{
	const struct platform_account	*pa = gc->pa;
	struct platform_request		 req;
	struct platform_response	 res;
	char				*body, *cause = NULL;
	int				 rc;

	memset(p, 0, sizeof *p);
	if (graph_me_page_request(pa, pa->secret, &req, &cause) != 0) {
		graph_report(gc, PLATFORM_MARK_FAIL, NULL, "account %s (%s): "
		    "%s", pa->name, gc->platform, cause);
		free(cause);
		return -1;
	}
	if (platform_checker_call(gc->ck, &req, "the token could not be "
	    "checked", 0, &res, &body) != 0)
		return -1;
	rc = graph_me_page_parse(&res, pa->secret, p, &cause);
	util_free_secret(body);
	if (rc != 0) {
		graph_report(gc, PLATFORM_MARK_FAIL, NULL, "account %s (%s): "
		    "the token could not be checked: %s", pa->name,
		    gc->platform, cause);
		free(cause);
		return -1;
	}
	if (strcmp(gc->platform, "instagram") != 0) {
		graph_report(gc, PLATFORM_MARK_OK, NULL, "account %s "
		    "(facebook): the token opens the Page %s (%s)", pa->name,
		    p->name, p->id);
		return 0;
	}
	if (p->ig_id == NULL) {
		graph_report(gc, PLATFORM_MARK_FAIL, "link the Instagram "
		    "account to the Page in Meta Business Suite (Settings > "
		    "Linked accounts), then run heed doctor again", "account "
		    "%s (instagram): the Page %s (%s) has no Instagram business "
		    "account linked, so heed cannot reach Instagram through it",
		    pa->name, p->name, p->id);
		return -1;
	}
	graph_report(gc, PLATFORM_MARK_OK, NULL, "account %s (instagram): @%s "
	    "is linked to the Page %s", pa->name, p->ig_username != NULL ?
	    p->ig_username : p->ig_id, p->name);
	return 0;
}

/* Report the permissions heed needs that the token lacks. */
static void
graph_check_scopes(const struct graph_check *gc,
    const struct graph_token_info *ti)
{
	size_t	i, j;
	int	have;

	for (i = 0; i < nitems(graph_perms); i++) {
		if (strcmp(graph_perms[i].platform, gc->platform) != 0)
			continue;
		for (have = 0, j = 0; j < ti->nscopes && !have; j++)
			have = strcmp(ti->scopes[j], graph_perms[i].scope) == 0;
		if (have)
			continue;
		graph_report(gc, graph_perms[i].required ? PLATFORM_MARK_FAIL :
		    PLATFORM_MARK_OK, gc->ck->relogin, "account %s (%s): the "
		    "login lacks %s, needed %s%s", gc->pa->name, gc->platform,
		    graph_perms[i].scope, graph_perms[i].why,
		    graph_perms[i].required ? "" : " (optional)");
	}
}

/*
 * Ask the Graph API what the token may do (debug_token): whether it is
 * valid, when it expires, and which of the permissions heed needs it
 * lacks.
 */
static void
graph_check_token(const struct graph_check *gc)
{
	const struct platform_account	*pa = gc->pa;
	struct platform_request		 req;
	struct platform_response	 res;
	struct graph_token_info		 ti;
	const char			*app_id, *client;
	char				*auth, *body, *cause = NULL;
	char				 exp[32], data[32];

	app_id = pa->app_id != NULL ? pa->app_id : "";
	client = pa->client_token != NULL ? pa->client_token : "";
	auth = *app_id != '\0' && *client != '\0' ?
	    xprintf("%s|%s", app_id, client) : xstrdup(pa->secret);
	memset(&ti, 0, sizeof ti);
	if (graph_debug_request(pa, auth, pa->secret, &req, &cause) != 0) {
		graph_report(gc, PLATFORM_MARK_FAIL, NULL, "account %s (%s): "
		    "%s", pa->name, gc->platform, cause);
		goto out;
	}
	if (platform_checker_call(gc->ck, &req, "the token could not be "
	    "checked", 0, &res, &body) != 0)
		goto out;
	if (graph_debug_parse(&res, &ti, &cause) != 0) {
		util_free_secret(body);
		graph_report(gc, PLATFORM_MARK_FAIL, NULL, "account %s (%s): "
		    "the token could not be checked: %s", pa->name,
		    gc->platform, cause);
		goto out;
	}
	util_free_secret(body);
	if (!ti.valid) {
		graph_report(gc, PLATFORM_MARK_FAIL, gc->ck->relogin, "account "
		    "%s (%s): the token is no longer valid%s%s", pa->name,
		    gc->platform, ti.error != NULL ? ": " : "", ti.error !=
		    NULL ? ti.error : "");
		goto out;
	}
	graph_date(ti.expires_at, exp, sizeof exp);
	graph_date(ti.data_access_expires_at, data, sizeof data);
	graph_report(gc, PLATFORM_MARK_OK, NULL, "account %s (%s): %s token "
	    "valid, expires %s, data access until %s", pa->name, gc->platform,
	    ti.type != NULL ? ti.type : "the", exp, data);
	graph_check_scopes(gc, &ti);
out:
	graph_token_info_clear(&ti);
	util_free_secret(auth);
	free(cause);
}

/*
 * Judge the Moderate task by the comments of the Page's newest posts,
 * which come without ids when it is missing.
 */
static void
graph_check_ids(const struct graph_check *gc, const struct graph_page *p,
    const char *fix, char **cause)
{
	const struct platform_account	*pa = gc->pa;
	struct platform_request		 req;
	struct platform_response	 res;
	char				*body;
	size_t				 with, without;
	int				 rc;

	if (graph_ids_request(pa, pa->secret, &req, cause) != 0)
		return;
	if (platform_checker_call(gc->ck, &req, "whether the login may "
	    "moderate the Page could not be checked", 0, &res, &body) != 0)
		return;
	rc = graph_ids_parse(&res, &with, &without, cause);
	util_free_secret(body);
	if (rc != 0) {
		graph_report(gc, PLATFORM_MARK_FAIL, NULL, "account %s "
		    "(facebook): whether the login may moderate the Page could "
		    "not be checked: %s", pa->name, *cause);
		free(*cause);
		*cause = NULL;
	} else if (without > 0)
		graph_report(gc, PLATFORM_MARK_FAIL, fix, "account %s "
		    "(facebook): %zu of the comments on the newest posts of %s "
		    "came without ids: the person who logged in lacks the "
		    "Moderate task, and heed cannot answer those comments",
		    pa->name, without, p->name);
	else if (with > 0)
		graph_report(gc, PLATFORM_MARK_OK, NULL, "account %s "
		    "(facebook): comments come with their ids (the login may "
		    "moderate the Page %s)", pa->name, p->name);
	else
		graph_report(gc, PLATFORM_MARK_NOTE, NULL, "account %s "
		    "(facebook): whether the login may moderate the Page %s "
		    "cannot be told yet: its newest posts have no comments "
		    "(heed sync says so when comments come without ids)",
		    pa->name, p->name);
}

/*
 * Check that the person behind a Facebook token has the Moderate task:
 * by the tasks the Page names, or, when it names none (a Page's own token
 * may not be told them), by the comments of its newest posts.
 */
static void
graph_check_moderate(const struct graph_check *gc,
    const struct graph_page *p)
{
	const struct platform_account	*pa = gc->pa;
	struct platform_request		 req;
	struct platform_response	 res;
	enum graph_tasks		 t = GRAPH_TASKS_UNSAID;
	char				*cause = NULL, *tasks = NULL, *fix;
	char				*body;
	int				 rc;

	fix = xprintf("give the person who logged in the Moderate task on "
	    "the Page (Page settings > Page access), then %s",
	    gc->ck->relogin);
	if (graph_tasks_request(pa, pa->secret, &req, &cause) != 0)
		goto out;
	/* Said only when the platform asks to wait; else the ids tell. */
	rc = platform_checker_call(gc->ck, &req, "the Page's tasks could not "
	    "be read", 1, &res, &body);
	if (rc < 0)
		goto out;
	if (rc == 0) {
		t = graph_tasks_parse(&res, &tasks);
		util_free_secret(body);
	}
	if (t == GRAPH_TASKS_MODERATE)
		graph_report(gc, PLATFORM_MARK_OK, NULL, "account %s "
		    "(facebook): the login may moderate the Page %s (tasks: "
		    "%s)", pa->name, p->name, tasks);
	else if (t == GRAPH_TASKS_LACKING)
		graph_report(gc, PLATFORM_MARK_FAIL, fix, "account %s "
		    "(facebook): the person who logged in lacks the Moderate "
		    "task on the Page %s (tasks: %s): Facebook sends comments "
		    "without ids, and heed cannot answer them", pa->name,
		    p->name, *tasks != '\0' ? tasks : "none");
	else
		graph_check_ids(gc, p, fix, &cause);
out:
	if (cause != NULL)
		graph_report(gc, PLATFORM_MARK_FAIL, NULL, "account %s "
		    "(facebook): %s", pa->name, cause);
	free(cause);
	free(tasks);
	free(fix);
}

/*
 * The checks of a Facebook or Instagram account's token. Once the token
 * is refused, or Facebook cannot be asked, the others would only say so
 * again.
 */
static void
graph_check_all(const struct platform_account *pa,
    const struct platform_checker *ck, const char *platform)
{
	struct graph_check	gc = { pa, ck, platform };
	struct graph_page	p;

	if (graph_check_page(&gc, &p) == 0) {
		graph_check_token(&gc);
		if (strcmp(platform, "facebook") == 0)
			graph_check_moderate(&gc, &p);
	}
	free(p.id);
	free(p.name);
	util_free_secret(p.token);
	free(p.ig_id);
	free(p.ig_username);
}

/* heed doctor's checks of a Facebook account. */
void
facebook_check(const struct platform_account *pa,
    const struct platform_checker *ck)
{
	graph_check_all(pa, ck, "facebook");
}

/* heed doctor's checks of an Instagram account. */
void
instagram_check(const struct platform_account *pa,
    const struct platform_checker *ck)
{
	graph_check_all(pa, ck, "instagram");
}
