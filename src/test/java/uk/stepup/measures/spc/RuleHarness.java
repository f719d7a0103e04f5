package uk.stepup.measures.spc;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Test harness for the four rules: the centre is fixed at 0, the 2-sigma lines at ±2 and the process
 * limits at ±3, as NHSRplotthedots' own unit tests isolate the rules from the limits.
 */
final class RuleHarness {

    private RuleHarness() {}

    static List<MdcRules.Result> classify(ImprovementDirection direction, double... y) {
        int n = y.length;
        return MdcRules.classify(y, fill(n, 0), fill(n, -3), fill(n, 3), fill(n, -2), fill(n, 2), direction);
    }

    static List<PointType> types(ImprovementDirection direction, double... y) {
        return classify(direction, y).stream().map(MdcRules.Result::type).toList();
    }

    static List<PointType> types(double... y) {
        return types(ImprovementDirection.INCREASE, y);
    }

    static List<Set<SpcRule>> rules(double... y) {
        return classify(ImprovementDirection.INCREASE, y).stream()
                .map(r -> (Set<SpcRule>) r.rules())
                .toList();
    }

    static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    static List<PointType> times(PointType t, int n) {
        return Collections.nCopies(n, t);
    }
}
