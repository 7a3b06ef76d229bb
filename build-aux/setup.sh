#!/bin/bash
# Installs what a fresh Debian 12 machine lacks, then configures and builds
# Provisioner in _build. Sourced by run.sh and test.sh; safe to run again.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$top/_build"
prefix="$build_dir/prefix"

build_packages=(
  meson ninja-build pkg-config gcc gettext itstool
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev
  libsoup-3.0-dev libsqlite3-dev libjson-glib-dev libsecret-1-dev libzint-dev libsodium-dev
  desktop-file-utils appstream yelp-tools
)
# Only what the tests need beyond the build: a headless X server to drive
# the app with, and a session bus for GApplication.
test_packages=(
  xvfb xauth xdotool dbus dbus-x11 at-spi2-core imagemagick poppler-utils zbar-tools
  adwaita-icon-theme fonts-cantarell librsvg2-common
  python3 python3-jsonschema python3-pyatspi gir1.2-atspi-2.0 sqlite3 tzdata
  clang libclang-rt-14-dev
  gnome-keyring
)
run_packages=(
  dbus-x11 adwaita-icon-theme fonts-cantarell librsvg2-common yelp
)

install_missing () {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build () {
  if [ ! -f "$build_dir/build.ninja" ]; then
    meson setup --prefix="$prefix" "$build_dir" "$top"
  fi
  meson compile -C "$build_dir"
}
