#!/usr/bin/env python3
"""fake Mastodon server for heed's tests: the REST API of one Mastodon 4.x
server over HTTP (and HTTPS), all in memory, standard library only.

    python3 tests/fake/mastodon.py [--username NAME] [--version V]
        [--max-characters N] [--seed N] [--cert server.pem --key server.key]

Listens on 127.0.0.1 only, on ports the kernel picks, and prints one line
"http=PORT https=PORT" (https=0 without a certificate). It exits when its
standard input reaches end of file, so it cannot outlive the test that
started it, or on SIGTERM. HEED_FAKE_VERBOSE=1 logs requests to stderr.
--seed N runs the "seed" op below with N replies (its other counts at
their defaults) before it starts listening. The server is threaded; one
lock guards the whole state.

It plays a Mastodon server as shared/API-NOTES.md section 3, the Mastodon
documentation and the recordings in shared/api-samples/mastodon/ describe
it. Its own address is the scheme and Host header of each request: the
instance's domain, the URLs of local accounts and statuses, Link headers.
--version (default 4.5.2; also the "version" op) is the version it
announces, and what it does follows it: before 4.3 there is no
/.well-known/oauth-authorization-server, no PKCE (code_challenge and
code_verifier are ignored), no GET /api/v1/statuses?id[], no
/api/v2/notifications and no group_key in notifications, and apps come
without scopes and redirect_uris; client_secret_expires_at and
/oauth/userinfo from 4.4.

Who is there:

  - the shop: the local account NAME (default acmeshop), display name
    "Acme Shop", the only user who logs in; and "admin" (role Owner), the
    instance's contact;
  - customers, made by the seed and add ops: remote accounts (acct
    user@domain, on social.example, toot.example.org, masto.example.net
    and xn--bcher-kva.example) and one in four local ones.

Entities are shaped as the recordings are: ids are strings (statuses and
accounts are snowflakes, the milliseconds of their creation shifted left
16 bits, so they sort by time; notifications count up from 48211);
created_at has milliseconds ("2026-08-01T13:52:34.108Z"), last_status_at
is a date. Local accounts carry noindex, feature_approval and roles. A
status carries favourited, reblogged, muted, bookmarked and filtered only
for a logged-in viewer, pinned on the viewer's own (not direct) statuses,
application on local statuses. Content is HTML as Mastodon renders it:
<p> paragraphs, <br /> line breaks (<br> in remote statuses, as after its
sanitizer), links as <a href="URL" target="_blank" rel="nofollow noopener"
translate="no"><span class="invisible">https://</span><span
class="ellipsis">(30 characters)</span><span class="invisible">(the
rest)</span></a> (class "" when not cut), mentions of the accounts a
status mentions as <span class="h-card" translate="no"><a href="URL"
class="u-url mention">@<span>user</span></a></span> (remote statuses add
rel="nofollow noopener" target="_blank"), hashtags as <a href=".../tags/x"
class="mention hashtag" rel="tag">#<span>x</span></a>, custom emoji left
as :shortcode: with the "emojis" list (blobcat, acme_heart, party_parrot).
Seeded hostile statuses may carry raw HTML a sanitizer would have removed
instead: <script>, onerror, javascript: links, entity soup, ESC and C1
bytes, 400 nested spans, 200 KB.

Tokens come as "Authorization: Bearer T" (or an access_token parameter).
A route that needs one, given none, an unknown or a revoked one: 401
{"error":"The access token is invalid"} with WWW-Authenticate: Bearer
realm="Doorkeeper", error="invalid_token", error_description=...; one
lacking the route's scopes: 403 {"error":"This action is outside the
authorized scopes"}; an app's token (client_credentials) where a user is
needed: 422 {"error":"This method requires an authenticated user"}.
Scopes are compared as strings: each route names those that open it (read
or read:statuses, write or write:favourites, follow, write or
write:mutes...).

Routes. Bodies are form-encoded or JSON, merged with the query as Rails
merges them, arrays as name[]; JSON that does not parse is 400 {"error":
"Error occurred while parsing request parameters"}. An unknown path is
404 {"error":"Not Found"} for a client that accepts JSON, else an HTML
page.

  POST /api/v1/apps      client_name, redirect_uris (space separated or an
                         array; urn:ietf:wg:oauth:2.0:oob or absolute URIs
                         without a fragment), scopes (default "read"),
                         website -> CredentialApplication {id, name,
                         website, scopes, redirect_uris, vapid_key,
                         redirect_uri (joined by newlines), client_id,
                         client_secret, client_secret_expires_at: 0}; 422
                         "Validation failed: ..." for a blank name, a bad
                         URI, an unknown scope. Counted in /_state.
  GET  /api/v1/apps/verify_credentials   any valid token -> Application
                         {id, name, website, scopes, redirect_uris,
                         vapid_key, redirect_uri}.
  GET  /.well-known/oauth-authorization-server   (4.3+) {issuer,
                         service_documentation, authorization_endpoint,
                         token_endpoint, app_registration_endpoint,
                         revocation_endpoint, userinfo_endpoint (4.4+),
                         scopes_supported, response_types_supported
                         ["code"], response_modes_supported,
                         code_challenge_methods_supported ["S256"],
                         grant_types_supported ["authorization_code",
                         "client_credentials"],
                         token_endpoint_auth_methods_supported}.
  GET  /oauth/authorize  response_type=code, client_id, redirect_uri (one
                         of the app's; loopback ones on any port), scope
                         (default read; each one of the app's scopes),
                         state, code_challenge, code_challenge_method
                         (S256 only). Approved at once, as the shop.
                         urn:ietf:wg:oauth:2.0:oob: 200, an HTML page with
                         <input ... value="CODE" class="oauth-code">; else
                         302 to redirect_uri?code=CODE&state=STATE. Codes
                         live 10 minutes. An unknown client_id: 401
                         invalid_client; no redirect_uri, or another one:
                         400 invalid_request or invalid_redirect_uri; as an
                         HTML page, or {"error", "error_description"} for
                         a client that accepts JSON. Other errors
                         (unsupported_response_type, invalid_scope,
                         invalid_request for a method other than S256) go
                         back as a 302 to redirect_uri?error=..&
                         error_description=..&state=.. (out of band: the
                         page or JSON).
  POST /oauth/token      grant_type=authorization_code, code, client_id
                         and client_secret (or HTTP Basic), redirect_uri,
                         code_verifier (needed when the code had a
                         challenge: its base64url SHA-256, without
                         padding, must be the challenge); codes are single
                         use. grant_type=client_credentials, scope: an
                         app's token. -> {access_token, token_type:
                         "Bearer", scope, created_at} (no expires_in, no
                         refresh token). Errors: 400 {"error":
                         "invalid_grant" (also a used, expired or other
                         app's code, another redirect_uri, a wrong
                         verifier), "invalid_request", "invalid_scope" or
                         "unsupported_grant_type", "error_description"},
                         401 invalid_client.
  POST /oauth/revoke     client_id, client_secret, token -> 200 {} (an
                         unknown token too); another app's token: 403
                         unauthorized_client. The token then gets 401.
  GET  /oauth/userinfo   (4.4+, scope profile) {iss, sub, name,
                         preferred_username, profile, picture}.
  GET  /api/v1/accounts/verify_credentials   (read, read:accounts or
                         profile) the shop's CredentialAccount: the
                         Account with source {privacy, sensitive,
                         language, note, fields, ...} and role.
  GET  /api/v2/instance  {domain, title, version, source_url, description,
                         usage, thumbnail, languages, configuration {urls,
                         vapid, accounts, statuses {max_characters (500,
                         or as set), max_media_attachments,
                         characters_reserved_per_url: 23},
                         media_attachments, polls, translation},
                         registrations, contact, rules, api_versions (4.3+:
                         2, 4.4: 5, 4.5: 7, 4.6: 10)}.
  GET  /api/v1/instance  the older shape: uri, title, short_description,
                         version, urls, stats, configuration,
                         contact_account, rules...
  GET  /api/v1/accounts/:id/statuses   (token optional) limit (20, at most
                         40; 0 gives none), max_id, since_id, min_id,
                         exclude_replies (replies to other accounts),
                         tagged, only_media and pinned (nothing has media
                         or is pinned). Others' direct statuses and what
                         the viewer may not see are left out. Link: next
                         (max_id) when the page is full, prev (min_id)
                         unless it is empty, keeping limit and the
                         filters, parameters sorted as Rails writes them.
  GET  /api/v1/statuses/:id   (token optional) the Status; deleted or not
                         visible: 404 {"error":"Record not found"}.
  GET  /api/v1/statuses?id[]=..&id[]=..   (4.3+, token optional) those
                         that exist and may be seen, in the order asked;
                         more than 20 ids: 422 {"error":
                         "Mastodon::ValidationError"}.
  GET  /api/v1/statuses/:id/context   (token optional) {ancestors (oldest
                         first), descendants (depth first, children by
                         id)}, without what the viewer may not see or
                         filters out (muted and blocked authors); without
                         a token at most 40 ancestors, 60 descendants and
                         depth 20.
  POST /api/v1/statuses  status, in_reply_to_id, visibility (public,
                         unlisted, private, direct; default the account's,
                         public; stored as sent, never adjusted),
                         spoiler_text (it makes the status sensitive),
                         sensitive, language, media_ids[]. Checked in this
                         order: a parent that is deleted or not visible:
                         404 {"error":"The post you are trying to reply to
                         does not appear to exist."}; an Idempotency-Key
                         the account used within the hour: the status it
                         made, 200, nothing new (404 Record not found if
                         that status was deleted); the statuses limit:
                         429; media_ids: 422 "Media ID not found or
                         already attached to another post" (there is no
                         upload); a blank text: 422 {"error":"Validation
                         failed: Text can't be blank"}; more than
                         max_characters (graphemes of spoiler_text and
                         text, each URL as 23, a mention as its @username
                         part): 422 "Validation failed: Text character
                         limit of 500 exceeded"; another visibility: 422.
                         The messages follow the account's locale (en, de,
                         ja: in de and ja the texts of the recordings).
                         Mentions of known accounts (@user, @user@domain)
                         are linked and listed. -> the Status, application
                         the token's app. Its X-RateLimit-* are those of
                         the statuses limit.
  DELETE /api/v1/statuses/:id   one's own status only: another's (or a
                         deleted one) is 404 Record not found, as Mastodon
                         looks among the caller's statuses -> the Status
                         with "text" (its source) in place of "content".
                         Its replies lose in_reply_to_id (the database
                         nullifies it) and keep in_reply_to_account_id;
                         the notifications about it go.
  POST /api/v1/statuses/:id/favourite, .../unfavourite   idempotent ->
                         the Status, favourited true or false.
  POST /api/v1/accounts/:id/mute   notifications (true), duration
                         (seconds; 0 forever) -> Relationship. The
                         account's statuses leave the shop's threads;
                         with notifications it notifies the shop no more.
  POST /api/v1/accounts/:id/unmute, .../block, .../unblock ->
                         Relationship. A block ends the follows both ways,
                         removes the account's notifications, hides its
                         statuses from threads and stops new
                         notifications.
  POST /api/v1/reports   account_id (missing: 400), status_ids[] (the
                         account's own are kept), comment, category (spam,
                         legal, violation, other; default other; violation
                         when rule_ids[] are given: "1", "2" or "3", else
                         422), forward -> Report.
  GET  /api/v1/notifications   types[], exclude_types[], account_id,
                         max_id, since_id, min_id (the page just above it,
                         still newest first), limit (40, at most 80).
                         Newest first. Link unless the page is empty: next
                         max_id=<its last id>, prev min_id=<its first id>,
                         keeping limit, types[], exclude_types[] and
                         account_id. Notification {id, type, created_at,
                         group_key, account, status (for mention, status,
                         reblog, favourite, poll, update and quote; null
                         when it is gone or shown as gone), collection
                         (for added_to_collection)}.
  GET  /api/v2/notifications   (4.3+) the same, with grouped_types[]
                         (default favourite, follow, reblog,
                         admin.sign_up) and expand_accounts (full, or
                         partial_avatars; else 400) -> {accounts,
                         partial_accounts (partial_avatars only), statuses,
                         notification_groups [{group_key,
                         notifications_count, type,
                         most_recent_notification_id (a number),
                         page_min_id, page_max_id (strings),
                         latest_page_notification_at, sample_account_ids
                         (up to 8), status_id}]}. Favourites and reblogs of
                         one status, and follows, share the key
                         "favourite-STATUS-HOUR" ("follow-HOUR") for 12
                         hours from the group's first hour; the rest are
                         "ungrouped-ID". A page holds up to limit groups,
                         each counting its notifications within the page's
                         id range (to the end when the page is not full);
                         Link next and prev carry the last and the first
                         group's id.
  GET  /api/v1/markers   timeline[] -> {"notifications": {last_read_id,
                         version, updated_at}, "home": ...}, those set.
  POST /api/v1/markers   notifications[last_read_id], home[last_read_id]
                         (form or JSON) -> the markers set; version goes up
                         when last_read_id changes.

Rate limits, in windows aligned on the epoch as Rack::Attack's: every
/api/ answer carries X-RateLimit-Limit, X-RateLimit-Remaining and
X-RateLimit-Reset (ISO 8601 with microseconds and Z, e.g.
2026-08-01T15:00:00.754511Z) of the limit closest to being hit: 300 per 5
minutes per account (with a user's token) or else per address; DELETE
/api/v1/statuses/:id also 30 per 30 minutes; POST /api/v1/apps also 5 per
10 minutes; POST /api/v1/statuses shows its own, 300 statuses made per 3
hours. Over a limit: 429 {"error":"Too many requests"} with those headers
(Remaining 0, Reset ahead) and no Retry-After. /oauth/ answers carry none.

Control, on the same ports:

  POST /_control with a JSON object {"op": ..., ...}; answers JSON
  {"ok": true, ...} or 400 {"ok": false, "error": ...}:

    seed      customers (12), posts (3 public shop posts, made six hours
              apart before since if missing), replies (20: customer
              replies in those threads, mentioning whom they answer and
              now and then the shop), nested (0.3: share answering a reply
              already there), shop_replies (0.2: share of the replies
              mentioning the shop that the shop answers five minutes
              later), mentions (10: customer statuses mentioning the
              shop), private (0.3: share of those private or direct; 0.1
              more unlisted; one in ten with a content warning),
              favourites (8), reblogs (3), follows (4), extras (true: one
              each of status, poll, update, quote and
              added_to_collection), hostile (true: hostile texts and
              display names, with RTL, bidi overrides, ESC and C1
              sequences, zalgo, and the raw HTML statuses above), null_status
              (0: share of the new mention notifications shown with
              "status": null, as 39 of 40 were on a recorded page), since
              and until (epoch seconds or RFC 3339; default the last two
              days), seed (1). Events are spaced evenly from since to
              until; customer texts end in a unique "(nSERIAL)". Answers
              {customers, posts (ids), created (counts by kind),
              notifications, inbox (new mention notifications)}.
    add       type: mention (default), favourite, reblog, follow, status,
              poll, update, quote or added_to_collection; author (an acct,
              made if new; default the first customer); created (epoch
              seconds or RFC 3339; default now). mention: text (default a
              made-up one), in_reply_to (a status: then a reply, of that
              status's visibility by default), visibility (public),
              spoiler_text, sensitive, language, html (raw content),
              mention (true: "@NAME " goes in front unless the text names
              the shop, and the shop is notified; false: a status the shop
              is not told of), null_status. favourite, reblog, quote:
              status (default the shop's newest post). status, poll,
              update, quote: text. Answers {status_id, notification_id
              (null when none was made: the author is blocked or muted),
              created_at}.
    delete    id, notifications ("remove", the default, as Mastodon does;
              "keep": they stay, with "status": null): the author deletes
              a status.
    edit      id, text and/or html, spoiler_text: new content, edited_at
              now.
    fault     kind, method ("*", or GET, POST, DELETE...), path (a prefix,
              default "/"), count (1), after (0: the first `after`
              matching requests pass untouched), and by kind:
                status      status (500), body (a JSON value, or a string
                            sent as it is, such as broken JSON; default
                            {"error": the usual text, e.g. 503 "Remote
                            data could not be fetched", 500 "Internal
                            Server Error"}), html (true: the proxy's HTML
                            page, the default for 502 and 504),
                            retry_after (seconds), apply (true: carried
                            out first; the log entry gets "applied" and
                            "applied_status")
                drop        carried out, then the connection is closed
                            with no answer ("lose")
                slow        seconds (5), when ("after": carried out first,
                            or "before")
                malformed   the answer cut in half (body: TEXT instead)
                bad_utf8    invalid UTF-8 in the first "content"
                oversized   bytes (20 MiB) of valid JSON; chunked: true
                            hides the size
                reset       the headers and half the body, then a TCP
                            reset
              Faults match in the order given, one per request; the
              HTML answers of /oauth/authorize are sent unspoiled.
    fail      a fault of kind status (the same arguments)
    lose      a fault of kind drop: carried out, its answer lost
    slow      a fault of kind slow
    clear_faults
    rate      family: api (300 per 300 s), delete (30 per 1800 s),
              statuses (300 per 10800 s) or apps (5 per 600 s); limit,
              period (seconds), omitted: the default. Its counts start
              again.
    config    any of version, max_characters, locale (en, de or ja) and
              privacy (the default visibility); each also an op of its own
              ({"op": "locale", "locale": "de"}). Answers {config}.
    deprecate method ("*"), path (a prefix, "/"), value (default "@" and
              the epoch seconds of a day ago; null removes it): a
              Deprecation header on those answers.
    revoke    token (or "all"): those tokens get 401 from now on.
    authorize client_id, redirect_uri (default the app's first), scope
              (read), code_challenge, code_challenge_method (S256 when
              there is a challenge): approve as GET /oauth/authorize
              does. Answers {code}.
    token     scope ("read write follow"), client_id (default an app
              "heed tests", made for it): a user token at once. Answers
              the Token.
    clear_log

  GET /_state[?statuses=0][&notifications=0][&log=0][&log_from=N]
    {shop, config, statuses: [{id, account (acct), created_at,
     visibility, spoiler_text, sensitive, language, in_reply_to_id,
     in_reply_to_account_id, text, html, idempotency_key, application,
     mentions, favourited (by the shop), favourites_count, replies_count,
     edited_at, deleted}...], notifications: [{id, type, created_at,
     account, status_id, group_key, null_status}...], apps:
     {registrations, list}, grants, tokens, markers, relationships
     {muting, blocking, following, followers}, reports, limits, faults,
     deprecations, requests ({"GET /api/v1/statuses/:id": count, ...}),
     log: [{n, t, t_end, method, path, route, params, token,
     idempotency_key, status, fault, sent, tls}...], log_next}
    "t" is when the request had been read and "t_end" when the answer was
    written (epoch seconds); "token" (in tokens and the log) is none, or
    user:, app:, revoked: or unknown: and the first 12 hex digits of the
    token's SHA-256; secrets among the params (client_secret, code,
    code_verifier, token) are shown as "fp:" and theirs; "fault" is the
    fault applied; "tls" whether it came over HTTPS.
"""

import argparse
import base64
import binascii
import hashlib
import json
import os
import random
import re
import threading
import time
import traceback
import urllib.parse
import uuid

import server
from bsky import (HANDLE_WORDS, NAMES, PROXY_PAGE, SHOP_POSTS, b64url,
                  encode, fingerprint, graphemes, iso, now_ms, parse_when,
                  seed_text)

DEFAULT_VERSION = "4.5.2"
OOB = "urn:ietf:wg:oauth:2.0:oob"
# The scopes a 4.x server knows (GET /.well-known/oauth-authorization-server).
SCOPES = (
    "read", "write", "write:accounts", "write:blocks", "write:bookmarks",
    "write:conversations", "write:favourites", "write:filters",
    "write:follows", "write:lists", "write:media", "write:mutes",
    "write:notifications", "write:reports", "write:statuses",
    "read:accounts", "read:blocks", "read:bookmarks", "read:favourites",
    "read:filters", "read:follows", "read:lists", "read:mutes",
    "read:notifications", "read:search", "read:statuses", "follow", "push",
    "profile", "admin:read", "admin:read:accounts", "admin:read:reports",
    "admin:read:domain_allows", "admin:read:domain_blocks",
    "admin:read:ip_blocks", "admin:read:email_domain_blocks",
    "admin:read:canonical_email_blocks", "admin:write",
    "admin:write:accounts", "admin:write:reports",
    "admin:write:domain_allows", "admin:write:domain_blocks",
    "admin:write:ip_blocks", "admin:write:email_domain_blocks",
    "admin:write:canonical_email_blocks")
TYPES = ("mention", "status", "reblog", "follow", "follow_request",
         "favourite", "poll", "update", "admin.sign_up", "admin.report",
         "severed_relationships", "moderation_warning", "quote",
         "quoted_update", "added_to_collection", "collection_update")
# Notification types that carry a "status" (null when it is gone).
STATUS_TYPES = ("mention", "status", "reblog", "favourite", "poll", "update",
                "quote", "quoted_update")
GROUPABLE = ("favourite", "follow", "reblog", "admin.sign_up")
VISIBILITIES = ("public", "unlisted", "private", "direct")
CATEGORIES = ("spam", "legal", "violation", "other")
RULES = [{"id": "1", "text": "Be kind to customers and staff."},
         {"id": "2", "text": "No spam or advertising."},
         {"id": "3", "text": "No content illegal in Germany."}]
# Rate limit families: (requests, seconds), as Mastodon's defaults.
LIMITS = {"api": (300, 300), "delete": (30, 1800), "statuses": (300, 10800),
          "apps": (5, 600)}
# The "mastodon" API version a release announces in /api/v2/instance.
API_VERSIONS = (((4, 6), 10), ((4, 5), 7), ((4, 4), 5), ((4, 3), 2))
VAPID_KEY = ("BFq2RzXk7pyd3TQ0i4fLbZcS9mE1wVhN8uJ5oA6gKxYtC-Dr_Wv0sPl3jHnMe"
             "QaIbUcOdFgRiTkZyX2w=")
SAMPLE_ACCOUNTS = 8
GROUP_SPAN_HOURS = 12
IDEMPOTENCY_TTL = 3600
GRANT_TTL = 600
URL_CHARS = 23
CONTEXT_LIMIT = 4096
ANON_ANCESTORS = 40
ANON_DESCENDANTS = 60
ANON_DEPTH = 20
MAX_STATUS_IDS = 20
HOUR_MS = 3600 * 1000
DAY_MS = 24 * HOUR_MS

E_TOKEN = "The access token is invalid"
E_SCOPE = "This action is outside the authorized scopes"
E_USER = "This method requires an authenticated user"
E_NOT_FOUND = "Record not found"
E_TOO_MANY = "Too many requests"
E_IN_REPLY = "The post you are trying to reply to does not appear to exist."
# Doorkeeper's OAuth errors as Mastodon words them.
OAUTH_ERRORS = {
    "invalid_client": "Client authentication failed due to unknown client, "
                      "no client authentication included, or unsupported "
                      "authentication method.",
    "invalid_grant": "The provided authorization grant is invalid, expired, "
                     "revoked, does not match the redirection URI used in "
                     "the authorization request, or was issued to another "
                     "client.",
    "invalid_redirect_uri": "The redirect uri included is not valid.",
    "invalid_request": "The request is missing a required parameter, "
                       "includes an unsupported parameter value, or is "
                       "otherwise malformed.",
    "invalid_scope": "The requested scope is invalid, unknown, or "
                     "malformed.",
    "unsupported_grant_type": "The authorization grant type is not "
                              "supported by the authorization server.",
    "unsupported_response_type": "The authorization server does not "
                                 "support this response type.",
    "unauthorized_client": "You are not authorized to revoke this token",
}
# Validation messages in the account's locale (Rails' record_invalid
# format, then the attribute's message).
LOCALES = {
    "en": {"failed": "Validation failed: %s",
           "blank": "Text can't be blank",
           "too_long": "Text character limit of %d exceeded",
           "visibility": "Visibility is not included in the list"},
    "de": {"failed": "Gültigkeitsprüfung ist fehlgeschlagen: %s",
           "blank": "Text muss ausgefüllt werden",
           "too_long": "Text Begrenzung von %d Zeichen überschritten",
           "visibility": "Visibility ist kein gültiger Wert"},
    "ja": {"failed": "バリデーションに失敗しました: %s",
           "blank": "Textを入力してください",
           "too_long": "Text上限は%d文字です",
           "visibility": "Visibilityは一覧にありません"},
}
# The error a Rails answer of a bare status carries.
STATUS_ERRORS = {401: E_TOKEN, 403: "This action is not allowed",
                 404: E_NOT_FOUND, 409: "Conflict during update, please try "
                 "again", 422: "Validation failed", 429: E_TOO_MANY,
                 500: "Internal Server Error",
                 503: "Remote data could not be fetched"}
REMOTE_DOMAINS = ("social.example", "toot.example.org", "masto.example.net",
                  "xn--bcher-kva.example")
EMOJI_CODES = ("blobcat", "acme_heart", "party_parrot")
# Contents a hostile or broken remote server might send, which Mastodon's
# sanitizer would not have let through.
RAW_HTML = [
    '<p>hello</p><script>alert(document.cookie)</script>',
    '<p><img src=x onerror="alert(1)">look at this</p>',
    '<p>&amp;amp; &lt;b&gt; &#x202E;rtl &#0; &#x1F600; &nbsp;&#xD800; '
    '&bogus; &#99999999; &#x;</p>',
    '<p>unclosed <a href="javascript:alert(1)">link<p><span class='
    '"invisible">hidden</span>',
    '<p>\x1b[2J\x1b]0;pwned\x07 \x9b31m C1 \u202eevil\u202c</p>',
    '<span>' * 400 + 'deep' + '</span>' * 400,
    '<p>' + 'long text without end ' * 9000 + '</p>',
]

URL_PAT = r"(?P<url>https?://[^\s<>\"]+)"
MENTION_PAT = (r"(?P<mention>(?<![=/\w])@(?P<user>[a-z0-9_]+"
               r"(?:[.-]+[a-z0-9_]+)*)(?:@(?P<domain>\w+(?:[.-]+\w+)*))?)")
TAG_PAT = r"(?P<tag>(?<![=/)\w])#(?P<name>\w*[^\W\d_]\w*))"
TOKEN_RE = re.compile("|".join((URL_PAT, MENTION_PAT, TAG_PAT)), re.I)
SHORTCODE_RE = re.compile(r":([a-zA-Z0-9_]{2,}):")
LINK_PREFIX_RE = re.compile(r"^https?://(?:www\.)?")
INT_RE = re.compile(r"\s*([+-]?\d+)")
BEARER_RE = re.compile(r"(?i)^Bearer +(\S+) *$")
SECRET_PARAMS = ("client_secret", "code", "code_verifier", "token",
                 "access_token", "password")


def to_i(v):
    """Read a string as Ruby's String#to_i does (0 when no digits)."""
    m = INT_RE.match(v or "")
    return int(m.group(1)) if m else 0


def truthy(v):
    """Read a parameter as Rails reads a boolean (None when blank)."""
    if v is None or v == "":
        return None
    return v not in ("0", "f", "F", "false", "FALSE", "off", "OFF")


def iso_micro(t):
    """Format epoch seconds as ISO 8601 with microseconds and Z."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + \
        ".%06dZ" % int((t % 1) * 1e6)


def day(ms):
    """Format milliseconds as a date, as last_status_at is."""
    return time.strftime("%Y-%m-%d", time.gmtime(ms // 1000))


def h(s):
    """Escape text for HTML as Rails' h() does."""
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def version_tuple(v):
    """Give the (major, minor) of a version string such as 4.3.2."""
    nums = [to_i(x) for x in str(v).split(".")[:2]]
    return tuple(nums + [0] * (2 - len(nums)))


def base64_decode(s):
    """Decode standard base64 text (ValueError when it is not)."""
    try:
        return base64.b64decode(s, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as e:
        raise ValueError(str(e))


def s256(verifier):
    """Give the PKCE S256 challenge of a verifier."""
    return b64url(hashlib.sha256(verifier.encode()).digest())


def new_secret():
    """Make a random token, client id or code (43 base64url characters)."""
    return b64url(os.urandom(32))


def id_path(sid):
    """Split an id into the 3-digit folders of Mastodon's file paths."""
    s = sid.zfill((len(sid) + 2) // 3 * 3)
    return "/".join(s[i:i + 3] for i in range(0, len(s), 3))


def trim_url(url):
    """Split the trailing punctuation off a URL found in text."""
    end = len(url)
    while end and url[end - 1] in ".,;:!?'\")]":
        if url[end - 1] == ")" and \
                url[:end].count("(") >= url[:end].count(")"):
            break
        end -= 1
    return url[:end], url[end:]


def tags_in(text):
    """Give the hashtags of a text, lower case, once each."""
    tags = []
    for m in TOKEN_RE.finditer(text):
        if m.group("tag") and m.group("name").lower() not in tags:
            tags.append(m.group("name").lower())
    return tags


def countable_length(text, spoiler):
    """Count a status as Mastodon's length validator does: graphemes of
    the spoiler text and the text, every URL as 23 characters and a
    mention as its @username part only."""
    out = []
    pos = 0
    for m in TOKEN_RE.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        if m.group("url"):
            url, rest = trim_url(m.group("url"))
            out.append("x" * URL_CHARS + rest)
        elif m.group("mention"):
            out.append("@" + m.group("user"))
        else:
            out.append(m.group(0))
    out.append(text[pos:])
    return graphemes(spoiler + "".join(out))


class ApiError(Exception):
    """An error answer: HTTP status, JSON body and extra headers."""

    def __init__(self, status, body, headers=()):
        super().__init__(str(body))
        self.status = status
        self.body = body
        self.headers = list(headers)


def api_error(status, message):
    """Make the usual {"error": message} answer."""
    return ApiError(status, {"error": message})


class OAuthError(Exception):
    """An OAuth error by its name (see OAUTH_ERRORS)."""

    def __init__(self, name, description=None, status=400):
        super().__init__(description or OAUTH_ERRORS[name])
        self.name = name
        self.description = description or OAUTH_ERRORS[name]
        self.status = status

    def body(self):
        """Give the JSON body of the error."""
        return {"error": self.name, "error_description": self.description}


class Reply:
    """An answer: status, a JSON value (or bytes of type ctype), headers."""

    def __init__(self, status, body, headers=(), ctype=None):
        self.status = status
        self.body = body
        self.headers = list(headers)
        self.ctype = ctype


def flatten(value, prefix, out):
    """Flatten a JSON body into Rails' form keys: {"a": {"b": 1}} becomes
    a[b]=1 and {"c": [1, 2]} c[]=1 and c[]=2."""
    if isinstance(value, dict):
        for k, v in value.items():
            flatten(v, "%s[%s]" % (prefix, k) if prefix else str(k), out)
    elif isinstance(value, list):
        for v in value:
            if not isinstance(v, (dict, list)):
                flatten(v, prefix + "[]", out)
    elif isinstance(value, bool):
        out.append((prefix, "true" if value else "false"))
    elif value is None:
        out.append((prefix, ""))
    else:
        out.append((prefix, str(value)))


class Request:
    """One API request: method, path, parameters (query, then a form or
    JSON body, merged as Rails merges them), token and the base URL the
    client used."""

    def __init__(self, handler, url, body):
        self.method = "GET" if handler.command == "HEAD" else handler.command
        self.path = url.path
        self.headers = handler.headers
        self.tls = handler.server.ssl_ctx is not None
        host = handler.headers.get("Host") or \
            "127.0.0.1:%d" % handler.server.server_address[1]
        self.base = ("https://" if self.tls else "http://") + host
        self.bad_body = False
        self.pairs = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
        self.pairs += self.body_pairs(body)
        m = BEARER_RE.match(handler.headers.get("Authorization") or "")
        self.token = m.group(1) if m else self.get("access_token")
        self.viewer = None
        self.view = None
        self.rate_override = None

    def body_pairs(self, body):
        """Read a form or JSON body into (key, value) pairs."""
        ctype = (self.headers.get("Content-Type") or "").lower()
        text = body.decode("utf-8", "replace")
        if "json" in ctype:
            try:
                value = json.loads(text or "{}")
            except ValueError:
                self.bad_body = True
                return []
            out = []
            if isinstance(value, dict):
                flatten(value, "", out)
            return out
        if "x-www-form-urlencoded" in ctype or (text and not ctype):
            return urllib.parse.parse_qsl(text, keep_blank_values=True)
        return []

    def get(self, name, default=None):
        """Give a parameter's value (the last one given)."""
        for k, v in reversed(self.pairs):
            if k == name:
                return v
        return default

    def list(self, name):
        """Give the values of an array parameter name[]."""
        return [v for k, v in self.pairs if k == name + "[]"]

    def flag(self, name, default=False):
        """Give a boolean parameter."""
        v = truthy(self.get(name))
        return default if v is None else v

    def id_param(self, name):
        """Give an id parameter as a number (None when absent or blank)."""
        v = self.get(name)
        return None if v in (None, "") else to_i(v)

    def limit(self, default, cap=None):
        """Give the limit parameter as Mastodon's limit_param does."""
        v = self.get("limit")
        if v is None:
            return default
        return min(abs(to_i(v)), cap or default * 2)

    def accepts_json(self):
        """Tell whether the client asked for JSON rather than a page."""
        return "json" in (self.headers.get("Accept") or "").lower()


class Fake:
    """The whole server's state. Callers hold self.lock."""

    def __init__(self, username, version):
        self.lock = threading.RLock()
        self.rng = random.Random(7)
        self.ids = set()
        self.top = 0            # the newest id made
        self.accounts = {}      # id -> account
        self.statuses = {}      # id -> status, deleted ones kept (marked)
        self.notes = []         # notifications, oldest first
        self.note_seq = 48210
        self.group_slots = {}   # group key prefix -> its last hour bucket
        self.apps = {}          # client_id -> app
        self.app_seq = 0
        self.grants = {}        # code -> authorization grant
        self.tokens = {}        # access token -> token record
        self.markers = {}       # timeline -> marker
        self.following = set()  # ids of the accounts the shop follows
        self.followers = set()  # ids of the shop's followers
        self.mutes = {}         # id -> {"notifications", "expires"}
        self.blocks = set()
        self.reports = []
        self.idempotency = {}   # (account id, key) -> (status id, time)
        self.limits = dict(LIMITS)
        self.buckets = {}       # (family, key) -> [window, count]
        self.faults = []
        self.deprecations = []
        self.log = []
        self.log_n = 0
        self.requests = {}      # "METHOD /route" -> count
        self.serial = 0
        self.config = {"version": version, "max_characters": 500,
                       "locale": "en", "privacy": "public"}
        start = now_ms() - 400 * DAY_MS
        self.admin = self.add_account(
            "admin", None, start, roles=[{"id": "3", "name": "Owner",
                                          "color": ""}])
        self.shop = self.add_account(
            username, None, start + DAY_MS, display_name="Acme Shop",
            note="Your friendly corner shop. https://shop.example/",
            fields=[("Shop", "https://shop.example/"),
                    ("Hours", "Mon-Sat 9-18")])

    # --- accounts ----------------------------------------------------

    def snowflake(self, ms):
        """Make a new id as Mastodon does: milliseconds in the high bits,
        a sequence in the low 16 (above the newest id made in the same
        millisecond, so ids made one after the other go up)."""
        v = (ms << 16) | self.rng.getrandbits(15)
        if ms == self.top >> 16:
            v = max(v, self.top + 1)
        while v in self.ids:
            v += 1
        self.ids.add(v)
        self.top = max(self.top, v)
        return str(v)

    def add_account(self, username, domain, created, **kw):
        """Make an account, local (domain None) or remote."""
        a = {"id": self.snowflake(created), "username": username,
             "domain": domain, "created": created,
             "display_name": kw.get("display_name", ""),
             "note": kw.get("note", ""), "fields": kw.get("fields", []),
             "locked": kw.get("locked", False), "bot": kw.get("bot", False),
             "avatar": kw.get("avatar", False), "roles": kw.get("roles", []),
             "customer": kw.get("customer", False),
             "statuses_count": 0, "last_status": None,
             "followers_count": kw.get("followers_count", 0),
             "following_count": kw.get("following_count", 0)}
        self.accounts[a["id"]] = a
        return a

    def acct(self, a):
        """Give an account's acct: username, or username@domain."""
        return a["username"] if a["domain"] is None else \
            "%s@%s" % (a["username"], a["domain"])

    def find_account(self, who):
        """Find an account by id, acct or @acct; None if unknown."""
        who = str(who or "").lstrip("@").lower()
        if who in self.accounts:
            return self.accounts[who]
        for a in self.accounts.values():
            if self.acct(a).lower() == who:
                return a
        return None

    def customers(self):
        """Give the customers' accounts, oldest first."""
        return [a for a in self.accounts.values() if a["customer"]]

    def resolve_mention(self, user, domain, local):
        """Find the account "@user@domain" names (domain None: a local
        account); local is the set of this server's own host names."""
        user = user.lower()
        for a in self.accounts.values():
            if a["username"].lower() != user:
                continue
            if a["domain"] is None and (domain is None or
                                        domain.lower() in local):
                return a
            if a["domain"] is not None and domain is not None and \
                    a["domain"].lower() == domain.lower():
                return a
        return None

    def muting(self, aid, notifications=False):
        """Tell whether the shop mutes an account (its notifications,
        with notifications=True)."""
        m = self.mutes.get(aid)
        if m is None or (m["expires"] and m["expires"] <= now_ms()):
            return False
        return m["notifications"] or not notifications

    # --- statuses ----------------------------------------------------

    def live(self, sid):
        """Give a status that exists and is not deleted, else None."""
        s = self.statuses.get(str(sid))
        return s if s is not None and not s["deleted"] else None

    def can_see(self, s, viewer):
        """Tell whether an account (or None: no one logged in) may see a
        status, by its visibility."""
        if s["visibility"] in ("public", "unlisted"):
            return True
        if viewer is None:
            return False
        if viewer == s["account"] or viewer in s["mentions"]:
            return True
        if s["visibility"] != "private":
            return False
        if viewer == self.shop["id"]:
            return s["account"] in self.following
        return s["account"] == self.shop["id"] and viewer in self.followers

    def hidden_from(self, s, viewer):
        """Tell whether the viewer filters a status out of threads: its
        author is muted or blocked."""
        return viewer == self.shop["id"] and \
            (s["account"] in self.blocks or self.muting(s["account"]))

    def mentioned_in(self, text, local):
        """Give the ids of the accounts a text mentions that exist."""
        out = []
        for m in TOKEN_RE.finditer(text):
            if not m.group("mention"):
                continue
            a = self.resolve_mention(m.group("user"), m.group("domain"),
                                     local)
            if a is not None and a["id"] not in out:
                out.append(a["id"])
        return out

    def add_status(self, author, text, ms, **kw):
        """Make a status. kw: reply_to (a status), visibility, spoiler,
        sensitive, language, mentions (ids; else found in the text),
        local (host names for mentions), html (raw content instead of
        the text's), app, key, poll, quote, edited."""
        parent = kw.get("reply_to")
        s = {"id": self.snowflake(ms), "account": author["id"], "ms": ms,
             "text": text, "html": kw.get("html"),
             "spoiler": kw.get("spoiler", ""),
             "visibility": kw.get("visibility", "public"),
             "sensitive": bool(kw.get("sensitive")),
             "language": kw.get("language", "en"),
             "reply_to": parent["id"] if parent else None,
             "reply_to_account": parent["account"] if parent else None,
             "mentions": kw["mentions"] if "mentions" in kw else
             self.mentioned_in(text, kw.get("local", ())),
             "tags": tags_in(text), "favourites": set(), "reblogs": 0,
             "replies": [],
             "edited": kw.get("edited"), "key": kw.get("key"),
             "app": kw.get("app"), "poll": kw.get("poll"),
             "quote": kw.get("quote"), "deleted": False}
        self.statuses[s["id"]] = s
        if parent:
            parent["replies"].append(s["id"])
        author["statuses_count"] += 1
        author["last_status"] = max(author["last_status"] or 0, ms)
        if self.shop["id"] in s["mentions"] and author is not self.shop:
            self.notify("mention", author, s, ms)
        return s

    def shop_posts(self):
        """Give the shop's live top-level public posts, oldest first."""
        return sorted((s for s in self.statuses.values()
                       if s["account"] == self.shop["id"] and
                       not s["reply_to"] and not s["deleted"] and
                       s["visibility"] == "public"),
                      key=lambda s: int(s["id"]))

    def remove_status(self, s, keep_notifications=False):
        """Delete a status: its replies lose their in_reply_to_id (as the
        database's foreign key does), and the notifications about it go
        (or stay, with a null status)."""
        s["deleted"] = True
        for cid in s["replies"]:
            self.statuses[cid]["reply_to"] = None
        parent = self.statuses.get(s["reply_to"] or "")
        if parent and s["id"] in parent["replies"]:
            parent["replies"].remove(s["id"])
        self.accounts[s["account"]]["statuses_count"] -= 1
        if not keep_notifications:
            self.notes = [n for n in self.notes if n["status"] != s["id"]]

    def next_serial(self):
        """Give the next serial for a made-up text's "(nSERIAL)"."""
        self.serial += 1
        return self.serial

    # --- notifications -----------------------------------------------

    def group_key(self, kind, status, ms):
        """Give the group key Mastodon gives a notification: type, status
        and hour bucket, the bucket reused while within 12 hours of the
        group's last (None for types that are not grouped)."""
        if kind not in GROUPABLE:
            return None
        prefix = kind + ("-" + status["id"] if status else "")
        bucket = ms // HOUR_MS
        prev = self.group_slots.get(prefix)
        if prev is not None and bucket < prev + GROUP_SPAN_HOURS:
            bucket = prev
        self.group_slots[prefix] = bucket
        return "%s-%d" % (prefix, bucket)

    def notify(self, kind, author, status, ms, **extra):
        """Notify the shop, unless it blocks the author or mutes their
        notifications; give the notification or None."""
        if author["id"] in self.blocks or \
                self.muting(author["id"], notifications=True):
            return None
        self.note_seq += 1
        n = {"id": str(self.note_seq), "type": kind, "ms": ms,
             "account": author["id"],
             "status": status["id"] if status else None,
             "group_key": self.group_key(kind, status, ms),
             "null_status": False, "collection": extra.get("collection")}
        self.notes.append(n)
        return n

    # --- limits and faults -------------------------------------------

    def take(self, family, key, now, count=1):
        """Count a request against a family's fixed window (aligned on the
        epoch, as Rack::Attack's are); give (limit, used, reset time)."""
        limit, period = self.limits[family]
        window = int(now) // period
        b = self.buckets.setdefault((family, key), [window, 0])
        if b[0] != window:
            b[:] = [window, 0]
        b[1] += count
        return limit, b[1], now + (period - int(now) % period)

    def take_fault(self, method, path):
        """Give the fault that applies to this request, or None."""
        chosen = None
        for f in list(self.faults):
            if f["method"] not in ("*", method) or \
                    not path.startswith(f["path"]):
                continue
            if f["after"] > 0:
                f["after"] -= 1
                continue
            if chosen is None:
                chosen = f
                f["count"] -= 1
                if f["count"] <= 0:
                    self.faults.remove(f)
        return chosen

    def deprecation(self, method, path):
        """Give the Deprecation header value set for a route, or None."""
        for d in self.deprecations:
            if d["method"] in ("*", method) and path.startswith(d["path"]):
                return d["value"]
        return None

    def version(self):
        """Give the announced version as (major, minor)."""
        return version_tuple(self.config["version"])

    def token_label(self, token):
        """Describe a token for the log: kind and fingerprint."""
        if not token:
            return None
        t = self.tokens.get(token)
        kind = "unknown" if t is None else "revoked" if t["revoked"] else \
            "user" if t["user"] else "app"
        return kind + ":" + fingerprint(token)


class View:
    """Renders entities as one request sees them: the base URL the client
    used (the server's own address) and the viewing account (None when no
    user is logged in)."""

    def __init__(self, fake, base, viewer=None):
        self.f = fake
        self.base = base
        self.viewer = viewer
        self.host = urllib.parse.urlsplit(base).netloc
        self.local = {self.host.lower(), self.host.split(":")[0].lower()}

    # --- accounts ----------------------------------------------------

    def account_url(self, a):
        """Give an account's profile page."""
        if a["domain"] is None:
            return "%s/@%s" % (self.base, a["username"])
        return "https://%s/@%s" % (a["domain"], a["username"])

    def account_uri(self, a):
        """Give an account's ActivityPub id."""
        if a["domain"] is None:
            return "%s/ap/users/%s" % (self.base, a["id"])
        return "https://%s/users/%s" % (a["domain"], a["username"])

    def avatar(self, a):
        """Give an account's avatar URL (the default one if it has
        none)."""
        if not a["avatar"]:
            return self.base + "/avatars/original/missing.png"
        tag = hashlib.sha1(a["id"].encode()).hexdigest()[:16]
        folder = "accounts" if a["domain"] is None else "cache/accounts"
        return "%s/system/%s/avatars/%s/original/%s.png" % (
            self.base, folder, id_path(a["id"]), tag)

    def emoji(self, code):
        """Give the CustomEmoji entity of a shortcode."""
        n = EMOJI_CODES.index(code) + 1
        tag = hashlib.sha1(code.encode()).hexdigest()[:16]
        path = "%s/system/custom_emojis/images/000/000/%03d/%%s/%s.png" % (
            self.base, n, tag)
        return {"shortcode": code, "url": path % "original",
                "static_url": path % "static", "visible_in_picker": True}

    def emojis(self, *texts):
        """Give the custom emoji the texts use, once each."""
        codes = []
        for t in texts:
            for c in SHORTCODE_RE.findall(t or ""):
                if c in EMOJI_CODES and c not in codes:
                    codes.append(c)
        return [self.emoji(c) for c in codes]

    def fields(self, a):
        """Give an account's profile fields, their values as one line
        of HTML."""
        return [{"name": k, "value": self.format(v, None, False, False),
                 "verified_at": None} for k, v in a["fields"]]

    def account(self, a):
        """Give the Account entity, as the recordings show it (local
        accounts carry noindex, feature_approval and roles)."""
        local = a["domain"] is None
        last = a["last_status"]
        out = {"id": a["id"], "username": a["username"],
               "acct": self.f.acct(a), "display_name": a["display_name"],
               "locked": a["locked"], "bot": a["bot"],
               "discoverable": True if a["customer"] else None,
               "indexable": bool(a["customer"]), "group": False,
               "created_at": iso(a["created"] - a["created"] % DAY_MS),
               "note": self.format(a["note"], None, remote=not local),
               "url": self.account_url(a), "uri": self.account_uri(a),
               "avatar": self.avatar(a), "avatar_static": self.avatar(a),
               "avatar_description": "",
               "header": self.base + "/headers/original/missing.png",
               "header_static": self.base + "/headers/original/missing.png",
               "header_description": "",
               "followers_count": a["followers_count"],
               "following_count": a["following_count"],
               "statuses_count": a["statuses_count"],
               "last_status_at": day(last) if last else None,
               "hide_collections": None if a is self.f.admin else False,
               "show_media": True, "show_media_replies": True,
               "show_featured": True}
        if local:
            out["noindex"] = False
            out["feature_approval"] = {"automatic": [], "manual": [],
                                       "current_user": "denied"}
        out["emojis"] = self.emojis(a["display_name"])
        if local:
            out["roles"] = a["roles"]
        out["fields"] = self.fields(a)
        return out

    def credential_account(self, a):
        """Give the CredentialAccount of verify_credentials: the account
        with "source" after noindex and "role" at the end."""
        plain = self.account(a)
        out = {}
        for k, v in plain.items():
            out[k] = v
            if k == "noindex":
                out["source"] = {
                    "privacy": self.f.config["privacy"], "sensitive": False,
                    "language": "", "note": a["note"],
                    "fields": [{"name": k2, "value": v2, "verified_at": None}
                               for k2, v2 in a["fields"]],
                    "follow_requests_count": 0, "hide_collections": False,
                    "discoverable": True, "indexable": False,
                    "attribution_domains": [], "quote_policy": "public"}
        out["role"] = {"id": "-99", "name": "", "permissions": "65536",
                       "color": "", "highlighted": False}
        return out

    def partial_account(self, a):
        """Give the PartialAccountWithAvatar of grouped notifications."""
        return {"id": a["id"], "acct": self.f.acct(a), "locked": a["locked"],
                "bot": a["bot"], "url": self.account_url(a),
                "avatar": self.avatar(a), "avatar_static": self.avatar(a),
                "avatar_description": ""}

    def relationship(self, aid):
        """Give the shop's Relationship with an account."""
        mute = self.f.mutes.get(aid) if self.f.muting(aid) else None
        return {"id": aid, "following": aid in self.f.following,
                "showing_reblogs": aid in self.f.following,
                "notifying": False, "followed_by": aid in self.f.followers,
                "blocking": aid in self.f.blocks, "blocked_by": False,
                "muting": mute is not None,
                "muting_notifications": bool(mute and mute["notifications"]),
                "muting_expires_at": iso(mute["expires"])
                if mute and mute["expires"] else None,
                "requested": False, "requested_by": False,
                "domain_blocking": False, "endorsed": False, "note": ""}

    # --- content -----------------------------------------------------

    def format(self, text, status, remote, multiline=True):
        """Render text as Mastodon's HTML: paragraphs, line breaks, links
        cut into invisible and ellipsis spans, h-card mentions and
        hashtags. remote: as a remote server's HTML after Mastodon's
        sanitizer (rel and target on links, <br> rather than <br />);
        multiline False: one line without paragraphs (profile fields)."""
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            return ""
        out = []
        pos = 0
        for m in TOKEN_RE.finditer(text):
            out.append(h(text[pos:m.start()]))
            pos = m.end()
            if m.group("url"):
                url, rest = trim_url(m.group("url"))
                out.append(self.link(url) + h(rest))
            elif m.group("mention"):
                out.append(self.mention(m, status, remote))
            else:
                out.append(self.hashtag(m.group("name"), status, remote))
        out.append(h(text[pos:]))
        if not multiline:
            return "".join(out).replace("\n", " ")
        br = "<br>" if remote else "<br />"
        paras = re.split(r"\n\s*\n", "".join(out))
        return "".join(
            "<p>%s</p>" % re.sub(r"([^\n]\n)(?=[^\n])", r"\1" + br,
                                 p).replace("\n", "") for p in paras)

    def link(self, url):
        """Render a URL as Mastodon shortens links for display."""
        prefix = LINK_PREFIX_RE.match(url).group(0)
        rest = url[len(prefix):]
        return ('<a href="%s" target="_blank" rel="nofollow noopener" '
                'translate="no"><span class="invisible">%s</span><span '
                'class="%s">%s</span><span class="invisible">%s</span></a>'
                % (h(url), h(prefix), "ellipsis" if len(rest) > 30 else "",
                   h(rest[:30]), h(rest[30:])))

    def mention(self, m, status, remote):
        """Render @user[@domain]: an h-card link if the status mentions
        that account, else the plain text."""
        dom = (m.group("domain") or "").lower()
        for aid in status["mentions"] if status else []:
            a = self.f.accounts[aid]
            if a["username"].lower() != m.group("user").lower():
                continue
            if not dom or (dom in self.local if a["domain"] is None
                           else dom == a["domain"].lower()):
                extra = ' rel="nofollow noopener" target="_blank"' \
                    if remote else ""
                return ('<span class="h-card" translate="no"><a href="%s" '
                        'class="u-url mention"%s>@<span>%s</span></a></span>'
                        % (h(self.account_url(a)), extra, h(a["username"])))
        return h(m.group(0))

    def hashtag(self, name, status, remote):
        """Render #name, linked on the author's server if remote."""
        author = self.f.accounts[status["account"]] if status else None
        if remote and author and author["domain"]:
            return ('<a href="https://%s/tags/%s" class="mention hashtag" '
                    'rel="nofollow noopener" target="_blank">#<span>%s'
                    '</span></a>' % (author["domain"], h(name), h(name)))
        return ('<a href="%s/tags/%s" class="mention hashtag" rel="tag">#'
                '<span>%s</span></a>' % (self.base, h(name), h(name)))

    # --- statuses ----------------------------------------------------

    def status_urls(self, s):
        """Give (uri, url) of a status."""
        a = self.f.accounts[s["account"]]
        if a["domain"] is None:
            return ("%s/statuses/%s" % (self.account_uri(a), s["id"]),
                    "%s/%s" % (self.account_url(a), s["id"]))
        return ("https://%s/users/%s/statuses/%s" % (a["domain"],
                                                     a["username"], s["id"]),
                "https://%s/@%s/%s" % (a["domain"], a["username"], s["id"]))

    def status(self, s, source=False):
        """Give the Status entity in the recordings' order of keys; with
        source (a delete's answer) its text instead of its content."""
        a = self.f.accounts[s["account"]]
        local = a["domain"] is None
        own = self.viewer is not None and self.viewer == s["account"]
        uri, url = self.status_urls(s)
        out = {"id": s["id"], "created_at": iso(s["ms"]),
               "in_reply_to_id": s["reply_to"],
               "in_reply_to_account_id": s["reply_to_account"],
               "sensitive": s["sensitive"], "spoiler_text": s["spoiler"],
               "visibility": s["visibility"], "language": s["language"],
               "uri": uri, "url": url, "replies_count": len(s["replies"]),
               "reblogs_count": s["reblogs"],
               "favourites_count": len(s["favourites"]), "quotes_count": 0,
               "edited_at": iso(s["edited"]) if s["edited"] else None}
        if self.viewer is not None:
            out.update(favourited=self.viewer in s["favourites"],
                       reblogged=False, muted=False, bookmarked=False)
        if own and s["visibility"] != "direct":
            out["pinned"] = False
        if source:
            out["text"] = s["text"]
        else:
            out["content"] = s["html"] if s["html"] is not None else \
                self.format(s["text"], s, remote=not local)
        if self.viewer is not None:
            out["filtered"] = []
        out["reblog"] = None
        if local:
            out["application"] = s["app"] or {"name": "Web", "website": None}
        out["account"] = self.account(a)
        out["media_attachments"] = []
        out["mentions"] = [self.mention_entity(self.f.accounts[i])
                           for i in s["mentions"]]
        out["tags"] = [{"name": t, "url": "%s/tags/%s" % (self.base, t)}
                       for t in s["tags"]]
        out["emojis"] = self.emojis(s["text"], s["spoiler"])
        out["tagged_collections"] = []
        out["quote"] = self.quote(s)
        out["card"] = None
        out["poll"] = self.poll(s["poll"]) if s["poll"] else None
        out["quote_approval"] = self.quote_approval(s, local, own)
        return out

    def mention_entity(self, a):
        """Give the Status.mentions entry of an account."""
        return {"id": a["id"], "username": a["username"],
                "url": self.account_url(a), "acct": self.f.acct(a)}

    def quote(self, s):
        """Give the Quote of a status that quotes another, else None."""
        if not s["quote"]:
            return None
        q = self.f.live(s["quote"])
        if q is None:
            return {"state": "deleted", "quoted_status": None}
        if not self.f.can_see(q, self.viewer):
            return {"state": "unauthorized", "quoted_status": None}
        return {"state": "accepted", "quoted_status": self.status(q)}

    def quote_approval(self, s, local, own):
        """Give a status's quote_approval (who may quote it)."""
        open_ = s["visibility"] in ("public", "unlisted")
        return {"automatic": ["public"] if local and open_ else [],
                "manual": [],
                "current_user": "automatic" if own or (local and open_)
                else "denied"}

    def poll(self, p):
        """Give the Poll entity."""
        out = {"id": p["id"], "expires_at": iso(p["expires"]),
               "expired": p["expires"] <= now_ms(), "multiple": False,
               "votes_count": sum(v for _, v in p["options"]),
               "voters_count": sum(v for _, v in p["options"]),
               "options": [{"title": t, "votes_count": v}
                           for t, v in p["options"]],
               "emojis": []}
        if self.viewer is not None:
            out.update(voted=True, own_votes=[0])
        return out

    # --- notifications and the rest ----------------------------------

    def note_status(self, n):
        """Give a notification's status entity, or None when it is gone
        or hidden (as 39 of 40 were on a recorded mastodon.social page)."""
        s = self.f.live(n["status"]) if n["status"] else None
        if s is None or n["null_status"]:
            return None
        return self.status(s)

    def notification(self, n):
        """Give the Notification entity (group_key from 4.3)."""
        out = {"id": n["id"], "type": n["type"], "created_at": iso(n["ms"])}
        if self.f.version() >= (4, 3):
            out["group_key"] = n["group_key"] or "ungrouped-" + n["id"]
        out["account"] = self.account(self.f.accounts[n["account"]])
        if n["type"] in STATUS_TYPES:
            out["status"] = self.note_status(n)
        if n["collection"] is not None:
            out["collection"] = n["collection"]
        return out

    def report(self, r):
        """Give the Report entity."""
        return {"id": r["id"], "action_taken": False,
                "action_taken_at": None, "category": r["category"],
                "comment": r["comment"], "forwarded": r["forwarded"],
                "created_at": iso(r["ms"]), "status_ids": r["status_ids"],
                "collection_ids": [], "rule_ids": r["rule_ids"],
                "target_account": self.account(
                    self.f.accounts[r["account"]])}


def loopback(uri):
    """Tell whether a redirect URI is on the loopback interface."""
    host = urllib.parse.urlsplit(uri).hostname or ""
    return host in ("127.0.0.1", "::1", "localhost")


def redirect_matches(given, registered):
    """Tell whether a redirect URI matches a registered one: exactly, or
    for loopback URIs on any port (RFC 8252, as Doorkeeper allows)."""
    if given == registered:
        return True
    if not (loopback(given) and loopback(registered)):
        return False
    a, b = urllib.parse.urlsplit(given), urllib.parse.urlsplit(registered)
    return (a.scheme, a.hostname, a.path, a.query) == \
        (b.scheme, b.hostname, b.path, b.query)


def check_redirect_uri(uri):
    """Give the validation error of a redirect URI, or None."""
    if uri == OOB:
        return None
    parts = urllib.parse.urlsplit(uri)
    if not parts.scheme or not parts.netloc:
        return "Redirect URI must be an absolute URI."
    if parts.fragment:
        return "Redirect URI cannot contain a fragment."
    return None


def with_query(uri, params):
    """Append query parameters to a URI."""
    sep = "&" if "?" in uri else "?"
    return uri + sep + urllib.parse.urlencode(params)


class OAuth:
    """Apps, the authorization endpoint, tokens (Doorkeeper's behaviour
    as Mastodon configures it)."""

    def __init__(self, fake):
        self.f = fake

    def register(self, name, redirect_uris, scopes, website):
        """Register an app; raise ApiError 422 as Mastodon validates."""
        errors = []
        if not name:
            errors.append("Application name can't be blank")
        if not redirect_uris:
            errors.append("Redirect URI can't be blank")
        for uri in redirect_uris:
            e = check_redirect_uri(uri)
            if e and e not in errors:
                errors.append(e)
        if any(s not in SCOPES for s in scopes):
            errors.append("Scopes doesn't match those configured on the "
                          "server.")
        if errors:
            raise api_error(422, "Validation failed: " + ", ".join(errors))
        self.f.app_seq += 1
        app = {"id": str(self.f.app_seq), "name": name, "website": website,
               "scopes": scopes, "redirect_uris": redirect_uris,
               "client_id": new_secret(), "client_secret": new_secret(),
               "ms": now_ms()}
        self.f.apps[app["client_id"]] = app
        return app

    def app_json(self, app, credentials):
        """Give the (Credential)Application entity; what it holds depends
        on the version (scopes and redirect_uris from 4.3,
        client_secret_expires_at from 4.4)."""
        v = self.f.version()
        out = {"id": app["id"], "name": app["name"],
               "website": app["website"]}
        if v >= (4, 3):
            out["scopes"] = app["scopes"]
            out["redirect_uris"] = app["redirect_uris"]
        out["vapid_key"] = VAPID_KEY
        out["redirect_uri"] = "\n".join(app["redirect_uris"])
        if credentials:
            out["client_id"] = app["client_id"]
            out["client_secret"] = app["client_secret"]
            if v >= (4, 4):
                out["client_secret_expires_at"] = 0
        return out

    def pre_authorize(self, get):
        """Check an authorization request (get: its parameters) as
        Doorkeeper does; give (grant, redirect URI), or raise OAuthError
        with .redirect set when the client may be redirected to."""
        app = self.f.apps.get(get("client_id") or "")
        if app is None:
            raise OAuthError("invalid_client", status=401)
        uri = get("redirect_uri")
        if not uri:
            raise OAuthError("invalid_request",
                             "Missing required parameter: redirect_uri.")
        if not any(redirect_matches(uri, r) for r in app["redirect_uris"]):
            raise OAuthError("invalid_redirect_uri")
        try:
            self.check_request(app, get)
        except OAuthError as e:
            e.redirect = None if uri == OOB else uri
            raise
        scopes = (get("scope") or "read").split()
        pkce = self.f.version() >= (4, 3)
        grant = {"code": new_secret(), "client_id": app["client_id"],
                 "redirect_uri": uri, "scopes": scopes,
                 "challenge": get("code_challenge") if pkce else None,
                 "method": get("code_challenge_method") if pkce else None,
                 "ms": now_ms(), "used": None}
        self.f.grants[grant["code"]] = grant
        return grant, uri

    def check_request(self, app, get):
        """Check response_type, scope and PKCE of an authorization."""
        if get("response_type") != "code":
            raise OAuthError("unsupported_response_type")
        scopes = (get("scope") or "read").split()
        if not scopes or any(s not in SCOPES or s not in app["scopes"]
                             for s in scopes):
            raise OAuthError("invalid_scope")
        if self.f.version() >= (4, 3) and get("code_challenge") and \
                get("code_challenge_method") != "S256":
            raise OAuthError("invalid_request",
                             "The code_challenge_method must be S256.")

    def client(self, req):
        """Authenticate the client of a token request: client_id and
        client_secret in the form or as HTTP Basic; None if they fail."""
        cid, secret = req.get("client_id"), req.get("client_secret")
        auth = req.headers.get("Authorization") or ""
        if auth.lower().startswith("basic "):
            try:
                raw = base64_decode(auth[6:].strip())
                cid, _, secret = raw.partition(":")
            except ValueError:
                return None
        app = self.f.apps.get(cid or "")
        if app is None or app["client_secret"] != secret:
            return None
        return app

    def exchange(self, req):
        """Answer POST /oauth/token: an authorization code (with its PKCE
        verifier) or client credentials for a token."""
        kind = req.get("grant_type")
        if not kind:
            raise OAuthError("invalid_request",
                             "Missing required parameter: grant_type.")
        if kind not in ("authorization_code", "client_credentials"):
            raise OAuthError("unsupported_grant_type")
        app = self.client(req)
        if kind == "client_credentials":
            if app is None:
                raise OAuthError("invalid_client", status=401)
            scopes = (req.get("scope") or "read").split()
            if any(s not in app["scopes"] for s in scopes):
                raise OAuthError("invalid_scope")
            return self.issue(app, scopes, None)
        grant = self.f.grants.get(req.get("code") or "")
        self.check_grant(req, app, grant)
        grant["used"] = now_ms()
        return self.issue(app, grant["scopes"], self.f.shop["id"])

    def check_grant(self, req, app, grant):
        """Check an authorization code exchange in Doorkeeper's order:
        parameters, client, grant, redirect URI, PKCE verifier, expiry
        and single use."""
        verifier = req.get("code_verifier")
        if grant and grant["challenge"] and not verifier:
            raise OAuthError("invalid_request",
                             "Missing required parameter: code_verifier.")
        if not req.get("redirect_uri"):
            raise OAuthError("invalid_request",
                             "Missing required parameter: redirect_uri.")
        if app is None:
            raise OAuthError("invalid_client", status=401)
        if grant is None or grant["client_id"] != app["client_id"] or \
                not redirect_matches(req.get("redirect_uri"),
                                     grant["redirect_uri"]):
            raise OAuthError("invalid_grant")
        if self.f.version() >= (4, 3):
            if verifier and not grant["challenge"]:
                raise OAuthError("invalid_grant")
            if grant["challenge"] and s256(verifier) != grant["challenge"]:
                raise OAuthError("invalid_grant")
        if grant["used"] or now_ms() - grant["ms"] > GRANT_TTL * 1000:
            raise OAuthError("invalid_grant")

    def issue(self, app, scopes, user):
        """Make an access token; give the Token entity."""
        t = {"token": new_secret(), "client_id": app["client_id"],
             "scopes": list(scopes), "user": user, "ms": now_ms(),
             "revoked": False}
        self.f.tokens[t["token"]] = t
        return {"access_token": t["token"], "token_type": "Bearer",
                "scope": " ".join(scopes), "created_at": t["ms"] // 1000}

    def revoke(self, req):
        """Answer POST /oauth/revoke: an unknown token is fine (200 {}),
        another app's token is refused (403)."""
        t = self.f.tokens.get(req.get("token") or "")
        if t is None:
            return {}
        app = self.client(req)
        if app is None or app["client_id"] != t["client_id"]:
            raise OAuthError("unauthorized_client", status=403)
        t["revoked"] = True
        return {}


def paginate(items, req, limit):
    """Cut a page from items (newest first) by max_id, since_id and
    min_id as Mastodon does: with min_id the page just above it (taken
    oldest first), else the newest below max_id; always newest first."""
    max_id, since_id = req.id_param("max_id"), req.id_param("since_id")
    min_id = req.id_param("min_id")
    sel = [x for x in items if max_id is None or int(x["id"]) < max_id]
    if min_id is not None:
        sel = [x for x in sel if int(x["id"]) > min_id]
        return list(reversed(list(reversed(sel))[:limit]))
    if since_id is not None:
        sel = [x for x in sel if int(x["id"]) > since_id]
    return sel[:limit]


def page_url(req, keep, name, value):
    """Give the URL of another page: the request's `keep` parameters and
    name=value, sorted as Rails' to_query sorts them."""
    parts = []
    for k in keep:
        vals = req.list(k)
        if vals:
            parts.append("&".join(urllib.parse.quote_plus(k + "[]") + "=" +
                                  urllib.parse.quote_plus(v) for v in vals))
        elif req.get(k) is not None:
            parts.append(urllib.parse.quote_plus(k) + "=" +
                         urllib.parse.quote_plus(req.get(k)))
    parts.append("%s=%s" % (name, value))
    return "%s%s?%s" % (req.base, req.path, "&".join(sorted(parts)))


def link_header(req, keep, older, newer):
    """Give the Link header of a page: rel="next" to older entries
    (max_id), rel="prev" to newer ones (min_id); none without either."""
    links = []
    if older is not None:
        links.append('<%s>; rel="next"' % page_url(req, keep, "max_id",
                                                   older))
    if newer is not None:
        links.append('<%s>; rel="prev"' % page_url(req, keep, "min_id",
                                                   newer))
    return [("Link", ", ".join(links))] if links else []


class Api:
    """The REST methods. Each takes the request (and the ids in its path)
    and gives a JSON value, a Reply, or raises ApiError."""

    def __init__(self, fake):
        self.f = fake
        self.oauth = OAuth(fake)

    def status_or_404(self, req, sid):
        """Give a status the viewer may see, else raise 404."""
        s = self.f.live(sid)
        if s is None or not self.f.can_see(s, req.viewer):
            raise api_error(404, E_NOT_FOUND)
        return s

    def account_or_404(self, aid):
        """Give an account by id, else raise 404."""
        a = self.f.accounts.get(aid)
        if a is None:
            raise api_error(404, E_NOT_FOUND)
        return a

    # --- apps and OAuth ----------------------------------------------

    def create_app(self, req):
        """POST /api/v1/apps."""
        uris = req.list("redirect_uris") or \
            (req.get("redirect_uris") or "").split()
        app = self.oauth.register(req.get("client_name"), uris,
                                  (req.get("scopes") or "read").split(),
                                  req.get("website") or None)
        return self.oauth.app_json(app, credentials=True)

    def verify_app(self, req):
        """GET /api/v1/apps/verify_credentials."""
        t = self.f.tokens[req.token]
        return self.oauth.app_json(self.f.apps[t["client_id"]],
                                   credentials=False)

    def oauth_metadata(self, req):
        """GET /.well-known/oauth-authorization-server."""
        b = req.base
        out = {"issuer": b + "/",
               "service_documentation": "https://docs.joinmastodon.org/",
               "authorization_endpoint": b + "/oauth/authorize",
               "token_endpoint": b + "/oauth/token",
               "app_registration_endpoint": b + "/api/v1/apps",
               "revocation_endpoint": b + "/oauth/revoke"}
        if self.f.version() >= (4, 4):
            out["userinfo_endpoint"] = b + "/oauth/userinfo"
        out.update({
            "scopes_supported": list(SCOPES),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "code_challenge_methods_supported": ["S256"],
            "grant_types_supported": ["authorization_code",
                                      "client_credentials"],
            "token_endpoint_auth_methods_supported": [
                "client_secret_basic", "client_secret_post"]})
        return out

    def authorize(self, req):
        """GET /oauth/authorize, approved at once by the shop: the code in
        a page (out-of-band) or a redirect to the client."""
        try:
            grant, uri = self.oauth.pre_authorize(req.get)
        except OAuthError as e:
            return self.authorize_error(req, e)
        if uri == OOB:
            return Reply(200, code_page(grant["code"]), (),
                         "text/html; charset=utf-8")
        params = [("code", grant["code"])]
        if req.get("state") is not None:
            params.append(("state", req.get("state")))
        return Reply(302, b"", [("Location", with_query(uri, params))],
                     "text/html; charset=utf-8")

    def authorize_error(self, req, e):
        """Answer a refused authorization: a redirect to the client with
        error and error_description when allowed, else a page (or JSON
        if the client asked for it)."""
        redirect = getattr(e, "redirect", None)
        if redirect:
            params = [("error", e.name), ("error_description", e.description)]
            if req.get("state") is not None:
                params.append(("state", req.get("state")))
            return Reply(302, b"", [("Location", with_query(redirect,
                                                            params))],
                         "text/html; charset=utf-8")
        if req.accepts_json():
            return Reply(e.status, e.body())
        return Reply(e.status, error_page(e.description), (),
                     "text/html; charset=utf-8")

    def token(self, req):
        """POST /oauth/token."""
        try:
            return Reply(200, self.oauth.exchange(req), NO_STORE)
        except OAuthError as e:
            return oauth_reply(e)

    def revoke(self, req):
        """POST /oauth/revoke."""
        try:
            return self.oauth.revoke(req)
        except OAuthError as e:
            return oauth_reply(e)

    def userinfo(self, req):
        """GET /oauth/userinfo."""
        a = self.f.accounts[req.viewer]
        view = req.view
        return {"iss": req.base + "/", "sub": view.account_uri(a),
                "name": a["display_name"], "preferred_username":
                a["username"], "profile": view.account_url(a),
                "picture": view.avatar(a)}

    # --- accounts and the instance -----------------------------------

    def verify_account(self, req):
        """GET /api/v1/accounts/verify_credentials."""
        return req.view.credential_account(self.f.accounts[req.viewer])

    def instance(self, req):
        """GET /api/v2/instance."""
        f = self.f
        host = urllib.parse.urlsplit(req.base).netloc
        out = {"domain": host, "title": "Acme Social",
               "version": f.config["version"],
               "source_url": "https://github.com/mastodon/mastodon",
               "description": "A small server for a small shop.",
               "usage": {"users": {"active_month": len(f.accounts)}},
               "thumbnail": {"url": req.base +
                             "/packs/media/images/preview.png"},
               "languages": ["en"],
               "configuration": self.configuration(req, v2=True),
               "registrations": {"enabled": False, "approval_required": True,
                                 "reason_required": False, "message": None,
                                 "min_age": None, "url": None},
               "contact": {"email": "admin@" + host.split(":")[0],
                           "account": req.view.account(f.admin)},
               "rules": RULES}
        if f.version() >= (4, 3):
            out["api_versions"] = {"mastodon": next(
                n for v, n in API_VERSIONS + (((0, 0), 2),)
                if f.version() >= v)}
        return out

    def configuration(self, req, v2):
        """Give an instance's configuration (v2: with urls and more)."""
        out = {}
        if v2:
            ws = req.base.replace("http", "ws", 1)
            out["urls"] = {"streaming": ws, "status": None}
            if self.f.version() >= (4, 3):
                out["vapid"] = {"public_key": VAPID_KEY}
        out["accounts"] = {"max_featured_tags": 10, "max_pinned_statuses": 5}
        out["statuses"] = {
            "max_characters": self.f.config["max_characters"],
            "max_media_attachments": 4,
            "characters_reserved_per_url": URL_CHARS}
        out["media_attachments"] = {
            "supported_mime_types": ["image/jpeg", "image/png", "image/gif",
                                     "image/webp", "video/mp4"],
            "image_size_limit": 16777216, "image_matrix_limit": 33177600,
            "video_size_limit": 103809024, "video_frame_rate_limit": 120,
            "video_matrix_limit": 8294400}
        out["polls"] = {"max_options": 4, "max_characters_per_option": 50,
                        "min_expiration": 300, "max_expiration": 2629746}
        if v2:
            out["translation"] = {"enabled": False}
        return out

    def instance_v1(self, req):
        """GET /api/v1/instance (the older shape)."""
        f = self.f
        host = urllib.parse.urlsplit(req.base).netloc
        return {"uri": host, "title": "Acme Social",
                "short_description": "A small server for a small shop.",
                "description": "", "email": "admin@" + host.split(":")[0],
                "version": f.config["version"],
                "urls": {"streaming_api": req.base.replace("http", "ws", 1)},
                "stats": {"user_count": len(f.accounts),
                          "status_count": len(f.statuses),
                          "domain_count": len(REMOTE_DOMAINS)},
                "thumbnail": req.base + "/packs/media/images/preview.png",
                "languages": ["en"], "registrations": False,
                "approval_required": True, "invites_enabled": False,
                "configuration": self.configuration(req, v2=False),
                "contact_account": req.view.account(f.admin),
                "rules": RULES}

    # --- statuses ----------------------------------------------------

    def account_statuses(self, req, aid):
        """GET /api/v1/accounts/:id/statuses: limit 20 (at most 40)."""
        a = self.account_or_404(aid)
        items = [s for s in self.f.statuses.values()
                 if s["account"] == a["id"] and not s["deleted"] and
                 self.account_shows(s, req)]
        items.sort(key=lambda s: int(s["id"]), reverse=True)
        limit = req.limit(20)
        page = paginate(items, req, limit)
        keep = ("exclude_reblogs", "exclude_replies", "limit", "only_media",
                "pinned", "tagged")
        links = link_header(req, keep,
                            page[-1]["id"] if len(page) == limit and page
                            else None, page[0]["id"] if page else None)
        return Reply(200, [req.view.status(s) for s in page], links)

    def account_shows(self, s, req):
        """Tell whether a status is on its account's list for the viewer
        and the filters asked for."""
        if req.viewer != s["account"]:
            if s["visibility"] == "direct" or \
                    not self.f.can_see(s, req.viewer):
                return False
        if req.flag("exclude_replies") and s["reply_to"] and \
                s["reply_to_account"] != s["account"]:
            return False
        if req.flag("only_media") or req.flag("pinned"):
            return False
        tag = req.get("tagged")
        return not tag or tag.lower() in s["tags"]

    def get_status(self, req, sid):
        """GET /api/v1/statuses/:id."""
        return req.view.status(self.status_or_404(req, sid))

    def get_statuses(self, req):
        """GET /api/v1/statuses?id[]=...: those that exist and may be
        seen, in the order asked; more than 20 ids is a 422."""
        ids = []
        for v in req.list("id"):
            if str(to_i(v)) not in ids:
                ids.append(str(to_i(v)))
        if len(ids) > MAX_STATUS_IDS:
            raise api_error(422, "Mastodon::ValidationError")
        out = []
        for sid in ids:
            s = self.f.live(sid)
            if s is not None and self.f.can_see(s, req.viewer):
                out.append(req.view.status(s))
        return out

    def context(self, req, sid):
        """GET /api/v1/statuses/:id/context: ancestors oldest first,
        descendants depth first (children by id), both without what the
        viewer may not see or filters out; anonymous callers get at most
        40 ancestors, 60 descendants and depth 20."""
        s = self.status_or_404(req, sid)
        anon = req.viewer is None
        up = []
        p = self.f.live(s["reply_to"]) if s["reply_to"] else None
        while p is not None and len(up) < (ANON_ANCESTORS if anon
                                           else CONTEXT_LIMIT):
            up.append(p)
            p = self.f.live(p["reply_to"]) if p["reply_to"] else None
        down = []
        self.descendants(s, 1, ANON_DEPTH if anon else None, down,
                         ANON_DESCENDANTS if anon else CONTEXT_LIMIT)
        shown = [x for x in reversed(up)], down
        return {key: [req.view.status(x) for x in part
                      if self.f.can_see(x, req.viewer) and
                      not self.f.hidden_from(x, req.viewer)]
                for key, part in zip(("ancestors", "descendants"), shown)}

    def descendants(self, s, depth, max_depth, out, limit):
        """Collect the replies below a status depth first."""
        if max_depth is not None and depth > max_depth:
            return
        for cid in sorted(s["replies"], key=int):
            c = self.f.live(cid)
            if c is None or len(out) >= limit:
                continue
            out.append(c)
            self.descendants(c, depth + 1, max_depth, out, limit)

    def post_status(self, req):
        """POST /api/v1/statuses: the reply's parent first, then the
        Idempotency-Key, the hourly limit and the validations; the
        visibility is kept as sent (default: the account's)."""
        f = self.f
        author = f.accounts[req.viewer]
        parent = None
        if req.get("in_reply_to_id"):
            parent = f.live(req.get("in_reply_to_id"))
            if parent is None or not f.can_see(parent, req.viewer):
                raise api_error(404, E_IN_REPLY)
        now = time.time()
        limit, used, reset = f.take("statuses", author["id"], now, 0)
        req.rate_override = rate_headers(limit, used, reset)
        key = req.headers.get("Idempotency-Key")
        if key:
            done = f.idempotency.get((author["id"], key))
            if done and now - done[1] < IDEMPOTENCY_TTL:
                return req.view.status(self.own_status(done[0], author))
        if used >= limit:
            raise api_error(429, E_TOO_MANY)
        s = self.create(req, author, parent, key)
        limit, used, reset = f.take("statuses", author["id"], now)
        req.rate_override = rate_headers(limit, used, reset)
        if key:
            f.idempotency[(author["id"], key)] = (s["id"], now)
        return req.view.status(s)

    def own_status(self, sid, author):
        """Give the author's live status by id, else raise 404."""
        s = self.f.live(sid)
        if s is None or s["account"] != author["id"]:
            raise api_error(404, E_NOT_FOUND)
        return s

    def create(self, req, author, parent, key):
        """Validate and make the status of a POST."""
        f = self.f
        msg = LOCALES[f.config["locale"]]
        text = req.get("status") or ""
        media = req.list("media_ids")
        spoiler = req.get("spoiler_text") or ""
        visibility = req.get("visibility") or f.config["privacy"]
        if media:
            raise api_error(422, "Media %s not found or already attached "
                            "to another post" % ", ".join(media))
        errors = []
        if not text.strip():
            errors.append(msg["blank"])
        elif countable_length(text, spoiler) > f.config["max_characters"]:
            errors.append(msg["too_long"] % f.config["max_characters"])
        if visibility not in VISIBILITIES:
            errors.append(msg["visibility"])
        if errors:
            raise api_error(422, msg["failed"] % ", ".join(errors))
        lang = req.get("language") or "en"
        token = f.tokens[req.token]
        app = f.apps[token["client_id"]]
        sensitive = req.flag("sensitive") or bool(spoiler)
        return f.add_status(
            author, text, now_ms(), reply_to=parent, visibility=visibility,
            spoiler=spoiler, sensitive=sensitive,
            language=lang if re.match(r"^[a-z]{2,3}$", lang) else "en",
            local=req.view.local, key=key,
            app={"name": app["name"], "website": app["website"]})

    def delete_status(self, req, sid):
        """DELETE /api/v1/statuses/:id: only one's own (another's is 404,
        as Status.where(account: current_account).find gives); answers
        the status with its source text."""
        s = self.f.live(sid)
        if s is None or s["account"] != req.viewer:
            raise api_error(404, E_NOT_FOUND)
        out = req.view.status(s, source=True)
        self.f.remove_status(s)
        return out

    def favourite(self, req, sid):
        """POST /api/v1/statuses/:id/favourite."""
        s = self.status_or_404(req, sid)
        s["favourites"].add(req.viewer)
        return req.view.status(s)

    def unfavourite(self, req, sid):
        """POST /api/v1/statuses/:id/unfavourite."""
        s = self.status_or_404(req, sid)
        s["favourites"].discard(req.viewer)
        return req.view.status(s)

    # --- moderation --------------------------------------------------

    def mute(self, req, aid):
        """POST /api/v1/accounts/:id/mute."""
        a = self.account_or_404(aid)
        secs = to_i(req.get("duration") or "0")
        self.f.mutes[a["id"]] = {
            "notifications": req.flag("notifications", True),
            "expires": now_ms() + secs * 1000 if secs > 0 else None}
        return req.view.relationship(a["id"])

    def unmute(self, req, aid):
        """POST /api/v1/accounts/:id/unmute."""
        a = self.account_or_404(aid)
        self.f.mutes.pop(a["id"], None)
        return req.view.relationship(a["id"])

    def block(self, req, aid):
        """Block: both follows end and the account's notifications go."""
        a = self.account_or_404(aid)
        self.f.blocks.add(a["id"])
        self.f.following.discard(a["id"])
        self.f.followers.discard(a["id"])
        self.f.notes = [n for n in self.f.notes if n["account"] != a["id"]]
        return req.view.relationship(a["id"])

    def unblock(self, req, aid):
        """POST /api/v1/accounts/:id/unblock."""
        a = self.account_or_404(aid)
        self.f.blocks.discard(a["id"])
        return req.view.relationship(a["id"])

    def report(self, req):
        """POST /api/v1/reports."""
        aid = req.get("account_id")
        if not aid:
            raise api_error(400, "param is missing or the value is empty: "
                            "account_id")
        a = self.account_or_404(aid)
        rule_ids = req.list("rule_ids")
        category = "violation" if rule_ids else \
            req.get("category") or "other"
        if category not in CATEGORIES:
            raise api_error(422, "Validation failed: Category is not "
                            "included in the list")
        if category == "violation" and (not rule_ids or any(
                r not in [x["id"] for x in RULES] for r in rule_ids)):
            raise api_error(422, "Validation failed: Rule ids does not "
                            "reference valid rules")
        statuses = [i for i in req.list("status_ids")
                    if self.f.live(i) and self.f.live(i)["account"] == a["id"]]
        r = {"id": str(len(self.f.reports) + 1), "account": a["id"],
             "category": category, "comment": req.get("comment") or "",
             "forwarded": req.flag("forward") and a["domain"] is not None,
             "ms": now_ms(), "status_ids": statuses,
             "rule_ids": rule_ids or None}
        self.f.reports.append(r)
        return req.view.report(r)

    # --- notifications and markers -----------------------------------

    def browsable(self, req):
        """Give the shop's notifications that types[], exclude_types[] and
        account_id let through, newest first."""
        types = req.list("types")
        allowed = set(TYPES) & set(types) if types else set(TYPES)
        allowed -= set(req.list("exclude_types"))
        who = req.get("account_id")
        return [n for n in reversed(self.f.notes)
                if n["type"] in allowed and (not who or n["account"] == who)]

    def notifications(self, req):
        """GET /api/v1/notifications: limit 40 (at most 80); Link next and
        prev whenever the page is not empty."""
        page = paginate(self.browsable(req), req, req.limit(40))
        keep = ("account_id", "exclude_types", "limit", "types")
        links = link_header(req, keep, page[-1]["id"] if page else None,
                            page[0]["id"] if page else None)
        return Reply(200, [req.view.notification(n) for n in page], links)

    def grouped_notifications(self, req):
        """GET /api/v2/notifications (see Grouper)."""
        expand = req.get("expand_accounts") or "full"
        if expand not in ("full", "partial_avatars"):
            raise api_error(400, "Invalid value for 'expand_accounts': '%s',"
                            " allowed values are 'full' and "
                            "'partial_avatars'" % expand)
        g = Grouper(self.f, req, self.browsable(req))
        reps = g.representatives(req.limit(40))
        groups = g.groups(reps)
        keep = ("exclude_types", "grouped_types", "include_filtered",
                "limit", "types")
        links = link_header(req, keep, reps[-1]["id"] if reps else None,
                            reps[0]["id"] if reps else None)
        return Reply(200, g.render(groups, expand == "partial_avatars"),
                     links)

    def get_markers(self, req):
        """GET /api/v1/markers."""
        return {t: marker_json(self.f.markers[t])
                for t in req.list("timeline") if t in self.f.markers}

    def set_markers(self, req):
        """POST /api/v1/markers: home and notifications; the version goes
        up only when last_read_id changes."""
        out = {}
        for t in ("home", "notifications"):
            last = req.get("%s[last_read_id]" % t)
            if last is None:
                continue
            m = self.f.markers.get(t)
            if m is None:
                m = self.f.markers[t] = {"last_read_id": last, "version": 0,
                                         "ms": now_ms()}
            elif m["last_read_id"] != last:
                m.update(last_read_id=last, version=m["version"] + 1,
                         ms=now_ms())
            out[t] = marker_json(m)
        return out


def marker_json(m):
    """Give the Marker entity."""
    return {"last_read_id": m["last_read_id"], "version": m["version"],
            "updated_at": iso(m["ms"])}


class Grouper:
    """Grouped notifications (GET /api/v2/notifications) as Mastodon makes
    them: a page holds up to `limit` groups, each found by its first
    notification in the walk (the newest; the oldest above min_id), and
    the page's id range (widened to the end when the page is not full)
    bounds what each group counts."""

    def __init__(self, fake, req, notes):
        self.f = fake
        self.req = req
        self.notes = notes          # newest first, filtered
        self.grouped = req.list("grouped_types") or list(GROUPABLE)
        self.range = (0, 0)

    def key(self, n):
        """Give the key a notification is grouped by on this page."""
        if n["group_key"] and n["type"] in self.grouped:
            return n["group_key"]
        return "ungrouped-" + n["id"]

    def representatives(self, limit):
        """Give the first notification of each group of the page, newest
        first, and set the page's id range."""
        req = self.req
        max_id, since_id = req.id_param("max_id"), req.id_param("since_id")
        min_id = req.id_param("min_id")
        lo = min_id if min_id is not None else since_id
        cands = [n for n in self.notes
                 if (max_id is None or int(n["id"]) < max_id) and
                 (lo is None or int(n["id"]) > lo)]
        if min_id is not None:
            cands.reverse()
        reps, seen = [], set()
        for n in cands:
            if len(reps) >= limit:
                break
            if self.key(n) not in seen:
                seen.add(self.key(n))
                reps.append(n)
        if min_id is not None:
            reps.reverse()
        if reps:
            low, high = int(reps[-1]["id"]), int(reps[0]["id"])
            if len(reps) < limit and min_id is not None:
                high = max_id - 1 if max_id is not None else float("inf")
            elif len(reps) < limit:
                low = since_id + 1 if since_id is not None else 0
            self.range = (low, high)
        return reps

    def groups(self, reps):
        """Give the NotificationGroup entities of the representatives."""
        out = []
        low, high = self.range
        for rep in reps:
            k = self.key(rep)
            if k.startswith("ungrouped-"):
                members = [rep]
            else:
                members = [n for n in reversed(self.f.notes)
                           if n["group_key"] == k and int(n["id"]) <= high]
            page = [n for n in members if int(n["id"]) >= low] or [rep]
            newest = members[0]
            samples = []
            for n in members:
                if n["account"] not in samples:
                    samples.append(n["account"])
            status = self.req.view.note_status(newest) \
                if newest["type"] in STATUS_TYPES else None
            out.append({
                "group_key": k, "notifications_count": len(page),
                "type": newest["type"],
                "most_recent_notification_id": int(newest["id"]),
                "page_min_id": min(page, key=lambda n: int(n["id"]))["id"],
                "page_max_id": newest["id"],
                "latest_page_notification_at": iso(newest["ms"]),
                "sample_account_ids": samples[:SAMPLE_ACCOUNTS],
                "status_id": status["id"] if status else None,
                "_status": status})
        return out

    def render(self, groups, partial):
        """Give the GroupedNotificationsResults: accounts (with partial:
        only each group's newest in full, the others in
        partial_accounts), statuses and the groups."""
        view = self.req.view
        full, rest = [], []
        for g in groups:
            ids = g["sample_account_ids"]
            for i, aid in enumerate(ids):
                (rest if partial and i else full).append(aid)
        full = list(dict.fromkeys(full))
        rest = [a for a in dict.fromkeys(rest) if a not in full]
        statuses = {}
        for g in groups:
            s = g.pop("_status")
            if s is not None:
                statuses.setdefault(s["id"], s)
        out = {"accounts": [view.account(self.f.accounts[a]) for a in full]}
        if partial:
            out["partial_accounts"] = [
                view.partial_account(self.f.accounts[a]) for a in rest]
        out["statuses"] = list(statuses.values())
        out["notification_groups"] = groups
        return out


NO_STORE = [("Cache-Control", "no-store"), ("Pragma", "no-cache")]
PAGE = ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<title>%s - Acme Social</title>\n</head>\n<body class="modal-layout">'
        '\n<div class="container-alt">\n<div class="form-container">\n%s\n'
        '</div>\n</div>\n</body>\n</html>\n')


def code_page(code):
    """The page showing an out-of-band authorization code."""
    body = ('<div class="flash-message simple_form">\n<p>Copy this '
            'authorization code and paste it to the application.</p>\n'
            '<div class="input-copy">\n<div class="input-copy__wrapper">\n'
            '<input type="text" maxlength="999" spellcheck="false" '
            'readonly="readonly" value="%s" class="oauth-code">\n</div>\n'
            '<button type="button">Copy</button>\n</div>\n</div>' % h(code))
    return (PAGE % ("Authorization code", body)).encode()


def error_page(text):
    """A page with an error (a refused authorization, a missing page)."""
    body = '<div class="flash-message">\n%s\n</div>' % h(text)
    return (PAGE % ("An error has occurred", body)).encode()


def not_found(req):
    """Answer a path Mastodon has no route for: JSON if asked for, else
    its error page."""
    if req.accepts_json():
        return Reply(404, {"error": "Not Found"})
    return Reply(404, error_page("The page you are looking for isn't "
                                 "here."), (), "text/html; charset=utf-8")


def oauth_reply(e):
    """Answer an OAuthError of the token or revoke endpoint."""
    headers = list(NO_STORE)
    if e.status == 401:
        headers.append(("WWW-Authenticate", 'Bearer realm="Doorkeeper", '
                        'error="%s", error_description="%s"'
                        % (e.name, e.description)))
    return Reply(e.status, e.body(), headers)


def rate_headers(limit, used, reset):
    """The X-RateLimit-* headers of a window."""
    return [("X-RateLimit-Limit", str(limit)),
            ("X-RateLimit-Remaining", str(max(0, limit - used))),
            ("X-RateLimit-Reset", iso_micro(reset))]


class Route:
    """A route: method, path (":id" for a path part), handler name, who
    may call it (public: no token needed or read; optional: a token is
    checked if given; app: any valid token; user: a user's token), the
    scopes of which the token needs one, the first version having it."""

    def __init__(self, method, path, name, auth, scopes=(), since=(0, 0)):
        self.method = method
        self.path = path
        self.name = name
        self.auth = auth
        self.scopes = scopes
        self.since = since
        self.regex = re.compile("^" + re.escape(path).replace(
            ":id", "([^/]+)") + "$")


READ_STATUSES = ("read", "read:statuses")
WRITE_STATUSES = ("write", "write:statuses")
READ_NOTES = ("read", "read:notifications")
ROUTES = [
    Route("POST", "/api/v1/apps", "create_app", "public"),
    Route("GET", "/api/v1/apps/verify_credentials", "verify_app", "app"),
    Route("GET", "/.well-known/oauth-authorization-server",
          "oauth_metadata", "public", (), (4, 3)),
    Route("GET", "/oauth/authorize", "authorize", "public"),
    Route("POST", "/oauth/token", "token", "public"),
    Route("POST", "/oauth/revoke", "revoke", "public"),
    Route("GET", "/oauth/userinfo", "userinfo", "user", ("profile",),
          (4, 4)),
    Route("GET", "/api/v1/accounts/verify_credentials", "verify_account",
          "user", ("read", "read:accounts", "profile")),
    Route("GET", "/api/v2/instance", "instance", "public"),
    Route("GET", "/api/v1/instance", "instance_v1", "public"),
    Route("GET", "/api/v1/accounts/:id/statuses", "account_statuses",
          "optional", READ_STATUSES),
    Route("GET", "/api/v1/statuses", "get_statuses", "optional",
          READ_STATUSES, (4, 3)),
    Route("GET", "/api/v1/statuses/:id", "get_status", "optional",
          READ_STATUSES),
    Route("GET", "/api/v1/statuses/:id/context", "context", "optional",
          READ_STATUSES),
    Route("POST", "/api/v1/statuses", "post_status", "user", WRITE_STATUSES),
    Route("DELETE", "/api/v1/statuses/:id", "delete_status", "user",
          WRITE_STATUSES),
    Route("POST", "/api/v1/statuses/:id/favourite", "favourite", "user",
          ("write", "write:favourites")),
    Route("POST", "/api/v1/statuses/:id/unfavourite", "unfavourite", "user",
          ("write", "write:favourites")),
    Route("POST", "/api/v1/accounts/:id/mute", "mute", "user",
          ("follow", "write", "write:mutes")),
    Route("POST", "/api/v1/accounts/:id/unmute", "unmute", "user",
          ("follow", "write", "write:mutes")),
    Route("POST", "/api/v1/accounts/:id/block", "block", "user",
          ("follow", "write", "write:blocks")),
    Route("POST", "/api/v1/accounts/:id/unblock", "unblock", "user",
          ("follow", "write", "write:blocks")),
    Route("POST", "/api/v1/reports", "report", "user",
          ("write", "write:reports")),
    Route("GET", "/api/v1/notifications", "notifications", "user",
          READ_NOTES),
    Route("GET", "/api/v2/notifications", "grouped_notifications", "user",
          READ_NOTES, (4, 3)),
    Route("GET", "/api/v1/markers", "get_markers", "user", READ_STATUSES),
    Route("POST", "/api/v1/markers", "set_markers", "user", WRITE_STATUSES),
]


def match_route(method, path):
    """Find the route of a request; give (route, path ids) or (None, ())."""
    for r in ROUTES:
        if r.method == method:
            m = r.regex.match(path)
            if m:
                return r, m.groups()
    return None, ()


class Seeder:
    """Makes what the control op "seed" asks for (see the docstring)."""

    def __init__(self, fake, a):
        self.f = fake
        self.rng = random.Random(a.get("seed", 1))
        self.hostile = bool(a.get("hostile", True))
        self.threads = {}       # root status id -> ids of statuses in it
        self.created = {}

    def customer(self, i, ms):
        """Make the i-th customer: remote on a few domains, one in four
        local; hostile display names when asked."""
        word = HANDLE_WORDS[i % len(HANDLE_WORDS)]
        username = "%s%d" % (word, i + 1)
        domain = None if i % 4 == 3 else REMOTE_DOMAINS[i % len(
            REMOTE_DOMAINS)]
        name = NAMES[i % len(NAMES)] if self.hostile else word.title()
        name = name or ""
        if i % 5 == 2:
            name += " :%s:" % EMOJI_CODES[i % len(EMOJI_CODES)]
        note = "Customer since %d. #shopping" % (2020 + i % 6)
        return self.f.add_account(
            username, domain, ms - self.rng.randrange(30, 900) * DAY_MS,
            display_name=name, note=note, bot=i % 7 == 6,
            locked=i % 6 == 5, avatar=i % 2 == 0, customer=True,
            followers_count=self.rng.randrange(0, 500),
            following_count=self.rng.randrange(0, 300))

    def customers(self, n, ms):
        """Give n customers, made as needed."""
        have = self.f.customers()
        while len(have) < n:
            have.append(self.customer(len(have), ms))
        return have[:n]

    def shop_posts(self, n, before):
        """Give n of the shop's top-level public posts, oldest first, made
        (six hours apart, before `before`) as needed."""
        f = self.f
        have = f.shop_posts()
        for i in range(len(have), n):
            text = SHOP_POSTS[i % len(SHOP_POSTS)] + " #acmeshop"
            have.append(f.add_status(f.shop, text, before - (n - i) * 6 *
                                     HOUR_MS, language="en"))
        return have[:n]

    def text(self, prefix=""):
        """Give (text, language) of a made-up customer text."""
        t, langs = seed_text(self.rng, self.f.next_serial(), self.hostile)
        return prefix + t, langs[0]

    def tally(self, kind, made):
        """Count what was made by kind (made: None when nothing was)."""
        if made is not None:
            self.created[kind] = self.created.get(kind, 0) + 1

    def reply(self, c, posts, nested, shop_replies, ms):
        """A customer's reply in a thread under one of the shop's posts:
        to the post, or (nested) to a reply already there."""
        f = self.f
        root = self.rng.choice(posts)
        thread = self.threads.setdefault(root["id"], [])
        parent = root
        if thread and self.rng.random() < nested:
            parent = f.statuses[self.rng.choice(thread)]
        to = f.accounts[parent["account"]]
        mentions, prefix = [], ""
        if to is not c:
            mentions.append(to["id"])
            prefix = "@%s " % f.acct(to)
        if to is not f.shop and (not mentions or self.rng.random() < 0.5):
            mentions.append(f.shop["id"])
            prefix += "@%s " % f.shop["username"]
        text, lang = self.text(prefix)
        vis = parent["visibility"]
        if vis == "public" and self.rng.random() < 0.15:
            vis = "unlisted"
        s = f.add_status(c, text, ms, reply_to=parent, visibility=vis,
                         mentions=mentions, language=lang)
        thread.append(s["id"])
        self.tally("reply", s)
        if f.shop["id"] in mentions and self.rng.random() < shop_replies:
            answer = f.add_status(
                f.shop, "@%s Thanks, we are on it!" % f.acct(c),
                ms + 5 * 60 * 1000, reply_to=s, visibility=vis,
                mentions=[c["id"]], app={"name": "Web", "website": None})
            thread.append(answer["id"])
            self.tally("shop_reply", answer)

    def mention(self, c, private, ms):
        """A customer's status mentioning the shop; private or direct in
        the share `private`, with a content warning now and then."""
        f = self.f
        r = self.rng.random()
        vis = self.rng.choice(("private", "direct")) if r < private else \
            "unlisted" if r < private + 0.1 else "public"
        text, lang = self.text("@%s " % f.shop["username"])
        spoiler = "Order problem" if self.rng.random() < 0.1 else ""
        self.tally("mention", f.add_status(
            c, text, ms, visibility=vis, spoiler=spoiler,
            sensitive=bool(spoiler), language=lang,
            mentions=[f.shop["id"]]))

    def raw(self, c, html, ms):
        """A mention whose content is raw HTML from a hostile server."""
        f = self.f
        text = "@%s (n%d)" % (f.shop["username"], f.next_serial())
        self.tally("raw_html", f.add_status(c, text, ms, html=html,
                                            mentions=[f.shop["id"]]))

    def extra(self, kind, c, posts, ms):
        """One notification of a rarer type: status, poll, update, quote,
        added_to_collection."""
        f = self.f
        s = None
        if kind == "status":
            f.following.add(c["id"])
            s = f.add_status(c, self.text()[0], ms)
        elif kind == "poll":
            s = f.add_status(c, "Which colour next? (n%d)" % f.next_serial(),
                             ms - DAY_MS, poll={
                                 "id": str(self.rng.randrange(10 ** 5)),
                                 "expires": ms,
                                 "options": [["Red", 3], ["Blue", 5]]})
        elif kind == "update":
            s = f.add_status(c, self.text()[0], ms - HOUR_MS, edited=ms)
        elif kind == "quote":
            s = f.add_status(c, self.text("Look at this: ")[0], ms,
                             quote=self.rng.choice(posts)["id"])
        collection = None
        if kind == "added_to_collection":
            collection = collection_json(c, ms)
        self.tally(kind, f.notify(kind, c, s, ms, collection=collection))

    def run(self, a):
        """Seed as the op asks; give a summary."""
        f = self.f
        now = now_ms()
        until = parse_when(a.get("until"), now)
        since = parse_when(a.get("since"), until - 2 * DAY_MS)
        custs = self.customers(int(a.get("customers", 12)), since)
        posts = self.shop_posts(int(a.get("posts", 3)), since)
        kinds = (["reply"] * int(a.get("replies", 20)) +
                 ["mention"] * int(a.get("mentions", 10)) +
                 ["favourite"] * int(a.get("favourites", 8)) +
                 ["reblog"] * int(a.get("reblogs", 3)) +
                 ["follow"] * int(a.get("follows", 4)))
        if a.get("extras", True):
            kinds += ["status", "poll", "update", "quote",
                      "added_to_collection"]
        if self.hostile:
            kinds += ["raw%d" % i for i in range(len(RAW_HTML))]
        self.rng.shuffle(kinds)
        first = len(f.notes)
        step = (until - since) // max(1, len(kinds))
        for i, kind in enumerate(kinds):
            self.event(kind, self.rng.choice(custs), posts, a,
                       since + i * step)
        self.null_statuses(f.notes[first:], float(a.get("null_status", 0)))
        return {"customers": [c["id"] for c in custs],
                "posts": [p["id"] for p in posts], "created": self.created,
                "notifications": len(f.notes) - first,
                "inbox": sum(1 for n in f.notes[first:]
                             if n["type"] == "mention")}

    def event(self, kind, c, posts, a, ms):
        """Make one seeded event."""
        f = self.f
        if kind == "reply":
            self.reply(c, posts, float(a.get("nested", 0.3)),
                       float(a.get("shop_replies", 0.2)), ms)
        elif kind == "mention":
            self.mention(c, float(a.get("private", 0.3)), ms)
        elif kind.startswith("raw"):
            self.raw(c, RAW_HTML[int(kind[3:])], ms)
        elif kind in ("favourite", "reblog"):
            s = self.rng.choice(posts)
            if kind == "favourite":
                s["favourites"].add(c["id"])
            else:
                s["reblogs"] += 1
            self.tally(kind, f.notify(kind, c, s, ms))
        elif kind == "follow":
            f.followers.add(c["id"])
            f.shop["followers_count"] += 1
            self.tally(kind, f.notify(kind, c, None, ms))
        else:
            self.extra(kind, c, posts, ms)

    def null_statuses(self, notes, share):
        """Show a share of the new mention notifications with a null
        status, as a real server shows those it cannot show."""
        for n in notes:
            if n["type"] == "mention" and self.rng.random() < share:
                n["null_status"] = True


def collection_json(owner, ms):
    """A Collection (of an added_to_collection notification)."""
    cid = str((ms << 16) | 4242)
    return {"id": cid, "account_id": owner["id"],
            "uri": "https://%s/ap/collections/%s" % (owner["domain"] or
                                                     "local.example", cid),
            "url": None, "name": "Shops I like", "description": "",
            "language": "en", "local": owner["domain"] is None,
            "sensitive": False, "discoverable": True, "tag": None,
            "item_count": 1, "items": [], "created_at": iso(ms),
            "updated_at": iso(ms)}


FAKE = None
API = None
ADD_TYPES = ("mention", "favourite", "reblog", "follow", "status", "poll",
             "update", "quote", "added_to_collection")
FAULT_KINDS = ("status", "drop", "slow", "malformed", "bad_utf8",
               "oversized", "reset")
# Control ops that are a fault of one kind.
FAULT_OPS = {"fail": "status", "lose": "drop", "slow": "slow"}
CONFIG_KEYS = ("version", "max_characters", "locale", "privacy")


def control_op(a):
    """Carry out one control op; give its JSON answer."""
    f = FAKE
    op = a.get("op")
    out = {"ok": True}
    if op == "seed":
        out.update(Seeder(f, a).run(a))
    elif op == "add":
        out.update(add_one(a))
    elif op == "delete":
        s = need_status(a.get("id"))
        f.remove_status(s, a.get("notifications", "remove") == "keep")
    elif op == "edit":
        edit_op(a)
    elif op in ("fault",) + tuple(FAULT_OPS):
        out["faults"] = add_fault(a, FAULT_OPS.get(op))
    elif op == "clear_faults":
        f.faults.clear()
    elif op == "rate":
        family = a.get("family", "api")
        if family not in LIMITS:
            raise ValueError("family must be one of " + ", ".join(LIMITS))
        f.limits[family] = (int(a.get("limit", LIMITS[family][0])),
                            int(a.get("period", LIMITS[family][1])))
        f.buckets = {k: v for k, v in f.buckets.items() if k[0] != family}
    elif op in ("config",) + CONFIG_KEYS:
        out["config"] = set_config(a)
    elif op == "deprecate":
        out["deprecations"] = deprecate(a)
    elif op == "revoke":
        revoke_op(a.get("token"))
    elif op == "authorize":
        out.update(authorize_op(a))
    elif op == "token":
        out.update(token_op(a))
    elif op == "clear_log":
        f.log.clear()
    else:
        raise ValueError("unknown op %r" % (op,))
    return out


def need_status(sid):
    """Give a live status by id (ValueError if there is none)."""
    s = FAKE.live(sid)
    if s is None:
        raise ValueError("no status %r" % (sid,))
    return s


def author_of(a):
    """Give the account an "add" op names (made if it is a new acct), or
    the first customer."""
    f = FAKE
    who = a.get("author")
    if who:
        acc = f.find_account(who)
        if acc is None:
            user, _, domain = str(who).lstrip("@").partition("@")
            acc = f.add_account(user, domain or None, now_ms() - DAY_MS,
                                display_name=user.title(), customer=True)
        return acc
    custs = f.customers()
    return custs[0] if custs else Seeder(f, {}).customers(1, now_ms())[0]


def add_one(a):
    """Make one event for the shop now (control op "add")."""
    f = FAKE
    kind = a.get("type", "mention")
    if kind not in ADD_TYPES:
        raise ValueError("type must be one of " + ", ".join(ADD_TYPES))
    author = author_of(a)
    ms = parse_when(a.get("created"), now_ms())
    s = target = None
    if kind == "mention":
        s = add_mention(a, author, ms)
    elif kind in ("favourite", "reblog", "quote"):
        target = need_status(a["status"]) if a.get("status") else \
            newest_shop_post(ms)
        if kind == "favourite":
            target["favourites"].add(author["id"])
        elif kind == "reblog":
            target["reblogs"] += 1
        else:
            s = f.add_status(author, a.get("text") or "Look at this (n%d)"
                             % f.next_serial(), ms, quote=target["id"])
    elif kind == "follow":
        f.followers.add(author["id"])
        f.shop["followers_count"] += 1
    elif kind != "added_to_collection":
        s = add_status_kind(kind, a, author, ms)
    if kind == "mention":
        n = next((x for x in reversed(f.notes) if x["status"] == s["id"]),
                 None)
        if n is not None and a.get("null_status"):
            n["null_status"] = True
    else:
        n = f.notify(kind, author, s or target, ms, collection=collection_json(
            author, ms) if kind == "added_to_collection" else None)
    return {"status_id": s and s["id"], "notification_id": n and n["id"],
            "created_at": iso(ms)}


def newest_shop_post(ms):
    """Give the shop's newest top-level post (made if there is none)."""
    posts = FAKE.shop_posts()
    return posts[-1] if posts else Seeder(FAKE, {}).shop_posts(1, ms)[0]


def add_mention(a, author, ms):
    """A customer's status (control op "add", type mention): a reply to
    in_reply_to or a new post, mentioning the shop unless mention is
    false."""
    f = FAKE
    parent = need_status(a["in_reply_to"]) if a.get("in_reply_to") else None
    serial = f.next_serial()
    text = a.get("text") or "Any news about my order? (n%d)" % serial
    mentions = []
    if parent is not None and parent["account"] != author["id"]:
        mentions.append(parent["account"])
    if a.get("mention", True):
        mentions.append(f.shop["id"])
        if not re.search(r"(?i)@%s\b" % re.escape(f.shop["username"]), text):
            text = "@%s %s" % (f.shop["username"], text)
    vis = a.get("visibility") or (parent["visibility"] if parent else
                                  "public")
    if vis not in VISIBILITIES:
        raise ValueError("visibility must be one of " + ", ".join(
            VISIBILITIES))
    spoiler = a.get("spoiler_text", "")
    return f.add_status(author, text, ms, reply_to=parent, visibility=vis,
                        spoiler=spoiler, mentions=list(dict.fromkeys(
                            mentions)),
                        sensitive=a.get("sensitive", bool(spoiler)),
                        language=a.get("language", "en"), html=a.get("html"))


def add_status_kind(kind, a, author, ms):
    """The status of an "add" of type status, poll or update."""
    f = FAKE
    text = a.get("text") or "News from us (n%d)" % f.next_serial()
    if kind == "status":
        f.following.add(author["id"])
        return f.add_status(author, text, ms)
    if kind == "poll":
        return f.add_status(author, text, ms - DAY_MS, poll={
            "id": str(f.next_serial()), "expires": ms,
            "options": [["Yes", 2], ["No", 1]]})
    return f.add_status(author, text, ms - HOUR_MS, edited=ms)


def edit_op(a):
    """Edit a status as its author would (control op "edit")."""
    s = need_status(a.get("id"))
    if "text" in a:
        s["text"] = a["text"]
        s["html"] = a.get("html")
        s["tags"] = tags_in(a["text"])
        s["mentions"] = FAKE.mentioned_in(a["text"], ()) or s["mentions"]
    elif "html" in a:
        s["html"] = a["html"]
    if "spoiler_text" in a:
        s["spoiler"] = a["spoiler_text"]
    s["edited"] = now_ms()


def add_fault(a, kind):
    """Add a fault (control ops fault, fail, lose, slow)."""
    f = dict(a)
    f.pop("op")
    f["kind"] = kind or f.get("kind")
    if f["kind"] == "lose":
        f["kind"] = "drop"
    if f["kind"] not in FAULT_KINDS:
        raise ValueError("kind must be one of lose, " + ", ".join(
            FAULT_KINDS))
    f["method"] = str(f.get("method", "*")).upper()
    f["path"] = f.get("path", "/")
    f["count"] = int(f.get("count", 1))
    f["after"] = int(f.get("after", 0))
    FAKE.faults.append(f)
    return len(FAKE.faults)


def set_config(a):
    """Set what the op names (control ops config, version, locale,
    max_characters, privacy); give the config."""
    c = FAKE.config
    for k in CONFIG_KEYS:
        if k in a:
            c[k] = a[k]
    if c["locale"] not in LOCALES:
        c["locale"] = "en"
        raise ValueError("locale must be one of " + ", ".join(LOCALES))
    c["max_characters"] = int(c["max_characters"])
    if c["privacy"] not in VISIBILITIES:
        c["privacy"] = "public"
        raise ValueError("privacy must be one of " + ", ".join(
            VISIBILITIES))
    return dict(c)


def deprecate(a):
    """Add (or with value null remove) a Deprecation header on the
    routes a method and path prefix match."""
    method = str(a.get("method", "*")).upper()
    path = a.get("path", "/")
    FAKE.deprecations = [d for d in FAKE.deprecations
                         if (d["method"], d["path"]) != (method, path)]
    value = a.get("value", "@%d" % (int(time.time()) - 86400))
    if value is not None:
        FAKE.deprecations.append({"method": method, "path": path,
                                  "value": value})
    return FAKE.deprecations


def revoke_op(token):
    """Revoke a token, or "all" of them."""
    toks = FAKE.tokens.values() if token == "all" else \
        [FAKE.tokens[token]] if token in FAKE.tokens else None
    if toks is None:
        raise ValueError("no such token")
    for t in toks:
        t["revoked"] = True


def authorize_op(a):
    """Approve an authorization as GET /oauth/authorize would; give
    {code}."""
    def get(name):
        """Give a parameter of the request, with the op's defaults."""
        if name == "response_type":
            return a.get(name, "code")
        if name == "code_challenge_method" and a.get("code_challenge"):
            return a.get(name, "S256")
        if name == "redirect_uri" and name not in a:
            app = FAKE.apps.get(a.get("client_id") or "")
            return app["redirect_uris"][0] if app else None
        return a.get(name)
    try:
        grant, _ = OAuth(FAKE).pre_authorize(get)
    except OAuthError as e:
        raise ValueError("%s: %s" % (e.name, e.description))
    return {"code": grant["code"]}


def token_op(a):
    """Make a user token at once (for tests that skip OAuth): scope
    (default "read write follow"), client_id (default an app "heed tests"
    made for it)."""
    oauth = OAuth(FAKE)
    app = FAKE.apps.get(a.get("client_id") or "")
    if app is None:
        app = oauth.register("heed tests", [OOB], ["read", "write",
                                                   "follow", "push"], None)
    scopes = str(a.get("scope", "read write follow")).split()
    return oauth.issue(app, scopes, FAKE.shop["id"])


def state_of(q):
    """Give what GET /_state shows."""
    f = FAKE

    def arg(name, default=None):
        """Give a query parameter of /_state."""
        v = q.get(name)
        return v[0] if v else default
    out = {"shop": {"id": f.shop["id"], "username": f.shop["username"]},
           "config": f.config}
    if arg("statuses", "1") != "0":
        out["statuses"] = [status_state(s) for s in sorted(
            f.statuses.values(), key=lambda s: int(s["id"]))]
    if arg("notifications", "1") != "0":
        out["notifications"] = [
            {"id": n["id"], "type": n["type"], "created_at": iso(n["ms"]),
             "account": f.acct(f.accounts[n["account"]]),
             "status_id": n["status"], "group_key": n["group_key"],
             "null_status": n["null_status"]} for n in f.notes]
    out["apps"] = {"registrations": len(f.apps), "list": [
        {"id": p["id"], "name": p["name"], "client_id": p["client_id"],
         "redirect_uris": p["redirect_uris"], "scopes": p["scopes"],
         "website": p["website"]} for p in f.apps.values()]}
    out["grants"] = [{"code": fingerprint(g["code"]),
                      "client_id": g["client_id"],
                      "redirect_uri": g["redirect_uri"],
                      "scopes": g["scopes"], "pkce": bool(g["challenge"]),
                      "used": g["used"] is not None}
                     for g in f.grants.values()]
    out["tokens"] = [{"token": f.token_label(t["token"]),
                      "client_id": t["client_id"], "scopes": t["scopes"],
                      "user": f.acct(f.accounts[t["user"]])
                      if t["user"] else None,
                      "revoked": t["revoked"], "created_at": iso(t["ms"])}
                     for t in f.tokens.values()]
    out["markers"] = {k: marker_json(m) for k, m in f.markers.items()}
    out["relationships"] = relationships_state()
    out["reports"] = [dict(r, account=f.acct(f.accounts[r["account"]]),
                           created_at=iso(r["ms"])) for r in f.reports]
    out["limits"] = {k: {"limit": v[0], "period": v[1]}
                     for k, v in f.limits.items()}
    out["faults"] = f.faults
    out["deprecations"] = f.deprecations
    out["requests"] = f.requests
    if arg("log", "1") != "0":
        start = int(arg("log_from", "0"))
        out["log"] = [dict(r) for r in f.log if r["n"] >= start]
    out["log_next"] = f.log_n + 1
    return out


def status_state(s):
    """A status as /_state shows it."""
    f = FAKE
    return {"id": s["id"], "account": f.acct(f.accounts[s["account"]]),
            "created_at": iso(s["ms"]), "visibility": s["visibility"],
            "spoiler_text": s["spoiler"], "sensitive": s["sensitive"],
            "language": s["language"], "in_reply_to_id": s["reply_to"],
            "in_reply_to_account_id": s["reply_to_account"],
            "text": s["text"], "html": s["html"],
            "idempotency_key": s["key"],
            "application": s["app"]["name"] if s["app"] else None,
            "mentions": [f.acct(f.accounts[i]) for i in s["mentions"]],
            "favourited": f.shop["id"] in s["favourites"],
            "favourites_count": len(s["favourites"]),
            "replies_count": len(s["replies"]),
            "edited_at": iso(s["edited"]) if s["edited"] else None,
            "deleted": s["deleted"]}


def relationships_state():
    """Give the shop's relationships as /_state shows them."""
    f = FAKE
    return {"muting": {f.acct(f.accounts[i]): m["notifications"]
                       for i, m in f.mutes.items() if f.muting(i)},
            "blocking": sorted(f.acct(f.accounts[i]) for i in f.blocks),
            "following": sorted(f.acct(f.accounts[i]) for i in f.following),
            "followers": sorted(f.acct(f.accounts[i]) for i in f.followers)}


def corrupt_content(data):
    """Put invalid UTF-8 into the first "content" (else the first string)
    of a JSON body."""
    bad = b"\xff\xfe bad \xc3\x28 \xed\xa0\x80 \xc0\xaf"
    i = data.find(b'"content":"')
    i = i + len(b'"content":"') if i >= 0 else data.find(b'":"') + 3
    i = max(i, 0)
    return data[:i] + bad + data[i:]


def redact(pairs):
    """The parameters of a request for the log, secrets fingerprinted."""
    out = {}
    for k, v in pairs:
        out.setdefault(k, []).append("fp:" + fingerprint(v)
                                     if k in SECRET_PARAMS and v else v)
    return out


DELETE_RE = re.compile(r"^/api/v1/statuses/\d+$")
WWW_INVALID = ("WWW-Authenticate", 'Bearer realm="Doorkeeper", '
               'error="invalid_token", error_description="%s"' % E_TOKEN)


def www_scope(scopes):
    """The WWW-Authenticate header of a token lacking a scope."""
    return ("WWW-Authenticate", 'Bearer realm="Doorkeeper", error='
            '"insufficient_scope", error_description="Access to this '
            'resource requires scope \\"%s\\"."' % " or ".join(scopes))


class Handler(server.PlatformHandler):
    """The Mastodon server over HTTP: routes, limits and faults."""
    log_name = "fake-mastodon"
    html_type = "text/html"
    proxy_page = PROXY_PAGE
    control_any_method = False

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = \
        server.PlatformHandler.do_any

    def route(self, url, body):
        req = Request(self, url, body)
        route, ids = match_route(req.method, url.path)
        label = "%s %s" % (req.method, route.path if route else url.path)
        rec = {"t": time.time(), "t_end": None, "method": req.method,
               "path": url.path, "route": route.path if route else None,
               "params": redact(req.pairs), "token": None,
               "idempotency_key": self.headers.get("Idempotency-Key"),
               "status": None, "fault": None, "sent": 0, "tls": req.tls}
        with FAKE.lock:
            FAKE.log_n += 1
            rec["n"] = FAKE.log_n
            FAKE.log.append(rec)
            FAKE.requests[label] = FAKE.requests.get(label, 0) + 1
            rec["token"] = FAKE.token_label(req.token)
            fault = FAKE.take_fault(req.method, url.path)
            rec["fault"] = fault["kind"] if fault else None
        try:
            self.answer(req, route, ids, rec, fault)
        finally:
            rec["sent"] = self.sent
            rec["t_end"] = time.time()

    def corrupt(self, data):
        return corrupt_content(data)

    def answer(self, req, route, ids, rec, fault):
        """Answer a request, spoiled as its fault says."""
        kind = fault["kind"] if fault else None
        if kind == "slow" and fault.get("when") == "before":
            time.sleep(float(fault.get("seconds", 5)))
        if kind == "status":
            if fault.get("apply"):
                rec["applied_status"] = self.carry_out(req, route, ids).status
                rec["applied"] = time.time()
            return self.fault_status(req, fault, rec)
        reply = self.carry_out(req, route, ids)
        rec["status"] = reply.status
        if reply.ctype is not None:
            return self.send(reply.status, reply.body, reply.headers,
                             reply.ctype)
        data = encode(reply.body) if reply.body is not None else b""
        self.deliver(reply.status, data, reply.headers, fault)

    def carry_out(self, req, route, ids):
        """Count the request against its limits, check its token and
        call its route; give the Reply with all its headers."""
        with FAKE.lock:
            req.view = View(FAKE, req.base)
            tok = FAKE.tokens.get(req.token or "")
            rate, over = self.rate(req, tok)
            if over:
                reply = Reply(429, {"error": E_TOO_MANY})
            else:
                reply = self.call(req, route, ids, tok)
            reply.headers = self.headers_of(req, reply, rate)
            return reply

    @staticmethod
    def rate(req, tok):
        """Count an API request as Rack::Attack does (per account with a
        user's token, else per address; deleting statuses and
        registering apps have their own limits); give the headers of the
        limit closest to being hit and whether one is exceeded."""
        if not req.path.startswith("/api/"):
            return [], False
        now = time.time()
        user = tok["user"] if tok and not tok["revoked"] else None
        key = "account:" + user if user else "ip"
        checks = [("api", key)]
        if req.method == "POST" and req.path == "/api/v1/apps":
            checks.append(("apps", "ip"))
        if req.method == "DELETE" and DELETE_RE.match(req.path) and user:
            checks.append(("delete", key))
        taken = [FAKE.take(f, k, now) for f, k in checks]
        over = [t for t in taken if t[1] > t[0]]
        shown = over[0] if over else min(taken, key=lambda t: t[0] - t[1])
        return rate_headers(*shown), bool(over)

    def call(self, req, route, ids, tok):
        """Call a route's method; give its Reply."""
        if route is None or FAKE.version() < route.since:
            return not_found(req)
        try:
            if req.bad_body:
                raise api_error(400, "Error occurred while parsing request "
                                "parameters")
            req.viewer = self.authenticate(req, route, tok)
            req.view.viewer = req.viewer
            out = getattr(API, route.name)(req, *ids)
            return out if isinstance(out, Reply) else Reply(200, out)
        except ApiError as e:
            return Reply(e.status, e.body, e.headers)
        except Exception:  # a bug of the fake: say so, loudly
            traceback.print_exc()
            return Reply(500, {"error": "Internal Server Error"})

    @staticmethod
    def authenticate(req, route, tok):
        """Check the token a route needs, as Doorkeeper and Mastodon do
        (401, then 403 for a missing scope, then 422 without a user);
        give the viewing account's id (None: no user)."""
        if route.auth == "public" or \
                (req.token is None and route.auth == "optional"):
            return None
        if tok is None or tok["revoked"]:
            raise ApiError(401, {"error": E_TOKEN}, [WWW_INVALID])
        if route.scopes and not set(route.scopes) & set(tok["scopes"]):
            raise ApiError(403, {"error": E_SCOPE}, [www_scope(route.scopes)])
        if route.auth == "user" and tok["user"] is None:
            raise api_error(422, E_USER)
        return tok["user"]

    @staticmethod
    def headers_of(req, reply, rate):
        """Give an answer's headers: its own, then for the API the
        no-store cache control and the rate limit, a Deprecation header
        when one is set, and a request id."""
        out = list(reply.headers)
        if req.path.startswith("/api/"):
            out.insert(0, ("Cache-Control", "private, no-store"))
            out += req.rate_override or rate
        dep = FAKE.deprecation(req.method, req.path)
        if dep:
            out.append(("Deprecation", dep))
        out.append(("X-Request-Id", str(uuid.uuid4())))
        return out

    def fault_status(self, req, fault, rec):
        """Answer a "status" fault: JSON from the server (the fault's body,
        a string for exact bytes; else the usual error of that status),
        or the HTML page of the proxy in front of it (html, the default
        for 502 and 504)."""
        status = int(fault.get("status", 500))
        rec["status"] = status
        extra = []
        if fault.get("retry_after") is not None:
            extra.append(("Retry-After", str(fault["retry_after"])))
        if fault.get("html", status in (502, 504)):
            return self.send_proxy_page(status, extra)
        body = fault.get("body")
        if isinstance(body, str):
            data = body.encode()
        else:
            data = encode(body if body is not None else {
                "error": STATUS_ERRORS.get(
                    status, self.responses.get(status, ("Error",))[0])})
        with FAKE.lock:
            tok = FAKE.tokens.get(req.token or "")
            rate, _ = self.rate(req, tok)
        self.send(status, data, rate + extra, self.json_type)

    # --- control -----------------------------------------------------

    def control_answer(self, args):
        with FAKE.lock:
            return control_op(args)

    def encode_control(self, obj):
        return encode(obj)

    def state(self, url):
        q = urllib.parse.parse_qs(url.query)
        with FAKE.lock:
            data = encode(state_of(q))
        self.send(200, data, [], "application/json")


def main():
    """Read the options, make the state and serve."""
    global FAKE, API
    ap = argparse.ArgumentParser(description="fake Mastodon server")
    ap.add_argument("--username", default="acmeshop")
    ap.add_argument("--version", default=DEFAULT_VERSION)
    ap.add_argument("--max-characters", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0,
                    help="seed this many replies at start")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    a = ap.parse_args()
    FAKE = Fake(a.username, a.version)
    FAKE.config["max_characters"] = a.max_characters
    API = Api(FAKE)
    if a.seed > 0:
        with FAKE.lock:
            Seeder(FAKE, {}).run({"replies": a.seed})
    server.serve(Handler, a.cert, a.key, exit_on_sigterm=True)


if __name__ == "__main__":
    main()
