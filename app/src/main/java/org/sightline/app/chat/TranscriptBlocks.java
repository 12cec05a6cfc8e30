package org.sightline.app.chat;

/**
 * Block-by-block movement in the transcript (Ctrl+Down, Ctrl+Up), as a screen reader moves by paragraph: a
 * block is a run of lines between empty lines, such as one turn or one block of text read from a page.
 */
final class TranscriptBlocks {

    private TranscriptBlocks() {
    }

    /** Where the block after the one holding {@code caret} starts, or {@code caret} when there is none. */
    static int next(String text, int caret) {
        int gap = text.indexOf("\n\n", Math.max(0, caret));
        if (gap < 0) {
            return caret;
        }
        int start = gap;
        while (start < text.length() && text.charAt(start) == '\n') {
            start++;
        }
        return start < text.length() ? start : caret;
    }

    /** Where the block holding {@code caret} starts or, when the caret is already there, the block before. */
    static int previous(String text, int caret) {
        int here = blockStart(text, Math.min(caret, text.length()));
        if (here < caret) {
            return here;
        }
        int end = here;
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return end == 0 ? 0 : blockStart(text, end);
    }

    /** The whole block that starts at {@code start}: every line of it, up to the next empty line. */
    static String blockAt(String text, int start) {
        int from = Math.max(0, Math.min(start, text.length()));
        int end = text.indexOf("\n\n", from);
        return text.substring(from, end < 0 ? text.length() : end).strip();
    }

    private static int blockStart(String text, int position) {
        int gap = text.lastIndexOf("\n\n", Math.max(0, position - 1));
        if (gap < 0) {
            return 0;
        }
        int start = gap;
        while (start < text.length() && text.charAt(start) == '\n') {
            start++;
        }
        return start > position ? blockStart(text, gap) : start;
    }
}
