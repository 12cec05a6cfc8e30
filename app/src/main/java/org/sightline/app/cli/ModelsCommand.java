package org.sightline.app.cli;

import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import picocli.CommandLine.Command;

/** {@code sightline models}. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List, download, verify and remove models.")
public final class ModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SightlineException(Problem.INTERNAL, "The models command is not available in this build yet.");
    }
}
