#!/usr/bin/env bash
# Proves the README's two set-up commands on a fresh system: makes a minimal Debian 12 root with debootstrap,
# copies a fresh clone of this repository's HEAD into it, and there, as root without sudo (as in a new container):
#   1. runs the README's test command (read from README.md), which installs what the tests use and runs them;
#   2. runs `./sightline --version`, the start command's quick form;
#   3. installs more font packages, as a user's desktop has, and runs the tests that draw text again.
# Too slow for every CI run (about 10 minutes to set up, then the suite twice): run it whenever an install step
# or a dependency changes. Needs root (or sudo), debootstrap and the network to Debian and Maven Central.
#
#     installer/test-fresh.sh
#
# Environment:
#   SIGHTLINE_FRESH_KEEP=1       leave the root in place at the end (its path is printed)
#   SIGHTLINE_FRESH_MIRROR=URL   the Debian mirror (default http://deb.debian.org/debian)
# Only committed work is tested: the clone is made from HEAD.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
mirror="${SIGHTLINE_FRESH_MIRROR:-http://deb.debian.org/debian}"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
fail() { echo "test-fresh: FAILED: $*" >&2; exit 1; }
command -v debootstrap >/dev/null || fail "debootstrap is missing: apt-get install debootstrap"

# The README's test command: the indented line after the paragraph that introduces it.
test_command="$(awk '/^Run the whole test suite/ {found=1} found && /^    [^ ]/ {sub(/^    /, ""); print; exit}' \
  "$root/README.md")"
[ -n "$test_command" ] || fail "README.md has no test command after 'Run the whole test suite'"

work="$(mktemp -d /var/tmp/sightline-fresh.XXXXXX)"
target="$work/root"
mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do $SUDO umount -l "${mounted[$i]}" 2>/dev/null || true; done
  if [ "${SIGHTLINE_FRESH_KEEP:-0}" = 1 ]; then
    echo "test-fresh: the root stays in $target"
  else
    $SUDO rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT

started=$SECONDS
phase_start=$SECONDS
phase() { echo "test-fresh: $1 ($((SECONDS - phase_start)) s)"; phase_start=$SECONDS; }

# 1. A minimal Debian 12: what `debootstrap --variant=minbase` gives, plus the security and update suites.
$SUDO debootstrap --variant=minbase bookworm "$target" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap"; }
$SUDO tee "$target/etc/apt/sources.list" >/dev/null <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
$SUDO cp -L /etc/resolv.conf "$target/etc/resolv.conf"
# Certificate authorities this machine's administrator added (a company proxy that inspects TLS): a user's own
# machine on that network has them too. They take effect when the README's command installs ca-certificates.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  $SUDO mkdir -p "$target/usr/local/share/ca-certificates"
  $SUDO cp /usr/local/share/ca-certificates/*.crt "$target/usr/local/share/ca-certificates/"
  echo "test-fresh: carried this machine's added certificate authorities: $(cd /usr/local/share/ca-certificates && echo *.crt)"
fi
phase "made a minimal Debian 12 root in $target ($($SUDO du -sh --one-file-system "$target" | cut -f1))"

# The root is a mount point of its own, as a machine's root is: Java finds a file's store (free space before a
# download) through the mount table, which a chroot shows only below its root.
$SUDO mount --bind "$target" "$target"
mounted+=("$target")
for m in proc sys dev dev/pts; do
  $SUDO mount --bind "/$m" "$target/$m"
  mounted+=("$target/$m")
done
$SUDO mount -t tmpfs -o size=2g tmpfs "$target/dev/shm"
mounted+=("$target/dev/shm")
# X servers share one namespace for their abstract sockets: the root's tests must not pick a display number the
# host already uses, so its lock files are copied in (the tests and xvfb-run skip locked numbers).
for lock in /tmp/.X*-lock; do
  [ -e "$lock" ] && $SUDO cp "$lock" "$target/tmp/" || true
done

# 2. A fresh clone, as a new user gets it.
git clone -q --no-local "$root" "$work/sightline"
$SUDO cp -a "$work/sightline" "$target/root/sightline"
phase "cloned $(git -C "$root" rev-parse --short HEAD) into the root"

in_root() { # runs a command line in the root as root, with a clean environment
  $SUDO chroot "$target" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -c "cd /root/sightline && $1"
}

show_test_failures() { # the first lines of each failed test's report: the reason, not only the name
  in_root 'for f in */target/surefire-reports/*.txt; do
      grep -q "FAILURE\|ERROR" "$f" && grep -v "^\s*at " "$f" | head -n 25; done' 2>/dev/null | head -n 150 >&2 || true
}

# What a fresh root lacks that the commands use; reported, not installed (the README's command must do that).
missing_before="$(for c in java mvn sudo git Xvfb xvfb-run espeak-ng; do
  in_root "command -v $c >/dev/null" || printf '%s ' "$c"; done)"
echo "test-fresh: not in the fresh root before the README's command: ${missing_before:-nothing}"

# 3. The README's test command, as root without sudo.
if ! in_root "$test_command" >"$work/test.log" 2>&1; then
  grep -E 'Tests run:.*(Failures|Errors): [1-9]|FAIL|ERROR\]|command not found|Unable to locate|E: ' "$work/test.log" \
    | head -n 40 >&2 || true
  tail -n 30 "$work/test.log" >&2
  show_test_failures
  fail "'$test_command' in the fresh root (log above)"
fi
phase "'$test_command' passed: $(grep -Eo 'Tests run: [0-9]+, Failures: 0, Errors: 0, Skipped: [0-9]+$' \
  "$work/test.log" | awk '{n += $3; s += $9} END {print n " tests, " s " skipped"}')"

version="$(in_root "./sightline --version" 2>&1)" || fail "./sightline --version: $version"
echo "$version" | head -n 1 | grep -q '^Sightline ' || fail "unexpected ./sightline --version output: $version"
phase "./sightline --version: $(echo "$version" | head -n 1)"

# 4. More fonts, as on a user's desktop: the tests that draw text must draw the same pixels and pass.
extra_fonts=(fonts-dejavu-extra fonts-liberation2 fonts-noto-core fonts-freefont-ttf fonts-urw-base35 fonts-noto-mono)
in_root "apt-get install -y -qq --no-install-recommends ${extra_fonts[*]} && fc-cache -f" >"$work/fonts.log" 2>&1 \
  || { tail -n 20 "$work/fonts.log" >&2; fail "installing ${extra_fonts[*]}"; }
phase "installed ${extra_fonts[*]} ($(in_root 'fc-list | wc -l') font faces now)"
if ! in_root ".ci/test -o" >"$work/test-fonts.log" 2>&1; then
  grep -E 'Tests run:.*(Failures|Errors): [1-9]|FAIL' "$work/test-fonts.log" | head -n 40 >&2 || true
  tail -n 30 "$work/test-fonts.log" >&2
  show_test_failures
  fail "the tests with more fonts installed"
fi
phase "the whole suite passed again with the extra fonts"

echo "test-fresh: all passed in $((SECONDS - started)) s"
