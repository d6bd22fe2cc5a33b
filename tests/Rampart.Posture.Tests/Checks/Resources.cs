using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Tests.Checks;

internal static class Resources
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static CloudResource Of(string type, string configuration, string? supplementary = null, string key = "arn:aws:test:::thing", string account = "111122223333")
    {
        var extra = ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal);
        if (supplementary is not null)
        {
            using var document = JsonDocument.Parse(supplementary);
            foreach (var property in document.RootElement.EnumerateObject())
                extra = extra.Add(property.Name, property.Value.Clone());
        }

        using var config = JsonDocument.Parse(configuration);
        return new CloudResource
        {
            Key = key,
            Type = type,
            Account = account,
            Region = "us-east-1",
            Id = "thing",
            Configuration = config.RootElement.Clone(),
            Supplementary = extra,
            Provenance = new ResourceProvenance("test", "test", null),
        };
    }
}
