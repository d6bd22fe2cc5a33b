using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Tests.Inventory;

public sealed class InventoryTests
{
    [Fact]
    public void ResourcesAreFoundByKeyByTypeAndByTypeAccountAndRegion()
    {
        var inventory = Rampart.Posture.Inventory.ResourceInventory.Create(
            [
                Resource("sg-1", "eu-west-1"), Resource("sg-2", "eu-west-1"), Resource("sg-3", "us-east-1"),
                Resource("b", "global", "AWS::S3::Bucket"),
            ],
            ["a.json"],
            new DiagnosticBag());

        Assert.Equal(4, inventory.Count);
        Assert.Equal(["AWS::EC2::SecurityGroup", "AWS::S3::Bucket"], inventory.Types.ToArray());
        Assert.Equal(3, inventory.OfType("AWS::EC2::SecurityGroup").Length);
        Assert.Equal(["sg-1", "sg-2"], inventory.OfType("AWS::EC2::SecurityGroup", "111122223333", "eu-west-1").Select(r => r.Id));
        Assert.Empty(inventory.OfType("AWS::EC2::Instance"));
        Assert.Empty(inventory.OfType("AWS::EC2::SecurityGroup", "111122223333", "ap-south-1"));
        Assert.Equal("sg-3", inventory.Find("arn:aws:ec2:us-east-1:111122223333:security-group/sg-3")?.Id);
        Assert.Null(inventory.Find("nope"));
        Assert.Equal(["a.json"], inventory.Inputs.ToArray());
    }

    [Fact]
    public void ADuplicateKeyWithOtherContentIsReportedAndTheLaterCaptureIsKept()
    {
        var older = Resource("sg-1", "eu-west-1", configuration: """{"GroupId": "sg-1", "Description": "old"}""", source: "old.json", at: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var newer = Resource("sg-1", "eu-west-1", configuration: """{"GroupId": "sg-1", "Description": "new"}""", source: "new.json", at: new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var bag = new DiagnosticBag();

        var inventory = Rampart.Posture.Inventory.ResourceInventory.Create([newer, older], ["new.json", "old.json"], bag);

        Assert.Equal("new.json", Assert.Single(inventory.Resources).Provenance.Source);
        var diagnostic = Assert.Single(bag.ToImmutableArray());
        Assert.Equal(
            "old.json: INV001: `arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1` is imported from `new.json` and from `old.json` with different content; the one from `new.json` is kept.",
            diagnostic.ToString());
    }

    [Fact]
    public void MergingInventoriesKeepsEveryInputAndReportsTheSameResourceTwiceAsInfo()
    {
        var bag = new DiagnosticBag();
        var a = Rampart.Posture.Inventory.ResourceInventory.Create([Resource("sg-1", "eu-west-1", source: "a.json")], ["a.json"], bag);
        var b = Rampart.Posture.Inventory.ResourceInventory.Create([Resource("sg-1", "eu-west-1", source: "b.json"), Resource("sg-2", "eu-west-1", source: "b.json")], ["b.json"], bag);

        var merged = a.Merge(b, bag);

        Assert.Equal(2, merged.Count);
        Assert.Equal(["a.json", "b.json"], merged.Inputs.ToArray());
        var diagnostic = Assert.Single(bag.ToImmutableArray());
        Assert.Equal((DiagnosticSeverity.Info, "INV002"), (diagnostic.Severity, diagnostic.Code));
        Assert.Same(Rampart.Posture.Inventory.ResourceInventory.Empty, Rampart.Posture.Inventory.ResourceInventory.Empty);
        Assert.Equal(0, Rampart.Posture.Inventory.ResourceInventory.Empty.Count);
    }

    [Fact]
    public void KeysAreArnsBuiltPerServiceOrTypeAccountRegionAndId()
    {
        Assert.Equal("arn:aws:s3:::logs", ResourceKeys.For("AWS::S3::Bucket", "111122223333", "eu-west-1", "logs"));
        Assert.Equal("arn:aws:ec2:eu-west-1::snapshot/snap-1", ResourceKeys.For("AWS::EC2::Snapshot", "111122223333", "eu-west-1", "snap-1"));
        Assert.Equal("arn:aws:rds:eu-west-1:111122223333:db:main", ResourceKeys.For("AWS::RDS::DBInstance", "111122223333", "eu-west-1", "main"));
        Assert.Equal("arn:aws:iam::111122223333:role/admin", ResourceKeys.For("AWS::IAM::Role", "111122223333", "global", "admin"));
        Assert.Equal(
            "Rampart::IAM::PasswordPolicy/111122223333/global/password-policy",
            ResourceKeys.For(ResourceTypes.PasswordPolicy, "111122223333", "global", "password-policy"));
    }

    private static CloudResource Resource(
        string id, string region, string type = "AWS::EC2::SecurityGroup", string? configuration = null, string source = "a.json", DateTimeOffset? at = null) => new()
    {
        Key = ResourceKeys.For(type, "111122223333", region, id),
        Type = type,
        Account = "111122223333",
        Region = region,
        Id = id,
        Configuration = JsonDocument.Parse(configuration ?? $$"""{"Id": "{{id}}"}""").RootElement.Clone(),
        Provenance = new ResourceProvenance("test", source, at),
    };
}
