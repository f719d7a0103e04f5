package uk.stepup.measures.spc;

/**
 * The Making Data Count assurance icon: can the process be relied on to meet the target?
 * Codes are NHSRplotthedots' {@code assurance_type} values.
 */
public enum Assurance {
    /** The target lies beyond the process limits on the good side: every point is expected to pass ("P"). */
    CONSISTENT_PASS("consistent_pass"),
    /** The target lies beyond the process limits on the bad side: every point is expected to fail ("F"). */
    CONSISTENT_FAIL("consistent_fail"),
    /** The target lies within (or on) the process limits: hit and miss ("?"). */
    INCONSISTENT("inconsistent");

    private final String code;

    Assurance(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
