package uk.stepup.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.measures.spc.Observation;
import uk.stepup.measures.spc.Spc;
import uk.stepup.measures.spc.SpcChart;
import uk.stepup.measures.spc.SpcCsv;
import uk.stepup.measures.spc.SpcCsvException;
import uk.stepup.measures.spc.SpcPoint;
import uk.stepup.measures.spc.XmrOptions;

/**
 * {@code spc}: an XmR chart with NHS Making Data Count rules for analysts, from a CSV of
 * {@code date,value} to a CSV of points and one JSON summary line on standard output.
 *
 * <p>Exit codes: 0 done; 1 the input or output file is unusable (one line on standard error naming
 * the file and line); 2 bad usage (unknown option value, rebase date not in the data, ...).
 */
@Command(
        name = "spc",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "XmR (SPC) chart with NHS England Making Data Count rules, as in NHSRplotthedots.",
            "Reads IN (header date,value; ISO dates yyyy-MM-dd, oldest first) and writes OUT"
                    + " (header date,value,mean,lpl,upl,point_type).",
            "Prints one JSON line: points, variation, variation_icon, assurance, mean, lpl, upl, trial_limits"
                    + " (limits of the latest point).",
            "Exit codes: 0 done, 1 unusable input or output file, 2 bad usage."
        })
public final class SpcCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "IN.csv", description = "Input CSV with header date,value.")
    Path in;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "OUT.csv",
            description = "Output CSV to write (replaced if it exists).")
    Path out;

    @Option(
            names = "--improvement",
            paramLabel = "increase|decrease|neutral",
            defaultValue = "increase",
            converter = DirectionConverter.class,
            description = "Which way is better (default: ${DEFAULT-VALUE}).")
    ImprovementDirection improvement = ImprovementDirection.INCREASE;

    @Option(
            names = "--target",
            paramLabel = "N",
            converter = FiniteNumberConverter.class,
            description = "Target value, for the assurance icon (none for neutral).")
    Double target;

    @Option(
            names = "--fix-after",
            paramLabel = "N",
            converter = FixAfterConverter.class,
            description = "Calculate each period's limits from its first N points only (N >= 12).")
    Integer fixAfter;

    @Option(
            names = "--rebase",
            paramLabel = "DATE",
            split = ",",
            converter = DateConverter.class,
            description = "Start a new recalculation period at each DATE (dates of rows in IN).")
    List<LocalDate> rebase = new ArrayList<>();

    @Option(
            names = "--screen-outliers",
            paramLabel = "true|false",
            arity = "1",
            defaultValue = "true",
            converter = StrictBooleanConverter.class,
            description = "Leave moving ranges >= 3.267 x mean MR out of the limits (default: ${DEFAULT-VALUE};"
                    + " false matches the NHS Excel tool).")
    boolean screenOutliers = true;

    @Override
    public Integer call() {
        JacksonCsv csv = new JacksonCsv();
        PrintWriter err = spec.commandLine().getErr();
        String inName = in.toString();
        List<Observation> observations;
        try {
            observations = SpcCsv.read(in, inName, 2, csv);
        } catch (SpcCsvException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }

        Set<LocalDate> dates = new HashSet<>();
        observations.forEach(o -> dates.add(o.date()));
        for (LocalDate d : rebase) {
            if (!dates.contains(d)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Invalid value for option '--rebase': " + d + " is not the date of a row in " + inName);
            }
        }

        XmrOptions options = XmrOptions.defaults()
                .withImprovement(improvement)
                .withRebaseDates(rebase)
                .withScreenOutliers(screenOutliers);
        if (target != null) {
            options = options.withTarget(target);
        }
        if (fixAfter != null) {
            options = options.withFixAfterPoints(fixAfter);
        }

        SpcChart chart;
        try {
            chart = Spc.xmr(observations, options);
        } catch (IllegalArgumentException e) {
            err.println(inName + ": " + e.getMessage());
            err.flush();
            return 1;
        }

        String outName = out.toString();
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            SpcCsv.write(w, chart, csv);
        } catch (IOException e) {
            err.println(outName + ": cannot write the file: " + describe(e));
            err.flush();
            return 1;
        }

        if (chart.hasTrialLimits()) {
            err.println("warning: " + inName + ": some limits rest on fewer than " + SpcChart.TRIAL_LIMIT_POINTS
                    + " points; they are trial limits and will move as data arrive");
            err.flush();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(summaryJson(chart));
        stdout.flush();
        return 0;
    }

    /** The one-line JSON summary, written by hand: every string in it is a fixed code. */
    static String summaryJson(SpcChart chart) {
        SpcPoint latest = chart.latest();
        return "{\"points\":" + chart.points().size()
                + ",\"variation\":\"" + chart.variation().code() + "\""
                + ",\"variation_icon\":\"" + chart.variationIcon().code() + "\""
                + ",\"assurance\":"
                + chart.assurance().map(a -> "\"" + a.code() + "\"").orElse("null")
                + ",\"mean\":" + SpcCsv.formatNumber(latest.centre())
                + ",\"lpl\":" + SpcCsv.formatNumber(latest.lpl())
                + ",\"upl\":" + SpcCsv.formatNumber(latest.upl())
                + ",\"trial_limits\":" + chart.hasTrialLimits()
                + "}";
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    static final class DirectionConverter implements ITypeConverter<ImprovementDirection> {
        @Override
        public ImprovementDirection convert(String value) {
            return ImprovementDirection.parse(value)
                    .orElseThrow(() ->
                            new TypeConversionException("'" + value + "' is not one of increase, decrease, neutral"));
        }
    }

    static final class FiniteNumberConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return SpcCsv.parseNumber(value)
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a number"));
        }
    }

    static final class FixAfterConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < XmrOptions.MIN_FIX_AFTER_POINTS) {
                throw new TypeConversionException(
                        "'" + value + "' is below " + XmrOptions.MIN_FIX_AFTER_POINTS + "; limits need at least "
                                + XmrOptions.MIN_FIX_AFTER_POINTS + " points (as in NHSRplotthedots)");
            }
            return n;
        }
    }

    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date in the form yyyy-MM-dd");
            }
        }
    }

    static final class StrictBooleanConverter implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                default:
                    throw new TypeConversionException("'" + value + "' is not true or false");
            }
        }
    }
}
