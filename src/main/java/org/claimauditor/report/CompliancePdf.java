package org.claimauditor.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code compliance-report.pdf}: the HTML report laid out on A4 landscape pages by openhtmltopdf (PDFBox), its
 * inline SVG charts drawn by Batik, so the PDF and the HTML never differ in content. Uses PDF's built-in Helvetica:
 * nothing is read from the host's fonts or the network.
 */
final class CompliancePdf {

    static {
        XRLog.setLoggingEnabled(false); // per-element layout chatter on stderr otherwise
    }

    private CompliancePdf() { }

    static void write(String html, OutputStream out) throws IOException {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useSVGDrawer(new BatikSVGDrawer());
        // The renderer parses XML: SVG needs its namespace there (the HTML parser of a browser implies it).
        b.withHtmlContent(html.replace("<svg id=", "<svg xmlns=\"http://www.w3.org/2000/svg\" id="), null);
        b.toStream(out);
        b.run();
    }
}
