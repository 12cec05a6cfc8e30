package org.sightline.task;

/** A unit of long work. Implementations check {@link TaskContext#cancellation()} between steps. */
@FunctionalInterface
public interface Task<T> {
    T run(TaskContext context) throws Exception;
}
