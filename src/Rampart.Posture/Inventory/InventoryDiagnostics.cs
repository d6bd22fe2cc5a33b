using System.Globalization;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory;

/// <summary>
/// The catalog of problems the inventory and its importers report, with stable codes. Every diagnostic names the file
/// (and line and column when the JSON is readable); the rest of the input is still imported.
/// </summary>
public static class InventoryDiagnostics
{
    /// <summary>Two inputs hold the same resource key with different content. Warning; the one captured later (or read later) is kept.</summary>
    public const string DuplicateKeyCode = "INV001";

    /// <summary>Two inputs hold the same resource key with the same content. Info; it is kept once.</summary>
    public const string RepeatedResourceCode = "INV002";

    /// <summary>The path does not exist or cannot be read. Error; nothing was read from it.</summary>
    public const string CannotReadCode = "INV003";

    /// <summary>The file is not valid JSON (or CSV). Error; nothing was read from it, the other files still are.</summary>
    public const string InvalidJsonCode = "INV004";

    /// <summary>No importer recognises the path. Error.</summary>
    public const string UnknownInputCode = "INV005";

    /// <summary>A file of an export directory is not an API call Rampart maps. Info; it was skipped.</summary>
    public const string UnmappedFileCode = "INV006";

    /// <summary>A response or configuration item lacks a member the importer needs, or has it with the wrong type. Warning; that record was skipped.</summary>
    public const string MissingMemberCode = "INV007";

    /// <summary>A per-resource response names a resource the export does not list. Warning; it was skipped.</summary>
    public const string OrphanCode = "INV008";

    /// <summary>A recorded response is an error other than "not configured" (<c>AccessDenied</c>…). Warning; what it would have told is unknown.</summary>
    public const string ErrorResponseCode = "INV009";

    /// <summary>The account could not be worked out from the layout, STS output or ARNs in the data. Warning; <c>000000000000</c> is used.</summary>
    public const string UnknownAccountCode = "INV010";

    /// <summary>A configuration item was deleted or not recorded, or a file holds no configuration item (a scheduled notification). Info; skipped.</summary>
    public const string NotAResourceCode = "INV011";

    /// <summary>A configuration item's ARN or account id does not have the expected shape. Warning; the key is built from the type and id instead.</summary>
    public const string SuspiciousIdentityCode = "INV012";

    /// <summary>A history holds several items of one resource. Info; the one captured last (at or before the instant asked, if any) is kept.</summary>
    public const string SupersededCode = "INV013";

    /// <summary>A mutating call (<c>Create…</c>, <c>Put…</c>) in a recording. Info; skipped, as it says nothing about the state before it.</summary>
    public const string MutationCode = "INV014";

    /// <summary>
    /// An inventory is asked for as of an instant, but an input or configuration item has no capture time (a CLI export,
    /// a recording, an item without <c>configurationItemCaptureTime</c>). Warning; it is taken as read.
    /// </summary>
    public const string NoCaptureTimeCode = "INV015";

    /// <summary>An inventory is asked for as of an instant before every configuration item of its inputs. Warning; it is empty.</summary>
    public const string BeforeHistoryCode = "INV016";

    internal static Diagnostic DuplicateKey(SourceLocation at, string key, string kept, string dropped) =>
        new(DiagnosticSeverity.Warning, DuplicateKeyCode, $"`{key}` is imported from `{kept}` and from `{dropped}` with different content; the one from `{kept}` is kept.", at);

    internal static Diagnostic RepeatedResource(SourceLocation at, string key, string first) =>
        new(DiagnosticSeverity.Info, RepeatedResourceCode, $"`{key}` is also imported from `{first}` with the same content; it is kept once.", at);

    internal static Diagnostic CannotRead(SourceLocation at, string reason) =>
        new(DiagnosticSeverity.Error, CannotReadCode, $"cannot read: {reason}.", at);

    internal static Diagnostic InvalidJson(SourceLocation at, string reason) =>
        new(DiagnosticSeverity.Error, InvalidJsonCode, $"not valid JSON ({reason}); the file was skipped.", at);

    internal static Diagnostic UnknownInput(SourceLocation at) =>
        new(DiagnosticSeverity.Error, UnknownInputCode, "not an inventory input: expected an export directory, AWS Config items, or a folder of recorded responses.", at);

    internal static Diagnostic UnmappedFile(SourceLocation at, string what) =>
        new(DiagnosticSeverity.Info, UnmappedFileCode, $"`{what}` is not mapped to resources; skipped.", at);

    internal static Diagnostic MissingMember(SourceLocation at, string path, string expected) =>
        new(DiagnosticSeverity.Warning, MissingMemberCode, $"`{path}` should be {expected}; the record was skipped.", at);

    internal static Diagnostic Orphan(SourceLocation at, string type, string id) =>
        new(DiagnosticSeverity.Warning, OrphanCode, $"names {type} `{id}`, which the export does not list; skipped.", at);

    internal static Diagnostic ErrorResponse(SourceLocation at, string code, string? message) =>
        new(DiagnosticSeverity.Warning, ErrorResponseCode, $"the response is the error `{code}`{(message is null ? "" : ": " + message)}; what it would have told is unknown.", at);

    internal static Diagnostic UnknownAccount(SourceLocation at) =>
        new(DiagnosticSeverity.Warning, UnknownAccountCode, "the account is not in the layout, in STS `get-caller-identity` output or in any ARN; `000000000000` is used.", at);

    internal static Diagnostic NotAResource(SourceLocation at, string why) =>
        new(DiagnosticSeverity.Info, NotAResourceCode, why + "; skipped.", at);

    internal static Diagnostic SuspiciousIdentity(SourceLocation at, string what) =>
        new(DiagnosticSeverity.Warning, SuspiciousIdentityCode, what, at);

    internal static Diagnostic Superseded(SourceLocation at, string key, int count, DateTimeOffset? asOf = null) =>
        new(DiagnosticSeverity.Info, SupersededCode, asOf is { } instant
            ? string.Create(CultureInfo.InvariantCulture, $"`{key}` has {count} configuration items at or before {Instant(instant)}; the one captured last is kept.")
            : string.Create(CultureInfo.InvariantCulture, $"`{key}` has {count} configuration items; the one captured last is kept."), at);

    internal static Diagnostic NoCaptureTime(SourceLocation at, string what, DateTimeOffset asOf) =>
        new(DiagnosticSeverity.Warning, NoCaptureTimeCode, $"{what} has no capture time, so its state at {Instant(asOf)} is unknown; it is taken as read.", at);

    internal static Diagnostic NotAHistory(SourceLocation at, string importer, DateTimeOffset asOf) =>
        new(DiagnosticSeverity.Warning, NoCaptureTimeCode, $"this {importer} input is one capture, not a history, so its state at {Instant(asOf)} is unknown; it is taken as read.", at);

    internal static Diagnostic BeforeHistory(SourceLocation at, DateTimeOffset asOf, DateTimeOffset first) =>
        new(DiagnosticSeverity.Warning, BeforeHistoryCode, $"no configuration item was captured at or before {Instant(asOf)}; the first was captured at {Instant(first)}, so the inventory is empty.", at);

    /// <summary>An instant as messages write it: ISO 8601 in UTC, to the second unless it has a fraction.</summary>
    internal static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString(instant.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    internal static Diagnostic Mutation(SourceLocation at, string operation) =>
        new(DiagnosticSeverity.Info, MutationCode, $"`{operation}` changes resources; a recording of it says nothing about their state, skipped.", at);

    /// <summary>The location part of a provenance source (<c>file#json-path</c>).</summary>
    internal static SourceLocation Of(string source)
    {
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        return new SourceLocation(hash < 0 ? source : source[..hash]);
    }
}
