package uk.stepup.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortTimers;
import uk.stepup.cohorts.ProgrammeTicker;
import uk.stepup.shared.WeeklyTime;

/**
 * Quartz cron triggers per cohort, one per weekly moment (prompt, reminder, close, summary), each in the cohort's
 * zone. The RAM job store is rebuilt from the database at start ({@link #schedule} for every running cohort); the
 * delivery ledger, not Quartz, remembers what was sent. A job only calls {@link ProgrammeTicker#tick}. One-shot
 * wake-ups ({@link #wakeAt}) add the moments of task and session reminders; each tick asks for the ones still ahead.
 */
public final class QuartzCohortTimers implements CohortTimers, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QuartzCohortTimers.class);
    private static final String GROUP = "cohorts";
    private static final String TICKER = "ticker";

    private final Scheduler scheduler;
    private final Clock clock;

    public QuartzCohortTimers(ProgrammeTicker ticker, Clock clock) {
        this.clock = clock;
        try {
            Properties p = new Properties();
            p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "stepup-" + UUID.randomUUID());
            // Cohorts due at the same moment tick side by side (their ticks hold per-cohort locks).
            p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(CONCURRENT_TICKS));
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.getContext().put(TICKER, ticker);
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot start the scheduler", e);
        }
    }

    /** The cron expression for a weekly time, e.g. {@code 0 0 9 ? * MON}. */
    static String cron(WeeklyTime t) {
        return "0 " + t.time().getMinute() + " " + t.time().getHour() + " ? * "
                + t.day().name().substring(0, 3).toUpperCase(Locale.ROOT);
    }

    /**
     * The triggers for a cohort, by moment (prompt, reminder, close, summary), without scheduling them; also used by
     * tests to check fire times. Each moment is a weekly cron trigger in the cohort's zone. Quartz's cron skips a
     * wall-clock time that falls inside a spring-forward gap (Sunday 01:30 in London on the last Sunday of March),
     * so for each such date in the next {@value #GAP_HORIZON_YEARS} years a one-shot trigger is added at the time
     * java.time gives it (moved forward by the gap). The triggers are rebuilt at every start.
     */
    static Map<String, List<Trigger>> triggers(Cohort cohort, JobKey job, Instant now) {
        TimeZone zone = TimeZone.getTimeZone(cohort.zone());
        Map<String, WeeklyTime> moments = new LinkedHashMap<>();
        moments.put("prompt", cohort.rhythm().prompt());
        moments.put("reminder", cohort.rhythm().reminder());
        moments.put("close", cohort.rhythm().close());
        moments.put("summary", cohort.rhythm().summary());
        Map<String, List<Trigger>> out = new LinkedHashMap<>();
        moments.forEach((name, time) -> {
            List<Trigger> list = new ArrayList<>();
            list.add(TriggerBuilder.newTrigger()
                    .withIdentity(new TriggerKey(cohort.id() + "-" + name, GROUP))
                    .forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron(time))
                            .inTimeZone(zone)
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build());
            for (Instant gapFire : gapFires(cohort.zone(), time, now)) {
                list.add(TriggerBuilder.newTrigger()
                        .withIdentity(
                                new TriggerKey(cohort.id() + "-" + name + "-gap-" + gapFire.getEpochSecond(), GROUP))
                        .forJob(job)
                        .startAt(Date.from(gapFire))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
            }
            out.put(name, list);
        });
        return out;
    }

    static final int GAP_HORIZON_YEARS = 5;

    /** Instants at which the weekly time falls in a daylight-saving gap of the zone, from now on. */
    static List<Instant> gapFires(ZoneId zone, WeeklyTime time, Instant now) {
        List<Instant> out = new ArrayList<>();
        ZoneRules rules = zone.getRules();
        Instant horizon = now.atZone(zone).plusYears(GAP_HORIZON_YEARS).toInstant();
        ZoneOffsetTransition t = rules.nextTransition(now);
        while (t != null && t.getInstant().isBefore(horizon)) {
            if (t.isGap()) {
                LocalDate day = t.getDateTimeBefore().toLocalDate();
                LocalDateTime wanted = LocalDateTime.of(day, time.time());
                if (day.getDayOfWeek() == time.day()
                        && !wanted.isBefore(t.getDateTimeBefore())
                        && wanted.isBefore(t.getDateTimeAfter())) {
                    out.add(ZonedDateTime.of(wanted, zone).toInstant());
                }
            }
            t = rules.nextTransition(t.getInstant());
        }
        return out;
    }

    @Override
    public void schedule(Cohort cohort) {
        JobKey key = new JobKey(String.valueOf(cohort.id()), GROUP);
        JobDetail job = JobBuilder.newJob(TickJob.class)
                .withIdentity(key)
                .usingJobData("cohortId", cohort.id())
                .storeDurably()
                .build();
        try {
            scheduler.deleteJob(key);
            scheduler.addJob(job, true);
            for (List<Trigger> moment : triggers(cohort, key, clock.instant()).values()) {
                for (Trigger t : moment) {
                    scheduler.scheduleJob(t);
                }
            }
            LOG.info("Scheduled cohort {} ({}) in {}", cohort.id(), cohort.name(), cohort.zone());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule cohort " + cohort.id(), e);
        }
    }

    @Override
    public void cancel(long cohortId) {
        try {
            scheduler.deleteJob(new JobKey(String.valueOf(cohortId), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot unschedule cohort " + cohortId, e);
        }
    }

    /** A one-shot trigger on the cohort's job, named by its moment so that asking twice adds it once. */
    @Override
    public void wakeAt(long cohortId, Instant at) {
        JobKey job = new JobKey(String.valueOf(cohortId), GROUP);
        TriggerKey key = new TriggerKey(cohortId + "-at-" + at.getEpochSecond(), GROUP);
        try {
            if (!scheduler.checkExists(job) || scheduler.checkExists(key)) {
                return;
            }
            scheduler.scheduleJob(TriggerBuilder.newTrigger()
                    .withIdentity(key)
                    .forJob(job)
                    .startAt(Date.from(at))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build());
        } catch (ObjectAlreadyExistsException e) {
            LOG.debug("Wake-up {} was added meanwhile", key);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot wake cohort " + cohortId + " at " + at, e);
        }
    }

    /** The next time any of the cohort's timers fires, if scheduled. */
    public Optional<Instant> nextFire(long cohortId) {
        try {
            return scheduler.getTriggersOfJob(new JobKey(String.valueOf(cohortId), GROUP)).stream()
                    .map(Trigger::getNextFireTime)
                    .filter(Objects::nonNull)
                    .map(Date::toInstant)
                    .min(Instant::compareTo);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs the cohort's tick at once on a Quartz worker (used at start-up to catch up on posts missed while the bot
     * was down, and by coaches' "post now" actions), through the same job as the timers.
     */
    public void fireNow(long cohortId) {
        JobDetail job = JobBuilder.newJob(TickJob.class)
                .withIdentity(new JobKey("now-" + cohortId + "-" + UUID.randomUUID(), "immediate"))
                .usingJobData("cohortId", cohortId)
                .build();
        try {
            scheduler.scheduleJob(job, TriggerBuilder.newTrigger().startNow().build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot run cohort " + cohortId + " now", e);
        }
    }

    /** How many cohorts have timers. */
    public int scheduledCohorts() {
        try {
            return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP)).size();
        } catch (SchedulerException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Scheduler did not stop cleanly", e);
        }
    }

    /** The thin Quartz job: one call into the programme, with the cohort in the log context. */
    @DisallowConcurrentExecution
    public static final class TickJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            long cohortId = context.getMergedJobDataMap().getLong("cohortId");
            MDC.put("cohort", String.valueOf(cohortId));
            MDC.put("job", context.getTrigger().getKey().getName());
            try {
                ProgrammeTicker ticker =
                        (ProgrammeTicker) context.getScheduler().getContext().get(TICKER);
                ticker.tick(cohortId);
            } catch (SchedulerException e) {
                LOG.error("Scheduler context unavailable", e);
            } catch (RuntimeException e) {
                LOG.error("Cohort tick failed; the next tick or a restart will catch up", e);
            } finally {
                MDC.remove("cohort");
                MDC.remove("job");
            }
        }
    }
}
