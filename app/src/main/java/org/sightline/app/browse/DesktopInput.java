package org.sightline.app.browse;

/**
 * The pointer and keyboard of the desktop, as {@link ScreenActions} uses them. The real one is
 * {@link RobotDesktopInput}; tests of the confirmation rules use a recording one.
 */
public interface DesktopInput {

    /** Moves the pointer to screen coordinates {@code x, y}. */
    void moveTo(int x, int y);

    /** Clicks the left button where the pointer is. */
    void click();

    /** Types {@code text} into whatever has the keyboard focus. */
    void type(String text);
}
