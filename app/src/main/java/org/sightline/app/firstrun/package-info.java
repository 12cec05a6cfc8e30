/**
 * The first-run setup: a spoken welcome, the choice of voice, which models to get, and a tour of the keys,
 * all by keyboard. The ViewModel depends only on the small ports in this package, so it is tested without
 * a toolkit and the app wires the real speech registry, model store and settings file into it.
 */
package org.sightline.app.firstrun;
