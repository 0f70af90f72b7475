# tests/tui/status-cli.sh -- heed status: one line from the cache for a
# status bar, counted by conversation, with an exit status scripts test
# (3 when something waits past the response target), and --format.

. tests/tui/lib.sh

tui_run --demo status
tui_expect "status: the demo's line says who waits, how many are overdue, the oldest" \
    3 "[1-9]* waiting, [1-9]* overdue, oldest [1-9]*[mhdw]" ""

# The counts are of conversations that wait for an answer: no more than
# the inbox's conversations, spam and thanks left out.
tui_run --demo status --format '%w %o'
set -- $OUT
nconv=$(tui_heed --demo list --conversations --json 2>/dev/null |
    grep -c -v '"lane":"no-reply"')
if [ "$RC" = 3 ] && [ "${1:-0}" -gt 0 ] && [ "$1" -le "$nconv" ] &&
    [ "${2:-0}" -gt 0 ] && [ "$2" -le "$1" ]; then
	tui_ok "status --format: %w and %o count conversations ($1 waiting, $2 overdue, of $nconv)"
else
	tui_fail "status --format: %w and %o count conversations" \
	    "out: $OUT, exit $RC, inbox conversations asking something: $nconv"
fi

conf=$TUI_DIR/status.conf
printf 'response_target = 4w\n' >"$conf"
tui_run --config "$conf" --demo status --format 'late %o of %w (target %t), 100%%'
tui_expect "status: with a target no one has passed, 0 overdue and exit 0" \
    0 "late 0 of [1-9]* (target 4w), 100%" ""

# Opening hours: open all week all day counts as no hours at all; open a
# minute a week, nothing is overdue yet. (A target of 317m: no demo
# message is that old to the second, so no count changes as a second
# passes between two runs.)
printf 'response_target = 317m\n' >"$conf"
tui_run --config "$conf" --demo status --format '%w %o'
plain=$OUT
printf 'response_target = 317m\nhours = mon-sun 24h\ntime_zone = UTC\n' \
    >"$conf"
tui_run --config "$conf" --demo status --format '%w %o'
tui_expect "status: opening hours of all day every day count as wall time" \
    3 "$plain" ""
printf 'hours = mon 09:00-09:01\ntime_zone = Europe/Amsterdam\n' >"$conf"
tui_run --config "$conf" --demo status --format '%w %o'
tui_expect "status: open one minute a week, nothing has waited past 4h of opening hours" \
    0 "[1-9]* 0" ""
printf '\nhours = mon-fry 09:00-17:00\n' >"$conf"
tui_run --config "$conf" --demo status
tui_expect "status: hours that cannot be read are said with their line" \
    1 "" "*status.conf:2: hours: \"mon-fry 09:00-17:00\": unknown day \"fry\"*"

tui_run --demo status --format '%q'
tui_expect "status --format: an unknown escape is said, exit 2" \
    2 "" "*--format: %q is not known (%w waiting, %o overdue, %a oldest, %t target, %% a %)*"
tui_run --demo status --format 'x %'
tui_expect "status --format: a lone % at the end is said, exit 2" \
    2 "" "*--format: a % at the end (%% is a %)*"
tui_run --demo status extra
tui_expect "status: an argument it does not take is said, exit 2" \
    2 "" "*heed status: unexpected extra*"
exit 0
