"""The page corpus (`vision/scripts/corpus`) made ready for the element detector, one folder per package.

    nice -n 10 python3 dataset.py --corpus /work/corpus --out /work/data-detector

For each screenshot it writes OUT/PACKAGE/NNN-V.png, the screenshot at half size (`detector.half`, rounded to
bytes), and OUT/PACKAGE/boxes.json: per page its size and its elements as [class, x, y, width, height, visible fraction] in
screenshot pixels (`detector.corpus_class`; elements under a third visible or under 4 pixels are left out).
Packages already done are skipped, so it can run again while the corpus grows.
"""
import argparse
import json
import os

import numpy as np
from PIL import Image

import detector as d


def page_elements(truth):
    out = []
    for e in truth["elements"]:
        c = d.corpus_class(e)
        b = e["box"]
        if c is None or e.get("visibleFraction", 1) < 0.34 or b["width"] < 4 or b["height"] < 4:
            continue
        out.append([c, b["x"], b["y"], b["width"], b["height"], round(e.get("visibleFraction", 1), 2)])
    return out


def page_text(truth):
    """The page's text runs as [x, y, width, height] in screenshot pixels: where a crop can hold text and no
    picture (train.py --negative-share)."""
    return [[r["box"][k] for k in ("x", "y", "width", "height")] for r in truth.get("runs", [])
            if r.get("box") and r["box"]["width"] >= 4 and r["box"]["height"] >= 4]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/corpus")
    ap.add_argument("--out", default="/work/data-detector")
    ap.add_argument("--reverse", action="store_true", help="from the last package (a second process meets the first)")
    ap.add_argument("--add-text", action="store_true",
                    help="only add the text runs to the boxes.json of packages already done (no image is written)")
    args = ap.parse_args()
    if args.add_text:
        add_text(args.corpus, args.out)
        return
    for pkg in sorted(os.listdir(args.corpus), reverse=args.reverse):
        src = os.path.join(args.corpus, pkg)
        dst = os.path.join(args.out, pkg)
        if not os.path.isdir(src) or os.path.exists(os.path.join(dst, "boxes.json")):
            continue
        os.makedirs(dst, exist_ok=True)
        pages = {}
        for name in sorted(f for f in os.listdir(src) if f.endswith(".json")):
            png = os.path.join(src, name[:-5] + ".png")
            if not os.path.exists(png):
                continue
            with open(os.path.join(src, name)) as f:
                truth = json.load(f)
            image = np.asarray(Image.open(png).convert("RGB"))
            Image.fromarray(np.round(d.half(image)).astype(np.uint8)).save(os.path.join(dst, name[:-5] + ".png"))
            pages[name[:-5]] = {"width": int(image.shape[1]), "height": int(image.shape[0]),
                                "elements": page_elements(truth), "text": page_text(truth)}
        with open(os.path.join(dst, "boxes.json"), "w") as f:
            json.dump(pages, f)
        print(pkg, len(pages), "pages", sum(len(p["elements"]) for p in pages.values()), "elements", flush=True)


def add_text(corpus, out):
    for pkg in sorted(os.listdir(out)):
        path = os.path.join(out, pkg, "boxes.json")
        if not os.path.exists(path) or not os.path.isdir(os.path.join(corpus, pkg)):
            continue
        with open(path) as f:
            pages = json.load(f)
        for name, page in pages.items():
            truth_path = os.path.join(corpus, pkg, name + ".json")
            if os.path.exists(truth_path):
                with open(truth_path) as f:
                    page["text"] = page_text(json.load(f))
        with open(path, "w") as f:
            json.dump(pages, f)
        print(pkg, sum(len(p.get("text", [])) for p in pages.values()), "text runs", flush=True)


if __name__ == "__main__":
    main()
