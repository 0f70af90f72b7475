#!/bin/sh
# tests/tui/bulk.sh -- marking rows and acting on all of them at once:
# Space marks a row and moves down, V marks a range, Esc takes the marks
# off; # tags every marked conversation, d marks them all done, and one u
# takes it back whole. A saved view of the config ([view NAME]) is a view
# in the title with its count, and Tab reaches it.
. tests/tui/lib.sh

S=bulk
mkdir -p "$TUI_DIR/config/heed"
cat >"$TUI_DIR/config/heed/config" <<'EOF'
[view refunds]
filter = tag:refunds
EOF
tui_start $S
if ! tui_ready $S; then
	tui_fail "bulk: heed --demo starts and syncs both demo accounts"
	exit 0
fi
tui_counts
inbox=$C_INBOX ndone=$C_DONE

# The count of the saved view in the title bar, into NREF.
refunds_is() {
	tui_capture $S
	NREF=$(printf '%s\n' "$SCREEN" | sed -n '1s/.* refunds \([0-9?+]*\).*/\1/p')
	[ "$NREF" = "$1" ]
}
# The number of rows marked (a dot at the start of the line).
marked_rows() {
	tui_capture $S
	printf '%s\n' "$SCREEN" | sed -n '2,37p' | grep -c "^•"
}

if tui_until refunds_is 0; then
	tui_ok "bulk: the saved view is in the title bar after heed's own, with its count"
else
	tui_fail "bulk: the saved view is in the title bar after heed's own, with its count" \
	    "refunds shows \"$NREF\""
fi

# Space marks the first two rows; # tags both.
tui_keys $S Space Space
if tui_wait $S "2 marked: d, s, f, K or # acts on all of them" &&
    [ "$(marked_rows)" = 2 ]; then
	tui_ok "bulk: Space twice marks two rows, each with a dot, and says what acts on them"
else
	tui_fail "bulk: Space twice marks two rows, each with a dot, and says what acts on them" \
	    "$(marked_rows) rows marked"
fi
tui_keys $S '#'
if tui_wait $S "Tag the marked"; then
	tui_type $S "refunds"
	tui_keys $S Enter
fi
if tui_wait $S "Tagged refunds: 2 conversations (" &&
    [ "$(printf '%s\n' "$SCREEN" | sed -n '2,3p' | grep -c '#refunds')" = 2 ] &&
    [ "$(marked_rows)" = 0 ]; then
	tui_ok "bulk: # tags both conversations, the rows show #refunds, the marks go"
else
	tui_fail "bulk: # tags both conversations, the rows show #refunds, the marks go"
fi
msgs=$(printf '%s\n' "$SCREEN" | sed -n 's/.*Tagged refunds: 2 conversations (\([0-9]*\) messages).*/\1/p')
if [ -n "$msgs" ] && tui_until refunds_is "$msgs"; then
	tui_ok "bulk: the saved view counts the $msgs tagged messages"
else
	tui_fail "bulk: the saved view counts the tagged messages" \
	    "refunds shows \"$NREF\", tagged \"$msgs\""
fi

# The number of rows on the screen.
rows_shown() {
	tui_capture $S
	printf '%s\n' "$SCREEN" | sed -n '2,37p' | grep -c .
}
two_tagged_rows() {
	[ "$(rows_shown)" = 2 ] &&
	    [ "$(printf '%s\n' "$SCREEN" | grep -c '#refunds')" = 2 ]
}

# BTab from the inbox goes round to the saved view: the two rows.
tui_keys $S BTab
if tui_until two_tagged_rows; then
	tui_ok "bulk: the saved view lists the two tagged conversations"
else
	tui_fail "bulk: the saved view lists the two tagged conversations"
fi
tui_keys $S Tab
tui_until tui_has_counts $S "$inbox" "$ndone" "" >/dev/null

# V and two moves mark three rows; d marks the three done; u puts back.
tui_keys $S g V j j
if tui_until tui_shows_re $S "^•" && [ "$(marked_rows)" = 3 ]; then
	tui_ok "bulk: V and two moves down mark three rows"
else
	tui_fail "bulk: V and two moves down mark three rows" \
	    "$(marked_rows) rows marked"
fi
tui_keys $S d
if tui_wait $S "Done: 3 conversations (" && tui_counts &&
    [ "$C_INBOX" -lt "$inbox" ] && [ "$C_DONE" -gt "$ndone" ] &&
    [ $((inbox - C_INBOX)) = $((C_DONE - ndone)) ]; then
	tui_ok "bulk: d marks the three conversations done at once"
else
	tui_fail "bulk: d marks the three conversations done at once" \
	    "Inbox $C_INBOX (was $inbox), Done $C_DONE (was $ndone)"
fi
tui_keys $S u
if tui_until tui_has_counts $S "$inbox" "$ndone" "" &&
    tui_shows $S "Undone: 3 conversations: back in the inbox ("; then
	tui_ok "bulk: one u puts all three back and says so"
else
	tui_fail "bulk: one u puts all three back and says so"
fi

# A reply is for one conversation: refused while a row is marked.
tui_keys $S Space r
if tui_wait $S "reply acts on one conversation: 1 row is marked." &&
    ! tui_shows $S "-- your "; then
	tui_ok "bulk: r refuses while a row is marked, and says how to unmark"
else
	tui_fail "bulk: r refuses while a row is marked, and says how to unmark"
fi
tui_keys $S Escape
if tui_wait $S "Marks taken off 1 row." && [ "$(marked_rows)" = 0 ]; then
	tui_ok "bulk: Esc takes the marks off"
else
	tui_fail "bulk: Esc takes the marks off"
fi

tui_keys $S q q
exit 0
