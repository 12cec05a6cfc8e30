package org.sightline.app.cli;

import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import picocli.CommandLine.Command;

/** {@code sightline describe}. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe an image and answer questions about it.")
public final class DescribeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SightlineException(Problem.INTERNAL, "The describe command is not available in this build yet.");
    }
}
