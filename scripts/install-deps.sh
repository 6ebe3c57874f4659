#!/bin/sh
# install-deps.sh - installs the Debian packages dyad needs to build and test (idempotent).
# As root it installs what is missing; otherwise it prints the command to run.
# --fuzz adds clang and its sanitizer runtime for `make fuzz`.
set -eu
PKGS="gcc make pkg-config libc6-dev zlib1g-dev libcjson-dev libutf8proc-dev libxml2-dev libcmocka-dev gzip libgeonames0 libglib2.0-bin"
if [ "${1:-}" = --fuzz ]; then
	PKGS="$PKGS clang libclang-rt-14-dev"
fi
missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing
else
	echo "dyad needs these Debian packages:$missing"
	echo "run as root: apt-get install$missing"
	exit 1
fi
