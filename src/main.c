/*
 * main.c -- the command line: options, commands, and the start and end of
 * the interface.
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "loop.h"
#include "platform/demo-data.h"
#include "store.h"
#include "sync.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define EXIT_USAGE 2

struct main_opts {
	char		*config;
	char		*cache;
	int		 demo;
	char		*demo_dir;
	struct config	 cfg;
	struct store	*store;
};

/* Print the usage to f. */
static void
main_usage(FILE *f)
{
	fprintf(f,
	    "usage: heed [--config FILE] [--cache FILE] [--demo] [COMMAND]\n"
	    "\n"
	    "With no command, heed opens the inbox in the terminal.\n"
	    "\n"
	    "commands:\n"
	    "  list [--view VIEW] [--json] [--limit N]\n"
	    "                   print a view (inbox, flagged, snoozed, done, "
	    "all)\n"
	    "  sync [--account NAME] [--quiet]\n"
	    "                   sync now and send the outbox, then exit\n"
	    "  outbox           list what waits to be sent, and what failed\n"
	    "  accounts         list the accounts and their credentials\n"
	    "  login ACCOUNT    keep an account's secret in the keyring\n"
	    "  logout ACCOUNT   delete it from the keyring\n"
	    "  doctor           check the config, cache, keyring and "
	    "credentials\n"
	    "\n"
	    "options:\n"
	    "  --config FILE    read FILE instead of "
	    "~/.config/heed/config\n"
	    "  --cache FILE     use FILE instead of "
	    "~/.local/share/heed/cache.db\n"
	    "  --demo           use the built-in demo inbox in a temporary "
	    "cache\n"
	    "  --help           show this help\n"
	    "  --version        show the version\n"
	    "\n"
	    "See heed(1) and heed.conf(5).\n");
}

/* Replace the configured accounts by the demo's. */
static void
main_demo_accounts(struct config *cfg)
{
	struct config_account	*a;
	char			*url;
	size_t			 i;

	for (i = 0; i < cfg->naccounts; i++) {
		free(cfg->accounts[i].name);
		for (size_t j = 0; j < OPT_COUNT; j++)
			free(cfg->accounts[i].v[j].s);
	}
	cfg->naccounts = 0;
	for (i = 0; i < demo_naccounts; i++) {
		a = config_account_add(cfg, demo_accounts[i].name);
		config_account_set(a, OPT_PLATFORM,
		    strcmp(demo_accounts[i].flavour, "social") == 0 ?
		    "demo-social" : "demo-page");
		config_account_set(a, OPT_HANDLE, demo_accounts[i].handle);
		url = xprintf("demo://%s", demo_accounts[i].name);
		config_account_set(a, OPT_URL, url);
		free(url);
		/* The demo never touches the user's keyring. */
		a->builtin_secret = "demo";
	}
}

/* Remove the demo's temporary directory and what is in it. */
static void
main_demo_cleanup(struct main_opts *o)
{
	DIR		*d;
	struct dirent	*de;
	char		*path;

	if (o->demo_dir == NULL || (d = opendir(o->demo_dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xprintf("%s/%s", o->demo_dir, de->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
	rmdir(o->demo_dir);
	free(o->demo_dir);
	o->demo_dir = NULL;
}

/* Work out the cache and log paths, making private directories. */
static int
main_paths(struct main_opts *o, char **cache, char **logp)
{
	const char	*tmp = getenv("TMPDIR"), *opt;
	char		*dir, *slash;

	if (o->demo) {
		o->demo_dir = xprintf("%s/heed-demo-XXXXXX",
		    tmp != NULL && *tmp == '/' ? tmp : "/tmp");
		if (mkdtemp(o->demo_dir) == NULL) {
			cmd_print(stderr, "heed: %s: %s\n", o->demo_dir,
			    strerror(errno));
			free(o->demo_dir);
			o->demo_dir = NULL;
			return -1;
		}
		*cache = xprintf("%s/cache.db", o->demo_dir);
		*logp = xprintf("%s/log", o->demo_dir);
		return 0;
	}
	opt = config_str(&o->cfg, NULL, OPT_CACHE);
	*cache = o->cache != NULL ? xstrdup(o->cache) : *opt != '\0' ?
	    xstrdup(opt) : util_xdg_path("data", "cache.db");
	opt = config_str(&o->cfg, NULL, OPT_LOG_FILE);
	*logp = *opt != '\0' ? xstrdup(opt) : util_xdg_path("state", "log");
	dir = xstrdup(*cache);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		util_mkdirs(dir, 0700);
	}
	free(dir);
	dir = xstrdup(*logp);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		util_mkdirs(dir, 0700);
	}
	free(dir);
	return 0;
}

/* Read the config file (the default one need not exist). */
static int
main_config(struct main_opts *o)
{
	char	*path, *cause = NULL;
	int	 rc;

	config_init(&o->cfg);
	path = o->config != NULL ? xstrdup(o->config) :
	    util_xdg_path("config", "config");
	rc = config_load(&o->cfg, path, o->config != NULL, &cause);
	free(path);
	if (rc != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return -1;
	}
	if (o->demo)
		main_demo_accounts(&o->cfg);
	return 0;
}

/* Load the config and open the cache. */
static int
main_setup(struct main_opts *o, int readonly)
{
	char	*cause = NULL, *cache = NULL, *logp = NULL;

	if (main_config(o) != 0)
		return -1;
	if (main_paths(o, &cache, &logp) != 0)
		return -1;
	if (log_open(logp, &cause) != 0) {
		cmd_print(stderr, "heed: log file %s\n", cause);
		free(cause);
		cause = NULL;
	}
	if (readonly && !o->demo && access(cache, F_OK) != 0) {
		cmd_print(stderr, "heed: there is no cache at %s yet: open "
		    "heed once to fill it\n", cache);
		free(cache);
		free(logp);
		return -1;
	}
	o->store = store_open(cache, readonly && !o->demo ? STORE_READONLY : 0,
	    &cause);
	free(cache);
	free(logp);
	if (o->store == NULL) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Stop the loop once sync has nothing left to do. */
static void
main_wait_sync(void *arg)
{
	struct loop	*loop = ((void **)arg)[0];
	struct sync	*sync = ((void **)arg)[1];

	if (!sync_busy(sync))
		loop_stop(loop, 0);
	else
		loop_timer_add(loop, 20, main_wait_sync, arg);
}

/* Run sync in the foreground until it is done (the demo's list). */
static void
main_sync_once(struct loop *loop, struct sync *sync)
{
	void	*arg[2] = { loop, sync };

	sync_now(sync);
	loop_timer_add(loop, 20, main_wait_sync, arg);
	loop_run(loop);
}

/* Start the first sync once the first screen is up. */
static void
main_first_sync(void *arg)
{
	sync_now(arg);
}

/* Open the interface. */
static int
main_tui(struct main_opts *o)
{
	struct ui_context	 ctx;
	struct loop		*loop;
	struct sync		*sync;
	char			*cause = NULL;
	int			 rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cmd_print(stderr, "heed: the inbox needs a terminal (for "
		    "scripts, try heed list)\n");
		return 1;
	}
	loop = loop_new();
	if ((sync = sync_new(loop, o->store, &o->cfg, 1, &cause)) == NULL) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		loop_free(loop);
		return 1;
	}
	/*
	 * The cache is shown first; credentials (a keyring round trip, or a
	 * command) and the network come after the first paint.
	 */
	loop_timer_add(loop, 0, main_first_sync, sync);
	memset(&ctx, 0, sizeof ctx);
	ctx.loop = loop;
	ctx.store = o->store;
	ctx.sync = sync;
	ctx.cfg = &o->cfg;
	ctx.demo = o->demo;
	ctx.title = o->demo ? "Tulip & Tea (demo)" : NULL;
	rc = ui_run(&ctx);
	sync_free(sync);
	loop_free(loop);
	return rc;
}

/* A cached string made safe to print: one line, or text with its lines. */
static char *
main_clean(const char *s, int lines)
{
	if (s == NULL)
		return NULL;
	return lines ? text_sanitize(s, strlen(s)) :
	    text_sanitize_line(s, strlen(s));
}

/*
 * Print one item as a line of JSON; 0, or -1 if it could not be written.
 * What comes from the cache is sanitized first, as for the screen: an
 * older heed, or someone else, may have written escapes or bytes that are
 * not UTF-8 there, and JSON would carry the escapes on to whatever prints
 * its strings.
 */
static int
main_list_json(const struct item *it, int64_t now)
{
	json_t	*o;
	char	*s, *remote, *author, *handle, *text, *lang;
	int	 rc = -1;

	remote = main_clean(it->remote_id, 0);
	author = main_clean(it->author_name, 0);
	handle = main_clean(it->author_handle, 0);
	text = main_clean(it->text, 1);
	lang = main_clean(it->lang, 0);
	o = json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:I, s:I, s:s, s:b, s:b, "
	    "s:b, s:b, s:s?}", "id", (json_int_t)it->id, "remote_id", remote,
	    "author", author, "handle", handle, "text", text, "created",
	    (json_int_t)it->created, "waiting", (json_int_t)(now -
	    it->created), "status", item_status_name(it->status), "own",
	    it->own, "flagged", it->flags != 0, "hidden", it->hidden != 0,
	    "deleted", it->deleted != 0, "lang", lang);
	if (o != NULL && (s = json_dumps(o, JSON_COMPACT)) != NULL) {
		rc = fputs(s, stdout) == EOF || putchar('\n') == EOF ? -1 : 0;
		free(s);
	}
	json_decref(o);
	free(remote);
	free(author);
	free(handle);
	free(text);
	free(lang);
	return rc;
}

/* Print one item as a line of text: waiting time, author, first line. */
static void
main_list_line(const struct item *it, int64_t now)
{
	char	*author, *who, *text, age[16];

	util_format_age(now - it->created, age, sizeof age);
	author = main_clean(it->author_name != NULL ? it->author_name : "?",
	    0);
	who = text_pad(author, 20);
	text = main_clean(it->text != NULL ? it->text : "", 1);
	text[strcspn(text, "\n")] = '\0';
	printf("%5s  %s  %s\n", age, who, text);
	free(author);
	free(who);
	free(text);
}

/* heed list: print a view, a page at a time from the store. */
static int
main_list(struct main_opts *o, int argc, char **argv)
{
	static const char *const views[VIEW_COUNT] = {
		"inbox", "flagged", "snoozed", "done", "all"
	};
	static const struct option longopts[] = {
		{ "view", required_argument, NULL, 'v' },
		{ "json", no_argument, NULL, 'j' },
		{ "limit", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct item_list	 l;
	struct store_key	 key;
	struct loop		*loop;
	struct sync		*sync;
	char			*cause = NULL;
	int			 c, json = 0, view = VIEW_INBOX, rc = 0, have_key = 0;
	int64_t			 limit = INT64_MAX, shown = 0, now;
	size_t			 i;

	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			for (view = 0; view < VIEW_COUNT; view++) {
				if (strcmp(optarg, views[view]) == 0)
					break;
			}
			if (view == VIEW_COUNT) {
				cmd_print(stderr, "heed list: --view inbox, "
				    "flagged, snoozed, done or all\n");
				return EXIT_USAGE;
			}
			break;
		case 'j':
			json = 1;
			break;
		case 'n':
			if (util_parse_int(optarg, 1, INT64_MAX, &limit) != 0) {
				cmd_print(stderr, "heed list: --limit takes a "
				    "positive number\n");
				return EXIT_USAGE;
			}
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_print(stderr, "heed list: unexpected %s\n", argv[optind]);
		return EXIT_USAGE;
	}
	if (main_setup(o, 1) != 0)
		return 1;
	if (o->demo) {
		loop = loop_new();
		if ((sync = sync_new(loop, o->store, &o->cfg, 0, &cause)) ==
		    NULL) {
			cmd_print(stderr, "heed: %s\n", cause);
			free(cause);
			loop_free(loop);
			return 1;
		}
		main_sync_once(loop, sync);
		sync_free(sync);
		loop_free(loop);
	}
	now = util_now();
	memset(&l, 0, sizeof l);
	for (;;) {
		if (store_queue_page(o->store, (enum store_view)view, NULL,
		    have_key ? &key : NULL, 1, 200, &l, &cause) != 0) {
			cmd_print(stderr, "heed: %s\n", cause);
			free(cause);
			rc = 1;
			break;
		}
		for (i = 0; i < l.n && shown < limit && rc == 0; i++) {
			if (!json)
				main_list_line(&l.v[i], now);
			else if (main_list_json(&l.v[i], now) != 0) {
				cmd_print(stderr, "heed list: item %lld could "
				    "not be written\n", (long long)l.v[i].id);
				rc = 1;
			}
			shown++;
		}
		if (l.n < 200 || shown >= limit || rc != 0)
			break;
		store_key_of((enum store_view)view, &l.v[l.n - 1], &key);
		have_key = 1;
		item_list_free(&l);
	}
	item_list_free(&l);
	if (fflush(stdout) != 0) {
		cmd_print(stderr, "heed: write error: %s\n", strerror(errno));
		rc = 1;
	}
	return rc;
}

/* The account commands by name. */
static int (*main_account_command(const char *name))(struct config *, int,
    char **)
{
	if (strcmp(name, "accounts") == 0)
		return cmd_accounts;
	if (strcmp(name, "login") == 0)
		return cmd_login;
	if (strcmp(name, "logout") == 0)
		return cmd_logout;
	return NULL;
}

/* heed doctor: work out the paths even when the config is broken. */
static int
main_doctor(struct main_opts *o, int argc, char **argv)
{
	struct cmd_paths	 p;
	char			*config, *cache = NULL, *logp = NULL;
	char			*cause = NULL;
	int			 rc;

	config = o->config != NULL ? xstrdup(o->config) :
	    util_xdg_path("config", "config");
	config_init(&o->cfg);
	if (config_load(&o->cfg, config, 0, &cause) != 0) {
		/* doctor reports it; the paths fall back to the defaults. */
		free(cause);
		config_free(&o->cfg);
		config_init(&o->cfg);
	}
	main_paths(o, &cache, &logp);
	p.config = config;
	p.config_named = o->config != NULL;
	p.cache = cache;
	p.log = logp;
	rc = cmd_doctor(&p, argc, argv);
	free(config);
	free(cache);
	free(logp);
	return rc;
}

/*
 * Keep secrets out of core files and away from other processes of the
 * same user: no core dumps, no ptrace, no /proc/PID/mem.
 */
static void
main_harden(void)
{
	struct rlimit	rl = { 0, 0 };

	setrlimit(RLIMIT_CORE, &rl);
#ifndef HEED_SANITIZE
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "cache", required_argument, NULL, 'C' },
		{ "demo", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct main_opts	o;
	int			c, rc;

	memset(&o, 0, sizeof o);
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o.config = optarg;
			break;
		case 'C':
			o.cache = optarg;
			break;
		case 'd':
			o.demo = 1;
			break;
		case 'h':
			main_usage(stdout);
			return 0;
		case 'V':
			printf("heed %s\n", HEED_VERSION);
			return 0;
		default:
			main_usage(stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	main_harden();
	if (argc > 0 && strcmp(argv[0], "list") == 0)
		rc = main_list(&o, argc, argv);
	else if (argc > 0 && strcmp(argv[0], "doctor") == 0)
		rc = main_doctor(&o, argc, argv);
	else if (argc > 0 && strcmp(argv[0], "outbox") == 0)
		rc = main_setup(&o, 1) != 0 ? 1 :
		    cmd_outbox(o.store, argc, argv);
	else if (argc > 0 && strcmp(argv[0], "sync") == 0)
		rc = main_setup(&o, 0) != 0 ? 2 :
		    cmd_sync(&o.cfg, o.store, argc, argv);
	else if (argc > 0 && main_account_command(argv[0]) != NULL) {
		if (o.demo) {
			cmd_print(stderr, "heed: %s does not go with --demo: "
			    "the demo has no real accounts\n", argv[0]);
			return EXIT_USAGE;
		}
		rc = main_config(&o) != 0 ? 1 :
		    main_account_command(argv[0])(&o.cfg, argc, argv);
	} else if (argc > 0) {
		cmd_print(stderr, "heed: unknown command %s\n", argv[0]);
		main_usage(stderr);
		return EXIT_USAGE;
	} else if (main_setup(&o, 0) != 0)
		rc = 1;
	else
		rc = main_tui(&o);
	store_close(o.store);
	config_free(&o.cfg);
	log_close();
	main_demo_cleanup(&o);
	return rc;
}
