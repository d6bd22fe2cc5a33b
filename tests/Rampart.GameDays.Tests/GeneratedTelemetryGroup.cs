namespace Rampart.GameDays.Tests;

[CollectionDefinition(Name)]
public sealed class GeneratedTelemetryGroup : ICollectionFixture<GeneratedTelemetry>
{
    public const string Name = "generated telemetry";
}
