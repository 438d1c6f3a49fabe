package org.claimauditor.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Escaping, number formats and table markup for the HTML report. */
final class Html {

    private final StringBuilder s = new StringBuilder(1 << 16);

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String integer(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : String.format(Locale.US, "%,.2f", amount);
    }

    /** A 4-decimal rate as a percentage, {@code "–"} when there was nothing to divide by. */
    static String percent(BigDecimal rate) {
        return rate == null ? "\u2013" : String.format(Locale.US, "%.2f %%", rate.movePointRight(2));
    }

    Html raw(String html) {
        s.append(html);
        return this;
    }

    Html text(String text) {
        s.append(escape(text));
        return this;
    }

    Html tag(String tag, String text) {
        s.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** Opens a section and its lead block: the heading, kept on one page with what {@link #lead} adds. */
    Html openSection(String id, String heading) {
        s.append("<section id=\"").append(id).append("\">\n<div class=\"lead\"><h2>").append(escape(heading))
                .append("</h2>\n");
        return this;
    }

    /** The section's leading chart (or nothing), closing the lead block {@link #openSection} opened. */
    Html lead(String svg) {
        s.append(svg).append("</div>\n");
        return this;
    }

    Html closeSection() {
        s.append("</section>\n");
        return this;
    }

    Html tableHead(String cssClass, List<String> headers) {
        s.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
        headers.forEach(h -> s.append("<th>").append(escape(h)).append("</th>"));
        s.append("</tr></thead><tbody>\n");
        return this;
    }

    /** A row of already escaped cells; the first is a row header. */
    Html rowHtml(List<String> cellsHtml) {
        s.append("<tr>");
        for (int i = 0; i < cellsHtml.size(); i++) {
            String tag = i == 0 ? "th" : "td";
            s.append('<').append(tag).append('>').append(cellsHtml.get(i)).append("</").append(tag).append('>');
        }
        s.append("</tr>\n");
        return this;
    }

    Html row(List<String> cells) {
        return rowHtml(cells.stream().map(Html::escape).toList());
    }

    Html tableEnd() {
        s.append("</tbody></table>\n");
        return this;
    }

    @Override
    public String toString() {
        return s.toString();
    }
}
