using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma.Loading;
using Rampart.Detection.Sigma.LogSources;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Compilation;

/// <summary>
/// What compiling one rule needs and what it found: where its nodes are, its options and field mapping,
/// and whether a problem rejected it (an error) or made it unrunnable here (a skip).
/// </summary>
internal sealed class RuleContext(YamlSource source, SigmaOptions options, List<Diagnostic> diagnostics)
{
    private readonly HashSet<string> _reportedFields = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedPlaceholders = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _reportedIntelLists = new(StringComparer.OrdinalIgnoreCase);

    public YamlSource Source { get; } = source;

    public SigmaOptions Options { get; } = options;

    /// <summary>How field names resolve; set once the log source is known.</summary>
    public FieldResolver Fields { get; set; } = FieldResolver.Identity;

    /// <summary>Whether the compiled rule will run (regexes are then compiled to IL), or is only validated.</summary>
    public bool ForExecution { get; set; }

    /// <summary>An error was reported: the rule is invalid.</summary>
    public bool Rejected { get; private set; }

    /// <summary>The rule is valid but cannot run here (unsupported syntax, missing placeholders).</summary>
    public bool Skipped { get; set; }

    public void Report(Diagnostic diagnostic)
    {
        diagnostics.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
            Rejected = true;
    }

    /// <summary>Reports a field once per rule however often it is used.</summary>
    public bool FirstReportOfField(string field) => _reportedFields.Add(field);

    public bool FirstReportOfPlaceholder(string name) => _reportedPlaceholders.Add(name);

    public bool FirstReportOfIntelList(string name) => _reportedIntelLists.Add(name);

    /// <summary>The fields the rule looks up in threat-intelligence lists, to tell which indicator a hit matched.</summary>
    public List<IntelProbe> IntelProbes { get; } = [];
}
