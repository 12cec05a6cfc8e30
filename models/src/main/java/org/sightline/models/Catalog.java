package org.sightline.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;

/**
 * The models Sightline knows, read from a JSON resource ({@code catalog.json} beside this class) so that adding
 * or re-pinning a model is a data change. Entries keep the order of the file.
 */
public final class Catalog {

    /** The resource that holds the built-in catalog. */
    public static final String RESOURCE = "/org/sightline/models/catalog.json";

    private final Map<String, ModelEntry> entries;

    public Catalog(List<ModelEntry> list) {
        Map<String, ModelEntry> map = new LinkedHashMap<>();
        Set<String> defaults = new HashSet<>();
        for (ModelEntry e : list) {
            if (map.putIfAbsent(e.id(), e) != null) {
                throw new IllegalArgumentException("catalog lists " + e.id() + " twice");
            }
            if (e.isDefault() && !defaults.add(e.task())) {
                throw new IllegalArgumentException("catalog has two defaults for task " + e.task());
            }
            Set<String> roles = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (ModelFile f : e.files()) {
                if (!roles.add(f.role()) || !names.add(f.name())) {
                    throw new IllegalArgumentException(e.id() + " repeats role or file name " + f.role());
                }
            }
        }
        this.entries = Collections.unmodifiableMap(map);
    }

    /** The catalog that ships with Sightline. */
    public static Catalog builtIn() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the model catalog " + RESOURCE + " is missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a catalog in the format of {@code catalog.json}. */
    public static Catalog parse(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<ModelEntry> list = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            List<ModelFile> files = new ArrayList<>();
            for (JsonNode f : m.path("files")) {
                JsonNode sha = f.get("sha256");
                boolean pinned = f.path("pinned").asBoolean(sha != null && !sha.isNull());
                if (pinned != (sha != null && !sha.isNull())) {
                    throw new IllegalArgumentException(text(m, "id") + "/" + text(f, "role")
                            + ": \"pinned\" must be true exactly when \"sha256\" is given");
                }
                files.add(new ModelFile(text(f, "role"), text(f, "name"), text(f, "source"),
                        f.path("size").asLong(-1), f.path("approxSize").asLong(-1), sha == null || sha.isNull() ? null : sha.asText()));
            }
            Map<String, String> descriptions = new LinkedHashMap<>();
            JsonNode d = m.path("description");
            if (d.isTextual()) {
                descriptions.put("en", d.asText());
            } else {
                d.properties().forEach(e -> descriptions.put(e.getKey(), e.getValue().asText()));
            }
            list.add(new ModelEntry(text(m, "id"), text(m, "task"), text(m, "name"), descriptions,
                    m.path("license").asText(""),
                    m.path("parameters").asText(""), m.path("memoryMb").asInt(0), m.path("default").asBoolean(false),
                    m.hasNonNull("revision") ? m.get("revision").asText() : null, files));
        }
        return new Catalog(list);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("catalog: missing \"" + field + "\" in " + node);
        }
        return v.asText();
    }

    public List<ModelEntry> entries() {
        return List.copyOf(entries.values());
    }

    public List<String> ids() {
        return List.copyOf(entries.keySet());
    }

    public Optional<ModelEntry> find(String id) {
        return Optional.ofNullable(id == null ? null : entries.get(id));
    }

    /** The entry with {@code id}, or a BAD_INPUT failure whose message lists the valid ids. */
    public ModelEntry get(String id) {
        ModelEntry e = id == null ? null : entries.get(id);
        if (e == null) {
            throw new SightlineException(Problem.BAD_INPUT,
                    ModelMessages.get("model.unknown", id, String.join(", ", entries.keySet())));
        }
        return e;
    }

    /** The default model for {@code task}, if the catalog names one. */
    public Optional<ModelEntry> defaultFor(String task) {
        return entries.values().stream().filter(e -> e.isDefault() && e.task().equals(task)).findFirst();
    }

    /** The tasks the catalog covers, in order of first appearance. */
    public List<String> tasks() {
        return entries.values().stream().map(ModelEntry::task).distinct().collect(Collectors.toList());
    }
}
