package org.sightline.vision.vlm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.i18n.Messages;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.remote.OpenAiCompatibleBackend;
import org.sightline.vision.vlm.remote.RemoteSettings;
import org.sightline.vision.vlm.smolvlm.SmolVlmBackend;
import org.sightline.vision.vlm.smolvlm.SmolVlmFiles;

/** The facade the app calls: blank captures, sentences in answer order, and the quote caution after the answer. */
class VisionChatTest {

    private Locale saved;

    @BeforeEach
    void english() {
        saved = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(saved);
    }

    private static BufferedImage picture() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 480);
        g.dispose();
        return img;
    }

    @Test
    void aBlankCaptureIsAnsweredWithoutAModel() {
        try (VisionChat chat = VisionChat.start(null, new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB),
                ConversationOptions.defaults())) {
            VisionChat.Reply reply = chat.ask(Question.shortDescription(), TokenListener.IGNORE, TaskContext.none());
            assertThat(reply.blank()).isTrue();
            assertThat(reply.text()).isEqualTo("The capture is blank; is a screen curtain on?");
            assertThat(chat.turns()).isEmpty();
        }
    }

    @Test
    void piecesArriveInTheOrderOfTheAnswer() {
        try (SmolVlmBackend backend = SmolVlmBackend.open("tiny", SmolVlmFiles.fromDirectory(Path.of("src/test/resources/vlm/smolvlm-tiny")));
             VisionChat chat = VisionChat.start(backend, picture(),
                     new ConversationOptions(Detail.FAST, GenerationSettings.defaults().withMaxNewTokens(40)))) {
            StringBuilder pieces = new StringBuilder();
            VisionChat.Reply reply = chat.ask(Question.shortDescription(), pieces::append, TaskContext.none());
            assertThat(reply.blank()).isFalse();
            assertThat(reply.text()).isNotBlank();
            assertThat(pieces.toString().strip()).isEqualTo(reply.text());
            VisionChat.Reply next = chat.ask(Question.of("Is there a button?"), TokenListener.IGNORE, TaskContext.none());
            assertThat(next.text()).isNotBlank();
            assertThat(chat.turns()).hasSize(2);
        }
    }

    @Test
    void aQuoteTheRecognisedTextLacksIsFollowedByACaution() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(("data: {\"choices\":[{\"delta\":{\"content\":\"A report. The title says \\\"Quarterly Report\\\". "
                    + "The button reads Save.\"}}]}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.start();
        try (VisionChat chat = VisionChat.start(new OpenAiCompatibleBackend(RemoteSettings.of(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"), "m", null)), picture(),
                ConversationOptions.defaults())) {
            chat.setRecognisedText("Monthly summary\nSave   Cancel");
            StringBuilder pieces = new StringBuilder();
            VisionChat.Reply reply = chat.ask(Question.shortDescription(), pieces::append, TaskContext.none());
            assertThat(reply.caution()).hasValue(
                    "Careful: the answer quotes \"Quarterly Report\", but text recognition did not find that on the image.");
            // The caution follows the answer; it is not one of the streamed pieces.
            assertThat(pieces.toString().strip()).isEqualTo(reply.text());
            assertThat(reply.text()).startsWith("A report.").doesNotContain("Careful");
        } finally {
            server.stop(0);
        }
    }
}
