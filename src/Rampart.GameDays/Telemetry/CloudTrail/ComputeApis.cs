using System.Globalization;
using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Lambda, containers (ECR, ECS), load balancing and auto scaling.</summary>
internal static class ComputeApis
{
    private const Persona Describers = Persona.Human | Persona.Automation | Persona.ServiceLinked;

    public static IEnumerable<CloudTrailApi> All()
    {
        const string Lambda = "lambda.amazonaws.com";
        yield return Apis.Read(Lambda, "ListFunctions20150331", 1, Describers, Params.Number("maxItems", 50));
        yield return Apis.Read(Lambda, "GetFunction20150331v2", 0.6, Describers, Params.One("functionName", Function));
        yield return Apis.Read(Lambda, "GetFunctionConfiguration20150331v2", 0.6, Describers | Persona.Workload, Params.One("functionName", Function));
        yield return Apis.Read(Lambda, "ListEventSourceMappings20150331", 0.3, Describers, Params.One("functionName", Function));
        yield return Apis.Change(Lambda, "UpdateFunctionCode20150331v2", 0.05, Persona.Automation, UpdateFunctionCodeRequest);
        yield return new CloudTrailApi
        {
            Service = Services.Get(Lambda),
            EventName = "Invoke",
            Weight = 3,
            Callers = Persona.Workload | Persona.Automation,
            DataEvent = true,
            Request = InvokeRequest,
            AdditionalData = (writer, context) =>
            {
                writer.WriteStartObject("additionalEventData"u8);
                writer.WriteString("functionVersion"u8, context.Resource + ":$LATEST");
                writer.WriteEndObject();
            },
            Resources = (writer, context) => context.WriteResources(writer, "AWS::Lambda::Function", context.Resource),
            Errors = ApiErrors.Json,
            ErrorRate = 0.01,
        };

        const string Ecr = "ecr.amazonaws.com";
        yield return Apis.Read(Ecr, "GetAuthorizationToken", 2, Persona.Workload | Persona.Automation | Persona.Human, errorRate: 0.002);
        yield return Apis.Read(Ecr, "BatchGetImage", 1.5, Persona.Workload | Persona.Automation, BatchGetImageRequest, errorRate: 0.01);
        yield return Apis.Read(Ecr, "GetDownloadUrlForLayer", 2, Persona.Workload | Persona.Automation, LayerRequest, errorRate: 0.005);
        yield return Apis.Read(Ecr, "DescribeRepositories", 0.3, Describers, Params.Number("maxResults", 100));
        yield return Apis.Read(Ecr, "DescribeImages", 0.3, Describers, Params.One("repositoryName", c => c.Pick(c.Region.RepositoryNames)));
        yield return Apis.Change(Ecr, "PutImage", 0.05, Persona.Automation, Params.Two("repositoryName", c => c.Pick(c.Region.RepositoryNames), "imageTag", Tag));

        const string Ecs = "ecs.amazonaws.com";
        yield return Apis.Read(Ecs, "DescribeTasks", 1, Describers | Persona.Workload, DescribeTasksRequest);
        yield return Apis.Read(Ecs, "ListTasks", 0.5, Describers, Params.One("cluster", c => c.Pick(c.Region.ClusterNames)));
        yield return Apis.Read(Ecs, "DescribeServices", 0.5, Describers, Params.Two("cluster", c => c.Pick(c.Region.ClusterNames), "services", c => c.Pick(Names.Workloads)));
        yield return Apis.Read(Ecs, "ListClusters", 0.3, Describers);
        yield return Apis.Read(Ecs, "DescribeClusters", 0.3, Describers, Params.One("cluster", c => c.Pick(c.Region.ClusterNames)));
        yield return Apis.Read(Ecs, "DescribeTaskDefinition", 0.3, Describers, Params.One("taskDefinition", c => c.Pick(Names.Workloads) + ":" + c.Random.Next(3, 90).ToString(CultureInfo.InvariantCulture)));
        yield return Apis.Change(Ecs, "UpdateService", 0.05, Persona.Automation, Params.Two("cluster", c => c.Pick(c.Region.ClusterNames), "service", c => c.Pick(Names.Workloads)));

        const string Elb = "elasticloadbalancing.amazonaws.com";
        yield return Apis.Read(Elb, "DescribeLoadBalancers", 1, Describers, Params.Number("pageSize", 400));
        yield return Apis.Read(Elb, "DescribeTargetHealth", 1.5, Describers, Params.One("targetGroupArn", c => c.Pick(c.Region.TargetGroupArns)));
        yield return Apis.Read(Elb, "DescribeTargetGroups", 0.5, Describers, Params.One("loadBalancerArn", c => c.Pick(c.Region.LoadBalancerArns)));
        yield return Apis.Read(Elb, "DescribeListeners", 0.3, Describers, Params.One("loadBalancerArn", c => c.Pick(c.Region.LoadBalancerArns)));
        yield return Apis.Change(Elb, "RegisterTargets", 0.1, Persona.ServiceLinked, RegisterTargetsRequest);

        const string AutoScaling = "autoscaling.amazonaws.com";
        yield return Apis.Read(AutoScaling, "DescribeAutoScalingGroups", 1, Describers, Params.Number("maxRecords", 100));
        yield return Apis.Read(AutoScaling, "DescribeScalingActivities", 0.3, Describers, Params.One("autoScalingGroupName", c => c.Pick(Names.Workloads) + "-asg"));
        yield return Apis.Read(AutoScaling, "DescribeAutoScalingInstances", 0.5, Describers | Persona.Workload, Params.One("instanceIds", c => c.Pick(c.Region.InstanceIds)));
    }

    private static string Function(CloudTrailContext context) => context.Pick(context.Region.FunctionNames);

    private static string Tag(CloudTrailContext context) =>
        "v1." + context.Random.Next(10, 60).ToString(CultureInfo.InvariantCulture) + "." + context.Random.Next(0, 9).ToString(CultureInfo.InvariantCulture);

    private static void InvokeRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = "arn:aws:lambda:" + context.AwsRegion + ":" + context.Account.Id + ":function:" + Function(context);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("functionName"u8, context.Resource);
        writer.WriteString("invocationType"u8, context.Random.Chance(0.7) ? "RequestResponse"u8 : "Event"u8);
        writer.WriteEndObject();
    }

    private static void UpdateFunctionCodeRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        var function = Function(context);
        writer.WriteString("functionName"u8, function);
        writer.WriteString("s3Bucket"u8, context.Pick(context.Account.BucketNames));
        writer.WriteString("s3Key"u8, "lambda/" + function + "/" + Tag(context) + ".zip");
        writer.WriteBoolean("publish"u8, true);
        writer.WriteBoolean("dryRun"u8, false);
        writer.WriteEndObject();
    }

    private static void BatchGetImageRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("registryId"u8, context.Account.Id);
        writer.WriteString("repositoryName"u8, context.Pick(context.Region.RepositoryNames));
        writer.WriteStartArray("imageIds"u8);
        writer.WriteStartObject();
        writer.WriteString("imageTag"u8, Tag(context));
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("acceptedMediaTypes"u8);
        writer.WriteStringValue("application/vnd.docker.distribution.manifest.v2+json"u8);
        writer.WriteStringValue("application/vnd.oci.image.manifest.v1+json"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void LayerRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("registryId"u8, context.Account.Id);
        writer.WriteString("repositoryName"u8, context.Pick(context.Region.RepositoryNames));
        Span<byte> digest = stackalloc byte[71];
        "sha256:"u8.CopyTo(digest);
        Generation.TextIds.WriteHex(digest[7..], context.Random);
        writer.WriteString("layerDigest"u8, digest);
        writer.WriteEndObject();
    }

    private static void DescribeTasksRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        var cluster = context.Pick(context.Region.ClusterNames);
        writer.WriteString("cluster"u8, cluster);
        writer.WriteStartArray("tasks"u8);
        Span<byte> task = stackalloc byte[32];
        Generation.TextIds.WriteHex(task, context.Random);
        writer.WriteStringValue(task);
        writer.WriteEndArray();
        writer.WriteStartArray("include"u8);
        writer.WriteStringValue("TAGS"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void RegisterTargetsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("targetGroupArn"u8, context.Pick(context.Region.TargetGroupArns));
        writer.WriteStartArray("targets"u8);
        writer.WriteStartObject();
        writer.WriteString("id"u8, context.Pick(context.Region.InstanceIds));
        writer.WriteNumber("port"u8, 8080);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
