#!/bin/sh
# tests/tui/spelling.sh -- spelling in the composer: heed starts without
# enchant, a misspelled word is underlined once typing pauses, M-a adds
# it to the word list (0600) and the underline goes.
. tests/tui/lib.sh

S=spell
tui_start $S
if ! tui_ready $S; then
	tui_fail "spelling: heed --demo starts and syncs both demo accounts"
	exit 0
fi
PID=$(t display -p -t $S '#{pane_pid}')

# Return 0 if heed has enchant loaded.
enchant_loaded() {
	grep -q libenchant "/proc/$PID/maps"
}

if [ -r "/proc/$PID/maps" ] && ! enchant_loaded; then
	tui_ok "spelling: heed --demo runs without enchant loaded until a reply is written"
else
	tui_fail "spelling: heed --demo runs without enchant loaded until a reply is written" \
	    "$(grep -E 'enchant|hunspell' "/proc/$PID/maps" 2>&1 | head -n 3)"
fi

# The attributes of the cells showing $1 on the screen, one set a line.
attrs_of() {
	tui_capture_e $S
	printf '%s\n' "$ESCREEN" | tui_py attrs "$1"
}
underlined() {
	attrs_of "$1" | grep -q underline
}
plain_text() {
	_a=$(attrs_of "$1")
	[ "$_a" != MISSING ] && ! printf '%s\n' "$_a" | grep -q underline
}

tui_keys $S r
if ! tui_answer_again $S; then
	tui_fail "spelling: r opens the composer"
	exit 0
fi
# English by its words, whatever the customer wrote in.
tui_type $S "Thank you for your order, we will recieve"
if tui_until underlined "recieve" && plain_text "Thank you for your order"; then
	tui_ok "spelling: a misspelled word is underlined as typing pauses, and only it"
else
	tui_fail "spelling: a misspelled word is underlined as typing pauses, and only it" \
	    "recieve: $(attrs_of recieve); Thank: $(attrs_of 'Thank you')"
fi
if enchant_loaded; then
	tui_ok "spelling: enchant is loaded once the composer checks a reply"
else
	tui_fail "spelling: enchant is loaded once the composer checks a reply"
fi

# The underline stays on the word while more is typed after it.
tui_type $S " it"
if tui_wait $S "recieve it" && underlined "recieve"; then
	tui_ok "spelling: the underline is on its word after more is typed after it"
else
	tui_fail "spelling: the underline is on its word after more is typed after it" \
	    "$(attrs_of recieve)"
fi

tui_keys $S Left Left Left Left
tui_keys $S M-a
WORDS=$TUI_DIR/data/heed/words
if tui_wait $S "\"recieve\" is in your word list now" &&
    tui_until plain_text "recieve"; then
	tui_ok "spelling: M-a on the word adds it to the word list and the underline goes"
else
	tui_fail "spelling: M-a on the word adds it to the word list and the underline goes" \
	    "$(attrs_of recieve)"
fi
if [ "$(cat "$WORDS" 2>&1)" = recieve ] &&
    [ "$(stat -c %a "$WORDS")" = 600 ]; then
	tui_ok "spelling: the word list holds the word, one a line, mode 0600"
else
	tui_fail "spelling: the word list holds the word, one a line, mode 0600" \
	    "$(ls -l "$WORDS" 2>&1; cat "$WORDS" 2>&1)"
fi
tui_keys $S M-a
if tui_wait $S "\"recieve\" is in your word list already" &&
    [ "$(cat "$WORDS")" = recieve ]; then
	tui_ok "spelling: M-a again does not write the word twice"
else
	tui_fail "spelling: M-a again does not write the word twice" \
	    "$(cat "$WORDS" 2>&1)"
fi
