package uk.stepup.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.stepup.charts.PngCharts;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.improvement.ImprovementNotes;
import uk.stepup.portfolio.FollowedActions;
import uk.stepup.portfolio.ItemMapping;
import uk.stepup.portfolio.PortfolioService;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.report.PortfolioHtml;

/**
 * Wires the evidence portfolio over the repositories, for {@link Features}, the {@code portfolio} verb and the demo.
 * The actions are the next steps followed through ({@code FollowedActions}); the {@code portfolio} verb reads other frameworks through the crosswalk files, and where no crosswalk is at hand
 * (the bot's features) through the links the saf-2023 prompt files carry to the KLOEs.
 */
public final class Portfolios {
    private Portfolios() {}

    public static PortfolioService service(
            Repositories store, Map<String, Curriculum> curricula, PngCharts charts, Clock clock) {
        return service(store, curricula, ItemMapping.fromPromptLinks(curricula), charts, clock);
    }

    /** As {@link #service(Repositories, Map, PngCharts, Clock)}, reading other frameworks through {@code mapping}. */
    public static PortfolioService service(
            Repositories store, Map<String, Curriculum> curricula, ItemMapping mapping, PngCharts charts, Clock clock) {
        return new PortfolioService(
                store.cohorts(),
                store.homes(),
                store.checkins(),
                () -> curricula,
                store.measures(),
                store.aims(),
                store.cycles(),
                new ImprovementNotes(store.aims(), store.cycles(), store.recalculations()),
                mapping,
                new FollowedActions(store.actions()),
                new PortfolioHtml(charts, charts),
                new PrivacyGuard(clock),
                clock);
    }

    /**
     * Writes every home's portfolio of the cohort into {@code folder} (created), one {@code portfolio-SLUG.html} each,
     * laid out by {@code renderer}; for the demo's {@code DIR/portfolios/}. Returns the files in the order of {@code homes}.
     */
    public static List<Path> writeAll(
            PortfolioService service, PortfolioHtml renderer, Cohort cohort, List<Home> homes, Path folder)
            throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Home home : homes) {
            Path file = folder.resolve(PortfolioService.fileName(home));
            Files.writeString(
                    file, renderer.html(service.build(cohort, home, Optional.empty())), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }
}
