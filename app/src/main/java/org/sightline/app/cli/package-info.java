/** The headless command line: one picocli subcommand per capability, one clear line per error. */
package org.sightline.app.cli;
