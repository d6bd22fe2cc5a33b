using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Logs.Sources;

/// <summary>The summary of a CloudTrail event.</summary>
internal static class CloudTrailRecords
{
    public static readonly Func<JsonElement, EventSummary> Summarize = SummarizeEvent;

    private static EventSummary SummarizeEvent(JsonElement record)
    {
        var identity = JsonFields.Object(record, "userIdentity");
        return new EventSummary
        {
            Time = JsonFields.Time(record, "eventTime"),
            EventId = JsonFields.Text(record, "eventID"),
            EventName = JsonFields.Text(record, "eventName"),
            Account = JsonFields.Text(record, "recipientAccountId") ?? JsonFields.Text(identity, "accountId"),
            Region = JsonFields.Text(record, "awsRegion"),
            Actor = JsonFields.Text(identity, "arn")
                ?? JsonFields.Text(identity, "principalId")
                ?? JsonFields.Text(identity, "invokedBy")
                ?? JsonFields.Text(identity, "type"),
            SourceIp = JsonFields.Text(record, "sourceIPAddress"),
        };
    }
}
