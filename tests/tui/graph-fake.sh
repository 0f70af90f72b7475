#!/bin/sh
# tests/tui/graph-fake.sh -- heed's Facebook and Instagram accounts against
# the fake Graph API of tests/fake/graph.py: the first and an incremental
# sync, hostile text, new comments, replies whose answers are lost (one
# reply each afterwards), hide and delete from the interface, an expired
# token, a missing permission, comments without ids, the usage headers,
# heed doctor, and heed login: with Facebook Login for Devices (approved,
# declined, the code expired, told to slow down) and with a pasted token.
#
# heed runs headless (heed sync, list, outbox) and in tmux (the helpers of
# lib.sh), with configs whose credential_command prints the Page token, so
# no keyring is needed; the heed login checks run in a throw-away keyring
# (tests/keyring-session). Each check prints "ok NAME" or "not ok NAME" with
# "# " lines saying why; the fake's state and request log (GET /_state)
# witness what heed did.

. tests/tui/lib.sh

TOKEN=EAAPAGE-acme-0001
W=$TUI_DIR/graph
mkdir -m 700 "$W"
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"
no_proxy=127.0.0.1,localhost
NO_PROXY=$no_proxy
export no_proxy NO_PROXY
FAKE_PID=

graph_cleanup() {
	exec 8>&- 2>/dev/null
	if [ -n "$FAKE_PID" ]; then
		kill "$FAKE_PID" 2>/dev/null
		wait "$FAKE_PID" 2>/dev/null
	fi
	tui_cleanup
}
trap graph_cleanup EXIT
trap 'graph_cleanup; exit 1' INT TERM HUP

mkfifo "$W/fake.in"
python3 tests/fake/graph.py <"$W/fake.in" >"$W/fake.out" 2>"$W/fake.err" &
FAKE_PID=$!
exec 8>"$W/fake.in"
_end=$(($(date +%s) + 10))
while ! grep -q '^http=' "$W/fake.out" 2>/dev/null; do
	if [ "$(date +%s)" -ge "$_end" ] || ! kill -0 "$FAKE_PID" 2>/dev/null
	then
		echo "not ok graph: the fake Graph API (tests/fake/graph.py) starts"
		sed 's/^/# /' "$W/fake.err"
		exit 0
	fi
	sleep 0.05
done
PORT=$(sed -n 's/^http=\([0-9]*\) .*/\1/p' "$W/fake.out")
URL=http://127.0.0.1:$PORT

ctl() {
	curl -sS --noproxy '*' -m 30 -H 'Content-Type: application/json' \
	    -d "$1" "$URL/_control"
}
state() {
	curl -sS --noproxy '*' -m 30 -o "$2" "$URL/_state?$1"
}

gq() {
	PYTHONUTF8=1 python3 tests/fake/graphq.py "$@"
}

write_conf() {
	(umask 077 && cat >"$1" <<EOC
# A lost reply is looked for at once, and two seconds later.
check_delays = 0s 2s

[account shop]
platform = facebook
url = $URL
credential_command = printf '%s\\n' $TOKEN

[account shop-insta]
platform = instagram
url = $URL
facebook_account = shop
EOC
)
}
write_conf "$CONF"
# An Instagram account alone, its command printing the Page token.
IGCONF=$W/ig.conf
(umask 077 && cat >"$IGCONF" <<EOC
check_delays = 0s 2s

[account insta]
platform = instagram
url = $URL
credential_command = printf '%s\\n' $TOKEN
EOC
)

hrun() {
	timeout -k 5 "${HRUN_TIMEOUT:-60}" env -u NO_COLOR \
	    HOME="$TUI_DIR/home" XDG_CONFIG_HOME="$TUI_DIR/config" \
	    XDG_DATA_HOME="$TUI_DIR/data" XDG_STATE_HOME="$TUI_DIR/state" \
	    XDG_CACHE_HOME="$TUI_DIR/cache" TMPDIR="$TUI_DIR/tmp" \
	    LANG="$TUI_LOCALE" LC_ALL="$TUI_LOCALE" "$HEED" "$@" </dev/null
}
run_sync() {
	OUT=$(hrun sync "$@" 2>"$W/err")
	RC=$?
	ERR=$(cat "$W/err")
}
list_all() {
	HRUN_TIMEOUT=20 hrun "$@" list --view all --json >"$W/list.json" \
	    2>"$W/list.err"
	N=$(gq 'len(items)' "$W/list.json")
}
log_mark() {
	state "log=0" "$W/mark.json"
	LOG0=$(gq 'st["log_next"]' "$W/mark.json")
}
log_since() {
	state "log_from=$LOG0" "$W/st.json"
}
show_log() {
	state "log_from=${LOG0:-0}" "$W/diag.json"
	gq '"\n".join("%d %s %s %s %s" % (r["n"], r["method"], r["path"], r["status"], r["fault"] or "-") for r in log[-int(a[0]):])' \
	    "$W/diag.json" "${1:-12}" | sed 's/^/# log: /'
}
sync_diag() {
	printf 'exit %s\nstdout: %s\nstderr: %s\nitems: %s' "$RC" "$OUT" \
	    "$ERR" "${N:-?}"
}

seeded=$(ctl '{"op":"seed","posts":3,"comments":30,"replies":0.3,"visitor_posts":1,"media":3,"ig_comments":20,"ig_replies":0.3,"tags":1,"hostile":true,"seed":7}')
case $seeded in
*'"ok": true'* | *'"ok":true'*) ;;
*) echo "not ok graph: seeding the fake: $seeded"; exit 0 ;;
esac

# --- 1. the first sync --------------------------------------------------

log_mark
run_sync
list_all
state "log_from=$LOG0" "$W/st.json"
want=$(gq 'len(comments) + sum(1 for p in posts if p["visitor"]) + len(igc) + len(tags)' "$W/st.json")
name="first sync of a Page and its Instagram account: exit 0, every comment, reply, visitor post, Instagram comment and tag in heed list"
if [ "$RC" = 0 ] && [ "$N" = "$want" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); the fake holds $want"
	show_log
fi
name="hostile text from the Graph API arrives without control or bidi characters"
bad=$(gq 'sum(len(bad_chars((i["text"] or "") + (i["author"] or ""))) for i in items)' "$W/list.json")
hostile=$(gq 'sum(1 for c in comments if "\x1b" in c["message"] or "\u202e" in c["message"])' "$W/st.json")
if [ "$bad" = 0 ] && [ "$hostile" -gt 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "bad characters in heed list: $bad; hostile comments at the fake: $hostile"
fi
name="the access token goes in the Authorization header, never in a URL"
leaks=$(gq 'sum(1 for r in log if "access_token" in json.dumps(r["query"]))' "$W/st.json")
if [ "$leaks" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$leaks requests carried access_token in the query"
fi

# --- 2. an incremental sync --------------------------------------------

log_mark
run_sync
log_since
name="a second sync with nothing new reads the feed and media again but no Instagram comments"
igreads=$(gq 'len(reqs("GET", "/comments")) - sum(1 for r in reqs("GET", "/comments") if r["path"].count("_"))' "$W/st.json")
if [ "$RC" = 0 ] && [ "$igreads" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); Instagram comment reads: $igreads"
	show_log 20
fi

ADD1=newfb$$
ADD2=newig$$
ctl '{"op":"add","platform":"facebook","text":"Is the shop open on Sunday? '$ADD1'"}' >/dev/null
ctl '{"op":"add","platform":"instagram","text":"Love this colour '$ADD2'"}' >/dev/null
run_sync
list_all
name="a new Facebook comment and a new Instagram comment arrive with the next sync"
c1=$(gq 'sum(1 for i in items if a[0] in (i["text"] or ""))' "$W/list.json" "$ADD1")
c2=$(gq 'sum(1 for i in items if a[0] in (i["text"] or ""))' "$W/list.json" "$ADD2")
if [ "$RC" = 0 ] && [ "$c1" = 1 ] && [ "$c2" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); copies: $c1 and $c2"
fi

# --- 3. replies whose answers are lost ----------------------------------

ui_gone() {
	[ "$(t display -p -t ui '#{pane_dead}' 2>/dev/null)" = 1 ]
}
# The search for $1 has its result first in the queue, selected (the
# message that says so may be gone already, replaced by sync's).
search_shown() {
	tui_capture ui
	printf '%s\n' "$SCREEN" | sed -n 2p | grep -qF -- "$1"
}
# The thread is open: the header of an item in it ("name @handle · 4m
# ago · Sat 05 Dec 16:29"), which the queue's rows do not have.
thread_shown() {
	tui_shows_re ui ' · (now|[0-9]+[a-z]+ ago) · '
}
# Start heed (config $2, cache $3), find text $4 with /, reply $1.
tui_reply() {
	STEP="start"
	tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$2' --cache '$3'"
	tui_wait ui "synced" || return 1
	STEP="search"
	tui_keys ui /
	tui_type ui "$4"
	tui_keys ui Enter
	tui_until search_shown "$4" || return 1
	STEP="open the thread"
	tui_keys ui Enter
	tui_until thread_shown || return 1
	STEP="r"
	tui_keys ui r
	tui_answer_again ui || return 1
	STEP="type"
	tui_type ui "$1"
	tui_wait ui "$1" || return 1
	STEP="check"
	tui_keys ui Enter
	tui_wait ui "Check before sending" || return 1
	STEP="send"
	tui_keys ui y
}
outbox_empty() {
	OUTBOX=$(HRUN_TIMEOUT=10 hrun --config "$1" --cache "$2" outbox 2>&1)
	[ "$OUTBOX" = "The outbox is empty: everything was sent." ]
}
fb_outbox_empty() {
	outbox_empty "$CONF" "$TUI_DIR/cache/heed/cache.db"
}
ig_outbox_empty() {
	outbox_empty "$IGCONF" "$W/ig.db"
}
# Reply TEXT from the TUI of fb or ig ($1) to the item found by $3, with
# the answer to POSTs on path $4 dropped; then quit, read the outbox into
# $OUTBOX and the requests since into $W/st.json.
reply_dropped() {
	case $1 in
	fb) rconf=$CONF rdb=$TUI_DIR/cache/heed/cache.db ;;
	*) rconf=$IGCONF rdb=$W/ig.db ;;
	esac
	ctl '{"op":"fault","path":"'"$4"'","method":"POST","kind":"drop"}' >/dev/null
	log_mark
	if tui_reply "$2" "$rconf" "$rdb" "$3"; then
		tui_until "$1"_outbox_empty
		tui_keys ui q
		tui_until ui_gone
	fi
	t kill-session -t ui 2>/dev/null
	"$1"_outbox_empty
	log_since
}

REPLY1=fbdrop$$
reply_dropped fb "Yes, from 10 to 4 $REPLY1" "$ADD1" '/comments$'
n1=$(gq 'len(by_page(a[0]))' "$W/st.json" "$REPLY1")
checked=$(gq 'any(r["method"] == "GET" and r["path"].endswith("/comments") for r in log if r["n"] > min((x["n"] for x in log if x["fault"] == "drop"), default=10**9))' "$W/st.json")
name="Facebook reply sent from the TUI, stored by the fake but its answer dropped: heed reads the replies before sending again, exactly one reply, the outbox empty"
if [ "$n1" = 1 ] && [ "$checked" = 1 ] &&
    [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
	tui_ok "$name"
else
	tui_fail "$name" "replies with the token: $n1; read back before resending: $checked; outbox: $OUTBOX"
	show_log 15
fi

REPLY2=igdrop$$
reply_dropped ig "Thank you $REPLY2" "$ADD2" '/replies$'
n2=$(gq 'len(by_ig(a[0]))' "$W/st.json" "$REPLY2")
name="Instagram reply sent from the TUI, its answer dropped: exactly one reply at the fake, the outbox empty"
if [ "$n2" = 1 ] && [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
	tui_ok "$name"
else
	tui_fail "$name" "replies with the token: $n2; outbox: $OUTBOX"
	show_log 15
fi

# A comment with 120 replies already: the read-back runs to a second page
# (the replies come oldest first, 100 to a page) before heed believes
# its reply is not there.
MANY=many$$
now=$(date +%s)
# On the oldest media, apart from the threads the other checks open.
state "log=0" "$W/m.json"
OLDMEDIA=$(gq 'sorted(st["media"], key=lambda m: m["timestamp"])[0]["id"]' "$W/m.json")
IGMANY=$(ctl '{"op":"add","platform":"instagram","on":"'$OLDMEDIA'","text":"Which size should I take? '$MANY'","created":'$((now - 400))'}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
i=0
while [ $i -lt 120 ]; do
	ctl '{"op":"add","platform":"instagram","on":"'$IGMANY'","author":"fan'$i'","text":"Same question, size '$i'","created":'$((now - 300 + i))'}' >/dev/null
	i=$((i + 1))
done
HRUN_TIMEOUT=60 hrun --config "$IGCONF" --cache "$W/ig.db" sync >/dev/null 2>&1
REPLY4=igmany$$
reply_dropped ig "Size M fits most $REPLY4" "$MANY" '/replies$'
n4=$(gq 'len(by_ig(a[0]))' "$W/st.json" "$REPLY4")
pages=$(gq 'len([r for r in reqs("GET", "/replies") if r["n"] > min((x["n"] for x in log if x["fault"] == "drop"), default=10**9)])' "$W/st.json")
name="Instagram reply under a comment with 120 replies, its answer dropped: heed reads the replies page after page, finds its own on the second, exactly one reply"
if [ "$n4" = 1 ] && [ "$pages" -ge 2 ] &&
    [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
	tui_ok "$name"
else
	tui_fail "$name" "last step: $STEP; replies with the token: $n4; pages of replies read after the drop: $pages; outbox: $OUTBOX"
	show_log 15
fi
ctl '{"op":"clear_faults"}' >/dev/null

# The answer is dropped and the first read-back fails: heed must wait and
# read again, never post blind.
REPLY3=dup$$
ctl '{"op":"fault","path":"/comments$","method":"GET","kind":"graph_error","code":1,"message":"An unknown error occurred","status":500,"count":1}' >/dev/null
reply_dropped fb "See you Sunday $REPLY3" "$ADD1" '/comments$'
n3=$(gq 'len(by_page(a[0]))' "$W/st.json" "$REPLY3")
name="reply dropped, then the read-back fails once: heed waits and reads again rather than posting blind; exactly one reply"
if [ "$n3" = 1 ] && [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
	tui_ok "$name"
else
	tui_fail "$name" "replies with the token: $n3; outbox: $OUTBOX"
	show_log 15
fi
ctl '{"op":"clear_faults"}' >/dev/null

# --- 4. hide and delete from the interface ------------------------------

HIDE=hideme$$
DEL=delme$$
ctl '{"op":"add","platform":"facebook","text":"spam spam '$HIDE'"}' >/dev/null
ctl '{"op":"add","platform":"instagram","text":"this is a scam, terrible service '$DEL'"}' >/dev/null
run_sync
# Open the item with text $1 (config $2, cache $3) and press $4.
tui_act() {
	STEP="start"
	tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$2' --cache '$3'"
	tui_wait ui "synced" || return 1
	STEP="search"
	tui_keys ui /
	tui_type ui "$1"
	tui_keys ui Enter
	tui_until search_shown "$1" || return 1
	STEP="open the thread"
	tui_keys ui Enter
	tui_until thread_shown || return 1
	STEP="$4"
	tui_keys ui "$4"
}
hidden_at_fake() {
	state "log=0" "$W/h.json"
	[ "$(gq 'any(c["is_hidden"] for c in comments if a[0] in c["message"])' "$W/h.json" "$HIDE")" = 1 ]
}
ok=
if tui_act "$HIDE" "$CONF" "$TUI_DIR/cache/heed/cache.db" h &&
    tui_wait ui "Hide the comment" && tui_keys ui y &&
    tui_until hidden_at_fake; then
	ok=1
fi
tui_keys ui q
tui_until ui_gone
t kill-session -t ui 2>/dev/null
name="h on a Facebook comment asks, then hides it at the fake"
if [ -n "$ok" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "not hidden; last step: $STEP; screen: $(tui_capture ui 2>/dev/null | head -5)"
	show_log 8
fi

# The same comment shown again (h asks "Unhide"), then liked (l).
shown_at_fake() {
	state "log=0" "$W/h.json"
	[ "$(gq 'any(not c["is_hidden"] for c in comments if a[0] in c["message"])' "$W/h.json" "$HIDE")" = 1 ]
}
liked_at_fake() {
	state "log=0" "$W/h.json"
	[ "$(gq 'any(c["liked_by_page"] for c in comments if a[0] in c["message"])' "$W/h.json" "$HIDE")" = 1 ]
}
ok=
if tui_act "$HIDE" "$CONF" "$TUI_DIR/cache/heed/cache.db" h &&
    tui_wait ui "Unhide the comment" && tui_keys ui y &&
    tui_until shown_at_fake && tui_keys ui l && tui_until liked_at_fake
then
	ok=1
fi
tui_keys ui q
tui_until ui_gone
t kill-session -t ui 2>/dev/null
name="h on a hidden Facebook comment asks to unhide it, then shows it again at the fake; l likes it there"
if [ -n "$ok" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "screen: $(tui_capture ui 2>/dev/null | head -5)"
	show_log 8
fi

gone_at_fake() {
	state "log=0" "$W/d.json"
	[ "$(gq 'sum(1 for c in igc if a[0] in c["text"])' "$W/d.json" "$DEL")" = 0 ]
}
ok=
warned=
if tui_act "$DEL" "$IGCONF" "$W/ig.db" D && tui_wait ui "Delete the comment"; then
	tui_shows ui "looks like a complaint" && warned=1
	tui_keys ui y
	if tui_wait ui "Delete for good" && tui_keys ui D &&
	    tui_until gone_at_fake; then
		ok=1
	fi
fi
tui_keys ui q
tui_until ui_gone
t kill-session -t ui 2>/dev/null
name="D on an Instagram complaint warns, asks twice, then deletes it at the fake"
if [ -n "$ok" ] && [ -n "$warned" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "deleted: ${ok:-no}; warned: ${warned:-no}"
	show_log 8
fi

# A private reply, its answer dropped: sent once, checked, not repeated.
PRIV=priv$$
private_at_fake() {
	state "log=0" "$W/p.json"
	[ "$(gq 'sum(1 for c in comments for t in c["private_replies"] if a[0] in t)' "$W/p.json" "$PRIV")" -ge 1 ]
}
ctl '{"op":"fault","path":"/messages$","method":"POST","kind":"drop"}' >/dev/null
ok=
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$CONF' --cache '$TUI_DIR/cache/heed/cache.db'"
if tui_wait ui "synced" && tui_keys ui / && tui_type ui "$ADD1" &&
    tui_keys ui Enter && tui_until search_shown "$ADD1" && tui_keys ui P &&
    tui_answer_again ui && tui_wait ui "your private reply" && tui_type ui "Your order number is $PRIV" &&
    tui_keys ui Enter && tui_wait ui "in private" && tui_keys ui y &&
    tui_until private_at_fake && tui_until fb_outbox_empty; then
	ok=1
fi
tui_keys ui q
tui_until ui_gone
t kill-session -t ui 2>/dev/null
state "log=0" "$W/p.json"
np=$(gq 'sum(1 for c in comments for t in c["private_replies"] if a[0] in t)' "$W/p.json" "$PRIV")
name="P on a Facebook comment sends one private reply, even when its answer is lost"
if [ -n "$ok" ] && [ "$np" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "private replies: $np; outbox: ${OUTBOX:-?}; screen: $SCREEN"
	show_log 8
fi
ctl '{"op":"clear_faults"}' >/dev/null

# --- 4b. edits and deletions on the platform ---------------------------

# Customers' comments without replies: two on Facebook, two on Instagram.
state "log=0" "$W/e.json"
pick() {
	gq 'json.dumps([c["id"] for c in (comments if a[0] == "fb" else igc) if c["parent"] is None and not (c["is_hidden"] if a[0] == "fb" else c["hidden"]) and c["from"].get("id") != st["page"]["id"] and c["from"].get("username") != st["ig"]["username"] and not any(r["parent"] == c["id"] for r in (comments if a[0] == "fb" else igc))][int(a[1])])' "$W/e.json" "$1" "$2" | tr -d '"'
}
FBDEL=$(pick fb 0)
FBEDIT=$(pick fb 1)
IGDEL=$(pick ig 0)
IGHIDE=$(pick ig 1)
EDITED=edited$$
ctl '{"op":"remove","id":"'$FBDEL'"}' >/dev/null
ctl '{"op":"remove","id":"'$IGDEL'"}' >/dev/null
ctl '{"op":"edit","id":"'$FBEDIT'","text":"I changed my mind '$EDITED'"}' >/dev/null
ctl '{"op":"edit","id":"'$IGHIDE'","hidden":true}' >/dev/null
# item FIELD ID: a field of heed list's item with that remote id.
item() {
	gq 'next((i[a[0]] for i in items if i["remote_id"] == a[1]), "absent")' "$W/list.json" "$1" "$2"
}
run_sync
list_all
name="an Instagram comment deleted there is gone from the inbox after the next sync (its media's count moved); a Facebook one waits for the hourly full read"
if [ "$RC" = 0 ] && [ "$(item deleted "$IGDEL")" = 1 ] &&
    [ "$(item status "$IGDEL")" = done ] &&
    [ "$(item deleted "$FBDEL")" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); IG $IGDEL deleted: $(item deleted "$IGDEL") status $(item status "$IGDEL"); FB $FBDEL deleted: $(item deleted "$FBDEL")"
fi
# The same cache with recheck_interval = 0: every sync reads everything.
RECONF=$W/recheck.conf
sed 's/^\[account \(.*\)\]$/[account \1]\nrecheck_interval = 0/' "$CONF" >"$RECONF"
chmod 600 "$RECONF"
log_mark
OUT=$(hrun --config "$RECONF" sync 2>"$W/err")
RC=$?
ERR=$(cat "$W/err")
list_all
log_since
swept=$(gq 'len([r for r in reqs("GET", "/comments") if "_" in r["path"] and "since" not in r["query"]])' "$W/st.json")
name="recheck_interval = 0: a full read finds the Facebook comment deleted (gone from the inbox), the one edited (new text) and the Instagram comment hidden by someone else"
if [ "$RC" = 0 ] && [ "$swept" -gt 0 ] &&
    [ "$(item deleted "$FBDEL")" = 1 ] &&
    [ "$(item status "$FBDEL")" = done ] &&
    item text "$FBEDIT" | grep -q "$EDITED" &&
    [ "$(item hidden "$IGHIDE")" = 1 ] &&
    [ "$(item deleted "$IGHIDE")" = 0 ] &&
    [ "$(item deleted "$FBEDIT")" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); full reads of Facebook comments: $swept; FB $FBDEL deleted: $(item deleted "$FBDEL"); edited text: $(item text "$FBEDIT"); IG $IGHIDE hidden: $(item hidden "$IGHIDE")"
	show_log 10
fi
# Nothing else went: every live comment at the fake is still there.
state "log=0" "$W/e.json"
lost=$(PYTHONUTF8=1 python3 -c '
import json, sys
st = json.load(open(sys.argv[1], encoding="utf-8", errors="surrogateescape"))
items = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8", errors="surrogateescape") if l.strip()]
live = {i["remote_id"] for i in items if not i["deleted"]}
print(len([c["id"] for c in st["comments"] + st["ig_comments"] if c["id"] not in live]))' "$W/e.json" "$W/list.json")
name="a full read marks nothing deleted that is still on the platform"
if [ "$lost" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$lost live comments shown as deleted or missing"
fi

# --- 5. limits, permissions, moderation ---------------------------------

ctl '{"op":"fault","path":"/feed$","method":"GET","kind":"usage","call_count":85,"count":1}' >/dev/null
log_mark
run_sync --account shop
log_since
gap=$(gq 'round([r for r in log if r["path"].endswith("/comments") or r["path"].endswith("/feed")][1]["t"] - [r for r in log if r["path"].endswith("/feed")][0]["t_end"], 1) if len(log) > 2 else -1' "$W/st.json")
name="X-Business-Use-Case-Usage at 85%: heed waits before its next request, then completes"
if [ "$RC" = 0 ] && gq 'float(a[0]) >= 9' - "$gap" | grep -q 1; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); pause after the feed: $gap s"
	show_log 6
fi

# Facebook names a wait far longer than a run of heed sync should last:
# the run stops at once and says when to come back.
ctl '{"op":"fault","path":"/feed$","method":"GET","kind":"usage","call_count":100,"estimated_time_to_regain_access":30,"count":1}' >/dev/null
t0=$(date +%s)
run_sync --account shop
took=$(($(date +%s) - t0))
name="usage at 100% with 30 minutes to regain access: heed sync stops at once, says to come back in about 30 minutes, exit 2"
if [ "$RC" = 2 ] && [ "$took" -lt 60 ] &&
    printf '%s' "$ERR" | grep -q "heed sync: shop: Facebook asks heed to wait about 30 minutes before its next request (its request limit); nothing is lost: run heed sync again then"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); took $took s"
fi

ctl '{"op":"revoke","scope":"instagram_basic"}' >/dev/null
run_sync
name="without instagram_basic: the Instagram streams are skipped with the permission named, Facebook still syncs, exit 1"
if [ "$RC" = 1 ] && printf "%s" "$ERR" | grep -q "shop-insta: synced, but: the account's posts and their comments not read: .*instagram_basic" &&
    printf '%s' "$OUT" | grep -q "shop: synced"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag)"
fi
ctl '{"op":"grant","scope":"instagram_basic"}' >/dev/null

ctl '{"op":"moderate","value":false}' >/dev/null
ctl '{"op":"add","platform":"facebook","text":"no id for me"}' >/dev/null
run_sync --account shop
name="comments without ids (no Moderate task) are reported with the fix, not silently dropped"
if [ "$RC" = 1 ] && printf '%s' "$ERR" | grep -q "Moderate task"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag)"
fi
ctl '{"op":"moderate","value":true}' >/dev/null

# --- heed doctor asks debug_token ---------------------------------------

ctl '{"op":"revoke","scope":"pages_messaging"}' >/dev/null
DOC=$(HRUN_TIMEOUT=30 hrun doctor 2>&1)
ctl '{"op":"grant","scope":"pages_messaging"}' >/dev/null
name="heed doctor checks each Graph account's token: valid, expiry, and a missing permission named with what it is for"
if printf '%s\n' "$DOC" | grep -q "account shop (facebook): PAGE token valid, expires never" &&
    printf '%s\n' "$DOC" | grep -q "account shop-insta (instagram): PAGE token valid" &&
    printf '%s\n' "$DOC" | grep -q "lacks pages_messaging, needed for private replies (optional)"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(printf '%s\n' "$DOC" | head -20)"
fi

# Offline, heed doctor names the host it could not reach, never the URL
# (which carries the token being checked).
DEADCONF=$W/dead.conf
DEADPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(umask 077 && cat >"$DEADCONF" <<EOC
[account shop]
platform = facebook
url = http://127.0.0.1:$DEADPORT
credential_command = printf '%s\\n' $TOKEN
EOC
)
DOC=$(HRUN_TIMEOUT=30 hrun --config "$DEADCONF" doctor 2>&1)
name="heed doctor with Facebook out of reach says which host it could not reach, and never prints the token"
if printf '%s\n' "$DOC" | grep -q "could not reach http://127.0.0.1:$DEADPORT:" &&
    ! printf '%s\n' "$DOC" | grep -q "$TOKEN\|access_token\|input_token"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(printf '%s\n' "$DOC" | head -20)"
fi

# --- 6. heed login with Facebook Login for Devices ----------------------

LOGINCONF=$W/login.conf
(umask 077 && cat >"$LOGINCONF" <<EOC
[account shop]
platform = facebook
url = $URL
app_id = 1234567890
client_token = ct0123456789abcdef

[account shop-insta]
platform = instagram
url = $URL
facebook_account = shop
EOC
)
ctl '{"op":"config","device_interval":1}' >/dev/null
log_mark
# The login, then a sync with the token it kept, in a keyring of their
# own; the Page is chosen by number from the two the person manages.
(printf '1\n' | sh tests/keyring-session sh -c '
	'"$HEED"' --config "$1" login shop >"$2/login.out" 2>&1
	echo "login rc=$?" >>"$2/login.out"
	'"$HEED"' --config "$1" --cache "$2/login.db" sync \
	    >>"$2/login.out" 2>&1
	echo "sync rc=$?" >>"$2/login.out"' sh "$LOGINCONF" "$W") \
    </dev/null >/dev/null 2>&1 &
LOGIN_PID=$!
pending() {
	state "log=0" "$W/dev.json"
	[ "$(gq 'sum(1 for d in st["devices"] if d["state"] == "pending")' "$W/dev.json")" -ge 1 ]
}
login_done() {
	grep -q '^sync rc=' "$W/login.out" 2>/dev/null
}
if tui_until pending; then
	user_code=$(grep -o 'enter the code:  *[A-Z0-9-]*' "$W/login.out" 2>/dev/null)
	ctl '{"op":"device","action":"approve"}' >/dev/null
fi
TUI_TIMEOUT=40 tui_until login_done
kill "$LOGIN_PID" 2>/dev/null
wait "$LOGIN_PID" 2>/dev/null
name="heed login with device login: shows the code, waits for approval, lists two Pages, keeps the chosen Page's token, names the Instagram account that uses it; heed sync then works from the keyring"
if grep -q 'login rc=0' "$W/login.out" && [ -n "$user_code" ] &&
    grep -q 'Logged in to the Facebook Page Acme Shop' "$W/login.out" &&
    grep -q 'account shop-insta answers it' "$W/login.out" &&
    grep -q 'sync rc=0' "$W/login.out"; then
	tui_ok "$name"
else
	tui_fail "$name" "code shown: ${user_code:-none}; $(sed 's/^/  /' "$W/login.out" 2>/dev/null | head -30)"
	show_log 10
fi

# The login in a keyring of its own, started in the background: $1 names
# the run, $2 is what is typed at the Page chooser. Afterwards $W/$1.out and
# $1.err hold heed login's output, $1.rc its exit status, $1.acc what heed
# accounts says then and $1.key what the keyring holds for the account.
login_bg() {
	rm -f "$W/$1".*
	state "log=0" "$W/dev.json"
	NDEV=$(gq 'len(st["devices"])' "$W/dev.json")
	(printf '%s\n' "$2" | sh tests/keyring-session sh -c '
		'"$HEED"' --config "$1" login shop >"$2/$3.out" 2>"$2/$3.err"
		echo "$?" >"$2/$3.rc0"
		'"$HEED"' --config "$1" accounts >"$2/$3.acc" 2>&1
		secret-tool lookup account shop platform facebook \
		    kind page-token >"$2/$3.key" 2>&1
		mv "$2/$3.rc0" "$2/$3.rc"' sh "$LOGINCONF" "$W" "$1") \
	    </dev/null >/dev/null 2>&1 &
	LOGIN_PID=$!
	LOGIN_T0=$(date +%s)
}
# The device login that login_bg started, pending at the fake.
new_pending() {
	state "log=0" "$W/dev.json"
	[ "$(gq 'len(st["devices"]) > int(a[0]) and st["devices"][-1]["state"] == "pending"' "$W/dev.json" "$NDEV")" = 1 ]
}
# Wait (up to 20 s) for login_bg's run $1 to end; RC and LOGIN_SECS.
login_wait() {
	TUI_TIMEOUT=20 tui_until test -f "$W/$1.rc"
	kill "$LOGIN_PID" 2>/dev/null
	wait "$LOGIN_PID" 2>/dev/null
	RC=$(cat "$W/$1.rc" 2>/dev/null)
	LOGIN_SECS=$(($(date +%s) - LOGIN_T0))
	state "log=0" "$W/dev.json"
	DEV_STATE=$(gq 'st["devices"][-1]["state"] if len(st["devices"]) > int(a[0]) else "none"' "$W/dev.json" "$NDEV")
}
# Nothing kept: heed accounts says the login is missing, the keyring has
# no item for the account.
nothing_kept() {
	grep -q '^ *shop .*missing: run heed login shop' "$W/$1.acc" &&
	    [ ! -s "$W/$1.key" ]
}
login_diag() {
	printf 'exit %s after %s s; device at the fake: %s\nstdout: %s\nstderr: %s\naccounts: %s\nkeyring: %s' \
	    "${RC:-none}" "$LOGIN_SECS" "$DEV_STATE" "$(cat "$W/$1.out" 2>/dev/null)" \
	    "$(cat "$W/$1.err" 2>/dev/null)" "$(cat "$W/$1.acc" 2>/dev/null)" \
	    "$(cat "$W/$1.key" 2>/dev/null)"
}

# The person declines on Facebook.
log_mark
login_bg declined ''
if tui_until new_pending; then
	ctl '{"op":"device","action":"decline"}' >/dev/null
fi
login_wait declined
name="device login declined on Facebook: heed login stops with exit 1, says on stderr that the login was declined, that nothing changed and how to try again; no token in the keyring"
if [ "$RC" = 1 ] && [ "$DEV_STATE" = declined ] &&
    grep -q 'declined' "$W/declined.err" &&
    grep -q 'nothing changed. To try again: heed login shop$' "$W/declined.err" &&
    ! grep -q '#31\|1349' "$W/declined.err" &&
    ! grep -q 'Logged in' "$W/declined.out" && nothing_kept declined; then
	tui_ok "$name"
else
	tui_fail "$name" "$(login_diag declined)"
	show_log 8
fi

# The code runs out at the fake (after 3 s) before anyone enters it: heed
# is told 1349152 on its next poll and stops there. (It takes expires_in
# as at least 10 s, so on its own it would give up only after 11.)
ctl '{"op":"config","device_expires_in":3}' >/dev/null
log_mark
login_bg expired ''
login_wait expired
log_since
spent=$(gq 'round(p[-1]["t"] - reqs("POST", "/device/login")[-1]["t"], 1) if (p := reqs("POST", "/device/login_status")) else -1' "$W/st.json")
name="device code expired at Facebook before approval (1349152): heed stops at that answer with exit 1, says the code expired, that nothing changed and to run heed login shop again; no token in the keyring"
if [ "$RC" = 1 ] && [ "$DEV_STATE" = expired ] &&
    gq '0 < float(a[0]) <= 6' - "$spent" | grep -q 1 &&
    grep -q 'code expired' "$W/expired.err" &&
    grep -q 'nothing changed. To try again: heed login shop$' "$W/expired.err" &&
    ! grep -q '#31\|1349' "$W/expired.err" &&
    nothing_kept expired; then
	tui_ok "$name"
else
	tui_fail "$name" "$(login_diag expired); last poll $spent s after the code was given"
	show_log 8
fi
ctl '{"op":"config","device_expires_in":420}' >/dev/null

# One poll is told to slow down (31/1349172): heed waits longer before the
# next one, then the person approves and the login completes.
ctl '{"op":"fault","path":"/device/login_status$","method":"POST","kind":"graph_error","code":31,"subcode":1349172,"message":"(#31) Polling too frequently","count":1}' >/dev/null
slowed() {
	state "log_from=$LOG0" "$W/slow.json"
	[ "$(gq 'len([r for r in reqs("POST", "/device/login_status") if r["fault"]])' "$W/slow.json")" = 1 ]
}
log_mark
login_bg slow 1
if tui_until new_pending && tui_until slowed; then
	ctl '{"op":"device","action":"approve"}' >/dev/null
fi
login_wait slow
log_since
gap=$(gq 'next((round(p[i + 1]["t"] - p[i]["t_end"], 1) for i in range(len(p) - 1) if p[i]["fault"]), -1) if (p := reqs("POST", "/device/login_status")) else -1' "$W/st.json")
name="device login told to slow down (31/1349172): heed waits well past the 1 s interval before polling again, then the approved login completes with exit 0; heed accounts says the Instagram account uses that login"
if [ "$RC" = 0 ] && gq 'float(a[0]) >= 2' - "$gap" | grep -q 1 &&
    grep -q 'Logged in to the Facebook Page Acme Shop' "$W/slow.out" &&
    grep -q '^ *shop .*present (keyring)' "$W/slow.acc" &&
    grep -q '^ *shop-insta .*the login of shop, present (keyring)' "$W/slow.acc"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(login_diag slow); gap after the slow-down: $gap s"
	show_log 8
fi
ctl '{"op":"clear_faults"}' >/dev/null

# A poll that fails on the way (a 503 from a proxy) is only said: heed
# polls on, and the login approved meanwhile completes.
ctl '{"op":"fault","path":"/device/login_status$","method":"POST","kind":"status","status":503,"count":1}' >/dev/null
failed_once() {
	state "log_from=$LOG0" "$W/f503.json"
	[ "$(gq 'len([r for r in reqs("POST", "/device/login_status") if r["fault"]])' "$W/f503.json")" = 1 ]
}
log_mark
login_bg flaky 1
if tui_until new_pending && tui_until failed_once; then
	ctl '{"op":"device","action":"approve"}' >/dev/null
fi
login_wait flaky
name="device login: a poll answered 503 does not end the login; heed says so, polls on, and the approved login completes with exit 0"
if [ "$RC" = 0 ] && grep -q 'still waiting' "$W/flaky.err" &&
    grep -q 'Logged in to the Facebook Page Acme Shop' "$W/flaky.out" &&
    grep -q '^ *shop .*present (keyring)' "$W/flaky.acc"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(login_diag flaky)"
	show_log 8
fi
ctl '{"op":"clear_faults"}' >/dev/null
ctl '{"op":"config","device_interval":5,"device_expires_in":420}' >/dev/null

# A pasted token: a person's (the Page named by page), then a Page's own.
PASTECONF=$W/paste.conf
(umask 077 && cat >"$PASTECONF" <<EOC
[account shop]
platform = facebook
url = $URL
page = Acme Outlet
EOC
)
printf 'EAAUSER-owner-0001\n' | sh tests/keyring-session sh -c '
	'"$HEED"' --config "$1" login shop >"$2/paste.out" 2>&1
	echo "login rc=$?" >>"$2/paste.out"' sh "$PASTECONF" "$W" >/dev/null 2>&1
sed '/^page =/d' "$PASTECONF" >"$W/paste2.conf"
printf 'EAAPAGE-acme-0001\n' | sh tests/keyring-session sh -c '
	'"$HEED"' --config "$1" login shop >"$2/paste2.out" 2>&1
	echo "login rc=$?" >>"$2/paste2.out"' sh "$W/paste2.conf" "$W" >/dev/null 2>&1
name="heed login with a pasted token: a person's token takes the Page named by page; a Page's own token is that Page"
if grep -q 'login rc=0' "$W/paste.out" &&
    grep -q 'Logged in to the Facebook Page Acme Outlet' "$W/paste.out" &&
    grep -q 'login rc=0' "$W/paste2.out" &&
    grep -q 'Logged in to the Facebook Page Acme Shop' "$W/paste2.out"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(cat "$W/paste.out" "$W/paste2.out" 2>/dev/null | head -20)"
fi

# --- 7. an expired token ------------------------------------------------

ctl '{"op":"expire","token":"'$TOKEN'"}' >/dev/null
run_sync
name="an expired Page token (190/463): both accounts stop, say in plain words what happened and name heed login shop"
if [ "$RC" = 2 ] && printf '%s' "$ERR" | grep -q "login has expired" &&
    [ "$(printf '%s\n' "$ERR" | grep -c 'heed login shop$')" = 2 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag)"
fi
