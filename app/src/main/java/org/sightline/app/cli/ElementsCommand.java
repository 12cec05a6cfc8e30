package org.sightline.app.cli;

import java.util.concurrent.Callable;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import picocli.CommandLine.Command;

/** {@code sightline elements}. */
@Command(name = "elements", mixinStandardHelpOptions = true, description = "List the headings, links, buttons and fields seen in a screenshot.")
public final class ElementsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new SightlineException(Problem.INTERNAL, "The elements command is not available in this build yet.");
    }
}
