using System.Globalization;
using System.Text.Json.Nodes;

namespace Rampart.Testing;

/// <summary>
/// A small AWS Config history written in both dialects: the security group <c>sg-0hist</c> admits SSH from 10.0.0.0/8 at
/// <see cref="First"/> and from 0.0.0.0/0 at <see cref="Third"/>; the bucket <c>history-logs</c> is created at
/// <see cref="Second"/>; the unencrypted volume <c>vol-0hist</c> exists at <see cref="First"/> and is deleted at
/// <see cref="Third"/>.
/// </summary>
public static class ConfigHistoryFixture
{
    /// <summary>The first capture.</summary>
    public static readonly DateTimeOffset First = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The bucket's creation.</summary>
    public static readonly DateTimeOffset Second = new(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The group opens SSH to the internet and the volume is deleted.</summary>
    public static readonly DateTimeOffset Third = new(2026, 1, 30, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The account.</summary>
    public const string Account = "111122223333";

    /// <summary>The group's key.</summary>
    public const string Group = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0hist";

    /// <summary>The bucket's key.</summary>
    public const string Bucket = "arn:aws:s3:::history-logs";

    /// <summary>The volume's key.</summary>
    public const string Volume = "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0hist";

    /// <summary>
    /// Writes the delivered dialect under <paramref name="folder"/>: one history file per capture, as Config delivers
    /// them to S3 (<c>configurationItemVersion</c>, <c>awsAccountId</c>, <c>ARN</c>, configuration as an object).
    /// </summary>
    public static string WriteDelivered(TempDirectory temp, string folder)
    {
        foreach (var (at, items) in Captures())
        {
            var file = new JsonObject { ["fileVersion"] = "1.0", ["configurationItems"] = new JsonArray([.. items.Select(Delivered)]) };
            temp.Write($"{folder}/{Account}_Config_eu-west-1_ConfigHistory_{at:yyyyMMdd'T'HHmmss'Z'}.json", file.ToJsonString());
        }

        return temp.Combine(folder);
    }

    /// <summary>
    /// Writes the API's dialect under <paramref name="folder"/>: one <c>get-resource-config-history</c> answer per resource,
    /// newest first (<c>version</c>, <c>accountId</c>, <c>arn</c>, configuration as JSON text; the deletion's capture time in
    /// epoch seconds, as the API's JSON protocol sends it).
    /// </summary>
    public static string WriteApi(TempDirectory temp, string folder)
    {
        foreach (var resource in Captures().SelectMany(static c => c.Items).GroupBy(static i => (string)i["resourceId"]!))
        {
            var history = new JsonObject { ["configurationItems"] = new JsonArray([.. resource.Reverse().Select(Api)]) };
            temp.Write($"{folder}/{resource.Key}.json", history.ToJsonString());
        }

        return temp.Combine(folder);
    }

    private static IEnumerable<(DateTimeOffset At, List<JsonObject> Items)> Captures()
    {
        yield return (First, [Group22(First, "10.0.0.0/8"), VolumeItem(First, deleted: false)]);
        yield return (Second, [BucketItem(Second)]);
        yield return (Third, [Group22(Third, "0.0.0.0/0"), VolumeItem(Third, deleted: true)]);
    }

    private static JsonObject Group22(DateTimeOffset at, string cidr) => Item(at, "ResourceDiscovered", "AWS::EC2::SecurityGroup", "sg-0hist", Group, "eu-west-1", new JsonObject
    {
        ["description"] = "ssh", ["groupName"] = "bastion", ["ownerId"] = Account, ["groupId"] = "sg-0hist", ["vpcId"] = "vpc-1",
        ["ipPermissions"] = new JsonArray(new JsonObject
        {
            ["fromPort"] = 22, ["ipProtocol"] = "tcp", ["toPort"] = 22, ["ipv6Ranges"] = new JsonArray(), ["prefixListIds"] = new JsonArray(),
            ["userIdGroupPairs"] = new JsonArray(), ["ipv4Ranges"] = new JsonArray(new JsonObject { ["cidrIp"] = cidr }), ["ipRanges"] = new JsonArray(cidr),
        }),
        ["ipPermissionsEgress"] = new JsonArray(), ["tags"] = new JsonArray(),
    });

    private static JsonObject BucketItem(DateTimeOffset at) => Item(at, "ResourceDiscovered", "AWS::S3::Bucket", "history-logs", Bucket, "eu-west-1", new JsonObject
    {
        ["name"] = "history-logs", ["owner"] = new JsonObject { ["id"] = "c0ffee" }, ["creationDate"] = at.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
    });

    private static JsonObject VolumeItem(DateTimeOffset at, bool deleted) => Item(at, deleted ? "ResourceDeleted" : "OK", "AWS::EC2::Volume", "vol-0hist", Volume, "eu-west-1", deleted ? null : new JsonObject
    {
        ["volumeId"] = "vol-0hist", ["size"] = 8, ["encrypted"] = false, ["state"] = "in-use", ["volumeType"] = "gp3",
    });

    private static JsonObject Item(DateTimeOffset at, string status, string type, string id, string arn, string region, JsonObject? configuration) => new()
    {
        ["configurationItemCaptureTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["configurationItemStatus"] = status, ["resourceType"] = type, ["resourceId"] = id, ["arn"] = arn, ["accountId"] = Account,
        ["awsRegion"] = region, ["configuration"] = configuration, ["supplementaryConfiguration"] = new JsonObject(), ["tags"] = new JsonObject(),
        ["relationships"] = new JsonArray(),
    };

    private static JsonObject Delivered(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        Rename(copy, "arn", "ARN");
        Rename(copy, "accountId", "awsAccountId");
        copy["configurationItemVersion"] = "1.3";
        return copy;
    }

    private static JsonObject Api(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        copy["version"] = "1.3";
        if (copy["configuration"] is JsonObject configuration)
            copy["configuration"] = configuration.ToJsonString();
        if ((string?)copy["configurationItemStatus"] == "ResourceDeleted")
            copy["configurationItemCaptureTime"] = DateTimeOffset.Parse((string)copy["configurationItemCaptureTime"]!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000.0;
        return copy;
    }

    private static void Rename(JsonObject o, string from, string to)
    {
        var value = o[from];
        o.Remove(from);
        o[to] = value;
    }
}
