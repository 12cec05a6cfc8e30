/**
 * SmolVLM (Idefics3) in process through ONNX Runtime: the three-graph export (vision encoder, token
 * embeddings, merged decoder with key/value cache), its image preprocessing, chat template and decoding loop.
 */
package org.sightline.vision.vlm.smolvlm;
