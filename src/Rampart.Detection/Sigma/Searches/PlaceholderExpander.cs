using System.Collections.Immutable;
using System.Text;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>
/// The <c>expand</c> modifier: each <c>%name%</c> is replaced by each configured value of the placeholder
/// (every combination when there are several); <c>\%</c> is a literal percent sign. The values are Sigma
/// strings themselves, so they may hold wildcards.
/// </summary>
internal static class PlaceholderExpander
{
    /// <summary>
    /// Expands <paramref name="raw"/>; names without configured values are added to <paramref name="missing"/>.
    /// Returns null when the expansion would exceed <paramref name="max"/> variants.
    /// </summary>
    public static List<string>? Expand(string raw, IReadOnlyDictionary<string, ImmutableArray<string>> placeholders, int max, List<string> missing)
    {
        var results = new List<StringBuilder> { new() };
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length && raw[i + 1] == '%')
            {
                Append(results, "%");
                i += 2;
                continue;
            }

            var close = c == '%' ? raw.IndexOf('%', i + 1) : -1;
            if (close > i + 1)
            {
                var name = raw[(i + 1)..close];
                if (!placeholders.TryGetValue(name, out var values))
                {
                    missing.Add(name);
                    Append(results, raw[i..(close + 1)]);
                }
                else
                {
                    if ((long)results.Count * values.Length > max)
                        return null;
                    var expanded = new List<StringBuilder>(results.Count * values.Length);
                    foreach (var prefix in results)
                    {
                        foreach (var value in values)
                            expanded.Add(new StringBuilder(prefix.ToString()).Append(value));
                    }

                    results = expanded;
                }

                i = close + 1;
                continue;
            }

            Append(results, c.ToString());
            i++;
        }

        var strings = new List<string>(results.Count);
        foreach (var result in results)
            strings.Add(result.ToString());
        return strings;
    }

    private static void Append(List<StringBuilder> results, string text)
    {
        foreach (var result in results)
            result.Append(text);
    }
}
