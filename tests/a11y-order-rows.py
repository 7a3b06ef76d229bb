#!/usr/bin/python3
"""Prints the accessible label of every order row in the order list of the
Provisioner process PID, one per line, as a screen reader finds them."""
import sys

import pyatspi


def find_orders_list(node):
    try:
        if node.getRoleName() == 'list' and node.name == 'Orders':
            return node
        for index in range(node.childCount):
            found = find_orders_list(node.getChildAtIndex(index))
            if found is not None:
                return found
    except Exception:  # a widget that went away while we walked
        pass
    return None


def main():
    pid = int(sys.argv[1])
    for app in pyatspi.Registry.getDesktop(0):
        if app is None or app.get_process_id() != pid:
            continue
        orders = find_orders_list(app)
        if orders is None:
            return
        for index in range(orders.childCount):
            item = orders.getChildAtIndex(index)
            for child in range(item.childCount):
                label = item.getChildAtIndex(child).name
                if label:
                    print(label)


main()
