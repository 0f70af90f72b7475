/*
 * cmd-check-reply.c -- heed check-reply --account A [--to ITEM] [--json]:
 * read a reply on the standard input and print what the guard (guard.h)
 * finds in it, one finding a line, in order of weight, for scripts and
 * for a last look before pasting a reply somewhere else. With --to, the
 * item answered (an id of heed list --json) brings its author, its
 * thread and its language from the cache.
 *
 * Exit status: 0 when nothing blocks, 1 when something does, 2 for a
 * command line it cannot take, 3 when the check could not be made (the
 * config, the cache, an unknown account or item, the input).
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "config.h"
#include "guard.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define CHECK_EXIT_BLOCK	1
#define CHECK_EXIT_FAILED	3

/* The longest reply read, in bytes: far past any platform's limit. */
#define CHECK_INPUT_MOST	(256 * 1024)

/* How many of the shop's replies of the last day are compared. */
#define CHECK_RECENT_MOST	1000

/* What the command gathers for the guard, and frees at the end. */
struct check_reply {
	char				*account_name;	/* new */
	int64_t				 to;
	int				 json;
	const struct config_account	*account;
	int64_t				 account_id;	/* 0: not in the cache */
	char				*text;
	struct item			 item;
	int				 have_item;
	struct store_thread		 thread;
	int				 have_thread;
	const char			**names;
	size_t				 nnames;
	char				**protect;
	size_t				 nprotect;
	char				*shop;
	char				**recent;
	size_t				 nrecent;
};

/* Parse the options; 0, or the exit status for a usage error. */
static int
check_reply_options(int argc, char **argv, struct check_reply *c)
{
	static const struct option longopts[] = {
		{ "account", required_argument, NULL, 'a' },
		{ "to", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int64_t	 v;
	int	 ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch == 'a') {
			free(c->account_name);
			c->account_name = xstrdup(optarg);
		}
		else if (ch == 'j')
			c->json = 1;
		else if (ch == 't' && util_parse_int(optarg, 1, INT64_MAX,
		    &v) == 0)
			c->to = v;
		else {
			if (ch == 't')
				cmd_print(stderr, "heed check-reply: --to "
				    "takes an item's id (heed list --json)\n");
			cmd_print(stderr, "usage: heed check-reply --account "
			    "NAME [--to ITEM] [--json] < reply\n");
			return CMD_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_print(stderr, "heed check-reply: unexpected %s (the reply "
		    "comes on the standard input)\n", argv[optind]);
		return CMD_EXIT_USAGE;
	}
	return 0;
}

/* Read the reply from the standard input; 0, or -1 once said why not. */
static int
check_reply_read(struct check_reply *c)
{
	struct buf	 b;
	char		 chunk[4096];
	size_t		 n, len;

	buf_init(&b, CHECK_INPUT_MOST);
	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
		if (buf_add(&b, chunk, n) != 0) {
			cmd_print(stderr, "heed check-reply: the reply is "
			    "longer than %d bytes\n", CHECK_INPUT_MOST);
			buf_free(&b);
			return -1;
		}
	}
	if (ferror(stdin)) {
		cmd_print(stderr, "heed check-reply: reading the reply: %s\n",
		    strerror(errno));
		buf_free(&b);
		return -1;
	}
	/* Bytes that are not UTF-8 become U+FFFD: spans stay in the text. */
	c->text = text_repair_utf8(b.data != NULL ? b.data : "", b.len, &len);
	buf_free(&b);
	while (len > 0 && c->text[len - 1] == '\n')
		c->text[--len] = '\0';
	return 0;
}

/* Read the item answered from the cache; 0, or -1 once said why not. */
static int
check_reply_get_item(struct cmd_env *env, struct check_reply *c)
{
	char	*cause = NULL;

	if (store_item_get(env->store, c->to, &c->item, &cause) != 0) {
		cmd_print(stderr, "heed: item %lld: %s\n", (long long)c->to,
		    cause);
		free(cause);
		return -1;
	}
	c->have_item = 1;
	return 0;
}

/*
 * Find the account, in the config and the cache (the item's when --to
 * names one and --account does not); 0, or an exit status.
 */
static int
check_reply_account(struct cmd_env *env, struct check_reply *c)
{
	struct store_account	*acc;
	size_t			 nacc, i;
	char			*cause = NULL;

	if (c->account_name == NULL && c->to == 0 &&
	    env->cfg->naccounts == 1)
		c->account_name = xstrdup(env->cfg->accounts[0].name);
	if (c->to != 0 && check_reply_get_item(env, c) != 0)
		return CHECK_EXIT_FAILED;
	if (store_account_list(env->store, &acc, &nacc, &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return CHECK_EXIT_FAILED;
	}
	for (i = 0; i < nacc; i++) {
		if (c->account_name == NULL && c->have_item &&
		    acc[i].id == c->item.account_id)
			c->account_name = xstrdup(acc[i].name);
		if (c->account_name != NULL &&
		    strcmp(acc[i].name, c->account_name) == 0)
			c->account_id = acc[i].id;
	}
	store_account_list_free(acc, nacc);
	if (c->account_name == NULL) {
		cmd_print(stderr, "heed check-reply: --account NAME: which "
		    "account the reply goes out from\n");
		return CMD_EXIT_USAGE;
	}
	if ((c->account = config_account_find(env->cfg,
	    c->account_name)) == NULL) {
		cmd_print(stderr, "heed: no account %s in the config\n",
		    c->account_name);
		return CHECK_EXIT_FAILED;
	}
	return 0;
}

/* The names of everyone in the thread but the shop; lent from it. */
static void
check_reply_names(struct check_reply *c)
{
	size_t	i;

	c->names = xcalloc(c->thread.items.n + 1, sizeof *c->names);
	for (i = 0; i < c->thread.items.n; i++) {
		const struct item *it = &c->thread.items.v[i];

		if (it->own || it->author_name == NULL)
			continue;
		c->names[c->nnames++] = it->author_name;
	}
}

/* Load the item answered and its thread; 0, or an exit status. */
static int
check_reply_item(struct cmd_env *env, struct check_reply *c)
{
	char	*cause = NULL;

	if (!c->have_item)
		return 0;
	if (c->account_id != 0 && c->item.account_id != c->account_id) {
		cmd_print(stderr, "heed check-reply: item %lld is not on "
		    "account %s\n", (long long)c->to, c->account_name);
		return CMD_EXIT_USAGE;
	}
	c->account_id = c->item.account_id;
	if (store_thread_get(env->store, c->to, &c->thread, &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return CHECK_EXIT_FAILED;
	}
	c->have_thread = 1;
	check_reply_names(c);
	return 0;
}

/*
 * The account's settings and what the shop said lately: its protected
 * words, its display name (as its own items bear it), its replies of the
 * last day; 0, or an exit status.
 */
static int
check_reply_settings(struct cmd_env *env, struct check_reply *c)
{
	char	*cause = NULL;
	int	 rc = 0;

	if (guard_protect_parse(config_str(env->cfg, c->account, OPT_PROTECT),
	    &c->protect, &c->nprotect, &cause) != 0) {
		/* The config was checked as it was read: not reached. */
		cmd_print(stderr, "heed: protect: %s\n", cause);
		free(cause);
		return CHECK_EXIT_FAILED;
	}
	if (c->account_id == 0)
		return 0;
	if ((rc = store_own_name(env->store, c->account_id, &c->shop,
	    &cause)) >= 0)
		rc = store_own_texts(env->store, c->account_id,
		    util_now() - 86400, CHECK_RECENT_MOST, &c->recent,
		    &c->nrecent, &cause);
	if (rc < 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return CHECK_EXIT_FAILED;
	}
	return 0;
}

/* Print one finding as a line of text. */
static void
check_reply_line(const struct check_reply *c, const struct guard_finding *f)
{
	if (f->len == 0)
		cmd_print(stdout, "%s %s: %s", guard_severity_name(f->severity),
		    guard_kind_name(f->kind), f->message);
	else
		cmd_print(stdout, "%s %s %zu-%zu: %s",
		    guard_severity_name(f->severity), guard_kind_name(f->kind),
		    f->start, f->start + f->len, f->message);
	if (f->suggestion != NULL && f->kind == GUARD_PROTECTED)
		cmd_print(stdout, " (did you mean %s?)", f->suggestion);
	cmd_print(stdout, "\n");
	(void)c;
}

/* Print one finding as a line of JSON; 0, or -1. */
static int
check_reply_json(const struct check_reply *c, const struct guard_finding *f)
{
	json_t	*o;
	char	*s, *span, *msg, *sug;
	int	 rc = -1;

	span = xstrndup(c->text + f->start, f->len);
	msg = cmd_clean(f->message, 0);
	sug = f->suggestion != NULL ? cmd_clean(f->suggestion, 0) : NULL;
	o = json_pack("{s:s, s:s, s:I, s:I, s:s, s:s, s:s?}", "severity",
	    guard_severity_name(f->severity), "kind", guard_kind_name(f->kind),
	    "start", (json_int_t)f->start, "length", (json_int_t)f->len,
	    "text", span, "message", msg, "suggestion", sug);
	if (o != NULL && (s = json_dumps(o, JSON_COMPACT)) != NULL) {
		rc = printf("%s\n", s) < 0 ? -1 : 0;
		free(s);
	}
	json_decref(o);
	free(span);
	free(msg);
	free(sug);
	return rc;
}

/* Check the reply and print the findings; the exit status. */
static int
check_reply_run(struct check_reply *c)
{
	struct guard_input	 in;
	struct guard_report	 r;
	size_t			 i;
	int			 rc = 0;

	memset(&in, 0, sizeof in);
	in.text = c->text;
	in.protect = (const char *const *)c->protect;
	in.nprotect = c->nprotect;
	in.shop_name = c->shop;
	in.recent = (const char *const *)c->recent;
	in.nrecent = c->nrecent;
	in.platform = config_str(NULL, c->account, OPT_PLATFORM);
	if (c->have_item) {
		in.customer_name = c->item.author_name;
		in.customer_handle = c->item.author_handle;
		in.customer_lang = c->item.lang != NULL && *c->item.lang !=
		    '\0' ? c->item.lang : guard_lang_guess(c->item.text != NULL ?
		    c->item.text : "");
		in.thread_names = c->names;
		in.nthread_names = c->nnames;
		in.parent_deleted = c->item.deleted;
		in.parent_hidden = c->item.hidden;
	}
	guard_check(&in, &r);
	/*
	 * Spelling: the spell module (src/spell.c) adds its findings here,
	 * WARN and GUARD_SPELLING, in the reply's language; then guard_sort
	 * puts them in their place among the others.
	 */
	guard_sort(&r);
	for (i = 0; i < r.n && rc == 0; i++) {
		if (c->json)
			rc = check_reply_json(c, &r.v[i]);
		else
			check_reply_line(c, &r.v[i]);
	}
	if (rc != 0 || fflush(stdout) != 0) {
		cmd_print(stderr, "heed: write error: %s\n", strerror(errno));
		rc = CHECK_EXIT_FAILED;
	} else
		rc = guard_blocks(&r) ? CHECK_EXIT_BLOCK : 0;
	guard_free(&r);
	return rc;
}

/* Free what the command gathered. */
static void
check_reply_free(struct check_reply *c)
{
	free(c->text);
	free(c->account_name);
	if (c->have_item)
		item_clear(&c->item);
	if (c->have_thread)
		store_thread_free(&c->thread);
	free(c->names);
	guard_protect_free(c->protect, c->nprotect);
	free(c->shop);
	store_own_texts_free(c->recent, c->nrecent);
}

/* heed check-reply: see the top of the file. */
int
cmd_check_reply(struct cmd_env *env, int argc, char **argv)
{
	struct check_reply	c;
	int			rc;

	memset(&c, 0, sizeof c);
	if ((rc = check_reply_options(argc, argv, &c)) != 0)
		return rc;
	if (check_reply_read(&c) != 0) {
		check_reply_free(&c);
		return CHECK_EXIT_FAILED;
	}
	if (env->setup(env) != 0 || (env->demo && cmd_demo_sync(env) != 0))
		rc = CHECK_EXIT_FAILED;
	if (rc == 0 && (rc = check_reply_account(env, &c)) == 0 &&
	    (rc = check_reply_item(env, &c)) == 0 &&
	    (rc = check_reply_settings(env, &c)) == 0)
		rc = check_reply_run(&c);
	check_reply_free(&c);
	return rc;
}
