/**
 * The model store: which models exist (the catalog, a JSON resource), which are installed and verified in the
 * cache, and how they get there (unpacked from the classpath, downloaded, or imported). Start at
 * {@link org.sightline.models.ModelStores#standard()}.
 */
package org.sightline.models;
