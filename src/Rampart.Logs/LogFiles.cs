using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Logs.Reading;

namespace Rampart.Logs;

/// <summary>Finds the log files under the paths a user gives.</summary>
public static class LogFiles
{
    /// <summary>
    /// Expands <paramref name="paths"/>: a file stands for itself, a folder for every file under it, recursively,
    /// in ordinal order of their paths (so S3 trees come out by account, region and day). CloudTrail digest and
    /// Insights files are left out (one Info diagnostic per folder, or per file named explicitly), as are hidden
    /// files (names starting with a dot) found in folders. A path that does not exist is an Error diagnostic.
    /// A file named twice is listed once.
    /// </summary>
    /// <param name="paths">Files and folders, as the user gave them.</param>
    /// <param name="diagnostics">Receives the problems and the skips.</param>
    /// <returns>The files to read, in a deterministic order.</returns>
    public static IReadOnlyList<string> Discover(IEnumerable<string> paths, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(paths);
        Guard.NotNull(diagnostics);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            Guard.NotNull(path);
            if (File.Exists(path))
            {
                switch (CloudTrailFileNames.Classify(path))
                {
                    case CloudTrailFileKind.Digest:
                        diagnostics.Report(LogDiagnostics.SkippedDigestFile(path));
                        break;
                    case CloudTrailFileKind.Insights:
                        diagnostics.Report(LogDiagnostics.SkippedInsightsFile(path));
                        break;
                    default:
                        if (seen.Add(Path.GetFullPath(path)))
                            files.Add(path);
                        break;
                }
            }
            else if (Directory.Exists(path))
            {
                AddFolder(path, files, seen, diagnostics);
            }
            else
            {
                diagnostics.Report(LogDiagnostics.PathNotFound(path));
            }
        }

        return files;
    }

    private static void AddFolder(string folder, List<string> files, HashSet<string> seen, IDiagnosticSink diagnostics)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.System,
            ReturnSpecialDirectories = false,
        };
        var found = Directory.EnumerateFiles(folder, "*", options)
            .Where(file => !IsHidden(Path.GetRelativePath(folder, file)))
            .Order(StringComparer.Ordinal);
        int digests = 0, insights = 0;
        foreach (var file in found)
        {
            switch (CloudTrailFileNames.Classify(file))
            {
                case CloudTrailFileKind.Digest:
                    digests++;
                    break;
                case CloudTrailFileKind.Insights:
                    insights++;
                    break;
                default:
                    if (seen.Add(Path.GetFullPath(file)))
                        files.Add(file);
                    break;
            }
        }

        if (digests + insights > 0)
            diagnostics.Report(LogDiagnostics.SkippedUnderFolder(folder, digests, insights));
    }

    // Hidden files and folders (.DS_Store, .git) below the folder the user named are not logs.
    private static bool IsHidden(string relative)
    {
        foreach (var range in relative.AsSpan().SplitAny('/', '\\'))
        {
            if (relative.AsSpan()[range] is ['.', _, ..])
                return true;
        }

        return false;
    }
}
