using Rampart.Posture.Checks;

namespace Rampart.Posture.Tests.Checks;

public sealed class CheckValidationTests
{
    private static string[] Problems(string yaml) => [.. CheckLoader.Parse(yaml, "checks.yml").Diagnostics.Select(static d => d.ToString())];

    [Fact]
    public void EveryProblemOfAFileIsReportedAtOnceWithItsLocation()
    {
        var problems = Problems("""
            id: Bad_Id
            title: t
            severity: severe
            resource: AWS::EC2::SecurityGroup
            remedation: typo
            assert:
              all:
                - {path: configuration.A, op: equal, value: 1}
                - {path: 'configuration.[', op: exists}
                - {path: configuration.A, op: gt, value: ten}
                - {path: config.A, op: exists}
                - {path: 'configuration.R[*].Cidr', op: cidr-public}
                - {path: configuration.A, op: exists, value: 1}
                - {path: configuration.A, op: matches, value: '(?<=a)b'}
                - {path: configuration.A, op: ports-include, value: 70000}
            examples:
              - name: wrong type
                status: MAYBE
                resource: {type: AWS::S3::Bucket}
            """);
        Assert.Equal(
        [
            "checks.yml:1:5: CHK013: check id `Bad_Id` must be lowercase letters, digits, `-` and `.`, starting with a letter.",
            "checks.yml:3:11: CHK006: unknown severity `severe`; expected one of `informational`, `low`, `medium`, `high`, `critical`.",
            "checks.yml:5:1: CHK003: unknown key `remedation` (did you mean `remediation`?); expected one of `id`, `title`, `description`, `severity`, `resource`, `frameworks`, `remediation`, `applies`, `assert`, `evidence`, `plugin`, `parameters`, `examples`.",
            "checks.yml:8:35: CHK007: unknown operator `equal` (did you mean `equals`?); expected one of `equals`, `not-equals`, `in`, `not-in`, `exists`, `absent`, `empty`, `not-empty`, `gt`, `gte`, `lt`, `lte`, `contains`, `starts-with`, `matches`, `older-than-days`, `newer-than-days`, `cidr-public`, `cidr-contains`, `ports-include`, `policy-allows-public`, `policy-allows-cross-account`, `policy-denies-insecure-transport`.",
            "checks.yml:10:46: CHK009: `gt` takes a number as its value.",
            "checks.yml:11:14: CHK014: `config.A` starts at `config`; a path starts at one of `key`, `type`, `account`, `region`, `id`, `configuration`, `supplementary`, `tags`.",
            "checks.yml:12:7: CHK015: `configuration.R[*].Cidr` projects a list but `cidr-public` judges one value; use `some`, `each` or `none` over the list.",
            "checks.yml:13:50: CHK017: `exists` takes no value.",
            "checks.yml:14:51: CHK009: `matches` takes a regular expression (.NET syntax, no backreferences or lookarounds) as its value.",
            "checks.yml:15:57: CHK009: `ports-include` takes a port (`22`), a range (`1024-2048`), either with `/tcp`, `/udp` or a protocol number, or `all` as its value.",
            "checks.yml:18:13: CHK016: unknown status `MAYBE`; expected one of `PASS`, `FAIL`, `ERROR`, `NOT_APPLICABLE`.",
            "checks.yml:19:22: CHK011: the example's resource type `AWS::S3::Bucket` is not one the check judges (`AWS::EC2::SecurityGroup`).",
        ], problems.Where(static p => !p.Contains("CHK008", StringComparison.Ordinal)));
        Assert.Contains("checks.yml:9:14: CHK008: `configuration.[` is not valid JMESPath: Error(1, 14): syntax, near ''.", problems);
        Assert.Empty(CheckLoader.Parse("id: Bad_Id\ntitle: t\nseverity: low\nresource: AWS::A::B\nassert: {path: key, op: exists}", "x.yml").Checks);
    }

    [Fact]
    public void DuplicateIdsAcrossDocumentsAreReportedWithTheFirstPlace()
    {
        var problems = Problems("""
            id: same-id
            title: t
            severity: low
            resource: AWS::A::B
            assert: {path: key, op: exists}
            examples: [{status: PASS, resource: {}}]
            ---
            id: same-id
            title: t
            severity: low
            resource: AWS::A::B
            assert: {path: key, op: exists}
            examples: [{status: PASS, resource: {}}]
            """);
        Assert.Equal(["checks.yml:8:5: CHK010: duplicate check id `same-id`; first defined at checks.yml:1:5."], problems);
    }

    [Fact]
    public void MissingKeysAndMisshapenConditionsAreReported()
    {
        var problems = Problems("""
            id: no-assert
            severity: low
            resource: [AWS::A::B, NotAType]
            applies: {path: key, op: exists, all: []}
            """);
        Assert.Equal(
        [
            "checks.yml:1:1: CHK004: a check has no `title`.",
            "checks.yml:1:1: CHK004: a check has no `assert`.",
            "checks.yml:1:5: CHK020: check `no-assert` has no examples; add at least one that passes and one that fails.",
            "checks.yml:3:23: CHK018: resource type `NotAType` must read `Vendor::Service::Type` (`AWS::S3::Bucket`).",
            "checks.yml:4:10: CHK012: a condition has exactly one of `all`, `any`, `not`, or `path` with `op` or with one of `each`, `some`, `none`.",
        ], problems);
    }

    [Fact]
    public void ASyntaxErrorIsReportedWhereTheParserStopped()
    {
        var problems = Problems("id: x\ntitle: [unclosed\n");
        Assert.Single(problems);
        Assert.StartsWith("checks.yml:3:1: CHK001: YAML syntax error: ", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheJsonSchemaNamesEveryOperatorAndEveryTopLevelKey()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Directory.Packages.props")))
            directory = directory.Parent;
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.FullName, "docs", "schemas", "check.schema.json")));
        var operators = schema.RootElement.GetProperty("$defs").GetProperty("leaf").GetProperty("properties").GetProperty("op").GetProperty("enum")
            .EnumerateArray().Select(static e => e.GetString()!).ToArray();
        Assert.Equal(CheckOperators.Names.ToArray(), operators);
        var keys = schema.RootElement.GetProperty("properties").EnumerateObject().Select(static p => p.Name).ToArray();
        Assert.Equal(["id", "title", "description", "severity", "resource", "frameworks", "remediation", "applies", "assert", "evidence", "plugin", "parameters", "examples"], keys);
        var plugins = schema.RootElement.GetProperty("properties").GetProperty("plugin").GetProperty("enum").EnumerateArray().Select(static e => e.GetString()!).ToArray();
        Assert.Equal(Rampart.Posture.Checks.Plugins.CheckPlugins.Names.ToArray(), plugins);
    }

    [Fact]
    public void APluginCheckIsToldWhatItsPluginNeeds()
    {
        var problems = Problems("""
            id: chain
            title: t
            severity: low
            resource: AWS::S3::Bucket
            plugin: metric-alarm-chain
            parameters: {matches: [not-an-event]}
            assert: {path: configuration.A, op: exists}
            examples:
              - status: PASS
                resource: {configuration: {}}
            ---
            id: typo
            title: t
            severity: low
            resource: AWS::EC2::VPC
            plugin: vpc-flow-log
            ---
            id: stray
            title: t
            severity: low
            resource: AWS::EC2::VPC
            parameters: {traffic: [ALL]}
            assert: {path: configuration.A, op: exists}
            examples:
              - status: PASS
                resources: [{configuration: {}}]
            """);

        string[] expected =
        [
            "checks.yml:1:5: CHK020: check `chain` has no examples; add at least one that passes and one that fails.",
            "checks.yml:4:11: CHK025: plugin `metric-alarm-chain` judges `Rampart::Account::Account`; the check's `resource` must be `Rampart::Account::Account`.",
            "checks.yml:6:13: CHK023: plugin `metric-alarm-chain`: `parameters.matches` must be a list of log events (objects).",
            "checks.yml:6:13: CHK023: plugin `metric-alarm-chain`: `parameters.matches` must list at least one log event (an object) the metric filter has to catch.",
            "checks.yml:7:9: CHK024: a plugin check has no `assert`: the plugin judges and gives the evidence.",
            "checks.yml:9:5: CHK004: an example has no `resources`.",
            "checks.yml:10:15: CHK024: a plugin check's example lists `resources` (of any types), not one `resource`.",
            "checks.yml:12:5: CHK020: check `typo` has no examples; add at least one that passes and one that fails.",
            "checks.yml:16:9: CHK022: unknown plugin `vpc-flow-log` (did you mean `vpc-flow-logs`?); expected one of `account-trail`, `metric-alarm-chain`, `root-hardware-mfa`, `s3-object-events`, `trail-bucket`, `vpc-flow-logs`.",
            "checks.yml:18:5: CHK020: check `stray` has no examples; add at least one that passes and one that fails.",
            "checks.yml:22:13: CHK024: `parameters` belong to a plugin check; name the plugin with `plugin`.",
            "checks.yml:25:5: CHK004: an example has no `resource`.",
            "checks.yml:26:16: CHK024: `resources` belongs to a plugin check's example; this check is shown one `resource`.",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), problems.Order(StringComparer.Ordinal));
    }
}
