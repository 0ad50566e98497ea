#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes data/sounds/hold-complete.wav, the soft chime at the end of a hold.

Two bell-like tones a fifth apart (A5 then E6), each a few partials with a quick
attack and a long exponential decay, 1.2 s in all, mono 16-bit 44.1 kHz. Run it again
only to change the sound; the result is committed.
"""
import math
import struct
import sys
import wave

RATE = 44100
LENGTH = 1.2


def bell(t, freq, start):
    t -= start
    if t < 0:
        return 0.0
    attack = min(1.0, t / 0.008)
    decay = math.exp(-t * 3.2)
    partials = ((1.0, 1.0), (2.0, 0.35), (3.01, 0.12), (4.2, 0.05))
    return attack * decay * sum(a * math.sin(2 * math.pi * freq * k * t) for k, a in partials)


def main(path):
    frames = bytearray()
    for i in range(int(RATE * LENGTH)):
        t = i / RATE
        value = 0.28 * bell(t, 880.0, 0.0) + 0.24 * bell(t, 1318.5, 0.18)
        fade = min(1.0, (LENGTH - t) / 0.15)
        frames += struct.pack('<h', int(max(-1.0, min(1.0, value * fade)) * 32767))
    with wave.open(path, 'wb') as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'data/sounds/hold-complete.wav')
