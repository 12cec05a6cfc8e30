package org.sightline.app.assistant;

import org.sightline.task.TaskContext;
import org.sightline.vision.capture.Capture;
import org.sightline.vision.elements.ElementMap;

/** Finds the headings, links, buttons and fields of a capture, for browse mode and requests about them. */
public interface ElementService {

    ElementMap elements(Capture capture, TaskContext context);
}
