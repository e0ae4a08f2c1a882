# retable - rebuild the tables of PDF reports as JSON Lines.
#
#   make                 build the programs into build/bin
#   make test            unit, golden, seed and bad-input tests (TAP, prove)
#   make test-san        the same suite built with ASan + UBSan
#   make check           both: what CI runs
#   make run             the pipeline over the bundled corpus, records to stdout
#   make eval            score every path against its truth
#   make bench           speed and memory (scripts/bench; nothing else times)
#   make install PREFIX=/usr/local
#
# New files in stages/ and tests/unit/test_*.c join the build by themselves.

VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
MANDIR	 = $(PREFIX)/share/man/man1
RULESDIR = $(PREFIX)/share/retable/rules

PKGS	 = poppler-glib libpcre2-8 libutf8proc zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CC	?= cc
OPT	?= -O2 -g
WERROR	?= -Werror
WARN	 = -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wpointer-arith -Wformat=2
DEFS	 = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	   -DRETABLE_VERSION='"$(VERSION)"' -DRULESDIR='"$(RULESDIR)"'
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer

ifdef SAN
BUILD	 = build/san
OPT	 = -O1 -g
XFLAGS	 = $(SANFLAGS)
else
BUILD	 = build
XFLAGS	 =
endif

ALL_CFLAGS = -std=c11 $(OPT) $(WARN) $(DEFS) $(XFLAGS) -Istages \
	     $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(XFLAGS) $(LDFLAGS)
LIBS	 = $(PKG_LIBS) -lm

PROGS	 = pdf2text dehyphenate table-segment row-align to-jsonl
BINS	 = $(PROGS:%=$(BUILD)/bin/%)
SRCS	 = $(wildcard stages/*.c)
OBJS	 = $(SRCS:stages/%.c=$(BUILD)/stages/%.o)
LIB	 = $(BUILD)/libretable.a
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT	 = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps test test-san check run eval bench install uninstall clean
.SUFFIXES:
# Object files are kept: make would otherwise delete the ones it made on
# the way to a program and build them again next time.
.SECONDARY:

all: deps $(BINS)

# One clear message instead of a page of missing-header errors.
deps:
	@pkg-config --exists $(PKGS) || { \
	    echo "retable: missing libraries: $$(for p in $(PKGS); do \
	    pkg-config --exists $$p || printf '%s ' $$p; done)" >&2; \
	    echo "retable: run scripts/setup (Debian: apt-get install" \
	    "libpoppler-glib-dev libpcre2-dev libutf8proc-dev zlib1g-dev)" >&2; \
	    exit 1; }

$(BUILD)/stages/%.o: stages/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/cmd/%.o: cmd/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(OBJS)
	@rm -f $@
	ar rcs $@ $(OBJS)

$(BUILD)/bin/%: $(BUILD)/cmd/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS)

$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS)

TEST_ENV = RETABLE_BIN=$(abspath $(BUILD)/bin) RETABLE_RULES=$(abspath rules) \
	   RETABLE_TOP=$(abspath .) RETABLE_SHARED=$(abspath ../shared) \
	   LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp):print_suppressions=0 \
	   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

test: all $(UNIT)
	$(TEST_ENV) prove -f $(UNIT) tests/*.t

test-san:
	$(MAKE) SAN=1 test

check: test test-san

run: all
	@scripts/retable corpus/pdf/*.pdf

eval: all
	@scripts/eval

bench: all
	@scripts/bench

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(RULESDIR)
	install -m 755 $(BINS) scripts/retable scripts/retable-batch \
	    $(DESTDIR)$(BINDIR)
	install -m 644 $(PROGS:%=cmd/%.1) $(DESTDIR)$(MANDIR)
	install -m 644 rules/*.rules $(DESTDIR)$(RULESDIR)

uninstall:
	rm -f $(PROGS:%=$(DESTDIR)$(BINDIR)/%) \
	    $(DESTDIR)$(BINDIR)/retable $(DESTDIR)$(BINDIR)/retable-batch \
	    $(PROGS:%=$(DESTDIR)$(MANDIR)/%.1)
	rm -rf $(DESTDIR)$(PREFIX)/share/retable

clean:
	rm -rf build

-include $(OBJS:.o=.d) $(BUILD)/cmd/*.d $(BUILD)/tests/*.d
