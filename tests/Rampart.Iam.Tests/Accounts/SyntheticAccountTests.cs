using System.Text.Json.Nodes;
using Rampart.Iam.Accounts;

namespace Rampart.Iam.Tests.Accounts;

/// <summary>The generated export is one the reader takes without complaint, consistent with itself, and the same every time.</summary>
public sealed class SyntheticAccountTests
{
    [Fact]
    public void TheSyntheticAccountRoundTripsThroughTheReaderWithoutAProblem()
    {
        var account = Authz.ReadClean(SyntheticAccount.Generate(users: 120, roles: 80, seed: 7));

        Assert.Equal(120, account.Users.Length);
        Assert.Equal(80, account.Roles.Length);
        Assert.True(account.Groups.Length >= 6);
        Assert.Matches("^[1-9][0-9]{11}$", account.AccountId);
        Assert.All(account.Users, user => Assert.True(account.EffectivePolicies(user).IsComplete, user.Name));
        Assert.All(account.Roles, role => Assert.True(account.EffectivePolicies(role).IsComplete, role.Name));
        Assert.All(account.Roles, role => Assert.NotNull(role.AssumeRolePolicy));
    }

    [Fact]
    public void EveryDocumentIsJsonAndAttachmentCountsMatchTheAttachments()
    {
        var account = Authz.ReadClean(SyntheticAccount.Generate(users: 200, roles: 100, seed: 11));

        var documents = account.Policies.Select(policy => policy.DefaultDocument)
            .Concat(account.Roles.Select(role => role.AssumeRolePolicy!))
            .Concat(account.Users.SelectMany(user => user.InlinePolicies).Concat(account.Groups.SelectMany(group => group.InlinePolicies)).Concat(account.Roles.SelectMany(role => role.InlinePolicies)).Select(policy => policy.Document))
            .ToList();
        Assert.All(documents, document => Assert.Equal("2012-10-17", JsonNode.Parse(document.Json)!["Version"]!.GetValue<string>()));

        var attachments = account.Users.SelectMany(user => user.AttachedPolicies)
            .Concat(account.Groups.SelectMany(group => group.AttachedPolicies))
            .Concat(account.Roles.SelectMany(role => role.AttachedPolicies))
            .CountBy(attachment => attachment.Arn)
            .ToDictionary();
        var boundaries = account.Users.Select(user => user.PermissionsBoundaryArn).Concat(account.Roles.Select(role => role.PermissionsBoundaryArn))
            .OfType<string>()
            .CountBy(arn => arn)
            .ToDictionary();
        Assert.All(account.Policies, policy =>
        {
            Assert.Equal(attachments.GetValueOrDefault(policy.Arn), policy.AttachmentCount);
            Assert.Equal(boundaries.GetValueOrDefault(policy.Arn), policy.PermissionsBoundaryUsageCount);
        });
    }

    [Fact]
    public void TheSyntheticAccountHasTheShapesRealAccountsHave()
    {
        var account = Authz.ReadClean(SyntheticAccount.Generate(users: 300, roles: 150, seed: 3));
        var managed = account.Policies.Select(policy => policy.DefaultDocument.Json).ToList();
        var trusts = account.Roles.Select(role => role.AssumeRolePolicy!.Json).ToList();

        Assert.Contains(account.Policies, policy => policy.IsAwsManaged);
        Assert.Contains(account.Policies, policy => !policy.IsAwsManaged);
        Assert.Contains(managed, json => json.Contains("\"Resource\": \"*\"", StringComparison.Ordinal) && json.Contains(":*\"", StringComparison.Ordinal));
        Assert.Contains(managed, json => json.Contains("arn:aws:s3:::", StringComparison.Ordinal));
        Assert.Contains(managed, json => json.Contains("\"Condition\"", StringComparison.Ordinal));
        Assert.Contains(managed, json => json.Contains("\"NotAction\"", StringComparison.Ordinal));
        Assert.Contains(trusts, json => json.Contains("\"Service\"", StringComparison.Ordinal));
        Assert.Contains(trusts, json => json.Contains("sts:ExternalId", StringComparison.Ordinal));
        Assert.Contains(trusts, json => json.Contains("saml-provider/", StringComparison.Ordinal));
        Assert.Contains(trusts, json => json.Contains("sts:AssumeRoleWithWebIdentity", StringComparison.Ordinal));
        Assert.Contains(account.Roles, role => !role.InstanceProfiles.IsEmpty);
        Assert.Contains(account.Roles, role => role.Path.StartsWith("/aws-service-role/", StringComparison.Ordinal));
        Assert.Contains(account.Roles, role => role.LastUsed is not null);
        Assert.Contains(account.Users, user => user.PermissionsBoundaryArn is not null);
        Assert.Contains(account.Users, user => !user.InlinePolicies.IsEmpty);
        Assert.Contains(account.Groups, group => !group.InlinePolicies.IsEmpty);
        Assert.Contains(account.Users, user => user.Groups.Length > 1);
        Assert.Contains(account.Users, user => user.Tags.Any(tag => tag.Key == "team"));
    }

    [Fact]
    public void TheSameSeedGivesTheSameTextAndAnotherSeedAnother()
    {
        Assert.Equal(SyntheticAccount.Generate(50, 30, seed: 5), SyntheticAccount.Generate(50, 30, seed: 5));
        Assert.NotEqual(SyntheticAccount.Generate(50, 30, seed: 5), SyntheticAccount.Generate(50, 30, seed: 6));
    }

    [Fact]
    public void TheUrlEncodedFormReadsToTheSameDocumentsAsTheObjectForm()
    {
        var text = SyntheticAccount.Generate(60, 40, seed: 9, urlEncodedDocuments: true);
        var objects = Authz.ReadClean(SyntheticAccount.Generate(60, 40, seed: 9));
        var encoded = Authz.ReadClean(text);

        Assert.Contains("\"AssumeRolePolicyDocument\": \"%7B%22Version%22%3A%222012-10-17%22", text, StringComparison.Ordinal);
        Assert.Equal(objects.Roles.Length, encoded.Roles.Length);
        Assert.All(objects.Roles.Zip(encoded.Roles), pair => Assert.True(SameJson(pair.First.AssumeRolePolicy!.Json, pair.Second.AssumeRolePolicy!.Json)));
        Assert.All(objects.Policies.Zip(encoded.Policies), pair => Assert.True(SameJson(pair.First.DefaultDocument.Json, pair.Second.DefaultDocument.Json)));
        Assert.All(
            objects.Users.SelectMany(user => user.InlinePolicies).Zip(encoded.Users.SelectMany(user => user.InlinePolicies)),
            pair => Assert.True(SameJson(pair.First.Document.Json, pair.Second.Document.Json)));
    }

    [Fact]
    public void AFiveThousandPrincipalAccountReadsWhole()
    {
        var account = Authz.ReadClean(SyntheticAccount.Generate(users: 3000, roles: 2000, seed: 42));

        Assert.Equal((3000, 2000), (account.Users.Length, account.Roles.Length));
        Assert.All(account.Users, user => Assert.Same(user, account.FindUser(user.Name)));
    }

    private static bool SameJson(string left, string right) => JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
}
