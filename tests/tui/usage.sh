# tests/tui/usage.sh -- the usage: heed --help and heed help print it and
# exit 0; heed help with a command points to the manual; a command heed
# does not know is said, with the usage, exit 2.

. tests/tui/lib.sh

tui_run --help
tui_expect "usage: --help prints it on standard output, exit 0" \
    0 "usage: heed *commands:*check-reply*See heed(1) and heed.conf(5).*" ""
tui_run help
tui_expect "usage: heed help prints the same, exit 0" \
    0 "usage: heed *commands:*check-reply*See heed(1) and heed.conf(5).*" ""
tui_run help stats
tui_expect "usage: heed help stats points to the manual" \
    0 "usage: heed *heed(1) tells all of stats." ""
tui_run frobnicate
tui_expect "usage: an unknown command is said, with the usage, exit 2" \
    2 "" "heed: unknown command frobnicate*usage: heed *"
exit 0
