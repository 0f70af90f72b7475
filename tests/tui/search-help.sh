#!/bin/sh
# tests/tui/search-help.sh -- searching all items in three scripts, and
# the help screens of the queue, the thread and the composer.
. tests/tui/lib.sh

S=search
JSON=$TUI_DIR/inbox.json
ALLJSON=$TUI_DIR/all.json
tui_heed --demo list --json > "$JSON" 2>/dev/null
tui_heed --demo list --view all --json > "$ALLJSON" 2>/dev/null

tui_start $S
if ! tui_ready $S; then
	tui_fail "search: heed --demo starts and syncs both demo accounts"
	exit 0
fi

# 9. / WORD Enter: "N matches", N rows, each an item holding the word,
# newest first; q leaves the search for the inbox.
for word in Hemelvaart الشاي 抹茶; do
	want=$(tui_py count "$word" "$ALLJSON" </dev/null)
	if [ "$want" = 1 ]; then what="1 match"; else what="$want matches"; fi
	tui_keys $S /
	tui_wait $S "Search:"
	tui_type $S "$word"
	tui_keys $S Enter
	found() {
		tui_shows $S "$what for \"$word\" (newest first; q to leave the search)" &&
		    [ "$(printf '%s\n' "$SCREEN" | tui_py agecol | grep -c .)" = "$want" ]
	}
	if [ "$want" -gt 0 ] && tui_until found &&
	    why=$(printf '%s\n' "$SCREEN" | tui_py searchrows "$word" "$ALLJSON"); then
		tui_ok "search: / $word finds the $what holding it, newest first"
	else
		tui_fail "search: / $word finds the $what holding it, newest first" \
		    "want $want rows and \"$what for \\\"$word\\\"\"; $why"
	fi
	tui_keys $S q
	left() {
		tui_hides $S "q to leave the search" &&
		    tui_line 1 | tui_py sameitem "$JSON" 0 2>/dev/null &&
		    tui_counts && [ "$(printf '%s\n' "$SCREEN" | tui_py agecol | grep -c .)" = 37 ]
	}
	if tui_until left; then
		tui_ok "search: q after / $word leaves the search for the full inbox"
	else
		tui_fail "search: q after / $word leaves the search for the full inbox"
	fi
done

tui_keys $S /
tui_wait $S "Search:"
tui_type $S "zzyzxnothing"
tui_keys $S Enter
if tui_wait $S "Nothing matches this search. q leaves the search." &&
    tui_shows $S "0 matches for \"zzyzxnothing\""; then
	tui_ok "search: a word found nowhere says \"0 matches\" and \"Nothing matches this search.\""
else
	tui_fail "search: a word found nowhere says \"0 matches\" and \"Nothing matches this search.\""
fi
tui_keys $S q
tui_wait_gone $S "Nothing matches this search."

# An emoji with a skin tone is one character: in a window where a search
# result's row ends with it, it is cut whole or shown whole, never split
# with its tone on the next line (陈静's "...两包 👍🏻" at 52 columns).
t resize-window -t $S -x 52 -y 40
tui_until tui_shows_re $S "Inbox [0-9]+"
tui_keys $S /
tui_wait $S "Search:"
tui_type $S "两包"
tui_keys $S Enter
whole_emoji() {
	tui_shows $S "1 match for" || return 1
	row=$(printf '%s\n' "$SCREEN" | grep "陈静")
	[ -n "$row" ] || return 1
	# No line starts with the tone, and the row has the thumb with its
	# tone or neither.
	! printf '%s\n' "$SCREEN" | grep -q "^🏻" || return 1
	case $row in
	*"👍🏻"*) ;;
	*"👍"*) return 1 ;;
	esac
	case $row in
	*"🏻"*) case $row in *"👍🏻"*) ;; *) return 1 ;; esac ;;
	esac
	widest=$(printf '%s\n' "$SCREEN" | tui_py width | sort -n | tail -n 1)
	[ "$widest" -le 52 ]
}
if tui_until whole_emoji; then
	tui_ok "search: at 52 columns the row ending in 👍🏻 keeps the thumb and its skin tone together, within the window"
else
	tui_fail "search: at 52 columns the row ending in 👍🏻 keeps the thumb and its skin tone together, within the window" \
	    "row: $row; widest line: ${widest:-?}"
fi
tui_keys $S q
tui_wait_gone $S "1 match for"
t resize-window -t $S -x 120 -y 40
tui_until tui_shows_re $S "Inbox [0-9]+ .* All [0-9]+"

# 10. ? shows the keys of the queue screen.
tui_counts
before="$C_INBOX $C_DONE"
tui_keys $S '?'
help_lines() {
	tui_shows $S "Keys of the $1 screen (any key closes, j/k scroll)" ||
	    return 1
	shift
	for re in "$@"; do
		printf '%s\n' "$SCREEN" | grep -E -q "$re" || return 1
	done
}
if tui_until help_lines queue " r +reply +write a reply" \
    " d +done +mark done \(leaves the inbox\)" " s +snooze +snooze until later" \
    " / +search +search all text and authors" " q +quit +back; quit from the queue" &&
    ! printf '%s\n' "$SCREEN" | grep -q "check and send"; then
	tui_ok "help: ? on the queue lists its keys: r reply, d done, s snooze, / search, q quit (and not send)"
else
	tui_fail "help: ? on the queue lists its keys: r reply, d done, s snooze, / search, q quit (and not send)"
fi

tui_keys $S x
closed() {
	tui_hides $S "Keys of the queue screen" && tui_selected_is $S 1 &&
	    tui_counts && [ "$C_INBOX $C_DONE" = "$before" ] &&
	    tui_shows $S "Enter open  r reply"
}
if tui_until closed; then
	tui_ok "help: any key (x) closes the help and does nothing else"
else
	tui_fail "help: any key (x) closes the help and does nothing else"
fi

tui_keys $S '?'
tui_wait $S "Keys of the queue screen"
tui_keys $S d
if tui_until closed; then
	tui_ok "help: d while the help shows only closes it (nothing is marked done)"
else
	tui_fail "help: d while the help shows only closes it (nothing is marked done)"
fi

# The help is as wide as the window lets it be: at 200 columns no line of
# it is cut; at 60 a long line wraps under its own column.
t resize-window -t $S -x 200 -y 40
tui_until tui_shows_re $S "Inbox [0-9]+ .* All [0-9]+"
tui_keys $S '?'
# The commands come after the keys: scroll down to them.
whole_lines() {
	help_lines queue \
	    " P +private-reply +reply in private \(Facebook, once per comment\)" ||
	    return 1
	tui_keys $S j j j j j j j j j j
	tui_until help_lines queue \
	    ":filter expression: narrow the view \(empty: all of it\)"
}
if tui_until whole_lines; then
	tui_ok "help: at 200 columns the help's lines are whole (\"reply in private (Facebook, once per comment)\")"
else
	tui_fail "help: at 200 columns the help's lines are whole (\"reply in private (Facebook, once per comment)\")"
fi
tui_keys $S x
tui_wait_gone $S "Keys of the queue screen"
t resize-window -t $S -x 60 -y 40
tui_until tui_shows_re $S "Inbox [0-9]+"
tui_keys $S '?'
# The column where text $2 starts on line $1 of SCREEN, or -1.
col_of() {
	tui_line "$1" | tui_py width_before "$2"
}
wrapped_under() {
	tui_shows $S "Keys of the queue screen" || return 1
	n=$(printf '%s\n' "$SCREEN" | grep -n "private-reply" | cut -d: -f1)
	[ -n "$n" ] || return 1
	c1=$(col_of $((n - 1)) "reply in private")
	c2=$(col_of "$n" "once per comment)")
	[ "$c1" -gt 0 ] && [ "$c1" = "$c2" ]
}
if tui_until wrapped_under; then
	tui_ok "help: at 60 columns \"reply in private (Facebook, once per comment)\" wraps, the rest under its start"
else
	tui_fail "help: at 60 columns \"reply in private (Facebook, once per comment)\" wraps, the rest under its start" \
	    "columns: ${c1:-?} and ${c2:-?}, line ${n:-?}"
fi
tui_keys $S x
tui_wait_gone $S "Keys of the queue screen"
t resize-window -t $S -x 120 -y 40
tui_until tui_shows_re $S "Inbox [0-9]+ .* All [0-9]+"

# The marks at the start of a row: the help says what each one means,
# and L (or :legend) says it on one line from the queue.
tui_keys $S '?'
marks_help() {
	help_lines queue "Marks after the waiting time of a row" \
	    " C +a complaint: answer it first" " \? +a question or a request" \
	    " \+ +praise or thanks: no reply needed\?" \
	    " S +spam or a scam: do not follow its links" \
	    " \* +new: not opened yet" \
	    " > +one of your own replies" " ! +flagged" " r +answered by you" \
	    " d +a draft of a reply is waiting" " n +an internal note" \
	    " h +hidden on the platform" " x +deleted on the platform" ||
	    return 1
}
i=0
while [ "$i" -lt 30 ]; do
	tui_keys $S j
	i=$((i + 1))
done
if tui_until marks_help; then
	tui_ok "help: ? on the queue explains each mark of a row (C ? + S * > ! r d n h x)"
else
	tui_fail "help: ? on the queue explains each mark of a row (C ? + S * > ! r d n h x)"
fi
tui_keys $S x
tui_wait_gone $S "Keys of the queue screen"
LEGEND="Marks: C complaint  ? question  + praise  S spam  * new  > your reply  ! flagged  r answered  d draft  n note  h hidden  x deleted"
# The legend as said, on one line or wrapped onto two at 120 columns.
legend_shown() {
	tui_capture $S
	case $(printf '%s\n' "$SCREEN" | tail -n 3 | tr '\n' ' ' |
	    sed 's/  */ /g') in
	*"$(printf '%s\n' "$LEGEND" | sed 's/  */ /g')"*) return 0 ;;
	esac
	return 1
}
tui_keys $S L
if tui_until legend_shown; then
	tui_ok "legend: L on the queue says on one line what each mark means"
else
	tui_fail "legend: L on the queue says on one line what each mark means"
fi
tui_keys $S j
tui_wait_gone $S "x deleted"
tui_keys $S :
tui_type $S legend
tui_keys $S Enter
if tui_until legend_shown; then
	tui_ok "legend: :legend says it too"
else
	tui_fail "legend: :legend says it too"
fi
tui_keys $S k

# In a thread, ? shows the keys of the thread screen; Esc closes the help
# and stays in the thread.
tui_keys $S Enter
tui_wait $S "POST by"
tui_keys $S '?'
if tui_until help_lines thread " Esc, Left +back +back to the queue" \
    " r +reply +write a reply" &&
    ! printf '%s\n' "$SCREEN" | grep -q " / +search "; then
	tui_ok "help: ? in a thread shows \"Keys of the thread screen\" with Esc back and no search"
else
	tui_fail "help: ? in a thread shows \"Keys of the thread screen\" with Esc back and no search"
fi
tui_keys $S Escape
if tui_wait_gone $S "Keys of the thread screen" && tui_shows $S "POST by"; then
	tui_ok "help: Esc closes the thread help and stays in the thread"
else
	tui_fail "help: Esc closes the thread help and stays in the thread"
fi

# In the composer, F1 (? is text there).
tui_keys $S r
tui_wait $S "-- your reply -- 0/"
tui_keys $S F1
if tui_until help_lines compose " Enter +send +check and send" \
    " M-Enter +newline +insert a new line" " C-w +kill-word " \
    "Editing: arrows, Home, End, Backspace"; then
	tui_ok "help: F1 in the composer shows \"Keys of the compose screen\" with Enter, M-Enter, C-w"
else
	tui_fail "help: F1 in the composer shows \"Keys of the compose screen\" with Enter, M-Enter, C-w"
fi
tui_keys $S x
tui_wait_gone $S "Keys of the compose screen"
tui_type $S "?"
if tui_until tui_shows $S "-- your reply -- 1/" &&
    [ "$(tui_line 4)" = " ?" ] && tui_hides $S "Keys of the"; then
	tui_ok "help: ? in the composer is typed as text"
else
	tui_fail "help: ? in the composer is typed as text"
fi
