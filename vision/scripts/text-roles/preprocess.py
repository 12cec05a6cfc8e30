"""The text role model's input, computed exactly as Sightline's Java TextRoleInput computes it.

First each segment's box (a run of text on one line, in image pixels) is shrunk to its ink (ink_box): the
DOM's boxes, which training uses, hold the font's whole line height, OCR's hold the letters and a few pixels;
both shrink to about the same ink. Then two parts per segment:

* a crop: the segment's box grown by a margin of (h + 2) // 3 pixels on every side, pixels outside the
  image taken from the nearest edge, scaled so that its height becomes HEIGHT with the aspect kept, each
  output pixel the plain mean of the source pixels it covers (integer bounds (i * ch) // HEIGHT, at least one
  pixel), at most WIDTH columns (a longer line keeps its left part), the rest of the row zero; values are
  RGB / 255 - 0.5, channels first.
* FEATURES numbers about the segment's place on the page (see features()).

Only integer arithmetic decides which pixels are averaged, so Java and numpy average the same pixels.
"""
import numpy as np

HEIGHT = 24
WIDTH = 192
FEATURES = 10


INK = 48


def ink_box(image, box):
    """The box shrunk to the pixels that differ from its background (the commonest colour on its border,
    the smallest packed RGB value among equals) by more than INK in some channel; the box itself, clipped to
    the image, when it holds no ink."""
    x, y, w, h = box
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(image.shape[1], x + w), min(image.shape[0], y + h)
    if x1 <= x0 or y1 <= y0:
        return [x, y, w, h]
    region = image[y0:y1, x0:x1].astype(np.int32)
    packed = (region[:, :, 0] << 16) | (region[:, :, 1] << 8) | region[:, :, 2]
    border = np.concatenate([packed[0], packed[-1], packed[:, 0], packed[:, -1]])
    values, counts = np.unique(border, return_counts=True)
    bg = int(values[np.argmax(counts)])
    background = np.array([(bg >> 16) & 255, (bg >> 8) & 255, bg & 255], np.int32)
    ink = np.abs(region - background).max(axis=2) > INK
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    if len(rows) == 0:
        return [x0, y0, x1 - x0, y1 - y0]
    return [x0 + int(cols[0]), y0 + int(rows[0]), int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1)]


def margin(h):
    return (h + 2) // 3


def bounds(n_out, size, span):
    """Start and end (exclusive) of each output cell over a source span of `span` pixels, `size` source
    pixels per HEIGHT output pixels."""
    i = np.arange(n_out, dtype=np.int64)
    start = (i * size) // HEIGHT
    end = np.maximum(start + 1, ((i + 1) * size) // HEIGHT)
    return np.minimum(start, span - 1), np.minimum(end, span)


def crop(image, box):
    """image: H x W x 3 uint8 array; box: (x, y, w, h). Returns (3, HEIGHT, WIDTH) float32."""
    x, y, w, h = box
    m = margin(h)
    x0, y0 = x - m, y - m
    ch, cw = h + 2 * m, w + 2 * m
    out_w = min(WIDTH, (cw * HEIGHT + ch - 1) // ch)
    r0, r1 = bounds(HEIGHT, ch, ch)
    c0, c1 = bounds(out_w, ch, cw)
    used_w = int(c1[-1])
    rows = np.clip(np.arange(y0, y0 + ch), 0, image.shape[0] - 1)
    cols = np.clip(np.arange(x0, x0 + used_w), 0, image.shape[1] - 1)
    src = image[rows][:, cols].astype(np.float64)
    # Integral image: sums of any rectangle in four lookups.
    s = np.zeros((ch + 1, used_w + 1, 3))
    s[1:, 1:] = src.cumsum(0).cumsum(1)
    total = (s[r1][:, c1] - s[r0][:, c1] - s[r1][:, c0] + s[r0][:, c0])
    count = ((r1 - r0)[:, None] * (c1 - c0)[None, :])[:, :, None]
    mean = total / count
    out = np.zeros((3, HEIGHT, WIDTH), np.float32)
    out[:, :, :out_w] = (mean / 255.0 - 0.5).transpose(2, 0, 1)
    return out


def body_height(boxes, lengths, fallback=16.0):
    """The height of the running text: the median of the segment heights weighted by their characters."""
    if not boxes:
        return fallback
    order = sorted(range(len(boxes)), key=lambda k: boxes[k][3])
    weights = [max(1, lengths[k]) for k in order]
    total = sum(weights)
    seen = 0
    for k, wgt in zip(order, weights):
        seen += wgt
        if seen * 2 >= total:
            return float(boxes[k][3])
    return fallback


def same_row(a, b):
    top = max(a[1], b[1])
    bottom = min(a[1] + a[3], b[1] + b[3])
    return bottom - top >= 0.5 * min(a[3], b[3])


def features(boxes, texts, image_w, image_h):
    """FEATURES numbers per segment: height over the body text's, log of the aspect, left and right edge and
    top over the image, others on its row, free space above and below (nearest segment overlapping it
    horizontally) in body heights, words, whether it ends with a colon."""
    lengths = [len(t.strip()) for t in texts]
    body = body_height(boxes, lengths)
    out = np.zeros((len(boxes), FEATURES), np.float32)
    for k, (x, y, w, h) in enumerate(boxes):
        row = 0
        above = below = 5.0
        for j, o in enumerate(boxes):
            if j == k:
                continue
            if same_row(boxes[k], o):
                row += 1
                continue
            if o[0] < x + w and o[0] + o[2] > x:
                if o[1] + o[3] <= y + h / 2:
                    above = min(above, max(0.0, (y - (o[1] + o[3])) / body))
                elif o[1] >= y + h / 2:
                    below = min(below, max(0.0, (o[1] - (y + h)) / body))
        words = len(texts[k].split())
        out[k] = [h / body, np.log(max(w, 1) / max(h, 1)), x / image_w, (x + w) / image_w, y / image_h,
                  min(row, 5) / 5.0, above / 5.0, below / 5.0, min(words, 12) / 12.0,
                  1.0 if texts[k].strip().endswith((':', '：')) else 0.0]
    return out
