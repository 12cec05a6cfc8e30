/** Failures the user must hear about, each with a kind that decides the CLI exit code and a clear message. */
package org.sightline.error;
