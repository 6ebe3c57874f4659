# dyad - build, test and benchmark. `make` builds build/dyad; see README.md.
# -Wno-format-truncation: every snprintf into a fixed buffer is a deliberate bounded write.
CC ?= cc
OPT ?= -O2 -g
WERROR ?=
CFLAGS_BASE = -std=c11 -Wall -Wextra -pedantic -Wno-format-truncation $(WERROR) -D_POSIX_C_SOURCE=200809L \
	-fvisibility=hidden -DDYAD_BUILDING -Iinclude -Isrc -I/usr/include/libxml2
CFLAGS ?= $(OPT)
LIBS = -lz -lcjson -lutf8proc -lxml2 -lm
B ?= build

SRC = $(sort $(wildcard src/*.c))
OBJ = $(SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/dict_data.o $(B)/obj/gazetteer_data.o
DICTS = $(sort $(wildcard dict/*.txt))
TESTS = $(patsubst tests/%.c,$(B)/%,$(sort $(wildcard tests/test_*.c)))

.PHONY: all run test check check-asan asan bench deps clean format fuzz score
all: $(B)/dyad

deps:
	@sh scripts/install-deps.sh

$(B)/obj/%.o: src/%.c include/dyad.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -c $< -o $@

$(B)/embed: tools/embed.c
	@mkdir -p $(B)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< -o $@

$(B)/dict_data.c: $(B)/embed $(DICTS)
	$(B)/embed $@ $(DICTS)

$(B)/obj/dict_data.o: $(B)/dict_data.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -c $< -o $@

# The gazetteer: GeoNames cities from Debian's libgeonames0 (a GResource in the library),
# turned into a C table at build time; without the package the table is empty.
GEONAMES_SO ?= $(firstword $(wildcard /usr/lib/*/libgeonames.so.0) /usr/lib/libgeonames.so.0)
$(B)/gazgen: tools/gazgen.c
	@mkdir -p $(B)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< -o $@

$(B)/gazetteer_data.c: $(B)/gazgen $(wildcard $(GEONAMES_SO))
	gresource extract $(GEONAMES_SO) /com/lomiri/geonames/cities.compiled >$(B)/cities.compiled || : >$(B)/cities.compiled
	$(B)/gazgen $(B)/cities.compiled $@

$(B)/obj/gazetteer_data.o: $(B)/gazetteer_data.c src/gazetteer.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -c $< -o $@

$(B)/libdyad.a: $(OBJ)
	rm -f $@
	ar rcs $@ $(OBJ)

CLI = $(sort $(wildcard cli/*.c))
$(B)/dyad: $(CLI) cli/commands.h $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $(CLI) $(B)/libdyad.a $(LIBS) -o $@

# Fault injection: the test wraps the allocator of libdyad's objects.
$(B)/test_alloc: tests/test_alloc.c $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< $(B)/libdyad.a $(LIBS) -lcmocka \
		-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc -o $@

$(B)/test_%: tests/test_%.c $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< $(B)/libdyad.a $(LIBS) -lcmocka -o $@

$(B)/spec: tests/spec.c $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< $(B)/libdyad.a $(LIBS) -o $@

$(B)/bench: bench/bench.c $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< $(B)/libdyad.a $(LIBS) -o $@

# Unit tests (cmocka), spec tests per stage and command-line tests.
check: $(B)/dyad $(TESTS) $(B)/spec
	@set -e; for t in $(TESTS); do echo "== $$t"; $$t; done
	$(B)/spec tests/spec/*.txt
	@set -e; for t in tests/*.sh; do echo "== $$t"; DYAD=$(B)/dyad sh $$t; done

# The same suite under AddressSanitizer and UBSan, in a build tree of its own.
check-asan:
	$(MAKE) --no-print-directory B=build/asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" check

asan: check-asan

test: deps
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory check-asan

run: deps
	$(MAKE) --no-print-directory all
	$(B)/dyad code examples/raisi-mbs-2023-11-14.txt

bench: $(B)/bench
	$(B)/bench ../shared/corpus/reuters21578.jsonl.gz

format:
	clang-format -i src/*.c src/*.h include/*.h cli/*.c tests/*.c bench/*.c tools/*.c

clean:
	rm -rf build

# Fuzzing with libFuzzer (clang): FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) --no-print-directory B=build/fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" build/fuzz/libdyad.a
	@set -e; for t in dict code faq compat modes; do \
	  clang $(CFLAGS_BASE) -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all fuzz/fuzz_$$t.c build/fuzz/libdyad.a $(LIBS) -o build/fuzz/fuzz_$$t; \
	  mkdir -p build/fuzz/corpus_$$t; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build/fuzz/corpus_$$t $$( [ $$t = dict ] && echo dict || { [ $$t = compat ] && echo tests/fixtures/compat; } || { [ $$t = modes ] && echo tests/fixtures/compat examples; } || echo examples ); \
	done

# Accuracy on the gold sets of ../shared (skipped when absent).
$(B)/score: bench/score.c $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< $(B)/libdyad.a $(LIBS) -o $@

score: $(B)/score
	$(B)/score ../shared/gold/cameo_gsr

# The article FAQ on the Giveme5W1H gold set of ../shared (skipped when absent).
FAQ_GOLD ?= ../shared/gold/giveme5w1h
.PHONY: score-faq
$(B)/score_faq: bench/score_faq.c $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< $(B)/libdyad.a $(LIBS) -o $@

score-faq:
	@if [ -d $(FAQ_GOLD) ]; then $(MAKE) --no-print-directory $(B)/score_faq && $(B)/score_faq $(FAQ_GOLD); \
	else echo "score-faq: $(FAQ_GOLD) not found; skipped"; fi

# TABARI and PETRARCH peer validation suites from ../shared (issue 4); not part of `make test`.
.PHONY: compat
compat: $(B)/dyad
	@DYAD=$(B)/dyad sh scripts/compat.sh
