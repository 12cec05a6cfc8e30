package org.sightline.app.assistant;

import java.util.Objects;

/** The capabilities the chat window uses, one port each; put together once in the shell's composition root. */
public record Assistant(CaptureService capture, ReadService reader, DescribeService describer,
                        ActiveWindowTracker windows, ElementService elements) {

    public Assistant {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(describer, "describer");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(elements, "elements");
    }

    /** An assistant without the element map: browsing and requests about the screen's controls say so. */
    public Assistant(CaptureService capture, ReadService reader, DescribeService describer,
                     ActiveWindowTracker windows) {
        this(capture, reader, describer, windows, new NotBuiltElementService());
    }

    /** Every port says plainly that its capability is not in this build. */
    public static Assistant notBuilt() {
        return new Assistant(new NotBuiltCaptureService(), new NotBuiltReadService(), new NotBuiltDescribeService(),
                new NotBuiltActiveWindowTracker());
    }
}
