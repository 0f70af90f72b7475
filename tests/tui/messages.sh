#!/bin/sh
# tests/tui/messages.sh -- what the bottom of the screen says is true and
# whole: the status bar says per account how its sync went (never
# "offline" for all when one account synced and another did not), and a
# message longer than the screen is wide wraps onto more lines, so that
# the fix at its end (the expired token of a credential_command account,
# from the fake Graph API of tests/fake/graph.py) is never cut.

. tests/tui/lib.sh

CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"
DEAD=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
no_proxy=127.0.0.1,localhost
NO_PROXY=$no_proxy
export no_proxy NO_PROXY

# 1. One account syncs, the other cannot reach its platform.
cat >"$CONF" <<EOC
[account page]
platform = demo-page
url = demo://page
credential_command = printf 'messages-token\\n'

[account dead]
platform = demo-social
url = http://127.0.0.1:$DEAD
credential_command = printf 'messages-token\\n'
EOC
chmod 600 "$CONF"
S=two
tui_start_cmd $S "exec env -u NO_COLOR $(tui_env) '$HEED'"
status_line() {
	tui_capture $S
	STATUS=$(printf '%s\n' "$SCREEN" | grep ' waiting, ' | tail -n 1)
}
both_known() {
	status_line
	case $STATUS in
	*"page synced"*"dead offline"*) return 0 ;;
	esac
	return 1
}
name="status bar: one account synced, one offline: each says so, and the bar does not call it all offline (or online)"
if tui_until both_known; then
	case $STATUS in
	*"| offline" | *"| offline "* | *"online"*)
		tui_fail "$name" "status bar: $STATUS" ;;
	*)	tui_ok "$name" ;;
	esac
else
	tui_fail "$name" "status bar: $STATUS"
fi
t kill-session -t $S

# 2. A Facebook account whose token, from a credential_command, expired.
TOKEN=EAAPAGE-acme-0001
mkfifo "$TUI_DIR/fake.in"
python3 tests/fake/graph.py <"$TUI_DIR/fake.in" >"$TUI_DIR/fake.out" \
    2>"$TUI_DIR/fake.err" &
FAKE_PID=$!
exec 8>"$TUI_DIR/fake.in"
msg_cleanup() {
	exec 8>&-
	kill "$FAKE_PID" 2>/dev/null
	wait "$FAKE_PID" 2>/dev/null
	tui_cleanup
}
trap msg_cleanup EXIT
fake_up() { grep -q '^http=' "$TUI_DIR/fake.out" 2>/dev/null; }
if ! TUI_WAIT=10 tui_until fake_up; then
	echo "not ok messages: the fake Graph API (tests/fake/graph.py) starts"
	sed 's/^/# /' "$TUI_DIR/fake.err"
	exit 0
fi
URL=http://127.0.0.1:$(sed -n 's/^http=\([0-9]*\) .*/\1/p' "$TUI_DIR/fake.out")
curl -sS --noproxy '*' -m 30 -H 'Content-Type: application/json' \
    -d '{"op":"expire","token":"all"}' "$URL/_control" >/dev/null
cat >"$CONF" <<EOC
[account shop]
platform = facebook
url = $URL
credential_command = printf '%s\\n' $TOKEN
EOC
chmod 600 "$CONF"
S=expired
tui_start_cmd $S "exec env -u NO_COLOR $(tui_env) '$HEED' --cache '$TUI_DIR/fb.db'"
# The message, from the line where it starts to the bottom, as one line.
message_text() {
	tui_capture $S
	MSG=$(printf '%s\n' "$SCREEN" | sed -n '/^shop: /,$p' | tr '\n' ' ' |
	    sed 's/  */ /g; s/ $//')
}
whole() {
	message_text
	case $MSG in
	*"credential_command of shop"*"run: heed login shop") return 0 ;;
	esac
	return 1
}
name="message: the expired token of a credential_command account is said whole, wrapped, down to the fix (run: heed login shop)"
if tui_until whole; then
	tui_ok "$name"
else
	tui_fail "$name" "message read: $MSG"
fi
name="message: the status bar stays on the screen above a message of several lines, and says LOGIN NEEDED"
if printf '%s\n' "$SCREEN" | grep -q "shop LOGIN NEEDED"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
# In a window of 60 columns the same message takes more lines, still whole.
t resize-window -t $S -x 60 -y 24 2>/dev/null || t resize-pane -t $S -x 60 -y 24
name="message: at 60 columns the same message wraps on more lines, still down to the fix"
narrow() {
	[ "$(t display -p -t $S '#{pane_width}')" = 60 ] && whole &&
	    [ "$(printf '%s\n' "$SCREEN" | sed -n '/^shop: /,$p' | wc -l)" -ge 3 ]
}
if tui_until narrow; then
	tui_ok "$name"
else
	tui_fail "$name" "message read: $MSG"
fi

# 3. A question in a window too small for all of it: its end, the keys
# that answer it, still shows, and the cut is marked.
S=small
tui_start $S
tui_ready $S
t resize-window -t $S -x 40 -y 12 2>/dev/null || t resize-pane -t $S -x 40 -y 12
small() { [ "$(t display -p -t $S '#{pane_width}x#{pane_height}')" = 40x12 ]; }
tui_until small
# h on a Facebook-like row (the demo's Bluesky-like platform hides none).
tui_capture $S
fb=$(printf '%s\n' "$SCREEN" | sed -n '2,9p' | grep -n '^ fb ' | head -n 1 |
    cut -d: -f1)
i=1
while [ "$i" -lt "${fb:-1}" ]; do
	tui_keys $S j
	i=$((i + 1))
done
tui_wait_selected_line $S "${fb:-1}"
tui_keys $S h
name="a question too long for a 40x12 window still shows the keys that answer it, after a marked cut"
keys_shown() {
	tui_capture $S
	_box=$(printf '%s\n' "$SCREEN" | tr '\n' ' ' | sed 's/  */ /g')
	case $_box in
	*"Hide the comment by"*"..."*"y: hide it n or Esc: keep it"*"visible"*) return 0 ;;
	esac
	return 1
}
if tui_until keys_shown; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys $S n
