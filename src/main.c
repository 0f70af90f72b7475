/*
 * main.c -- the command line: the options, the table of commands, and the
 * setup each command needs (config, log, cache, paths) before it runs.
 */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "config.h"
#include "log.h"
#include "platform/platforms.h"
#include "sorting.h"
#include "store.h"
#include "util.h"

#define EXIT_USAGE 2

static int	main_help(struct cmd_env *, int, char **);

/*
 * The commands, each with the setup it needs and the exit status when
 * that setup fails; the first, with no name, is heed with no command.
 */
static const struct cmd_entry main_commands[] = {
	{ NULL, CMD_CACHE, 1, cmd_tui },
	{ "list", CMD_CACHE | CMD_READONLY | CMD_ARGS_FIRST, 1, cmd_list },
	{ "doctor", CMD_PATHS, 1, cmd_doctor },
	{ "outbox", CMD_CACHE | CMD_READONLY, 1, cmd_outbox },
	{ "sync", CMD_CACHE, 2, cmd_sync },
	{ "accounts", CMD_CONFIG | CMD_NO_DEMO, 1, cmd_accounts },
	{ "login", CMD_CONFIG | CMD_CACHE_PATH | CMD_NO_DEMO, 1, cmd_login },
	{ "logout", CMD_CONFIG | CMD_CACHE_PATH | CMD_NO_DEMO, 1, cmd_logout },
	{ "classify", 0, 1, cmd_classify },
	{ "rules", CMD_CACHE | CMD_READONLY | CMD_ARGS_FIRST, 1, cmd_rules },
	{ "status", CMD_CACHE | CMD_READONLY | CMD_ARGS_FIRST, 1, cmd_status },
	{ "log", CMD_CACHE | CMD_READONLY | CMD_ARGS_FIRST, 1, cmd_log },
	{ "stats", CMD_CACHE | CMD_READONLY | CMD_ARGS_FIRST, 1, cmd_stats },
	{ "alert", CMD_CONFIG | CMD_ARGS_FIRST, 1, cmd_alert },
	{ "check-reply", CMD_CACHE | CMD_READONLY | CMD_ARGS_FIRST, 3,
	    cmd_check_reply },
	{ "help", 0, 1, main_help },
};

struct main_opts {
	char		*config;
	char		*cache;
	int		 demo;
	char		*demo_dir;
	struct config	 cfg;
	struct store	*store;
	const struct cmd_entry *command;
	struct cmd_paths paths;		/* CMD_PATHS */
	char		*paths_config;	/* what paths holds */
	char		*paths_cache;
	char		*paths_log;
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
	    "  list [--view VIEW] [--filter EXPR] [--conversations] [--json]\n"
	    "       [--limit N] print a view (inbox, flagged, snoozed, done, "
	    "all, spam,\n"
	    "                   or a saved one)\n"
	    "  stats [--since WHEN] [--until WHEN] [--by day|week|month]\n"
	    "        [--account NAME] [--json | --csv]\n"
	    "                   how fast the shop answers: first responses\n"
	    "  log [--since WHEN] [--limit N] [--json]\n"
	    "                   who did what, when, to whose message\n"
	    "  status [--format FMT]\n"
	    "                   one line: who waits, how many are overdue "
	    "(exit 3)\n"
	    "  sync [--account NAME] [--quiet] [--notify]\n"
	    "                   sync now and send the outbox, then exit; "
	    "--notify\n"
	    "                   alerts of what is new or due, as the open "
	    "inbox does\n"
	    "  alert --test     send a test alert: desktop notification, "
	    "notify_command\n"
	    "  check-reply [--account NAME] [--to ITEM] [--json] < REPLY\n"
	    "                   what the guard finds in a reply: misspelt "
	    "protected\n"
	    "                   words, placeholders, ... (exit 1 if one "
	    "blocks)\n"
	    "  outbox           list what waits to be sent, and what failed\n"
	    "  accounts         list the accounts and their credentials\n"
	    "  login [--paste | --local] [--open] ACCOUNT\n"
	    "                   log in and keep the account's secret in the "
	    "keyring\n"
	    "  logout ACCOUNT   delete it from the keyring\n"
	    "  doctor           check the config, cache, keyring and "
	    "credentials\n"
	    "  classify [--json] [--lang L] [--shop NAME] [FILE]\n"
	    "                   the kind and needs-reply of each line\n"
	    "  classify --eval [--misses] FILE\n"
	    "                   measure the classifier on labelled lines\n"
	    "  rules [--dry-run [--json] | --run]\n"
	    "                   list the rules; what they would change; "
	    "run them\n"
	    "\n"
	    "options:\n"
	    "  --config FILE    read FILE instead of "
	    "~/.config/heed/config\n"
	    "  --cache FILE     use FILE instead of "
	    "~/.local/share/heed/cache.db\n"
	    "  --demo           use the built-in demo inbox in a temporary "
	    "cache\n"
	    "  --help           show this help (so does heed help)\n"
	    "  --version        show the version\n"
	    "\n"
	    "See heed(1) and heed.conf(5).\n");
}

/* heed help [COMMAND]: the usage, as --help gives it. */
static int
main_help(struct cmd_env *env, int argc, char **argv)
{
	(void)env;
	main_usage(stdout);
	if (argc > 1)
		cmd_print(stdout, "\nheed(1) tells all of %s.\n", argv[1]);
	return 0;
}

/*
 * The rules the demo brings when the config has none, so that heed --demo
 * rules --dry-run has something to show (see RULES in heed.conf(5)).
 */
static const char main_demo_rules[] =
    "[rule refunds]\n"
    "words = refund, refunded, money back, geld terug, terugbetaling, "
    "remboursement, rambursare, reembolso, rückerstattung, 退款\n"
    "priority = high\n"
    "tag = refunds\n"
    "[rule hours]\n"
    "words = open, opening hours, closed, geopend, open zaterdag, "
    "öffnungszeiten, horaires, 营业\n"
    "kind = question\n"
    "tag = hours\n"
    "[rule lookalikes]\n"
    "author = tulipandtea.giveaway, tulipandtea_, giveaway.official\n"
    "has_link = yes\n"
    "set_kind = spam\n"
    "suggest = hide\n"
    "[rule growth-spam]\n"
    "words = followers, go viral, dm me\n"
    "set_kind = spam\n";

/*
 * The saved replies the demo brings when the config has none, to try t:
 * the shop's own voice for the kinds of message the demo inbox holds.
 */
static const char main_demo_replies[] =
    "[replies]\n"
    "sorry = \"I'm so sorry about this, that is not how it should go. "
    "Could you send your order number to hello@tulipandtea.example? "
    "We'll put it right today.\\n\\nMarloes\"\n"
    "shipping = \"We ship to the whole EU; it usually takes 2-4 working "
    "days. The costs show at checkout before you pay.\\n\\nMarloes\"\n"
    "hours = \"The shop is open Tuesday to Saturday, 10:00-18:00. See you "
    "soon!\\n\\nMarloes\"\n"
    "thanks = \"Thank you, that's lovely to hear! Enjoy your tea.\\n\\n"
    "Marloes\"\n";

/* Replace the configured accounts by the demo's; give it rules if none. */
static void
main_demo_accounts(struct config *cfg)
{
	char	*cause = NULL;

	struct config_account	*a;
	const char		*name, *platform, *handle;
	char			*url;
	size_t			 i;

	for (i = 0; i < cfg->naccounts; i++) {
		free(cfg->accounts[i].name);
		for (size_t j = 0; j < OPT_COUNT; j++)
			free(cfg->accounts[i].v[j].s);
	}
	cfg->naccounts = 0;
	for (i = 0; demo_account_at(i, &name, &platform, &handle, &url) == 0;
	    i++) {
		a = config_account_add(cfg, name);
		config_account_set(a, OPT_PLATFORM, platform);
		config_account_set(a, OPT_HANDLE, handle);
		config_account_set(a, OPT_URL, url);
		free(url);
		/* The demo never touches the user's keyring. */
		a->builtin_secret = "demo";
	}
	if (cfg->nrules == 0 && config_parse(cfg, "the demo's rules",
	    main_demo_rules, &cause) != 0)
		fatal("%s", cause);
	if (cfg->nreplies == 0 && config_parse(cfg, "the demo's replies",
	    main_demo_replies, &cause) != 0)
		fatal("%s", cause);
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
	/*
	 * Sort what came in unsorted (an older heed's cache, a sync cut
	 * short) and put the lanes in the order asked for; read-only, learn
	 * which order they are in.
	 */
	/* The interface sorts after its first frame (ui.c), to be quick. */
	if (((readonly && !o->demo) || o->command->name == NULL ?
	    store_sort_order(o->store, config_int(&o->cfg, NULL,
	    OPT_INBOX_ORDER) == INBOX_ORDER_AGE, &cause) :
	    sorting_run(o->store, &o->cfg, util_now(), NULL, &cause)) != 0) {
		/* What cannot be sorted waits unsorted; the screens say why. */
		log_error("sorting the inbox: %s", cause);
		free(cause);
	}
	return 0;
}

/* Work out the paths for heed doctor, even when the config is broken. */
static void
main_doctor_paths(struct main_opts *o)
{
	char	*cause = NULL;

	o->paths_config = o->config != NULL ? xstrdup(o->config) :
	    util_xdg_path("config", "config");
	config_init(&o->cfg);
	if (config_load(&o->cfg, o->paths_config, 0, &cause) != 0) {
		/* doctor reports it; the paths fall back to the defaults. */
		free(cause);
		config_free(&o->cfg);
		config_init(&o->cfg);
	}
	main_paths(o, &o->paths_cache, &o->paths_log);
	o->paths.config = o->paths_config;
	o->paths.config_named = o->config != NULL;
	o->paths.cache = o->paths_cache;
	o->paths.log = o->paths_log;
}

/* Work out the paths of a command that opens the cache itself. */
static int
main_cache_path(struct main_opts *o)
{
	if (main_paths(o, &o->paths_cache, &o->paths_log) != 0)
		return -1;
	o->paths.cache = o->paths_cache;
	o->paths.log = o->paths_log;
	return 0;
}

/* Make the setup the command needs; 0, or -1 once said why not. */
static int
main_prepare(struct cmd_env *env)
{
	struct main_opts	*o = env->arg;
	int			 needs = o->command->needs, rc = 0;

	if (needs & CMD_PATHS)
		main_doctor_paths(o);
	else if (needs & CMD_CACHE)
		rc = main_setup(o, (needs & CMD_READONLY) != 0 && !env->write);
	else if (needs & CMD_CONFIG) {
		rc = main_config(o);
		if (rc == 0 && (needs & CMD_CACHE_PATH))
			rc = main_cache_path(o);
	}
	env->store = o->store;
	return rc;
}

/* Find a command in the table by name (NULL: no command). */
static const struct cmd_entry *
main_command(const char *name)
{
	size_t	i;

	for (i = 0; i < nitems(main_commands); i++) {
		if (name == NULL ? main_commands[i].name == NULL :
		    main_commands[i].name != NULL &&
		    strcmp(main_commands[i].name, name) == 0)
			return &main_commands[i];
	}
	return NULL;
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
	struct cmd_env		env;
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
	if ((o.command = main_command(argc > 0 ? argv[0] : NULL)) == NULL) {
		cmd_print(stderr, "heed: unknown command %s\n", argv[0]);
		main_usage(stderr);
		return EXIT_USAGE;
	}
	if ((o.command->needs & CMD_NO_DEMO) && o.demo) {
		cmd_print(stderr, "heed: %s does not go with --demo: the demo "
		    "has no real accounts\n", argv[0]);
		return EXIT_USAGE;
	}
	memset(&env, 0, sizeof env);
	env.cfg = &o.cfg;
	env.paths = &o.paths;
	env.demo = o.demo;
	env.setup = main_prepare;
	env.arg = &o;
	if (!(o.command->needs & CMD_ARGS_FIRST) && main_prepare(&env) != 0)
		rc = o.command->failed;
	else
		rc = o.command->run(&env, argc, argv);
	store_close(o.store);
	config_free(&o.cfg);
	log_close();
	main_demo_cleanup(&o);
	free(o.paths_config);
	free(o.paths_cache);
	free(o.paths_log);
	return rc;
}
