package org.sightline.app.cli;

import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import picocli.CommandLine.Command;

/** {@code sightline read}. */
@Command(name = "read", mixinStandardHelpOptions = true, description = "Read the text in images, in reading order.")
public final class ReadCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SightlineException(Problem.INTERNAL, "The read command is not available in this build yet.");
    }
}
