package org.sightline.app.assistant;

import java.util.function.Consumer;
import org.sightline.task.TaskContext;

/** Describes a capture, or answers a question about it, with a vision-language model. */
public interface DescribeService {

    /**
     * Returns the whole answer. Text is also handed to {@code tokens} piece by piece as it is generated (on the
     * worker thread), so speech can start with the first sentence. Checks the cancellation token every step.
     */
    String describe(DescribeRequest request, TaskContext context, Consumer<String> tokens);
}
