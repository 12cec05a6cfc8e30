package org.sightline.app.assistant;

import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.elements.ElementMap;

/** For tests that give the chat no element map: says plainly that browsing is not available. */
public final class NotBuiltElementService implements ElementService {
    @Override
    public ElementMap elements(Capture capture, TaskContext context) {
        throw NotBuiltCaptureService.notBuilt("notBuilt.browse");
    }
}
