using System.Text.Json;
using Rampart.Posture.Drift;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Tests.Drift;

public sealed class DriftDetectorTests
{
    private const string Group = """
        {"GroupId": "sg-1", "GroupName": "web", "IpPermissions": [
          {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": []},
          {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}], "Ipv6Ranges": []}]}
        """;

    [Fact]
    public void ARuleOpenedToTheWorldIsOneAddedPeerOfItsPermissionWhereverTheListMoved()
    {
        var before = SecurityGroup(Group);
        var after = SecurityGroup("""
            {"GroupId": "sg-1", "GroupName": "web", "IpPermissions": [
              {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}, {"CidrIp": "0.0.0.0/0", "Description": "temp"}], "Ipv6Ranges": []},
              {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": []}]}
            """);

        var change = Assert.Single(DriftDetector.Compare([before], [after]));

        Assert.Equal(ChangeKind.Changed, change.Kind);
        var field = Assert.Single(change.Fields);
        Assert.Equal(("/configuration/IpPermissions/0/IpRanges/1", "tcp 22-22 CidrIp=0.0.0.0/0", null, """{"CidrIp":"0.0.0.0/0","Description":"temp"}"""),
            (field.Pointer, field.Identity, field.Before, field.After));
    }

    [Fact]
    public void CreatedDeletedAndUnchangedResourcesAreToldApartAndTagsAreDiffedByKey()
    {
        var kept = SecurityGroup(Group);
        var gone = SecurityGroup(Group, "sg-2");
        var added = SecurityGroup(Group, "sg-3");
        var tagged = kept with { Tags = kept.Tags.Add("owner", "payments") };

        var changes = DriftDetector.Compare([kept, gone], [tagged, added]);

        Assert.Equal(
            [(ChangeKind.Changed, "sg-1"), (ChangeKind.Deleted, "sg-2"), (ChangeKind.Created, "sg-3")],
            changes.Select(c => (c.Kind, c.Key[(c.Key.LastIndexOf('/') + 1)..])));
        Assert.Equal(("/tags/owner", (string?)null, "\"payments\""), (changes[0].Fields[0].Pointer, changes[0].Fields[0].Before, changes[0].Fields[0].After));
        Assert.Empty(DriftDetector.Compare([kept], [SecurityGroup(Group)]));
    }

    [Fact]
    public void PointersEscapeSlashesAndTildesAndAChangedScalarKeepsBothValues()
    {
        var before = SecurityGroup("""{"GroupId": "sg-1", "a/b~c": 1}""");
        var after = SecurityGroup("""{"GroupId": "sg-1", "a/b~c": 2}""");

        var field = Assert.Single(DriftDetector.Diff(before, after));

        Assert.Equal(("/configuration/a~1b~0c", "1", "2"), (field.Pointer, field.Before, field.After));
    }

    private static CloudResource SecurityGroup(string configuration, string id = "sg-1") => new()
    {
        Key = "arn:aws:ec2:eu-west-1:111122223333:security-group/" + id,
        Type = "AWS::EC2::SecurityGroup",
        Account = "111122223333",
        Region = "eu-west-1",
        Id = id,
        Configuration = JsonDocument.Parse(configuration).RootElement.Clone(),
        Provenance = new ResourceProvenance("cli-export", "test.json", null),
    };
}
