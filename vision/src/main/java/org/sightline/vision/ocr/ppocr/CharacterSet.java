package org.sightline.vision.ocr.ppocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recognition model's classes: class 0 is the CTC blank, class {@code i} is line {@code i-1} of the key
 * file, and the class after the last line is a space.
 */
final class CharacterSet {

    /** The space's class, counted from the end of the classes (it is the last one). */
    static final int SPACE_FROM_END = -1;

    private final String[] symbols;

    CharacterSet(List<String> keyLines) {
        symbols = new String[keyLines.size() + 2];
        symbols[0] = "";
        for (int i = 0; i < keyLines.size(); i++) {
            symbols[i + 1] = keyLines.get(i);
        }
        symbols[symbols.length - 1] = " ";
    }

    static CharacterSet read(Path keyFile) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(keyFile, StandardCharsets.UTF_8));
            // A trailing empty line is the file's last newline, not a character.
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return new CharacterSet(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return symbols.length;
    }

    String symbol(int classIndex) {
        return symbols[classIndex];
    }

    static boolean isBlank(int classIndex) {
        return classIndex == 0;
    }
}
