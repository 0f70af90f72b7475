/*
 * sync-session.c -- an account's secret and its session: the secret is
 * read the first time it is needed (the demo's own, a credential
 * command's output, or the keyring's); on platforms with short-lived
 * tokens a session is opened from it, renewed when it runs out, and the
 * account is blocked until heed login when the platform refuses it.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "creds.h"
#include "log.h"
#include "platform.h"
#include "sync-private.h"
#include "util.h"

#define SYNC_SESSION_TRIES	2	/* renewals in a row before giving up */

/*
 * Get the account's secret the first time it is needed: the demo's own,
 * the output of the account's credential_command, or the keyring's. On
 * failure the account stops with a message that says what to do.
 */
int
sync_secret(struct sync_account *a)
{
	const struct config_account	*owner;
	const char		*cmd, *owner_platform;
	char			*cause = NULL, *msg;
	enum creds_result	 r;

	if (a->ops->secret_kind == NULL || a->secret != NULL)
		return 0;
	owner = config_secret_owner(a->sync->cfg, a->cfg, &owner_platform);
	cmd = config_str(a->sync->cfg, owner, OPT_CREDENTIAL_COMMAND);
	if (a->cfg->builtin_secret != NULL) {
		a->secret = xstrdup(a->cfg->builtin_secret);
		r = CREDS_OK;
	} else if (*cmd != '\0')
		r = creds_command(cmd, &a->secret, &cause);
	else
		r = creds_lookup(owner->name, owner_platform,
		    a->ops->secret_kind, &a->secret, &cause);
	if (r == CREDS_OK) {
		a->pa.secret = a->secret;
		/* A command gives a password to log in with, not a session. */
		a->secret_is_password = *cmd != '\0' &&
		    a->cfg->builtin_secret == NULL;
		return 0;
	}
	if (r == CREDS_MISSING)
		msg = xprintf("not logged in; run: heed login %s",
		    owner->name);
	else
		msg = xprintf("no credential: %s",
		    cause != NULL ? cause : creds_result_name(r));
	sync_set_error(a, r == CREDS_MISSING ? SYNC_AUTH : SYNC_NO_KEYRING, msg);
	log_error("%s: %s", a->pa.name, msg);
	free(msg);
	free(cause);
	a->want_sync = 0;
	return -1;
}

/* Close the account's session; the next request opens a new one. */
static void
sync_session_close(struct sync_account *a)
{
	platform_session_clear(&a->session);
	a->pa.access = NULL;
	a->pa.user_id = NULL;
	a->pa.service = NULL;
}

/* Forget a secret the platform refused, so the next try reads it anew. */
static void
sync_forget_secret(struct sync_account *a)
{
	util_free_secret(a->secret);
	a->secret = NULL;
	a->pa.secret = NULL;
	sync_session_close(a);
}

/* Return 1 if the account must open a session before anything else. */
int
sync_needs_session(const struct sync_account *a)
{
	return a->ops->session_request != NULL && a->session.access == NULL;
}

/*
 * Open a session: log in with the password a credential command gave, or
 * renew the stored session. The answer is handled by sync_session_response.
 */
int
sync_start_session(struct sync_account *a)
{
	char	*cause = NULL;
	int	 rc;

	if (a->secret_is_password)
		rc = a->ops->login_request(&a->pa, a->secret, &a->req, &cause);
	else
		rc = a->ops->session_request(&a->pa, &a->req, &cause);
	if (rc != 0) {
		sync_set_error(a, SYNC_FAILED, cause);
		log_error("%s: %s", a->pa.name, cause);
		free(cause);
		a->want_sync = 0;
		return 0;
	}
	a->status.state = SYNC_RUNNING;
	sync_ready(a, JOB_SESSION);
	return 1;
}

/* The platform refused the credential: stop and say how to fix it. */
void
sync_auth_failed(struct sync_account *a, const char *why)
{
	const struct config_account	*owner;
	const char			*platform;
	char				*msg;

	owner = config_secret_owner(a->sync->cfg, a->cfg, &platform);
	if (*config_str(a->sync->cfg, owner, OPT_CREDENTIAL_COMMAND) != '\0')
		msg = xprintf("%s; the token came from the "
		    "credential_command of %s: make it give a new one, or "
		    "remove that line and run: heed login %s", why != NULL ?
		    why : "the platform refused the login", owner->name,
		    owner->name);
	else
		msg = xprintf("%s; run: heed login %s", why != NULL ? why :
		    "the platform refused the login", owner->name);
	sync_set_error(a, SYNC_AUTH, msg);
	log_error("%s: %s", a->pa.name, msg);
	free(msg);
	sync_forget_secret(a);
	a->want_sync = 0;
	a->stream = 0;
	a->pages = 0;
	sync_set_state(a, SYNC_ST_BLOCKED, "the login was refused");
}

/*
 * The short-lived token ran out: close the session so the next job
 * renews it. Renewals that are refused at once, again and again, mean
 * the credential itself is no longer good.
 */
int
sync_session_expired(struct sync_account *a, const char *why)
{
	sync_session_close(a);
	if (++a->session_tries > SYNC_SESSION_TRIES) {
		sync_auth_failed(a, why);
		return -1;
	}
	log_info("%s: session expired; renewing it", a->pa.name);
	return 0;
}

/* Keep a session the platform opened (ps is taken). */
static void
sync_session_keep(struct sync_account *a, struct platform_session *ps)
{
	enum creds_result	 r;
	char			*cause = NULL;

	if (ps->refresh != NULL && !a->secret_is_password &&
	    strcmp(ps->refresh, a->secret) != 0) {
		/* The platform rotates the long-lived secret: keep the new. */
		r = creds_store(a->pa.name, a->ops->name, a->ops->secret_kind,
		    ps->refresh, &cause);
		if (r != CREDS_OK) {
			log_error("%s: the renewed session could not be kept "
			    "in the keyring (%s); the next start may ask for "
			    "heed login", a->pa.name, cause != NULL ? cause :
			    creds_result_name(r));
			free(cause);
		}
		util_free_secret(a->secret);
		a->secret = xstrdup(ps->refresh);
		a->pa.secret = a->secret;
	}
	platform_session_clear(&a->session);
	a->session = *ps;
	a->pa.access = a->session.access;
	a->pa.user_id = a->session.user_id;
	a->pa.service = a->session.service;
	log_info("%s: session open", a->pa.name);
}

/*
 * Handle the answer to a login or a session renewal. Return PLATFORM_OK
 * when that is all, or how it failed when the engine must try again
 * later as for a page (*cause says why; the caller frees it).
 */
enum platform_error
sync_session_response(struct sync_account *a,
    const struct platform_response *resp, char **cause)
{
	struct platform_session	 ps;
	enum platform_error	 err;

	memset(&ps, 0, sizeof ps);
	*cause = NULL;
	if (resp->status < 200 || resp->status >= 300) {
		err = a->ops->classify(resp, cause);
		if (err == PLATFORM_ERR_TEMPORARY || err == PLATFORM_ERR_RATE ||
		    err == PLATFORM_ERR_PERMANENT)
			return err;
		if (!a->secret_is_password && !a->secret_reread) {
			/*
			 * Another heed may have renewed the session and
			 * kept the new one: read the keyring once more.
			 */
			a->secret_reread = 1;
			sync_forget_secret(a);
		} else
			sync_auth_failed(a, *cause);
		free(*cause);
		*cause = NULL;
		return PLATFORM_OK;
	}
	if (a->ops->session_parse(&a->pa, resp, &ps, cause) != 0)
		return PLATFORM_ERR_PERMANENT;
	a->secret_reread = 0;
	sync_session_keep(a, &ps);
	return PLATFORM_OK;
}
