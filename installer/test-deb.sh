#!/usr/bin/env bash
# Builds the .deb, installs it with dpkg, uses the installed program as a user would, then removes it and
# checks that the user's own files survived. Needs root (or sudo), Xvfb and xdotool (.ci/install).
#
#     installer/test-deb.sh
#
# Environment:
#   SIGHTLINE_SKIP_MAVEN=1   package what app/target already holds (after `mvn package` or `.ci/test`)
#   SIGHTLINE_DEB=path.deb   test this package instead of building one
#   SIGHTLINE_KEEP_DEB=1     leave the package installed at the end
# The package is built with the fastest gzip here; the jars inside are compressed already.
set -euo pipefail

installer="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$installer/.." && pwd)"
sample="$installer/test/sample-text.png"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

work="$(mktemp -d)"
xvfb_pid=""
app_pid=""
# The app runs under a subshell and the launcher script: end the whole tree, not only the subshell.
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
cleanup() {
  [ -n "$app_pid" ] && kill_tree "$app_pid" || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

started=$SECONDS
phase_start=$SECONDS
phase() { echo "test-deb: $1 ($((SECONDS - phase_start)) s)"; phase_start=$SECONDS; }
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }

# 1. Build (or take the package given in SIGHTLINE_DEB).
if [ -n "${SIGHTLINE_DEB:-}" ]; then
  deb="$SIGHTLINE_DEB"
else
  DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-1}" \
    "$installer/build-deb.sh" >"$work/deb-path"
  deb="$(tail -n 1 "$work/deb-path")"
fi
[ -f "$deb" ] || fail "build-deb.sh made no package"
phase "built $(basename "$deb"), $(du -h "$deb" | cut -f1)"

# 2. Install. A user's files from an earlier version must survive install and removal alike.
home="$work/home"
mkdir -p "$home/.config/sightline" "$home/.local/share/sightline" "$home/.cache/sightline/models/ppocr-v4"
# Settings from before the first-run setup existed: it has not run for this user, so it opens once.
echo '{"language": "en", "keepHistory": true}' >"$home/.config/sightline/settings.json"
echo 'what colour is the car?' >"$home/.local/share/sightline/history.txt"
echo 'weights' >"$home/.cache/sightline/models/ppocr-v4/det.onnx"
(cd "$home" && find . -type f | sort) >"$work/user-files-before"

if ! $SUDO dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
  # Only when a dependency is missing: let apt bring it, then configure.
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends >>"$work/dpkg.log" 2>&1 \
    || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
fi
dpkg-query -W -f='${Status}' sightline | grep -q "install ok installed" || { cat "$work/dpkg.log" >&2; fail "not installed"; }
[ "$(readlink -f /usr/bin/sightline)" = /opt/sightline/bin/sightline ] || fail "/usr/bin/sightline does not lead to the launcher"
[ -f /usr/share/applications/sightline-sightline.desktop ] || fail "no menu entry in /usr/share/applications"
phase "installed, $(dpkg-query -W -f='${Installed-Size}' sightline) KiB"

# Everything below runs as a user would: from PATH, with the user's own home folder.
as_user() { env -u JAVA_HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME HOME="$home" "$@"; }

# 3. The command line.
version="$(cd "$work" && as_user sightline --version)" || fail "sightline --version exited with $?"
# The first line by the shell alone: with pipefail, "echo | head | grep -q" fails whenever grep's early exit
# cuts a writer off with SIGPIPE, which made this check fail on a right answer now and then.
[[ "${version%%$'\n'*}" == "Sightline "* ]] || fail "unexpected --version output: $version"
help="$(cd "$work" && as_user sightline --help)" || fail "sightline --help exited with $?"
[[ "$help" == *"Usage: sightline"* ]] || fail "sightline --help"
phase "sightline --version: $(echo "$version" | head -n 1)"
# The Orca keys are there to turn on, and turning them on writes the user's Orca customisations.
as_user python3 /opt/sightline/lib/app/companion/sightline_orca.py --install | grep -q "Restart Orca" \
  || fail "the Orca keys cannot be turned on"
grep -q "sightline_orca.enable()" "$home/.local/share/orca/orca-customizations.py" || fail "no Orca customisation"
as_user python3 /opt/sightline/lib/app/companion/sightline_orca.py --remove >/dev/null || fail "Orca keys --remove"
phase "the Orca keys turn on and off"

set +e
(cd "$work" && as_user sightline read "$sample") >"$work/read.out" 2>"$work/read.err"
read_rc=$?
set -e
# The OCR model ships inside the package: reading works offline on the first try.
[ "$read_rc" = 0 ] || fail "sightline read exited with $read_rc: $(cat "$work/read.err")"
grep -qi 'reads this line' "$work/read.out" || fail "sightline read printed: $(cat "$work/read.out")"
phase "sightline read: $(head -n 1 "$work/read.out")"

# 4. The desktop app on a virtual display: a window titled Sightline must appear.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

wait_for_window() { # title (extended regex, case-sensitive), seconds, pid to watch
  local deadline=$((SECONDS + $2)) w
  while [ $SECONDS -lt "$deadline" ]; do
    # xdotool matches names without regard to case, and toolkits name helper windows "sightline" too.
    for w in $(xdotool search --name "$1" 2>/dev/null); do
      xdotool getwindowname "$w" 2>/dev/null | grep -Eq "$1" && { echo "$w"; return 0; }
    done
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

show_state() { # what was on the display and what used the processors when a check failed
  echo "test-deb: windows on $DISPLAY:" >&2
  for w in $(xdotool search --name '.' 2>/dev/null); do echo "  $w '$(xdotool getwindowname "$w" 2>/dev/null)'" >&2; done
  echo "test-deb: busiest processes:" >&2
  ps -eo pid,pcpu,etimes,args --sort=-pcpu 2>/dev/null | head -n 8 | cut -c1-160 >&2
}

wait_for_line() { # extended regex, file, seconds, pid to watch
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt "$deadline" ]; do
    grep -Eq "$1" "$2" && return 0
    kill -0 "$4" 2>/dev/null || { grep -Eq "$1" "$2"; return; }
    sleep 0.5
  done
  return 1
}

# SIGHTLINE_ANNOUNCE_STDERR=1 writes every spoken line to stderr ("say[NOW]: ..."), so the checks hear it.
(cd "$work" && as_user SIGHTLINE_ANNOUNCE_STDERR=1 sightline) >"$work/app.out" 2>"$work/app.err" &
app_pid=$!
window="$(wait_for_window '^Sightline$' 40 "$app_pid")" || { cat "$work/app.err" >&2; fail "no Sightline window within 40 s"; }
wait_for_line '^say\[[A-Z]+\]: Sightline ready' "$work/app.err" 20 "$app_pid" \
  || { cat "$work/app.err" >&2; fail "the window did not say Sightline ready"; }
phase "desktop app: window $window titled '$(xdotool getwindowname "$window")', said Sightline ready"
# First start for this user: the setup opens by itself after "ready" and speaks its welcome.
setup="$(wait_for_window '^Sightline setup$' 40 "$app_pid")" || {
  cat "$work/app.err" >&2; show_state; fail "no setup window at the first start"; }
wait_for_line '^say\[NOW\]: Welcome to Sightline' "$work/app.err" 20 "$app_pid" \
  || { cat "$work/app.err" >&2; fail "the setup did not speak its welcome"; }
ready_line="$(grep -En '^say\[[A-Z]+\]: Sightline ready' "$work/app.err" | head -n 1 | cut -d: -f1)"
welcome_line="$(grep -En '^say\[NOW\]: Welcome to Sightline' "$work/app.err" | head -n 1 | cut -d: -f1)"
[ "$ready_line" -lt "$welcome_line" ] || fail "the setup spoke before Sightline ready"
kill_tree "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
phase "first start: setup window $setup opened after Sightline ready and spoke its welcome"

for _ in $(seq 20); do xdotool search --name '^Sightline' >/dev/null 2>&1 || break; sleep 0.5; done

# "Open with Sightline" runs `sightline %F`: the window opens with the image and answers about it
# (described, or the one sentence that says how to get the describing model).
(cd "$work" && as_user SIGHTLINE_ANNOUNCE_STDERR=1 sightline "$sample") >"$work/open.out" 2>"$work/open.err" &
app_pid=$!
wait_for_window '^Sightline$' 40 "$app_pid" >/dev/null || { cat "$work/open.err" >&2; fail "sightline IMAGE opened no window"; }
wait_for_line '^earcon: (DONE|ERROR)' "$work/open.err" 90 "$app_pid" \
  || { cat "$work/open.err" >&2; fail "sightline IMAGE gave no answer about the image"; }
! grep -q '^say\[NOW\]: Welcome to Sightline' "$work/open.err" || fail "the setup interrupted Open with"
answer="$(grep -E '^say\[NOW\]: ' "$work/open.err" | grep -v 'edit text' | tail -n 1)"
kill_tree "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
phase "sightline IMAGE: ${answer#say\[NOW\]: }"

# The packaged runtime draws the first-run setup and it speaks; driven by keys alone.
(cd "$work" && as_user /opt/sightline/lib/runtime/bin/java -Dprism.order=sw \
  -cp '/opt/sightline/lib/app/sightline.jar:/opt/sightline/lib/app/lib/*' org.sightline.app.firstrun.FirstRunPreview) \
  >"$work/setup.out" 2>"$work/setup.err" &
app_pid=$!
window="$(wait_for_window '^Sightline setup$' 40 "$app_pid")" || { cat "$work/setup.err" >&2; fail "no setup window"; }
xdotool windowfocus --sync "$window" 2>/dev/null || xdotool windowfocus "$window"
grep -q 'say NOW: Welcome to Sightline' "$work/setup.err" || { sleep 2; grep -q 'say NOW: Welcome to Sightline' "$work/setup.err"; } \
  || fail "the setup did not speak its welcome: $(cat "$work/setup.err")"
xdotool key Return
for _ in $(seq 20); do grep -q 'say NOW: Choose a voice' "$work/setup.err" && break; sleep 0.5; done
grep -q 'say NOW: Choose a voice' "$work/setup.err" || fail "Enter did not reach the voice page: $(cat "$work/setup.err")"
xdotool key Escape
sleep 0.5
xdotool key Escape
for _ in $(seq 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
grep -q 'setup SKIPPED' "$work/setup.err" || fail "Escape twice did not leave the setup: $(cat "$work/setup.err")"
wait "$app_pid" 2>/dev/null || true
app_pid=""
phase "first-run setup: window shown, welcome and voice page spoken, left with Escape twice"

# 5. Remove. The program goes; the user's settings, history and models stay.
if [ "${SIGHTLINE_KEEP_DEB:-0}" != 1 ]; then
  $SUDO dpkg -r sightline >"$work/dpkg-r.log" 2>&1 || { cat "$work/dpkg-r.log" >&2; fail "dpkg -r"; }
  [ ! -e /usr/bin/sightline ] || fail "/usr/bin/sightline is still there"
  [ ! -e /opt/sightline ] || fail "/opt/sightline is still there"
  [ ! -e /usr/share/applications/sightline-sightline.desktop ] || fail "the menu entry is still there"
  (cd "$home" && find . -type f | sort) >"$work/user-files-after"
  diff "$work/user-files-before" <(grep -Fx -f "$work/user-files-before" "$work/user-files-after") >/dev/null \
    || fail "removing the package lost user files: $(diff "$work/user-files-before" "$work/user-files-after")"
  phase "removed; the user's settings, history and models are still there"
fi

echo "test-deb: all passed in $((SECONDS - started)) s"
