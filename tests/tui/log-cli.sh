# tests/tui/log-cli.sh -- heed log: the activity log, read: what the
# demo's rules did as the demo inbox came in, who did it, oldest first,
# as lines and as JSON Lines; a bad --since is said.

. tests/tui/lib.sh

me=$(id -un 2>/dev/null || echo "$USER")
tui_run --demo log
tui_expect "log: the rules' work is logged, with who, what and whose message" \
    0 "*$me*kind*Tulip & Tea Giveaway*(spam, rule lookalikes)*$me*tagged*Sarah Mitchell: So are you open this Saturday*(hours, rule hours)*" ""

tui_run --demo log --json --limit 1
case $OUT in
'{"time":'*'"who":"'"$me"'","action":"'*'"author":"'*) n=$(printf '%s\n' "$OUT" | grep -c .)
	if [ "$n" = 1 ]; then
		tui_ok "log --json --limit 1: one JSON object with time, who, action, author"
	else
		tui_fail "log --json --limit 1: one JSON object with time, who, action, author" "$n lines"
	fi ;;
*) tui_fail "log --json --limit 1: one JSON object with time, who, action, author" "$OUT" ;;
esac

tui_run --demo log --since 1h
tui_expect "log --since 1h: what the last hour did" 0 "*tagged*" ""
tui_run --demo log --since soon
tui_expect "log --since: what it takes is said, exit 2" 2 "" \
    "*--since takes a date (2026-12-01) or a time back from now (2d, 12h)*"
exit 0
