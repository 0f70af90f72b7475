#!/bin/sh
# tests/tui/conv-queue.sh -- the queue reads as conversations: a
# customer's follow-ups are one row with their count and newest text; d,
# the flag and u act on the whole conversation; u says what it takes back,
# and asks before taking back a change to another row.
. tests/tui/lib.sh

S=convq
tui_start $S
if ! tui_ready $S; then
	tui_fail "conv-queue: heed --demo starts and syncs both demo accounts"
	exit 0
fi
tui_counts
inbox=$C_INBOX ndone=$C_DONE flagged=$C_FLAGGED

# The screen line (0-based) of Martijn Smit's row, or nothing.
martijn_line() {
	printf '%s\n' "$SCREEN" | grep -n "Martijn Smit" | head -n 1 |
	    cut -d: -f1 | awk '{ print $1 - 1 }'
}

# 0 if the title bar shows the counts the test began with and Flagged $1
# (the inbox and done counts alone do not change with a flag).
flagged_is() {
	tui_has_counts $S "$inbox" "$ndone" "" && [ "$C_FLAGGED" = "$1" ]
}

# Martijn Smit complained and wrote twice more: one row, 3 messages,
# the newest text.
tui_capture $S
rows=$(printf '%s\n' "$SCREEN" | sed -n '2,37p' | grep -c "Martijn Smit")
if [ "$rows" = 1 ] && printf '%s\n' "$SCREEN" |
    grep -q -E "Martijn Smit +[0-9]+[dh] .* 3 Ik heb jullie nu ook gemaild"
then
	tui_ok "conv-queue: a complaint and two follow-ups are one row of 3 with the newest text"
else
	tui_fail "conv-queue: a complaint and two follow-ups are one row of 3 with the newest text" \
	    "$rows rows of Martijn Smit"
fi

line=$(martijn_line)
i=1
while [ "$i" -lt "${line:-1}" ]; do
	tui_keys $S j
	i=$((i + 1))
done
tui_wait_selected_line $S "${line:-1}"

# d marks the three done; u puts the three back and says so.
tui_keys $S d
if tui_until tui_has_counts $S $((inbox - 3)) $((ndone + 3)) "" &&
    tui_shows $S "Done (3 messages). u undoes it."; then
	tui_ok "conv-queue: d on a conversation marks its 3 messages done"
else
	tui_fail "conv-queue: d on a conversation marks its 3 messages done"
fi
tui_keys $S u
if tui_until tui_has_counts $S "$inbox" "$ndone" "" &&
    tui_wait $S "Undone: Martijn Smit: back in the inbox (3 messages)."; then
	tui_ok "conv-queue: u says what it takes back: Martijn Smit back in the inbox, 3 messages"
else
	tui_fail "conv-queue: u says what it takes back: Martijn Smit back in the inbox, 3 messages"
fi
if tui_until tui_selected_is $S "$line" &&
    printf '%s\n' "$SELTEXT" | grep -q "Martijn Smit"; then
	tui_ok "conv-queue: after u the conversation is selected again"
else
	tui_fail "conv-queue: after u the conversation is selected again" \
	    "selected: $SELTEXT"
fi

# The flag with a note goes on every message of the conversation.
tui_keys $S f
if tui_wait $S "Why flag it"; then
	tui_type $S "photo of the crack"
	tui_keys $S Enter
fi
tui_capture $S
tui_counts
if tui_until tui_shows $S "Flagged (3 messages). It shows in the Flagged view." &&
    tui_counts && [ "$C_FLAGGED" = $((flagged + 3)) ]; then
	tui_ok "conv-queue: the flag goes on the 3 messages (Flagged +3)"
else
	tui_fail "conv-queue: the flag goes on the 3 messages (Flagged +3)" \
	    "Flagged $C_FLAGGED, was $flagged"
fi

# Moved on to another row, u asks before taking back the flag.
tui_keys $S k
tui_keys $S u
if tui_wait $S "The last change was not to the selected row." &&
    tui_shows $S "Martijn Smit: flag and note removed (3 messages)"; then
	tui_ok "conv-queue: u on another row asks first and says what it would take back"
else
	tui_fail "conv-queue: u on another row asks first and says what it would take back"
fi
tui_keys $S n
tui_wait_gone $S "Undo it"
if tui_has_counts $S "$inbox" "$ndone" "" && [ "$C_FLAGGED" = $((flagged + 3)) ]
then
	tui_ok "conv-queue: n leaves the flag on"
else
	tui_fail "conv-queue: n leaves the flag on" "Flagged $C_FLAGGED"
fi
tui_keys $S u
tui_wait $S "Undo it"
tui_keys $S y
if tui_until flagged_is "$flagged" &&
    tui_has_counts $S "$inbox" "$ndone" "" &&
    tui_shows $S "Undone: Martijn Smit: flag and note removed (3 messages)."
then
	tui_ok "conv-queue: y takes the flag off the 3 messages again"
else
	tui_fail "conv-queue: y takes the flag off the 3 messages again" \
	    "Flagged $C_FLAGGED, was $flagged"
fi

# The thread marks the conversation's messages, in order.
tui_keys $S Enter
if tui_wait $S "Martijn Smit @martijnsmit.bsky.example" &&
    tui_shows $S "conversation 1 of 3" && tui_shows $S "conversation 3 of 3"
then
	tui_ok "conv-queue: the thread marks the conversation's 3 messages"
else
	tui_fail "conv-queue: the thread marks the conversation's 3 messages"
fi

tui_keys $S q q
exit 0
