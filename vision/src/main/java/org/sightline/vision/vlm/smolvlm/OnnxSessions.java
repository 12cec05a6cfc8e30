package org.sightline.vision.vlm.smolvlm;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;

/**
 * The one place where the vision-language graphs become ONNX Runtime sessions, so that a shared session
 * cache can take this over without touching the runner.
 */
public final class OnnxSessions {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private OnnxSessions() {
    }

    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** Opens {@code model} with all graph optimisations and ONNX Runtime's default thread count. */
    public static OrtSession open(Path model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment().createSession(model.toString(), options);
        } catch (OrtException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.cannotLoad", model, e.getMessage()), e);
        }
    }
}
