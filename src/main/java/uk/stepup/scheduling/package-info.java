/**
 * Adapter: Quartz cron triggers per cohort, in the cohort's zone; thin jobs that call feature use cases.
 */
package uk.stepup.scheduling;
