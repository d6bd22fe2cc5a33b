namespace Rampart.GameDays.Telemetry.Route53;

/// <summary>One answer record: its data (an address or a name) and type.</summary>
internal readonly record struct DnsAnswer(string Data, string Type);
