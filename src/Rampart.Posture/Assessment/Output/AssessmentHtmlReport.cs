using System.Globalization;
using System.Text.Encodings.Web;
using Rampart.Core;
using Rampart.Posture.Checks;
using Rampart.Posture.Frameworks;

namespace Rampart.Posture.Assessment.Output;

/// <summary>
/// An assessment as one self-contained HTML page for a person: a score per framework and section, bars by status and
/// by severity, what drifted and which checks flipped when there is a baseline, each failing or undecided result with
/// its evidence and the check's remediation, and each muted one with its reason and expiry. No scripts, no external
/// resources; every text from the input is escaped.
/// </summary>
/// <remarks>
/// Sections have stable ids for tools and tests: <c>summary</c>, <c>scores</c> (when there are scores), <c>drift</c>
/// (with a baseline, or when anything drifted), <c>failures</c> and <c>muted</c>. Each result is a
/// <c>div.result</c> whose <c>data-status</c> is its status and <c>data-check</c> its check.
/// </remarks>
public static class AssessmentHtmlReport
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static readonly string[] Statuses = ["FAIL", "ERROR", "MUTED", "PASS", "NOT_APPLICABLE"];

    private static readonly Dictionary<string, string> StatusColours = new(StringComparer.Ordinal)
    {
        ["PASS"] = "#2e7d32",
        ["FAIL"] = "#c62828",
        ["ERROR"] = "#6a1b9a",
        ["MUTED"] = "#78909c",
        ["NOT_APPLICABLE"] = "#b0bec5",
    };

    private static readonly Dictionary<Severity, string> SeverityColours = new()
    {
        [Severity.Critical] = "#7b1fa2",
        [Severity.High] = "#c62828",
        [Severity.Medium] = "#ef6c00",
        [Severity.Low] = "#f9a825",
        [Severity.Informational] = "#607d8b",
    };

    /// <summary>Writes the page.</summary>
    public static void Write(TextWriter output, AssessmentDocument document)
    {
        Guard.NotNull(output);
        Guard.NotNull(document);
        var report = document.Report;
        int Count(string status) => report.Results.Count(r => r.Status == status);
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine("<title>Posture assessment</title>");
        output.WriteLine("""
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#222;line-height:1.4}
            h1{margin-bottom:.2rem} .meta{color:#666} section{margin:2rem 0}
            .charts{display:flex;gap:3rem;flex-wrap:wrap} .chart text{font-size:12px}
            .result{border-left:6px solid #999;padding:.4rem .8rem;margin:.8rem 0;background:#fafafa}
            .badge{display:inline-block;color:#fff;border-radius:3px;padding:0 .4rem;font-size:.8rem;font-weight:600}
            .check,.key{color:#555;font-family:monospace;font-size:.85rem} code{font-size:.85rem}
            table{border-collapse:collapse;font-size:.85rem} td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
            .score{font-size:1.4rem;font-weight:600} .fix{color:#1b5e20} .muted{color:#546e7a}
            </style></head><body>
            """);
        output.WriteLine("<h1>Posture assessment</h1>");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">{report.Results.Length} results of {document.Checks.Length} checks: {Count("PASS")} passed, {Count("FAIL")} failed, {Count("MUTED")} muted, {Count("ERROR")} errors, {Count("NOT_APPLICABLE")} not applicable. Run {E(document.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}.</p>"));

        output.WriteLine("<section id=\"summary\"><h2>Summary</h2><div class=\"charts\">");
        Bars(output, "Results by status", [.. Statuses.Select(s => (s, Count(s), StatusColours[s]))]);
        Bars(output, "Failures by severity", [.. Enum.GetValues<Severity>().Reverse()
            .Select(s => (s.ToString(), report.Results.Count(r => r.Status == "FAIL" && r.Result.Severity == s), SeverityColours[s]))]);
        output.WriteLine("</div></section>");

        if (!document.Scores.IsEmpty)
        {
            output.WriteLine("<section id=\"scores\"><h2>Scores</h2>");
            foreach (var score in document.Scores)
                Score(output, score);
            output.WriteLine("</section>");
        }

        if (document.HasBaseline || !report.Changes.IsEmpty || !report.Flipped.IsEmpty)
            Drift(output, report);

        var failing = report.Results.Where(static r => r.Status is "FAIL" or "ERROR").ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<section id=\"failures\"><h2>Failing resources ({failing.Count})</h2>"));
        if (failing.Count == 0)
            output.WriteLine("<p>No check failed.</p>");
        foreach (var group in failing.GroupBy(static r => r.Result.Severity).OrderByDescending(static g => g.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<h3>{E(group.Key.ToString())} ({group.Count()})</h3>"));
            foreach (var result in group)
                Result(output, result, document);
        }

        output.WriteLine("</section>");

        var muted = report.Results.Where(static r => r.Status == "MUTED").ToList();
        if (muted.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<section id=\"muted\"><h2>Muted ({muted.Count})</h2>"));
            foreach (var result in muted)
                Result(output, result, document);
            output.WriteLine("</section>");
        }

        output.WriteLine("</body></html>");
    }

    private static void Score(TextWriter output, FrameworkScore score)
    {
        var framework = score.Framework;
        output.WriteLine($"<div class=\"framework\" data-framework=\"{E(framework.Id)}\"><h3>{E(framework.Name)} <span class=\"check\">{E(framework.Id)} {E(framework.Version)}</span></h3>");
        output.WriteLine($"<p><span class=\"score\">{Percent(score.Score)}</span> {Counts(score.Score)}</p>");
        output.WriteLine("<table><tr><th>section</th><th>score</th><th></th><th>passed</th><th>failed</th><th>errors</th><th>muted</th><th>not applicable</th><th>not automated</th></tr>");
        // Sections whose controls are all manual or unmapped say nothing about this run; FSBP has dozens of them.
        var shown = score.Sections.Where(static s => s.Score.Total > s.Score.NotAutomated).ToList();
        foreach (var section in shown)
        {
            var s = section.Score;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"<tr class=\"section\"><td>{E(section.Section.Id)} {E(section.Section.Title)}</td><td>{Percent(s)}</td><td>{Meter(s)}</td><td>{s.Passed}</td><td>{s.Failed}</td><td>{s.Errors}</td><td>{s.Muted}</td><td>{s.NotApplicable}</td><td>{s.NotAutomated}</td></tr>"));
        }

        output.WriteLine("</table>");
        if (shown.Count < score.Sections.Length)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<p class=\"meta\">{score.Sections.Length - shown.Count} sections with no automated control are not shown.</p>"));
        var failed = score.Controls.Where(static c => c.Status is ControlStatus.Failed or ControlStatus.Error).ToList();
        if (failed.Count > 0)
        {
            output.WriteLine("<details><summary>Failed controls</summary><ul>");
            foreach (var control in failed)
            {
                var resources = control.FailedResources.Concat(control.ErrorResources).Distinct(StringComparer.Ordinal).ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"<li><b>{E(control.Control.Id)}</b> {E(control.Control.Title)} — {E(control.Status.ToString())} on {resources.Count} resources</li>"));
            }

            output.WriteLine("</ul></details>");
        }

        output.WriteLine("</div>");
    }

    private static void Drift(TextWriter output, AssessmentReport report)
    {
        output.WriteLine("<section id=\"drift\"><h2>Drift since the baseline</h2>");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"<p>{report.Changes.Length} resources drifted, {report.Flipped.Length} results flipped ({report.Evaluated} resources evaluated).</p>"));
        if (!report.Changes.IsEmpty)
        {
            output.WriteLine("<table class=\"changes\"><tr><th>change</th><th>type</th><th>resource</th><th>fields</th></tr>");
            foreach (var change in report.Changes)
            {
                var fields = string.Join("<br>", change.Fields.Take(20).Select(f =>
                    $"<code>{E(f.Pointer)}</code>{(f.Identity is { } id ? $" ({E(id)})" : "")}: {E(f.Before ?? "(none)")} → {E(f.After ?? "(none)")}"));
                if (change.Fields.Length > 20)
                    fields += string.Create(CultureInfo.InvariantCulture, $"<br>… {change.Fields.Length - 20} more");
                output.WriteLine($"<tr class=\"change\"><td>{E(change.Kind.ToString())}</td><td>{E(change.Type)}</td><td class=\"key\">{E(change.Key)}</td><td>{fields}</td></tr>");
            }

            output.WriteLine("</table>");
        }

        if (!report.Flipped.IsEmpty)
        {
            output.WriteLine("<h3>Flipped checks</h3><table class=\"flipped\"><tr><th>check</th><th>resource</th><th>before</th><th>now</th></tr>");
            foreach (var flip in report.Flipped)
                output.WriteLine($"<tr class=\"flip\"><td class=\"check\">{E(flip.CheckId)}</td><td class=\"key\">{E(flip.ResourceKey)}</td><td>{E(flip.Before ?? "(new)")}</td><td>{E(flip.After ?? "(gone)")}</td></tr>");
            output.WriteLine("</table>");
        }

        output.WriteLine("</section>");
    }

    private static void Result(TextWriter output, AssessedResult assessed, AssessmentDocument document)
    {
        var result = assessed.Result;
        var resource = assessed.Resource;
        var check = document.Check(result.CheckId);
        var colour = assessed.Status == "FAIL" ? SeverityColours[result.Severity] : StatusColours[assessed.Status];
        output.WriteLine($"<div class=\"result\" data-status=\"{E(assessed.Status)}\" data-check=\"{E(result.CheckId)}\" style=\"border-color:{colour}\">");
        output.WriteLine($"<span class=\"badge\" style=\"background:{colour}\">{E(assessed.Status == "FAIL" ? result.Severity.ToString() : assessed.Status)}</span> <b>{E(document.Title(result.CheckId))}</b> <span class=\"check\">{E(result.CheckId)}</span>");
        output.WriteLine($"<div><span class=\"key\">{E(resource.Key)}</span> · {E(resource.Type)} · account {E(resource.Account)} · {E(resource.Region)}</div>");
        if (!result.Controls.IsEmpty)
            output.WriteLine($"<div>controls: {E(string.Join(", ", result.Controls))}</div>");
        if (result.Error is { } error)
            output.WriteLine($"<div>could not be decided: {E(error)}</div>");
        if (!result.Evidence.IsEmpty)
        {
            output.WriteLine("<table class=\"evidence\"><tr><th>evidence</th><th>value</th></tr>");
            foreach (var evidence in result.Evidence)
                output.WriteLine($"<tr><td><code>{E(evidence.Path)}</code></td><td><code>{E(OutputFacts.Clip(OutputFacts.ValueText(evidence), 2000))}</code></td></tr>");
            output.WriteLine("</table>");
        }

        if (assessed.Mute is { } mute)
        {
            var until = mute.Expires is { } expires ? expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "no expiry";
            output.WriteLine($"<p class=\"muted\">muted: {E(mute.Reason)} (until {E(until)}; {E(mute.Location.ToString())})</p>");
        }
        else if (check is { Remediation.Length: > 0 })
        {
            output.WriteLine($"<p class=\"fix\">remediation: {E(check.Remediation.Trim())}</p>");
        }

        output.WriteLine("</div>");
    }

    // Horizontal bars, one per label, scaled to the largest count.
    private static void Bars(TextWriter output, string title, List<(string Label, int Count, string Colour)> bars)
    {
        const int Row = 22;
        var max = Math.Max(1, bars.Max(static b => b.Count));
        var height = (bars.Count * Row) + 30;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<svg class=\"chart\" width=\"420\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\"><text x=\"0\" y=\"14\" font-weight=\"600\">{E(title)}</text>"));
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count, colour) = bars[i];
            var y = 24 + (i * Row);
            var width = (int)Math.Round(200.0 * count / max);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + 14}\">{E(label)}</text><rect x=\"130\" y=\"{y + 3}\" width=\"{width}\" height=\"14\" fill=\"{colour}\"/><text x=\"{134 + width}\" y=\"{y + 14}\">{count}</text>"));
        }

        output.WriteLine("</svg>");
    }

    // A bar split into passed, failed and error controls of a section.
    private static string Meter(Score score)
    {
        const double Width = 160;
        if (score.Assessed == 0)
            return "<svg width=\"160\" height=\"12\" role=\"img\" aria-label=\"not assessed\"><rect width=\"160\" height=\"12\" fill=\"#eceff1\"/></svg>";
        var passed = Width * score.Passed / score.Assessed;
        var failed = Width * score.Failed / score.Assessed;
        var errors = Width - passed - failed;
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg width=\"160\" height=\"12\" role=\"img\" aria-label=\"{score.Passed} of {score.Assessed} pass\"><rect width=\"{passed:0.#}\" height=\"12\" fill=\"{StatusColours["PASS"]}\"/><rect x=\"{passed:0.#}\" width=\"{failed:0.#}\" height=\"12\" fill=\"{StatusColours["FAIL"]}\"/><rect x=\"{passed + failed:0.#}\" width=\"{errors:0.#}\" height=\"12\" fill=\"{StatusColours["ERROR"]}\"/></svg>");
    }

    private static string Percent(Score score) => score.Ratio is { } ratio ? ratio.ToString("P0", CultureInfo.InvariantCulture) : "—";

    private static string Counts(Score score) => string.Create(CultureInfo.InvariantCulture,
        $"{score.Passed} of {score.Assessed} assessed controls pass; {score.Failed} failed, {score.Errors} errors, {score.Muted} muted, {score.NotApplicable} not applicable, {score.NotAutomated} not automated");

    private static string E(string text) => Html.Encode(text);
}
