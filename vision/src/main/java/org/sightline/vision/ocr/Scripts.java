package org.sightline.vision.ocr;

/** What recognised text's writing systems tell the code that joins, cuts and summarises it. */
public final class Scripts {

    private Scripts() {
    }

    /**
     * Whether {@code codePoint} is written without spaces between words: a Chinese or Japanese character, CJK
     * punctuation or a full-width form. Lines and words of such text join without a space, and a word cannot be
     * told from its neighbours by spaces.
     */
    public static boolean writtenWithoutSpaces(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}
