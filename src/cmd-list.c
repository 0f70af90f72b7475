/*
 * cmd-list.c -- heed list: print a view of the queue, as text or as lines
 * of JSON, for scripts; an item a line, or a conversation a line.
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
#include "filter.h"
#include "store.h"
#include "text.h"
#include "util.h"


/* An item's tags as a JSON array, each cleaned as the screen would. */
static json_t *
cmd_list_tags(const char *tags)
{
	json_t	*a = json_array();
	char	*copy, *p, *word, *clean;

	if (tags == NULL)
		return a;
	copy = xstrdup(tags);
	for (p = copy; (word = strsep(&p, " ")) != NULL;) {
		if (*word == '\0')
			continue;
		clean = cmd_clean(word, 0);
		json_array_append_new(a, json_string(clean));
		free(clean);
	}
	free(copy);
	return a;
}

/*
 * Print one item as a line of JSON; 0, or -1 if it could not be written.
 * What comes from the cache is sanitized first, as for the screen: an
 * older heed, or someone else, may have written escapes or bytes that are
 * not UTF-8 there, and JSON would carry the escapes on to whatever prints
 * its strings.
 */
static int
cmd_list_json(const struct item *it, int64_t now)
{
	json_t	*o;
	char	*s, *remote, *author, *handle, *text, *lang, *warning;
	int	 rc = -1;

	remote = cmd_clean(it->remote_id, 0);
	author = cmd_clean(it->author_name, 0);
	handle = cmd_clean(it->author_handle, 0);
	text = cmd_clean(it->text, 1);
	lang = cmd_clean(it->lang, 0);
	warning = cmd_clean(it->warning, 0);
	o = json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:I, s:I, s:s, s:b, s:b, "
	    "s:b, s:b, s:s?, s:s?, s:s?, s:s, s:o}", "id", (json_int_t)it->id,
	    "remote_id", remote, "author", author, "handle", handle, "text",
	    text, "created", (json_int_t)it->created, "waiting",
	    (json_int_t)(now - it->created), "status",
	    item_status_name(it->status), "own", it->own, "flagged",
	    it->flags != 0, "hidden", it->hidden != 0, "deleted",
	    it->deleted != 0, "lang", lang, "class", it->ckind >= 0 ?
	    classify_kind_name(it->ckind) : NULL, "needs_reply",
	    it->creply >= 0 ? classify_reply_name(it->creply) : NULL, "lane",
	    item_lane_name(it->lane), "tags", cmd_list_tags(it->tags));
	if (o != NULL && warning != NULL)
		json_object_set_new(o, "warning", json_string(warning));
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
	free(warning);
	return rc;
}

/* Print one item as a line of text: waiting time, author, first line. */
static void
cmd_list_line(const struct item *it, int64_t now)
{
	char	*author, *who, *text, age[16];

	util_format_age(now - it->created, age, sizeof age);
	author = cmd_clean(it->author_name != NULL ?
	    it->author_name : "?", 0);
	who = text_pad(author, 20);
	text = cmd_clean(it->text != NULL ? it->text : "", 1);
	text[strcspn(text, "\n")] = '\0';
	printf("%5s  %s  %s\n", age, who, text);
	free(author);
	free(who);
	free(text);
}

/* What heed list was asked for. */
struct cmd_list_opts {
	int			 view;
	int			 json;
	int			 conversations;
	int64_t			 limit;
	const char		*saved;		/* a saved view's name */
	const char		*filter;	/* --filter */
	struct store_filter	 f;		/* both, parsed */
};

/* Read heed list's options; 0, or the exit status of a usage error. */
static int
cmd_list_options(int argc, char **argv, struct cmd_list_opts *o)
{
	static const struct option longopts[] = {
		{ "view", required_argument, NULL, 'v' },
		{ "json", no_argument, NULL, 'j' },
		{ "conversations", no_argument, NULL, 'c' },
		{ "limit", required_argument, NULL, 'n' },
		{ "filter", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	o->view = VIEW_INBOX;
	o->json = 0;
	o->conversations = 0;
	o->limit = INT64_MAX;
	o->saved = o->filter = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			/* Not one of heed's own: a saved view, looked up later. */
			o->view = store_view_find(optarg);
			if (o->view != -1 && strcmp(optarg,
			    store_view_word((enum store_view)o->view)) != 0)
				o->view = -1;
			o->saved = o->view == -1 ? optarg : NULL;
			if (o->saved != NULL)
				o->view = VIEW_INBOX;
			break;
		case 'f':
			o->filter = optarg;
			break;
		case 'j':
			o->json = 1;
			break;
		case 'c':
			o->conversations = 1;
			break;
		case 'n':
			if (util_parse_int(optarg, 1, INT64_MAX,
			    &o->limit) != 0) {
				cmd_print(stderr, "heed list: --limit takes a "
				    "positive number\n");
				return CMD_EXIT_USAGE;
			}
			break;
		default:
			return CMD_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_print(stderr, "heed list: unexpected %s\n", argv[optind]);
		return CMD_EXIT_USAGE;
	}
	return 0;
}

/*
 * Find the saved view asked for, and parse its filter and --filter's
 * together (--filter's terms win) into o->f; 0, or an exit status.
 */
static int
cmd_list_filter(struct cmd_env *env, struct cmd_list_opts *o)
{
	const struct config_view	*v = NULL;
	struct buf			 b;
	char				*cause = NULL;
	size_t				 i;
	int				 rc;

	memset(&o->f, 0, sizeof o->f);
	if (o->saved != NULL &&
	    (v = config_view_find(env->cfg, o->saved)) == NULL) {
		buf_init(&b, 0);
		for (i = 0; i < env->cfg->nviews; i++)
			buf_printf(&b, ", %s", env->cfg->views[i].name);
		cmd_print(stderr, "heed list: --view inbox, flagged, snoozed, "
		    "done, all, spam%s (no view is named %s)\n", b.len > 0 ?
		    b.data : "", o->saved);
		buf_free(&b);
		return CMD_EXIT_USAGE;
	}
	if (v != NULL)
		o->view = v->from;
	buf_init(&b, 0);
	buf_printf(&b, "%s %s", v != NULL ? v->filter : "", o->filter != NULL ?
	    o->filter : "");
	rc = filter_parse(env->store, b.data, &o->f, &cause);
	buf_free(&b);
	if (rc != 0) {
		cmd_print(stderr, "heed list: %s%s: %s\n", v != NULL ?
		    "view " : "--filter", v != NULL ? v->name : "", cause);
		free(cause);
		return CMD_EXIT_USAGE;
	}
	return 0;
}

/* Print the view a page at a time from the store; 0, or 1 on an error. */
static int
cmd_list_print(struct cmd_env *env, const struct cmd_list_opts *o)
{
	struct item_list	 l;
	struct store_key	 key;
	enum store_view		 view = (enum store_view)o->view;
	char			*cause = NULL;
	int			 rc = 0, have_key = 0;
	int64_t			 shown = 0, now = util_now();
	size_t			 i;

	memset(&l, 0, sizeof l);
	for (;;) {
		if (store_queue_page(env->store, view, &o->f,
		    have_key ? &key : NULL, 1, 200, &l, &cause) != 0) {
			cmd_print(stderr, "heed: %s\n", cause);
			free(cause);
			rc = 1;
			break;
		}
		for (i = 0; i < l.n && shown < o->limit && rc == 0; i++) {
			if (!o->json)
				cmd_list_line(&l.v[i], now);
			else if (cmd_list_json(&l.v[i], now) != 0) {
				cmd_print(stderr, "heed list: item %lld could "
				    "not be written\n", (long long)l.v[i].id);
				rc = 1;
			}
			shown++;
		}
		if (l.n < 200 || shown >= o->limit || rc != 0)
			break;
		store_key_of(view, &l.v[l.n - 1], &key);
		have_key = 1;
		item_list_free(&l);
	}
	item_list_free(&l);
	return rc;
}

/* The name of an account by id, from a list of them; "" if none. */
static const char *
cmd_list_account(const struct store_account *a, size_t n, int64_t id)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (a[i].id == id)
			return a[i].name;
	}
	return "";
}

/* Print a conversation as a line of JSON; 0, or -1 if it was not. */
static int
cmd_list_conv_json(const struct store_conv *c, const struct item *head,
    const char *account, int64_t now)
{
	json_t	*o, *ids;
	char	*s, *author, *handle, *text, *platform;
	size_t	 i;
	int	 rc = -1;

	author = cmd_clean(c->author_name, 0);
	handle = cmd_clean(c->author_handle, 0);
	text = cmd_clean(c->text, 1);
	platform = cmd_clean(c->platform, 0);
	ids = json_array();
	for (i = 0; i < c->n; i++)
		json_array_append_new(ids, json_integer((json_int_t)c->ids[i]));
	o = json_pack("{s:I, s:o, s:s, s:s?, s:s?, s:s?, s:s?, s:I, s:I, "
	    "s:I, s:I, s:I, s:s?, s:s, s:o}", "id", (json_int_t)(c->n > 0 ?
	    c->ids[0] : 0),
	    "ids", ids, "account", account, "platform", platform, "author",
	    author, "handle", handle, "text", text, "first",
	    (json_int_t)c->first, "newest", (json_int_t)c->newest, "waiting",
	    (json_int_t)(now - c->first), "messages", (json_int_t)c->n,
	    "last_answer", (json_int_t)c->last_answer, "class",
	    head->ckind >= 0 ? classify_kind_name(head->ckind) : NULL, "lane",
	    item_lane_name(head->lane), "tags", cmd_list_tags(head->tags));
	if (o != NULL && (s = json_dumps(o, JSON_COMPACT)) != NULL) {
		rc = fputs(s, stdout) == EOF || putchar('\n') == EOF ? -1 : 0;
		free(s);
	}
	json_decref(o);
	free(author);
	free(handle);
	free(text);
	free(platform);
	return rc;
}

/*
 * Print a conversation as a line of text: how long it has waited since
 * its first message, the author, how many messages, and the first line
 * of the newest.
 */
static void
cmd_list_conv_line(const struct store_conv *c, int64_t now)
{
	char	*author, *who, *text, age[16];

	util_format_age(now - c->first, age, sizeof age);
	author = cmd_clean(c->author_name != NULL ? c->author_name :
	    "?", 0);
	who = text_pad(author, 20);
	text = cmd_clean(c->text != NULL ? c->text : "", 1);
	text[strcspn(text, "\n")] = '\0';
	printf("%5s  %s  %3zu  %s\n", age, who, c->n, text);
	free(author);
	free(who);
	free(text);
}

/* Print one page of conversations; 0, or 1 if one could not be. */
static int
cmd_list_conv_rows(const struct store_conv_list *l,
    const struct item_list *heads, const struct cmd_list_opts *o,
    const struct store_account *a, size_t na, int64_t *shown)
{
	size_t	i;
	int64_t	now = util_now();

	for (i = 0; i < l->n && *shown < o->limit; i++) {
		(*shown)++;
		if (!o->json)
			cmd_list_conv_line(&l->v[i], now);
		else if (cmd_list_conv_json(&l->v[i], &heads->v[i],
		    cmd_list_account(a, na, l->v[i].account_id), now) != 0) {
			cmd_print(stderr, "heed list: the conversation of item "
			    "%lld could not be written\n",
			    (long long)l->v[i].key.id);
			return 1;
		}
	}
	return 0;
}

/* Print the view as conversations, a page at a time; 0, or 1. */
static int
cmd_list_print_conv(struct cmd_env *env, const struct cmd_list_opts *o)
{
	struct store_conv_list	 l;
	struct item_list	 heads;
	struct store_account	*a = NULL;
	struct store_key	 key;
	size_t			 na = 0;
	int64_t			 shown = 0;
	char			*cause = NULL;
	int			 rc = 0, have_key = 0;

	memset(&l, 0, sizeof l);
	memset(&heads, 0, sizeof heads);
	if (store_account_list(env->store, &a, &na, &cause) != 0)
		rc = 1;
	while (rc == 0) {
		if (store_conv_page(env->store, (enum store_view)o->view,
		    &o->f, have_key ? &key : NULL, 1, 200, &heads, &l,
		    &cause) != 0) {
			rc = 1;
			break;
		}
		rc = cmd_list_conv_rows(&l, &heads, o, a, na, &shown);
		if (l.n < 200 || shown >= o->limit)
			break;
		key = l.v[l.n - 1].key;
		have_key = 1;
		store_conv_list_free(&l);
		item_list_free(&heads);
	}
	item_list_free(&heads);
	if (cause != NULL) {
		cmd_print(stderr, "heed: %s\n", cause);
		free(cause);
	}
	store_conv_list_free(&l);
	store_account_list_free(a, na);
	return rc;
}

/* heed list: print a view, a page at a time from the store. */
int
cmd_list(struct cmd_env *env, int argc, char **argv)
{
	struct cmd_list_opts	o;
	int			rc;

	if ((rc = cmd_list_options(argc, argv, &o)) != 0)
		return rc;
	if (env->setup(env) != 0)
		return 1;
	if (env->demo && cmd_demo_sync(env) != 0)
		return 1;
	if ((rc = cmd_list_filter(env, &o)) != 0)
		return rc;
	rc = o.conversations ? cmd_list_print_conv(env, &o) :
	    cmd_list_print(env, &o);
	filter_clear(&o.f);
	if (fflush(stdout) != 0) {
		cmd_print(stderr, "heed: write error: %s\n", strerror(errno));
		rc = 1;
	}
	return rc;
}
