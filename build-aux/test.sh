#!/bin/bash
# The README's second command: the same set-up, then every test, the UI
# tests on a private X server and session bus.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_missing "${build_packages[@]}" "${test_packages[@]}"
configure_and_build

status=0
dbus-run-session -- xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" \
  meson test -C "$build_dir" --print-errorlogs "$@" || status=$?

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
exit $status
