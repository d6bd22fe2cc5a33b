using System.Text.Json;
using Rampart.GameDays.Telemetry;
using Rampart.GameDays.Telemetry.Generation;
using Rampart.Testing;

namespace Rampart.GameDays.Tests;

public sealed class DeterminismTests
{
    private static TelemetryOptions Small(string directory, long seed = TelemetryOptions.DefaultSeed, int parallelism = 1) => new()
    {
        OutputDirectory = directory,
        Seed = seed,
        Duration = TimeSpan.FromHours(2),
        Size = TelemetrySize.Records(2500),
        MaxDegreeOfParallelism = parallelism,
    };

    private static string WithoutDirectory(TelemetryManifest manifest) =>
        JsonSerializer.Serialize(manifest with { OutputDirectory = "" }, ManifestJson.Options);

    [Fact]
    public void TheSameSeedWritesByteIdenticalFilesWhateverTheParallelism()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var one = TelemetryGenerator.Generate(Small(first.Path, parallelism: 1));
        var two = TelemetryGenerator.Generate(Small(second.Path, parallelism: 2));

        Assert.Equal(WithoutDirectory(one), WithoutDirectory(two));
        Assert.NotEmpty(one.Files);
        foreach (var file in one.Files)
        {
            var a = File.ReadAllBytes(Path.Combine(first.Path, file.Path));
            var b = File.ReadAllBytes(Path.Combine(second.Path, file.Path));
            Assert.True(a.AsSpan().SequenceEqual(b), file.Path);
        }
    }

    [Fact]
    public void AnotherSeedBuildsAnotherEstateAndOtherRecords()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var one = TelemetryGenerator.Generate(Small(first.Path));
        var two = TelemetryGenerator.Generate(Small(second.Path, seed: 7));

        Assert.Empty(one.AccountIds.Intersect(two.AccountIds));
        Assert.Empty(one.Files.Select(file => file.Path).Intersect(two.Files.Select(file => file.Path)));
        Assert.NotEqual(one.Attacks.Select(attack => attack.Time), two.Attacks.Select(attack => attack.Time));
    }

    [Fact]
    public void GeneratingAgainIntoTheSameDirectoryRewritesTheSameFiles()
    {
        using var directory = new TempDirectory();
        var one = TelemetryGenerator.Generate(Small(directory.Path));
        var before = one.Files.Select(file => File.ReadAllBytes(Path.Combine(directory.Path, file.Path))).ToList();
        var two = TelemetryGenerator.Generate(Small(directory.Path, parallelism: 2));

        Assert.Equal(WithoutDirectory(one), WithoutDirectory(two));
        for (var i = 0; i < two.Files.Length; i++)
            Assert.True(before[i].AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(directory.Path, two.Files[i].Path))));
    }
}
