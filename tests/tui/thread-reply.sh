#!/bin/sh
# tests/tui/thread-reply.sh -- the thread screen, replying through the
# check screen and the outbox, and drafts.
. tests/tui/lib.sh

S=thread
JSON=$TUI_DIR/inbox.json
ITEMS=$TUI_DIR/items.json
# The queue's rows are conversations; a thread opens on a row's first
# message.
tui_heed --demo list --conversations --json > "$JSON" 2>/dev/null
tui_heed --demo list --json > "$ITEMS" 2>/dev/null

# Field $2 of the item with the id of conversation $1's first message.
head_item() {
	PYTHONUTF8=1 python3 -c '
import json, sys
convs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
items = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[2])
         if l.strip()}
v = items[convs[int(sys.argv[3])]["ids"][0]].get(sys.argv[4])
print("" if v is None else str(v).split("\n")[0])' "$JSON" "$ITEMS" "$1" "$2"
}

tui_start $S
if ! tui_ready $S; then
	tui_fail "thread: heed --demo starts and syncs both demo accounts"
	exit 0
fi

# The first 20 characters of a string.
head20() {
	PYTHONUTF8=1 python3 -c 'import sys; print(sys.argv[1][:20])' "$1"
}

# 3. Enter on the third row opens its thread with that item highlighted:
# its header names the author, the line after (or after how long it has
# waited) starts its text.
tui_keys $S j j
tui_wait_selected_line $S 3
row3=$SELTEXT
who3="$(tui_item "$JSON" 2 author) $(tui_item "$JSON" 2 handle) · "
text3=$(head20 "$(head_item 2 text)")
tui_keys $S Enter
opened() {
	tui_shows $S "POST by " || return 1
	tui_capture_e $S
	sel=$(tui_selected)
	[ "$(printf '%s\n' "$sel" | grep -c .)" = 1 ] || return 1
	n=$(printf '%s\n' "$sel" | cut -f1)
	case $(printf '%s\n' "$sel" | cut -f2) in
	*"$who3"*) ;;
	*) return 1 ;;
	esac
	# Under the header of a conversation's first message the thread
	# says how long it has waited; then the text.
	_next=$(tui_line $((n + 1)))
	case $_next in
	"  Waiting "*) _next=$(tui_line $((n + 2))) ;;
	esac
	case $_next in
	*"$text3"*) return 0 ;;
	esac
	return 1
}
if printf '%s\n' "$row3" | tui_py sameitem "$JSON" 2 && tui_until opened; then
	tui_ok "thread: Enter on row 3 opens its thread with the POST header and that comment highlighted"
else
	tui_fail "thread: Enter on row 3 opens its thread with the POST header and that comment highlighted" \
	    "row 3: $row3; highlighted: $(tui_selected); want [$who3] then [$text3]"
fi

tui_keys $S q
back() {
	tui_hides $S "POST by" && tui_shows $S "Enter open  r reply" &&
	    tui_selected_is $S 3 &&
	    printf '%s\n' "$SELTEXT" | tui_py sameitem "$JSON" 2 2>/dev/null
}
if tui_until back; then
	tui_ok "thread: q goes back to the queue with the same row selected"
else
	tui_fail "thread: q goes back to the queue with the same row selected"
fi

# 4. Reply to the first row: two lines (M-Enter), a token and an emoji.
TOKEN=tok$$x$(date +%S)
tui_keys $S g
tui_wait_selected_line $S 1
tui_counts
before_inbox=$C_INBOX before_done=$C_DONE before_all=$C_ALL
n0=$(tui_item "$JSON" 0 messages)
who1="$(tui_item "$JSON" 0 author) ($(tui_item "$JSON" 0 handle))"
tui_keys $S Enter
tui_wait $S "POST by"
tui_keys $S r
if tui_wait $S "-- your reply -- 0/" &&
    tui_shows $S " Reply to $who1"; then
	tui_ok "reply: r opens an empty composer that names the author answered"
else
	tui_fail "reply: r opens an empty composer that names the author answered"
fi
tui_type $S "Hello $TOKEN first"
tui_keys $S Escape Enter
tui_type $S "second line 🍵"
# "Hello ", the token, " first", a newline, "second line 🍵": the emoji
# counts as one character.
len=$((6 + ${#TOKEN} + 6 + 1 + 13))
if tui_wait $S "-- your reply -- $len/" &&
    printf '%s\n' "$SCREEN" | grep -q "^ Hello $TOKEN first$" &&
    printf '%s\n' "$SCREEN" | grep -q "^ second line 🍵$"; then
	tui_ok "reply: M-Enter (Escape Enter) starts a new line in the composer"
else
	tui_fail "reply: M-Enter (Escape Enter) starts a new line in the composer" \
	    "expected the two lines and a length of $len"
fi

tui_keys $S Enter
checkscreen() {
	tui_shows $S "Check before sending" &&
	    tui_shows $S "Length: $len/" &&
	    printf '%s\n' "$SCREEN" | grep -F -q "  To:     $who1, on " &&
	    printf '%s\n' "$SCREEN" | grep -q "^    Hello $TOKEN first$" &&
	    printf '%s\n' "$SCREEN" | grep -q "^    second line 🍵$"
}
if tui_until checkscreen; then
	tui_ok "reply: Enter shows the check screen with the recipient, the length and both lines"
else
	tui_fail "reply: Enter shows the check screen with the recipient, the length and both lines"
fi

tui_keys $S y
sent() {
	tui_shows $S "reply sent" && tui_shows $S "POST by" &&
	    [ "$(printf '%s\n' "$SCREEN" | grep -c "$TOKEN")" = 1 ]
}
if tui_until sent; then
	n=$(printf '%s\n' "$SCREEN" | grep -n "$TOKEN" | cut -d: -f1)
	hdr=$(tui_line $((n - 2)))
	line=$(tui_line $((n - 1)))
	next=$(tui_line $n)
	indent=${line%%Hello*}
	case $hdr in
	*"YOU: Tulip & Tea @"*" · now · "*)
		if [ "$line" = "${indent}Hello $TOKEN first" ] &&
		    [ "$next" = "${indent}second line 🍵" ]; then
			tui_ok "reply: y sends; the thread shows the reply once under YOU:, both lines"
		else
			tui_fail "reply: y sends; the thread shows the reply once under YOU:, both lines" \
			    "line after the token: [$next]"
		fi ;;
	*)
		tui_fail "reply: y sends; the thread shows the reply once under YOU:, both lines" \
		    "line before the token: [$hdr]" ;;
	esac
else
	tui_fail "reply: y sends; the thread shows the reply once under YOU:, both lines" \
	    "\"reply sent\" and the token exactly once never showed"
fi

# Sync again: the reply comes back from the platform and must not double.
tui_keys $S '$'
synced_again() {
	tui_shows $S "Synced fb page and bs social" || return 1
	! tui_line 38 | grep -q "syncing" &&
	    [ "$(printf '%s\n' "$SCREEN" | grep -c "$TOKEN")" = 1 ] &&
	    tui_counts && [ "$C_ALL" = $((before_all + 1)) ]
}
if tui_until synced_again; then
	tui_ok "reply: after another sync the reply is still there once (All +1)"
else
	tui_fail "reply: after another sync the reply is still there once (All +1)" \
	    "All was $before_all, now ${C_ALL:-?}"
fi

tui_keys $S q
counted() {
	tui_shows $S "Enter open  r reply" && tui_counts &&
	    [ "$C_INBOX" = $((before_inbox - n0)) ] &&
	    [ "$C_DONE" = $((before_done + n0)) ] &&
	    tui_line 1 | tui_py sameitem "$JSON" 1 2>/dev/null
}
if tui_until counted; then
	tui_ok "reply: back in the queue Inbox is one less, Done one more, the row is gone (item 2 first)"
else
	tui_fail "reply: back in the queue Inbox is one less, Done one more, the row is gone (item 2 first)" \
	    "before: Inbox $before_inbox Done $before_done"
fi

# 5. Drafts: Escape keeps what was typed, r brings it back.
tui_keys $S g
tui_wait_selected_line $S 1
tui_keys $S r
tui_wait $S "-- your reply -- 0/"
tui_type $S "draft $TOKEN kept"
tui_wait $S "draft $TOKEN kept"
tui_keys $S Escape
if tui_wait $S "Draft kept; r on this item brings it back." &&
    tui_hides $S "-- your reply --" && tui_selected_is $S 1; then
	tui_ok "draft: Escape leaves the composer and says the draft is kept"
else
	tui_fail "draft: Escape leaves the composer and says the draft is kept"
fi
marked() {
	tui_selected_is $S 1 &&
	    printf '%s\n' "$SELTEXT" | grep -E -q '^ .. .* +[0-9]+[mhdwy] .[ *][ !r]d '
}
if tui_until marked; then
	tui_ok "draft: the row with a draft shows the d flag"
else
	tui_fail "draft: the row with a draft shows the d flag" "row: $SELTEXT"
fi

tui_keys $S r
if tui_wait $S "Your draft is back." &&
    printf '%s\n' "$SCREEN" | grep -q "^ draft $TOKEN kept$" &&
    tui_shows $S "-- your reply -- $((11 + ${#TOKEN}))/"; then
	tui_ok "draft: r on the same row brings the draft back (\"Your draft is back.\")"
else
	tui_fail "draft: r on the same row brings the draft back (\"Your draft is back.\")"
fi
tui_keys $S Escape
tui_wait_gone $S "-- your reply --"

tui_keys $S j
tui_wait_selected_line $S 2
tui_keys $S r
if tui_wait $S "-- your reply -- 0/" && tui_hides $S "draft $TOKEN" &&
    tui_hides $S "Your draft is back."; then
	tui_ok "draft: another row's composer starts empty (a draft belongs to its item)"
else
	tui_fail "draft: another row's composer starts empty (a draft belongs to its item)"
fi
tui_keys $S Escape
