"""Turns the page corpus into samples for the text role model, one file per package.

    python3 dataset.py --corpus /work/corpus --out /work/text-roles-data

Each package gives OUT/PKG.npz with crops (uint8, N x HEIGHT x WIDTH x 3, the preprocess crop before
normalising), features, labels and page numbers. A package already done is skipped, so the script can run
again while the corpus grows. Training packages keep every heading, button and field and at most
CAPS of the common roles per page (the rest repeats itself); validation packages (split.txt) keep
every segment, so that precision is measured at the real mix of roles.

A segment is what OCR and Sightline's segmenter see as one piece: consecutive runs of the DOM on one visual
line with the same role, level and region and at most one line height apart.
"""
import argparse
import json
import os
import random
import sys

import numpy as np
from PIL import Image

import preprocess as pp

ROLES = ["text", "heading1", "heading2", "heading3", "link", "nav", "button", "field"]
# Per page, at most this many segments of the common roles; headings, buttons and fields are all kept.
CAPS = {"text": 12, "link": 8, "nav": 8}
SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))
SPLIT = os.path.join(SCRIPT_DIR, "..", "corpus", "split.txt")


def validation_packages():
    with open(SPLIT) as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def link_boxes(truth):
    """The boxes of the page's links (truth elements): text inside a link is the link's, whatever face it has."""
    return [e["box"] for e in truth.get("elements", []) if e.get("type") == "link"]


def role_of(run, regions, links=()):
    role = run["role"]
    if role in ("code", "text") and links:
        # A name set in code inside a link (<a><code>select()</code></a>, API references' way) has the run role
        # "code"; it reads and acts as the link it is.
        b = run["box"]
        cx, cy = b["x"] + b["width"] / 2, b["y"] + b["height"] / 2
        if any(l["x"] <= cx <= l["x"] + l["width"] and l["y"] <= cy <= l["y"] + l["height"] for l in links):
            role = "link"
    if role == "heading":
        return "heading%d" % min(3, max(1, run.get("level") or 3))
    if role == "link":
        region = regions[run["region"]]["kind"] if 0 <= run["region"] < len(regions) else ""
        return "nav" if region in ("navigation", "header") else "link"
    if role == "button":
        return "button"
    if role in ("label", "field"):
        return "field"
    return "text"


def roled_runs(truth):
    """The page's runs with text and a box of some size, each as (box, text, role, region)."""
    regions = truth.get("regions", [])
    links = link_boxes(truth)
    for run in truth["runs"]:
        b = run["box"]
        box = [int(round(b["x"])), int(round(b["y"])), int(round(b["width"])), int(round(b["height"]))]
        text = run["text"].strip()
        if text and box[2] >= 2 and box[3] >= 6:
            yield box, text, role_of(run, regions, links), run["region"]


def segments(truth):
    """Merges the page's runs into segments: [(box, text, role)]."""
    out = []
    for box, text, role, region in roled_runs(truth):
        key = (role, region)
        if out:
            pbox, ptext, prole, pkey = out[-1]
            gap = box[0] - (pbox[0] + pbox[2])
            if pkey == key and pp.same_row(pbox, box) and -2 <= gap <= max(pbox[3], box[3]):
                x0, y0 = min(pbox[0], box[0]), min(pbox[1], box[1])
                x1 = max(pbox[0] + pbox[2], box[0] + box[2])
                y1 = max(pbox[1] + pbox[3], box[1] + box[3])
                out[-1] = ([x0, y0, x1 - x0, y1 - y0], ptext + " " + text, prole, pkey)
                continue
        out.append((box, text, role, key))
    return [(b, t, r) for b, t, r, _ in out]


def jitter(box, rng):
    """OCR's boxes are not the DOM's: each edge moved by up to an eighth of the height."""
    j = max(1, box[3] // 8)
    dx, dy = rng.randint(-j, j), rng.randint(-j, j)
    return [box[0] + dx, box[1] + dy, max(2, box[2] + rng.randint(-j, j) - dx),
            max(6, box[3] + rng.randint(-j, j) - dy)]


def package_samples(directory, keep_all, rng):
    crops, feats, labels, pages = [], [], [], []
    names = sorted(n for n in os.listdir(directory) if n.endswith(".json"))
    for page, name in enumerate(names):
        png = os.path.join(directory, name[:-5] + ".png")
        if not os.path.exists(png):
            continue
        with open(os.path.join(directory, name)) as f:
            truth = json.load(f)
        segs = segments(truth)
        if not segs:
            continue
        image = np.asarray(Image.open(png).convert("RGB"))
        ih, iw = image.shape[:2]
        segs = [s for s in segs if s[0][0] < iw and s[0][1] < ih and s[0][0] + s[0][2] > 0 and s[0][1] + s[0][3] > 0]
        if not segs:
            continue
        # Jittered (training) and shrunk to their ink, as Sightline shrinks OCR's boxes.
        boxes = [jitter(s[0], rng) if not keep_all else s[0] for s in segs]
        boxes = [pp.ink_box(image, b) for b in boxes]
        f = pp.features(boxes, [s[1] for s in segs], iw, ih)
        chosen = list(range(len(segs)))
        if not keep_all:
            dropped = set()
            for role, cap in CAPS.items():
                those = [k for k in chosen if segs[k][2] == role]
                rng.shuffle(those)
                dropped.update(those[cap:])
            chosen = [k for k in chosen if k not in dropped]
        for k in chosen:
            crops.append(stored_crop(image, boxes[k]))
            feats.append(f[k])
            labels.append(ROLES.index(segs[k][2]))
            pages.append(page)
    return samples(crops, feats, labels, pages)


def stored_crop(image, box):
    """The preprocess crop of a box as stored in a sample file: uint8, HEIGHT x WIDTH x 3."""
    c = pp.crop(image, box)
    return np.clip(np.round((c.transpose(1, 2, 0) + 0.5) * 255), 0, 255).astype(np.uint8)


def samples(crops, feats, labels, pages):
    """A package's sample file's arrays; None when it has no sample."""
    if not crops:
        return None
    return dict(crops=np.stack(crops), features=np.stack(feats), labels=np.array(labels, np.int64),
                pages=np.array(pages, np.int32))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/corpus")
    ap.add_argument("--out", default="/work/text-roles-data")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    validation = validation_packages()
    dirs = [p for p in os.listdir(args.corpus) if os.path.isdir(os.path.join(args.corpus, p))]
    # The renderer does one package after another and writes packages.json at the end: until then the
    # package written last may be incomplete.
    rendering = None
    if dirs and not os.path.exists(os.path.join(args.corpus, "packages.json")):
        rendering = max(dirs, key=lambda p: os.path.getmtime(os.path.join(args.corpus, p)))
    for pkg in sorted(dirs):
        directory = os.path.join(args.corpus, pkg)
        target = os.path.join(args.out, pkg + ".npz")
        if os.path.exists(target):
            continue
        if pkg == rendering:
            print("skip (still rendering)", pkg, file=sys.stderr)
            continue
        data = package_samples(directory, pkg in validation, random.Random(pkg))
        if data is None:
            continue
        np.savez(target + ".tmp.npz", **data)
        os.replace(target + ".tmp.npz", target)
        counts = np.bincount(data["labels"], minlength=len(ROLES))
        print(pkg, "val" if pkg in validation else "train", dict(zip(ROLES, counts.tolist())), flush=True)


if __name__ == "__main__":
    main()
