package org.sightline.vision.vlm.smolvlm;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import org.sightline.error.Problem;
import org.sightline.error.SightlineException;
import org.sightline.i18n.Messages;
import org.sightline.models.runtime.OnnxModels;

/**
 * The one place where the vision-language graphs become ONNX Runtime sessions, so that a shared session
 * cache can take this over without touching the runner.
 */
public final class OnnxSessions {

    private static final Messages MESSAGES = new Messages("org.sightline.vision.vlm.messages");

    private OnnxSessions() {
    }

    /** The process's ONNX Runtime environment, shared with DJL ({@link OnnxModels#environment()}). */
    public static OrtEnvironment environment() {
        return OnnxModels.environment();
    }

    /** Opens {@code model} with all graph optimisations and the thread count the model store was given. */
    public static OrtSession open(Path model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (OnnxModels.threads() > 0) {
                options.setIntraOpNumThreads(OnnxModels.threads());
            }
            return environment().createSession(model.toString(), options);
        } catch (OrtException | RuntimeException e) {
            throw new SightlineException(Problem.BAD_INPUT, MESSAGES.get("vlm.model.cannotLoad", model, e.getMessage()), e);
        }
    }
}
