package org.sightline.app.cli;

import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import picocli.CommandLine.Command;

/** {@code sightline capture}. */
@Command(name = "capture", mixinStandardHelpOptions = true, description = "Capture the screen, the active window, the region around the pointer or a camera frame.")
public final class CaptureCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SightlineException(Problem.INTERNAL, "The capture command is not available in this build yet.");
    }
}
