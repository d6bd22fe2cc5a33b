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
    private readonly Plugins.CheckPlugin? _plugin;

    internal CompiledCheck(CheckDefinition definition)
    {
        Definition = definition;
        _applies = definition.Applies is null ? null : ConditionCompiler.Compile(definition.Applies);
        _assert = ConditionCompiler.Compile(definition.Assert);
        _plugin = definition.PluginLogic;
        _evidence = definition.EvidencePaths;
        _controls = definition.Controls;
    }

    /// <summary>The check's definition.</summary>
    public CheckDefinition Definition { get; }

    /// <summary>The check's id.</summary>
    public string Id => Definition.Id;

    /// <summary>Whether the check judges resources by others, through a plugin, over a whole inventory (<see cref="Evaluate(ResourceInventory, DateTimeOffset, Action{CheckResult, CloudResource}, Plugins.JudgeScope)"/>).</summary>
    public bool JudgesInventory => _plugin is not null;

    /// <summary>
    /// The resource types whose creation, change or deletion can change the check's results: its own, and for a plugin
    /// check, every type the plugin reads.
    /// </summary>
    public IEnumerable<string> Reads => _plugin is null ? Definition.ResourceTypes : Definition.ResourceTypes.Concat(_plugin.Reads);

    /// <summary>
    /// The results a change to <paramref name="resource"/> can alter: for a plugin check, the subjects the plugin says
    /// (references may cross accounts); for a check in the language, the resource's own; null when the check reads no
    /// resource of its type.
    /// </summary>
    public Plugins.JudgeScope? ScopeOf(CloudResource resource, ResourceInventory inventory)
    {
        Core.Guard.NotNull(resource);
        if (!Reads.Contains(resource.Type, StringComparer.Ordinal))
            return null;
        return _plugin is null ? Plugins.JudgeScope.Only(resource.Key) : _plugin.ScopeOf(resource, inventory);
    }

    /// <summary>Evaluates a check in the language on <paramref name="resource"/> at <paramref name="now"/> (for age operators).</summary>
    /// <exception cref="InvalidOperationException">The check is a plugin check, which judges an inventory.</exception>
    public CheckResult Evaluate(CloudResource resource, DateTimeOffset now)
    {
        Core.Guard.NotNull(resource);
        if (_plugin is not null)
            throw new InvalidOperationException($"check {Id} judges resources by others; evaluate it over an inventory");
        return Evaluate(new ResourceView(resource, now));
    }

    /// <summary>
    /// Evaluates the check over <paramref name="inventory"/> at <paramref name="now"/> — on every resource, or only on
    /// those in <paramref name="scope"/> when given: a plugin check judges its subjects by the resources around them; a
    /// check in the language judges each resource of its types alone.
    /// </summary>
    public void Evaluate(ResourceInventory inventory, DateTimeOffset now, Action<CheckResult, CloudResource> add, Plugins.JudgeScope? scope = null)
    {
        Core.Guard.NotNull(inventory);
        Core.Guard.NotNull(add);
        if (_plugin is null)
        {
            var resources = Definition.ResourceTypes.Distinct(StringComparer.Ordinal).SelectMany(type => inventory.OfType(type));
            foreach (var resource in resources.Where(r => scope is null || scope.Includes(r)))
                add(Evaluate(new ResourceView(resource, now)), resource);
            return;
        }

        foreach (var judgement in _plugin.Judge(inventory, now, scope))
        {
            var evidence = judgement.Status == CheckStatus.NotApplicable ? [] : judgement.Evidence;
            add(new CheckResult(Id, judgement.Subject.Key, judgement.Status, Definition.Severity, evidence, _controls, judgement.Error), judgement.Subject);
        }
    }

    /// <summary>Runs every example of the check; <paramref name="now"/> is used by examples that name no time of their own.</summary>
    public ImmutableArray<ExampleOutcome> RunExamples(DateTimeOffset now) =>
        [.. Definition.Examples.Select(example => new ExampleOutcome(Id, example, RunExample(example, example.At ?? now)))];

    // A plugin example passes when every subject gets the expected status; the first that does not is reported.
    private CheckResult RunExample(CheckExample example, DateTimeOffset now)
    {
        if (_plugin is null)
            return Evaluate(example.Resources[0], now);
        var results = new List<CheckResult>();
        Evaluate(ResourceInventory.Create(example.Resources, [], Core.Diagnostics.NullDiagnosticSink.Instance), now, (result, _) => results.Add(result));
        return results.FirstOrDefault(r => r.Status != example.Expected) ?? results.FirstOrDefault()
            ?? new CheckResult(Id, "", CheckStatus.Error, Definition.Severity, [], _controls, $"the example holds no {string.Join(" or ", Definition.ResourceTypes)} for the check to judge");
    }

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
