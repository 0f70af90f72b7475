/*
 * graph-error.c -- the Graph API's errors: reading the error envelope of
 * an answer and classifying it, with plain words for the person, by its
 * code, subcode and message.
 *
 * One table below says what each code means to heed.
 */
#include <stdlib.h>
#include <string.h>

#include "graph-private.h"

/* An integer member that may also come as a string of digits; or -1. */
static long
graph_long(const json_t *o, const char *key)
{
	const json_t	*v = json_object_get(o, key);
	const char	*s;

	if (json_is_integer(v))
		return json_integer_value(v) >= 0 &&
		    json_integer_value(v) < 100000000 ?
		    (long)json_integer_value(v) : -1;
	if (!json_is_string(v) || strlen(s = json_string_value(v)) > 8)
		return -1;
	return (long)graph_number(s);
}

/* Read the error envelope of an answer, as far as it is there. */
void
graph_error_read(const struct platform_response *res, struct graph_error *e)
{
	const json_t	*err;
	json_t		*doc = NULL;

	memset(e, 0, sizeof *e);
	e->code = e->subcode = -1;
	if (res == NULL || res->body == NULL || res->len == 0 ||
	    res->len > GRAPH_MAX_ERROR_BODY ||
	    (doc = jdoc_parse(res->body, res->len, NULL)) == NULL)
		return;
	err = json_object_get(doc, "error");
	if (json_is_object(err)) {
		e->code = graph_long(err, "code");
		e->subcode = graph_long(err, "error_subcode");
		e->transient = graph_bool(err, "is_transient");
		e->message = graph_line(err, "message", GRAPH_MAX_CAUSE);
		e->user_msg = graph_line(err, "error_user_msg",
		    GRAPH_MAX_CAUSE);
	}
	jdoc_free(doc);
}

/* Free what an error envelope holds. */
void
graph_error_clear(struct graph_error *e)
{
	free(e->message);
	free(e->user_msg);
	memset(e, 0, sizeof *e);
}

/* Return 1 if hay contains needle, ignoring ASCII case. */
static int
graph_contains(const char *hay, const char *needle)
{
	size_t	n = strlen(needle), i;
	char	c, d;

	if (hay == NULL)
		return 0;
	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n; i++) {
			c = hay[i];
			d = needle[i];
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c != d)
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

/* Find a permission's name (pages_..., instagram_..., ...) in a message. */
static char *
graph_permission(const char *msg)
{
	static const char *const prefixes[] = {
		"pages_", "instagram_", "business_", "ads_", "read_",
		"publish_", "manage_", NULL
	};
	const char	*p;
	size_t		 i, n;

	if (msg == NULL)
		return NULL;
	for (p = msg; *p != '\0'; p++) {
		if (p != msg && ((p[-1] >= 'a' && p[-1] <= 'z') ||
		    p[-1] == '_'))
			continue;
		for (i = 0; prefixes[i] != NULL; i++) {
			if (strncmp(p, prefixes[i], strlen(prefixes[i])) != 0)
				continue;
			for (n = 0; (p[n] >= 'a' && p[n] <= 'z') ||
			    p[n] == '_'; n++)
				;
			if (n > strlen(prefixes[i]) && n < 64)
				return xstrndup(p, n);
		}
	}
	return NULL;
}

/* Words for what error 190's subcodes mean. */
static const char *
graph_token_why(long subcode)
{
	switch (subcode) {
	case 458:
		return "heed's Facebook app was removed from the account's "
		    "apps";
	case 460:
		return "the password was changed";
	case 463:
		return "the login has expired";
	case 464:
		return "the Facebook account is not confirmed yet (confirm it "
		    "on facebook.com)";
	case 467:
		return "the login is no longer valid";
	case 492:
		return "the person who logged in no longer has a role on "
		    "the Page";
	case 493:
		return "the login expired after 90 days without use";
	default:
		return "the login is no longer valid";
	}
}

/* What a rule of the error table is given to put into words. */
struct graph_error_ctx {
	long				 status;
	const struct graph_error	*e;
	const char			*m;	/* the message, or "" */
	const char			*who;	/* "Facebook", "Instagram" */
	const char			*hint;	/* what the platform needs */
	char				*perm;	/* a permission, or NULL */
};

/* Say that the account is held at a security check. */
static void
graph_say_checkpoint(const struct graph_error_ctx *c, char **cause)
{
	(void)c;
	util_fail(cause, "Facebook holds the account at a security check: "
	    "log in at facebook.com once");
}

/* Say that the token is a person's. */
static void
graph_say_person(const struct graph_error_ctx *c, char **cause)
{
	(void)c;
	util_fail(cause, "this is a person's token, not a Page's");
}

/* Say why the login is no longer valid (error 190 or 102). */
static void
graph_say_login(const struct graph_error_ctx *c, char **cause)
{
	if (c->e->subcode >= 0)
		util_fail(cause, "Facebook says %s (error %ld/%ld)",
		    graph_token_why(c->e->subcode), c->e->code,
		    c->e->subcode);
	else
		util_fail(cause, "Facebook says the login is no longer valid "
		    "(error %ld)", c->e->code);
}

/* Say whose request limit is reached. */
static void
graph_say_limit(const struct graph_error_ctx *c, char **cause)
{
	util_fail(cause, "the %s request limit is reached (error %ld)",
	    c->e->code == 32 ? "Page's" : c->e->code == 17 ? "account's" :
	    "app's", c->e->code);
}

/* Say that the Page's request limit is reached (errors 80000-80014). */
static void
graph_say_page_limit(const struct graph_error_ctx *c, char **cause)
{
	util_fail(cause, "the Page's request limit is reached (error %ld)",
	    c->e->code);
}

/* Say that the platform had a passing problem. */
static void
graph_say_passing(const struct graph_error_ctx *c, char **cause)
{
	util_fail(cause, "%s had a passing problem (error %ld)", c->who,
	    c->e->code);
}

/* Say that the same text was posted already (error 368). */
static void
graph_say_posted(const struct graph_error_ctx *c, char **cause)
{
	(void)c;
	util_fail(cause, "already posted (error 368)");
}

/* Say that a policy blocks this for now (error 368). */
static void
graph_say_blocked(const struct graph_error_ctx *c, char **cause)
{
	util_fail(cause, "%s blocks this for now (error 368: %s); heed tries "
	    "again later", c->who, *c->m != '\0' ? c->m : "a policy block");
}

/* Say that it was done already. */
static void
graph_say_done(const struct graph_error_ctx *c, char **cause)
{
	util_fail(cause, "already done (error %ld)", c->e->code);
}

/* Say that a private reply is no longer possible (error 10903). */
static void
graph_say_no_private(const struct graph_error_ctx *c, char **cause)
{
	(void)c;
	util_fail(cause, "a private reply is no longer possible for this "
	    "comment (error 10903)");
}

/* Say that the object is gone (error 100/33). */
static void
graph_say_gone(const struct graph_error_ctx *c, char **cause)
{
	(void)c;
	util_fail(cause, "it is no longer there (error 100/33)");
}

/* Say which permission the login lacks, or what the platform needs. */
static void
graph_say_permission(const struct graph_error_ctx *c, char **cause)
{
	if (c->perm != NULL)
		util_fail(cause, "the login lacks the %s permission (error "
		    "%ld); run heed login again and allow it", c->perm,
		    c->e->code);
	else
		util_fail(cause, "the login lacks a permission for this "
		    "(error %ld: %s); %s; heed doctor lists what is missing",
		    c->e->code, *c->m != '\0' ? c->m : "permission error",
		    c->hint);
}

#define GRAPH_ANY	(-2)	/* a rule's subcode: whatever there is */

/*
 * A rule of the error table: the codes it covers, the subcode and the
 * words in the message it needs (lower case), whether a permission must
 * be named in the message, and what heed makes of such an error.
 */
struct graph_error_rule {
	long			  lo, hi;
	long			  subcode;
	const char		 *needle;
	int			  needs_perm;
	enum platform_error	  r;
	void			(*say)(const struct graph_error_ctx *,
				    char **);
};

/* The rules, in order: the first that matches classifies the error. */
static const struct graph_error_rule graph_error_rules[] = {
	{ 190, 190, 459, NULL, 0, PLATFORM_ERR_PERMANENT,
	    graph_say_checkpoint },
	{ 102, 102, 459, NULL, 0, PLATFORM_ERR_PERMANENT,
	    graph_say_checkpoint },
	{ 190, 190, GRAPH_ANY, "node type (user)", 0, PLATFORM_ERR_AUTH,
	    graph_say_person },
	{ 102, 102, GRAPH_ANY, "node type (user)", 0, PLATFORM_ERR_AUTH,
	    graph_say_person },
	{ 190, 190, GRAPH_ANY, NULL, 0, PLATFORM_ERR_AUTH, graph_say_login },
	{ 102, 102, GRAPH_ANY, NULL, 0, PLATFORM_ERR_AUTH, graph_say_login },
	{ 4, 4, GRAPH_ANY, NULL, 0, PLATFORM_ERR_RATE, graph_say_limit },
	{ 17, 17, GRAPH_ANY, NULL, 0, PLATFORM_ERR_RATE, graph_say_limit },
	{ 32, 32, GRAPH_ANY, NULL, 0, PLATFORM_ERR_RATE, graph_say_limit },
	{ 341, 341, GRAPH_ANY, NULL, 0, PLATFORM_ERR_RATE, graph_say_limit },
	{ 613, 613, GRAPH_ANY, NULL, 0, PLATFORM_ERR_RATE, graph_say_limit },
	{ 1, 2, GRAPH_ANY, NULL, 0, PLATFORM_ERR_TEMPORARY,
	    graph_say_passing },
	{ 368, 368, GRAPH_ANY, "already", 0, PLATFORM_ERR_DUPLICATE,
	    graph_say_posted },
	{ 368, 368, GRAPH_ANY, NULL, 0, PLATFORM_ERR_TEMPORARY,
	    graph_say_blocked },
	{ 506, 506, GRAPH_ANY, NULL, 0, PLATFORM_ERR_DUPLICATE,
	    graph_say_done },
	{ 10900, 10900, GRAPH_ANY, NULL, 0, PLATFORM_ERR_DUPLICATE,
	    graph_say_done },
	{ 10903, 10903, GRAPH_ANY, NULL, 0, PLATFORM_ERR_PERMANENT,
	    graph_say_no_private },
	{ 100, 100, 33, NULL, 0, PLATFORM_ERR_GONE, graph_say_gone },
	{ 100, 100, GRAPH_ANY, "node type (user)", 0, PLATFORM_ERR_AUTH,
	    graph_say_person },
	{ 10, 10, GRAPH_ANY, NULL, 0, PLATFORM_ERR_DENIED,
	    graph_say_permission },
	{ 283, 283, GRAPH_ANY, NULL, 0, PLATFORM_ERR_DENIED,
	    graph_say_permission },
	{ 200, 299, GRAPH_ANY, NULL, 0, PLATFORM_ERR_DENIED,
	    graph_say_permission },
	{ 100, 100, GRAPH_ANY, NULL, 1, PLATFORM_ERR_DENIED,
	    graph_say_permission },
	{ 80000, 80014, GRAPH_ANY, NULL, 0, PLATFORM_ERR_RATE,
	    graph_say_page_limit }
};

/* Return 1 if a rule of the table matches an error. */
static int
graph_error_matches(const struct graph_error_rule *rule,
    const struct graph_error_ctx *c)
{
	if (c->e->code < rule->lo || c->e->code > rule->hi)
		return 0;
	if (rule->subcode != GRAPH_ANY && c->e->subcode != rule->subcode)
		return 0;
	if (rule->needle != NULL && !graph_contains(c->m, rule->needle))
		return 0;
	return !rule->needs_perm || c->perm != NULL;
}

/*
 * Classify an error the table does not name by its HTTP status: a
 * passing one (is_transient, 5xx, 429, 408) or a refusal.
 */
static enum platform_error
graph_error_by_status(const struct graph_error_ctx *c, char **cause)
{
	const char	*sep = *c->m != '\0' ? ": " : "";

	if (c->e->transient || c->status >= 500 || c->status == 429 ||
	    c->status == 408) {
		util_fail(cause, "%s answered %ld%s%s", c->who, c->status, sep,
		    c->m);
		return c->status == 429 ? PLATFORM_ERR_RATE :
		    PLATFORM_ERR_TEMPORARY;
	}
	if (c->e->code >= 0)
		util_fail(cause, "%s refused it (error %ld%s%s)", c->who,
		    c->e->code, sep, c->m);
	else
		util_fail(cause, "%s answered %ld", c->who, c->status);
	return PLATFORM_ERR_PERMANENT;
}

/* Classify a Graph error; set *cause to plain words. */
static enum platform_error
graph_error_class(long status, const struct graph_error *e, const char *who,
    const char *hint, char **cause)
{
	struct graph_error_ctx	 c;
	enum platform_error	 r;
	size_t			 i;

	c.status = status;
	c.e = e;
	c.m = e->message != NULL ? e->message : "";
	c.who = who;
	c.hint = hint;
	c.perm = graph_permission(c.m);
	for (i = 0; i < nitems(graph_error_rules); i++) {
		if (graph_error_matches(&graph_error_rules[i], &c))
			break;
	}
	if (i < nitems(graph_error_rules)) {
		graph_error_rules[i].say(&c, cause);
		r = graph_error_rules[i].r;
	} else
		r = graph_error_by_status(&c, cause);
	free(c.perm);
	return r;
}

/* What each platform needs, for a refusal that names no permission. */
#define GRAPH_FB_NEEDS	"Facebook needs pages_read_engagement and " \
	"pages_read_user_content to read, pages_manage_engagement to answer " \
	"and pages_messaging for private replies"
#define GRAPH_IG_NEEDS	"Instagram needs instagram_basic to read and " \
	"instagram_manage_comments to answer"

/* Classify a failed answer, with what the platform needs as a hint. */
static enum platform_error
graph_classify_for(const struct platform_response *res, const char *who,
    const char *hint, char **cause)
{
	struct graph_error	 e;
	enum platform_error	 r;

	if (res == NULL) {
		util_fail(cause, "no answer");
		return PLATFORM_ERR_TEMPORARY;
	}
	if (res->error != TRANSPORT_OK) {
		if (cause != NULL)
			*cause = platform_unreached(res, GRAPH_MAX_CAUSE,
			    "cannot reach the Graph API");
		return PLATFORM_ERR_TEMPORARY;
	}
	if (res->status >= 200 && res->status <= 299)
		return PLATFORM_OK;
	graph_error_read(res, &e);
	r = graph_error_class(res->status, &e, who, hint, cause);
	graph_error_clear(&e);
	return r;
}

/* Classify a failed answer. */
enum platform_error
graph_classify(const struct platform_response *res, char **cause)
{
	return graph_classify_for(res, "Facebook", GRAPH_FB_NEEDS, cause);
}

/* Classify a failed Instagram answer. */
enum platform_error
instagram_classify(const struct platform_response *res, char **cause)
{
	return graph_classify_for(res, "Instagram", GRAPH_IG_NEEDS, cause);
}

/* Fail with the words for a failed answer; -1. */
int
graph_fail_status(const struct platform_response *res, char **cause)
{
	graph_classify(res, cause);
	return -1;
}

/* The same for an Instagram answer. */
int
instagram_fail_status(const struct platform_response *res, char **cause)
{
	instagram_classify(res, cause);
	return -1;
}
