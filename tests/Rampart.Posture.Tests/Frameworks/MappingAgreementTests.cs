using Rampart.Core.Diagnostics;
using Rampart.Posture.Checks;
using Rampart.Posture.Frameworks;
using Rampart.Testing;

namespace Rampart.Posture.Tests.Frameworks;

/// <summary>The frameworks' control-to-check lists and the checks' own <c>frameworks:</c> declarations say the same.</summary>
public sealed class MappingAgreementTests
{
    [Fact]
    public void EveryMappedCheckExistsAndDeclaresTheControlItIsMappedTo()
    {
        var checks = CheckLoader.LoadDirectory(RepositoryPaths.Combine("content", "checks"));
        var catalog = FrameworkCatalog.Load(RepositoryPaths.Combine("content", "frameworks"), NullDiagnosticSink.Instance);
        var byId = checks.Checks.ToDictionary(static c => c.Id, StringComparer.Ordinal);
        Assert.Empty(checks.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error));

        var mapped = 0;
        foreach (var framework in catalog.Frameworks)
        {
            foreach (var control in framework.Controls)
            {
                foreach (var checkId in control.Checks)
                {
                    Assert.True(byId.TryGetValue(checkId, out var check), $"{framework.Id}:{control.Id} maps to check '{checkId}', which does not exist");
                    Assert.True(check.Frameworks.TryGetValue(framework.Id, out var declared) && declared.Contains(control.Id),
                        $"{framework.Id}:{control.Id} maps to '{checkId}', which does not declare that control");
                    Assert.True(control.Automated, $"{framework.Id}:{control.Id} is marked manual but maps to '{checkId}'");
                    mapped++;
                }
            }
        }

        Assert.True(mapped >= 40, $"only {mapped} control-to-check mappings");
    }

    [Fact]
    public void EveryControlACheckDeclaresExistsAndListsTheCheck()
    {
        var checks = CheckLoader.LoadDirectory(RepositoryPaths.Combine("content", "checks"));
        var catalog = FrameworkCatalog.Load(RepositoryPaths.Combine("content", "frameworks"), NullDiagnosticSink.Instance);

        foreach (var check in checks.Checks)
        {
            foreach (var (frameworkId, controls) in check.Frameworks)
            {
                var framework = catalog.Find(frameworkId);
                Assert.True(framework is not null, $"check '{check.Id}' declares unknown framework '{frameworkId}'");
                foreach (var controlId in controls)
                {
                    var control = framework.FindControl(controlId);
                    Assert.True(control is not null, $"check '{check.Id}' declares {frameworkId}:{controlId}, which the framework does not have");
                    Assert.Contains(check.Id, control.Checks);
                }
            }
        }
    }

    // What a control can be judged on: FSBP controls are named after the service (`EC2.6`), CIS controls sit in sections
    // by subject. Account-level checks judge the account itself.
    private static readonly Dictionary<string, string[]> CisSectionServices = new(StringComparer.Ordinal)
    {
        ["1"] = ["IAM", "Account"],
        ["2"] = ["S3", "EC2", "RDS", "EFS"],
        ["3"] = ["CloudTrail", "Config", "KMS", "EC2", "S3", "Account"],
        ["4"] = ["Account", "SecurityHub"],
        ["5"] = ["EC2"],
    };

    [Fact]
    public void EveryMappedCheckJudgesResourcesOfItsControlsService()
    {
        var checks = CheckLoader.LoadDirectory(RepositoryPaths.Combine("content", "checks")).Checks;
        var catalog = FrameworkCatalog.Load(RepositoryPaths.Combine("content", "frameworks"), NullDiagnosticSink.Instance);
        var misfits = new List<string>();
        foreach (var check in checks)
        {
            var services = check.ResourceTypes.Select(static t => t.Split("::")[1]).ToList();
            foreach (var (frameworkId, controls) in check.Frameworks)
            {
                foreach (var controlId in controls)
                {
                    var allowed = frameworkId switch
                    {
                        "aws-fsbp" => [controlId.Split('.')[0], "Account"],
                        "cis-aws-3.0" => CisSectionServices[catalog.Find(frameworkId)!.FindControl(controlId)!.Section],
                        _ => services.ToArray(),
                    };
                    if (!services.All(allowed.Contains))
                        misfits.Add($"{check.Id} judges {string.Join(", ", check.ResourceTypes)} but maps to {frameworkId}:{controlId}");
                }
            }
        }

        Assert.Empty(misfits);
    }
}
