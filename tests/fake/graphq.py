"""graphq.py EXPR [FILE [ARG...]]: print EXPR evaluated over the fake
Graph API's state in FILE (GET /_state: st, log, comments, posts, igc,
tags) or over heed list --json lines (items); ARGs are a. Used by the
Graph tests in tests/tui."""
import json, sys
expr = sys.argv[1]
a = sys.argv[3:]
st, log, items = {}, [], []
if len(sys.argv) > 2 and sys.argv[2] != '-':
    raw = open(sys.argv[2], encoding='utf-8', errors='surrogateescape').read()
    if raw.lstrip().startswith('{"page"'):
        st = json.loads(raw)
        log = st.get('log', [])
    else:
        items = [json.loads(l) for l in raw.splitlines() if l.strip()]
comments = st.get('comments', [])
posts = st.get('posts', [])
igc = st.get('ig_comments', [])
tags = st.get('tags', [])

def reqs(method, suffix):
    return [r for r in log if r['method'] == method and
            r['path'].endswith(suffix)]

def by_page(text):
    pid = st['page']['id']
    return [c for c in comments if c['from'].get('id') == pid and
            text in c['message']]

def by_ig(text):
    return [c for c in igc if c['from'].get('username') ==
            st['ig']['username'] and text in c['text']]

def bad_chars(s):
    return ['U+%04X' % ord(c) for c in s if (ord(c) < 0x20 and c != '\n')
            or 0x7f <= ord(c) <= 0x9f or ord(c) in (0x61c, 0x200e, 0x200f)
            or 0x202a <= ord(c) <= 0x202e or 0x2066 <= ord(c) <= 0x2069]

v = eval(expr)
if isinstance(v, bool):
    v = int(v)
print(v if not isinstance(v, (list, dict)) else json.dumps(v))
