using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>The main kinds of rule problems, reported word for word with the location of the offending node.</summary>
public sealed class SigmaDiagnosticTests
{
    private const string Header = """
        title: Test rule
        id: 0b9b4b6c-3f8e-4b8e-9d0a-2f0c6c7d1e21
        logsource:
            product: aws
            service: cloudtrail

        """;

    [Fact]
    public void AnUnknownModifierIsReportedAtTheModifierWithTheListOfModifiers()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection:
                    eventName|contians: 'Delete'
                condition: selection
            level: high
            """);

        Assert.Equal(
            "rules/x.yml:8:19: RULE012: unknown modifier 'contians'; expected one of contains, startswith, endswith, all, exists, cased, neq, windash, re, i, m, s, base64, base64offset, utf16le, utf16be, utf16, wide, lt, lte, gt, gte, minute, hour, day, week, month, year, cidr, expand, fieldref, intel.",
            diagnostics);
    }

    [Fact]
    public void AConditionSyntaxErrorPointsAtTheColumnOfTheOffendingToken()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection:
                    eventName: 'DeleteTrail'
                filter:
                    userAgent: 'terraform'
                condition: selection and and not filter
            level: high
            """);

        Assert.Equal(
            "rules/x.yml:11:30: RULE014: invalid condition: expected a search identifier, 'not', '(' or '1 of'/'all of', found 'and'.",
            diagnostics);
    }

    [Fact]
    public void AnUnclosedParenthesisIsReportedAtTheEndOfTheCondition()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection:
                    eventName: 'DeleteTrail'
                condition: '(selection'
            level: high
            """);

        Assert.Equal(
            "rules/x.yml:9:27: RULE014: invalid condition: expected ')' to close the '(' at column 1, found the end of the condition.",
            diagnostics);
    }

    [Fact]
    public void EveryUndefinedIdentifierAndEmptyPatternIsReported()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection:
                    eventName: 'DeleteTrail'
                condition: selection and not filter and not 1 of exclusion_*
            level: high
            """);

        Assert.Equal(
            """
            rules/x.yml:9:34: RULE015: the condition refers to 'filter', which detection does not define.
            rules/x.yml:9:54: RULE016: 'exclusion_*' matches no search identifier of detection.
            """,
            diagnostics);
    }

    [Fact]
    public void AnInvalidRegularExpressionIsReportedAtItsValue()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection:
                    userAgent|re: 'Boto3/(1\.[0-9]+'
                condition: selection
            level: high
            """);

        Assert.Equal(
            @"rules/x.yml:8:23: RULE017: 'Boto3/(1\.[0-9]+' is not a valid regular expression: insufficient closing parentheses at offset 16.",
            diagnostics);
    }

    [Fact]
    public void MissingTitleAndDetectionAreBothReported()
    {
        var diagnostics = Diagnose("""
            id: 0b9b4b6c-3f8e-4b8e-9d0a-2f0c6c7d1e21
            logsource:
                product: aws
            level: high
            """);

        Assert.Equal(
            """
            rules/x.yml:1:1: RULE006: the rule has no 'title', which is required.
            rules/x.yml:1:1: RULE006: the rule has no 'detection', which is required.
            """,
            diagnostics);
    }

    [Fact]
    public void AnUnknownLevelRejectsTheRule()
    {
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse(Header + """
            detection:
                selection:
                    eventName: 'DeleteTrail'
                condition: selection
            level: severe
            """, "rules/x.yml", SigmaOptions.Default, bag);

        Assert.Equal("rules/x.yml:10:8: RULE025: level 'severe' is not one of informational, low, medium, high, critical.", DiagnosticsText.Of(bag));
        Assert.Empty(rules.Rules);
    }

    [Fact]
    public void AV1AggregationIsReportedAsUnsupportedWithTheAggregation()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection:
                    eventName: 'ListBuckets'
                timeframe: 10m
                condition: selection | count() by sourceIPAddress > 5
            level: low
            """);

        Assert.Equal(
            "rules/x.yml:10:26: RULE018: the rule is not supported: v1 aggregation '| count() by sourceIPAddress > 5'; Sigma v2 expresses this as a correlation rule. The rule is skipped.",
            diagnostics);
    }

    [Fact]
    public void ModifiersThatCannotBeCombinedAreReportedAtTheOffendingModifier()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection:
                    a|contains|re: 'x'
                    b|i: 'y'
                    c|exists|all: true
                    d|contains|base64: 'z'
                condition: selection
            level: high
            """);

        Assert.Equal(
            """
            rules/x.yml:8:20: RULE013: modifier 're' must come before the modifiers that change the value, such as 'contains'.
            rules/x.yml:9:11: RULE013: modifier 'i' only applies after 're'.
            rules/x.yml:10:11: RULE013: modifier 'exists' must be used alone.
            rules/x.yml:11:20: RULE013: modifier 'base64' cannot encode a value with wildcards; put 'contains', 'startswith' or 'endswith' after it.
            """,
            diagnostics);
    }

    [Fact]
    public void ValuesOfTheWrongTypeAreReportedAtTheValue()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection:
                    a|cidr: '10.0.0.0/33'
                    b|gt: 'many'
                    c|hour: 24
                    d|exists: maybe
                    e|contains: null
                    f:
                        nested: map
                condition: selection
            level: high
            """);

        Assert.Equal(
            """
            rules/x.yml:8:17: RULE039: '10.0.0.0/33' is not an IPv4 or IPv6 network such as 10.0.0.0/8 or 2001:db8::/32.
            rules/x.yml:9:15: RULE023: modifier 'gt' compares with a number; 'many' is not one.
            rules/x.yml:10:17: RULE023: modifier 'hour' takes a whole number from 0 to 23; '24' is not one.
            rules/x.yml:11:19: RULE023: modifier 'exists' takes one value, true or false.
            rules/x.yml:12:21: RULE023: null cannot be combined with modifier 'contains'; null means the field is absent or null.
            rules/x.yml:14:13: RULE023: field 'f' has a mapping as its value; expected a string, number, boolean, null or a list of them.
            """,
            diagnostics);
    }

    [Fact]
    public void AnEmptyConditionAndAnUnsupportedQuantifierAreSyntaxErrors()
    {
        var diagnostics = Diagnose(Header + """
            detection:
                selection_a:
                    eventName: 'A'
                selection_b:
                    eventName: 'B'
                condition:
                    - 2 of selection_*
                    - selection_a or
            level: high
            """);

        Assert.Equal(
            """
            rules/x.yml:12:11: RULE014: invalid condition: '2 of' is not Sigma; write '1 of', 'any of' or 'all of'.
            rules/x.yml:13:25: RULE014: invalid condition: expected a search identifier, 'not', '(' or '1 of'/'all of', found the end of the condition.
            """,
            diagnostics);
    }

    [Fact]
    public void AConditionNestedBeyondTheLimitIsReported()
    {
        var options = SigmaOptions.Default with { MaxConditionDepth = 3 };
        var bag = new DiagnosticBag();

        SigmaRuleSet.Parse(Header + """
            detection:
                selection:
                    eventName: 'A'
                condition: not (not (not (selection)))
            level: high
            """, "rules/x.yml", options, bag);

        Assert.Equal("rules/x.yml:9:25: RULE032: the condition nests deeper than the limit of 3 levels.", DiagnosticsText.Of(bag));
    }

    [Fact]
    public void InvalidMetadataIsReportedAsWarningsAndTheRuleStillLoads()
    {
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse("""
            title: Test rule
            id: not-a-uuid
            status: beta
            date: 13/12/2022
            modified: 2022/12/13
            tags:
                - attack.t1078
                - Attack T1078
            logsource:
                product: aws
            detection:
                selection:
                    eventName: 'A'
                condition: selection
            level: low
            """, "rules/x.yml", SigmaOptions.Default, bag);

        Assert.Equal(
            """
            rules/x.yml:2:5: RULE009: id 'not-a-uuid' is not a UUID such as 929a690e-bef0-4204-a928-ef5e620d6fcc.
            rules/x.yml:3:9: RULE026: status 'beta' is not one of stable, test, experimental, deprecated, unsupported.
            rules/x.yml:8:7: RULE027: tag 'Attack T1078' is not of the form namespace.name in lower-case letters, digits, '_', '-' and '.'.
            rules/x.yml:4:7: RULE028: 'date' value '13/12/2022' is not a date of the form YYYY-MM-DD; it is ignored.
            """,
            DiagnosticsText.Of(bag));
        var rule = Assert.Single(rules.Rules);
        Assert.Equal(new DateOnly(2022, 12, 13), rule.Modified);
        Assert.Null(rule.Date);
    }

    [Fact]
    public void ARuleForAnotherProductIsSkippedWithAnInfoButItsProblemsAreStillReported()
    {
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Parse("""
            title: Whoami
            id: 0b9b4b6c-3f8e-4b8e-9d0a-2f0c6c7d1e21
            logsource:
                product: windows
                category: process_creation
            detection:
                selection:
                    Image|endswith: '\whoami.exe'
                    CommandLine|contains|windash: '-all'
                condition: selection
            level: high
            """, "rules/x.yml", SigmaOptions.Default, bag);

        Assert.Empty(rules.Rules);
        Assert.Equal(
            "rules/x.yml:4:5: RULE020: log source (product: windows, category: process_creation) is not one Rampart reads; the rule is skipped.",
            DiagnosticsText.Of(bag));
        Assert.Equal(DiagnosticSeverity.Info, bag.ToImmutableArray()[0].Severity);

        var broken = new DiagnosticBag();
        SigmaRuleSet.Parse("""
            title: Whoami
            logsource:
                product: windows
            detection:
                selection:
                    Image|endwith: '\whoami.exe'
                condition: selection
            """, "rules/y.yml", SigmaOptions.Default, broken);
        Assert.Contains(broken.ToImmutableArray(), d => d.Code == SigmaDiagnostics.UnknownModifier);
    }

    private static string Diagnose(string yaml)
    {
        var bag = new DiagnosticBag();
        var rules = SigmaRuleSet.Parse(yaml, "rules/x.yml", SigmaOptions.Default, bag);
        Assert.Empty(rules.Rules);
        return DiagnosticsText.Of(bag);
    }
}
