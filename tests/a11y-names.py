#!/usr/bin/python3
"""Prints the accessible name of every showing widget of the Provisioner
process PID, as 'role: name', one per line, as a screen reader finds
them."""
import sys

import pyatspi


def walk(node, depth=0):
    try:
        if node.name:
            print('%s: %s' % (node.getRoleName(), node.name.replace('\n', ' ')))
        for index in range(node.childCount):
            walk(node.getChildAtIndex(index), depth + 1)
    except Exception:  # a widget that went away while we walked
        pass


def main():
    pid = int(sys.argv[1])
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == pid:
            walk(app)


main()
