using Rampart.Core.Events;

namespace Rampart.Core.Tests;

public sealed class JsonLogEventTests
{
    private static readonly JsonLogEvent Event = JsonLogEvent.Parse(
        """
        {
          "eventName": "AuthorizeSecurityGroupIngress",
          "errorCode": null,
          "readOnly": false,
          "userIdentity": { "arn": "arn:aws:iam::111122223333:user/alice", "sessionContext": { "attributes": { "mfaAuthenticated": "true" } } },
          "requestParameters": { "ipPermissions": { "items": [
            { "fromPort": 22, "ipRanges": { "items": [ { "cidrIp": "0.0.0.0/0" }, { "cidrIp": "10.0.0.0/8" } ] } },
            { "fromPort": 443, "ipRanges": { "items": [ { "cidrIp": "192.0.2.0/24" } ] } }
          ] } },
          "resources": [ "a", ["b", "c"] ]
        }
        """,
        LogSourceTypes.CloudTrail);

    [Fact]
    public void ADottedPathReachesANestedValue() =>
        Assert.Equal(["arn:aws:iam::111122223333:user/alice"], Texts("userIdentity.arn"));

    [Fact]
    public void APathThroughArraysYieldsOneValuePerElement() =>
        Assert.Equal(["0.0.0.0/0", "10.0.0.0/8", "192.0.2.0/24"], Texts("requestParameters.ipPermissions.items.ipRanges.items.cidrIp"));

    [Fact]
    public void NestedArraysAtTheEndAreFlattened() => Assert.Equal(["a", "b", "c"], Texts("resources"));

    [Fact]
    public void AnAbsentFieldYieldsNothingAndAnExplicitNullYieldsNull()
    {
        Assert.Empty(Values("errorMessage"));
        Assert.Equal([FieldValue.Null], Values("errorCode"));
    }

    [Fact]
    public void NumbersAndBooleansKeepTheirKindAndTheirText()
    {
        var port = Values("requestParameters.ipPermissions.items.fromPort")[0];
        Assert.Equal(FieldValueKind.Number, port.Kind);
        Assert.True(port.TryGetNumber(out var number));
        Assert.Equal(22, number);
        Assert.Equal(FieldValue.FromBoolean(false), Values("readOnly")[0]);
    }

    [Fact]
    public void AnObjectIsAPresentValueHoldingItsJson()
    {
        var value = Assert.Single(Values("userIdentity.sessionContext"));
        Assert.Equal(FieldValueKind.Object, value.Kind);
        Assert.Contains("mfaAuthenticated", value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeywordSearchesSeeEveryLeaf()
    {
        var all = new List<FieldValue>();
        Event.CollectAllValues(all);
        Assert.Contains(FieldValue.FromString("192.0.2.0/24"), all);
        Assert.Contains(FieldValue.FromString("AuthorizeSecurityGroupIngress"), all);
        Assert.Equal(13, all.Count);
    }

    private static List<FieldValue> Values(string path)
    {
        var values = new List<FieldValue>();
        Event.CollectValues(FieldPath.Parse(path), values);
        return values;
    }

    private static List<string?> Texts(string path) => Values(path).Select(value => value.Text).ToList();
}
