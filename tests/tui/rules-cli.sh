# tests/tui/rules-cli.sh -- heed rules: the rules as the config has them,
# --dry-run showing what each would change in the inbox and changing
# nothing, the demo's own rules, and a bad rule refused with its line.

. tests/tui/lib.sh

tui_run --demo rules
tui_expect "rules: the demo's rules listed with what each does" 0 \
    "refunds *line 1 *priority high, tag refunds*lookalikes *line 9 *kind spam, suggest hide*" ""

tui_run --demo rules --dry-run
tui_expect "rules --dry-run: the look-alike giveaway would be spam, hidden only by suggestion" \
    0 "*Tulip & Tea Giveaw*-> kind spam, suggest hide (lookalikes)*" ""
tui_expect "rules --dry-run: the question about Saturday is tagged hours" \
    0 "*So are you open this Saturday*-> tag hours (hours)*" ""
tui_expect "rules --dry-run: a count per rule, and nothing changed" \
    0 "*of * waiting messages would change; nothing was changed (dry run)*lookalikes *1*" ""

tui_run --demo rules --dry-run --json
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
tui_run --config "$conf" --demo rules --dry-run
tui_expect "rules --dry-run: the user's own rules replace the demo's" \
    0 "*(done-thanks)*" "*"
case $OUT in
*lookalikes*) tui_fail "rules --dry-run: the demo's rules stay away when the config has its own" "$OUT" ;;
*) tui_ok "rules --dry-run: the demo's rules stay away when the config has its own" ;;
esac

# The rules run by themselves as messages come in: the thanks are done
# before anyone opens the inbox, and the other waiting messages stay.
tui_run --config "$conf" --demo list --json
thanks=$(printf '%s\n' "$OUT" | grep -c -i -E '"text":"[^"]*(thank you|thanks|bedankt)')
if [ "$RC" = 0 ] && [ "$thanks" = 0 ] &&
    [ "$(printf '%s\n' "$OUT" | grep -c .)" -gt 20 ]; then
	tui_ok "rules: a rule runs at ingest: no thank-you note waits in the inbox"
else
	tui_fail "rules: a rule runs at ingest: no thank-you note waits in the inbox" \
	    "exit $RC, $thanks thank-you notes waiting"
fi
tui_run --config "$conf" --demo list --view done --json
if printf '%s\n' "$OUT" | grep -q -i -E '"text":"[^"]*(thank you|thanks)'; then
	tui_ok "rules: the thanks the rule marked done are in the Done view"
else
	tui_fail "rules: the thanks the rule marked done are in the Done view" "$OUT"
fi

# heed rules --run sorts the waiting messages again, for real.
tui_run --config "$conf" --demo rules --run
tui_expect "rules --run: says how many waiting messages were sorted again" \
    0 "* waiting messages sorted again with 1 rule" ""
tui_run --config "$conf" --demo rules --run --dry-run
tui_expect "rules: --run and --dry-run together are a usage error" 2 "" \
    "*--dry-run or --run, not both*"

cat >"$conf" <<'CONF'
# a rule with a typo
[rule r]
words = refund
priority = urgent
CONF
tui_run --config "$conf" rules
tui_expect "rules: a bad rule is refused with the file, the line and what is wrong" \
    1 "" "*rules.conf:4: priority: \"urgent\" is not one of low, normal or high"

tui_run rules --bogus
tui_expect "rules: an unknown option is a usage error" 2 "" "*"


