#!/usr/bin/python3
"""Writes a small byte-level BPE tokenizer in the form of SmolVLM's real tokenizer.json.

The real file (SmolLM2's tokenizer) has: no normalizer; a Sequence pre-tokenizer of Digits (each digit
alone) then ByteLevel (GPT-2's split regex, no prefix space); a BPE model over the 256 byte symbols with
merges; a ByteLevel decoder; no post-processor; and added special tokens at fixed ids, of which the runner
relies on <|endoftext|> 0, <|im_start|> 1, <|im_end|> 2, <global-img> 49152, <row_r_col_c> 49153..49188,
<fake_token_around_image> 49189, <image> 49190 and <end_of_utterance> 49279.

This script keeps that form and those ids, with far fewer merges learned from the Apache licence text that
Debian ships plus a few lines of Chinese, so tests exercise spaces, newlines, digits, multi-byte characters
and partial UTF-8 exactly as the real tokenizer would, without the 2 MB file.

    python3 vision/scripts/make_bpe_tokenizer.py --out vision/src/test/resources/vlm/bpe/tokenizer.json
"""
import argparse
import collections
import json
import re

# GPT-2's split, with Python's re: [^\W\d_] stands for a letter where the tokenizer's regex says \p{L}.
GPT2_SPLIT = r"""'s|'t|'re|'ve|'m|'ll|'d| ?[^\W\d_]+| ?\d+| ?[^\s\w]+|\s+(?!\S)|\s+"""
CHINESE = "这是一个测试。屏幕上有一个按钮，价格是四元五角。请描述这张图片，并读出上面的文字。标题、链接和按钮。"


def bytes_to_unicode():
    """GPT-2's map from each byte to a printable character, which byte-level vocabularies are written in."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


def special_tokens():
    tokens = {"<|endoftext|>": 0, "<|im_start|>": 1, "<|im_end|>": 2, "<global-img>": 49152}
    next_id = 49153
    for r in range(1, 7):
        for c in range(1, 7):
            tokens[f"<row_{r}_col_{c}>"] = next_id
            next_id += 1
    tokens["<fake_token_around_image>"] = 49189
    tokens["<image>"] = 49190
    tokens["<end_of_utterance>"] = 49279
    return tokens


def words(text, byte_map):
    """Pre-tokenised words of text, as byte-level symbol tuples, with counts (digits split one by one)."""
    counts = collections.Counter()
    for piece in re.findall(GPT2_SPLIT, text):
        for part in re.split(r"(\d)", piece):
            if part:
                counts[tuple(byte_map[b] for b in part.encode("utf-8"))] += 1
    return counts


def learn_merges(counts, number):
    merges = []
    for _ in range(number):
        pairs = collections.Counter()
        for word, n in counts.items():
            for a, b in zip(word, word[1:]):
                pairs[(a, b)] += n
        if not pairs:
            break
        best = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))[0]
        merges.append(best)
        merged = collections.Counter()
        for word, n in counts.items():
            out, i = [], 0
            while i < len(word):
                if i + 1 < len(word) and (word[i], word[i + 1]) == best:
                    out.append(word[i] + word[i + 1])
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            merged[tuple(out)] += n
        counts = merged
    return merges


def tokenizer_document(vocab, merges):
    """The tokenizer.json document for a byte-level BPE vocabulary and its merges, with the real special tokens.

    As in the real file, the special tokens are also entries of the model's vocabulary, at their ids.
    """
    assert max(vocab.values()) < 49152, "the merged vocabulary must stay below the special ids"
    specials = special_tokens()
    vocab = dict(vocab)
    vocab.update(specials)
    added = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for t, i in sorted(specials.items(), key=lambda kv: kv[1])]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Digits", "individual_digits": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}]},
        "post_processor": None,
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                  "vocab": vocab, "merges": [a + " " + b for a, b in merges]},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--merges", type=int, default=400)
    parser.add_argument("--text", default="/usr/share/common-licenses/Apache-2.0")
    args = parser.parse_args()
    with open(args.text, encoding="utf-8") as f:
        text = f.read() + "\n" + CHINESE * 3
    byte_map = bytes_to_unicode()
    vocab = {}
    next_id = 3
    for b in range(256):
        vocab[byte_map[b]] = next_id
        next_id += 1
    merges = learn_merges(words(text, byte_map), args.merges)
    for a, b in merges:
        if a + b not in vocab:
            vocab[a + b] = next_id
            next_id += 1
    tokenizer = tokenizer_document(vocab, merges)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(tokenizer, f, ensure_ascii=False, indent=1)
    print(f"{args.out}: {len(tokenizer['model']['vocab'])} vocabulary entries, {len(merges)} merges, "
          f"{len(tokenizer['added_tokens'])} added tokens")


if __name__ == "__main__":
    main()
