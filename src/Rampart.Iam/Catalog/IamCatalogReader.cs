using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;

namespace Rampart.Iam.Catalog;

/// <summary>
/// Reads the catalog file <c>scripts/iam-catalog/generate.mjs</c> writes (format 1, described in the script's
/// header). The file is data we ship and the script validates it, so a malformed one is a build defect and
/// throws <see cref="InvalidDataException"/>.
/// </summary>
/// <remarks>
/// Equal names, condition keys, key lists and plain resource rows are shared while reading: the same action
/// names (<c>TagResource</c>), tag keys and rows recur across services. ARN patterns are nearly all distinct and
/// are not pooled.
/// </remarks>
internal sealed class IamCatalogReader
{
    internal const string ResourceName = "Rampart.Iam.Catalog.iam-catalog.json.gz";
    private const int Format = 1;
    private const int MaxStackChars = 256;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private readonly Dictionary<IamConditionKey, IamConditionKey> _keys = [];
    private readonly Dictionary<string, ImmutableArray<IamConditionKey>> _keyLists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<IamConditionKey>>.AlternateLookup<ReadOnlySpan<char>> _keyListLookup;
    private readonly Dictionary<(int Type, bool Required), IamActionResourceType> _plainRows = [];
    private readonly List<IamConditionKey> _keyScratch = [];
    private readonly List<string> _stringScratch = [];

    private IamCatalogReader()
    {
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _keyListLookup = _keyLists.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Loads the catalog embedded in this assembly.</summary>
    public static IamCatalog LoadEmbedded()
    {
        using var stream = typeof(IamCatalogReader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Load(stream);
    }

    /// <summary>Loads a catalog from a gzip stream of its JSON.</summary>
    public static IamCatalog Load(Stream gzip)
    {
        using var inflated = new GZipStream(gzip, CompressionMode.Decompress, leaveOpen: true);
        using var json = new MemoryStream(capacity: 2 * 1024 * 1024);
        inflated.CopyTo(json);
        return Read(json.GetBuffer().AsSpan(0, (int)json.Length));
    }

    /// <summary>Reads a catalog from its JSON.</summary>
    public static IamCatalog Read(ReadOnlySpan<byte> json) => new IamCatalogReader().ReadCatalog(json);

    private IamCatalog ReadCatalog(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
        Next(ref reader, JsonTokenType.StartObject);
        string? version = null;
        var globals = ImmutableArray<IamConditionKey>.Empty;
        var services = ImmutableArray<IamService>.Empty;
        var sawFormat = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("format"u8))
            {
                Next(ref reader, JsonTokenType.Number);
                if (reader.GetInt32() != Format)
                    throw Malformed(ref reader, $"format {reader.GetInt32()}; this reader knows format {Format}");
                sawFormat = true;
            }
            else if (!sawFormat)
            {
                throw Malformed(ref reader, "the format must come first");
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                version = ReadSourceVersion(ref reader);
            }
            else if (reader.ValueTextEquals("globalConditionKeys"u8))
            {
                Next(ref reader, JsonTokenType.StartArray);
                globals = ReadKeyDefinitions(ref reader);
            }
            else if (reader.ValueTextEquals("services"u8))
            {
                services = ReadServices(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        Expect(ref reader, JsonTokenType.EndObject);
        if (version is null || services.IsEmpty)
            throw Malformed(ref reader, "no source version or no services");
        return new IamCatalog(version, services, globals);
    }

    private string ReadSourceVersion(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.StartObject);
        string? version = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
                version = NextString(ref reader);
            else
                reader.Skip();
        }

        Expect(ref reader, JsonTokenType.EndObject);
        return version ?? throw Malformed(ref reader, "the source has no version");
    }

    private ImmutableArray<IamService> ReadServices(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.StartArray);
        var services = ImmutableArray.CreateBuilder<IamService>(512);
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            Property(ref reader, "prefix"u8);
            var prefix = NextString(ref reader);
            Property(ref reader, "name"u8);
            Next(ref reader, JsonTokenType.String);
            var name = reader.GetString()!;
            Property(ref reader, "conditionKeys"u8);
            Next(ref reader, JsonTokenType.StartArray);
            var keys = ReadKeyDefinitions(ref reader);
            Property(ref reader, "resourceTypes"u8);
            var resourceTypes = ReadResourceTypes(ref reader, prefix, keys);
            Property(ref reader, "actions"u8);
            _plainRows.Clear();
            var actions = ReadActions(ref reader, prefix, keys, resourceTypes);
            Next(ref reader, JsonTokenType.EndObject);
            services.Add(new IamService(prefix, name, actions, resourceTypes, keys));
        }

        return services.DrainToImmutable();
    }

    /// <summary>Reads <c>[[name, type], …]</c>; the reader stands on the opening bracket.</summary>
    private ImmutableArray<IamConditionKey> ReadKeyDefinitions(ref Utf8JsonReader reader)
    {
        _keyScratch.Clear();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var name = NextString(ref reader);
            Next(ref reader, JsonTokenType.String);
            var type = ReadKeyType(ref reader);
            Next(ref reader, JsonTokenType.EndArray);
            var key = new IamConditionKey(name, type);
            if (!_keys.TryGetValue(key, out var shared))
                _keys.Add(key, shared = key);
            _keyScratch.Add(shared);
        }

        return [.. _keyScratch];
    }

    private ImmutableArray<IamResourceType> ReadResourceTypes(ref Utf8JsonReader reader, string service, ImmutableArray<IamConditionKey> keys)
    {
        Next(ref reader, JsonTokenType.StartArray);
        var types = ImmutableArray.CreateBuilder<IamResourceType>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var name = NextString(ref reader);
            ImmutableArray<string> arns;
            if (Next(ref reader) == JsonTokenType.String)
            {
                arns = [reader.GetString()!];
            }
            else
            {
                Expect(ref reader, JsonTokenType.StartArray);
                arns = ReadStrings(ref reader);
            }

            var typeKeys = ImmutableArray<IamConditionKey>.Empty;
            if (Next(ref reader) == JsonTokenType.StartArray)
            {
                typeKeys = ReadKeyIndices(ref reader, keys);
                Next(ref reader);
            }

            Expect(ref reader, JsonTokenType.EndArray);
            types.Add(new IamResourceType(service, name, arns, typeKeys));
        }

        return types.DrainToImmutable();
    }

    private ImmutableArray<IamAction> ReadActions(
        ref Utf8JsonReader reader, string service, ImmutableArray<IamConditionKey> keys, ImmutableArray<IamResourceType> resourceTypes)
    {
        Next(ref reader, JsonTokenType.StartArray);
        var actions = ImmutableArray.CreateBuilder<IamAction>(64);
        var rows = new List<IamActionResourceType>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var name = NextString(ref reader);
            Next(ref reader, JsonTokenType.String);
            var level = ReadAccessLevel(ref reader);
            var resources = ImmutableArray<IamActionResourceType>.Empty;
            var actionKeys = ImmutableArray<IamConditionKey>.Empty;
            var dependents = ImmutableArray<string>.Empty;
            if (Next(ref reader) == JsonTokenType.StartArray)
            {
                rows.Clear();
                while (Next(ref reader) != JsonTokenType.EndArray)
                    rows.Add(ReadActionResource(ref reader, keys, resourceTypes));
                resources = [.. rows];
                if (Next(ref reader) == JsonTokenType.StartArray)
                {
                    actionKeys = ReadKeyIndices(ref reader, keys);
                    if (Next(ref reader) == JsonTokenType.StartArray)
                    {
                        dependents = ReadStrings(ref reader);
                        Next(ref reader);
                    }
                }
            }

            Expect(ref reader, JsonTokenType.EndArray);
            actions.Add(new IamAction(service, name, level, resources, actionKeys, MergeDependents(dependents, resources)));
        }

        var result = actions.DrainToImmutable();
        for (var i = 1; i < result.Length; i++)
        {
            if (string.Compare(result[i - 1].Name, result[i].Name, StringComparison.OrdinalIgnoreCase) >= 0)
                return result.Sort(static (a, b) => string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase));
        }

        return result;
    }

    /// <summary>Reads <c>[typeIndex, required, [keyIndex, …]?, [dependent, …]?]</c>; the reader stands on the opening bracket.</summary>
    private IamActionResourceType ReadActionResource(
        ref Utf8JsonReader reader, ImmutableArray<IamConditionKey> keys, ImmutableArray<IamResourceType> resourceTypes)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        Next(ref reader);
        var typeIndex = Index(ref reader, resourceTypes.Length);
        var resourceType = resourceTypes[typeIndex];
        Next(ref reader, JsonTokenType.Number);
        var required = reader.GetInt32() != 0;
        var rowKeys = ImmutableArray<IamConditionKey>.Empty;
        var dependents = ImmutableArray<string>.Empty;
        if (Next(ref reader) == JsonTokenType.StartArray)
        {
            rowKeys = ReadKeyIndices(ref reader, keys);
            if (Next(ref reader) == JsonTokenType.StartArray)
            {
                dependents = ReadStrings(ref reader);
                Next(ref reader);
            }
        }

        Expect(ref reader, JsonTokenType.EndArray);
        if (!rowKeys.IsEmpty || !dependents.IsEmpty)
            return new IamActionResourceType(resourceType, required, rowKeys, dependents);
        if (!_plainRows.TryGetValue((typeIndex, required), out var row))
        {
            row = new IamActionResourceType(resourceType, required, [], []);
            _plainRows.Add((typeIndex, required), row);
        }

        return row;
    }

    /// <summary>Reads <c>[keyIndex, …]</c> into a list shared with every equal list; the reader stands on the opening bracket.</summary>
    private ImmutableArray<IamConditionKey> ReadKeyIndices(ref Utf8JsonReader reader, ImmutableArray<IamConditionKey> keys)
    {
        _keyScratch.Clear();
        while (Next(ref reader) != JsonTokenType.EndArray)
            _keyScratch.Add(keys[Index(ref reader, keys.Length)]);
        if (_keyScratch.Count == 0)
            return [];

        // Shared by content across services: each name followed by a control character that encodes its type.
        var signatureLength = 0;
        foreach (var key in _keyScratch)
            signatureLength += key.Name.Length + 1;
        var signature = signatureLength <= MaxStackChars ? stackalloc char[signatureLength] : new char[signatureLength];
        var at = 0;
        foreach (var key in _keyScratch)
        {
            key.Name.CopyTo(signature[at..]);
            at += key.Name.Length;
            signature[at++] = (char)(1 + (int)key.Type);
        }

        if (_keyListLookup.TryGetValue(signature, out var shared))
            return shared;
        ImmutableArray<IamConditionKey> list = [.. _keyScratch];
        _keyLists.Add(new string(signature), list);
        return list;
    }

    private ImmutableArray<string> ReadStrings(ref Utf8JsonReader reader)
    {
        _stringScratch.Clear();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.String);
            _stringScratch.Add(Pooled(ref reader));
        }

        return [.. _stringScratch];
    }

    private static ImmutableArray<string> MergeDependents(ImmutableArray<string> own, ImmutableArray<IamActionResourceType> rows)
    {
        var any = false;
        foreach (var row in rows)
            any |= !row.DependentActions.IsEmpty;
        if (!any)
            return own;
        var all = new SortedSet<string>(own, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
            all.UnionWith(row.DependentActions);
        return [.. all];
    }

    private string NextString(ref Utf8JsonReader reader)
    {
        Next(ref reader, JsonTokenType.String);
        return Pooled(ref reader);
    }

    private string Pooled(ref Utf8JsonReader reader)
    {
        // Unescaped text is never longer in UTF-16 code units than its UTF-8 bytes.
        var max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = max <= MaxStackChars ? stackalloc char[max] : new char[max];
        var text = buffer[..reader.CopyString(buffer)];
        if (_stringLookup.TryGetValue(text, out var pooled))
            return pooled;
        var created = new string(text);
        _strings.Add(created, created);
        return created;
    }

    private static int Index(ref Utf8JsonReader reader, int count)
    {
        Expect(ref reader, JsonTokenType.Number);
        var index = reader.GetInt32();
        if ((uint)index >= (uint)count)
            throw Malformed(ref reader, $"index {index} outside a list of {count}");
        return index;
    }

    private static IamConditionKeyType ReadKeyType(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("String"u8)) return IamConditionKeyType.String;
        if (reader.ValueTextEquals("ArrayOfString"u8)) return IamConditionKeyType.ArrayOfString;
        if (reader.ValueTextEquals("ARN"u8)) return IamConditionKeyType.Arn;
        if (reader.ValueTextEquals("Bool"u8)) return IamConditionKeyType.Bool;
        if (reader.ValueTextEquals("Numeric"u8)) return IamConditionKeyType.Numeric;
        if (reader.ValueTextEquals("Date"u8)) return IamConditionKeyType.Date;
        if (reader.ValueTextEquals("IPAddress"u8)) return IamConditionKeyType.IPAddress;
        if (reader.ValueTextEquals("Binary"u8)) return IamConditionKeyType.Binary;
        if (reader.ValueTextEquals("ArrayOfARN"u8)) return IamConditionKeyType.ArrayOfArn;
        if (reader.ValueTextEquals("ArrayOfNumeric"u8)) return IamConditionKeyType.ArrayOfNumeric;
        if (reader.ValueTextEquals("ArrayOfDate"u8)) return IamConditionKeyType.ArrayOfDate;
        if (reader.ValueTextEquals("ArrayOfBool"u8)) return IamConditionKeyType.ArrayOfBool;
        if (reader.ValueTextEquals("ArrayOfIPAddress"u8)) return IamConditionKeyType.ArrayOfIPAddress;
        if (reader.ValueTextEquals("ArrayOfBinary"u8)) return IamConditionKeyType.ArrayOfBinary;
        throw Malformed(ref reader, $"unknown condition-key type '{reader.GetString()}'");
    }

    private static IamAccessLevel ReadAccessLevel(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("Write"u8)) return IamAccessLevel.Write;
        if (reader.ValueTextEquals("Read"u8)) return IamAccessLevel.Read;
        if (reader.ValueTextEquals("List"u8)) return IamAccessLevel.List;
        if (reader.ValueTextEquals("Tagging"u8)) return IamAccessLevel.Tagging;
        if (reader.ValueTextEquals("Permissions management"u8)) return IamAccessLevel.PermissionsManagement;
        throw Malformed(ref reader, $"unknown access level '{reader.GetString()}'");
    }

    private static void Property(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        Next(ref reader, JsonTokenType.PropertyName);
        if (!reader.ValueTextEquals(name))
            throw Malformed(ref reader, $"expected the property {System.Text.Encoding.UTF8.GetString(name)}, found {reader.GetString()}");
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw Malformed(ref reader, "the JSON ends early");
        return reader.TokenType;
    }

    private static void Next(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        Next(ref reader);
        Expect(ref reader, expected);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
            throw Malformed(ref reader, $"expected {expected}, found {reader.TokenType}");
    }

    private static InvalidDataException Malformed(ref Utf8JsonReader reader, string message) =>
        new($"{ResourceName}: {message} at byte {reader.TokenStartIndex}.");
}
