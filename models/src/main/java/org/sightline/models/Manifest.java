package org.sightline.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the store knows about one model's directory: for each file, the hash it had when it was last verified,
 * with the size and modification time it had then. A file whose size and time still match is trusted without
 * re-hashing; for files the catalog cannot pin, the recorded hash is the one trusted on first use.
 */
final class Manifest {

    static final String FILE_NAME = ".sightline-manifest.json";

    /** How a file's hash came to be trusted. */
    enum Trust { CATALOG, FIRST_USE }

    record Record(String name, String sha256, long size, long modifiedMillis, Trust trust) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Record> records;

    private Manifest(Path file, Map<String, Record> records) {
        this.file = file;
        this.records = records;
    }

    static Manifest load(Path modelDirectory) {
        Path f = modelDirectory.resolve(FILE_NAME);
        Map<String, Record> map = new LinkedHashMap<>();
        if (Files.isRegularFile(f)) {
            try {
                JsonNode root = JSON.readTree(f.toFile());
                root.path("files").properties().forEach(e -> {
                    JsonNode r = e.getValue();
                    map.put(e.getKey(), new Record(r.path("name").asText(), r.path("sha256").asText(),
                            r.path("size").asLong(-1), r.path("modified").asLong(-1),
                            Trust.valueOf(r.path("trust").asText("CATALOG"))));
                });
            } catch (IOException | IllegalArgumentException e) {
                // A damaged manifest only costs a re-hash of files the catalog pins; it must not stop the store.
                map.clear();
            }
        }
        return new Manifest(f, map);
    }

    Optional<Record> get(String role) {
        return Optional.ofNullable(records.get(role));
    }

    void put(String role, Record record) {
        records.put(role, record);
    }

    void remove(String role) {
        records.remove(role);
    }

    void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode files = root.putObject("files");
        records.forEach((role, r) -> {
            ObjectNode n = files.putObject(role);
            n.put("name", r.name());
            n.put("sha256", r.sha256());
            n.put("size", r.size());
            n.put("modified", r.modifiedMillis());
            n.put("trust", r.trust().name());
        });
        Files.createDirectories(file.getParent());
        // A name of its own per writer, so that two processes saving at once cannot interleave in one file.
        Path tmp = file.resolveSibling(FILE_NAME + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
