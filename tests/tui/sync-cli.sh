# tests/tui/sync-cli.sh -- heed sync for cron: fills the cache without a
# terminal, reports each account, and exits 0 (all synced), 1 (some) or 2
# (none, or a usage error).

. tests/tui/lib.sh

CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"
DEAD=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
cat >"$CONF" <<EOC
[account page]
platform = demo-page
url = demo://page
credential_command = printf 'sync-token\\n'

[account dead]
platform = demo-social
url = http://127.0.0.1:$DEAD
credential_command = printf 'sync-token\\n'
EOC
chmod 600 "$CONF"

# Run heed sync with the arguments given; OUT, ERR and RC hold the result.
run_sync() {
	OUT=$(tui_heed sync "$@" 2>"$TUI_DIR/err")
	RC=$?
	ERR=$(cat "$TUI_DIR/err")
}

run_sync --account page
n=$(tui_heed list --view all | wc -l)
if [ "$RC" = 0 ] && [ "$OUT" = "page: synced" ] && [ "$n" -gt 50 ]; then
	tui_ok "sync --account page: exit 0, \"page: synced\", the cache filled ($n items)"
else
	tui_fail "sync --account page: exit 0, \"page: synced\", the cache filled" \
	    "exit $RC, out: $OUT, err: $ERR, items: $n"
fi

run_sync
case $ERR in
*"heed sync: dead: "*"127.0.0.1"*)
	if [ "$RC" = 1 ] && [ "$OUT" = "page: synced" ]; then
		tui_ok "sync: one account unreachable: exit 1, its reason on stderr"
	else
		tui_fail "sync: one account unreachable: exit 1, its reason on stderr" \
		    "exit $RC, out: $OUT, err: $ERR"
	fi ;;
*)	tui_fail "sync: one account unreachable: exit 1, its reason on stderr" \
	    "exit $RC, out: $OUT, err: $ERR" ;;
esac

run_sync --account dead --quiet
if [ "$RC" = 2 ] && [ -z "$OUT" ] && [ -n "$ERR" ]; then
	tui_ok "sync --quiet on the unreachable account only: exit 2, nothing on stdout"
else
	tui_fail "sync --quiet on the unreachable account only: exit 2, nothing on stdout" \
	    "exit $RC, out: $OUT, err: $ERR"
fi

run_sync --account nobody
case $ERR in
*"no account named nobody"*)
	[ "$RC" = 2 ] && tui_ok "sync --account with an unknown name: exit 2 and says so" ||
	    tui_fail "sync --account with an unknown name: exit 2 and says so" "exit $RC" ;;
*)	tui_fail "sync --account with an unknown name: exit 2 and says so" "$ERR" ;;
esac

out=$(tui_heed outbox 2>&1)
if [ "$out" = "The outbox is empty: everything was sent." ]; then
	tui_ok "outbox: an empty outbox says so"
else
	tui_fail "outbox: an empty outbox says so" "$out"
fi

# The page account's platform goes away; a reply typed now stays queued,
# and heed outbox shows it with the reason (tried at once: no delay).
cat >"$CONF" <<EOC
send_delay = 0

[account page]
platform = demo-page
url = http://127.0.0.1:$DEAD
credential_command = printf 'sync-token\\n'
EOC
chmod 600 "$CONF"
# Return 0 once heed in session ui has exited.
ui_gone() {
	[ "$(t display -p -t ui '#{pane_dead}' 2>/dev/null)" = 1 ]
}
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
if tui_until tui_shows_re ui "Inbox [1-9]"; then
	tui_keys ui r
	tui_wait ui "your reply"
	tui_type ui "Queued while offline"
	tui_keys ui Enter
	tui_wait ui "Check before sending"
	tui_keys ui y
	tui_wait ui "could not connect"
	tui_keys ui q
	tui_until ui_gone
fi
t kill-session -t ui 2>/dev/null
out=$(tui_heed outbox 2>&1)
case $out in
"queued   reply  page"*"tries 1  Queued while offline"*"could not connect to 127.0.0.1:$DEAD"*)
	tui_ok "outbox: a reply that could not be sent is listed, queued, with the reason" ;;
*)	tui_fail "outbox: a reply that could not be sent is listed, queued, with the reason" \
	    "$out" ;;
esac
