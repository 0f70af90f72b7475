#!/bin/sh
# tests/tui/check-screen.sh -- the guard on the check screen: the shop's
# name misspelled and a placeholder left in block sending (y says why),
# numbered findings take the cursor back to them in the composer, ! sends
# anyway; a reply that only warns goes with y. With more findings than
# the digits, 0 goes to the tenth and :finding N to any, and those that do
# not fit on the screen are counted.

. tests/tui/lib.sh

S=check
tui_start $S
if ! tui_ready $S; then
	tui_fail "check screen: heed --demo starts and syncs both demo accounts"
	exit 0
fi
tui_keys $S r
tui_answer_again $S
tui_type $S "Thanks from Tulip & Tae! Your order {order} is on its way"
tui_keys $S Enter
if tui_wait $S "Check before sending" &&
    tui_shows_re $S '^  Found:  1 BLOCKS "Tulip & Tae" is nearly the protected name "Tulip & Tea"' &&
    tui_shows_re $S '^ +2 BLOCKS the placeholder "\{order\}" is still in the reply'; then
	tui_ok "check screen: the misspelled shop name and the placeholder block, most weighty first"
else
	tui_fail "check screen: the misspelled shop name and the placeholder block, most weighty first"
fi
tui_keys $S y
if tui_wait $S "Not sent: finding 1 blocks it" && tui_shows $S "Check before sending"; then
	tui_ok "check screen: y does not send what blocks, and says why"
else
	tui_fail "check screen: y does not send what blocks, and says why"
fi
tui_keys $S 2
tui_wait $S "-- your reply --"
tui_type $S "#A12"
tui_keys $S Delete Delete Delete Delete Delete Delete Delete
if tui_wait $S "Your order #A12 is on its way"; then
	tui_ok "check screen: 2 goes back to editing with the cursor at the placeholder"
else
	tui_fail "check screen: 2 goes back to editing with the cursor at the placeholder"
fi
tui_keys $S Enter
tui_wait $S "Check before sending"
if tui_shows_re $S '^  Found:  1 BLOCKS "Tulip & Tae"' && tui_hides $S "{order}"; then
	tui_ok "check screen: read again, only the shop's name blocks"
else
	tui_fail "check screen: read again, only the shop's name blocks"
fi
tui_keys $S '!'
if tui_wait $S "leaves in" || tui_wait $S "queued; sending"; then
	tui_ok "check screen: ! sends it anyway, on the owner's word"
else
	tui_fail "check screen: ! sends it anyway, on the owner's word"
fi
# Forty placeholders: more findings than keys, and than the screen holds.
many=
i=1
while [ $i -le 40 ]; do
	many="$many{p$i} "
	i=$((i + 1))
done
tui_keys $S r
tui_answer_again $S
tui_type $S "${many}end"
tui_keys $S Enter
if tui_wait $S "Check before sending" &&
    tui_shows_re $S '^ +10 BLOCKS the placeholder "\{p10\}"' &&
    tui_shows_re $S ' [0-9]+ more do not fit here: :finding N goes back to editing at finding N \([0-9]+ to 40\)'; then
	tui_ok "check screen: past the ninth the findings are numbered on, and those that do not fit are counted"
else
	tui_fail "check screen: past the ninth the findings are numbered on, and those that do not fit are counted"
fi
tui_keys $S 0
tui_wait $S "-- your reply --"
tui_type $S "TEN"
tui_keys $S Delete Delete Delete Delete Delete
if tui_wait $S "{p9} TEN {p11}"; then
	tui_ok "check screen: 0 goes back to editing at the tenth finding"
else
	tui_fail "check screen: 0 goes back to editing at the tenth finding"
fi
tui_keys $S Enter
tui_wait $S "Check before sending"
tui_keys $S :
tui_type $S "finding 39"
tui_keys $S Enter
tui_wait $S "-- your reply --"
tui_type $S "LAST"
tui_keys $S Delete Delete Delete Delete Delete
if tui_wait $S "{p39} LAST end"; then
	tui_ok "check screen: :finding 39 goes back to editing at a finding no key reaches"
else
	tui_fail "check screen: :finding 39 goes back to editing at a finding no key reaches"
fi
exit 0
