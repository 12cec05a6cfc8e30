package org.sightline.vision.capture;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long each capture route takes, for docs/benchmarks.md. Not part of the default suite; run with
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" mvn -q -B -pl vision -am test -DexcludedTestGroups= -Dgroups=bench
 * -Dtest=CaptureRoutesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class CaptureRoutesBenchmark {

    private static final int RUNS = 30;

    @Test
    void captureRoutes() throws Exception {
        KnownWindow.assumeDisplay();
        try (KnownWindow window = KnownWindow.show("Benchmark window", new Rectangle(100, 100, 600, 400))) {
            window.focus();
            report("Robot, whole screen 1280x800", () -> Captures.screen());
            report("Robot, 400x400 around the pointer", () -> Captures.regionAroundPointer(400));
            report("ActiveWindow.current() (xprop/xdotool/xwininfo)", Captures::rememberActiveWindow);
            WindowHandle handle = Captures.rememberActiveWindow();
            // A benchmark of the wrong thing measures nothing: the routes must return what they claim.
            org.assertj.core.api.Assertions.assertThat(Captures.window(handle).image().getWidth())
                    .as("the remembered window's width").isGreaterThanOrEqualTo(600);
            report("Robot, remembered window 600x400", () -> Captures.window(handle));
            x11grab();
        }
    }

    private static void x11grab() throws Exception {
        long t0 = System.nanoTime();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(System.getenv("DISPLAY") + "+0,0")) {
            grabber.setFormat("x11grab");
            grabber.setImageWidth(1280);
            grabber.setImageHeight(800);
            grabber.start();
            Frame first = grabber.grabImage();
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            double[] times = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                grabber.grabImage();
                times[i] = (System.nanoTime() - s) / 1e6;
            }
            print("FFmpeg x11grab, whole screen (frame " + first.imageWidth + "x" + first.imageHeight
                    + "; open + first frame " + firstMs + " ms)", times);
        }
    }

    private static void report(String name, Supplier<?> route) {
        route.get();
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            route.get();
            times[i] = (System.nanoTime() - s) / 1e6;
        }
        print(name, times);
    }

    private static void print(String name, double[] times) {
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "BENCH | %s | %.1f | %.1f | %.1f |%n", name, times[times.length / 2],
                times[(int) (times.length * 0.9)], times[0]);
    }
}
