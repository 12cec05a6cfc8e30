"""Trains the text role model on the training packages, measures it on the validation packages, exports ONNX.

    nice -n 10 python3 train.py --data /work/text-roles-data --out OUT_DIR [--epochs 6]

Writes OUT_DIR/text-roles.onnx (inputs crop [N,3,HEIGHT,WIDTH] and features [N,FEATURES], output roles
[N,len(ROLES)] probabilities) and OUT_DIR/text-roles.json (the data counts, the command and the validation
table). One thread: the machine it was made for has two cores shared with other work.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import preprocess as pp
from dataset import ROLES, validation_packages

torch.set_num_threads(1)


class TextRoleNet(nn.Module):
    """A small CNN over the crop (three strided 3x3 convolutions: small enough to train in minutes on one core), pooled
    over the width by mean and max, joined with the geometry numbers."""

    def __init__(self, classes=len(ROLES), features=pp.FEATURES):
        super().__init__()

        def block(cin, cout, stride):
            return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout),
                                 nn.ReLU(inplace=True))

        self.conv = nn.Sequential(block(3, 16, 2), block(16, 32, 2), block(32, 64, 2))  # 24x192 -> 3x24
        self.geometry = nn.Sequential(nn.Linear(features, 32), nn.ReLU(inplace=True))
        self.head = nn.Sequential(nn.Linear(64 * 3 * 2 + 32, 96), nn.ReLU(inplace=True), nn.Dropout(0.2),
                                  nn.Linear(96, classes))

    def forward(self, crop, features):
        x = self.conv(crop)
        x = torch.cat([x.mean(dim=3), x.amax(dim=3)], dim=1).flatten(1)
        return self.head(torch.cat([x, self.geometry(features)], dim=1))


class Exported(nn.Module):
    """What the ONNX graph computes: the role probabilities, averaged over the members when there are several
    (networks of one training run with different seeds: one run's answers move by several points on pages of
    packages it has not seen, and their average moves less)."""

    def __init__(self, *nets):
        super().__init__()
        self.nets = nn.ModuleList(nets)

    def forward(self, crop, features):
        probabilities = [F.softmax(net(crop, features), dim=1) for net in self.nets]
        return probabilities[0] if len(probabilities) == 1 else torch.stack(probabilities).mean(dim=0)


def load_weights(path):
    """The model a .pt file holds, in eval mode, giving probabilities: one network's state (train.py) or a list
    of members' states (ensemble.py)."""
    state = torch.load(path)
    states = state["members"] if "members" in state else [state]
    nets = []
    for s in states:
        net = TextRoleNet()
        net.load_state_dict(s)
        nets.append(net)
    return Exported(*nets).eval()


def export(model, path):
    torch.onnx.export(model.eval(), (torch.zeros(1, 3, pp.HEIGHT, pp.WIDTH), torch.zeros(1, pp.FEATURES)),
                      path, opset_version=17, input_names=["crop", "features"], output_names=["roles"],
                      dynamic_axes={"crop": {0: "n"}, "features": {0: "n"}, "roles": {0: "n"}})


# RGB to YIQ and back: a turn of the I-Q plane turns every hue and leaves greys, black and white as they are.
YIQ = torch.tensor([[0.299, 0.587, 0.114], [0.596, -0.274, -0.322], [0.211, -0.523, 0.312]])
RGB = torch.linalg.inv(YIQ)


def rotate_hue(crops, rng, share):
    """Turns the hue of a share of the crops (in [-0.5, 0.5], N x 3 x H x W) by a random angle each: a site's link
    blue may be another's green or red, and what marks a link is a colour apart from the text around it, not
    which one."""
    n = crops.shape[0]
    angles = torch.from_numpy(rng.uniform(0, 2 * np.pi, n).astype(np.float32))
    angles[torch.from_numpy(rng.random(n) >= share)] = 0.0
    cos, sin = torch.cos(angles), torch.sin(angles)
    turn = torch.zeros(n, 3, 3)
    turn[:, 0, 0] = 1.0
    turn[:, 1, 1], turn[:, 1, 2], turn[:, 2, 1], turn[:, 2, 2] = cos, -sin, sin, cos
    matrices = RGB @ turn @ YIQ
    turned = torch.einsum("nij,njhw->nihw", matrices, crops + 0.5)
    return turned.clamp_(0.0, 1.0) - 0.5


def load(data_dir, packages):
    parts = []
    for pkg in packages:
        with np.load(os.path.join(data_dir, pkg + ".npz")) as d:
            parts.append({k: d[k] for k in ("crops", "features", "labels")})
    if not parts:
        return None
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def to_tensor(crops):
    return torch.from_numpy(crops).permute(0, 3, 1, 2).float().div_(255.0).sub_(0.5)


def predict(net, data, batch=512):
    net.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(data["labels"]), batch):
            out.append(net(to_tensor(data["crops"][i:i + batch]),
                           torch.from_numpy(data["features"][i:i + batch])).argmax(1).numpy())
    return np.concatenate(out)


def table(truth, pred, groups):
    rows = {}
    for name, members in groups.items():
        t = np.isin(truth, members)
        p = np.isin(pred, members)
        tp = int((t & p).sum())
        rows[name] = {"support": int(t.sum()), "precision": round(tp / max(1, int(p.sum())), 3),
                      "recall": round(tp / max(1, int(t.sum())), 3)}
    return rows


def score(model, data, prefix):
    """The per-role table (printed too, each line after prefix), the accuracy and the confusion of a model on
    samples."""
    pred = predict(model, data)
    truth = data["labels"]
    rows = table(truth, pred, groups())
    for name, row in rows.items():
        print("%s%-22s support %6d precision %.3f recall %.3f" % (prefix, name, row["support"], row["precision"],
                                                                 row["recall"]), flush=True)
    return {"segments": int(len(truth)), "accuracy": round(float((pred == truth).mean()), 3), "table": rows,
            "confusion": np.array([[int(((truth == a) & (pred == b)).sum()) for b in range(len(ROLES))]
                                   for a in range(len(ROLES))]).tolist()}


def check(model, folder):
    """Scores a model on every sample file of a folder (the OCR pieces of packages left out of training)."""
    names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".npz") and not f.endswith(".tmp.npz"))
    return dict(folder=folder, packages=names, **score(model, load(folder, names), "check "))


def groups():
    g = {r: [i] for i, r in enumerate(ROLES)}
    g["heading (any level)"] = [ROLES.index(r) for r in ("heading1", "heading2", "heading3")]
    g["link (link or nav)"] = [ROLES.index("link"), ROLES.index("nav")]
    return g


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/text-roles-data")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--exclude", action="append", default=[],
                    help="a package to leave out of training (its DOM and its OCR samples), e.g. to judge on it")
    ap.add_argument("--ocr-repeat", type=int, default=1,
                    help="how many times each OCR sample (ocr-PKG.npz, ocr_dataset.py) is seen per epoch")
    ap.add_argument("--hue", type=float, default=0.0,
                    help="the share of training crops whose hue is turned by a random angle (0: none)")
    ap.add_argument("--check", help="a folder of further .npz samples to score after training (OCR pieces of "
                                    "packages left out with --exclude)")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    validation = validation_packages()
    available = sorted(f[:-4] for f in os.listdir(args.data) if f.endswith(".npz") and not f.endswith(".tmp.npz"))
    train_pkgs = [p for p in available if p not in validation and p.removeprefix("ocr-") not in args.exclude]
    val_pkgs = [p for p in available if p in validation]
    train = load(args.data, [p for p in train_pkgs if not p.startswith("ocr-")])
    ocr = load(args.data, [p for p in train_pkgs if p.startswith("ocr-")])
    if ocr is not None:
        print("ocr samples", len(ocr["labels"]), "seen", args.ocr_repeat, "times an epoch", flush=True)
        train = {k: np.concatenate([train[k]] + [ocr[k]] * args.ocr_repeat) for k in train}
    val = load(args.data, val_pkgs)
    counts = np.bincount(train["labels"], minlength=len(ROLES))
    print("train", len(train["labels"]), dict(zip(ROLES, counts.tolist())), flush=True)
    # Rare roles weigh more, by the square root of their rarity, so that buttons and fields are not ignored
    # and the common roles are not drowned.
    weights = torch.tensor(np.sqrt(counts.max() / np.maximum(counts, 1)), dtype=torch.float32)
    net = TextRoleNet()
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    steps = args.epochs * ((len(train["labels"]) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.15)
    start = time.time()
    for epoch in range(args.epochs):
        net.train()
        order = rng.permutation(len(train["labels"]))
        total, seen = 0.0, 0
        for i in range(0, len(order), args.batch):
            idx = np.sort(order[i:i + args.batch])
            crops = to_tensor(train["crops"][idx])
            # A shift of a pixel or two: OCR's boxes are not the DOM's.
            crops = torch.roll(crops, shifts=(int(rng.integers(-1, 2)), int(rng.integers(-2, 3))), dims=(2, 3))
            if args.hue > 0:
                crops = rotate_hue(crops, rng, args.hue)
            feats = torch.from_numpy(train["features"][idx])
            labels = torch.from_numpy(train["labels"][idx])
            loss = F.cross_entropy(net(crops, feats), labels, weight=weights)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(idx)
            seen += len(idx)
        print("epoch %d loss %.4f %.0f s" % (epoch + 1, total / seen, time.time() - start), flush=True)
    train_seconds = time.time() - start
    result = {"roles": ROLES, "input": {"height": pp.HEIGHT, "width": pp.WIDTH, "features": pp.FEATURES},
              "command": "nice -n 10 python3 " + " ".join(sys.argv),
              "train": {"packages": train_pkgs, "samples": dict(zip(ROLES, counts.tolist())),
                        "seconds": round(train_seconds)}}
    if val is not None:
        result["validation"] = dict(packages=val_pkgs, **score(net, val, ""))
    if args.check:
        result["check"] = check(net, args.check)
    os.makedirs(args.out, exist_ok=True)
    net.eval()
    export(Exported(net), os.path.join(args.out, "text-roles.onnx"))
    torch.save(net.state_dict(), os.path.join(args.out, "text-roles.pt"))
    with open(os.path.join(args.out, "text-roles.json"), "w") as f:
        json.dump(result, f, indent=1)
    print("wrote", args.out, flush=True)


if __name__ == "__main__":
    main()
