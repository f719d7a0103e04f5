package uk.stepup.portfolio;

/** Port: lays a portfolio out as one self-contained HTML page (the report adapter does it). */
@FunctionalInterface
public interface PortfolioRenderer {
    String html(Portfolio portfolio);
}
