using System.Text.Json;
using Rampart.Core.Events;
using Rampart.Testing;

namespace Rampart.Core.Tests.Events;

/// <summary>
/// Real JSON that no one on this project wrote (recorded AWS responses, Config items, IAM exports, schemas): every
/// path in it, and paths that are not, must find through a <see cref="JsonLogEvent"/> exactly what the plain
/// <see cref="JsonElement"/> navigation finds.
/// </summary>
public sealed class JsonRecordConformanceTests
{
    private const int MaxFileBytes = 512 * 1024;

    [SkippableTheory]
    [InlineData("posture")]
    [InlineData("iam/cloudsplaining")]
    [InlineData("ocsf")]
    public void EveryPathInRealJsonFindsWhatJsonElementFinds(string folder)
    {
        var files = Directory.EnumerateFiles(Datasets.Require(folder), "*.json", SearchOption.AllDirectories)
            .Where(file => new FileInfo(file).Length <= MaxFileBytes)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        var compared = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            using var document = TryParse(text, out var error);
            if (document is null)
            {
                // Broken files fail alike, at the same place.
                Assert.Equal(error!.Message, Assert.ThrowsAny<JsonException>(() => JsonRecord.Parse(text)).Message);
                continue;
            }

            var logEvent = JsonLogEvent.Parse(text, LogSourceTypes.CloudTrail);
            var root = document.RootElement;
            Assert.Equal(Describe(JsonElementReference.Leaves(root)), Describe(All(logEvent)));
            foreach (var path in PathsOf(root))
            {
                var field = FieldPath.Parse(path);
                var expected = Describe(JsonElementReference.Collect(root, field));

                // Twice: the second lookup reads what the first one located and decoded.
                Assert.True(expected == Describe(Values(logEvent, field)), $"{file}: {path}");
                Assert.True(expected == Describe(Values(logEvent, field)), $"{file}: {path}, looked up again");
                logEvent.TryGetText(field, out var found);
                Assert.True(JsonElementReference.Text(root, field) == found, $"{file}: {path} as text");
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} paths compared");
    }

    private static JsonDocument? TryParse(string text, out JsonException? error)
    {
        error = null;
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            error = exception;
            return null;
        }
    }

    private static List<FieldValue> Values(JsonLogEvent logEvent, FieldPath path)
    {
        var values = new List<FieldValue>();
        logEvent.CollectValues(path, values);
        return values;
    }

    private static List<FieldValue> All(JsonLogEvent logEvent)
    {
        var values = new List<FieldValue>();
        logEvent.CollectAllValues(values);
        return values;
    }

    private static string Describe(List<FieldValue> values) =>
        string.Join("\n", values.Select(value => $"{value.Kind}:{value.Text}"));

    // Every dotted path the value holds (arrays are crossed, as field paths cross them), each with a sibling that is
    // absent and a step past its end.
    private static SortedSet<string> PathsOf(JsonElement root)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal) { "absent" };
        void Walk(JsonElement element, string prefix)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                        paths.Add(path);
                        paths.Add(path + ".absent");
                        Walk(property.Value, path);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        Walk(item, prefix);
                    break;
            }
        }

        Walk(root, "");
        return paths;
    }
}
