using System.Collections.Immutable;
using System.Text.Json;
using DevLab.JmesPath.Expressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Rampart.Posture.Checks;

/// <summary>
/// A path compiled once. Paths in the subset <see cref="PathSyntax"/> reads walk <see cref="JsonElement"/>s directly;
/// any other JMESPath is run by JmesPath.Net over a Newtonsoft copy of the view (built once per resource), which is
/// slower but has the full semantics.
/// </summary>
internal sealed class CompiledPath
{
    private readonly ImmutableArray<PathStep> _steps;
    private readonly bool _direct;
    private readonly JmesPathExpression _expression;

    public CompiledPath(string text, JmesPathExpression expression, ImmutableArray<PathStep>? steps, bool relative)
    {
        Text = text;
        _expression = expression;
        Relative = relative;
        _direct = steps is not null;
        _steps = steps ?? [];
        Projects = _direct && PathSyntax.Projects(_steps);
    }

    public string Text { get; }

    /// <summary>Whether the path is read from a list element (inside <c>each</c>/<c>some</c>/<c>none</c>) rather than the resource.</summary>
    public bool Relative { get; }

    /// <summary>Whether the path is evaluated directly rather than by JmesPath.Net.</summary>
    public bool IsDirect => _direct;

    /// <summary>Whether the path makes a list by projection.</summary>
    public bool Projects { get; }

    public PathValue Evaluate(ResourceView view, JsonElement current)
    {
        if (!_direct)
            return Library(view, current);
        var start = 0;
        JsonElement value;
        if (Relative)
        {
            value = current;
        }
        else
        {
            var root = _steps[0].Name!;
            if (root == "supplementary" && _steps.Length > 1 && _steps[1].Kind == PathStepKind.Field)
            {
                value = view.Supplementary(_steps[1].Name!);
                start = 2;
            }
            else
            {
                view.TryRoot(root, out value);
                start = 1;
            }
        }

        List<JsonElement>? items = null;
        for (var i = start; i < _steps.Length; i++)
        {
            var step = _steps[i];
            if (items is null)
            {
                switch (step.Kind)
                {
                    case PathStepKind.Field:
                        value = value.ValueKind == JsonValueKind.Object && value.TryGetProperty(step.Utf8Name, out var field) ? field : default;
                        break;
                    case PathStepKind.Index:
                        value = At(value, step.Index);
                        break;
                    case PathStepKind.Current:
                        break;
                    default:
                        if (value.ValueKind != JsonValueKind.Array)
                            return PathValue.Missing;
                        items = [];
                        foreach (var item in value.EnumerateArray())
                        {
                            if (step.Kind == PathStepKind.Filter ? !Holds(step.Filter!, item) : item.ValueKind == JsonValueKind.Null)
                                continue;
                            if (step.Kind == PathStepKind.Flatten && item.ValueKind == JsonValueKind.Array)
                                Spread(item, items);
                            else
                                items.Add(item);
                        }

                        break;
                }

                if (items is null && value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
                    return PathValue.Missing;
                continue;
            }

            // Inside a projection each step applies to every element, and what comes out null is dropped.
            var next = new List<JsonElement>(items.Count);
            foreach (var item in items)
            {
                switch (step.Kind)
                {
                    case PathStepKind.Field:
                        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(step.Utf8Name, out var field) && field.ValueKind != JsonValueKind.Null)
                            next.Add(field);
                        break;
                    case PathStepKind.Index:
                        if (At(item, step.Index) is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } element)
                            next.Add(element);
                        break;
                    case PathStepKind.Flatten:
                        if (item.ValueKind == JsonValueKind.Array)
                            Spread(item, next);
                        else
                            next.Add(item);
                        break;
                    default:
                        next.Add(item);
                        break;
                }
            }

            items = next;
        }

        return items is null ? PathValue.Of(value) : PathValue.Of(items);
    }

    private static void Spread(JsonElement array, List<JsonElement> into)
    {
        foreach (var inner in array.EnumerateArray())
        {
            if (inner.ValueKind != JsonValueKind.Null)
                into.Add(inner);
        }
    }

    private static JsonElement At(JsonElement array, int index)
    {
        if (array.ValueKind != JsonValueKind.Array)
            return default;
        var length = array.GetArrayLength();
        var at = index < 0 ? length + index : index;
        return at >= 0 && at < length ? array[at] : default;
    }

    private static bool Holds(PathFilter filter, JsonElement item)
    {
        var value = item;
        foreach (var name in filter.Fields)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
            {
                value = default;
                break;
            }
        }

        if (filter.Comparison is null)
            return Truthy(value);
        var literal = filter.Literal;
        switch (filter.Comparison)
        {
            case "==":
                return JsonValues.Equal(value, literal);
            case "!=":
                return !JsonValues.Equal(value, literal);
            default:
                if (value.ValueKind != JsonValueKind.Number || literal.ValueKind != JsonValueKind.Number)
                    return false;
                var (a, b) = (value.GetDouble(), literal.GetDouble());
                return filter.Comparison switch
                {
                    "<" => a < b,
                    "<=" => a <= b,
                    ">" => a > b,
                    _ => a >= b,
                };
        }
    }

    // JMESPath's truth: false, null, empty strings, lists and objects are false.
    private static bool Truthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => true,
    };

    private PathValue Library(ResourceView view, JsonElement current)
    {
        var input = Relative
            ? current.ValueKind == JsonValueKind.Undefined ? JValue.CreateNull() : JToken.Parse(current.GetRawText())
            : view.Token;
        var result = _expression.Transform(input).AsJToken();
        if (result is null || result.Type == JTokenType.Null)
            return PathValue.Missing;
        using var document = JsonDocument.Parse(result.ToString(Formatting.None));
        return PathValue.Of(document.RootElement.Clone());
    }
}
