namespace Rampart.Iam.Evaluation;

/// <summary>The outcome of evaluating a request.</summary>
public enum Decision
{
    /// <summary>Every required layer allows it and nothing denies it.</summary>
    Allowed,

    /// <summary>A statement denies it.</summary>
    ExplicitlyDenied,

    /// <summary>Nothing denies it, but a layer that must allow does not.</summary>
    ImplicitlyDenied,
}
