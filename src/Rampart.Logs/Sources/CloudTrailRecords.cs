using Rampart.Core.Events;

namespace Rampart.Logs.Sources;

/// <summary>The summary of a CloudTrail event: a handful of lookups in the record's property table.</summary>
internal static class CloudTrailRecords
{
    private static readonly Func<JsonLogEvent, EventSummary> Summarize = SummarizeEvent;

    private static readonly Func<JsonLogEvent, DateTimeOffset?> Time = TimeOf;

    /// <summary>An event over the CloudTrail record loaded in <paramref name="record"/>, with its summary and time readers.</summary>
    public static JsonLogEvent Event(JsonRecord record, EventOrigin origin) => new(LogSourceTypes.CloudTrail, record, origin, Summarize, Time);

    private static readonly FieldPath EventName = FieldPath.Parse("eventName");
    private static readonly FieldPath RecipientAccount = FieldPath.Parse("recipientAccountId");
    private static readonly FieldPath Region = FieldPath.Parse("awsRegion");
    private static readonly FieldPath SourceIp = FieldPath.Parse("sourceIPAddress");
    private static readonly FieldPath IdentityAccount = FieldPath.Parse("userIdentity.accountId");
    private static readonly FieldPath IdentityArn = FieldPath.Parse("userIdentity.arn");
    private static readonly FieldPath IdentityPrincipal = FieldPath.Parse("userIdentity.principalId");
    private static readonly FieldPath IdentityInvokedBy = FieldPath.Parse("userIdentity.invokedBy");
    private static readonly FieldPath IdentityType = FieldPath.Parse("userIdentity.type");

    // The strings each summary field held in the event this thread summarised last: consecutive events mostly repeat them.
    [ThreadStatic]
    private static Recent? t_recent;

    // Events are made with TimeOf as their time reader (see Event), which Time calls once per event.
    private static EventSummary SummarizeEvent(JsonLogEvent record)
    {
        var recent = t_recent ??= new Recent();
        return new EventSummary
        {
            Time = record.Time,
            EventId = JsonFields.UniqueText(record, "eventID"u8),
            EventName = Text(record, EventName, ref recent.EventName),
            Account = Text(record, RecipientAccount, ref recent.Account) ?? Text(record, IdentityAccount, ref recent.IdentityAccount),
            Region = Text(record, Region, ref recent.Region),
            Actor = Text(record, IdentityArn, ref recent.Arn)
                ?? Text(record, IdentityPrincipal, ref recent.Principal)
                ?? Text(record, IdentityInvokedBy, ref recent.InvokedBy)
                ?? Text(record, IdentityType, ref recent.Type),
            SourceIp = Text(record, SourceIp, ref recent.SourceIp),
        };
    }

    private static string? Text(JsonLogEvent record, FieldPath path, ref string? recent) =>
        record.TryGetText(path, ref recent, out var text) && text.Length > 0 ? text : null;

    private sealed class Recent
    {
        public string? EventName;
        public string? Account;
        public string? IdentityAccount;
        public string? Region;
        public string? Arn;
        public string? Principal;
        public string? InvokedBy;
        public string? Type;
        public string? SourceIp;
    }

    private static DateTimeOffset? TimeOf(JsonLogEvent record) => JsonFields.Time(record, "eventTime"u8);
}
