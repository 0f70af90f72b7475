/*
 * config.c -- the configuration file.
 *
 * The syntax is line based: "name = value" options, "bind SCREEN KEY
 * ACTION" bindings, "[account NAME]" sections holding an account's options,
 * "[rule NAME]" sections holding the owner's rules (rules.h: each line is
 * the rule's to read) and a "[replies]" section of "name = text" saved
 * replies. A line whose
 * first non-blank character is # is a comment. A value may be quoted with
 * double quotes, inside which \" \\ and \n are escapes.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config-alert.h"
#include "config.h"
#include "guard.h"
#include "hours.h"
#include "store.h"
#include "platform.h"
#include "text.h"
#include "util.h"

#define CONFIG_MAX_SIZE		(1024 * 1024)
#define CONFIG_MAX_ACCOUNTS	16
#define CONFIG_MAX_RULES	200
#define CONFIG_MAX_VIEWS	20
#define CONFIG_QUOTE_WIDTH	40	/* columns of a value quoted back */


#define CONFIG_MAX_DURATIONS	8

/*
 * Parse durations in rising order, separated by spaces, each between lo
 * and hi, at most max of them, into v; the count, or -1 if bad.
 */
static int
config_parse_durations(const char *s, int64_t lo, int64_t hi, int64_t *v,
    size_t max)
{
	char	 word[32];
	size_t	 n = 0, len;
	int64_t	 d;

	for (;;) {
		s += strspn(s, " \t");
		if (*s == '\0')
			break;
		len = strcspn(s, " \t");
		if (len >= sizeof word || n == max)
			return -1;
		memcpy(word, s, len);
		word[len] = '\0';
		s += len;
		if (util_parse_duration(word, &d) != 0 || d < lo || d > hi ||
		    (n > 0 && d <= v[n - 1]))
			return -1;
		v[n++] = d;
	}
	return n == 0 ? -1 : (int)n;
}

/*
 * Make a value from the file fit to be quoted back in a message: without
 * control characters or escapes, on one line, cut to CONFIG_QUOTE_WIDTH
 * columns with an ellipsis. Only its start is looked at, so a huge line
 * costs nothing. Returns a new string.
 */
static char *
config_quote(const char *s)
{
	size_t	 len = strnlen(s, 4 * CONFIG_QUOTE_WIDTH + 1), n = len;
	char	*clean, *out;

	if (n > 4 * CONFIG_QUOTE_WIDTH) {
		n = 4 * CONFIG_QUOTE_WIDTH;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	clean = text_sanitize_line(s, n);
	out = text_first_line(clean, CONFIG_QUOTE_WIDTH);
	if (n < len && strcmp(out, clean) == 0) {
		free(out);
		out = xprintf("%s\xe2\x80\xa6", clean);
	}
	free(clean);
	return out;
}

/* A message with a value quoted in it (see config_quote); new string. */
static char *
config_msg(const char *before, const char *value, const char *after)
{
	char	*q, *msg;

	q = config_quote(value);
	msg = xprintf("%s%s%s", before, q, after);
	free(q);
	return msg;
}

/* Parse a value for an option into v; NULL on success or a message. */
static const char *
config_convert(const struct config_option *o, const char *s,
    struct config_value *v)
{
	int64_t	tmp[CONFIG_MAX_DURATIONS];
	size_t	i;

	switch (o->type) {
	case CONFIG_BOOL:
		if (strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0 ||
		    strcasecmp(s, "on") == 0 || strcmp(s, "1") == 0)
			v->i = 1;
		else if (strcasecmp(s, "no") == 0 ||
		    strcasecmp(s, "false") == 0 ||
		    strcasecmp(s, "off") == 0 || strcmp(s, "0") == 0)
			v->i = 0;
		else
			return "expected yes or no";
		break;
	case CONFIG_INT:
		if (util_parse_int(s, o->min, o->max, &v->i) != 0)
			return "expected a whole number in range";
		break;
	case CONFIG_DURATION:
		if (util_parse_duration(s, &v->i) != 0)
			return "expected a duration such as 30s, 15m, 4h or 2d";
		if (v->i < o->min || v->i > o->max)
			return "duration out of range";
		break;
	case CONFIG_ENUM:
		for (i = 0; o->choices[i] != NULL; i++) {
			if (strcmp(o->choices[i], s) == 0)
				break;
		}
		if (o->choices[i] == NULL)
			return "not one of the allowed values";
		v->i = (int64_t)i;
		break;
	case CONFIG_DURATIONS:
		if (config_parse_durations(s, o->min, o->max, tmp,
		    nitems(tmp)) < 0)
			return "expected durations in rising order, such as "
			    "1m 3m 10m";
		break;
	case CONFIG_STRING:
		break;
	}
	free(v->s);
	v->s = xstrdup(s);
	v->set = 1;
	return NULL;
}

/* Describe the allowed range of an option for an error message. */
static char *
config_describe(const struct config_option *o)
{
	struct buf	b;
	size_t		i;
	char		lo[16], hi[16];

	buf_init(&b, 0);
	switch (o->type) {
	case CONFIG_INT:
		buf_printf(&b, " (%lld to %lld)", (long long)o->min,
		    (long long)o->max);
		break;
	case CONFIG_DURATIONS:
		buf_printf(&b, " (at most %d)", CONFIG_MAX_DURATIONS);
		/* FALLTHROUGH */
	case CONFIG_DURATION:
		util_format_age(o->min, lo, sizeof lo);
		util_format_age(o->max, hi, sizeof hi);
		buf_printf(&b, " (%s to %s)", lo, hi);
		break;
	case CONFIG_ENUM:
		buf_addstr(&b, ":");
		for (i = 0; o->choices[i] != NULL; i++)
			buf_printf(&b, " %s", o->choices[i]);
		break;
	}
	return buf_steal(&b);
}

/* Set the defaults. */
void
config_init(struct config *cfg)
{
	size_t	i;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < OPT_COUNT; i++) {
		if (config_convert(&config_options_table[i], config_options_table[i].def,
		    &cfg->v[i]) != NULL)
			fatal("bad default for %s", config_options_table[i].name);
		cfg->v[i].set = 0;
	}
	keymap_init_defaults(&cfg->keys);
}

/* Find an option by name. */
static int
config_find(const char *name)
{
	int	i;

	for (i = 0; i < OPT_COUNT; i++) {
		if (strcmp(config_options_table[i].name, name) == 0)
			return i;
	}
	return -1;
}

/* Unquote a value in place: "a \"b\"\n" -> a "b" + newline. */
static const char *
config_unquote(char *s)
{
	char	*r, *w;

	if (*s != '"')
		return NULL;
	for (r = s + 1, w = s; *r != '"'; r++) {
		if (*r == '\0')
			return "missing closing quote";
		if (*r == '\\') {
			r++;
			if (*r == 'n')
				*w++ = '\n';
			else if (*r == '"' || *r == '\\')
				*w++ = *r;
			else
				return "unknown escape (use \\\", \\\\ or \\n)";
		} else
			*w++ = *r;
	}
	if (*util_trim(r + 1) != '\0')
		return "text after the closing quote";
	*w = '\0';
	return NULL;
}

/* Add an account with no options set. */
struct config_account *
config_account_add(struct config *cfg, const char *name)
{
	struct config_account	*a;

	cfg->accounts = xreallocarray(cfg->accounts, cfg->naccounts + 1,
	    sizeof *cfg->accounts);
	a = &cfg->accounts[cfg->naccounts++];
	memset(a, 0, sizeof *a);
	a->name = xstrdup(name);
	return a;
}

/* Set an account option from a string known to be valid. */
void
config_account_set(struct config_account *a, enum config_opt opt,
    const char *value)
{
	if (config_convert(&config_options_table[opt], value, &a->v[opt]) != NULL)
		fatal("bad value for %s", config_options_table[opt].name);
}

/* Find an account by name. */
const struct config_account *
config_account_find(const struct config *cfg, const char *name)
{
	size_t	i;

	for (i = 0; i < cfg->naccounts; i++) {
		if (strcmp(cfg->accounts[i].name, name) == 0)
			return &cfg->accounts[i];
	}
	return NULL;
}

/* Return 1 if s is a usable account or reply name. */
static int
config_valid_name(const char *s)
{
	const char	*p;

	if (*s == '\0' || strlen(s) > 64)
		return 0;
	for (p = s; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '.'))
			return 0;
	}
	return 1;
}

enum config_section {
	SECTION_GLOBAL,
	SECTION_ACCOUNT,
	SECTION_REPLIES,
	SECTION_RULE,
	SECTION_VIEW
};



struct config_parser {
	struct config		*cfg;
	enum config_section	 section;
	struct config_account	*account;
	int			 lineno;
};

/* Handle "[rule NAME]"; NULL or a new message. */
static char *
config_rule_section(struct config_parser *p, char *name, int lineno)
{
	struct config_rule	*r;
	size_t			 i;

	if (!config_valid_name(name))
		return config_msg("bad rule name \"", name, "\" (letters, "
		    "digits, - _ . only)");
	for (i = 0; i < p->cfg->nrules; i++) {
		if (strcmp(rule_name(p->cfg->rules[i].rule), name) == 0)
			return xprintf("rule %s is defined twice", name);
	}
	if (p->cfg->nrules == CONFIG_MAX_RULES)
		return xprintf("too many rules (at most %d)", CONFIG_MAX_RULES);
	p->cfg->rules = xreallocarray(p->cfg->rules, p->cfg->nrules + 1,
	    sizeof *p->cfg->rules);
	r = &p->cfg->rules[p->cfg->nrules++];
	r->rule = rule_new(name);
	r->line = lineno;
	p->section = SECTION_RULE;
	return NULL;
}

/* Handle "[view NAME]"; NULL or a new message. */
static char *
config_view_section(struct config_parser *p, char *name, int lineno)
{
	struct config_view	*v;

	if (!config_valid_name(name))
		return config_msg("bad view name \"", name, "\" (letters, "
		    "digits, - _ . only)");
	if (store_view_find(name) != -1)
		return xprintf("view %s is one of heed's own: choose another "
		    "name", name);
	if (config_view_find(p->cfg, name) != NULL)
		return xprintf("view %s is defined twice", name);
	if (p->cfg->nviews == CONFIG_MAX_VIEWS)
		return xprintf("too many views (at most %d)", CONFIG_MAX_VIEWS);
	p->cfg->views = xreallocarray(p->cfg->views, p->cfg->nviews + 1,
	    sizeof *p->cfg->views);
	v = &p->cfg->views[p->cfg->nviews++];
	memset(v, 0, sizeof *v);
	v->name = xstrdup(name);
	v->line = lineno;
	p->section = SECTION_VIEW;
	return NULL;
}

/* Handle "name = value" in a [view NAME] section; NULL or a message. */
static char *
config_view_assign(struct config_parser *p, const char *name,
    const char *value)
{
	struct config_view	*v = &p->cfg->views[p->cfg->nviews - 1];
	int			 from;

	if (strcmp(name, "filter") == 0) {
		free(v->filter);
		v->filter = xstrdup(value);
		return NULL;
	}
	if (strcmp(name, "from") != 0)
		return config_msg("unknown key \"", name, "\" in a view "
		    "(filter, from)");
	if ((from = store_view_find(value)) != -1 &&
	    strcmp(store_view_word((enum store_view)from), value) == 0) {
		v->from = from;
		return NULL;
	}
	return config_msg("from = \"", value, "\": one of inbox, flagged, "
	    "snoozed, done, all or spam");
}

/* The business hours of an account, or of the top of the file; see config.h. */
int
config_hours(const struct config *cfg, const struct config_account *a,
    struct hours *h, char **cause)
{
	const char	*tz = config_str(cfg, a, OPT_TIME_ZONE);

	return hours_parse(h, config_str(cfg, a, OPT_HOURS),
	    config_str(cfg, a, OPT_CLOSED), *tz != '\0' ? tz : NULL, cause);
}

/* The quiet hours the config sets, in its time zone; see config.h. */
int
config_quiet(const struct config *cfg, struct hours *h, char **cause)
{
	const char	*tz = config_str(cfg, NULL, OPT_TIME_ZONE);

	return config_quiet_parse(config_str(cfg, NULL, OPT_QUIET_HOURS),
	    *tz != '\0' ? tz : NULL, h, cause);
}

/* Check the business hours of an account (NULL: the top's); a message. */
static char *
config_hours_check(const struct config *cfg, const struct config_account *a)
{
	struct hours	 h;
	char		*cause = NULL, *msg;

	if (config_hours(cfg, a, &h, &cause) == 0) {
		hours_free(&h);
		return NULL;
	}
	msg = a != NULL ? xprintf("account %s: %s", a->name, cause) :
	    xstrdup(cause);
	free(cause);
	return msg;
}

/* The saved view of a name, or NULL. */
const struct config_view *
config_view_find(const struct config *cfg, const char *name)
{
	size_t	i;

	for (i = 0; i < cfg->nviews; i++) {
		if (strcmp(cfg->views[i].name, name) == 0)
			return &cfg->views[i];
	}
	return NULL;
}

/*
 * Check the words of alert or the span of quiet_hours as they are read,
 * so that a mistake names its line; a message, or NULL.
 */
static char *
config_alert_check(int opt, const char *value)
{
	struct hours	 h;
	char		*cause = NULL, *msg, *q;
	int		 ways, rc;

	if (opt == OPT_ALERT)
		rc = config_alert_ways(value, &ways, &cause);
	else if ((rc = config_quiet_parse(value, "UTC", &h, &cause)) == 0)
		hours_free(&h);
	if (rc != -1)
		return NULL;
	q = config_quote(value);
	msg = xprintf("%s = %s: %s", config_options_table[opt].name, q,
	    cause);
	free(q);
	free(cause);
	return msg;
}

/* Tell whether a section header starts with a word and a blank. */
static int
config_header_is(const char *name, const char *word)
{
	size_t	n = strlen(word);

	return strncmp(name, word, n) == 0 && (name[n] == ' ' ||
	    name[n] == '\t');
}

/*
 * Whether a value of language is a language code: empty (the locale's),
 * or two or three letters, then perhaps a region or script of two to
 * four letters or digits after '_' or '-' ("en", "de_AT", "zh-Hans").
 */
static int
config_language_ok(const char *v)
{
	size_t	n = strspn(v, "abcdefghijklmnopqrstuvwxyz"), m;

	if (*v == '\0')
		return 1;
	if (n < 2 || n > 3)
		return 0;
	if (v[n] == '\0')
		return 1;
	if (v[n] != '_' && v[n] != '-')
		return 0;
	m = strspn(v + n + 1, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	return m >= 2 && m <= 4 && v[n + 1 + m] == '\0';
}

/*
 * Handle "[account NAME]", "[rule NAME]" or "[replies]"; NULL or a new
 * message.
 */
static char *
config_section(struct config_parser *p, char *line, int lineno)
{
	char	*end, *name;

	if ((end = strchr(line, ']')) == NULL || *util_trim(end + 1) != '\0')
		return xstrdup("a section header must end with ]");
	*end = '\0';
	name = util_trim(line + 1);
	if (strcmp(name, "replies") == 0) {
		p->section = SECTION_REPLIES;
		return NULL;
	}
	if (config_header_is(name, "rule"))
		return config_rule_section(p, util_trim(name + 4), lineno);
	if (config_header_is(name, "view"))
		return config_view_section(p, util_trim(name + 4), lineno);
	if (!config_header_is(name, "account"))
		return config_msg("unknown section [", name, "] (expected "
		    "[account NAME], [rule NAME], [view NAME] or [replies])");
	name = util_trim(name + 7);
	if (!config_valid_name(name))
		return config_msg("bad account name \"", name, "\" (letters, "
		    "digits, - _ . only)");
	if (config_account_find(p->cfg, name) != NULL)
		return xprintf("account %s is defined twice", name);
	if (p->cfg->naccounts == CONFIG_MAX_ACCOUNTS)
		return xprintf("too many accounts (at most %d)",
		    CONFIG_MAX_ACCOUNTS);
	p->account = config_account_add(p->cfg, name);
	p->account->line = lineno;
	p->section = SECTION_ACCOUNT;
	return NULL;
}

/* Handle "bind SCREEN KEY ACTION"; NULL or a new message. */
static char *
config_bind(struct config_parser *p, char *args)
{
	char		*words[4], *save = args;
	size_t		 n = 0;
	int		 screen, action;
	uint32_t	 key;

	while (n < nitems(words)) {
		while (*save == ' ' || *save == '\t')
			save++;
		if (*save == '\0')
			break;
		words[n++] = save;
		while (*save != '\0' && *save != ' ' && *save != '\t')
			save++;
		if (*save != '\0')
			*save++ = '\0';
	}
	if (n != 3)
		return xstrdup("expected bind SCREEN KEY ACTION");
	if ((screen = keys_screen_from_name(words[0])) == -1)
		return config_msg("unknown screen \"", words[0], "\" (queue, "
		    "thread, compose or outbox)");
	if (keys_parse(words[1], &key) != 0)
		return config_msg("unknown key \"", words[1], "\"");
	if ((action = keys_action_from_name(words[2])) == -1)
		return config_msg("unknown action \"", words[2], "\"");
	if (!keys_action_on(action, screen))
		return xprintf("action %s does not apply to the %s screen",
		    words[2], words[0]);
	keymap_bind(&p->cfg->keys, screen, key, action);
	return NULL;
}

/*
 * Check what an option's value says beyond its type: a platform heed
 * has, a language code, ways to alert and quiet hours, protected words;
 * NULL, or a new message.
 */
static char *
config_value_check(int i, const char *value)
{
	char	**words = NULL, *msg, *q, *err = NULL;
	size_t	  nwords = 0;

	if (i == OPT_PLATFORM && platform_find(value) == NULL)
		return config_msg("unknown platform \"", value, "\"");
	if (i == OPT_LANGUAGE && !config_language_ok(value)) {
		q = config_quote(value);
		msg = xprintf("language = %s: not a language code such as en, "
		    "nl or de_AT", q);
		free(q);
		return msg;
	}
	if (i == OPT_ALERT || i == OPT_QUIET_HOURS)
		return config_alert_check(i, value);
	if (i == OPT_PROTECT && guard_protect_parse(value, &words, &nwords,
	    &err) != 0) {
		msg = xprintf("protect: %s", err);
		free(err);
		return msg;
	}
	guard_protect_free(words, nwords);
	return NULL;
}

/* Handle "name = value" in the current section. */
static char *
config_assign(struct config_parser *p, char *name, char *value)
{
	const struct config_option	*o;
	struct config_value		*v;
	struct config_reply		*r;
	const char			*err;
	char				*range, *msg, *q, *err2 = NULL;
	int				 i;

	/* protect quotes each name of its list itself ("a, b", c). */
	if (strcmp(name, "protect") != 0 &&
	    (err = config_unquote(value)) != NULL) {
		q = config_quote(name);
		msg = xprintf("%s: %s", q, err);
		free(q);
		return msg;
	}
	if (p->section == SECTION_VIEW)
		return config_view_assign(p, name, value);
	if (p->section == SECTION_RULE) {
		if (rule_set(p->cfg->rules[p->cfg->nrules - 1].rule, name, value,
		    &err2) == 0)
			return NULL;
		return err2;
	}
	if (p->section == SECTION_REPLIES) {
		if (!config_valid_name(name))
			return config_msg("bad reply name \"", name, "\"");
		p->cfg->replies = xreallocarray(p->cfg->replies,
		    p->cfg->nreplies + 1, sizeof *p->cfg->replies);
		r = &p->cfg->replies[p->cfg->nreplies++];
		r->name = xstrdup(name);
		r->text = xstrdup(value);
		return NULL;
	}
	if ((i = config_find(name)) == -1)
		return config_msg("unknown option \"", name, "\"");
	o = &config_options_table[i];
	if (p->section == SECTION_ACCOUNT && !(o->scope & CONFIG_ACCOUNT))
		return xprintf("%s cannot be set per account", name);
	if (p->section == SECTION_GLOBAL && !(o->scope & CONFIG_GLOBAL))
		return xprintf("%s belongs in an [account NAME] section",
		    name);
	if (o->type == CONFIG_STRING && strchr(value, '\n') != NULL)
		return xprintf("%s: a line break (\\n) belongs only in a saved "
		    "reply", o->name);
	v = p->section == SECTION_ACCOUNT ? &p->account->v[i] :
	    &p->cfg->v[i];
	if ((err = config_convert(o, value, v)) != NULL) {
		range = config_describe(o);
		q = config_quote(value);
		msg = xprintf("%s = %s: %s%s", name, q, err, range);
		free(q);
		free(range);
		return msg;
	}
	if ((msg = config_value_check(i, value)) != NULL)
		return msg;
	if (p->section == SECTION_GLOBAL && (i == OPT_HOURS ||
	    i == OPT_CLOSED || i == OPT_TIME_ZONE))
		p->cfg->hours_line = p->lineno;
	return NULL;
}

/*
 * Return the first control character of a valid UTF-8 line (C0 but tab,
 * DEL, C1, a bidi control or mark: what text_sanitize removes), or 0. A
 * config has no use for them, and one written into a value would reach
 * the terminal wherever the value is shown.
 */
static uint32_t
config_control(const char *line)
{
	size_t		len = strlen(line), off = 0, at;
	uint32_t	cp;

	while ((at = text_find_unsafe(line + off, len - off, &cp)) <
	    len - off) {
		if (cp != '\t')
			return cp;
		off += at + 1;
	}
	return 0;
}

/* Handle one line; NULL or a new message. */
static char *
config_line(struct config_parser *p, char *line, int lineno)
{
	char		*eq, *name;
	uint32_t	 cp;

	p->lineno = lineno;
	line = util_trim(line);
	if (*line == '\0' || *line == '#')
		return NULL;
	if (!text_valid_utf8(line, strlen(line)))
		return xstrdup("not valid UTF-8");
	if ((cp = config_control(line)) != 0)
		return xprintf("the line holds a control character (U+%04X); "
		    "only tab may be written as it is (\\n in a quoted value "
		    "is a new line)", (unsigned int)cp);
	if (*line == '[')
		return config_section(p, line, lineno);
	if (strncmp(line, "bind", 4) == 0 && (line[4] == ' ' ||
	    line[4] == '\t')) {
		if (p->section != SECTION_GLOBAL)
			return xstrdup("bind belongs before any section");
		return config_bind(p, line + 5);
	}
	if ((eq = strchr(line, '=')) == NULL)
		return xstrdup("expected name = value");
	*eq = '\0';
	name = util_trim(line);
	return config_assign(p, name, util_trim(eq + 1));
}

/* Check what can only be checked once the whole file is read. */
static char *
config_finish(struct config *cfg, int *lineno)
{
	size_t	i;

	char	*msg = NULL;

	for (i = 0; i < cfg->naccounts; i++) {
		if (!cfg->accounts[i].v[OPT_PLATFORM].set) {
			*lineno = cfg->accounts[i].line;
			return xprintf("account %s has no platform",
			    cfg->accounts[i].name);
		}
	}
	for (i = 0; i < cfg->nrules; i++) {
		if (rule_check(cfg->rules[i].rule, &msg) != 0) {
			*lineno = cfg->rules[i].line;
			return msg;
		}
	}
	if ((msg = config_hours_check(cfg, NULL)) != NULL) {
		*lineno = cfg->hours_line;
		return msg;
	}
	for (i = 0; i < cfg->naccounts; i++) {
		if ((msg = config_hours_check(cfg, &cfg->accounts[i])) != NULL) {
			*lineno = cfg->accounts[i].line;
			return msg;
		}
	}
	for (i = 0; i < cfg->nviews; i++) {
		if (cfg->views[i].filter == NULL ||
		    *util_trim(cfg->views[i].filter) == '\0') {
			*lineno = cfg->views[i].line;
			return xprintf("view %s has no filter (filter = an "
			    "expression such as tag:refunds)",
			    cfg->views[i].name);
		}
	}
	return NULL;
}

/* Parse a whole configuration text. */
int
config_parse(struct config *cfg, const char *name, const char *text,
    char **cause)
{
	struct config_parser	 p = { cfg, SECTION_GLOBAL, NULL, 0 };
	char			*copy, *line, *next, *msg = NULL;
	int			 lineno = 0;

	copy = xstrdup(text);
	for (line = copy; line != NULL && msg == NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		lineno++;
		msg = config_line(&p, line, lineno);
	}
	free(copy);
	if (msg == NULL)
		msg = config_finish(cfg, &lineno);
	if (msg == NULL)
		return 0;
	util_fail(cause, "%s:%d: %s", name, lineno, msg);
	free(msg);
	return -1;
}

/* Return 1 if the open file is /dev/null (the empty config). */
static int
config_is_null(const struct stat *sb)
{
	struct stat	null;

	return S_ISCHR(sb->st_mode) && stat("/dev/null", &null) == 0 &&
	    null.st_rdev == sb->st_rdev;
}

/*
 * Read the whole config file into b, at most CONFIG_MAX_SIZE bytes. It is
 * opened without waiting (a FIFO would block until someone writes) and
 * must be a regular file (or /dev/null); whoever can change it can make
 * heed run their own credential_command, so others may not write it.
 */
static int
config_read(const char *path, const char *shown, int required, struct buf *b,
    char **cause)
{
	struct stat	 sb;
	char		 chunk[4096];
	ssize_t		 n;
	int		 fd;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		if (errno == ENOENT && !required)
			return 1;
		return util_fail(cause, "%s: %s", shown, strerror(errno));
	}
	if (fstat(fd, &sb) != 0) {
		close(fd);
		return util_fail(cause, "%s: %s", shown, strerror(errno));
	}
	if (!S_ISREG(sb.st_mode) && !config_is_null(&sb)) {
		close(fd);
		return util_fail(cause, "%s: not a regular file (%s); heed "
		    "reads its config only from a file", shown,
		    util_file_type(sb.st_mode));
	}
	if (S_ISREG(sb.st_mode) && (sb.st_mode & (S_IWGRP | S_IWOTH))) {
		close(fd);
		return util_fail(cause, "%s: refusing a config file that group "
		    "or others may write (anyone who can change it could "
		    "steal your credentials); fix it with: chmod go-w %s",
		    shown, shown);
	}
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			close(fd);
			return util_fail(cause, "%s: %s", shown,
			    strerror(errno));
		}
		if (buf_add(b, chunk, (size_t)n) != 0) {
			close(fd);
			return util_fail(cause, "%s: larger than %d bytes",
			    shown, CONFIG_MAX_SIZE);
		}
	}
	close(fd);
	return 0;
}

/* Read a configuration file over the current values. */
int
config_load(struct config *cfg, const char *path, int required,
    char **cause)
{
	struct buf	 b;
	const char	*nul;
	char		*shown;
	int		 rc, line;

	/* The path as it may be printed (it could hold escapes). */
	shown = text_sanitize_line(path, strlen(path));
	buf_init(&b, CONFIG_MAX_SIZE);
	if ((rc = config_read(path, shown, required, &b, cause)) != 0) {
		buf_free(&b);
		free(shown);
		return rc == 1 ? 0 : -1;
	}
	/* A NUL would end the text there, and the rest be lost unsaid. */
	if (b.data != NULL && (nul = memchr(b.data, '\0', b.len)) != NULL) {
		for (line = 1; nul > b.data; nul--)
			line += nul[-1] == '\n';
		util_fail(cause, "%s:%d: a NUL byte: the config must be text",
		    shown, line);
		buf_free(&b);
		free(shown);
		return -1;
	}
	free(cfg->path);
	cfg->path = xstrdup(path);
	rc = config_parse(cfg, shown, b.data != NULL ? b.data : "", cause);
	buf_free(&b);
	free(shown);
	return rc;
}

/* Free everything the configuration holds. */
void
config_free(struct config *cfg)
{
	size_t	i, j;

	for (i = 0; i < OPT_COUNT; i++)
		free(cfg->v[i].s);
	for (i = 0; i < cfg->naccounts; i++) {
		free(cfg->accounts[i].name);
		for (j = 0; j < OPT_COUNT; j++)
			free(cfg->accounts[i].v[j].s);
	}
	free(cfg->accounts);
	for (i = 0; i < cfg->nreplies; i++) {
		free(cfg->replies[i].name);
		free(cfg->replies[i].text);
	}
	free(cfg->replies);
	for (i = 0; i < cfg->nrules; i++)
		rule_free(cfg->rules[i].rule);
	free(cfg->rules);
	for (i = 0; i < cfg->nviews; i++) {
		free(cfg->views[i].name);
		free(cfg->views[i].filter);
	}
	free(cfg->views);
	keymap_free(&cfg->keys);
	free(cfg->path);
	memset(cfg, 0, sizeof *cfg);
}

/* An option's integer value, from the account if it sets it. */
int64_t
config_int(const struct config *cfg, const struct config_account *a,
    enum config_opt opt)
{
	if (a != NULL && a->v[opt].set)
		return a->v[opt].i;
	return cfg->v[opt].i;
}

/* An option's string value, from the account if it sets it. */
const char *
config_str(const struct config *cfg, const struct config_account *a,
    enum config_opt opt)
{
	if (a != NULL && a->v[opt].set)
		return a->v[opt].s;
	if (config_options_table[opt].scope == CONFIG_ACCOUNT)
		return "";
	return cfg->v[opt].s;
}

/* An option's durations, from the account if it sets it; how many. */
size_t
config_durations(const struct config *cfg, const struct config_account *a,
    enum config_opt opt, int64_t *v, size_t max)
{
	const struct config_option	*o = &config_options_table[opt];
	int				 n;

	n = config_parse_durations(config_str(cfg, a, opt), o->min, o->max,
	    v, max);
	return n > 0 ? (size_t)n : 0;
}

/* The account whose secret an account uses; see config.h. */
const struct config_account *
config_secret_owner(const struct config *cfg, const struct config_account *a,
    const char **platform)
{
	const char	*name = config_str(cfg, a, OPT_FACEBOOK_ACCOUNT);
	size_t		 i;

	*platform = config_str(cfg, a, OPT_PLATFORM);
	if (*name == '\0')
		return a;
	for (i = 0; i < cfg->naccounts; i++) {
		if (strcmp(cfg->accounts[i].name, name) == 0) {
			*platform = config_str(cfg, &cfg->accounts[i],
			    OPT_PLATFORM);
			return &cfg->accounts[i];
		}
	}
	return a;
}
