using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// Turns AWS Config's camelCase configuration into the AWS API's PascalCase shape, so that a check written once reads
/// both inputs. The rule: a member name that is a plain camelCase identifier gets its first letter upper-cased
/// (<c>ipPermissions</c> → <c>IpPermissions</c>, <c>dBInstanceIdentifier</c> → <c>DBInstanceIdentifier</c>), except the
/// names in <see cref="Renames"/>; values under <see cref="Verbatim"/> members (user data such as tag maps and policy
/// documents) are copied as they are. Then per type, where Config's shape differs from the API's beyond case: security
/// group ranges, and the S3 bucket's supplementary data (ACL, policy, versioning, logging).
/// </summary>
internal static class ConfigNormalizer
{
    /// <summary>Names whose API spelling is not the camelCase one with its first letter upper-cased.</summary>
    public static readonly FrozenDictionary<string, string> Renames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sseAlgorithm"] = "SSEAlgorithm",
        ["kmsMasterKeyID"] = "KMSMasterKeyID",
        ["mfaDelete"] = "MFADelete",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Members whose values are data, not API structure: copied without renaming.</summary>
    public static readonly FrozenSet<string> Verbatim = new[]
    {
        "tags", "variables", "policyText", "policyDocument", "assumeRolePolicyDocument", "policy", "keyPolicy", "attributes",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> GroupGrantees = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AllUsers"] = "http://acs.amazonaws.com/groups/global/AllUsers",
        ["AuthenticatedUsers"] = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
        ["LogDelivery"] = "http://acs.amazonaws.com/groups/s3/LogDelivery",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Permissions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FullControl"] = "FULL_CONTROL",
        ["Read"] = "READ",
        ["Write"] = "WRITE",
        ["ReadAcp"] = "READ_ACP",
        ["WriteAcp"] = "WRITE_ACP",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The configuration in the API's shape.</summary>
    public static JsonObject Configuration(string type, JsonObject configuration)
    {
        var result = (JsonObject)Pascal(configuration)!;
        if (type == "AWS::EC2::SecurityGroup")
        {
            foreach (var direction in (string[])["IpPermissions", "IpPermissionsEgress"])
            {
                foreach (var permission in Json.Array(result, direction) ?? [])
                {
                    if (permission is JsonObject rule)
                        SecurityGroupRule(rule);
                }
            }
        }
        else if (type == "AWS::S3::Bucket" && result["Owner"] is JsonObject owner && owner["Id"] is { } id)
        {
            owner.Remove("Id");
            owner["ID"] = id;
        }

        return result;
    }

    /// <summary>A supplementary value in the API's shape; null when it says "none" (no policy, logging off…).</summary>
    public static JsonNode? Supplementary(string type, string name, JsonNode? value)
    {
        value = Decode(value);
        if (type != "AWS::S3::Bucket")
            return Pascal(value);
        return name switch
        {
            "BucketPolicy" => Json.PolicyDocument(value?["policyText"]),
            "AccessControlList" => Acl(value),
            "BucketVersioningConfiguration" => Versioning(value),
            "BucketLoggingConfiguration" => Logging(value),
            _ => Pascal(value),
        };
    }

    /// <summary>Supplementary values are JSON text in one dialect, and sometimes text of text: decoded until they are not.</summary>
    public static JsonNode? Decode(JsonNode? value)
    {
        for (var depth = 0; depth < 3 && Json.Text(value) is { } text; depth++)
        {
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0 || !(trimmed[0] is '{' or '[' or '"' || trimmed is "true" or "false" or "null" || char.IsAsciiDigit(trimmed[0])))
                break;
            if (Json.TryParse(text) is not { } parsed)
                break;
            value = parsed;
        }

        return value is null || value.Parent is null ? value : value.DeepClone();
    }

    private static JsonNode? Pascal(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var result = new JsonObject();
                foreach (var (name, value) in o)
                {
                    var copy = Verbatim.Contains(name) && value is not JsonArray ? value?.DeepClone() : Pascal(value);
                    result[Rename(name)] = copy;
                }

                return result;
            case JsonArray a:
                return new JsonArray([.. a.Select(Pascal)]);
            default:
                return node?.DeepClone();
        }
    }

    private static string Rename(string name)
    {
        if (Renames.TryGetValue(name, out var renamed))
            return renamed;
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]))
            return name;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return name;
        }

        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    // Config writes IPv4 ranges twice: `ipRanges` as bare CIDRs and `ipv4Ranges` as objects; the API has `IpRanges` objects.
    private static void SecurityGroupRule(JsonObject rule)
    {
        if (rule["Ipv4Ranges"] is JsonArray v4)
        {
            rule.Remove("Ipv4Ranges");
            rule["IpRanges"] = v4;
        }
        else if (rule["IpRanges"] is JsonArray ranges)
        {
            rule["IpRanges"] = new JsonArray([.. ranges.Select(r => Json.Text(r) is { } cidr ? new JsonObject { ["CidrIp"] = cidr } : r?.DeepClone())]);
        }

        if (rule["Ipv6Ranges"] is JsonArray v6)
            rule["Ipv6Ranges"] = new JsonArray([.. v6.Select(r => Json.Text(r) is { } cidr ? new JsonObject { ["CidrIpv6"] = cidr } : r?.DeepClone())]);
        foreach (var member in (string[])["IpRanges", "Ipv6Ranges", "PrefixListIds", "UserIdGroupPairs"])
            rule[member] ??= new JsonArray();
    }

    private static JsonObject? Acl(JsonNode? value)
    {
        if (value is not JsonObject acl)
            return null;
        var grants = new JsonArray();
        foreach (var grant in Json.Array(acl, "grantList") ?? [])
        {
            var grantee = grant?["grantee"];
            JsonObject target;
            if (Json.Text(grantee) is { } group)
            {
                target = new JsonObject { ["Type"] = "Group", ["URI"] = GroupGrantees.GetValueOrDefault(group, group) };
            }
            else if (Json.String(grantee, "typeIdentifier") == "emailAddress")
            {
                target = new JsonObject { ["Type"] = "AmazonCustomerByEmail", ["EmailAddress"] = Json.String(grantee, "identifier") };
            }
            else
            {
                target = new JsonObject { ["Type"] = "CanonicalUser", ["ID"] = Json.String(grantee, "id") ?? Json.String(grantee, "identifier") };
                if (Json.String(grantee, "displayName") is { } display)
                    target["DisplayName"] = display;
            }

            var permission = Json.String(grant, "permission") ?? "";
            grants.Add(new JsonObject { ["Grantee"] = target, ["Permission"] = Permissions.GetValueOrDefault(permission, permission) });
        }

        var owner = new JsonObject();
        if (Json.String(acl["owner"], "displayName") is { } ownerName)
            owner["DisplayName"] = ownerName;
        owner["ID"] = Json.String(acl["owner"], "id");
        return new JsonObject { ["Owner"] = owner, ["Grants"] = grants };
    }

    // Config: {status: Off|Enabled|Suspended, isMfaDeleteEnabled: null|bool}; API: {Status?, MFADelete?}, members absent when never set.
    private static JsonObject Versioning(JsonNode? value)
    {
        var result = new JsonObject();
        if (Json.String(value, "status") is { } status && status != "Off")
            result["Status"] = status;
        if (value?["isMfaDeleteEnabled"] is JsonValue mfa && mfa.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            result["MFADelete"] = mfa.GetValue<bool>() ? "Enabled" : "Disabled";
        return result;
    }

    private static JsonObject Logging(JsonNode? value)
    {
        if (Json.String(value, "destinationBucketName") is not { } bucket)
            return [];
        return new JsonObject { ["LoggingEnabled"] = new JsonObject { ["TargetBucket"] = bucket, ["TargetPrefix"] = Json.String(value, "logFilePrefix") ?? "" } };
    }
}
