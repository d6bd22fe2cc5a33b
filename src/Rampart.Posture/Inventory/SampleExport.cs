using Rampart.Core;

namespace Rampart.Posture.Inventory;

/// <summary>
/// Writes a small account's configuration as AWS CLI output in Rampart's export layout (docs/inventory.md), with the
/// mistakes teams make mixed in — SSH open to the world, a bucket without public access block, a weak password policy, an
/// unencrypted volume, IMDSv1 allowed, a trail without validation, a VPC without flow logs, an alarm nobody receives, a
/// virtual MFA device on root —
/// for <c>rampart demo</c> and tutorials.
/// </summary>
public static class SampleExport
{
    /// <summary>Writes the export under <paramref name="directory"/> and returns the account folder to assess.</summary>
    /// <param name="directory">Where to write; created when missing.</param>
    /// <param name="account">The twelve-digit account.</param>
    /// <param name="region">The region of the regional resources.</param>
    public static string Write(string directory, string account, string region)
    {
        Guard.NotEmpty(directory);
        Guard.NotEmpty(account);
        Guard.NotEmpty(region);
        var root = Path.Combine(directory, account);
        var regional = Path.Combine(root, region);
        var global = Path.Combine(root, "global");
        Directory.CreateDirectory(regional);
        Directory.CreateDirectory(global);

        File.WriteAllText(Path.Combine(root, "sts-get-caller-identity.json"),
            $$$"""{"UserId": "AIDASAMPLE", "Account": "{{{account}}}", "Arn": "arn:aws:iam::{{{account}}}:user/auditor"}""");
        File.WriteAllText(Path.Combine(regional, "ec2-describe-security-groups.json"), $$$"""
            {"SecurityGroups": [
              {"GroupId": "sg-0a1b2c3d4e5f60001", "GroupName": "bastion", "Description": "jump host", "VpcId": "vpc-0sample", "OwnerId": "{{{account}}}",
               "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "temporary"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}],
               "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}],
               "Tags": [{"Key": "team", "Value": "platform"}]},
              {"GroupId": "sg-0a1b2c3d4e5f60002", "GroupName": "web", "Description": "load balancer", "VpcId": "vpc-0sample", "OwnerId": "{{{account}}}",
               "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}], "PrefixListIds": [], "UserIdGroupPairs": []}],
               "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}]},
              {"GroupId": "sg-0a1b2c3d4e5f60003", "GroupName": "default", "Description": "default VPC security group", "VpcId": "vpc-0sample", "OwnerId": "{{{account}}}",
               "IpPermissions": [{"IpProtocol": "-1", "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": [{"GroupId": "sg-0a1b2c3d4e5f60003", "UserId": "{{{account}}}"}]}],
               "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}]}
            ]}
            """);
        File.WriteAllText(Path.Combine(regional, "ec2-describe-instances.json"), $$$"""
            {"Reservations": [{"OwnerId": "{{{account}}}", "Instances": [
              {"InstanceId": "i-0sample00000000001", "InstanceType": "t3.micro", "State": {"Name": "running"}, "VpcId": "vpc-0sample",
               "SecurityGroups": [{"GroupId": "sg-0a1b2c3d4e5f60001", "GroupName": "bastion"}],
               "MetadataOptions": {"State": "applied", "HttpTokens": "optional", "HttpPutResponseHopLimit": 1, "HttpEndpoint": "enabled"}},
              {"InstanceId": "i-0sample00000000002", "InstanceType": "m6i.large", "State": {"Name": "running"}, "VpcId": "vpc-0sample",
               "SecurityGroups": [{"GroupId": "sg-0a1b2c3d4e5f60002", "GroupName": "web"}],
               "MetadataOptions": {"State": "applied", "HttpTokens": "required", "HttpPutResponseHopLimit": 1, "HttpEndpoint": "enabled"}}]}]}
            """);
        File.WriteAllText(Path.Combine(regional, "ec2-describe-volumes.json"), """
            {"Volumes": [
              {"VolumeId": "vol-0sample000000001", "Size": 100, "VolumeType": "gp3", "State": "in-use", "Encrypted": false,
               "Attachments": [{"InstanceId": "i-0sample00000000001", "Device": "/dev/xvda", "State": "attached"}]},
              {"VolumeId": "vol-0sample000000002", "Size": 500, "VolumeType": "gp3", "State": "in-use", "Encrypted": true,
               "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/00000000-0000-0000-0000-000000000001",
               "Attachments": [{"InstanceId": "i-0sample00000000002", "Device": "/dev/xvda", "State": "attached"}]}
            ]}
            """.Replace("111122223333", account, StringComparison.Ordinal).Replace("eu-west-1", region, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(regional, "ec2-get-ebs-encryption-by-default.json"), """{"EbsEncryptionByDefault": false}""");
        File.WriteAllText(Path.Combine(regional, "cloudtrail-describe-trails.json"), $$$"""
            {"trailList": [{"Name": "management", "S3BucketName": "sample-trail-logs-{{{account}}}", "IncludeGlobalServiceEvents": true,
              "IsMultiRegionTrail": true, "HomeRegion": "{{{region}}}", "TrailARN": "arn:aws:cloudtrail:{{{region}}}:{{{account}}}:trail/management",
              "LogFileValidationEnabled": false, "HasCustomEventSelectors": false, "IsOrganizationTrail": false,
              "CloudWatchLogsLogGroupArn": "arn:aws:logs:{{{region}}}:{{{account}}}:log-group:management-trail:*"}]}
            """);

        // The monitoring chain: root use reaches a subscribed topic; unauthorised calls reach a topic nobody receives.
        File.WriteAllText(Path.Combine(regional, "logs-describe-metric-filters.json"), """
            {"metricFilters": [
              {"filterName": "root-use", "logGroupName": "management-trail",
               "filterPattern": "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
               "metricTransformations": [{"metricName": "RootUse", "metricNamespace": "Security", "metricValue": "1"}]},
              {"filterName": "unauthorised-calls", "logGroupName": "management-trail",
               "filterPattern": "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
               "metricTransformations": [{"metricName": "UnauthorisedCalls", "metricNamespace": "Security", "metricValue": "1"}]}]}
            """);
        File.WriteAllText(Path.Combine(regional, "cloudwatch-describe-alarms.json"), $$$"""
            {"MetricAlarms": [
              {"AlarmName": "root-use", "AlarmArn": "arn:aws:cloudwatch:{{{region}}}:{{{account}}}:alarm:root-use", "ActionsEnabled": true,
               "AlarmActions": ["arn:aws:sns:{{{region}}}:{{{account}}}:security-oncall"], "MetricName": "RootUse", "Namespace": "Security",
               "Statistic": "Sum", "Period": 300, "EvaluationPeriods": 1, "Threshold": 1.0, "ComparisonOperator": "GreaterThanOrEqualToThreshold"},
              {"AlarmName": "unauthorised-calls", "AlarmArn": "arn:aws:cloudwatch:{{{region}}}:{{{account}}}:alarm:unauthorised-calls", "ActionsEnabled": true,
               "AlarmActions": ["arn:aws:sns:{{{region}}}:{{{account}}}:security-digest"], "MetricName": "UnauthorisedCalls", "Namespace": "Security",
               "Statistic": "Sum", "Period": 300, "EvaluationPeriods": 1, "Threshold": 1.0, "ComparisonOperator": "GreaterThanOrEqualToThreshold"}]}
            """);
        File.WriteAllText(Path.Combine(regional, "sns-list-topics.json"), $$$"""
            {"Topics": [{"TopicArn": "arn:aws:sns:{{{region}}}:{{{account}}}:security-oncall"}, {"TopicArn": "arn:aws:sns:{{{region}}}:{{{account}}}:security-digest"}]}
            """);
        File.WriteAllText(Path.Combine(regional, "sns-list-subscriptions.json"), $$$"""
            {"Subscriptions": [
              {"SubscriptionArn": "arn:aws:sns:{{{region}}}:{{{account}}}:security-oncall:7c1d2e3f-0000-4000-8000-000000000001", "Owner": "{{{account}}}",
               "Protocol": "email", "Endpoint": "oncall@example.com", "TopicArn": "arn:aws:sns:{{{region}}}:{{{account}}}:security-oncall"},
              {"SubscriptionArn": "PendingConfirmation", "Owner": "{{{account}}}",
               "Protocol": "email", "Endpoint": "digest@example.com", "TopicArn": "arn:aws:sns:{{{region}}}:{{{account}}}:security-digest"}]}
            """);

        // Two VPCs, one of them without flow logs.
        File.WriteAllText(Path.Combine(regional, "ec2-describe-vpcs.json"), $$$"""
            {"Vpcs": [{"VpcId": "vpc-0sample", "CidrBlock": "10.0.0.0/16", "State": "available", "OwnerId": "{{{account}}}", "IsDefault": false},
                      {"VpcId": "vpc-0legacy", "CidrBlock": "172.31.0.0/16", "State": "available", "OwnerId": "{{{account}}}", "IsDefault": true}]}
            """);
        File.WriteAllText(Path.Combine(regional, "ec2-describe-flow-logs.json"), """
            {"FlowLogs": [{"FlowLogId": "fl-0sample000000001", "FlowLogStatus": "ACTIVE", "ResourceId": "vpc-0sample", "TrafficType": "ALL",
              "LogDestinationType": "cloud-watch-logs", "LogGroupName": "vpc-flow-logs", "DeliverLogsStatus": "SUCCESS"}]}
            """);
        Directory.CreateDirectory(Path.Combine(regional, "cloudtrail-get-trail-status"));
        File.WriteAllText(Path.Combine(regional, "cloudtrail-get-trail-status", "management.json"), """{"IsLogging": true}""");

        File.WriteAllText(Path.Combine(global, "iam-get-account-password-policy.json"), """
            {"PasswordPolicy": {"MinimumPasswordLength": 8, "RequireSymbols": false, "RequireNumbers": true, "RequireUppercaseCharacters": true,
              "RequireLowercaseCharacters": true, "AllowUsersToChangePassword": true, "ExpirePasswords": false, "PasswordReusePrevention": 5}}
            """);
        File.WriteAllText(Path.Combine(global, "iam-get-account-summary.json"), """
            {"SummaryMap": {"AccountMFAEnabled": 1, "AccountAccessKeysPresent": 0, "Users": 4, "Groups": 2, "Roles": 12, "Policies": 6, "MFADevices": 2, "MFADevicesInUse": 2}}
            """);
        File.WriteAllText(Path.Combine(global, "iam-list-virtual-mfa-devices.json"), $$$"""
            {"VirtualMFADevices": [
              {"SerialNumber": "arn:aws:iam::{{{account}}}:mfa/root-account-mfa-device", "User": {"UserId": "{{{account}}}", "Arn": "arn:aws:iam::{{{account}}}:root"}, "EnableDate": "2023-01-15T09:30:00+00:00"},
              {"SerialNumber": "arn:aws:iam::{{{account}}}:mfa/auditor", "User": {"UserName": "auditor", "Arn": "arn:aws:iam::{{{account}}}:user/auditor"}, "EnableDate": "2024-02-01T08:00:00+00:00"}]}
            """);
        File.WriteAllText(Path.Combine(global, "s3-list-buckets.json"), $$$"""
            {"Buckets": [{"Name": "sample-website-{{{account}}}", "CreationDate": "2024-03-01T10:00:00+00:00"},
                         {"Name": "sample-trail-logs-{{{account}}}", "CreationDate": "2023-01-15T09:00:00+00:00"}],
             "Owner": {"ID": "0000000000000000000000000000000000000000000000000000000000000000"}}
            """);
        var website = $"sample-website-{account}";
        var logs = $"sample-trail-logs-{account}";
        void PerBucket(string operation, string bucket, string json)
        {
            var folder = Path.Combine(global, "s3-" + operation);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, bucket + ".json"), json);
        }

        foreach (var bucket in new[] { website, logs })
            PerBucket("get-bucket-location", bucket, $$$"""{"LocationConstraint": "{{{region}}}"}""");
        PerBucket("get-bucket-policy", website, $$$"""
            {"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{{{website}}}/*\"}]}"}
            """);
        PerBucket("get-bucket-policy", logs, """
            {"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"TlsOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::BUCKET\",\"arn:aws:s3:::BUCKET/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"}
            """.Replace("BUCKET", logs, StringComparison.Ordinal));
        PerBucket("get-public-access-block", logs, """
            {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true}}
            """);
        PerBucket("get-bucket-encryption", logs, """
            {"ServerSideEncryptionConfiguration": {"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}, "BucketKeyEnabled": true}]}}
            """);
        PerBucket("get-bucket-versioning", logs, """{"Status": "Enabled", "MFADelete": "Disabled"}""");
        PerBucket("get-bucket-logging", logs, "{}");
        return root;
    }
}
