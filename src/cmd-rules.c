/*
 * cmd-rules.c -- heed rules: the owner's rules as heed reads them from the
 * config; with --dry-run what each would change among the messages
 * waiting in the inbox, changing nothing; with --run, the waiting
 * messages sorted again, the rules with them, as they are at ingest.
 *
 * Both go through sorting.c, so the dry run says exactly what a run
 * does: the classifier's kind, then the rules in order (a rule that sets
 * a kind changes what the later rules see), the owner's own word last.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "cmd.h"
#include "config.h"
#include "rules.h"
#include "sorting.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define CMD_RULES_PAGE	200

/* What heed rules was asked for. */
struct cmd_rules_opts {
	int	dry_run;
	int	run;
	int	json;
};

/* What the dry run counts per rule, and what it sorts with. */
struct cmd_rules_run {
	struct cmd_env		*env;
	const struct cmd_rules_opts *o;
	struct sorting_ctx	 sc;
	size_t			*matched;	/* per rule */
	size_t			 changed;	/* messages some rule matched */
	size_t			 read;
	int64_t			 now;
};

/* Read heed rules' options; 0, or the exit status of a usage error. */
static int
cmd_rules_options(int argc, char **argv, struct cmd_rules_opts *o)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "run", no_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	memset(o, 0, sizeof *o);
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			o->dry_run = 1;
			break;
		case 'r':
			o->run = 1;
			break;
		case 'j':
			o->json = 1;
			break;
		default:
			return CMD_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_print(stderr, "heed rules: unexpected %s\n", argv[optind]);
		return CMD_EXIT_USAGE;
	}
	if (o->dry_run && o->run) {
		cmd_print(stderr, "heed rules: --dry-run or --run, not both\n");
		return CMD_EXIT_USAGE;
	}
	return 0;
}

/* Print the rules as the config has them: name, line, what each does. */
static void
cmd_rules_list(const struct config *cfg)
{
	char	*what;
	size_t	 i;

	if (cfg->nrules == 0) {
		printf("no rules in %s: see RULES in heed.conf(5)\n",
		    cfg->path != NULL ? cfg->path : "the config");
		return;
	}
	for (i = 0; i < cfg->nrules; i++) {
		what = rule_describe(cfg->rules[i].rule);
		printf("%-20s line %-5d %s\n", rule_name(cfg->rules[i].rule),
		    cfg->rules[i].line, what);
		free(what);
	}
}

/* Print one message and what the rules would do to it. */
static int
cmd_rules_print(const struct cmd_rules_run *r, const struct item *it,
    const struct rule_actions *a)
{
	json_t	*o, *names;
	char	*author, *text, *what, *s, age[16];
	size_t	 i;
	int	 rc = 0;

	author = text_sanitize_line(it->author_name != NULL ?
	    it->author_name : "?", strlen(it->author_name != NULL ?
	    it->author_name : "?"));
	text = text_first_line(it->text != NULL ? it->text : "", 60);
	what = rule_actions_describe(a);
	if (!r->o->json) {
		util_format_age(r->now - it->created, age, sizeof age);
		s = text_pad(author, 20);
		printf("%5s  %s  %s\n       -> %s (", age, s, text, what);
		for (i = 0; i < a->nmatched; i++)
			printf("%s%s", i == 0 ? "" : ", ", a->matched[i]);
		printf(")\n");
		free(s);
	} else {
		names = json_array();
		for (i = 0; i < a->nmatched; i++)
			json_array_append_new(names, json_string(a->matched[i]));
		o = json_pack("{s:I, s:s, s:s, s:s, s:o}", "id",
		    (json_int_t)it->id, "author", author, "text", text,
		    "changes", what, "rules", names);
		if (o == NULL || (s = json_dumps(o, JSON_COMPACT)) == NULL)
			rc = -1;
		else {
			printf("%s\n", s);
			free(s);
		}
		json_decref(o);
	}
	free(author);
	free(text);
	free(what);
	return rc;
}

/* Run the rules over one message as they will run at ingest. */
static int
cmd_rules_message(struct cmd_rules_run *r, const struct item *it)
{
	const struct config	*cfg = r->env->cfg;
	struct sorting_decision	 d;
	char			*cause = NULL;
	size_t			 i, k;
	int			 rc = 0;

	if (sorting_decide(&r->sc, it, &d, &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		sorting_decision_free(&d);
		return -1;
	}
	for (k = 0; k < d.actions.nmatched; k++) {
		for (i = 0; i < cfg->nrules; i++) {
			if (strcmp(rule_name(cfg->rules[i].rule),
			    d.actions.matched[k]) == 0)
				r->matched[i]++;
		}
	}
	r->read++;
	if (d.actions.nmatched != 0) {
		r->changed++;
		rc = cmd_rules_print(r, it, &d.actions);
	}
	sorting_decision_free(&d);
	return rc;
}

/* Run the rules over a view a page at a time; 0 or 1. */
static int
cmd_rules_view(struct cmd_rules_run *r, enum store_view v)
{
	struct item_list	 l;
	struct store_key	 key;
	char			*cause = NULL;
	size_t			 i;
	int			 have_key = 0, rc = 0;

	memset(&l, 0, sizeof l);
	for (;;) {
		if (store_queue_page(r->env->store, v, NULL, have_key ? &key :
		    NULL, 1, CMD_RULES_PAGE, &l, &cause) != 0) {
			cmd_print(stderr, "heed: %s\n", cause);
			free(cause);
			rc = 1;
			break;
		}
		for (i = 0; i < l.n && rc == 0; i++) {
			if (cmd_rules_message(r, &l.v[i]) != 0) {
				cmd_print(stderr, "heed rules: message %lld "
				    "could not be written\n",
				    (long long)l.v[i].id);
				rc = 1;
			}
		}
		if (l.n < CMD_RULES_PAGE || rc != 0)
			break;
		store_key_of(v, &l.v[l.n - 1], &key);
		have_key = 1;
		item_list_free(&l);
	}
	item_list_free(&l);
	return rc;
}

/* Run the rules over every waiting message: the inbox, then the spam. */
static int
cmd_rules_inbox(struct cmd_rules_run *r)
{
	if (cmd_rules_view(r, VIEW_INBOX) != 0)
		return 1;
	return cmd_rules_view(r, VIEW_SPAM);
}

/* Say how many messages each rule matched (text only). */
static void
cmd_rules_summary(const struct cmd_rules_run *r)
{
	const struct config	*cfg = r->env->cfg;
	size_t			 i;

	printf("\n%zu of %zu waiting messages would change; nothing was "
	    "changed (dry run)\n", r->changed, r->read);
	for (i = 0; i < cfg->nrules; i++) {
		printf("  %-20s %zu\n", rule_name(cfg->rules[i].rule),
		    r->matched[i]);
	}
}

/* The dry run: what the rules would change in the inbox; 0 or 1. */
static int
cmd_rules_dry_run(struct cmd_env *env, const struct cmd_rules_opts *o)
{
	struct cmd_rules_run	 r;
	char			*cause = NULL;
	int			 rc;

	memset(&r, 0, sizeof r);
	r.env = env;
	r.o = o;
	r.now = util_now();
	if (env->cfg->nrules == 0) {
		cmd_rules_list(env->cfg);
		return 0;
	}
	if (sorting_begin(&r.sc, env->store, env->cfg, r.now, &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return 1;
	}
	r.matched = xcalloc(env->cfg->nrules, sizeof *r.matched);
	rc = cmd_rules_inbox(&r);
	if (rc == 0 && !o->json)
		cmd_rules_summary(&r);
	free(r.matched);
	sorting_end(&r.sc);
	return rc;
}

/*
 * Sort the waiting messages again, the rules with them, for real (after
 * the owner changed the rules); the owner's own word stays. 0 or 1.
 */
static int
cmd_rules_run(struct cmd_env *env)
{
	char	*cause = NULL;
	size_t	 n = 0;

	if (store_sort_reset(env->store, &cause) != 0 ||
	    sorting_run(env->store, env->cfg, util_now(), &n, &cause) != 0) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
		return 1;
	}
	printf("%zu waiting message%s sorted again with %zu rule%s\n", n,
	    n == 1 ? "" : "s", env->cfg->nrules, env->cfg->nrules == 1 ? "" :
	    "s");
	return 0;
}

/* heed rules: list the rules, or with --dry-run what they would change. */
int
cmd_rules(struct cmd_env *env, int argc, char **argv)
{
	struct cmd_rules_opts	o;
	size_t			nrules;
	int			rc;

	if ((rc = cmd_rules_options(argc, argv, &o)) != 0)
		return rc;
	env->write = o.run;
	if (env->setup(env) != 0)
		return 1;
	if (o.dry_run && env->demo) {
		/*
		 * The demo inbox comes in with no rule run on it, so that
		 * the dry run shows what the rules do to it.
		 */
		nrules = env->cfg->nrules;
		env->cfg->nrules = 0;
		rc = cmd_demo_sync(env);
		env->cfg->nrules = nrules;
		if (rc != 0)
			return 1;
	}
	if (o.run)
		rc = cmd_rules_run(env);
	else if (!o.dry_run)
		cmd_rules_list(env->cfg);
	else
		rc = cmd_rules_dry_run(env, &o);
	if (fflush(stdout) != 0) {
		cmd_print(stderr, "heed: write error: %s\n", strerror(errno));
		rc = 1;
	}
	return rc;
}
