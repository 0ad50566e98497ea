#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The menus as a screen reader meets them: the real app on a real AT-SPI bus. Every
# item of the main menu and of a hold's menu on My Routine has a name and an action,
# and acting on "Remove From Routine" through AT-SPI takes the hold out (and saves).

import json
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

DEADLINE = 20.0
print('TAP version 13')
print('1..3')


def fail(message):
    print('not ok - ' + message)
    print('Bail out!')
    sys.exit(1)


START = time.monotonic()


def wait_for(what, condition):
    """Polls the bus until condition() gives something, within DEADLINE seconds."""
    print(f'# {time.monotonic() - START:.1f} s: waiting for {what}', flush=True)
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        found = condition()
        if found:
            return found
        # The bus answers asynchronously; let it deliver what changed.
        time.sleep(0.05)
    fail(f'{what} never came true within {DEADLINE:.0f} s')


def walk(node, found=None):
    found = [] if found is None else found
    try:
        found.append((node.get_role_name(), node.get_name() or '', node))
        for i in range(node.get_child_count()):
            child = node.get_child_at_index(i)
            if child is not None:
                walk(child, found)
    except gi.repository.GLib.Error:
        pass  # an object that went away while we looked
    return found


def actions(node):
    action = node.get_action_iface()
    return [action.get_action_name(i) for i in range(action.get_n_actions())] if action else []


def do(node, name='click'):
    names = actions(node)
    if name not in names:
        fail(f'“{node.get_name()}” has no “{name}” action (it has {names})')
    node.get_action_iface().do_action(names.index(name))


home = tempfile.mkdtemp(prefix='unknot-atspi-')
env = dict(os.environ)
for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'):
    env[var] = os.path.join(home, var)
    os.makedirs(env[var])
routine_file = os.path.join(env['XDG_DATA_HOME'], 'unknot', 'my-routine.json')
os.makedirs(os.path.dirname(routine_file))
with open(routine_file, 'w') as f:
    json.dump({'version': 1, 'techniques': ['ball-glutes', 'hands-lower-back']}, f)

# The real accessibility backend, and settings of its own: no first-run dialog, no chime.
env.pop('GTK_A11Y', None)
env['G_DEBUG'] = os.environ.get('UNKNOT_APP_G_DEBUG', '')
# The app is ended with SIGTERM, so LeakSanitizer never reports on it here (the C tests
# cover leaks); the slow exact unwinding on every malloc only delays its start-up.
if 'ASAN_OPTIONS' in env:
    env['ASAN_OPTIONS'] += ':fast_unwind_on_malloc=1:detect_leaks=0'
env.pop('NO_AT_BRIDGE', None)
env['GSETTINGS_BACKEND'] = 'keyfile'
for key, value in (('first-run-done', 'true'), ('sound-enabled', 'false')):
    subprocess.run(['gsettings', 'set', 'io.github.unknot.Unknot', key, value], env=env, check=True)

app = subprocess.Popen([os.environ['UNKNOT_EXE']], env=env)
try:
    def find_app():
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_process_id() == app.pid:
                return child
        return None

    root = wait_for('Unknot on the accessibility bus', find_app)

    def find(role, name=None, prefix=None):
        for r, n, node in walk(root):
            if r == role and (name is None or n == name) and (prefix is None or n.startswith(prefix)):
                return node
        return None

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
