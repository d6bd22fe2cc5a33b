using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>Files, directories and multi-document files: every problem is reported and every good rule kept.</summary>
public sealed class SigmaLoaderTests
{
    [Fact]
    public void WhenOneRuleOfAFileIsBrokenTheOtherRulesOfTheFileStillLoad()
    {
        var text = string.Join("---\n",
            RuleText.For("First", "A"),
            "title: Broken YAML\ndetection: [unclosed\n",
            RuleText.For("Third", "C"),
            RuleText.For("Fourth", "D").Replace("condition: selection", "condition: selection and", StringComparison.Ordinal),
            RuleText.For("Fifth", "E"));
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse(text, "rules/many.yml", SigmaOptions.Default, bag);

        Assert.Equal(["First", "Third", "Fifth"], rules.Rules.Select(rule => rule.Title));
        Assert.Equal(
            """
            rules/many.yml:14:1: RULE001: invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'.
            rules/many.yml:34:29: RULE014: invalid condition: expected a search identifier, 'not', '(' or '1 of'/'all of', found the end of the condition.
            """,
            DiagnosticsText.Of(bag));
    }

    [Fact]
    public void DirectoriesAreSearchedRecursivelyInOrdinalOrderSkippingHiddenFoldersAndOtherFiles()
    {
        using var directory = new TemporaryDirectory();
        directory.Write("b/second.yaml", RuleText.For("Second", "B"));
        directory.Write("a/nested/first.yml", RuleText.For("First", "A"));
        directory.Write("c.yml", RuleText.For("Third", "C"));
        directory.Write(".git/hidden.yml", RuleText.For("Hidden", "H"));
        directory.Write("notes.txt", "not a rule");
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Load([directory.Path, Path.Combine(directory.Path, "c.yml"), Path.Combine(directory.Path, "missing.yml")], SigmaOptions.Default, bag);

        Assert.Equal(["First", "Second", "Third"], rules.Rules.Select(rule => rule.Title));
        Assert.Equal($"{Path.Combine(directory.Path, "missing.yml")}: RULE037: no such file or directory.", DiagnosticsText.Of(bag));
    }

    [Fact]
    public void TwoRulesWithTheSameIdAreBothLoadedWithAWarning()
    {
        var id = "5b1f7c52-7f1d-4c39-a1f1-0f0d8a7e6b21";
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse(RuleText.For("One", "A", id) + "---\n" + RuleText.For("Two", "B", id), "rules/dup.yml", SigmaOptions.Default, bag);

        Assert.Equal(2, rules.Rules.Length);
        Assert.Equal($"rules/dup.yml:12:1: RULE011: id '{id}' is also used by the rule at rules/dup.yml:1:1.", DiagnosticsText.Of(bag));
    }

    [Fact]
    public void ProblemsInAGlobalDocumentAreReportedAtTheirOwnLines()
    {
        const string text = """
            action: global
            logsource:
                product: aws
            detection:
                shared:
                    eventSource|startwith: 'iam.'
                condition: shared and selection
            ---
            title: Uses the global document
            id: 2d6f3bde-0c5e-4f8f-9a59-6a4e7f1b2c3d
            detection:
                selection:
                    eventName: 'CreateUser'
            """;
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse(text, "rules/global.yml", SigmaOptions.Default, bag);

        Assert.Empty(rules.Rules);
        Assert.Equal(
            """
            rules/global.yml:9:1: RULE029: the rule has no level; Rampart treats it as medium.
            rules/global.yml:6:21: RULE012: unknown modifier 'startwith'; expected one of contains, startswith, endswith, all, exists, cased, neq, windash, re, i, m, s, base64, base64offset, utf16le, utf16be, utf16, wide, lt, lte, gt, gte, minute, hour, day, week, month, year, cidr, expand, fieldref, intel.
            """,
            DiagnosticsText.Of(bag));
    }

    [Fact]
    public void ARepeatDocumentReusesThePreviousRuleWithItsChanges()
    {
        var text = RuleText.For("Original", "StopLogging") + """
            ---
            action: repeat
            title: Repeated
            id: 7a3f5c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b
            detection:
                selection:
                    eventName: 'DeleteTrail'
            """;
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse(text, "rules/repeat.yml", SigmaOptions.Default, bag);

        Assert.Empty(bag.ToImmutableArray());
        Assert.Equal(["Original", "Repeated"], rules.Rules.Select(rule => rule.Title));
        var matches = new List<SigmaRule>();
        rules.Match(JsonLogEvent.Parse("""{"eventName":"DeleteTrail"}""", LogSourceTypes.CloudTrail), matches);
        Assert.Equal("Repeated", Assert.Single(matches).Title);
    }

    [Fact]
    public void DocumentsThatAreNotRulesAreRecognisedAndReported()
    {
        const string text = """
            - just
            - a list
            ---
            title: Only admins
            id: 3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a
            logsource:
                product: aws
            filter:
                rules:
                    - 5b1f7c52-7f1d-4c39-a1f1-0f0d8a7e6b21
                selection:
                    userIdentity.type: 'Root'
                condition: not selection
            ---
            action: replace
            """;
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse(text, "rules/other.yml", SigmaOptions.Default, bag);

        Assert.Empty(rules.Rules);
        Assert.Equal(
            """
            rules/other.yml:1:1: RULE005: a Sigma document must be a mapping of attributes such as title, logsource and detection.
            rules/other.yml:8:1: RULE036: Sigma filter 'Only admins' is recognised but not applied: the detection engine does not run filters yet.
            rules/other.yml:15:9: RULE035: action 'replace' is not one of global, reset, repeat.
            """,
            DiagnosticsText.Of(bag));
    }

    [Fact]
    public void HostileFilesAreReportedWithinTheLimits()
    {
        using var directory = new TemporaryDirectory();
        var large = directory.Write("large.yml", RuleText.For("Large", "A") + "# " + new string('x', 2048) + "\n");
        var deep = directory.Write("deep.yml", "title: Deep\ndetection: " + new string('[', 100) + new string(']', 100) + "\n");
        var options = SigmaOptions.Default with { MaxFileBytes = 1024, MaxYamlDepth = 16 };
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Load([large, deep], options, bag);

        Assert.Empty(rules.Rules);
        Assert.Equal(
            $"""
            {large}: RULE003: the file is {new FileInfo(large).Length:N0} bytes, more than the limit of 1,024; it is skipped.
            {deep}:2:27: RULE004: YAML nests deeper than the limit of 16 levels; the document is skipped.
            """,
            DiagnosticsText.Of(bag));
    }

    [Fact]
    public void RecursiveAndExplodingAliasesAreRefusedBeforeTheDocumentIsBuilt()
    {
        var text = string.Join("---\n",
            "title: Cycle\ndetection: &d\n    selection: *d\n",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
            RuleText.For("Aliases are fine", "A").Replace("'A'", "&name 'A'", StringComparison.Ordinal) + "fields: [*name]\n");
        var options = SigmaOptions.Default with { MaxYamlNodes = 1000 };
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse(text, "rules/alias.yml", options, bag);

        Assert.Equal("Aliases are fine", Assert.Single(rules.Rules).Title);
        Assert.Equal(
            """
            rules/alias.yml:3:16: RULE041: alias '*d' refers to a node that contains it; the document is skipped.
            rules/alias.yml:7:36: RULE041: YAML aliases expand the document beyond the limit of 1,000 nodes; the document is skipped.
            """,
            DiagnosticsText.Of(bag));
    }

    [Fact]
    public void RandomlyCorruptedRuleFilesAreReportedAndNeverThrow()
    {
        var sources = SigmaCase.All().Select(name => File.ReadAllText(Path.Combine(SigmaCase.Root, name, "rule.yml"))).ToList();
        var random = new Random(1234);
        const string noise = "\n\t :-|[]{}&*!%@'\"\\#?,>";
        var loaded = 0;

        for (var i = 0; i < 1500; i++)
        {
            var text = sources[random.Next(sources.Count)].ToCharArray().ToList();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0:
                        text.RemoveAt(at);
                        break;
                    case 1:
                        text.Insert(at, noise[random.Next(noise.Length)]);
                        break;
                    default:
                        text[at] = noise[random.Next(noise.Length)];
                        break;
                }
            }

            var bag = new DiagnosticBag();
            var rules = SigmaRuleSet.Parse(new string([.. text]), "fuzz.yml", SigmaOptions.Default, bag);
            loaded += rules.Rules.Length;
            Assert.All(bag.ToImmutableArray(), d => Assert.StartsWith("fuzz.yml", d.Location.Path, StringComparison.Ordinal));
        }

        Assert.True(loaded > 0, "some corrupted files should still hold valid rules");
    }

    [Fact]
    public void AValueThatExpandsBeyondTheLimitIsRejected()
    {
        var options = SigmaOptions.Default with { MaxValueExpansions = 100 };
        var bag = new DiagnosticBag();

        SigmaRuleSet.Parse("""
            title: Many dashes
            id: 0b9b4b6c-3f8e-4b8e-9d0a-2f0c6c7d1e21
            logsource:
                product: aws
            detection:
                selection:
                    commandLine|windash|contains: ' -a -b -c -d'
                condition: selection
            level: low
            """, "rules/x.yml", options, bag);

        Assert.Equal("rules/x.yml:7:39: RULE031: the value expands into more than 100 variants.", DiagnosticsText.Of(bag));
    }
}
