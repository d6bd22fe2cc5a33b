using System.Text.Json.Nodes;
using Rampart.Iam.Escalation;
using static Rampart.Iam.Tests.Escalation.Exports;

namespace Rampart.Iam.Tests.Escalation;

/// <summary>Every method that acts through a service or on another user, tried with exactly its actions, and with one missing.</summary>
public sealed class CatalogueTests
{
    public static TheoryData<string> ThroughServices => [.. EscalationMethods.All
        .Where(method => method.Target is EscalationTargetKind.PassRoleToService or EscalationTargetKind.ServiceResource)
        .Select(method => method.Id)];

    public static TheoryData<string, string> ThroughServicesLessOneAction
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var method in EscalationMethods.All.Where(method => method.Target is EscalationTargetKind.PassRoleToService or EscalationTargetKind.ServiceResource))
            {
                foreach (var action in method.Actions.Select(action => action.Action).Distinct())
                    data.Add(method.Id, action);
            }

            return data;
        }
    }

    public static TheoryData<string> OnUsers => [.. EscalationMethods.All.Where(method => method.Target == EscalationTargetKind.UserCredentials).Select(method => method.Id)];

    [Theory]
    [MemberData(nameof(ThroughServices))]
    public void EachServiceMethodReachesAnAdministratorRoleTheServiceMayAssume(string id)
    {
        var method = EscalationMethods.Find(id)!;

        var analysis = Analyze(Export([User("mallory", [Allow(Actions(method, null), "*")])],
            [Role("target", TrustService(method.ServicePrincipal!), managed: [Admin], profile: true)]));

        Assert.Equal(id, Assert.Single(analysis.Findings).CheckId);
    }

    [Theory]
    [MemberData(nameof(ThroughServicesLessOneAction))]
    public void NoServiceMethodIsFoundWithOneOfItsActionsMissing(string id, string missing)
    {
        var method = EscalationMethods.Find(id)!;

        var analysis = Analyze(Export([User("mallory", [Allow(Actions(method, missing), "*")])],
            [Role("target", TrustService(method.ServicePrincipal!), managed: [Admin], profile: true)]));

        Assert.DoesNotContain(analysis.Findings, finding => finding.CheckId == id);
    }

    [Theory]
    [MemberData(nameof(OnUsers))]
    public void EachCredentialMethodReachesAnAdministratorUser(string id)
    {
        var method = EscalationMethods.Find(id)!;

        var analysis = Analyze(Export([User("mallory", [Allow(Actions(method, null), "*")]), User("boss", managed: [Admin])], []));

        Assert.Equal((id, UserArn("mallory")), (Assert.Single(analysis.Findings).CheckId, analysis.Findings[0].Principal));
    }

    private static JsonArray Actions(EscalationMethod method, string? missing) =>
        List([.. method.Actions.Select(action => action.Action).Distinct().Where(action => action != missing)]);
}
