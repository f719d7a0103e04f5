package uk.stepup.app;

import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcActionRepository;
import uk.stepup.storage.JdbcAimRepository;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcCycleRepository;
import uk.stepup.storage.JdbcDeliveryLedger;
import uk.stepup.storage.JdbcHeldCheckins;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcMeasureDrafts;
import uk.stepup.storage.JdbcMeasureRepository;
import uk.stepup.storage.JdbcProgressScoreRepository;
import uk.stepup.storage.JdbcRecalculationRepository;
import uk.stepup.storage.JdbcReportQueries;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcSetupJobRepository;
import uk.stepup.storage.JdbcTaskRepository;

/** Every repository the features store through, over one database: what {@link Features} is given to store with. */
public record Repositories(
        Database database,
        JdbcCohortRepository cohorts,
        JdbcHomeRepository homes,
        JdbcCheckinRepository checkins,
        JdbcDeliveryLedger ledger,
        JdbcTaskRepository tasks,
        JdbcSessionRepository sessions,
        JdbcMeasureRepository measures,
        JdbcSetupJobRepository setupJobs,
        JdbcHeldCheckins heldCheckins,
        JdbcMeasureDrafts measureDrafts,
        JdbcReportQueries reportQueries,
        JdbcAimRepository aims,
        JdbcCycleRepository cycles,
        JdbcRecalculationRepository recalculations,
        JdbcProgressScoreRepository progressScores,
        JdbcActionRepository actions) {

    /** The repositories over an open database (which the caller closes). */
    public static Repositories over(Database database) {
        return new Repositories(
                database,
                new JdbcCohortRepository(database),
                new JdbcHomeRepository(database),
                new JdbcCheckinRepository(database),
                new JdbcDeliveryLedger(database),
                new JdbcTaskRepository(database),
                new JdbcSessionRepository(database),
                new JdbcMeasureRepository(database),
                new JdbcSetupJobRepository(database),
                new JdbcHeldCheckins(database),
                new JdbcMeasureDrafts(database),
                new JdbcReportQueries(database),
                new JdbcAimRepository(database),
                new JdbcCycleRepository(database),
                new JdbcRecalculationRepository(database),
                new JdbcProgressScoreRepository(database),
                new JdbcActionRepository(database));
    }
}
