using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Rampart.Detection.Sigma.Compilation;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Searches;

/// <summary>
/// The modifiers of one item, checked and digested: what the values become (<see cref="Kind"/>), the
/// transforms applied to string values in order, and the flags. Built by walking the modifiers in the
/// order written, as Sigma applies them.
/// </summary>
internal sealed class ValueChain
{
    private ValueChain()
    {
    }

    public ValueChainKind Kind { get; private set; }

    /// <summary>Transforms of string values, in order: contains/startswith/endswith, windash, utf16*, base64*.</summary>
    public ImmutableArray<Modifier> Transforms { get; private set; } = [];

    public bool MatchAll { get; private set; }

    public bool Negate { get; private set; }

    public bool Cased { get; private set; }

    public bool Expand { get; private set; }

    public RegexOptions RegexOptions { get; private set; }

    public bool RegexAnchorStart { get; private set; }

    public bool RegexAnchorEnd { get; private set; }

    public CompareOperator Compare { get; private set; }

    public TimePart TimePart { get; private set; }

    public FieldReferenceMode ReferenceMode { get; private set; }

    /// <summary>The modifier that set <see cref="Kind"/>, for messages.</summary>
    public Modifier TypeModifier { get; private set; }

    /// <summary>Whether a contains/startswith/endswith was given (keywords default to contains otherwise).</summary>
    public bool HasPosition
    {
        get
        {
            foreach (var transform in Transforms)
            {
                if (transform.Kind is ModifierKind.Contains or ModifierKind.StartsWith or ModifierKind.EndsWith)
                    return true;
            }

            return false;
        }
    }

    /// <summary>Whether values are used exactly as written (no transform, no case or placeholder handling).</summary>
    public bool IsPlain => Kind == ValueChainKind.Text && Transforms.IsEmpty && !Cased && !Expand;

    /// <summary>Checks the modifiers; reports every problem and returns null when there is one.</summary>
    public static ValueChain? Build(ImmutableArray<Modifier> modifiers, bool isKeyword, RuleContext context)
    {
        var chain = new ValueChain();
        var transforms = ImmutableArray.CreateBuilder<Modifier>();
        var valid = true;
        foreach (var modifier in modifiers)
        {
            var problem = chain.Apply(modifier, modifiers.Length, isKeyword, transforms);
            if (problem is not null)
            {
                context.Report(SigmaDiagnostics.InvalidModifierError(modifier.Location, modifier.Name, problem));
                valid = false;
            }
        }

        chain.Transforms = transforms.ToImmutable();
        return valid ? chain : null;
    }

    private static string KindName(ValueChainKind kind) => kind switch
    {
        ValueChainKind.Regex => "a regular expression",
        ValueChainKind.Cidr => "a CIDR network",
        ValueChainKind.Compare => "a numeric comparison",
        ValueChainKind.TimePart => "a time part",
        ValueChainKind.FieldReference => "a field reference",
        ValueChainKind.Exists => "an existence check",
        ValueChainKind.Intel => "a threat-intelligence lookup",
        _ => "a string",
    };

    private string? Apply(Modifier modifier, int count, bool isKeyword, ImmutableArray<Modifier>.Builder transforms)
    {
        switch (modifier.Kind)
        {
            case ModifierKind.All:
                MatchAll = true;
                return Kind == ValueChainKind.Exists ? "cannot be combined with 'exists'" : null;
            case ModifierKind.NotEqual:
                Negate = true;
                return Kind == ValueChainKind.Exists ? "cannot be combined with 'exists'" : null;
            case ModifierKind.Expand:
                Expand = true;
                return Kind is ValueChainKind.Text or ValueChainKind.Regex or ValueChainKind.Cidr ? null : $"cannot be applied to {KindName(Kind)}";
            case ModifierKind.Exists:
                if (isKeyword)
                    return "needs a field name; keywords cannot use it";
                if (count != 1)
                    return "must be used alone";
                return SetKind(ValueChainKind.Exists, modifier, transforms);
            case ModifierKind.Intel:
                if (isKeyword)
                    return "needs a field name; keywords cannot use it";
                if (count != 1)
                    return "must be used alone";
                return SetKind(ValueChainKind.Intel, modifier, transforms);
            case ModifierKind.Contains or ModifierKind.StartsWith or ModifierKind.EndsWith:
                return ApplyPosition(modifier, transforms);
            case ModifierKind.Cased:
                if (Kind is not (ValueChainKind.Text or ValueChainKind.FieldReference))
                    return $"cannot be applied to {KindName(Kind)}";
                Cased = true;
                return null;
            case ModifierKind.WindowsDash or ModifierKind.Base64 or ModifierKind.Base64Offset or ModifierKind.Utf16LittleEndian
                or ModifierKind.Utf16BigEndian or ModifierKind.Utf16 or ModifierKind.Wide:
                if (Kind != ValueChainKind.Text)
                    return $"cannot be applied to {KindName(Kind)}";
                transforms.Add(modifier);
                return null;
            case ModifierKind.Regex:
                return SetKind(ValueChainKind.Regex, modifier, transforms);
            case ModifierKind.RegexIgnoreCase or ModifierKind.RegexMultiline or ModifierKind.RegexDotAll:
                if (Kind != ValueChainKind.Regex)
                    return "only applies after 're'";
                RegexOptions |= modifier.Kind switch
                {
                    ModifierKind.RegexIgnoreCase => RegexOptions.IgnoreCase,
                    ModifierKind.RegexMultiline => RegexOptions.Multiline,
                    _ => RegexOptions.Singleline,
                };
                return null;
            case ModifierKind.Cidr:
                return SetKind(ValueChainKind.Cidr, modifier, transforms);
            case ModifierKind.LessThan or ModifierKind.LessOrEqual or ModifierKind.GreaterThan or ModifierKind.GreaterOrEqual:
                Compare = modifier.Kind switch
                {
                    ModifierKind.LessThan => CompareOperator.LessThan,
                    ModifierKind.LessOrEqual => CompareOperator.LessOrEqual,
                    ModifierKind.GreaterThan => CompareOperator.GreaterThan,
                    _ => CompareOperator.GreaterOrEqual,
                };
                return SetKind(ValueChainKind.Compare, modifier, transforms);
            case ModifierKind.Minute or ModifierKind.Hour or ModifierKind.Day or ModifierKind.Week or ModifierKind.Month or ModifierKind.Year:
                TimePart = modifier.Kind switch
                {
                    ModifierKind.Minute => TimePart.Minute,
                    ModifierKind.Hour => TimePart.Hour,
                    ModifierKind.Day => TimePart.Day,
                    ModifierKind.Week => TimePart.Week,
                    ModifierKind.Month => TimePart.Month,
                    _ => TimePart.Year,
                };
                return SetKind(ValueChainKind.TimePart, modifier, transforms);
            default:
                return isKeyword ? "needs a field name; keywords cannot use it" : SetKind(ValueChainKind.FieldReference, modifier, transforms);
        }
    }

    private string? ApplyPosition(Modifier modifier, ImmutableArray<Modifier>.Builder transforms)
    {
        switch (Kind)
        {
            case ValueChainKind.Text:
                transforms.Add(modifier);
                return null;
            case ValueChainKind.Regex:
                RegexAnchorStart |= modifier.Kind == ModifierKind.StartsWith;
                RegexAnchorEnd |= modifier.Kind == ModifierKind.EndsWith;
                return null;
            case ValueChainKind.FieldReference:
                var mode = modifier.Kind switch
                {
                    ModifierKind.StartsWith => FieldReferenceMode.StartsWith,
                    ModifierKind.EndsWith => FieldReferenceMode.EndsWith,
                    _ => FieldReferenceMode.Contains,
                };
                ReferenceMode = ReferenceMode == FieldReferenceMode.Equals || ReferenceMode == mode ? mode : FieldReferenceMode.Contains;
                return null;
            default:
                return $"cannot be applied to {KindName(Kind)}";
        }
    }

    private string? SetKind(ValueChainKind kind, Modifier modifier, ImmutableArray<Modifier>.Builder transforms)
    {
        if (Kind != ValueChainKind.Text)
            return $"cannot be applied to {KindName(Kind)}";
        if (transforms.Count > 0 || Cased)
            return $"must come before the modifiers that change the value, such as '{(transforms.Count > 0 ? transforms[0].Name : "cased")}'";
        if (Expand && kind is ValueChainKind.Compare or ValueChainKind.TimePart or ValueChainKind.FieldReference)
            return "cannot be combined with 'expand'";
        Kind = kind;
        TypeModifier = modifier;
        return null;
    }
}
