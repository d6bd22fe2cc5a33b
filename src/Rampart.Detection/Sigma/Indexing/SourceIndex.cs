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
    private readonly IndexedField[] _fields;
    private readonly int[] _always;

    public SourceIndex(IReadOnlyList<CompiledRule> rules)
    {
        _rules = [.. rules];
        var byField = new Dictionary<IndexField, Dictionary<string, List<int>>>();
        var always = new List<int>();
        for (var i = 0; i < _rules.Length; i++)
        {
            var constraint = ConstraintExtractor.Extract(_rules[i].Predicate);
            if (constraint is null)
            {
                always.Add(i);
                continue;
            }

            foreach (var pair in constraint.Keys)
            {
                if (!byField.TryGetValue(pair.Key, out var values))
                    byField[pair.Key] = values = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
                foreach (var value in pair.Value)
                {
                    if (!values.TryGetValue(value, out var list))
                        values[value] = list = [];
                    list.Add(i);
                }
            }
        }

        var fields = new List<IndexedField>(byField.Count);
        foreach (var pair in byField)
            fields.Add(new IndexedField(pair.Key, pair.Value));
        _fields = [.. fields];
        _always = [.. always];
    }

    /// <summary>How many rules every event of this source type tries, index or not.</summary>
    public int UnindexedCount => _always.Length;

    public int RuleCount => _rules.Length;

    public void Match(LogEvent logEvent, MatchScratch scratch, List<SigmaRule> matches)
    {
        var candidates = scratch.Candidates;
        candidates.Clear();
        var marks = scratch.BeginMarks(_rules.Length, out var stamp);
        var values = scratch.Values;
        foreach (var field in _fields)
        {
            values.Clear();
            logEvent.CollectValues(field.Path, values);
            foreach (ref readonly var value in CollectionsMarshal.AsSpan(values))
            {
                if (value.IsNull || !field.TryGetRules(ValueText.Of(value, field.Normalization, scratch), out var rules))
                    continue;
                foreach (var rule in rules)
                {
                    if (marks[rule] == stamp)
                        continue;
                    marks[rule] = stamp;
                    candidates.Add(rule);
                }
            }
        }

        candidates.AddRange(_always);
        candidates.Sort();
        foreach (var rule in CollectionsMarshal.AsSpan(candidates))
        {
            if (_rules[rule].Predicate.Evaluate(logEvent, scratch))
                matches.Add(_rules[rule].Rule);
        }
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
