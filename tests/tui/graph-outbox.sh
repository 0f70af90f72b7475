#!/bin/sh
# tests/tui/graph-outbox.sh -- heed's Graph outbox never posts a reply twice
# and never calls sent what was not, against the fake Graph API of
# tests/fake/graph.py: the same words queued to two Facebook comments, the
# second refused once; a reply whose answer is lost and whose check is
# refused for an expired login; a lost reply while comments come without
# ids (no Moderate task); a feed or media list with an empty page that
# still names a next; and a post the Instagram account is only tagged in.
#
# Each scenario has a fake and a cache of its own. Replies are queued in
# the TUI (tmux, the helpers of lib.sh) under a config whose
# credential_command fails, so nothing goes out from there; every send is
# done by headless heed sync runs under the working config. The fake's
# state and request log (GET /_state), heed outbox, and heed's outbox table
# (read only, for the state and remote id of sent entries, which heed
# outbox does not list) witness what heed did; one check writes a row there
# as an older heed would have. Each check prints "ok NAME" or "not ok NAME"
# with "# " lines saying why; a scenario whose fake cannot be set up says
# "not ok" once and is skipped.

. tests/tui/lib.sh

TOKEN=EAAPAGE-acme-0001
W=$TUI_DIR/graph
mkdir -m 700 "$W"
no_proxy=127.0.0.1,localhost
NO_PROXY=$no_proxy
export no_proxy NO_PROXY
FAKE_PID=
MARK=m$$

# Stop the current fake, if any: close its standard input, then end it.
fake_stop() {
	exec 8>&- 2>/dev/null
	if [ -n "$FAKE_PID" ]; then
		kill "$FAKE_PID" 2>/dev/null
		wait "$FAKE_PID" 2>/dev/null
	fi
	FAKE_PID=
}
graph_cleanup() {
	fake_stop
	tui_cleanup
}
trap graph_cleanup EXIT
trap 'graph_cleanup; exit 1' INT TERM HUP

gq() {
	PYTHONUTF8=1 python3 tests/fake/graphq.py "$@"
}

# ob.py DB q EXPR [ARG...]: EXPR over heed's outbox (ob: its rows as dicts,
# state 0 queued, 2 sent, 3 failed), the database opened read-only.
# ob.py DB older ITEM_REMOTE_ID TEXT: queue a reply to that item as an
# older heed could have (one that let any item be answered).
cat >"$W/ob.py" <<'EOF'
import json, sqlite3, sys, time
db, mode = sys.argv[1], sys.argv[2]
if mode == 'older':
    con = sqlite3.connect(db, timeout=10)
    item, acc = con.execute('SELECT id, account_id FROM items WHERE '
                            'remote_id = ?', (sys.argv[3],)).fetchone()
    now = int(time.time())
    con.execute('INSERT INTO outbox (account_id, item_id, kind, state, '
                'target_remote_id, body, idem_key, attempts, created, '
                'next_attempt, updated) VALUES (?, ?, 0, 0, ?, ?, ?, 0, ?, '
                '?, ?)', (acc, item, sys.argv[3], sys.argv[4],
                          'older-%d' % now, now, now, now))
    con.commit()
    sys.exit(0)
con = sqlite3.connect('file:%s?mode=ro' % db, uri=True, timeout=10)
con.row_factory = sqlite3.Row
ob = [dict(r) for r in con.execute('SELECT * FROM outbox ORDER BY id')]
now = int(time.time())
a = sys.argv[4:]
v = eval(sys.argv[3])
if isinstance(v, bool):
    v = int(v)
print(v if not isinstance(v, (list, dict)) else json.dumps(v))
EOF
ob() {
	PYTHONUTF8=1 python3 "$W/ob.py" "$DB" "$@"
}

# Start a fake of its own for scenario $1, with the accounts $2 (fb: the
# Page shop; ig: the Instagram account insta; both: shop and shop-insta,
# which uses shop's login). Sets S (the scenario's directory), URL, DB and
# the configs $S/on.conf and $S/off.conf (whose credential_command fails).
# 1 if the fake does not start.
fake_start() {
	fake_stop
	SCN=$1
	S=$W/$1
	DB=$S/cache.db
	LOG0=0
	mkdir "$S"
	mkfifo "$S/fake.in"
	python3 tests/fake/graph.py <"$S/fake.in" >"$S/fake.out" \
	    2>"$S/fake.err" &
	FAKE_PID=$!
	exec 8>"$S/fake.in"
	_end=$(($(date +%s) + 10))
	while ! grep -q '^http=' "$S/fake.out" 2>/dev/null; do
		if [ "$(date +%s)" -ge "$_end" ] ||
		    ! kill -0 "$FAKE_PID" 2>/dev/null; then
			echo "not ok $1: the fake Graph API (tests/fake/graph.py) starts"
			sed 's/^/# /' "$S/fake.err"
			return 1
		fi
		sleep 0.05
	done
	URL=http://127.0.0.1:$(sed -n 's/^http=\([0-9]*\) .*/\1/p' "$S/fake.out")
	(umask 077 && {
		case $2 in
		fb | both)
			printf '[account shop]\nplatform = facebook\n'
			printf 'url = %s\n' "$URL"
			printf "credential_command = printf '%%s\\\\n' %s\n\n" \
			    "$TOKEN"
			;;
		esac
		case $2 in
		both)
			printf '[account shop-insta]\nplatform = instagram\n'
			printf 'url = %s\nfacebook_account = shop\n' "$URL"
			;;
		ig)
			printf '[account insta]\nplatform = instagram\n'
			printf 'url = %s\n' "$URL"
			printf "credential_command = printf '%%s\\\\n' %s\n" \
			    "$TOKEN"
			;;
		esac
	} >"$S/on.conf"
	sed 's/^credential_command = .*/credential_command = false/' \
	    "$S/on.conf" >"$S/off.conf")
}

ctl() {
	curl -sS --noproxy '*' -m 30 -H 'Content-Type: application/json' \
	    -d "$1" "$URL/_control"
}
state() {
	curl -sS --noproxy '*' -m 30 -o "$2" "$URL/_state?$1"
}
# The id the fake's answer $1 gives.
id_of() {
	printf '%s' "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

hrun() {
	timeout -k 5 "${HRUN_TIMEOUT:-60}" env -u NO_COLOR \
	    HOME="$TUI_DIR/home" XDG_CONFIG_HOME="$TUI_DIR/config" \
	    XDG_DATA_HOME="$TUI_DIR/data" XDG_STATE_HOME="$TUI_DIR/state" \
	    XDG_CACHE_HOME="$TUI_DIR/cache" TMPDIR="$TUI_DIR/tmp" \
	    LANG="$TUI_LOCALE" LC_ALL="$TUI_LOCALE" "$HEED" \
	    --config "$S/on.conf" --cache "$DB" "$@" </dev/null
}
run_sync() {
	OUT=$(hrun sync 2>"$S/err")
	RC=$?
	ERR=$(cat "$S/err")
}
outbox() {
	OUTBOX=$(HRUN_TIMEOUT=10 hrun outbox 2>&1)
}
list_all() {
	HRUN_TIMEOUT=20 hrun list --view all --json >"$S/list.json" \
	    2>"$S/list.err"
}
log_mark() {
	state "log=0" "$S/mark.json"
	LOG0=$(gq 'st["log_next"]' "$S/mark.json")
}
log_since() {
	state "log_from=$LOG0" "$S/st.json"
}
show_log() {
	state "log_from=${LOG0:-0}" "$S/diag.json"
	gq '"\n".join("%d %s %s %s %s" % (r["n"], r["method"], r["path"], r["status"], r["fault"] or "-") for r in log[-int(a[0]):])' \
	    "$S/diag.json" "${1:-12}" | sed 's/^/# log: /'
}
sync_diag() {
	printf 'exit %s\nstdout: %s\nstderr: %s' "$RC" "$OUT" "$ERR"
}
outbox_diag() {
	ob q '"\n".join("entry %d: state %d, to %s, remote id %s, tries %d: %s" % (e["id"], e["state"], e["target_remote_id"], e["remote_id"], e["attempts"], e["last_error"]) for e in ob)' |
	    sed 's/^/# /'
}
# The reads of the lists whose paths end in $1, with their paging.
pages_diag() {
	gq '"\n".join("%s %s %s %s" % (r["method"], r["path"], r["status"], " ".join(k for k in ("until", "__paging_token", "after") if k in r["query"])) for r in log if r["path"].endswith(a[0]))' \
	    "$S/st.json" "$1" | sed 's/^/# read: /'
}
# Seed the fake with what a scenario needs: $1 posts, $2 media, $3 tags,
# and nothing else.
seed() {
	_r=$(ctl '{"op":"seed","posts":'"$1"',"media":'"$2"',"tags":'"$3"',"comments":0,"visitor_posts":0,"ig_comments":0,"hostile":false}')
	case $_r in
	*'"ok":true'* | *'"ok": true'*) return 0 ;;
	esac
	echo "not ok $SCN: seeding the fake"
	echo "# $_r"
	return 1
}

# Every queued entry is due: heed sync would send it now.
outbox_due() {
	[ "$(ob q 'sum(1 for e in ob if e["state"] == 0 and e["next_attempt"] > now)')" = 0 ]
}
# Wait (up to 10 s: the first retry waits 2 to 4 s) until it is.
wait_due() {
	TUI_WAIT=10 tui_until outbox_due
}

# --- the TUI ------------------------------------------------------------

# The search for $1 has its result first in the queue, selected.
search_shown() {
	tui_capture ui
	printf '%s\n' "$SCREEN" | sed -n 2p | grep -qF -- "$1"
}
# The thread is open: the header of an item in it ("name · 4m ago · Sat
# 05 Dec 16:29"), which the queue's rows do not have.
thread_shown() {
	tui_shows_re ui ' · (now|[0-9]+[a-z]+ ago) · '
}
ui_gone() {
	[ "$(t display -p -t ui '#{pane_dead}' 2>/dev/null)" = 1 ]
}
# Quit heed in the session ui (q until it ends) and remove the session.
tui_quit() {
	_n=0
	while [ $_n -lt 3 ] && ! ui_gone; do
		tui_keys ui q
		TUI_WAIT=3 tui_until ui_gone
		_n=$((_n + 1))
	done
	t kill-session -t ui 2>/dev/null
}
# Start heed with config $1 and wait for its status line to show $2; find
# the text $3 with / and open its thread.
tui_open() {
	STEP="start"
	tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED' --config '$1' --cache '$DB'"
	tui_wait ui "$2" || return 1
	STEP="search"
	tui_keys ui /
	tui_type ui "$3"
	tui_keys ui Enter
	tui_until search_shown "$3" || return 1
	STEP="open the thread"
	tui_keys ui Enter
	tui_until thread_shown
}
# Queue the reply $2 to the comment found by $1 in the TUI, offline (the
# login fails there), until the status line counts $3 in the outbox.
tui_queue() {
	tui_open "$S/off.conf" "NO CREDENTIAL" "$1" || return 1
	STEP="r"
	tui_keys ui r
	tui_wait ui "-- your reply --" || return 1
	STEP="type"
	tui_type ui "$2"
	tui_wait ui "$2" || return 1
	STEP="check"
	tui_keys ui Enter
	tui_wait ui "Check before sending" || return 1
	STEP="queue"
	tui_keys ui y
	tui_wait ui "outbox $3 |"
}
# Queue the reply $2 to each comment found by the searches that follow.
queue_replies() {
	_text=$1
	shift
	_k=0
	for _find; do
		_k=$((_k + 1))
		tui_queue "$_find" "$_text" $_k || {
			tui_capture ui
			QUEUE_FAIL="queueing the reply to $_find in the TUI stopped at: $STEP"
			tui_quit
			return 1
		}
		tui_quit
	done
	SCREEN=
	return 0
}

# The TUI says $msg, or opens the composer.
said_or_composer() {
	tui_shows ui "$msg" || tui_shows ui "-- your reply --"
}

# --- 1. the same words to two comments ----------------------------------

s1() {
	fake_start same-words fb || return
	seed 1 0 0 || return
	A=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Do you ship to Norway? '$MARK'a"}')")
	B=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Can I pay by invoice? '$MARK'b"}')")
	run_sync
	THANKS="Thanks so much!"
	name="the same words queued as replies to two Facebook comments, the second's first POST refused once (503, error 2) and not carried out: after syncs, exactly one reply under each comment at the fake"
	name2="both outbox entries sent, each with the id of the reply under its own comment"
	if ! queue_replies "$THANKS" "${MARK}a" "${MARK}b" ||
	    [ "$(ob q 'json.dumps([e["target_remote_id"] for e in ob if e["state"] == 0])')" != "[\"$A\", \"$B\"]" ]; then
		tui_fail "$name" "${QUEUE_FAIL:-the outbox does not hold the two replies, to $A and $B}"
		outbox_diag
		tui_fail "$name2" "not tried: the replies could not be queued"
		return
	fi
	ctl '{"op":"fault","path":"^/'"$B"'/comments$","method":"POST","kind":"graph_error","code":2,"status":503,"count":1}' >/dev/null
	log_mark
	run_sync
	_n=0
	while [ $_n -lt 3 ] && [ "$(ob q 'sum(1 for e in ob if e["state"] == 0)')" != 0 ]; do
		wait_due
		run_sync
		_n=$((_n + 1))
	done
	log_since
	faulted=$(gq 'len([r for r in reqs("POST", "/comments") if r["fault"] == "graph_error"])' "$S/st.json")
	underA=$(gq 'len([c for c in by_page(a[0]) if c["parent"] == a[1]])' "$S/st.json" "$THANKS" "$A")
	underB=$(gq 'len([c for c in by_page(a[0]) if c["parent"] == a[1]])' "$S/st.json" "$THANKS" "$B")
	all=$(gq 'len(by_page(a[0]))' "$S/st.json" "$THANKS")
	if [ "$faulted" = 1 ] && [ "$underA" = 1 ] && [ "$underB" = 1 ] &&
	    [ "$all" = 2 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "POSTs refused by the fault: $faulted; replies under A: $underA, under B: $underB, in all: $all
$(sync_diag)"
		show_log 15
	fi
	# Each sent entry names the reply the fake holds under its target.
	mism=$(ob q 'json.dumps([[e["target_remote_id"], e["remote_id"]] for e in ob if e["state"] != 2])')
	want=$(gq 'json.dumps(sorted([c["parent"], c["id"]] for c in by_page(a[0])))' "$S/st.json" "$THANKS")
	got=$(ob q 'json.dumps(sorted([e["target_remote_id"], e["remote_id"]] for e in ob))')
	distinct=$(ob q 'len(set(e["remote_id"] for e in ob if e["remote_id"]))')
	if [ "$mism" = "[]" ] && [ "$distinct" = 2 ] && [ "$got" = "$want" ]; then
		tui_ok "$name2"
	else
		tui_fail "$name2" "(target, remote id) of the entries: $got; of the replies at the fake: $want"
		outbox_diag
	fi
}

# --- 2. a lost reply, its check refused for an expired login ------------

s2() {
	fake_start expired-check fb || return
	seed 1 0 0 || return
	ctl '{"op":"config","duplicate_check":false}' >/dev/null
	C=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"When do you open on Saturday? '$MARK'c"}')")
	run_sync
	state "log=0" "$S/p.json"
	POST=$(gq 'next(c["post"] for c in comments if c["id"] == a[0])' "$S/p.json" "$C")
	REPLY="We open at ten on Saturdays ${MARK}r2"
	name="a Facebook reply whose answer is lost, its check then refused once with 190/460: once the login is good again, another sync leaves exactly one reply at the fake, the outbox empty"
	name2="the refused check is said plainly: the account, the Graph error 190/460 and run: heed login shop"
	if ! queue_replies "$REPLY" "${MARK}c"; then
		tui_fail "$name" "$QUEUE_FAIL"
		tui_fail "$name2" "not tried: the reply could not be queued"
		return
	fi
	ctl '{"op":"fault","path":"^/'"$C"'/comments$","method":"POST","kind":"drop"}' >/dev/null
	log_mark
	run_sync
	wait_due
	# Due now: the check is the first read of the post's comments.
	ctl '{"op":"fault","path":"^/'"$POST"'/comments$","method":"GET","kind":"graph_error","code":190,"subcode":460,"count":1}' >/dev/null
	run_sync
	RC190=$RC ERR190=$ERR
	# The login is good again (the fake never expired the token).
	ctl '{"op":"clear_faults"}' >/dev/null
	run_sync
	outbox
	log_since
	dropped=$(gq 'len([r for r in reqs("POST", "/comments") if r["fault"] == "drop"])' "$S/st.json")
	refused=$(gq 'len([r for r in reqs("GET", "/comments") if r["error"] == 190])' "$S/st.json")
	n=$(gq 'len(by_page(a[0]))' "$S/st.json" "$REPLY")
	if [ "$dropped" = 1 ] && [ "$refused" = 1 ] && [ "$n" = 1 ] &&
	    [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "POSTs dropped: $dropped; checks refused with 190: $refused; replies at the fake: $n; outbox: $OUTBOX
$(sync_diag)"
		outbox_diag
		show_log 20
	fi
	if [ "$refused" = 1 ] && [ "$RC190" != 0 ] &&
	    printf '%s\n' "$ERR190" | grep -q 'shop: .*(error 190/460); .*run: heed login shop$'; then
		tui_ok "$name2"
	else
		tui_fail "$name2" "checks refused with 190: $refused; exit $RC190; stderr: $ERR190"
	fi
}

# --- 3. a lost reply while comments come without ids --------------------

s3() {
	fake_start no-ids fb || return
	seed 1 0 0 || return
	C=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Is the blue one still in stock? '$MARK'd"}')")
	run_sync
	REPLY="Yes, two left ${MARK}r3"
	name="comments listed without ids (no Moderate task), a Facebook reply's answer lost: after three syncs exactly one reply at the fake"
	name2="comments listed without ids, a reply's answer lost: heed outbox shows it not sent, saying heed cannot tell whether it went through for want of the Moderate task"
	if ! queue_replies "$REPLY" "${MARK}d"; then
		tui_fail "$name" "$QUEUE_FAIL"
		tui_fail "$name2" "not tried: the reply could not be queued"
		return
	fi
	ctl '{"op":"moderate","value":false}' >/dev/null
	ctl '{"op":"config","duplicate_check":false}' >/dev/null
	ctl '{"op":"fault","path":"^/'"$C"'/comments$","method":"POST","kind":"drop"}' >/dev/null
	log_mark
	run_sync
	wait_due
	run_sync
	wait_due
	run_sync
	outbox
	log_since
	dropped=$(gq 'len([r for r in reqs("POST", "/comments") if r["fault"] == "drop"])' "$S/st.json")
	n=$(gq 'len(by_page(a[0]))' "$S/st.json" "$REPLY")
	if [ "$dropped" = 1 ] && [ "$n" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "POSTs dropped: $dropped; replies at the fake: $n
$(sync_diag)"
		outbox_diag
		show_log 20
	fi
	sent=$(ob q 'sum(1 for e in ob if e["state"] == 2)')
	if [ "$sent" = 0 ] && printf '%s\n' "$OUTBOX" | grep -q "^[a-z]* *reply .*$REPLY" &&
	    printf '%s\n' "$OUTBOX" | grep -q "Moderate task" &&
	    printf '%s\n' "$OUTBOX" | grep -q "cannot tell whether"; then
		tui_ok "$name2"
	else
		tui_fail "$name2" "entries sent: $sent; heed outbox: $OUTBOX"
		outbox_diag
	fi
}

# --- 4. an empty page that still names a next ----------------------------

s4() {
	fake_start empty-pages both || return
	# 30 posts (heed reads 25 a page) and 51 media (50 a page).
	seed 30 51 0 || return
	ctl '{"op":"config","empty_pages":true,"empty_feed_pages":true}' >/dev/null
	state "log=0" "$S/p.json"
	OLDPOST=$(gq 'min((p for p in posts if not p["visitor"]), key=lambda p: p["created_time"])["id"]' "$S/p.json")
	OLDMEDIA=$(gq 'min(st["media"], key=lambda m: m["timestamp"])["id"]' "$S/p.json")
	ctl '{"op":"add","platform":"facebook","on":"'$OLDPOST'","text":"Does this come in red? '$MARK'e"}' >/dev/null
	ctl '{"op":"add","platform":"instagram","on":"'$OLDMEDIA'","text":"Still available? '$MARK'f"}' >/dev/null
	log_mark
	run_sync
	list_all
	log_since
	feeds=$(gq 'len(reqs("GET", "/feed"))' "$S/st.json")
	medias=$(gq 'len(reqs("GET", "/media"))' "$S/st.json")
	fb=$(gq 'sum(1 for i in items if a[0] in (i["text"] or ""))' "$S/list.json" "${MARK}e")
	ig=$(gq 'sum(1 for i in items if a[0] in (i["text"] or ""))' "$S/list.json" "${MARK}f")
	name="a Facebook feed page that is empty but names a next: heed reads on and syncs a comment on a post beyond it"
	if [ "$RC" = 0 ] && [ "$feeds" -ge 3 ] && [ "$fb" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "feed pages read: $feeds; the comment in heed list: $fb
$(sync_diag)"
		pages_diag /feed
	fi
	name="an Instagram media page that is empty but names a next: heed reads on and syncs a comment on a media beyond it"
	if [ "$RC" = 0 ] && [ "$medias" -ge 3 ] && [ "$ig" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "media pages read: $medias; the comment in heed list: $ig
$(sync_diag)"
		pages_diag /media
	fi
}

# --- 5. a post the Instagram account is tagged in ----------------------

s5() {
	fake_start tagged ig || return
	seed 0 1 1 || return
	run_sync
	state "log=0" "$S/p.json"
	TAG=$(gq 'tags[0]["id"]' "$S/p.json")
	log_mark
	name="r on an Instagram post the account is only tagged in says Instagram lets heed answer comments only, opens no composer, and nothing is posted"
	msg="Instagram lets heed answer comments only, not a post you are tagged in"
	said=
	if tui_open "$S/on.conf" "synced" "jacket"; then
		STEP="r"
		tui_keys ui r
		tui_until said_or_composer
		tui_shows ui "$msg" && ! tui_shows ui "-- your reply --" &&
		    said=1
		tui_keys ui Escape
	fi
	tui_quit
	run_sync
	outbox
	log_since
	posts=$(gq 'len([r for r in log if r["method"] == "POST"])' "$S/st.json")
	if [ -n "$said" ] && [ "$posts" = 0 ] &&
	    [ "$OUTBOX" = "The outbox is empty: everything was sent." ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "last step: $STEP; POSTs: $posts; outbox: $OUTBOX"
		show_log 8
	fi
	SCREEN=
	# A reply to it queued by an older heed, which let r answer any item.
	name="a reply to a post the account is tagged in, queued by an older heed: heed sync refuses it with a message naming the tag, and posts nothing"
	log_mark
	if ! ob older "$TAG" "Thank you for wearing it ${MARK}r5" 2>"$S/older.err"; then
		tui_fail "$name" "queueing it in the cache failed: $(cat "$S/older.err")"
		return
	fi
	run_sync
	outbox
	log_since
	posts=$(gq 'len([r for r in log if r["method"] == "POST"])' "$S/st.json")
	if [ "$posts" = 0 ] && printf '%s\n' "$OUTBOX" | grep -q '^failed *reply' &&
	    printf '%s\n' "$OUTBOX" | grep -q 'tagged'; then
		tui_ok "$name"
	else
		tui_fail "$name" "POSTs: $posts; heed outbox: $OUTBOX
$(sync_diag)"
		show_log 8
	fi
}

s1
s2
s3
s4
s5
fake_stop
