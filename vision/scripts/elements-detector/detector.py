"""What the element detector is: its classes, its input, its network and how its output becomes boxes.

Written to be computed the same way in Java (`ElementDetectorInput`, `ElementDetections`):

- input: the screenshot averaged over 2x2 pixel blocks (the last odd row or column dropped), as float RGB in
  [0, 1] minus 0.5, padded with zeros at the right and bottom to a multiple of STRIDE_IN;
- output: per cell of 8x8 screenshot pixels, a probability per class (`heat`, sigmoid) and four numbers (`box`):
  the centre's offset inside the cell (0..1 in x and y) and the log of the width and height in cells;
- boxes: a cell is a detection when its class probability is a local maximum of its 3x3 neighbourhood and at
  least the class threshold.
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# The detector's classes. A button drawn with text and one drawn with only an icon look different enough to be
# learned apart, and Sightline speaks them differently ("button, icon"). Checkboxes and radio buttons are one
# class, `toggle`: the training pages hold a few dozen of them, too few to tell one shape from the other.
CLASSES = ["button", "iconbutton", "field", "toggle", "icon", "image"]
CELL = 8          # screenshot pixels per output cell
DOWN = 2          # screenshot pixels per input pixel
STRIDE_IN = 32    # the input's sides are padded to a multiple of this (the network's deepest stride)


def corpus_class(element):
    """The detector class of a corpus element, or None for the types it does not learn (text is OCR's)."""
    t = element["type"]
    if t == "button":
        return CLASSES.index("iconbutton") if element.get("iconOnly") else CLASSES.index("button")
    if t == "field":
        return CLASSES.index("field")
    if t in ("checkbox", "radio"):
        return CLASSES.index("toggle")
    if t == "icon":
        return CLASSES.index("icon")
    if t == "image":
        return CLASSES.index("image")
    return None


def half(image):
    """The screenshot (uint8 HxWx3) averaged over 2x2 blocks, as float32; what Java computes the same way."""
    h, w = image.shape[0] // DOWN * DOWN, image.shape[1] // DOWN * DOWN
    x = image[:h, :w].astype(np.float32)
    return x.reshape(h // DOWN, DOWN, w // DOWN, DOWN, 3).mean(axis=(1, 3))


def to_input(half_image):
    """HxWx3 float (0..255) to the network's 1x3xH'xW' input: scaled, centred and padded."""
    h, w = half_image.shape[:2]
    ph, pw = -(-h // STRIDE_IN) * STRIDE_IN, -(-w // STRIDE_IN) * STRIDE_IN
    out = np.zeros((1, 3, ph, pw), np.float32)
    out[0, :, :h, :w] = half_image.transpose(2, 0, 1) / 255.0 - 0.5
    return out


def block(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class DetectorNet(nn.Module):
    """A small fully convolutional net: strides 2 to 32 over the half-size page, the deeper maps (context: a
    large picture, a toolbar) added back on the way up to stride 4 (8 screenshot pixels), where a head gives
    each cell its class probabilities and box."""

    def __init__(self, classes=len(CLASSES)):
        super().__init__()
        self.s2 = block(3, 16, 2)
        self.s4 = nn.Sequential(block(16, 32, 2), block(32, 32))
        self.s8 = nn.Sequential(block(32, 48, 2), block(48, 48))
        self.s16 = nn.Sequential(block(48, 64, 2), block(64, 64))
        self.s32 = nn.Sequential(block(64, 64, 2), block(64, 64))
        self.l16 = nn.Conv2d(64, 48, 1)
        self.l8 = nn.Conv2d(48, 48, 1)
        self.t16 = nn.Conv2d(64, 48, 1)
        self.l4 = nn.Conv2d(32, 32, 1)
        self.t8 = nn.Conv2d(48, 32, 1)
        self.head = nn.Sequential(block(32, 32), nn.Conv2d(32, classes + 4, 1))
        self.classes = classes
        nn.init.constant_(self.head[1].bias[:classes], -4.0)

    def forward(self, x):
        x4 = self.s4(self.s2(x))
        x8 = self.s8(x4)
        x16 = self.s16(x8)
        x32 = self.s32(x16)
        u16 = F.relu(self.l16(x16) + F.interpolate(self.t16(x32), scale_factor=2.0, mode="nearest"))
        u8 = F.relu(self.l8(x8) + F.interpolate(u16, scale_factor=2.0, mode="nearest"))
        u4 = F.relu(self.l4(x4) + F.interpolate(self.t8(u8), scale_factor=2.0, mode="nearest"))
        return self.head(u4)


class Exported(nn.Module):
    """The graph Sightline runs: probabilities and boxes as two outputs."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        y = self.net(x)
        return torch.sigmoid(y[:, :self.net.classes]), y[:, self.net.classes:]


def targets(elements, height, width):
    """Heat (C x H x W, Gaussian peaks at the centres), box (4 x H x W) and mask (H x W) for one page region
    of height x width cells; `elements` are (class, x, y, w, h) in screenshot pixels relative to the region."""
    heat = np.zeros((len(CLASSES), height, width), np.float32)
    box = np.zeros((4, height, width), np.float32)
    mask = np.zeros((height, width), np.float32)
    ys, xs = np.mgrid[0:height, 0:width]
    for c, x, y, w, h in elements:
        cx, cy = (x + w / 2) / CELL, (y + h / 2) / CELL
        ix, iy = int(cx), int(cy)
        if not (0 <= ix < width and 0 <= iy < height):
            continue
        sx, sy = max(0.6, w / CELL / 6), max(0.6, h / CELL / 6)
        g = np.exp(-((xs - ix) ** 2 / (2 * sx * sx) + (ys - iy) ** 2 / (2 * sy * sy)))
        heat[c] = np.maximum(heat[c], g)
        heat[c, iy, ix] = 1.0
        box[:, iy, ix] = (cx - ix, cy - iy, np.log(max(w, 2) / CELL), np.log(max(h, 2) / CELL))
        mask[iy, ix] = 1.0
    return heat, box, mask


def decode(heat, box, thresholds, limit=400):
    """Detections (class, score, x, y, w, h in screenshot pixels) from one page's outputs (C x H x W and
    4 x H x W): the local maxima of each class map at or above its threshold, best first, at most `limit`."""
    found = []
    c_n, h, w = heat.shape
    padded = np.pad(heat, ((0, 0), (1, 1), (1, 1)), constant_values=-1)
    neighbourhood = np.max([padded[:, dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)], axis=0)
    for c in range(c_n):
        ys, xs = np.nonzero((heat[c] >= neighbourhood[c]) & (heat[c] >= thresholds[c]))
        for y, x in zip(ys, xs):
            bw, bh = np.exp(box[2, y, x]) * CELL, np.exp(box[3, y, x]) * CELL
            cx, cy = (x + box[0, y, x]) * CELL, (y + box[1, y, x]) * CELL
            found.append((c, float(heat[c, y, x]), cx - bw / 2, cy - bh / 2, bw, bh))
    found.sort(key=lambda f: -f[1])
    return found[:limit]
