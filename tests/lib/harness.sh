# harness.sh - sourced by the shell tests of tests/*.sh: a scratch directory, counters and
# the checks they share. Each test ends with "NAME: $pass passed, $fail failed".
set -u
DYAD=${DYAD:-build/dyad}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $1"; }
check() { # check NAME COMMAND...: the command must succeed
	name=$1
	shift
	if "$@"; then ok; else no "$name"; fi
}
has() { grep -q -- "$2" "$1"; }
hasnt() { ! grep -q -- "$2" "$1"; }
