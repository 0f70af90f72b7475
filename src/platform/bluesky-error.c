/*
 * bluesky-error.c -- what an error answer from Bluesky means: its class
 * (session, credential, rate, duplicate, gone, temporary or permanent),
 * a short reason in plain words, and what it says of one record asked
 * for by its address. It calls only bluesky-util.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "platform/bluesky-private.h"
#include "text.h"
#include "util.h"

/* Return 1 if hay contains needle (lower case), ignoring ASCII case. */
static int
bluesky_contains(const char *hay, const char *needle)
{
	size_t	n = strlen(needle), i;
	char	c;

	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n; i++) {
			c = hay[i];
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c != needle[i])
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

/*
 * Read the error name and message of an answer, each a sanitized one-line
 * string cut short, or NULL. XRPC errors are {"error":Name,"message":..};
 * heed's own network failures are {"error":{"code":..,"message":..}}.
 * Bodies that are huge, empty, not JSON or not UTF-8 give nothing.
 */
static void
bluesky_error_fields(const struct platform_response *res, char **name,
    char **message)
{
	json_error_t	 err;
	json_t		*doc = NULL, *e;
	const char	*n = NULL, *m = NULL;

	*name = *message = NULL;
	if (res->body != NULL && res->len <= BLUESKY_MAX_ERROR_BODY)
		doc = json_loadb(res->body, res->len, JSON_ALLOW_NUL, &err);
	if (!json_is_object(doc)) {
		json_decref(doc);
		return;
	}
	e = json_object_get(doc, "error");
	if (json_is_object(e))
		m = bluesky_str(e, "message");
	else {
		n = bluesky_str(doc, "error");
		m = bluesky_str(doc, "message");
	}
	if (n != NULL && *n != '\0') {
		*name = text_sanitize_line(n, strlen(n));
		(*name)[text_fit(*name, 60, NULL)] = '\0';
	}
	if (m != NULL && *m != '\0') {
		*message = text_sanitize_line(m, strlen(m));
		(*message)[text_fit(*message, BLUESKY_MAX_CAUSE, NULL)] = '\0';
	}
	json_decref(doc);
}

/* Return 1 if name is one of a NULL-terminated list. */
static int
bluesky_name_in(const char *name, const char *const *list)
{
	for (; name != NULL && *list != NULL; list++) {
		if (strcmp(name, *list) == 0)
			return 1;
	}
	return 0;
}

/* Say in plain words why Bluesky no longer takes the credential. */
static const char *
bluesky_auth_words(const char *name)
{
	if (name == NULL)
		return "Bluesky says the app password or session is no "
		    "longer valid";
	if (strcmp(name, "AccountTakedown") == 0)
		return "Bluesky has taken this account down";
	if (strcmp(name, "AccountDeactivated") == 0)
		return "the Bluesky account is deactivated";
	if (strcmp(name, "AuthFactorTokenRequired") == 0)
		return "Bluesky asks for a code sent by email; log in with an "
		    "app password instead";
	return "Bluesky says the app password or session is no longer valid";
}

/* Decide the class of a failed answer from its status and error name. */
static enum platform_error
bluesky_error_class(long status, const char *name, const char *message)
{
	static const char *const session[] = {
		"ExpiredToken", "InvalidToken", NULL
	};
	static const char *const auth[] = {
		"AuthMissing", "AccountTakedown", "AccountDeactivated",
		"AuthFactorTokenRequired", NULL
	};
	static const char *const gone[] = {
		"RecordNotFound", "NotFound", NULL
	};

	if (bluesky_name_in(name, session) && (status == 400 || status == 401))
		return PLATFORM_ERR_SESSION;
	if (bluesky_name_in(name, auth) || status == 401)
		return PLATFORM_ERR_AUTH;
	if (status == 429 || (name != NULL &&
	    strcmp(name, "RateLimitExceeded") == 0))
		return PLATFORM_ERR_RATE;
	if (status == 400 && (bluesky_name_in(name, gone)))
		return PLATFORM_ERR_GONE;
	if ((name != NULL && strcmp(name, "InvalidSwap") == 0) ||
	    (message != NULL && (bluesky_contains(message, "already exists") ||
	    bluesky_contains(message, "already a value at key"))))
		return PLATFORM_ERR_DUPLICATE;
	/*
	 * The PDS names every error it answers 400 with; a 400 without a
	 * name is a broken answer (cut short, or a proxy's), which may hide
	 * an InvalidSwap: what was asked may be done already, so it is tried
	 * again rather than failed.
	 */
	if (status == 408 || status >= 500 || status < 100 ||
	    (status == 400 && name == NULL))
		return PLATFORM_ERR_TEMPORARY;
	return PLATFORM_ERR_PERMANENT;
}

/* Say why an answer failed, in a short line for the status bar. */
static char *
bluesky_error_cause(enum platform_error e, long status, const char *name,
    const char *message)
{
	const char	*what = message != NULL ? message : name;

	switch (e) {
	case PLATFORM_ERR_SESSION:
		return xprintf("Bluesky: the session ran out (%s)",
		    what != NULL ? what : "token expired");
	case PLATFORM_ERR_AUTH:
		if (message != NULL)
			return xprintf("%s (%s)", bluesky_auth_words(name),
			    message);
		return xstrdup(bluesky_auth_words(name));
	case PLATFORM_ERR_RATE:
		return xstrdup("Bluesky asks heed to slow down (rate limit)");
	case PLATFORM_ERR_DUPLICATE:
		return xstrdup("Bluesky says it was done already");
	case PLATFORM_ERR_GONE:
		return xstrdup("Bluesky says the post is no longer there");
	case PLATFORM_ERR_TEMPORARY:
		if (what != NULL)
			return xprintf("Bluesky is not answering well (HTTP "
			    "%ld: %s)", status, what);
		return xprintf("Bluesky is not answering well (HTTP %ld)",
		    status);
	default:
		if (what != NULL)
			return xprintf("Bluesky refused it: %s", what);
		return xprintf("Bluesky refused it: HTTP %ld", status);
	}
}

/* Classify a failed answer; *cause gets a short, sanitized reason. */
enum platform_error
bluesky_classify(const struct platform_response *res, char **cause)
{
	enum platform_error	 e;
	char			*name, *message;

	if (res == NULL) {
		if (cause != NULL)
			*cause = xstrdup("Bluesky: no answer");
		return PLATFORM_ERR_TEMPORARY;
	}
	if (res->error != TRANSPORT_OK) {
		if (cause != NULL) {
			message = platform_unreached(res, BLUESKY_MAX_CAUSE,
			    "network failure");
			*cause = xprintf("Bluesky cannot be reached: %s",
			    message);
			free(message);
		}
		return PLATFORM_ERR_TEMPORARY;
	}
	if (res->status >= 200 && res->status <= 299)
		return PLATFORM_OK;
	bluesky_error_fields(res, &name, &message);
	e = bluesky_error_class(res->status, name, message);
	if (cause != NULL)
		*cause = bluesky_error_cause(e, res->status, name, message);
	free(name);
	free(message);
	return e;
}

/* Fail with the classified error of a non-2xx answer; return -1. */
int
bluesky_fail_status(const struct platform_response *res, char **cause)
{
	char	*why = NULL;

	bluesky_classify(res, &why);
	if (cause != NULL)
		*cause = why;
	else
		free(why);
	return -1;
}

/*
 * Say what an error answer to a request for one record means: a 400
 * RecordNotFound is a record that is not there; a 400 InvalidRequest
 * "Could not find repo" is an account the server cannot show (it is
 * deactivated, suspended, taken down or unknown: its records may come
 * back). Anything else, including a 404 page, says nothing of it.
 */
enum bluesky_record
bluesky_record_missing(const struct platform_response *res)
{
	enum bluesky_record	 r = BLUESKY_RECORD_OTHER;
	const char		*name, *message;
	json_t			*doc;

	if (res == NULL || res->status != 400 || res->body == NULL ||
	    res->len > BLUESKY_MAX_ERROR_BODY ||
	    (doc = json_loadb(res->body, res->len, 0, NULL)) == NULL)
		return r;
	name = bluesky_str(doc, "error");
	message = bluesky_str(doc, "message");
	if (name != NULL && strcmp(name, "RecordNotFound") == 0)
		r = BLUESKY_RECORD_GONE;
	else if (name != NULL && strcmp(name, "InvalidRequest") == 0 &&
	    message != NULL && strncmp(message, "Could not find repo",
	    19) == 0)
		r = BLUESKY_RECORD_NO_REPO;
	json_decref(doc);
	return r;
}
