#!/bin/sh
# cli.sh - tests of the dyad command: inputs, outputs, errors and exit statuses.
# Run from the repository root with DYAD set to the binary (make check does this).
. tests/lib/harness.sh
EX=examples/raisi-mbs-2023-11-14.txt

event() { printf '"source":"%s","target":"%s","code":"%s"' "$1" "$2" "$3"; }

# --version and --help
"$DYAD" --version >"$T/v"
check "version" has "$T/v" "^dyad [0-9]"
"$DYAD" --help >"$T/h"
check "help" has "$T/h" "usage: dyad code"

# The bundled example: the events the article is about.
"$DYAD" code "$EX" >"$T/ex.jsonl" 2>"$T/ex.err"
check "example exit status" test $? -eq 0
check "example: IRNGOV-SAUGOV telephone talks" has "$T/ex.jsonl" "$(event IRNGOV SAUGOV 041)"
check "example: SAUGOV-IRNGOV telephone talks" has "$T/ex.jsonl" "$(event SAUGOV IRNGOV 041)"
check "example: Israel strikes Gaza (root 19)" has "$T/ex.jsonl" '"source":"ISR[A-Z]*","target":"PSE[A-Z]*","code":"19'
check "example: China mediates (root 04)" has "$T/ex.jsonl" '"source":"CHN[A-Z]*","target":"\(SAU\|IRN\)[A-Z]*","code":"04'
check "example: USAGOV consults SAUGOV" has "$T/ex.jsonl" '"source":"USAGOV","target":"SAUGOV","code":"04'
check "example: every event dated" test "$(grep -c '"date":"2023-11-14"' "$T/ex.jsonl")" -eq "$(wc -l <"$T/ex.jsonl")"
check "example: nothing on stderr" test ! -s "$T/ex.err"
"$DYAD" code --explain "$EX" >"$T/explain"
check "explain: FAQ heading not coded" hasnt "$T/explain" '"FAQ"'
check "explain: actors listed" has "$T/explain" 'actor "Iranian President Ebrahim Raisi" -> IRNGOV'

# Dated roles: after his term Raisi is not the government.
sed 's/date 2023-11-14/date 2026-01-01/' "$EX" >"$T/late.txt"
"$DYAD" code "$T/late.txt" >"$T/late.jsonl"
check "late date: Raisi not IRNGOV" hasnt "$T/late.jsonl" '"IRNGOV"'
check "late date: Raisi a former official" has "$T/late.jsonl" "$(event IRNELI SAUGOV 041)"

# Deterministic output.
"$DYAD" code "$EX" >"$T/ex2.jsonl"
check "deterministic" cmp -s "$T/ex.jsonl" "$T/ex2.jsonl"

# TSV: a header and one row per event.
"$DYAD" code -f tsv "$EX" >"$T/ex.tsv"
check "tsv header" has "$T/ex.tsv" "^doc	date	sentence	field	source	target	code"
check "tsv rows" test "$(($(wc -l <"$T/ex.tsv") - 1))" -eq "$(wc -l <"$T/ex.jsonl")"

# gzip, directories and standard input give the same events.
gzip -c "$EX" >"$T/ex.txt.gz"
"$DYAD" code "$T/ex.txt.gz" | sed 's/"doc":"[^"]*"//' >"$T/gz"
sed 's/"doc":"[^"]*"//' "$T/ex.jsonl" >"$T/plain"
check "gzip input" cmp -s "$T/gz" "$T/plain"
"$DYAD" code - <"$EX" | sed 's/"doc":"[^"]*"//' >"$T/stdin"
check "stdin input" cmp -s "$T/stdin" "$T/plain"
mkdir -p "$T/dir/sub"
cp "$EX" "$T/dir/sub/b.txt"
cp "$EX" "$T/dir/a.txt"
"$DYAD" code "$T/dir" >"$T/dir.jsonl"
check "directory walk order" test "$(grep -o '"doc":"[^"]*"' "$T/dir.jsonl" | uniq | tr '\n' ' ')" = "\"doc\":\"$T/dir/a.txt\" \"doc\":\"$T/dir/sub/b.txt\" "

# JSON Lines with bad records: reported with file and line, the rest coded, exit 1.
cat >"$T/in.jsonl" <<'JSON'
{"id":"a","date":"2023-11-14","text":"Israel launched air strikes on Gaza."}
{"id":"b","date":"2023-13-01","text":"Israel launched air strikes on Gaza."}
{"id":"c","date":"2023-11-14","text":"Israel launched air strikes on Gaza."
{"id":"d","date":"2023-11-14T08:00:00Z","title":"Iran and Saudi Arabia restore ties","text":"Israel launched air strikes on Gaza."}
JSON
"$DYAD" code "$T/in.jsonl" >"$T/in.out" 2>"$T/in.err"
check "bad records: exit 1" test $? -eq 1
check "bad records: bad date named" has "$T/in.err" "in.jsonl:2"
check "bad records: bad JSON named" has "$T/in.err" "in.jsonl:3"
check "bad records: good ones coded" test "$(grep -c '"code":"19' "$T/in.out")" -eq 2
check "bad records: count" has "$T/in.err" "2 records rejected"

# Plain files without a date: rejected, unless --date gives one.
printf 'Israel launched air strikes on Gaza.\n' >"$T/nodate.txt"
"$DYAD" code "$T/nodate.txt" >/dev/null 2>"$T/nd.err"
check "no date: exit 1" test $? -eq 1
check "no date: message" has "$T/nd.err" "nodate.txt"
"$DYAD" code --date 2023-11-14 "$T/nodate.txt" >"$T/nd.out"
check "--date" has "$T/nd.out" '"date":"2023-11-14"'

# Usage and dictionary errors.
"$DYAD" code --bogus "$EX" >/dev/null 2>"$T/u.err"
check "unknown option: exit 2" test $? -eq 2
check "unknown option: named" has "$T/u.err" "unknown option '--bogus'"
for cmd in code faq; do
	"$DYAD" $cmd --date 2023-13-01 "$EX" >/dev/null 2>"$T/bd.err"
	check "$cmd: bad --date: exit 2" test $? -eq 2
	check "$cmd: bad --date: message" has "$T/bd.err" "--date wants YYYY-MM-DD, not '2023-13-01'"
	"$DYAD" $cmd "$EX" -i >/dev/null 2>&1
	check "$cmd: a path, then options: the option is a path" test $? -eq 1
	"$DYAD" $cmd -i >/dev/null 2>"$T/nv.err"
	check "$cmd: option without its value" has "$T/nv.err" "-i needs a value"
	"$DYAD" $cmd -f xml "$EX" >/dev/null 2>"$T/fx.err"
	check "$cmd: unknown output format" has "$T/fx.err" "unknown output format 'xml'"
done
"$DYAD" code --dict "$T/missing" "$EX" >/dev/null 2>"$T/d.err"
check "missing dictionary: exit 3" test $? -eq 3
mkdir -p "$T/baddict"
printf 'code 01 0 - Statement\nverb 999 ATTACK\n' >"$T/baddict/x.txt"
"$DYAD" code --dict "$T/baddict" "$EX" >/dev/null 2>"$T/bd.err"
check "bad dictionary: exit 3" test $? -eq 3
check "bad dictionary: file:line" has "$T/bd.err" "baddict/x.txt:2: unknown CAMEO code '999'"
printf 'code 01 0 - Statement\ntabari-coding\nno-nested-events yes\n' >"$T/baddict/x.txt"
"$DYAD" code --dict "$T/baddict" "$EX" >/dev/null 2>"$T/bs.err"
check "bad switch keyword: file:line" has "$T/bs.err" "baddict/x.txt:3: no-nested-events takes nothing after it"
check "good switch keyword: no error" hasnt "$T/bs.err" "x.txt:2:"
"$DYAD" dict check >"$T/check.out"
check "dict check on the defaults" has "$T/check.out" "^ok:"
mkdir -p "$T/dupdict"
printf 'code 19 -10 ASSAULT Fight\ncode 190 -10 ASSAULT Attack\nverb 190 ATTACK\nverb 190 ATTACK\ncountry IRN Iran\ncountry IRQ Iraq; Iran\n' >"$T/dupdict/d.txt"
"$DYAD" dict check "$T/dupdict" >"$T/dup.out"
check "dict check: findings exit 1" test $? -eq 1
check "dict check: duplicate pattern" has "$T/dup.out" "dupdict/d.txt:4: duplicate pattern 'ATTACK': already pattern 'ATTACK' (190, .*d.txt:3)"
printf 'code 19 -10.0 ASSAULT Fight\nset A a1; a2; a3; a4; a5; a6; a7\nverb 19 &A &A &A &A * ATTACK\n' >"$T/bigdict.txt"
mkdir -p "$T/bigdict" && mv "$T/bigdict.txt" "$T/bigdict/d.txt"
"$DYAD" dict check "$T/bigdict" >"$T/big.out"
check "dict check: too many combinations" has "$T/big.out" "d.txt:3: pattern '&A &A &A &A \* ATTACK' has more than 256 combinations"
check "dict check: conflicting phrase" has "$T/dup.out" "dupdict/d.txt:6: conflicting phrase 'Iran': already Iran (.*d.txt:5), this one is ignored"
"$DYAD" dict lookup Ebrahim Raisi --date 2022-01-01 >"$T/lk1"
check "dict lookup: dated role" has "$T/lk1" 'actor "Ebrahim Raisi" -> IRNGOV (dict/people.txt:'
"$DYAD" dict lookup Ebrahim Raisi --date 2025-01-01 >"$T/lk2"
check "dict lookup: former official" has "$T/lk2" '-> IRNELI'
"$DYAD" dict stats >"$T/stats"
check "dict stats: per file" has "$T/stats" "^dict/people.txt "
check "dict stats: per root" has "$T/stats" "^19 "

# Pathological inputs finish (linear time): a 1 MB sentence without a period, and 50,000
# event matches in one document.
{ printf 'date 2023-11-14 '; yes 'Israel and Iran attacked Gaza and Syria and' | head -c 1000000 | tr '\n' ' '; } >"$T/big.txt"
timeout 60 "$DYAD" code "$T/big.txt" >"$T/big.out"
check "1 MB sentence" test $? -eq 0
{ printf 'date 2023-11-14 '; yes 'Israel bombed Gaza.' | head -n 50000 | tr '\n' ' '; } >"$T/many.txt"
timeout 60 "$DYAD" code "$T/many.txt" >"$T/many.out"
check "50,000 matches" test $? -eq 0

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
