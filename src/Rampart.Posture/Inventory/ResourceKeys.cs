using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Rampart.Posture.Inventory;

/// <summary>
/// Resource keys: the ARN, built per service as AWS documents it, for the types Rampart maps; otherwise
/// <c>TYPE/ACCOUNT/REGION/ID</c>. Importers prefer an ARN the data carries (it keeps IAM paths and partitions other
/// than <c>aws</c>); these builders are for data without one.
/// </summary>
public static partial class ResourceKeys
{
    // {0} region, {1} account, {2} id. Snapshots have no account in their ARN; S3 buckets neither region nor account.
    private static readonly FrozenDictionary<string, string> Patterns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS::EC2::SecurityGroup"] = "arn:aws:ec2:{0}:{1}:security-group/{2}",
        ["AWS::EC2::Instance"] = "arn:aws:ec2:{0}:{1}:instance/{2}",
        ["AWS::EC2::Volume"] = "arn:aws:ec2:{0}:{1}:volume/{2}",
        ["AWS::EC2::Snapshot"] = "arn:aws:ec2:{0}::snapshot/{2}",
        ["AWS::EC2::VPC"] = "arn:aws:ec2:{0}:{1}:vpc/{2}",
        ["AWS::EC2::Subnet"] = "arn:aws:ec2:{0}:{1}:subnet/{2}",
        ["AWS::EC2::FlowLog"] = "arn:aws:ec2:{0}:{1}:vpc-flow-log/{2}",
        ["AWS::EC2::NetworkAcl"] = "arn:aws:ec2:{0}:{1}:network-acl/{2}",
        ["AWS::EC2::NetworkInterface"] = "arn:aws:ec2:{0}:{1}:network-interface/{2}",
        ["AWS::EC2::InternetGateway"] = "arn:aws:ec2:{0}:{1}:internet-gateway/{2}",
        ["AWS::EC2::RouteTable"] = "arn:aws:ec2:{0}:{1}:route-table/{2}",
        ["AWS::S3::Bucket"] = "arn:aws:s3:::{2}",
        ["AWS::IAM::User"] = "arn:aws:iam::{1}:user/{2}",
        ["AWS::IAM::Role"] = "arn:aws:iam::{1}:role/{2}",
        ["AWS::IAM::Group"] = "arn:aws:iam::{1}:group/{2}",
        ["AWS::IAM::Policy"] = "arn:aws:iam::{1}:policy/{2}",
        ["AWS::CloudTrail::Trail"] = "arn:aws:cloudtrail:{0}:{1}:trail/{2}",
        ["AWS::KMS::Key"] = "arn:aws:kms:{0}:{1}:key/{2}",
        ["AWS::RDS::DBInstance"] = "arn:aws:rds:{0}:{1}:db:{2}",
        ["AWS::RDS::DBSnapshot"] = "arn:aws:rds:{0}:{1}:snapshot:{2}",
        ["AWS::RDS::DBCluster"] = "arn:aws:rds:{0}:{1}:cluster:{2}",
        ["AWS::EFS::FileSystem"] = "arn:aws:elasticfilesystem:{0}:{1}:file-system/{2}",
        ["AWS::Lambda::Function"] = "arn:aws:lambda:{0}:{1}:function:{2}",
        ["AWS::SNS::Topic"] = "arn:aws:sns:{0}:{1}:{2}",
        ["AWS::CloudWatch::Alarm"] = "arn:aws:cloudwatch:{0}:{1}:alarm:{2}",
        ["AWS::Logs::LogGroup"] = "arn:aws:logs:{0}:{1}:log-group:{2}",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The account used when no input says which account it describes.</summary>
    public const string UnknownAccount = "000000000000";

    /// <summary>The region of global resources and account-level settings.</summary>
    public const string Global = "global";

    /// <summary>
    /// The key of a resource: its ARN for the types with a known ARN format (security groups
    /// <c>arn:aws:ec2:REGION:ACCOUNT:security-group/ID</c>, buckets <c>arn:aws:s3:::NAME</c>, snapshots
    /// <c>arn:aws:ec2:REGION::snapshot/ID</c>…), otherwise <c>TYPE/ACCOUNT/REGION/ID</c> (every pseudo-type).
    /// </summary>
    public static string For(string type, string account, string region, string id) =>
        Patterns.TryGetValue(type, out var pattern)
            ? pattern.Replace("{0}", region, StringComparison.Ordinal).Replace("{1}", account, StringComparison.Ordinal).Replace("{2}", id, StringComparison.Ordinal)
            : $"{type}/{account}/{region}/{id}";

    /// <summary>Whether Rampart knows the ARN format of <paramref name="type"/>.</summary>
    public static bool HasArnFormat(string type) => Patterns.ContainsKey(type);

    /// <summary>The service part an ARN of <paramref name="type"/> has (<c>ec2</c>, <c>s3</c>…), or null when unknown.</summary>
    public static string? ServiceOf(string type) =>
        Patterns.TryGetValue(type, out var pattern) ? pattern.Split(':')[2] : null;

    /// <summary>Whether <paramref name="value"/> is a twelve-digit account id.</summary>
    public static bool IsAccountId(string? value) => value is not null && AccountPattern().IsMatch(value);

    /// <summary>The account of an ARN (<c>arn:PARTITION:SERVICE:REGION:ACCOUNT:…</c>) when it has a twelve-digit one.</summary>
    public static string? AccountOfArn(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal))
            return null;
        var parts = arn.Split(':', 6);
        return parts.Length >= 6 && IsAccountId(parts[4]) ? parts[4] : null;
    }

    /// <summary>The first ARN-embedded account id in a text, or null.</summary>
    internal static string? FindAccountIn(string text)
    {
        var match = ArnAccountPattern().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:([0-9]{12}):")]
    private static partial Regex ArnAccountPattern();
}
