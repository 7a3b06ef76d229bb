#!/usr/bin/python3
"""Prints, for the Provisioner process PID, the rows of the stock window's
"Added now" list (title and subtitle) and the scan entry's text and status,
as a screen reader finds them."""
import sys

import pyatspi


def walk(node, visit):
    try:
        visit(node)
        for index in range(node.childCount):
            walk(node.getChildAtIndex(index), visit)
    except Exception:  # a widget that went away while we walked
        pass


def main():
    pid = int(sys.argv[1])
    for app in pyatspi.Registry.getDesktop(0):
        if app is None or app.get_process_id() != pid:
            continue

        def visit(node):
            role = node.getRoleName()
            if role == 'list' and node.name == 'Added now':
                for index in range(node.childCount):
                    row = node.getChildAtIndex(index)
                    print('row:', row.name, '|', row.description)
            elif role == 'text' and node.name == 'SIM or device number':
                print('entry:', node.queryText().getText(0, -1), '|', node.description)

        walk(app, visit)


main()
