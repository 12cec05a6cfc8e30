/**
 * {@code sightline serve}: a local service that keeps the models warm and answers programs of the same user (a
 * screen-reader add-on, a script, the command line) over a Unix domain socket, in versioned JSON lines with
 * results streamed as they are produced. The protocol is described in docs/service-protocol.md.
 */
package org.sightline.app.service;
