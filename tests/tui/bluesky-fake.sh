#!/bin/sh
# tests/tui/bluesky-fake.sh -- heed's Bluesky account against the fake PDS
# of tests/fake/bsky.py: paging, incremental sync, sessions that expire,
# errors and rate limits, hostile text, a reply whose answer is lost,
# kill -9 while a reply is on its way, and in the thread: a quote with the
# post it quotes, a like taken back, handles, a reply to a deleted comment.
#
# heed runs headless (heed sync, list, outbox) and in tmux (the helpers of
# lib.sh), with a config whose credential_command prints the app password,
# so no keyring is needed; one case runs inside tests/keyring-session to
# check that a renewed session is kept there. Each check prints "ok NAME"
# or "not ok NAME" with "# " lines saying why; the fake's request log (GET
# /_state) is the witness of what heed asked and when.

. tests/tui/lib.sh
. tests/tui/lib-fake.sh

PW=qk4v-8wzp-3hmt-r2ya
W=$TUI_DIR/bsky
mkdir -m 700 "$W"
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"

# --- the fake ---------------------------------------------------------

FAKE_TLS=1 fake_start "bluesky: the fake PDS (tests/fake/bsky.py)" \
    tests/fake/bsky.py --password "$PW" || exit 0

# Save the fake's state (GET /_state?$1) in file $2.
state() {
	curl -sS --noproxy '*' -m 30 -o "$2" "$URL/_state?$1"
}

# The JSON questions: bq.py EXPR [FILE [ARG...]] evaluates EXPR with the
# state of FILE (log, records, shop, notifications), heed list --json
# lines (items, when FILE holds them) and the arguments (a) at hand.
cat >"$W/bq.py" <<'EOF'
import json, sys
expr = sys.argv[1]
a = sys.argv[3:]
log, records, shop, notes, items, st = [], [], {}, {}, [], {}
if len(sys.argv) > 2 and sys.argv[2] != '-':
    raw = open(sys.argv[2], encoding='utf-8', errors='surrogateescape').read()
    if raw.lstrip().startswith('{"shop"'):
        st = json.loads(raw)
        log, records = st.get('log', []), st.get('records', [])
        shop, notes = st['shop'], st['notifications']
    else:
        items = [json.loads(l) for l in raw.splitlines() if l.strip()]

def of(nsid):
    """The logged requests of one XRPC method."""
    return [r for r in log if r['nsid'] == nsid]

def cursor(r):
    return (r['query'].get('cursor') or [None])[0]

LN = 'app.bsky.notification.listNotifications'
PUT = 'com.atproto.repo.putRecord'
SESS = ('com.atproto.server.createSession',
        'com.atproto.server.refreshSession')

def shop_posts(word):
    """The shop's posts whose text holds word."""
    return [r for r in records if r['uri'].startswith('at://' + shop['did'])
            and '/app.bsky.feed.post/' in r['uri']
            and word in r['value'].get('text', '')]

def bad_chars(s):
    """The control and bidi characters of s but newline."""
    return ['U+%04X' % ord(c) for c in s if (ord(c) < 0x20 and c != '\n')
            or 0x7f <= ord(c) <= 0x9f or ord(c) in (0x61c, 0x200e, 0x200f)
            or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069
            or 0xdc80 <= ord(c) <= 0xdcff]

v = eval(expr)
if isinstance(v, bool):
    v = int(v)
print(v if not isinstance(v, (list, dict)) else json.dumps(v))
EOF
bq() {
	PYTHONUTF8=1 python3 "$W/bq.py" "$@"
}

# Print the last lines of the fake's request log as diagnostics.
show_log() {
	state "records=0" "$W/diag.json"
	bq '"\n".join("%d %s %s %s %s %s" % (r["n"], r["verb"], r["nsid"], r["status"], r["fault"] or "-", cursor(r) or "-") for r in log[-int(a[0]):])' \
	    "$W/diag.json" "${1:-12}" | sed 's/^/# log: /'
}

# Write a config for account shop at URL $2 with app password $3 into
# file $1, with the global line $4 first if given.
write_conf() {
	(umask 077 && {
		[ -n "${4:-}" ] && printf '%s\n' "$4"
		cat <<EOC
[account shop]
platform = bluesky
handle = acmeshop.test
url = $2
credential_command = printf '%s\\n' $3
EOC
	} >"$1")
}
write_conf "$CONF" "$URL" "$PW"

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
# items, or "hung" if heed list did not finish in 20 seconds.
list_all() {
	HRUN_TIMEOUT=20 hrun "$@" list --view all --json >"$W/list.json" \
	    2>"$W/list.err"
	case $? in
	0) N=$(bq 'len(items)' "$W/list.json") ;;
	124 | 137) N=hung ;;
	*) N="failed: $(head -c 300 "$W/list.err")" ;;
	esac
}

# Start from an empty request log; LOG0 is the number of its next entry.
log_mark() {
	state "records=0&log=0" "$W/mark.json"
	LOG0=$(bq 'st["log_next"]' "$W/mark.json")
}

# Save the log since log_mark (and the shop's records) in $W/st.json.
log_since() {
	state "repo=acmeshop.test&log_from=$LOG0" "$W/st.json"
}

# Say how a sync went, for a failing check.
sync_diag() {
	printf 'exit %s\nstdout: %s\nstderr: %s\nitems: %s' "$RC" "$OUT" \
	    "$ERR" "${N:-?}"
}

# --- 1. the first sync ------------------------------------------------

SEED=$(ctl '{"op":"seed","count":260,"posts":3,"customers":30,"mix":{"reply":50,"mention":10,"quote":10,"like":20,"follow":10}}')
INBOX=$(printf '%s' "$SEED" | bq 'json.loads(sys.stdin.read())["inbox"]' - \
    2>/dev/null)
TOTAL=260
if [ -z "$INBOX" ]; then
	echo "not ok bluesky: the fake seeds 260 notifications"
	printf '%s\n' "$SEED" | sed 's/^/# /'
	exit 0
fi

log_mark
run_sync
log_since
list_all
pages=$(bq 'len(of(LN))' "$W/st.json")
# Entries are filtered after a page is cut: a full page (before the filter)
# always has a cursor, so there is one more page than full ones.
want_pages=$(bq 'int(a[0]) // int(((of(LN) or [{"query": {}}])[0]["query"].get("limit") or ["50"])[0]) + 1' \
    "$W/st.json" "$TOTAL")
follow=$(bq 'int(cursor(of(LN)[0]) is None and all(cursor(r) for r in of(LN)[1:]))' "$W/st.json")
name="first sync follows the cursor through all pages of listNotifications ($want_pages for $TOTAL notifications), exit 0"
if [ "$RC" = 0 ] && [ "$OUT" = "shop: synced" ] &&
    [ "$pages" = "$want_pages" ] && [ "$follow" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); listNotifications requests: $pages, cursors followed: $follow"
	show_log
fi

name="first sync: heed list shows every reply, mention and quote once ($INBOX), no like or follow"
if [ "$N" = "$INBOX" ] &&
    [ "$(bq 'len(set(i["remote_id"] for i in items))' "$W/list.json")" = "$INBOX" ] &&
    [ "$(bq 'sum(1 for i in items if "/app.bsky.feed.post/" not in (i["remote_id"] or ""))' "$W/list.json")" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); not posts: $(bq '[i["remote_id"] for i in items if "/app.bsky.feed.post/" not in (i["remote_id"] or "")][:5]' "$W/list.json" 2>&1)"
fi

# --- 2. hostile text --------------------------------------------------

HRUN_TIMEOUT=20 hrun list --view all >"$W/list.txt" 2>&1
bad_txt=$(tui_py controls <"$W/list.txt" | head -n 5)
bad_json=$(bq '[(i["remote_id"], bad_chars((i["text"] or "") + (i["author"] or ""))) for i in items if bad_chars((i["text"] or "") + (i["author"] or ""))][:5]' "$W/list.json")
esc=$(grep -c "$(printf '\033')" "$W/list.txt")
name="hostile text: heed list has no ESC, C0/C1 or bidi control from the seeded texts and names"
if [ "$N" = "$INBOX" ] && [ -z "$bad_txt" ] && [ "$bad_json" = "[]" ] &&
    [ "$esc" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "text: $bad_txt; json: $bad_json; lines with ESC: $esc; items: $N"
fi
cjk=$(bq 'sum(1 for i in items if "この商品はいつ再入荷しますか" in (i["text"] or "") or "👩\u200d👩\u200d👧\u200d👦" in (i["text"] or ""))' "$W/list.json")
name="hostile text: Japanese and emoji ZWJ sequences come through unharmed"
if [ "${cjk:-0}" -gt 0 ] 2>/dev/null; then
	tui_ok "$name"
else
	tui_fail "$name" "items with them: $cjk"
fi

# --- 3. the second sync asks only for what is new ---------------------

ctl '{"op":"add","reason":"reply","text":"second sync brings me (new1)"}' >/dev/null
log_mark
run_sync
log_since
list_all
asked=$(bq '[cursor(r) for r in of(LN)]' "$W/st.json")
name="second sync: one listNotifications request without a cursor, and the new reply arrives"
if [ "$RC" = 0 ] && [ "$asked" = "[null]" ] && [ "$N" = $((INBOX + 1)) ] &&
    [ "$(bq 'sum(1 for i in items if "(new1)" in (i["text"] or ""))' "$W/list.json")" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); cursors asked: $asked"
	show_log
fi
EXPECT=$((INBOX + 1))

# --- 4. an access token that expires in the middle of a sync ----------

ctl '{"op":"fault","method":"app.bsky.notification.listNotifications","kind":"expire","after":1}' >/dev/null
log_mark
run_sync --cache "$W/expire.db"
log_since
list_all --cache "$W/expire.db"
seq=$(bq '" ".join("%s:%s" % (r["nsid"].split(".")[-1], r["status"]) for r in log if r["nsid"] in (LN,) + SESS)' "$W/st.json")
renewed=$(bq 'any(r["fault"] == "expire" and r["status"] == 400 and any(s["nsid"] in SESS and s["status"] == 200 and s["n"] > r["n"] for s in log) and any(s["nsid"] == LN and s["status"] == 200 and s["n"] > r["n"] and cursor(s) for s in log) for r in log)' "$W/st.json")
name="expired access token mid-sync (400 ExpiredToken on page 2): the session is renewed, the sync goes on and completes"
if [ "$RC" = 0 ] && [ "$renewed" = 1 ] && [ "$N" = "$EXPECT" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag) (want $EXPECT); requests: $seq"
fi

# --- 5. a server error, then a rate limit -----------------------------

ctl '{"op":"add","reason":"mention","text":"after the 500 (new2)"}' >/dev/null
ctl '{"op":"fault","method":"app.bsky.notification.listNotifications","kind":"status","status":500}' >/dev/null
log_mark
run_sync
log_since
list_all
EXPECT=$((EXPECT + 1))
retried=$(bq 'len(of(LN)) >= 2 and of(LN)[0]["status"] == 500 and of(LN)[-1]["status"] == 200' "$W/st.json")
name="HTTP 500 once on listNotifications: retried, exit 0, the new item arrives"
if [ "$RC" = 0 ] && [ "$retried" = 1 ] && [ "$N" = "$EXPECT" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag) (want $EXPECT)"
	show_log
fi

ctl '{"op":"add","reason":"quote","text":"after the 429 (new3)"}' >/dev/null
ctl '{"op":"fault","method":"app.bsky.notification.listNotifications","kind":"ratelimit","seconds":1}' >/dev/null
log_mark
run_sync
log_since
list_all
EXPECT=$((EXPECT + 1))
waited=$(bq '[round(log[i + 1]["t"] - r["t_end"], 2) for i, r in enumerate(log[:-1]) if r["status"] == 429]' "$W/st.json")
ok429=$(bq 'len([1 for i, r in enumerate(log[:-1]) if r["status"] == 429 and log[i + 1]["t"] - r["t_end"] >= 1.0]) == 1 and of(LN)[-1]["status"] == 200' "$W/st.json")
name="429 with Retry-After: 1 on listNotifications: heed waits >= 1 s, retries, exit 0"
if [ "$RC" = 0 ] && [ "$ok429" = 1 ] && [ "$N" = "$EXPECT" ]; then
	tui_ok "$name (waited $waited s)"
else
	tui_fail "$name" "$(sync_diag) (want $EXPECT); waits after a 429: $waited"
	show_log
fi

# --- 6. broken answers ------------------------------------------------

for kind in reset oversized; do
	ctl '{"op":"add","reason":"reply","text":"after a '$kind' ('$kind'1)"}' >/dev/null
	ctl '{"op":"fault","method":"app.bsky.notification.listNotifications","kind":"'$kind'"}' >/dev/null
	log_mark
	run_sync
	log_since
	list_all
	EXPECT=$((EXPECT + 1))
	[ $kind = reset ] && name="a listNotifications answer cut by a connection reset mid-body is retried: exit 0, the new item arrives"
	[ $kind = oversized ] && name="a 20 MiB listNotifications answer is refused and retried: exit 0, the new item arrives"
	if [ "$RC" = 0 ] && [ "$N" = "$EXPECT" ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "$(sync_diag) (want $EXPECT)"
		show_log
	fi
done

ctl '{"op":"add","reason":"reply","text":"after malformed JSON (new4)"}' >/dev/null
ctl '{"op":"fault","method":"app.bsky.notification.listNotifications","kind":"malformed"}' >/dev/null
run_sync
name="malformed JSON from listNotifications: heed sync exits non-zero and names the account and the problem"
case $RC:$ERR in
[12]:*"heed sync: shop: "*[Mm]alformed*)
	tui_ok "$name" ;;
*)	tui_fail "$name" "$(sync_diag)" ;;
esac
run_sync
list_all
EXPECT=$((EXPECT + 1))
name="after the malformed page the next sync completes and brings the item"
if [ "$RC" = 0 ] && [ "$N" = "$EXPECT" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag) (want $EXPECT)"
fi

ctl '{"op":"add","reason":"reply","text":"invalid UTF-8 here (new5)"}' >/dev/null
ctl '{"op":"fault","method":"app.bsky.notification.listNotifications","kind":"bad_utf8"}' >/dev/null
run_sync
list_all
badu=$(bq '[i["remote_id"] for i in items if bad_chars(i["text"] or "")]' "$W/list.json")
EXPECT=$((EXPECT + 1))
name="invalid UTF-8 in a text costs that character, not the page: stored (exit 0), sanitized"
if [ "$RC" = 0 ] && [ "$badu" = "[]" ] && [ "$N" = "$EXPECT" ] &&
    grep -q 'UTF-8 here (new5)' "$W/list.json"; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); raw bytes kept in: $badu (want $EXPECT)"
fi

# --- 7. a small rate limit: heed paces itself -------------------------

ctl '{"op":"limits","limit":5,"window":2}' >/dev/null
log_mark
HRUN_TIMEOUT=90 run_sync --cache "$W/paced.db"
log_since
ctl '{"op":"limits"}' >/dev/null
list_all --cache "$W/paced.db"
n429=$(bq 'sum(1 for r in log if r["status"] == 429)' "$W/st.json")
nreq=$(bq 'len(log)' "$W/st.json")
name="RateLimit-Limit 5 per 2 s (Remaining runs out): heed slows down, gets no 429, completes all $nreq requests"
if [ "$RC" = 0 ] && [ "$n429" = 0 ] && [ "$N" = "$EXPECT" ] &&
    [ "$nreq" -gt 5 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag) (want $EXPECT); 429 answers: $n429"
	show_log 20
fi

# --- 8. a wrong app password ------------------------------------------

write_conf "$W/wrong.conf" "$URL" "wrong-pass-word-0000"
log_mark
run_sync --config "$W/wrong.conf" --cache "$W/wrong.db"
log_since
logins=$(bq 'len(of(SESS[0]))' "$W/st.json")
name="wrong app password: exit 2, a message naming heed login or the password, one login attempt"
case $RC:$ERR in
2:*"heed login"* | 2:*[Pp]assword*)
	if [ "$logins" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "createSession requests: $logins"
	fi ;;
*)	tui_fail "$name" "$(sync_diag); createSession requests: $logins" ;;
esac

# --- 9. HTTPS with ca_file --------------------------------------------

name="HTTPS with ca_file (a throwaway CA): the sync completes over TLS"
if [ -n "$FAKE_CA" ] && [ "${TLS_PORT:-0}" != 0 ]; then
	write_conf "$W/tls.conf" "https://127.0.0.1:$TLS_PORT" "$PW" \
	    "ca_file = $FAKE_CA"
	log_mark
	run_sync --config "$W/tls.conf" --cache "$W/tls.db"
	log_since
	list_all --cache "$W/tls.db"
	tls=$(bq 'len(log) > 3 and all(r["tls"] for r in log)' "$W/st.json")
	if [ "$RC" = 0 ] && [ "$tls" = 1 ] && [ "$N" = "$EXPECT" ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "$(sync_diag) (want $EXPECT); all over TLS: $tls"
	fi
else
	tui_fail "$name" "no certificate: tests/fake/ca/mkcert.sh failed (openssl)"
fi

# --- 10. a reply whose answer is lost ---------------------------------

# Return 0 once heed in session ui has exited.
ui_gone() {
	[ "$(t display -p -t ui '#{pane_dead}' 2>/dev/null)" = 1 ]
}
# Start the interface, open the first item and send reply text $1; 0 once
# y was pressed on the check screen.
tui_reply() {
	tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
	tui_wait ui "shop synced" || return 1
	tui_keys ui g
	tui_wait_selected_line ui 1 || return 1
	tui_keys ui Enter
	tui_wait ui "POST by" || return 1
	tui_keys ui r
	tui_wait ui "-- your reply --" || return 1
	tui_type ui "$1"
	tui_wait ui "$1" || return 1
	tui_keys ui Enter
	tui_wait ui "Check before sending" || return 1
	tui_keys ui y
}
# Return 0 when heed outbox says everything was sent.
outbox_empty() {
	OUTBOX=$(HRUN_TIMEOUT=10 hrun outbox 2>&1)
	[ "$OUTBOX" = "The outbox is empty: everything was sent." ]
}

TOKEN1=drop$$x$(date +%S)
ctl '{"op":"fault","method":"com.atproto.repo.putRecord","kind":"drop"}' >/dev/null
log_mark
if tui_reply "Thanks for asking $TOKEN1"; then
	tui_until outbox_empty
	tui_keys ui q
	tui_until ui_gone
fi
t kill-session -t ui 2>/dev/null
outbox_empty
log_since
n1=$(bq 'len(shop_posts(a[0]))' "$W/st.json" "$TOKEN1")
dropped=$(bq 'len(of(PUT)) >= 2 and of(PUT)[0]["fault"] == "drop"' "$W/st.json")
name="reply sent from the TUI, putRecord carried out but its answer dropped: exactly one reply at the fake, the outbox empty"
if [ "$n1" = 1 ] && [ "$dropped" = 1 ] &&
    [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
	tui_ok "$name"
else
	tui_fail "$name" "replies with the token: $n1; first putRecord dropped and tried again: $dropped; outbox: $OUTBOX"
	show_log 15
fi

# --- 11. kill -9 while a reply is in flight ---------------------------

# Return 0 once the fake has stored the slow putRecord.
put_stored() {
	state "repo=acmeshop.test&log_from=$LOG0" "$W/st.json"
	[ "$(bq 'any(r["fault"] == "slow" and r["status"] == 200 for r in of(PUT))' "$W/st.json")" = 1 ]
}
# While the reply waits for its answer, the status bar says so: sending,
# then no answer yet, never "online".
bar_waits() {
	tui_capture ui
	BAR=$(tui_line 38)
	case $BAR in
	*"shop sending… no answer yet ("[0-9]*"s)"*) ;;
	*) return 1 ;;
	esac
	case $BAR in
	*online*) return 1 ;;
	esac
}
TOKEN2=kill$$x$(date +%S)
ctl '{"op":"fault","method":"com.atproto.repo.putRecord","kind":"slow","seconds":30}' >/dev/null
log_mark
killed=
name="while a reply waits 30 s for its answer, the status bar says \"shop sending… no answer yet (Ns)\", not online"
if tui_reply "We will check $TOKEN2" && tui_until bar_waits; then
	tui_ok "$name"
else
	tui_fail "$name" "status bar: $BAR"
fi
if tui_until put_stored; then
	pid=$(t display -p -t ui '#{pane_pid}' 2>/dev/null)
	if [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; then
		tui_until ui_gone && killed=1
	fi
fi
t kill-session -t ui 2>/dev/null
run_sync
log_since
list_all
n2=$(bq 'len(shop_posts(a[0]))' "$W/st.json" "$TOKEN2")
name="kill -9 while putRecord is in flight (stored, answer held back), then heed sync: exactly one reply, exit 0"
if [ -n "$killed" ] && [ "$RC" = 0 ] && [ "$n2" = 1 ] && outbox_empty; then
	tui_ok "$name"
else
	tui_fail "$name" "killed: ${killed:-no}; $(sync_diag); replies with the token: $n2; outbox: $OUTBOX"
	show_log 15
fi
name="after kill -9 and heed sync, heed list shows each of the two replies once"
c1=$(bq 'sum(1 for i in items if a[0] in (i["text"] or ""))' "$W/list.json" "$TOKEN1")
c2=$(bq 'sum(1 for i in items if a[0] in (i["text"] or ""))' "$W/list.json" "$TOKEN2")
if [ "$c1" = 1 ] && [ "$c2" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "copies: $c1 and $c2; items: $N"
fi

# Later failures have no screen of their own to show (lib.sh prints it).
# shellcheck disable=SC2034
SCREEN=

# --- 12. the session kept in the keyring ------------------------------

cat >"$W/keyring-case.sh" <<'EOF'
# Run inside tests/keyring-session: log in, then sync twice.
H() {
	timeout -k 5 60 env HOME="$KR_DIR" XDG_CONFIG_HOME="$KR_DIR" \
	    XDG_DATA_HOME="$KR_DIR" XDG_STATE_HOME="$KR_DIR" \
	    "$HEED" --config "$KR_DIR/conf" --cache "$KR_DIR/cache.db" "$@"
}
fp() {
	printf '%s' "$(secret-tool lookup account kr platform bluesky \
	    kind refresh-token)" | sha256sum | cut -c1-12
}
printf '%s\n' "$KR_PW" | H login kr >"$KR_DIR/login.out" 2>&1
echo "login=$?" >"$KR_DIR/results"
echo "fp_login=$(fp)" >>"$KR_DIR/results"
H sync >>"$KR_DIR/sync.out" 2>&1
echo "sync1=$?" >>"$KR_DIR/results"
curl -sS --noproxy '*' -m 30 -d "$KR_FAULT" "$KR_URL/_control" >/dev/null
H sync >>"$KR_DIR/sync.out" 2>&1
echo "sync2=$?" >>"$KR_DIR/results"
echo "fp_end=$(fp)" >>"$KR_DIR/results"
if secret-tool lookup account kr platform bluesky kind refresh-token |
    grep -q -F -e "$KR_PW"; then
	echo "pw_kept=1" >>"$KR_DIR/results"
fi
EOF
mkdir -m 700 "$W/kr"
(umask 077 && printf '[account kr]\nplatform = bluesky\nhandle = acmeshop.test\nurl = %s\n' \
    "$URL" >"$W/kr/conf")
log_mark
KR_DIR=$W/kr KR_PW=$PW KR_URL=$URL HEED=$HEED \
    KR_FAULT='{"op":"fault","method":"app.bsky.notification.listNotifications","kind":"expire"}' \
    sh tests/keyring-session sh "$W/keyring-case.sh" >"$W/kr/session.out" 2>&1
krc=$?
log_since
name="keyring: heed login keeps a session, not the app password; each sync renews it with refreshSession and keeps the rotated token"
if [ $krc -ne 0 ] || [ ! -f "$W/kr/results" ]; then
	tui_fail "$name" "tests/keyring-session exit $krc: $(tail -n 5 "$W/kr/session.out")"
else
	login='' sync1='' sync2='' fp_login='' fp_end='' pw_kept=''
	# shellcheck disable=SC1091
	. "$W/kr/results"
	chain=$(bq '[(r["nsid"].split(".")[-1], r["status"], r["auth"].split(":")[-1], r["issued"]) for r in log if r["nsid"] in SESS]' "$W/st.json")
	# Each refreshSession presents the token the session answer before it
	# gave, and the keyring ends with the last one given.
	rotated=$(bq 'len([r for r in log if r["nsid"] in SESS]) >= 3 and of(SESS[0])[0]["issued"] == a[0] and all(s["nsid"] == SESS[1] and s["status"] == 200 and s["auth"] == "refresh:" + p["issued"] for p, s in zip([r for r in log if r["nsid"] in SESS], [r for r in log if r["nsid"] in SESS][1:])) and [r for r in log if r["nsid"] in SESS][-1]["issued"] == a[1]' \
	    "$W/st.json" "$fp_login" "$fp_end")
	if [ "$login" = 0 ] && [ "$sync1" = 0 ] && [ "$sync2" = 0 ] &&
	    [ -z "$pw_kept" ] && [ "$rotated" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "login $login, sync $sync1 and $sync2, app password kept: ${pw_kept:-0}; sessions (method, status, token, issued): $chain; keyring: $fp_login then $fp_end; $(tail -n 3 "$W/kr/sync.out")"
	fi
fi
name="keyring: an access token expiring in the middle of a sync is renewed with the kept refresh token"
renew=$(bq 'any(r["fault"] == "expire" and r["status"] == 400 and any(s["nsid"] == SESS[1] and s["status"] == 200 and s["n"] > r["n"] for s in log) for r in log)' "$W/st.json")
if [ "${sync2:-x}" = 0 ] && [ "$renew" = 1 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "sync exit ${sync2:-?}; expired then renewed: $renew"
	show_log 10
fi

# --- 13. a view of more than 200 items --------------------------------

# Newer than everything heed has seen: a sync reaches back to its mark only.
now=$(date +%s)
ctl '{"op":"seed","count":120,"posts":3,"customers":30,"mix":{"reply":1},"seed":2,"since":'$((now - 5))',"until":'"$now"'}' >/dev/null
run_sync
list_all
state "records=0&log=0" "$W/st.json"
want=$(bq 'sum(v for k, v in notes.items() if k in ("reply", "mention", "quote"))' "$W/st.json")
own=2
name="heed list --view all prints a view of more than 200 items once each, and ends"
if [ "$RC" = 0 ] && [ "$N" = $((want + own)) ]; then
	tui_ok "$name ($N)"
else
	tui_fail "$name" "$(sync_diag) (want $((want + own)): $want from notifications and the 2 replies)"
fi

# --- 14. quotes, likes taken back, handles, deleted parents -----------

# The "uri" of a control op's answer (on stdin).
uri_of() {
	python3 -c 'import json, sys; print(json.load(sys.stdin)["uri"])'
}
# The search for $1 has its result first in the queue, selected.
search_shown() {
	tui_capture ui
	printf '%s\n' "$SCREEN" | sed -n 2p | grep -qF -- "$1"
}
# The thread is open: an item's header ("name @handle · 4m ago · ..."),
# which the queue's rows do not have.
thread_shown() {
	tui_shows_re ui ' · (now|[0-9]+[a-z]+ ago) · '
}
# Start heed, find the item holding text $1 with / and open its thread.
open_thread() {
	STEP="start"
	tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
	tui_wait ui "shop synced" || return 1
	STEP="search"
	tui_keys ui /
	tui_type ui "$1"
	tui_keys ui Enter
	tui_until search_shown "$1" || return 1
	STEP="open the thread"
	tui_keys ui Enter
	tui_until thread_shown
}
# The lines of SCREEN that hold text $1, counted.
lines_with() {
	printf '%s\n' "$SCREEN" | grep -c -F -- "$1"
}
# The shop's like records of post $1 at the fake, counted.
likes_of() {
	state "repo=acmeshop.test&collection=app.bsky.feed.like&log=0" \
	    "$W/likes.json"
	bq 'sum(1 for r in records if r["value"]["subject"]["uri"] == a[0])' \
	    "$W/likes.json" "$1"
}
# The fake holds no like of the quote any more.
quote_unliked() {
	[ "$(likes_of "$QUOTE")" = 0 ]
}
# heed outbox lists no entry that takes a like back (none left, none
# failed).
no_unlike_entry() {
	! HRUN_TIMEOUT=10 hrun outbox 2>&1 | grep -q -i unlike
}
# The thread's item header no longer says liked.
unliked_shown() {
	tui_capture ui
	! printf '%s\n' "$SCREEN" | grep -q ' · liked'
}

QTOK=quote$$x
PTOK=teapot$$x
QPOST=$(ctl '{"op":"post","text":"Our new celadon teapots are here '$PTOK'"}' | uri_of)
QUOTE=$(ctl '{"op":"add","reason":"quote","author":"c009-ines.test","root":"'"$QPOST"'","text":"Quoting this beauty '$QTOK'"}' | uri_of)
# Liked in the Bluesky app before heed ever saw it.
QLIKE=$(ctl '{"op":"like","uri":"'"$QUOTE"'"}' | uri_of)
run_sync
opened=
open_thread "$QTOK" && opened=1
name="a quote's thread shows the quoted post's author and words, and the quote once"
tui_capture ui
if [ -n "$opened" ] &&
    tui_shows ui "[quotes Acme Shop @acmeshop.test: \"Our new celadon teapots are here $PTOK\"]" &&
    [ "$(lines_with "$QTOK")" = 1 ] && tui_hides ui "POST by"; then
	tui_ok "$name"
else
	tui_fail "$name" "sync: $(sync_diag); step: ${STEP:-?}; lines with the quote's text: $(lines_with "$QTOK")"
fi
name="a Bluesky handle shows with one @ in the thread (never @@)"
if [ -n "$opened" ] && tui_shows ui "Ingrid Ångström @c009-ines.test · " &&
    tui_hides ui "@@"; then
	tui_ok "$name"
else
	tui_fail "$name" "step: ${STEP:-?}"
fi

name="l on a post liked in the Bluesky app takes the like back: its record is deleted, no FAILED entry, the thread no longer says liked"
before=$(likes_of "$QUOTE")
unliked=
if [ -n "$opened" ] && tui_shows ui " · liked" && [ "$before" = 1 ]; then
	log_mark
	tui_keys ui l
	tui_until quote_unliked && tui_until unliked_shown &&
	    tui_until no_unlike_entry && unliked=1
fi
after=$(likes_of "$QUOTE")
if [ -n "$unliked" ] && [ "$after" = 0 ]; then
	tui_ok "$name"
else
	tui_fail "$name" "like records before: $before, after: $after; outbox: $(HRUN_TIMEOUT=10 hrun outbox 2>&1 | head -n 5)"
	show_log 8
fi
# The thread says liked.
liked_shown() {
	tui_capture ui
	printf '%s\n' "$SCREEN" | grep -q ' · liked'
}
# The fake holds one like of the quote, the shop's.
quote_liked() {
	[ "$(likes_of "$QUOTE")" = 1 ]
}
name="l likes a post, and l again takes heed's own like back: one like record, then none, no FAILED entry"
relike=
if [ -n "$unliked" ]; then
	tui_keys ui l
	if tui_until quote_liked && tui_until liked_shown; then
		tui_keys ui l
		tui_until quote_unliked && tui_until unliked_shown &&
		    tui_until no_unlike_entry && relike=1
	fi
fi
if [ -n "$relike" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "like records now: $(likes_of "$QUOTE"); outbox: $(HRUN_TIMEOUT=10 hrun outbox 2>&1 | head -n 5)"
fi
tui_keys ui q
tui_keys ui q
tui_until ui_gone
t kill-session -t ui 2>/dev/null

# A customer's comment, a reply to it by another, then the comment
# deleted before heed ever saw it: the reply arrives alone.
GTOK=gone$$x
RTOK=orphan$$x
GONE=$(ctl '{"op":"add","reason":"reply","author":"c010-raj.test","text":"Does it come in blue? '$GTOK'"}' | uri_of)
ctl '{"op":"add","reason":"reply","author":"c011-mei.test","parent":"'"$GONE"'","text":"I asked them too '$RTOK'"}' >/dev/null
ctl '{"op":"delete","uri":"'"$GONE"'"}' >/dev/null
run_sync
# (The label needs the reply to point at a parent that heed does not
# hold: a reply that lost its parent would hang on the post, unlabelled.)
name="a reply whose parent was deleted before heed saw it: its thread says it answers a deleted comment"
if open_thread "$RTOK" && tui_shows ui "[answers a deleted comment]" &&
    tui_shows ui "I asked them too $RTOK" && tui_hides ui "$GTOK"; then
	tui_ok "$name"
else
	tui_fail "$name" "sync: $(sync_diag); step: ${STEP:-?}"
fi
tui_keys ui q
tui_keys ui q
tui_until ui_gone
t kill-session -t ui 2>/dev/null

# --- 15. comments deleted on Bluesky ----------------------------------

# Every sync asks about the comments that wait (recheck_interval = 0).
write_conf "$W/recheck.conf" "$URL" "$PW" "recheck_interval = 0"
# The status and deletion of the item holding text $1 in $W/list.json,
# as "status deleted", e.g. "new False".
item_state() {
	bq '" ".join("%s %s" % (i["status"], i["deleted"]) for i in items if a[0] in (i["text"] or ""))' \
	    "$W/list.json" "$1"
}
DTOK=deleted$$x
BTOK=blocked$$x
TTOK=blockedby$$x
ATOK=away$$x
KTOK=kept$$x
DEL=$(ctl '{"op":"add","reason":"reply","author":"c013-yuki.test","text":"Please cancel my order '$DTOK'"}' | uri_of)
ctl '{"op":"add","reason":"reply","author":"c014-anna.test","text":"Where is my parcel '$BTOK'"}' >/dev/null
ctl '{"op":"add","reason":"reply","author":"c017-sven.test","text":"Still waiting '$TTOK'"}' >/dev/null
ctl '{"op":"add","reason":"reply","author":"c015-omar.test","text":"Any news '$ATOK'"}' >/dev/null
ctl '{"op":"add","reason":"reply","author":"c016-li.test","text":"Love the colours '$KTOK'"}' >/dev/null
run_sync --config "$W/recheck.conf"
list_all
before="$(item_state "$DTOK") $(item_state "$BTOK") $(item_state "$TTOK") $(item_state "$ATOK") $(item_state "$KTOK")"
# The customer deletes one; the shop blocks one author, another blocks
# the shop, a third deactivates their account.
ctl '{"op":"delete","uri":"'"$DEL"'"}' >/dev/null
ctl '{"op":"block","who":"c014-anna.test"}' >/dev/null
ctl '{"op":"block","who":"c017-sven.test","by":"them"}' >/dev/null
ctl '{"op":"status","who":"c015-omar.test","status":"deactivated"}' >/dev/null
log_mark
run_sync --config "$W/recheck.conf"
log_since
list_all
asked=$(bq '" ".join(sorted(set(r["nsid"].split(".")[-1] for r in log if r["nsid"] in ("app.bsky.feed.getPosts", "app.bsky.actor.getProfiles", "com.atproto.repo.getRecord"))))' "$W/st.json")
name="a comment its author deleted on Bluesky leaves the inbox at the next sync (marked deleted)"
if [ "$RC" = 0 ] && [ "$(item_state "$DTOK")" = "done True" ] &&
    [ "$(item_state "$KTOK")" = "new False" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "$(sync_diag); before: $before; now: $(item_state "$DTOK"), kept: $(item_state "$KTOK"); asked: $asked"
	show_log 12
fi
name="comments of an author the shop blocked, who blocked the shop, or who deactivated their account stay in the inbox, not deleted"
if [ "$(item_state "$BTOK")" = "new False" ] &&
    [ "$(item_state "$TTOK")" = "new False" ] &&
    [ "$(item_state "$ATOK")" = "new False" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "blocked: $(item_state "$BTOK"), blocked by: $(item_state "$TTOK"), deactivated: $(item_state "$ATOK"); asked: $asked"
fi
ctl '{"op":"unblock","who":"c014-anna.test"}' >/dev/null
ctl '{"op":"unblock","who":"c017-sven.test","by":"them"}' >/dev/null
ctl '{"op":"status","who":"c015-omar.test","status":"active"}' >/dev/null

# A comment deleted after heed read it, while the shop answers it: the
# reply is not sent, and heed says why.
GTOK2=goneafter$$x
ANS=answer$$x
GONE2=$(ctl '{"op":"add","reason":"reply","author":"c018-maria.test","text":"Do you have it in green '$GTOK2'"}' | uri_of)
run_sync
ctl '{"op":"delete","uri":"'"$GONE2"'"}' >/dev/null
# The outbox says the reply was not sent because its comment is gone.
refused() {
	OUTBOX=$(HRUN_TIMEOUT=10 hrun outbox 2>&1)
	case $OUTBOX in
	*"the comment it answers was deleted"*) return 0 ;;
	esac
	return 1
}
log_mark
sent=
if open_thread "$GTOK2"; then
	tui_keys ui r
	if tui_wait ui "-- your reply --"; then
		tui_type ui "Yes, in green too $ANS"
		tui_wait ui "$ANS" && tui_keys ui Enter &&
		    tui_wait ui "Check before sending" && tui_keys ui y &&
		    tui_until refused && sent=1
	fi
fi
tui_keys ui Escape
tui_keys ui q
tui_keys ui q
t kill-session -t ui 2>/dev/null
log_since
list_all
posted=$(bq 'len(shop_posts(a[0]))' "$W/st.json" "$ANS")
puts=$(bq 'len(of(PUT))' "$W/st.json")
name="a reply to a comment deleted since heed read it is refused with a clear message, nothing posted, the comment marked deleted"
if [ -n "$sent" ] && [ "$posted" = 0 ] && [ "$puts" = 0 ] &&
    [ "$(item_state "$GTOK2")" = "done True" ]; then
	tui_ok "$name"
else
	tui_fail "$name" "step: ${STEP:-?}; replies at the fake: $posted, putRecord requests: $puts; the comment: $(item_state "$GTOK2"); outbox: $OUTBOX"
	show_log 10
fi
