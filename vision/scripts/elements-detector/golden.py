"""Writes the parity fixture that holds Sightline's Java detector pipeline to this one.

    python3 golden.py --model OUT_DIR/element-detector.pt --record OUT_DIR/element-detector.json \
        --image PAGE.png [--truth PAGE.json] --out GOLDEN.json

For one screenshot it records the input's size, the sum of its values and the values at fixed places, the
network's outputs at fixed places, and the detections with the record's thresholds. `ElementDetectorTest`
computes the same in Java from the same PNG with the shipped graph and compares.
"""
import argparse
import json

import numpy as np
import torch
from PIL import Image

import detector as d

# Places (channel, row, column) in the input and in the outputs whose values the fixture records.
INPUT_PROBES = [(0, 0, 0), (1, 10, 20), (2, 100, 300), (0, 250, 17), (1, 399, 511), (2, 50, 50), (0, 333, 222)]
OUTPUT_PROBES = [(0, 0, 0), (1, 20, 30), (2, 50, 60), (3, 10, 10), (4, 5, 100), (5, 80, 70), (0, 99, 127)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--record", required=True)
    ap.add_argument("--image", required=True)
    ap.add_argument("--truth", help="the page's corpus truth: its buttons, fields, toggles and pictures go in")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    with open(args.record) as f:
        thresholds = json.load(f)["thresholds"]
    image = np.asarray(Image.open(args.image).convert("RGB"))
    x = d.to_input(d.half(image))
    net = d.DetectorNet()
    net.load_state_dict(torch.load(args.model))
    with torch.no_grad():
        heat, box = d.Exported(net.eval())(torch.from_numpy(x))
    heat, box = heat[0].numpy(), box[0].numpy()

    def probe(a, places):
        return [float(a[p]) if all(i < s for i, s in zip(p, a.shape)) else None for p in places]

    golden = {"image": args.image.split("/")[-1], "classes": d.CLASSES, "thresholds": thresholds,
              "inputShape": list(x.shape[1:]), "inputSum": float(x.astype(np.float64).sum()),
              "inputProbes": INPUT_PROBES, "inputValues": probe(x[0], INPUT_PROBES),
              "outputShape": list(heat.shape), "heatSum": float(heat.astype(np.float64).sum()),
              "outputProbes": OUTPUT_PROBES, "heatValues": probe(heat, OUTPUT_PROBES),
              "boxValues": probe(box, [(p[0] % 4,) + p[1:] for p in OUTPUT_PROBES]),
              "detections": [{"kind": d.CLASSES[c], "score": round(s, 6), "box": [round(v, 3) for v in (x0, y0, w, h)]}
                             for c, s, x0, y0, w, h in d.decode(heat, box, thresholds)]}
    if args.truth:
        with open(args.truth) as f:
            golden["truth"] = [{"type": e["type"], "iconOnly": bool(e.get("iconOnly")), "label": e.get("label", ""),
                                "box": [e["box"][k] for k in ("x", "y", "width", "height")]}
                               for e in json.load(f)["elements"] if d.corpus_class(e) is not None
                               and e.get("visibleFraction", 1) >= 0.9]
    with open(args.out, "w") as f:
        json.dump(golden, f, indent=1)
    print("wrote", args.out, len(golden["detections"]), "detections")


if __name__ == "__main__":
    main()
