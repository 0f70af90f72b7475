#!/bin/sh
# tests/tui/twice-graph.sh -- the private reply (P, Facebook) asks before
# it opens, as r and t do, when the comment was answered in public a
# moment ago; against the fake Graph API of tests/fake/graph.py.

. tests/tui/lib.sh

TOKEN=EAAPAGE-acme-0001
no_proxy=127.0.0.1,localhost
NO_PROXY=$no_proxy
export no_proxy NO_PROXY
mkfifo "$TUI_DIR/fake.in"
python3 tests/fake/graph.py <"$TUI_DIR/fake.in" >"$TUI_DIR/fake.out" \
    2>"$TUI_DIR/fake.err" &
FAKE_PID=$!
exec 8>"$TUI_DIR/fake.in"
twice_cleanup() {
	exec 8>&-
	kill "$FAKE_PID" 2>/dev/null
	wait "$FAKE_PID" 2>/dev/null
	tui_cleanup
}
trap twice_cleanup EXIT
trap 'twice_cleanup; exit 1' INT TERM HUP
fake_up() { grep -q '^http=' "$TUI_DIR/fake.out" 2>/dev/null; }
if ! TUI_WAIT=10 tui_until fake_up; then
	echo "not ok twice-graph: the fake Graph API (tests/fake/graph.py) starts"
	sed 's/^/# /' "$TUI_DIR/fake.err"
	exit 0
fi
URL=http://127.0.0.1:$(sed -n 's/^http=\([0-9]*\) .*/\1/p' "$TUI_DIR/fake.out")
ctl() {
	curl -sS --noproxy '*' -m 30 -H 'Content-Type: application/json' \
	    -d "$1" "$URL/_control"
}
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"
cat >"$CONF" <<EOC
[account shop]
platform = facebook
url = $URL
credential_command = printf '%s\\n' $TOKEN
EOC
chmod 600 "$CONF"
WORD=twicefb$$
ctl '{"op":"add","platform":"facebook","text":"Can I still change my order? '$WORD'"}' >/dev/null
if ! tui_heed sync --quiet; then
	echo "not ok twice-graph: heed sync reads the fake Page"
	exit 0
fi

S=fb
tui_start_cmd $S "exec env -u NO_COLOR $(tui_env) '$HEED'"
tui_wait $S "synced"
tui_keys $S /
tui_type $S "$WORD"
tui_keys $S Enter
found() {
	tui_capture $S
	printf '%s\n' "$SCREEN" | sed -n 2p | grep -qF -- "$WORD"
}
if ! tui_until found; then
	tui_fail "twice-graph: the new comment is found by a search"
	exit 0
fi
tui_keys $S r
tui_wait $S "your reply"
tui_type $S "Yes, until it ships"
tui_keys $S Enter
tui_wait $S "Check before sending"
tui_keys $S y
tui_wait $S "queued"
sent() {
	[ "$(sqlite3 -readonly "$TUI_DIR/data/heed/cache.db" \
	    "SELECT state FROM outbox ORDER BY id DESC LIMIT 1")" = 2 ]
}
tui_until sent
tui_until found
tui_keys $S P
name="P on a comment answered in public just now: says so, from this window, and asks whether to send a private reply as well"
box() {
	tui_capture $S
	FLAT=$(printf '%s\n' "$SCREEN" | tr '\n' ' ' | sed 's/  */ /g')
	case $FLAT in
	*"was sent just now from this window."*"Send a private reply as well?"*) return 0 ;;
	esac
	return 1
}
if tui_until box && tui_hides $S "your private reply"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys $S y
name="y opens the composer for the private reply"
if tui_wait $S "your private reply"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
