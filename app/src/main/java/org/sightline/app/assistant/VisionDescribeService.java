package org.sightline.app.assistant;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.sightline.app.AppText;
import org.sightline.app.settings.Settings;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.task.TaskContext;
import org.sightline.vision.describe.Describer;
import org.sightline.vision.describe.Description;
import org.sightline.vision.vlm.BackendChoice;
import org.sightline.vision.vlm.Question;

/**
 * Describing for the app, over vision's {@link Describer}: the backend is chosen from the user's settings at
 * each request (their server when one is set, else the installed model), so a change applies to the next
 * question. Everything is streamed to the chat: the sentence that the image leaves the computer, the answer,
 * and its caution; without a model, the summary, the first time followed by how to get a model.
 */
public final class VisionDescribeService implements DescribeService, AutoCloseable {

    private final Describer describer;
    private final Supplier<Settings> settings;

    public VisionDescribeService(Describer describer) {
        this(describer, Settings::defaults);
    }

    /** @param settings the user's settings as they are now, read at each request (fast mode and the server) */
    public VisionDescribeService(Describer describer, Supplier<Settings> settings) {
        this.describer = describer;
        this.settings = settings;
    }

    /** The describer itself, with the model it has loaded: the service the app runs beside its window uses it too. */
    public Describer describer() {
        return describer;
    }

    @Override
    public synchronized String describe(DescribeRequest request, TaskContext context, Consumer<String> tokens) {
        Settings now = settings.get();
        BackendChoice choice = (now.remoteDescriptions()
                ? BackendChoice.remote(now.remoteUrl(), now.remoteModel(), now.remoteApiKey())
                : BackendChoice.installedModel()).withFast(now.describeFast());
        StringBuilder answer = new StringBuilder();
        // The statement is said before anything is sent, in the transcript and aloud, once per image that leaves.
        Describer.Listener listener = Describer.Listener.of(tokens::accept, statement -> {
            tokens.accept(statement + " ");
            answer.append(statement).append(' ');
        });
        Question question = request.question() == null ? null : Question.of(request.question());
        Description said = describer.describe(choice, Describer.Request.of(request.capture(), question), listener,
                context);
        switch (said.kind()) {
            case BLANK -> throw new SightlineException(Problem.BAD_INPUT, said.text());
            case SUMMARY -> {
                String summary = said.text() + said.downloadHint()
                        .map(hint -> " " + hint + " " + AppText.get("describe.openModels")).orElse("");
                tokens.accept(summary);
                return summary;
            }
            default -> {
                answer.append(said.text());
                // After the answer: the caution about quotes OCR did not find, then the offer of a closer look.
                Stream.of(said.caution(), said.closerLook()).flatMap(Optional::stream).forEach(sentence -> {
                    tokens.accept(" " + sentence);
                    answer.append(' ').append(sentence);
                });
                return answer.toString();
            }
        }
    }

    @Override
    public void close() {
        describer.close();
    }
}
