#!/bin/sh
# tests/tui/command.sh -- the command line (:) of heed --demo: every
# action a key does, by its name, on every screen (:help, :redraw, the
# outbox's, the composer's and the check screen's), Tab completing the
# names, and a clear message for what is not a command there.
. tests/tui/lib.sh

S=cmd
tui_start $S
if ! tui_ready $S; then
	tui_fail "command: heed --demo starts and syncs both demo accounts"
	exit 0
fi

# Type a command line and Enter.
run() {
	tui_keys $S :
	tui_wait $S ":" || return 1
	tui_until bottom_is ":"
	tui_type $S "$1"
	tui_keys $S Enter
}
# Return 0 if the bottom line of the screen is $1 (trailing spaces cut);
# the command line is ":", a space, then what was typed.
bottom_is() {
	tui_capture $S
	[ "$(printf '%s\n' "$SCREEN" | tail -n 1 | sed 's/ *$//')" = "$1" ]
}

# :help shows the help of the queue, as ? does; any key closes it.
run help
if tui_wait $S "Keys of the queue screen"; then
	tui_ok "command: :help on the queue shows the keys of the queue screen"
else
	tui_fail "command: :help on the queue shows the keys of the queue screen"
fi
tui_keys $S x
tui_wait_gone $S "Keys of the queue screen"

# :redraw paints the whole screen again: text written behind heed's back
# onto its terminal goes (the cursor is put back where heed left it, so
# that only the text differs from what heed knows is there).
printf '\0337\033[10;20HGARBAGE-ON-THE-SCREEN\0338' \
    >"$(t display -p -t $S '#{pane_tty}')"
tui_wait $S "GARBAGE-ON-THE-SCREEN"
repainted() {
	tui_hides $S "GARBAGE-ON-THE-SCREEN" &&
	    [ "$(printf '%s\n' "$SCREEN" | tui_py agecol | grep -c .)" = 37 ] &&
	    bottom_is "? help  Enter open  r reply  d done  u undo  s snooze  / search  Tab view  q quit"
}
run redraw
if tui_until repainted; then
	tui_ok "command: :redraw paints the screen again (what was written behind heed's back goes)"
else
	tui_fail "command: :redraw paints the screen again (what was written behind heed's back goes)"
fi

# Tab completes a name; with several candidates it completes what they
# share and lists them; a view name after view completes too.
tui_keys $S :
tui_until bottom_is ":"
tui_type $S "he"
tui_keys $S Tab
if tui_until bottom_is ": help"; then
	tui_ok "command: Tab after :he completes :help"
else
	tui_fail "command: Tab after :he completes :help"
fi
tui_keys $S C-u
tui_type $S "s"
tui_keys $S Tab
listed() {
	tui_capture $S
	printf '%s\n' "$SCREEN" | tail -n 2 | head -n 1 |
	    grep -q "saved-reply.*search.*snooze.*sync"
}
if tui_until listed && bottom_is ": s"; then
	tui_ok "command: Tab after :s lists saved-reply, search, snooze and sync above the line"
else
	tui_fail "command: Tab after :s lists saved-reply, search, snooze and sync above the line"
fi
tui_type $S "ea"
tui_keys $S Tab
if tui_until bottom_is ": search"; then
	tui_ok "command: Tab after :sea completes :search"
else
	tui_fail "command: Tab after :sea completes :search"
fi
tui_keys $S C-u
tui_type $S "vi"
tui_keys $S Tab
tui_until bottom_is ": view"
tui_type $S "do"
tui_keys $S Tab
if tui_until bottom_is ": view done"; then
	tui_ok "command: Tab completes :vi to \":view \", and a view name after it (:view do to :view done)"
else
	tui_fail "command: Tab completes :vi to \":view \", and a view name after it (:view do to :view done)"
fi
tui_keys $S Enter
if tui_until tui_shows_re $S "Done [0-9]+ " && tui_capture_e $S &&
    printf '%s\n' "$ESCREEN" | head -n 1 | grep -q "Done"; then
	tui_ok "command: :view done shows the done view"
else
	tui_fail "command: :view done shows the done view"
fi
run "view inbox"

# What is not a command, and an action given what it does not take.
run "frobnicate"
if tui_wait $S "no command \"frobnicate\" on the queue screen"; then
	tui_ok "command: an unknown name says there is no such command on the queue screen"
else
	tui_fail "command: an unknown name says there is no such command on the queue screen"
fi
run "done now"
if tui_wait $S "done takes nothing after it"; then
	tui_ok "command: :done now says done takes nothing after it (and marks nothing)"
else
	tui_fail "command: :done now says done takes nothing after it (and marks nothing)"
fi

# The outbox has a command line too: :back goes back to the queue.
run outbox
tui_wait $S "The outbox is empty"
run back
if tui_wait_gone $S "The outbox is empty" && tui_shows $S "Enter open  r reply"; then
	tui_ok "command: the outbox's : line runs :back"
else
	tui_fail "command: the outbox's : line runs :back"
fi

# The thread: :help shows its keys.
tui_keys $S Enter
tui_wait $S "POST by"
run help
if tui_wait $S "Keys of the thread screen"; then
	tui_ok "command: :help in a thread shows the keys of the thread screen"
else
	tui_fail "command: :help in a thread shows the keys of the thread screen"
fi
tui_keys $S x
tui_wait_gone $S "Keys of the thread screen"

# The composer, where : is text: M-: opens the command line.
tui_keys $S r
tui_answer_again $S
tui_type $S "Hello :)"
tui_keys $S M-:
if tui_until bottom_is ":"; then
	tui_ok "command: M-: opens the command line in the composer (: is typed as text)"
else
	tui_fail "command: M-: opens the command line in the composer (: is typed as text)"
fi
tui_type $S "send"
tui_keys $S Enter
if tui_wait $S "Check before sending"; then
	tui_ok "command: :send in the composer opens the check screen"
else
	tui_fail "command: :send in the composer opens the check screen"
fi
run help
if tui_wait $S "Keys of the check screen" &&
    printf '%s\n' "$SCREEN" | grep -E -q "y, Enter +send " &&
    printf '%s\n' "$SCREEN" | grep -E -q "e, Esc +cancel "; then
	tui_ok "command: :help on the check screen lists its own keys: y, Enter send; e, Esc cancel"
else
	tui_fail "command: :help on the check screen lists its own keys: y, Enter send; e, Esc cancel"
fi
tui_keys $S x
tui_wait_gone $S "Keys of the check screen"
run cancel
if tui_wait_gone $S "Check before sending" && tui_shows $S "-- your reply --" &&
    tui_shows $S "Hello :)"; then
	tui_ok "command: :cancel on the check screen goes back to the composer with the text"
else
	tui_fail "command: :cancel on the check screen goes back to the composer with the text"
fi
