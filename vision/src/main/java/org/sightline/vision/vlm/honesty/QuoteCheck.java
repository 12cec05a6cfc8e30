package org.sightline.vision.vlm.honesty;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sightline.i18n.Messages;

/**
 * Compares the text an answer claims is written on the image with what OCR read there. Models like to
 * "read" signs and labels that are not there; when an answer quotes words (in quotation marks, or after
 * "says", "reads", "labelled", "titled") that OCR did not find, even allowing for OCR's typical slips,
 * the answer is followed by a short caution.
 */
public final class QuoteCheck {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    /** Quoted spans in straight or typographic double quotes, and in single quotes that open a word. */
    private static final Pattern QUOTED = Pattern.compile(
            "\"([^\"\\n]{2,200})\"|“([^”\\n]{2,200})”|‘([^’\\n]{2,200})’|「([^」\\n]{1,200})」|(?<![\\p{L}\\p{N}])'([^'\\n]{2,200})'(?![\\p{L}\\p{N}])");
    /** A claim without quotes: "the sign says Open today." */
    private static final Pattern CLAIM = Pattern.compile(
            "(?i)\\b(?:says|say|reads|read|reading|saying|labell?ed|titled|entitled|written)\\s*:?\\s+(?![\"“‘'])"
                    + "([^.,;!?\\n\"“”]{2,80})");
    private static final Pattern FILLER = Pattern.compile("(that|the|a|an|as|like|to|it|in|on|at|from|by|with)( .*)?"
            + "|well|clearly|easily|badly|poorly|fine|nicely|correctly|something|nothing|anything|more|less|aloud");
    /** Similarity a window of the OCR text needs to count as the same words (OCR confuses letters). */
    private static final double MATCH = 0.8;

    private QuoteCheck() {
    }

    /**
     * A caution to speak after {@code answer} when it quotes text missing from {@code recognisedText};
     * empty when every quote was found, or when no OCR text is known ({@code null}: nothing to check).
     */
    public static Optional<String> caution(String answer, String recognisedText) {
        if (answer == null || recognisedText == null) {
            return Optional.empty();
        }
        String ocr = normalise(recognisedText);
        List<String> missing = new ArrayList<>();
        for (String claim : claims(answer)) {
            String c = normalise(claim);
            if (c.isEmpty() || found(c, ocr)) {
                continue;
            }
            missing.add(claim.strip());
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MESSAGES.get("vlm.quoteNotFound", missing.get(0)));
    }

    /** The texts {@code answer} says are written on the image, in order. */
    public static List<String> claims(String answer) {
        Set<String> out = new LinkedHashSet<>();
        Matcher q = QUOTED.matcher(answer);
        while (q.find()) {
            for (int g = 1; g <= q.groupCount(); g++) {
                if (q.group(g) != null) {
                    out.add(q.group(g));
                }
            }
        }
        Matcher m = CLAIM.matcher(answer);
        while (m.find()) {
            String claim = m.group(1).strip();
            // "it reads well" or "says that ..." are not quotes of text on the image.
            if (!claim.isEmpty() && !FILLER.matcher(claim.toLowerCase(Locale.ROOT)).matches()) {
                out.add(claim);
            }
        }
        return new ArrayList<>(out);
    }

    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Whether {@code claim} occurs in {@code ocr} exactly or as a near match of the same length. */
    static boolean found(String claim, String ocr) {
        if (ocr.contains(claim)) {
            return true;
        }
        String compactClaim = claim.replace(" ", "");
        String compactOcr = ocr.replace(" ", "");
        if (compactOcr.contains(compactClaim)) {
            return true;
        }
        int n = compactClaim.length();
        if (n == 0 || compactOcr.length() < n * MATCH) {
            return false;
        }
        int maxDistance = (int) Math.floor(n * (1 - MATCH));
        // Slide windows of lengths n - d .. n + d over the OCR text; accept an edit distance within budget.
        for (int len = Math.max(1, n - maxDistance); len <= n + maxDistance; len++) {
            for (int start = 0; start + len <= compactOcr.length(); start++) {
                if (distance(compactClaim, compactOcr, start, len, maxDistance) <= maxDistance) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int distance(String a, String b, int bStart, int bLen, int limit) {
        int[] prev = new int[bLen + 1];
        int[] cur = new int[bLen + 1];
        for (int j = 0; j <= bLen; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= bLen; j++) {
                int cost = a.charAt(i - 1) == b.charAt(bStart + j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return rowMin;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[bLen];
    }
}
