using System.Text.RegularExpressions;
using Rampart.Iam.Catalog;
using Rampart.Testing;

namespace Rampart.Iam.Tests.Catalog;

public sealed class IamCatalogTests
{
    private static readonly IamCatalog Catalog = IamCatalog.Default;

    [Fact]
    public void TheEmbeddedCatalogLoadsWithMoreThan400ServicesAnd15000Actions()
    {
        Assert.True(Catalog.Services.Length > 400, $"{Catalog.Services.Length} services");
        Assert.True(Catalog.ActionCount > 15_000, $"{Catalog.ActionCount} actions");
        Assert.Equal(Catalog.Services.Sum(s => s.Actions.Length), Catalog.ActionCount);
    }

    [Fact]
    public void TheCatalogRecordsThePackageVersionTheGeneratorIsPinnedTo()
    {
        var script = File.ReadAllText(RepositoryPaths.Combine("scripts", "iam-catalog", "generate.mjs"));
        var pinned = Regex.Match(script, "const PINNED_VERSION = '([^']+)'").Groups[1].Value;

        Assert.NotEmpty(pinned);
        Assert.Equal(pinned, Catalog.DataVersion);
    }

    [Fact]
    public void TheDefaultCatalogIsLoadedOnceAndSharedByAllThreads()
    {
        var seen = new IamCatalog[16];
        Parallel.For(0, seen.Length, i => seen[i] = IamCatalog.Default);

        Assert.All(seen, c => Assert.Same(Catalog, c));
    }

    [Fact]
    public void ServicesAreFoundByPrefixIgnoringCase()
    {
        Assert.True(Catalog.TryGetService("S3", out var s3));
        Assert.Equal("s3", s3.Prefix);
        Assert.Equal("Amazon S3", s3.Name);
        Assert.True(Catalog.IsKnownService("iam"));
        Assert.True(Catalog.IsKnownService("Access-Analyzer"));
        Assert.False(Catalog.IsKnownService("s4"));
        Assert.False(Catalog.IsKnownService(""));
    }

    [Fact]
    public void S3GetObjectIsAReadActionOnObjectsWithTheirArnPattern()
    {
        Assert.True(Catalog.TryGetAction("s3:GetObject", out var action));

        Assert.Equal("s3", action.Service);
        Assert.Equal("GetObject", action.Name);
        Assert.Equal("s3:GetObject", action.FullName);
        Assert.Equal(IamAccessLevel.Read, action.AccessLevel);
        Assert.False(action.IsWildcardOnly);
        Assert.Equal(["accesspointobject", "object"], action.ResourceTypes.Select(r => r.ResourceType.Name));
        var obj = action.ResourceTypes.Single(r => r.ResourceType.Name == "object");
        Assert.False(obj.Required);
        Assert.Equal("arn:${Partition}:s3:::${BucketName}/${ObjectName}", Assert.Single(obj.ResourceType.ArnPatterns));
        Assert.Contains(action.ConditionKeys, k => k.Name == "s3:ExistingObjectTag/<key>" && k.Type == IamConditionKeyType.String);
    }

    [Fact]
    public void ActionsAreFoundIgnoringCase()
    {
        Assert.True(Catalog.TryGetAction("S3:getobject", out var action));
        Assert.Equal("s3:GetObject", action.FullName);
    }

    [Fact]
    public void IamListUsersIsAListActionThatOnlyTakesAWildcardResource()
    {
        Assert.True(Catalog.TryGetAction("iam:ListUsers", out var action));

        Assert.Equal(IamAccessLevel.List, action.AccessLevel);
        Assert.True(action.IsWildcardOnly);
        Assert.Empty(action.ResourceTypes);
    }

    [Fact]
    public void S3ListAllMyBucketsIsWildcardOnlyButS3ListBucketIsNot()
    {
        Assert.True(Catalog.TryGetAction("s3:ListAllMyBuckets", out var all));
        Assert.True(Catalog.TryGetAction("s3:ListBucket", out var bucket));

        Assert.True(all.IsWildcardOnly);
        Assert.False(bucket.IsWildcardOnly);
    }

    [Fact]
    public void TaggingAndPermissionsManagementActionsCarryTheSpecificLevel()
    {
        Assert.True(Catalog.TryGetAction("iam:AttachUserPolicy", out var attach));
        Assert.True(Catalog.TryGetAction("iam:TagUser", out var tag));
        Assert.True(Catalog.TryGetAction("iam:PassRole", out var pass));

        Assert.Equal(IamAccessLevel.PermissionsManagement, attach.AccessLevel);
        Assert.Equal(IamAccessLevel.Tagging, tag.AccessLevel);
        Assert.Equal(IamAccessLevel.Write, pass.AccessLevel);
    }

    [Fact]
    public void IamPassRoleRequiresARoleResource()
    {
        Assert.True(Catalog.TryGetAction("iam:PassRole", out var action));

        var role = Assert.Single(action.ResourceTypes);
        Assert.True(role.Required);
        Assert.Equal("role", role.ResourceType.Name);
        Assert.Equal("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", Assert.Single(role.ResourceType.ArnPatterns));
    }

    [Theory]
    [InlineData("s3:GetObjekt")]
    [InlineData("s4:GetObject")]
    [InlineData("s3")]
    [InlineData("s3:")]
    [InlineData(":GetObject")]
    [InlineData("s3:Get*")]
    [InlineData("")]
    public void AnUnknownOrMalformedActionIsNotFound(string name)
    {
        Assert.False(Catalog.TryGetAction(name, out var action));
        Assert.Null(action);
    }

    [Fact]
    public void ResourceTypesAreFoundByNameIgnoringCase()
    {
        Assert.True(Catalog.TryGetService("s3", out var s3));

        Assert.True(s3.TryGetResourceType("Bucket", out var bucket));
        Assert.Equal("arn:${Partition}:s3:::${BucketName}", Assert.Single(bucket.ArnPatterns));
        Assert.False(s3.TryGetResourceType("table", out _));
    }

    [Fact]
    public void ServicesAndTheirActionsAreOrderedForBinarySearch()
    {
        Assert.Equal(Catalog.Services.Select(s => s.Prefix).Order(StringComparer.Ordinal), Catalog.Services.Select(s => s.Prefix));
        Assert.All(Catalog.Services, s =>
            Assert.Equal(s.Actions.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase), s.Actions.Select(a => a.Name)));
    }

    [Fact]
    public void EveryActionOfEveryServiceIsFoundByItsFullName()
    {
        foreach (var service in Catalog.Services)
        {
            foreach (var action in service.Actions)
            {
                Assert.True(Catalog.TryGetAction(action.FullName, out var found), action.FullName);
                Assert.Same(action, found);
            }
        }
    }

    [Fact]
    public void EqualConditionKeysAndNamesAreSharedAcrossServices()
    {
        var requestTags = Catalog.Services
            .SelectMany(s => s.ConditionKeys)
            .Where(k => k.Name == "aws:RequestTag/${TagKey}")
            .ToList();
        var tagResource = Catalog.Services
            .SelectMany(s => s.Actions)
            .Where(a => a.Name == "TagResource")
            .ToList();

        Assert.True(requestTags.Count > 100);
        Assert.All(requestTags, k => Assert.Same(requestTags[0], k));
        Assert.True(tagResource.Count > 100);
        Assert.All(tagResource, a => Assert.Same(tagResource[0].Name, a.Name));
    }
}
