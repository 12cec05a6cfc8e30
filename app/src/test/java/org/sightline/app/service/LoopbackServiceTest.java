package org.sightline.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.cli.CliRun;
import org.sightline.error.SightlineException;
import org.sightline.vision.testing.EnglishOfflineStore;
import org.sightline.vision.testing.TextPages;

/**
 * The service on a loopback port, as it runs on Windows: real TCP connections to 127.0.0.1, the token from the
 * connection file right, wrong and missing, the file's permissions, the Python client and the command line
 * finding the service through the file, and the faults the socket transport already handles.
 */
@ExtendWith(EnglishOfflineStore.class)
class LoopbackServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static SightlineService service;
    private static Path page;

    @BeforeAll
    static void start() throws Exception {
        service = SightlineService.startLoopback(dir.resolve("run/service.json"), ServiceTesting.work());
        page = TextPages.png(dir.resolve("notice.png"), 720, 20, "Bins go out on Monday", "Recycling every second week");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static JsonNode connectionFile() throws IOException {
        return JSON.readTree(Files.readString(service.path()));
    }

    private static String hello(String token) {
        return "{\"v\":1,\"id\":\"h\",\"op\":\"hello\",\"token\":\"" + token + "\"}";
    }

    @Test
    void theConnectionFileNamesThePortAndAFreshTokenAndOnlyItsUserCanReadIt() throws IOException {
        JsonNode file = connectionFile();
        assertThat(file.get("version").asInt()).isEqualTo(1);
        assertThat(file.get("port").asInt()).isBetween(1, 65535);
        assertThat(file.get("token").asText()).matches("[0-9a-f]{64}");
        assertThat(file.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(service.path())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(service.path().getParent())))
                .isEqualTo("rwx------");
        try (Socket outside = new Socket()) {
            // Bound to loopback only: the port is not on any other address of this machine.
            assertThat(((java.net.InetSocketAddress) new Socket(InetAddress.getLoopbackAddress(),
                    file.get("port").asInt()).getRemoteSocketAddress()).getAddress().isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void withTheRightTokenTheServiceAnswersAndKeepsItsFaultHandling() throws IOException {
        try (RawConnection raw = RawConnection.loopback(connectionFile().get("port").asInt())) {
            raw.send(hello(connectionFile().get("token").asText()));
            JsonNode greeting = raw.next();
            assertThat(greeting.get("event").asText()).isEqualTo("hello");
            assertThat(greeting.get("version").asInt()).isEqualTo(1);
            raw.send("this is not json");
            assertThat(raw.next().get("message").asText()).isEqualTo("The request is not a JSON object on one line.");
            raw.send("{\"v\":1,\"id\":\"r\",\"op\":\"read\",\"source\":\"file\",\"path\":\"" + page + "\"}");
            List<JsonNode> events = raw.until("r");
            assertThat(events.stream().filter(e -> e.get("event").asText().equals("line"))
                    .map(e -> e.get("text").asText())).containsExactly("Bins go out on Monday",
                    "Recycling every second week");
        }
    }

    @Test
    void aWrongTokenIsForbiddenAndTheConnectionClosed() throws IOException {
        try (RawConnection raw = RawConnection.loopback(connectionFile().get("port").asInt())) {
            raw.send(hello("0".repeat(64)));
            JsonNode refused = raw.next();
            assertThat(refused.get("code").asText()).isEqualTo("forbidden");
            assertThat(refused.get("message").asText()).isEqualTo("This Sightline service needs its token first: "
                    + "send a hello request with the token from its connection file.");
            assertThat(raw.next()).isNull();
        }
    }

    @Test
    void aMissingTokenOrAFirstLineThatIsNotJsonIsForbidden() throws IOException {
        try (RawConnection raw = RawConnection.loopback(connectionFile().get("port").asInt())) {
            raw.send("{\"v\":1,\"id\":\"r\",\"op\":\"read\",\"source\":\"file\",\"path\":\"" + page + "\"}");
            assertThat(raw.next().get("code").asText()).isEqualTo("forbidden");
            assertThat(raw.next()).isNull();
        }
        try (RawConnection raw = RawConnection.loopback(connectionFile().get("port").asInt())) {
            raw.send("GET / HTTP/1.1");
            assertThat(raw.next().get("code").asText()).isEqualTo("forbidden");
            assertThat(raw.next()).isNull();
        }
    }

    @Test
    void aHugeFirstMessageIsRefusedBeforeTheTokenIsLookedAt() throws IOException {
        try (RawConnection raw = RawConnection.loopback(connectionFile().get("port").asInt())) {
            byte[] huge = new byte[ServiceProtocol.MAX_MESSAGE_BYTES + 10];
            java.util.Arrays.fill(huge, (byte) 'x');
            try {
                raw.out.write(huge);
                raw.out.flush();
            } catch (IOException closedEarly) {
                // The service may close before the whole message is written; what it said first still arrives.
            }
            assertThat(raw.next().get("code").asText()).isEqualTo("too_large");
        }
    }

    @Test
    void aSecondServiceIsRefusedAndAStaleConnectionFileIsReplaced() throws IOException {
        assertThatThrownBy(() -> SightlineService.startLoopback(service.path(), ServiceTesting.work()))
                .isInstanceOf(SightlineException.class)
                .hasMessage("A Sightline service is already running at " + service.path()
                        + ". Use it, or stop it before starting another.");
        Path stale = dir.resolve("stale/service.json");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "{\"version\":1,\"port\":" + connectionFile().get("port").asInt()
                + ",\"token\":\"left-by-a-service-that-died\",\"pid\":1}");
        try (SightlineService second = SightlineService.startLoopback(stale, ServiceTesting.work())) {
            assertThat(JSON.readTree(Files.readString(stale)).get("token").asText()).matches("[0-9a-f]{64}");
            assertThat(ServiceClient.connectLoopback(stale)).isPresent().get().satisfies(ServiceClient::close);
        }
        assertThat(stale).doesNotExist();
    }

    @Test
    void thePythonClientReadsThroughTheConnectionFileAndAForgedTokenIsRefused() throws Exception {
        Process python = new ProcessBuilder("python3",
                Path.of("src/test/resources/org/sightline/app/service/read_over_tcp.py").toString(),
                Path.of("../installer/companion").toAbsolutePath().normalize().toString(),
                service.path().toString(), page.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).containsExactly(
                "hello: version 1",
                "line 0: Bins go out on Monday",
                "line 1: Recycling every second week",
                "forbidden: This Sightline service needs its token first: send a hello request with the token from"
                        + " its connection file.");
    }

    @Test
    void theReadCommandGoesThroughTheLoopbackServiceAndSaysWhenNoneRuns() {
        CliRun via = CliRun.of("read", "--via-service", "--connection-file", service.path().toString(),
                page.toString());
        assertThat(via.exit()).as(via.err()).isZero();
        assertThat(via.out()).isEqualTo("Bins go out on Monday\nRecycling every second week\n");
        Path none = dir.resolve("nobody/service.json");
        CliRun refused = CliRun.of("read", "--via-service", "--connection-file", none.toString(), page.toString());
        assertThat(refused.exit()).isEqualTo(5);
        assertThat(refused.err()).isEqualTo("No Sightline service is running at " + none
                + ". Start one with: sightline serve\n");
    }
}
