#!/usr/bin/python3
"""Validates the request bodies the carrier client sends against the
official TM Forum swagger definitions (../shared/specs), with
python3-jsonschema. Prints TAP.

  validate-tmf-payloads.py dump SPEC DEFINITION DUMPER [ARGUMENT...]
      DUMPER, run with the ARGUMENTs, prints one JSON body per line; each
      must be a DEFINITION.
  validate-tmf-payloads.py capture SPECS_DIR PROGRAM
      PROGRAM drives the client against the sandbox, which writes every
      request body it receives to $PROV_CAPTURE; each is validated
      against the definition for its method and path, and every route
      below must have been seen."""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

SPECS = {
    'TMF622': 'TMF622-ProductOrder-v4.0.0.swagger.json',
    'TMF629': 'TMF629-Customer-v4.0.0.swagger.json',
    'TMF685': 'TMF685-Resource_Pool_Management.regular.swagger.json',
    'TMF681': 'TMF681-Communication-v4.0.0.swagger.json',
}

ROUTES = [
    ('POST', r'/productOrderingManagement/v4/productOrder$', 'TMF622', 'ProductOrder_Create'),
    ('PATCH', r'/productOrderingManagement/v4/productOrder/[^/]+$', 'TMF622', 'ProductOrder_Update'),
    ('POST', r'/productOrderingManagement/v4/cancelProductOrder$', 'TMF622', 'CancelProductOrder_Create'),
    ('POST', r'/customerManagement/v4/customer$', 'TMF629', 'Customer_Create'),
    ('POST', r'/resourcePoolManagement/v1/reservation$', 'TMF685', 'Reservation_Create'),
    ('PATCH', r'/resourcePoolManagement/v1/reservation/[^/]+$', 'TMF685', 'Reservation_Update'),
    ('POST', r'/resourcePoolManagement/v1/availabilityCheck$', 'TMF685', 'AvailabilityCheck_Create'),
    ('POST', r'/communicationManagement/v4/communicationMessage$', 'TMF681', 'CommunicationMessage_Create'),
]

# Bodies that must fail, so a validator that accepts anything is caught.
ITEM = [{'id': '1', 'action': 'add'}]
CONTROLS = {
    'ProductOrder_Create': [{'externalId': 'x'}, {'productOrderItem': [{'id': '1', 'action': 'replace'}]},
                            {'productOrderItem': ITEM, 'requestedStartDate': 'garbage'},
                            {'productOrderItem': ITEM, 'requestedStartDate': '2026-12-01T00:00:00+01'},
                            {'productOrderItem': ITEM, 'requestedStartDate': '2026-02-30T00:00:00Z'}],
    'ProductOrder_Update': [{'externalId': 'x'}],
    'ProductOrder': [{'id': 'x', 'productOrderItem': ITEM, 'state': 'sleeping'},
                     {'id': 'x', 'productOrderItem': [{'id': '1', 'action': 'add',
                                                       'product': {'status': 'resting'}}]}],
    'Product': [{'status': 'resting'}, {'terminationDate': '45 days ago'},
                {'productRelationship': [{'relationshipType': 'reliesOn'}]},
                {'relatedParty': [{'role': 'User'}]}],
    'CancelProductOrder_Create': [{'cancellationReason': 'x'}],
    'Customer_Create': [{'name': 'x'}, {'name': 'x', 'engagedParty': {'name': 'no id'}}],
    'Reservation_Create': [{'description': 'no related party'}],
    'Reservation_Update': [{'reservationItem': [{'quantity': 'three'}]}],
    'AvailabilityCheck_Create': [{'@type': 5}, {'@baseType': ['AvailabilityCheck']}],
    'CommunicationMessage_Create': [{'content': 'x', 'messageType': 'email', 'sender': {}},
                                    {'content': 'x', 'messageType': 'email', 'sender': {}, 'receiver': [{}],
                                     'characteristic': [{'name': 'externalId'}]},
                                    {'content': 'x', 'messageType': 'email', 'sender': {}, 'receiver': [{}],
                                     'sendTime': 'yesterday'}],
}


RFC3339 = re.compile(r'^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$')


def is_rfc3339(instance):
    """jsonschema checks date-time only with rfc3339-validator, which Debian
    12 does not package: without this, any string passes as a date-time."""
    if not isinstance(instance, str):
        return True
    if not RFC3339.match(instance):
        return False
    try:
        datetime.datetime.fromisoformat(instance.replace('Z', '+00:00').replace('z', '+00:00')
                                        .replace('t', 'T').replace(':60', ':59'))
    except ValueError:
        return False
    return True


def format_checker():
    checker = jsonschema.FormatChecker()
    checker.checks('date-time')(is_rfc3339)
    return checker


def validator(spec_path, definition):
    with open(spec_path, encoding='utf-8') as spec_file:
        spec = json.load(spec_file)
    schema = {'$ref': '#/definitions/' + definition, 'definitions': spec['definitions']}
    return jsonschema.Draft4Validator(schema, format_checker=format_checker())


class Tap:
    def __init__(self):
        self.results = []

    def check(self, ok, description, details=()):
        self.results.append((ok, description, list(details)))

    def finish(self):
        print('1..%d' % len(self.results))
        failed = 0
        for number, (ok, description, details) in enumerate(self.results, 1):
            print('%s %d - %s' % ('ok' if ok else 'not ok', number, description))
            for line in details:
                print('# ' + line)
            failed += not ok
        return 1 if failed else 0


# What the till shows but the carrier must not get: names of what was
# picked and summaries (the registry's fields kept "never" for the carrier).
DISPLAY_ONLY = {'number.summary', 'addons.names', 'user.language-name', 'subscription.data-name',
                'subscription.sms-name', 'subscription.offering-name', 'stocktaking.portfolio-name',
                'confirm.print', 'confirm.save-pdf', 'notes'}


def characteristic_names(body):
    items = body.get('productOrderItem', []) if isinstance(body, dict) else []
    for item in items:
        product = item.get('product', {}) if isinstance(item, dict) else {}
        for characteristic in product.get('productCharacteristic', []):
            yield characteristic.get('name')


def check_body(tap, checker, definition, body, label):
    errors = sorted(checker.iter_errors(body), key=str)
    tap.check(not errors, '%s is a valid %s' % (label, definition),
              ['%s at %s' % (e.message, list(e.absolute_path)) for e in errors])
    leaked = sorted(set(characteristic_names(body)) & DISPLAY_ONLY)
    tap.check(not leaked, '%s carries no display-only value' % label, leaked)


def check_controls(tap, checker, definition):
    for control in CONTROLS[definition]:
        tap.check(not checker.is_valid(control),
                  'the invalid %s control %s is refused' % (definition, json.dumps(control)))


def dump_mode(spec_path, definition, dumper, *arguments):
    tap = Tap()
    checker = validator(spec_path, definition)
    bodies = subprocess.run([dumper, *arguments], check=True, capture_output=True, text=True).stdout.splitlines()
    tap.check(len(bodies) > 0, '%s printed bodies' % os.path.basename(dumper))
    for number, body in enumerate(bodies, 1):
        check_body(tap, checker, definition, json.loads(body), 'body %d' % number)
    check_controls(tap, checker, definition)
    return tap.finish()


def capture_mode(specs_dir, program):
    tap = Tap()
    checkers = {}
    for _, _, api, definition in ROUTES:
        checkers[definition] = validator(os.path.join(specs_dir, SPECS[api]), definition)

    with tempfile.TemporaryDirectory() as scratch:
        capture = os.path.join(scratch, 'capture.jsonl')
        run = subprocess.run([program], env=dict(os.environ, PROV_CAPTURE=capture),
                             capture_output=True, text=True)
        tap.check(run.returncode == 0, '%s ran' % os.path.basename(program),
                  (run.stdout + run.stderr).splitlines()[-20:] if run.returncode else ())
        lines = open(capture, encoding='utf-8').read().splitlines() if os.path.exists(capture) else []

    seen = {definition: 0 for _, _, _, definition in ROUTES}
    for line in lines:
        request = json.loads(line)
        route = next((r for r in ROUTES if r[0] == request['method'] and re.search(r[1], request['path'])), None)
        if route is None:
            tap.check(False, 'a %s to %s has a known definition' % (request['method'], request['path']))
            continue
        definition = route[3]
        seen[definition] += 1
        check_body(tap, checkers[definition], definition, request['body'],
                   '%s %s #%d' % (request['method'], route[2], seen[definition]))

    for definition, count in seen.items():
        tap.check(count > 0, 'the client sent at least one %s (%d)' % (definition, count))
        check_controls(tap, checkers[definition], definition)

    return tap.finish()


# What meson (and automake) take for "skipped".
SKIP = 77


def specs_missing(path):
    """Says where the specs go when they are absent, as a skipped TAP run."""
    if os.path.exists(path):
        return False
    print('1..0 # SKIP the TM Forum specs are not at %s; put the official swagger files from '
          'https://github.com/tmforum-apis there (a checkout with ../shared/specs beside it has them)'
          % os.path.abspath(path))
    print('%s is missing: the payloads are not checked against the specs' % path, file=sys.stderr)
    return True


def main():
    mode = sys.argv[1]
    if mode in ('dump', 'capture') and specs_missing(sys.argv[2]):
        return SKIP
    if mode == 'dump':
        return dump_mode(*sys.argv[2:])
    if mode == 'capture':
        return capture_mode(*sys.argv[2:4])
    print('unknown mode %s' % mode, file=sys.stderr)
    return 2


sys.exit(main())
