package uk.stepup.measures.spc;

/** Which control chart produced an {@link SpcChart}. */
public enum ChartKind {
    /** Individuals and moving range chart: mean ± 2.66 × mean moving range. */
    XMR("xmr"),
    /** Proportion with a varying denominator: p̄ ± 3√(p̄(1−p̄)/nᵢ), clamped to [0, 1]. */
    P("p"),
    /** Rate per unit of exposure with a varying denominator: ū ± 3√(ū/nᵢ), lower limit clamped at 0. */
    U("u");

    private final String code;

    ChartKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
