#!/bin/sh
# compat.sh - `make compat`: runs the TABARI and PETRARCH peer validation suites in
# ../shared (skipped when absent) with `dyad validate` and prints one table. These suites
# have expected failures, so this is not part of `make test`.
set -u
DYAD=${DYAD:-build/dyad}
S=${SHARED:-../shared}/anchors
P1=$S/petrarch2/petrarch1_schrodt/PETR.UnitTest.records.xml
TAB=$S/tabari/tabari-code/Validate.project
GSR=$S/petrarch2/derived/P2_GSR_constituency.xml
D=$S/petrarch2/petrarch2_repo/dictionaries
PROD="--verbs $D/CAMEO.2.0.txt --agents $D/Phoenix.agents.txt --discards $D/Phoenix.discards.txt
--actors $D/Phoenix.Countries.actors.txt,$D/Phoenix.International.actors.txt,$D/Phoenix.MilNonState.actors.txt"
OUT=${COMPAT_OUT:-build/compat}
mkdir -p "$OUT"

row() { # row NAME PEER FILE [OPTIONS...]: one line of the table
	name=$1
	peer=$2
	file=$3
	shift 3
	if [ ! -e "$file" ]; then
		printf '| %-44s | %-34s | %-27s |\n' "$name" "skipped (not in ../shared)" "$peer"
		return
	fi
	log=$OUT/$(basename "$file").txt
	# shellcheck disable=SC2086
	"$DYAD" validate "$@" "$file" >"$log" 2>"$log.err"
	sum=$(tail -n 1 "$log")
	printf '| %-44s | %-34s | %-27s |\n' "$name" "$sum" "$peer"
}

printf '| %-44s | %-34s | %-27s |\n' "suite" "dyad" "peer"
printf '|%s|%s|%s|\n' "----------------------------------------------" \
	"------------------------------------" "-----------------------------"
row "PETRARCH-1 unit tests (281 records)" "P1 276 of 276, P2 95 of 278" "$P1"
row "TABARI Validate.text (standard records)" "TABARI: all (its own suite)" "$TAB"
# shellcheck disable=SC2086
row "PETRARCH GSR, production dictionaries (48)" "PETRARCH2: 39 of 48" "$GSR" $PROD
if [ -e "$D/CAMEO.2.0.txt" ]; then
	printf '<Validation><Sentences></Sentences></Validation>\n' >"$OUT/empty.xml"
	t0=$(date +%s%N)
	# shellcheck disable=SC2086
	"$DYAD" validate -q $PROD "$OUT/empty.xml" >/dev/null 2>&1
	t1=$(date +%s%N)
	printf '\nLoading the PETRARCH production dictionaries: %s.%03d s\n' \
		$(((t1 - t0) / 1000000000)) $(((t1 - t0) / 1000000 % 1000))
fi
echo "Per-record failures: $OUT/*.txt"
