/*
 * test-config.c -- the configuration file: options, bounds, accounts,
 * bindings, saved replies and the file:line error messages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config-alert.h"
#include "config.h"
#include "hours.h"
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
	{ "\nalert = bell beep\n", "test.conf:2: alert = bell beep: unknown "
	    "way \"beep\" (bell, title, desktop or none)" },
	{ "alert = none desktop\n", "test.conf:1: alert = none desktop: none "
	    "goes alone" },
	{ "quiet_hours = 22-7\n", "test.conf:1: quiet_hours = 22-7: a span "
	    "such as 22:00-07:00 is expected" },
	{ "quiet_hours = 22:00-22:00\n", "test.conf:1: quiet_hours = "
	    "22:00-22:00: a span such as 22:00-07:00 is expected" },
	{ "quiet_hours = 22:00-25:00\n", "test.conf:1: quiet_hours = "
	    "22:00-25:00: a span such as 22:00-07:00 is expected" },
	{ "[account a]\nplatform = demo-page\nalert = bell\n",
	    "test.conf:3: alert cannot be set per account" },
	{ "color = pink\n", "test.conf:1: color = pink: not one of the "
	    "allowed values: auto always never" },
	{ "language = English\n", "test.conf:1: language = English: not a "
	    "language code such as en, nl or de_AT" },
	{ "[account a]\nplatform = demo-page\nlanguage = nl_\n",
	    "test.conf:3: language = nl_: not a language code such as en, nl "
	    "or de_AT" },
	{ "mark_read = maybe\n", "test.conf:1: mark_read = maybe: expected "
	    "yes or no" },
	{ "just words\n", "test.conf:1: expected name = value" },
	{ "[account shop\n", "test.conf:1: a section header must end with ]" },
	{ "[acount shop]\n", "test.conf:1: unknown section [acount shop] "
	    "(expected [account NAME], [rule NAME], [view NAME] or "
	    "[replies])" },
	{ "[view Inbox]\nfilter = x\n", "test.conf:1: view Inbox is one of "
	    "heed's own: choose another name" },
	{ "[view refunds]\n", "test.conf:1: view refunds has no filter "
	    "(filter = an expression such as tag:refunds)" },
	{ "[view a]\nfilter = x\n[view a]\n", "test.conf:3: view a is "
	    "defined twice" },
	{ "[view a]\nfilter = x\nfrom = later\n", "test.conf:3: from = "
	    "\"later\": one of inbox, flagged, snoozed, done, all or spam" },
	{ "[view a]\nsort = age\n", "test.conf:2: unknown key \"sort\" in "
	    "a view (filter, from)" },
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
	/* Control characters are refused, and never echoed. */
	{ "colour\x1b]0;HACKED\x07 = never\n", "test.conf:1: the line holds "
	    "a control character (U+001B); only tab may be written as it is "
	    "(\\n in a quoted value is a new line)" },
	{ "[account \xc2\x9b" "2J]\n", "test.conf:1: the line holds a "
	    "control character (U+009B); only tab may be written as it is "
	    "(\\n in a quoted value is a new line)" },
	{ "\n\nhandle = a\x7f\n", "test.conf:3: the line holds a control "
	    "character (U+007F); only tab may be written as it is (\\n in a "
	    "quoted value is a new line)" },
	/* Bidi controls and marks are refused too (found by fuzzing). */
	{ "colo\xe2\x80\xaer = never\n", "test.conf:1: the line holds a "
	    "control character (U+202E); only tab may be written as it is "
	    "(\\n in a quoted value is a new line)" },
	{ "[account shop]\nplatform = bluesky\nhandle = shop\xe2\x80\x8f\n",
	    "test.conf:3: the line holds a control character (U+200F); only "
	    "tab may be written as it is (\\n in a quoted value is a new "
	    "line)" },
	/* Found by fuzzing: a line break went into an option's value, and
	 * into the message that said it back. */
	{ "recheck_interval = \"Thank you!\\nWe\"\n", "test.conf:1: "
	    "recheck_interval = Thank you! We: expected a duration such as "
	    "30s, 15m, 4h or 2d (now to 7d)" },
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

/* Return 1 if s holds a C0 or C1 control character or DEL. */
static int
has_control(const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 &&
		    p[1] <= 0x9f))
			return 1;
	}
	return 0;
}

static void
test_long_values_are_quoted_short(void **state)
{
	static const char *const forms[][2] = {
		{ "color = ", "\n" },
		{ "", " = 1\n" },
		{ "[account ", "]\n" },
		{ "[", "]\n" },
		{ "bind queue ", " done\n" },
		{ "bind queue x ", "\n" },
		{ "response_target = ", "\n" },
		{ "[replies]\n", "! = hello\n" },
		{ "", " = \"a\\q\"\n" },
	};
	struct config	 cfg;
	char		*big, *text, *err;
	size_t		 i, n = 900 * 1024;

	(void)state;
	big = xmalloc(n + 1);
	memset(big, 'x', n);
	big[n] = '\0';
	for (i = 0; i < nitems(forms); i++) {
		text = xprintf("%s%s%s", forms[i][0], big, forms[i][1]);
		err = parse(&cfg, text);
		if (err == NULL)
			fail_msg("form %zu was accepted", i);
		/* The value is cut to 40 columns, with an ellipsis. */
		if (strlen(err) > 300 || strstr(err, "xxxxxxxx\xe2\x80\xa6") ==
		    NULL)
			fail_msg("form %zu: %.300s", i, err);
		assert_int_equal(strncmp(err, "test.conf:", 10), 0);
		free(err);
		free(text);
		config_free(&cfg);
	}
	free(big);
}

static void
test_quoted_values_lose_controls(void **state)
{
	struct config	 cfg;
	char		*err;

	(void)state;
	/* An escape written with \n and friends cannot smuggle one in. */
	err = parse(&cfg, "color = \"\\n\\npink\\n\"\n");
	assert_non_null(err);
	assert_false(has_control(err));
	assert_string_equal(err, "test.conf:1: color = pink: not one of the "
	    "allowed values: auto always never");
	free(err);
	config_free(&cfg);
	/* Tab is allowed as it is. */
	assert_null(parse(&cfg, "editor = \"nano\t-w\"\n"));
	assert_string_equal(config_str(&cfg, NULL, OPT_EDITOR), "nano\t-w");
	config_free(&cfg);
}

/* A language is a code: a language's, perhaps with a region or script. */
static void
test_language_codes(void **state)
{
	const char *const	 good[] = {
		"", "en", "nl", "ast", "de_AT", "pt-BR", "zh-Hans", "es_419"
	};
	struct config		 cfg;
	char			*text, *err;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(good); i++) {
		text = xprintf("language = %s\n", good[i]);
		if ((err = parse(&cfg, text)) != NULL)
			fail_msg("%s refused: %s", good[i], err);
		assert_string_equal(config_str(&cfg, NULL, OPT_LANGUAGE),
		    good[i]);
		config_free(&cfg);
		free(text);
	}
}

/* Quiet hours with blanks around them, as a quoted value keeps them. */
static void
test_quiet_hours_take_blanks_around(void **state)
{
	/* 2026-03-09, a Monday, 23:00 and 12:00 UTC. */
	const int64_t	 night = INT64_C(1773097200), noon = INT64_C(1773057600);
	struct config	 cfg;
	struct hours	 h;
	char		*cause = NULL;

	(void)state;
	assert_null(parse(&cfg, "quiet_hours = \" 22:00-07:00 \t \"\n"));
	assert_int_equal(config_quiet(&cfg, &h, &cause), 0);
	hours_free(&h);
	config_free(&cfg);
	assert_int_equal(config_quiet_parse("22:00-07:00  ", "UTC", &h,
	    &cause), 0);
	assert_true(hours_open_at(&h, night));
	assert_false(hours_open_at(&h, noon));
	hours_free(&h);
	assert_int_equal(config_quiet_parse(" \t ", "UTC", &h, &cause), 1);
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

/* Saved views keep their order, their filter and the view they narrow. */
static void
test_saved_views(void **state)
{
	struct config	 cfg;
	char		*err;

	(void)state;
	err = parse(&cfg, "[view refunds]\nfilter = tag:refunds\n"
	    "[view late-nl]\nfrom = all\nfilter = \"lang:nl older:4h\"\n");
	assert_null(err);
	assert_int_equal(cfg.nviews, 2);
	assert_string_equal(cfg.views[0].name, "refunds");
	assert_string_equal(cfg.views[0].filter, "tag:refunds");
	assert_int_equal(cfg.views[0].from, 0);
	assert_string_equal(cfg.views[1].filter, "lang:nl older:4h");
	assert_int_equal(cfg.views[1].from, 4);
	assert_ptr_equal(config_view_find(&cfg, "late-nl"), &cfg.views[1]);
	assert_null(config_view_find(&cfg, "late"));
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

/* Write n bytes of text to a new file in dir; return its path. */
static char *
write_file(const char *dir, const char *name, const char *text, size_t n)
{
	char	*path;
	FILE	*f;

	path = xprintf("%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return path;
}

static void
test_a_nul_byte_is_an_error_with_its_line(void **state)
{
	static const char	 text[] = "sync_interval = 5m\n\nhistory_days = "
	    "3\0history_days = 400\n";
	struct config		 cfg;
	char			 dir[] = "/tmp/heed-test-config-XXXXXX", *path;
	char			*err = NULL, *want;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = write_file(dir, "config", text, sizeof text - 1);
	config_init(&cfg);
	assert_int_equal(config_load(&cfg, path, 1, &err), -1);
	want = xprintf("%s:3: a NUL byte: the config must be text", path);
	assert_string_equal(err, want);
	/* Nothing of the file was applied. */
	assert_int_equal(config_int(&cfg, NULL, OPT_HISTORY_DAYS), 14);
	free(want);
	free(err);
	config_free(&cfg);
	unlink(path);
	free(path);
	rmdir(dir);
}

static void
test_only_regular_files_are_read(void **state)
{
	struct config	 cfg;
	char		 dir[] = "/tmp/heed-test-config-XXXXXX";
	char		*fifo, *sub, *link, *real, *err = NULL, *want;

	(void)state;
	/* A FIFO would wait for a writer forever: the alarm ends the test. */
	alarm(20);
	assert_non_null(mkdtemp(dir));
	fifo = xprintf("%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	config_init(&cfg);
	assert_int_equal(config_load(&cfg, fifo, 1, &err), -1);
	want = xprintf("%s: not a regular file (a FIFO); heed reads its "
	    "config only from a file", fifo);
	assert_string_equal(err, want);
	free(want);
	free(err);
	err = NULL;
	/* Not even when the config is optional. */
	assert_int_equal(config_load(&cfg, fifo, 0, &err), -1);
	free(err);
	err = NULL;
	sub = xprintf("%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(config_load(&cfg, sub, 1, &err), -1);
	want = xprintf("%s: not a regular file (a directory); heed reads its "
	    "config only from a file", sub);
	assert_string_equal(err, want);
	free(want);
	free(err);
	err = NULL;
	/* /dev/null is the empty config; a symbolic link to a file is read. */
	assert_int_equal(config_load(&cfg, "/dev/null", 1, &err), 0);
	real = write_file(dir, "real", "history_days = 30\n", 18);
	link = xprintf("%s/link", dir);
	assert_int_equal(symlink(real, link), 0);
	assert_int_equal(config_load(&cfg, link, 1, &err), 0);
	assert_int_equal(config_int(&cfg, NULL, OPT_HISTORY_DAYS), 30);
	alarm(0);
	config_free(&cfg);
	unlink(fifo);
	unlink(link);
	unlink(real);
	rmdir(sub);
	rmdir(dir);
	free(fifo);
	free(sub);
	free(link);
	free(real);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_apply_without_a_file),
		cmocka_unit_test(test_options_are_parsed_with_types),
		cmocka_unit_test(test_bad_lines_give_file_line_and_reason),
		cmocka_unit_test(test_quiet_hours_take_blanks_around),
		cmocka_unit_test(test_language_codes),
		cmocka_unit_test(test_account_options_fall_back_to_global),
		cmocka_unit_test(test_bindings_replace_and_unbind),
		cmocka_unit_test(test_saved_replies_keep_order_and_newlines),
		cmocka_unit_test(test_saved_views),
		cmocka_unit_test(test_missing_file_is_an_error_only_when_named),
		cmocka_unit_test(test_load_reads_a_real_file),
		cmocka_unit_test(test_long_values_are_quoted_short),
		cmocka_unit_test(test_quoted_values_lose_controls),
		cmocka_unit_test(test_a_nul_byte_is_an_error_with_its_line),
		cmocka_unit_test(test_only_regular_files_are_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
