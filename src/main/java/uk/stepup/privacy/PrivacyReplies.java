package uk.stepup.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a manager reads when the guard stops or questions a check-in. Findings are grouped by kind, so even a
 * check-in with every field full of problems stays well inside one Discord message.
 */
final class PrivacyReplies {

    static final String WHY = "Why: information about residents' health and care is special category data under"
            + " UK GDPR, and Discord is not a place for anything that could identify a resident, a relative or a"
            + " colleague.";
    static final String INSTEAD = "Instead, write it at pattern level, e.g. 'a resident' or 'three residents'.";

    private PrivacyReplies() {}

    /** Discord allows 2000 characters in a message; leave room for the caller's own framing. */
    static final int MAX_REPLY = 1900;

    static String refuse(List<Finding> refusals, List<Finding> warnings, List<Signpost> signposts) {
        String full = refuse(refusals, warnings, signposts, false);
        return full.length() <= MAX_REPLY ? full : refuse(refusals, warnings, signposts, true);
    }

    private static String refuse(
            List<Finding> refusals, List<Finding> warnings, List<Signpost> signposts, boolean compact) {
        StringBuilder out = new StringBuilder();
        if (!signposts.isEmpty()) {
            out.append("**First, the important bit.** This sounds like something with its own route:\n");
            appendSignposts(out, signposts);
            out.append('\n');
        }
        out.append("**We haven't saved this check-in.** It contains details that could identify someone:\n");
        appendFindings(out, refusals, compact);
        if (!warnings.isEmpty()) {
            out.append("While you're editing, please also check:\n");
            appendFindings(out, warnings, compact);
        }
        out.append(WHY).append('\n');
        out.append(INSTEAD).append(" Then check in again: nothing from this attempt has been kept.");
        return out.toString();
    }

    static String warn(List<Finding> warnings) {
        StringBuilder out = new StringBuilder();
        out.append("**Before we save this, please check one thing.** It may name a person:\n");
        appendFindings(out, warnings, false);
        out.append(WHY).append('\n');
        out.append("If these aren't names of residents, relatives or colleagues, confirm and we'll save it as it is. ")
                .append("Otherwise please edit it. ")
                .append(INSTEAD);
        return out.toString();
    }

    static String redirect(List<Signpost> signposts) {
        StringBuilder out = new StringBuilder();
        out.append("**This sounds like something with its own route, so we haven't saved it.**\n");
        appendSignposts(out, signposts);
        out.append("The coaching programme isn't the place for individual incidents or concerns, and Discord isn't a")
                .append(" place for anything that could identify a resident.\n");
        out.append("If you meant how your home works in general rather than a particular event, write it at pattern")
                .append(" level, e.g. 'a resident' or 'three residents', and check in again.");
        return out.toString();
    }

    private static void appendSignposts(StringBuilder out, List<Signpost> signposts) {
        for (Signpost s : signposts) {
            out.append("• **")
                    .append(s.title())
                    .append(":** ")
                    .append(s.advice())
                    .append('\n');
        }
    }

    /**
     * One line per kind ("2 phone numbers in 'A' and 'B'"), then that kind's hint. The compact form, used only when
     * the full one would not fit in a message, names the number of fields instead and leaves out the hints.
     */
    private static void appendFindings(StringBuilder out, List<Finding> findings, boolean compact) {
        Map<FindingKind, List<Finding>> byKind = new LinkedHashMap<>();
        for (Finding f : findings) {
            byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
        }
        byKind.forEach((kind, list) -> {
            int total = list.stream().mapToInt(Finding::count).sum();
            List<String> labels =
                    list.stream().map(f -> "'" + f.fieldLabel() + "'").toList();
            out.append("• ").append(kind.noun(total)).append(" in ");
            if (compact && labels.size() > 1) {
                out.append(labels.size()).append(" fields\n");
            } else {
                out.append(joinAnd(labels)).append('\n');
            }
            if (!compact) {
                out.append("  → ").append(kind.hint()).append('\n');
            }
        });
    }

    static String joinAnd(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
