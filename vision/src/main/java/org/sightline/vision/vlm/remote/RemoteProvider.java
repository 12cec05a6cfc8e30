package org.sightline.vision.vlm.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.sightline.i18n.Messages;
import org.sightline.models.CatalogModelStore;
import org.sightline.task.TaskContext;
import org.sightline.vision.vlm.BackendChoice;
import org.sightline.vision.vlm.VisionLanguageBackend;
import org.sightline.vision.vlm.VisionLanguageProvider;

/**
 * OpenAI-compatible servers behind the provider door. It owns the one check of a server address: an absolute
 * http or https address with a host; anything else would only fail later, at the first description, far from
 * where it was typed.
 */
public final class RemoteProvider implements VisionLanguageProvider {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    @Override
    public String id() {
        return "remote";
    }

    @Override
    public int rank() {
        return 50;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public boolean handles(BackendChoice choice) {
        return choice.isRemote();
    }

    @Override
    public Optional<String> problem(BackendChoice choice) {
        return validAddress(choice.server()) ? Optional.empty() : Optional.of(MESSAGES.get("vlm.remote.badAddress"));
    }

    @Override
    public VisionLanguageBackend open(BackendChoice choice, CatalogModelStore store, TaskContext context) {
        String model = choice.serverModel() == null ? "" : choice.serverModel();
        return new OpenAiCompatibleBackend(RemoteSettings.of(URI.create(choice.server()), model, choice.apiKey()));
    }

    /** An absolute http or https address that names a host. */
    static boolean validAddress(String address) {
        if (address == null) {
            return false;
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
