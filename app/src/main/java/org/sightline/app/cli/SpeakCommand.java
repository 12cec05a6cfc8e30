package org.sightline.app.cli;

import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import picocli.CommandLine.Command;

/** {@code sightline speak}. */
@Command(name = "speak", mixinStandardHelpOptions = true, description = "Speak text aloud or into a WAV file.")
public final class SpeakCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SightlineException(Problem.INTERNAL, "The speak command is not available in this build yet.");
    }
}
