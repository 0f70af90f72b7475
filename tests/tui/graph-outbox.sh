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
. tests/tui/lib-graph.sh

# --- 1. the same words to two comments ----------------------------------

s1() {
	fake_start same-words fb || return
	# A 503 may come after the work was done: heed looks (at once, and
	# a second later) before it sends again.
	conf_global "check_delays = 0s 1s"
	seed 1 0 0 || return
	A=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Do you ship to Norway? '$MARK'a"}')")
	B=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Can I pay by invoice? '$MARK'b"}')")
	run_sync
	THANKS="Thanks so much!"
	name="the same words queued as replies to two Facebook comments, the second's first POST refused once (503, error 2) and not carried out: heed looks for it twice, then sends it again; exactly one reply under each comment at the fake"
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
	while [ $_n -lt 3 ] && [ "$(ob q 'sum(1 for e in ob if e["state"] in (0, 4))')" != 0 ]; do
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
	conf_global "check_delays = 0s 2s"
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
	# The first look, due at once, is the next read of the post's
	# comments: the outbox goes before the streams.
	ctl '{"op":"fault","path":"^/'"$POST"'/comments$","method":"GET","kind":"graph_error","code":190,"subcode":460,"count":1}' >/dev/null
	log_mark
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
	conf_global "check_delays = 0s 2s"
	seed 1 0 0 || return
	C=$(id_of "$(ctl '{"op":"add","platform":"facebook","text":"Is the blue one still in stock? '$MARK'd"}')")
	run_sync
	REPLY="Yes, two left ${MARK}r3"
	name="comments listed without ids (no Moderate task), a Facebook reply's answer lost: after three syncs exactly one reply at the fake"
	name2="comments listed without ids, a reply's answer lost: heed outbox shows it not sent (checking), saying heed cannot tell whether it went through for want of the Moderate task"
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
