using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Risk;

/// <summary>One thing the IAM analysis found, with the proof of it.</summary>
public sealed record IamFinding
{
    /// <summary>The check that found it: a stable id such as <c>iam-root-access-key</c> or <c>iam-escalation-passrole-lambda</c>.</summary>
    public required string CheckId { get; init; }

    /// <summary>What the finding is about.</summary>
    public required RiskCategory Category { get; init; }

    /// <summary>How urgent it is.</summary>
    public required Severity Severity { get; init; }

    /// <summary>One sentence for a person, naming the principal and what it can do or what is wrong.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The ARN of the principal the finding is about (user, role, group, the account's root); for a resource or a policy,
    /// that resource's or policy's ARN.
    /// </summary>
    public required string Principal { get; init; }

    /// <summary>The policy that causes it, described for a person (<c>managed policy arn:…</c>), if one does.</summary>
    public string? Policy { get; init; }

    /// <summary>The statement's JSON path in <see cref="Policy"/>, if one does.</summary>
    public string? Statement { get; init; }

    /// <summary>The proof: facts and evaluations that make the finding true.</summary>
    public required FindingProof Proof { get; init; }

    /// <summary>CIS AWS Foundations or other control ids the finding maps to, such as <c>CIS 1.4</c>.</summary>
    public ImmutableArray<string> Controls { get; init; } = [];
}

/// <summary>Why a finding holds.</summary>
/// <param name="Facts">Statements of fact for a person: what the inputs say (<c>access_key_1_active is true</c>…).</param>
/// <param name="Evaluations">Decisions of the evaluator the finding rests on, each with its trace.</param>
/// <param name="Path">For an escalation path, each step in order; empty otherwise.</param>
public sealed record FindingProof(ImmutableArray<string> Facts, ImmutableArray<ProvenDecision> Evaluations, ImmutableArray<PathStep> Path)
{
    /// <summary>A proof made only of facts.</summary>
    public static FindingProof OfFacts(params string[] facts) => new([.. facts], [], []);
}

/// <summary>One decision a finding rests on: the question asked and the evaluator's answer with its trace.</summary>
/// <param name="Principal">The caller asked about.</param>
/// <param name="Action">The action.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Result">The answer, conditions and trace.</param>
public sealed record ProvenDecision(string Principal, string Action, string Resource, OpenEvaluationResult Result);

/// <summary>One step of an escalation path: who does what to what, and what they gain.</summary>
/// <param name="Principal">Who acts (a user or role ARN).</param>
/// <param name="Action">The action taken (<c>iam:PassRole</c>, <c>sts:AssumeRole</c>…).</param>
/// <param name="Resource">What it is taken on.</param>
/// <param name="Gains">What the step gives, for a person (<c>the permissions of role deploy</c>).</param>
/// <param name="Evaluation">The evaluator's answer proving the step is allowed.</param>
public sealed record PathStep(string Principal, string Action, string Resource, string Gains, OpenEvaluationResult? Evaluation);
