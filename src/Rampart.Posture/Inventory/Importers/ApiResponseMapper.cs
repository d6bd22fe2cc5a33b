using System.Collections.Frozen;
using System.Text;
using System.Text.Json.Nodes;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// Maps AWS API responses (as the CLI prints them, or as placebo records them) to resources: list and describe calls
/// create resources, per-resource calls add supplementary data to the resource they are about, account settings become
/// pseudo-types. Shared by the CLI-export and the recorded-response importers. The table below is the reference for
/// docs/inventory.md.
/// </summary>
internal static class ApiResponseMapper
{
    private delegate void Handler(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics);

    // Errors that mean "this is not configured", which is itself the answer (no bucket policy, no password policy…).
    private static readonly FrozenSet<string> NotConfiguredErrors = new[]
    {
        "NoSuchEntity", "NoSuchBucketPolicy", "NoSuchPublicAccessBlockConfiguration", "ServerSideEncryptionConfigurationNotFoundError",
        "NoSuchTagSet", "NoSuchTagSetError", "ResourceNotFoundException", "InvalidAccessException", "NoSuchLifecycleConfiguration",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Handler> Handlers = new Dictionary<string, Handler>(StringComparer.Ordinal)
    {
        ["ec2 describe-security-groups"] = (c, r, d) => List(c, r, d, "SecurityGroups", "AWS::EC2::SecurityGroup", "GroupId"),
        ["ec2 describe-instances"] = DescribeInstances,
        ["ec2 describe-volumes"] = (c, r, d) => List(c, r, d, "Volumes", "AWS::EC2::Volume", "VolumeId"),
        ["ec2 describe-snapshots"] = DescribeSnapshots,
        ["ec2 describe-snapshot-attribute"] = (c, r, d) => Attach(c, r, d, "AWS::EC2::Snapshot", Json.String(c.Body, "SnapshotId"), null, "CreateVolumePermissions", Json.Copy(c.Body["CreateVolumePermissions"])),
        ["ec2 describe-vpcs"] = (c, r, d) => List(c, r, d, "Vpcs", "AWS::EC2::VPC", "VpcId"),
        ["ec2 describe-subnets"] = (c, r, d) => List(c, r, d, "Subnets", "AWS::EC2::Subnet", "SubnetId", "SubnetArn"),
        ["ec2 describe-flow-logs"] = (c, r, d) => List(c, r, d, "FlowLogs", "AWS::EC2::FlowLog", "FlowLogId"),
        ["ec2 describe-network-acls"] = (c, r, d) => List(c, r, d, "NetworkAcls", "AWS::EC2::NetworkAcl", "NetworkAclId"),
        ["ec2 get-ebs-encryption-by-default"] = (c, r, _) => Setting(c, r, ResourceTypes.EbsEncryptionByDefault, c.Region, "ebs-encryption-by-default", Strip(c.Body)),
        ["ec2 get-ebs-default-kms-key-id"] = (c, r, _) => Setting(c, r, ResourceTypes.EbsEncryptionByDefault, c.Region, "ebs-encryption-by-default", Strip(c.Body)),

        ["s3 list-buckets"] = ListBuckets,
        ["s3 get-bucket-location"] = BucketLocation,
        ["s3 get-bucket-policy"] = (c, r, d) => AttachBucket(c, r, d, "BucketPolicy", Json.PolicyDocument(c.Body["Policy"])),
        ["s3 get-bucket-policy-status"] = (c, r, d) => AttachBucket(c, r, d, "BucketPolicyStatus", Json.Copy(c.Body["PolicyStatus"])),
        ["s3 get-bucket-acl"] = (c, r, d) => AttachBucket(c, r, d, "AccessControlList", Strip(c.Body)),
        ["s3 get-bucket-encryption"] = (c, r, d) => AttachBucket(c, r, d, "ServerSideEncryptionConfiguration", Json.Copy(c.Body["ServerSideEncryptionConfiguration"])),
        ["s3 get-bucket-versioning"] = (c, r, d) => AttachBucket(c, r, d, "BucketVersioningConfiguration", Strip(c.Body)),
        ["s3 get-bucket-logging"] = (c, r, d) => AttachBucket(c, r, d, "BucketLoggingConfiguration", Strip(c.Body)),
        ["s3 get-public-access-block"] = (c, r, d) => AttachBucket(c, r, d, "PublicAccessBlockConfiguration", Json.Copy(c.Body["PublicAccessBlockConfiguration"])),
        ["s3 get-bucket-tagging"] = BucketTagging,
        ["s3control get-public-access-block"] = AccountPublicAccessBlock,

        ["iam get-account-password-policy"] = PasswordPolicy,
        ["iam get-account-summary"] = (c, r, _) => Setting(c, r, ResourceTypes.AccountSummary, ResourceKeys.Global, "account-summary", Json.Copy(c.Body["SummaryMap"]) as JsonObject ?? []),
        ["iam get-credential-report"] = CredentialReport,
        ["iam list-virtual-mfa-devices"] = (c, r, _) => Setting(c, r, ResourceTypes.VirtualMfaDevices, ResourceKeys.Global, "virtual-mfa-devices", Pick(c.Body, "VirtualMFADevices")),
        ["iam get-account-authorization-details"] = AuthorizationDetails,
        ["iam list-users"] = (c, r, d) => Iam(c, r, d, c.Body["Users"], "AWS::IAM::User", "UserName"),
        ["iam get-user"] = (c, r, d) => Iam(c, r, d, new JsonArray(Json.Copy(c.Body["User"])), "AWS::IAM::User", "UserName"),
        ["iam list-roles"] = (c, r, d) => Iam(c, r, d, c.Body["Roles"], "AWS::IAM::Role", "RoleName"),
        ["iam list-policies"] = (c, r, d) => Iam(c, r, d, c.Body["Policies"], "AWS::IAM::Policy", "PolicyName"),

        ["cloudtrail describe-trails"] = DescribeTrails,
        ["cloudtrail get-trail-status"] = (c, r, d) => Attach(c, r, d, "AWS::CloudTrail::Trail", null, "Name", "TrailStatus", Strip(c.Body)),
        ["cloudtrail get-event-selectors"] = (c, r, d) => Attach(c, r, d, "AWS::CloudTrail::Trail", Json.String(c.Body, "TrailARN"), "Name", "EventSelectors", Without(Strip(c.Body), "TrailARN")),

        ["config describe-configuration-recorders"] = (c, r, _) => Setting(c, r, ResourceTypes.ConfigRegion, c.Region, "config", Pick(c.Body, "ConfigurationRecorders")),
        ["config describe-configuration-recorder-status"] = (c, r, _) => Setting(c, r, ResourceTypes.ConfigRegion, c.Region, "config", Pick(c.Body, "ConfigurationRecordersStatus")),
        ["config describe-delivery-channels"] = (c, r, _) => Setting(c, r, ResourceTypes.ConfigRegion, c.Region, "config", Pick(c.Body, "DeliveryChannels")),

        ["kms list-keys"] = (c, r, d) => List(c, r, d, "Keys", "AWS::KMS::Key", "KeyId", "KeyArn"),
        ["kms describe-key"] = (c, r, d) => List(c, r, d, null, "AWS::KMS::Key", "KeyId", "Arn", c.Body["KeyMetadata"] is JsonObject m ? [m.DeepClone()] : null),
        ["kms get-key-rotation-status"] = (c, r, d) => Attach(c, r, d, "AWS::KMS::Key", Json.String(c.Body, "KeyId"), null, "KeyRotationStatus", Strip(c.Body)),
        ["kms get-key-policy"] = (c, r, d) => Attach(c, r, d, "AWS::KMS::Key", null, null, "KeyPolicy", Json.PolicyDocument(c.Body["Policy"])),

        ["rds describe-db-instances"] = (c, r, d) => List(c, r, d, "DBInstances", "AWS::RDS::DBInstance", "DBInstanceIdentifier", "DBInstanceArn"),
        ["rds describe-db-clusters"] = (c, r, d) => List(c, r, d, "DBClusters", "AWS::RDS::DBCluster", "DBClusterIdentifier", "DBClusterArn"),
        ["rds describe-db-snapshots"] = (c, r, d) => List(c, r, d, "DBSnapshots", "AWS::RDS::DBSnapshot", "DBSnapshotIdentifier", "DBSnapshotArn"),
        ["rds describe-db-snapshot-attributes"] = (c, r, d) => Attach(
            c, r, d, "AWS::RDS::DBSnapshot", Json.String(c.Body["DBSnapshotAttributesResult"], "DBSnapshotIdentifier"), null,
            "DBSnapshotAttributes", Json.Copy(c.Body["DBSnapshotAttributesResult"]?["DBSnapshotAttributes"])),

        ["efs describe-file-systems"] = (c, r, d) => List(c, r, d, "FileSystems", "AWS::EFS::FileSystem", "FileSystemId", "FileSystemArn"),

        ["guardduty list-detectors"] = (c, r, _) => Setting(c, r, ResourceTypes.GuardDutyRegion, c.Region, "guardduty", Pick(c.Body, "DetectorIds")),
        ["guardduty get-detector"] = GetDetector,
        ["securityhub describe-hub"] = DescribeHub,

        ["logs describe-metric-filters"] = MetricFilters,
        ["logs describe-log-groups"] = LogGroups,
        ["cloudwatch describe-alarms"] = (c, r, d) => List(c, r, d, "MetricAlarms", "AWS::CloudWatch::Alarm", "AlarmName", "AlarmArn"),
        ["cloudwatch describe-alarms-for-metric"] = (c, r, d) => List(c, r, d, "MetricAlarms", "AWS::CloudWatch::Alarm", "AlarmName", "AlarmArn"),
        ["sns list-topics"] = ListTopics,
        ["sns get-topic-attributes"] = TopicAttributes,
        ["sns list-subscriptions"] = Subscriptions,
        ["sns list-subscriptions-by-topic"] = Subscriptions,

        ["lambda list-functions"] = (c, r, d) => List(c, r, d, "Functions", "AWS::Lambda::Function", "FunctionName", "FunctionArn"),
        ["lambda get-policy"] = (c, r, d) => Attach(c, r, d, "AWS::Lambda::Function", null, "FunctionName", "Policy", Json.PolicyDocument(c.Body["Policy"])),

        ["sts get-caller-identity"] = static (_, _, _) => { },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The per-resource calls: the list call that must be read before them (so the resource exists).
    private static readonly FrozenSet<string> PerResource = new[]
    {
        "ec2 describe-snapshot-attribute", "s3 get-bucket-location", "s3 get-bucket-policy", "s3 get-bucket-policy-status", "s3 get-bucket-acl",
        "s3 get-bucket-encryption", "s3 get-bucket-versioning", "s3 get-bucket-logging", "s3 get-public-access-block", "s3 get-bucket-tagging",
        "cloudtrail get-trail-status", "cloudtrail get-event-selectors", "kms describe-key", "kms get-key-rotation-status", "kms get-key-policy",
        "rds describe-db-snapshot-attributes", "guardduty get-detector", "sns get-topic-attributes", "lambda get-policy", "iam get-user",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <c>SERVICE OPERATION</c> is mapped.</summary>
    public static bool IsMapped(string service, string operation) => Handlers.ContainsKey(service + " " + operation);

    /// <summary>Whether the call is about one resource another call lists (read in a second pass).</summary>
    public static bool IsPerResource(string service, string operation) => PerResource.Contains(service + " " + operation);

    /// <summary>Every mapped call, <c>SERVICE OPERATION</c>, ordered.</summary>
    public static IEnumerable<string> Mapped => Handlers.Keys.Order(StringComparer.Ordinal);

    /// <summary>Applies a response; false when the call is not mapped.</summary>
    public static bool Apply(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        if (!Handlers.TryGetValue(call.Name, out var handler))
            return false;
        if (call.Error is { } error && !NotConfiguredErrors.Contains(error.Code))
        {
            diagnostics.Report(InventoryDiagnostics.ErrorResponse(call.Input.At("$"), error.Code, error.Message));
            return true;
        }

        handler(call, resources, diagnostics);
        return true;
    }

    /// <summary>The CLI's kebab-case name of an API operation (<c>DescribeDBSnapshotAttributes</c> → <c>describe-db-snapshot-attributes</c>).</summary>
    public static string Kebab(string operation)
    {
        var text = new StringBuilder(operation.Length + 8);
        for (var i = 0; i < operation.Length; i++)
        {
            var c = operation[i];
            if (char.IsUpper(c) && i > 0
                && (!char.IsUpper(operation[i - 1]) || (i + 1 < operation.Length && char.IsLower(operation[i + 1]))))
                text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static JsonObject Strip(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("ResponseMetadata");
        copy.Remove("Error");
        return copy;
    }

    private static JsonObject Without(JsonObject body, string member)
    {
        body.Remove(member);
        return body;
    }

    private static JsonObject Pick(JsonObject body, string member) => new() { [member] = Json.Copy(body[member]) ?? new JsonArray() };

    private static void List(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics, string? member, string type, string idMember, string? arnMember = null, JsonArray? items = null)
    {
        items ??= member is null ? null : call.Body[member] as JsonArray;
        if (items is null)
        {
            if (call.Error is null)
                diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At("$"), "$." + member, "an array"));
            return;
        }

        foreach (var item in items)
            Add(call, resources, diagnostics, item, type, idMember, arnMember);
    }

    private static ResourceAccumulator.Entry? Add(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics, JsonNode? item, string type, string idMember, string? arnMember, string? region = null)
    {
        if (item is not JsonObject resource || Json.String(resource, idMember) is not { Length: > 0 } id)
        {
            diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At(item), (item?.GetPath() ?? "$") + "." + idMember, "a string"));
            return null;
        }

        var arn = arnMember is null ? null : Json.String(resource, arnMember);
        return resources.Upsert(type, call.Account, region ?? call.Region, id, arn, (JsonObject)resource.DeepClone(), call.Input.SourceOf(resource));
    }

    private static void Setting(ApiCall call, ResourceAccumulator resources, string type, string region, string id, JsonObject configuration) =>
        resources.Upsert(type, call.Account, region, id, null, configuration, call.Input.SourceOf(call.Body));

    /// <summary>Adds supplementary data to the resource the call is about: named by the layout, the data, or the call's position.</summary>
    private static void Attach(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics, string type, string? idFromData, string? nameMember, string name, JsonNode? value)
    {
        var target = Target(call, resources, diagnostics, type, idFromData, nameMember);
        if (target is null || value is null || call.Error is not null)
            return;
        target.Supplementary[name] = value;
    }

    private static ResourceAccumulator.Entry? Target(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics, string type, string? idFromData, string? nameMember)
    {
        var id = call.ResourceHint ?? idFromData;
        ResourceAccumulator.Entry? target;
        if (id is not null)
        {
            target = resources.Find(type, call.Account, id, nameMember);
        }
        else
        {
            target = call.Ordinal > 0 ? resources.OfType(type, call.Account).ElementAtOrDefault(call.Ordinal - 1) : null;
            id = "#" + call.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (target is null)
            diagnostics.Report(InventoryDiagnostics.Orphan(call.Input.At("$"), type, id));
        return target;
    }

    private static void AttachBucket(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics, string name, JsonNode? value) =>
        Attach(call, resources, diagnostics, "AWS::S3::Bucket", Json.String(call.Body["Error"], "BucketName"), null, name, value);

    private static void DescribeInstances(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        if (call.Body["Reservations"] is not JsonArray reservations)
        {
            diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At("$"), "$.Reservations", "an array"));
            return;
        }

        foreach (var reservation in reservations)
        {
            foreach (var instance in Json.Array(reservation, "Instances") ?? [])
                Add(call, resources, diagnostics, instance, "AWS::EC2::Instance", "InstanceId", null);
        }
    }

    // Without --owner-ids self, describe-snapshots lists every public snapshot in the region; only the account's are kept.
    private static void DescribeSnapshots(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var others = 0;
        foreach (var snapshot in Json.Array(call.Body, "Snapshots") ?? [])
        {
            if (Json.String(snapshot, "OwnerId") is { } owner && owner != call.Account && call.Account != ResourceKeys.UnknownAccount)
            {
                others++;
                continue;
            }

            Add(call, resources, diagnostics, snapshot, "AWS::EC2::Snapshot", "SnapshotId", null);
        }

        if (others > 0)
            diagnostics.Report(InventoryDiagnostics.NotAResource(call.Input.At("$"), $"{others} snapshots belong to other accounts (collect with `--owner-ids self`)"));
    }

    private static void ListBuckets(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var region = call.Region;
        foreach (var bucket in Json.Array(call.Body, "Buckets") ?? [])
        {
            var entry = Add(call, resources, diagnostics, bucket, "AWS::S3::Bucket", "Name", null, Json.String(bucket, "BucketRegion") ?? region);
            entry?.Configuration.Remove("BucketRegion");
        }
    }

    private static void BucketLocation(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var target = Target(call, resources, diagnostics, "AWS::S3::Bucket", null, null);
        if (target is null || call.Error is not null)
            return;

        // Buckets in us-east-1 have no location constraint; `EU` is the old name of eu-west-1.
        target.Region = Json.String(call.Body, "LocationConstraint") switch
        {
            null or "" => "us-east-1",
            "EU" => "eu-west-1",
            var region => region,
        };
    }

    private static void BucketTagging(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var target = Target(call, resources, diagnostics, "AWS::S3::Bucket", Json.String(call.Body["Error"], "BucketName"), null);
        foreach (var tag in Json.Array(call.Body, "TagSet") ?? [])
        {
            if (target is not null && Json.String(tag, "Key") is { } key)
                target.Tags[key] = Json.String(tag, "Value") ?? "";
        }
    }

    private static void AccountPublicAccessBlock(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var configuration = Json.Copy(call.Body["PublicAccessBlockConfiguration"]) as JsonObject ?? [];
        configuration["Exists"] = call.Error is null;
        Setting(call, resources, ResourceTypes.AccountPublicAccessBlock, ResourceKeys.Global, call.Account, configuration);
    }

    private static void PasswordPolicy(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var configuration = Json.Copy(call.Body["PasswordPolicy"]) as JsonObject ?? [];
        configuration["Exists"] = call.Error is null && call.Body["PasswordPolicy"] is JsonObject;
        Setting(call, resources, ResourceTypes.PasswordPolicy, ResourceKeys.Global, "password-policy", configuration);
    }

    private static void CredentialReport(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var content = Json.String(call.Body, "Content");
        if (content is null)
        {
            diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At("$"), "$.Content", "a string"));
            return;
        }

        var csv = CredentialReportCsv.Decode(content);
        if (csv is null)
        {
            diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At("$.Content"), "$.Content", "the credential report CSV, as text or base64"));
            return;
        }

        var source = call.Input.SourceOf(call.Body["Content"]);
        foreach (var row in CredentialReportCsv.Rows(csv, call.Input.At("$.Content"), diagnostics))
        {
            if (Json.String(row, "user") is not { Length: > 0 } user)
                continue;
            resources.Upsert(ResourceTypes.CredentialReportRow, call.Account, ResourceKeys.Global, user, null, row, source, Json.Date(call.Body["GeneratedTime"]));
        }
    }

    private static void AuthorizationDetails(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        Iam(call, resources, diagnostics, call.Body["UserDetailList"], "AWS::IAM::User", "UserName");
        Iam(call, resources, diagnostics, call.Body["GroupDetailList"], "AWS::IAM::Group", "GroupName");
        Iam(call, resources, diagnostics, call.Body["RoleDetailList"], "AWS::IAM::Role", "RoleName");
        Iam(call, resources, diagnostics, call.Body["Policies"], "AWS::IAM::Policy", "PolicyName");
    }

    private static void Iam(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics, JsonNode? items, string type, string idMember)
    {
        foreach (var item in items as JsonArray ?? [])
        {
            var entry = Add(call, resources, diagnostics, item, type, idMember, "Arn", ResourceKeys.Global);
            if (entry is not null)
                DecodePolicies(entry.Configuration);
        }
    }

    // IAM returns policy documents URL-encoded; the CLI decodes them, placebo recordings do not.
    private static void DecodePolicies(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (name is "AssumeRolePolicyDocument" or "PolicyDocument" or "Document" && Json.Text(value) is not null)
                        o[name] = Json.PolicyDocument(value) ?? value!.DeepClone();
                    else
                        DecodePolicies(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                    DecodePolicies(item);
                break;
        }
    }

    // describe-trails in a region lists the multi-region trails of other regions too: one resource, in its home region.
    private static void DescribeTrails(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        foreach (var trail in Json.Array(call.Body, "trailList") ?? [])
            Add(call, resources, diagnostics, trail, "AWS::CloudTrail::Trail", "Name", "TrailARN", Json.String(trail, "HomeRegion") ?? call.Region);
    }

    private static void GetDetector(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var region = resources.Find(ResourceTypes.GuardDutyRegion, call.Account, "guardduty");
        var ids = Json.Array(region?.Configuration, "DetectorIds");
        var id = call.ResourceHint ?? Json.Text(ids?.ElementAtOrDefault(call.Ordinal - 1));
        if (region is null || id is null)
        {
            diagnostics.Report(InventoryDiagnostics.Orphan(call.Input.At("$"), ResourceTypes.GuardDutyRegion, id ?? "?"));
            return;
        }

        var detector = Strip(call.Body);
        detector.Insert(0, "DetectorId", id);
        if (region.Configuration["Detectors"] is not JsonArray detectors)
            region.Configuration["Detectors"] = detectors = [];
        detectors.Add(detector);
    }

    private static void DescribeHub(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        var configuration = Strip(call.Body);
        configuration["Enabled"] = call.Error is null;
        Setting(call, resources, ResourceTypes.SecurityHubRegion, call.Region, "securityhub", configuration);
    }

    private static void MetricFilters(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        foreach (var filter in Json.Array(call.Body, "metricFilters") ?? [])
        {
            if (Json.String(filter, "logGroupName") is not { } group || Json.String(filter, "filterName") is not { } name)
            {
                diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At(filter), filter?.GetPath() + ".filterName", "a string, with logGroupName"));
                continue;
            }

            resources.Upsert("AWS::Logs::MetricFilter", call.Account, call.Region, group + "/" + name, null, (JsonObject)filter!.DeepClone(), call.Input.SourceOf(filter));
        }
    }

    private static void LogGroups(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        foreach (var group in Json.Array(call.Body, "logGroups") ?? [])
        {
            // The API's `arn` ends in `:*`; the resource's ARN does not.
            var arn = Json.String(group, "arn") is { } text && text.EndsWith(":*", StringComparison.Ordinal) ? text[..^2] : Json.String(group, "arn");
            if (Json.String(group, "logGroupName") is { } name)
                resources.Upsert("AWS::Logs::LogGroup", call.Account, call.Region, name, arn, (JsonObject)group!.DeepClone(), call.Input.SourceOf(group));
        }
    }

    private static void ListTopics(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        foreach (var topic in Json.Array(call.Body, "Topics") ?? [])
        {
            if (Json.String(topic, "TopicArn") is not { } arn)
            {
                diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At(topic), topic?.GetPath() + ".TopicArn", "a string"));
                continue;
            }

            resources.Upsert("AWS::SNS::Topic", call.Account, call.Region, arn[(arn.LastIndexOf(':') + 1)..], arn, (JsonObject)topic!.DeepClone(), call.Input.SourceOf(topic));
        }
    }

    private static void TopicAttributes(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        if (call.Body["Attributes"] is not JsonObject attributes)
        {
            diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At("$"), "$.Attributes", "an object"));
            return;
        }

        var arn = Json.String(attributes, "TopicArn");
        // A topic the recording names but did not list is created from its attributes, which hold everything list-topics would.
        var target = arn is not null
            ? resources.Find("AWS::SNS::Topic", call.Account, arn, "TopicArn")
            : Target(call, resources, diagnostics, "AWS::SNS::Topic", null, "TopicArn");
        if (target is null && arn is not null)
            target = resources.Upsert("AWS::SNS::Topic", call.Account, call.Region, arn[(arn.LastIndexOf(':') + 1)..], arn, new JsonObject { ["TopicArn"] = arn }, call.Input.SourceOf(attributes));
        if (target is null)
            return;
        var copy = (JsonObject)attributes.DeepClone();
        if (Json.PolicyDocument(copy["Policy"]) is { } policy)
            target.Supplementary["Policy"] = policy;
        Json.MergeInto(target.Configuration, copy);
    }

    // A subscription not yet confirmed has `PendingConfirmation` where its ARN would be.
    private static void Subscriptions(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        foreach (var subscription in Json.Array(call.Body, "Subscriptions") ?? [])
        {
            var arn = Json.String(subscription, "SubscriptionArn");
            var isArn = arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal);
            var id = isArn ? arn! : Json.String(subscription, "TopicArn") + "/" + Json.String(subscription, "Protocol") + ":" + Json.String(subscription, "Endpoint");
            var entry = resources.Upsert("AWS::SNS::Subscription", call.Account, call.Region, id, isArn ? arn : null, (JsonObject)subscription!.DeepClone(), call.Input.SourceOf(subscription));
            if (Json.String(subscription, "TopicArn") is { } topic)
                entry.Relationships.Add(new ResourceRelationship("Is subscribed to Topic", topic));
        }
    }
}
