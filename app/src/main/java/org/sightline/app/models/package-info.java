/**
 * The model manager screen: which models exist, how much disk they use, and download, verify and remove, with
 * progress shown and spoken. The view model has no toolkit in it, so it is tested without a display.
 */
package org.sightline.app.models;
