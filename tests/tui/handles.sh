#!/bin/sh
# tests/tui/handles.sh -- the composer and the check screen name the
# author with their handle exactly as the platform's adapter stored it,
# ready to draw: "@name.bsky.social" from Bluesky (never "@@"), nothing at
# all from Facebook (never a lone "@"). The cache is filled from the demo
# page; two of its items are then given the handles those adapters store.

. tests/tui/lib.sh

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "not ok handles: the sqlite3 command is installed (make deps)"
	exit 0
fi
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"
CACHE=$TUI_DIR/data/heed/cache.db
cat >"$CONF" <<'EOC'
[account page]
platform = demo-page
url = demo://page
credential_command = false
EOC
chmod 600 "$CONF"
sed 's/= false/= printf "handles\\n"/' "$CONF" >"$TUI_DIR/on.conf"
chmod 600 "$TUI_DIR/on.conf"
if ! tui_heed --config "$TUI_DIR/on.conf" sync --quiet; then
	echo "not ok handles: heed sync fills a cache from the demo page"
	exit 0
fi
JSON=$TUI_DIR/inbox.json
tui_heed list --json >"$JSON"
ID0=$(tui_item "$JSON" 0 id)
ID1=$(tui_item "$JSON" 1 id)
WHO0=$(tui_item "$JSON" 0 author)
WHO1=$(tui_item "$JSON" 1 author)
sqlite3 "$CACHE" "UPDATE items SET author_handle = '@anna.bsky.social' WHERE id = $ID0;
    UPDATE items SET author_handle = '' WHERE id = $ID1"

S=h
tui_start_cmd $S "exec env -u NO_COLOR $(tui_env) '$HEED'"
tui_until tui_shows_re $S "Inbox [1-9]"
tui_keys $S r
tui_wait $S "your reply"
tui_type $S "Hello"
tui_keys $S Enter
name="a Bluesky handle (stored with its @) is shown once, as stored: Reply to and To: say $WHO0 (@anna.bsky.social)"
if tui_wait $S "  To:     $WHO0 (@anna.bsky.social), on " && tui_hides $S "@@"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys $S e
tui_wait_gone $S "Check before sending"
if tui_shows $S " Reply to $WHO0 (@anna.bsky.social)" && tui_hides $S "@@"; then
	tui_ok "the composer's Reply to line shows the Bluesky handle once"
else
	tui_fail "the composer's Reply to line shows the Bluesky handle once"
fi
tui_keys $S C-u
tui_wait $S "your reply -- 0/"
tui_keys $S Escape
tui_wait_gone $S "your reply"
tui_keys $S j
tui_wait_selected_line $S 2
tui_keys $S r
tui_wait $S "your reply"
tui_type $S "Hello"
tui_keys $S Enter
name="a Facebook author (no handle) is named alone: To: $WHO1, with no stray @"
if tui_wait $S "  To:     $WHO1, on " && tui_hides $S "$WHO1 @"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
