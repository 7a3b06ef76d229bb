#!/bin/bash
# The README's first command: install what is missing, build, and open
# Provisioner from a private prefix inside _build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_missing "${build_packages[@]}" "${run_packages[@]}"
configure_and_build
meson install -C "$build_dir" --quiet

export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"

# The carrier sandbox on the port the default carrier profile points at,
# unless one is already running there; stopped again with the app.
sandbox_log="$build_dir/sandbox.log"
"$prefix/bin/provisioner-sandbox" --port 8622 > "$sandbox_log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true' EXIT
sleep 0.5
if kill -0 "$sandbox_pid" 2>/dev/null; then
  head -n 1 "$sandbox_log"
else
  echo "Carrier sandbox not started (see $sandbox_log); using the one on port 8622, if any."
fi

# The sandbox knows one dealer, D-1001, with two resellers: the demo
# profile sells as that dealer unless given another code.
sandbox_profile="com.example.Provisioner.CarrierProfile:/com/example/Provisioner/carrier-profiles/sandbox/"
if [ "$(gsettings get "$sandbox_profile" dealer-code 2>/dev/null)" = "''" ]; then
  gsettings set "$sandbox_profile" dealer-code "D-1001" 2>/dev/null || true
fi

# The demo till's staff, on a database that has none yet: the app then asks
# them to sign in.
cli="$prefix/bin/provisioner-cli"
if [ -z "$("$cli" staff list 2>/dev/null)" ]; then
  printf '135790\n' | "$cli" staff add "Marit de Vries" --role manager > /dev/null
  printf '135790\n2468\n' | "$cli" staff add "Sem Bakker" --as "Marit de Vries" > /dev/null
  echo "Demo staff added: Marit de Vries (manager, PIN 135790) and Sem Bakker (clerk, PIN 2468)."
fi
echo "Sign in as one of the till's staff: type the name, Enter, the PIN, Enter."

"$prefix/bin/provisioner" "$@"
