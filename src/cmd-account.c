/*
 * cmd-account.c -- heed accounts, heed login and heed logout.
 */

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "creds.h"
#include "platform.h"
#include "platform-account.h"
#include "store.h"
#include "util.h"

/* How a login in a browser comes back to heed (heed login's options). */
enum cmd_way {
	CMD_WAY_ANY,	/* by the loopback in a desktop session, else pasted */
	CMD_WAY_PASTE,	/* --paste: the person pastes a code */
	CMD_WAY_LOCAL	/* --local: the browser here calls heed back */
};

/* What heed login and heed logout lend an adapter through its host. */
struct cmd_host {
	const struct config	*cfg;
	const char		*cache;		/* the cache's path */
	struct store		*store;		/* opened when first needed */
	enum cmd_way		 way;
	struct cmd_loopback	*lb;
};

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
	struct cmd_host	*ch = arg;
	int		 rc;

	rc = cmd_http_once(ch->cfg, req, status, body, cause);
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

/* Ask the person at the terminal, for a login, once what was said is out. */
static char *
cmd_host_ask(void *arg, const char *prompt, int secret)
{
	(void)arg;
	fflush(stdout);
	return secret ? cmd_ask_secret(prompt) : cmd_ask_line(prompt);
}

/*
 * Open the cache when a login first needs it; with create 0 only if it
 * exists (nothing is kept in a cache not made yet). 0, or -1 with a
 * cause.
 */
static int
cmd_host_store(struct cmd_host *ch, int create, char **cause)
{
	if (ch->store != NULL)
		return 0;
	if (ch->cache == NULL)
		return util_fail(cause, "no cache");
	if (!create && access(ch->cache, F_OK) != 0)
		return 0;
	if ((ch->store = store_open(ch->cache, 0, cause)) == NULL)
		return -1;
	return 0;
}

/* What the cache keeps under a name for a login; see platform.h. */
static char *
cmd_host_recall(void *arg, const char *key)
{
	struct cmd_host	*ch = arg;
	char		*value = NULL, *cause = NULL;

	if (cmd_host_store(ch, 0, &cause) == 0 && (ch->store == NULL ||
	    store_kept_get(ch->store, key, &value, &cause) == 0))
		return value;
	cmd_print(stderr, "(heed's cache could not be read: %s.)\n", cause);
	free(cause);
	return NULL;
}

/* Keep a value under a name in the cache for a login; see platform.h. */
static int
cmd_host_remember(void *arg, const char *key, const char *value,
    char **cause)
{
	struct cmd_host	*ch = arg;

	if (cmd_host_store(ch, value != NULL, cause) != 0)
		return -1;
	if (ch->store == NULL)
		return 0;	/* nothing to forget in a cache not made */
	return store_kept_set(ch->store, key, value, cause);
}

/*
 * Return 1 if a browser opened now would run on this computer, where it
 * can reach heed on 127.0.0.1: a graphical session, not reached over SSH.
 */
static int
cmd_host_desktop(void)
{
	const char	*x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");

	if (getenv("SSH_CONNECTION") != NULL || getenv("SSH_CLIENT") != NULL ||
	    getenv("SSH_TTY") != NULL)
		return 0;
	return (x != NULL && *x != '\0') || (w != NULL && *w != '\0');
}

/* Listen for the browser's way back, if that is the way; see platform.h. */
static int
cmd_host_redirect_open(void *arg, int *port, char **cause)
{
	struct cmd_host	*ch = arg;

	if (ch->way == CMD_WAY_PASTE || (ch->way == CMD_WAY_ANY &&
	    !cmd_host_desktop()))
		return 1;
	cmd_loopback_free(ch->lb);
	if ((ch->lb = cmd_loopback_open(port, cause)) == NULL)
		return -1;
	return 0;
}

/* Wait for the browser to come back to heed; see platform.h. */
static int
cmd_host_redirect_wait(void *arg, const char *path, int64_t secs,
    char **query, char **cause)
{
	struct cmd_host	*ch = arg;

	*query = NULL;
	if (ch->lb == NULL)
		return util_fail(cause, "heed is not listening for the "
		    "browser");
	fflush(stdout);
	return cmd_loopback_wait(ch->lb, path, secs, query, cause);
}

/* Answer the browser and stop listening; see platform.h. */
static void
cmd_host_redirect_answer(void *arg, const char *text)
{
	struct cmd_host	*ch = arg;

	if (ch->lb != NULL)
		cmd_loopback_answer(ch->lb, text);
}

/*
 * Open an address in the browser the person asked for (--open): the
 * browser option, else $BROWSER, else xdg-open; heed does not wait for it.
 */
static void
cmd_host_browse(void *arg, const char *url)
{
	struct cmd_host	*ch = arg;
	const char	*browser;

	browser = util_open_url(config_str(ch->cfg, NULL, OPT_BROWSER), url);
	if (browser == NULL) {
		cmd_print(stderr, "(The browser could not be started: %s; open "
		    "the address by hand.)\n", strerror(errno));
		return;
	}
	cmd_print(stdout, "(Opening it with %s; if no page opens, open the "
	    "address by hand.)\n", browser);
}

/* Set up the host of heed login or heed logout. */
static void
cmd_host_init(struct cmd_host *ch, struct platform_host *host,
    const struct cmd_env *env, enum cmd_way way, int open_browser)
{
	memset(ch, 0, sizeof *ch);
	ch->cfg = env->cfg;
	ch->cache = env->paths != NULL ? env->paths->cache : NULL;
	ch->way = way;
	memset(host, 0, sizeof *host);
	host->arg = ch;
	host->send = cmd_host_send;
	host->now = cmd_host_now;
	host->sleep = cmd_host_sleep;
	host->say = cmd_host_say;
	host->ask = cmd_host_ask;
	host->recall = cmd_host_recall;
	host->remember = cmd_host_remember;
	host->redirect_open = cmd_host_redirect_open;
	host->redirect_wait = cmd_host_redirect_wait;
	host->redirect_answer = cmd_host_redirect_answer;
	host->browse = open_browser ? cmd_host_browse : NULL;
}

/* Stop what the host of heed login or heed logout started. */
static void
cmd_host_done(struct cmd_host *ch)
{
	cmd_loopback_free(ch->lb);
	ch->lb = NULL;
	store_close(ch->store);
	ch->store = NULL;
}

/*
 * End on the platform, where the adapter can, a login the keyring does not
 * keep: the one just given when it could not be kept, or the one a new
 * login replaces. No login is left that nobody holds.
 */
static void
cmd_login_revoke(const struct platform_ops *ops, struct platform_account *pa,
    const struct platform_host *host, const char *secret, const char *what)
{
	char	*cause = NULL;

	if (ops->logout == NULL)
		return;
	pa->secret = secret;
	if (ops->logout(pa, host, &cause) != 0)
		cmd_print(stderr, "(%s: %s)\n", what, cause);
	pa->secret = NULL;
	free(cause);
}

/* The other accounts that use an account's login, for the adapter. */
static struct platform_link *
cmd_login_links(const struct config *cfg, const struct config_account *a,
    size_t *n)
{
	struct platform_link		*links;
	const struct config_account	*o;
	const char			*platform;
	size_t				 i;

	*n = 0;
	links = xreallocarray(NULL, cfg->naccounts + 1, sizeof *links);
	for (i = 0; i < cfg->naccounts; i++) {
		o = &cfg->accounts[i];
		if (o == a || config_secret_owner(cfg, o, &platform) != a)
			continue;
		links[*n].name = o->name;
		links[(*n)++].platform = config_str(cfg, o, OPT_PLATFORM);
	}
	return links;
}

/*
 * Log in by the adapter's conversation (a Facebook Page's, a Mastodon
 * account's) and keep the secret it gives in the keyring.
 */
static int
cmd_login_talk(const struct cmd_env *env, const struct config_account *a,
    const struct platform_ops *ops, enum cmd_way way, int open_browser)
{
	const struct config	*cfg = env->cfg;
	struct cmd_host		 ch;
	struct platform_host	 host;
	struct platform_account	 pa;
	struct platform_login	 pl;
	struct platform_link	*links;
	enum creds_result	 r;
	char			*cause = NULL, *old = NULL;
	size_t			 n;
	int			 rc = 1;

	cmd_host_init(&ch, &host, env, way, open_browser);
	memset(&pl, 0, sizeof pl);
	platform_account_from_config(&pa, cfg, a, util_now());
	links = cmd_login_links(cfg, a, &n);
	if (ops->login(&pa, links, n, &host, &pl, &cause) != 0)
		goto out;
	if (ops->logout != NULL && creds_lookup(a->name, ops->name,
	    ops->secret_kind, &old, NULL) != CREDS_OK)
		old = NULL;
	r = creds_store(a->name, ops->name, ops->secret_kind, pl.secret,
	    &cause);
	if (r != CREDS_OK) {
		if (cause == NULL)
			cause = xstrdup(creds_result_name(r));
		cmd_login_revoke(ops, &pa, &host, pl.secret, "The login just "
		    "given, not kept");
		goto out;
	}
	if (pl.said != NULL)
		cmd_print(stdout, "%s", pl.said);
	/* The login this one replaces is ended (unless it is the same). */
	if (old != NULL && strcmp(old, pl.secret) != 0)
		cmd_login_revoke(ops, &pa, &host, old, "The login this one "
		    "replaces");
	rc = 0;
out:
	cmd_host_done(&ch);
	if (rc != 0)
		cmd_print(stderr, "heed login: %s: %s; nothing changed. To try "
		    "again: heed login %s\n", a->name, cause != NULL ? cause :
		    "the login failed", a->name);
	free(cause);
	free(links);
	util_free_secret(old);
	platform_login_clear(&pl);
	return rc;
}

/*
 * Read heed login's options: how a login in a browser comes back, and
 * whether to open the browser. The index of the account's name, or -1
 * once the usage is said.
 */
static int
cmd_login_options(int argc, char **argv, enum cmd_way *way, int *open)
{
	static const struct option longopts[] = {
		{ "paste", no_argument, NULL, 'p' },
		{ "local", no_argument, NULL, 'l' },
		{ "open", no_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	enum cmd_way	w;
	int		c, bad = 0;

	*way = CMD_WAY_ANY;
	*open = 0;
	optind = 1;
	while (!bad && (c = getopt_long(argc, argv, "", longopts, NULL)) !=
	    -1) {
		switch (c) {
		case 'p':
		case 'l':
			w = c == 'p' ? CMD_WAY_PASTE : CMD_WAY_LOCAL;
			if (*way != CMD_WAY_ANY && *way != w) {
				cmd_print(stderr, "heed login: --paste and "
				    "--local are two ways; choose one\n");
				return -1;
			}
			*way = w;
			break;
		case 'o':
			*open = 1;
			break;
		default:
			bad = 1;
			break;
		}
	}
	if (bad || optind != argc - 1) {
		cmd_print(stderr, "usage: heed login [--paste | --local] "
		    "[--open] ACCOUNT\n");
		return -1;
	}
	return optind;
}

/* Ask for the secret itself and keep it (no conversation, no session). */
static int
cmd_login_plain(const struct config *cfg, const struct config_account *a,
    const struct platform_ops *ops)
{
	enum creds_result	 r;
	char			*secret, *prompt, *cause = NULL;
	int			 rc;

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

/*
 * heed login [--paste | --local] [--open] ACCOUNT: log in, and keep the
 * secret in the keyring.
 */
int
cmd_login(struct cmd_env *env, int argc, char **argv)
{
	struct config			*cfg = env->cfg;
	const struct config_account	*a, *owner;
	const char			*platform;
	const struct platform_ops	*ops;
	enum cmd_way			 way;
	int				 i, open_browser;

	if ((i = cmd_login_options(argc, argv, &way, &open_browser)) == -1)
		return CMD_EXIT_USAGE;
	if ((a = cmd_account(cfg, "login", 2, argv + i - 1, &ops)) == NULL)
		return 1;
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
		return cmd_login_talk(env, a, ops, way, open_browser);
	return cmd_login_plain(cfg, a, ops);
}

/*
 * End the login on the platform, where the adapter can, before its secret
 * is deleted here: 0 once ended there (or nothing to end), 1 when not,
 * said (the secret is deleted all the same), -1 when the keyring could not
 * be read.
 */
static int
cmd_logout_remote(const struct cmd_env *env, const struct config_account *a,
    const struct platform_ops *ops, int *kept)
{
	struct cmd_host		 ch;
	struct platform_host	 host;
	struct platform_account	 pa;
	enum creds_result	 r;
	char			*secret = NULL, *cause = NULL;
	int			 rc = 0;

	*kept = 1;
	r = creds_lookup(a->name, ops->name, ops->secret_kind, &secret, &cause);
	if (r == CREDS_MISSING) {
		*kept = 0;
		free(cause);
		return 0;
	}
	if (r != CREDS_OK) {
		cmd_print(stderr, "heed logout: %s\n", cause != NULL ? cause :
		    creds_result_name(r));
		free(cause);
		return -1;
	}
	cmd_host_init(&ch, &host, env, CMD_WAY_PASTE, 0);
	platform_account_from_config(&pa, env->cfg, a, util_now());
	pa.secret = secret;
	if (ops->logout(&pa, &host, &cause) != 0) {
		cmd_print(stderr, "heed logout: %s: %s\n", a->name, cause);
		rc = 1;
	} else
		cmd_print(stdout, "The login is revoked on %s's side.\n",
		    ops->label);
	cmd_host_done(&ch);
	free(cause);
	util_free_secret(secret);
	return rc;
}

/*
 * heed logout ACCOUNT: end the login on the platform where the adapter
 * can, and delete the secret from the keyring.
 */
int
cmd_logout(struct cmd_env *env, int argc, char **argv)
{
	struct config			*cfg = env->cfg;
	const struct config_account	*a, *owner;
	const char			*platform;
	const struct platform_ops	*ops;
	char				*cause = NULL;
	enum creds_result		 r;
	int				 remote = 0, kept = 1;

	if ((a = cmd_account(cfg, "logout", argc, argv, &ops)) == NULL)
		return argc != 2 ? 2 : 1;
	owner = config_secret_owner(cfg, a, &platform);
	if (owner != a) {
		cmd_print(stdout, "%s has no secret of its own: it uses the "
		    "login of %s. Run heed logout %s to end both.\n", a->name,
		    owner->name, owner->name);
		return 0;
	}
	if (ops->logout != NULL &&
	    (remote = cmd_logout_remote(env, a, ops, &kept)) == -1)
		return 1;
	r = kept ? creds_delete(a->name, ops->name, ops->secret_kind, &cause) :
	    CREDS_MISSING;
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
	return remote == 0 ? 0 : 1;
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
