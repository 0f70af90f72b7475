#!/bin/sh
# tests/tui/triage.sh -- done and undo, snooze, flag, and the views that
# show them.
. tests/tui/lib.sh

S=triage
JSON=$TUI_DIR/inbox.json
tui_heed --demo list --conversations --json > "$JSON" 2>/dev/null
# The Done view lists conversations: how many of them there are.
dconv=$(tui_heed --demo list --view done --conversations --json 2>/dev/null |
    grep -c .)

tui_start $S
if ! tui_ready $S; then
	tui_fail "triage: heed --demo starts and syncs both demo accounts"
	exit 0
fi
tui_counts
inbox=$C_INBOX ndone=$C_DONE snoozed=$C_SNOOZED flagged=$C_FLAGGED all=$C_ALL

# The row of item $1 of the inbox list is on line $2 of the screen.
item_on_line() {
	tui_capture $S
	tui_line "$2" | tui_py sameitem "$JSON" "$1" 2>/dev/null
}
# Session $S has the counts $1 (Inbox) $2 (Done) $3 (Snoozed), item $4 of
# the inbox list on line 1, and that line selected.
state_is() {
	tui_has_counts $S "$1" "$2" "$3" && item_on_line "$4" 1 &&
	    tui_selected_is $S 1
}

# 7. d marks the first row done: it leaves the inbox; u brings it back.
tui_wait_selected_line $S 1
tui_keys $S d
if tui_until state_is $((inbox - 1)) $((ndone + 1)) "$snoozed" 1 &&
    tui_shows $S "Done. u undoes it." && ! item_on_line 0 1; then
	tui_ok "triage: d on the first row: Inbox -1, Done +1, the row is gone, the next one selected"
else
	tui_fail "triage: d on the first row: Inbox -1, Done +1, the row is gone, the next one selected"
fi

tui_keys $S u
if tui_until tui_has_counts $S "$inbox" "$ndone" "$snoozed" &&
    tui_wait $S "Undone: $(tui_item "$JSON" 0 author): back in the inbox."; then
	tui_ok "triage: u restores the counts (Inbox and Done as before) and says \"Undone: ...\""
else
	tui_fail "triage: u restores the counts (Inbox and Done as before) and says \"Undone: ...\""
fi
if tui_until state_is "$inbox" "$ndone" "$snoozed" 0; then
	tui_ok "triage: after u the row is back on line 1 and selected"
else
	tui_capture_e $S
	tui_fail "triage: after u the row is back on line 1 and selected" \
	    "line 1 is not inbox item 1 ($(tui_item "$JSON" 0 author)), or it is not selected; selected: $(tui_selected)"
fi

# The same in the middle of the page: d then u on the third row.
tui_keys $S g
tui_until item_on_line 0 1
tui_keys $S j j
tui_wait_selected_line $S 3
tui_keys $S d
tui_until item_on_line 3 3
tui_keys $S u
mid_back() {
	tui_has_counts $S "$inbox" "$ndone" "$snoozed" && item_on_line 2 3 &&
	    tui_selected_is $S 3
}
if tui_until mid_back; then
	tui_ok "triage: d then u on the third row puts it back on line 3, selected"
else
	tui_fail "triage: d then u on the third row puts it back on line 3, selected"
fi

tui_keys $S u
if tui_wait $S "Nothing to undo." && tui_has_counts $S "$inbox" "$ndone"; then
	tui_ok "triage: u with nothing left to undo says so and changes nothing"
else
	tui_fail "triage: u with nothing left to undo says so and changes nothing"
fi

# 8. s offers the snooze presets; 1 snoozes for an hour.
tui_keys $S g
tui_until item_on_line 0 1
tui_keys $S j
tui_wait_selected_line $S 2
snoozed_author=$(tui_item "$JSON" 1 author)
# The rows are conversations: how many messages the first two hold.
n0=$(tui_item "$JSON" 0 messages)
n1=$(tui_item "$JSON" 1 messages)
tui_keys $S s
menu() {
	tui_shows $S "Snooze" && tui_shows_re $S "1  1h +until " &&
	    tui_shows_re $S "5  next-week +until " &&
	    tui_shows $S "t  type a time"
}
if tui_until menu; then
	tui_ok "triage: s shows the snooze menu with the presets 1h to next-week and t"
else
	tui_fail "triage: s shows the snooze menu with the presets 1h to next-week and t"
fi

tui_keys $S 1
if tui_until tui_has_counts $S $((inbox - n1)) "$ndone" $((snoozed + n1)) &&
    tui_wait $S "Snoozed until " && item_on_line 0 1 && item_on_line 2 2; then
	tui_ok "triage: 1 in the snooze menu: the conversation's $n1 messages leave the inbox for Snoozed"
else
	tui_fail "triage: 1 in the snooze menu: the conversation's $n1 messages leave the inbox for Snoozed"
fi

# Tab, Tab: the Snoozed view, marked in the title bar, lists that row
# with the time left until it wakes.
tui_keys $S Tab Tab
current_view() {
	tui_capture_e $S
	case $(printf '%s\n' "$ESCREEN" | sed -n 1p | tui_py attrs " $1 ") in
	*bold=1*reverse=1*) return 0 ;;
	esac
	return 1
}
in_snoozed() {
	current_view "Snoozed $((snoozed + n1))" || return 1
	tui_capture $S
	rows=$(printf '%s\n' "$SCREEN" | tui_py agecol)
	[ "$(printf '%s\n' "$rows" | grep -c .)" = 1 ] &&
	    printf '%s\n' "$rows" | cut -f4 | tui_py sameitem "$JSON" 1 2>/dev/null &&
	    printf '%s\n' "$rows" | cut -f3 | grep -E -q '^(1h|59m)$'
}
if tui_until in_snoozed; then
	tui_ok "triage: Tab Tab shows the Snoozed view with the snoozed row waking in 1h"
else
	tui_fail "triage: Tab Tab shows the Snoozed view with the snoozed row waking in 1h" \
	    "snoozed: $snoozed_author"
fi

tui_keys $S Tab
# The Done view lists the done conversations (a page of them at most),
# or says it is empty.
done_view() {
	current_view "Done $ndone" || return 1
	tui_capture $S
	rows=$(printf '%s\n' "$SCREEN" | tui_py agecol | grep -c .)
	if [ "$dconv" = 0 ]; then
		[ "$rows" = 0 ] && tui_shows $S "Nothing here."
	elif [ "$dconv" -ge 37 ]; then
		[ "$rows" = 37 ]
	else
		[ "$rows" = "$dconv" ]
	fi
}
if tui_until done_view; then
	tui_ok "triage: Tab again shows the Done view with its done conversations (a page at most)"
else
	tui_fail "triage: Tab again shows the Done view with its done conversations (a page at most)"
fi

tui_keys $S BTab BTab BTab
if tui_until current_view "Inbox $((inbox - n1))" && tui_until item_on_line 0 1; then
	tui_ok "triage: BTab three times goes back to the Inbox view"
else
	tui_fail "triage: BTab three times goes back to the Inbox view"
fi

# f flags with a note: the Flagged count rises, the row shows "!".
tui_wait_selected_line $S 1
tui_keys $S f
tui_wait $S "Why flag it (a note for the team):"
tui_type $S "ask Ilse"
tui_keys $S Enter
flagged_row() {
	tui_has_counts $S "" "" "" && [ "$C_FLAGGED" = $((flagged + n0)) ] &&
	    [ "$C_ALL" = "$all" ] && tui_selected_is $S 1 &&
	    printf '%s\n' "$SELTEXT" | grep -E -q '^ .. .* +[0-9]+[mhdwy] .[ *]!n '
}
if tui_until flagged_row &&
    tui_shows_re $S "Flagged( \($n0 messages\))?\. It shows in the Flagged view\."; then
	tui_ok "triage: f with a note: Flagged +$n0 (the conversation), All the same, the row shows !n"
else
	tui_fail "triage: f with a note: Flagged +$n0 (the conversation), All the same, the row shows !n"
fi
