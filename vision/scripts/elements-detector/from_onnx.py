"""Brings a shipped element-detector.onnx back into PyTorch, so that training can go on from it.

    nice -n 10 python3 from_onnx.py --onnx element-detector.onnx --data /work/data-detector --out start.pt \
        [--check PAGE.png --dump DIR]

The export (`train.py`) folds each batch norm into the convolution before it: the graph holds a convolution
with a bias where `DetectorNet` has a convolution without one and a batch norm. The graph's other weights keep
their module names (`net.l16.weight`, ...). The folded ones are named `onnx::Conv_N`; the graph's node names
(`/net/s4/s4.0/s4.0.0/Conv`) say which module each belongs to.

A folded convolution (weight W, bias b) becomes the same convolution without bias and a batch norm whose
running mean and variance are what the convolution gives on training crops (mean m, variance v), with scale
sqrt(v + eps) and shift b + m. In evaluation that is exactly W x + b again; in training the batch's own
statistics are close to m and v, so resuming starts from the shipped model instead of from a different one.

With --check, the page's network input and the module's outputs are written to DIR as raw float32 (input.f32,
heat.f32, box.f32, shapes in shapes.json) for `OnnxParity.java` to compare with ONNX Runtime.
"""
import argparse
import json
import os

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from PIL import Image

import detector as d
import train


def folded_convolutions(model):
    """{conv module path in DetectorNet: (weight, bias)} for the convolutions the export folded a norm into."""
    weights = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    out = {}
    for node in model.graph.node:
        if node.op_type != "Conv" or len(node.input) < 3 or not node.input[1].startswith("onnx::"):
            continue
        # "/net/s4/s4.0/s4.0.0/Conv" -> "s4.0.0"; "/net/s2/s2.0/Conv" -> "s2.0"; "/net/head/head.0/head.0.0/Conv"
        path = node.name.strip("/").split("/")[-2]
        out[path] = (weights[node.input[1]], weights[node.input[2]])
    named = {k[len("net."):]: v for k, v in weights.items() if k.startswith("net.")}
    return out, named


def norm_after(path):
    """The batch norm that follows the convolution at `path` in a `detector.block`: its index plus one."""
    head, _, last = path.rpartition(".")
    return head + "." + str(int(last) + 1)


def load(onnx_path, crops):
    """A DetectorNet equal to the graph at `onnx_path`; `crops` (N x 3 x H x W) set the norms' statistics."""
    folded, named = folded_convolutions(onnx.load(onnx_path))
    net = d.DetectorNet()
    state = net.state_dict()
    for name, value in named.items():
        assert state[name].shape == value.shape, name
        state[name] = torch.from_numpy(value.copy())
    for path, (w, _) in folded.items():
        state[path + ".weight"] = torch.from_numpy(w.copy())
        bn = norm_after(path)
        state[bn + ".weight"] = torch.ones(w.shape[0])
        state[bn + ".bias"] = torch.zeros(w.shape[0])
        state[bn + ".running_mean"] = torch.zeros(w.shape[0])
        state[bn + ".running_var"] = torch.ones(w.shape[0])
    covered = set(named) | {p + ".weight" for p in folded} | {
        norm_after(p) + "." + k for p in folded for k in ("weight", "bias", "running_mean", "running_var")}
    missing = [k for k in state if k not in covered and not k.endswith("num_batches_tracked")]
    assert not missing, missing
    net.load_state_dict(state)
    modules = dict(net.named_modules())
    # What each folded convolution (without bias) gives on the crops, with the norms still the identity, then
    # each earlier norm set to give back conv + b: one pass with hooks, outermost first, since each layer's
    # input depends on the ones before it.
    eps = modules[norm_after(next(iter(folded)))].eps
    for path, (w, b) in folded.items():
        bn = modules[norm_after(path)]
        bn.weight.data.fill_(1.0)
        bn.bias.data = torch.from_numpy(b.copy())
        bn.running_mean.zero_()
        bn.running_var.fill_(1.0 - eps)  # (z - 0) / sqrt(1 - eps + eps) * 1 + b = z + b exactly
    stats = {}

    def hook(path):
        def record(_, __, z):
            z = z.detach().double()
            stats[path] = (z.mean(dim=(0, 2, 3)), z.var(dim=(0, 2, 3), unbiased=False))
        return record

    handles = [modules[p].register_forward_hook(hook(p)) for p in folded]
    net.eval()
    with torch.no_grad():
        net(crops)
    for h in handles:
        h.remove()
    for path, (_, b) in folded.items():
        bn = modules[norm_after(path)]
        m, v = stats[path]
        bn.running_mean.data = m.float()
        bn.running_var.data = v.float()
        bn.weight.data = torch.sqrt(v + eps).float()
        bn.bias.data = (torch.from_numpy(b.astype(np.float64)) + m).float()
    return net.eval()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--onnx", required=True)
    ap.add_argument("--data", required=True, help="the detector's data folder (dataset.py): training crops")
    ap.add_argument("--out", required=True)
    ap.add_argument("--crops", type=int, default=48)
    ap.add_argument("--check", help="a screenshot to run the module on (see the module's comment)")
    ap.add_argument("--dump", help="folder for the --check arrays")
    args = ap.parse_args()
    torch.set_num_threads(2)
    validation = train.validation_packages()
    pkgs = sorted(p for p in os.listdir(args.data)
                  if os.path.exists(os.path.join(args.data, p, "boxes.json")) and p not in validation)
    pages = train.load_pages(args.data, pkgs)
    rng = np.random.default_rng(7)
    crops = torch.from_numpy(np.stack([train.sample(pages, rng)[0] for _ in range(args.crops)]))
    net = load(args.onnx, crops)
    torch.save(net.state_dict(), args.out)
    print("wrote", args.out, flush=True)
    if args.check:
        x = d.to_input(d.half(np.asarray(Image.open(args.check).convert("RGB"))))
        with torch.no_grad():
            heat, box = d.Exported(net)(torch.from_numpy(x))
        os.makedirs(args.dump, exist_ok=True)
        for name, a in (("input", x), ("heat", heat.numpy()), ("box", box.numpy())):
            np.ascontiguousarray(a, "<f4").tofile(os.path.join(args.dump, name + ".f32"))
        with open(os.path.join(args.dump, "shapes.json"), "w") as f:
            json.dump({"input": list(x.shape), "heat": list(heat.shape), "box": list(box.shape)}, f)
        print("wrote", args.dump, flush=True)


if __name__ == "__main__":
    main()
