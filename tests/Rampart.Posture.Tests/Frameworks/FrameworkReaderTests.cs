using Rampart.Core.Diagnostics;
using Rampart.Posture.Frameworks;

namespace Rampart.Posture.Tests.Frameworks;

/// <summary>The framework file format: what loads, and every problem reported word for word with its location.</summary>
public sealed class FrameworkReaderTests
{
    private const string Path = "broken.yml";

    [Fact]
    public void AWellFormedFileLoadsEveryField()
    {
        var framework = Parse(
            """
            id: demo-1.0
            name: Demo
            version: "1.0"
            sections:
              - id: "1"
                title: Identity
            controls:
              - id: "1.10"
                section: "1"
                title: MFA for console users
                severity: high
                automated: true
                checks: [iam-user-mfa, iam-root-mfa]
              - id: "1.2"
                section: "1"
                title: Contact registered
                automated: false
                reason: Needs a person.
            """,
            out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(("demo-1.0", "Demo", "1.0", Path), (framework!.Id, framework.Name, framework.Version, framework.Path));
        Assert.Equal([new FrameworkSection("1", "Identity")], framework.Sections.ToArray());
        var mfa = framework.Controls[0];
        Assert.Equal(("1.10", "1", "MFA for console users", Rampart.Core.Severity.High, true, (string?)null), (mfa.Id, mfa.Section, mfa.Title, mfa.Severity, mfa.Automated, mfa.Reason));
        Assert.Equal(["iam-user-mfa", "iam-root-mfa"], mfa.Checks.ToArray());
        Assert.Equal(new SourceLocation(Path, 8, 5), mfa.Location);
        var contact = framework.Controls[1];
        Assert.Equal((false, "Needs a person.", (Rampart.Core.Severity?)null), (contact.Automated, contact.Reason, contact.Severity));
        Assert.Empty(contact.Checks);
    }

    [Fact]
    public void EveryProblemIsReportedWithItsLocationAndTheRestStillLoads()
    {
        var framework = Parse(
            """
            id: Demo:1
            name: Demo
            version: "1.0"
            owner: us
            sections:
              - id: "1"
                title: Identity
              - id: "1"
                title: Again
              - just text
            controls:
              - id: "1.1"
                section: "1"
                title: First
                automated: yes
                checks: []
              - id: "1.1"
                section: "1"
                title: Same id again
                automated: true
              - id: "1.2"
                section: "9"
                title: [not, a, string]
                severity: severe
                automated: false
                check: [x]
              - id: "1.3"
                section: "1"
                title: Automated with a reason
                automated: true
                reason: Not needed.
                checks: [a, a, {b: c}]
              - section: "1"
                title: No id
                automated: true
              - id: "1.4"
                section: "1"
                title: Checks not a list
                automated: true
                checks: a-check
            """,
            out var diagnostics);

        Assert.Equal(
            [
                "broken.yml:4:1: FW003: unknown key `owner` in the framework; expected one of `id`, `name`, `version`, `sections`, `controls`.",
                "broken.yml:1:5: FW010: framework id `Demo:1` must be lowercase letters, digits, `.` and `-`, starting with a letter or digit.",
                "broken.yml:8:5: FW007: section `1` is declared twice; this one is skipped.",
                "broken.yml:10:5: FW004: `sections[]` must be a mapping with `id` and `title`.",
                "broken.yml:15:16: FW004: `automated` must be `true` or `false`.",
                "broken.yml:17:5: FW006: control `1.1` is declared twice (first at line 12); this one is skipped.",
                "broken.yml:26:5: FW003: unknown key `check` in a control; expected one of `id`, `section`, `title`, `severity`, `automated`, `reason`, `checks`.",
                "broken.yml:23:12: FW004: `title` must be a non-empty string.",
                "broken.yml:24:15: FW009: severity `severe` is not one of `informational`, `low`, `medium`, `high`, `critical`.",
                "broken.yml:21:5: FW011: control `1.2` is not automated and gives no `reason`.",
                "broken.yml:21:5: FW008: control `1.2` names section `9`, which is not declared under `sections`.",
                "broken.yml:32:17: FW013: control `1.3` lists check `a` twice.",
                "broken.yml:32:20: FW004: `checks[]` must be a non-empty string.",
                "broken.yml:31:13: FW012: control `1.3` is automated; its `reason` is ignored.",
                "broken.yml:33:5: FW005: a control has no `id`.",
                "broken.yml:40:13: FW004: `checks` must be a list of check ids.",
            ],
            diagnostics);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], framework!.Controls.Select(control => control.Id));
        Assert.Equal(["a"], framework.Controls[2].Checks.ToArray());
        Assert.Equal([new FrameworkSection("1", "Identity")], framework.Sections.ToArray());
    }

    [Fact]
    public void AFileWithoutTheRequiredKeysSaysWhichAreMissing()
    {
        var framework = Parse("name: Demo\n", out var diagnostics);

        Assert.Equal(
            [
                "broken.yml:1:1: FW005: the framework has no `id`.",
                "broken.yml:1:1: FW005: the framework has no `version`.",
                "broken.yml:1:1: FW005: the framework has no `sections`.",
                "broken.yml:1:1: FW005: the framework has no `controls`.",
            ],
            diagnostics);
        Assert.Equal("broken", framework!.Id);
    }

    [Fact]
    public void BrokenYamlIsReportedWhereTheParserStopped()
    {
        var framework = Parse("id: demo\ncontrols:\n  - id: \"1.1\n", out var diagnostics);

        Assert.Null(framework);
        Assert.Equal(["broken.yml:3:9: FW002: invalid YAML: While scanning a quoted scalar, found unexpected end of stream."], diagnostics);
    }

    [Fact]
    public void ADuplicateKeyIsInvalidYaml()
    {
        var framework = Parse("id: demo\nid: other\n", out var diagnostics);

        Assert.Null(framework);
        Assert.Equal("broken.yml:2:1: FW002: invalid YAML: Duplicate key id.", Assert.Single(diagnostics));
    }

    [Fact]
    public void ADocumentThatIsNotAMappingIsRejected()
    {
        var framework = Parse("- a\n- b\n", out var diagnostics);

        Assert.Null(framework);
        Assert.Equal(["broken.yml:1:1: FW004: `(document)` must be a mapping with `id`, `name`, `version`, `sections` and `controls`."], diagnostics);
    }

    [Fact]
    public void AMissingFileIsReportedNotThrown()
    {
        var diagnostics = new DiagnosticBag();
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rampart-no-such-framework.yml");

        Assert.Null(FrameworkReader.Read(missing, diagnostics));
        var diagnostic = Assert.Single(diagnostics.ToImmutableArray());
        Assert.Equal(("FW001", missing), (diagnostic.Code, diagnostic.Location.Path));
    }

    [Fact]
    public void TheCatalogSkipsASecondFileWithTheSameFrameworkId()
    {
        var directory = Directory.CreateTempSubdirectory("rampart-frameworks-").FullName;
        try
        {
            const string Text = "id: demo\nname: Demo\nversion: \"1\"\nsections: []\ncontrols:\n  - id: \"1\"\n    section: \"1\"\n    title: One\n    automated: true\n    checks: [c]\n";
            File.WriteAllText(System.IO.Path.Combine(directory, "a.yml"), Text);
            File.WriteAllText(System.IO.Path.Combine(directory, "b.yaml"), Text);
            File.WriteAllText(System.IO.Path.Combine(directory, "notes.txt"), "ignored");
            var diagnostics = new DiagnosticBag();

            var catalog = FrameworkCatalog.Load(directory, diagnostics);

            Assert.Equal(["demo"], catalog.Frameworks.Select(framework => framework.Id));
            Assert.Equal(
                [
                    $"{directory}/a.yml:6:5: FW008: control `1` names section `1`, which is not declared under `sections`.",
                    $"{directory}/b.yaml:6:5: FW008: control `1` names section `1`, which is not declared under `sections`.",
                    $"{directory}/b.yaml:1:1: FW014: framework `demo` is already loaded from {directory}/a.yml; this file is skipped.",
                ],
                diagnostics.ToImmutableArray().Select(diagnostic => diagnostic.ToString()));
            Assert.Equal([new ControlRef("demo", "1")], catalog.ControlsFor("c").ToArray());
            Assert.Empty(catalog.ControlsFor("other"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Framework? Parse(string text, out string[] diagnostics)
    {
        var bag = new DiagnosticBag();
        var framework = FrameworkReader.Parse(text, Path, bag);
        diagnostics = [.. bag.ToImmutableArray().Select(diagnostic => diagnostic.ToString())];
        return framework;
    }
}
