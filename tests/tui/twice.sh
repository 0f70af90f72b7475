#!/bin/sh
# tests/tui/twice.sh -- nothing is answered twice without the user being
# told: before the composer opens on an item whose reply is waiting in the
# outbox, being sent, being checked or was sent in the last hour, from
# this window or another heed on the same cache, heed says which and asks;
# the outbox screen says the same of each entry.
#
# Several heed windows (tmux sessions) share one real cache filled from
# the demo page. The "offline" windows cannot get their secret
# (credential_command = false), so what they queue stays queued until an
# "online" window sends it. Two entries are written into the cache as
# another heed process would leave them: one being checked (the answer to
# its try was lost) and one leased by a sender that is still at work.

. tests/tui/lib.sh

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "not ok twice: the sqlite3 command is installed (make deps)"
	exit 0
fi
mkdir -p "$TUI_DIR/config/heed" "$TUI_DIR/data/heed"
CACHE=$TUI_DIR/data/heed/cache.db
ON=$TUI_DIR/on.conf
OFF=$TUI_DIR/off.conf
cat >"$ON" <<'EOC'
[account page]
platform = demo-page
url = demo://page
credential_command = printf 'twice-token\n'

[replies]
thanks = "Thank you, that's lovely to hear!"
EOC
sed 's/^credential_command = .*/credential_command = false/' "$ON" >"$OFF"
chmod 600 "$ON" "$OFF"
if ! tui_heed --config "$ON" sync --quiet; then
	echo "not ok twice: heed sync fills a cache from the demo page"
	exit 0
fi
JSON=$TUI_DIR/inbox.json
# The queue's rows are conversations, each named by its first message.
tui_heed list --conversations --json >"$JSON"
WHO=$(tui_item "$JSON" 0 author)
HOST=$(hostname)

# Start heed with config $2 in session $1 and wait for its inbox.
start() {
	tui_start_cmd "$1" "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$2'"
	tui_until tui_shows_re "$1" "Inbox [1-9]"
}
# The screen of session $1 as one line, runs of spaces squeezed (a box's
# text wraps; its words do not change). Only the columns from $2 to $3
# (display columns, 0-based) when given: the inside of a box drawn over
# the rows of the queue.
flat() {
	tui_capture "$1"
	FLAT=$(printf '%s\n' "$SCREEN" | PYTHONUTF8=1 python3 -c '
import sys, unicodedata
a, b = int(sys.argv[1]), int(sys.argv[2])
def w(c):
    if unicodedata.category(c) in ("Mn", "Me", "Cf") or c == "\u200d":
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
for line in sys.stdin.read().split("\n"):
    x, out = 0, []
    for c in line:
        if a <= x < b:
            out.append(c)
        x += w(c)
    print("".join(out))' "${2:-0}" "${3:-100000}" | tr '\n' ' ' |
	    sed 's/  */ /g')
}
# Wait until session $1's screen, flattened, holds the text $2; a box's
# inside only with $3 = box.
flat_has() {
	if [ "$3" = box ]; then
		# The box is 66 columns wide, in the middle of 120.
		flat "$1" 27 93
	else
		flat "$1"
	fi
	case $FLAT in
	*"$2"*) return 0 ;;
	esac
	return 1
}
wait_flat() {
	tui_until flat_has "$@"
}
# Go to the done view, whose first row is the item done last.
done_view() {
	tui_keys "$1" :
	tui_type "$1" "view done"
	tui_keys "$1" Enter
	tui_wait_selected_line "$1" 1
}
# The state of the newest outbox entry.
last_state() {
	sqlite3 -readonly "$CACHE" "SELECT state FROM outbox ORDER BY id DESC LIMIT 1"
}
sent() {
	[ "$(last_state)" = 2 ]
}

# 1. A reply queued in an offline window, then r on the same item there.
if ! start c "$OFF"; then
	tui_fail "twice: heed starts on the shared cache"
	exit 0
fi
PIDC=$(t display -p -t c '#{pane_pid}')
tui_keys c r
tui_wait c "your reply"
tui_type c "First answer $$"
tui_keys c Enter
tui_wait c "Check before sending"
tui_keys c y
tui_wait c "queued"
done_view c
tui_keys c r
name="r on an item whose reply waits in the outbox: says so, from this window, and asks"
if wait_flat c "A reply to $WHO is waiting in the outbox (queued just now from this window)." box &&
    flat_has c "Reply anyway?" box && tui_hides c "your reply"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys c n
name="n to that question opens nothing and says so"
if tui_wait c "No second reply" && tui_hides c "your reply"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys c t
name="t (a saved reply) asks the same before its menu"
if wait_flat c "A reply to $WHO is waiting in the outbox" box &&
    tui_hides c "Saved replies"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys c y
name="y to the question before t opens the saved replies"
if tui_wait c "Saved replies" && tui_shows c "thanks: Thank you"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys c Escape
tui_wait_gone c "Saved replies"
tui_keys c t
tui_wait c "Answered already?"
tui_keys c Escape
tui_wait_gone c "Answered already?"

# 2. A second offline window on the same cache.
start d "$OFF"
done_view d
tui_keys d r
name="r in another window: says the reply waits in the outbox from another heed (its process)"
if wait_flat d "A reply to $WHO is waiting in the outbox (queued just now from another heed (process $PIDC))." box; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys d y
name="y to that question opens the composer"
if tui_wait d "your reply" && tui_wait d "Reply to $WHO"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys d Escape
tui_wait_gone d "your reply"

# 3. Entries as other heed processes leave them: one being checked, one
# being sent under a live lease (its process, a heed, runs: window c's
# stands for it), one whose sender was killed mid-send (its process is
# gone).
LIVE=$PIDC
sh -c 'exit 0' &
DEAD=$!
wait "$DEAD"
NOW=$(date +%s)
ACC=$(sqlite3 -readonly "$CACHE" "SELECT account_id FROM items LIMIT 1")
# The first three rows of the inbox as it is now (the first one answered
# has left it; what came in since has its place).
NOWJSON=$TUI_DIR/now.json
tui_heed --config "$OFF" list --conversations --json >"$NOWJSON"
ID1=$(tui_item "$NOWJSON" 0 id)
ID2=$(tui_item "$NOWJSON" 1 id)
ID3=$(tui_item "$NOWJSON" 2 id)
R1=$(sqlite3 -readonly "$CACHE" "SELECT remote_id FROM items WHERE id = $ID1")
R2=$(sqlite3 -readonly "$CACHE" "SELECT remote_id FROM items WHERE id = $ID2")
R3=$(sqlite3 -readonly "$CACHE" "SELECT remote_id FROM items WHERE id = $ID3")
WHO1=$(tui_item "$NOWJSON" 0 author)
WHO2=$(tui_item "$NOWJSON" 1 author)
WHO3=$(tui_item "$NOWJSON" 2 author)
sqlite3 "$CACHE" "INSERT INTO outbox (account_id, item_id, kind, state,
    target_remote_id, body, idem_key, attempts, created, next_attempt,
    updated, origin, lease_owner, lease_until, unknown_at, checks) VALUES
    ($ACC, $ID1, 0, 4, '$R1', 'Checked answer', 'twice-chk-$$', 1,
     $NOW - 300, $NOW + 630, $NOW - 60, '$HOST:4242:a1a1a1a1a1a1', NULL, 0,
     $NOW - 240, 2),
    ($ACC, $ID2, 0, 1, '$R2', 'Held answer', 'twice-held-$$', 1,
     $NOW - 120, $NOW, $NOW - 10, '$HOST:$LIVE:b2b2b2b2b2b2',
     '$HOST:$LIVE:b2b2b2b2b2b2', $NOW + 600, 0, 0),
    ($ACC, $ID3, 0, 1, '$R3', 'Orphan answer', 'twice-dead-$$', 1,
     $NOW - 180, $NOW, $NOW - 30, '$HOST:$DEAD:c3c3c3c3c3c3',
     '$HOST:$DEAD:c3c3c3c3c3c3', $NOW + 600, 0, 0);"
tui_keys d :
tui_type d "view inbox"
tui_keys d Enter
tui_wait_selected_line d 1
tui_keys d O
name="outbox: a reply waiting is listed as queued, with whom it is for and that it waits to be sent"
if wait_flat d "queued fb reply to $WHO, queued" && flat_has d "Waiting to be sent"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
name="outbox: an entry being checked says it is checking whether it went out, and when it looks next"
if flat_has d "checking fb reply to $WHO1" &&
    flat_has d "Checking whether the reply went out: the answer to the last try was lost" &&
    flat_has d "next look in 10m. Looked 2 times so far, not found yet."; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
name="outbox: an entry leased by another heed process says it is being sent by another heed"
if flat_has d "sending fb reply to $WHO2" &&
    flat_has d "Being sent by another heed (process $LIVE)"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
name="outbox: an entry whose sender was killed mid-send says it stopped, that whether it went out is not known, and that it is looked for first"
if flat_has d "stopped fb reply to $WHO3" &&
    flat_has d "Its sender (another heed (process $DEAD)) stopped in the middle of sending it: whether it went out is not known, so heed looks for it on the platform before anything is sent again."; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
# The entries are oldest first: the reply from c, the checked, the held.
tui_keys d j
tui_keys d R
name="outbox: R on an entry being checked refuses, and says a resend waits for the check"
if wait_flat d "heed is checking whether it already went out; it cannot be sent again until that is known"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys d j
tui_keys d x
name="outbox: x on an entry another heed is sending refuses, naming it"
if wait_flat d "It is being sent by another heed (process $LIVE) right now; it cannot be discarded."; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys d g
tui_keys d x
name="outbox: x on a queued reply asks first, and says its text goes too"
if wait_flat d "Discard the reply to $WHO?" box && flat_has d "its text is gone" box; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys d n
tui_wait d "Kept."
tui_wait_gone d "Discard the"
tui_keys d q
tui_wait_gone d "Outbox:"
tui_keys d g
tui_wait_selected_line d 1
tui_keys d r
name="r on an item whose reply is being checked: says it may have gone out and is being checked"
if wait_flat d "A reply to $WHO1 may have gone out already: the answer to its last try was lost, and heed is checking whether it is there (queued 5m ago from another heed (process 4242))." box; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys d Escape
tui_wait_gone d "Answered already?"
tui_keys d j
tui_wait_selected_line d 2
tui_keys d r
name="r on an item whose reply another heed is sending: says it is being sent right now"
if wait_flat d "A reply to $WHO2 is being sent right now (queued 2m ago from another heed (process $LIVE))." box; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys d Escape
tui_wait_gone d "Answered already?"
sqlite3 "$CACHE" "DELETE FROM outbox WHERE idem_key LIKE 'twice-%'"
t kill-session -t c
t kill-session -t d

# 4. An online window sends the reply that c queued; r there says it was
# sent from another heed, and after a second reply from this window.
start a "$ON"
if ! tui_until sent; then
	tui_fail "twice: the online window sends the queued reply" \
	    "outbox state: $(last_state)"
fi
done_view a
tui_keys a r
name="r on an item answered from another heed lately: says when it was sent, and from which heed"
if wait_flat a "A reply to $WHO was sent" box &&
    flat_has a "ago from another heed (process $PIDC)." box ||
    flat_has a "just now from another heed (process $PIDC)." box; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys a y
tui_wait a "your reply"
tui_type a "Second answer $$"
tui_keys a Enter
name="the check screen notes the reply that went already"
if wait_flat a "Note: A reply to $WHO was sent" && flat_has a "from another heed (process $PIDC)"; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys a y
tui_wait a "queued"
tui_until sent
done_view a
tui_keys a r
name="r after a reply sent from this window: says it was sent just now from this window"
if wait_flat a "A reply to $WHO was sent just now from this window." box; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
tui_keys a n
n=$(sqlite3 -readonly "$CACHE" "SELECT count(*) FROM outbox WHERE state = 2")
if [ "$n" = 2 ]; then
	tui_ok "twice: exactly the two replies the user confirmed were sent"
else
	tui_fail "twice: exactly the two replies the user confirmed were sent" "sent: $n"
fi
