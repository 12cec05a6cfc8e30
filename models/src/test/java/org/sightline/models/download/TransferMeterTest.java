package org.sightline.models.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransferMeterTest {

    private long now;

    @Test
    void rateAndTimeLeftComeFromTheLastSeconds() {
        TransferMeter meter = new TransferMeter(() -> now);
        assertThat(meter.rate()).isZero();
        assertThat(meter.remaining(1000)).isNull();
        for (int i = 0; i < 10; i++) {
            now += 100_000_000L;
            meter.received(100_000);
            meter.loaded((i + 1) * 100_000L);
        }
        // 900 kB over 0.9 s between the first and the last sample.
        assertThat(meter.rate()).isEqualTo(1_000_000.0);
        assertThat(meter.remaining(3_000_000)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theReportedCountNeverGoesBack() {
        TransferMeter meter = new TransferMeter(() -> now);
        assertThat(meter.loaded(500)).isEqualTo(500);
        // A server ignored the range and the file started over at 0.
        assertThat(meter.loaded(100)).isEqualTo(500);
        assertThat(meter.loaded(700)).isEqualTo(700);
    }

    @Test
    void percentIsClampedAndUnknownWithoutATotal() {
        assertThat(new DownloadProgress("m", "f", 50, 200, 0, null).percent()).isEqualTo(25);
        assertThat(new DownloadProgress("m", "f", 300, 200, 0, null).percent()).isEqualTo(100);
        assertThat(new DownloadProgress("m", "f", 300, -1, 0, null).percent()).isEqualTo(-1);
    }

    @Test
    void theMirrorReplacesSchemeAndHostAndKeepsThePath() {
        var url = java.net.URI.create("https://huggingface.co/org/m/resolve/abc/onnx/a.onnx");
        assertThat(HttpDownloader.resolve(url, null)).isEqualTo(url);
        assertThat(HttpDownloader.resolve(url, java.net.URI.create("https://hf-mirror.example/")).toString())
                .isEqualTo("https://hf-mirror.example/org/m/resolve/abc/onnx/a.onnx");
        assertThat(HttpDownloader.resolve(url, java.net.URI.create("http://10.0.0.2:8080/hf")).toString())
                .isEqualTo("http://10.0.0.2:8080/hf/org/m/resolve/abc/onnx/a.onnx");
    }
}
