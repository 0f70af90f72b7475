/*
 * test-docs.c -- the documents agree with the code: every option of
 * config_table has an entry in heed.conf(5) and its default in
 * config.example, every action is named in both man pages, the key tables
 * of heed(1) are the default bindings, config.example is a file that
 * parses, and the README carries the quick start.
 *
 * The files are read with tests/lib/data.c, relative to $SRCDIR, or the
 * current directory (the repository root) when it is not set.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "keys.h"

#include "lib/data.h"

/* Return 1 if text has a line that is exactly line. */
static int
doc_has_line(const char *text, const char *line)
{
	size_t		 len = strlen(line);
	const char	*p = text;

	while ((p = strstr(p, line)) != NULL) {
		if ((p == text || p[-1] == '\n') &&
		    (p[len] == '\n' || p[len] == '\0'))
			return 1;
		p += len;
	}
	return 0;
}

/* Return 1 if text has word right after prefix, followed by a blank. */
static int
doc_has_word_after(const char *text, const char *prefix, const char *word)
{
	char		 needle[256];
	size_t		 len;
	const char	*p = text;

	snprintf(needle, sizeof needle, "%s%s", prefix, word);
	len = strlen(needle);
	while ((p = strstr(p, needle)) != NULL) {
		if (p[len] == ' ' || p[len] == '\n' || p[len] == '\0')
			return 1;
		p += len;
	}
	return 0;
}

/*
 * Every option has its own ".It Ic NAME Ar TYPE" entry in heed.conf(5).
 * The type tells it from an action of the same name (editor).
 */
static void
test_every_option_has_an_entry_in_heed_conf_5(void **state)
{
	const struct config_option	*opts;
	size_t				 n, i;
	char				*man, entry[128];

	(void)state;
	opts = config_options(&n);
	man = data_read_source("man/heed.conf.5", NULL);
	for (i = 0; i < n; i++) {
		snprintf(entry, sizeof entry, "\n.It Ic %s Ar ", opts[i].name);
		if (strstr(man, entry) == NULL)
			fail_msg("heed.conf.5 has no .It Ic %s Ar",
			    opts[i].name);
	}
	free(man);
}

/* Every option appears in config.example as "# NAME = DEFAULT". */
static void
test_every_option_has_its_default_in_config_example(void **state)
{
	const struct config_option	*opts;
	size_t				 n, i;
	char				*ex, line[512];

	(void)state;
	opts = config_options(&n);
	ex = data_read_source("config.example", NULL);
	for (i = 0; i < n; i++) {
		if (*opts[i].def == '\0')
			snprintf(line, sizeof line, "# %s =", opts[i].name);
		else
			snprintf(line, sizeof line, "# %s = %s", opts[i].name,
			    opts[i].def);
		if (!doc_has_line(ex, line))
			fail_msg("config.example has no line \"%s\"", line);
	}
	free(ex);
}

/* Check that every action is named as "Ic NAME" in a man page. */
static void
check_actions_named_in(const char *file)
{
	char	*man;
	int	 a;

	man = data_read_source(file, NULL);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		if (!doc_has_word_after(man, "Ic ", keys_action_name(a)))
			fail_msg("%s does not name the action %s", file,
			    keys_action_name(a));
	}
	free(man);
}

/* Every action is named in heed(1). */
static void
test_every_action_is_named_in_heed_1(void **state)
{
	(void)state;
	check_actions_named_in("man/heed.1");
}

/* Every action is named in heed.conf(5). */
static void
test_every_action_is_named_in_heed_conf_5(void **state)
{
	(void)state;
	check_actions_named_in("man/heed.conf.5");
}

/* Every action is listed in heed.conf(5) with exactly its screens. */
static void
test_heed_conf_5_lists_the_screens_of_every_action(void **state)
{
	char		*man, head[128], want[256];
	const char	*p, *end;
	size_t		 used;
	int		 a, s, first;

	(void)state;
	man = data_read_source("man/heed.conf.5", NULL);
	for (a = ACT_NONE; a < ACT_COUNT; a++) {
		snprintf(head, sizeof head, "\n.It Ic %s\n",
		    keys_action_name(a));
		if ((p = strstr(man, head)) == NULL)
			fail_msg("heed.conf.5 has no entry for %s",
			    keys_action_name(a));
		p += strlen(head);
		if ((end = strstr(p, "\n.It ")) == NULL)
			end = p + strlen(p);
		used = (size_t)snprintf(want, sizeof want, "On:");
		for (first = 1, s = 0; s < SCREEN_COUNT; s++) {
			if (!keys_action_on(a, s))
				continue;
			used += (size_t)snprintf(want + used,
			    sizeof want - used, "%s %s", first ? "" : ",",
			    keys_screen_name(s));
			first = 0;
		}
		snprintf(want + used, sizeof want - used, ".");
		p = strstr(p, want);
		if (p == NULL || p > end)
			fail_msg("heed.conf.5: %s should say \"%s\"",
			    keys_action_name(a), want);
	}
	free(man);
}

/* Write a key name for mdoc: a backslash as \e, punctuation after \&. */
static const char *
mdoc_key(const char *key, char *out, size_t len)
{
	if (strcmp(key, "\\") == 0)
		snprintf(out, len, "\\e");
	else if (strlen(key) == 1 && strchr(".,:;()[]?!|", *key) != NULL)
		snprintf(out, len, "\\&%s", key);
	else
		snprintf(out, len, "%s", key);
	return out;
}

/* Build the table row of heed(1) for keys such as "j, Down" and action. */
static void
mdoc_row(const char *keys, const char *action, char *out, size_t len)
{
	char		 word[32], escaped[40];
	const char	*p = keys, *comma;
	size_t		 used, n;

	used = (size_t)snprintf(out, len, ".It Cm");
	while (*p != '\0') {
		if ((comma = strstr(p, ", ")) == NULL)
			comma = p + strlen(p);
		n = (size_t)(comma - p);
		assert_true(n < sizeof word);
		memcpy(word, p, n);
		word[n] = '\0';
		used += (size_t)snprintf(out + used, len - used, "%s %s",
		    p == keys ? "" : " ,",
		    mdoc_key(word, escaped, sizeof escaped));
		assert_true(used < len);
		p = *comma == '\0' ? comma : comma + 2;
	}
	snprintf(out + used, len - used, " Ta Ic %s Ta ", action);
}

/*
 * The key table of each screen in heed(1) has one row per action with
 * default keys on that screen, listing exactly those keys.
 */
static void
test_heed_1_key_tables_are_the_default_bindings(void **state)
{
	static const char *const titles[SCREEN_COUNT] = {
		"Queue", "Thread", "Composer", "Outbox", "Check", "Statistics",
		"Log"
	};
	struct keymap	 km;
	char		*man, *keys_sh, *table, *end, head[64], keys[256];
	char		 row[512];
	const char	*p;
	int		 s, a, want, rows;

	(void)state;
	man = data_read_source("man/heed.1", NULL);
	if ((keys_sh = strstr(man, "\n.Sh KEYS\n")) == NULL)
		fail_msg("heed.1 has no KEYS section");
	keymap_init_defaults(&km);
	for (s = 0; s < SCREEN_COUNT; s++) {
		snprintf(head, sizeof head, "\n.Ss %s\n", titles[s]);
		if ((table = strstr(keys_sh, head)) == NULL)
			fail_msg("heed.1 KEYS has no .Ss %s", titles[s]);
		assert_non_null(end = strstr(table, "\n.El\n"));
		*end = '\0';
		for (want = 0, a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			keymap_keys_of(&km, s, a, keys, sizeof keys);
			if (*keys == '\0')
				continue;
			want++;
			mdoc_row(keys, keys_action_name(a), row, sizeof row);
			if (strstr(table, row) == NULL)
				fail_msg("heed.1 %s table lacks \"%s\"",
				    titles[s], row);
		}
		for (rows = 0, p = table; (p = strstr(p, "\n.It Cm ")); p++)
			rows++;
		*end = '\n';
		if (rows != want)
			fail_msg("heed.1 %s table has %d rows, not %d",
			    titles[s], rows, want);
	}
	keymap_free(&km);
	free(man);
}

/* Return 1 if s is a name ([A-Za-z0-9_.-]+), " =" and maybe a value. */
static int
example_is_assignment(const char *s, char *name, size_t len)
{
	size_t	n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");

	if (n == 0 || n >= len || strncmp(s + n, " =", 2) != 0 ||
	    (s[n + 2] != ' ' && s[n + 2] != '\0'))
		return 0;
	memcpy(name, s, n);
	name[n] = '\0';
	return 1;
}

/* Return 1 if s is "bind" and exactly three more words. */
static int
example_is_bind(const char *s)
{
	int	words = 0;

	if (strncmp(s, "bind ", 5) != 0)
		return 0;
	for (; *s != '\0'; s++) {
		if (*s != ' ' && (s[1] == ' ' || s[1] == '\0'))
			words++;
	}
	return words == 4;
}

/*
 * Return 1 if a line of config.example is configuration rather than prose:
 * "# " and then a section header, a bind line, an option line or, in
 * [replies], a saved reply. "# platform =" is not: it shows that platform
 * has no default, and an account with an empty platform is an error by
 * design; the example's real platform line follows it. *replies tracks
 * the section, *options counts the option lines.
 */
static int
example_take(const char *line, int *replies, int *options)
{
	const char	*s;
	char		 name[128];

	if (strncmp(line, "# ", 2) != 0)
		return 0;
	s = line + 2;
	if (*s == '[') {
		*replies = strcmp(s, "[replies]") == 0;
		return 1;
	}
	if (example_is_bind(s))
		return 1;
	if (!example_is_assignment(s, name, sizeof name))
		return 0;
	if (*replies)
		return 1;
	if (strcmp(name, "platform") == 0 && s[strlen(name) + 2] == '\0')
		return 0;
	(*options)++;
	return 1;
}

/* Take the "# " off every configuration line of config.example. */
static char *
example_uncomment(const char *text, int *options)
{
	char	*copy, *line, *next, *out;
	size_t	 used = 0, n;
	int	 replies = 0;

	*options = 0;
	copy = strdup(text);
	out = malloc(strlen(text) + 2);
	assert_non_null(copy);
	assert_non_null(out);
	for (line = copy; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (example_take(line, &replies, options))
			line += 2;
		n = strlen(line);
		memcpy(out + used, line, n);
		used += n;
		out[used++] = '\n';
	}
	out[used] = '\0';
	free(copy);
	return out;
}

/* config.example parses as it is, and changes nothing when it does. */
static void
test_config_example_parses_as_shipped(void **state)
{
	struct config	 cfg;
	char		*ex, *cause = NULL;
	int		 i;

	(void)state;
	ex = data_read_source("config.example", NULL);
	config_init(&cfg);
	if (config_parse(&cfg, "config.example", ex, &cause) != 0)
		fail_msg("%s", cause);
	for (i = 0; i < OPT_COUNT; i++)
		assert_false(cfg.v[i].set);
	assert_int_equal(cfg.naccounts, 0);
	assert_int_equal(cfg.nreplies, 0);
	config_free(&cfg);
	free(ex);
}

/*
 * config.example with every option, bind, section and saved reply
 * uncommented parses with no error, into an account and saved replies.
 */
static void
test_config_example_parses_uncommented(void **state)
{
	struct config	 cfg;
	char		*ex, *text, *cause = NULL;
	int		 options;

	(void)state;
	ex = data_read_source("config.example", NULL);
	text = example_uncomment(ex, &options);
	/* Every option once, some twice; only "# platform =" is left. */
	assert_true(options >= OPT_COUNT);
	config_init(&cfg);
	if (config_parse(&cfg, "config.example (uncommented)", text,
	    &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(cfg.naccounts, 1);
	assert_true(cfg.nreplies >= 2);
	config_free(&cfg);
	free(text);
	free(ex);
}

/* The README's quick start has the two command lines. */
static void
test_readme_has_the_quick_start_commands(void **state)
{
	char	*readme;

	(void)state;
	readme = data_read_source("README", NULL);
	if (!doc_has_line(readme, "    make deps demo"))
		fail_msg("README lacks the line \"    make deps demo\"");
	if (!doc_has_line(readme, "    make check"))
		fail_msg("README lacks the line \"    make check\"");
	free(readme);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_option_has_an_entry_in_heed_conf_5),
		cmocka_unit_test(
		    test_every_option_has_its_default_in_config_example),
		cmocka_unit_test(test_every_action_is_named_in_heed_1),
		cmocka_unit_test(test_every_action_is_named_in_heed_conf_5),
		cmocka_unit_test(
		    test_heed_conf_5_lists_the_screens_of_every_action),
		cmocka_unit_test(
		    test_heed_1_key_tables_are_the_default_bindings),
		cmocka_unit_test(test_config_example_parses_as_shipped),
		cmocka_unit_test(test_config_example_parses_uncommented),
		cmocka_unit_test(test_readme_has_the_quick_start_commands),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
