using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;

namespace Rampart.Iam.Tests.Access;

/// <summary>One account asked from many threads at once answers exactly as when asked from one.</summary>
public sealed class ConcurrencyTests
{
    private static readonly string[] Questions =
    [
        "s3:GetObject arn:aws:s3:::shared-reports/2026/q4.csv",
        "iam:PassRole arn:aws:iam::*:role/app-*",
        "ec2:TerminateInstances arn:aws:ec2:eu-west-1:{account}:instance/i-0abc",
        "dynamodb:PutItem arn:aws:dynamodb:us-east-1:{account}:table/orders",
        "sts:AssumeRole *",
        "kms:Decrypt *",
    ];

    [Fact]
    public void ParallelQuestionsOnAFreshAccountGiveTheSequentialAnswers()
    {
        var json = SyntheticAccount.Generate(users: 150, roles: 150, seed: 5);
        var sequential = AccountAccess.Create(AccountAuthorizationReader.Parse(json, "a.json", NullDiagnosticSink.Instance), new AccessOptions(), NullDiagnosticSink.Instance);
        var expected = Questions.ToDictionary(q => q, q => Describe(sequential, q));
        Assert.Contains(expected.Values, answers => answers.Contains("conditional", StringComparison.Ordinal));
        Assert.All(expected.Values, answers => Assert.NotEqual("", answers));

        var parallel = AccountAccess.Create(AccountAuthorizationReader.Parse(json, "a.json", NullDiagnosticSink.Instance), new AccessOptions(), NullDiagnosticSink.Instance);
        var actual = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        Parallel.For(0, Questions.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Describe(parallel, Questions[i % Questions.Length]));

        for (var i = 0; i < Questions.Length * 8; i++)
            Assert.Equal(expected[Questions[i % Questions.Length]], actual[i]);
    }

    private static string Describe(AccountAccess access, string question)
    {
        var parts = question.Replace("{account}", access.Account.AccountId, StringComparison.Ordinal).Split(' ');
        var result = access.WhoCan(parts[0], parts[1]);
        return string.Join("\n", result.Allowed.Select(a => $"{a.PrincipalArn} {(a.Result.IsConditional ? "conditional " + string.Join("; ", a.Result.Requirements.Select(r => r.Describe())) : "allowed")}"));
    }
}
