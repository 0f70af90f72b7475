#!/bin/sh
# tests/tui/resize.sh -- heed follows the terminal's size: it lays the
# queue and the thread out again, says when the terminal is too small, and
# draws everything again when it grows back.
. tests/tui/lib.sh

S=resize
JSON=$TUI_DIR/inbox.json
tui_heed --demo list --conversations --json > "$JSON" 2>/dev/null

tui_start $S
if ! tui_ready $S; then
	tui_fail "resize: heed --demo starts and syncs both demo accounts"
	exit 0
fi
tui_counts
inbox=$C_INBOX
# The status bar counts the conversations waiting, as heed status does.
waiting=$(eval "env -u NO_COLOR $(tui_env) '$HEED' --demo status --format %w" 2>&1)

# Resize the window of session $S to $1 columns and $2 lines.
resize() {
	t resize-window -t $S -x "$1" -y "$2"
}

# The queue fills a $1 x $2 screen: the title bar on line 0, $2 - 3 rows
# with their waiting times ending at column $3, item 1 first, the status
# bar on line $2 - 2, no line wider than $1 columns, and the rows whose
# text does not fit cut by heed with "…" at the right edge.
queue_fits() {
	tui_capture $S
	[ "$(printf '%s\n' "$SCREEN" | grep -c '')" = "$2" ] || return 1
	tui_line 0 | grep -q "^ heed .*Inbox $inbox " || return 1
	tui_line $(($2 - 2)) | grep -q " $waiting waiting, " || return 1
	cols=$(printf '%s\n' "$SCREEN" | tui_py agecol)
	[ "$(printf '%s\n' "$cols" | grep -c .)" = $(($2 - 3)) ] || return 1
	[ "$(printf '%s\n' "$cols" | cut -f2 | sort -u)" = "$3" ] || return 1
	tui_line 1 | tui_py sameitem "$JSON" 0 2>/dev/null || return 1
	widest=$(printf '%s\n' "$SCREEN" | tui_py width | sort -n | tail -n 1)
	[ "$widest" -le "$1" ] || return 1
	# Some row is cut with "…" within the last two columns.
	printf '%s\n' "$SCREEN" | sed -n "2,$(($2 - 2))p" | grep '…$' |
	    tui_py width | grep -q -x -E "$(($1 - 1))|$1"
}

# 11. 60x15: the author column shrinks to 12, the text is cut at 60.
resize 60 15
if tui_until queue_fits 60 15 22; then
	tui_ok "resize: at 60x15 the queue is laid out again: 12 rows cut with … at column 60, status bar on line 14"
else
	tui_fail "resize: at 60x15 the queue is laid out again: 12 rows cut with … at column 60, status bar on line 14" \
	    "widest line: ${widest:-?} columns; waiting times end at: $(printf '%s\n' "$cols" | cut -f2 | sort -u | tr '\n' ' ')"
fi
if tui_selected_is $S 1; then
	tui_ok "resize: at 60x15 the first row is still the selected one"
else
	tui_fail "resize: at 60x15 the first row is still the selected one"
fi

# 40x10, the smallest size heed works at: 7 rows, author column 8.
resize 40 10
if tui_until queue_fits 40 10 18; then
	tui_ok "resize: at 40x10 the queue still shows: 7 rows cut with … at column 40, status bar on line 9"
else
	tui_fail "resize: at 40x10 the queue still shows: 7 rows cut with … at column 40, status bar on line 9" \
	    "widest line: ${widest:-?} columns; waiting times end at: $(printf '%s\n' "$cols" | cut -f2 | sort -u | tr '\n' ' ')"
fi

# Below 40x10 heed says the terminal is too small, in words that fit.
too_small() {
	tui_shows $S "too small" && tui_shows $S "(40x10 at least)" &&
	    tui_hides $S "waiting,"
}
resize 39 9
if tui_until too_small; then
	tui_ok "resize: at 39x9 heed says the terminal is \"too small\" and \"(40x10 at least)\""
else
	tui_fail "resize: at 39x9 heed says the terminal is \"too small\" and \"(40x10 at least)\""
fi
resize 30 8
if tui_until too_small; then
	tui_ok "resize: at 30x8 heed says the terminal is \"too small\" and \"(40x10 at least)\""
else
	tui_fail "resize: at 30x8 heed says the terminal is \"too small\" and \"(40x10 at least)\""
fi

# Back to 120x40: everything is drawn again.
resize 120 40
if tui_until queue_fits 120 40 32 && tui_hides $S "too smal" &&
    tui_line 0 | grep -q "^ heed Tulip & Tea (demo)  "; then
	tui_ok "resize: back at 120x40 the whole screen is drawn again (title, 37 rows, status bar on line 39)"
else
	tui_fail "resize: back at 120x40 the whole screen is drawn again (title, 37 rows, status bar on line 39)"
fi

# A thread is wrapped again for the new width: at 60 columns no line of
# text goes past column 58, and the text does fill the lines. (Header
# lines, "name @handle · age · ...", are cut at the edge instead.)
tui_keys $S Enter
tui_wait $S "POST by"
resize 60 15
thread_fits() {
	tui_capture $S
	[ "$(printf '%s\n' "$SCREEN" | grep -c '')" = 15 ] || return 1
	tui_line 13 | grep -q "^ [0-9]* waiting, " || return 1
	w=$(printf '%s\n' "$SCREEN" | sed -n '2,13p' | grep -v ' · ' |
	    tui_py width | sort -n | tail -n 1)
	[ "$w" -le 58 ] && [ "$w" -ge 40 ]
}
if tui_until thread_fits; then
	tui_ok "resize: a thread at 60x15 is wrapped again (no line past column 58)"
else
	tui_fail "resize: a thread at 60x15 is wrapped again (no line past column 58)" \
	    "widest thread line: ${w:-?} columns"
fi
resize 120 40
tui_keys $S q
