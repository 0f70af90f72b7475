/*
 * test-rules.c -- the owner's rules (rules.h) as the config reads them:
 * which messages each condition matches, what the matching rules do
 * together, and the message every bad rule gets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "config.h"
#include "rules.h"
#include "util.h"

/* Read a config text that must be good. */
static void
load(struct config *cfg, const char *text)
{
	char	*cause = NULL;

	config_init(cfg);
	if (config_parse(cfg, "test.conf", text, &cause) != 0)
		fail_msg("%s", cause);
}

/* A message in English on Bluesky, of a kind, with a text. */
static struct rule_message
msg(const char *text, int kind)
{
	struct rule_message	m;

	memset(&m, 0, sizeof m);
	m.text = text;
	m.author_name = "Ann Smith";
	m.author_handle = "ann.bsky.social";
	m.platform = "bluesky";
	m.account = "shop-bsky";
	m.lang = "en-GB";
	m.kind = kind;
	m.has_link = -1;
	return m;
}

/* One condition, and a message it matches or not. */
static const struct {
	const char	*cond;
	const char	*text;
	int		 kind;
	int		 followup;
	int		 match;
} match_cases[] = {
	{ "words = refund, money back", "I want my REFUND now", 0, 0, 1 },
	{ "words = refund, money back", "Give me my money  back!", 0, 0, 1 },
	{ "words = refund", "refunded already, thanks", 0, 0, 0 },
	{ "words = refund", "nonrefund", 0, 0, 0 },
	{ "words = café", "Great CAFE today", 0, 0, 1 },
	{ "words = terugbetaling", "Wanneer komt de terugbetaling?", 0, 0, 1 },
	{ "words = 退款", "我要退款！", 0, 0, 1 },
	{ "words = 退款", "发货很快", 0, 0, 0 },
	{ "pattern = order ?#?[0-9]{5}", "where is Order #12345", 0, 0, 1 },
	{ "pattern = order ?#?[0-9]{5}", "where is order 123", 0, 0, 0 },
	{ "author = smith", "hi", 0, 0, 1 },
	{ "author = ann.bsky", "hi", 0, 0, 1 },
	{ "author = bob", "hi", 0, 0, 0 },
	{ "platform = facebook, bluesky", "hi", 0, 0, 1 },
	{ "platform = facebook", "hi", 0, 0, 0 },
	{ "account = shop-bsky", "hi", 0, 0, 1 },
	{ "account = shop-fb", "hi", 0, 0, 0 },
	{ "lang = nl, en", "hi", 0, 0, 1 },
	{ "lang = nl", "hi", 0, 0, 0 },
	{ "kind = complaint, question", "hi", CLASSIFY_QUESTION, 0, 1 },
	{ "kind = complaint", "hi", CLASSIFY_PRAISE, 0, 0 },
	{ "has_link = yes", "see https://x.example/a", 0, 0, 1 },
	{ "has_link = yes", "see WWW.x.example", 0, 0, 1 },
	{ "has_link = yes", "no link here", 0, 0, 0 },
	{ "has_link = no", "no link here", 0, 0, 1 },
	{ "followup = yes", "still waiting", 0, 1, 1 },
	{ "followup = yes", "still waiting", 0, 0, 0 },
	{ "followup = no", "first message", 0, 0, 1 },
};

/* Each condition matches what it says and nothing else. */
static void
test_rules_conditions(void **state)
{
	struct config		cfg;
	struct rule_message	m;
	char			*text;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(match_cases); i++) {
		text = xprintf("[rule r]\n%s\ntag = t\n", match_cases[i].cond);
		load(&cfg, text);
		assert_int_equal(cfg.nrules, 1);
		m = msg(match_cases[i].text, match_cases[i].kind);
		m.followup = match_cases[i].followup;
		if (rule_match(cfg.rules[0].rule, &m) != match_cases[i].match)
			fail_msg("\"%s\" on \"%s\": expected %s",
			    match_cases[i].cond, match_cases[i].text,
			    match_cases[i].match ? "a match" : "none");
		config_free(&cfg);
		free(text);
	}
}

/* Every condition of a rule must hold. */
static void
test_rules_all_conditions_hold(void **state)
{
	struct config		cfg;
	struct rule_message	m;

	(void)state;
	load(&cfg, "[rule r]\nwords = refund\nplatform = facebook\n"
	    "flag = yes\n");
	m = msg("refund please", 0);
	assert_false(rule_match(cfg.rules[0].rule, &m));
	m.platform = "facebook";
	assert_true(rule_match(cfg.rules[0].rule, &m));
	config_free(&cfg);
}

/* The rules that match add up in order: the later wins, tags add up. */
static void
test_rules_actions_add_up(void **state)
{
	struct config		cfg;
	struct rule_message	m;
	struct rule_actions	a;
	char			*s;

	(void)state;
	load(&cfg,
	    "[rule refunds]\nwords = refund\nset_kind = complaint\n"
	    "priority = high\ntag = refunds\nflag = yes\n"
	    "[rule nl]\nlang = nl\ntag = dutch\n"
	    "[rule links]\nhas_link = yes\nkind = other\n"
	    "suggest = hide\nsnooze = 4h\n"
	    "[rule calm]\nwords = refund\npriority = low\ntag = refunds\n"
	    "done = yes\n");
	m = msg("refund via https://scam.example", CLASSIFY_OTHER);
	assert_int_equal(rules_run((struct rule *const *)&cfg.rules[0].rule,
	    1, &m, &a), 1);
	rule_actions_free(&a);

	{
		struct rule	*v[4];
		size_t		 i;

		for (i = 0; i < 4; i++)
			v[i] = cfg.rules[i].rule;
		assert_int_equal(rules_run(v, 4, &m, &a), 3);
	}
	assert_int_equal(a.kind, CLASSIFY_COMPLAINT);
	assert_int_equal(a.priority, RULE_PRIORITY_LOW);
	assert_int_equal(a.ntags, 1);
	assert_string_equal(a.tags[0], "refunds");
	assert_int_equal(a.flag, 1);
	assert_int_equal(a.snooze, 4 * 3600);
	assert_int_equal(a.done, 1);
	assert_int_equal(a.suggest, RULE_SUGGEST_HIDE);
	assert_int_equal(a.nmatched, 3);
	assert_string_equal(a.matched[0], "refunds");
	assert_string_equal(a.matched[1], "links");
	assert_string_equal(a.matched[2], "calm");
	s = rule_actions_describe(&a);
	assert_string_equal(s, "kind complaint, priority low, tag refunds, "
	    "flag, snooze 4h, done, suggest hide");
	free(s);
	rule_actions_free(&a);
	s = rule_describe(cfg.rules[1].rule);
	assert_string_equal(s, "tag dutch");
	free(s);
	config_free(&cfg);
}

/* A bad rule, and the message it gets with its line. */
static const struct {
	const char	*text;
	const char	*cause;
} bad_cases[] = {
	{ "[rule r]\nwords = refund\n",
	    "test.conf:1: rule r does nothing (set_kind, priority, tag, flag, "
	    "snooze, done or suggest)" },
	{ "[rule r]\ntag = x\n",
	    "test.conf:1: rule r has no condition (words, pattern, author, "
	    "platform, account, lang, kind, has_link or followup): it would "
	    "act on every message" },
	{ "[rule r]\nwords = a,,b\n",
	    "test.conf:2: words: an empty entry (write the entries with commas "
	    "between them)" },
	{ "[rule r]\nwords = a\nwords = b\n",
	    "test.conf:3: words is given twice in one rule (write one line "
	    "with commas between the entries)" },
	{ "[rule r]\npattern = order (\n",
	    "test.conf:2: pattern: " },
	{ "[rule r]\nkind = angry\n",
	    "test.conf:2: kind: \"angry\" is not a kind (complaint, question, "
	    "praise, spam or other)" },
	{ "[rule r]\nwords = a\nset_kind = rude\n",
	    "test.conf:3: set_kind: \"rude\" is not a kind (complaint, "
	    "question, praise, spam or other)" },
	{ "[rule r]\nwords = a\npriority = urgent\n",
	    "test.conf:3: priority: \"urgent\" is not one of low, normal or "
	    "high" },
	{ "[rule r]\nwords = a\nsuggest = reply\n",
	    "test.conf:3: suggest: \"reply\" is not one of hide or delete" },
	{ "[rule r]\nwords = a\nflag = maybe\n",
	    "test.conf:3: flag: expected yes or no" },
	{ "[rule r]\nwords = a\nsnooze = soon\n",
	    "test.conf:3: snooze: expected a duration such as 30m, 4h or 2d" },
	{ "[rule r]\nwords = a\ntag = two words\n",
	    "test.conf:3: tag: \"two words\" is not a tag (letters, digits, - "
	    "and _, at most 32)" },
	{ "[rule r]\nwords = a\nreply = thanks!\n",
	    "test.conf:3: unknown rule line \"reply\" (conditions: words, "
	    "pattern, author, platform, account, lang, kind, has_link, "
	    "followup; actions: set_kind, priority, tag, flag, snooze, done, "
	    "suggest)" },
	{ "[rule r]\nwords = a\ntag = t\n[rule r]\n",
	    "test.conf:4: rule r is defined twice" },
	{ "[rule bad name]\n",
	    "test.conf:1: bad rule name \"bad name\" (letters, digits, - _ . "
	    "only)" },
	{ "[rules]\n",
	    "test.conf:1: unknown section [rules] (expected [account NAME], "
	    "[rule NAME], [view NAME] or [replies])" },
};

/* Every bad rule is refused with its line and what is wrong. */
static void
test_rules_bad(void **state)
{
	struct config	cfg;
	char		*cause;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(bad_cases); i++) {
		cause = NULL;
		config_init(&cfg);
		if (config_parse(&cfg, "test.conf", bad_cases[i].text,
		    &cause) == 0)
			fail_msg("accepted: %s", bad_cases[i].text);
		if (strncmp(cause, bad_cases[i].cause,
		    strlen(bad_cases[i].cause)) != 0 ||
		    (strstr(bad_cases[i].cause, "pattern: ") == NULL &&
		    strcmp(cause, bad_cases[i].cause) != 0))
			fail_msg("%s\ngave:     %s\nexpected: %s",
			    bad_cases[i].text, cause, bad_cases[i].cause);
		free(cause);
		config_free(&cfg);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_conditions),
		cmocka_unit_test(test_rules_all_conditions_hold),
		cmocka_unit_test(test_rules_actions_add_up),
		cmocka_unit_test(test_rules_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
