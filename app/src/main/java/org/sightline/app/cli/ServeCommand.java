package org.sightline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sightline.app.service.ServiceAddress;
import org.sightline.app.service.ServiceClient;
import org.sightline.app.service.ServiceSocket;
import org.sightline.app.service.ServiceWork;
import org.sightline.app.service.SightlineService;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.models.ModelStores;
import org.sightline.vision.read.TextReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sightline serve [--transport unix|tcp] [--socket PATH] [--connection-file FILE]}: keeps the models warm and answers programs of the same user until
 * stopped (Ctrl+C or a TERM signal), then removes its socket. Other commands use it when it runs.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run a local service that keeps the models loaded and answers screen-reader add-ons,",
                "scripts and later sightline commands quickly. The protocol: docs/service-protocol.md."})
public final class ServeCommand implements Callable<Integer> {

    private static final Messages MESSAGES = new Messages("org.sightline.app.service.service");

    @Option(names = "--socket", paramLabel = "PATH",
            description = "Where to listen (default: $XDG_RUNTIME_DIR/sightline/service.sock).")
    private Path socket;

    /** How clients reach the service. */
    enum Transport { unix, tcp }

    @Option(names = "--transport", paramLabel = "KIND", description = "unix (a private socket; the default on "
            + "Linux and macOS) or tcp (a port on 127.0.0.1 guarded by a token in a private connection file; "
            + "the default on Windows).")
    private Transport transport;

    @Option(names = "--connection-file", paramLabel = "FILE", description = "Where --transport tcp writes its port "
            + "and token (default: %LOCALAPPDATA%\\Sightline\\service.json on Windows, else beside the socket).")
    private Path connectionFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CatalogModelStore store = ModelStores.standard();
        TextReader reader = new TextReader(store);
        reader.preload();
        CountDownLatch stopped = new CountDownLatch(1);
        SightlineService service = SightlineService.start(address(), new ServiceWork(store, reader));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "sightline-service-stop"));
        out.println(MESSAGES.get("serve.ready", service.path()));
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    /** Where to listen: the transport asked for, else the system's own, at the place asked for, else the usual. */
    private ServiceAddress address() {
        ServiceAddress standard = ServiceAddress.standard();
        boolean loopback = transport != null ? transport == Transport.tcp : standard.loopback();
        if (loopback) {
            return ServiceAddress.loopback(connectionFile != null ? connectionFile
                    : ServiceClient.defaultConnectionFile());
        }
        return ServiceAddress.unix(socket != null ? socket : ServiceSocket.defaultPath());
    }
}
