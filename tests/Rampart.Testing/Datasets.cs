using Xunit;

namespace Rampart.Testing;

/// <summary>
/// Finds <c>../shared/datasets</c> (or <c>RAMPART_DATASETS</c>). Tests that need it call
/// <see cref="Require"/>, which skips the test with a message naming the folder when it is absent.
/// </summary>
public static class Datasets
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The datasets folder, or null when absent.</summary>
    public static string? Directory => Root.Value;

    /// <summary>The path of <paramref name="relative"/> under the datasets folder; skips the test when absent.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        Skip.If(root is null, "datasets not found: set RAMPART_DATASETS or place them at ../shared/datasets beside the repository");
        var path = Path.Combine(root!, relative);
        Skip.If(!File.Exists(path) && !System.IO.Directory.Exists(path), $"dataset {path} not found");
        return path;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("RAMPART_DATASETS");
        if (!string.IsNullOrEmpty(env))
            return System.IO.Directory.Exists(env) ? env : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rampart.slnx")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets"));
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
