using Rampart.GameDays.Telemetry;
using Rampart.Testing;

namespace Rampart.GameDays.Tests;

/// <summary>One small generation with every source and every attack, shared by the tests that only read it.</summary>
public sealed class GeneratedTelemetry : IDisposable
{
    private readonly TempDirectory _directory = new();

    public GeneratedTelemetry()
    {
        Options = new TelemetryOptions
        {
            OutputDirectory = _directory.Path,
            Duration = TimeSpan.FromHours(6),
            Size = TelemetrySize.Records(6000),
            MaxDegreeOfParallelism = 2,
        };
        Manifest = TelemetryGenerator.Generate(Options);
    }

    public TelemetryOptions Options { get; }

    public TelemetryManifest Manifest { get; }

    public string Root => _directory.Path;

    public IEnumerable<TelemetryFile> FilesOf(string sourceType) => Manifest.Files.Where(file => file.SourceType == sourceType);

    public string FullPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose() => _directory.Dispose();
}
