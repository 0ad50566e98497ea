#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The pain journal as a screen reader meets it: the real app on a real AT-SPI bus. The
# journal is reached through the header's "Pain Journal" button and "Log Pain" opens
# the editor, whose controls all have names; each pain scale is a named group that says
# its value; the small map's regions are check boxes with an action; choosing a region,
# 6 before and 3 after and saving through AT-SPI actions lists the entry in the journal,
# read out with its pain before and after.

from atspi_harness import Atspi, actions, do, fail, find, new_home, plan, start_app, walk, wait_for

plan(5)
app, root = start_app(new_home())
try:
    # 1. One action away, then "Log Pain".
    journal_buttons = [node for r, n, node in walk(wait_for(
        'the Pain Journal button', lambda: root if find(root, 'button', 'Pain Journal') else None))
        if r == 'button' and n == 'Pain Journal']
    do(journal_buttons[0])
    log_pain = wait_for('the journal’s Log Pain button', lambda: find(root, 'button', 'Log Pain'))
    print('ok 1 - the journal is reached through “Pain Journal”, and offers “Log Pain”')

    # 2. The editor: every button, toggle and check box has a name.
    do(log_pain)
    save = wait_for('the editor’s Save button', lambda: find(root, 'button', 'Save'))
    unnamed = [r for r, n, node in walk(root)
               if r in ('push button', 'button', 'toggle button', 'check box', 'radio button', 'combo box')
               and not n.strip()]
    if unnamed:
        fail(f'controls without a name in the editor: {unnamed}')
    print('ok 2 - every control of the editor has a name')

    # 3. The scales: named groups that say their value; values chosen by their action.
    def scale(name):
        for r, n, node in walk(root):
            if n == name and node.get_child_count() > 0 and find(node, 'toggle button', '6'):
                return node
        return None

    before = wait_for('the “Pain before” group', lambda: scale('Pain before'))
    after = wait_for('the “Pain after” group', lambda: scale('Pain after'))
    for group in (before, after):
        if not group.get_description().startswith('No value'):
            fail(f'“{group.get_name()}” says “{group.get_description()}” before a value is chosen')
    do(find(before, 'toggle button', '6'))
    do(find(after, 'toggle button', '3'))
    wait_for('“Pain before” to say 6 of 10', lambda: before.get_description().startswith('6 of 10'))
    wait_for('“Pain after” to say 3 of 10', lambda: after.get_description().startswith('3 of 10'))
    print(f'ok 3 - the scales are named groups with their value: “{before.get_description()}”')

    # 4. Where it hurts: the small map's regions are check boxes to act on.
    region = wait_for('the left gluteals on the editor’s map',
                      lambda: find(root, 'check box', 'Gluteals, left side'))
    do(region, 'region.activate')
    wait_for('the region to be checked', lambda: region.get_state_set().contains(Atspi.StateType.CHECKED))
    wait_for('the editor to name the chosen region', lambda: find(root, 'label', 'Gluteals, left side'))
    print('ok 4 - a region on the editor’s map is chosen through its action')

    # 5. Saved through AT-SPI, the journal reads the entry out with both values.
    do(save)

    def listed():
        for r, n, node in walk(root):
            if 'pain 6 before and 3 after' in n:
                return n
        return None

    row = wait_for('the journal to list the entry with its pain', listed)
    print(f'ok 5 - the saved entry is listed as “{row}”')
finally:
    app.terminate()
    app.wait(timeout=10)
