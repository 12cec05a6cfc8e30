package org.sightline.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.sightline.app.service.ServiceClient;
import org.sightline.app.service.ServiceSocket;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
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
    private static final Messages SERVICE = new Messages("org.sightline.app.service.service");

    @Option(names = "--via-service", description = "Go through the running Sightline service (sightline serve);"
            + " fail if none runs. Without this option the service is used when it runs.")
    private boolean viaService;

    @Option(names = "--no-service", description = "Load the models here even when a Sightline service runs.")
    private boolean noService;

    @Option(names = "--socket", paramLabel = "PATH", description = "The service's socket (default: where "
            + "sightline serve listens).")
    private Path socket;

    @Option(names = "--connection-file", paramLabel = "FILE", description = "The connection file of a service "
            + "on a loopback port (sightline serve --transport tcp; default: where it writes it).")
    private Path connectionFile;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** A client of the service when it is to be used, else empty: the command then does the work itself. */
    Optional<ServiceClient> client() {
        if (viaService && noService) {
            throw new CommandLine.ParameterException(command.commandLine(), MESSAGES.get("read.serviceBoth"));
        }
        if (noService && !viaService) {
            return Optional.empty();
        }
        Optional<ServiceClient> client;
        Path where;
        if (socket != null) {
            client = ServiceClient.connect(socket);
            where = socket;
        } else if (connectionFile != null) {
            client = ServiceClient.connectLoopback(connectionFile);
            where = connectionFile;
        } else {
            client = ServiceClient.find(ServiceSocket.defaultPath(), ServiceClient.defaultConnectionFile());
            where = ServiceSocket.defaultPath();
        }
        if (viaService && client.isEmpty()) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, SERVICE.get("client.notRunning", where));
        }
        return client;
    }
}
