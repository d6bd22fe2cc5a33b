using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Tests.Inventory;

public sealed class CloudResourceTests
{
    [Fact]
    public void TheContentHashIgnoresMemberOrderAndProvenanceButNotContent()
    {
        var a = Resource("""{"GroupId": "sg-1", "IpPermissions": [{"FromPort": 22, "ToPort": 22}]}""", "a.json");
        var reordered = Resource("""{"IpPermissions": [{"ToPort": 22, "FromPort": 22}], "GroupId": "sg-1"}""", "b.json");
        var changed = Resource("""{"GroupId": "sg-1", "IpPermissions": [{"FromPort": 22, "ToPort": 23}]}""", "a.json");

        Assert.Equal(a.ContentHash, reordered.ContentHash);
        Assert.NotEqual(a.ContentHash, changed.ContentHash);
        Assert.NotEqual(a.ContentHash, (a with { Tags = a.Tags.Add("team", "payments") }).ContentHash);
        Assert.Equal(64, a.ContentHash.Length);
    }

    private static CloudResource Resource(string configuration, string source) => new()
    {
        Key = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1",
        Type = "AWS::EC2::SecurityGroup",
        Account = "111122223333",
        Region = "eu-west-1",
        Id = "sg-1",
        Configuration = JsonDocument.Parse(configuration).RootElement.Clone(),
        Provenance = new ResourceProvenance("cli-export", source, null),
    };
}
