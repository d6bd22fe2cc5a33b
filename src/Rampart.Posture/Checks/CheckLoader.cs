using System.Collections.Immutable;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Checks;

/// <summary>
/// Loads check files (YAML, one check per document) and validates them, reporting every problem at once with its
/// location. Duplicate ids are found across all the files of one load.
/// </summary>
public static class CheckLoader
{
    /// <summary>Parses and validates the checks of one file's text; <paramref name="path"/> is used in locations.</summary>
    public static CheckLoadResult Parse(string text, string path)
    {
        Core.Guard.NotNull(text);
        Core.Guard.NotNull(path);
        return Load([(path, text)]);
    }

    /// <summary>Reads and validates the given files.</summary>
    public static CheckLoadResult LoadFiles(IEnumerable<string> paths) =>
        Load(Core.Guard.NotNull(paths).Select(static path => (path, File.ReadAllText(path))));

    /// <summary>Reads and validates every <c>*.yml</c> and <c>*.yaml</c> file under <paramref name="directory"/>, in path order.</summary>
    public static CheckLoadResult LoadDirectory(string directory) => LoadDirectory(directory, directPaths: true);

    /// <summary>
    /// As <see cref="LoadDirectory(string)"/>; with <paramref name="directPaths"/> false every path is run by JmesPath.Net,
    /// the baseline the benchmarks measure the direct paths against.
    /// </summary>
    internal static CheckLoadResult LoadDirectory(string directory, bool directPaths)
    {
        Core.Guard.NotEmpty(directory);
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(static f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return Load(files.Select(static path => (path, File.ReadAllText(path))), directPaths);
    }

    private static CheckLoadResult Load(IEnumerable<(string Path, string Text)> files, bool directPaths = true)
    {
        var diagnostics = new DiagnosticBag();
        var checks = ImmutableArray.CreateBuilder<CheckDefinition>();
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            // A file's problems are reported in the order of the text, whatever order the parser met them in.
            var own = new DiagnosticBag();
            var parsed = new CheckFileParser(path, own, directPaths).Parse(text);
            foreach (var diagnostic in own.ToImmutableArray().OrderBy(static d => d.Location.Line).ThenBy(static d => d.Location.Column))
                diagnostics.Report(diagnostic);
            foreach (var (check, idLocation, valid) in parsed)
            {
                if (ids.TryGetValue(check.Id, out var first))
                {
                    diagnostics.Report(CheckDiagnostics.DuplicateId(idLocation, check.Id, first));
                    continue;
                }

                ids[check.Id] = idLocation;
                if (valid)
                    checks.Add(check);
            }
        }

        return new CheckLoadResult(checks.ToImmutable(), diagnostics.ToImmutableArray());
    }
}
