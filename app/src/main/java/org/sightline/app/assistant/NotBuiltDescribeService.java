package org.sightline.app.assistant;

import java.util.function.Consumer;
import org.sightline.task.TaskContext;

/** Stands in until the vision-language model is wired in: says so plainly. */
public final class NotBuiltDescribeService implements DescribeService {
    @Override
    public String describe(DescribeRequest request, TaskContext context, Consumer<String> tokens) {
        throw NotBuiltCaptureService.notBuilt("notBuilt.describe");
    }
}
