#!/bin/sh
# tests/tui/alerts.sh -- alerts outside the terminal: heed alert --test
# through notify_command and through a desktop notification server on a
# private session bus (tests/fake/notifyd.py), what each says when it
# cannot deliver, and heed sync --notify against the fake Graph API: the
# first sync tells nothing, a new comment is told once, with its details
# in HEED_* variables and its text never run by a shell; an alert that
# begins with a customer's "-Bob Dash" reaches the desktop whole. A
# notify_command that hangs is ended at the limit, all of it, in the open
# inbox and in sync --notify, and what comes meanwhile is told after it.

. tests/tui/lib.sh
. tests/tui/lib-graph.sh

A=$TUI_DIR/alerts
mkdir -p "$A"
# A notify_command that keeps the HEED_* variables it was given.
cat >"$A/hook.sh" <<'EOF'
env | grep '^HEED_' | sort >"$HOOK_OUT.tmp" && mv "$HOOK_OUT.tmp" "$HOOK_OUT"
EOF
HOOK="HOOK_OUT=$A/env.txt sh $A/hook.sh"
PY=/usr/bin/python3

# Run heed with a config of $1 (lines), the rest its arguments.
arun() {
	printf '%s\n' "$1" >"$A/conf"
	shift
	tui_run --config "$A/conf" "$@"
}

# Run a command on a private session bus whose notification server is
# the fake, which writes what it is sent to $A/got.json.
bus_run() {
	cat >"$A/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$A/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
	cat >"$A/inner.sh" <<EOF
rm -f "$A/ready" "$A/fifo"
mkfifo "$A/fifo"
$PY tests/fake/notifyd.py "$A/got.json" <"$A/fifo" >"$A/ready" 2>"$A/notifyd.err" &
exec 9>"$A/fifo"
i=0
while ! grep -q ready "$A/ready" 2>/dev/null && [ \$i -lt 100 ]; do
	sleep 0.1
	i=\$((i + 1))
done
"\$@"
rc=\$?
exec 9>&-
wait
exit \$rc
EOF
	: >"$A/got.json"
	dbus-run-session --config-file="$A/bus.conf" -- sh "$A/inner.sh" "$@" \
	    2>>"$A/bus.err"
}

rm -f "$A/env.txt"
arun "alert = none
notify_command = $HOOK" alert --test
if [ "$RC" = 0 ] && [ "$OUT" = "Sent a test alert: notify_command." ] &&
    grep -q '^HEED_AUTHOR=heed$' "$A/env.txt" 2>/dev/null &&
    grep -q '^HEED_TEXT=A test alert: if you read this' "$A/env.txt"; then
	tui_ok "alert --test: notify_command runs with the alert in HEED_* variables"
else
	tui_fail "alert --test: notify_command runs with the alert in HEED_* variables" \
	    "exit $RC, out: $OUT, err: $ERR; env: $(cat "$A/env.txt" 2>&1)"
fi

arun "alert = none
notify_command = exit 3" alert --test
tui_expect "alert --test: a notify_command that fails is said, exit 1" \
    1 "" "heed alert: notify_command failed (exit 3)"

arun "alert = desktop" alert --test
tui_expect "alert --test: with no desktop session, it says so" \
    1 "" "*no desktop session to notify*"

arun "alert = desktop" alert --desktop -- "-Bob Dash waits: answer due in 20m" "-1 star"
tui_expect "alert --desktop: after --, a title that begins with - is a title, not an option" \
    1 "" "*no desktop session to notify*"

arun "alert = bell" alert --test
tui_expect "alert --test: nothing to try is said plainly" \
    0 "Nothing to try: alert has no desktop*" ""

HAVE_DBUS=
if ! $PY -c 'import dbus, gi' 2>/dev/null; then
	tui_fail "alerts: Debian's python3-dbus and python3-gi (make deps installs them)"
else
	HAVE_DBUS=1
	printf 'alert = desktop\n' >"$A/conf"
	OUT=$(bus_run env -u NO_COLOR "$HEED" --config "$A/conf" alert --test 2>&1)
	RC=$?
	if [ "$RC" = 0 ] && grep -q '"summary": "New message from heed"' "$A/got.json" &&
	    grep -q '"app": "heed"' "$A/got.json"; then
		tui_ok "alert --test: a desktop notification reaches the session's notification server"
	else
		tui_fail "alert --test: a desktop notification reaches the session's notification server" \
		    "exit $RC, out: $OUT; got: $(cat "$A/got.json"); $(cat "$A/notifyd.err" "$A/bus.err" 2>/dev/null)"
	fi
	OUT=$(bus_run "$HEED" alert --desktop --urgent 'Ana <b>Pop</b>' 'Tom & <a href="x">Jerry</a>' 2>&1)
	RC=$?
	if [ "$RC" = 0 ] &&
	    grep -q '"body": "Tom &amp; &lt;a href=\\"x\\"&gt;Jerry&lt;/a&gt;"' "$A/got.json" &&
	    grep -q '"urgency": 2' "$A/got.json"; then
		tui_ok "alert --desktop: a customer's text is never markup to a server that reads it"
	else
		tui_fail "alert --desktop: a customer's text is never markup to a server that reads it" \
		    "exit $RC, out: $OUT; got: $(cat "$A/got.json")"
	fi
fi

# heed sync --notify against the fake Graph API.
fake_start alerts fb || exit 0
seed 2 0 0 || exit 0
# Options of the top go before the account's section.
{ printf 'alert = none\nalert_every = 0\nnotify_command = %s\n' "$HOOK"
    cat "$S/on.conf"; } \
    >"$S/top.conf" && mv "$S/top.conf" "$S/on.conf"
rm -f "$A/env.txt"
OUT=$(hrun sync --notify 2>"$S/err")
RC=$?
if [ "$RC" = 0 ] && [ ! -e "$A/env.txt" ]; then
	tui_ok "sync --notify: the first sync of a cache tells nothing"
else
	tui_fail "sync --notify: the first sync of a cache tells nothing" \
	    "exit $RC, out: $OUT, err: $(cat "$S/err"); env: $(cat "$A/env.txt" 2>&1)"
fi
ctl '{"op":"add","platform":"facebook","text":"Open on Sunday? $(touch '"$A"'/pwned) `touch '"$A"'/pwned2`"}' >/dev/null
OUT=$(hrun sync --notify 2>"$S/err")
RC=$?
if [ "$RC" = 0 ] && grep -q '^HEED_ALERT=new$' "$A/env.txt" 2>/dev/null &&
    grep -q '^HEED_ACCOUNT=shop$' "$A/env.txt" &&
    grep -q '^HEED_PLATFORM=facebook$' "$A/env.txt" &&
    grep -q '^HEED_TEXT=Open on Sunday? \$(touch .*/pwned) `touch .*/pwned2`$' "$A/env.txt" &&
    grep -q '^HEED_AUTHOR=..' "$A/env.txt" &&
    [ ! -e "$A/pwned" ] && [ ! -e "$A/pwned2" ]; then
	tui_ok "sync --notify: a new comment is told to notify_command, its text never run"
else
	tui_fail "sync --notify: a new comment is told to notify_command, its text never run" \
	    "exit $RC, out: $OUT, err: $(cat "$S/err"); env: $(cat "$A/env.txt" 2>&1)"
fi
case $OUT in
*"alert: New "*" from "*) tui_ok "sync --notify: it says what it told" ;;
*) tui_fail "sync --notify: it says what it told" "out: $OUT" ;;
esac
rm -f "$A/env.txt"
OUT=$(hrun sync --notify 2>"$S/err")
RC=$?
if [ "$RC" = 0 ] && [ ! -e "$A/env.txt" ]; then
	tui_ok "sync --notify: what was told is not told again"
else
	tui_fail "sync --notify: what was told is not told again" \
	    "exit $RC, out: $OUT; env: $(cat "$A/env.txt" 2>&1)"
fi
# alert_every holds what comes soon after an alert, for the next sync.
sed -i 's/^alert_every = 0$/alert_every = 1h/' "$S/on.conf"
ctl '{"op":"add","platform":"facebook","author":"Mona Lisa","text":"And on Monday?"}' >/dev/null
OUT=$(hrun sync --notify 2>"$S/err")
RC=$?
if [ "$RC" = 0 ] && [ ! -e "$A/env.txt" ]; then
	tui_ok "sync --notify: alert_every holds a second alert back"
else
	tui_fail "sync --notify: alert_every holds a second alert back" \
	    "exit $RC, out: $OUT; env: $(cat "$A/env.txt" 2>&1)"
fi
sed -i 's/^alert_every = 1h$/alert_every = 0/' "$S/on.conf"
# A hook that fails: the sync worked, the alert did not; exit 1.
sed -i 's/^notify_command = .*/notify_command = exit 4/' "$S/on.conf"
ctl '{"op":"add","platform":"facebook","author":"Ion Pop","text":"Another question?"}' >/dev/null
OUT=$(hrun sync --notify 2>"$S/err")
RC=$?
if [ "$RC" = 1 ] && grep -q "heed: alerts: notify_command failed (exit 4)" "$S/err" &&
    printf '%s\n' "$OUT" | grep -q '^alert: 2 new conversations to answer$'; then
	tui_ok "sync --notify: what was held is told with the next; one that cannot be delivered is said, exit 1"
else
	tui_fail "sync --notify: what was held is told with the next; one that cannot be delivered is said, exit 1" \
	    "exit $RC, out: $OUT, err: $(cat "$S/err")"
fi

# The open inbox: its first look notes what is there; a comment that a
# sync ($) brings rings the bell, is said on the message line and goes to
# notify_command; the pane's title says how many wait.
sed -i 's/^notify_command = .*/notify_command = '"$(printf '%s' "$HOOK" | sed 's/[\/&]/\\&/g')"'/; s/^alert = none$/alert = bell title/' "$S/on.conf"
rm -f "$A/env.txt"
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$S/on.conf' --cache '$DB'"
title_is() {
	_t=$(t display -p -t ui '#{pane_title}')
	case $_t in
	$1) return 0 ;;
	esac
	return 1
}
if tui_wait ui "synced" && tui_until title_is "heed: [0-9]* waiting*"; then
	tui_ok "TUI: the window's title says how many wait ($_t)"
else
	tui_fail "TUI: the window's title says how many wait" "title: $_t"
fi
# tmux flags a bell in a window of a session no client is attached to.
bell_is() {
	_b=$(t display -p -t ui '#{window_bell_flag}')
	[ "$_b" = "$1" ]
}
bell0=$(t display -p -t ui '#{window_bell_flag}')
ctl '{"op":"add","platform":"facebook","author":"Vera Wang","text":"Do you ship to Gent?"}' >/dev/null
tui_keys ui '$'
if tui_wait ui "from Vera Wang" &&
    tui_until grep -q '^HEED_AUTHOR=Vera Wang$' "$A/env.txt"; then
	tui_ok "TUI: a new comment a sync brings is said and goes to notify_command"
else
	tui_fail "TUI: a new comment a sync brings is said and goes to notify_command" \
	    "env: $(cat "$A/env.txt" 2>&1)"
fi
if [ "$bell0" = 0 ] && tui_until bell_is 1; then
	tui_ok "TUI: the alert rings the terminal's bell"
else
	tui_fail "TUI: the alert rings the terminal's bell" \
	    "tmux's window_bell_flag: $bell0 before the alert, $_b after"
fi
tui_quit
SCREEN=

# A notify_command that hangs: it notes who it was told of and waits on
# a sleep of its own. heed ends one that runs longer than its limit, the
# whole of it, and says so; what came meanwhile is told after it. The
# limit is 30 seconds; HEED_TEST_HOOK_LIMIT (seconds), which only tests
# set, makes it short here (src/notify.c reads it).
cat >"$A/slow.sh" <<'EOF'
echo "$HEED_AUTHOR" >>"$SLOW_DIR/hook.log"
sleep 100 &
echo $! >>"$SLOW_DIR/sleep.pids"
wait
EOF
SLOW="SLOW_DIR=$A sh $A/slow.sh"
# End the sleeps a hook left behind, if heed did not.
slow_kill() {
	[ -f "$A/sleep.pids" ] && kill $(cat "$A/sleep.pids") 2>/dev/null
	return 0
}
trap 'slow_kill; graph_cleanup' EXIT
trap 'slow_kill; graph_cleanup; exit 1' INT TERM HUP
# Whether every sleep a hook started has ended.
sleeps_gone() {
	for _p in $(cat "$A/sleep.pids" 2>/dev/null); do
		kill -0 "$_p" 2>/dev/null && return 1
	done
	return 0
}
# Whether the hook was told of $1.
hook_told() {
	grep -qx "$1" "$A/hook.log" 2>/dev/null
}
sed -i 's/^notify_command = .*/notify_command = '"$(printf '%s' "$SLOW" | sed 's/[\/&]/\\&/g')"'/' "$S/on.conf"
rm -f "$A/hook.log" "$A/sleep.pids"
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) HEED_TEST_HOOK_LIMIT=4 '$HEED' --config '$S/on.conf' --cache '$DB'"
tui_wait ui "synced"
ctl '{"op":"add","platform":"facebook","author":"Sam Slow","text":"Is it in stock?"}' >/dev/null
tui_keys ui '$'
tui_wait ui "from Sam Slow" && tui_until hook_told "Sam Slow"
# The second comes while the hook still runs for the first.
ctl '{"op":"add","platform":"facebook","author":"Tia Next","text":"And in blue?"}' >/dev/null
tui_keys ui '$'
STEP="the second alert is said"
if tui_wait ui "from Tia Next" && STEP="said while the first hook runs" &&
    ! hook_told "Tia Next" && STEP="the second goes to the hook" &&
    TUI_WAIT=20 tui_until hook_told "Tia Next"; then
	tui_ok "TUI: an alert that comes while notify_command runs is told once it is done"
else
	tui_fail "TUI: an alert that comes while notify_command runs is told once it is done" \
	    "at: $STEP; hook.log: $(cat "$A/hook.log" 2>&1)"
fi
if TUI_WAIT=20 tui_wait ui "notify_command took longer than 4 seconds and was ended"; then
	tui_ok "TUI: a notify_command that runs too long is ended and said"
else
	tui_fail "TUI: a notify_command that runs too long is ended and said"
fi
if TUI_WAIT=10 tui_until sleeps_gone; then
	tui_ok "TUI: what a notify_command started is ended with it"
else
	tui_fail "TUI: what a notify_command started is ended with it" \
	    "still running: $(cat "$A/sleep.pids" 2>&1)"
fi
tui_quit
SCREEN=

# heed sync --notify keeps to the same limit, for both ways together.
slow_kill
rm -f "$A/hook.log" "$A/sleep.pids"
ctl '{"op":"add","platform":"facebook","author":"Uma Late","text":"Still open?"}' >/dev/null
t0=$(date +%s)
export HEED_TEST_HOOK_LIMIT=2
OUT=$(hrun sync --notify 2>"$S/err")
RC=$?
unset HEED_TEST_HOOK_LIMIT
t1=$(date +%s)
if [ "$RC" = 1 ] && hook_told "Uma Late" && [ $((t1 - t0)) -lt 10 ] &&
    grep -q "heed: alerts: notify_command took longer than 2 seconds and was ended" "$S/err" &&
    TUI_WAIT=5 tui_until sleeps_gone; then
	tui_ok "sync --notify: a notify_command that runs too long is ended, all of it, and said; exit 1"
else
	tui_fail "sync --notify: a notify_command that runs too long is ended, all of it, and said; exit 1" \
	    "exit $RC in $((t1 - t0))s, out: $OUT, err: $(cat "$S/err"); hook.log: $(cat "$A/hook.log" 2>&1); sleeps: $(cat "$A/sleep.pids" 2>&1)"
fi

# heed sync --notify for the scenario's cache on a private session bus
# whose notification server is the fake.
bus_sync() {
	bus_run timeout -k 5 60 env -u NO_COLOR HOME="$TUI_DIR/home" \
	    XDG_CONFIG_HOME="$TUI_DIR/config" XDG_DATA_HOME="$TUI_DIR/data" \
	    XDG_STATE_HOME="$TUI_DIR/state" XDG_CACHE_HOME="$TUI_DIR/cache" \
	    TMPDIR="$TUI_DIR/tmp" LANG="$TUI_LOCALE" LC_ALL="$TUI_LOCALE" \
	    "$HEED" --config "$S/on.conf" --cache "$DB" sync --notify \
	    </dev/null
}

# A customer whose name begins with "-": the alert that begins with it
# ("-Bob Dash waits: answer due in 29m") and a text that begins with "-"
# reach the desktop whole, never read as options by the heed that shows
# them.
if [ -n "$HAVE_DBUS" ] && fake_start dash fb && seed 1 0 0; then
	{ printf 'alert = desktop\nalert_every = 0\nresponse_target = 1h\n'
	    cat "$S/on.conf"; } >"$S/top.conf" && mv "$S/top.conf" "$S/on.conf"
	# Due in 30m and 8s: not yet within alert_before (30m) at the first
	# look, which tells nothing; within it at the second.
	born=$(($(date +%s) - 1800 + 8))
	ctl '{"op":"add","platform":"facebook","author":"-Bob Dash","created":'"$born"',"text":"-1 star: where is my order?"}' >/dev/null
	OUT1=$(bus_sync 2>&1)
	RC1=$?
	while [ "$(date +%s)" -le $((born + 1800)) ]; do
		sleep 0.2
	done
	OUT=$(bus_sync 2>&1)
	RC=$?
	if [ "$RC1" = 0 ] && [ "$RC" = 0 ] &&
	    grep -q '"summary": "-Bob Dash waits: answer due in 2[0-9]m"' "$A/got.json" &&
	    grep -q '"body": "-1 star: where is my order?"' "$A/got.json"; then
		tui_ok "sync --notify: an alert that begins with a customer's \"-Bob Dash\" reaches the desktop"
	else
		tui_fail "sync --notify: an alert that begins with a customer's \"-Bob Dash\" reaches the desktop" \
		    "first: exit $RC1, $OUT1; second: exit $RC, $OUT; got: $(cat "$A/got.json"); $(cat "$A/bus.err")"
	fi
fi
exit 0
