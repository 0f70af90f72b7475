/*
 * test-creds.c -- secrets: the real system keyring and the credential
 * command.
 *
 * The keyring tests talk to a real gnome-keyring-daemon and need to run
 * inside tests/keyring-session:
 *
 *	sh tests/keyring-session build/tests/test-creds
 *
 * Anywhere else they are skipped (so a desktop's own keyring is never
 * touched), while the credential command tests and the tests without a
 * usable bus still run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "creds.h"
#include "util.h"

/* Internal to creds.c, for tests only. */
void	creds_set_command_timeout(int);

#define P	"demo-social"
#define K	"token"

/* Fail unless hay contains needle. */
#define assert_contains(hay, needle) do {				\
	const char *hay_ = (hay), *needle_ = (needle);			\
	if (hay_ == NULL || strstr(hay_, needle_) == NULL)		\
		fail_msg("\"%s\" does not contain \"%s\"",		\
		    hay_ != NULL ? hay_ : "(null)", needle_);		\
} while (0)

/* Fail if hay contains needle. */
#define assert_lacks(hay, needle) do {					\
	const char *hay_ = (hay), *needle_ = (needle);			\
	if (hay_ != NULL && strstr(hay_, needle_) != NULL)		\
		fail_msg("\"%s\" contains \"%s\"", hay_, needle_);	\
} while (0)

/* Skip the test unless a private keyring (tests/keyring-session) is up. */
static void
need_keyring(void)
{
	const char	*bus = getenv("DBUS_SESSION_BUS_ADDRESS");

	if (bus == NULL || *bus == '\0' || getenv("HEED_KEYRING_SESSION") ==
	    NULL)
		skip();
}

/* Look a secret up and check it is there and equal to want. */
static void
assert_lookup(const char *account, const char *kind, const char *want)
{
	char	*secret = NULL, *cause = NULL;

	assert_int_equal(creds_lookup(account, P, kind, &secret, &cause),
	    CREDS_OK);
	assert_null(cause);
	assert_non_null(secret);
	assert_string_equal(secret, want);
	util_free_secret(secret);
}

/* Check there is no secret for an account, and nothing is set. */
static void
assert_missing(const char *account, const char *kind)
{
	char	*secret = NULL, *cause = NULL;

	assert_int_equal(creds_lookup(account, P, kind, &secret, &cause),
	    CREDS_MISSING);
	assert_null(secret);
	assert_null(cause);
}

/* Store a secret, which must work. */
static void
store_ok(const char *account, const char *kind, const char *secret)
{
	char	*cause = NULL;

	assert_int_equal(creds_store(account, P, kind, secret, &cause),
	    CREDS_OK);
	assert_null(cause);
}

/* Run a shell command and return its whole output (new), or NULL. */
static char *
run_output(const char *cmd)
{
	FILE	*f;
	char	 buf[8192];
	size_t	 n;

	if ((f = popen(cmd, "r")) == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	if (pclose(f) != 0)
		return NULL;
	return xstrdup(buf);
}

static void
test_round_trip_with_utf8_then_delete_leaves_nothing(void **state)
{
	const char	*secret = "p\xc3\xa4ssw\xc3\xb6rd \xf0\x9f\x94\x91 "
			    "\xe4\xb8\xad\xe6\x96\x87";
	const char	*account = "caf\xc3\xa9-shop";
	char		*cause = NULL;

	(void)state;
	need_keyring();
	store_ok(account, K, secret);
	assert_lookup(account, K, secret);
	assert_int_equal(creds_delete(account, P, K, &cause), CREDS_OK);
	assert_null(cause);
	assert_missing(account, K);
	assert_int_equal(creds_delete(account, P, K, &cause), CREDS_MISSING);
	assert_null(cause);
}

static void
test_a_4_kib_secret_comes_back_whole(void **state)
{
	char	*big, *cause = NULL;
	size_t	 i;

	(void)state;
	need_keyring();
	big = xmalloc(4097);
	for (i = 0; i < 4096; i++)
		big[i] = (char)('!' + (i * 7 + i / 94) % 94);
	big[4096] = '\0';
	store_ok("big", K, big);
	assert_lookup("big", K, big);
	assert_int_equal(creds_delete("big", P, K, &cause), CREDS_OK);
	free(big);
}

static void
test_accounts_platforms_and_kinds_do_not_see_each_other(void **state)
{
	char	*secret = NULL, *cause = NULL;

	(void)state;
	need_keyring();
	store_ok("shop-a", K, "secret-a");
	store_ok("shop-b", K, "secret-b");
	assert_lookup("shop-a", K, "secret-a");
	assert_lookup("shop-b", K, "secret-b");
	assert_missing("shop-a", "password");
	assert_int_equal(creds_lookup("shop-a", "demo-page", K, &secret,
	    &cause), CREDS_MISSING);
	assert_null(secret);
	assert_int_equal(creds_delete("shop-a", P, K, &cause), CREDS_OK);
	assert_missing("shop-a", K);
	assert_lookup("shop-b", K, "secret-b");
	assert_int_equal(creds_delete("shop-b", P, K, &cause), CREDS_OK);
	assert_null(cause);
}

static void
test_storing_again_keeps_only_the_newest(void **state)
{
	char	*out, *p, *cause = NULL;
	int	 n;

	(void)state;
	need_keyring();
	store_ok("again", K, "old-token");
	store_ok("again", K, "new-token");
	assert_lookup("again", K, "new-token");
	out = run_output("secret-tool search --all account again platform "
	    P " kind " K " 2>/dev/null");
	assert_non_null(out);
	for (n = 0, p = out; (p = strstr(p, "label = heed: again (" P " " K
	    ")")) != NULL; p++)
		n++;
	assert_int_equal(n, 1);
	assert_contains(out, "secret = new-token");
	assert_lacks(out, "old-token");
	free(out);
	assert_int_equal(creds_delete("again", P, K, &cause), CREDS_OK);
}

static void
test_secret_tool_sees_what_heed_stored(void **state)
{
	char	*out, *cause = NULL;

	(void)state;
	need_keyring();
	store_ok("seen", K, "in-the-keyring");
	out = run_output("secret-tool lookup account seen platform " P
	    " kind " K " 2>/dev/null");
	assert_non_null(out);
	out[strcspn(out, "\n")] = '\0';
	assert_string_equal(out, "in-the-keyring");
	free(out);
	assert_int_equal(creds_delete("seen", P, K, &cause), CREDS_OK);
}

static void
test_heed_finds_what_secret_tool_stored(void **state)
{
	char	*cause = NULL;

	(void)state;
	need_keyring();
	assert_int_equal(system("printf 'from-outside' | secret-tool store "
	    "--label=outside xdg:schema org.heed.Credential account outside "
	    "platform " P " kind " K), 0);
	assert_lookup("outside", K, "from-outside");
	assert_int_equal(creds_delete("outside", P, K, &cause), CREDS_OK);
	assert_null(run_output("secret-tool lookup account outside platform "
	    P " kind " K));
}

static const char	*plain_needle;
static int		 plain_found;

/* Say whether len bytes at data hold needle anywhere. */
static int
holds(const char *data, size_t len, const char *needle)
{
	size_t	n = strlen(needle), i;

	for (i = 0; n <= len && i <= len - n; i++) {
		if (memcmp(data + i, needle, n) == 0)
			return 1;
	}
	return 0;
}

/* Note a regular file that holds plain_needle. */
static int
find_plain(const char *path, const struct stat *st, int type,
    struct FTW *ftw)
{
	char	*data;
	FILE	*f;
	size_t	 n;

	(void)ftw;
	if (type != FTW_F || st->st_size <= 0 || st->st_size > (1 << 20) ||
	    (f = fopen(path, "r")) == NULL)
		return 0;
	data = xmalloc((size_t)st->st_size + 1);
	n = fread(data, 1, (size_t)st->st_size, f);
	data[n] = '\0';
	fclose(f);
	if (holds(data, n, plain_needle)) {
		print_error("found in %s\n", path);
		plain_found = 1;
	}
	free(data);
	return 0;
}

static void
test_no_file_holds_the_secret_in_plain_text(void **state)
{
	const char	*home = getenv("HOME");
	char		*cause = NULL;

	(void)state;
	need_keyring();
	assert_non_null(home);
	store_ok("plain", K, "NEEDLE-a1b2c3d4e5");
	plain_needle = "NEEDLE-a1b2c3d4e5";
	plain_found = 0;
	assert_int_equal(nftw(home, find_plain, 16, FTW_PHYS), 0);
	assert_int_equal(plain_found, 0);
	assert_int_equal(creds_delete("plain", P, K, &cause), CREDS_OK);
}

static void
test_ping_answers_inside_a_session(void **state)
{
	char	*cause = NULL;

	(void)state;
	need_keyring();
	assert_int_equal(creds_ping(&cause), CREDS_OK);
	assert_null(cause);
}

/* Remember DBUS_SESSION_BUS_ADDRESS, which the test may change. */
static int
save_bus(void **state)
{
	const char	*old = getenv("DBUS_SESSION_BUS_ADDRESS");

	*state = old != NULL ? xstrdup(old) : NULL;
	return 0;
}

/* Put DBUS_SESSION_BUS_ADDRESS back as save_bus found it. */
static int
restore_bus(void **state)
{
	if (*state == NULL)
		unsetenv("DBUS_SESSION_BUS_ADDRESS");
	else
		setenv("DBUS_SESSION_BUS_ADDRESS", *state, 1);
	free(*state);
	*state = NULL;
	return 0;
}

/* Check every keyring call gives CREDS_UNREACHABLE and says what. */
static void
assert_all_unreachable(const char *what)
{
	char	*secret = NULL, *cause = NULL;

	assert_int_equal(creds_lookup("shop", P, K, &secret, &cause),
	    CREDS_UNREACHABLE);
	assert_null(secret);
	assert_contains(cause, what);
	assert_contains(cause, "credential_command = pass show heed/shop");
	free(cause);
	cause = NULL;
	assert_int_equal(creds_store("shop", P, K, "SECRET-STORE", &cause),
	    CREDS_UNREACHABLE);
	assert_contains(cause, what);
	assert_lacks(cause, "SECRET-STORE");
	free(cause);
	cause = NULL;
	assert_int_equal(creds_delete("shop", P, K, &cause),
	    CREDS_UNREACHABLE);
	assert_contains(cause, what);
	free(cause);
	cause = NULL;
	assert_int_equal(creds_ping(&cause), CREDS_UNREACHABLE);
	assert_contains(cause, what);
	assert_contains(cause, "credential_command");
	free(cause);
	/* No message is fine too. */
	assert_int_equal(creds_ping(NULL), CREDS_UNREACHABLE);
}

static void
test_without_a_session_bus_every_call_is_unreachable(void **state)
{
	(void)state;
	unsetenv("DBUS_SESSION_BUS_ADDRESS");
	assert_all_unreachable("DBUS_SESSION_BUS_ADDRESS is not set");
}

static void
test_a_dead_bus_socket_is_unreachable(void **state)
{
	(void)state;
	setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", 1);
	assert_all_unreachable("cannot connect to the D-Bus session bus at "
	    "unix:path=/nonexistent");
}

/* A bare dbus-daemon of the test's own, on which nothing is activatable. */
struct bare_bus {
	char	*saved;		/* DBUS_SESSION_BUS_ADDRESS before */
	char	 dir[64];
	pid_t	 pid;
};

/* Write the bare bus's configuration; 0 or -1. */
static int
bare_bus_config(const struct bare_bus *b)
{
	char	 path[128];
	FILE	*f;

	snprintf(path, sizeof path, "%s/bus.conf", b->dir);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fprintf(f, "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS "
	    "Bus Configuration 1.0//EN\" \"http://www.freedesktop.org/"
	    "standards/dbus/1.0/busconfig.dtd\">\n<busconfig><type>session"
	    "</type><listen>unix:path=%s/bus</listen><auth>EXTERNAL</auth>"
	    "<policy context=\"default\"><allow send_destination=\"*\" "
	    "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow "
	    "own=\"*\"/></policy></busconfig>\n", b->dir);
	return fclose(f) == 0 ? 0 : -1;
}

/* Start the bare bus (if dbus-daemon is there) and point the test at it. */
static int
bare_bus_start(void **state)
{
	struct bare_bus	*b;
	char		 arg[160], sock[96];
	int		 i, null;

	b = xcalloc(1, sizeof *b);
	*state = b;
	save_bus((void **)&b->saved);
	snprintf(b->dir, sizeof b->dir, "/tmp/heed-test-bus.XXXXXX");
	b->pid = -1;
	if (system("command -v dbus-daemon >/dev/null 2>&1") != 0)
		return 0;
	if (mkdtemp(b->dir) == NULL || bare_bus_config(b) != 0)
		return -1;
	snprintf(arg, sizeof arg, "--config-file=%s/bus.conf", b->dir);
	snprintf(sock, sizeof sock, "%s/bus", b->dir);
	if ((b->pid = fork()) == 0) {
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execlp("dbus-daemon", "dbus-daemon", arg, "--nofork",
		    "--nopidfile", (char *)NULL);
		_exit(127);
	}
	for (i = 0; b->pid > 0 && i < 500 && access(sock, F_OK) != 0; i++)
		usleep(10000);
	snprintf(arg, sizeof arg, "unix:path=%s", sock);
	setenv("DBUS_SESSION_BUS_ADDRESS", arg, 1);
	return b->pid > 0 ? 0 : -1;
}

/* Stop the bare bus, remove its files and restore the address. */
static int
bare_bus_stop(void **state)
{
	struct bare_bus	*b = *state;
	char		 path[128];

	if (b->pid > 0) {
		kill(b->pid, SIGTERM);
		waitpid(b->pid, NULL, 0);
	}
	snprintf(path, sizeof path, "%s/bus.conf", b->dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/bus", b->dir);
	unlink(path);
	rmdir(b->dir);
	restore_bus((void **)&b->saved);
	free(b);
	return 0;
}

static void
test_a_bus_without_a_secret_service_is_unreachable(void **state)
{
	struct bare_bus	*b = *state;

	if (b->pid <= 0)
		skip();
	assert_all_unreachable("no Secret Service is running");
}

/*
 * This one locks the default collection for good (the daemon offers no
 * way to unlock it again without a prompt), so it must stay the last of
 * the keyring tests.
 */
static void
test_a_locked_keyring_that_stays_locked_is_reported(void **state)
{
	char	*secret = NULL, *cause = NULL;

	(void)state;
	need_keyring();
	store_ok("locked", K, "behind-the-lock");
	assert_int_equal(system("dbus-send --session --print-reply "
	    "--dest=org.freedesktop.secrets /org/freedesktop/secrets "
	    "org.freedesktop.Secret.Service.Lock "
	    "array:objpath:/org/freedesktop/secrets/collection/login "
	    ">/dev/null"), 0);
	assert_int_equal(creds_lookup("locked", P, K, &secret, &cause),
	    CREDS_LOCKED);
	assert_null(secret);
	assert_contains(cause, "the keyring is locked and was not unlocked");
	free(cause);
	cause = NULL;
	assert_int_equal(creds_store("locked", P, K, "SECRET-LOCKED", &cause),
	    CREDS_LOCKED);
	assert_contains(cause, "locked");
	assert_lacks(cause, "SECRET-LOCKED");
	free(cause);
	cause = NULL;
	assert_int_equal(creds_delete("locked", P, K, &cause), CREDS_LOCKED);
	free(cause);
	cause = NULL;
	assert_int_equal(creds_ping(&cause), CREDS_OK);
}

static void
test_result_names_are_short_words(void **state)
{
	(void)state;
	assert_string_equal(creds_result_name(CREDS_OK), "present");
	assert_string_equal(creds_result_name(CREDS_MISSING), "missing");
	assert_string_equal(creds_result_name(CREDS_UNREACHABLE),
	    "keyring unreachable");
	assert_string_equal(creds_result_name(CREDS_LOCKED),
	    "keyring locked");
	assert_string_equal(creds_result_name(CREDS_FAILED), "failed");
}

static void
test_bad_input_is_refused_before_the_keyring(void **state)
{
	char	*secret = NULL, *cause = NULL;

	(void)state;
	assert_int_equal(creds_store("shop", P, K, "", &cause), CREDS_FAILED);
	assert_string_equal(cause, "refusing to store an empty secret");
	free(cause);
	cause = NULL;
	assert_int_equal(creds_lookup("sh\xffop", P, K, &secret, &cause),
	    CREDS_FAILED);
	assert_null(secret);
	assert_contains(cause, "not valid UTF-8");
	free(cause);
}

/* A credential command and what heed makes of it. */
struct command_case {
	const char	*name;
	const char	*cmd;
	enum creds_result want;
	const char	*secret;	/* the secret wanted, on CREDS_OK */
	const char	*said;		/* in the message, otherwise */
	const char	*unsaid;	/* never in the message */
};

static const struct command_case command_cases[] = {
	{ "command: the first line is the secret", "printf 'tok\\n'",
	    CREDS_OK, "tok", NULL, NULL },
	{ "command: CR LF ends the line and later lines are ignored",
	    "printf 'a\\r\\nb\\n'", CREDS_OK, "a", NULL, NULL },
	{ "command: output without a newline is taken whole",
	    "printf 'no-newline'", CREDS_OK, "no-newline", NULL, NULL },
	{ "command: spaces inside the line are kept",
	    "printf ' two words \\n'", CREDS_OK, " two words ", NULL, NULL },
	{ "command: a failing command gives its exit status", "exit 3",
	    CREDS_FAILED, NULL, "the credential command failed (exit 3)", NULL },
	{ "command: a failing command's output is never shown",
	    "printf 'SECRET-XYZ'; exit 1", CREDS_FAILED, NULL, "(exit 1)",
	    "SECRET-XYZ" },
	{ "command: the first stderr line of a failing command is shown",
	    "echo 'pass: heed/shop is not in the store' >&2; echo more >&2; "
	    "exit 1", CREDS_FAILED, NULL, "(exit 1): pass: heed/shop is not "
	    "in the store", "more" },
	{ "command: stderr of a command that works is not an error",
	    "echo warning >&2; echo tok", CREDS_OK, "tok", NULL, NULL },
	{ "command: a command killed by a signal says so", "kill -9 $$",
	    CREDS_FAILED, NULL, "killed by signal 9", NULL },
	{ "command: no output is refused", "true", CREDS_FAILED, NULL,
	    "printed nothing", NULL },
	{ "command: an empty first line is refused", "printf '\\ntok\\n'",
	    CREDS_FAILED, NULL, "printed an empty first line", "tok" },
	{ "command: exactly 64 KiB is taken",
	    "head -c 65535 /dev/zero | tr '\\0' x; echo", CREDS_OK, NULL,
	    NULL, NULL },
	{ "command: 100 KiB is refused",
	    "head -c 102400 /dev/zero | tr '\\0' x", CREDS_FAILED, NULL,
	    "printed more than 64 KiB", "xxxx" },
	{ "command: one byte over 64 KiB is refused",
	    "head -c 65536 /dev/zero | tr '\\0' x; echo", CREDS_FAILED, NULL,
	    "printed more than 64 KiB", NULL },
	{ "command: stdin is /dev/null",
	    "if read x; then echo \"got $x\"; else echo eof; fi", CREDS_OK,
	    "eof", NULL, NULL },
	{ "command: heed's other descriptors are closed in the child",
	    "if [ -e /proc/$$/fd/47 ]; then echo leaked; else echo closed; fi",
	    CREDS_OK, "closed", NULL, NULL },
	{ "command: the child gets heed's environment",
	    "printf '%s\\n' \"$HEED_TEST_MARK\"", CREDS_OK, "mark-42", NULL,
	    NULL },
	{ "command: a missing program fails with exit 127",
	    "/nonexistent/heed-helper", CREDS_FAILED, NULL, "(exit 127)",
	    NULL },
	{ "command: an empty command line is refused", "", CREDS_FAILED,
	    NULL, "the credential command is empty", NULL },
};

static void
test_command_case(void **state)
{
	const struct command_case	*c = *state;
	char				*secret = NULL, *cause = NULL;
	enum creds_result		 r;
	int				 fd;

	/* An inheritable descriptor that must not reach the child. */
	fd = open("/dev/null", O_RDONLY);
	assert_true(fd != -1);
	assert_int_equal(dup2(fd, 47), 47);
	close(fd);
	setenv("HEED_TEST_MARK", "mark-42", 1);
	r = creds_command(c->cmd, &secret, &cause);
	close(47);
	assert_int_equal(r, c->want);
	if (r == CREDS_OK) {
		assert_null(cause);
		assert_non_null(secret);
		if (c->secret != NULL)
			assert_string_equal(secret, c->secret);
		else
			assert_int_equal(strlen(secret), 65535);
		util_free_secret(secret);
		return;
	}
	assert_null(secret);
	assert_non_null(cause);
	if (c->said != NULL)
		assert_contains(cause, c->said);
	if (c->unsaid != NULL)
		assert_lacks(cause, c->unsaid);
	assert_null(strchr(cause, '\n'));
	free(cause);
}

/* Give credential commands one second. */
static int
short_limit(void **state)
{
	(void)state;
	creds_set_command_timeout(1000);
	return 0;
}

/* Give credential commands their usual time again. */
static int
usual_limit(void **state)
{
	(void)state;
	creds_set_command_timeout(0);
	return 0;
}

static void
test_command_past_its_time_limit_is_killed(void **state)
{
	char	 dir[] = "/tmp/heed-test-cmd.XXXXXX", cmd[512], pidfile[256];
	char	*secret = NULL, *cause = NULL, buf[32];
	int64_t	 start;
	FILE	*f;
	pid_t	 pid;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(pidfile, sizeof pidfile, "%s/pid", dir);
	snprintf(cmd, sizeof cmd, "echo $$ > %s; exec sleep 20", pidfile);
	start = util_mono_ms();
	assert_int_equal(creds_command(cmd, &secret, &cause), CREDS_FAILED);
	assert_true(util_mono_ms() - start < 5000);
	assert_null(secret);
	assert_contains(cause, "did not finish within its time limit (1 s) "
	    "and was stopped");
	free(cause);
	/* The child is gone: killed and reaped, not left running. */
	assert_non_null(f = fopen(pidfile, "r"));
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	pid = (pid_t)strtol(buf, NULL, 10);
	assert_true(pid > 0);
	assert_int_equal(kill(pid, 0), -1);
	assert_int_equal(errno, ESRCH);
	unlink(pidfile);
	rmdir(dir);
}

static void
test_command_that_closes_stdout_but_lingers_is_killed(void **state)
{
	char	*secret = NULL, *cause = NULL;

	(void)state;
	assert_int_equal(creds_command("echo tok; exec >&- 2>&-; sleep 20",
	    &secret, &cause), CREDS_FAILED);
	assert_null(secret);
	assert_contains(cause, "did not finish");
	free(cause);
}

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_result_names_are_short_words),
		cmocka_unit_test(test_bad_input_is_refused_before_the_keyring),
		cmocka_unit_test_setup_teardown(
		    test_command_past_its_time_limit_is_killed, short_limit,
		    usual_limit),
		cmocka_unit_test_setup_teardown(
		    test_command_that_closes_stdout_but_lingers_is_killed,
		    short_limit, usual_limit),
		cmocka_unit_test(
		    test_round_trip_with_utf8_then_delete_leaves_nothing),
		cmocka_unit_test(test_a_4_kib_secret_comes_back_whole),
		cmocka_unit_test(
		    test_accounts_platforms_and_kinds_do_not_see_each_other),
		cmocka_unit_test(test_storing_again_keeps_only_the_newest),
		cmocka_unit_test(test_secret_tool_sees_what_heed_stored),
		cmocka_unit_test(test_heed_finds_what_secret_tool_stored),
		cmocka_unit_test(test_no_file_holds_the_secret_in_plain_text),
		cmocka_unit_test(test_ping_answers_inside_a_session),
		/* After the keyring tests: no connection may be reused. */
		cmocka_unit_test_setup_teardown(
		    test_without_a_session_bus_every_call_is_unreachable,
		    save_bus, restore_bus),
		cmocka_unit_test_setup_teardown(
		    test_a_dead_bus_socket_is_unreachable, save_bus,
		    restore_bus),
		cmocka_unit_test_setup_teardown(
		    test_a_bus_without_a_secret_service_is_unreachable,
		    bare_bus_start, bare_bus_stop),
		/* After every other keyring test: it leaves the keyring locked. */
		cmocka_unit_test(
		    test_a_locked_keyring_that_stays_locked_is_reported),
	};
	struct CMUnitTest	tests[nitems(fixed) + nitems(command_cases)];
	size_t			i, n = 0;

	for (i = 0; i < nitems(command_cases); i++) {
		memset(&tests[n], 0, sizeof tests[n]);
		tests[n].name = command_cases[i].name;
		tests[n].test_func = test_command_case;
		tests[n].initial_state = (void *)&command_cases[i];
		n++;
	}
	for (i = 0; i < nitems(fixed); i++)
		tests[n++] = fixed[i];
	return _cmocka_run_group_tests("creds", tests, n, NULL, NULL);
}
