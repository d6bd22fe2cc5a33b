using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>KMS: a steady stream of Decrypt and GenerateDataKey behind every encrypted read and write.</summary>
internal static class KmsApis
{
    private const string Kms = "kms.amazonaws.com";
    private const Persona Users = Persona.Workload | Persona.Human | Persona.Automation | Persona.CrossAccount | Persona.ServiceLinked;

    public static IEnumerable<CloudTrailApi> All()
    {
        yield return Apis.Read(Kms, "Decrypt", 8, Users, DecryptRequest, ApiErrors.Kms, 0.01, KeyResource, crossAccount: true, viaEndpoint: true);
        yield return Apis.Read(Kms, "GenerateDataKey", 4, Users, GenerateDataKeyRequest, ApiErrors.Kms, 0.01, KeyResource, crossAccount: true, viaEndpoint: true);
        yield return Apis.Read(Kms, "Encrypt", 1, Persona.Workload | Persona.Automation, EncryptRequest, ApiErrors.Kms, 0.01, KeyResource, viaEndpoint: true);
        yield return Apis.Read(Kms, "DescribeKey", 1, Users, KeyIdRequest, ApiErrors.Kms, 0.01, KeyResource);
        yield return Apis.Read(Kms, "ListAliases", 0.5, Persona.Human | Persona.Automation | Persona.ServiceLinked, Params.Number("limit", 100), ApiErrors.Kms);
        yield return Apis.Read(Kms, "ListKeys", 0.3, Persona.Human | Persona.Automation | Persona.ServiceLinked, Params.Number("limit", 1000), ApiErrors.Kms);
        yield return Apis.Read(Kms, "GetKeyPolicy", 0.2, Persona.Human | Persona.Automation | Persona.ServiceLinked, KeyPolicyRequest, ApiErrors.Kms, 0.01, KeyResource);
        yield return Apis.Read(Kms, "GetKeyRotationStatus", 0.2, Persona.Automation | Persona.ServiceLinked, KeyIdRequest, ApiErrors.Kms, 0.01, KeyResource);
        yield return new CloudTrailApi
        {
            Service = Services.Get(Kms),
            EventName = "RotateKey",
            Weight = 1,
            Callers = Persona.None,
            EventType = "AwsServiceEvent",
            HasRequestId = false,
            Request = null,
            Resources = (writer, context) =>
            {
                context.Resource = context.Pick(context.Region.KmsKeyArns);
                KeyResource(writer, context);
            },
            ServiceEventDetails = (writer, context) =>
            {
                writer.WriteStartObject("serviceEventDetails"u8);
                writer.WriteString("keyId"u8, context.Resource[(context.Resource.LastIndexOf('/') + 1)..]);
                writer.WriteEndObject();
            },
        };
    }

    /// <summary>AWS's own key rotation, written by the generator as an occasional service event.</summary>
    public static CloudTrailApi RotateKey { get; } = All().Single(api => api.EventName == "RotateKey");

    public static void KeyResource(Utf8JsonWriter writer, CloudTrailContext context) =>
        context.WriteResources(writer, "AWS::KMS::Key", context.Resource);

    private static void DecryptRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = context.Pick(context.Region.KmsKeyArns);
        writer.WriteStartObject("requestParameters"u8);
        if (context.Random.Chance(0.3))
            writer.WriteString("keyId"u8, context.Resource);
        WriteEncryptionContext(writer, context);
        writer.WriteString("encryptionAlgorithm"u8, "SYMMETRIC_DEFAULT"u8);
        writer.WriteEndObject();
    }

    private static void GenerateDataKeyRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = context.Pick(context.Region.KmsKeyArns);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("keyId"u8, context.Resource);
        WriteEncryptionContext(writer, context);
        writer.WriteString("keySpec"u8, "AES_256"u8);
        writer.WriteEndObject();
    }

    private static void EncryptRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = context.Pick(context.Region.KmsKeyArns);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("keyId"u8, context.Resource);
        writer.WriteString("encryptionAlgorithm"u8, "SYMMETRIC_DEFAULT"u8);
        writer.WriteEndObject();
    }

    private static void KeyIdRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = context.Pick(context.Region.KmsKeyArns);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("keyId"u8, context.Resource);
        writer.WriteEndObject();
    }

    private static void KeyPolicyRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        context.Resource = context.Pick(context.Region.KmsKeyArns);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("keyId"u8, context.Resource);
        writer.WriteString("policyName"u8, "default"u8);
        writer.WriteEndObject();
    }

    /// <summary>The encryption context names what the data key protects, which differs per calling service.</summary>
    private static void WriteEncryptionContext(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("encryptionContext"u8);
        switch (context.Random.Next(4))
        {
            case 0:
                writer.WriteString("aws:s3:arn"u8, "arn:aws:s3:::" + context.Pick(context.Account.BucketNames));
                break;
            case 1:
                writer.WriteString("aws:lambda:FunctionArn"u8, "arn:aws:lambda:" + context.AwsRegion + ":" + context.Account.Id + ":function:" + context.Pick(context.Region.FunctionNames));
                break;
            case 2:
                writer.WriteString("SecretARN"u8, context.Pick(context.Region.SecretArns));
                context.WriteUuid(writer, "SecretVersionId"u8);
                break;
            default:
                writer.WriteString("aws:dynamodb:tableName"u8, context.Pick(context.Region.TableNames));
                writer.WriteString("aws:dynamodb:subscriberId"u8, context.Account.Id);
                break;
        }

        writer.WriteEndObject();
    }
}
