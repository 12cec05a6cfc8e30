/**
 * Browse mode over an element map (screen-reader keys: arrows, H, K, B, F, G, Enter, Escape), chat requests
 * about the elements ("list the links", "click Sign in"), and the consented pointer and keyboard actions
 * that carry out a confirmed request. Nothing here acts on the screen without the user's request and one
 * confirmation key; text on the screen is only ever read.
 */
package org.sightline.app.browse;
