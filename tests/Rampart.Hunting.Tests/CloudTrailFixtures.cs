using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Rampart.Hunting.Tests;

/// <summary>Small CloudTrail files written by the tests themselves.</summary>
internal static class CloudTrailFixtures
{
    public const string StopLoggingRule = """
        title: Trail Stopped
        id: 0b6d0c56-7a86-4c38-9f0e-2a4f6b7c9d10
        status: test
        author: Rampart tests
        tags:
            - attack.defense-evasion
            - attack.t1562.008
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource: cloudtrail.amazonaws.com
                eventName: StopLogging
            condition: selection
        level: high
        """;

    public const string AnyTrailCallRule = """
        title: Any Trail Call
        id: 5d2e8f1a-3c4b-4e6f-9a7b-8c9d0e1f2a3b
        status: test
        author: Rampart tests
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource: cloudtrail.amazonaws.com
            condition: selection
        level: low
        """;

    /// <summary>A window that fires on many different read calls by one principal, and a baseline of the regions each uses.</summary>
    public const string CorrelatedRules = """
        title: Many Different Reads
        id: 6e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b
        correlation:
            type: value_count
            rules:
                - trail_read_call
            group-by:
                - userIdentity.arn
            timespan: 20m
            condition:
                field: eventName
                gte: 4
        level: medium
        ---
        title: Region New to the Principal
        id: 7f2a3b4c-5d6e-4f7a-9b8c-0d1e2f3a4b5c
        correlation:
            type: new_value
            rules:
                - trail_any_call
            group-by:
                - userIdentity.arn
            condition:
                field: awsRegion
            learning: 1d
        level: medium
        ---
        title: Read Call
        id: 8a3b4c5d-6e7f-4a8b-8c9d-1e2f3a4b5c6d
        name: trail_read_call
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventName|startswith:
                    - Describe
                    - List
            condition: selection
        level: informational
        ---
        title: Any Call
        id: 9b4c5d6e-7f8a-4b9c-9d0e-2f3a4b5c6d7e
        name: trail_any_call
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource|exists: true
            condition: selection
        level: informational
        """;

    public static string Event(string name, string time, string account = "111122223333", string region = "eu-west-1", string source = "cloudtrail.amazonaws.com", string id = "")
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = "IAMUser",
                ["principalId"] = "AIDAEXAMPLE",
                ["arn"] = $"arn:aws:iam::{account}:user/mallory",
                ["accountId"] = account,
                ["userName"] = "mallory",
            },
            ["eventTime"] = time,
            ["eventSource"] = source,
            ["eventName"] = name,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = "203.0.113.7",
            ["userAgent"] = "aws-cli/2.15.0",
            ["requestParameters"] = new JsonObject { ["name"] = "main-trail" },
            ["responseElements"] = null,
            ["eventID"] = id.Length > 0 ? id : Guid.NewGuid().ToString(),
            ["readOnly"] = false,
            ["eventType"] = "AwsApiCall",
            ["managementEvent"] = true,
            ["recipientAccountId"] = account,
        };
        return record.ToJsonString();
    }

    public static byte[] RecordsFile(params string[] events) => Gzip("{\"Records\":[" + string.Join(',', events) + "]}");

    public static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return memory.ToArray();
    }

    public static string Key(string account, string region, string day, string name) =>
        $"AWSLogs/{account}/CloudTrail/{region}/{day}/{account}_CloudTrail_{region}_{name}.json.gz";
}
