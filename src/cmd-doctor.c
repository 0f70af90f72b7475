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
#include "platform-account.h"
#include "store.h"
#include "util.h"

struct doctor {
	int	checks;
	int	failed;		/* something is wrong */
	int	waited;		/* could not be made: the platform asked to
				   wait */
};

/* Report one check with its mark, and its fix unless it passed. */
static void printflike(4, 0)
doctor_vmark(struct doctor *d, enum platform_mark m, const char *fix,
    const char *fmt, va_list ap)
{
	static const char *const labels[] = { "ok", "note", "FAIL", "WAIT" };
	char			*msg;

	d->checks++;
	if (m == PLATFORM_MARK_FAIL)
		d->failed++;
	else if (m == PLATFORM_MARK_WAIT)
		d->waited++;
	msg = xvprintf(fmt, ap);
	cmd_print(stdout, "  %-5s %s\n", labels[m], msg);
	if ((m == PLATFORM_MARK_FAIL || m == PLATFORM_MARK_WAIT) && fix != NULL)
		cmd_print(stdout, "        fix: %s\n", fix);
	free(msg);
}

/* Report one check with its mark; see doctor_vmark. */
static void printflike(4, 5)
doctor_mark(struct doctor *d, enum platform_mark m, const char *fix,
    const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	doctor_vmark(d, m, fix, fmt, ap);
	va_end(ap);
}

/* Report one check: ok, or a failure with its fix. */
static void printflike(4, 5)
doctor_report(struct doctor *d, int ok, const char *fix, const char *fmt,
    ...)
{
	va_list	ap;

	va_start(ap, fmt);
	doctor_vmark(d, ok ? PLATFORM_MARK_OK : PLATFORM_MARK_FAIL, fix, fmt, ap);
	va_end(ap);
}

/*
 * Check that a file (if it exists) has no more than the given mode. A
 * file heed writes must be a regular file, not a link (chmod would change
 * what it points to) nor a FIFO; a directory may be reached by a link.
 */
static void
doctor_mode(struct doctor *d, const char *what, const char *path,
    unsigned int want, int file)
{
	struct stat	 sb;
	char		*fix;
	int		 rc;

	rc = file ? lstat(path, &sb) : stat(path, &sb);
	if (rc != 0) {
		if (errno == ENOENT)
			return;
		doctor_report(d, 0, NULL, "%s %s: %s", what, path,
		    strerror(errno));
		return;
	}
	if (file && !S_ISREG(sb.st_mode)) {
		doctor_report(d, 0, "move it away (heed makes a new one there), "
		    "or name the real file in the config", "%s %s is %s: heed "
		    "uses only a regular file there", what, path,
		    S_ISLNK(sb.st_mode) ? "a symbolic link" :
		    S_ISFIFO(sb.st_mode) ? "a FIFO" : "not a regular file");
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
	struct stat	 sb;
	char		*cause = NULL, *dir;

	if (lstat(p->cache, &sb) != 0 && errno == ENOENT) {
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
	doctor_mode(d, "cache", p->cache, 0600, 1);
	dir = doctor_dir(p->cache);
	doctor_mode(d, "cache directory", dir, 0700, 0);
	free(dir);
}

/* Check that the keyring answers, when some account keeps its secret there. */
static void
doctor_keyring(struct doctor *d, const struct config *cfg)
{
	const struct platform_ops	*ops;
	const struct config_account	*owner;
	const char			*platform;
	char				*cause = NULL;
	size_t				 i;
	enum creds_result		 r;

	for (i = 0; i < cfg->naccounts; i++) {
		ops = platform_find(config_str(cfg, &cfg->accounts[i],
		    OPT_PLATFORM));
		/* An Instagram account's secret is its Facebook account's. */
		owner = config_secret_owner(cfg, &cfg->accounts[i], &platform);
		if (ops->secret_kind != NULL && *config_str(cfg, owner,
		    OPT_CREDENTIAL_COMMAND) == '\0')
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

/* One account being checked, and what its checks share. */
struct doctor_account {
	struct doctor			*d;
	const struct config		*cfg;
	const struct config_account	*a;
	const struct config_account	*owner;	/* whose secret it uses */
	const char			*owner_platform;
	const struct platform_ops	*ops;
	struct platform_account		 pa;
	char				*secret;
	int				 password; /* credential_command */
	char				*relogin;  /* how to get a new one */
};

/* Say a wait in words: "40 seconds", "2 minutes", "3 hours". */
static void
doctor_wait_words(int64_t secs, char *buf, size_t len)
{
	int64_t		 n = secs;
	const char	*unit = "second";

	if (secs >= 3600) {
		n = (secs + 3599) / 3600;
		unit = "hour";
	} else if (secs >= 60) {
		n = (secs + 59) / 60;
		unit = "minute";
	}
	snprintf(buf, len, "%lld %s%s", (long long)n, unit, n == 1 ? "" :
	    "s");
}

/*
 * Report how a request of an account's checks went, unless it got a 2xx
 * answer (then 0). rc and cause are cmd_http_ask's. What could not be
 * done is said with why: the network, a refused credential, a platform
 * that asks heed to wait. Returns -1 after a report, the body freed.
 */
static int
doctor_judge(struct doctor *d, struct doctor_account *da, const char *what,
    int rc, struct cmd_answer *ans, char *cause)
{
	struct platform_response	 res;
	enum platform_error		 e;
	const char			*label = da->ops->label;
	char				*fix, when[32];

	if (rc != 0) {
		doctor_report(d, 0, "check the network, then run heed doctor "
		    "again", "account %s (%s): %s: %s", da->a->name,
		    da->ops->name, what, cause);
		free(cause);
		return -1;
	}
	if (ans->status >= 200 && ans->status <= 299)
		return 0;
	memset(&res, 0, sizeof res);
	res.status = ans->status;
	res.body = ans->body;
	res.len = strlen(ans->body);
	e = da->ops->classify(&res, &cause);
	if (e == PLATFORM_ERR_RATE) {
		doctor_wait_words(ans->wait, when, sizeof when);
		fix = ans->wait > 0 ? xprintf("wait, and run heed doctor again "
		    "in %s", when) : xstrdup("wait a while, and run heed "
		    "doctor again");
		if (cause != NULL && strncmp(cause, label, strlen(label)) == 0)
			doctor_mark(d, PLATFORM_MARK_WAIT, fix, "account %s (%s): %s "
			    "now: %s; this says nothing against the login",
			    da->a->name, da->ops->name, what, cause);
		else
			doctor_mark(d, PLATFORM_MARK_WAIT, fix, "account %s (%s): %s "
			    "now: %s asks heed to wait (%s); this says nothing "
			    "against the login", da->a->name, da->ops->name,
			    what, label, cause != NULL ? cause : "rate limit");
		free(fix);
	} else if (e == PLATFORM_ERR_AUTH || e == PLATFORM_ERR_SESSION ||
	    e == PLATFORM_ERR_DENIED)
		doctor_report(d, 0, da->relogin, "account %s (%s): %s refuses "
		    "the %s: %s", da->a->name, da->ops->name, label,
		    da->password ? "secret the credential_command gives" :
		    "login kept in the keyring", cause != NULL ? cause :
		    "refused");
	else
		doctor_report(d, 0, e == PLATFORM_ERR_TEMPORARY ? "run heed "
		    "doctor again later" : NULL, "account %s (%s): %s: %s",
		    da->a->name, da->ops->name, what, cause != NULL ? cause :
		    "refused");
	free(cause);
	util_free_secret(ans->body);
	ans->body = NULL;
	return -1;
}

/* An answer as the adapters read it; lent from ans. */
static void
doctor_response(const struct cmd_answer *ans, struct platform_response *res)
{
	memset(res, 0, sizeof *res);
	res->status = ans->status;
	res->body = ans->body;
	res->len = strlen(ans->body);
}

/*
 * After a refused session: read the keyring again, as sync does (another
 * heed may have just renewed the session and kept the new one). 1 if it
 * holds another secret now, which replaces the one refused.
 */
static int
doctor_reread(struct doctor_account *da, const struct cmd_answer *ans)
{
	struct platform_response	 res;
	enum platform_error		 e;
	char				*fresh = NULL;

	doctor_response(ans, &res);
	e = da->ops->classify(&res, NULL);
	if (da->password || (e != PLATFORM_ERR_AUTH &&
	    e != PLATFORM_ERR_SESSION))
		return 0;
	if (creds_lookup(da->owner->name, da->owner_platform,
	    da->ops->secret_kind, &fresh, NULL) != CREDS_OK ||
	    strcmp(fresh, da->secret) == 0) {
		util_free_secret(fresh);
		return 0;
	}
	util_free_secret(da->secret);
	da->secret = fresh;
	da->pa.secret = fresh;
	return 1;
}

/*
 * Open a session as sync does, through the adapter's session operations:
 * a credential_command's app password logs in; a session kept in the
 * keyring is renewed, and the renewed one kept there, as sync keeps it.
 */
static void
doctor_session(struct doctor *d, struct doctor_account *da)
{
	static const char		*what = "the session could not be "
	    "opened";
	struct platform_request		 req;
	struct platform_response	 res;
	struct platform_session		 ps;
	struct cmd_answer		 ans;
	enum creds_result		 r;
	char				*cause = NULL;
	int				 rc, tries;

	for (tries = 0;; tries++) {
		da->pa.secret = da->secret;
		rc = da->password ? da->ops->login_request(&da->pa,
		    da->secret, &req, &cause) :
		    da->ops->session_request(&da->pa, &req, &cause);
		if (rc != 0) {
			doctor_report(d, 0, da->relogin, "account %s (%s): "
			    "%s: %s", da->a->name, da->ops->name, what, cause);
			free(cause);
			return;
		}
		rc = cmd_http_ask(da->cfg, da->ops, &req, &ans, &cause);
		platform_request_clear(&req);
		if (rc != 0 || ans.status <= 299 || tries > 0 ||
		    !doctor_reread(da, &ans))
			break;
		util_free_secret(ans.body);
	}
	if (doctor_judge(d, da, what, rc, &ans, cause) != 0)
		return;
	doctor_response(&ans, &res);
	if (da->ops->session_parse(&da->pa, &res, &ps, &cause) != 0) {
		doctor_report(d, 0, NULL, "account %s (%s): %s: %s",
		    da->a->name, da->ops->name, what, cause);
		free(cause);
		util_free_secret(ans.body);
		return;
	}
	util_free_secret(ans.body);
	if (!da->password && ps.refresh != NULL &&
	    strcmp(ps.refresh, da->secret) != 0) {
		/* The platform rotates the session: keep the new one. */
		r = creds_store(da->owner->name, da->owner_platform,
		    da->ops->secret_kind, ps.refresh, &cause);
		if (r != CREDS_OK) {
			doctor_report(d, 0, "unlock the keyring, then run heed "
			    "doctor again", "account %s (%s): the session "
			    "opened, but the renewed one could not be kept in "
			    "the keyring (%s); the next start may ask for heed "
			    "login", da->a->name, da->ops->name, cause != NULL ?
			    cause : creds_result_name(r));
			free(cause);
			platform_session_clear(&ps);
			return;
		}
	}
	doctor_report(d, 1, NULL, "account %s (%s): %s opens a session%s%s",
	    da->a->name, da->ops->name, da->password ? "the app password "
	    "from credential_command" : "the login kept in the keyring",
	    ps.handle != NULL ? " as @" : "", ps.handle != NULL ? ps.handle :
	    "");
	platform_session_clear(&ps);
}

/* Report one of an adapter's checks; see platform_checker. */
static void
doctor_check_report(void *arg, enum platform_mark m, const char *fix,
    const char *msg)
{
	struct doctor_account	*da = arg;

	doctor_mark(da->d, m, fix, "%s", msg);
}

/*
 * Send a request of an adapter's checks and judge its answer; see
 * platform_checker.
 */
static int
doctor_check_send(void *arg, struct platform_request *req, const char *what,
    int quiet, long *status, char **body)
{
	struct doctor_account		*da = arg;
	struct platform_response	 res;
	struct cmd_answer		 ans;
	char				*cause = NULL;
	int				 rc;

	*body = NULL;
	rc = cmd_http_ask(da->cfg, da->ops, req, &ans, &cause);
	platform_request_clear(req);
	if (quiet && (rc != 0 || ans.status < 200 || ans.status > 299)) {
		if (rc == 0) {
			doctor_response(&ans, &res);
			if (da->ops->classify(&res, NULL) == PLATFORM_ERR_RATE)
				return doctor_judge(da->d, da, what, rc, &ans,
				    NULL);
			util_free_secret(ans.body);
		}
		free(cause);
		return 1;
	}
	if (doctor_judge(da->d, da, what, rc, &ans, cause) != 0)
		return -1;
	*status = ans.status;
	*body = ans.body;
	return 0;
}

/* Run the adapter's own checks of the login (a Facebook Page's, say). */
static void
doctor_platform(struct doctor_account *da)
{
	struct platform_checker	ck;

	ck.arg = da;
	ck.relogin = da->relogin;
	ck.report = doctor_check_report;
	ck.send = doctor_check_send;
	da->pa.secret = da->secret;
	da->ops->check(&da->pa, &ck);
}

/* Get an account's credential, and report whether it could be had. */
static int
doctor_credential(struct doctor *d, struct doctor_account *da)
{
	const char		*cmd;
	char			*cause = NULL, *fix;
	enum creds_result	 r;

	cmd = config_str(da->cfg, da->owner, OPT_CREDENTIAL_COMMAND);
	da->password = *cmd != '\0';
	if (da->password) {
		r = creds_command(cmd, &da->secret, &cause);
		fix = xprintf("run the credential_command of %s by hand, and "
		    "make it print the secret on its first line",
		    da->owner->name);
		da->relogin = xprintf("make the credential_command of %s give "
		    "a new secret (or remove that line and run: heed login "
		    "%s)", da->owner->name, da->owner->name);
	} else {
		r = creds_lookup(da->owner->name, da->owner_platform,
		    da->ops->secret_kind, &da->secret, &cause);
		fix = xprintf("heed login %s", da->owner->name);
		da->relogin = xprintf("heed login %s", da->owner->name);
	}
	doctor_report(d, r == CREDS_OK, fix, "account %s (%s): credential "
	    "%s%s%s", da->a->name, da->ops->name, r == CREDS_OK ?
	    da->password ? "from credential_command works" :
	    "present in the keyring" : creds_result_name(r),
	    cause != NULL ? ": " : "", cause != NULL ? cause : "");
	free(fix);
	free(cause);
	return r == CREDS_OK ? 0 : -1;
}

/*
 * Check one account: that its credential can be had (without showing
 * it), and, on a platform, that it works there.
 */
static void
doctor_account(struct doctor *d, const struct config *cfg,
    const struct config_account *a)
{
	struct doctor_account	da;

	memset(&da, 0, sizeof da);
	da.d = d;
	da.cfg = cfg;
	da.a = a;
	da.ops = platform_find(config_str(cfg, a, OPT_PLATFORM));
	if (da.ops->secret_kind == NULL) {
		doctor_report(d, 1, NULL, "account %s needs no credential",
		    a->name);
		return;
	}
	da.owner = config_secret_owner(cfg, a, &da.owner_platform);
	platform_account_from_config(&da.pa, cfg, a, util_now());
	if (doctor_credential(d, &da) == 0) {
		if (da.ops->check != NULL)
			doctor_platform(&da);
		else if (da.ops->session_request != NULL)
			doctor_session(d, &da);
	}
	util_free_secret(da.secret);
	free(da.relogin);
}

/* heed doctor: run every check and say what to fix. */
int
cmd_doctor(struct cmd_env *env, int argc, char **argv)
{
	const struct cmd_paths	*p = env->paths;
	struct doctor	d = { 0, 0, 0 };
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
	doctor_mode(&d, "log", p->log, 0600, 1);
	config_free(&cfg);
	cmd_print(stdout, "%d check%s, %d failed", d.checks, d.checks == 1 ?
	    "" : "s", d.failed);
	if (d.waited > 0)
		cmd_print(stdout, ", %d could not be made now", d.waited);
	cmd_print(stdout, "\n");
	return d.failed == 0 && d.waited == 0 ? 0 : 1;
}
