/*
 * mastodon-error.c -- what an error answer from a Mastodon instance
 * means. Mastodon's errors are {"error": message} (and OAuth's add an
 * "error_description"); the message is in the account's language, so it
 * is shown as it is and never matched, except for the few fixed English
 * phrases of the OAuth layer. The HTTP status decides the class.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/mastodon-private.h"
#include "text.h"
#include "util.h"

/*
 * Read the message of an error answer, a sanitized line cut short, or
 * NULL: "error_description" when there is one (OAuth's words for
 * people), else "error". Huge, empty or non-JSON bodies give nothing.
 */
static char *
mastodon_error_message(const struct platform_response *res, int *scope)
{
	json_t		*doc = NULL;
	const char	*m, *e;
	char		*out = NULL;

	*scope = 0;
	if (res->body != NULL && res->len <= MASTODON_MAX_ERROR_BODY)
		doc = json_loadb(res->body, res->len, JSON_ALLOW_NUL, NULL);
	if (!json_is_object(doc)) {
		json_decref(doc);
		return NULL;
	}
	e = jdoc_str(doc, "error");
	m = jdoc_str(doc, "error_description");
	if (m == NULL || *m == '\0')
		m = e;
	/* Doorkeeper's fixed English words for a token without a scope. */
	if (e != NULL && (strcmp(e, "insufficient_scope") == 0 ||
	    strstr(e, "outside the authorized scopes") != NULL))
		*scope = 1;
	if (m != NULL && *m != '\0') {
		out = text_sanitize_line(m, strlen(m));
		out[text_fit(out, MASTODON_MAX_CAUSE, NULL)] = '\0';
	}
	json_decref(doc);
	return out;
}

/* Decide the class of a failed answer from its status. */
static enum platform_error
mastodon_error_class(long status, int scope)
{
	if (status == 401)
		return PLATFORM_ERR_AUTH;
	if (status == 403)
		return scope ? PLATFORM_ERR_DENIED : PLATFORM_ERR_PERMANENT;
	if (status == 404 || status == 410)
		return PLATFORM_ERR_GONE;
	if (status == 429)
		return PLATFORM_ERR_RATE;
	/* 503 is also "remote data could not be fetched": later, then. */
	if (status == 408 || status >= 500 || status < 100)
		return PLATFORM_ERR_TEMPORARY;
	return PLATFORM_ERR_PERMANENT;
}

/* Say why an answer failed, in a short line for the status bar. */
static char *
mastodon_error_cause(enum platform_error e, long status, const char *msg)
{
	switch (e) {
	case PLATFORM_ERR_AUTH:
		return xprintf("the Mastodon instance no longer accepts heed's "
		    "login (%s)", msg != NULL ? msg : "HTTP 401");
	case PLATFORM_ERR_DENIED:
		return xprintf("heed's Mastodon login lacks the permission for "
		    "this (%s); log in again to grant it", msg != NULL ? msg :
		    "HTTP 403");
	case PLATFORM_ERR_RATE:
		return xstrdup("Mastodon asks heed to slow down (rate limit)");
	case PLATFORM_ERR_GONE:
		return xprintf("Mastodon says it is no longer there (%s)",
		    msg != NULL ? msg : "HTTP 404");
	case PLATFORM_ERR_TEMPORARY:
		if (msg != NULL)
			return xprintf("the Mastodon instance is not answering "
			    "well (HTTP %ld: %s)", status, msg);
		return xprintf("the Mastodon instance is not answering well "
		    "(HTTP %ld)", status);
	default:
		if (msg != NULL)
			return xprintf("Mastodon refused it: %s", msg);
		return xprintf("Mastodon refused it: HTTP %ld", status);
	}
}

/* Classify a failed answer; *cause gets a short, sanitized reason. */
enum platform_error
mastodon_classify(const struct platform_response *res, char **cause)
{
	enum platform_error	 e;
	char			*msg;
	int			 scope;

	if (res == NULL) {
		if (cause != NULL)
			*cause = xstrdup("Mastodon: no answer");
		return PLATFORM_ERR_TEMPORARY;
	}
	if (res->error != TRANSPORT_OK) {
		if (cause != NULL) {
			msg = platform_unreached(res, MASTODON_MAX_CAUSE,
			    "network failure");
			*cause = xprintf("the Mastodon instance cannot be "
			    "reached: %s", msg);
			free(msg);
		}
		return PLATFORM_ERR_TEMPORARY;
	}
	if (res->status >= 200 && res->status <= 299)
		return PLATFORM_OK;
	msg = mastodon_error_message(res, &scope);
	e = mastodon_error_class(res->status, scope);
	if (cause != NULL)
		*cause = mastodon_error_cause(e, res->status, msg);
	free(msg);
	return e;
}

/* Fail with the classified error of a non-2xx answer; return -1. */
int
mastodon_fail_status(const struct platform_response *res, char **cause)
{
	char	*why = NULL;

	mastodon_classify(res, &why);
	if (cause != NULL)
		*cause = why;
	else
		free(why);
	return -1;
}
