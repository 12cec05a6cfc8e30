package org.sightline.app.journeys;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sightline.vision.testing.TestFonts;

/**
 * The page the journeys use, written by the test: a library's page with the parts that confused users before,
 * header navigation, a search field with a Search button beside it, two columns, a form with a check box and
 * radio buttons, a picture. Join shows a line of text when clicked; Print does nothing visible, so the journey
 * can hear the honest failure.
 */
final class JourneyPage {

    static final String TITLE = "Riverside Library";

    private static final String HTML = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Riverside Library</title>
            <style>
              body { font-family: 'DejaVu Sans', sans-serif; font-size: 22px; margin: 24px; background: #fff; color: #000; }
              header div { margin-top: 18px; }
              nav a { margin-right: 36px; color: #0645ad; }
              input[type=text] { font-size: 22px; width: 220px; }
              button { font-size: 22px; margin-right: 28px; }
              main { display: flex; gap: 60px; margin-top: 24px; }
              section { width: 440px; }
              label { display: block; margin: 10px 0; }
              #joined { color: #060; }
            </style></head>
            <body>
            <header>
              <nav><a href="#home">Home</a><a href="#catalog">Catalog</a><a href="#events">Events</a><a href="#signin">Sign in</a></nav>
              <div><input type="text" aria-label="Search"> <button type="button">Search</button></div>
            </header>
            <main>
              <section>
                <h1>Opening hours</h1>
                <p>Open every day from nine to six.</p>
                <p>Story time is on Saturday morning.</p>
                <img src="picture.png" alt="" width="240" height="160">
              </section>
              <section>
                <h2>Reading group</h2>
                <form>
                  <label><input type="checkbox"> Email me the news</label>
                  <label><input type="radio" name="time"> Mornings</label>
                  <label><input type="radio" name="time"> Evenings</label>
                  <button type="button" onclick="document.getElementById('joined').hidden = false">Join</button>
                  <button type="button">Print</button>
                  <p id="joined" hidden>Welcome to the group</p>
                </form>
              </section>
            </main>
            </body></html>
            """;

    private JourneyPage() {
    }

    /** Writes the page and its picture into {@code dir}; returns the page. */
    static Path write(Path dir) throws IOException {
        ImageIO.write(picture(), "png", dir.resolve("picture.png").toFile());
        Path page = dir.resolve("library.html");
        Files.writeString(page, HTML);
        return page;
    }

    /** Writes a photographed notice: an image file with two lines of text, for Ctrl+O. */
    static Path writeNotice(Path dir) throws IOException {
        BufferedImage img = new BufferedImage(640, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 240);
        g.setColor(Color.BLACK);
        g.setFont(TestFonts.sans(Font.BOLD, 40));
        g.drawString("Notice", 40, 80);
        g.setFont(TestFonts.sans(Font.PLAIN, 30));
        g.drawString("The library is closed on Monday.", 40, 160);
        g.dispose();
        Path file = dir.resolve("notice.png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** A picture with no text in it: a blue sky over a green hill. */
    private static BufferedImage picture() {
        BufferedImage img = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(120, 180, 240));
        g.fillRect(0, 0, 240, 160);
        g.setColor(new Color(60, 150, 60));
        g.fillOval(-60, 90, 360, 160);
        g.dispose();
        return img;
    }
}
