#!/usr/bin/env bash
# Smoke test of a built GAN Studio Linux package. Builds nothing: run `mvn -Pinstaller package -DskipTests` first.
#
#   packaging/smoke-test.sh [PACKAGE]
#
# PACKAGE is a .deb (default: the newest target/installer/gan-studio_*.deb, looked for in the current folder,
# then in this script's checkout) or an app image folder
# (e.g. target/installer/image/gan-studio). The test:
#   1. installs the .deb into a scratch folder (dpkg-deb -x; nothing touches the system) and checks its files;
#   2. runs the installed launcher's `--self-test` with a fresh HOME inside a network namespace that has
#      no network at all (unshare -n): proves the engine, its native library and training work offline;
#   3. starts the studio (no arguments) under Xvfb, also without network, waits for the 'GAN Studio' window,
#      measures the time from launch to window, takes a screenshot and checks it is not blank.
# Prints PASS/FAIL for each check and a summary; exits 0 only if every check passed.
#
# Needs (Debian/Ubuntu; CI's .ci/run installs them):
#   apt-get install -y xvfb libgtk-3-0 fakeroot imagemagick xdotool
#   plus dpkg-deb (dpkg), unshare (util-linux), timeout (coreutils), which every Debian/Ubuntu has.
#   (fakeroot is for building the .deb, not for this test.) `unshare -n` needs root, as in CI; without root
#   the test tries an unprivileged user namespace (`unshare -r -n`).
#
# Environment (all optional):
#   SMOKE_OUT=target/smoke-test    where logs, the screenshot and the figures go
#   SELF_TEST_TIMEOUT=900          seconds for --self-test (first start unpacks the MXNet library, ~185 MB)
#   WINDOW_TIMEOUT=180             seconds to wait for the studio window
#   CONTENT_TIMEOUT=120            seconds to wait, once the window is there, for it to show something
#   SMOKE_KEEP=1                   keep the scratch install folder (printed) instead of deleting it
set -euo pipefail

# ---------------------------------------------------------------- the GUI phase (runs inside xvfb-run)
# Called by this script itself as: smoke-test.sh --gui-phase LAUNCHER HOME OUT NETNS_CMD...
if [[ "${1:-}" == "--gui-phase" ]]; then
    launcher="$2"; home="$3"; out="$4"; shift 4
    IM=(/usr/bin/convert); command -v magick >/dev/null && IM=(magick)   # /usr/local/bin/convert may be a stand-in
    netns=("$@")
    start_ns=$(date +%s%N)
    HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" "${netns[@]}" "$launcher" >"$out/studio.log" 2>&1 &
    app_pid=$!
    deadline=$(( $(date +%s) + ${WINDOW_TIMEOUT:-180} ))
    win=""
    while [[ -z "$win" ]]; do
        if ! kill -0 "$app_pid" 2>/dev/null; then
            wait "$app_pid" && rc=0 || rc=$?
            echo "studio exited (status $rc) before its window appeared" >"$out/gui-result.txt"
            exit 1
        fi
        if (( $(date +%s) > deadline )); then
            echo "no window named 'GAN Studio' within ${WINDOW_TIMEOUT:-180}s" >"$out/gui-result.txt"
            kill "$app_pid" 2>/dev/null || true
            exit 1
        fi
        win=$(xdotool search --onlyvisible --name 'GAN Studio' 2>/dev/null | head -n1 || true)
        [[ -n "$win" ]] || sleep 0.2
    done
    window_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    echo "$window_ms" >"$out/time-to-window-ms.txt"
    xdotool getwindowname "$win" >"$out/window-title.txt" 2>/dev/null || true
    # A mapped window may still be blank (the scene is still being built): wait until the window itself shows
    # content (grey std-dev above 0.02), which is what a user sees as "started".
    content_deadline=$(( $(date +%s) + ${CONTENT_TIMEOUT:-120} ))
    while :; do
        # import can hang on a window that is being mapped or resized: each grab gets 10 seconds.
        spread=$(timeout 10 import -window "$win" png:- 2>/dev/null \
                 | "${IM[@]}" png:- -colorspace Gray -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
        if awk -v s="$spread" 'BEGIN { exit !(s > 0.02) }'; then
            echo $(( ($(date +%s%N) - start_ns) / 1000000 )) >"$out/time-to-content-ms.txt"
            break
        fi
        (( $(date +%s) <= content_deadline )) && kill -0 "$app_pid" 2>/dev/null || break
        sleep 0.5
    done
    sleep "${SETTLE_SECONDS:-2}"   # let a few more frames render before the screenshot
    timeout 30 import -window root "$out/studio.png" || echo "the screenshot (import -window root) failed or hung" >&2
    still_running=yes
    kill -0 "$app_pid" 2>/dev/null || still_running=no
    # What the studio logged while it ran; what it prints while being killed (JavaFX may throw a harmless
    # NullPointerException from mouse picking during toolkit teardown) is not held against it.
    cp "$out/studio.log" "$out/studio-until-screenshot.log"
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    content_ms=$(cat "$out/time-to-content-ms.txt" 2>/dev/null || echo "never (within ${CONTENT_TIMEOUT:-120}s)")
    echo "window after ${window_ms} ms, content after ${content_ms} ms; still running at screenshot: $still_running" \
        >"$out/gui-result.txt"
    [[ "$still_running" == yes ]]
    exit $?
fi

# ---------------------------------------------------------------- helpers
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${SMOKE_OUT:-$PWD/target/smoke-test}"
failures=0
declare -a summary=()

say()  { printf '%s\n' "smoke-test: $*"; }
pass() { summary+=("PASS  $1"); say "PASS  $1"; }
fail() { summary+=("FAIL  $1"); say "FAIL  $1"; failures=$((failures + 1)); }
die()  { say "ERROR $*"; exit 2; }
human() { numfmt --to=iec --suffix=B "$1" 2>/dev/null || echo "$1 bytes"; }

finish() {
    echo
    say "summary"
    printf '  %s\n' "${summary[@]}"
    [[ -f "$out/figures.txt" ]] && { say "figures"; sed 's/^/  /' "$out/figures.txt"; }
    say "logs and screenshot: $out"
    if (( failures == 0 )); then say "RESULT: PASS"; else say "RESULT: FAIL ($failures failed)"; fi
}

# ---------------------------------------------------------------- preconditions
for tool in dpkg-deb unshare timeout xvfb-run xdotool import numfmt; do
    command -v "$tool" >/dev/null || die "missing tool '$tool' (apt-get install -y xvfb libgtk-3-0 fakeroot imagemagick xdotool)"
done
IM=(/usr/bin/convert); command -v magick >/dev/null && IM=(magick)   # /usr/local/bin/convert may be a stand-in

pkg="${1:-}"
if [[ -z "$pkg" ]]; then
    # the newest .deb of the checkout we are run from, else of the checkout this script belongs to
    pkg=$(ls -t "$PWD"/target/installer/gan-studio_*.deb "$root"/target/installer/gan-studio_*.deb 2>/dev/null \
          | head -n1 || true)
    [[ -n "$pkg" ]] || die "no .deb in target/installer/: build it with 'mvn -Pinstaller package -DskipTests' or pass a path"
fi
[[ -e "$pkg" ]] || die "not found: $pkg"

if [[ $(id -u) -eq 0 ]]; then netns=(unshare --net --); else netns=(unshare --map-root-user --net --); fi
"${netns[@]}" true 2>/dev/null || die "cannot create a network namespace with '${netns[*]}' (run as root)"

rm -rf "$out"; mkdir -p "$out"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/gan-studio-smoke.XXXXXX")
cleanup() {
    finish
    if [[ "${SMOKE_KEEP:-0}" == 1 ]]; then say "scratch folder kept: $scratch"; else rm -rf "$scratch"; fi
}
trap cleanup EXIT
# A fresh home, so that this is a true first start (DJL and JavaFX unpack their natives) and nothing of the
# machine's own ~/.djl.ai or ~/.openjfx is used. Java takes user.home from the password database, not from
# $HOME, hence JAVA_TOOL_OPTIONS=-Duser.home=... as well (the JVM then prints "Picked up JAVA_TOOL_OPTIONS").
home="$scratch/home"; mkdir -p "$home"

# ---------------------------------------------------------------- 1. install
say "package: $pkg"
if [[ -f "$pkg" && "$pkg" == *.deb ]]; then
    dpkg-deb -x "$pkg" "$scratch/root"
    app="$scratch/root/opt/gan-studio"
    pkg_bytes=$(stat -c %s "$pkg")
    echo "installer (.deb) size: $(human "$pkg_bytes") ($pkg_bytes bytes)" >>"$out/figures.txt"
    dpkg-deb -I "$pkg" >"$out/deb-info.txt"
    if [[ -x "$app/bin/gan-studio" ]]; then pass "deb unpacks to /opt/gan-studio with bin/gan-studio"
    else fail "deb has no /opt/gan-studio/bin/gan-studio"; exit 1; fi
    missing=()
    for f in lib/app/gan-studio.jar lib/app/gan-studio.cfg lib/gan-studio.png lib/gan-studio-gan-studio.desktop \
             lib/app/io.ganstudio.GanStudio.metainfo.xml lib/runtime/lib/server/libjvm.so; do
        [[ -e "$app/$f" ]] || missing+=("$f")
    done
    if (( ${#missing[@]} == 0 )); then pass "deb contains launcher config, jar, runtime, icon, .desktop and metainfo"
    else fail "deb lacks: ${missing[*]}"; fi
    grep -q -- '-Dai.djl.offline=true' "$app/lib/app/gan-studio.cfg" && grep -q -- '-Dgan.studio.installed=true' "$app/lib/app/gan-studio.cfg" \
        && pass "launcher config sets -Dai.djl.offline=true and -Dgan.studio.installed=true" \
        || fail "launcher config lacks the offline/installed Java options"
elif [[ -d "$pkg" ]]; then
    app="$(cd "$pkg" && pwd)"
    [[ -x "$app/bin/gan-studio" ]] || die "$pkg is not a gan-studio app image (no bin/gan-studio)"
    pass "app image has bin/gan-studio"
else
    die "expected a .deb file or an app image folder: $pkg"
fi
app_bytes=$(du -sb "$app" | cut -f1)
echo "installed size: $(human "$app_bytes") ($app_bytes bytes, ${app#"$scratch/root"})" >>"$out/figures.txt"
launcher="$app/bin/gan-studio"

# ---------------------------------------------------------------- 2. --self-test without network
say "running '$launcher --self-test' in a network namespace without network (HOME=$home)"
# /proc/net/dev lists the interfaces of the reader's network namespace: only 'lo' (and it is down)
links=$("${netns[@]}" cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' | grep -v '^lo$' || true)
if [[ -z "$links" ]]; then pass "test namespace has no network interface but lo"
else fail "the test namespace has network interfaces: $links"; fi
t0=$(date +%s%N)
set +e
HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home" timeout "${SELF_TEST_TIMEOUT:-900}" "${netns[@]}" "$launcher" --self-test >"$out/self-test.log" 2>&1
rc=$?
set -e
self_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "self-test (first start, no network): ${self_ms} ms, exit status $rc" >>"$out/figures.txt"
sed 's/^/    | /' "$out/self-test.log" | tail -n 40
if (( rc == 0 )); then pass "--self-test exits 0 without network (${self_ms} ms)"
elif (( rc == 124 )); then fail "--self-test timed out after ${SELF_TEST_TIMEOUT:-900}s"
else fail "--self-test exited with status $rc (see $out/self-test.log)"; fi
djl_cache="$home/.local/share/gan-studio/djl"
if compgen -G "$djl_cache/mxnet/*/libmxnet.so" >/dev/null || find "$djl_cache" -name 'libmxnet.so' 2>/dev/null | grep -q .; then
    pass "MXNet native library unpacked into the app-data folder ($djl_cache), not ~/.djl.ai"
    echo "DJL cache after first start: $(du -sh "$djl_cache" | cut -f1) in ~/.local/share/gan-studio/djl" >>"$out/figures.txt"
else
    fail "no libmxnet.so under $djl_cache (AppDirs default not applied?)"
fi
[[ -e "$home/.djl.ai" ]] && fail "DJL also wrote ~/.djl.ai" || true

# ---------------------------------------------------------------- 3. the studio window under Xvfb
say "starting the studio under Xvfb, no network; waiting up to ${WINDOW_TIMEOUT:-180}s for a 'GAN Studio' window"
set +e
WINDOW_TIMEOUT="${WINDOW_TIMEOUT:-180}" xvfb-run --auto-servernum --server-args="-screen 0 1440x900x24" \
    bash "${BASH_SOURCE[0]}" --gui-phase "$launcher" "$home" "$out" "${netns[@]}"
rc=$?
set -e
gui_result=$(cat "$out/gui-result.txt" 2>/dev/null || echo "no result (xvfb-run failed?)")
if (( rc == 0 )); then
    pass "studio window '$(cat "$out/window-title.txt" 2>/dev/null)' appeared: $gui_result"
    echo "launch to window (Xvfb, no network): $(cat "$out/time-to-window-ms.txt") ms" >>"$out/figures.txt"
    if [[ -f "$out/time-to-content-ms.txt" ]]; then
        echo "launch to window showing content: $(cat "$out/time-to-content-ms.txt") ms" >>"$out/figures.txt"
        pass "the window shows content"
    else
        fail "the window stayed blank for ${CONTENT_TIMEOUT:-120}s after it appeared"
    fi
else
    fail "studio: $gui_result (see $out/studio.log)"
    tail -n 30 "$out/studio.log" 2>/dev/null | sed 's/^/    | /'
fi
if [[ -f "$out/studio.png" ]]; then
    spread=$("${IM[@]}" "$out/studio.png" -colorspace Gray -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
    if awk -v s="$spread" 'BEGIN { exit !(s > 0.02) }'; then pass "screenshot $out/studio.png shows content (grey std-dev $spread)"
    else fail "screenshot $out/studio.png is (nearly) uniform: std-dev $spread"; fi
fi
if grep -q -E 'Exception in thread|^Caused by:' "$out/studio-until-screenshot.log" 2>/dev/null; then
    fail "the studio logged uncaught exceptions while starting (see $out/studio-until-screenshot.log)"
elif [[ -f "$out/studio-until-screenshot.log" ]]; then
    pass "no uncaught exception in the studio's log up to the screenshot"
fi

(( failures == 0 ))
