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
