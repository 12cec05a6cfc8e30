"""Trains the element detector on the training packages, measures it on the validation packages, exports ONNX.

    nice -n 10 python3 train.py --data /work/data-detector --out OUT_DIR [--minutes 22]

Writes OUT_DIR/element-detector.onnx (input `page` [1,3,H,W], outputs `heat` [1,C,H/4,W/4] and `box`
[1,4,H/4,W/4], see detector.py), OUT_DIR/element-detector.pt and OUT_DIR/element-detector.json (the data
counts, the command, the class thresholds and the validation table). Two threads: the machine it was made for
has two cores shared with other work. Training stops after --minutes; the learning rate follows that time.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

import detector as d
import evaluate

torch.set_num_threads(2)
CROP = 256  # input pixels (512 screenshot pixels)


def validation_packages():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "corpus", "split.txt")) as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#")}


def load_pages(data_dir, packages):
    pages = []
    for pkg in packages:
        with open(os.path.join(data_dir, pkg, "boxes.json")) as f:
            for name, page in json.load(f).items():
                pages.append((os.path.join(data_dir, pkg, name + ".png"), page))
    return pages


def training_pages(data_dir, packages, focus):
    """The training pages, those holding an element of a `focus` class, and the elements per class."""
    pages = load_pages(data_dir, packages)
    focused = [p for p in pages if any(e[0] in focus for e in p[1]["elements"])]
    counts = np.bincount([e[0] for _, p in pages for e in p["elements"]], minlength=len(d.CLASSES))
    print("train", len(packages), "packages", len(pages), "pages", len(focused), "with a focus class",
          dict(zip(d.CLASSES, counts.tolist())), flush=True)
    return pages, focused, counts


PICTURES = (d.CLASSES.index("icon"), d.CLASSES.index("image"))


def text_centre(pages, rng, tries=10):
    """A page and a place on it at the middle of a text run with no icon or picture in the crop around it: the
    text panels and tinted code blocks a picture graph must learn are no pictures. None when no try finds one."""
    half = CROP * d.DOWN // 2
    for _ in range(tries):
        path, page = pages[rng.integers(len(pages))]
        runs = page.get("text", [])
        if not runs:
            continue
        x, y, w, h = runs[rng.integers(len(runs))]
        cx, cy = x + w / 2, y + h / 2
        if not any(e[0] in PICTURES and abs(e[1] + e[3] / 2 - cx) < half + e[3] / 2
                   and abs(e[2] + e[4] / 2 - cy) < half + e[4] / 2 for e in page["elements"]):
            return path, page, cx / d.DOWN, cy / d.DOWN
    return None


def sample(pages, rng, focus=(), focused=(), focus_share=0.0, negative_share=0.0):
    """One training crop: centred (with jitter) on an element of a class chosen uniformly among those on the
    page, seven times in ten, else anywhere; flipped left to right half the time (pages are not symmetric, but
    a control's look is). With `focus` classes, a share `focus_share` of the crops is centred on an element of
    one of them, on a page that has one: rare classes (a few buttons among thousands of links) are seen often
    enough to be learned; `focused` are the pages that hold one. A share `negative_share` is centred on text with
    no icon or picture near (`text_centre`)."""
    negative = text_centre(pages, rng) if negative_share > 0 and rng.random() < negative_share else None
    aim = negative is None and bool(focused) and rng.random() < focus_share
    if negative:
        path, page, ncx, ncy = negative
    else:
        path, page = (focused if aim else pages)[rng.integers(len(focused) if aim else len(pages))]
    image = np.asarray(Image.open(path).convert("RGB"))
    h, w = image.shape[:2]
    elements = page["elements"]
    if negative:
        x0 = int(ncx - CROP / 2 + rng.integers(-CROP // 4, CROP // 4 + 1))
        y0 = int(ncy - CROP / 2 + rng.integers(-CROP // 4, CROP // 4 + 1))
    elif elements and (aim or rng.random() < 0.7):
        classes = sorted({e[0] for e in elements if not aim or e[0] in focus})
        c = classes[rng.integers(len(classes))]
        e = [e for e in elements if e[0] == c][rng.integers(sum(1 for e in elements if e[0] == c))]
        cx, cy = (e[1] + e[3] / 2) / d.DOWN, (e[2] + e[4] / 2) / d.DOWN
        x0 = int(cx - CROP / 2 + rng.integers(-CROP // 3, CROP // 3 + 1))
        y0 = int(cy - CROP / 2 + rng.integers(-CROP // 3, CROP // 3 + 1))
    else:
        x0 = int(rng.integers(0, max(1, w - CROP + 1)))
        y0 = int(rng.integers(0, max(1, h - CROP + 1)))
    x0 = max(0, min(x0, w - CROP)) if w > CROP else 0
    y0 = max(0, min(y0, h - CROP)) if h > CROP else 0
    x = np.zeros((CROP, CROP, 3), np.float32) + 127.5  # padding becomes 0 after centring
    part = image[y0:y0 + CROP, x0:x0 + CROP]
    x[:part.shape[0], :part.shape[1]] = part
    x = x / 255.0 - 0.5
    # Only the cropped image is real; beyond it the network sees padding, as at the page's right and bottom.
    x[part.shape[0]:, :] = 0
    x[:, part.shape[1]:] = 0
    cells = CROP * d.DOWN // d.CELL
    boxes = [(e[0], e[1] - x0 * d.DOWN, e[2] - y0 * d.DOWN, e[3], e[4]) for e in elements]
    heat, box, mask = d.targets(boxes, cells, cells)
    if rng.random() < 0.5:
        x = x[:, ::-1].copy()
        heat, box, mask = heat[:, :, ::-1].copy(), box[:, :, ::-1].copy(), mask[:, ::-1].copy()
        box[0] = np.where(mask > 0, 1.0 - box[0], 0)
        # a centre's cell mirrors to cells-1-ix; its offset inside the cell mirrors to 1-offset
    return x.transpose(2, 0, 1), heat, box, mask


def focal(pred_logits, heat):
    """CenterNet's focal loss: the peak cells are positives, the rest negatives weighed down near a peak."""
    p = torch.sigmoid(pred_logits).clamp(1e-4, 1 - 1e-4)
    pos = heat.eq(1).float()
    pos_loss = -(torch.log(p) * (1 - p) ** 2 * pos).sum()
    neg_loss = -(torch.log(1 - p) * p ** 2 * (1 - heat) ** 4 * (1 - pos)).sum()
    return (pos_loss + neg_loss) / pos.sum().clamp(min=1)


def held_score(net, pages, types=("button", "image")):
    """The mean over `types` (by default buttons, with text or an icon, and pictures, icons and images) of the
    best centre-in-box F1 on `pages`, each at its best threshold: how well the network finds what the element
    map takes from it."""
    net.eval()
    with torch.no_grad():
        detections = [evaluate.detect(net, path) for path, _ in pages]
    scores = []
    for classes in (evaluate.ROWS[t] for t in types):
        f1 = 0.0
        for th in evaluate.GRID:
            row = evaluate.table(detections, pages, [th] * len(d.CLASSES), {"c": classes})["c"]
            r, p = row["recall"], row["precision"]
            f1 = max(f1, 2 * r * p / max(1e-9, r + p))
        scores.append(f1)
    net.train()
    return sum(scores) / len(scores)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/data-detector")
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=22)
    ap.add_argument("--batch", type=int, default=12)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--tune-pages", type=int, default=240)
    ap.add_argument("--resume", help="a .pt to go on training from (its steps and seconds are added from --resume-record)")
    ap.add_argument("--resume-record", help="the record of the run --resume came from")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--focus", default="", help="classes to aim crops at, e.g. button,iconbutton")
    ap.add_argument("--focus-share", type=float, default=0.5)
    ap.add_argument("--holdout", type=int, default=0,
                    help="keep every Nth training package out of training: thresholds are chosen on its pages, and "
                         "the weights kept are those that scored best there (checked every --check-minutes)")
    ap.add_argument("--check-minutes", type=float, default=5)
    ap.add_argument("--held-pages", type=int, default=0,
                    help="score the held-out packages on this many of their pages (a seeded choice), 0 for all")
    ap.add_argument("--negative-share", type=float, default=0.0,
                    help="share of crops centred on text with no icon or picture near (needs dataset.py's text runs)")
    ap.add_argument("--score", default="button,image",
                    help="the rows (evaluate.ROWS) whose best F1 on the held-out pages, averaged, chooses the weights")
    ap.add_argument("--grow", action="store_true",
                    help="look for newly prepared packages in --data every 50 steps (while the corpus is rendered)")
    args = ap.parse_args()
    focus = {d.CLASSES.index(c) for c in args.focus.split(",") if c}
    score_types = tuple(t for t in args.score.split(",") if t)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    validation = validation_packages()
    available = sorted(p for p in os.listdir(args.data) if os.path.exists(os.path.join(args.data, p, "boxes.json")))
    train_pkgs = [p for p in available if p not in validation]
    val_pkgs = [p for p in available if p in validation]
    held_pkgs = train_pkgs[args.holdout - 1::args.holdout] if args.holdout > 0 else []
    train_pkgs = [p for p in train_pkgs if p not in held_pkgs]
    held = load_pages(args.data, held_pkgs)
    if 0 < args.held_pages < len(held):
        held = [held[i] for i in sorted(np.random.default_rng(2).choice(len(held), args.held_pages, replace=False))]
    if held:
        print("held out", len(held_pkgs), "packages", len(held), "pages:", " ".join(held_pkgs), flush=True)
    train, focused, counts = training_pages(args.data, train_pkgs, focus)
    net = d.DetectorNet()
    earlier = {"steps": 0, "seconds": 0}
    if args.resume:
        net.load_state_dict(torch.load(args.resume))
        with open(args.resume_record) as f:
            earlier = json.load(f)["train"]
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    start = time.time()
    budget = args.minutes * 60
    step = 0
    running = None
    best = (held_score(net, held, score_types), 0, {k: v.clone() for k, v in net.state_dict().items()}) if held else None
    if held:
        print("held-out score at the start %.4f" % best[0], flush=True)
    next_check = args.check_minutes * 60
    while time.time() - start < budget:
        if held and time.time() - start >= next_check:
            score = held_score(net, held, score_types)
            print("step %d held-out score %.4f (best %.4f at step %d)" % (step, score, best[0], best[1]), flush=True)
            if score > best[0]:
                best = (score, step, {k: v.clone() for k, v in net.state_dict().items()})
            next_check += args.check_minutes * 60
        frac = (time.time() - start) / budget
        lr = args.lr * min(1.0, frac / 0.05) * (0.5 * (1 + math.cos(math.pi * frac)))
        for g in opt.param_groups:
            g["lr"] = max(lr, 2e-5)
        if args.grow and step % 50 == 0:
            more = sorted(p for p in os.listdir(args.data) if p not in validation and p not in train_pkgs
                          and os.path.exists(os.path.join(args.data, p, "boxes.json")))
            if more:
                train_pkgs = sorted(train_pkgs + more)
                train, focused, counts = training_pages(args.data, train_pkgs, focus)
        batch = [sample(train, rng, focus, focused, args.focus_share, args.negative_share) for _ in range(args.batch)]
        x = torch.from_numpy(np.stack([b[0] for b in batch]))
        heat = torch.from_numpy(np.stack([b[1] for b in batch]))
        box = torch.from_numpy(np.stack([b[2] for b in batch]))
        mask = torch.from_numpy(np.stack([b[3] for b in batch])).unsqueeze(1)
        net.train()
        y = net(x)
        loss_heat = focal(y[:, :len(d.CLASSES)], heat)
        loss_box = (F.l1_loss(y[:, len(d.CLASSES):], box, reduction="none") * mask).sum() / mask.sum().clamp(min=1)
        loss = loss_heat + loss_box
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        running = float(loss) if running is None else 0.98 * running + 0.02 * float(loss)
        if step % 25 == 0:
            print("step %d loss %.3f (heat %.3f box %.3f) %.0f s" % (step, running, float(loss_heat),
                                                                     float(loss_box), time.time() - start), flush=True)
    train_seconds = time.time() - start
    if held:
        score = held_score(net, held, score_types)
        print("step %d held-out score %.4f (best %.4f at step %d)" % (step, score, best[0], best[1]), flush=True)
        if score <= best[0]:
            net.load_state_dict(best[2])
            print("kept the weights of step %d" % best[1], flush=True)
    net.eval()
    os.makedirs(args.out, exist_ok=True)
    torch.save(net.state_dict(), os.path.join(args.out, "element-detector.pt"))
    # Thresholds are chosen on training pages (the best F1 per class), never on validation: on the held-out
    # packages' pages when there are some, which the network has not learned by heart.
    pool = held or train
    tune = [pool[i] for i in np.random.default_rng(1).choice(len(pool), min(args.tune_pages, len(pool)),
                                                             replace=False)]
    thresholds = evaluate.tune_thresholds(net, tune)
    print("thresholds", dict(zip(d.CLASSES, thresholds)), flush=True)
    result = {"classes": d.CLASSES, "cell": d.CELL, "down": d.DOWN, "thresholds": thresholds,
              "command": "nice -n 10 python3 " + " ".join(sys.argv),
              "train": {"packages": train_pkgs, "pages": len(train), "elements": dict(zip(d.CLASSES, counts.tolist())),
                        "steps": step + earlier["steps"], "batch": args.batch, "crop": CROP,
                        "seconds": round(train_seconds) + earlier["seconds"]}}
    if args.resume:
        result["train"]["resumed"] = {"from": earlier, "command": earlier.get("command", "")}
    if held:
        result["train"]["heldOut"] = {"packages": held_pkgs, "pages": len(held), "bestScore": round(best[0], 4),
                                      "keptStep": best[1] if best[0] >= score else step}
    if val_pkgs:
        val = load_pages(args.data, val_pkgs)
        result["validation"] = evaluate.measure(net, val, thresholds)
        result["validation"]["packages"] = val_pkgs
        print(evaluate.markdown(result["validation"]), flush=True)
    torch.onnx.export(d.Exported(net), torch.zeros(1, 3, 64, 64), os.path.join(args.out, "element-detector.onnx"),
                      opset_version=17, input_names=["page"], output_names=["heat", "box"],
                      dynamic_axes={"page": {2: "h", 3: "w"}, "heat": {2: "gh", 3: "gw"}, "box": {2: "gh", 3: "gw"}})
    with open(os.path.join(args.out, "element-detector.json"), "w") as f:
        json.dump(result, f, indent=1)
    print("wrote", args.out, flush=True)


if __name__ == "__main__":
    main()
