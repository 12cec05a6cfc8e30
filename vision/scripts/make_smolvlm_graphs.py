#!/usr/bin/python3
"""Writes random-weight SmolVLM (Idefics3) ONNX graphs with the exact contract of the official export.

Sightline cannot fetch the real SmolVLM weights in its test environment, so its tests and benchmarks run
on graphs built here: the same three files (vision_encoder.onnx, embed_tokens.onnx,
decoder_model_merged.onnx), the same input and output names, dtypes, dynamic axes and KV-cache layout,
plus config.json, preprocessor_config.json, tokenizer.json and tokenizer_config.json.

The tiny preset's tokenizer.json is byte-level BPE in the real file's form (make_bpe_tokenizer.py): each word
the tiny decoder writes is one merged token with its leading space, as in SmolLM2's vocabulary, and besides
words it writes newlines and two words split inside their letters: " café" as " caf" + byte C3 + byte A9, and
" 按钮" as three tokens that each end inside a character. The decoder carries a small bigram table so that a
split word's pieces only ever follow one another in order, as a trained model writes them; the tests then
see spaces, newlines, multi-byte letters and answers whose partial decodings end inside a letter.

  --preset tiny   2-layer decoder (hidden 64, 9 heads / 3 KV heads, head dim 64, vocabulary 49280) and a
                  1-layer vision tower that still gives 64 tokens per 512x512 tile. Weights are computed
                  inside the graph from a seed (sin of an index), so the files stay a few kilobytes.
  --preset 256m   the real SmolVLM-256M sizes (hidden 576, 30 layers, SigLIP-base vision tower with 12
                  layers of 768) with stored random weights, about 1 GB: for benchmarks, written to /tmp.
  --preset 500m   the real SmolVLM-500M sizes (hidden 960, 32 layers, 15 heads / 5 KV heads, the same vision
                  tower), about 1.7 GB in fp32.
  --int8          stores MatMul weights as int8 and quantises activations on the fly
                  (DynamicQuantizeLinear + MatMulInteger), the layout ONNX Runtime's dynamic quantiser writes.
  --extra-decoder-inputs  adds the optional use_cache_branch and num_logits_to_keep inputs some
                  optimum exports declare.
  --fp16-cache    the decoder takes and gives its key/value cache and gives its logits as float16, with
                  float32 inputs_embeds, as the fp16 and q4f16 exports do (the runner must refuse it at load).
  --rename-logits names the decoder's logits output lm_logits (a graph the runner must refuse at load).
  --conv-integer-vision FILE  writes only a vision encoder whose patch embedding is quantised to uint8 and run
                  by ConvInteger, as the int8 exports' is.
  --probe-vision FILE  writes only a vision encoder whose 64 feature rows for each view hold that view's mean
                  red, green and blue (normalised) in their first three values and zeros elsewhere: a test
                  that paints each tile a different colour can then see which view fed which image tokens.

Needs only Debian's python3-onnx (1.12, opset 17) and numpy.
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_bpe_tokenizer import bytes_to_unicode, learn_merges, tokenizer_document  # noqa: E402

OPSET = 17
IMAGE_TOKEN = 49190
END_OF_UTTERANCE = 49279
VOCAB = 49280
# The tokens the tiny decoder writes (SCORED) occupy ids 3 .. 3+len(SCORED)-1 of its tokenizer; every other id
# scores far below them, so the random text it writes is made of these words.
WORDS = (
    ". , ? ! : ; the a an of and or in on at to with is are was it this that there here image picture "
    "photo screen window button text page menu dialog icon red green blue black white grey yellow orange "
    "dark light small large left right top bottom middle corner person man woman child dog cat car tree "
    "sky house street table chair book paper sign label title heading list link field box line shows "
    "says reads open save file edit view help settings cancel close search name date number two three "
    "four many some one I cannot tell see seems appears probably maybe not sure clearly blurry document "
    "chart graph bar green logo photo face hand room desk laptop keyboard phone cup bottle lamp wall door "
    "floor light window blue water road grass flower bird horse kite sun cloud mountain river beach boat "
    "plane train bus bicycle shop store price total invoice account balance email message inbox from "
    "subject hello welcome error warning ok yes no next back home start stop play pause volume"
).split()
WORDS = list(dict.fromkeys(WORDS))
BYTES = bytes_to_unicode()


def byte_level(text):
    """text as the tokenizer's byte-level symbols (GPT-2's printable stand-in for each UTF-8 byte)."""
    return "".join(BYTES[b] for b in text.encode("utf-8"))


PUNCTUATION = [w for w in WORDS if not w[0].isalnum()]
# Split words: (lead, continuation, ...) as byte-level tokens. Their concatenations are " café" and " 按钮";
# every continuation starts inside a letter, so decoding stops inside one until the next piece arrives.
SPLIT_WORDS = [
    [byte_level(" caf"), BYTES[0xC3], BYTES[0xA9]],
    [BYTES[0x20] + BYTES[0xE6] + BYTES[0x8C], BYTES[0x89] + BYTES[0xE9], BYTES[0x92] + BYTES[0xAE]],
]
SCORED = (PUNCTUATION + [byte_level(" " + w) for w in WORDS if w[0].isalnum()] + [byte_level("\n")]
          + [piece for word in SPLIT_WORDS for piece in word])
SCORED = list(dict.fromkeys(SCORED))
FIRST_SCORED = 3
# Bigram table: after a split word's piece, its next piece gets BIGRAM_BONUS; a continuation anywhere else gets
# CONTINUATION_PENALTY, so a piece never appears out of order. The leads and the newline get LEAD_BONUS so that
# answers of a few tokens already contain them.
BIGRAM_BONUS = 1000.0
CONTINUATION_PENALTY = -1000.0
LEAD_BONUS = 8.0


class Graph:
    """Collects nodes and weights; `weight` stores random values or computes them in the graph."""

    def __init__(self, computed_weights, rng, int8=False):
        self.nodes, self.inits, self.count, self.weights = [], [], 0, 0
        self.computed = computed_weights
        self.rng = rng
        self.int8 = int8

    def name(self, base):
        self.count += 1
        return f"{base}_{self.count}"

    def const(self, value, dtype=np.float32, base="c"):
        n = self.name(base)
        self.inits.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), n))
        return n

    def op(self, op_type, inputs, base=None, outputs=1, **attrs):
        outs = [self.name(base or op_type.lower()) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, **attrs))
        return outs[0] if outputs == 1 else outs

    def weight(self, shape, scale, base="w"):
        size = int(np.prod(shape))
        if not self.computed:
            return self.const(self.rng.standard_normal(shape).astype(np.float32) * scale, base=base)
        # Deterministic pseudo-random values sin(i*a+b)*sin(i*c+d): no stored bytes, cheap to compute.
        # Seeded by the weight's rank, so optional inputs do not change the weights.
        self.weights += 1
        seed = self.weights * 0.7853 + 0.1
        idx = self.op("Range", [self.const(0.0), self.const(float(size)), self.const(1.0)])
        a = self.op("Sin", [self.op("Add", [self.op("Mul", [idx, self.const(2.3999632)]), self.const(seed)])])
        b = self.op("Sin", [self.op("Add", [self.op("Mul", [idx, self.const(0.6180339)]), self.const(seed * 3)])])
        w = self.op("Mul", [self.op("Mul", [a, b]), self.const(scale * 2.0)])
        return self.op("Reshape", [w, self.const(shape, np.int64)], base=base)

    def matmul(self, x, shape, scale, base="proj"):
        """x @ W with W of `shape`; in int8 mode as ONNX Runtime's dynamic quantisation writes it."""
        if not self.int8:
            return self.op("MatMul", [x, self.weight(shape, scale, base)])
        w = self.rng.standard_normal(shape).astype(np.float32) * scale
        w_scale = np.float32(np.abs(w).max() / 127.0)
        wq = np.clip(np.round(w / w_scale), -127, 127).astype(np.int8)
        xq, xs, xz = self.op("DynamicQuantizeLinear", [x], outputs=3)
        y = self.op("MatMulInteger", [xq, self.const(wq, np.int8, base), xz, self.const(0, np.int8)])
        s = self.op("Mul", [xs, self.const(w_scale)])
        return self.op("Mul", [self.op("Cast", [y], to=TensorProto.FLOAT), s])

    def model(self, inputs, outputs, name):
        g = helper.make_graph(self.nodes, name, inputs, outputs, self.inits)
        m = helper.make_model(g, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="sightline")
        m.ir_version = 8
        return m


def scalar_from_shape(g, tensor, axis):
    shape = g.op("Shape", [tensor])
    return g.op("Gather", [shape, g.const(axis, np.int64)], axis=0)


def rms_norm(g, x, hidden, eps):
    ms = g.op("ReduceMean", [g.op("Mul", [x, x])], axes=[-1], keepdims=1)
    inv = g.op("Reciprocal", [g.op("Sqrt", [g.op("Add", [ms, g.const(eps)])])])
    return g.op("Mul", [g.op("Mul", [x, inv]), g.op("Add", [g.weight([hidden], 0.05), g.const(1.0)])])


def rotate_half(g, x, half):
    x1 = g.op("Slice", [x, g.const([0], np.int64), g.const([half], np.int64), g.const([-1], np.int64)])
    x2 = g.op("Slice", [x, g.const([half], np.int64), g.const([2 * half], np.int64), g.const([-1], np.int64)])
    return g.op("Concat", [g.op("Neg", [x2]), x1], axis=-1)


def build_decoder(cfg, g, extra_inputs, fp16_cache=False, logits_name="logits"):
    h, layers, nh, kv, d = cfg["hidden"], cfg["layers"], cfg["heads"], cfg["kv_heads"], cfg["head_dim"]
    inter, groups = cfg["intermediate"], cfg["heads"] // cfg["kv_heads"]
    f = TensorProto.FLOAT
    inputs = [
        helper.make_tensor_value_info("inputs_embeds", f, ["batch_size", "sequence_length", h]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "total_sequence_length"]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch_size", "sequence_length"]),
    ]
    cache = TensorProto.FLOAT16 if fp16_cache else f
    for i in range(layers):
        for kind in ("key", "value"):
            inputs.append(helper.make_tensor_value_info(
                f"past_key_values.{i}.{kind}", cache, ["batch_size", kv, "past_sequence_length", d]))
    if extra_inputs:
        inputs.append(helper.make_tensor_value_info("use_cache_branch", TensorProto.BOOL, [1]))
        inputs.append(helper.make_tensor_value_info("num_logits_to_keep", TensorProto.INT64, []))

    x = "inputs_embeds"
    if extra_inputs:
        # Consumed so the input is real: adds exactly zero.
        flag = g.op("Cast", ["use_cache_branch"], to=f)
        x = g.op("Add", [x, g.op("Mul", [flag, g.const(0.0)])])
    # Rotary embedding from the 0-based position ids.
    inv_freq = 1.0 / (cfg["rope_theta"] ** (np.arange(0, d, 2, dtype=np.float64) / d))
    pos = g.op("Unsqueeze", [g.op("Cast", ["position_ids"], to=f), g.const([-1], np.int64)])
    freqs = g.op("Mul", [pos, g.const(inv_freq.astype(np.float32))])
    emb = g.op("Concat", [freqs, freqs], axis=-1)
    cos = g.op("Unsqueeze", [g.op("Cos", [emb]), g.const([1], np.int64)])
    sin = g.op("Unsqueeze", [g.op("Sin", [emb]), g.const([1], np.int64)])
    # Mask: causal over past+current, and the attention mask over all keys.
    total = scalar_from_shape(g, "attention_mask", 1)
    seq = scalar_from_shape(g, "inputs_embeds", 1)
    past = g.op("Sub", [total, seq])
    kpos = g.op("Range", [g.const(0, np.int64), total, g.const(1, np.int64)])
    qpos = g.op("Unsqueeze", [g.op("Range", [past, total, g.const(1, np.int64)]), g.const([1], np.int64)])
    allowed = g.op("LessOrEqual", [kpos, qpos])
    causal = g.op("Where", [allowed, g.const(0.0), g.const(-1e9)])
    keep = g.op("Cast", ["attention_mask"], to=f)
    pad = g.op("Mul", [g.op("Sub", [g.const(1.0), keep]), g.const(-1e9)])
    pad = g.op("Unsqueeze", [pad, g.const([1, 2], np.int64)])
    bias = g.op("Unsqueeze", [g.op("Add", [causal, pad]), g.const([1], np.int64)])  # [B,1,1,S,T]

    outputs = []
    for i in range(layers):
        n = rms_norm(g, x, h, cfg["eps"])
        q = g.op("Reshape", [g.matmul(n, [h, nh * d], h ** -0.5), g.const([0, 0, nh, d], np.int64)])
        k = g.op("Reshape", [g.matmul(n, [h, kv * d], h ** -0.5), g.const([0, 0, kv, d], np.int64)])
        v = g.op("Reshape", [g.matmul(n, [h, kv * d], h ** -0.5), g.const([0, 0, kv, d], np.int64)])
        q = g.op("Transpose", [q], perm=[0, 2, 1, 3])
        k = g.op("Transpose", [k], perm=[0, 2, 1, 3])
        v = g.op("Transpose", [v], perm=[0, 2, 1, 3])
        q = g.op("Add", [g.op("Mul", [q, cos]), g.op("Mul", [rotate_half(g, q, d // 2), sin])])
        k = g.op("Add", [g.op("Mul", [k, cos]), g.op("Mul", [rotate_half(g, k, d // 2), sin])])
        if fp16_cache:
            past_k = g.op("Cast", [f"past_key_values.{i}.key"], to=f)
            past_v = g.op("Cast", [f"past_key_values.{i}.value"], to=f)
            pk, pv = g.op("Concat", [past_k, k], axis=2), g.op("Concat", [past_v, v], axis=2)
            g.nodes.append(helper.make_node("Cast", [pk], [f"present.{i}.key"], to=cache))
            g.nodes.append(helper.make_node("Cast", [pv], [f"present.{i}.value"], to=cache))
        else:
            pk = f"present.{i}.key"
            pv = f"present.{i}.value"
            g.nodes.append(helper.make_node("Concat", [f"past_key_values.{i}.key", k], [pk], axis=2))
            g.nodes.append(helper.make_node("Concat", [f"past_key_values.{i}.value", v], [pv], axis=2))
        outputs += [helper.make_tensor_value_info(f"present.{i}.{kind}", cache, ["batch_size", kv, "total_sequence_length", d])
                    for kind in ("key", "value")]
        # Grouped-query attention: head j uses KV head j // groups.
        q5 = g.op("Reshape", [q, g.const([0, kv, groups, -1, d], np.int64)])
        k5 = g.op("Unsqueeze", [pk, g.const([2], np.int64)])
        v5 = g.op("Unsqueeze", [pv, g.const([2], np.int64)])
        scores = g.op("MatMul", [q5, g.op("Transpose", [k5], perm=[0, 1, 2, 4, 3])])
        scores = g.op("Add", [g.op("Mul", [scores, g.const(d ** -0.5)]), bias])
        att = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v5])
        att = g.op("Reshape", [att, g.const([0, nh, -1, d], np.int64)])
        att = g.op("Reshape", [g.op("Transpose", [att], perm=[0, 2, 1, 3]), g.const([0, 0, nh * d], np.int64)])
        x = g.op("Add", [x, g.matmul(att, [nh * d, h], (nh * d) ** -0.5)])
        n = rms_norm(g, x, h, cfg["eps"])
        gate = g.matmul(n, [h, inter], h ** -0.5)
        up = g.matmul(n, [h, inter], h ** -0.5)
        act = g.op("Mul", [g.op("Mul", [gate, g.op("Sigmoid", [gate])]), up])
        x = g.op("Add", [x, g.matmul(act, [inter, h], inter ** -0.5)])
    x = rms_norm(g, x, h, cfg["eps"])
    if extra_inputs:
        start = g.op("Neg", [g.op("Unsqueeze", ["num_logits_to_keep", g.const([0], np.int64)])])
        x = g.op("Slice", [x, start, g.const([2 ** 62], np.int64), g.const([1], np.int64)])
    if g.computed:
        # Only the tiny tokenizer's SCORED ids get real scores; the rest of the 49280 ids stay far below.
        words = FIRST_SCORED + len(SCORED)
        bigrams = bigram_scores(g, h)
        if extra_inputs:
            bigrams = g.op("Slice", [bigrams, start, g.const([2 ** 62], np.int64), g.const([1], np.int64)])
        small = g.op("Add", [g.op("Mul", [g.matmul(x, [h, words], 1.0), g.const(4.0)]), bigrams])
        pads = g.const([0, 0, 0, 0, 0, VOCAB - words], np.int64)
        scores = "scores" if fp16_cache else logits_name
        g.nodes.append(helper.make_node("Pad", [small, pads, g.const(-100.0)], [scores], mode="constant"))
    else:
        scores = "scores" if fp16_cache else logits_name
        g.nodes.append(helper.make_node("Identity", [g.matmul(x, [h, VOCAB], h ** -0.5)], [scores]))
    if fp16_cache:
        g.nodes.append(helper.make_node("Cast", [scores], [logits_name], to=cache))
    outputs.insert(0, helper.make_tensor_value_info(logits_name, cache, ["batch_size", "sequence_length", VOCAB]))
    return g.model(inputs, outputs, "decoder_model_merged")


def embedding_constants(hidden):
    """The computed embedding's frequencies and phases: the row of token t is sin(t * freq + phase)."""
    rng = np.random.default_rng(7)
    return rng.uniform(0.01, 3.0, hidden).astype(np.float32), rng.uniform(0, 6.28, hidden).astype(np.float32)


def embedding_rows(ids, hidden):
    """The computed embedding rows of ids, in float32 arithmetic as ONNX Runtime computes them."""
    freq, phase = embedding_constants(hidden)
    return np.sin(np.asarray(ids, np.float32)[:, None] * freq + phase).astype(np.float32)


def bigram_scores(g, hidden):
    """Per position, the scores over the SCORED ids that the bigram table adds after that position's token.

    The token is recognised from its embedding row: the squared distance to each piece's row is about 0 for
    that piece and tens for any other token or an image feature row."""
    pairs = [(word[i], word[i + 1]) for word in SPLIT_WORDS for i in range(len(word) - 1)]
    index = {t: FIRST_SCORED + i for i, t in enumerate(SCORED)}
    rows = embedding_rows([index[a] for a, _ in pairs], hidden)
    table = np.zeros([len(pairs), FIRST_SCORED + len(SCORED)], np.float32)
    base = np.zeros([FIRST_SCORED + len(SCORED)], np.float32)
    for k, (_, b) in enumerate(pairs):
        table[k, index[b]] = BIGRAM_BONUS - CONTINUATION_PENALTY
        base[index[b]] = CONTINUATION_PENALTY
    for lead in [word[0] for word in SPLIT_WORDS] + [byte_level("\n")]:
        base[index[lead]] = LEAD_BONUS
    diff = g.op("Sub", [g.op("Unsqueeze", ["inputs_embeds", g.const([2], np.int64)]), g.const(rows)])
    dist = g.op("ReduceSum", [g.op("Mul", [diff, diff]), g.const([-1], np.int64)], keepdims=0)
    match = g.op("Relu", [g.op("Sub", [g.const(1.0), dist])])
    return g.op("Add", [g.op("MatMul", [match, g.const(table)]), g.const(base)])


def build_embed(cfg, g):
    h = cfg["hidden"]
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "sequence_length"])]
    if g.computed:
        # embedding row of id t: sin(t * f_j + p_j), computed rather than looked up in a 49280-row table.
        ids = g.op("Unsqueeze", [g.op("Cast", ["input_ids"], to=TensorProto.FLOAT), g.const([-1], np.int64)])
        freq, phase = embedding_constants(h)
        g.nodes.append(helper.make_node("Sin", [g.op("Add", [g.op("Mul", [ids, g.const(freq)]), g.const(phase)])],
                                        ["inputs_embeds"]))
    else:
        g.nodes.append(helper.make_node("Gather", [g.weight([VOCAB, h], 0.02), "input_ids"], ["inputs_embeds"]))
    out = [helper.make_tensor_value_info("inputs_embeds", TensorProto.FLOAT, ["batch_size", "sequence_length", h])]
    return g.model(inputs, out, "embed_tokens")


def layer_norm(g, x, dim):
    return g.op("LayerNormalization", [x, g.op("Add", [g.weight([dim], 0.05), g.const(1.0)]), g.weight([dim], 0.02)],
                axis=-1, epsilon=1e-6)


def build_vision(cfg, g, conv_integer=False):
    dv, heads, layers, inter = cfg["v_hidden"], cfg["v_heads"], cfg["v_layers"], cfg["v_intermediate"]
    patch, size, h, scale = 16, 512, cfg["hidden"], 4
    grid = size // patch
    f = TensorProto.FLOAT
    inputs = [
        helper.make_tensor_value_info("pixel_values", f, ["batch_size", "num_images", 3, "height", "width"]),
        helper.make_tensor_value_info("pixel_attention_mask", TensorProto.BOOL, ["batch_size", "num_images", "height", "width"]),
    ]
    pv = g.op("Reshape", ["pixel_values", g.const([-1, 3, size, size], np.int64)])
    mask = g.op("Reshape", [g.op("Cast", ["pixel_attention_mask"], to=f), g.const([-1, 1, size, size], np.int64)])
    pixels = g.op("Mul", [pv, mask])
    if conv_integer:
        # As ONNX Runtime's dynamic quantiser writes a Conv: uint8 activations quantised on the fly, uint8
        # weights with a zero point, ConvInteger, then the two scales and the bias in float.
        w = np.random.default_rng(77).standard_normal([dv, 3, patch, patch]).astype(np.float32) * (3 * patch * patch) ** -0.5
        w_scale = np.float32(np.abs(w).max() / 127.0)
        wq = np.clip(np.round(w / w_scale) + 128, 0, 255).astype(np.uint8)
        xq, xs, xz = g.op("DynamicQuantizeLinear", [pixels], outputs=3)
        y = g.op("ConvInteger", [xq, g.const(wq, np.uint8), xz, g.const(np.uint8(128), np.uint8)], strides=[patch, patch])
        y = g.op("Mul", [g.op("Cast", [y], to=f), g.op("Mul", [xs, g.const(w_scale)])])
        x = g.op("Add", [y, g.op("Reshape", [g.weight([dv], 0.02), g.const([dv, 1, 1], np.int64)])])
    else:
        x = g.op("Conv", [pixels, g.weight([dv, 3, patch, patch], (3 * patch * patch) ** -0.5),
                          g.weight([dv], 0.02)], strides=[patch, patch])
    x = g.op("Transpose", [g.op("Reshape", [x, g.const([0, dv, -1], np.int64)])], perm=[0, 2, 1])
    x = g.op("Add", [x, g.weight([grid * grid, dv], 0.02)])
    hd = dv // heads
    for _ in range(layers):
        n = layer_norm(g, x, dv)
        def heads_of(t):
            t = g.op("Reshape", [g.op("Add", [g.matmul(t, [dv, dv], dv ** -0.5), g.weight([dv], 0.02)]),
                                 g.const([0, 0, heads, hd], np.int64)])
            return g.op("Transpose", [t], perm=[0, 2, 1, 3])
        q, k, v = heads_of(n), heads_of(n), heads_of(n)
        s = g.op("Mul", [g.op("MatMul", [q, g.op("Transpose", [k], perm=[0, 1, 3, 2])]), g.const(hd ** -0.5)])
        a = g.op("MatMul", [g.op("Softmax", [s], axis=-1), v])
        a = g.op("Reshape", [g.op("Transpose", [a], perm=[0, 2, 1, 3]), g.const([0, 0, dv], np.int64)])
        x = g.op("Add", [x, g.op("Add", [g.matmul(a, [dv, dv], dv ** -0.5), g.weight([dv], 0.02)])])
        n = layer_norm(g, x, dv)
        m = g.op("Add", [g.matmul(n, [dv, inter], dv ** -0.5), g.weight([inter], 0.02)])
        m = g.op("Mul", [m, g.op("Sigmoid", [g.op("Mul", [m, g.const(1.702)])])])
        x = g.op("Add", [x, g.op("Add", [g.matmul(m, [inter, dv], inter ** -0.5), g.weight([dv], 0.02)])])
    x = layer_norm(g, x, dv)
    # Idefics3 pixel shuffle with scale factor 4: 32x32 patches -> 8x8 = 64 tokens of 16*dv features.
    x = g.op("Reshape", [x, g.const([0, grid, grid // scale, dv * scale], np.int64)])
    x = g.op("Transpose", [x], perm=[0, 2, 1, 3])
    x = g.op("Reshape", [x, g.const([0, grid // scale, grid // scale, dv * scale * scale], np.int64)])
    x = g.op("Transpose", [x], perm=[0, 2, 1, 3])
    x = g.op("Reshape", [x, g.const([0, (grid // scale) ** 2, dv * scale * scale], np.int64)])
    connector = g.matmul(x, [dv * scale * scale, h], (dv * scale * scale) ** -0.5)
    g.nodes.append(helper.make_node("Identity", [connector], ["image_features"]))
    out = [helper.make_tensor_value_info("image_features", f, ["num_images_total", 64, h])]
    return g.model(inputs, out, "vision_encoder")


def build_probe_vision(hidden):
    """A vision encoder that reports each view's mean colour, with the real inputs and output."""
    g = Graph(False, None)
    f = TensorProto.FLOAT
    size = 512
    inputs = [
        helper.make_tensor_value_info("pixel_values", f, ["batch_size", "num_images", 3, "height", "width"]),
        helper.make_tensor_value_info("pixel_attention_mask", TensorProto.BOOL, ["batch_size", "num_images", "height", "width"]),
    ]
    flat = g.op("Reshape", ["pixel_values", g.const([-1, 3, size * size], np.int64)])
    means = g.op("ReduceMean", [flat], axes=[2], keepdims=0)
    rows = g.op("MatMul", [means, g.const(np.eye(3, hidden, dtype=np.float32))])
    rows = g.op("Unsqueeze", [rows, g.const([1], np.int64)])
    g.nodes.append(helper.make_node("Expand", [rows, g.const([1, 64, 1], np.int64)], ["image_features"]))
    out = [helper.make_tensor_value_info("image_features", f, ["num_images_total", 64, hidden])]
    return g.model(inputs, out, "vision_encoder_probe")


def tokenizer_json():
    """The tiny model's byte-level BPE tokenizer: the SCORED tokens first, then the other byte symbols, then the
    pieces the merges make on the way, with merges learned from the SCORED tokens alone so that each is one
    token when encoded."""
    vocab = {}
    for token in SCORED:
        vocab[token] = FIRST_SCORED + len(vocab)
    for b in range(256):
        vocab.setdefault(BYTES[b], FIRST_SCORED + len(vocab))
    corpus = {tuple(token): 1 for token in SCORED if len(token) > 1}
    merges = learn_merges(corpus, 100000)
    for a, b in merges:
        vocab.setdefault(a + b, FIRST_SCORED + len(vocab))
    return tokenizer_document(vocab, merges)


PRESETS = {
    "tiny": dict(hidden=64, layers=2, heads=9, kv_heads=3, head_dim=64, intermediate=128,
                 v_hidden=16, v_heads=2, v_layers=1, v_intermediate=32),
    "256m": dict(hidden=576, layers=30, heads=9, kv_heads=3, head_dim=64, intermediate=1536,
                 v_hidden=768, v_heads=12, v_layers=12, v_intermediate=3072),
    # SmolVLM-500M: a SmolLM2-360M decoder with the same SigLIP-base vision tower.
    "500m": dict(hidden=960, layers=32, heads=15, kv_heads=5, head_dim=64, intermediate=2560,
                 v_hidden=768, v_heads=12, v_layers=12, v_intermediate=3072),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", choices=PRESETS, default="tiny")
    ap.add_argument("--out", help="the folder for the model files (not with --probe-vision)")
    ap.add_argument("--int8", action="store_true")
    ap.add_argument("--extra-decoder-inputs", action="store_true")
    ap.add_argument("--fp16-cache", action="store_true")
    ap.add_argument("--rename-logits", action="store_true")
    ap.add_argument("--probe-vision", metavar="FILE")
    ap.add_argument("--conv-integer-vision", metavar="FILE")
    a = ap.parse_args()
    cfg = dict(PRESETS[a.preset], eps=1e-5, rope_theta=100000.0)
    if a.probe_vision:
        onnx.save(build_probe_vision(cfg["hidden"]), a.probe_vision)
        print(f"{a.probe_vision}\t{os.path.getsize(a.probe_vision)}")
        return
    if a.conv_integer_vision:
        onnx.save(build_vision(cfg, Graph(a.preset == "tiny", np.random.default_rng(1234)), conv_integer=True),
                  a.conv_integer_vision)
        print(f"{a.conv_integer_vision}\t{os.path.getsize(a.conv_integer_vision)}")
        return
    if not a.out:
        ap.error("--out is needed")
    computed = a.preset == "tiny"
    if computed and a.int8:
        ap.error("--int8 needs stored weights (use --preset 256m)")
    os.makedirs(a.out, exist_ok=True)
    rng = np.random.default_rng(1234)
    onnx.save(build_vision(cfg, Graph(computed, rng, a.int8)), os.path.join(a.out, "vision_encoder.onnx"))
    onnx.save(build_embed(cfg, Graph(computed, rng)), os.path.join(a.out, "embed_tokens.onnx"))
    onnx.save(build_decoder(cfg, Graph(computed, rng, a.int8), a.extra_decoder_inputs, a.fp16_cache,
                            "lm_logits" if a.rename_logits else "logits"),
              os.path.join(a.out, "decoder_model_merged.onnx"))
    config = {
        "architectures": ["Idefics3ForConditionalGeneration"], "model_type": "idefics3",
        "image_token_id": IMAGE_TOKEN, "scale_factor": 4, "vocab_size": VOCAB,
        "text_config": {"model_type": "llama", "hidden_size": cfg["hidden"], "num_hidden_layers": cfg["layers"],
                        "num_attention_heads": cfg["heads"], "num_key_value_heads": cfg["kv_heads"],
                        "head_dim": cfg["head_dim"], "intermediate_size": cfg["intermediate"],
                        "vocab_size": VOCAB, "rms_norm_eps": cfg["eps"], "rope_theta": cfg["rope_theta"],
                        "pad_token_id": 2, "eos_token_id": 2},
        "vision_config": {"hidden_size": cfg["v_hidden"], "num_hidden_layers": cfg["v_layers"],
                          "num_attention_heads": cfg["v_heads"], "intermediate_size": cfg["v_intermediate"],
                          "image_size": 512, "patch_size": 16},
    }
    pre = {"do_convert_rgb": True, "do_image_splitting": True, "do_normalize": True, "do_rescale": True,
           "do_resize": True, "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5],
           "max_image_size": {"longest_edge": 512}, "resample": 1, "rescale_factor": 1 / 255,
           "size": {"longest_edge": 2048}, "processor_class": "Idefics3Processor"}
    tok_cfg = {"bos_token": "<|im_start|>", "eos_token": "<end_of_utterance>", "pad_token": "<|im_end|>",
               "unk_token": "<|endoftext|>", "model_max_length": 8192, "tokenizer_class": "GPT2Tokenizer"}
    for name, obj in (("config.json", config), ("preprocessor_config.json", pre),
                      ("tokenizer.json", tokenizer_json()), ("tokenizer_config.json", tok_cfg)):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as fh:
            json.dump(obj, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
    for name in sorted(os.listdir(a.out)):
        print(f"{name}\t{os.path.getsize(os.path.join(a.out, name))}")


if __name__ == "__main__":
    main()
