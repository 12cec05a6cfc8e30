#!/usr/bin/env bash
# Regenerates Sightline's earcons with sox (Debian package sox). Each is mono 16-bit 22 050 Hz, under 0.4 s.
# capturing: two quick high clicks, like a shutter.      working: a soft low double pulse.
# done: a rising fifth (C6 -> G6).                         error: a falling minor third, lower and longer.
set -euo pipefail
cd "$(dirname "$0")"
fmt=(-r 22050 -b 16 -c 1)
sox -n "${fmt[@]}" capturing.wav synth 0.025 square 2400 fade 0 0.025 0.02 pad 0 0.05 repeat 1 vol 0.35
sox -n "${fmt[@]}" working.wav synth 0.09 sine 440 fade q 0.015 0.09 0.05 pad 0 0.06 repeat 1 vol 0.45
sox -n "${fmt[@]}" done.wav synth 0.09 sine 1047 fade q 0.01 0.09 0.03 : synth 0.16 sine 1568 fade q 0.01 0.16 0.1 vol 0.45
sox -n "${fmt[@]}" error.wav synth 0.14 triangle 392 fade q 0.01 0.14 0.03 : synth 0.22 triangle 330 fade q 0.01 0.22 0.15 vol 0.6
