# tests/tui/check-reply.sh -- heed check-reply: the guard's findings on a
# reply read from standard input, one a line (or JSON), against the demo
# shop ("Tulip & Tea") and an item of its cache; exit 1 when one blocks,
# 0 when none does, 2 for a usage error, 3 when it cannot check.

. tests/tui/lib.sh

reply=$TUI_DIR/reply.txt

printf 'Thank you from all of us at Tulip & Tae!\n' >"$reply"
tui_run --demo check-reply --account page <"$reply"
tui_expect "check-reply: the shop's name misspelt blocks, with its span and what was meant" \
    1 'BLOCK protected-word 28-39: "Tulip & Tae" is nearly the protected name "Tulip & Tea" (did you mean Tulip & Tea?)' ""

printf 'Fresh tulips at Tulip & Tea, and a pot of tea.\n' >"$reply"
tui_run --demo check-reply --account page <"$reply"
tui_expect "check-reply: tulips and the shop's own name are left alone, exit 0" \
    0 "" ""

printf 'Hi {name}, your order [ORDER NUMBER] is on its way from TulipTea\n' \
    >"$reply"
tui_run --demo check-reply --account social --json <"$reply"
tui_expect "check-reply --json: placeholders and a name run together, a line of JSON each, in order" \
    1 '{"severity":"BLOCK","kind":"placeholder","start":3,"length":6,"text":"{name}",*}
{"severity":"BLOCK","kind":"placeholder","start":22,"length":14,"text":"?ORDER NUMBER?",*}
{"severity":"BLOCK","kind":"protected-word","start":56,"length":8,"text":"TulipTea",*"suggestion":"Tulip & Tea"}' ""

conf=$TUI_DIR/check.conf
# The demo's accounts replace the config's: protect at the top applies.
printf 'protect = Marloes, "Maas teapot"\n' >"$conf"
printf 'The Mass teapot is back! Marleos\n' >"$reply"
tui_run --config "$conf" --demo check-reply --account page <"$reply"
tui_expect "check-reply: the protect option of the config is read" \
    1 'BLOCK protected-word 4-15: "Mass teapot" is nearly the protected name "Maas teapot"*
BLOCK protected-word 25-32: "Marleos" is nearly the protected name "Marloes"*' ""

# An item of the demo: Lotte Jansen writes in Dutch.
id=$(tui_heed --demo list --json 2>/dev/null |
    grep '"author":"Lotte Jansen"' | head -n 1 |
    sed 's/^{"id":\([0-9]*\),.*/\1/')
printf 'Hoi Sanne, dank je wel! Tot zaterdag.\n' >"$reply"
tui_run --demo check-reply --to "$id" <"$reply"
tui_expect "check-reply --to: a greeting to a name not in the thread warns, exit 0" \
    0 'WARN greeting 4-9: the reply greets "Sanne", but the customer, Lotte Jansen,*' ""
printf 'Hoi Lotte, dank je wel! Tot zaterdag.\n' >"$reply"
tui_run --demo check-reply --to "$id" <"$reply"
tui_expect "check-reply --to: the customer's own name, in her language: nothing" \
    0 "" ""
printf 'Thanks Lotte, see you on Saturday!\n' >"$reply"
tui_run --demo check-reply --to "$id" <"$reply"
tui_expect "check-reply --to: English to a Dutch comment warns of the language" \
    0 "WARN language: the reply reads as English, but the customer wrote in Dutch" ""

tui_run --demo check-reply --to 999999 <"$reply"
tui_expect "check-reply --to: an item not in the cache cannot be checked, exit 3" \
    3 "" "heed: item 999999: *"
tui_run --demo check-reply --account nobody <"$reply"
tui_expect "check-reply: an account not in the config, exit 3" \
    3 "" "heed: no account nobody in the config"
tui_run --demo check-reply <"$reply"
tui_expect "check-reply: several accounts and no --account is a usage error" \
    2 "" "*--account NAME*"
tui_run --demo check-reply --to x <"$reply"
tui_expect "check-reply: --to takes an id, exit 2" \
    2 "" "*--to takes an item's id*"
tui_run --demo check-reply --account page extra <"$reply"
tui_expect "check-reply: an argument it does not take is said, exit 2" \
    2 "" "*unexpected extra*"

# Spelling warns, in the reply's language, with what was probably meant;
# the shop's own name is never a misspelling; a language with no
# dictionary says so.
printf 'Thank you from Tulip & Tea, we will recieve it tomorow\n' >"$reply"
tui_run --demo check-reply --account page <"$reply"
tui_expect "check-reply: misspellings warn in the reply's language, with a suggestion, exit 0" \
    0 'WARN spelling 36-43: "recieve" is not in the en_* dictionary (did you mean receive?)
WARN spelling 47-54: "tomorow" is not in the en_* dictionary (did you mean tomorrow?)' ""
printf 'Bedankt, we sturen het morgne op\n' >"$reply"
tui_run --demo check-reply --account page <"$reply"
tui_expect "check-reply: a Dutch reply is checked in Dutch" \
    0 'WARN spelling *"morgne" is not in the nl_* dictionary (did you mean morgen?)' ""
printf '谢谢你的订单，我们明天寄出\n' >"$reply"
tui_run --demo check-reply --account page <"$reply"
tui_expect "check-reply: a Chinese reply says its spelling is not checked" \
    0 "WARN spelling: Spelling is not checked in Chinese: no dictionary" ""

# An ordinary word near a protected one: the dictionary of the language
# lets it be. "Use your brain" cannot be told English by itself, there is
# no customer, and the locale is C: the language option decides.
printf 'protect = Brian\n' >"$conf"
printf 'Use your brain\n' >"$reply"
tui_run --config "$conf" --demo check-reply --account page <"$reply"
tui_expect "check-reply: without a language, a word near a protected one blocks" \
    1 'BLOCK protected-word 9-14: "brain" is nearly the protected name "Brian"*' ""
printf 'protect = Brian\nlanguage = en\n' >"$conf"
tui_run --config "$conf" --demo check-reply --account page <"$reply"
tui_expect "check-reply: with language = en, brain is a word: nothing" \
    0 "" ""
printf 'Use your brain, Brina will help\n' >"$reply"
tui_run --config "$conf" --demo check-reply --account page <"$reply"
tui_expect "check-reply: the protected name misspelt into no word still blocks" \
    1 'BLOCK protected-word 16-21: "Brina" is nearly the protected name "Brian" (did you mean Brian?)' ""
