"""Writes the parity fixture that holds Sightline's Java input pipeline to this one.

    python3 golden.py --model OUT_DIR/text-roles.pt --image PAGE.png --truth PAGE.json --out GOLDEN.json

For the segments of one corpus page (at most --limit, spread over the page) it records their boxes and texts,
the FEATURES numbers, a few numbers per crop (the sum of every value and the values at fixed places) and the
probabilities the trained network gives. The Java test computes the same from the same PNG and compares.
"""
import argparse
import json

import numpy as np
import torch
from PIL import Image

import preprocess as pp
from dataset import ROLES, segments
from train import load_weights

# Places in a crop (channel, row, column) whose values the fixture records.
PROBES = [(0, 0, 0), (0, 12, 5), (1, 12, 40), (2, 6, 100), (0, 23, 191), (1, 18, 60), (2, 3, 3), (0, 20, 150)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--image", required=True)
    ap.add_argument("--truth", help="the page's corpus truth, whose segments the fixture takes")
    ap.add_argument("--segments", help="instead: an earlier fixture of this page, whose segments are taken again "
                                       "(for new weights when the corpus page has been rendered anew)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    if args.segments:
        with open(args.segments) as f:
            segs = [(s["box"], s["text"], s["role"]) for s in json.load(f)["all"]]
    else:
        with open(args.truth) as f:
            segs = segments(json.load(f))
    image = np.asarray(Image.open(args.image).convert("RGB"))
    ih, iw = image.shape[:2]
    segs = [s for s in segs if s[0][0] >= 0 and s[0][1] >= 0 and s[0][0] < iw and s[0][1] < ih]
    boxes = [pp.ink_box(image, s[0]) for s in segs]
    texts = [s[1] for s in segs]
    feats = pp.features(boxes, texts, iw, ih)
    keep = np.linspace(0, len(segs) - 1, min(args.limit, len(segs))).round().astype(int).tolist()
    crops = np.stack([pp.crop(image, boxes[k]) for k in keep])
    model = load_weights(args.model)
    with torch.no_grad():
        scores = model(torch.from_numpy(crops), torch.from_numpy(feats[keep])).numpy()
    golden = {"image": args.image.split("/")[-1], "roles": ROLES,
              "note": "features are computed over all segments; the other fields are for the kept ones",
              "all": [{"box": s[0], "text": s[1], "role": s[2]} for s in segs],
              "inkBoxes": boxes,
              "kept": keep,
              "features": feats[keep].round(6).tolist(),
              "cropSums": [float(c.astype(np.float64).sum()) for c in crops],
              "probes": PROBES,
              "probeValues": [[float(c[p]) for p in PROBES] for c in crops],
              "scores": scores.round(6).tolist()}
    with open(args.out, "w") as f:
        json.dump(golden, f, indent=1)
    print("wrote", args.out, len(keep), "segments")


if __name__ == "__main__":
    main()
