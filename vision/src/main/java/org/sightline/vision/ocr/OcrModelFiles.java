package org.sightline.vision.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.InstalledModel;

/** The four files of a PP-OCR model: text detection, recognition, the direction classifier and the key list. */
public record OcrModelFiles(Path detection, Path recognition, Path direction, Path keys) {

    public OcrModelFiles {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(recognition, "recognition");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(keys, "keys");
    }

    /** The files of an installed {@code ppocr-v4} model (roles det, rec, cls, keys). */
    public static OcrModelFiles of(InstalledModel model) {
        return new OcrModelFiles(model.file("det"), model.file("rec"), model.file("cls"), model.file("keys"));
    }

    /** Fails with MODEL_MISSING naming the first file that is not there. */
    public OcrModelFiles requireExisting() {
        for (Path p : new Path[] {detection, recognition, direction, keys}) {
            if (!Files.isRegularFile(p)) {
                throw new SightlineException(Problem.MODEL_MISSING,
                        new Messages("org.sightline.vision.ocr.messages").get("ocr.modelMissing", p));
            }
        }
        return this;
    }
}
