# dyad - build, test and benchmark. `make` builds build/dyad; see README.md.
CC ?= cc
OPT ?= -O2 -g
WERROR ?=
CFLAGS_BASE = -std=c11 -Wall -Wextra -pedantic $(WERROR) -D_POSIX_C_SOURCE=200809L \
	-fvisibility=hidden -DDYAD_BUILDING -Iinclude -Isrc
CFLAGS ?= $(OPT)
LIBS = -lz -lcjson -lutf8proc -lm
B ?= build

SRC = $(sort $(wildcard src/*.c))
OBJ = $(SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/dict_data.o
DICTS = $(sort $(wildcard dict/*.txt))
TESTS = $(patsubst tests/%.c,$(B)/%,$(sort $(wildcard tests/test_*.c)))

.PHONY: all run test check check-asan asan bench deps clean format fuzz score
all: $(B)/dyad

deps:
	@sh scripts/install-deps.sh

$(B)/obj/%.o: src/%.c include/dyad.h src/internal.h src/analysis.h
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

$(B)/libdyad.a: $(OBJ)
	rm -f $@
	ar rcs $@ $(OBJ)

CLI = $(sort $(wildcard cli/*.c))
$(B)/dyad: $(CLI) cli/commands.h $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $(CLI) $(B)/libdyad.a $(LIBS) -o $@

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
	$(MAKE) --no-print-directory B=build/fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libdyad.a
	@set -e; for t in dict code; do \
	  clang $(CFLAGS_BASE) -O1 -g -fsanitize=fuzzer,address,undefined fuzz/fuzz_$$t.c build/fuzz/libdyad.a $(LIBS) -o build/fuzz/fuzz_$$t; \
	  mkdir -p build/fuzz/corpus_$$t; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build/fuzz/corpus_$$t $$( [ $$t = dict ] && echo dict || echo examples ); \
	done

# Accuracy on the gold sets of ../shared (skipped when absent).
$(B)/score: bench/score.c $(B)/libdyad.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) $< $(B)/libdyad.a $(LIBS) -o $@

score: $(B)/score
	$(B)/score ../shared/gold/cameo_gsr
