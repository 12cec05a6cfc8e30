/**
 * What the rest of Sightline sees of speech: say this, with this priority; stream a model's answer
 * sentence by sentence; stop; play an earcon. {@link org.sightline.speech.SpeechOutputs#create} builds the
 * {@link org.sightline.speech.SpeechQueue} the app uses; engines live in {@code engine}, sound in {@code audio}.
 */
package org.sightline.speech;
