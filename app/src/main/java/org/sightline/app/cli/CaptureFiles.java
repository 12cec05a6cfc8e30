package org.sightline.app.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/** Saving a capture as PNG from the command line, with a clear message for every wrong output path. */
final class CaptureFiles {

    private CaptureFiles() {
    }

    /** Checked before capturing, so a typo in the path does not cost a camera session. */
    static void checkWritable(Path out) {
        Path absolute = out.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureCommand.MESSAGES.get("out.isFolder", out));
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureCommand.MESSAGES.get("out.noFolder", out));
        }
        if (!Files.isWritable(parent) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureCommand.MESSAGES.get("out.cannotWrite", out));
        }
    }

    static void writePng(BufferedImage image, Path out) {
        Path absolute = out.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(absolute.getParent(), ".capture-", ".png");
            try {
                ImageIO.write(image, "png", temp.toFile());
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new SightlineException(Problem.BAD_INPUT, CaptureCommand.MESSAGES.get("out.cannotWrite", out), e);
        }
    }
}
