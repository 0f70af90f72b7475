#!/bin/sh
# tests/tui/composer.sh -- editing in the reply composer: Backspace over
# wide and composed characters, C-w, C-u, the cursor, the check screen.
. tests/tui/lib.sh

S=compose
tui_start $S
if ! tui_ready $S; then
	tui_fail "composer: heed --demo starts and syncs both demo accounts"
	exit 0
fi

# The composer's first text line is line 5 (0-based): title, "Reply to",
# one line of the comment, the "-- your reply --" bar.
EDIT_LINE=4

# Wait until the composer holds exactly the one line $1 ($2 characters).
composer_is() {
	_want=" $1"
	[ -n "$1" ] || _want=	# the capture drops trailing spaces
	tui_shows $S "-- your reply -- $2/" &&
	    [ "$(tui_line $EDIT_LINE)" = "$_want" ] &&
	    [ -z "$(tui_line $((EDIT_LINE + 1)))" ]
}
wait_composer() {
	tui_until composer_is "$1" "$2"
}

# Where the terminal cursor is, as "x,y", and whether it shows.
cursor() {
	t display -p -t $S '#{cursor_x},#{cursor_y},#{cursor_flag}'
}
cursor_at() {
	[ "$(cursor)" = "$1,1" ]
}

tui_keys $S r
tui_wait $S "-- your reply -- 0/"

tui_keys $S Enter
if tui_wait $S "Nothing to send yet." && tui_hides $S "Check before sending"; then
	tui_ok "composer: Enter on an empty reply says \"Nothing to send yet.\" and does not check"
else
	tui_fail "composer: Enter on an empty reply says \"Nothing to send yet.\" and does not check"
fi

# 6. Backspace over a CJK character and an emoji removes each whole.
tui_type $S "ab中😀"
if wait_composer "ab中😀" 4 && tui_until cursor_at "7,$EDIT_LINE"; then
	tui_ok "composer: after typing ab中😀 the cursor is 6 columns in (wide characters count two)"
else
	tui_fail "composer: after typing ab中😀 the cursor is 6 columns in (wide characters count two)" \
	    "cursor x,y,visible: $(cursor)"
fi
tui_keys $S BSpace BSpace
if wait_composer "ab" 2 && tui_until cursor_at "3,$EDIT_LINE"; then
	tui_ok "composer: two Backspaces after ab中😀 leave exactly ab, cursor after b"
else
	tui_fail "composer: two Backspaces after ab中😀 leave exactly ab, cursor after b" \
	    "cursor x,y,visible: $(cursor)"
fi

tui_keys $S Enter
# The text is the one line "    ab", under what was found in it, with
# nothing after it.
check_ab() {
	tui_shows $S "Check before sending" &&
	    tui_shows $S "  Length: 2/" || return 1
	_n=$(printf '%s\n' "$SCREEN" | grep -n '^    ab$' | cut -d: -f1)
	[ -n "$_n" ] && [ "$(printf '%s\n' "$SCREEN" | grep -c '^    ab$')" = 1 ] &&
	    [ -z "$(tui_line "$_n")" ]
}
if tui_until check_ab; then
	tui_ok "composer: the check screen shows the text as exactly \"ab\", length 2"
else
	tui_fail "composer: the check screen shows the text as exactly \"ab\", length 2"
fi
tui_keys $S e
if tui_wait_gone $S "Check before sending" && wait_composer "ab" 2; then
	tui_ok "composer: e on the check screen goes back to editing the same text"
else
	tui_fail "composer: e on the check screen goes back to editing the same text"
fi

# Backspace removes a whole grapheme: a skin-toned emoji, a ZWJ family, a
# flag and e with a combining accent are one character each.
tui_type $S "x👍🏻"
tui_wait $S " abx👍🏻"
# Each step ends with a new letter, so that its state shows only after the
# Backspace before it was handled.
graphemes=1
for step in "👍🏻 y abxy 4" "👨‍👩‍👧 z abxyz 5" "🇷🇴 w abxyzw 6" \
    "$(printf 'e\314\201') v abxyzwv 7"; do
	set -- $step
	[ "$1" = "👍🏻" ] || tui_type $S "$1"
	tui_keys $S BSpace
	tui_type $S "$2"
	if ! wait_composer "$3" "$4"; then
		graphemes=0
		break
	fi
done
if [ $graphemes = 1 ]; then
	tui_ok "composer: Backspace removes 👍🏻, 👨‍👩‍👧, 🇷🇴 and e+U+0301 each as one character"
else
	tui_fail "composer: Backspace removes 👍🏻, 👨‍👩‍👧, 🇷🇴 and e+U+0301 each as one character" \
	    "after Backspace over $1 and typing $2 the text is not $3"
fi

# C-u deletes to the start of the line.
tui_keys $S C-u
if wait_composer "" 0; then
	tui_ok "composer: C-u on a single line deletes all of it"
else
	tui_fail "composer: C-u on a single line deletes all of it"
fi

# C-w deletes the word before the cursor, then the next one.
tui_type $S "hello brave world"
wait_composer "hello brave world" 17
tui_keys $S C-w
if wait_composer "hello brave" 12; then
	tui_keys $S C-w
	if wait_composer "hello" 6; then
		tui_ok "composer: C-w deletes \"world\", then \"brave \", leaving \"hello \""
	else
		tui_fail "composer: C-w deletes \"world\", then \"brave \", leaving \"hello \""
	fi
else
	tui_fail "composer: C-w deletes \"world\", then \"brave \", leaving \"hello \""
fi
tui_keys $S C-u
wait_composer "" 0

# C-u on the second line only deletes that line's text.
tui_type $S "first line"
tui_keys $S Escape Enter
tui_type $S "second part"
tui_wait $S "-- your reply -- 22/"
tui_keys $S C-u
tui_type $S "new"
two_lines() {
	tui_shows $S "-- your reply -- 14/" &&
	    [ "$(tui_line $EDIT_LINE)" = " first line" ] &&
	    [ "$(tui_line $((EDIT_LINE + 1)))" = " new" ]
}
if tui_until two_lines; then
	tui_ok "composer: C-u on the second line deletes only that line's text"
else
	tui_fail "composer: C-u on the second line deletes only that line's text"
fi

tui_keys $S Escape
if tui_wait $S "Draft kept; r on this item brings it back."; then
	tui_ok "composer: Escape keeps the edited text as a draft"
else
	tui_fail "composer: Escape keeps the edited text as a draft"
fi

# A reply longer than the platform allows: the check screen says by how
# much and what to do, never offers to send it, and y does not send it.
tui_keys $S g
tui_wait_selected_line $S 1
tui_capture $S
# A Bluesky row other than the first, which holds a draft by now.
bs=$(printf '%s\n' "$SCREEN" | sed -n '2,38p' | grep -n '^ bs ' |
    awk -F: '$1 > 1 { print $1; exit }')
i=1
while [ "$i" -lt "${bs:-1}" ]; do
	tui_keys $S j
	i=$((i + 1))
done
tui_wait_selected_line $S "${bs:-1}"
tui_keys $S r
tui_answer_again $S
tui_keys $S C-u
LONG=$(printf '%0310d' 0 | tr 0 a)
tui_type $S "$LONG"
tui_wait $S "-- your reply -- 310/300"
tui_keys $S Enter
too_long() {
	tui_shows $S "Check before sending" &&
	    tui_shows $S "TOO LONG" &&
	    tui_shows $S "10 characters (graphemes) over the limit of 300" &&
	    tui_shows $S "e or Esc: back to editing, to shorten it" &&
	    ! printf '%s\n' "$SCREEN" | grep -q -E "send now|y or Enter"
}
if tui_until too_long; then
	tui_ok "check: a reply 10 over the limit says so and what to do, and offers no way to send it"
else
	tui_fail "check: a reply 10 over the limit says so and what to do, and offers no way to send it"
fi
tui_keys $S y
refused() {
	tui_shows $S "Not sent: it is 10 characters (graphemes) over the limit of 300" &&
	    tui_shows $S "Check before sending" &&
	    ! tui_line 38 | grep -q "outbox"
}
if tui_until refused; then
	tui_ok "check: y on a reply over the limit says why it is not sent, and nothing goes to the outbox"
else
	tui_fail "check: y on a reply over the limit says why it is not sent, and nothing goes to the outbox"
fi
tui_keys $S e
if tui_wait_gone $S "Check before sending" && tui_shows $S "-- your reply -- 310/300"; then
	tui_ok "check: e goes back to the composer with the long reply, to shorten it"
else
	tui_fail "check: e goes back to the composer with the long reply, to shorten it"
fi
