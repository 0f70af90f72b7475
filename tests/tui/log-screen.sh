# tests/tui/log-screen.sh -- the activity log screen (H): the rules' work
# and an action done in the queue, newest first, each with the local user
# who did it; Enter on a row opens its message's thread and q comes back
# to the log; :log opens it too.

. tests/tui/lib.sh

me=$(id -un 2>/dev/null || echo "$USER")
tui_start s
if ! tui_ready s; then
	tui_fail "log screen: heed --demo starts and syncs"
	exit 0
fi
# An action of our own: done on the first row.
tui_keys s d
tui_wait s "Done"
tui_keys s H
if tui_wait s "Activity log: every action, newest first"; then
	tui_ok "log screen: H opens it"
else
	tui_fail "log screen: H opens it"
fi
# The newest row is the done just made, by this user.
if tui_until tui_shows_re s "^ 20[0-9-]+ [0-9:]+ +$me +done +.+"; then
	row=$(printf '%s\n' "$SCREEN" | sed -n 4p)
	case $row in
	*" $me "*" done "*) tui_ok "log screen: the done just made is the newest row, with its user ($me)" ;;
	*) tui_fail "log screen: the done just made is the newest row, with its user ($me)" "row: $row" ;;
	esac
else
	tui_fail "log screen: the done just made is the newest row, with its user ($me)"
fi
if tui_shows_re s " $me +tagged +Sarah Mitchell: So are you open this Saturday.*\(hours, rule hours\)"; then
	tui_ok "log screen: the rules' tag is there with whose message and the detail"
else
	tui_fail "log screen: the rules' tag is there with whose message and the detail"
fi

# Enter on Sarah Mitchell's row opens her thread.
n=$(printf '%s\n' "$SCREEN" | grep -n "tagged *Sarah Mitchell" | head -1 | cut -d: -f1)
i=4
while [ "$i" -lt "$n" ]; do
	tui_keys s j
	i=$((i + 1))
done
tui_keys s Enter
if tui_wait_gone s "Activity log: every action" &&
    tui_wait s "So are you open this Saturday or not"; then
	tui_ok "log screen: Enter opens the thread of the row's message"
else
	tui_fail "log screen: Enter opens the thread of the row's message"
fi
tui_keys s q
if tui_wait s "Activity log: every action, newest first"; then
	tui_ok "log screen: q in the thread goes back to the log"
else
	tui_fail "log screen: q in the thread goes back to the log"
fi
tui_keys s q
tui_wait_gone s "Activity log: every action"
tui_keys s :
tui_type s "log"
tui_keys s Enter
if tui_wait s "Activity log: every action, newest first"; then
	tui_ok "log screen: :log opens it"
else
	tui_fail "log screen: :log opens it"
fi

# A reply queued is logged as such, and so is taking it back.
tui_keys s q
tui_keys s Enter
tui_wait s "POST by"
tui_keys s r
tui_answer_again s
tui_type s "Thank you, we will look into it"
tui_keys s Enter
tui_wait s "Check before sending"
tui_keys s y
tui_wait s "leaves in"
tui_keys s u
tui_wait s "-- your reply --"
tui_keys s Escape
tui_wait_gone s "-- your reply --"
tui_keys s q
tui_wait_gone s "POST by"
tui_keys s H
if tui_until tui_shows_re s "^ 20[0-9-]+ [0-9:]+ +$me +reply +.*taken back into the composer" &&
    tui_shows_re s "^ 20[0-9-]+ [0-9:]+ +$me +reply +.*queued"; then
	tui_ok "log screen: a reply queued and taken back are both logged"
else
	tui_fail "log screen: a reply queued and taken back are both logged"
fi
exit 0
