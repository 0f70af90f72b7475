# tests/tui/stats-cli.sh -- heed stats: how fast the demo shop answers,
# as a table, CSV and JSON Lines, per platform, account, kind and week;
# the figures add up; bad options are said.

. tests/tui/lib.sh

tui_run --demo stats
tui_expect "stats: a table of begun, answered, unanswered, median, p90 and share within the target" \
    0 "Conversations begun from *the response target is 4h; spam, and what asked nothing and got no answer, left out.*begun *answered *unanswered *median *p90 *in target*all *[0-9]* *[0-9]* *[0-9]* *[0-9]*h[0-9][0-9]m *[0-9]*h[0-9][0-9]m *[0-9]*%*platform demo-page*platform demo-social*account page*kind complaint*kind question*" ""

tui_run --demo stats --json
sums=$(printf '%s\n' "$OUT" | PYTHONUTF8=1 python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
bad = [r for r in rows if r["answered"] + r["unanswered"] != r["begun"]]
allr = [r for r in rows if r["group"] == "all"][0]
plat = sum(r["begun"] for r in rows if r["group"] == "platform")
kind = sum(r["begun"] for r in rows if r["group"] == "kind")
print("ok" if not bad and plat == allr["begun"] and kind == allr["begun"]
    and allr["median"] <= allr["p90"] else "bad %r" % rows)
')
if [ "$sums" = ok ]; then
	tui_ok "stats --json: answered and unanswered make begun; platforms and kinds add up to all"
else
	tui_fail "stats --json: answered and unanswered make begun; platforms and kinds add up to all" "$sums"
fi

tui_run --demo stats --by week --csv
tui_expect "stats --by week --csv: a header a spreadsheet reads, and a row a week" \
    0 "group,key,begun,answered,unanswered,median_seconds,p90_seconds,within_target*all,\"all\",*week,\"20[0-9][0-9]-W[0-9][0-9]\",*" ""

# Opening hours of all day every day give the figures of no hours (a
# target no demo wait equals to the second).
conf=$TUI_DIR/stats.conf
printf 'response_target = 317m\n' >"$conf"
tui_run --config "$conf" --demo stats --csv
plain=$OUT
printf 'response_target = 317m\nhours = mon-sun 24h\n' >"$conf"
tui_run --config "$conf" --demo stats --csv
tui_expect "stats: opening hours of all day every day count as wall time" \
    0 "$plain" ""

tui_run --demo stats --account nope
tui_expect "stats --account: an unknown account is said, with those there are" \
    2 "" "*no account named nope in the cache (there are: page, social)*"
tui_run --demo stats --by year
tui_expect "stats --by: what it takes is said" 2 "" "*--by day, week or month*"
tui_run --demo stats --since soon
tui_expect "stats --since: what it takes is said" 2 "" \
    "*--since takes a date (2026-12-01) or a time back from now (30d)*"
tui_run --demo stats --json --csv
tui_expect "stats: --json and --csv together are refused" 2 "" \
    "*--json or --csv, not both*"
exit 0
