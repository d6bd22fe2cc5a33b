using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Logs.Sources;

/// <summary>The summary of a Route 53 Resolver query log record.</summary>
internal static class Route53ResolverRecords
{
    public static readonly Func<JsonElement, EventSummary> Summarize = SummarizeQuery;

    private static EventSummary SummarizeQuery(JsonElement record) => new()
    {
        Time = JsonFields.Time(record, "query_timestamp"),
        EventName = JsonFields.Text(record, "query_name"),
        Account = JsonFields.Text(record, "account_id"),
        Region = JsonFields.Text(record, "region"),
        Actor = JsonFields.Text(JsonFields.Object(record, "srcids"), "instance") ?? JsonFields.Text(record, "vpc_id"),
        SourceIp = JsonFields.Text(record, "srcaddr"),
    };
}
