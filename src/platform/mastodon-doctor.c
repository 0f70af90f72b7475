/*
 * mastodon-doctor.c -- heed doctor's checks of a Mastodon account's token,
 * made through the checker heed doctor lends: whose the token is (and
 * whether that is the account the config names), which permissions heed's
 * app has there, and what the instance says of itself (its version, and
 * how long a post may be).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "text.h"
#include "util.h"

#define MASTODON_CHARACTERS_WORD	"500"	/* MASTODON_CHARACTERS */

/* One account being checked, and what its checks share. */
struct mastodon_checking {
	const struct platform_account	*pa;
	const struct platform_checker	*ck;
	const char			*instance;	/* for people */
};

/* Report one check through the checker. */
static void printflike(4, 5)
mastodon_report(const struct mastodon_checking *mc, enum platform_mark m,
    const char *fix, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *line;

	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	line = xprintf("account %s (mastodon): %s", mc->pa->name, msg);
	mc->ck->report(mc->ck->arg, m, fix, line);
	free(line);
	free(msg);
}


/*
 * Check whose the token is, and that it is the account the config names.
 * 0 when the other checks may go on.
 */
static int
mastodon_check_whose(const struct mastodon_checking *mc)
{
	const struct platform_account	*pa = mc->pa;
	struct platform_request		 req;
	struct platform_response	 res;
	char				*body, *acct, *cause = NULL, *fix;

	if (mastodon_whose_request(pa, pa->secret, &req, &cause) != 0) {
		mastodon_report(mc, PLATFORM_MARK_FAIL, mc->ck->relogin, "%s",
		    cause);
		free(cause);
		return -1;
	}
	if (platform_checker_call(mc->ck, &req, "the token could not be "
	    "checked", 0, &res, &body) != 0)
		return -1;
	acct = mastodon_whose_parse(&res, &cause);
	util_free_secret(body);
	if (acct == NULL) {
		mastodon_report(mc, PLATFORM_MARK_FAIL, NULL, "the token could "
		    "not be checked: %s", cause);
		free(cause);
		return -1;
	}
	if (!mastodon_handle_is(pa, acct)) {
		fix = xprintf("log in to %s as %s in the browser, then %s (or "
		    "correct handle in the config)", mc->instance, pa->handle,
		    mc->ck->relogin);
		mastodon_report(mc, PLATFORM_MARK_FAIL, fix, "the token is "
		    "@%s's on %s, but the config names %s", acct, mc->instance,
		    pa->handle);
		free(fix);
	} else
		mastodon_report(mc, PLATFORM_MARK_OK, NULL, "the token works: "
		    "it is @%s's on %s", acct, mc->instance);
	free(acct);
	return 0;
}

/*
 * Return 1 if permissions the app has (a JSON list) cover one heed asks
 * for: named, or held by the whole they belong to ("read" holds every
 * "read:..."; the old "follow" holds follows, blocks and mutes).
 */
static int
mastodon_covered(const json_t *have, const char *name)
{
	if (mastodon_listed(have, name))
		return 1;
	if (strncmp(name, "read:", 5) == 0 && mastodon_listed(have, "read"))
		return 1;
	if (strncmp(name, "write:", 6) == 0 && mastodon_listed(have, "write"))
		return 1;
	return mastodon_listed(have, "follow") &&
	    (strcmp(name + strcspn(name, ":"), ":follows") == 0 ||
	    strcmp(name + strcspn(name, ":"), ":blocks") == 0 ||
	    strcmp(name + strcspn(name, ":"), ":mutes") == 0);
}

/* Report the permissions heed needs that the app lacks. */
static void
mastodon_check_lacking(const struct mastodon_checking *mc,
    const json_t *have, const char *name)
{
	const struct mastodon_scope	*s;
	char				*fix;
	size_t				 i, lacking = 0;

	fix = xprintf("log in again to grant it: %s", mc->ck->relogin);
	for (i = 0; i < mastodon_nscopes; i++) {
		s = &mastodon_scopes[i];
		if (mastodon_covered(have, s->name))
			continue;
		lacking++;
		mastodon_report(mc, s->required ? PLATFORM_MARK_FAIL :
		    PLATFORM_MARK_NOTE, fix, "the login lacks %s, needed %s%s",
		    s->name, s->why, s->required ? "" : " (optional)");
	}
	if (lacking == 0)
		mastodon_report(mc, PLATFORM_MARK_OK, NULL, "the app %s may do "
		    "all that heed does", name);
	free(fix);
}

/*
 * Check which permissions the token's app has (apps/verify_credentials).
 * Before Mastodon 4.3 the answer names none, and is refused to a token
 * without the whole "read": then it cannot be told.
 */
static void
mastodon_check_scopes(const struct mastodon_checking *mc)
{
	struct platform_request		 req;
	struct platform_response	 res;
	const json_t			*have;
	json_t				*doc;
	const char			*n;
	char				*body, *name;
	int				 rc;

	if (mastodon_start(mc->pa, "GET", "/api/v1/apps/verify_credentials",
	    NULL, &req, NULL) != 0)
		return;
	rc = platform_checker_call(mc->ck, &req, "the app's permissions could not "
	    "be read", 1, &res, &body);
	if (rc < 0)
		return;
	doc = rc == 0 ? mastodon_load(&res, NULL) : NULL;
	util_free_secret(body);
	have = json_object_get(doc, "scopes");
	if (!json_is_array(have)) {
		mastodon_report(mc, PLATFORM_MARK_NOTE, NULL, "%s does not say "
		    "which permissions the login has (Mastodon before 4.3); "
		    "heed sync says when one is missing", mc->instance);
		jdoc_free(doc);
		return;
	}
	n = jdoc_str(doc, "name");
	name = n != NULL && *n != '\0' ? text_quote(n, 40) : xstrdup("heed");
	mastodon_check_lacking(mc, have, name);
	free(name);
	jdoc_free(doc);
}

/* Report what the instance says of itself (api/v2/instance). */
static void
mastodon_check_instance(const struct mastodon_checking *mc)
{
	struct platform_request		 req;
	struct platform_response	 res;
	const json_t			*max;
	json_t				*doc;
	const char			*v;
	char				*body, *version;
	json_int_t			 chars;
	int				 rc;

	if (mastodon_start(mc->pa, "GET", "/api/v2/instance", NULL, &req,
	    NULL) != 0)
		return;
	rc = platform_checker_call(mc->ck, &req, "the instance could not be asked "
	    "about itself", 1, &res, &body);
	if (rc < 0)
		return;
	doc = rc == 0 ? mastodon_load(&res, NULL) : NULL;
	util_free_secret(body);
	if ((v = jdoc_str(doc, "version")) == NULL) {
		mastodon_report(mc, PLATFORM_MARK_NOTE, NULL, "%s does not say "
		    "which version of Mastodon it runs (api/v2/instance came "
		    "with Mastodon 4.0)", mc->instance);
		jdoc_free(doc);
		return;
	}
	version = text_sanitize_line(v, strnlen(v, 60));
	max = json_object_get(json_object_get(json_object_get(doc,
	    "configuration"), "statuses"), "max_characters");
	chars = json_is_integer(max) ? json_integer_value(max) : 0;
	if (chars <= 0 || chars > 1000000)
		mastodon_report(mc, PLATFORM_MARK_OK, NULL, "%s runs Mastodon "
		    "%s", mc->instance, version);
	else
		mastodon_report(mc, chars == MASTODON_CHARACTERS ?
		    PLATFORM_MARK_OK : PLATFORM_MARK_NOTE, NULL, "%s runs "
		    "Mastodon %s; a post there may have %lld characters%s",
		    mc->instance, version, (long long)chars, chars ==
		    MASTODON_CHARACTERS ? "" : " (heed holds replies to the "
		    "default, " MASTODON_CHARACTERS_WORD ")");
	free(version);
	jdoc_free(doc);
}

/*
 * heed doctor's checks of a Mastodon account's token. Once the token is
 * refused, or the instance cannot be asked, the others would only say so
 * again.
 */
void
mastodon_check(const struct platform_account *pa,
    const struct platform_checker *ck)
{
	struct mastodon_checking	 mc;
	char				*base = mastodon_base(pa);

	mc.pa = pa;
	mc.ck = ck;
	mc.instance = base == NULL ? "the instance" : strstr(base, "://") !=
	    NULL ? strstr(base, "://") + 3 : base;
	if (mastodon_check_whose(&mc) == 0) {
		mastodon_check_scopes(&mc);
		mastodon_check_instance(&mc);
	}
	free(base);
}
