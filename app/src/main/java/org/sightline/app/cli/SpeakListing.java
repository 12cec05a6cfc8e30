package org.sightline.app.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sightline.i18n.Messages;
import org.sightline.speech.engine.TtsEngine;
import org.sightline.speech.engine.TtsEngines;
import org.sightline.speech.engine.Voice;

/** The text of {@code speak --list}: every engine, whether it runs here, and the voices of those that do. */
final class SpeakListing {

    private SpeakListing() {
    }

    static void print(TtsEngines engines, PrintWriter out, Messages messages) {
        out.println(messages.get("list.engines"));
        for (TtsEngine e : engines.all()) {
            out.println((e.isAvailable() ? "* " : "  ") + e.id());
        }
        for (TtsEngine e : engines.all()) {
            if (!e.isAvailable() || e.id().equals("silent")) {
                continue;
            }
            out.println();
            out.println(messages.get("list.voices", e.id()));
            List<Voice> voices = e.voices();
            if (voices.isEmpty()) {
                out.println(messages.get("list.noVoices"));
            }
            for (Voice v : voices) {
                out.println("  " + v.name() + "\t" + v.language() + "\t" + v.description());
            }
        }
        out.flush();
    }
}
