/**
 * The optional remote backend: any OpenAI-compatible chat-completions server (Ollama, llama.cpp server,
 * vLLM) reached over HTTP with streamed answers. Off unless the user configures it, because images leave
 * the computer.
 */
package org.sightline.vision.vlm.remote;
