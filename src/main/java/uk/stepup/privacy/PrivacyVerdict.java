package uk.stepup.privacy;

import java.util.List;

/**
 * What the {@link PrivacyGuard} decided about a check-in. Precedence, strongest first:
 * <ol>
 *   <li>{@link Refuse}: an identifier was found. Nothing is stored. Any signposts and warnings found in the same text
 *       travel with it, so the manager sees everything at once and the urgent routes are never hidden.</li>
 *   <li>{@link Redirect}: no identifier, but the text reads like a safeguarding concern, a notifiable event, a live
 *       complaint or an emergency. Nothing is stored; the manager is pointed to the proper route.</li>
 *   <li>{@link Warn}: something that may be a name. Stored only after the manager confirms.</li>
 *   <li>{@link Clear}: nothing found; store it.</li>
 * </ol>
 * Every reply is safe to show: none of them repeats the matched text.
 */
public sealed interface PrivacyVerdict {

    /** True only for {@link Clear}: store without asking. */
    boolean mayStore();

    /** True for {@link Clear} and {@link Warn}: the manager may choose to store it as written. */
    boolean mayStoreAfterConfirmation();

    /** The friendly, ephemeral reply for the manager (Discord Markdown, British English). Empty for {@link Clear}. */
    String reply();

    /** Nothing found. */
    record Clear() implements PrivacyVerdict {
        @Override
        public boolean mayStore() {
            return true;
        }

        @Override
        public boolean mayStoreAfterConfirmation() {
            return true;
        }

        @Override
        public String reply() {
            return "";
        }
    }

    /** Possible names: ask the manager to confirm or edit. Every finding here is a warning kind. */
    record Warn(List<Finding> findings) implements PrivacyVerdict {
        public Warn {
            findings = List.copyOf(findings);
            if (findings.isEmpty() || findings.stream().anyMatch(Finding::refuses)) {
                throw new IllegalArgumentException("a warning needs at least one finding and no refusals");
            }
        }

        @Override
        public boolean mayStore() {
            return false;
        }

        @Override
        public boolean mayStoreAfterConfirmation() {
            return true;
        }

        @Override
        public String reply() {
            return PrivacyReplies.warn(findings);
        }
    }

    /** Belongs with another route; do not store. */
    record Redirect(List<Signpost> signposts) implements PrivacyVerdict {
        public Redirect {
            signposts = List.copyOf(signposts);
            if (signposts.isEmpty()) {
                throw new IllegalArgumentException("a redirect needs at least one signpost");
            }
        }

        @Override
        public boolean mayStore() {
            return false;
        }

        @Override
        public boolean mayStoreAfterConfirmation() {
            return false;
        }

        @Override
        public String reply() {
            return PrivacyReplies.redirect(signposts);
        }
    }

    /**
     * Identifiers found: do not store. {@code findings} lists refusals first, then any warnings; {@code signposts} is
     * empty unless the same text also needs redirecting.
     */
    record Refuse(List<Finding> findings, List<Signpost> signposts) implements PrivacyVerdict {
        public Refuse {
            findings = List.copyOf(findings);
            signposts = List.copyOf(signposts);
            if (findings.stream().noneMatch(Finding::refuses)) {
                throw new IllegalArgumentException("a refusal needs at least one refusing finding");
            }
        }

        /** Only the findings that caused the refusal. */
        public List<Finding> refusals() {
            return findings.stream().filter(Finding::refuses).toList();
        }

        /** Findings that would only have been warnings on their own. */
        public List<Finding> warnings() {
            return findings.stream().filter(f -> !f.refuses()).toList();
        }

        @Override
        public boolean mayStore() {
            return false;
        }

        @Override
        public boolean mayStoreAfterConfirmation() {
            return false;
        }

        @Override
        public String reply() {
            return PrivacyReplies.refuse(refusals(), warnings(), signposts);
        }
    }
}
