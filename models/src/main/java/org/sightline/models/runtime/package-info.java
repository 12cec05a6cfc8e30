/**
 * ONNX Runtime sessions for every model Sightline runs, opened in one place with one set of settings from files
 * in the model cache, fully offline, and closed when their model is removed or the application exits.
 */
package org.sightline.models.runtime;
