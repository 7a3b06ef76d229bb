#!/bin/sh
# Usage: check-translations.sh SOURCE_ROOT LANG...
# Fails when a language's help lacks a (non-fuzzy) translation for any
# paragraph of the C pages, or when its merged pages are not valid Mallard.
set -eu
root=$1; shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root/help/C"
itstool -o "$work/help.pot" *.page

status=0
for lang in "$@"; do
  if ! msgcmp "$root/help/$lang/$lang.po" "$work/help.pot"; then
    echo "help/$lang/$lang.po: paragraphs above are missing or fuzzy; run 'meson compile help-$APP_ID-update-po' and translate them" >&2
    status=1
    continue
  fi
  msgfmt -o "$work/$lang.mo" "$root/help/$lang/$lang.po"
  mkdir "$work/$lang"
  itstool -m "$work/$lang.mo" -o "$work/$lang/" *.page
  yelp-check validate "$work/$lang"/*.page || status=1
done
exit $status
