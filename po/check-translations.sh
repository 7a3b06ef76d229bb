#!/bin/sh
# Usage: check-translations.sh SOURCE_ROOT LANG...
# Extracts the current template the way the i18n module does and fails when a
# language lacks a (non-fuzzy) translation for any of its strings.
set -eu
root=$1; shift
template=$(mktemp --suffix=.pot)
trap 'rm -f "$template"' EXIT

cd "$root"
# A source file with translatable strings that POTFILES.in does not list
# would never be translated: name it.
status=0
for file in $(grep -rlE '(^|[^A-Za-z0-9_])(N?_|g_dngettext)[ ]?\(|translatable="yes"' src \
                --include='*.c' --include='*.ui' | sort); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "$file has translatable strings but is not in po/POTFILES.in" >&2
    status=1
  fi
done

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$template.files"
xgettext --from-code=UTF-8 --add-comments --package-name=provisioner \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --files-from="$template.files" -o "$template"
rm -f "$template.files"

for lang in "$@"; do
  if ! msgcmp "po/$lang.po" "$template"; then
    echo "po/$lang.po: strings above are missing or fuzzy; run 'meson compile provisioner-update-po' and translate them" >&2
    status=1
  fi
done
exit $status
