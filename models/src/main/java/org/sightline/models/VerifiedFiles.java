package org.sightline.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.stream.Stream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.models.download.TransferMeter;
import org.sightline.task.CancellationToken;

/**
 * The files of one model's folder and their manifest: whether a file in place is the verified one (by size and
 * time when it did not change, by SHA-256 when it did), copying into a partial file while hashing, and moving a
 * verified file into place in one step. A file that fails its hash is deleted so that it is never loaded.
 */
final class VerifiedFiles {

    private VerifiedFiles() {
    }

    static long bytesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    enum QuickState { MISSING, UNVERIFIED, VERIFIED }

    /** Whether a file is in place and unchanged since it was verified, without reading it. */
    static QuickState quickState(Path dir, ModelFile f, Manifest manifest) {
        Path p = dir.resolve(f.name());
        if (!Files.isRegularFile(p)) {
            return QuickState.MISSING;
        }
        var rec = manifest.get(f.role()).orElse(null);
        if (rec == null || !rec.name().equals(f.name()) || (f.pinned() && !f.sha256().equals(rec.sha256()))) {
            return QuickState.UNVERIFIED;
        }
        try {
            long size = Files.size(p);
            long mtime = Files.getLastModifiedTime(p).toMillis();
            if (size != rec.size() || mtime != rec.modifiedMillis() || (f.size() >= 0 && size != f.size())) {
                return QuickState.UNVERIFIED;
            }
        } catch (IOException e) {
            return QuickState.UNVERIFIED;
        }
        return QuickState.VERIFIED;
    }

    /** The hash a file must have: the catalog's, or the one trusted on first use, or null if neither exists. */
    static String expectedHash(ModelFile f, Manifest manifest) {
        if (f.pinned()) {
            return f.sha256();
        }
        return manifest.get(f.role()).map(Manifest.Record::sha256).filter(s -> !s.isBlank()).orElse(null);
    }

    /**
     * Makes sure the file in place is verified: hashes it when it changed since the last check. A file that does
     * not match is deleted, so that it is never loaded.
     *
     * @return whether the file is now present and verified
     */
    static boolean verifyInPlace(Path dir, ModelFile f, Manifest manifest, CancellationToken token)
            throws IOException {
        QuickState q = quickState(dir, f, manifest);
        if (q != QuickState.UNVERIFIED) {
            return q == QuickState.VERIFIED;
        }
        String expected = expectedHash(f, manifest);
        if (expected == null) {
            return false;
        }
        Path p = dir.resolve(f.name());
        String actual = Sha256.of(p, token);
        if (actual.equals(expected) && (f.size() < 0 || Files.size(p) == f.size())) {
            record(manifest, f, p, actual);
            manifest.save();
            return true;
        }
        Files.deleteIfExists(p);
        forgetUnlessTrusted(manifest, f);
        manifest.save();
        return false;
    }

    static void record(Manifest manifest, ModelFile f, Path p, String sha) throws IOException {
        manifest.put(f.role(), new Manifest.Record(f.name(), sha, Files.size(p), Files.getLastModifiedTime(p).toMillis(),
                f.pinned() ? Manifest.Trust.CATALOG : Manifest.Trust.FIRST_USE));
    }

    /** Drops a file's record, but keeps a hash trusted on first use: it stays the reference for this model. */
    static void forgetUnlessTrusted(Manifest manifest, ModelFile f) {
        var rec = manifest.get(f.role()).orElse(null);
        if (rec != null && rec.trust() == Manifest.Trust.FIRST_USE && !f.pinned()) {
            manifest.put(f.role(), new Manifest.Record(rec.name(), rec.sha256(), -1, -1, rec.trust()));
        } else {
            manifest.remove(f.role());
        }
    }

    static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String copyResource(ModelFile f, Path part, CancellationToken token,
                                       java.util.function.LongConsumer present, TransferMeter meter) throws IOException {
        try (InputStream in = VerifiedFiles.class.getResourceAsStream(f.resource())) {
            if (in == null) {
                throw new SightlineException(Problem.INTERNAL, ModelMessages.get("bundled.missing", f.resource()));
            }
            return copyHashing(in, part, token, present, meter);
        }
    }

    /** Copies {@code in} into {@code part}, hashing on the way; a failed write removes the partial file. */
    static String copyHashing(InputStream in, Path part, CancellationToken token,
                                      java.util.function.LongConsumer present, TransferMeter meter) throws IOException {
        MessageDigest d = Sha256.newDigest();
        long n = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                token.throwIfCancelled();
                out.write(buf, 0, r);
                d.update(buf, 0, r);
                n += r;
                meter.received(r);
                present.accept(n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            if (e instanceof FileSystemException fse && String.valueOf(fse.getMessage()).contains("No space left")) {
                throw new SightlineException(Problem.DEVICE_UNAVAILABLE, ModelMessages.get("disk.full",
                        part.getParent()), e);
            }
            throw e;
        }
        return Sha256.hex(d);
    }
}
