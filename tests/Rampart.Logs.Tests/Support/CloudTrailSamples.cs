namespace Rampart.Logs.Tests.Support;

/// <summary>Our own CloudTrail events, shaped as CloudTrail writes them.</summary>
internal static class CloudTrailSamples
{
    public const string PutBucketPolicy = """
        {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE1","arn":"arn:aws:iam::111122223333:user/alice","accountId":"111122223333","accessKeyId":"AKIAEXAMPLE1","userName":"alice"},"eventTime":"2024-03-05T10:15:30Z","eventSource":"s3.amazonaws.com","eventName":"PutBucketPolicy","awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2.15.0","requestParameters":{"bucketName":"finance-reports","bucketPolicy":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}},"responseElements":null,"eventID":"0f8e2c1a-1111-4a5b-9c3d-000000000001","readOnly":false,"resources":[{"ARN":"arn:aws:s3:::finance-reports","type":"AWS::S3::Bucket"}],"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management"}
        """;

    public const string ConsoleLogin = """
        {"eventVersion":"1.09","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2024-03-05T11:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.50","userAgent":"Mozilla/5.0","requestParameters":null,"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"},"eventID":"0f8e2c1a-1111-4a5b-9c3d-000000000002","readOnly":false,"eventType":"AwsConsoleSignIn","managementEvent":true,"recipientAccountId":"111122223333","eventCategory":"Management","tlsDetails":{"tlsVersion":"TLSv1.3"}}
        """;

    public const string DeleteTrailDenied = """
        {"eventVersion":"1.05","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:mallory","arn":"arn:aws:sts::444455556666:assumed-role/Ops/mallory","accountId":"444455556666"},"eventTime":"2024-03-06T00:00:01Z","eventSource":"cloudtrail.amazonaws.com","eventName":"DeleteTrail","awsRegion":"eu-central-1","sourceIPAddress":"192.0.2.99","errorCode":"AccessDenied","errorMessage":"not authorized","requestParameters":{"name":"org-trail"},"eventID":"0f8e2c1a-1111-4a5b-9c3d-000000000003","recipientAccountId":"444455556666","someFieldFromTheFuture":{"nested":[1,2,3]}}
        """;

    public static string RecordsFile(params string[] events) => "{\"Records\":[" + string.Join(",", events) + "]}";

    public static string JsonLines(params string[] events) => string.Join("\n", events) + "\n";
}
