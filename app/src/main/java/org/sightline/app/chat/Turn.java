package org.sightline.app.chat;

/**
 * One exchange in the transcript: what the user asked (or which key they pressed), what was looked at, and
 * the answer, which grows while it streams. Changed only on the user-interface thread.
 */
public final class Turn {

    private final String question;
    private String lookedAt;
    private final StringBuilder answer = new StringBuilder();

    public Turn(String question, String lookedAt) {
        this.question = question;
        this.lookedAt = lookedAt;
    }

    public String question() {
        return question;
    }

    public String lookedAt() {
        return lookedAt;
    }

    void lookedAt(String what) {
        this.lookedAt = what;
    }

    public String answer() {
        return answer.toString();
    }

    boolean hasAnswer() {
        return answer.length() > 0;
    }

    void append(String piece) {
        answer.append(piece);
    }

    void answer(String whole) {
        answer.setLength(0);
        answer.append(whole);
    }
}
