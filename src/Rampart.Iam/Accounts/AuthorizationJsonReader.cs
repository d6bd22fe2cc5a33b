using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Accounts;

/// <summary>
/// Walks one export held in memory with a <see cref="Utf8JsonReader"/>, building the model and reporting problems as it
/// goes. Every <c>Read…</c> method starts on the first token of its value and leaves the reader on the value's last token.
/// Policy documents are never walked into: an object is skipped and its bytes kept as text.
/// </summary>
internal sealed class AuthorizationJsonReader
{
    private const string InlineSkipped = "the inline policy was skipped";
    private const string TrustLeftOut = "the role was read without a trust policy";
    private const string PolicySkipped = "the policy was skipped";

    // The range of DateTimeOffset in Unix seconds: 0001-01-01 to 9999-12-31T23:59:59.
    private const double MinEpochSeconds = -62_135_596_800;
    private const double MaxEpochSeconds = 253_402_300_799;

    private readonly ReadOnlyMemory<byte> _json;
    private readonly string _source;
    private readonly IDiagnosticSink _sink;
    private readonly ElementReader _readUser;
    private readonly ElementReader _readGroup;
    private readonly ElementReader _readRole;
    private readonly ElementReader _readPolicy;
    private readonly ElementReader _readInline;
    private readonly ElementReader _readAttached;
    private readonly ElementReader _readTag;
    private readonly ElementReader _readProfile;
    private readonly ElementReader _readVersion;

    private readonly List<IamUser> _users = [];
    private readonly List<IamGroup> _groups = [];
    private readonly List<IamRole> _roles = [];
    private readonly List<ManagedPolicy> _policies = [];

    // Name (or policy ARN) → JSON path of the entry that holds it, to find duplicates and unresolved references.
    private readonly Dictionary<string, string> _userPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _groupPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rolePaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _policyPaths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _skippedPolicies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Reference> _policyReferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Reference> _groupReferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _accounts = new(StringComparer.Ordinal);

    // What the entry being read has gathered so far; entries of one kind never nest, so one set serves all.
    private readonly List<InlinePolicy> _inline = [];
    private readonly List<AttachedPolicy> _attached = [];
    private readonly List<string> _names = [];
    private readonly List<IamTag> _tags = [];
    private readonly List<InstanceProfile> _profiles = [];
    private readonly List<VersionDraft> _versions = [];
    private readonly List<PendingReference> _pendingPolicies = [];
    private readonly List<PendingReference> _pendingGroups = [];

    private int _record;
    private string _originPrefix;
    private int _reported;
    private int[]? _lineStarts;
    private bool _sawPolicies;

    private readonly ManagedPolicyLibrary _library;
    private readonly List<ManagedPolicy> _fromLibrary = [];

    public AuthorizationJsonReader(ReadOnlyMemory<byte> json, string source, IDiagnosticSink sink, ManagedPolicyLibrary? library = null)
    {
        _library = library ?? ManagedPolicyLibrary.Empty;
        _json = json;
        _source = source;
        _sink = sink;
        _originPrefix = source + ": ";
        _readUser = ReadUser;
        _readGroup = ReadGroup;
        _readRole = ReadRole;
        _readPolicy = ReadPolicy;
        _readInline = ReadInline;
        _readAttached = ReadAttached;
        _readTag = ReadTag;
        _readProfile = ReadProfile;
        _readVersion = ReadVersion;
    }

    private delegate void ElementReader(ref Utf8JsonReader reader, string path);

    public AccountAuthorizationDetails Read()
    {
        var span = _json.Span;
        if (span.Trim(" \t\r\n"u8).IsEmpty)
        {
            Report(AuthorizationDiagnostics.Empty(new SourceLocation(_source)));
            return AccountAuthorizationDetails.Empty;
        }

        var options = new JsonReaderOptions
        {
            AllowMultipleValues = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = AccountAuthorizationReader.MaxDepth,
        };
        var reader = new Utf8JsonReader(span, options);
        var values = 0;
        var complete = true;
        try
        {
            while (reader.Read())
            {
                values++;
                SetRecord(values);
                ReadTopLevel(ref reader);
            }
        }
        catch (JsonException e)
        {
            complete = false;
            ReportInvalidJson(e, reader.BytesConsumed);
        }

        // After damage the policies and groups that would resolve the references may lie beyond it: no guesses then.
        if (complete)
            ResolveReferences();
        return new AccountAuthorizationDetails(ChooseAccount(), [.. _users], [.. _groups], [.. _roles], [.. _policies, .. _fromLibrary]);
    }

    private void SetRecord(int value)
    {
        // Concatenated pages: the first is as if alone; later ones carry their number, as SourceLocation prints it.
        _record = value > 1 ? value : 0;
        _originPrefix = new SourceLocation(_source, 0, 0, _record) + ": ";
    }

    private void ReadTopLevel(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                ReadPage(ref reader, "$");
                break;
            case JsonTokenType.StartArray:
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var path = Index("$", index++);
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadPage(ref reader, path);
                    }
                    else
                    {
                        Report(AuthorizationDiagnostics.NotAnObjectOrPages(Location(reader.TokenStartIndex), path, Describe(reader.TokenType)));
                        reader.Skip();
                    }
                }

                break;
            default:
                Report(AuthorizationDiagnostics.NotAnObjectOrPages(Location(reader.TokenStartIndex), "$", Describe(reader.TokenType)));
                break;
        }
    }

    private void ReadPage(ref Utf8JsonReader reader, string path)
    {
        var start = reader.TokenStartIndex;
        var recognised = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "UserDetailList":
                    recognised = true;
                    ReadList(ref reader, path + ".UserDetailList", "user", _readUser);
                    break;
                case "GroupDetailList":
                    recognised = true;
                    ReadList(ref reader, path + ".GroupDetailList", "group", _readGroup);
                    break;
                case "RoleDetailList":
                    recognised = true;
                    ReadList(ref reader, path + ".RoleDetailList", "role", _readRole);
                    break;
                case "Policies":
                    recognised = true;
                    _sawPolicies = true;
                    ReadList(ref reader, path + ".Policies", "policy", _readPolicy);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!recognised)
            Report(AuthorizationDiagnostics.NotAPage(Location(start), path));
    }

    private void ReadList(ref Utf8JsonReader reader, string path, string element, ElementReader read)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var elementPath = Index(path, index++);
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        read(ref reader, elementPath);
                    }
                    else
                    {
                        Report(AuthorizationDiagnostics.WrongTypeSkipped(Location(reader.TokenStartIndex), elementPath, "an object", Describe(reader.TokenType), element));
                        reader.Skip();
                    }
                }

                break;
            case JsonTokenType.StartObject:
                // The AWS CLI's own documentation example prints a group's AttachedManagedPolicies this way.
                Report(AuthorizationDiagnostics.SingleObjectAsList(Location(reader.TokenStartIndex), path));
                read(ref reader, path);
                break;
            case JsonTokenType.Null:
                break;
            default:
                Report(AuthorizationDiagnostics.WrongTypeSkipped(Location(reader.TokenStartIndex), path, "an array", Describe(reader.TokenType), "list"));
                break;
        }
    }

    private void ReadUser(ref Utf8JsonReader reader, string path)
    {
        var entry = new EntryDraft(path, reader.TokenStartIndex, "user");
        ClearScratch();
        string? id = null, iamPath = null, boundary = null;
        DateTimeOffset? created = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "UserName":
                    entry.HasName = true;
                    entry.Name = RequiredString(ref reader, ref entry, "UserName");
                    break;
                case "UserId":
                    id = OptionalString(ref reader, path, "UserId");
                    break;
                case "Arn":
                    ReadArn(ref reader, ref entry);
                    break;
                case "Path":
                    iamPath = OptionalString(ref reader, path, "Path");
                    break;
                case "CreateDate":
                    created = OptionalDate(ref reader, path, "CreateDate");
                    break;
                case "GroupList":
                    ReadGroupNames(ref reader, path + ".GroupList");
                    break;
                case "UserPolicyList":
                    ReadList(ref reader, path + ".UserPolicyList", "inline policy", _readInline);
                    break;
                case "AttachedManagedPolicies":
                    ReadList(ref reader, path + ".AttachedManagedPolicies", "attached policy", _readAttached);
                    break;
                case "PermissionsBoundary":
                    boundary = ReadBoundary(ref reader, path + ".PermissionsBoundary");
                    break;
                case "Tags":
                    ReadList(ref reader, path + ".Tags", "tag", _readTag);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!Accept(ref entry, "UserName", _userPaths))
            return;
        _users.Add(new IamUser(entry.Name!, id ?? "", entry.Arn!, iamPath ?? "/", created, [.. _names], [.. _inline], [.. _attached], boundary, [.. _tags]));
    }

    private void ReadGroup(ref Utf8JsonReader reader, string path)
    {
        var entry = new EntryDraft(path, reader.TokenStartIndex, "group");
        ClearScratch();
        string? id = null, iamPath = null;
        DateTimeOffset? created = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "GroupName":
                    entry.HasName = true;
                    entry.Name = RequiredString(ref reader, ref entry, "GroupName");
                    break;
                case "GroupId":
                    id = OptionalString(ref reader, path, "GroupId");
                    break;
                case "Arn":
                    ReadArn(ref reader, ref entry);
                    break;
                case "Path":
                    iamPath = OptionalString(ref reader, path, "Path");
                    break;
                case "CreateDate":
                    created = OptionalDate(ref reader, path, "CreateDate");
                    break;
                case "GroupPolicyList":
                    ReadList(ref reader, path + ".GroupPolicyList", "inline policy", _readInline);
                    break;
                case "AttachedManagedPolicies":
                    ReadList(ref reader, path + ".AttachedManagedPolicies", "attached policy", _readAttached);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!Accept(ref entry, "GroupName", _groupPaths))
            return;
        _groups.Add(new IamGroup(entry.Name!, id ?? "", entry.Arn!, iamPath ?? "/", created, [.. _inline], [.. _attached]));
    }

    private void ReadRole(ref Utf8JsonReader reader, string path)
    {
        var entry = new EntryDraft(path, reader.TokenStartIndex, "role");
        ClearScratch();
        string? id = null, iamPath = null, boundary = null, region = null;
        DateTimeOffset? created = null, lastUsed = null;
        PolicyText? trust = null;
        var hasTrust = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "RoleName":
                    entry.HasName = true;
                    entry.Name = RequiredString(ref reader, ref entry, "RoleName");
                    break;
                case "RoleId":
                    id = OptionalString(ref reader, path, "RoleId");
                    break;
                case "Arn":
                    ReadArn(ref reader, ref entry);
                    break;
                case "Path":
                    iamPath = OptionalString(ref reader, path, "Path");
                    break;
                case "CreateDate":
                    created = OptionalDate(ref reader, path, "CreateDate");
                    break;
                case "AssumeRolePolicyDocument":
                    hasTrust = true;
                    trust = ReadDocument(ref reader, path + ".AssumeRolePolicyDocument", TrustLeftOut);
                    break;
                case "InstanceProfileList":
                    ReadList(ref reader, path + ".InstanceProfileList", "instance profile", _readProfile);
                    break;
                case "RolePolicyList":
                    ReadList(ref reader, path + ".RolePolicyList", "inline policy", _readInline);
                    break;
                case "AttachedManagedPolicies":
                    ReadList(ref reader, path + ".AttachedManagedPolicies", "attached policy", _readAttached);
                    break;
                case "PermissionsBoundary":
                    boundary = ReadBoundary(ref reader, path + ".PermissionsBoundary");
                    break;
                case "Tags":
                    ReadList(ref reader, path + ".Tags", "tag", _readTag);
                    break;
                case "RoleLastUsed":
                    (lastUsed, region) = ReadLastUsed(ref reader, path + ".RoleLastUsed");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!Accept(ref entry, "RoleName", _rolePaths))
            return;
        if (!hasTrust)
            Report(AuthorizationDiagnostics.MissingTrustPolicy(Location(entry.Start), path));
        _roles.Add(new IamRole(
            entry.Name!, id ?? "", entry.Arn!, iamPath ?? "/", created, trust, [.. _inline], [.. _attached], boundary, [.. _profiles], lastUsed, region, [.. _tags]));
    }

    private void ReadPolicy(ref Utf8JsonReader reader, string path)
    {
        var entry = new EntryDraft(path, reader.TokenStartIndex, "policy");
        ClearScratch();
        string? name = null, id = null, iamPath = null, defaultVersion = null;
        DateTimeOffset? created = null, updated = null;
        int attachments = 0, boundaryUses = 0;
        var attachable = true;
        long versionsAt = -1;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "PolicyName":
                    name = OptionalString(ref reader, path, "PolicyName");
                    break;
                case "PolicyId":
                    id = OptionalString(ref reader, path, "PolicyId");
                    break;
                case "Arn":
                    ReadArn(ref reader, ref entry);
                    break;
                case "Path":
                    iamPath = OptionalString(ref reader, path, "Path");
                    break;
                case "DefaultVersionId":
                    defaultVersion = OptionalString(ref reader, path, "DefaultVersionId");
                    break;
                case "AttachmentCount":
                    attachments = OptionalCount(ref reader, path, "AttachmentCount");
                    break;
                case "PermissionsBoundaryUsageCount":
                    boundaryUses = OptionalCount(ref reader, path, "PermissionsBoundaryUsageCount");
                    break;
                case "IsAttachable":
                    attachable = OptionalBoolean(ref reader, path, "IsAttachable") ?? true;
                    break;
                case "CreateDate":
                    created = OptionalDate(ref reader, path, "CreateDate");
                    break;
                case "UpdateDate":
                    updated = OptionalDate(ref reader, path, "UpdateDate");
                    break;
                case "PolicyVersionList":
                    versionsAt = reader.TokenStartIndex;
                    ReadList(ref reader, path + ".PolicyVersionList", "policy version", _readVersion);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!entry.HasArn)
            Report(AuthorizationDiagnostics.MissingMember(Location(entry.Start), path, "Arn", "policy"));
        if (entry.Rejected || entry.Arn is null)
            return;
        var arn = entry.Arn;
        if (_policyPaths.TryGetValue(arn, out var first))
        {
            Report(AuthorizationDiagnostics.Duplicate(Location(entry.Start), path, "policy", arn, first));
            return;
        }

        var document = DefaultDocument(path, entry.Start, versionsAt, defaultVersion, out var versionId);
        if (document is null)
        {
            _skippedPolicies.Add(arn);
            return;
        }

        _policyPaths.Add(arn, path);
        CheckArn(ref entry);
        _policies.Add(new ManagedPolicy(
            arn, name ?? IamArn.LastSegment(arn), id ?? "", iamPath ?? "/", versionId, document, attachments, boundaryUses, attachable, created, updated));
    }

    private PolicyText? DefaultDocument(string path, long start, long versionsAt, string? defaultVersion, out string versionId)
    {
        VersionDraft? chosen = null;
        foreach (var version in _versions)
        {
            if (defaultVersion is not null ? string.Equals(version.Id, defaultVersion, StringComparison.Ordinal) : version.IsDefault)
            {
                chosen = version;
                break;
            }
        }

        if (chosen is null && defaultVersion is null && _versions.Count == 1)
            chosen = _versions[0];
        if (chosen is not { } found)
        {
            var at = Location(versionsAt >= 0 ? versionsAt : start);
            Report(defaultVersion is null
                ? AuthorizationDiagnostics.NoDefaultVersion(at, path)
                : AuthorizationDiagnostics.DefaultVersionNotFound(at, path + ".PolicyVersionList", defaultVersion));
            versionId = "";
            return null;
        }

        versionId = found.Id ?? defaultVersion ?? "";
        if (!found.HasDocument)
        {
            Report(AuthorizationDiagnostics.MissingMember(Location(found.Start), found.Path, "Document", "policy"));
            return null;
        }

        return Document(found.Kind, found.DocumentStart, found.DocumentEnd, found.Text, found.Path + ".Document", PolicySkipped);
    }

    private void ReadVersion(ref Utf8JsonReader reader, string path)
    {
        var start = reader.TokenStartIndex;
        string? id = null, text = null;
        var isDefault = false;
        var hasDocument = false;
        var kind = JsonTokenType.None;
        long documentStart = 0, documentEnd = 0;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "VersionId":
                    id = OptionalString(ref reader, path, "VersionId");
                    break;
                case "IsDefaultVersion":
                    isDefault = OptionalBoolean(ref reader, path, "IsDefaultVersion") ?? false;
                    break;
                case "Document":
                    // Only the default version's document is kept, so none is decoded until the default is known.
                    hasDocument = true;
                    kind = reader.TokenType;
                    documentStart = reader.TokenStartIndex;
                    if (kind == JsonTokenType.String)
                        text = reader.GetString();
                    reader.Skip();
                    documentEnd = reader.TokenStartIndex + 1;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        _versions.Add(new VersionDraft(path, start, id, isDefault, hasDocument, kind, documentStart, documentEnd, text));
    }

    private void ReadInline(ref Utf8JsonReader reader, string path)
    {
        var start = reader.TokenStartIndex;
        string? name = null;
        PolicyText? document = null;
        bool hasName = false, hasDocument = false, rejected = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "PolicyName":
                    hasName = true;
                    name = RequiredString(ref reader, path, "PolicyName", "inline policy", ref rejected);
                    break;
                case "PolicyDocument":
                    hasDocument = true;
                    document = ReadDocument(ref reader, path + ".PolicyDocument", InlineSkipped);
                    rejected |= document is null;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!hasName)
            Report(AuthorizationDiagnostics.MissingMember(Location(start), path, "PolicyName", "inline policy"));
        if (!hasDocument)
            Report(AuthorizationDiagnostics.MissingMember(Location(start), path, "PolicyDocument", "inline policy"));
        if (!rejected && name is not null && document is not null)
            _inline.Add(new InlinePolicy(name, document));
    }

    private void ReadAttached(ref Utf8JsonReader reader, string path)
    {
        var start = reader.TokenStartIndex;
        string? name = null, arn = null;
        long arnAt = 0;
        bool hasArn = false, rejected = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "PolicyName":
                    name = OptionalString(ref reader, path, "PolicyName");
                    break;
                case "PolicyArn":
                    hasArn = true;
                    arnAt = reader.TokenStartIndex;
                    arn = RequiredString(ref reader, path, "PolicyArn", "attached policy", ref rejected);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!hasArn)
            Report(AuthorizationDiagnostics.MissingMember(Location(start), path, "PolicyArn", "attached policy"));
        if (rejected || arn is null)
            return;
        _attached.Add(new AttachedPolicy(arn, name ?? IamArn.LastSegment(arn)));
        _pendingPolicies.Add(new PendingReference(arn, arnAt, path + ".PolicyArn"));
    }

    private string? ReadBoundary(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Report(AuthorizationDiagnostics.WrongTypeIgnored(Location(reader.TokenStartIndex), path, "an object", Describe(reader.TokenType)));
            reader.Skip();
            return null;
        }

        var start = reader.TokenStartIndex;
        string? arn = null;
        long arnAt = 0;
        while (NextProperty(ref reader, out var property))
        {
            if (property == "PermissionsBoundaryArn")
            {
                arnAt = reader.TokenStartIndex;
                arn = OptionalString(ref reader, path, "PermissionsBoundaryArn");
            }
            else
            {
                reader.Skip();
            }
        }

        if (arn is null)
        {
            Report(AuthorizationDiagnostics.MissingBoundaryArn(Location(start), path));
            return null;
        }

        _pendingPolicies.Add(new PendingReference(arn, arnAt, path + ".PermissionsBoundaryArn"));
        return arn;
    }

    private void ReadTag(ref Utf8JsonReader reader, string path)
    {
        var start = reader.TokenStartIndex;
        string? key = null, value = null;
        bool hasKey = false, rejected = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "Key":
                    hasKey = true;
                    key = RequiredString(ref reader, path, "Key", "tag", ref rejected);
                    break;
                case "Value":
                    value = OptionalString(ref reader, path, "Value");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!hasKey)
            Report(AuthorizationDiagnostics.MissingMember(Location(start), path, "Key", "tag"));
        if (!rejected && key is not null)
            _tags.Add(new IamTag(key, value ?? ""));
    }

    private void ReadProfile(ref Utf8JsonReader reader, string path)
    {
        var start = reader.TokenStartIndex;
        string? name = null, arn = null;
        bool hasName = false, rejected = false;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "InstanceProfileName":
                    hasName = true;
                    name = RequiredString(ref reader, path, "InstanceProfileName", "instance profile", ref rejected);
                    break;
                case "Arn":
                    arn = OptionalString(ref reader, path, "Arn");
                    break;
                default:
                    // Roles repeats the role with its trust policy: nothing new.
                    reader.Skip();
                    break;
            }
        }

        if (!hasName)
            Report(AuthorizationDiagnostics.MissingMember(Location(start), path, "InstanceProfileName", "instance profile"));
        if (!rejected && name is not null)
            _profiles.Add(new InstanceProfile(name, arn ?? ""));
    }

    private (DateTimeOffset? Date, string? Region) ReadLastUsed(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            if (reader.TokenType != JsonTokenType.Null)
                Report(AuthorizationDiagnostics.WrongTypeIgnored(Location(reader.TokenStartIndex), path, "an object", Describe(reader.TokenType)));
            reader.Skip();
            return (null, null);
        }

        DateTimeOffset? date = null;
        string? region = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "LastUsedDate":
                    date = OptionalDate(ref reader, path, "LastUsedDate");
                    break;
                case "Region":
                    region = OptionalString(ref reader, path, "Region");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (date, region);
    }

    private void ReadGroupNames(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Report(AuthorizationDiagnostics.WrongTypeSkipped(Location(reader.TokenStartIndex), path, "an array", Describe(reader.TokenType), "list"));
            reader.Skip();
            return;
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.String)
            {
                var name = reader.GetString()!;
                _names.Add(name);
                _pendingGroups.Add(new PendingReference(name, at, null, path, index));
            }
            else
            {
                Report(AuthorizationDiagnostics.WrongTypeSkipped(Location(at), Index(path, index), "a string", Describe(reader.TokenType), "group name"));
                reader.Skip();
            }

            index++;
        }
    }

    private PolicyText? ReadDocument(ref Utf8JsonReader reader, string path, string consequence)
    {
        var kind = reader.TokenType;
        var start = reader.TokenStartIndex;
        var text = kind == JsonTokenType.String ? reader.GetString() : null;
        reader.Skip();
        return Document(kind, start, reader.TokenStartIndex + 1, text, path, consequence);
    }

    private PolicyText? Document(JsonTokenType kind, long start, long end, string? text, string path, string consequence)
    {
        switch (kind)
        {
            case JsonTokenType.StartObject:
                return new PolicyText(Encoding.UTF8.GetString(_json.Span[(int)start..(int)end]), _originPrefix + path);
            case JsonTokenType.String:
                switch (PolicyDocumentDecoder.Decode(text!, out var decoded))
                {
                    case PolicyDocumentDecoder.Outcome.Decoded:
                        return new PolicyText(decoded, _originPrefix + path);
                    case PolicyDocumentDecoder.Outcome.BadEncoding:
                        Report(AuthorizationDiagnostics.BadUrlEncoding(Location(start), path, decoded, consequence));
                        return null;
                    default:
                        Report(AuthorizationDiagnostics.NotAPolicyDocument(Location(start), path, "a string that holds no JSON object", consequence));
                        return null;
                }

            default:
                Report(AuthorizationDiagnostics.NotAPolicyDocument(Location(start), path, Describe(kind), consequence));
                return null;
        }
    }

    private void ReadArn(ref Utf8JsonReader reader, ref EntryDraft entry)
    {
        entry.HasArn = true;
        entry.ArnAt = reader.TokenStartIndex;
        entry.Arn = RequiredString(ref reader, ref entry, "Arn");
    }

    private bool Accept(ref EntryDraft entry, string nameMember, Dictionary<string, string> seen)
    {
        if (!entry.HasName)
            Report(AuthorizationDiagnostics.MissingMember(Location(entry.Start), entry.Path, nameMember, entry.What));
        if (!entry.HasArn)
            Report(AuthorizationDiagnostics.MissingMember(Location(entry.Start), entry.Path, "Arn", entry.What));
        if (entry.Rejected || entry.Name is null || entry.Arn is null)
            return false;
        if (!seen.TryAdd(entry.Name, entry.Path))
        {
            Report(AuthorizationDiagnostics.Duplicate(Location(entry.Start), entry.Path, entry.What, entry.Name, seen[entry.Name]));
            return false;
        }

        CheckArn(ref entry);
        foreach (var reference in _pendingPolicies)
            Remember(_policyReferences, reference);
        foreach (var reference in _pendingGroups)
            Remember(_groupReferences, reference);
        return true;
    }

    private void CheckArn(ref EntryDraft entry)
    {
        if (!IamArn.IsIamArn(entry.Arn!))
            Report(AuthorizationDiagnostics.BadArn(Location(entry.ArnAt), entry.Path + ".Arn", entry.Arn!));
        else if (IamArn.Account(entry.Arn!) is { } account)
            CollectionsMarshal.GetValueRefOrAddDefault(_accounts, account, out _)++;
    }

    private void Remember(Dictionary<string, Reference> references, PendingReference pending)
    {
        ref var reference = ref CollectionsMarshal.GetValueRefOrAddDefault(references, pending.Key, out var exists);
        if (!exists)
            reference = new Reference(pending, _record);
        reference.Count++;
    }

    private void ResolveReferences()
    {
        // Policies the export lacks come from the library when it has them.
        var unresolved = 0;
        foreach (var (arn, reference) in _policyReferences.OrderBy(pair => pair.Value.First.Offset))
        {
            if (_policyPaths.ContainsKey(arn) || _skippedPolicies.Contains(arn))
                continue;
            if (_library.Find(arn) is { } known)
            {
                _fromLibrary.Add(known);
                continue;
            }

            unresolved++;
            if (_sawPolicies)
                Report(AuthorizationDiagnostics.MissingPolicy(Location(reference.First.Offset, reference.Record), reference.First.Path, arn, reference.Count));
        }

        if (!_sawPolicies && unresolved > 0)
            Report(AuthorizationDiagnostics.NoPolicies(new SourceLocation(_source), unresolved));

        foreach (var (name, reference) in _groupReferences.OrderBy(pair => pair.Value.First.Offset))
        {
            if (!_groupPaths.ContainsKey(name))
                Report(AuthorizationDiagnostics.UnknownGroup(Location(reference.First.Offset, reference.Record), reference.First.Path, name, reference.Count));
        }
    }

    private string? ChooseAccount()
    {
        if (_accounts.Count == 0)
            return null;
        var ranked = _accounts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key).ToList();
        if (ranked.Count > 1)
            Report(AuthorizationDiagnostics.SeveralAccounts(new SourceLocation(_source), ranked, ranked[0]));
        return ranked[0];
    }

    private void ClearScratch()
    {
        _inline.Clear();
        _attached.Clear();
        _names.Clear();
        _tags.Clear();
        _profiles.Clear();
        _versions.Clear();
        _pendingPolicies.Clear();
        _pendingGroups.Clear();
    }

    private static bool NextProperty(ref Utf8JsonReader reader, out string property)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            property = "";
            return false;
        }

        property = reader.GetString()!;
        reader.Read();
        return true;
    }

    private string? RequiredString(ref Utf8JsonReader reader, ref EntryDraft entry, string member)
    {
        var rejected = entry.Rejected;
        var value = RequiredString(ref reader, entry.Path, member, entry.What, ref rejected);
        entry.Rejected = rejected;
        return value;
    }

    private string? RequiredString(ref Utf8JsonReader reader, string path, string member, string what, ref bool rejected)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        Report(AuthorizationDiagnostics.WrongTypeSkipped(Location(reader.TokenStartIndex), path + "." + member, "a string", Describe(reader.TokenType), what));
        reader.Skip();
        rejected = true;
        return null;
    }

    private string? OptionalString(ref Utf8JsonReader reader, string path, string member)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                Report(AuthorizationDiagnostics.WrongTypeIgnored(Location(reader.TokenStartIndex), path + "." + member, "a string", Describe(reader.TokenType)));
                reader.Skip();
                return null;
        }
    }

    private int OptionalCount(ref Utf8JsonReader reader, string path, string member)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var count) && count >= 0)
            return count;
        if (reader.TokenType != JsonTokenType.Null)
            Report(AuthorizationDiagnostics.WrongTypeIgnored(Location(reader.TokenStartIndex), path + "." + member, "a whole number of zero or more", Describe(reader.TokenType)));
        reader.Skip();
        return 0;
    }

    private bool? OptionalBoolean(ref Utf8JsonReader reader, string path, string member)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                Report(AuthorizationDiagnostics.WrongTypeIgnored(Location(reader.TokenStartIndex), path + "." + member, "true or false", Describe(reader.TokenType)));
                reader.Skip();
                return null;
        }
    }

    private DateTimeOffset? OptionalDate(ref Utf8JsonReader reader, string path, string member)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                    return date;
                Report(AuthorizationDiagnostics.BadDate(Location(reader.TokenStartIndex), path + "." + member, text));
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out var seconds) && seconds is >= MinEpochSeconds and <= MaxEpochSeconds:
                // Some SDKs serialise timestamps as epoch seconds.
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
            case JsonTokenType.Null:
                return null;
            default:
                Report(AuthorizationDiagnostics.WrongTypeIgnored(Location(reader.TokenStartIndex), path + "." + member, "a date and time", Describe(reader.TokenType)));
                reader.Skip();
                return null;
        }
    }

    private void ReportInvalidJson(JsonException e, long consumed)
    {
        var line = e.LineNumber ?? 0;
        var column = e.BytePositionInLine ?? 0;
        var at = new SourceLocation(_source, line + 1, column + 1);
        _lineStarts ??= LineStarts(_json.Span);
        var offset = line < _lineStarts.Length ? _lineStarts[line] + column : _json.Length;
        var meaningful = _json.Span.TrimEnd(" \t\r\n"u8);

        // Cut short: the damage is at the very end, or nothing but separators follows the last complete token.
        var cut = offset >= meaningful.Length || meaningful[(int)Math.Min(consumed, meaningful.Length)..].Trim(" \t\r\n,:"u8).IsEmpty;
        Report(AuthorizationDiagnostics.InvalidJson(at, cut ? "it ends before the value is complete (was it cut short?)" : FirstSentence(e.Message)));
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end < 0 ? message : message[..end];
        var cut = sentence.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? sentence : sentence[..cut]).TrimEnd('.', ' ');
    }

    private void Report(Diagnostic diagnostic)
    {
        if (_reported < AccountAuthorizationReader.MaxDiagnostics)
            _sink.Report(diagnostic);
        else if (_reported == AccountAuthorizationReader.MaxDiagnostics)
            _sink.Report(AuthorizationDiagnostics.TooManyProblems(new SourceLocation(_source), AccountAuthorizationReader.MaxDiagnostics));
        _reported++;
    }

    private SourceLocation Location(long offset) => Location(offset, _record);

    private SourceLocation Location(long offset, int record)
    {
        // Columns count bytes, as System.Text.Json's own positions do; computed only when something is reported.
        _lineStarts ??= LineStarts(_json.Span);
        var line = Array.BinarySearch(_lineStarts, (int)offset);
        if (line < 0)
            line = ~line - 1;
        return new SourceLocation(_source, line + 1, offset - _lineStarts[line] + 1, record);
    }

    private static int[] LineStarts(ReadOnlySpan<byte> json)
    {
        var starts = new List<int> { 0 };
        var position = 0;
        int next;
        while ((next = json[position..].IndexOf((byte)'\n')) >= 0)
        {
            position += next + 1;
            starts.Add(position);
        }

        return [.. starts];
    }

    private static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static string Describe(JsonTokenType kind) => kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "absent",
    };

    /// <summary>What an entry with a name and an ARN (user, group, role, policy) has gathered while being read.</summary>
    private struct EntryDraft(string path, long start, string what)
    {
        public readonly string Path = path;
        public readonly long Start = start;
        public readonly string What = what;
        public string? Name;
        public string? Arn;
        public long ArnAt;
        public bool HasName;
        public bool HasArn;
        public bool Rejected;
    }

    /// <summary>A policy or group named by an entry not yet accepted.</summary>
    private readonly record struct PendingReference(string Key, long Offset, string? FullPath, string? ListPath = null, int Index = 0)
    {
        public string Path => FullPath ?? AuthorizationJsonReader.Index(ListPath!, Index);
    }

    /// <summary>The first place a policy or group is named, and how many times it is.</summary>
    private struct Reference(PendingReference first, int record)
    {
        public readonly PendingReference First = first;
        public readonly int Record = record;
        public int Count;
    }

    /// <summary>One entry of <c>PolicyVersionList</c>, its document not yet decoded.</summary>
    private readonly record struct VersionDraft(
        string Path,
        long Start,
        string? Id,
        bool IsDefault,
        bool HasDocument,
        JsonTokenType Kind,
        long DocumentStart,
        long DocumentEnd,
        string? Text);
}
