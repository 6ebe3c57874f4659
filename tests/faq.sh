#!/bin/sh
# faq.sh - tests of `dyad faq`: the seed article's answers, relative dates, durations,
# "not stated", the JSON Lines shape and exit statuses. Run with DYAD set to the binary.
. tests/lib/harness.sh
EX=examples/raisi-mbs-2023-11-14.txt
# after FILE QUESTION PATTERN: the line after the question's line (its answer) matches
answer() { grep -A0 -- "^\*\*$2" "$1" | grep -q -- "$3"; }

# The seed article (Markdown).
"$DYAD" faq "$EX" >"$T/md" 2>"$T/err"
check "seed: exit status" test $? -eq 0
check "seed: nothing on stderr" test ! -s "$T/err"
check "seed: who Raisi" answer "$T/md" "Who?" "Ebrahim Raisi (IRNGOV)"
check "seed: who Mohammed bin Salman" answer "$T/md" "Who?" "Mohammed bin Salman (SAUGOV)"
check "seed: what telephone conversation" answer "$T/md" "What?" "telephone conversation (CAMEO 041"
check "seed: when the article date" answer "$T/md" "When?" "2023-11-14"
check "seed: topic" answer "$T/md" "What was the telephone conversation about?" "Palestinian-Israeli conflict"
check "seed: mediator" answer "$T/md" "Who mediated the resumption of ties between Saudi Arabia and Iran?" "China (CHN)"
check "seed: US wants (question)" has "$T/md" "^\*\*What does the United States want?\*\*"
check "seed: US wants Hamas to cease" answer "$T/md" "What does the United States want?" "Hamas to cease its attacks"
check "seed: US wants hostages released" answer "$T/md" "What does the United States want?" "release of hostages"
check "seed: US wants Hezbollah and Iran out" answer "$T/md" "What does the United States want?" "prevent Hezbollah and Iran"
check "seed: how by telephone" answer "$T/md" "How?" "telephone conversation"
check "seed: why cites the attack" answer "$T/md" "Why?" "following a prominent attack by Palestinian Hamas militants"
check "seed: where the strikes fell" answer "$T/md" "Where?" "Gaza Strip (PSE"
check "seed: duration kept apart" answer "$T/md" "For how long?" "seven years of animosity (a duration, P7Y)"
check "seed: every answer cites its sentence" test "$(grep -c '^> ' "$T/md")" -ge 8

# JSON Lines: one object per article with the documented keys.
"$DYAD" faq --format jsonl "$EX" >"$T/j"
check "jsonl: one line" test "$(wc -l <"$T/j")" -eq 1
check "jsonl: doc and date" has "$T/j" '^{"doc":"examples/raisi-mbs-2023-11-14.txt","date":"2023-11-14"'
for q in who what when where why how; do
	check "jsonl: answers.$q" has "$T/j" "\"$q\":\["
done
check "jsonl: questions" has "$T/j" '"questions":\[{"question":"'
check "jsonl: who code" has "$T/j" '"who":\[{"text":"Iranian President Ebrahim Raisi","evidence":"In a groundbreaking'
check "jsonl: what code" has "$T/j" '"what":\[{"text":"engaged in a historic telephone conversation".*"code":"041","event":"Discuss by telephone"'
check "jsonl: where country" has "$T/j" '"country":"PSE"'
check "jsonl: evidence, sentence, start, end" has "$T/j" '"evidence":"[^"]*","field":"text","sentence":[0-9]*,"start":[0-9]*,"end":[0-9]*'
check "jsonl: mediator" has "$T/j" '"question":"Who mediated the resumption of ties between Saudi Arabia and Iran?","answers":\[{"text":"China"'
check "jsonl: durations" has "$T/j" '"durations":\[{"text":"seven years of animosity".*"duration":"P7Y"'

# Relative dates against 2023-11-14 (a Tuesday).
when() { # when NAME SENTENCE DATE: the top "when" answer resolves to DATE
	printf 'date 2023-11-14\n%s\n' "$2" >"$T/w.txt"
	"$DYAD" faq -f jsonl "$T/w.txt" >"$T/w.jsonl"
	check "when: $1" has "$T/w.jsonl" "\"when\":\[{\"text\":\"[^\"]*\",\"evidence\":\"[^\"]*\",\"field\":\"text\",\"sentence\":[0-9]*,\"start\":[0-9]*,\"end\":[0-9]*,\"date\":\"$3\""
}
when "yesterday" "Iran and Saudi Arabia held talks yesterday." 2023-11-13
when "on Monday" "Iran and Saudi Arabia held talks on Monday." 2023-11-13
when "on Tuesday (the article's day)" "Iran and Saudi Arabia held talks on Tuesday." 2023-11-14
when "last week" "Iran and Saudi Arabia held talks last week." 2023-11-06
when "in March" "Iran and Saudi Arabia restored ties in March." 2023-03-01
when "in December (last year)" "Iran and Saudi Arabia held talks in December." 2022-12-01
when "Nov. 10" "Iran and Saudi Arabia held talks on Nov. 10." 2023-11-10
when "explicit date" "Iran and Saudi Arabia held talks on March 10, 2023." 2023-03-10
when "three days ago" "Iran and Saudi Arabia held talks three days ago." 2023-11-11
when "a time and its day are one answer" "Iran and Saudi Arabia met at 11am local time on Sunday." 2023-11-12
check "when: merged text" has "$T/w.jsonl" '"when":\[{"text":"at 11am local time on Sunday"'
when "USA TODAY is a paper, not a day" "Iran and Saudi Arabia met on Friday, USA TODAY reported." 2023-11-10
printf 'date 2023-11-14\nIran and Saudi Arabia held talks for three days.\n' >"$T/d.txt"
"$DYAD" faq -f jsonl "$T/d.txt" >"$T/d.jsonl"
check "duration: not a date" has "$T/d.jsonl" '"durations":\[{"text":"for three days".*"duration":"P3D"'
check "duration: when not stated in the text" has "$T/d.jsonl" '"when":\[{"text":"the article date".*"rule":"not stated in the text'

# Not stated.
printf 'date 2023-11-14\nIran criticised Saudi Arabia.\n' >"$T/n.txt"
"$DYAD" faq "$T/n.txt" >"$T/n.md"
check "not stated: where" has "$T/n.md" '^\*\*Where?\*\* Not stated\.'
check "not stated: why" has "$T/n.md" '^\*\*Why?\*\* Not stated\.'
check "not stated: when" has "$T/n.md" '^\*\*When?\*\* Not stated in the text; the article is dated 2023-11-14\.'
"$DYAD" faq -f jsonl "$T/n.txt" >"$T/n.jsonl"
check "not stated: empty lists" has "$T/n.jsonl" '"where":\[\],"why":\[\]'

# Where: a surname is not a place; a dateline is.
printf 'date 2016-11-07\nHillary Clinton spoke to supporters. Clinton said the polls were close.\n' >"$T/s.txt"
"$DYAD" faq -f jsonl "$T/s.txt" >"$T/s.jsonl"
check "where: a surname is not a place" has "$T/s.jsonl" '"where":\[\]'
printf 'date 2016-11-07\nLONDON (Reuters) - Prices rose on Monday, traders in Paris said.\n' >"$T/dl.txt"
"$DYAD" faq -f jsonl "$T/dl.txt" >"$T/dl.jsonl"
check "where: the dateline first" has "$T/dl.jsonl" '"where":\[{"text":"LONDON".*"country":"GBR"'

# Where: a gazetteer city with its country and coordinates.
printf 'date 2016-11-09\nSeveral people died after a tram overturned in Croydon.\n' >"$T/c.txt"
"$DYAD" faq -f jsonl "$T/c.txt" >"$T/c.jsonl"
check "where: Croydon, GBR" has "$T/c.jsonl" '"where":\[{"text":"Croydon".*"country":"GBR","lat":51\.[0-9]*,"lon":-0\.[0-9]*'

# Title (JSON Lines input) counts as text.
printf '{"id":"t1","date":"2023-11-14","title":"Iran and Saudi Arabia hold talks in Riyadh","text":"No more was said."}\n' >"$T/t.jsonl"
"$DYAD" faq -f jsonl "$T/t.jsonl" >"$T/t.out"
check "title: where from the title" has "$T/t.out" '"where":\[{"text":"Riyadh","evidence":"Iran and Saudi Arabia hold talks in Riyadh","field":"title"'

# Errors and exit statuses, as for dyad code.
printf 'no date here\n' >"$T/bad.txt"
"$DYAD" faq "$T/bad.txt" "$EX" >"$T/b.md" 2>"$T/b.err"
check "bad record: exit 1" test $? -eq 1
check "bad record: the rest answered" has "$T/b.md" "^## FAQ: examples/raisi"
check "bad record: reported" has "$T/b.err" "bad.txt"
"$DYAD" faq --format xml "$EX" >/dev/null 2>&1
check "bad format: exit 2" test $? -eq 2
"$DYAD" faq --dict "$T/none" "$EX" >/dev/null 2>&1
check "bad dictionary: exit 3" test $? -eq 3
"$DYAD" --help >"$T/h"
check "help lists faq" has "$T/h" "dyad faq"

echo "faq: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
