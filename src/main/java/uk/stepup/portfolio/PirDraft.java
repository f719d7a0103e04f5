package uk.stepup.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import uk.stepup.shared.KeyQuestion;
import uk.stepup.shared.Rating;

/**
 * A first draft of the home's answers to the Provider Information Return's two questions for each key question, made
 * only from the home's own words: "What is going well and the difference it makes" quotes the highlights and
 * evidence of check-ins the home rated Good or Outstanding; "What are the barriers and what will you improve" quotes
 * what the home did in weeks it rated Requires improvement or Inadequate, and its next steps; the items with gaps
 * follow, one line each, as what is still to evidence. Each quote carries its week. Newest first, at most {@link #QUOTES_MAX} quotes per answer: a draft
 * to edit, not a record of everything (that is the rest of the portfolio).
 */
public record PirDraft(List<Answer> answers) {
    /** At most this many quotes per answer. */
    public static final int QUOTES_MAX = 6;

    public static final String LABEL = "Draft for the manager to edit: not sent to CQC";

    /** One of the home's own sentences, where it came from. */
    public record Quote(int week, String code, String source, String text) {
        public Quote {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The draft answers for one key question; {@code gaps} are the portfolio's gaps under it, as sentences. */
    public record Answer(KeyQuestion keyQuestion, List<Quote> goingWell, List<Quote> barriers, List<String> gaps) {
        public Answer {
            Objects.requireNonNull(keyQuestion, "keyQuestion");
            goingWell = List.copyOf(goingWell);
            barriers = List.copyOf(barriers);
            gaps = List.copyOf(gaps);
        }
    }

    public PirDraft {
        answers = List.copyOf(answers);
    }

    /** The draft from the portfolio's key questions. */
    public static PirDraft from(List<KeyQuestionSection> keyQuestions) {
        List<Answer> answers = new ArrayList<>();
        for (KeyQuestionSection kq : keyQuestions) {
            List<Evidence> newestFirst = kq.entries().stream()
                    .distinct()
                    .sorted(Comparator.comparingInt(Evidence::week).reversed().thenComparing(Evidence::code))
                    .toList();
            List<Quote> well = new ArrayList<>();
            List<Quote> barriers = new ArrayList<>();
            for (Evidence e : newestFirst) {
                if (e.rating().compareTo(Rating.GOOD) >= 0) {
                    e.highlight().ifPresent(h -> add(well, new Quote(e.week(), e.code(), "highlight", h)));
                    e.evidence().ifPresent(t -> add(well, new Quote(e.week(), e.code(), "evidence", t)));
                } else {
                    add(
                            barriers,
                            new Quote(
                                    e.week(),
                                    e.code(),
                                    "what we did (self-rated " + e.rating().label() + ")",
                                    e.did()));
                }
                e.nextStep().ifPresent(n -> add(barriers, new Quote(e.week(), e.code(), "next step", n)));
            }
            List<String> gaps = new ArrayList<>();
            for (PortfolioItem item : kq.items()) {
                if (!item.gaps().isEmpty()) {
                    gaps.add(item.code() + " " + item.title() + ": "
                            + String.join(
                                    "; ",
                                    item.gaps().stream()
                                            .map(g -> g.kind().label().toLowerCase(Locale.ROOT))
                                            .toList()));
                }
            }
            answers.add(new Answer(kq.keyQuestion(), well, barriers, gaps));
        }
        return new PirDraft(answers);
    }

    private static void add(List<Quote> quotes, Quote q) {
        if (quotes.size() < QUOTES_MAX
                && quotes.stream().noneMatch(x -> x.text().equals(q.text()))) {
            quotes.add(q);
        }
    }
}
