/*
 * cmd-account.c -- heed accounts, heed login and heed logout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "creds.h"
#include "platform.h"
#include "platform-account.h"
#include "util.h"

/* Find the named account and its platform, or say what is wrong. */
static const struct config_account *
cmd_account(struct config *cfg, const char *verb, int argc, char **argv,
    const struct platform_ops **ops)
{
	const struct config_account	*a;

	if (argc != 2) {
		cmd_print(stderr, "usage: heed %s ACCOUNT\n", verb);
		return NULL;
	}
	if ((a = config_account_find(cfg, argv[1])) == NULL) {
		cmd_print(stderr, "heed %s: no account named %s in %s%s\n",
		    verb, argv[1], cfg->path != NULL ? cfg->path : "the config",
		    cfg->naccounts == 0 ? " (it has no [account NAME] "
		    "sections yet; see heed.conf(5))" : "");
		return NULL;
	}
	*ops = platform_find(config_str(cfg, a, OPT_PLATFORM));
	if ((*ops)->secret_kind == NULL) {
		cmd_print(stderr, "heed %s: %s (%s) needs no credential\n",
		    verb, a->name, (*ops)->label);
		return NULL;
	}
	return a;
}

/*
 * Log in with the password just typed and keep the session the platform
 * gives in the keyring; the password itself is never kept.
 */
static int
cmd_login_session(const struct config *cfg, const struct config_account *a,
    const struct platform_ops *ops, const char *password)
{
	struct platform_account		 pa;
	struct platform_request		 req;
	struct platform_response	 resp;
	struct platform_session		 ps;
	enum creds_result		 r;
	char				*body = NULL, *cause = NULL;
	long				 status = 0;
	int				 rc = 1;

	memset(&req, 0, sizeof req);
	memset(&ps, 0, sizeof ps);
	memset(&resp, 0, sizeof resp);
	platform_account_from_config(&pa, cfg, a, util_now());
	if (*pa.handle == '\0' || *pa.base_url == '\0') {
		cmd_print(stderr, "heed login: %s needs handle and url in its "
		    "[account %s] section (see heed.conf(5))\n", a->name,
		    a->name);
		return 1;
	}
	if (ops->login_request(&pa, password, &req, &cause) != 0 ||
	    cmd_http_once(cfg, &req, &status, &body, &cause) != 0)
		goto out;
	resp.status = status;
	resp.body = body;
	resp.len = strlen(body);
	if (status < 200 || status >= 300) {
		ops->classify(&resp, &cause);
		goto out;
	}
	if (ops->session_parse(&pa, &resp, &ps, &cause) != 0)
		goto out;
	r = creds_store(a->name, ops->name, ops->secret_kind, ps.refresh,
	    &cause);
	if (r != CREDS_OK) {
		if (cause == NULL)
			cause = xstrdup(creds_result_name(r));
		goto out;
	}
	cmd_print(stdout, "Logged in to %s as %s%s: the session is in the "
	    "system keyring (the app password is not kept).\n", ops->label,
	    ps.handle != NULL ? "@" : "", ps.handle != NULL ? ps.handle :
	    pa.handle);
	rc = 0;
out:
	if (rc != 0)
		cmd_print(stderr, "heed login: %s: %s; nothing changed\n",
		    a->name, cause != NULL ? cause : "the login failed");
	free(cause);
	util_free_secret(body);
	platform_request_clear(&req);
	platform_session_clear(&ps);
	return rc;
}

/* heed login ACCOUNT: ask for the secret and keep it in the keyring. */
int
cmd_login(struct config *cfg, int argc, char **argv)
{
	const struct config_account	*a, *owner;
	const char			*platform;
	const struct platform_ops	*ops;
	char				*secret, *prompt, *cause = NULL;
	enum creds_result		 r;
	int				 rc;

	if ((a = cmd_account(cfg, "login", argc, argv, &ops)) == NULL)
		return argc != 2 ? 2 : 1;
	if (strcmp(ops->name, "instagram") == 0) {
		/* Instagram is reached through its Facebook Page's login. */
		owner = config_secret_owner(cfg, a, &platform);
		if (owner == a || strcmp(platform, "facebook") != 0) {
			cmd_print(stderr, "heed login: %s is an Instagram "
			    "account: set facebook_account to the [account] "
			    "section of the Facebook Page it is linked to, and "
			    "log in to that one (see heed.conf(5))\n", a->name);
			return 1;
		}
		cmd_print(stdout, "%s uses the login of %s; logging in to "
		    "%s.\n", a->name, owner->name, owner->name);
		a = owner;
		ops = platform_find("facebook");
	}
	if (*config_str(cfg, a, OPT_CREDENTIAL_COMMAND) != '\0') {
		cmd_print(stderr, "heed login: %s gets its secret from its "
		    "credential_command; there is nothing to store (remove "
		    "credential_command to use the keyring instead)\n",
		    a->name);
		return 1;
	}
	if (strcmp(ops->name, "facebook") == 0)
		return cmd_meta_login(cfg, a);
	prompt = xprintf("%s for %s (%s): ", ops->secret_prompt, a->name,
	    ops->label);
	secret = cmd_ask_secret(prompt);
	free(prompt);
	if (*secret == '\0') {
		util_free_secret(secret);
		cmd_print(stderr, "heed login: nothing entered; nothing "
		    "changed\n");
		return 1;
	}
	if (ops->login_request != NULL) {
		rc = cmd_login_session(cfg, a, ops, secret);
		util_free_secret(secret);
		return rc;
	}
	r = creds_store(a->name, ops->name, ops->secret_kind, secret, &cause);
	util_free_secret(secret);
	if (r != CREDS_OK) {
		cmd_print(stderr, "heed login: %s\n", cause != NULL ? cause :
		    creds_result_name(r));
		free(cause);
		return 1;
	}
	cmd_print(stdout, "Logged in: the %s of %s is in the system keyring.\n",
	    ops->secret_prompt, a->name);
	return 0;
}

/* heed logout ACCOUNT: delete the secret from the keyring. */
int
cmd_logout(struct config *cfg, int argc, char **argv)
{
	const struct config_account	*a;
	const char			*platform;
	const struct platform_ops	*ops;
	char				*cause = NULL;
	enum creds_result		 r;

	if ((a = cmd_account(cfg, "logout", argc, argv, &ops)) == NULL)
		return argc != 2 ? 2 : 1;
	if (config_secret_owner(cfg, a, &platform) != a) {
		cmd_print(stdout, "%s has no secret of its own: it uses the "
		    "login of %s. Run heed logout %s to end both.\n", a->name,
		    config_secret_owner(cfg, a, &platform)->name,
		    config_secret_owner(cfg, a, &platform)->name);
		return 0;
	}
	r = creds_delete(a->name, ops->name, ops->secret_kind, &cause);
	if (r == CREDS_MISSING) {
		cmd_print(stdout, "Nothing stored for %s: already logged "
		    "out.\n", a->name);
		return 0;
	}
	if (r != CREDS_OK) {
		cmd_print(stderr, "heed logout: %s\n", cause != NULL ? cause :
		    creds_result_name(r));
		free(cause);
		return 1;
	}
	cmd_print(stdout, "Logged out: the secret of %s is gone from the "
	    "keyring.\n", a->name);
	return 0;
}

/* Describe where an account's credential stands, without revealing it. */
static char *
cmd_credential_state(struct config *cfg, const struct config_account *a,
    const struct platform_ops *ops)
{
	const struct config_account	*owner;
	const char			*platform;
	char				*secret = NULL, *cause = NULL;
	enum creds_result		 r;

	if (ops->secret_kind == NULL)
		return xstrdup("not needed");
	/* An Instagram account may use its Facebook account's login. */
	owner = config_secret_owner(cfg, a, &platform);
	if (*config_str(cfg, owner, OPT_CREDENTIAL_COMMAND) != '\0')
		return owner == a ? xstrdup("from credential_command (not run "
		    "here)") : xprintf("the login of %s, from its "
		    "credential_command (not run here)", owner->name);
	r = creds_lookup(owner->name, platform, ops->secret_kind, &secret,
	    &cause);
	util_free_secret(secret);
	free(cause);
	switch (r) {
	case CREDS_OK:
		return owner == a ? xstrdup("present (keyring)") :
		    xprintf("the login of %s, present (keyring)", owner->name);
	case CREDS_MISSING:
		return xprintf("missing: run heed login %s", owner->name);
	default:
		return xstrdup(creds_result_name(r));
	}
}

/* heed accounts: each account with the state of its credential. */
int
cmd_accounts(struct config *cfg, int argc, char **argv)
{
	const struct config_account	*a;
	const struct platform_ops	*ops;
	size_t				 i;
	char				*state;

	(void)argv;
	if (argc != 1) {
		cmd_print(stderr, "usage: heed accounts\n");
		return 2;
	}
	if (cfg->naccounts == 0) {
		cmd_print(stdout, "No accounts in %s yet: add an [account "
		    "NAME] section (see heed.conf(5)).\n", cfg->path != NULL ?
		    cfg->path : "the config");
		return 0;
	}
	for (i = 0; i < cfg->naccounts; i++) {
		a = &cfg->accounts[i];
		ops = platform_find(config_str(cfg, a, OPT_PLATFORM));
		state = cmd_credential_state(cfg, a, ops);
		cmd_print(stdout, "%-16s %-12s %-24s credential: %s\n", a->name,
		    ops->name, *config_str(cfg, a, OPT_HANDLE) != '\0' ?
		    config_str(cfg, a, OPT_HANDLE) : "-", state);
		free(state);
	}
	return 0;
}
