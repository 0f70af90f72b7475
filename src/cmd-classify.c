/*
 * cmd-classify.c -- heed classify: the kind (complaint, question, praise,
 * spam, other), whether it needs a reply and how urgent it is, of every
 * line of a file or standard input, as heed's classifier sees it. A line
 * is a text, or a JSON object with "text", "lang" and the other signals.
 * With --eval the lines carry the expected "kind" and "reply", and what
 * it prints is how often the classifier agrees: precision and recall per
 * kind and per language.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "cmd.h"
#include "json.h"
#include "text.h"
#include "util.h"

#define CLASSIFY_LINE_MAX	(1024 * 1024)
#define CLASSIFY_LANGS		32

/* What heed classify was asked for. */
struct cmd_classify_opts {
	int		 json;
	int		 eval;
	int		 misses;
	const char	*lang;
	const char	*shop;
	const char	*file;
};

/* One line read: the text, its signals and, for --eval, its labels. */
struct cmd_classify_line {
	char			*text;
	char			*lang;
	char			*author;
	char			*shop;
	struct classify_signals	 sig;
	enum classify_kind	 want;
	enum classify_reply	 want_reply;
};

/* The tally of one language for --eval. */
struct cmd_classify_lang {
	char			*code;
	struct classify_tally	 tally;
};

/* What --eval counts. */
struct cmd_classify_eval {
	struct classify_tally		 all;
	struct cmd_classify_lang	 lang[CLASSIFY_LANGS];
	size_t				 nlang;
};

/* Free what a line holds. */
static void
cmd_classify_line_free(struct cmd_classify_line *l)
{
	free(l->text);
	free(l->lang);
	free(l->author);
	free(l->shop);
	memset(l, 0, sizeof *l);
}

/* Copy the string member key of o, or NULL; -1 if it is not a string. */
static int
cmd_classify_str(const json_t *o, const char *key, char **out)
{
	const json_t	*v = json_object_get(o, key);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	*out = text_sanitize_line(json_string_value(v), json_string_length(v));
	return 0;
}

/* Read a member that must be true or false into *flag; 0, or -1. */
static int
cmd_classify_bool(const json_t *o, const char *key, int *flag)
{
	const json_t	*v = json_object_get(o, key);

	if (v == NULL)
		return 0;
	if (!json_is_boolean(v))
		return -1;
	*flag = json_is_true(v);
	return 0;
}

/* Read the signals of a JSON line besides its text; 0, or -1 with *why
 * naming the member that is wrong. */
static int
cmd_classify_signals(const json_t *o, struct cmd_classify_line *l,
    const char **why)
{
	const json_t	*v = json_object_get(o, "author_threads");

	if (cmd_classify_str(o, "lang", &l->lang) != 0)
		*why = "\"lang\" is not a string";
	else if (cmd_classify_str(o, "author", &l->author) != 0)
		*why = "\"author\" is not a string";
	else if (cmd_classify_str(o, "shop", &l->shop) != 0)
		*why = "\"shop\" is not a string";
	else if (cmd_classify_bool(o, "followup", &l->sig.followup) != 0)
		*why = "\"followup\" is not true or false";
	else if (cmd_classify_bool(o, "has_link", &l->sig.has_link) != 0)
		*why = "\"has_link\" is not true or false";
	else if (v != NULL && (!json_is_integer(v) ||
	    json_integer_value(v) < 0 || json_integer_value(v) > 1000000))
		*why = "\"author_threads\" is not a number of threads";
	else {
		if (v != NULL)
			l->sig.author_threads = (int)json_integer_value(v);
		return 0;
	}
	return -1;
}

/* Read the labels of a JSON line for --eval; 0, or -1 with *why. */
static int
cmd_classify_labels(const json_t *o, struct cmd_classify_line *l,
    const char **why)
{
	const json_t	*kind = json_object_get(o, "kind");
	const json_t	*reply = json_object_get(o, "reply");

	if (!json_is_string(kind) || classify_kind_parse(json_string_value(
	    kind), &l->want) != 0)
		*why = "\"kind\" is not complaint, question, praise, spam or "
		    "other";
	else if (!json_is_string(reply) || classify_reply_parse(
	    json_string_value(reply), &l->want_reply) != 0)
		*why = "\"reply\" is not yes, no or unclear";
	else
		return 0;
	return -1;
}

/*
 * Read one line of JSON into l; 0, or -1 once the error is said, with
 * where (FILE:LINE).
 */
static int
cmd_classify_json(const char *where, const char *s, size_t len,
    const struct cmd_classify_opts *o, struct cmd_classify_line *l)
{
	json_t		*doc;
	const json_t	*text;
	const char	*why = NULL;
	char		*msg;

	/* heed's own reader: one arena a line, not a malloc a member. */
	if ((doc = jdoc_parse(s, len, &msg)) == NULL) {
		cmd_print(stderr, "heed classify: %s: not valid JSON: %s\n",
		    where, msg);
		free(msg);
		return -1;
	}
	text = json_object_get(doc, "text");
	if (!json_is_object(doc))
		why = "not a JSON object";
	else if (!json_is_string(text))
		why = "no \"text\" string";
	else if (cmd_classify_signals(doc, l, &why) == 0 && o->eval)
		cmd_classify_labels(doc, l, &why);
	if (why == NULL)
		l->text = text_sanitize(json_string_value(text),
		    json_string_length(text));
	jdoc_free(doc);
	if (why != NULL) {
		cmd_print(stderr, "heed classify: %s: %s\n", where, why);
		return -1;
	}
	return 0;
}

/* Print what was found for a line: tab-parted text, or a JSON object. */
static int
cmd_classify_print(const struct cmd_classify_opts *o, size_t lineno,
    const struct cmd_classify_line *l, const struct classify_result *r)
{
	json_t	*j;
	char	*s, *text;
	int	 rc = 0;

	if (!o->json) {
		text = text_sanitize_line(l->text, strlen(l->text));
		printf("%s\t%s\t%d\t%s\t%s\n", classify_kind_name(r->kind),
		    classify_reply_name(r->reply), r->urgency, r->why, text);
		free(text);
		return 0;
	}
	j = json_pack("{s:I, s:s, s:s, s:i, s:s, s:s, s:s}", "line",
	    (json_int_t)lineno, "kind", classify_kind_name(r->kind), "reply",
	    classify_reply_name(r->reply), "urgency", r->urgency, "lang",
	    r->lang, "why", r->why, "text", l->text);
	if (j == NULL || (s = json_dumps(j, JSON_COMPACT)) == NULL)
		rc = -1;
	else {
		rc = fputs(s, stdout) == EOF || putchar('\n') == EOF ? -1 : 0;
		free(s);
	}
	json_decref(j);
	return rc;
}

/* The tally of a language for --eval, made on first use; NULL when there
 * are too many languages to count apart. */
static struct classify_tally *
cmd_classify_lang_tally(struct cmd_classify_eval *e, const char *code)
{
	size_t	i;

	if (code == NULL || *code == '\0')
		code = "?";
	for (i = 0; i < e->nlang; i++) {
		if (strcmp(e->lang[i].code, code) == 0)
			return &e->lang[i].tally;
	}
	if (e->nlang == CLASSIFY_LANGS)
		return NULL;
	e->lang[e->nlang].code = xstrdup(code);
	return &e->lang[e->nlang++].tally;
}

/* Count a line for --eval; with --misses, say where it went wrong. */
static void
cmd_classify_count(const struct cmd_classify_opts *o,
    struct cmd_classify_eval *e, const char *where,
    const struct cmd_classify_line *l, const struct classify_result *r)
{
	struct classify_tally	*t;
	char			*text;

	classify_tally_add(&e->all, l->want, l->want_reply, r->kind, r->reply);
	if ((t = cmd_classify_lang_tally(e, l->sig.lang)) != NULL)
		classify_tally_add(t, l->want, l->want_reply, r->kind,
		    r->reply);
	if (!o->misses || (l->want == r->kind && l->want_reply == r->reply))
		return;
	text = text_quote(l->text, 100);
	cmd_print(stdout, "%s: expected %s/%s, got %s/%s (%s): %s\n", where,
	    classify_kind_name(l->want), classify_reply_name(l->want_reply),
	    classify_kind_name(r->kind), classify_reply_name(r->reply),
	    r->why, text);
	free(text);
}

/*
 * Classify one line (n bytes, without its newline) and print or count
 * it; a blank line is skipped. 0, or -1 once the error is said.
 */
static int
cmd_classify_one(const struct cmd_classify_opts *o, const char *where,
    const char *s, size_t n, size_t lineno, struct cmd_classify_eval *e)
{
	struct cmd_classify_line	 l;
	struct classify_result		 r;
	int				 rc = 0;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n == 0)
		return 0;
	memset(&l, 0, sizeof l);
	if (*s == '{') {
		if (cmd_classify_json(where, s, n, o, &l) != 0)
			return -1;
	} else if (o->eval) {
		cmd_print(stderr, "heed classify: %s: --eval reads JSON lines "
		    "with \"text\", \"kind\" and \"reply\"\n", where);
		return -1;
	} else
		l.text = text_sanitize(s, n);
	l.sig.lang = l.lang != NULL ? l.lang : o->lang;
	l.sig.author_name = l.author;
	l.sig.shop_name = l.shop != NULL ? l.shop : o->shop;
	classify_text(l.text, &l.sig, &r);
	if (o->eval)
		cmd_classify_count(o, e, where, &l, &r);
	else if (cmd_classify_print(o, lineno, &l, &r) != 0) {
		cmd_print(stderr, "heed classify: %s: could not write the "
		    "result\n", where);
		rc = -1;
	}
	cmd_classify_line_free(&l);
	return rc;
}

/* Read and classify every line of f (called name); 0, or -1 once said. */
static int
cmd_classify_read(const struct cmd_classify_opts *o, FILE *f,
    const char *name, struct cmd_classify_eval *e)
{
	char	*line = NULL, *where;
	size_t	 cap = 0, lineno = 0, n;
	ssize_t	 got;
	int	 rc = 0;

	while (rc == 0 && (got = getline(&line, &cap, f)) != -1) {
		n = (size_t)got;
		lineno++;
		where = xprintf("%s:%zu", name, lineno);
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (n > CLASSIFY_LINE_MAX) {
			cmd_print(stderr, "heed classify: %s: the line is "
			    "longer than %d bytes\n", where, CLASSIFY_LINE_MAX);
			rc = -1;
		} else
			rc = cmd_classify_one(o, where, line, n, lineno, e);
		free(where);
	}
	if (rc == 0 && ferror(f)) {
		cmd_print(stderr, "heed classify: %s: %s\n", name,
		    strerror(errno));
		rc = -1;
	}
	free(line);
	return rc;
}

/* Format a share as "0.93", or "-" when there is none, into buf. */
static const char *
cmd_classify_share(double v, char *buf, size_t size)
{
	if (v < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.2f", v);
	return buf;
}

/* Print precision and recall of each kind, beside the aims. */
static void
cmd_classify_report_kinds(const struct classify_tally *t)
{
	static const enum classify_kind	 order[] = {
		CLASSIFY_COMPLAINT, CLASSIFY_QUESTION, CLASSIFY_PRAISE,
		CLASSIFY_SPAM, CLASSIFY_OTHER
	};
	char				 p[16], r[16];
	const char			*aim;
	double				 pv, rv;
	unsigned			 n;
	size_t				 i;
	int				 j;

	printf("%-10s %9s %7s %9s   aim\n", "kind", "precision", "recall",
	    "expected");
	for (i = 0; i < nitems(order); i++) {
		for (n = 0, j = 0; j < CLASSIFY_KIND_COUNT; j++)
			n += t->kind[order[i]][j];
		pv = classify_tally_precision(t, order[i]);
		rv = classify_tally_recall(t, order[i]);
		aim = "";
		if (order[i] == CLASSIFY_COMPLAINT ||
		    order[i] == CLASSIFY_QUESTION)
			aim = pv >= 0.85 && rv >= 0.85 ? "   >= 0.85  met" :
			    "   >= 0.85  NOT MET";
		printf("%-10s %9s %7s %9u%s\n", classify_kind_name(order[i]),
		    cmd_classify_share(pv, p, sizeof p),
		    cmd_classify_share(rv, r, sizeof r), n, aim);
	}
}

/* Print how the needs-reply answers agree: precision and recall of yes. */
static void
cmd_classify_report_reply(const struct classify_tally *t)
{
	unsigned	yes_found = 0, yes_expected = 0, unclear = 0, right;
	char		p[16], r[16];
	int		i;

	for (i = 0; i < CLASSIFY_REPLY_COUNT; i++) {
		yes_found += t->reply[i][CLASSIFY_REPLY_YES];
		yes_expected += t->reply[CLASSIFY_REPLY_YES][i];
		unclear += t->reply[i][CLASSIFY_REPLY_UNCLEAR];
	}
	right = t->reply[CLASSIFY_REPLY_YES][CLASSIFY_REPLY_YES];
	printf("needs a reply: precision %s, recall %s; %u found unclear\n",
	    cmd_classify_share(yes_found == 0 ? -1 : (double)right /
	    yes_found, p, sizeof p), cmd_classify_share(yes_expected == 0 ?
	    -1 : (double)right / yes_expected, r, sizeof r), unclear);
}

/* Print what --eval counted: by kind, then by language. */
static void
cmd_classify_report(const struct cmd_classify_eval *e)
{
	const struct classify_tally	*t;
	char				 a[16], cp[16], cr[16], qp[16], qr[16];
	size_t				 i;

	printf("%u messages in %zu language%s\n\n", classify_tally_total(
	    &e->all), e->nlang, e->nlang == 1 ? "" : "s");
	cmd_classify_report_kinds(&e->all);
	printf("\nkind right: %s\n", cmd_classify_share(
	    classify_tally_accuracy(&e->all), a, sizeof a));
	cmd_classify_report_reply(&e->all);
	printf("\n%-5s %5s %6s   %-19s %s\n", "lang", "n", "right",
	    "complaint P / R", "question P / R");
	for (i = 0; i < e->nlang; i++) {
		t = &e->lang[i].tally;
		printf("%-5s %5u %6s   %4s / %-10s %4s / %s\n",
		    e->lang[i].code, classify_tally_total(t),
		    cmd_classify_share(classify_tally_accuracy(t), a, sizeof a),
		    cmd_classify_share(classify_tally_precision(t,
		    CLASSIFY_COMPLAINT), cp, sizeof cp),
		    cmd_classify_share(classify_tally_recall(t,
		    CLASSIFY_COMPLAINT), cr, sizeof cr),
		    cmd_classify_share(classify_tally_precision(t,
		    CLASSIFY_QUESTION), qp, sizeof qp),
		    cmd_classify_share(classify_tally_recall(t,
		    CLASSIFY_QUESTION), qr, sizeof qr));
	}
}

/* Read heed classify's options; 0, or the exit status of a usage error. */
static int
cmd_classify_options(int argc, char **argv, struct cmd_classify_opts *o)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "lang", required_argument, NULL, 'l' },
		{ "shop", required_argument, NULL, 's' },
		{ "eval", no_argument, NULL, 'e' },
		{ "misses", no_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	memset(o, 0, sizeof *o);
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			o->json = 1;
			break;
		case 'l':
			if (!classify_lang_known(optarg)) {
				cmd_print(stderr, "heed classify: --lang takes "
				    "one of %s, not %s\n", classify_lang_list(),
				    optarg);
				return CMD_EXIT_USAGE;
			}
			o->lang = optarg;
			break;
		case 's':
			o->shop = optarg;
			break;
		case 'e':
			o->eval = 1;
			break;
		case 'm':
			o->misses = 1;
			break;
		default:
			return CMD_EXIT_USAGE;
		}
	}
	if (argc - optind > 1) {
		cmd_print(stderr, "heed classify: one file at most, not %s "
		    "and %s\n", argv[optind], argv[optind + 1]);
		return CMD_EXIT_USAGE;
	}
	o->file = optind < argc ? argv[optind] : NULL;
	if ((o->misses && !o->eval) || (o->json && o->eval)) {
		cmd_print(stderr, "heed classify: %s\n", o->json ? "--json and "
		    "--eval do not go together" : "--misses goes with --eval");
		return CMD_EXIT_USAGE;
	}
	return 0;
}

/* heed classify: the kind and needs-reply of each line of a file. */
int
cmd_classify(struct cmd_env *env, int argc, char **argv)
{
	struct cmd_classify_opts	 o;
	struct cmd_classify_eval	*e;
	FILE				*f = stdin;
	const char			*name = "standard input";
	int				 rc;
	size_t				 i;

	(void)env;
	if ((rc = cmd_classify_options(argc, argv, &o)) != 0)
		return rc;
	if (o.file != NULL && strcmp(o.file, "-") != 0) {
		if ((f = fopen(o.file, "r")) == NULL) {
			cmd_print(stderr, "heed classify: %s: %s\n", o.file,
			    strerror(errno));
			return 1;
		}
		name = o.file;
	}
	e = xcalloc(1, sizeof *e);
	rc = cmd_classify_read(&o, f, name, e) == 0 ? 0 : 1;
	if (f != stdin)
		fclose(f);
	if (rc == 0 && o.eval)
		cmd_classify_report(e);
	for (i = 0; i < e->nlang; i++)
		free(e->lang[i].code);
	free(e);
	if (fflush(stdout) != 0) {
		cmd_print(stderr, "heed: write error: %s\n", strerror(errno));
		rc = 1;
	}
	return rc;
}
