package org.sightline.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sightline.task.CancellationToken;

/** SHA-256 of files and streams, in lower-case hex. */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(Path file) throws IOException {
        return of(file, CancellationToken.NONE);
    }

    /** Hashes {@code file}, checking {@code token} every block so that verifying a large model can be cancelled. */
    public static String of(Path file, CancellationToken token) throws IOException {
        MessageDigest d = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            update(d, in, token);
        }
        return hex(d);
    }

    static void update(MessageDigest d, InputStream in, CancellationToken token) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            token.throwIfCancelled();
            d.update(buf, 0, n);
        }
    }
}
