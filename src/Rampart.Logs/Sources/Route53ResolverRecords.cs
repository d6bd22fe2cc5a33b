using Rampart.Core.Events;

namespace Rampart.Logs.Sources;

/// <summary>The summary of a Route 53 Resolver query log record.</summary>
internal static class Route53ResolverRecords
{
    public static readonly Func<JsonLogEvent, EventSummary> Summarize = SummarizeQuery;

    private static readonly FieldPath SourceInstance = FieldPath.Parse("srcids.instance");

    private static EventSummary SummarizeQuery(JsonLogEvent record) => new()
    {
        Time = JsonFields.Time(record, "query_timestamp"u8),
        EventName = JsonFields.Text(record, "query_name"u8),
        Account = JsonFields.Text(record, "account_id"u8),
        Region = JsonFields.Text(record, "region"u8),
        Actor = JsonFields.Text(record, SourceInstance) ?? JsonFields.Text(record, "vpc_id"u8),
        SourceIp = JsonFields.Text(record, "srcaddr"u8),
    };
}
