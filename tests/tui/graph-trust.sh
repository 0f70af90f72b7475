#!/bin/sh
# tests/tui/graph-trust.sh -- heed against the fake Graph API of
# tests/fake/graph.py where the platform misbehaves the way a real one
# sometimes does, checking that no customer leaves the inbox unseen, no
# reply goes out twice, and nothing is called fine that is not:
#
#  1. a full re-read (recheck_interval = 0) of a post with 150 comments
#     whose second page is empty and names itself as the next: nothing is
#     marked deleted, the run says the thread was cut short, the next sync
#     reads it whole, and a comment really deleted still leaves;
#  2. two heed processes on one cache: one sends a reply the platform takes
#     20 s to answer, the other syncs meanwhile and does not send it;
#  3. a platform that carries a reply out after heed's timeout: heed looks
#     for it patiently and finds it, once; one that never carries it out:
#     sent again once, after the last look;
#  4. heed sync killed (-9) while the platform holds its reply: the next
#     run looks for it before anything else, and it is there once;
#  5. a thread whose page comes back cut in half or far too big: the run
#     says so (exit 1), and the next run reads the thread again.
#
# Replies are queued in the TUI (lib-graph.sh); the sends are headless heed
# sync runs. Each check prints "ok NAME" or "not ok NAME" with "# " lines.

. tests/tui/lib.sh
. tests/tui/lib-graph.sh

HLOG=$TUI_DIR/state/heed/log

# The inbox as heed list --json sees it: how many customer items of the
# text mark $1 are there, and how many of them deleted or done.
count_items() {
	list_all
	gq 'sum(1 for i in items if a[0] in (i["text"] or "") and not i["own"])' \
	    "$S/list.json" "$1"
}
count_deleted() {
	gq 'sum(1 for i in items if a[0] in (i["text"] or "") and not i["own"] and (i["deleted"] or i["status"] == "done"))' \
	    "$S/list.json" "$1"
}
# The Page's replies at the fake with the text $1 (from a fresh state).
replies_at_fake() {
	state "log=0" "$S/now.json"
	gq 'len(by_page(a[0]))' "$S/now.json" "$1"
}

# --- 1. a full re-read with a page that repeats its cursor --------------

t1() {
	fake_start sweep fb || return
	conf_global "recheck_interval = 0"
	_r=$(ctl '{"op":"seed","posts":1,"media":0,"tags":0,"comments":150,"replies":0,"page_replies":0,"visitor_posts":0,"ig_comments":0,"hostile":false}')
	state "log=0" "$S/p.json"
	POST=$(gq '[p for p in posts if not p["visitor"]][0]["id"]' "$S/p.json")
	run_sync
	n0=$(count_items "(n")
	d0=$(count_deleted "(n")
	name="a post with 150 comments, read whole at the first sync: all 150 wait in the inbox"
	if [ "$RC" = 0 ] && [ "$n0" = 150 ] && [ "$d0" = 0 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "items: $n0, deleted or done: $d0
$(sync_diag)"
	fi
	# The re-read's second page comes back empty, naming itself as next.
	ctl '{"op":"fault","path":"^/'"$POST"'/comments$","method":"GET","kind":"empty_same","after":1}' >/dev/null
	log_mark
	run_sync
	log_since
	faulted=$(gq 'len([r for r in log if r["fault"] == "empty_same"])' "$S/st.json")
	n1=$(count_items "(n")
	d1=$(count_deleted "(n")
	name="recheck_interval = 0, the re-read's second page empty with the same after cursor: no comment is marked deleted or done"
	if [ "$faulted" = 1 ] && [ "$n1" = 150 ] && [ "$d1" = 0 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "faulted pages: $faulted; items: $n1, deleted or done: $d1
$(sync_diag)"
		pages_diag /comments
	fi
	name="that run is not called synced: heed sync exits 1 and says a thread could not be read and that the next sync reads it again; the log says why nothing was marked deleted"
	if [ "$RC" = 1 ] && ! printf '%s\n' "$OUT" | grep -q 'shop: synced$' &&
	    printf '%s\n' "$ERR" | grep -q 'thread could not be read' &&
	    printf '%s\n' "$ERR" | grep -q 'next sync reads it again' &&
	    grep -q "$POST proves nothing, so nothing of it is marked deleted" "$HLOG"; then
		tui_ok "$name"
	else
		tui_fail "$name" "$(sync_diag)
log: $(grep "$POST" "$HLOG" | tail -n 3)"
	fi
	# The paging is sound again; a comment really deleted then leaves.
	GONE=$(gq '[c["id"] for c in comments if c["post"] == a[0]][-1]' "$S/p.json" "$POST")
	ctl '{"op":"remove","id":"'"$GONE"'"}' >/dev/null
	run_sync
	n2=$(count_items "(n")
	d2=$(count_deleted "(n")
	gone=$(gq 'sum(1 for i in items if i["remote_id"] == a[0] and i["deleted"])' "$S/list.json" "$GONE")
	name="the next sync reads the post whole: exit 0, and only the comment deleted at the fake is marked deleted"
	if [ "$RC" = 0 ] && [ "$n2" = 150 ] && [ "$d2" = 1 ] && [ "$gone" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "items: $n2, deleted or done: $d2, the removed one deleted: $gone
$(sync_diag)"
	fi
}

# --- 2. two heed processes, one reply -----------------------------------

t2() {
	fake_start two fb || return
	seed 1 0 0 || return
	C=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Is the shop open on Monday? '$MARK'g"}')")
	run_sync
	REPLY="Yes, from nine ${MARK}r6"
	name="a reply the platform takes 20 s to answer, sent by one heed sync while a second heed sync runs on the same cache: the second does not send it; exactly one reply at the fake"
	name2="the second run says nothing was sent by it: no reply sent, and the entry is left to the first, which records it sent"
	if ! queue_replies "$REPLY" "${MARK}g"; then
		tui_fail "$name" "$QUEUE_FAIL"
		tui_fail "$name2" "not tried"
		return
	fi
	ctl '{"op":"fault","path":"^/'"$C"'/comments$","method":"POST","kind":"slow","when":"before","seconds":20}' >/dev/null
	log_mark
	hrun sync >"$S/a.out" 2>"$S/a.err" &
	APID=$!
	# Wait for the first one's POST to reach the fake.
	posted() {
		state "log_from=$LOG0" "$S/p2.json"
		[ "$(gq 'len(reqs("POST", "/comments"))' "$S/p2.json")" -ge 1 ]
	}
	TUI_WAIT=20 tui_until posted
	run_sync
	RC2=$RC OUT2=$OUT ERR2=$ERR
	ob_during=$(ob q 'json.dumps([(e["state"], e["attempts"]) for e in ob])')
	wait "$APID"
	RCA=$?
	log_since
	posts=$(gq 'len(reqs("POST", "/comments"))' "$S/st.json")
	n=$(replies_at_fake "$REPLY")
	sent=$(ob q 'sum(1 for e in ob if e["state"] == 2 and e["remote_id"])')
	if [ "$posts" = 1 ] && [ "$n" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "POSTs: $posts; replies at the fake: $n; first run exit $RCA; second run: $(sync_diag)"
		show_log 10
	fi
	if [ "$RC2" = 0 ] && [ "$ob_during" = '[[1, 1]]' ] && [ "$sent" = 1 ] &&
	    [ "$RCA" = 0 ] && ! grep -q "reply sent" "$S/a.err"; then
		tui_ok "$name2"
	else
		tui_fail "$name2" "outbox while the first sent it: $ob_during; sent entries now: $sent; first run exit $RCA
second run: $(sync_diag)"
		outbox_diag
	fi
}

# --- 3. a platform slower than heed's timeout ---------------------------

t3() {
	fake_start late fb || return
	conf_global "request_timeout = 5s"
	conf_global "check_delays = 8s 16s"
	seed 1 0 0 || return
	C=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Do you deliver to Utrecht? '$MARK'h"}')")
	D=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Can I return a gift? '$MARK'i"}')")
	run_sync
	REPLY="We do, on Tuesdays ${MARK}r7"
	REPLY2="Within 30 days ${MARK}r8"
	name="a Facebook reply carried out 9 s after it was sent, with heed's timeout at 5 s: heed looks for it, finds it, and counts it sent; exactly one reply at the fake"
	name2="meanwhile heed outbox says the reply is being checked, not sent and not failed"
	name3="a reply never carried out (no answer, nothing made): the looks at 8 s and 16 s find nothing, and it is sent again once; exactly one reply at the fake"
	if ! queue_replies "$REPLY" "${MARK}h"; then
		tui_fail "$name" "$QUEUE_FAIL"
		tui_fail "$name2" "not tried"
		tui_fail "$name3" "not tried"
		return
	fi
	ctl '{"op":"fault","path":"^/'"$C"'/comments$","method":"POST","kind":"late","seconds":9,"hold":7}' >/dev/null
	log_mark
	hrun sync >"$S/a.out" 2>"$S/a.err" &
	APID=$!
	checking() {
		outbox
		printf '%s\n' "$OUTBOX" | grep -q '^checking *reply'
	}
	TUI_WAIT=30 tui_until checking
	OB_DURING=$OUTBOX
	wait "$APID"
	RC=$?
	OUT=$(cat "$S/a.out") ERR=$(cat "$S/a.err")
	log_since
	posts=$(gq 'len(reqs("POST", "/comments"))' "$S/st.json")
	n=$(replies_at_fake "$REPLY")
	mine=$(gq 'json.dumps([c["id"] for c in by_page(a[0])])' "$S/now.json" "$REPLY")
	sent=$(ob q 'json.dumps([e["remote_id"] for e in ob if e["state"] == 2])')
	if [ "$posts" = 1 ] && [ "$n" = 1 ] && [ "$sent" = "$mine" ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "POSTs: $posts; replies at the fake: $n ($mine); sent entries' ids: $sent
$(sync_diag)
$(tail -n 20 "$HLOG")"
		outbox_diag
		show_log 12
	fi
	if printf '%s\n' "$OB_DURING" | grep -q '^checking *reply' &&
	    printf '%s\n' "$OB_DURING" | grep -q 'checking whether it went out'; then
		tui_ok "$name2"
	else
		tui_fail "$name2" "heed outbox: $OB_DURING"
	fi
	# The second: the platform holds the request and never carries it out.
	if ! queue_replies "$REPLY2" "${MARK}i"; then
		tui_fail "$name3" "$QUEUE_FAIL"
		return
	fi
	ctl '{"op":"fault","path":"^/'"$D"'/comments$","method":"POST","kind":"late","seconds":3600,"hold":7}' >/dev/null
	log_mark
	run_sync
	log_since
	posts=$(gq 'len(reqs("POST", "/comments"))' "$S/st.json")
	looks=$(gq 'len(reqs("GET", "/comments"))' "$S/st.json")
	n=$(replies_at_fake "$REPLY2")
	if [ "$posts" = 2 ] && [ "$n" = 1 ] && [ "$looks" -ge 2 ] &&
	    [ "$(ob q 'sum(1 for e in ob if e["state"] == 2)')" = 2 ]; then
		tui_ok "$name3"
	else
		tui_fail "$name3" "POSTs: $posts; reads of comments: $looks; replies at the fake: $n
$(sync_diag)"
		outbox_diag
		show_log 12
	fi
}

# --- 4. killed mid-send -------------------------------------------------

t4() {
	fake_start killed fb || return
	conf_global "check_delays = 8s 12s"
	seed 1 0 0 || return
	C=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Is the mint tea loose leaf? '$MARK'j"}')")
	run_sync
	REPLY="Loose leaf, 100 g bags ${MARK}r9"
	name="heed sync killed (-9) while the platform takes 6 s over its reply: the next run looks for it first (no second POST), finds it, and counts it sent; exactly one reply at the fake"
	if ! queue_replies "$REPLY" "${MARK}j"; then
		tui_fail "$name" "$QUEUE_FAIL"
		return
	fi
	ctl '{"op":"fault","path":"^/'"$C"'/comments$","method":"POST","kind":"slow","when":"before","seconds":6}' >/dev/null
	log_mark
	# Not through hrun: its timeout wrapper would outlive the kill.
	env HOME="$TUI_DIR/home" XDG_CONFIG_HOME="$TUI_DIR/config" \
	    XDG_DATA_HOME="$TUI_DIR/data" XDG_STATE_HOME="$TUI_DIR/state" \
	    LANG="$TUI_LOCALE" LC_ALL="$TUI_LOCALE" "$HEED" \
	    --config "$S/on.conf" --cache "$DB" sync </dev/null \
	    >"$S/k.out" 2>&1 &
	KPID=$!
	posted() {
		state "log_from=$LOG0" "$S/p2.json"
		[ "$(gq 'len(reqs("POST", "/comments"))' "$S/p2.json")" -ge 1 ]
	}
	TUI_WAIT=20 tui_until posted
	kill -9 "$KPID" 2>/dev/null
	wait "$KPID" 2>/dev/null
	left=$(ob q 'json.dumps([e["state"] for e in ob])')
	run_sync
	log_since
	posts=$(gq 'len(reqs("POST", "/comments"))' "$S/st.json")
	n=$(replies_at_fake "$REPLY")
	sent=$(ob q 'sum(1 for e in ob if e["state"] == 2)')
	if [ "$left" = "[1]" ] && [ "$posts" = 1 ] && [ "$n" = 1 ] &&
	    [ "$sent" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "outbox after the kill: $left; POSTs: $posts; replies at the fake: $n; sent entries: $sent
$(sync_diag)"
		outbox_diag
		show_log 12
	fi
}

# --- 5. a thread that cannot be read ----------------------------------

t5() {
	fake_start lost fb || return
	seed 1 0 0 || return
	run_sync
	state "log=0" "$S/p.json"
	POST=$(gq '[p for p in posts if not p["visitor"]][0]["id"]' "$S/p.json")
	ctl '{"op":"add","platform":"facebook","on":"'"$POST"'","text":"Where is my parcel? '$MARK'k"}' >/dev/null
	for kind in malformed oversized; do
		ctl '{"op":"fault","path":"^/'"$POST"'/comments$","method":"GET","kind":"'$kind'","count":1}' >/dev/null
		run_sync
		n=$(count_items "${MARK}k")
		name="a new comment whose thread comes back $kind: heed sync exits 1, says a thread could not be read and will be read again, and does not call the account synced"
		if [ "$RC" = 1 ] && [ "$n" = 0 ] &&
		    ! printf '%s\n' "$OUT" | grep -q 'shop: synced$' &&
		    printf '%s\n' "$ERR" | grep -q 'thread could not be read' &&
		    printf '%s\n' "$ERR" | grep -q 'next sync reads it again'; then
			tui_ok "$name"
		else
			tui_fail "$name" "the comment in heed list: $n
$(sync_diag)"
		fi
	done
	run_sync
	n=$(count_items "${MARK}k")
	name="the next sync reads that thread again: the comment waits in the inbox, exit 0"
	if [ "$RC" = 0 ] && [ "$n" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "the comment in heed list: $n
$(sync_diag)"
	fi
}

# TRUST_ONLY="t3 t4" runs only those scenarios (while working on them).
for _t in ${TRUST_ONLY:-t1 t2 t3 t4 t5}; do
	"$_t"
done
fake_stop
