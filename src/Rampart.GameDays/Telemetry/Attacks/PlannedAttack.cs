using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.Attacks;

/// <summary>An attack placed in time and in an account and region, with its records.</summary>
internal sealed record PlannedAttack(AttackScenario Scenario, Account Account, RegionEstate Region, IReadOnlyList<Injection> Injections, string Actor);
