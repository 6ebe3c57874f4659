#!/bin/sh
# compat.sh - TABARI and PETRARCH compatibility from the command line: `dyad validate` on the
# team's own fixture suites (which must fully pass), `dyad code` with foreign dictionaries,
# and file:line diagnostics. Run from the repository root with DYAD set (make check does).
. tests/lib/harness.sh
F=tests/fixtures/compat

# The fixture suites pass completely: exit 0 and the summary line.
"$DYAD" validate "$F/y_petrarch.records.xml" >"$T/p" 2>"$T/p.err"
check "petrarch suite exit" test $? = 0
check "petrarch suite summary" has "$T/p" "^25 passed, 0 failed, 1 skipped$"
# PETRARCH-1's clause rules (petrarch1-coding) and comma_* options.
"$DYAD" validate "$F/y_petrarch1.records.xml" >"$T/p1" 2>"$T/p1.err"
check "petrarch-1 suite exit" test $? = 0
check "petrarch-1 suite summary" has "$T/p1" "^31 passed, 0 failed, 1 skipped$"
check "petrarch-1 parse-error record skipped" has "$T/p1" \
	"^ERROR-01 ERROR: skipped: expects a parse-tree error (bad_input_parse)$"
check "petrarch-1 suite loads cleanly" test ! -s "$T/p1.err"
"$DYAD" validate "$F/y_tabari.project" >"$T/t" 2>"$T/t.err"
check "tabari suite exit" test $? = 0
# TABARI's coding rules (tabari-coding): comma clauses, stems, %, dominant codes, CODE BY.
check "tabari suite summary" has "$T/t" "^56 passed, 0 failed, 14 skipped$"

# PETRARCH-2: verb combinations, transformations, the later of two equal patterns.
"$DYAD" validate "$F/y_petrarch2.records.xml" >"$T/p2" 2>"$T/p2.err"
check "petrarch2 nesting suite" has "$T/p2" "^23 passed, 0 failed$"

# A failing record is listed with its id, category, expected and produced events; exit 1.
"$DYAD" validate --verbs "$F/y_tabari.verbs" "$F/y_petrarch.records.xml" >"$T/f" 2>/dev/null
check "failing suite exit" test $? = 1
check "failing record line" has "$T/f" "^BASIC-01 BASIC: expected FRD/SYL/064; produced (none)$"

# Untranslatable lines: file:line: message, and the rest still loads.
"$DYAD" validate --verbs "$F/n_bad.verbs.txt" "$F/y_petrarch.records.xml" >/dev/null 2>"$T/bad"
check "bad verb diagnostic" has "$T/bad" "^$F/n_bad.verbs.txt:7: bad event code 'abc'$"

# Usage errors and missing suites.
"$DYAD" validate >/dev/null 2>&1
check "no file is a usage error" test $? = 2
"$DYAD" validate "$F/no-such.xml" >/dev/null 2>&1
check "missing suite" test $? = 3

# dyad code with foreign dictionaries, given one by one or by a PETRARCH config.
printf 'date 2020-01-01\nSylvania visited Freedonia on Monday.\n' >"$T/a.txt"
"$DYAD" code -q --config "$F/y_petrarch.ini" -f tsv "$T/a.txt" >"$T/c" 2>"$T/c.err"
check "code --config exit" test $? = 0
check "code --config paired event" has "$T/c" "	FRD	SYL	033	"
"$DYAD" code -q --verbs "$F/y_tabari.verbs" --actors "$F/y_tabari.actors,$F/y_petrarch.actors.txt" \
	--agents "$F/y_tabari.agents" -f tsv "$T/a.txt" >"$T/c2" 2>"$T/c2.err"
check "code --verbs --actors list" test $? = 0
"$DYAD" code --verbs >/dev/null 2>&1
check "code --verbs without a value" test $? = 2

# --dialect: whose rules apply. A TABARI verbs file codes by TABARI's rules (the source of
# the reported verb is the first actor of the clause); read as PETRARCH-1's format the
# same file codes the statement instead.
printf 'date 2024-01-01\nFreedonia said Sylvania accused Grand Fenwick.\n' >"$T/d.txt"
for d in auto tabari petrarch1; do
	"$DYAD" code -q --dialect $d --verbs "$F/y_tabari.verbs" --actors "$F/y_tabari.actors" -f tsv \
		"$T/d.txt" >"$T/d.$d" 2>/dev/null
done
check "dialect auto: TABARI by the file name" has "$T/d.auto" "	FRD	GFW	112	"
check "dialect tabari" has "$T/d.tabari" "	FRD	GFW	112	"
check "dialect petrarch1" has "$T/d.petrarch1" "	FRD	SYL	023	"
# A sentence after one whose comma clauses PETRARCH-1 drops keeps its own tokens and span
# (under ASan this read past the shortened copy of the sentence before).
printf 'date 2020-01-06\nFreedonia restored ties, after a long dispute, with Sylvania on Monday. Marxland denounced Freedonia.\n' >"$T/p1.txt"
"$DYAD" code -q --dialect petrarch1 --verbs "$F/y_petrarch1.verbs.txt" --actors "$F/y_petrarch1.actors.txt" \
	-f tsv "$T/p1.txt" >"$T/p1.out" 2>&1
check "petrarch1: the sentence after dropped clauses" has "$T/p1.out" "	MRX	FRD	122	"
check "petrarch1: its span" has "$T/p1.out" "	72	101	"
"$DYAD" code --dialect klingon --verbs "$F/y_tabari.verbs" "$T/d.txt" >/dev/null 2>"$T/d.err"
check "unknown dialect: exit 2" test $? = 2
check "unknown dialect: message" has "$T/d.err" "unknown dialect 'klingon'"

echo "compat: $pass passed, $fail failed"
[ "$fail" = 0 ]
