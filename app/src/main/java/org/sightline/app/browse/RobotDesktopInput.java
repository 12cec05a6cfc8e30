package org.sightline.app.browse;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javafx.application.Platform;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/**
 * Pointer and keyboard through {@link java.awt.Robot}. Never called on the JavaFX application thread: a
 * Robot call waits for the system to deliver events, and the window must keep answering keys (Escape)
 * meanwhile. Letters, digits and US-keyboard symbols are typed as key presses; other text (Chinese, accents)
 * is pasted through the clipboard, which is restored afterwards.
 */
public final class RobotDesktopInput implements DesktopInput {

    private static final String SHIFTED = "~!@#$%^&*()_+{}|:\"<>?";
    private static final String UNSHIFTED = "`1234567890-=[]\\;',./";

    private final Robot robot;

    private RobotDesktopInput(Robot robot) {
        this.robot = robot;
        robot.setAutoDelay(15);
    }

    /**
     * A Robot on the default screen.
     *
     * @throws SightlineException DEVICE_UNAVAILABLE when there is no display
     */
    public static RobotDesktopInput create() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, ElementWords.MESSAGES.get("action.noDisplay"));
        }
        try {
            return new RobotDesktopInput(new Robot());
        } catch (AWTException | SecurityException e) {
            throw new SightlineException(Problem.DEVICE_UNAVAILABLE, ElementWords.MESSAGES.get("action.noDisplay"));
        }
    }

    @Override
    public void moveTo(int x, int y) {
        offFxThread();
        robot.mouseMove(x, y);
        robot.waitForIdle();
    }

    @Override
    public void click() {
        offFxThread();
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    @Override
    public void type(String text) {
        offFxThread();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!typeKey(c)) {
                paste(text.substring(i));
                break;
            }
        }
        robot.waitForIdle();
    }

    private boolean typeKey(char c) {
        boolean shift = Character.isUpperCase(c) || SHIFTED.indexOf(c) >= 0;
        char base = SHIFTED.indexOf(c) >= 0 ? UNSHIFTED.charAt(SHIFTED.indexOf(c)) : Character.toLowerCase(c);
        int code;
        if (base == ' ') {
            code = KeyEvent.VK_SPACE;
        } else if (base >= 'a' && base <= 'z' || base >= '0' && base <= '9' || UNSHIFTED.indexOf(base) >= 0) {
            code = KeyEvent.getExtendedKeyCodeForChar(base);
        } else {
            return false;
        }
        if (code == KeyEvent.VK_UNDEFINED) {
            return false;
        }
        if (shift) {
            robot.keyPress(KeyEvent.VK_SHIFT);
        }
        robot.keyPress(code);
        robot.keyRelease(code);
        if (shift) {
            robot.keyRelease(KeyEvent.VK_SHIFT);
        }
        return true;
    }

    private void paste(String text) {
        Clipboard clipboard = Toolkit.getDefaultToolkit().getSystemClipboard();
        Transferable previous = null;
        try {
            previous = clipboard.getContents(null);
        } catch (IllegalStateException e) {
            // The clipboard is busy; it is then not restored.
        }
        clipboard.setContents(new StringSelection(text), null);
        robot.keyPress(KeyEvent.VK_CONTROL);
        robot.keyPress(KeyEvent.VK_V);
        robot.keyRelease(KeyEvent.VK_V);
        robot.keyRelease(KeyEvent.VK_CONTROL);
        robot.waitForIdle();
        robot.delay(100);
        if (previous != null) {
            clipboard.setContents(previous, null);
        }
    }

    private static void offFxThread() {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("screen actions must not run on the JavaFX application thread");
        }
    }
}
