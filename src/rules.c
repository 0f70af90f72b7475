/*
 * rules.c -- the owner's rules: reading a rule's lines, matching a message
 * and gathering what the matching rules do. See rules.h.
 */
#include <sys/types.h>

#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "classify.h"
#include "rules.h"
#include "text.h"
#include "util.h"

/* A list of words or names, as written and as the classifier folds them. */
struct rule_list {
	char	**v;		/* folded */
	size_t	  n;
};

/* A yes-or-no condition: -1 not given. */
#define RULE_ANY	-1

struct rule {
	char		*name;
	/* Conditions. */
	struct rule_list words;
	regex_t		 pattern;
	int		 has_pattern;
	struct rule_list authors;
	struct rule_list platforms;
	struct rule_list accounts;
	struct rule_list langs;
	unsigned	 kinds;		/* a bit per enum classify_kind */
	int		 has_link;
	int		 followup;
	/* Actions. */
	int		 set_kind;
	int		 priority;
	char		**tags;
	size_t		 ntags;
	int		 flag;
	int64_t		 snooze;
	int		 done;
	int		 suggest;
};

/* The names of the priorities and suggestions, by value. */
static const char *const rule_priorities[] = { "low", "normal", "high" };
static const char *const rule_suggests[] = { "none", "hide", "delete" };

/* A new rule with no conditions and no actions; see rules.h. */
struct rule *
rule_new(const char *name)
{
	struct rule	*r;

	r = xcalloc(1, sizeof *r);
	r->name = xstrdup(name);
	r->has_link = r->followup = RULE_ANY;
	r->set_kind = r->priority = -1;
	return r;
}

/* Free a list. */
static void
rule_list_free(struct rule_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Free a rule; NULL does nothing. */
void
rule_free(struct rule *r)
{
	size_t	i;

	if (r == NULL)
		return;
	rule_list_free(&r->words);
	rule_list_free(&r->authors);
	rule_list_free(&r->platforms);
	rule_list_free(&r->accounts);
	rule_list_free(&r->langs);
	if (r->has_pattern)
		regfree(&r->pattern);
	for (i = 0; i < r->ntags; i++)
		free(r->tags[i]);
	free(r->tags);
	free(r->name);
	free(r);
}

/* The rule's name, lent. */
const char *
rule_name(const struct rule *r)
{
	return r->name;
}

/*
 * Read a comma-separated list into l, each entry folded as the classifier
 * folds text (lower case, Latin letters without accents); 0, or -1 if an
 * entry is empty.
 */
static int
rule_list_read(struct rule_list *l, const char *value, const char *what,
    char **cause)
{
	const char	*p = value, *end;
	char		*word, *folded;

	for (;;) {
		end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		word = xstrndup(p, (size_t)(end - p));
		folded = classify_fold(util_trim(word), strlen(util_trim(word)));
		free(word);
		if (*folded == '\0') {
			free(folded);
			rule_list_free(l);
			return util_fail(cause, "%s: an empty entry (write the "
			    "entries with commas between them)", what);
		}
		l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
		l->v[l->n++] = folded;
		if (*end == '\0')
			return 0;
		p = end + 1;
	}
}

/* Read "yes" or "no" into *v; 0 or -1. */
static int
rule_yes_no(const char *key, const char *value, int *v, char **cause)
{
	if (strcasecmp(value, "yes") == 0 || strcasecmp(value, "true") == 0)
		*v = 1;
	else if (strcasecmp(value, "no") == 0 ||
	    strcasecmp(value, "false") == 0)
		*v = 0;
	else
		return util_fail(cause, "%s: expected yes or no", key);
	return 0;
}

/* Read one of a table of names into *v; 0 or -1 ("a, b or c"). */
static int
rule_choice(const char *key, const char *value, const char *const *names,
    size_t n, int *v, char **cause)
{
	struct buf	b;
	size_t		i;
	int		rc;

	for (i = 0; i < n; i++) {
		if (strcasecmp(value, names[i]) == 0) {
			*v = (int)i;
			return 0;
		}
	}
	buf_init(&b, 0);
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
		    names[i]);
	}
	rc = util_fail(cause, "%s: \"%s\" is not one of %s", key, value,
	    b.data);
	buf_free(&b);
	return rc;
}

/* Read the kinds a condition names into a mask; 0 or -1. */
static int
rule_kinds(const char *value, unsigned *mask, char **cause)
{
	struct rule_list	l = { NULL, 0 };
	enum classify_kind	k;
	size_t			i;

	if (rule_list_read(&l, value, "kind", cause) != 0)
		return -1;
	for (i = 0; i < l.n; i++) {
		if (classify_kind_parse(l.v[i], &k) != 0) {
			util_fail(cause, "kind: \"%s\" is not a kind "
			    "(complaint, question, praise, spam or other)",
			    l.v[i]);
			rule_list_free(&l);
			return -1;
		}
		*mask |= 1U << k;
	}
	rule_list_free(&l);
	return 0;
}

/* Compile a pattern; 0, or -1 with regcomp's words. */
static int
rule_pattern(struct rule *r, const char *value, char **cause)
{
	char	msg[256];
	int	rc;

	rc = regcomp(&r->pattern, value, REG_EXTENDED | REG_ICASE | REG_NOSUB);
	if (rc != 0) {
		regerror(rc, &r->pattern, msg, sizeof msg);
		return util_fail(cause, "pattern: %s", msg);
	}
	r->has_pattern = 1;
	return 0;
}

/* Read a condition's list unless the condition was given already. */
static int
rule_list_once(struct rule_list *l, const char *key, const char *value,
    char **cause)
{
	if (l->n != 0)
		return util_fail(cause, "%s is given twice in one rule (write "
		    "one line with commas between the entries)", key);
	return rule_list_read(l, value, key, cause);
}

/*
 * Tell whether a tag is one heed can show and filter on (tag:NAME): ASCII
 * letters and digits, - and _, and characters of other scripts (valid
 * UTF-8 that text_sanitize would keep: no bidi control, no zero-width
 * format character); at most 32 bytes.
 */
int
rule_tag_valid(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s);
	uint32_t		 cp;

	if (*p == '\0' || len > 32 || !text_valid_utf8(s, len) ||
	    text_find_unsafe(s, len, &cp) != len)
		return 0;
	for (; *p != '\0'; p++) {
		if (!(*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_'))
			return 0;
	}
	return 1;
}

/* Handle an action's line; 0, -1, or 1 if key names no action. */
static int
rule_set_action(struct rule *r, const char *key, const char *value,
    char **cause)
{
	enum classify_kind	k;

	if (strcmp(key, "set_kind") == 0) {
		if (classify_kind_parse(value, &k) != 0)
			return util_fail(cause, "set_kind: \"%s\" is not a kind "
			    "(complaint, question, praise, spam or other)",
			    value);
		r->set_kind = (int)k;
	} else if (strcmp(key, "priority") == 0) {
		return rule_choice(key, value, rule_priorities,
		    nitems(rule_priorities), &r->priority, cause);
	} else if (strcmp(key, "tag") == 0) {
		if (!rule_tag_valid(value))
			return util_fail(cause, "tag: \"%s\" is not a tag "
			    "(letters, digits, - and _, at most 32)", value);
		r->tags = xreallocarray(r->tags, r->ntags + 1,
		    sizeof *r->tags);
		r->tags[r->ntags++] = xstrdup(value);
	} else if (strcmp(key, "flag") == 0)
		return rule_yes_no(key, value, &r->flag, cause);
	else if (strcmp(key, "done") == 0)
		return rule_yes_no(key, value, &r->done, cause);
	else if (strcmp(key, "snooze") == 0) {
		if (util_parse_duration(value, &r->snooze) != 0 ||
		    r->snooze <= 0)
			return util_fail(cause, "snooze: expected a duration "
			    "such as 30m, 4h or 2d");
	} else if (strcmp(key, "suggest") == 0) {
		if (rule_choice(key, value, rule_suggests + 1,
		    nitems(rule_suggests) - 1, &r->suggest, cause) != 0)
			return -1;
		r->suggest++;
	} else
		return 1;
	return 0;
}

/* Add one line to a rule; see rules.h. */
int
rule_set(struct rule *r, const char *key, const char *value, char **cause)
{
	int	rc;

	if (strcmp(key, "words") == 0)
		return rule_list_once(&r->words, key, value, cause);
	if (strcmp(key, "pattern") == 0) {
		if (r->has_pattern)
			return util_fail(cause, "pattern is given twice in "
			    "one rule (join them with |)");
		return rule_pattern(r, value, cause);
	}
	if (strcmp(key, "author") == 0)
		return rule_list_once(&r->authors, key, value, cause);
	if (strcmp(key, "platform") == 0)
		return rule_list_once(&r->platforms, key, value, cause);
	if (strcmp(key, "account") == 0)
		return rule_list_once(&r->accounts, key, value, cause);
	if (strcmp(key, "lang") == 0)
		return rule_list_once(&r->langs, key, value, cause);
	if (strcmp(key, "kind") == 0)
		return rule_kinds(value, &r->kinds, cause);
	if (strcmp(key, "has_link") == 0)
		return rule_yes_no(key, value, &r->has_link, cause);
	if (strcmp(key, "followup") == 0)
		return rule_yes_no(key, value, &r->followup, cause);
	if ((rc = rule_set_action(r, key, value, cause)) <= 0)
		return rc;
	return util_fail(cause, "unknown rule line \"%s\" (conditions: words, "
	    "pattern, author, platform, account, lang, kind, has_link, "
	    "followup; actions: set_kind, priority, tag, flag, snooze, done, "
	    "suggest)", key);
}

/* Tell whether a rule has a condition, and whether it has an action. */
static int
rule_has_condition(const struct rule *r)
{
	return r->words.n != 0 || r->has_pattern || r->authors.n != 0 ||
	    r->platforms.n != 0 || r->accounts.n != 0 || r->langs.n != 0 ||
	    r->kinds != 0 || r->has_link != RULE_ANY || r->followup != RULE_ANY;
}

/* Check a rule once all its lines are read; see rules.h. */
int
rule_check(const struct rule *r, char **cause)
{
	if (!rule_has_condition(r))
		return util_fail(cause, "rule %s has no condition (words, "
		    "pattern, author, platform, account, lang, kind, has_link "
		    "or followup): it would act on every message", r->name);
	if (r->set_kind == -1 && r->priority == -1 && r->ntags == 0 &&
	    !r->flag && r->snooze == 0 && !r->done &&
	    r->suggest == RULE_SUGGEST_NONE)
		return util_fail(cause, "rule %s does nothing (set_kind, "
		    "priority, tag, flag, snooze, done or suggest)", r->name);
	return 0;
}

/* Tell whether c is a byte of a word: an ASCII letter or digit, or UTF-8. */
static int
rule_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/*
 * Tell whether the folded text holds a folded phrase as whole words: no
 * letter or digit right before or after it. A phrase in a script written
 * without spaces (its first byte not ASCII) may sit inside a run.
 */
static int
rule_holds(const char *text, const char *phrase)
{
	const char	*at = text;
	size_t		 n = strlen(phrase);
	int		 spaced = (unsigned char)phrase[0] < 0x80;

	while ((at = strstr(at, phrase)) != NULL) {
		if (!spaced || ((at == text ||
		    !rule_word_byte((unsigned char)at[-1])) &&
		    !rule_word_byte((unsigned char)at[n])))
			return 1;
		at++;
	}
	return 0;
}

/* Tell whether the folded value equals or (contains) holds any entry. */
static int
rule_list_has(const struct rule_list *l, const char *value, int contains)
{
	char	*folded;
	size_t	 i;
	int	 found = 0;

	if (value == NULL)
		return 0;
	folded = classify_fold(value, strlen(value));
	for (i = 0; i < l->n && !found; i++) {
		if (contains)
			found = strstr(folded, l->v[i]) != NULL;
		else
			found = strcmp(folded, l->v[i]) == 0;
	}
	free(folded);
	return found;
}

/* Tell whether a language tag's first subtag is one of a list's. */
static int
rule_lang_in(const struct rule_list *l, const char *lang)
{
	char	*first;
	int	 found;

	if (lang == NULL)
		return 0;
	first = xstrndup(lang, strcspn(lang, "-_"));
	found = rule_list_has(l, first, 0);
	free(first);
	return found;
}

/* Tell whether a text holds a link. */
static int
rule_text_links(const char *text)
{
	char	*lower, *p;
	int	 found;

	if (text == NULL)
		return 0;
	lower = xstrdup(text);
	for (p = lower; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	}
	found = strstr(lower, "http://") != NULL ||
	    strstr(lower, "https://") != NULL || strstr(lower, "www.") != NULL;
	free(lower);
	return found;
}

/* Tell whether the folded text holds any of the rule's words. */
static int
rule_words_match(const struct rule *r, const char *text)
{
	char	*folded;
	size_t	 i;
	int	 found = 0;

	if (text == NULL)
		return 0;
	folded = classify_fold(text, strlen(text));
	for (i = 0; i < r->words.n && !found; i++)
		found = rule_holds(folded, r->words.v[i]);
	free(folded);
	return found;
}

/* Return 1 if every condition of the rule holds; see rules.h. */
int
rule_match(const struct rule *r, const struct rule_message *m)
{
	int	link;

	if (r->platforms.n != 0 && !rule_list_has(&r->platforms, m->platform,
	    0))
		return 0;
	if (r->accounts.n != 0 && !rule_list_has(&r->accounts, m->account, 0))
		return 0;
	if (r->langs.n != 0 && !rule_lang_in(&r->langs, m->lang))
		return 0;
	if (r->kinds != 0 && (m->kind < 0 || m->kind >= 32 ||
	    !(r->kinds & (1U << m->kind))))
		return 0;
	if (r->followup != RULE_ANY && (m->followup != 0) != r->followup)
		return 0;
	link = m->has_link == -1 ? rule_text_links(m->text) : m->has_link;
	if (r->has_link != RULE_ANY && (link != 0) != r->has_link)
		return 0;
	if (r->authors.n != 0 && !rule_list_has(&r->authors, m->author_name,
	    1) && !rule_list_has(&r->authors, m->author_handle, 1))
		return 0;
	if (r->words.n != 0 && !rule_words_match(r, m->text))
		return 0;
	if (r->has_pattern && (m->text == NULL ||
	    regexec(&r->pattern, m->text, 0, NULL, 0) != 0))
		return 0;
	return 1;
}

/* Start with nothing to do. */
void
rule_actions_init(struct rule_actions *a)
{
	memset(a, 0, sizeof *a);
	a->kind = a->priority = -1;
}

/* Free what actions hold. */
void
rule_actions_free(struct rule_actions *a)
{
	size_t	i;

	for (i = 0; i < a->ntags; i++)
		free(a->tags[i]);
	free(a->tags);
	free(a->matched);
	rule_actions_init(a);
}

/* Add a tag to actions unless it is there. */
static void
rule_actions_tag(struct rule_actions *a, const char *tag)
{
	size_t	i;

	for (i = 0; i < a->ntags; i++) {
		if (strcmp(a->tags[i], tag) == 0)
			return;
	}
	a->tags = xreallocarray(a->tags, a->ntags + 1, sizeof *a->tags);
	a->tags[a->ntags++] = xstrdup(tag);
}

/* Add what a rule does to actions; see rules.h. */
void
rule_apply(const struct rule *r, struct rule_actions *a)
{
	size_t	i;

	if (r->set_kind != -1)
		a->kind = r->set_kind;
	if (r->priority != -1)
		a->priority = r->priority;
	for (i = 0; i < r->ntags; i++)
		rule_actions_tag(a, r->tags[i]);
	if (r->flag)
		a->flag = 1;
	if (r->snooze != 0)
		a->snooze = r->snooze;
	if (r->done)
		a->done = 1;
	if (r->suggest != RULE_SUGGEST_NONE)
		a->suggest = r->suggest;
	a->matched = xreallocarray(a->matched, a->nmatched + 1,
	    sizeof *a->matched);
	a->matched[a->nmatched++] = r->name;
}

/* Run rules in order over a message; see rules.h. */
size_t
rules_run(struct rule *const *rules, size_t n, const struct rule_message *m,
    struct rule_actions *a)
{
	size_t	i;

	rule_actions_init(a);
	for (i = 0; i < n; i++) {
		if (rule_match(rules[i], m))
			rule_apply(rules[i], a);
	}
	return a->nmatched;
}

/* Describe what actions do in one line; see rules.h. */
char *
rule_actions_describe(const struct rule_actions *a)
{
	struct buf	b;
	char		age[32], *s;
	size_t		i;

	buf_init(&b, 0);
	if (a->kind != -1)
		buf_printf(&b, ", kind %s", classify_kind_name(a->kind));
	if (a->priority != -1)
		buf_printf(&b, ", priority %s", rule_priorities[a->priority]);
	for (i = 0; i < a->ntags; i++)
		buf_printf(&b, ", tag %s", a->tags[i]);
	if (a->flag)
		buf_addstr(&b, ", flag");
	if (a->snooze != 0) {
		util_format_age(a->snooze, age, sizeof age);
		buf_printf(&b, ", snooze %s", age);
	}
	if (a->done)
		buf_addstr(&b, ", done");
	if (a->suggest != RULE_SUGGEST_NONE)
		buf_printf(&b, ", suggest %s", rule_suggests[a->suggest]);
	if (b.len == 0)
		buf_addstr(&b, ", nothing");
	s = buf_steal(&b);
	memmove(s, s + 2, strlen(s + 2) + 1);
	return s;
}

/* Describe a rule's actions in one line; see rules.h. */
char *
rule_describe(const struct rule *r)
{
	struct rule_actions	a;
	char			*s;

	rule_actions_init(&a);
	rule_apply(r, &a);
	s = rule_actions_describe(&a);
	rule_actions_free(&a);
	return s;
}
