using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rampart.Core;

namespace Rampart.Hunting.Output;

/// <summary>
/// OCSF 1.x Detection Finding (class 2004, activity Create) per hit, one JSON object per line.
/// The matched event travels verbatim in <c>raw_data</c>; attribution and origin in <c>unmapped</c>.
/// </summary>
public sealed class OcsfHitWriter : IHitWriter
{
    /// <summary>The OCSF schema version the records follow.</summary>
    public const string SchemaVersion = "1.6.0";

    private const int ClassUid = 2004;
    private const int CategoryUid = 2;
    private const int ActivityCreate = 1;

    private static readonly string ProductVersion =
        typeof(OcsfHitWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static readonly System.Text.RegularExpressions.Regex AttackId =
        new(@"^attack\.[tgs]\d{4}", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private readonly JsonLineStream _lines;

    /// <summary>Writes to <paramref name="stream"/>; disposes it when <paramref name="ownsStream"/>.</summary>
    public OcsfHitWriter(Stream stream, bool ownsStream)
    {
        _lines = new JsonLineStream(stream, ownsStream);
    }

    /// <inheritdoc />
    public void Write(DetectionHit hit)
    {
        var json = _lines.Json;
        var time = (hit.Summary.Time ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds();
        json.WriteStartObject();
        json.WriteNumber("activity_id", ActivityCreate);
        json.WriteString("activity_name", "Create");
        json.WriteNumber("category_uid", CategoryUid);
        json.WriteString("category_name", "Findings");
        json.WriteNumber("class_uid", ClassUid);
        json.WriteString("class_name", "Detection Finding");
        json.WriteNumber("type_uid", (ClassUid * 100) + ActivityCreate);
        json.WriteString("type_name", "Detection Finding: Create");
        json.WriteNumber("severity_id", (int)hit.Rule.Severity);
        json.WriteString("severity", hit.Rule.Severity.ToString());
        json.WriteNumber("status_id", 1);
        json.WriteString("status", "New");
        json.WriteBoolean("is_alert", true);
        json.WriteNumber("time", time);
        json.WriteString("message", hit.Rule.Title);

        json.WriteStartObject("metadata");
        json.WriteString("version", SchemaVersion);
        json.WriteStartObject("product");
        json.WriteString("name", "Rampart");
        json.WriteString("vendor_name", "Rampart");
        json.WriteString("version", ProductVersion);
        json.WriteEndObject();
        json.WriteString("log_name", hit.SourceType);
        json.WriteStartArray("profiles");
        json.WriteStringValue("cloud");
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("finding_info");
        json.WriteString("uid", Fingerprint(hit));
        json.WriteString("title", hit.Rule.Title);
        if (hit.Rule.Description is { } description)
            json.WriteString("desc", description);
        json.WriteStartArray("types");
        json.WriteStringValue(hit.Rule.Engine == "sigma" ? "Sigma" : "GuardDuty");
        json.WriteEndArray();
        json.WriteStartObject("analytic");
        json.WriteString("uid", hit.Rule.Id);
        json.WriteString("name", hit.Rule.Title);
        json.WriteNumber("type_id", 1);
        json.WriteString("type", "Rule");
        json.WriteEndObject();
        WriteAttacks(json, hit.Rule);
        json.WriteNumber("first_seen_time", time);
        json.WriteNumber("last_seen_time", time);
        json.WriteStartArray("data_sources");
        json.WriteStringValue(hit.SourceType);
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("cloud");
        json.WriteString("provider", "AWS");
        if (hit.Summary.Region is { } region)
            json.WriteString("region", region);
        if (hit.Summary.Account is { } account)
        {
            json.WriteStartObject("account");
            json.WriteString("uid", account);
            json.WriteNumber("type_id", 10);
            json.WriteString("type", "AWS Account");
            json.WriteEndObject();
        }

        json.WriteEndObject();

        if (hit.Summary.SourceIp is { } ip && System.Net.IPAddress.TryParse(ip, out _))
        {
            json.WriteStartArray("observables");
            json.WriteStartObject();
            json.WriteString("name", "src_endpoint.ip");
            json.WriteNumber("type_id", 2);
            json.WriteString("type", "IP Address");
            json.WriteString("value", ip);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (!hit.Intel.IsEmpty)
        {
            json.WriteStartArray("enrichments");
            foreach (var match in hit.Intel)
            {
                json.WriteStartObject();
                json.WriteString("name", match.Field);
                json.WriteString("value", match.Value);
                json.WriteString("provider", match.List);
                json.WriteString("type", "threat-intel");
                json.WriteStartObject("data");
                json.WriteString("list", match.List);
                json.WriteString("indicator", match.Indicator);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteString("raw_data", hit.EventJson.Span);

        json.WriteStartObject("unmapped");
        json.WritePropertyName("rule");
        HitJson.WriteRule(json, hit.Rule);
        HitJson.WriteOptional(json, "event_id", hit.Summary.EventId);
        HitJson.WriteOptional(json, "event_name", hit.Summary.EventName);
        HitJson.WriteOptional(json, "actor", hit.Summary.Actor);
        HitJson.WriteOrigin(json, hit);
        json.WriteEndObject();

        json.WriteEndObject();
        _lines.EndLine();
    }

    /// <inheritdoc />
    public void Complete(HuntSummary summary) => _lines.Flush();

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    // The same rule on the same event is the same finding, however often a hunt is repeated.
    internal static string Fingerprint(DetectionHit hit)
    {
        var key = hit.Rule.Id + "\n" + (hit.Summary.EventId ?? Convert.ToHexStringLower(SHA256.HashData(hit.EventJson.Span)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    private static void WriteAttacks(Utf8JsonWriter json, HitRule rule)
    {
        var techniques = rule.Tags.Where(tag => AttackId.IsMatch(tag) && char.ToLowerInvariant(tag["attack.".Length]) == 't').ToList();
        if (techniques.Count == 0)
            return;

        // Tactic tags are the attack.* tags that are not ids of techniques, groups or software.
        var tactics = rule.Tags
            .Where(tag => tag.StartsWith("attack.", StringComparison.OrdinalIgnoreCase) && !AttackId.IsMatch(tag))
            .Select(tag => tag["attack.".Length..])
            .ToList();
        json.WriteStartArray("attacks");
        foreach (var technique in techniques)
        {
            json.WriteStartObject();
            json.WriteStartObject("technique");
            json.WriteString("uid", technique["attack.".Length..].ToUpperInvariant());
            json.WriteEndObject();
            if (tactics.Count > 0)
            {
                json.WriteStartObject("tactic");
                json.WriteString("name", tactics[0]);
                json.WriteEndObject();
            }

            json.WriteString("version", "v16");
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
