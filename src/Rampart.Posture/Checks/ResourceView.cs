using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using Rampart.Iam.Policies;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks;

/// <summary>
/// One resource as checks see it — <c>{"key","type","account","region","id","configuration","supplementary","tags"}</c> —
/// for one evaluation time. Parts other than the configuration and supplementary data are built only when a path asks for
/// them, and policies are parsed once per resource whatever the number of checks that read them. Not thread-safe: one
/// per resource per thread.
/// </summary>
internal sealed class ResourceView(CloudResource resource, DateTimeOffset now)
{
    public static readonly string[] RootFields = ["key", "type", "account", "region", "id", "configuration", "supplementary", "tags"];

    private JsonElement? _header;
    private JsonElement? _tags;
    private JsonElement? _supplementary;
    private JToken? _token;
    private Dictionary<string, object?>? _policies;
    private ImmutableDictionary<string, ImmutableArray<string>>?[]? _probeContexts;

    public CloudResource Resource { get; } = resource;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The first error met while evaluating the current check, reported with its ERROR result.</summary>
    public string? Error { get; set; }

    public void Fail(string message) => Error ??= message;

    /// <summary>The root part named <paramref name="field"/>; false for a name that is not a root field.</summary>
    public bool TryRoot(string field, out JsonElement element)
    {
        switch (field)
        {
            case "configuration":
                element = Resource.Configuration;
                return true;
            case "supplementary":
                element = _supplementary ??= Build(json =>
                {
                    json.WriteStartObject();
                    foreach (var (name, value) in Resource.Supplementary)
                    {
                        json.WritePropertyName(name);
                        value.WriteTo(json);
                    }

                    json.WriteEndObject();
                });
                return true;
            case "tags":
                element = _tags ??= Build(json =>
                {
                    json.WriteStartObject();
                    foreach (var (key, value) in Resource.Tags)
                        json.WriteString(key, value);
                    json.WriteEndObject();
                });
                return true;
            case "key" or "type" or "account" or "region" or "id":
                element = (_header ??= Build(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("key", Resource.Key);
                    json.WriteString("type", Resource.Type);
                    json.WriteString("account", Resource.Account);
                    json.WriteString("region", Resource.Region);
                    json.WriteString("id", Resource.Id);
                    json.WriteEndObject();
                })).GetProperty(field);
                return true;
            default:
                element = default;
                return false;
        }
    }

    /// <summary>One supplementary document, without building the whole supplementary object.</summary>
    public JsonElement Supplementary(string name) =>
        Resource.Supplementary.TryGetValue(name, out var value) ? value : default;

    /// <summary>The whole view as a JmesPath.Net token, for paths outside the directly compiled subset.</summary>
    public JToken Token => _token ??= JToken.Parse(Text());

    /// <summary>A policy parsed once per resource: a <see cref="PolicyDocument"/>, or the parse errors as text.</summary>
    public object? Policy(string text, Func<string, object?> parse)
    {
        _policies ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!_policies.TryGetValue(text, out var policy))
            _policies[text] = policy = parse(text);
        return policy;
    }

    /// <summary>The request context of policy probes at this view's time, built once per resource and transport.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> ProbeContext(bool secure, Func<bool, ImmutableDictionary<string, ImmutableArray<string>>> build)
    {
        _probeContexts ??= new ImmutableDictionary<string, ImmutableArray<string>>?[2];
        return _probeContexts[secure ? 1 : 0] ??= build(secure);
    }

    private string Text()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var field in RootFields)
            {
                json.WritePropertyName(field);
                TryRoot(field, out var element);
                if (element.ValueKind == JsonValueKind.Undefined)
                    json.WriteNullValue();
                else
                    element.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static JsonElement Build(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
            write(json);
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
