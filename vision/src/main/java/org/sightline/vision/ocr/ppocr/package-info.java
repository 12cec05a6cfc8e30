/**
 * The PP-OCR engine: DB text detection at screen resolution (tiled), the 180-degree direction classifier and
 * CTC recognition, each model's pre- and post-processing kept apart from the model so it is testable alone.
 */
package org.sightline.vision.ocr.ppocr;
