package org.claimauditor.report;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts drawn by hand, so the HTML report needs no script, font or network. */
final class SvgChart {

    /** One bar: its label, its length, and the text printed next to it. */
    record Bar(String label, double value, String text) { }

    private static final int WIDTH = 760;
    /** Dark enough to print in grey scale, apart from {@link #PEER_COLOR} (light grey with an outline). */
    static final String COLOR = "#2f5f98";
    static final String PEER_COLOR = "#b8b8b8";

    private SvgChart() { }

    /** Horizontal bars, one row per item, longest = full width. */
    static String bars(String id, String title, List<Bar> bars) {
        // Room for the longest label (about 7 px a character at 12 px), within reason.
        int labelW = Math.min(340, Math.max(80, 16 + 7 * bars.stream().mapToInt(b -> Math.min(46, b.label().length()))
                .max().orElse(0)));
        int textW = 110;
        int rowH = 24;
        int plotW = WIDTH - labelW - textW;
        int height = Math.max(1, bars.size()) * rowH + 10;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder s = open(id, title, height);
        if (bars.isEmpty()) {
            s.append(text(8, 20, "start", "No data"));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * rowH;
            double w = max <= 0 ? 0 : b.value() / max * plotW;
            s.append(text(labelW - 8, y + 16, "end", shorten(b.label(), 46)));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"><title>%s</title></rect>",
                    labelW, y + 2, w, COLOR, Html.escape(b.label() + ": " + b.text())));
            s.append(text((int) (labelW + w + 6), y + 16, "start", b.text()));
        }
        return s.append("</svg>").toString();
    }

    /** Vertical columns over time (oldest left); labels thinned to about twelve when there are many. */
    static String columns(String id, String title, List<Bar> bars) {
        int left = 60;
        int bottom = 40;
        int top = 20;
        int height = 260;
        int plotW = WIDTH - left - 10;
        int plotH = height - top - bottom;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder s = open(id, title, height);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                left, top + plotH, left + plotW, top + plotH));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                left, top, left, top + plotH));
        s.append(text(left - 6, top + 4, "end", max <= 0 ? "0" : Html.integer((long) max)));
        s.append(text(left - 6, top + plotH, "end", "0"));
        if (bars.isEmpty()) {
            s.append(text(left + 8, top + plotH / 2, "start", "No data"));
        }
        double slot = bars.isEmpty() ? 0 : (double) plotW / bars.size();
        int every = Math.max(1, (int) Math.ceil(bars.size() / 12.0));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = max <= 0 ? 0 : b.value() / max * plotH;
            double x = left + i * slot + slot * 0.15;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                    x, top + plotH - h, slot * 0.7, h, COLOR, Html.escape(b.label() + ": " + b.text())));
            if (i % every == 0) {
                s.append(text((int) (x + slot * 0.35), top + plotH + 16, "middle", b.label()));
            }
        }
        return s.append("</svg>").toString();
    }

    /**
     * Two columns per key, the provider's ({@link #COLOR}) beside its peers' ({@link #PEER_COLOR}): shares from 0
     * to 1, the axis up to the largest, each column labelled with its percentage.
     */
    static String grouped(String id, String title, List<String> keys, List<double[]> values) {
        int left = 50;
        int bottom = 34;
        int top = 26;
        int height = 200;
        int width = Math.max(340, Math.min(WIDTH, left + 20 + keys.size() * 70));
        int plotW = width - left - 10;
        int plotH = height - top - bottom;
        double max = values.stream().mapToDouble(v -> Math.max(v[0], v[1])).max().orElse(0);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg id=\"%s\" role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title>%s</title>",
                id, Html.escape(title), width, height, width, height, Html.escape(title)));
        s.append(text(4, 14, "start", title));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                left, top + plotH, left + plotW, top + plotH));
        double slot = keys.isEmpty() ? 0 : (double) plotW / keys.size();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < 2; j++) {
                double v = values.get(i)[j];
                double h = max <= 0 ? 0 : v / max * (plotH - 14);
                double x = left + i * slot + slot * (0.12 + j * 0.38);
                String label = String.format(Locale.ROOT, "%.0f%%", v * 100);
                s.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#555\" stroke-width=\"0.5\"><title>%s</title></rect>",
                        x, top + plotH - h, slot * 0.36, h, j == 0 ? COLOR : PEER_COLOR,
                        Html.escape(keys.get(i) + (j == 0 ? " provider: " : " peers: ") + label)));
                s.append(text((int) (x + slot * 0.18), (int) (top + plotH - h - 3), "middle", label));
            }
            s.append(text((int) (left + i * slot + slot * 0.5), top + plotH + 16, "middle", keys.get(i)));
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg id=\"%s\" role=\"img\" aria-label=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title>%s</title>",
                id, Html.escape(title), WIDTH, height, WIDTH, height, Html.escape(title)));
    }

    private static String text(int x, int y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, Html.escape(text));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
