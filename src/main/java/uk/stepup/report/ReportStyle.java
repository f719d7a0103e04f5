package uk.stepup.report;

/**
 * The report's inline style sheet. System fonts only (nothing to download); the rating colours are the charts'
 * palette (Outstanding teal, Good green, Requires improvement amber with dark text, Inadequate red), each with text
 * at WCAG AA contrast or better, and every rating is also written in words. On paper: A4, each home on a new page,
 * tables and figures kept whole, colours printed as they are.
 */
final class ReportStyle {
    private ReportStyle() {}

    static final String CSS = """
            :root {
              --ink: #1a1a1a; --quiet: #4a4a4a; --rule: #d9dde3; --paper: #ffffff; --wash: #f3f5f8;
              --brand: #00606b; --brand-dark: #004a52;
              --outstanding: #00606b; --good: #388e3c; --ri: #f2a900; --inadequate: #b71c1c;
              --up: #2e6b30; --down: #b71c1c;
            }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body { margin: 0; background: var(--wash); color: var(--ink);
              font: 16px/1.55 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
            .page { max-width: 960px; margin: 0 auto; background: var(--paper); box-shadow: 0 0 0 1px var(--rule); }
            .cover { background: var(--brand); color: #fff; padding: 40px 48px 32px; }
            .cover .programme { margin: 0; font-size: 15px; letter-spacing: .08em; text-transform: uppercase; opacity: .9; }
            .cover h1 { margin: 8px 0 12px; font-size: 34px; line-height: 1.2; }
            .cover p { margin: 4px 0; font-size: 17px; }
            .cover .produced { font-size: 14px; opacity: .9; }
            main { padding: 8px 48px 32px; }
            nav.contents { padding: 20px 48px 0; }
            nav.contents h2 { font-size: 15px; text-transform: uppercase; letter-spacing: .06em; color: var(--quiet); margin: 0 0 6px; }
            nav.contents ol { margin: 0; padding-left: 20px; columns: 2; column-gap: 40px; }
            nav.contents a { color: var(--brand-dark); }
            h2 { font-size: 26px; line-height: 1.25; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 3px solid var(--brand); }
            h3 { font-size: 20px; margin: 28px 0 8px; }
            h4 { font-size: 17px; margin: 20px 0 6px; }
            p { margin: 8px 0; }
            .lead { font-size: 18px; }
            .muted { color: var(--quiet); }
            .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 20px 0; padding: 0; }
            .figures div { background: var(--wash); border-top: 4px solid var(--brand); padding: 12px 14px; }
            .figures dt { font-size: 14px; color: var(--quiet); }
            .figures dd { margin: 2px 0 0; font-size: 30px; font-weight: 700; line-height: 1.15; }
            .figures dd.note { font-size: 13px; font-weight: 400; color: var(--quiet); }
            .scroll { overflow-x: auto; margin: 10px 0 16px; }
            table { border-collapse: collapse; width: 100%; font-size: 15px; }
            caption { text-align: left; font-weight: 600; padding: 4px 0 8px; }
            th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--rule); vertical-align: top; }
            thead th { background: var(--wash); border-bottom: 2px solid #b9c0c9; font-size: 14px; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 14px; font-weight: 600;
              line-height: 1.5; white-space: nowrap; }
            .pill.outstanding { background: var(--outstanding); color: #fff; }
            .pill.good { background: var(--good); color: #fff; }
            .pill.requires-improvement { background: var(--ri); color: #1a1a1a; }
            .pill.inadequate { background: var(--inadequate); color: #fff; }
            .pill.none { background: #eeeeee; color: #4a4a4a; font-weight: 400; }
            .change { white-space: nowrap; font-weight: 600; }
            .change.up { color: var(--up); }
            .change.down { color: var(--down); }
            .change.same, .change.na { color: var(--quiet); font-weight: 400; }
            figure { margin: 16px 0 24px; }
            figure img { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }
            figcaption { font-size: 14px; color: var(--quiet); margin-top: 6px; }
            .callout { border-left: 6px solid var(--brand); background: var(--wash); padding: 12px 16px; margin: 16px 0; }
            .callout p { margin: 4px 0; }
            .selfassess { font-size: 13px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: var(--brand-dark); }
            .home { border-top: 1px solid var(--rule); margin-top: 36px; }
            .home h3 { font-size: 24px; margin-top: 24px; }
            .facts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 6px 0 12px; padding: 0; list-style: none; color: var(--quiet); }
            .facts strong { color: var(--ink); }
            .learning h3 { font-size: 21px; margin-top: 32px; }
            .learning h4 { font-size: 15px; color: var(--quiet); font-weight: 600; margin: 16px 0 4px; }
            .learning ul { list-style: none; margin: 0; padding: 0; }
            .learning li { border-left: 4px solid #8db8e8; padding: 4px 14px; margin: 6px 0; break-inside: avoid; }
            .learning q { display: block; quotes: "\\201C" "\\201D"; }
            .learning .who { display: block; font-size: 13px; color: var(--quiet); }
            .about li { margin: 6px 0; }
            .verdict { display: block; white-space: nowrap; font-size: 14px; margin: 2px 0; }
            .verdict .icon { display: inline-block; width: 20px; height: 20px; line-height: 20px; border-radius: 50%; text-align: center; font-size: 12px; font-weight: 700; color: #fff; vertical-align: middle; }
            .verdict .icon.common { background: #a6a6a6; }
            .verdict .icon.improvement { background: #00b0f0; color: #1a1a1a; }
            .verdict .icon.concern { background: #e46c0a; }
            .verdict .icon.neutral { background: #490092; }
            .cycles .study { display: block; font-size: 14px; color: var(--quiet); margin-top: 2px; }
            .improvement h4 { font-size: 16px; margin: 14px 0 4px; }
            .improvement thead th { white-space: nowrap; }
            footer.end { padding: 16px 48px 28px; font-size: 13px; color: var(--quiet); border-top: 1px solid var(--rule); }
            .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
            @media (max-width: 720px) {
              main, nav.contents, .cover, footer.end { padding-left: 18px; padding-right: 18px; }
              .figures { grid-template-columns: repeat(2, 1fr); }
              nav.contents ol { columns: 1; }
              table { font-size: 14px; }
              th, td { padding: 6px 6px; }
              h2 { font-size: 23px; }
            }
            @page { size: A4; margin: 14mm 14mm 16mm; }
            @media print {
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              body { background: #fff; font-size: 10pt; }
              .page { max-width: none; box-shadow: none; }
              .cover { padding: 22px 26px; }
              main, nav.contents, footer.end { padding-left: 0; padding-right: 0; }
              nav.contents a { color: var(--ink); text-decoration: none; }
              h2 { font-size: 18pt; margin-top: 0; }
              h2, h3, h4, caption { break-after: avoid; }
              .scroll, table, figure, .callout, .figures, tr, li { break-inside: avoid; }
              .scroll.long, table.long { break-inside: auto; }
              table.long thead { display: table-header-group; }
              .scroll { overflow: visible; margin: 4px 0 10px; }
              table { font-size: 9.5pt; }
              th, td { padding: 4px 8px; }
              #summary h2 { margin-top: 24px; }
              #participation, #heatmap, #measures, #improvement, #learning, #about { break-before: page; }
              figure { margin: 8px 0 0; }
              figure img { max-height: 200mm; width: auto; max-width: 100%; margin: 0 auto; }
              .home { break-before: page; border-top: 0; margin-top: 0; }
              .home h3 { font-size: 17pt; margin: 16px 0 4px; }
              .home .callout { padding: 6px 12px; margin: 8px 0; }
              .home figure img { max-height: 122mm; }
              .home figcaption { text-align: center; }
              .learning .flow { columns: 2; column-gap: 10mm; }
              .learning h3 { margin-top: 10px; }
            }
            """;
}
