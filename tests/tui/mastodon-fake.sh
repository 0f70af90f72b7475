#!/bin/sh
# tests/tui/mastodon-fake.sh -- heed's Mastodon account against the fake
# instance of tests/fake/mastodon.py: the first sync through every page,
# statuses gone before they were read, hostile text, an incremental sync,
# replies from the TUI that keep the visibility and content warning of
# what they answer (a direct message's reply stays direct), a reply whose
# answer is lost (exactly one at the fake), errors (503, 429, a revoked
# token), a deprecated route, a deleted reply leaving the inbox, muting
# instead of hiding, read markers shared with the other apps, and HTTPS.
#
# heed runs headless (heed sync, list, outbox) and in tmux (the helpers of
# lib.sh), with a config whose credential_command prints a token the fake
# made, so no keyring is needed. Each check prints "ok NAME" or "not ok
# NAME" with "# " lines saying why; the fake's request log (GET /_state) is
# the witness of what heed asked.

. tests/tui/lib.sh
. tests/tui/lib-fake.sh

W=$TUI_DIR/masto
mkdir -m 700 "$W"
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"

# --- the fake ---------------------------------------------------------

FAKE_TLS=1 fake_start "mastodon: the fake instance (tests/fake/mastodon.py)" \
    tests/fake/mastodon.py || exit 0

# Save the fake's state (GET /_state?$1) in file $2.
state() {
	curl -sS --noproxy '*' -m 30 -o "$2" "$URL/_state?$1"
}

# mq.py EXPR [FILE [ARG...]]: EXPR over the fake's state in FILE (st; its
# statuses, notifications and log) or heed list --json lines (items), and
# the arguments (a).
cat >"$W/mq.py" <<'EOF'
import json, sys
expr = sys.argv[1]
a = sys.argv[3:]
st, statuses, notes, log, items = {}, [], [], [], []
if len(sys.argv) > 2 and sys.argv[2] != '-':
    raw = open(sys.argv[2], encoding='utf-8', errors='surrogateescape').read()
    if raw.lstrip().startswith('{"shop"'):
        st = json.loads(raw)
        statuses = st.get('statuses', [])
        notes = st.get('notifications', [])
        log = st.get('log', [])
    else:
        items = [json.loads(l) for l in raw.split('\n') if l.strip()]

def route(r):
    """A logged request's method and route."""
    return r['method'] + ' ' + r['route']

def of(what):
    """The logged requests of one method and route."""
    return [r for r in log if route(r) == what]

NOTES = 'GET /api/v1/notifications'
POST = 'POST /api/v1/statuses'

def with_text(word):
    """The statuses (not deleted) whose text holds word."""
    return [s for s in statuses if word in (s.get('text') or '')
            and not s.get('deleted')]

def bad_chars(s):
    """The control and bidi characters of s but newline."""
    return ['U+%04X' % ord(c) for c in s if (ord(c) < 0x20 and c != '\n')
            or 0x7f <= ord(c) <= 0x9f or ord(c) in (0x61c, 0x200e, 0x200f)
            or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]

v = eval(expr)
if isinstance(v, bool):
    v = int(v)
print(v if not isinstance(v, (list, dict)) else json.dumps(v))
EOF
mq() {
	PYTHONUTF8=1 python3 "$W/mq.py" "$@"
}

# Print the last lines of the fake's request log as diagnostics.
show_log() {
	state "statuses=0&notifications=0" "$W/diag.json"
	mq '"\n".join("%d %s %s %s %s" % (r["n"], r["method"], r["path"], r["status"], r["fault"] or "-") for r in log[-int(a[0]):])' \
	    "$W/diag.json" "${1:-12}" | sed 's/^/# log: /'
}

TOKEN=$(ctl '{"op":"token","scope":"read write"}' |
    mq 'json.loads(sys.stdin.read())["access_token"]' - 2>/dev/null)
if [ -z "$TOKEN" ]; then
	echo "not ok mastodon: the fake makes a token"
	exit 0
fi

# Write a config for account shop at URL $2 into file $1, with the
# global lines $3 first if given.
write_conf() {
	(umask 077 && {
		printf 'send_delay = 0\ncheck_delays = 1s 2s\nlog_file = %s\n' \
		    "$W/heed.log"
		[ -n "${3:-}" ] && printf '%s\n' "$3"
		cat <<EOC
[account shop]
platform = mastodon
handle = @acmeshop
url = $2
credential_command = printf '%s\\n' $TOKEN
EOC
	} >"$1")
}
write_conf "$CONF" "$URL"

# Run heed without a terminal in the test environment, for at most
# $HRUN_TIMEOUT (60) seconds.
hrun() {
	timeout -k 5 "${HRUN_TIMEOUT:-60}" env -u NO_COLOR \
	    HOME="$TUI_DIR/home" XDG_CONFIG_HOME="$TUI_DIR/config" \
	    XDG_DATA_HOME="$TUI_DIR/data" XDG_STATE_HOME="$TUI_DIR/state" \
	    XDG_CACHE_HOME="$TUI_DIR/cache" TMPDIR="$TUI_DIR/tmp" \
	    LANG="$TUI_LOCALE" LC_ALL="$TUI_LOCALE" "$HEED" "$@" </dev/null
}

# heed [$@] sync: OUT, ERR and RC hold the result.
run_sync() {
	OUT=$(hrun "$@" sync 2>"$W/err")
	RC=$?
	ERR=$(cat "$W/err")
}

# heed [$@] list --view all --json into $W/list.json; N is the number of
# items.
list_all() {
	HRUN_TIMEOUT=20 hrun "$@" list --view all --json >"$W/list.json" \
	    2>"$W/list.err"
	case $? in
	0) N=$(mq 'len(items)' "$W/list.json") ;;
	*) N="failed: $(head -c 300 "$W/list.err")" ;;
	esac
}

# Start from an empty request log; LOG0 is the number of its next entry.
log_mark() {
	state "statuses=0&notifications=0&log=0" "$W/mark.json"
	LOG0=$(mq 'st["log_next"]' "$W/mark.json")
}

# Save the state with the log since log_mark in $W/st.json.
log_since() {
	state "log_from=$LOG0" "$W/st.json"
}

# Say how a sync went, for a failing check.
sync_diag() {
	printf 'exit %s\nstdout: %s\nstderr: %s\nitems: %s' "$RC" "$OUT" \
	    "$ERR" "${N:-?}"
}

# --- 1. the first sync ------------------------------------------------

SEED=$(ctl '{"op":"seed","customers":12,"posts":3,"replies":30,"mentions":60,"private":0.3,"null_status":0.25,"hostile":true}')
if [ -z "$(printf '%s' "$SEED" | mq 'json.loads(sys.stdin.read())["inbox"]' - 2>/dev/null)" ]; then
	echo "not ok mastodon: the fake seeds its inbox"
	printf '%s\n' "$SEED" | sed 's/^/# /'
	exit 0
fi
log_mark
run_sync
log_since
list_all
# Every mention the fake still shows with its status must be an item.
want=$(mq 'sorted(set(n["status_id"] for n in notes if n["type"] == "mention" and not n["null_status"] and n["status_id"]))' "$W/st.json")
missing=$(mq 'sorted(set(json.loads(a[0])) - set(i["remote_id"] for i in items))' "$W/list.json" "$want")
pages=$(mq 'len(of(NOTES))' "$W/st.json")
dups=$(mq 'len(items) - len(set(i["remote_id"] for i in items))' "$W/list.json")
name="first sync: every mention with a status becomes an item, once, through $pages page(s); exit 0"
if [ "$RC" = 0 ] && [ "$OUT" = "shop: synced" ] && [ "$missing" = "[]" ] &&
    [ "$dups" = 0 ] && [ "$pages" -ge 1 ] 2>/dev/null; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); missing: $missing; duplicates: $dups"
	show_log
fi

gone=$(mq 'sorted(set(n["status_id"] for n in notes if n["null_status"] and n["status_id"]) & set(i["remote_id"] for i in items))' "$W/list.json")
nulls=$(mq 'sum(1 for n in notes if n["null_status"])' "$W/st.json")
name="notifications whose status is null ($nulls) are passed over without a word"
if [ "${nulls:-0}" -gt 0 ] 2>/dev/null && [ "$gone" = "[]" ] &&
    ! grep -qi "null\|malformed" "$W/err"; then
	tui_ok "$name"
else
	tui_fail "$name" "items of null statuses: $gone; stderr: $ERR"
fi

HRUN_TIMEOUT=20 hrun list --view all >"$W/list.txt" 2>&1
bad_txt=$(tui_py controls <"$W/list.txt" | head -n 5)
bad_json=$(mq '[(i["remote_id"], bad_chars((i["text"] or "") + (i["author"] or ""))) for i in items if bad_chars((i["text"] or "") + (i["author"] or ""))][:5]' "$W/list.json")
tags=$(mq 'sum(1 for i in items if "<" in (i["text"] or "") and ("<p>" in i["text"] or "<span" in i["text"] or "<script" in i["text"]))' "$W/list.json")
name="hostile text: no ESC, C0/C1 or bidi control, and no HTML tags left in the texts"
if [ -z "$bad_txt" ] && [ "$bad_json" = "[]" ] && [ "$tags" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "text: $bad_txt; json: $bad_json; texts with tags: $tags"
fi

# --- 2. the second sync asks only for what is new ---------------------

ctl '{"op":"add","text":"second sync brings me (new1)"}' >/dev/null
log_mark
run_sync
log_since
list_all
asked=$(mq '[("min_id" in r["params"]) for r in of(NOTES)]' "$W/st.json")
name="second sync: the notifications are asked from the mark (min_id), and the new mention arrives"
if [ "$RC" = 0 ] && [ "$asked" = "[true]" ] &&
    [ "$(mq 'sum(1 for i in items if "(new1)" in (i["text"] or ""))' "$W/list.json")" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); min_id on each: $asked"
	show_log
fi

# --- 3. replies from the TUI ------------------------------------------

# Return 0 once heed in session ui has exited.
ui_gone() {
	[ "$(t display -p -t ui '#{pane_dead}' 2>/dev/null)" = 1 ]
}
# Return 0 when the search for $1 shows its results ($SHOWN in place of
# $1 when it is set: a message behind a content warning).
search_shown() {
	tui_capture ui
	printf '%s\n' "$SCREEN" | grep -q -F -- "${SHOWN:-$1}"
}
# Start heed, find the item holding text $1 with / and reply $2 to it; 0
# once y was pressed on the check screen.
tui_reply_to() {
	tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
	tui_wait ui "shop synced" || return 1
	tui_keys ui /
	tui_type ui "$1"
	tui_keys ui Enter
	tui_until search_shown "$1" || return 1
	tui_keys ui r
	tui_wait ui "-- your reply --" || return 1
	tui_type ui "$2"
	tui_wait ui "$2" || return 1
	tui_keys ui Enter
	tui_wait ui "Check before sending" || return 1
	tui_keys ui y
}
# Return 0 when heed outbox says everything was sent.
outbox_empty() {
	OUTBOX=$(HRUN_TIMEOUT=10 hrun outbox 2>&1)
	[ "$OUTBOX" = "The outbox is empty: everything was sent." ]
}
# Reply $2 to the item holding $1, then quit heed.
reply_and_quit() {
	if tui_reply_to "$1" "$2"; then
		tui_until outbox_empty
		tui_keys ui q
		tui_until ui_gone
	fi
	t kill-session -t ui 2>/dev/null
	outbox_empty
}

ctl '{"op":"add","author":"dana@remote.example","text":"is my order on its way? (dm1)","visibility":"direct","spoiler_text":"order talk","language":"de"}' >/dev/null
run_sync
TOKEN1=dm$$x$(date +%S)
log_mark
# Behind its content warning, the queue shows the warning, not the text.
SHOWN="CW: order talk"
reply_and_quit "(dm1)" "Ja, heute $TOKEN1"
SHOWN=
log_since
got=$(mq '[(s["visibility"], s["spoiler_text"], s["language"], s["text"].startswith("@dana@remote.example "), bool(s["idempotency_key"]), bool(s["in_reply_to_id"])) for s in with_text(a[0])]' "$W/st.json" "$TOKEN1")
name="a reply to a direct message from the TUI stays direct, under the same content warning, in its language, naming the customer, with an Idempotency-Key"
if [ "$got" = '[["direct", "order talk", "de", true, true, true]]' ] &&
    [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
	tui_ok "$name"
else
	tui_fail "$name" "statuses with the token: $got; outbox: $OUTBOX"
	show_log
fi

ctl '{"op":"add","author":"eli","text":"and a private one (pv1)","visibility":"private"}' >/dev/null
run_sync
TOKEN2=pv$$x$(date +%S)
log_mark
reply_and_quit "(pv1)" "Noted $TOKEN2"
log_since
got=$(mq '[s["visibility"] for s in with_text(a[0])]' "$W/st.json" "$TOKEN2")
name="a reply to a followers-only mention stays followers-only"
if [ "$got" = '["private"]' ]; then
	tui_ok "$name"
else
	tui_fail "$name" "visibility of the reply: $got"
fi

# --- 4. a reply whose answer is lost ----------------------------------

ctl '{"op":"add","author":"fay","text":"anyone there? (lost1)"}' >/dev/null
run_sync
TOKEN3=lost$$x$(date +%S)
ctl '{"op":"lose","method":"POST","path":"/api/v1/statuses"}' >/dev/null
log_mark
reply_and_quit "(lost1)" "We are here $TOKEN3"
log_since
n=$(mq 'len(with_text(a[0]))' "$W/st.json" "$TOKEN3")
lost=$(mq 'len(of(POST)) >= 1 and of(POST)[0]["fault"] is not None' "$W/st.json")
name="a reply carried out but its answer lost: exactly one status at the fake, the outbox empty"
if [ "$n" = 1 ] && [ "$lost" = 1 ] &&
    [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
	tui_ok "$name"
else
	tui_fail "$name" "statuses with the token: $n; first POST lost: $lost; outbox: $OUTBOX"
	show_log 15
fi

# --- 5. errors --------------------------------------------------------

ctl '{"op":"add","text":"after the 503 (new2)"}' >/dev/null
ctl '{"op":"fail","method":"GET","path":"/api/v1/notifications","status":503}' >/dev/null
log_mark
run_sync
log_since
list_all
retried=$(mq '[r["status"] for r in of(NOTES)]' "$W/st.json")
name="503 (remote data could not be fetched) on the notifications: tried again, the new mention arrives"
if [ "$RC" = 0 ] && [ "$retried" = "[503, 200]" ] &&
    [ "$(mq 'sum(1 for i in items if "(new2)" in (i["text"] or ""))' "$W/list.json")" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); notification answers: $retried"
	show_log
fi

ctl '{"op":"deprecate","method":"GET","path":"/api/v1/notifications"}' >/dev/null
ctl '{"op":"rate","family":"api","limit":3,"period":3}' >/dev/null
# A reply to the shop's post: its thread is read too, past the limit.
state "log=0" "$W/st.json"
POSTID=$(mq '[s["id"] for s in statuses if s["account"] == "acmeshop" and not s["in_reply_to_id"] and not s["deleted"]][-1]' "$W/st.json")
ctl '{"op":"add","text":"under the limit (new3)","in_reply_to":"'"$POSTID"'"}' >/dev/null
log_mark
run_sync
log_since
list_all
n429=$(mq 'sum(1 for r in log if r["status"] == 429)' "$W/st.json")
gap=$(mq 'max([round(log[i + 1]["t"] - r["t_end"], 2) for i, r in enumerate(log[:-1])] or [0])' "$W/st.json")
name="3 requests per 3 s (X-RateLimit-Reset an ISO time): heed waits for the window before the limit, never gets a 429, and the sync completes"
if [ "$RC" = 0 ] && [ "$n429" = 0 ] &&
    [ "$(mq 'float(a[0]) >= 0.5' - "$gap")" = 1 ] &&
    [ "$(mq 'sum(1 for i in items if "(new3)" in (i["text"] or ""))' "$W/list.json")" = 1 ]; then
	tui_ok "$name (longest wait $gap s)"
else
	tui_fail "$name" "$(sync_diag); 429 answers: $n429; longest wait: $gap s"
	show_log 8
	show_log
fi
ctl '{"op":"rate","family":"api"}' >/dev/null
name="the Deprecation header is logged, once"
if [ "$(grep -c 'deprecated' "$W/heed.log" 2>/dev/null)" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "log lines: $(grep -c 'deprecated' "$W/heed.log" 2>/dev/null)"
fi
ctl '{"op":"deprecate","method":"GET","path":"/api/v1/notifications","value":null}' >/dev/null

# --- 6. a customer deletes a reply ------------------------------------

# A sweep spares what came in its last five minutes: this came an hour ago.
ID=$(ctl '{"op":"add","author":"gus","text":"I take this back (del1)","in_reply_to":"'"$POSTID"'","created":'$(($(date +%s) - 3600))'}' |
    mq 'json.loads(sys.stdin.read())["status_id"]' -)
run_sync
ctl '{"op":"delete","id":"'"$ID"'"}' >/dev/null
ctl '{"op":"add","author":"gus","text":"another word on it (del2)","in_reply_to":"'"$POSTID"'"}' >/dev/null
run_sync
list_all
del=$(mq '[i["deleted"] for i in items if i["remote_id"] == a[0]]' "$W/list.json" "$ID")
name="a reply deleted on the server is marked deleted once the shop's thread is read again"
if [ "$del" = "[true]" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); deleted: $del"
	show_log 8
	grep -i "sweep\|delet\|thread" "$W/heed.log" | tail -5 | sed 's/^/# heed.log: /'
fi

# --- 7. an edit, and a content warning opened on purpose --------------

ID=$(ctl '{"op":"add","author":"ivy","text":"the lid is crackd (ed1)"}' |
    mq 'json.loads(sys.stdin.read())["status_id"]' -)
run_sync
ctl '{"op":"edit","id":"'"$ID"'","text":"the lid is cracked, sorry (ed1)"}' >/dev/null
write_conf "$W/now.conf" "$URL" "recheck_interval = 0"
run_sync --config "$W/now.conf"
list_all
got=$(mq '[i["text"] for i in items if i["remote_id"] == a[0]]' "$W/list.json" "$ID")
name="a mention edited on the server: the next recheck reads it again, and heed shows the new text"
case $got in
*"cracked, sorry"*) tui_ok "$name" ;;
*) tui_fail "$name" "$(sync_diag); text: $got"
	show_log 6 ;;
esac

# The thread is open: an item's header, which the queue's rows lack.
thread_shown() {
	tui_shows_re ui ' · (now|[0-9]+[a-z]+ ago) · '
}
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
opened=
if tui_wait ui "shop synced"; then
	SHOWN="CW: order talk"
	tui_keys ui /
	tui_type ui "(dm1)"
	tui_keys ui Enter
	tui_until search_shown "(dm1)"
	SHOWN=
	tui_keys ui Enter
	if tui_until thread_shown && tui_shows ui "Content warning: order talk" &&
	    tui_hides ui "(dm1)"; then
		tui_keys ui z
		tui_wait ui "(dm1)" && opened=1
	fi
fi
name="a direct message behind a content warning: the thread shows the warning, and z opens the message"
if [ "$opened" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name"
fi
t kill-session -t ui 2>/dev/null

# --- 8. instead of hiding ---------------------------------------------

ctl '{"op":"add","author":"hal","text":"buy cheap watches (spam1)"}' >/dev/null
run_sync
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
muted=
if tui_wait ui "shop synced"; then
	tui_keys ui /
	tui_type ui "(spam1)"
	tui_keys ui Enter
	tui_until search_shown "(spam1)"
	tui_keys ui h
	if tui_wait ui "stays visible to everyone else"; then
		tui_keys ui m
		_end=$(($(date +%s) + TUI_TIMEOUT))
		while [ "$(date +%s)" -lt "$_end" ]; do
			state "statuses=0&notifications=0&log=0" "$W/rel.json"
			muted=$(mq 'int("hal" in json.dumps(st["relationships"]["muting"]))' "$W/rel.json")
			[ "$muted" = 1 ] && break
			sleep 0.2
		done
	fi
	tui_keys ui q
fi
tui_capture ui
name="h on a Mastodon reply says it stays visible to others, and m mutes its author at the server"
if [ "$muted" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "muting: $(mq 'st["relationships"]' "$W/rel.json" 2>&1)"
fi
t kill-session -t ui 2>/dev/null

# --- 9. read markers shared with the other apps -----------------------

write_conf "$CONF" "$URL" "read_markers = yes"
RM1=$(ctl '{"op":"add","author":"ivy","text":"read elsewhere (rm1)"}' |
    mq 'json.loads(sys.stdin.read())["notification_id"]' -)
RM2=$(ctl '{"op":"add","author":"jo","text":"read in heed (rm2)"}' |
    mq 'json.loads(sys.stdin.read())["notification_id"]' -)
run_sync
# Another app of the owner's reads up to the first.
curl -sS --noproxy '*' -m 30 -o /dev/null -H "Authorization: Bearer $TOKEN" \
    --data-urlencode "notifications[last_read_id]=$RM1" "$URL/api/v1/markers"
run_sync
list_all
rm_status() {
	mq '[i["status"] for i in items if a[0] in (i["text"] or "")]' \
	    "$W/list.json" "$1"
}
HRUN_TIMEOUT=20 hrun log --json >"$W/log.json" 2>&1
name="read_markers: a mention read in another app is read in heed (and the log says so), the next one is not"
if [ "$RC" = 0 ] && [ "$(rm_status "(rm1)")" = '["read"]' ] &&
    [ "$(rm_status "(rm2)")" = '["new"]' ] &&
    grep -q "in another app" "$W/log.json"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); rm1: $(rm_status "(rm1)"); rm2: $(rm_status "(rm2)"); marker $RM1 $RM2"
	show_log
fi

# The owner reads the second in heed: the next sync moves the marker.
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
if tui_wait ui "shop synced"; then
	tui_keys ui /
	tui_type ui "(rm2)"
	tui_keys ui Enter
	tui_until search_shown "(rm2)"
	tui_keys ui Enter
	tui_wait ui "read in heed (rm2)"
	tui_keys ui q
	tui_keys ui q
	tui_until ui_gone
fi
t kill-session -t ui 2>/dev/null
run_sync
state "statuses=0&notifications=0&log=0" "$W/mk.json"
marker=$(mq 'st["markers"].get("notifications", {}).get("last_read_id")' "$W/mk.json")
name="read_markers: what the owner read in heed moves the instance's marker on to it"
if [ "$RC" = 0 ] && [ "$marker" = "$RM2" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); marker: $marker, wanted $RM2"
	show_log
fi
write_conf "$CONF" "$URL"

# --- 10. a revoked token ----------------------------------------------

ctl '{"op":"revoke","token":"all"}' >/dev/null
run_sync
name="a revoked token: heed sync fails and says to run heed login shop"
case $ERR in
*"heed login shop"*)
	if [ "$RC" != 0 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "$(sync_diag)"
	fi ;;
*) tui_fail "$name" "$(sync_diag)" ;;
esac

# --- 11. HTTPS --------------------------------------------------------

if [ -n "$FAKE_CA" ] && [ "$TLS_PORT" != 0 ]; then
	TOKEN=$(ctl '{"op":"token","scope":"read write"}' |
	    mq 'json.loads(sys.stdin.read())["access_token"]' -)
	write_conf "$W/tls.conf" "https://127.0.0.1:$TLS_PORT" \
	    "ca_file = $FAKE_CA"
	run_sync --config "$W/tls.conf" --cache "$W/tls.db"
	list_all --config "$W/tls.conf" --cache "$W/tls.db"
	name="over HTTPS with the instance's CA in ca_file: the sync completes"
	if [ "$RC" = 0 ] && [ "${N:-0}" -gt 0 ] 2>/dev/null; then
		tui_ok "$name"
	else
		tui_fail "$name" "$(sync_diag)"
	fi
fi
