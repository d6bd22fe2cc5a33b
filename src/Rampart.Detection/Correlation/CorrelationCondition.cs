using System.Collections.Immutable;

namespace Rampart.Detection.Correlation;

/// <summary>
/// A correlation's <c>condition</c>: bounds the measured number must meet, all of them (<c>gt: 100</c> and
/// <c>lte: 200</c> make a range), plus the <c>field</c> measured and, for <c>value_percentile</c>, which percentile.
/// </summary>
/// <param name="Bounds">The comparisons, all of which must hold.</param>
/// <param name="Field">The field whose values are counted, summed, averaged or ranked; null for event counts and temporal rules.</param>
/// <param name="Percentile">For <c>value_percentile</c>, the percentile from 0 to 100.</param>
public sealed record CorrelationCondition(ImmutableArray<CorrelationBound> Bounds, string? Field, double? Percentile)
{
    /// <summary>For <c>new_value</c>, what is learned of the field's value: the value itself, its network, country or network owner.</summary>
    public ValueTransform Transform { get; init; }

    /// <summary>Whether <paramref name="measured"/> meets every bound.</summary>
    public bool Holds(double measured)
    {
        foreach (var bound in Bounds)
        {
            if (!bound.Holds(measured))
                return false;
        }

        return true;
    }

    /// <summary>
    /// Whether meeting the condition can only become true, never false again, as events are added to a window:
    /// only lower bounds. Such conditions fire as soon as they hold; the others are judged when the window closes.
    /// </summary>
    public bool OnlyLowerBounds => Bounds.All(bound => bound.Operator is CorrelationOperator.GreaterThan or CorrelationOperator.GreaterThanOrEqual);
}

/// <summary>One comparison of a correlation condition.</summary>
/// <param name="Operator">How to compare.</param>
/// <param name="Value">What to compare with.</param>
public sealed record CorrelationBound(CorrelationOperator Operator, double Value)
{
    /// <summary>Whether <paramref name="measured"/> meets the bound.</summary>
    public bool Holds(double measured) => Operator switch
    {
        CorrelationOperator.GreaterThan => measured > Value,
        CorrelationOperator.GreaterThanOrEqual => measured >= Value,
        CorrelationOperator.LessThan => measured < Value,
        CorrelationOperator.LessThanOrEqual => measured <= Value,
        _ => measured == Value,
    };
}

/// <summary>The comparisons of Sigma correlation conditions.</summary>
public enum CorrelationOperator
{
    /// <summary><c>gt</c>.</summary>
    GreaterThan,

    /// <summary><c>gte</c>.</summary>
    GreaterThanOrEqual,

    /// <summary><c>lt</c>.</summary>
    LessThan,

    /// <summary><c>lte</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>eq</c>.</summary>
    Equal,
}

/// <summary>What a <c>new_value</c> correlation learns of an address: written after the field, as in <c>sourceIPAddress|network</c>.</summary>
public enum ValueTransform
{
    /// <summary>The value as it is.</summary>
    None,

    /// <summary><c>network</c>: an IPv4 address's /24, an IPv6 address's /48; other values as they are.</summary>
    Network,

    /// <summary><c>country</c>: the ISO country code of an address, from the configured GeoIP database.</summary>
    Country,

    /// <summary><c>product</c>: a user agent's first product token without its version (<c>aws-cli</c> of <c>aws-cli/2.15.19 Python/3.11</c>).</summary>
    Product,

    /// <summary><c>asn</c>: the autonomous system (network owner) of an address, from the configured GeoIP/ASN database.</summary>
    Asn,
}
