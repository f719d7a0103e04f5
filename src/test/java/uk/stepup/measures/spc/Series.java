package uk.stepup.measures.spc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: weekly observations from 2024-01-01. */
final class Series {

    static final LocalDate START = LocalDate.of(2024, 1, 1);

    private Series() {}

    static List<Observation> weekly(double... values) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Observation(week(i), values[i]));
        }
        return out;
    }

    /** Date of the 0-based i-th weekly point. */
    static LocalDate week(int i) {
        return START.plusWeeks(i);
    }

    static double[] repeat(double value, int times) {
        double[] a = new double[times];
        Arrays.fill(a, value);
        return a;
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    static List<PointType> types(SpcChart chart) {
        return chart.points().stream().map(SpcPoint::pointType).toList();
    }
}
