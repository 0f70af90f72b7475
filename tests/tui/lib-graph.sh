# tests/tui/lib-graph.sh -- what the tests against the fake Graph API
# (tests/fake/graph.py) share: a fake of its own per scenario with its
# configs and cache, its control and state, headless heed runs, a look at
# heed's outbox table, and queueing replies in the TUI. Sourced after
# tests/tui/lib.sh, by graph-outbox.sh and graph-trust.sh.

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
# state 0 queued, 1 sending, 2 sent, 3 failed, 4 checking), the database
# opened read-only.
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
	# Replies leave at once here: these scenarios are about sending
	# (send-delay.sh is about the delay).
	(umask 077 && {
		printf 'send_delay = 0\n\n'
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

# Every queued or checking entry is due: heed sync would take it now.
outbox_due() {
	[ "$(ob q 'sum(1 for e in ob if e["state"] in (0, 4) and e["next_attempt"] > now)')" = 0 ]
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
	# A second comment of the same customer's conversation: heed asks
	# whether to answer again, since the first reply answers it too.
	tui_answer_again ui || return 1
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

# Add the line $1 to the scenario's configs, ahead of every section (a
# global option).
conf_global() {
	for _c in "$S/on.conf" "$S/off.conf"; do
		{ printf '%s\n' "$1"; cat "$_c"; } >"$_c.new" && mv "$_c.new" "$_c"
	done
}
