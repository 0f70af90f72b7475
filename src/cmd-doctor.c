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
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "creds.h"
#include "platform.h"
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
	va_list	ap;

	d->checks++;
	if (!ok)
		d->failed++;
	printf("  %-5s ", ok ? "ok" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!ok && fix != NULL)
		printf("        fix: %s\n", fix);
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

/* Check that one account's credential can be had, without showing it. */
static void
doctor_account(struct doctor *d, const struct config *cfg,
    const struct config_account *a)
{
	const struct platform_ops	*ops;
	const char			*cmd;
	char				*secret = NULL, *cause = NULL, *fix;
	enum creds_result		 r;

	ops = platform_find(config_str(cfg, a, OPT_PLATFORM));
	if (ops->secret_kind == NULL) {
		doctor_report(d, 1, NULL, "account %s needs no credential",
		    a->name);
		return;
	}
	cmd = config_str(cfg, a, OPT_CREDENTIAL_COMMAND);
	if (*cmd != '\0') {
		r = creds_command(cmd, &secret, &cause);
		fix = xprintf("run the credential_command of %s by hand, and "
		    "make it print the secret on its first line", a->name);
	} else {
		r = creds_lookup(a->name, ops->name, ops->secret_kind, &secret,
		    &cause);
		fix = xprintf("heed login %s", a->name);
	}
	util_free_secret(secret);
	doctor_report(d, r == CREDS_OK, fix, "account %s (%s): credential "
	    "%s%s%s", a->name, ops->name, r == CREDS_OK ? *cmd != '\0' ?
	    "from credential_command works" : "present in the keyring" :
	    creds_result_name(r), cause != NULL ? ": " : "",
	    cause != NULL ? cause : "");
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
		fprintf(stderr, "usage: heed doctor\n");
		return 2;
	}
	printf("heed %s doctor\n", HEED_VERSION);
	if (doctor_config(&d, p, &cfg) == 0) {
		doctor_keyring(&d, &cfg);
		for (i = 0; i < cfg.naccounts; i++)
			doctor_account(&d, &cfg, &cfg.accounts[i]);
	}
	doctor_cache(&d, p);
	doctor_mode(&d, "log", p->log, 0600);
	config_free(&cfg);
	printf("%d check%s, %d failed\n", d.checks, d.checks == 1 ? "" : "s",
	    d.failed);
	return d.failed == 0 ? 0 : 1;
}
