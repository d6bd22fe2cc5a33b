using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks;

/// <summary>A check compiled once into delegates. Immutable and thread-safe.</summary>
public sealed class CompiledCheck
{
    private readonly ConditionTest? _applies;
    private readonly ConditionTest _assert;
    private readonly ImmutableArray<CompiledPath> _evidence;
    private readonly ImmutableArray<string> _controls;

    internal CompiledCheck(CheckDefinition definition)
    {
        Definition = definition;
        _applies = definition.Applies is null ? null : ConditionCompiler.Compile(definition.Applies);
        _assert = ConditionCompiler.Compile(definition.Assert);
        _evidence = definition.EvidencePaths;
        _controls = definition.Controls;
    }

    /// <summary>The check's definition.</summary>
    public CheckDefinition Definition { get; }

    /// <summary>The check's id.</summary>
    public string Id => Definition.Id;

    /// <summary>Evaluates the check on <paramref name="resource"/> at <paramref name="now"/> (for age operators).</summary>
    public CheckResult Evaluate(CloudResource resource, DateTimeOffset now)
    {
        Core.Guard.NotNull(resource);
        return Evaluate(new ResourceView(resource, now));
    }

    /// <summary>Runs every example of the check; <paramref name="now"/> is used by examples that name no time of their own.</summary>
    public ImmutableArray<ExampleOutcome> RunExamples(DateTimeOffset now) =>
        [.. Definition.Examples.Select(example => new ExampleOutcome(Id, example, Evaluate(example.Resource, example.At ?? now)))];

    internal CheckResult Evaluate(ResourceView view)
    {
        view.Error = null;
        if (_applies is not null)
        {
            switch (_applies(view, default))
            {
                case Truth.False:
                    return new CheckResult(Id, view.Resource.Key, CheckStatus.NotApplicable, Definition.Severity, [], _controls);
                case Truth.Error:
                    return new CheckResult(Id, view.Resource.Key, CheckStatus.Error, Definition.Severity, Evidence(view), _controls, "applies: " + view.Error);
            }
        }

        var truth = _assert(view, default);
        var status = truth switch
        {
            Truth.True => CheckStatus.Pass,
            Truth.False => CheckStatus.Fail,
            _ => CheckStatus.Error,
        };
        return new CheckResult(Id, view.Resource.Key, status, Definition.Severity, Evidence(view), _controls, status == CheckStatus.Error ? view.Error : null);
    }

    private ImmutableArray<CheckEvidence> Evidence(ResourceView view)
    {
        if (_evidence.IsEmpty)
            return [];
        var values = new CheckEvidence[_evidence.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = new CheckEvidence(_evidence[i].Text, _evidence[i].Evaluate(view, default).ToJson());
        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }
}
