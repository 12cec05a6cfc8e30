"""Samples for the text role model from the pieces Sightline really asks it about: real OCR's lines as the
element map's segmenter cuts them, labelled by the page corpus's truth.

    # 1. what the model is asked on each page (OCR cached per page; vision tests, tag bench)
    mvn -B -pl vision test -Dtest=ElementCorpusBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
        -DexcludedTestGroups= -Dgroups=bench -Dsightline.corpus=/work/corpus-full \
        -Dsightline.corpus.ocr=target/corpus-ocr-full6 -Dsightline.corpus.pages=6 \
        -Dsightline.corpus.split=training -Dsightline.roles.dump=/work/roles-ocr/full
    # 2. samples, one file per package, beside dataset.py's
    python3 ocr_dataset.py --dump /work/roles-ocr/full --out /work/roles-dom

Each package gives OUT/ocr-PKG.npz in dataset.py's format (crops, features, labels, pages), so that train.py
takes both kinds. The inputs are computed from the asked boxes and texts exactly as Java computes them
(preprocess.py; the features see every piece the page's model call saw). Only the free pieces (those the model's
answer decides) become samples. A piece's role is the truth's role (dataset.role_of) that covers most of its ink
box; a piece over no truth text, or over several roles with none covering LEAD of what they cover together (a
sentence with a link inside, two links and the text between), gives no sample: the segmenter, not the model, has
to part those.

DOM boxes teach the model what a whole link or heading looks like; these teach it what OCR's pieces of them look
like: boxes that take in a bullet or a neighbour's letter, a line cut short at a colour change, a navigation entry
read with its tree's triangle.
"""
import argparse
import json
import os
import random

import numpy as np
from PIL import Image

import preprocess as pp
from dataset import ROLES, roled_runs, samples, stored_crop, validation_packages

# The role covering at least this share of the truth text under a piece labels it.
LEAD = 0.8
# Of its ink box, at least this share must lie on truth text.
COVERED = 0.3
# Per page, at most this many plain text pieces (the rest repeats itself).
TEXT_CAP = 20


def overlap(a, b):
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h)


def label(box, runs):
    """The role index for a piece's ink box, or None when the truth does not say one role."""
    by_role = {}
    for run_box, role in runs:
        o = overlap(box, run_box)
        if o:
            by_role[role] = by_role.get(role, 0) + o
    total = sum(by_role.values())
    if total < COVERED * box[2] * box[3]:
        return None
    role, best = max(by_role.items(), key=lambda kv: kv[1])
    return ROLES.index(role) if best >= LEAD * total else None


def truth_runs(truth):
    return [(box, role) for box, _, role, _ in roled_runs(truth)]


def package_samples(directory, rng):
    crops, feats, labels, pages = [], [], [], []
    for page, name in enumerate(sorted(n for n in os.listdir(directory) if n.endswith(".json"))):
        with open(os.path.join(directory, name)) as f:
            asked = json.load(f)
        png = asked["png"]
        with open(png[:-4] + ".json") as f:
            runs = truth_runs(json.load(f))
        image = np.asarray(Image.open(png).convert("RGB"))
        ih, iw = image.shape[:2]
        for question in asked["questions"]:
            boxes = [pp.ink_box(image, b) for b in question["boxes"]]
            texts = question["texts"]
            f = pp.features(boxes, texts, iw, ih)
            chosen = []
            for k in range(question["free"]):
                role = label(boxes[k], runs)
                if role is not None:
                    chosen.append((k, role))
            text = [c for c in chosen if ROLES[c[1]] == "text"]
            rng.shuffle(text)
            dropped = {k for k, _ in text[TEXT_CAP:]}
            for k, role in chosen:
                if k in dropped:
                    continue
                crops.append(stored_crop(image, boxes[k]))
                feats.append(f[k])
                labels.append(role)
                pages.append(page)
    return samples(crops, feats, labels, pages)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True, help="the benchmark's -Dsightline.roles.dump folder")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    validation = validation_packages()
    for pkg in sorted(os.listdir(args.dump)):
        if pkg in validation:
            raise SystemExit("validation package in the dump: " + pkg)
        directory = os.path.join(args.dump, pkg)
        if not os.path.isdir(directory):
            continue
        data = package_samples(directory, random.Random(pkg))
        if data is None:
            continue
        target = os.path.join(args.out, "ocr-" + pkg + ".npz")
        np.savez(target + ".tmp.npz", **data)
        os.replace(target + ".tmp.npz", target)
        counts = np.bincount(data["labels"], minlength=len(ROLES))
        print("ocr-" + pkg, dict(zip(ROLES, counts.tolist())), flush=True)


if __name__ == "__main__":
    main()
