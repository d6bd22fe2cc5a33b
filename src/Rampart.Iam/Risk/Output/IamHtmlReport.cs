using System.Globalization;
using System.Text.Encodings.Web;
using Rampart.Core;

namespace Rampart.Iam.Risk.Output;

/// <summary>
/// The IAM analysis as one self-contained HTML page for a person: a summary, bars by severity and category, the notes,
/// every escalation path drawn step by step, and every finding with its proof. No scripts, no external resources.
/// </summary>
public static class IamHtmlReport
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    private static readonly Dictionary<Severity, string> Colours = new()
    {
        [Severity.Critical] = "#7b1fa2",
        [Severity.High] = "#c62828",
        [Severity.Medium] = "#ef6c00",
        [Severity.Low] = "#f9a825",
        [Severity.Informational] = "#607d8b",
    };

    /// <summary>Writes the page.</summary>
    public static void Write(TextWriter output, IamAnalysisResult result)
    {
        Guard.NotNull(output);
        Guard.NotNull(result);
        var title = result.Account is { } account ? $"IAM analysis of account {account}" : "IAM analysis";
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        output.WriteLine($"<title>{E(title)}</title>");
        output.WriteLine("""
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#222;line-height:1.4}
            h1{margin-bottom:.2rem} .meta{color:#666} section{margin:2rem 0}
            .charts{display:flex;gap:3rem;flex-wrap:wrap} .chart text{font-size:12px}
            .finding{border-left:6px solid #999;padding:.4rem .8rem;margin:.8rem 0;background:#fafafa}
            .sev{display:inline-block;color:#fff;border-radius:3px;padding:0 .4rem;font-size:.8rem;font-weight:600}
            .check{color:#555;font-family:monospace;font-size:.85rem} code{font-size:.85rem}
            table{border-collapse:collapse;font-size:.85rem} td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
            .path{overflow-x:auto} .note{color:#6d4c41}
            </style></head><body>
            """);
        output.WriteLine($"<h1>{E(title)}</h1>");
        output.WriteLine($"<p class=\"meta\">{E(IamFindingWriters.Summary(result))} Run {E(result.Time.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}.</p>");

        output.WriteLine("<section><h2>Summary</h2><div class=\"charts\">");
        Bars(output, "By severity", [.. Enum.GetValues<Severity>().Reverse().Select(s => (s.ToString(), result.Findings.Count(f => f.Severity == s), Colours[s]))]);
        Bars(output, "By category", [.. Enum.GetValues<RiskCategory>().Select(c => (RiskCategories.Name(c), result.Findings.Count(f => f.Category == c), "#37474f"))]);
        output.WriteLine("</div></section>");

        if (!result.Notes.IsEmpty)
        {
            output.WriteLine("<section><h2>What this analysis could not judge</h2><ul>");
            foreach (var note in result.Notes)
                output.WriteLine($"<li class=\"note\"><b>{E(note.Scope)}</b>: {E(note.Message)}</li>");
            output.WriteLine("</ul></section>");
        }

        var paths = result.Findings.Where(static f => !f.Proof.Path.IsEmpty).ToList();
        if (paths.Count > 0)
        {
            output.WriteLine("<section><h2>Escalation paths</h2>");
            foreach (var finding in paths)
            {
                output.WriteLine($"<h3>{E(finding.Title)}</h3><div class=\"path\">");
                Path(output, finding);
                output.WriteLine("</div>");
            }

            output.WriteLine("</section>");
        }

        output.WriteLine("<section><h2>Findings</h2>");
        foreach (var group in result.Findings.GroupBy(static f => f.Category).OrderBy(static g => g.Key))
        {
            output.WriteLine($"<h3>{E(RiskCategories.Name(group.Key))} ({group.Count()})</h3>");
            foreach (var finding in group)
                Finding(output, finding);
        }

        output.WriteLine("</section></body></html>");
    }

    private static void Finding(TextWriter output, IamFinding finding)
    {
        output.WriteLine($"<div class=\"finding\" style=\"border-color:{Colours[finding.Severity]}\">");
        output.WriteLine($"<span class=\"sev\" style=\"background:{Colours[finding.Severity]}\">{E(finding.Severity.ToString())}</span> <b>{E(finding.Title)}</b> <span class=\"check\">{E(finding.CheckId)}</span>");
        output.WriteLine($"<div>principal <code>{E(finding.Principal)}</code>");
        if (finding.Policy is { } policy)
            output.WriteLine($" · {E(policy)}{(finding.Statement is { } s ? $" <code>{E(s)}</code>" : "")}");
        if (!finding.Controls.IsEmpty)
            output.WriteLine($" · {E(string.Join(", ", finding.Controls))}");
        output.WriteLine("</div><details><summary>Proof</summary>");
        if (!finding.Proof.Facts.IsEmpty)
        {
            output.WriteLine("<ul>");
            foreach (var fact in finding.Proof.Facts)
                output.WriteLine($"<li>{E(fact)}</li>");
            output.WriteLine("</ul>");
        }

        foreach (var evaluation in finding.Proof.Evaluations)
        {
            var result = evaluation.Result;
            output.WriteLine($"<p><code>{E(evaluation.Action)}</code> on <code>{E(evaluation.Resource)}</code> by <code>{E(evaluation.Principal)}</code>: <b>{E(result.IsConditional ? "Allowed under conditions" : result.Decision.ToString())}</b> — {E(result.Trace.Reason)}</p>");
            foreach (var requirement in result.Requirements)
                output.WriteLine($"<p class=\"note\">{(requirement.Effect == Policies.PolicyEffect.Allow ? "only when" : "unless")} {E(requirement.Describe())} ({E(requirement.Policy)} {E(requirement.Statement)})</p>");
            output.WriteLine("<table><tr><th>layer</th><th>result</th><th>statements</th></tr>");
            foreach (var layer in result.Trace.Layers)
            {
                var statements = string.Join("<br>", layer.Statements.Select(s => $"{E(s.Effect.ToString())} {E(s.Policy)} <code>{E(s.Statement)}</code>"));
                output.WriteLine($"<tr><td>{E(layer.Layer)}</td><td>{E(layer.Result)}</td><td>{statements}</td></tr>");
            }

            output.WriteLine("</table>");
        }

        if (!finding.Proof.Path.IsEmpty)
        {
            output.WriteLine("<ol>");
            foreach (var step in finding.Proof.Path)
                output.WriteLine($"<li><code>{E(step.Principal)}</code> calls <code>{E(step.Action)}</code> on <code>{E(step.Resource)}</code>: {E(step.Gains)}</li>");
            output.WriteLine("</ol>");
        }

        output.WriteLine("</details></div>");
    }

    // Horizontal bars, one per label, scaled to the largest count.
    private static void Bars(TextWriter output, string title, List<(string Label, int Count, string Colour)> bars)
    {
        const int Row = 22;
        var max = Math.Max(1, bars.Max(static b => b.Count));
        var height = (bars.Count * Row) + 30;
        output.WriteLine($"<svg class=\"chart\" width=\"420\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\"><text x=\"0\" y=\"14\" font-weight=\"600\">{E(title)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count, colour) = bars[i];
            var y = 24 + (i * Row);
            var width = (int)Math.Round(200.0 * count / max);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + 14}\">{E(label)}</text><rect x=\"180\" y=\"{y + 3}\" width=\"{width}\" height=\"14\" fill=\"{colour}\"/><text x=\"{184 + width}\" y=\"{y + 14}\">{count}</text>"));
        }

        output.WriteLine("</svg>");
    }

    // The path as boxes (who acts) joined by arrows labelled with the action, ending at what is gained.
    private static void Path(TextWriter output, IamFinding finding)
    {
        const int Box = 170, Gap = 150, Height = 90;
        var steps = finding.Proof.Path;
        var width = (steps.Length * (Box + Gap)) + Box + 10;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<svg width=\"{width}\" height=\"{Height}\" role=\"img\" aria-label=\"escalation path\">"));
        output.WriteLine("<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#555\"/></marker></defs>");
        for (var i = 0; i <= steps.Length; i++)
        {
            var x = 5 + (i * (Box + Gap));
            var label = i < steps.Length ? IamFindingWriters.Short(steps[i].Principal) : steps[^1].Gains;
            var fill = i < steps.Length ? "#e3f2fd" : "#ffebee";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"<rect x=\"{x}\" y=\"25\" width=\"{Box}\" height=\"40\" rx=\"6\" fill=\"{fill}\" stroke=\"#555\"/><text x=\"{x + 8}\" y=\"50\" font-size=\"12\">{E(Clip(label, 26))}</text>"));
            if (i < steps.Length)
            {
                var start = x + Box;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"<line x1=\"{start}\" y1=\"45\" x2=\"{start + Gap - 4}\" y2=\"45\" stroke=\"#555\" marker-end=\"url(#arrow)\"/><text x=\"{start + 4}\" y=\"38\" font-size=\"11\">{E(Clip(steps[i].Action, 24))}</text>"));
            }
        }

        output.WriteLine("</svg>");
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string E(string text) => Html.Encode(text);
}
