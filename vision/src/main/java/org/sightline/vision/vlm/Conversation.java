package org.sightline.vision.vlm;

import java.util.List;
import org.sightline.task.TaskContext;

/**
 * One image and the questions asked about it. Follow-up questions reuse what the model already computed
 * (the image is encoded once, the key/value cache grows), so later answers start quickly.
 */
public interface Conversation extends AutoCloseable {

    /**
     * Asks {@code question} and streams the answer's text to {@code listener} as it is generated.
     * Checks {@code context}'s cancellation token at every step; a cancelled ask throws
     * {@link org.sightline.task.CancelledException} and leaves the conversation usable for another ask.
     */
    Answer ask(Question question, TokenListener listener, TaskContext context);

    /** The questions and answers so far, oldest first. */
    List<Turn> turns();

    @Override
    void close();
}
