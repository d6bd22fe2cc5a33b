using System.Runtime.InteropServices;
using Rampart.Core.Events;
using Rampart.Detection.Sigma.Compilation;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Sigma.Indexing;

/// <summary>
/// The rules of one source type and the index that picks, per event, the few that can match: rules
/// keyed on required field values, plus the rules without such a key, which every event tries.
/// </summary>
internal sealed class SourceIndex
{
    private readonly CompiledRule[] _rules;

    // What each rule still has to test once the index chose it: its key's test is left out when the key says all it does.
    private readonly EventPredicate[] _residuals;
    private readonly IndexedField[] _fields;
    private readonly int[] _always;

    /// <summary>
    /// A field is looked up only when it keys at least this many rules: every lookup costs a read of the
    /// field per event, which is what trying one rule keyed on it would cost anyway.
    /// </summary>
    private const int MinRulesPerField = 2;

    public SourceIndex(IReadOnlyList<CompiledRule> rules)
    {
        _rules = [.. rules];
        var chosen = ChooseConstraints(_rules);
        _residuals = new EventPredicate[_rules.Length];
        for (var i = 0; i < _rules.Length; i++)
            _residuals[i] = chosen[i] is { } key ? Residual(_rules[i].Predicate, key) : _rules[i].Predicate;
        var byField = new Dictionary<IndexField, (Dictionary<string, List<int>> Values, Dictionary<string, List<int>> Prefixes)>();
        var always = new List<int>();
        for (var i = 0; i < _rules.Length; i++)
        {
            var constraint = chosen[i];
            if (constraint is null)
            {
                always.Add(i);
                continue;
            }

            foreach (var field in constraint.Fields)
            {
                if (!byField.TryGetValue(field, out var keyed))
                    byField[field] = keyed = (new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase), new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase));
                Key(keyed.Values, constraint.Keys.GetValueOrDefault(field), i);
                Key(keyed.Prefixes, constraint.Prefixes.GetValueOrDefault(field), i);
            }
        }

        static void Key(Dictionary<string, List<int>> rules, HashSet<string>? values, int rule)
        {
            foreach (var value in values ?? [])
            {
                if (!rules.TryGetValue(value, out var list))
                    rules[value] = list = [];
                list.Add(rule);
            }
        }

        var fields = new List<IndexedField>(byField.Count);
        foreach (var pair in byField)
            fields.Add(new IndexedField(pair.Key, pair.Value.Values, pair.Value.Prefixes));
        _fields = [.. fields];
        _always = [.. always];
    }

    /// <summary>How many rules every event of this source type tries, index or not.</summary>
    public int UnindexedCount => _always.Length;

    public int RuleCount => _rules.Length;

    /// <summary>A number of its own among every index made, for what a thread keeps per index (<see cref="MatchScratch.KeyedRules"/>).</summary>
    public int Ordinal { get; } = Interlocked.Increment(ref s_lastOrdinal);

    /// <summary>How many fields the index looks up.</summary>
    public int FieldCount => _fields.Length;

    private static int s_lastOrdinal = -1;

    public void Match(LogEvent logEvent, MatchScratch scratch, List<SigmaRule> matches)
    {
        var candidates = scratch.Candidates;
        candidates.Clear();
        var marks = scratch.BeginMarks(_rules.Length, out var stamp);
        for (var position = 0; position < _fields.Length; position++)
        {
            var field = _fields[position];
            foreach (ref readonly var value in scratch.ValuesOf(logEvent, field.Path))
            {
                if (value.IsNull)
                    continue;

                // A short ASCII value is one of a few strings the reader shares: its rules are kept by the instance.
                if (field.Normalization == TextNormalization.None && value.TryGetSharedText(out var shared))
                {
                    Mark(scratch.KeyedRules(this, position, shared));
                    continue;
                }

                var text = ValueText.Of(value, field.Normalization, scratch);
                if (field.TryGetRules(text, out var rules))
                    Mark(rules);
                foreach (var (prefix, prefixed) in field.Prefixes)
                {
                    if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                        Mark(prefixed);
                }
            }
        }

        void Mark(int[] rules)
        {
            foreach (var rule in rules)
            {
                if (marks[rule] == stamp)
                    continue;
                marks[rule] = stamp;
                candidates.Add(rule);
            }
        }

        candidates.AddRange(_always);
        var ordered = CollectionsMarshal.AsSpan(candidates);
        SortFew(ordered);
        foreach (var rule in ordered)
        {
            if (_residuals[rule].Evaluate(logEvent, scratch))
                matches.Add(_rules[rule].Rule);
        }
    }

    // Rules are tried in their order, so that matches come out alike whatever picked them. An event has a few
    // candidates, mostly in order already: they are sorted by insertion, without a general sort's setup.
    private static void SortFew(Span<int> rules)
    {
        if (rules.Length > 32)
        {
            rules.Sort();
            return;
        }

        for (var i = 1; i < rules.Length; i++)
        {
            var rule = rules[i];
            var at = i;
            for (; at > 0 && rules[at - 1] > rule; at--)
                rules[at] = rules[at - 1];
            rules[at] = rule;
        }
    }

    /// <summary>
    /// The rule's condition less the item its key stands for, when the key is one exact value of one field and that
    /// item, required by the top-level AND, tests nothing else: an event the index picks for the rule has the value,
    /// compared as the item compares it (ignoring case, normalised alike, any element of an array).
    /// </summary>
    private static EventPredicate Residual(EventPredicate predicate, IndexConstraint key)
    {
        if (key.Prefixes.Count != 0 || key.Keys.Count != 1)
            return predicate;
        var (field, values) = key.Keys.First();
        if (values.Count != 1)
            return predicate;
        var value = values.First();
        var removed = false;
        var rest = new List<EventPredicate>();
        Flatten(predicate);
        if (!removed)
            return predicate;
        return rest.Count switch
        {
            0 => AlwaysTrue.Instance,
            1 => rest[0],
            _ => new AndPredicate([.. rest]),
        };

        void Flatten(EventPredicate operand)
        {
            if (operand is AndPredicate and)
            {
                foreach (var inner in and.Operands)
                    Flatten(inner);
            }
            else if (!removed && operand is FieldPredicate { Negate: false, MatchAll: false, Tests: [TextPatternTest { Pattern: { Kind: WildcardKind.Exact, Cased: false } pattern }] } item
                && item.Path.Name == field.Name && item.Normalization == field.Normalization && string.Equals(pattern.Text, value, StringComparison.OrdinalIgnoreCase))
            {
                removed = true;
            }
            else
            {
                rest.Add(operand);
            }
        }
    }

    /// <summary>What finds the rules the index's field at <paramref name="position"/> keys on a value (<see cref="IndexedField.RulesOf"/>).</summary>
    public Func<string, int[]> FieldRulesOf(int position) => _fields[position].RulesOfValue;

    /// <summary>A condition the index has already decided.</summary>
    private sealed class AlwaysTrue : EventPredicate
    {
        public static readonly AlwaysTrue Instance = new();

        public override bool Evaluate(Core.Events.LogEvent logEvent, MatchScratch scratch) => true;
    }

    /// <summary>
    /// Picks one constraint per rule (null: the rule is tried on every event). Among a rule's
    /// alternatives, fields many rules can be keyed on win, so that few fields are read per event; then
    /// the more selective constraint.
    /// </summary>
    private static IndexConstraint?[] ChooseConstraints(CompiledRule[] rules)
    {
        var alternatives = new List<IndexConstraint>[rules.Length];
        var popularity = new Dictionary<IndexField, int>();
        for (var i = 0; i < rules.Length; i++)
        {
            alternatives[i] = ConstraintExtractor.Alternatives(rules[i].Predicate);
            var fields = new HashSet<IndexField>();
            foreach (var alternative in alternatives[i])
                fields.UnionWith(alternative.Fields);
            foreach (var field in fields)
                popularity[field] = popularity.GetValueOrDefault(field) + 1;
        }

        // A field too few rules are keyed on is given up, and its rules fall back on their next alternative,
        // until every field in use keys enough rules; rules left without one are tried on every event.
        var givenUp = new HashSet<IndexField>();
        var chosen = new IndexConstraint?[rules.Length];
        for (var changed = true; changed;)
        {
            changed = false;
            var used = new Dictionary<IndexField, int>();
            for (var i = 0; i < rules.Length; i++)
            {
                chosen[i] = null;
                foreach (var alternative in alternatives[i])
                {
                    if (alternative.Fields.Any(givenUp.Contains))
                        continue;
                    if (chosen[i] is not { } best || Compare(alternative, best, popularity) < 0)
                        chosen[i] = alternative;
                }

                foreach (var field in chosen[i]?.Fields ?? [])
                    used[field] = used.GetValueOrDefault(field) + 1;
            }

            foreach (var (field, count) in used)
            {
                if (count < MinRulesPerField)
                    changed |= givenUp.Add(field);
            }
        }

        return chosen;
    }

    private static int Compare(IndexConstraint a, IndexConstraint b, Dictionary<IndexField, int> popularity)
    {
        var byPopularity = LeastPopular(b, popularity).CompareTo(LeastPopular(a, popularity));
        return byPopularity != 0 ? byPopularity : a.Rank.CompareTo(b.Rank);
    }

    private static int LeastPopular(IndexConstraint constraint, Dictionary<IndexField, int> popularity)
    {
        var least = int.MaxValue;
        foreach (var field in constraint.Fields)
            least = Math.Min(least, popularity[field]);
        return least;
    }

    /// <summary>Tries every rule, ignoring the index: the reference the index is tested against.</summary>
    public void MatchWithoutIndex(LogEvent logEvent, MatchScratch scratch, List<SigmaRule> matches)
    {
        foreach (var rule in _rules)
        {
            if (rule.Predicate.Evaluate(logEvent, scratch))
                matches.Add(rule.Rule);
        }
    }
}
