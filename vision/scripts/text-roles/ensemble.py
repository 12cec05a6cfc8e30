"""Joins networks of one training run made with different seeds into one model whose answer is their average.

    nice -n 10 python3 ensemble.py --data SAMPLES_DIR --member A/text-roles.pt --member B/text-roles.pt ... \
        --out OUT_DIR [--check FOLDER]

One training run's answers move by several points on the pages of packages it has not seen (links' recall 0.71
to 0.77 in the element map over three seeds); the average of several runs' probabilities is steadier and, being
the mean of the members' softmax, keeps the graph's inputs and output as they were, so Sightline reads it as it
reads one network. Writes OUT_DIR/text-roles.onnx, OUT_DIR/text-roles.pt (the members' states) and
OUT_DIR/text-roles.json (the members' records and the average's scores on the validation packages, and on
--check's samples when given).
"""
import argparse
import json
import os
import sys

import torch

from dataset import validation_packages
from train import Exported, check, export, load, load_weights, score


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="the samples the members trained on (for the validation score)")
    ap.add_argument("--member", action="append", required=True, help="a member's text-roles.pt (train.py)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--check", help="a folder of further .npz samples to score the average on")
    args = ap.parse_args()
    members = [load_weights(path) for path in args.member]
    model = Exported(*[net for m in members for net in m.nets]).eval()
    records = []
    for path in args.member:
        with open(os.path.join(os.path.dirname(path), "text-roles.json")) as f:
            records.append(json.load(f))
    for path, r in zip(args.member, records):
        if r["roles"] != records[0]["roles"] or r["input"] != records[0]["input"]:
            sys.exit("%s was trained for other roles or inputs than %s: members must be trained alike"
                     % (path, args.member[0]))
    result = {"roles": records[0]["roles"], "input": records[0]["input"],
              "command": "nice -n 10 python3 " + " ".join(sys.argv),
              "members": [{"weights": path, "command": r["command"], "train": r["train"],
                           "validation": r.get("validation", {}).get("table")}
                          for path, r in zip(args.member, records)]}
    validation = validation_packages()
    packages = sorted(f[:-4] for f in os.listdir(args.data) if f.endswith(".npz") and f[:-4] in validation)
    if packages:
        result["validation"] = dict(packages=packages, **score(model, load(args.data, packages), ""))
    if args.check:
        result["check"] = check(model, args.check)
    os.makedirs(args.out, exist_ok=True)
    export(model, os.path.join(args.out, "text-roles.onnx"))
    torch.save({"members": [net.state_dict() for net in model.nets]}, os.path.join(args.out, "text-roles.pt"))
    with open(os.path.join(args.out, "text-roles.json"), "w") as f:
        json.dump(result, f, indent=1)
    print("wrote", args.out, "with", len(model.nets), "members", flush=True)


if __name__ == "__main__":
    main()
