using System.Collections.Frozen;
using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Frameworks;

/// <summary>
/// Every framework in a directory (by default <c>content/frameworks</c>), and the index from a check id to the
/// controls that list it, which is how a result learns the <c>framework:control</c> references it maps to.
/// </summary>
public sealed class FrameworkCatalog
{
    private readonly FrozenDictionary<string, Framework> _byId;
    private readonly FrozenDictionary<string, ImmutableArray<ControlRef>> _byCheck;

    /// <summary>Builds a catalog from frameworks whose ids are unique.</summary>
    /// <exception cref="ArgumentException">Two frameworks share an id.</exception>
    public FrameworkCatalog(IEnumerable<Framework> frameworks)
    {
        Guard.NotNull(frameworks);
        Frameworks = [.. frameworks];
        _byId = Frameworks.ToFrozenDictionary(framework => framework.Id, StringComparer.Ordinal);
        _byCheck = Frameworks
            .SelectMany(framework => framework.Controls.SelectMany(control => control.Checks.Select(check => (check, reference: new ControlRef(framework.Id, control.Id)))))
            .GroupBy(pair => pair.check, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => pair.reference).ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>The frameworks, ordered by file name.</summary>
    public ImmutableArray<Framework> Frameworks { get; }

    /// <summary>
    /// Reads every <c>*.yml</c> and <c>*.yaml</c> file in <paramref name="directory"/> (not its subfolders), in
    /// file-name order. Problems go to <paramref name="sink"/>; a file whose framework id is already taken is skipped.
    /// </summary>
    public static FrameworkCatalog Load(string directory, IDiagnosticSink sink)
    {
        Guard.NotEmpty(directory);
        Guard.NotNull(sink);
        string[] files;
        try
        {
            files = [.. Directory.EnumerateFiles(directory)
                .Where(file => file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.Report(FrameworkDiagnostics.Unreadable(new SourceLocation(directory), e.Message));
            return new FrameworkCatalog([]);
        }

        var frameworks = new List<Framework>();
        foreach (var file in files)
        {
            var framework = FrameworkReader.Read(file, sink);
            if (framework is null)
                continue;
            var taken = frameworks.Find(known => known.Id == framework.Id);
            if (taken is not null)
            {
                sink.Report(FrameworkDiagnostics.DuplicateFramework(new SourceLocation(file, 1, 1), framework.Id, taken.Path));
                continue;
            }

            frameworks.Add(framework);
        }

        return new FrameworkCatalog(frameworks);
    }

    /// <summary>The framework with id <paramref name="id"/>, or null.</summary>
    public Framework? Find(string id) => _byId.GetValueOrDefault(Guard.NotNull(id));

    /// <summary>The control <paramref name="reference"/> names, or null when either part is unknown.</summary>
    public FrameworkControl? Find(ControlRef reference) => Find(reference.Framework)?.FindControl(reference.Control);

    /// <summary>The controls, across all frameworks, whose <c>checks</c> list <paramref name="checkId"/>; empty when none.</summary>
    public ImmutableArray<ControlRef> ControlsFor(string checkId) =>
        _byCheck.TryGetValue(Guard.NotNull(checkId), out var references) ? references : [];
}
