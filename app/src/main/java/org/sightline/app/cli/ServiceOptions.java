package org.sightline.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.sightline.app.service.ServiceClient;
import org.sightline.app.service.ServiceSocket;
import org.sightline.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that choose whether a command goes through a running Sightline service (sightline serve), which
 * answers without loading the models again. Without either option the service is used when it runs.
 */
final class ServiceOptions {

    private static final Messages MESSAGES = new Messages("org.sightline.app.cli.read");

    @Option(names = "--via-service", description = "Go through the running Sightline service (sightline serve);"
            + " fail if none runs. Without this option the service is used when it runs.")
    private boolean viaService;

    @Option(names = "--no-service", description = "Load the models here even when a Sightline service runs.")
    private boolean noService;

    @Option(names = "--socket", paramLabel = "PATH", description = "The service's socket (default: where "
            + "sightline serve listens).")
    private Path socket;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** A client of the service when it is to be used, else empty: the command then does the work itself. */
    Optional<ServiceClient> client() {
        if (viaService && noService) {
            throw new CommandLine.ParameterException(command.commandLine(), MESSAGES.get("read.serviceBoth"));
        }
        Path path = socket != null ? socket : ServiceSocket.defaultPath();
        if (viaService) {
            return Optional.of(ServiceClient.require(path));
        }
        return noService ? Optional.empty() : ServiceClient.connect(path);
    }
}
