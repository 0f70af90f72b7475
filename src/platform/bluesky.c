/*
 * bluesky.c -- the top of the Bluesky adapter: its ops table and
 * sessions opened with an app password.
 *
 * Bluesky speaks XRPC over HTTP with JSON bodies. heed logs in with an
 * app password (createSession) and keeps only the refresh token; each run
 * renews the session (refreshSession) and sends everything else to the
 * account's PDS with the short-lived access token. The sync streams and
 * threads are in bluesky-sync.c, the actions in bluesky-write.c, what
 * an error answer means in bluesky-error.c. Like every adapter it does
 * no I/O, and treats every answer as hostile.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/bluesky-private.h"
#include "platform/platforms.h"
#include "text.h"
#include "util.h"

#define BLUESKY_MAX_TOKEN	(16 * 1024)

static const char *const bluesky_streams[] = {
	"posts", "notifications", NULL
};
static const char *const bluesky_stream_labels[] = {
	"the account's posts and their replies", "notifications", NULL
};

/* Return 1 if a token can go into a header: printable ASCII, bounded. */
static int
bluesky_valid_token(const char *s)
{
	size_t	len, i;

	if (s == NULL || (len = strlen(s)) == 0 || len > BLUESKY_MAX_TOKEN)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] <= ' ' || s[i] > '~')
			return 0;
	}
	return 1;
}

/*
 * Return 1 if s is a web address a session may send heed to: http:// or
 * https://, bounded, and printable ASCII without spaces (a host name in
 * another script comes as punycode).
 */
static int
bluesky_valid_service(const char *s)
{
	size_t	len, i;

	if (s == NULL || (strncmp(s, "https://", 8) != 0 &&
	    strncmp(s, "http://", 7) != 0) ||
	    (len = strlen(s)) > BLUESKY_MAX_SERVICE ||
	    len <= (s[4] == 's' ? 8U : 7U))
		return 0;
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f)
			return 0;
	}
	return 1;
}

/* Build the request that turns an app password into a session. */
static int
bluesky_login_request(const struct platform_account *pa,
    const char *password, struct platform_request *req, char **cause)
{
	json_t	*o, *pw;
	char	*base, *handle;

	if ((handle = bluesky_own_handle(pa)) == NULL)
		return util_fail(cause, "Bluesky: the account has no handle");
	if (password == NULL || *password == '\0' ||
	    (pw = json_string(password)) == NULL) {
		free(handle);
		return util_fail(cause, "Bluesky: the app password is empty "
		    "or not valid text");
	}
	if ((base = bluesky_base(pa, 0)) == NULL) {
		free(handle);
		json_decref(pw);
		return util_fail(cause, "Bluesky: the account has no URL");
	}
	o = json_object();
	json_object_set_new(o, "identifier", json_string(handle));
	json_object_set_new(o, "password", pw);
	memset(req, 0, sizeof *req);
	req->method = xstrdup("POST");
	req->url = xprintf("%s/xrpc/com.atproto.server.createSession", base);
	platform_request_json(req, o);
	free(base);
	free(handle);
	return 0;
}

/* Build the request that renews a session from the refresh token. */
static int
bluesky_session_request(const struct platform_account *pa,
    struct platform_request *req, char **cause)
{
	char	*base;

	if (pa->secret == NULL || *pa->secret == '\0')
		return util_fail(cause, "Bluesky: no session to renew; run "
		    "heed login");
	if ((base = bluesky_base(pa, 0)) == NULL)
		return util_fail(cause, "Bluesky: the account has no URL");
	memset(req, 0, sizeof *req);
	req->method = xstrdup("POST");
	req->url = xprintf("%s/xrpc/com.atproto.server.refreshSession", base);
	req->authorization = xprintf("Bearer %s", pa->secret);
	free(base);
	return 0;
}

/* Return the PDS a DID document names ("#atproto_pds"), or NULL. */
static char *
bluesky_session_service(const json_t *doc)
{
	const json_t	*services, *s;
	const char	*id, *url;
	size_t		 i, len;

	services = json_object_get(json_object_get(doc, "didDoc"), "service");
	json_array_foreach(services, i, s) {
		if ((id = bluesky_str(s, "id")) == NULL ||
		    (len = strlen(id)) < 12 ||
		    strcmp(id + len - 12, "#atproto_pds") != 0)
			continue;
		url = bluesky_str(s, "serviceEndpoint");
		return bluesky_valid_service(url) ? xstrdup(url) : NULL;
	}
	return NULL;
}

/* Read a createSession or refreshSession answer into a session. */
static int
bluesky_session_parse(const struct platform_account *pa,
    const struct platform_response *res, struct platform_session *ps,
    char **cause)
{
	const char	*access, *refresh, *did, *handle;
	json_t		*doc;

	(void)pa;
	memset(ps, 0, sizeof *ps);
	if (res == NULL || res->status < 200 || res->status > 299)
		return bluesky_fail_status(res, cause);
	if ((doc = bluesky_load(res, cause)) == NULL)
		return -1;
	access = bluesky_str(doc, "accessJwt");
	refresh = bluesky_str(doc, "refreshJwt");
	did = bluesky_str(doc, "did");
	handle = bluesky_str(doc, "handle");
	if (!bluesky_valid_token(access) || !bluesky_valid_token(refresh) ||
	    !bluesky_valid_did(did)) {
		util_fail(cause, "Bluesky: malformed session: no %s",
		    !bluesky_valid_token(access) ? "access token" :
		    !bluesky_valid_token(refresh) ? "refresh token" :
		    "account DID");
		jdoc_free(doc);
		return -1;
	}
	ps->access = xstrdup(access);
	ps->refresh = xstrdup(refresh);
	ps->user_id = xstrdup(did);
	if (bluesky_valid_handle(handle))
		ps->handle = xstrdup(handle);
	ps->service = bluesky_session_service(doc);
	jdoc_free(doc);
	return 0;
}

const struct platform_ops bluesky_ops = {
	.name = "bluesky",
	.label = "Bluesky",
	.tag = "bs",
	.caps = PLATFORM_CAN_LIKE | PLATFORM_CAN_UNLIKE | PLATFORM_CAN_DELETE |
	    PLATFORM_DELETE_OWN_ONLY,
	.text_limit = BLUESKY_MAX_GRAPHEMES,
	.count = COUNT_GRAPHEMES,
	.no_hide_why = "Bluesky cannot hide someone else's reply",
	.secret_kind = "refresh-token",
	.secret_prompt = "App password (Bluesky: Settings > Privacy and "
	    "security > App passwords)",
	.streams = bluesky_streams,
	.stream_labels = bluesky_stream_labels,
	.sync_request = bluesky_sync_request,
	.sync_parse = bluesky_sync_parse,
	.action_request = bluesky_action_request,
	.action_parse = bluesky_action_parse,
	.classify = bluesky_classify,
	.login_request = bluesky_login_request,
	.session_request = bluesky_session_request,
	.session_parse = bluesky_session_parse,
	.fetch_request = bluesky_fetch_request,
	.fetch_parse = bluesky_fetch_parse,
	.reconcile_request = bluesky_reconcile_request,
	.reconcile_parse = bluesky_reconcile_parse,
	.recheck_max = BLUESKY_RECHECK_MAX,
	.recheck_request = bluesky_recheck_request,
	.recheck_parse = bluesky_recheck_parse
};
