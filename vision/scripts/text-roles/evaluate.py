"""Scores trained weights on the validation packages of a sample directory, so that a retrained model can be
held against the one it would replace on the same pages before it is shipped.

    nice -n 10 python3 evaluate.py --data SAMPLES_DIR --model A/text-roles.pt [--model B/text-roles.pt ...]

Prints, per model, the per-role table that train.py records (precision and recall per role and for the two
groups the element map uses), and the heading level agreement: of the headings the model takes for headings,
how many get their level right (levels 4 to 6 count as 3).
"""
import argparse
import os

import numpy as np
from dataset import ROLES, validation_packages
from train import groups, load, load_weights, predict, table

HEADINGS = [ROLES.index(r) for r in ("heading1", "heading2", "heading3")]


def level_agreement(truth, pred):
    both = np.isin(truth, HEADINGS) & np.isin(pred, HEADINGS)
    return int(both.sum()), float((truth[both] == pred[both]).mean()) if both.any() else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--model", action="append", required=True)
    args = ap.parse_args()
    validation = validation_packages()
    packages = sorted(f[:-4] for f in os.listdir(args.data) if f.endswith(".npz") and f[:-4] in validation)
    val = load(args.data, packages)
    print("validation: %d packages, %d segments" % (len(packages), len(val["labels"])))
    for path in args.model:
        pred = predict(load_weights(path), val)
        print("\n%s: accuracy %.3f" % (path, float((pred == val["labels"]).mean())))
        for name, row in table(val["labels"], pred, groups()).items():
            print("%-22s support %6d precision %.3f recall %.3f" % (name, row["support"], row["precision"],
                                                                   row["recall"]))
        n, agreement = level_agreement(val["labels"], pred)
        print("heading level right on %.3f of %d headings taken for headings" % (agreement, n))


if __name__ == "__main__":
    main()
