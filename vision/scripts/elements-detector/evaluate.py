"""Scores the element detector on corpus pages as issue 13 scores the element map.

Per type (a button with text or an icon is a `button`; an icon and an image are an `image`, Sightline's one
type for both): a truth element at least 90 % visible is found when a detection of its type has its centre
inside it (centre-in-box) or overlaps it by IoU >= 0.5 (each detection matched once, best score first); a
detection is right when its centre lies inside a truth element of its type (any visible fraction), or when it
was matched by IoU.
"""
import numpy as np
import torch
from PIL import Image

import detector as d

TYPES = {"button": [0, 1], "field": [2], "toggle": [3], "image": [4, 5]}
ROWS = dict(TYPES, **{"icon-only button": [1], "icon": [4], "picture (over 40 px)": [5]})
GRID = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7]


def detect(net, path, floor=0.1):
    half = np.asarray(Image.open(path).convert("RGB")).astype(np.float32)
    with torch.no_grad():
        heat, box = d.Exported(net)(torch.from_numpy(d.to_input(half)))
    return d.decode(heat[0].numpy(), box[0].numpy(), [floor] * len(d.CLASSES), limit=1000)


def iou(a, b):
    ix = max(0.0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / (a[2] * a[3] + b[2] * b[3] - inter) if inter > 0 else 0.0


def inside(p, t):
    cx, cy = p[0] + p[2] / 2, p[1] + p[3] / 2
    return t[0] <= cx <= t[0] + t[2] and t[1] <= cy <= t[1] + t[3]


def count(found, elements, classes, thresholds):
    """[truth, found centre, found IoU, predicted, right centre, right IoU] for one page and one row."""
    preds = [f for f in found if f[0] in classes and f[1] >= thresholds[f[0]]]
    truth_all = [e[1:5] for e in elements if e[0] in classes]
    truth = [e[1:5] for e in elements if e[0] in classes and e[5] >= 0.9]
    boxes = [p[2:] for p in preds]
    c = [len(truth), 0, 0, len(preds), 0, 0]
    c[1] = sum(1 for t in truth if any(inside(b, t) for b in boxes))
    c[4] = sum(1 for b in boxes if any(inside(b, t) for t in truth_all))
    used = set()
    for b in boxes:  # best score first
        best, best_i = 0.5, None
        for i, t in enumerate(truth_all):
            if i not in used and iou(b, t) >= best:
                best, best_i = iou(b, t), i
        if best_i is not None:
            used.add(best_i)
            c[5] += 1
            if truth_all[best_i][:4] in truth:
                c[2] += 1
    return c


def table(detections, pages, thresholds, rows=ROWS):
    out = {}
    for name, classes in rows.items():
        total = np.zeros(6, int)
        for found, (_, page) in zip(detections, pages):
            total += count(found, page["elements"], classes, thresholds)
        t, fc, fi, p, rc, ri = total.tolist()
        out[name] = {"truth": t, "predicted": p,
                     "recall": round(fc / max(1, t), 3), "precision": round(rc / max(1, p), 3),
                     "recall_iou50": round(fi / max(1, t), 3), "precision_iou50": round(ri / max(1, p), 3)}
    return out


def tune_thresholds(net, pages):
    """Per class, the threshold of GRID with the best centre-in-box F1 on `pages`."""
    detections = [detect(net, path) for path, _ in pages]
    best = []
    for c in range(len(d.CLASSES)):
        scores = []
        for th in GRID:
            row = table(detections, pages, [th] * len(d.CLASSES), {"c": [c]})["c"]
            r, p = row["recall"], row["precision"]
            scores.append((2 * r * p / max(1e-9, r + p), th))
        best.append(max(scores)[1] if max(scores)[0] > 0 else 0.5)
    return best


def measure(net, pages, thresholds):
    detections = [detect(net, path) for path, _ in pages]
    return {"pages": len(pages), "table": table(detections, pages, thresholds)}


def markdown(validation):
    lines = ["| type | truth | recall | precision | recall IoU>=0.5 | precision IoU>=0.5 |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, r in validation["table"].items():
        lines.append("| %s | %d | %.3f | %.3f | %.3f | %.3f |" % (name, r["truth"], r["recall"], r["precision"],
                                                               r["recall_iou50"], r["precision_iou50"]))
    return "\n".join(lines)


def main():
    """Scores a trained detector (its .pt and the record with its thresholds) on the validation packages:

        python3 evaluate.py --model element-detector.pt --record element-detector.json --data /work/data-detector
    """
    import argparse
    import json
    import os

    import train
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--record", required=True, help="the JSON whose thresholds the detections must reach")
    ap.add_argument("--data", required=True, help="the detector's data folder (dataset.py)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    with open(args.record) as f:
        thresholds = json.load(f)["thresholds"]
    validation = train.validation_packages()
    pkgs = sorted(p for p in os.listdir(args.data)
                  if p in validation and os.path.exists(os.path.join(args.data, p, "boxes.json")))
    net = d.DetectorNet()
    net.load_state_dict(torch.load(args.model))
    result = measure(net.eval(), train.load_pages(args.data, pkgs), thresholds)
    print("%d validation pages from %d packages, thresholds %s" % (result["pages"], len(pkgs), thresholds))
    print(markdown(result))


if __name__ == "__main__":
    main()
