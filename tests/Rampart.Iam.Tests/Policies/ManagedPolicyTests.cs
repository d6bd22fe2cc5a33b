using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;
using Rampart.Testing;

namespace Rampart.Iam.Tests.Policies;

/// <summary>Every AWS managed policy (the default version of all 1,594) is real input the parser must take.</summary>
public sealed class ManagedPolicyTests
{
    [SkippableFact]
    public void EveryAwsManagedPolicyParsesWithoutErrorsAndCompiles()
    {
        var path = Datasets.Require("iam/aws-managed-policies.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var diagnostics = new DiagnosticBag();
        var parsed = 0;
        foreach (var policy in document.RootElement.EnumerateObject())
        {
            var arn = policy.Value.GetProperty("arn").GetString()!;
            var json = policy.Value.GetProperty("document").GetRawText();
            if (PolicyDocument.Parse(json, arn, PolicyKind.Identity, diagnostics) is { } parsedDocument)
            {
                Assert.NotEmpty(CompiledPolicy.Compile(parsedDocument).Document.Statements);
                parsed++;
            }
        }

        Assert.Equal(1594, document.RootElement.EnumerateObject().Count());
        Assert.True(diagnostics.ErrorCount == 0, string.Join("\n", diagnostics.ToImmutableArray().Take(20)));
        Assert.Equal(1594, parsed);
    }

    [SkippableFact]
    public void AdministratorAccessAllowsEverythingAndReadOnlyAccessAllowsNoWrite()
    {
        var path = Datasets.Require("iam/aws-managed-policies.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        CompiledPolicy Load(string name) =>
            CompiledPolicy.Compile(PolicyDocument.Parse(document.RootElement.GetProperty(name).GetProperty("document").GetRawText(), name, PolicyKind.Identity, new DiagnosticBag())!);
        var admin = new PolicySet { Identity = [Load("AdministratorAccess")] };
        var readOnly = new PolicySet { Identity = [Load("ReadOnlyAccess")] };
        var user = "arn:aws:iam::111122223333:user/alice";
        AuthorizationRequest Request(string action, string resource) => new() { Principal = user, Action = action, Resource = resource };

        Assert.Equal(Decision.Allowed, PolicyEvaluator.Decide(Request("iam:CreateUser", "arn:aws:iam::111122223333:user/x"), admin));
        Assert.Equal(Decision.Allowed, PolicyEvaluator.Decide(Request("s3:GetObject", "arn:aws:s3:::b/k"), readOnly));
        Assert.Equal(Decision.Allowed, PolicyEvaluator.Decide(Request("ec2:DescribeInstances", "*"), readOnly));
        Assert.Equal(Decision.ImplicitlyDenied, PolicyEvaluator.Decide(Request("s3:PutObject", "arn:aws:s3:::b/k"), readOnly));
        Assert.Equal(Decision.ImplicitlyDenied, PolicyEvaluator.Decide(Request("iam:CreateUser", "arn:aws:iam::111122223333:user/x"), readOnly));
    }
}
