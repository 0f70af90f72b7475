#!/bin/sh
# tests/tui/hostile.sh -- the demo comment c-hostile (by "Prize Center")
# carries an OSC title, a screen clear, colours, a right-to-left override
# and a raw C1 CSI byte. None of it may reach the terminal: heed shows the
# words as plain text and the screen stays whole.
. tests/tui/lib.sh

S=hostile

# Does this tmux take an OSC 0 title from a pane? If not, the title check
# below could not fail, so say so.
tui_start_cmd probe "printf '\\033]0;PROBE\\007'; exec sleep 60"
probe_title() {
	[ "$(t display -p -t probe '#{pane_title}')" = PROBE ]
}
tui_until probe_title
calibrated=$?
t kill-session -t probe

# heed list never prints the escapes either.
out=$(tui_heed --demo list --view all 2>&1)
line=$(printf '%s\n' "$out" | grep "Prize Center")
bad=$(printf '%s\n' "$out" | tui_py controls)
if [ -n "$line" ] && [ -z "$bad" ] &&
    printf '%s\n' "$line" | grep -q "Congratulations! You won a free iPhone"; then
	tui_ok "hostile: heed list prints the Prize Center comment with no control or bidi character"
else
	SCREEN=$line tui_fail "hostile: heed list prints the Prize Center comment with no control or bidi character" \
	    "$bad"
fi

tui_start $S
if ! tui_ready $S; then
	tui_fail "hostile: heed --demo starts and syncs both demo accounts"
	exit 0
fi
title_before=$(t display -p -t $S '#{pane_title}')

# 12. Find it by searching "iPhone", open its thread.
tui_keys $S /
tui_wait $S "Search:"
tui_type $S iPhone
tui_keys $S Enter
tui_wait $S '1 match for "iPhone"'
if tui_wait_selected_line $S 1 &&
    printf '%s\n' "$SELTEXT" | grep -q "^ .. Prize Center  *[0-9]*[mhd] .*Congratulations! You won a free iPhone"; then
	tui_ok "hostile: a search for iPhone finds the Prize Center comment"
else
	tui_fail "hostile: a search for iPhone finds the Prize Center comment" \
	    "selected: $SELTEXT"
fi
tui_keys $S Enter
opened() {
	tui_shows $S "POST by" || tui_shows $S "line " || return 1
	tui_capture_e $S
	case $(tui_selected | grep -v '^$' | head -n 1) in
	*"Prize Center @prize.center.official · "*) return 0 ;;
	esac
	return 1
}
if ! tui_until opened; then
	tui_fail "hostile: Enter opens the Prize Center thread, that comment highlighted" \
	    "highlighted: $(tui_selected)"
	exit 0
fi
tui_ok "hostile: Enter opens the Prize Center thread, that comment highlighted"

title=$(t display -p -t $S '#{pane_title}')
if [ $calibrated = 0 ] && [ "$title" != HACKED ] && [ "$title" = "$title_before" ]; then
	tui_ok "hostile: the pane title is not HACKED (it stays what it was)"
else
	tui_fail "hostile: the pane title is not HACKED (it stays what it was)" \
	    "title before: $title_before, now: $title; tmux takes OSC 0 titles: $([ $calibrated = 0 ] && echo yes || echo NO, the check cannot work)"
fi

# The screen was not cleared: the title bar, the first thread line and the
# status bar are all there in the same frame as the comment.
tui_capture $S
if tui_line 0 | grep -q "^ heed Tulip & Tea (demo)  .*Inbox [0-9]" &&
    [ -n "$(tui_line 1)" ] && tui_line 38 | grep -q "^ [0-9]* waiting, " &&
    tui_shows $S "Congratulations! You won a free iPhone"; then
	tui_ok "hostile: the screen is not cleared: title bar, first line and status bar show with the comment"
else
	tui_fail "hostile: the screen is not cleared: title bar, first line and status bar show with the comment"
fi

# The words are plain text: no colour, no blink, nothing but what heed
# gives an unselected comment's text.
tui_capture_e $S
a1=$(printf '%s\n' "$ESCREEN" | tui_py attrs "Congratulations! You won a free iPhone")
a2=$(printf '%s\n' "$ESCREEN" | tui_py attrs "OFFER ENDS TONIGHT")
if [ "$a1" = plain ] && [ "$a2" = plain ]; then
	tui_ok "hostile: \"Congratulations! You won a free iPhone\" and \"OFFER ENDS TONIGHT\" show as plain text"
else
	tui_fail "hostile: \"Congratulations! You won a free iPhone\" and \"OFFER ENDS TONIGHT\" show as plain text" \
	    "attributes: [$a1] [$a2]"
fi

# The right-to-left override is gone: the real name shows, .exe last.
if tui_shows $S "prize_voucher_txt.exe" && [ -z "$(printf '%s\n' "$SCREEN" | tui_py controls)" ]; then
	tui_ok "hostile: no control or bidi character is on the screen; the file shows as prize_voucher_txt.exe"
else
	tui_fail "hostile: no control or bidi character is on the screen; the file shows as prize_voucher_txt.exe" \
	    "$(printf '%s\n' "$SCREEN" | tui_py controls)"
fi

# The sequences are taken out, not shown as text either (curses would
# show a raw ESC as "^[").
tui_capture $S
if tui_hides $S "HACKED" && tui_hides $S "^[" && tui_hides $S "[2J" &&
    tui_hides $S "[31m" && tui_shows $S "Congratulations! You won a free iPhone"; then
	tui_ok "hostile: the escape sequences are removed, not shown: no HACKED, ^[, [2J or [31m on the screen"
else
	tui_fail "hostile: the escape sequences are removed, not shown: no HACKED, ^[, [2J or [31m on the screen"
fi

# Every escape in the -e capture is an SGR (ESC [ ... m), nothing else.
bad=$(printf '%s\n' "$ESCREEN" | tui_py sgr)
if [ -z "$bad" ] && printf '%s\n' "$ESCREEN" | grep -q "$(printf '\033')\["; then
	tui_ok "hostile: every ESC on the screen starts an SGR colour sequence"
else
	tui_fail "hostile: every ESC on the screen starts an SGR colour sequence" "$bad"
fi

# The same in the queue: q back to the search, q to the inbox, G to its
# last page (the comment is 14 hours old), where the row is not selected.
tui_keys $S q
tui_wait_gone $S "Prize Center @prize.center.official"
tui_keys $S q
tui_wait_gone $S "q to leave the search"
tui_keys $S G
tui_wait_selected_line $S 37
tui_capture_e $S
a3=$(printf '%s\n' "$ESCREEN" | tui_py attrs "Congratulations! You won a free iPhone")
tui_capture $S
if [ "$a3" = plain ] && [ "$(t display -p -t $S '#{pane_title}')" = "$title_before" ] &&
    tui_line 0 | grep -q "^ heed Tulip & Tea (demo)  .*Inbox [0-9]" &&
    tui_line 38 | grep -q "^ [0-9]* waiting, "; then
	tui_ok "hostile: its queue row shows plain text and leaves the title alone"
else
	tui_fail "hostile: its queue row shows plain text and leaves the title alone" \
	    "attributes: [$a3]"
fi
