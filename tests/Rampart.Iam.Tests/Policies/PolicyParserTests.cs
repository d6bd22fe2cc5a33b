using Rampart.Core.Diagnostics;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Tests.Policies;

/// <summary>The parser takes every form the policy language allows and reports every problem at once, with its JSON path.</summary>
public sealed class PolicyParserTests
{
    private static (PolicyDocument? Document, string[] Diagnostics) Parse(string json, PolicyKind kind = PolicyKind.Identity)
    {
        var bag = new DiagnosticBag();
        var document = PolicyDocument.Parse(json, "p.json", kind, bag);
        return (document, bag.ToImmutableArray().Select(d => d.ToString()).ToArray());
    }

    [Fact]
    public void ScalarsAndListsAreBothAcceptedWhereverAListMayStand()
    {
        var (document, diagnostics) = Parse("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"s3:max-keys": 10}}}}""");
        Assert.Empty(diagnostics);
        var statement = Assert.Single(document!.Statements);
        Assert.Equal(["s3:GetObject"], statement.Actions.ToArray());
        Assert.Equal(2, statement.Resources.Length);
        Assert.Equal("$.Statement", statement.Path);
        Assert.Equal(["true"], statement.Conditions[0].Values.ToArray());
        Assert.Equal(["10"], statement.Conditions[1].Values.ToArray());
    }

    [Fact]
    public void EveryActionResourceAndConditionValueKnowsItsJsonPathWhetherWrittenAsAListOrAlone()
    {
        var (document, _) = Parse("""{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["s3:GetObject", "s3:PutObject"], "Resource": "*", "Condition": {"StringLike": {"s3:prefix": ["a/*", "b/*"], "aws:username": "x"}}}]}""");
        var statement = document!.Statements[0];
        Assert.Equal("$.Statement[0].NotAction[1]", statement.ActionPath(1));
        Assert.Equal("$.Statement[0].Resource", statement.ResourcePath(0));
        Assert.Equal("$.Statement[0].Condition.StringLike['s3:prefix'][1]", statement.Conditions[0].ValuePath(1));
        Assert.Equal("$.Statement[0].Condition.StringLike['aws:username']", statement.Conditions[1].ValuePath(0));
    }

    [Fact]
    public void OperatorNamesSplitIntoSetQualifierComparisonAndIfExists()
    {
        var (document, _) = Parse("""{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*", "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*"]}}}]}""");
        var condition = document!.Statements[0].Conditions[0];
        Assert.Equal((ConditionOperator.StringLike, ConditionSet.ForAnyValue, true), (condition.Operator, condition.Set, condition.IfExists));
        Assert.True(document.Statements[0].IsNotAction);
        Assert.True(document.Statements[0].IsNotResource);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnceWithItsJsonPath()
    {
        var (document, diagnostics) = Parse("""
            {"Version": "2012-10-18", "Statement": [
              {"Sid": "A", "Effect": "allow", "Action": ["s3Get", 3], "Resource": "bucket", "Extra": 1},
              {"Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*",
               "Condition": {"StringEquls": {"k": "v"}, "DateLessThan": {"aws:CurrentTime": "soon"}, "NullIfExists": {"k": "true"}}}]}
            """);
        Assert.Null(document);
        Assert.Equal(
        [
            "p.json:$.Version: IAM004: Version '2012-10-18' is not one the policy language has; use '2012-10-17'",
            "p.json:$.Statement[0].Effect: IAM006: Effect 'allow' is neither 'Allow' nor 'Deny' (they are case-sensitive)",
            "p.json:$.Statement[0].Action[1]: IAM002: expected a string, not a number",
            "p.json:$.Statement[0].Action[0]: IAM009: action 's3Get' is not \"*\" or 'service:action'",
            "p.json:$.Statement[0].Resource: IAM010: resource 'bucket' is not \"*\" or an ARN (arn:partition:service:region:account:resource)",
            "p.json:$.Statement[0].Extra: IAM003: 'Extra' is not a statement element; expected Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource or Condition",
            "p.json:$.Statement[1].Condition.StringEquls: IAM012: 'StringEquls' is not a condition operator",
            "p.json:$.Statement[1].Condition.DateLessThan['aws:CurrentTime']: IAM013: DateLessThan value 'soon' is not a date (ISO 8601, such as 2026-01-31T00:00:00Z, or epoch seconds)",
            "p.json:$.Statement[1].Condition.NullIfExists: IAM012: 'NullIfExists' is not a condition operator; Null has no IfExists form, as it tests whether the key is present",
            "p.json:$.Statement[1]: IAM008: an identity policy takes no Principal or NotPrincipal",
        ], diagnostics);
    }

    [Fact]
    public void AMisCasedOperatorGetsASuggestion()
    {
        var (_, diagnostics) = Parse("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ForAnyValue:stringequalsifexists": {"k": "v"}}}]}""");
        Assert.Equal(["p.json:$.Statement[0].Condition.ForAnyValue:stringequalsifexists: IAM012: 'ForAnyValue:stringequalsifexists' is not a condition operator; operators are case-sensitive: did you mean 'ForAnyValue:StringEqualsIfExists'?"], diagnostics);
    }

    [Fact]
    public void DuplicateSidsAreRejected()
    {
        var (_, diagnostics) = Parse("""{"Version": "2012-10-17", "Statement": [{"Sid": "Same", "Effect": "Allow", "Action": "*", "Resource": "*"}, {"Sid": "Same", "Effect": "Deny", "Action": "*", "Resource": "*"}]}""");
        Assert.Equal(["p.json:$.Statement[1].Sid: IAM014: Sid 'Same' is used already by $.Statement[0]; Sids must be unique within a policy"], diagnostics);
    }

    [Fact]
    public void ResourcePoliciesNeedAPrincipalAndRejectPartialWildcards()
    {
        var (_, diagnostics) = Parse("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root", "Robot": "x"}, "Action": "s3:*", "Resource": "*"}]}""", PolicyKind.Resource);
        Assert.Equal(
        [
            "p.json:$.Statement[0]: IAM005: the statement of a resource policy has no Principal or NotPrincipal",
            "p.json:$.Statement[1].Principal.AWS: IAM011: principal 'arn:aws:iam::*:root' has a wildcard; only \"*\" alone may stand for principals (use a condition on aws:PrincipalArn)",
            "p.json:$.Statement[1].Principal.Robot: IAM011: 'Robot' is not a principal type; expected AWS, Service, Federated or CanonicalUser",
        ], diagnostics);
    }

    [Fact]
    public void TextThatIsNotJsonIsReportedWithItsLineAndColumn()
    {
        var (document, diagnostics) = Parse("{\"Version\": \"2012-10-17\",\n  \"Statement\": [}");
        Assert.Null(document);
        Assert.StartsWith("p.json:2:17: IAM001: the policy is not JSON:", Assert.Single(diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedPolicyVariableIsReported()
    {
        var (_, diagnostics) = Parse("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username/*"}]}""");
        Assert.Equal(["p.json:$.Statement[0].Resource: IAM015: resource 'arn:aws:s3:::home/${aws:username/*': '${' at character 19 is not closed by '}'"], diagnostics);
    }
}
