#!/usr/bin/env python3
# Usage: check-core-layers.py COMPILE_COMMANDS SOURCE_ROOT
#
# src/core is layered: ids < catalog, staff < order < carrier, store < sync, each
# folder a static library that sees only the headers of the layers below
# it. This compiles, with the very command the build uses for a file of
# each layer, a file that includes one header of every other layer, and
# checks that exactly the layers below are found: an include that points
# up must fail, one that points down must work.

import json
import pathlib
import shlex
import subprocess
import sys
import tempfile

BELOW = {
    "ids": [],
    "catalog": ["ids"],
    "staff": ["ids"],
    "order": ["ids", "catalog"],
    "carrier": ["ids", "catalog", "order"],
    "store": ["ids", "catalog", "staff", "order"],
    "sync": ["ids", "catalog", "staff", "order", "carrier", "store"],
}
# One public header of each layer.
HEADER = {
    "ids": "prov-ids.h",
    "catalog": "prov-catalog.h",
    "staff": "prov-staff.h",
    "order": "prov-order.h",
    "carrier": "prov-carrier-client.h",
    "store": "prov-store.h",
    "sync": "prov-sync.h",
}

commands = json.load(open(sys.argv[1]))
core = pathlib.Path(sys.argv[2]).resolve() / "src" / "core"
problems = []

for layer, below in BELOW.items():
    entry = next((c for c in commands
                  if pathlib.Path(c["directory"], c["file"]).resolve().parent == core / layer), None)
    if entry is None:
        problems.append(f"no compile command for a file of {layer}/")
        continue
    arguments = shlex.split(entry["command"])
    source = str(pathlib.Path(entry["directory"], entry["file"]))
    for other, header in HEADER.items():
        if other == layer:
            continue
        with tempfile.TemporaryDirectory() as work:
            probe = pathlib.Path(work, "probe.c")
            probe.write_text(f'#include "{header}"\n')
            command = [str(probe) if a in (entry["file"], source) else a for a in arguments]
            command = [a for a in command if a not in ("-MD",)]
            # No object file, no dependency file: only whether it compiles.
            cleaned, skip = [], False
            for a in command:
                if skip:
                    skip = False
                    continue
                if a in ("-o", "-MF", "-MQ"):
                    skip = True
                    continue
                cleaned.append(a)
            cleaned += ["-fsyntax-only"]
            found = subprocess.run(cleaned, cwd=entry["directory"], capture_output=True).returncode == 0
        if found and other not in below:
            problems.append(f"{layer}/ can include {header} of {other}/, a layer above or beside it")
        elif not found and other in below:
            problems.append(f"{layer}/ cannot include {header} of {other}/, a layer below it")

for problem in problems:
    print(problem, file=sys.stderr)
print(f"{len(BELOW)} layers checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
