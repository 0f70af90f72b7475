# tests/tui/classify-cli.sh -- heed classify: plain lines and JSON lines in,
# the kind and needs-reply of each out (tab-separated or JSON), with no
# config, cache or account; every bad input said with its line; --eval
# measures against labels.

. tests/tui/lib.sh

IN=$TUI_DIR/in

printf '%s\n' 'Still waiting for my order!!!' '' 'Do you ship to Ireland' \
    'Love it, thank you ❤️' >"$IN"
tui_run classify "$IN"
tab=$(printf '\t')
tui_expect "classify: a line each, blank lines skipped, kind and reply first" \
    0 "complaint${tab}yes${tab}2${tab}complaint: 'Still waiting'*
question${tab}yes${tab}1${tab}*${tab}Do you ship to Ireland
praise${tab}no${tab}0${tab}*" ""
[ "$(printf '%s\n' "$OUT" | wc -l)" = 3 ] ||
    tui_fail "classify: three results for three texts" "$OUT"

printf '%s\n' '{"text":"Ik ben niet tevreden","lang":"nl","followup":true}' |
    tui_heed classify --json - >"$TUI_DIR/json" 2>"$TUI_DIR/err"
RC=$?
if [ "$RC" = 0 ] && python3 -c '
import json, sys
o = json.loads(open(sys.argv[1]).read())
assert o["line"] == 1 and o["kind"] == "complaint" and o["reply"] == "yes"
assert o["urgency"] == 2 and o["lang"] == "nl"
assert "follow-up" in o["why"] and o["text"] == "Ik ben niet tevreden"
' "$TUI_DIR/json"; then
	tui_ok "classify --json: a JSON line of standard input, with its signals"
else
	tui_fail "classify --json: a JSON line of standard input, with its signals" \
	    "exit $RC: $(cat "$TUI_DIR/json" "$TUI_DIR/err")"
fi

printf '%s\n' 'hello there' '{"text": "oops",' >"$IN"
tui_run classify "$IN"
tui_expect "classify: a line that is not JSON stops it with its line, exit 1" \
    1 "other${tab}*hello there" "heed classify: $IN:2: not valid JSON*"

printf '%s\n' '{"lang":"en"}' >"$IN"
tui_run classify "$IN"
tui_expect "classify: a JSON line without text is said, exit 1" \
    1 "" "heed classify: $IN:1: no \"text\" string"

printf '%s\n' '{"text":"hi","followup":"yes"}' >"$IN"
tui_run classify "$IN"
tui_expect "classify: a member of the wrong type is said, exit 1" \
    1 "" "heed classify: $IN:1: \"followup\" is not true or false"

tui_run classify --lang xx "$IN"
tui_expect "classify --lang xx: a usage error naming the languages, exit 2" \
    2 "" "heed classify: --lang takes one of en, nl, de, fr, es, ro, ar, zh, not xx"

tui_run classify "$TUI_DIR/nothing-here"
tui_expect "classify: a file that is not there, exit 1" \
    1 "" "heed classify: $TUI_DIR/nothing-here: No such file or directory"

tui_run classify --misses "$IN"
tui_expect "classify --misses without --eval: a usage error, exit 2" \
    2 "" "heed classify: --misses goes with --eval"

printf '%s\n' 'plain text' >"$IN"
tui_run classify --eval "$IN"
tui_expect "classify --eval: plain text is refused with its line, exit 1" \
    1 "" "heed classify: $IN:1: --eval reads JSON lines*"

printf '%s\n' '{"text":"where is my refund??","kind":"complaint","reply":"yes"}' \
    '{"text":"do you ship to Ireland","kind":"question","reply":"yes"}' \
    '{"text":"thanks, lovely","kind":"question","reply":"yes"}' >"$IN"
tui_run classify --eval --misses "$IN"
tui_expect "classify --eval --misses: the miss, then precision and recall" \
    0 "$IN:3: expected question/yes, got praise/no*
3 messages in 1 language
*
complaint       1.00    1.00         1   >= 0.85  met*
question        1.00    0.50         2   >= 0.85  NOT MET*
kind right: 0.67*" ""

printf '%s\n' '{"text":"x","kind":"complaints","reply":"yes"}' >"$IN"
tui_run classify --eval "$IN"
tui_expect "classify --eval: an unknown kind is said with its line, exit 1" \
    1 "" "heed classify: $IN:1: \"kind\" is not complaint, question, praise, spam or other"
