# tests/tui/durability.sh -- nothing typed is lost: a draft survives
# kill -9 of heed, and a reply queued just before a kill -9 is sent, once,
# after the restart. Runs heed on a real cache (not --demo, whose cache is
# temporary) with a demo-page account whose secret comes from a command.

. tests/tui/lib.sh

CONF=$TUI_DIR/config/heed/config
CACHE=$TUI_DIR/data/heed/cache.db
mkdir -p "$TUI_DIR/config/heed"
cat >"$CONF" <<'EOC'
[account page]
platform = demo-page
handle = tulipandtea
url = demo://page
credential_command = printf 'durability-token\n'
EOC
chmod 600 "$CONF"

# Start heed on the real cache in session $1; heed is the pane's process.
start_heed() {
	tui_start_cmd "$1" "exec env -u NO_COLOR $(tui_env) '$HEED'"
	tui_until tui_shows "$1" "page synced" &&
	    tui_until tui_shows_re "$1" "Inbox [1-9]"
}

# Kill heed in session $1 with SIGKILL, as a crash or power cut would.
kill_heed() {
	_pid=$(t display -p -t "$1" '#{pane_pid}')
	[ -n "$_pid" ] && kill -9 "$_pid"
	tui_until sh -c "! kill -0 $_pid 2>/dev/null"
	t kill-session -t "$1"
}

DRAFT="Dank je, we kijken het meteen na"
if start_heed a; then
	tui_keys a Enter
	tui_wait a "POST by"
	tui_keys a r
	tui_wait a "your reply"
	tui_type a "$DRAFT"
	tui_wait a "$DRAFT"
	# The draft is saved a second after typing stops.
	sleep 2
	kill_heed a
	if start_heed b; then
		tui_keys b Enter
		tui_wait b "POST by"
		tui_keys b r
		if tui_wait b "Your draft is back." && tui_shows b "$DRAFT"; then
			tui_ok "kill -9: the draft typed before the kill is back after a restart"
		else
			tui_fail "kill -9: the draft typed before the kill is back after a restart"
		fi
		tui_keys b Escape
		kill_heed b
	else
		tui_fail "kill -9: the draft typed before the kill is back after a restart" \
		    "heed did not start again"
	fi
else
	tui_fail "kill -9: the draft typed before the kill is back after a restart" \
	    "heed did not start"
fi

# A reply queued, then heed killed before it could be sent: after the
# restart it is sent, and exactly once.
REPLY="Sent after a crash $$"
if start_heed c; then
	tui_keys c Enter
	tui_wait c "POST by"
	tui_keys c r
	tui_wait c "your reply"
	tui_type c "$REPLY"
	tui_keys c Enter
	tui_wait c "Check before sending"
	tui_keys c y
	# Killed at once: the reply is in the outbox, maybe not yet sent.
	kill_heed c
	if start_heed d; then
		# It still waits out its send delay (kept in the cache), then
		# leaves: once.
		sent_once() {
			n=$(tui_heed list --view all --json |
			    grep -c "Sent after a crash $$")
			[ "$n" = 1 ]
		}
		TUI_WAIT=40 tui_until sent_once
		sleep 1
		n=$(tui_heed list --view all --json | grep -c "Sent after a crash $$")
		if [ "$n" = 1 ]; then
			tui_ok "kill -9: a reply queued before the kill is sent once after the restart"
		else
			tui_fail "kill -9: a reply queued before the kill is sent once after the restart" \
			    "found $n copies"
		fi
		kill_heed d
	else
		tui_fail "kill -9: a reply queued before the kill is sent once after the restart" \
		    "heed did not start again"
	fi
else
	tui_fail "kill -9: a reply queued before the kill is sent once after the restart" \
	    "heed did not start"
fi
