/*
 * test-ui-screen.c -- the stack of screens (ui-screen.c): going back frees
 * the screen and reloads the one below, an overlay stays on top and
 * lends its keys to the screen under it, and what a screen could not
 * save is asked from the top down. The screens here are fakes that write
 * what is done to them into a log; no terminal is needed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ui-private.h"
#include "util.h"

/* A fake screen: its name, and the log every fake writes to. */
struct fake {
	const char	*name;
	struct buf	*log;
	int		 unsaved;
};

static void
fake_draw(struct ui *ui, void *data)
{
	(void)ui;
	(void)data;
}

static void
fake_key(struct ui *ui, void *data, int action, uint32_t key)
{
	(void)ui;
	(void)data;
	(void)action;
	(void)key;
}

static void
fake_free(struct ui *ui, void *data)
{
	struct fake	*f = data;

	(void)ui;
	buf_printf(f->log, "free %s;", f->name);
	free(f);
}

static void
fake_reload(struct ui *ui, void *data)
{
	struct fake	*f = data;

	(void)ui;
	buf_printf(f->log, "reload %s;", f->name);
}

static int
fake_unsaved(struct ui *ui, void *data, struct ui_unsaved *u)
{
	struct fake	*f = data;

	(void)ui;
	buf_printf(f->log, "save %s;", f->name);
	if (!f->unsaved)
		return 0;
	u->to = "Anna";
	u->error = "disk full";
	u->text = f->name;
	return 1;
}

static const struct ui_screen_ops fake_queue_ops = {
	.name = "queue", .keys = SCREEN_QUEUE, .draw = fake_draw,
	.key = fake_key, .free = fake_free, .reload = fake_reload,
};
static const struct ui_screen_ops fake_thread_ops = {
	.name = "thread", .keys = SCREEN_THREAD, .draw = fake_draw,
	.key = fake_key, .free = fake_free, .reload = fake_reload,
};
static const struct ui_screen_ops fake_compose_ops = {
	.name = "compose", .keys = SCREEN_COMPOSE, .draw = fake_draw,
	.key = fake_key, .free = fake_free, .unsaved = fake_unsaved,
};
static const struct ui_screen_ops fake_help_ops = {
	.name = "help", .keys = -1, .overlay = 1, .draw = fake_draw,
	.key = fake_key, .free = fake_free,
};

/* Push a fake screen named name; its state. */
static struct fake *
push(struct ui *ui, struct buf *log, const struct ui_screen_ops *ops,
    const char *name)
{
	struct fake	*f = xcalloc(1, sizeof *f);

	f->name = name;
	f->log = log;
	ui_screen_push(ui, ops, f);
	return f;
}

/* Take the log, and empty it for what comes next. */
static void
log_is(struct buf *log, const char *want)
{
	assert_string_equal(log->len != 0 ? log->data : "", want);
	log->len = 0;
	if (log->data != NULL)
		log->data[0] = '\0';
}

/* Drop every screen left (the log is not checked). */
static void
clear(struct ui *ui, struct buf *log)
{
	while (ui->nstack > 0)
		ui_screen_drop(ui, ui_screen_top(ui)->data);
	buf_free(log);
}

static void
test_stack_back_frees_the_top_and_reloads_the_one_below(void **state)
{
	struct ui	 ui;
	struct buf	 log;
	struct fake	*t;

	(void)state;
	memset(&ui, 0, sizeof ui);
	buf_init(&log, 0);
	push(&ui, &log, &fake_queue_ops, "Q");
	t = push(&ui, &log, &fake_thread_ops, "T");
	ui_screen_pop(&ui, t);
	log_is(&log, "free T;reload Q;");
	assert_int_equal(ui.nstack, 1);
	assert_int_equal(ui_screen_keys(&ui), SCREEN_QUEUE);
	clear(&ui, &log);
}

static void
test_stack_drop_reloads_nothing(void **state)
{
	struct ui	 ui;
	struct buf	 log;
	struct fake	*t;

	(void)state;
	memset(&ui, 0, sizeof ui);
	buf_init(&log, 0);
	push(&ui, &log, &fake_queue_ops, "Q");
	t = push(&ui, &log, &fake_thread_ops, "T");
	ui_screen_drop(&ui, t);
	log_is(&log, "free T;");
	clear(&ui, &log);
}

/*
 * The help over a thread that goes (it could not be read again): the
 * thread leaves from under the help, the queue is read again, and the
 * help stays up, now with the queue's keys.
 */
static void
test_stack_screen_under_an_overlay_goes_the_overlay_stays(void **state)
{
	struct ui	 ui;
	struct buf	 log;
	struct fake	*t;

	(void)state;
	memset(&ui, 0, sizeof ui);
	buf_init(&log, 0);
	push(&ui, &log, &fake_queue_ops, "Q");
	t = push(&ui, &log, &fake_thread_ops, "T");
	push(&ui, &log, &fake_help_ops, "H");
	assert_int_equal(ui_screen_keys(&ui), SCREEN_THREAD);
	assert_ptr_equal(ui_screen_main(&ui)->data, t);
	ui_screen_pop(&ui, t);
	log_is(&log, "free T;reload Q;");
	assert_string_equal(ui_screen_top(&ui)->ops->name, "help");
	assert_string_equal(ui_screen_main(&ui)->ops->name, "queue");
	assert_int_equal(ui_screen_keys(&ui), SCREEN_QUEUE);
	clear(&ui, &log);
}

/* A sync reloads the screen under the help, never the help itself. */
static void
test_stack_reload_reaches_the_main_screen(void **state)
{
	struct ui	 ui;
	struct buf	 log;

	(void)state;
	memset(&ui, 0, sizeof ui);
	buf_init(&log, 0);
	push(&ui, &log, &fake_queue_ops, "Q");
	push(&ui, &log, &fake_thread_ops, "T");
	push(&ui, &log, &fake_help_ops, "H");
	ui_screen_reload(&ui);
	log_is(&log, "reload T;");
	clear(&ui, &log);
}

/* Quitting asks every screen, from the top, what it could not save. */
static void
test_stack_unsaved_text_is_found_under_the_help(void **state)
{
	struct ui		 ui;
	struct ui_unsaved	 u;
	struct buf		 log;
	struct fake		*c;

	(void)state;
	memset(&ui, 0, sizeof ui);
	buf_init(&log, 0);
	push(&ui, &log, &fake_queue_ops, "Q");
	c = push(&ui, &log, &fake_compose_ops, "C");
	push(&ui, &log, &fake_help_ops, "H");
	assert_int_equal(ui_screen_unsaved(&ui, &u), 0);
	log_is(&log, "save C;");
	c->unsaved = 1;
	assert_int_equal(ui_screen_unsaved(&ui, &u), 1);
	assert_string_equal(u.text, "C");
	assert_string_equal(u.error, "disk full");
	assert_ptr_equal(ui_screen_find(&ui, &fake_compose_ops), c);
	assert_null(ui_screen_find(&ui, &fake_thread_ops));
	clear(&ui, &log);
}

/* The names a command line takes on a screen, as "a b c". */
static void
names_are(struct ui *ui, const char *want)
{
	const char	**v;
	struct buf	  b;
	size_t		  n, i;

	buf_init(&b, 0);
	n = ui_command_names(ui, &v);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i != 0 ? " " : "", v[i]);
	assert_string_equal(b.data != NULL ? b.data : "", want);
	buf_free(&b);
	free(v);
}

static const struct ui_cmd fake_cmds[] = {
	{ "view", "view", "show a view", NULL },
	{ "search", "words", "search for them", NULL },
	{ NULL, NULL, NULL, NULL }
};
static const struct ui_screen_ops fake_check_ops = {
	.name = "check", .keys = SCREEN_CHECK, .draw = fake_draw,
	.key = fake_key, .free = fake_free,
};
static const struct ui_screen_ops fake_cmd_queue_ops = {
	.name = "queue", .keys = SCREEN_QUEUE, .draw = fake_draw,
	.key = fake_key, .free = fake_free, .cmds = fake_cmds,
};

/*
 * The commands of a screen are the names of its actions in the table of
 * keys, its commands that take a word, and quit, each once, sorted; the
 * help over a screen does not change them.
 */
static void
test_commands_come_from_the_keys_of_the_screen(void **state)
{
	static const char queue_names[] = "bottom command delete done "
	    "done-thanks down filter flag help hide kind legend like log mark "
	    "mark-range next-view note open open-link outbox page-down page-up "
	    "prev-view private-reply quit redraw reply saved-reply search "
	    "snooze stats sync tag top undo unmark up view";
	struct ui	 ui;
	struct buf	 log;
	struct fake	*h;

	(void)state;
	memset(&ui, 0, sizeof ui);
	buf_init(&log, 0);
	push(&ui, &log, &fake_cmd_queue_ops, "Q");
	names_are(&ui, queue_names);
	h = push(&ui, &log, &fake_help_ops, "H");
	names_are(&ui, queue_names);
	ui_screen_drop(&ui, h);
	push(&ui, &log, &fake_check_ops, "K");
	names_are(&ui, "cancel command finding help quit redraw send send-anyway");
	clear(&ui, &log);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_stack_back_frees_the_top_and_reloads_the_one_below),
		cmocka_unit_test(test_stack_drop_reloads_nothing),
		cmocka_unit_test(
		    test_stack_screen_under_an_overlay_goes_the_overlay_stays),
		cmocka_unit_test(test_stack_reload_reaches_the_main_screen),
		cmocka_unit_test(
		    test_stack_unsaved_text_is_found_under_the_help),
		cmocka_unit_test(
		    test_commands_come_from_the_keys_of_the_screen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
