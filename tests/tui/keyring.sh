# tests/tui/keyring.sh -- credentials through the real binary: heed login
# typed into a terminal, heed accounts, doctor, logout, a credential
# command, the refused token, no D-Bus, and no secret in any file heed
# wrote. tests/run runs it inside tests/keyring-session (a private D-Bus
# session with a real, unlocked gnome-keyring-daemon).

. tests/tui/lib.sh

TOKEN=heed-test-token-7f3a91c2
CMDTOKEN=heed-cmd-token-55e0b8d4
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"

# Write the test config with one keyring account and one command account.
write_config() {
	cat >"$CONF" <<EOC
[account shop]
platform = demo-page
handle = tulipandtea
url = demo://page

[account cmd]
platform = demo-social
handle = tulipandtea.example
url = demo://social
credential_command = printf '$CMDTOKEN\\n'
EOC
	chmod 600 "$CONF"
}
write_config

if [ -z "$DBUS_SESSION_BUS_ADDRESS" ]; then
	tui_fail "keyring: the test runs inside tests/keyring-session" \
	    "DBUS_SESSION_BUS_ADDRESS is not set"
	exit 0
fi

out=$(tui_heed accounts 2>&1)
case $out in
*"shop"*"missing: run heed login shop"*)
	tui_ok "accounts: before login the shop's credential is missing" ;;
*)	tui_fail "accounts: before login the shop's credential is missing" "$out" ;;
esac

# Log in on a real terminal: the token is typed and must not be echoed.
tui_start_cmd login "$(tui_env) '$HEED' login shop; echo EXIT=\$?; sleep 60"
if tui_wait login "Access token for shop"; then
	tui_type login "$TOKEN"
	tui_keys login Enter
	if tui_wait login "EXIT=0" && tui_shows login "Logged in" &&
	    tui_hides login "$TOKEN"; then
		tui_ok "login: the token typed is not echoed and is stored"
	else
		tui_fail "login: the token typed is not echoed and is stored"
	fi
else
	tui_fail "login: heed login asks for the access token"
fi
t kill-session -t login

got=$(secret-tool lookup account shop platform demo-page kind token 2>&1)
if [ "$got" = "$TOKEN" ]; then
	tui_ok "login: the token is in the Secret Service keyring"
else
	tui_fail "login: the token is in the Secret Service keyring" "$got"
fi

out=$(tui_heed accounts 2>&1)
case $out in
*"shop"*"present (keyring)"*"cmd"*"from credential_command"*)
	tui_ok "accounts: after login present, the command account named" ;;
*)	tui_fail "accounts: after login present, the command account named" \
	    "$out" ;;
esac

out=$(tui_heed doctor 2>&1)
rc=$?
case $out in
*"ok    system keyring: reachable"*"ok    account shop (demo-page): credential present in the keyring"*"ok    account cmd (demo-social): credential from credential_command works"*)
	if [ $rc -eq 0 ]; then
		tui_ok "doctor: keyring reachable, both credentials work, exit 0"
	else
		tui_fail "doctor: keyring reachable, both credentials work, exit 0" "exit $rc: $out"
	fi ;;
*)	tui_fail "doctor: keyring reachable, both credentials work, exit 0" \
	    "$out" ;;
esac

# Wait until heed in session $1 has synced both test accounts.
keyring_ready() {
	tui_until keyring_synced "$1"
}
keyring_synced() {
	tui_shows "$1" "shop synced" &&
	    printf '%s\n' "$SCREEN" | grep -q "cmd synced" &&
	    printf '%s\n' "$SCREEN" | grep -E -q "Inbox [1-9][0-9]*"
}

# The interface syncs both accounts with their credentials.
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
if keyring_ready ui; then
	tui_ok "sync: the shop (keyring) and cmd (command) accounts sync"
else
	tui_fail "sync: the shop (keyring) and cmd (command) accounts sync"
fi

# The editor child's environment holds no secret.
cat >"$TUI_DIR/editor.sh" <<'EOE'
#!/bin/sh
env >"$(dirname "$0")/editor-env.txt"
printf 'from the editor\n' >"$1"
EOE
chmod +x "$TUI_DIR/editor.sh"
t kill-session -t ui
tui_start_cmd ui "exec env -u NO_COLOR EDITOR='$TUI_DIR/editor.sh' $(tui_env) '$HEED'"
if keyring_ready ui; then
	tui_keys ui r
	tui_wait ui "your reply"
	tui_keys ui C-e
	if tui_wait ui "from the editor" && [ -f "$TUI_DIR/editor-env.txt" ] &&
	    ! grep -q -e "$TOKEN" -e "$CMDTOKEN" "$TUI_DIR/editor-env.txt"; then
		tui_ok "editor: the \$EDITOR child's environment has no secret"
	else
		tui_fail "editor: the \$EDITOR child's environment has no secret"
	fi
	tui_keys ui Escape
else
	tui_fail "editor: the \$EDITOR child's environment has no secret"
fi
t kill-session -t ui

# A token the platform refuses: the account stops and says what to do.
printf 'revoked-%s\n' "$TOKEN" | tui_heed login shop >/dev/null 2>&1
tui_start_cmd ui "exec env -u NO_COLOR $(tui_env) '$HEED'"
if tui_wait ui "LOGIN NEEDED" && tui_until tui_shows ui "cmd synced"; then
	tui_ok "sync: a refused token stops that account only (LOGIN NEEDED)"
else
	tui_fail "sync: a refused token stops that account only (LOGIN NEEDED)"
fi
t kill-session -t ui

out=$(tui_heed logout shop 2>&1)
got=$(secret-tool lookup account shop platform demo-page kind token 2>&1)
case $out in
*"Logged out"*)
	if [ -z "$got" ]; then
		tui_ok "logout: the token is gone from the keyring"
	else
		tui_fail "logout: the token is gone from the keyring" "$got"
	fi ;;
*)	tui_fail "logout: the token is gone from the keyring" "$out" ;;
esac
out=$(tui_heed logout shop 2>&1)
case $out in
*"already logged out"*) tui_ok "logout: a second logout says nothing was stored" ;;
*)	tui_fail "logout: a second logout says nothing was stored" "$out" ;;
esac

# Without D-Bus: a clear message, and the offline cache still opens.
out=$(printf 'x\n' | env -u DBUS_SESSION_BUS_ADDRESS HOME="$TUI_DIR/home" \
    XDG_CONFIG_HOME="$TUI_DIR/config" XDG_DATA_HOME="$TUI_DIR/data" \
    XDG_STATE_HOME="$TUI_DIR/state" "$HEED" login shop 2>&1)
rc=$?
case $out in
*"D-Bus"*"credential_command"*)
	tui_ok "no D-Bus: login says the keyring is unreachable and names credential_command" ;;
*)	tui_fail "no D-Bus: login says the keyring is unreachable and names credential_command" "exit $rc: $out" ;;
esac
out=$(env -u DBUS_SESSION_BUS_ADDRESS HOME="$TUI_DIR/home" \
    XDG_CONFIG_HOME="$TUI_DIR/config" XDG_DATA_HOME="$TUI_DIR/data" \
    XDG_STATE_HOME="$TUI_DIR/state" "$HEED" accounts 2>&1)
case $out in
*"shop"*"keyring unreachable"*)
	tui_ok "no D-Bus: accounts shows the keyring as unreachable" ;;
*)	tui_fail "no D-Bus: accounts shows the keyring as unreachable" "$out" ;;
esac
out=$(env -u DBUS_SESSION_BUS_ADDRESS HOME="$TUI_DIR/home" \
    XDG_CONFIG_HOME="$TUI_DIR/config" XDG_DATA_HOME="$TUI_DIR/data" \
    XDG_STATE_HOME="$TUI_DIR/state" "$HEED" list 2>&1)
if [ -n "$out" ] && [ "$(printf '%s\n' "$out" | wc -l)" -gt 5 ]; then
	tui_ok "no D-Bus: heed list still reads the cache"
else
	tui_fail "no D-Bus: heed list still reads the cache" "$out"
fi

# A config that others may write is refused.
chmod 664 "$CONF"
out=$(tui_heed accounts 2>&1)
rc=$?
case $out in
*"refusing a config file that group or others may write"*"chmod go-w"*)
	[ $rc -eq 1 ] && tui_ok "config: a group-writable config is refused with the fix" ||
	    tui_fail "config: a group-writable config is refused with the fix" "exit $rc" ;;
*)	tui_fail "config: a group-writable config is refused with the fix" "$out" ;;
esac
chmod 600 "$CONF"

# No secret in any file heed wrote: cache, log, config, core files.
found=$(grep -r -l -a -e "$TOKEN" -e "$CMDTOKEN" "$TUI_DIR/data" \
    "$TUI_DIR/state" "$TUI_DIR/home" "$TUI_DIR/tmp" 2>/dev/null;
    grep -l -a -e "$TOKEN" "$CONF" 2>/dev/null;
    find "$TUI_DIR" -name 'core*' 2>/dev/null)
if [ -z "$found" ] && [ -s "$TUI_DIR/data/heed/cache.db" ] &&
    [ -s "$TUI_DIR/state/heed/log" ]; then
	tui_ok "secrets: no token in the cache, log, config or a core file"
else
	tui_fail "secrets: no token in the cache, log, config or a core file" \
	    "found: $found"
fi
