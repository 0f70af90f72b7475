#!/bin/sh
# tests/tui/keyring-mastodon.sh -- heed login, doctor and logout of a
# Mastodon account, the real binary against the fake server of
# tests/fake/mastodon.py: the code pasted into a terminal, the browser sent
# back to heed's loopback listener (curl plays the browser), the app
# registered once and kept in the cache, PKCE checked by the server, the
# token a new login replaces revoked, doctor's checks, logout revoking the
# token, and an instance older than 4.3 (no OAuth description, no PKCE).
# tests/run runs it inside tests/keyring-session (a private D-Bus session
# with a real, unlocked gnome-keyring-daemon).

. tests/tui/lib.sh
. tests/tui/lib-fake.sh

W=$TUI_DIR/masto
mkdir -m 700 "$W"
CONF=$TUI_DIR/config/heed/config
mkdir -p "$TUI_DIR/config/heed"

if [ -z "$DBUS_SESSION_BUS_ADDRESS" ]; then
	tui_fail "mastodon login: the test runs inside tests/keyring-session" \
	    "DBUS_SESSION_BUS_ADDRESS is not set"
	exit 0
fi

fake_start "mastodon login: the fake server" tests/fake/mastodon.py ||
    exit 0

cat >"$CONF" <<EOC
[account shop]
platform = mastodon
url = $URL
handle = @acmeshop
EOC
chmod 600 "$CONF"

# Print a value computed (python EXPR over the dict s) from GET /_state.
state() {
	curl -sS --noproxy '*' -m 30 "$URL/_state?statuses=0&notifications=0" \
	    >"$W/state.json"
	python3 -c 'import json, sys
s = json.load(open(sys.argv[1]))
print(eval(sys.argv[2]))' "$W/state.json" "$1"
}

# The authorization address heed shows in session $1 (lines joined).
authorize_url() {
	t capture-pane -p -J -t "$1" | grep -o "$URL/oauth/authorize?[^ ]*" |
	    tail -n 1
}

# Return 0 if session $1 shows the authorization address.
shows_address() {
	t capture-pane -p -J -t "$1" | grep -q '/oauth/authorize?'
}

# Start heed login with options $2 in session $1 and wait for the address.
start_login() {
	tui_start_cmd "$1" "$(tui_env) '$HEED' login $2 shop; echo EXIT=\$?; \
sleep 60"
	tui_until shows_address "$1"
}

# --- 1. the code pasted -----------------------------------------------

name="mastodon login --paste: the code pasted logs in, with PKCE"
if start_login paste --paste && tui_wait paste "Authorization code:"; then
	auth=$(authorize_url paste)
	code=$(curl -sS --noproxy '*' -m 30 -H 'Accept: text/html' "$auth" |
	    sed -n 's/.*value="\([^"]*\)" class="oauth-code".*/\1/p')
	tui_type paste "$code"
	tui_keys paste Enter
	case $auth in
	*"code_challenge_method=S256"*) pkce=yes ;;
	*)	pkce=no ;;
	esac
	if [ -n "$code" ] && [ $pkce = yes ] && tui_wait paste "EXIT=0" &&
	    tui_shows paste "Logged in to Mastodon as @acmeshop on 127.0.0.1:$PORT"
	then
		tui_ok "$name"
	else
		tui_fail "$name" "code: $code; address: $auth"
	fi
else
	tui_fail "$name" "heed login --paste shows no address to open"
fi
t kill-session -t paste 2>/dev/null
first=$(secret-tool lookup account shop platform mastodon kind access-token)

apps=$(state 's["apps"]["registrations"]')
if [ "$apps" = 1 ] && [ -n "$first" ]; then
	tui_ok "mastodon login: heed registered once; the token is in the keyring"
else
	tui_fail "mastodon login: heed registered once; the token is in the keyring" \
	    "registrations: $apps; token kept: ${first:+yes}"
fi

# --- 2. the browser comes back to heed ------------------------------

name="mastodon login --local: the browser comes back to heed"
if start_login local --local && tui_wait local "Waiting for the browser"
then
	auth=$(authorize_url local)
	page=$(curl -sS --noproxy '*' -m 30 -L -H 'Accept: text/html' "$auth")
	case $auth in
	*"redirect_uri=http%3A%2F%2F127.0.0.1%3A"*"%2Fcallback"*) ok=yes ;;
	*)	ok=no ;;
	esac
	if [ $ok = yes ] && tui_wait local "EXIT=0" &&
	    tui_shows local "Logged in to Mastodon as @acmeshop"; then
		case $page in
		"heed is logged in to 127.0.0.1:$PORT as @acmeshop; you may close this tab.")
			tui_ok "$name" ;;
		*)	tui_fail "$name" "the page: $page" ;;
		esac
	else
		tui_fail "$name" "address: $auth; page: $page"
	fi
else
	tui_fail "$name" "heed login --local does not wait for the browser"
fi
t kill-session -t local 2>/dev/null
second=$(secret-tool lookup account shop platform mastodon kind access-token)

# The app was used again; the token the new login replaced is revoked.
apps=$(state 's["apps"]["registrations"]')
code=$(curl -sS --noproxy '*' -o /dev/null -w '%{http_code}' -m 30 \
    -H "Authorization: Bearer $first" "$URL/api/v1/accounts/verify_credentials")
if [ "$apps" = 1 ] && [ "$second" != "$first" ] && [ "$code" = 401 ]; then
	tui_ok "mastodon login: the app is used again, the replaced token revoked"
else
	tui_fail "mastodon login: the app is used again, the replaced token revoked" \
	    "registrations: $apps; the first token answers $code"
fi

# --- 3. doctor --------------------------------------------------------

out=$(tui_heed doctor 2>&1)
case $out in
*"ok    account shop (mastodon): the token works: it is @acmeshop's on 127.0.0.1:$PORT"*"ok    account shop (mastodon): the app heed may do all that heed does"*"runs Mastodon 4.5.2"*)
	tui_ok "mastodon doctor: whose the token is, the app's permissions, the version" ;;
*)	tui_fail "mastodon doctor: whose the token is, the app's permissions, the version" \
	    "$out" ;;
esac

# --- 4. logout --------------------------------------------------------

tui_run logout shop
code=$(curl -sS --noproxy '*' -o /dev/null -w '%{http_code}' -m 30 \
    -H "Authorization: Bearer $second" "$URL/api/v1/accounts/verify_credentials")
left=$(secret-tool lookup account shop platform mastodon kind access-token)
if [ "$RC" = 0 ] && [ "$code" = 401 ] && [ -z "$left" ]; then
	case $OUT in
	*"revoked"*"gone from the keyring"*)
		tui_ok "mastodon logout: the token is revoked, then deleted" ;;
	*)	tui_fail "mastodon logout: the token is revoked, then deleted" \
		    "$OUT" ;;
	esac
else
	tui_fail "mastodon logout: the token is revoked, then deleted" \
	    "exit $RC, the token answers $code, $OUT $ERR"
fi

# --- 5. an instance older than 4.3 -----------------------------------

ctl '{"op": "version", "version": "4.2.10"}' >/dev/null
name="mastodon login on 4.2: no OAuth description, no PKCE, the kept app"
if start_login old --paste && tui_wait old "Authorization code:"; then
	auth=$(authorize_url old)
	code=$(curl -sS --noproxy '*' -m 30 -H 'Accept: text/html' "$auth" |
	    sed -n 's/.*value="\([^"]*\)" class="oauth-code".*/\1/p')
	tui_type old "$code"
	tui_keys old Enter
	if tui_wait old "EXIT=0" && tui_shows old "Logged in to Mastodon" &&
	    case $auth in *code_challenge*) false ;; *) true ;; esac &&
	    [ "$(state 's["apps"]["registrations"]')" = 1 ]; then
		tui_ok "$name"
	else
		tui_fail "$name" "address: $auth"
	fi
else
	tui_fail "$name" "heed login shows no address to open"
fi
t kill-session -t old 2>/dev/null

# No file heed wrote holds the token.
tok=$(secret-tool lookup account shop platform mastodon kind access-token)
if [ -n "$tok" ] && ! grep -r -q -F "$tok" "$TUI_DIR/data" "$TUI_DIR/state" \
    "$TUI_DIR/config" 2>/dev/null; then
	tui_ok "mastodon login: the token is in no file heed wrote"
else
	tui_fail "mastodon login: the token is in no file heed wrote"
fi
