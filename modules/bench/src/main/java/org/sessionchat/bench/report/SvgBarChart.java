package org.sessionchat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart as a self-contained SVG file: one group per category (a scenario, a
 * percentile), one coloured bar per series (a system). Linear or log10 value axis. Small on
 * purpose: the report needs nothing more, and a plotting library would be the bench's
 * heaviest dependency.
 */
public final class SvgBarChart {

  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
  private static final int WIDTH = 760;
  private static final int HEIGHT = 400;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 50;
  private static final int BOTTOM = 90;

  private final String title;
  private final String unit;
  private final boolean log;
  private final List<String> categories;
  private final List<String> series;
  private final double[][] values;

  /** {@code values[series][category]}; NaN, a negative value or (log axis) zero is a missing bar. */
  public SvgBarChart(String title, String unit, boolean log, List<String> categories,
      List<String> series, double[][] values) {
    this.title = title;
    this.unit = unit;
    this.log = log;
    this.categories = List.copyOf(categories);
    this.series = List.copyOf(series);
    this.values = values;
  }

  public String render() {
    double max = 0;
    double min = Double.MAX_VALUE;
    for (double[] row : values) {
      for (double v : row) {
        if (present(v)) {
          max = Math.max(max, v);
          min = Math.min(min, v);
        }
      }
    }
    Axis axis = log ? Axis.log(min, max) : Axis.linear(max);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    svg.append(text(WIDTH / 2.0, 24, "middle", 15, title));
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDTH - LEFT - RIGHT;
    for (double tick : axis.ticks()) {
      double y = TOP + plotHeight * (1 - axis.fraction(tick));
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, WIDTH - RIGHT, y));
      svg.append(text(LEFT - 6, y + 4, "end", 11, format(tick)));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
        TOP + plotHeight / 2.0, TOP + plotHeight / 2.0, escape(unit + (log ? " (log scale)" : ""))));
    double groupWidth = (double) plotWidth / Math.max(1, categories.size());
    double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
    for (int c = 0; c < categories.size(); c++) {
      double groupLeft = LEFT + c * groupWidth + groupWidth * 0.1;
      for (int s = 0; s < series.size(); s++) {
        double v = values[s][c];
        if (!present(v)) {
          continue;
        }
        double h = plotHeight * axis.fraction(v);
        double x = groupLeft + s * barWidth;
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>%n",
            x, TOP + plotHeight - h, barWidth - 2, h, COLOURS[s % COLOURS.length],
            escape(series.get(s)), escape(categories.get(c)), format(v)));
        svg.append(text(x + barWidth / 2 - 1, TOP + plotHeight - h - 3, "middle", 9, format(v)));
      }
      svg.append(text(LEFT + c * groupWidth + groupWidth / 2, TOP + plotHeight + 16, "middle", 12,
          categories.get(c)));
    }
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
        LEFT, TOP + plotHeight, WIDTH - RIGHT, TOP + plotHeight));
    for (int s = 0; s < series.size(); s++) {
      double x = LEFT + s * (plotWidth / (double) Math.max(1, series.size()));
      double y = HEIGHT - 30;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
          x, y - 10, COLOURS[s % COLOURS.length]));
      svg.append(text(x + 16, y, "start", 12, series.get(s)));
    }
    return svg.append("</svg>\n").toString();
  }

  /** A bar to draw: a number, not negative, and above zero on a log axis. */
  private boolean present(double v) {
    return !Double.isNaN(v) && (log ? v > 0 : v >= 0);
  }

  private static String text(double x, double y, String anchor, int size, String content) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
        x, y, anchor, size, escape(content));
  }

  static String format(double v) {
    if (v >= 10_000) {
      return String.format(Locale.ROOT, "%.0fk", v / 1000);
    }
    if (v >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (v >= 1) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Maps values to a 0..1 height. */
  private interface Axis {
    double fraction(double value);

    List<Double> ticks();

    static Axis linear(double max) {
      double top = niceCeiling(max <= 0 ? 1 : max);
      return new Axis() {
        public double fraction(double value) {
          return value / top;
        }

        public List<Double> ticks() {
          List<Double> ticks = new ArrayList<>();
          for (int i = 0; i <= 5; i++) {
            ticks.add(top * i / 5);
          }
          return ticks;
        }
      };
    }

    static Axis log(double min, double max) {
      double low = Math.floor(Math.log10(Math.max(1e-3, min == Double.MAX_VALUE ? 1 : min)));
      double high = Math.ceil(Math.log10(Math.max(max, Math.pow(10, low + 1))));
      return new Axis() {
        public double fraction(double value) {
          return Math.max(0.01, (Math.log10(Math.max(value, Math.pow(10, low))) - low) / (high - low));
        }

        public List<Double> ticks() {
          List<Double> ticks = new ArrayList<>();
          for (double e = low; e <= high; e++) {
            ticks.add(Math.pow(10, e));
          }
          return ticks;
        }
      };
    }

    private static double niceCeiling(double value) {
      double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
      for (double step : new double[] {1, 2, 2.5, 5, 10}) {
        if (step * magnitude >= value) {
          return step * magnitude;
        }
      }
      return 10 * magnitude;
    }
  }
}
