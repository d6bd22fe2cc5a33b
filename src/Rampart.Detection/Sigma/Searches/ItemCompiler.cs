using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma.Compilation;
using Rampart.Detection.Sigma.LogSources;
using Rampart.Detection.Sigma.Matching;
using YamlDotNet.RepresentationModel;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>
/// Compiles one detection item, <c>field|modifiers: value(s)</c> or a list of keywords, into a predicate:
/// every modifier is applied to every value here, once, so that matching only compares.
/// </summary>
internal static class ItemCompiler
{
    /// <summary>From this many exact values on, a field's values are looked up in a set.</summary>
    private const int ExactSetThreshold = 4;

    /// <summary>Compiles <c>key: value</c> of a search map; an empty field name makes keywords with modifiers.</summary>
    public static EventPredicate? CompileField(YamlScalarNode key, YamlNode valueNode, RuleContext context)
    {
        var spec = key.Value ?? string.Empty;
        var parts = spec.Split('|');
        var field = parts[0];
        var modifiers = ImmutableArray.CreateBuilder<Modifier>();
        var offset = field.Length + 1;
        var known = true;
        foreach (var name in parts.AsSpan(1))
        {
            var at = context.Source.At(key, offset);
            if (ModifierNames.TryGet(name, out var kind))
            {
                modifiers.Add(new Modifier(kind, name, at));
            }
            else
            {
                context.Report(SigmaDiagnostics.UnknownModifierError(at, name));
                known = false;
            }

            offset += name.Length + 1;
        }

        var values = ReadValues(field, valueNode, context);
        if (!known || values is null)
            return null;
        var isKeyword = field.Length == 0;
        var chain = ValueChain.Build(modifiers.ToImmutable(), isKeyword, context);
        if (chain is null)
            return null;
        if (chain.MatchAll && values.Count == 1)
            context.Report(SigmaDiagnostics.AllWithSingleValueWarning(context.Source.At(key)));
        if (isKeyword)
            return CompileKeywords(values, chain, context);

        var mapped = context.Fields.Resolve(field, context.Source.At(key), context);
        if (chain.Kind == ValueChainKind.Exists)
            return CompileExists(mapped, values, context);
        var tests = CompileTests(values, chain, mapped.Normalization, isKeyword: false, context);
        if (tests is null)
            return null;
        if (chain.Kind == ValueChainKind.Intel)
        {
            // A rule may name several lists; it runs with those loaded, and is skipped when none is.
            if (tests.Value.IsEmpty)
                context.Skipped = true;
            foreach (var test in tests.Value)
                context.IntelProbes.Add(new IntelProbe(FieldResolver.PathOf(mapped), field, ((IntelTest)test).List));
        }

        // fieldref|neq negates each comparison, which needs both fields present; by De Morgan the
        // values' linking flips (different from every referenced field = AND of the negated tests).
        var negatedReferences = chain.Kind == ValueChainKind.FieldReference && chain.Negate;
        return new FieldPredicate(
            FieldResolver.PathOf(mapped),
            mapped.Normalization,
            tests.Value,
            negatedReferences ? !chain.MatchAll : chain.MatchAll,
            negate: chain.Negate && !negatedReferences);
    }

    /// <summary>Compiles plain keywords (a list of values under a search identifier).</summary>
    public static EventPredicate? CompileKeywords(List<RuleValue> values, RuleContext context)
    {
        var chain = ValueChain.Build([], isKeyword: true, context);
        return chain is null ? null : CompileKeywords(values, chain, context);
    }

    private static KeywordPredicate? CompileKeywords(List<RuleValue> values, ValueChain chain, RuleContext context)
    {
        var tests = CompileTests(values, chain, TextNormalization.None, isKeyword: true, context);
        return tests is null ? null : new KeywordPredicate([.. tests.Value], chain.MatchAll, chain.Negate);
    }

    private static List<RuleValue>? ReadValues(string field, YamlNode node, RuleContext context)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return [RuleValue.From(scalar)];
            case YamlSequenceNode sequence when sequence.Children.Count == 0:
                context.Report(SigmaDiagnostics.InvalidValueError(context.Source.At(node), $"field '{field}' has an empty list of values."));
                return null;
            case YamlSequenceNode sequence:
                var values = new List<RuleValue>(sequence.Children.Count);
                var valid = true;
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode itemScalar)
                    {
                        values.Add(RuleValue.From(itemScalar));
                    }
                    else
                    {
                        context.Report(SigmaDiagnostics.InvalidValueError(context.Source.At(item), $"a list of values of field '{field}' may hold only strings, numbers, booleans and null."));
                        valid = false;
                    }
                }

                return valid ? values : null;
            default:
                context.Report(SigmaDiagnostics.InvalidValueError(context.Source.At(node), $"field '{field}' has a mapping as its value; expected a string, number, boolean, null or a list of them."));
                return null;
        }
    }

    private static ExistsPredicate? CompileExists(MappedField field, List<RuleValue> values, RuleContext context)
    {
        if (values.Count != 1 || !TryReadBoolean(values[0], out var expected))
        {
            context.Report(SigmaDiagnostics.InvalidValueError(context.Source.At(values[0].Node), "modifier 'exists' takes one value, true or false."));
            return null;
        }

        return new ExistsPredicate(FieldResolver.PathOf(field), expected);
    }

    private static bool TryReadBoolean(RuleValue value, out bool result)
    {
        result = string.Equals(value.Text, "true", StringComparison.OrdinalIgnoreCase);
        return value.Kind is RuleValueKind.Boolean or RuleValueKind.String &&
               (result || string.Equals(value.Text, "false", StringComparison.OrdinalIgnoreCase));
    }

    private static ImmutableArray<ValueTest>? CompileTests(List<RuleValue> values, ValueChain chain, TextNormalization normalization, bool isKeyword, RuleContext context)
    {
        var groups = new List<List<ValueTest>>(values.Count);
        var valid = true;
        foreach (var value in values)
        {
            var group = CompileValue(value, chain, normalization, isKeyword, context);
            if (group is null)
                valid = false;
            else
                groups.Add(group);
        }

        if (!valid)
            return null;
        var tests = new List<ValueTest>();
        foreach (var group in groups)
        {
            if (!chain.MatchAll)
                tests.AddRange(group);
            else if (group.Count == 1)
                tests.Add(group[0]);
            else
                tests.Add(new AnyOfTest([.. group]));
        }

        if (!chain.MatchAll)
        {
            MergeExactValues(tests, normalization);
            MergeNetworks(tests, normalization);
        }

        return [.. tests];
    }

    private static void MergeExactValues(List<ValueTest> tests, TextNormalization normalization)
    {
        var exact = new List<string>();
        foreach (var test in tests)
        {
            if (test is TextPatternTest { Pattern: { Kind: WildcardKind.Exact, Cased: false } pattern })
                exact.Add(pattern.Text);
        }

        if (exact.Count < ExactSetThreshold)
            return;
        tests.RemoveAll(test => test is TextPatternTest { Pattern: { Kind: WildcardKind.Exact, Cased: false } });
        tests.Insert(0, new ExactSetTest(exact, normalization));
    }

    // A list of networks is one test, which reads each event value as an address once.
    private static void MergeNetworks(List<ValueTest> tests, TextNormalization normalization)
    {
        var networks = tests.OfType<CidrTest>().SelectMany(test => test.Networks).ToImmutableArray();
        if (tests.Count(test => test is CidrTest) < 2)
            return;
        var at = tests.FindIndex(test => test is CidrTest);
        tests.RemoveAll(test => test is CidrTest);
        tests.Insert(at, new CidrTest(networks, normalization));
    }

    private static List<ValueTest>? CompileValue(RuleValue value, ValueChain chain, TextNormalization normalization, bool isKeyword, RuleContext context)
    {
        var at = context.Source.At(value.Node);
        if (value.Kind == RuleValueKind.Null)
        {
            if (isKeyword)
            {
                context.Report(SigmaDiagnostics.InvalidValueError(at, "a keyword cannot be null."));
                return null;
            }

            if (!chain.IsPlain)
            {
                var modifier = chain.Kind == ValueChainKind.Text ? (chain.Transforms.IsEmpty ? (chain.Cased ? "cased" : "expand") : chain.Transforms[0].Name) : chain.TypeModifier.Name;
                context.Report(SigmaDiagnostics.InvalidValueError(at, $"null cannot be combined with modifier '{modifier}'; null means the field is absent or null."));
                return null;
            }

            return [NullTest.Instance];
        }

        return chain.Kind switch
        {
            ValueChainKind.Regex => CompileRegex(value, chain, normalization, context),
            ValueChainKind.Cidr => CompileCidr(value, chain, normalization, context),
            ValueChainKind.Compare => CompileCompare(value, chain, normalization, context),
            ValueChainKind.TimePart => CompileTimePart(value, chain, normalization, context),
            ValueChainKind.FieldReference => CompileReference(value, chain, normalization, context),
            ValueChainKind.Intel => CompileIntel(value, normalization, context),
            _ => CompileText(value, chain, normalization, isKeyword, context),
        };
    }

    private static List<ValueTest>? CompileText(RuleValue value, ValueChain chain, TextNormalization normalization, bool isKeyword, RuleContext context)
    {
        if (!isKeyword && chain.IsPlain && value.Kind == RuleValueKind.Number)
            return [new NumberEqualsTest(value.Number, value.Text, normalization)];
        var raws = ExpandPlaceholders(value, chain, context);
        if (raws is null)
            return null;
        var variants = new List<EncodedPattern>();
        foreach (var raw in raws)
            variants.Add(new EncodedPattern(value.Kind == RuleValueKind.String ? SigmaPattern.Parse(raw) : SigmaPattern.Literal(raw), IsBytes: false));

        foreach (var transform in chain.Transforms)
        {
            variants = ApplyTransform(variants, transform, value, context);
            if (variants is null)
                return null;
        }

        var tests = new List<ValueTest>(variants.Count);
        foreach (var variant in variants)
        {
            var pattern = isKeyword && !chain.HasPosition ? variant.Pattern.WithLeadingStar().WithTrailingStar() : variant.Pattern;
            tests.Add(new TextPatternTest(WildcardPattern.Compile(pattern, chain.Cased), normalization));
        }

        return tests;
    }

    private static List<EncodedPattern>? ApplyTransform(List<EncodedPattern> variants, Modifier transform, RuleValue value, RuleContext context)
    {
        var max = context.Options.MaxValueExpansions;
        var result = new List<EncodedPattern>(variants.Count);
        foreach (var variant in variants)
        {
            switch (transform.Kind)
            {
                case ModifierKind.Contains:
                    result.Add(variant with { Pattern = variant.Pattern.WithLeadingStar().WithTrailingStar() });
                    break;
                case ModifierKind.StartsWith:
                    result.Add(variant with { Pattern = variant.Pattern.WithTrailingStar() });
                    break;
                case ModifierKind.EndsWith:
                    result.Add(variant with { Pattern = variant.Pattern.WithLeadingStar() });
                    break;
                case ModifierKind.WindowsDash:
                    var dashed = ValueEncodings.WindowsDash(variant.Pattern, max);
                    if (dashed is null)
                    {
                        context.Report(SigmaDiagnostics.TooManyExpansionsError(context.Source.At(value.Node), max));
                        return null;
                    }

                    foreach (var pattern in dashed)
                        result.Add(variant with { Pattern = pattern });
                    break;
                case ModifierKind.Base64 or ModifierKind.Base64Offset:
                    var plain = variant.Pattern.PlainText;
                    if (plain is null)
                    {
                        context.Report(SigmaDiagnostics.InvalidModifierError(transform.Location, transform.Name, "cannot encode a value with wildcards; put 'contains', 'startswith' or 'endswith' after it"));
                        return null;
                    }

                    if (transform.Kind == ModifierKind.Base64)
                    {
                        result.Add(new EncodedPattern(SigmaPattern.Literal(ValueEncodings.Base64(plain, variant.IsBytes)), IsBytes: false));
                        break;
                    }

                    var offsets = ValueEncodings.Base64Offsets(plain, variant.IsBytes);
                    if (offsets.Count == 0)
                    {
                        context.Report(SigmaDiagnostics.InvalidValueError(context.Source.At(value.Node), "the value is too short for 'base64offset'."));
                        return null;
                    }

                    foreach (var offset in offsets)
                        result.Add(new EncodedPattern(SigmaPattern.Literal(offset), IsBytes: false));
                    break;
                default:
                    result.Add(ValueEncodings.Utf16(variant, transform.Kind));
                    break;
            }

            if (result.Count > max)
            {
                context.Report(SigmaDiagnostics.TooManyExpansionsError(context.Source.At(value.Node), max));
                return null;
            }
        }

        return result;
    }

    private static List<string>? ExpandPlaceholders(RuleValue value, ValueChain chain, RuleContext context)
    {
        if (!chain.Expand)
            return [value.Text];
        var missing = new List<string>();
        var expanded = PlaceholderExpander.Expand(value.Text, context.Options.Placeholders, context.Options.MaxValueExpansions, missing);
        if (expanded is null)
        {
            context.Report(SigmaDiagnostics.TooManyExpansionsError(context.Source.At(value.Node), context.Options.MaxValueExpansions));
            return null;
        }

        if (missing.Count == 0)
            return expanded;
        foreach (var name in missing)
        {
            if (context.FirstReportOfPlaceholder(name))
                context.Report(SigmaDiagnostics.UnknownPlaceholderWarning(context.Source.At(value.Node), name));
        }

        context.Skipped = true;
        return [];
    }

    private static List<ValueTest>? CompileRegex(RuleValue value, ValueChain chain, TextNormalization normalization, RuleContext context)
    {
        var raws = ExpandPlaceholders(value, chain, context);
        if (raws is null)
            return null;
        var options = chain.RegexOptions | RegexOptions.CultureInvariant | (context.ForExecution ? RegexOptions.Compiled : RegexOptions.None);
        var tests = new List<ValueTest>(raws.Count);
        foreach (var raw in raws)
        {
            var pattern = raw;
            if (chain.RegexAnchorStart || chain.RegexAnchorEnd)
                pattern = (chain.RegexAnchorStart ? "^(?:" : "(?:") + raw + (chain.RegexAnchorEnd ? ")$" : ")");
            try
            {
                tests.Add(new RegexTest(CreateRegex(pattern, options, context.Options.RegexTimeout), RequiredLiteral.Find(raw, options), normalization));
            }
            catch (ArgumentException e)
            {
                context.Report(SigmaDiagnostics.InvalidRegexError(context.Source.At(value.Node), raw, RegexProblem(e)));
                return null;
            }
        }

        return tests;
    }

    // The non-backtracking engine runs in time linear in the input, so hostile patterns cannot stall a
    // hunt and no per-match timeout is needed; patterns it cannot run (backreferences, lookarounds,
    // atomic groups) fall back to the backtracking engine under the configured timeout.
    private static Regex CreateRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        try
        {
            return new Regex(pattern, (options & ~RegexOptions.Compiled) | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, timeout);
        }
    }

    private static string RegexProblem(ArgumentException e) => e is RegexParseException parse
        ? $"{DescribeRegexError(parse.Error)} at offset {parse.Offset.ToString(CultureInfo.InvariantCulture)}."
        : e.Message;

    private static string DescribeRegexError(RegexParseError error)
    {
        // "InsufficientClosingParentheses" reads as "insufficient closing parentheses".
        var name = error.ToString();
        var words = new System.Text.StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
                words.Append(' ');
            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    private static List<ValueTest>? CompileIntel(RuleValue value, TextNormalization normalization, RuleContext context)
    {
        if (context.Options.IntelLists.TryGetValue(value.Text, out var list))
            return [new IntelTest(list, normalization)];
        if (context.FirstReportOfIntelList(value.Text))
            context.Report(SigmaDiagnostics.UnknownIntelListInfo(context.Source.At(value.Node), value.Text));
        return [];
    }

    private static List<ValueTest>? CompileCidr(RuleValue value, ValueChain chain, TextNormalization normalization, RuleContext context)
    {
        var raws = ExpandPlaceholders(value, chain, context);
        if (raws is null)
            return null;
        var tests = new List<ValueTest>(raws.Count);
        foreach (var raw in raws)
        {
            var network = CidrNetwork.TryParse(raw);
            if (network is null)
            {
                context.Report(SigmaDiagnostics.InvalidCidrError(context.Source.At(value.Node), raw));
                return null;
            }

            tests.Add(new CidrTest([network], normalization));
        }

        return tests;
    }

    private static List<ValueTest>? CompileCompare(RuleValue value, ValueChain chain, TextNormalization normalization, RuleContext context)
    {
        if (!value.TryGetNumber(out var number))
        {
            context.Report(SigmaDiagnostics.InvalidValueError(context.Source.At(value.Node), $"modifier '{chain.TypeModifier.Name}' compares with a number; '{value.Text}' is not one."));
            return null;
        }

        return [new NumberCompareTest(chain.Compare, number, normalization)];
    }

    private static List<ValueTest>? CompileTimePart(RuleValue value, ValueChain chain, TextNormalization normalization, RuleContext context)
    {
        var (min, max) = chain.TimePart switch
        {
            TimePart.Minute => (0, 59),
            TimePart.Hour => (0, 23),
            TimePart.Day => (1, 31),
            TimePart.Week => (1, 53),
            TimePart.Month => (1, 12),
            _ => (1, 9999),
        };
        if (!value.TryGetNumber(out var number) || number != Math.Floor(number) || number < min || number > max)
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"{min} to {max}");
            context.Report(SigmaDiagnostics.InvalidValueError(context.Source.At(value.Node), $"modifier '{chain.TypeModifier.Name}' takes a whole number from {range}; '{value.Text}' is not one."));
            return null;
        }

        return [new TimePartTest(chain.TimePart, (int)number, normalization)];
    }

    private static List<ValueTest>? CompileReference(RuleValue value, ValueChain chain, TextNormalization normalization, RuleContext context)
    {
        var at = context.Source.At(value.Node);
        if (value.Text.Length == 0 || value.Text.Contains('*', StringComparison.Ordinal) || value.Text.Contains('?', StringComparison.Ordinal))
        {
            context.Report(SigmaDiagnostics.InvalidValueError(at, $"modifier 'fieldref' takes the name of another field, without wildcards; '{value.Text}' is not one."));
            return null;
        }

        var reference = context.Fields.Resolve(value.Text, at, context);
        return [new FieldReferenceTest(FieldResolver.PathOf(reference), normalization, reference.Normalization, chain.ReferenceMode, chain.Cased, chain.Negate)];
    }
}
