using Rampart.Core;
using System.Collections.Immutable;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Checks;

/// <summary>
/// A check as loaded and validated from its YAML: what it is about, which resources it judges, the frameworks it maps
/// to, and its conditions (kept internal: compile with <see cref="CheckPack.Compile"/>). Immutable.
/// </summary>
public sealed record CheckDefinition
{
    /// <summary>The stable id: lowercase letters, digits, <c>-</c> and <c>.</c> (<c>ec2-sg-ssh-open-ipv4</c>).</summary>
    public required string Id { get; init; }

    /// <summary>One line for a person.</summary>
    public required string Title { get; init; }

    /// <summary>What is checked and why it matters.</summary>
    public string Description { get; init; } = "";

    /// <summary>How much a failure matters.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The resource types judged (<c>AWS::EC2::SecurityGroup</c>, <c>Rampart::IAM::PasswordPolicy</c>); at least one.</summary>
    public required ImmutableArray<string> ResourceTypes { get; init; }

    /// <summary>Controls the check supports, by framework id (<c>cis-aws-3.0</c> → <c>5.2</c>).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> Frameworks { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);

    /// <summary>The controls written <c>framework:control</c> (<c>cis-aws-3.0:5.2</c>), in framework order.</summary>
    public ImmutableArray<string> Controls => [.. Frameworks.SelectMany(static pair => pair.Value.Select(control => pair.Key + ":" + control))];

    /// <summary>How to fix a failure.</summary>
    public string Remediation { get; init; } = "";

    /// <summary>Paths whose values are reported with each result.</summary>
    public ImmutableArray<string> Evidence { get; init; } = [];

    /// <summary>Example resources with their expected status.</summary>
    public ImmutableArray<CheckExample> Examples { get; init; } = [];

    /// <summary>The plugin that judges, for a multi-resource check (<c>metric-alarm-chain</c>); null for a check in the language.</summary>
    public string? Plugin { get; init; }

    /// <summary>Where the check starts in its file.</summary>
    public required SourceLocation Location { get; init; }

    internal CheckCondition? Applies { get; init; }

    internal CheckCondition Assert { get; init; } = new AllCondition(default, []);

    internal ImmutableArray<CompiledPath> EvidencePaths { get; init; } = [];

    internal Plugins.CheckPlugin? PluginLogic { get; init; }
}
