package org.sightline.app.browse;

/**
 * What a chat request about the screen's elements comes to: words to say and show, or an action proposed
 * to the user, which waits for the confirmation key (see {@link BrowseViewModel#propose}).
 */
public sealed interface RequestAnswer {

    /** The text to speak and to put into the transcript. */
    String text();

    /** An answer in words ("3 links: Home, About, Contact."). */
    record Spoken(String text) implements RequestAnswer {
    }

    /** An action that waits for confirmation; {@code text} is the confirmation prompt. */
    record Proposal(ProposedAction action, String text) implements RequestAnswer {
        public Proposal(ProposedAction action) {
            this(action, action.confirmationPrompt());
        }
    }
}
