package uk.stepup.report;

/**
 * The portfolio's inline style sheet: the outcome report's (same fonts, colours and rating pills), plus the
 * portfolio's own parts. On paper: A4, each key question on a new page, a check-in never split across pages.
 */
final class PortfolioStyle {
    private PortfolioStyle() {}

    static final String CSS = ReportStyle.CSS + """
            .item { border-top: 1px solid var(--rule); margin-top: 22px; padding-top: 4px; }
            .item h3 { font-size: 19px; margin: 14px 0 4px; }
            .item h3 .code { color: var(--brand-dark); margin-right: 6px; }
            .item .changed { margin: 4px 0 8px; }
            .gaps { border-left: 6px solid var(--ri); background: #fff8e6; padding: 8px 14px; margin: 8px 0 12px; }
            .gaps p, .gaps ul { margin: 2px 0; }
            .gaps ul { padding-left: 20px; }
            .entry { border-left: 4px solid var(--rule); padding: 2px 0 2px 14px; margin: 10px 0 14px; break-inside: avoid; }
            .entry .when { font-weight: 600; margin: 0 0 4px; }
            .entry .when small { font-weight: 400; color: var(--quiet); margin-left: 6px; }
            .entry dl { margin: 0; display: grid; grid-template-columns: 9.5em 1fr; gap: 2px 12px; }
            .entry dt { color: var(--quiet); font-size: 14px; padding-top: 1px; }
            .entry dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
            .none { color: var(--quiet); font-style: italic; }
            .gaplist li { margin: 4px 0; overflow-wrap: anywhere; }
            .gaplist a { color: var(--ink); font-weight: 600; }
            .pir .draft { border: 3px dashed var(--ri); padding: 10px 16px; margin: 12px 0 20px; background: #fff8e6; }
            .pir .draft p { margin: 2px 0; }
            .pir .draft .label { font-weight: 700; font-size: 17px; text-transform: uppercase; letter-spacing: .04em; }
            .pir ul { list-style: none; padding: 0; margin: 4px 0 12px; }
            .pir li { border-left: 4px solid #8db8e8; padding: 3px 12px; margin: 6px 0; break-inside: avoid; }
            .pir li.gap { border-left-color: var(--ri); }
            .pir q { display: block; quotes: "\\201C" "\\201D"; white-space: pre-line; overflow-wrap: anywhere; }
            .pir .who { display: block; font-size: 13px; color: var(--quiet); }
            td.text { white-space: pre-line; overflow-wrap: anywhere; }
            td.nowrap { white-space: nowrap; }
            .cycle { margin: 8px 0 14px; break-inside: avoid; }
            .cycle dl { margin: 4px 0 0; display: grid; grid-template-columns: 9.5em 1fr; gap: 2px 12px; }
            .cycle dt { color: var(--quiet); font-size: 14px; }
            .cycle dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
            .measure { border-top: 1px solid var(--rule); margin-top: 20px; }
            @media print {
              .keyq, #actions, #measures, #pir { break-before: page; }
              #gaps h2 { margin-top: 14pt; }
              .item { break-inside: auto; margin-top: 12px; }
              .item h3 { font-size: 13pt; break-after: avoid; }
              .entry dl, .cycle dl { grid-template-columns: 8em 1fr; }
              .entry dt, .cycle dt { font-size: 9pt; }
              .pir .draft { break-inside: avoid; }
              #glance figure img { max-height: 150mm; }
              .measure figure img { max-height: 110mm; }
            }
            """;
}
