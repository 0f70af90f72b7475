#!/bin/sh
# tests/tui/corrupt.sh -- a damaged cache is said to be damaged, never
# shown as an empty inbox or an empty outbox. The cache is a real one,
# filled by heed sync from the demo page; then the pages of one index or
# table are overwritten on disk, as a bad sector or a half-copied file
# would leave them, and heed is opened on it.

. tests/tui/lib.sh

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "not ok corrupt: the sqlite3 command is installed (make deps)"
	exit 0
fi
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed" "$TUI_DIR/data/heed"
CACHE=$TUI_DIR/data/heed/cache.db
cat >"$CONF" <<'EOC'
[account page]
platform = demo-page
url = demo://page
credential_command = printf 'corrupt-token\n'
EOC
chmod 600 "$CONF"
if ! tui_heed sync --quiet || [ "$(tui_heed list | wc -l)" -lt 10 ]; then
	echo "not ok corrupt: heed sync fills a cache from the demo page"
	exit 0
fi
sqlite3 "$CACHE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$CACHE" "$TUI_DIR/good.db"

# End session $1 and wait until its heed has exited: a heed closing the
# cache may still hold it locked, or write to it, while the next case
# damages a fresh copy.
stop() {
	_pid=$(t display-message -p -t "$1" '#{pane_pid}' 2>/dev/null)
	t kill-session -t "$1"
	[ -n "$_pid" ] && tui_until heed_gone "$_pid"
}
heed_gone() {
	! kill -0 "$1" 2>/dev/null
}

# Overwrite the root page of each b-tree named (for a small table or
# index that is all of it) with the same junk byte.
damage() {
	cp "$TUI_DIR/good.db" "$CACHE"
	rm -f "$CACHE-wal" "$CACHE-shm"
	_ps=$(sqlite3 -readonly "$CACHE" "PRAGMA page_size")
	for _name in "$@"; do
		_root=$(sqlite3 -readonly "$CACHE" \
		    "SELECT rootpage FROM sqlite_master WHERE name = '$_name'")
		python3 -c '
import sys
path, size, page = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "r+b") as f:
    f.seek((page - 1) * size)
    f.write(b"\xa5" * size)' "$CACHE" "$_ps" "$_root"
	done
}

# 1. The inbox's index is damaged; the counters that the title bar shows
# are not.
damage items_inbox
S=inbox
tui_start_cmd $S "exec env -u NO_COLOR $(tui_env) '$HEED'"
name="damaged cache: the queue says the inbox could not be read, names the damage and heed doctor, and never says Inbox zero"
failed_shown() {
	tui_capture $S
	_body=$(printf '%s\n' "$SCREEN" | sed -n '2,30p' | tr '\n' ' ' |
	    sed 's/  */ /g')
	case $_body in
	*"The inbox could not be read from the cache"*"damaged"*"This is not an empty inbox"*"heed doctor checks the cache"*)
		return 0 ;;
	esac
	return 1
}
if tui_until failed_shown && tui_hides $S "Inbox zero"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys $S j
name="damaged cache: after a key the screen still says so (not an empty inbox)"
if tui_until failed_shown && tui_hides $S "Inbox zero" &&
    tui_hides $S "nobody is waiting"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
stop $S

# 2. The outbox table and its index are damaged.
damage outbox outbox_state
S=outbox
tui_start_cmd $S "exec env -u NO_COLOR $(tui_env) '$HEED'"
tui_until tui_shows_re $S "Inbox [1-9]"
tui_keys $S O
name="damaged cache: the outbox screen says the outbox could not be read and names heed doctor, never that it is empty"
outbox_failed() {
	tui_capture $S
	_body=$(printf '%s\n' "$SCREEN" | sed -n '2,30p' | tr '\n' ' ' |
	    sed 's/  */ /g')
	case $_body in
	*"The outbox could not be read from the cache"*"heed doctor"*)
		return 0 ;;
	esac
	return 1
}
if tui_until outbox_failed && tui_hides $S "outbox is empty"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
stop $S

# 3. The counters that the title and status bars show are damaged: they
# show "?", never 0.
damage counters
S=counts
tui_start_cmd $S "exec env -u NO_COLOR $(tui_env) '$HEED'"
name="damaged counters: the title bar says Inbox ? and the status bar ? waiting, never 0"
unknown_counts() {
	tui_shows $S " Inbox ?  Flagged ?  Snoozed ?  Done ?  All ?" &&
	    tui_shows $S " ? waiting, ? over 4h"
}
if tui_until unknown_counts && tui_hides $S "Inbox 0"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
stop $S
