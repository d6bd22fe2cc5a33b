using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Tests.Evaluation;

/// <summary>
/// Open questions (may this caller ever do this?): conditions on keys the question does not know are listed, not decided,
/// and only those the answer depends on.
/// </summary>
public sealed class OpenEvaluationTests
{
    private const string Caller = "arn:aws:iam::111122223333:user/alice";

    [Fact]
    public void AnUnconditionalAllowInTheSameLayerMakesAConditionalOneIrrelevant()
    {
        var result = Open(Identity("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}},
              {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
            """));

        Assert.Equal(Decision.Allowed, result.Decision);
        Assert.False(result.IsConditional);
        Assert.Empty(result.Requirements);
    }

    [Fact]
    public void EveryConditionalAllowOfALayerIsAnAlternative()
    {
        var result = Open(Identity("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Office", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}},
              {"Sid": "Mfa", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
               "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}, "NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}}]}
            """));

        Assert.True(result.IsConditional);
        Assert.Equal(["IpAddress aws:SourceIp 10.0.0.0/8", "Bool aws:MultiFactorAuthPresent true and NumericLessThan aws:MultiFactorAuthAge 3600"],
            result.Requirements.Select(r => r.Describe()));
        Assert.All(result.Requirements, r => Assert.Equal(("identityPolicies", PolicyEffect.Allow), (r.Layer, r.Effect)));
    }

    [Fact]
    public void AConditionOnAKnownKeyIsDecidedAndOnlyTheUnknownOnesAreListed()
    {
        var policies = Identity("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
               "Condition": {"StringEquals": {"aws:username": "alice"}, "Bool": {"aws:SecureTransport": "true"}}}]}
            """);

        var alice = Open(policies);
        var bob = PolicyEvaluator.EvaluateOpen(Request("arn:aws:iam::111122223333:user/bob"), policies);

        Assert.Equal("Bool aws:SecureTransport true", Assert.Single(alice.Requirements).Describe());
        Assert.Equal(Decision.ImplicitlyDenied, bob.Decision);
        Assert.Empty(bob.Requirements);
    }

    [Fact]
    public void AnUnconditionalDenyIsFinalAndAConditionalOneIsAnException()
    {
        var allow = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";
        var denied = Open(Identity(allow, """{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}]}"""));
        var unless = Open(Identity(allow, """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*",
              "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}]}
            """));

        Assert.Equal(Decision.ExplicitlyDenied, denied.Decision);
        Assert.Empty(denied.Requirements);
        Assert.True(unless.IsConditional);
        var requirement = Assert.Single(unless.Requirements);
        Assert.Equal((PolicyEffect.Deny, "StringNotEquals aws:SourceVpce vpce-1a2b3c4d"), (requirement.Effect, requirement.Describe()));
    }

    [Fact]
    public void AVariableWhoseKeyIsUnknownLeavesItsConditionOpenAndAKnownAbsentKeyDecides()
    {
        var policies = Identity("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"StringEquals": {"s3:ExistingObjectTag/owner": "${aws:PrincipalTag/team}"}}}]}
            """);

        var open = Open(policies);
        var absent = PolicyEvaluator.EvaluateOpen(Request(Caller), policies, key => key.StartsWith("aws:PrincipalTag/", StringComparison.Ordinal));

        Assert.True(open.IsConditional);
        Assert.True(absent.IsConditional);
        Assert.Equal("StringEquals s3:ExistingObjectTag/owner ${aws:PrincipalTag/team}", Assert.Single(absent.Requirements).Describe());
    }

    [Fact]
    public void WithEveryKeyKnownAbsentTheAnswerIsTheClosedDecision()
    {
        var policies = Identity("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Null": {"aws:TokenIssueTime": "true"}}},
              {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
            """);

        foreach (var action in new[] { "s3:GetObject", "s3:PutObject" })
        {
            var request = Request(Caller) with { Action = action };
            var closed = PolicyEvaluator.EvaluateOpen(request, policies, _ => true);
            Assert.Equal(PolicyEvaluator.Decide(request, policies), closed.Decision);
            Assert.Empty(closed.Requirements);
        }
    }

    [Fact]
    public void AnOpenQuestionThatNoContextCouldAllowIsDenied()
    {
        var result = Open(Identity("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*",
              "Condition": {"Bool": {"aws:ViaAWSService": "true"}, "StringEquals": {"aws:PrincipalAccount": "444455556666"}}}]}
            """));

        Assert.Equal(Decision.ImplicitlyDenied, result.Decision);
        Assert.False(result.IsConditional);
    }

    private static OpenEvaluationResult Open(PolicySet policies) => PolicyEvaluator.EvaluateOpen(Request(Caller), policies);

    private static AuthorizationRequest Request(string principal) => new()
    {
        Principal = principal,
        Action = "s3:GetObject",
        Resource = "arn:aws:s3:::reports/q4.csv",
    };

    private static PolicySet Identity(params string[] documents)
    {
        var compiled = ImmutableArray.CreateBuilder<CompiledPolicy>();
        for (var i = 0; i < documents.Length; i++)
        {
            var bag = new DiagnosticBag();
            var document = PolicyDocument.Parse(documents[i], $"policy{i}.json", PolicyKind.Identity, bag);
            Assert.True(document is not null, string.Join("\n", bag.ToImmutableArray()));
            compiled.Add(CompiledPolicy.Compile(document));
        }

        return new PolicySet { Identity = compiled.ToImmutable() };
    }
}
