#!/bin/sh
# tests/tui/hostile.sh -- the demo comment c-hostile (by "Prize Center")
# carries an OSC title, a screen clear, colours, a right-to-left override
# and a raw C1 CSI byte. None of it may reach the terminal: heed shows the
# words as plain text and the screen stays whole. The commands print no
# escape either, whatever a planted cache, a config or a credential_command
# holds, and heed opens no FIFO, follows no symbolic link and chmods
# nothing but its own regular files.
. tests/tui/lib.sh

S=hostile

# Does this tmux take an OSC 0 title from a pane? If not, the title check
# below could not fail, so say so.
tui_start_cmd probe "printf '\\033]0;PROBE\\007'; exec sleep 60"
probe_title() {
	[ "$(t display -p -t probe '#{pane_title}')" = PROBE ]
}
tui_until probe_title
calibrated=$?
t kill-session -t probe

# heed list never prints the escapes either.
out=$(tui_heed --demo list --view all 2>&1)
line=$(printf '%s\n' "$out" | grep "Prize Center")
bad=$(printf '%s\n' "$out" | tui_py controls)
if [ -n "$line" ] && [ -z "$bad" ] &&
    printf '%s\n' "$line" | grep -q "Congratulations! You won a free iPhone"; then
	tui_ok "hostile: heed list prints the Prize Center comment with no control or bidi character"
else
	SCREEN=$line tui_fail "hostile: heed list prints the Prize Center comment with no control or bidi character" \
	    "$bad"
fi

# --- what the commands print, and the files they touch -----------------
#
# A cache written by an older heed, or planted, may hold anything; so may
# the stderr of a credential_command. Everything the commands print, and
# every line of the log, goes through the sanitizer; every file heed opens
# is a regular file it does not follow a symbolic link to.

W=$TUI_DIR/w
mkdir -m 700 "$W"
# The test's own words for what went wrong (SCREEN is for tui_fail).
hostile_fail() {
	SCREEN= tui_fail "$1" "$2"
}
# Print the control and bidi characters in stdin ("" if none).
controls() {
	tui_py controls
}
# Write config $1 (umask 077) from the rest of the arguments, one a line.
write_conf() {
	_f=$1
	shift
	(umask 077 && printf '%s\n' "$@" >"$_f")
}
write_conf "$W/conf" "[account shop]" "platform = demo-page" \
    "handle = tulipandtea" "url = demo://page" \
    "credential_command = printf 'tok\\n'" \
    "[account bad]" "platform = demo-social" "handle = bad.example" \
    "url = demo://social" \
    "credential_command = printf '\\302\\2332J\\033]0;HACKED\\007oops' >&2; exit 1"
C=$W/c.db
tui_heed --config "$W/conf" --cache "$C" sync --account shop >/dev/null 2>&1
ESC=$(printf '\033')
sqlite3 "$C" "UPDATE items SET author_name = 'Evil' || char(27) || ']0;HACKED' || char(7) || 'Name', text = 'Hello ' || char(27) || '[2J' || char(27) || '[31mRED' || char(155) || '1m there' WHERE id = (SELECT min(id) FROM items WHERE own = 0);
UPDATE items SET text = CAST(X'48692C20FF206261642055544638' AS TEXT) WHERE id = (SELECT max(id) FROM items WHERE own = 0);
INSERT INTO outbox (account_id, item_id, kind, state, body, idem_key, last_error, attempts, created) VALUES (1, NULL, 0, 3, 'Thanks' || char(27) || ']0;HACKED' || char(7) || ' a lot', 'hostile-1', 'refused' || char(27) || '[2J' || char(155) || '31m badly', 1, strftime('%s', 'now'));" ||
    echo "# sqlite3 could not plant the hostile rows"
total=$(sqlite3 "$C" "SELECT count(*) FROM items")

name="hostile: heed list prints a planted author and text without escapes"
out=$(tui_heed --config "$W/conf" --cache "$C" list --view all 2>&1)
line=$(printf '%s\n' "$out" | grep "EvilName")
bad=$(printf '%s\n' "$out" | controls)
if [ -z "$bad" ] && printf '%s\n' "$line" | grep -q "Hello *RED there"; then
	tui_ok "$name"
else
	hostile_fail "$name" "line: $line; controls: $bad"
fi

name="hostile: heed list --json prints every item, a text that is not UTF-8 with U+FFFD, and no escapes"
tui_heed --config "$W/conf" --cache "$C" list --view all --json \
    >"$W/list.json" 2>"$W/list.err"
rc=$?
verdict=$(PYTHONUTF8=1 python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
try:
    items = [json.loads(l) for l in raw.decode("utf-8").splitlines()]
except Exception as e:
    print("not JSON lines: %s" % e); sys.exit()
bad = [k for i in items for k, v in i.items() if isinstance(v, str) and
       any(ord(c) < 32 and c != "\n" or 127 <= ord(c) < 160 for c in v)]
if len(items) != int(sys.argv[2]):
    print("%d items of %s" % (len(items), sys.argv[2]))
elif not any(i.get("text") == "Hi, \ufffd bad UTF8" for i in items):
    print("no item with the repaired text")
elif bad:
    print("control characters in %s" % bad)
else:
    print("ok")' "$W/list.json" "$total")
if [ "$rc" = 0 ] && [ "$verdict" = ok ]; then
	tui_ok "$name"
else
	hostile_fail "$name" "exit $rc: $verdict; $(head -c 300 "$W/list.err")"
fi

name="hostile: heed outbox prints a planted reply and error without escapes"
out=$(tui_heed --config "$W/conf" --cache "$C" outbox 2>&1)
bad=$(printf '%s\n' "$out" | controls)
if [ -z "$bad" ] && printf '%s\n' "$out" | grep -q "Thanks a lot" &&
    printf '%s\n' "$out" | grep -q "refused *badly"; then
	tui_ok "$name"
else
	hostile_fail "$name" "$out; controls: $bad"
fi

name="hostile: heed sync, heed doctor and the log say what a credential_command wrote to stderr, without its escapes"
out=$(tui_heed --config "$W/conf" --cache "$C" sync --account bad 2>&1)
doc=$(tui_heed --config "$W/conf" --cache "$C" doctor 2>&1)
bad=$(printf '%s\n%s\n' "$out" "$doc" | controls)
badlog=$(controls <"$TUI_DIR/state/heed/log")
if [ -z "$bad" ] && [ -z "$badlog" ] &&
    printf '%s\n' "$out" | grep -q "exit 1): .*oops" &&
    printf '%s\n' "$doc" | grep -q "exit 1): .*oops" &&
    grep -q "exit 1): .*oops" "$TUI_DIR/state/heed/log"; then
	tui_ok "$name"
else
	hostile_fail "$name" "sync: $out
doctor: $doc
controls: $bad; in the log: $badlog"
fi

name="hostile: a config line with escapes is refused, and the message has none"
write_conf "$W/esc.conf" "colour${ESC}]0;HACKED$(printf '\007') = never"
out=$(tui_heed --config "$W/esc.conf" list 2>&1)
rc=$?
if [ "$rc" = 1 ] && [ -z "$(printf '%s\n' "$out" | controls)" ] &&
    printf '%s\n' "$out" | grep -q "esc.conf:1: the line holds a control character (U+001B)"; then
	tui_ok "$name"
else
	hostile_fail "$name" "exit $rc: $out"
fi

name="hostile: a 900 kB config line is quoted back in 40 columns"
(umask 077 && { printf 'color = '; head -c 921600 /dev/zero | tr '\0' x; echo; } >"$W/long.conf")
out=$(tui_heed --config "$W/long.conf" list 2>&1)
rc=$?
if [ "$rc" = 1 ] && [ "${#out}" -lt 400 ] &&
    printf '%s\n' "$out" | grep -q "long.conf:1: color = xxxxxxxxx*…: not one of the allowed values"; then
	tui_ok "$name"
else
	hostile_fail "$name" "exit $rc, ${#out} bytes: $(printf '%s' "$out" | head -c 300)"
fi

name="hostile: a NUL byte in the config is an error naming its line"
(umask 077 && printf 'history_days = 3\n\ncolor = never\000color = pink\n' >"$W/nul.conf")
out=$(tui_heed --config "$W/nul.conf" list 2>&1)
rc=$?
if [ "$rc" = 1 ] && printf '%s\n' "$out" | grep -q "nul.conf:3: a NUL byte"; then
	tui_ok "$name"
else
	hostile_fail "$name" "exit $rc: $out"
fi

# A FIFO would make heed wait for a writer forever; timeout only ends a
# heed that does, so that the failure can be reported.
mkfifo "$W/fifo"
name="hostile: a FIFO as --config is refused at once"
out=$(timeout -k 5 20 env HEED="$HEED" sh -c '. tests/tui/lib.sh; tui_heed "$@"' sh \
    --config "$W/fifo" list 2>&1)
rc=$?
if [ "$rc" = 1 ] && printf '%s\n' "$out" | grep -q "fifo: not a regular file (a FIFO)"; then
	tui_ok "$name"
else
	hostile_fail "$name" "exit $rc (124: it waited): $out"
fi
name="hostile: a FIFO as --cache is refused at once"
out=$(timeout -k 5 20 "$HEED" --config "$W/conf" --cache "$W/fifo" list 2>&1)
rc=$?
if [ "$rc" = 1 ] && printf '%s\n' "$out" | grep -q "fifo is not a regular file (a FIFO)"; then
	tui_ok "$name"
else
	hostile_fail "$name" "exit $rc (124: it waited): $out"
fi

# A file of someone's that a symbolic link points at: heed must neither
# chmod it nor write into it.
# Make the target afresh.
new_target() {
	printf 'precious\n' >"$W/target"
	chmod 644 "$W/target"
}
# Return 0 if the target is untouched.
target_intact() {
	[ "$(stat -c %a "$W/target")" = 644 ] &&
	    [ "$(cat "$W/target")" = precious ]
}
new_target
ln -s "$W/target" "$W/link.db"
name="hostile: a cache that is a symbolic link is refused, its target left alone"
out=$(tui_heed --config "$W/conf" --cache "$W/link.db" sync --account shop 2>&1)
rc=$?
out2=$(tui_heed --config "$W/conf" --cache "$W/link.db" list 2>&1)
rc2=$?
if [ "$rc" != 0 ] && [ "$rc2" = 1 ] && target_intact &&
    printf '%s\n' "$out" | grep -q "link.db is a symbolic link" &&
    printf '%s\n' "$out2" | grep -q "link.db is a symbolic link"; then
	tui_ok "$name"
else
	hostile_fail "$name" "sync: exit $rc: $out; list: exit $rc2: $out2; target: $(stat -c %a "$W/target") $(cat "$W/target")"
fi
new_target
ln -s "$W/target" "$W/c2.db-wal"
name="hostile: a cache whose -wal is a symbolic link is refused, its target left alone"
out=$(tui_heed --config "$W/conf" --cache "$W/c2.db" sync --account shop 2>&1)
rc=$?
if [ "$rc" != 0 ] && target_intact &&
    printf '%s\n' "$out" | grep -q "c2.db-wal is a symbolic link"; then
	tui_ok "$name"
else
	hostile_fail "$name" "exit $rc: $out; target: $(stat -c %a "$W/target") $(cat "$W/target")"
fi
new_target
ln -s "$W/target" "$W/log"
write_conf "$W/log.conf" "log_file = $W/log"
name="hostile: a log file that is a symbolic link is not written, its target left alone, and heed and heed doctor say so (no chmod advised)"
out=$(tui_heed --config "$W/log.conf" --cache "$C" list 2>&1 >/dev/null)
rc=$?
doc=$(tui_heed --config "$W/log.conf" --cache "$C" doctor 2>&1)
if [ "$rc" = 0 ] && target_intact &&
    printf '%s\n' "$out" | grep -q "log is a symbolic link" &&
    printf '%s\n' "$doc" | grep -q "FAIL  log .*/log is a symbolic link" &&
    ! printf '%s\n' "$doc" | grep -q "chmod"; then
	tui_ok "$name"
else
	hostile_fail "$name" "exit $rc: $out; target: $(stat -c %a "$W/target") $(cat "$W/target")
doctor: $doc"
fi

tui_start $S
if ! tui_ready $S; then
	tui_fail "hostile: heed --demo starts and syncs both demo accounts"
	exit 0
fi
title_before=$(t display -p -t $S '#{pane_title}')
# The title is heed's own: how many wait, which a new comment may change.
heeds_title() {
	case $1 in
	"heed: "*" waiting"* | "heed: nothing waiting") return 0 ;;
	esac
	return 1
}

# 12. Find it by searching "iPhone", open its thread.
tui_keys $S /
tui_wait $S "Search:"
tui_type $S iPhone
tui_keys $S Enter
tui_wait $S '1 match for "iPhone"'
if tui_wait_selected_line $S 1 &&
    printf '%s\n' "$SELTEXT" | grep -q "^ .. Prize Center  *[0-9]*[mhd] .*Congratulations! You won a free iPhone"; then
	tui_ok "hostile: a search for iPhone finds the Prize Center comment"
else
	tui_fail "hostile: a search for iPhone finds the Prize Center comment" \
	    "selected: $SELTEXT"
fi
tui_keys $S Enter
opened() {
	tui_shows $S "POST by" || tui_shows $S "line " || return 1
	tui_capture_e $S
	case $(tui_selected | grep -v '^$' | head -n 1) in
	*"Prize Center @prize.center.official · "*) return 0 ;;
	esac
	return 1
}
if ! tui_until opened; then
	tui_fail "hostile: Enter opens the Prize Center thread, that comment highlighted" \
	    "highlighted: $(tui_selected)"
	exit 0
fi
tui_ok "hostile: Enter opens the Prize Center thread, that comment highlighted"

title=$(t display -p -t $S '#{pane_title}')
if [ $calibrated = 0 ] && [ "$title" != HACKED ] && heeds_title "$title"; then
	tui_ok "hostile: the pane title is not HACKED (it stays heed's own)"
else
	tui_fail "hostile: the pane title is not HACKED (it stays heed's own)" \
	    "title before: $title_before, now: $title; tmux takes OSC 0 titles: $([ $calibrated = 0 ] && echo yes || echo NO, the check cannot work)"
fi

# The screen was not cleared: the title bar, the first thread line and the
# status bar are all there in the same frame as the comment.
tui_capture $S
if tui_line 0 | grep -q "^ heed Tulip & Tea (demo)  .*Inbox [0-9]" &&
    [ -n "$(tui_line 1)" ] && tui_line 38 | grep -q "^ [0-9]* waiting, " &&
    tui_shows $S "Congratulations! You won a free iPhone"; then
	tui_ok "hostile: the screen is not cleared: title bar, first line and status bar show with the comment"
else
	tui_fail "hostile: the screen is not cleared: title bar, first line and status bar show with the comment"
fi

# The words are plain text: no colour, no blink, nothing but what heed
# gives an unselected comment's text.
tui_capture_e $S
a1=$(printf '%s\n' "$ESCREEN" | tui_py attrs "Congratulations! You won a free iPhone")
a2=$(printf '%s\n' "$ESCREEN" | tui_py attrs "OFFER ENDS TONIGHT")
if [ "$a1" = plain ] && [ "$a2" = plain ]; then
	tui_ok "hostile: \"Congratulations! You won a free iPhone\" and \"OFFER ENDS TONIGHT\" show as plain text"
else
	tui_fail "hostile: \"Congratulations! You won a free iPhone\" and \"OFFER ENDS TONIGHT\" show as plain text" \
	    "attributes: [$a1] [$a2]"
fi

# The right-to-left override is gone: the real name shows, .exe last.
if tui_shows $S "prize_voucher_txt.exe" && [ -z "$(printf '%s\n' "$SCREEN" | tui_py controls)" ]; then
	tui_ok "hostile: no control or bidi character is on the screen; the file shows as prize_voucher_txt.exe"
else
	tui_fail "hostile: no control or bidi character is on the screen; the file shows as prize_voucher_txt.exe" \
	    "$(printf '%s\n' "$SCREEN" | tui_py controls)"
fi

# The sequences are taken out, not shown as text either (curses would
# show a raw ESC as "^[").
tui_capture $S
if tui_hides $S "HACKED" && tui_hides $S "^[" && tui_hides $S "[2J" &&
    tui_hides $S "[31m" && tui_shows $S "Congratulations! You won a free iPhone"; then
	tui_ok "hostile: the escape sequences are removed, not shown: no HACKED, ^[, [2J or [31m on the screen"
else
	tui_fail "hostile: the escape sequences are removed, not shown: no HACKED, ^[, [2J or [31m on the screen"
fi

# Every escape in the -e capture is an SGR (ESC [ ... m), nothing else.
bad=$(printf '%s\n' "$ESCREEN" | tui_py sgr)
if [ -z "$bad" ] && printf '%s\n' "$ESCREEN" | grep -q "$(printf '\033')\["; then
	tui_ok "hostile: every ESC on the screen starts an SGR colour sequence"
else
	tui_fail "hostile: every ESC on the screen starts an SGR colour sequence" "$bad"
fi

# The same in the queue: q back to the search, q to the inbox, BTab to
# the Spam view, where the giveaway waits (a row not selected: the spam
# is oldest first, and it is 14 hours old).
tui_keys $S q
tui_wait_gone $S "Prize Center @prize.center.official"
tui_keys $S q
tui_wait_gone $S "q to leave the search"
tui_keys $S BTab
tui_wait $S "Congratulations! You won a free iPhone"
tui_wait_selected_line $S 1
tui_capture_e $S
a3=$(printf '%s\n' "$ESCREEN" | tui_py attrs "Congratulations! You won a free iPhone")
tui_capture $S
if [ "$a3" = plain ] && heeds_title "$(t display -p -t $S '#{pane_title}')" &&
    tui_line 0 | grep -q "^ heed Tulip & Tea (demo)  .*Inbox [0-9]" &&
    tui_line 38 | grep -q " [0-9]* waiting, "; then
	tui_ok "hostile: its queue row shows plain text and leaves the title alone"
else
	tui_fail "hostile: its queue row shows plain text and leaves the title alone" \
	    "attributes: [$a3]"
fi
