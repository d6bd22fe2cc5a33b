using System.Collections.Immutable;
using System.Net;
using Rampart.Iam.Policies;

namespace Rampart.Iam.Evaluation;

/// <summary>One condition with its values parsed once: numbers, dates, networks and patterns are ready to compare.</summary>
internal sealed class CompiledCondition
{
    private readonly PolicyCondition _source;
    private readonly ImmutableArray<Value> _values;
    private readonly bool _anyVariables;

    public CompiledCondition(PolicyCondition source, bool variables)
    {
        _source = source;
        var values = ImmutableArray.CreateBuilder<Value>(source.Values.Length);
        foreach (var text in source.Values)
        {
            var template = variables ? PolicyTemplate.Parse(text, out _) : null;
            if (template is { HasVariables: true })
            {
                _anyVariables = true;
                values.Add(new Value(text, template));
            }
            else
            {
                // Escapes (${*}, ${?}, ${$}) stand for their characters, literal even in a pattern.
                values.Add(template is null
                    ? Prepare(source.Operator, text, escapedPattern: null)
                    : Prepare(source.Operator, template.Render(_ => null, (literal, _) => literal)!, template.Render(_ => null, EscapeFor)));
            }
        }

        _values = values.MoveToImmutable();
    }

    public PolicyCondition Source => _source;

    /// <summary>Whether the condition cannot be decided: its key, or a variable in its values, is one the question leaves open.</summary>
    public bool IsUnknown(RequestScope scope)
    {
        if (scope.IsUnknown(_source.Key))
            return true;
        if (!_anyVariables)
            return false;
        var unknown = false;
        foreach (var value in _values)
        {
            value.Template?.Render(key =>
            {
                unknown |= scope.IsUnknown(key);
                return "";
            }, static (literal, _) => literal);
        }

        return unknown;
    }

    public bool Holds(RequestScope scope)
    {
        var present = scope.TryGetValues(_source.Key, out var requestValues);
        if (_source.Operator == ConditionOperator.Null)
        {
            // "Null": true holds when the key is absent; false when it is present.
            foreach (var value in _values)
            {
                if (value.Text.Equals("true", StringComparison.OrdinalIgnoreCase) != present)
                    return true;
            }

            return false;
        }

        if (!present)
        {
            if (_source.IfExists || _source.Set == ConditionSet.ForAllValues)
                return true;
            if (_source.Set == ConditionSet.ForAnyValue)
                return false;
            return _source.IsNegated;
        }

        var values = _anyVariables ? Resolve(scope) : _values;
        switch (_source.Set)
        {
            case ConditionSet.ForAllValues:
                foreach (var requestValue in requestValues)
                {
                    if (!MatchesOne(requestValue, values))
                        return false;
                }

                return true;
            case ConditionSet.ForAnyValue:
                foreach (var requestValue in requestValues)
                {
                    if (MatchesOne(requestValue, values))
                        return true;
                }

                return false;
            default:
                if (_source.IsNegated)
                {
                    foreach (var requestValue in requestValues)
                    {
                        if (!MatchesOne(requestValue, values))
                            return false;
                    }

                    return requestValues.Length > 0;
                }

                foreach (var requestValue in requestValues)
                {
                    if (MatchesOne(requestValue, values))
                        return true;
                }

                return false;
        }
    }

    // A negated operator matches a request value that equals none of the policy values; a positive one, any.
    private bool MatchesOne(string requestValue, ImmutableArray<Value> values)
    {
        var any = false;
        foreach (var value in values)
        {
            if (value.Text is null)
                continue;
            if (Compare(requestValue, value))
            {
                any = true;
                break;
            }
        }

        return _source.IsNegated ? !any : any;
    }

    // A variable without a value and without a default leaves its policy value out: it matches nothing.
    private ImmutableArray<Value> Resolve(RequestScope scope)
    {
        var resolved = ImmutableArray.CreateBuilder<Value>(_values.Length);
        var pattern = _source.Operator is ConditionOperator.StringLike or ConditionOperator.StringNotLike
            or ConditionOperator.ArnLike or ConditionOperator.ArnNotLike or ConditionOperator.ArnEquals or ConditionOperator.ArnNotEquals;
        foreach (var value in _values)
        {
            if (value.Template is null)
            {
                resolved.Add(value);
                continue;
            }

            var text = value.Template.Render(scope.Variable, (literal, _) => literal);
            var escaped = pattern ? value.Template.Render(scope.Variable, EscapeFor) : null;
            resolved.Add(text is null ? new Value(null!, null) : Prepare(_source.Operator, text, escaped));
        }

        return resolved.MoveToImmutable();
    }

    private static string EscapeFor(string text, bool literal) => literal ? Wildcard.Escape(text) : Wildcard.FromPolicy(text);

    private static Value Prepare(ConditionOperator op, string text, string? escapedPattern)
    {
        var value = new Value(text, null) { Pattern = escapedPattern ?? Wildcard.FromPolicy(text) };
        switch (op)
        {
            case >= ConditionOperator.NumericEquals and <= ConditionOperator.NumericGreaterThanEquals:
                return ConditionOperators.TryNumber(text, out var number) ? value with { Number = number } : value with { Text = null! };
            case >= ConditionOperator.DateEquals and <= ConditionOperator.DateGreaterThanEquals:
                return ConditionOperators.TryDate(text, out var date) ? value with { Date = date } : value with { Text = null! };
            case ConditionOperator.IpAddress or ConditionOperator.NotIpAddress:
                return ConditionOperators.TryNetwork(text, out var network) ? value with { Network = network.Network, Prefix = network.Prefix } : value with { Text = null! };
            case ConditionOperator.BinaryEquals:
                return ConditionOperators.TryBinary(text, out var bytes) ? value with { Bytes = bytes } : value with { Text = null! };
            default:
                return value;
        }
    }

    private bool Compare(string request, Value policy)
    {
        switch (_source.Operator)
        {
            case ConditionOperator.StringEquals or ConditionOperator.StringNotEquals:
                return string.Equals(request, policy.Text, StringComparison.Ordinal);
            case ConditionOperator.StringEqualsIgnoreCase or ConditionOperator.StringNotEqualsIgnoreCase:
                return string.Equals(request, policy.Text, StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.StringLike or ConditionOperator.StringNotLike:
                return Wildcard.Matches(policy.Pattern, request, ignoreCase: false);
            case >= ConditionOperator.NumericEquals and <= ConditionOperator.NumericGreaterThanEquals:
                if (!ConditionOperators.TryNumber(request, out var number))
                    return false;
                return _source.Operator switch
                {
                    ConditionOperator.NumericEquals or ConditionOperator.NumericNotEquals => number == policy.Number,
                    ConditionOperator.NumericLessThan => number < policy.Number,
                    ConditionOperator.NumericLessThanEquals => number <= policy.Number,
                    ConditionOperator.NumericGreaterThan => number > policy.Number,
                    _ => number >= policy.Number,
                };
            case >= ConditionOperator.DateEquals and <= ConditionOperator.DateGreaterThanEquals:
                if (!ConditionOperators.TryDate(request, out var date))
                    return false;
                return _source.Operator switch
                {
                    ConditionOperator.DateEquals or ConditionOperator.DateNotEquals => date == policy.Date,
                    ConditionOperator.DateLessThan => date < policy.Date,
                    ConditionOperator.DateLessThanEquals => date <= policy.Date,
                    ConditionOperator.DateGreaterThan => date > policy.Date,
                    _ => date >= policy.Date,
                };
            case ConditionOperator.Bool:
                return string.Equals(request, policy.Text, StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.BinaryEquals:
                return ConditionOperators.TryBinary(request, out var bytes) && bytes.AsSpan().SequenceEqual(policy.Bytes);
            case ConditionOperator.IpAddress or ConditionOperator.NotIpAddress:
                return InNetwork(request, policy);
            default:
                return ArnPattern.Matches(policy.Pattern, request);
        }
    }

    private static bool InNetwork(string request, Value policy)
    {
        if (!IPAddress.TryParse(request, out var address))
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        var network = policy.Network!;
        if (bytes.Length != network.Length)
            return false;
        var prefix = policy.Prefix;
        var whole = prefix / 8;
        if (!bytes.AsSpan(0, whole).SequenceEqual(network.AsSpan(0, whole)))
            return false;
        var rest = prefix % 8;
        if (rest == 0)
            return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    // A policy value; Text is null for one that can never match (unparseable, or a variable without value).
    private sealed record Value(string Text, PolicyTemplate? Template)
    {
        public string Pattern { get; init; } = "";

        public decimal Number { get; init; }

        public DateTimeOffset Date { get; init; }

        public byte[]? Network { get; init; }

        public int Prefix { get; init; }

        public byte[] Bytes { get; init; } = [];
    }
}
