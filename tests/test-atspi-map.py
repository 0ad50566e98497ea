#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The map and the pages as a screen reader or a switch meets them: the real app on a
# real AT-SPI bus. Every region of the map is a named button with an action, and
# acting on one opens its page; the page's technique rows are named and have an action,
# and acting on one opens the technique; nothing showing that can be used lacks a name.

from atspi_harness import Atspi, actions, do, fail, find, new_home, plan, start_app, walk, wait_for

INTERACTIVE = ('push button', 'button', 'toggle button', 'check box', 'radio button',
               'combo box', 'menu item', 'entry', 'text', 'slider', 'spin button', 'switch')


def showing(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


def unnamed_controls(root):
    return [r for r, n, node in walk(root) if r in INTERACTIVE and not n.strip() and showing(node)]


plan(4)
app, root = start_app(new_home())
try:
    # 1. The map's regions: named buttons, each with an action.
    def regions():
        found = [(n, node) for r, n, node in walk(root)
                 if r == 'button' and (n.endswith(', left side') or n.endswith(', right side') or n == 'Spine')]
        return found if len(found) >= 17 else None

    buttons = wait_for('the map’s seventeen regions', regions)
    lacking = [n for n, node in buttons if 'region.activate' not in actions(node)]
    if lacking:
        fail(f'regions without an action: {lacking}')
    print(f'ok 1 - all {len(buttons)} regions of the map are named and have an action')

    # 2. Acting on one opens its page.
    do(dict(buttons)['Gluteals, left side'], 'region.activate')
    heading = wait_for('the gluteals’ page', lambda: find(root, 'label', 'Gluteals, left side'))
    print('ok 2 - acting on “Gluteals, left side” opens its page')

    # 3. The page's technique rows are named and have an action that opens them.
    def technique_rows():
        rows = [(n, node) for r, n, node in walk(root)
                if r == 'list item' and 'row.activate' in actions(node) and showing(node)]
        return rows if rows else None

    rows = wait_for('the page’s rows with an action', technique_rows)
    unnamed = [n for n, node in rows if not n.strip()]
    if unnamed:
        fail(f'{len(unnamed)} activatable rows without a name')
    roll = next((node for n, node in rows if 'glutes' in n.lower() and 'roll' in n.lower()), None)
    if roll is None:
        fail(f'no “Roll the glutes” row among {[n for n, _ in rows]}')
    do(roll, 'row.activate')
    wait_for('the technique page’s Hold button', lambda: find(root, 'button', prefix='Hold '))
    print(f'ok 3 - {len(rows)} rows are named and actionable; acting on one opens its technique')

    # 4. Nothing showing that can be used lacks a name, on the map and on the technique.
    missing = unnamed_controls(root)
    if missing:
        fail(f'showing controls without a name: {missing}')
    print('ok 4 - every showing control has a name')
finally:
    app.terminate()
    app.wait(timeout=10)
