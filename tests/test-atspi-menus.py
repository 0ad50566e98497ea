#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The menus as a screen reader meets them: the real app on a real AT-SPI bus. Every
# item of the main menu and of a hold's menu on My Routine has a name and an action,
# and acting on "Remove From Routine" through AT-SPI takes the hold out (and saves).

import json
import os

from atspi_harness import actions, do, fail, find as find_in, new_home, plan, start_app, walk, wait_for

plan(3)
env = new_home()
routine_file = os.path.join(env['XDG_DATA_HOME'], 'unknot', 'my-routine.json')
os.makedirs(os.path.dirname(routine_file))
with open(routine_file, 'w') as f:
    json.dump({'version': 1, 'techniques': ['ball-glutes', 'hands-lower-back']}, f)

app, root = start_app(env)
try:
    def find(role, name=None, prefix=None):
        return find_in(root, role, name, prefix)

    def menu_items(menu):
        return [(n, node) for r, n, node in walk(menu) if r == 'menu item']

    # 1. The main menu: every item named and actionable.
    do(wait_for('the Main Menu button', lambda: find('toggle button', 'Main Menu')))
    menu = wait_for('the main menu', lambda: find('menu', 'Main Menu') if menu_items(find('menu', 'Main Menu') or root) else None)
    items = menu_items(menu)
    unnamed = [n for n, node in items if not n.strip()]
    if len(items) < 5 or unnamed:
        fail(f'main menu items {[n for n, _ in items]}: every item needs a name')
    for name, node in items:
        if 'click' not in actions(node):
            fail(f'main menu item “{name}” cannot be activated')
    print(f'ok 1 - main menu items are named and actionable: {[n for n, _ in items]}')

    # 2. My Routine from the menu, then a hold's menu.
    do(dict(items)['My Routine'])
    hold_menu_button = wait_for('a hold’s menu button on My Routine',
                                lambda: find('toggle button', prefix='Move or Remove “'))
    do(hold_menu_button)
    hold_menu = wait_for('the hold’s menu',
                         lambda: find('menu', prefix='Move or Remove “') if menu_items(find('menu', prefix='Move or Remove “') or root) else None)
    hold_items = dict(menu_items(hold_menu))
    if set(hold_items) != {'Move Down', 'Remove From Routine'}:
        fail(f'the first hold’s menu has {sorted(hold_items)}')
    print(f'ok 2 - a hold’s menu items are named: {sorted(hold_items)}')

    # 3. Acting on it through AT-SPI takes the hold out, and the file keeps that.
    do(hold_items['Remove From Routine'])

    def saved():
        with open(routine_file) as f:
            return json.load(f)['techniques'] == ['hands-lower-back']

    wait_for('the routine file without the removed hold', saved)
    wait_for('the hold gone from the page', lambda: find('toggle button', prefix='Move or Remove “') is not None
             and sum(1 for r, n, _ in walk(root) if r == 'toggle button' and n.startswith('Move or Remove “')) == 1)
    print('ok 3 - “Remove From Routine” through AT-SPI takes the hold out and saves')
finally:
    app.terminate()
    app.wait(timeout=10)
