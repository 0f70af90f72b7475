#!/usr/bin/env python3
"""fake Meta Graph API (Facebook Pages and Instagram with Facebook Login)
for heed's tests: HTTP (and HTTPS), all in memory, standard library only.

    python3 tests/fake/graph.py [--page-token TOKEN] [--user-token TOKEN]
        [--app-id ID] [--client-token CT] [--seed N]
        [--cert server.pem --key server.key]

Listens on 127.0.0.1 only, on ports the kernel picks, and prints one line
"http=PORT https=PORT" (https=0 without a certificate). It exits when its
standard input reaches end of file, so it cannot outlive the test that
started it, or on SIGTERM. HEED_FAKE_VERBOSE=1 logs requests to stderr.
--seed N seeds N Facebook comments (the "seed" op below, its other counts
left at their defaults) before it starts listening. The server is threaded;
one lock guards the whole state.

It plays graph.facebook.com as shared/API-NOTES.md sections 1, 2 and 5 and
the recordings in shared/api-samples/facebook and .../instagram describe it:
ids "{page-id}_{post-id}" for posts and "{post-id}_{comment-id}" for
comments, plain numbers for Instagram objects, times like
"2021-08-10T18:45:03+0000", the {"data", "paging", "summary"} lists and the
error envelope {"error": {"message", "type", "code", "error_subcode"?,
"is_transient"?, "error_user_title"?, "error_user_msg"?, "fbtrace_id"}}.
Like the real service it writes JSON with every non-ASCII character as a
\\uXXXX escape (surrogate pairs for emoji) and "/" as "\\/".

Who is there (the defaults; the options change the tokens and app):

  - the page "Acme Shop", id 104729551230874, page token
    EAAPAGE-acme-0001, linked to the Instagram business account
    17841400000000001 "acmeshop";
  - the page "Acme Outlet", id 104729551230875, page token
    EAAPAGE-outlet-0002, no Instagram account (so a chooser has two);
  - the user "Owner Name", id 10229000000000001, user token
    EAAUSER-owner-0001, who administers both pages;
  - the app 1234567890 "Acme Inbox", client token ct0123456789abcdef: the
    app token is "1234567890|ct0123456789abcdef".

The user's granted scopes start as pages_show_list, pages_read_engagement,
pages_read_user_content, pages_manage_engagement, pages_manage_metadata,
pages_messaging, instagram_basic, instagram_manage_comments and
public_profile; page tokens inherit them. A device login replaces them with
the scopes it asked for.

Paths and tokens:

  Every Graph path starts with /vNN.0/ (NN from 2 to 99); anything else is
  400 code 2500 "Unknown path components: PATH". The token is taken from
  "Authorization: Bearer T" or "Authorization: OAuth T", else from an
  access_token query or form parameter. Bodies are
  application/x-www-form-urlencoded, or JSON (whose non-string values are
  read as their JSON text: the messages endpoint takes JSON objects, or a
  form whose recipient and message are JSON strings). A "method" parameter
  (GET, POST, DELETE) overrides the HTTP verb as on the real service.
  No token: 400 code 104 "An access token is required to request this
  resource."; an unknown one: 400 code 190 "Invalid OAuth access token -
  Cannot parse access token"; an expired one (control "expire"): 400 code
  190 subcode 463 "Error validating access token: Session has expired on
  ... The current time is ...". Those three carry a WWW-Authenticate header
  as the real ones do. Errors are HTTP 400 except codes 10 and 200 (the
  permission errors), which are 403.

  fields= is honoured everywhere: only the fields asked for come back, with
  nested selections (from{id,name}, parent{id,message}, attachments{type,
  title,url}, attachment{type,url,media{image{src}}},
  instagram_business_account{id,username}, replies{...}, media{id}) and the
  edges comments / replies as expansions with .limit(N), .filter(X),
  .order(X), .since(T) and .summary(true) (their "next" goes to the edge's
  own URL). An unknown field is 400 code 100 "(#100) Tried accessing
  nonexisting field (X) on node type (TYPE)", even when the list is empty.
  Without fields= the defaults are: Page and User name,id; post
  created_time,message,id; comment created_time,from,message,id; IG user,
  IG media id; IG comment timestamp,text,id.

Facebook Login for Devices (the app token only; another token is code 190):

  POST /vN/device/login  scope=a,b,c
      {"code", "user_code" (8 of A-Z0-9), "verification_uri":
      "https://www.facebook.com/device", "expires_in": 420, "interval": 5}
      (interval and expires_in come from the "config" op).
  POST /vN/device/login_status  code=CODE
      pending:  400 code 31 subcode 1349174, error_user_title "Device Login
                Authorization Pending";
      polled less than 90% of interval after the previous poll (or the
                login itself): code 31 subcode 1349172 (slow down);
      expired (expires_in passed, or control): subcode 1349152;
      declined: subcode 1349173;
      approved: {"access_token": USER_TOKEN, "expires_in": 5183944,
                "data_access_expiration_time": now + 90 days}.
      An unknown code is code 100 "(#100) Invalid device code".
  Approving (control op "device") grants the scopes the login asked for
  (or the op's "scopes"), and makes the user token and the page tokens
  valid again, as a new login hands out fresh ones.

Tokens and pages:

  GET /vN/me             user token: {"name":"Owner Name","id":...}; page
                         token: the page; app token: 400 code 2500 "An
                         active access token must be used to query
                         information about the current user."
  GET /vN/me/accounts    user token, scope pages_show_list: both pages with
                         access_token, category, category_list, name, id,
                         tasks and (Acme Shop) instagram_business_account
                         {id}, cursor paging as in me_accounts_page_tokens_
                         cjk.json. A page token: 400 code 100 "(#100) Tried
                         accessing nonexisting field (accounts) on node type
                         (Page)".
  GET /vN/{page-id}      any token: id, name, category, category_list,
                         link, fan_count, instagram_business_account (absent
                         without one), access_token and tasks (user token
                         only).
  GET /vN/debug_token?input_token=T   (any valid token, or the app token)
                         {"data": {app_id, type (USER, PAGE or APP),
                         application "Acme Inbox", data_access_expires_at
                         (now + 90 days), expires_at (0 for a page token,
                         now + 60 days for the user's), is_valid, issued_at,
                         profile_id (page tokens), scopes, granular_scopes
                         [{"scope"}], user_id}}; an unknown input token
                         {"data":{"error":{"code":190,"message":...},
                         "is_valid":false,"scopes":[]}}, an expired one the
                         same with subcode 463, its app_id, type,
                         expires_at and user_id.

Facebook Page content (a page token of the post's page; a user token gets
400 code 210 "A page access token is required", the other page's token 403
code 200). Reads need pages_read_engagement and pages_read_user_content
(else the 400 code 100 of error_100_missing_pages_read_engagement.json,
naming the missing one); writes need pages_manage_engagement (else 400
code 283 "(#283) Requires pages_manage_engagement permission to manage the
object").

  GET /vN/{page-id}/feed, /vN/{page-id}/published_posts (also /vN/me/...)
      feed has the visitor posts too ("from" a customer); published_posts
      only the page's own. Fields id, message, created_time, updated_time,
      permalink_url, from{id,name}, attachments{type,title,url,...},
      status_type, full_picture, is_hidden, is_published, comments. Newest
      first. updated_time is the newest live comment's or reply's
      created_time, else created_time. limit (25, at most 100), since and
      until (unix seconds or a date; inclusive, compared with created_time).
      Time paging as in user_posts_time_paging_page1_emoji.json: "previous"
      carries since=<first item's created_time>&__paging_token=..&
      __previous=1 and "next" until=<last item's created_time - 1>&
      __paging_token=..; both are absolute URLs on the scheme and Host the
      request came with, keep the version and every other parameter (the
      access_token only if it came as a parameter). __paging_token holds the
      exact position, so with it the until / since of the link is not
      applied and posts sharing a second are neither lost nor repeated. The
      last page has no "next"; an empty answer is {"data":[]}. With config
      empty_feed_pages every "next" leads first to an empty page
      ({"data":[]} and a "next" with the same until) whose own "next" goes
      on, as the real feed sometimes answers.
  GET /vN/{post-id}/comments, /vN/{comment-id}/comments
      filter toplevel (default) or stream (every comment and reply, flat,
      replies with "parent"), order chronological (default) or
      reverse_chronological, since (unix seconds or a date: created at or
      after), limit (25, at most 100), after / before cursors, summary=true:
      {"summary":{"order","total_count","can_comment":true}} (total_count
      ignores since). Cursors are opaque and name a comment and this run: a
      removed comment's, or another run's, is 400 code 100 "(#100) The after
      cursor is invalid" (or before). Paging {"cursors":{"before","after"},
      "previous"?, "next"?}. With config empty_pages every "next" leads first
      to an empty page whose own "next" goes on. Fields: id, message,
      from{id,name}, created_time, parent{...}, comment_count, like_count,
      user_likes, is_hidden, is_private, can_comment, can_like, can_hide
      (customers' only), can_remove, can_reply_privately (a customer's
      comment younger than 7 days without a private reply), private_reply_
      conversation {"id":"t_..."} (once a private reply was sent),
      attachment{type,title,url,media{image{src}},target}, permalink_url
      (".../posts/POST/?comment_id=C", replies "&reply_comment_id=R"),
      message_tags, comments. Hidden comments stay in the lists (the page
      sees them); removed ones are gone from every list. With control
      moderate false (the page token lacks MODERATE) comments come without
      "id" and "from", also inside parent{}.
  GET /vN/{comment-id}, GET /vN/{post-id}   one object; a removed or
      unknown one is 400 code 100 subcode 33 "(#100) Unsupported get
      request. Object with ID 'X' does not exist, ...".
  POST /vN/{post-id}/comments, /vN/{comment-id}/comments  message=TEXT
      (attachment_url=URL optional) -> {"id":"{post-part}_{comment-part}"},
      with fields= also those (message, permalink_url, created_time as in
      comment_create_response.json). A reply to a reply goes under its
      top-level comment. No message: 400 code 100 "(#100) Missing message or
      attachment". The same text as the page's newest comment under the
      same parent, within 60 s: 400 code 506 "(#506) Duplicate status
      message" (config duplicate_check false turns that off). A new
      comment moves the post's updated_time.
  POST /vN/{comment-id}/likes, DELETE /vN/{comment-id}/likes  {"success":
      true}; user_likes and like_count follow.
  POST /vN/{comment-id}  is_hidden=true|false (the page's own comment: 400
      code 100 "(#100) A Page cannot hide its own comment"), message=TEXT
      edits (the page's own only, else code 100) -> {"success":true}.
  DELETE /vN/{comment-id}  {"success":true}, its replies go too; again: 400
      code 100 subcode 33 "(#100) Unsupported delete request. ...".
      DELETE /vN/{post-id} removes a post and its comments.
  POST /vN/{page-id}/messages  {"recipient":{"comment_id":ID},"message":
      {"text":...},"messaging_type"?}, scope pages_messaging (else 403 code
      200 "(#200) Permissions error: requires the pages_messaging
      permission") -> {"recipient_id": the customer's page-scoped id,
      "message_id":"m_..."}; the comment then has private_reply_conversation
      and can_reply_privately false. No comment_id: code 100; an unknown or
      removed comment: 400 code 100 subcode 2018001 "(#100) No matching user
      found". These two codes are ASSUMPTIONS of this fake (no recording
      showed them): a second private reply to a comment is 400 code 10900
      "(#10900) Activity already replied to"; one to a comment older than 7
      days, or to the page's own, 400 code 10903 "(#10903) This activity
      can't be replied to".

Instagram (same host and version prefix; a user token, or the linked page's
token; another token is 403 code 10). Reads need instagram_basic (else 403
code 10 "(#10) Application does not have permission for this action"),
writes instagram_manage_comments (else 403 code 200 "(#200) Permissions
error: requires the instagram_manage_comments permission").

  GET /vN/{ig-user-id}    id, username, name, biography, followers_count,
                          follows_count, media_count, profile_picture_url,
                          website (user_fields.json).
  GET /vN/{ig-user-id}/media   the account's media, newest first, cursor
                          paging as in user_media_page1.json, limit 25 (at
                          most 100). Fields id, caption, comments_count,
                          like_count, media_type, media_url, permalink,
                          shortcode, thumbnail_url (videos), timestamp,
                          username, owner{id,username}, is_comment_enabled,
                          media_product_type, comments.
  GET /vN/{ig-user-id}/tags    media of others where the account is tagged,
                          same fields, newest first, cursor paging.
  GET /vN/{media-id}, /vN/{ig-comment-id}   one object.
  GET /vN/{media-id}/comments  top-level comments, newest first, cursor
                          paging. Fields id, text, username, from{id,
                          username}, timestamp, like_count, hidden,
                          parent_id (replies), media{id,...}, user{id} (the
                          account's own comments), replies{...}: at most 25
                          (or .limit(N)) replies oldest first, then a
                          "paging" whose "next" is /vN/{comment-id}/replies?
                          after=... when there are more.
  GET /vN/{ig-comment-id}/replies   the replies, oldest first, cursor paging.
  POST /vN/{ig-comment-id}/replies  message=TEXT -> {"id"}; a reply to a
                          reply goes under the top-level comment; a hidden
                          comment: 400 code 100 "(#100) Cannot reply to a
                          hidden comment" (ASSUMED wording); no message:
                          code 100.
  POST /vN/{media-id}/comments  message=TEXT -> {"id"} (top-level).
  POST /vN/{ig-comment-id}  hide=true|false -> {"success":true}.
  DELETE /vN/{ig-comment-id}  {"success":true}; its replies go too.

Rate limits and usage headers:

  Calls are counted per token in a sliding window (control "limits":
  calls, window; default 4800 per 3600 s); a call that is refused is not
  counted. P is the share of the window used, in whole percent. Once P >= 1
  every answer to a page-token call carries X-Business-Use-Case-Usage
  {"<page-id>":[{"type":"pages","call_count":P,"total_cputime":P/2,
  "total_time":3P/4,"estimated_time_to_regain_access":M}]}, and user- or
  app-token calls carry X-App-Usage {"call_count":P,"total_cputime":P/2,
  "total_time":3P/4}. Over the limit: 400 code 32 "(#32) Page request limit
  reached" (page tokens), code 17 "(#17) User request limit reached" (user
  token), code 4 "(#4) Application request limit reached" with is_transient
  true (app token). M is the minutes until the window frees a call (at
  least 1 when refused, else 0).

Control, on the same ports:

  POST /_control with a JSON object {"op": ..., ...}; answers JSON
  {"ok": true, ...} or 400 {"ok": false, "error": ...}:

    seed      posts (3 page posts, made before since if missing, else the
              existing ones reused), comments (20: customer comments on the
              page's and visitors' posts, spaced evenly from since to
              until), replies (0.3: share of them answering an earlier
              top-level comment), visitor_posts (1), media (3, made before
              since if missing), ig_comments (15), ig_replies (0.3), tags
              (1: customers' media tagging the account), page_replies (0.2:
              share of customer comments the page or account has answered
              already, a few minutes later, tagging the customer on
              Facebook), customers (20), since / until (unix seconds or RFC
              3339; default the last two days), hostile (true: CJK, emoji,
              RTL, bidi overrides, ESC and C1 sequences, zalgo and long
              texts, in texts and Facebook names), seed (1). Deterministic
              for a given seed and window. Every customer text ends with a
              unique "(nSERIAL)". Answers {posts, visitor_posts, comments,
              page_replies, media, ig_comments, ig_page_replies, tags,
              page_id, ig_user_id} (ids, or counts of comments).
    add       platform (facebook or instagram), on (a post, a comment, or
              the page id for a visitor post; a media or an IG comment;
              default the newest page post or media, made if missing), text
              (default a made-up one with its serial), author (a customer's
              name or username, made if new; default the first customer),
              created (unix seconds or RFC 3339, default now). A reply to a
              reply goes under the top-level comment. Answers {id,
              created_time}.
    remove    id: a comment (with its replies), post (with its comments),
              media or IG comment goes, as its author would delete it.
    edit      id: a comment or IG comment; text: its new text, as its
              author would edit it; hidden: true or false, as someone
              else managing the page would hide or show it. Neither moves
              any time, count or updated_time.
    fault     path (a regular expression searched in the path after the
              version, e.g. "/comments$", or "*"), method (GET, POST,
              DELETE or "*"), kind, count (1), after (0: the first `after`
              matching requests pass untouched), and:
                status      status (500, 502, 503, 504, 429, ...),
                            retry_after (seconds: a Retry-After header;
                            none without it); 500 is JSON {"error":
                            {"code":2 (or "code":1),"is_transient":true,
                            ...}}, the others an HTML page from a proxy;
                            apply: true carries the request out first (a
                            reply is stored), then answers so (the log
                            entry gets "applied" and "applied_status", as
                            with late)
                graph_error that Graph error instead of the answer: code,
                            subcode, message (defaults per code: 1, 2, 4,
                            10, 17, 32, 100, 190 (/460/463/493), 200, 283,
                            368, 506, 613, 80001, 10900, 10903), status
                            (HTTP), type, is_transient, error_user_title,
                            error_user_msg, error_data. A 190 does not
                            expire the token (the "expire" op does)
                malformed   the real answer cut in half (body: TEXT instead)
                bad_utf8    invalid UTF-8 bytes in the first message/text
                oversized   bytes (20 MiB) of valid JSON; chunked: true
                            hides the size
                slow        seconds (5) of silence; when: "after" (the
                            request is carried out first) or "before"
                reset       headers and half the body, then a TCP reset
                drop        carried out (a reply is stored), then the
                            connection is closed with no answer at all
                late        carried out only `seconds` (75) after it came,
                            and never answered: the connection is held
                            `hold` seconds (as long) and closed (the log
                            entry gets "applied", the time, and
                            "applied_status" when it is carried out)
                empty_same  an empty page ({"data":[]}) whose next
                            names the same page again (the request's own
                            after cursor)
                usage       the answer as usual plus usage headers:
                            call_count (95), total_cputime, total_time
                            (default call_count), estimated_time_to_regain_
                            access (0), header ("buc" or "app"; default by
                            the token)
              Faults match in the order given, one per request.
    clear_faults
    expire    token: a token, or "all" (the user's and the pages'): 190/463
              from then on
    revoke    scope (or scopes: a list): no longer granted
    grant     scope (or scopes): granted
    moderate  value: false takes MODERATE from the pages' tasks (comments
              lose "id" and "from"), true gives it back
    instagram linked: false unlinks the Instagram account from Acme Shop
              (its page no longer names one, its token no longer reaches
              it), true links it again
    limits    calls, window (seconds); counting starts again
    config    device_interval (5), device_expires_in (420), duplicate_check
              (true), empty_pages (false: every cursor-paged list, such as
              comments, replies, media and tags), empty_feed_pages (false:
              the feed's time paging)
    device    action: approve, decline or expire the newest pending device
              login; scopes (approve: the granted scopes, instead of the
              ones asked for). Answers {code, user_code}.
    clear_log

  GET /_state[?log=0][&log_from=N]
    {page, pages, ig, user, scopes, tokens, moderate, config, limits,
     devices, posts, comments: [{id, post, parent, from, message,
     created_time, is_hidden, liked_by_page, private_replies: [text...]}],
     media, ig_comments, tags, removed (ids), faults,
     log: [{n, t, t_end, method, path, query, form, token, status, error,
            fault, sent, tls}...], log_next}
    "t" is when the request had been read and "t_end" when the answer was
    written (epoch seconds); "token" is none, or page:/user:/app:/unknown:
    and the first 12 hex digits of the token's SHA-256 (access_token
    parameters in query and form are shown the same way); "error" the
    Graph error code of the answer; "fault" the fault applied; "tls"
    whether it came over HTTPS.
"""

import argparse
import base64
import bisect
import calendar
import collections
import hashlib
import json
import math
import os
import random
import re
import socket
import threading
import time
import traceback
import urllib.parse

import server

PAGE_ID = "104729551230874"
PAGE_NAME = "Acme Shop"
OUTLET_ID = "104729551230875"
OUTLET_NAME = "Acme Outlet"
OUTLET_TOKEN = "EAAPAGE-outlet-0002"
IG_ID = "17841400000000001"
IG_USERNAME = "acmeshop"
USER_ID = "10229000000000001"
USER_NAME = "Owner Name"
APP_NAME = "Acme Inbox"
DAY = 86400
TASKS = ["ANALYZE", "ADVERTISE", "MESSAGING", "MODERATE", "CREATE_CONTENT",
         "MANAGE"]
DEFAULT_SCOPES = ["pages_show_list", "pages_read_engagement",
                  "pages_read_user_content", "pages_manage_engagement",
                  "pages_manage_metadata", "pages_messaging",
                  "instagram_basic", "instagram_manage_comments",
                  "public_profile"]
IG_NO_PERMISSION = "(#10) Application does not have permission for this action"
EXPIRED_FMT = ("Error validating access token: Session has expired on %s. "
               "The current time is %s.")
MISSING_READ = (
    "(#100) Object does not exist, cannot be loaded due to missing permission"
    " or reviewable feature, or does not support this operation. This "
    "endpoint requires the '%s' permission or the 'Page Public Content "
    "Access' feature or the 'Page Public Metadata Access' feature. Refer to "
    "https://developers.facebook.com/docs/apps/review/login-permissions#"
    "manage-pages, https://developers.facebook.com/docs/apps/review/feature#"
    "reference-PAGES_ACCESS and https://developers.facebook.com/docs/apps/"
    "review/feature#page-public-metadata-access for details.")
NO_OBJECT = ("(#100) Unsupported %s request. Object with ID '%s' does not "
             "exist, cannot be loaded due to missing permissions, or does not"
             " support this operation. Please read the Graph API "
             "documentation at https://developers.facebook.com/docs/graph-api")
ABUSIVE = ("Your message couldn't be sent because it includes content that "
           "other people on Facebook have reported as abusive.")

# Default messages of the graph_error fault, by (code, subcode) or code.
ERROR_MESSAGES = {
    1: "An unknown error occurred",
    2: "An unexpected error has occurred. Please retry your request later.",
    4: "(#4) Application request limit reached",
    10: IG_NO_PERMISSION,
    17: "(#17) User request limit reached",
    32: "(#32) Page request limit reached",
    100: "(#100) Invalid parameter",
    190: "Invalid OAuth access token - Cannot parse access token",
    (190, 460): "Error validating access token: The session has been "
                "invalidated because the user changed their password or "
                "Facebook has changed the session for security reasons.",
    (190, 493): "The access token is invalid since the user hasn't engaged "
                "the app in longer than 90 days.",
    200: "(#200) Permissions error",
    283: "(#283) Requires pages_read_engagement permission to manage the "
         "object",
    368: ABUSIVE,
    506: "(#506) Duplicate status message",
    613: "(#613) Calls to this api have exceeded the rate limit.",
    80001: "(#80001) There have been too many calls to this Page account. "
           "Wait a bit and try again. For more info, please refer to "
           "https://developers.facebook.com/docs/graph-api/overview/"
           "rate-limiting.",
    10900: "(#10900) Activity already replied to",
    10903: "(#10903) This activity can't be replied to",
}

VERSION_RE = re.compile(r"^/v([0-9]{1,2})\.0(/.*)?$")
NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})"
                    r"(?::(\d{2}))?(?:[.,]\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?$")
AUTH_RE = re.compile(r"(?i)^(?:Bearer|OAuth)\s+(\S+)\s*$")

# What seeded customers write, by kind.
PLAIN = [
    "Do you deliver on weekends?",
    "Is this available in size M?",
    "Thanks, the parcel arrived today!",
    "How long is the warranty on these?",
    "Can I pick it up in the store instead?",
    "My order #4411 has not shipped yet",
    "Two lines here\nand a second one",
    "What does the green one cost?",
]
CJK = [
    "この色はまだありますか？",
    "请问可以寄到上海吗？",
    "주문 취소는 어떻게 하나요?",
    "營業時間是幾點到幾點？",
]
EMOJI = [
    "Absolutely love it 😍😍",
    "👨\u200d👩\u200d👧 family sizes too? 🙏🏾",
    "🇯🇵🇰🇷 do you ship to Asia? ✈️",
    "⭐️⭐️⭐️⭐️⭐️ best shop in town",
]
RTL = [
    "هل التوصيل مجاني؟",
    "מתי המבצע נגמר?",
    "mixed English و عربي in one line",
]
HOSTILE = [
    "\x1b[31mRED ALERT\x1b[0m send my refund",
    "\x1b]0;pwned title\x07 hello there",
    "\x1b[2J\x1b[Hyour screen is gone",
    "\x1b]8;;https://evil.example/\x1b\\innocent link\x1b]8;;\x1b\\",
    "invoice \u202eexe.pdf\u202c attached",
    "total \u2067\u0661\u0662\u0663\u0664\u2069 dollars?",
    "\u200eLRM, \u200fRLM and \u2066an isolate\u2069",
    "bell\x07 backspace\x08\x08 delete\x7f",
    "C1 \u009b1m bold? \u0085next line \u0090dcs\u009c",
    "tab\there\r\nand CRLF",
    "zero\u200bwidth\u200cnon\u200djoiner\ufeffBOM",
    "Z\u0335\u0317a\u0334\u031bl\u0338\u0322g\u0337o\u0336 says hi",
    "a very long complaint " + "blah " * 300,
]
NAMES = [
    "Yuki Tanaka 田中", "Anna Kowalska", "محمد علي", "Zoë 🌸 Martin",
    "\x1b[1mBold\x1b[0m Bob", "\u202eReversed Name", "Ingrid Ångström",
    "王小明", "Omar \u2067عمر\u2069", "Noa Levi נועה", "Ravi Kumar",
    "N" * 100,
]
USERNAMES = ["yuki.tanaka", "anna_k", "m.ali", "zoe.flowers", "bob_bold",
             "reversed.name", "ingrid.a", "wang.xm", "omar_1990", "noa.levi",
             "ravi_k", "nnnnnnnnnnnn"]
PAGE_POSTS = [
    "New arrivals for autumn are here 🍂",
    "Weekend sale: 30% off everything!",
    "We are hiring: 店員募集中",
    "Our opening hours over the holidays",
    "Restocked: the blue jacket in all sizes",
]
CAPTIONS = [
    "Autumn lookbook 🍂 #acme",
    "Behind the scenes at the studio",
    "Sale starts Friday! 🎉",
    "新作入荷しました",
    "Customer favourite: the blue jacket",
]
PAGE_REPLIES = [
    "Thanks for reaching out! We have sent you a message.",
    "Hi! Yes, it is back in stock 🎉",
    "ありがとうございます！",
    "Sorry to hear that, please check your inbox.",
]
PROXY_PAGE = ("<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n"
              "<center><h1>%d %s</h1></center>\r\n<hr><center>proxygen"
              "</center>\r\n</body>\r\n</html>\r\n")

ABSENT = object()   # a field with no value: left out of the answer
G = None            # the one Graph state


def fb_time(t):
    """Format epoch seconds as Graph does: 2021-08-10T18:45:03+0000."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(int(t)))


def pacific(t):
    """Format epoch seconds in US Pacific time, as the expired-session
    message does ("Monday, 19-Jun-23 06:29:46 PDT")."""
    t = int(t)
    year = time.gmtime(t).tm_year

    def sunday(month, nth):
        first = calendar.timegm((year, month, 1, 0, 0, 0, 0, 0, 0))
        return first + ((6 - time.gmtime(first).tm_wday) % 7 +
                        7 * (nth - 1)) * DAY
    # Daylight time: second Sunday of March to first Sunday of November.
    summer = sunday(3, 2) + 10 * 3600 <= t < sunday(11, 1) + 9 * 3600
    off, zone = (7, "PDT") if summer else (8, "PST")
    return time.strftime("%A, %d-%b-%y %H:%M:%S ",
                         time.gmtime(t - off * 3600)) + zone


def parse_time(v):
    """Read unix seconds or an RFC 3339 / Graph time; None if neither."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return int(v)
    if not isinstance(v, str):
        return None
    v = v.strip()
    if re.match(r"^-?[0-9]+(\.[0-9]+)?$", v):
        return int(float(v))
    m = ISO_RE.match(v)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    h, mi, s = (int(m.group(i) or 0) for i in (4, 5, 6))
    if not (1 <= mo <= 12 and 1 <= d <= 31 and h < 24 and mi < 60 and
            s <= 60):
        return None
    t = calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0))
    tz = m.group(7)
    if tz and tz not in ("Z", "z"):
        sign = 1 if tz[0] == "+" else -1
        tz = tz[1:].replace(":", "")
        t -= sign * (int(tz[:2]) * 3600 + int(tz[2:]) * 60)
    return t


def parse_when(v, default):
    """Read a control op's time (unix or RFC 3339), or give default."""
    if v is None:
        return default
    t = parse_time(v)
    if t is None:
        raise ValueError("not a time: %r" % (v,))
    return t


def fingerprint(token):
    """Give the first 12 hex digits of a token's SHA-256."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()[:12]


def b64url(data):
    """Encode bytes as base64url without padding."""
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(s):
    """Decode base64url with or without padding; None if it is not."""
    try:
        return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
    except (ValueError, TypeError):
        return None


def trace_id():
    """Make an fbtrace_id: 11 random base64 characters, like the real."""
    return base64.b64encode(os.urandom(9)).decode()[:11]


def encode(obj):
    """Encode an answer as Graph does: ASCII-only JSON, "/" escaped."""
    s = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return s.replace("/", "\\/").encode("ascii")


def encode_plain(obj):
    """Encode a control answer: readable UTF-8 JSON."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"),
                      default=str).encode("utf-8", "surrogatepass")


def utf16_len(s):
    """Count a string's UTF-16 code units (message_tags count so)."""
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def truthy(v):
    """Read a Graph boolean parameter."""
    return isinstance(v, str) and v.strip().lower() in ("true", "1", "yes")


class GraphError(Exception):
    """A Graph error answer: the envelope, its HTTP status and headers."""

    def __init__(self, code, message, subcode=None, status=None,
                 etype="OAuthException", transient=None, title=None,
                 user_msg=None, data=None, headers=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.subcode = subcode
        self.status = status or (403 if code in (10, 200) else 400)
        self.etype = etype
        self.transient = transient
        self.title = title
        self.user_msg = user_msg
        self.data = data
        self.headers = headers or []

    def body(self):
        e = {"message": self.message, "type": self.etype, "code": self.code}
        if self.subcode is not None:
            e["error_subcode"] = self.subcode
        if self.transient is not None:
            e["is_transient"] = self.transient
        if self.data is not None:
            e["error_data"] = self.data
        if self.title is not None:
            e["error_user_title"] = self.title
        if self.user_msg is not None:
            e["error_user_msg"] = self.user_msg
        e["fbtrace_id"] = trace_id()
        return {"error": e}


def bad_param(message, subcode=None):
    """Make a 400 code 100 error."""
    return GraphError(100, "(#100) " + message, subcode)


def no_object(oid, verb):
    """Make the error for a removed or unknown object (code 100/33)."""
    return GraphError(100, NO_OBJECT % (verb, oid), 33)


def no_field(name, node):
    """Make the error for a field or edge a node type does not have."""
    return GraphError(100, "(#100) Tried accessing nonexisting field (%s) on "
                      "node type (%s)" % (name, node))


def path_error(path):
    """Make the error for a path the Graph does not know (code 2500)."""
    return GraphError(2500, "Unknown path components: " + path,
                      etype="OAuthException")


# --- fields= ---------------------------------------------------------

class Field:
    """One entry of a fields= list: name, .mod(arg)s, {sub} fields."""

    def __init__(self, name):
        self.name = name
        self.mods = {}
        self.sub = None     # list of Field, or None
        self.raw = None     # the text between the braces

    def __repr__(self):
        return "Field(%r, %r, %r)" % (self.name, self.mods, self.sub)


def parse_fields(s):
    """Parse a fields= value into a list of Field; None if it is empty."""
    if s is None or not s.strip():
        return None
    pos = [0]

    def fail():
        raise bad_param("Syntax error at character %d in fields: %s"
                        % (pos[0], s))

    def spaces():
        while pos[0] < len(s) and s[pos[0]] in " \t\r\n":
            pos[0] += 1

    def modifiers(f):
        while True:
            if pos[0] < len(s) and s[pos[0]] == ".":
                m = NAME_RE.match(s, pos[0] + 1)
                if not m or m.end() >= len(s) or s[m.end()] != "(":
                    fail()
                close = s.find(")", m.end())
                if close < 0:
                    fail()
                f.mods[m.group(0)] = s[m.end() + 1:close].strip()
                pos[0] = close + 1
            elif pos[0] < len(s) and s[pos[0]] == "{":
                start = pos[0] + 1
                pos[0] = start
                f.sub = items("}")
                f.raw = s[start:pos[0] - 1]
            else:
                return

    def items(end):
        out = []
        while True:
            spaces()
            if pos[0] < len(s) and s[pos[0]] in (",", end):
                pass                    # an empty entry: skipped
            else:
                m = NAME_RE.match(s, pos[0])
                if not m:
                    fail()
                f = Field(m.group(0))
                pos[0] = m.end()
                modifiers(f)
                out.append(f)
                spaces()
            if pos[0] >= len(s):
                if end:
                    fail()
                return out
            c = s[pos[0]]
            pos[0] += 1
            if c == ",":
                continue
            if c == end:
                return out
            pos[0] -= 1
            fail()
    return items(None) or None


def field_list(*names):
    """Make a list of plain Fields."""
    return [Field(n) for n in names]


# Plain JSON structures inside nodes, by kind: allowed keys -> their kind.
STRUCTS = {
    "attachment": {"description": None, "description_tags": None,
                   "media": "attachment_media", "media_type": None,
                   "target": "target", "title": None, "type": None,
                   "unshimmed_url": None, "url": None,
                   "subattachments": None},
    "attachment_media": {"image": "image", "source": None},
    "image": {"height": None, "src": None, "width": None},
    "target": {"id": None, "url": None},
    "category": {"id": None, "name": None},
    "conversation": {"id": None, "link": None},
    "tag": {"id": None, "name": None, "type": None, "offset": None,
            "length": None},
}
STRUCT_NAMES = {"attachment": "StoryAttachment",
                "attachment_media": "StoryAttachmentMedia",
                "image": "ImageSource", "target": "StoryAttachmentTarget",
                "category": "PageCategory",
                "conversation": "UnifiedThread", "tag": "EntityAtTextRange"}


def select(kind, value, fields):
    """Cut a plain structure (or a list of them) down to fields."""
    if isinstance(value, list):
        return [select(kind, v, fields) for v in value]
    if fields is None or not isinstance(value, dict):
        return value
    keys = STRUCTS[kind]
    out = {}
    for f in fields:
        if f.name not in keys:
            raise no_field(f.name, STRUCT_NAMES[kind])
        if f.name in value:
            sub = keys[f.name]
            out[f.name] = select(sub, value[f.name], f.sub) if sub else \
                value[f.name]
    return out


def check_struct(kind, fields):
    """Refuse unknown keys in a structure's selection."""
    keys = STRUCTS[kind]
    for f in fields or []:
        if f.name not in keys:
            raise no_field(f.name, STRUCT_NAMES[kind])
        if f.sub is not None and keys[f.name]:
            check_struct(keys[f.name], f.sub)


# --- nodes -----------------------------------------------------------
#
# TABLES[kind][field] = (getter(obj, field, req) -> value or ABSENT,
#                        ("node", kind) | ("struct", kind) | None)

NODE_NAMES = {"user": "User", "page": "Page", "profile": "User",
              "post": "PagePost", "comment": "Comment", "iguser": "IGUser",
              "igprofile": "IGUser", "media": "IGMedia",
              "igcomment": "IGComment"}
DEFAULTS = {
    "user": field_list("name", "id"),
    "page": field_list("name", "id"),
    "profile": field_list("name", "id"),
    "post": field_list("created_time", "message", "id"),
    "comment": field_list("created_time", "from", "message", "id"),
    "iguser": field_list("id"),
    "igprofile": field_list("id", "username"),
    "media": field_list("id"),
    "igcomment": field_list("timestamp", "text", "id"),
}
ACCOUNT_DEFAULTS = field_list("access_token", "category", "category_list",
                              "name", "id", "tasks",
                              "instagram_business_account")


def check_fields(kind, fields):
    """Refuse unknown fields anywhere in a node's selection."""
    table = TABLES[kind]
    for f in fields or []:
        ent = table.get(f.name)
        if ent is None:
            raise no_field(f.name, NODE_NAMES[kind])
        if f.sub is not None and ent[1] is not None:
            what, sub = ent[1]
            if what == "node":
                check_fields(sub, f.sub)
            else:
                check_struct(sub, f.sub)


def render(kind, obj, fields, req):
    """Give a node's JSON object with the fields asked for."""
    table = TABLES[kind]
    out = {}
    for f in DEFAULTS[kind] if fields is None else fields:
        ent = table.get(f.name)
        if ent is None:
            raise no_field(f.name, NODE_NAMES[kind])
        v = ent[0](obj, f, req)
        if v is not ABSENT:
            out[f.name] = v
    return out


def key_of(name, absent_if_none=True):
    """Make a getter that reads obj[name]."""
    def get(obj, f, req):
        v = obj.get(name)
        return ABSENT if v is None and absent_if_none else v
    return get


def const(value):
    """Make a getter that always gives value."""
    return lambda obj, f, req: value


def struct(name, kind):
    """Make a getter for a plain structure obj[name], cut to f.sub."""
    def get(obj, f, req):
        v = obj.get(name)
        return ABSENT if v is None else select(kind, v, f.sub)
    return get


def profile_of(author):
    """Give {id, name} of a Facebook author (page or customer)."""
    return {"id": author["id"], "name": author["name"]}


def igprofile_of(author):
    """Give {id, username} of an Instagram author."""
    if author is None:
        return {"id": IG_ID, "username": IG_USERNAME}
    return {"id": author["id"], "username": author["username"]}


def user_fields():
    return {"id": (key_of("id"), None), "name": (key_of("name"), None)}


def page_fields():
    def ig(p, f, req):
        if not p.get("ig"):
            return ABSENT
        return render("iguser", G.objects[p["ig"]],
                      f.sub or field_list("id"), req)

    def token(p, f, req):
        return p["token"] if req.tok["kind"] == "user" else ABSENT

    def tasks(p, f, req):
        if req.tok["kind"] != "user":
            return ABSENT
        return [t for t in TASKS if G.moderate or t != "MODERATE"]
    return {
        "id": (key_of("id"), None), "name": (key_of("name"), None),
        "category": (key_of("category"), None),
        "category_list": (struct("category_list", "category"),
                          ("struct", "category")),
        "link": (key_of("link"), None),
        "fan_count": (key_of("fan_count"), None),
        "access_token": (token, None), "tasks": (tasks, None),
        "instagram_business_account": (ig, ("node", "iguser")),
    }


def post_fields():
    def message(p, f, req):
        return p["message"] or ABSENT

    def author(p, f, req):
        return render("profile", profile_of(p["author"]), f.sub, req)

    def atts(p, f, req):
        if not p["attachment"]:
            return ABSENT
        return {"data": [select("attachment", p["attachment"], f.sub)]}

    def picture(p, f, req):
        a = p["attachment"] or {}
        src = a.get("media", {}).get("image", {}).get("src")
        return src or ABSENT
    return {
        "id": (key_of("id"), None), "message": (message, None),
        "created_time": (lambda p, f, r: fb_time(p["created"]), None),
        "updated_time": (lambda p, f, r: fb_time(G.updated(p)), None),
        "permalink_url": (lambda p, f, r: G.post_link(p), None),
        "from": (author, ("node", "profile")),
        "attachments": (atts, ("struct", "attachment")),
        "status_type": (key_of("status_type"), None),
        "full_picture": (picture, None),
        "is_hidden": (const(False), None),
        "is_published": (const(True), None),
        "comments": (expander("comments"), ("node", "comment")),
    }


def comment_fields():
    def cid(c, f, req):
        return c["id"] if G.moderate else ABSENT

    def author(c, f, req):
        if not G.moderate:
            return ABSENT
        return render("profile", profile_of(c["author"]), f.sub, req)

    def parent(c, f, req):
        if not c["parent"]:
            return ABSENT
        v = render("comment", G.objects[c["parent"]], f.sub, req)
        return v or ABSENT

    def customer(c):
        return c["author"]["kind"] == "customer"

    def can_private(c, f, req):
        return (customer(c) and not c["private"] and
                time.time() - c["created"] < 7 * DAY)

    def conv(c, f, req):
        if not c["conv"]:
            return ABSENT
        return select("conversation", {"id": c["conv"]}, f.sub)
    return {
        "id": (cid, None), "message": (key_of("message", False), None),
        "from": (author, ("node", "profile")),
        "created_time": (lambda c, f, r: fb_time(c["created"]), None),
        "parent": (parent, ("node", "comment")),
        "comment_count": (lambda c, f, r: len(c["replies"]), None),
        "like_count": (lambda c, f, r: c["likes"] + int(c["liked"]), None),
        "user_likes": (lambda c, f, r: c["liked"], None),
        "is_hidden": (lambda c, f, r: c["hidden"], None),
        "is_private": (const(False), None),
        "can_comment": (const(True), None),
        "can_like": (const(True), None),
        "can_hide": (lambda c, f, r: customer(c), None),
        "can_remove": (const(True), None),
        "can_reply_privately": (can_private, None),
        "private_reply_conversation": (conv, ("struct", "conversation")),
        "attachment": (struct("attachment", "attachment"),
                       ("struct", "attachment")),
        "permalink_url": (lambda c, f, r: G.comment_link(c), None),
        "message_tags": (struct("tags", "tag"), ("struct", "tag")),
        "comments": (expander("comments"), ("node", "comment")),
    }


def iguser_fields():
    return {
        "id": (key_of("id"), None), "username": (key_of("username"), None),
        "name": (key_of("name"), None),
        "biography": (key_of("biography"), None),
        "followers_count": (key_of("followers_count"), None),
        "follows_count": (key_of("follows_count"), None),
        "media_count": (lambda u, f, r: len(G.live_media()), None),
        "profile_picture_url": (key_of("profile_picture_url"), None),
        "website": (key_of("website"), None),
    }


def igprofile_fields():
    return {"id": (key_of("id"), None),
            "username": (key_of("username"), None)}


def media_fields():
    def owner(m, f, req):
        return render("igprofile", igprofile_of(m["owner"]), f.sub, req)
    return {
        "id": (key_of("id"), None), "caption": (key_of("caption"), None),
        "comments_count": (lambda m, f, r: G.media_comment_count(m), None),
        "like_count": (key_of("likes"), None),
        "media_type": (key_of("media_type"), None),
        "media_url": (key_of("media_url"), None),
        "permalink": (key_of("permalink"), None),
        "shortcode": (key_of("shortcode"), None),
        "thumbnail_url": (key_of("thumbnail_url"), None),
        "timestamp": (lambda m, f, r: fb_time(m["created"]), None),
        "username": (lambda m, f, r: igprofile_of(m["owner"])["username"],
                     None),
        "owner": (owner, ("node", "igprofile")),
        "is_comment_enabled": (const(True), None),
        "media_product_type": (const("FEED"), None),
        "comments": (expander("comments"), ("node", "igcomment")),
    }


def igcomment_fields():
    def author(c, f, req):
        return render("igprofile", igprofile_of(c["author"]), f.sub, req)

    def media(c, f, req):
        return render("media", G.objects[c["media"]],
                      f.sub or field_list("id"), req)

    def user(c, f, req):
        if c["author"] is not None:
            return ABSENT
        return render("igprofile", igprofile_of(None),
                      f.sub or field_list("id"), req)

    def replies(c, f, req):
        if c["parent"]:
            return ABSENT
        return expander("replies")(c, f, req)
    return {
        "id": (key_of("id"), None), "text": (key_of("text", False), None),
        "username": (lambda c, f, r: igprofile_of(c["author"])["username"],
                     None),
        "from": (author, ("node", "igprofile")),
        "timestamp": (lambda c, f, r: fb_time(c["created"]), None),
        "like_count": (key_of("likes"), None),
        "hidden": (lambda c, f, r: c["hidden"], None),
        "parent_id": (key_of("parent"), None),
        "media": (media, ("node", "media")),
        "user": (user, ("node", "igprofile")),
        "replies": (replies, ("node", "igcomment")),
    }


def expander(edge):
    """Make the getter of an edge asked for as a field (an expansion)."""
    def get(obj, f, req):
        def link(extra):
            return req.edge_url(obj["id"], edge, f, extra)
        return run_edge(req, edge, obj, f.mods, f.sub, link)
    return get


TABLES = {
    "user": user_fields(), "page": page_fields(), "profile": user_fields(),
    "post": post_fields(), "comment": comment_fields(),
    "iguser": iguser_fields(), "igprofile": igprofile_fields(),
    "media": media_fields(), "igcomment": igcomment_fields(),
}


# --- edges and paging ------------------------------------------------

def parse_limit(v, default):
    """Read a limit parameter: a non-negative integer, at most 100."""
    if v is None or v == "":
        return default
    try:
        n = int(v)
    except ValueError:
        raise bad_param("The parameter limit must be a non-negative integer")
    if n < 0:
        raise bad_param("The parameter limit must be a non-negative integer")
    return min(n, 100)


def time_opt(opts, name):
    """Read a since/until parameter; None when it is missing."""
    v = opts.get(name)
    if v is None or v == "":
        return None
    t = parse_time(v)
    if t is None:
        raise bad_param("The parameter %s is not a valid time: %s"
                        % (name, v))
    return t


def ascending(x):
    return x["key"]


def descending(x):
    return (-x["key"][0], -x["key"][1])


def edge_fb_comments(obj, opts, req):
    """Give (seq, keyf, summary) of /{post-or-comment}/comments."""
    filt = opts.get("filter") or "toplevel"
    if filt not in ("toplevel", "stream"):
        raise bad_param("param filter must be one of {toplevel, stream}")
    order = opts.get("order") or "chronological"
    if order not in ("chronological", "reverse_chronological", "ranked"):
        raise bad_param("param order must be one of {chronological, "
                        "reverse_chronological, ranked}")
    if obj["kind"] == "post":
        base = obj["comments"] if filt == "stream" else \
            [c for c in obj["comments"] if c["parent"] is None]
    else:
        base = obj["replies"]
    since = time_opt(opts, "since")
    seq = [c for c in base if since is None or c["created"] >= since]
    keyf = ascending
    if order == "reverse_chronological":
        seq.reverse()
        keyf = descending
    summary = None
    if (opts.get("summary") or "").lower() in ("true", "1", "total_count"):
        summary = {"order": order, "total_count": len(base),
                   "can_comment": True}
    return seq, keyf, summary


def edge_ig_media(obj, opts, req):
    """Give the account's media, newest first."""
    return sorted(G.live_media(), key=descending), descending, None


def edge_ig_tags(obj, opts, req):
    """Give the media the account is tagged in, newest first."""
    tags = [m for m in G.tags if not m["removed"]]
    return sorted(tags, key=descending), descending, None


def edge_ig_comments(obj, opts, req):
    """Give a media's top-level comments, newest first."""
    return obj["comments"][::-1], descending, None


def edge_ig_replies(obj, opts, req):
    """Give an IG comment's replies, oldest first."""
    return list(obj["replies"]), ascending, None


def edge_accounts(obj, opts, req):
    """Give the user's pages."""
    return sorted(G.pages.values(), key=ascending), ascending, None


# (owner kind, edge) -> (lister, item kind, default fields or None)
EDGES = {
    ("post", "comments"): (edge_fb_comments, "comment", None),
    ("comment", "comments"): (edge_fb_comments, "comment", None),
    ("iguser", "media"): (edge_ig_media, "media", None),
    ("iguser", "tags"): (edge_ig_tags, "media", None),
    ("media", "comments"): (edge_ig_comments, "igcomment", None),
    ("igcomment", "replies"): (edge_ig_replies, "igcomment", None),
    ("user", "accounts"): (edge_accounts, "page", ACCOUNT_DEFAULTS),
}


def run_edge(req, edge, obj, opts, fields, link):
    """Give one cursor page of an edge: {data, paging?, summary?}."""
    lister, kind, defaults = EDGES[(obj["kind"], edge)]
    check_fields(kind, fields)
    limit = parse_limit(opts.get("limit"), 25)
    seq, keyf, summary = lister(obj, opts, req)
    items, paging = cursor_page(seq, keyf, opts, limit, link)
    out = {"data": [render(kind, x, fields or defaults, req)
                    for x in items]}
    if paging:
        out["paging"] = paging
    if summary:
        out["summary"] = summary
    return out


def enc_cursor(obj, empty=False):
    """Make an opaque cursor naming obj in this run."""
    raw = "%s:%s:%s" % (G.salt, obj["id"], "e" if empty else "")
    return b64url(raw.encode())


def dec_cursor(s, name):
    """Give (object, empty flag) of a cursor, or raise "invalid"."""
    raw = unb64url(s)
    parts = raw.decode("utf-8", "replace").split(":") if raw else []
    obj = G.objects.get(parts[1]) if len(parts) == 3 and \
        parts[0] == G.salt else None
    if obj is None or obj.get("removed") or "key" not in obj:
        raise bad_param("The %s cursor is invalid" % name)
    return obj, parts[2] == "e"


def cursor_page(seq, keyf, opts, limit, link):
    """Cut seq (in answer order, sorted by keyf) at the cursors in opts;
    give (items, paging or None)."""
    after, before = opts.get("after"), opts.get("before")
    keys = [keyf(x) for x in seq]
    if after:
        obj, empty = dec_cursor(after, "after")
        if empty:
            plain = enc_cursor(obj)
            return [], {"cursors": {"before": plain, "after": plain},
                        "next": link({"after": plain})}
        start = bisect.bisect_right(keys, keyf(obj))
        items = seq[start:start + limit]
        more_before, more_after = start > 0, start + limit < len(seq)
    elif before:
        obj, _ = dec_cursor(before, "before")
        end = bisect.bisect_left(keys, keyf(obj))
        lo = max(0, end - limit)
        items = seq[lo:end]
        more_before, more_after = lo > 0, end < len(seq)
    else:
        items = seq[:limit]
        more_before, more_after = False, limit < len(seq)
    if not items:
        return [], None
    paging = {"cursors": {"before": enc_cursor(items[0]),
                          "after": enc_cursor(items[-1])}}
    if more_before:
        paging["previous"] = link({"before": enc_cursor(items[0])})
    if more_after:
        paging["next"] = link({"after": enc_cursor(
            items[-1], G.config["empty_pages"])})
    return items, paging


def enc_paging(key, empty=False):
    """Make the __paging_token of a post's position key; empty marks the
    way to an empty page first (config empty_feed_pages)."""
    return "enc_" + b64url(("%d:%d%s" % (key[0], key[1],
                                         ":e" if empty else "")).encode())


def dec_paging(s):
    """Read a __paging_token into (position key, empty flag)."""
    raw = unb64url(s[4:]) if s.startswith("enc_") else None
    m = re.match(r"^(-?\d+):(\d+)(:e)?$",
                 raw.decode("ascii", "replace")) if raw else None
    if not m:
        raise bad_param("The parameter __paging_token is invalid")
    return (int(m.group(1)), int(m.group(2))), m.group(3) is not None


def page_feed(req, page, own_only):
    """Answer /{page-id}/feed or /published_posts: time-based pages."""
    fields = req.fields()
    check_fields("post", fields)
    limit = parse_limit(req.param("limit"), 25)
    posts = sorted((p for p in G.posts if p["page"] == page["id"] and
                    not p["removed"] and not (own_only and p["visitor"])),
                   key=descending)
    since = time_opt(req.params, "since")
    until = time_opt(req.params, "until")
    tok = req.param("__paging_token")
    pos, empty = dec_paging(tok) if tok else (None, False)
    back = pos is not None and (req.param("__previous") or "") not in \
        ("", "0")
    if empty and not back:
        # The empty page on the way (empty_feed_pages): only a next.
        return {"data": [], "paging": {"next": req.self_url(
            ("__paging_token",), [("__paging_token", enc_paging(pos))])}}
    if back:
        newer = [p for p in posts if p["key"] > pos]
        items = newer[len(newer) - limit:] if limit else []
    else:
        if pos is not None:
            cand = [p for p in posts if p["key"] < pos]
        else:
            cand = [p for p in posts if until is None or
                    p["created"] <= until]
        if since is not None:
            cand = [p for p in cand if p["created"] >= since]
        items = cand[:limit]
    out = {"data": [render("post", p, fields, req) for p in items]}
    if not items:
        return out
    first, last = items[0], items[-1]
    older = [p for p in posts if p["key"] < last["key"] and
             (back or since is None or p["created"] >= since)]
    paging = {"previous": req.self_url(
        ("since", "until", "__paging_token", "__previous"),
        [("since", str(first["created"])),
         ("__paging_token", enc_paging(first["key"])),
         ("__previous", "1")])}
    if older:
        drop = ("until", "__paging_token", "__previous")
        if back:
            drop += ("since",)
        paging["next"] = req.self_url(
            drop, [("until", str(last["created"] - 1)),
                   ("__paging_token", enc_paging(
                       last["key"], G.config["empty_feed_pages"]))])
    out["paging"] = paging
    return out


# --- the state -------------------------------------------------------

class Graph:
    """The whole server's state; callers hold self.lock."""

    def __init__(self, a):
        self.lock = threading.RLock()
        self.salt = os.urandom(4).hex()     # cursors of this run only
        self.app_id = a.app_id
        self.app_token = "%s|%s" % (a.app_id, a.client_token)
        self.user_token = a.user_token
        self.scopes = list(DEFAULT_SCOPES)
        self.moderate = True
        self.config = {"device_interval": 5, "device_expires_in": 420,
                       "duplicate_check": True, "empty_pages": False,
                       "empty_feed_pages": False}
        self.limits = {"calls": 4800, "window": 3600}
        self.calls = {}         # token -> deque of call times
        self.objects = {}       # id -> every node, removed ones too
        self.pages = {}
        self.posts = []
        self.media = []         # the account's own
        self.tags = []          # others' media tagging the account
        self.customers = []
        self.ig_customers = []
        self.devices = []
        self.faults = []
        self.log = []
        self.log_n = 0
        self.fb_serial = 0
        self.ig_serial = 0
        self.serial = 0         # of customer texts: "(nSERIAL)"
        now = int(time.time())
        self.user = {"kind": "user", "id": USER_ID, "name": USER_NAME}
        self.objects[USER_ID] = self.user
        self.add_page(PAGE_ID, PAGE_NAME, a.page_token, IG_ID,
                      "Clothing (Brand)",
                      [{"id": "2209", "name": "Clothing (Brand)"},
                       {"id": "1604", "name": "衣料品店"}])
        self.add_page(OUTLET_ID, OUTLET_NAME, OUTLET_TOKEN, None,
                      "Outlet Store",
                      [{"id": "2236", "name": "Outlet Store"}])
        self.ig = {
            "kind": "iguser", "id": IG_ID, "username": IG_USERNAME,
            "name": PAGE_NAME, "page": PAGE_ID,
            "biography": "Clothes for every season. 服と雑貨 🧥",
            "followers_count": 4821, "follows_count": 113,
            "profile_picture_url": "https://scontent.xx.fbcdn.net/v/"
                                   "t51.2885-15/%s_n.jpg" % IG_ID,
            "website": "https://acme.example/",
        }
        self.objects[IG_ID] = self.ig
        self.tokens = {}
        self.add_token(self.user_token, "user", None, now)
        for p in self.pages.values():
            self.add_token(p["token"], "page", p["id"], now)
        self.add_token(self.app_token, "app", None, now)

    def add_page(self, pid, name, token, ig, category, categories):
        p = {"kind": "page", "id": pid, "name": name, "token": token,
             "ig": ig, "category": category, "category_list": categories,
             "link": "https://www.facebook.com/%s" % pid,
             "fan_count": 1500 + len(self.pages) * 250,
             "key": (0, int(pid))}
        self.pages[pid] = p
        self.objects[pid] = p

    def add_token(self, value, kind, page, now):
        self.tokens[value] = {"value": value, "kind": kind, "page": page,
                              "expired": False, "expired_at": None,
                              "issued": now}

    # --- ids, authors ------------------------------------------------

    def fb_num(self):
        """Give the next Facebook object number (increasing)."""
        self.fb_serial += 1
        return str(1221000000000000 + self.fb_serial * 137)

    def ig_num(self):
        """Give the next Instagram object id (increasing)."""
        self.ig_serial += 1
        return str(17900000000000000 + self.ig_serial * 131)

    def next_serial(self):
        self.serial += 1
        return self.serial

    def fb_customer(self, k, hostile=True):
        """Give Facebook customer number k, making those missing."""
        while len(self.customers) <= k:
            i = len(self.customers)
            name = NAMES[i % len(NAMES)] if hostile else \
                "Customer %d" % (i + 1)
            if hostile and i >= len(NAMES):
                name += " %d" % (i + 1)
            self.customers.append(self.new_fb_customer(name))
        return self.customers[k]

    def new_fb_customer(self, name):
        i = len(self.customers) + 1
        return {"kind": "customer", "id": str(5100000000000000 + i * 10007),
                "name": name, "psid": str(7300000000000000 + i * 10009)}

    def ig_customer(self, k):
        """Give Instagram customer number k, making those missing."""
        while len(self.ig_customers) <= k:
            i = len(self.ig_customers)
            name = USERNAMES[i % len(USERNAMES)]
            if i >= len(USERNAMES):
                name += str(i + 1)
            self.ig_customers.append(self.new_ig_customer(name))
        return self.ig_customers[k]

    def new_ig_customer(self, username):
        i = len(self.ig_customers) + 1
        return {"kind": "igcustomer", "username": username,
                "id": str(17841450000000000 + i * 1009)}

    def find_fb_customer(self, name):
        """Give the customer of that name, made if new."""
        for c in self.customers:
            if c["name"] == name:
                return c
        c = self.new_fb_customer(name)
        self.customers.append(c)
        return c

    def find_ig_customer(self, username):
        """Give the IG customer of that username, made if new."""
        for c in self.ig_customers:
            if c["username"] == username.lstrip("@"):
                return c
        c = self.new_ig_customer(username.lstrip("@"))
        self.ig_customers.append(c)
        return c

    # --- Facebook content --------------------------------------------

    def photo(self):
        """Make a photo attachment."""
        n = self.fb_num()
        url = "https://www.facebook.com/photo.php?fbid=%s" % n
        return {"media": {"image": {
            "height": 720, "width": 720,
            "src": "https://scontent.xx.fbcdn.net/v/t39.30808-6/%s_n.jpg"
                   % n}},
            "target": {"id": n, "url": url}, "type": "photo", "url": url}

    def add_post(self, page, author, message, created, attachment=None,
                 visitor=False):
        """Make a post on a page's feed; return it."""
        num = self.fb_num()
        status = "mobile_status_update"
        if attachment and attachment["type"] == "photo":
            status = "added_photos"
        elif attachment:
            status = "shared_story"
        if visitor:
            status = "wall_post"
        p = {"kind": "post", "id": "%s_%s" % (page["id"], num), "num": num,
             "page": page["id"], "author": author, "message": message,
             "created": int(created), "attachment": attachment,
             "status_type": status, "visitor": visitor, "removed": False,
             "comments": [], "key": (int(created), int(num))}
        self.posts.append(p)
        self.objects[p["id"]] = p
        return p

    def add_comment(self, post, parent, author, message, created,
                    attachment=None, tags=None):
        """Make a comment (parent None) or a reply under the top-level
        comment parent; return it."""
        num = self.fb_num()
        c = {"kind": "comment", "id": "%s_%s" % (post["num"], num),
             "num": num, "post": post["id"],
             "parent": parent["id"] if parent else None, "author": author,
             "message": message, "created": int(created), "hidden": False,
             "liked": False, "likes": 0, "private": [], "conv": None,
             "attachment": attachment, "tags": tags, "removed": False,
             "replies": [], "key": (int(created), int(num))}
        bisect.insort(post["comments"], c, key=ascending)
        if parent:
            bisect.insort(parent["replies"], c, key=ascending)
        self.objects[c["id"]] = c
        return c

    def top(self, c):
        """Give the top-level comment of a comment or reply."""
        return self.objects[c["parent"]] if c["parent"] else c

    def updated(self, post):
        """Give a post's updated_time: its newest comment's, or its own."""
        if post["comments"]:
            return max(post["created"], max(c["created"]
                                            for c in post["comments"]))
        return post["created"]

    def post_link(self, p):
        return "https://www.facebook.com/%s/posts/%s/" % (p["page"],
                                                          p["num"])

    def comment_link(self, c):
        post = self.objects[c["post"]]
        top = self.top(c)
        link = "%s?comment_id=%s" % (self.post_link(post), top["num"])
        if top is not c:
            link += "&reply_comment_id=%s" % c["num"]
        return link

    # --- Instagram content -------------------------------------------

    def add_media(self, owner, caption, created, tagged=False, kind=None):
        """Make a media (owner None: the account's own); return it."""
        mid = self.ig_num()
        kind = kind or ("VIDEO" if int(mid[-3:]) % 4 == 3 else "IMAGE")
        code = b64url(hashlib.sha256(mid.encode()).digest())[:11]
        m = {"kind": "media", "id": mid, "owner": owner, "caption": caption,
             "media_type": kind, "shortcode": code,
             "permalink": "https://www.instagram.com/p/%s/" % code,
             "created": int(created), "likes": int(mid[-2:]) % 40,
             "comments": [], "removed": False, "tagged": tagged,
             "key": (int(created), int(mid))}
        if kind == "VIDEO":
            m["media_url"] = ("https://video.cdninstagram.com/v/"
                              "t50.2886-16/%s_n.mp4" % mid)
            m["thumbnail_url"] = ("https://scontent.cdninstagram.com/v/"
                                  "t51.29350-15/%s_n.jpg" % mid)
        else:
            m["media_url"] = ("https://scontent.cdninstagram.com/v/"
                              "t51.29350-15/%s_n.jpg" % mid)
        (self.tags if tagged else self.media).append(m)
        self.objects[mid] = m
        return m

    def add_igcomment(self, media, parent, author, text, created):
        """Make an IG comment or a reply under the top-level parent."""
        cid = self.ig_num()
        c = {"kind": "igcomment", "id": cid, "media": media["id"],
             "parent": parent["id"] if parent else None, "author": author,
             "text": text, "created": int(created), "hidden": False,
             "likes": 0, "removed": False, "replies": [],
             "key": (int(created), int(cid))}
        bisect.insort(parent["replies"] if parent else media["comments"], c,
                      key=ascending)
        self.objects[cid] = c
        return c

    def live_media(self):
        return [m for m in self.media if not m["removed"]]

    def media_comment_count(self, m):
        return sum(1 + len(c["replies"]) for c in m["comments"])

    # --- removal -----------------------------------------------------

    def remove(self, obj):
        """Remove a comment, post, media or IG comment (and what hangs on
        it) from every list."""
        kind = obj["kind"]
        if kind not in ("comment", "post", "media", "igcomment"):
            raise ValueError("cannot remove a %s" % kind)
        if obj["removed"]:
            return
        obj["removed"] = True
        if kind == "comment":
            post = self.objects[obj["post"]]
            if obj in post["comments"]:
                post["comments"].remove(obj)
            if obj["parent"]:
                self.objects[obj["parent"]]["replies"].remove(obj)
            for r in list(obj["replies"]):
                self.remove(r)
        elif kind == "post":
            for c in list(obj["comments"]):
                c["removed"] = True
            obj["comments"] = []
        elif kind == "media":
            for c in list(obj["comments"]):
                self.remove(c)
        elif kind == "igcomment":
            if obj["parent"]:
                self.objects[obj["parent"]]["replies"].remove(obj)
            else:
                self.objects[obj["media"]]["comments"].remove(obj)
            for r in list(obj["replies"]):
                self.remove(r)

    # --- tokens, limits, faults --------------------------------------

    def authenticate(self, token):
        """Give the record of a valid token, or raise the Graph error."""
        if not token:
            raise GraphError(104, "An access token is required to request "
                             "this resource.", headers=[(
                                 "WWW-Authenticate", 'OAuth "Facebook '
                                 'Platform" "invalid_request" "An access '
                                 'token is required to request this '
                                 'resource."')])
        t = self.tokens.get(token)
        if t is None:
            msg = "Invalid OAuth access token - Cannot parse access token"
            raise GraphError(190, msg, headers=[(
                "WWW-Authenticate", 'OAuth "Facebook Platform" '
                '"invalid_token" "%s"' % msg)])
        if t["expired"]:
            msg = self.expired_message(t)
            raise GraphError(190, msg, 463, headers=[(
                "WWW-Authenticate", 'OAuth "Facebook Platform" '
                '"invalid_token" "%s"' % msg)])
        return t

    def expired_message(self, t):
        return EXPIRED_FMT % (pacific(t["expired_at"] or time.time()),
                              pacific(time.time()))

    def token_label(self, token):
        """Describe a token for the request log."""
        if not token:
            return "none"
        t = self.tokens.get(token)
        return (t["kind"] if t else "unknown") + ":" + fingerprint(token)

    def scopes_of(self, tok):
        return set() if tok["kind"] == "app" else set(self.scopes)

    def count_call(self, token):
        """Count a call in the token's window; give (refused, percent,
        minutes to regain access)."""
        calls = max(1, int(self.limits["calls"]))
        window = float(self.limits["window"])
        now = time.time()
        q = self.calls.setdefault(token, collections.deque())
        while q and q[0] <= now - window:
            q.popleft()
        refused = len(q) >= calls
        if not refused:
            q.append(now)
        pct = len(q) * 100 // calls
        regain = 0
        if refused:
            regain = max(1, math.ceil((q[0] + window - now) / 60))
        return refused, pct, regain

    def take_fault(self, path, method):
        """Give the fault that applies to this request, or None."""
        chosen = None
        for f in list(self.faults):
            if f["method"] not in ("*", method):
                continue
            if f["path"] != "*" and not re.search(f["path"], path):
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


# --- requests --------------------------------------------------------

class Req:
    """One Graph request: verb, version, path segments, parameters and
    token, and how to make links back to this server."""

    def __init__(self, handler, url, body):
        self.path = url.path
        self.qpairs = urllib.parse.parse_qsl(url.query,
                                             keep_blank_values=True)
        self.params = dict(self.qpairs)
        self.form = None
        self.bad_body = False
        ctype = (handler.headers.get("Content-Type") or "").lower()
        if body and "json" in ctype:
            try:
                obj = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                obj = None
            if isinstance(obj, dict):
                for k, v in obj.items():
                    self.params[k] = v if isinstance(v, str) else \
                        json.dumps(v)
            else:
                self.bad_body = True
            self.form = obj
        elif body:
            form = {}
            for k, v in urllib.parse.parse_qsl(
                    body.decode("utf-8", "replace"), keep_blank_values=True):
                form.setdefault(k, []).append(v)
                self.params[k] = v
            self.form = form
        self.method = handler.command
        override = (self.params.get("method") or "").upper()
        if override in ("GET", "POST", "DELETE"):
            self.method = override
        m = AUTH_RE.match(handler.headers.get("Authorization") or "")
        self.token = m.group(1) if m else self.params.get("access_token")
        self.token_param = any(k == "access_token" for k, _ in self.qpairs)
        self.tls = handler.server.ssl_ctx is not None
        host = handler.headers.get("Host") or \
            "127.0.0.1:%d" % handler.server.server_address[1]
        self.base = ("https://" if self.tls else "http://") + host
        vm = VERSION_RE.match(self.path)
        if vm and 2 <= int(vm.group(1)) <= 99:
            self.version = "v%s.0" % vm.group(1)
            self.rest = vm.group(2) or "/"
        else:
            self.version = None
            self.rest = self.path
        self.segs = [urllib.parse.unquote(s) for s in self.rest.split("/")
                     if s]
        self.tok = None

    def param(self, name, default=None):
        return self.params.get(name, default)

    def fields(self):
        return parse_fields(self.params.get("fields"))

    def self_url(self, drop, add):
        """Give this request's URL without the parameters in drop and with
        the pairs in add appended."""
        pairs = [(k, v) for k, v in self.qpairs if k not in drop]
        pairs += list(add)
        return self.base + self.path + "?" + urllib.parse.urlencode(pairs)

    def edge_url(self, oid, edge, f, extra):
        """Give the URL of an expanded edge's next or previous page."""
        pairs = []
        if self.token_param:
            pairs.append(("access_token", self.token))
        if f.raw is not None:
            pairs.append(("fields", f.raw))
        pairs += [(k, v) for k, v in f.mods.items()
                  if k not in ("after", "before")]
        pairs += list(extra.items())
        return "%s/%s/%s/%s?%s" % (self.base, self.version,
                                   urllib.parse.quote(oid), edge,
                                   urllib.parse.urlencode(pairs))

    def link(self, extra):
        """Give this request's URL with other cursors (a cursor link)."""
        return self.self_url(("after", "before"), list(extra.items()))


def answer(req):
    """Carry out a Graph request; give (status, JSON value, headers)."""
    headers = []
    try:
        if req.version is None:
            raise path_error(req.path)
        tok = G.authenticate(req.token)
        req.tok = tok
        refused, pct, regain = G.count_call(req.token)
        headers = usage_headers(tok, pct, regain)
        if refused:
            raise limit_error(tok)
        if req.bad_body:
            raise bad_param("The request body is not a JSON object")
        return 200, dispatch(req, tok), headers
    except GraphError as e:
        return e.status, e.body(), headers + e.headers


def usage_header(buc, page_id, calls, cpu, total, regain):
    """Make one usage header."""
    if buc:
        v = {page_id: [{"type": "pages", "call_count": calls,
                        "total_cputime": cpu, "total_time": total,
                        "estimated_time_to_regain_access": regain}]}
        name = "X-Business-Use-Case-Usage"
    else:
        v = {"call_count": calls, "total_cputime": cpu, "total_time": total}
        name = "X-App-Usage"
    return (name, json.dumps(v, separators=(",", ":")))


def usage_headers(tok, pct, regain):
    """Give the usage headers of a call once 1% of the window is used."""
    if pct < 1:
        return []
    return [usage_header(tok["kind"] == "page", tok["page"], pct, pct // 2,
                         pct * 3 // 4, regain)]


def limit_error(tok):
    """Give the error of a token over its limit."""
    if tok["kind"] == "page":
        return GraphError(32, ERROR_MESSAGES[32])
    if tok["kind"] == "user":
        return GraphError(17, ERROR_MESSAGES[17])
    return GraphError(4, ERROR_MESSAGES[4], transient=True)


# Edges by (node kind, name); any other verb on them is "unsupported".
KNOWN_EDGES = {("user", "accounts"), ("page", "feed"),
               ("page", "published_posts"), ("page", "messages"),
               ("post", "comments"), ("comment", "comments"),
               ("comment", "likes"), ("iguser", "media"), ("iguser", "tags"),
               ("media", "comments"), ("igcomment", "replies")}


def dispatch(req, tok):
    """Route a request with a valid token; give the JSON answer."""
    segs, method = req.segs, req.method
    if not segs:
        raise path_error(req.rest)
    head = segs[0]
    if head == "device" and len(segs) == 2 and \
            segs[1] in ("login", "login_status"):
        if method != "POST":
            raise no_object(head, method.lower())
        if tok["kind"] != "app":
            raise GraphError(190, "Invalid OAuth access token - this call "
                             "needs the app's client token (APP_ID|"
                             "CLIENT_TOKEN)")
        return device_login(req) if segs[1] == "login" else \
            device_status(req)
    if head == "debug_token" and len(segs) == 1:
        if method != "GET":
            raise no_object(head, method.lower())
        return debug_token(req)
    if head == "me":
        if tok["kind"] == "app":
            raise GraphError(2500, "An active access token must be used to "
                             "query information about the current user.")
        node = G.user if tok["kind"] == "user" else G.pages[tok["page"]]
    else:
        node = G.objects.get(head)
        if node is None or node.get("removed"):
            raise no_object(head, method.lower())
    if len(segs) == 1:
        return node_call(req, tok, node)
    if len(segs) == 2:
        return edge_call(req, tok, node, segs[1])
    raise path_error(req.rest)


def owner_page(node):
    """Give the id of the page a post or comment belongs to."""
    if node["kind"] == "comment":
        node = G.objects[node["post"]]
    return node["page"]


def need(tok, scope, code):
    """Refuse a token without a scope, with the error of code."""
    if scope in G.scopes_of(tok):
        return
    if code == 100:
        raise GraphError(100, MISSING_READ % scope)
    if code == 283:
        raise GraphError(283, "(#283) Requires %s permission to manage the "
                         "object" % scope)
    if code == 200:
        raise GraphError(200, "(#200) Permissions error: requires the %s "
                         "permission" % scope)
    raise GraphError(10, IG_NO_PERMISSION)


def fb_access(tok, page_id):
    """Refuse anything but the page's own token."""
    if tok["kind"] == "page" and tok["page"] == page_id:
        return
    if tok["kind"] == "user":
        raise GraphError(210, "(#210) A page access token is required to "
                         "request this resource.")
    raise GraphError(200, ERROR_MESSAGES[200])


def fb_read(tok, page_id):
    fb_access(tok, page_id)
    need(tok, "pages_read_engagement", 100)
    need(tok, "pages_read_user_content", 100)


def fb_write(tok, page_id):
    fb_access(tok, page_id)
    need(tok, "pages_manage_engagement", 283)


def ig_access(tok):
    """Refuse tokens that cannot reach the Instagram account."""
    if tok["kind"] == "user":
        return
    if tok["kind"] == "page" and G.pages[tok["page"]]["ig"] == IG_ID:
        return
    raise GraphError(10, IG_NO_PERMISSION)


def ig_read(tok):
    ig_access(tok)
    need(tok, "instagram_basic", 10)


def ig_write(tok):
    ig_access(tok)
    need(tok, "instagram_manage_comments", 200)


SUCCESS = {"success": True}


def node_call(req, tok, node):
    """GET, POST or DELETE one node."""
    kind, method = node["kind"], req.method
    if method == "GET":
        if kind in ("post", "comment"):
            fb_read(tok, owner_page(node))
        elif kind in ("iguser", "media", "igcomment"):
            ig_read(tok)
        fields = req.fields()
        check_fields(kind, fields)
        return render(kind, node, fields, req)
    if method == "POST" and kind == "comment":
        return fb_comment_update(req, tok, node)
    if method == "POST" and kind == "igcomment":
        ig_write(tok)
        hide = req.param("hide")
        if hide is None:
            raise bad_param("The parameter hide is required")
        node["hidden"] = truthy(hide)
        return SUCCESS
    if method == "DELETE" and kind in ("comment", "post"):
        fb_write(tok, owner_page(node))
        G.remove(node)
        return SUCCESS
    if method == "DELETE" and kind == "igcomment":
        ig_write(tok)
        G.remove(node)
        return SUCCESS
    raise no_object(node["id"], method.lower())


def edge_call(req, tok, node, edge):
    """Call an edge of a node."""
    kind, method = node["kind"], req.method
    get, post = method == "GET", method == "POST"
    if (kind, edge) not in KNOWN_EDGES:
        raise no_field(edge, NODE_NAMES.get(kind, "Node"))
    if kind == "user" and get:
        if tok["kind"] != "user":
            raise GraphError(200, ERROR_MESSAGES[200])
        need(tok, "pages_show_list", 200)
        return run_edge(req, edge, node, req.params, req.fields(), req.link)
    if kind == "page" and edge != "messages" and get:
        fb_read(tok, node["id"])
        return page_feed(req, node, edge == "published_posts")
    if kind == "page" and edge == "messages" and post:
        return private_reply(req, tok, node)
    if kind in ("post", "comment") and edge == "comments" and get:
        fb_read(tok, owner_page(node))
        return run_edge(req, edge, node, req.params, req.fields(), req.link)
    if kind in ("post", "comment") and edge == "comments" and post:
        fb_write(tok, owner_page(node))
        return fb_comment_create(req, node)
    if edge == "likes" and method in ("POST", "DELETE"):
        fb_write(tok, owner_page(node))
        node["liked"] = post
        return SUCCESS
    if kind in ("iguser", "media", "igcomment") and get:
        ig_read(tok)
        return run_edge(req, edge, node, req.params, req.fields(), req.link)
    if kind in ("media", "igcomment") and post:
        ig_write(tok)
        return ig_comment_create(req, node)
    raise no_object(node["id"], method.lower())


def fb_comment_create(req, node):
    """POST /{post-id}/comments or /{comment-id}/comments."""
    post = node if node["kind"] == "post" else G.objects[node["post"]]
    parent = None if node["kind"] == "post" else G.top(node)
    page = G.pages[post["page"]]
    msg = req.param("message") or ""
    url = req.param("attachment_url")
    if not msg.strip() and not url:
        raise bad_param("Missing message or attachment")
    fields = req.fields()
    check_fields("comment", fields)
    now = time.time()
    if G.config["duplicate_check"] and msg:
        sibs = parent["replies"] if parent else \
            [c for c in post["comments"] if c["parent"] is None]
        mine = [c for c in sibs if c["author"]["kind"] == "page"]
        if mine and mine[-1]["message"] == msg and \
                now - mine[-1]["created"] < 60:
            raise GraphError(506, ERROR_MESSAGES[506])
    att = None
    if url:
        att = {"media": {"image": {"height": 720, "width": 720,
                                   "src": url}},
               "type": "photo", "url": url}
    c = G.add_comment(post, parent, page, msg, now, att)
    out = {"id": c["id"]}
    if fields:
        for k, v in render("comment", c, fields, req).items():
            if k != "id":
                out[k] = v
    return out


def fb_comment_update(req, tok, node):
    """POST /{comment-id}: is_hidden=true|false, message=TEXT."""
    fb_write(tok, owner_page(node))
    hidden, msg = req.param("is_hidden"), req.param("message")
    if hidden is None and msg is None:
        raise bad_param("The parameter is_hidden or message is required")
    own = node["author"]["kind"] == "page"
    if hidden is not None and own:
        raise bad_param("A Page cannot hide its own comment")
    if msg is not None and not own:
        raise bad_param("Only the author of a comment can edit it")
    if msg is not None and not msg.strip():
        raise bad_param("Missing message or attachment")
    if hidden is not None:
        node["hidden"] = truthy(hidden)
    if msg is not None:
        node["message"] = msg
    return SUCCESS


def json_value(v):
    """Read a JSON parameter; None if it is not JSON."""
    if v is None:
        return None
    try:
        return json.loads(v)
    except ValueError:
        return None


def private_reply(req, tok, page):
    """POST /{page-id}/messages with recipient.comment_id."""
    fb_access(tok, page["id"])
    need(tok, "pages_messaging", 200)
    rcpt = json_value(req.param("recipient"))
    msg = json_value(req.param("message"))
    cid = rcpt.get("comment_id") if isinstance(rcpt, dict) else None
    if not cid:
        raise bad_param("param recipient must contain comment_id")
    text = msg.get("text") if isinstance(msg, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise bad_param("param message must have a non-empty text")
    c = G.objects.get(str(cid))
    if c is None or c["kind"] != "comment" or c["removed"] or \
            owner_page(c) != page["id"]:
        raise GraphError(100, "(#100) No matching user found", 2018001)
    if c["private"]:
        raise GraphError(10900, ERROR_MESSAGES[10900])
    if c["author"]["kind"] != "customer" or \
            time.time() - c["created"] >= 7 * DAY:
        raise GraphError(10903, ERROR_MESSAGES[10903])
    c["private"].append(text)
    c["conv"] = "t_%d" % (int(c["num"]) + 3000000000000000)
    mid = "m_" + b64url(hashlib.sha256(("%s:%d" % (
        c["id"], len(c["private"]))).encode()).digest() * 2)[:86]
    return {"recipient_id": c["author"]["psid"], "message_id": mid}


def ig_comment_create(req, node):
    """POST /{media-id}/comments or /{ig-comment-id}/replies."""
    msg = req.param("message") or ""
    if not msg.strip():
        raise bad_param("The parameter message is required")
    if node["kind"] == "media":
        media, top = node, None
    else:
        media = G.objects[node["media"]]
        top = G.objects[node["parent"]] if node["parent"] else node
        if node["hidden"] or top["hidden"]:
            raise bad_param("Cannot reply to a hidden comment")
    c = G.add_igcomment(media, top, None, msg, time.time())
    return {"id": c["id"]}


# --- device login and debug_token ------------------------------------

USER_CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def device_login(req):
    """POST /device/login: start a device login."""
    scopes = [s.strip() for s in (req.param("scope") or "").split(",")
              if s.strip()]
    now = time.time()
    d = {"code": os.urandom(16).hex(),
         "user_code": "".join(random.choice(USER_CODE_CHARS)
                              for _ in range(8)),
         "scopes": scopes, "created": now, "last_poll": now,
         "state": "pending", "approved": None,
         "interval": G.config["device_interval"],
         "expires_in": G.config["device_expires_in"]}
    G.devices.append(d)
    return {"code": d["code"], "user_code": d["user_code"],
            "verification_uri": "https://www.facebook.com/device",
            "expires_in": d["expires_in"], "interval": d["interval"]}


def device_error(subcode, message, title, user_msg):
    return GraphError(31, "(#31) " + message, subcode, title=title,
                      user_msg=user_msg)


def device_status(req):
    """POST /device/login_status: poll a device login."""
    code = req.param("code")
    d = next((x for x in G.devices if x["code"] == code), None)
    if not code or d is None:
        raise bad_param("Invalid device code")
    now = time.time()
    if d["state"] == "pending" and now >= d["created"] + d["expires_in"]:
        d["state"] = "expired"
    if d["state"] == "expired":
        raise device_error(1349152, "The device code has expired",
                           "Activation Code Expired",
                           "The code you entered has expired. Please go "
                           "back to your device for a new code and try "
                           "again.")
    if d["state"] == "declined":
        raise device_error(1349173, "The user declined to log in",
                           "Device Login Authorization Declined",
                           "The user has declined to authorize your "
                           "application.")
    if d["state"] == "approved":
        d["last_poll"] = now
        return {"access_token": G.user_token, "expires_in": 5183944,
                "data_access_expiration_time": int(d["approved"] +
                                                   90 * DAY)}
    fast = now - d["last_poll"] < float(d["interval"]) * 0.9
    d["last_poll"] = now
    if fast:
        raise device_error(1349172, "Polling too frequently",
                           "Device Login Polling Too Frequently",
                           "You are polling too frequently. Poll every %s "
                           "seconds." % d["interval"])
    raise device_error(1349174, "Waiting for the user to authorize",
                       "Device Login Authorization Pending",
                       "User has not yet authorized your application. "
                       "Continue polling.")


def debug_token(req):
    """GET /debug_token?input_token=T."""
    t = req.param("input_token")
    if not t:
        raise bad_param("The parameter input_token is required")
    info = G.tokens.get(t)
    now = int(time.time())
    if info is None:
        return {"data": {"error": {"code": 190, "message":
                                   "Invalid OAuth access token."},
                         "is_valid": False, "scopes": []}}
    kind = info["kind"]
    d = {"app_id": G.app_id, "type": kind.upper(), "application": APP_NAME}
    if kind == "app":
        d.update(is_valid=True, scopes=[])
        return {"data": d}
    if info["expired"]:
        d["expires_at"] = int(info["expired_at"])
        d["is_valid"] = False
        d["error"] = {"code": 190, "message": G.expired_message(info),
                      "subcode": 463}
        d["issued_at"] = info["issued"]
        if kind == "page":
            d["profile_id"] = info["page"]
        d["scopes"] = []
        d["user_id"] = USER_ID
        return {"data": d}
    d["data_access_expires_at"] = now + 90 * DAY
    d["expires_at"] = 0 if kind == "page" else now + 60 * DAY
    d["is_valid"] = True
    d["issued_at"] = info["issued"]
    if kind == "page":
        d["profile_id"] = info["page"]
    d["scopes"] = list(G.scopes)
    d["granular_scopes"] = [{"scope": s} for s in G.scopes]
    d["user_id"] = USER_ID
    return {"data": d}


# --- seeding and control ---------------------------------------------

class Seeder:
    """Makes what the control op "seed" asks for, deterministically."""

    def __init__(self, args):
        self.rng = random.Random(args.get("seed", 1))
        self.hostile = bool(args.get("hostile", True))

    def text(self):
        """Give a customer's text, ending in its unique serial."""
        r = self.rng.random()
        if self.hostile and r < 0.25:
            phrase = self.rng.choice(HOSTILE)
        elif r < 0.40:
            phrase = self.rng.choice(CJK)
        elif r < 0.50:
            phrase = self.rng.choice(EMOJI)
        elif r < 0.58:
            phrase = self.rng.choice(RTL)
        else:
            phrase = self.rng.choice(PLAIN)
        return "%s (n%d)" % (phrase, G.next_serial())

    def page_posts(self, n, before):
        """Give n of the page's own posts, making the missing ones."""
        page = G.pages[PAGE_ID]
        have = sorted((p for p in G.posts if p["page"] == PAGE_ID and
                       not p["visitor"] and not p["removed"]),
                      key=ascending)
        for i in range(len(have), n):
            att = None
            if i % 3 == 0:
                att = G.photo()
            elif i % 3 == 1:
                att = {"description": "Everything for the cold months.",
                       "target": {"url": "https://acme.example/autumn"},
                       "title": "Acme Shop — the autumn collection",
                       "type": "share", "url": "https://acme.example/autumn"}
            have.append(G.add_post(page, page,
                                   PAGE_POSTS[i % len(PAGE_POSTS)],
                                   before - (n - i) * 3600, att))
        return have[:n]

    def own_media(self, n, before):
        """Give n of the account's media, making the missing ones."""
        have = sorted(G.live_media(), key=ascending)
        for i in range(len(have), n):
            have.append(G.add_media(None, CAPTIONS[i % len(CAPTIONS)],
                                    before - (n - i) * 5400))
        return have[:n]

    def page_reply(self, author):
        """Give (message, message_tags) of the page answering author."""
        text = self.rng.choice(PAGE_REPLIES)
        name = author["name"]
        tags = [{"id": author["id"], "name": name, "type": "user",
                 "offset": 0, "length": utf16_len(name)}]
        return name + " " + text, tags

    def run(self, a):
        counts = {}
        for k, d in (("posts", 3), ("comments", 20), ("visitor_posts", 1),
                     ("media", 3), ("ig_comments", 15), ("tags", 1),
                     ("customers", 20)):
            counts[k] = int(a.get(k, d))
            if counts[k] < 0:
                raise ValueError("%s must not be negative" % k)
        shares = {k: float(a.get(k, d)) for k, d in (
            ("replies", 0.3), ("ig_replies", 0.3), ("page_replies", 0.2))}
        until = parse_when(a.get("until"), int(time.time()))
        since = parse_when(a.get("since"), until - 2 * DAY)
        if since >= until:
            raise ValueError("since must be before until")
        ncust = max(1, counts["customers"])
        custs = [G.fb_customer(k, self.hostile) for k in range(ncust)]
        igcusts = [G.ig_customer(k) for k in range(ncust)]
        out = {"page_id": PAGE_ID, "ig_user_id": IG_ID}
        posts = self.page_posts(counts["posts"], since)
        page = G.pages[PAGE_ID]
        visitors = []
        for i in range(counts["visitor_posts"]):
            visitors.append(G.add_post(
                page, self.rng.choice(custs), self.text(),
                min(since + 30 + i * 60, until), visitor=True))
        out["posts"] = [p["id"] for p in posts]
        out["visitor_posts"] = [p["id"] for p in visitors]
        out["comments"], out["page_replies"] = self.fb_comments(
            counts["comments"], posts + visitors, custs, shares, since,
            until)
        media = self.own_media(counts["media"], since)
        out["media"] = [m["id"] for m in media]
        out["ig_comments"], out["ig_page_replies"] = self.ig_comments(
            counts["ig_comments"], media, igcusts, shares, since, until)
        tags = []
        step = max(1, (until - since) // (counts["tags"] + 1))
        for i in range(counts["tags"]):
            who = self.rng.choice(igcusts)
            tags.append(G.add_media(who, "Wearing my new jacket from @%s "
                                    "%s" % (IG_USERNAME, self.text()),
                                    since + (i + 1) * step, tagged=True))
        out["tags"] = [m["id"] for m in tags]
        return out

    def fb_comments(self, n, targets, custs, shares, since, until):
        """Make n customer comments (and the page's answers)."""
        if n and not targets:
            raise ValueError("comments need at least one post")
        page = G.pages[PAGE_ID]
        step = max(1, (until - since) // (n + 1))
        answered = 0
        for i in range(n):
            t = min(since + (i + 1) * step, until)
            cands = [p for p in targets if p["created"] <= t] or targets
            post = self.rng.choice(cands)
            tops = [c for c in post["comments"] if c["parent"] is None]
            parent = None
            if tops and self.rng.random() < shares["replies"]:
                parent = self.rng.choice(tops)
            author = self.rng.choice(custs)
            att = G.photo() if self.rng.random() < 0.05 else None
            c = G.add_comment(post, parent, author, self.text(), t, att)
            if self.rng.random() < shares["page_replies"]:
                msg, tags = self.page_reply(author)
                G.add_comment(post, parent or c, page, msg,
                              min(t + self.rng.randrange(60, 900), until),
                              tags=tags)
                answered += 1
        return n, answered

    def ig_comments(self, n, media, custs, shares, since, until):
        """Make n customer comments on the account's media."""
        if n and not media:
            raise ValueError("ig_comments need at least one media")
        step = max(1, (until - since) // (n + 1))
        answered = 0
        for i in range(n):
            t = min(since + (i + 1) * step, until)
            m = self.rng.choice(media)
            parent = None
            if m["comments"] and self.rng.random() < shares["ig_replies"]:
                parent = self.rng.choice(m["comments"])
            author = self.rng.choice(custs)
            c = G.add_igcomment(m, parent, author, self.text(), t)
            if self.rng.random() < shares["page_replies"]:
                G.add_igcomment(m, parent or c, None, "@%s %s" % (
                    author["username"], self.rng.choice(PAGE_REPLIES)),
                    min(t + self.rng.randrange(60, 900), until))
                answered += 1
        return n, answered


def add_one(a):
    """Make one customer comment, reply or visitor post (op "add")."""
    plat = a.get("platform", "facebook")
    created = parse_when(a.get("created"), int(time.time()))
    seeder = Seeder({"hostile": False})
    text = a.get("text")
    if text is None:
        text = "%s (n%d)" % (seeder.rng.choice(PLAIN), G.next_serial())
    on = a.get("on")
    target = G.objects.get(str(on)) if on is not None else None
    if on is not None and (target is None or target.get("removed")):
        raise ValueError("no live object %s" % on)
    if plat == "facebook":
        author = G.find_fb_customer(a["author"]) if a.get("author") else \
            G.fb_customer(0, False)
        if target is None:
            seeder.page_posts(1, created - 3600)
            target = max((p for p in G.posts if p["page"] == PAGE_ID and
                          not p["visitor"] and not p["removed"]),
                         key=ascending)
        if target["kind"] == "page":
            p = G.add_post(target, author, text, created, visitor=True)
            return {"id": p["id"], "created_time": fb_time(created)}
        if target["kind"] == "post":
            c = G.add_comment(target, None, author, text, created)
        elif target["kind"] == "comment":
            c = G.add_comment(G.objects[target["post"]], G.top(target),
                              author, text, created)
        else:
            raise ValueError("%s is not a page, post or comment" % on)
    elif plat == "instagram":
        author = G.find_ig_customer(a["author"]) if a.get("author") else \
            G.ig_customer(0)
        if target is None:
            seeder.own_media(1, created - 3600)
            target = max(G.live_media(), key=ascending)
        if target["kind"] == "media":
            c = G.add_igcomment(target, None, author, text, created)
        elif target["kind"] == "igcomment":
            top = G.objects[target["parent"]] if target["parent"] else \
                target
            c = G.add_igcomment(G.objects[target["media"]], top, author,
                                text, created)
        else:
            raise ValueError("%s is not a media or IG comment" % on)
    else:
        raise ValueError("platform must be facebook or instagram")
    return {"id": c["id"], "created_time": fb_time(created)}


def scope_list(a):
    """Read "scope" (a string) or "scopes" (a list) of a control op."""
    v = a.get("scopes", a.get("scope"))
    if isinstance(v, str):
        return [v]
    if isinstance(v, list) and all(isinstance(s, str) for s in v):
        return v
    raise ValueError("need scope (a string) or scopes (a list)")


FAULT_KINDS = ("status", "graph_error", "malformed", "bad_utf8", "oversized",
               "slow", "reset", "drop", "usage", "late", "empty_same")


def control_op(a):
    """Carry out one control op; give its JSON answer."""
    op = a.get("op")
    out = {"ok": True}
    if op == "seed":
        out.update(Seeder(a).run(a))
    elif op == "add":
        out.update(add_one(a))
    elif op == "remove":
        obj = G.objects.get(str(a.get("id")))
        if obj is None or obj.get("removed"):
            raise ValueError("no live object %s" % a.get("id"))
        G.remove(obj)
    elif op == "edit":
        obj = G.objects.get(str(a.get("id")))
        if obj is None or obj.get("removed") or \
                obj["kind"] not in ("comment", "igcomment"):
            raise ValueError("no live comment %s" % a.get("id"))
        if "text" in a:
            obj["message" if obj["kind"] == "comment" else "text"] = \
                str(a["text"])
        if "hidden" in a:
            obj["hidden"] = bool(a["hidden"])
    elif op == "fault":
        if a.get("kind") not in FAULT_KINDS:
            raise ValueError("kind must be one of " + ", ".join(FAULT_KINDS))
        f = dict(a)
        del f["op"]
        f["path"] = str(f.get("path", "*"))
        if f["path"] != "*":
            re.compile(f["path"])
        f["method"] = str(f.get("method", "*")).upper()
        f["count"] = int(f.get("count", 1))
        f["after"] = int(f.get("after", 0))
        G.faults.append(f)
        out["faults"] = len(G.faults)
    elif op == "clear_faults":
        G.faults.clear()
    elif op == "expire":
        which = a.get("token", "all")
        if which == "all":
            names = [t for t, v in G.tokens.items() if v["kind"] != "app"]
        elif which in G.tokens:
            names = [which]
        else:
            raise ValueError("unknown token")
        for t in names:
            G.tokens[t]["expired"] = True
            G.tokens[t]["expired_at"] = int(time.time())
        out["expired"] = len(names)
    elif op == "revoke":
        for s in scope_list(a):
            if s in G.scopes:
                G.scopes.remove(s)
        out["scopes"] = G.scopes
    elif op == "grant":
        for s in scope_list(a):
            if s not in G.scopes:
                G.scopes.append(s)
        out["scopes"] = G.scopes
    elif op == "moderate":
        G.moderate = bool(a.get("value", True))
    elif op == "instagram":
        G.pages[PAGE_ID]["ig"] = IG_ID if a.get("linked", True) else None
    elif op == "limits":
        G.limits = {"calls": int(a.get("calls", 4800)),
                    "window": float(a.get("window", 3600))}
        G.calls.clear()
    elif op == "config":
        for k in ("device_interval", "device_expires_in"):
            if k in a:
                G.config[k] = a[k] if isinstance(a[k], (int, float)) \
                    else float(a[k])
        for k in ("duplicate_check", "empty_pages", "empty_feed_pages"):
            if k in a:
                G.config[k] = bool(a[k])
        out["config"] = G.config
    elif op == "device":
        out.update(device_control(a))
    elif op == "clear_log":
        G.log.clear()
    else:
        raise ValueError("unknown op %r" % (op,))
    return out


def device_control(a):
    """Approve, decline or expire the newest pending device login."""
    action = a.get("action")
    if action not in ("approve", "decline", "expire"):
        raise ValueError("action must be approve, decline or expire")
    now = time.time()
    pending = [d for d in G.devices if d["state"] == "pending" and
               now < d["created"] + d["expires_in"]]
    if not pending:
        raise ValueError("no pending device login")
    d = pending[-1]
    if action == "approve":
        d["state"] = "approved"
        d["approved"] = now
        G.scopes = list(scope_list(a)) if "scopes" in a or "scope" in a \
            else list(d["scopes"])
        for t in G.tokens.values():
            if t["kind"] != "app":
                t["expired"] = False
                t["issued"] = int(now)
    else:
        d["state"] = "declined" if action == "decline" else "expired"
    return {"code": d["code"], "user_code": d["user_code"],
            "state": d["state"]}


def author_state(author):
    if author["kind"] == "igcustomer":
        return {"id": author["id"], "username": author["username"]}
    return {"id": author["id"], "name": author["name"]}


def state_of(q):
    """Give what GET /_state shows."""
    def arg(name, default=None):
        v = q.get(name)
        return v[0] if v else default
    objs = sorted((o for o in G.objects.values() if "key" in o and
                   o["kind"] != "page"), key=ascending)
    live = [o for o in objs if not o["removed"]]
    acme = G.pages[PAGE_ID]
    out = {
        "page": {"id": acme["id"], "name": acme["name"],
                 "token": acme["token"], "ig_user_id": acme["ig"]},
        "pages": [{"id": p["id"], "name": p["name"], "token": p["token"],
                   "ig_user_id": p["ig"]} for p in G.pages.values()],
        "ig": {"id": IG_ID, "username": IG_USERNAME, "page_id": PAGE_ID},
        "user": {"id": USER_ID, "name": USER_NAME, "token": G.user_token},
        "scopes": G.scopes,
        "tokens": [{"token": G.token_label(t), "kind": v["kind"],
                    "page": v["page"], "expired": v["expired"]}
                   for t, v in G.tokens.items()],
        "moderate": G.moderate, "config": G.config, "limits": G.limits,
        "devices": [{"code": d["code"], "user_code": d["user_code"],
                     "state": d["state"], "scopes": d["scopes"]}
                    for d in G.devices],
    }
    out["posts"] = [{"id": p["id"], "page": p["page"],
                     "from": author_state(p["author"]),
                     "message": p["message"],
                     "created_time": fb_time(p["created"]),
                     "updated_time": fb_time(G.updated(p)),
                     "visitor": p["visitor"],
                     "comments": len(p["comments"])}
                    for p in live if p["kind"] == "post"]
    out["comments"] = [{"id": c["id"], "post": c["post"],
                        "parent": c["parent"],
                        "from": author_state(c["author"]),
                        "message": c["message"],
                        "created_time": fb_time(c["created"]),
                        "is_hidden": c["hidden"], "liked_by_page": c["liked"],
                        "private_replies": c["private"]}
                       for c in live if c["kind"] == "comment"]
    out["media"] = [media_state(m) for m in live
                    if m["kind"] == "media" and not m["tagged"]]
    out["ig_comments"] = [{"id": c["id"], "media": c["media"],
                           "parent": c["parent"],
                           "from": igprofile_of(c["author"]),
                           "text": c["text"],
                           "timestamp": fb_time(c["created"]),
                           "hidden": c["hidden"]}
                          for c in live if c["kind"] == "igcomment"]
    out["tags"] = [media_state(m) for m in live
                   if m["kind"] == "media" and m["tagged"]]
    out["removed"] = [o["id"] for o in objs if o["removed"]]
    out["faults"] = G.faults
    if arg("log", "1") != "0":
        start = int(arg("log_from", "0"))
        out["log"] = [dict(r) for r in G.log if r["n"] >= start]
    out["log_next"] = G.log_n + 1
    return out


def media_state(m):
    return {"id": m["id"], "username": igprofile_of(m["owner"])["username"],
            "caption": m["caption"], "timestamp": fb_time(m["created"]),
            "comments_count": G.media_comment_count(m)}


# --- HTTP ------------------------------------------------------------

def corrupt_utf8(data):
    """Put invalid UTF-8 into the first message or text string."""
    bad = b"\xff\xfe bad \xc3\x28 \xed\xa0\x80 \xc0\xaf"
    for mark in (b'"message":"', b'"text":"', b'":"'):
        i = data.find(mark)
        if i >= 0:
            i += len(mark)
            return data[:i] + bad + data[i:]
    return bad + data


def redact(params):
    """Show access_token values in a logged query or form as labels."""
    if isinstance(params, dict):
        out = {}
        for k, v in params.items():
            if k == "access_token":
                v = [G.token_label(x) for x in v] if isinstance(v, list) \
                    else G.token_label(str(v))
            out[k] = v
        return out
    return params


def fault_error(f):
    """Make the Graph error a graph_error fault asks for."""
    code = int(f.get("code", 1))
    sub = f.get("subcode")
    sub = int(sub) if sub is not None else (1346003 if code == 368 else
                                           None)
    msg = f.get("message")
    if msg is None:
        if (code, sub) == (190, 463):
            msg = EXPIRED_FMT % (pacific(time.time() - 3600),
                                 pacific(time.time()))
        else:
            msg = ERROR_MESSAGES.get((code, sub)) or \
                ERROR_MESSAGES.get(code) or "(#%d) Error" % code
    transient = f.get("is_transient")
    if transient is None and code in (1, 2, 4):
        transient = True
    data = f.get("error_data")
    if data is None and code == 368:
        data = {"sentry_block_data": b64url(os.urandom(60)),
                "help_center_id": 0}
    user_msg = f.get("error_user_msg")
    if user_msg is None and code == 368:
        user_msg = ""
    return GraphError(code, msg, sub, int(f["status"]) if f.get("status")
                      else None, f.get("type", "OAuthException"), transient,
                      f.get("error_user_title"), user_msg, data)


class Handler(server.PlatformHandler):
    """graph.facebook.com over HTTP: nodes, edges and their faults."""
    log_name = "fake-graph"
    json_type = "application/json; charset=UTF-8"
    json_always = True
    html_type = "text/html; charset=utf-8"
    proxy_page = PROXY_PAGE
    pad = b"x"
    control_any_method = False
    control_errors = (ValueError, KeyError, TypeError, re.error)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = \
        server.PlatformHandler.do_any

    def route(self, url, body):
        self.graph(url, body)

    def corrupt(self, data):
        return corrupt_utf8(data)

    def graph_headers(self, req):
        """Give the headers every Graph answer carries."""
        rid = b64url(os.urandom(15))
        h = [("Vary", "Origin"), ("Access-Control-Allow-Origin", "*"),
             ("Cache-Control", "private, no-cache, no-store, "
              "must-revalidate"),
             ("Pragma", "no-cache"),
             ("Expires", "Sat, 01 Jan 2000 00:00:00 GMT"),
             ("x-fb-request-id", rid), ("x-fb-trace-id", trace_id()),
             ("x-fb-rev", "1012345678"),
             ("Strict-Transport-Security", "max-age=15552000; preload")]
        if req.version:
            h.insert(0, ("facebook-api-version", req.version))
        return h

    # --- Graph -------------------------------------------------------

    def graph(self, url, body):
        req = Req(self, url, body)
        rec = {"t": time.time(), "t_end": None, "method": req.method,
               "path": url.path, "query": None, "form": None,
               "token": None, "status": None, "error": None, "fault": None,
               "sent": 0, "tls": req.tls}
        path = req.rest if req.version else req.path
        with G.lock:
            G.log_n += 1
            rec["n"] = G.log_n
            G.log.append(rec)
            rec["token"] = G.token_label(req.token)
            rec["query"] = redact(urllib.parse.parse_qs(
                url.query, keep_blank_values=True))
            rec["form"] = redact(req.form)
            fault = G.take_fault(path, req.method)
            rec["fault"] = fault["kind"] if fault else None
        try:
            self.graph_answer(req, rec, fault)
        finally:
            rec["sent"] = self.sent
            rec["t_end"] = time.time()

    def graph_answer(self, req, rec, fault):
        kind = fault["kind"] if fault else None
        if kind == "slow" and fault.get("when") == "before":
            time.sleep(float(fault.get("seconds", 5)))
        if kind == "late":
            return self.late(req, rec, fault)
        if kind == "empty_same":
            return self.empty_same(req, rec)
        if kind == "status":
            if fault.get("apply"):
                self.apply(req, rec)
            return self.fault_status(req, fault, rec)
        headers = self.graph_headers(req)
        if kind == "graph_error":
            err = fault_error(fault)
            status, obj = err.status, err.body()
        else:
            try:
                with G.lock:
                    status, obj, extra = answer(req)
            except Exception:  # a bug of the fake: say so, loudly
                traceback.print_exc()
                status, obj, extra = 500, GraphError(
                    1, "fake graph.py failed: see its stderr",
                    status=500).body(), []
            headers += extra
        if kind == "usage":
            headers = self.usage_fault(req, fault, headers)
        rec["status"] = status
        if isinstance(obj, dict) and isinstance(obj.get("error"), dict):
            rec["error"] = obj["error"].get("code")
        self.deliver(status, encode(obj), headers, fault)

    def apply(self, req, rec):
        """Carry a request out without answering it: the log entry gets
        its status and error as an answer would, "applied" (the time)
        and "applied_status" (the status the answer would have had)."""
        with G.lock:
            status, obj, _ = answer(req)
            rec["status"] = rec["applied_status"] = status
            if isinstance(obj, dict) and isinstance(obj.get("error"), dict):
                rec["error"] = obj["error"].get("code")
            rec["applied"] = time.time()

    def late(self, req, rec, fault):
        """Carry the request out only `seconds` after it came, and give no
        answer: the connection is held `hold` seconds (as long, by
        default), then closed, as a platform that applies a write after
        its client gave up on it."""
        delay = float(fault.get("seconds", 75))
        timer = threading.Timer(delay, self.apply, (req, rec))
        timer.daemon = True
        timer.start()
        time.sleep(float(fault.get("hold", delay)))
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def empty_same(self, req, rec):
        """Answer an empty page whose next names this very page again
        (the same after cursor), as a broken paging does."""
        after = req.param("after", "")
        obj = {"data": [], "paging": {
            "cursors": {"before": after, "after": after},
            "next": req.self_url((), [])}}
        rec["status"] = 200
        self.deliver(200, encode(obj), self.graph_headers(req), None)

    def usage_fault(self, req, fault, headers):
        """Add (or replace) the usage headers a usage fault asks for."""
        calls = int(fault.get("call_count", 95))
        cpu = int(fault.get("total_cputime", calls))
        total = int(fault.get("total_time", calls))
        regain = int(fault.get("estimated_time_to_regain_access", 0))
        with G.lock:
            t = G.tokens.get(req.token or "")
        which = fault.get("header")
        buc = which == "buc" if which else bool(t and t["kind"] == "page")
        page = t["page"] if t and t["page"] else PAGE_ID
        h = usage_header(buc, page, calls, cpu, total, regain)
        return [x for x in headers if x[0] != h[0]] + [h]

    def fault_status(self, req, fault, rec):
        status = int(fault.get("status", 500))
        extra = []
        if fault.get("retry_after") is not None:
            extra.append(("Retry-After", str(fault["retry_after"])))
        rec["status"] = status
        if status == 500:
            code = int(fault.get("code", 2))
            rec["error"] = code
            err = GraphError(code, ERROR_MESSAGES.get(code, ERROR_MESSAGES[2]),
                             status=500, transient=True)
            return self.send(status, encode(err.body()),
                             self.graph_headers(req) + extra,
                             "application/json; charset=UTF-8")
        return self.send_proxy_page(status, extra)

    # --- control -----------------------------------------------------

    def control_answer(self, args):
        with G.lock:
            return control_op(args)

    def encode_control(self, obj):
        return encode_plain(obj)

    def state(self, url):
        q = urllib.parse.parse_qs(url.query)
        with G.lock:
            data = encode_plain(state_of(q))
        self.send(200, data, [], "application/json")


def main():
    global G
    ap = argparse.ArgumentParser(description="fake Meta Graph API")
    ap.add_argument("--page-token", default="EAAPAGE-acme-0001")
    ap.add_argument("--user-token", default="EAAUSER-owner-0001")
    ap.add_argument("--app-id", default="1234567890")
    ap.add_argument("--client-token", default="ct0123456789abcdef")
    ap.add_argument("--seed", type=int, default=0,
                    help="seed this many Facebook comments at start")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    a = ap.parse_args()
    G = Graph(a)
    if a.seed > 0:
        with G.lock:
            Seeder({}).run({"comments": a.seed})
    server.serve(Handler, a.cert, a.key, exit_on_sigterm=True)


if __name__ == "__main__":
    main()
