#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draws contact sheets of every drawing in data/illustrations/, one PNG per style.

    python3 build-aux/illustrations/contact-sheet.py [OUTDIR] [--columns N] [--width W]
                                                     [--only PREFIX ...]

writes OUTDIR/contact-sheet-light.png, -dark.png, -high-contrast.png and
-high-contrast-dark.png (OUTDIR defaults to the current directory): a grid with every
drawing labelled by its file name, recoloured by the stylesheets beside the drawings as
the app recolours them. Look at all of them after changing a pose. The sheets are for
looking at, not for committing.

It needs librsvg and GdkPixbuf through PyGObject, which the build root has:
build-aux/dev shell python3 build-aux/illustrations/contact-sheet.py _build/sheets
"""
import argparse
import html
import pathlib
import re
import sys

import gi

gi.require_version('GdkPixbuf', '2.0')
from gi.repository import GdkPixbuf  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
DRAWINGS = ROOT / 'data' / 'illustrations'

# name, page background, label colour, the stylesheet laid over the drawings' own colours
# (one per style, as src/unknot-svg-style.c loads them)
STYLES = [
    ('light', '#ffffff', '#000000', []),
    ('dark', '#242424', '#ffffff', ['illustration-dark.css']),
    ('high-contrast', '#ffffff', '#000000', ['illustration-high-contrast.css']),
    ('high-contrast-dark', '#000000', '#ffffff', ['illustration-high-contrast-dark.css']),
]


def inner(svg_text):
    """The drawing's content (style and shapes) without its outer svg element."""
    body = re.sub(r'<!--.*?-->', '', svg_text, flags=re.S)
    m = re.search(r'<svg[^>]*>(.*)</svg>', body, flags=re.S)
    return m.group(1), re.search(r'viewBox="([^"]+)"', body).group(1)


def sheet(files, columns, cell_w, style):
    name, background, ink, sheets = style
    cell_h = int(cell_w * 180 / 280)
    label_h = 22
    pad = 10
    rows = (len(files) + columns - 1) // columns
    width = columns * (cell_w + pad) + pad
    height = rows * (cell_h + label_h + pad) + pad
    css = ''.join((DRAWINGS / s).read_text() for s in sheets if (DRAWINGS / s).exists())
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">',
             f'<rect width="{width}" height="{height}" fill="{background}"/>']
    for i, f in enumerate(files):
        col, row = i % columns, i // columns
        x = pad + col * (cell_w + pad)
        y = pad + row * (cell_h + label_h + pad)
        content, view = inner(f.read_text())
        parts.append(f'<rect x="{x - 1}" y="{y - 1}" width="{cell_w + 2}" height="{cell_h + 2}" '
                     f'fill="none" stroke="#888888" stroke-width="1"/>')
        parts.append(f'<svg x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" viewBox="{view}">'
                     f'{content}</svg>')
        parts.append(f'<text x="{x + cell_w / 2}" y="{y + cell_h + 16}" fill="{ink}" '
                     f'font-family="sans-serif" font-size="13" text-anchor="middle">'
                     f'{html.escape(f.name)}</text>')
    # Laid last so that it wins over the drawings' own style elements, as in the app.
    parts.append(f'<style><![CDATA[{css}]]></style>')
    parts.append('</svg>')
    loader = GdkPixbuf.PixbufLoader.new_with_type('svg')
    loader.write(''.join(parts).encode())
    loader.close()
    return loader.get_pixbuf()


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('outdir', nargs='?', default='.')
    ap.add_argument('--columns', type=int, default=6)
    ap.add_argument('--width', type=int, default=280, help='width of one drawing in pixels')
    ap.add_argument('--only', action='append', default=[],
                    help='draw only the files whose name starts so (may be repeated)')
    args = ap.parse_args(argv[1:])
    out = pathlib.Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    files = [p for p in sorted(DRAWINGS.glob('*.svg'))
             if not args.only or any(p.name.startswith(o) for o in args.only)]
    if not files:
        print('no drawings match', file=sys.stderr)
        return 1
    for style in STYLES:
        target = out / f'contact-sheet-{style[0]}.png'
        sheet(files, args.columns, args.width, style).savev(str(target), 'png', [], [])
        print(target)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
