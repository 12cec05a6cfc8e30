/**
 * The regions of a page (header, navigation panes, main content, complementary panes, footer) found from what
 * the eye uses: pane backgrounds, separator lines and the white gutters between columns of text. Reading and
 * browsing go region by region so a sidebar is never interleaved with the content beside it.
 */
package org.sightline.vision.regions;
