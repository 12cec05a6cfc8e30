/**
 * The main window: a transcript of questions and answers, a question field and an action per key. The view
 * model holds all behaviour and runs without a JavaFX toolkit; the view only lays out controls and maps keys.
 */
package org.sightline.app.chat;
