package org.sightline.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.cli.CliRun;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.testing.EnglishOfflineStore;
import org.sightline.vision.testing.TextPages;

/**
 * The service end to end: a real socket, the real OCR models kept warm, clients in Java and in Python (the
 * client an add-on carries), and the faults a service meets: bad JSON, a future protocol version, a huge
 * message, a client that leaves mid-answer, a request cancelled while it waits.
 */
@ExtendWith(EnglishOfflineStore.class)
class SightlineServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static SightlineService service;
    private static Path page;

    @BeforeAll
    static void start() throws Exception {
        service = SightlineService.start(dir.resolve("run/service.sock"), ServiceTesting.work());
        page = page("letter.png", "Dear neighbour,", "The water will be off on Tuesday", "from nine until noon.");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static Path page(String name, String... lines) throws IOException {
        return TextPages.png(dir.resolve(name), 720, 20, lines);
    }

    private static String read(String id, Path file) {
        return "{\"v\":1,\"id\":\"" + id + "\",\"op\":\"read\",\"source\":\"file\",\"path\":\"" + file + "\"}";
    }

    @Test
    void aPythonClientReadsAPageLineByLineAndIsToldWhichVersionTheServiceSpeaks() throws Exception {
        Process python = new ProcessBuilder("python3",
                Path.of("src/test/resources/org/sightline/app/service/read_with_client.py").toString(),
                Path.of("../installer/companion").toAbsolutePath().normalize().toString(),
                service.path().toString(), page.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).containsExactly(
                "hello: version 1, ops hello, read, elements, describe, watch, cancel",
                "line 0: Dear neighbour,",
                "line 1: The water will be off on Tuesday",
                "line 2: from nine until noon.",
                "done: Dear neighbour, | The water will be off on Tuesday | from nine until noon.",
                "unsupported_version: This service speaks protocol version 1; the request asked for version 2.");
    }

    @Test
    void describeStreamsTheAnswerAndAFollowUpAsksAboutTheSamePicture() throws Exception {
        Path tiny = Path.of("../vision/src/test/resources/vlm/smolvlm-tiny").toAbsolutePath().normalize();
        try (RawConnection raw = RawConnection.unix(service.path())) {
            raw.send("{\"v\":1,\"id\":\"d1\",\"op\":\"describe\",\"source\":\"file\",\"path\":\"" + page
                    + "\",\"modelDir\":\"" + tiny + "\",\"maxTokens\":8,\"detail\":\"fast\"}");
            List<JsonNode> first = raw.until("d1");
            JsonNode done = first.get(first.size() - 1);
            assertThat(done.get("event").asText()).isEqualTo("done");
            assertThat(done.get("result").get("kind").asText()).isEqualTo("answer");
            StringBuilder streamed = new StringBuilder();
            first.stream().filter(e -> e.get("event").asText().equals("text"))
                    .forEach(e -> streamed.append(e.get("text").asText()));
            assertThat(streamed.toString().strip()).isNotEmpty().contains(done.get("result").get("text").asText().strip());

            raw.send("{\"v\":1,\"id\":\"d2\",\"op\":\"describe\",\"source\":\"last\",\"question\":"
                    + "\"What day is the water off?\",\"modelDir\":\"" + tiny + "\",\"maxTokens\":6,\"detail\":\"fast\"}");
            assertThat(raw.until("d2")).last().satisfies(e -> assertThat(e.get("result").get("kind").asText())
                    .isEqualTo("answer"));
        }
        try (RawConnection fresh = RawConnection.unix(service.path())) {
            fresh.send("{\"v\":1,\"id\":\"d3\",\"op\":\"describe\",\"source\":\"last\"}");
            assertThat(fresh.next().get("message").asText())
                    .isEqualTo("This connection has no picture yet to ask about. Describe or read one first.");
        }
    }

    @Test
    void withoutADescriptionModelDescribeGivesTheSummaryOfTheTextAndLayout() throws Exception {
        try (RawConnection raw = RawConnection.unix(service.path())) {
            raw.send("{\"v\":1,\"id\":\"s\",\"op\":\"describe\",\"source\":\"file\",\"path\":\"" + page + "\"}");
            JsonNode result = raw.until("s").get(0).get("result");
            assertThat(result.get("kind").asText()).isEqualTo("summary");
            assertThat(result.get("text").asText()).contains("3 lines of text").contains("Dear neighbour,");
        }
    }

    @Test
    void onlyItsUserCanReachTheSocket() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(service.path())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(service.path().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void badRequestsGetAClearErrorAndTheConnectionGoesOn() throws IOException {
        try (RawConnection raw = RawConnection.unix(service.path())) {
            raw.send("this is not json");
            assertThat(raw.next().get("message").asText()).isEqualTo("The request is not a JSON object on one line.");
            raw.send("{\"v\":1,\"id\":\"a\",\"op\":\"paint\"}");
            assertThat(raw.next().get("message").asText())
                    .isEqualTo("The service has no operation called paint. It knows: hello, read, elements, describe,"
                            + " watch, cancel.");
            raw.send("{\"v\":1,\"id\":\"b\",\"op\":\"read\",\"source\":\"rect\",\"rect\":{\"x\":0}}");
            JsonNode rect = raw.next();
            assertThat(rect.get("code").asText()).isEqualTo("bad_request");
            assertThat(rect.get("id").asText()).isEqualTo("b");
            raw.send("{\"v\":1,\"id\":\"c\",\"op\":\"read\",\"source\":\"file\",\"path\":\"" + dir.resolve("none.png")
                    + "\"}");
            JsonNode missing = raw.next();
            assertThat(missing.get("code").asText()).isEqualTo("bad_input");
            raw.send("{\"v\":1,\"id\":\"d\",\"op\":\"hello\"}");
            assertThat(raw.next().get("event").asText()).isEqualTo("hello");
        }
    }

    @Test
    void aWatchWithNoDisplayIsAClearErrorAndOnlyTheScreenAndItsPartsCanBeWatched() throws IOException {
        assumeTrue(java.awt.GraphicsEnvironment.isHeadless(), "no display to capture: the default execution");
        try (RawConnection raw = RawConnection.unix(service.path())) {
            raw.send("{\"v\":1,\"id\":\"w\",\"op\":\"watch\",\"source\":\"screen\"}");
            JsonNode none = raw.next();
            assertThat(none.get("id").asText()).isEqualTo("w");
            assertThat(none.get("code").asText()).isEqualTo("device_unavailable");
            assertThat(none.get("message").asText()).isEqualTo("There is no display to capture: Sightline needs a"
                    + " graphical desktop session. Run it from your desktop, or set DISPLAY.");
            raw.send("{\"v\":1,\"id\":\"f\",\"op\":\"watch\",\"source\":\"file\",\"path\":\"" + page + "\"}");
            assertThat(raw.next().get("message").asText())
                    .isEqualTo("A watch needs a source it can follow: screen, window or rect (not file).");
            raw.send("{\"v\":1,\"id\":\"i\",\"op\":\"watch\",\"source\":\"window\",\"interval\":0}");
            assertThat(raw.next().get("message").asText())
                    .isEqualTo("interval must be a whole number of milliseconds above zero.");
            // The id of a watch that never started is free again.
            raw.send("{\"v\":1,\"id\":\"w\",\"op\":\"hello\"}");
            assertThat(raw.next().get("event").asText()).isEqualTo("hello");
        }
    }

    @Test
    void aHugeMessageIsRefusedAndOnlyThatClientIsClosed() throws Exception {
        try (RawConnection raw = RawConnection.unix(service.path())) {
            byte[] huge = new byte[ServiceProtocol.MAX_MESSAGE_BYTES + 10];
            java.util.Arrays.fill(huge, (byte) 'x');
            try {
                raw.out.write(huge);
                raw.out.flush();
            } catch (IOException closedEarly) {
                // The service may close before the whole message is written; what it said first still arrives.
            }
            JsonNode error = raw.next();
            assertThat(error.get("code").asText()).isEqualTo("too_large");
            assertThat(error.get("message").asText()).startsWith("The request is longer than 1 MB.");
            assertThat(raw.next()).isNull();
        }
        try (RawConnection other = RawConnection.unix(service.path())) {
            other.send(read("after", page));
            assertThat(other.until("after")).last().satisfies(e -> assertThat(e.get("event").asText()).isEqualTo("done"));
        }
    }

    @Test
    void aClientThatLeavesMidAnswerDoesNotDisturbTheNext() throws Exception {
        try (RawConnection leaving = RawConnection.unix(service.path())) {
            leaving.send(read("gone", page));
        }
        try (RawConnection next = RawConnection.unix(service.path())) {
            next.send(read("next", page));
            List<JsonNode> events = next.until("next");
            assertThat(events).last().satisfies(e -> assertThat(e.get("result").get("text").asText())
                    .isEqualTo("Dear neighbour,\nThe water will be off on Tuesday\nfrom nine until noon."));
            assertThat(events.stream().filter(e -> e.get("event").asText().equals("line"))).hasSize(3);
        }
    }

    @Test
    void aPdfIsReadPageByPageWithItsPageNumbersAndTheReadingOfReadJson() throws Exception {
        Path pdf = dir.resolve("notice.pdf");
        try (org.sightline.vision.documents.TestPdfs doc = new org.sightline.vision.documents.TestPdfs()) {
            doc.page().paragraph(72, 100, List.of("Water off on Tuesday.", "From nine until noon."));
            doc.page().paragraph(72, 100, List.of("Questions go to the caretaker."));
            doc.save(pdf);
        }
        try (RawConnection raw = RawConnection.unix(service.path())) {
            raw.send("{\"v\":1,\"id\":\"p\",\"op\":\"read\",\"source\":\"file\",\"path\":\"" + pdf + "\"}");
            List<JsonNode> events = raw.until("p");
            assertThat(events).filteredOn(e -> e.get("event").asText().equals("line"))
                    .extracting(e -> e.get("page").asInt() + ": " + e.get("text").asText())
                    .containsExactly("1: Water off on Tuesday.", "1: From nine until noon.",
                            "2: Questions go to the caretaker.");
            JsonNode done = events.get(events.size() - 1);
            assertThat(done.get("event").asText()).isEqualTo("done");
            assertThat(done.get("result").toString()).contains("Questions go to the caretaker.");

            raw.send("{\"v\":1,\"id\":\"q\",\"op\":\"read\",\"source\":\"file\",\"path\":\"" + pdf
                    + "\",\"pages\":\"2\"}");
            assertThat(raw.until("q")).filteredOn(e -> e.get("event").asText().equals("line"))
                    .extracting(e -> e.get("text").asText()).containsExactly("Questions go to the caretaker.");
        }
    }

    @Test
    void aRequestCancelledWhileItWaitsIsCancelledAndTheOneBeforeFinishes() throws Exception {
        try (RawConnection raw = RawConnection.unix(service.path())) {
            raw.send(read("first", page));
            raw.send(read("second", page));
            raw.send("{\"v\":1,\"id\":\"second\",\"op\":\"cancel\"}");
            List<JsonNode> events = raw.until("second");
            assertThat(events).last().satisfies(e -> assertThat(e.get("event").asText()).isEqualTo("cancelled"));
            assertThat(events).anySatisfy(e -> {
                assertThat(e.get("id").asText()).isEqualTo("first");
                assertThat(e.get("event").asText()).isEqualTo("done");
            });
        }
    }

    @Test
    void aSecondServiceAtTheSamePlaceIsRefusedAndAStaleSocketIsReplaced() throws IOException {
        assertThatThrownBy(() -> SightlineService.start(service.path(), ServiceTesting.work()))
                .isInstanceOf(SightlineException.class)
                .hasMessage("A Sightline service is already running at " + service.path()
                        + ". Use it, or stop it before starting another.")
                .satisfies(e -> assertThat(((SightlineException) e).problem()).isEqualTo(Problem.DEVICE_UNAVAILABLE));
        Path stale = dir.resolve("stale/service.sock");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "left by a service that died");
        try (SightlineService second = SightlineService.start(stale, ServiceTesting.work())) {
            assertThat(ServiceClient.connect(stale)).isPresent().get().satisfies(ServiceClient::close);
        }
        assertThat(stale).doesNotExist();
    }

    @Test
    void theReadCommandGivesTheSameTextThroughTheServiceAndSaysWhenNoneRuns() throws Exception {
        String socket = service.path().toString();
        CliRun via = run("read", "--via-service", "--socket", socket, page.toString());
        CliRun here = run("read", "--no-service", "--socket", socket, page.toString());
        assertThat(via.exit()).isZero();
        assertThat(via.out()).isEqualTo(here.out())
                .isEqualTo("Dear neighbour,\nThe water will be off on Tuesday\nfrom nine until noon.\n");
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        CliRun both = run("read", "--via-service", "--socket", socket, "--json", page.toString(), blank.toString());
        assertThat(both.exit()).isEqualTo(3);
        assertThat(both.err()).isEqualTo("blank.png: The capture is blank; is a screen curtain on?\n");
        assertThat(JSON.readTree(both.out()).get(0).get("blocks").get(0).get("lines")).hasSize(3);

        CliRun elementsVia = run("elements", "--via-service", "--socket", socket, page.toString());
        CliRun elementsHere = run("elements", "--no-service", page.toString());
        assertThat(elementsVia.exit()).isZero();
        assertThat(elementsVia.out()).isEqualTo(elementsHere.out());

        CliRun none = run("read", "--via-service", "--socket", dir.resolve("nobody/here.sock").toString(),
                page.toString());
        assertThat(none.exit()).isEqualTo(5);
        assertThat(none.err()).isEqualTo("No Sightline service is running at " + dir.resolve("nobody/here.sock")
                + ". Start one with: sightline serve\n");
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
