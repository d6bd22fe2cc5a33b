using System.Text.Json;
using Rampart.GameDays.Telemetry.CloudTrail;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>
/// The API calls attacks make, shaped as CloudTrail records them. Their writers read the target from
/// <see cref="CloudTrailContext.Resource"/>, <see cref="CloudTrailContext.Detail"/> and <see cref="CloudTrailContext.Bucket"/>,
/// which the attack sets, instead of drawing one at random.
/// </summary>
internal static class AttackApis
{
    private const Persona None = Persona.None;

    public static readonly CloudTrailApi StopLogging = Apis.Change("cloudtrail.amazonaws.com", "StopLogging", 0, None, Param("name"));

    public static readonly CloudTrailApi DeleteTrail = Apis.Change("cloudtrail.amazonaws.com", "DeleteTrail", 0, None, Param("name"));

    public static readonly CloudTrailApi UpdateDetector = Apis.Change("guardduty.amazonaws.com", "UpdateDetector", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("detectorId"u8, context.Resource);
        writer.WriteBoolean("enable"u8, false);
        writer.WriteEndObject();
    });

    public static readonly CloudTrailApi DeleteDetector = Apis.Change("guardduty.amazonaws.com", "DeleteDetector", 0, None, Param("detectorId"));

    public static readonly CloudTrailApi CreateUser = Apis.Change("iam.amazonaws.com", "CreateUser", 0, None, Param("userName"), (writer, context) =>
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteStartObject("user"u8);
        writer.WriteString("path"u8, "/"u8);
        writer.WriteString("userName"u8, context.Resource);
        Span<byte> id = stackalloc byte[21];
        "AIDA"u8.CopyTo(id);
        TextIds.WriteIamAlphabet(id[4..], context.Random);
        writer.WriteString("userId"u8, id);
        writer.WriteString("arn"u8, "arn:aws:iam::" + context.Account.Id + ":user/" + context.Resource);
        context.WriteIamDate(writer, "createDate"u8, context.Time);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static readonly CloudTrailApi AttachUserPolicy = Apis.Change("iam.amazonaws.com", "AttachUserPolicy", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("userName"u8, context.Resource);
        writer.WriteString("policyArn"u8, "arn:aws:iam::aws:policy/AdministratorAccess"u8);
        writer.WriteEndObject();
    });

    public static readonly CloudTrailApi CreateAccessKey = Apis.Change("iam.amazonaws.com", "CreateAccessKey", 0, None, Param("userName"), (writer, context) =>
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteStartObject("accessKey"u8);
        writer.WriteString("userName"u8, context.Resource);
        Span<byte> key = stackalloc byte[20];
        "AKIA"u8.CopyTo(key);
        TextIds.WriteIamAlphabet(key[4..], context.Random);
        writer.WriteString("accessKeyId"u8, key);
        writer.WriteString("status"u8, "Active"u8);
        context.WriteIamDate(writer, "createDate"u8, context.Time);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static readonly CloudTrailApi CreateLoginProfile = Apis.Change("iam.amazonaws.com", "CreateLoginProfile", 0, None, LoginProfileRequest, (writer, context) =>
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteStartObject("loginProfile"u8);
        writer.WriteString("userName"u8, context.Resource);
        context.WriteIamDate(writer, "createDate"u8, context.Time);
        writer.WriteBoolean("passwordResetRequired"u8, false);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static readonly CloudTrailApi UpdateLoginProfile = Apis.Change("iam.amazonaws.com", "UpdateLoginProfile", 0, None, LoginProfileRequest);

    public static readonly CloudTrailApi SuspendBucketVersioning = new()
    {
        Service = Services.Get("s3.amazonaws.com"),
        EventName = "PutBucketVersioning",
        Request = (writer, context) => S3Apis.WriteVersioningRequest(writer, context, "Suspended"),
        AdditionalData = (writer, context) => S3Apis.WriteAdditionalData(writer, context, 0),
        Resources = S3Apis.BucketResource,
    };

    public static readonly CloudTrailApi StopInstances = Apis.Change("ec2.amazonaws.com", "StopInstances", 0, None, InstanceRequest, ReturnTrue);

    public static readonly CloudTrailApi StartInstances = Apis.Change("ec2.amazonaws.com", "StartInstances", 0, None, InstanceRequest, ReturnTrue);

    public static readonly CloudTrailApi ModifyUserData = Apis.Change("ec2.amazonaws.com", "ModifyInstanceAttribute", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("instanceId"u8, context.Resource);
        writer.WriteString("attribute"u8, "userData"u8);
        writer.WriteStartObject("userData"u8);
        writer.WriteString("value"u8, "<sensitiveDataRemoved>"u8);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }, ReturnTrue);

    public static readonly CloudTrailApi ShareSnapshotPublicly = Apis.Change("ec2.amazonaws.com", "ModifySnapshotAttribute", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("snapshotId"u8, context.Resource);
        writer.WriteStartObject("createVolumePermission"u8);
        writer.WriteStartObject("add"u8);
        writer.WriteStartArray("items"u8);
        writer.WriteStartObject();
        writer.WriteString("group"u8, "all"u8);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("attributeType"u8, "CREATE_VOLUME_PERMISSION"u8);
        writer.WriteEndObject();
    }, ReturnTrue);

    public static readonly CloudTrailApi DescribeSnapshotAttribute = Apis.Read("ec2.amazonaws.com", "DescribeSnapshotAttribute", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("snapshotId"u8, context.Resource);
        Params.EmptyObject(writer, "createVolumePermission"u8);
        writer.WriteEndObject();
    });

    public static readonly CloudTrailApi DescribeFlowLogs = Apis.Read("ec2.amazonaws.com", "DescribeFlowLogs", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteStartObject("DescribeFlowLogsRequest"u8);
        writer.WriteNumber("MaxResults"u8, 1000);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static readonly CloudTrailApi DeleteFlowLogs = Apis.Change("ec2.amazonaws.com", "DeleteFlowLogs", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteStartObject("DeleteFlowLogsRequest"u8);
        writer.WriteStartObject("FlowLogId"u8);
        writer.WriteString("content"u8, context.Resource);
        writer.WriteNumber("tag"u8, 1);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }, (writer, context) =>
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteStartObject("DeleteFlowLogsResponse"u8);
        writer.WriteString("xmlns"u8, "http://ec2.amazonaws.com/doc/2016-11-15/"u8);
        context.WriteUuid(writer, "requestId"u8);
        writer.WriteString("unsuccessful"u8, ""u8);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static readonly CloudTrailApi StopConfigurationRecorder = Apis.Change("config.amazonaws.com", "StopConfigurationRecorder", 0, None, Param("configurationRecorderName"));

    public static readonly CloudTrailApi DeleteDeliveryChannel = Apis.Change("config.amazonaws.com", "DeleteDeliveryChannel", 0, None, Param("deliveryChannelName"));

    public static readonly CloudTrailApi CreateExternalKey = Apis.Change("kms.amazonaws.com", "CreateKey", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("description"u8, "backup encryption"u8);
        writer.WriteString("keyUsage"u8, "ENCRYPT_DECRYPT"u8);
        writer.WriteString("keySpec"u8, "SYMMETRIC_DEFAULT"u8);
        writer.WriteString("origin"u8, "EXTERNAL"u8);
        writer.WriteBoolean("bypassPolicyLockoutSafetyCheck"u8, false);
        writer.WriteEndObject();
    }, (writer, context) =>
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteStartObject("keyMetadata"u8);
        writer.WriteString("aWSAccountId"u8, context.Account.Id);
        writer.WriteString("keyId"u8, context.Detail);
        writer.WriteString("arn"u8, context.Resource);
        context.WriteCloudTrailDate(writer, "creationDate"u8, context.Time);
        writer.WriteBoolean("enabled"u8, false);
        writer.WriteString("description"u8, "backup encryption"u8);
        writer.WriteString("keyUsage"u8, "ENCRYPT_DECRYPT"u8);
        writer.WriteString("keyState"u8, "PendingImport"u8);
        writer.WriteString("origin"u8, "EXTERNAL"u8);
        writer.WriteString("keyManager"u8, "CUSTOMER"u8);
        writer.WriteString("customerMasterKeySpec"u8, "SYMMETRIC_DEFAULT"u8);
        writer.WriteString("keySpec"u8, "SYMMETRIC_DEFAULT"u8);
        writer.WriteStartArray("encryptionAlgorithms"u8);
        writer.WriteStringValue("SYMMETRIC_DEFAULT"u8);
        writer.WriteEndArray();
        writer.WriteBoolean("multiRegion"u8, false);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }, resources: KmsApis.KeyResource);

    public static readonly CloudTrailApi GetParametersForImport = Apis.Read("kms.amazonaws.com", "GetParametersForImport", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("keyId"u8, context.Detail);
        writer.WriteString("wrappingAlgorithm"u8, "RSAES_OAEP_SHA_256"u8);
        writer.WriteString("wrappingKeySpec"u8, "RSA_2048"u8);
        writer.WriteEndObject();
    }, resources: KmsApis.KeyResource);

    public static readonly CloudTrailApi ImportKeyMaterial = Apis.Change("kms.amazonaws.com", "ImportKeyMaterial", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("keyId"u8, context.Detail);
        writer.WriteString("expirationModel"u8, "KEY_MATERIAL_DOES_NOT_EXPIRE"u8);
        writer.WriteEndObject();
    }, resources: KmsApis.KeyResource);

    public static readonly CloudTrailApi ScheduleKeyDeletion = Apis.Change("kms.amazonaws.com", "ScheduleKeyDeletion", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("keyId"u8, context.Resource);
        writer.WriteNumber("pendingWindowInDays"u8, 7);
        writer.WriteEndObject();
    }, (writer, context) =>
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteString("keyId"u8, context.Resource);
        context.WriteCloudTrailDate(writer, "deletionDate"u8, (context.Time / 86400 + 8) * 86400);
        writer.WriteString("keyState"u8, "PendingDeletion"u8);
        writer.WriteNumber("pendingWindowInDays"u8, 7);
        writer.WriteEndObject();
    }, resources: KmsApis.KeyResource);

    public static readonly CloudTrailApi GetSecretValue = Apis.Read("secretsmanager.amazonaws.com", "GetSecretValue", 0, None, Param("secretId"));

    public static readonly CloudTrailApi OpenSecurityGroup = Apis.Change("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", 0, None, (writer, context) =>
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("groupId"u8, context.Resource);
        writer.WriteStartObject("ipPermissions"u8);
        writer.WriteStartArray("items"u8);
        writer.WriteStartObject();
        writer.WriteString("ipProtocol"u8, "tcp"u8);
        writer.WriteNumber("fromPort"u8, 22);
        writer.WriteNumber("toPort"u8, 22);
        Params.EmptyObject(writer, "groups"u8);
        Params.Ec2Set(writer, "ipRanges"u8, "cidrIp"u8, "0.0.0.0/0");
        Params.EmptyObject(writer, "ipv6Ranges"u8);
        Params.EmptyObject(writer, "prefixListIds"u8);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }, (writer, context) =>
    {
        writer.WriteStartObject("responseElements"u8);
        context.WriteUuid(writer, "requestId"u8);
        writer.WriteBoolean("_return"u8, true);
        writer.WriteStartObject("securityGroupRuleSet"u8);
        writer.WriteStartArray("items"u8);
        writer.WriteStartObject();
        writer.WriteString("groupOwnerId"u8, context.Account.Id);
        writer.WriteString("groupId"u8, context.Resource);
        context.WritePrefixedHex(writer, "securityGroupRuleId"u8, "sgr-0"u8, 16);
        writer.WriteBoolean("isEgress"u8, false);
        writer.WriteString("ipProtocol"u8, "tcp"u8);
        writer.WriteNumber("fromPort"u8, 22);
        writer.WriteNumber("toPort"u8, 22);
        writer.WriteString("cidrIpv4"u8, "0.0.0.0/0"u8);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static RecordPart Param(string name) => Params.One(name, context => context.Resource);

    private static void LoginProfileRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("userName"u8, context.Resource);
        writer.WriteBoolean("passwordResetRequired"u8, false);
        writer.WriteEndObject();
    }

    private static void InstanceRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        Params.Ec2Set(writer, "instancesSet"u8, "instanceId"u8, context.Resource);
        writer.WriteEndObject();
    }

    private static void ReturnTrue(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        context.WriteUuid(writer, "requestId"u8);
        writer.WriteBoolean("_return"u8, true);
        writer.WriteEndObject();
    }
}
