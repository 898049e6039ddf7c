package org.sessionchat.bench.result;

/** Sums of figures where -1 means "not measured": a figure not measured for one part does not turn the whole unknown. */
final class Sums {

  private Sums() {
  }

  static double ofKnown(double a, double b) {
    if (a < 0) {
      return b;
    }
    return b < 0 ? a : a + b;
  }
}
