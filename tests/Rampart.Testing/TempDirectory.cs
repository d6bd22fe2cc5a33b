namespace Rampart.Testing;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rampart-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> to a file under the folder (creating subfolders) and returns its path.</summary>
    public string Write(string relative, string text)
    {
        var path = Combine(relative);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes <paramref name="bytes"/> to a file under the folder and returns its path.</summary>
    public string Write(string relative, byte[] bytes)
    {
        var path = Combine(relative);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Combine(string relative)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A reader still holding a file on a slow machine must not fail the test that used it.
        }
    }
}
