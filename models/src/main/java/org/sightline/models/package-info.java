/** The model store: which models exist (the catalog), which are installed, and where their files are. */
package org.sightline.models;
