#!/bin/sh
# tests/tui/diskfull.sh -- a full disk loses no draft and is never called
# fine: while the cache cannot be written, the composer says that the
# draft is not saved and stays open on Esc; once there is room again the
# draft is saved by itself; a send that fails says what became of the
# text; C-c asks before quitting with a draft that is not saved, and then
# prints it on the terminal.
#
# The full disk is real as far as SQLite can tell: build/tools/
# preload-enospc.so (tests/tools/preload-enospc.c), loaded with
# LD_PRELOAD, makes every write to the cache's files (the database, its
# WAL and journal) fail with ENOSPC while a flag file exists. A
# size-limited filesystem would need mount rights (or user namespaces,
# which containers and CI machines often refuse), and filling one to the
# exact point where SQLite's next write fails, and no other, is racy; the
# flag fills and frees the disk at once, between two keys.

. tests/tui/lib.sh

BUILD=${BUILD:-build}
PRELOAD=$(pwd)/$BUILD/tools/preload-enospc.so
[ -f "$PRELOAD" ] || PRELOAD=$(pwd)/build/tools/preload-enospc.so
if [ ! -f "$PRELOAD" ]; then
	echo "not ok diskfull: $BUILD/tools/preload-enospc.so is built (make test-bins)"
	exit 0
fi

CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed" "$TUI_DIR/data/heed"
CACHE=$(cd "$TUI_DIR/data/heed" && pwd -P)/cache.db
FULL=$TUI_DIR/disk-full
cat >"$CONF" <<'EOC'
sync_interval = 1d

[account page]
platform = demo-page
url = demo://page
credential_command = printf 'diskfull-token\n'
EOC
chmod 600 "$CONF"

disk_full() { : >"$FULL"; }
disk_free() { rm -f "$FULL"; }

# heed runs under a shell that says how it ended, and stays, so that what
# heed printed after it closed the screen can be read.
cat >"$TUI_DIR/wrap.sh" <<'EOF'
"$1"
echo "AFTER-HEED rc=$?"
exec sleep 120
EOF
S=full
tui_start_cmd $S "exec env -u NO_COLOR -u ESCDELAY $(tui_env) \
ASAN_OPTIONS='${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0' LD_PRELOAD='$PRELOAD' \
HEED_ENOSPC_PATH='$CACHE' HEED_ENOSPC_FLAG='$FULL' sh '$TUI_DIR/wrap.sh' '$HEED'"
if ! tui_until tui_shows_re $S "Inbox [1-9]" || ! tui_wait $S "page synced"; then
	tui_fail "diskfull: heed starts on a cache with the demo page"
	exit 0
fi

# The draft saved in the cache for the item answered, or "(none)".
draft_in_cache() {
	sqlite3 -readonly "$CACHE" "SELECT coalesce((SELECT text FROM drafts \
ORDER BY updated DESC LIMIT 1), '(none)')" 2>&1
}
draft_is() {
	[ "$(draft_in_cache)" = "$1" ]
}

# 0. Triage on a full disk: d says the item was not marked done, and
# once there is room u has nothing to undo (no undo of what never was).
tui_counts
inbox=$C_INBOX
disk_full
tui_keys $S d
name="disk full: d says the item was not marked done, and the inbox count stays"
if tui_wait $S "Not marked done" && tui_shows $S "disk full" &&
    tui_has_counts $S "$inbox" "" ""; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
disk_free
tui_keys $S u
name="disk freed: u after that failed d has nothing to undo"
if tui_wait $S "Nothing to undo." && tui_has_counts $S "$inbox" "" ""; then
	tui_ok "$name"
else
	tui_fail "$name"
fi

# 1. Typing on a full disk: the composer says the draft is not saved, and
# Esc neither closes it nor says "Draft kept".
tui_keys $S r
tui_wait $S "your reply"
disk_full
TEXT="Sorry for the wait"
tui_type $S "$TEXT"
name="disk full: the composer says the draft is not saved while the cache cannot be written"
if tui_wait $S "DRAFT NOT SAVED" && tui_shows $S "disk full"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys $S Escape
name="disk full: Esc keeps the composer open with the text, says why, and never says \"Draft kept\""
if tui_wait $S "so the composer stays" && tui_shows $S " $TEXT" &&
    tui_shows $S "your reply" && tui_hides $S "Draft kept"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi

# 2. Room again: the draft is saved without a key, and then Esc keeps it
# and r brings it back.
disk_free
name="disk freed: the draft is saved by itself, in the cache"
if tui_wait $S "The draft is saved now." && tui_hides $S "DRAFT NOT SAVED" &&
    tui_until draft_is "$TEXT"; then
	tui_ok "$name"
else
	tui_fail "$name" "draft in the cache: $(draft_in_cache)"
fi
tui_keys $S Escape
tui_wait $S "Draft kept; r on this item brings it back."
tui_keys $S r
name="disk freed: after Esc, r brings the draft back"
if tui_wait $S "Your draft is back." && tui_shows $S " $TEXT"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi

# 3. A send on a full disk: not queued, and the message says the draft
# could not be saved either, instead of "your draft is kept".
disk_full
tui_type $S ", we are on it"
tui_wait $S "DRAFT NOT SAVED"
tui_keys $S Enter
tui_wait $S "Check before sending"
tui_keys $S y
name="disk full: a send that fails says not sent and that the draft is not saved; the text stays in the composer"
if tui_wait $S "Not sent" && tui_shows $S "not saved either" &&
    tui_hides $S "draft is kept" && tui_shows $S " $TEXT, we are on it" &&
    tui_hides $S "Check before sending"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
n=$(sqlite3 -readonly "$CACHE" "SELECT count(*) FROM outbox" 2>&1)
if [ "$n" = 0 ]; then
	tui_ok "disk full: the failed send left nothing in the outbox"
else
	tui_fail "disk full: the failed send left nothing in the outbox" "outbox rows: $n"
fi

# 4. C-c with the draft not saved asks; n stays; y quits and prints it.
tui_keys $S C-c
name="disk full: C-c with a draft not saved asks before quitting"
if tui_wait $S "Quit without the draft?" && tui_hides $S "AFTER-HEED"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys $S n
name="disk full: n to that question stays in the composer with the text"
if tui_wait_gone $S "Quit without the draft?" &&
    tui_shows $S " $TEXT, we are on it" && tui_hides $S "AFTER-HEED"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
# A first SIGTERM is held back while the draft is not saved; a second one
# ends heed, which prints the draft and logs it.
HPID=$(pgrep -P "$(t display -p -t $S '#{pane_pid}')" -x heed)
kill -TERM "$HPID"
name="disk full: a first SIGTERM with a draft not saved is held back, and says so"
if tui_wait $S "asked to quit (signal 15)" && tui_hides $S "AFTER-HEED" &&
    tui_shows $S " $TEXT, we are on it"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
kill -TERM "$HPID"
name="disk full: a second SIGTERM ends heed, which prints the draft on the terminal and writes it in the log"
if tui_wait $S "AFTER-HEED rc=143" && tui_shows $S "was not saved" &&
    tui_shows $S "$TEXT, we are on it" &&
    grep -q "its text: $TEXT, we are on it" "$TUI_DIR/state/heed/log"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
t kill-session -t $S

# 5. Again, with C-c and y: heed quits and prints the draft.
disk_free
S=again
tui_start_cmd $S "exec env -u NO_COLOR -u ESCDELAY $(tui_env) \
ASAN_OPTIONS='${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0' LD_PRELOAD='$PRELOAD' \
HEED_ENOSPC_PATH='$CACHE' HEED_ENOSPC_FLAG='$FULL' sh '$TUI_DIR/wrap.sh' '$HEED'"
tui_until tui_shows_re $S "Inbox [1-9]"
tui_keys $S r
tui_wait $S "Your draft is back."
disk_full
tui_type $S " today"
tui_wait $S "DRAFT NOT SAVED"
tui_keys $S C-c
tui_wait $S "Quit without the draft?"
tui_keys $S y
name="disk full: y to the question quits, and the draft's text is printed on the terminal"
if tui_wait $S "AFTER-HEED rc=0" && tui_shows $S "was not saved" &&
    tui_shows $S "$TEXT today"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
disk_free
