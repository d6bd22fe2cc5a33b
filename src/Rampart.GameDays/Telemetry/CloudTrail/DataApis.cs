using System.Globalization;
using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Databases, queues, secrets and analytics.</summary>
internal static class DataApis
{
    private const Persona Describers = Persona.Human | Persona.Automation | Persona.ServiceLinked;

    public static IEnumerable<CloudTrailApi> All()
    {
        const string Dynamo = "dynamodb.amazonaws.com";
        yield return Apis.Read(Dynamo, "DescribeTable", 2, Describers | Persona.Workload, Params.One("tableName", Table), apiVersion: "2012-08-10", viaEndpoint: true);
        yield return Apis.Read(Dynamo, "ListTables", 0.5, Describers, apiVersion: "2012-08-10");
        yield return Apis.Read(Dynamo, "DescribeTimeToLive", 0.3, Describers, Params.One("tableName", Table), apiVersion: "2012-08-10");
        yield return Apis.Read(Dynamo, "DescribeContinuousBackups", 0.2, Describers, Params.One("tableName", Table), apiVersion: "2012-08-10");

        const string Rds = "rds.amazonaws.com";
        yield return Apis.Read(Rds, "DescribeDBInstances", 1, Describers, Params.One("dBInstanceIdentifier", c => c.Pick(c.Region.DbInstanceIds)));
        yield return Apis.Read(Rds, "DescribeDBClusters", 0.3, Describers);
        yield return Apis.Read(Rds, "DescribeDBSnapshots", 0.2, Describers, Params.One("dBInstanceIdentifier", c => c.Pick(c.Region.DbInstanceIds)));
        yield return Apis.Read(Rds, "DescribeEvents", 0.3, Describers, Params.Fixed(("duration", 60)));
        yield return Apis.Change(Rds, "CreateDBSnapshot", 0.02, Persona.Automation | Persona.ServiceLinked, Params.Two("dBInstanceIdentifier", c => c.Pick(c.Region.DbInstanceIds), "dBSnapshotIdentifier", c => "manual-" + c.Time.ToString(CultureInfo.InvariantCulture)));

        const string Sqs = "sqs.amazonaws.com";
        yield return Apis.Read(Sqs, "ListQueues", 0.3, Describers);
        yield return Apis.Read(Sqs, "GetQueueAttributes", 0.8, Describers | Persona.Workload, GetQueueAttributesRequest);

        const string Secrets = "secretsmanager.amazonaws.com";
        yield return Apis.Read(Secrets, "GetSecretValue", 2, Persona.Workload | Persona.Human | Persona.Automation, Params.One("secretId", Secret), viaEndpoint: true);
        yield return Apis.Read(Secrets, "DescribeSecret", 0.5, Describers | Persona.Workload, Params.One("secretId", Secret));
        yield return Apis.Read(Secrets, "ListSecrets", 0.2, Describers, Params.Number("maxResults", 100));
        yield return Apis.Change(Secrets, "PutSecretValue", 0.02, Persona.Automation, PutSecretValueRequest, PutSecretValueResponse);

        const string Athena = "athena.amazonaws.com";
        yield return Apis.Change(Athena, "StartQueryExecution", 0.3, Persona.Workload | Persona.Human, StartQueryExecutionRequest, StartQueryExecutionResponse);
        yield return Apis.Read(Athena, "GetQueryExecution", 1, Persona.Workload | Persona.Human, QueryExecutionRequest);
        yield return Apis.Read(Athena, "GetQueryResults", 0.5, Persona.Workload | Persona.Human, QueryExecutionRequest);

        const string Glue = "glue.amazonaws.com";
        yield return Apis.Read(Glue, "GetTable", 0.5, Persona.Workload | Persona.Human, Params.Two("databaseName", _ => "analytics", "name", Table));
        yield return Apis.Read(Glue, "GetDatabase", 0.2, Persona.Workload | Persona.Human, Params.One("name", _ => "analytics"));
        yield return Apis.Read(Glue, "GetPartitions", 0.4, Persona.Workload, Params.Two("databaseName", _ => "analytics", "tableName", Table));

        yield return Apis.Read("sns.amazonaws.com", "ListTopics", 0.2, Describers);
        yield return Apis.Read("sns.amazonaws.com", "GetTopicAttributes", 0.3, Describers | Persona.Workload, Params.One("topicArn", c => "arn:aws:sns:" + c.AwsRegion + ":" + c.Account.Id + ":alerts"));
        yield return Apis.Read("events.amazonaws.com", "ListRules", 0.2, Describers);
        yield return Apis.Read("events.amazonaws.com", "DescribeRule", 0.2, Describers, Params.One("name", c => c.Pick(Names.Workloads) + "-schedule"));
        yield return Apis.Change("states.amazonaws.com", "StartExecution", 0.2, Persona.Workload, StartExecutionRequest, StartExecutionResponse);
        yield return Apis.Read("states.amazonaws.com", "DescribeExecution", 0.3, Persona.Workload | Persona.Human, Params.One("executionArn", c => "arn:aws:states:" + c.AwsRegion + ":" + c.Account.Id + ":execution:etl-nightly:" + c.Time.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Table(CloudTrailContext context) => context.Pick(context.Region.TableNames);

    private static string Secret(CloudTrailContext context) => context.Pick(context.Region.SecretArns);

    private static void GetQueueAttributesRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("queueUrl"u8, context.Pick(context.Region.QueueUrls));
        writer.WriteStartArray("attributeNames"u8);
        writer.WriteStringValue("ApproximateNumberOfMessages"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void PutSecretValueRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = Secret(context);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("secretId"u8, context.Resource);
        context.WriteUuid(writer, "clientRequestToken"u8);
        writer.WriteEndObject();
    }

    private static void PutSecretValueResponse(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteString("aRN"u8, context.Resource);
        context.WriteUuid(writer, "versionId"u8);
        writer.WriteStartArray("versionStages"u8);
        writer.WriteStringValue("AWSCURRENT"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void StartQueryExecutionRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("queryString"u8, "SELECT order_id, status, total FROM analytics." + Table(context) + " WHERE dt = current_date LIMIT 1000");
        writer.WriteStartObject("queryExecutionContext"u8);
        writer.WriteString("database"u8, "analytics"u8);
        writer.WriteEndObject();
        writer.WriteStartObject("resultConfiguration"u8);
        writer.WriteString("outputLocation"u8, "s3://" + context.Account.BucketNames[0] + "/athena/");
        writer.WriteEndObject();
        writer.WriteString("workGroup"u8, "primary"u8);
        writer.WriteEndObject();
    }

    private static void StartQueryExecutionResponse(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        context.WriteUuid(writer, "queryExecutionId"u8);
        writer.WriteEndObject();
    }

    private static void QueryExecutionRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        context.WriteUuid(writer, "queryExecutionId"u8);
        writer.WriteEndObject();
    }

    private static void StartExecutionRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("stateMachineArn"u8, "arn:aws:states:" + context.AwsRegion + ":" + context.Account.Id + ":stateMachine:etl-nightly");
        writer.WriteString("input"u8, "HIDDEN_DUE_TO_SECURITY_REASONS"u8);
        writer.WriteEndObject();
    }

    private static void StartExecutionResponse(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        writer.WriteString("executionArn"u8, "arn:aws:states:" + context.AwsRegion + ":" + context.Account.Id + ":execution:etl-nightly:" + context.Time.ToString(CultureInfo.InvariantCulture));
        context.WriteCloudTrailDate(writer, "startDate"u8, context.Time);
        writer.WriteEndObject();
    }
}
