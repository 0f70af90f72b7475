/*
 * cmd-meta.c -- heed login for a Facebook Page (and the Instagram account
 * linked to it).
 *
 * A person logs in, with Facebook Login for Devices when the account names
 * its app (app_id and client_token), or by pasting a token. heed lists the
 * Pages that person manages, takes one, and keeps only that Page's token
 * in the keyring: the person's own token is dropped. The Page token also
 * serves the Instagram business account linked to the Page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "creds.h"
#include "platform.h"
#include "platform-account.h"
#include "platform/graph.h"
#include "util.h"

#define META_MAX_PAGES_ASKED	10	/* pages of /me/accounts read */

/* One request and its answer, as a platform_response; 0 or -1. */
static int
meta_call(const struct config *cfg, struct platform_request *req,
    long *status, char **body, struct platform_response *res, char **cause)
{
	int	rc;

	*body = NULL;
	rc = cmd_http_once(cfg, req, status, body, cause);
	platform_request_clear(req);
	memset(res, 0, sizeof *res);
	if (rc != 0)
		return -1;
	res->status = *status;
	res->body = *body;
	res->len = strlen(*body);
	return 0;
}

/* Wait whole seconds. */
static void
meta_sleep(int64_t secs)
{
	struct timespec	ts;

	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = 0;
	while (nanosleep(&ts, &ts) != 0)
		;
}

/*
 * Log in with Facebook Login for Devices; a new user token, or NULL. A
 * poll that gets no answer, or one it cannot read, is only said: the
 * person may be approving meanwhile, so heed polls on until the code
 * expires.
 */
static char *
meta_device_login(const struct config *cfg, const struct platform_account *pa,
    const char *app_token, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	struct graph_device		 d;
	enum graph_poll			 r = GRAPH_POLL_ERROR;
	char				*body = NULL, *token = NULL, *why = NULL;
	enum platform_error		 e;
	int64_t				 deadline, interval;
	long				 status;
	int				 passing;

	memset(&d, 0, sizeof d);
	if (graph_device_request(pa, app_token, &req, cause) != 0)
		return NULL;
	if (meta_call(cfg, &req, &status, &body, &res, cause) != 0)
		return NULL;
	if (graph_device_parse(&res, &d, cause) != 0) {
		free(body);
		return NULL;
	}
	free(body);
	cmd_print(stdout, "To let heed in, open %s on any phone or computer\n"
	    "and enter the code:  %s\n"
	    "Then approve the permissions Facebook lists. Waiting "
	    "(Ctrl-C cancels)...\n", d.uri, d.user_code);
	fflush(stdout);
	deadline = util_now() + d.expires_in;
	interval = d.interval;
	for (;;) {
		meta_sleep(interval);
		if (util_now() > deadline + interval) {
			r = GRAPH_POLL_EXPIRED;
			break;
		}
		if (graph_poll_request(pa, app_token, d.code, &req,
		    cause) != 0)
			break;
		passing = 1;
		if (meta_call(cfg, &req, &status, &body, &res, &why) != 0)
			r = GRAPH_POLL_ERROR;
		else if ((r = graph_poll_parse(&res, &token, &why)) ==
		    GRAPH_POLL_ERROR && res.status >= 300) {
			e = graph_error(&res, NULL);
			passing = e == PLATFORM_ERR_TEMPORARY ||
			    e == PLATFORM_ERR_RATE;
		}
		free(body);
		body = NULL;
		if (r == GRAPH_POLL_ERROR && !passing) {
			*cause = why != NULL ? why : xstrdup("Facebook "
			    "refused the login");
			why = NULL;
			break;
		}
		if (r == GRAPH_POLL_SLOW_DOWN)
			interval += 5;
		else if (r == GRAPH_POLL_ERROR) {
			/* Passing trouble: say it, and go on waiting. */
			cmd_print(stderr, "(Could not ask Facebook: %s; still "
			    "waiting.)\n", why != NULL ? why : "no answer");
			interval += interval < 30 ? interval : 0;
		}
		free(why);
		why = NULL;
		if (r != GRAPH_POLL_PENDING && r != GRAPH_POLL_SLOW_DOWN &&
		    r != GRAPH_POLL_ERROR)
			break;
	}
	if (r == GRAPH_POLL_EXPIRED)
		util_fail(cause, "the code expired before the login was "
		    "approved on Facebook");
	else if (r == GRAPH_POLL_DECLINED)
		util_fail(cause, "the login was declined on Facebook");
	graph_device_clear(&d);
	return token;
}

/* Read the Pages the token's person manages; a Page token is its Page. */
static int
meta_pages(const struct config *cfg, const struct platform_account *pa,
    const char *token, struct graph_page **pages, size_t *n, char **cause)
{
	struct platform_request		 req;
	struct platform_response	 res;
	struct graph_page		 p;
	char				*body = NULL, *after = NULL, *next;
	long				 status;
	int				 i, rc = 0, again;

	*pages = NULL;
	*n = 0;
	for (i = 0; i < META_MAX_PAGES_ASKED; i++) {
		if (graph_pages_request(pa, token, after, &req, cause) != 0 ||
		    meta_call(cfg, &req, &status, &body, &res, cause) != 0) {
			rc = -1;
			break;
		}
		if (status == 400 && i == 0) {
			/* No "accounts" edge: perhaps a Page's own token. */
			free(body);
			body = NULL;
			if (graph_me_page_request(pa, token, &req, cause) != 0 ||
			    meta_call(cfg, &req, &status, &body, &res,
			    cause) != 0 || graph_me_page_parse(&res, token, &p,
			    cause) != 0) {
				rc = -1;
				break;
			}
			*pages = xreallocarray(NULL, 1, sizeof **pages);
			(*pages)[(*n)++] = p;
			break;
		}
		rc = graph_pages_parse(&res, pages, n, &next, cause);
		free(body);
		body = NULL;
		/* A next page that is this one again ends the list. */
		again = next != NULL && after != NULL &&
		    strcmp(next, after) == 0;
		free(after);
		after = next;
		if (rc != 0 || after == NULL || again)
			break;
	}
	free(body);
	free(after);
	return rc;
}

/* Choose the Page: the one named by page, the only one, or ask. */
static struct graph_page *
meta_choose(const struct config *cfg, const struct config_account *a,
    struct graph_page *pages, size_t n, char **cause)
{
	const char	*want = config_str(cfg, a, OPT_PAGE);
	char		*line, *end, *shown;
	size_t		 i;
	long		 k;

	if (*want != '\0') {
		for (i = 0; i < n; i++) {
			if (strcmp(pages[i].id, want) == 0 ||
			    strcasecmp(pages[i].name, want) == 0)
				return &pages[i];
		}
		util_fail(cause, "this login does not manage the Page \"%s\" "
		    "(page in [account %s]); it manages %zu other%s", want,
		    a->name, n, n == 1 ? "" : "s");
		return NULL;
	}
	if (n == 1)
		return &pages[0];
	cmd_print(stdout, "This login manages %zu Pages:\n", n);
	for (i = 0; i < n; i++)
		cmd_print(stdout, "  %2zu  %s (%s)%s%s\n", i + 1, pages[i].name,
		    pages[i].id, pages[i].ig_username != NULL ?
		    ", Instagram @" : "", pages[i].ig_username != NULL ?
		    pages[i].ig_username : "");
	line = cmd_ask_line("Which one is this account's? Number: ");
	k = strtol(line, &end, 10);
	if (end == line || *end != '\0' || k < 1 || (size_t)k > n) {
		shown = cmd_quote(line, 40);
		util_fail(cause, "no Page chosen (\"%s\"); to choose without "
		    "asking, set page in [account %s]", shown, a->name);
		free(shown);
		free(line);
		return NULL;
	}
	free(line);
	return &pages[k - 1];
}

/* Say what became of the Instagram account linked to the Page. */
static void
meta_report_instagram(const struct config *cfg,
    const struct config_account *a, const struct graph_page *p)
{
	const struct config_account	*o;
	const char			*platform;
	size_t				 i, users = 0;

	for (i = 0; i < cfg->naccounts; i++) {
		o = &cfg->accounts[i];
		if (strcmp(config_str(cfg, o, OPT_PLATFORM), "instagram") != 0 ||
		    config_secret_owner(cfg, o, &platform) != a)
			continue;
		users++;
		if (p->ig_id != NULL)
			cmd_print(stdout, "Instagram: @%s is linked to this "
			    "Page; account %s answers it.\n", p->ig_username !=
			    NULL ? p->ig_username : p->ig_id, o->name);
		else
			cmd_print(stdout, "Instagram: account %s uses this "
			    "login, but the Page has no Instagram business "
			    "account linked: link it in Meta Business Suite "
			    "(Settings > Linked accounts).\n", o->name);
	}
	if (users == 0 && p->ig_id != NULL)
		cmd_print(stdout, "Instagram: @%s is linked to this Page. To "
		    "answer its comments too, add to the config:\n\n"
		    "  [account %s-instagram]\n  platform = instagram\n"
		    "  facebook_account = %s\n\n", p->ig_username != NULL ?
		    p->ig_username : p->ig_id, a->name, a->name);
}

/* heed login for a Facebook account; see the top of the file. */
int
cmd_meta_login(const struct config *cfg, const struct config_account *a)
{
	struct platform_account	 pa;
	struct graph_page	*pages = NULL, *p;
	enum creds_result	 r;
	const char		*app_id, *client_token;
	char			*token = NULL, *app_token = NULL, *cause = NULL;
	char			*prompt;
	size_t			 n = 0;
	int			 rc = 1;

	platform_account_from_config(&pa, cfg, a, util_now());
	app_id = pa.app_id;
	client_token = pa.client_token;
	if (*app_id != '\0' && *client_token != '\0') {
		app_token = xprintf("%s|%s", app_id, client_token);
		token = meta_device_login(cfg, &pa, app_token, &cause);
	} else {
		if (*app_id != '\0' || *client_token != '\0')
			cmd_print(stdout, "(Device login needs both app_id and "
			    "client_token; asking for a token instead.)\n");
		prompt = xprintf("Facebook access token for %s (a User or "
		    "Page token): ", a->name);
		token = cmd_ask_secret(prompt);
		free(prompt);
		if (*token == '\0') {
			util_free_secret(token);
			token = NULL;
			cause = xstrdup("nothing entered");
		}
	}
	if (token == NULL)
		goto out;
	if (meta_pages(cfg, &pa, token, &pages, &n, &cause) != 0)
		goto out;
	if (n == 0) {
		cause = xstrdup("this login manages no Facebook Page (was "
		    "pages_show_list allowed, and does the person have a role "
		    "on the Page?)");
		goto out;
	}
	if ((p = meta_choose(cfg, a, pages, n, &cause)) == NULL)
		goto out;
	if (p->moderate == 0)
		cmd_print(stdout, "Note: the person who logged in lacks the "
		    "Moderate task on %s: Facebook then sends comments without "
		    "ids, and heed cannot answer them. Give that person the "
		    "Moderate task (Page settings > Page access) and log in "
		    "again.\n", p->name);
	r = creds_store(a->name, "facebook", "page-token", p->token, &cause);
	if (r != CREDS_OK) {
		if (cause == NULL)
			cause = xstrdup(creds_result_name(r));
		goto out;
	}
	cmd_print(stdout, "Logged in to the Facebook Page %s (%s): its token "
	    "is in the system keyring (the personal login is not kept).\n",
	    p->name, p->id);
	meta_report_instagram(cfg, a, p);
	rc = 0;
out:
	if (rc != 0)
		cmd_print(stderr, "heed login: %s: %s; nothing changed. To try "
		    "again: heed login %s\n", a->name, cause != NULL ? cause :
		    "the login failed", a->name);
	free(cause);
	util_free_secret(token);
	util_free_secret(app_token);
	graph_pages_free(pages, n);
	return rc;
}
