namespace Rampart.Detection.Tests.Sigma;

/// <summary>A scratch directory for tests that need files on disk; deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => System.IO.Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rampart-sigma-" + Guid.NewGuid().ToString("N"));

    public string Write(string relative, string content)
    {
        var path = System.IO.Path.Combine(Path, relative);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
}
