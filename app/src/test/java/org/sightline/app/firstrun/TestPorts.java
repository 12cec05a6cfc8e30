package org.sightline.app.firstrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.Progress;
import org.sightline.task.TaskContext;

/** Ports for the setup's tests that behave like the real ones: models are files in a folder. */
final class TestPorts {

    private TestPorts() {
    }

    /** Engines that remember what was previewed and chosen; {@code failing} ids throw on preview. */
    static final class Engines implements SpeechEngineChoices {
        final List<Option> options;
        final List<String> previews = new ArrayList<>();
        final List<String> chosen = new ArrayList<>();
        final List<String> failing = new ArrayList<>();
        String current;

        Engines(Option... options) {
            this.options = List.of(options);
        }

        @Override
        public List<Option> engines() {
            return options;
        }

        @Override
        public void preview(String id, String sample) {
            if (failing.contains(id)) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE, "the sound card is busy.");
            }
            previews.add(id + ": " + sample);
        }

        @Override
        public void choose(String id) {
            chosen.add(id);
            current = id;
        }

        @Override
        public String currentId() {
            return current;
        }
    }

    /**
     * A catalog whose models are files under {@code store}: "downloading" writes them in four steps with
     * progress, importing copies the catalog's files found in a folder. {@code offline} fails downloads
     * as a machine without a connection would; {@code hold} makes a download wait until cancelled.
     */
    static final class Models implements ModelChoices {
        final Path store;
        final Map<String, Option> catalog = new LinkedHashMap<>();
        boolean offline;
        CountDownLatch hold;

        Models(Path store, Option... options) {
            this.store = store;
            for (Option o : options) {
                catalog.put(o.id(), o);
            }
        }

        @Override
        public List<Option> models() {
            List<Option> out = new ArrayList<>();
            for (Option o : catalog.values()) {
                boolean installed = o.installed() || Files.exists(store.resolve(o.id() + ".onnx"));
                out.add(new Option(o.id(), o.displayName(), o.purpose(), o.sizeBytes(), installed, o.recommended()));
            }
            return out;
        }

        @Override
        public void download(List<String> ids, TaskContext context) throws Exception {
            if (offline) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE, "There is no internet connection.");
            }
            for (int part = 1; part <= 4; part++) {
                if (hold != null) {
                    CountDownLatch cancelled = new CountDownLatch(1);
                    context.cancellation().onCancel(cancelled::countDown);
                    cancelled.await(10, TimeUnit.SECONDS);
                }
                context.cancellation().throwIfCancelled();
                context.progress(new Progress(part, 4, null));
            }
            for (String id : ids) {
                Files.writeString(store.resolve(id + ".onnx"), "weights of " + id);
            }
        }

        @Override
        public List<String> importFrom(Path folder, TaskContext context) throws IOException {
            if (!Files.isDirectory(folder)) {
                throw new SightlineException(Problem.BAD_INPUT, "The folder " + folder + " does not exist.");
            }
            List<String> imported = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String id = file.getFileName().toString().replaceFirst("\\.onnx$", "");
                    if (catalog.containsKey(id)) {
                        Files.copy(file, store.resolve(id + ".onnx"));
                        imported.add(id);
                    }
                }
            }
            return imported;
        }
    }

    /** The settings flag, in memory. */
    static final class Completion implements FirstRunCompletion {
        final List<Outcome> recorded = new ArrayList<>();

        @Override
        public boolean isCompleted() {
            return !recorded.isEmpty();
        }

        @Override
        public void record(Outcome outcome) {
            recorded.add(outcome);
        }
    }
}
