using System.Collections.Frozen;
using Rampart.Iam.Catalog;

namespace Rampart.Iam.Activity;

/// <summary>
/// Maps a CloudTrail event (<c>eventSource</c>, <c>eventName</c>) to the IAM action that authorises it: the service
/// prefix is the host's first label save for the services whose endpoint and prefix differ, and API version suffixes
/// (Lambda's <c>UpdateFunctionCode20150331v2</c>) are dropped when the catalog knows the shorter name.
/// </summary>
public static class CloudTrailActions
{
    // Event sources whose IAM prefix is not the first label of the host.
    private static readonly FrozenDictionary<string, string> Prefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["monitoring.amazonaws.com"] = "cloudwatch",
        ["email.amazonaws.com"] = "ses",
        ["elasticmapreduce.amazonaws.com"] = "elasticmapreduce",
        ["es.amazonaws.com"] = "es",
        ["ssm-incidents.amazonaws.com"] = "ssm-incidents",
        ["execute-api.amazonaws.com"] = "execute-api",
        ["apigateway.amazonaws.com"] = "apigateway",
        ["awslambda.amazonaws.com"] = "lambda",
        ["sso-directory.amazonaws.com"] = "sso-directory",
        ["identitystore.amazonaws.com"] = "identitystore",
        ["tagging.amazonaws.com"] = "tag",
        ["resource-explorer-2.amazonaws.com"] = "resource-explorer-2",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Calls whose event name is not the name of the permission that authorises them.
    private static readonly FrozenDictionary<string, string> Renamed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["s3:ListBuckets"] = "s3:ListAllMyBuckets",
        ["s3:HeadObject"] = "s3:GetObject",
        ["s3:HeadBucket"] = "s3:ListBucket",
        ["s3:ListObjects"] = "s3:ListBucket",
        ["s3:ListObjectsV2"] = "s3:ListBucket",
        ["s3:ListObjectVersions"] = "s3:ListBucketVersions",
        ["s3:CreateMultipartUpload"] = "s3:PutObject",
        ["s3:UploadPart"] = "s3:PutObject",
        ["s3:UploadPartCopy"] = "s3:PutObject",
        ["s3:CompleteMultipartUpload"] = "s3:PutObject",
        ["s3:CopyObject"] = "s3:PutObject",
        ["s3:DeleteObjects"] = "s3:DeleteObject",
        ["lambda:Invoke"] = "lambda:InvokeFunction",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The IAM action for the event, such as <c>s3:GetObject</c>; null when the event is not an authorised API call
    /// (sign-in events, AWS-internal events) or names nothing the catalog knows.
    /// </summary>
    /// <param name="eventSource">CloudTrail <c>eventSource</c> (<c>s3.amazonaws.com</c>).</param>
    /// <param name="eventName">CloudTrail <c>eventName</c> (<c>GetObject</c>).</param>
    /// <param name="catalog">The action catalog.</param>
    public static string? ToIamAction(string eventSource, string eventName, IamCatalog catalog)
    {
        Core.Guard.NotNull(eventSource);
        Core.Guard.NotNull(eventName);
        Core.Guard.NotNull(catalog);
        if (eventSource.Length == 0 || eventName.Length == 0)
            return null;
        var prefix = Prefixes.GetValueOrDefault(eventSource);
        if (prefix is null)
        {
            var dot = eventSource.IndexOf('.', StringComparison.Ordinal);
            prefix = dot > 0 ? eventSource[..dot] : eventSource;
        }

        var action = prefix + ":" + eventName;
        if (Renamed.TryGetValue(action, out var renamed))
            action = renamed;
        if (catalog.TryGetAction(action, out var found))
            return found.FullName;

        // API versions in event names: UpdateFunctionCode20150331v2, ListFunctions20150331.
        var end = eventName.Length;
        if (end > 2 && eventName[end - 2] == 'v' && char.IsAsciiDigit(eventName[end - 1]))
            end -= 2;
        var digits = 0;
        while (end - digits > 0 && char.IsAsciiDigit(eventName[end - digits - 1]))
            digits++;
        var stripped = prefix + ":" + eventName[..(end - digits)];
        if (digits == 8 && catalog.TryGetAction(Renamed.GetValueOrDefault(stripped, stripped), out found))
            return found.FullName;
        return null;
    }
}
