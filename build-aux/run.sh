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
exec "$prefix/bin/provisioner" "$@"
