/** The user's settings: what they are, where they live on each platform, and the screen that edits them. */
package org.sightline.app.settings;
