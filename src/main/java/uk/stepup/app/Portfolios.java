package uk.stepup.app;

import java.time.Clock;
import java.util.Map;
import uk.stepup.charts.PngCharts;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.improvement.ImprovementNotes;
import uk.stepup.portfolio.ItemMapping;
import uk.stepup.portfolio.PortfolioActions;
import uk.stepup.portfolio.PortfolioService;
import uk.stepup.report.PortfolioHtml;

/**
 * Wires the evidence portfolio over the repositories, for {@link Features}, the {@code portfolio} verb and the demo.
 * The actions and the crosswalk are seams: until they land, the actions are the check-ins' next steps and the
 * crosswalk is the links the saf-2023 prompt files carry to the KLOEs.
 */
public final class Portfolios {
    private Portfolios() {}

    public static PortfolioService service(
            Repositories store, Map<String, Curriculum> curricula, PngCharts charts, Clock clock) {
        return new PortfolioService(
                store.cohorts(),
                store.homes(),
                store.checkins(),
                () -> curricula,
                store.measures(),
                store.aims(),
                store.cycles(),
                new ImprovementNotes(store.aims(), store.cycles(), store.recalculations()),
                ItemMapping.fromPromptLinks(curricula),
                PortfolioActions.NEXT_STEPS,
                new PortfolioHtml(charts, charts),
                clock);
    }
}
