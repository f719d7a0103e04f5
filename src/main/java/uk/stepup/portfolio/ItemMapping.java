package uk.stepup.portfolio;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.stepup.curriculum.Crosswalk;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;

/**
 * Seam: which items of another framework a check-in's item counts for, so a portfolio can be read under a framework
 * other than the cohort's. A plain function, so the crosswalk (a file of its own) can be wired in later in
 * {@code app/Features} without touching the portfolio.
 */
@FunctionalInterface
public interface ItemMapping {

    /**
     * The codes in {@code toFramework} that the item {@code code} of {@code fromFramework} counts for; empty when it
     * maps to none. Reading under the same framework gives the code itself.
     */
    List<String> map(String fromFramework, String code, String toFramework);

    /**
     * The links the prompt files already carry: each saf-2023 quality statement names the kloe-2017 KLOEs it maps to
     * ({@code kloe:} in its front matter), read in both directions.
     */
    static ItemMapping fromPromptLinks(Map<String, Curriculum> curricula) {
        return (from, code, to) -> {
            if (from.equals(to)) {
                return List.of(code);
            }
            String wanted = code.strip().toUpperCase(Locale.ROOT);
            Curriculum source = curricula.get(from);
            Curriculum target = curricula.get(to);
            if (source == null || target == null) {
                return List.of();
            }
            List<String> forward = source.byCode(code).map(CurriculumItem::kloeLinks).orElse(List.of()).stream()
                    .filter(k -> target.byCode(k).isPresent())
                    .toList();
            if (!forward.isEmpty()) {
                return forward;
            }
            return target.items().stream()
                    .filter(i -> i.kloeLinks().stream().anyMatch(k -> k.equalsIgnoreCase(wanted)))
                    .map(CurriculumItem::code)
                    .toList();
        };
    }

    /**
     * The crosswalk files in {@code prompts/crosswalks/}; frameworks no crosswalk links map to nothing (the item then
     * has no evidence under the other framework, and the portfolio shows that as a gap).
     */
    static ItemMapping from(Crosswalk crosswalk) {
        return (from, code, to) -> from.equals(to)
                ? List.of(code)
                : crosswalk.canMap(from, to) ? crosswalk.map(from, code, to) : List.of();
    }
}
