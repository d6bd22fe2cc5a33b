using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Rampart.Posture.Inventory;

/// <summary>
/// One resource of the inventory, whatever it was imported from: its key, type, place, configuration in the AWS API's
/// shape, supplementary data (a bucket's policy, encryption, public access block…), tags, relationships and provenance.
/// Account-level settings (password policy, EBS default encryption…) are resources of pseudo-types
/// (<see cref="ResourceTypes"/>) so that checks and drift treat them like any other. Immutable.
/// </summary>
public sealed record CloudResource
{
    /// <summary>
    /// The resource's identity: its ARN when it has one; otherwise <c>TYPE/ACCOUNT/REGION/ID</c> (pseudo-types:
    /// <c>Rampart::IAM::PasswordPolicy/111122223333/global/password-policy</c>).
    /// </summary>
    public required string Key { get; init; }

    /// <summary>The CloudFormation-style type (<c>AWS::S3::Bucket</c>), or a pseudo-type (<c>Rampart::IAM::PasswordPolicy</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The twelve-digit account.</summary>
    public required string Account { get; init; }

    /// <summary>The region, or <c>global</c> for global services and account-level settings.</summary>
    public required string Region { get; init; }

    /// <summary>The resource's id or name as its service knows it (<c>sg-0abc…</c>, a bucket name).</summary>
    public required string Id { get; init; }

    /// <summary>The configuration, as the AWS API describes the resource (PascalCase, as the CLI prints it).</summary>
    public required JsonElement Configuration { get; init; }

    /// <summary>Data from further calls, by name (<c>BucketPolicy</c>, <c>PublicAccessBlockConfiguration</c>, <c>ServerSideEncryptionConfiguration</c>…).</summary>
    public ImmutableSortedDictionary<string, JsonElement> Supplementary { get; init; } = ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>The tags.</summary>
    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Resources this one is related to.</summary>
    public ImmutableArray<ResourceRelationship> Relationships { get; init; } = [];

    /// <summary>Where the resource was read from.</summary>
    public required ResourceProvenance Provenance { get; init; }

    /// <summary>
    /// A hash of what the resource is (type, configuration, supplementary data, tags, relationships — not where it was
    /// read from): equal hashes mean no drift. Hex SHA-256 of the canonical JSON (object keys sorted).
    /// </summary>
    public string ContentHash => _hash ??= Hash();

    private string? _hash;

    /// <summary>Creates an empty resource; set the required members.</summary>
    public CloudResource()
    {
    }

    // `with` copies every member but the cached hash, which belongs to the content being changed.
    private CloudResource(CloudResource original)
    {
        Key = original.Key;
        Type = original.Type;
        Account = original.Account;
        Region = original.Region;
        Id = original.Id;
        Configuration = original.Configuration;
        Supplementary = original.Supplementary;
        Tags = original.Tags;
        Relationships = original.Relationships;
        Provenance = original.Provenance;
    }

    private string Hash()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", Type);
            json.WritePropertyName("configuration");
            CanonicalJson.Write(json, Configuration);
            json.WriteStartObject("supplementary");
            foreach (var (name, value) in Supplementary)
            {
                json.WritePropertyName(name);
                CanonicalJson.Write(json, value);
            }

            json.WriteEndObject();
            json.WriteStartObject("tags");
            foreach (var (key, value) in Tags)
                json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteStartArray("relationships");
            foreach (var relationship in Relationships.OrderBy(static r => r.Name, StringComparer.Ordinal).ThenBy(static r => r.TargetKey, StringComparer.Ordinal))
            {
                json.WriteStartArray();
                json.WriteStringValue(relationship.Name);
                json.WriteStringValue(relationship.TargetKey);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}

/// <summary>A relationship to another resource, named as AWS Config names them (<c>Is attached to Instance</c>).</summary>
/// <param name="Name">The relationship.</param>
/// <param name="TargetKey">The related resource's key.</param>
public sealed record ResourceRelationship(string Name, string TargetKey);

/// <summary>Where a resource was read from.</summary>
/// <param name="Importer">The importer: <c>cli-export</c>, <c>config-item</c>, <c>config-snapshot</c>, <c>recorded-response</c>.</param>
/// <param name="Source">The file (and JSON path in it) the resource came from.</param>
/// <param name="CapturedAt">When the configuration was captured, when the input says.</param>
public sealed record ResourceProvenance(string Importer, string Source, DateTimeOffset? CapturedAt);

/// <summary>Writes JSON with object members sorted by name, so that equal content gives equal bytes.</summary>
internal static class CanonicalJson
{
    public static void Write(Utf8JsonWriter json, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                json.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(static p => p.Name, StringComparer.Ordinal))
                {
                    json.WritePropertyName(property.Name);
                    Write(json, property.Value);
                }

                json.WriteEndObject();
                break;
            case JsonValueKind.Array:
                json.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    Write(json, item);
                json.WriteEndArray();
                break;
            case JsonValueKind.Undefined:
                json.WriteNullValue();
                break;
            default:
                element.WriteTo(json);
                break;
        }
    }

    public static string ToText(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            Write(json, element);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
