#!/usr/bin/env bash
# The image's binary run as the image runs it, on a machine with no container engine: a static
# valmis (the dist profile, as the release builds it) in an empty root directory, as distroless's
# non-root user 65532, with an empty environment, a read-only bundle and a folder it may write.
# The root holds nothing else: no /etc, /tmp, /proc, /dev, no libc, no shell, no certificates;
# it has less than `FROM scratch` plus the distroless base give.
#
# What it cannot show: the release's Linux binaries are musl builds, and this machine's toolchain
# has no musl target (it cannot be fetched here), so the binary checked is glibc's static-pie
# (`-C target-feature=+crt-static`): the same code, linked statically against another libc.
#
# Needs root (chroot). Run by .ci/run; by hand: sudo ci/scratch-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

target="$(rustc -vV | sed -n 's/^host: //p')"
case "$target" in
    *-linux-gnu) ;;
    *) echo "scratch-check: a Linux gnu host is needed (this one is $target)"; exit 1 ;;
esac
# A target directory of its own: RUSTFLAGS would otherwise rebuild the workspace's.
RUSTFLAGS="-C target-feature=+crt-static" CARGO_TARGET_DIR=target/static \
    cargo build --profile dist --locked --package valmis --target "$target"
binary="target/static/$target/dist/valmis"

# Static: no program interpreter (the dynamic loader) in its program headers.
if readelf --program-headers "$binary" | grep -q INTERP; then
    echo "scratch-check: $binary asks for a dynamic loader:"
    readelf --program-headers "$binary" | grep -A1 INTERP
    exit 1
fi

root="$(mktemp -d)"
chmod 0755 "$root"
trap 'chmod -R u+w "$root"; rm -rf "$root"' EXIT
mkdir -p "$root/usr/local/bin" "$root/bundle" "$root/reports"
cp "$binary" "$root/usr/local/bin/valmis"
cp -R fixtures/bundles/ready/. "$root/bundle/"
chmod -R a-w "$root/bundle"
chown 65532:65532 "$root/reports"
run() { env -i /usr/sbin/chroot --userspec=65532:65532 "$root" /usr/local/bin/valmis "$@"; }

version="$(run --version)"
echo "$version"
[[ "$version" =~ ^valmis\ [0-9]+\.[0-9]+\.[0-9]+\ \([0-9a-f]+\)\ rounds\ [0-9]{4}-[0-9]+ ]] \
    || { echo "scratch-check: unexpected --version: $version"; exit 1; }

# The ready bundle passes (exit 0) and the report lands in the writable folder; a failing twin
# fails (exit 1): the binary judges, it does not only start.
run verify /bundle --now 2026-11-23T12:00:00Z --quiet --junit /reports/junit.xml
grep -q '<testsuites' "$root/reports/junit.xml"
rm -f "$root/reports/junit.xml"
chmod -R u+w "$root/bundle"
rm -rf "$root/bundle" && mkdir "$root/bundle"
cp -R fixtures/bundles/bundle-org-check-digit/. "$root/bundle/"
status=0
run verify /bundle --now 2026-11-23T12:00:00Z --quiet --junit /reports/junit.xml || status=$?
[ "$status" -eq 1 ] || { echo "scratch-check: a failing bundle exited $status, not 1"; exit 1; }
grep -q '<failure' "$root/reports/junit.xml"
echo "scratch-check: the static binary ran alone as user 65532 (ready: 0, failing: 1)"
