namespace Rampart.GameDays.Telemetry;

/// <summary>One record an attack added, and where it was written.</summary>
/// <param name="Path">The file, relative to the output directory, with <c>/</c> separators.</param>
/// <param name="Index">The record's zero-based position in the file: in <c>Records</c> for CloudTrail, among the lines after the header for flow logs, among the lines for Route 53.</param>
/// <param name="Time">The record's time (event time, flow end, query time).</param>
/// <param name="EventId">The CloudTrail <c>eventID</c>; null for flow and DNS records.</param>
/// <param name="Summary">A short readable description, e.g. <c>cloudtrail.amazonaws.com StopLogging</c>.</param>
public sealed record InjectedRecord(string Path, int Index, DateTimeOffset Time, string? EventId, string Summary);
