using Rampart.Hunting;
using Rampart.Hunting.Output;
using Spectre.Console;

namespace Rampart.Cli.Output;

/// <summary>
/// For a person at a terminal: a summary by rule, then the hits (the first <see cref="MaxRows"/>),
/// then what was read. Hits are held until the hunt ends so the tables come out whole.
/// </summary>
internal sealed class TableHitWriter(IAnsiConsole console) : IHitWriter
{
    /// <summary>Hits shown in the hits table; the rest are counted.</summary>
    public const int MaxRows = 500;

    private readonly List<DetectionHit> _hits = [];
    private long _more;

    public void Write(DetectionHit hit)
    {
        if (_hits.Count < MaxRows)
            _hits.Add(hit.Detach());
        else
            _more++;
    }

    public void Complete(HuntSummary summary)
    {
        if (summary.Hits == 0)
        {
            console.MarkupLine("[green]No hits.[/]");
        }
        else
        {
            var rules = new Table().Title("Hits by rule").AddColumns("Hits", "Level", "Rule", "Id", "Author");
            rules.Columns[0].RightAligned();
            foreach (var (rule, count) in summary.HitsByRule)
                rules.AddRow(count.ToString(System.Globalization.CultureInfo.InvariantCulture), Level(rule.Level), Markup.Escape(rule.Title), Markup.Escape(rule.Id), Markup.Escape(rule.Author ?? "-"));
            console.Write(rules);

            var hits = new Table().Title("Hits").AddColumns("Time (UTC)", "Level", "Rule", "Event", "Actor", "Account", "Region", "Source IP", "Origin");
            foreach (var hit in _hits)
            {
                hits.AddRow(
                    Markup.Escape(hit.Summary.Time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                    Level(hit.Rule.Level),
                    Markup.Escape(hit.Rule.Title),
                    Markup.Escape(hit.Summary.EventName ?? "-"),
                    Markup.Escape(hit.Summary.Actor ?? "-"),
                    Markup.Escape(hit.Summary.Account ?? "-"),
                    Markup.Escape(hit.Summary.Region ?? "-"),
                    Markup.Escape(hit.Summary.SourceIp ?? "-"),
                    Markup.Escape(Path.GetFileName(hit.Origin.Path) + (hit.Origin.Record > 0 ? " #" + hit.Origin.Record.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)));
            }

            console.Write(hits);
            if (_more > 0)
                console.MarkupLine($"[yellow]{_more} more hits not shown; use --output jsonl for all of them.[/]");
        }

        console.MarkupLine(Markup.Escape(SummaryLine(summary)));
    }

    public void Dispose()
    {
    }

    internal static string SummaryLine(HuntSummary summary) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{summary.Hits} hits from {summary.HitsByRule.Length} rules in {summary.Events} events ({summary.Files} files, {summary.Bytes / 1048576.0:0.0} MiB) in {summary.Elapsed.TotalSeconds:0.00} s; {summary.RecordsSkipped} records skipped, {summary.EventsFiltered} events and {summary.FilesFiltered} files filtered out.");

    private static string Level(string level) => level switch
    {
        "critical" => "[bold red]critical[/]",
        "high" => "[red]high[/]",
        "medium" => "[yellow]medium[/]",
        "low" => "[blue]low[/]",
        _ => Markup.Escape(level),
    };
}
