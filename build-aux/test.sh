#!/bin/bash
# The README's second command: the same set-up, then every test, the UI
# tests on a private X server and session bus.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_missing "${build_packages[@]}" "${test_packages[@]}"
configure_and_build

status=0
# A runtime directory of this run's own: the accessibility bus puts its
# socket there (else in ~/.cache/at-spi, where any other session on the
# machine replaces or removes it under the running tests).
runtime_dir=$(mktemp -d)
trap 'rm -rf "$runtime_dir"' EXIT
# -noreset: Xvfb otherwise resets whenever its last client leaves (a UI
# test's app quitting, xdotool exiting), and refuses the clients that
# connect during the reset ("cannot open display").
XDG_RUNTIME_DIR="$runtime_dir" dbus-run-session -- \
  xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24 -noreset" \
  meson test -C "$build_dir" --print-errorlogs "$@" || status=$?

# A whole run (no arguments) also builds everything once more with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the tests that
# need no display there: the core, the command-line tool, the sandbox and
# the sync engine, whose test then runs under twenty fault seeds.
sanitized_status=skipped
if [ $# -eq 0 ]; then
  sanitized_dir="$build_dir/sanitized"
  if [ ! -f "$sanitized_dir/build.ninja" ]; then
    meson setup --prefix="$sanitized_dir/prefix" -Db_sanitize=address,undefined -Db_lundef=false \
      "$sanitized_dir" "$top" > /dev/null
  fi
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  sanitized_status=passed
  meson compile -C "$sanitized_dir" > /dev/null || sanitized_status=failed

  mapfile -t sanitized_tests < <(meson test -C "$sanitized_dir" --no-rebuild --list \
                                   --suite core --suite cli --suite carrier 2>/dev/null \
                                 | sed 's|.* / ||' | grep -vx 'test-sync')
  if [ "$sanitized_status" = passed ]; then
    meson test -C "$sanitized_dir" --no-rebuild --print-errorlogs "${sanitized_tests[@]}" \
      || sanitized_status=failed
  fi

  if [ "$sanitized_status" = passed ]; then
    echo "test-sync under AddressSanitizer and UndefinedBehaviorSanitizer, fault seeds 1 to 20:"
    seq 1 20 | xargs -P 2 -I SEED sh -c \
      'PROV_TEST_SANDBOX_SEED=SEED PROV_SYNC_TEST_ORDERS=100 LC_ALL=C.UTF-8 \
       PROVISIONER_SANDBOX="$1/src/sandbox/provisioner-sandbox" "$1/tests/test-sync" > "$1/test-sync-seed-SEED.log" 2>&1 \
       && echo "  seed SEED: ok" || { echo "  seed SEED: FAILED (see $1/test-sync-seed-SEED.log)"; exit 255; }' \
      sh "$sanitized_dir" || sanitized_status=failed
  fi
  [ "$sanitized_status" = passed ] || status=1
fi

# One closing line that any CI reader understands.
/usr/bin/python3 - "$build_dir/meson-logs/testlog.json" <<'PY'
import json, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
with open(sys.argv[1]) as log:
    for line in log:
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            counts["passed"] += 1
        elif result == "SKIP":
            counts["skipped"] += 1
        else:
            counts["failed"] += 1
print("tests: {passed} passed, {failed} failed, {skipped} skipped".format(**counts))
PY
echo "sanitized tests: $sanitized_status"
exit $status
