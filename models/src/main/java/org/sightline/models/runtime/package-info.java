/**
 * ONNX Runtime sessions through DJL, loaded fully offline from files in the model cache, shared per file and
 * closed when their model is removed or the application exits.
 */
package org.sightline.models.runtime;
