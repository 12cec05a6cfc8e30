package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the X server about windows through the x11-utils and xdotool programs (xprop, xwininfo, xdotool).
 * A process call costs a few milliseconds, needs no native library in the JVM, and the programs are on every
 * X11 desktop; each call has a short time limit so a stuck X server cannot hang a capture.
 */
final class X11Windows {

    /** Geometry in X11 physical pixels, frame included, and the window's title. */
    record Info(String id, Rectangle physicalBounds, String title, boolean viewable) {
    }

    private static final long TIMEOUT_MS = 3000;
    private static final Pattern WINDOW_ID = Pattern.compile("window id # (0x[0-9a-fA-F]+)");
    private static final Pattern ABS_X = Pattern.compile("Absolute upper-left X:\\s+(-?\\d+)");
    private static final Pattern ABS_Y = Pattern.compile("Absolute upper-left Y:\\s+(-?\\d+)");
    private static final Pattern WIDTH = Pattern.compile("\\n\\s*Width:\\s+(\\d+)");
    private static final Pattern HEIGHT = Pattern.compile("\\n\\s*Height:\\s+(\\d+)");
    private static final Pattern MAP_STATE = Pattern.compile("Map State:\\s+(\\w+)");
    private static final Pattern EXTENTS = Pattern.compile("=\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(\\d+)");
    private static final Pattern QUOTED = Pattern.compile("=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private X11Windows() {
    }

    /** The window the window manager calls active (_NET_ACTIVE_WINDOW), if there is a window manager. */
    static Optional<String> netActiveWindow() {
        String out = run("xprop", "-root", "_NET_ACTIVE_WINDOW");
        if (out == null) {
            return Optional.empty();
        }
        Matcher m = WINDOW_ID.matcher(out);
        if (!m.find() || Long.decode(m.group(1)) == 0) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }

    /** The window holding the keyboard focus, for X servers without a window manager (xdotool). */
    static Optional<String> focusedWindow() {
        String out = run("xdotool", "getwindowfocus");
        if (out == null) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(out.trim());
            // 0 is None and 1 is PointerRoot: no window has the focus.
            // The focus often sits on a child of the window (Java's focus proxy, a toolkit's input window).
            return id <= 1 ? Optional.empty() : topLevel("0x" + Long.toHexString(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks the window manager to make {@code id} the active window and answers whether it is now: with no window
     * manager (no _NET_ACTIVE_WINDOW) the keyboard focus is moved instead and checked the same way.
     */
    static boolean activate(String id) {
        long wanted = Long.decode(id);
        if (netActiveWindow().isPresent()) {
            run("xdotool", "windowactivate", "--sync", id);
            return netActiveWindow().map(active -> Long.decode(active) == wanted).orElse(false);
        }
        run("xdotool", "windowfocus", "--sync", id);
        return focusedWindow().map(focused -> Long.decode(focused) == wanted).orElse(false);
    }

    private static final Pattern ROOT_ID = Pattern.compile("Root window id: (0x[0-9a-fA-F]+)");
    private static final Pattern PARENT_ID = Pattern.compile("Parent window id: (0x[0-9a-fA-F]+)");

    /** The ancestor of {@code id} that is a direct child of the root window: what the user sees as a window. */
    static Optional<String> topLevel(String id) {
        String current = id;
        for (int depth = 0; depth < 16; depth++) {
            String tree = run("xwininfo", "-children", "-id", current);
            if (tree == null) {
                return Optional.empty();
            }
            Matcher root = ROOT_ID.matcher(tree);
            Matcher parent = PARENT_ID.matcher(tree);
            if (!root.find() || !parent.find()) {
                return Optional.empty();
            }
            if (Long.decode(current).equals(Long.decode(root.group(1)))) {
                return Optional.empty();
            }
            if (Long.decode(parent.group(1)).equals(Long.decode(root.group(1)))) {
                return Optional.of(current);
            }
            current = parent.group(1);
        }
        return Optional.empty();
    }

    static Optional<Info> describe(String id) {
        String geometry = run("xwininfo", "-id", id);
        if (geometry == null) {
            return Optional.empty();
        }
        Integer x = intOf(ABS_X, geometry);
        Integer y = intOf(ABS_Y, geometry);
        Integer w = intOf(WIDTH, geometry);
        Integer h = intOf(HEIGHT, geometry);
        if (x == null || y == null || w == null || h == null) {
            return Optional.empty();
        }
        Rectangle bounds = new Rectangle(x, y, w, h);
        // One xprop call for the frame and the title: each process start costs tens of milliseconds.
        String props = run("xprop", "-id", id, "_NET_FRAME_EXTENTS", "_NET_WM_NAME", "WM_NAME");
        String title = "";
        if (props != null) {
            for (String line : props.split("\n")) {
                if (line.startsWith("_NET_FRAME_EXTENTS")) {
                    Matcher m = EXTENTS.matcher(line);
                    if (m.find()) {
                        // The window manager's frame (title bar, borders) is part of what the user sees.
                        int left = Integer.parseInt(m.group(1));
                        int right = Integer.parseInt(m.group(2));
                        int top = Integer.parseInt(m.group(3));
                        int bottom = Integer.parseInt(m.group(4));
                        bounds = new Rectangle(x - left, y - top, w + left + right, h + top + bottom);
                    }
                } else if (title.isEmpty() && (line.startsWith("_NET_WM_NAME") || line.startsWith("WM_NAME"))) {
                    Matcher m = QUOTED.matcher(line);
                    if (m.find()) {
                        title = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
                    }
                }
            }
        }
        Matcher map = MAP_STATE.matcher(geometry);
        boolean viewable = map.find() && map.group(1).equals("IsViewable");
        return Optional.of(new Info(id, bounds, title, viewable));
    }

    /** Runs one program with a time limit; null when it is missing, fails or takes too long. */
    static String run(String... command) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command)));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        // xprop escapes non-ASCII titles unless it runs in a UTF-8 locale.
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return null;
        }
        // Output is read while the program runs, so a long answer cannot fill the pipe and stall it.
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try {
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return null;
            }
            byte[] bytes = output.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return p.exitValue() == 0 ? new String(bytes, StandardCharsets.UTF_8) : null;
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            return null;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Integer intOf(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
