# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the AT-SPI tests share: the real app started on a real accessibility bus with a
# home of its own, and a screen reader's ways of finding, waiting for and acting on what
# it shows. Every wait polls the bus against a deadline and fails naming its condition.

import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

DEADLINE = 20.0
START = time.monotonic()


def plan(n):
    print('TAP version 13')
    print(f'1..{n}')


def fail(message):
    print('not ok - ' + message)
    print('Bail out!')
    sys.exit(1)


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


def new_home():
    """A private home: the environment for the app, and its data directory."""
    home = tempfile.mkdtemp(prefix='unknot-atspi-')
    env = dict(os.environ)
    for var in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'):
        env[var] = os.path.join(home, var)
        os.makedirs(env[var])
    return env


def start_app(env):
    """Unknot on the real accessibility backend, first run done, no chime; returns the
    process and its root on the bus."""
    env = dict(env)
    env.pop('GTK_A11Y', None)
    env['G_DEBUG'] = os.environ.get('UNKNOT_APP_G_DEBUG', '')
    # The app is ended with SIGTERM, so LeakSanitizer never reports on it here (the C
    # tests cover leaks); the slow exact unwinding on every malloc only delays its start.
    if 'ASAN_OPTIONS' in env:
        env['ASAN_OPTIONS'] += ':fast_unwind_on_malloc=1:detect_leaks=0'
    env.pop('NO_AT_BRIDGE', None)
    env['GSETTINGS_BACKEND'] = 'keyfile'
    for key, value in (('first-run-done', 'true'), ('sound-enabled', 'false')):
        subprocess.run(['gsettings', 'set', 'io.github.unknot.Unknot', key, value], env=env, check=True)

    app = subprocess.Popen([os.environ['UNKNOT_EXE']], env=env)

    def find_app():
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_process_id() == app.pid:
                return child
        return None

    try:
        root = wait_for('Unknot on the accessibility bus', find_app)
    except SystemExit:
        app.terminate()
        raise
    return app, root


def find(root, role, name=None, prefix=None, contains=None):
    for r, n, node in walk(root):
        if r == role and (name is None or n == name) and (prefix is None or n.startswith(prefix)) \
                and (contains is None or contains in n):
            return node
    return None
