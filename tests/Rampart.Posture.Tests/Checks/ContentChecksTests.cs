using Rampart.Posture.Checks;

namespace Rampart.Posture.Tests.Checks;

public sealed class ContentChecksTests
{
    private static readonly string Directory = Path.Combine(Root(), "content", "checks");

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("the repository root is not above the test binaries");
    }

    [Fact]
    public void EveryShippedCheckValidatesWithoutAnyDiagnostic()
    {
        var loaded = CheckLoader.LoadDirectory(Directory);
        Assert.Empty(loaded.Diagnostics.Select(static d => d.ToString()));
        Assert.True(loaded.Checks.Length >= 20, $"{loaded.Checks.Length} checks");
    }

    [Fact]
    public void EveryExampleOfEveryShippedCheckGivesItsExpectedStatus()
    {
        var pack = CheckPack.Compile(CheckLoader.LoadDirectory(Directory).Checks);
        var outcomes = pack.Checks.SelectMany(check => check.RunExamples(Resources.Now)).ToList();
        Assert.Empty(outcomes.Where(static o => !o.Passed).Select(static o => o.ToString()));
        Assert.True(outcomes.Count >= 2 * pack.Checks.Length, $"{outcomes.Count} examples");
        Assert.Contains(outcomes, static o => o.Actual.Status == CheckStatus.Fail);
        Assert.Contains(outcomes, static o => o.Actual.Status == CheckStatus.NotApplicable);
    }

    [Fact]
    public void EveryShippedCheckHasAPassingAndAFailingExampleAndMapsToAFramework()
    {
        var checks = CheckLoader.LoadDirectory(Directory).Checks;
        Assert.All(checks, check =>
        {
            Assert.Contains(check.Examples, static e => e.Expected == CheckStatus.Pass);
            Assert.Contains(check.Examples, static e => e.Expected == CheckStatus.Fail);
        });
        Assert.All(checks.Where(static c => c.Id != "s3-bucket-default-encryption"), static check => Assert.NotEmpty(check.Frameworks));
    }

    [SkippableFact]
    public void EveryMappedControlExistsInTheFrameworkItNames()
    {
        var frameworks = Path.Combine(Root(), "..", "shared", "datasets", "posture", "frameworks");
        Skip.IfNot(System.IO.Directory.Exists(frameworks), "the shared framework lists are not beside the repository");
        var files = new Dictionary<string, string>
        {
            ["cis-aws-3.0"] = "cis_3.0_aws.json",
            ["aws-fsbp"] = "aws_foundational_security_best_practices_aws.json",
            ["wa-sec"] = "aws_well_architected_framework_security_pillar_aws.json",
        };
        var known = files.ToDictionary(pair => pair.Key, pair =>
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(frameworks, pair.Value)));
            return document.RootElement.GetProperty("Requirements").EnumerateArray().Select(static r => r.GetProperty("Id").GetString()!).ToHashSet();
        });
        var unknown = CheckLoader.LoadDirectory(Directory).Checks
            .SelectMany(static check => check.Frameworks.SelectMany(pair => pair.Value.Select(control => (check.Id, Framework: pair.Key, Control: control))))
            .Where(m => !known.TryGetValue(m.Framework, out var ids) || !ids.Contains(m.Control))
            .Select(static m => $"{m.Id}: {m.Framework}:{m.Control}");
        Assert.Empty(unknown);
    }
}
