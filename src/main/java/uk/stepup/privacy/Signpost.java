package uk.stepup.privacy;

/**
 * Proper routes for things a coaching check-in must not carry. When the guard recognises one, the check-in is not
 * stored and the manager is pointed to the right place. Declared most urgent first; replies list them in this order.
 */
public enum Signpost {
    URGENT_CLINICAL(
            "Urgent medical help",
            "Call 999 now if someone needs emergency help, or NHS 111 or their GP if it is urgent but not an"
                    + " emergency. This bot isn't watched around the clock."),
    SAFEGUARDING(
            "Safeguarding",
            "Follow your home's safeguarding policy and contact your local authority safeguarding team (999 if"
                    + " someone is in immediate danger)."),
    CQC_NOTIFICATION(
            "Statutory notification",
            "Deaths, serious injuries, abuse allegations, DoLS outcomes and police incidents are notified to CQC"
                    + " through the CQC Provider Portal."),
    COMPLAINT(
            "Complaint",
            "Use your provider's complaints process, so it is logged, investigated and answered properly.");

    private final String title;
    private final String advice;

    Signpost(String title, String advice) {
        this.title = title;
        this.advice = advice;
    }

    /** A short heading, e.g. "Safeguarding". */
    public String title() {
        return title;
    }

    /** Where to go instead, in a sentence or two. */
    public String advice() {
        return advice;
    }
}
