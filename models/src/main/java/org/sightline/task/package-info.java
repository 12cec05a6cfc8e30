/**
 * Long work shared by every module: a task, its progress, its cancellation and the executor that runs it
 * off the user-interface thread. Kept free of any toolkit so that vision, speech and the app all use it.
 */
package org.sightline.task;
