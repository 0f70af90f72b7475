/*
 * cmd-doctor.c -- heed doctor: a checklist of what heed needs, each
 * failure with the command or step that fixes it. It never prints a
 * secret.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "creds.h"
#include "platform.h"
#include "platform/graph.h"
#include "store.h"
#include "util.h"

struct doctor {
	int	checks;
	int	failed;
};

/* Report one check: ok, or a failure with its fix. */
static void printflike(4, 5)
doctor_report(struct doctor *d, int ok, const char *fix, const char *fmt,
    ...)
{
	va_list	 ap;
	char	*msg;

	d->checks++;
	if (!ok)
		d->failed++;
	va_start(ap, fmt);
	msg = xvprintf(fmt, ap);
	va_end(ap);
	cmd_print(stdout, "  %-5s %s\n", ok ? "ok" : "FAIL", msg);
	if (!ok && fix != NULL)
		cmd_print(stdout, "        fix: %s\n", fix);
	free(msg);
}

/* Check that a file (if it exists) has no more than the given mode. */
static void
doctor_mode(struct doctor *d, const char *what, const char *path,
    unsigned int want)
{
	struct stat	 sb;
	char		*fix;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			return;
		doctor_report(d, 0, NULL, "%s %s: %s", what, path,
		    strerror(errno));
		return;
	}
	fix = xprintf("chmod %o %s", want, path);
	doctor_report(d, (sb.st_mode & 0777 & ~want) == 0, fix,
	    "%s %s is mode %03o (at most %03o)", what, path,
	    (unsigned int)(sb.st_mode & 0777), want);
	free(fix);
}

/* The directory part of a path, as a new string. */
static char *
doctor_dir(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* Check the config: it parses, and only its owner may write it. */
static int
doctor_config(struct doctor *d, const struct cmd_paths *p,
    struct config *cfg)
{
	char	*cause = NULL;

	config_init(cfg);
	if (access(p->config, F_OK) != 0 && !p->config_named) {
		doctor_report(d, 1, NULL, "config %s does not exist: defaults "
		    "apply and there are no accounts (copy config.example "
		    "there to start)", p->config);
		return 0;
	}
	if (config_load(cfg, p->config, 1, &cause) != 0) {
		doctor_report(d, 0, "correct the line named above (see "
		    "heed.conf(5))", "config: %s", cause);
		free(cause);
		return -1;
	}
	doctor_report(d, 1, NULL, "config %s parses (%zu account%s)",
	    p->config, cfg->naccounts, cfg->naccounts == 1 ? "" : "s");
	return 0;
}

/* Check the cache: it opens, passes quick_check, and is private. */
static void
doctor_cache(struct doctor *d, const struct cmd_paths *p)
{
	struct store	*s;
	char		*cause = NULL, *dir;

	if (access(p->cache, F_OK) != 0) {
		doctor_report(d, 1, NULL, "cache %s does not exist yet (heed "
		    "makes it on its first start)", p->cache);
		return;
	}
	if ((s = store_open(p->cache, STORE_READONLY, &cause)) == NULL) {
		doctor_report(d, 0, "move the file away; heed makes a new "
		    "cache and syncs it again", "cache: %s", cause);
		free(cause);
		return;
	}
	if (store_check(s, &cause) != 0) {
		doctor_report(d, 0, "move the file away; heed makes a new "
		    "cache and syncs it again (unsent replies in its outbox "
		    "would be lost: check heed's outbox first)",
		    "cache %s fails its integrity check: %s", p->cache, cause);
		free(cause);
	} else
		doctor_report(d, 1, NULL, "cache %s passes its integrity check",
		    p->cache);
	store_close(s);
	doctor_mode(d, "cache", p->cache, 0600);
	dir = doctor_dir(p->cache);
	doctor_mode(d, "cache directory", dir, 0700);
	free(dir);
}

/* Check that the keyring answers, when some account keeps its secret there. */
static void
doctor_keyring(struct doctor *d, const struct config *cfg)
{
	const struct platform_ops	*ops;
	char				*cause = NULL;
	size_t				 i;
	enum creds_result		 r;

	for (i = 0; i < cfg->naccounts; i++) {
		ops = platform_find(config_str(cfg, &cfg->accounts[i],
		    OPT_PLATFORM));
		if (ops->secret_kind != NULL && *config_str(cfg,
		    &cfg->accounts[i], OPT_CREDENTIAL_COMMAND) == '\0')
			break;
	}
	if (i == cfg->naccounts)
		return;
	r = creds_ping(&cause);
	doctor_report(d, r == CREDS_OK, "start heed inside your desktop "
	    "session (or unlock the keyring), or give each account a "
	    "credential_command", "system keyring: %s", r == CREDS_OK ?
	    "reachable" : cause != NULL ? cause : creds_result_name(r));
	free(cause);
}

/* A permission a Graph account needs, and what for. */
struct doctor_perm {
	const char	*platform;
	const char	*scope;
	const char	*why;
	int		 required;
};

static const struct doctor_perm doctor_perms[] = {
	{ "facebook", "pages_read_engagement", "to read the Page's posts and "
	    "comments", 1 },
	{ "facebook", "pages_read_user_content", "to read visitors' posts and "
	    "comments", 1 },
	{ "facebook", "pages_manage_engagement", "to reply, like, hide and "
	    "delete", 1 },
	{ "facebook", "pages_messaging", "for private replies", 0 },
	{ "instagram", "instagram_basic", "to read the account's media and "
	    "comments", 1 },
	{ "instagram", "instagram_manage_comments", "to reply, hide and "
	    "delete", 1 },
	{ "instagram", "pages_read_engagement", "to reach Instagram through "
	    "the Page", 1 },
};

/* Write a time as a date for people, or "never". */
static void
doctor_date(int64_t t, char *buf, size_t len)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (t == 0 || gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, len, "never");
	else
		strftime(buf, len, "%Y-%m-%d", &tm);
}

/*
 * Ask the Graph API what a Facebook or Instagram account's token may do
 * (debug_token): whether it is valid, when it expires, and which of the
 * permissions heed needs it lacks.
 */
static void
doctor_graph(struct doctor *d, const struct config *cfg,
    const struct config_account *a, const struct config_account *owner,
    const char *platform, const char *token)
{
	struct platform_account		 pa;
	struct platform_request		 req;
	struct platform_response	 res;
	struct graph_token_info		 ti;
	const char			*app_id, *client;
	char				*auth, *body = NULL, *cause = NULL, *fix;
	char				 exp[32], data[32];
	long				 status = 0;
	size_t				 i, j;
	int				 have;

	memset(&pa, 0, sizeof pa);
	memset(&res, 0, sizeof res);
	memset(&ti, 0, sizeof ti);
	pa.name = a->name;
	pa.base_url = config_str(cfg, a, OPT_URL);
	pa.version = config_str(cfg, a, OPT_GRAPH_VERSION);
	app_id = config_str(cfg, owner, OPT_APP_ID);
	client = config_str(cfg, owner, OPT_CLIENT_TOKEN);
	auth = *app_id != '\0' && *client != '\0' ?
	    xprintf("%s|%s", app_id, client) : xstrdup(token);
	fix = xprintf("heed login %s", owner->name);
	if (graph_debug_request(&pa, auth, token, &req, &cause) != 0 ||
	    cmd_http_once(cfg, &req, &status, &body, &cause) != 0) {
		platform_request_clear(&req);
		doctor_report(d, 0, "check the network, then run heed doctor "
		    "again", "account %s (%s): the token could not be checked: "
		    "%s", a->name, platform, cause != NULL ? cause : "?");
		goto out;
	}
	platform_request_clear(&req);
	res.status = status;
	res.body = body;
	res.len = strlen(body);
	if (graph_debug_parse(&res, &ti, &cause) != 0) {
		/* Asked with the token itself, a dead one is refused. */
		if (platform_find(platform)->classify(&res, NULL) ==
		    PLATFORM_ERR_AUTH)
			doctor_report(d, 0, fix, "account %s (%s): the token "
			    "is no longer valid: %s", a->name, platform,
			    cause != NULL ? cause : "?");
		else
			doctor_report(d, 0, fix, "account %s (%s): the token "
			    "could not be checked: %s", a->name, platform,
			    cause != NULL ? cause : "?");
		goto out;
	}
	if (!ti.valid) {
		doctor_report(d, 0, fix, "account %s (%s): the token is no "
		    "longer valid%s%s", a->name, platform, ti.error != NULL ?
		    ": " : "", ti.error != NULL ? ti.error : "");
		goto out;
	}
	doctor_date(ti.expires_at, exp, sizeof exp);
	doctor_date(ti.data_access_expires_at, data, sizeof data);
	doctor_report(d, 1, NULL, "account %s (%s): %s token valid, expires "
	    "%s, data access until %s", a->name, platform, ti.type != NULL ?
	    ti.type : "the", exp, data);
	for (i = 0; i < nitems(doctor_perms); i++) {
		if (strcmp(doctor_perms[i].platform, platform) != 0)
			continue;
		for (have = 0, j = 0; j < ti.nscopes && !have; j++)
			have = strcmp(ti.scopes[j], doctor_perms[i].scope) == 0;
		if (have)
			continue;
		doctor_report(d, !doctor_perms[i].required, fix, "account %s "
		    "(%s): the login lacks %s, needed %s%s", a->name, platform,
		    doctor_perms[i].scope, doctor_perms[i].why,
		    doctor_perms[i].required ? "" : " (optional)");
	}
out:
	graph_token_info_clear(&ti);
	util_free_secret(auth);
	util_free_secret(body);
	free(cause);
	free(fix);
}

/* Check that one account's credential can be had, without showing it. */
static void
doctor_account(struct doctor *d, const struct config *cfg,
    const struct config_account *a)
{
	const struct platform_ops	*ops;
	const struct config_account	*owner;
	const char			*cmd, *platform;
	char				*secret = NULL, *cause = NULL, *fix;
	enum creds_result		 r;

	ops = platform_find(config_str(cfg, a, OPT_PLATFORM));
	if (ops->secret_kind == NULL) {
		doctor_report(d, 1, NULL, "account %s needs no credential",
		    a->name);
		return;
	}
	owner = config_secret_owner(cfg, a, &platform);
	cmd = config_str(cfg, owner, OPT_CREDENTIAL_COMMAND);
	if (*cmd != '\0') {
		r = creds_command(cmd, &secret, &cause);
		fix = xprintf("run the credential_command of %s by hand, and "
		    "make it print the secret on its first line", owner->name);
	} else {
		r = creds_lookup(owner->name, platform, ops->secret_kind,
		    &secret, &cause);
		fix = xprintf("heed login %s", owner->name);
	}
	doctor_report(d, r == CREDS_OK, fix, "account %s (%s): credential "
	    "%s%s%s", a->name, ops->name, r == CREDS_OK ? *cmd != '\0' ?
	    "from credential_command works" : "present in the keyring" :
	    creds_result_name(r), cause != NULL ? ": " : "",
	    cause != NULL ? cause : "");
	if (r == CREDS_OK && (strcmp(ops->name, "facebook") == 0 ||
	    strcmp(ops->name, "instagram") == 0))
		doctor_graph(d, cfg, a, owner, ops->name, secret);
	util_free_secret(secret);
	free(fix);
	free(cause);
}

/* heed doctor: run every check and say what to fix. */
int
cmd_doctor(const struct cmd_paths *p, int argc, char **argv)
{
	struct doctor	d = { 0, 0 };
	struct config	cfg;
	size_t		i;

	(void)argv;
	if (argc != 1) {
		cmd_print(stderr, "usage: heed doctor\n");
		return 2;
	}
	cmd_print(stdout, "heed %s doctor\n", HEED_VERSION);
	if (doctor_config(&d, p, &cfg) == 0) {
		doctor_keyring(&d, &cfg);
		for (i = 0; i < cfg.naccounts; i++)
			doctor_account(&d, &cfg, &cfg.accounts[i]);
	}
	doctor_cache(&d, p);
	doctor_mode(&d, "log", p->log, 0600);
	config_free(&cfg);
	cmd_print(stdout, "%d check%s, %d failed\n", d.checks, d.checks == 1 ?
	    "" : "s", d.failed);
	return d.failed == 0 ? 0 : 1;
}
