using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>EC2: Describe* calls from every tool, then the occasional instance lifecycle change.</summary>
internal static class Ec2Apis
{
    private const string Ec2 = "ec2.amazonaws.com";
    private const Persona Describers = Persona.Human | Persona.Automation | Persona.ServiceLinked | Persona.Workload;
    private const Persona Operators = Persona.Human | Persona.Automation;

    public static IEnumerable<CloudTrailApi> All()
    {
        yield return Apis.Read(Ec2, "DescribeInstances", 5, Describers, DescribeInstancesRequest);
        yield return Apis.Read(Ec2, "DescribeSecurityGroups", 2, Describers, DescribeSecurityGroupsRequest);
        yield return Apis.Read(Ec2, "DescribeVpcs", 1, Describers, EmptySets("vpcSet"u8));
        yield return Apis.Read(Ec2, "DescribeSubnets", 1, Describers, EmptySets("subnetSet"u8));
        yield return Apis.Read(Ec2, "DescribeVolumes", 1, Describers, DescribeVolumesRequest);
        yield return Apis.Read(Ec2, "DescribeSnapshots", 0.5, Describers, DescribeSnapshotsRequest);
        yield return Apis.Read(Ec2, "DescribeImages", 1, Describers, DescribeImagesRequest);
        yield return Apis.Read(Ec2, "DescribeNetworkInterfaces", 1.5, Describers, EmptySets("networkInterfaceIdSet"u8));
        yield return Apis.Read(Ec2, "DescribeRegions", 1, Describers | Persona.Root, Params.Fixed(("allRegions", false)));
        yield return Apis.Read(Ec2, "DescribeAvailabilityZones", 1, Describers, EmptySets("availabilityZoneSet"u8));
        yield return Apis.Read(Ec2, "DescribeTags", 2, Describers, DescribeTagsRequest);
        yield return Apis.Read(Ec2, "DescribeInstanceStatus", 1, Describers, DescribeInstanceStatusRequest);
        yield return Apis.Read(Ec2, "DescribeLaunchTemplateVersions", 0.4, Describers, Params.Fixed(("launchTemplateName", "web-asg"), ("LaunchTemplateVersion", "$Latest")));
        yield return Apis.Read(Ec2, "DescribeAddresses", 0.3, Describers, EmptySets("publicIpsSet"u8));
        yield return Apis.Read(Ec2, "DescribeRouteTables", 0.4, Describers, EmptySets("routeTableIdSet"u8));
        yield return Apis.Read(Ec2, "DescribeKeyPairs", 0.2, Describers, EmptySets("keySet"u8));
        yield return Apis.Change(Ec2, "CreateTags", 0.3, Operators | Persona.ServiceLinked, CreateTagsRequest, ReturnTrue);
        yield return Apis.Change(Ec2, "RunInstances", 0.06, Operators | Persona.ServiceLinked, RunInstancesRequest, RunInstancesResponse);
        yield return Apis.Change(Ec2, "StartInstances", 0.04, Operators, InstanceRequest, StateChange("pending"u8, 0, "stopped"u8, 80));
        yield return Apis.Change(Ec2, "StopInstances", 0.04, Operators, InstanceRequest, StateChange("stopping"u8, 64, "running"u8, 16));
        yield return Apis.Change(Ec2, "TerminateInstances", 0.04, Operators | Persona.ServiceLinked, InstanceRequest, StateChange("shutting-down"u8, 32, "running"u8, 16));
        yield return Apis.Change(Ec2, "CreateSnapshot", 0.05, Operators | Persona.ServiceLinked, CreateSnapshotRequest, CreateSnapshotResponse);
        yield return Apis.Change(Ec2, "CreateNetworkInterface", 0.1, Persona.ServiceLinked, CreateNetworkInterfaceRequest);
    }

    private static RecordPart EmptySets(ReadOnlySpan<byte> setName)
    {
        var name = setName.ToArray();
        return (writer, _) =>
        {
            writer.WriteStartObject("requestParameters"u8);
            Params.EmptyObject(writer, name);
            Params.EmptyObject(writer, "filterSet"u8);
            writer.WriteEndObject();
        };
    }

    private static void DescribeInstancesRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        if (context.Random.Chance(0.4))
        {
            Params.Ec2Set(writer, "instancesSet"u8, "instanceId"u8, context.Pick(context.Region.InstanceIds));
            Params.EmptyObject(writer, "filterSet"u8);
        }
        else
        {
            writer.WriteNumber("maxResults"u8, 1000);
            Params.EmptyObject(writer, "instancesSet"u8);
            writer.WriteStartObject("filterSet"u8);
            writer.WriteStartArray("items"u8);
            Params.Ec2Filter(writer, "instance-state-name", "running");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void DescribeSecurityGroupsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        Params.EmptyObject(writer, "securityGroupSet"u8);
        if (context.Random.Chance(0.5))
            Params.Ec2Set(writer, "securityGroupIdSet"u8, "groupId"u8, context.Pick(context.Region.SecurityGroupIds));
        else
            Params.EmptyObject(writer, "securityGroupIdSet"u8);
        Params.EmptyObject(writer, "filterSet"u8);
        writer.WriteEndObject();
    }

    private static void DescribeVolumesRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        Params.EmptyObject(writer, "volumeSet"u8);
        writer.WriteStartObject("filterSet"u8);
        writer.WriteStartArray("items"u8);
        Params.Ec2Filter(writer, "attachment.instance-id", context.Pick(context.Region.InstanceIds));
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void DescribeSnapshotsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        Params.EmptyObject(writer, "snapshotSet"u8);
        Params.Ec2Set(writer, "ownersSet"u8, "owner"u8, "self");
        Params.EmptyObject(writer, "restorableBySet"u8);
        Params.EmptyObject(writer, "filterSet"u8);
        writer.WriteEndObject();
    }

    private static void DescribeImagesRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        Params.EmptyObject(writer, "executableBySet"u8);
        Params.Ec2Set(writer, "imagesSet"u8, "imageId"u8, context.Pick(context.Region.ImageIds));
        Params.EmptyObject(writer, "ownersSet"u8);
        writer.WriteBoolean("includeDeprecated"u8, false);
        Params.EmptyObject(writer, "filterSet"u8);
        writer.WriteEndObject();
    }

    private static void DescribeTagsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteStartObject("filterSet"u8);
        writer.WriteStartArray("items"u8);
        Params.Ec2Filter(writer, "resource-id", context.Pick(context.Region.InstanceIds));
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void DescribeInstanceStatusRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        Params.Ec2Set(writer, "instancesSet"u8, "instanceId"u8, context.Pick(context.Region.InstanceIds));
        Params.EmptyObject(writer, "filterSet"u8);
        writer.WriteBoolean("includeAllInstances"u8, true);
        writer.WriteEndObject();
    }

    private static void CreateTagsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        Params.Ec2Set(writer, "resourcesSet"u8, "resourceId"u8, context.Pick(context.Region.InstanceIds));
        writer.WriteStartObject("tagSet"u8);
        writer.WriteStartArray("items"u8);
        writer.WriteStartObject();
        writer.WriteString("key"u8, "team"u8);
        writer.WriteString("value"u8, context.Pick(Names.Workloads));
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void ReturnTrue(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        context.WriteUuid(writer, "requestId"u8);
        writer.WriteBoolean("_return"u8, true);
        writer.WriteEndObject();
    }

    private static void InstanceRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = context.Pick(context.Region.InstanceIds);
        writer.WriteStartObject("requestParameters"u8);
        Params.Ec2Set(writer, "instancesSet"u8, "instanceId"u8, context.Resource);
        writer.WriteEndObject();
    }

    private static RecordPart StateChange(ReadOnlySpan<byte> current, int currentCode, ReadOnlySpan<byte> previous, int previousCode)
    {
        var currentName = current.ToArray();
        var previousName = previous.ToArray();
        return (writer, context) =>
        {
            writer.WriteStartObject("responseElements"u8);
            context.WriteUuid(writer, "requestId"u8);
            writer.WriteStartObject("instancesSet"u8);
            writer.WriteStartArray("items"u8);
            writer.WriteStartObject();
            writer.WriteString("instanceId"u8, context.Resource);
            writer.WriteStartObject("currentState"u8);
            writer.WriteNumber("code"u8, currentCode);
            writer.WriteString("name"u8, currentName);
            writer.WriteEndObject();
            writer.WriteStartObject("previousState"u8);
            writer.WriteNumber("code"u8, previousCode);
            writer.WriteString("name"u8, previousName);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        };
    }

    private static void RunInstancesRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteStartObject("instancesSet"u8);
        writer.WriteStartArray("items"u8);
        writer.WriteStartObject();
        writer.WriteString("imageId"u8, context.Pick(context.Region.ImageIds));
        writer.WriteNumber("minCount"u8, 1);
        writer.WriteNumber("maxCount"u8, 1);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteString("instanceType"u8, context.Pick(InstanceTypes));
        writer.WriteString("userData"u8, "<sensitiveDataRemoved>"u8);
        writer.WriteStartObject("iamInstanceProfile"u8);
        writer.WriteString("name"u8, context.Pick(context.Account.RoleNames));
        writer.WriteEndObject();
        writer.WriteStartObject("monitoring"u8);
        writer.WriteBoolean("enabled"u8, false);
        writer.WriteEndObject();
        writer.WriteBoolean("disableApiTermination"u8, false);
        writer.WriteBoolean("disableApiStop"u8, false);
        writer.WriteString("subnetId"u8, context.Pick(context.Region.Vpcs[0].SubnetIds));
        writer.WriteEndObject();
    }

    private static readonly string[] InstanceTypes = ["t3.medium", "m6i.large", "c6g.xlarge", "r6i.large", "t4g.small", "m7g.2xlarge"];

    private static void RunInstancesResponse(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        context.WriteUuid(writer, "requestId"u8);
        context.WritePrefixedHex(writer, "reservationId"u8, "r-0"u8, 16);
        writer.WriteString("ownerId"u8, context.Account.Id);
        Params.EmptyObject(writer, "groupSet"u8);
        writer.WriteStartObject("instancesSet"u8);
        writer.WriteStartArray("items"u8);
        writer.WriteStartObject();
        context.WritePrefixedHex(writer, "instanceId"u8, "i-0"u8, 16);
        writer.WriteString("imageId"u8, context.Pick(context.Region.ImageIds));
        writer.WriteStartObject("instanceState"u8);
        writer.WriteNumber("code"u8, 0);
        writer.WriteString("name"u8, "pending"u8);
        writer.WriteEndObject();
        var eni = context.Pick(context.Region.Vpcs[0].Interfaces);
        writer.WriteString("privateDnsName"u8, "ip-" + eni.PrivateIpText.Replace('.', '-') + "." + context.Region.Vpcs[0].InternalDomain);
        writer.WriteNumber("amiLaunchIndex"u8, 0);
        writer.WriteString("instanceType"u8, context.Pick(InstanceTypes));
        context.WriteTimestamp(writer, "launchTime"u8, context.Time);
        writer.WriteStartObject("placement"u8);
        writer.WriteString("availabilityZone"u8, context.AwsRegion + "a");
        writer.WriteString("tenancy"u8, "default"u8);
        writer.WriteEndObject();
        writer.WriteStartObject("monitoring"u8);
        writer.WriteString("state"u8, "disabled"u8);
        writer.WriteEndObject();
        writer.WriteString("subnetId"u8, eni.SubnetId);
        writer.WriteString("vpcId"u8, context.Region.Vpcs[0].Id);
        writer.WriteString("privateIpAddress"u8, eni.PrivateIpText);
        writer.WriteBoolean("sourceDestCheck"u8, true);
        writer.WriteString("architecture"u8, "x86_64"u8);
        writer.WriteString("rootDeviceType"u8, "ebs"u8);
        writer.WriteString("rootDeviceName"u8, "/dev/xvda"u8);
        writer.WriteString("virtualizationType"u8, "hvm"u8);
        writer.WriteString("hypervisor"u8, "xen"u8);
        writer.WriteBoolean("ebsOptimized"u8, true);
        writer.WriteBoolean("enaSupport"u8, true);
        writer.WriteStartObject("metadataOptions"u8);
        writer.WriteString("state"u8, "pending"u8);
        writer.WriteString("httpTokens"u8, "required"u8);
        writer.WriteNumber("httpPutResponseHopLimit"u8, 2);
        writer.WriteString("httpEndpoint"u8, "enabled"u8);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void CreateSnapshotRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = context.Pick(context.Region.VolumeIds);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("volumeId"u8, context.Resource);
        writer.WriteString("description"u8, "Created by AWS Backup"u8);
        writer.WriteEndObject();
    }

    private static void CreateSnapshotResponse(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        context.WriteUuid(writer, "requestId"u8);
        context.WritePrefixedHex(writer, "snapshotId"u8, "snap-0"u8, 16);
        writer.WriteString("volumeId"u8, context.Resource);
        writer.WriteString("status"u8, "pending"u8);
        context.WriteTimestamp(writer, "startTime"u8, context.Time);
        writer.WriteString("progress"u8, ""u8);
        writer.WriteString("ownerId"u8, context.Account.Id);
        writer.WriteNumber("volumeSize"u8, 8 << context.Random.Next(5));
        writer.WriteBoolean("encrypted"u8, true);
        writer.WriteEndObject();
    }

    private static void CreateNetworkInterfaceRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var vpc = context.Region.Vpcs[0];
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("subnetId"u8, context.Pick(vpc.SubnetIds));
        writer.WriteString("description"u8, "AWS Lambda VPC ENI-" + context.Pick(context.Region.FunctionNames));
        Params.Ec2Set(writer, "groupSet"u8, "groupId"u8, context.Pick(context.Region.SecurityGroupIds));
        Params.EmptyObject(writer, "privateIpAddressesSet"u8);
        writer.WriteEndObject();
    }
}
