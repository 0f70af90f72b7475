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
#include "reply-check.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define CHECK_EXIT_BLOCK	1
#define CHECK_EXIT_FAILED	3

/* The longest reply read, in bytes: far past any platform's limit. */
#define CHECK_INPUT_MOST	(256 * 1024)

/* What the command gathers for the guard, and frees at the end. */
struct check_reply {
	char				*account_name;	/* new */
	int64_t				 to;
	int				 json;
	const struct config_account	*account;
	int64_t				 account_id;	/* 0: not in the cache */
	int64_t				 item_account;	/* --to's account */
	char				*text;
	struct reply_check		 rc;
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
	struct item	 it;
	char		*cause = NULL;

	if (store_item_get(env->store, c->to, &it, &cause) != 0) {
		cmd_print(stderr, "heed: item %lld: %s\n", (long long)c->to,
		    cause);
		free(cause);
		return -1;
	}
	c->item_account = it.account_id;
	item_clear(&it);
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
		if (c->account_name == NULL && c->to != 0 &&
		    acc[i].id == c->item_account)
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

/*
 * Check that --to's item is on the account, then gather what the guard
 * needs from the cache; 0, or an exit status.
 */
static int
check_reply_load(struct cmd_env *env, struct check_reply *c)
{
	char	*cause = NULL;

	if (c->to != 0 && c->account_id != 0 &&
	    c->item_account != c->account_id) {
		cmd_print(stderr, "heed check-reply: item %lld is not on "
		    "account %s\n", (long long)c->to, c->account_name);
		return CMD_EXIT_USAGE;
	}
	if (c->to != 0)
		c->account_id = c->item_account;
	if (reply_check_load(&c->rc, env->store, env->cfg, c->account,
	    c->account_id, c->to, &cause) != 0) {
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
	if (f->suggestion != NULL && (f->kind == GUARD_PROTECTED ||
	    f->kind == GUARD_SPELLING))
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
check_reply_run(struct cmd_env *env, struct check_reply *c)
{
	struct guard_report	r;
	size_t			i;
	int			rc = 0;

	reply_check_run(&c->rc, env->cfg, c->text, &r);
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
	reply_check_free(&c->rc);
}

/* heed check-reply: see the top of the file. */
int
cmd_check_reply(struct cmd_env *env, int argc, char **argv)
{
	struct check_reply	c;
	int			rc;

	memset(&c, 0, sizeof c);
	if ((rc = check_reply_options(argc, argv, &c)) != 0) {
		check_reply_free(&c);
		return rc;
	}
	if (check_reply_read(&c) != 0) {
		check_reply_free(&c);
		return CHECK_EXIT_FAILED;
	}
	if (env->setup(env) != 0 || (env->demo && cmd_demo_sync(env) != 0))
		rc = CHECK_EXIT_FAILED;
	if (rc == 0 && (rc = check_reply_account(env, &c)) == 0 &&
	    (rc = check_reply_load(env, &c)) == 0)
		rc = check_reply_run(env, &c);
	check_reply_free(&c);
	return rc;
}
