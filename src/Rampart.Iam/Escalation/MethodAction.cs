namespace Rampart.Iam.Escalation;

/// <summary>One action an escalation method needs, and the resource it is asked on.</summary>
/// <param name="Action">The action, such as <c>lambda:CreateFunction</c>.</param>
/// <param name="Resource">
/// The resource as a template: <c>{target}</c> is the ARN of the role, user, group or policy the method is tried on;
/// <c>{partition}</c>, <c>{account}</c> and <c>{region}</c> are the account's; <c>{name}</c> is a name the principal picks
/// for a resource it creates. When the principal's policies allow the action only on resources with other names, those
/// names are tried too.
/// </param>
public sealed record MethodAction(string Action, string Resource);
