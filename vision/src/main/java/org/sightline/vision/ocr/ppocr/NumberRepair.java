package org.sightline.vision.ocr.ppocr;

/**
 * Repairs the recogniser's commonest slip on screen fonts: a zero read as the letter o inside a number
 * ("2o0", "3,4oo", "1.0.o"). An o becomes 0 only when it continues a number that does not start inside a word
 * (so "H2O" stays) and no other letter follows it. One character for one, so confidences stay aligned.
 */
final class NumberRepair {

    private NumberRepair() {
    }

    static String repair(String text) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 1; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c != 'o' && c != 'O') {
                continue;
            }
            if (!continuesNumber(sb, i) || !endsCleanly(sb, i)) {
                continue;
            }
            sb.setCharAt(i, '0');
        }
        return sb.toString();
    }

    private static boolean continuesNumber(CharSequence s, int i) {
        int j = i - 1;
        if (".,".indexOf(s.charAt(j)) >= 0) {
            j--;
        }
        if (j < 0 || !Character.isDigit(s.charAt(j))) {
            return false;
        }
        // Walk back over the number; it must not start right after a letter.
        while (j >= 0 && (Character.isDigit(s.charAt(j)) || ".,".indexOf(s.charAt(j)) >= 0)) {
            j--;
        }
        return j < 0 || !Character.isLetter(s.charAt(j));
    }

    private static boolean endsCleanly(CharSequence s, int i) {
        int k = i + 1;
        while (k < s.length() && (s.charAt(k) == 'o' || s.charAt(k) == 'O')) {
            k++;
        }
        return k >= s.length() || !Character.isLetter(s.charAt(k));
    }
}
