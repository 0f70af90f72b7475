/*
 * test-config.c -- the configuration file: options, bounds, accounts,
 * bindings, saved replies and the file:line error messages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "keys.h"
#include "util.h"

/* Parse text into a fresh config; return the error or NULL. */
static char *
parse(struct config *cfg, const char *text)
{
	char	*cause = NULL;

	config_init(cfg);
	if (config_parse(cfg, "test.conf", text, &cause) == 0)
		return NULL;
	return cause;
}

static void
test_defaults_apply_without_a_file(void **state)
{
	struct config	cfg;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_int(&cfg, NULL, OPT_RESPONSE_TARGET), 4 * 3600);
	assert_int_equal(config_int(&cfg, NULL, OPT_SYNC_INTERVAL), 120);
	assert_int_equal(config_int(&cfg, NULL, OPT_HISTORY_DAYS), 14);
	assert_int_equal(config_int(&cfg, NULL, OPT_MARK_READ), 1);
	assert_int_equal(cfg.naccounts, 0);
	config_free(&cfg);
}

static void
test_options_are_parsed_with_types(void **state)
{
	struct config	 cfg;
	char		*err;

	(void)state;
	err = parse(&cfg, "# a comment\n"
	    "response_target = 90m\n"
	    "  history_days=30  \n"
	    "mark_read = no\n"
	    "color = never\n"
	    "editor = \"nano -w\"\n"
	    "time_format = \"%H:%M \\\"x\\\"\"\n");
	assert_null(err);
	assert_int_equal(config_int(&cfg, NULL, OPT_RESPONSE_TARGET), 5400);
	assert_int_equal(config_int(&cfg, NULL, OPT_HISTORY_DAYS), 30);
	assert_int_equal(config_int(&cfg, NULL, OPT_MARK_READ), 0);
	assert_int_equal(config_int(&cfg, NULL, OPT_COLOR), COLOR_NEVER);
	assert_string_equal(config_str(&cfg, NULL, OPT_EDITOR), "nano -w");
	assert_string_equal(config_str(&cfg, NULL, OPT_TIME_FORMAT),
	    "%H:%M \"x\"");
	config_free(&cfg);
}

static const struct {
	const char	*text;
	const char	*error;
} bad_configs[] = {
	{ "response_target = soon\n", "test.conf:1: response_target = soon: "
	    "expected a duration such as 30s, 15m, 4h or 2d (1m to 4w)" },
	{ "\nhistory_days = 0\n", "test.conf:2: history_days = 0: expected "
	    "a whole number in range (1 to 365)" },
	{ "colour = never\n", "test.conf:1: unknown option \"colour\"" },
	{ "color = pink\n", "test.conf:1: color = pink: not one of the "
	    "allowed values: auto always never" },
	{ "mark_read = maybe\n", "test.conf:1: mark_read = maybe: expected "
	    "yes or no" },
	{ "just words\n", "test.conf:1: expected name = value" },
	{ "[account shop\n", "test.conf:1: a section header must end with ]" },
	{ "[acount shop]\n", "test.conf:1: unknown section [acount shop] "
	    "(expected [account NAME] or [replies])" },
	{ "[account a b]\n", "test.conf:1: bad account name \"a b\" "
	    "(letters, digits, - _ . only)" },
	{ "[account shop]\nhandle = x\n", "test.conf:1: account shop has no "
	    "platform" },
	{ "[account shop]\nplatform = myspace\n", "test.conf:2: unknown "
	    "platform \"myspace\"" },
	{ "[account shop]\nplatform = demo-page\n[account shop]\n",
	    "test.conf:3: account shop is defined twice" },
	{ "[account shop]\nplatform = demo-page\ncolor = never\n",
	    "test.conf:3: color cannot be set per account" },
	{ "platform = demo-page\n", "test.conf:1: platform belongs in an "
	    "[account NAME] section" },
	{ "bind queue x explode\n", "test.conf:1: unknown action \"explode\"" },
	{ "bind lobby x done\n", "test.conf:1: unknown screen \"lobby\" "
	    "(queue, thread, compose or outbox)" },
	{ "bind queue C-m done\n", "test.conf:1: unknown key \"C-m\"" },
	{ "bind compose x done\n", "test.conf:1: action done does not apply "
	    "to the compose screen" },
	{ "bind queue x\n", "test.conf:1: expected bind SCREEN KEY ACTION" },
	{ "editor = \"vi\n", "test.conf:1: editor: missing closing quote" },
	{ "editor = \"vi\" x\n", "test.conf:1: editor: text after the "
	    "closing quote" },
	{ "editor = \"\\t\"\n", "test.conf:1: editor: unknown escape (use "
	    "\\\", \\\\ or \\n)" },
	{ "editor = \xff\xfe\n", "test.conf:1: not valid UTF-8" },
	/* Found by fuzzing: controls went into values and messages. */
	{ "check_delay\x12 = 1m\n", "test.conf:1: a control character "
	    "(U+0012) is not allowed" },
	{ "[account shop]\nplatform = bluesky\nhandle = \x1b[31mshop\n",
	    "test.conf:3: a control character (U+001B) is not allowed" },
	{ "[replies]\nhi = \"\xe2\x80\xaeolleh\"\n", "test.conf:2: a "
	    "control character (U+202E) is not allowed" },
	{ "editor = vi \xc2\x9b" "31m\n", "test.conf:1: a control character "
	    "(U+009B) is not allowed" },
	{ "recheck_interval = \"Thank you!\\nWe\"\n", "test.conf:1: "
	    "recheck_interval: a line break (\\n) belongs only in a saved "
	    "reply" },
	{ "[account shop]\nplatform = bluesky\nhandle = \"a\\nb\"\n",
	    "test.conf:3: handle: a line break (\\n) belongs only in a saved "
	    "reply" },
};

static void
test_bad_lines_give_file_line_and_reason(void **state)
{
	struct config	 cfg;
	char		*err;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(bad_configs); i++) {
		err = parse(&cfg, bad_configs[i].text);
		if (err == NULL)
			fail_msg("case %zu was accepted: %s", i,
			    bad_configs[i].text);
		assert_string_equal(err, bad_configs[i].error);
		free(err);
		config_free(&cfg);
	}
}

static void
test_account_options_fall_back_to_global(void **state)
{
	struct config			 cfg;
	const struct config_account	*a, *b;
	char				*err;

	(void)state;
	err = parse(&cfg, "response_target = 2h\n"
	    "[account shop]\nplatform = demo-page\nhandle = tulip\n"
	    "response_target = 30m\n"
	    "[account social]\nplatform = demo-social\n");
	assert_null(err);
	assert_int_equal(cfg.naccounts, 2);
	a = config_account_find(&cfg, "shop");
	b = config_account_find(&cfg, "social");
	assert_non_null(a);
	assert_non_null(b);
	assert_null(config_account_find(&cfg, "nope"));
	assert_int_equal(config_int(&cfg, a, OPT_RESPONSE_TARGET), 1800);
	assert_int_equal(config_int(&cfg, b, OPT_RESPONSE_TARGET), 7200);
	assert_string_equal(config_str(&cfg, a, OPT_HANDLE), "tulip");
	assert_string_equal(config_str(&cfg, b, OPT_HANDLE), "");
	assert_string_equal(config_str(&cfg, b, OPT_PLATFORM), "demo-social");
	config_free(&cfg);
}

static void
test_bindings_replace_and_unbind(void **state)
{
	struct config	 cfg;
	char		*err;

	(void)state;
	err = parse(&cfg, "bind queue x done\nbind queue d none\n"
	    "bind compose C-s send\nbind thread M-Enter reply\n");
	assert_null(err);
	assert_int_equal(keymap_lookup(&cfg.keys, SCREEN_QUEUE, 'x'),
	    ACT_DONE);
	assert_int_equal(keymap_lookup(&cfg.keys, SCREEN_QUEUE, 'd'),
	    ACT_NONE);
	assert_int_equal(keymap_lookup(&cfg.keys, SCREEN_COMPOSE,
	    KEYC_CTRL('s')), ACT_SEND);
	assert_int_equal(keymap_lookup(&cfg.keys, SCREEN_THREAD,
	    KEYC_META | KEYC_ENTER), ACT_REPLY);
	/* Other screens keep their defaults. */
	assert_int_equal(keymap_lookup(&cfg.keys, SCREEN_THREAD, 'd'),
	    ACT_DONE);
	config_free(&cfg);
}

static void
test_saved_replies_keep_order_and_newlines(void **state)
{
	struct config	 cfg;
	char		*err;

	(void)state;
	err = parse(&cfg, "[replies]\nshipping = \"We ship in 2 days.\\n"
	    "— Marloes\"\nthanks = Thank you so much! 🙏\n");
	assert_null(err);
	assert_int_equal(cfg.nreplies, 2);
	assert_string_equal(cfg.replies[0].name, "shipping");
	assert_string_equal(cfg.replies[0].text,
	    "We ship in 2 days.\n— Marloes");
	assert_string_equal(cfg.replies[1].text, "Thank you so much! 🙏");
	config_free(&cfg);
}

static void
test_tabs_are_blank_space(void **state)
{
	struct config	 cfg;
	char		*err;

	(void)state;
	err = parse(&cfg, "\tcheck_delays\t=\t1m\t3m\t\n[replies]\n"
	    "hours = Open\t9 to 5\n[account shop]\nplatform = bluesky\n"
	    "handle = acme\tshop\n");
	assert_null(err);
	assert_string_equal(cfg.v[OPT_CHECK_DELAYS].s, "1m 3m");
	assert_string_equal(cfg.replies[0].text, "Open 9 to 5");
	assert_string_equal(config_str(&cfg, &cfg.accounts[0], OPT_HANDLE),
	    "acme shop");
	config_free(&cfg);
}

static void
test_missing_file_is_an_error_only_when_named(void **state)
{
	struct config	 cfg;
	char		*err = NULL;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_load(&cfg, "/nonexistent/heed.conf", 0, &err),
	    0);
	assert_int_equal(config_load(&cfg, "/nonexistent/heed.conf", 1, &err),
	    -1);
	assert_string_equal(err, "/nonexistent/heed.conf: No such file or "
	    "directory");
	free(err);
	config_free(&cfg);
}

static void
test_load_reads_a_real_file(void **state)
{
	struct config	 cfg;
	char		 path[] = "/tmp/heed-test-config-XXXXXX", *err = NULL;
	int		 fd;
	const char	*text = "sync_interval = 5m\n[account a]\n"
	    "platform = demo-page\nhistory_days = 400\n";

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	config_init(&cfg);
	assert_int_equal(config_load(&cfg, path, 1, &err), -1);
	assert_non_null(strstr(err, ":4: history_days = 400: expected a "
	    "whole number in range (1 to 365)"));
	assert_int_equal(strncmp(err, path, strlen(path)), 0);
	free(err);
	config_free(&cfg);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_apply_without_a_file),
		cmocka_unit_test(test_options_are_parsed_with_types),
		cmocka_unit_test(test_bad_lines_give_file_line_and_reason),
		cmocka_unit_test(test_account_options_fall_back_to_global),
		cmocka_unit_test(test_bindings_replace_and_unbind),
		cmocka_unit_test(test_saved_replies_keep_order_and_newlines),
		cmocka_unit_test(test_tabs_are_blank_space),
		cmocka_unit_test(test_missing_file_is_an_error_only_when_named),
		cmocka_unit_test(test_load_reads_a_real_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
