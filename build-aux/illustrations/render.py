#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draws the step illustrations in data/illustrations/ from their pose sketches.

Each file in build-aux/illustrations/poses/ is a sketch: a stick figure (a torso line
from shoulder to hip, a neck line, a head circle, limbs as polylines from the shoulder
or hip outwards), plus the tool, the floor or wall and the orange pressure and motion
marks. The sketches are easy to change in any SVG editor: move a joint and run this
script again (python3 build-aux/illustrations/render.py).

This script keeps every non-figure element as it is and replaces the stick figure
with a friendly, fleshed-out one: tapered limbs (thicker near the body), a shirt,
trousers, shoes, skin and hair, the far side of the body in deeper shades so that a
side view reads in depth. Only CSS classes carry colours, so the app restyles the
drawings for the dark and high-contrast styles (illustration-*.css beside them).

A sketch may hold a second person, the partner who gives the massage: their torso, neck,
head and limbs carry data-figure="partner" and are drawn like the first figure, in the
sketch's order (so the partner's far arm can go behind the person and the near arm in
front), with the extra class "partner" for their own colours. A head may say which way
the face looks with data-facing="1" (right) or "-1" (left) when the feet do not tell,
as for someone kneeling or bending low.
"""
import math
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent
POSES = ROOT / 'poses'
OUT = ROOT.parent.parent / 'data' / 'illustrations'
SVG_NS = 'http://www.w3.org/2000/svg'

STYLE = '''  <style>
    .floor, .wall { stroke: #c0bfbc; stroke-width: 3; stroke-linecap: round; fill: none; }
    .furniture { stroke: #9a9996; stroke-width: 5; stroke-linecap: round; stroke-linejoin: round; fill: none; }
    .skin { fill: #e8b48c; }
    .skin-far { fill: #c98f66; }
    .hair { fill: #63452c; }
    .shirt { fill: #26a269; }
    .shirt-far { fill: #1b7a4e; }
    .trousers { fill: #5e5c64; }
    .trousers-far { fill: #3d3846; }
    .shoe { fill: #241f31; }
    .tool { fill: #3584e4; stroke: #1c71d8; stroke-width: 2; stroke-linejoin: round; }
    .tool-line { stroke: #3584e4; stroke-linecap: round; stroke-linejoin: round; fill: none; }
    .pressure { fill: none; stroke: #e66100; stroke-width: 3; }
    .motion { fill: none; stroke: #e66100; stroke-width: 2.5; stroke-linecap: round; stroke-linejoin: round; }
    .motion-head { fill: #e66100; }
  </style>
'''

# A second person, the partner who gives the massage, wears other colours. The classes
# stay those of the figure (plus "partner"), so a stylesheet that recolours the figure
# recolours the partner too until it gives .partner its own rules.
PARTNER = 'partner'
PARTNER_STYLE = '''  <style>
    .shirt.partner { fill: #9141ac; }
    .shirt-far.partner { fill: #613583; }
    .trousers.partner { fill: #865e3c; }
    .trousers-far.partner { fill: #63452c; }
    .hair.partner { fill: #241f31; }
  </style>
'''

# Half-widths along each body part, from its root outwards, in drawing units.
TORSO = (9.5, 8.5)         # shoulder, hip
NECK = 3.6
UPPER_ARM = (5.2, 4.4)
FOREARM = (4.4, 3.6)
HAND = 4.6
THIGH = (7.4, 5.8)
SHIN = (5.8, 4.4)
FOOT = 4.2
SHOE_BLOB = 5.0            # a foot seen end-on, where a leg has no foot segment


def fmt(v):
    s = f'{v:.1f}'
    return s[:-2] if s.endswith('.0') else s


def parse_points(d, samples=8):
    """Absolute M/L/H/V/Q/Z path data into a list of points; a curve becomes samples."""
    tokens = re.findall(r'[MLHVQZmlhvqz]|-?\d*\.?\d+(?:e-?\d+)?', d)
    points, cmd, i = [], 'M', 0
    while i < len(tokens):
        t = tokens[i]
        if t.isalpha():
            cmd = t
            i += 1
            continue
        if cmd in 'ML':
            points.append((float(tokens[i]), float(tokens[i + 1])))
            i += 2
        elif cmd == 'H':
            points.append((float(tokens[i]), points[-1][1]))
            i += 1
        elif cmd == 'V':
            points.append((points[-1][0], float(tokens[i])))
            i += 1
        elif cmd == 'Q':
            p0 = points[-1]
            c = (float(tokens[i]), float(tokens[i + 1]))
            p1 = (float(tokens[i + 2]), float(tokens[i + 3]))
            for k in range(1, samples + 1):
                u = k / samples
                points.append(((1 - u) ** 2 * p0[0] + 2 * (1 - u) * u * c[0] + u * u * p1[0],
                               (1 - u) ** 2 * p0[1] + 2 * (1 - u) * u * c[1] + u * u * p1[1]))
            i += 4
        else:
            raise ValueError(f'unsupported path command {cmd!r} in {d!r}')
    return points


def is_curve(d):
    return 'Q' in d or 'q' in d


def circle_points(c, r, n=28):
    return [(c[0] + r * math.cos(2 * math.pi * k / n), c[1] + r * math.sin(2 * math.pi * k / n))
            for k in range(n)]


def hull(points):
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def polygon(cls, points):
    d = 'M' + ' L'.join(f'{fmt(x)} {fmt(y)}' for x, y in points) + ' Z'
    return f'  <path class="{cls}" d="{d}"/>'


def capsule(cls, p0, r0, p1, r1):
    """A limb segment: the outline around two circles, thicker at the root."""
    return polygon(cls, hull(circle_points(p0, r0) + circle_points(p1, r1)))


def curved_outline(pts, r0, r1):
    """The outline of a body part along a curve, tapering from r0 to r1, round ends."""
    n = len(pts) - 1
    left, right = [], []
    for k, p in enumerate(pts):
        a = pts[max(k - 1, 0)]
        b = pts[min(k + 1, n)]
        length = dist(a, b)
        nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
        r = r0 + (r1 - r0) * k / n
        left.append((p[0] + r * nx, p[1] + r * ny))
        right.append((p[0] - r * nx, p[1] - r * ny))

    def cap(c, r, start, towards):
        # Half a circle around c from the point start, bulging towards the given point.
        a0 = math.atan2(start[1] - c[1], start[0] - c[0])
        mid = math.atan2(towards[1] - c[1], towards[0] - c[0])
        sign = 1 if math.sin(mid - a0) > 0 else -1
        return [(c[0] + r * math.cos(a0 + sign * math.pi * k / 8),
                 c[1] + r * math.sin(a0 + sign * math.pi * k / 8)) for k in range(1, 8)]

    end = pts[-1]
    beyond_end = (2 * end[0] - pts[-2][0], 2 * end[1] - pts[-2][1])
    start = pts[0]
    before_start = (2 * start[0] - pts[1][0], 2 * start[1] - pts[1][1])
    return (left + cap(end, r1, left[-1], beyond_end) + right[::-1]
            + cap(start, r0, right[0], before_start))


def disc(cls, c, r):
    return f'  <circle class="{cls}" cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(r)}"/>'


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


class Figure:
    def __init__(self, elements):
        self.shoulder = None
        self.hip = None
        self.neck_base = None
        self.leg_ends = []
        self.back_view = False
        for el in elements:
            cls = el.get('class', '')
            if cls == 'figure torso':
                pts = parse_points(el.get('d'))
                if len(pts) == 2 or is_curve(el.get('d')):
                    self.shoulder, self.hip = pts[0], pts[-1]
                else:
                    self.back_view = True
                    top = sorted(pts, key=lambda p: p[1])
                    self.shoulder = ((top[0][0] + top[1][0]) / 2, (top[0][1] + top[1][1]) / 2)
                    self.hip = ((top[-1][0] + top[-2][0]) / 2, (top[-1][1] + top[-2][1]) / 2)
                if el.get('data-shoulder'):
                    # A broad torso that is not upright (a figure lying on its side, seen
                    # from the front): its sketch names the shoulder and hip points.
                    self.shoulder = tuple(float(v) for v in el.get('data-shoulder').split())
                    self.hip = tuple(float(v) for v in el.get('data-hip').split())
                    self.back_view = el.get('data-view', 'front') == 'back'
            elif cls == 'figure neck':
                self.neck_base = parse_points(el.get('d'))[0]
        if self.shoulder is None:
            raise ValueError('no torso')
        self.facing = self.find_facing(elements)

    def find_facing(self, elements):
        """+1 when the figure faces right, -1 left, 0 when its feet do not tell."""
        limbs = [parse_points(el.get('d')) for el in elements
                 if el.get('class', '') in ('figure limb', 'figure-far limb')]
        legs = [p for p in limbs if dist(p[0], self.hip) < dist(p[0], self.shoulder)]
        ends = [p[2] for p in legs if len(p) >= 3]
        toes = [p[3][0] - p[2][0] for p in legs if len(p) == 4]
        toes += [p[1][0] - p[0][0] for p in limbs
                 if len(p) == 2 and any(dist(p[0], e) < 1.5 for e in ends)]
        total = sum(toes)
        return 0 if abs(total) < 1 else (1 if total > 0 else -1)

    def limb_kind(self, pts):
        root = pts[0]
        if any(dist(root, end) < 1.5 for end in self.leg_ends) and len(pts) == 2:
            return 'foot'
        if dist(root, self.hip) < dist(root, self.shoulder):
            return 'leg'
        return 'arm'


def draw_limb(fig, el, far):
    pts = parse_points(el.get('d'))
    kind = fig.limb_kind(pts)
    skin = 'skin-far' if far else 'skin'
    out = []
    if kind == 'arm':
        cloth = 'shirt-far' if far else 'shirt'
        radii = [UPPER_ARM, FOREARM]
        for i in range(len(pts) - 1):
            r0, r1 = radii[min(i, 1)]
            out.append(capsule(cloth, pts[i], r0, pts[i + 1], r1))
        out.append(disc(skin, pts[-1], HAND))
    elif kind == 'leg':
        cloth = 'trousers-far' if far else 'trousers'
        leg, foot = pts[:3], pts[3:]
        radii = [THIGH, SHIN]
        for i in range(len(leg) - 1):
            r0, r1 = radii[min(i, 1)]
            out.append(capsule(cloth, leg[i], r0, leg[i + 1], r1))
        if foot:
            out.append(capsule('shoe', leg[-1], FOOT, foot[0], FOOT * 0.85))
        else:
            fig.leg_ends.append(leg[-1])
            out.append(('pending-shoe', leg[-1]))
    else:
        out.append(capsule('shoe', pts[0], FOOT, pts[1], FOOT * 0.85))
        fig.feet_done = getattr(fig, 'feet_done', []) + [pts[0]]
    return out


def draw_head(fig, el):
    c = (float(el.get('cx')), float(el.get('cy')))
    r = float(el.get('r'))
    base = fig.neck_base or fig.shoulder
    # Hair covers the crown: the half of the head away from the neck.
    ang = math.atan2(c[1] - base[1], c[0] - base[0])
    if not fig.back_view and c[1] < fig.hip[1] - 25:
        # Upright, seen from the side: the hair sits towards the back of the head,
        # leaving the face free on the side the feet point to (or the sketch says).
        facing = int(el.get('data-facing', fig.facing))
        ang -= math.radians(35) * facing
    # A figure drawn with a broad torso is seen from behind: hair covers nearly all of
    # the head.
    spread = 150 if fig.back_view else 95
    cap = [(c[0] + (r + 0.6) * math.cos(ang + math.radians(a)),
            c[1] + (r + 0.6) * math.sin(ang + math.radians(a))) for a in range(-spread, spread + 1, 10)]
    back = (c[0] + r * 0.25 * math.cos(ang), c[1] + r * 0.25 * math.sin(ang))
    return [disc('skin', c, r), polygon('hair', cap if fig.back_view else cap + [back])]


def is_partner(el):
    return el.get('data-figure') == PARTNER


def mark_partner(item):
    """The partner's body parts carry the class "partner" beside their own."""
    if isinstance(item, tuple):
        return item
    return re.sub(r'class="([^"]*)"', rf'class="\1 {PARTNER}"', item, count=1)


def draw_inset(group):
    """A small second view in a corner (e.g. the back seen from behind, to show where a
    tool presses beside the spine): a group with its own figure sketch and a transform."""
    children = list(group)
    fig = Figure(children)
    out = [f'  <g transform="{group.get("transform")}">']
    for el in children:
        cls = el.get('class', '')
        tag = el.tag.split('}')[1]
        if cls == 'figure torso':
            pts = parse_points(el.get('d'))
            if len(pts) == 2:
                out.append(capsule('shirt', pts[0], TORSO[0], pts[1], TORSO[1]))
            else:
                out.append(polygon('shirt', hull([q for p in pts for q in circle_points(p, 3, 12)])))
        elif cls == 'figure neck':
            a, b = parse_points(el.get('d'))
            out.append(capsule('skin', a, NECK, b, NECK))
        elif cls == 'head':
            out.extend(draw_head(fig, el))
        elif cls in ('figure limb', 'figure-far limb'):
            for item in draw_limb(fig, el, cls.startswith('figure-far')):
                out.append(disc('shoe', item[1], SHOE_BLOB) if isinstance(item, tuple) else item)
        else:
            attrs = ' '.join(f'{k}="{v}"' for k, v in el.attrib.items())
            out.append(f'  <{tag} {attrs}/>')
    out.append('  </g>')
    return out


def render(src):
    tree = ET.parse(src)
    svg = tree.getroot()
    elements = [el for el in svg if el.tag != f'{{{SVG_NS}}}style']
    partner_elements = [el for el in elements if is_partner(el)]
    if partner_elements:
        # Two people: each has their own torso, limbs and head, drawn in sketch order.
        partner = Figure(partner_elements)
        elements_fig = [el for el in elements if not is_partner(el)]
        fig = Figure(elements_fig)
    else:
        partner = None
        fig = Figure(elements)
    comment = ''
    text = src.read_text()
    m = re.search(r'<!-- Unknot illustration:.*?-->', text)
    if m:
        comment = m.group(0)

    body = []
    main_fig = fig
    for el in elements:
        cls = el.get('class', '')
        tag = el.tag.split('}')[1]
        fig = partner if partner is not None and is_partner(el) else main_fig
        start = len(body)
        if cls == 'figure torso':
            pts = parse_points(el.get('d'))
            if len(pts) == 2:
                body.append(capsule('shirt', pts[0], TORSO[0], pts[1], TORSO[1]))
            elif is_curve(el.get('d')):
                body.append(polygon('shirt', curved_outline(pts, TORSO[0], TORSO[1])))
            else:
                body.append(polygon('shirt', hull([q for p in pts for q in circle_points(p, 3, 12)])))
        elif cls == 'figure neck':
            a, b = parse_points(el.get('d'))
            body.append(capsule('skin', a, NECK, b, NECK))
        elif cls == 'figure-far neck':
            # A thumb pressing into the back, seen from behind.
            a, b = parse_points(el.get('d'))
            body.append(capsule('skin-far', a, 2.6, b, 2.2))
        elif cls == 'head':
            body.extend(draw_head(fig, el))
        elif cls in ('figure limb', 'figure-far limb'):
            body.extend(draw_limb(fig, el, cls.startswith('figure-far')))
        elif tag == 'g' and cls == 'inset':
            body.extend(draw_inset(el))
        else:
            attrs = ' '.join(f'{k}="{v}"' for k, v in el.attrib.items())
            body.append(f'  <{tag} {attrs}/>')
        if fig is partner:
            body[start:] = [mark_partner(item) + (partner,) if isinstance(item, tuple)
                            else mark_partner(item) for item in body[start:]]
    fig = main_fig

    done = getattr(fig, 'feet_done', [])
    lines = []
    for item in body:
        if isinstance(item, tuple):
            ankle = item[1]
            feet = getattr(item[2], 'feet_done', []) if len(item) > 2 else done
            shoe = disc('shoe', ankle, SHOE_BLOB)
            if not any(dist(ankle, f) < 1.5 for f in feet):
                lines.append(mark_partner(shoe) if len(item) > 2 else shoe)
        else:
            lines.append(item)

    view = svg.get('viewBox')
    w, h = svg.get('width'), svg.get('height')
    header = ['<!-- SPDX-License-Identifier: GPL-3.0-or-later -->']
    if comment:
        header.append(comment)
    header.append('<!-- Drawn by build-aux/illustrations/render.py from build-aux/illustrations/poses/; edit the pose there. -->')
    return '\n'.join(header + [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}" width="{w}" height="{h}">',
        STYLE.rstrip('\n')] + ([PARTNER_STYLE.rstrip('\n')] if partner else []) + lines
        + ['</svg>']) + '\n'


def main(argv):
    """render.py [NAME.svg ...] draws; render.py --check only compares (for the tests)."""
    check = '--check' in argv
    names = [a for a in argv[1:] if a != '--check'] or sorted(p.name for p in POSES.glob('*.svg'))
    if not check:
        for name in names:
            (OUT / name).write_text(render(POSES / name))
        print(f'{len(names)} illustrations drawn into {OUT.relative_to(ROOT.parent.parent)}')
        return 0

    stale = [n for n in names
             if not (OUT / n).exists() or (OUT / n).read_text() != render(POSES / n)]
    orphans = [p.name for p in sorted(OUT.glob('*.svg'))
               if not p.name.startswith('tool-') and not (POSES / p.name).exists()]
    for name in stale:
        print(f'data/illustrations/{name} is not drawn from its pose sketch: '
              'run python3 build-aux/illustrations/render.py')
    for name in orphans:
        print(f'data/illustrations/{name} has no pose sketch in build-aux/illustrations/poses/')
    print(f'{len(names) - len(stale)} of {len(names)} step drawings match their sketches')
    return 1 if stale or orphans else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
