using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>S3: object-level data events from workloads, bucket-level management events from everyone.</summary>
internal static class S3Apis
{
    private const string S3 = "s3.amazonaws.com";
    private const Persona ObjectUsers = Persona.Workload | Persona.Automation | Persona.Human | Persona.CrossAccount;
    private const Persona BucketReaders = Persona.Human | Persona.Automation | Persona.ServiceLinked;

    public static IEnumerable<CloudTrailApi> All()
    {
        yield return Data("GetObject", 5, readOnly: true, ApiErrors.S3Read, bytesOut: true);
        yield return Data("PutObject", 2, readOnly: false, ApiErrors.S3Write, bytesOut: false);
        yield return Data("HeadObject", 1.5, readOnly: true, ApiErrors.S3Read, bytesOut: false);
        yield return Data("DeleteObject", 0.4, readOnly: false, ApiErrors.S3Write, bytesOut: false);
        yield return new CloudTrailApi
        {
            Service = Services.Get(S3),
            EventName = "ListObjects",
            Weight = 2,
            Callers = ObjectUsers,
            ReadOnly = true,
            DataEvent = true,
            Request = ListObjectsRequest,
            AdditionalData = (writer, context) => WriteAdditionalData(writer, context, 0),
            Resources = BucketResource,
            Errors = ApiErrors.S3Bucket,
            ErrorRate = 0.01,
            CanBeCrossAccount = true,
            ViaVpcEndpoint = true,
        };
        yield return new CloudTrailApi
        {
            Service = Services.Get(S3),
            EventName = "GetBucketAcl",
            Weight = 1.5,
            Callers = BucketReaders | Persona.Service,
            ReadOnly = true,
            Request = (writer, context) => BucketRequest(writer, context, "acl"u8),
            AdditionalData = (writer, context) => WriteAdditionalData(writer, context, 0),
            Resources = BucketResource,
            Errors = ApiErrors.S3Bucket,
            ErrorRate = 0.005,
        };
        yield return BucketRead("GetBucketPolicy", 0.6, "policy"u8, 0.2);
        yield return BucketRead("GetBucketLocation", 1, "location"u8, 0.005);
        yield return BucketRead("GetBucketVersioning", 0.5, "versioning"u8, 0.005);
        yield return BucketRead("GetBucketEncryption", 0.4, "encryption"u8, 0.01);
        yield return BucketRead("GetBucketPublicAccessBlock", 0.4, "publicAccessBlock"u8, 0.01);
        yield return BucketRead("GetBucketTagging", 0.3, "tagging"u8, 0.05);
        yield return new CloudTrailApi
        {
            Service = Services.Get(S3),
            EventName = "ListBuckets",
            Weight = 0.5,
            Callers = BucketReaders,
            ReadOnly = true,
            Request = (writer, context) =>
            {
                context.Bucket = "";
                writer.WriteStartObject("requestParameters"u8);
                writer.WriteString("Host"u8, "s3.amazonaws.com"u8);
                writer.WriteEndObject();
            },
            AdditionalData = (writer, context) => WriteAdditionalData(writer, context, 0),
            Errors = ApiErrors.S3Bucket,
        };
        yield return new CloudTrailApi
        {
            Service = Services.Get(S3),
            EventName = "PutBucketVersioning",
            Weight = 0.01,
            Callers = Persona.Automation | Persona.Human,
            Request = (writer, context) =>
            {
                ChooseBucket(context);
                WriteVersioningRequest(writer, context, "Enabled");
            },
            AdditionalData = (writer, context) => WriteAdditionalData(writer, context, 0),
            Resources = BucketResource,
            Errors = ApiErrors.S3Write,
            ErrorRate = 0.02,
        };
    }

    /// <summary>Writes a PutBucketVersioning request for <see cref="CloudTrailContext.Bucket"/> as S3 records it (the XML body becomes an object).</summary>
    public static void WriteVersioningRequest(Utf8JsonWriter writer, CloudTrailContext context, string status)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("bucketName"u8, context.Bucket);
        WriteHost(writer, context);
        writer.WriteString("versioning"u8, ""u8);
        writer.WriteStartObject("VersioningConfiguration"u8);
        writer.WriteString("Status"u8, status);
        writer.WriteString("xmlns"u8, "http://s3.amazonaws.com/doc/2006-03-01/"u8);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void BucketResource(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartArray("resources"u8);
        context.WriteResource(writer, "AWS::S3::Bucket", "arn:aws:s3:::" + context.Bucket);
        writer.WriteEndArray();
    }

    public static void WriteAdditionalData(Utf8JsonWriter writer, CloudTrailContext context, long bytesOut)
    {
        writer.WriteStartObject("additionalEventData"u8);
        writer.WriteString("SignatureVersion"u8, "SigV4"u8);
        writer.WriteString("CipherSuite"u8, "TLS_AES_128_GCM_SHA256"u8);
        writer.WriteNumber("bytesTransferredIn"u8, 0);
        writer.WriteString("AuthenticationMethod"u8, "AuthHeader"u8);
        Span<byte> id = stackalloc byte[76];
        TextIds.WriteMixedAlphanumeric(id, context.Random);
        writer.WriteString("x-amz-id-2"u8, id);
        writer.WriteNumber("bytesTransferredOut"u8, bytesOut);
        writer.WriteEndObject();
    }

    private static CloudTrailApi Data(string name, double weight, bool readOnly, ApiError[] errors, bool bytesOut) => new()
    {
        Service = Services.Get(S3),
        EventName = name,
        Weight = weight,
        Callers = ObjectUsers,
        ReadOnly = readOnly,
        DataEvent = true,
        Request = ObjectRequest,
        AdditionalData = (writer, context) => WriteAdditionalData(writer, context, bytesOut && !context.IsError ? (long)context.Random.Skewed(24_000, 1.6) : 0),
        Resources = ObjectResources,
        Errors = errors,
        ErrorRate = name == "GetObject" ? 0.03 : 0.01,
        CanBeCrossAccount = true,
        ViaVpcEndpoint = true,
    };

    private static CloudTrailApi BucketRead(string name, double weight, ReadOnlySpan<byte> subresource, double errorRate)
    {
        var query = subresource.ToArray();
        return new CloudTrailApi
        {
            Service = Services.Get(S3),
            EventName = name,
            Weight = weight,
            Callers = BucketReaders,
            ReadOnly = true,
            Request = (writer, context) => BucketRequest(writer, context, query),
            AdditionalData = (writer, context) => WriteAdditionalData(writer, context, 0),
            Resources = BucketResource,
            Errors = ApiErrors.S3Bucket,
            ErrorRate = errorRate,
        };
    }

    /// <summary>CloudTrail checks the ACL of the bucket it delivers to; everyone else works on the account's buckets.</summary>
    private static void ChooseBucket(CloudTrailContext context) =>
        context.Bucket = context.Principal.InvokedBy == "cloudtrail.amazonaws.com" ? context.Account.TrailBucket : context.Pick(context.Account.BucketNames);

    private static void WriteHost(Utf8JsonWriter writer, CloudTrailContext context)
    {
        Span<byte> host = stackalloc byte[128];
        var n = System.Text.Encoding.ASCII.GetBytes(context.Bucket, host);
        ".s3."u8.CopyTo(host[n..]);
        n += 4;
        n += System.Text.Encoding.ASCII.GetBytes(context.AwsRegion, host[n..]);
        ".amazonaws.com"u8.CopyTo(host[n..]);
        n += 14;
        writer.WriteString("Host"u8, host[..n]);
    }

    private static void BucketRequest(Utf8JsonWriter writer, CloudTrailContext context, ReadOnlySpan<byte> subresource)
    {
        ChooseBucket(context);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("bucketName"u8, context.Bucket);
        WriteHost(writer, context);
        writer.WriteString(subresource, ""u8);
        writer.WriteEndObject();
    }

    private static void ListObjectsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        ChooseBucket(context);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("bucketName"u8, context.Bucket);
        WriteHost(writer, context);
        writer.WriteString("list-type"u8, "2"u8);
        writer.WriteString("prefix"u8, context.Random.Chance(0.5) ? "data/"u8 : "exports/"u8);
        writer.WriteString("encoding-type"u8, "url"u8);
        writer.WriteEndObject();
    }

    private static void ObjectRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        ChooseBucket(context);
        WriteObjectKey(context);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("bucketName"u8, context.Bucket);
        WriteHost(writer, context);
        writer.WriteString("key"u8, context.ObjectKey);
        writer.WriteEndObject();
    }

    private static void ObjectResources(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartArray("resources"u8);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "AWS::S3::Object"u8);
        Span<byte> arn = stackalloc byte[13 + 64 + 1 + 256];
        "arn:aws:s3:::"u8.CopyTo(arn);
        var n = 13;
        n += System.Text.Encoding.ASCII.GetBytes(context.Bucket, arn[n..]);
        arn[n++] = (byte)'/';
        context.ObjectKey.CopyTo(arn[n..]);
        n += context.ObjectKey.Length;
        writer.WriteString("ARN"u8, arn[..n]);
        writer.WriteEndObject();
        context.WriteResource(writer, "AWS::S3::Bucket", "arn:aws:s3:::" + context.Bucket);
        writer.WriteEndArray();
    }

    /// <summary>Builds a plausible object key in the context's key buffer.</summary>
    private static void WriteObjectKey(CloudTrailContext context)
    {
        var buffer = context.ObjectKeyBuffer;
        var random = context.Random;
        var date = DateTime.UnixEpoch.AddSeconds(context.Time);
        var n = 0;
        switch (random.Next(6))
        {
            case 0:
                n += Copy("data/year="u8, buffer);
                n += TextIds.WriteNumber(buffer[n..], date.Year);
                n += Copy("/month="u8, buffer[n..]);
                n += Two(buffer[n..], date.Month);
                n += Copy("/day="u8, buffer[n..]);
                n += Two(buffer[n..], date.Day);
                n += Copy("/part-000"u8, buffer[n..]);
                n += Two(buffer[n..], random.Next(100));
                buffer[n++] = (byte)'-';
                TextIds.WriteHex(buffer.Slice(n, 8), random);
                n += 8;
                n += Copy(".snappy.parquet"u8, buffer[n..]);
                break;
            case 1:
                n += Copy("uploads/"u8, buffer);
                TextIds.WriteUuid(buffer[n..], random);
                n += TextIds.UuidLength;
                n += Copy(random.Chance(0.5) ? ".jpg"u8 : ".pdf"u8, buffer[n..]);
                break;
            case 2:
                n += Copy("exports/orders/"u8, buffer);
                n += TextIds.WriteNumber(buffer[n..], date.Year);
                buffer[n++] = (byte)'-';
                n += Two(buffer[n..], date.Month);
                buffer[n++] = (byte)'-';
                n += Two(buffer[n..], date.Day);
                n += Copy("/orders-"u8, buffer[n..]);
                n += TextIds.WriteNumber(buffer[n..], random.Next(1, 400));
                n += Copy(".csv.gz"u8, buffer[n..]);
                break;
            case 3:
                n += Copy("static/js/app."u8, buffer);
                TextIds.WriteHex(buffer.Slice(n, 8), random);
                n += 8;
                n += Copy(".chunk.js"u8, buffer[n..]);
                break;
            case 4:
                n += Copy("backups/postgres/"u8, buffer);
                n += TextIds.WriteNumber(buffer[n..], date.Year);
                buffer[n++] = (byte)'-';
                n += Two(buffer[n..], date.Month);
                buffer[n++] = (byte)'-';
                n += Two(buffer[n..], date.Day);
                n += Copy("/base.tar.gz"u8, buffer[n..]);
                break;
            default:
                n += Copy("models/fraud-scoring/v"u8, buffer);
                n += TextIds.WriteNumber(buffer[n..], random.Next(1, 40));
                n += Copy("/model.tar.gz"u8, buffer[n..]);
                break;
        }

        context.ObjectKeyLength = n;
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    private static int Two(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
        return 2;
    }
}
