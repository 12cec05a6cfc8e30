package org.sightline.error;

/**
 * A failure with a message fit for the user: one sentence that says what happened and what to do,
 * already translated. The app speaks and shows it; the command line prints it on one line.
 */
public class SightlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    public SightlineException(Problem problem, String userMessage) {
        super(userMessage);
        this.problem = problem;
    }

    public SightlineException(Problem problem, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
