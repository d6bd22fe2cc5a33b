using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Logs.Sources;

/// <summary>
/// The summary of a GuardDuty finding. Findings are few and every one is reported, so the summary reads a parsed
/// document: the remote address hides under whichever action the finding's kind names.
/// </summary>
internal static class GuardDutyFindings
{
    public static readonly Func<JsonLogEvent, EventSummary> Summarize = SummarizeEvent;

    private static EventSummary SummarizeEvent(JsonLogEvent record)
    {
        // The reader has checked the depth against its own limit, which is at most the largest allowed.
        using var document = JsonDocument.Parse(record.Utf8Json, new JsonDocumentOptions { MaxDepth = LogReadOptions.MaxMaxDepth });
        return SummarizeFinding(document.RootElement);
    }

    private static EventSummary SummarizeFinding(JsonElement finding)
    {
        var resource = JsonFields.Object(finding, "resource");
        return new EventSummary
        {
            Time = JsonFields.Time(finding, "updatedAt") ?? JsonFields.Time(finding, "createdAt"),
            EventId = JsonFields.Text(finding, "id"),
            EventName = JsonFields.Text(finding, "type"),
            Account = JsonFields.Text(finding, "accountId"),
            Region = JsonFields.Text(finding, "region"),
            Actor = JsonFields.Text(JsonFields.Object(resource, "accessKeyDetails"), "userName")
                ?? JsonFields.Text(JsonFields.Object(resource, "instanceDetails"), "instanceId")
                ?? JsonFields.Text(resource, "resourceType"),
            SourceIp = RemoteIp(finding),
        };
    }

    // The remote address sits under the action of the finding's kind: networkConnectionAction.remoteIpDetails,
    // awsApiCallAction.remoteIpDetails, kubernetesApiCallAction.remoteIpDetails, or a list of them under
    // portProbeAction.portProbeDetails[].remoteIpDetails.
    private static string? RemoteIp(JsonElement finding)
    {
        var action = JsonFields.Object(JsonFields.Object(finding, "service"), "action");
        if (action.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var kind in action.EnumerateObject())
        {
            if (kind.Value.ValueKind != JsonValueKind.Object)
                continue;
            if (Address(kind.Value) is { } direct)
                return direct;
            foreach (var detail in kind.Value.EnumerateObject())
            {
                if (detail.Value.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var item in detail.Value.EnumerateArray())
                {
                    if (Address(item) is { } listed)
                        return listed;
                }
            }
        }

        return null;
    }

    private static string? Address(JsonElement holder)
    {
        var details = JsonFields.Object(holder, "remoteIpDetails");
        return JsonFields.Text(details, "ipAddressV4") ?? JsonFields.Text(details, "ipAddressV6");
    }
}
