package uk.stepup.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.stepup.shared.KeyQuestion;

/**
 * The frameworks the prompts folder holds, each with the codes it must contain. Two are built in (their codes are
 * known here); any other is added as files only: a folder named by the framework's id holding a
 * {@value #DESCRIPTOR} that lists its codes (read by {@code FrameworkFile}), its prompt files, and a crosswalk in
 * {@value #CROSSWALKS}/ linking it to a framework already there.
 */
final class Frameworks {

    static final String KLOE_2017 = "kloe-2017";
    static final String SAF_2023 = "saf-2023";

    /** The file in a framework folder that is not built in, listing the framework's codes. */
    static final String DESCRIPTOR = "framework.yaml";

    /** The folder of crosswalk files, beside the framework folders. */
    static final String CROSSWALKS = "crosswalks";

    /** A framework added as files: lower case, words joined by hyphens, with at least one hyphen (asc-2026). */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

    /** A code: an optional prefix of capitals and a hyphen, a key question's letter and a number (S1, QS-W8). */
    static final Pattern CODE = Pattern.compile("([A-Z]+-)?[SECRW][1-9][0-9]?");

    /**
     * One framework: its folder name and its codes in CQC's order. A code is the prefix, the key question's
     * letter and a number: {@code S1}, {@code QS-W8}. {@code linksToKloe} allows the {@code kloe:} key, which maps
     * an item back to the 2017 KLOEs.
     */
    record Spec(String id, String prefix, List<String> codes, boolean linksToKloe) {

        /** The key question a code belongs to, read from its letter. */
        Optional<KeyQuestion> keyQuestionOf(String code) {
            if (!code.startsWith(prefix) || code.length() <= prefix.length()) {
                return Optional.empty();
            }
            char letter = code.charAt(prefix.length());
            for (KeyQuestion k : KeyQuestion.values()) {
                if (k.letter() == letter) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        /** True for a framework added as files (not kloe-2017 or saf-2023): its folder holds a framework.yaml. */
        boolean addedAsFiles() {
            return ALL.stream().noneMatch(s -> s.id().equals(id));
        }

        /** "S1.md … W5.md", for messages. */
        String fileRange() {
            return codes.get(0) + ".md … " + codes.get(codes.size() - 1) + ".md";
        }
    }

    static final Spec KLOE = new Spec(KLOE_2017, "", codes("", 6, 7, 3, 3, 5), false);
    static final Spec SAF = new Spec(SAF_2023, "QS-", codes("QS-", 8, 6, 5, 7, 8), true);
    static final List<Spec> ALL = List.of(KLOE, SAF);

    private Frameworks() {}

    static Optional<Spec> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** "kloe-2017 and saf-2023", for messages. */
    static String names() {
        List<String> ids = ALL.stream().map(Spec::id).toList();
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }

    /** Counts per key question in CQC's order (Safe, Effective, Caring, Responsive, Well-led). */
    private static List<String> codes(String prefix, int... counts) {
        List<String> codes = new ArrayList<>();
        KeyQuestion[] questions = KeyQuestion.values();
        for (int q = 0; q < counts.length; q++) {
            for (int n = 1; n <= counts[q]; n++) {
                codes.add(prefix + questions[q].letter() + n);
            }
        }
        return List.copyOf(codes);
    }
}
