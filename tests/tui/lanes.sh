#!/bin/sh
# tests/tui/lanes.sh -- the demo inbox as a shop owner meets it: what
# needs an answer first (complaints and questions, the longest waiting
# first), then what may, then the thanks that ask nothing, which A marks
# done at once; spam in a view of its own; K says what a message is; the
# status bar says why the selected row is where it is.
. tests/tui/lib.sh

S=lanes
CJSON=$TUI_DIR/conv.json
tui_heed --demo list --conversations --json >"$CJSON" 2>"$TUI_DIR/err"
nspam=$(tui_heed --demo list --view spam --json 2>/dev/null | grep -c .)
# How many messages wait in the "no reply needed?" lane.
nthanks=$(tui_heed --demo list --json 2>/dev/null |
    grep -c '"lane":"no-reply"')

# heed list gives the lanes in order, and in each the longest waiting
# first; the thank-you notes that opened the inbox are in the last lane.
order=$(PYTHONUTF8=1 python3 -c '
import json, sys
rank = {"answer": 0, "unclear": 1, "no-reply": 2, "unsorted": 3}
rows = [json.loads(l) for l in open(sys.argv[1])]
keys = [(rank[r["lane"]], r["first"]) for r in rows]
print("sorted" if keys == sorted(keys) else "not sorted: %r" % keys)
print(" ".join(r["lane"] for r in rows[:3]))
thanks = [r for r in rows if r["text"].startswith("Mulțumesc frumos")]
print(thanks[0]["lane"] if thanks else "none")
' "$CJSON")
if [ "$(printf '%s\n' "$order" | sed -n 1p)" = sorted ] &&
    [ "$(printf '%s\n' "$order" | sed -n 2p)" = "answer answer answer" ] &&
    [ "$(printf '%s\n' "$order" | sed -n 3p)" = no-reply ]; then
	tui_ok "lanes: heed list --conversations: answer, unclear, no-reply lanes in order, oldest first in each; the thank-you note asks nothing"
else
	tui_fail "lanes: heed list --conversations: answer, unclear, no-reply lanes in order, oldest first in each; the thank-you note asks nothing" \
	    "$order; $(cat "$TUI_DIR/err")"
fi

tui_start $S
if ! tui_ready $S; then
	tui_fail "lanes: heed --demo starts and syncs both demo accounts"
	exit 0
fi
tui_counts
inbox=$C_INBOX ndone=$C_DONE
# The status bar counts the conversations waiting, as heed status does.
waiting=$(eval "env -u NO_COLOR $(tui_env) '$HEED' --demo status --format %w" 2>&1)

# The first screen: the complaint with two follow-ups near the top, the
# Saturday question on it, the old thank-you notes not; rows as heed list.
tui_capture $S
top=$(printf '%s\n' "$SCREEN" | sed -n '2,4p')
if printf '%s\n' "$top" | grep -q "Martijn Smit .* C[* ]" &&
    printf '%s\n' "$SCREEN" | grep -q "So are you open this Saturday" &&
    ! printf '%s\n' "$SCREEN" | grep -q "Mulțumesc frumos" &&
    tui_line 1 | tui_py sameitem "$CJSON" 0 2>/dev/null &&
    tui_line 2 | tui_py sameitem "$CJSON" 1 2>/dev/null; then
	tui_ok "lanes: the first screen opens on what needs an answer, the complaint near the top, no thank-you note"
else
	tui_fail "lanes: the first screen opens on what needs an answer, the complaint near the top, no thank-you note"
fi
if tui_line 38 | grep -q "; needs an answer | $waiting waiting, [0-9]* over 4h"
then
	tui_ok "lanes: the status bar says why the selected row is first"
else
	tui_fail "lanes: the status bar says why the selected row is first" \
	    "$(tui_line 38)"
fi
if tui_line 0 | grep -q " Spam $nspam" && [ "$nspam" -ge 1 ]; then
	tui_ok "lanes: the title bar counts the spam ($nspam) apart from the inbox"
else
	tui_fail "lanes: the title bar counts the spam ($nspam) apart from the inbox"
fi

# G: the last rows are thanks, marked +, and their time is never red.
tui_keys $S G
tui_wait_selected_line $S 37
tui_capture_e $S
last=$(printf '%s\n' "$ESCREEN" | sed -n '36,38p')
if printf '%s\n' "$SCREEN" | sed -n '35,38p' | grep -q ' +[* ]' &&
    ! printf '%s\n' "$last" | grep -q '\[31m\|\[91m\|;31m\|;91m'; then
	tui_ok "lanes: the last rows ask nothing (+) and are not red"
else
	tui_fail "lanes: the last rows ask nothing (+) and are not red"
fi

# A marks every "no reply needed?" message done; u puts them back.
tui_keys $S A
if tui_until tui_has_counts $S $((inbox - nthanks)) $((ndone + nthanks)) "" &&
    tui_shows $S "Done: $nthanks messages that asked nothing. u undoes it."
then
	tui_ok "lanes: A marks the $nthanks messages that ask nothing done"
else
	tui_fail "lanes: A marks the $nthanks messages that ask nothing done"
fi
tui_keys $S u
if tui_until tui_has_counts $S "$inbox" "$ndone" "" &&
    tui_shows $S "Undone: $nthanks messages that asked nothing back in the inbox."
then
	tui_ok "lanes: u puts them all back"
else
	tui_fail "lanes: u puts them all back"
fi

# K on the first row: the owner says it is praise; it leaves the top.
tui_keys $S g
tui_wait_selected_line $S 1
first=$(tui_item "$CJSON" 0 author)
class=$(tui_item "$CJSON" 0 class)
tui_keys $S K
tui_wait $S "What is it?"
tui_keys $S p
if tui_wait $S "$first: praise from now on. u undoes it." &&
    ! tui_line 1 | tui_py sameitem "$CJSON" 0 2>/dev/null; then
	tui_ok "lanes: K p says the first row is praise: it leaves the top"
else
	tui_fail "lanes: K p says the first row is praise: it leaves the top"
fi
tui_keys $S u
if tui_until tui_shows $S "Undone: $first: $class again" &&
    tui_until tui_selected_is $S 1 &&
    tui_line 1 | tui_py sameitem "$CJSON" 0 2>/dev/null; then
	tui_ok "lanes: u takes the kind back: the row is first again"
else
	tui_fail "lanes: u takes the kind back: the row is first again"
fi

# The Spam view lists the spam, with its mark.
tui_keys $S BTab
if tui_until tui_shows_re $S '^ .. .* S[* ] ' &&
    [ "$(printf '%s\n' "$SCREEN" | grep -c '^ [fb][bs] .* S[* ] ')" = "$nspam" ]
then
	tui_ok "lanes: BTab shows the Spam view: $nspam rows marked S"
else
	tui_fail "lanes: BTab shows the Spam view: $nspam rows marked S"
fi

tui_keys $S q
exit 0
