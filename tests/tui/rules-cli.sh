# tests/tui/rules-cli.sh -- heed rules: the rules as the config has them,
# --dry-run showing what each would change in the inbox and changing
# nothing, the demo's own rules, and a bad rule refused with its line.

. tests/tui/lib.sh

# Run heed with the arguments given; OUT, ERR and RC hold the result.
run() {
	OUT=$(tui_heed "$@" 2>"$TUI_DIR/err")
	RC=$?
	ERR=$(cat "$TUI_DIR/err")
}

# Check that RC, OUT and ERR are what a case expects: $1 the name, $2 the
# exit status, $3 a shell pattern for OUT, $4 one for ERR.
expect() {
	case $OUT in
	$3)
		case $ERR in
		$4)
			if [ "$RC" = "$2" ]; then
				tui_ok "$1"
				return
			fi ;;
		esac ;;
	esac
	tui_fail "$1" "exit $RC, out: $OUT, err: $ERR"
}

run --demo rules
expect "rules: the demo's rules listed with what each does" 0 \
    "refunds *line 1 *priority high, tag refunds*lookalikes *line 9 *kind spam, suggest hide*" ""

run --demo rules --dry-run
expect "rules --dry-run: the look-alike giveaway would be spam, hidden only by suggestion" \
    0 "*Tulip & Tea Giveaw*-> kind spam, suggest hide (lookalikes)*" ""
expect "rules --dry-run: the question about Saturday is tagged hours" \
    0 "*So are you open this Saturday*-> tag hours (hours)*" ""
expect "rules --dry-run: a count per rule, and nothing changed" \
    0 "*of * waiting messages would change; nothing was changed (dry run)*lookalikes *1*" ""

run --demo rules --dry-run --json
first=$(printf '%s\n' "$OUT" | head -n 1)
case $first in
'{"id":'*'"changes":'*'"rules":["'*) tui_ok "rules --dry-run --json: a JSON object a message" ;;
*) tui_fail "rules --dry-run --json: a JSON object a message" "$first" ;;
esac

conf=$TUI_DIR/rules.conf
cat >"$conf" <<'CONF'
[rule done-thanks]
words = thank you, thanks, bedankt
done = yes
CONF
run --config "$conf" --demo rules --dry-run
expect "rules --dry-run: the user's own rules replace the demo's" \
    0 "*(done-thanks)*" "*"
case $OUT in
*lookalikes*) tui_fail "rules --dry-run: the demo's rules stay away when the config has its own" "$OUT" ;;
*) tui_ok "rules --dry-run: the demo's rules stay away when the config has its own" ;;
esac

cat >"$conf" <<'CONF'
# a rule with a typo
[rule r]
words = refund
priority = urgent
CONF
run --config "$conf" rules
expect "rules: a bad rule is refused with the file, the line and what is wrong" \
    1 "" "*rules.conf:4: priority: \"urgent\" is not one of low, normal or high"

run rules --bogus
expect "rules: an unknown option is a usage error" 2 "" "*"


