package org.sightline.task;

/** What a running {@link Task} gets: its cancellation token and a way to report progress. */
public interface TaskContext {

    CancellationToken cancellation();

    void progress(Progress progress);

    /** A context for direct calls from tests and the command line: never cancelled, progress dropped. */
    static TaskContext none() {
        return of(CancellationToken.NONE, p -> { });
    }

    static TaskContext of(CancellationToken token, java.util.function.Consumer<Progress> progress) {
        return new TaskContext() {
            @Override
            public CancellationToken cancellation() {
                return token;
            }

            @Override
            public void progress(Progress p) {
                progress.accept(p);
            }
        };
    }
}
