/** What the rest of Sightline sees of speech: say this, with this priority; stop; play an earcon. */
package org.sightline.speech;
