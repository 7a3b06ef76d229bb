#!/usr/bin/env python3
# Usage: check-field-keys.py SOURCE_ROOT
#
# An order field is named by its key, and every key is declared once, as a
# constant in src/core/order/prov-order-field.h, with its row in the
# registry (prov-order-field.c). A key spelled as a string elsewhere is not
# checked by the compiler: mistyped, it quietly becomes a field that never
# reaches the carrier. So this fails on
# - a registry row or a constant without the other;
# - a string in C code under src/ that is a declared key (use its constant)
#   or looks like one (a field namespace, a dot, a name) but is none;
# - a key in a .ui file that is not declared.
# The sandbox is left out: it stands in for the carrier, whose
# characteristic names it speaks, not the till's keys.

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
field_h = root / "src/core/order/prov-order-field.h"
field_c = root / "src/core/order/prov-order-field.c"

KEY_SHAPE = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")

constants = dict(re.findall(r'^#define (PROV_ORDER_FIELD_[A-Z0-9_]+) +"([^"]*)"', field_h.read_text(), re.M))
prefixes = {name for name, key in constants.items() if key.endswith(".")}
keys = {key: name for name, key in constants.items() if name not in prefixes}
namespaces = {key.split(".")[0] for key in keys if "." in key}
problems = []

# Widget actions ("order.send") share the dotted shape; they are declared
# where a widget class installs them.
actions = set()
for path in (root / "src").rglob("*.c"):
    actions.update(re.findall(r'gtk_widget_class_install(?:_property)?_action \(\s*[^,]+,\s*"([^"]+)"', path.read_text()))

registry_rows = re.findall(r"^  \{ ([A-Z0-9_]+|\"[^\"]*\"),", field_c.read_text(), re.M)
for row in registry_rows:
    if row.startswith('"'):
        problems.append(f"{field_c}: the registry row {row} has no constant")
    elif row not in keys.values():
        problems.append(f"{field_c}: the registry row {row} is not a constant of prov-order-field.h")
for name in keys.values():
    if registry_rows.count(name) != 1:
        problems.append(f"{field_h}: {name} has {registry_rows.count(name)} registry rows, not one")


def strings_outside_comments(text):
    """(line, literal) for each string literal that is not in a comment or an #include."""
    i, line, n = 0, 1, len(text)
    while i < n:
        if text.startswith("//", i) or text.startswith("#include", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.index("*/", i + 2) + 2
            line += text.count("\n", i, j)
            i = j
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            if quote == '"':
                yield line, text[i + 1:j]
            i = j + 1
        else:
            if text[i] == "\n":
                line += 1
            i += 1


def looks_like_key(text):
    return KEY_SHAPE.match(text) is not None and text.split(".")[0] in namespaces and text not in actions


for path in sorted((root / "src").rglob("*.[ch]")):
    relative = path.relative_to(root)
    if path in (field_h, field_c) or relative.parts[1] == "sandbox":
        continue
    text = path.read_text()
    for line, literal in strings_outside_comments(text):
        source_line = text.splitlines()[line - 1]
        # A wire name that equals a key, such as the catalog's PIN
        # characteristic, is a name of the carrier's, defined once.
        if re.match(r"\s*#define PROV_[A-Z0-9_]+_CHARACTERISTIC ", source_line):
            continue
        if literal in keys:
            problems.append(f'{relative}:{line}: "{literal}" is a field key: write {keys[literal]}')
        elif looks_like_key(literal):
            problems.append(f'{relative}:{line}: "{literal}" looks like a field key but none is declared')

for path in sorted((root / "src").rglob("*.ui")):
    relative = path.relative_to(root)
    text = path.read_text()
    for number, source_line in enumerate(text.splitlines(), 1):
        for value in re.findall(r'<property name="field">([^<]*)</property>', source_line):
            if value not in keys:
                problems.append(f'{relative}:{number}: field "{value}" is not a declared key')
        for value in re.findall(r'>([^<>]+)<|"([^"]+)"', source_line):
            value = value[0] or value[1]
            if looks_like_key(value) and value not in keys:
                problems.append(f'{relative}:{number}: "{value}" looks like a field key but none is declared')

for problem in problems:
    print(problem, file=sys.stderr)
print(f"{len(keys)} keys declared, {len(problems)} problems")
sys.exit(1 if problems else 0)
