/*
 * test-edit.c -- the composer's text buffer, and key names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "edit.h"
#include "keys.h"
#include "util.h"

/* Insert a UTF-8 string key by key, as typing does. */
static void
type(struct edit *e, const char *s)
{
	assert_int_equal(edit_insert_str(e, s), 0);
}

static void
test_backspace_removes_whole_wide_and_emoji_characters(void **state)
{
	struct edit	e;

	(void)state;
	edit_init(&e, 1);
	type(&e, "ab中😀👍🏽🇳🇱");
	edit_backspace(&e);		/* the flag, both halves */
	assert_string_equal(e.text, "ab中😀👍🏽");
	edit_backspace(&e);		/* thumbs up with its skin tone */
	assert_string_equal(e.text, "ab中😀");
	edit_backspace(&e);
	assert_string_equal(e.text, "ab中");
	edit_backspace(&e);
	assert_string_equal(e.text, "ab");
	assert_int_equal(e.cursor, 2);
	edit_free(&e);
}

static void
test_cursor_moves_by_character_and_inserts_in_the_middle(void **state)
{
	struct edit	e;

	(void)state;
	edit_init(&e, 1);
	type(&e, "héllo");
	edit_left(&e);
	edit_left(&e);
	edit_left(&e);
	edit_left(&e);		/* between h and é */
	type(&e, "X");
	assert_string_equal(e.text, "hXéllo");
	edit_right(&e);		/* over é (two bytes) */
	edit_delete(&e);	/* the first l */
	assert_string_equal(e.text, "hXélo");
	edit_home(&e);
	assert_int_equal(e.cursor, 0);
	edit_end(&e);
	assert_int_equal(e.cursor, e.len);
	edit_free(&e);
}

static void
test_kill_word_and_kill_line(void **state)
{
	struct edit	e;

	(void)state;
	edit_init(&e, 1);
	type(&e, "Thanks for waiting  ");
	edit_kill_word(&e);
	assert_string_equal(e.text, "Thanks for ");
	edit_insert(&e, '\n');
	type(&e, "second line");
	edit_kill_line(&e);
	assert_string_equal(e.text, "Thanks for \n");
	edit_kill_line(&e);	/* at a line start: joins with the line above */
	assert_string_equal(e.text, "Thanks for ");
	edit_free(&e);
}

static void
test_up_and_down_keep_the_display_column(void **state)
{
	struct edit	e;

	(void)state;
	edit_init(&e, 1);
	type(&e, "中文字\nabcdef\nxy");
	edit_up(&e);		/* from the end of "xy" (col 2) */
	assert_int_equal(e.cursor, strlen("中文字\nab"));
	edit_up(&e);		/* col 2 is after the first wide char */
	assert_int_equal(e.cursor, strlen("中"));
	edit_down(&e);
	assert_int_equal(e.cursor, strlen("中文字\nab"));
	edit_down(&e);
	edit_down(&e);		/* on the last line: go to its end */
	assert_int_equal(e.cursor, e.len);
	edit_free(&e);
}

static void
test_one_line_buffers_refuse_newlines_and_controls(void **state)
{
	struct edit	e;

	(void)state;
	edit_init(&e, 0);
	assert_int_equal(edit_insert(&e, '\n'), -1);
	assert_int_equal(edit_insert(&e, 0x1b), -1);
	assert_int_equal(edit_insert(&e, 0x9b), -1);
	assert_int_equal(edit_insert(&e, 0xd800), -1);
	type(&e, "a\nb");
	assert_string_equal(e.text, "a b");
	assert_true(edit_blank(&e) == 0);
	edit_set(&e, "  ");
	assert_true(edit_blank(&e));
	edit_free(&e);
}

static void
test_buffer_refuses_to_grow_past_its_limit(void **state)
{
	struct edit	e;
	size_t		i;

	(void)state;
	edit_init(&e, 1);
	for (i = 0; i < EDIT_MAX; i++)
		assert_int_equal(edit_insert(&e, 'x'), 0);
	assert_int_equal(edit_insert(&e, 'x'), -1);
	assert_int_equal(e.len, EDIT_MAX);
	edit_free(&e);
}

static void
test_edit_key_applies_editing_keys_and_passes_others(void **state)
{
	struct edit	e;

	(void)state;
	edit_init(&e, 0);
	assert_int_equal(edit_key(&e, 'b'), 0);
	assert_int_equal(edit_key(&e, KEYC_CTRL('a')), 0);
	assert_int_equal(edit_key(&e, 0x00e9), 0);	/* é at the start */
	assert_int_equal(edit_key(&e, KEYC_END), 0);
	assert_int_equal(edit_key(&e, 'c'), 0);
	assert_string_equal(e.text, "ébc");
	assert_int_equal(edit_key(&e, KEYC_LEFT), 0);
	assert_int_equal(edit_key(&e, KEYC_BACKSPACE), 0);
	assert_string_equal(e.text, "éc");
	assert_int_equal(edit_key(&e, KEYC_CTRL('d')), 0);
	assert_string_equal(e.text, "é");
	assert_int_equal(edit_key(&e, KEYC_F1), 1);
	assert_int_equal(edit_key(&e, KEYC_CTRL('w')), 1);
	assert_int_equal(edit_key(&e, KEYC_ENTER), 1);
	assert_string_equal(e.text, "é");
	edit_free(&e);
}

static const struct {
	const char	*name;
	uint32_t	 key;
	const char	*canonical;
} key_cases[] = {
	{ "j", 'j', "j" },
	{ "C-w", KEYC_CTRL('w'), "C-w" },
	{ "M-Enter", KEYC_META | KEYC_ENTER, "M-Enter" },
	{ "PgDn", KEYC_NPAGE, "PgDn" },
	{ "pagedown", KEYC_NPAGE, "PgDn" },
	{ "F1", KEYC_F1, "F1" },
	{ "F12", KEYC_F12, "F12" },
	{ "Space", ' ', "Space" },
	{ "é", 0xe9, "é" },
	{ "M-x", KEYC_META | 'x', "M-x" },
	{ "BTab", KEYC_BTAB, "BTab" },
};

static void
test_key_names_parse_and_print_back(void **state)
{
	uint32_t	key;
	char		name[32];
	size_t		i;

	(void)state;
	for (i = 0; i < nitems(key_cases); i++) {
		assert_int_equal(keys_parse(key_cases[i].name, &key), 0);
		assert_int_equal(key, key_cases[i].key);
		keys_name(key, name, sizeof name);
		assert_string_equal(name, key_cases[i].canonical);
	}
	assert_int_equal(keys_parse("C-m", &key), -1);
	assert_int_equal(keys_parse("C-i", &key), -1);
	assert_int_equal(keys_parse("F13", &key), -1);
	assert_int_equal(keys_parse("jj", &key), -1);
	assert_int_equal(keys_parse("", &key), -1);
	assert_int_equal(keys_parse("\x01", &key), -1);
}

static void
test_every_action_has_a_default_key_or_a_name(void **state)
{
	struct keymap	km;
	char		keys[64];
	int		a, s, bound;

	(void)state;
	keymap_init_defaults(&km);
	for (a = 1; a < ACT_COUNT; a++) {
		bound = 0;
		for (s = 0; s < SCREEN_COUNT; s++) {
			if (!keys_action_on(a, s))
				continue;
			keymap_keys_of(&km, s, a, keys, sizeof keys);
			bound |= keys[0] != '\0';
		}
		if (!bound)
			fail_msg("action %s has no default key",
			    keys_action_name(a));
		assert_int_equal(keys_action_from_name(keys_action_name(a)), a);
	}
	keymap_free(&km);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_backspace_removes_whole_wide_and_emoji_characters),
		cmocka_unit_test(
		    test_cursor_moves_by_character_and_inserts_in_the_middle),
		cmocka_unit_test(test_kill_word_and_kill_line),
		cmocka_unit_test(test_up_and_down_keep_the_display_column),
		cmocka_unit_test(
		    test_one_line_buffers_refuse_newlines_and_controls),
		cmocka_unit_test(test_buffer_refuses_to_grow_past_its_limit),
		cmocka_unit_test(
		    test_edit_key_applies_editing_keys_and_passes_others),
		cmocka_unit_test(test_key_names_parse_and_print_back),
		cmocka_unit_test(test_every_action_has_a_default_key_or_a_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
