using System.Text.Json;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Writes one property (name and value) of a CloudTrail record for the call in <paramref name="context"/>.</summary>
internal delegate void RecordPart(Utf8JsonWriter writer, CloudTrailContext context);
