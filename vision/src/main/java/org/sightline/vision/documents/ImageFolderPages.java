package org.sightline.vision.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.vision.image.ImageFiles;

/**
 * A folder of page images, one page each, in the order of their names with numbers compared as numbers, so
 * {@code page2.png} comes before {@code page10.png} as a scanner names them.
 */
public final class ImageFolderPages implements PageSource {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final List<Path> files;

    private ImageFolderPages(List<Path> files) {
        this.files = files;
    }

    /**
     * Lists the images in {@code folder} (not in its subfolders).
     *
     * @throws SightlineException BAD_INPUT when the folder holds no image
     */
    public static ImageFolderPages open(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> images = listing.filter(Files::isRegularFile).filter(ImageFolderPages::isImage)
                    .sorted(Comparator.comparing(p -> sortKey(p.getFileName().toString()))).toList();
            if (images.isEmpty()) {
                throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("folder.noImages", folder));
            }
            return new ImageFolderPages(images);
        } catch (IOException e) {
            throw new SightlineException(Problem.BAD_INPUT, DocumentFiles.MESSAGES.get("folder.unreadable", folder), e);
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** The name with every number padded to 10 digits, so names sort as a person numbers pages. */
    static String sortKey(String name) {
        Matcher m = NUMBER.matcher(name.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "0".repeat(Math.max(0, 10 - m.group().length())) + m.group());
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The page files, in page order. */
    public List<Path> files() {
        return files;
    }

    @Override
    public int pageCount() {
        return files.size();
    }

    @Override
    public SourcePage page(int index) {
        return DocumentFiles.imagePage(ImageFiles.read(files.get(index)));
    }

    @Override
    public void close() {
        // Each image is opened and closed as it is read.
    }
}
