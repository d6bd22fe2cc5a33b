using Rampart.Core.Events;

namespace Rampart.Iam.Activity;

/// <summary>
/// The ARNs of the resources a CloudTrail event acted on, built from its <c>requestParameters</c> for the services whose
/// events do not list them in <c>resources</c>: buckets and objects, tables, functions, queues, topics, secrets,
/// parameters, log groups, roles, users, policies.
/// </summary>
internal static class RequestResources
{
    private static readonly FieldPath Bucket = FieldPath.Parse("requestParameters.bucketName");
    private static readonly FieldPath Key = FieldPath.Parse("requestParameters.key");
    private static readonly FieldPath Table = FieldPath.Parse("requestParameters.tableName");
    private static readonly FieldPath Function = FieldPath.Parse("requestParameters.functionName");
    private static readonly FieldPath QueueUrl = FieldPath.Parse("requestParameters.queueUrl");
    private static readonly FieldPath TopicArn = FieldPath.Parse("requestParameters.topicArn");
    private static readonly FieldPath SecretId = FieldPath.Parse("requestParameters.secretId");
    private static readonly FieldPath Name = FieldPath.Parse("requestParameters.name");
    private static readonly FieldPath LogGroup = FieldPath.Parse("requestParameters.logGroupName");
    private static readonly FieldPath RoleArn = FieldPath.Parse("requestParameters.roleArn");
    private static readonly FieldPath RoleName = FieldPath.Parse("requestParameters.roleName");
    private static readonly FieldPath UserName = FieldPath.Parse("requestParameters.userName");
    private static readonly FieldPath PolicyArn = FieldPath.Parse("requestParameters.policyArn");
    private static readonly FieldPath KeyId = FieldPath.Parse("requestParameters.keyId");

    [ThreadStatic]
    private static List<FieldValue>? t_values;

    public static IEnumerable<string> From(LogEvent record, string action, string? eventRegion, string? eventAccount)
    {
        var service = action[..action.IndexOf(':', StringComparison.Ordinal)];
        var (region, account) = (eventRegion ?? "*", eventAccount ?? "*");
        switch (service)
        {
            case "s3" when Text(record, Bucket) is { } bucket:
                yield return Text(record, Key) is { } key ? $"arn:aws:s3:::{bucket}/{key}" : $"arn:aws:s3:::{bucket}";
                break;
            case "dynamodb" when Text(record, Table) is { } table:
                yield return table.StartsWith("arn:", StringComparison.Ordinal) ? table : $"arn:aws:dynamodb:{region}:{account}:table/{table}";
                break;
            case "lambda" when Text(record, Function) is { } function:
                yield return function.StartsWith("arn:", StringComparison.Ordinal) ? function : $"arn:aws:lambda:{region}:{account}:function:{function}";
                break;
            case "sqs" when Text(record, QueueUrl) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.Length >= 3:
                yield return $"arn:aws:sqs:{region}:{uri.Segments[1].TrimEnd('/')}:{uri.Segments[2].TrimEnd('/')}";
                break;
            case "sns" when Text(record, TopicArn) is { } topic:
                yield return topic;
                break;
            case "secretsmanager" when Text(record, SecretId) is { } secret:
                yield return secret.StartsWith("arn:", StringComparison.Ordinal) ? secret : $"arn:aws:secretsmanager:{region}:{account}:secret:{secret}";
                break;
            case "ssm" when action.Contains("Parameter", StringComparison.Ordinal) && Text(record, Name) is { } parameter:
                yield return parameter.StartsWith("arn:", StringComparison.Ordinal) ? parameter : $"arn:aws:ssm:{region}:{account}:parameter/{parameter.TrimStart('/')}";
                break;
            case "logs" when Text(record, LogGroup) is { } group:
                yield return $"arn:aws:logs:{region}:{account}:log-group:{group}";
                break;
            case "kms" when Text(record, KeyId) is { } kmsKey && kmsKey.StartsWith("arn:", StringComparison.Ordinal):
                yield return kmsKey;
                break;
            case "sts" when Text(record, RoleArn) is { } role:
                yield return role;
                break;
            case "iam":
                if (Text(record, RoleName) is { } roleName)
                    yield return $"arn:aws:iam::{account}:role/{roleName}";
                else if (Text(record, UserName) is { } userName)
                    yield return $"arn:aws:iam::{account}:user/{userName}";
                else if (Text(record, PolicyArn) is { } policy)
                    yield return policy;
                break;
        }
    }

    private static string? Text(LogEvent record, FieldPath path)
    {
        var values = t_values ??= [];
        values.Clear();
        record.CollectValues(path, values);
        return values.Count > 0 && !values[0].IsNull && values[0].Text is { Length: > 0 } text ? text : null;
    }
}
