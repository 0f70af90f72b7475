# Makefile for heed. Hand-written; needs GNU make and pkg-config.

PROG=		heed
VERSION=	0.1.0

PREFIX?=	/usr/local
BINDIR?=	$(PREFIX)/bin
MANDIR?=	$(PREFIX)/share/man
# Where systemd looks for the units of users' own managers.
USERUNITDIR?=	$(PREFIX)/lib/systemd/user
DESTDIR?=
PKG_CONFIG?=	pkg-config
INSTALL?=	install

# Debian packages needed to build and to run every test.
DEB_BUILD=	build-essential pkg-config libncurses-dev libsqlite3-dev \
		libcurl4-openssl-dev libsecret-1-dev libjansson-dev \
		libnotify-dev libenchant-2-dev
# The spell checker heed loads when the composer first needs it, and the
# dictionaries of the languages the tests check (src/spell.c).
DEB_SPELL=	libenchant-2-2 hunspell-en-us hunspell-nl hunspell-ro \
		hunspell-de-de hunspell-fr hunspell-es
DEB_TEST=	libcmocka-dev tmux mandoc sqlite3 dbus gnome-keyring \
		libsecret-tools procps python3 openssl curl python3-dbus \
		python3-gi
# make fuzz: clang with libFuzzer and the sanitizer runtimes.
DEB_FUZZ=	clang libclang-rt-dev

PKGS=		ncursesw sqlite3 libcurl jansson
PKGS_CREDS=	libsecret-1
PKGS_NOTIFY=	libnotify
PKGS_SPELL=	enchant-2

WARN=		-std=c11 -Wall -Wextra -Werror -Wformat=2 -Wshadow \
		-Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings \
		-Wvla -Wpointer-arith -Wundef -Wold-style-definition \
		-Wmissing-declarations -Wredundant-decls -Wnested-externs
DEFS=		-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 \
		-D_XOPEN_SOURCE_EXTENDED -DNCURSES_WIDECHAR=1

ifdef SANITIZE
B=		build/san
SANFLAGS=	-fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
		-fno-sanitize-recover=all
OPT=		-O1 -g -DHEED_SANITIZE
else
B=		build
SANFLAGS=
OPT=		-O2 -g
endif

PKG_CFLAGS:=	$(filter-out -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=%,\
		$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
# libcurl, libsecret, libnotify and enchant are compiled against but
# loaded at run time, when the network, a secret, a desktop notification
# or a spelling check is first needed (src/http.c, src/creds-keyring.c,
# src/notify.c, src/spell.c).
PKG_LIBS:=	$(shell $(PKG_CONFIG) --libs $(filter-out libcurl,$(PKGS)) \
		    2>/dev/null)
CREDS_CFLAGS:=	$(shell $(PKG_CONFIG) --cflags $(PKGS_CREDS) 2>/dev/null)
NOTIFY_CFLAGS:=	$(filter-out -pthread,\
		$(shell $(PKG_CONFIG) --cflags $(PKGS_NOTIFY) 2>/dev/null))
SPELL_CFLAGS:=	$(shell $(PKG_CONFIG) --cflags $(PKGS_SPELL) 2>/dev/null)
CMOCKA_LIBS:=	$(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ALL_CFLAGS=	$(WARN) $(DEFS) $(OPT) $(SANFLAGS) -Isrc $(PKG_CFLAGS) \
		-MMD -MP $(CFLAGS)
ALL_LDFLAGS=	$(SANFLAGS) $(LDFLAGS)

SRCS:=		$(sort $(wildcard src/*.c src/platform/*.c))
OBJS:=		$(SRCS:%.c=$(B)/%.o)
LIB_OBJS:=	$(filter-out $(B)/src/main.o,$(OBJS))
TEST_SRCS:=	$(sort $(wildcard tests/test-*.c))
TEST_BINS:=	$(TEST_SRCS:tests/%.c=$(B)/tests/%)
# tests/lib/*.c: what several unit tests share (fixtures, readers of
# tests/data), linked into each of them.
TEST_LIB_SRCS:=	$(sort $(wildcard tests/lib/*.c))
TEST_LIB_OBJS:=	$(TEST_LIB_SRCS:%.c=$(B)/%.o)
.SECONDARY: $(TEST_LIB_OBJS)
# tests/tools/preload-*.c are libraries for LD_PRELOAD in tests (a full
# disk, say); the other tools are programs.
PRELOAD_SRCS:=	$(sort $(wildcard tests/tools/preload-*.c))
PRELOADS:=	$(PRELOAD_SRCS:tests/tools/%.c=$(B)/tools/%.so)
# tests/tools/bench-gen-plain.c is a part of bench-gen, not a program.
TOOL_PARTS:=	tests/tools/bench-gen-plain.c
TOOL_SRCS:=	$(filter-out $(PRELOAD_SRCS) $(TOOL_PARTS),\
		    $(sort $(wildcard tests/tools/*.c)))
TOOL_BINS:=	$(TOOL_SRCS:tests/tools/%.c=$(B)/tools/%)

ifeq ($(V),1)
Q=
else
Q=		@
endif

.PHONY: all check check-loaded bench bench-classify demo deps install \
		uninstall clean test-bins e2e fuzz fuzz-bins fuzz-cc \
		classify-weights

all: $(B)/$(PROG)

$(B)/$(PROG): $(OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

$(B)/src/creds-keyring.o: ALL_CFLAGS += $(CREDS_CFLAGS)
$(B)/src/notify.o: ALL_CFLAGS += $(NOTIFY_CFLAGS)
$(B)/src/spell.o: ALL_CFLAGS += $(SPELL_CFLAGS)

$(B)/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/%.c $(LIB_OBJS) $(TEST_LIB_OBJS)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes \
	    -Wno-missing-declarations -o $@ $< $(TEST_LIB_OBJS) $(LIB_OBJS) \
	    $(ALL_LDFLAGS) $(PKG_LIBS) $(CMOCKA_LIBS)

$(B)/tools/%: tests/tools/%.c $(LIB_OBJS)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(ALL_LDFLAGS) \
	    $(PKG_LIBS) -lutil

$(B)/tools/bench-gen: tests/tools/bench-gen.c $(TOOL_PARTS) $(LIB_OBJS)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ tests/tools/bench-gen.c $(TOOL_PARTS) \
	    $(LIB_OBJS) $(ALL_LDFLAGS) $(PKG_LIBS)

# The learned weights of the classifier (src/classify-weights.c, checked
# in) from the labelled sets it may be tuned on: never from one kept to
# measure it (tests/bench/classify says which).
CLASSIFY_LEARN_SETS=	labelled heldout heldout2 heldout3 heldout4 heldout5 heldout7
$(B)/tools/classify-learn: tests/tools/classify-learn.c $(LIB_OBJS)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJS) $(ALL_LDFLAGS) \
	    $(PKG_LIBS) -lm

classify-weights: $(B)/tools/classify-learn
	$(B)/tools/classify-learn src/classify-weights.c \
	    $(CLASSIFY_LEARN_SETS:%=tests/data/classify/%.jsonl)

# The floor of the first-screen benchmark links SQLite and ncurses alone.
$(B)/tools/bench-floor: tests/tools/bench-floor.c
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) \
	    $(shell $(PKG_CONFIG) --libs ncursesw sqlite3 2>/dev/null)

$(B)/tools/%.so: tests/tools/%.c
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(WARN) $(OPT) -fPIC -shared -o $@ $< -ldl $(CFLAGS)

test-bins: $(B)/$(PROG) $(TEST_BINS) $(PRELOADS)

# The whole suite: unit tests, source checks, man page lint, TUI tests.
check: test-bins
	@HEED=$(B)/$(PROG) BUILD=$(B) sh tests/run

# The suite again and again beside busy loops: it must not flake.
check-loaded: test-bins
	@HEED=$(B)/$(PROG) BUILD=$(B) RUNS=$(or $(RUNS),10) \
	    BUSY=$(or $(BUSY),2) sh tests/loaded

bench: all $(TOOL_BINS)
	@HEED=$(B)/$(PROG) BUILD=$(B) sh tests/bench/run

# The classifier's part of make bench alone, without the timings.
bench-classify: all
	@HEED=$(B)/$(PROG) sh tests/bench/classify

demo: all
	./$(B)/$(PROG) --demo

# Bluesky's reference servers on loopback (tests/e2e/README): the smoke
# test of the devnet itself, then heed against it.
e2e: all
	@sh tests/e2e/setup
	@sh tests/e2e/smoke
	@HEED=$(B)/$(PROG) sh tests/e2e/heed-e2e

# The fuzz build: every parser under libFuzzer, ASan and UBSan, compiled
# by clang into build/fuzz, apart from the normal and sanitizer builds.
# HEED_FUZZ gives each JSON node its own malloc (see src/json.c). make fuzz
# runs each target for FUZZ_SECONDS (tests/fuzz/README).
FUZZ_CC?=	clang
FUZZ_SECONDS?=	30
FUZZ_TARGETS?=
FB=		build/fuzz
FUZZ_SAN=	-fsanitize=address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer
FUZZ_CFLAGS=	$(WARN) $(DEFS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
		-DHEED_FUZZ -Isrc -Itests/fuzz $(PKG_CFLAGS) -MMD -MP
FUZZ_LIB_OBJS:=	$(patsubst %.c,$(FB)/%.o,$(filter-out src/main.c,$(SRCS)))
FUZZ_SRCS:=	$(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZ_BINS:=	$(FUZZ_SRCS:tests/fuzz/%.c=$(FB)/%)
FUZZ_COMMON:=	$(FB)/tests/fuzz/fuzz.o $(FB)/tests/fuzz/adapter.o

# Keep the objects make would otherwise delete as intermediate.
.SECONDARY: $(FUZZ_LIB_OBJS) $(FUZZ_COMMON) $(FUZZ_SRCS:%.c=$(FB)/%.o)

fuzz-bins: $(FUZZ_BINS)

fuzz: fuzz-bins
	@FUZZ_BUILD=$(FB) FUZZ_SECONDS=$(FUZZ_SECONDS) \
	    sh tests/fuzz/run $(FUZZ_TARGETS)

$(FB)/src/creds-keyring.o: FUZZ_CFLAGS += $(CREDS_CFLAGS)
$(FB)/src/notify.o: FUZZ_CFLAGS += $(NOTIFY_CFLAGS)
$(FB)/src/spell.o: FUZZ_CFLAGS += $(SPELL_CFLAGS)

fuzz-cc:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "make fuzz needs" \
	    "$(FUZZ_CC) with libFuzzer: make deps installs them"; exit 1; }

$(FB)/%.o: %.c | fuzz-cc
	@mkdir -p $(@D)
	@echo "  FUZZCC  $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FB)/fuzz-%: $(FB)/tests/fuzz/fuzz-%.o $(FUZZ_COMMON) $(FUZZ_LIB_OBJS)
	@echo "  FUZZLD  $@"
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_COMMON) \
	    $(FUZZ_LIB_OBJS) $(PKG_LIBS)

# Randomized runs of heed sync against the fakes with faults, kill -9 and
# two processes on one cache (tests/chaos/README); SEED=S replays one run.
RUNS?=		1000
.PHONY: chaos
chaos: all
	@HEED=$(B)/$(PROG) BUILD=$(B) python3 tests/chaos/chaos.py \
	    --runs $(RUNS) $(if $(SEED),--seed $(SEED)) \
	    $(if $(JOBS),--jobs $(JOBS)) $(if $(KEEP),--keep)

# Install whatever Debian packages are missing (nothing if all are there).
deps:
	@missing=""; \
	for p in $(DEB_BUILD) $(DEB_SPELL) $(DEB_TEST) $(DEB_FUZZ); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
		    grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "installing:$$missing"; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi; \
	$$sudo apt-get update -q && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q $$missing

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5
	$(INSTALL) -m 755 $(B)/$(PROG) $(DESTDIR)$(BINDIR)/$(PROG)
	$(INSTALL) -m 644 man/heed.1 $(DESTDIR)$(MANDIR)/man1/heed.1
	$(INSTALL) -m 644 man/heed.conf.5 $(DESTDIR)$(MANDIR)/man5/heed.conf.5
	$(INSTALL) -d $(DESTDIR)$(USERUNITDIR)
	sed 's|@BINDIR@|$(BINDIR)|g' src/systemd/heed-sync.service.in \
	    >$(DESTDIR)$(USERUNITDIR)/heed-sync.service
	chmod 644 $(DESTDIR)$(USERUNITDIR)/heed-sync.service
	$(INSTALL) -m 644 src/systemd/heed-sync.timer \
	    $(DESTDIR)$(USERUNITDIR)/heed-sync.timer

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/$(PROG) $(DESTDIR)$(MANDIR)/man1/heed.1 \
	    $(DESTDIR)$(MANDIR)/man5/heed.conf.5 \
	    $(DESTDIR)$(USERUNITDIR)/heed-sync.service \
	    $(DESTDIR)$(USERUNITDIR)/heed-sync.timer

clean:
	rm -rf build

-include $(OBJS:.o=.d) $(TEST_LIB_OBJS:.o=.d)
-include $(wildcard $(B)/tests/test-*.d)
-include $(wildcard $(FB)/src/*.d $(FB)/src/platform/*.d $(FB)/tests/fuzz/*.d)
