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
