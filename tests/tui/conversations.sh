#!/bin/sh
# tests/tui/conversations.sh -- heed list --conversations on the demo
# inbox: a customer's follow-ups are one row with the newest text, what
# the shop answered leaves with the message it answered, and a message
# after the shop's answer is a conversation of its own.
. tests/tui/lib.sh

JSON=$TUI_DIR/conv.json
ITEMS=$TUI_DIR/items.json
TEXT=$(tui_heed --demo list --conversations 2>"$TUI_DIR/err")
rc=$?
tui_heed --demo list --conversations --json >"$JSON" 2>>"$TUI_DIR/err"
tui_heed --demo list --json >"$ITEMS" 2>>"$TUI_DIR/err"
SCREEN=$TEXT

# Field $2 of the conversation of author $1 in the JSON Lines, one line
# per conversation of theirs, oldest first.
conv() {
	PYTHONUTF8=1 python3 -c '
import json, sys
for l in open(sys.argv[1]):
    c = json.loads(l)
    if c["author"] == sys.argv[2]:
        v = c.get(sys.argv[3])
        print(" ".join(map(str, v)) if isinstance(v, list) else
              str(v).split("\n")[0])' "$JSON" "$1" "$2"
}

# Martijn Smit complained, then wrote twice more with no answer: one row
# of three messages, the newest text, waiting since the first.
row=$(printf '%s\n' "$TEXT" | grep "Martijn Smit")
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$row" | grep -c .)" = 1 ] &&
    printf '%s\n' "$row" | grep -q -E '^ +1d  Martijn Smit +3  Ik heb jullie nu ook gemaild'; then
	tui_ok "conversations: a customer's complaint and two follow-ups are one row of 3, with the newest text, waiting since the first"
else
	tui_fail "conversations: a customer's complaint and two follow-ups are one row of 3, with the newest text, waiting since the first" \
	    "exit $rc, rows: $row; stderr: $(cat "$TUI_DIR/err")"
fi

# Gemma Whitfield's complaint and her follow-up under another comment were
# answered by the shop: they are gone; what she wrote after the answer is
# a conversation of one, which knows of the answer before it.
n=$(conv "Gemma Whitfield" messages)
text=$(conv "Gemma Whitfield" text)
last=$(conv "Gemma Whitfield" last_answer)
first=$(conv "Gemma Whitfield" first)
if [ "$n" = 1 ] && [ "${last:-0}" -gt 0 ] 2>/dev/null &&
    [ "$last" -lt "$first" ] &&
    printf '%s\n' "$text" | grep -q '^"Out for delivery tomorrow."'; then
	tui_ok "conversations: a message after the shop's answer is a conversation of its own; the answered ones are gone"
else
	tui_fail "conversations: a message after the shop's answer is a conversation of its own; the answered ones are gone" \
	    "messages: $n, first: $first, last_answer: $last, text: $text"
fi

# Pieter Bakker wrote under the apology twice, under someone else's
# comment and under the shop's reply to her: one conversation of two.
# His order under another post is another conversation.
n=$(conv "Pieter Bakker" messages | tr '\n' ' ')
if [ "$n" = "2 1 " ]; then
	tui_ok "conversations: follow-ups under other people's comments join; another post is another conversation"
else
	tui_fail "conversations: follow-ups under other people's comments join; another post is another conversation" \
	    "Pieter Bakker's conversations have these numbers of messages: $n"
fi

# The rows account for every inbox item once, each conversation's ids in
# the order the items were written. (Each heed --demo lays the demo out
# from its own start, so the two lists' times differ by a constant.)
check=$(PYTHONUTF8=1 python3 -c '
import json, sys
convs = [json.loads(l) for l in open(sys.argv[1])]
items = {i["id"]: i for i in map(json.loads, open(sys.argv[2]))}
ids = [i for c in convs for i in c["ids"]]
if sorted(ids) != sorted(items):
    print("%d ids for %d items" % (len(ids), len(items)))
    sys.exit()
bad = [c["id"] for c in convs if c["messages"] != len(c["ids"]) or
       c["id"] != c["ids"][0] or
       [items[i]["created"] for i in c["ids"]] !=
       sorted(items[i]["created"] for i in c["ids"])]
shift = {c["first"] - items[c["ids"][0]]["created"] for c in convs} | \
    {c["newest"] - items[c["ids"][-1]]["created"] for c in convs}
print("ok" if not bad and len(shift) == 1 else
      "bad rows %s, first and newest off by %s" % (bad, sorted(shift)))
' "$JSON" "$ITEMS" 2>&1)
nrows=$(printf '%s\n' "$TEXT" | grep -c .)
if [ "$check" = ok ] && [ "$nrows" = "$(grep -c . "$JSON")" ]; then
	tui_ok "conversations: the rows hold every inbox item once, oldest first, as many in text as in JSON"
else
	tui_fail "conversations: the rows hold every inbox item once, oldest first, as many in text as in JSON" \
	    "$check; $nrows text rows, $(grep -c . "$JSON") JSON rows"
fi
