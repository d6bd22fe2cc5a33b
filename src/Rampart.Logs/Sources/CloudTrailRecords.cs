using Rampart.Core.Events;

namespace Rampart.Logs.Sources;

/// <summary>The summary of a CloudTrail event: a handful of lookups in the record's property table.</summary>
internal static class CloudTrailRecords
{
    private static readonly Func<JsonLogEvent, EventSummary> Summarize = SummarizeEvent;

    private static readonly Func<JsonLogEvent, DateTimeOffset?> Time = TimeOf;

    /// <summary>An event over the CloudTrail record loaded in <paramref name="record"/>, with its summary and time readers.</summary>
    public static JsonLogEvent Event(JsonRecord record, EventOrigin origin) => new(LogSourceTypes.CloudTrail, record, origin, Summarize, Time);

    private static readonly FieldPath IdentityAccount = FieldPath.Parse("userIdentity.accountId");
    private static readonly FieldPath IdentityArn = FieldPath.Parse("userIdentity.arn");
    private static readonly FieldPath IdentityPrincipal = FieldPath.Parse("userIdentity.principalId");
    private static readonly FieldPath IdentityInvokedBy = FieldPath.Parse("userIdentity.invokedBy");
    private static readonly FieldPath IdentityType = FieldPath.Parse("userIdentity.type");

    // Events are made with TimeOf as their time reader (see Event), which Time calls once per event.
    private static EventSummary SummarizeEvent(JsonLogEvent record) => new()
    {
        Time = record.Time,
        EventId = JsonFields.UniqueText(record, "eventID"u8),
        EventName = JsonFields.Text(record, "eventName"u8),
        Account = JsonFields.Text(record, "recipientAccountId"u8) ?? JsonFields.Text(record, IdentityAccount),
        Region = JsonFields.Text(record, "awsRegion"u8),
        Actor = JsonFields.Text(record, IdentityArn)
            ?? JsonFields.Text(record, IdentityPrincipal)
            ?? JsonFields.Text(record, IdentityInvokedBy)
            ?? JsonFields.Text(record, IdentityType),
        SourceIp = JsonFields.Text(record, "sourceIPAddress"u8),
    };

    private static DateTimeOffset? TimeOf(JsonLogEvent record) => JsonFields.Time(record, "eventTime"u8);
}
