/*
 * cmd-account.c -- heed accounts, heed login and heed logout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* Send one request for a login and wait for its answer; see platform.h. */
static int
cmd_host_send(void *arg, struct platform_request *req, long *status,
    char **body, char **cause)
{
	const struct config	*cfg = arg;
	int			 rc;

	rc = cmd_http_once(cfg, req, status, body, cause);
	platform_request_clear(req);
	return rc;
}

/* The time now, for a login. */
static int64_t
cmd_host_now(void *arg)
{
	(void)arg;
	return util_now();
}

/* Wait whole seconds, once what was said is out. */
static void
cmd_host_sleep(void *arg, int64_t secs)
{
	struct timespec	ts;

	(void)arg;
	fflush(stdout);
	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = 0;
	while (nanosleep(&ts, &ts) != 0)
		;
}

/* Say what a login says, on standard error if it is trouble. */
static void
cmd_host_say(void *arg, int trouble, const char *msg)
{
	(void)arg;
	cmd_print(trouble ? stderr : stdout, "%s", msg);
}

/* Ask the person at the terminal, for a login. */
static char *
cmd_host_ask(void *arg, const char *prompt, int secret)
{
	(void)arg;
	return secret ? cmd_ask_secret(prompt) : cmd_ask_line(prompt);
}

/*
 * Log in by the adapter's conversation (a Facebook Page's, say) and keep
 * the secret it gives in the keyring.
 */
static int
cmd_login_talk(const struct config *cfg, const struct config_account *a,
    const struct platform_ops *ops)
{
	struct platform_host	 host = { NULL, cmd_host_send, cmd_host_now,
				     cmd_host_sleep, cmd_host_say,
				     cmd_host_ask };
	struct platform_account	 pa;
	struct platform_login	 pl;
	struct platform_link	*links;
	const struct config_account *o;
	const char		*platform;
	enum creds_result	 r;
	char			*cause = NULL;
	size_t			 i, n = 0;
	int			 rc = 1;

	host.arg = (void *)cfg;
	memset(&pl, 0, sizeof pl);
	platform_account_from_config(&pa, cfg, a, util_now());
	links = xreallocarray(NULL, cfg->naccounts + 1, sizeof *links);
	for (i = 0; i < cfg->naccounts; i++) {
		o = &cfg->accounts[i];
		if (o == a || config_secret_owner(cfg, o, &platform) != a)
			continue;
		links[n].name = o->name;
		links[n++].platform = config_str(cfg, o, OPT_PLATFORM);
	}
	if (ops->login(&pa, links, n, &host, &pl, &cause) != 0)
		goto out;
	r = creds_store(a->name, ops->name, ops->secret_kind, pl.secret,
	    &cause);
	if (r != CREDS_OK) {
		if (cause == NULL)
			cause = xstrdup(creds_result_name(r));
		goto out;
	}
	if (pl.said != NULL)
		cmd_print(stdout, "%s", pl.said);
	rc = 0;
out:
	if (rc != 0)
		cmd_print(stderr, "heed login: %s: %s; nothing changed. To try "
		    "again: heed login %s\n", a->name, cause != NULL ? cause :
		    "the login failed", a->name);
	free(cause);
	free(links);
	platform_login_clear(&pl);
	return rc;
}

/* heed login ACCOUNT: ask for the secret and keep it in the keyring. */
int
cmd_login(struct cmd_env *env, int argc, char **argv)
{
	struct config			*cfg = env->cfg;
	const struct config_account	*a, *owner;
	const char			*platform;
	const struct platform_ops	*ops;
	char				*secret, *prompt, *cause = NULL;
	enum creds_result		 r;
	int				 rc;

	if ((a = cmd_account(cfg, "login", argc, argv, &ops)) == NULL)
		return argc != 2 ? 2 : 1;
	if (ops->login_via != NULL) {
		/* Such an account is reached through another's login. */
		owner = config_secret_owner(cfg, a, &platform);
		if (owner == a || strcmp(platform, ops->login_via) != 0) {
			cmd_print(stderr, "heed login: %s %s\n", a->name,
			    ops->login_via_why);
			return 1;
		}
		cmd_print(stdout, "%s uses the login of %s; logging in to "
		    "%s.\n", a->name, owner->name, owner->name);
		a = owner;
		ops = platform_find(ops->login_via);
	}
	if (*config_str(cfg, a, OPT_CREDENTIAL_COMMAND) != '\0') {
		cmd_print(stderr, "heed login: %s gets its secret from its "
		    "credential_command; there is nothing to store (remove "
		    "credential_command to use the keyring instead)\n",
		    a->name);
		return 1;
	}
	if (ops->login != NULL)
		return cmd_login_talk(cfg, a, ops);
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
cmd_logout(struct cmd_env *env, int argc, char **argv)
{
	struct config			*cfg = env->cfg;
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
cmd_accounts(struct cmd_env *env, int argc, char **argv)
{
	struct config			*cfg = env->cfg;
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
