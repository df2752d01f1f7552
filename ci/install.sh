#!/usr/bin/env bash
# Installs a prebuilt valmis release for the runner's OS and architecture: downloads the archive
# and SHA256SUMS of the release, refuses the archive unless its SHA-256 is the one SHA256SUMS
# gives, and keeps the binary in the tool cache, so that a later job on the same runner reuses it.
# Used by action.yml (`version:` input); tested offline by tests/install.rs against a release
# served on loopback.
#
# Environment:
#   VALMIS_VERSION        the release, `0.2.0` or `v0.2.0` (required)
#   VALMIS_RELEASES_URL   where releases are downloaded from (default: this repository's GitHub
#                         releases); a release's files are at $VALMIS_RELEASES_URL/v<version>/
#   RUNNER_OS, RUNNER_ARCH   as GitHub sets them (Linux, macOS, Windows; X64, ARM64)
#   RUNNER_TOOL_CACHE     the cache folder (default: $RUNNER_TEMP/tool-cache)
#   GITHUB_PATH           the binary's folder is appended to it (when set)
# Prints the binary's path on its last line.
set -euo pipefail

fail() {
    echo "valmis install: $*" >&2
    exit 1
}

version="${VALMIS_VERSION:-}"
version="${version#v}"
[ -n "$version" ] || fail "no version given (the action's \`version\` input: a release such as 0.2.0, or \`source\`)"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] \
    || fail "\`$version\` is not a release version (such as 0.2.0); use \`source\` to build from source"
releases="${VALMIS_RELEASES_URL:-https://github.com/valmis-dev/valmis/releases/download}"
releases="${releases%/}"

case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) target=x86_64-unknown-linux-musl ;;
    Linux/ARM64) target=aarch64-unknown-linux-musl ;;
    macOS/X64) target=x86_64-apple-darwin ;;
    macOS/ARM64) target=aarch64-apple-darwin ;;
    Windows/X64) target=x86_64-pc-windows-msvc ;;
    *) fail "no prebuilt valmis for ${RUNNER_OS:-an unknown OS} on ${RUNNER_ARCH:-an unknown architecture}; use \`version: source\` to build it" ;;
esac
if [ "$target" = x86_64-pc-windows-msvc ]; then
    archive="valmis-v$version-$target.zip"
    binary=valmis.exe
else
    archive="valmis-v$version-$target.tar.gz"
    binary=valmis
fi

cache="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}/tool-cache}/valmis/$version/$target"
if [ -x "$cache/$binary" ] && [ -f "$cache/.verified" ]; then
    echo "valmis $version ($target) from the tool cache" >&2
else
    work="$(mktemp -d "${RUNNER_TEMP:-/tmp}/valmis-install.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    fetch() {
        # --fail: an HTTP error is an error, not a file holding the error page.
        curl --fail --silent --show-error --location --retry 3 --retry-delay 1 --proto '=https,http' \
            --output "$work/$1" "$releases/v$version/$1"
    }
    fetch SHA256SUMS 2>"$work/error" \
        || fail "valmis $version has no release at $releases/v$version/ (SHA256SUMS: $(tr '\n' ' ' <"$work/error")); check the version"
    fetch "$archive" 2>"$work/error" \
        || fail "the release valmis $version has no $archive ($(tr '\n' ' ' <"$work/error"))"
    expected="$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")"
    [ -n "$expected" ] || fail "SHA256SUMS of valmis $version does not list $archive; refusing to run it"
    if command -v sha256sum >/dev/null; then
        actual="$(sha256sum "$work/$archive" | awk '{ print $1 }')"
    else
        actual="$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')"
    fi
    [ "$actual" = "$expected" ] \
        || fail "$archive does not match SHA256SUMS (expected $expected, got $actual): the download is damaged or tampered with; refusing to run it"
    mkdir -p "$work/unpacked"
    # bsdtar (macOS, Windows) and GNU tar read .tar.gz; a .zip is for Windows, whose tar reads it.
    if [ "${archive%.zip}" != "$archive" ] && command -v unzip >/dev/null; then
        unzip -q "$work/$archive" -d "$work/unpacked"
    else
        tar -xf "$work/$archive" -C "$work/unpacked"
    fi
    found="$(find "$work/unpacked" -type f -name "$binary" -print -quit)"
    [ -n "$found" ] || fail "$archive holds no $binary"
    mkdir -p "$cache"
    cp "$found" "$cache/$binary"
    chmod 0755 "$cache/$binary"
    echo "$expected  $archive" >"$cache/.verified"
    echo "valmis $version ($target) installed, SHA-256 $expected" >&2
fi
if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$cache" >>"$GITHUB_PATH"
fi
echo "$cache/$binary"
