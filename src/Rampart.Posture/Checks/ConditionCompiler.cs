using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rampart.Posture.Checks;

/// <summary>
/// Compiles conditions into delegates once: operators, their values (regexes, CIDRs, port ranges, account lists) and
/// paths are bound here, so evaluating does no lookup by name. <c>all</c> and <c>any</c> stop at the first decisive
/// outcome; an error is reported only when no later condition decides.
/// </summary>
internal static class ConditionCompiler
{
    public static ConditionTest Compile(CheckCondition condition) => condition switch
    {
        AllCondition all => Combine([.. all.Conditions.Select(Compile)], decisive: Truth.False),
        AnyCondition any => Combine([.. any.Conditions.Select(Compile)], decisive: Truth.True),
        NotCondition not => Negate(Compile(not.Condition)),
        QuantifiedCondition quantified => Quantify(quantified.Path, quantified.Quantifier, Compile(quantified.Condition)),
        LeafCondition leaf => Leaf(leaf),
        _ => throw new InvalidOperationException("unknown condition " + condition.GetType().Name),
    };

    private static ConditionTest Combine(ConditionTest[] parts, Truth decisive)
    {
        var otherwise = decisive == Truth.False ? Truth.True : Truth.False;
        if (parts.Length == 1)
            return parts[0];
        return (view, current) =>
        {
            var error = false;
            foreach (var part in parts)
            {
                var truth = part(view, current);
                if (truth == decisive)
                    return decisive;
                error |= truth == Truth.Error;
            }

            return error ? Truth.Error : otherwise;
        };
    }

    private static ConditionTest Negate(ConditionTest inner) => (view, current) => inner(view, current) switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Error,
    };

    private static ConditionTest Quantify(CompiledPath path, Quantifier quantifier, ConditionTest body) => (view, current) =>
    {
        var value = path.Evaluate(view, current);
        if (!value.IsPresent)
            return quantifier == Quantifier.Some ? Truth.False : Truth.True;
        if (!value.IsList)
        {
            view.Fail($"`{path.Text}` is {JsonValues.Describe(value.Element.ValueKind)}, not a list");
            return Truth.Error;
        }

        var error = false;
        if (value.Items is { } items)
        {
            foreach (var item in items)
            {
                if (Step(body(view, item), quantifier, ref error) is { } decided)
                    return decided;
            }
        }
        else
        {
            foreach (var item in value.Element.EnumerateArray())
            {
                if (Step(body(view, item), quantifier, ref error) is { } decided)
                    return decided;
            }
        }

        return error ? Truth.Error : quantifier == Quantifier.Some ? Truth.False : Truth.True;
    };

    private static Truth? Step(Truth truth, Quantifier quantifier, ref bool error)
    {
        if (truth == Truth.Error)
        {
            error = true;
            return null;
        }

        return (quantifier, truth) switch
        {
            (Quantifier.Each, Truth.False) => Truth.False,
            (Quantifier.Some, Truth.True) => Truth.True,
            (Quantifier.None, Truth.True) => Truth.False,
            _ => null,
        };
    }

    private static ConditionTest Leaf(LeafCondition leaf)
    {
        var path = leaf.Path;
        var expected = leaf.Value;
        var name = CheckOperators.NameOf(leaf.Operator);
        ConditionTest Typed(Func<ResourceView, PathValue, bool?> test) => (view, current) =>
        {
            var value = path.Evaluate(view, current);
            return test(view, value) switch
            {
                true => Truth.True,
                false => Truth.False,
                null => Error(view, path, name, value),
            };
        };

        switch (leaf.Operator)
        {
            case CheckOperator.EqualTo:
                return Typed((_, value) => EqualTo(value, expected));
            case CheckOperator.NotEqualTo:
                return Typed((_, value) => !EqualTo(value, expected));
            case CheckOperator.In:
            {
                var options = expected.EnumerateArray().ToArray();
                return Typed((_, value) => value.Items is null && options.Any(option => JsonValues.Equal(value.Element, option)));
            }

            case CheckOperator.NotIn:
            {
                var options = expected.EnumerateArray().ToArray();
                return Typed((_, value) => !(value.Items is null && options.Any(option => JsonValues.Equal(value.Element, option))));
            }

            case CheckOperator.Exists:
                return Typed(static (_, value) => value.IsPresent);
            case CheckOperator.Absent:
                return Typed(static (_, value) => !value.IsPresent);
            case CheckOperator.Empty:
                return Typed(static (_, value) => IsEmpty(value));
            case CheckOperator.NotEmpty:
                return Typed(static (_, value) => !IsEmpty(value));
            case CheckOperator.GreaterThan or CheckOperator.GreaterThanOrEqual or CheckOperator.LessThan or CheckOperator.LessThanOrEqual:
            {
                var bound = expected.GetDouble();
                var op = leaf.Operator;
                return Typed((_, value) =>
                {
                    if (!value.IsPresent)
                        return false;
                    if (value.Items is not null || value.Element.ValueKind != JsonValueKind.Number)
                        return null;
                    var n = value.Element.GetDouble();
                    return op switch
                    {
                        CheckOperator.GreaterThan => n > bound,
                        CheckOperator.GreaterThanOrEqual => n >= bound,
                        CheckOperator.LessThan => n < bound,
                        _ => n <= bound,
                    };
                });
            }

            case CheckOperator.Contains:
                return Typed((_, value) =>
                {
                    if (!value.IsPresent)
                        return false;
                    if (value.IsList)
                    {
                        if (value.Items is { } items)
                            return items.Any(item => JsonValues.Equal(item, expected));
                        return value.Element.EnumerateArray().Any(item => JsonValues.Equal(item, expected));
                    }

                    if (value.Element.ValueKind == JsonValueKind.String && expected.ValueKind == JsonValueKind.String)
                        return value.Element.GetString()!.Contains(expected.GetString()!, StringComparison.Ordinal);
                    return null;
                });
            case CheckOperator.StartsWith:
            {
                var prefix = expected.GetString()!;
                return Typed((_, value) => Text(value) is { } text ? text.StartsWith(prefix, StringComparison.Ordinal) : value.IsPresent ? null : false);
            }

            case CheckOperator.Matches:
            {
                var regex = new Regex(expected.GetString()!, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
                return Typed((_, value) => Text(value) is { } text ? regex.IsMatch(text) : value.IsPresent ? null : false);
            }

            case CheckOperator.OlderThanDays or CheckOperator.NewerThanDays:
            {
                var days = expected.GetDouble();
                var older = leaf.Operator == CheckOperator.OlderThanDays;
                return Typed((view, value) =>
                {
                    if (!value.IsPresent)
                        return false;
                    if (Text(value) is not { } text || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                        return null;
                    var age = (view.Now - when).TotalDays;
                    return older ? age > days : age < days;
                });
            }

            case CheckOperator.CidrPublic:
                return Typed(static (_, value) => Text(value) is { } text && Cidr.Parse(text) is { } cidr ? cidr.IsPublic() : value.IsPresent ? null : false);
            case CheckOperator.CidrContains:
            {
                var inner = Cidr.Parse(expected.GetString()!)!.Value;
                return Typed((_, value) => Text(value) is { } text && Cidr.Parse(text) is { } cidr ? cidr.Contains(inner) : value.IsPresent ? null : false);
            }

            case CheckOperator.PortsInclude:
            {
                var ports = PortSpec.Parse(expected)!;
                return Typed((_, value) => !value.IsPresent ? false : value.Items is null ? ports.AdmittedBy(value.Element) : null);
            }

            case CheckOperator.PolicyAllowsPublic:
                return Policy(path, name, static (view, policy) => PolicyProbes.AllowsPublic(view, policy));
            case CheckOperator.PolicyAllowsCrossAccount:
            {
                var trusted = expected.ValueKind == JsonValueKind.Array
                    ? expected.EnumerateArray().Select(static e => e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString()!).ToImmutableHashSet(StringComparer.Ordinal)
                    : [];
                return Policy(path, name, (view, policy) => PolicyProbes.AllowsCrossAccount(view, policy, trusted));
            }

            case CheckOperator.PolicyDeniesInsecureTransport:
            {
                ImmutableArray<string> actions = expected.ValueKind == JsonValueKind.Array ? [.. expected.EnumerateArray().Select(static e => e.GetString()!)] : [];
                return Policy(path, name, (view, policy) => PolicyProbes.DeniesInsecureTransport(view, policy, actions));
            }

            default:
                throw new InvalidOperationException("unknown operator " + leaf.Operator);
        }
    }

    // A missing policy allows nothing and denies nothing.
    private static ConditionTest Policy(CompiledPath path, string name, Func<ResourceView, Iam.Evaluation.CompiledPolicy, bool> test) => (view, current) =>
    {
        var value = path.Evaluate(view, current);
        if (!value.IsPresent)
            return Truth.False;
        if (PolicyProbes.Read(view, value) is not { } policy)
        {
            view.Fail($"`{name}` on `{path.Text}`: {view.Error}");
            return Truth.Error;
        }

        return test(view, policy) ? Truth.True : view.Error is null ? Truth.False : Truth.Error;
    };

    private static Truth Error(ResourceView view, CompiledPath path, string name, PathValue value)
    {
        view.Fail($"`{name}` cannot judge `{path.Text}`, which is {(value.Items is not null ? "a list" : JsonValues.Describe(value.Element.ValueKind))}");
        return Truth.Error;
    }

    private static string? Text(PathValue value) =>
        value.IsPresent && value.Items is null && value.Element.ValueKind == JsonValueKind.String ? value.Element.GetString() : null;

    private static bool IsEmpty(PathValue value)
    {
        if (!value.IsPresent)
            return true;
        if (value.Items is { } items)
            return items.Count == 0;
        var element = value.Element;
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!.Length == 0,
            JsonValueKind.Array => element.GetArrayLength() == 0,
            JsonValueKind.Object => !element.EnumerateObject().Any(),
            _ => false,
        };
    }

    private static bool EqualTo(PathValue value, JsonElement expected)
    {
        if (value.Items is not { } items)
            return JsonValues.Equal(value.IsPresent ? value.Element : default, expected);
        if (expected.ValueKind != JsonValueKind.Array || expected.GetArrayLength() != items.Count)
            return false;
        var i = 0;
        foreach (var item in expected.EnumerateArray())
        {
            if (!JsonValues.Equal(items[i++], item))
                return false;
        }

        return true;
    }
}
