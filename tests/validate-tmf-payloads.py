#!/usr/bin/python3
"""Validates the request bodies the carrier client builds against the
official TM Forum swagger definitions (../shared/specs), with
python3-jsonschema. Usage: validate-tmf-payloads.py SPEC DEFINITION DUMPER
Runs DUMPER, which prints one JSON body per line, and validates each."""
import json
import subprocess
import sys

import jsonschema


def main():
    spec_path, definition, dumper = sys.argv[1:4]
    with open(spec_path, encoding='utf-8') as spec_file:
        spec = json.load(spec_file)

    schema = {'$ref': '#/definitions/' + definition, 'definitions': spec['definitions']}
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())

    bodies = subprocess.run([dumper], check=True, capture_output=True, text=True).stdout.splitlines()
    # A control that must fail, so a validator that accepts anything is caught.
    controls = [{'externalId': 'x'}, {'productOrderItem': [{'id': '1', 'action': 'replace'}]}]

    print('1..%d' % (len(bodies) + len(controls)))
    failed = 0
    number = 0
    for body in bodies:
        number += 1
        errors = sorted(validator.iter_errors(json.loads(body)), key=str)
        if errors:
            failed += 1
            print('not ok %d - body %d: %s' % (number, number, errors[0].message))
            for error in errors:
                print('# %s at %s' % (error.message, list(error.absolute_path)))
        else:
            print('ok %d - body %d is a valid %s' % (number, number, definition))

    for control in controls:
        number += 1
        if validator.is_valid(control):
            failed += 1
            print('not ok %d - the invalid control %s was accepted' % (number, json.dumps(control)))
        else:
            print('ok %d - the invalid control is refused' % number)

    return 1 if failed else 0


sys.exit(main())
