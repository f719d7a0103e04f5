package uk.stepup.measures;

import java.util.ArrayList;
import java.util.List;
import uk.stepup.privacy.Finding;
import uk.stepup.privacy.PrivacyVerdict;

/**
 * What to tell a person when the privacy guard stops text in a measure (a name, a label, a value box or an import
 * file): the kinds of detail found and where, never the text itself.
 */
final class PrivacyWords {
    static final String AGGREGATE_ONLY =
            "Measures take aggregate numbers only (how many, how often), never " + "anything about a resident.";

    private PrivacyWords() {}

    /** Empty for a clear verdict. */
    static String explain(PrivacyVerdict verdict) {
        List<Finding> findings = new ArrayList<>();
        if (verdict instanceof PrivacyVerdict.Refuse r) {
            findings.addAll(r.refusals());
            findings.addAll(r.warnings());
        } else if (verdict instanceof PrivacyVerdict.Warn w) {
            findings.addAll(w.findings());
        } else if (verdict instanceof PrivacyVerdict.Redirect) {
            return verdict.reply();
        } else {
            return "";
        }
        StringBuilder s = new StringBuilder("This may identify someone: ");
        for (int i = 0; i < findings.size(); i++) {
            s.append(i == 0 ? "" : i == findings.size() - 1 ? " and " : ", ")
                    .append(findings.get(i).description());
        }
        return s.append(". ").append(AGGREGATE_ONLY).toString();
    }
}
